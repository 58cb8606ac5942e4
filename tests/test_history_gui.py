"""The history panel, the freeze and compare dialogs, the preferences (pytest-qt, offscreen)."""

import shutil

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt

from core.files.paths import SAMPLE_WORKBOOK
from core.model import framework_edits as edits
from gui.panels.history_view import (
    DiffModel,
    HistoryModel,
    RankChangeModel,
    open_diff_dialog,
    open_freeze_dialog,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def settings_dir(qapp, tmp_path):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    QSettings().setValue("user/name", "秘书处")
    yield
    QSettings().remove("user/name")
    QSettings.setDefaultFormat(QSettings.NativeFormat)


@pytest.fixture
def edited(controller, settings_dir):
    c = controller
    c.set_share("A", 0.4)
    c.end_gesture()
    c.set_data_values({("苏州", "T23"): 1240.0}, "Edit data", reason="typo")
    c.set_settings(c.settings.with_(normalization="zscore"), "Normalisation")
    c.structural_edit("Direction of T21", edits.set_fields, "T21", direction=-1)
    c.undo_stack.undo()
    return c


@pytest.fixture
def panel(edited, qtbot):
    from gui.panels.history_view import HistoryPanel
    p = HistoryPanel(edited)
    qtbot.addWidget(p)
    p.refresh()
    return p


def shown(panel, col):
    m = panel.proxy
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_the_panel_lists_every_entry_newest_first(panel, edited):
    assert panel.model.rowCount() == 4
    assert shown(panel, HistoryModel.WHO) == ["秘书处"] * 4
    assert shown(panel, HistoryModel.STATE) == ["undone", "done", "done", "done"]
    assert shown(panel, HistoryModel.REASON)[2] == "typo"
    what = shown(panel, HistoryModel.WHAT)
    assert what[2] == "Edit data: Data cell 苏州 / T23: 5949 → 1240"
    assert what[3].startswith("Weight of A: Weight A: 0.2 → 0.4")
    assert panel.proxy.data(panel.proxy.index(0, 0), Qt.UserRole) is edited.history.entries[-1]


def test_the_filter_keeps_entries_of_a_node_or_a_unit(panel):
    panel.set_filter("苏州")
    assert [e.kind for e in (panel.proxy.data(panel.proxy.index(r, 0), Qt.UserRole)
                             for r in range(panel.proxy.rowCount()))] == ["data"]
    panel.set_filter("T21")
    assert panel.proxy.rowCount() == 1 and shown(panel, HistoryModel.STATE) == ["undone"]
    panel.set_filter("")
    assert panel.proxy.rowCount() == 4


def test_selecting_an_entry_shows_the_ranking_before_and_after(panel, edited):
    e = edited.history.entries[0]  # the weight of A
    panel.select_entry(e.id)
    assert panel.selected_entry() is e
    rows = [panel.ranks.data(panel.ranks.index(r, 0), Qt.UserRole) for r in range(panel.ranks.rowCount())]
    assert rows == e.ranking_rows()
    for unit, (before, after) in e.moved.items():
        assert (unit, before, after) in rows
    r = rows.index(next(x for x in rows if x[0] in e.moved))
    text = panel.ranks.data(panel.ranks.index(r, 3))
    before, after = e.moved[rows[r][0]]
    assert text == (f"▲{before - after}" if before > after else f"▼{after - before}")


def test_the_reason_can_be_written_in_the_table(panel, edited):
    m = panel.model
    row = m.row_of(edited.history.entries[0].id)
    assert m.setData(m.index(row, HistoryModel.REASON), "committee request")
    assert edited.history.entries[0].reason == "committee request"


def test_the_panel_follows_new_edits(panel, edited, qtbot):
    panel.show()
    qtbot.waitExposed(panel)
    edited.set_share("E", 0.5)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=2000)


def test_a_hidden_panel_catches_up_when_shown(panel, edited, qtbot):
    """Hidden (a dock tab behind another), it does not re-read the history on every edit."""
    edited.set_share("E", 0.5)
    # the panel's refresh timer has fired once it either marked itself stale or (wrongly) re-read the history
    qtbot.waitUntil(lambda: panel._stale or panel.model.rowCount() != 4, timeout=2000)
    assert panel.model.rowCount() == 4
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=2000)


