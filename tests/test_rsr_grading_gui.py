"""The analysis dock's 秩和比分档 tab (issue 20 point 3): hidden until a node is aggregated by rsr,
then the grading of that node as the engine gives it; its levels spin box is the rsr_levels setting.

Front door: the aggregation is set in the tree's combo (the undoable edit the app makes), the tab is
opened as a user opens it, the spin box is stepped, Ctrl+Z undoes; the table is compared with
core.analysis.rsr_grading.rsr_grading run on the node's scores / scale."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QComboBox  # noqa: E402

from core.analysis.rsr_grading import rsr_grading  # noqa: E402
from gui.models.rsr_model import RSRGradingModel  # noqa: E402
from gui.models.tree_model import COL_AGGREGATION  # noqa: E402
from gui.panels.analysis_panel import RSR  # noqa: E402
from tests.test_tree import close_editor  # noqa: E402

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent


def expected(result, node, levels):
    j = result.plan.codes.index(node)
    return rsr_grading(result.units, result.scores_array[:, j] / result.settings.scale, levels)


def set_aggregation(win, code, method):
    tree = win.tree
    tree.select(code)
    tree.view.edit(tree.model.index_of(code, COL_AGGREGATION))
    combo = next(cb for cb in tree.view.findChildren(QComboBox) if cb.isVisible())  # not an earlier editor
    combo.setCurrentIndex(combo.findData(method))
    close_editor(tree.view, COL_AGGREGATION, combo)
    win.controller.flush()


def open_dock(win):
    dock = win.analysis.parentWidget()
    while dock is not None and not hasattr(dock, "toggleViewAction"):
        dock = dock.parentWidget()
    if dock is not None and not dock.isVisible():
        dock.toggleViewAction().trigger()


def test_the_tab_follows_the_rsr_nodes_and_shows_the_engines_grading(sample_window, qtbot):
    win = sample_window
    c, panel = win.controller, win.analysis
    open_dock(win)
    assert not panel.tabs.isTabVisible(RSR)  # the sample aggregates by the arithmetic mean
    set_aggregation(win, "T", "rsr")
    assert c.framework.nodes["T"].aggregation == "rsr"
    assert panel.tabs.isTabVisible(RSR)
    panel.tabs.setCurrentIndex(RSR)
    view = panel.rsr_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    assert view.node.currentData() == "T" and view.levels.value() == 3
    g = expected(c.result, "T", 3)
    rows = view.rows()
    assert [r[0] for r in rows] == [u.unit for u in g.units]
    assert [r[5] for r in rows] == [u.grade for u in g.units]
    assert np.allclose([r[4] for r in rows], [u.fitted for u in g.units])
    assert f"{g.a:.4f}" in view.line.text() and f"{g.b:.4f}" in view.line.text()

    # the levels spin box: an undoable settings edit, the table regraded
    view.levels.setValue(5)
    c.flush()
    qtbot.waitUntil(lambda: view.levels.value() == 5 and view.grading is not None and view.grading.levels == 5,
                    timeout=10000)
    assert c.settings.rsr_levels == 5
    g5 = expected(c.result, "T", 5)
    assert [r[5] for r in view.rows()] == [u.grade for u in g5.units]
    assert {r[6] for r in view.rows()} <= set(g5.level_name(k, "zh") for k in range(1, 6))
    assert len(view.cuts.text().split(";")) == 5
    c.undo_stack.undo()
    c.flush()
    qtbot.waitUntil(lambda: view.levels.value() == 3, timeout=10000)
    assert c.settings.rsr_levels == 3 and view.grading.levels == 3

    # a second rsr node is offered, the index first
    set_aggregation(win, "AICI", "rsr")
    qtbot.waitUntil(lambda: view.node.count() == 2, timeout=10000)
    assert [view.node.itemData(i) for i in range(2)] == ["AICI", "T"]
    assert view.node.currentData() == "T"  # the choice is kept
    view.node.setCurrentIndex(0)
    assert [r[0] for r in view.rows()] == [u.unit for u in expected(c.result, "AICI", 3).units]

    # back to the mean everywhere: the tab goes
    c.undo_stack.undo()
    c.undo_stack.undo()
    c.flush()
    assert c.framework.nodes["T"].aggregation != "rsr"
    qtbot.waitUntil(lambda: not panel.tabs.isTabVisible(RSR), timeout=10000)


def test_the_model_passes_qt_model_tester(qtmodeltester):
    m = RSRGradingModel()
    m.set_grading(rsr_grading(list("ABCDEF"), [0.7, 0.4, 0.9, 0.2, 0.4, 0.5], 4), "zh")
    qtmodeltester.check(m, force_py=True)  # the tester stays attached: the resets below are checked too
    assert m.rowCount() == 6 and m.columnCount() == 7
    assert m.data(m.index(0, 0)) == "C" and m.data(m.index(0, 6)) == "上"
    assert m.data(m.index(0, 2)) == "0.9000" and m.data(m.index(0, 2), Qt.UserRole) == 0.9
    m.set_grading(rsr_grading(["A", "B"], [0.3, 0.8], 3), "en")  # no regression: dashes, no crash
    assert m.data(m.index(0, 4)) == "–" and m.data(m.index(0, 6)) == "–"
    m.set_grading(None)
    assert m.rowCount() == 0


def test_every_window_string_of_the_tab_has_its_chinese():
    zh = json.loads((ROOT / "resources/i18n/zh_CN.rsr.json").read_text(encoding="utf-8"))
    found = set()
    for path, ctx in (("gui/panels/rsr_view.py", "RSRView"), ("gui/models/rsr_model.py", "RSRGradingModel")):
        src = (ROOT / path).read_text(encoding="utf-8")
        found |= {f"{ctx}|{s}" for s in re.findall(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"', src)}
        # strings split over lines: "a " "b" inside one tr(
        for m in re.finditer(r'self\.tr\(((?:\s*"(?:[^"\\]|\\.)*"\s*)+)\)', src):
            found.add(f"{ctx}|" + "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))))
    found = {f for f in found if not any(f != g and g.startswith(f) for g in found)}  # the joined form
    found.add("AnalysisPanel|RSR grading")
    assert found <= set(zh), found - set(zh)
    assert all(zh[k] for k in found)
