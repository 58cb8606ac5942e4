"""The expert score sheets dialog: write, import (a broken sheet listed, the others merged), apply."""

import json

import numpy as np
import pytest

from core.files.loader import load

from .score_sheet_helpers import SF_EXPERTS, SF_TARGETS, fill, sf_scores, write_input

pytestmark = pytest.mark.gui

SF_TRIMMED = dict(zip(SF_TARGETS, [6.5, 2.5, 7.0, 4.0, 7.5, 5.0]))  # by hand: see test_score_sheets.py


@pytest.fixture
def scored_controller(qtbot, tmp_path):
    from gui.controller import Controller
    project, problems = load(write_input(tmp_path / "input.xlsx"))
    assert project is not None and not problems.has_errors
    c = Controller()
    c.set_project(project)
    return c


@pytest.fixture
def dialog(qtbot, scored_controller):
    from gui.dialogs.score_sheets_dialog import ScoreSheetsDialog
    dlg = ScoreSheetsDialog(scored_controller)  # not deleted on close: the model tester disconnects after
    qtbot.addWidget(dlg)
    return dlg


def test_open_on_either_tab(qtbot, scored_controller):
    from PySide6.QtCore import Qt

    from gui.dialogs.score_sheets_dialog import open_score_sheets
    for mode, tab in (("export", 0), ("import", 1)):
        dlg = open_score_sheets(None, scored_controller, mode)
        assert dlg.tabs.currentIndex() == tab and dlg.isVisible()
        assert dlg.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        with qtbot.waitSignal(dlg.destroyed):
            dlg.close()


def _cells(model, row):
    return [model.data(model.index(row, j)) for j in range(model.columnCount())]


def test_write_import_look_and_apply(qtbot, dialog, scored_controller, tmp_path, qtmodeltester):
    c = scored_controller
    paths = dialog.export_sheets(SF_EXPERTS, tmp_path / "sheets")
    assert [p.name for p in paths] == [f"{e}_评分表.xlsx" for e in SF_EXPERTS]
    assert "4" in dialog.export_log.text()
    for j, p in enumerate(paths):
        fill(p, sf_scores(j))
    fill(paths[1], {("上海", "Q2"): "abc"})  # 李四's sheet is broken: not used, listed
    dialog.import_sheets(paths)
    assert [s.expert for s in dialog.sheets] == ["张三", "王五", "赵六"]
    for m in (dialog.sheets_model, dialog.problems_model, dialog.indicators_model, dialog.detail_model,
              dialog.experts_model):
        qtmodeltester.check(m, force_py=True)
    # the problem names the expert, the file, the sheet and the cell
    rows = [_cells(dialog.problems_model, r) for r in range(dialog.problems_model.rowCount())]
    assert ["李四", "李四_评分表.xlsx", "评分", "C4"] in [r[:4] for r in rows]
    status = _cells(dialog.sheets_model, 1)
    assert status[0] == "李四" and status[2].startswith("not used")
    # the merge of the three others (trimmed mean with K = 1: the middle score of three)
    assert dialog.indicators_model.rows == ["Q1"]
    dialog.select_indicator("Q1")
    dm = dialog.detail_model
    heads = [dm.headerData(j, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
             for j in range(dm.columnCount())]
    assert heads[0] == "City" and heads[-2:] == ["Merged", "How"]
    assert [h.split(" ")[0] for h in heads[1:4]] == ["张三", "王五", "赵六"]
    bj = _cells(dm, 0)
    assert bj[:5] == ["北京", "9", "5", "8", "8"]  # 9, 5, 8 → the middle one, 8
    assert "dropped" in bj[5]
    expected = {u: float(np.median([r[0], r[2], r[3]])) for u, r in
                zip(SF_TARGETS, [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]])}
    got = {u: e["value"] for u, e in dialog.result["indicators"]["Q1"]["units"].items()}
    assert got == pytest.approx(expected)
    assert "Kendall's W" in dialog.agreement_note.text() and "ICC(2,k)" in dialog.agreement_note.text()
    assert dialog.experts_model.rowCount() == 3

    # the rule can be changed; a trim the panel cannot bear is refused with a message
    dialog.set_rule("trimmed", 2)
    assert dialog.result is None and "more than 4" in dialog.status_label.text()
    assert not dialog.apply_btn.isEnabled()
    dialog.set_rule("mean", 1)
    assert dialog.result["indicators"]["Q1"]["units"]["北京"]["value"] == pytest.approx((9 + 5 + 8) / 3)

    # all four sheets (李四 corrected): the hand-computed trimmed means, applied to the data
    fill(paths[1], {("上海", "Q2"): None})
    dialog.set_rule("trimmed", 1)
    dialog.clear_sheets()
    dialog.import_sheets(paths)
    assert len(dialog.sheets) == 4
    before = c.result
    with qtbot.waitSignal(c.result_changed, timeout=3000):
        assert dialog.apply()
    c.flush()
    assert c.project.data.values["Q1"].to_dict() == pytest.approx(SF_TRIMMED)
    assert c.result is not before and not np.isnan(c.result.normalised["Q1"]).any()  # in the ranking at once
    stored = c.extras["expert_scores"]
    json.dumps(stored, allow_nan=False)
    assert stored["rule"] == "trimmed" and stored["indicators"]["Q1"]["units"]["北京"]["scores"]["李四"] == 2.0
    assert round(stored["indicators"]["Q1"]["icc"]["icc2_k"], 2) == 0.62  # Shrout & Fleiss 1979, Table 4
    assert len(stored["files"]) == 4
    c.undo_stack.undo()
    c.flush()
    assert "Q1" not in c.project.data.values.columns or c.project.data.values["Q1"].isna().all()


def test_export_needs_names_and_expert_indicators(qtbot, dialog, controller, tmp_path):
    assert dialog.export_sheets([], tmp_path) == []
    assert dialog.export_log.text()
    from gui.dialogs.score_sheets_dialog import ScoreSheetsDialog
    d = ScoreSheetsDialog(controller)  # the sample project: no expert-scored indicator
    qtbot.addWidget(d)
    assert not d.export_btn.isEnabled()
    assert d.export_sheets(["张三"], tmp_path) == []
    assert "scored_by" in d.export_log.text()


def test_chinese_labels(qtbot, dialog, scored_controller, tmp_path):
    from PySide6.QtWidgets import QApplication

    from gui.text.i18n import Languages
    paths = dialog.export_sheets(SF_EXPERTS, tmp_path / "s")
    for j, p in enumerate(paths):
        fill(p, sf_scores(j))
    dialog.import_sheets(paths)
    langs = Languages.for_app(QApplication.instance())
    assert langs.set_language("zh")
    scored_controller.set_language("zh")
    QApplication.processEvents()
    assert dialog.windowTitle() == "专家评分表"
    assert dialog.tabs.tabText(1) == "导入与汇总"
    m = dialog.indicators_model
    from PySide6.QtCore import Qt
    assert m.headerData(1, Qt.Orientation.Horizontal) == "专家数"
