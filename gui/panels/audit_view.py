"""The statistical audit as the user sees it (the 统计审计 tab of the analysis panel).

Everything shown comes from `core.analysis.audit` (the view never computes a statistic):
- per internal node: k, n, Cronbach's alpha (raw and standardised; alpha-if-deleted in the
  tooltip), the first principal component's share (all eigenvalues in the tooltip) and the
  children that correlate negatively, weakly or undefinedly with it, flagged in colour;
- a heatmap of the indicators' correlations (diverging colours, −1 blue … +1 red), indicators
  grouped by dimension with separators; hovering a cell names the pair and its r;
- each indicator's skew, kurtosis and the outlier rule's verdict, with what treatment did.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsRectItem,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui.charts.uncertainty_chart import code_name_label
from gui.charts.widgets import TEXT_COLOR, BaseChart, chart_font

translate = QCoreApplication.translate

NEGATIVE_BG = QColor("#f6c9c9")
WEAK_BG = QColor("#fde3b8")
UNDEFINED_BG = QColor("#e4e4e4")
FAIL_BG = QColor("#fde3b8")
DIVERGING = ("#2166ac", "#92c5de", "#f7f7f7", "#f4a582", "#b2182b")  # −1 … +1 (ColorBrewer RdBu)
NAN_COLOR = "#d9d9d9"


def diverging_map() -> pg.ColorMap:
    return pg.ColorMap(pos=np.linspace(0.0, 1.0, len(DIVERGING)), color=[QColor(c) for c in DIVERGING])


def fmt_num(v, decimals: int = 3) -> str:
    return "–" if v is None or not np.isfinite(v) else f"{v:.{decimals}f}"


class SortItem(QTableWidgetItem):
    """A table cell that sorts by a key of its own (numbers as numbers, missing last)."""

    def __init__(self, text: str, key=None):
        super().__init__(text)
        self.key = key
        self.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)

    def __lt__(self, other):
        a, b = self.key, getattr(other, "key", None)
        if a is None or b is None or isinstance(a, str) != isinstance(b, str):
            if isinstance(a, str) and isinstance(b, str):
                return a < b
            return (a is None, str(a)) < (b is None, str(b))
        if isinstance(a, float) and math.isnan(a):
            return False
        if isinstance(b, float) and math.isnan(b):
            return True
        return a < b


def make_table(headers: int) -> QTableWidget:
    t = QTableWidget(0, headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setVisible(False)
    t.verticalHeader().setDefaultSectionSize(22)
    t.horizontalHeader().setHighlightSections(False)
    t.setWordWrap(False)
    return t


def right(item: QTableWidgetItem) -> QTableWidgetItem:
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class CorrelationHeatmap(BaseChart):
    """The indicators' correlation matrix, grouped by dimension; hover names the pair and r."""

    hovered = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.codes: list[str] = []
        self.names: dict[str, str] = {}
        self.matrix = np.zeros((0, 0))
        self.groups: list[tuple[str, int, int]] = []
        self.hover_text = ""
        self.export_stem = "correlations"
        self.vb.invertY(True)
        pi = self.getPlotItem()
        pi.getAxis("bottom").setStyle(tickLength=0)
        pi.getAxis("left").setStyle(tickLength=0)
        self.cmap = diverging_map()
        self.back = QGraphicsRectItem(0, 0, 0, 0)
        self.back.setBrush(QBrush(QColor(NAN_COLOR)))
        self.back.setPen(pg.mkPen(None))
        self.back.setZValue(-5)
        self.vb.addItem(self.back)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(self.cmap.getLookupTable(0.0, 1.0, 256))
        pi.addItem(self.image)
        self.separators = pg.PlotCurveItem(pen=pg.mkPen("#222222", width=1.2), connect="pairs")
        self.separators.setZValue(3)
        pi.addItem(self.separators)
        self.colorbar = pg.ColorBarItem(values=(-1.0, 1.0), colorMap=self.cmap, interactive=False, width=14,
                                        colorMapMenu=False)
        self.colorbar.setImageItem(self.image, insert_in=pi)
        self.colorbar.axis.setTickFont(chart_font(8))
        self.colorbar.axis.setTextPen(pg.mkPen(TEXT_COLOR))
        self.image.setLevels((-1.0, 1.0))
        self.vb.sigResized.connect(self._update_ticks)
        self.scene().sigMouseMoved.connect(self._hover)

    def set_data(self, codes, matrix, groups, names: dict[str, str] | None = None, title: str = "") -> None:
        """`matrix` k × k (NaN = undefined) in the order of `codes`; `groups`: (label, start, end)
        index ranges of consecutive codes (the dimensions)."""
        self._last = (codes, matrix, groups, names, title)
        self.codes = [str(c) for c in codes]
        self.names = dict(names or {})
        self.matrix = np.array(matrix, dtype=float).reshape(len(self.codes), len(self.codes))
        self.groups = list(groups)
        k = len(self.codes)
        self.image.setImage(self.matrix, levels=(-1.0, 1.0), autoLevels=False)
        self.image.setRect(QRectF(-0.5, -0.5, k, k))
        self.back.setRect(QRectF(-0.5, -0.5, k, k))
        seg = []
        for _label, start, _end in self.groups[1:]:
            b = start - 0.5
            seg += [(b, -0.5), (b, k - 0.5), (-0.5, b), (k - 0.5, b)]
        if seg:
            xy = np.array(seg, dtype=float)
            self.separators.setData(x=xy[:, 0], y=xy[:, 1], connect="pairs")
        else:
            self.separators.setData(x=[], y=[])
        self.vb.setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, k - 0.5), padding=0.01)
        self.set_title(title)
        self._update_ticks()

    def _update_ticks(self, *_args) -> None:
        k = len(self.codes)
        pi = self.getPlotItem()
        left, bottom = pi.getAxis("left"), pi.getAxis("bottom")
        if not k:
            left.setTicks([[], []])
            bottom.setTicks([[], []])
            return
        px = max(self.vb.height() / k, 1.0)  # rows
        for size in (8.5, 8, 7.5, 7):  # the largest font whose rows fit the cells, else every k-th code
            font = chart_font(size)
            fm = QFontMetricsF(font)
            if fm.height() * 0.85 <= px:
                break
        step = max(1, math.ceil(fm.height() * 0.85 / px))
        left.setTickFont(font)
        left.setTicks([[(i, self.codes[i]) for i in range(0, k, step)], []])
        left.setWidth(int(max(fm.horizontalAdvance(c) for c in self.codes) + 10))
        gfont = chart_font(8.5)
        gfm = QFontMetricsF(gfont)
        ticks = []
        for label, start, end in self.groups:
            room = (end - start) * self.vb.width() / k - 4
            text, _e = code_name_label(label, gfm, room, max_lines=3)
            ticks.append(((start + end - 1) / 2, text))
        bottom.setTickFont(gfont)
        bottom.setTicks([ticks, []])
        lines = max((t.count("\n") + 1 for _x, t in ticks), default=1)
        height = int(gfm.lineSpacing() * lines + 10)
        if bottom.height() != height:
            bottom.setHeight(height)

    def cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        k = len(self.codes)
        if not k or not self.vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.vb.mapSceneToView(scene_pos)
        col, row = int(round(p.x())), int(round(p.y()))
        return (row, col) if 0 <= row < k and 0 <= col < k else None

    def describe(self, row: int, col: int) -> str:
        a, b = self.codes[row], self.codes[col]
        r = self.matrix[row, col]
        na, nb = self.names.get(a, ""), self.names.get(b, "")
        return translate("CorrelationHeatmap", "{0} {1} × {2} {3}: r = {4}").format(
            a, na, b, nb, fmt_num(r, 2) if np.isfinite(r) else translate("CorrelationHeatmap", "undefined"))

    def _hover(self, scene_pos) -> None:
        cell = self.cell_at(scene_pos)
        text = self.describe(*cell) if cell else ""
        if text != self.hover_text:
            self.hover_text = text
            self.hovered.emit(text)
            if text:
                QToolTip.showText(self.mapToGlobal(self.mapFromScene(scene_pos)), text, self)
            else:
                QToolTip.hideText()

    def cell_center(self, row: int, col: int) -> QPointF:
        return self.vb.mapViewToScene(QPointF(col, row))


