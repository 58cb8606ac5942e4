"""Expert panels: export one weighting form per expert, import the filled forms, merge, apply.

Two tabs:

- "Export forms": expert names (separated by commas or new lines), the Delphi round, a
  folder → `core.experts.weight_forms.write_expert_form` once per expert (an existing file is never
  overwritten: the new one gets a number).
- "Import and merge": many filled forms at once (`core.experts.weight_forms.read_expert_form`). A form
  that comes back broken is listed with every problem — expert, file, sheet, cell, what is
  wrong — and left out; the others still merge (`core.experts.weight_forms.merge_panel`, AIJ or AIP). Per
  node: each expert's weights beside the merged ones, each expert's CR, Kendall's W with
  its χ² test and p, and per child the coefficient of variation and the spread. "Apply"
  writes the merged weights of every node as ONE undoable step (source "panel AIJ,
  3 experts, round 2") and keeps the panel in `controller.panel_result` and a note per
  node in `controller.weight_notes`.

Entry points: `open_panel_dialog(parent, controller, tab="export"|"import")`.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.experts.weight_forms import (
    MERGE_METHODS,
    ExpertForm,
    form_file_name,
    merge_panel,
    read_expert_form,
    write_expert_form,
)
from core.model.problems import ProblemList
from core.weighting.sources import panel_source
from gui import dialog_dirs
from gui.dialogs.ahp_editor import RED

GREEN = "#2e7d32"
ERROR_BG = QColor("#fdecea")
WARNING_BG = QColor("#fff8e1")
MERGED_BG = QColor("#e3eefa")

_WHO = re.compile(r"^expert (.+?): ")
_CELL = re.compile(r"\bcells? ([A-Z]{1,3}[0-9]+(?: and [A-Z]{1,3}[0-9]+)?)")


def split_names(text: str) -> list[str]:
    """Expert names from text separated by commas (also ，、；;) or new lines; blanks and repeats dropped."""
    out: list[str] = []
    for part in re.split(r"[,，、;；\n\r]+", text):
        name = part.strip()
        if name and name not in out:
            out.append(name)
    return out


def problem_cell(p) -> str:
    """The cell a form problem is about: 'C3', 'C2, B3', else 'row 4, T22' from its fields."""
    m = _CELL.search(p.message)
    if m:
        return m.group(1).replace(" and ", ", ")
    parts = []
    if p.row is not None:
        parts.append(str(p.row))
    if p.column:
        parts.append(str(p.column))
    return " · ".join(parts)


def form_problem_text(p, lang: str = "zh") -> str:
    """A form problem in `lang`, from the engine's one template per kind (core.text.problem_texts)."""
    return p.text(lang)


def problem_expert(p, fallback: str) -> str:
    expert = (p.args or {}).get("expert") if getattr(p, "args", None) else None
    if expert:
        return expert
    m = _WHO.match(p.message)
    return m.group(1) if m else fallback


