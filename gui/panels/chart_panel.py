"""The chart tabs: ranking, a city's profile, the ranking on any node, a scatter of two nodes, the map.

The panel reads everything from the controller's current `Result` (and statistics from
`core.analysis.summary`); it never computes a score. A new result or selection marks every tab
dirty but re-renders only the visible one — the others render when their tab is shown —
so weight drags stay fast.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.charts.map_chart import MapChart, fill_map
from gui.charts.widgets import (
    BaseChart,
    NodeRankingChart,
    ProfileChart,
    RankingBarChart,
    ScatterChart,
    fmt,
    unit_groups,
)

RANKING, PROFILE, NODE, SCATTER, MAP, EDITIONS = range(6)
TABS = (RANKING, PROFILE, NODE, SCATTER, MAP, EDITIONS)  # EDITIONS: shown with 2+ editions (gui.panels.edition_tab)
EXPORT_SIZE = (1000, 650)


def safe_name(text: str) -> str:
    """A file-name part: characters Windows and POSIX refuse become '_'."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", str(text)).strip("._") or "unit"


class _Tab(QWidget):
    """A row of controls above a chart; long bar lists scroll instead of squashing."""

    def __init__(self, chart: BaseChart, scroll: bool = False):
        super().__init__()
        self.chart = chart
        self.controls = QHBoxLayout()
        self.controls.setContentsMargins(6, 4, 6, 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(self.controls)
        if scroll:
            self.scroll = QScrollArea()
            self.scroll.setWidgetResizable(True)
            self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            self.scroll.setWidget(chart)
            lay.addWidget(self.scroll, 1)
        else:
            self.scroll = None
            lay.addWidget(chart, 1)


class ChartPanel(QWidget):
    """Five chart tabs over the controller's result."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.renders: Counter = Counter()  # renders per tab index (tests, profiling)
        self._dirty: set[int] = set(TABS)

        self.ranking_chart = RankingBarChart()
        self.profile_chart = ProfileChart()
        self.node_chart = NodeRankingChart()
        self.scatter_chart = ScatterChart()
        self.map_chart = MapChart()
        self.charts: list[BaseChart] = [self.ranking_chart, self.profile_chart, self.node_chart,
                                        self.scatter_chart, self.map_chart]

        self._build_ranking_tab()
        self._build_profile_tab()
        self._build_node_tab()
        self._build_scatter_tab()
        self._build_map_tab()

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        from gui.panels.edition_tab import EditionTab
        self.edition_tab = EditionTab(controller)
        self.edition_tab.changed = lambda: self._invalidate(EDITIONS)
        for tab in (self.ranking_tab, self.profile_tab, self.node_tab, self.scatter_tab, self.map_tab,
                    self.edition_tab):
            self.tabs.addTab(tab, "")
        self.tabs.setTabVisible(EDITIONS, False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self._retranslate()

        self._connect(controller)

    def _build_ranking_tab(self) -> None:
        """Ranking: top N, or all."""
        self.ranking_tab = _Tab(self.ranking_chart, scroll=True)
        self.top_label = QLabel()
        self.top_n = QSpinBox()
        self.top_n.setRange(1, 9999)
        self.top_n.setValue(10)
        self.show_all = QCheckBox()
        self.top_label.setBuddy(self.top_n)
        for w in (self.top_label, self.top_n, self.show_all):
            self.ranking_tab.controls.addWidget(w)
        self.ranking_tab.controls.addStretch(1)

    def _build_profile_tab(self) -> None:
        """A city's profile: level 1, or level 2 too."""
        self.profile_tab = _Tab(self.profile_chart)
        self.sub_dims = QCheckBox()
        self.profile_tab.controls.addWidget(self.sub_dims)
        self.profile_tab.controls.addStretch(1)

    def _build_node_tab(self) -> None:
        """The ranking on any internal node, with its own top N / all."""
        self.node_tab = _Tab(self.node_chart, scroll=True)
        self.node_label = QLabel()
        self.node_combo = QComboBox()
        self.node_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.node_label.setBuddy(self.node_combo)
        self.node_top_label = QLabel()
        self.node_top_n = QSpinBox()
        self.node_top_n.setRange(1, 9999)
        self.node_top_n.setValue(10)
        self.node_all = QCheckBox()
        for w in (self.node_label, self.node_combo, self.node_top_label, self.node_top_n, self.node_all):
            self.node_tab.controls.addWidget(w)
        self.node_tab.controls.addStretch(1)

    def _build_scatter_tab(self) -> None:
        """Scatter: the X and Y nodes."""
        self.scatter_tab = _Tab(self.scatter_chart)
        self.x_label = QLabel()
        self.x_combo = QComboBox()
        self.y_label = QLabel()
        self.y_combo = QComboBox()
        for combo, label in ((self.x_combo, self.x_label), (self.y_combo, self.y_label)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            label.setBuddy(combo)
        for w in (self.x_label, self.x_combo, self.y_label, self.y_combo):
            self.scatter_tab.controls.addWidget(w)
        self.scatter_tab.controls.addStretch(1)

    def _build_map_tab(self) -> None:
        """Map: the node that colours the points, and how many are labelled."""
        self.map_tab = _Tab(self.map_chart)
        self.map_label = QLabel()
        self.map_combo = QComboBox()
        self.map_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.map_label.setBuddy(self.map_combo)
        self.map_top_label = QLabel()
        self.map_top_n = QSpinBox()
        self.map_top_n.setRange(0, 9999)
        self.map_top_n.setValue(10)
        self.map_top_label.setBuddy(self.map_top_n)
        for w in (self.map_label, self.map_combo, self.map_top_label, self.map_top_n):
            self.map_tab.controls.addWidget(w)
        self.map_tab.controls.addStretch(1)

    def _connect(self, controller) -> None:
        """The controls mark their tab for redrawing (only the visible tab draws); the
        controller's signals feed every tab."""
        self.tabs.currentChanged.connect(self._tab_changed)
        self.top_n.valueChanged.connect(lambda _v: self._invalidate(RANKING))
        self.show_all.toggled.connect(self._all_toggled)
        self.sub_dims.toggled.connect(lambda _v: self._invalidate(PROFILE))
        self.node_combo.currentIndexChanged.connect(lambda _i: self._invalidate(NODE))
        self.node_top_n.valueChanged.connect(lambda _v: self._invalidate(NODE))
        self.node_all.toggled.connect(self._all_toggled)
        self.x_combo.currentIndexChanged.connect(lambda _i: self._invalidate(SCATTER))
        self.y_combo.currentIndexChanged.connect(lambda _i: self._invalidate(SCATTER))
        self.map_combo.currentIndexChanged.connect(lambda _i: self._invalidate(MAP))
        self.map_top_n.valueChanged.connect(lambda _v: self._invalidate(MAP))
        for chart in self.charts:
            chart.unit_clicked.connect(self._unit_clicked)
        controller.result_changed.connect(self._result_changed)
        controller.selection_changed.connect(self._selection_changed)
        controller.project_changed.connect(self._project_changed)
        if hasattr(controller, "edition_changed"):
            controller.edition_changed.connect(self._result_changed)
        if hasattr(controller, "language_changed"):
            controller.language_changed.connect(self._language_changed)
        if getattr(controller, "result", None) is not None:
            self._project_changed()

    # --- reading the controller ---------------------------------------------------------
    @property
    def lang(self) -> str:
        return getattr(self.controller, "language", "zh")

    @property
    def result(self):
        """The result shown: the edition chosen in the window (controller.view_result), else the result."""
        r = getattr(self.controller, "view_result", None)
        return r if r is not None else getattr(self.controller, "result", None)

    def node_name(self, code: str) -> str:
        return self.result.framework.nodes[code].name(self.lang)

    def _groups(self, units) -> tuple[list[str] | None, dict[str, str] | None]:
        project = getattr(self.controller, "project", None)
        groups = getattr(getattr(project, "data", None), "groups", None)
        return unit_groups(groups, self.result.units, units)

    # --- slots ------------------------------------------------------------------------------
    def _result_changed(self, _result=None) -> None:
        self._invalidate(*TABS)

    def _selection_changed(self, _unit: str = "") -> None:
        self._invalidate(*TABS)

    def _project_changed(self) -> None:
        eds = getattr(self.controller, "eds", None)
        multi = bool(eds is not None and eds.active)
        if multi:
            self.edition_tab.set_editions(eds.labels)
        self.tabs.setTabVisible(EDITIONS, multi)
        self._rebuild_combos()
        n = len(self.result.units) if self.result is not None else 0
        for spin in (self.top_n, self.node_top_n, self.map_top_n):
            spin.setMaximum(max(1, n))
        self._invalidate(*TABS)

    def _language_changed(self, _lang: str = "") -> None:
        self._rebuild_combos()
        self._invalidate(*TABS)

    def _unit_clicked(self, unit: str) -> None:
        if unit:
            self.controller.select_unit(unit)

    def _all_toggled(self, _checked: bool) -> None:
        self.top_n.setEnabled(not self.show_all.isChecked())
        self.node_top_n.setEnabled(not self.node_all.isChecked())
        self._invalidate(RANKING if self.sender() is self.show_all else NODE)

    def _tab_changed(self, index: int) -> None:
        if index in self._dirty:
            self.render_tab(index)

    def _invalidate(self, *tabs: int) -> None:
        self._dirty.update(tabs)
        current = self.tabs.currentIndex()
        if current in self._dirty:
            self.render_tab(current)

    # --- combos ------------------------------------------------------------------------------
    def internal_nodes(self) -> list[str]:
        """Every internal node but the root, in tree order (dimensions and sub-dimensions)."""
        if self.result is None:
            return []
        fw = self.result.framework
        codes = set(self.result.plan.codes)
        return [c for c in fw.preorder() if c != fw.root and not fw.is_leaf(c) and c in codes]

    def _rebuild_combos(self) -> None:
        codes = self.internal_nodes()
        fw = self.result.framework if self.result is not None else None
        dims = [c for c in codes if fw.level(c) == 1] if fw else []
        defaults = {
            self.node_combo: dims[0] if dims else (codes[0] if codes else None),
            self.x_combo: "T" if "T" in codes else (dims[0] if dims else None),
            self.y_combo: "A" if "A" in codes else (dims[1] if len(dims) > 1 else (dims[0] if dims else None)),
        }
        for combo, default in defaults.items():
            old = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for c in codes:
                indent = "    " * (fw.level(c) - 1)
                combo.addItem(f"{indent}{c}  {fw.nodes[c].name(self.lang)}", c)
            keep = old if old in codes else default
            if keep is not None:
                combo.setCurrentIndex(codes.index(keep))
            combo.blockSignals(False)
        # the map: the root (the index) first, then every internal node
        old = self.map_combo.currentData()
        self.map_combo.blockSignals(True)
        self.map_combo.clear()
        if fw is not None:
            for c in [fw.root, *codes]:
                indent = "    " * fw.level(c)
                self.map_combo.addItem(f"{indent}{c}  {fw.nodes[c].name(self.lang)}", c)
            self.map_combo.setCurrentIndex(max(0, self.map_combo.findData(old)))
        self.map_combo.blockSignals(False)

    def set_map_node(self, code: str) -> None:
        self.map_combo.setCurrentIndex(self.map_combo.findData(code))

    def set_scatter_nodes(self, x: str, y: str) -> None:
        self.x_combo.setCurrentIndex(self.x_combo.findData(x))
        self.y_combo.setCurrentIndex(self.y_combo.findData(y))

    def set_node(self, code: str) -> None:
        self.node_combo.setCurrentIndex(self.node_combo.findData(code))

    # --- rendering -----------------------------------------------------------------------------
    def current_chart(self) -> BaseChart:
        if self.tabs.currentIndex() == EDITIONS:
            return self.edition_tab.current_chart()
        return self.charts[self.tabs.currentIndex()]

    def render_tab(self, index: int | None = None) -> None:
        """Render one tab now (default: the visible one) from the controller's result."""
        index = self.tabs.currentIndex() if index is None else index
        self._dirty.discard(index)
        if self.result is None:
            return
        self.renders[index] += 1
        if index == RANKING:
            self.fill_ranking(self.ranking_chart, None if self.show_all.isChecked() else self.top_n.value())
            self._fit(self.ranking_tab)
        elif index == PROFILE:
            self.fill_profile(self.profile_chart, self.controller.selected, 2 if self.sub_dims.isChecked() else 1)
        elif index == NODE:
            code = self.node_combo.currentData()
            if code:
                self.fill_node(self.node_chart, code, None if self.node_all.isChecked() else self.node_top_n.value())
            self._fit(self.node_tab)
        elif index == SCATTER:
            x, y = self.x_combo.currentData(), self.y_combo.currentData()
            if x and y:
                self.fill_scatter(self.scatter_chart, x, y)
        elif index == MAP:
            self.fill_map(self.map_chart, self.map_combo.currentData(), self.map_top_n.value())
        elif index == EDITIONS:
            self.edition_tab.render()

    def _fit(self, tab: _Tab) -> None:
        """Long lists get a chart tall enough for legible rows; the tab scrolls."""
        chart = tab.chart
        chart.setMinimumHeight(chart.preferred_height() if len(chart.units) > 20 else 240)

    def fill_ranking(self, chart: RankingBarChart, top: int | None) -> None:
        r = self.result
        idx, _ranks = r.rank_order()  # units with a score come first
        scores = r.root_scores
        idx = [int(i) for i in idx if np.isfinite(scores[i])]
        idx = idx if top is None else idx[:top]
        units = [r.units[i] for i in idx]
        groups, colors = self._groups(units)
        root = self.node_name(r.framework.root)
        if top is None:
            title = self.tr("{0}: all {1} ranked units").format(root, len(idx))
        else:
            title = self.tr("{0}: top {1}").format(root, len(idx))
        chart.set_data(units, [float(scores[i]) for i in idx], groups, self.controller.selected,
                       r.settings.decimals, title, r.settings.scale, group_color=colors)
        chart.export_stem = "ranking"

    def fill_node(self, chart: RankingBarChart, code: str, top: int | None) -> None:
        from core.analysis import summary as analysis  # imported when a chart first needs it, after the window shows
        r = self.result
        rows = analysis.node_ranking(r, code)
        missing = len(r.units) - len(rows)
        rows = rows if top is None else rows[:top]
        units = [x["unit"] for x in rows]
        groups, colors = self._groups(units)
        name = f"{code} {self.node_name(code)}"
        title = self.tr("Ranking on {0}").format(name) if top is None else \
            self.tr("Ranking on {0}: top {1}").format(name, len(rows))
        if missing:
            title += "<br><span style='font-size:9pt; font-weight:normal'>" + \
                self.tr("%n unit(s) without a score left out", "", missing) + "</span>"
        chart.set_data(units, [x["score"] for x in rows], groups, self.controller.selected, r.settings.decimals,
                       title, r.settings.scale, group_color=colors)
        chart.export_stem = f"node_{safe_name(code)}"

    def fill_profile(self, chart: ProfileChart, unit: str, level: int) -> dict:
        from core.analysis import summary as analysis
        r = self.result
        p = analysis.profile(r, unit, level, self.lang)
        if level == 1:
            title = self.tr("{0}: scores on the dimensions").format(unit)
        else:
            title = self.tr("{0}: scores on the sub-dimensions").format(unit)
        ranks = r.rank_order()[1]
        rank = int(ranks[r.units.index(unit)]) if unit in r.units and np.isfinite(ranks[r.units.index(unit)]) \
            else None
        if rank is not None:
            title += "<br><span style='font-size:9pt; font-weight:normal'>" + self.tr("{0}: {1}, rank {2}").format(
                self.node_name(r.framework.root), fmt(r.scores.loc[unit, r.framework.root], r.settings.decimals),
                rank) + "</span>"
        ref, ref_rank, ref_scores = p["leader_unit"], 1, p["leader"]
        order = r.rank_order()[0]
        if len(order) > 1 and ref == unit:  # the leader is compared with the runner-up, never with itself
            ref = r.units[int(order[1])]
            ref_rank = int(ranks[int(order[1])])
            ref_scores = analysis.profile(r, ref, level, self.lang)["unit"]
        chart.set_data(p["names"], unit, p["unit"], p["average"], ref, ref_scores, r.settings.scale,
                       r.settings.decimals, title, leader_rank=ref_rank)
        chart.export_stem = f"profile_{safe_name(unit)}" + ("" if level == 1 else "_sub")
        return p

    def fill_scatter(self, chart: ScatterChart, x: str, y: str) -> dict:
        from core.analysis import summary as analysis
        r = self.result
        c = analysis.node_correlation(r, x, y)
        order = [r.units[int(i)] for i in r.rank_order()[0]]  # labels placed best-first
        s = r.scores[[x, y]].loc[order]  # two columns, not the whole table (thousands of nodes × units)
        xn, yn = f"{x} {self.node_name(x)}", f"{y} {self.node_name(y)}"
        chart.set_data(order, s[x].to_numpy(), s[y].to_numpy(), xn, yn, self.controller.selected, c["pearson"],
                       c["spearman"], self.tr("{0} vs {1}").format(xn, yn), c["n"], r.settings.decimals)
        chart.export_stem = f"scatter_{safe_name(x)}_{safe_name(y)}"
        return c

    def fill_map(self, chart: MapChart, code: str | None, top: int, selection: bool = True) -> dict:
        groups = getattr(getattr(getattr(self.controller, "project", None), "data", None), "groups", None)
        selected = self.controller.selected if selection else ""
        return fill_map(chart, self.result, groups, code, top, selected, self.lang)

    def map_image(self, path: str | Path, width: int = EXPORT_SIZE[0], selection: bool = True) -> Path | None:
        """The map as the tab shows it, drawn offscreen to a PNG (2× `width`), e.g. for the results
        workbook's image sheet; None without a result. `selection=False`: without the ring around the
        city selected in the window (a deliverable does not carry the window's selection)."""
        if self.result is None:
            return None
        chart = MapChart()
        try:
            self.fill_map(chart, self.map_combo.currentData(), self.map_top_n.value(), selection)
            chart.set_export_size(width, chart.preferred_height(width))
            return chart.export_png(path)
        finally:
            chart.deleteLater()

    # --- export --------------------------------------------------------------------------------
    def export_all(self, folder: str | Path, units: list[str] | None = None, nodes: list[str] | None = None,
                   size: tuple[int, int] = EXPORT_SIZE,
                   progress: Callable[[int, int], bool] | None = None) -> list[Path]:
        """Every chart to PNG (2× width) and SVG: the ranking (as the tab shows it), the profile
        of each unit in `units` (default: the selected one) on dimensions and sub-dimensions,
        the ranking on every internal node (or `nodes`), the scatter of the chosen pair, and the map
        (its node and top N as the map tab has them); with two or more editions, the bump chart (as the 历年
        tab chooses its cities). The charts show the edition chosen in the window.

        Charts are drawn on the GUI thread (Qt requires it); `progress(done, total)` is called
        before each chart and may return False to stop early (what was written is returned).
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        if self.result is None:
            return []
        w, h = size
        units = units if units is not None else [u for u in [self.controller.selected] if u]
        nodes = nodes if nodes is not None else self.internal_nodes()
        x, y = self.x_combo.currentData(), self.y_combo.currentData()
        top = None if self.show_all.isChecked() else self.top_n.value()
        ntop = None if self.node_all.isChecked() else self.node_top_n.value()
        ranking, profile, node, scatter = RankingBarChart(), ProfileChart(), NodeRankingChart(), ScatterChart()
        map_chart = MapChart()
        map_code, map_top = self.map_combo.currentData(), self.map_top_n.value()

        def tall(chart: RankingBarChart) -> int:
            return max(h, chart.preferred_height()) if len(chart.units) > 20 else h

        jobs: list[Callable[[], BaseChart]] = [lambda: (self.fill_ranking(ranking, top), ranking)[1]]
        for unit in units:
            for level in (1, 2):
                jobs.append(lambda u=unit, lv=level: (self.fill_profile(profile, u, lv), profile)[1])
        for code in nodes:
            jobs.append(lambda c=code: (self.fill_node(node, c, ntop), node)[1])
        if x and y:
            jobs.append(lambda: (scatter.set_export_size(w, h), self.fill_scatter(scatter, x, y), scatter)[2])
        jobs.append(lambda: (self.fill_map(map_chart, map_code, map_top), map_chart)[1])
        eds = getattr(self.controller, "eds", None)
        bump = None
        if eds is not None and eds.active:  # issue 19: the ranks over the editions, as the 历年 tab has them
            from gui.charts.edition_charts import BumpChart
            bump = BumpChart()
            jobs.append(lambda: (self.edition_tab.fill_ranks(bump), bump)[1])

        def height(chart: BaseChart) -> int:
            if isinstance(chart, RankingBarChart):
                return tall(chart)
            if chart is bump:
                return max(h, bump.preferred_height())
            return chart.preferred_height(w) if isinstance(chart, MapChart) else h

        written: list[Path] = []
        try:
            for done, job in enumerate(jobs):
                if progress is not None and progress(done, len(jobs)) is False:
                    break
                chart = job()
                chart.set_export_size(w, height(chart))
                written.append(chart.export_png(folder / f"{chart.export_stem}.png"))
                written.append(chart.export_svg(folder / f"{chart.export_stem}.svg"))
            else:
                if progress is not None:
                    progress(len(jobs), len(jobs))
        finally:
            for chart in (ranking, profile, node, scatter, map_chart, bump):
                if chart is not None:
                    chart.deleteLater()
        return written

    # --- language ------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.tabs.setTabText(RANKING, self.tr("Ranking"))
        self.tabs.setTabText(PROFILE, self.tr("City profile"))
        self.tabs.setTabText(NODE, self.tr("Node ranking"))
        self.tabs.setTabText(SCATTER, self.tr("Scatter"))
        self.tabs.setTabText(MAP, self.tr("Map"))
        self.tabs.setTabText(EDITIONS, self.tr("Editions"))
        self.map_label.setText(self.tr("Node:"))
        self.map_top_label.setText(self.tr("Top N:"))
        self.map_top_n.setToolTip(self.tr("How many of the best units on the node are labelled"))
        self.top_label.setText(self.tr("Top N:"))
        self.node_top_label.setText(self.tr("Top N:"))
        self.show_all.setText(self.tr("All"))
        self.node_all.setText(self.tr("All"))
        self.sub_dims.setText(self.tr("Sub-dimensions"))
        self.sub_dims.setToolTip(self.tr("Show the second level of the tree instead of the dimensions"))
        self.node_label.setText(self.tr("Node:"))
        self.x_label.setText(self.tr("X:"))
        self.y_label.setText(self.tr("Y:"))

    def changeEvent(self, ev):
        if ev.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._invalidate(*TABS)
        super().changeEvent(ev)

