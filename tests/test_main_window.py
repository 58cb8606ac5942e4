"""The window as a user drives it (offscreen)."""

import numpy as np
import openpyxl
import pytest
from PySide6.QtCore import Qt

from core.pipeline.run import compute

pytest.importorskip("PySide6")


@pytest.fixture
def win(qtbot):
    from gui.main_window import MainWindow
    w = MainWindow(lang="zh", remember=False)
    w._ask_unsaved = lambda: "discard"  # never a modal dialog in tests
    qtbot.addWidget(w)
    assert w.open_default()
    w.show()
    return w


def ranking_units(w):
    m = w.ranking.model
    return [m.unit_at(i) for i in range(m.rowCount())]


def test_title_says_the_sample_is_illustrative(win):
    assert "sample_ai_cities.xlsx" in win.windowTitle()
    assert "示例" in win.windowTitle() or "illustrative" in win.windowTitle()


def test_weight_edit_reorders_ranking_as_engine_computes_and_undo_restores(win, qtbot):
    c = win.controller
    before = ranking_units(win)
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("A", 0.9)  # application innovation dominates
    after = ranking_units(win)
    engine = [r["unit"] for r in compute(c.project).ranking()]
    assert after == engine
    assert after != before
    assert "A" in win.act_undo.text()  # the Edit menu names the step
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.undo_stack.undo()
    assert ranking_units(win) == before


def test_bad_file_shows_problems_and_keeps_the_open_project(win, tmp_path):
    bad = tmp_path / "broken.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "指标体系"
    wb.active.append(["code", "parent"])
    wb.active.append(["R", None])
    wb.active.append(["a", "nowhere"])
    wb.create_sheet("数据").append(["城市", "a"])
    wb.save(bad)
    project = win.controller.project
    assert not win.open_path(bad)
    assert win.controller.project is project  # still open
    assert win.problems.model.rowCount() >= 1
    assert "broken.xlsx" in win.problems_banner.text()
    assert "nowhere" in " ".join(p.message for p in win.problems.model.items)


def test_switching_language_changes_menu_texts(win, qtbot):
    zh = win.menu_file.title()
    win.set_language("en")
    qtbot.waitUntil(lambda: win.menu_file.title() != zh, timeout=2000)
    assert "File" in win.menu_file.title()
    win.set_language("zh")
    qtbot.waitUntil(lambda: win.menu_file.title() == zh, timeout=2000)
    assert "文件" in zh


def test_selecting_a_city_in_the_ranking_selects_it_in_the_charts(win, qtbot):
    c = win.controller
    target = ranking_units(win)[4]
    row = win.ranking.proxy.mapFromSource(win.ranking.model.index(win.ranking.model.row_of(target), 0))
    with qtbot.waitSignal(c.selection_changed, timeout=2000):
        win.ranking.table.setCurrentIndex(row)
    assert c.selected == target
    charts = win.charts
    charts.tabs.setCurrentIndex(0)
    charts.render_tab()
    assert charts.ranking_chart.selected == target  # highlighted in the ranking bars
    charts.tabs.setCurrentIndex(1)
    charts.render_tab()
    assert charts.profile_chart.unit_name == target  # the profile is that city's


def test_group_filter_and_search(win):
    p = win.ranking
    p.search.setText("州")
    units = [p.proxy.data(p.proxy.index(i, 2)) for i in range(p.proxy.rowCount())]
    assert units and all("州" in u for u in units)
    p.search.clear()
    i = p.group.findData("西南")
    p.group.setCurrentIndex(i)
    groups = {p.proxy.data(p.proxy.index(i, 4)) for i in range(p.proxy.rowCount())}
    assert groups == {"西南"}


def test_rank_change_against_pinned_baseline(win, qtbot):
    c = win.controller
    c.pin_baseline()
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("A", 0.95)
    changes = [c.rank_change(u) for u in c.result.units]
    assert any(ch and ch > 0 for ch in changes) and any(ch and ch < 0 for ch in changes)
    assert sum(ch for ch in changes if ch is not None) == 0


def test_five_quick_edits_cause_one_recompute(win, qtbot):
    c = win.controller
    n = c.recompute_count
    with qtbot.waitSignal(c.result_changed, timeout=2000):  # the coalesced recompute
        for share in (0.3, 0.35, 0.4, 0.45, 0.5):
            c.set_share("T", share)
    assert c.recompute_count == n + 1
    assert c.undo_stack.count() == 1  # one drag = one undo step
    assert np.isclose(c.result.local["T"], 0.5)


