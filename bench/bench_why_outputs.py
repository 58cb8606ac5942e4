"""What issue 21's outputs cost the results workbook and the report (run on demand; asserts nothing on time):

    python -m bench.bench_why_outputs            # the sample and 300 × 41
    python -m bench.bench_why_outputs --large    # and 3,000 × 500 (a few minutes)

For each project: the results workbook written without the 稳健性 sheet (`stability=False`: the baseline,
measured in the same run) and with it (`stability=True`), as seconds and as a ratio; the sheet's
intervals alone (`weight_stability`, a pass per weight) and the 优势与短板 table alone; and the report's
stability part, which asks for the dimensions' weights only, against all weights. Times are the best of
`--repeat` runs, in CPU seconds of this process (the machine may be shared: wall time would measure the
neighbours). This is what `core.outputs.stability_sheet.MAX_CELLS` rests on.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.bench_engine import default_framework, machine_info, synthetic_project, wide_framework
from core.analysis.stability import weight_stability
from core.analysis.strengths_table import all_strengths_weaknesses
from core.files.paths import SAMPLE_WORKBOOK
from core.outputs.report_why import dimension_stability
from core.outputs.results_workbook import write_results
from core.outputs.stability_sheet import MAX_CELLS, weight_count
from core.pipeline.run import compute


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def run(label: str, project, repeat: int) -> None:
    r = compute(project)
    n_w = weight_count(r)
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "r.xlsx"
        t_off = best(lambda: write_results(r, out, data=project.data, stability=False), repeat)
        t_on = best(lambda: write_results(r, out, data=project.data, stability=True), repeat)
    t_st = best(lambda: weight_stability(r, 10), repeat)
    t_sw = best(lambda: all_strengths_weaknesses(r), repeat)
    t_dims = best(lambda: dimension_stability(r, 10), repeat)
    cells = len(r.units) * n_w
    print(f"{label}: {len(r.units)} units, {n_w} weights (units × weights {cells:,}; computed by default up to "
          f"{MAX_CELLS:,}: {'yes' if cells <= MAX_CELLS else 'no'})")
    print(f"  workbook without 稳健性 {t_off:7.2f} s, with {t_on:7.2f} s: × {t_on / t_off:4.2f}")
    print(f"  weight_stability alone {t_st:7.2f} s ({t_st / n_w * 1e3:.2f} ms per weight); "
          f"优势与短板 table {t_sw:6.3f} s")
    print(f"  report: the dimensions' intervals {t_dims:6.3f} s against all weights' {t_st:6.2f} s "
          f"(× {t_dims / t_st:.3f})", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_why_outputs", description=__doc__.splitlines()[0])
    ap.add_argument("--large", action="store_true", help="also 3,000 × 500")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(machine_info())
    from tests.helpers import load_or_raise
    run("sample", load_or_raise(SAMPLE_WORKBOOK), args.repeat)
    run("synthetic 300 × 41", synthetic_project(default_framework(), 300, np.random.default_rng(1)), args.repeat)
    if args.large:
        run("synthetic 3,000 × 500", synthetic_project(wide_framework(), 3000, np.random.default_rng(1)), 1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
