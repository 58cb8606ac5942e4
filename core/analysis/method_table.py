"""The side-by-side table of ranks by method, with each unit's largest shift (Handbook, Table 38).

`core.analysis.method_ranks.ranks_by_method` gives each unit's rank under every aggregation
method; the window's analysis tab and the results workbook's 方法比较 sheet both show it in the
same layout, so the layout is built once, here: units as rows in the order of the current
ranking (the project's own methods), the current rank, one rank per method, and the largest
shift — the largest |rank under a method − current rank| and the method that gives it — so a
reader sees at once which units the choice of method moves.
"""

from __future__ import annotations

from core.analysis.method_ranks import ranks_by_method
from core.model.settings import AGGREGATIONS


class Cancelled(Exception):
    """`cancelled()` turned True between two methods."""


def method_rank_table(result, methods=AGGREGATIONS, progress=None, cancelled=None) -> dict:
    """{"methods": [...], "units": [current rank order], "current": {unit: rank | None},
    "ranks": {unit: {method: rank | None}}, "shift": {unit: int | None}, "shift_method": {unit: m | None}}.

    A unit without a current rank, or without a rank under every method, has the shift over the
    methods where both exist (None when there is none). `progress(fraction)` after each method and
    `cancelled()` before each (raising Cancelled) let the window run it behind a progress dialog:
    BoD solves a linear programme per unit and node, seconds on a few hundred units."""
    by: dict = {"methods": [], "ranks": {u: {} for u in result.units}, "scores": {u: {} for u in result.units}}
    for k, m in enumerate(methods):
        if cancelled is not None and cancelled():
            raise Cancelled("method ranks cancelled")
        one = ranks_by_method(result, (m,))
        by["methods"].append(m)
        for u in result.units:
            by["ranks"][u][m] = one["ranks"][u][m]
            by["scores"][u][m] = one["scores"][u][m]
        if progress is not None:
            progress((k + 1) / len(methods))
    idx, cur = result.rank_order()
    units = [result.units[int(i)] for i in idx]
    current = {u: (None if cur[i] != cur[i] else int(cur[i])) for i, u in enumerate(result.units)}
    shift: dict[str, int | None] = {}
    shift_method: dict[str, str | None] = {}
    for u in units:
        best, where = None, None
        c = current[u]
        for m in by["methods"]:
            r = by["ranks"][u][m]
            if c is None or r is None:
                continue
            d = abs(r - c)
            if best is None or d > best:
                best, where = d, m
        shift[u], shift_method[u] = best, where
    return {"methods": list(by["methods"]), "units": units, "current": current, "ranks": by["ranks"],
            "scores": by["scores"], "shift": shift, "shift_method": shift_method}


def big_shift(n_units: int) -> int:
    """The shift that counts as big (coloured in the window and the workbook): a tenth of the
    ranked units, at least 3 places — below that a method changes little worth a reader's eye."""
    return max(3, -(-int(n_units) // 10))
