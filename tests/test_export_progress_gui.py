"""The window's results export through its menu: a progress dialog with Cancel (cancel keeps the
previous file), the sample marked illustrative, and the map sheet without the window's selection."""

from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def win(sample_window):
    return sample_window


def answer_save_dialog(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def export_action(win):
    return win.act_export


def test_menu_export_shows_progress_with_cancel_and_marks_the_sample(win, tmp_path, qtbot, monkeypatch):
    out = tmp_path / "r.xlsx"
    answer_save_dialog(monkeypatch, out)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warned.append(a)))
    export_action(win).trigger()
    task = win._tasks[-1]
    assert task.dialog.findChildren(QPushButton)  # cancellable: the dialog has its Cancel button
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert out.exists() and not warned
    ws = openpyxl.load_workbook(out)["排名"]
    assert "示例数据" in ws["A2"].value  # the window knows it opened the sample


def test_cancel_from_the_dialog_keeps_the_previous_file(win, tmp_path, qtbot, monkeypatch):
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"the previous results")
    answer_save_dialog(monkeypatch, out)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warned.append(a)))
    export_action(win).trigger()
    task = win._tasks[-1]
    (button,) = task.dialog.findChildren(QPushButton)
    button.click()  # the user presses Cancel
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert out.read_bytes() == b"the previous results"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["r.xlsx"]
    assert not warned  # a cancel is not a failure
    assert "取消" in win.statusBar().currentMessage() or "cancel" in win.statusBar().currentMessage().lower()
    assert not [d for d in QApplication.topLevelWidgets() if isinstance(d, QProgressDialog) and d.isVisible()]


def test_the_exported_map_does_not_ring_the_selected_city(win, tmp_path):
    c = win.controller
    assert c.selected  # opening selects the leader
    ringed = win.charts.map_image(tmp_path / "with.png")
    plain = win.charts.map_image(tmp_path / "without.png", selection=False)
    selected = c.selected
    c.selected = ""
    nothing = win.charts.map_image(tmp_path / "none.png")
    c.selected = selected
    assert ringed.read_bytes() != plain.read_bytes()  # the ring is what differs
    assert plain.read_bytes() == nothing.read_bytes()  # without the selection = nothing selected
