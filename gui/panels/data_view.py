"""The data as the user gave it, with problem cells highlighted, and the problem list.

`DataModel` reads the project's Dataset (raw values, before any treatment) — with two or more
editions, the Dataset of the edition chosen in the selector (gui.editions: its units, values, group
columns and its own problems), so a typo in an older edition's figures is corrected here too: the
edit names the edition and the engine recomputes the editions (Controller.set_data_values).
`ProblemsModel` lists the project's problems. Clicking a problem selects its
cell in the data table (or its node in the tree, through the controller; an older edition's
problem first switches the selector to that edition).
"""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from gui.text.problem_text import current_language, problem_line, problem_text

THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d*)?")  # 1,240 or 1,204.5 typed in a cell
ERROR_FILL, WARNING_FILL, INFO_FILL = QColor("#F8D7DA"), QColor("#FFF3CD"), QColor("#E2F0FB")
FILL = {"error": ERROR_FILL, "warning": WARNING_FILL, "info": INFO_FILL}


class DataModel(QAbstractTableModel):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self._units: list[str] = []
        self._cols: list[str] = []  # data columns: groups then indicators
        self._groups: list[str] = []
        self._cell_problems: dict[tuple[str, str], list] = {}
        self._row_problems: dict[str, list] = {}
        self._ds = None  # the Dataset shown: the project's, or the chosen edition's
        self.edition = ""  # its edition's label ('' = the project's data: one edition, or the latest)
        controller.project_changed.connect(self.refresh)
        controller.edition_changed.connect(self._edition_changed)
        controller.problems_changed.connect(self._problems)
        controller.language_changed.connect(lambda _l: self.headerDataChanged.emit(
            Qt.Horizontal, 0, max(0, self.columnCount() - 1)))

    def _shown(self):
        """(label, Dataset) of the edition the selector shows ('' and the project's data for one edition)."""
        p = self.c.project
        label = self.c.eds.label if p is not None and self.c.eds.active else ""
        if label and label in p.edition_labels:
            return label, p.edition(label).data
        return "", (p.data if p is not None else None)

    def _edition_changed(self, _label: str) -> None:
        if self._shown()[0] != self.edition:
            self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        p = self.c.project
        self.edition, ds = self._shown()
        self._ds = ds
        if p is None:
            self._units, self._cols, self._groups = [], [], []
        else:
            self._units = list(ds.units)
            self._groups = list(ds.groups.columns)
            self._cols = self._groups + [c for c in ds.values.columns]
            # plain arrays: data() is called for every visible cell and role
            self._group_text = ds.groups.astype(str).to_numpy() if self._groups else None
            self._values = ds.values.to_numpy(dtype=float)
        self.endResetModel()
        if p is not None:
            self._problems(p.problems)

    def _problems(self, problems) -> None:
        from core.model.editions import edition_of
        self._cell_problems.clear()
        self._row_problems.clear()
        ds = self._ds if self.c.project else None
        for pr in problems:
            if ds is None or pr.sheet != ds.sheet or pr.file != ds.file:
                continue
            if self.edition and edition_of(pr) not in (None, self.edition):
                continue
            if pr.unit and pr.code:
                self._cell_problems.setdefault((pr.unit, pr.code), []).append(pr)
            elif pr.unit:
                self._row_problems.setdefault(pr.unit, []).append(pr)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def cell_of(self, unit: str, code: str) -> QModelIndex:
        try:
            return self.index(self._units.index(unit), 1 + self._cols.index(code))
        except ValueError:
            try:
                return self.index(self._units.index(unit), 0)
            except ValueError:
                return QModelIndex()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._units)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.c.project is None else 1 + len(self._cols)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        p, ds = self.c.project, self._ds
        if role == Qt.DisplayRole and orientation == Qt.Vertical:
            return str(ds.unit_rows.get(self._units[section], section + 2))  # Excel's row number
        if role not in (Qt.DisplayRole, Qt.ToolTipRole) or orientation != Qt.Horizontal:
            return None
        if section == 0:
            return ds.unit_header
        col = self._cols[section - 1]
        fw = p.framework
        if col in fw.nodes:
            if role == Qt.ToolTipRole:
                return fw.nodes[col].name(self.c.language)
            return f"{col}\n{fw.nodes[col].name(self.c.language)}"
        from core.text.group_names import group_label  # a group column: its header as written, and
        label = group_label(col, self.c.language)      # under it what a well-known one means (地区)
        if label.lower() != str(col).lower():
            return label if role == Qt.ToolTipRole else f"{col}\n{label}"
        return col

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        unit = self._units[index.row()]
        if index.column() == 0:
            if role == Qt.DisplayRole:
                return unit
            probs = self._row_problems.get(unit)
        else:
            col = self._cols[index.column() - 1]
            probs = self._cell_problems.get((unit, col))
            ng = len(self._groups)
            j = index.column() - 1
            if role == Qt.DisplayRole:
                if j < ng:
                    return self._group_text[index.row(), j]
                v = self._values[index.row(), j - ng]
                if np.isnan(v):
                    bad = [q.value for q in probs or [] if q.kind == "non_numeric"]
                    return str(bad[0]) if bad else ""
                return f"{v:,.6g}" if abs(v) >= 1e6 else f"{v:.6g}"
            if role == Qt.TextAlignmentRole and j >= ng:
                return int(Qt.AlignRight | Qt.AlignVCenter)
        if probs:
            worst = min(probs, key=lambda q: {"error": 0, "warning": 1, "info": 2}[q.severity])
            if role == Qt.BackgroundRole:
                return QBrush(FILL[worst.severity])
            if role == Qt.ToolTipRole:
                return "\n".join(problem_text(q) for q in probs)
        if role == Qt.EditRole and index.column() > len(self._groups):
            v = self._values[index.row(), index.column() - 1 - len(self._groups)]
            return "" if np.isnan(v) else f"{v:.17g}"
        if role == Qt.UserRole:
            return unit
        return None

    # --- editing: a typed value goes to the engine as one undoable step (and into the history) ---
    rejected = Signal(str)  # why a typed value was not accepted

    def flags(self, index):
        f = super().flags(index)
        if index.isValid() and index.column() > len(self._groups):
            f |= Qt.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802
        """Numbers only: '1,240' and '1240' are read, an empty cell clears the value (missing, never
        zero), text is refused with a message — the cell keeps its value."""
        from core.model.dataset import parse_number
        if role != Qt.EditRole or not index.isValid() or index.column() <= len(self._groups):
            return False
        unit, code = self._units[index.row()], self._cols[index.column() - 1]
        text = "" if value is None else str(value).strip()
        if THOUSANDS.fullmatch(text):
            text = text.replace(",", "")
        num, issue = parse_number(text) if text else (None, "")
        if issue == "bad":
            self.rejected.emit(self.tr("{0} is not a number: {1} / {2} keeps its value.").format(text, unit, code))
            return False
        if self.edition and self.edition != self.c.eds.labels[-1]:  # an older edition: the step names it
            text = self.tr("Edit {0} / {1} (edition {2})").format(unit, code, self.edition)
        else:
            text = self.tr("Edit {0} / {1}").format(unit, code)
        self.c.set_data_values({(unit, code): num}, text, edition=self.edition or None)
        return True


