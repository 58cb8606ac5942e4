"""Why one unit is ahead of another at a node: the score difference split exactly over the node's children
and over its indicators, and each unit's strengths and weaknesses.

Pure: reads a `Result` (its plan, normalised matrix and scores); never recomputes the pipeline.

**Over the children** of node N (`child_terms`), for units A and B, with w̃ a child's weight among the
children the unit has a score for (the plan's renormalisation), S a score:

- arithmetic: c_k = w̃_Ak·S_Ak − w̃_Bk·S_Bk (weight × difference when both have every child);
- geometric and harmonic, every child score positive: the mean-value (LMDI) split. With G = log
  (geometric) or G = 1/x (harmonic), G(S_N) = Σ w̃_k·G(S_k), so
  c_k = M·(w̃_Ak·G(S_Ak) − w̃_Bk·G(S_Bk)) with M = (S_NA − S_NB)/(G(S_NA) − G(S_NB))
  (the logarithmic mean for log; −S_NA·S_NB for 1/x; 1/G'(S) when the two scores are equal);
- a method that compares the units (topsis, grey, rsr, copeland, bod): the same sequential split of
  f(x) = the score of a row x against the node's actual matrix (`matrix_contributions`), f(x_A) = S_NA;
- otherwise (a zero child: the score is 0 and G undefined): the symmetric sequential split — children
  switched one at a time from B's values to A's, in order and in reverse, each child's change averaged.

Each sums exactly (telescoping or the identity above) to S_NA − S_NB.

**Over the indicators**: a child's contribution c_k is passed down to the indicators under it in
proportion to their own split of S_Ak − S_Bk (factor c_k / (S_Ak − S_Bk)); when that difference is
(nearly) zero the factor is the derivative ∂S_N/∂S_k at the pair's midpoint, and what remains of c_k
(only when the two units' weights differ because of missing children) goes to the child's indicators
by their weights within the child. Sums stay exact. For an all-arithmetic tree with every value
present this is effective weight × difference of normalised values.

**Strengths and weaknesses** (COINr's `get_str_weak` idea): a unit's rank on each indicator (its
normalised value, so direction is already accounted for) against its rank at the node; "far better"
means at least a quarter of the ranked units better (`FAR_SHARE`), at least one place; at most
`MAX_LISTED` of each, the largest gaps first.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from core.analysis.matrix_contributions import row_score
from core.pipeline.aggregate import AGGREGATORS, MATRIX_METHODS
from core.pipeline.rank import min_rank_desc

if TYPE_CHECKING:
    from core.pipeline.run import Result

FAR_SHARE = 0.25
MAX_LISTED = 5
_TINY = 1e-12

METHOD_NAMES = {  # the JSON's `method` values (English); the command prints METHOD_WORDS in its language
    "arithmetic": "weight × difference",
    "log_mean": "log terms × logarithmic mean (LMDI)",
    "inverse_mean": "reciprocal terms × product of the scores",
    "sequential": "symmetric sequential replacement (a child score is zero)",
    "relative": "symmetric sequential replacement against the node's other units (a method comparing units)",
}
METHOD_WORDS = {
    "arithmetic": ("权重 × 差值", METHOD_NAMES["arithmetic"]),
    "log_mean": ("对数项 × 对数平均（LMDI）", METHOD_NAMES["log_mean"]),
    "inverse_mean": ("倒数项 × 两得分之积", METHOD_NAMES["inverse_mean"]),
    "sequential": ("对称逐项替换（某子节点得分为零）", METHOD_NAMES["sequential"]),
    "relative": ("对称逐项替换，以本节点其他城市为参照（城市间比较的方法）", METHOD_NAMES["relative"]),
}


def method_words(name: str, lang: str) -> str:
    """A `method` value of the JSON in `lang` ('zh' or 'en')."""
    key = next((k for k, v in METHOD_NAMES.items() if v == name), None)
    return METHOD_WORDS[key][0 if lang == "zh" else 1] if key else name


class ExplainError(ValueError):
    """A unit or node that cannot be explained; `key` names the message, `fields` fill it."""

    def __init__(self, key: str, **fields):
        super().__init__(f"{key}: {fields}")
        self.key, self.fields = key, fields


def _weights_of(w_kids: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The unit's weights among its children with a score (NaN children weigh 0), summing to 1."""
    w = np.where(np.isnan(x), 0.0, w_kids)
    s = w.sum()
    return w / s if s > 0 else w


