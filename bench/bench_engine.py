"""Engine benchmark: full compute, weight-only recompute and workbook loading.

Run on demand (not part of the test suite; nothing here asserts on time):

    python -m bench.bench_engine            # everything, about 2-3 minutes
    python -m bench.bench_engine --quick    # fewer repetitions, skips the 3,000 × 500 workbook

Every figure is a median (and min) over several repetitions measured with
time.perf_counter. Figures of the synthetic projects are also given as a
multiple of a baseline measured in the same run: the plain numpy product
normalised(units × leaves) @ effective_weights, i.e. what an ideal flat
weighted sum of the same matrix costs.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd

from core.files.loader import load
from core.files.paths import DEFAULT_FRAMEWORK
from core.files.readers import read_csv, read_workbook
from core.model.dataset import Dataset
from core.model.framework import Framework, Node, parse_framework
from core.model.problems import ProblemList
from core.model.project import Project
from core.pipeline.run import compute

MISSING_SHARE = 0.03  # share of data cells left empty
POOL = 16  # distinct re-weighted frameworks cycled through in the reweight runs

# --- targets (seconds) -------------------------------------------------------------------------------
TARGET_REWEIGHT_SMALL = 1e-3
TARGET_REWEIGHT_LARGE = 20e-3
TARGET_LOAD_COMPUTE_SMALL = 0.5


# ------------------------------------------------------------------------------------------ measuring


def measure(fn: Callable[[], object], repeat: int, number: int = 1, warmup: int = 1) -> list[float]:
    """Seconds per call, one figure per repetition (each the mean of `number` back-to-back calls)."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        out.append((time.perf_counter() - t0) / number)
    return out


def calibrated_number(fn: Callable[[], object], at_least: float = 2e-3) -> int:
    """Calls per repetition so that one repetition lasts at least `at_least` seconds (for µs-fast calls)."""
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        if time.perf_counter() - t0 >= at_least or n >= 1 << 20:
            return n
        n *= 2


def three_sizes(case: Callable[[str, Project, int], None], argv: list[str] | None = None) -> None:
    """Run `case(name, project, repeat)` on the usual three sizes: the sample, 300 × 41 and, unless
    `--quick`, 3,000 × 500 (the benches of one output's extra cost share this)."""
    import argparse

    from core.files.loader import load
    from core.files.paths import SAMPLE_WORKBOOK
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="leave out 3,000 × 500")
    args = ap.parse_args(argv)
    sample, _ = load(SAMPLE_WORKBOOK)
    rng = np.random.default_rng(7)
    case("sample 50×41", sample, 5)
    case("300 × 41", synthetic_project(default_framework(), 300, rng), 3)
    if not args.quick:
        case("3,000 × 500", synthetic_project(wide_framework(), 3000, rng), 1)


def fmt_time(s: float) -> str:
    if s < 1e-3:
        return f"{s * 1e6:8.1f} µs"
    if s < 1.0:
        return f"{s * 1e3:8.2f} ms"
    return f"{s:8.2f} s "


@dataclass
class Row:
    section: str
    label: str
    times: list[float]
    baseline: float | None = None  # seconds, for the ×baseline column
    target: float | None = None  # seconds; PASS when the median is below it

    @property
    def median(self) -> float:
        return statistics.median(self.times)


ROW_FMT = "{:<44} {:>5} {:>12} {:>12} {:>11} {:>18}"


def print_header() -> None:
    print(ROW_FMT.format("measure", "n", "median", "min", "×baseline", "target"))
    print("-" * 107)


def print_row(r: Row) -> None:
    mult = f"{r.median / r.baseline:,.1f}×" if r.baseline else "—"
    tgt = "—"
    if r.target is not None:
        tgt = f"< {r.target * 1e3:g} ms {'PASS' if r.median < r.target else 'MISS'}"
    print(ROW_FMT.format(r.label, len(r.times), fmt_time(r.median), fmt_time(min(r.times)), mult, tgt),
          flush=True)


# ---------------------------------------------------------------------------------- synthetic projects


def default_framework() -> Framework:
    problems = ProblemList()
    fw = parse_framework(read_csv(DEFAULT_FRAMEWORK), problems)
    if fw is None or problems.has_errors:
        raise SystemExit("the default framework does not parse: " + "; ".join(p.format() for p in problems))
    return fw


def wide_framework(dims: int = 10, subs_per_dim: int = 5, leaves_per_sub: int = 10) -> Framework:
    """root → 10 dimensions → 50 sub-dimensions → 500 leaves."""
    nodes = [Node("ROOT", name_zh="综合指数")]
    for d in range(1, dims + 1):
        dc = f"D{d:02d}"
        nodes.append(Node(dc, parent="ROOT", name_zh=f"维度{d}"))
        for s in range(1, subs_per_dim + 1):
            sc = f"{dc}S{s}"
            nodes.append(Node(sc, parent=dc, name_zh=f"子维度{d}-{s}"))
            for leaf in range(1, leaves_per_sub + 1):
                lc = f"{sc}L{leaf:02d}"
                nodes.append(Node(lc, parent=sc, name_zh=f"指标{lc}", direction=1 if leaf % 4 else -1))
    return Framework.build(nodes)


