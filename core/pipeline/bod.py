"""Benefit of the doubt: one linear programme per unit, solved by HiGHS (`highspy`).

For unit i with children's values y_i (0–1):

    maximise  Σ_j w_j y_ij
    subject to  Σ_j w_j y_lj ≤ 1  for every unit l that has all of i's children,
                w_j ≥ 0,
                L · Σ_k w_k ≤ w_j ≤ U · Σ_k w_k  (L = bod_min_share, U = bod_max_share).

The programme is always feasible (w = 0) and bounded (i's own row caps it at 1). A unit whose
values are all at or below another's can never be the one that binds (w ≥ 0), so only the
non-dominated units become constraints. Units with the same children present share one model:
only the objective changes between them, and HiGHS starts each solve from the previous basis.
highspy is imported here, so an install without it can still use every other method.

The answer depends only on the values, which children count and the share bounds — not on the
framework's weights — so it is remembered (`CACHE`, the latest few): a weight edit re-solves
nothing at a node whose children's values did not move.
"""

from __future__ import annotations

import hashlib

import numpy as np

CACHE: dict[bytes, tuple[np.ndarray, np.ndarray]] = {}
CACHE_SIZE = 512


def nondominated(Y: np.ndarray, block: int = 256) -> np.ndarray:
    """Indices of the rows that no other row dominates (≥ everywhere, > somewhere); of equal
    rows the first is kept."""
    n = len(Y)
    keep = np.ones(n, dtype=bool)
    idx = np.arange(n)
    for a in range(0, n, block):
        rows = Y[a:a + block]
        ge = (Y[None, :, :] >= rows[:, None, :]).all(axis=2)  # ge[i, m]: row m ≥ row a+i
        gt = (Y[None, :, :] > rows[:, None, :]).any(axis=2)
        equal_earlier = ge & ~gt & (idx[None, :] < idx[a:a + block, None])
        keep[a:a + block] = ~((ge & gt) | equal_earlier).any(axis=1)
    return np.flatnonzero(keep)


def _model(Y: np.ndarray, low: float, high: float):
    """The constraints of the programme over the rows of Y (units × children), objective zero."""
    import highspy

    m, k = Y.shape
    inf = highspy.kHighsInf
    rows = [Y]
    lo = [np.full(m, -inf)]
    up = [np.ones(m)]
    if low > 0:
        rows.append(np.eye(k) - low)
        lo.append(np.zeros(k))
        up.append(np.full(k, inf))
    if high < 1:
        rows.append(np.eye(k) - high)
        lo.append(np.full(k, -inf))
        up.append(np.zeros(k))
    A = np.vstack(rows)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = k, A.shape[0]
    lp.col_cost_ = np.zeros(k)
    lp.col_lower_, lp.col_upper_ = np.zeros(k), np.full(k, inf)
    lp.row_lower_, lp.row_upper_ = np.concatenate(lo), np.concatenate(up)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.arange(0, A.size + 1, k, dtype=np.int32)
    lp.a_matrix_.index_ = np.tile(np.arange(k, dtype=np.int32), A.shape[0])
    lp.a_matrix_.value_ = A.ravel()
    lp.sense_ = highspy.ObjSense.kMaximize
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.passModel(lp)
    return h


def bod_scores(Y: np.ndarray, use: np.ndarray, low: float = 0.0,
               high: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """(best score 0–1 of each row, rows × children weight shares; NaN where a child is not used
    or the best weights are all zero). `use` marks the children each row has (and that count)."""
    key = hashlib.blake2b(np.ascontiguousarray(Y, dtype=float).tobytes() + use.tobytes()
                          + repr((Y.shape, float(low), float(high))).encode(), digest_size=20).digest()
    if key in CACHE:
        best, shares = CACHE[key]
        return best.copy(), shares.copy()
    best, shares = _solve(Y, use, low, high)
    if len(CACHE) >= CACHE_SIZE:
        CACHE.pop(next(iter(CACHE)))
    CACHE[key] = (best.copy(), shares.copy())
    return best, shares


def _solve(Y: np.ndarray, use: np.ndarray, low: float, high: float) -> tuple[np.ndarray, np.ndarray]:
    import highspy

    n, k = Y.shape
    best = np.full(n, np.nan)
    shares = np.full((n, k), np.nan)
    patterns: dict[bytes, list[int]] = {}
    for i in range(n):
        patterns.setdefault(use[i].tobytes(), []).append(i)
    for key, members in patterns.items():
        cols = np.flatnonzero(np.frombuffer(key, dtype=bool))
        if len(cols) == 0:
            continue
        peers = np.flatnonzero(use[:, cols].all(axis=1))
        Yp = Y[np.ix_(peers, cols)]
        h = _model(Yp[nondominated(Yp)], low, high)
        idx = np.arange(len(cols), dtype=np.int32)
        for i in members:
            h.changeColsCost(len(cols), idx, Y[i, cols])
            h.run()
            if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                continue
            w = np.maximum(np.asarray(h.getSolution().col_value), 0.0)
            best[i] = min(float(Y[i, cols] @ w), 1.0)
            if w.sum() > 0:
                shares[i, cols] = w / w.sum()
    return best, shares
