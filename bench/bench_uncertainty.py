"""Uncertainty benchmark: Monte Carlo runs per second, vectorised against a naive loop.

Run on demand (not part of the test suite; nothing here asserts on time):

    python -m bench.bench_uncertainty            # about a minute
    python -m bench.bench_uncertainty --quick    # fewer repetitions and runs

For 300 × 41 (the default framework) and 3,000 × 500 (root → 10 → 50 → 500), built on
synthetic data exactly as bench/bench_engine.py builds them, it times
- `run_uncertainty(result, N, seed, sensitivity=False)`: N weight draws (uniform ± 20 %),
  batched scores, ranks per run, median / 5–95 % / top-10 share per unit;
- the same with the Sobol' sensitivity indices (extra model evaluations N_s·(inputs + 2));
- a naive loop: per draw, a framework with the drawn weights and a full `compute(project)`,
  then `min_rank_desc` (a few draws, extrapolated to N),
and prints runs per second and the ratio. The naive draws are the vectorised run's first
draws (`draw_weights`), and their ranks are checked against the vectorised ones.
Targets: 10,000 runs of 300 × 41 in under 2 s; at least 50 times the naive loop.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from bench.bench_engine import default_framework, machine_info, synthetic_project, wide_framework
from core.analysis.uncertainty import draw_weights, run_uncertainty
from core.pipeline.rank import min_rank_desc
from core.pipeline.run import compute

TARGET_SECONDS_10K_SMALL = 2.0
TARGET_RATIO = 50.0
SEED = 1
PERTURB = 0.2


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median seconds over `repeat` calls (after one warm-up) and the last return value."""
    out = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def naive_loop(project, result, W: np.ndarray) -> tuple[float, np.ndarray]:
    """Seconds per draw of a full pipeline run with the drawn weights, and the ranks."""
    fw = project.framework
    codes = result.plan.codes
    ranks = []
    t0 = time.perf_counter()
    for w in W:
        fw_i = fw.with_weights({c: float(w[j]) for j, c in enumerate(codes) if c != fw.root})
        r = compute(project.with_framework(fw_i))
        ranks.append(min_rank_desc(r.root_scores))
    return (time.perf_counter() - t0) / len(W), np.array(ranks)


def bench(name: str, project, runs: int, naive_draws: int, repeat: int, target_s: float | None) -> None:
    result = compute(project)
    t_mc, u = timed(lambda: run_uncertainty(result, runs, SEED, PERTURB, sensitivity=False), repeat)
    t_sa, us = timed(lambda: run_uncertainty(result, runs, SEED, PERTURB), max(1, repeat // 2))
    n_inputs = len(us.sensitivity)
    sobol_evals = us.sensitivity_samples * (n_inputs + 2)

    W = draw_weights(result, naive_draws, SEED, PERTURB)
    per_draw, naive_ranks = naive_loop(project, result, W)
    vec = u.ranks[:naive_draws].astype(float)
    agree = np.array_equal(np.where(np.isnan(naive_ranks), 0, naive_ranks), vec)

    mc_rate = runs / t_mc
    naive_rate = 1.0 / per_draw
    ratio = mc_rate / naive_rate
    all_rate = (runs + sobol_evals) / t_sa
    print(f"{name}: {len(result.units)} units × {len(result.framework.leaves)} indicators, "
          f"{len(result.plan.codes)} nodes")
    line = f"  vectorised Monte Carlo, {runs:,} runs: {t_mc:.3f} s  ({mc_rate:,.0f} runs/s)"
    if target_s is not None:
        line += f"   target < {target_s:g} s: {'PASS' if t_mc < target_s else 'MISS'}"
    print(line)
    print(f"  with Sobol' sensitivity ({n_inputs} inputs, N = {us.sensitivity_samples}, {sobol_evals:,} more "
          f"evaluations): {t_sa:.3f} s  ({all_rate:,.0f} evaluations/s)")
    print(f"  naive loop (full compute per draw, {naive_draws} draws): {per_draw * 1e3:.1f} ms per draw "
          f"({naive_rate:,.1f} runs/s); {runs:,} runs extrapolated: {per_draw * runs:,.1f} s")
    print(f"  ratio vectorised / naive: {ratio:,.0f}×   target ≥ {TARGET_RATIO:g}×: "
          f"{'PASS' if ratio >= TARGET_RATIO else 'MISS'}")
    print(f"  check: ranks of the naive draws equal the vectorised runs' ranks: {agree}")
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_uncertainty", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions and runs")
    args = ap.parse_args(argv)
    q = args.quick
    t_start = time.perf_counter()
    print("CityIndex Studio — uncertainty benchmark")
    print(machine_info())
    print(f"weights uniform ± {PERTURB:.0%}, seed {SEED}; synthetic data as in bench.bench_engine "
          "(numpy default_rng(1), small project first)")
    print()
    rng = np.random.default_rng(1)
    p_small = synthetic_project(default_framework(), 300, rng)
    p_large = synthetic_project(wide_framework(), 3000, rng)
    bench("300×41", p_small, 10_000, 10 if q else 30, 2 if q else 5, TARGET_SECONDS_10K_SMALL)
    bench("3000×500", p_large, 500 if q else 2_000, 2 if q else 3, 1 if q else 3, None)
    print(f"total run time {time.perf_counter() - t_start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
