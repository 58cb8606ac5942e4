"""An older edition's cell corrected (issue 19 leftover): what the window's recompute costs, against compute_editions.

    python -m bench.bench_edition_edit [--quick] [--editions N]

10 editions of 300 × 41 (bench.bench_editions's synthetic project, no sheet behind it). Measured in the same run:
the edit itself (core.model.edition_edits.with_edition_values), and the recompute the window does after it
(gui.editions.EditionView.compute) under `each` — only the edited edition is computed again — and under
`pooled`, against a full compute_editions of the edited project. Prints medians and ratios; asserts nothing
on time.
"""

from __future__ import annotations

import argparse
import statistics

import numpy as np

from bench.bench_editions import editions_project
from bench.bench_engine import fmt_time, machine_info, measure
from core.model.edition_edits import with_edition_values
from core.pipeline.editions import compute_editions


def one_mode(mode: str, n: int, reps: int, view_class) -> tuple[float, float, float]:
    """Medians (s): the edit, compute_editions of an edited project, the window's recompute after the edit."""
    project = editions_project(n, np.random.default_rng(7), mode)
    label = project.edition_labels[0]
    unit, code = project.data.units[0], str(project.data.values.columns[0])
    value = float(project.edition(label).data.values.at[unit, code])
    edits = [with_edition_values(project, label, {(unit, code): value + k + 1}) for k in range(reps + 1)]
    pending = iter(edits)
    full = statistics.median(measure(lambda: compute_editions(next(pending)), reps, warmup=1))
    times = []
    for k in range(reps):
        view = view_class()
        view.compute(project)  # the window as it stood before the edit
        times += measure(lambda v=view, p=edits[k]: v.compute(p), 1, warmup=0)
    edit = statistics.median(measure(lambda: with_edition_values(project, label, {(unit, code): value + 1}),
                                     reps, warmup=1))
    return edit, full, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--editions", type=int, default=10)
    args = ap.parse_args(argv)
    reps = 3 if args.quick else 7
    n = args.editions
    print(f"# older-edition edit benchmark: {n} editions of 300 × 41  ({machine_info()})")
    from gui.editions import EditionView  # no Qt object is made: EditionView is a plain class

    for mode in ("each", "pooled"):
        edit, full, window = one_mode(mode, n, reps, EditionView)
        print(f"{f'{mode}: with_edition_values (the edit)':<48} {fmt_time(edit):>10}")
        print(f"{f'{mode}: compute_editions of the edited project':<48} {fmt_time(full):>10}")
        print(f"{f'{mode}: the window recompute (EditionView)':<48} {fmt_time(window):>10} "
              f"{window / full:>7.2f}× of compute_editions")
    print(f"(each: about 1/{n} expected — one edition of {n} computed again; pooled: about 1 — every edition)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
