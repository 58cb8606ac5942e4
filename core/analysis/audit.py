"""The statistical audit of an index (DESIGN §4 `audit`): does each node hang together?

Per internal node, over its children:
- values: an indicator child contributes its **normalised** values (`Result.normalised`:
  direction applied, so a "lower is better" indicator correlates positively when it
  agrees with the others), a node child its **scores** (`Result.scores`);
- `alpha`: Cronbach's alpha, raw, from the sample covariances of the children's values,
  α = k/(k − 1)·(1 − Σ sᵢ² / s²_total), s²_total the variance of the row sums;
- `alpha_standardised` = k·r̄/(1 + (k − 1)·r̄), r̄ the mean correlation between children;
- `alpha_if_deleted`: both again without each child in turn (none when k ≤ 2);
- `eigenvalues` of the children's correlation matrix (`numpy.linalg.eigvalsh`, largest
  first) and `first_share` = λ₁/k, the first principal component's share of variance;
- `correlations`: Pearson, pairwise complete (each pair over the units that have both),
  the full matrix with 1 on the diagonal; `corr_with_parent`: each child with the node's
  own score, pairwise complete;
- `flags`: a child whose correlation with its own parent is negative ("negative") or
  weak, |r| < 0.3 ("weak", the usual threshold of the JRC audits), or undefined because a
  side is constant or fewer than 3 units have both ("undefined").
Alpha, alpha-if-deleted and the eigenvalues use the units that have every child
(listwise); `n` says how many. A statistic that cannot be computed (k < 2, fewer than 2
complete units, a constant child) is None.

Per indicator: `skew`, `kurtosis` (Excel's SKEW and KURT, `core.pipeline.treat`) of the values
entering normalisation (`Result.treated`: after imputation, outlier treatment and
transform) and `passes`, the outlier rule |skew| < skew_limit or kurtosis < kurtosis_limit
with the project's limits (None when fewer than 4 values: not tested, as the rule says);
`action` is what outlier treatment did (none, winsorised, log, flagged, not_tested).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from core.pipeline import treat as _treat

if TYPE_CHECKING:
    from core.pipeline.run import Result

WEAK = 0.3


def _f(v) -> float | None:
    return None if v is None or not np.isfinite(v) else float(v)


def cronbach_alpha(X: np.ndarray) -> float | None:
    """Raw Cronbach's alpha of the columns of X (complete rows only), sample covariances."""
    X = np.asarray(X, dtype=float)
    X = X[~np.isnan(X).any(axis=1)]
    n, k = X.shape
    if k < 2 or n < 2:
        return None
    C = np.cov(X, rowvar=False, ddof=1)
    total = C.sum()
    if not total > 0:
        return None
    return float(k / (k - 1) * (1.0 - np.trace(C) / total))


def standardised_alpha(R: np.ndarray) -> float | None:
    """k·r̄/(1 + (k − 1)·r̄) from a correlation matrix (None if any correlation is undefined)."""
    R = np.asarray(R, dtype=float)
    k = R.shape[0]
    if k < 2 or np.isnan(R).any():
        return None
    rbar = (R.sum() - np.trace(R)) / (k * (k - 1))
    den = 1.0 + (k - 1) * rbar
    return None if den == 0 else float(k * rbar / den)


