"""The analysis panel's 方法比较 tab: the rank of every unit under each aggregation method.

Does the ranking survive a non-compensatory method (Copeland) or data-chosen weights (BoD)? The
OECD/JRC Handbook's Table 38 answers with one column per method beside the current rank; this tab
shows `core.analysis.method_table.method_rank_table` (the engine computes; this view only shows)
through `gui.models.method_ranks_model.MethodRanksModel`.

The table costs a Copeland pass and one BoD linear programme per unit and node: about 130 ms on
the sample with nothing cached, 1.8 s on 300 units (`python -m bench.bench_method_sheet`). So it
runs OFF the GUI thread (`gui.worker`, a progress dialog with Cancel that shows only after
300 ms), and only when the tab is visible — the panel asks for it like its other lazy tabs. A
result that arrives while a table is being computed is taken up when that one is done; the
previous table stays on screen, greyed, until then.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from gui import worker
from gui.models.method_ranks_model import MethodRanksModel
from gui.panels.read_only_table import read_only_table


def compute_table(result, progress, cancelled) -> dict:
    """The work run off the GUI thread (a test calls it with two lambdas)."""
    from core.analysis.method_table import method_rank_table
    return method_rank_table(result, progress=progress, cancelled=cancelled)


class MethodRanksView(QWidget):
    """`set_result(result)` asks for the table (None: empty); `shown(result)` once a table is on
    screen; `unit_clicked(name)` on a click. `result` is the Result the table shows."""

    unit_clicked = Signal(str)
    shown = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None  # the Result shown
        self.wanted = None  # the Result asked for last
        self.task: worker.Task | None = None
        self.last_error: BaseException | None = None
        self._outcome: tuple | None = None
        self.model = MethodRanksModel(self)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.view = read_only_table(self.model, self)
        self.view.clicked.connect(lambda ix: self.unit_clicked.emit(self.model.value(ix.row(), 0)))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.info)
        lay.addWidget(self.view, 1)
        self.retranslate()

    @property
    def running(self) -> bool:
        return self.task is not None

    def set_result(self, result) -> None:
        self.wanted = result
        if self.running or (result is self.result and result is not None):
            return  # a running table is followed by the one wanted (see _finished)
        if result is None:
            self._show(None, None)
            return
        self._start(result)

    def _start(self, result) -> None:
        self.view.setStyleSheet("QTableView { color: #8a8a8a; }" if self.model.table else "")
        self._outcome = None

        def work(progress, cancelled):
            return compute_table(result, progress, cancelled)

        # on_done/on_error only store the outcome; it is shown on the GUI thread when the task has finished
        self.task = worker.run_with_progress(self, work, self.tr("Ranking the units by every method…"),
                                             lambda out: self._store(("done", out, result)),
                                             lambda err: self._store(("error", err, result)))
        self.task.finished.connect(self._finished)

    def _store(self, outcome: tuple) -> None:
        self._outcome = outcome  # possibly on the worker thread: no Qt call here

    def _finished(self) -> None:
        kind, obj, result = self._outcome or ("error", None, None)
        self.task, self._outcome = None, None
        if kind == "done":
            self.last_error = None
            self._show(result, obj)
        else:
            self.last_error = obj
            self.view.setStyleSheet("")
            if self.wanted is result:  # cancelled or failed: nothing newer to do
                self.wanted = self.result
        if self.wanted is not self.result:
            self.set_result(self.wanted)

    def _show(self, result, table) -> None:
        self.result = result
        self.view.setStyleSheet("")
        self.model.set_table(table)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # narrow rank columns, left-packed
        self.retranslate()
        self.shown.emit(result)

    def wait(self, ms: int = 60000) -> None:
        """For closing the window: let a running table finish."""
        if self.task is not None:
            self.task.worker.cancel_requested = True
            self.task.wait(ms)

    def rows(self) -> list[list]:
        """What the table shows, row by row: unit, current rank, a rank per method, the largest shift."""
        m = self.model
        return [[m.value(r, c) for c in range(m.columnCount())] for r in range(m.rowCount())]

    def retranslate(self) -> None:
        moved = 0
        if self.model.table:
            moved = sum(1 for v in self.model.table["shift"].values() if v is not None and v >= self.model.threshold)
        self.info.setText(self.tr("Each column aggregates every node by one method, over the same normalised "
                                  "values and weights (OECD/JRC Handbook, Table 38). Units moved by {0} places or "
                                  "more are tinted: {1}.").format(self.model.threshold, moved))
        if self.model.columnCount():
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    def changeEvent(self, ev):
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)
