"""A waterfall chart: how parts add up to a difference (why one unit is ahead of another).

Rows from top to bottom: each part a floating bar from the running sum before it to the running sum after
it (green when it widens A's lead, red when it narrows it), then the total as a bar from zero. Horizontal,
so that long Chinese names sit on the left axis unwrapped. Fed plain numbers (`gui.panels.why_panel` takes
them from `core.analysis.contributions.explain_pair`); it computes nothing but the running sum it draws.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.charts.widgets import BaseChart, chart_font, fmt

UP_COLOR = "#59a14f"
DOWN_COLOR = "#e15759"
TOTAL_COLOR = "#4e79a7"
LINK_COLOR = "#999999"


class WaterfallChart(BaseChart):
    ROW_PX = 26

    def __init__(self, parent=None):
        super().__init__(parent)
        self.labels: list[str] = []
        self.values: list[float] = []
        self.total: float | None = None
        self.vb.invertY(True)
        pi = self.getPlotItem()
        pi.showGrid(x=True, y=False, alpha=0.18)
        pi.getAxis("left").setStyle(tickLength=0)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.62, width=[])
        self.zero = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#666666", width=1))
        self.links = pg.PlotDataItem([], [], pen=pg.mkPen(LINK_COLOR, width=1, style=pg.QtCore.Qt.PenStyle.DotLine),
                                     connect="pairs")
        pi.addItem(self.zero)
        pi.addItem(self.links)
        pi.addItem(self.bars)
        self.texts: list[pg.TextItem] = []
        self.export_stem = "waterfall"

    def preferred_height(self, n: int | None = None) -> int:
        n = len(self.labels) + 1 if n is None else n
        return int(max(240, n * self.ROW_PX + 110))

    def set_data(self, labels, values, total: float, total_label: str, title: str = "", decimals: int = 2,
                 tips: list[str] | None = None) -> None:
        """`values[i]` for `labels[i]`, top to bottom, then `total` (their sum: drawn from zero)."""
        # rounding noise (two tied units: ±1e-14) is drawn as the zero it is, not as "-0.00" on a 1e-10 axis
        tiny = 1e-9
        labels = [str(x) for x in labels]
        values = [0.0 if abs(float(v)) < tiny else float(v) for v in values]
        total = 0.0 if abs(float(total)) < tiny else float(total)
        self._last = (labels, values, total, total_label, title, decimals, tips)
        self.labels, self.values, self.total = labels, values, float(total)
        n = len(values)
        ends = np.cumsum(values) if n else np.zeros(0)
        starts = ends - np.asarray(values, dtype=float)
        x0 = np.append(np.minimum(starts, ends), min(0.0, total))
        width = np.append(np.abs(values), abs(total))
        brushes = [pg.mkBrush(UP_COLOR if v >= 0 else DOWN_COLOR) for v in values] + [pg.mkBrush(TOTAL_COLOR)]
        self.bars.setOpts(x0=x0, y=np.arange(n + 1, dtype=float), height=0.62, width=width, brushes=brushes,
                          pens=[pg.mkPen(None)] * (n + 1))
        # dotted links from each bar's end to the next bar's start
        xs, ys = [], []
        for i in range(n):
            xs += [ends[i], ends[i]]
            ys += [i + 0.31, i + 0.69]
        self.links.setData(xs, ys)

        pi = self.getPlotItem()
        for t in self.texts:
            pi.removeItem(t)
        self.texts = []
        floor = 10.0 ** -decimals if any(values) or total else 1.0  # all zero: an axis of 0…1, not of 0…1e-9
        span = max([abs(total), *(abs(e) for e in ends), *(abs(s) for s in starts), floor])
        for i, v in enumerate([*values, total]):
            right = max(starts[i], ends[i]) if i < n else max(0.0, total)
            left = min(starts[i], ends[i]) if i < n else min(0.0, total)
            text = ("+" if v > 0 and i < n else "") + fmt(v, decimals)
            t = pg.TextItem(text, color="#222222", anchor=(-0.06, 0.5) if v >= 0 else (1.06, 0.5))
            t.setFont(chart_font(9, bold=i == n))
            t.setPos(right if v >= 0 else left, i)
            pi.addItem(t)
            self.texts.append(t)
        lo = min([0.0, *starts, *ends, total])
        hi = max([0.0, *starts, *ends, total])
        pad = 0.16 * span
        self.vb.setXRange(lo - (pad if lo < 0 else 0.02 * span), hi + pad, padding=0)
        self.vb.setYRange(-0.6, n + 0.6, padding=0)
        pi.getAxis("left").setTicks([[(i, lab) for i, lab in enumerate([*labels, total_label])], []])
        self.set_title(title)
        self.tips = tips

    def bar_values(self) -> list[float]:
        """The parts as drawn (the last bar, the total, not included)."""
        return list(self.values)
