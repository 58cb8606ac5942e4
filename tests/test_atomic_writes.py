"""Every writer is atomic (issue 17, points 6–7; issue 16, point 9).

A write killed with SIGKILL half-way leaves the previous file byte-for-byte whole, and its
temporary is removed by the next write to that folder; data are fsynced before the rename; a
read-only target is refused with a message naming it; new files get the mode an ordinary save
gives (0666 less the umask) and a replaced file keeps its own.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from core.cli.commands import run
from core.files import atomic
from core.files.atomic import WriteError, atomic_path, remove_stale_temporaries
from core.files.paths import SAMPLE_WORKBOOK

ROOT = Path(__file__).resolve().parents[1]
POSIX = os.name == "posix"


def _ours(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if atomic._OURS.fullmatch(p.name))


# ------------------------------------------------------------------------------- SIGKILL per writer

# Each writer, as a child process would run it: `TARGET` is the file written. The setup (loading
# the project) comes before `# write`, so that the kill lands in the write itself.
WRITERS = {
    "score": """
        from core.cli.commands import run
        # write
        assert run(["score", SAMPLE, "-o", TARGET]) == 0
    """,
    "project": """
        from tests.helpers import load_or_raise
        from core.files.project_file import save_project
        project = load_or_raise(SAMPLE)
        # write
        save_project(project, TARGET)
    """,
    "forms": """
        from tests.helpers import load_or_raise
        from core.experts.weight_forms import write_expert_form
        project = load_or_raise(SAMPLE)
        # write
        write_expert_form(project.framework, "张三", TARGET)
    """,
    "score-sheets": """
        from pathlib import Path
        from tests.helpers import load_or_raise
        from core.experts.score_sheets import write_score_sheet
        from tests.score_sheet_helpers import write_input
        project = load_or_raise(write_input(Path(TARGET).parent / "scored_input.xlsx"))
        # write
        write_score_sheet(project.framework, list(project.data.units), "张三", TARGET)
    """,
    "report": """
        from tests.helpers import load_or_raise
        from core.pipeline.run import compute
        from core.outputs.report import write_report
        result = compute(load_or_raise(SAMPLE))
        # write
        write_report(result, TARGET)
    """,
    "template": """
        from core.cli.commands import run
        # write
        assert run(["template", "-o", TARGET]) == 0
    """,
}
SUFFIX = {"project": ".cidx", "report": ".docx"}

# In the child: every writer here writes a zip package (xlsx, docx, cidx); after its first part
# the child says so and waits to be killed, its temporary half-written.
# (openpyxl and python-docx write parts from memory, XlsxWriter from its temporary files: both ways stall)
STALL = """
import sys, time, zipfile
def _stalling(original):
    def _stalled(self, *a, **k):
        original(self, *a, **k)
        print("WRITING", flush=True)
        time.sleep(120)
    return _stalled
