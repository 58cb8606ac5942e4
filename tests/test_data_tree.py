"""Weights from the data for every node at once, bottom-up (core.weighting.data_tree)."""

import pytest

from core.pipeline.run import compute
from core.weighting.data_methods import data_weights
from core.weighting.data_tree import data_weights_bottom_up
from tests.helpers import make_project, node


def project():
    rows = [node("R", None), node("A", "R"), node("a1", "A"), node("a2", "A"),
            node("B", "R"), node("b1", "B"), node("b2", "B")]
    header = ["unit", "a1", "a2", "b1", "b2"]
    data = [["u1", 1.0, 9.0, 2.0, -1.0], ["u2", 4.0, 7.0, 3.0, 2.0], ["u3", 9.0, 8.0, 7.0, 5.0],
            ["u4", 2.0, 1.0, 4.0, 3.0], ["u5", 6.0, 3.0, 1.0, 4.0]]
    return make_project(rows, header, data)


def test_children_first_and_a_node_the_data_refuse_keeps_its_weights():
    p = project()
    out = data_weights_bottom_up(compute(p), "entropy")
    assert out["order"] == ["A", "B", "R"]
    assert list(out["failed"]) == ["B"] and "negative" in out["failed"]["B"]  # b2 has −1
    assert set(out["weights"]) == {"a1", "a2", "A", "B"}
    # A from its indicators; R from A's and B's scores once A has its new weights (B as it was)
    wa = data_weights(compute(p), "A", "entropy")["weights"]
    fw_a = p.framework.with_weights(wa)
    wr = data_weights(compute(p.with_framework(fw_a)), "R", "entropy")["weights"]
    for k, w in {**wa, **wr}.items():
        assert out["weights"][k] == pytest.approx(w, abs=1e-12)
    # the order matters: R weighted from the scores at the old weights would differ
    stale = data_weights(compute(p), "R", "entropy")["weights"]
    assert abs(stale["A"] - wr["A"]) > 1e-6
    assert out["framework"].local_weights()["a1"] == pytest.approx(wa["a1"], abs=1e-12)


def test_a_min_max_method_weights_every_node():
    out = data_weights_bottom_up(compute(project()), "critic")
    assert out["failed"] == {} and set(out["nodes"]) == {"A", "B", "R"}
    for r in out["nodes"].values():
        assert sum(r["weights"].values()) == pytest.approx(1.0)
