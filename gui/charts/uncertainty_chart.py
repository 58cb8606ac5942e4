"""Charts of the uncertainty analysis, fed plain lists (they never run an analysis).

`UncertaintyChart`: the units in base-rank order along x; for each, its 5–95 % rank interval
as a bar, its median rank as a dot and its base rank as a diamond; the rank axis is inverted
(rank 1 at the top); the selected unit is highlighted. Chinese unit names are written
vertically (one character per line) so that 50 of them fit side by side; when even that does
not fit, every k-th name is shown (and the selected one), and hovering names any unit.

`SensitivityChart`: first-order and total Sobol' indices per input, as grouped bars with
their 95 % confidence intervals.
"""

from __future__ import annotations

import math
import types

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QToolTip

from gui.charts.widgets import (
    BAR_COLOR,
    HIGHLIGHT,
    LEADER_COLOR,
    SELECTED_COLOR,
    TEXT_COLOR,
    BaseChart,
    _is_cjk,
    chart_font,
    fit_label,
)

translate = QCoreApplication.translate

INTERVAL_COLOR = "#a9c6e3"
INTERVAL_EDGE = "#6d94bd"
MEDIAN_COLOR = "#1f3b64"
BASE_COLOR = LEADER_COLOR
SELECTED_INTERVAL = "#f2b2b2"
STALE_COLOR = "#b00020"
TOTAL_COLOR = LEADER_COLOR
FIRST_COLOR = BAR_COLOR
UP_COLOR = "#2e8b57"
DOWN_COLOR = "#d0453a"


def _finite(v) -> bool:
    return v is not None and bool(np.isfinite(v))


def _nice_step(span: float, target: int = 8) -> float:
    """A 1-2-5 step giving about `target` ticks over `span`, at least 1 (ranks are whole)."""
    raw = max(span / max(target, 1), 1.0)
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return float(m * mag)
    return float(10 * mag)


def vertical_label(text: str, max_lines: int = 6) -> str:
    """A CJK name one character per line (at most `max_lines`, the last a '⋮' when cut)."""
    chars = list(text.strip())
    if len(chars) > max_lines:
        chars = chars[:max_lines - 1] + ["⋮"]
    return "\n".join(chars)


def code_name_label(text: str, fm: QFontMetricsF, room: float, max_lines: int = 3) -> tuple[str, bool]:
    """'P 政策环境优势' as the code on its own line and the name wrapped below it (CJK by characters);
    (label, whether anything was elided)."""
    code, _sep, name = text.partition(" ")
    if not name.strip():
        return fit_label(text, fm, room, max_lines)
    body, elided = fit_label(name.strip(), fm, room, max_lines - 1)
    return f"{code}\n{body}", elided


def _loose_update_min(label: pg.LabelItem) -> None:
    pg.LabelItem.updateMin(label)
    h = label._sizeHint[Qt.SizeHint.MinimumSize][1]
    label._sizeHint[Qt.SizeHint.MinimumSize] = (0, h)
    label.setMinimumWidth(0)
    label.updateGeometry()


def loose_width(label: pg.LabelItem) -> None:
    """Let a label be narrower than its text: pyqtgraph makes the text's width the label's minimum
    (on every text change and resize), which widens the whole plot beyond a narrow widget; the text
    is cut at the chart's edges instead."""
    if getattr(label, "_loose", False) is False:
        label.updateMin = types.MethodType(_loose_update_min, label)
        label._loose = True
    label.updateMin()


