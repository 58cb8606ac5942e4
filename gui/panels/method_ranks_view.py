"""The analysis panel's 方法比较 tab: the rank of every unit under each aggregation method.

Does the ranking survive a non-compensatory method (Copeland) or data-chosen weights (BoD)? The
OECD/JRC Handbook's Table 38 answers with one column per method beside the current rank; this tab
shows `core.analysis.method_table.method_rank_table` (the engine computes; this view only shows)
through `gui.models.method_ranks_model.MethodRanksModel`.

On the sample (50 units, 8 methods, one BoD linear programme per unit and node) the whole table
takes about 20 ms, so it is computed on the GUI thread — and only when the tab is visible, like the
panel's other cheap tabs, so a weight drag with the tab hidden costs nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from gui.models.method_ranks_model import MethodRanksModel


class MethodRanksView(QWidget):
    """`set_result(result)` fills the table (None: empty); `unit_clicked(name)` on a click."""

    unit_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None
        self.model = MethodRanksModel(self)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(lambda ix: self.unit_clicked.emit(self.model.value(ix.row(), 0)))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.info)
        lay.addWidget(self.view, 1)
        self.retranslate()

    def set_result(self, result) -> None:
        if result is self.result and result is not None:
            return
        self.result = result
        table = None
        if result is not None:
            from core.analysis.method_table import method_rank_table
            table = method_rank_table(result)
        self.model.set_table(table)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if self.model.columnCount():
            hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.retranslate()

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