class FrozenColumnTable(QTableView):
    """A table whose first column (the unit) stays in place when the others scroll sideways.

    Qt's "frozencolumn" example: a second QTableView over the same model and selection model shows
    only column 0, laid over the left edge of this one, its vertical scrolling tied to this one's."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.frozen = QTableView(self)
        self.frozen.setObjectName("FrozenColumn")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setStyleSheet("QTableView#FrozenColumn { border: none; border-right: 1px solid palette(mid); }")
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._section_width)
        self.verticalHeader().sectionResized.connect(self._section_height)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.clicked.connect(self._frozen_clicked)

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        for sig in (model.modelReset, model.columnsInserted, model.layoutChanged):
            sig.connect(self._only_first_column)
        self._only_first_column()

    FIT_CELLS = 20_000  # up to this many cells the columns fit their contents; beyond, their headers

    def fit_columns(self) -> None:
        """Columns as wide as their contents; on a large table (3,000 × 500: seconds of data() calls)
        the unit column fits its contents and the others their two-line header and a number's width."""
        model = self.model()
        if model is None or model.columnCount() == 0:
            return
        if model.rowCount() * model.columnCount() <= self.FIT_CELLS:
            self.resizeColumnsToContents()
            return
        self.resizeColumnToContents(0)
        fm = self.horizontalHeader().fontMetrics()
        pad = 16
        number = fm.horizontalAdvance("-00,000.0000")
        for col in range(1, model.columnCount()):
            text = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = max([number] + [fm.horizontalAdvance(line) for line in text.split("\n")])
            self.setColumnWidth(col, min(width + pad, 240))

    def setAlternatingRowColors(self, on: bool) -> None:  # noqa: N802
        super().setAlternatingRowColors(on)
        self.frozen.setAlternatingRowColors(on)

    def _only_first_column(self, *_args) -> None:
        model = self.model()
        if model is None:
            return
        for col in range(1, model.columnCount()):
            self.frozen.setColumnHidden(col, True)
        self.frozen.setColumnHidden(0, False)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        for row in range(model.rowCount()):
            if self.rowHeight(row) != self.frozen.rowHeight(row):
                self.frozen.setRowHeight(row, self.rowHeight(row))
        self.frozen.setVisible(model.columnCount() > 0)
        self._place()

    def _section_width(self, index: int, _old: int, new: int) -> None:
        if index == 0:
            self.frozen.setColumnWidth(0, new)
            self._place()

    def _section_height(self, index: int, _old: int, new: int) -> None:
        self.frozen.setRowHeight(index, new)

    def _frozen_clicked(self, index) -> None:
        self.setCurrentIndex(index)

    def resizeEvent(self, e) -> None:  # noqa: N802
        super().resizeEvent(e)
        self._place()

    def updateGeometries(self) -> None:  # noqa: N802
        super().updateGeometries()
        self._place()

    def _place(self) -> None:
        fw = self.frameWidth()
        # the same header height (the indicators' headers are two lines, the unit's one): the rows line up
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.setGeometry(self.verticalHeader().width() + fw, fw, self.columnWidth(0),
                                self.viewport().height() + self.horizontalHeader().height())

    def moveCursor(self, action, modifiers):  # noqa: N802
        """Keyboard moves to the left never leave a cell hidden under the frozen column."""
        current = super().moveCursor(action, modifiers)
        if (action == QAbstractItemView.CursorAction.MoveLeft and current.column() > 0
                and self.visualRect(current).topLeft().x() < self.frozen.columnWidth(0)):
            bar = self.horizontalScrollBar()
            x = self.visualRect(current).topLeft().x() - self.frozen.columnWidth(0)
            bar.setValue(bar.value() + x)
        return current

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        if index.column() > 0:
            super().scrollTo(index, hint)
            rect = self.visualRect(index)
            if rect.left() < self.frozen.columnWidth(0):  # under the frozen column: scroll it clear
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + rect.left() - self.frozen.columnWidth(0))
        else:
            self._scroll_rows_only(index, hint)

    def _scroll_rows_only(self, index, hint) -> None:
        """Column 0 is always visible: scroll vertically only."""
        bar = self.horizontalScrollBar()
        keep = bar.value()
        super().scrollTo(index, hint)
        bar.setValue(keep)


