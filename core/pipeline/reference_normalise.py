"""Normalisation against a reference sample: the goalposts of one edition applied to another (issue 19, `base`).

`normalise_against(x, ref, method, direction, params)` scores the values `x` with the parameters the
method would take from `ref` (the first edition's values): min-max uses ref's minimum and maximum and
clips x to them, so a later value beyond the base edition's best scores exactly the scale maximum (and
one below its worst the minimum); z-scores use ref's mean and standard deviation (a z-score has no scale
to clip to); rank and percentile place x among ref's values (clipped to ref's range of ranks); ratio to
the maximum divides by ref's maximum (clipped to the scale); goalposts and target are fixed already.

For x = ref every method gives exactly `core.pipeline.normalise.normalise(ref)` (tested), so the base
edition's own scores are what `each` gives it.
"""

from __future__ import annotations

import numpy as np

from core.pipeline.normalise import _minmax_core, n_goalposts, n_target, normalise


def _present(a: np.ndarray) -> np.ndarray:
    return a[~np.isnan(a)]


def r_minmax(x, ref, direction, p):
    v = _present(ref)
    if len(v) == 0:
        return np.full(len(x), np.nan)
    lo, hi = float(v.min()), float(v.max())
    return _minmax_core(np.clip(x, lo, hi), lo, hi, direction, p["scale"], p["low"])


def r_zscore(x, ref, direction, p):
    v = _present(ref)
    if len(v) < 2 or np.std(v, ddof=1) == 0:
        return np.where(np.isnan(x), np.nan, 0.0)
    z = (x - v.mean()) / np.std(v, ddof=1)
    return z if direction > 0 else -z


def _ranks_among(x: np.ndarray, ref: np.ndarray, direction: int) -> tuple[np.ndarray, int]:
    """Each x's rank among ref's values (worst = 1 … best = n, ties the lowest, as `_ranks`): 1 + the
    number of ref values strictly worse, clipped to [1, n]; and n."""
    srt = np.sort(_present(ref) * direction)
    n = len(srt)
    out = np.full(len(x), np.nan)
    ok = ~np.isnan(x)
    out[ok] = np.clip(np.searchsorted(srt, x[ok] * direction, side="left") + 1.0, 1, max(n, 1))
    return out, n


def r_rank(x, ref, direction, p):
    v = _present(ref)
    if len(v) == 0:
        return np.full(len(x), np.nan)
    own, _ = _ranks_among(v, v, direction)
    r, _ = _ranks_among(x, ref, direction)
    return _minmax_core(np.clip(r, own.min(), own.max()), own.min(), own.max(), 1, p["scale"], p["low"])


def r_percentile(x, ref, direction, p):
    r, n = _ranks_among(x, ref, direction)
    return r / n * p["scale"] if n else r


def r_ratio_max(x, ref, direction, p):
    v = _present(ref)
    if len(v) == 0:
        return np.full(len(x), np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        if direction > 0:
            mx = v.max()
            out = x / mx * p["scale"] if mx != 0 else np.where(np.isnan(x), np.nan, p["scale"] / 2)
        else:
            out = v.min() / x * p["scale"]
    return np.minimum(out, p["scale"])


REFERENCE_NORMALISERS = {
    "minmax": r_minmax,
    "zscore": r_zscore,
    "rank": r_rank,
    "percentile": r_percentile,
    "goalposts": lambda x, ref, d, p: n_goalposts(x, d, p),
    "target": lambda x, ref, d, p: n_target(x, d, p),
    "ratio_max": r_ratio_max,
}


def normalise_against(x: np.ndarray, ref: np.ndarray, method: str, direction: int, params: dict) -> np.ndarray:
    """x on the common scale with the parameters `method` takes from `ref`."""
    if method not in REFERENCE_NORMALISERS:
        return normalise(x, method, direction, params)  # raises for an unknown method
    return REFERENCE_NORMALISERS[method](np.asarray(x, dtype=float), np.asarray(ref, dtype=float), direction,
                                         params)
