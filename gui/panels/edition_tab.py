"""The chart panel's 历年 tab (issue 19): ranks over the editions (bump chart), a slope chart between two
chosen editions, and the selected city's dimension scores per edition.

Shown only for a project with two or more editions (controller.eds.active). It reads the ranks and
scores of every edition's Result (controller.eds: the engine's EditionResults); it computes nothing.
Which cities: the top N of the latest edition (the "to" edition for the slope chart) — N chosen
here — or the cities the user added to the list (＋ the selected city); the city selected in the window
is always drawn, highlighted.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.charts.edition_charts import BumpChart, EditionProfileChart, SlopeChart

BUMP, SLOPE, PROFILE = range(3)
TOP, CHOSEN = "top", "chosen"


class EditionTab(QWidget):
    """Controls above one of three charts; `render()` draws the chosen one from the controller."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.chosen: list[str] = []  # the cities added by the user (CHOSEN mode)
        self.bump = BumpChart()
        self.slope = SlopeChart()
        self.profile = EditionProfileChart()
        self.charts = [self.bump, self.slope, self.profile]
        for chart in self.charts:
            chart.unit_clicked.connect(lambda u: u and self.controller.select_unit(u))

        self.kind = QComboBox()
        self.node_combo = QComboBox()  # the node ranked: the index, a dimension or a sub-dimension
        # (not AdjustToContents: a long node name would widen the whole chart panel, hidden tab or not)
        self.node_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.node_combo.setMinimumContentsLength(8)
        self._trend: tuple | None = None  # (EditionResults, node, Trend) of the last drawing
        self.which = QComboBox()
        self.top_label = QLabel()
        self.top_n = QSpinBox()
        self.top_n.setRange(1, 9999)
        self.top_n.setValue(10)
        self.top_label.setBuddy(self.top_n)
        self.add_city = QToolButton()  # (tool buttons: narrower than push buttons)
        self.clear_cities = QToolButton()
        self.from_label, self.to_label = QLabel(), QLabel()
        self.from_combo, self.to_combo = QComboBox(), QComboBox()
        self.from_label.setBuddy(self.from_combo)
        self.to_label.setBuddy(self.to_combo)
        row = QHBoxLayout()  # two rows of controls: the panel must stay as narrow as its other tabs
        row.setContentsMargins(6, 4, 6, 0)
        for w in (self.kind, self.node_combo):
            row.addWidget(w)
        row.addStretch(1)
        self.units_row = QWidget()
        row1 = QHBoxLayout(self.units_row)
        row1.setContentsMargins(6, 0, 6, 0)
        self.top_label.hide()  # (the buddy's label: "前 N 名" in the combo before the spin box says it)
        for w in (self.which, self.top_n, self.add_city, self.clear_cities):
            row1.addWidget(w)
        row1.addStretch(1)
        self.slope_row = QWidget()  # a second row, so that the panel is no wider for the slope chart
        row2 = QHBoxLayout(self.slope_row)
        row2.setContentsMargins(6, 0, 6, 0)
        for w in (self.from_label, self.from_combo, self.to_label, self.to_combo):
            row2.addWidget(w)
        row2.addStretch(1)
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setContentsMargins(8, 0, 8, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        hl = QVBoxLayout(holder)
        hl.setContentsMargins(0, 0, 0, 0)
        for chart in self.charts:
            hl.addWidget(chart)
        self.scroll.setWidget(holder)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self.units_row)
        lay.addWidget(self.slope_row)
        lay.addWidget(self.chosen_label)
        lay.addWidget(self.scroll, 1)
        self.changed = None  # set by the chart panel: called when a control asks for a redraw
        for sig in (self.kind.currentIndexChanged, self.node_combo.currentIndexChanged,
                    self.which.currentIndexChanged, self.top_n.valueChanged,
                    self.from_combo.currentIndexChanged, self.to_combo.currentIndexChanged):
            sig.connect(self._control_changed)
        self.add_city.clicked.connect(self._add_selected)
        self.clear_cities.clicked.connect(self._clear)
        self.retranslate()

    # --- controls --------------------------------------------------------------------------
    def _control_changed(self, *_args) -> None:
        self._show_controls()
        if self.changed is not None:
            self.changed()

    def _add_selected(self) -> None:
        u = self.controller.selected
        if u and u not in self.chosen:
            self.chosen.append(u)
        self.which.setCurrentIndex(self.which.findData(CHOSEN))
        self._control_changed()

    def _clear(self) -> None:
        self.chosen = []
        self._control_changed()

    def _show_controls(self) -> None:
        k = self.kind.currentIndex()
        ranks = k in (BUMP, SLOPE)
        top = ranks and self.which.currentData() == TOP
        self.node_combo.setVisible(ranks)
        self.units_row.setVisible(ranks)
        self.top_n.setVisible(top)
        self.slope_row.setVisible(k == SLOPE)
        self.chosen_label.setVisible(ranks and self.which.currentData() == CHOSEN)
        for i, chart in enumerate(self.charts):
            chart.setVisible(i == k)

    def set_editions(self, labels) -> None:
        """New editions (a project loaded): the slope chart's two combos, default the last two editions."""
        labels = list(labels)
        for combo, default in ((self.from_combo, -2), (self.to_combo, -1)):
            old = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(labels)
            if old in labels:
                combo.setCurrentIndex(labels.index(old))
            elif len(labels) >= 2:
                combo.setCurrentIndex(len(labels) + default)
            combo.blockSignals(False)
        if self.chosen and labels:
            eds = self.controller.eds
            known = set().union(*(set(eds.result(lb).units) for lb in labels))
            self.chosen = [u for u in self.chosen if u in known]
        self.fill_nodes()

    def fill_nodes(self) -> None:
        """The nodes a rank can be followed on: the index, then every internal node in tree order."""
        eds = self.controller.eds
        if not eds.active:
            return
        r = eds.result()
        fw, codes = r.framework, set(r.plan.codes)
        nodes = [c for c in fw.preorder() if not fw.is_leaf(c) and c in codes]
        old = self.node_combo.currentData()
        self.node_combo.blockSignals(True)
        self.node_combo.clear()
        for c in nodes:
            self.node_combo.addItem(f"{'    ' * fw.level(c)}{c}  {fw.nodes[c].name(self.lang)}", c)
        self.node_combo.setCurrentIndex(max(0, self.node_combo.findData(old)))
        self.node_combo.blockSignals(False)

    def trend(self):
        """core.analysis.trend's Trend of the chosen node over every edition (kept while the results last)."""
        from core.analysis.trend import trend
        er = self.controller.eds.er
        node = self.node_combo.currentData() or None
        if self._trend is None or self._trend[0] is not er or self._trend[1] != node:
            self._trend = (er, node, trend(er, node))
        return self._trend[2]

    # --- drawing -----------------------------------------------------------------------------
    def current_chart(self):
        return self.charts[self.kind.currentIndex()]

    def units_for(self, labels: list[str]) -> list[str]:
        """The cities drawn: the top N of the last of `labels`, or the chosen cities; with the selected one."""
        ranks = self.trend().ranks
        last = {u: ranks[u][labels[-1]] for u in ranks}
        if self.which.currentData() == CHOSEN:
            units = list(self.chosen)
        else:
            ranked = sorted((r, u) for u, r in last.items() if r is not None)
            units = [u for r, u in ranked if r <= self.top_n.value()]
        sel = self.controller.selected
        if sel and sel not in units and sel in ranks and any(ranks[sel][lb] is not None for lb in labels):
            units.append(sel)
        big = len(units) + 1
        return sorted(units, key=lambda u: (last.get(u) if last.get(u) is not None else big, u))

    def render(self) -> None:
        eds = self.controller.eds
        if not eds.active:
            return
        self._show_controls()
        k = self.kind.currentIndex()
        if k in (BUMP, SLOPE):
            chart = self.charts[k]
            self.fill_ranks(chart, k == SLOPE)
            chart.setMinimumHeight(chart.preferred_height())
            self.chosen_label.setText(self.tr("Chosen cities: {0}").format("、".join(self.chosen) or self.tr("none")))
        else:
            self.fill_profile(self.profile, self.controller.selected)

    def fill_ranks(self, chart: BumpChart, slope: bool = False) -> None:
        """The bump chart over every edition, or (`slope`) the slope chart between the two chosen ones."""
        eds = self.controller.eds
        labels = list(eds.labels)
        if slope:
            a, b = self.from_combo.currentText(), self.to_combo.currentText()
            labels = [a, b] if a in labels and b in labels and a != b else labels[-2:]
        units = self.units_for(labels)
        tr = self.trend()
        ranks = {u: [tr.ranks[u][lb] for lb in labels] for u in units}
        r = eds.result(labels[-1])
        root = r.framework.nodes[tr.node].name(self.lang)
        if slope:
            title = self.tr("{0}: {1} → {2}").format(root, labels[0], labels[-1])
        else:
            title = self.tr("{0}: rank by edition").format(root)
        chart.set_data(labels, units, ranks, self.controller.selected, title)
        chart.export_stem = f"slope_{labels[0]}_{labels[-1]}" if slope else "bump"

    def fill_profile(self, chart: EditionProfileChart, unit: str) -> None:
        eds = self.controller.eds
        labels = list(eds.labels)
        r = eds.result(labels[-1])
        fw = r.framework
        dims = list(fw.children[fw.root])
        values = {}
        for lb in labels:
            res = eds.result(lb)
            if unit in res.units:
                i = res.units.index(unit)
                values[lb] = [float(res.scores_array[i, res.plan.codes.index(d)]) if d in res.plan.codes else None
                              for d in dims]
            else:
                values[lb] = [None] * len(dims)
        chart.set_data([fw.nodes[d].name(self.lang) for d in dims], labels, values, r.settings.scale,
                       r.settings.decimals, self.tr("{0}: dimension scores by edition").format(unit))
        chart.export_stem = "profile_by_edition"
        chart.setMinimumHeight(320)

    @property
    def lang(self) -> str:
        return getattr(self.controller, "language", "zh")

    # --- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.node_combo.setToolTip(self.tr("The node whose rank is followed"))
        self.fill_nodes()
        k, w = self.kind.currentIndex(), self.which.currentIndex()
        for combo in (self.kind, self.which):
            combo.blockSignals(True)
        self.kind.clear()
        self.kind.addItems([self.tr("Ranks over the editions"), self.tr("Slope: two editions"),
                            self.tr("City over the editions")])
        self.kind.setCurrentIndex(max(0, k))
        self.which.clear()
        self.which.addItem(self.tr("Top N"), TOP)
        self.which.addItem(self.tr("Chosen cities"), CHOSEN)
        self.which.setCurrentIndex(max(0, w))
        for combo in (self.kind, self.which):
            combo.blockSignals(False)
        self.top_label.setText(self.tr("N:"))
        self.top_n.setToolTip(self.tr("How many of the best cities of the last edition are drawn"))
        self.add_city.setText(self.tr("+ Selected city"))
        self.add_city.setToolTip(self.tr("Add the city selected in the ranking to the chosen cities"))
        self.clear_cities.setText(self.tr("Clear"))
        self.from_label.setText(self.tr("From:"))
        self.to_label.setText(self.tr("To:"))
        self._show_controls()

    def changeEvent(self, ev):
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)
