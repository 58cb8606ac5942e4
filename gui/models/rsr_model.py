"""The RSR grading (秩和比分档) as a Qt table model: the analysis panel's 秩和比分档 tab.

A thin read-only view of one `core.analysis.rsr_grading.RSRGrading`: a row per graded unit, in its
order (highest RSR first); columns: unit, RSR rank, RSR, Probit, fitted RSR, grade (1 … k, k the
best) and the level's name (the engine's words, core.text.rsr_texts, in the window's language).
UserRole gives the number behind a cell. The model computes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

DISPLAY, ALIGN, USER, TOOLTIP = (int(r) for r in (Qt.DisplayRole, Qt.TextAlignmentRole, Qt.UserRole,
                                                  Qt.ToolTipRole))
RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
UNIT, RANK, RSR, PROBIT, FITTED, GRADE, LEVEL = range(7)
NUMBER_COLUMNS = (RSR, PROBIT, FITTED)


class RSRGradingModel(QAbstractTableModel):
    """`set_grading(grading, lang)` (None: empty)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grading = None
        self.lang = "zh"

    def set_grading(self, grading, lang: str = "zh") -> None:
        self.beginResetModel()
        self.grading, self.lang = grading, lang
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.grading is None else len(self.grading.units)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 7

    def headers(self) -> list[str]:
        return [self.tr("Unit"), self.tr("RSR rank"), self.tr("RSR"), self.tr("Probit"), self.tr("Fitted RSR"),
                self.tr("Grade"), self.tr("Level")]

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        role = int(role)
        if role == DISPLAY:
            return self.headers()[section]
        if role == TOOLTIP:
            return {PROBIT: self.tr("5 + Φ⁻¹(p), p = the mean rank of the unit's RSR value / n"),
                    FITTED: self.tr("a + b × Probit, from the regression line above"),
                    GRADE: self.tr("1 = the lowest level; the highest level is the best")}.get(section)
        return None

    def value(self, row: int, col: int):
        """The number (or text) behind a cell."""
        u = self.grading.units[row]
        if col == LEVEL:
            return None if u.grade is None else self.grading.level_name(u.grade, self.lang)
        return (u.unit, u.rank, u.rsr, u.probit, u.fitted, u.grade)[col]

    def data(self, index, role=DISPLAY):
        if not index.isValid() or self.grading is None:
            return None
        row, col, role = index.row(), index.column(), int(role)
        if not (0 <= row < self.rowCount() and 0 <= col < self.columnCount()):
            return None
        if role == USER:
            return self.value(row, col)
        if role == DISPLAY:
            v = self.value(row, col)
            if v is None:
                return "–"
            return f"{v:.4f}" if col in NUMBER_COLUMNS else str(v)
        if role == ALIGN:
            return RIGHT if col in (RANK, RSR, PROBIT, FITTED, GRADE) else None
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags
