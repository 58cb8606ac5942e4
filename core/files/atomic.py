"""Atomic writes: write to a temporary file beside the target, then rename.

Every file the application writes for the user (results workbook, project file and its
backups, expert forms, score sheets, report, template, JSON, chart images, PDF) goes through
`atomic_path`, so that:

- a failure half-way leaves the previous file byte-for-byte intact and no temporary file behind;
- a process killed half-way (power cut, kill -9) also leaves the previous file whole: the data
  are flushed to disk (fsync) before the rename, and the rename is the only step that changes
  the target. Its temporary file (`.NAME.xxxxxxxx.EXT.tmp`) stays behind, and is removed by the
  next write to that folder once it is older than the running process (so never a temporary
  another running write is still filling);
- the new file gets the permissions an ordinary save gives (0666 less the umask, e.g. 0644), and
  a file that is replaced keeps its own; a read-only target is refused, as Excel does, with the
  same message on every platform (Linux and macOS would otherwise replace it silently);
- a target that cannot be replaced (open in Excel on Windows, read-only folder) gets a clear
  message naming it (`WriteError`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from core.text import input_texts as texts

# When this module was imported: the start of the running process as far as our temporaries go
# (only this module makes them). A temporary of ours older than that belongs to a write that died.
PROCESS_START = time.time()

# Our temporaries: '.' + target stem + '.' + mkstemp's 8 random characters + the target's suffix
# + '.tmp' (or '.tmp' before the suffix, for writers that choose the format by the file's suffix).
_OURS = re.compile(r"\..+\.[a-z0-9_]{8}(\.[^./\\]{1,16})?\.tmp(\.[^./\\]{1,16})?")


class WriteError(OSError):
    """A file could not be written; the message names it and says why. An OSError, so that code
    written for the plain `open()` it replaced still catches it.

    Made by `WriteError.of(kind, **fields)` its message exists in both languages
    (core.text.input_texts `write_*`): `str(e)` is the English one, `e.text("zh")` the Chinese."""

    kind: str = ""
    fields: dict = {}

    @classmethod
    def of(cls, kind: str, **fields) -> WriteError:
        e = cls(texts.text(kind, "en", **fields))
        e.kind, e.fields = kind, fields
        return e

    def text(self, lang: str) -> str:
        return texts.text(self.kind, lang, **self.fields) if self.kind else str(self)


def error_text(e: BaseException, lang: str) -> str:
    """What to tell the user about `e` in `lang`: a WriteError in that language, else its own text."""
    if isinstance(e, WriteError):
        return e.text(lang)
    return str(e) or repr(e)


def _why(e: OSError) -> str:
    return e.strerror or str(e) or type(e).__name__


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux ≥ 4.7);
    elsewhere set and restored at once."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _read_only(target: Path) -> bool:
    """True when the user made `target` read-only (no write permission for its owner: the
    read-only attribute on Windows) or may not write it."""
    try:
        st = target.stat()
    except OSError:
        return False
    return not (st.st_mode & stat.S_IWUSR) or not os.access(target, os.W_OK)


def remove_stale_temporaries(folder: Path, older_than: float | None = None) -> list[Path]:
    """Remove the temporaries of our naming in `folder` last modified before `older_than`
    (default: the start of this process); returns those removed. Errors are ignored: a stale
    temporary costs disk space, never a write."""
    limit = PROCESS_START if older_than is None else older_than
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(".") and ".tmp" in entry.name and _OURS.fullmatch(entry.name)):
                continue
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and st.st_mtime < limit:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for this, and NTFS
    journals the rename."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_path(target: str | Path, before_replace: Callable[[], None] | None = None,
                suffix_last: bool = False, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces `target`, on failure it is removed.

    `before_replace` runs after the temporary file is complete and before the rename
    (the project file rotates its backups there, so a failed write never rotates them).
    `suffix_last`: the temporary ends in the target's suffix (`.x.1a2b3c4d.tmp.png`) for writers
    that pick the format from the file name. `mode`: the permissions to give the file (a backup
    keeps those of the file it copies); by default those of the file replaced, or of a new file.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise WriteError.of("write_no_folder", name=target.name, folder=folder)
    if target.is_dir():
        raise WriteError.of("write_folder_in_way", name=target.name)
    if _read_only(target):
        raise WriteError.of("write_read_only", name=target.name)
    remove_stale_temporaries(folder)
    ends = (".tmp" + target.suffix) if suffix_last else (target.suffix + ".tmp")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=ends, dir=folder)
    except OSError as e:
        raise WriteError.of("write_folder_not_writable", name=target.name, folder=folder, why=_why(e)) from e
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        try:
            yield tmp_path
            # the mode an ordinary save gives a new file; a replaced file keeps its own
            if mode is None:
                try:
                    mode = stat.S_IMODE(target.stat().st_mode)
                except OSError:
                    mode = 0o666 & ~_umask()
            os.chmod(tmp_path, mode)
            _fsync_file(tmp_path)
        except WriteError:
            raise
        except OSError as e:
            if e.errno == errno.ENOSPC:
                raise WriteError.of("write_disk_full", name=target.name) from e
            raise WriteError.of("write_failed", name=target.name, why=_why(e)) from e
        if before_replace is not None:
            before_replace()
        if _read_only(target):  # made read-only while we wrote
            raise WriteError.of("write_read_only", name=target.name)
        try:
            os.replace(tmp_path, target)
        except PermissionError as e:
            raise WriteError.of("write_in_use", name=target.name) from e
        except OSError as e:
            raise WriteError.of("write_replace_failed", name=target.name, why=_why(e)) from e
        _fsync_folder(folder)
    finally:
        with contextlib.suppress(OSError):
            if tmp_path.exists():
                tmp_path.unlink()


def write_bytes(target: str | Path, writer: Callable[[Path], None]) -> None:
    with atomic_path(target) as tmp:
        writer(tmp)