def set_titles(chart: BaseChart, title: str, subtitle: str = "", lead: str = "") -> None:
    """A title with optional smaller lines below it (`subtitle`, lines split at '\n') and a red
    line above it (`lead`, e.g. "stale"). The title row grows with the lines, and the title never
    widens the plot beyond its widget (long lines are cut at the chart's edges instead)."""
    small = [x for x in subtitle.split("\n") if x] if subtitle else []
    parts = []
    if lead:
        parts.append(f"<span style='color:{STALE_COLOR}; font-size:10pt'>{lead}</span>")
    parts.append(title)
    parts += [f"<span style='font-size:9pt; font-weight:normal'>{x}</span>" for x in small]
    chart.set_title("<br>".join(parts))
    pi = chart.getPlotItem()
    fm = QFontMetricsF(chart_font(11))
    height = int(fm.lineSpacing() * len(parts) + 8)
    pi.titleLabel.setMaximumHeight(height)
    pi.layout.setRowFixedHeight(0, height)
    loose_width(pi.titleLabel)


def unit_ticks(chart: BaseChart, units: list[str], selected: str = "") -> int:
    """Unit names under their x positions 0 … n−1 on the bottom axis, fitted to the room each has:
    CJK names vertically, others wrapped; every k-th name (and the selected one) when they cannot
    all fit. Returns k."""
    n = len(units)
    bottom = chart.getPlotItem().getAxis("bottom")
    if not n:
        bottom.setTicks([[], []])
        return 1
    room = max(chart.vb.width(), 1.0) / n
    cjk = all(_is_cjk(u) for u in units)
    font = chart_font(9 if room >= 15 else 8)
    fm = QFontMetricsF(font)
    if cjk:
        step = max(1, math.ceil((fm.horizontalAdvance("中") + 2) / room))
        labels = [vertical_label(u) for u in units]
    else:
        widest = max(fm.horizontalAdvance(w) for u in units for w in (u.split() or [u]))
        step = max(1, math.ceil(min(widest + 6, fm.horizontalAdvance("M" * 8)) / room))
        labels = [fit_label(u, fm, room * step - 4, max_lines=3)[0] for u in units]
    shown = set(range(0, n, step))
    if selected in units and step > 1:
        s = units.index(selected)
        shown = {i for i in shown if abs(i - s) >= step} | {s}
    ticks = [(i, labels[i]) for i in sorted(shown)]
    bottom.setTickFont(font)
    bottom.setTicks([ticks, []])
    lines = max((t.count("\n") + 1 for _i, t in ticks), default=1)
    height = int(fm.lineSpacing() * lines + 12)
    if bottom.height() != height:
        bottom.setHeight(height)
    return step


