"""Outlier treatment by the OECD/JRC rule (DESIGN §2).

An indicator passes when |skewness| < skew_limit OR kurtosis < kurtosis_limit,
with Excel's SKEW and KURT sample estimators. A failing indicator is
winsorised step by step: at each step the largest value (all its copies) is
replaced by the next distinct value — the smallest instead when the current
column's skewness is negative — and the test re-run, for at most
`winsor_max_points` steps. If it still fails and its (current) skewness is
positive, the *original* column is log-transformed as
log(x − min + 0.01·(max − min)) instead; a negatively skewed column that still
fails stays winsorised and is flagged. Columns with fewer than 4 values are
not tested.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def skewness(x: np.ndarray) -> float:
    """Excel SKEW: n/((n-1)(n-2)) Σ((x-m)/s)³, s the sample sd."""
    x = x[~np.isnan(x)]
    n = len(x)
    if n < 3:
        return np.nan
    s = np.std(x, ddof=1)
    if s == 0:
        return np.nan
    return float(n / ((n - 1) * (n - 2)) * np.sum(((x - x.mean()) / s) ** 3))


def kurtosis(x: np.ndarray) -> float:
    """Excel KURT (excess kurtosis, sample estimator)."""
    x = x[~np.isnan(x)]
    n = len(x)
    if n < 4:
        return np.nan
    s = np.std(x, ddof=1)
    if s == 0:
        return np.nan
    m4 = np.sum(((x - x.mean()) / s) ** 4)
    return float(n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * m4
                 - 3 * (n - 1) ** 2 / ((n - 2) * (n - 3)))


def passes(x: np.ndarray, skew_limit: float, kurt_limit: float) -> bool:
    sk, ku = skewness(x), kurtosis(x)
    if np.isnan(sk) or np.isnan(ku):  # constant column: nothing to treat
        return True
    return bool(abs(sk) < skew_limit or ku < kurt_limit)


def treat_column(x: np.ndarray, max_steps: int, skew_limit: float, kurt_limit: float) -> tuple[np.ndarray, dict]:
    """Treat one column; returns the new column and a record of what was done."""
    present = ~np.isnan(x)
    rec = {"skew": skewness(x), "kurtosis": kurtosis(x), "n": int(present.sum()),
           "action": "none", "steps": 0, "passes": True}
    if present.sum() < 4:
        rec["action"] = "not_tested"
        rec["note"] = "fewer than 4 values: not tested"
        return x, rec
    if passes(x, skew_limit, kurt_limit):
        return x, rec
    rec["passes"] = False
    y = x.copy()
    steps = 0
    while steps < max_steps and not passes(y, skew_limit, kurt_limit):
        vals = np.unique(y[~np.isnan(y)])
        if len(vals) < 2:
            break
        if skewness(y) >= 0:
            y[y == vals[-1]] = vals[-2]
        else:
            y[y == vals[0]] = vals[1]
        steps += 1
    rec["steps"] = steps
    if passes(y, skew_limit, kurt_limit):
        rec["action"] = "winsorised"
        rec["skew_after"], rec["kurtosis_after"] = skewness(y), kurtosis(y)
        return y, rec
    if skewness(y) > 0:
        lo, hi = np.nanmin(x), np.nanmax(x)
        z = np.log(x - lo + 0.01 * (hi - lo))
        rec["action"] = "log"
        rec["skew_after"], rec["kurtosis_after"] = skewness(z), kurtosis(z)
        return z, rec
    rec["action"] = "flagged"
    rec["note"] = "negatively skewed and still failing after winsorisation: kept winsorised"
    rec["skew_after"], rec["kurtosis_after"] = skewness(y), kurtosis(y)
    return y, rec


def treat(raw: pd.DataFrame, method: str, max_steps: int, skew_limit: float, kurt_limit: float
          ) -> tuple[pd.DataFrame, dict[str, dict], list[dict]]:
    """Returns the treated matrix, a record per indicator and a list of changed cells."""
    if method == "none":
        return raw, {}, []
    if method != "winsorise":
        raise ValueError(f"unknown outlier method {method!r}")
    out = raw.copy()
    records, changes = {}, []
    for code in raw.columns:
        x = raw[code].to_numpy(dtype=float)
        y, rec = treat_column(x, max_steps, skew_limit, kurt_limit)
        records[code] = rec
        if rec["action"] in ("winsorised", "log", "flagged"):
            out[code] = y
            for i in np.flatnonzero(~np.isnan(x) & (x != y)):
                changes.append({"unit": raw.index[i], "code": code, "old": float(x[i]),
                                "new": float(y[i]), "action": rec["action"]})
    return out, records, changes
