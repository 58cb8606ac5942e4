"""The outranking matrix, Copeland scores and the Kemeny order, and `python main.py outranking`."""

import itertools
import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from core.analysis.outranking import EXACT_MAX, kemeny, kemeny_exact, kemeny_local, order_score
from core.pipeline.aggregate_matrix import copeland_scores
from tests.test_cli import FW_HEAD, run, write_book


def brute_force(E):
    return max(order_score(E, p) for p in itertools.permutations(range(len(E))))


def random_E(seed, n):
    A = np.random.default_rng(seed).random((n, n))
    return A / (A + A.T)


def test_kemeny_by_hand():
    # the hand case of test_methods_aggregations: e_AB = .6, e_AC = .6, e_BC = 1
    # A,B,C: .6 + .6 + 1 = 2.2; B,A,C: .4 + 1 + .6 = 2.0; A,C,B: .6 + .6 + 0 = 1.2; … A,B,C is best
    E = np.array([[0.5, 0.6, 0.6], [0.4, 0.5, 1.0], [0.4, 0.0, 0.5]])
    k = kemeny(E)
    assert k["order"] == [0, 1, 2] and abs(k["score"] - 2.2) < 1e-12 and k["method"] == "exact"
    # a Condorcet cycle A > B > C > A (0.6 each): the three rotations tie at 1.6, the reverses 1.4
    E = np.array([[0.5, 0.6, 0.4], [0.4, 0.5, 0.6], [0.6, 0.4, 0.5]])
    assert abs(kemeny(E)["score"] - 1.6) < 1e-12
    assert list(copeland_scores(E)) == [0, 0, 0]


@settings(derandomize=True, max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 7))
def test_exact_kemeny_equals_brute_force(seed, n):
    E = random_E(seed, n)
    assert abs(order_score(E, kemeny_exact(E)) - brute_force(E)) < 1e-9


def test_exact_up_to_the_limit_and_local_search_beyond():
    assert EXACT_MAX >= 12
    assert kemeny(random_E(1, 12))["method"] == "exact"
    E = random_E(2, EXACT_MAX + 5)
    k = kemeny(E)
    assert k["method"] == "local_search" and "local optimum" in k["note"]
    assert sorted(k["order"]) == list(range(len(E)))
    cope, borda = copeland_scores(E), E.sum(axis=1)
    start = sorted(range(len(E)), key=lambda i: (-cope[i], -borda[i], i))
    assert k["score"] >= order_score(E, start) - 1e-12
    # a local optimum: no single unit moved anywhere raises the total
    for i in range(len(E)):
        for j in range(len(E)):
            o = list(k["order"])
            o.insert(j, o.pop(i))
            assert order_score(E, o) <= k["score"] + 1e-9


def test_local_search_reaches_the_optimum_from_the_reverse_of_a_transitive_order():
    # e_ab = 1 when a < b: the best order is 0, 1, …, n−1 (score n(n−1)/2); start reversed
    n = 9
    E = np.triu(np.ones((n, n)), 1) + np.eye(n) * 0.5
    o = kemeny_local(E, list(range(n))[::-1])
    assert o == list(range(n)) and order_score(E, o) == n * (n - 1) / 2


# --- the command -----------------------------------------------------------------------------------


def book(tmp_path):
    fw = [FW_HEAD, ["IDX", None, "指数", None, None, None, None, None, None, None],
          ["x", "IDX", "x", 0.6, "+", None, None, None, None, None],
          ["y", "IDX", "y", 0.4, "+", None, None, None, None, None]]
    data = [["unit", "x", "y"], ["A", 100, 0], ["B", 50, 100], ["C", 0, 50]]
    return write_book(tmp_path / "in.xlsx", fw, data)


