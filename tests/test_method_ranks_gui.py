"""The analysis panel's 方法比较 tab (issue 20 point 7): each unit's rank under every aggregation method.

The numbers are checked against an independent path: the project recomputed from scratch with every
internal node set to one method (core.pipeline.run.compute), not the engine's ranks_by_method."""

from dataclasses import replace

import pytest

pytest.importorskip("pytestqt")

from core.model.settings import AGGREGATIONS  # noqa: E402
from core.pipeline.run import compute  # noqa: E402
from gui.models.method_ranks_model import MethodRanksModel  # noqa: E402
from gui.panels.analysis_panel import METHODS  # noqa: E402

pytestmark = pytest.mark.gui


def ranks_with_every_node(project, method):
    fw = project.framework
    for code in fw.internal:
        fw = fw.with_node(replace(fw.nodes[code], aggregation=method))
    r = compute(project.with_framework(fw))
    _idx, ranks = r.rank_order()
    return {u: (None if v != v else int(v)) for u, v in zip(r.units, ranks)}


@pytest.fixture
def shown(sample_window, qtbot):
    """The window's analysis dock shown on the 方法比较 tab, as a user opens it."""
    win = sample_window
    dock = win.analysis.parentWidget()
    while dock is not None and not hasattr(dock, "toggleViewAction"):
        dock = dock.parentWidget()
    if dock is not None and not dock.isVisible():
        dock.toggleViewAction().trigger()
    win.analysis.tabs.setCurrentIndex(METHODS)
    qtbot.waitUntil(lambda: win.analysis.methods_view.model.rowCount() > 0, timeout=10000)
    return win


def test_tab_shows_each_methods_ranks_in_the_current_order(shown):
    win = shown
    project, result = win.controller.project, win.controller.result
    view = win.analysis.methods_view
    m = view.model
    assert m.methods == list(AGGREGATIONS)
    rows = view.rows()
    # rows: the current ranking's order, the current rank beside
    idx, cur = result.rank_order()
    assert [row[0] for row in rows] == [result.units[int(i)] for i in idx]
    assert [row[1] for row in rows] == [int(cur[int(i)]) for i in idx]
    for j, method in enumerate(AGGREGATIONS, start=2):
        expected = ranks_with_every_node(project, method)
        assert {row[0]: row[j] for row in rows} == expected, method
    # the sample aggregates by the arithmetic mean: that column is the current ranking
    assert all(row[2] == row[1] for row in rows)
    # the largest shift: max |rank under a method − current rank|, worked here from the row itself
    for row in rows:
        assert row[-1] == max(abs(r - row[1]) for r in row[2:-1])
    assert any(row[-1] > 0 for row in rows)  # Copeland/BoD do move some units on the sample


def test_headers_are_chinese_and_big_shifts_are_tinted(shown):
    from PySide6.QtCore import Qt
    m = shown.analysis.methods_view.model
    heads = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert heads[:2] == ["单位", "当前排名"] and heads[-1] == "最大排名变动"
    assert "灰色关联" in heads and "秩和比" in heads and "TOPSIS" in heads and "Copeland 排序" in heads
    assert shown.analysis.tabs.tabText(METHODS) == "方法比较"
    last = m.columnCount() - 1
    for r in range(m.rowCount()):
        shift = m.value(r, last)
        tinted = m.data(m.index(r, last), Qt.ItemDataRole.BackgroundRole) is not None
        assert tinted == (shift is not None and shift >= m.threshold)


def test_clicking_a_row_selects_the_unit(shown, qtbot):
    view = shown.analysis.methods_view
    unit = view.model.value(3, 0)
    rect = view.view.visualRect(view.model.index(3, 0))
    from PySide6.QtCore import Qt
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.controller.selected == unit


def test_a_weight_edit_refreshes_the_visible_tab_off_the_gui_thread(shown, qtbot):
    c = shown.controller
    view = shown.analysis.methods_view
    before = view.result
    c.set_share("T", 0.5)
    c.flush()
    assert view.running  # computed by gui.worker, the window stays responsive
    c.set_share("T", 0.3)  # a second edit while the first table is computed: taken up after it
    c.flush()
    qtbot.waitUntil(lambda: not view.running and view.result is c.result, timeout=20000)
    assert view.result is not before
    expected = ranks_with_every_node(c.project, "copeland")
    col = 2 + list(AGGREGATIONS).index("copeland")
    assert {row[0]: row[col] for row in view.rows()} == expected


def test_the_work_function_is_the_engine_and_honours_cancel(controller):
    from core.analysis.method_table import Cancelled, method_rank_table
    from gui.panels.method_ranks_view import compute_table
    calls = []
    out = compute_table(controller.result, calls.append, lambda: False)
    assert out["ranks"] == method_rank_table(controller.result)["ranks"]
    assert calls[-1] == 1.0 and len(calls) == len(AGGREGATIONS)
    with pytest.raises(Cancelled):
        compute_table(controller.result, calls.append, lambda: True)


def test_model_passes_the_qt_model_tester(qtmodeltester, controller):
    from core.analysis.method_table import method_rank_table
    m = MethodRanksModel()
    table = method_rank_table(controller.result)
    m.set_table(table)
    qtmodeltester.check(m, force_py=True)  # keeps watching the resets below
    m.set_table(None)
    assert m.rowCount() == 0
    m.set_table(table)
    assert m.rowCount() == len(controller.result.units)


def test_the_windows_export_carries_the_ranks_by_method_sheet(sample_window, tmp_path):
    import openpyxl
    out = tmp_path / "r.xlsx"
    assert sample_window.export_results_to(out)
    ws = openpyxl.load_workbook(out)["方法比较"]
    rows = [r for r in ws.iter_rows(values_only=True)][1:]
    expected = ranks_with_every_node(sample_window.controller.project, "bod")
    col = 2 + list(AGGREGATIONS).index("bod")
    assert {r[0]: r[col] for r in rows if r[1] is not None} == expected
