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

The tabs, the file lists and the texts both expert-form dialogs share live in
gui/dialogs/expert_forms_dialog.py; this module builds and fills what is the weight forms' own.

Entry points: `open_panel_dialog(parent, controller, tab="export"|"import")`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.experts import forms
from core.experts.weight_forms import (
    MERGE_METHODS,
    ExpertForm,
    form_path,
    merge_panel,
    read_expert_form,
    write_expert_form,
)
from core.model.problems import ProblemList
from core.weighting.sources import panel_source
from gui.dialogs.ahp_editor import RED
from gui.dialogs.expert_forms_dialog import (
    ERROR_BG,
    GREEN,
    MERGED_BG,
    WARNING_BG,
    ExpertFormsDialog,
    FormRow,
    fmt,
    problem_cell,
    problem_expert,
)
from gui.text.problem_text import shown_error


def split_names(text: str) -> list[str]:
    """Expert names from text separated by commas (also ，、；;) or new lines; blanks and repeats dropped."""
    return forms.split_names(text, unique=True)


def form_problem_text(p, lang: str = "zh") -> str:
    """A form problem in `lang`, from the engine's one template per kind (core.text.problem_texts)."""
    return p.text(lang)


class PanelDialog(ExpertFormsDialog):
    """Public for tests: `export_forms(names, round_no, folder)`, `import_forms(paths)`, `forms`,
    `problems` (list of (path, Problem)), `merged` (merge_panel's dict), `set_merge_method`,
    `apply(node=None)`, the tables `forms_table`, `problems_table`, `summary_table`, `detail_table`."""

    OBJECT_NAME = "PanelDialog"
    SIZE = (1180, 760)
    ERROR_COLOR = RED

    def _init_state(self) -> None:
        self.forms: list[ExpertForm] = []
        self.read: list[tuple[Path, ExpertForm | None, ProblemList]] = []
        self.problems: list[tuple[Path, object]] = []
        self.merged: dict[str, dict] = {}

    # --- building -----------------------------------------------------------------------
    def _build_export_rows_before_folder(self) -> list[FormRow]:
        self.round_spin = QSpinBox(self)
        self.round_spin.setRange(1, 99)
        self.round_spin.setMinimumWidth(80)
        self.round_label = QLabel(self)
        round_row = QHBoxLayout()
        round_row.addWidget(self.round_spin)
        round_row.addStretch(1)
        return [(self.round_label, round_row)]

    def _build_export_rows_after_folder(self) -> list[FormRow]:
        self.nodes_info = QLabel(self)
        self.nodes_info.setWordWrap(True)
        self.nodes_label = QLabel(self)
        return [(self.nodes_label, self.nodes_info)]

    def _build_merge_options(self) -> list[QWidget]:
        self.method_label = QLabel(self)
        self.method_combo = QComboBox(self)
        for m in MERGE_METHODS:
            self.method_combo.addItem("", m)
        self.method_combo.currentIndexChanged.connect(lambda _i: self.merge())
        return [self.method_label, self.method_combo]

    def _build_views(self) -> tuple[QSplitter, QSplitter]:
        """Forms | problems above; merged nodes | one node's weights per expert below."""
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
        return upper, lower

    def _build_apply_row(self) -> tuple[QLabel, list[QPushButton]]:
        self.apply_node_btn = QPushButton(self)
        self.apply_node_btn.clicked.connect(lambda: self.apply(self.current_node()))
        self.apply_all_btn = QPushButton(self)
        self.apply_all_btn.clicked.connect(lambda: self.apply())
        self.applied_label = QLabel(self)
        return self.applied_label, [self.apply_node_btn, self.apply_all_btn]

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
    def _folder_title(self) -> str:
        return self.tr("Folder for the expert forms")

    def form_path(self, folder: Path, name: str, round_no: int) -> Path:
        """Where one expert's form goes; never an existing file."""
        return form_path(folder, name, round_no, self.controller.language)

    def _export_clicked(self) -> None:
        self.export_forms()

    def export_forms(self, names: list[str] | None = None, round_no: int | None = None,
                     folder: str | Path | None = None) -> list[Path]:
        """Write one form per expert; returns the files written (the log says what happened)."""
        names = split_names(self.names_edit.toPlainText()) if names is None else list(names)
        round_no = self.round_spin.value() if round_no is None else int(round_no)
        folder = Path(self.folder_edit.text().strip() if folder is None else folder)
        if not names:
            self._no_names()
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
                failed.append(f"{name}: {shown_error(e)}")
                continue
            written.append(path)
        lines = [self.tr("{0} forms written to {1}:").format(len(written), folder)]
        lines += [f"  • {p.name}" for p in written]
        if failed:
            lines.append(self.tr("Not written:"))
            lines += [f"  • {f}" for f in failed]
        self._log("\n".join(lines), error=bool(failed))
        return written

    # --- import -----------------------------------------------------------------------
    def _files_title(self) -> str:
        return self.tr("Filled expert forms")

    def clear_forms(self) -> None:
        self.clear_files()

    def import_forms(self, paths) -> None:
        """Read the forms (added to those already read; a file read twice counts once) and merge."""
        self.add_files(paths)

    def _reread(self) -> None:
        fw = self.controller.framework
        self.read, self.problems = [], []
        with self.busy():
            for p in self.paths:
                form, problems = read_expert_form(p, fw)
                self.read.append((p, form, problems))
                self.problems += [(p, q) for q in problems]
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
        self.problems_box.setTitle(self.problems_title(len(self.problems)))

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
            cells = [f"{node}  {name}", str(e["n_experts"]), fmt(e["kendall_w"], 3), chi, fmt(e["p_value"], 4),
                     fmt(e["cr"], 3)]
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
            cells += [fmt(e["experts"][x]["weights"].get(k), 4) for x in experts]
            cells += [fmt(e["weights"][k], 4), fmt(e["cv"].get(k), 3), fmt(e["spread"].get(k), 4)]
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
            text = fmt(cr, 3) if e["experts"][x]["source"] == "ahp" else self.tr("direct")
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if cr is not None and cr >= 0.10:
                item.setForeground(QBrush(QColor(RED)))
                item.setToolTip(self.tr("CR ≥ 0.10: this expert's judgements are not consistent enough"))
            t.setItem(last, 2 + j, item)
        item = QTableWidgetItem(fmt(e["cr"], 3))
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
    def retranslate(self) -> None:
        fw = self.controller.framework
        # the nodes a form asks about (core.experts.weight_forms: a single child's weight is 1, nothing to ask)
        internal = [c for c in fw.preorder() if len(fw.children[c]) > 1] if fw else []
        super().retranslate()
        self.setWindowTitle(self.tr("Expert panel"))
        self.tabs.setTabText(0, self.tr("Export forms"))
        self.export_intro.setText(self.tr("One form per expert: a sheet of instructions (in Chinese), a weights "
                                          "sheet for direct weights and one pairwise-comparison sheet (AHP) per node. "
                                          "Send each expert their form; import the filled forms on the next tab."))
        self.round_label.setText(self.tr("Round:"))
        self.nodes_label.setText(self.tr("Nodes:"))
        self.nodes_info.setText(self.tr("All {0} nodes with two or more children: {1}").format(
            len(internal), ", ".join(internal)))
        self.export_btn.setText(self.tr("Write the forms"))
        self.add_btn.setText(self.tr("Add filled forms…"))
        self.method_label.setText(self.tr("Merge:"))
        texts = {"aij": self.tr("AIJ: geometric mean of the judgements"),
                 "aip": self.tr("AIP: mean of the weights")}
        for k in range(self.method_combo.count()):
            self.method_combo.setItemText(k, texts[self.method_combo.itemData(k)])
        self.forms_box.setTitle(self.tr("Forms"))
        self.forms_table.setHorizontalHeaderLabels([self.tr("Expert"), self.tr("File"), self.tr("Round"),
                                                    self.tr("Status"), self.tr("Nodes answered")])
        self.problems_box.setTitle(self.problems_title(len(self.problems)))
        self.problems_table.setHorizontalHeaderLabels([self.tr("Expert"), self.tr("File"), self.tr("Sheet"),
                                                       self.tr("Cell"), self.tr("Problem")])
        self.summary_table.setHorizontalHeaderLabels([self.tr("Node"), self.tr("Experts"), self.tr("Kendall's W"),
                                                      self.tr("χ² (df)"), self.tr("p"), self.tr("CR merged")])
        self.apply_node_btn.setText(self.tr("Apply this node"))
        self.apply_all_btn.setText(self.tr("Apply all merged weights"))
        if self.read:
            self._show_forms()
        self._show_summary()


def open_panel_dialog(parent: QWidget | None, controller, tab: str = "export") -> PanelDialog | None:
    """Open the expert-panel dialog on its "export" or "import" tab. Window-modal."""
    return PanelDialog.open_on(parent, controller, tab == "import")
