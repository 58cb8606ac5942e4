"""The window's results export reuses the tree's stability intervals when they are current (same result
object, same N): the 稳健性 sheet then carries exactly what the bands show, without a second
weight_stability; otherwise it is computed as before. Over the units × weights cap, current intervals are
written instead of the "use the stability command" note. Through the export QAction, file dialog answered."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.analysis.stability import weight_stability
from core.outputs import stability_sheet
from core.text.why_texts import why_text

WAIT = 60000


@pytest.fixture
def win(sample_window, qtbot):
    w = sample_window
    qtbot.waitUntil(lambda: not w.tree.bands.busy and w.tree.bands.result is w.controller.result, timeout=WAIT)
    return w


@pytest.fixture
def calls(monkeypatch):
    """Every weight_stability the sheet asks for (the spy calls the real one)."""
    seen = []

    def spy(result, top=10, *a, **k):
        seen.append(top)
        return weight_stability(result, top, *a, **k)

    monkeypatch.setattr(stability_sheet, "weight_stability", spy)
    return seen


def export(w, qtbot, monkeypatch, path: Path) -> openpyxl.Workbook:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warned.append(a)))
    w.act_export.trigger()
    task = w._tasks[-1]
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        pass
    assert not warned and path.exists()
    return openpyxl.load_workbook(path)


def sheet_rows(wb) -> dict[str, tuple]:
    """code → (current, low, high) from the 稳健性 sheet (rows from 3)."""
    ws = wb[why_text("s_stability", "zh")]
    return {r[0]: (r[4], r[5], r[6]) for r in ws.iter_rows(min_row=3, values_only=True) if r[0]}


def expected_rows(st: dict) -> dict:
    """The same from weight_stability's answer (the workbook stores 16 significant digits)."""
    return {c: pytest.approx((e["current"], e["low"], e["high"]), rel=1e-14, abs=1e-15)
            for c, e in st["weights"].items()}


def test_current_intervals_are_reused_not_recomputed(win, qtbot, monkeypatch, tmp_path, calls):
    w = win
    assert w.ranking.top.value() == w.tree.band_top.value() == 10
    held = w.tree.bands.outcome
    wb = export(w, qtbot, monkeypatch, tmp_path / "r.xlsx")
    assert calls == []  # not computed again
    rows = sheet_rows(wb)
    assert rows == expected_rows(held)
    assert rows == expected_rows(weight_stability(w.controller.result, 10))  # and they are the engine's


def test_another_n_or_a_newer_result_is_computed_as_before(win, qtbot, monkeypatch, tmp_path, calls):
    w = win
    w.tree.band_top.setValue(5)  # the bands now hold N = 5; the export's N is the ranking's 10
    qtbot.waitUntil(lambda: not w.tree.bands.busy and w.tree.bands.computed_top == 5, timeout=WAIT)
    wb = export(w, qtbot, monkeypatch, tmp_path / "n.xlsx")
    assert calls == [10]
    assert sheet_rows(wb) == expected_rows(weight_stability(w.controller.result, 10))
    # an edit whose bands are not in yet: the held intervals are of the previous result
    w.tree.band_top.setValue(10)
    qtbot.waitUntil(lambda: not w.tree.bands.busy and w.tree.bands.computed_top == 10, timeout=WAIT)
    w.tree.bands.job._timer.setInterval(60000)  # the new intervals will not arrive before the export
    w.controller.set_share("P", w.controller.framework.local_weights()["P"] + 0.03)
    w.controller.end_gesture()
    calls.clear()
    wb = export(w, qtbot, monkeypatch, tmp_path / "e.xlsx")
    assert w.tree.bands.result is not w.controller.result and calls == [10]
    assert sheet_rows(wb) == expected_rows(weight_stability(w.controller.result, 10))
    w.tree.bands.job.cancel()


def test_over_the_cap_current_intervals_replace_the_note(win, qtbot, monkeypatch, tmp_path, calls):
    w = win
    monkeypatch.setattr(stability_sheet, "MAX_CELLS", 100)  # the sample (50 × 58) is now "too large"
    wb = export(w, qtbot, monkeypatch, tmp_path / "big.xlsx")
    assert calls == []
    ws = wb[why_text("s_stability", "zh")]
    assert ws["A1"].value == why_text("st_note", "zh", n=10)
    assert sheet_rows(wb) == expected_rows(weight_stability(w.controller.result, 10))
    # not current (another N): the note, as before, and nothing computed
    w.tree.band_top.setValue(4)
    qtbot.waitUntil(lambda: not w.tree.bands.busy and w.tree.bands.computed_top == 4, timeout=WAIT)
    wb = export(w, qtbot, monkeypatch, tmp_path / "big2.xlsx")
    ws = wb[why_text("s_stability", "zh")]
    assert calls == [] and sheet_rows(wb) == {}
    assert "稳健性区间需对每个权重各重算一遍" in ws["A1"].value
