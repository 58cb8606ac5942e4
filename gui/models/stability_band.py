"""The stability interval of each weight, as the weight tree shows it: a thin band under the weight.

`StabilityBands` follows the controller: after an edit settles it asks the engine
(`core.analysis.stability.weight_stability`, one pass per weight) off the GUI thread
(`gui.worker.LatestJob`: newest request only, no dialog; a newer edit stops a running computation at its
next weight), for the current TOP-N, and announces `changed`. It never computes an interval itself;
`current(result, top)` hands what it holds to whoever needs the same intervals (the results workbook's
稳健性 sheet, exported from the window), so they are not computed twice.

`band_view` turns one engine entry and the weight shown now into what is drawn: the interval, the
current weight (it moves with a slider drag before the new intervals arrive), and a state — inside,
`near` (within 10 % of an edge where a swap happens: `core.analysis.stability.near_edge`) or `outside`
(the weight shown has left the interval computed for it: the TOP-N has changed; new intervals follow).
`paint_band` draws it on a 0–100 % scale; the weight column's delegate and the band under the slider
both use it, so the two always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Signal
from PySide6.QtGui import QColor, QPainter, QPen

from gui import worker

translate = QCoreApplication.translate

DEFAULT_TOP = 10
BAND_COLOR = QColor("#59a14f")
NEAR_COLOR = QColor("#e8a317")
NEAR_TEXT = QColor("#a05a00")
OUTSIDE_COLOR = QColor("#d62728")
TRACK_COLOR = QColor("#dddddd")
MARK_COLOR = QColor("#222222")


def pct(v: float) -> str:
    """A weight as a percentage: '14%', '8.9%'."""
    s = f"{100 * v:.1f}"
    return (s[:-2] if s.endswith(".0") else s) + "%"


@dataclass(frozen=True)
class BandView:
    low: float
    high: float
    current: float
    state: str  # "ok", "near", "outside"
    at_low: list | None
    at_high: list | None
    top: int

    @property
    def color(self) -> QColor:
        return {"ok": BAND_COLOR, "near": NEAR_COLOR}.get(self.state, OUTSIDE_COLOR)

    @property
    def text_color(self) -> QColor:
        """The weight's text: dark orange near an edge, red outside (legible on white, unlike the band's)."""
        return {"ok": QColor("#222222"), "near": NEAR_TEXT}.get(self.state, OUTSIDE_COLOR)


def band_view(entry: dict | None, current: float | None, top: int) -> BandView | None:
    """What to draw for one weight: the engine's `entry` with the weight shown now."""
    if entry is None:
        return None
    from core.analysis.stability import near_edge
    cur = entry["current"] if current is None else float(current)
    tol = 1e-9
    if cur < entry["low"] - tol or cur > entry["high"] + tol:
        state = "outside"
    else:
        state = "near" if near_edge({**entry, "current": cur}) else "ok"
    return BandView(entry["low"], entry["high"], cur, state, entry["at_low"], entry["at_high"], top)


def band_tooltip(view: BandView) -> str:
    """'权重在 14%–27% 之间变动时前 10 名及其顺序不变；当前权重距边界不足 10%' and the pair that swaps."""
    lines = [translate("StabilityBands",
                       "While this weight stays within {0}–{1}, the top {2} and their order do not change")
             .format(pct(view.low), pct(view.high), view.top)]
    if view.state == "near":
        lines[0] += translate("StabilityBands", "; the current weight is less than 10 % from an edge")
    elif view.state == "outside":
        lines[0] += translate("StabilityBands", "; the current weight has left this interval (recomputing)")
    if view.at_low:
        lines.append(translate("StabilityBands", "Below {0}: {1} and {2} swap").format(pct(view.low), *view.at_low))
    if view.at_high:
        lines.append(translate("StabilityBands", "Above {0}: {1} and {2} swap").format(pct(view.high), *view.at_high))
    return "\n".join(lines)


def paint_band(painter: QPainter, rect: QRectF, view: BandView) -> None:
    """The track 0–100 %, the interval over it, the current weight as a dark tick."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(QColor(0, 0, 0, 0)))
    painter.fillRect(rect, TRACK_COLOR)
    x0 = rect.left() + rect.width() * max(0.0, min(1.0, view.low))
    x1 = rect.left() + rect.width() * max(0.0, min(1.0, view.high))
    painter.fillRect(QRectF(x0, rect.top(), max(1.0, x1 - x0), rect.height()), view.color)
    xc = rect.left() + rect.width() * max(0.0, min(1.0, view.current))
    painter.fillRect(QRectF(xc - 1, rect.top() - 1, 2, rect.height() + 2), MARK_COLOR)
    painter.restore()


class StabilityBands(QObject):
    """The intervals of the controller's current result for its TOP-N, refreshed after each edit settles."""

    changed = Signal()

    def __init__(self, controller, parent: QObject | None = None, top: int = DEFAULT_TOP,
                 settle_ms: int = worker.SETTLE_MS):
        super().__init__(parent)
        self.controller = controller
        self.top = top
        self.top_count = top  # the TOP-N actually kept (fewer when fewer units are ranked)
        self.entries: dict[str, dict] = {}
        self.result = None  # the Result the entries were computed for
        self.outcome: dict | None = None  # weight_stability's whole answer for (result, computed_top)
        self.computed_top: int | None = None  # the N asked for (top_count may be fewer)
        self.job = worker.LatestJob(self, settle_ms)
        self.job.done.connect(self._done)
        controller.result_changed.connect(self.refresh)
        if controller.result is not None:
            self.refresh()

    @property
    def busy(self) -> bool:
        return self.job.busy

    def set_top(self, top: int) -> None:
        if top != self.top:
            self.top = top
            self.refresh()

    def refresh(self, _result=None) -> None:
        """Ask for the intervals of the current result once the edits settle (a drag keeps postponing)."""
        result, top = self.controller.result, self.top
        if result is None:
            return
        from core.analysis.stability import weight_stability
        self.job.request((result, top), lambda cancelled: weight_stability(result, top, cancelled=cancelled),
                         cancellable=True)

    def _done(self, key, out) -> None:
        self.result, self.computed_top = key
        self.outcome = out
        self.entries, self.top_count = out["weights"], out["top"]
        self.changed.emit()

    def current(self, result, top: int) -> dict | None:
        """`weight_stability(result, top)` as already computed for the bands, or None when what is held was
        computed for another result (an edit since) or another N."""
        if self.outcome is None or result is None or self.result is not result or self.computed_top != top:
            return None
        return self.outcome

    def view(self, code: str, current: float | None = None) -> BandView | None:
        return band_view(self.entries.get(code), current, self.top_count)

    def wait(self, ms: int = 30000) -> None:
        """Let a running computation end (closing the window)."""
        self.job.wait(ms)
