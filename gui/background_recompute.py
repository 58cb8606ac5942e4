"""Weight edits whose recompute is slow run off the GUI thread, newest edit only.

A weight edit normally re-aggregates in about a millisecond on the GUI thread
(`Result.reweight`). Benefit of the doubt solves a linear programme per unit at each node
whose children's values moved: a cold solve on a few hundred units takes a few hundred
milliseconds, on thousands of units seconds — long enough to freeze the window while a slider
is dragged. Such a reweight runs here in a QThread (gui/worker.py's worker and its guard against
Python's collector running off the GUI thread); while it runs, newer edits only replace the one
waiting, so when the running one ends its result is dropped and the newest edit is computed —
the window never shows a result older than one it has already shown, and never queues a backlog.

`SLOW_SECONDS`: a reweight that took longer than this last time goes to the background next
time; a framework with a BoD node always does (its first cold solve cannot be predicted).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread

from gui.worker import _NoCollectionOffThread, _Worker

SLOW_SECONDS = 0.2
SLOW_METHODS = frozenset({"bod"})


def wants_background(result, framework) -> bool:
    """Should the weights-only recompute of `result` under `framework` leave the GUI thread?"""
    if result is None:
        return False
    if any(framework.nodes[c].aggregation in SLOW_METHODS for c in framework.internal):
        return True
    return float(result.timings.get("reweight", 0.0)) > SLOW_SECONDS


class _Relay(QObject):
    """Lives in the GUI thread (so the worker's signals reach it queued) and tells its owner
    which run the answer belongs to."""

    def __init__(self, owner: BackgroundReweight, serial: int):
        super().__init__(owner)
        self.owner, self.serial = owner, serial

    def done(self, out) -> None:
        self.owner._done(self.serial, out)
        self.deleteLater()

    def failed(self, e) -> None:
        self.owner._failed(self.serial, e)
        self.deleteLater()


class BackgroundReweight(QObject):
    """One reweight at a time in a worker thread; `deliver(result, ms)` on the GUI thread with
    the result of the newest submitted framework only; `fail(exception)` if it raised."""

    def __init__(self, parent: QObject, deliver: Callable, fail: Callable):
        super().__init__(parent)
        self.deliver, self.fail = deliver, fail
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._waiting: tuple | None = None  # (base result, framework) submitted while busy
        self._t0 = 0.0
        self._serial = 0  # of the running run; answers of other runs are dropped
        app = QCoreApplication.instance()
        if app is not None:  # a thread still running when Qt tears down would abort the process
            app.aboutToQuit.connect(self.cancel_and_wait)

    def busy(self) -> bool:
        return self._thread is not None or self._waiting is not None

    def submit(self, base, framework) -> None:
        if self._thread is not None:
            self._waiting = (base, framework)  # replaces an older waiting edit: newest only
            return
        self._start(base, framework)

    def _start(self, base, framework) -> None:
        self._t0 = time.perf_counter()
        self._thread = QThread(self)
        self._worker = _Worker(lambda progress, cancelled: base.reweight(framework))
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._serial += 1
        relay = _Relay(self, self._serial)
        self._worker.done.connect(relay.done)
        self._worker.failed.connect(relay.failed)
        _NoCollectionOffThread.acquire()
        self._thread.start()

    def _finish_thread(self) -> None:
        if self._thread is None:
            return
        self._thread.quit()
        self._thread.wait()
        self._thread.deleteLater()
        self._thread = self._worker = None
        _NoCollectionOffThread.release()

    def _done(self, serial: int, out) -> None:
        if serial != self._serial or self._thread is None:
            return  # a run abandoned by `cancel_and_wait`
        ms = (time.perf_counter() - self._t0) * 1000
        self._finish_thread()
        if self._waiting is not None:  # a newer edit came meanwhile: this result is stale
            base, fw = self._waiting
            self._waiting = None
            self._start(base, fw)
            return
        self.deliver(out, ms)

    def _failed(self, serial: int, e) -> None:
        if serial != self._serial or self._thread is None:
            return
        self._finish_thread()
        self._waiting = None
        self.fail(e)

    def cancel_and_wait(self) -> None:
        """Drop the waiting edit and wait for the running one, dropping its result too (the
        caller recomputes the newest state itself)."""
        self._waiting = None
        if self._thread is not None:
            self._finish_thread()
            self._serial += 1  # its answer, still queued, is dropped
