"""The window wires the features together: menus open the weighting dialogs, the project file
carries scenarios and weight notes, the results workbook gets the map, the scenarios, the method
notes and the uncertainty sheets the analysis panel computed."""

import openpyxl
import pytest
from PySide6.QtCore import Qt

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from core.analysis.uncertainty import run_uncertainty  # noqa: E402
from gui.panels.analysis_panel import UncertaintyParams  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def recovery_dir(tmp_path, monkeypatch):
    d = tmp_path / "recovery"
    monkeypatch.setenv("CITYINDEX_RECOVERY_DIR", str(d))
    return d


@pytest.fixture
def win(recovery_dir, sample_window):
    return sample_window


def close_dialogs():
    for d in QApplication.topLevelWidgets():
        if isinstance(d, QDialog) and d.isVisible():
            d.reject()


def test_weights_menu_opens_each_dialog(win, qtbot):
    titles = [a.text() for a in win.menu_weights.actions() if a.text()]
    assert len(titles) == 7 and all(titles)
    win.tree.select_code("T")  # a node: AHP and data weights work on its siblings
    for opener in (win.open_ahp, win.open_data_weights, lambda: win.open_panel("export"),
                   lambda: win.open_panel("import"), lambda: win.open_score_sheets("export"),
                   lambda: win.open_score_sheets("import"), win.open_scenarios):
        dlg = opener()
        assert isinstance(dlg, QDialog) and dlg.isVisible()
        dlg.reject()
    close_dialogs()


def test_analysis_dock_is_in_the_view_menu(win):
    assert win.analysis_dock.toggleViewAction() in win.menu_view.actions()
    win.show_analysis()
    assert win.analysis_dock.isVisible()


def test_scenarios_and_notes_survive_save_and_reopen(win, tmp_path, qtbot):
    c = win.controller
    c.save_scenario("基准")
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("T", 0.4)
    c.save_scenario("重视技术")
    c.note_weights("T", {"method": "entropy", "formula": "e_j = -k Σ p ln p"})
    path = tmp_path / "p.cidx"
    assert win.save_to(path)
    assert win.open_default()
    assert c.scenarios == [] and c.weight_notes == {}
    assert win.open_path(path)
    assert [s["name"] for s in c.scenarios] == ["基准", "重视技术"]
    assert c.weight_notes["T"]["method"] == "entropy"
    assert c.framework.local_weights()["T"] == pytest.approx(0.4)
    assert c.path == path


def test_recovery_copy_carries_the_scenarios(win, qtbot, recovery_dir):
    c = win.controller
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("A", 0.6)
    c.save_scenario("草稿")
    assert win.autosave() is not None
    from gui.main_window import MainWindow
    w2 = MainWindow(lang="zh", remember=False)
    w2._ask_unsaved = lambda: "discard"
    qtbot.addWidget(w2)
    assert w2.offer_recovery(ask=lambda text: True)
    assert [s["name"] for s in w2.controller.scenarios] == ["草稿"]
    assert w2.controller.path is None  # never saved: Save asks for a name
    assert not w2.controller.undo_stack.isClean()


def test_export_carries_map_scenarios_notes_and_uncertainty(win, tmp_path, qtbot):
    c = win.controller
    c.save_scenario("基准")
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("T", 0.4)
    c.save_scenario("重视技术")
    c.note_weights("T", {"method": "entropy"})
    params = UncertaintyParams(runs=200, seed=3)
    win.analysis.set_params(params)
    task = win.analysis.start()
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    out = tmp_path / "r.xlsx"
    assert win.export_results_to(out)
    wb = openpyxl.load_workbook(out)
    names = wb.sheetnames
    assert "情景比较" in names and "情景权重" in names
    map_sheet = next(n for n in names if "地图" in n)
    assert len(wb[map_sheet]._images) == 1
    unc = next(n for n in names if "不确定" in n)
    rows = list(wb[unc].iter_rows(values_only=True))
    # the uncertainty sheet holds the core's figures for the same inputs (same seed)
    expected = run_uncertainty(c.result, runs=200, seed=3, perturb=params.perturb)
    by_unit = {r["unit"]: r for r in expected.rows()}
    first = rows[1]
    assert first[0] in by_unit and first[2] == pytest.approx(by_unit[first[0]]["median_rank"])
    # the scenario sheet: one column per scenario with the ranks of that scenario's weights
    sc = list(wb["情景比较"].iter_rows(values_only=True))
    assert any("重视技术" in str(v) for v in sc[0])


def test_file_menu_exports_the_report_draft(win, tmp_path):
    import docx
    assert win.act_export_report in win.menu_file.actions()
    out = win.export_report(tmp_path / "draft.docx")
    assert out is not None and out.exists()
    doc = docx.Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    top = win.controller.result.ranking()[0]["unit"]
    assert top in text


