"""Ranks: highest score first, ties share the best rank (1, 2, 2, 4).

Scores are compared after rounding to 9 decimals so that two units whose
scores differ only by floating-point noise share a rank. Units without a
score have no rank (NaN) and come after the ranked units.
"""

from __future__ import annotations

import numpy as np

TIE_DECIMALS = 9


def min_rank_desc(scores: np.ndarray) -> np.ndarray:
    s = np.round(np.asarray(scores, dtype=float), TIE_DECIMALS)
    out = np.full(len(s), np.nan)
    ok = ~np.isnan(s)
    v = -s[ok]
    out[ok] = np.searchsorted(np.sort(v), v, side="left") + 1.0
    return out


def order(scores: np.ndarray, units) -> list[int]:
    """Indices in rank order: by score descending, ties by unit name; no score last."""
    s = np.asarray(scores, dtype=float)
    keys = [(np.isnan(v), -np.round(v, TIE_DECIMALS) if not np.isnan(v) else 0.0, str(u))
            for v, u in zip(s, units)]
    return sorted(range(len(s)), key=lambda i: keys[i])
