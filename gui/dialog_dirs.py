"""Where a file dialog starts: the folder last used, else the open project's folder.

A dialog given a bare name ("results.xlsx") starts in the process's working directory — the
program's folder when started from a shortcut — which is never where the user keeps a project.
The window tells this module which project is open (`set_project`); every file dialog of the GUI
asks `start_dir()` / `start_path(name)` and reports what the user chose with `remember(path)`.
Opening another project resets the last-used folder to that project's folder. Process-wide state
on purpose: the charts, the report export and the dialogs share it without being handed a window.
"""

from __future__ import annotations

from pathlib import Path

_state: dict[str, Path | None] = {"project": None, "last": None}


def set_project(path: str | Path | None, is_sample: bool = False) -> None:
    """The open project's file (None, or the bundled sample: no folder of the user's)."""
    from core.files.paths import SAMPLE_WORKBOOK
    is_sample = is_sample or (path is not None and Path(path).resolve() == SAMPLE_WORKBOOK.resolve())
    folder = None if path is None or is_sample else Path(path).resolve().parent
    _state["project"] = folder
    _state["last"] = None


def remember(path: str | Path | None) -> None:
    """A file or folder the user picked in a dialog: the next dialog starts beside it."""
    if not path:
        return
    p = Path(path)
    _state["last"] = p if p.is_dir() else p.parent


def start_dir() -> Path:
    for d in (_state["last"], _state["project"]):
        if d is not None and d.is_dir():
            return d
    docs = Path.home() / "Documents"
    return docs if docs.is_dir() else Path.home()


def start_path(name: str = "") -> str:
    """The start folder, joined with a suggested file name when given (a name that is already a path is
    put in the start folder too: only its file name is kept)."""
    d = start_dir()
    return str(d / Path(name).name) if name else str(d)
