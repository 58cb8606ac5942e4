"""A weight edit under benefit of the doubt on a large input does not hold the window: the edit
returns at once, the recompute runs in a worker thread, and the result that arrives is the one
a fresh compute gives; edits made meanwhile are coalesced (only the newest is computed)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.bench_engine import default_framework, synthetic_project  # noqa: E402
from core.pipeline import bod  # noqa: E402
from core.pipeline.run import compute  # noqa: E402
from gui.background_recompute import BackgroundReweight, wants_background  # noqa: E402
from gui.controller import Controller  # noqa: E402
from gui.models.tree_model import COL_WEIGHT, IndicatorTreeModel  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def large_bod_project():
    """300 generated cities on the default framework (41 indicators), the index (root) by BoD and
    the rest by the arithmetic mean: a weight edit below moves the root's inputs, so the root's
    300 programmes are solved again (cold: the cache is cleared before each edit)."""
    p = synthetic_project(default_framework(), 300, np.random.default_rng(7))
    fw = p.framework
    return replace(p, framework=fw.with_node(replace(fw.nodes[fw.root], aggregation="bod")))


@pytest.fixture
def controller(qapp, large_bod_project):
    c = Controller()
    c.set_project(large_bod_project)
    yield c
    c.flush()
    c.deleteLater()


def fresh(project):
    bod.CACHE.clear()
    return compute(project)


def test_weight_edit_returns_at_once_and_the_result_arrives_later(qtbot, controller):
    c = controller
    before = c.result
    model = IndicatorTreeModel(c)
    child = c.framework.children[c.framework.root][1]
    bod.CACHE.clear()
    assert model.setData(model.index_of(child, COL_WEIGHT), 40.0)
    QApplication.processEvents()  # the coalescing timer fires: the recompute is handed over
    assert c.result is before  # control is back with the old result still shown …
    assert c._background.busy()  # … while the worker computes
    with qtbot.waitSignal(c.result_changed, timeout=120_000) as got:
        pass
    assert got.args[0] is c.result and c.result is not before
    assert not c._background.busy()
    expected = fresh(c.project)
    assert np.allclose(c.result.root_scores, expected.root_scores, atol=1e-9, equal_nan=True)
    assert c.result.ranking() == expected.ranking()


def test_flush_while_computing_gives_the_newest_state(qtbot, controller):
    c = controller
    model = IndicatorTreeModel(c)
    kids = c.framework.children[c.framework.root]
    bod.CACHE.clear()
    model.setData(model.index_of(kids[0], COL_WEIGHT), 35.0)
    QApplication.processEvents()
    assert c._background.busy()
    c.flush()  # export and the tests need the current result now
    assert not c._background.busy()
    assert np.allclose(c.result.root_scores, fresh(c.project).root_scores, atol=1e-9, equal_nan=True)


def test_only_the_newest_of_several_edits_is_computed_and_shown(qtbot, qapp, large_bod_project):
    base = compute(large_bod_project)
    fw = large_bod_project.framework
    kid = fw.children[fw.root][0]
    frameworks = [fw.with_weights({kid: float(x)}) for x in (0.5, 1.5, 2.5)]
    delivered = []
    runner = BackgroundReweight(None, lambda r, ms: delivered.append(r), lambda e: delivered.append(e))
    bod.CACHE.clear()
    for f in frameworks:
        runner.submit(base, f)
    qtbot.waitUntil(lambda: not runner.busy(), timeout=120_000)
    assert len(delivered) == 1
    newest = replace(large_bod_project, framework=frameworks[-1])
    assert np.allclose(delivered[0].root_scores, fresh(newest).root_scores, atol=1e-9, equal_nan=True)


def test_only_slow_reweights_leave_the_gui_thread(large_bod_project):
    r = compute(large_bod_project)
    assert wants_background(r, large_bod_project.framework)  # a BoD node: always
    fw = large_bod_project.framework
    plain = fw.with_node(replace(fw.nodes[fw.root], aggregation="arithmetic"))
    r2 = compute(replace(large_bod_project, framework=plain))
    assert not wants_background(r2, plain)  # the weighted sum stays on the live path


def test_the_window_stays_live_and_says_it_is_computing(qtbot, large_bod_project):
    from PySide6.QtCore import QTimer

    from gui.main_window import MainWindow

    w = MainWindow(lang="en", remember=False)
    w._ask_unsaved = lambda: "discard"
    qtbot.addWidget(w)
    w.controller.set_project(large_bod_project)
    w.show()
    c = w.controller
    ticks = []
    timer = QTimer(w)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    model = w.tree.model
    bod.CACHE.clear()
    model.setData(model.index_of(c.framework.children[c.framework.root][2], COL_WEIGHT), 30.0)
    QApplication.processEvents()
    assert w.statusBar().currentMessage() == "Recomputing in the background…"
    with qtbot.waitSignal(c.result_changed, timeout=120_000):
        pass
    assert ticks  # the event loop ran (timers fired) while the worker computed
    assert "units scored (weights only)" in w.statusBar().currentMessage()
    timer.stop()
    c.flush()


def test_a_background_reweight_moves_every_edition(qtbot, qapp, tmp_path):
    """A project of two editions with a BoD node: the weight edit goes to the worker, and what comes
    back is every edition reweighted (not only the latest), each equal to a fresh compute of its
    edition under the new weights."""
    from core.files.loader import load
    from tests.editions_fixture import write_editions_workbook
    path = write_editions_workbook(tmp_path / "ed.xlsx", labels=("2023", "2024"))
    project, _ = load(path)
    fw = project.framework
    project = project.with_framework(fw.with_node(replace(fw.nodes[fw.root], aggregation="bod")))
    c = Controller()
    c.set_project(project)
    before = {label: r for label, r in c.eds.er.results.items()}
    model = IndicatorTreeModel(c)
    child = c.framework.children[c.framework.root][1]
    assert model.setData(model.index_of(child, COL_WEIGHT), 40.0)
    QApplication.processEvents()
    assert c._background.busy()
    with qtbot.waitSignal(c.result_changed, timeout=120_000):
        pass
    for label in ("2023", "2024"):
        got = c.eds.er.results[label]
        assert got is not before[label], label  # the older edition moved too
        expected = fresh(c.project.for_edition(label))
        assert np.allclose(got.root_scores, expected.root_scores, atol=1e-9, equal_nan=True), label
    assert c.result is c.eds.er.latest
    c.flush()
    c.deleteLater()
