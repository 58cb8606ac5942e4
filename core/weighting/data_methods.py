"""Weights from the data, for the children of one node (DESIGN §2).

Each method is picked by name (`DATA_METHODS`) and documented here; `data_weights(result,
node, method)` returns the weights together with the intermediate figures and a one-sentence
formula in Chinese and English, for the results' method notes.

What the methods see
--------------------
- The children's values: for an indicator, the values entering normalisation
  (`Result.treated`: after denomination, imputation, outlier treatment and transform); for a
  child that is itself a node, its scores at the current weights (`Result.scores`).
- Only the units with a value for every child (complete cases) take part; the units left out
  are listed in the figures (`dropped`). At least 2 units are needed.
- "min-max values" are (x − min)/(max − min) in [0, 1] over those units, reversed,
  (max − x)/(max − min), for an indicator of direction `-`; a node's score counts as `+`.
- σ is the sample standard deviation (ddof = 1), recorded as `sd` in the figures. CRITIC,
  stdev and PCA weights do not depend on that choice (it scales every σ alike); the figures do.

Methods
-------
- `entropy` (熵权法): on the raw values, which must be non-negative:
  pᵢⱼ = xᵢⱼ/Σᵢxᵢⱼ, eⱼ = −(1/ln m)Σᵢ pᵢⱼ ln pᵢⱼ with 0·ln 0 = 0, wⱼ = (1 − eⱼ)/Σₖ(1 − eₖ).
- `entropy_minmax`: the same on the min-max values (direction applied), as many Chinese
  textbooks do (no shift is added to the zeros).
- `critic` (Diakoulaki, Mavrotas & Papayannakis 1995): on the min-max values, σⱼ and Pearson's
  rⱼₖ; Cⱼ = σⱼ Σₖ(1 − rⱼₖ); wⱼ = Cⱼ/ΣC.
- `stdev`: wⱼ = σⱼ/Σσ of the min-max values.
- `pca`: the OECD/JRC Handbook on Constructing Composite Indicators (2008), §6.1 "factor
  analysis" weights: principal components of the children's correlation matrix; the
  components with eigenvalue > 1 are kept (at least one); with two or more kept they are
  rotated by varimax (Kaiser-normalised); each kept factor's squared loadings are scaled to
  sum 1; each child goes with the factor on which its scaled squared loading is largest and
  gets that scaled squared loading × the factor's share of the kept variance (its sum of
  squared loadings over the kept factors' total); the weights are then normalised to sum 1.
- `equal`: 1/n.

Errors are `WeightError` (a ValueError) with a plain message naming the node and, where
there is one, the child: negative values for `entropy`, a child with the same value for
every unit (it cannot be weighted from the data), fewer than 2 units with complete data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

DATA_METHODS = ("entropy", "entropy_minmax", "critic", "stdev", "pca", "equal")
SD_DDOF = 1
SD_TEXT = "sample standard deviation (ddof = 1)"

FORMULAS: dict[str, dict[str, str]] = {
    "entropy": {
        "zh": "熵权法：对原始值 pᵢⱼ = xᵢⱼ/Σᵢxᵢⱼ，eⱼ = −(1/ln m)Σᵢ pᵢⱼ ln pᵢⱼ（0·ln0 = 0），"
              "wⱼ = (1 − eⱼ)/Σ(1 − eⱼ)。",
        "en": "Entropy weights: on the raw values pᵢⱼ = xᵢⱼ/Σᵢxᵢⱼ, eⱼ = −(1/ln m)Σᵢ pᵢⱼ ln pᵢⱼ (0·ln 0 = 0), "
              "wⱼ = (1 − eⱼ)/Σ(1 − eⱼ).",
    },
    "entropy_minmax": {
        "zh": "熵权法（极差标准化）：对 [0,1] 极差标准化值（考虑指标方向）pᵢⱼ = xᵢⱼ/Σᵢxᵢⱼ，"
              "eⱼ = −(1/ln m)Σᵢ pᵢⱼ ln pᵢⱼ，wⱼ = (1 − eⱼ)/Σ(1 − eⱼ)。",
        "en": "Entropy weights on min-max values in [0, 1] (direction applied): pᵢⱼ = xᵢⱼ/Σᵢxᵢⱼ, "
              "eⱼ = −(1/ln m)Σᵢ pᵢⱼ ln pᵢⱼ, wⱼ = (1 − eⱼ)/Σ(1 − eⱼ).",
    },
    "critic": {
        "zh": "CRITIC法：对 [0,1] 极差标准化值（考虑方向），σⱼ 为样本标准差，rⱼₖ 为皮尔逊相关系数，"
              "Cⱼ = σⱼ Σₖ(1 − rⱼₖ)，wⱼ = Cⱼ/ΣC。",
        "en": "CRITIC: on min-max values in [0, 1] (direction applied), σⱼ the sample standard deviation, "
              "rⱼₖ Pearson's correlation, Cⱼ = σⱼ Σₖ(1 − rⱼₖ), wⱼ = Cⱼ/ΣC.",
    },
    "stdev": {
        "zh": "标准差法：wⱼ = σⱼ/Σσ，σⱼ 为 [0,1] 极差标准化值的样本标准差。",
        "en": "Standard deviation weights: wⱼ = σⱼ/Σσ, σⱼ the sample standard deviation of the min-max values.",
    },
    "pca": {
        "zh": "主成分法（OECD/JRC《综合指数构建手册》）：保留相关矩阵特征值 > 1 的主成分，"
              "方差最大化（varimax）旋转，各因子载荷平方归一化，指标归入载荷平方最大的因子，"
              "权重 = 该载荷平方 × 因子解释方差占比，再归一化。",
        "en": "PCA weights (OECD/JRC Handbook): components of the correlation matrix with eigenvalue > 1, "
              "varimax-rotated; squared loadings scaled to unity sum per factor; each indicator takes its "
              "largest scaled squared loading times that factor's share of explained variance, normalised.",
    },
    "equal": {"zh": "等权：wⱼ = 1/n。", "en": "Equal weights: wⱼ = 1/n."},
}


class WeightError(ValueError):
    """A set of weights that cannot be computed from these data; says which node and child."""

    def __init__(self, message: str, node: str = "", code: str = "", key: str = "", **fields):
        super().__init__(message)
        self.node = node
        self.code = code
        self.key, self.fields = key, fields  # the sentence in core.text.messages, for `text(lang)`

    def text(self, lang: str) -> str:
        """The message in `lang` ('zh'/'en'); the English message when it has no key."""
        from core.text.messages import text
        if not self.key:
            return str(self)
        return (text("dw_where", lang, node=self.node) if self.node else "") + text(self.key, lang, **self.fields)


def _error(key: str, node: str = "", code: str = "", **fields) -> WeightError:
    """A WeightError worded by core.text.messages (its English as the message)."""
    from core.text.messages import text
    message = (text("dw_where", "en", node=node) if node else "") + text(key, "en", **fields)
    return WeightError(message, node, code, key, **fields)


def _label(labels: Sequence[str] | None, j: int) -> str:
    return labels[j] if labels is not None else f"column {j + 1}"


def _where(node: str) -> str:
    return f"node '{node}': " if node else ""


def check_matrix(X: np.ndarray, labels: Sequence[str] | None = None, node: str = "") -> np.ndarray:
    """X as a float m×n array; WeightError for < 2 rows, missing values or a constant column."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise WeightError(f"{_where(node)}the data must be a table of units × children", node)
    if X.shape[0] < 2:
        raise _error("dw_too_few_units", node, n=X.shape[0])
    if not np.all(np.isfinite(X)):
        raise _error("dw_not_finite", node)
    for j in range(X.shape[1]):
        if np.ptp(X[:, j]) == 0:
            raise _error("dw_constant", node, _label(labels, j), child=_label(labels, j), value=f"{X[0, j]:g}")
    return X


