"""Sobol' points, Saltelli's design and Sobol' sensitivity indices, numpy only.

Why this module: the packaged application must not carry scipy (67 MB with its own
OpenBLAS) nor SALib (which imports scipy.stats). This replaces, for the one use the
application has (`core.analysis.uncertainty.sobol_indices`), SALib's `sample.sobol.sample` and
`analyze.sobol.analyze` with `calc_second_order=False`. scipy and SALib stay in the
development environment as the tests' oracles (tests/test_sobol.py): same points, same
design, same estimates.

**Points** (`sobol_points`). The Sobol' sequence (I. M. Sobol', 1967, Zh. Vychisl. Mat.
Mat. Fiz. 7, 784–802) in base 2 with 30-bit integers, dimension j built from a primitive
polynomial and initial direction numbers by the recurrence of Bratley & Fox (1988, ACM
TOMS 14, 88–100). The direction numbers are S. Joe and F. Y. Kuo's "new-joe-kuo-6.21201"
(2008, SIAM J. Sci. Comput. 30, 2635–2654; search criterion D(6), 21,201 dimensions),
copied from scipy by tools/make_sobol_directions.py into
resources/sobol/joe_kuo_6_21201.npz (loaded lazily, once). Points come in Gray-code order
(Antonov & Saleev 1979), so point i is the XOR of the direction numbers of the bits of
gray(i) = i ^ (i >> 1). The binary reflected Gray code satisfies gray(2^k + j) =
2^k | gray(2^k − 1 − j), so the points 2^k … 2^(k+1) − 1 are the points 2^k − 1 … 0 XOR
direction number k: n·d XORs in total, vectorised over dimensions, no loop over points.
Unscrambled, the output equals `scipy.stats.qmc.Sobol(d, scramble=False).random(n)` bit
for bit (first point 0).

**Scrambling.** A (left) linear matrix scramble (Matoušek 1998, J. Complexity 14, 527–556;
Owen 2003, "Variance with alternative scramblings of digital nets", ACM TOMACS 13, 363–378)
followed by a digital shift, as `scipy.stats.qmc.Sobol(scramble=True)` does: per dimension a
random lower-triangular binary matrix L with unit diagonal multiplies (mod 2) every direction
number written most significant bit first, and a random 30-bit vector is XORed onto every
point. L is invertible and bit p of the output depends only on bits 0…p of the input, so every
elementary interval keeps its count: the points stay a (t, m, s)-net, each coordinate still
has exactly one point in each [k/n, (k+1)/n) for n = 2^m. The random bits are drawn from
`numpy.random.default_rng(seed)` in the same order and with the same calls as scipy, so a
seeded scrambled sample also equals scipy's (`qmc.Sobol(d, seed=seed)`), hence SALib's.

**Design** (`saltelli_sample`). Saltelli's radial scheme without second-order rows: from a
base sample of n points in 2D dimensions, A = the first D columns and B = the last D; per
base point the rows A, AB_1, …, AB_G, B (G groups; AB_g takes B's values in group g's
columns and A's elsewhere), n·(G + 2) rows: SALib's layout.

**Indices** (`sobol_analyze`). The output is standardised over all rows, Y ← (Y − mean)/std,
as SALib does (the first-order estimator is not shift-invariant). With Var the variance of A
and B together:
- first order, Saltelli et al. (2010, Comput. Phys. Commun. 181, 259–270), estimator (b) of
  their table 2: S_g = mean(f_B · (f_ABg − f_A)) / Var;
- total, Jansen (1999, Comput. Phys. Commun. 117, 35–43), Saltelli et al. 2010 table 2 (f):
  ST_g = ½ mean((f_A − f_ABg)²) / Var.
Confidence half-widths are z · std (ddof = 1) of the estimates over bootstrap resamples of the
n base points (the same index draws for every group), z the standard normal quantile at
½ + conf_level/2; the resample indices are `default_rng(seed).integers(n, size=(n, R))`,
the call SALib makes for a non-zero seed, so those agree with SALib's too.
"""

from __future__ import annotations

import functools
import statistics
from collections.abc import Sequence

import numpy as np

from core.files.paths import RESOURCES

BITS = 30  # scipy's default: 2^30 points before the sequence repeats
MAX_DIM = 21201
DIRECTIONS_FILE = RESOURCES / "sobol" / "joe_kuo_6_21201.npz"
_SCRAMBLE_CHUNK = 1024  # dimensions per random lower-triangular draw (bounds memory: chunk × 30 × 30)