def unit_names(n: int) -> list[str]:
    return [f"城市{i:04d}" for i in range(1, n + 1)]


def synthetic_values(units: list[str], leaves: list[str], rng: np.random.Generator) -> pd.DataFrame:
    x = rng.lognormal(mean=3.0, sigma=1.0, size=(len(units), len(leaves)))
    x[rng.random(x.shape) < MISSING_SHARE] = np.nan
    return pd.DataFrame(x, index=pd.Index(units, name="unit"), columns=list(leaves))


def synthetic_project(fw: Framework, n_units: int, rng: np.random.Generator) -> Project:
    units = unit_names(n_units)
    values = synthetic_values(units, fw.leaves, rng)
    ds = Dataset(tuple(units), values, pd.DataFrame(index=pd.Index(units, name="unit")),
                 file="synthetic", sheet="数据", headers={c: c for c in fw.leaves})
    return Project(fw, ds)


def reweighted(fw: Framework, rng: np.random.Generator) -> Framework:
    """Every non-root node gets a new random raw weight."""
    return fw.with_weights({c: float(rng.uniform(0.2, 3.0)) for c in fw.nodes if c != fw.root})


def bench_project(name: str, project: Project, rng: np.random.Generator, reps_compute: int,
                  reps_reweight: int, target: float) -> tuple[list[Row], str]:
    sec = f"synthetic {name}"
    result = compute(project)

    # Baseline: the flat weighted sum of the normalised matrix (missing cells as 0).
    norm = np.ascontiguousarray(np.nan_to_num(result.normalised.to_numpy(dtype=float)))
    eff = np.array([result.effective[c] for c in result.normalised.columns], dtype=float)
    base_fn = lambda: norm @ eff
    nb = calibrated_number(base_fn)
    base_times = measure(base_fn, repeat=max(reps_reweight, 50), number=nb, warmup=3)
    baseline = statistics.median(base_times)

    rows = [Row(sec, f"{name}: baseline normalised @ eff_weights", base_times, baseline)]
    rows.append(Row(sec, f"{name}: full compute(project)", measure(lambda: compute(project), reps_compute),
                    baseline))

    frameworks = [reweighted(project.framework, rng) for _ in range(POOL)]
    it = iter(range(1 << 62))
    rows.append(Row(sec, f"{name}: result.reweight(fw_new)",
                    measure(lambda: result.reweight(frameworks[next(it) % POOL]), reps_reweight, warmup=3),
                    baseline, target))

    vectors = [result.plan.weight_vector(f.local_weights()) for f in frameworks]
    it2 = iter(range(1 << 62))
    rows.append(Row(sec, f"{name}:   of which plan.scores(w)",
                    measure(lambda: result.plan.scores(vectors[next(it2) % POOL]), reps_reweight, warmup=3),
                    baseline))
    rows.append(Row(sec, f"{name}:   of which fw.local_weights()",
                    measure(lambda: frameworks[0].local_weights(), reps_reweight, warmup=3), baseline))

    # Sanity check (not timed): reweight agrees with a full compute under the same new weights.
    fw_new = frameworks[0]
    a = result.reweight(fw_new).root_scores
    b = compute(project.with_framework(fw_new)).root_scores
    diff = float(np.nanmax(np.abs(a - b))) if np.isfinite(a).any() else float("nan")
    note = (f"  check {name}: reweight vs full compute with the same new weights, max |Δ root score| = "
            f"{diff:.1e}; units scored {np.isfinite(a).sum()}/{len(a)}")
    return rows, note


# --------------------------------------------------------------------------------------------- workbooks


def framework_rows(fw: Framework, header: list[str]) -> list[list]:
    """The framework as sheet rows under `header` (the columns of data/default_framework.csv)."""
    out = []
    for c in fw.preorder():
        n = fw.nodes[c]
        rec = {"code": n.code, "parent": n.parent or None, "name_zh": n.name_zh or None,
               "name_en": n.name_en or None, "weight": n.weight,
               "direction": ("+" if n.direction > 0 else "-") if fw.is_leaf(c) else None}
        out.append([rec.get(h) for h in header])
    return out


def write_workbook(path: Path, fw: Framework, values: pd.DataFrame) -> None:
    header = read_csv(DEFAULT_FRAMEWORK).header
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("指标体系")
    ws.append(header)
    for r in framework_rows(fw, header):
        ws.append(r)
    ws = wb.create_sheet("数据")
    ws.append(["城市", *values.columns])
    arr = values.to_numpy(dtype=float)
    for unit, row in zip(values.index, arr):
        ws.append([unit, *[None if v != v else float(v) for v in row]])
    wb.save(path)


