"""The history of the project, frozen rounds and the comparison of two states, as widgets.

- `HistoryPanel(controller)`: a dock widget — every change (when, who, what, reason, state),
  a filter by node code or unit name, and for the selected entry the ranking before → after it.
  The reason column is editable (it annotates the entry; not an undoable edit).
- `open_freeze_dialog(parent, controller)`: a name and a note → `controller.freeze_round`.
- `open_diff_dialog(parent, controller)`: the current project against the last frozen round,
  a chosen round, or another project file (.cidx/.xlsx): what differs (framework, weights,
  settings, data cells) and each unit's change of rank — both computed by the engine (core).
- `open_reimport_dialog(parent, controller)`: choose a file, re-read the data sheet from it
  (`controller.reimport_data`; one undoable step, a history entry with the file's SHA-256).

The models are thin adapters over core.provenance.history entries and core.provenance.verify/core.rounds dicts;
Qt.UserRole gives the domain object of a row.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.provenance.history import METHOD_KEYS, num_text
from gui import dialog_dirs

UNDONE_FG = QColor("#9a9a9a")
UP_FG, DOWN_FG = QColor("#1b7f3b"), QColor("#b3261e")
DIFF_FILTER = "CityIndex projects and workbooks (*.cidx *.xlsx *.xlsm *.ods *.csv);;All files (*)"


def _value(v) -> str:
    """A value of a change: canonical number texts the short way (351.69999999999999 → 351.7)."""
    if isinstance(v, str):
        try:
            return num_text(float(v))
        except ValueError:
            return v or QCoreApplication.translate("History", "empty")
    if v is None or v == "":
        return QCoreApplication.translate("History", "empty")
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return num_text(v)
    return str(v)


def _share(v) -> str:
    return f"{float(v):.4f}".rstrip("0").rstrip(".") if isinstance(v, (int, float)) else _value(v)


def _kinds() -> dict[str, str]:
    """The names of the kinds of change, in the user's language."""
    return {
        "weight": QCoreApplication.translate("History", "Weight"),
        "cell": QCoreApplication.translate("History", "Data cell"),
        "group": QCoreApplication.translate("History", "Group"),
        "method": QCoreApplication.translate("History", "Method"),
        "setting": QCoreApplication.translate("History", "Setting"),
        "field": QCoreApplication.translate("History", "Node field"),
        "node_added": QCoreApplication.translate("History", "Node added"),
        "node_removed": QCoreApplication.translate("History", "Node removed"),
        "order": QCoreApplication.translate("History", "Children reordered"),
        "unit_added": QCoreApplication.translate("History", "Unit added"),
        "unit_removed": QCoreApplication.translate("History", "Unit removed"),
        "column_added": QCoreApplication.translate("History", "Column added"),
        "column_removed": QCoreApplication.translate("History", "Column removed"),
        "reimport": QCoreApplication.translate("History", "Data sheet re-imported"),
        "freeze": QCoreApplication.translate("History", "Round frozen"),
    }


def change_parts(c: dict) -> tuple[str, str, str, str]:
    """(what, where, before, after) of one change — a history change or a core.provenance.fingerprint.diff_docs
    difference — in the user's language."""
    k = c.get("kind", "")
    name = _kinds()
    if k == "weight":
        return name["weight"], c["code"], _share(c["old"]), _share(c["new"])
    if k == "cell":
        where = f"{c['unit']} / {c.get('code', c.get('column', ''))}"
        if c.get("edition"):  # a cell of an older edition (gui.panels.data_view)
            where += QCoreApplication.translate("History", " (edition {0})").format(c["edition"])
        return name["cell"], where, _value(c["old"]), _value(c["new"])
    if k == "group":
        return name["group"], f"{c['unit']} / {c['column']}", _value(c["old"]), _value(c["new"])
    if k == "setting":
        what = name["method"] if c["key"] in METHOD_KEYS else name["setting"]
        return what, METHOD_KEYS.get(c["key"], c["key"]), _value(c["old"]), _value(c["new"])
    if k in ("field", "framework"):
        what = name["weight"] if c["field"] == "weight" else name["field"]
        where = c["code"] if c["field"] == "weight" else f"{c['code']} · {c['field']}"
        old, new = c["old"], c["new"]
        if c["field"] == "direction":
            old = "+" if old is not None and int(old) > 0 else "-"
            new = "+" if new is not None and int(new) > 0 else "-"
        return what, where, _value(old), _value(new)
    if k == "node_added":
        return name[k], c["code"], "", c.get("parent", "")
    if k == "order":
        return name[k], c["code"], " ".join(c["old"]), " ".join(c["new"])
    if k in ("unit_added", "unit_removed"):
        return name[k], c["unit"], "", ""
    if k in ("node_removed", "column_added", "column_removed"):
        return name[k], c["code"], "", ""
    if k == "reimport":
        return name[k], c["file"], "", "sha256 " + c["sha256"][:12] + "…"
    if k == "freeze":
        return name[k], c["name"], "", "sha256 " + c["fingerprint"][:12] + "…"
    return k, str(c.get("code") or c.get("unit") or ""), _value(c.get("old")), _value(c.get("new"))


