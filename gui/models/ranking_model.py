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
RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
LEFT = int(Qt.AlignLeft | Qt.AlignVCenter)
DISPLAY, ALIGN, BACKGROUND, FOREGROUND, FONT, TOOLTIP, USER = (
    int(r) for r in (Qt.DisplayRole, Qt.TextAlignmentRole, Qt.BackgroundRole, Qt.ForegroundRole, Qt.FontRole,
                     Qt.ToolTipRole, Qt.UserRole))
_ROLES = frozenset((DISPLAY, ALIGN, BACKGROUND, FOREGROUND, FONT, TOOLTIP, USER))


class RankingModel(QAbstractTableModel):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self.top_n = 10
        self.group_column = ""
        self._rows = np.zeros(0, dtype=int)
        self._base_rows = self._rows
        self._ranks = np.zeros(0)
        self._dims: list[int] = []
        self._groups: list[str] = []
        self._sort = (0, Qt.AscendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)
        self._top_brush, self._up, self._down = QBrush(TOP_FILL), QBrush(UP), QBrush(DOWN)
        controller.result_changed.connect(self.refresh)
        controller.baseline_changed.connect(self._baseline)
        controller.language_changed.connect(lambda _l: self.refresh())
        if hasattr(controller, "edition_changed"):  # issue 19: another edition shown (gui.editions)
            controller.edition_changed.connect(self.refresh)

    @property
    def c_result(self):
        """The result shown: the edition chosen in the window (controller.view_result), else the result."""
        r = getattr(self.c, "view_result", None)
        return r if r is not None else self.c.result

    # --- structure ------------------------------------------------------------------
    def refresh(self, *_args) -> None:
        r = self.c_result
        self.beginResetModel()
        if r is None:
            self._rows, self._ranks, self._dims = np.zeros(0, dtype=int), np.zeros(0), []
        else:
            self._rows, self._ranks = r.rank_order()
            self._base_rows = self._rows
            fw = r.framework
            self._dims = [r.plan.codes.index(d) for d in fw.children[fw.root]]
            from core.model.dataset import group_column  # pandas: loaded by now (a result exists)
            eds = getattr(self.c, "eds", None)
            g = (eds.data() if eds is not None and eds.active else None) or self.c.project.data
            g = g.groups
            self.group_column = group_column(g)  # the group shown and filtered on
            self._groups = ([str(v) for v in g[self.group_column].reindex(list(r.units)).fillna("")]
                            if self.group_column else [""] * len(r.units))
            self._apply_sort()
        self.endResetModel()

    # --- sorting, in the model with numpy (a proxy would call data() n·log n times) ----------
    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self._sort = (column, order)
        if self.c_result is None or not len(self._rows):
            return
        self.layoutAboutToBeChanged.emit()
        self._apply_sort()
        self.layoutChanged.emit()

    def _sort_key(self, column: int) -> np.ndarray:
        r = self.c_result
        if column == 0:
            return np.where(np.isnan(self._ranks), np.inf, self._ranks)
        if column == 1:
            return np.array([self.c.rank_change(u) or 0 for u in r.units], dtype=float)
        if column in (2, 4):
            vals = list(r.units) if column == 2 else self._groups
            pos = {v: k for k, v in enumerate(sorted(set(vals)))}
            return np.array([pos[v] for v in vals], dtype=float)
        j = 0 if column == 3 else self._dims[column - 5]
        v = r.scores_array[:, j]
        return np.where(np.isnan(v), -np.inf, v)

    def _apply_sort(self) -> None:
        column, order = self._sort
        base = self._base_rows
        if column == 0 and order == Qt.AscendingOrder:
            self._rows = base
            return
        key = self._sort_key(column)[base]
        if order == Qt.DescendingOrder:
            key = -key
        self._rows = base[np.argsort(key, kind="stable")]

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
        fixed = [self.tr("Rank"), self._change_header(), self.tr("Unit"), self.tr("Score"), self.tr("Group")]
        if section < 5:
            if section == 4 and self.group_column:
                from core.text.group_names import group_label
                return group_label(self.group_column, self.c.language)
            return fixed[section]
        r = self.c_result
        code = r.plan.codes[self._dims[section - 5]]
        return r.framework.nodes[code].name(self.c.language)

    def _change_header(self) -> str:
        """'Change', or with editions 'vs 2023' (the previous edition) — what the column compares with."""
        eds = getattr(self.c, "eds", None)
        if eds is not None and eds.active and eds.compare == "previous":
            prev = eds.previous_label()
            return self.tr("vs {0}").format(prev) if prev else self.tr("Change")
        return self.tr("Change")

    def _change_tip(self, unit: str) -> str | None:
        """With editions: 'rank 9 in 2023 → rank 8 in 2024' ('—' where the unit has no rank)."""
        eds = getattr(self.c, "eds", None)
        if eds is None or not eds.active or eds.compare != "previous" or eds.previous_label() is None:
            return None
        prev = eds.previous_label()
        before, now = eds.ranks(prev).get(unit), eds.ranks().get(unit)
        return self.tr("{0}: rank {1} → {2}: rank {3}").format(
            prev, "—" if before is None else before, eds.label, "—" if now is None else now)

    # --- cells ----------------------------------------------------------------------
    def unit_at(self, row: int) -> str:
        return self.c_result.units[self._rows[row]]

    def row_of(self, unit: str) -> int:
        try:
            i = self.c_result.units.index(unit)
        except ValueError:
            return -1
        hits = np.flatnonzero(self._rows == i)
        return int(hits[0]) if len(hits) else -1

    def data(self, index, role=DISPLAY):
        # Called for every visible cell and role on each recompute: plain ints, no enum maths.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        col = index.column()
        if role == ALIGN:
            return LEFT if col == 2 or col == 4 else RIGHT
        r = self.c_result
        i = self._rows[index.row()]
        rank = self._ranks[i]
        if role == BACKGROUND:
            return self._top_brush if rank <= self.top_n else None  # NaN compares False
        if role == FONT:
            return self._bold if (col == 2 or col == 3) and rank <= self.top_n else None
        unit = r.units[i]
        if role == USER:
            return unit
        if role == DISPLAY:
            if col == 0:
                return "—" if rank != rank else str(int(rank))
            if col == 1:
                ch = self.c.rank_change(unit)
                if ch is None:
                    return ""
                return f"▲{ch}" if ch > 0 else (f"▼{-ch}" if ch < 0 else "–")
            if col == 2:
                return unit
            if col == 4:
                return self._groups[i]
            v = r.scores_array[i, 0 if col == 3 else self._dims[col - 5]]
            return "—" if v != v else f"{v:.{r.settings.decimals}f}"
        if role == FOREGROUND:
            if col == 1:
                ch = self.c.rank_change(unit)
                if ch:
                    return self._up if ch > 0 else self._down
            return None
        if role == TOOLTIP and col == 1:
            return self._change_tip(unit)
        if role == TOOLTIP and rank != rank:
            reasons = [m["reason"] for m in r.missing if m["unit"] == unit and m["code"] == r.framework.root]
            return self.tr("No score: {0}").format(reasons[0] if reasons else self.tr("no data"))
        return None


class RankingFilter(QSortFilterProxyModel):
    """Filter by group and by a name search; sorting is left to the source model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.group = ""
        self.search = ""

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

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
