"""Expert score sheets in the window: write one sheet per expert, import the filled sheets,
look at every expert's scores beside the merged value and the agreement figures, apply.

Two tabs (as the weight panel, gui/dialogs/weight_forms_dialog.py):

- "Write score sheets": expert names (commas or new lines), a folder → one sheet per expert by
  `core.experts.score_sheets.write_score_sheets` (an existing file is never overwritten: the new one
  gets a number).
- "Import and merge": many returned sheets at once. A sheet with a problem is listed with every
  problem — expert, file, sheet, cell, what is wrong — and left out; the others still merge, by
  the mean, the median or the trimmed mean (K highest and K lowest dropped). Per indicator:
  Kendall's W with its test and ICC(2,k)/ICC(3,k); per city each expert's score beside the
  merged value (a dropped score greyed), per expert the mean deviation from the others and the
  correlation with them, flagged (lenient, severe, against the rest) but never dropped.
  "Apply" puts the merged values into the data as one undoable step
  (`controller.set_data_values`), so the ranking follows at once, and keeps the merge —
  provenance and agreement, plain JSON — in the document's `extras["expert_scores"]` (controller.set_extra).

The tabs, the file lists and the texts both expert-form dialogs share live in
gui/dialogs/expert_forms_dialog.py; this module builds and fills what is the score sheets' own.

Entry point: `open_score_sheets(parent, controller, mode="export"|"import")`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.experts.forms import split_names
from core.experts.score_sheets import (
    RULES,
    ScoreSheet,
    TrimError,
    check_rule,
    expert_indicators,
    merge_scores,
    merged_values,
    read_score_sheets,
    rule_text_zh,
    write_score_sheets,
)
from core.files.atomic import WriteError
from gui.dialogs.expert_forms_dialog import (
    ERROR_BG,
    GREEN,
    MERGED_BG,
    RED,
    WARNING_BG,
    ExpertFormsDialog,
    FormRow,
    fmt,
    problem_cell,
    problem_expert,
)
from gui.text.problem_text import shown_error

translate = QCoreApplication.translate
FLAG_BG = QColor("#fff3e0")
DROPPED_FG = QColor("#9e9e9e")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _short_number(v: float) -> str:
    """A score for display: four significant digits (one decimal from 10,000 on)."""
    return f"{v:.4g}" if abs(v) < 1e4 else f"{v:.1f}"


def flag_text(flag: str) -> str:
    texts = {"lenient": translate("ScoreSheets", "lenient"),
             "severe": translate("ScoreSheets", "severe"),
             "against_the_rest": translate("ScoreSheets", "against the rest")}
    return texts.get(flag, flag)


def rule_name(rule: str, trim: int) -> str:
    if rule == "trimmed":
        return translate("ScoreSheets", "trimmed mean (K = {0})").format(trim)
    return {"mean": translate("ScoreSheets", "mean"), "median": translate("ScoreSheets", "median")}.get(rule, rule)


def problem_text(p) -> str:
    """A sheet problem in the user's language for the common kinds (the engine's English otherwise)."""
    cell = problem_cell(p)
    templates = {
        "score_outside_scale": translate("ScoreSheets", "Cell {cell} ({unit}, {code}) is outside the scale."),
        "score_not_a_number": translate("ScoreSheets", "Cell {cell} ({unit}, {code}) is not a number: write a score "
                                                       "or leave it empty."),
        "score_unknown_unit": translate("ScoreSheets", "Cell {cell}: this city was not on the sheet that went out."),
        "score_unknown_indicator": translate("ScoreSheets", "Cell {cell}: this indicator was not on the sheet that "
                                                            "went out."),
        "score_no_expert": translate("ScoreSheets", "The expert's name is missing (cell {cell})."),
        "score_duplicate_expert": translate("ScoreSheets", "This expert returned more than one sheet: none of them is "
                                                           "used until one is removed."),
        "score_as_text": translate("ScoreSheets", "Cell {cell} holds a number as text; read as a number."),
        "score_empty": translate("ScoreSheets", "The sheet holds no score."),
    }
    t = templates.get(p.kind)
    if t is None or ("{cell}" in t and not cell):
        msg = p.message
        return msg.split(": ", 1)[1] if msg.startswith(("expert ", "sheet file ")) and ": " in msg else msg
    return t.format(cell=cell, unit=p.unit or "", code=p.code or "")


# ------------------------------------------------------------------------------------------- models

class RowsModel(QAbstractTableModel):
    """A thin read-only table over a list of domain rows.

    `columns`: (header function, cell function(row) → text, role function(row, role) → value or None).
    `UserRole` gives the row object itself.
    """

    def __init__(self, columns: Sequence[tuple[Callable[[], str], Callable[[Any], str], Callable | None]],
                 parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any], columns=None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if columns is not None:
            self.columns = list(columns)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) or not (0 <= index.column() <
                                                                                  len(self.columns)):
            return None
        row = self.rows[index.row()]
        _head, cell, extra = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        if extra is not None:
            return extra(row, role)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section][0]()
        return None

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)


def _right(_row, role):
    return RIGHT if role == Qt.ItemDataRole.TextAlignmentRole else None



# ------------------------------------------------------------------------------------------- dialog

class ScoreSheetsDialog(ExpertFormsDialog):
    """Public for tests: `export_sheets(names, folder)`, `import_sheets(paths)`, `sheets`, `read`,
    `result` (merge_scores' dict or None), `merge_error`, `set_rule(rule, trim)`, `select_indicator(code)`,
    `apply()`; the models `sheets_model`, `problems_model`, `indicators_model`, `detail_model`, `experts_model`."""

    OBJECT_NAME = "ScoreSheetsDialog"
    SIZE = (1200, 800)

    def _init_state(self) -> None:
        self.read: list[tuple[Path, ScoreSheet | None, Any]] = []
        self.sheets: list[ScoreSheet] = []
        self.result: dict | None = None
        self.merge_error = ""
        self._code: str | None = None

    # --- building -----------------------------------------------------------------------
    def _build_export_rows_after_folder(self) -> list[FormRow]:
        self.comments_check = QCheckBox(self)
        self.comments_check.setChecked(True)
        self.indicators_info = QLabel(self)
        self.indicators_info.setWordWrap(True)
        self.indicators_label = QLabel(self)
        return [("", self.comments_check), (self.indicators_label, self.indicators_info)]

    def _build_merge_options(self) -> list[QWidget]:
        self.rule_label = QLabel(self)
        self.rule_combo = QComboBox(self)
        for r in RULES:
            self.rule_combo.addItem("", r)
        self.rule_combo.setCurrentIndex(self.rule_combo.findData("trimmed"))
        self.trim_label = QLabel(self)
        self.trim_spin = QSpinBox(self)
        self.trim_spin.setRange(0, 20)
        self.trim_spin.setValue(1)
        self.rule_combo.currentIndexChanged.connect(lambda _i: self.merge())
        self.trim_spin.valueChanged.connect(lambda _v: self.merge())
        return [self.rule_label, self.rule_combo, self.trim_label, self.trim_spin]

    def _build_views(self) -> tuple[QSplitter, QSplitter]:
        """Sheets | problems above; indicators over experts | one indicator's scores below."""
        self.sheets_model = RowsModel(self._sheet_columns(), self)
        self.problems_model = RowsModel(self._problem_columns(), self)
        self.indicators_model = RowsModel(self._indicator_columns(), self)
        self.detail_model = RowsModel([], self)
        self.experts_model = RowsModel(self._expert_columns(), self)
        self.sheets_view = self._view(self.sheets_model)
        self.problems_view = self._view(self.problems_model)
        self.problems_view.setWordWrap(True)
        self.indicators_view = self._view(self.indicators_model, selectable=True)
        self.indicators_view.selectionModel().selectionChanged.connect(lambda *_: self._indicator_selected())
        self.detail_view = self._view(self.detail_model)
        self.experts_view = self._view(self.experts_model)

        self.sheets_box, self.problems_box, self.indicators_box, self.detail_box, self.experts_box = (
            QGroupBox(self) for _ in range(5))
        for box, view in ((self.sheets_box, self.sheets_view), (self.problems_box, self.problems_view),
                          (self.indicators_box, self.indicators_view), (self.experts_box, self.experts_view)):
            QVBoxLayout(box).addWidget(view)
        self.agreement_note = QLabel(self)
        self.agreement_note.setWordWrap(True)
        dl = QVBoxLayout(self.detail_box)
        dl.addWidget(self.detail_view, 1)
        dl.addWidget(self.agreement_note)

        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.sheets_box)
        upper.addWidget(self.problems_box)
        upper.setSizes([460, 680])
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.indicators_box)
        left.addWidget(self.experts_box)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(left)
        lower.addWidget(self.detail_box)
        lower.setSizes([480, 700])
        return upper, lower

    def _build_apply_row(self) -> tuple[QLabel, list[QPushButton]]:
        self.apply_btn = QPushButton(self)
        self.apply_btn.clicked.connect(lambda: self.apply())
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        return self.status_label, [self.apply_btn]

    @staticmethod
    def _view(model: QAbstractTableModel, selectable: bool = False) -> QTableView:
        v = QTableView()
        v.setModel(model)
        v.verticalHeader().setVisible(False)
        v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        v.setAlternatingRowColors(True)
        v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        v.horizontalHeader().setStretchLastSection(True)
        if selectable:
            v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            v.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        else:
            v.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        return v

    # --- columns (header text through translate, so they follow the language) ---------
    def _sheet_columns(self):
        def status(row):
            _p, s, q = row
            if s is not None:
                return translate("ScoreSheets", "used: {0} scores").format(s.n_scores)
            return translate("ScoreSheets", "not used: {0} problem(s)").format(len(q.errors))

        def colour(row, role):
            _p, s, _q = row
            if s is None and role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ERROR_BG)
            if role == Qt.ItemDataRole.ToolTipRole:
                return str(row[0])
            return None

        def flags(row):
            _p, s, _q = row
            if s is None or self.result is None:
                return ""
            f = self.result["expert_summary"].get(s.expert, {}).get("flags", [])
            return ", ".join(flag_text(x) for x in f)

        return [
            (lambda: translate("ScoreSheets", "Expert"), lambda r: self._expert_of(r), colour),
            (lambda: translate("ScoreSheets", "File"), lambda r: r[0].name, colour),
            (lambda: translate("ScoreSheets", "Status"), status, colour),
            (lambda: translate("ScoreSheets", "Flags (all indicators)"), flags, colour),
        ]

    def _expert_of(self, row) -> str:
        p, s, q = row
        if s is not None:
            return s.expert
        errors = q.errors
        return problem_expert(errors[0], p.stem) if errors else p.stem

    def _problem_columns(self):
        def colour(row, role):
            _path, q = row
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ERROR_BG if q.severity == "error" else WARNING_BG)
            if role == Qt.ItemDataRole.ToolTipRole:
                return q.message
            return None

        return [
            (lambda: translate("ScoreSheets", "Expert"), lambda r: problem_expert(r[1], r[0].stem), colour),
            (lambda: translate("ScoreSheets", "File"), lambda r: r[0].name, colour),
            (lambda: translate("ScoreSheets", "Sheet"), lambda r: r[1].sheet, colour),
            (lambda: translate("ScoreSheets", "Cell"), lambda r: problem_cell(r[1]), colour),
            (lambda: translate("ScoreSheets", "Problem"), lambda r: problem_text(r[1]), colour),
        ]

    def _indicator_columns(self):
        fw = lambda: self.controller.framework  # noqa: E731

        def name(code):
            f = fw()
            return f"{code}  {f.nodes[code].name(self.controller.language)}" if f and code in f.nodes else code

        def ind(code):
            return self.result["indicators"][code]

        def merged(code):
            u = ind(code)["units"]
            return f"{sum(1 for e in u.values() if e['value'] is not None)}/{len(u)}"

        return [
            (lambda: translate("ScoreSheets", "Indicator"), name, None),
            (lambda: translate("ScoreSheets", "Experts"), lambda c: str(len(ind(c)["experts"])), _right),
            (lambda: translate("ScoreSheets", "Cities merged"), merged, _right),
            (lambda: translate("ScoreSheets", "Kendall's W"), lambda c: fmt(ind(c)["kendall_w"]), _right),
            (lambda: translate("ScoreSheets", "p"), lambda c: fmt(ind(c)["p_value"], 4), _right),
            (lambda: translate("ScoreSheets", "ICC(2,k)"), lambda c: fmt(ind(c)["icc"]["icc2_k"]), _right),
            (lambda: translate("ScoreSheets", "ICC(3,k)"), lambda c: fmt(ind(c)["icc"]["icc3_k"]), _right),
        ]

    def _expert_columns(self):
        def dev(row):
            name, d = row
            return d

        def colour(row, role):
            if role == Qt.ItemDataRole.BackgroundRole and row[1]["flags"]:
                return QBrush(FLAG_BG)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT
            return None

        return [
            (lambda: translate("ScoreSheets", "Expert"), lambda r: r[0], None),
            (lambda: translate("ScoreSheets", "Cells"), lambda r: str(dev(r)["cells"]), colour),
            (lambda: translate("ScoreSheets", "Deviation from the others (% of scale)"),
             lambda r: fmt(None if dev(r)["bias_share"] is None else 100 * dev(r)["bias_share"], 1), colour),
            (lambda: translate("ScoreSheets", "r with the others"), lambda r: fmt(dev(r)["r"], 2), colour),
            (lambda: translate("ScoreSheets", "Flags"), lambda r: ", ".join(flag_text(f) for f in dev(r)["flags"]),
             colour),
        ]

    def _detail_columns(self, code: str):
        ind = self.result["indicators"][code]
        experts = ind["experts"]
        dropped_brush, merged_brush = QBrush(DROPPED_FG), QBrush(MERGED_BG)
        flagged = {x for x, d in ind["deviation"].items() if d["flags"]}

        def expert_col(x):
            def cell(row):
                v = row[1]["scores"].get(x)
                return "" if v is None else _short_number(v)

            def role(row, r):
                if r == Qt.ItemDataRole.TextAlignmentRole:
                    return RIGHT
                if r == Qt.ItemDataRole.ForegroundRole and x in row[1]["dropped"]:
                    return dropped_brush
                if r == Qt.ItemDataRole.FontRole and x in row[1]["dropped"]:
                    f = QFont()
                    f.setStrikeOut(True)
                    return f
                if r == Qt.ItemDataRole.ToolTipRole:
                    c = row[1]["cells"].get(x)
                    return translate("ScoreSheets", "{0}, cell {1}").format(x, c) if c else None
                return None

            flag = " ⚑" if x in flagged else ""
            return (lambda: x + flag, cell, role)

        def merged_role(row, r):
            if r == Qt.ItemDataRole.BackgroundRole:
                return merged_brush
            if r == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT
            if r == Qt.ItemDataRole.FontRole:
                f = QFont()
                f.setBold(True)
                return f
            return None

        def provenance(row):
            e = row[1]
            if e["value"] is None:
                return translate("ScoreSheets", "too few scores for the rule: no value")
            text = translate("ScoreSheets", "{0} of {1} scores").format(
                rule_name(self.result["rule"], self.result["trim"]), e["n"])
            if e["dropped"]:
                text += translate("ScoreSheets", "; dropped: {0}").format(", ".join(e["dropped"]))
            return text

        return ([(lambda: translate("ScoreSheets", "City"), lambda r: r[0], None)]
                + [expert_col(x) for x in experts]
                + [(lambda: translate("ScoreSheets", "Merged"),
                    lambda r: "–" if r[1]["value"] is None else _short_number(r[1]["value"]), merged_role),
                   (lambda: translate("ScoreSheets", "How"), provenance, None)])

    # --- export -----------------------------------------------------------------------
    def _folder_title(self) -> str:
        return self.tr("Folder for the score sheets")

    def _export_clicked(self) -> None:
        self.export_sheets()

    def export_sheets(self, names: list[str] | None = None, folder: str | Path | None = None) -> list[Path]:
        """Write one sheet per expert; returns the files written (the log says what happened)."""
        names = split_names(self.names_edit.toPlainText()) if names is None else list(names)
        folder_text = self.folder_edit.text().strip() if folder is None else str(folder)
        fw = self.controller.framework
        if not expert_indicators(fw):
            self._log(self.tr("No indicator is scored by experts: mark one in the framework (scored_by = expert)."),
                      error=True)
            return []
        if not names:
            self._no_names()
            return []
        if not folder_text:
            self._log(self.tr("Choose a folder for the score sheets."), error=True)
            return []
        try:
            paths = write_score_sheets(fw, list(self.controller.project.data.units), names, folder_text,
                                       overwrite=False, comments=self.comments_check.isChecked(),
                                       rule_hint=rule_text_zh(self.rule, self.trim))
        except (ValueError, OSError, WriteError) as e:
            self._log(self.tr("Not written: {0}").format(shown_error(e)), error=True)
            return []
        lines = [self.tr("{0} score sheets written to {1}:").format(len(paths), folder_text)]
        lines += [f"  • {p.name}" for p in paths]
        self._log("\n".join(lines))
        return paths

    # --- import -----------------------------------------------------------------------
    def _files_title(self) -> str:
        return self.tr("Returned score sheets")

    def clear_sheets(self) -> None:
        self.clear_files()

    def import_sheets(self, paths) -> None:
        """Read the sheets (added to those already read; a file read twice counts once) and merge."""
        self.add_files(paths)

    def _reread(self) -> None:
        c = self.controller
        with self.busy():
            self.sheets, self.read = read_score_sheets(self.paths, c.framework, list(c.project.data.units))
        self.sheets_model.set_rows(self.read)
        self.problems_model.set_rows([(p, q) for p, _s, qs in self.read for q in qs])
        self.problems_view.resizeRowsToContents()
        self.merge()

    def set_rule(self, rule: str, trim: int | None = None) -> None:
        if trim is not None:
            self.trim_spin.blockSignals(True)
            self.trim_spin.setValue(trim)
            self.trim_spin.blockSignals(False)
        i = self.rule_combo.findData(rule)
        if i == self.rule_combo.currentIndex():
            self.merge()
        else:
            self.rule_combo.setCurrentIndex(i)

    @property
    def rule(self) -> str:
        return self.rule_combo.currentData()

    @property
    def trim(self) -> int:
        return self.trim_spin.value()

    def merge(self) -> None:
        self.trim_spin.setEnabled(self.rule == "trimmed")
        self.result, self.merge_error = None, ""
        if self.sheets:
            try:
                check_rule(self.rule, self.trim, len(self.sheets))
                self.result = merge_scores(self.sheets, self.controller.framework, self.rule, self.trim)
            except TrimError as e:  # in the window's words (the engine's names the command-line options)
                self.merge_error = self.tr("A trimmed mean dropping {0} highest and {0} lowest score(s) needs more "
                                           "than {1} experts; {2} sheet(s) can be merged. Choose the mean or the "
                                           "median, or drop fewer.").format(e.trim, 2 * e.trim, e.n)
            except ValueError as e:
                self.merge_error = str(e)
        codes = list(self.result["indicators"]) if self.result else []
        self.indicators_model.set_rows(codes)
        self.sheets_model.set_rows(self.read)
        if codes:
            self.select_indicator(self._code if self._code in codes else codes[0])
        else:
            self._code = None
            self._show_indicator()
        self._show_status()
        self._update_buttons()

    def select_indicator(self, code: str) -> None:
        rows = self.indicators_model.rows
        if code in rows:
            self.indicators_view.selectRow(rows.index(code))
            self._code = code
            self._show_indicator()

    def current_indicator(self) -> str | None:
        return self._code

    def _indicator_selected(self) -> None:
        idx = self.indicators_view.selectionModel().selectedRows()
        if idx:
            self._code = self.indicators_model.rows[idx[0].row()]
            self._show_indicator()

    def _show_indicator(self) -> None:
        code = self._code
        if self.result is None or code not in self.result["indicators"]:
            self.detail_model.set_rows([], [])
            self.experts_model.set_rows([])
            self.agreement_note.setText("")
            self.detail_box.setTitle(self.tr("Scores per expert"))
            self.experts_box.setTitle(self.tr("Experts against the others"))
            return
        ind = self.result["indicators"][code]
        self.detail_model.set_rows(list(ind["units"].items()), self._detail_columns(code))
        self.experts_model.set_rows(list(ind["deviation"].items()))
        fw = self.controller.framework
        name = fw.nodes[code].name(self.controller.language) if code in fw.nodes else ""
        lo, hi = ind["scale"]
        self.detail_box.setTitle(self.tr("Scores per expert: {0} {1} (scale {2:g}–{3:g})").format(code, name, lo, hi))
        self.experts_box.setTitle(self.tr("Experts against the others: {0}").format(code))
        ic = ind["icc"]
        if ind["kendall_w"] is None:
            w = self.tr("Kendall's W needs at least two experts and two cities scored by all of them.")
        else:
            sig = self.tr("significant") if ind["p_value"] < 0.05 else self.tr("not significant")
            w = self.tr("Kendall's W = {0:.3f}, χ² = {1:.2f} with {2} degrees of freedom, p = {3:.4f} ({4} at the "
                        "5 % level), over {5} cities scored by every expert.").format(
                ind["kendall_w"], ind["chi2"], ind["df"], ind["p_value"], sig, ind["n_complete"])
        if ic["icc2_k"] is None:
            i = self.tr("The ICC needs at least two experts and two cities scored by all of them.")
        else:
            i = self.tr("ICC(2,k) = {0} (two-way random, absolute agreement, mean of {2} experts); ICC(3,k) = {1} "
                        "(two-way mixed, consistency).").format(fmt(ic["icc2_k"]), fmt(ic["icc3_k"]), ic["k"])
        flags = self.tr("A flagged expert (⚑) is shown, never dropped: lenient or severe = their scores sit at least "
                        "10 % of the scale above or below the others'; against the rest = r with the others' mean "
                        "below 0.3. Struck-out scores were dropped by the trimmed mean.")
        self.agreement_note.setText(f"{w} {i}\n{flags}")

    def _show_status(self) -> None:
        used, n = len(self.sheets), len(self.read)
        if self.merge_error:
            self.status_label.setText(self.merge_error)
            self.status_label.setStyleSheet(f"color: {RED};")
        elif n:
            self.status_label.setText(self.tr("{0} of {1} sheets used; merged by {2}.").format(
                used, n, rule_name(self.rule, self.trim)))
            self.status_label.setStyleSheet("")
        else:
            self.status_label.setText("")
        self.problems_box.setTitle(self.problems_title(len(self.problems_model.rows)))
        self.sheets_box.setTitle(self.tr("Sheets ({0})").format(n))

    def _update_buttons(self) -> None:
        self.apply_btn.setEnabled(bool(self.result and self.result["indicators"]))
        self.export_btn.setEnabled(bool(self.controller.framework and expert_indicators(self.controller.framework)))

    # --- applying ---------------------------------------------------------------------
    def stored_result(self) -> dict:
        """What goes into `controller.extras["expert_scores"]`: the merge (provenance and agreement,
        per indicator and city) with the files read and every problem, plain JSON."""
        from core.files.project_file import json_safe
        return json_safe(dict(self.result, files=[str(p) for p in self.paths],
                               sheet_problems=[dict(q.to_dict(), path=str(p)) for p, _s, qs in self.read for q in qs],
                               applied=dt.datetime.now().astimezone().isoformat(timespec="seconds")))

    def source_text(self) -> str:
        return f"expert scores: {self.result['rule_text']}, {len(self.sheets)} experts"

    def apply(self) -> bool:
        """Put the merged values into the data as ONE undoable step and keep the merge."""
        if not self.result or not self.result["indicators"]:
            return False
        c = self.controller
        if not hasattr(c, "set_data_values"):
            self.status_label.setText(self.tr("This version cannot write the scores into the data."))
            self.status_label.setStyleSheet(f"color: {RED};")
            return False
        values = {k: v for k, v in merged_values(self.result).items() if v is not None}
        codes = list(self.result["indicators"])
        text = self.tr("Expert scores of {0}").format(", ".join(codes))
        reason = self.tr("{0} experts, {1}").format(len(self.sheets), rule_name(self.rule, self.trim))
        c.set_data_values(values, text, reason, self.source_text())
        c.set_extra("expert_scores", self.stored_result())
        self.status_label.setText(self.tr("Applied: {0} values of {1}.").format(len(values), ", ".join(codes)))
        self.status_label.setStyleSheet(f"color: {GREEN};")
        return True

    # --- language ---------------------------------------------------------------------
    def retranslate(self) -> None:
        fw = self.controller.framework
        codes = expert_indicators(fw) if fw else []
        super().retranslate()
        self.setWindowTitle(self.tr("Expert score sheets"))
        self.tabs.setTabText(0, self.tr("Write score sheets"))
        self.export_intro.setText(self.tr(
            "One workbook per expert: a first sheet with the scale and the scoring guidance of each indicator "
            "(in Chinese), and a sheet with the cities as rows and the expert-scored indicators as columns, "
            "accepting only numbers within each scale; the other cells are locked. Send each expert their sheet; "
            "import the returned sheets on the next tab."))
        self.comments_check.setText(self.tr("A comment column for each city"))
        self.indicators_label.setText(self.tr("Indicators:"))
        if codes:
            lang = self.controller.language
            self.indicators_info.setText(", ".join(f"{c} {fw.nodes[c].name(lang)} ({fw.nodes[c].scale[0]:g}–"
                                                   f"{fw.nodes[c].scale[1]:g})" for c in codes))
        else:
            self.indicators_info.setText(self.tr("None: mark an indicator as scored by experts in the framework "
                                                 "(column scored_by = expert, with scale_min, scale_max, guidance)."))
        self.export_btn.setText(self.tr("Write the score sheets"))
        self.add_btn.setText(self.tr("Add returned sheets…"))
        self.rule_label.setText(self.tr("Merge by:"))
        texts = {"mean": self.tr("mean"), "median": self.tr("median"),
                 "trimmed": self.tr("trimmed mean (drop the K highest and K lowest)")}
        for k in range(self.rule_combo.count()):
            self.rule_combo.setItemText(k, texts[self.rule_combo.itemData(k)])
        self.trim_label.setText(self.tr("K:"))
        self.indicators_box.setTitle(self.tr("Indicators"))
        self.apply_btn.setText(self.tr("Apply the merged scores to the data"))
        for m in (self.sheets_model, self.problems_model, self.indicators_model, self.detail_model, self.experts_model):
            m.retranslate()
        self._show_indicator()
        self._show_status()


def open_score_sheets(parent: QWidget | None, controller, mode: str = "export") -> ScoreSheetsDialog | None:
    """Open the expert score sheets dialog: mode "export" (write sheets) or "import" (merge). Window-modal."""
    return ScoreSheetsDialog.open_on(parent, controller, mode == "import")
