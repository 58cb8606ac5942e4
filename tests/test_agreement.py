"""Agreement figures of an expert panel, against a published worked example and hand computations.

Reference: P. E. Shrout and J. L. Fleiss (1979), "Intraclass correlations: uses in assessing rater
reliability", Psychological Bulletin 86(2), 420–428. Table 2 gives the ratings of 6 targets by 4
judges (reproduced in tests/score_sheet_helpers.SF_SCORES); Table 3 its ANOVA mean squares
(BMS 11.24, JMS 32.49, EMS 1.02) and Table 4 the ICCs: ICC(2,1) = .29, ICC(3,1) = .71,
ICC(2,4) = .62, ICC(3,4) = .91.
"""

from fractions import Fraction

import numpy as np
import pytest
from scipy.stats import chi2

from core.experts.agreement import anova_two_way, expert_deviation, icc, kendall_w, pooled_deviation

from .score_sheet_helpers import SF_SCORES

# Hand computation of the mean squares of Table 2 (exact fractions):
#   row sums 24 12 26 16 30 19, column sums 46 15 26 40, total 127, ΣX² = 841, C = 127²/24
#   SST = 841 − 16129/24 = 4055/24;  SSR = (24² + … + 19²)/4 − C = 2913/4 − C = 1349/24
#   SSC = (46² + 15² + 26² + 40²)/6 − C = 4617/6 − C = 2339/24;  SSE = 4055/24 − 1349/24 − 2339/24 = 367/24
MSR = Fraction(1349, 24) / 5  # 11.2417 (BMS of Table 3)
MSC = Fraction(2339, 24) / 3  # 32.4861 (JMS)
MSE = Fraction(367, 24) / 15  # 1.0194 (EMS)
N, K = 6, 4


def test_anova_mean_squares_are_those_of_shrout_fleiss_table_3():
    a = anova_two_way(SF_SCORES)
    assert (a["n"], a["k"]) == (6, 4)
    assert a["msr"] == pytest.approx(float(MSR), abs=1e-12)
    assert a["msc"] == pytest.approx(float(MSC), abs=1e-12)
    assert a["mse"] == pytest.approx(float(MSE), abs=1e-12)
    # the published, rounded values
    assert (round(a["msr"], 2), round(a["msc"], 2), round(a["mse"], 2)) == (11.24, 32.49, 1.02)


def test_icc_matches_the_published_values_of_table_4():
    r = icc(SF_SCORES)
    assert round(r["icc2_1"], 2) == 0.29
    assert round(r["icc3_1"], 2) == 0.71
    assert round(r["icc2_k"], 2) == 0.62
    assert round(r["icc3_k"], 2) == 0.91
    # and exactly, from the hand-computed mean squares
    assert r["icc3_k"] == pytest.approx(float((MSR - MSE) / MSR), abs=1e-12)  # 0.90932
    assert r["icc2_k"] == pytest.approx(float((MSR - MSE) / (MSR + (MSC - MSE) / N)), abs=1e-12)  # 0.62005
    assert r["icc2_1"] == pytest.approx(float((MSR - MSE) / (MSR + (K - 1) * MSE + K * (MSC - MSE) / N)), abs=1e-12)
    assert r["icc3_1"] == pytest.approx(float((MSR - MSE) / (MSR + (K - 1) * MSE)), abs=1e-12)
    assert r["f"] == pytest.approx(float(MSR / MSE))
    assert (r["df1"], r["df2"]) == (5, 15)


