"""Results-workbook benchmark: the writer before and after, and the other long paths of a large project.

Run on demand from the repository root (not a test; nothing here asserts on time):

    python -m bench.bench_export                  # both sizes, old and new writer, the long paths
    python -m bench.bench_export --quick          # 300 × 41 only, no long paths
    python -m bench.bench_export --old-limit 120  # stop the old writer on 3,000 × 500 after 120 s
    python -m bench.bench_export --only-long      # only the other long paths of 3,000 × 500

The synthetic projects are those of bench.bench_engine (numpy default_rng(0)): 300 units × 41
indicators (the default framework) and 3,000 units × 500 indicators (wide_framework: 10
dimensions, 50 sub-dimensions). Each write runs in a fresh subprocess so that its peak memory
(ru_maxrss) is its own; the figure printed is the rise of the peak during the write, with the
process's peak beside it; the CPU time (user + system) beside the wall-clock time tells what a busy
machine added. "Cells" counts the <c> elements in the written sheets, so both writers
are measured on the same work. The "before" writer is core/results_workbook.py as it was at
--before (default: the commit before the XlsxWriter version), loaded from git into a temporary
module and run in the same way, in the same run.

Targets (issue 17): the 300 × 41 workbook in < 1 s, the 3,000 × 500 one in < 15 s.
Also timed on 3,000 × 500: opening the input workbook (core.files.loader.load), saving the project
file (.cidx, core.files.project_file.save_project), the report draft (core.outputs.report.build_report, without
figures) and the uncertainty analysis with 2,000 runs (core.analysis.uncertainty.run_uncertainty).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "8a05a85"  # the last commit with the openpyxl writer
TARGETS = {"300x41": 1.0, "3000x500": 15.0}


def project(size: str):
    import numpy as np

    from bench.bench_engine import default_framework, synthetic_project, wide_framework
    rng = np.random.default_rng(0)
    if size == "300x41":
        return synthetic_project(default_framework(), 300, rng)
    return synthetic_project(wide_framework(), 3000, rng)


def old_writer(rev: str):
    """core/results_workbook.py at `rev`, as a module of the core package (its relative imports work)."""
    src = subprocess.run(["git", "show", f"{rev}:core/results_workbook.py"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    spec = importlib.util.spec_from_loader("core._results_workbook_before", loader=None)
    mod = importlib.util.module_from_spec(spec)
    mod.__package__ = "core"
    sys.modules[spec.name] = mod
    exec(compile(src, f"{rev}:core/results_workbook.py", "exec"), mod.__dict__)  # noqa: S102 - our own file
    return mod


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def count_cells(path: Path) -> int:
    n = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                with z.open(name) as f:
                    tail = b""
                    while chunk := f.read(1 << 22):
                        data = tail + chunk
                        n += data.count(b"<c ")
                        tail = data[-2:]
    return n


def one(which: str, size: str, rev: str, out: Path) -> dict:
    """One write in this process (called in a subprocess): seconds, peak memory."""
    from core.pipeline.run import compute
    p = project(size)
    r = compute(p)
    mod = old_writer(rev) if which == "old" else __import__("core.outputs.results_workbook", fromlist=["x"])
    before = peak_mb()
    calls = []
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    if which == "old":
        mod.write_results(r, out, data=p.data)
    else:
        mod.write_results(r, out, data=p.data, progress=calls.append)
    seconds = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    return {"seconds": seconds, "cpu": cpu, "peak_before_mb": before, "peak_mb": peak_mb(),
            "progress_calls": len(calls)}


def run_one(which: str, size: str, rev: str, limit: float | None) -> dict | None:
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        out = Path(tmp) / "results.xlsx"
        cmd = [sys.executable, "-m", "bench.bench_export", "--one", which, "--size", size, "--before", rev,
               "--out", str(out)]
        try:
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            return None
        if done.returncode != 0:
            raise SystemExit(f"{which} {size} failed:\n{done.stderr}")
        rec = json.loads(done.stdout.strip().splitlines()[-1])
        rec["cells"] = count_cells(out)
        rec["mb_file"] = out.stat().st_size / 1e6
        return rec


def show(label: str, rec: dict | None, limit: float | None, target: float | None) -> None:
    if rec is None:
        print(f"  {label:<34} stopped after {limit:.0f} s (more than {limit:.0f} s)")
        return
    rate = rec["cells"] / rec["seconds"]
    verdict = "" if target is None else f"  target < {target:g} s {'PASS' if rec['seconds'] < target else 'MISS'}"
    print(f"  {label:<34} {rec['seconds']:8.2f} s (CPU {rec['cpu']:6.2f} s)  {rec['cells']:>10,} cells  "
          f"{rate:>10,.0f} cells/s  "
          f"peak +{rec['peak_mb'] - rec['peak_before_mb']:7.0f} MB (process {rec['peak_mb']:.0f} MB)  "
          f"{rec['mb_file']:.1f} MB file{verdict}", flush=True)


LONG_PATHS = ("load", "save", "report", "uncertainty")


def long_path(what: str) -> str:
    """One long path of a 3,000 × 500 project, timed in this process (run in a subprocess)."""
    from bench.bench_engine import write_workbook
    from core.pipeline.run import compute
    p = project("3000x500")
    with tempfile.TemporaryDirectory(prefix="bench-long-") as tmp:
        if what == "load":
            from core.files.loader import load
            src = Path(tmp) / "large.xlsx"
            write_workbook(src, p.framework, p.data.values)
            t0 = time.perf_counter()
            loaded, problems = load(src)
            t = time.perf_counter() - t0
            assert loaded is not None, [x.format() for x in problems]
            mb = src.stat().st_size / 1e6
            return f"{'open the input workbook (core.files.loader.load)':<44}{t:8.2f} s  ({mb:.1f} MB .xlsx)"
        if what == "save":
            from core.files.project_file import save_project
            out = Path(tmp) / "large.cidx"
            t0 = time.perf_counter()
            save_project(p, out)
            t = time.perf_counter() - t0
            return f"{'save the project file (.cidx)':<44}{t:8.2f} s  ({out.stat().st_size / 1e6:.1f} MB)"
        r = compute(p)
        if what == "report":
            from core.outputs.report import build_report
            t0 = time.perf_counter()
            build_report(r)
            t = time.perf_counter() - t0
            return f"{'report draft (core.outputs.report.build_report)':<44}{t:8.2f} s  (without figures)"
        from core.analysis.uncertainty import run_uncertainty
        t0 = time.perf_counter()
        run_uncertainty(r, 2000, 1, 0.2, sensitivity=False)
        t = time.perf_counter() - t0
        return f"{'uncertainty analysis, 2,000 runs':<44}{t:8.2f} s  ({2000 / t:,.0f} runs/s)"


def long_paths(limit: float) -> None:
    """The other long paths of a 3,000 × 500 project, each once in its own process, printed as they end."""
    for what in LONG_PATHS:
        cmd = [sys.executable, "-m", "bench.bench_export", "--long", what]
        t0 = time.perf_counter()
        try:
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            print(f"  {what}: stopped after {limit:.0f} s (more than {limit:.0f} s)", flush=True)
            continue
        if done.returncode != 0:
            print(f"  {what}: failed after {time.perf_counter() - t0:.0f} s: {done.stderr.strip()[-300:]}", flush=True)
            continue
        print("  " + done.stdout.strip().splitlines()[-1], flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_export", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="300 × 41 only, no long paths")
    ap.add_argument("--before", default=BEFORE, help="git revision of the writer to compare with")
    ap.add_argument("--old-limit", type=float, default=300.0, help="seconds the old writer may take on 3,000 × 500")
    ap.add_argument("--no-old-large", action="store_true", help="skip the old writer on 3,000 × 500")
    ap.add_argument("--no-long", action="store_true", help="skip the other long paths")
    ap.add_argument("--long-limit", type=float, default=300.0, help="seconds each long path may take")
    ap.add_argument("--only-long", action="store_true", help="only the other long paths")
    ap.add_argument("--one", choices=("old", "new"), help=argparse.SUPPRESS)
    ap.add_argument("--long", choices=LONG_PATHS, help=argparse.SUPPRESS)
    ap.add_argument("--size", default="300x41", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one, args.size, args.before, Path(args.out))))
        return 0
    if args.long:
        print(long_path(args.long))
        return 0
    print("CityIndex Studio — results workbook export (each write in its own process)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; old writer: core/results_workbook.py "
          f"at {args.before} (openpyxl)")
    for size in () if args.only_long else ("300x41",) if args.quick else ("300x41", "3000x500"):
        print(f"{size.replace('x', ' × ')}:", flush=True)
        new = run_one("new", size, args.before, None)
        skip_old = size == "3000x500" and args.no_old_large
        limit = args.old_limit if size == "3000x500" else None
        old = None if skip_old else run_one("old", size, args.before, limit)
        if not skip_old:
            show("before (openpyxl)", old, limit, TARGETS[size])
        show("now (XlsxWriter, constant memory)", new, None, TARGETS[size])
        if old is not None:
            print(f"  ratio before / now: {old['seconds'] / new['seconds']:.1f}×")
        elif not skip_old:
            print(f"  ratio before / now: more than {limit / new['seconds']:.1f}×")
    if not (args.quick or args.no_long):
        print("3,000 × 500, the other long paths (each in its own process):", flush=True)
        long_paths(args.long_limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
