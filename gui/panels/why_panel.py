"""为什么？ — why is this city ranked here, and what would change it.

Two units A and B (A follows the window's selected city; "just above" sets B to the unit ranked right
above A — or right below when A leads) and a waterfall of A's score minus B's split over the root's
children (by dimension) or over the indicators (the largest contributions, the rest summed as "others",
so the chart stays readable). The bars come from `core.analysis.contributions.explain_pair` and sum to the
score difference drawn at the end. Below, the target table for A: for each indicator, the raw value A
would need to reach rank K with everything else fixed (`core.analysis.targets.targets`, one search of the
full pipeline per indicator: run off the GUI thread by `gui.worker.LatestJob` once edits settle; a newer
edit stops a running search at its next indicator).

Follows the controller's `result_changed` (weights moved: redrawn) and `selection_changed`; like the chart
tabs it redraws only while shown, and catches up when shown again. Computes nothing itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import worker
from gui.charts.waterfall_chart import WaterfallChart
from gui.models.target_model import TargetModel
from gui.panels.read_only_table import read_only_table

BY_DIMENSION, BY_INDICATOR = "dimension", "indicator"
TOP_INDICATORS = 10  # indicator bars shown; the rest summed as "others"


def indicator_bars(contributions: dict[str, float], top: int = TOP_INDICATORS) -> tuple[list[str], list[float], int]:
    """(codes, values, how many were summed into the last bar): the `top` largest |contributions|, largest
    first, and — when more are left — their sum as one more bar (its code '')."""
    ranked = sorted(contributions.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
    shown, rest = ranked[:top], ranked[top:]
    codes, values = [c for c, _v in shown], [v for _c, v in shown]
    if rest:
        codes.append("")
        values.append(sum(v for _c, v in rest))
    return codes, values, len(rest)


class WhyPanel(QWidget):
    """Public: `unit_a`, `unit_b` (combos), `just_above`, `level`, `chart`, `rank_k`, `targets_model`,
    `set_pair(a, b)`, `render()`, `last_explain`, `last_targets`, `targets_job`."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.last_explain: dict | None = None
        self.last_targets: dict | None = None
        self._targets_key: tuple | None = None  # (result, unit, K) of last_targets, to redraw them in another language
        self._dirty = True
        self.renders = 0

        self.a_label, self.b_label = QLabel(), QLabel()
        self.unit_a, self.unit_b = QComboBox(), QComboBox()
        for combo in (self.unit_a, self.unit_b):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaxVisibleItems(25)
        self.a_label.setBuddy(self.unit_a)
        self.b_label.setBuddy(self.unit_b)
        self.just_above = QCheckBox()
        self.just_above.setChecked(True)
        self.level = QComboBox()
        self.level.addItem("", BY_DIMENSION)
        self.level.addItem("", BY_INDICATOR)
        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 0)
        for w in (self.a_label, self.unit_a, self.b_label, self.unit_b, self.just_above, self.level):
            top.addWidget(w)
        top.addStretch(1)

        self.chart = WaterfallChart()
        self.chart.setMinimumHeight(120)  # the chart dock's minimum height stays as it was
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#8a1c1c; padding:2px 6px;")
        self.message.hide()

        self.k_label = QLabel()
        self.rank_k = QSpinBox()
        self.rank_k.setRange(1, 9999)
        self.rank_k.setValue(10)
        self.k_label.setBuddy(self.rank_k)
        self.targets_title = QLabel()
        self.targets_title.setWordWrap(True)
        krow = QHBoxLayout()
        krow.setContentsMargins(6, 2, 6, 0)
        krow.addWidget(self.targets_title, 1)
        krow.addWidget(self.k_label)
        krow.addWidget(self.rank_k)
        self.targets_model = TargetModel(self)
        self.targets_view = read_only_table(self.targets_model)
        self.targets_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.targets_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.targets_view.horizontalHeader().setStretchLastSection(True)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(2)
        ll.addLayout(krow)
        ll.addWidget(self.targets_view, 1)

        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.setSpacing(2)
        ul.addLayout(top)
        ul.addWidget(self.message)
        ul.addWidget(self.chart, 1)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(upper)
        self.split.addWidget(lower)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.split)

        self.targets_job = worker.LatestJob(self)
        self.targets_job.done.connect(self._targets_done)
        self.targets_job.failed.connect(self._targets_failed)
        self.unit_a.activated.connect(self._a_picked)
        self.unit_b.activated.connect(self._b_picked)
        self.just_above.toggled.connect(lambda _on: self._changed())
        self.level.currentIndexChanged.connect(lambda _i: self._changed(targets=False))
        self.rank_k.valueChanged.connect(lambda _v: self._changed())
        controller.result_changed.connect(lambda _r=None: self._changed())
        controller.selection_changed.connect(self._selection_changed)
        controller.project_changed.connect(self._project_changed)
        if hasattr(controller, "edition_changed"):
            controller.edition_changed.connect(lambda _label=None: self._changed())
        if hasattr(controller, "language_changed"):
            controller.language_changed.connect(lambda _l: self._changed(targets=False))
        from gui.models.view_state import TARGET_RANK, bind_spin
        bind_spin(controller, self.rank_k, TARGET_RANK, 10)  # K is saved with the project (after the range is set)
        self.retranslate()
        if controller.result is not None:
            self._project_changed()

    # --- reading the controller -----------------------------------------------------------
    @property
    def result(self):
        """The result the window shows: the edition chosen in the 版次 selector (as the other chart tabs),
        else the result."""
        r = getattr(self.controller, "view_result", None)
        return r if r is not None else self.controller.result

    def _shown_older_edition(self) -> str | None:
        """The label of the edition shown when it is not the latest (None: the latest, or no editions)."""
        eds = getattr(self.controller, "eds", None)
        if eds is None or not eds.active or not eds.labels or eds.label == eds.labels[-1]:
            return None
        return eds.label

    @property
    def lang(self) -> str:
        return getattr(self.controller, "language", "zh") or "zh"

    def _name(self, code: str) -> str:
        return self.result.framework.nodes[code].name(self.lang)

    def _ranked_units(self) -> list[tuple[str, int]]:
        """(unit, rank) in rank order, units without a score left out."""
        r = self.result
        order, ranks = r.rank_order()
        return [(r.units[i], int(ranks[i])) for i in order if ranks[i] == ranks[i]]

    def neighbour(self, unit: str) -> str | None:
        """The unit ranked right above `unit` (right below when it leads)."""
        ranked = [u for u, _r in self._ranked_units()]
        if unit not in ranked or len(ranked) < 2:
            return None
        i = ranked.index(unit)
        return ranked[i - 1] if i > 0 else ranked[1]

    # --- choosing the pair ----------------------------------------------------------------------
    def set_pair(self, a: str, b: str | None = None) -> None:
        """Compare `a` with `b` (None: the one just above `a`)."""
        if b is None:
            self.just_above.setChecked(True)
        else:
            self.just_above.setChecked(False)
            self._b = b
        if a != self.controller.selected:
            self.controller.select_unit(a)  # A follows the window's selection, and leads it
        self._changed()

    _b: str | None = None

    def _a_picked(self, _i: int) -> None:
        unit = self.unit_a.currentData()
        if unit:
            self.controller.select_unit(unit)
            self._changed()

    def _b_picked(self, _i: int) -> None:
        unit = self.unit_b.currentData()
        if unit:
            self._b = unit
            self.just_above.setChecked(False)
            self._changed()

    def pair(self) -> tuple[str | None, str | None]:
        a = self.controller.selected or None
        if self.result is None or a not in self.result.units:
            return None, None
        b = self.neighbour(a) if self.just_above.isChecked() or self._b not in self.result.units else self._b
        if b == a:
            b = self.neighbour(a)
        return a, b

    def _selection_changed(self, _unit: str = "") -> None:
        self._changed()

    def _project_changed(self) -> None:
        self._b = None
        n = len(self.result.units) if self.result is not None else 1
        self.rank_k.setMaximum(max(1, n))
        self._changed()

    # --- redrawing ----------------------------------------------------------------------------
    def _changed(self, targets: bool = True) -> None:
        self._dirty = True
        self._targets_wanted = getattr(self, "_targets_wanted", False) or targets
        if self.isVisible():
            self.render()

    def showEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().showEvent(e)
        if self._dirty:
            self.render()

    def _fill_combos(self, a: str | None, b: str | None) -> None:
        """Both combos list the ranked units as '3. 上海', in rank order (refilled only when that changed:
        3,000 units cost ~13 ms a fill, and a drag redraws on every step)."""
        ranked = self._ranked_units()
        refill = ranked != getattr(self, "_listed", None)
        self._listed = ranked
        for combo, unit in ((self.unit_a, a), (self.unit_b, b)):
            combo.blockSignals(True)
            if refill:
                combo.clear()
                for u, r in ranked:
                    combo.addItem(f"{r}. {u}", u)
            combo.setCurrentIndex(max(0, combo.findData(unit)))
            combo.blockSignals(False)

    def render(self) -> None:
        """Draw the waterfall for the current pair now, and ask for the targets (off the GUI thread)."""
        self._dirty = False
        if self.result is None:
            return
        self.renders += 1
        a, b = self.pair()
        self._fill_combos(a, b)
        self._draw(a, b)
        if self._targets_wanted:
            self._targets_wanted = False
            self._ask_targets(a)

    def _draw(self, a: str | None, b: str | None) -> None:
        from core.analysis.contributions import ExplainError, explain_pair
        if a is None or b is None:
            self.last_explain = None
            self._show_message(self.tr("Pick two ranked units to compare"))
            return
        try:
            ex = explain_pair(self.result, a, b)
        except ExplainError as e:
            self.last_explain = None
            self._show_message(self.tr("No comparison: {0} has no score").format(e.fields.get("unit", "")))
            return
        self.last_explain = ex
        self.message.hide()
        if self.level.currentData() == BY_INDICATOR:
            codes, values, rest = indicator_bars(ex["indicators"])
            labels = [self._name(c) if c else self.tr("Others ({0})").format(rest) for c in codes]
            how = self.tr("{0} − {1}: score difference by indicator (largest {2})").format(a, b, TOP_INDICATORS)
        else:
            codes = list(ex["children"])
            values = [ex["children"][c] for c in codes]
            labels = [self._name(c) for c in codes]
            how = self.tr("{0} − {1}: score difference by dimension").format(a, b)
        older = self._shown_older_edition()
        if older is not None:  # the 版次 selector shows an older edition: say which
            how = self.tr("{0} (edition {1})").format(how, older)
        self.chart.set_data(labels, values, ex["difference"], self.tr("Difference"), how)
        self.chart.setVisible(True)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.chart.set_data([], [], 0.0, self.tr("Difference"), "")

    # --- targets ----------------------------------------------------------------------------------
    def _ask_targets(self, a: str | None) -> None:
        project, result, k = self.controller.project, self.result, self.rank_k.value()
        if a is None or project is None:
            self.targets_model.set_targets(None)
            self.targets_title.setText("")
            return
        older = self._shown_older_edition()
        if older is not None:
            if project.settings.editions_normalization != "each":
                # an older edition normalised with the others: recomputing it alone would move every score
                self.targets_job.cancel()
                self.last_targets, self._targets_key = None, None
                self.targets_model.set_targets(None)
                self.targets_title.setText(self.tr("Target ranks are worked out for the latest edition only when "
                                                   "the editions are normalised together"))
                return
            project = project.for_edition(older)  # each edition on its own: that edition alone
        from core.analysis.targets import targets
        self.targets_title.setText(self.tr("{0}: working out what each indicator would need…").format(a))
        self.targets_job.request((result, a, k), lambda cancelled: targets(project, result, a, k, cancelled=cancelled),
                                 cancellable=True)

    def _targets_done(self, key, found) -> None:
        result, a, k = key
        self.last_targets, self._targets_key = found, key
        fw = result.framework
        codes = list(found["indicators"])
        names = {c: fw.nodes[c].name(self.lang) for c in codes if c in fw.nodes}
        units_of = {c: fw.nodes[c].unit for c in codes if c in fw.nodes and fw.nodes[c].unit}
        already = found["current_rank"] <= k  # every row would read "no change": the title says it all
        self.targets_model.set_targets(None if already else found, names, units_of)
        if already:
            text = self.tr("{0} is ranked {1}: already in the top {2}").format(a, found["current_rank"], k)
        else:
            text = self.tr("{0} is ranked {1}. To reach rank {2} by changing one indicator alone (all else "
                           "fixed), it would need:").format(a, found["current_rank"], k)
        self.targets_title.setText(text)

    def _targets_failed(self, key, error) -> None:
        from core.analysis.targets import TargetError
        self.last_targets = None
        self.targets_model.set_targets(None)
        if isinstance(error, TargetError) and "unit" in error.fields:
            self.targets_title.setText(self.tr("No targets: {0} has no score").format(error.fields["unit"]))
        else:
            self.targets_title.setText(self.tr("No targets: {0}").format(error))

    def wait(self, ms: int = 30000) -> None:
        """Let a running target search end (closing the window)."""
        self.targets_job.wait(ms)

    # --- language ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.a_label.setText(self.tr("City A:"))
        self.b_label.setText(self.tr("compared with B:"))
        self.just_above.setText(self.tr("the one just above"))
        self.just_above.setToolTip(self.tr("B is the unit ranked right above A (right below when A leads)"))
        self.level.setItemText(0, self.tr("by dimension"))
        self.level.setItemText(1, self.tr("by indicator"))
        self.k_label.setText(self.tr("Target rank K:"))
        self.rank_k.setToolTip(self.tr("The rank the selected city should reach"))
        tabs = self.parentWidget().parentWidget() if self.parentWidget() is not None else None
        if isinstance(tabs, QTabWidget):  # the chart panel's tabs (gui.main_window)
            tabs.setTabText(tabs.indexOf(self), self.tr("Why?"))

    def changeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._changed(targets=False)
            if self.last_targets is not None and self._targets_key is not None:
                self._targets_done(self._targets_key, self.last_targets)  # its title and names in the new language
        super().changeEvent(e)
