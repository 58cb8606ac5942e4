"""Two sheets of the results workbook for issue 20's methods: 方法比较 and BoD权重.

- **方法比较 / Ranks by method** — the OECD/JRC Handbook's Table 38: units as rows in the current
  ranking's order, the current rank, the rank under each aggregation method (every node aggregated
  by it, same normalised values and weights: `core.analysis.method_table`), the largest shift and
  the method giving it. A rank that moved by `big_shift` places or more is filled green (up) or red
  (down), the largest shift orange: the colour is decided here, once, and written as the cells'
  fill (it prints, and LibreOffice and WPS show it as Excel does). Written on request
  (`write_results(method_ranks=True)`, `score --method-ranks`; the window asks for it up to
  `WINDOW_MAX_UNITS` units): it costs a Copeland pass and one BoD linear programme per unit and
  node — planning the workbook takes 28 ms without it and +134 ms with it on the sample (BoD cache
  cold), 79 ms and +1.8 s on 300 × 41 (`python -m bench.bench_method_sheet`), and it grows
  quickly with thousands of units. The existing sheet list of a plain `score` stays as it was.
- **BoD权重 / BoD weights** — written whenever a node is aggregated by benefit of the doubt: per
  such node, each unit's chosen shares of the node's children (`Result.bod_weights`, summing to 1
  within `bod_min_share` … `bod_max_share`), the unit's score at the node, and their sum.

The sheet writers take results_workbook's `_Book` (words, formats, row order) and are called from
`build_workbook` by one hook each.
"""

from __future__ import annotations

import math

from core.analysis.method_table import big_shift, method_rank_table
from core.outputs.method_words import AGG_NAMES

UP_FILL, DOWN_FILL, SHIFT_FILL = "C6EFCE", "FFC7CE", "FFD966"
WINDOW_MAX_UNITS = 500  # the window's export adds 方法比较 up to this many units (seconds, in the background)


def window_writes_method_ranks(result) -> bool:
    """Whether the window's export adds the 方法比较 sheet (see WINDOW_MAX_UNITS)."""
    return len(result.units) <= WINDOW_MAX_UNITS

WORDS = {
    "zh": {"s_method_ranks": "方法比较", "s_bod_weights": "BoD权重", "unit": "单位", "current": "当前排名",
           "shift": "最大排名变动", "where": "出现于", "note": "每列将所有节点按同一方法汇总（标准化值与权重不变；"
           "OECD/JRC 手册表 38）。变动 {n} 位及以上着色：绿色为上升，红色为下降。",
           "node": "节点 {code} {name}（BoD，子项权重占比 {lo} – {hi}）", "score": "节点得分", "sum": "合计",
           "bod_note": "每个单位自选使其得分最高的子项权重（占比合计为 1），约束：任何单位在该权重下得分不超过满分。"},
    "en": {"s_method_ranks": "Ranks by method", "s_bod_weights": "BoD weights", "unit": "Unit",
           "current": "Current rank", "shift": "Largest shift", "where": "Under",
           "note": "Each column aggregates every node by one method (same normalised values and weights; "
           "OECD/JRC Handbook, Table 38). Shifts of {n} places or more are filled: green up, red down.",
           "node": "Node {code} {name} (BoD, children's shares {lo} – {hi})", "score": "Score at the node",
           "sum": "Sum", "bod_note": "Each unit's own weights that maximise its score (shares summing to 1), "
           "subject to no unit scoring above the top of the scale with them."},
}


def _words(b) -> dict[str, str]:
    return WORDS["en" if b.lang == "en" else "zh"]


def _method_name(m: str, lang: str) -> str:
    """The short name of a method for a column head: the part before a bracket."""
    name = AGG_NAMES["en" if lang == "en" else "zh"].get(m, m)
    return name.split("（")[0].split(" (")[0]


def write_method_ranks(b) -> None:
    from core.outputs.results_workbook import CENTER, RANK_FMT, _finish, _header, _note
    W = _words(b)
    t = method_rank_table(b.r)
    n = big_shift(sum(v is not None for v in t["current"].values()))
    ws = b.sheet("method_ranks", W["s_method_ranks"])
    methods = t["methods"]
    _header(ws, 1, [W["unit"], W["current"]] + [_method_name(m, b.lang) for m in methods] + [W["shift"], W["where"]])
    rk = {"num_format": RANK_FMT, **CENTER}
    last = 3 + len(methods)
    for k, u in enumerate(t["units"], start=2):
        cur = t["current"][u]
        ws.set(k, 1, u)
        ws.set(k, 2, cur, rk)
        for j, m in enumerate(methods, start=3):
            r = t["ranks"][u][m]
            style = rk
            if r is not None and cur is not None and abs(r - cur) >= n:
                style = {**rk, "fill": UP_FILL if r < cur else DOWN_FILL}
            ws.set(k, j, r, style)
        s = t["shift"][u]
        ws.set(k, last, s, {**rk, "fill": SHIFT_FILL} if s is not None and s >= n else rk)
        where = t["shift_method"][u]
        ws.set(k, last + 1, _method_name(where, b.lang) if where and s else None)
    _note(ws, len(t["units"]) + 3, W["note"].format(n=n), last + 1)
    _finish(b, ws, "C2")


def write_bod_weights(b) -> None:
    """Per node aggregated by BoD, each unit's chosen shares of its children (rank order)."""
    from core.outputs.results_workbook import HEADER, WEIGHT_FMT, _finish, _header, _note
    W = _words(b)
    r, fw = b.r, b.fw
    bod = r.bod_weights
    if not bod:
        return
    ws = b.sheet("bod_weights", W["s_bod_weights"])
    width = 3 + max(len(fw.children[c]) for c in bod)
    _note(ws, 1, W["bod_note"], width)
    s = r.settings
    row = 3
    col = {c: j for j, c in enumerate(r.plan.codes)}
    header_row = None
    nodes = [c for c in fw.preorder() if c in bod]
    for node in nodes:
        kids = list(fw.children[node])
        if node != nodes[0]:
            ws.row_breaks.append(row - 1)  # each block starts a printed page, under its own header
        ws.set(row, 1, W["node"].format(code=node, name=b.name(node), lo=_pct(s.bod_min_share),
                                        hi=_pct(s.bod_max_share)), HEADER)
        ws.merge(row, 1, 3 + len(kids))
        _header(ws, row + 1, [W["unit"], W["score"]] + [b.label(k) for k in kids] + [W["sum"]])
        header_row = header_row or row + 1
        row += 2
        shares = bod[node]
        for i in b.order:
            u = r.units[i]
            if u not in shares:
                continue
            v = r.scores_array[i, col[node]]
            ws.set(row, 1, u)
            ws.set(row, 2, None if math.isnan(v) else float(v), {"num_format": b.fmt})
            got = [shares[u].get(k) for k in kids]
            for j, w in enumerate(got, start=3):
                ws.set(row, j, w, {"num_format": WEIGHT_FMT})
            ws.set(row, 3 + len(kids), sum(w for w in got if w is not None), {"num_format": WEIGHT_FMT})
            row += 1
        row += 1
    _finish(b, ws, None, header_row or 1)
    if len(nodes) > 1:
        ws.title_rows = None  # the first block's header would print over the other blocks' rows


def _pct(x: float) -> str:
    return f"{100 * float(x):g} %"
