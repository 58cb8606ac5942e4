"""The window through its front door: every menu action, the key sequences, the dialogs they open.

A fixture answers every file, message and input dialog (QFileDialog / QMessageBox / QInputDialog
static methods, QDialog.exec) so nothing blocks; each action is then triggered with QAction.trigger()
as a click would, and the test fails on any exception that reaches sys.excepthook (PySide6 hands an
exception raised in a slot to it: the `excepthook` fixture records them and each step asserts none;
pytest-qt's own capture stays on, `qt_no_exception_capture` is not set), any ERROR in the log or any
critical Qt message.
"""

from __future__ import annotations

import logging
import shutil
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction, QKeySequence  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from core.files.paths import SAMPLE_WORKBOOK  # noqa: E402

pytestmark = pytest.mark.gui
SB = QMessageBox.StandardButton


class Answers:
    """What the dialogs answer; every call is recorded (kind, caption, start, …)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.open_file: Path | None = None  # getOpenFileName's answer (None: cancel)
        self.question = SB.No  # QMessageBox.question's answer
        self.multiline = ("", False)  # QInputDialog.getMultiLineText's answer
        self.calls: list[tuple] = []
        self.n = 0

    def save_name(self, start: str, filters: str) -> str:
        self.n += 1
        suffix = Path(start).suffix
        if not suffix and "(*." in filters:
            suffix = "." + filters.split("(*.", 1)[1].split(")", 1)[0].split()[0]
        return str(self.folder / f"answer{self.n}{suffix}")


@pytest.fixture
def answers(tmp_path, monkeypatch):
    a = Answers(tmp_path / "out")
    a.folder.mkdir()

    def get_save(parent=None, caption="", start="", filters="", *args, **kw):
        a.calls.append(("save", caption, start))
        name = a.save_name(start, filters)
        return name, filters.split(";;")[0]

    def get_open(parent=None, caption="", start="", filters="", *args, **kw):
        a.calls.append(("open", caption, start))
        return (str(a.open_file) if a.open_file else ""), filters.split(";;")[0]

    def get_opens(parent=None, caption="", start="", filters="", *args, **kw):
        a.calls.append(("opens", caption, start))
        return [], ""

    def get_dir(parent=None, caption="", start="", *args, **kw):
        a.calls.append(("dir", caption, start))
        d = a.folder / f"dir{len(a.calls)}"
        d.mkdir()
        return str(d)

    def message(kind):
        def show(parent=None, title="", text="", *args, **kw):
            a.calls.append((kind, title, text))
            return SB.Ok
        return show

    def question(parent=None, title="", text="", *args, **kw):
        a.calls.append(("question", title, text))
        return a.question

    def multiline(parent=None, title="", label="", *args, **kw):
        a.calls.append(("multiline", title, label))
        return a.multiline

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_opens))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(get_dir))
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(message(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *args, **kw: a.calls.append(("about",))))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *args, **kw: ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args, **kw: ("", False)))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(multiline))
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    return a


@pytest.fixture
def excepthook(monkeypatch):
    """Every exception that reaches sys.excepthook (an exception in a slot or a virtual method)."""
    seen: list = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: seen.append(exc))
    return seen


@pytest.fixture
def win(qtbot, answers, excepthook, sample_window):
    """conftest's sample window, made after the dialogs are answered and exceptions collected."""
    yield sample_window
    if sample_window.analysis is not None:
        sample_window.analysis.cancel_and_wait()
    wait_tasks(qtbot, sample_window)  # (a task's thread ends once its outcome is delivered on this thread)
    close_dialogs(sample_window)


def close_dialogs(main: QWidget | None = None) -> None:
    QApplication.processEvents()
    for d in QApplication.topLevelWidgets():
        if d is not main and not isinstance(d, QMainWindow) and d.isVisible():
            if isinstance(d, QDialog):
                d.reject()
            d.close()
    QApplication.processEvents()


def wait_tasks(qtbot, w) -> None:
    qtbot.waitUntil(lambda: not w._tasks, timeout=60000)


def menu_actions(menu) -> list[QAction]:
    """The menu's actions, submenus walked (as they are when reached)."""
    out = []
    for a in menu.actions():
        if a.isSeparator():
            continue
        if a.menu() is not None:
            out.extend(menu_actions(a.menu()))
        else:
            out.append(a)
    return out


