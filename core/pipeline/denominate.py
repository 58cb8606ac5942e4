"""Denomination: an indicator divided by a denominator column (per capita, per GDP…).

A zero or missing denominator makes the value missing (validation has already
warned about it); it never becomes infinity or zero.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.model.framework import Framework


def denominate(values: pd.DataFrame, fw: Framework) -> tuple[pd.DataFrame, list[dict]]:
    """Units × leaves matrix of raw values, divided where a leaf names a denominator."""
    leaves = fw.leaves
    out = pd.DataFrame(np.nan, index=values.index, columns=leaves, dtype=float)
    log = []
    for code in leaves:
        if code not in values.columns:
            continue
        x = values[code].to_numpy(dtype=float)
        den = fw.nodes[code].denominator
        if den and den in values.columns:
            d = values[den].to_numpy(dtype=float)
            with np.errstate(divide="ignore", invalid="ignore"):
                x = np.where((d != 0) & ~np.isnan(d), x / d, np.nan)
            log.append({"code": code, "denominator": den})
        out[code] = x
    return out, log