@functools.cache
def _directions() -> np.ndarray:
    """All direction numbers (MAX_DIM × BITS, uint32): V[j, k] is the k-th direction number of
    dimension j as a BITS-bit integer (most significant bit first). Read once, on first use."""
    with np.load(DIRECTIONS_FILE) as z:
        poly = z["poly"].astype(np.int64)
        vinit = z["vinit"].astype(np.int64)
    dims = len(poly)
    deg = np.zeros(dims, dtype=np.int64)  # degree s of each polynomial (poly = 2a + 2^s + 1)
    for b in range(1, 64):
        deg[(poly >> b) > 0] = b
    V = np.zeros((dims, BITS), dtype=np.int64)
    V[0, :] = 1  # dimension 0: van der Corput
    cols = min(BITS, vinit.shape[1])
    V[1:, :cols] = np.where(np.arange(cols)[None, :] < deg[1:, None], vinit[1:, :cols], 0)
    rows = np.arange(1, dims)
    # Bratley & Fox: v_j = v_{j-s} ^ (v_{j-s} << s) ^ XOR_{k=1}^{s-1} a_k (v_{j-k} << k), in the
    # form scipy writes it: bit (s-1-k) of poly is the coefficient of v_{j-k-1} << (k+1).
    for j in range(1, BITS):
        r = rows[deg[rows] <= j]
        s = deg[r]
        new = V[r, j - s]
        for k in range(int(s.max()) if len(s) else 0):
            on = k < s
            coef = np.where(on, (poly[r] >> np.maximum(s - 1 - k, 0)) & 1, 0)
            new = new ^ np.where(coef == 1, V[r, np.maximum(j - k - 1, 0)] << (k + 1), 0)
        V[r, j] = new
    V <<= (BITS - 1 - np.arange(BITS))[None, :]
    out = V.astype(np.uint32)
    out.setflags(write=False)
    return out


def _parity(x: np.ndarray) -> np.ndarray:
    return np.bitwise_count(x) & 1