def _aggregate_one(method: str, x: np.ndarray, w_kids: np.ndarray) -> float:
    present = ~np.isnan(x)
    W = (present * w_kids)[None, :]
    wsum = W.sum(axis=1)
    return float(AGGREGATORS[method](np.where(present, x, 0.0)[None, :], W, np.where(wsum > 0, wsum, 1.0))[0])


def sequential_terms(f, xa: np.ndarray, xb: np.ndarray) -> np.ndarray:
    """Each child's share of f(xa) − f(xb): children switched one at a time from B's values to A's, in
    order and in reverse, each child's change averaged (telescoping: the shares sum exactly)."""
    n = len(xa)
    fwd, bwd = np.zeros(n), np.zeros(n)
    cur = xb.copy()
    prev = f(cur)
    for k in range(n):
        cur[k] = xa[k]
        v = f(cur)
        fwd[k], prev = v - prev, v
    cur = xa.copy()
    prev = f(cur)
    for k in reversed(range(n)):
        cur[k] = xb[k]
        v = f(cur)
        bwd[k], prev = prev - v, v
    return 0.5 * (fwd + bwd)


def child_terms(method: str, xa: np.ndarray, xb: np.ndarray, w_kids: np.ndarray,
                sa: float, sb: float) -> tuple[np.ndarray, str]:
    """(contribution of each child to sa − sb, the split's name): see the module docstring."""
    wa, wb = _weights_of(w_kids, xa), _weights_of(w_kids, xb)
    if method == "arithmetic":
        return np.nan_to_num(wa * xa) - np.nan_to_num(wb * xb), "arithmetic"
    positive = all((np.isnan(x) | (x > 0)).all() for x in (xa, xb)) and sa > 0 and sb > 0
    if positive and method in ("geometric", "harmonic"):
        if method == "geometric":
            ga, gb = np.log(sa), np.log(sb)
            m = (sa - sb) / (ga - gb) if abs(ga - gb) > _TINY else 0.5 * (sa + sb)
            ta, tb = np.log(np.where(np.isnan(xa), 1.0, xa)), np.log(np.where(np.isnan(xb), 1.0, xb))
            return m * (wa * ta - wb * tb), "log_mean"
        ga, gb = 1.0 / sa, 1.0 / sb
        m = (sa - sb) / (ga - gb) if abs(ga - gb) > _TINY else -sa * sb
        ta, tb = 1.0 / np.where(np.isnan(xa), 1.0, xa), 1.0 / np.where(np.isnan(xb), 1.0, xb)
        return m * (wa * ta - wb * tb), "inverse_mean"
    return sequential_terms(lambda x: _aggregate_one(method, x, w_kids), xa, xb), "sequential"


def _derivative(method: str, w: float, s_node: float, x: float) -> float:
    """∂S_N/∂S_k at (S_N, S_k): the factor passed down when a child's two scores are equal."""
    if method == "arithmetic":
        return w
    if method in MATRIX_METHODS:
        return 0.0  # no derivative of a rank or a programme: what is left goes down by the weights
    if x <= 0:
        return 0.0
    if method == "geometric":
        return w * s_node / x
    return w * s_node * s_node / (x * x)


class _Explainer:
    def __init__(self, result: Result, ia: int, ib: int):
        self.r, self.plan, self.S = result, result.plan, result.scores_array
        self.ia, self.ib = ia, ib
        self.w = self.plan.weight_vector(result.local)
        self.step_of = {node: (kids, method) for node, kids, method in self.plan.steps}
        self.methods: dict[str, str] = {}

    def children(self, node: int) -> tuple[np.ndarray, np.ndarray]:
        kids, method = self.step_of[node]
        S = self.S
        if method in MATRIX_METHODS:
            rows = np.flatnonzero(~np.isnan(S[:, node]))
            pos = {int(i): k for k, i in enumerate(rows)}
            f = row_score(method, S[np.ix_(rows, kids)], self.w[kids], self.plan.params,
                          pos[self.ia], pos[self.ib])
            self.methods[self.plan.codes[node]] = "relative"
            return kids, sequential_terms(f, S[self.ia, kids].copy(), S[self.ib, kids].copy())
        c, name = child_terms(method, S[self.ia, kids], S[self.ib, kids], self.w[kids],
                              S[self.ia, node], S[self.ib, node])
        self.methods[self.plan.codes[node]] = name
        return kids, c

    def within_shares(self, node: int) -> dict[int, float]:
        """Each leaf's weight within `node` (product of local weights below it), summing to 1."""
        if node not in self.step_of:
            return {node: 1.0}
        kids, _ = self.step_of[node]
        tot = self.w[kids].sum()
        out: dict[int, float] = {}
        for k in kids:
            share = self.w[k] / tot if tot > 0 else 1.0 / len(kids)
            for leaf, v in self.within_shares(k).items():
                out[leaf] = out.get(leaf, 0.0) + share * v
        return out

    def leaves(self, node: int) -> dict[int, float]:
        """The split of S_A − S_B at `node` over the leaves under it (sums to that difference)."""
        if node not in self.step_of:
            a, b = self.S[self.ia, node], self.S[self.ib, node]
            return {node: float(np.nan_to_num(a) - np.nan_to_num(b))}
        kids, c = self.children(node)
        _, method = self.step_of[node]
        out: dict[int, float] = {}
        for k, ck in zip(kids, c):
            a, b = self.S[self.ia, k], self.S[self.ib, k]
            parts = self.leaves(k)
            if np.isnan(a) or np.isnan(b):
                f = 0.0
            else:
                d = a - b
                if abs(d) > _TINY * max(1.0, abs(a), abs(b)):
                    f = ck / d
                else:
                    mid = 0.5 * (self.S[self.ia, node] + self.S[self.ib, node])
                    wk = 0.5 * (_weights_of(self.w[kids], self.S[self.ia, kids])
                                + _weights_of(self.w[kids], self.S[self.ib, kids]))[list(kids).index(k)]
                    f = _derivative(method, wk, mid, 0.5 * (a + b))
            rest = ck - f * sum(parts.values())
            shares = self.within_shares(k) if rest != 0 else {}
            for leaf, p in parts.items():
                out[leaf] = out.get(leaf, 0.0) + f * p + rest * shares.get(leaf, 0.0)
        return out


