"""Office documents to PDF with LibreOffice, headless (no Qt).

`to_pdf(docx, pdf=None, timeout=None, cancelled=None)` runs `soffice --headless --convert-to pdf` on a copy of the
document in a temporary folder, with a private LibreOffice profile
(`-env:UserInstallation=file:///…`) so that it neither clashes with a LibreOffice the user has
open nor with another conversion running at the same time, then moves the PDF to `pdf`
(default: beside the document, same name). `find_soffice()` finds the program (`soffice` or
`libreoffice` on PATH, and the usual install folders on Windows and macOS); when there is none,
`PdfError` says so and what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from core.files.atomic import WriteError, atomic_path

CANDIDATES = ("soffice", "libreoffice")
WINDOWS_PATHS = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                 r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
MAC_PATHS = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)
NOT_FOUND = ("LibreOffice was not found (no 'soffice' or 'libreoffice' on PATH), so no PDF was written; the .docx "
             "is complete. Install LibreOffice (https://www.libreoffice.org; on Debian/Ubuntu: apt-get install "
             "libreoffice-writer-nogui) or open the .docx in Word and save it as PDF.")


class PdfError(Exception):
    pass


class PdfCancelled(PdfError):
    """The caller's `cancelled()` turned True: LibreOffice was stopped, no PDF written."""


BASE_TIMEOUT = 180.0  # seconds: the sample's draft takes about 12
SECONDS_PER_MB = 8.0  # more for every MB of the document's XML (a 1,200-page draft, 56 MB: about 4 min)


def timeout_for(document: str | Path) -> float:
    """A conversion time limit that grows with the document: BASE_TIMEOUT plus SECONDS_PER_MB for each
    MB of its (uncompressed) XML, so a large draft is not cut off while a hung LibreOffice still is."""
    import zipfile
    try:
        with zipfile.ZipFile(document) as z:
            size = sum(i.file_size for i in z.infolist() if i.filename.endswith(".xml"))
    except (OSError, zipfile.BadZipFile):
        return BASE_TIMEOUT
    return BASE_TIMEOUT + SECONDS_PER_MB * size / 1e6


def find_soffice() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    for p in (*WINDOWS_PATHS, *MAC_PATHS):
        if os.path.isfile(p):
            return p
    return None


def _run(cmd: list[str], timeout: float, cancelled: Callable[[], bool] | None = None) -> subprocess.CompletedProcess:
    """Run LibreOffice in a process group of its own and, when it overruns `timeout`, end the whole
    group: `soffice` is a launcher whose soffice.bin child would otherwise live on, orphaned,
    converting for minutes after the caller gave up (seen with a 3,000-unit draft)."""
    posix = os.name == "posix"
    kwargs: dict = {"start_new_session": True} if posix else {
        "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    with subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          **kwargs) as proc:
        deadline = time.monotonic() + timeout
        try:
            while True:  # in short waits, so a cancel is seen within half a second
                try:
                    out, err = proc.communicate(timeout=max(min(0.5, deadline - time.monotonic()), 0.01))
                    break
                except subprocess.TimeoutExpired:
                    if cancelled is not None and cancelled():
                        raise PdfCancelled("PDF conversion cancelled") from None
                    if time.monotonic() >= deadline:
                        raise
        except (subprocess.TimeoutExpired, PdfCancelled):
            if posix:
                import signal
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except OSError:
                    proc.kill()
            else:  # the launcher and its children
                subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True)
                proc.kill()
            proc.communicate()
            raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def to_pdf(document: str | Path, pdf: str | Path | None = None, timeout: float | None = None,
           soffice: str | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    """Convert `document` to PDF; returns the PDF's path. PdfError when LibreOffice is missing,
    fails or takes longer than `timeout` seconds (default: timeout_for the document); PdfCancelled
    when `cancelled()` turns True meanwhile (LibreOffice is stopped, nothing written)."""
    document = Path(document)
    if not document.is_file():
        raise PdfError(f"cannot convert {document}: no such file")
    pdf = Path(pdf) if pdf else document.with_suffix(".pdf")
    timeout = timeout_for(document) if timeout is None else timeout
    exe = soffice or find_soffice()
    if not exe:
        raise PdfError(NOT_FOUND)
    with tempfile.TemporaryDirectory(prefix="cityindex-pdf-") as tmp:
        tmpdir = Path(tmp)
        src = tmpdir / ("document" + document.suffix.lower())
        shutil.copyfile(document, src)
        profile = (tmpdir / "profile").resolve().as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", "pdf", "--outdir", str(tmpdir / "out"), str(src)]
        try:
            proc = _run(cmd, timeout, cancelled)
        except subprocess.TimeoutExpired as e:
            raise PdfError(f"LibreOffice did not finish converting {document.name} within {timeout:g} s") from e
        except OSError as e:
            raise PdfError(f"cannot run LibreOffice ({exe}): {e}") from e
        out = tmpdir / "out" / "document.pdf"
        if proc.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            err = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()
            hint = (" (is LibreOffice Writer installed? On Debian/Ubuntu: libreoffice-writer-nogui)"
                    if "could not be loaded" in err else "")
            raise PdfError(f"LibreOffice could not convert {document.name} (exit {proc.returncode})"
                           + (f": {err[-500:]}" if err else "") + hint)
        try:
            pdf.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(pdf) as dst:  # whole or not at all, like every file we write
                shutil.copyfile(out, dst)
        except WriteError as e:
            raise PdfError(str(e)) from e
        except OSError as e:
            raise PdfError(f"cannot write {pdf}: {e.strerror or e}") from e
    return pdf
