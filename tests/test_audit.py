"""The statistical audit (core/analysis/audit.py) against hand computations and a published table."""

import json
import math

import numpy as np
import pytest
from scipy import stats

from core.analysis.audit import audit, audit_matrix, cronbach_alpha, indicator_correlations, standardised_alpha
from core.cli.analysis_commands import cmd_audit, register
from core.cli.commands import CommandParser
from core.pipeline.run import compute
from tests.helpers import make_project, node


def goalpost_project(codes: list[str], rows: list[list]):
    """Indicators under one root with goalposts [0, 100] on a 0–100 scale: normalised = raw value."""
    fw = [node("R", None)] + [node(c, "R", normalization="goalposts", mn=0, mx=100) for c in codes]
    return make_project(fw, ["城市", *codes], rows)


# --- a small matrix by hand --------------------------------------------------------------------------
#
#        x1  x2  x3
#   U1    1   2   2
#   U2    2   1   6
#   U3    3   4   4
#   U4    4   3   8
#   U5    5   5   —      (x3 missing: U5 takes part in pairwise correlations only)
#
# Complete units U1–U4 (listwise), means 2.5, 2.5, 5:
#   deviations x1: -1.5 -0.5  0.5  1.5     Σd² = 2.25+0.25+0.25+2.25 = 5   -> var 5/3
#              x2: -0.5 -1.5  1.5  0.5     Σd² = 5                          -> var 5/3
#              x3: -3    1   -1    3       Σd² = 9+1+1+9 = 20               -> var 20/3
#   cov12 = (0.75+0.75+0.75+0.75)/3 = 1 ;  cov13 = (4.5-0.5-0.5+4.5)/3 = 8/3 ;  cov23 = (1.5-1.5-1.5+1.5)/3 = 0
#   r12 = 1/(5/3) = 0.6 ; r13 = (8/3)/sqrt(5/3 · 20/3) = (8/3)/(10/3) = 0.8 ; r23 = 0
#   row sums 5, 9, 11, 15 (mean 10, deviations -5 -1 1 5, Σd² = 52) -> total var 52/3
#     (= 5/3 + 5/3 + 20/3 + 2·(1 + 8/3 + 0) = 30/3 + 22/3)
#   alpha = 3/2 · (1 - (30/3)/(52/3)) = 3/2 · 22/52 = 33/52 = 0.634615…
#   r̄ = (0.6 + 0.8 + 0)/3 = 1.4/3 ; standardised = 3·r̄/(1 + 2·r̄) = 1.4/(1 + 2.8/3) = 4.2/5.8 = 21/29
#   if deleted:  x1 -> {x2, x3}: vars 5/3 + 20/3, cov 0, total 25/3 -> 2·(1 - 1) = 0 ; std: r = 0 -> 0
#                x2 -> {x1, x3}: total 25/3 + 2·8/3 = 41/3 -> 2·(1 - 25/41) = 32/41 ; std: 2·0.8/1.8 = 8/9
#                x3 -> {x1, x2}: total 10/3 + 2 = 16/3 -> 2·(1 - 10/16) = 3/4 ; std: 2·0.6/1.6 = 3/4
#   correlation matrix [[1, .6, .8], [.6, 1, 0], [.8, 0, 1]]:
#     det(R - λI) = (1-λ)³ - 0.36(1-λ) - 0.64(1-λ) = (1-λ)((1-λ)² - 1) -> λ = 2, 1, 0 ; first share 2/3
# Pairwise r12 over all five units: x1 1..5 (mean 3, d -2 -1 0 1 2, Σd² = 10), x2 (mean 3, d -1 -2 1 0 2,
#   Σd² = 10), Σ d1·d2 = 2 + 2 + 0 + 0 + 4 = 8 -> r12 = 8/10 = 0.8
# The parent (equal weights, mean of the children present): U1–U4 = sums/3, U5 = (5 + 5)/2 = 5,
#   i.e. q/3 with q = 5, 9, 11, 15, 15 (mean 11, d -6 -2 0 4 4, Σd² = 72):
#   r(x1, parent) = Σ d1·dq / sqrt(10·72) = (12 + 2 + 0 + 4 + 8)/sqrt(720) = 26/sqrt(720)
#   r(x2, parent) = (6 + 4 + 0 + 0 + 8)/sqrt(720) = 18/sqrt(720)
#   r(x3, parent) over U1–U4: q 5 9 11 15 (mean 10, d -5 -1 1 5, Σd² = 52), Σ d3·dq = 15 - 1 - 1 + 15 = 28
#     -> 28/sqrt(20·52)

