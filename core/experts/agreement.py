"""How far a panel's experts agree when they score units (cities) on one indicator.

The input is a targets × judges matrix (rows = cities, columns = experts), the layout of
Shrout & Fleiss (1979). Only complete rows enter (cities every expert of that matrix scored);
the result says how many.

- `kendall_w`: Kendall's coefficient of concordance of the experts' rankings of the cities,
  ties corrected, with its chi-square test (the same figure as the weight panels', see
  `core.experts.weight_forms.kendall_w`; here the experts are the raters and the cities the items).
- `icc`: intraclass correlations from the two-way ANOVA mean squares (Shrout & Fleiss 1979,
  McGraw & Wong 1996): with n targets and k judges,
  MSR = k·Σ(row mean − grand mean)²/(n − 1), MSC = n·Σ(col mean − grand mean)²/(k − 1),
  MSE = (SST − SSR − SSC)/((n − 1)(k − 1)) and
    ICC(2,1) = (MSR − MSE) / (MSR + (k − 1)MSE + k(MSC − MSE)/n)   two-way random, absolute agreement
    ICC(2,k) = (MSR − MSE) / (MSR + (MSC − MSE)/n)                 …, of the mean of the k experts
    ICC(3,1) = (MSR − MSE) / (MSR + (k − 1)MSE)                     two-way mixed, consistency
    ICC(3,k) = (MSR − MSE) / MSR                                    …, of the mean of the k experts
  ICC(2,k) is the one to quote for a merged score used as data (the experts are a sample of
  possible experts and their level matters); ICC(3,k) ignores a constant lenience. The F test
  of ICC(3,·) > 0 is F = MSR/MSE with (n − 1, (n − 1)(k − 1)) degrees of freedom.
- `expert_deviation`: per expert, how far their scores sit from the others' — the mean of
  (own score − mean of the other experts' scores on the same cell) as a share of the scale's
  range (positive = lenient, negative = severe), and Pearson's r between their scores and the
  leave-one-out mean of the others (low or negative = scores against the rest). Flags are
  raised at `BIAS_FLAG` (share of the range) and below `R_FLAG`; a flagged expert is only
  flagged: their scores still merge (the merge rules, not this module, decide what counts).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from core.analysis import stats
from core.experts.weight_forms import kendall_w as _kendall_w

BIAS_FLAG = 0.10  # |mean deviation from the others| ≥ 10 % of the scale's range: lenient / severe
R_FLAG = 0.30  # r with the others' mean below this (with at least MIN_CELLS_R cells): against the rest
MIN_CELLS_R = 3

ICC_NAMES = {
    "icc2_1": "ICC(2,1): two-way random effects, absolute agreement, single expert",
    "icc2_k": "ICC(2,k): two-way random effects, absolute agreement, mean of k experts",
    "icc3_1": "ICC(3,1): two-way mixed effects, consistency, single expert",
    "icc3_k": "ICC(3,k): two-way mixed effects, consistency, mean of k experts",
}


def _finite(x: float | None) -> float | None:
    return None if x is None or not math.isfinite(x) else float(x)


def complete_rows(matrix: Any) -> np.ndarray:
    """The rows of a targets × judges matrix without any missing value."""
    X = np.asarray(matrix, dtype=float)
    if X.ndim != 2:
        raise ValueError("a targets × judges matrix is needed")
    return X[~np.isnan(X).any(axis=1)]


def kendall_w(matrix: Any) -> dict:
    """Kendall's W of the judges (columns) over the targets (rows), complete rows only.

    Returns {"w", "chi2", "df", "p_value", "m" (judges), "n" (targets)}; W and its test are None
    with fewer than 2 judges or 2 targets, or when every judge gives every target the same score.
    """
    X = complete_rows(matrix)
    r = _kendall_w(X.T) if X.size else {"w": None, "chi2": None, "df": None, "p_value": None}
    return {"w": r["w"], "chi2": r["chi2"], "df": r["df"] if X.shape[0] >= 2 else None, "p_value": r["p_value"],
            "m": int(X.shape[1]), "n": int(X.shape[0])}


def anova_two_way(matrix: Any) -> dict:
    """Mean squares of the two-way ANOVA without replication (complete rows only)."""
    X = complete_rows(matrix)
    n, k = X.shape
    if n < 2 or k < 2:
        return {"n": int(n), "k": int(k), "msr": None, "msc": None, "mse": None}
    g = X.mean()
    ssr = k * float(((X.mean(axis=1) - g) ** 2).sum())
    ssc = n * float(((X.mean(axis=0) - g) ** 2).sum())
    sst = float(((X - g) ** 2).sum())
    sse = max(sst - ssr - ssc, 0.0)
    return {"n": int(n), "k": int(k), "msr": ssr / (n - 1), "msc": ssc / (k - 1),
            "mse": sse / ((n - 1) * (k - 1)), "ssr": ssr, "ssc": ssc, "sse": sse, "sst": sst}


def icc(matrix: Any) -> dict:
    """ICC(2,1), ICC(2,k), ICC(3,1), ICC(3,k) and the F test (see the module docstring).

    Every figure is None when it cannot be computed (fewer than 2 complete targets or 2 judges,
    or no variation at all).
    """
    a = anova_two_way(matrix)
    n, k = a["n"], a["k"]
    out: dict[str, Any] = {"n": n, "k": k, "msr": a["msr"], "msc": a["msc"], "mse": a["mse"],
                           "icc2_1": None, "icc2_k": None, "icc3_1": None, "icc3_k": None,
                           "f": None, "df1": None, "df2": None, "p_value": None, "names": dict(ICC_NAMES)}
    if a["msr"] is None:
        return out
    msr, msc, mse = a["msr"], a["msc"], a["mse"]

    def ratio(num: float, den: float) -> float | None:
        return _finite(num / den) if den > 0 else None

    out["icc2_1"] = ratio(msr - mse, msr + (k - 1) * mse + k * (msc - mse) / n)
    out["icc2_k"] = ratio(msr - mse, msr + (msc - mse) / n)
    out["icc3_1"] = ratio(msr - mse, msr + (k - 1) * mse)
    out["icc3_k"] = ratio(msr - mse, msr)
    df1, df2 = n - 1, (n - 1) * (k - 1)
    out["df1"], out["df2"] = df1, df2
    if mse > 0:
        out["f"] = msr / mse
        out["p_value"] = stats.f_sf(out["f"], df1, df2)
    return out


def _pearson(x: np.ndarray, y: np.ndarray) -> float | None:
    if len(x) < 2:
        return None
    sx, sy = x.std(), y.std()
    if sx == 0 or sy == 0:
        return None
    return _finite(float(((x - x.mean()) * (y - y.mean())).mean() / (sx * sy)))


def expert_deviation(matrix: Any, experts: Sequence[str], scale_range: float, bias_flag: float = BIAS_FLAG,
                     r_flag: float = R_FLAG) -> dict[str, dict]:
    """Per expert (column), against the others on the same targets (rows; missing cells allowed).

    {expert: {"cells": number of cells compared, "bias": mean(own − others' mean) in scale units,
              "bias_share": bias / scale_range, "r": Pearson r with the others' mean (None when it
              cannot be computed), "flags": ["lenient" | "severe" | "against_the_rest", …]}}
    A cell counts when the expert scored it and at least one other expert did too.
    """
    X = np.asarray(matrix, dtype=float)
    out: dict[str, dict] = {}
    for j, name in enumerate(experts):
        own = X[:, j]
        mean_others = others_mean(X, j)
        ok = ~np.isnan(own) & ~np.isnan(mean_others)
        out[name] = _deviation(own[ok], mean_others[ok], scale_range, bias_flag, r_flag)
    return out


def _deviation(own: np.ndarray, others: np.ndarray, scale_range: float, bias_flag: float,
               r_flag: float) -> dict:
    cells = int(len(own))
    if cells == 0:
        return {"cells": 0, "bias": None, "bias_share": None, "r": None, "flags": []}
    bias = float((own - others).mean())
    share = bias / scale_range if scale_range > 0 else None
    r = _pearson(own, others) if cells >= MIN_CELLS_R else None
    flags = []
    if share is not None and share >= bias_flag:
        flags.append("lenient")
    elif share is not None and share <= -bias_flag:
        flags.append("severe")
    if r is not None and r < r_flag:
        flags.append("against_the_rest")
    return {"cells": cells, "bias": bias, "bias_share": share, "r": r, "flags": flags}


def pooled_deviation(pairs: Sequence[tuple[np.ndarray, np.ndarray, float]], bias_flag: float = BIAS_FLAG,
                     r_flag: float = R_FLAG) -> dict:
    """One expert over several indicators: `pairs` of (own scores, others' mean, scale range).

    Scores are put on a common footing as shares of each indicator's range; for r, each
    indicator's cells are centred on their own means first (so that indicators scored high
    or low overall do not make the expert look in line with the others). `bias` is in shares
    of the range here (so equal to `bias_share`).
    """
    own_all, oth_all, own_c, oth_c = [], [], [], []
    for own, oth, rng in pairs:
        if len(own) == 0 or rng <= 0:
            continue
        a, b = own / rng, oth / rng
        own_all.append(a)
        oth_all.append(b)
        own_c.append(a - a.mean())
        oth_c.append(b - b.mean())
    if not own_all:
        return {"cells": 0, "bias": None, "bias_share": None, "r": None, "flags": []}
    a, b = np.concatenate(own_all), np.concatenate(oth_all)
    d = _deviation(a, b, 1.0, bias_flag, r_flag)
    ac, bc = np.concatenate(own_c), np.concatenate(oth_c)
    r = _pearson(ac, bc) if len(ac) >= MIN_CELLS_R else None
    flags = [f for f in d["flags"] if f != "against_the_rest"]
    if r is not None and r < r_flag:
        flags.append("against_the_rest")
    return dict(d, r=r, flags=flags)


def others_mean(matrix: Any, j: int) -> np.ndarray:
    """Per row, the mean of the other columns' present values (NaN when none)."""
    X = np.asarray(matrix, dtype=float)
    others = np.delete(X, j, axis=1)
    cnt = (~np.isnan(others)).sum(axis=1)
    return np.where(cnt > 0, np.nansum(others, axis=1) / np.maximum(cnt, 1), np.nan)