class UncertaintyChart(BaseChart):
    """Median rank, 5–95 % interval and base rank per unit, units in base-rank order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.units: list[str] = []
        self.base: list[float] = []
        self.medians: list[float] = []
        self.p05: list[float] = []
        self.p95: list[float] = []
        self.selected = ""
        self.hover_text = ""
        self.tick_step = 1
        self.legend_label: pg.LabelItem | None = None
        self.legend_entries: list[str] = []
        self.export_stem = "uncertainty"
        self.vb.invertY(True)
        pi = self.getPlotItem()
        pi.showGrid(x=False, y=True, alpha=0.16)
        pi.getAxis("bottom").setStyle(tickLength=0)
        pi.getAxis("left").setStyle(tickLength=-4)
        pi.getAxis("left").enableAutoSIPrefix(False)
        self.band = pg.BarGraphItem(x=[0], y0=[0], height=[0], width=[0.96], brush=HIGHLIGHT, pen=None)
        self.band.setZValue(-10)
        self.band.setVisible(False)
        self.bars = pg.BarGraphItem(x=[], y0=[], height=[], width=0.5, brush=INTERVAL_COLOR,
                                    pen=pg.mkPen(INTERVAL_EDGE, width=0.8))
        self.base_points = pg.ScatterPlotItem(symbol="d", size=14, pen=pg.mkPen(BASE_COLOR, width=1.8),
                                              brush=pg.mkBrush(None))
        self.base_points.setZValue(4)
        self.points = pg.ScatterPlotItem(symbol="o", size=7, pen=pg.mkPen("#ffffff", width=0.8),
                                         brush=pg.mkBrush(MEDIAN_COLOR))
        self.points.setZValue(5)
        for item in (self.band, self.bars, self.base_points, self.points):
            pi.addItem(item)
        self.vb.sigResized.connect(self._update_ticks)
        self.scene().sigMouseMoved.connect(self._hover)

    # --- data ----------------------------------------------------------------------------
    def set_data(self, units, base, median, p05, p95, selected: str = "", title: str = "",
                 subtitle: str = "", stale: bool = False) -> None:
        """Units in the order to show (base-rank order), their base and median ranks and the
        5 % and 95 % rank quantiles (None/NaN where a unit has none)."""
        self._last = (units, base, median, p05, p95, selected, title, subtitle, stale)
        def conv(v) -> float:
            return float(v) if _finite(v) else float("nan")

        self.units = [str(u) for u in units]
        self.base = [conv(v) for v in base]
        self.medians = [conv(v) for v in median]
        self.p05 = [conv(v) for v in p05]
        self.p95 = [conv(v) for v in p95]
        self.selected = selected
        n = len(self.units)
        xs = np.arange(n, dtype=float)
        lo, hi, med, bs = (np.array(a, dtype=float) for a in (self.p05, self.p95, self.medians, self.base))

        ok = np.isfinite(lo) & np.isfinite(hi)
        sel = np.array([u == selected for u in self.units], dtype=bool)
        # (pyqtgraph 0.14 fails on empty per-bar pen lists: None then)
        self.bars.setOpts(x=xs[ok], y0=lo[ok] - 0.3, height=hi[ok] - lo[ok] + 0.6, width=0.5,
                          brushes=[pg.mkBrush(SELECTED_INTERVAL if s else INTERVAL_COLOR) for s in sel[ok]]
                          if ok.any() else None,
                          pens=[pg.mkPen(SELECTED_COLOR if s else INTERVAL_EDGE, width=1.2 if s else 0.8)
                                for s in sel[ok]] if ok.any() else None)
        okm = np.isfinite(med)
        self.points.setData(x=xs[okm], y=med[okm], data=[u for u, k in zip(self.units, okm) if k],
                            brush=[pg.mkBrush(SELECTED_COLOR if s else MEDIAN_COLOR) for s in sel[okm]])
        okb = np.isfinite(bs)
        self.base_points.setData(x=xs[okb], y=bs[okb], data=[u for u, k in zip(self.units, okb) if k])

        every = np.concatenate([a[np.isfinite(a)] for a in (lo, hi, med, bs)]) if n else np.array([])
        top = float(every.max()) if every.size else 1.0
        y_max = top + 0.8
        self.vb.setYRange(0.2, y_max, padding=0)
        self.vb.setXRange(-0.6, max(n, 1) - 0.4, padding=0)
        step = _nice_step(y_max)
        self.getPlotItem().getAxis("left").setTickSpacing(step, step)
        if selected in self.units:
            i = self.units.index(selected)
            self.band.setOpts(x=[i], y0=[0.2], height=[y_max - 0.2], width=[0.96])
            self.band.setVisible(True)
        else:
            self.band.setVisible(False)

        self.set_axis_label("left", translate("UncertaintyChart", "Rank"))
        lead = translate("UncertaintyChart", "Stale: the weights changed after this run") if stale else ""
        set_titles(self, title, subtitle, lead)
        self._set_symbol_legend([
            ("●", MEDIAN_COLOR, translate("UncertaintyChart", "Median rank")),
            ("▮", INTERVAL_EDGE, translate("UncertaintyChart", "5–95 % interval")),
            ("◇", BASE_COLOR, translate("UncertaintyChart", "Base rank")),
        ])
        self._update_ticks()

    def _set_symbol_legend(self, entries) -> None:
        """A one-line legend below the plot, as text with coloured symbols: unlike a LegendItem it
        never makes the plot wider than a narrow dock (it is cut at the edges instead)."""
        self.legend_entries = [label for _sym, _color, label in entries]
        html = "&nbsp;&nbsp;&nbsp;&nbsp;".join(
            f"<span style='color:{color}; font-size:11pt'>{sym}</span>&nbsp;{label}" for sym, color, label in entries)
        if self.legend_label is None:
            self.legend_label = pg.LabelItem("", color=TEXT_COLOR)
            self.legend_label.item.setFont(chart_font(9))
            self.getPlotItem().layout.addItem(self.legend_label, 4, 1)
        self.legend_label.setText(html, color=TEXT_COLOR, size="9pt", family=chart_font().family())
        loose_width(self.legend_label)

    def legend_labels(self) -> list[str]:
        return list(self.legend_entries)

    # --- tick labels -----------------------------------------------------------------------
    def _update_ticks(self, *_args) -> None:
        self.tick_step = unit_ticks(self, self.units, self.selected)
        self._update_sizes()

    def _update_sizes(self) -> None:
        """Symbols as large as the room per unit allows (a crowded chart gets smaller marks)."""
        room = max(self.vb.width(), 1.0) / max(len(self.units), 1)
        base = float(min(max(room * 0.95, 7.0), 14.0))
        dot = float(min(max(room * 0.5, 4.0), 7.0))
        if self.base_points.opts["size"] != base:
            self.base_points.setSize(base)
        sel = [u == self.selected for u in self.points.data["data"]] if len(self.points.data) else []
        self.points.setSize([dot + 2 if s else dot for s in sel])

    # --- interaction --------------------------------------------------------------------------
    def index_at(self, scene_pos: QPointF) -> int:
        if not self.units:
            return -1
        bottom = self.getPlotItem().getAxis("bottom")
        if not (self.vb.sceneBoundingRect().contains(scene_pos) or bottom.sceneBoundingRect().contains(scene_pos)):
            return -1
        x = self.vb.mapSceneToView(scene_pos).x()
        i = int(round(x))
        return i if 0 <= i < len(self.units) and abs(x - i) <= 0.48 else -1

    def unit_at(self, scene_pos: QPointF) -> str:
        i = self.index_at(scene_pos)
        return self.units[i] if i >= 0 else ""

    def describe(self, i: int) -> str:
        def r(v):
            return f"{v:.0f}" if _finite(v) else "–"

        return translate("UncertaintyChart", "{0}\nbase rank {1}, median {2}, 5–95 %: {3}–{4}").format(
            self.units[i], r(self.base[i]), r(self.medians[i]), r(self.p05[i]), r(self.p95[i]))

    def _hover(self, scene_pos) -> None:
        i = self.index_at(scene_pos)
        text = self.describe(i) if i >= 0 else ""
        if text != self.hover_text:
            self.hover_text = text
            if text:
                QToolTip.showText(self.mapToGlobal(self.mapFromScene(scene_pos)), text, self)
            else:
                QToolTip.hideText()

    def point_center(self, unit: str) -> QPointF:
        """Scene position of a unit's median dot (tests, tooltips)."""
        i = self.units.index(unit)
        return self.vb.mapViewToScene(QPointF(i, self.medians[i]))

    def preferred_width(self, n: int | None = None) -> int:
        n = len(self.units) if n is None else n
        return int(max(480, n * 16 + 120))


