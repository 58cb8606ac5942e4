"""Benefit of the doubt: one linear programme per unit, solved by HiGHS (`highspy`).

For unit i with children's values y_i (0–1):

    maximise  Σ_j w_j y_ij
    subject to  Σ_j w_j y_lj ≤ 1  for every unit l that has all of i's children,
                w_j ≥ 0,
                L · Σ_k w_k ≤ w_j ≤ U · Σ_k w_k  (L = bod_min_share, U = bod_max_share).

The programme is always feasible (w = 0) and bounded (i's own row caps it at 1). Units with the
same children present share one model: only the objective changes between them, and HiGHS starts
each solve from the previous basis. Two things keep a large set fast and the answer exact:

- Constraint generation. Of the "no unit above 1" rows only those of the frontier can bind, and at
  any one optimum only a few do. The model starts with the best unit of each child (which bounds
  it) and, after each solve, the rows the solution breaks (most violated first, a few at a time)
  are added and it is solved again, until no unit is above 1 (+1e-10). A solution of the smaller
  programme that meets every row is optimal for the full one. Rows once added stay (they are true
  constraints for every unit of the pattern).
- Sharing an optimum. An optimal vertex w* is optimal for every objective in the cone of the
  constraints active there (the basis: k of them). One k × k solve tells, for all units still to
  do, whether their values lie in that cone (all multipliers ≥ −1e-12); those take w* without a
  programme of their own. With 2–3 children that leaves 5–20 programmes for 300 units; with 7
  children, where nearly every unit meets the frontier on a facet of its own, ~250 of 300.

No dominance pre-pass is needed: with w ≥ 0 a dominated unit is never more violated than the unit
that dominates it, so the rows added are the frontier's anyway (`nondominated` is kept, unused by
the solve).

Measured (python -m bench.bench_methods): 300 × 41 with every node by BoD about 2.5–3× faster
than one full programme per unit; one node of 3,000 units × 10 children 2.2 s instead of 25 s.
There the scores agree with an independent dual solve to 1e-13, while the full-constraint model
(the previous method) is off by up to 1e-8: HiGHS's own 1e-7 feasibility tolerance over ~2,000
rows. Where a unit has several optimal weightings (the optimum is a face, not a vertex — frontier
units often are) the shares shown are one of them.
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
    """The programme with the rows of Y (units × children) as its "no unit above 1" constraints,
    objective zero, and its constraint matrix (the share rows after Y's)."""
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
    return h, A


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


def bod_score_against(peers: np.ndarray, rows: np.ndarray, low: float = 0.0,
                      high: float = 1.0) -> np.ndarray:
    """Best score 0–1 of each row of `rows` (not necessarily units) under the "no unit above 1" rows
    of `peers` (units × the same children): what a unit would score with other values, the others
    unchanged (core.analysis.matrix_contributions splits a BoD score difference with it)."""
    return _solve_pattern(np.ascontiguousarray(peers), np.ascontiguousarray(rows), low, high)[0]


VIOLATION_TOL = 1e-10  # a unit scoring above 1 + this with the current weights becomes a row
ACTIVE_TOL = 1e-9  # a constraint with at most this slack at the optimum is tight there
CONE_TOL = 1e-12  # multipliers ≥ −this: the objective lies in the cone of the active constraints
ADD_AT_ONCE = 8  # most violated rows added per round


def _solve(Y: np.ndarray, use: np.ndarray, low: float, high: float) -> tuple[np.ndarray, np.ndarray]:
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
        rows = np.asarray(members)
        b, sh = _solve_pattern(np.ascontiguousarray(Y[np.ix_(peers, cols)]),
                               np.ascontiguousarray(Y[np.ix_(rows, cols)]), low, high)
        best[rows] = b
        shares[np.ix_(rows, cols)] = sh
    return best, shares


def _solve_pattern(P: np.ndarray, C: np.ndarray, low: float, high: float) -> tuple[np.ndarray, np.ndarray]:
    """Best score and weight shares of each row of C (the units to score) against the peers P
    (every unit with those children, C's rows among them): constraint generation over P's rows,
    one optimum shared by every unit whose objective lies in its active constraints' cone."""
    import highspy

    m, k = P.shape
    first = np.unique(P.argmax(axis=0))
    h, A = _model(P[first], low, high)
    # each model row as "sign · row · w ≤ sign · rhs": the unit rows ≤ 1, the share rows ≥ / ≤ 0
    sign = np.concatenate([np.ones(len(first)), -np.ones(k if low > 0 else 0), np.ones(k if high < 1 else 0)])
    rhs = np.concatenate([np.ones(len(first)), np.zeros(len(A) - len(first))])
    in_model = np.zeros(m, dtype=bool)
    in_model[first] = True
    idx = np.arange(k, dtype=np.int32)
    best = np.full(len(C), np.nan)
    shares = np.full(C.shape, np.nan)
    left = np.ones(len(C), dtype=bool)
    for t in range(len(C)):
        if not left[t]:
            continue
        h.changeColsCost(k, idx, C[t])
        while True:
            h.run()
            if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                w = None
                break
            w = np.asarray(h.getSolution().col_value)
            over = P @ w - 1.0
            over[in_model] = -np.inf
            add = np.flatnonzero(over > VIOLATION_TOL)
            if len(add) == 0:
                break
            if len(add) > ADD_AT_ONCE:
                add = add[np.argsort(over[add])[-ADD_AT_ONCE:]]
            in_model[add] = True
            A = np.vstack([A, P[add]])
            sign = np.concatenate([sign, np.ones(len(add))])
            rhs = np.concatenate([rhs, np.ones(len(add))])
            q = len(add)
            h.addRows(q, np.full(q, -highspy.kHighsInf), np.ones(q), q * k,
                      np.arange(0, q * k, k, dtype=np.int32), np.tile(idx, q), P[add].ravel())
        left[t] = False
        if w is None:
            continue
        w = np.maximum(w, 0.0)
        same = np.zeros(len(C), dtype=bool)
        same[t] = True
        rest = np.flatnonzero(left)
        if len(rest):
            same[rest[_in_cone(h, A, sign, rhs, w, C[rest])]] = True
        left &= ~same
        best[same] = np.minimum(C[same] @ w, 1.0)
        if w.sum() > 0:
            shares[same] = w / w.sum()
    return best, shares


def _in_cone(h, A: np.ndarray, sign: np.ndarray, rhs: np.ndarray, w: np.ndarray,
             costs: np.ndarray) -> np.ndarray:
    """Which objectives (rows of `costs`) the optimum w is optimal for: those that are a
    non-negative combination of the outward normals of the k constraints tight at w (w_j ≥ 0 →
    −e_j; a row at its upper bound → its coefficients; at its lower bound → minus). The tight set
    is read from w (slack ≤ 1e-9); where more than k are tight (a degenerate vertex) from the
    basis HiGHS ended with."""
    k = len(w)
    tight = np.abs(A @ w - rhs) <= ACTIVE_TOL
    at_zero = np.flatnonzero(w <= ACTIVE_TOL)
    if tight.sum() + len(at_zero) == k:
        normals = sign[tight, None] * A[tight]
    else:
        normals, at_zero = _basis_normals(h, A, k)
    if len(normals) + len(at_zero) != k:
        return np.zeros(len(costs), dtype=bool)
    N = np.zeros((k, k))
    N[np.arange(len(at_zero)), at_zero] = -1.0
    if len(normals):
        N[len(at_zero):] = normals
    try:
        inv = np.linalg.inv(N)
    except np.linalg.LinAlgError:
        return np.zeros(len(costs), dtype=bool)
    if not np.abs(inv).max() < 1e12:  # (nearly) singular: do not trust the multipliers
        return np.zeros(len(costs), dtype=bool)
    lam = costs @ inv  # λᵀ N = c for each objective c
    return (lam >= -CONE_TOL).all(axis=1)


def _basis_normals(h, A: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(outward normals of the rows the basis holds at a bound, columns it holds at zero)."""
    import highspy

    basic, lower = highspy.HighsBasisStatus.kBasic, highspy.HighsBasisStatus.kLower
    b = h.getBasis()
    normals = [A[r] if st != lower else -A[r] for r, st in enumerate(b.row_status) if st != basic]
    at_zero = [j for j, st in enumerate(b.col_status) if st != basic]
    return np.array(normals).reshape(-1, k), np.array(at_zero, dtype=int)
