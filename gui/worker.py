"""Long work off the GUI thread, Orange3-style.

The work is a plain function `fn(progress, cancelled)` (progress(fraction),
cancelled() → bool) that knows nothing of Qt; `run_with_progress` runs it in a
QThread behind a progress dialog with a Cancel button and delivers the result
or the exception back on the GUI thread.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    pass


class _NoCollectionOffThread:
    """Python's cyclic garbage collector runs in whichever thread happens to allocate. Run in a
    worker, it may destroy Qt objects (of a closed window, a finished dialog) there: the worker then
    waits for a Qt lock that the GUI thread holds while the GUI thread waits for Python's lock — a
    deadlock (seen under test with gdb). So while any task runs, automatic collection is off; the GUI
    thread collects before the first task starts and after the last one ends."""

    running = 0

    @classmethod
    def acquire(cls) -> None:
        if cls.running == 0:
            gc.collect()
            gc.disable()
        cls.running += 1

    @classmethod
    def release(cls) -> None:
        cls.running = max(0, cls.running - 1)
        if cls.running == 0:
            gc.enable()


class _Worker(QObject):
    progressed = Signal(float)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable):
        super().__init__()
        self.fn = fn
        self.cancel_requested = False

    def run(self) -> None:
        try:
            out = self.fn(self.progressed.emit, lambda: self.cancel_requested)
        except BaseException as e:  # delivered to the GUI thread, never lost
            self.failed.emit(e)
        else:
            self.done.emit(out)


class Task(QObject):
    """One background run; keeps its thread and worker alive until finished."""

    finished = Signal()

    def __init__(self, parent: QWidget, fn: Callable, label: str, on_done: Callable, on_error: Callable,
                 cancellable: bool = True):
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = _Worker(fn)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 1000, parent)
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(300)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self._cancel)
        self.on_done, self.on_error = on_done, on_error
        self.thread.started.connect(self.worker.run)
        # The worker's signals come from its thread; connecting them to this object's methods
        # (it lives in the GUI thread) queues them, so widgets are only touched on the GUI thread.
        self.worker.progressed.connect(self._progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.result = None
        self._holds_gc = False

    def _progress(self, f: float) -> None:
        self.dialog.setValue(int(1000 * min(max(f, 0.0), 1.0)))

    def _done(self, out) -> None:
        self.result = out
        self._stop()
        self.on_done(out)
        self.finished.emit()

    def _failed(self, e) -> None:
        self._stop()
        self.on_error(e)
        self.finished.emit()

    def start(self) -> Task:
        _NoCollectionOffThread.acquire()
        self._holds_gc = True
        self.thread.start()
        return self

    def _release_gc(self) -> None:
        if self._holds_gc:
            self._holds_gc = False
            _NoCollectionOffThread.release()

    def _cancel(self) -> None:
        self.worker.cancel_requested = True

    def _stop(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()
        self._release_gc()

    def wait(self, ms: int = 60000) -> bool:
        finished = self.thread.wait(ms)
        if finished:
            self._release_gc()
        return finished


def run_with_progress(parent: QWidget, fn: Callable, label: str, on_done: Callable, on_error: Callable,
                      cancellable: bool = True) -> Task:
    return Task(parent, fn, label, on_done, on_error, cancellable).start()
