"""The report draft's bump chart: each unit's rank in every edition, a line per unit, rank 1 at the top, the
unit named at both ends of its line (issue 19). Fed plain data — the editions and each unit's ranks — by
gui.charts.report_charts from the figure plan (core.outputs.report_editions); it reads no project.

Units that share a rank at an end (the engine's ties) share one label there ('深圳、上海'), so no two names
are drawn over each other; a unit absent from the first edition is named where its line starts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from gui.charts.widgets import MUTED_TEXT, PALETTE, TEXT_COLOR, BaseChart, chart_font

LABEL_PT = 9
ROW_PX = 26  # vertical room per rank at the export's layout size
MAX_TICKS = 20  # up to this worst rank every rank gets a tick


def _joined(names: Sequence[str]) -> str:
    cjk = any(ord(ch) > 0x2E80 for n in names for ch in n)
    return ("、" if cjk else ", ").join(names)


class BumpFigure(BaseChart):
    """Lines of rank by edition for a few units (the TOP N of the latest edition)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        pi = self.getPlotItem()
        pi.showGrid(x=True, y=False, alpha=0.15)
        self.vb.invertY(True)  # rank 1 at the top
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.labels: list[pg.TextItem] = []
        self.editions: list[str] = []
        self.series: list[tuple[str, list[int | None]]] = []

    @staticmethod
    def preferred_height(worst: int) -> int:
        return int(min(680, max(300, ROW_PX * worst + 70)))

    def label_texts(self) -> list[tuple[str, str]]:
        """('left' | 'right', text) of every end label drawn (tests, and the export's check)."""
        return [(t.side, t.textItem.toPlainText().strip()) for t in self.labels]

    def set_data(self, editions: Sequence[str], series: Sequence[tuple[str, Sequence[int | None]]],
                 title: str = "", axis_label: str = "") -> None:
        """`series`: (unit, its rank in each of `editions`; None where it has none), best first."""
        self._last = (editions, series, title, axis_label)
        pi = self.getPlotItem()
        for item in list(self.lines.values()) + self.labels:
            pi.removeItem(item)
        self.lines, self.labels = {}, []
        self.editions = [str(e) for e in editions]
        self.series = [(u, [None if r is None else int(r) for r in ranks]) for u, ranks in series]
        k = len(self.editions)
        xs = np.arange(k, dtype=float)
        ends: dict[tuple[str, int, int], list[tuple[str, str]]] = {}  # (side, x, rank) -> [(unit, colour)]
        for n, (unit, ranks) in enumerate(self.series):
            color = PALETTE[n % len(PALETTE)]
            ys = np.array([np.nan if r is None else float(r) for r in ranks], dtype=float)
            line = pg.PlotDataItem(xs, ys, pen=pg.mkPen(color, width=2.5), connect="finite", symbol="o",
                                   symbolSize=8, symbolBrush=color, symbolPen=pg.mkPen("w", width=1))
            pi.addItem(line)
            self.lines[unit] = line
            have = [i for i, r in enumerate(ranks) if r is not None]
            if not have:
                continue
            first, last = have[0], have[-1]
            ends.setdefault(("left", first, ranks[first]), []).append((unit, color))
            ends.setdefault(("right", last, ranks[last]), []).append((unit, color))
        font = chart_font(LABEL_PT)
        fm = QFontMetricsF(font)
        widest = {"left": 0.0, "right": 0.0}
        for (side, x, rank), units in ends.items():
            text = _joined([u for u, _c in units])
            text = f"{text}  " if side == "left" else f"  {text}"  # clear of the marker
            color = units[0][1] if len(units) == 1 else TEXT_COLOR
            t = pg.TextItem(text, color=color, anchor=(1.0, 0.5) if side == "left" else (0.0, 0.5))
            t.setFont(font)
            t.side = side
            t.setPos(x, rank)
            pi.addItem(t)
            self.labels.append(t)
            if (side == "left" and x == 0) or (side == "right" and x == k - 1):
                widest[side] = max(widest[side], fm.horizontalAdvance(text))
        worst = max((r for _u, ranks in self.series for r in ranks if r is not None), default=1)
        bottom, left = pi.getAxis("bottom"), pi.getAxis("left")
        bottom.setTicks([[(i, e) for i, e in enumerate(self.editions)], []])
        if worst <= MAX_TICKS:
            left.setTicks([[(r, str(r)) for r in range(1, worst + 1)], []])
        else:
            step = next(s for s in (2, 5, 10, 20, 50, 100, 200, 500) if worst / s <= MAX_TICKS)
            left.setTicks([[(r, str(r)) for r in [1] + list(range(step, worst + 1, step))], []])
        left.setTextPen(pg.mkPen(MUTED_TEXT))
        self.set_axis_label("left", axis_label)
        self.set_title(title)
        self.vb.setYRange(0.5, worst + 0.5, padding=0)
        self._fit_x(widest)

    def _fit_x(self, widest: dict[str, float]) -> None:
        """Room beside the first and last edition for the end labels, in data units of the current width."""
        k = max(len(self.editions), 1)
        plot_px = max(self.vb.width(), 200.0)
        left_px, right_px = widest["left"] + 10, widest["right"] + 10  # + the text item's own margins
        span = max(k - 1, 1)
        # plot_px * pad / (span + pad_l + pad_r) = label px, solved for the two pads together
        room = max(plot_px - left_px - right_px, plot_px * 0.25)
        pad_l, pad_r = left_px * span / room, right_px * span / room
        self.vb.setXRange(-max(pad_l, 0.15), span + max(pad_r, 0.15) if k > 1 else max(pad_r, 0.5), padding=0)

    def prepare_export(self) -> None:
        super().prepare_export()
        if self.series:  # the view's width is known only now: room for the labels at that width
            fm = QFontMetricsF(chart_font(LABEL_PT))
            k = len(self.editions)
            widest = {"left": 0.0, "right": 0.0}
            for t in self.labels:
                x = t.pos().x()
                if (t.side == "left" and math.isclose(x, 0)) or (t.side == "right" and math.isclose(x, k - 1)):
                    widest[t.side] = max(widest[t.side], fm.horizontalAdvance(t.textItem.toPlainText()))
            self._fit_x(widest)