class AuditView(QWidget):
    """Node table, correlation heatmap and indicator table of one result."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = None
        self.lang = "zh"
        self.audit: dict | None = None
        self.correlations = None

        self.node_title = QLabel()
        self.node_table = make_table(7)
        self.indicator_title = QLabel()
        self.indicator_table = make_table(7)
        self.heatmap = CorrelationHeatmap()
        self.hover_label = QLabel()
        self.hover_label.setMinimumHeight(20)
        self.hover_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.node_title, self.indicator_title):
            f = label.font()
            f.setBold(True)
            label.setFont(f)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(2)
        ll.addWidget(self.heatmap, 1)
        ll.addWidget(self.hover_label)

        def titled(label, table):
            w = QWidget()
            lay = QVBoxLayout(w)
            lay.setContentsMargins(4, 2, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(label)
            lay.addWidget(table, 1)
            return w

        self.tables = QSplitter(Qt.Orientation.Vertical)
        self.tables.addWidget(titled(self.node_title, self.node_table))
        self.tables.addWidget(titled(self.indicator_title, self.indicator_table))
        self.tables.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tables)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([450, 550])
        self.indicator_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.splitter)
        self.heatmap.hovered.connect(self._hovered)
        self._retranslate()

    # --- data ------------------------------------------------------------------------------
    def name(self, code: str) -> str:
        return self.result.framework.nodes[code].name(self.lang)

    def set_result(self, result, lang: str = "zh") -> None:
        """Audit `result` (cheap: tens of milliseconds for 50 × 41) and show it."""
        self.result, self.lang = result, lang
        if result is None:
            self.audit, self.correlations = None, None
            for t in (self.node_table, self.indicator_table):
                t.setRowCount(0)
            self.heatmap.set_data([], np.zeros((0, 0)), [])
            return
        from core.analysis import audit as _audit  # pandas: imported on first use, after the window shows
        self.audit = _audit.audit(result)
        self.correlations = _audit.indicator_correlations(result)
        self._fill_nodes()
        self._fill_indicators()
        self._fill_heatmap()

    def _flag_text(self, child: str, kind: str, r) -> str:
        if kind == "negative":
            return self.tr("{0} negative (r = {1})").format(child, fmt_num(r, 2))
        if kind == "weak":
            return self.tr("{0} weak (r = {1})").format(child, fmt_num(r, 2))
        return self.tr("{0} undefined").format(child)

    def _fill_nodes(self) -> None:
        t = self.node_table
        nodes = self.audit["nodes"]
        fw = self.result.framework
        t.setSortingEnabled(False)
        t.setRowCount(len(nodes))
        for row, (code, a) in enumerate(nodes.items()):
            indent = "  " * fw.level(code)
            node = SortItem(f"{indent}{code}  {self.name(code)}", row)
            node.setToolTip(f"{code} {self.name(code)}")
            node.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            k = right(SortItem(str(a["k"]), a["k"]))
            n = right(SortItem(str(a["n"]), a["n"]))
            alpha = right(SortItem(fmt_num(a["alpha"]), a["alpha"] if a["alpha"] is not None else float("nan")))
            std = a["alpha_standardised"]
            salpha = right(SortItem(fmt_num(std), std if std is not None else float("nan")))
            aid = a.get("alpha_if_deleted") or {}
            if aid:
                lines = [self.tr("Alpha if deleted:")] + [
                    f"  {c}: {fmt_num(v['raw'])}  ({fmt_num(v['standardised'])})" for c, v in aid.items()]
                alpha.setToolTip("\n".join(lines))
                salpha.setToolTip("\n".join(lines))
            share = a["first_share"]
            pc1 = right(SortItem("–" if share is None else f"{100 * share:.1f} %",
                                 share if share is not None else float("nan")))
            if a.get("eigenvalues"):
                pc1.setToolTip(self.tr("Eigenvalues: {0}").format(", ".join(f"{v:.2f}" for v in a["eigenvalues"])))
            flags = a.get("flags") or {}
            cwp = a.get("corr_with_parent") or {}
            text = "; ".join(self._flag_text(c, kind, cwp.get(c)) for c, kind in flags.items())
            flag = SortItem(text or "–", len(flags))
            if flags:
                kinds = set(flags.values())
                bg = NEGATIVE_BG if "negative" in kinds else (WEAK_BG if "weak" in kinds else UNDEFINED_BG)
                flag.setBackground(QBrush(bg))
                node.setBackground(QBrush(bg))
                flag.setToolTip(text)
            for col, item in enumerate((node, k, n, alpha, salpha, pc1, flag)):
                t.setItem(row, col, item)
        t.resizeColumnsToContents()
        t.setColumnWidth(0, min(t.columnWidth(0), 180))
        t.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)

    def _fill_indicators(self) -> None:
        t = self.indicator_table
        figs = self.audit["indicators"]
        t.setSortingEnabled(False)
        t.setRowCount(len(figs))
        s = self.result.settings
        rule = self.tr("The outlier rule: |skew| < {0} or kurtosis < {1}").format(s.skew_limit, s.kurtosis_limit)
        for row, (code, f) in enumerate(figs.items()):
            items = [SortItem(code, row), SortItem(self.name(code), self.name(code)),
                     right(SortItem(str(f["n"]), f["n"])),
                     right(SortItem(fmt_num(f["skew"], 2), f["skew"] if f["skew"] is not None else float("nan"))),
                     right(SortItem(fmt_num(f["kurtosis"], 2),
                                    f["kurtosis"] if f["kurtosis"] is not None else float("nan")))]
            passes = f["passes"]
            if passes is None:
                verdict = SortItem(self.tr("not tested (n < 4)"), 2)
            elif passes:
                verdict = SortItem(self.tr("passes"), 0)
            else:
                verdict = SortItem(self.tr("fails"), 1)
                verdict.setBackground(QBrush(FAIL_BG))
                items[0].setBackground(QBrush(FAIL_BG))
            verdict.setToolTip(rule)
            items.append(verdict)
            items.append(SortItem(self.action_label(f["action"]), f["action"]))
            items[1].setToolTip(f"{code} {self.name(code)}")
            for col, item in enumerate(items):
                t.setItem(row, col, item)
        t.setSortingEnabled(True)
        t.resizeColumnsToContents()  # after sorting is on: the header's arrow needs room too
        t.setColumnWidth(1, min(t.columnWidth(1), 140))

    def action_label(self, action: str) -> str:
        return {"none": self.tr("none"), "winsorised": self.tr("winsorised"), "log": self.tr("log-transformed"),
                "flagged": self.tr("flagged, not treated"), "not_tested": self.tr("not tested")}.get(action, action)

    def dimension_groups(self) -> tuple[list[str], list[tuple[str, int, int]]]:
        """Indicator codes in tree order and their first-level groups (label, start, end)."""
        fw = self.result.framework
        codes = [c for c in fw.leaves if c in self.correlations.columns]
        groups: list[tuple[str, int, int]] = []
        for i, c in enumerate(codes):
            anc = fw.ancestors(c)
            dim = anc[-2] if len(anc) >= 2 else c
            if groups and groups[-1][0] == dim:
                groups[-1] = (dim, groups[-1][1], i + 1)
            else:
                groups.append((dim, i, i + 1))
        return codes, [(f"{d} {self.name(d)}", s, e) for d, s, e in groups]

    def _fill_heatmap(self) -> None:
        codes, groups = self.dimension_groups()
        R = self.correlations.reindex(index=codes, columns=codes).to_numpy(dtype=float)
        names = {c: self.name(c) for c in codes}
        self.heatmap.set_data(codes, R, groups, names, self.tr("Correlations of the indicators"))

    def _hovered(self, text: str) -> None:
        self.hover_label.setText(text or self.tr("Hover over a cell to see the pair and its correlation"))

    # --- language ------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.node_title.setText(self.tr("Internal consistency per node"))
        self.indicator_title.setText(self.tr("Distribution of each indicator"))
        self.node_table.setHorizontalHeaderLabels([
            self.tr("Node"), self.tr("k"), self.tr("n"), self.tr("Alpha"), self.tr("Std. alpha"),
            self.tr("PC1 share"), self.tr("Flags")])
        heads = {1: self.tr("Number of children"), 2: self.tr("Units with every child (listwise)"),
                 3: self.tr("Cronbach's alpha from the covariances"),
                 4: self.tr("Cronbach's alpha from the mean correlation"),
                 5: self.tr("Share of variance of the first principal component"),
                 6: self.tr("Children whose correlation with the node is negative, or weak (|r| < 0.3)")}
        for col, tip in heads.items():
            self.node_table.horizontalHeaderItem(col).setToolTip(tip)
        self.indicator_table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("n"), self.tr("Skew"), self.tr("Kurtosis"),
            self.tr("Outlier rule"), self.tr("Treatment")])
        self._hovered(self.heatmap.hover_text)

    def changeEvent(self, ev):
        if ev.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.result is not None:
                self.set_result(self.result, self.lang)
        super().changeEvent(ev)
