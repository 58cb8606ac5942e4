"""Undoable edits. Each command swaps one immutable part of the controller's document
(core.model.document.Document) for another: its Framework, Settings, Project or set of locked weights.

Consecutive edits of the same weight merge into one step (a slider drag is one
undo), as QUndoCommand.mergeWith allows. Every command carries the history entry
(core.model.records.Entry) the controller wrote for it: undo marks the entry `undone`,
redo marks it `done` again; a merge updates the entry of the step it merges into.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

WEIGHT_ID = 1001


class RecordedCommand(QUndoCommand):
    """A command with a history entry; the first redo (the push itself) is not an event."""

    def __init__(self, controller, text: str, entry=None):
        super().__init__(text)
        self.controller, self.entry = controller, entry
        self._done_once = False

    def redo(self) -> None:
        if self._done_once:
            self.controller._history_state(self.entry, "done")
        self._done_once = True
        self.apply_new()

    def undo(self) -> None:
        self.controller._history_state(self.entry, "undone")
        self.apply_old()

    def apply_new(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def apply_old(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class FrameworkCommand(RecordedCommand):
    """Replace the project's framework; `weights_only` keeps the fast recompute path."""

    def __init__(self, controller, old, new, text: str, weights_only: bool, merge_key: str = "", entry=None,
                 primary: str = ""):
        super().__init__(controller, text, entry)
        self.old, self.new = old, new
        self.weights_only, self.merge_key, self.primary = weights_only, merge_key, primary

    def id(self) -> int:  # noqa: A003 - Qt's name
        return WEIGHT_ID if self.weights_only and self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, FrameworkCommand) or other.merge_key != self.merge_key:
            return False
        self.new = other.new
        self.controller._history_merged(self, other)
        return True

    def apply_new(self) -> None:
        self.controller._set_framework(self.new, self.weights_only)

    def apply_old(self) -> None:
        self.controller._set_framework(self.old, self.weights_only)


class SettingsCommand(RecordedCommand):
    def __init__(self, controller, old, new, text: str, entry=None):
        super().__init__(controller, text, entry)
        self.old, self.new = old, new

    def apply_new(self) -> None:
        self.controller._set_settings(self.new)

    def apply_old(self) -> None:
        self.controller._set_settings(self.old)


class ProjectCommand(RecordedCommand):
    """Replace the whole project (data cells edited, data sheet re-imported): a full recompute."""

    def __init__(self, controller, old, new, text: str, entry=None):
        super().__init__(controller, text, entry)
        self.old, self.new = old, new

    def apply_new(self) -> None:
        self.controller._set_project_state(self.new)

    def apply_old(self) -> None:
        self.controller._set_project_state(self.old)


class LockCommand(QUndoCommand):
    """Swap the document's set of locked weights (core.model.document.Document.locked). Not a
    history entry: a lock changes no weight and no rank."""

    def __init__(self, controller, old: frozenset[str], new: frozenset[str], text: str):
        super().__init__(text)
        self.controller, self.old, self.new = controller, frozenset(old), frozenset(new)

    def redo(self) -> None:
        self.controller._set_locked_state(self.new)

    def undo(self) -> None:
        self.controller._set_locked_state(self.old)
