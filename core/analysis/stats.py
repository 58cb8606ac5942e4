"""The few statistical functions the application needs, in numpy and the standard library.

Why not scipy: scipy is 67 MB in the packaged build (it carries a second OpenBLAS, and even
`scipy.special` loads it), a third of the package committee members download, for five
functions. The application uses:

- `rankdata`: average ranks of ties (Kendall's W, Spearman's rho), scipy's algorithm;
- `pearson`, `spearman`: correlation coefficients of two complete vectors;
- `gammainc_lower` / `gammainc_upper`: the regularised incomplete gamma functions P(a, x) and
  Q(a, x), hence `chi2_sf` (Kendall's W test) and `gamma_ppf` (the inverse of P: a Sobol'
  point turned into a gamma variate for Dirichlet weights);
- `betainc`, hence `f_sf` (the F test of the intraclass correlation).

The methods are the textbook ones of Press et al., *Numerical Recipes* (3rd ed., §6.1–6.4):
a series for P when x < a + 1, a Lentz continued fraction for Q otherwise, an 18-point
Gauss–Legendre quadrature of the integrand around its peak when a ≥ 100 (where series and
fraction need hundreds of terms), Halley's iteration from the Wilson–Hilferty start for the
inverse, and the continued fraction of the incomplete beta function.

Accuracy, relative, measured against scipy (kept as the tests' oracle, not the application's;
tests/test_stats.py pins these bounds with hypothesis over the ranges below):

- `gamma_ppf` (Dirichlet weights: shape = concentration × weight, so from 1e-3 up; q clipped
  to [1e-12, 1 − 1e-12]): 1e-11 for shapes 1e-3…100, 1e-10 for 100…1e4 and 1e-8 for 1e4…1e6,
  where the quantile is a normal double (> 1e-300). Small shapes put low quantiles below that
  (a shape of 1e-3 has most of its mass there): those underflow to 0 or a subnormal, as
  scipy's do.
- `gammainc_*`, `chi2_sf` (Kendall's W: df = items ranked − 1): 1e-12 for shapes a < 100
  (df < 200) in every tail down to 1e-300. From a = 100 on (df 200…1e4), where the quadrature
  takes over, 2e-9 while the tail is above 1e-10, 2e-8 down to 1e-30, 1e-4 down to 1e-100
  and 1e-2 below that (p-values are printed with three significant digits or four decimals).
- `betainc`, `f_sf` (the ICC's F test): 1e-10 while the tail is above 1e-100; in the
  farthest tails (below 1e-250) only a few digits.
"""

from __future__ import annotations

import math

import numpy as np

_EPS = np.finfo(float).eps
_TINY = np.finfo(float).tiny / _EPS
_BIG_A = 100.0  # from here on P(a, x) by quadrature
_GL_X, _GL_W = np.polynomial.legendre.leggauss(18)
_GL_X, _GL_W = (_GL_X + 1.0) / 2.0, _GL_W / 2.0  # nodes and weights on [0, 1]

_lgamma = np.vectorize(math.lgamma, otypes=[float])


# ------------------------------------------------------------------------------------------ ranks
def rankdata(values) -> np.ndarray:
    """Ranks 1…n, smallest first, ties sharing the mean of their ranks (scipy's 'average')."""
    a = np.asarray(values, dtype=float).ravel()
    if a.size == 0:
        return np.zeros(0)
    sorter = np.argsort(a, kind="mergesort")
    inverse = np.empty(a.size, dtype=np.intp)
    inverse[sorter] = np.arange(a.size)
    s = a[sorter]
    first = np.r_[True, s[1:] != s[:-1]]
    dense = first.cumsum()[inverse]
    bounds = np.r_[np.nonzero(first)[0], a.size]
    return 0.5 * (bounds[dense] + bounds[dense - 1] + 1)


def pearson(x, y) -> float:
    """Pearson's r of two equally long vectors without missing values (NaN if one is constant)."""
    a = np.asarray(x, dtype=float).ravel()
    b = np.asarray(y, dtype=float).ravel()
    if a.size != b.size:
        raise ValueError(f"x and y differ in length ({a.size} and {b.size})")
    if a.size < 2:
        return float("nan")
    a = a - a.mean()
    b = b - b.mean()
    den = math.sqrt(float(a @ a) * float(b @ b))
    if den == 0:
        return float("nan")
    return float(np.clip((a @ b) / den, -1.0, 1.0))


def spearman(x, y) -> float:
    """Spearman's rho: Pearson's r of the average ranks."""
    return pearson(rankdata(x), rankdata(y))


