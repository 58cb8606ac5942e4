"""Weights from the data: entropy, CRITIC, standard deviation, PCA — published examples and hand checks."""

import math

import numpy as np
import pytest

from core.pipeline.run import compute
from core.weighting.data_methods import (
    DATA_METHODS,
    FORMULAS,
    WeightError,
    critic_weights,
    data_weights,
    entropy_weights,
    minmax01,
    pca_weights,
    stdev_weights,
    varimax,
)
from tests.helpers import make_project, node

# ------------------------------------------------------------------------------ published examples


def test_entropy_xu_2004():
    # Xu, X. (2004). A note on the subjective and objective integrated approach to determine attribute
    # weights. European Journal of Operational Research 156(2), 530–532. Decision matrix (4 alternatives
    # × 4 attributes) and its published entropy weights 0.4630, 0.3992, 0.1378, 0.0000 (p = x/Σx on the
    # raw values; also the reference of the pyrepo-mcda test suite, Test_Entropy.test_Entropy).
    X = [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]]
    r = entropy_weights(X)
    assert np.round(r["weights"], 4).tolist() == [0.4630, 0.3992, 0.1378, 0.0000]
    assert r["weights"].sum() == pytest.approx(1.0)


def test_critic_tus_aytac_adali_2019():
    # Tuş, A. & Aytaç Adalı, E. (2019). The new combination with CRITIC and WASPAS methods for the time
    # and attendance software selection problem. OPSEARCH 56(2), 528–538. Published CRITIC weights
    # 0.157, 0.249, 0.168, 0.121, 0.154, 0.151 (3 decimals). They are reproduced with every column
    # min-max normalised as a benefit criterion (as in pyrepo-mcda's test of this example); the price
    # column's direction does not enter their CRITIC step.
    X = np.array([[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3],
                  [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4]], dtype=float)
    r = critic_weights(minmax01(X))
    assert np.round(r["weights"], 3).tolist() == [0.157, 0.249, 0.168, 0.121, 0.154, 0.151]


def test_stdev_salabun_2020():
    # Sałabun, W., Wątróbski, J. & Shekhovtsov, A. (2020). Are MCDA methods benchmarkable? A comparative
    # study of TOPSIS, VIKOR, COPRAS, and PROMETHEE II methods. Symmetry 12(9), 1549: standard-deviation
    # weights 0.217, 0.294, 0.488 of this matrix (taken as given; the weights do not depend on ddof).
    X = [[0.619, 0.449, 0.447], [0.862, 0.466, 0.006], [0.458, 0.698, 0.771], [0.777, 0.631, 0.491],
         [0.567, 0.992, 0.968]]
    r = stdev_weights(X)
    assert np.round(r["weights"], 3).tolist() == [0.217, 0.294, 0.488]
    assert "ddof = 1" in r["sd"]


# --------------------------------------------------------------------------------------- by hand

# A 4 × 3 matrix; the third column is a cost criterion (direction -).
HAND = [[1, 4, 2], [2, 3, 6], [3, 1, 4], [4, 2, 0]]
HAND_DIRS = [1, 1, -1]