def test_every_menu_action_runs_without_an_exception(win, qtbot, answers, excepthook, caplog, qtlog, tmp_path):
    caplog.set_level(logging.WARNING)
    mine = tmp_path / "mine.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, mine)
    answers.open_file = mine
    answers.multiline = ("北京\n上海", True)
    with qtbot.waitSignal(win.controller.result_changed, timeout=5000):
        win.controller.set_share("T", 0.3)  # something to undo, redo and save
    triggered: list[str] = []
    quit_action = win.act_quit
    for top in win.menuBar().actions():
        menu = top.menu()
        # walked lazily: File → Open… fills File → Recent files before that submenu is reached
        stack = [a for a in menu.actions() if not a.isSeparator()]
        while stack:
            action = stack.pop(0)
            if action.menu() is not None:
                stack[:0] = [a for a in action.menu().actions() if not a.isSeparator()]
                continue
            if action is quit_action:
                continue
            if action is win.act_verify:  # verify the workbook Ctrl+E wrote below
                continue
            if action in (win.act_ahp, win.act_data_weights):
                win.tree.select_code("T")
            triggered.append(action.text())
            action.trigger()
            wait_tasks(qtbot, win)
            close_dialogs(win)
            assert not excepthook, f"{action.text()}: {excepthook[0][1]!r}"
    assert len(triggered) >= 35, triggered
    # what came out of the file menu: the project, the results, the charts, the report, the blank workbook
    written = sorted(p.suffix for p in answers.folder.rglob("*.*"))
    assert ".cidx" in written and ".xlsx" in written and ".docx" in written and ".png" in written
    assert not excepthook
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    from PySide6.QtCore import QtMsgType
    assert not [m for m in qtlog.records if m.type in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)]
    quit_action.trigger()
    assert not win.isVisible()


def test_report_draft_through_its_menu_action_writes_a_docx(win, qtbot, answers, excepthook):
    win.act_export_report.trigger()
    docs = list(answers.folder.glob("*.docx"))
    assert len(docs) == 1, answers.calls
    with zipfile.ZipFile(docs[0]) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "北京" in body  # the sample's leader is in the draft
    assert not excepthook


def press(win, qtbot, keys: str) -> None:
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    QTest.keySequence(win, QKeySequence(keys))


def test_key_sequences_export_the_report_and_the_results_then_verify(win, qtbot, answers, excepthook):
    press(win, qtbot, "Ctrl+Shift+R")
    assert [p.suffix for p in answers.folder.glob("*.docx")] == [".docx"]
    press(win, qtbot, "Ctrl+E")
    wait_tasks(qtbot, win)
    results = [p for p in answers.folder.glob("*.xlsx")]
    assert len(results) == 1
    assert openpyxl.load_workbook(results[0], read_only=True).sheetnames[0]
    # History → Verify a results workbook…: the workbook just written matches the open project
    answers.open_file = results[0]
    win.act_verify.trigger()
    dlg = [d for d in QApplication.topLevelWidgets() if d.__class__.__name__ == "VerifyDialog" and d.isVisible()]
    assert len(dlg) == 1 and dlg[0].rep["match"]
    assert "MATCH" in dlg[0].headline.text() or "一致" in dlg[0].headline.text()
    close_dialogs(win)
    # an edit later, the same workbook no longer matches, and the dialog names the edit's effect
    with qtbot.waitSignal(win.controller.result_changed, timeout=5000):
        win.controller.set_share("A", 0.6)
    rep = win.verify_results(results[0]).rep
    assert not rep["match"] and rep["input_differences"]
    assert not excepthook


def test_verify_of_a_file_that_is_not_a_workbook_says_so(win, answers, tmp_path, excepthook):
    bad = tmp_path / "not_results.xlsx"
    bad.write_text("hello")
    assert win.verify_results(bad) is None
    warned = [c for c in answers.calls if c[0] == "warning"]
    assert len(warned) == 1 and "not_results.xlsx" in warned[0][2]
    assert not excepthook


def test_new_blank_project_writes_the_template_with_the_units_typed(win, answers, excepthook):
    answers.multiline = ("北京\n上海\n\n北京\n", True)  # a blank line and a repeat are dropped
    win.act_new_blank.trigger()
    written = list(answers.folder.glob("*.xlsx"))
    assert len(written) == 1
    wb = openpyxl.load_workbook(written[0])
    data = wb["数据"]
    rows = [r for r in data.iter_rows(values_only=True)]
    assert [r[0] for r in rows[1:]] == ["北京", "上海"]
    fw = win.controller.framework
    assert list(rows[0][2:]) == fw.leaves  # every indicator of the default framework, empty
    assert all(v is None for r in rows[1:] for v in r[1:])
    assert str(written[0]) in win.recent_files()
    assert not excepthook


