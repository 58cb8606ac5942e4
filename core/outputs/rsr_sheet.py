"""The results workbook's 秩和比分档 / "RSR grading" sheet (issue 20 point 3).

Written whenever some node is aggregated by `rsr` (as the BoD权重 sheet is for `bod`), one block per
such node in the framework's order, each graded into the project's `rsr_levels` levels by
core.analysis.rsr_grading (the engine computes; this module lays out):

- the node's heading and the regression line with R², F and P (or why there is none);
- the RSR distribution table (RSR ascending): RSR, f, Σf, R̄, p (%), Probit;
- the levels (lowest first), as the textbook's table of cut values: level, grade, the percentile,
  Probit and fitted-RSR ranges in words, and the RSR cut value at the level's lower end as a number;
- each unit (highest RSR first): RSR rank, RSR, Probit, fitted RSR, grade and level;
- the units without a score at the node, when there are any.

The words are core.text.rsr_texts'; `build_workbook` calls `write_rsr_grading(b)` by one hook.
"""

from __future__ import annotations

from core.analysis.rsr_grading import grading_for_node, rsr_nodes
from core.text.rsr_texts import rsr_text

NUM4 = "0.0000"
PCT = "0.00"
WIDTH = 7


def has_rsr_nodes(result) -> bool:
    return bool(rsr_nodes(result))


def _range(low, high, fmt: str, prefix: str = "") -> str:
    if low is None and high is None:
        return "—"
    if low is None:
        return f"< {prefix}{fmt.format(high)}"
    if high is None:
        return f"≥ {prefix}{fmt.format(low)}"
    return f"{prefix}{fmt.format(low)} – {prefix}{fmt.format(high)}"


def write_rsr_grading(b) -> None:
    """One block per node aggregated by rsr (see the module docstring)."""
    from core.outputs.results_workbook import HEADER, RANK_FMT, _finish, _header, _note
    nodes = rsr_nodes(b.r)
    if not nodes:
        return
    lang = b.lang

    def t(key, **fields):
        return rsr_text(key, lang, **fields)

    ws = b.sheet("rsr_grading", t("s_sheet"))
    b.descriptions["rsr_grading"] = t("d_sheet")
    _note(ws, 1, t("sheet_note"), WIDTH)
    ws.heights[1] = 96
    bold = {"bold": True}
    num4, pct, rank = {"num_format": NUM4}, {"num_format": PCT}, {"num_format": RANK_FMT}
    grade, level = {"num_format": RANK_FMT, "align": "center"}, {"align": "center"}  # not "3上" on the page
    row = 3
    header_row = None
    for node in nodes:
        g = grading_for_node(b.r, node)
        ws.set(row, 1, t("node_head", code=node, name=b.name(node), k=g.levels, n=len(g.units)), HEADER)
        ws.merge(row, 1, WIDTH)
        ws.set(row + 1, 1, g.line(lang))
        ws.merge(row + 1, 1, WIDTH)
        row += 3
        ws.set(row, 1, t("t_dist"), bold)
        _header(ws, row + 1, [t("c_rsr"), t("c_f"), t("c_cum"), t("c_rbar"), t("c_pct"), t("c_probit")])
        header_row = header_row or row + 1
        row += 2
        for d in g.table:
            ws.set(row, 1, d.rsr, num4)
            ws.set(row, 2, d.f, rank)
            ws.set(row, 3, d.cum_f, rank)
            ws.set(row, 4, d.mean_rank)
            ws.set(row, 5, 100 * d.percent, pct)
            ws.set(row, 6, d.probit, num4)
            row += 1
        row += 1
        ws.set(row, 1, t("t_cuts"), bold)
        _header(ws, row + 1, [t("c_level"), t("c_grade"), t("c_pctile"), t("c_probit_range"), t("c_rsr_range"),
                              t("c_cut_rsr")])
        row += 2
        for lv in reversed(g.level_rows()):  # the best level first, as the textbook lists them
            ws.set(row, 1, g.level_name(lv.grade, lang), level)
            ws.set(row, 2, lv.grade, grade)
            low = None if lv.percentile_low is None else 100 * lv.percentile_low
            high = None if lv.percentile_high is None else 100 * lv.percentile_high
            ws.set(row, 3, _range(low, high, "{:.3f}", "P"))
            ws.set(row, 4, _range(lv.probit_low, lv.probit_high, "{:g}"))
            ws.set(row, 5, _range(lv.rsr_low, lv.rsr_high, "{:.4f}") if g.regressed else "—")
            ws.set(row, 6, lv.rsr_low, num4)
            row += 1
        row += 1
        ws.set(row, 1, t("t_units"), bold)
        _header(ws, row + 1, [t("c_unit"), t("c_rank"), t("c_rsr"), t("c_probit"), t("c_fitted"), t("c_grade"),
                              t("c_level")])
        row += 2
        for u in g.units:
            ws.set(row, 1, u.unit)
            ws.set(row, 2, u.rank, rank)
            ws.set(row, 3, u.rsr, num4)
            ws.set(row, 4, u.probit, num4)
            ws.set(row, 5, u.fitted, num4)
            ws.set(row, 6, u.grade, grade)
            ws.set(row, 7, None if u.grade is None else g.level_name(u.grade, lang), level)
            row += 1
        if g.notes:
            row += 1
            ws.set(row, 1, g.note(lang))
            ws.merge(row, 1, WIDTH)
            row += 1
        row += 2
    _finish(b, ws, None, header_row or 1)
    ws.title_rows = None  # blocks of different tables: no header row repeats on every printed page
