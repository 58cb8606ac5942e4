"""Background tasks never let Python's garbage collector run on the worker thread (where it could
destroy Qt objects and deadlock with the GUI thread); collection resumes when the last task ends."""

import gc
import threading

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QWidget  # noqa: E402

from gui.worker import run_with_progress  # noqa: E402


def test_collection_is_off_while_a_task_runs_and_back_after(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    seen = {}

    def work(progress, cancelled):
        seen["enabled_in_worker"] = gc.isenabled()
        release.wait(10)
        return 42

    assert gc.isenabled()
    out = []
    task = run_with_progress(parent, work, "…", out.append, out.append)
    second = run_with_progress(parent, lambda p, c: 7, "…", out.append, out.append)
    with qtbot.waitSignal(second.finished, timeout=10000):
        pass
    assert not gc.isenabled()  # the first task still runs
    release.set()
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert seen["enabled_in_worker"] is False
    assert sorted(out) == [7, 42]
    assert gc.isenabled()


def test_a_failing_task_also_gives_collection_back(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    errors = []

    def work(progress, cancelled):
        raise ValueError("bad")

    task = run_with_progress(parent, work, "…", lambda out: None, errors.append)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert isinstance(errors[0], ValueError) and gc.isenabled()