# ---------------------------------------------------------------------------- incomplete gamma
def _gamma_series(a: np.ndarray, x: np.ndarray, gln: np.ndarray) -> np.ndarray:
    """P(a, x) by its series (converges fast for x < a + 1)."""
    ap = a.copy()
    term = 1.0 / a
    total = term.copy()
    for _ in range(2000):
        ap = ap + 1.0
        term = term * x / ap
        total = total + term
        if np.all(np.abs(term) < np.abs(total) * _EPS):
            break
    with np.errstate(divide="ignore"):
        return total * np.exp(-x + a * np.log(x) - gln)


def _gamma_fraction(a: np.ndarray, x: np.ndarray, gln: np.ndarray) -> np.ndarray:
    """Q(a, x) by its continued fraction, modified Lentz (converges fast for x > a + 1)."""
    b = x + 1.0 - a
    c = np.full_like(b, 1.0 / _TINY)
    d = 1.0 / b
    h = d.copy()
    for i in range(1, 2000):
        an = -i * (i - a)
        b = b + 2.0
        d = an * d + b
        d = np.where(np.abs(d) < _TINY, _TINY, d)
        c = b + an / c
        c = np.where(np.abs(c) < _TINY, _TINY, c)
        d = 1.0 / d
        delta = d * c
        h = h * delta
        if np.all(np.abs(delta - 1.0) <= _EPS):
            break
    return np.exp(-x + a * np.log(x) - gln) * h


def _gamma_quadrature(a: np.ndarray, x: np.ndarray, gln: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(P, Q) for large a: Gauss–Legendre over the integrand's bulk, from x towards the far side."""
    a1 = a - 1.0
    lna1 = np.log(a1)
    sq = np.sqrt(a1)
    upper = x > a1
    xu = np.where(upper, np.maximum(a1 + 11.5 * sq, x + 6.0 * sq),
                  np.maximum(0.0, np.minimum(a1 - 7.5 * sq, x - 5.0 * sq)))
    t = x[..., None] + (xu - x)[..., None] * _GL_X
    with np.errstate(divide="ignore"):
        f = np.exp(-(t - a1[..., None]) + a1[..., None] * (np.log(t) - lna1[..., None]))
    ans = (f * _GL_W).sum(axis=-1) * (xu - x) * np.exp(a1 * (lna1 - 1.0) - gln)
    # above the peak: the integral from x up, i.e. Q; below: minus the integral from x down, i.e. −P
    # (by the side, not by the sign of the sum, which is 0 when the tail underflows)
    p = np.where(upper, 1.0 - ans, -ans)
    q = np.where(upper, ans, 1.0 + ans)
    return p, q


def _gammainc(a, x) -> tuple[np.ndarray, np.ndarray]:
    a, x = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(x, dtype=float))
    a, x = a.astype(float), x.astype(float)
    if np.any(~(a > 0)):
        raise ValueError("the shape a of the incomplete gamma function must be positive")
    if np.any(x < 0) or np.any(np.isnan(x)):
        raise ValueError("the incomplete gamma function needs x ≥ 0")
    p = np.zeros(a.shape)
    q = np.ones(a.shape)
    inf = np.isinf(x)
    p[inf], q[inf] = 1.0, 0.0
    todo = (x > 0) & ~inf
    big = todo & (a >= _BIG_A)
    series = todo & ~big & (x < a + 1.0)
    frac = todo & ~big & ~series
    if big.any():
        ab, xb = a[big], x[big]
        p[big], q[big] = _gamma_quadrature(ab, xb, _lgamma(ab))
    if series.any():
        s = _gamma_series(a[series], x[series], _lgamma(a[series]))
        p[series], q[series] = s, 1.0 - s
    if frac.any():
        f = _gamma_fraction(a[frac], x[frac], _lgamma(a[frac]))
        p[frac], q[frac] = 1.0 - f, f
    return np.clip(p, 0.0, 1.0), np.clip(q, 0.0, 1.0)


def gammainc_lower(a, x):
    """P(a, x) = γ(a, x)/Γ(a), the gamma distribution's CDF with shape a at x (broadcasting)."""
    p = _gammainc(a, x)[0]
    return float(p) if p.ndim == 0 else p


def gammainc_upper(a, x):
    """Q(a, x) = 1 − P(a, x), computed directly so that small tails keep their digits."""
    q = _gammainc(a, x)[1]
    return float(q) if q.ndim == 0 else q


def chi2_sf(x, df):
    """P(χ²_df > x): the upper tail of the chi-square distribution (df > 0)."""
    return gammainc_upper(np.asarray(df, dtype=float) / 2.0, np.maximum(np.asarray(x, dtype=float), 0.0) / 2.0)


