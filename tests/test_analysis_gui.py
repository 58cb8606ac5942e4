"""The analysis panel over the sample project: it shows what core.analysis.uncertainty and .audit compute."""

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.analysis import audit as core_audit  # noqa: E402
from core.analysis.uncertainty import Cancelled, drop_one, run_uncertainty  # noqa: E402
from gui.panels.analysis_panel import AUDIT, DROP, UNCERTAINTY, AnalysisPanel, UncertaintyParams, run  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, controller):
    p = AnalysisPanel(controller)
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.cancel_and_wait()


def run_panel(panel, qtbot, params, cancel_at_once=False):
    panel.set_params(params)
    task = panel.start()
    assert task is not None and panel.running
    if cancel_at_once:
        task.dialog.canceled.emit()  # what the progress dialog's Cancel button does
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert not panel.running
    return task


PARAMS = UncertaintyParams(runs=300, seed=1)


def test_run_function_is_the_core_analysis_and_honours_cancel(controller):
    r = controller.result
    calls = []
    out = run(r, PARAMS, calls.append, lambda: False)
    direct = run_uncertainty(r, 300, 1, 0.2, "uniform", None)
    assert np.array_equal(out.ranks, direct.ranks)
    assert calls[0] == 0.0 and calls[-1] == 1.0
    with pytest.raises(Cancelled):
        run(r, PARAMS, lambda f: None, lambda: True)


def test_worker_run_fills_the_table_with_the_core_numbers(panel, controller, qtbot):
    with qtbot.waitSignal(panel.uncertainty_done, timeout=60000) as done:
        run_panel(panel, qtbot, PARAMS)
    direct = run_uncertainty(controller.result, 300, 1, 0.2, "uniform", None)
    u = panel.last_result
    assert done.args[0] is u and panel.last_status == "done"
    assert u.to_dict() == direct.to_dict()
    shown = panel.table_values()
    expected = [[row["unit"], row["base_rank"], row["median_rank"], row["p05"], row["p95"], row["top10_share"]]
                for row in direct.rows()]
    assert shown == expected
    assert "300 runs" in panel.status_label.text()
    assert not panel.stale and not panel.stale_label.isVisible()
    # the sensitivity table lists the chart's inputs with their indices
    assert panel.sens_chart.total == pytest.approx([v["total"] for v in direct.sensitivity.values()])
    assert panel.sens_table.rowCount() == len(direct.sensitivity)


def test_method_choices_reach_the_engine(panel, controller, qtbot):
    methods = {"normalization": ["minmax", "rank"], "aggregation": ["arithmetic", "geometric"]}
    params = UncertaintyParams(runs=200, seed=3, perturb=0.1, mode="dirichlet", methods=methods)
    run_panel(panel, qtbot, params)
    assert panel.params() == params
    direct = run_uncertainty(controller.result, 200, 3, 0.1, "dirichlet", params.methods)
    assert panel.last_result.to_dict() == direct.to_dict()
    assert set(panel.last_result.sensitivity) >= {"normalization", "aggregation"}


def test_a_failed_run_says_why_and_keeps_the_result(panel, qtbot):
    run_panel(panel, qtbot, PARAMS)
    before = panel.last_result
    run_panel(panel, qtbot, UncertaintyParams(runs=100, seed=1, methods={"normalization": ["minmax"]}))
    assert panel.last_status == "failed"
    assert "at least two" in panel.status_label.text()
    assert panel.last_result is before


def test_cancel_keeps_the_previous_result_and_says_cancelled(panel, qtbot):
    run_panel(panel, qtbot, PARAMS)
    before, table = panel.last_result, panel.table_values()
    with qtbot.waitSignal(panel.run_finished, timeout=60000) as finished:
        run_panel(panel, qtbot, UncertaintyParams(runs=50_000, seed=2), cancel_at_once=True)
    assert finished.args == ["cancelled"]
    assert panel.last_status == "cancelled"
    assert "ancelled" in panel.status_label.text()
    assert panel.last_result is before
    assert panel.table_values() == table
    assert panel.run_button.isEnabled()


def test_cancel_through_the_panel(panel, qtbot):
    panel.set_params(UncertaintyParams(runs=50_000, seed=2))
    task = panel.start()
    panel.cancel()
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert panel.last_status == "cancelled" and panel.last_result is None
    assert panel.export_rows() == []


