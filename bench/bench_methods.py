"""Benchmark of the aggregations beyond a weighted sum (issue 20) against the arithmetic mean.

Run on demand (nothing here asserts on time):

    python -m bench.bench_methods            # 300 × 41 and 3,000 × 500
    python -m bench.bench_methods --quick    # 300 × 41 only

For each method every internal node of the framework is aggregated by it, and `plan.scores(w)` —
what a weight edit costs on the live path (`Result.reweight`) — is timed, as is a full
`compute(project)`. The arithmetic mean of the same project, measured in the same run, is the
baseline: the ×arith column is the method's median over the arithmetic mean's. The 300 × 41 case is
the bundled default framework (41 indicators, 19 internal nodes) on 300 synthetic cities; 3,000 × 500
is root → 10 dimensions → 50 sub-dimensions → 500 indicators (61 internal nodes), 3 % cells missing.
BoD solves a linear programme per unit and node (HiGHS; constraint generation, optima shared
over their cones: core/pipeline/bod.py); its answers are remembered, so the cache is cleared
before each timed call (a weight edit that leaves a node's inputs alone costs
nothing there).
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace

import numpy as np

from bench.bench_engine import default_framework, fmt_time, synthetic_project, wide_framework
from core.model.framework import Framework
from core.pipeline import bod
from core.pipeline.run import compute

METHODS = ("arithmetic", "topsis", "grey", "rsr", "copeland", "bod")


def with_aggregation(fw: Framework, method: str) -> Framework:
    for code in fw.internal:
        fw = fw.with_node(replace(fw.nodes[code], aggregation=method))
    return fw


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        bod.CACHE.clear()  # BoD's answers are remembered between calls: time the solving
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def bench_case(name: str, fw: Framework, n_units: int, reps: dict[str, int],
               methods: tuple[str, ...] = METHODS) -> None:
    rng = np.random.default_rng(20)
    project = synthetic_project(fw, n_units, rng)
    print(f"\n{name}: {n_units} units × {len(fw.leaves)} indicators, {len(fw.internal)} internal nodes")
    print(f"{'method':<11} {'n':>3} {'plan.scores(w)':>15} {'×arith':>9} {'compute(project)':>17} {'×arith':>9}")
    base = None
    for m in methods:
        p = replace(project, framework=with_aggregation(project.framework, m))
        n = reps.get(m, reps["default"])
        results = []
        t_compute = timed(lambda p=p, out=results: out.append(compute(p)), max(1, n // 2))
        r = results[-1]
        w = r.plan.weight_vector(r.local)
        t_scores = timed(lambda r=r, w=w: r.plan.scores(w), n)
        med_s, med_c = statistics.median(t_scores), statistics.median(t_compute)
        if base is None:
            base = (med_s, med_c)
        print(f"{m:<11} {n:>3} {fmt_time(med_s):>15} {med_s / base[0]:>8,.1f}× "
              f"{fmt_time(med_c):>17} {med_c / base[1]:>8,.1f}×", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="300 × 41 only")
    ap.add_argument("--large-only", action="store_true", help="3,000 × 500 only")
    ap.add_argument("--methods", default=",".join(METHODS[1:]),
                    help="methods to time besides the arithmetic mean (comma-separated)")
    args = ap.parse_args(argv)
    methods = ("arithmetic",) + tuple(m for m in args.methods.split(",") if m and m != "arithmetic")
    if not args.large_only:
        bench_case("300 × 41 (default framework)", default_framework(), 300,
                   {"default": 20, "copeland": 10, "bod": 4}, methods)
    if not args.quick:
        bench_case("3,000 × 500 (wide framework)", wide_framework(), 3000,
                   {"default": 6, "copeland": 1, "bod": 1}, methods)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