def _scramble(V: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """LMS + digital shift of the direction numbers V (d × BITS): returns (scrambled V, shift).

    The draws are scipy's: first the shift bits (d × BITS, least significant first), then the
    matrices (d × BITS × BITS, lower triangle kept, diagonal set to 1), by rng.integers(2, …,
    dtype=uint32); drawn in chunks of dimensions, which leaves the stream unchanged."""
    d = V.shape[0]
    weights = np.uint32(1) << np.arange(BITS, dtype=np.uint32)
    shift = (rng.integers(2, size=(d, BITS), dtype=np.uint32) * weights).sum(axis=1, dtype=np.uint32)
    msb_first = np.uint32(1) << (BITS - 1 - np.arange(BITS, dtype=np.uint32))  # column c ↔ bit BITS-1-c
    out = np.zeros_like(V)
    for lo in range(0, d, _SCRAMBLE_CHUNK):
        hi = min(d, lo + _SCRAMBLE_CHUNK)
        L = np.tril(rng.integers(2, size=(hi - lo, BITS, BITS), dtype=np.uint32))
        L[:, np.arange(BITS), np.arange(BITS)] = 1
        rows = (L * msb_first).sum(axis=2, dtype=np.uint32)  # row p of L as an integer
        v = V[lo:hi]
        for p in range(BITS):  # output bit p (from the top) = <row p of L, bits of v> mod 2
            out[lo:hi] |= (_parity(rows[:, p, None] & v) * msb_first[p]).astype(np.uint32)
    return out, shift


def sobol_points(n: int, d: int, *, scramble: bool = True, seed=None) -> np.ndarray:
    """The first `n` points (n × d, float64 in [0, 1)) of the d-dimensional Sobol' sequence.

    Unscrambled: exactly `scipy.stats.qmc.Sobol(d, scramble=False).random(n)`, first point 0.
    Scrambled (LMS + digital shift, random bits from `numpy.random.default_rng(seed)`): equal to
    `qmc.Sobol(d, seed=seed).random(n)` for an integer seed. The balance properties need n a
    power of two (not enforced here; `saltelli_sample` does).
    """
    n, d = int(n), int(d)
    if not 1 <= d <= MAX_DIM:
        raise ValueError(f"dimension must be between 1 and {MAX_DIM}, not {d}")
    if not 0 <= n <= 1 << BITS:
        raise ValueError(f"at most 2^{BITS} points, not {n}")
    V = _directions()[:d]
    if scramble:
        V, shift = _scramble(V, np.random.default_rng(seed))
    else:
        shift = np.zeros(d, dtype=np.uint32)
    X = np.empty((n, d), dtype=np.uint32)
    if n:
        X[0] = shift
    size, k = 1, 0
    while size < n:  # points 2^k … 2^(k+1)-1: points 2^k-1 … 0 XOR direction number k
        end = min(2 * size, n)
        np.bitwise_xor(X[2 * size - end:size][::-1], V[:, k], out=X[size:end])
        size, k = 2 * size, k + 1
    out = X.astype(np.float64)
    out *= 2.0 ** -BITS
    return out


def _group_labels(groups: Sequence) -> list:
    return list(dict.fromkeys(groups))


def saltelli_sample(n: int, groups: Sequence, *, seed=None, scramble: bool = True) -> np.ndarray:
    """Saltelli's design for first-order and total indices of the groups of D = len(groups)
    inputs, each uniform on [0, 1): n·(G + 2) rows × D, per base point A, AB_1 … AB_G, B
    (G distinct labels in order of first appearance). The base sample is
    `sobol_points(n, 2D, scramble=scramble, seed=seed)`, A its first D columns, B the last D.
    Equals `SALib.sample.sobol.sample(problem, n, calc_second_order=False, scramble=scramble,
    seed=seed)` for a problem with these groups. n must be a power of two (Sobol' balance)."""
    n = int(n)
    if n < 1 or n & (n - 1):
        raise ValueError(f"the base sample size must be a power of two, not {n}")
    groups = list(groups)
    D = len(groups)
    if D == 0:
        raise ValueError("no inputs")
    labels = _group_labels(groups)
    G = len(labels)
    base = sobol_points(n, 2 * D, scramble=scramble, seed=seed)
    A, B = base[:, :D], base[:, D:]
    X = np.empty((n, G + 2, D))
    X[:, 0] = A
    X[:, G + 1] = B
    member = np.array([[g == lab for g in groups] for lab in labels])  # G × D
    for i in range(G):
        X[:, 1 + i] = np.where(member[i][None, :], B, A)
    return X.reshape(n * (G + 2), D)


def _first_order(A: np.ndarray, AB: np.ndarray, B: np.ndarray, var: np.ndarray) -> np.ndarray:
    """Saltelli et al. (2010): mean(f_B (f_ABg − f_A)) / Var, along axis 0 (0 where Var is ~0)."""
    num = np.mean(B * (AB - A), axis=0)
    return np.divide(num, var, out=np.zeros_like(var), where=var > np.finfo(float).eps)


def _total(A: np.ndarray, AB: np.ndarray, var: np.ndarray) -> np.ndarray:
    """Jansen (1999): ½ mean((f_A − f_ABg)²) / Var, along axis 0 (0 where Var is ~0)."""
    num = 0.5 * np.mean((A - AB) ** 2, axis=0)
    return np.divide(num, var, out=np.zeros_like(var), where=var > np.finfo(float).eps)


def sobol_analyze(Y, groups: Sequence, *, n_resamples: int = 100, conf_level: float = 0.95,
                  seed=None) -> dict:
    """First-order and total Sobol' indices from the outputs `Y` of a `saltelli_sample` design.

    Returns {"groups": labels, "S1", "ST", "S1_conf", "ST_conf": arrays in the labels' order};
    the _conf entries are confidence half-widths (bootstrap over the base points, `n_resamples`
    resamples drawn from `numpy.random.default_rng(seed)`). Same estimates as
    `SALib.analyze.sobol.analyze(problem, Y, calc_second_order=False, …)`; an output that does
    not vary gives zeros (SALib also warns; this does not).
    """
    labels = _group_labels(groups)
    G = len(labels)
    Y = np.asarray(Y, dtype=float).ravel()
    step = G + 2
    if Y.size == 0 or Y.size % step:
        raise ValueError(f"{Y.size} outputs do not fit a design of {G} groups (a multiple of {step})")
    if not 0 < conf_level < 1:
        raise ValueError("the confidence level must be between 0 and 1")
    N = Y.size // step
    zeros = {k: np.zeros(G) for k in ("S1", "ST", "S1_conf", "ST_conf")}
    eps = np.finfo(float).eps
    sd = Y.std()
    if not sd > 0:
        return {"groups": labels, **zeros}
    Y = ((Y - Y.mean()) / sd).reshape(N, step)
    A, B, AB = Y[:, 0], Y[:, step - 1], Y[:, 1:step - 1]
    out = {"groups": labels, **zeros}
    if np.ptp(np.r_[A, B]) <= eps:
        return out
    var = np.var(np.r_[A, B], axis=0)
    out["S1"] = _first_order(A[:, None], AB, B[:, None], np.full(G, var))
    out["ST"] = _total(A[:, None], AB, np.full(G, var))

    r = np.random.default_rng(seed).integers(N, size=(N, int(n_resamples)))
    Ar, Br = A[r], B[r]
    AB_r = np.r_[Ar, Br]
    if np.ptp(AB_r) <= eps:
        return out
    var_r = np.var(AB_r, axis=0)
    z = statistics.NormalDist().inv_cdf(0.5 + conf_level / 2)
    for g in range(G):
        ABr = AB[r, g]
        out["S1_conf"][g] = z * _first_order(Ar, ABr, Br, var_r).std(ddof=1)
        out["ST_conf"][g] = z * _total(Ar, ABr, var_r).std(ddof=1)
    return out
