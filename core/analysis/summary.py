"""Small statistics over a result, for charts and reports: no Qt here.

- `pair_correlation(x, y)`: Pearson and Spearman over the units where both are present.
- `profile(result, unit, level)`: a unit's scores on one level of the tree beside the
  average unit and the rank-1 unit.
- `node_ranking(result, code)`: the units with a score on one node, in that node's rank order.

Missing values are `None` in what these return (never NaN), so callers can format
them and JSON can carry them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from core.analysis import stats
from core.pipeline.rank import min_rank_desc, order

if TYPE_CHECKING:
    from core.pipeline.run import Result


def _opt(v: float) -> float | None:
    return None if v is None or not np.isfinite(v) else float(v)


def pair_correlation(x, y) -> dict:
    """Pearson r and Spearman rho over the pairs where both values are present.

    Either is None when fewer than 3 pairs remain or one side is constant.
    """
    a = np.asarray(x, dtype=float).ravel()
    b = np.asarray(y, dtype=float).ravel()
    if a.shape != b.shape:
        raise ValueError(f"x and y differ in length ({a.size} and {b.size})")
    ok = np.isfinite(a) & np.isfinite(b)
    a, b = a[ok], b[ok]
    n = int(a.size)
    if n < 3 or np.ptp(a) == 0 or np.ptp(b) == 0:
        return {"pearson": None, "spearman": None, "n": n}
    pearson = stats.pearson(a, b)
    spearman = stats.spearman(a, b)
    return {"pearson": _opt(pearson), "spearman": _opt(spearman), "n": n}


def node_correlation(result: Result, code_x: str, code_y: str) -> dict:
    """pair_correlation of two nodes' scores over the result's units."""
    s = result.scores
    return pair_correlation(s[code_x].to_numpy(), s[code_y].to_numpy())


def profile_codes(result: Result, level: int = 1) -> list[str]:
    """Nodes at `level` of the tree (1 = dimensions) that the result has scores for."""
    codes = set(result.plan.codes)
    return [c for c in result.framework.at_level(level) if c in codes]


def leader(result: Result) -> str:
    """The rank-1 unit ('' when no unit has a score)."""
    idx, ranks = result.rank_order()
    return result.units[int(idx[0])] if len(idx) and ranks[idx[0]] == 1 else ""


def profile(result: Result, unit: str, level: int = 1, lang: str | None = None) -> dict:
    """A unit's scores on the nodes of one level beside the mean and the leader's.

    Returns dict(codes, names, unit, average, leader, leader_unit): `unit`, `average` and
    `leader` are lists parallel to `codes`; `average` is the mean over the units that have
    a score on that node; `leader` holds the rank-1 unit's scores.
    """
    fw = result.framework
    lang = lang or result.settings.language
    codes = profile_codes(result, level)
    s = result.scores
    lead = leader(result)
    cols = s[codes].to_numpy(dtype=float) if codes else np.empty((len(result.units), 0))
    average = []
    for j in range(cols.shape[1]):
        col = cols[:, j]
        col = col[np.isfinite(col)]
        average.append(float(col.mean()) if col.size else None)

    def row(u: str) -> list[float | None]:
        if not u or u not in s.index:
            return [None] * len(codes)
        return [_opt(v) for v in s.loc[u, codes].to_numpy(dtype=float)]

    return {"codes": codes, "names": [fw.nodes[c].name(lang) for c in codes], "unit": row(unit),
            "average": average, "leader": row(lead), "leader_unit": lead}


def node_ranking(result: Result, code: str) -> list[dict]:
    """Units with a score on `code`, best first: dicts of unit, rank, score."""
    j = result.plan.codes.index(code)
    v = result.scores_array[:, j]
    r = min_rank_desc(v)
    return [{"unit": result.units[i], "rank": int(r[i]), "score": float(v[i])}
            for i in order(v, result.units) if np.isfinite(v[i])]