def test_command_writes_the_matrix_copeland_and_kemeny(tmp_path, capsys):
    out = tmp_path / "o.json"
    assert run("outranking", book(tmp_path), "--json", out, "--lang", "en") == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["node"] == "IDX"
    # min-max keeps the values; e_AB = .6 (x), e_AC = .6, e_BC = 1
    assert d["matrix"] == {"A": {"B": 0.6, "C": 0.6}, "B": {"A": 0.4, "C": 1.0}, "C": {"A": 0.4, "B": 0.0}}
    assert d["copeland"] == {"A": 2, "B": 0, "C": -2}
    assert d["kemeny"]["order"] == ["A", "B", "C"] and d["kemeny"]["method"] == "exact"
    assert abs(d["kemeny"]["score"] - 2.2) < 1e-12
    printed = capsys.readouterr().out
    assert "exact: dynamic programming" in printed and "1. A (Copeland +2)" in printed


def test_command_refuses_a_leaf_or_unknown_node(tmp_path, capsys):
    path = book(tmp_path)
    assert run("outranking", path, "--node", "x") == 2
    assert "是指标" in capsys.readouterr().err
    assert run("outranking", path, "--node", "nope", "--lang", "en") == 2
    assert "no node 'nope'" in capsys.readouterr().err


def test_command_on_the_sample_says_how_the_order_was_found(tmp_path, capsys):
    from core.files.paths import SAMPLE_WORKBOOK
    out = tmp_path / "o.json"
    assert run("outranking", SAMPLE_WORKBOOK, "--json", out) == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    units = list(d["copeland"])
    assert len(units) > EXACT_MAX and d["kemeny"]["method"] == "local_search"
    for a in units:  # e_ab + e_ba = 1
        for b in units:
            if a != b:
                assert abs(d["matrix"][a][b] + d["matrix"][b][a] - 1) < 1e-12
    assert sorted(d["kemeny"]["order"]) == sorted(units)


def test_score_refuses_live_formulas_for_a_method_that_compares_units(tmp_path, capsys):
    fw = [FW_HEAD + ["aggregation"], ["IDX", None, "指数", None, None, None, None, None, None, None, "topsis"],
          ["x", "IDX", "x", 0.6, "+", None, None, None, None, None, None],
          ["y", "IDX", "y", 0.4, "+", None, None, None, None, None, None]]
    path = write_book(tmp_path / "t.xlsx", fw, [["unit", "x", "y"], ["A", 100, 0], ["B", 50, 100]])
    out = tmp_path / "r.xlsx"
    assert run("score", path, "-o", out, "--live-formulas", "--lang", "en") == 2
    assert "IDX topsis" in capsys.readouterr().err and not out.exists()
    assert run("score", path, "-o", out) == 0 and out.exists()  # without live formulas it is written


def test_methods_command_ranks_every_unit_under_each_method(tmp_path, capsys):
    # the hand case: arithmetic A 60 B 70 C 20; topsis A .6 B .625 C .24; grey A 73.3 B 70 C 40;
    # rsr A .733 B .8 C .467; copeland A 100 B 50 C 0; bod A 100 B 100 C 50 (A and B share rank 1)
    out = tmp_path / "m.json"
    assert run("methods", book(tmp_path), "--json", out) == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    expected = {"arithmetic": (2, 1, 3), "topsis": (2, 1, 3), "grey": (1, 2, 3), "rsr": (2, 1, 3),
                "copeland": (1, 2, 3), "bod": (1, 1, 3)}
    for m, (a, b, c) in expected.items():
        assert (d["ranks"]["A"][m], d["ranks"]["B"][m], d["ranks"]["C"][m]) == (a, b, c), m
    assert abs(d["scores"]["A"]["grey"] - 100 * (0.6 + 0.4 / 3)) < 1e-9
    assert "个单位在各聚合方法下的排名" in capsys.readouterr().out


def test_methods_ranks_match_a_full_compute_with_that_method():
    # an independent path: compute() with the method as the project default, on the sample
    from dataclasses import replace

    from core.analysis.method_ranks import ranks_by_method
    from core.files.loader import load
    from core.files.paths import SAMPLE_WORKBOOK
    from core.pipeline.run import compute

    p, _ = load(SAMPLE_WORKBOOK)
    d = ranks_by_method(compute(p), ["arithmetic", "grey", "copeland"])
    for m in ("arithmetic", "grey", "copeland"):
        r = compute(replace(p, settings=p.settings.with_(aggregation=m)))
        assert {u: d["ranks"][u][m] for u in r.units} == {u: int(v) for u, v in r.ranks.items()}
