"""Every unit's strengths and weaknesses at once: `core.analysis.contributions.strengths_weaknesses` for a
whole table (the results workbook lists every unit, the report every top unit).

`strengths_weaknesses` ranks each indicator again for each unit it is asked about: for the workbook's
3,000 units × 500 indicators that is 1.5 million rankings of 3,000 values. Here each indicator is ranked
once (`min_rank_desc` over its normalised column, the same ranking) and each unit is read off the table,
with the same rule (FAR_SHARE, MAX_LISTED, largest gaps first, ties by code) — the entries are equal to
`strengths_weaknesses`' for every unit (tests/test_why_outputs.py checks all of the sample's). Each entry
also carries how many indicators qualified before the list was cut to MAX_LISTED (`n_strengths`,
`n_weaknesses`), so a text can say "and k more".
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from core.analysis.contributions import FAR_SHARE, MAX_LISTED
from core.pipeline.rank import min_rank_desc

if TYPE_CHECKING:
    from core.pipeline.run import Result


def leaf_ranks(result: Result, node: str | None = None) -> tuple[list[str], np.ndarray]:
    """(the indicators under `node` in tree order, their ranks: units × indicators, NaN = no value)."""
    node = node or result.framework.root
    codes = [c for c in result.framework.leaves_under(node) if c in result.normalised.columns]
    N = result.normalised[codes].to_numpy(dtype=float) if codes else np.empty((len(result.units), 0))
    R = np.column_stack([min_rank_desc(N[:, j]) for j in range(N.shape[1])]) if codes else N
    return codes, R


def all_strengths_weaknesses(result: Result, node: str | None = None,
                             units: list[str] | None = None) -> dict[str, dict]:
    """{unit: strengths_weaknesses(result, unit, node) + {"n_strengths", "n_weaknesses"}} for `units`
    (default every unit, in the result's order)."""
    node = node or result.framework.root
    j = result.plan.codes.index(node)
    scores = result.scores_array[:, j]
    node_rank = min_rank_desc(scores)
    n = int((~np.isnan(scores)).sum())
    threshold = max(1, math.ceil(FAR_SHARE * n))
    codes, R = leaf_ranks(result, node)
    index = {u: i for i, u in enumerate(result.units)}
    out: dict[str, dict] = {}
    for u in (units if units is not None else result.units):
        i = index[u]
        entry = {"unit": u, "node": node, "rank": None if np.isnan(node_rank[i]) else int(node_rank[i]), "of": n,
                 "threshold": threshold, "strengths": [], "weaknesses": [], "n_strengths": 0, "n_weaknesses": 0}
        out[u] = entry
        if entry["rank"] is None:
            continue
        r = R[i]
        ok = ~np.isnan(r)
        gap = np.where(ok, node_rank[i] - np.where(ok, r, 0), 0)
        for key, picked, gaps in (("strengths", ok & (gap >= threshold), gap),
                                  ("weaknesses", ok & (-gap >= threshold), -gap)):
            found = [{"code": codes[k], "rank": int(r[k]), "gap": int(gaps[k])} for k in np.flatnonzero(picked)]
            entry["n_" + key] = len(found)
            entry[key] = sorted(found, key=lambda e: (-e["gap"], e["code"]))[:MAX_LISTED]
    return out