zipfile.ZipFile.writestr = _stalling(zipfile.ZipFile.writestr)
zipfile.ZipFile.write = _stalling(zipfile.ZipFile.write)
"""


def _child(writer: str, target: Path, stall: bool) -> str:
    body = textwrap.dedent(WRITERS[writer])
    setup, write = body.split("# write\n")
    return (f"SAMPLE = {str(SAMPLE_WORKBOOK)!r}\nTARGET = {str(target)!r}\n" + setup
            + (STALL if stall else "") + write + "print('DONE', flush=True)\n")


def _run_child(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.mark.skipif(not POSIX, reason="SIGKILL")
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_write_killed_half_way_keeps_the_previous_file_and_the_next_write_cleans_up(tmp_path, writer):
    target = tmp_path / ("out" + SUFFIX.get(writer, ".xlsx"))
    first = _run_child(_child(writer, target, stall=False))
    assert "DONE" in first.stdout, first.stderr[-3000:]
    before = target.read_bytes()
    backups = {p.name: p.read_bytes() for p in tmp_path.glob("*.bak")}

    proc = subprocess.Popen([sys.executable, "-c", _child(writer, target, stall=True)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        line = proc.stdout.readline()
        assert line.strip() == "WRITING", (line, proc.stderr.read()[-3000:] if proc.poll() is not None else "")
        stale = _ours(tmp_path)
        assert stale and all(p.stat().st_size > 0 for p in stale)  # killed with a half-written temporary
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=60) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()

    assert target.read_bytes() == before  # the previous file, whole
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.bak")} == backups  # backups not rotated
    assert _ours(tmp_path) == stale  # the dead write's temporary is still there…

    time.sleep(0.05)
    again = _run_child(_child(writer, target, stall=False))
    assert "DONE" in again.stdout, again.stderr[-3000:]
    assert _ours(tmp_path) == []  # …until the next write to that folder, in a later process, removes it
    assert target.stat().st_size > 0


# ------------------------------------------------------------------------------ stale temporaries


def test_only_our_stale_temporaries_are_removed(tmp_path):
    old = atomic.PROCESS_START - 3600
    stale = tmp_path / ".results.ab12cd_9.xlsx.tmp"
    stale_png = tmp_path / ".chart.zz99yy88.tmp.png"
    stale_other_stem = tmp_path / ".report.k2j4h6g8.docx.tmp"
    fresh = tmp_path / ".results.qwertyui.xlsx.tmp"  # a write of this process, still running
    foreign = [tmp_path / ".results.xlsx.tmp", tmp_path / "results.tmp", tmp_path / ".hidden.tmp",
               tmp_path / "notes.xlsx"]
    for p in [stale, stale_png, stale_other_stem, fresh, *foreign]:
        p.write_bytes(b"x")
    for p in [stale, stale_png, stale_other_stem, *foreign]:
        os.utime(p, (old, old))

    with atomic_path(tmp_path / "results.xlsx") as tmp:
        tmp.write_bytes(b"new")

    left = {p.name for p in tmp_path.iterdir()}
    assert left == {fresh.name, "results.xlsx", *(p.name for p in foreign)}


def test_remove_stale_temporaries_ignores_a_missing_folder(tmp_path):
    assert remove_stale_temporaries(tmp_path / "nowhere") == []


# ------------------------------------------------------------------------------------------ fsync


def test_data_reach_the_disk_before_the_rename(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}") if POSIX and Path("/proc/self/fd").exists()
                       else fd))
        return real_fsync(fd)

    def replace(a, b):
        events.append(("replace", str(a), str(b)))
        return real_replace(a, b)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "x.json"
    with atomic_path(target) as tmp:
        tmp.write_text("{}")
        tmp_name = str(tmp)
    kinds = [e[0] for e in events]
    assert kinds.index("fsync") < kinds.index("replace")
    assert events[kinds.index("replace")][1:] == (tmp_name, str(target))
    if Path("/proc/self/fd").exists():
        assert events[0][1] == tmp_name  # the temporary's own data
        assert ("fsync", str(tmp_path)) in events[kinds.index("replace"):]  # then the folder's entry


# -------------------------------------------------------------------------------------- read-only


def test_a_read_only_target_is_refused_and_kept(tmp_path, capsys):
    target = tmp_path / "results.xlsx"
    assert run(["score", str(SAMPLE_WORKBOOK), "-o", str(target)]) == 0
    before = target.read_bytes()
    target.chmod(0o444)
    try:
        capsys.readouterr()
        assert run(["score", str(SAMPLE_WORKBOOK), "-o", str(target)]) == 1
        err = capsys.readouterr().err
        assert "results.xlsx" in err and "只读" in err and "Traceback" not in err
        assert target.read_bytes() == before
        assert _ours(tmp_path) == []
    finally:
        target.chmod(0o644)


def test_write_errors_are_told_in_the_commands_language(tmp_path, capsys):
    target = tmp_path / "results.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    try:
        assert run(["score", str(SAMPLE_WORKBOOK), "-o", str(target), "--lang", "zh"]) == 1
        err = capsys.readouterr().err
        assert "results.xlsx" in err and "只读" in err and "read-only" not in err
        missing = tmp_path / "no such folder" / "r.xlsx"
        assert run(["score", str(SAMPLE_WORKBOOK), "-o", str(missing), "--lang", "zh"]) == 1
        assert "不存在" in capsys.readouterr().err
    finally:
        target.chmod(0o644)


def test_read_only_refusal_comes_before_any_work(tmp_path):
    target = tmp_path / "f.json"
    target.write_text("old")
    target.chmod(0o400)
    try:
        with pytest.raises(WriteError) as e, atomic_path(target):
            raise AssertionError("the writer must not run")
        assert "f.json" in str(e.value) and "read-only" in str(e.value)
        assert isinstance(e.value, OSError)
    finally:
        target.chmod(0o600)


# ------------------------------------------------------------------------------------------ modes


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.skipif(not POSIX, reason="POSIX modes")
def test_new_files_get_the_mode_an_ordinary_save_gives(tmp_path, umask_022):
    with open(tmp_path / "ordinary.txt", "w") as f:  # what any program's save gives
        f.write("x")
    expected = stat.S_IMODE((tmp_path / "ordinary.txt").stat().st_mode)
    assert expected == 0o644
    assert run(["score", str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.xlsx"), "--json",
                str(tmp_path / "r.json")]) == 0
    assert run(["template", "-o", str(tmp_path / "t.xlsx")]) == 0
    from core.experts.weight_forms import write_expert_form
    from core.files.project_file import save_project
    from core.outputs.report import write_report
    from core.pipeline.run import compute
    from tests.helpers import load_or_raise
    project = load_or_raise(SAMPLE_WORKBOOK)
    write_expert_form(project.framework, "张三", tmp_path / "form.xlsx")
    write_report(compute(project), tmp_path / "report.docx")
    save_project(project, tmp_path / "p.cidx")
    for name in ("r.xlsx", "r.json", "t.xlsx", "form.xlsx", "report.docx", "p.cidx"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == expected, name


@pytest.mark.skipif(not POSIX, reason="POSIX modes")
def test_a_stricter_umask_is_followed(tmp_path):
    old = os.umask(0o077)
    try:
        with atomic_path(tmp_path / "private.json") as tmp:
            tmp.write_text("{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "private.json").stat().st_mode) == 0o600


@pytest.mark.skipif(not POSIX, reason="POSIX modes")
def test_a_replaced_file_keeps_its_mode(tmp_path, umask_022):
    from core.files.project_file import save_project
    from tests.helpers import load_or_raise
    target = tmp_path / "p.cidx"
    save_project(load_or_raise(SAMPLE_WORKBOOK), target)
    target.chmod(0o640)
    save_project(load_or_raise(SAMPLE_WORKBOOK), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "p.cidx.1.bak").stat().st_mode) == 0o640  # as private as its original
    results = tmp_path / "r.xlsx"
    assert run(["score", str(SAMPLE_WORKBOOK), "-o", str(results)]) == 0
    results.chmod(0o640)
    assert run(["score", str(SAMPLE_WORKBOOK), "-o", str(results)]) == 0
    assert stat.S_IMODE(results.stat().st_mode) == 0o640
