"""Waiting for a chart to settle without sleeping a fixed time.

A chart learns its size from Qt's layout (posted LayoutRequest events) and then places its labels on a
coalescing zero-interval timer (`_place_timer`: many resizes or range changes, one placement). So:
deliver the posted events now, then wait until that timer has fired — both observable, neither a guess
of how long the machine takes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def labels_placed(qtbot, chart, timeout: int = 2000) -> None:
    QCoreApplication.sendPostedEvents()
    timer = getattr(chart, "_place_timer", None)
    if timer is not None:
        qtbot.waitUntil(lambda: not timer.isActive(), timeout=timeout)
