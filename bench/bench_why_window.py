"""Does the stability band keep a weight drag fluid? (issue 21, the window)

Run on demand (not part of the test suite; nothing here asserts on time):

    QT_QPA_PLATFORM=offscreen python -m bench.bench_why_window          # sample and 3,000 × 500
    QT_QPA_PLATFORM=offscreen python -m bench.bench_why_window --sample # the sample only

For each project, through the real Controller, TreePanel (bands on) and WhyPanel:
- one drag step (`set_share` + the recompute it triggers, GUI thread) with nothing in the background —
  the baseline measured in the same run — and the same step while the bands' `weight_stability` runs on
  the worker thread: the ratio is what the background costs a drag (both threads share Python's lock);
- the bands' wall time from an edit to the intervals shown (the settle delay, 300 ms, included), and the
  GUI thread's own share of it (the collection gui.worker runs before a task starts);
- the waterfall's redraw after an edit (explain_pair + the chart), which runs on the GUI thread;
- a second edit made while the first edit's bands are half computed: the time from the second edit to its
  own bands shown, with the stale job left to run to its end (`LatestJob.cancel_stale = False`, the old
  behaviour: the baseline, measured in the same run) and with it stopped at its next weight (now); the
  ratio is what cancelling saves;
- the same for the target table (a unit ranked halfway down; the target rank K changed twice, the second
  change halfway through the first one's search).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _drag_steps(app, c, code: str, n: int) -> list[float]:
    """n drag steps of `code` (alternating ±1 %), each set_share + flush, in ms."""
    out = []
    w = c.framework.local_weights()[code]
    for k in range(n):
        t0 = time.perf_counter()
        c.set_share(code, w + (0.01 if k % 2 == 0 else 0.0))
        c.flush()
        out.append((time.perf_counter() - t0) * 1e3)
    c.end_gesture()
    return out


def _pump(app, until, limit: float = 600.0) -> None:
    end = time.perf_counter() + limit
    while not until() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def _second_edit(app, c, tree, code: str, cancel: bool, into: float) -> tuple[float, bool]:
    """Seconds from a second edit — made `into` seconds after the first edit's band job started — to the
    bands of the second edit's result shown; and whether the first job was still running then."""
    job = tree.bands.job
    job.cancel_stale = cancel
    w = c.framework.local_weights()[code]
    c.set_share(code, w + 0.01)
    c.end_gesture()
    c.flush()
    _pump(app, lambda: job.task is not None)
    started = time.perf_counter()
    _pump(app, lambda: time.perf_counter() - started >= into)
    running = job.task is not None
    t0 = time.perf_counter()
    c.set_share(code, w)
    c.end_gesture()
    c.flush()
    newest = c.result
    _pump(app, lambda: tree.bands.result is newest and not tree.bands.busy)
    took = time.perf_counter() - t0
    job.cancel_stale = True
    return took, running


def _second_k(app, why, cancel: bool, into: float) -> tuple[float, bool]:
    """Seconds from a second change of K — `into` seconds after the first change's target search started —
    to the target table for it; and whether the first search was still running then."""
    job = why.targets_job
    job.cancel_stale = cancel
    k = why.rank_k.value()
    why.rank_k.setValue(k + 1)
    _pump(app, lambda: job.task is not None)
    started = time.perf_counter()
    _pump(app, lambda: time.perf_counter() - started >= into)
    running = job.task is not None
    t0 = time.perf_counter()
    why.last_targets = None
    why.rank_k.setValue(k)
    _pump(app, lambda: not job.busy and why.last_targets is not None and why.last_targets["rank"] == k)
    took = time.perf_counter() - t0
    job.cancel_stale = True
    return took, running


