"""Re-aggregate only the path from one node up to the root: what a single weight or a single indicator
changes.

`PathPlan(result, start)` is a sub-plan of the result's `AggregationPlan` over the nodes from `start`'s
parent (or `start` itself when it has children) up to the root and their children, on the baseline
scores; `roots(w, column)` runs the plan's own loop (so every aggregation method and the coverage rule
are honoured) and returns the root scores. Used by stability (one local weight moved) and targets (one
normalised column replaced): a few small matrix products instead of the whole tree.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from core.pipeline.run import Result


class PathPlan:
    def __init__(self, result: Result, start: int):
        plan = result.plan
        step_of = {n: (kids, m) for n, kids, m in plan.steps}
        parent_of = {int(k): nd for nd, kids, _ in plan.steps for k in kids}
        path, n = [], start if start in step_of else parent_of.get(start)
        while n is not None:
            path.append(n)
            n = parent_of.get(n)
        cols = sorted({start, *(c for nd in path for c in (nd, *step_of[nd][0].tolist()))})
        new = {c: i for i, c in enumerate(cols)}
        steps = [(new[nd], np.array([new[int(k)] for k in step_of[nd][0]], dtype=int), step_of[nd][1])
                 for nd in path]  # children first: the lowest node, then up to the root
        self.cols = np.array(cols, dtype=int)
        self.start = new[start]
        self.sub = replace(plan, codes=[plan.codes[c] for c in cols], steps=steps,
                           base=result.scores_array[:, self.cols].copy())
        self.root = new[path[-1]] if path else new[start]
        self.w = plan.weight_vector(result.local)

    def roots(self, w: np.ndarray | None = None, column: np.ndarray | None = None) -> np.ndarray:
        """Root scores for a full local-weight vector `w` (plan order; default the result's) and, when
        given, new values of the start node's column (a leaf's normalised values)."""
        sub = self.sub
        if column is not None:
            base = sub.base.copy()
            base[:, self.start] = column
            sub = replace(sub, base=base)
        return sub.scores((self.w if w is None else w)[self.cols])[:, self.root]
