"""What the two expert-form dialogs share (weight forms: gui/dialogs/weight_forms_dialog.py; score
sheets: gui/dialogs/score_sheets_dialog.py), so they look and behave alike:

- a first tab that writes one file per expert: an introduction, the experts' names, a folder, the
  options of the kind, a button and a log of what was written;
- a second tab that imports the filled files: add / remove all and the merge options above, the
  files with their problems (expert, file, sheet, cell, what is wrong) over the merged figures,
  and the apply buttons below;
- reading a problem's expert and cell for those lists; choosing files and folders; the texts both
  tabs have; following the language; opening the dialog on either tab.

A subclass builds what differs through the `_build_*` hooks and reads, merges and applies its kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import dialog_dirs

RED = "#c62828"
GREEN = "#2e7d32"
ERROR_BG = QColor("#fdecea")  # a file not used, a problem that is an error
WARNING_BG = QColor("#fff8e1")  # a warning
MERGED_BG = QColor("#e3eefa")  # the merged value beside the experts' own

_WHO = re.compile(r"^expert (.+?): ")
_CELL = re.compile(r"\bcells? ([A-Z]{1,3}[0-9]+(?: and [A-Z]{1,3}[0-9]+)?)")

FormRow = tuple[QWidget | str, QWidget | QLayout]  # a row of the export tab's form: label, field


def fmt(v, digits: int = 3) -> str:
    """A figure of a merge (W, p, CR, a weight) with `digits` decimals; None → '–', never '-0.000'."""
    if v is None:
        return "–"
    return f"{(v if abs(v) >= 0.5 * 10 ** -digits else 0.0):.{digits}f}"


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


def problem_expert(p, fallback: str) -> str:
    """The expert a form problem is about (its facts, else its message 'expert 张三: …'), else `fallback`."""
    expert = (p.args or {}).get("expert") if getattr(p, "args", None) else None
    if expert:
        return expert
    m = _WHO.match(p.message)
    return m.group(1) if m else fallback


class ExpertFormsDialog(QDialog):
    """The two tabs (write / import and merge) around a kind of expert form; see the module docstring.

    A subclass sets `OBJECT_NAME` and `SIZE`, sets up its state in `_init_state`, and builds its parts:
    `_build_export_rows_before_folder` / `_after_folder` (rows of the export form), `_build_merge_options`
    (widgets after add / remove all), `_build_views` (the upper and lower splitters of the import tab),
    `_build_apply_row` (label and buttons); it writes in `_export_clicked`, reads in `_reread`,
    and names its file dialogs in `_folder_title` / `_files_title`."""

    OBJECT_NAME = ""
    SIZE = (1180, 760)
    ERROR_COLOR = RED  # the export log's colour when something was not written

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.paths: list[Path] = []
        self._init_state()
        self.setObjectName(self.OBJECT_NAME)
        self.setSizeGripEnabled(True)
        self.tabs = QTabWidget(self)
        self._build_export_page()
        self._build_import_page()
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
        self.resize(*self.SIZE)

    # --- hooks ------------------------------------------------------------------------
    def _init_state(self) -> None:
        """The subclass's state, before any widget exists."""

    def _build_export_rows_before_folder(self) -> list[FormRow]:
        return []

    def _build_export_rows_after_folder(self) -> list[FormRow]:
        return []

    def _build_merge_options(self) -> list[QWidget]:
        return []

    def _build_views(self) -> tuple[QSplitter, QSplitter]:
        raise NotImplementedError

    def _build_apply_row(self) -> tuple[QLabel, list[QPushButton]]:
        raise NotImplementedError

    def _export_clicked(self) -> None:
        raise NotImplementedError

    def _reread(self) -> None:
        """Read `self.paths` again (under `busy()`), show the files and their problems, merge."""
        raise NotImplementedError

    def _folder_title(self) -> str:
        raise NotImplementedError

    def _files_title(self) -> str:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        pass

    # --- building ---------------------------------------------------------------------
    def _build_export_page(self) -> None:
        self.export_page = QWidget(self)
        self.export_intro = QLabel(self)
        self.export_intro.setWordWrap(True)
        self.names_edit = QPlainTextEdit(self)
        self.names_edit.setMinimumHeight(80)
        self.names_edit.setMaximumHeight(140)
        before = self._build_export_rows_before_folder()
        self.folder_edit = QLineEdit(self)
        self.browse_btn = QPushButton(self)
        self.browse_btn.clicked.connect(self._browse_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_btn)
        after = self._build_export_rows_after_folder()
        self.export_btn = QPushButton(self)
        self.export_btn.clicked.connect(lambda: self._export_clicked())
        self.export_log = QLabel(self)
        self.export_log.setWordWrap(True)
        self.export_log.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.names_label, self.folder_label = QLabel(self), QLabel(self)
        self.form = QFormLayout()
        for label, field in [(self.names_label, self.names_edit), *before, (self.folder_label, folder_row), *after]:
            self.form.addRow(label, field)
        ev = QVBoxLayout(self.export_page)
        ev.addWidget(self.export_intro)
        ev.addLayout(self.form)
        eb = QHBoxLayout()
        eb.addStretch(1)
        eb.addWidget(self.export_btn)
        ev.addLayout(eb)
        ev.addWidget(self.export_log)
        ev.addStretch(1)

    def _build_import_page(self) -> None:
        self.import_page = QWidget(self)
        self.add_btn = QPushButton(self)
        self.add_btn.clicked.connect(self._choose_files)
        self.clear_btn = QPushButton(self)
        self.clear_btn.clicked.connect(self.clear_files)
        top = QHBoxLayout()
        top.addWidget(self.add_btn)
        top.addWidget(self.clear_btn)
        top.addSpacing(16)
        for w in self._build_merge_options():
            top.addWidget(w)
        top.addStretch(1)
        upper, lower = self._build_views()
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        label, buttons = self._build_apply_row()
        ab = QHBoxLayout()
        ab.addWidget(label, 1)
        for b in buttons:
            ab.addWidget(b)
        iv = QVBoxLayout(self.import_page)
        iv.addLayout(top)
        iv.addWidget(split, 1)
        iv.addLayout(ab)

    # --- export -----------------------------------------------------------------------
    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self._folder_title(),
                                                  self.folder_edit.text() or dialog_dirs.start_path())
        if folder:
            self.folder_edit.setText(folder)

    def _log(self, text: str, error: bool = False) -> None:
        self.export_log.setText(text)
        self.export_log.setStyleSheet(f"color: {self.ERROR_COLOR};" if error else "")

    def _no_names(self) -> None:
        self._log(self.tr("Enter the experts' names first."), error=True)

    # --- import -----------------------------------------------------------------------
    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self._files_title(),
                                                self.folder_edit.text() or dialog_dirs.start_path(),
                                                self.tr("Excel workbooks (*.xlsx *.xlsm)"))
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths) -> None:
        """Read the files (added to those already read; a file read twice counts once) and merge."""
        for p in paths:
            p = Path(p)
            if p not in self.paths:
                self.paths.append(p)
        self._reread()

    def clear_files(self) -> None:
        self.paths = []
        self._reread()

    @staticmethod
    @contextmanager
    def busy() -> Iterator[None]:
        """The wait cursor while files are read."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()

    def problems_title(self, n: int) -> str:
        return self.tr("Problems ({0})").format(n)

    # --- language ---------------------------------------------------------------------
    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        """The texts both kinds share; a subclass sets its own after calling this."""
        self.tabs.setTabText(1, self.tr("Import and merge"))
        self.names_label.setText(self.tr("Experts:"))
        self.names_edit.setPlaceholderText(self.tr("Names, separated by commas or new lines"))
        self.folder_label.setText(self.tr("Folder:"))
        self.browse_btn.setText(self.tr("Browse…"))
        self.clear_btn.setText(self.tr("Remove all"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(e)

    # --- opening ----------------------------------------------------------------------
    @classmethod
    def open_on(cls, parent: QWidget | None, controller, import_tab: bool):
        """Open the dialog on its write tab or its import tab. Window-modal; deleted on close."""
        if controller.framework is None:
            return None
        dlg = cls(controller, parent)
        dlg.tabs.setCurrentIndex(1 if import_tab else 0)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg
