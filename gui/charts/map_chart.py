"""The map of the ranked units (the report's 图1 and 图4), drawn with pyqtgraph.

The bundled boundaries (`core.files.geo`) in an Albers equal-area conic projection (standard
parallels 25°N and 47°N, central meridian 105°E, km): the provinces in a light fill with thin
borders, the national outline, the maritime boundary line, and — as official maps of China
show it — the South China Sea islands in a framed inset in the lower right (「南海诸岛」), so
the main map can stop below Hainan. One point per unit, coloured and sized by its score on
a chosen node (a colour bar says the scale); the top N labelled with name and score, labels
placed greedily so that none overlap, with a leader line when set away from their point.
Hover shows rank and score; a click emits `unit_clicked`. Units the gazetteer does not know
are listed on the map ("未定位: …").

`fill_map(chart, result, groups, code, top, selected, lang)` feeds it from a `Result`; the
chart itself takes plain lists.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from core.files import geo
from gui.charts.widgets import MUTED_TEXT, SELECTED_COLOR, TEXT_COLOR, BaseChart, _overlaps, chart_font, fmt

LAND = "#f4f2ec"
PROVINCE_LINE = "#bdb6a8"
OUTLINE_LINE = "#6f6a60"
FRAME_LINE = "#8a8a8a"
NO_SCORE = "#c8c8c8"
# a sequential scale, light to dark (ColorBrewer YlOrRd, from its third class)
SCALE_COLORS = ("#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026", "#800026")

CROP_LAT = 17.8  # the main map stops just below Hainan; the islands further south are in the inset
INSET_HEIGHT = 0.36  # the inset's height as a share of the main frame's
PAD_KM = 110.0


def color_map() -> pg.ColorMap:
    return pg.ColorMap(np.linspace(0, 1, len(SCALE_COLORS)), [QColor(c) for c in SCALE_COLORS])


class _Shape(pg.GraphicsObject):
    """Rings filled (one even-odd path) or stroked (a path per ring: Qt strokes many small paths
    far faster than one big one when the pen is wider than a pixel, as in a 2× export), with a pen
    of constant width in pixels, also when exported at 2×."""

    def __init__(self, rings: list[np.ndarray], pen: QPen | None = None, brush: QBrush | None = None,
                 parent: QGraphicsItem | None = None):
        super().__init__()
        if parent is not None:
            self.setParentItem(parent)
        self.paths = [_path(rings)] if pen is None else [_path([piece]) for r in rings for piece in _pieces(r)]
        self.pen = pen
        self.brush = brush
        self._bounds = QRectF()
        for path in self.paths:
            self._bounds = self._bounds.united(path.boundingRect())

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, p: QPainter, *_args) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.pen is None:
            p.setPen(Qt.PenStyle.NoPen)
        else:
            pen = QPen(self.pen)
            if self._exportOpts is not False:
                pen.setWidthF(pen.widthF() * float(self._exportOpts.get("resolutionScale", 1.0)))
            p.setPen(pen)
        p.setBrush(self.brush if self.brush is not None else Qt.BrushStyle.NoBrush)
        for path in self.paths:
            p.drawPath(path)


def _pen(color: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    pen.setStyle(style)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _path(rings: list[np.ndarray]) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    if not rings:
        return path
    xy = np.vstack(rings)
    connect = np.ones(len(xy), dtype=bool)
    connect[np.cumsum([len(r) for r in rings]) - 1] = False
    path.addPath(pg.arrayToQPath(xy[:, 0], xy[:, 1], connect=connect))
    return path


def _pieces(ring: np.ndarray, n: int = 200) -> list[np.ndarray]:
    """A long line in overlapping pieces of at most `n` points (round caps hide the joins)."""
    if len(ring) <= n:
        return [ring]
    return [ring[i:i + n + 1] for i in range(0, len(ring) - 1, n)]


class _Clip(QGraphicsRectItem):
    """A rectangle that clips what is drawn inside it (the main map's frame, the inset)."""

    def __init__(self, rect: QRectF, fill: str | None = None):
        super().__init__(rect)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setBrush(QBrush(QColor(fill)) if fill else QBrush(Qt.BrushStyle.NoBrush))


class MapGeometry:
    """The projected map: frames, the inset's transform, and where a lon/lat is drawn."""

    def __init__(self, china: geo.ChinaMap, proj: geo.Albers = geo.albers):
        self.china, self.proj = china, proj
        self.layers: dict[str, list[np.ndarray]] = {}  # projected rings, all (the inset)
        self.main_layers: dict[str, list[np.ndarray]] = {}  # without the small coastal islets (the main map)
        for layer in (geo.OUTLINE, geo.PROVINCE, geo.MARITIME):
            self.layers[layer] = [np.column_stack(proj(r[:, 0], r[:, 1])) for r in china.rings(layer)]
            self.main_layers[layer] = [np.column_stack(proj(r[:, 0], r[:, 1]))
                                       for r in china.rings(layer, minor=False)]
        lonlat = china.xy
        x, y = proj(lonlat[:, 0], lonlat[:, 1])
        north = lonlat[:, 1] >= CROP_LAT
        self.crop_y = float(y[north].min()) - 25.0
        # the inset window: the maritime line, the islands south of the crop, Hainan and the south coast
        south = lonlat[:, 1] < CROP_LAT + 3.0
        line = np.vstack(self.layers[geo.MARITIME])
        wx = np.concatenate([x[south], line[:, 0]])
        wy = np.concatenate([y[south], line[:, 1]])
        pad = 70.0
        self.window = QRectF(QPointF(wx.min() - pad, wy.min() - pad), QPointF(wx.max() + pad, wy.max() + pad))
        # the main frame: everything north of the crop, plus room on the right for the inset
        left, right = float(x[north].min()) - PAD_KM, float(x[north].max()) + PAD_KM
        top = float(y[north].max()) + PAD_KM * 0.6
        bottom = self.crop_y - PAD_KM * 0.4
        height = top - bottom
        self.scale = INSET_HEIGHT * height / self.window.height()
        iw, ih = self.window.width() * self.scale, self.window.height() * self.scale
        east_of = float(self.window.right())  # the inset sits right of Taiwan and the line's eastern dashes
        margin = PAD_KM * 0.35
        right = max(right, east_of + PAD_KM * 0.6 + iw + margin)
        self.frame = QRectF(QPointF(left, bottom), QPointF(right, top))
        self.inset = QRectF(right - margin - iw, bottom + margin, iw, ih)

    def to_inset(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        """Projected coordinates of the window → coordinates in the inset box."""
        s = self.scale
        return (self.inset.left() + (np.asarray(x) - self.window.left()) * s,
                self.inset.top() + (np.asarray(y) - self.window.top()) * s)

    def place(self, lon: float, lat: float) -> tuple[float, float] | None:
        """Where a point is drawn: the main map, or the inset south of the crop; None = off the map."""
        x, y = (float(v) for v in self.proj(lon, lat))
        f = self.frame
        if y >= self.crop_y and f.left() <= x <= f.right() and y <= f.bottom():  # (y up: bottom() is the top)
            return x, y
        if self.window.contains(QPointF(x, y)):
            ix, iy = self.to_inset(x, y)
            return float(ix), float(iy)
        return None


_GEOMETRY: dict[int, MapGeometry] = {}


def map_geometry(china: geo.ChinaMap | None = None) -> MapGeometry:
    """The projected map, computed once per boundary set (every map chart shares it)."""
    china = china or geo.china_map()
    if id(china) not in _GEOMETRY:
        _GEOMETRY[id(china)] = MapGeometry(china)
    return _GEOMETRY[id(china)]


class MapChart(BaseChart):
    """China with one point per unit, coloured by score; the top N labelled."""

    RADII = (0.0, 12.0, 24.0, 38.0, 54.0, 72.0, 95.0, 125.0)  # label distances beyond the dot, px
    ANGLES = tuple(range(0, 360, 30))

    def __init__(self, parent=None, china: geo.ChinaMap | None = None):
        super().__init__(parent)
        self.export_stem = "map"
        pi = self.getPlotItem()
        pi.hideAxis("left")
        pi.hideAxis("bottom")
        self.vb.setAspectLocked(True)
        self.vb.disableAutoRange()
        self._china = china
        self.geom: MapGeometry | None = None  # the base map is drawn when first needed (start-up stays fast)
        self.points = pg.ScatterPlotItem(hoverable=True, hoverSize=15, tip=self._tip,
                                         hoverPen=pg.mkPen("#111111", width=1.5))
        self.points.setZValue(20)
        self.points.sigClicked.connect(self._points_clicked)
        self.marker = pg.ScatterPlotItem(size=20, pen=pg.mkPen(SELECTED_COLOR, width=2.2), brush=pg.mkBrush(None))
        self.marker.setZValue(21)
        self.leaders = pg.PlotCurveItem(pen=pg.mkPen("#555555", width=1.0), connect="pairs")
        self.leaders.setZValue(19)
        for item in (self.leaders, self.points, self.marker):
            self.vb.addItem(item)
        self.labels: list[pg.TextItem] = []
        self.labelled: list[str] = []
        self._sizes: dict[str, float] = {}
        self.colorbar: list[QGraphicsItem] = []
        self.note = pg.TextItem("", color=MUTED_TEXT, anchor=(0, 0))
        self.note.setFont(chart_font(8.5))
        self.note.setZValue(30)
        self.vb.addItem(self.note)
        # what is shown
        self.units: list[str] = []
        self.xy = np.empty((0, 2))
        self.scores: list[float | None] = []
        self.ranks: dict[str, int | None] = {}
        self.missing: list[str] = []
        self.selected = ""
        self.decimals = 1
        self.value_label = ""
        self.top = 10
        self.vmin = self.vmax = 0.0
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self.place_labels)
        self.vb.sigResized.connect(self._resized)

    # --- the base map -------------------------------------------------------------------------
    def ensure_base(self) -> MapGeometry:
        if self.geom is None:
            self.geom = map_geometry(self._china)
            self._draw_base()
            self.vb.setRange(rect=self.geom.frame, padding=0)
        return self.geom

    def showEvent(self, ev):
        self.ensure_base()
        self._caption()
        super().showEvent(ev)

    def _draw_base(self) -> None:
        g = self.geom
        self._base: list[QGraphicsItem] = []  # Python owns the items: keep them
        land, border = QBrush(QColor(LAND)), _pen(PROVINCE_LINE, 0.6)
        outline, line = _pen(OUTLINE_LINE, 1.0), _pen(OUTLINE_LINE, 1.6)
        main = _Clip(g.frame)
        main.setZValue(0)
        self.vb.addItem(main)
        main_layers = g.main_layers
        for rings, pen, brush in ((main_layers[geo.OUTLINE], None, land), (main_layers[geo.PROVINCE], border, None),
                                  (main_layers[geo.OUTLINE], outline, None), (main_layers[geo.MARITIME], line, None)):
            self._base.append(_Shape(rings, pen, brush, parent=main))
        # the inset: a white box over the main map's south-east, the same layers at a smaller scale
        inset = _Clip(g.inset, fill="#ffffff")
        inset.setZValue(5)
        self.vb.addItem(inset)
        win = g.window

        def near(rings):
            out = []
            for r in rings:
                lo, hi = r.min(axis=0), r.max(axis=0)
                if hi[0] >= win.left() and lo[0] <= win.right() and hi[1] >= win.top() and lo[1] <= win.bottom():
                    out.append(np.column_stack(g.to_inset(r[:, 0], r[:, 1])))
            return out

        for rings, pen, brush in ((near(g.layers[geo.OUTLINE]), None, land),
                                  (near(g.layers[geo.PROVINCE]), _pen(PROVINCE_LINE, 0.5), None),
                                  (near(g.layers[geo.OUTLINE]), _pen(OUTLINE_LINE, 0.8), None),
                                  (near(g.layers[geo.MARITIME]), _pen(OUTLINE_LINE, 1.3), None)):
            self._base.append(_Shape(rings, pen, brush, parent=inset))
        for rect in (g.frame, g.inset):
            box = np.array([[rect.left(), rect.top()], [rect.right(), rect.top()], [rect.right(), rect.bottom()],
                            [rect.left(), rect.bottom()], [rect.left(), rect.top()]])
            frame = _Shape([box], _pen(FRAME_LINE, 0.9))
            frame.setZValue(6)
            self.vb.addItem(frame)
        self.inset_caption = pg.TextItem("", color=TEXT_COLOR, anchor=(1, 1))
        self._caption()
        self.inset_caption.setFont(chart_font(8))
        self.inset_caption.setZValue(7)
        r = g.inset
        self.inset_caption.setPos(r.right() - 0.04 * r.width(), r.top() + 0.025 * r.height())
        self.vb.addItem(self.inset_caption)

    def _caption(self) -> None:
        self.inset_caption.setText(QCoreApplication.translate("MapChart", "South China Sea Islands"), color=TEXT_COLOR)

    # --- data -------------------------------------------------------------------------------
    def set_data(self, units, lons, lats, scores, ranks, selected: str = "", top: int = 10, decimals: int = 1,
                 title: str = "", value_label: str = "", missing=()) -> None:
        """`units` with their lon/lat (None = not located: list them in `missing`), score on the node
        (None = no score), rank on the node (None = none). The `top` best ranks are labelled."""
        self._last = (units, lons, lats, scores, ranks, selected, top, decimals, title, value_label, missing)
        self.selected, self.decimals, self.value_label, self.top = selected, decimals, value_label, int(top)
        self.ensure_base()
        units, xy, sc, off = [str(u) for u in units], [], [], []
        kept: list[str] = []
        for u, lon, lat, s in zip(units, lons, lats, scores):
            pos = None if lon is None or lat is None else self.geom.place(float(lon), float(lat))
            if pos is None:
                off.append(u)
                continue
            kept.append(u)
            xy.append(pos)
            sc.append(None if s is None or not np.isfinite(s) else float(s))
        self.units, self.scores = kept, sc
        self.xy = np.array(xy, dtype=float).reshape(-1, 2)
        self.ranks = {str(u): (None if r is None or not np.isfinite(r) else int(r)) for u, r in zip(units, ranks)}
        self.missing = [str(u) for u in missing if str(u) not in kept] + [u for u in off if u not in missing]
        finite = [s for s in sc if s is not None]
        self.vmin, self.vmax = (min(finite), max(finite)) if finite else (0.0, 1.0)
        cmap = color_map()
        span = (self.vmax - self.vmin) or 1.0
        brushes, sizes, pens = [], [], []
        for s in sc:
            if s is None:
                brushes.append(pg.mkBrush(NO_SCORE))
                sizes.append(7.0)
            else:
                t = (s - self.vmin) / span
                brushes.append(pg.mkBrush(cmap.map(t, mode="qcolor")))
                sizes.append(7.0 + 8.0 * t)
            pens.append(pg.mkPen("#3b3b3b", width=0.8))
        order = sorted(range(len(kept)), key=lambda i: -1e300 if sc[i] is None else sc[i])  # best drawn on top
        self.points.setData(x=self.xy[order, 0] if len(kept) else [], y=self.xy[order, 1] if len(kept) else [],
                            data=[kept[i] for i in order], brush=[brushes[i] for i in order],
                            size=[sizes[i] for i in order], pen=[pens[i] for i in order])
        self._sizes = dict(zip(kept, sizes))
        if selected in kept:
            k = kept.index(selected)
            self.marker.setData(x=[self.xy[k, 0]], y=[self.xy[k, 1]], data=[selected])
        else:
            self.marker.setData(x=[], y=[], data=[])
        ranked = sorted((r, u) for u, r in self.ranks.items() if r is not None and u in kept)
        self.labelled = [u for _r, u in ranked[: self.top]]
        if selected in kept and selected not in self.labelled:
            self.labelled.append(selected)
        self._make_labels()
        self._draw_colorbar()
        self._draw_note()
        self.set_title(title)
        self.place_labels()
        self._place_timer.stop()

    def _make_labels(self) -> None:
        while len(self.labels) > len(self.labelled):
            self.vb.removeItem(self.labels.pop())
        while len(self.labels) < len(self.labelled):
            t = pg.TextItem("", anchor=(0, 0.5))
            t.textItem.document().setDocumentMargin(1)
            t.setZValue(25)
            self.vb.addItem(t)
            self.labels.append(t)
        for t, u in zip(self.labels, self.labelled):
            s = self.scores[self.units.index(u)]
            sel = u == self.selected
            t.setText(f"{u} {fmt(s, self.decimals)}", color=SELECTED_COLOR if sel else TEXT_COLOR)
            t.setFont(chart_font(9, bold=sel or (self.ranks.get(u) or 99) <= 3))

    def _draw_colorbar(self) -> None:
        for item in self.colorbar:
            self.vb.removeItem(item)
        self.colorbar = []
        f = self.geom.frame
        w, h = f.width() * 0.018, f.height() * 0.2
        x0, y0 = f.left() + f.width() * 0.03, f.top() + f.height() * 0.06
        rect = QRectF(x0, y0, w, h)
        grad = QLinearGradient(QPointF(x0, y0), QPointF(x0, y0 + h))
        for pos, c in zip(np.linspace(0, 1, len(SCALE_COLORS)), SCALE_COLORS):
            grad.setColorAt(float(pos), QColor(c))
        bar = QGraphicsRectItem(rect)
        bar.setBrush(QBrush(grad))
        bar.setPen(_pen("#666666", 0.6))
        bar.setZValue(8)
        self.vb.addItem(bar)
        self.colorbar.append(bar)
        for value, y, anchor in ((self.vmax, y0 + h, (0, 0.5)), (self.vmin, y0, (0, 0.5))):
            t = pg.TextItem(fmt(value, self.decimals), color=TEXT_COLOR, anchor=anchor)
            t.setFont(chart_font(8.5))
            t.setPos(x0 + w * 1.35, y)
            t.setZValue(8)
            self.vb.addItem(t)
            self.colorbar.append(t)
        cap = pg.TextItem(self.value_label, color=TEXT_COLOR, anchor=(0, 1))
        cap.setFont(chart_font(8.5))
        cap.setPos(x0, y0 + h * 1.08)
        cap.textItem.setTextWidth(-1)
        cap.setZValue(8)
        self.vb.addItem(cap)
        self.colorbar.append(cap)

    def _draw_note(self) -> None:
        f = self.geom.frame
        if self.missing:
            names = ", ".join(self.missing[:12]) + (" …" if len(self.missing) > 12 else "")
            text = QCoreApplication.translate("MapChart", "Not located: {0}").format(names)
        else:
            text = ""
        self.note.setText(text, color=MUTED_TEXT)
        self.note.setPos(f.left() + f.width() * 0.012, f.bottom() - f.height() * 0.012)
        self.note.textItem.setTextWidth(max(120.0, self.width() * 0.32))

    # --- labels -------------------------------------------------------------------------------
    def _resized(self) -> None:
        if self.geom is not None:
            self.vb.setRange(rect=self.geom.frame, padding=0)
            self._place_timer.start()

    def prepare_export(self) -> None:
        super().prepare_export()
        self.vb.setRange(rect=self.ensure_base().frame, padding=0)
        self._draw_note()
        self.place_labels()

    def _px_rect(self, item: QGraphicsItem) -> np.ndarray:
        r = self.vb.mapSceneToView(item.sceneBoundingRect()).boundingRect()
        return self._view_rect_px(r)

    def _view_rect_px(self, r: QRectF) -> np.ndarray:
        px, py = self.vb.viewPixelSize()
        return np.array([r.left() / px, -r.bottom() / py, r.right() / px, -r.top() / py])

    def place_labels(self) -> None:
        """Greedy: each label (best rank first) where it overlaps no placed label, no obstacle
        (the inset, the colour bar, the note, the frame's edge) and the fewest points, as near its
        point as that allows; a thin leader line when it stands off."""
        if not self.labels or self.geom is None:
            self.leaders.setData(x=[], y=[])
            return
        px, py = self.vb.viewPixelSize()
        if not (px > 0 and py > 0 and np.isfinite(px) and np.isfinite(py)):
            return
        sx, sy = 1.0 / px, -1.0 / py
        pts = np.column_stack([self.xy[:, 0] * sx, self.xy[:, 1] * sy])
        rad = np.array([self._sizes.get(u, 8.0) / 2 + 1.5 for u in self.units])
        dots = np.column_stack([pts - rad[:, None], pts + rad[:, None]])
        frame = self._view_rect_px(self.geom.frame)
        inner = frame + np.array([3, 3, -3, -3])
        obstacles = [self._view_rect_px(self.geom.inset)] + [self._px_rect(i) for i in self.colorbar]
        if self.note.textItem.toPlainText():
            obstacles.append(self._px_rect(self.note))
        obstacles = np.array(obstacles)
        cand = []
        for r in self.RADII:
            for a in self.ANGLES:
                c, s = math.cos(math.radians(a)), math.sin(math.radians(a))
                ax = 0.0 if c > 0.35 else (1.0 if c < -0.35 else 0.5)
                ay = 1.0 if s > 0.35 else (0.0 if s < -0.35 else 0.5)
                cand.append((c, -s, ax, ay, r))
        cand = np.array(cand)  # direction (x, y down), text anchor, distance beyond the dot
        ax, ay = cand[:, 2], cand[:, 3]
        placed = np.empty((0, 4))
        segments: list[tuple[float, float]] = []
        for t, u in zip(self.labels, self.labelled):
            i = self.units.index(u)
            br = t.textItem.boundingRect()
            w, h = br.width(), br.height()
            dist = rad[i] + 1.0 + cand[:, 4]
            ox, oy = cand[:, 0] * dist, cand[:, 1] * dist
            left = pts[i, 0] + ox - ax * w
            top = pts[i, 1] + oy - ay * h
            rects = np.column_stack([left, top, left + w, top + h])
            others = np.delete(dots, i, axis=0)
            outside = w * h - _overlaps(rects, inner[None, :])[:, 0]
            grown = rects + np.array([-1.5, -1.5, 1.5, 1.5])  # a gap between labels
            cost = (1e6 * (_overlaps(grown, placed).sum(axis=1) > 0)
                    + 1e5 * (_overlaps(rects, obstacles).sum(axis=1) > 0.01) + 1e5 * (outside > 0.01)
                    + 40 * _overlaps(rects, dots[i:i + 1])[:, 0] + 8 * _overlaps(rects, others).sum(axis=1)
                    + cand[:, 4] * 1.5 + (ax == 1.0) * 3)
            k = int(np.argmin(cost))
            placed = np.vstack([placed, rects[k]])
            t.setAnchor((float(ax[k]), float(ay[k])))
            t.setPos((pts[i, 0] + ox[k]) / sx, (pts[i, 1] + oy[k]) / sy)
            if cand[k, 4] > 0:
                ex = min(max(pts[i, 0], rects[k, 0]), rects[k, 2])
                ey = min(max(pts[i, 1], rects[k, 1]), rects[k, 3])
                segments += [(self.xy[i, 0], self.xy[i, 1]), (ex / sx, ey / sy)]
        if segments:
            seg = np.array(segments, dtype=float)
            self.leaders.setData(x=seg[:, 0], y=seg[:, 1], connect="pairs")
        else:
            self.leaders.setData(x=[], y=[])

    # --- interaction ----------------------------------------------------------------------------
    def _tip(self, x, y, data) -> str:
        u = str(data)
        s = self.scores[self.units.index(u)] if u in self.units else None
        r = self.ranks.get(u)
        if r is None:
            rank = QCoreApplication.translate("MapChart", "No rank")
        else:
            rank = QCoreApplication.translate("MapChart", "Rank {0}").format(r)
        return f"{u}\n{rank}\n{self.value_label}: {fmt(s, self.decimals)}"

    def _points_clicked(self, _item, points, *args) -> None:
        if len(points):
            self.unit_clicked.emit(str(points[0].data()))

    def point_scene_pos(self, unit: str) -> QPointF:
        """Scene position of a unit's point (tests, tooltips)."""
        i = self.units.index(unit)
        return self.vb.mapViewToScene(QPointF(self.xy[i, 0], self.xy[i, 1]))

    def preferred_height(self, width: int) -> int:
        """The widget height at which the map fills `width` (title included)."""
        f = self.ensure_base().frame
        return int(round(width * f.height() / f.width())) + 44


def fill_map(chart: MapChart, result, groups, code: str | None, top: int, selected: str = "",
             lang: str = "zh") -> dict:
    """Feed the chart from a Result: every unit placed by name or lon/lat, coloured by its score on
    `code` (default the root), the `top` best on that node labelled. Returns what was shown."""
    fw = result.framework
    code = code or fw.root
    units = list(result.units)
    coords, missing = geo.locate(units, groups)
    scores = result.scores[code]
    ranks = result.node_ranks(code)
    name = fw.nodes[code].name(lang)
    label = name if code == fw.root else f"{code} {name}"
    n = int(min(top, int(np.isfinite(scores.to_numpy()).sum())))
    title = QCoreApplication.translate("MapChart", "{0}: top {1} on the map").format(label, n)
    chart.set_data(units, [coords.get(u, (None, None))[0] for u in units],
                   [coords.get(u, (None, None))[1] for u in units],
                   [None if not np.isfinite(scores[u]) else float(scores[u]) for u in units],
                   [None if not np.isfinite(ranks[u]) else int(ranks[u]) for u in units],
                   selected, top, result.settings.decimals, title, label, missing)
    chart.export_stem = "map" if code == fw.root else f"map_{code}"
    return {"code": code, "coords": coords, "missing": missing, "labelled": list(chart.labelled)}
