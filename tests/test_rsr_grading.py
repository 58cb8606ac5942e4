"""The probit grading of the rank-sum ratio (秩和比分档, core.analysis.rsr_grading): a small case with
ties worked out by hand, Φ⁻¹ against scipy (a test-only oracle), the edge cases, the setting, and
properties (hypothesis)."""

import math
import statistics

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import f as f_dist
from scipy.stats import norm

from core.analysis.rsr_grading import (
    RSRGradingError,
    grading_for_node,
    probit,
    rsr_grading,
    rsr_nodes,
    thresholds,
)
from core.model.problems import ProblemList
from core.model.settings import Settings, parse_settings
from core.pipeline.run import compute
from core.text.rsr_texts import level_names
from tests.helpers import make_project, node

# Six units (given out of order), RSR 0.2, 0.4, 0.4, 0.5, 0.7, 0.9 — B and E tie.
UNITS = ["A", "B", "C", "D", "E", "F"]
RSR = [0.7, 0.4, 0.9, 0.2, 0.4, 0.5]


def test_the_distribution_table_by_hand():
    # ascending RSR, n = 6; R̄ = mean of the ranks 1…6 each value occupies; p = R̄/n, the last 1 − 1/(4n)
    #   RSR  f  Σf  R̄    p
    #   0.2  1  1   1    1/6
    #   0.4  2  3   2.5  2.5/6 = 5/12   (ranks 2 and 3)
    #   0.5  1  4   4    4/6 = 2/3
    #   0.7  1  5   5    5/6
    #   0.9  1  6   6    1 − 1/24 = 23/24 (corrected, not 100 %)
    g = rsr_grading(UNITS, RSR, 3)
    t = g.table
    assert [r.rsr for r in t] == [0.2, 0.4, 0.5, 0.7, 0.9]
    assert [r.f for r in t] == [1, 2, 1, 1, 1]
    assert [r.cum_f for r in t] == [1, 3, 4, 5, 6]
    assert [r.mean_rank for r in t] == [1, 2.5, 4, 5, 6]
    assert [r.percent for r in t] == pytest.approx([1 / 6, 5 / 12, 2 / 3, 5 / 6, 23 / 24], abs=1e-15)
    # Probit = 5 + Φ⁻¹(p); Φ⁻¹ from a normal table: −0.967422, −0.210428, 0.430727, 0.967422, 1.731664
    assert [r.probit for r in t] == pytest.approx([4.032578, 4.789572, 5.430727, 5.967422, 6.731664], abs=1e-6)


