"""Office documents to PDF with LibreOffice, headless (no Qt).

`to_pdf(docx, pdf=None, timeout=180)` runs `soffice --headless --convert-to pdf` on a copy of the
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
from pathlib import Path

CANDIDATES = ("soffice", "libreoffice")
WINDOWS_PATHS = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                 r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
MAC_PATHS = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)
NOT_FOUND = ("LibreOffice was not found (no 'soffice' or 'libreoffice' on PATH), so no PDF was written; the .docx "
             "is complete. Install LibreOffice (https://www.libreoffice.org; on Debian/Ubuntu: apt-get install "
             "libreoffice-writer-nogui) or open the .docx in Word and save it as PDF.")


class PdfError(Exception):
    pass


def find_soffice() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    for p in (*WINDOWS_PATHS, *MAC_PATHS):
        if os.path.isfile(p):
            return p
    return None


def _run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess:
    """Run LibreOffice in a process group of its own and, when it overruns `timeout`, end the whole
    group: `soffice` is a launcher whose soffice.bin child would otherwise live on, orphaned,
    converting for minutes after the caller gave up (seen with a 3,000-unit draft)."""
    posix = os.name == "posix"
    kwargs: dict = {"start_new_session": True} if posix else {
        "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    with subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          **kwargs) as proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
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


def to_pdf(document: str | Path, pdf: str | Path | None = None, timeout: float = 180.0,
           soffice: str | None = None) -> Path:
    """Convert `document` to PDF; returns the PDF's path. PdfError when LibreOffice is missing,
    fails or takes longer than `timeout` seconds."""
    document = Path(document)
    if not document.is_file():
        raise PdfError(f"cannot convert {document}: no such file")
    pdf = Path(pdf) if pdf else document.with_suffix(".pdf")
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
            proc = _run(cmd, timeout)
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
            shutil.move(str(out), str(pdf))
        except OSError as e:
            raise PdfError(f"cannot write {pdf}: {e.strerror or e}") from e
    return pdf
