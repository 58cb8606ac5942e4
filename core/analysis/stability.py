"""How far each weight can move before the TOP-N changes: the question "is our ranking an artefact of the
weights?" answered one weight at a time.

For a node c under parent P, its local weight t takes any value in [0, 1] while its siblings keep their
proportions and sum to 1 − t (all other weights fixed). The TOP-N "stays" while the first N units keep
their membership and order: unit 1 above unit 2 … above unit N, and unit N above every unit outside.
That is a set of pairs (higher, lower) whose score difference must stay positive; the interval of t
around its current value where all stay positive is reported, with the pair that swaps first at each
end (0 or 1, and no pair, when none swaps on that side). Pairs tied now (equal to 9 decimals, sharing
a rank) are not constraints: they have no order to keep.

**Exact** when every root score is linear in t: P and all its ancestors aggregate arithmetically and
every unit has a score for every child of P (the plan renormalises over present children, which would
make the score a ratio in t). Then score(t) = a + b·t from two evaluations (t = 0 and 1), and each
pair crosses at a single t, solved directly. **Otherwise** a bracketing search: from the current t
outward on a grid of `GRID` steps to the end, the first step where the TOP-N differs is bisected to
`TOL`. A swap that happens and undoes itself between two grid points would be missed; the grid is
fine enough for the smooth geometric and harmonic means.

Re-aggregates through `Result.plan.scores` (normalised values fixed): a weight never changes the
normalisation.

**Cancellable.** On 3,000 units × 500 indicators the 560 weights take ~20 s; the window asks again after
every edit, and the answer for the previous weights is worthless once a newer edit came. `cancelled()`
(optional, no Qt: any callable) is asked before each weight; when it turns True the computation stops
with `Cancelled` (nothing partial is returned). One weight is the unit of work (~40 ms at that size), so
a cancel takes effect within that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from core.analysis.reaggregate import PathPlan
from core.pipeline.rank import TIE_DECIMALS, min_rank_desc, order

if TYPE_CHECKING:
    from core.pipeline.run import Result

GRID = 32
TOL = 1e-7
NEAR_SHARE = 0.1


class Cancelled(Exception):
    """`weight_stability` (or `core.analysis.targets.targets`) stopped because `cancelled()` turned True."""


def top_units(result: Result, top: int) -> list[int]:
    """Indices of the first `top` ranked units, in rank order."""
    s = result.root_scores
    ranked = [i for i in order(s, result.units) if not np.isnan(s[i])]
    return ranked[:top]


def _pairs(scores: np.ndarray, top: list[int]) -> np.ndarray:
    """(higher, lower) index pairs that must stay ordered; tied pairs left out."""
    s = np.round(scores, TIE_DECIMALS)
    top_set = set(top)
    pairs = [(h, lo) for h, lo in zip(top, top[1:])]
    if top:
        last = top[-1]
        pairs += [(last, u) for u in range(len(s)) if u not in top_set and not np.isnan(s[u])]
    return np.array([p for p in pairs if s[p[0]] > s[p[1]]], dtype=int).reshape(-1, 2)


class _Weight:
    """Root scores as a function of one node's local weight t (siblings rescaled in proportion); only
    the parent and its ancestors re-aggregated (core.analysis.reaggregate)."""

    def __init__(self, result: Result, w0: np.ndarray, node: int, sibs: np.ndarray, parent: int):
        self.w0, self.node, self.sibs = w0, node, sibs
        self.rest = float(w0[sibs].sum())
        self.path = PathPlan(result, parent)

    def vector(self, t: float) -> np.ndarray:
        w = self.w0.copy()
        w[self.node] = t
        w[self.sibs] = (self.w0[self.sibs] * (1 - t) / self.rest if self.rest > 0
                        else (1 - t) / len(self.sibs))
        return w

    def roots(self, t: float) -> np.ndarray:
        return self.path.roots(self.vector(t))


def _first_violated(scores: np.ndarray, pairs: np.ndarray) -> list[int] | None:
    s = np.round(scores, TIE_DECIMALS)
    d = s[pairs[:, 0]] - s[pairs[:, 1]]
    bad = np.flatnonzero(~(d > 0))
    if not bad.size:
        return None
    k = bad[np.argmin(d[bad])] if not np.isnan(d[bad]).any() else bad[0]
    return [int(pairs[k, 0]), int(pairs[k, 1])]


def _exact(fn: _Weight, t0: float, pairs: np.ndarray) -> tuple[float, list | None, float, list | None]:
    a = fn.roots(0.0)
    b = fn.roots(1.0) - a
    D0 = a[pairs[:, 0]] - a[pairs[:, 1]]
    D1 = b[pairs[:, 0]] - b[pairs[:, 1]]
    with np.errstate(divide="ignore", invalid="ignore"):
        cross = np.where(D1 != 0, -D0 / D1, np.nan)
    lo, at_lo, hi, at_hi = 0.0, None, 1.0, None
    up = np.flatnonzero((D1 < 0) & (cross > t0) & (cross < 1))
    if up.size:
        k = up[np.argmin(cross[up])]
        hi, at_hi = float(cross[k]), [int(pairs[k, 0]), int(pairs[k, 1])]
    down = np.flatnonzero((D1 > 0) & (cross < t0) & (cross > 0))
    if down.size:
        k = down[np.argmax(cross[down])]
        lo, at_lo = float(cross[k]), [int(pairs[k, 0]), int(pairs[k, 1])]
    return lo, at_lo, hi, at_hi


def _search_side(fn: _Weight, t0: float, end: float, pairs: np.ndarray) -> tuple[float, list | None]:
    good = t0
    for k in range(1, GRID + 1):
        t = t0 + (end - t0) * k / GRID
        if _first_violated(fn.roots(t), pairs) is not None:
            bad = t
            break
        good = t
    else:
        return end, None
    while abs(bad - good) > TOL:
        mid = 0.5 * (good + bad)
        if _first_violated(fn.roots(mid), pairs) is None:
            good = mid
        else:
            bad = mid
    return 0.5 * (good + bad), _first_violated(fn.roots(bad), pairs)


def _is_linear(result: Result, parent: str, kids: np.ndarray) -> bool:
    fw, s = result.framework, result.settings
    chain = [parent, *fw.ancestors(parent)]
    if any(fw.aggregation_of(c, s.aggregation) != "arithmetic" for c in chain):
        return False
    scored = ~np.isnan(result.root_scores)
    return not np.isnan(result.scores_array[np.ix_(scored, kids)]).any()


def weight_stability(result: Result, top: int = 10, codes=None,
                     cancelled: Callable[[], bool] | None = None) -> dict:
    """`{"top": N, "weights": {code: {"current", "low", "high", "at_low", "at_high", "method"}}}` for
    every node with siblings (a lone child's weight is always 1), or only those in `codes` (the report
    needs the dimensions' five, not a large project's hundreds); `at_*` are [higher, lower] unit names
    of the pair that swaps there, or None. `cancelled()` is asked once before each weight (raises
    `Cancelled` when True). See the module docstring."""
    plan, fw = result.plan, result.framework
    w0 = plan.weight_vector(result.local)
    tops = top_units(result, top)
    pairs = _pairs(result.root_scores, tops)
    pos = {c: i for i, c in enumerate(plan.codes)}
    out: dict[str, dict] = {}
    for code in plan.codes[1:]:
        if codes is not None and code not in codes:
            continue
        parent = fw.nodes[code].parent
        kids = np.array([pos[k] for k in fw.children[parent]], dtype=int)
        if len(kids) < 2:
            continue
        if cancelled is not None and cancelled():
            raise Cancelled("weight stability cancelled")
        j = pos[code]
        fn = _Weight(result, w0, j, kids[kids != j], pos[parent])
        t0 = float(w0[j])
        if not pairs.size:
            lo, at_lo, hi, at_hi, method = 0.0, None, 1.0, None, "exact"
        elif _is_linear(result, parent, kids):
            lo, at_lo, hi, at_hi = _exact(fn, t0, pairs)
            method = "exact"
        else:
            lo, at_lo = _search_side(fn, t0, 0.0, pairs)
            hi, at_hi = _search_side(fn, t0, 1.0, pairs)
            method = "search"
        names = result.units
        out[code] = {"current": t0, "low": lo, "high": hi,
                     "at_low": [names[i] for i in at_lo] if at_lo else None,
                     "at_high": [names[i] for i in at_hi] if at_hi else None,
                     "method": method}
    return {"top": len(tops), "weights": out}


def near_edge(entry: dict, share: float = NEAR_SHARE) -> bool:
    """The current weight lies within `share` (10 %) of itself from an edge where a swap happens."""
    cur = entry["current"]
    return ((entry["at_low"] is not None and cur - entry["low"] <= share * cur)
            or (entry["at_high"] is not None and entry["high"] - cur <= share * cur))


def top_of(scores: np.ndarray, units, top: int) -> list[str]:
    """The first `top` units in rank order, with their ranks (ties shown): what "the TOP-N" means when
    checking an interval by a full recompute."""
    r = min_rank_desc(scores)
    idx = [i for i in order(scores, units) if not np.isnan(scores[i])][:top]
    return [f"{units[i]}:{int(r[i])}" for i in idx]
