"""Transforms applied before normalisation (`log`, `log1p`), goalposts included."""

from __future__ import annotations

import numpy as np

TRANSFORMS = {
    "": lambda x: x,
    "log": np.log,
    "log1p": np.log1p,
}


def apply(name: str, x):
    """Transform an array or a scalar; values outside the domain become NaN."""
    if not name:
        return x
    fn = TRANSFORMS[name]
    with np.errstate(divide="ignore", invalid="ignore"):
        arr = np.asarray(x, dtype=float)
        bound = 0.0 if name == "log" else -1.0
        y = np.where(arr > bound, fn(np.where(arr > bound, arr, 1.0)), np.nan)
    return float(y) if np.ndim(x) == 0 and x is not None else y