class SensitivityChart(BaseChart):
    """First-order and total indices per input: two bars each, with 95 % confidence whiskers."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: list[str] = []
        self.first: list[float] = []
        self.total: list[float] = []
        self.export_stem = "sensitivity"
        pi = self.getPlotItem()
        pi.showGrid(x=False, y=True, alpha=0.16)
        pi.getAxis("bottom").setStyle(tickLength=0)
        pi.getAxis("left").enableAutoSIPrefix(False)
        self.first_bars = pg.BarGraphItem(x=[], height=[], width=0.34, brush=FIRST_COLOR, pen=pg.mkPen(None))
        self.total_bars = pg.BarGraphItem(x=[], height=[], width=0.34, brush=TOTAL_COLOR, pen=pg.mkPen(None))
        self.whiskers = pg.ErrorBarItem(x=np.array([]), y=np.array([]), height=np.array([]), beam=0.08,
                                        pen=pg.mkPen("#444444", width=1))
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#888888", width=1))
        for item in (self.zero, self.first_bars, self.total_bars, self.whiskers):
            pi.addItem(item)
        self.vb.sigResized.connect(self._update_ticks)

    def set_data(self, names, first, total, first_conf=None, total_conf=None, title: str = "",
                 subtitle: str = "") -> None:
        self._last = (names, first, total, first_conf, total_conf, title, subtitle)
        self.names = [str(n) for n in names]
        n = len(self.names)

        def arr(v):
            return np.array([float(x) if _finite(x) else np.nan for x in (v if v is not None else [np.nan] * n)])

        f, t, fc, tc = arr(first), arr(total), arr(first_conf), arr(total_conf)
        self.first, self.total = f.tolist(), t.tolist()
        xs = np.arange(n, dtype=float)
        w = 0.34
        self.first_bars.setOpts(x=xs - w / 2, height=np.nan_to_num(f), width=w)
        self.total_bars.setOpts(x=xs + w / 2, height=np.nan_to_num(t), width=w)
        ex = np.concatenate([xs - w / 2, xs + w / 2])
        ey = np.concatenate([f, t])
        eh = np.concatenate([fc, tc])
        ok = np.isfinite(ey) & np.isfinite(eh)
        self.whiskers.setData(x=ex[ok], y=ey[ok], height=2 * eh[ok], beam=0.08)
        vals = np.concatenate([ey[np.isfinite(ey)], (ey + eh)[ok], [0.0, 0.1]])
        lows = np.concatenate([ey[np.isfinite(ey)], (ey - eh)[ok], [0.0]])
        hi, lo = float(vals.max()), float(min(lows.min(), 0.0))
        self.vb.setYRange(lo - 0.04 * (hi - lo), hi + 0.12 * (hi - lo), padding=0)
        self.vb.setXRange(-0.6, max(n, 1) - 0.4, padding=0)
        self.set_axis_label("left", translate("UncertaintyChart", "Sobol' index"))
        set_titles(self, title, subtitle)
        self.set_legend([(translate("UncertaintyChart", "First order"), FIRST_COLOR),
                         (translate("UncertaintyChart", "Total"), TOTAL_COLOR)])
        self._update_ticks()

    def _update_ticks(self, *_args) -> None:
        n = len(self.names)
        bottom = self.getPlotItem().getAxis("bottom")
        if not n:
            bottom.setTicks([[], []])
            return
        room = self.vb.width() / n - 6
        for size in (9, 8):
            font = chart_font(size)
            fm = QFontMetricsF(font)
            fitted = [code_name_label(d, fm, room) for d in self.names]
            if not any(e for _t, e in fitted):
                break
        ticks = [(i, t) for i, (t, _e) in enumerate(fitted)]
        bottom.setTickFont(font)
        bottom.setTicks([ticks, []])
        lines = max(t.count("\n") + 1 for _i, t in ticks)
        height = int(fm.lineSpacing() * lines + 12)
        if bottom.height() != height:
            bottom.setHeight(height)


class RankChangeChart(BaseChart):
    """Each unit's change of rank (places gained up, lost down), units in base-rank order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.units: list[str] = []
        self.changes: list[float] = []
        self.selected = ""
        self.tick_step = 1
        self.export_stem = "drop_one"
        pi = self.getPlotItem()
        pi.showGrid(x=False, y=True, alpha=0.16)
        pi.getAxis("bottom").setStyle(tickLength=0)
        pi.getAxis("left").enableAutoSIPrefix(False)
        self.band = pg.BarGraphItem(x=[0], y0=[0], height=[0], width=[0.96], brush=HIGHLIGHT, pen=None)
        self.band.setZValue(-10)
        self.band.setVisible(False)
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#888888", width=1))
        self.bars = pg.BarGraphItem(x=[], y0=[], height=[], width=0.62, brush=UP_COLOR, pen=pg.mkPen(None))
        for item in (self.band, self.zero, self.bars):
            pi.addItem(item)
        self.hover_text = ""
        self.vb.sigResized.connect(self._update_ticks)
        self.scene().sigMouseMoved.connect(self._hover)

    def set_data(self, units, changes, selected: str = "", title: str = "", subtitle: str = "") -> None:
        self._last = (units, changes, selected, title, subtitle)
        self.units = [str(u) for u in units]
        self.changes = [float(c) if _finite(c) else float("nan") for c in changes]
        self.selected = selected
        n = len(self.units)
        ch = np.array(self.changes, dtype=float)
        ok = np.isfinite(ch) & (ch != 0)
        xs = np.arange(n, dtype=float)
        colors = [UP_COLOR if c > 0 else DOWN_COLOR for c in ch[ok]]
        sel = [u == selected for u, k in zip(self.units, ok) if k]
        self.bars.setOpts(x=xs[ok], y0=np.zeros(int(ok.sum())), height=ch[ok], width=0.62,
                          brushes=[pg.mkBrush(c) for c in colors] if ok.any() else None,
                          pens=[pg.mkPen("#111111", width=1.6) if s else pg.mkPen(None) for s in sel]
                          if ok.any() else None)
        m = float(np.nanmax(np.abs(ch))) if np.isfinite(ch).any() else 0.0
        m = max(m, 1.0)
        self.vb.setYRange(-m - 0.6, m + 0.6, padding=0)
        self.vb.setXRange(-0.6, max(n, 1) - 0.4, padding=0)
        step = _nice_step(2 * m, 8)
        self.getPlotItem().getAxis("left").setTickSpacing(step, step)
        if selected in self.units:
            i = self.units.index(selected)
            self.band.setOpts(x=[i], y0=[-m - 0.6], height=[2 * m + 1.2], width=[0.96])
            self.band.setVisible(True)
        else:
            self.band.setVisible(False)
        self.set_axis_label("left", translate("UncertaintyChart", "Places gained (+) or lost (−)"))
        set_titles(self, title, subtitle)
        self.set_legend([(translate("UncertaintyChart", "Moves up"), UP_COLOR),
                         (translate("UncertaintyChart", "Moves down"), DOWN_COLOR)])
        self._update_ticks()

    def _update_ticks(self, *_args) -> None:
        self.tick_step = unit_ticks(self, self.units, self.selected)

    def unit_at(self, scene_pos: QPointF) -> str:
        if not self.units:
            return ""
        bottom = self.getPlotItem().getAxis("bottom")
        if not (self.vb.sceneBoundingRect().contains(scene_pos) or bottom.sceneBoundingRect().contains(scene_pos)):
            return ""
        x = self.vb.mapSceneToView(scene_pos).x()
        i = int(round(x))
        return self.units[i] if 0 <= i < len(self.units) and abs(x - i) <= 0.48 else ""

    def describe(self, i: int) -> str:
        c = self.changes[i]
        text = "–" if not np.isfinite(c) else (f"▲{c:.0f}" if c > 0 else (f"▼{-c:.0f}" if c < 0 else "0"))
        return f"{self.units[i]}: {text}"

    def _hover(self, scene_pos) -> None:
        unit = self.unit_at(scene_pos)
        text = self.describe(self.units.index(unit)) if unit else ""
        if text != self.hover_text:
            self.hover_text = text
            if text:
                QToolTip.showText(self.mapToGlobal(self.mapFromScene(scene_pos)), text, self)
            else:
                QToolTip.hideText()