def _corr_complete(X: np.ndarray) -> np.ndarray:
    """Pearson correlation matrix over complete rows; NaN where a column is constant."""
    n, k = X.shape
    if n < 2:
        return np.full((k, k), np.nan)
    sd = X.std(axis=0, ddof=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        Z = (X - X.mean(axis=0)) / sd
        R = Z.T @ Z / (n - 1)
    R[np.ix_(sd == 0, np.ones(k, bool))] = np.nan
    R[np.ix_(np.ones(k, bool), sd == 0)] = np.nan
    np.fill_diagonal(R, np.where(sd > 0, 1.0, np.nan))
    return R


def pairwise_correlations(df: pd.DataFrame) -> pd.DataFrame:
    """Pearson r of each pair of columns over the rows where both are present (at least 3)."""
    return df.astype(float).corr(method="pearson", min_periods=3)


def audit_matrix(X: np.ndarray, names: list[str], parent: np.ndarray | None = None) -> dict:
    """The audit of one node from its children's values (units × children, NaN = missing)."""
    X = np.asarray(X, dtype=float)
    k = X.shape[1]
    df = pd.DataFrame(X, columns=names)
    pair = pairwise_correlations(df)
    complete = X[~np.isnan(X).any(axis=1)]
    Rc = _corr_complete(complete)
    out: dict = {"k": k, "n": int(len(complete))}
    out["alpha"] = cronbach_alpha(complete)
    out["alpha_standardised"] = standardised_alpha(Rc)
    aid = {}
    if k > 2:
        for j, name in enumerate(names):
            keep = [i for i in range(k) if i != j]
            aid[name] = {"raw": cronbach_alpha(complete[:, keep]),
                         "standardised": standardised_alpha(Rc[np.ix_(keep, keep)])}
    out["alpha_if_deleted"] = aid
    if len(complete) >= 2 and not np.isnan(Rc).any():
        ev = np.sort(np.linalg.eigvalsh(Rc))[::-1]
        out["eigenvalues"] = [float(v) for v in ev]
        out["first_share"] = float(ev[0] / k)
    else:
        out["eigenvalues"] = None
        out["first_share"] = None
    out["correlations"] = {a: {b: _f(pair.loc[a, b]) for b in names} for a in names}
    cwp: dict[str, float | None] = {}
    flags: dict[str, str] = {}
    if parent is not None:
        p = pd.Series(np.asarray(parent, dtype=float))
        for name in names:
            r = _f(df[name].corr(p, min_periods=3))
            cwp[name] = r
            if r is None:
                flags[name] = "undefined"
            elif r < 0:
                flags[name] = "negative"
            elif abs(r) < WEAK:
                flags[name] = "weak"
    out["corr_with_parent"] = cwp
    out["flags"] = flags
    return out


def node_values(result: Result, code: str) -> pd.DataFrame:
    """The children's values the audit of `code` uses: normalised (indicators) or scores (nodes)."""
    fw = result.framework
    scores = result.scores
    cols = {}
    for c in fw.children[code]:
        cols[c] = result.normalised[c] if fw.is_leaf(c) else scores[c]
    return pd.DataFrame(cols, index=pd.Index(result.units, name="unit"))


def indicator_correlations(result: Result) -> pd.DataFrame:
    """All indicators' normalised values correlated pairwise (the heatmap within and across dimensions)."""
    return pairwise_correlations(result.normalised)


def indicator_figures(result: Result) -> dict[str, dict]:
    s = result.settings
    out = {}
    for c in result.framework.leaves:
        x = result.treated[c].to_numpy(dtype=float)
        n = int((~np.isnan(x)).sum())
        tested = n >= 4
        out[c] = {"skew": _f(_treat.skewness(x)), "kurtosis": _f(_treat.kurtosis(x)),
                  "passes": bool(_treat.passes(x, s.skew_limit, s.kurtosis_limit)) if tested else None,
                  "n": n, "action": result.outliers.get(c, {}).get("action", "none") if tested else "not_tested"}
    return out


def audit(result: Result) -> dict:
    """DESIGN §4 `audit --json`: {"nodes": {code: …}, "indicators": {code: …}}, full precision."""
    fw = result.framework
    scores = result.scores
    nodes = {}
    for code in fw.preorder():
        if fw.is_leaf(code):
            continue
        vals = node_values(result, code)
        nodes[code] = audit_matrix(vals.to_numpy(dtype=float), list(vals.columns), scores[code].to_numpy())
    return {"nodes": nodes, "indicators": indicator_figures(result)}
