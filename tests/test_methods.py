"""Every method of every stage on a small case worked out by hand (in the comments)."""

import math

import numpy as np
import pandas as pd
import pytest
import scipy.stats as st

from core.model.framework import Framework, Node
from core.pipeline.aggregate import a_arithmetic, a_geometric, a_harmonic
from core.pipeline.denominate import denominate
from core.pipeline.impute import impute
from core.pipeline.normalise import normalise
from core.pipeline.rank import min_rank_desc
from core.pipeline.screen import screen
from core.pipeline.transform import apply as transform
from core.pipeline.treat import kurtosis, skewness, treat_column

P = {"scale": 100.0, "low": 0.0, "min": None, "max": None, "target": None}
nan = np.nan


def close(a, b, tol=1e-9):
    a, b = np.asarray(a, float), np.asarray(b, float)
    assert a.shape == b.shape
    assert np.allclose(a, b, atol=tol, equal_nan=True), (a, b)


# --- normalisation ------------------------------------------------------------------
def test_minmax_both_directions_and_missing():
    x = np.array([2, 4, 10, nan])
    # min 2, max 10, range 8: (x-2)/8*100 = 0, 25, 100; missing stays missing
    close(normalise(x, "minmax", 1, P), [0, 25, 100, nan])
    # direction -: (10-x)/8*100 = 100, 75, 0
    close(normalise(x, "minmax", -1, P), [100, 75, 0, nan])


def test_minmax_lower_end():
    # low 20: (x-2)/8*(100-20)+20 = 20, 40, 100
    close(normalise(np.array([2, 4, 10.0]), "minmax", 1, dict(P, low=20)), [20, 40, 100])


def test_constant_column_gets_the_middle():
    close(normalise(np.array([5, 5, nan]), "minmax", 1, P), [50, 50, nan])
    close(normalise(np.array([5, 5.0]), "minmax", 1, dict(P, low=20)), [60, 60])


def test_zscore_sample_sd_and_direction():
    x = np.array([2, 4, 10.0])
    # mean 16/3; squared deviations 100/9 + 16/9 + 196/9 = 312/9 = 104/3; /(n-1) = 52/3
    sd = math.sqrt(52 / 3)
    expect = [(2 - 16 / 3) / sd, (4 - 16 / 3) / sd, (10 - 16 / 3) / sd]
    close(normalise(x, "zscore", 1, P), expect)
    close(normalise(x, "zscore", -1, P), [-e for e in expect])


def test_rank_ties_share_lowest_then_minmax():
    x = np.array([3, 1, 3, 7.0])
    # worst=1: 1 -> 1; 3,3 -> 2,2 (ties lowest); 7 -> 4; min-max of ranks (r-1)/3*100
    close(normalise(x, "rank", 1, P), [100 / 3, 0, 100 / 3, 100])
    # direction -: 7 is worst (1), 3,3 -> 2,2, 1 best (4)
    close(normalise(x, "rank", -1, P), [100 / 3, 100, 100 / 3, 0])


def test_percentile_is_rank_over_n():
    # ranks 2,1,2,4 over n=4 -> 50, 25, 50, 100
    close(normalise(np.array([3, 1, 3, 7.0]), "percentile", 1, P), [50, 25, 50, 100])


def test_goalposts_clip_then_scale():
    p = dict(P, min=0.0, max=8.0)
    # clipped to 0, 2, 4, 8 -> 0, 25, 50, 100
    close(normalise(np.array([-1, 2, 4, 10.0]), "goalposts", 1, p), [0, 25, 50, 100])
    close(normalise(np.array([-1, 2, 4, 10.0]), "goalposts", -1, p), [100, 75, 50, 0])


def test_target():
    p = dict(P, target=5.0)
    # min(x/5, 1)*100: 2 -> 40, 5 -> 100, 10 -> 100
    close(normalise(np.array([2, 5, 10.0]), "target", 1, p), [40, 100, 100])
    # direction -: min(5/x, 1)*100: 2 -> 100, 5 -> 100, 10 -> 50
    close(normalise(np.array([2, 5, 10.0]), "target", -1, p), [100, 100, 50])


