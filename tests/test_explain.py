"""Contributions (issue 21, point 1): the split of a score difference over children and indicators.

Every split must sum to the difference of the scores the pipeline computed (to 1e-9) for every
aggregation; the arithmetic case is checked against a hand computation."""

import numpy as np
import pytest

from core.analysis.contributions import ExplainError, explain_pair, strengths_weaknesses
from core.model.settings import Settings
from core.pipeline.run import compute
from tests.helpers import load_or_raise, make_project, node

FW = [node("R", None), node("D1", "R", 2), node("a", "D1"), node("b", "D1", direction="-"),
      node("D2", "R", 1), node("c", "D2")]
HDR = ["城市", "region", "a", "b", "c"]
ROWS = [["X", "n", 0, 10, 5], ["Y", "n", 5, 0, 15], ["Z", "s", 10, 5, 10]]


def test_arithmetic_by_hand():
    r = compute(make_project(FW, HDR, ROWS))
    e = explain_pair(r, "Y", "Z")
    # normalised (minmax 0-100): a Y 50 Z 100; b (−) Y 100 Z 50; c Y 100 Z 50
    # effective weights: a 1/3, b 1/3, c 1/3 (D1 2/3 split in two; D2 1/3)
    assert e["indicators"]["a"] == pytest.approx((50 - 100) / 3)
    assert e["indicators"]["b"] == pytest.approx((100 - 50) / 3)
    assert e["indicators"]["c"] == pytest.approx((100 - 50) / 3)
    # children: D1 Y 75 Z 75 -> 0 ; D2 Y 100 Z 50 -> 1/3 × 50
    assert e["children"] == pytest.approx({"D1": 0.0, "D2": 50 / 3})
    assert e["difference"] == pytest.approx(250 / 3 - 200 / 3)
    assert e["node"] == "R" and e["units"] == ["Y", "Z"]


def test_at_an_inner_node():
    r = compute(make_project(FW, HDR, ROWS))
    e = explain_pair(r, "Y", "X", node="D1")
    # D1: X 0 (a 0, b 0), Y 75 (a 50, b 100), weights 1/2 each
    assert e["indicators"] == pytest.approx({"a": 25.0, "b": 50.0})
    assert e["children"] == pytest.approx({"a": 25.0, "b": 50.0})
    assert e["difference"] == pytest.approx(75.0)


def _sums(r, a, b, node=None):
    e = explain_pair(r, a, b, node)
    j = r.plan.codes.index(e["node"])
    S = r.scores_array
    want = S[r.units.index(a), j] - S[r.units.index(b), j]
    assert sum(e["indicators"].values()) == pytest.approx(want, abs=1e-9)
    assert sum(e["children"].values()) == pytest.approx(want, abs=1e-9)
    assert set(e["indicators"]) == set(r.framework.leaves_under(e["node"]))
    return e


@pytest.mark.parametrize("aggregation", ["arithmetic", "geometric", "harmonic"])
@pytest.mark.parametrize("low", [0.0, 1.0])  # low 0 gives zero values: the sequential split
def test_sums_exactly_for_every_aggregation_on_the_sample(aggregation, low):
    p = load_or_raise("data/sample_ai_cities.xlsx")
    r = compute(p.with_settings(p.settings.with_(aggregation=aggregation, minmax_low=low)))
    units = [x["unit"] for x in r.ranking()]
    for a, b in [(units[0], units[1]), (units[5], units[30]), (units[-1], units[2]), (units[7], units[7])]:
        e = _sums(r, a, b)
        for code in e["children"]:
            if not r.framework.is_leaf(code):
                _sums(r, a, b, code)


def test_method_named_per_node():
    p = load_or_raise("data/sample_ai_cities.xlsx")
    r = compute(p.with_settings(p.settings.with_(aggregation="geometric", minmax_low=1.0)))
    u = [x["unit"] for x in r.ranking()]
    assert "LMDI" in explain_pair(r, u[0], u[1])["method"]["AICI"]
    r = compute(p.with_settings(p.settings.with_(aggregation="geometric")))
    e = explain_pair(r, u[0], u[-1])
    assert any("sequential" in m for m in e["method"].values())


def test_missing_child_still_sums():
    rows = [["X", "n", 0, None, 5], ["Y", "n", 5, 0, 15], ["Z", "s", 10, 5, 10]]
    for agg in ("arithmetic", "geometric", "harmonic"):
        r = compute(make_project(FW, HDR, rows, Settings(aggregation=agg, minmax_low=1)))
        _sums(r, "Z", "X")
        _sums(r, "X", "Y")


def test_errors_name_the_problem():
    r = compute(make_project(FW, HDR, ROWS))
    with pytest.raises(ExplainError) as e:
        explain_pair(r, "Y", "Nowhere")
    assert e.value.key == "explain_unknown_unit"
    with pytest.raises(ExplainError) as e:
        explain_pair(r, "Y", "Z", node="a")
    assert e.value.key == "explain_leaf_node"
    with pytest.raises(ExplainError) as e:
        explain_pair(r, "Y", "Z", node="Q")
    assert e.value.key == "explain_unknown_node"


def test_strengths_and_weaknesses():
    # 8 units; U ranks 4th overall but 1st on a and last on c
    hdr = ["城市", "a", "b", "c"]
    rows = [["U", 100, 50, 0], ["A", 90, 90, 90], ["B", 80, 80, 80], ["C", 70, 70, 70],
            ["D", 10, 10, 10], ["E", 5, 5, 5], ["F", 2, 2, 2], ["G", 1, 1, 1]]
    fw = [node("R", None), node("a", "R"), node("b", "R"), node("c", "R")]
    r = compute(make_project(fw, hdr, rows))
    sw = strengths_weaknesses(r, "U")
    rank = int(r.ranks["U"])
    assert sw["rank"] == rank and sw["threshold"] == 2  # a quarter of 8
    assert [s["code"] for s in sw["strengths"]] == ["a"]
    assert sw["strengths"][0]["rank"] == 1 and sw["strengths"][0]["gap"] == rank - 1
    assert [s["code"] for s in sw["weaknesses"]] == ["c"]
    assert sw["weaknesses"][0]["rank"] == 8
    assert not np.isnan(rank)
