"""Atomic writes: write to a temporary file beside the target, then rename.

A failure half-way leaves the previous file byte-for-byte intact; a target
that cannot be replaced (open in Excel on Windows, read-only folder) gets a
clear message naming it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path


class WriteError(Exception):
    pass


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces `target`, on failure it is removed."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise WriteError(f"cannot write {target.name}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix + ".tmp", dir=folder)
    except OSError as e:
        raise WriteError(f"cannot write in the folder {folder}: {e.strerror}") from e
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        try:
            os.replace(tmp_path, target)
        except PermissionError as e:
            raise WriteError(f"cannot replace {target.name}: it may be open in Excel or another "
                             "program; close it and try again") from e
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_bytes(target: str | Path, writer: Callable[[Path], None]) -> None:
    with atomic_path(target) as tmp:
        writer(tmp)
