"""Chart widgets (pyqtgraph), fed plain data: they never read a project or compute a score.

Every chart is a `BaseChart` (a `pg.PlotWidget`) with one CJK-capable font, a white
background, PNG/SVG export (also from the plot's context menu) and a `unit_clicked(str)`
signal. The panel (`gui.chart_panel`) turns a `Result` into the lists these take.
"""

from __future__ import annotations

import contextlib
import math
import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401  (registers ImageExporter / SVGExporter)
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QSizePolicy

from core.atomic import atomic_path

CJK_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei",
                "Source Han Sans SC", "Noto Sans SC", "SimHei")

# a fixed qualitative palette (Tableau 10)
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")
BAR_COLOR = "#4e79a7"
UNIT_COLOR = "#4e79a7"
AVERAGE_COLOR = "#bab0ac"
LEADER_COLOR = "#f28e2b"
HIGHLIGHT = "#fff3c4"  # band behind the selected unit
SELECTED_COLOR = "#d62728"
TEXT_COLOR = "#222222"
MUTED_TEXT = "#555555"

_family: str | None = None
_configured = False


def configure() -> None:
    """pyqtgraph's global look, once: antialiased, white background, dark text."""
    global _configured
    if not _configured:
        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        _configured = True


def chart_family() -> str:
    """The first CJK family Qt knows, else the application's default family."""
    global _family
    if _family is None:
        have = set(QFontDatabase.families())
        _family = next((f for f in CJK_FAMILIES if f in have), QFont().family())
    return _family


def chart_font(size: float = 9, bold: bool = False) -> QFont:
    f = QFont(chart_family())
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def fmt(v: float | None, decimals: int) -> str:
    if v is None or not np.isfinite(v):
        return "–"
    return f"{v:.{decimals}f}"


def group_colors(values) -> dict[str, str]:
    """A stable colour per group value: most frequent group first, then by name."""
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[str(v)] = counts.get(str(v), 0) + 1
    keys = sorted(counts, key=lambda k: (-counts[k], k))
    return {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}


def _is_cjk(text: str) -> bool:
    return " " not in text.strip() and any(ord(ch) > 0x2E80 for ch in text)


