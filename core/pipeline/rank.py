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
    missing = np.isnan(s)
    key = np.where(missing, 0.0, -np.round(s, TIE_DECIMALS))
    names = np.array([str(u) for u in units], dtype=object)
    return np.lexsort((names, key, missing)).tolist()
