"""Time from a weight edit to the ranking model and the visible chart being updated.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_gui

Runs the real window offscreen, for the sample project and for a synthetic
3,000 units × 500 indicators project; each edit is a `set_share` on a
first-level dimension followed by the event processing that updates the
ranking table and the visible chart (and, for the scatter of two dimensions, which a dimension's share
does not move, also an edit inside its x dimension, which does). Prints the median and the worst of the
repetitions, and, as a baseline measured in the same run, the engine's
reweight alone (what the GUI adds is the difference). Targets: < 50 ms for
the sample, < 300 ms for the large case. Not a test: figures only.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.bench_engine import synthetic_project, wide_framework  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402


def time_edits(win: MainWindow, app: QApplication, reps: int, tab: int,
               inside: str | None = None) -> tuple[list[float], list[float]]:
    """`inside`: edit the children of this node instead of the dimensions, so that its scores change
    (the scatter's x node: what the scatter of two dimensions shows moves)."""
    c = win.controller
    win.charts.tabs.setCurrentIndex(tab)
    app.processEvents()
    dims = list(c.framework.children[c.framework.root])
    if inside:
        dims = list(c.framework.children[inside])
    rng = np.random.default_rng(0)
    gui, engine = [], []
    for i in range(reps):
        code = dims[i % len(dims)]
        share = float(rng.uniform(0.1, 0.5))
        t0 = time.perf_counter()
        c.set_share(code, share)
        c.flush()  # the coalesced recompute: engine + ranking model reset + visible chart
        app.processEvents()
        gui.append(time.perf_counter() - t0)
        t1 = time.perf_counter()
        c.result.reweight(c.framework)
        engine.append(time.perf_counter() - t1)
        c.end_gesture()
    return gui, engine


def report(name: str, gui: list[float], engine: list[float], target_ms: float) -> None:
    med, worst = statistics.median(gui) * 1000, max(gui) * 1000
    eng = statistics.median(engine) * 1000
    verdict = "PASS" if med < target_ms else "MISS"
    print(f"{name:<44} median {med:8.2f} ms  worst {worst:8.2f} ms  engine alone {eng:7.2f} ms  "
          f"(×{med / eng:5.1f})  target < {target_ms:.0f} ms {verdict}")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    win = MainWindow(lang="zh", remember=False)
    win.resize(1600, 1000)
    win.show()
    win.open_default()
    app.processEvents()
    print("edit → ranking model + visible chart updated (offscreen, 1600×1000 window)")
    names = ["ranking bars", "city profile", "node ranking", "scatter"]
    for tab in range(4):
        g, e = time_edits(win, app, 40, tab)
        report(f"sample 50×41, chart tab: {names[tab]}", g, e, 50)
    g, e = time_edits(win, app, 40, 3, inside=win.charts.x_combo.currentData())
    report("sample 50×41, scatter, its points moving", g, e, 50)
    rng = np.random.default_rng(1)
    big = synthetic_project(wide_framework(), 3000, rng)
    t0 = time.perf_counter()
    win.controller.set_project(big)
    app.processEvents()
    print(f"(loading the 3,000×500 project into the window: {time.perf_counter() - t0:.2f} s)")
    for tab in range(4):
        g, e = time_edits(win, app, 10, tab)
        report(f"3000×500, chart tab: {names[tab]}", g, e, 300)
    g, e = time_edits(win, app, 10, 3, inside=win.charts.x_combo.currentData())
    report("3000×500, scatter, its points moving", g, e, 300)
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
