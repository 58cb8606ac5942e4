"""Charts of the editions over the years (issue 19), fed plain data: ranks and scores per edition.

- `BumpChart`: one line per unit of its rank in each edition, rank 1 at the top; each line is labelled
  with its city at both ends (the left and right axes carry the names at the ranks of the first and the
  last edition, so two labels never share a row: units tied at a rank share one label "A / B").
  With two editions it is the slope chart (`SlopeChart`): lines coloured by the direction of the move.
- `EditionProfileChart`: one unit's dimension scores, one bar per edition in each dimension's group.

They never read a project or compute a score: the chart panel (gui.panels.edition_tab) turns an
EditionResults / core.analysis.trend.Trend into the lists these take.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF

from gui.charts.widgets import (
    MUTED_TEXT,
    PALETTE,
    SELECTED_COLOR,
    TEXT_COLOR,
    BaseChart,
    _finite,
    chart_font,
    fit_label,
    fmt,
)

UP_COLOR, DOWN_COLOR, SAME_COLOR = "#1b7f3b", "#c62828", "#8a8a8a"
LINE_PALETTE = tuple(c for c in PALETTE if c != "#e15759")  # no red beside the selected city's red line
ROW_PX = 22  # pixels per rank row the chart asks for (labels on the axes need a line each)


class BumpChart(BaseChart):
    """Ranks over the editions: a line per unit, rank 1 at the top, the city named at both ends."""

    def __init__(self, parent=None):
        super().__init__(parent)
        pi = self.getPlotItem()
        self.vb.invertY(True)
        pi.showAxis("right")
        pi.showGrid(x=True, y=False, alpha=0.25)
        for name in ("left", "right"):
            ax = pi.getAxis(name)
            ax.setTickFont(chart_font(9))
            ax.setStyle(tickLength=0, hideOverlappingLabels=False, autoExpandTextSpace=True)
            ax.setTextPen(pg.mkPen(TEXT_COLOR))
            ax.setPen(pg.mkPen("#bbbbbb"))
        pi.getAxis("bottom").setStyle(tickLength=0)
        self.editions: list[str] = []
        self.units: list[str] = []
        self.ranks: dict[str, list[int | None]] = {}
        self.selected = ""
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.end_labels: dict[str, tuple[str, str]] = {}  # unit -> (left label, right label) as shown
        self._extra: list[pg.TextItem] = []
        self.colors: dict[str, str] = {}

    def preferred_height(self) -> int:
        rows = self._span()
        return int(max(360, rows * ROW_PX + 120))

    def _span(self) -> int:
        every = [r for rs in self.ranks.values() for r in rs if r is not None]
        return (max(every) - min(every) + 1) if every else 1

    def set_data(self, editions, units, ranks, selected: str = "", title: str = "", by_move: bool = False) -> None:
        """`ranks`: unit -> rank per edition (None: no rank there), in `editions`' order; `units` in the
        order their colours are given (the latest edition's order). `by_move`: colour each line by the
        direction of its move from the first to the last edition (the slope chart)."""
        self._last = (editions, units, ranks, selected, title, by_move)
        self.editions = [str(e) for e in editions]
        self.units = [str(u) for u in units]
        self.ranks = {u: [None if r is None else int(r) for r in ranks[u]] for u in self.units}
        self.selected = selected
        pi = self.getPlotItem()
        for item in list(self.lines.values()) + self._extra:
            pi.removeItem(item)
        self.lines, self._extra, self.colors, self.end_labels = {}, [], {}, {}
        n = len(self.editions)
        first_at: dict[int, list[str]] = {}
        last_at: dict[int, list[str]] = {}
        for k, u in enumerate(self.units):
            rs = self.ranks[u]
            known = [i for i, r in enumerate(rs) if r is not None]
            if not known:
                continue
            if by_move and len(known) >= 2 and known[0] == 0 and known[-1] == n - 1:
                move = rs[0] - rs[-1]
                color = UP_COLOR if move > 0 else (DOWN_COLOR if move < 0 else SAME_COLOR)
            else:
                color = LINE_PALETTE[k % len(LINE_PALETTE)]
            if u == selected and not by_move:  # (the slope chart's colours say up/down: its line is thicker)
                color = SELECTED_COLOR
            self.colors[u] = color
            xs = np.array(known, dtype=float)
            ys = np.array([rs[i] for i in known], dtype=float)
            width = 3.2 if u == selected else 2.0
            item = pg.PlotDataItem(xs, ys, pen=pg.mkPen(color, width=width), symbol="o", symbolSize=7,
                                   symbolBrush=color, symbolPen=pg.mkPen("w", width=1))
            item.setZValue(10 if u == selected else 1)
            pi.addItem(item)
            self.lines[u] = item
            if known[0] == 0:
                first_at.setdefault(rs[0], []).append(u)
            else:  # a unit new after the first edition: named where its line starts
                self._label_inside(u, known[0], rs[known[0]], color)
            if known[-1] == n - 1:
                last_at.setdefault(rs[-1], []).append(u)
            else:  # gone before the last edition: named where its line ends
                self._label_inside(u, known[-1], rs[known[-1]], color, right=True)
        left = [(r, f"{' / '.join(us)}  {r}") for r, us in sorted(first_at.items())]
        right = [(r, f"{r}  {' / '.join(us)}") for r, us in sorted(last_at.items())]
        for r, us in first_at.items():
            for u in us:
                self.end_labels.setdefault(u, ("", ""))
                self.end_labels[u] = (dict(left)[r], self.end_labels[u][1])
        for r, us in last_at.items():
            for u in us:
                self.end_labels.setdefault(u, ("", ""))
                self.end_labels[u] = (self.end_labels[u][0], dict(right)[r])
        pi.getAxis("left").setTicks([left, []])
        pi.getAxis("right").setTicks([right, []])
        self._fit_axes(left, right)
        pi.getAxis("bottom").setTicks([[(i, e) for i, e in enumerate(self.editions)], []])
        every = [r for rs in self.ranks.values() for r in rs if r is not None]
        lo, hi = (min(every), max(every)) if every else (1, 1)
        self.vb.setYRange(lo - 0.6, hi + 0.6, padding=0)
        self.vb.setXRange(-0.15, max(n - 1, 1) + 0.15, padding=0)
        self.set_title(title)

    def _fit_axes(self, left, right) -> None:
        """The side axes as wide as their longest name (pyqtgraph sizes them to the tick numbers otherwise)."""
        fm = QFontMetricsF(chart_font(9))
        pi = self.getPlotItem()
        for name, ticks in (("left", left), ("right", right)):
            widest = max([fm.horizontalAdvance(t) for _v, t in ticks], default=20.0)
            pi.getAxis(name).setWidth(int(widest + 16))

    def _label_inside(self, unit: str, i: int, rank: int, color: str, right: bool = False) -> None:
        t = pg.TextItem(unit, color=color, anchor=(0.0, 1.1) if not right else (1.0, 1.1))
        t.setFont(chart_font(8.5))
        t.setPos(i, rank)
        self.getPlotItem().addItem(t)
        self._extra.append(t)

    def line_data(self, unit: str) -> tuple[list[float], list[float]]:
        """(edition positions, ranks) of a unit's line as drawn (tests)."""
        x, y = self.lines[unit].getData()
        return [float(v) for v in x], [float(v) for v in y]

    def unit_at(self, scene_pos: QPointF) -> str:
        if not self.lines or not self.vb.sceneBoundingRect().contains(scene_pos):
            return ""
        p = self.vb.mapSceneToView(scene_pos)
        i = int(round(p.x()))
        if not 0 <= i < len(self.editions):
            return ""
        best = [(abs((self.ranks[u][i] or 1e9) - p.y()), u) for u in self.lines if self.ranks[u][i] is not None]
        best.sort()
        return best[0][1] if best and best[0][0] <= 0.45 else ""


class SlopeChart(BumpChart):
    """Two editions: the bump chart between them, lines coloured up (green) / down (red) / same (grey)."""

    def set_data(self, editions, units, ranks, selected: str = "", title: str = "", by_move: bool = True) -> None:
        super().set_data(editions, units, ranks, selected, title, by_move)


class EditionProfileChart(BaseChart):
    """One unit's score on each dimension, one bar per edition (oldest first) in each dimension's group."""

    def __init__(self, parent=None):
        super().__init__(parent)
        pi = self.getPlotItem()
        pi.showGrid(x=False, y=True, alpha=0.18)
        pi.getAxis("bottom").setStyle(tickLength=0)
        self.bars: list[pg.BarGraphItem] = []
        self.labels: list[pg.TextItem] = []
        self.values: dict[str, list[float | None]] = {}
        self.dim_names: list[str] = []
        self.vb.sigResized.connect(self._update_ticks)

    def _update_ticks(self, *_args) -> None:
        n = len(self.dim_names)
        if not n:
            return
        room = self.vb.width() / n - 6
        font = chart_font(9)
        fm = QFontMetricsF(font)
        ticks = [(i, fit_label(d, fm, room)[0]) for i, d in enumerate(self.dim_names)]
        bottom = self.getPlotItem().getAxis("bottom")
        bottom.setTickFont(font)
        bottom.setTicks([ticks, []])
        lines = max(t.count("\n") + 1 for _i, t in ticks)
        height = int(fm.lineSpacing() * lines + 14)
        if bottom.height() != height:
            bottom.setHeight(height)

    def set_data(self, dim_names, editions, values, scale: float = 100.0, decimals: int = 1, title: str = "") -> None:
        """`values`: edition -> the unit's score per dimension (None: no score)."""
        self._last = (dim_names, editions, values, scale, decimals, title)
        self.dim_names = list(dim_names)
        editions = [str(e) for e in editions]
        self.values = {e: list(values[e]) for e in editions}
        pi = self.getPlotItem()
        for item in self.bars + self.labels:
            pi.removeItem(item)
        self.bars, self.labels = [], []
        n, k = len(self.dim_names), max(1, len(editions))
        w = min(0.8 / k, 0.3)
        xs = np.arange(n, dtype=float)
        colors = [PALETTE[i % len(PALETTE)] for i in range(len(editions))]
        for j, e in enumerate(editions):
            off = (j - (k - 1) / 2) * w
            vals = self.values[e]
            ok = [i for i in range(n) if _finite(vals[i])]
            bar = pg.BarGraphItem(x=xs[ok] + off, height=np.array([vals[i] for i in ok], dtype=float), width=w * 0.92,
                                  brush=colors[j], pen=pg.mkPen(None))
            pi.addItem(bar)
            self.bars.append(bar)
            if k <= 4:  # values on the bars while they are wide enough to carry them
                for i in ok:
                    t = pg.TextItem(fmt(vals[i], decimals), color=MUTED_TEXT, anchor=(0.5, 1.05))
                    t.setFont(chart_font(7.5))
                    t.setPos(i + off, vals[i])
                    pi.addItem(t)
                    self.labels.append(t)
        every = [v for vals in self.values.values() for v in vals if _finite(v)]
        self.vb.setYRange(min([0.0, *every]), max([scale, *every]) * 1.08, padding=0)
        self.vb.setXRange(-0.6, max(n, 1) - 0.4, padding=0)
        self._update_ticks()
        self.set_title(title)
        self.set_legend(list(zip(editions, colors)))
