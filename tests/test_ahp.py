"""AHP: weights, λmax, CI, CR against published worked examples; hints; reading a pairwise sheet.

The published examples print 3 decimals; the tests compare at that precision (abs 5e-4), and to 4
decimals where a 4-decimal figure is published (AHPy's test suite for Saaty's drinks matrix).
"""

import datetime as dt
from fractions import Fraction

import numpy as np
import pytest

from core.model.problems import ProblemList
from core.model.table import Table
from core.weighting.ahp import (
    RI_TABLES,
    SAATY_VALUES,
    ahp_weights,
    consistent_matrix,
    inconsistency_hints,
    parse_judgement,
    parse_pairwise,
    random_index,
    scale_text,
)


def M(*rows: str) -> np.ndarray:
    return np.array([[float(Fraction(x)) for x in r.split()] for r in rows])


# Saaty, T. L. (1990). How to make a decision: The analytic hierarchy process. European Journal of
# Operational Research 48, 9–26. The house example, 8 criteria (size, transportation, neighbourhood,
# age, yard, modern facilities, general condition, financing); published: priorities
# .173 .054 .188 .018 .031 .036 .167 .333, λmax = 9.669, C.I. = 0.238, C.R. = 0.169.
HOUSE = M("1 5 3 7 6 6 1/3 1/4",
          "1/5 1 1/3 5 3 3 1/5 1/7",
          "1/3 3 1 6 3 4 6 1/5",
          "1/7 1/5 1/6 1 1/3 1/4 1/7 1/8",
          "1/6 1/3 1/3 3 1 1/2 1/5 1/6",
          "1/6 1/3 1/4 4 2 1 1/5 1/6",
          "3 5 1/6 7 5 5 1 1/2",
          "4 7 5 8 6 6 2 1")


def test_saaty_1990_house_example():
    r = ahp_weights(HOUSE)
    assert r["weights"] == pytest.approx([.173, .054, .188, .018, .031, .036, .167, .333], abs=5e-4)
    assert r["lambda_max"] == pytest.approx(9.669, abs=5e-4)
    assert r["ci"] == pytest.approx(0.238, abs=5e-4)
    assert r["ri"] == 1.41
    assert r["cr"] == pytest.approx(0.169, abs=5e-4)
    assert r["consistent"] is False  # CR ≥ 0.10 is flagged


# Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services Sciences
# 1(1), 83–98: relative consumption of drinks in the USA. Published: coffee .177, wine .019, tea .042,
# beer .116, sodas .190, milk .129, water .327; C.R. = .022. The 4-decimal eigenvector
# (.1775 .0191 .0418 .1164 .1896 .1288 .3268) is AHPy's (P. Griffith, tests/test_ahp.py,
# test_drinks_weights_precision_4_dd) for the same matrix.
DRINKS = ["coffee", "wine", "tea", "beer", "soda", "milk", "water"]
DRINKS_M = M("1 9 5 2 1 1 1/2",
             "1/9 1 1/3 1/9 1/9 1/9 1/9",
             "1/5 3 1 1/3 1/4 1/3 1/9",
             "1/2 9 3 1 1/2 1 1/3",
             "1 9 4 2 1 2 1/2",
             "1 9 3 1 1/2 1 1/3",
             "2 9 9 3 2 3 1")


def test_saaty_2008_drinks_example():
    r = ahp_weights(DRINKS_M)
    assert r["weights"] == pytest.approx([.177, .019, .042, .116, .190, .129, .327], abs=5e-4)
    assert r["weights"] == pytest.approx([.1775, .0191, .0418, .1164, .1896, .1288, .3268], abs=5e-5)
    assert r["cr"] == pytest.approx(0.022, abs=5e-4)
    assert r["consistent"] is True


@pytest.mark.parametrize("w", [[0.5, 0.25, 0.125, 0.125], [0.1, 0.2, 0.3, 0.4],
                               [0.6, 0.4], [0.07, 0.13, 0.2, 0.25, 0.35]])
def test_consistent_matrix_all_methods_give_the_generating_weights(w):
    w = np.array(w) / np.sum(w)
    A = consistent_matrix(w)
    for method in ("eigen", "geometric", "arithmetic"):
        r = ahp_weights(A, method)
        assert r["weights"] == pytest.approx(w, abs=1e-12), method
        assert r["lambda_max"] == pytest.approx(len(w), abs=1e-9)
        assert r["ci"] == pytest.approx(0.0, abs=1e-9)
        assert r["cr"] == pytest.approx(0.0, abs=1e-9)
        assert r["consistent"] is True


