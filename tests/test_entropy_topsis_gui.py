"""熵权TOPSIS in the weights-from-data dialog (issue 20 point 1's last sentence): one choice that sets
the entropy weights of a node's children and the node's aggregation to TOPSIS, as one undoable step.
Opened as a user does: select the node in the tree, Weights → Weights from the data."""

import pytest

pytest.importorskip("pytestqt")

from core.weighting.data_methods import data_weights  # noqa: E402
from gui.dialogs.data_weights_dialog import ENTROPY_TOPSIS, WeightsDialog  # noqa: E402

pytestmark = pytest.mark.gui


def open_dialog(win, qtbot, code):
    win.tree.select_code(code)
    win.act_data_weights.trigger()
    dlg = win.findChild(WeightsDialog)
    assert dlg is not None and dlg.node == code
    return dlg


def test_entropy_topsis_sets_both_and_one_undo_restores_both(sample_window, qtbot):
    win = sample_window
    c = win.controller
    before_weights = {k: (n.weight, n.weight_source) for k, n in c.framework.nodes.items()}
    before_ranks = c.current_ranks()
    assert c.framework.nodes["T"].aggregation == ""
    dlg = open_dialog(win, qtbot, "T")
    texts = [dlg.method_combo.itemText(k) for k in range(dlg.method_combo.count())]
    assert any("熵权TOPSIS" in t for t in texts)  # the choice, in Chinese
    dlg.set_method(ENTROPY_TOPSIS)
    assert not dlg.all_nodes.isEnabled()  # one node at a time
    expected = data_weights(c.result, "T", "entropy")["weights"]  # core.weighting's entropy weights
    steps = c.undo_stack.count()
    assert dlg.apply_btn.isEnabled()
    dlg.apply_btn.click()
    c.flush()
    local = c.framework.local_weights()
    for k, w in expected.items():
        assert local[k] == pytest.approx(w, abs=1e-12)
        assert c.framework.nodes[k].weight_source == "熵权法"
    assert c.framework.nodes["T"].aggregation == "topsis"
    agg = next(s for s in c.result.steps if s["stage"] == "aggregate")
    assert agg["methods"]["T"] == "topsis"  # the scores were recomputed with it
    assert c.undo_stack.count() == steps + 1  # ONE step
    assert c.weight_notes["T"]["method"] == "entropy"
    c.undo_stack.undo()
    c.flush()
    assert c.framework.nodes["T"].aggregation == ""
    assert {k: (n.weight, n.weight_source) for k, n in c.framework.nodes.items()} == before_weights
    assert c.current_ranks() == before_ranks
    c.undo_stack.redo()
    c.flush()
    assert c.framework.nodes["T"].aggregation == "topsis"
    dlg.close()


def test_plain_entropy_leaves_the_method_alone(sample_window, qtbot):
    c = sample_window.controller
    dlg = open_dialog(sample_window, qtbot, "T")
    dlg.set_method("entropy")
    assert dlg.all_nodes.isEnabled()
    dlg.apply_btn.click()
    c.flush()
    assert c.framework.nodes["T"].aggregation == ""
    dlg.close()
