"""The weight tree: the item model over the controller, its editors and the panel.

A tree edit is tested the three ways of STYLE.md: the pure edits (test_framework_edits.py),
`model.setData` inside `waitSignal(model.dataChanged)`, and a real edit through
the view's editor (`view.edit`, set the value, `commitData`, `closeEditor`).
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QDoubleSpinBox  # noqa: E402

from core.files.loader import load  # noqa: E402
from core.files.paths import SAMPLE_WORKBOOK  # noqa: E402
from core.model import framework_edits as edits  # noqa: E402
from core.model.framework import Node  # noqa: E402
from core.pipeline.run import compute  # noqa: E402
from gui.controller import Controller  # noqa: E402
from gui.models.tree_model import (  # noqa: E402
    COL_DIRECTION,
    COL_LOCKED,
    COL_NAME,
    COL_NORMALISATION,
    COL_WEIGHT,
    CodeRole,
    IndicatorTreeModel,
    NodeRole,
)
from gui.panels.tree_panel import SLIDER_STEPS, TreePanel  # noqa: E402
from gui.text.labels import method_label

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def project():
    p, problems = load(SAMPLE_WORKBOOK)
    assert p is not None and not problems.has_errors
    return p


@pytest.fixture
def controller(qapp, project):
    c = Controller()
    c.set_project(project)
    yield c
    c.deleteLater()


@pytest.fixture
def model(controller):
    return IndicatorTreeModel(controller)


@pytest.fixture
def panel(qtbot, controller):
    w = TreePanel(controller)
    qtbot.addWidget(w)
    w.resize(700, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def local(controller) -> dict[str, float]:
    return controller.framework.local_weights()


def ranks(ranking: list[dict]) -> list[tuple[str, int | None]]:
    return [(r["unit"], r["rank"]) for r in ranking]


def close_editor(view, col: int, editor) -> None:
    delegate = view.itemDelegateForColumn(col)
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


# --- the model -----------------------------------------------------------------------------
@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_model_passes_qt_model_tester(qtmodeltester, qtlog, model, controller, force_py):
    qtmodeltester.check(model, force_py=force_py)
    # the tester stays attached: value edits, structural edits and undo keep the model consistent
    model.setData(model.index_of("T2", COL_WEIGHT), 40.0)
    # a new leaf needs a data column: take one out and put it back elsewhere
    assert controller.structural_edit("remove", edits.remove_node, "T13") is None
    assert controller.structural_edit("add", edits.add_node, "T4", "T13", name_zh="平台") is None
    controller.set_locked("T1", True)
    for _ in range(3):
        controller.undo_stack.undo()
    controller.flush()
    # Qt's tester reports as warnings: there must be none
    assert not [r.message for r in qtlog.records if "FAIL" in r.message or "ModelTester" in r.message]


def test_model_maps_rows_to_codes_without_copying_nodes(model, controller):
    fw = controller.framework
    assert model.rowCount() == 1
    root = model.index(0, 0)
    assert root.data(CodeRole) == fw.root
    assert root.data(NodeRole) is fw.nodes[fw.root]
    assert [model.index(r, 0, root).data(CodeRole) for r in range(model.rowCount(root))] == list(fw.children[fw.root])
    t2 = model.index_of("T2", COL_WEIGHT)
    assert t2.data() == "25.0 %"
    assert t2.data(Qt.ItemDataRole.EditRole) == pytest.approx(25.0)
    assert isinstance(t2.data(NodeRole), Node)
    assert model.index_of("T21", COL_DIRECTION).data() == "+"
    assert model.index_of("T2", COL_DIRECTION).data() is None  # internal nodes have no direction
    # the inherited normalisation shows the value, in italic, and edits as ''
    norm = model.index_of("T21", COL_NORMALISATION)
    assert norm.data() == method_label(controller.settings.normalization)  # shown by its translated name
    assert norm.data(Qt.ItemDataRole.EditRole) == ""
    assert norm.data(Qt.ItemDataRole.FontRole).italic()
    assert model.index_of("T", COL_NAME).data(Qt.ItemDataRole.FontRole).bold()
    assert "Web of Science" in model.index_of("T21", COL_NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(COL_WEIGHT, Qt.Orientation.Horizontal) == "Weight"


def test_set_weight_through_the_model(qtbot, model, controller):
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        assert model.setData(model.index_of("T2", COL_WEIGHT), 40.0)
    shares = local(controller)
    assert shares["T2"] == pytest.approx(0.40)
    for sibling in ("T1", "T3", "T4"):  # equal before, so they share the rest equally
        assert shares[sibling] == pytest.approx(0.20)
    assert sum(shares[c] for c in controller.framework.children["T"]) == pytest.approx(1.0)
    # the model shows the new framework at once (set_share is synchronous through the undo stack)
    assert model.index_of("T2", COL_WEIGHT).data() == "40.0 %"
    assert model.index_of("T1", COL_WEIGHT).data() == "20.0 %"


def test_value_edit_is_data_changed_structural_edit_is_reset(qtbot, model, controller):
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        controller.split_equally("A2")
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.setData(model.index_of("T21", COL_NORMALISATION), "zscore")
    assert controller.framework.nodes["T21"].normalization == "zscore"
    assert not resets
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        assert controller.structural_edit("remove", edits.remove_node, "T13") is None
    assert not model.index_of("T13").isValid()
    assert model.rowCount(model.index_of("T1")) == 2
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        controller.undo_stack.undo()
    assert model.rowCount(model.index_of("T1")) == 3


def test_name_direction_and_lock_cells(qtbot, model, controller):
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        assert model.setData(model.index_of("T21", COL_NAME), "论文")
    assert controller.framework.nodes["T21"].name_zh == "论文"
    assert model.setData(model.index_of("T21", COL_DIRECTION), -1)
    assert controller.framework.nodes["T21"].direction == -1
    assert model.index_of("T21", COL_DIRECTION).data() == "\u2212"
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        assert model.setData(model.index_of("T2", COL_LOCKED), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert "T2" in controller.locked
    assert model.index_of("T2", COL_LOCKED).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # a refused method edit changes nothing and says why
    fw = controller.framework
    with qtbot.waitSignal(model.edit_refused, timeout=1000):
        assert not model.setData(model.index_of("T2", COL_NORMALISATION), "target")
    assert controller.framework is fw


def test_retranslate_reemits_headers(qtbot, model):
    with qtbot.waitSignal(model.headerDataChanged, timeout=1000):
        model.retranslate()


# --- through the view's editors --------------------------------------------------------------
def test_weight_edit_through_the_view_editor(qtbot, panel, controller):
    view = panel.view
    index = panel.model.index_of("T2", COL_WEIGHT)
    panel.select("T2")
    view.edit(index)
    editor = view.findChild(QDoubleSpinBox)
    assert editor is not None
    assert editor.value() == pytest.approx(25.0)
    assert (editor.minimum(), editor.maximum(), editor.decimals()) == (0.0, 100.0, 1)
    editor.setValue(10.0)
    with qtbot.waitSignal(panel.model.dataChanged, timeout=1000):
        close_editor(view, COL_WEIGHT, editor)
    assert local(controller)["T2"] == pytest.approx(0.10)
    assert local(controller)["T1"] == pytest.approx(0.30)

    # the recompute follows: the same ranking as the engine on the same framework
    controller.flush()
    engine = compute(controller.project).ranking()
    live = controller.result.ranking()
    assert ranks(live) == ranks(engine)
    assert [r["score"] for r in live] == pytest.approx([r["score"] for r in engine])


def test_direction_edit_through_the_combo(qtbot, panel, controller):
    view = panel.view
    panel.select("T21")
    index = panel.model.index_of("T21", COL_DIRECTION)
    view.edit(index)
    combo = view.findChild(QComboBox)
    assert combo is not None
    assert combo.currentData() == 1
    combo.setCurrentIndex(combo.findData(-1))
    close_editor(view, COL_DIRECTION, combo)
    assert controller.framework.nodes["T21"].direction == -1


def test_undo_restores_the_ranking_exactly(qtbot, panel, controller):
    before = controller.result.ranking()
    panel.model.setData(panel.model.index_of("E", COL_WEIGHT), 60.0)
    controller.flush()
    assert controller.result.ranking() != before
    controller.undo_stack.undo()
    controller.flush()
    assert controller.result.ranking() == before
    assert local(controller)["E"] == pytest.approx(0.2)
    assert panel.model.index_of("E", COL_WEIGHT).data() == "20.0 %"


# --- the panel ---------------------------------------------------------------------------------
def test_breaking_structural_edits_are_refused(qtbot, panel, controller):
    fw = controller.framework
    steps = controller.undo_stack.count()
    with qtbot.waitSignal(controller.status, timeout=1000) as status:
        refused = panel.move_to("P", "P1")  # under its own child
    assert refused is not None
    assert "Refused" in status.args[0] or "拒绝" in status.args[0]
    # the reason in the window's language (issue 16.4), not the engine's English
    assert refused.errors[0].text(controller.language) in status.args[0]
    assert controller.framework is fw
    assert not panel.banner.isHidden()
    assert "P1" in panel.banner_text
    assert panel.remove("AICI") is not None  # the root
    assert controller.framework is fw
    assert "root" in panel.banner_text
    assert controller.undo_stack.count() == steps
    # a leaf without a data column is refused too
    assert panel.add_child("T4", "T42", "新指标") is not None
    assert "T42" in panel.banner_text and controller.framework is fw
    # the next accepted edit clears the banner
    assert panel.remove("T13") is None
    assert panel.banner_text == ""


def test_structural_actions_use_injectable_dialogs(qtbot, panel, controller, monkeypatch):
    panel.select("T13")
    panel.act_remove.trigger()
    assert "T13" not in controller.framework.nodes
    assert panel.current_code() == "T1"  # the view goes to the parent

    # a new leaf needs a data column: the sample's data sheet still has T13
    answers = iter(["T13", "平台"])
    monkeypatch.setattr(panel, "ask_text", lambda *a, **k: next(answers))
    panel.select("T4")
    panel.act_add.trigger()
    assert controller.framework.nodes["T13"].parent == "T4"
    assert controller.framework.nodes["T13"].name_zh == "平台"
    assert panel.current_code() == "T13"  # the view follows the new node

    panel.select("T4")
    monkeypatch.setattr(panel, "ask_text", lambda *a, **k: "T5")
    panel.act_rename.trigger()
    assert "T5" in controller.framework.nodes and "T4" not in controller.framework.nodes
    assert controller.framework.nodes["T13"].parent == "T5"

    panel.select("T13")
    targets = panel.move_targets("T13")
    assert "T5" not in targets and "T3" in targets and "T13" not in targets
    monkeypatch.setattr(panel, "ask_choice", lambda title, label, items, current=0:
                        next(i for i in items if i.strip().startswith("T3 ")))
    panel.act_move.trigger()
    assert controller.framework.nodes["T13"].parent == "T3"
    assert panel.banner_text == ""
    # a cancelled dialog does nothing
    monkeypatch.setattr(panel, "ask_text", lambda *a, **k: None)
    steps = controller.undo_stack.count()
    panel.act_rename.trigger()
    assert controller.undo_stack.count() == steps


def test_locked_sibling_keeps_its_share(qtbot, panel, controller):
    model = panel.model
    model.setData(model.index_of("T2", COL_LOCKED), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index_of("T1", COL_WEIGHT), 40.0)
    shares = local(controller)
    assert shares["T2"] == pytest.approx(0.25)
    assert shares["T1"] == pytest.approx(0.40)
    assert shares["T3"] == pytest.approx(0.175) and shares["T4"] == pytest.approx(0.175)
    assert not model.setData(model.index_of("T2", COL_WEIGHT), 10.0)  # unlock to edit
    assert local(controller)["T2"] == pytest.approx(0.25)
    panel.select("T2")
    assert panel.act_lock.isChecked()
    assert not panel.slider.isEnabled()  # a locked weight does not move
    panel.toggle_lock("T2")
    assert "T2" not in controller.locked


def test_weight_actions(qtbot, panel, controller):
    panel.set_share("T1", 0.7)
    panel.select("T")
    panel.act_split.trigger()  # the children of the selected node
    assert local(controller)["T1"] == pytest.approx(0.25)
    controller.set_share("T11", 0.5)
    panel.select("T11")  # a leaf: its group of siblings
    panel.act_reset.trigger()
    assert local(controller)["T11"] == pytest.approx(1 / 3)
    panel.act_lock.trigger()
    assert "T11" in controller.locked
    assert panel.act_lock.text() == "Unlock weight"


def test_quick_slider_moves_make_one_recompute_and_one_undo_step(qtbot, panel, controller):
    panel.select("T1")
    controller.flush()  # the selection's pending recompute done now: nothing left to wait for
    count, steps = controller.recompute_count, controller.undo_stack.count()
    assert panel.slider.value() == round(0.25 * SLIDER_STEPS)
    with qtbot.waitSignal(controller.result_changed, timeout=2000):  # the coalesced recompute
        for v in (300, 350, 400, 450, 500):
            panel.slider.setValue(v)
    assert controller.recompute_count == count + 1
    assert controller.undo_stack.count() == steps + 1
    assert local(controller)["T1"] == pytest.approx(0.5)
    assert panel.slider_value.text() == "50.0 %"
    controller.undo_stack.undo()
    assert local(controller)["T1"] == pytest.approx(0.25)
    assert panel.slider.value() == 250  # pushed back from the model without a new edit
    assert controller.undo_stack.index() == steps


def test_slider_follows_selection_without_editing(qtbot, panel, controller):
    steps = controller.undo_stack.count()
    with qtbot.assertNotEmitted(controller.framework_changed):
        panel.select("P1")
        panel.select("I2")
    assert panel.slider.value() == round(SLIDER_STEPS / 3)
    assert controller.undo_stack.count() == steps
    panel.select("AICI")
    assert not panel.slider.isEnabled()  # the root has no siblings


def test_panel_renders(qtbot, panel, tmp_path):
    panel.select("T22")
    panel.move_to("T", "T1")
    pixmap = panel.grab()
    assert pixmap.width() == 700 and pixmap.height() == 600
    assert pixmap.save(str(tmp_path / "tree.png"))


def test_an_indicator_set_as_expert_scored_from_the_context_menu(qtbot, panel, controller, monkeypatch):
    """Issue 16.11: the tree's context menu makes an indicator scored by an expert panel (scale and
    guidance) as ONE undoable step recorded in the history; undo gives the statistic back."""
    from PySide6.QtWidgets import QDialog

    from gui.dialogs.expert_scoring import ExpertScoringDialog

    seen = {}

    def answer(dlg):  # the user ticks the box, types a 0–10 scale and the guidance, and presses OK
        seen["start"] = (dlg.expert.isChecked(), dlg.scale_min.value(), dlg.scale_max.value())
        dlg.expert.setChecked(True)
        dlg.scale_min.setValue(0)
        dlg.scale_max.setValue(10)
        dlg.guidance.setPlainText("10 = 场景丰富、全国领先；0 = 尚无应用")
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
        return dlg.result()

    monkeypatch.setattr(ExpertScoringDialog, "exec", answer)
    before = controller.framework.nodes["T13"]
    assert not before.expert_scored
    steps, entries = controller.undo_stack.count(), len(controller.history.entries)
    panel.select("T13")
    menu = panel.build_context_menu()
    action = next(a for a in menu.actions() if a is panel.act_expert)
    assert action.isEnabled()
    action.trigger()
    assert seen["start"] == (False, 0.0, 100.0)
    node = controller.framework.nodes["T13"]
    assert node.scored_by == "expert" and node.scale == (0.0, 10.0)
    assert node.guidance == "10 = 场景丰富、全国领先；0 = 尚无应用"
    assert controller.undo_stack.count() == steps + 1
    assert len(controller.history.entries) == entries + 1
    assert "scored_by" in str(controller.history.entries[-1].changes)
    # the project as saved says so (the framework sheet's columns)
    assert controller.project.framework.nodes["T13"].expert_scored
    controller.undo_stack.undo()
    assert controller.framework.nodes["T13"] == before
    # a branch cannot be scored by experts: the action is off there
    panel.select("T1")
    assert not panel.act_expert.isEnabled()
    # a cancelled dialog changes nothing
    monkeypatch.setattr(ExpertScoringDialog, "exec", lambda dlg: QDialog.DialogCode.Rejected)
    panel.select("T13")
    steps = controller.undo_stack.count()
    panel.act_expert.trigger()
    assert controller.undo_stack.count() == steps and not controller.framework.nodes["T13"].expert_scored
