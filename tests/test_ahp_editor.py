"""The AHP editor as a user drives it (offscreen): live CR, the inconsistency flag and hints,
applying to the tree as one undoable step."""

import numpy as np
import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QComboBox  # noqa: E402

from core.files.loader import load  # noqa: E402
from core.files.paths import SAMPLE_WORKBOOK  # noqa: E402
from core.weighting.ahp import ahp_weights, consistent_matrix, inconsistency_hints  # noqa: E402


@pytest.fixture
def ctrl(qtbot):
    from gui.controller import Controller
    project, _ = load(SAMPLE_WORKBOOK)
    c = Controller()
    c.set_project(project)
    return c


@pytest.fixture
def editor(ctrl, qtbot):
    from gui.dialogs.ahp_editor import AhpEditor
    d = AhpEditor(ctrl, "T")
    qtbot.addWidget(d)
    return d


def ranking(c):
    return [r["unit"] for r in c.result.ranking()]


def test_starts_from_the_judgements_implied_by_the_current_weights(editor, ctrl):
    local = ctrl.framework.local_weights()
    w = [local[k] for k in editor.codes]
    np.testing.assert_allclose(editor.matrix(), consistent_matrix(w))
    assert editor.result["cr"] == pytest.approx(0.0, abs=1e-12)
    assert not editor.inconsistent
    assert editor.hints == []


def test_entering_a_judgement_updates_cr_at_once(editor, qtbot):
    with qtbot.waitSignal(editor.computed, timeout=1000):
        assert editor.set_judgement(0, 1, 3)
    editor.set_judgement(1, 2, 5)
    A = editor.matrix()
    assert A[0, 1] == 3 and A[1, 0] == pytest.approx(1 / 3) and A[2, 1] == pytest.approx(1 / 5)
    expected = ahp_weights(A, "eigen", "saaty")
    assert editor.result["cr"] == pytest.approx(expected["cr"], abs=1e-12)
    assert editor.cr_label.text() == f"{expected['cr']:.4f}"
    np.testing.assert_allclose(editor.result["weights"], expected["weights"])
    # another method and RI table: recomputed at once as well
    editor.method.setCurrentIndex(editor.method.findData("geometric"))
    editor.ri_table.setCurrentIndex(editor.ri_table.findData("chinese"))
    expected = ahp_weights(A, "geometric", "chinese")
    assert editor.result["cr"] == pytest.approx(expected["cr"], abs=1e-12)


def test_a_judgement_entered_through_the_combo_in_the_table(editor, qtbot):
    """The real path: the view opens the delegate's combo, the user picks '5 — strong importance'."""
    index = editor.model.index(0, 2)
    editor.show()
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    combos = editor.table.viewport().findChildren(QComboBox)
    assert combos, "the cell's editor is a combo"
    combo = combos[-1]
    assert combo.count() == 17
    k = next(i for i in range(combo.count()) if combo.itemData(i) == 5.0)
    assert combo.itemText(k).startswith("5 — ")  # labelled with the verbal scale
    with qtbot.waitSignal(editor.computed, timeout=1000):
        combo.setCurrentIndex(k)
        combo.activated.emit(k)  # committed at once, not only when the editor closes
    A = editor.matrix()
    assert A[0, 2] == 5 and A[2, 0] == pytest.approx(0.2)
    assert editor.result["cr"] == pytest.approx(ahp_weights(A)["cr"], abs=1e-12)
    assert editor.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not editor.model.flags(editor.model.index(2, 0)) & Qt.ItemFlag.ItemIsEditable  # reciprocals: read-only


def test_inconsistent_judgements_show_the_flag_and_a_hint(editor):
    # a cycle: T1 > T2 > T3 > T1
    editor.set_judgement(0, 1, 5)
    editor.set_judgement(1, 2, 5)
    editor.set_judgement(0, 2, 1 / 5)
    A = editor.matrix()
    cr = ahp_weights(A)["cr"]
    assert cr >= 0.10
    assert editor.inconsistent
    assert "0.10" in editor.flag_label.text()
    assert editor.hints, "the judgements most responsible are listed"
    expected = [h for h in inconsistency_hints(A, ahp_weights(A)["weights"], editor.codes, top=3)
                if h["cr_after"] < h["cr_before"]]
    first = editor.hints[0]
    assert (first["row"], first["col"], first["suggested"]) == (expected[0]["row"], expected[0]["col"],
                                                                  expected[0]["suggested"])
    assert editor.hints_table.rowCount() == len(editor.hints)
    assert (first["row"], first["col"]) in editor.model.hinted  # marked in the matrix
    # the button takes the suggestion: CR drops to what the hint promised
    editor.hint_btn.click()
    assert editor.matrix()[first["row"], first["col"]] == pytest.approx(first["suggested"])
    assert editor.result["cr"] == pytest.approx(first["cr_after"], abs=1e-12)
    assert editor.result["cr"] < cr