def test_critic_by_hand():
    # Computed by hand in plain Python (Diakoulaki, Mavrotas & Papayannakis 1995's definition):
    # min-max values: col 1 (x − 1)/3 = 0, 1/3, 2/3, 1; col 2 (x − 1)/3 = 1, 2/3, 0, 1/3;
    # col 3, direction -, (6 − x)/6 = 2/3, 0, 1/3, 1.
    N = [[(r[0] - 1) / 3, (r[1] - 1) / 3, (6 - r[2]) / 6] for r in HAND]
    # every column has mean 1/2 and squared deviations summing to 1/4 + 1/36 + 1/36 + 1/4 = 5/9,
    # so σ = sqrt((5/9)/3) = 0.430331 for all three (sample sd, ddof = 1)
    dev = [[N[i][j] - 0.5 for j in range(3)] for i in range(4)]
    ss = 5 / 9
    sigma = math.sqrt(ss / 3)
    # r₁₂ = Σ d₁d₂ / 5/9 = (−1/4 − 1/36 − 1/12 − 1/12)/(5/9) = (−4/9)/(5/9) = −0.8
    # r₁₃ = (−1/12 + 1/12 − 1/36 + 1/4)/(5/9) = (2/9)/(5/9) = 0.4
    # r₂₃ = (1/12 − 1/12 + 1/12 − 1/12)/(5/9) = 0
    r12 = sum(dev[i][0] * dev[i][1] for i in range(4)) / ss
    r13 = sum(dev[i][0] * dev[i][2] for i in range(4)) / ss
    r23 = sum(dev[i][1] * dev[i][2] for i in range(4)) / ss
    assert (r12, r13, r23) == pytest.approx((-0.8, 0.4, 0.0))
    # Σₖ(1 − rⱼₖ): 0 + 1.8 + 0.6 = 2.4; 1.8 + 0 + 1 = 2.8; 0.6 + 1 + 0 = 1.6
    conflict = [2.4, 2.8, 1.6]
    # C = σ·conflict; w = C/ΣC = 2.4/6.8, 2.8/6.8, 1.6/6.8 = 6/17, 7/17, 4/17
    C = [sigma * c for c in conflict]
    expected = [c / sum(C) for c in C]
    assert expected == pytest.approx([6 / 17, 7 / 17, 4 / 17])
    r = critic_weights(minmax01(HAND, HAND_DIRS))
    assert r["weights"] == pytest.approx(expected, abs=1e-12)
    assert r["sigma"] == pytest.approx([sigma] * 3)
    assert r["conflict"] == pytest.approx(conflict)
    # the direction matters: all as benefit, r₁₃ and r₂₃ change sign and so do the weights
    assert critic_weights(minmax01(HAND))["weights"] != pytest.approx(expected, abs=1e-3)


def test_entropy_by_hand():
    # X = [[1, 2], [3, 2], [0, 4]] (m = 3): column 1 p = 1/4, 3/4, 0; column 2 p = 1/4, 1/4, 1/2
    X = [[1, 2], [3, 2], [0, 4]]
    e1 = -(0.25 * math.log(0.25) + 0.75 * math.log(0.75) + 0.0) / math.log(3)  # 0·ln 0 = 0
    e2 = -(2 * 0.25 * math.log(0.25) + 0.5 * math.log(0.5)) / math.log(3)
    d = [1 - e1, 1 - e2]
    r = entropy_weights(X)
    assert r["e"] == pytest.approx([e1, e2], abs=1e-12)
    assert r["weights"] == pytest.approx([d[0] / sum(d), d[1] / sum(d)], abs=1e-12)


def test_pca_single_factor_is_the_squared_loadings():
    # three indicators driven by one factor: one eigenvalue > 1, no rotation; the weights are the
    # squared loadings scaled to unity sum, i.e. the squared first eigenvector of the correlation matrix
    rng = np.random.default_rng(1)
    f = rng.normal(size=40)
    X = np.column_stack([f + 0.3 * rng.normal(size=40), f + 0.6 * rng.normal(size=40), f + rng.normal(size=40)])
    r = pca_weights(X)
    vals, vecs = np.linalg.eigh(np.corrcoef(X, rowvar=False))
    assert r["retained"] == 1 and r["rotation"] == "none"
    assert r["weights"] == pytest.approx(vecs[:, -1] ** 2, abs=1e-12)
    assert r["eigenvalues"][0] == pytest.approx(vals[-1])


def test_pca_two_blocks_varimax():
    # two independent pairs of correlated indicators: two eigenvalues > 1, varimax puts each pair
    # on its own factor, and by symmetry every indicator gets 1/4
    u = np.array([1, -1, 1, -1, 2, -2, 0, 0], dtype=float)
    v = np.array([1, 1, -1, -1, 0, 0, 2, -2], dtype=float)
    e = np.array([1, -1, -1, 1, 0, 0, 0, 0], dtype=float) * 0.3
    X = np.column_stack([u + e, u - e, v + e, v - e])
    r = pca_weights(X)
    assert r["retained"] == 2 and r["rotation"] == "varimax"
    assert r["factor"][0] == r["factor"][1] != r["factor"][2] == r["factor"][3]
    assert r["weights"] == pytest.approx([0.25] * 4, abs=1e-9)
    # rotation keeps each indicator's communality
    vals, vecs = np.linalg.eigh(np.corrcoef(X, rowvar=False))
    L = vecs[:, ::-1][:, :2] * np.sqrt(vals[::-1][:2])
    assert (varimax(L) ** 2).sum(axis=1) == pytest.approx((L ** 2).sum(axis=1))


