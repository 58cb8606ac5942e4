"""How each unit moved over the editions: its rank and score in every edition, and the change.

`trend(er, node)` reads the Results of `core.pipeline.editions.compute_editions`; a unit without a
score in an edition (absent, screened out, no score at the node) has rank None there, and a change
involving it is None — never a made-up move. A positive change means the unit moved up (较上年上升).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from core.pipeline.editions import EditionResults
from core.pipeline.rank import min_rank_desc, order


class TrendError(ValueError):
    """An unknown node."""


@dataclass(frozen=True)
class Trend:
    editions: tuple[str, ...]
    node: str  # the node ranked (root by default)
    units: tuple[str, ...]  # latest edition's rank order, then units without a latest rank
    ranks: Mapping[str, Mapping[str, int | None]]  # unit -> edition -> rank (None: no score / absent)
    scores: Mapping[str, Mapping[str, float | None]]

    def change(self, unit: str, frm: str | None = None, to: str | None = None) -> int | None:
        """rank[frm] - rank[to] (positive = moved up); defaults: the edition before the latest ->
        the latest. None when either rank is None (or there is no earlier edition)."""
        if to is None:
            to = self.editions[-1]
        if frm is None:
            i = self.editions.index(to)
            if i == 0:
                return None
            frm = self.editions[i - 1]
        a, b = self.ranks[unit].get(frm), self.ranks[unit].get(to)
        return None if a is None or b is None else a - b

    def to_dict(self) -> dict:
        """The `trend --json` document (issue 19)."""
        return {"editions": list(self.editions), "node": self.node,
                "units": [{"unit": u, "ranks": dict(self.ranks[u]), "scores": dict(self.scores[u])}
                          for u in self.units]}


def trend(er: EditionResults, node: str | None = None) -> Trend:
    """Every unit's rank and score at `node` (default the index) in every edition."""
    fw = er.latest.framework
    node = node or fw.root
    if node not in er.latest.plan.codes:
        raise TrendError(node)
    ranks: dict[str, dict[str, int | None]] = {}
    scores: dict[str, dict[str, float | None]] = {}
    latest_order: list[str] = []
    for label in er.labels:
        r = er.results[label]
        s = r.scores_array[:, r.plan.codes.index(node)]
        rk = min_rank_desc(s)
        for i, u in enumerate(r.units):
            ranks.setdefault(u, {})[label] = None if np.isnan(rk[i]) else int(rk[i])
            scores.setdefault(u, {})[label] = None if np.isnan(s[i]) else float(s[i])
        if label == er.labels[-1]:
            latest_order = [r.units[i] for i in order(s, r.units)]
    for u in ranks:  # a unit absent from an edition (or screened out of it) has no rank there
        for label in er.labels:
            ranks[u].setdefault(label, None)
            scores[u].setdefault(label, None)
        ranks[u] = {label: ranks[u][label] for label in er.labels}
        scores[u] = {label: scores[u][label] for label in er.labels}
    last = er.labels[-1]
    ranked = [u for u in latest_order if ranks[u][last] is not None]
    rest = sorted((u for u in ranks if u not in set(ranked)),
                  key=lambda u: (min((v for v in ranks[u].values() if v is not None), default=10**9), u))
    return Trend(tuple(er.labels), node, tuple(ranked + rest), ranks, scores)