def test_the_regression_and_the_grades_by_hand():
    # over the 5 distinct values: x = Probit (above), y = RSR
    #   x̄ = 26.951963 / 5 = 5.390393, ȳ = 2.7 / 5 = 0.54
    #   Sxx = Σ(x − x̄)² = 4.338245, Sxy = Σ(x − x̄)(y − ȳ) = 1.119341, Syy = Σ(y − ȳ)² = 0.292
    #   b = Sxy / Sxx = 0.258017, a = ȳ − b x̄ = 0.54 − 1.390812 = −0.850813
    #   SSR = b·Sxy = 0.288809, R² = SSR / Syy = 0.989072, SSE = 0.003191
    #   F = SSR / (SSE / (5 − 2)) = 271.52 on (1, 3) df
    g = rsr_grading(UNITS, RSR, 3)
    assert (g.a, g.b) == pytest.approx((-0.850813, 0.258017), abs=2e-6)
    assert g.r2 == pytest.approx(0.989072, abs=1e-6)
    assert g.f == pytest.approx(271.52, abs=0.01)
    assert g.p == pytest.approx(f_dist.sf(g.f, 1, 3), rel=1e-9)  # the P-value against scipy
    # an independent least-squares implementation (the standard library's) gives the same line
    slope, intercept = statistics.linear_regression([r.probit for r in g.table], [r.rsr for r in g.table])
    assert (g.b, g.a) == pytest.approx((slope, intercept), abs=1e-12)
    # three levels: Probit cuts 4 and 6 at the percentiles Φ(−1) = 15.866 %, Φ(1) = 84.134 %
    #   RSR cuts a + 4b = 0.181255, a + 6b = 0.697289
    assert g.thresholds == (4.0, 6.0)
    assert g.percentiles == pytest.approx((0.158655, 0.841345), abs=1e-6)
    assert g.cuts == pytest.approx((0.181255, 0.697289), abs=2e-6)
    # fitted RSR = a + b·Probit: 0.2 → 0.189661, 0.4 → 0.384978, 0.5 → 0.550407, 0.7 → 0.688883, 0.9 → 0.886071
    # grades against the cuts: 0.1897 ≥ 0.1813 → 2 (中); 0.6889 < 0.6973 → 2; 0.8861 ≥ 0.6973 → 3 (上)
    rows = {u.unit: u for u in g.units}
    assert [u.unit for u in g.units] == ["C", "A", "F", "B", "E", "D"]  # RSR descending, ties by name
    assert [u.rank for u in g.units] == [1, 2, 3, 4, 4, 6]
    assert rows["D"].fitted == pytest.approx(0.189661, abs=2e-6)
    assert rows["A"].fitted == pytest.approx(0.688883, abs=2e-6)
    assert {u.unit: u.grade for u in g.units} == {"C": 3, "A": 2, "F": 2, "B": 2, "E": 2, "D": 2}
    # four levels: Probit cuts 3.5, 5, 6.5 → RSR cuts 0.052247, 0.439272, 0.826298
    g4 = rsr_grading(UNITS, RSR, 4)
    assert g4.cuts == pytest.approx((0.052247, 0.439272, 0.826298), abs=2e-6)
    assert {u.unit: u.grade for u in g4.units} == {"C": 4, "A": 3, "F": 3, "B": 2, "E": 2, "D": 2}
    assert [g4.level_name(u.grade, "zh") for u in g4.units] == ["上", "中上", "中上", "中下", "中下", "中下"]


def test_phi_inverse_agrees_with_scipy():
    ps = np.concatenate([np.linspace(1e-6, 1 - 1e-6, 997), [0.001, 0.025, 0.5, 0.975, 0.999]])
    ours = np.array([probit(p) for p in ps])
    assert np.allclose(ours, 5 + norm.ppf(ps), atol=1e-9)


@pytest.mark.parametrize("k, cuts", [(3, [4, 6]), (4, [3.5, 5, 6.5]), (5, [3.2, 4.4, 5.6, 6.8]),
                                     (6, [3, 4, 5, 6, 7]), (10, [2.6, 3.2, 3.8, 4.4, 5, 5.6, 6.2, 6.8, 7.4])])
def test_thresholds_are_2_plus_6i_over_k(k, cuts):
    assert thresholds(k) == pytest.approx(cuts, abs=1e-12)
    g = rsr_grading(UNITS, RSR, k)
    assert g.percentiles == pytest.approx(norm.cdf(np.array(cuts) - 5), abs=1e-12)
    assert len(g.level_rows()) == k
    assert len(level_names(k, "zh")) == k == len(level_names(k, "en"))


def test_level_names():
    assert level_names(3, "zh") == ["下", "中", "上"] and level_names(3, "en") == ["Low", "Middle", "High"]
    assert level_names(4, "zh") == ["下", "中下", "中上", "上"]
    assert level_names(5, "zh") == ["下", "中下", "中", "中上", "上"]
    assert level_names(6, "zh") == [f"第{g}档" for g in range(1, 7)]
    assert level_names(7, "en")[-1] == "Level 7"


def test_level_rows_span_the_cuts():
    g = rsr_grading(UNITS, RSR, 3)
    low, mid, high = g.level_rows()
    assert (low.probit_low, low.probit_high, mid.probit_low, mid.probit_high, high.probit_low, high.probit_high) \
        == (None, 4.0, 4.0, 6.0, 6.0, None)
    assert (low.rsr_high, mid.rsr_low, mid.rsr_high, high.rsr_low) == (g.cuts[0], g.cuts[0], g.cuts[1], g.cuts[1])


