"""The window's report export (gui.dialogs.report_export) reports its progress and honours Cancel: the user
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
    from gui.dialogs.report_export import export_report
    clicked = []
    # fires at the first event processing of the export: the figures' dialog exists then
    QTimer.singleShot(0, lambda: clicked.extend(click_cancel(d) for d in progress_dialogs("Drawing the report's "
                                                                                             "figures…")))
    out = export_report(parent, controller, tmp_path / "draft.docx")
    assert clicked == [True]
    assert out is None
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in parent.statusBar().currentMessage()


def test_cancel_while_the_document_is_written(parent, controller, tmp_path, monkeypatch):
    """The document is built on a worker behind its own dialog; its progress moves, and Cancel stops it."""
    import time

    import core.outputs.report as rx  # gui.dialogs.report_export imports write_document from it when it runs
    from gui.dialogs.report_export import export_report
    seen: dict = {"clicked": False, "values": []}
    real = rx.write_document

    def held_after_the_first_progress(*a, progress, cancelled, **k):
        """The sample's document is written in well under a second: after its first progress report the
        worker waits (10 s at most) for the user's Cancel, so the click never races the end."""
        state = {"held": False}

        def report(f):
            progress(f)
            if not state["held"] and f > 0:
                state["held"] = True
                end = time.monotonic() + 10
                while not cancelled() and time.monotonic() < end:
                    time.sleep(0.01)
        return real(*a, progress=report, cancelled=cancelled, **k)

    monkeypatch.setattr(rx, "write_document", held_after_the_first_progress)

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
    from gui.dialogs.report_export import export_report
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


def test_leader_profile_figure_shows_the_runner_up(qtbot, project):
    """The figure beside the caption: the leader's bars are drawn beside the runner-up's, with the legend
    naming the runner-up's rank in the report's language (not 'Rank 1' = itself)."""
    from core.outputs.report import figure_plan
    from core.outputs.report_facts import ReportOptions
    from core.pipeline.run import compute
    from gui.charts.report_charts import _profile
    from gui.charts.widgets import ProfileChart

    result = compute(project)
    ranking = result.ranks.sort_values(kind="stable")
    leader, runner_up = ranking.index[0], ranking.index[1]
    spec = next(s for s in figure_plan(result, ReportOptions()) if s.key == f"profile:{leader}")
    chart = ProfileChart()
    qtbot.addWidget(chart)
    _profile(chart, result, leader, 1, "zh", spec.params["ref"], spec.params["ref_rank"])
    labels = [label.text for _sample, label in chart.legend.items]
    assert labels == [leader, "平均水平", f"第 2 名：{runner_up}"]
    dims = list(result.framework.children[result.framework.root])
    assert chart.values["leader"] == pytest.approx([float(result.scores.loc[runner_up, c]) for c in dims])
