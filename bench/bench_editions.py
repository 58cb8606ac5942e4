"""Editions benchmark (issue 19): 10 editions of 300 × 41, against one edition in the same run.

    python -m bench.bench_editions [--quick] [--editions N]

Measures full compute and weight-only recompute (`EditionResults.reweight`) of all editions, under each
`editions_normalization` (each, pooled, base), and the same for one edition (`compute`, `Result.reweight`),
and prints the ratios. A weight edit should cost about N one-edition reweights (the incremental path
per edition), a full compute about N one-edition computes. Nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import statistics
import sys

import numpy as np

from bench.bench_engine import POOL, default_framework, fmt_time, machine_info, measure, reweighted, synthetic_project
from core.model.editions import Edition
from core.model.project import Project
from core.pipeline.editions import compute_editions
from core.pipeline.run import compute

UNITS = 300


def editions_project(n_editions: int, rng: np.random.Generator, mode: str) -> Project:
    """N editions of the default framework's 41 indicators over 300 units: edition k = edition 0 with
    every value scaled by (1 + 0.2·u), u uniform in [-1, 1]."""
    fw = default_framework()
    first = synthetic_project(fw, UNITS, rng)
    eds = []
    for k in range(n_editions):
        values = first.data.values * (1.0 + 0.2 * rng.uniform(-1, 1, first.data.values.shape)) if k else \
            first.data.values
        eds.append(Edition(str(2015 + k), first.data.with_values(values)))
    settings = first.settings.with_(editions_normalization=mode)
    return Project(fw, eds[-1].data, settings, editions=tuple(eds))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--editions", type=int, default=10)
    args = ap.parse_args(argv)
    reps_c, reps_w = (3, 30) if args.quick else (7, 200)
    rng = np.random.default_rng(7)
    n = args.editions
    print(f"# editions benchmark: {n} editions of {UNITS} × 41  ({machine_info()})")

    one = editions_project(1, np.random.default_rng(7), "each").for_edition("2015")
    frameworks = [reweighted(one.framework, rng) for _ in range(POOL)]
    r1 = compute(one)
    c1 = statistics.median(measure(lambda: compute(one), reps_c))
    it = iter(range(1 << 62))
    w1 = statistics.median(measure(lambda: r1.reweight(frameworks[next(it) % POOL]), reps_w, warmup=3))
    it = iter(range(1 << 62))
    w1n = statistics.median(measure(lambda: [r1.reweight(frameworks[next(it) % POOL]) for _ in range(n)], reps_w,
                                    warmup=3))
    print(f"{'one edition: compute':<44} {fmt_time(c1):>10}")
    print(f"{'one edition: reweight':<44} {fmt_time(w1):>10}")
    # N reweights back to back cost more than N × one measured alone (caches, a shared machine): the
    # fair yardstick of "N one-edition reweights"
    print(f"{f'one edition: {n} reweights back to back':<44} {fmt_time(w1n):>10} {w1n / w1:>7.1f}×")
    print(f"{'':<44} {'median':>10} {'× one':>8} {'÷ N':>8} {'÷ N back to back':>18}")
    for mode in ("each", "pooled", "base"):
        project = editions_project(n, np.random.default_rng(7), mode)
        er = compute_editions(project)
        cn = statistics.median(measure(lambda p=project: compute_editions(p), reps_c))
        it = iter(range(1 << 62))
        wn = statistics.median(measure(lambda e=er, k=it: e.reweight(frameworks[next(k) % POOL]), reps_w, warmup=3))
        print(f"{f'{n} editions ({mode}): compute_editions':<44} {fmt_time(cn):>10} {cn / c1:>7.1f}× "
              f"{cn / c1 / n:>7.2f}")
        print(f"{f'{n} editions ({mode}): reweight':<44} {fmt_time(wn):>10} {wn / w1:>7.1f}× {wn / w1 / n:>7.2f} "
              f"{wn / w1n:>17.2f}")
    print("(× one: the figure as a multiple of the one-edition figure measured above; ÷ N: that multiple per "
          "edition — about 1 means each edition costs what one edition alone costs; ÷ N back to back: the "
          "reweight of all editions against N one-edition reweights run back to back)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