def test_a_weight_change_marks_the_result_stale(panel, controller, qtbot):
    run_panel(panel, qtbot, PARAMS)
    rows = panel.export_rows()
    assert rows and not panel.stale
    with qtbot.waitSignal(panel.stale_changed) as sig:
        controller.set_share("T", 0.5)
        controller.flush()
    assert sig.args == [True]
    assert panel.stale and panel.stale_label.isVisible()
    assert "stale" in panel.stale_label.text().lower()
    assert "stale" in panel.chart.title_text.lower()
    assert panel.export_rows() == []  # never exported as if current
    assert panel.export_rows(allow_stale=True) == rows
    controller.undo_stack.undo()  # back to the weights of the run: current again
    controller.flush()
    assert not panel.stale and not panel.stale_label.isVisible()


def test_chart_points_are_the_median_ranks_in_base_rank_order(panel, qtbot):
    run_panel(panel, qtbot, PARAMS)
    u = panel.last_result
    order = u.order()
    chart = panel.chart
    assert chart.units == [u.units[i] for i in order[:20]]  # top 20 by default
    panel.show_all.setChecked(True)
    assert chart.units == [u.units[i] for i in order]
    assert chart.medians == pytest.approx(list(u.median_rank[order].astype(float)))
    assert chart.base == pytest.approx(list(u.base_rank[order].astype(float)))
    x, y = chart.points.getData()
    assert list(x) == list(range(len(order)))
    assert list(y) == pytest.approx(list(u.median_rank[order]))
    assert chart.vb.state["yInverted"]  # rank 1 at the top
    assert chart.legend_labels() == ["Median rank", "5–95 % interval", "Base rank"]


def test_clicking_a_unit_in_the_chart_selects_it(panel, controller, qtbot):
    run_panel(panel, qtbot, PARAMS)
    chart = panel.chart
    target = chart.units[5]
    assert controller.selected != target
    pos = chart.mapFromScene(chart.point_center(target))
    with qtbot.waitSignal(controller.selection_changed):
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    assert controller.selected == target
    assert chart.selected == target  # the highlight follows
    assert chart.band.isVisible()


def test_drop_one_tab_shows_the_core_changes(panel, controller, qtbot):
    panel.tabs.setCurrentIndex(DROP)
    panel.set_drop_node("T")
    expected = drop_one(controller.result, "T")
    shown = {u: (b, n, ch) for u, b, n, ch in panel.drop_values()}
    assert set(shown) == set(expected.index)
    for unit, row in expected.iterrows():
        assert shown[unit] == (row["base_rank"], row["rank"], row["change"])
    changes = [ch for _u, _b, _n, ch in panel.drop_values()]
    assert changes == sorted(changes, reverse=True)  # sorted by change, gains first
    # the chart: units in base-rank order with their change
    base = expected["base_rank"].to_numpy()
    assert panel.drop_chart.units[0] == expected.index[int(np.nanargmin(base))]
    # a weight change updates it
    controller.set_share("P", 0.3)
    controller.flush()
    again = drop_one(controller.result, "T")
    assert {u: ch for u, _b, _n, ch in panel.drop_values()} == again["change"].to_dict()


def test_drop_one_lists_every_node_and_explains_an_only_child(panel, controller):
    fw = controller.result.framework
    codes = [panel.drop_combo.itemData(i) for i in range(panel.drop_combo.count())]
    assert codes == [c for c in fw.preorder() if c != fw.root]
    panel.tabs.setCurrentIndex(DROP)
    panel.set_drop_node("T41")  # the only child of T4
    assert panel.drop_table.rowCount() == 0
    assert "T4" in panel.drop_info.text()