@pytest.mark.parametrize("levels", [2, 11, 0, -3, 3.5, "4", True])
def test_levels_outside_3_to_10_are_refused_clearly(levels):
    with pytest.raises(RSRGradingError) as e:
        rsr_grading(UNITS, RSR, levels)
    assert "3" in e.value.text("zh") and "10" in e.value.text("zh") and "分档数" in e.value.text("zh")
    assert "from 3 to 10" in e.value.text("en")


def test_fewer_than_three_units_give_no_regression_and_say_so():
    g = rsr_grading(["A", "B"], [0.3, 0.8], 3)
    assert not g.regressed and g.a is None and g.cuts == ()
    assert [u.grade for u in g.units] == [None, None]
    assert [r.f for r in g.table] == [1, 1]  # the table is still there
    assert "至少需要 3 个" in g.note("zh") and "at least 3" in g.note("en")
    assert "No regression" in g.line("en")
    assert rsr_grading([], [], 3).units == ()


def test_all_equal_rsr_give_no_regression_and_say_so():
    g = rsr_grading(UNITS, [0.5] * 6, 3)
    assert not g.regressed and all(u.grade is None for u in g.units)
    assert [(r.f, r.mean_rank, r.percent) for r in g.table] == [(6, 3.5, 3.5 / 6)]
    assert "相同" in g.note("zh")
    assert g.to_dict()["regression"]["a"] is None


def test_two_distinct_values_fit_exactly_without_an_f_test():
    # 0.2 ×2 (R̄ 1.5, p = 1.5/4), 0.8 ×2 (R̄ 3.5, p = 3.5/4): the line passes through both
    g = rsr_grading(list("ABCD"), [0.2, 0.8, 0.2, 0.8], 3)
    assert g.regressed and g.f is None and g.p is None and g.r2 == pytest.approx(1.0)
    x0, x1 = 5 + norm.ppf(1.5 / 4), 5 + norm.ppf(3.5 / 4)
    assert g.b == pytest.approx(0.6 / (x1 - x0), rel=1e-9)
    assert "F" not in g.line("en").split("(")[1].split("no F")[0]
    assert "2 distinct values" in g.note("en")


def test_only_a_percent_of_100_is_corrected():
    # the highest value held by one unit: R̄ = n, p = 100 % → 1 − 1/(4n); held by two: R̄ = n − ½, kept
    one = rsr_grading(list("ABC"), [0.1, 0.5, 0.9], 3)
    assert [r.percent for r in one.table] == pytest.approx([1 / 3, 2 / 3, 1 - 1 / 12])
    two = rsr_grading(list("ABCD"), [0.1, 0.5, 0.9, 0.9], 3)
    assert [r.percent for r in two.table] == pytest.approx([1 / 4, 2 / 4, 3.5 / 4])


def test_units_without_a_score_are_left_out_and_listed():
    g = rsr_grading(UNITS + ["G"], RSR + [float("nan")], 3)
    assert "G" not in [u.unit for u in g.units] and g.missing == ("G",)
    assert g.table == rsr_grading(UNITS, RSR, 3).table  # n = 6: G does not count
    assert "G" in g.note("zh") and "left out" in g.note("en")


def test_values_differing_by_floating_point_noise_tie():
    # 18/30 reached by two sums of weighted ranks: equal to 11 decimals, one value of the table
    a = (10 + 2 + 6) / 30
    b = 10 / 30 + 2 / 30 + 6 / 30 + 1e-16
    g = rsr_grading(["A", "B", "C"], [a, b, 0.1], 3)
    assert [r.f for r in g.table] == [1, 2]
    assert [u.rank for u in g.units] == [1, 1, 3]


def test_a_perfect_line_has_an_infinite_f():
    # RSR exactly linear in Probit: three distinct values on a line
    ps = [1 / 3, 2 / 3, 1 - 1 / 12]
    y = [0.1 + 0.2 * (5 + norm.ppf(p)) for p in ps]
    g = rsr_grading(["A", "B", "C"], y, 3)
    assert g.r2 == pytest.approx(1.0) and math.isinf(g.f) and g.p == 0.0
    assert g.to_dict()["regression"]["F"] is None


# --- properties -------------------------------------------------------------------------------------

rsr_lists = st.lists(st.integers(0, 40).map(lambda v: v / 40), min_size=3, max_size=40)


