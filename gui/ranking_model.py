"""The ranking table: a thin model over the current Result (no copy of scores).

Rows are units in rank order; columns: rank, change against the pinned
baseline, unit, score, group, and each first-level dimension. A proxy model
sorts, filters by group and searches by name. `UserRole` gives the unit name.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

TOP_FILL = QColor("#FFF4D6")
UP, DOWN = QColor("#1B7F3B"), QColor("#C62828")
SORT_ROLE = Qt.UserRole + 1


class RankingModel(QAbstractTableModel):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self.top_n = 10
        self.group_column = ""
        self._rows = np.zeros(0, dtype=int)
        self._ranks = np.zeros(0)
        self._dims: list[int] = []
        controller.result_changed.connect(self.refresh)
        controller.baseline_changed.connect(self._baseline)
        controller.language_changed.connect(lambda _l: self.refresh())

    # --- structure ------------------------------------------------------------------
    def refresh(self, *_args) -> None:
        r = self.c.result
        self.beginResetModel()
        if r is None:
            self._rows, self._ranks, self._dims = np.zeros(0, dtype=int), np.zeros(0), []
        else:
            self._rows, self._ranks = r.rank_order()
            fw = r.framework
            self._dims = [r.plan.codes.index(d) for d in fw.children[fw.root]]
            groups = self.c.project.data.groups.columns
            self.group_column = "region" if "region" in groups else (groups[0] if len(groups) else "")
        self.endResetModel()

    def _baseline(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, 1))

    def set_top_n(self, n: int) -> None:
        self.top_n = n
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [Qt.BackgroundRole])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5 + len(self._dims)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        fixed = [self.tr("Rank"), self.tr("Change"), self.tr("Unit"), self.tr("Score"), self.tr("Group")]
        if section < 5:
            if section == 4 and self.group_column:
                return self.group_column
            return fixed[section]
        r = self.c.result
        code = r.plan.codes[self._dims[section - 5]]
        return r.framework.nodes[code].name(self.c.language)

    # --- cells ----------------------------------------------------------------------
    def unit_at(self, row: int) -> str:
        return self.c.result.units[self._rows[row]]

    def row_of(self, unit: str) -> int:
        try:
            i = self.c.result.units.index(unit)
        except ValueError:
            return -1
        hits = np.flatnonzero(self._rows == i)
        return int(hits[0]) if len(hits) else -1

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self.c.result
        i = self._rows[index.row()]
        col = index.column()
        unit = r.units[i]
        rank = self._ranks[i]
        dec = r.settings.decimals
        if role == Qt.UserRole:
            return unit
        if role in (Qt.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if col == 0:
                return (float("inf") if np.isnan(rank) else float(rank)) if sort else (
                    "—" if np.isnan(rank) else str(int(rank)))
            if col == 1:
                ch = self.c.rank_change(unit)
                if sort:
                    return ch if ch is not None else 0
                if ch is None:
                    return ""
                return f"▲{ch}" if ch > 0 else (f"▼{-ch}" if ch < 0 else "–")
            if col == 2:
                return unit
            if col == 4:
                g = self.group_column
                return str(self.c.project.data.groups.at[unit, g]) if g else ""
            j = 0 if col == 3 else self._dims[col - 5]
            v = r.scores_array[i, j]
            if sort:
                return -np.inf if np.isnan(v) else float(v)
            return "—" if np.isnan(v) else f"{v:.{dec}f}"
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignLeft | Qt.AlignVCenter) if col in (2, 4) else int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and col == 1:
            ch = self.c.rank_change(unit)
            if ch:
                return QBrush(UP if ch > 0 else DOWN)
        if role == Qt.BackgroundRole and not np.isnan(rank) and rank <= self.top_n:
            return QBrush(TOP_FILL)
        if role == Qt.FontRole and col in (2, 3) and not np.isnan(rank) and rank <= self.top_n:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ToolTipRole and np.isnan(rank):
            reasons = [m["reason"] for m in r.missing if m["unit"] == unit and m["code"] == r.framework.root]
            return self.tr("No score: {0}").format(reasons[0] if reasons else self.tr("no data"))
        return None


class RankingFilter(QSortFilterProxyModel):
    """Sort by the numbers behind the cells; filter by group and by a name search."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.group = ""
        self.search = ""
        self.setSortRole(SORT_ROLE)

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def set_group(self, group: str) -> None:
        self._refilter(lambda: setattr(self, "group", group))

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "search", text.strip()))

    def filterAcceptsRow(self, row, parent):  # noqa: N802
        m = self.sourceModel()
        if self.search and self.search.lower() not in m.unit_at(row).lower():
            return False
        if self.group:
            return m.data(m.index(row, 4), Qt.DisplayRole) == self.group
        return True
