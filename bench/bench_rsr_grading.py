"""What the RSR grading (秩和比分档, issue 20 point 3) costs: the grading alone and in the results workbook.

Run on demand (nothing here asserts on time):

    python -m bench.bench_rsr_grading            # sample, 300 × 41 and 3,000 × 500
    python -m bench.bench_rsr_grading --quick    # sample and 300 × 41

Each project is computed twice, its index aggregated by `rsr` and by the arithmetic mean. Timed in the
same run: `grading_for_node` (the distribution table, the regression, the grades; what the window's tab
asks for on each new result), and planning the results workbook with the index under rsr (so with the
秩和比分档 sheet) against the same under the mean (no sheet): the ratio says what the sheet adds to an
export. Both plans leave out the 稳健性 sheet, whose intervals under an rsr index cost a re-ranking
per weight step (that is the stability sheet's cost, measured by bench_why_outputs, not the grading's).
"""

from __future__ import annotations

from dataclasses import replace

from bench.bench_engine import fmt_time, measure, three_sizes
from core.analysis.rsr_grading import grading_for_node
from core.outputs.results_workbook import build_workbook
from core.pipeline.run import compute


def best(fn, repeat: int) -> float:
    return min(measure(fn, repeat, warmup=0))


def with_root(project, method: str):
    fw = project.framework
    return project.with_framework(fw.with_node(replace(fw.nodes[fw.root], aggregation=method)))


def case(name: str, project, repeat: int) -> None:
    r_rsr = compute(with_root(project, "rsr"))
    r_mean = compute(with_root(project, "arithmetic"))
    grading_for_node(r_rsr)  # warm
    grade = best(lambda: grading_for_node(r_rsr), repeat * 3)
    # the 稳健性 sheet left out of both: under rsr its intervals cost a re-ranking per weight step, which
    # is the stability sheet's cost (bench_why_outputs), not the grading's
    book_rsr = best(lambda: build_workbook(r_rsr, data=project.data, stability=False), repeat)
    book_mean = best(lambda: build_workbook(r_mean, data=project.data, stability=False), repeat)
    print(f"{name:>14}  grading {fmt_time(grade):>11}   workbook plan: with the sheet {fmt_time(book_rsr):>11}"
          f"  without {fmt_time(book_mean):>11}  ratio ×{book_rsr / book_mean:.2f}")


def main() -> None:
    three_sizes(case)


if __name__ == "__main__":
    main()
