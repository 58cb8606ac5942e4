"""Imputation of missing values; every filled cell is recorded.

Methods are small functions picked by name (`IMPUTERS`). Group methods use a
group column of the data sheet; a group with no value at all falls back to the
overall statistic and the record says so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

IMPUTERS = ("none", "mean", "median", "group_mean", "group_median")


def _stat(x: np.ndarray, how: str) -> float:
    x = x[~np.isnan(x)]
    if len(x) == 0:
        return np.nan
    return float(np.mean(x) if how == "mean" else np.median(x))


def impute(raw: pd.DataFrame, method: str, groups: pd.Series | None = None
           ) -> tuple[pd.DataFrame, list[dict]]:
    """Return the filled matrix and one record per filled cell."""
    if method not in IMPUTERS:
        raise ValueError(f"unknown imputation method {method!r}")
    if method == "none":
        return raw, []
    out = raw.copy()
    records = []
    how = "median" if method.endswith("median") else "mean"
    by_group = method.startswith("group_")
    if by_group and groups is None:
        raise ValueError("group imputation needs a group column")
    for code in raw.columns:
        x = raw[code].to_numpy(dtype=float)
        miss = np.isnan(x)
        if not miss.any():
            continue
        overall = _stat(x, how)
        for i in np.flatnonzero(miss):
            unit = raw.index[i]
            value, note, group = overall, "", ""
            if by_group:
                group = str(groups.loc[unit])
                members = (groups.reindex(raw.index) == group).to_numpy()
                gval = _stat(x[members], how)
                if np.isnan(gval):
                    note = f"group '{group}' has no value: overall {how} used"
                else:
                    value = gval
            if np.isnan(value):
                continue  # nothing to impute from; stays missing
            out.iat[i, out.columns.get_loc(code)] = value
            records.append({"unit": unit, "code": code, "value": value, "method": method,
                            "group": group, "note": note})
    return out, records
