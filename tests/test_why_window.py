"""The 为什么？ view and the stability bands (issue 21, point 4), through the window: pick cities in the view,
move weights through the controller, read what the chart, the tree and the target table show, and check it
against the engine (explain_pair, weight_stability, targets) and against hand formulas."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.analysis.contributions import explain_pair
from core.analysis.stability import near_edge, weight_stability
from core.analysis.targets import targets
from gui.models.stability_band import NEAR_TEXT
from gui.models.target_model import COL_NEEDED, EntryRole, TargetModel, number
from gui.models.tree_model import COL_WEIGHT, StabilityRole
from gui.panels.why_panel import BY_INDICATOR, TOP_INDICATORS
from gui.worker import LatestJob

WAIT = 30000


@pytest.fixture
def why(sample_window):
    """The window with its 为什么？ tab shown (as a click on the tab does)."""
    w = sample_window
    w.charts.tabs.setCurrentWidget(w.why)
    return w


def _ranked(result):
    order, ranks = result.rank_order()
    return [result.units[i] for i in order]


def _pick(combo, unit):
    """What choosing an entry of the combo box does."""
    i = combo.findData(unit)
    assert i >= 0, unit
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def _settled(qtbot, w):
    qtbot.waitUntil(lambda: not w.tree.bands.busy and not w.why.targets_job.busy
                    and w.tree.bands.result is w.controller.result, timeout=WAIT)


def test_the_tab_is_named_and_a_follows_the_selected_city(why):
    w = why
    assert w.charts.tabs.tabText(w.charts.tabs.indexOf(w.why)) == "为什么？"
    ranked = _ranked(w.controller.result)
    w.controller.select_unit(ranked[4])
    assert w.why.unit_a.currentData() == ranked[4]
    assert w.why.unit_b.currentData() == ranked[3]  # the one just above
    _pick(w.why.unit_a, ranked[0])  # the leader: compared with the second
    assert w.controller.selected == ranked[0]
    assert w.why.unit_b.currentData() == ranked[1]


def test_waterfall_by_dimension_is_weight_times_difference_and_sums_to_the_score_difference(why):
    w = why
    r = w.controller.result
    ranked = _ranked(r)
    a, b = ranked[10], ranked[2]
    _pick(w.why.unit_a, a)
    _pick(w.why.unit_b, b)
    assert not w.why.just_above.isChecked()  # a B picked by hand stays
    chart = w.why.chart
    fw = r.framework
    dims = list(fw.children[fw.root])
    ia, ib = r.units.index(a), r.units.index(b)
    col = {c: r.plan.codes.index(c) for c in dims}
    # by hand: the root aggregates arithmetically, every unit has every dimension
    hand = [r.local[d] * (r.scores_array[ia, col[d]] - r.scores_array[ib, col[d]]) for d in dims]
    assert chart.bar_values() == pytest.approx(hand, abs=1e-9)
    assert chart.labels == [fw.nodes[d].name("zh") for d in dims]
    diff = r.root_scores[ia] - r.root_scores[ib]
    assert chart.total == pytest.approx(diff, abs=1e-12)
    assert sum(chart.bar_values()) == pytest.approx(diff, abs=1e-9)
    ex = explain_pair(r, a, b)
    assert chart.bar_values() == [ex["children"][d] for d in dims]
    assert len(chart.labels) == len(dims)  # the difference is the last bar, not a part


def test_waterfall_by_indicator_shows_the_largest_and_sums_the_rest_as_others(why):
    w = why
    r = w.controller.result
    ranked = _ranked(r)
    w.controller.select_unit(ranked[10])
    w.why.level.setCurrentIndex(w.why.level.findData(BY_INDICATOR))
    a, b = ranked[10], ranked[9]
    ex = explain_pair(r, a, b)
    by_size = sorted(ex["indicators"].items(), key=lambda kv: -abs(kv[1]))
    chart = w.why.chart
    values = chart.bar_values()
    assert len(values) == TOP_INDICATORS + 1
    assert values[:TOP_INDICATORS] == [v for _c, v in by_size[:TOP_INDICATORS]]
    rest = by_size[TOP_INDICATORS:]
    assert values[-1] == pytest.approx(sum(v for _c, v in rest), abs=1e-12)
    assert chart.labels[-1] == f"其他（{len(rest)} 项）"
    assert sum(values) == pytest.approx(r.root_scores[r.units.index(a)] - r.root_scores[r.units.index(b)], abs=1e-9)


def test_moving_a_weight_redraws_the_waterfall(why):
    w = why
    c = w.controller
    ranked = _ranked(c.result)
    c.select_unit(ranked[10])
    before = list(w.why.chart.bar_values())
    c.set_share("T", 0.45)
    c.end_gesture()
    c.flush()
    a, b = w.why.pair()
    ex = explain_pair(c.result, a, b)
    assert w.why.chart.bar_values() == [ex["children"][d] for d in c.framework.children[c.framework.root]]
    assert w.why.chart.bar_values() != before
    assert w.why.chart.total == pytest.approx(ex["difference"], abs=1e-12)


def test_tree_bands_are_the_engines_intervals(why, qtbot):
    w = why
    _settled(qtbot, w)
    r = w.controller.result
    expected = weight_stability(r, 10)["weights"]
    model = w.tree.model
    for code in ("P", "T2", "E1"):
        view = model.index_of(code, COL_WEIGHT).data(StabilityRole)
        e = expected[code]
        assert (view.low, view.high, view.at_low, view.at_high) == (e["low"], e["high"], e["at_low"], e["at_high"])
        assert view.current == pytest.approx(e["current"], abs=1e-12)
    assert model.index_of(r.framework.root, COL_WEIGHT).data(StabilityRole) is None  # no siblings: no band
    w.tree.select("P")
    e = expected["P"]
    assert w.tree.band_strip.band.low == e["low"]
    tip = w.tree.band_strip.toolTip()
    lo, hi = f"{100 * e['low']:.1f}".removesuffix(".0"), f"{100 * e['high']:.1f}".removesuffix(".0")
    assert f"权重在 {lo}%–{hi}% 之间变动时前 10 名及其顺序不变" in tip
    # another TOP-N from the spin box: the engine's intervals for that N
    w.tree.band_top.setValue(3)
    _settled(qtbot, w)
    e3 = weight_stability(r, 3)["weights"]["P"]
    assert (w.tree.band_strip.band.low, w.tree.band_strip.band.high) == (e3["low"], e3["high"])
    assert "前 3 名" in w.tree.band_strip.toolTip()


def test_a_weight_placed_near_an_edge_is_flagged(why, qtbot):
    w = why
    c = w.controller
    _settled(qtbot, w)
    model = w.tree.model
    index = model.index_of("P", COL_WEIGHT)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None  # 20 % sits well inside: plain text
    e = weight_stability(c.result, 10)["weights"]["P"]
    assert e["at_high"] is not None
    t = e["high"] - 0.05 * e["high"]  # inside, within 10 % of the upper edge
    w.tree.select("P")
    w.tree.slider.setValue(round(t * 1000))  # the slider, as a drag would leave it
    c.end_gesture()
    c.flush()
    _settled(qtbot, w)
    entry = weight_stability(c.result, 10)["weights"]["P"]
    assert near_edge(entry)  # the engine agrees the new weight is near an edge
    assert model.index_of("P", COL_WEIGHT).data(StabilityRole).state == "near"
    assert model.index_of("P", COL_WEIGHT).data(Qt.ItemDataRole.ForegroundRole).color() == NEAR_TEXT  # warning colour
    assert "当前权重距边界不足 10%" in model.index_of("P", COL_WEIGHT).data(Qt.ItemDataRole.ToolTipRole)
    assert w.tree.band_value.text().startswith("\u26a0")


def test_target_table_first_row_is_the_engines(why, qtbot):
    w = why
    c = w.controller
    a = _ranked(c.result)[12]
    _pick(w.why.unit_a, a)
    w.why.rank_k.setValue(10)
    qtbot.waitUntil(lambda: w.why.last_targets is not None and w.why.last_targets["unit"] == a
                    and w.why.last_targets["rank"] == 10 and not w.why.targets_job.busy, timeout=WAIT)
    found = targets(c.project, c.result, a, 10)
    (code, entry), *_ = found["indicators"].items()
    model = w.why.targets_model
    assert model.rowCount() == len(found["indicators"])
    assert model.index(0, 0).data(EntryRole) == (code, entry)
    shown = model.index(0, COL_NEEDED).data()
    assert shown == (number(entry["needed"]) if "needed" in entry else "单独改变该指标无法达到")
    assert w.why.targets_title.text().startswith(f"{a} 现居第 {found['current_rank']} 名")
    # unreachable rows say so, last
    unreachable = [i for i, (_c, e) in enumerate(found["indicators"].items()) if "needed" not in e]
    if unreachable:
        assert model.index(unreachable[0], COL_NEEDED).data() == "单独改变该指标无法达到"
        assert unreachable == list(range(unreachable[0], len(found["indicators"])))


def test_target_model_passes_the_model_tester(qtmodeltester, project):
    from core.pipeline.run import compute
    r = compute(project)
    a = _ranked(r)[11]
    m = TargetModel()
    m.set_targets(targets(project, r, a, 10), {c: r.framework.nodes[c].name("zh") for c in r.framework.leaves})
    assert m.rowCount() == len(r.framework.leaves)
    qtmodeltester.check(m, force_py=True)


def test_tree_model_with_bands_passes_the_model_tester(why, qtbot, qtmodeltester):
    _settled(qtbot, why)
    qtmodeltester.check(why.tree.model, force_py=True)


def test_latest_job_delivers_only_the_newest_request(qtbot):
    job = LatestJob(settle_ms=20)
    got = []
    job.done.connect(lambda key, out: got.append((key, out)))
    job.request("old", lambda: 1)
    job.request("new", lambda: 2)  # before the first started: it replaces it
    qtbot.waitUntil(lambda: not job.busy, timeout=WAIT)
    assert got == [("new", 2)] and job.runs == 1
    # a request arriving while one runs: the running one's outcome is dropped, the newer one runs after
    import threading
    gate = threading.Event()
    job.request("slow", lambda: gate.wait(10) and 3)
    qtbot.waitUntil(lambda: job.task is not None, timeout=WAIT)
    job.request("newest", lambda: 4)
    gate.set()
    qtbot.waitUntil(lambda: not job.busy, timeout=WAIT)
    assert got[1:] == [("newest", 4)]
    assert np.isfinite(job.runs) and job.runs == 3


def test_closing_while_a_job_runs_waits_for_its_work_only(qtbot):
    """The window's close waits for a running band or target job: until its work returns, not for a
    timeout (the worker thread's event loop is told to end)."""
    import threading
    job = LatestJob(settle_ms=0)
    gate = threading.Event()
    job.request("slow", lambda: gate.wait(20) and 1)
    qtbot.waitUntil(lambda: job.task is not None, timeout=WAIT)
    task = job.task
    threading.Timer(0.2, gate.set).start()
    job.wait(60000)
    assert task.thread.isFinished()
    got = []
    job.done.connect(lambda key, out: got.append(key))
    qtbot.waitUntil(lambda: job.task is None, timeout=WAIT)
    assert got == []  # the outcome of a job waited for at close is dropped


QUIET_AT_EXIT = r"""
import time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui import worker
worker.run_quietly(lambda _p, _c: time.sleep(0.5), lambda _o: None, lambda _e: None)
print("leaving while it runs")
"""


def test_a_script_ending_while_a_quiet_task_runs_does_not_abort(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path
    out = subprocess.run([sys.executable, "-c", QUIET_AT_EXIT], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         text=True, capture_output=True, timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr
    assert "Destroyed while thread" not in out.stderr


def test_switching_to_english_renames_the_tab_and_the_bars(why, qtbot):
    w = why
    w.set_language("en")
    qtbot.wait(50)  # the language change is an event, delivered by the loop
    fw = w.controller.framework
    assert w.charts.tabs.tabText(w.charts.tabs.indexOf(w.why)) == "Why?"
    assert w.why.chart.labels == [fw.nodes[d].name("en") for d in fw.children[fw.root]]
    assert w.why.a_label.text() == "City A:"