def minmax01(X: np.ndarray, directions: Sequence[int] | None = None) -> np.ndarray:
    """Column-wise (x − min)/(max − min), or (max − x)/(max − min) where direction < 0."""
    X = np.asarray(X, dtype=float)
    lo, hi = X.min(axis=0), X.max(axis=0)
    N = (X - lo) / (hi - lo)
    if directions is not None:
        rev = np.asarray(directions) < 0
        N[:, rev] = 1.0 - N[:, rev]
    return N


# ------------------------------------------------------------------------ the methods, on matrices

def entropy_weights(X: np.ndarray, labels: Sequence[str] | None = None, node: str = "") -> dict:
    """Entropy weights of the columns of X (m units × n criteria), p = x/Σx per column."""
    X = np.asarray(X, dtype=float)
    neg = np.argwhere(X < 0)
    if len(neg):
        i, j = neg[0]
        raise _error("dw_negative", node, _label(labels, j), child=_label(labels, j), value=f"{X[i, j]:g}")
    X = check_matrix(X, labels, node)
    m = X.shape[0]
    P = X / X.sum(axis=0)  # every column has a positive sum: non-negative and not constant
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(P > 0, P * np.log(np.where(P > 0, P, 1.0)), 0.0)
    e = -plogp.sum(axis=0) / math.log(m)
    d = 1.0 - e
    if d.sum() <= 0:
        raise _error("dw_max_entropy", node)
    return {"weights": d / d.sum(), "e": e, "d": d, "m": m}