def with_a_bad_cell(path: Path, row: int, code: str, text: str) -> str:
    """A copy of the sample with `text` in the data sheet's cell (row, code); returns that row's unit."""
    shutil.copy(SAMPLE_WORKBOOK, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["数据"]
    header = [c.value for c in ws[1]]
    ws.cell(row=row, column=header.index(code) + 1, value=text)
    wb.save(path)
    return ws.cell(row=row, column=1).value


def test_a_failed_open_brings_problems_forward_and_its_problems_do_not_jump_into_the_open_project(
        win, qtbot, answers, tmp_path, excepthook):
    bad = tmp_path / "broken.xlsx"
    with_a_bad_cell(bad, 3, "P11", "abc")  # not a number: an error
    win.history_dock.raise_()  # the 修改记录 tab in front, as the issue found it
    answers.question = SB.No  # "open anyway?" — no
    project = win.controller.project
    assert not win.open_path(bad)
    qtbot.waitUntil(lambda: any(c[0] == "question" for c in answers.calls), timeout=3000)
    assert win.controller.project is project
    assert not win.problems_dock.visibleRegion().isEmpty()  # in front of its tabbed siblings
    assert win.history_dock.visibleRegion().isEmpty()
    # a problem of broken.xlsx: clicking it must not select that row/column in the sample's data
    problem = win.problems.model.items[0]
    assert problem.file == "broken.xlsx"
    win.tabs.setCurrentIndex(0)
    before = win.data_table.currentIndex()
    win.problems.problem_activated.emit(problem)
    assert win.tabs.currentIndex() == 0 and win.data_table.currentIndex() == before
    assert "broken.xlsx" in win.statusBar().currentMessage()
    assert not excepthook


def test_open_anyway_treats_non_numeric_cells_as_missing_and_lists_them(win, qtbot, answers, tmp_path):
    bad = tmp_path / "typo.xlsx"
    city = with_a_bad_cell(bad, 2, "P11", "12,3abc")
    answers.question = SB.Yes
    assert not win.open_path(bad)  # refused as it is …
    qtbot.waitUntil(lambda: win.controller.path == bad, timeout=5000)  # … then opened when the user says so
    c = win.controller
    assert "typo.xlsx" in win.windowTitle()
    import math
    assert math.isnan(c.project.data.values.loc[city, "P11"])  # missing, never zero
    listed = [p for p in c.project.problems if p.kind == "non_numeric"]
    assert len(listed) == 1 and listed[0].severity == "warning" and listed[0].unit == city
    assert win.problems.model.items and win.problems.shown_file is None
    # the listed cell is the data grid's, and correcting it there clears its problem
    win.problems.problem_activated.emit(listed[0])
    assert win.tabs.currentWidget() is win.data_table
    idx = win.data_table.currentIndex()
    assert win.data_model.data(idx) == "12,3abc"
    with qtbot.waitSignal(c.result_changed, timeout=5000):
        assert win.data_model.setData(idx, "12.3")
    assert c.project.data.values.loc[city, "P11"] == pytest.approx(12.3)
    assert not [p for p in c.project.problems if p.kind == "non_numeric"]


def test_the_unit_column_stays_when_the_data_grid_scrolls_right(win, qtbot):
    t = win.data_table
    win.tabs.setCurrentWidget(t)
    qtbot.waitUntil(t.isVisible)
    t.horizontalScrollBar().setValue(t.horizontalScrollBar().maximum())
    QApplication.processEvents()
    assert t.horizontalScrollBar().value() > 0
    assert t.columnViewportPosition(0) < 0  # the grid's own unit column scrolled out of sight …
    frozen = t.frozen
    assert frozen.isVisible() and frozen.geometry().left() <= t.viewport().geometry().left() + 1
    assert frozen.columnWidth(0) == t.columnWidth(0) and not frozen.isColumnHidden(0)
    assert all(frozen.isColumnHidden(c) for c in range(1, t.model().columnCount()))
    from PySide6.QtCore import QPoint
    first = frozen.indexAt(QPoint(2, 2))
    assert first.column() == 0 and first.data() == win.data_model.index(first.row(), 0).data()
    # vertical scrolling moves both together
    t.verticalScrollBar().setValue(t.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert frozen.verticalScrollBar().value() == t.verticalScrollBar().value() > 0


def test_recent_files_fill_from_the_dialog_the_command_line_and_a_drop(win, qtbot, answers, tmp_path):
    files = []
    for name in ("a.xlsx", "b.xlsx", "c.xlsx"):
        files.append(tmp_path / name)
        shutil.copy(SAMPLE_WORKBOOK, files[-1])
    assert not win.menu_recent.menuAction().isEnabled()
    answers.open_file = files[0]
    win.act_open.trigger()  # the dialog
    assert win.menu_recent.menuAction().isEnabled()
    from gui.app import Startup
    Startup(win, files[1])._painted()  # the command line
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files[2]))])
    win.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier))
    listed = [a.text() for a in win.menu_recent.actions()]
    assert listed == [str(f.resolve()) for f in reversed(files)]
    win.menu_recent.actions()[2].trigger()  # reopen the first one from the list
    assert win.controller.path == files[0]


