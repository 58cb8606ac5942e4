"""Chart widgets (pyqtgraph), fed plain data: they never read a project or compute a score.

Every chart is a `BaseChart` (a `pg.PlotWidget`) with one CJK-capable font, a white
background, PNG/SVG export (also from the plot's context menu) and a `unit_clicked(str)`
signal. The panel (`gui.panels.chart_panel`) turns a `Result` into the lists these take.
"""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401  (registers ImageExporter / SVGExporter)
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QSizePolicy

from core.files.atomic import atomic_path

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


def unit_groups(groups, all_units, units) -> tuple[list[str] | None, dict[str, str] | None]:
    """Each of `units`' group (the engine's group column, core.model.dataset.group_column) and a colour
    per group counted over `all_units`: the window's charts and the report's figures colour bars alike."""
    if groups is None or getattr(groups, "empty", True):
        return None, None
    from core.model.dataset import group_column  # pandas: loaded with the project
    col = group_column(groups)
    column = groups[col].reindex(list(all_units))
    colors = group_colors([v for v in column if isinstance(v, str) and v])
    values = groups[col].reindex(list(units))
    return [v if isinstance(v, str) else "" for v in values], colors


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
        self.vb.sigResized.connect(self._axes_follow_view)
        for name in ("left", "bottom"):
            pi.getAxis(name).geometryChanged.connect(self._axes_follow_view)
        self.title_text = ""
        self._title_key: tuple | None = None  # what set_title last drew (unchanged: no relayout)
        self._axis_label_keys: dict[str, tuple] = {}  # the same for each axis label
        self.export_stem = "chart"  # the file name the export dialog suggests
        self.legend: pg.LegendItem | None = None
        self._legend_args: tuple | None = None  # what set_legend last drew, to re-flow it on a resize
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

    def _axes_follow_view(self, *_args) -> None:
        """Redraw the axes' cached pictures afresh when the view or an axis changes size or place.

        An axis that draws grid lines reaches over the whole view, so its bounds change with the view's
        size; pyqtgraph does not tell Qt, and Qt moved the axis's cached pixmap with the axis instead of
        redrawing it: the old tick labels stayed painted over the bars after a resize (at the window's
        first-start size), until something else resized the view. Dropping the cache costs one redraw
        of each axis per resize, not per weight edit (a range change keeps the geometry)."""
        pi = self.getPlotItem()
        for name in ("left", "bottom"):
            ax = pi.getAxis(name)
            mode = ax.cacheMode()
            if mode != QGraphicsItem.CacheMode.NoCache:
                ax.setCacheMode(QGraphicsItem.CacheMode.NoCache)
                ax.setCacheMode(mode)
            ax.prepareGeometryChange()
            ax.picture = None
            ax.update()

    def set_legend(self, entries: list[tuple[str, str]], columns: int | None = None) -> None:
        """A legend row below the plot: (label, colour) pairs, or none when empty."""
        pi = self.getPlotItem()
        if self.legend is not None:
            pi.layout.removeItem(self.legend)
            if self.scene() is not None:
                self.scene().removeItem(self.legend)
            self.legend = None
        self._legend_args = (list(entries), columns)
        if not entries:
            return
        legend = pg.LegendItem(horSpacing=14, verSpacing=0, labelTextColor=TEXT_COLOR, labelTextSize="9pt",
                               colCount=self._legend_fit(entries, columns))
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

    def _legend_fit(self, entries: list[tuple[str, str]], columns: int | None) -> int:
        """As many entries to a row as the chart's width holds (at most `columns`): one long row set
        the plot's minimum width, and a narrow chart (the dock at the window's first-start size) ran off
        its right edge."""
        want = columns or len(entries)
        fm = QFontMetricsF(chart_font(9))
        # an entry: the swatch (20), the label with its item's margins (~22) and the spacing (14)
        entry = max(fm.horizontalAdvance(label) for label, _c in entries) + 56
        room = self.width() - 80.0  # the left axis and the plot's margins
        return max(1, min(want, int(max(1.0, room) // entry)))

    def resizeEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(ev)
        args = getattr(self, "_legend_args", None)
        if args and args[0] and self.legend is not None and self._legend_fit(*args) != self.legend.columnCount:
            self.set_legend(*args)

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
        from gui import dialog_dirs
        path, _ = QFileDialog.getSaveFileName(self, caption, dialog_dirs.start_path(f"{stem}.{kind}"), filters)
        if not path:
            return None
        dialog_dirs.remember(path)
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
            # (a chart being torn down has lost its plot item: nothing to redraw)
            if self._last is not None and self.getPlotItem() is not None:
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
                 scale: float = 100.0, decimals: int = 1, title: str = "", leader_rank: int = 1) -> None:
        """`leader_name`/`leader_scores`: the unit compared with — the leader, or for the leader itself the
        runner-up (`leader_rank` 2), so that no city is compared with itself."""
        self._last = (dim_names, unit_name, unit_scores, average, leader_name, leader_scores, scale, decimals, title,
                      leader_rank)
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
            leader = QCoreApplication.translate("Charts", "Rank {1}: {0}").format(leader_name, leader_rank)
        else:
            leader = QCoreApplication.translate("Charts", "Rank 1")
        self.set_legend([(unit_name, UNIT_COLOR), (QCoreApplication.translate("Charts", "Average"), AVERAGE_COLOR),
                         (leader, LEADER_COLOR)])


def _label_candidates() -> tuple[tuple[float, float, float, float], ...]:
    """Places for a scatter label around its point, in order of preference: beside it (right, left,
    above, below, the diagonals), then on rings further out in 16 directions. Each is the offset of
    the label's anchor from the point, in pixels (y down), and the anchor (0 … 1 of the label's box)
    that keeps the box on the far side of the offset."""
    out = []
    first = (0, 180, 90, 270, 45, 315, 135, 225)
    more = first + (22.5, 337.5, 157.5, 202.5, 67.5, 292.5, 112.5, 247.5)
    for dist, angles in ((8.0, first), (17.0, more), (29.0, more), (43.0, more)):
        for a in angles:
            c, s = math.cos(math.radians(a)), math.sin(math.radians(a))
            out.append((dist * c, -dist * s, 0.5 - 0.5 * max(-1.0, min(1.0, 1.5 * c)),
                        0.5 + 0.5 * max(-1.0, min(1.0, 1.5 * s))))
    return tuple(out)



@dataclass
class _LabelPlaces:
    """The geometry ScatterChart.place_labels computes once per placement: pixel scale and frame origin,
    and per label × candidate: offsets, boxes, free flags, leader-line ends and samples."""
    px: float
    py: float
    sx: float
    sy: float
    x0: float
    y0: float
    cand: np.ndarray
    push: np.ndarray
    rects: np.ndarray
    free: np.ndarray
    ends: np.ndarray
    lines: np.ndarray


class ScatterChart(BaseChart):
    """Units as points: x = one node's score, y = another's; every point labelled."""

    zoomable = True
    # label positions around a point, nearest first: (dx, dy) in pixels (y down) and the text anchor
    CANDIDATES = _label_candidates()
    NEAR = 8  # the first ring (beside the point); the others hang on a leader line

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
    DOT_RADIUS = 5.5  # a point's marker (9 px and its white rim), as labels keep clear of it
    MARKER_RADIUS = 8.5  # the selected unit's larger marker

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
            t.textItem.document().setDocumentMargin(1)  # the box a label claims is its text, not 4 px of air
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
        """Put each label beside its point where it touches no other label, no point and not the
        plot's edge: the selected unit first, then in the order given (the panel passes rank order),
        each at the first free place around its point (further off on a thin leader line that crosses
        no point and no name). A label with no free place is left out — in a dense cluster a missing
        name is better than one that hides a point or another name; every point still names itself
        in its tooltip, and zooming in makes room.

        The points are looked up in a pixel map of the plot (a summed-area table), so a candidate place
        costs the same whether 50 points or 3,000 lie near it."""
        if not self.labels:
            return
        geometry = self._label_places()
        if geometry is not None:
            self._choose_places(geometry)

    def _label_places(self) -> _LabelPlaces | None:
        """Every label's candidate places in frame pixels, and which of them are free of points (the
        label's box and its leader line); None before the view has a size."""
        px, py = self.vb.viewPixelSize()
        if not (px > 0 and py > 0 and np.isfinite(px) and np.isfinite(py)):
            return None
        sx, sy = 1.0 / px, -1.0 / py  # view units → pixels (y up in view, down on screen)
        vr = self.vb.viewRect()
        x0, y0 = vr.left() * sx, vr.bottom() * sy  # the frame's top left, in the same pixels
        pts = np.column_stack([np.asarray(self.x) * sx - x0, np.asarray(self.y) * sy - y0])  # frame pixels
        width, height = vr.width() * sx, vr.height() * -sy
        radius = np.full(len(pts), self.DOT_RADIUS)
        if self.selected in self.units:
            radius[self.units.index(self.selected)] = self.MARKER_RADIUS
        occupied = _dot_map(pts / MAP_CELL, radius / MAP_CELL, width / MAP_CELL, height / MAP_CELL)
        cand = np.array(self.CANDIDATES, dtype=float)  # dx, dy, ax, ay
        labelled = self._labelled
        lab = np.asarray(labelled, dtype=int)
        # the labels' own boxes (the text and its thin margin), which their anchors place
        wh = np.array([(b.width(), b.height()) for b in (t.textItem.boundingRect() for t in self.labels)],
                      dtype=float).reshape(-1, 2)
        # a candidate beside the selected marker starts beyond its larger ring
        push = (radius[lab] - self.DOT_RADIUS)[:, None] * np.sign(cand[None, :, :2].transpose(2, 0, 1))
        left = pts[lab, 0][:, None] + cand[None, :, 0] + push[0] - cand[None, :, 2] * wh[:, :1]
        top = pts[lab, 1][:, None] + cand[None, :, 1] + push[1] - cand[None, :, 3] * wh[:, 1:]
        rects_all = np.stack([left, top, left + wh[:, :1], top + wh[:, 1:]], axis=-1)  # labels × cands × 4
        inside = ((rects_all[..., 0] >= 0) & (rects_all[..., 1] >= 0)
                  & (rects_all[..., 2] <= width) & (rects_all[..., 3] <= height))
        free = inside & ~_any_in(occupied, rects_all / MAP_CELL)  # no point under the label, its own included
        # a leader line runs from the point to the nearest edge of its label, sampled along its length
        ends = np.stack([np.clip(pts[lab, 0][:, None], rects_all[..., 0], rects_all[..., 2]),
                         np.clip(pts[lab, 1][:, None], rects_all[..., 1], rects_all[..., 3])], axis=-1)
        steps = np.linspace(0.0, 1.0, 9)[1:]
        along = ends - pts[lab][:, None, :]
        lines = pts[lab][:, None, None, :] + steps[None, None, :, None] * along[:, :, None, :]
        # samples within its own marker are its own; beside the point there is no line at all
        reach_px = steps[None, None, :] * np.hypot(along[..., 0], along[..., 1])[..., None]
        own = reach_px <= radius[lab][:, None, None] + 1.5
        lines[own] = np.nan
        lines[:, :self.NEAR] = np.nan
        free &= ~_any_at(occupied, lines / MAP_CELL)  # a line through another point would seem to name it
        return _LabelPlaces(px, py, sx, sy, x0, y0, cand, push, rects_all, free, ends, lines)

    def _choose_places(self, g: _LabelPlaces) -> None:
        """Greedy: the selected unit first, then in the given order, each label at its first candidate
        that overlaps no label placed so far and whose line crosses none; a thin leader line when set
        away from the point."""
        labelled = self._labelled
        px, py, sx, sy, x0, y0 = g.px, g.py, g.sx, g.sy, g.x0, g.y0
        cand, push, rects_all, free, ends, lines = g.cand, g.push, g.rects, g.free, g.ends, g.lines
        order = sorted(range(len(labelled)), key=lambda k: self.units[labelled[k]] != self.selected)
        placed = np.empty((len(order), 4))
        n_placed = 0
        drawn = np.empty((0, 2))  # points along the leader lines drawn so far
        segments: list[tuple[float, float]] = []  # leader lines for labels set away from their point
        for j in order:
            t = self.labels[j]
            idx = np.flatnonzero(free[j])  # the places still open, in order of preference
            if idx.size and n_placed:
                idx = idx[~(_overlaps(rects_all[j, idx], placed[:n_placed]) > 0).any(axis=1)]
                idx = idx[~_inside(lines[j, idx], placed[:n_placed])]  # its line through a name
            if idx.size and len(drawn):
                idx = idx[~_covers(rects_all[j, idx], drawn)]  # a name over another's line
            if not idx.size:
                t.setVisible(False)
                continue
            k = int(idx[0])  # the first free candidate: the nearest, in the preferred direction
            i = labelled[j]
            dx, dy, ax, ay = cand[k]
            dx += push[0, j, k]
            dy += push[1, j, k]
            rect = rects_all[j, k]
            placed[n_placed] = rect
            n_placed += 1
            t.setAnchor((ax, ay))
            t.setPos(self.x[i] + dx * px, self.y[i] - dy * py)
            t.setVisible(True)
            if k >= self.NEAR:  # not beside the point: a thin line to the label's near edge
                ex, ey = ends[j, k]
                segments += [(self.x[i], self.y[i]), ((ex + x0) / sx, (ey + y0) / sy)]
                drawn = np.vstack([drawn, lines[j, k][np.isfinite(lines[j, k, :, 0])]])
        if segments:
            xy = np.array(segments, dtype=float)
            self.leaders.setData(x=xy[:, 0], y=xy[:, 1], connect="pairs")
        else:
            self.leaders.setData(x=[], y=[])

    def shown_labels(self) -> list[str]:
        """The units whose names are on the chart now (the others were left out for want of room)."""
        return [t.textItem.toPlainText() for t in self.labels if t.isVisible()]

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


MAP_CELL = 2.0  # pixels per cell of the scatter's map of points (coarse enough to build in ~1 ms)


def _dot_map(pts: np.ndarray, radius: np.ndarray, width: float, height: float) -> np.ndarray:
    """A summed-area table of the cells the points' markers cover (squares of `radius` around `pts`, in
    cells of the frame): the number of covered cells in any box is then four look-ups."""
    w, h = max(1, math.ceil(width)) + 1, max(1, math.ceil(height)) + 1
    grid = np.zeros((h + 1, w + 1), dtype=np.int32)
    if len(pts):
        left = np.clip(np.floor(pts[:, 0] - radius), 0, w).astype(int)
        right = np.clip(np.ceil(pts[:, 0] + radius), 0, w).astype(int)
        top = np.clip(np.floor(pts[:, 1] - radius), 0, h).astype(int)
        bottom = np.clip(np.ceil(pts[:, 1] + radius), 0, h).astype(int)
        keep = (left < right) & (top < bottom)
        for ys, xs, sign in ((top, left, 1), (top, right, -1), (bottom, left, -1), (bottom, right, 1)):
            np.add.at(grid, (ys[keep], xs[keep]), sign)
        np.cumsum(grid, axis=0, out=grid)
        np.cumsum(grid, axis=1, out=grid)  # how many markers cover each pixel
    sat = np.zeros((h + 2, w + 2), dtype=np.int32)
    np.cumsum(grid, axis=0, out=sat[1:, 1:])
    np.cumsum(sat[1:, 1:], axis=1, out=sat[1:, 1:])
    return sat


def _any_in(sat: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """Whether any covered pixel of the map lies in each box (…, 4: left, top, right, bottom)."""
    h, w = sat.shape[0] - 1, sat.shape[1] - 1
    x0 = np.clip(np.floor(rects[..., 0]), 0, w).astype(int)
    x1 = np.clip(np.ceil(rects[..., 2]), 0, w).astype(int)
    y0 = np.clip(np.floor(rects[..., 1]), 0, h).astype(int)
    y1 = np.clip(np.ceil(rects[..., 3]), 0, h).astype(int)
    return (sat[y1, x1] - sat[y0, x1] - sat[y1, x0] + sat[y0, x0]) > 0


def _any_at(sat: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Whether any of the sampled points (…, T, 2; NaN = none) falls on a covered pixel → (…)."""
    h, w = sat.shape[0] - 2, sat.shape[1] - 2
    ok = np.isfinite(points[..., 0]) & np.isfinite(points[..., 1])
    x = np.clip(np.nan_to_num(points[..., 0]), 0, w).astype(int)
    y = np.clip(np.nan_to_num(points[..., 1]), 0, h).astype(int)
    hit = (sat[y + 1, x + 1] - sat[y, x + 1] - sat[y + 1, x] + sat[y, x]) > 0
    return (hit & ok).any(axis=-1)


def _inside(points: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """Whether any of each candidate's points lies strictly inside any rectangle: points (C, T, 2),
    rects (n, 4) → (C,). NaN points (no line) are inside nothing."""
    x, y = points[..., 0][..., None], points[..., 1][..., None]
    hit = (x > rects[:, 0]) & (x < rects[:, 2]) & (y > rects[:, 1]) & (y < rects[:, 3])
    return hit.any(axis=(1, 2))


def _covers(rects: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Whether each rectangle (C, 4) has any of the points (m, 2) strictly inside it → (C,)."""
    x, y = points[None, :, 0], points[None, :, 1]
    return ((x > rects[:, :1]) & (x < rects[:, 2:3]) & (y > rects[:, 1:2]) & (y < rects[:, 3:])).any(axis=1)


def _overlaps(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Overlap areas of every rectangle in `a` with every one in `b`: (left, top, right, bottom) rows."""
    if not len(b):
        return np.zeros((len(a), 1))
    w = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    h = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    return np.clip(w, 0, None) * np.clip(h, 0, None)
