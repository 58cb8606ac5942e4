"""The ranks-by-method table as a Qt model (the analysis panel's 方法比较 tab).

A thin read-only view of `core.analysis.method_table.method_rank_table`'s dict: rows are units in
the current ranking's order; columns: unit, current rank, one rank per aggregation method, the
largest shift. A rank that moved by `core.analysis.method_table.big_shift` places or more is
tinted (up green, down red), as the workbook's sheet does. The model computes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core.analysis.method_table import big_shift
from gui.text.labels import method_label

UP_FILL, DOWN_FILL, SHIFT_FILL = QColor("#DCEFE0"), QColor("#F8DADA"), QColor("#FFE2B3")
DISPLAY, ALIGN, BACKGROUND, TOOLTIP, USER = (int(r) for r in (Qt.DisplayRole, Qt.TextAlignmentRole,
                                                               Qt.BackgroundRole, Qt.ToolTipRole, Qt.UserRole))
RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)


class MethodRanksModel(QAbstractTableModel):
    """`set_table(table)` with method_rank_table's dict (None: empty). UserRole gives the number
    behind a cell (a rank, the shift; None when missing) or the unit's name."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table: dict | None = None
        self.threshold = 3

    def set_table(self, table: dict | None) -> None:
        self.beginResetModel()
        self.table = table
        self.threshold = big_shift(sum(v is not None for v in table["current"].values())) if table else 3
        self.endResetModel()

    @property
    def methods(self) -> list[str]:
        return list(self.table["methods"]) if self.table else []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or not self.table else len(self.table["units"])

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3 + len(self.methods)

    def headers(self) -> list[str]:
        return ([self.tr("Unit"), self.tr("Current rank")] + [method_label(m) for m in self.methods]
                + [self.tr("Largest shift")])

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        role = int(role)
        if role == DISPLAY:
            return self.headers()[section]
        if role == TOOLTIP:
            if section == 1:
                return self.tr("The rank with the project's own methods")
            if section == self.columnCount() - 1:
                return self.tr("The largest |rank under a method − current rank|; tinted from {0} places").format(
                    self.threshold)
            if section >= 2:
                return self.tr("Every node aggregated by {0}, same normalised values and weights").format(
                    method_label(self.methods[section - 2]))
        return None

    def value(self, row: int, col: int):
        """The number (or the unit's name) behind a cell."""
        t = self.table
        u = t["units"][row]
        if col == 0:
            return u
        if col == 1:
            return t["current"][u]
        if col == self.columnCount() - 1:
            return t["shift"][u]
        return t["ranks"][u][self.methods[col - 2]]

    def data(self, index, role=DISPLAY):
        if not index.isValid() or self.table is None:
            return None
        row, col, role = index.row(), index.column(), int(role)
        if not (0 <= row < self.rowCount() and 0 <= col < self.columnCount()):
            return None
        v = self.value(row, col)
        if role == DISPLAY:
            return "–" if v is None else str(v)
        if role == USER:
            return v
        if role == ALIGN:
            return None if col == 0 else RIGHT
        last = self.columnCount() - 1
        u = self.table["units"][row]
        if role == BACKGROUND:
            if col == last and v is not None and v >= self.threshold:
                return QBrush(SHIFT_FILL)
            cur = self.table["current"][u]
            if 2 <= col < last and v is not None and cur is not None and abs(v - cur) >= self.threshold:
                return QBrush(UP_FILL if v < cur else DOWN_FILL)
            return None
        if role == TOOLTIP and col == last and self.table["shift_method"][u]:
            return self.tr("Under {0}").format(method_label(self.table["shift_method"][u]))
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags
