"""Is a rank change a real move, or inside the uncertainty of the two ranks? (issue 19, point 6)

A city that goes from 12th to 10th has not necessarily moved: if the weights could reasonably have been
a little different, it might have been 10th last year or 12th this year. `rank_moves` runs the Monte Carlo
of core.analysis.uncertainty on each of the two editions (same runs, same seed, same perturbation of the
weights) and compares each unit's change with the two 5–95 % rank intervals:

    not a real move  ⇔  the earlier rank lies inside the later edition's interval
                        AND the later rank lies inside the earlier edition's interval

i.e. each edition's rank is a plausible outcome of the other edition's data. Otherwise the move is real
(larger than the uncertainty of the two ranks). A change of 0 is never a move; a unit without a rank in
either edition has `real` None. The report should not call a move that is not real one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.analysis.trend import trend
from core.analysis.uncertainty import run_uncertainty
from core.pipeline.editions import EditionResults


@dataclass(frozen=True)
class RankMove:
    unit: str
    frm: str
    to: str
    rank_from: int | None
    rank_to: int | None
    change: int | None  # rank_from - rank_to (positive = moved up)
    interval_from: tuple[int, int] | None  # (p05, p95) of the rank in `frm`
    interval_to: tuple[int, int] | None
    real: bool | None  # None when either rank is missing

    def to_dict(self) -> dict:
        return {"unit": self.unit, "from": self.frm, "to": self.to, "rank_from": self.rank_from,
                "rank_to": self.rank_to, "change": self.change,
                "interval_from": list(self.interval_from) if self.interval_from else None,
                "interval_to": list(self.interval_to) if self.interval_to else None, "real": self.real}


def _intervals(result, runs: int, seed: int, perturb: float, mode: str) -> dict[str, tuple[int, int] | None]:
    u = run_uncertainty(result, runs, seed, perturb, mode, sensitivity=False)
    out = {}
    for i, unit in enumerate(u.units):
        lo, hi = u.p05[i], u.p95[i]
        out[unit] = None if not (np.isfinite(lo) and np.isfinite(hi)) else (int(lo), int(hi))
    return out


def is_real_move(rank_from: int, rank_to: int, interval_from: tuple[int, int], interval_to: tuple[int, int]) -> bool:
    """False when each rank lies inside the other edition's 5–95 % interval (see the module docstring)."""
    if rank_from == rank_to:
        return False
    inside_to = interval_to[0] <= rank_from <= interval_to[1]
    inside_from = interval_from[0] <= rank_to <= interval_from[1]
    return not (inside_to and inside_from)


def rank_moves(er: EditionResults, frm: str | None = None, to: str | None = None, runs: int = 1000, seed: int = 0,
               perturb: float = 0.2, mode: str = "uniform") -> dict[str, RankMove]:
    """Each unit's move from edition `frm` (default: the one before `to`) to `to` (default: the latest),
    judged against the two editions' Monte Carlo rank intervals."""
    to = to or er.labels[-1]
    frm = frm or er.previous(to)
    if frm is None:
        raise ValueError("rank moves need two editions")
    t = trend(er)
    a = _intervals(er.results[frm], runs, seed, perturb, mode)
    b = _intervals(er.results[to], runs, seed, perturb, mode)
    out = {}
    for unit in t.units:
        r1, r2 = t.ranks[unit][frm], t.ranks[unit][to]
        i1, i2 = a.get(unit), b.get(unit)
        real = None
        if r1 is not None and r2 is not None and i1 is not None and i2 is not None:
            real = is_real_move(r1, r2, i1, i2)
        out[unit] = RankMove(unit, frm, to, r1, r2, t.change(unit, frm, to), i1, i2, real)
    return out