def test_apply_changes_weights_and_ranking_and_one_undo_takes_both_back(editor, ctrl):
    before_local = dict(ctrl.framework.local_weights())
    before_rank = ranking(ctrl)
    before_scores = ctrl.result.root_scores.copy()
    steps = ctrl.undo_stack.count()
    doc_before = ctrl.document
    editor.set_judgement(0, 1, 9)  # R&D resources dominate
    editor.set_judgement(0, 2, 9)
    editor.set_judgement(0, 3, 9)
    w = editor.result["weights"]
    assert editor.apply()
    ctrl.flush()
    local = ctrl.framework.local_weights()
    for code, x in zip(editor.codes, w):
        assert local[code] == pytest.approx(x, abs=1e-12)
        assert ctrl.framework.nodes[code].weight_source == f"层次分析法（特征向量法），CR = {editor.result['cr']:.3f}"
    assert ranking(ctrl) != before_rank
    assert ctrl.undo_stack.count() == steps + 1  # ONE step
    assert ctrl.ahp_judgements["T"]["matrix"][0][1] == 9
    assert ctrl.weight_notes["T"]["kind"] == "ahp"
    # the judgements went into a new document by the engine's pure edit: the old one is as it was
    assert "T" not in doc_before.ahp_judgements and ctrl.document.ahp_judgements["T"]["matrix"][0][1] == 9
    ctrl.undo_stack.undo()
    ctrl.flush()
    assert ctrl.framework.local_weights() == before_local  # exactly
    assert ranking(ctrl) == before_rank
    np.testing.assert_array_equal(ctrl.result.root_scores, before_scores)


def test_stored_judgements_come_back_when_reopened(editor, ctrl, qtbot):
    from gui.dialogs.ahp_editor import AhpEditor
    editor.set_judgement(0, 1, 3)
    editor.set_judgement(2, 3, 1 / 7)
    editor.method.setCurrentIndex(editor.method.findData("arithmetic"))
    editor.apply()
    again = AhpEditor(ctrl, "T")
    qtbot.addWidget(again)
    np.testing.assert_allclose(again.matrix(), editor.matrix())
    assert again.method_key == "arithmetic"


def test_entry_point_uses_the_parent_of_a_leaf(ctrl, qtbot):
    from gui.dialogs.ahp_editor import open_ahp_editor
    dlg = open_ahp_editor(None, ctrl, "T21")
    qtbot.addWidget(dlg)
    assert dlg.node == "T2" and dlg.codes == ["T21", "T22", "T23", "T24", "T25"]
    dlg.close()


def test_no_tr_leak_in_chinese(ctrl, qtbot):
    """The dialog builds and speaks Chinese when the translator is installed."""
    from PySide6.QtWidgets import QApplication

    from gui.dialogs.ahp_editor import AhpEditor, value_label
    from gui.text.i18n import Languages
    Languages.for_app(QApplication.instance()).set_language("zh")
    d = AhpEditor(ctrl, "T")
    qtbot.addWidget(d)
    assert value_label(3.0) == "3 — 稍微重要"
    assert "应用" in d.buttons.buttons()[0].text() or "应用" in d.buttons.buttons()[-1].text()


def test_the_line_under_the_matrix_follows_the_current_cell_and_its_value(editor, ctrl, qtbot):
    """Issue 16.6: the hint line names the pair of the current cell (moved by keyboard or mouse, i.e. the
    selection model) and the value now in it (picked in the cell's combo, a hint taken, a reset)."""
    from PySide6.QtCore import QItemSelectionModel
    editor.show()
    names = editor.model.names
    sm = editor.table.selectionModel()
    sm.setCurrentIndex(editor.model.index(1, 3), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    text = editor.describe.text()
    assert text.startswith(f"{editor.codes[1]} {names[1]} compared with {editor.codes[3]} {names[3]}")
    assert text.endswith(": 1 — equal importance")
    # the value typed into this cell through its combo: the line says it at once
    index = editor.model.index(1, 3)
    editor.table.edit(index)
    combo = editor.table.viewport().findChildren(QComboBox)[-1]
    k = next(i for i in range(combo.count()) if combo.itemData(i) == 5.0)
    combo.setCurrentIndex(k)
    combo.activated.emit(k)
    assert editor.matrix()[1, 3] == 5
    assert editor.describe.text().endswith(": 5 — strong importance")
    # another cell, in the lower triangle: the pair in order, the value as the upper cell holds it
    sm.setCurrentIndex(editor.model.index(3, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    text = editor.describe.text()
    assert text.startswith(f"{editor.codes[0]} {names[0]} compared with {editor.codes[3]} {names[3]}")
    editor.set_judgement(3, 0, 3)  # T4 three times T1: T1 vs T4 is 1/3
    assert editor.describe.text().endswith(": 1/3 — column: moderate importance")
    # all equal: the line follows the reset, not the value from before it
    editor.reset_to_equal()
    assert "1/3" not in editor.describe.text()
