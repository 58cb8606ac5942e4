"""The target table of the 为什么？ view: what one unit would need, indicator by indicator, to reach rank K.

A read-only table model over the dict `core.analysis.targets.targets` returns (already sorted by the
relative change needed; unreachable indicators last). It formats; it never searches a value itself.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

COL_INDICATOR, COL_CURRENT, COL_NEEDED, COL_CHANGE, COL_RELATIVE = range(5)
N_COLUMNS = 5
EntryRole = Qt.ItemDataRole.UserRole  # (code, the engine's entry dict)
_NO_INDEX = QModelIndex()


def number(v: float | None, sign: bool = False) -> str:
    if v is None:
        return "–"
    return f"{v:+,.6g}" if sign else f"{v:,.6g}"


class TargetModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, dict]] = []
        self.names: dict[str, str] = {}
        self.units_of: dict[str, str] = {}

    def set_targets(self, found: dict | None, names: dict[str, str] | None = None,
                    units_of: dict[str, str] | None = None) -> None:
        """Show `targets(...)` (None: empty); `names` and `units_of` give each code's name and unit."""
        self.beginResetModel()
        self.rows = list(found["indicators"].items()) if found else []
        self.names, self.units_of = dict(names or {}), dict(units_of or {})
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = _NO_INDEX) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = _NO_INDEX) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else N_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("Indicator"), self.tr("Current"), self.tr("Needed"), self.tr("Change"),
                  self.tr("Change %")]
        return titles[section] if 0 <= section < N_COLUMNS else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        code, e = self.rows[index.row()]
        col = index.column()
        if role == EntryRole:
            return code, e
        reachable = "needed" in e
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_INDICATOR:
                name = self.names.get(code, "")
                return f"{code}  {name}" if name else code
            if not reachable:
                if col == COL_NEEDED:
                    return (self.tr("no value to change (missing)") if e.get("missing")
                            else self.tr("not reachable by this indicator alone"))
                return None
            if col == COL_CURRENT:
                return number(e["current"])
            if col == COL_NEEDED:
                return number(e["needed"])
            if col == COL_CHANGE:
                return number(e["change"], sign=True)
            if col == COL_RELATIVE:
                r = e.get("relative")
                return "–" if r is None else f"{100 * r:+.1f} %"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_INDICATOR and reachable:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not reachable and col == COL_NEEDED:
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.ToolTipRole:
            unit = self.units_of.get(code)
            tips = []
            if unit:
                tips.append(self.tr("Unit: {0}").format(unit))
            if e.get("any_change"):
                tips.append(self.tr("Any change in the good direction is enough (the outlier treatment switches)"))
            return "\n".join(tips) or None
        return None