def stdev_weights(X: np.ndarray, labels: Sequence[str] | None = None, node: str = "") -> dict:
    """wⱼ = σⱼ/Σσ of the columns of X as given (data_weights passes min-max values)."""
    X = check_matrix(X, labels, node)
    s = X.std(axis=0, ddof=SD_DDOF)
    return {"weights": s / s.sum(), "sigma": s, "sd": SD_TEXT}


def critic_weights(X: np.ndarray, labels: Sequence[str] | None = None, node: str = "") -> dict:
    """CRITIC on the columns of X as given (data_weights passes min-max values, direction applied)."""
    X = check_matrix(X, labels, node)
    s = X.std(axis=0, ddof=SD_DDOF)
    R = np.corrcoef(X, rowvar=False) if X.shape[1] > 1 else np.ones((1, 1))
    conflict = (1.0 - R).sum(axis=0)
    C = s * conflict
    if C.sum() <= 0:  # a single child, or children perfectly correlated
        C = s.copy()
    return {"weights": C / C.sum(), "sigma": s, "r": R, "conflict": conflict, "C": C, "sd": SD_TEXT}


def varimax(L: np.ndarray, max_iter: int = 1000, tol: float = 1e-12) -> np.ndarray:
    """Kaiser's varimax rotation of a loading matrix (rows normalised to unit communality
    during the rotation, as R's `varimax(normalize=TRUE)` and SPSS do)."""
    p, k = L.shape
    if k < 2:
        return L.copy()
    h = np.sqrt((L ** 2).sum(axis=1))
    h = np.where(h > 0, h, 1.0)
    Ln = L / h[:, None]
    R = np.eye(k)
    d = 0.0
    for _ in range(max_iter):
        Lam = Ln @ R
        u, s, vt = np.linalg.svd(Ln.T @ (Lam ** 3 - Lam @ np.diag((Lam ** 2).sum(axis=0)) / p))
        R = u @ vt
        d_old, d = d, float(s.sum())
        if d_old != 0 and d < d_old * (1 + tol):
            break
    return (Ln @ R) * h[:, None]


def pca_weights(X: np.ndarray, labels: Sequence[str] | None = None, node: str = "",
                threshold: float = 1.0, rotation: str = "varimax") -> dict:
    """The OECD/JRC Handbook's factor-analysis weights (see the module docstring)."""
    X = check_matrix(X, labels, node)
    n = X.shape[1]
    if n == 1:
        return {"weights": np.ones(1), "eigenvalues": np.ones(1), "retained": 1, "rotation": "none",
                "loadings": np.ones((1, 1)), "scaled_squared": np.ones((1, 1)), "factor": np.zeros(1, int),
                "factor_share": np.ones(1), "explained": np.ones(1)}
    R = np.corrcoef(X, rowvar=False)
    vals, vecs = np.linalg.eigh(R)
    order = np.argsort(vals)[::-1]
    vals, vecs = np.clip(vals[order], 0.0, None), vecs[:, order]
    k = max(1, int(np.sum(vals > threshold)))
    L = vecs[:, :k] * np.sqrt(vals[:k])
    L = L * np.where(L.sum(axis=0) < 0, -1.0, 1.0)  # sign of a component is arbitrary
    used = "none"
    if k >= 2 and rotation == "varimax":
        L = varimax(L)
        L = L * np.where(L.sum(axis=0) < 0, -1.0, 1.0)
        used = "varimax"
    elif rotation not in ("varimax", "none"):
        raise ValueError(f"unknown rotation {rotation!r}; known: varimax, none")
    ss = (L ** 2).sum(axis=0)  # variance explained by each kept factor
    S = (L ** 2) / ss
    factor = np.argmax(S, axis=1)
    share = ss / ss.sum()
    raw = S[np.arange(n), factor] * share[factor]
    return {"weights": raw / raw.sum(), "eigenvalues": vals, "explained": vals / vals.sum(), "retained": k,
            "rotation": used, "loadings": L, "scaled_squared": S, "factor": factor, "factor_share": share}


# ---------------------------------------------------------------------------------- on a result