def test_screenshot_switch(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    out = tmp_path / "shot.png"
    main = Path(__file__).resolve().parent.parent / "main.py"
    p = subprocess.run([sys.executable, str(main), "--screenshot", str(out), "--lang", "en", "--size", "1200x800"],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    from PySide6.QtGui import QImage
    img = QImage(str(out))
    assert img.width() == 1200 and img.height() == 800


def test_sorting_by_a_column(win):
    from PySide6.QtCore import Qt
    t = win.ranking.table
    p = win.ranking.proxy
    t.sortByColumn(5, Qt.DescendingOrder)  # the first dimension, best first
    vals = [float(p.data(p.index(i, 5))) for i in range(p.rowCount())]
    assert vals == sorted(vals, reverse=True)
    t.sortByColumn(2, Qt.AscendingOrder)  # by name
    names = [p.data(p.index(i, 2)) for i in range(p.rowCount())]
    assert names == sorted(names)
    t.sortByColumn(0, Qt.AscendingOrder)
    assert [p.data(p.index(i, 2)) for i in range(3)] == ranking_units(win)[:3]


@pytest.fixture
def recovery_dir(tmp_path, monkeypatch):
    d = tmp_path / "recovery"
    monkeypatch.setenv("CITYINDEX_RECOVERY_DIR", str(d))
    return d


def test_save_reopen_gives_identical_results(win, tmp_path, qtbot, recovery_dir):
    c = win.controller
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("T", 0.4)
    before = c.result.scores_array.copy()
    path = tmp_path / "p.cidx"
    assert win.save_to(path)
    assert c.undo_stack.isClean() and "*" not in win.windowTitle()
    assert win.open_path(path)
    assert np.array_equal(c.result.scores_array, before, equal_nan=True)
    assert c.framework.local_weights()["T"] == pytest.approx(0.4)


def test_autosave_and_recovery_offered_after_a_crash(win, qtbot, recovery_dir):
    c = win.controller
    assert win.autosave() is None  # nothing unsaved: nothing written
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("A", 0.6)
    rec = win.autosave()
    assert rec is not None and rec.exists() and rec.parent == recovery_dir
    weights = c.framework.local_weights()
    # a new session (the old one "crashed": the recovery file is still there)
    from gui.main_window import MainWindow
    w2 = MainWindow(lang="zh", remember=False)
    w2._ask_unsaved = lambda: "discard"
    qtbot.addWidget(w2)
    asked = []
    assert w2.offer_recovery(ask=lambda text: asked.append(text) or True)
    assert asked and rec.name in asked[0]
    assert w2.controller.framework.local_weights()["A"] == pytest.approx(weights["A"])
    assert not w2.controller.undo_stack.isClean()  # recovered work is unsaved


def test_closing_with_unsaved_changes_asks(win, qtbot):
    c = win.controller
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("A", 0.6)
    assert not win.confirm_discard(ask=lambda: "cancel")
    assert win.confirm_discard(ask=lambda: "discard")


def test_clicking_a_problem_goes_to_its_cell(win):
    p = next(p for p in win.problems.model.items if p.unit and p.code)
    win._go_to_problem(p)
    assert win.tabs.currentWidget() is win.data_table
    idx = win.data_table.currentIndex()
    assert win.data_model.data(win.data_model.index(idx.row(), 0)) == p.unit
    assert p.code in win.data_model.headerData(idx.column(), Qt.Horizontal)


def test_export_results_from_the_window(win, tmp_path):
    out = tmp_path / "r.xlsx"
    assert win.export_results_to(out)
    import pandas as pd
    sheet = pd.read_excel(out, sheet_name=0, engine="openpyxl", header=2)  # below the title and the sample line
    assert sheet.iloc[0, 1] == ranking_units(win)[0]


def test_problems_are_shown_in_chinese(win):
    m = win.problems.model
    missing = next(i for i, p in enumerate(m.items) if p.kind == "missing")
    text = m.data(m.index(missing, 2))
    where = m.data(m.index(missing, 1))
    p = m.items[missing]
    assert "空单元格" in text and p.unit in text and p.column in text
    assert f"第 {p.row} 行" in where