def change_text(c: dict) -> str:
    what, where, old, new = change_parts(c)
    if old or new:
        return QCoreApplication.translate("History", "{0} {1}: {2} → {3}").format(what, where, old or "—", new or "—")
    return f"{what} {where}"


def entry_text(e) -> str:
    """An entry's 'what' in the user's language: its main change, and how many more."""
    if not e.changes:
        return e.text
    text = change_text(e.changes[0])
    more = max(e.changes_total, len(e.changes)) - 1
    if more > 0:
        text += " " + QCoreApplication.translate("History", "(and {0} more)").format(more)
    return text


def _rank(r) -> str:
    return "—" if r is None else str(r)


def _move(before, after) -> tuple[str, int]:
    if before is None or after is None or before == after:
        return "", 0
    d = before - after
    return (f"▲{d}" if d > 0 else f"▼{-d}"), d


# --- models -------------------------------------------------------------------------------------
class HistoryModel(QAbstractTableModel):
    """The controller's history, newest first. Columns: when, who, what, reason, state."""

    WHEN, WHO, WHAT, REASON, STATE = range(5)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self._entries: list = []

    def refresh(self) -> None:
        self.beginResetModel()
        self._entries = list(reversed(self.c.history_entries(fingerprints=False)))
        self.endResetModel()

    def entry(self, row: int):
        return self._entries[row]

    def row_of(self, entry_id: int) -> int:
        return next((i for i, e in enumerate(self._entries) if e.id == entry_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Reason"), self.tr("State"))[section]

    def flags(self, index):
        f = super().flags(index)
        if index.isValid() and index.column() == self.REASON:
            f |= Qt.ItemIsEditable
        return f

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        e = self._entries[index.row()]
        col = index.column()
        if role == Qt.UserRole:
            return e
        if role in (Qt.DisplayRole, Qt.EditRole):
            if col == self.WHEN:
                return e.when.replace("T", " ")[:19]
            if col == self.WHO:
                return e.who
            if col == self.WHAT:
                return (e.title + ": " if e.title else "") + entry_text(e)
            if col == self.REASON:
                return e.reason
            if col == self.STATE:
                return self.tr("undone") if e.state == "undone" else self.tr("done")
        if role == Qt.ToolTipRole and col == self.WHAT:
            lines = [e.text] + [change_text(c) for c in e.changes[:20]]
            if e.fingerprint_after:
                lines.append(self.tr("fingerprint {0} → {1}").format(e.fingerprint_before[:12],
                                                                     e.fingerprint_after[:12]))
            return "\n".join(lines)
        if role == Qt.ForegroundRole and e.state == "undone":
            return QBrush(UNDONE_FG)
        if role == Qt.FontRole and e.state == "undone" and col == self.WHAT:
            f = QFont()
            f.setStrikeOut(True)
            return f
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != self.REASON or role != Qt.EditRole:
            return False
        e = self._entries[index.row()]
        self.c.annotate(e.id, str(value or "").strip())
        self.dataChanged.emit(index, index, [Qt.DisplayRole, Qt.EditRole])
        return True


class HistoryFilter(QSortFilterProxyModel):
    """Entries that touch a node code or a unit name (or say the words typed)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = ""

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self.query = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.query = text
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802
        e = self.sourceModel().entry(row)
        return e.matches(self.query)


class RankChangeModel(QAbstractTableModel):
    """Units with their rank before → after. Rows: (unit, before, after); UserRole gives that tuple."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, int | None, int | None]] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return (self.tr("Unit"), self.tr("Rank before"), self.tr("Rank after"), self.tr("Change"))[section]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        unit, before, after = self._rows[index.row()]
        col = index.column()
        if role == Qt.UserRole:
            return self._rows[index.row()]
        text, d = _move(before, after)
        if role == Qt.DisplayRole:
            return (unit, _rank(before), _rank(after), text)[col]
        if role == Qt.ForegroundRole and col == 3 and d:
            return QBrush(UP_FG if d > 0 else DOWN_FG)
        if role == Qt.TextAlignmentRole and col > 0:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class DiffModel(QAbstractTableModel):
    """The differences of core.provenance.fingerprint.diff_docs: what, where, before, after; UserRole gives the dict."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._diffs: list[dict] = []

    def set_differences(self, diffs: list[dict]) -> None:
        self.beginResetModel()
        self._diffs = list(diffs)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._diffs)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return (self.tr("What"), self.tr("Where"), self.tr("Before"), self.tr("Now"))[section]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._diffs)):
            return None
        d = self._diffs[index.row()]
        if role == Qt.UserRole:
            return d
        if role == Qt.DisplayRole:
            return change_parts(d)[index.column()]
        return None


def _table(parent, model, stretch: int = -1) -> QTableView:
    t = QTableView(parent)
    t.setModel(model)
    t.setSelectionBehavior(QTableView.SelectRows)
    t.setSelectionMode(QTableView.SingleSelection)
    t.verticalHeader().hide()
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    if stretch >= 0:
        t.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.Stretch)
    return t


# --- the panel ----------------------------------------------------------------------------------
class HistoryPanel(QWidget):
    """The history as a dock widget: entries, a filter, the ranking before → after the selected entry."""

    REFRESH_MS = 150  # a slider drag rewrites its entry on every move: refresh once it rests

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("HistoryPanel")
        self.c = controller
        self.model = HistoryModel(controller, self)
        self.proxy = HistoryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = _table(self, self.proxy, HistoryModel.WHAT)
        self.table.setEditTriggers(QTableView.DoubleClicked | QTableView.EditKeyPressed)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.freeze_button = QPushButton(self)
        self.compare_button = QPushButton(self)
        self.ranks = RankChangeModel(self)
        self.rank_table = _table(self, self.ranks, 0)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.freeze_button)
        bar.addWidget(self.compare_button)
        lower = QWidget(self)
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        low.addWidget(self.detail)
        low.addWidget(self.rank_table)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(split)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_shown)
        self._stale = False
        controller.history_changed.connect(self._timer.start)
        self.filter.textChanged.connect(self.proxy.set_query)
        # bound methods, not lambdas holding `self`: no hidden reference keeps a closed panel alive
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.freeze_button.clicked.connect(self._freeze)
        self.compare_button.clicked.connect(self._compare)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by node code or unit…"))
        self.freeze_button.setText(self.tr("Freeze round…"))
        self.compare_button.setText(self.tr("Compare…"))
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, self.model.columnCount() - 1)
        self.ranks.headerDataChanged.emit(Qt.Horizontal, 0, self.ranks.columnCount() - 1)
        self._show_selected()

    def _row_changed(self, *_args) -> None:
        self._show_selected()

    def _freeze(self) -> None:
        open_freeze_dialog(self, self.c)

    def _compare(self) -> None:
        open_diff_dialog(self, self.c)

    def set_filter(self, text: str) -> None:
        self.filter.setText(text)

    def _refresh_if_shown(self) -> None:
        """A hidden panel (a dock tab behind another) does not re-read the history on every edit —
        reading fills in fingerprints — it does so when it is shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the history (keeps the selected entry selected)."""
        self._timer.stop()
        self._stale = False
        current = self.selected_entry()
        self.model.refresh()
        if current is not None:
            self.select_entry(current.id)
        else:
            self._show_selected()
        self.table.resizeColumnToContents(HistoryModel.WHEN)

    def selected_entry(self):
        idx = self.table.currentIndex()
        return self.proxy.data(idx, Qt.UserRole) if idx.isValid() else None

    def select_entry(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            if idx.isValid():
                self.table.setCurrentIndex(idx)
        self._show_selected()

    def _show_selected(self) -> None:
        e = self.selected_entry()
        if e is None:
            self.ranks.set_rows([])
            self.detail.setText(self.tr("Select an entry to see the ranking before and after it."))
            return
        self.ranks.set_rows(e.ranking_rows())
        self.c.fill_fingerprints(e)  # only the entry looked at (a fingerprint of 3,000 × 500 takes seconds)
        fp = ""
        if e.fingerprint_before or e.fingerprint_after:
            fp = " " + self.tr("Fingerprint {0} → {1}.").format(e.fingerprint_before[:12] or "…",
                                                               e.fingerprint_after[:12] or "…")
        moved = len(e.moved)
        self.detail.setText(self.tr("{0} — {1} unit(s) changed rank.").format(entry_text(e), moved) + fp)

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.LanguageChange and hasattr(self, "ranks"):
            self.retranslate()
        super().changeEvent(e)


# --- freezing -----------------------------------------------------------------------------------
class FreezeDialog(QDialog):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("FreezeDialog")
        self.c = controller
        self.name = QLineEdit(self)
        self.name.setText(self.tr("Round {0}").format(len(controller.rounds) + 1))
        self.note = QPlainTextEdit(self)
        self.note.setMaximumHeight(90)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.name_label, self.note_label = QLabel(self), QLabel(self)
        form.addRow(self.name_label, self.name)
        form.addRow(self.note_label, self.note)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.round: dict | None = None
        self.setWindowTitle(self.tr("Freeze a round"))
        self.name_label.setText(self.tr("Name"))
        self.note_label.setText(self.tr("Note"))
        self.info.setText(self.tr("Keep the framework, data, settings and weights as they are now, with their "
                                  "SHA-256 fingerprint. Later changes are shown against the last frozen round."))

    def accept(self) -> None:
        self.round = self.c.freeze_round(self.name.text(), self.note.toPlainText().strip())
        super().accept()


def open_freeze_dialog(parent: QWidget | None, controller) -> FreezeDialog | None:
    """Ask for a name and a note, then freeze the project (window-modal; returns the dialog)."""
    if controller.project is None:
        return None
    dlg = FreezeDialog(controller, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg


# --- comparing ----------------------------------------------------------------------------------
class DiffDialog(QDialog):
    """The current project against a frozen round or another project file."""

    FILE = "__file__"

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("DiffDialog")
        self.setSizeGripEnabled(True)
        self.c = controller
        self.source = QComboBox(self)
        self.choose = QPushButton(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.diffs = DiffModel(self)
        self.diff_table = _table(self, self.diffs, 1)
        self.ranks = RankChangeModel(self)
        self.rank_table = _table(self, self.ranks, 0)
        self.diff_label, self.rank_label = QLabel(self), QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.buttons.rejected.connect(self.close)
        top = QHBoxLayout()
        self.source_label = QLabel(self)
        top.addWidget(self.source_label)
        top.addWidget(self.source, 1)
        top.addWidget(self.choose)
        left, right = QWidget(self), QWidget(self)
        ll, rl = QVBoxLayout(left), QVBoxLayout(right)
        ll.setContentsMargins(0, 0, 0, 0)
        rl.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.diff_label)
        ll.addWidget(self.diff_table)
        rl.addWidget(self.rank_label)
        rl.addWidget(self.rank_table)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        lay.addWidget(self.buttons)
        self.report: dict | None = None
        self.other_path: Path | None = None
        self.choose.clicked.connect(self.choose_file)
        self.source.activated.connect(self._source_chosen)
        controller.rounds_changed.connect(self._fill_sources)
        self.retranslate()
        self.resize(1000, 620)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare the project"))
        self.source_label.setText(self.tr("Compare with:"))
        self.choose.setText(self.tr("Another project file…"))
        self.diff_label.setText(self.tr("What differs (framework, weights, settings, data)"))
        self.rank_label.setText(self.tr("Change of rank (then → now)"))
        self._fill_sources()

    def _fill_sources(self) -> None:
        keep = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        rounds = self.c.rounds
        for i in range(len(rounds) - 1, -1, -1):
            r = rounds[i]
            label = r["name"] if i < len(rounds) - 1 else self.tr("{0} (the last frozen round)").format(r["name"])
            self.source.addItem(label, i)
        if self.other_path is not None:
            self.source.addItem(self.other_path.name, self.FILE)
        j = self.source.findData(keep)
        self.source.setCurrentIndex(j if j >= 0 else 0)
        self.source.blockSignals(False)

    def _source_chosen(self, _i: int) -> None:
        data = self.source.currentData()
        if data == self.FILE and self.other_path is not None:
            self.compare_file(self.other_path)
        elif isinstance(data, int):
            self.compare_round(data)

    def compare_round(self, index: int | None = None) -> dict | None:
        """Compare with round `index` (default: the last frozen round)."""
        if not self.c.rounds:
            self._show(None, self.tr("No round has been frozen yet: freeze one first (History → Freeze round)."))
            return None
        index = len(self.c.rounds) - 1 if index is None else index
        r = self.c.rounds[index]
        rep = self.c.compare_with_round(r)
        j = self.source.findData(index)
        if j >= 0:
            self.source.setCurrentIndex(j)
        state = "" if rep["intact"] else " " + self.tr("Warning: the stored snapshot no longer matches its "
                                                         "fingerprint.")
        head = self.tr("Round “{0}” frozen {1} by {2}, fingerprint {3}; now {4}.").format(
            r["name"], r.get("when", "").replace("T", " ")[:16], r.get("who", ""), r["fingerprint"][:12],
            rep["fingerprint_now"][:12])
        self._show(rep, head + state)
        return rep

    def compare_file(self, path: str | Path) -> dict | None:
        """Compare with another project file or input workbook."""
        from core.model.problems import InputError
        path = Path(path)
        try:
            rep = self.c.compare_with_file(path)
        except InputError as e:
            from gui.text.problem_text import problem_text
            msg = "\n".join(problem_text(p) for p in list(e.problems)[:5])  # in the window's language
            QMessageBox.warning(self, self.tr("Cannot compare"), self.tr("{0} cannot be used: {1}").format(
                path.name, msg))
            return None
        self.other_path = path
        self._fill_sources()
        j = self.source.findData(self.FILE)
        if j >= 0:
            self.source.setCurrentIndex(j)
        head = self.tr("{0}, fingerprint {1}; now {2}.").format(path.name, rep["fingerprint_a"][:12],
                                                                rep["fingerprint_b"][:12])
        self._show(rep, head)
        return rep

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Compare with a project file"), dialog_dirs.start_path(),
                                              DIFF_FILTER)
        if path:
            self.compare_file(path)

    def _show(self, rep: dict | None, head: str) -> None:
        self.report = rep
        if rep is None:
            self.diffs.set_differences([])
            self.ranks.set_rows([])
            self.summary.setText(head)
            return
        diffs = rep["differences"]
        self.diffs.set_differences(diffs)
        self.ranks.set_rows([(c["unit"], c["rank_a"], c["rank_b"]) for c in rep["rank_changes"]])
        if not diffs:
            tail = self.tr("No difference: the fingerprints are equal.")
        else:
            tail = self.tr("{0} difference(s); {1} unit(s) changed rank.").format(len(diffs),
                                                                                  len(rep["rank_changes"]))
        self.summary.setText(head + " " + tail)

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(e)


def open_diff_dialog(parent: QWidget | None, controller) -> DiffDialog | None:
    """Show the comparison of the current project with the last frozen round (when there is one);
    another round or a project file can be chosen in the dialog. Non-modal; returns the dialog."""
    if controller.project is None:
        return None
    dlg = DiffDialog(controller, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.compare_round()
    dlg.show()
    return dlg


# --- re-importing the data --------------------------------------------------------------------------
def open_reimport_dialog(parent: QWidget | None, controller, path: str | Path | None = None) -> bool:
    """Choose a workbook or CSV (or take `path`) and re-read the data sheet from it, keeping the
    framework and settings. True when the data was replaced (a refused file shows its problems
    through `controller.load_failed`)."""
    if controller.project is None:
        return False
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("History", "Re-import the data sheet"), dialog_dirs.start_path(),
            "Workbooks and CSV (*.xlsx *.xlsm *.ods *.csv);;All files (*)")
        if not path:
            return False
    return controller.reimport_data(path) is None