def test_file_dialogs_start_in_the_open_projects_folder_then_the_last_one_used(win, qtbot, answers, tmp_path):
    folder = tmp_path / "committee"
    folder.mkdir()
    shutil.copy(SAMPLE_WORKBOOK, folder / "index2024.xlsx")
    assert win.open_path(folder / "index2024.xlsx")
    for action in (win.act_export, win.act_export_report, win.act_save_as, win.act_open):
        answers.calls.clear()
        answers.open_file = None
        win.open_path(folder / "index2024.xlsx")  # each time freshly opened: the project's folder
        action.trigger()
        wait_tasks(qtbot, win)
        kind, _caption, start = answers.calls[-1]
        assert Path(start).parent == folder or Path(start) == folder, (action.text(), start)
    # once the user chose another folder, the next dialog starts there
    answers.calls.clear()
    win.act_export.trigger()  # answered with a file in answers.folder
    wait_tasks(qtbot, win)
    win.act_export_charts.trigger()
    assert Path(answers.calls[-1][2]) == answers.folder


def test_the_analysis_dock_asks_with_a_full_width_question_mark(win):
    assert win.analysis_dock.windowTitle() == "排名有多可靠？"


def test_a_large_workbook_opens_behind_a_progress_dialog_and_cancel_keeps_the_open_project(win, qtbot, tmp_path):
    big = tmp_path / "big.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, big)
    project = win.controller.project
    task = win.open_path(big, background=True)
    task.dialog.canceled.emit()  # what the Cancel button sends
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert win.controller.project is project and win.controller.path != big
    task = win.open_path(big, background=True)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert win.controller.path == big and win.controller.project is not project


def test_a_large_project_saves_behind_a_progress_dialog(win, qtbot, tmp_path):
    target = tmp_path / "p.cidx"
    task = win.save_to(target, background=True)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert target.exists() and win.controller.path == target and win.controller.undo_stack.isClean()
    assert win.open_path(target)


def test_cancel_of_a_background_save_keeps_the_previous_file(win, qtbot, tmp_path, monkeypatch):
    """Issue 17: the save's progress dialog has a Cancel; pressing it leaves the previous project file,
    byte for byte, no backup rotated, no temporary file, and no error message."""
    from PySide6.QtWidgets import QMessageBox

    import core.files.project_file as pf
    target = tmp_path / "p.cidx"
    assert win.save_to(target) is True
    before = target.read_bytes()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a))
    win.controller.apply_weights({"P": 0.5, "I": 0.1, "T": 0.1, "A": 0.2, "E": 0.1}, "a change to save", "test")
    win.controller.flush()
    # the worker waits until the test has pressed Cancel (no race with a small project's quick save)
    import threading
    pressed, project_dict = threading.Event(), pf.project_dict
    monkeypatch.setattr(pf, "project_dict", lambda *a, **k: (pressed.wait(10), project_dict(*a, **k))[1])
    task = win.save_to(target, background=True)
    from PySide6.QtWidgets import QPushButton
    (button,) = task.dialog.findChildren(QPushButton)
    button.click()  # the user presses Cancel
    pressed.set()
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["p.cidx"]  # no backup, no temporary
    assert warned == []
    assert not win.controller.undo_stack.isClean()  # still unsaved
    assert "p.cidx" in win.statusBar().currentMessage()


def test_a_read_only_file_refused_by_save_as_is_explained_in_chinese(win, answers, excepthook):
    """The engine's write errors speak both languages (core.text.input_texts write_*): the Chinese
    window says in Chinese why the project file could not be written, and the file is left as it was."""
    target = answers.folder / "answer1.cidx"  # the name the save dialog answers first
    target.write_bytes(b"old")
    target.chmod(0o444)
    try:
        win.act_save_as.trigger()
        warnings = [c for c in answers.calls if c[0] == "warning"]
        assert warnings, answers.calls
        text = warnings[-1][2]
        assert "answer1.cidx" in text and "只读" in text and "read-only" not in text
        assert target.read_bytes() == b"old"
    finally:
        target.chmod(0o644)
    assert not excepthook