def fit_label(text: str, fm: QFontMetricsF, max_px: float, max_lines: int = 3) -> tuple[str, bool]:
    """Wrap a tick label into lines at most `max_px` wide: CJK text into balanced runs of
    characters, other text on word boundaries. Returns (label, whether anything was elided)."""
    if not text:
        return text, False
    max_px = max(max_px, fm.horizontalAdvance("中…"))
    if _is_cjk(text):
        per = max(1, int(max_px // fm.horizontalAdvance("中")))
        n = math.ceil(len(text) / per)
        per = math.ceil(len(text) / n)  # balanced: 7 characters as 4 + 3, not 5 + 2
        lines = [text[i:i + per] for i in range(0, len(text), per)]
    else:
        lines = []
        for word in text.split():
            if lines and fm.horizontalAdvance(lines[-1] + " " + word) <= max_px:
                lines[-1] += " " + word
            else:
                lines.append(word)
    elided = len(lines) > max_lines
    if elided:
        lines = lines[:max_lines]
        lines[-1] = lines[-1] + "…"
    out = []
    for line in lines:
        if fm.horizontalAdvance(line) > max_px:
            line = fm.elidedText(line.rstrip("…"), Qt.TextElideMode.ElideRight, max_px)
            elided = True
        out.append(line)
    return "\n".join(out), elided


def _finite(v) -> bool:
    return v is not None and bool(np.isfinite(v))


class SwatchSample(pg.ItemSample):
    """A filled square for a legend entry (bars have no line or symbol to show)."""

    def __init__(self, color: str, pen: QPen | None = None):
        pg.GraphicsWidget.__init__(self)
        self.item = None
        self._brush = pg.mkBrush(color)
        self._pen = pen or pg.mkPen(QColor(color).darker(130), width=1)
        self.setFixedWidth(20)
        self.setFixedHeight(20)

    def paint(self, p, *args):
        p.setPen(self._pen)
        p.setBrush(self._brush)
        p.drawRect(QRectF(3, 4, 14, 12))

    def mouseClickEvent(self, ev):
        ev.ignore()


class BaseChart(pg.PlotWidget):
    """A plot with the chart font, a white background, export and unit clicks."""

    unit_clicked = Signal(str)
    zoomable = False

    def __init__(self, parent=None):
        configure()
        super().__init__(parent=parent, background="w")
        self.setMinimumSize(320, 240)
        pi = self.getPlotItem()
        pi.setMenuEnabled(False, enableViewBoxMenu=True)  # no log/FFT "plot options" on a bar chart
        self.vb: pg.ViewBox = pi.getViewBox()
        if not self.zoomable:
            self.vb.setMouseEnabled(False, False)
            pi.hideButtons()
        for name in ("left", "bottom"):
            ax = pi.getAxis(name)
            ax.setTickFont(chart_font(9))
            ax.setStyle(hideOverlappingLabels=False)
            ax.setTextPen(pg.mkPen(TEXT_COLOR))
            ax.setPen(pg.mkPen("#888888"))
            ax.label.setFont(chart_font(10))
            # Drawn once into a pixmap and blitted until the axis changes: every repaint of the plot (a
            # weight drag repaints it on each step) otherwise replays all tick texts (~6 ms per axis).
            ax.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        pi.layout.setContentsMargins(8, 6, 16, 6)
        self.title_text = ""
        self._title_key: tuple | None = None  # what set_title last drew (unchanged: no relayout)
        self._axis_label_keys: dict[str, tuple] = {}  # the same for each axis label
        self.export_stem = "chart"  # the file name the export dialog suggests
        self.legend: pg.LegendItem | None = None
        self._export_actions: list[QAction] = []
        self._install_menu()
        self.scene().sigMouseClicked.connect(self._scene_clicked)
        self._last: tuple | None = None  # last set_data arguments, to re-render on language change

    # --- look ------------------------------------------------------------------------
    def set_title(self, text: str) -> None:
        key = (text, chart_family())
        if self._title_key == key:  # unchanged: no relayout, no repaint
            return
        self._title_key = key
        self.title_text = text
        self.getPlotItem().setTitle(text, family=chart_family(), size="11pt", color=TEXT_COLOR)
        self.getPlotItem().titleLabel.item.setFont(chart_font(11))

    def set_axis_label(self, axis: str, text: str) -> None:
        key = (text, chart_family())
        if self._axis_label_keys.get(axis) == key:  # unchanged: the axis keeps its cached picture
            return
        self._axis_label_keys[axis] = key
        ax = self.getPlotItem().getAxis(axis)
        ax.setLabel(text, color=TEXT_COLOR, **{"font-family": chart_family(), "font-size": "10pt"})
        ax.label.setFont(chart_font(10))

    def set_legend(self, entries: list[tuple[str, str]], columns: int | None = None) -> None:
        """A legend row below the plot: (label, colour) pairs, or none when empty."""
        pi = self.getPlotItem()
        if self.legend is not None:
            pi.layout.removeItem(self.legend)
            if self.scene() is not None:
                self.scene().removeItem(self.legend)
            self.legend = None
        if not entries:
            return
        legend = pg.LegendItem(horSpacing=14, verSpacing=0, labelTextColor=TEXT_COLOR, labelTextSize="9pt",
                               colCount=columns or len(entries))
        # pyqtgraph's legend ignores transformations (it floats over a zoomable view); this one sits in the
        # layout and must scale with the rest when exported at 2×
        legend.setFlag(legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
        for label, color in entries:
            legend.addItem(SwatchSample(color), label)
            legend.items[-1][1].item.setFont(chart_font(9))
        legend.updateSize()
        hint = legend.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize)
        legend.setMaximumWidth(hint.width() + 8)
        legend.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        pi.layout.addItem(legend, 4, 1, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.legend = legend

    def legend_labels(self) -> list[str]:
        return [label.text for _s, label in self.legend.items] if self.legend is not None else []

    # --- export ------------------------------------------------------------------------
    @contextlib.contextmanager
    def _uncached(self):
        """Exports draw every item afresh, as vectors (SVG) or at the export's scale (PNG): no cached pixmaps."""
        axes = [self.getPlotItem().getAxis(n) for n in ("left", "bottom")]
        modes = [a.cacheMode() for a in axes]
        for a in axes:
            a.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        try:
            yield
        finally:
            for a, m in zip(axes, modes):
                a.setCacheMode(m)

    def export_png(self, path: str | Path, scale: float = 2) -> Path:
        """PNG at `scale` × the widget's width (an integer), on an opaque white background."""
        with self._uncached():
            return self._export_png(Path(path), scale)

    def _export_png(self, path: Path, scale: float) -> Path:
        self.prepare_export()
        ex = pg.exporters.ImageExporter(self.getPlotItem())
        params = ex.parameters()
        params["background"] = QColor("white")
        params["antialias"] = True
        params["width"] = int(round(self.width() * scale))  # the height follows the aspect ratio
        with atomic_path(path, suffix_last=True) as tmp:  # Qt picks the format by the suffix
            ex.export(str(tmp))
            if tmp.stat().st_size == 0:
                raise OSError(f"the chart could not be drawn to {path.name}")
        return path

    def export_svg(self, path: str | Path) -> Path:
        """Vector output: pyqtgraph's SVGExporter, or Qt's own generator where pyqtgraph 0.14.0
        cannot parse the closed paths ('… Z') that Qt 6 writes (pyqtgraph issue #3495)."""
        path = Path(path)
        with self._uncached():
            self.prepare_export()
            with atomic_path(path, suffix_last=True) as tmp:
                try:
                    pg.exporters.SVGExporter(self.getPlotItem()).export(str(tmp))
                except ValueError:
                    self._export_svg_qt(tmp)
                if tmp.stat().st_size == 0:
                    raise OSError(f"the chart could not be drawn to {path.name}")
        return path

    def _export_svg_qt(self, path: Path) -> None:
        src = self.getPlotItem().sceneBoundingRect()
        w, h = max(1, math.ceil(src.width())), max(1, math.ceil(src.height()))
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(QSize(w, h))
        gen.setResolution(max(1, self.logicalDpiX()))  # as on screen: QPicture-drawn bars scale by DPI
        gen.setViewBox(QRectF(0, 0, w, h))
        gen.setTitle(re.sub(r"<[^>]+>", " ", self.title_text).strip())
        gen.setDescription("CityIndex Studio")
        painter = QPainter(gen)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(QRectF(0, 0, w, h), QColor("white"))
            self.scene().render(painter, QRectF(0, 0, w, h), src)
        finally:
            painter.end()

    def export_dialog(self, kind: str) -> Path | None:
        stem = self.export_stem or "chart"
        if kind == "svg":
            caption = QCoreApplication.translate("Charts", "Export SVG")
            filters = QCoreApplication.translate("Charts", "SVG image (*.svg)")
        else:
            caption = QCoreApplication.translate("Charts", "Export PNG")
            filters = QCoreApplication.translate("Charts", "PNG image (*.png)")
        path, _ = QFileDialog.getSaveFileName(self, caption, f"{stem}.{kind}", filters)
        if not path:
            return None
        suffix = "." + kind
        if not path.lower().endswith(suffix):
            path += suffix
        return self.export_svg(path) if kind == "svg" else self.export_png(path)

    def _install_menu(self) -> None:
        menu = self.vb.menu
        if menu is None:
            return
        png = QAction(self)
        png.triggered.connect(lambda: self.export_dialog("png"))
        svg = QAction(self)
        svg.triggered.connect(lambda: self.export_dialog("svg"))
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, png)
        menu.insertAction(first, svg)
        menu.insertSeparator(first)
        self._export_actions = [png, svg]
        self._retranslate_menu()

    def _retranslate_menu(self) -> None:
        if self._export_actions:
            self._export_actions[0].setText(QCoreApplication.translate("Charts", "Export PNG…"))
            self._export_actions[1].setText(QCoreApplication.translate("Charts", "Export SVG…"))

    # --- rendering hooks -------------------------------------------------------------------
    def set_export_size(self, width: int, height: int) -> None:
        """Size a chart that is never shown (for export): lay the plot out at that size now."""
        self.resize(width, height)
        self.resizeEvent(None)
        self.prepare_export()

    def prepare_export(self) -> None:
        """Settle pending layout (titles, axis labels and legends change the plot's geometry;
        a hidden chart gets no event loop turn to lay itself out)."""
        self.getPlotItem().layout.activate()

    def changeEvent(self, ev):
        if ev.type() == QEvent.Type.LanguageChange:
            self._retranslate_menu()
            if self._last is not None:
                self.set_data(*self._last)
        super().changeEvent(ev)

    def _scene_clicked(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton or ev.double():
            return
        unit = self.unit_at(ev.scenePos())
        if unit:
            ev.accept()
            self.unit_clicked.emit(unit)

    def unit_at(self, scene_pos: QPointF) -> str:
        """The unit under a scene position ('' = none)."""
        return ""


class RankingBarChart(BaseChart):
    """Horizontal bars in rank order, best at the top; bars coloured by group."""

    ROW_PX = 24  # preferred pixels per bar when the chart may grow (long lists)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.units: list[str] = []
        self.scores: list[float] = []
        self.groups: list[str] | None = None
        self.selected = ""
        self.decimals = 1
        self.vb.invertY(True)
        pi = self.getPlotItem()
        pi.showGrid(x=True, y=False, alpha=0.18)
        pi.getAxis("left").setStyle(tickLength=0)
        pi.getAxis("bottom").setStyle(maxTickLevel=1)
        self.band = pg.BarGraphItem(x0=[0], y=[0], height=[0.96], width=[0], brush=HIGHLIGHT, pen=None)
        self.band.setZValue(-10)
        self.band.setVisible(False)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.68, width=[], brush=BAR_COLOR)
        pi.addItem(self.band)
        pi.addItem(self.bars)
        self.labels: list[pg.TextItem] = []

    def preferred_height(self, n: int | None = None) -> int:
        n = len(self.units) if n is None else n
        return int(max(360, n * self.ROW_PX + 150))

    def set_data(self, units, scores, groups=None, selected: str = "", decimals: int = 1, title: str = "",
                 scale: float = 100.0, group_color: dict[str, str] | None = None) -> None:
        units = [str(u) for u in units]
        scores = [float(s) for s in scores]
        self._last = (units, scores, groups, selected, decimals, title, scale, group_color)
        self.units, self.scores, self.selected, self.decimals = units, scores, selected, decimals
        self.groups = [str(g) if g is not None else "" for g in groups] if groups is not None else None
        n = len(units)
        ys = np.arange(n, dtype=float)
        colors = group_color or (group_colors(self.groups) if self.groups else {})
        brushes = [pg.mkBrush(colors.get(g, BAR_COLOR)) for g in self.groups] if self.groups else \
            [pg.mkBrush(BAR_COLOR)] * n
        pens = [pg.mkPen("#111111", width=2.2) if u == selected else pg.mkPen(None) for u in units]
        self.bars.setOpts(x0=np.zeros(n), y=ys, height=0.68, width=np.array(scores), brushes=brushes, pens=pens)

        pi = self.getPlotItem()
        for t in self.labels:
            pi.removeItem(t)
        self.labels = []
        for i, s in enumerate(scores):
            t = pg.TextItem(fmt(s, decimals), color=TEXT_COLOR, anchor=(-0.08, 0.5) if s >= 0 else (1.08, 0.5))
            t.setFont(chart_font(9, bold=units[i] == selected))
            t.setPos(s, i)
            pi.addItem(t)
            self.labels.append(t)

        lo = min([0.0, *scores])
        hi = max([0.0, *scores])
        span = (hi - lo) or scale or 1.0
        x_min, x_max = lo - (0.12 * span if lo < 0 else 0), hi + 0.13 * span
        self.band.setVisible(selected in units)
        if selected in units:  # exactly the visible width: SVG output does not clip to the view
            self.band.setOpts(x0=[x_min], y=[units.index(selected)], height=[0.96], width=[x_max - x_min])
        self.vb.setXRange(x_min, x_max, padding=0)
        self.vb.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
        pi.getAxis("left").setTicks([[(i, u) for i, u in enumerate(units)], []])
        self.set_title(title)
        if self.groups:
            present = [g for g in colors if g in set(self.groups)]
            self.set_legend([(g, colors[g]) for g in present])
        else:
            self.set_legend([])

    def unit_at(self, scene_pos: QPointF) -> str:
        if not self.units:
            return ""
        left = self.getPlotItem().getAxis("left")
        if not (self.vb.sceneBoundingRect().contains(scene_pos) or left.sceneBoundingRect().contains(scene_pos)):
            return ""
        y = self.vb.mapSceneToView(scene_pos).y()
        i = int(round(y))
        if 0 <= i < len(self.units) and abs(y - i) <= 0.45:
            return self.units[i]
        return ""

    def bar_center(self, unit: str) -> QPointF:
        """Scene position of the middle of a unit's bar (for tests and tooltips)."""
        i = self.units.index(unit)
        return self.vb.mapViewToScene(QPointF(self.scores[i] / 2, i))


class NodeRankingChart(RankingBarChart):
    """The ranking on any node of the tree: the same bars, fed that node's scores."""


class ProfileChart(BaseChart):
    """One unit on each dimension beside the average and the leader (grouped bars)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        pi = self.getPlotItem()
        pi.showGrid(x=False, y=True, alpha=0.18)
        pi.getAxis("bottom").setStyle(tickLength=0)
        pi.getAxis("left").setStyle(maxTickLevel=1)
        self.series: dict[str, pg.BarGraphItem] = {}
        for key, color in (("unit", UNIT_COLOR), ("average", AVERAGE_COLOR), ("leader", LEADER_COLOR)):
            item = pg.BarGraphItem(x=[], height=[], width=0.26, brush=color, pen=pg.mkPen(None))
            pi.addItem(item)
            self.series[key] = item
        self.labels: list[pg.TextItem] = []
        self.values: dict[str, list[float | None]] = {}
        self.dim_names: list[str] = []
        self.unit_name = ""
        self.vb.sigResized.connect(self._update_ticks)

    def _update_ticks(self, *_args) -> None:
        """Dimension names under their bars, wrapped to the room each has (a smaller font when
        a word would not fit); re-done when the chart is resized."""
        n = len(self.dim_names)
        if not n:
            return
        room = self.vb.width() / n - 6
        for size in (9, 8):
            font = chart_font(size)
            fm = QFontMetricsF(font)
            fitted = [fit_label(d, fm, room) for d in self.dim_names]
            if not any(e for _t, e in fitted):
                break
        ticks = [(i, t) for i, (t, _e) in enumerate(fitted)]
        bottom = self.getPlotItem().getAxis("bottom")
        bottom.setTickFont(font)
        bottom.setTicks([ticks, []])
        lines = max(t.count("\n") + 1 for _i, t in ticks)
        height = int(fm.lineSpacing() * lines + 14)
        if bottom.height() != height:
            bottom.setHeight(height)

    def set_data(self, dim_names, unit_name: str, unit_scores, average, leader_name: str, leader_scores,
                 scale: float = 100.0, decimals: int = 1, title: str = "") -> None:
        self._last = (dim_names, unit_name, unit_scores, average, leader_name, leader_scores, scale, decimals, title)
        self.dim_names, self.unit_name = list(dim_names), unit_name
        n = len(self.dim_names)
        self.values = {"unit": list(unit_scores), "average": list(average), "leader": list(leader_scores)}
        w = 0.26
        xs = np.arange(n, dtype=float)
        for off, key in ((-w, "unit"), (0.0, "average"), (w, "leader")):
            vals = self.values[key]
            ok = [i for i in range(n) if _finite(vals[i])]
            self.series[key].setOpts(x=xs[ok] + off, height=np.array([vals[i] for i in ok], dtype=float), width=w)

        pi = self.getPlotItem()
        for t in self.labels:
            pi.removeItem(t)
        self.labels = []
        # every bar labelled when there is room, else the unit's bars only
        labelled = (("unit", -w), ("average", 0.0), ("leader", w)) if n <= 6 else (("unit", -w),)
        for key, off in labelled:
            for i, v in enumerate(self.values[key]):
                main = key == "unit"
                t = pg.TextItem(fmt(v, decimals), color=TEXT_COLOR if main else MUTED_TEXT, anchor=(0.5, 1.05))
                t.setFont(chart_font(8.5 if main else 8, bold=main))
                t.setPos(i + off, v if _finite(v) else 0.0)
                pi.addItem(t)
                self.labels.append(t)

        every = [v for vals in self.values.values() for v in vals if _finite(v)]
        lo = min([0.0, *every])
        hi = max([scale, *every])
        self.vb.setYRange(lo, hi * 1.07, padding=0)
        self.vb.setXRange(-0.6, max(n, 1) - 0.4, padding=0)
        self._update_ticks()
        self.set_title(title)
        if leader_name:
            leader = QCoreApplication.translate("Charts", "Rank 1: {0}").format(leader_name)
        else:
            leader = QCoreApplication.translate("Charts", "Rank 1")
        self.set_legend([(unit_name, UNIT_COLOR), (QCoreApplication.translate("Charts", "Average"), AVERAGE_COLOR),
                         (leader, LEADER_COLOR)])


class ScatterChart(BaseChart):
    """Units as points: x = one node's score, y = another's; every point labelled."""

    zoomable = True
    # label positions around a point, nearest first: (dx, dy) in pixels (y down) and the text anchor
    CANDIDATES = tuple((dx * k, dy * k, ax, ay) for k in (1.0, 2.2, 3.6) for dx, dy, ax, ay in (
        (6, 0, 0.0, 0.5), (-6, 0, 1.0, 0.5), (0, -6, 0.5, 1.0), (0, 6, 0.5, 0.0),
        (5, -5, 0.0, 1.0), (5, 5, 0.0, 0.0), (-5, -5, 1.0, 1.0), (-5, 5, 1.0, 0.0)))

    def __init__(self, parent=None):
        super().__init__(parent)
        pi = self.getPlotItem()
        pi.showGrid(x=True, y=True, alpha=0.15)
        self.points = pg.ScatterPlotItem(size=9, pen=pg.mkPen("#ffffff", width=1), brush=pg.mkBrush(BAR_COLOR),
                                         hoverable=True, hoverSize=12, tip=self._tip)
        self.points.sigClicked.connect(self._points_clicked)
        self.marker = pg.ScatterPlotItem(size=14, pen=pg.mkPen("#111111", width=1.5),
                                         brush=pg.mkBrush(SELECTED_COLOR))
        self.marker.setZValue(5)
        self.marker.sigClicked.connect(self._points_clicked)
        self.leaders = pg.PlotCurveItem(pen=pg.mkPen("#9a9a9a", width=0.8), connect="pairs")
        self.leaders.setZValue(0)
        pi.addItem(self.leaders)
        pi.addItem(self.points)
        pi.addItem(self.marker)
        self.labels: list[pg.TextItem] = []
        self._labelled: list[int] = []
        self.units: list[str] = []
        self.x: list[float] = []
        self.y: list[float] = []
        self.selected = ""
        self._x_name = self._y_name = ""
        self._decimals = 1
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self.place_labels)
        self.vb.sigRangeChanged.connect(self._place_timer.start)
        self.vb.sigResized.connect(self._place_timer.start)

    MAX_LABELS = 60

    def set_data(self, units, x, y, x_label: str, y_label: str, selected: str = "", pearson: float | None = None,
                 spearman: float | None = None, title: str = "", n: int | None = None, decimals: int = 1) -> None:
        last = getattr(self, "_last", None)
        if last is not None and _same_scatter(last, (units, x, y, x_label, y_label, selected, pearson, spearman,
                                                     title, n, decimals)):
            return  # e.g. a dimension's share moved: the two dimensions' scores did not (nothing to redraw)
        axes_changed = last is None or (last[3], last[4]) != (x_label, y_label)
        self._last = (units, x, y, x_label, y_label, selected, pearson, spearman, title, n, decimals)
        self._decimals = decimals
        keep = [i for i in range(len(units)) if _finite(x[i]) and _finite(y[i])]
        self.units = [str(units[i]) for i in keep]
        self.x = [float(x[i]) for i in keep]
        self.y = [float(y[i]) for i in keep]
        self.selected = selected
        self._x_name, self._y_name = x_label, y_label
        self.points.setData(x=self.x, y=self.y, data=self.units)
        if selected in self.units:
            k = self.units.index(selected)
            self.marker.setData(x=[self.x[k]], y=[self.y[k]], data=[selected])
        else:
            self.marker.setData(x=[], y=[], data=[])

        pi = self.getPlotItem()
        # Label the first MAX_LABELS units in the order given (the panel passes rank order) and the
        # selected one; with thousands of units, labels would be unreadable and slow. Every point
        # still has its tooltip.
        self._labelled = [i for i, u in enumerate(self.units) if i < self.MAX_LABELS or u == selected]
        while len(self.labels) > len(self._labelled):  # text items are reused: a weight drag re-renders often
            pi.removeItem(self.labels.pop())
        while len(self.labels) < len(self._labelled):
            t = pg.TextItem("", anchor=(0, 0.5))
            pi.addItem(t)
            self.labels.append(t)
        plain, bold = chart_font(8), chart_font(9.5, bold=True)
        for t, u in zip(self.labels, [self.units[i] for i in self._labelled]):
            sel = u == selected
            t.setText(u, color=SELECTED_COLOR if sel else MUTED_TEXT)
            t.setFont(bold if sel else plain)
            t.setZValue(6 if sel else 1)

        self.set_axis_label("bottom", x_label)
        self.set_axis_label("left", y_label)
        stats = []
        if pearson is not None:
            stats.append(QCoreApplication.translate("Charts", "Pearson r = {0}").format(f"{pearson:.3f}"))
        if spearman is not None:
            stats.append(QCoreApplication.translate("Charts", "Spearman ρ = {0}").format(f"{spearman:.3f}"))
        stats.append(QCoreApplication.translate("Charts", "n = {0}").format(len(self.units) if n is None else n))
        line2 = "&nbsp;&nbsp;&nbsp;".join(stats)
        self.set_title(f"{title}<br><span style='font-size:9.5pt; font-weight:normal'>{line2}</span>"
                       if title else line2)
        self.fit_range(force=axes_changed)
        self.place_labels()
        self._place_timer.stop()  # the range change above asked for a second placement: not needed

    def fit_range(self, force: bool = False) -> None:
        """Frame the points with 8 % padding. While weights move, the frame stays put as long as every
        point is inside it and the points still fill most of it (60 % each way): the points move and
        the axes do not jump with every step of a drag. New axes, or `force`, frame them afresh."""
        if not self.x:
            return
        x, y = np.asarray(self.x), np.asarray(self.y)
        x0, x1, y0, y1 = float(x.min()), float(x.max()), float(y.min()), float(y.max())
        dx, dy = (x1 - x0) or 1.0, (y1 - y0) or 1.0
        # room for a label beside the outermost points (else it is cut off at the plot's edge)
        label_px = max((t.textItem.boundingRect().width() for t in self.labels), default=0.0) + 24  # + the far ring
        width_px = max(self.vb.width(), 4 * label_px, 200.0)
        px = min(0.5 * dx, label_px * dx / (width_px - 2 * label_px))
        want = (x0 - max(0.08 * dx, px), x1 + max(0.08 * dx, px), y0 - 0.08 * dy, y1 + 0.08 * dy)
        if not force:
            (vx0, vx1), (vy0, vy1) = self.vb.viewRange()
            inside = vx0 <= x0 and x1 <= vx1 and vy0 <= y0 and y1 <= vy1
            filled = (want[1] - want[0]) >= 0.6 * (vx1 - vx0) and (want[3] - want[2]) >= 0.6 * (vy1 - vy0)
            if inside and filled:
                return
        self.vb.setRange(xRange=want[:2], yRange=want[2:], padding=0)

    def prepare_export(self) -> None:
        super().prepare_export()
        self.fit_range(force=True)
        self.place_labels()

    def place_labels(self) -> None:
        """Put each label beside its point where it covers the fewest other labels and points
        (the selected unit first, then in the order given — the panel passes rank order)."""
        if not self.labels:
            return
        px, py = self.vb.viewPixelSize()
        if not (px > 0 and py > 0 and np.isfinite(px) and np.isfinite(py)):
            return
        sx, sy = 1.0 / px, -1.0 / py  # view units → pixels (y up in view, down on screen)
        pts = np.column_stack([np.asarray(self.x) * sx, np.asarray(self.y) * sy])
        r = 5.0
        dots = np.column_stack([pts - r, pts + r])  # the points as (left, top, right, bottom)
        vr = self.vb.viewRect()
        frame = np.array([[vr.left() * sx, vr.bottom() * sy, vr.right() * sx, vr.top() * sy]])
        cand = np.array(self.CANDIDATES, dtype=float)  # dx, dy, ax, ay
        ring = 4.0 * (np.arange(len(cand)) // 8)  # a small price for standing further off
        labelled = self._labelled
        order = sorted(range(len(labelled)), key=lambda k: self.units[labelled[k]] != self.selected)
        placed = np.empty((len(order), 4))
        segments: list[tuple[float, float]] = []  # leader lines for labels set away from their point
        # the labels' own boxes (the text and its margins), which their anchors place
        boxes = [self.labels[j].textItem.boundingRect() for j in range(len(labelled))]
        sizes = [(b.width(), b.height()) for b in boxes]
        wh = np.array(sizes, dtype=float).reshape(-1, 2)
        lab = np.asarray(labelled, dtype=int)
        left = pts[lab, 0][:, None] + cand[None, :, 0] - cand[None, :, 2] * wh[:, :1]
        top = pts[lab, 1][:, None] + cand[None, :, 1] - cand[None, :, 3] * wh[:, 1:]
        rects_all = np.stack([left, top, left + wh[:, :1], top + wh[:, 1:]], axis=-1)  # labels × cands × 4
        flat = rects_all.reshape(-1, 4)
        # each label's candidates against the points near it (thousands of units: most are far away)
        on_dots = np.zeros((len(lab), len(cand)))
        reach = np.column_stack([rects_all[:, :, 0].min(axis=1), rects_all[:, :, 1].min(axis=1),
                                 rects_all[:, :, 2].max(axis=1), rects_all[:, :, 3].max(axis=1)])
        for j in range(len(lab)):
            near = ((dots[:, 2] > reach[j, 0]) & (dots[:, 0] < reach[j, 2])
                    & (dots[:, 3] > reach[j, 1]) & (dots[:, 1] < reach[j, 3]))
            near[lab[j]] = False  # a label may touch its own point
            if near.any():
                on_dots[j] = _overlaps(rects_all[j], dots[near]).sum(axis=1)
        base_cost = (on_dots + ring[None, :]
                     + 4 * (wh[:, :1] * wh[:, 1:] - _overlaps(flat, frame)[:, 0].reshape(len(lab), len(cand))))
        for n_placed, j in enumerate(order):
            t = self.labels[j]
            i = labelled[j]
            rects = rects_all[j]
            cost = base_cost[j] + 3 * _overlaps(rects, placed[:n_placed]).sum(axis=1)
            zero = np.flatnonzero(cost <= 1e-9)
            k = int(zero[0]) if zero.size else int(np.argmin(cost))
            dx, dy, ax, ay = cand[k]
            placed[n_placed] = rects[k]
            t.setAnchor((ax, ay))
            t.setPos(self.x[i] + dx * px, self.y[i] - dy * py)
            if abs(dx) + abs(dy) > 8:  # not beside the point: draw a thin line to the label's near edge
                ex = min(max(pts[i, 0], rects[k, 0]), rects[k, 2])
                ey = min(max(pts[i, 1], rects[k, 1]), rects[k, 3])
                segments += [(self.x[i], self.y[i]), (ex / sx, ey / sy)]
        if segments:
            xy = np.array(segments, dtype=float)
            self.leaders.setData(x=xy[:, 0], y=xy[:, 1], connect="pairs")
        else:
            self.leaders.setData(x=[], y=[])

    def _tip(self, x, y, data) -> str:
        return f"{data}\n{self._x_name}: {x:.{self._decimals}f}\n{self._y_name}: {y:.{self._decimals}f}"

    def _points_clicked(self, _item, points, *args) -> None:
        if len(points):
            self.unit_clicked.emit(str(points[0].data()))

    def unit_at(self, scene_pos: QPointF) -> str:
        return ""  # points report their own clicks


def _same_scatter(a: tuple, b: tuple) -> bool:
    """Whether two ScatterChart.set_data argument tuples draw the same points with the same labels.

    The units come in rank order, which a weight edit reshuffles even when the two nodes' scores stay
    put (a dimension's share moved): the same points in another order are the same chart, as long as
    the same units are labelled (all of them, or the same first MAX_LABELS)."""
    if len(a) != len(b) or a[3:] != b[3:] or len(a[0]) != len(b[0]):
        return False
    ua, ub = [str(u) for u in a[0]], [str(u) for u in b[0]]
    if ua != ub:
        if sorted(ua) != sorted(ub) or len(set(ua)) != len(ua):
            return False
        if len(ua) > ScatterChart.MAX_LABELS and set(ua[:ScatterChart.MAX_LABELS]) != set(ub[:ScatterChart.MAX_LABELS]):
            return False
    pos = {u: i for i, u in enumerate(ub)}
    take = np.array([pos[u] for u in ua], dtype=int)
    for u, v in ((a[1], b[1]), (a[2], b[2])):
        u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
        if u.shape != v.shape or not np.array_equal(u, v[take], equal_nan=True):
            return False
    return True


def _overlaps(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Overlap areas of every rectangle in `a` with every one in `b`: (left, top, right, bottom) rows."""
    if not len(b):
        return np.zeros((len(a), 1))
    w = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    h = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    return np.clip(w, 0, None) * np.clip(h, 0, None)