def test_models_pass_the_model_tester(panel, edited, qtmodeltester):
    qtmodeltester.check(panel.model)
    panel.select_entry(edited.history.entries[0].id)
    qtmodeltester.check(panel.ranks)
    d = DiffModel()
    d.set_differences([{"kind": "cell", "unit": "苏州", "column": "T23", "old": "5949", "new": "1240"},
                       {"kind": "setting", "key": "decimals", "old": "1", "new": "2"}])
    qtmodeltester.check(d)
    r = RankChangeModel()
    r.set_rows([("北京", 1, 2), ("上海", 2, 1), ("无锡", None, 40)])
    qtmodeltester.check(r)


def test_freeze_dialog_freezes_a_round(controller, settings_dir, qtbot):
    dlg = open_freeze_dialog(None, controller)
    qtbot.addWidget(dlg)
    dlg.name.setText("第二轮专家赋权结束")
    dlg.note.setPlainText("panel closed")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert [r["name"] for r in controller.rounds] == ["第二轮专家赋权结束"]
    assert controller.rounds[0]["note"] == "panel closed" and controller.rounds[0]["who"] == "秘书处"


def diff_rows(dlg):
    m = dlg.diffs
    return [tuple(m.data(m.index(r, c)) for c in range(4)) for r in range(m.rowCount())]


def test_the_diff_dialog_lists_a_changed_cell_against_the_last_round(controller, qtbot):
    controller.freeze_round("R1")
    old = float(controller.project.data.values.at["苏州", "T23"])
    controller.set_data_values({("苏州", "T23"): 1240.0}, "Edit data")
    dlg = open_diff_dialog(None, controller)
    qtbot.addWidget(dlg)
    assert diff_rows(dlg) == [("Data cell", "苏州 / T23", f"{old:g}", "1240")]
    rep = dlg.report
    assert dlg.ranks.rowCount() == len(rep["rank_changes"])
    assert "R1" in dlg.source.currentText()


def test_the_diff_dialog_compares_with_another_file(controller, qtbot, tmp_path):
    other = tmp_path / "other.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, other)
    wb = openpyxl.load_workbook(other)
    ws = wb["数据"]
    head = [x.value for x in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "南京")
    old = ws.cell(row, head.index("I21") + 1).value
    ws.cell(row, head.index("I21") + 1).value = old + 10
    wb.save(other)
    dlg = open_diff_dialog(None, controller)
    qtbot.addWidget(dlg)
    assert dlg.report is None  # no round yet: says so
    rep = dlg.compare_file(other)
    assert rep is not None
    assert diff_rows(dlg) == [("Data cell", "南京 / I21", f"{old + 10:g}", f"{old:g}")]
    assert dlg.source.currentText() == "other.xlsx"


def test_preferences_set_the_user_name(controller, settings_dir, qtbot):
    from gui.dialogs.preferences import open_preferences
    dlg = open_preferences(None, controller)
    qtbot.addWidget(dlg)
    assert dlg.name.text() == "秘书处"
    dlg.name.setText("李专家")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert controller.user_name == "李专家"
    controller.set_share("I", 0.4)
    assert controller.history.entries[-1].who == "李专家"


def test_reimport_through_the_window_helper(controller, settings_dir, tmp_path):
    from gui.panels.history_view import open_reimport_dialog
    src = tmp_path / "data.csv"
    t = controller.project.data_table
    lines = [",".join(str(h) for h in t.header)]
    for r in t.rows:
        cells = ["" if v is None else str(v) for v in r]
        if cells[0] == "武汉":
            cells[t.header.index("A11")] = "99"
        lines.append(",".join(cells))
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert open_reimport_dialog(None, controller, src)
    e = controller.history_entries()[-1]
    assert e.kind == "reimport" and e.changes[0]["file"] == "data.csv"
    assert [c for c in e.changes if c["kind"] == "cell"] == [
        {"kind": "cell", "unit": "武汉", "code": "A11", "old": pytest.approx(e.changes[1]["old"]), "new": 99.0}]
    assert controller.project.data.values.at["武汉", "A11"] == 99.0


def test_the_panel_speaks_chinese(panel, qapp):
    from gui.text.i18n import Languages
    Languages.for_app(qapp).set_language("zh")
    m = panel.model
    assert [m.headerData(i, Qt.Horizontal) for i in range(5)] == ["时间", "修改人", "内容", "原因", "状态"]
    assert shown(panel, HistoryModel.STATE)[0] == "已撤销"
    assert shown(panel, HistoryModel.WHAT)[2].endswith("数据单元格 苏州 / T23：5949 → 1240")
