"""What the 方法比较 table costs (the analysis tab and the results workbook's sheet, issue 20 point 7).

Run on demand (nothing here asserts on time):

    python -m bench.bench_method_sheet            # sample, 300 × 41 and 3,000 × 500
    python -m bench.bench_method_sheet --quick    # sample and 300 × 41

For each project, `core.analysis.method_table.method_rank_table` (every internal node aggregated by
each of the eight methods in turn: a Copeland pass and one BoD linear programme per unit and node
among them) is timed against the planning of the results workbook without it, measured in the same
run: the ratio says what asking for the sheet adds to an export.
"""

from __future__ import annotations

import time

from bench.bench_engine import fmt_time, three_sizes
from core.analysis.method_table import method_rank_table
from core.outputs.results_workbook import build_workbook
from core.pipeline import bod
from core.pipeline.run import compute


def best(fn, repeat: int) -> float:
    out = []
    for _ in range(repeat):
        bod.CACHE.clear()
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return min(out)


def case(name: str, project, repeat: int) -> None:
    r = compute(project)
    method_rank_table(r)  # warm: imports, HiGHS loaded
    table = best(lambda: method_rank_table(r), repeat)
    book = best(lambda: build_workbook(r, data=project.data), repeat)
    print(f"{name:>14}  table {fmt_time(table):>9}   workbook plan without it {fmt_time(book):>9}   "
          f"ratio ×{table / book:.2f}")


def main() -> None:
    three_sizes(case)


if __name__ == "__main__":
    main()