def test_audit_tab_shows_the_core_audit(panel, controller, qtbot):
    panel.tabs.setCurrentIndex(AUDIT)
    view = panel.audit_view
    expected = core_audit.audit(controller.result)
    codes = list(expected["nodes"])
    row = codes.index("T")
    assert view.node_table.item(row, 0).text().strip().startswith("T ")
    assert view.node_table.item(row, 3).key == pytest.approx(expected["nodes"]["T"]["alpha"])
    assert view.node_table.item(row, 3).text() == f"{expected['nodes']['T']['alpha']:.3f}"
    # heatmap: the indicators' correlations in tree order, grouped by dimension
    hm = view.heatmap
    assert hm.codes == list(controller.result.framework.leaves)
    R = core_audit.indicator_correlations(controller.result)
    assert hm.matrix[0, 1] == pytest.approx(R.loc[hm.codes[0], hm.codes[1]])
    assert [g[0].split()[0] for g in hm.groups] == list(controller.result.framework.children["AICI"])
    assert f"{R.loc[hm.codes[0], hm.codes[1]]:.2f}" in hm.describe(0, 1)
    # the indicator table: skew and the outlier rule's verdict
    figs = expected["indicators"]
    first = view.indicator_table.item(0, 0).text()
    assert view.indicator_table.item(0, 3).key == pytest.approx(figs[first]["skew"])
    # recomputed when the result changes
    controller.set_share("T", 0.5)
    controller.flush()
    assert view.node_table.item(row, 3).key == pytest.approx(core_audit.audit(controller.result)["nodes"]["T"]["alpha"])


def test_hidden_tabs_do_not_recompute_on_every_drag(panel, controller, monkeypatch):
    panel.tabs.setCurrentIndex(UNCERTAINTY)
    calls = []
    monkeypatch.setattr(panel.audit_view, "set_result", lambda *a: calls.append(a))
    for share in (0.3, 0.35, 0.4):
        controller.set_share("T", share)
        controller.flush()
    assert calls == []
    panel.tabs.setCurrentIndex(AUDIT)
    assert len(calls) == 1


def test_export_rows_header_first_in_the_projects_language(panel, qtbot):
    # The window is English here, the sample project Chinese: the sheets follow the project, as every
    # other sheet of the workbook does (they used to come out in the window's English).
    assert panel.export_rows() == []
    run_panel(panel, qtbot, PARAMS)
    rows = panel.export_rows()
    u = panel.last_result
    assert rows[0] == ["城市", "基准排名", "排名中位数", "5% 分位排名（较好的情形）", "95% 分位排名（较差的情形）",
                       "前 10 名占比"]
    assert rows[1:] == [[r["unit"], r["base_rank"], r["median_rank"], r["p05"], r["p95"], r["top10_share"]]
                        for r in u.rows()]
    sheets = panel.export_sheets()
    assert list(sheets) == ["不确定性", "敏感性"]
    sens = sheets["敏感性"]
    assert sens[0][:3] == ["输入因素", "一阶指数", "总效应指数"]
    assert [r[2] for r in sens[1:1 + len(u.sensitivity)]] == [v["total"] for v in u.sensitivity.values()]
    assert [r[0] for r in sens[1:1 + len(u.sensitivity)]] == [
        f"{k} {panel.result.framework.nodes[k].name_zh}" for k in u.sensitivity]
    assert ["模拟次数", u.runs] in sens and ["随机种子", u.seed] in sens


def test_the_panel_speaks_chinese(panel, qtbot):
    from gui.text.i18n import Languages

    Languages.for_app(QApplication.instance()).set_language("zh")
    qtbot.waitUntil(lambda: panel.tabs.tabText(0) == "不确定性", timeout=2000)  # once the panel has retranslated
    assert [panel.tabs.tabText(i) for i in range(3)] == ["不确定性", "逐一剔除", "统计审计"]
    assert panel.run_button.text() == "运行"


def test_flags_are_coloured(panel, controller):
    from gui.panels.audit_view import NEGATIVE_BG, WEAK_BG

    panel.tabs.setCurrentIndex(AUDIT)
    view = panel.audit_view
    codes = list(view.audit["nodes"])
    view.audit["nodes"]["P"]["flags"] = {"P1": "negative"}
    view.audit["nodes"]["P"]["corr_with_parent"]["P1"] = -0.21
    view.audit["nodes"]["I"]["flags"] = {"I1": "weak"}
    view._fill_nodes()
    p, i = codes.index("P"), codes.index("I")
    assert view.node_table.item(p, 6).text() == "P1 negative (r = -0.21)"
    assert view.node_table.item(p, 6).background().color() == NEGATIVE_BG
    assert view.node_table.item(i, 6).background().color() == WEAK_BG