def test_geometric_and_arithmetic_by_hand():
    # A = [[1, 2, 4], [1/2, 1, 3], [1/4, 1/3, 1]] (not consistent: 2·3 ≠ 4)
    A = M("1 2 4", "1/2 1 3", "1/4 1/3 1")
    # 根法: row geometric means (8)^(1/3) = 2, (3/2)^(1/3) = 1.144714, (1/12)^(1/3) = 0.436790;
    # sum 3.581504 → 0.558425, 0.319619, 0.121956
    g = [2.0, 1.5 ** (1 / 3), (1 / 12) ** (1 / 3)]
    assert ahp_weights(A, "geometric")["weights"] == pytest.approx([x / sum(g) for x in g], abs=1e-12)
    # 和法: column sums 7/4, 10/3, 8; normalised columns averaged by row:
    # row 1: (4/7 + 3/5 + 1/2)/3, row 2: (2/7 + 3/10 + 3/8)/3, row 3: (1/7 + 1/10 + 1/8)/3
    a = [(4 / 7 + 3 / 5 + 1 / 2) / 3, (2 / 7 + 3 / 10 + 3 / 8) / 3, (1 / 7 + 1 / 10 + 1 / 8) / 3]
    r = ahp_weights(A, "arithmetic")
    assert r["weights"] == pytest.approx(a, abs=1e-12)
    # λmax = mean of (Aw)ᵢ/wᵢ for these weights; CI = (λ − 3)/2; CR = CI/0.58
    Aw = [sum(A[i, j] * a[j] for j in range(3)) for i in range(3)]
    lam = sum(Aw[i] / a[i] for i in range(3)) / 3
    assert r["lambda_max"] == pytest.approx(lam, abs=1e-12)
    assert r["cr"] == pytest.approx((lam - 3) / 2 / 0.58, abs=1e-12)


def test_random_index_tables():
    assert [random_index(n) for n in range(3, 11)] == [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]
    assert [random_index(n, "chinese") for n in range(3, 16)] == [
        0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]
    assert random_index(2) == random_index(1) == 0.0
    assert random_index(11) is None  # beyond Saaty's table
    assert set(RI_TABLES) == {"saaty", "chinese", "donegan_dodd", "saaty2005"}
    with pytest.raises(ValueError):
        random_index(4, "nonsense")


def test_cr_with_chinese_table_and_beyond_the_table():
    r = ahp_weights(DRINKS_M, ri_table="chinese")
    assert r["ri"] == 1.36
    assert r["cr"] == pytest.approx(r["ci"] / 1.36)
    big = consistent_matrix(np.arange(1, 12, dtype=float))
    big[0, 1], big[1, 0] = 3.0, 1 / 3.0
    r = ahp_weights(big)  # n = 11: no RI in Saaty's table
    assert r["cr"] is None and r["consistent"] is None
    assert ahp_weights(big, ri_table="chinese")["cr"] is not None
    two = ahp_weights(M("1 7", "1/7 1"))
    assert two["weights"] == pytest.approx([7 / 8, 1 / 8])
    assert two["cr"] == 0.0 and two["ci"] == pytest.approx(0.0, abs=1e-12)


def test_bad_matrices_are_refused():
    with pytest.raises(ValueError, match="square"):
        ahp_weights(np.ones((2, 3)))
    with pytest.raises(ValueError, match="positive"):
        ahp_weights(M("1 0", "1 1"))
    with pytest.raises(ValueError, match="reciprocal"):
        ahp_weights(M("1 3", "3 1"))
    with pytest.raises(ValueError, match="unknown AHP method"):
        ahp_weights(M("1 3", "1/3 1"), "median")


def test_hints_point_at_the_broken_judgement_and_the_value_that_repairs_it():
    w = np.array([0.4, 0.3, 0.2, 0.1])
    A = consistent_matrix(w)  # a₀₃ = 4
    A[0, 3], A[3, 0] = 1 / 5, 5.0  # an expert reversed one judgement
    r = ahp_weights(A)
    assert r["cr"] > 0.10
    hints = inconsistency_hints(A, r["weights"], ["a", "b", "c", "d"])
    top = hints[0]
    assert (top["row_code"], top["col_code"]) == ("a", "d")
    assert top["current"] == pytest.approx(0.2)
    assert top["suggested"] == 4.0 and top["suggested_text"] == "4"
    assert top["cr_after"] == pytest.approx(0.0, abs=1e-9)
    assert top["cr_before"] == pytest.approx(r["cr"])
    devs = [h["deviation"] for h in hints]
    assert devs == sorted(devs, reverse=True)
    assert len(inconsistency_hints(A, top=None)) == 6
    assert inconsistency_hints(M("1 3", "1/3 1")) == []


def test_hint_on_saaty_house_lowers_cr():
    hints = inconsistency_hints(HOUSE, top=3)
    base = ahp_weights(HOUSE)["cr"]
    assert len(hints) == 3
    for h in hints:
        assert h["suggested"] in SAATY_VALUES
        assert h["cr_after"] < base
    # the judgement most at odds with the weights: neighbourhood (3) vs general condition (7) = 6
    assert (hints[0]["row"], hints[0]["col"]) == (2, 6)


def test_scale_text_and_judgements():
    assert [scale_text(v) for v in (3.0, 1 / 3, 1.0, 2.5, 0.333)] == ["3", "1/3", "1", "2.5", "0.333"]
    assert parse_judgement("1/3") == pytest.approx(1 / 3)
    assert parse_judgement("１／５") == pytest.approx(0.2)  # full-width, as typed with a Chinese IME
    assert parse_judgement(" 7 ") == 7.0
    assert parse_judgement(0.5) == 0.5
    assert parse_judgement(None) is None and parse_judgement("  ") is None
    for bad in ("abc", "1/0", True, dt.date(2024, 1, 3)):
        with pytest.raises(ValueError):
            parse_judgement(bad)


