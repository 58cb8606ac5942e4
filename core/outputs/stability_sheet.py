"""The results workbook's 稳健性 ("Weight stability") sheet (issue 21, point 5): for every weight, the
interval within which the TOP-N — membership and order — stays exactly as it is
(core.analysis.stability.weight_stability), with the pair that swaps first beyond each end and a flag
when the current weight is near an edge (`near_edge`: within 10 % of itself).

One row per node that has siblings, in tree order (a lone child always weighs 1): code, name (indented
by level), parent, level, current weight, low, high, the first change beyond each end ("B 超过 A"; "无"
when nothing changes up to 0 % or 100 %), near an edge (the row shaded), and whether the interval is exact
(linear, arithmetic) or found by bracketing search. The note above the table states N and what the
columns mean. Weights are stored as fractions (full precision) and shown as percentages.

**When it is computed.** It costs a pass per weight (`python -m bench.bench_why_outputs --large`, CPU
seconds on 2 shared cores): on the sample (50 units, 58 weights) the workbook takes 0.16 s with the sheet
against 0.11 s without (× 1.5); on 300 × 41, 0.59 s against 0.26 s; on 3,000 × 500 (560 weights) 29 s
against 12 s — the intervals alone 18 s, beyond the export's budget for that size (< 15 s,
bench/bench_export.py). So `write_results(..., stability=None)` (the default) computes it when
units × weights ≤ `MAX_CELLS` (sample 2,900; 300 × 41: 17,400; 3,000 × 500: 1.7 million) and otherwise
writes the sheet with a note saying why it is empty and which command gives the intervals.
`stability=True` always computes, `False` leaves the sheet out, and a dict — `weight_stability`'s result,
e.g. the one the window already holds for its bands — is written as given (its own N).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from core.analysis.stability import near_edge, weight_stability
from core.outputs.results_workbook import CENTER, HEADER, NOTE, _finish
from core.text.why_texts import why_text

if TYPE_CHECKING:
    from core.outputs.results_workbook import _Book

MAX_CELLS = 200_000  # units × weights up to which the sheet is computed by default (see the docstring)
PCT_FMT = "0.00%"
NEAR_FILL = "FCE4D6"
NCOLS = 11


def weight_count(result) -> int:
    """The weights the sheet would list: nodes with at least one sibling."""
    fw = result.framework
    return sum(len(kids) for kids in fw.children.values() if len(kids) > 1)


def stability_for(result, top_n: int, option: Mapping | bool | None) -> dict | None:
    """`weight_stability`'s result for the sheet, or None when it is not computed by default (too large)."""
    if isinstance(option, Mapping):
        return dict(option)
    if option is None and len(result.units) * weight_count(result) > MAX_CELLS:
        return None
    return weight_stability(result, top_n)


def write_stability_sheet(b: _Book, option: Mapping | bool | None = None) -> None:
    """The 稳健性 sheet (nothing when `option` is False); see the module docstring."""
    if option is False:
        return
    lang, r, fw = b.lang, b.r, b.fw
    ws = b.sheet("stability", why_text("s_stability", lang))
    top = b.top_n
    st = stability_for(r, top, option) if top > 0 and b.n_ranked else {"top": 0, "weights": {}}
    if st is None:
        note = why_text("st_off", lang, units=len(r.units), weights=weight_count(r), n=top)
        b.descriptions["stability"] = why_text("d_stability_off", lang)
    elif not st["top"]:
        note = why_text("st_no_top" if not b.n_ranked else "st_top_zero", lang)
        b.descriptions["stability"] = why_text("d_stability", lang, n=top)
    else:
        top = st["top"]
        note = why_text("st_note", lang, n=top)
        b.descriptions["stability"] = why_text("d_stability", lang, n=top)
    ws.set(1, 1, note, NOTE)
    ws.merge(1, 1, NCOLS)
    ws.heights[1] = 64 if lang == "zh" else 78
    keys = ("st_code", "st_name", "st_parent", "st_level", "st_current", "st_low", "st_high", "st_at_low",
            "st_at_high", "st_near", "st_method")
    for j, k in enumerate(keys, start=1):
        ws.set(2, j, why_text(k, lang), HEADER)
    weights = (st or {}).get("weights", {})
    row = 3
    for code in fw.preorder():
        e = weights.get(code)
        if e is None:
            continue
        near = near_edge(e)
        fill: dict[str, Any] = {"fill": NEAR_FILL} if near else {}
        level = fw.level(code)
        values = [code, b.name(code), fw.nodes[code].parent, level]
        styles: list[dict[str, Any]] = [fill, {**fill, "indent": max(level - 1, 0)}, fill, {**fill, **CENTER}]
        values += [e["current"], e["low"], e["high"]]
        styles += [{**fill, "num_format": PCT_FMT}] * 3
        values += [_swap(e["at_low"], "st_none_low", lang), _swap(e["at_high"], "st_none_high", lang),
                   why_text("st_near_yes", lang) if near else None,
                   why_text("st_exact" if e.get("method") == "exact" else "st_search", lang)]
        text = {**fill, "indent": 1}  # set off from the number beside it
        styles += [text, text, {**text, "bold": True, "color": "C00000"} if near else text, text]
        for j, (v, s) in enumerate(zip(values, styles), start=1):
            ws.set(row, j, v, s or None)
        if level == 1:
            for j in range(1, NCOLS + 1):
                ws.style(row, j, bold=True)
        row += 1
    _finish(b, ws, "C3", header_row=2)
    ws.widths[2] = max(ws.widths.get(2, 0), 16)


def _swap(pair: list | None, none_key: str, lang: str) -> str:
    return why_text("st_swap", lang, a=pair[0], b=pair[1]) if pair else why_text(none_key, lang)

