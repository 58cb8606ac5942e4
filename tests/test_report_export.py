"""The window's report export (gui.report_export) reports its progress and honours Cancel: the user
clicks Cancel in the progress dialog, while the figures are drawn or while the document is written,
and no file is left behind."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog, QPushButton  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def parent(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def progress_dialogs(label: str | None = None) -> list[QProgressDialog]:
    return [d for d in QApplication.topLevelWidgets() if isinstance(d, QProgressDialog)
            and (label is None or d.labelText() == label)]


def click_cancel(dialog: QProgressDialog) -> bool:
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isEnabled()]
    if not buttons:
        return False
    buttons[0].click()
    return True


def test_cancel_while_the_figures_are_drawn(parent, controller, tmp_path):
    from gui.report_export import export_report
    clicked = []
    # fires at the first event processing of the export: the figures' dialog exists then
    QTimer.singleShot(0, lambda: clicked.extend(click_cancel(d) for d in progress_dialogs("Drawing the report's "
                                                                                             "figures…")))
    out = export_report(parent, controller, tmp_path / "draft.docx")
    assert clicked == [True]
    assert out is None
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in parent.statusBar().currentMessage()


def test_cancel_while_the_document_is_written(parent, controller, tmp_path):
    """The document is built on a worker behind its own dialog; its progress moves, and Cancel stops it."""
    from gui.report_export import export_report
    seen: dict = {"clicked": False, "values": []}

    def poll():
        for d in progress_dialogs("Writing the report draft…"):
            seen["values"].append(d.value())
            if not seen["clicked"] and d.value() > 0:  # progress is reported before the user gives up
                seen["clicked"] = click_cancel(d)

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(poll)
    timer.start()
    try:
        out = export_report(parent, controller, tmp_path / "draft.docx")
    finally:
        timer.stop()
    assert seen["clicked"]
    assert out is None
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in parent.statusBar().currentMessage()


def test_export_runs_to_the_end_with_progress(parent, controller, tmp_path):
    from gui.report_export import export_report
    values: list[int] = []

    def poll():
        values.extend(d.value() for d in progress_dialogs("Writing the report draft…"))

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(poll)
    timer.start()
    try:
        out = export_report(parent, controller, tmp_path / "draft.docx")
    finally:
        timer.stop()
    assert out == tmp_path / "draft.docx" and out.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == ["draft.docx"]
    assert any(0 < v < 1000 for v in values)  # the worker's progress reached the dialog
