"""The whole pipeline on small projects computed by hand."""

import numpy as np
import pytest

from core.model.settings import Settings
from core.pipeline.run import compute
from tests.helpers import make_project, node

FW = [node("R", None), node("D1", "R", 2), node("a", "D1"), node("b", "D1", direction="-"),
      node("D2", "R", 1), node("c", "D2")]
HDR = ["城市", "region", "a", "b", "c"]
ROWS = [["X", "n", 0, 10, 5], ["Y", "n", 5, 0, 15], ["Z", "s", 10, 5, 10]]


def test_small_index_by_hand():
    r = compute(make_project(FW, HDR, ROWS))
    s = r.scores
    # minmax: a -> X 0, Y 50, Z 100 ; b (direction -, max 10 min 0) -> X 0, Y 100, Z 50
    # c -> X 0, Y 100, Z 50.  D1 = mean(a, b): X 0, Y 75, Z 75 ; D2 = c
    # root weights D1 2/3, D2 1/3: X 0, Y 75*2/3 + 100/3 = 83.33, Z 75*2/3 + 50/3 = 66.67
    assert s.loc["Y", "D1"] == pytest.approx(75)
    assert s.loc["Z", "R"] == pytest.approx(200 / 3)
    assert s.loc["Y", "R"] == pytest.approx(250 / 3)
    assert list(r.ranks) == [3, 1, 2]
    assert r.local["D1"] == pytest.approx(2 / 3) and r.effective["a"] == pytest.approx(1 / 3)
    ranking = r.ranking()
    assert [x["unit"] for x in ranking] == ["Y", "Z", "X"]


def test_missing_child_is_skipped_and_weights_renormalised():
    rows = [["X", "n", 0, None, 5], ["Y", "n", 5, 0, 15], ["Z", "s", 10, 5, 10]]
    r = compute(make_project(FW, HDR, rows))
    # X has no b: D1 = a alone = 0 (1 of 2 children present meets node_min_coverage 0.5)
    assert r.scores.loc["X", "D1"] == 0
    # b's minmax is over Y, Z only: Y 0 -> 100, Z 5 -> 0 ; Z's D1 = (100 + 0)/2 = 50
    assert r.scores.loc["Z", "D1"] == pytest.approx(50)


def test_node_min_coverage_leaves_no_score_and_says_why():
    rows = [["X", "n", None, None, 5], ["Y", "n", 5, 0, 15], ["Z", "s", 10, 5, 10]]
    r = compute(make_project(FW, HDR, rows, Settings(node_min_coverage=0.6)))
    assert np.isnan(r.scores.loc["X", "D1"])
    # root: D2 present, D1 missing -> 1 of 2 < 0.6: no root score, no rank, listed last
    assert np.isnan(r.scores.loc["X", "R"])
    ranking = r.ranking()
    assert ranking[-1]["unit"] == "X" and ranking[-1]["rank"] is None
    why = {(m["unit"], m["code"]): m["reason"] for m in r.missing}
    assert "no child" in why[("X", "D1")]
    assert "1 of 2" in why[("X", "R")]


def test_screened_unit_takes_no_part_in_statistics():
    rows = [["X", "n", 0, 10, 5], ["Y", "n", 5, 0, 15], ["Z", "s", 10, 5, 10],
            ["W", "s", 1000, None, None]]
    r = compute(make_project(FW, HDR, rows, Settings(unit_min_coverage=0.5)))
    assert r.units == ("X", "Y", "Z")
    assert r.excluded[0]["unit"] == "W"
    # W's 1000 must not stretch a's range: Y is still at 50
    assert r.normalised.loc["Y", "a"] == pytest.approx(50)


