"""Structural and weight edits of the tree, through the engine's validation."""

import pytest

from core.model.framework import Framework, Node
from core.model.framework_edits import (
    EditRefused,
    add_node,
    move_node,
    remove_node,
    rename_code,
    set_fields,
    set_local_share,
    split_equally,
)


def fw():
    return Framework.build([Node("R"), Node("A", "R"), Node("a1", "A"), Node("a2", "A"), Node("a3", "A"),
                            Node("B", "R"), Node("b1", "B")])


def test_set_local_share_siblings_absorb_in_proportion():
    f = set_local_share(fw(), "a1", 0.5)
    w = f.local_weights()
    # a1 0.5; a2 and a3 had 1/3 each and share the remaining 0.5 equally
    assert w["a1"] == pytest.approx(0.5) and w["a2"] == pytest.approx(0.25) and w["a3"] == pytest.approx(0.25)


def test_locked_sibling_keeps_its_share():
    f = set_local_share(fw(), "a2", 0.2)  # a1 0.4, a2 0.2, a3 0.4
    f = set_local_share(f, "a1", 0.6, locked={"a2"})
    w = f.local_weights()
    assert w["a2"] == pytest.approx(0.2) and w["a1"] == pytest.approx(0.6) and w["a3"] == pytest.approx(0.2)
    # a share larger than what is free is capped: a2 locked at 0.2 leaves at most 0.8
    w = set_local_share(f, "a1", 0.95, locked={"a2"}).local_weights()
    assert w["a1"] == pytest.approx(0.8) and w["a3"] == pytest.approx(0.0)


def test_split_equally():
    f = split_equally(set_local_share(fw(), "a1", 0.9), "A")
    assert f.local_weights()["a1"] == pytest.approx(1 / 3)


def test_add_remove_move_rename():
    f = add_node(fw(), "B", "b2", "新指标")
    assert f.children["B"] == ("b1", "b2")
    f = move_node(f, "b2", "A")
    assert f.children["A"] == ("a1", "a2", "a3", "b2")
    f = rename_code(f, "A", "AA")
    assert f.nodes["a1"].parent == "AA" and "AA" in f.children
    f = remove_node(f, "b2")
    assert "b2" not in f.nodes


@pytest.mark.parametrize("edit", [
    lambda f: move_node(f, "A", "a1"),  # under its own child: a cycle
    lambda f: remove_node(f, "R"),  # the root
    lambda f: remove_node(f, "b1"),  # B would be left empty
    lambda f: add_node(f, "A", "a1"),  # duplicate code
    lambda f: rename_code(f, "a1", "a2"),  # duplicate code
    lambda f: set_fields(f, "b1", normalization="goalposts", min=5.0, max=1.0),  # min >= max
])
def test_breaking_edits_are_refused_with_a_reason(edit):
    before = fw()
    with pytest.raises(EditRefused) as e:
        edit(before)
    assert str(e.value)
    assert before == fw()  # nothing changed


def test_set_expert_scoring_and_back():
    from core.model.framework_edits import set_expert_scoring
    f = fw()
    leaf = "a1"
    out = set_expert_scoring(f, leaf, True, 0, 10, "  10 = 全国领先  ")
    n = out.nodes[leaf]
    assert n.expert_scored and n.scale == (0.0, 10.0) and n.guidance == "10 = 全国领先"
    assert out.nodes[f.root] == f.nodes[f.root]  # nothing else moves
    default = set_expert_scoring(f, leaf, True).nodes[leaf]
    assert default.scale == (0.0, 100.0)
    back = set_expert_scoring(out, leaf, False).nodes[leaf]
    assert (back.scored_by, back.scale_min, back.scale_max, back.guidance) == ("", None, None, "")
    with pytest.raises(EditRefused):
        set_expert_scoring(f, leaf, True, 10, 10)  # an empty scale
    with pytest.raises(EditRefused):
        set_expert_scoring(f, f.root, True, 0, 10)  # only an indicator is scored
