"""Outranking at one node: the pairwise matrix, Copeland scores and the Condorcet–Kemeny order.

The OECD/JRC Handbook asks whether a ranking survives a non-compensatory method. At a node, e_ab
is the weight of the children on which unit a is better than b (ties count half; the children
both have, weights renormalised: `core.pipeline.aggregate_matrix.outranking_matrix`). The
Kemeny order maximises Σ e_ab over the pairs (a before b). It is found exactly by dynamic
programming over subsets for up to `EXACT_MAX` units (2^n · n² work); for more, the Copeland
order is improved by moving one unit at a time to its best place while that raises the total
(a local optimum, named so in the result).
"""

from __future__ import annotations

import numpy as np

from core.pipeline.aggregate_matrix import copeland_scores, outranking_matrix

EXACT_MAX = 18


def order_score(E: np.ndarray, order) -> float:
    """Σ e_ab over the pairs with a placed before b."""
    o = np.asarray(order, dtype=int)
    return float(np.triu(E[np.ix_(o, o)], 1).sum())


def kemeny_exact(E: np.ndarray) -> list[int]:
    """The order maximising Σ e_ab (a before b), by DP over the set of units placed first.

    best[S] = max over x in S of best[S − x] + Σ_{a ∈ S − x} e_ax (x placed last among S).
    Ties between equally good orders go to the lower unit index, so the answer is reproducible."""
    n = len(E)
    if n == 0:
        return []
    size = 1 << n
    # into[x][S] = Σ_{a ∈ S} e_ax, built bit by bit
    into = np.zeros((n, size))
    for b in range(n):
        lo, hi = 1 << b, 1 << (b + 1)
        into[:, lo:hi] = into[:, :lo] + E[b][:, None]
    popcount = np.zeros(size, dtype=np.int64)
    for b in range(n):
        popcount[1 << b:1 << (b + 1)] = popcount[:1 << b] + 1
    best = np.full(size, -np.inf)
    best[0] = 0.0
    last = np.full(size, -1, dtype=np.int64)
    for k in range(1, n + 1):
        masks = np.flatnonzero(popcount == k)
        cand_best = np.full(len(masks), -np.inf)
        cand_x = np.full(len(masks), -1, dtype=np.int64)
        for x in range(n):
            has = (masks >> x) & 1 == 1
            m = masks[has]
            rest = m ^ (1 << x)
            val = best[rest] + into[x, rest]
            better = val > cand_best[has] + 1e-12
            idx = np.flatnonzero(has)[better]
            cand_best[idx] = val[better]
            cand_x[idx] = x
        best[masks] = cand_best
        last[masks] = cand_x
    order = []
    mask = size - 1
    while mask:
        x = int(last[mask])
        order.append(x)
        mask ^= 1 << x
    return order[::-1]


def kemeny_local(E: np.ndarray, start: list[int], max_passes: int = 200) -> list[int]:
    """Move single units to the place that raises Σ e_ab most, until no move helps."""
    order = list(start)
    n = len(order)
    for _ in range(max_passes):
        improved = False
        for i in range(n):
            o = np.array(order)
            x = o[i]
            gain = E[x, o] - E[o, x]  # what x gains by being before each unit instead of after it
            # x moved to position j < i: gains gain[j..i-1]; to j > i: loses gain[i+1..j]
            before = np.concatenate(([0.0], np.cumsum(gain[:i][::-1])))[::-1][:i]  # Σ gain[j..i-1]
            after = -np.cumsum(gain[i + 1:])  # −Σ gain[i+1..j]
            deltas = np.concatenate((before, [0.0], after))
            j = int(np.argmax(deltas))
            if deltas[j] > 1e-12:
                order.pop(i)
                order.insert(j, int(x))
                improved = True
        if not improved:
            break
    return order


def kemeny(E: np.ndarray) -> dict:
    """{"order": unit indices, "score": Σ e over its pairs, "method": "exact" | "local_search"}."""
    n = len(E)
    if n <= EXACT_MAX:
        order = kemeny_exact(E)
        return {"order": order, "score": order_score(E, order), "method": "exact"}
    cope = copeland_scores(E)
    borda = E.sum(axis=1)
    start = sorted(range(n), key=lambda i: (-cope[i], -borda[i], i))
    order = kemeny_local(E, start)
    return {"order": order, "score": order_score(E, order), "method": "local_search",
            "note": f"more than {EXACT_MAX} units: the Copeland order improved by moving single units "
                    "while the total rises (a local optimum, not proven best)"}


def outranking(result, code: str | None = None) -> dict:
    """The JSON of `python main.py outranking` for the node `code` (default: the root) of a Result:
    its children's scores and local weights, over the units with at least one child scored."""
    plan = result.plan
    code = code or plan.codes[0]
    kids = result.framework.children[code]
    cols = [plan.codes.index(k) for k in kids]
    X = result.scores_array[:, cols]
    present = ~np.isnan(X)
    w = np.array([result.local[k] for k in kids], dtype=float)
    rows = np.flatnonzero((present & (w > 0)[None, :]).any(axis=1))
    units = [result.units[i] for i in rows]
    E = outranking_matrix(np.where(present, X, 0.0)[rows], present[rows], w)
    cope = copeland_scores(E)
    k = kemeny(E)
    out_k = {"order": [units[i] for i in k["order"]], "score": k["score"], "method": k["method"]}
    if "note" in k:
        out_k["note"] = k["note"]
    return {"node": code,
            "matrix": {a: {b: float(E[i, j]) for j, b in enumerate(units) if j != i}
                       for i, a in enumerate(units)},
            "copeland": {a: int(cope[i]) for i, a in enumerate(units)},
            "kemeny": out_k}