HAND = [["U1", 1, 2, 2], ["U2", 2, 1, 6], ["U3", 3, 4, 4], ["U4", 4, 3, 8], ["U5", 5, 5, None]]


@pytest.fixture(scope="module")
def hand():
    return compute(goalpost_project(["x1", "x2", "x3"], HAND))


def test_normalised_values_are_the_raw_ones(hand):
    assert hand.normalised.loc["U2", "x3"] == 6 and hand.normalised.loc["U5", "x2"] == 5


def test_alpha_by_hand(hand):
    a = audit(hand)["nodes"]["R"]
    assert a["n"] == 4 and a["k"] == 3
    assert a["alpha"] == pytest.approx(33 / 52, abs=1e-12)
    assert a["alpha_standardised"] == pytest.approx(21 / 29, abs=1e-12)


def test_alpha_if_deleted_by_hand(hand):
    aid = audit(hand)["nodes"]["R"]["alpha_if_deleted"]
    assert aid["x1"]["raw"] == pytest.approx(0, abs=1e-12)
    assert aid["x1"]["standardised"] == pytest.approx(0, abs=1e-12)
    assert aid["x2"]["raw"] == pytest.approx(32 / 41, abs=1e-12)
    assert aid["x2"]["standardised"] == pytest.approx(8 / 9, abs=1e-12)
    assert aid["x3"]["raw"] == pytest.approx(3 / 4, abs=1e-12)
    assert aid["x3"]["standardised"] == pytest.approx(3 / 4, abs=1e-12)


def test_eigenvalues_by_hand(hand):
    a = audit(hand)["nodes"]["R"]
    assert a["eigenvalues"] == pytest.approx([2, 1, 0], abs=1e-12)
    assert a["first_share"] == pytest.approx(2 / 3, abs=1e-12)


def test_correlations_pairwise_complete_by_hand(hand):
    a = audit(hand)["nodes"]["R"]
    c = a["correlations"]
    assert c["x1"]["x2"] == pytest.approx(0.8, abs=1e-12)  # five units (pairwise)
    assert c["x1"]["x3"] == pytest.approx(0.8, abs=1e-12)  # four units
    assert c["x2"]["x3"] == pytest.approx(0.0, abs=1e-12)
    assert c["x3"]["x1"] == c["x1"]["x3"] and c["x2"]["x2"] == 1.0
    p = a["corr_with_parent"]
    assert p["x1"] == pytest.approx(26 / math.sqrt(720), abs=1e-12)
    assert p["x2"] == pytest.approx(18 / math.sqrt(720), abs=1e-12)
    assert p["x3"] == pytest.approx(28 / math.sqrt(20 * 52), abs=1e-12)
    assert a["flags"] == {}


def test_flags_negative_weak_and_undefined():
    # parent = a. b = reversed a: r = -1. c: deviations -1 1 0 1 -1 against a's -2 -1 0 1 2:
    # Σ = 2 - 1 + 0 + 1 - 2 = 0 -> r = 0 (weak). d constant: undefined.
    X = np.array([[1, 5, 1, 2], [2, 4, 3, 2], [3, 3, 2, 2], [4, 2, 3, 2], [5, 1, 1, 2]], dtype=float)
    a = audit_matrix(X, ["a", "b", "c", "d"], parent=X[:, 0])
    assert a["flags"] == {"b": "negative", "c": "weak", "d": "undefined"}
    assert a["corr_with_parent"]["b"] == pytest.approx(-1) and a["corr_with_parent"]["c"] == pytest.approx(0)
    # a constant child leaves the standardised alpha and the eigenvalues undefined, not wrong
    assert a["alpha_standardised"] is None and a["eigenvalues"] is None
    assert a["correlations"]["d"]["a"] is None


