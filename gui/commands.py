"""Undoable edits. Each command swaps one immutable Framework (or Settings) for another.

Consecutive edits of the same weight merge into one step (a slider drag is one
undo), as QUndoCommand.mergeWith allows.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

WEIGHT_ID = 1001


class FrameworkCommand(QUndoCommand):
    """Replace the project's framework; `weights_only` keeps the fast recompute path."""

    def __init__(self, controller, old, new, text: str, weights_only: bool, merge_key: str = ""):
        super().__init__(text)
        self.controller, self.old, self.new = controller, old, new
        self.weights_only, self.merge_key = weights_only, merge_key

    def id(self) -> int:  # noqa: A003 - Qt's name
        return WEIGHT_ID if self.weights_only and self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, FrameworkCommand) or other.merge_key != self.merge_key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.controller._set_framework(self.new, self.weights_only)

    def undo(self) -> None:
        self.controller._set_framework(self.old, self.weights_only)


class SettingsCommand(QUndoCommand):
    def __init__(self, controller, old, new, text: str):
        super().__init__(text)
        self.controller, self.old, self.new = controller, old, new

    def redo(self) -> None:
        self.controller._set_settings(self.new)

    def undo(self) -> None:
        self.controller._set_settings(self.old)
