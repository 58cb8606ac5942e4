"""Aggregations that compare the units with each other (README "Beyond the weighted sum").

A weighted mean scores a unit from its own row; these five score it against the other units
at the node, so each sees the node's whole matrix: the rows of the units that get a score there
(enough children present, `node_min_coverage`), the children's scores on the project scale
(higher is better: direction was applied when normalising), and the children's local weights.

    topsis    D⁻ / (D⁺ + D⁻) × scale, distances to the ideal / anti-ideal of the weighted columns
    grey      Σ w·ξ × scale, ξ the grey relational coefficient to the best value per column
    rsr       Σ w·R / n × scale, R the rank in the column (best = n, ties averaged)
    copeland  (wins − losses + n − 1) / (2(n − 1)) × scale over the pairwise majorities e_ab
    bod       max over the unit's own weights of its weighted sum (values / scale), no unit above 1

A missing child of a unit is skipped with its weight (the present weights renormalised, like
the means); a column's ideal, best value or ranks are taken over the units that have it.
Every function has the signature of the means in `aggregate.py`: (X, W, wsum, ctx) with X the
rows' values (0 where missing), W their weights (0 where missing), wsum W's row sums.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_PARAMS = {"scale": 100.0, "topsis_normalization": "vector", "grey_rho": 0.5,
                  "bod_min_share": 0.0, "bod_max_share": 1.0}


@dataclass(frozen=True)
class NodeContext:
    present: np.ndarray  # rows × children, True where the child has a score
    w: np.ndarray  # the children's local weights (the framework's, not renormalised)
    params: dict  # DEFAULT_PARAMS' keys, from the project's settings
    rows: np.ndarray  # the rows' unit indices in the plan
    children: list[str]
    node: str
    details: dict | None  # where a method records what it chose per unit (BoD's weights)


def _shares(W: np.ndarray, wsum: np.ndarray) -> np.ndarray:
    return W / wsum[:, None]


# --- TOPSIS ----------------------------------------------------------------------------------


def topsis_normalise(X: np.ndarray, present: np.ndarray, how: str) -> np.ndarray:
    """Columns to comparable form: x / √Σx² (vector) or (x − min) / (max − min) (minmax).

    A column that is all zero (vector) or constant (minmax) becomes 0: it separates no one."""
    Xp = np.where(present, X, np.nan)
    if how == "minmax":
        lo, hi = np.nanmin(Xp, axis=0), np.nanmax(Xp, axis=0)
        rng = hi - lo
        R = (X - lo) / np.where(rng > 0, rng, 1.0)
        R = np.where(rng > 0, R, 0.0)
    else:
        norm = np.sqrt(np.nansum(Xp ** 2, axis=0))
        R = np.where(norm > 0, X / np.where(norm > 0, norm, 1.0), 0.0)
    return np.where(present, R, 0.0)


def topsis_distances(X: np.ndarray, W: np.ndarray, wsum: np.ndarray, present: np.ndarray,
                     how: str) -> tuple[np.ndarray, np.ndarray]:
    """(D⁺, D⁻) of each row: √Σ (w_j r_ij − w_j r_j^±)² over the row's present children.

    With every child present this is the classic v_ij = w_j r_ij with the ideal max_i v_ij;
    a missing child drops out of the sums, the present weights renormalised."""
    R = topsis_normalise(X, present, how)
    Rp = np.where(present, R, np.nan)
    best, worst = np.nanmax(Rp, axis=0), np.nanmin(Rp, axis=0)
    S2 = _shares(W, wsum) ** 2
    dplus = np.sqrt((S2 * np.where(present, R - best, 0.0) ** 2).sum(axis=1))
    dminus = np.sqrt((S2 * np.where(present, R - worst, 0.0) ** 2).sum(axis=1))
    return dplus, dminus


def a_topsis(X: np.ndarray, W: np.ndarray, wsum: np.ndarray, ctx: NodeContext) -> np.ndarray:
    """Relative closeness D⁻ / (D⁺ + D⁻) × scale; a unit at both ideals (every unit equal) gets
    the scale: it is best on every child."""
    if len(X) == 0:
        return np.empty(0)
    dplus, dminus = topsis_distances(X, W, wsum, ctx.present, ctx.params["topsis_normalization"])
    tot = dplus + dminus
    c = np.where(tot > 0, dminus / np.where(tot > 0, tot, 1.0), 1.0)
    return c * ctx.params["scale"]


# --- grey relational analysis ------------------------------------------------------------------


def grey_coefficients(X: np.ndarray, present: np.ndarray, rho: float) -> np.ndarray:
    """ξ_ij = (Δmin + ρΔmax) / (Δ_ij + ρΔmax), Δ_ij = |x_0j − x_ij|, x_0j the best (largest)
    value of column j; Δmin, Δmax over the node's whole matrix. All Δ = 0 gives ξ = 1."""
    Xp = np.where(present, X, np.nan)
    ref = np.nanmax(Xp, axis=0)
    delta = np.abs(ref - Xp)
    dmin, dmax = np.nanmin(delta), np.nanmax(delta)
    if not dmax > 0:
        return np.where(present, 1.0, 0.0)
    xi = (dmin + rho * dmax) / (delta + rho * dmax)
    return np.where(present, xi, 0.0)