def test_ratio_max():
    # x/max*100 = 20, 40, 100 ; direction -: min/x*100 = 100, 50, 20
    close(normalise(np.array([2, 4, 10.0]), "ratio_max", 1, P), [20, 40, 100])
    close(normalise(np.array([2, 4, 10.0]), "ratio_max", -1, P), [100, 50, 20])


def test_unknown_normalisation_is_refused():
    with pytest.raises(ValueError):
        normalise(np.array([1.0]), "nonsense", 1, P)


# --- transforms ---------------------------------------------------------------------
def test_transforms():
    close(transform("log", np.array([1, math.e, 0])), [0, 1, nan])
    close(transform("log1p", np.array([0, math.e - 1])), [0, 1])
    assert transform("log", 100.0) == pytest.approx(math.log(100))


# --- denomination and screening -----------------------------------------------------
def _fw(*leaves: Node) -> Framework:
    return Framework.build([Node("R"), *leaves])


def test_denomination_divides_and_zero_gives_missing():
    fw = _fw(Node("a", "R", denominator="pop"), Node("b", "R"))
    values = pd.DataFrame({"a": [10, 20.0], "b": [1, 2.0], "pop": [2, 0.0]}, index=["X", "Y"])
    raw, log = denominate(values, fw)
    close(raw["a"], [5, nan])  # 10/2, 20/0 -> missing, not inf
    close(raw["b"], [1, 2])
    assert log == [{"code": "a", "denominator": "pop"}]


def test_screening_removes_low_coverage_units():
    raw = pd.DataFrame({"a": [1, nan, 3.0], "b": [1, nan, nan], "c": [1, 2, 3.0]}, index=list("XYZ"))
    kept, excluded = screen(raw, 0.5)
    # coverage X 3/3, Y 1/3, Z 2/3 -> Y removed
    assert list(kept.index) == ["X", "Z"]
    assert excluded[0]["unit"] == "Y" and excluded[0]["coverage"] == pytest.approx(1 / 3)


# --- imputation ---------------------------------------------------------------------
def test_mean_and_median_imputation():
    raw = pd.DataFrame({"a": [1, nan, 3, 8.0]}, index=list("WXYZ"))
    m, rec = impute(raw, "mean", None)
    assert m.loc["X", "a"] == pytest.approx(4.0)  # (1+3+8)/3
    assert rec == [{"unit": "X", "code": "a", "value": 4.0, "method": "mean", "group": "", "note": ""}]
    md, _ = impute(raw, "median", None)
    assert md.loc["X", "a"] == 3.0  # median of 1, 3, 8


def test_group_imputation_and_fallback():
    raw = pd.DataFrame({"a": [1, nan, 3, 8.0]}, index=list("WXYZ"))
    g = pd.Series(["n", "n", "s", "s"], index=list("WXYZ"))
    m, rec = impute(raw, "group_mean", g)
    assert m.loc["X", "a"] == 1.0  # group n has only W = 1
    g2 = pd.Series(["n", "e", "s", "s"], index=list("WXYZ"))
    m2, rec2 = impute(raw, "group_median", g2)
    assert m2.loc["X", "a"] == 3.0  # group e has no value: overall median of 1, 3, 8
    assert "overall" in rec2[0]["note"]


def test_no_imputation_keeps_missing():
    raw = pd.DataFrame({"a": [1, nan]}, index=list("XY"))
    m, rec = impute(raw, "none", None)
    assert np.isnan(m.loc["Y", "a"]) and rec == []