def run(label: str, project, code: str, steps: int) -> None:
    from PySide6.QtWidgets import QApplication

    from gui.controller import Controller
    from gui.panels.tree_panel import TreePanel
    from gui.panels.why_panel import WhyPanel

    app = QApplication.instance() or QApplication([])
    c = Controller()
    c.set_project(project)
    tree = TreePanel(c)
    why = WhyPanel(c)
    why.resize(800, 700)
    tree.show_stability()
    tree.select(code)

    def idle():
        while tree.bands.busy or why.targets_job.busy:
            app.processEvents()
            time.sleep(0.002)

    idle()
    base = _drag_steps(app, c, code, steps)  # no band job runs: each step restarts the settle timer
    idle()

    # the bands' wall time after one edit, and the GUI thread's share (gc + starting the task)
    t0 = time.perf_counter()
    c.set_share(code, c.framework.local_weights()[code] + 0.01)
    c.end_gesture()
    c.flush()
    gui_ms = 0.0
    while tree.bands.busy:
        s = time.perf_counter()
        app.processEvents()
        gui_ms += (time.perf_counter() - s) * 1e3
        time.sleep(0.002)
    wall = time.perf_counter() - t0

    # drag steps while the band job runs: start it, then drag without processing the settle timer
    tree.bands.job._timer.setInterval(0)
    tree.bands.refresh()
    app.processEvents()  # the timer fires: the job starts on the worker thread
    assert tree.bands.job.task is not None
    busy = []
    while tree.bands.job.task is not None and len(busy) < steps:
        busy += _drag_steps(app, c, code, 1)
    tree.bands.job._timer.setInterval(300)
    idle()

    # a second edit while the first one's bands are half done: the stale job run out (before) or stopped (now)
    half = max(0.05, (wall - 0.3) / 2)
    before, ran_b = _second_edit(app, c, tree, code, False, half)
    idle()
    after, ran_a = _second_edit(app, c, tree, code, True, half)
    idle()

    why.show()
    why.level.setCurrentIndex(1)
    t = []
    for _ in range(10):
        s = time.perf_counter()
        why.render()
        t.append((time.perf_counter() - s) * 1e3)
    why.targets_job.cancel()

    # the target table: one search for a unit halfway down, then K changed twice (stale search run out / stopped)
    order, _ranks = c.result.rank_order()
    c.select_unit(c.result.units[int(order[len(order) // 2])])
    t_search = time.perf_counter()
    _pump(app, lambda: not why.targets_job.busy and why.last_targets is not None)
    t_search = time.perf_counter() - t_search
    half_k = max(0.05, (t_search - 0.3) / 2)
    k_before, kb = _second_k(app, why, False, half_k)
    k_after, ka = _second_k(app, why, True, half_k)

    n_w = len(tree.bands.entries)
    med_b, med_busy = statistics.median(base), statistics.median(busy) if busy else float("nan")
    print(f"{label}: {len(c.result.units)} units × {len(c.result.framework.leaves)} indicators, {n_w} weights")
    print(f"  drag step alone        {med_b:8.1f} ms (median of {len(base)})")
    print(f"  drag step, bands busy  {med_busy:8.1f} ms (median of {len(busy)}) = {med_busy / med_b:5.2f} × alone")
    print(f"  bands after an edit    {wall:8.2f} s wall (settle 0.3 s + {n_w} weights), "
          f"GUI thread busy {gui_ms:7.1f} ms of it")
    print(f"  waterfall redraw       {statistics.median(t):8.1f} ms (explain_pair + chart, by indicator)")
    note = "" if ran_b and ran_a else "  (the first job had already ended: no overlap measured)"
    print(f"  2nd edit {half:5.2f} s into the 1st edit's bands → its own bands shown:{note}")
    print(f"    stale job run out (before) {before:8.2f} s")
    print(f"    stale job stopped (now)    {after:8.2f} s = {after / before:5.2f} × before")
    note = "" if kb and ka else "  (the first search had already ended: no overlap measured)"
    print(f"  target table after a selection {t_search:8.2f} s wall (settle 0.3 s + {len(c.result.framework.leaves)} "
          f"indicators); 2nd change of K {half_k:5.2f} s into the 1st one's search → its table shown:{note}")
    print(f"    stale search run out (before) {k_before:8.2f} s")
    print(f"    stale search stopped (now)    {k_after:8.2f} s = {k_after / k_before:5.2f} × before", flush=True)
    why.targets_job.wait()
    tree.bands.wait()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_why_window", description=__doc__.splitlines()[0])
    ap.add_argument("--sample", action="store_true", help="the sample only")
    args = ap.parse_args(argv)
    from bench.bench_engine import machine_info, synthetic_project, wide_framework
    from core.files.paths import SAMPLE_WORKBOOK
    from tests.helpers import load_or_raise
    print(machine_info())
    run("sample", load_or_raise(SAMPLE_WORKBOOK), "P", 30)
    if not args.sample:
        project = synthetic_project(wide_framework(), 3000, np.random.default_rng(1))
        run("synthetic 3,000 × 500", project, project.framework.children[project.framework.root][0], 30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
