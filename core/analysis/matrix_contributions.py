"""The score one row of child values would get at a node aggregated by a method that compares the
units (topsis, grey, rsr, copeland, bod), against the node's actual matrix — what `contributions`
needs to split S_A − S_B at such a node.

A weighted mean scores a unit from its own row, so switching A's child values to B's one at a time
walks from S_A to S_B. A matrix method scores a unit against the others: the column norms, ideals,
best values and ranks come from every unit at the node. Here they are held at the node's actual
values (A's and B's rows both in it), and only the row being scored changes; then f(x_A) = S_A and
f(x_B) = S_B exactly, and the symmetric sequential split in between sums to S_A − S_B:

    topsis    r = x / column norm (or (x − min)/(max − min)), distances to the actual best / worst r
    grey      ξ from the actual best value and Δmin, Δmax of the node
    rsr       the rank x_j would have in the actual column j (ties averaged) / n_j
    copeland  wins − losses against every unit but A and B, plus against x_A and x_B themselves
              (x_A against itself is a tie: f(x_A) is A's own Copeland score, f(x_B) B's)
    bod       the best weighted sum of x under the node's actual "no unit above 1" rows

A missing child (NaN) drops out with its weight, as in core.pipeline.aggregate_matrix.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from core.pipeline.aggregate_matrix import TIE_TOL, topsis_normalise


def _shares(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    s = np.where(np.isnan(x), 0.0, w)
    t = s.sum()
    return s / t if t > 0 else s


def row_score(method: str, M: np.ndarray, w: np.ndarray, params: dict, ia: int, ib: int) -> Callable:
    """f(x): the node score of a row x of child values (NaN = missing) against `M`, the node's
    actual matrix (the rows of the units with a score there, NaN where missing); `ia`, `ib` are A's
    and B's rows in M. `w` the children's local weights, `params` the plan's (scale, settings)."""
    scale = float(params["scale"])
    present = ~np.isnan(M)
    X0 = np.where(present, M, 0.0)

    if method == "topsis":
        how = params["topsis_normalization"]
        R = np.where(present, topsis_normalise(X0, present, how), np.nan)
        best, worst = np.nanmax(R, axis=0), np.nanmin(R, axis=0)
        if how == "minmax":
            lo, hi = np.nanmin(M, axis=0), np.nanmax(M, axis=0)
            rng = hi - lo

            def norm(x):
                return np.where(rng > 0, (x - lo) / np.where(rng > 0, rng, 1.0), 0.0)
        else:
            n2 = np.sqrt(np.nansum(M ** 2, axis=0))

            def norm(x):
                return np.where(n2 > 0, x / np.where(n2 > 0, n2, 1.0), 0.0)

        def f(x):
            s2, p = _shares(x, w) ** 2, ~np.isnan(x)
            r = norm(np.where(p, x, 0.0))
            dp = np.sqrt((s2 * np.where(p, r - best, 0.0) ** 2).sum())
            dm = np.sqrt((s2 * np.where(p, r - worst, 0.0) ** 2).sum())
            return scale * (dm / (dp + dm) if dp + dm > 0 else 1.0)
        return f

    if method == "grey":
        rho = float(params["grey_rho"])
        ref = np.nanmax(M, axis=0)
        delta = np.abs(ref - M)
        dmin, dmax = np.nanmin(delta), np.nanmax(delta)

        def f(x):
            p = ~np.isnan(x)
            if not dmax > 0:
                xi = np.ones_like(x)
            else:
                xi = (dmin + rho * dmax) / (np.abs(ref - np.where(p, x, 0.0)) + rho * dmax)
            return scale * float((_shares(x, w) * np.where(p, xi, 0.0)).sum())
        return f

    if method == "rsr":
        n = present.sum(axis=0).astype(float)

        def f(x):
            p = ~np.isnan(x)
            r = np.zeros(len(x))
            for j in np.flatnonzero(p):  # x_j is A's or B's value: it is in the column
                col = M[present[:, j], j]
                r[j] = (col < x[j]).sum() + ((col == x[j]).sum() + 1) / 2.0
            return scale * float((_shares(x, w) * r / np.where(n > 0, n, 1.0)).sum())
        return f

    if method == "copeland":
        m = len(M)
        others = [M[i] for i in range(m) if i not in (ia, ib)] + [M[ia], M[ib]]
        wp = np.where(w > 0, w, 0.0)

        def beats(x, y) -> int:
            both = ~np.isnan(x) & ~np.isnan(y)
            tot = (wp * both).sum()
            if tot <= 0:
                return 0
            d = (wp * both * np.sign(np.where(both, x - y, 0.0))).sum() / tot
            return 1 if d > TIE_TOL else (-1 if d < -TIE_TOL else 0)  # e_ab − e_ba = d

        def f(x):
            if m == 1:
                return scale
            c = sum(beats(x, y) for y in others)
            return scale * (c + m - 1) / (2.0 * (m - 1))
        return f

    if method == "bod":
        from core.pipeline.bod import bod_score_against
        Y = M / scale
        low, high = float(params["bod_min_share"]), float(params["bod_max_share"])

        def f(x):
            cols = np.flatnonzero(~np.isnan(x) & (w > 0))
            if len(cols) == 0:
                return float("nan")
            peers = Y[np.ix_(present[:, cols].all(axis=1), cols)]
            return scale * float(bod_score_against(peers, (x[cols] / scale)[None, :], low, high)[0])
        return f

    raise ValueError(method)