def test_plain_functions_agree_with_the_formulas():
    X = np.array([[1, 2, 2], [2, 1, 6], [3, 4, 4], [4, 3, 8]], dtype=float)
    assert cronbach_alpha(X) == pytest.approx(33 / 52)
    assert standardised_alpha(np.array([[1, .6, .8], [.6, 1, 0], [.8, 0, 1]])) == pytest.approx(21 / 29)
    assert cronbach_alpha(X[:, :1]) is None


# --- a published table -------------------------------------------------------------------------------
# Daniel J. Denis, "Applied Univariate, Bivariate, and Multivariate Statistics" (Wiley), the section on
# Cronbach's alpha: a five-item test taken by ten persons and its SPSS RELIABILITY output, "Reliability
# Statistics", "Inter-Item Correlation Matrix" and "Item-Total Statistics" (read in the book's online
# text, pages 38-39 of livelib.biz/read_928329). Published to three decimals:
#   Cronbach's alpha 0.633; based on standardized items 0.691;
#   alpha if item deleted: 0.478, 0.476, 0.507, 0.445, 0.824;
#   after removing item 5 the book recomputes alpha 0.824 and, on standardized items, 0.863.

DENIS = [[10, 12, 15, 11, 12], [12, 18, 12, 12, 1], [8, 16, 14, 14, 4], [6, 8, 16, 8, 6], [4, 7, 8, 7, 5],
         [6, 6, 3, 7, 3], [3, 4, 6, 5, 8], [7, 3, 7, 9, 9], [8, 9, 4, 10, 10], [9, 5, 6, 11, 12]]
DENIS_R = [[1.000, 0.679, 0.351, 0.827, 0.022],
           [0.679, 1.000, 0.612, 0.743, -0.463],
           [0.351, 0.612, 1.000, 0.462, -0.129],
           [0.827, 0.743, 0.462, 1.000, -0.011],
           [0.022, -0.463, -0.129, -0.011, 1.000]]


@pytest.fixture(scope="module")
def denis():
    items = [f"Item_{i}" for i in range(1, 6)]
    rows = [[f"P{i + 1}", *r] for i, r in enumerate(DENIS)]
    return audit(compute(goalpost_project(items, rows)))["nodes"]["R"], items


def test_published_alpha(denis):
    a, _ = denis
    assert round(a["alpha"], 3) == 0.633
    assert round(a["alpha_standardised"], 3) == 0.691


def test_published_alpha_if_item_deleted(denis):
    a, items = denis
    assert [round(a["alpha_if_deleted"][i]["raw"], 3) for i in items] == [0.478, 0.476, 0.507, 0.445, 0.824]
    assert round(a["alpha_if_deleted"]["Item_5"]["standardised"], 3) == 0.863


def test_published_correlations(denis):
    a, items = denis
    for i, x in enumerate(items):
        for j, y in enumerate(items):
            assert round(a["correlations"][x][y], 3) == DENIS_R[i][j], (x, y)


def test_eigenvalues_are_those_of_the_published_correlations(denis):
    # independent path: numpy's general eigen-solver on the correlations rebuilt from the data
    a, _ = denis
    R = np.corrcoef(np.array(DENIS, dtype=float), rowvar=False)
    ev = sorted(np.linalg.eigvals(R).real, reverse=True)
    assert a["eigenvalues"] == pytest.approx(ev, abs=1e-10)
    assert sum(a["eigenvalues"]) == pytest.approx(5)
    assert a["first_share"] == pytest.approx(ev[0] / 5)


# --- indicators: the outlier rule's figures -----------------------------------------------------------


