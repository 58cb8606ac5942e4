"""How sure is the ranking? The analysis panel: uncertainty, one-at-a-time drops, the audit.

Three tabs over the controller's current `Result`:

1. **Uncertainty** — Monte Carlo over the weights (and optionally the normalisation and
   aggregation methods) by `core.analysis.uncertainty.run_uncertainty`, run OFF the GUI thread by
   `gui.worker.run_with_progress` (progress dialog with Cancel). The work is the module-level
   function `run(result, params, progress, cancelled)` (Orange3's shape: a test calls it with
   two lambdas). The result is shown as an `UncertaintyChart`, a table and the sensitivity
   indices. A cancelled run leaves the previous result in place and says so. When the
   controller announces a result whose inputs differ from those of the run, the panel says
   the numbers are stale (and returns to "current" if an undo restores the inputs).
2. **One at a time** — `core.analysis.uncertainty.drop_one` for any node: each unit's rank without it;
   the engine also says when a node cannot be dropped (`drop_refusal`) and gives the figures under the
   table (`drop_summary`): the panel only words and shows them.
3. **Audit** — `gui.panels.audit_view.AuditView` over `core.analysis.audit`.
4. **By method** — `gui.panels.method_ranks_view.MethodRanksView`: each unit's rank under every
   aggregation method side by side (the Handbook's Table 38).
5. **RSR grading** (秩和比分档) — `gui.panels.rsr_view.RSRView`, shown only while a node is
   aggregated by the rank-sum ratio.

Tabs 2, 3 and 4 are cheap and recompute on every new result, but only when visible (a weight
drag with the panel hidden costs nothing); a hidden tab renders when it is shown.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.model.settings import AGGREGATIONS, NORMALIZATIONS
from gui import worker
from gui.charts.uncertainty_chart import RankChangeChart, SensitivityChart, UncertaintyChart
from gui.panels.audit_view import AuditView, SortItem, fmt_num, make_table, right
from gui.panels.method_ranks_view import MethodRanksView
from gui.panels.rsr_view import RSRView
from gui.text.labels import method_label
from gui.text.problem_text import current_language

if TYPE_CHECKING:  # core.analysis.uncertainty needs pandas: imported on first use, after the window shows
    from core.analysis.uncertainty import UncertaintyResult

UNCERTAINTY, DROP, AUDIT, METHODS, RSR = range(5)
TABS = (UNCERTAINTY, DROP, AUDIT, METHODS, RSR)
UP, DOWN = QColor("#1B7F3B"), QColor("#C62828")
STALE_STYLE = "color: #b00020; font-weight: bold;"
DEFAULT_NORMALIZATIONS = ("minmax", "rank", "zscore")
DEFAULT_AGGREGATIONS = ("arithmetic", "geometric")


@dataclass(frozen=True)
class UncertaintyParams:
    runs: int = 2000
    seed: int = 1
    perturb: float = 0.2  # a fraction: 0.2 = ± 20 %
    mode: str = "uniform"
    methods: dict[str, list[str]] = field(default_factory=dict)
    expert_weights: dict[str, list[float]] = field(default_factory=dict)  # mode "experts": {code: [w, …]}


def run(result, params: UncertaintyParams, progress, cancelled) -> UncertaintyResult:
    """The work of a run, off the GUI thread: raises `Cancelled` when `cancelled()` turns True."""
    from core.analysis.uncertainty import run_uncertainty
    return run_uncertainty(result, params.runs, params.seed, params.perturb, params.mode,
                           params.methods or None, progress, cancel=cancelled,
                           expert_weights=params.expert_weights or None)


def order_by_rank(ranks: np.ndarray, names: list[str]) -> list[int]:
    """Indices by rank (ties by name), units without a rank last."""
    return sorted(range(len(names)), key=lambda i: (np.isnan(ranks[i]), 0 if np.isnan(ranks[i]) else ranks[i],
                                                    names[i]))


def _rank_value(v):
    """A rank or a change of rank for the drop table: int when whole, None when missing."""
    if v is None or not np.isfinite(v):
        return None
    f = float(v)
    return int(f) if f.is_integer() else f


class _MethodButton(QToolButton):
    """A drop-down of checkable method names; the button shows the chosen ones."""

    def __init__(self, keys, defaults, parent=None):
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.actions_by_key: dict[str, QAction] = {}
        for key in keys:
            act = QAction(self)
            act.setCheckable(True)
            act.setChecked(key in defaults)
            act.toggled.connect(self._update_text)
            self.menu().addAction(act)
            self.actions_by_key[key] = act
        self.retranslate()

    def chosen(self) -> list[str]:
        return [k for k, a in self.actions_by_key.items() if a.isChecked()]

    def set_chosen(self, keys) -> None:
        for k, a in self.actions_by_key.items():
            a.setChecked(k in keys)

    def retranslate(self) -> None:
        for key, act in self.actions_by_key.items():
            act.setText(method_label(key))
        self._update_text()

    MAX_TEXT_PX = 200

    def _update_text(self, *_args) -> None:
        full = ", ".join(method_label(k) for k in self.chosen()) or "–"
        self.setText(self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, self.MAX_TEXT_PX))
        self.setToolTip(full)


class _ProgressRelay(QObject):
    """Progress from the worker thread to the dialog, delivered on the GUI thread (queued)."""

    progressed = Signal(float)

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.dialog = None
        self.progressed.connect(self.show)

    def show(self, fraction: float) -> None:
        if self.dialog is not None:
            self.dialog.setValue(int(1000 * min(max(fraction, 0.0), 1.0)))


class AnalysisPanel(QWidget):
    """Uncertainty / one at a time / audit over the controller's result."""

    uncertainty_done = Signal(object)  # an UncertaintyResult, after each successful run
    stale_changed = Signal(bool)
    run_finished = Signal(str)  # 'done', 'cancelled' or 'failed', after the outcome is shown

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.last_result: UncertaintyResult | None = None
        self.last_params: UncertaintyParams | None = None
        self.source = None  # the Result the last uncertainty run analysed
        self.stale = False
        self.task: worker.Task | None = None
        self.last_status = ""  # 'done', 'cancelled', 'failed' or ''
        self.last_error: BaseException | None = None
        self.drop_table_data = None  # the DataFrame drop_one returned for the shown node
        self._dirty: set[int] = set(TABS)
        self._audited = None  # the Result the audit tab shows
        self._dropped = None  # (Result, code) the drop tab shows
        self._elapsed = 0.0
        self._outcome: tuple | None = None
        self._task_done = False
        self._pending: tuple | None = None

        self._build_uncertainty()
        self._build_drop()
        self.audit_view = AuditView()
        self.methods_view = MethodRanksView()
        self.methods_view.unit_clicked.connect(self._unit_clicked)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.uncertainty_tab, "")
        self.tabs.addTab(self.drop_tab, "")
        self.tabs.addTab(self.audit_view, "")
        self.tabs.addTab(self.methods_view, "")
        self.rsr_view = RSRView(controller)
        self.tabs.addTab(self.rsr_view, "")
        self.tabs.setTabVisible(RSR, False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self._retranslate()

        self.tabs.currentChanged.connect(self._tab_changed)
        controller.result_changed.connect(self._result_changed)
        controller.selection_changed.connect(self._selection_changed)
        controller.project_changed.connect(self._project_changed)
        if hasattr(controller, "language_changed"):
            controller.language_changed.connect(self._language_changed)
        if getattr(controller, "result", None) is not None:
            self._project_changed()
        self._show_uncertainty()

    # --- building ----------------------------------------------------------------------
    def _build_uncertainty(self) -> None:
        """The uncertainty tab: the run's settings (two rows), its status, then the chart beside the tables."""
        self.uncertainty_tab = QWidget()
        row1, row2 = self._build_run_controls()
        status_row = self._build_status()
        self._build_results()
        lay = QVBoxLayout(self.uncertainty_tab)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(4)
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addLayout(status_row)
        lay.addWidget(self.stale_label)
        lay.addWidget(self.u_splitter, 1)

    def _build_run_controls(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Runs, seed, perturbation, draw mode and Run; the method choices to vary; the chart's TOP N."""
        self.runs_label, self.seed_label, self.perturb_label, self.mode_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.runs = QSpinBox()
        self.runs.setRange(10, 200_000)
        self.runs.setSingleStep(500)
        self.runs.setValue(2000)
        self.runs.setGroupSeparatorShown(True)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_147_483_647)
        self.seed.setValue(1)
        self.seed.setMaximumWidth(110)
        self.perturb = QDoubleSpinBox()
        self.perturb.setRange(0.0, 100.0)
        self.perturb.setDecimals(0)
        self.perturb.setSingleStep(5)
        self.perturb.setValue(20)
        self.perturb.setSuffix(" %")
        self.perturb.setPrefix("± ")
        self.mode = QComboBox()
        self.mode.addItem("", "uniform")
        self.mode.addItem("", "dirichlet")
        self.mode.addItem("", "experts")
        self.vary_norm = QCheckBox()
        self.norm_button = _MethodButton(NORMALIZATIONS, DEFAULT_NORMALIZATIONS)
        self.vary_agg = QCheckBox()
        self.agg_button = _MethodButton(AGGREGATIONS, DEFAULT_AGGREGATIONS)
        self.norm_button.setEnabled(False)
        self.agg_button.setEnabled(False)
        self.vary_norm.toggled.connect(self.norm_button.setEnabled)
        self.vary_agg.toggled.connect(self.agg_button.setEnabled)
        self.run_button = QPushButton()
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start)
        self.top_label = QLabel()
        self.top_n = QSpinBox()
        self.top_n.setRange(1, 9999)
        self.top_n.setValue(20)
        self.show_all = QCheckBox()
        self.top_n.valueChanged.connect(lambda _v: self._render_chart())
        self.show_all.toggled.connect(self._all_toggled)
        for label, w in ((self.runs_label, self.runs), (self.seed_label, self.seed),
                         (self.perturb_label, self.perturb), (self.mode_label, self.mode),
                         (self.top_label, self.top_n)):
            label.setBuddy(w)

        row1 = QHBoxLayout()
        for w in (self.runs_label, self.runs, self.seed_label, self.seed, self.perturb_label, self.perturb,
                  self.mode_label, self.mode):
            row1.addWidget(w)
        row1.addSpacing(12)
        row1.addWidget(self.run_button)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        for w in (self.vary_norm, self.norm_button):
            row2.addWidget(w)
        row2.addSpacing(12)
        for w in (self.vary_agg, self.agg_button):
            row2.addWidget(w)
        row2.addStretch(1)
        return row1, row2

    def _build_status(self) -> QHBoxLayout:
        """The run's status, its notes, and the stale warning (placed by _build_uncertainty)."""
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.stale_label = QLabel()
        self.stale_label.setStyleSheet(STALE_STYLE)
        self.stale_label.setWordWrap(True)
        self.stale_label.setVisible(False)
        self.notes_label = QLabel()
        self.notes_label.setStyleSheet("color: #555555;")
        self.notes_label.setVisible(False)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.notes_label)
        return status_row

    def _build_results(self) -> None:
        """The rank-interval chart with its TOP N row, beside the ranks table and the sensitivity tab."""
        self.chart = UncertaintyChart()
        self.chart.unit_clicked.connect(self._unit_clicked)
        self.table = make_table(6)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # by base rank
        self.table.itemClicked.connect(lambda item: self._unit_clicked(self.table.item(item.row(), 0).text()))
        self.sens_chart = SensitivityChart()
        self.sens_chart.setMinimumSize(280, 220)
        self.sens_table = make_table(3)
        sens = QWidget()
        sl = QVBoxLayout(sens)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.sens_chart, 1)
        sl.addWidget(self.sens_table)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.table, "")
        self.side_tabs.addTab(sens, "")
        chart_pane = QWidget()
        cl = QVBoxLayout(chart_pane)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(2)
        top_row = QHBoxLayout()
        top_row.addStretch(1)
        for w in (self.top_label, self.top_n, self.show_all):
            top_row.addWidget(w)
        cl.addLayout(top_row)
        cl.addWidget(self.chart, 1)
        self.u_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.u_splitter.addWidget(chart_pane)
        self.u_splitter.addWidget(self.side_tabs)
        self.u_splitter.setStretchFactor(0, 1)
        self.u_splitter.setStretchFactor(1, 0)
        self.u_splitter.setSizes([580, 420])
        self.u_splitter.setChildrenCollapsible(False)

    def _build_drop(self) -> None:
        self.drop_tab = QWidget()
        self.drop_label = QLabel()
        self.drop_combo = QComboBox()
        self.drop_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.drop_combo.setMaxVisibleItems(25)
        self.drop_label.setBuddy(self.drop_combo)
        self.drop_combo.currentIndexChanged.connect(lambda _i: self._invalidate(DROP))
        self.drop_info = QLabel()
        self.drop_info.setWordWrap(True)
        self.drop_table = make_table(4)
        self.drop_table.itemClicked.connect(
            lambda item: self._unit_clicked(self.drop_table.item(item.row(), 0).text()))
        self.drop_table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.AscendingOrder)  # by change
        self.drop_chart = RankChangeChart()
        self.drop_chart.unit_clicked.connect(self._unit_clicked)
        row = QHBoxLayout()
        row.addWidget(self.drop_label)
        row.addWidget(self.drop_combo)
        row.addStretch(1)
        self.drop_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.drop_splitter.addWidget(self.drop_table)
        self.drop_splitter.addWidget(self.drop_chart)
        self.drop_splitter.setStretchFactor(0, 0)
        self.drop_splitter.setStretchFactor(1, 1)
        self.drop_splitter.setSizes([380, 620])
        self.drop_splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self.drop_tab)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(4)
        lay.addLayout(row)
        lay.addWidget(self.drop_info)
        lay.addWidget(self.drop_splitter, 1)

    # --- reading the controller --------------------------------------------------------------
    @property
    def result(self):
        return getattr(self.controller, "result", None)

    @property
    def lang(self) -> str:
        return getattr(self.controller, "language", "zh")

    def node_name(self, code: str, result=None) -> str:
        r = result if result is not None else self.result
        return r.framework.nodes[code].name(self.lang)

    # --- controller signals ---------------------------------------------------------------
    def _project_changed(self) -> None:
        self._rebuild_drop_combo()
        n = len(self.result.units) if self.result is not None else 0
        self.top_n.setMaximum(max(1, n))
        self._result_changed(self.result)

    def _result_changed(self, _result=None) -> None:
        self._check_stale()
        self.tabs.setTabVisible(RSR, self.rsr_view.applies(self.result))
        self._invalidate(DROP, AUDIT, METHODS, RSR)

    def _selection_changed(self, _unit: str = "") -> None:
        self._render_chart()
        self._render_drop_chart()
        self._mark_selected(self.table, 0)
        self._mark_selected(self.drop_table, 0)

    def _language_changed(self, _lang: str = "") -> None:
        self._rebuild_drop_combo()
        self._audited = self._dropped = None
        self._show_uncertainty()
        self._invalidate(DROP, AUDIT)

    def _unit_clicked(self, unit: str) -> None:
        if unit:
            self.controller.select_unit(unit)

    def _all_toggled(self, checked: bool) -> None:
        self.top_n.setEnabled(not checked)
        self._render_chart()

    # --- visibility: render only what is seen ---------------------------------------------
    def _invalidate(self, *tabs: int) -> None:
        self._dirty.update(tabs)
        self._refresh()

    def _refresh(self) -> None:
        current = self.tabs.currentIndex()
        if current in self._dirty and self.isVisible():
            self.render_tab(current)

    def _tab_changed(self, _index: int) -> None:
        self._refresh()

    def showEvent(self, ev):
        super().showEvent(ev)
        self._refresh()

    def render_tab(self, index: int) -> None:
        """Render a tab now from the controller's current result (the visible one renders by itself)."""
        self._dirty.discard(index)
        if index == DROP:
            self.fill_drop()
        elif index == AUDIT:
            self.fill_audit()
        elif index == METHODS:
            self.methods_view.set_result(self.result)
        elif index == RSR:
            self.rsr_view.set_result(self.result)

    # --- uncertainty: running ------------------------------------------------------------------
    def params(self) -> UncertaintyParams:
        methods: dict[str, list[str]] = {}
        if self.vary_norm.isChecked():
            methods["normalization"] = self.norm_button.chosen()
        if self.vary_agg.isChecked():
            methods["aggregation"] = self.agg_button.chosen()
        mode = self.mode.currentData()
        experts: dict[str, list[float]] = {}
        if mode == "experts":
            from core.analysis.uncertainty import expert_weight_sets
            panel = getattr(self.controller, "panel_result", None) or {}
            experts = expert_weight_sets(panel.get("merged"))
        return UncertaintyParams(self.runs.value(), self.seed.value(), self.perturb.value() / 100.0,
                                 mode, methods, experts)

    def set_params(self, params: UncertaintyParams) -> None:
        self.runs.setValue(params.runs)
        self.seed.setValue(params.seed)
        self.perturb.setValue(params.perturb * 100.0)
        self.mode.setCurrentIndex(max(0, self.mode.findData(params.mode)))
        self.vary_norm.setChecked("normalization" in params.methods)
        self.vary_agg.setChecked("aggregation" in params.methods)
        if "normalization" in params.methods:
            self.norm_button.set_chosen(params.methods["normalization"])
        if "aggregation" in params.methods:
            self.agg_button.set_chosen(params.methods["aggregation"])

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, params: UncertaintyParams | None = None) -> worker.Task | None:
        """Run the analysis off the GUI thread on the current result; returns the Task. When its
        `finished` signal fires the outcome has been shown (and `run_finished` emitted)."""
        if self.running or self.result is None:
            return None
        params = params or self.params()
        result = self.result
        label = self.tr("Uncertainty analysis: {0} runs…").format(f"{params.runs:,}")
        self.run_button.setEnabled(False)
        self.status_label.setText(self.tr("Running…"))
        self._outcome, self._task_done = None, False
        self._pending = (params, result)

        relay = _ProgressRelay(self)

        def work(_progress, cancelled):
            t = time.perf_counter()
            out = run(result, params, relay.progressed.emit, cancelled)
            return out, time.perf_counter() - t

        # on_done/on_error are plain callables: gui.worker calls them on the worker thread, where they
        # only store the outcome; it is shown on the GUI thread when the task has finished. Progress goes
        # through the relay (a QObject of the GUI thread), so the dialog is only touched from there.
        self.task = worker.run_with_progress(self, work, label, lambda out: self._deliver(("done", out)),
                                             lambda err: self._deliver(("error", err)))
        relay.dialog = self.task.dialog
        self.task.finished.connect(self._task_finished)
        self.task.finished.connect(relay.deleteLater)
        return self.task

    def cancel(self) -> None:
        """Ask the running analysis to stop (as the progress dialog's Cancel does)."""
        if self.task is not None:
            self.task.worker.cancel_requested = True

    def cancel_and_wait(self, ms: int = 10000) -> None:
        """For closing the window: stop a running analysis and wait for its thread."""
        if self.task is not None:
            self.cancel()
            self.task.wait(ms)
        self.methods_view.wait(ms)

    def _deliver(self, outcome: tuple) -> None:
        """Store the outcome (possibly on the worker thread: no Qt call here unless on the GUI thread)."""
        self._outcome = outcome
        if self._task_done and QThread.currentThread() == self.thread():
            self._process()

    def _task_finished(self) -> None:
        self._task_done = True
        if self._outcome is not None:
            self._process()

    def _process(self) -> None:
        kind, obj = self._outcome
        params, source = self._pending
        self._outcome = None
        self.task = None
        self.run_button.setEnabled(True)
        if kind == "done":
            obj, self._elapsed = obj
            self.last_result, self.last_params, self.source = obj, params, source
            self.last_status, self.last_error = "done", None
            self._check_stale()
            self._show_uncertainty()
            self.uncertainty_done.emit(obj)
        else:
            from core.analysis.uncertainty import Cancelled
            self.last_error = obj
            self.last_status = "cancelled" if isinstance(obj, (Cancelled, worker.Cancelled)) else "failed"
            self._update_status()
        self.run_finished.emit(self.last_status)

    # --- uncertainty: showing --------------------------------------------------------------
    def _check_stale(self) -> None:
        stale = False
        if self.last_result is not None:  # a run was made: core.analysis.uncertainty is loaded already
            from core.analysis.uncertainty import same_inputs
            stale = not same_inputs(self.source, self.result)
        if stale != self.stale:
            self.stale = stale
            self.stale_label.setVisible(stale)
            self.table.setStyleSheet("QTableWidget { color: #8a8a8a; }" if stale else "")
            self.sens_table.setStyleSheet("QTableWidget { color: #8a8a8a; }" if stale else "")
            self._render_chart()
            self._render_sensitivity()
            self.stale_changed.emit(stale)

    def mode_label_text(self, mode: str) -> str:
        return {"dirichlet": self.tr("Dirichlet"), "experts": self.tr("Expert panel's spread")}.get(
            mode, self.tr("Uniform"))

    def describe_params(self, p: UncertaintyParams, sep: str = "") -> str:
        """The run's parameters in words; `sep` between the weights and the method choices."""
        if p.mode == "experts":
            text = self.tr("{0} runs, seed {1}, weights drawn from the expert panel").format(f"{p.runs:,}", p.seed)
        else:
            text = self.tr("{0} runs, seed {1}, weights ± {2} % ({3})").format(
                f"{p.runs:,}", p.seed, f"{100 * p.perturb:g}", self.mode_label_text(p.mode))
        methods = ""
        if p.methods.get("normalization"):
            methods += self.tr("; normalisation: {0}").format(
                ", ".join(method_label(k) for k in p.methods["normalization"]))
        if p.methods.get("aggregation"):
            methods += self.tr("; aggregation: {0}").format(
                ", ".join(method_label(k) for k in p.methods["aggregation"]))
        if sep and methods:
            methods = methods.lstrip(";；").strip()
        return text + (sep + methods if methods else "")

    def _update_status(self) -> None:
        if self.last_status == "cancelled":
            text = self.tr("Cancelled: the previous result is kept.") if self.last_result is not None else \
                self.tr("Cancelled.")
        elif self.last_status == "failed":
            text = self.tr("The analysis failed: {0}").format(str(self.last_error))
        elif self.last_result is not None:
            text = self.tr("{0} — done in {1:.1f} s").format(self.describe_params(self.last_params), self._elapsed)
        else:
            text = self.tr("Not run yet: choose the runs and the perturbation, then press Run.")
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020;" if self.last_status == "failed" else "")
        notes = self.last_result.notes if self.last_result is not None else []
        self.notes_label.setVisible(bool(notes))
        self.notes_label.setText(self.tr("ⓘ %n note(s)", "", len(notes)))
        shown = self.last_result.note_texts(current_language()) if notes else []
        self.notes_label.setToolTip("\n".join(f"• {n}" for n in shown))
        self.stale_label.setText(self.tr("Stale: the weights or the data changed after this run; "
                                         "these numbers are not the current ranking's. Press Run to update."))

    def _show_uncertainty(self) -> None:
        self._update_status()
        self._fill_table()
        self._render_chart()
        self._render_sensitivity()

    def chart_rows(self) -> list[int]:
        """Unit indices shown on the chart: base-rank order, top N unless 'all'."""
        if self.last_result is None:
            return []
        order = self.last_result.order()
        return order if self.show_all.isChecked() else order[:self.top_n.value()]

    def _render_chart(self) -> None:
        u = self.last_result
        if u is None:
            self.chart.set_data([], [], [], [], [], title=self.tr("Rank uncertainty"),
                                subtitle=self.tr("Not run yet"))
            return
        idx = self.chart_rows()
        sel = self.controller.selected if self.controller is not None else ""
        n = len(idx)
        title = self.tr("Rank uncertainty: all {0} units").format(n) if self.show_all.isChecked() else \
            self.tr("Rank uncertainty: top {0} by base rank").format(n)
        self.chart.set_data([u.units[i] for i in idx], u.base_rank[idx], u.median_rank[idx], u.p05[idx],
                            u.p95[idx], sel, title, self.describe_params(self.last_params, "\n"), stale=self.stale)

    def table_headers(self) -> list[str]:
        """The long column names (the workbook's header, the table's tooltips)."""
        return [self.tr("Unit"), self.tr("Base rank"), self.tr("Median rank"), self.tr("Rank at 5 % (best runs)"),
                self.tr("Rank at 95 % (worst runs)"), self.tr("Top-10 share")]

    def _fill_table(self) -> None:
        t = self.table
        t.setSortingEnabled(False)
        t.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Base"), self.tr("Median"), self.tr("5 %"),
                                     self.tr("95 %"), self.tr("Top 10")])
        for col, tip in enumerate(self.table_headers()):
            t.horizontalHeaderItem(col).setToolTip(tip)
        u = self.last_result
        rows = u.rows() if u is not None else []
        t.setRowCount(len(rows))
        for r, row in enumerate(rows):
            share = row["top10_share"]
            items = [SortItem(row["unit"], row["unit"])]
            for key in ("base_rank", "median_rank", "p05", "p95"):
                v = row[key]
                items.append(right(SortItem("–" if v is None else f"{v:g}", float("nan") if v is None else v)))
            items.append(right(SortItem(f"{100 * share:.1f} %", share)))
            for c, item in enumerate(items):
                t.setItem(r, c, item)
        t.setSortingEnabled(True)  # sorts by the header's indicator (the user's choice, else the default)
        t.resizeColumnsToContents()  # after sorting is on: the header's arrow needs room too
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._mark_selected(t, 0)

    def table_values(self) -> list[list]:
        """What the table shows, row by row as displayed: unit, base, median, p05, p95, share."""
        out = []
        for r in range(self.table.rowCount()):
            out.append([self.table.item(r, 0).text()] + [self.table.item(r, c).key for c in range(1, 6)])
        return out

    def input_label(self, key: str) -> str:
        if key == "normalization":
            return self.tr("Normalisation method")
        if key == "aggregation":
            return self.tr("Aggregation method")
        r = self.source or self.result
        if r is not None and key in r.framework.nodes:
            return f"{key} {self.node_name(key, r)}"
        return key

    def _render_sensitivity(self) -> None:
        u = self.last_result
        sens = u.sensitivity if u is not None else {}
        keys = list(sens)
        t = self.sens_table
        t.setHorizontalHeaderLabels([self.tr("Input"), self.tr("First order"), self.tr("Total")])
        t.setRowCount(len(keys))
        for r, k in enumerate(keys):
            s = sens[k]
            t.setItem(r, 0, SortItem(self.input_label(k), k))
            t.setItem(r, 1, right(SortItem(f"{fmt_num(s['first'], 3)} ± {fmt_num(s.get('first_conf'), 3)}",
                                           s["first"])))
            t.setItem(r, 2, right(SortItem(f"{fmt_num(s['total'], 3)} ± {fmt_num(s.get('total_conf'), 3)}",
                                           s["total"])))
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        t.setFixedHeight(t.horizontalHeader().height() + 22 * max(len(keys), 1) + 2 * t.frameWidth() + 2)
        head = self.tr("Which inputs move the ranking")
        if u is None:
            sub = self.tr("Not run yet")
        elif not keys:
            sub = self.tr("No uncertain input")
        else:
            sub = self.tr("Output: mean absolute rank shift (N = {0})").format(f"{u.sensitivity_samples:,}")
        if self.stale and u is not None:
            head = self.tr("Stale: {0}").format(head)
        self.sens_chart.set_data([self.input_label(k) for k in keys], [sens[k]["first"] for k in keys],
                                 [sens[k]["total"] for k in keys], [sens[k].get("first_conf") for k in keys],
                                 [sens[k].get("total_conf") for k in keys], head, sub)
        t.setToolTip(self.tr("First order: the share of the output's variance due to the input alone; "
                             "total: including its interactions with the other inputs. ± the 95 % "
                             "confidence half-width."))

    def _mark_selected(self, table, col: int) -> None:
        sel = self.controller.selected if self.controller is not None else ""
        for r in range(table.rowCount()):
            item = table.item(r, col)
            if item is None:
                continue
            f = item.font()
            if f.bold() != (item.text() == sel):
                f.setBold(item.text() == sel)
                item.setFont(f)

    # --- export ------------------------------------------------------------------------------
    def export_sheets(self, allow_stale: bool = False) -> dict[str, list[list]]:
        """Sheet name → rows (header first) for `write_results(extra_sheets=…)`: the uncertainty table
        and the sensitivity indices with the run's parameters, in the PROJECT's language like the rest
        of the workbook (core.outputs.uncertainty_sheet); {} when there is no result, or when it is
        stale (unless `allow_stale`)."""
        u = self.last_result
        r = self.source or self.result
        if u is None or r is None or (self.stale and not allow_stale):
            return {}
        from core.outputs.method_words import language
        from core.outputs.uncertainty_sheet import uncertainty_sheets
        return uncertainty_sheets(u, r.framework, language(r))

    def export_rows(self, allow_stale: bool = False) -> list[list]:
        """The uncertainty sheet's rows (the first of `export_sheets`); [] as there."""
        sheets = self.export_sheets(allow_stale)
        return next(iter(sheets.values())) if sheets else []

    # --- one at a time ------------------------------------------------------------------------
    def _rebuild_drop_combo(self) -> None:
        r = self.result
        old = self.drop_combo.currentData()
        self.drop_combo.blockSignals(True)
        self.drop_combo.clear()
        if r is not None:
            fw = r.framework
            codes = [c for c in fw.preorder() if c != fw.root and c in r.plan.codes]
            for c in codes:
                indent = "    " * (fw.level(c) - 1)
                self.drop_combo.addItem(f"{indent}{c}  {fw.nodes[c].name(self.lang)}", c)
            default = old if old in codes else (fw.children[fw.root][0] if fw.children[fw.root] else None)
            self.drop_combo.setCurrentIndex(max(0, self.drop_combo.findData(default)))
        self.drop_combo.blockSignals(False)
        self._dropped = None
        self._invalidate(DROP)

    def set_drop_node(self, code: str) -> None:
        self.drop_combo.setCurrentIndex(self.drop_combo.findData(code))

    def _clear_drop(self, message: str) -> None:
        self.drop_table_data = None
        self.drop_table.setRowCount(0)
        self.drop_info.setText(message)
        self.drop_chart.set_data([], [], title=message and self.tr("Nothing to show"))

    def fill_drop(self) -> None:
        r, code = self.result, self.drop_combo.currentData()
        self.drop_table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Base rank"),
                                                   self.tr("Rank without it"), self.tr("Change")])
        if r is None or not code:
            self._dropped = None
            self._clear_drop("")
            return
        if self._dropped is not None and self._dropped[0] is r and self._dropped[1] == code:
            return
        self._dropped = (r, code)
        fw = r.framework
        from core.analysis.uncertainty import drop_one, drop_refusal, drop_summary
        refusal = drop_refusal(r, code)
        if refusal is not None:
            self._clear_drop(self.tr("{0} is the only weighted child of {1}: without it {1} has no score. "
                                     "Drop {1} instead.").format(code, refusal.parent)
                             if refusal.reason == "only_child" else refusal.message())
            return
        df = drop_one(r, code)
        self.drop_table_data = df
        change = df["change"].to_numpy(dtype=float)
        base = df["base_rank"].to_numpy(dtype=float)
        # biggest gains first, then no change, then losses; ties by base rank; units without a rank last
        key = np.where(np.isnan(change), np.inf, -change)
        order = np.lexsort((np.where(np.isnan(base), np.inf, base), key))
        t = self.drop_table
        t.setSortingEnabled(False)
        t.setRowCount(len(order))
        for row, i in enumerate(order):
            unit = df.index[i]
            ch = _rank_value(change[i])
            if ch is None:
                text, color = "–", None
            elif ch > 0:
                text, color = f"▲{ch}", UP
            elif ch < 0:
                text, color = f"▼{-ch}", DOWN
            else:
                text, color = "0", QColor("#8a8a8a")
            b, n = _rank_value(base[i]), _rank_value(df["rank"].iloc[i])
            items = [SortItem(str(unit), str(unit)),
                     right(SortItem("–" if b is None else str(b), float("nan") if b is None else b)),
                     right(SortItem("–" if n is None else str(n), float("nan") if n is None else n)),
                     right(SortItem(text, float("nan") if ch is None else -ch))]
            if color is not None:
                items[3].setForeground(QBrush(color))
            for c, item in enumerate(items):
                t.setItem(row, c, item)
        t.setSortingEnabled(True)  # sorts by the header's indicator (the user's choice, else the default)
        t.resizeColumnsToContents()  # after sorting is on: the header's arrow needs room too
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._mark_selected(t, 0)
        summary = drop_summary(r, code, df)
        kind = self.tr("indicator") if fw.is_leaf(code) else self.tr("node")
        self.drop_info.setText(self.tr("Without {0} {1} ({2}, {3:.1f} % of the index; its siblings' weights "
                                       "rescaled): {4} of {5} units change rank, by {6:.2f} places on average.")
                               .format(code, self.node_name(code), kind, 100 * summary.share, summary.moved,
                                       summary.units, summary.mean_shift))
        self._render_drop_chart()

    def _render_drop_chart(self) -> None:
        df, code = self.drop_table_data, self.drop_combo.currentData()
        if df is None or not code:
            return
        base = df["base_rank"].to_numpy(dtype=float)
        idx = order_by_rank(base, list(df.index))
        self.drop_chart.set_data([df.index[i] for i in idx], df["change"].to_numpy(dtype=float)[idx],
                                 self.controller.selected,
                                 self.tr("Change of rank without {0} {1}").format(code, self.node_name(code)),
                                 self.tr("Units in the order of the current ranking"))

    def drop_values(self) -> list[tuple[str, float | None, float | None, float | None]]:
        """What the drop table shows: (unit, base rank, rank without, change) as displayed."""
        out = []
        t = self.drop_table
        for r in range(t.rowCount()):
            ch = t.item(r, 3).key
            out.append((t.item(r, 0).text(), t.item(r, 1).key, t.item(r, 2).key,
                        None if ch is None or np.isnan(ch) else -ch))
        return out

    # --- audit -----------------------------------------------------------------------------------
    def fill_audit(self) -> None:
        if self._audited is self.result and self.result is not None:
            return
        self._audited = self.result
        self.audit_view.set_result(self.result, self.lang)

    # --- language --------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.tabs.setTabText(UNCERTAINTY, self.tr("Uncertainty"))
        self.tabs.setTabText(DROP, self.tr("One at a time"))
        self.tabs.setTabText(AUDIT, self.tr("Audit"))
        self.tabs.setTabText(METHODS, self.tr("By method"))
        self.tabs.setTabText(RSR, self.tr("RSR grading"))
        self.side_tabs.setTabText(0, self.tr("Ranks"))
        self.side_tabs.setTabText(1, self.tr("Sensitivity"))
        self.runs_label.setText(self.tr("Runs:"))
        self.seed_label.setText(self.tr("Seed:"))
        self.perturb_label.setText(self.tr("Weights:"))
        self.perturb.setToolTip(self.tr("Each weight varies by up to this share of itself; siblings are "
                                        "rescaled to sum to 100 %"))
        self.mode_label.setText(self.tr("Draw:"))
        self.mode.setItemText(0, self.tr("Uniform"))
        self.mode.setItemText(1, self.tr("Dirichlet"))
        self.mode.setItemText(2, self.tr("Expert panel's spread"))
        self.mode.setToolTip(self.tr("Uniform: each weight times (1 ± u); Dirichlet: the siblings drawn "
                                     "together around the current weights; expert panel: each weight drawn "
                                     "from the values the merged panel's experts gave it"))
        self.vary_norm.setText(self.tr("Vary normalisation:"))
        self.vary_agg.setText(self.tr("Vary aggregation:"))
        self.vary_norm.setToolTip(self.tr("Each run also picks one of the chosen normalisation methods"))
        self.vary_agg.setToolTip(self.tr("Each run also picks one of the chosen aggregation methods"))
        self.norm_button.retranslate()
        self.agg_button.retranslate()
        self.run_button.setText(self.tr("Run"))
        self.top_label.setText(self.tr("Chart: top"))
        self.show_all.setText(self.tr("All"))
        self.drop_label.setText(self.tr("Drop:"))
        self.drop_combo.setToolTip(self.tr("An indicator or a node; its siblings' weights are rescaled"))

    def changeEvent(self, ev):
        if ev.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._audited = self._dropped = None
            self._show_uncertainty()
            self._invalidate(DROP, AUDIT)
        super().changeEvent(ev)
