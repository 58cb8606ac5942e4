"""Normalisation per indicator, with direction (DESIGN §2).

Each method is a small function `(x, direction, params) -> array` looked up by
name in `NORMALISERS`; x holds the values present and NaN for missing, which
stay missing. `params` carries `scale`, `low` (minmax_low) and, where the
method needs them, the goalposts `min`/`max` (already transformed) and `target`.
A direction of -1 means "lower is better" and is handled by each method as the
brief states — never by inverting the finished scores.
"""

from __future__ import annotations

import numpy as np


def _minmax_core(x: np.ndarray, lo: float, hi: float, direction: int, scale: float, low: float
                 ) -> np.ndarray:
    if hi == lo:
        return np.where(np.isnan(x), np.nan, (scale + low) / 2.0)
    num = (x - lo) if direction > 0 else (hi - x)
    return num / (hi - lo) * (scale - low) + low


def n_minmax(x, direction, p):
    if np.isnan(x).all():
        return x.copy()
    return _minmax_core(x, np.nanmin(x), np.nanmax(x), direction, p["scale"], p["low"])


def n_zscore(x, direction, p):
    v = x[~np.isnan(x)]
    if len(v) < 2 or np.std(v, ddof=1) == 0:
        return np.where(np.isnan(x), np.nan, 0.0)
    z = (x - v.mean()) / np.std(v, ddof=1)
    return z if direction > 0 else -z


def _ranks(x: np.ndarray, direction: int) -> np.ndarray:
    """Worst = 1 … best = n; ties share the lowest rank; NaN stays NaN."""
    out = np.full(len(x), np.nan)
    present = ~np.isnan(x)
    v = x[present] * direction
    # rank of each value = 1 + number of strictly smaller (better-is-higher) values
    srt = np.sort(v)
    out[present] = np.searchsorted(srt, v, side="left") + 1.0
    return out


def n_rank(x, direction, p):
    r = _ranks(x, direction)
    if np.isnan(r).all():
        return r
    return _minmax_core(r, np.nanmin(r), np.nanmax(r), 1, p["scale"], p["low"])


def n_percentile(x, direction, p):
    r = _ranks(x, direction)
    n = np.count_nonzero(~np.isnan(r))
    return r / n * p["scale"] if n else r


def n_goalposts(x, direction, p):
    lo, hi = p["min"], p["max"]
    return _minmax_core(np.clip(x, lo, hi), lo, hi, direction, p["scale"], p["low"])


def n_target(x, direction, p):
    t = p["target"]
    with np.errstate(divide="ignore", invalid="ignore"):
        r = x / t if direction > 0 else np.where(x > 0, t / x, np.where(np.isnan(x), np.nan, 1.0))
    return np.minimum(r, 1.0) * p["scale"]


def n_ratio_max(x, direction, p):
    v = x[~np.isnan(x)]
    if len(v) == 0:
        return x.copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        if direction > 0:
            mx = v.max()
            return x / mx * p["scale"] if mx != 0 else np.where(np.isnan(x), np.nan, p["scale"] / 2)
        mn = v.min()
        return mn / x * p["scale"]


NORMALISERS = {
    "minmax": n_minmax,
    "zscore": n_zscore,
    "rank": n_rank,
    "percentile": n_percentile,
    "goalposts": n_goalposts,
    "target": n_target,
    "ratio_max": n_ratio_max,
}


def normalise(x: np.ndarray, method: str, direction: int, params: dict) -> np.ndarray:
    if method not in NORMALISERS:
        raise ValueError(f"unknown normalisation {method!r}")
    return NORMALISERS[method](np.asarray(x, dtype=float), direction, params)