class PanelDialog(QDialog):
    """Public for tests: `export_forms(names, round_no, folder)`, `import_forms(paths)`, `forms`,
    `problems` (list of (path, Problem)), `merged` (merge_panel's dict), `set_merge_method`,
    `apply(node=None)`, the tables `forms_table`, `problems_table`, `summary_table`, `detail_table`."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.forms: list[ExpertForm] = []
        self.paths: list[Path] = []
        self.read: list[tuple[Path, ExpertForm | None, ProblemList]] = []
        self.problems: list[tuple[Path, object]] = []
        self.merged: dict[str, dict] = {}
        self.setObjectName("PanelDialog")
        self.setSizeGripEnabled(True)
        self.tabs = QTabWidget(self)

        # --- export ---------------------------------------------------------------------
        self.export_page = QWidget(self)
        self.export_intro = QLabel(self)
        self.export_intro.setWordWrap(True)
        self.names_edit = QPlainTextEdit(self)
        self.names_edit.setMinimumHeight(80)
        self.names_edit.setMaximumHeight(140)
        self.round_spin = QSpinBox(self)
        self.round_spin.setRange(1, 99)
        self.round_spin.setMinimumWidth(80)
        self.folder_edit = QLineEdit(self)
        self.browse_btn = QPushButton(self)
        self.browse_btn.clicked.connect(self._browse_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_btn)
        self.nodes_info = QLabel(self)
        self.nodes_info.setWordWrap(True)
        self.export_btn = QPushButton(self)
        self.export_btn.clicked.connect(lambda: self.export_forms())
        self.export_log = QLabel(self)
        self.export_log.setWordWrap(True)
        self.export_log.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.names_label, self.round_label, self.folder_label, self.nodes_label = (QLabel(self) for _ in range(4))
        self.form.addRow(self.names_label, self.names_edit)
        round_row = QHBoxLayout()
        round_row.addWidget(self.round_spin)
        round_row.addStretch(1)
        self.form.addRow(self.round_label, round_row)
        self.form.addRow(self.folder_label, folder_row)
        self.form.addRow(self.nodes_label, self.nodes_info)
        ev = QVBoxLayout(self.export_page)
        ev.addWidget(self.export_intro)
        ev.addLayout(self.form)
        eb = QHBoxLayout()
        eb.addStretch(1)
        eb.addWidget(self.export_btn)
        ev.addLayout(eb)
        ev.addWidget(self.export_log)
        ev.addStretch(1)

        # --- import ---------------------------------------------------------------------
        self.import_page = QWidget(self)
        self.add_btn = QPushButton(self)
        self.add_btn.clicked.connect(self._choose_forms)
        self.clear_btn = QPushButton(self)
        self.clear_btn.clicked.connect(self.clear_forms)
        self.method_label = QLabel(self)
        self.method_combo = QComboBox(self)
        for m in MERGE_METHODS:
            self.method_combo.addItem("", m)
        self.method_combo.currentIndexChanged.connect(lambda _i: self.merge())
        top = QHBoxLayout()
        top.addWidget(self.add_btn)
        top.addWidget(self.clear_btn)
        top.addSpacing(16)
        top.addWidget(self.method_label)
        top.addWidget(self.method_combo)
        top.addStretch(1)

        self.forms_box = QGroupBox(self)
        self.forms_table = self._table(5)
        QVBoxLayout(self.forms_box).addWidget(self.forms_table)
        self.problems_box = QGroupBox(self)
        self.problems_table = self._table(5)
        self.problems_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.problems_table.setWordWrap(True)
        QVBoxLayout(self.problems_box).addWidget(self.problems_table)
        self.summary_box = QGroupBox(self)
        self.summary_table = self._table(6)
        self.summary_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summary_table.itemSelectionChanged.connect(self._show_detail)
        self.summary_table.horizontalHeader().setStretchLastSection(False)
        self.summary_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(self.summary_box).addWidget(self.summary_table)
        self.detail_box = QGroupBox(self)
        self.detail_table = self._table(0)
        self.detail_note = QLabel(self)
        self.detail_note.setWordWrap(True)
        dv = QVBoxLayout(self.detail_box)
        dv.addWidget(self.detail_table)
        dv.addWidget(self.detail_note)

        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.forms_box)
        upper.addWidget(self.problems_box)
        upper.setStretchFactor(0, 2)
        upper.setStretchFactor(1, 3)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.summary_box)
        lower.addWidget(self.detail_box)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        lower.setSizes([540, 600])
        upper.setSizes([460, 680])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)

        self.apply_node_btn = QPushButton(self)
        self.apply_node_btn.clicked.connect(lambda: self.apply(self.current_node()))
        self.apply_all_btn = QPushButton(self)
        self.apply_all_btn.clicked.connect(lambda: self.apply())
        self.applied_label = QLabel(self)
        ab = QHBoxLayout()
        ab.addWidget(self.applied_label, 1)
        ab.addWidget(self.apply_node_btn)
        ab.addWidget(self.apply_all_btn)
        iv = QVBoxLayout(self.import_page)
        iv.addLayout(top)
        iv.addWidget(split, 1)
        iv.addLayout(ab)

        self.tabs.addTab(self.export_page, "")
        self.tabs.addTab(self.import_page, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        controller.language_changed.connect(self._language_changed)  # bound: dropped on deletion
        self.retranslate()
        self._update_buttons()
        self.resize(1180, 760)

    @staticmethod
    def _table(columns: int) -> QTableWidget:
        t = QTableWidget(0, columns)
        t.verticalHeader().setVisible(False)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        t.setAlternatingRowColors(True)
        return t

    # --- export -----------------------------------------------------------------------
    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the expert forms"),
                                                  self.folder_edit.text() or dialog_dirs.start_path())
        if folder:
            self.folder_edit.setText(folder)

    def form_path(self, folder: Path, name: str, round_no: int) -> Path:
        """Where one expert's form goes; never an existing file."""
        path = folder / form_file_name(name, round_no, self.controller.language)
        k = 2
        while path.exists():
            path = path.with_name(f"{path.stem} ({k}){path.suffix}")
            k += 1
        return path

    def export_forms(self, names: list[str] | None = None, round_no: int | None = None,
                     folder: str | Path | None = None) -> list[Path]:
        """Write one form per expert; returns the files written (the log says what happened)."""
        names = split_names(self.names_edit.toPlainText()) if names is None else list(names)
        round_no = self.round_spin.value() if round_no is None else int(round_no)
        folder = Path(self.folder_edit.text().strip() if folder is None else folder)
        if not names:
            self._log(self.tr("Enter the experts' names first."), error=True)
            return []
        if not str(folder) or str(folder) == ".":
            self._log(self.tr("Choose a folder for the forms."), error=True)
            return []
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            self._log(self.tr("The folder cannot be created: {0}").format(e), error=True)
            return []
        written, failed = [], []
        for name in names:
            path = self.form_path(folder, name, round_no)
            try:
                write_expert_form(self.controller.framework, name, path, round_no=round_no,
                                  lang=self.controller.language)
            except OSError as e:
                failed.append(f"{name}: {e}")
                continue
            written.append(path)
        lines = [self.tr("{0} forms written to {1}:").format(len(written), folder)]
        lines += [f"  • {p.name}" for p in written]
        if failed:
            lines.append(self.tr("Not written:"))
            lines += [f"  • {f}" for f in failed]
        self._log("\n".join(lines), error=bool(failed))
        return written

    def _log(self, text: str, error: bool = False) -> None:
        self.export_log.setText(text)
        self.export_log.setStyleSheet(f"color: {RED};" if error else "")

    # --- import -----------------------------------------------------------------------
    def _choose_forms(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Filled expert forms"),
                                                self.folder_edit.text() or dialog_dirs.start_path(),
                                                self.tr("Excel workbooks (*.xlsx *.xlsm)"))
        if paths:
            self.import_forms([Path(p) for p in paths])

    def clear_forms(self) -> None:
        self.paths, self.read = [], []
        self._reread()

    def import_forms(self, paths) -> None:
        """Read the forms (added to those already read; a file read twice counts once) and merge."""
        for p in paths:
            p = Path(p)
            if p not in self.paths:
                self.paths.append(p)
        self._reread()

    def _reread(self) -> None:
        fw = self.controller.framework
        self.read, self.problems = [], []
        from PySide6.QtWidgets import QApplication
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for p in self.paths:
                form, problems = read_expert_form(p, fw)
                self.read.append((p, form, problems))
                self.problems += [(p, q) for q in problems]
        finally:
            QApplication.restoreOverrideCursor()
        self.forms = [f for _p, f, _q in self.read if f is not None]
        self._show_forms()
        self.merge()

    def set_merge_method(self, method: str) -> None:
        self.method_combo.setCurrentIndex(self.method_combo.findData(method))

    @property
    def merge_method(self) -> str:
        return self.method_combo.currentData()

    def merge(self) -> None:
        self.merged = merge_panel(self.forms, self.merge_method) if self.forms else {}
        self._show_summary()
        self._update_buttons()

    def _show_forms(self) -> None:
        t = self.forms_table
        t.setRowCount(len(self.read))
        for i, (p, form, problems) in enumerate(self.read):
            errors = [q for q in problems if q.severity == "error"]
            expert = form.expert if form else (problem_expert(errors[0], p.stem) if errors else p.stem)
            rd = "" if form is None or form.round_no is None else str(form.round_no)
            if form is not None:
                status = self.tr("used")
                nodes = ", ".join(form.nodes)
            else:
                status = self.tr("not used: %n problem(s)", "", len(errors))
                nodes = ""
            cells = [expert, p.name, rd, status, nodes]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(nodes if col == 4 else str(p))
                if form is None:
                    item.setBackground(QBrush(ERROR_BG))
                    if col == 3:
                        item.setForeground(QBrush(QColor(RED)))
                t.setItem(i, col, item)
        t = self.problems_table
        t.setRowCount(len(self.problems))
        for i, (p, q) in enumerate(self.problems):
            expert = problem_expert(q, next((f.expert for pp, f, _ in self.read if pp == p and f), p.stem))
            message = form_problem_text(q, self.controller.language)
            cells = [expert, p.name, q.sheet, problem_cell(q), message]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if q.severity != "info":  # a note (nodes an expert left to the others) needs no action
                    item.setBackground(QBrush(ERROR_BG if q.severity == "error" else WARNING_BG))
                item.setToolTip(q.format(self.controller.language))
                t.setItem(i, col, item)
        t.resizeRowsToContents()
        self.problems_box.setTitle(self.tr("Problems ({0})").format(len(self.problems)))

    def _show_summary(self) -> None:
        fw, lang = self.controller.framework, self.controller.language
        t = self.summary_table
        nodes = list(self.merged)
        keep = self.current_node()
        t.blockSignals(True)
        t.setRowCount(len(nodes))
        for i, node in enumerate(nodes):
            e = self.merged[node]
            name = fw.nodes[node].name(lang) if node in fw.nodes else ""
            chi = "–" if e["chi2"] is None else f"{e['chi2']:.2f} ({e['df']})"
            cells = [f"{node}  {name}", str(e["n_experts"]), _fmt(e["kendall_w"], 3), chi, _fmt(e["p_value"], 4),
                     _fmt(e["cr"], 3)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, node)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if col == 5 and e["cr"] is not None and e["cr"] >= 0.10:
                    item.setForeground(QBrush(QColor(RED)))
                t.setItem(i, col, item)
        t.blockSignals(False)
        if nodes:
            row = nodes.index(keep) if keep in nodes else 0
            t.selectRow(row)
        self._show_detail()
        self.summary_box.setTitle(self.tr("Merged nodes ({0} forms used, {1})").format(
            len(self.forms), self.merge_method.upper()) if self.forms else self.tr("Merged nodes"))

    def current_node(self) -> str | None:
        rows = {i.row() for i in self.summary_table.selectedItems()}
        if not rows:
            return None
        item = self.summary_table.item(min(rows), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_detail(self) -> None:
        node = self.current_node()
        t = self.detail_table
        t.clear()
        if node is None or node not in self.merged:
            t.setRowCount(0)
            t.setColumnCount(0)
            self.detail_note.setText("")
            self.detail_box.setTitle(self.tr("Weights per expert"))
            self._update_buttons()
            return
        fw, lang = self.controller.framework, self.controller.language
        e = self.merged[node]
        experts = list(e["experts"])
        kids = list(e["weights"])
        heads = [self.tr("Code"), self.tr("Name")] + experts + [self.tr("Merged"), self.tr("CV"), self.tr("Spread")]
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        t.setRowCount(len(kids) + 1)
        merged_col = 2 + len(experts)
        t.horizontalHeader().setStretchLastSection(False)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for i, k in enumerate(kids):
            cells = [k, fw.nodes[k].name(lang) if k in fw.nodes else ""]
            cells += [_fmt(e["experts"][x]["weights"].get(k), 4) for x in experts]
            cells += [_fmt(e["weights"][k], 4), _fmt(e["cv"].get(k), 3), _fmt(e["spread"].get(k), 4)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == merged_col:
                    item.setBackground(QBrush(MERGED_BG))
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                t.setItem(i, col, item)
        last = len(kids)
        label = QTableWidgetItem(self.tr("CR"))
        f = label.font()
        f.setBold(True)
        label.setFont(f)
        t.setItem(last, 0, label)
        t.setItem(last, 1, QTableWidgetItem(self.tr("consistency ratio (AHP forms)")))
        for j, x in enumerate(experts):
            cr = e["experts"][x]["cr"]
            text = _fmt(cr, 3) if e["experts"][x]["source"] == "ahp" else self.tr("direct")
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if cr is not None and cr >= 0.10:
                item.setForeground(QBrush(QColor(RED)))
                item.setToolTip(self.tr("CR ≥ 0.10: this expert's judgements are not consistent enough"))
            t.setItem(last, 2 + j, item)
        item = QTableWidgetItem(_fmt(e["cr"], 3))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setBackground(QBrush(MERGED_BG))
        t.setItem(last, merged_col, item)
        name = fw.nodes[node].name(lang) if node in fw.nodes else ""
        self.detail_box.setTitle(self.tr("Weights per expert: {0} {1}").format(node, name))
        if e["kendall_w"] is None:
            self.detail_note.setText(self.tr("Kendall's W needs at least two experts and two children."))
        else:
            agree = self.tr("significant agreement") if e["p_value"] < 0.05 else self.tr("no significant agreement")
            self.detail_note.setText(self.tr("Kendall's W = {0:.3f}, χ² = {1:.2f} with {2} degrees of freedom, "
                                             "p = {3:.4f} ({4} at the 5 % level). CV: coefficient of variation of "
                                             "the experts' weights (sample sd / mean); spread: max − min.")
                                     .format(e["kendall_w"], e["chi2"], e["df"], e["p_value"], agree))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.apply_all_btn.setEnabled(bool(self.merged))
        self.apply_node_btn.setEnabled(self.current_node() is not None)

    # --- applying ---------------------------------------------------------------------
    def rounds_text(self) -> str:
        rounds = sorted({f.round_no for f in self.forms if f.round_no is not None})
        if not rounds:
            return "?"
        return str(rounds[0]) if len(rounds) == 1 else "–".join(str(r) for r in (rounds[0], rounds[-1]))

    def source_text(self) -> str:
        return panel_source(self.merge_method, len(self.forms), self.rounds_text(), self.controller.language)

    def apply(self, node: str | None = None) -> bool:
        """Write the merged weights (of `node`, or of every merged node) as ONE undoable step."""
        if not self.merged:
            return False
        nodes = [node] if node else list(self.merged)
        fw = self.controller.framework
        nodes = [n for n in nodes if n in self.merged and n in fw.nodes
                 and set(self.merged[n]["weights"]) == set(fw.children[n])]
        if not nodes:
            return False
        c = self.controller
        source = self.source_text()
        weights = {k: w for n in nodes for k, w in self.merged[n]["weights"].items()}
        rd = self.rounds_text()
        for n in nodes:
            e = self.merged[n]
            c.note_weights(n, {"kind": "panel", "source": source, "method": self.merge_method,
                               "n_experts": e["n_experts"], "round": rd, "kendall_w": e["kendall_w"],
                               "chi2": e["chi2"], "df": e["df"], "p_value": e["p_value"], "cr": e["cr"],
                               "expert_cr": {x: v["cr"] for x, v in e["experts"].items()}, "cv": e["cv"],
                               "weights": e["weights"]})
        c.panel_result = {"method": self.merge_method, "round": rd, "experts": [f.expert for f in self.forms],
                          "files": [str(p) for p in self.paths], "merged": self.merged,
                          "problems": [dict(q.to_dict(), path=str(p)) for p, q in self.problems]}
        text = (self.tr("Expert panel weights of {0}").format(node) if node else
                self.tr("Expert panel weights ({0} nodes)").format(len(nodes)))
        c.apply_weights(weights, text, source)
        self.applied_label.setText(self.tr("Applied: {0}").format(source))
        self.applied_label.setStyleSheet(f"color: {GREEN};")
        return True

    # --- language ---------------------------------------------------------------------
    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        fw = self.controller.framework
        internal = [c for c in fw.preorder() if fw.children[c]] if fw else []
        self.setWindowTitle(self.tr("Expert panel"))
        self.tabs.setTabText(0, self.tr("Export forms"))
        self.tabs.setTabText(1, self.tr("Import and merge"))
        self.export_intro.setText(self.tr("One form per expert: a sheet of instructions (in Chinese), a weights "
                                          "sheet for direct weights and one pairwise-comparison sheet (AHP) per node. "
                                          "Send each expert their form; import the filled forms on the next tab."))
        self.names_label.setText(self.tr("Experts:"))
        self.names_edit.setPlaceholderText(self.tr("Names, separated by commas or new lines"))
        self.round_label.setText(self.tr("Round:"))
        self.folder_label.setText(self.tr("Folder:"))
        self.browse_btn.setText(self.tr("Browse…"))
        self.nodes_label.setText(self.tr("Nodes:"))
        self.nodes_info.setText(self.tr("All {0} nodes that have children: {1}").format(
            len(internal), ", ".join(internal)))
        self.export_btn.setText(self.tr("Write the forms"))
        self.add_btn.setText(self.tr("Add filled forms…"))
        self.clear_btn.setText(self.tr("Remove all"))
        self.method_label.setText(self.tr("Merge:"))
        texts = {"aij": self.tr("AIJ: geometric mean of the judgements"),
                 "aip": self.tr("AIP: mean of the weights")}
        for k in range(self.method_combo.count()):
            self.method_combo.setItemText(k, texts[self.method_combo.itemData(k)])
        self.forms_box.setTitle(self.tr("Forms"))
        self.forms_table.setHorizontalHeaderLabels([self.tr("Expert"), self.tr("File"), self.tr("Round"),
                                                    self.tr("Status"), self.tr("Nodes answered")])
        self.problems_box.setTitle(self.tr("Problems ({0})").format(len(self.problems)))
        self.problems_table.setHorizontalHeaderLabels([self.tr("Expert"), self.tr("File"), self.tr("Sheet"),
                                                       self.tr("Cell"), self.tr("Problem")])
        self.summary_table.setHorizontalHeaderLabels([self.tr("Node"), self.tr("Experts"), self.tr("Kendall's W"),
                                                      self.tr("χ² (df)"), self.tr("p"), self.tr("CR merged")])
        self.apply_node_btn.setText(self.tr("Apply this node"))
        self.apply_all_btn.setText(self.tr("Apply all merged weights"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        if self.read:
            self._show_forms()
        self._show_summary()

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(e)


def _fmt(v, digits: int) -> str:
    if v is None:
        return "–"
    return f"{(v if abs(v) >= 0.5 * 10 ** -digits else 0.0):.{digits}f}"  # never "-0.000"


def open_panel_dialog(parent: QWidget | None, controller, tab: str = "export") -> PanelDialog | None:
    """Open the expert-panel dialog on its "export" or "import" tab. Window-modal."""
    if controller.framework is None:
        return None
    dlg = PanelDialog(controller, parent)
    dlg.tabs.setCurrentIndex(1 if tab == "import" else 0)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg
