"""The analysis panel's 秩和比分档 tab: the probit grading of a node aggregated by the rank-sum ratio.

Shown only while some node is aggregated by `rsr` (the panel hides the tab otherwise). A node chooser
(the rsr nodes, the index first), a levels spin box (3 … 10), the regression line with R², F and P,
each level's range of the fitted RSR, and the units' table (gui.models.rsr_model over the engine's
`core.analysis.rsr_grading.grading_for_node`; this view computes nothing). The grading is a sort and a
regression — 0.8 ms on the sample, 2.5 ms on 300 units, 92 ms on 3,000 (`python -m bench.bench_rsr_grading`)
— so it runs on the GUI thread, and only while the tab is visible (the panel's lazy tabs).

The spin box is the project's `rsr_levels` setting, not a view option: changing it is an undoable
settings edit through the controller (so the exported workbook's 秩和比分档 sheet and a saved
project show the levels on screen); the view follows the setting of each new result.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.analysis.rsr_grading import MAX_LEVELS, MIN_LEVELS, RSRGradingError, grading_for_node, rsr_nodes
from gui.models.rsr_model import RSRGradingModel
from gui.panels.read_only_table import read_only_table
from gui.text.problem_text import current_language


class RSRView(QWidget):
    """`set_result(result)` shows the grading of the chosen rsr node of `result` (None: empty)."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.result = None
        self.grading = None
        self.node_label = QLabel(self)
        self.node = QComboBox(self)
        self.levels_label = QLabel(self)
        self.levels = QSpinBox(self)
        self.levels.setRange(MIN_LEVELS, MAX_LEVELS)
        self.levels.setKeyboardTracking(False)  # typing "10" is one edit, not "1" then "10"
        self.line = QLabel(self)
        self.line.setWordWrap(True)
        self.line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cuts = QLabel(self)
        self.cuts.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = RSRGradingModel(self)
        self.view = read_only_table(self.model, self)
        self.view.clicked.connect(self._clicked)
        top = QHBoxLayout()
        top.addWidget(self.node_label)
        top.addWidget(self.node, 1)
        top.addSpacing(12)
        top.addWidget(self.levels_label)
        top.addWidget(self.levels)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.line)
        lay.addWidget(self.cuts)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.note)
        self.node.currentIndexChanged.connect(self._node_chosen)
        self.levels.valueChanged.connect(self._levels_chosen)
        self.retranslate()

    # --- showing ----------------------------------------------------------------------------------
    @staticmethod
    def applies(result) -> bool:
        """Whether the tab has anything to show: some node of `result` is aggregated by rsr."""
        return result is not None and bool(rsr_nodes(result))

    def set_result(self, result) -> None:
        self.result = result
        nodes = rsr_nodes(result) if result is not None else []
        lang = current_language()
        self.node.blockSignals(True)
        keep = self.node.currentData()
        self.node.clear()
        for code in nodes:
            self.node.addItem(f"{code} {result.framework.nodes[code].name(lang)}", code)
        if keep in nodes:
            self.node.setCurrentIndex(nodes.index(keep))
        self.node.blockSignals(False)
        if result is not None:
            self.levels.blockSignals(True)
            self.levels.setValue(result.settings.rsr_levels)
            self.levels.blockSignals(False)
        self._show()

    def _show(self) -> None:
        code = self.node.currentData()
        lang = current_language()
        self.grading = None
        if self.result is not None and code:
            try:
                self.grading = grading_for_node(self.result, code)
            except RSRGradingError as e:  # cannot happen for a listed node; say it rather than fail
                self.note.setText(e.text(lang))
        g = self.grading
        self.model.set_grading(g, lang)
        self.line.setText(g.line(lang) if g is not None else "")
        self.cuts.setText(self._cut_text(g, lang))
        self.note.setText(g.note(lang) if g is not None else "")
        self.note.setVisible(bool(self.note.text()))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _cut_text(self, g, lang: str) -> str:
        if g is None or not g.regressed:
            return ""
        parts = []
        for lv in reversed(g.level_rows()):
            if lv.rsr_low is None:
                rng = f"< {lv.rsr_high:.4f}"
            elif lv.rsr_high is None:
                rng = f"≥ {lv.rsr_low:.4f}"
            else:
                rng = f"{lv.rsr_low:.4f} – {lv.rsr_high:.4f}"
            parts.append(f"{g.level_name(lv.grade, lang)} {rng}")
        return self.tr("Fitted RSR by level: {0}").format("; ".join(parts))

    def rows(self) -> list[list]:
        """What the table shows, row by row (the numbers behind the cells)."""
        m = self.model
        return [[m.value(r, c) for c in range(m.columnCount())] for r in range(m.rowCount())]

    # --- user actions -----------------------------------------------------------------------------
    def _node_chosen(self, _i: int) -> None:
        self._show()

    def _levels_chosen(self, k: int) -> None:
        c = self.controller
        if c.project is None or k == c.settings.rsr_levels:
            return
        c.set_settings(c.settings.with_(rsr_levels=int(k)), self.tr("RSR grading: {0} levels").format(k))

    def _clicked(self, index) -> None:
        if index.isValid() and hasattr(self.controller, "select_unit"):
            self.controller.select_unit(self.model.value(index.row(), 0))

    # --- language ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.node_label.setText(self.tr("Node:"))
        self.levels_label.setText(self.tr("Levels:"))
        self.levels.setToolTip(self.tr("How many levels the fitted RSR is cut into (the project's rsr_levels "
                                       "setting; an undoable edit)"))
        self.node.setToolTip(self.tr("The nodes aggregated by the rank-sum ratio"))
        if self.result is not None:
            self.set_result(self.result)

    def changeEvent(self, ev):
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)
