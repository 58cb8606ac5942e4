"""Stability and targets benchmark (issue 21): time per weight and per indicator, against a full pipeline run.

Run on demand (not part of the test suite; nothing here asserts on time):

    python -m bench.bench_explain            # sample, 300 × 41 and 3,000 × 500 (a few minutes)
    python -m bench.bench_explain --quick    # targets on the first 50 indicators of 3,000 × 500

For the sample workbook and the synthetic projects of bench/bench_engine.py it times
- `weight_stability(result, top=10)`: every weight's interval (exact where linear, else search);
- `targets(project, result, unit, K)` for one unit (the one ranked 30th, K = 10);
and, as the baseline measured in the same run, one full `compute(project)`: what one step of a naive
search (a full pipeline per trial value or weight) would cost. Printed: total, per weight/indicator,
and the per-item time as a multiple of one full compute.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from bench.bench_engine import default_framework, machine_info, synthetic_project, wide_framework
from core.analysis.stability import weight_stability
from core.analysis.targets import targets
from core.files.paths import SAMPLE_WORKBOOK
from core.pipeline.run import compute


def seconds(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def run(label: str, project, n_targets: int | None) -> None:
    compute(project)  # warm-up
    t_full = min(seconds(lambda: compute(project))[0] for _ in range(3))
    result = compute(project)
    t_st, st = seconds(lambda: weight_stability(result, 10))
    n_w = len(st["weights"])
    methods = {m: sum(e["method"] == m for e in st["weights"].values()) for m in ("exact", "search")}
    unit = result.ranking()[29]["unit"]
    codes = result.framework.leaves[:n_targets] if n_targets else None
    t_tg, tg = seconds(lambda: targets(project, result, unit, 10, codes))
    n_i = len(tg["indicators"])
    reach = sum("needed" in e for e in tg["indicators"].values())
    print(f"{label}: {len(result.units)} units × {len(result.framework.leaves)} indicators; "
          f"one full compute {t_full * 1e3:.1f} ms")
    print(f"  stability  {n_w:>4} weights ({methods['exact']} exact, {methods['search']} search): "
          f"{t_st:7.2f} s, {t_st / n_w * 1e3:8.2f} ms per weight = {t_st / n_w / t_full:6.2f} × one compute")
    print(f"  target     {n_i:>4} indicators ({reach} reachable) for {unit} to rank 10: "
          f"{t_tg:7.2f} s, {t_tg / n_i * 1e3:8.2f} ms per indicator = {t_tg / n_i / t_full:6.2f} × one compute",
          flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_explain", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="targets on the first 50 indicators of 3,000 × 500")
    args = ap.parse_args(argv)
    print(machine_info())
    from tests.helpers import load_or_raise
    run("sample", load_or_raise(SAMPLE_WORKBOOK), None)
    run("synthetic 300 × 41", synthetic_project(default_framework(), 300, np.random.default_rng(1)), None)
    run("synthetic 3,000 × 500", synthetic_project(wide_framework(), 3000, np.random.default_rng(1)),
        50 if args.quick else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