@settings(max_examples=200, deadline=None)
@given(values=rsr_lists, k=st.integers(3, 10))
def test_grades_are_monotone_in_rsr_and_cuts_increase(values, k):
    units = [f"u{i}" for i in range(len(values))]
    g = rsr_grading(units, values, k)
    if len(set(values)) < 2:
        assert not g.regressed
        return
    assert g.b > 0
    assert all(c1 < c2 for c1, c2 in zip(g.cuts, g.cuts[1:]))
    by_rsr = sorted(g.units, key=lambda u: u.rsr)
    assert all(u.grade <= v.grade for u, v in zip(by_rsr, by_rsr[1:]) if u.rsr <= v.rsr)
    assert all(u.fitted <= v.fitted + 1e-15 for u, v in zip(by_rsr, by_rsr[1:]))
    assert all(1 <= u.grade <= k for u in g.units)
    assert sum(r.f for r in g.table) == len(values) == g.table[-1].cum_f
    assert all(0 < r.percent < 1 for r in g.table)


# --- the node of a result, and the setting ------------------------------------------------------------


def rsr_project(settings_=None):
    fw = [node("IDX", None, aggregation="rsr"), node("P", "IDX", 0.5), node("Q", "IDX", 0.5),
          node("x", "P", 1.0), node("y", "Q", 0.6), node("z", "Q", 0.4)]
    rows = [["A", 1, 5, 2], ["B", 2, 4, 4], ["C", 3, 3, 1], ["D", 4, 2, 5], ["E", 5, 1, 3], ["F", 6, None, None]]
    return make_project(fw, ["unit", "x", "y", "z"], rows, settings_)


def test_grading_for_node_grades_the_node_scores_over_the_scale():
    r = compute(rsr_project())
    assert rsr_nodes(r) == ["IDX"]
    g = grading_for_node(r)
    j = r.plan.codes.index("IDX")
    expected = rsr_grading(r.units, r.scores_array[:, j] / r.settings.scale, 3)
    assert g.node == "IDX" and g.levels == 3
    assert g.units == expected.units and g.table == expected.table and g.cuts == expected.cuts


def test_grading_for_node_takes_the_levels_setting_and_refuses_other_nodes():
    r = compute(rsr_project(Settings(rsr_levels=5)))
    assert grading_for_node(r).levels == 5
    assert grading_for_node(r, "IDX", 4).levels == 4
    with pytest.raises(RSRGradingError) as e:
        grading_for_node(r, "Q")
    assert "arithmetic" in e.value.text("en") and e.value.key == "not_rsr"
    with pytest.raises(RSRGradingError) as e:
        grading_for_node(r, "nope")
    assert e.value.key == "no_node"
    plain = compute(make_project([node("IDX", None), node("x", "IDX", 1.0)], ["unit", "x"], [["A", 1], ["B", 2]]))
    with pytest.raises(RSRGradingError) as e:
        grading_for_node(plain)
    assert e.value.key == "no_rsr_node" and "rsr" in e.value.text("zh")


def test_the_rsr_levels_setting_is_parsed_and_checked():
    problems = ProblemList()
    assert parse_settings([(2, "rsr_levels", 5)], problems).rsr_levels == 5 and not problems.has_errors
    assert parse_settings([(2, "秩和比分档数", "4")], problems).rsr_levels == 4 and not problems.has_errors
    assert Settings().rsr_levels == 3
    for bad in (2, 11, 3.5, "五"):
        problems = ProblemList()
        s = parse_settings([(7, "rsr_levels", bad)], problems, "in.xlsx", "设置")
        assert s.rsr_levels == 3 and problems.has_errors
        p = problems.errors[0]
        assert (p.file, p.sheet, p.row, p.column) == ("in.xlsx", "设置", 7, "value")


def test_the_rsr_levels_setting_round_trips_through_the_project_file(tmp_path):
    from core.files.project_file import load_project, save_project

    save_project(rsr_project(Settings(rsr_levels=6)), tmp_path / "p.cidx")
    assert load_project(tmp_path / "p.cidx").settings.rsr_levels == 6