def test_indicator_skew_kurtosis_and_verdict():
    skewed = [1, 1, 2, 2, 2, 3, 3, 4, 5, 60]
    flat = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    few = [1, 2, 3] + [None] * 7
    rows = [[f"U{i}", skewed[i], flat[i], few[i]] for i in range(10)]
    fw = [node("R", None), node("s", "R"), node("f", "R"), node("w", "R")]
    r = compute(make_project(fw, ["城市", "s", "f", "w"], rows, allow_errors=False))
    ind = audit(r)["indicators"]
    for code, x in (("s", skewed), ("f", flat)):
        x = np.array(x, dtype=float)
        assert ind[code]["skew"] == pytest.approx(stats.skew(x, bias=False), abs=1e-12)
        assert ind[code]["kurtosis"] == pytest.approx(stats.kurtosis(x, bias=False), abs=1e-12)
    assert ind["s"]["passes"] is False  # skew ≈ 3.1 ≥ 2 and kurtosis ≈ 9.9 ≥ 3.5
    assert ind["f"]["passes"] is True
    assert ind["w"]["passes"] is None and ind["w"]["action"] == "not_tested"


def test_indicator_correlation_heatmap_covers_all_indicators(hand):
    c = indicator_correlations(hand)
    assert list(c.columns) == ["x1", "x2", "x3"] and c.loc["x1", "x2"] == pytest.approx(0.8)


def test_nodes_use_node_scores_as_children():
    fw = [node("R", None), node("A", "R"), node("a1", "A"), node("a2", "A"), node("B", "R"), node("b1", "B")]
    rows = [["X", 1, 4, 3], ["Y", 2, 2, 1], ["Z", 3, 5, 2], ["W", 5, 1, 5]]
    r = compute(make_project(fw, ["城市", "a1", "a2", "b1"], rows))
    a = audit(r)
    sA, sB = r.scores["A"].to_numpy(), r.scores["B"].to_numpy()
    assert a["nodes"]["R"]["correlations"]["A"]["B"] == pytest.approx(np.corrcoef(sA, sB)[0, 1])
    assert set(a["nodes"]) == {"R", "A", "B"}
    assert a["nodes"]["B"]["alpha"] is None and a["nodes"]["B"]["alpha_if_deleted"] == {}


# --- headless command --------------------------------------------------------------------------------


def test_cli_audit_json_shape(tmp_path, capsys):
    p = CommandParser(prog="main.py")
    register(p.add_subparsers(dest="command", parser_class=CommandParser))
    out = tmp_path / "a.json"
    assert cmd_audit(p.parse_args(["audit", "data/sample_ai_cities.xlsx", "--json", str(out), "--lang", "en"])) == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    t = d["nodes"]["T"]
    assert set(t) >= {"alpha", "alpha_standardised", "alpha_if_deleted", "eigenvalues", "first_share",
                      "correlations", "corr_with_parent"}
    assert set(t["alpha_if_deleted"]["T1"]) == {"raw", "standardised"}
    assert t["eigenvalues"] == sorted(t["eigenvalues"], reverse=True)
    assert set(d["indicators"]["T21"]) >= {"skew", "kurtosis", "passes"}
    assert "alpha" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("城市,P11\n北京,abc\n", encoding="utf-8")
    assert cmd_audit(p.parse_args(["audit", str(bad)])) == 1


def test_indicators_enter_with_direction_applied():
    # b is "lower is better" and its raw values fall as a's rise: on the normalised values
    # (what the audit uses for indicator children) the two agree perfectly.
    fw = [node("R", None), node("a", "R"), node("b", "R", direction="-")]
    rows = [["X", 1, 9], ["Y", 2, 7], ["Z", 4, 3], ["W", 5, 1]]
    a = audit(compute(make_project(fw, ["城市", "a", "b"], rows)))["nodes"]["R"]
    assert a["correlations"]["a"]["b"] == pytest.approx(1.0)
    assert a["flags"] == {}
