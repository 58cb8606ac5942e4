"""The results workbook's 优势与短板 ("Strengths and weaknesses") sheet (issue 21, point 1's outputs): each
unit's strengths and weaknesses at the index (COINr's `get_str_weak` idea,
core.analysis.contributions.strengths_weaknesses, computed for every unit at once by
core.analysis.strengths_table).

The workbook has no sheet per city (3,000 sheets would be no workbook anyone opens): this is the city
table — one row per unit in rank order: overall rank, unit, how many strengths, the strengths (at most
five, largest gaps first: "I13 智算中心数量（第 2 名）"), the same for the weaknesses. The note above
states the rule (a quarter of the ranked units, at least one place) with its numbers. Units without a
rank are listed last with empty cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.analysis.contributions import MAX_LISTED
from core.analysis.strengths_table import all_strengths_weaknesses
from core.outputs.results_workbook import CENTER, HEADER, NOTE, RANK_FMT, WRAP_TOP, _finish
from core.text.why_texts import why_text

if TYPE_CHECKING:
    from core.outputs.results_workbook import _Book

NCOLS = 6


def item_list(entries: list[dict], b: _Book) -> str:
    """The listed indicators of one cell: code, name, rank on the indicator."""
    return why_text("sw_sep", b.lang).join(why_text("sw_item", b.lang, code=e["code"], name=b.name(e["code"]),
                                                    rank=e["rank"]) for e in entries)


def write_strengths_sheet(b: _Book) -> None:
    lang, r = b.lang, b.r
    ws = b.sheet("strengths", why_text("s_strengths", lang))
    sw = all_strengths_weaknesses(r)
    any_entry = next(iter(sw.values()), None)
    k = any_entry["threshold"] if any_entry else 1
    n = any_entry["of"] if any_entry else 0
    b.descriptions["strengths"] = why_text("d_strengths", lang)
    ws.set(1, 1, why_text("sw_note", lang, k=k, n=n, m=MAX_LISTED), NOTE)
    ws.merge(1, 1, NCOLS)
    ws.heights[1] = 48
    keys = ("sw_rank", "sw_unit", "sw_n_strengths", "sw_strengths", "sw_n_weaknesses", "sw_weaknesses")
    for j, key in enumerate(keys, start=1):
        ws.set(2, j, why_text(key, lang), HEADER)
    rank_style = {**CENTER, "num_format": RANK_FMT, "valign": "top"}
    for row, i in enumerate(b.order, start=3):
        u = r.units[i]
        e = sw[u]
        ws.set(row, 2, u, {"valign": "top"})
        if e["rank"] is None:
            continue
        ws.set(row, 1, e["rank"], rank_style)
        ws.set(row, 3, e["n_strengths"], rank_style)
        ws.set(row, 4, item_list(e["strengths"], b) or why_text("sw_none", lang), WRAP_TOP)
        ws.set(row, 5, e["n_weaknesses"], rank_style)
        ws.set(row, 6, item_list(e["weaknesses"], b) or why_text("sw_none", lang), WRAP_TOP)
    _finish(b, ws, "C3", header_row=2)  # the lists wrap beyond 60 characters, rows heightened to match