def test_kendall_w_by_hand_with_ties():
    # Ranks of the six targets within each judge (ascending; ties share the mean rank):
    #   judge 1: 9 6 8 7 10 6 → 5 1.5 4 3 6 1.5      (one pair tied: T = 2³ − 2 = 6)
    #   judge 2: 2 1 4 1 5 2  → 3.5 1.5 5 1.5 6 3.5   (two pairs: T = 12)
    #   judge 3: 5 3 6 2 6 4  → 4 2 5.5 1 5.5 3      (T = 6)
    #   judge 4: 8 2 8 6 9 7  → 4.5 1 4.5 2 6 3      (T = 6)
    # rank sums 17 6 19 7.5 23.5 11, mean 14, S = 9 + 64 + 25 + 42.25 + 90.25 + 9 = 239.5, ΣT = 30
    # W = 12·S / (m²(n³ − n) − m·ΣT) = 2874 / (16·210 − 4·30) = 2874 / 3240
    r = kendall_w(SF_SCORES)
    assert r["w"] == pytest.approx(2874 / 3240, abs=1e-12)  # 0.88704
    assert r["w"] != pytest.approx(2874 / 3360, abs=1e-3)  # the uncorrected value differs: ties are corrected
    assert r["chi2"] == pytest.approx(4 * 5 * 2874 / 3240)  # m(n − 1)W = 17.74
    assert r["df"] == 5
    assert r["p_value"] == pytest.approx(chi2.sf(17.740740740740, 5), rel=1e-9)
    assert 0.003 < r["p_value"] < 0.004
    assert (r["m"], r["n"]) == (4, 6)


def test_perfect_agreement_and_complete_rows_only():
    X = np.array([[1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 5, 6], [np.nan, 1, 1]], dtype=float)
    r = kendall_w(X)
    assert r["w"] == pytest.approx(1.0)
    assert r["n"] == 4  # the row with a missing score is left out
    c = icc(X)
    assert c["n"] == 4
    assert c["icc3_k"] == pytest.approx(1.0)  # constant offsets: perfect consistency
    assert c["icc2_k"] < 1.0  # … but not absolute agreement
    # By hand: rows 1..4 of (x, x+1, x+2): MSE = 0, MSR = 3·var(1..4 row means) = 3·(5/3) = 5,
    # MSC = 4·Σ(col mean − grand)²/2 = 4·2/2 = 4; ICC(2,k) = 5 / (5 + 4/4) = 5/6
    assert c["icc2_k"] == pytest.approx(5 / 6)


def test_too_little_to_compute():
    assert kendall_w([[1, 2]])["w"] is None  # one target
    assert icc([[1], [2], [3]])["icc2_k"] is None  # one judge
    assert kendall_w([[5, 5], [5, 5], [5, 5]])["w"] is None  # no variation at all


def test_lenient_and_severe_experts_by_hand():
    # scale 0–10; C scores well above A and B
    X = np.array([[5, 5, 8], [6, 6, 9], [7, 7, 10], [8, 8, 10]], dtype=float)
    d = expert_deviation(X, ["A", "B", "C"], 10.0)
    # C − mean(A, B) = 3, 3, 3, 2 → 2.75 points = 27.5 % of the range
    assert d["C"]["bias"] == pytest.approx(2.75)
    assert d["C"]["bias_share"] == pytest.approx(0.275)
    assert d["C"]["flags"] == ["lenient"]
    # A − mean(B, C) = 5 − 6.5, 6 − 7.5, 7 − 8.5, 8 − 9 → −1.375
    assert d["A"]["bias"] == pytest.approx(-1.375)
    assert d["A"]["flags"] == ["severe"]
    assert d["A"]["cells"] == 4


def test_an_expert_against_the_rest_is_flagged_not_dropped():
    X = np.array([[1, 1, 5], [2, 2, 4], [3, 3, 3], [4, 4, 2], [5, 5, 1]], dtype=float)
    d = expert_deviation(X, ["A", "B", "C"], 10.0)
    assert d["C"]["r"] == pytest.approx(-1.0)  # C reverses the others' order
    assert d["C"]["bias"] == pytest.approx(0.0)  # … at the same level: neither lenient nor severe
    assert d["C"]["flags"] == ["against_the_rest"]
    assert d["A"]["flags"] == []
    # over two indicators (the second on 0–100), C is still against the rest
    p = pooled_deviation([(X[:, 2], X[:, :2].mean(axis=1), 10.0), (10 * X[:, 2], 10 * X[:, :2].mean(axis=1), 100.0)])
    assert p["cells"] == 10
    assert p["r"] == pytest.approx(-1.0)
    assert "against_the_rest" in p["flags"]