def node_matrix(result, node: str) -> tuple[list[str], pd.DataFrame, list[int], list[str]]:
    """(children, units × children values of the complete cases, directions, dropped units).

    An indicator child gives its values entering normalisation (`result.treated`); a node child
    its scores at the current weights (`result.scores`), counted as direction `+`.
    """
    fw = result.framework
    if node not in fw.nodes:
        raise WeightError(f"no node '{node}' in the framework", node)
    kids = list(fw.children[node])
    if not kids:
        raise WeightError(f"'{node}' is an indicator; weights are set among the children of a node", node)
    cols, dirs = {}, []
    scores = None
    for c in kids:
        if fw.is_leaf(c):
            cols[c] = result.treated[c].astype(float)
            dirs.append(fw.nodes[c].direction)
        else:
            if scores is None:
                scores = result.scores
            cols[c] = scores[c].astype(float)
            dirs.append(1)
    df = pd.DataFrame(cols)
    ok = df.notna().all(axis=1) & np.isfinite(df.to_numpy()).all(axis=1)
    dropped = [str(u) for u in df.index[~ok]]
    return kids, df[ok], dirs, dropped


def _per_child(kids: list[str], v) -> dict[str, float]:
    return {k: float(x) for k, x in zip(kids, v)}


def data_weights(result, node: str, method: str, **options) -> dict:
    """Weights of `node`'s children by a data-driven method (see the module docstring).

    Returns dict(method, weights {child: w}, figures {...}, formula {'zh', 'en'}). Raises
    WeightError with a plain message naming the node (and the child) when the data do not allow it.
    """
    if method not in DATA_METHODS:
        raise ValueError(f"unknown weighting method {method!r}; known: {', '.join(DATA_METHODS)}")
    fw = result.framework
    kids = list(fw.children.get(node, ()))
    if method == "equal":
        if not kids:
            raise WeightError(f"'{node}' has no children to weight", node)
        return {"method": method, "weights": {k: 1.0 / len(kids) for k in kids}, "figures": {},
                "formula": FORMULAS[method]}
    kids, df, dirs, dropped = node_matrix(result, node)
    X = df.to_numpy(dtype=float)
    if X.shape[0] < 2:
        raise _error("dw_too_few_units_dropped", node, n=X.shape[0], dropped=len(dropped))
    base = {"units": int(X.shape[0]), "dropped": dropped}
    try:
        if method == "entropy":
            r = entropy_weights(X, kids, node)
            fig = {"e": _per_child(kids, r["e"]), "d": _per_child(kids, r["d"])}
        elif method == "entropy_minmax":
            N = minmax01(check_matrix(X, kids, node), dirs)
            r = entropy_weights(N, kids, node)
            fig = {"e": _per_child(kids, r["e"]), "d": _per_child(kids, r["d"]), "directions": _per_child(kids, dirs)}
        elif method == "stdev":
            N = minmax01(check_matrix(X, kids, node), dirs)
            r = stdev_weights(N, kids, node)
            fig = {"sigma": _per_child(kids, r["sigma"]), "sd": SD_TEXT}
        elif method == "critic":
            N = minmax01(check_matrix(X, kids, node), dirs)
            r = critic_weights(N, kids, node)
            fig = {"sigma": _per_child(kids, r["sigma"]), "sd": SD_TEXT,
                   "conflict": _per_child(kids, r["conflict"]), "C": _per_child(kids, r["C"]),
                   "r": {a: _per_child(kids, row) for a, row in zip(kids, r["r"])},
                   "directions": _per_child(kids, dirs)}
        else:  # pca
            N = minmax01(check_matrix(X, kids, node), dirs)
            r = pca_weights(N, kids, node, **options)
            fig = {"eigenvalues": [float(v) for v in r["eigenvalues"]],
                   "explained": [float(v) for v in r["explained"]], "retained": int(r["retained"]),
                   "rotation": r["rotation"], "eigenvalue_threshold": options.get("threshold", 1.0),
                   "loadings": {k: [float(x) for x in row] for k, row in zip(kids, r["loadings"])},
                   "scaled_squared": {k: [float(x) for x in row] for k, row in zip(kids, r["scaled_squared"])},
                   "factor": {k: int(f) + 1 for k, f in zip(kids, r["factor"])},
                   "factor_share": [float(v) for v in r["factor_share"]]}
    except WeightError as e:
        if not e.node:
            e.node = node
        raise
    return {"method": method, "weights": _per_child(kids, r["weights"]), "figures": {**base, **fig},
            "formula": FORMULAS[method]}
