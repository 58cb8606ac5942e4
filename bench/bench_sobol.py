"""Sobol' benchmark: core.analysis.sobol against scipy's qmc.Sobol and SALib, in the same run.

Run on demand (not part of the test suite; nothing here asserts on time):

    python -m bench.bench_sobol            # under a minute
    python -m bench.bench_sobol --quick    # fewer repetitions, smaller SALib cases

Prints, for the same arguments, the median seconds of
- points: `core.analysis.sobol.sobol_points(n, d, seed)` against `scipy.stats.qmc.Sobol(d, seed).random(n)`;
- design + indices: `saltelli_sample` + `sobol_analyze` (100 bootstrap resamples) against
  `SALib.sample.sobol.sample` + `SALib.analyze.sobol.analyze(calc_second_order=False)`, on the
  same outputs (a cheap linear model), checking that both give the same design and estimates;
- a cold import in a fresh interpreter: `core.analysis.sobol` with its direction numbers loaded, against
  SALib's two modules (which import scipy.stats);
each with the ratio (scipy or SALib time / ours). scipy and SALib are development dependencies.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np

from bench.bench_uncertainty import timed
from core.analysis.sobol import saltelli_sample, sobol_analyze, sobol_points

SEED = 1


def bench_points(n: int, d: int, repeat: int) -> None:
    from scipy.stats import qmc
    t_ours, a = timed(lambda: sobol_points(n, d, seed=SEED), repeat)
    t_ref, b = timed(lambda: qmc.Sobol(d, seed=SEED).random(n), repeat)
    print(f"  points n = {n:>6,}, d = {d:>5,}: ours {t_ours:8.4f} s   scipy {t_ref:8.4f} s   "
          f"ratio {t_ref / t_ours:6.1f}×   identical: {np.array_equal(a, b)}")


def bench_design(n: int, D: int, G: int, repeat: int) -> None:
    from SALib.analyze import sobol as salib_analyze
    from SALib.sample import sobol as salib_sample
    groups = [f"g{i % G}" for i in range(D)]
    problem = {"num_vars": D, "names": [f"x{i}" for i in range(D)], "bounds": [[0.0, 1.0]] * D, "groups": groups}
    a = np.linspace(1.0, 2.0, D)

    def ours():
        X = saltelli_sample(n, groups, seed=SEED)
        return X, sobol_analyze(X @ a, groups, n_resamples=100, conf_level=0.95, seed=SEED + 1)

    def salib():
        X = salib_sample.sample(problem, n, calc_second_order=False, scramble=True, seed=SEED)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            S = salib_analyze.analyze(problem, X @ a, calc_second_order=False, num_resamples=100,
                                      conf_level=0.95, print_to_console=False, seed=SEED + 1)
        return X, S

    t_ours, (X1, S1) = timed(ours, repeat)
    t_ref, (X2, S2) = timed(salib, repeat)
    same = np.array_equal(X1, X2) and all(np.allclose(S1[k], S2[k], rtol=0, atol=1e-12)
                                          for k in ("S1", "ST", "S1_conf", "ST_conf"))
    print(f"  design + indices n = {n:>6,}, D = {D:>4}, G = {G:>3} ({n * (G + 2):>8,} rows): "
          f"ours {t_ours:8.4f} s   SALib {t_ref:8.4f} s   ratio {t_ref / t_ours:6.1f}×   identical: {same}")


def cold_import(code: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", f"import time; t = time.perf_counter(); {code}; "
                              "print(time.perf_counter() - t)"], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_sobol", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, smaller SALib cases")
    args = ap.parse_args(argv)
    q = args.quick
    repeat = 2 if q else 5
    t_start = time.perf_counter()
    print("CityIndex Studio — Sobol' benchmark (core.analysis.sobol against scipy / SALib)")
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}; seed {SEED}; median of {repeat}")
    print()
    print("Points (scrambled):")
    for n, d in [(1 << 10, 10), (1 << 16, 200), (1 << 12, 2000)]:
        bench_points(n, d, repeat)
    print("Saltelli design and first-order / total indices (100 bootstrap resamples):")
    cases = [(1 << 10, 10, 10), (1 << 12, 40, 8)] if q else [(1 << 10, 10, 10), (1 << 12, 40, 8), (1 << 13, 120, 12)]
    for n, D, G in cases:
        bench_design(n, D, G, max(1, repeat // 2))
    print("Cold import (fresh interpreter):")
    t_ours = cold_import("import core.analysis.sobol as s; s._directions()", repeat)
    t_ref = cold_import("import SALib.sample.sobol, SALib.analyze.sobol", repeat)
    print(f"  core.analysis.sobol + direction numbers {t_ours:.3f} s   SALib (sample, analyze) {t_ref:.3f} s   "
          f"ratio {t_ref / t_ours:.1f}×")
    print(f"total run time {time.perf_counter() - t_start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