def explain_pair(result: Result, unit_a: str, unit_b: str, node: str | None = None) -> dict:
    """`{"node", "units", "difference", "indicators", "children", "method"}` for A − B at `node`
    (default the root): see the module docstring. Raises ExplainError for an unknown unit or node,
    a leaf, or a unit without a score at the node."""
    node = node or result.framework.root
    for u in (unit_a, unit_b):
        if u not in result.units:
            raise ExplainError("explain_unknown_unit", unit=u)
    if node not in result.plan.codes:
        raise ExplainError("explain_unknown_node", code=node)
    if result.framework.is_leaf(node):
        raise ExplainError("explain_leaf_node", code=node)
    ia, ib = result.units.index(unit_a), result.units.index(unit_b)
    j = result.plan.codes.index(node)
    for u, i in ((unit_a, ia), (unit_b, ib)):
        if np.isnan(result.scores_array[i, j]):
            raise ExplainError("explain_no_score", unit=u, code=node)
    ex = _Explainer(result, ia, ib)
    kids, c = ex.children(j)
    leaves = ex.leaves(j)
    codes = result.plan.codes
    return {"node": node, "units": [unit_a, unit_b],
            "difference": float(result.scores_array[ia, j] - result.scores_array[ib, j]),
            "indicators": {codes[i]: float(v) for i, v in leaves.items()},
            "children": {codes[k]: float(v) for k, v in zip(kids, c)},
            "method": {code: METHOD_NAMES[m] for code, m in ex.methods.items()}}


def strengths_weaknesses(result: Result, unit: str, node: str | None = None) -> dict:
    """`{"unit", "node", "rank", "of", "threshold", "strengths": [...], "weaknesses": [...]}`; each
    entry `{"code", "rank", "gap"}` (gap = places better or worse than the node rank)."""
    node = node or result.framework.root
    if unit not in result.units:
        raise ExplainError("explain_unknown_unit", unit=unit)
    i = result.units.index(unit)
    node_rank = result.node_ranks(node).iloc[i]
    n = int((~np.isnan(result.scores_array[:, result.plan.codes.index(node)])).sum())
    threshold = max(1, math.ceil(FAR_SHARE * n))
    out = {"unit": unit, "node": node, "rank": None if np.isnan(node_rank) else int(node_rank), "of": n,
           "threshold": threshold, "strengths": [], "weaknesses": []}
    if np.isnan(node_rank):
        return out
    norm = result.normalised
    for code in result.framework.leaves_under(node):
        r = min_rank_desc(norm[code].to_numpy())[i]
        if np.isnan(r):
            continue
        gap = int(node_rank - r)
        if gap >= threshold:
            out["strengths"].append({"code": code, "rank": int(r), "gap": gap})
        elif -gap >= threshold:
            out["weaknesses"].append({"code": code, "rank": int(r), "gap": -gap})
    for key in ("strengths", "weaknesses"):
        out[key] = sorted(out[key], key=lambda e: (-e["gap"], e["code"]))[:MAX_LISTED]
    return out