def a_grey(X: np.ndarray, W: np.ndarray, wsum: np.ndarray, ctx: NodeContext) -> np.ndarray:
    """Grey relational grade Σ w·ξ (present weights renormalised) × scale."""
    if len(X) == 0:
        return np.empty(0)
    xi = grey_coefficients(X, ctx.present, ctx.params["grey_rho"])
    return (_shares(W, wsum) * xi).sum(axis=1) * ctx.params["scale"]


# --- rank-sum ratio ----------------------------------------------------------------------------


def rsr_ranks(X: np.ndarray, present: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(R, n): R_ij the rank of x_ij in column j, 1 for the lowest … n_j for the best, ties
    averaged (the integer-rank form); n_j the number of units with that column. R = 0 where missing."""
    R = pd.DataFrame(np.where(present, X, np.nan)).rank(method="average", ascending=True).to_numpy()
    n = present.sum(axis=0).astype(float)
    return np.where(present, R, 0.0), n


def a_rsr(X: np.ndarray, W: np.ndarray, wsum: np.ndarray, ctx: NodeContext) -> np.ndarray:
    """Weighted rank-sum ratio Σ w_j R_ij / n_j × scale (with complete data n_j = n: Σ w R / n)."""
    if len(X) == 0:
        return np.empty(0)
    R, n = rsr_ranks(X, ctx.present)
    return (_shares(W, wsum) * R / np.where(n > 0, n, 1.0)).sum(axis=1) * ctx.params["scale"]


# --- Copeland ----------------------------------------------------------------------------------

TIE_TOL = 1e-12


def outranking_matrix(X: np.ndarray, present: np.ndarray, w: np.ndarray, block: int = 128) -> np.ndarray:
    """e_ab = Σ w_k [a better on k] + ½ Σ w_k [tied on k], over the children both a and b have,
    their weights renormalised to sum 1; e_ab + e_ba = 1 (½ each when they share no child).

    Built as D = Σ_k w_k sign(x_ak − x_bk), a block of rows at a time (so the work stays in the
    cache), and the weight both units have, P = (present · w) @ presentᵀ; e = (1 + D / P) / 2."""
    n = len(X)
    D = np.zeros((n, n))
    cols = np.flatnonzero(w > 0)
    complete = bool(present.all())
    Xn = X if complete else np.where(present, X, np.nan)
    buf = np.empty((min(block, n), n))
    for a in range(0, n, block):
        b = min(a + block, n)
        out, tmp = D[a:b], buf[:b - a]
        for k in cols:
            x = Xn[:, k]
            np.subtract.outer(x[a:b], x, out=tmp)
            np.sign(tmp, out=tmp)
            if not complete:
                np.nan_to_num(tmp, copy=False, nan=0.0)
            tmp *= w[k]
            out += tmp
    wp = np.where(w > 0, w, 0.0)
    P = np.full((n, n), wp.sum()) if complete else (present * wp) @ present.T.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        D /= np.where(P > 0, P, 1.0)
    D[P <= 0] = 0.0
    D += 1.0
    D /= 2.0
    return D


def copeland_scores(E: np.ndarray) -> np.ndarray:
    """wins − losses of each unit: a beats b when e_ab > e_ba (= e_ab > ½)."""
    margin = E - E.T
    return (margin > TIE_TOL).sum(axis=1) - (margin < -TIE_TOL).sum(axis=1)


def a_copeland(X: np.ndarray, W: np.ndarray, wsum: np.ndarray, ctx: NodeContext) -> np.ndarray:
    """(Copeland + n − 1) / (2(n − 1)) × scale: beating every unit gives the scale, losing to
    every unit 0; a single unit gets the scale."""
    n = len(X)
    if n == 0:
        return np.empty(0)
    if n == 1:
        return np.full(1, float(ctx.params["scale"]))
    cope = copeland_scores(outranking_matrix(X, ctx.present, ctx.w))
    return (cope + (n - 1)) / (2.0 * (n - 1)) * ctx.params["scale"]


# --- benefit of the doubt ------------------------------------------------------------------------


def a_bod(X: np.ndarray, W: np.ndarray, wsum: np.ndarray, ctx: NodeContext) -> np.ndarray:
    """Each unit's best weighted sum of its children's values / scale, with weights ≥ 0 that put
    no unit above 1 and keep each child's share within [bod_min_share, bod_max_share]: one linear
    programme per unit (core/pipeline/bod.py). The framework's weights only say which children
    count (weight > 0). The chosen shares go to `ctx.details[node]`."""
    from core.pipeline.bod import bod_scores

    if len(X) == 0:
        return np.empty(0)
    p = ctx.params
    use = ctx.present & (ctx.w > 0)[None, :]
    best, shares = bod_scores(X / p["scale"], use, p["bod_min_share"], p["bod_max_share"])
    if ctx.details is not None:
        ctx.details[ctx.node] = {"method": "bod", "rows": ctx.rows, "children": ctx.children,
                                 "shares": shares}
    return best * p["scale"]