# ------------------------------------------------------------------------------ reading a sheet

def sheet(header, rows, name="AHP-P"):
    return Table("in.xlsx", name, list(header), [list(r) for r in rows])


def test_parse_upper_triangle_with_text_fractions():
    t = sheet(["", "a", "b", "c"], [["a", 1, 3, "1/5"], ["b", None, 1, "1/7"], ["c", None, None, 1]])
    pr = ProblemList()
    pw = parse_pairwise(t, "P", ["a", "b", "c"], pr)
    assert not pr.items
    assert pw.matrix == pytest.approx(M("1 3 1/5", "1/3 1 1/7", "5 7 1"))


def test_parse_any_order_lower_triangle_and_notes_below():
    # rows and columns in another order than the framework, the expert filled the lower triangle,
    # and a legend sits below an empty row
    t = sheet(["行 vs 列", "c", "a", "b"],
              [["c", 1, None, None], ["a", "1/5", 1, None], ["b", "1/7", "1/3", 1], [None, None, None, None],
               ["a", "甲"], ["note", "anything"]])
    pr = ProblemList()
    pw = parse_pairwise(t, "P", ["a", "b", "c"], pr)
    assert not pr.items, [p.format() for p in pr]
    assert pw.codes == ("a", "b", "c")
    assert pw.matrix == pytest.approx(M("1 3 1/5", "1/3 1 1/7", "5 7 1"))


def test_parse_both_triangles_reciprocal_within_rounding():
    t = sheet(["", "a", "b"], [["a", 1, 3], ["b", 0.33, 1]])
    pr = ProblemList()
    assert parse_pairwise(t, "P", ["a", "b"], pr).matrix == pytest.approx(M("1 3", "1/3 1"))
    assert not pr.items


def test_parse_empty_sheet_is_not_an_error():
    t = sheet(["", "a", "b"], [["a", 1, None], ["b", None, 1]])
    pr = ProblemList()
    pw = parse_pairwise(t, "P", ["a", "b"], pr)
    assert pw.empty and not pr.items


@pytest.mark.parametrize("cell,kind,ref", [
    (0, "ahp_not_positive", "C2"),
    (-3, "ahp_not_positive", "C2"),
    (12, "ahp_out_of_scale", "C2"),
    ("1/10", "ahp_out_of_scale", "C2"),
    ("many", "ahp_not_a_number", "C2"),
    (dt.datetime(2024, 1, 3), "ahp_not_a_number", "C2"),
])
def test_parse_bad_judgement_names_the_cell(cell, kind, ref):
    t = sheet(["", "a", "b", "c"], [["a", 1, cell, 2], ["b", None, 1, 2], ["c", None, None, 1]])
    pr = ProblemList()
    assert parse_pairwise(t, "P", ["a", "b", "c"], pr, who="expert 李四") is None
    (p,) = pr.errors
    assert p.kind == kind
    assert (p.file, p.sheet, p.row, p.column) == ("in.xlsx", "AHP-P", 2, "b")
    assert ref in p.message and "expert 李四" in p.message
    assert p.value == cell


def test_parse_not_reciprocal_names_the_lower_cell():
    t = sheet(["", "a", "b", "c"], [["a", 1, 3, 2], ["b", 3, 1, 2], ["c", None, None, 1]])
    pr = ProblemList()
    assert parse_pairwise(t, "P", ["a", "b", "c"], pr) is None
    (p,) = pr.errors
    assert p.kind == "ahp_not_reciprocal"
    assert (p.row, p.column, p.value) == (3, "a", 3.0)
    assert "C2" in p.message and "B3" in p.message


def test_parse_structure_problems():
    pr = ProblemList()
    t = sheet(["", "a", "x"], [["a", 1, 3], ["x", None, 1]])
    assert parse_pairwise(t, "P", ["a", "b"], pr) is None
    kinds = sorted(p.kind for p in pr.errors)
    assert kinds == ["ahp_missing_code", "ahp_missing_code", "ahp_unknown_code", "ahp_unknown_code"]
    unknown = [p for p in pr.errors if p.kind == "ahp_unknown_code"]
    assert {(p.row, p.value) for p in unknown} == {(1, "x"), (3, "x")}
    pr = ProblemList()
    t = sheet(["", "a", "b", "c"], [["a", 1, 3, None], ["b", None, 2, 2], ["c", None, None, 1]])
    assert parse_pairwise(t, "P", ["a", "b", "c"], pr) is None
    kinds = sorted(p.kind for p in pr.errors)
    assert kinds == ["ahp_diagonal"]
    pr = ProblemList()
    t = sheet(["", "a", "b", "c"], [["a", 1, 3, None], ["b", None, 1, 2], ["c", None, None, 1]])
    assert parse_pairwise(t, "P", ["a", "b", "c"], pr) is None
    (p,) = pr.errors
    assert p.kind == "ahp_missing" and "D2" in p.message and (p.row, p.column) == (2, "c")
