"""Long work off the GUI thread, Orange3-style.

The work is a plain function `fn(progress, cancelled)` (progress(fraction),
cancelled() → bool) that knows nothing of Qt; `run_with_progress` runs it in a
QThread behind a progress dialog with a Cancel button and delivers the result
or the exception back on the GUI thread.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
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
    def acquire(cls, full: bool = True) -> None:
        """`full=False` (a quiet task, started 300 ms after every edit): only the youngest generation, a
        fraction of a millisecond instead of the ~70 ms a full collection stalls the window for; safety
        does not need it (no collection runs anywhere while collection is off)."""
        if cls.running == 0:
            gc.collect(2 if full else 0)
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
                 cancellable: bool = True, quiet: bool = False):
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = _Worker(fn)
        self.worker.moveToThread(self.thread)
        self.dialog: QProgressDialog | None = None
        if not quiet:  # quiet: work the user did not ask for (redone after an edit) shows no dialog
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
        if self.dialog is not None:
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
        _NoCollectionOffThread.acquire(full=self.dialog is not None)
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
        if self.dialog is not None:
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


def run_quietly(fn: Callable, on_done: Callable, on_error: Callable) -> Task:
    """The same off the GUI thread, without a progress dialog: for work redone on its own after an edit
    (`LatestJob`), which must never put a modal dialog in front of a slider drag. The task
    belongs to the application, not to a panel: a panel closed while it runs cannot destroy a running
    thread; the task deletes itself once its outcome is delivered."""
    from PySide6.QtCore import QCoreApplication
    task = Task(QCoreApplication.instance(), fn, "", on_done, on_error, cancellable=False, quiet=True)
    _QUIET.add(task)
    task.finished.connect(lambda: _QUIET.discard(task))
    task.finished.connect(task.deleteLater)
    return task.start()


_QUIET: set[Task] = set()  # quiet tasks not yet delivered


def finish_thread(task: Task, ms: int = 30000) -> bool:
    """Block until the task's work has returned: its thread's event loop is told to end after it (the
    outcome, queued to the GUI thread, is delivered by a later event loop turn, or never)."""
    try:
        task.thread.quit()
        return task.thread.wait(ms)
    except RuntimeError:  # already deleted
        return True


@atexit.register
def _finish_quiet_tasks() -> None:
    """A script that ends while a quiet task runs (no window closed, no event loop): let the work end
    before Qt's objects go, rather than abort on a running QThread."""
    for task in list(_QUIET):
        finish_thread(task)


# --- work redone after every edit, for the newest request only ------------------------------------
SETTLE_MS = 300


class LatestJob(QObject):
    """Work redone after every edit (the stability intervals of the weight tree, the target table of the
    为什么？ view) costs a pass of the engine per weight or per indicator: too slow for a slider drag (one
    recompute per event-loop turn), cheap once the edits settle. `request(key, fn)` keeps only the newest
    request, starts it `settle_ms` after the last one (a drag keeps pushing the start back), runs it with
    `run_quietly` (no dialog) and, when a newer request came in while it ran, drops that outcome and
    starts the newer one. `done(key, outcome)` is emitted on the GUI thread only for the newest request.

    A request made with `cancellable=True` gives `fn` a `cancelled()` callable (Qt-free, e.g.
    core.analysis.stability.weight_stability's): a newer request, `cancel()` or `wait()` turns it True,
    so a stale job stops at its next check instead of running to its end (on 3,000 × 500 the bands took
    ~23 s, and the newer request waited for all of it). Whatever the stopped job returns or raises is
    dropped. `cancel_stale = False` keeps the old behaviour (the benchmark's baseline)."""

    done = Signal(object, object)  # key, outcome of the newest request
    failed = Signal(object, object)  # key, exception

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._start)
        self._pending: tuple[object, Callable, bool] | None = None
        self.task: Task | None = None
        self.runs = 0  # jobs started (tests, profiling)
        self.stopped = 0  # running jobs told to stop (a newer request, cancel, wait)
        self.cancel_stale = True

    @property
    def busy(self) -> bool:
        """A request waits or runs."""
        return self._pending is not None or self.task is not None

    def request(self, key, fn: Callable, cancellable: bool = False) -> None:
        """Run `fn()` — `fn(cancelled)` when `cancellable` — off the GUI thread once requests stop coming
        for `settle_ms`; any earlier request not yet delivered is superseded, a running one told to stop."""
        self._pending = (key, fn, cancellable)
        self._timer.start()
        self._stop_running()

    def cancel(self) -> None:
        """Forget the waiting request; a running one is told to stop, its outcome is dropped."""
        self._timer.stop()
        self._pending = None
        self._drop = True
        self._stop_running()

    _drop = False

    def _stop_running(self) -> None:
        if self.task is not None and self.cancel_stale and not self.task.worker.cancel_requested:
            self.task.worker.cancel_requested = True  # read by the job's cancelled() on its thread
            self.stopped += 1

    def _start(self) -> None:
        if self.task is not None or self._pending is None:
            return  # a running job starts the pending one when it ends
        key, fn, cancellable = self._pending
        self._pending = None
        self._drop = False
        self.runs += 1

        def work(_progress, cancelled):
            return fn(cancelled) if cancellable else fn()

        self.task = run_quietly(work, lambda out: self._finished(key, out, None),
                                lambda e: self._finished(key, None, e))

    def _finished(self, key, out, error) -> None:
        self.task = None
        try:
            if self._pending is not None:  # a newer request: this outcome is stale
                if not self._timer.isActive():
                    self._start()
                return
            if self._drop:
                return
            if error is not None:
                self.failed.emit(key, error)
            else:
                self.done.emit(key, out)
        except RuntimeError:  # the owner was closed while the job ran: nobody to tell
            pass

    def wait(self, ms: int = 30000) -> None:
        """Let a running job end (closing the window); its outcome is dropped."""
        self.cancel()
        if self.task is not None:
            finish_thread(self.task, ms)
