"""Aggregation bottom-up through the tree, vectorised over units.

`AggregationPlan` is built once from the framework and the normalised matrix;
`plan.scores(local_weights)` re-aggregates for new weights without touching
the data (the incremental path: a weight edit costs one pass of small matrix
products). Per node: arithmetic, geometric or harmonic weighted mean over the
children that have a score; missing children are skipped and the present
weights re-normalised, provided at least one child is present and the share
of children present is at least `node_min_coverage`.

The methods beyond a weighted mean (TOPSIS, grey relational analysis, rank-sum
ratio, Copeland, benefit of the doubt) compare units with each other, so they
see the node's whole units × children matrix (the units that get a score at
the node) and live in `core/pipeline/aggregate_matrix.py`; every aggregator has
the same signature and is named in `AGGREGATORS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.model.framework import Framework
from core.pipeline.aggregate_matrix import DEFAULT_PARAMS, NodeContext, a_bod, a_copeland, a_grey, a_rsr, a_topsis


def a_arithmetic(X: np.ndarray, W: np.ndarray, wsum: np.ndarray, ctx: NodeContext | None = None) -> np.ndarray:
    return (X * W).sum(axis=1) / wsum


def a_geometric(X: np.ndarray, W: np.ndarray, wsum: np.ndarray, ctx: NodeContext | None = None) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        lx = np.where(W > 0, np.log(np.where(X > 0, X, 1.0)), 0.0)
        zero = ((X == 0) & (W > 0)).any(axis=1)
        neg = ((X < 0) & (W > 0)).any(axis=1)
        out = np.exp((lx * W).sum(axis=1) / wsum)
    out = np.where(zero, 0.0, out)
    return np.where(neg, np.nan, out)


def a_harmonic(X: np.ndarray, W: np.ndarray, wsum: np.ndarray, ctx: NodeContext | None = None) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        inv = np.where(W > 0, W / np.where(X > 0, X, 1.0), 0.0)
        zero = ((X == 0) & (W > 0)).any(axis=1)
        neg = ((X < 0) & (W > 0)).any(axis=1)
        out = wsum / inv.sum(axis=1)
    out = np.where(zero, 0.0, out)
    return np.where(neg, np.nan, out)


AGGREGATORS = {"arithmetic": a_arithmetic, "geometric": a_geometric, "harmonic": a_harmonic,
               "topsis": a_topsis, "grey": a_grey, "rsr": a_rsr, "copeland": a_copeland, "bod": a_bod}
# Methods whose score for one unit depends on the other units at the node.
MATRIX_METHODS = frozenset(("topsis", "grey", "rsr", "copeland", "bod"))


@dataclass
class AggregationPlan:
    codes: list[str]  # every node; column order of the score matrix
    leaf_idx: np.ndarray
    steps: list[tuple[int, np.ndarray, str]]  # (node column, child columns, method), children first
    min_coverage: float
    base: np.ndarray  # units × nodes, leaves filled with normalised values, NaN elsewhere
    params: dict = field(default_factory=lambda: dict(DEFAULT_PARAMS))  # scale and the methods' settings

    @staticmethod
    def build(fw: Framework, normalised: np.ndarray, default_aggregation: str,
              min_coverage: float, params: dict | None = None) -> AggregationPlan:
        codes = list(fw.preorder())
        pos = {c: i for i, c in enumerate(codes)}
        leaf_idx = np.array([pos[c] for c in fw.leaves], dtype=int)
        steps = [(pos[c], np.array([pos[k] for k in fw.children[c]], dtype=int),
                  fw.aggregation_of(c, default_aggregation)) for c in fw.internal]
        base = np.full((normalised.shape[0], len(codes)), np.nan)
        base[:, leaf_idx] = normalised
        return AggregationPlan(codes, leaf_idx, steps, min_coverage, base,
                               dict(DEFAULT_PARAMS, **(params or {})))

    @property
    def uses_matrix_methods(self) -> bool:
        return any(m in MATRIX_METHODS for _n, _k, m in self.steps)

    def weight_vector(self, local: dict[str, float]) -> np.ndarray:
        return np.array([local[c] for c in self.codes], dtype=float)

    def scores(self, w: np.ndarray, details: dict | None = None) -> np.ndarray:
        """Units × nodes scores for the local weight vector `w` (indexed like `codes`).

        A method that chooses something per unit (BoD's weights) writes it into `details`
        under the node's code when a dict is given."""
        S = self.base.copy()
        for node, kids, method in self.steps:
            X = S[:, kids]
            present = ~np.isnan(X)
            W = present * w[kids]
            wsum = W.sum(axis=1)
            cnt = present.sum(axis=1)
            ok = (cnt > 0) & (cnt >= self.min_coverage * len(kids) - 1e-9) & (wsum > 0)
            rows = np.flatnonzero(ok)
            ctx = NodeContext(present[rows], w[kids], self.params, rows,
                              [self.codes[k] for k in kids], self.codes[node], details)
            val = np.full(len(X), np.nan)
            with np.errstate(divide="ignore", invalid="ignore"):
                val[rows] = AGGREGATORS[method](np.where(present, X, 0.0)[rows], W[rows],
                                                np.where(wsum > 0, wsum, 1.0)[rows], ctx)
            S[:, node] = val
        return S

    def why_missing(self, S: np.ndarray, units) -> list[dict]:
        """One sentence per (unit, node) without a score, saying why."""
        out = []
        for node, kids, method in self.steps:
            X = S[:, kids]
            for i in np.flatnonzero(np.isnan(S[:, node])):
                present = int((~np.isnan(X[i])).sum())
                if present == 0:
                    why = "no child has a score"
                elif present < self.min_coverage * len(kids) - 1e-9:
                    why = (f"only {present} of {len(kids)} children have a score; at least "
                           f"{self.min_coverage:.0%} are needed (node_min_coverage)")
                elif method in ("geometric", "harmonic") and (X[i][~np.isnan(X[i])] < 0).any():
                    why = f"a {method} mean is undefined for negative child scores"
                else:
                    why = "the children that have a score all have weight 0"
                out.append({"unit": units[i], "code": self.codes[node], "reason": why})
        return out