def gamma_ppf(a, q):
    """The x with P(a, x) = q: the quantile of the gamma distribution with shape a and scale 1
    (scipy.special.gammaincinv), broadcasting; q = 0 gives 0 and q = 1 gives ∞."""
    a, q = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(q, dtype=float))
    a, q = a.astype(float), q.astype(float)
    if np.any(~(a > 0)):
        raise ValueError("the gamma shape a must be positive")
    if np.any(~((q >= 0) & (q <= 1))):
        raise ValueError("a gamma quantile needs a probability in [0, 1]")
    out = np.where(q >= 1.0, np.inf, 0.0)
    inner = (q > 0) & (q < 1)
    if not inner.any():
        return float(out) if out.ndim == 0 else out
    aa, pp = a[inner], q[inner]
    gln = _lgamma(aa)
    a1 = aa - 1.0
    # start: Wilson–Hilferty for a > 1, the small-a tail expansions otherwise (Numerical Recipes invgammp)
    tail = np.where(pp < 0.5, pp, 1.0 - pp)
    t = np.sqrt(-2.0 * np.log(tail))
    z = (2.30753 + t * 0.27061) / (1.0 + t * (0.99229 + t * 0.04481)) - t
    z = np.where(pp < 0.5, -z, z)
    with np.errstate(invalid="ignore", divide="ignore"):
        wh = np.maximum(1e-3, aa * (1.0 - 1.0 / (9.0 * aa) - z / (3.0 * np.sqrt(aa))) ** 3)
        tt = 1.0 - aa * (0.253 + aa * 0.12)
        small = np.where(pp < tt, (pp / tt) ** (1.0 / aa), 1.0 - np.log1p(-(pp - tt) / (1.0 - tt)))
    x = np.where(aa > 1.0, wh, small)
    # Halley's iteration on P(a, x) − q, with the density written to avoid overflow
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        lna1 = np.log(np.where(a1 > 0, a1, 1.0))
        afac = np.exp(a1 * (lna1 - 1.0) - gln)
        active = np.ones(x.shape, dtype=bool)
        for _ in range(40):
            idx = np.nonzero(active)[0]
            if idx.size == 0:
                break
            xa, ai, a1i = x[idx], aa[idx], a1[idx]
            # P − q, computed as (1 − q) − Q in the upper half, where P ≈ 1 has lost the tail's digits
            pi = pp[idx]
            lower, upper = _gammainc(ai, xa)
            err = np.where(pi > 0.5, (1.0 - pi) - upper, lower - pi)
            dens = np.where(ai > 1.0, afac[idx] * np.exp(-(xa - a1i) + a1i * (np.log(xa) - lna1[idx])),
                            np.exp(-xa + a1i * np.log(xa) - gln[idx]))
            u = err / dens
            step = u / (1.0 - 0.5 * np.minimum(1.0, u * (a1i / xa - 1.0)))
            nx = xa - step
            nx = np.where(nx <= 0, 0.5 * xa, nx)
            nx = np.where(np.isfinite(nx), nx, xa)
            x[idx] = nx
            done = (np.abs(step) < 1e-14 * nx) | (dens == 0) | ~np.isfinite(step)
            active[idx[done]] = False
    out[inner] = x
    return float(out) if out.ndim == 0 else out


# ----------------------------------------------------------------------------- incomplete beta
def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of I_x(a, b), modified Lentz (Numerical Recipes betacf)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) >= _TINY else _TINY)
    h = d
    for m in range(1, 100000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) >= _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) >= _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) >= _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) >= _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1.0) <= _EPS:
            break
    return h


def betainc(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularised incomplete beta function (a, b > 0, 0 ≤ x ≤ 1)."""
    if not (a > 0 and b > 0):
        raise ValueError("the incomplete beta function needs a, b > 0")
    if not 0.0 <= x <= 1.0:
        raise ValueError("the incomplete beta function needs 0 ≤ x ≤ 1")
    if x == 0.0 or x == 1.0:
        return float(x)
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def f_sf(f: float, df1: float, df2: float) -> float:
    """P(F_{df1, df2} > f): the upper tail of Fisher's F distribution."""
    if not (df1 > 0 and df2 > 0):
        raise ValueError("an F distribution needs positive degrees of freedom")
    if f <= 0:
        return 1.0
    if math.isinf(f):
        return 0.0
    return betainc(df2 / 2.0, df1 / 2.0, df2 / (df2 + df1 * f))