def test_typing_a_data_cell_recomputes_and_is_in_the_history(win, qtbot):
    from core.model.data_edits import with_data_values
    from core.pipeline.run import compute
    c, m = win.controller, win.data_model
    unit = c.result.ranking()[20]["unit"]
    idx = m.cell_of(unit, "T23")
    old = c.project.data.values.loc[unit, "T23"]
    assert m.flags(idx) & Qt.ItemIsEditable and not m.flags(m.index(idx.row(), 0)) & Qt.ItemIsEditable
    expected = compute(with_data_values(c.project, {(unit, "T23"): 1240.0}))
    assert m.setData(idx, "1,240")
    c.flush()
    assert c.project.data.values.loc[unit, "T23"] == 1240.0
    assert [r["unit"] for r in c.result.ranking()] == [r["unit"] for r in expected.ranking()]
    last = c.history.entries[-1]
    assert last.kind == "data" and unit in last.units and last.state == "done"
    c.undo_stack.undo()
    assert c.project.data.values.loc[unit, "T23"] == old
    assert c.history.entries[-1].state == "undone"


def test_text_typed_in_a_data_cell_is_refused_never_zero(win, qtbot):
    c, m = win.controller, win.data_model
    unit = c.project.data.units[0]
    idx = m.cell_of(unit, "T23")
    old = c.project.data.values.loc[unit, "T23"]
    n = len(c.history.entries)
    with qtbot.waitSignal(m.rejected, timeout=1000) as sig:
        assert not m.setData(idx, "12O4")  # a letter O typed for a zero
    assert "12O4" in sig.args[0]
    assert c.project.data.values.loc[unit, "T23"] == old and len(c.history.entries) == n


def test_history_menu_and_dock(win, qtbot):
    assert win.history_dock.toggleViewAction() in win.menu_view.actions()
    assert {win.act_history, win.act_freeze, win.act_compare} <= set(win.menu_history.actions())
    win.show_history()
    assert win.history_dock.isVisible()
    for opener in (win.freeze_round, win.compare, win.preferences):
        dlg = opener()
        assert isinstance(dlg, QDialog)
        dlg.reject()
    close_dialogs()


def test_export_from_the_menu_writes_on_a_worker_thread(win, tmp_path, qtbot):
    import pandas as pd
    c = win.controller
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("T", 0.4)
    expected = [r["unit"] for r in c.result.ranking()]
    out = tmp_path / "bg.xlsx"
    task = win.export_results_to(out, background=True)
    # the weights change while the file is written: the workbook is the snapshot taken at the start
    c.set_share("T", 0.1)
    c.flush()
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert out.exists() and str(out) in win.statusBar().currentMessage()
    sheet = pd.read_excel(out, sheet_name=0, engine="openpyxl", header=2)  # below the title and the sample line
    assert list(sheet.iloc[:, 1]) == expected


def test_a_failed_export_says_why_and_writes_nothing(win, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    target = tmp_path / "missing-folder" / "r.xlsx"
    assert win.export_results_to(target) is False
    assert shown and not target.exists()


def test_report_pdf_is_converted_off_the_gui_thread(win, tmp_path, qtbot):
    from core.outputs.pdf import find_soffice
    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed (CI installs it)")
    out = win.export_report(tmp_path / "draft.pdf")
    assert out == tmp_path / "draft.docx" and out.exists()
    task = win._tasks[-1]
    with qtbot.waitSignal(task.finished, timeout=180000):
        pass
    pdf = tmp_path / "draft.pdf"
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"
    assert str(pdf) in win.statusBar().currentMessage()


def test_report_dialog_texts_are_translated(win):
    from PySide6.QtCore import QCoreApplication
    assert QCoreApplication.translate("ReportExport", "Export report draft") == "导出报告草稿"


def test_an_english_window_exports_a_chinese_projects_sheets_in_chinese(win, tmp_path, qtbot, monkeypatch):
    # Through the menu: 语言 → English, run the analysis, 文件 → 导出结果工作簿 (dialog answered). The
    # sample project is Chinese, so every sheet is — the window's extra sheets included (they were
    # "Map", "Uncertainty", "Sensitivity" in an otherwise Chinese workbook).
    from PySide6.QtWidgets import QFileDialog
    win.act_en.trigger()
    win.analysis.set_params(UncertaintyParams(runs=100, seed=5))
    task = win.analysis.start()
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    out = tmp_path / "英文窗口.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    win.act_export.trigger()
    qtbot.waitUntil(lambda: out.exists() and not win._tasks, timeout=60000)
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert {"地图", "不确定性", "敏感性"} <= set(names)
    assert not {"Map", "Uncertainty", "Sensitivity"} & set(names)