def test_per_node_methods_override_project_defaults():
    fw = [node("R", None), node("D1", "R", aggregation="geometric"), node("a", "D1"),
          node("b", "D1", normalization="ratio_max"), node("D2", "R"), node("c", "D2")]
    rows = [["X", "n", 0, 10, 5], ["Y", "n", 5, 2, 15], ["Z", "s", 10, 5, 10]]
    r = compute(make_project(fw, HDR, rows, Settings(minmax_low=10)))
    # a minmax with low 10: X 10, Y 55, Z 100 ; b ratio_max: 100, 20, 50
    assert r.normalised["a"].tolist() == pytest.approx([10, 55, 100])
    assert r.normalised["b"].tolist() == pytest.approx([100, 20, 50])
    # D1 geometric, equal weights: sqrt(10*100) = 31.62 for X
    assert r.scores.loc["X", "D1"] == pytest.approx((10 * 100) ** 0.5)
    assert r.steps[5]["methods"]["b"] == "ratio_max"


def test_goalposts_are_transformed_with_the_indicator():
    fw = [node("R", None), node("a", "R", normalization="goalposts", mn=1, mx=1000, transform="log")]
    r = compute(make_project(fw, ["u", "a"], [["X", 10], ["Y", 100], ["Z", 5000]]))
    # log goalposts 0 .. ln 1000; X: ln10/ln1000 = 1/3 ; Z clipped to 100
    assert r.normalised["a"].tolist() == pytest.approx([100 / 3, 200 / 3, 100])


def test_imputation_and_treatment_recorded_in_result():
    fw = [node("R", None), node("a", "R")]
    vals = [1, 2, 3, 4, 5, 6, 7, 8, 60, 100, None]
    rows = [[f"U{i}", v] for i, v in enumerate(vals)]
    s = Settings(imputation="median", outliers="winsorise")
    r = compute(make_project(fw, ["u", "a"], rows, s))
    assert r.imputed[0]["unit"] == "U10" and r.imputed[0]["value"] == 5.5
    assert r.outliers["a"]["action"] == "winsorised"
    assert {(c["unit"], c["old"], c["new"]) for c in r.treated_cells} == {("U9", 100.0, 60.0)}
    assert [st["stage"] for st in r.steps] == ["denominate", "screen", "impute", "treat", "transform",
                                               "normalise", "weights", "aggregate", "rank"]


def test_reweight_equals_full_compute():
    p = make_project(FW, HDR, ROWS)
    r = compute(p)
    fw2 = p.framework.with_weights({"D1": 1, "D2": 3, "a": 0.2, "b": 0.8})
    fast = r.reweight(fw2)
    full = compute(p.with_framework(fw2))
    assert np.allclose(fast.scores_array, full.scores_array, atol=1e-12, equal_nan=True)
    assert fast.normalised is r.normalised  # nothing re-normalised


def test_reweight_records_the_new_weights_in_its_steps(project):
    """After a reweight the result describes itself truly: its "weights" step holds the new
    weights, the same as a full compute with those weights, not the weights it was computed with."""
    r = compute(project)
    fw = project.framework
    new = {"P": 1, "I": 2, "T": 3, "A": 4, "E": 10, "P1": 3, "P2": 1}
    fw2 = fw.with_weights(new)
    # by hand: root children 1:2:3:4:10 of 20; P1:P2 = 3:1; every other family stays equal
    expected_local = {fw.root: 1.0, "P": 0.05, "I": 0.10, "T": 0.15, "A": 0.20, "E": 0.50,
                      "P1": 0.75, "P2": 0.25}
    for kids in fw.children.values():
        for k in kids:
            expected_local.setdefault(k, 1 / len(kids))
    expected_eff = {}
    for c in fw.preorder():
        p = fw.nodes[c].parent
        expected_eff[c] = expected_local[c] * (expected_eff[p] if p else 1.0)
    assert expected_eff["P11"] == pytest.approx(0.05 * 0.75 * 0.5)

    fast = r.reweight(fw2)
    step = next(s for s in fast.steps if s["stage"] == "weights")
    assert step["local"] == pytest.approx(expected_local, abs=1e-15)
    assert step["effective"] == pytest.approx(expected_eff, abs=1e-15)
    full = compute(project.with_framework(fw2))
    assert fast.steps == full.steps
    # the original result still describes the equal weights it was computed with
    old = next(s for s in r.steps if s["stage"] == "weights")
    assert old["local"]["E"] == pytest.approx(1 / 5)