def openpyxl_read_all(path: Path) -> int:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = 0
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                n += len(row)
    finally:
        wb.close()
    return n


def pandas_read_all(path: Path) -> dict:
    """pandas.read_excel with its default engine (openpyxl for .xlsx in pandas 3.x)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The default engine for reading")
        return pd.read_excel(path, sheet_name=None)


def bench_workbook(name: str, path: Path, reps_fast: int, reps_slow: int) -> list[Row]:
    sec = f"workbook {name}"
    rows = [
        Row(sec, f"{name}: read_workbook (python_calamine)", measure(lambda: read_workbook(path), reps_fast)),
        Row(sec, f"{name}: openpyxl read_only, all values",
            measure(lambda: openpyxl_read_all(path), reps_slow, warmup=0)),
        Row(sec, f"{name}: pandas.read_excel(sheet_name=None)",
            measure(lambda: pandas_read_all(path), reps_slow, warmup=0)),
    ]
    for r in rows:
        print_row(r)
    return rows


def load_and_compute(path: Path):
    project, problems = load(path)
    if project is None or problems.has_errors:
        raise RuntimeError("; ".join(p.format() for p in problems.errors[:3]))
    return compute(project)


# ---------------------------------------------------------------------------------------------- main


def machine_info() -> str:
    return (f"python {platform.python_version()} ({sys.implementation.name}), numpy {np.__version__}, "
            f"pandas {pd.__version__}, openpyxl {openpyxl.__version__}, "
            f"python-calamine {importlib.metadata.version('python-calamine')}\n"
            f"{platform.platform()}, {platform.machine()}, os.cpu_count() = {os.cpu_count()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_engine", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions; skip the 3,000 × 500 workbook")
    args = ap.parse_args(argv)
    q = args.quick
    t_start = time.perf_counter()
    rng = np.random.default_rng(1)

    print("CityIndex Studio — engine benchmark")
    print(machine_info())
    print(f"synthetic data: lognormal(3, 1) from numpy default_rng(1), {MISSING_SHARE:.0%} of cells missing; "
          "default Settings (minmax, arithmetic, no imputation/outlier treatment)")
    print()

    fw_small = default_framework()
    fw_large = wide_framework()
    p_small = synthetic_project(fw_small, 300, rng)
    p_large = synthetic_project(fw_large, 3000, rng)
    print(f"small: 300 units × {len(fw_small.leaves)} indicators, {len(fw_small.nodes)} nodes "
          f"(data/default_framework.csv)")
    print(f"large: 3,000 units × {len(fw_large.leaves)} indicators, {len(fw_large.nodes)} nodes "
          "(root → 10 → 50 → 500)")
    print()

    print("1. Synthetic projects (×baseline = median / median of the flat numpy product in the same run)")
    print_header()
    notes = []
    for name, proj, rc, rr, tgt in (
            ("300×41", p_small, 5 if q else 9, 50 if q else 300, TARGET_REWEIGHT_SMALL),
            ("3000×500", p_large, 3 if q else 5, 10 if q else 30, TARGET_REWEIGHT_LARGE)):
        rows, note = bench_project(name, proj, rng, rc, rr, tgt)
        for r in rows:
            print_row(r)
        notes.append(note)
    print("\n".join(notes))
    print()

    print("2. Workbooks (written once with openpyxl write_only into a temporary folder)")
    with tempfile.TemporaryDirectory(prefix="cityindex-bench-") as tmp:
        small_path = Path(tmp) / "input_300x41.xlsx"
        t0 = time.perf_counter()
        write_workbook(small_path, fw_small, p_small.data.values)
        t_small = time.perf_counter() - t0
        large_path = Path(tmp) / "input_3000x500.xlsx"
        t_large = None
        if not q:
            t0 = time.perf_counter()
            write_workbook(large_path, fw_large, p_large.data.values)
            t_large = time.perf_counter() - t0
        sizes = f"300×41: {small_path.stat().st_size / 1e3:,.0f} kB written in {t_small:.2f} s"
        if t_large is not None:
            sizes += f"; 3000×500: {large_path.stat().st_size / 1e6:,.1f} MB written in {t_large:.1f} s"
        print("  " + sizes)
        print_header()
        bench_workbook("300×41", small_path, 9, 5 if q else 7)
        print_row(Row("workbook", "300×41: load()", measure(lambda: load(small_path), 5)))
        print_row(Row("workbook", "300×41: load() + compute()", measure(lambda: load_and_compute(small_path), 5),
                      target=TARGET_LOAD_COMPUTE_SMALL))
        if not q:
            bench_workbook("3000×500", large_path, 3, 3)
            print_row(Row("workbook", "3000×500: load() + compute()",
                          measure(lambda: load_and_compute(large_path), 3, warmup=0)))
    print()
    print(f"total run time {time.perf_counter() - t_start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