# --- outlier treatment --------------------------------------------------------------
def test_skew_and_kurtosis_match_excel_estimators():
    x = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 100.0])
    # Excel's SKEW/KURT are the bias-corrected estimators (scipy bias=False)
    assert skewness(x) == pytest.approx(st.skew(x, bias=False))
    assert kurtosis(x) == pytest.approx(st.kurtosis(x, bias=False))
    assert skewness(np.array([1.0, 2.0])) != skewness(np.array([1.0, 2.0]))  # NaN for n < 3


def test_winsorise_one_extreme_value_one_step():
    x = np.array([1, 2, 3, 4, 5, 6, 7, 8, 60, 100.0])
    # skew 2.098 >= 2 and kurtosis 3.66 >= 3.5: fails.
    # step 1: skew > 0, so the largest (100) takes the next distinct value (60):
    # [1..8, 60, 60] has skew 1.74 < 2: passes after one step.
    y, rec = treat_column(x, 5, 2.0, 3.5)
    assert rec["action"] == "winsorised" and rec["steps"] == 1
    close(y, [1, 2, 3, 4, 5, 6, 7, 8, 60, 60])


def test_winsorise_counts_steps_not_values():
    x = np.array(list(range(1, 21)) + [200, 300, 300], dtype=float)
    # fails (skew 2.49, kurt 4.91); step 1: both 300s -> 200 (skew 2.32, kurt 3.76: fails);
    # step 2: the three 200s -> 20 (skew -0.16): passes. Two steps, three values changed.
    y, rec = treat_column(x, 5, 2.0, 3.5)
    assert rec["steps"] == 2 and rec["action"] == "winsorised"
    assert (y != x).sum() == 3 and y.max() == 20


def test_log_fallback_when_steps_run_out():
    x = np.array(list(range(1, 21)) + [200, 300, 300], dtype=float)
    # one step allowed: still failing and positively skewed -> log of the ORIGINAL column,
    # log(x - min + 0.01*(max - min)) = log(x - 1 + 2.99)
    y, rec = treat_column(x, 1, 2.0, 3.5)
    assert rec["action"] == "log"
    close(y, np.log(x - 1 + 0.01 * 299))


def test_negative_skew_still_failing_is_flagged_and_kept_winsorised():
    x = -np.array(list(range(1, 21)) + [200, 300, 300], dtype=float)
    y, rec = treat_column(x, 1, 2.0, 3.5)
    # step 1 (skew < 0): the smallest (-300, both copies) -> -200; still fails; negative: flagged
    assert rec["action"] == "flagged" and rec["steps"] == 1
    assert y.min() == -200


def test_fewer_than_four_values_not_tested():
    y, rec = treat_column(np.array([1, 2, 1000.0, nan]), 5, 2.0, 3.5)
    assert rec["action"] == "not_tested"
    close(y, [1, 2, 1000, nan])


# --- aggregation --------------------------------------------------------------------
def test_aggregators_by_hand():
    X = np.array([[40.0, 80.0]])
    W = np.array([[0.25, 0.75]])
    s = W.sum(axis=1)
    close(a_arithmetic(X, W, s), [0.25 * 40 + 0.75 * 80])  # 70
    close(a_geometric(X, W, s), [40 ** 0.25 * 80 ** 0.75])  # 67.27
    close(a_harmonic(X, W, s), [1 / (0.25 / 40 + 0.75 / 80)])  # 64
    # a zero child: geometric and harmonic give 0 (the limit), not NaN or an error
    close(a_geometric(np.array([[0.0, 80]]), W, s), [0])
    close(a_harmonic(np.array([[0.0, 80]]), W, s), [0])
    # a negative child (z-scores) makes them undefined
    assert np.isnan(a_geometric(np.array([[-1.0, 80]]), W, s)[0])


# --- ranks --------------------------------------------------------------------------
def test_ranks_ties_share_best():
    close(min_rank_desc(np.array([84.2, 72.1, 72.1, 50, nan])), [1, 2, 2, 4, nan])
    # floating noise below 1e-9 is a tie
    close(min_rank_desc(np.array([0.1 + 0.2, 0.3, 0.1])), [1, 1, 3])
