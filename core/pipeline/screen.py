"""Screening: units with too little data are removed right after denomination.

A removed unit takes no part in any later statistic (imputation means,
outlier tests, min/max of normalisation) and is listed with its coverage.
"""

from __future__ import annotations

import pandas as pd


def coverage(raw: pd.DataFrame) -> pd.Series:
    """Share of indicators present per unit."""
    if raw.shape[1] == 0:
        return pd.Series(0.0, index=raw.index)
    return raw.notna().sum(axis=1) / raw.shape[1]


def screen(raw: pd.DataFrame, min_coverage: float) -> tuple[pd.DataFrame, list[dict]]:
    cov = coverage(raw)
    keep = cov >= min_coverage - 1e-12
    excluded = [{"unit": u, "coverage": float(c),
                 "reason": f"data coverage {c:.0%} is below the minimum {min_coverage:.0%}"}
                for u, c in cov[~keep].items()]
    return raw.loc[keep], excluded