class ProblemsModel(QAbstractTableModel):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self.items: list = []
        controller.problems_changed.connect(self.set_problems)

    def set_problems(self, problems) -> None:
        self.beginResetModel()
        order = {"error": 0, "warning": 1, "info": 2}
        self.items = sorted(problems, key=lambda p: order[p.severity])
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return [self.tr("Severity"), self.tr("Where"), self.tr("Problem"), self.tr("Value")][section]
        return None

    def severity_text(self, s: str) -> str:
        return {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Note")}[s]

    def location(self, p) -> str:
        """Where, in the user's language: file, sheet, Excel row, column."""
        parts = [p.file] if p.file else []
        if p.sheet:
            parts.append(self.tr("sheet {0}").format(p.sheet))
        if p.row is not None:
            parts.append(self.tr("row {0}").format(p.row))
        if p.column:
            parts.append(self.tr("column {0}").format(p.column))
        return self.tr(", ").join(parts)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        p = self.items[index.row()]
        if role == Qt.DisplayRole:
            return [self.severity_text(p.severity), self.location(p), problem_line(p),
                    "" if p.value is None else str(p.value)][index.column()]
        if role == Qt.BackgroundRole and index.column() == 0:
            return QBrush(FILL[p.severity])
        if role == Qt.ToolTipRole:
            return p.format(current_language())
        if role == Qt.UserRole:
            return p
        return None


class ProblemsView(QWidget):
    """The problem list; activating a row emits `problem_activated(problem)`.

    It lists the open project's problems, or — after `show_problems` — those of a file that could
    not be opened; `shown_file` then names that file (None: the open project's problems), so that a
    click on such a problem does not go to the same row and column of the open project's data."""

    problem_activated = Signal(object)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.model = ProblemsModel(controller, self)
        self.shown_file: str | None = None
        controller.problems_changed.connect(self._project_problems)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.Interactive)
        h.resizeSection(1, 300)
        h.setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.clicked.connect(lambda i: self.problem_activated.emit(self.model.items[i.row()]))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)

    def show_problems(self, problems, file_name: str) -> None:
        """The problems of `file_name`, a file that is not the open project."""
        self.model.set_problems(problems)
        self.shown_file = file_name

    def _project_problems(self, _problems) -> None:
        self.shown_file = None
