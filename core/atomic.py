"""Atomic writes: write to a temporary file beside the target, then rename.

A failure half-way leaves the previous file byte-for-byte intact and no
temporary file behind; a target that cannot be replaced (open in Excel on
Windows, read-only folder) gets a clear message naming it (`WriteError`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path


class WriteError(Exception):
    pass


def _why(e: OSError) -> str:
    return e.strerror or str(e) or type(e).__name__


@contextlib.contextmanager
def atomic_path(target: str | Path, before_replace: Callable[[], None] | None = None) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces `target`, on failure it is removed.

    `before_replace` runs after the temporary file is complete and before the rename
    (the project file rotates its backups there, so a failed write never rotates them).
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise WriteError(f"cannot write {target.name}: the folder {folder} does not exist")
    if target.is_dir():
        raise WriteError(f"cannot write {target.name}: a folder of that name is in the way")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix + ".tmp", dir=folder)
    except OSError as e:
        raise WriteError(f"cannot write {target.name}: the folder {folder} is not writable "
                         f"({_why(e)}); choose another folder") from e
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        try:
            yield tmp_path
        except OSError as e:
            if e.errno == errno.ENOSPC:
                raise WriteError(f"cannot write {target.name}: the disk is full") from e
            raise WriteError(f"cannot write {target.name}: {_why(e)}") from e
        if before_replace is not None:
            before_replace()
        try:
            os.replace(tmp_path, target)
        except PermissionError as e:
            raise WriteError(f"cannot replace {target.name}: it may be open in Excel or another "
                             "program, or the folder is read-only; close it and try again, or "
                             "save under another name") from e
        except OSError as e:
            raise WriteError(f"cannot replace {target.name}: {_why(e)}") from e
    finally:
        with contextlib.suppress(OSError):
            if tmp_path.exists():
                tmp_path.unlink()


def write_bytes(target: str | Path, writer: Callable[[Path], None]) -> None:
    with atomic_path(target) as tmp:
        writer(tmp)
