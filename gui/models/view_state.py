"""View settings that belong to the project, not to the machine: saved in the project file, restored on open.

The tree's 稳定前 N 名 (the TOP-N whose stability bands are drawn) and the 为什么？ tab's 目标名次 K are how a
committee looks at *this* ranking: a project of 300 cities is read for its top 30, the sample for its
top 10. So they travel with the `.cidx` (the document's `extras[KEY]`, e.g.
`{"stability_top": 20, "target_rank": 5}`), not with QSettings like the window's geometry.

They are view state, not edits: changing one is not an undo step, writes no history entry and does not by
itself mark the project unsaved (no result changes, and closing should not ask about a spin box); the
value is written with the next save (and in the autosave's recovery copy, made when edits are unsaved).
A file without them (older files, a workbook) opens with the defaults. `bind_spin` ties one spin box to
one key: each change is stored in the current document; a project opened (`project_changed`:
a new document, defaults) or a document restored from a file (`document_opened`) sets the spin box from
what the document holds.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

KEY = "view_state"
STABILITY_TOP = "stability_top"
TARGET_RANK = "target_rank"


def stored(controller, name: str, default: int) -> int:
    """The document's value for `name`, or `default` (no document, not stored, or not a whole number ≥ 1)."""
    state = controller.extras.get(KEY) if getattr(controller, "document", None) is not None else None
    value = state.get(name) if isinstance(state, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else default


def store(controller, name: str, value: int) -> None:
    """Keep `value` under `name` in the current document (not an undo step)."""
    if getattr(controller, "document", None) is None:
        return
    state = controller.extras.get(KEY)
    state = dict(state) if isinstance(state, dict) else {}
    if state.get(name) == int(value):
        return
    state[name] = int(value)
    controller.set_extra(KEY, state)


def bind_spin(controller, spin: QSpinBox, name: str, default: int) -> None:
    """Store `spin`'s value in the project as it changes; set it from the project when one is opened."""
    restoring = False

    def changed(value: int) -> None:
        if not restoring:
            store(controller, name, value)

    def restore() -> None:
        nonlocal restoring
        restoring = True
        try:
            spin.setValue(stored(controller, name, default))  # clamped to the spin box's range
        finally:
            restoring = False

    spin.valueChanged.connect(changed)
    controller.project_changed.connect(restore)
    opened = getattr(controller, "document_opened", None)
    if opened is not None:
        opened.connect(restore)
    if getattr(controller, "document", None) is not None:
        restore()