# ------------------------------------------------------------------------------------ errors


def test_entropy_refuses_negative_values_naming_node_and_indicator():
    with pytest.raises(WeightError, match="'b' has a negative value") as ei:
        entropy_weights([[1, -2], [3, 4]], ["a", "b"], "P")
    assert ei.value.node == "P" and ei.value.code == "b" and "node 'P'" in str(ei.value)


@pytest.mark.parametrize("fn", [entropy_weights, critic_weights, stdev_weights, pca_weights])
def test_constant_column_and_too_few_units(fn):
    with pytest.raises(WeightError, match="'b' has the same value"):
        fn([[1, 5], [2, 5], [3, 5]], ["a", "b"], "P")
    with pytest.raises(WeightError, match="at least 2 units"):
        fn([[1, 5]], ["a", "b"], "P")


# ------------------------------------------------------------------------------- on a result

FW = [node("R", None), node("D1", "R"), node("a", "D1"), node("b", "D1"), node("c", "D1", direction="-"),
      node("D2", "R"), node("d", "D2"), node("e", "D2")]
UNITS = ["u1", "u2", "u3", "u4", "u5"]
DATA = [[1, 4, 2, 10, 1], [2, 3, 6, 20, 4], [3, 1, 4, 15, 2], [4, 2, 0, 30, 8], [None, 5, 5, 25, 3]]


def project():
    return make_project(FW, ["城市", "a", "b", "c", "d", "e"], [[u, *r] for u, r in zip(UNITS, DATA)])


def test_data_weights_on_indicators_uses_complete_cases_and_directions():
    res = compute(project())
    out = data_weights(res, "D1", "critic")
    # u5 has no value for 'a': the four other units are exactly the hand example above
    assert out["figures"]["dropped"] == ["u5"] and out["figures"]["units"] == 4
    assert list(out["weights"].values()) == pytest.approx([6 / 17, 7 / 17, 4 / 17], abs=1e-12)
    assert out["figures"]["directions"] == {"a": 1, "b": 1, "c": -1}
    assert out["formula"] == FORMULAS["critic"] and set(out["formula"]) == {"zh", "en"}
    assert out["figures"]["sd"].startswith("sample")


def test_data_weights_on_nodes_uses_scores_at_current_weights():
    res = compute(project())
    out = data_weights(res, "R", "stdev")
    S = res.scores[["D1", "D2"]].dropna()
    N = (S - S.min()) / (S.max() - S.min())
    sd = N.std(ddof=1)
    assert list(out["weights"].values()) == pytest.approx(list(sd / sd.sum()), abs=1e-12)


def test_every_method_sums_to_one():
    res = compute(project())
    for m in DATA_METHODS:
        for p in ("R", "D1", "D2"):
            w = data_weights(res, p, m)["weights"]
            assert sum(w.values()) == pytest.approx(1.0), (m, p)
            assert all(x >= 0 for x in w.values())
    with pytest.raises(ValueError, match="unknown weighting method"):
        data_weights(res, "R", "magic")
    with pytest.raises(WeightError, match="is an indicator"):
        data_weights(res, "a", "critic")


def test_entropy_minmax_applies_direction():
    res = compute(project())
    out = data_weights(res, "D1", "entropy_minmax")
    N = minmax01(HAND, HAND_DIRS)
    assert list(out["weights"].values()) == pytest.approx(entropy_weights(N)["weights"], abs=1e-12)


def test_raw_entropy_negative_values_message():
    p = make_project(FW, ["城市", "a", "b", "c", "d", "e"],
                     [["u1", 1, 4, 2, -10, 1], ["u2", 2, 3, 6, 20, 4], ["u3", 3, 1, 4, 15, 2]])
    with pytest.raises(WeightError, match=r"node 'D2': 'd' has a negative value \(-10\)"):
        data_weights(compute(p), "D2", "entropy")


def test_too_few_complete_units_says_why():
    p = make_project(FW, ["城市", "a", "b", "c", "d", "e"],
                     [["u1", 1, None, 2, 1, 1], ["u2", None, 3, 6, 2, 4], ["u3", 3, 1, 4, 3, 2]])
    with pytest.raises(WeightError, match=r"node 'D1'.*there are 1 \(2 unit\(s\) lack a value"):
        data_weights(compute(p), "D1", "critic")
