"""The tree's 稳定前 N 名 and the 为什么？ tab's 目标名次 K travel with the project file (gui.models.view_state):
set them, save through the Save action, open something else (defaults 10/10), reopen through the Open
action: both restored, and the bands recomputed for the restored N. A file without them opens with the
defaults. View state, not an edit: no undo step, no history entry, the project not marked unsaved."""

import pytest
from PySide6.QtWidgets import QFileDialog

from core.files import project_file as pf
from gui.models.view_state import KEY

WAIT = 60000


@pytest.fixture
def win(sample_window, qtbot, monkeypatch):
    w = sample_window
    w.charts.tabs.setCurrentWidget(w.why)
    qtbot.waitUntil(lambda: not w.tree.bands.busy and not w.why.targets_job.busy, timeout=WAIT)
    return w


def _answer(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _spins(w) -> tuple[int, int]:
    return w.tree.band_top.value(), w.why.rank_k.value()


def test_saved_with_the_project_and_restored_on_open(win, qtbot, monkeypatch, tmp_path):
    w, c = win, win.controller
    assert _spins(w) == (10, 10)
    steps, entries = c.undo_stack.count(), len(c.history)
    w.tree.band_top.setValue(7)
    w.why.rank_k.setValue(4)
    assert c.undo_stack.count() == steps and len(c.history) == entries and c.undo_stack.isClean()
    target = tmp_path / "view.cidx"
    _answer(monkeypatch, target)
    w.act_save.trigger()  # the sample was never saved: Save asks where (answered)
    assert target.exists()
    doc, errors = pf.load_document(target)
    assert errors == [] and doc.extras[KEY] == {"stability_top": 7, "target_rank": 4}
    assert w.open_default()  # something else in between: its defaults
    assert _spins(w) == (10, 10)
    w.act_open.trigger()
    assert c.path == target
    assert _spins(w) == (7, 4)
    assert w.tree.bands.top == 7
    qtbot.waitUntil(lambda: not w.tree.bands.busy and w.tree.bands.result is c.result, timeout=WAIT)
    assert w.tree.bands.computed_top == 7 and w.tree.bands.top_count == 7
    w.tree.select("P")
    assert "前 7 名" in w.tree.band_strip.toolTip()
    qtbot.waitUntil(lambda: not w.why.targets_job.busy and w.why.last_targets is not None, timeout=WAIT)
    assert w.why.last_targets["rank"] == 4  # the target table is for the restored K


def test_a_file_without_them_opens_with_the_defaults(win, qtbot, monkeypatch, tmp_path):
    w, c = win, win.controller
    old = tmp_path / "old.cidx"
    pf.save_project(c.project, old)  # as an older version wrote it: no view state
    assert KEY not in pf.load_document(old)[0].extras
    w.tree.band_top.setValue(12)
    w.why.rank_k.setValue(3)
    _answer(monkeypatch, old)
    w.act_open.trigger()
    assert c.path == old and _spins(w) == (10, 10)


def test_bad_values_in_the_file_fall_back_to_the_defaults(win, monkeypatch, tmp_path):
    w, c = win, win.controller
    bad = tmp_path / "bad.cidx"
    pf.save_project(c.project, bad, extra={"extras": {KEY: {"stability_top": "x", "target_rank": 0}}})
    w.tree.band_top.setValue(12)
    _answer(monkeypatch, bad)
    w.act_open.trigger()
    assert c.path == bad and _spins(w) == (10, 10)
