"""Cancellable stability and targets (issue 21's leftover): the engine stops between weights (between
indicators) when asked, and the window's LatestJob stops a stale job when a newer request arrives, so the
newest request does not wait for work nobody will see. Counts of the weights visited, never timings."""

import threading
import time

import pytest

from core.analysis import stability as st
from core.analysis import targets as tg
from core.analysis.stability import Cancelled, weight_stability
from core.outputs.stability_sheet import weight_count
from core.pipeline.run import compute
from gui.worker import LatestJob

WAIT = 60000


@pytest.fixture(scope="module")
def result(project):
    return compute(project)


class Counter:
    """A `cancelled()` that counts how often it is asked (once per weight) and says True from call `stop`."""

    def __init__(self, stop: int | None = None, delay: float = 0.0, then=None):
        self.calls, self.stop, self.delay, self.then = 0, stop, delay, then

    def __call__(self) -> bool:
        self.calls += 1
        if self.delay:
            time.sleep(self.delay)
        if self.then is not None and self.then():
            return True
        return self.stop is not None and self.calls >= self.stop


def test_weight_stability_asks_once_per_weight_and_a_no_answer_changes_nothing(result):
    c = Counter()
    assert weight_stability(result, 10, cancelled=c) == weight_stability(result, 10)
    assert c.calls == weight_count(result)  # every node with a sibling (the sample: 58)


def test_weight_stability_stops_at_the_next_weight_once_cancelled(result, monkeypatch):
    built = []
    real = st._Weight.__init__

    def spy(self, *a, **k):
        built.append(1)
        real(self, *a, **k)

    monkeypatch.setattr(st._Weight, "__init__", spy)
    with pytest.raises(Cancelled):
        weight_stability(result, 10, cancelled=Counter(stop=6))
    assert len(built) == 5  # five weights done, the sixth never started
    assert weight_count(result) > 5


def test_targets_stop_at_the_next_indicator_once_cancelled(project, result, monkeypatch):
    order, ranks = result.rank_order()
    unit = result.units[order[-1]]  # the last: every indicator is searched
    probes = []
    real = tg._Probe.__init__

    def spy(self, *a, **k):
        probes.append(1)
        real(self, *a, **k)

    monkeypatch.setattr(tg._Probe, "__init__", spy)
    c = Counter()
    full = tg.targets(project, result, unit, 10, cancelled=c)
    assert c.calls == len(result.framework.leaves) and full == tg.targets(project, result, unit, 10)
    probes.clear()
    with pytest.raises(Cancelled):
        tg.targets(project, result, unit, 10, cancelled=Counter(stop=4))
    assert len(probes) <= 3  # three indicators at most (one may be missing), the fourth never started


def _stability_job(result, visits: dict, key: str, delay: float):
    """What the bands request (weight_stability with the job's cancelled()), each weight counted in
    `visits[key]` and slowed by `delay` so that a second request lands mid-run."""
    def fn(cancelled):
        counter = Counter(delay=delay, then=cancelled)
        try:
            return weight_stability(result, 10, cancelled=counter)
        finally:
            visits[key] = counter.calls
    return fn


def test_a_request_superseded_mid_run_stops_early_and_the_newest_is_delivered_once(qtbot, result):
    total = weight_count(result)
    job = LatestJob(settle_ms=10)
    got = []
    job.done.connect(lambda key, out: got.append((key, out)))
    job.failed.connect(lambda key, e: got.append((key, e)))
    visits: dict[str, int] = {}
    job.request("old", _stability_job(result, visits, "old", 0.02), cancellable=True)
    qtbot.waitUntil(lambda: job.task is not None, timeout=WAIT)
    time.sleep(0.15)  # a few weights into the old job
    job.request("new", _stability_job(result, visits, "new", 0.0), cancellable=True)
    qtbot.waitUntil(lambda: not job.busy, timeout=WAIT)
    assert 0 < visits["old"] < total  # stopped at its next weight, not run to the end
    assert visits["new"] == total
    assert got == [("new", weight_stability(result, 10))]  # once, and the engine's answer
    assert job.runs == 2 and job.stopped == 1


def test_without_cancelling_the_stale_job_runs_to_its_end(qtbot, result):
    """The old behaviour (kept as the benchmark's baseline): what the test above would see on the old code."""
    total = weight_count(result)
    job = LatestJob(settle_ms=10)
    job.cancel_stale = False
    got = []
    job.done.connect(lambda key, out: got.append(key))
    visits: dict[str, int] = {}
    job.request("old", _stability_job(result, visits, "old", 0.005), cancellable=True)
    qtbot.waitUntil(lambda: job.task is not None, timeout=WAIT)
    job.request("new", _stability_job(result, visits, "new", 0.0), cancellable=True)
    qtbot.waitUntil(lambda: not job.busy, timeout=WAIT)
    assert visits == {"old": total, "new": total} and got == ["new"]


def test_a_job_not_made_cancellable_is_called_without_arguments(qtbot):
    job = LatestJob(settle_ms=0)
    gate = threading.Event()
    got = []
    job.done.connect(lambda key, out: got.append((key, out)))
    job.request("a", lambda: gate.wait(10) and "plain")
    qtbot.waitUntil(lambda: job.task is not None, timeout=WAIT)
    job.request("b", lambda: "second")  # tells the running one to stop: it cannot hear, its outcome is dropped
    gate.set()
    qtbot.waitUntil(lambda: not job.busy, timeout=WAIT)
    assert got == [("b", "second")]


def test_closing_the_window_mid_job_stops_the_bands_and_the_targets(qtbot, sample_window, monkeypatch):
    """A slow band job (and target search) running when the window closes: the close tells both to stop,
    returns once their threads are finished, having visited only part of the weights; nothing delivered."""
    w = sample_window
    w.charts.tabs.setCurrentWidget(w.why)
    qtbot.waitUntil(lambda: not w.tree.bands.busy and not w.why.targets_job.busy, timeout=WAIT)
    weights, probes = [], []
    real_w, real_p = st._Weight.__init__, tg._Probe.__init__

    def slow_weight(self, *a, **k):
        weights.append(1)
        time.sleep(0.05)
        real_w(self, *a, **k)

    def slow_probe(self, *a, **k):
        probes.append(1)
        time.sleep(0.05)
        real_p(self, *a, **k)

    monkeypatch.setattr(st._Weight, "__init__", slow_weight)
    monkeypatch.setattr(tg._Probe, "__init__", slow_probe)
    order, _ranks = w.controller.result.rank_order()
    w.controller.select_unit(w.controller.result.units[order[-1]])  # the last: a target search per indicator
    w.controller.set_share("P", w.controller.framework.local_weights()["P"] + 0.02)
    w.controller.end_gesture()
    qtbot.waitUntil(lambda: w.tree.bands.job.task is not None and w.why.targets_job.task is not None
                    and bool(weights) and bool(probes), timeout=WAIT)
    band_task, target_task = w.tree.bands.job.task, w.why.targets_job.task
    delivered = []
    w.tree.bands.changed.connect(lambda: delivered.append("bands"))
    w.why.targets_job.done.connect(lambda *_a: delivered.append("targets"))
    w.controller.undo_stack.setClean()  # nothing to ask about on close
    assert w.close()
    assert band_task.thread.isFinished() and target_task.thread.isFinished()
    assert len(weights) < weight_count(w.controller.result)
    assert len(probes) < len(w.controller.result.framework.leaves)
    qtbot.wait(50)
    assert delivered == []


def test_the_tree_bands_stop_a_stale_computation_and_show_the_newest(qtbot, sample_window, monkeypatch):
    """Through the window: an edit while the bands of the previous edit are being computed stops that
    computation at its next weight; the bands shown are the engine's for the newest result, delivered once."""
    w, c = sample_window, sample_window.controller
    bands = w.tree.bands
    qtbot.waitUntil(lambda: not bands.busy and bands.result is c.result, timeout=WAIT)
    total = weight_count(c.result)
    built = []
    real = st._Weight.__init__

    def slow(self, *a, **k):
        built.append(1)
        time.sleep(0.02)
        real(self, *a, **k)

    monkeypatch.setattr(st._Weight, "__init__", slow)
    shown = []
    bands.changed.connect(lambda: shown.append(bands.result))
    p = c.framework.local_weights()["P"]
    c.set_share("P", p + 0.02)
    c.end_gesture()
    qtbot.waitUntil(lambda: len(built) >= 3, timeout=WAIT)  # the first edit's bands are under way
    c.set_share("P", p + 0.04)
    c.end_gesture()
    qtbot.waitUntil(lambda: not bands.busy, timeout=WAIT)
    assert bands.job.stopped == 1
    assert total + 3 <= len(built) < 2 * total  # the first computation stopped part-way, the second ran in full
    assert shown == [c.result]  # once, for the newest result
    monkeypatch.setattr(st._Weight, "__init__", real)
    assert bands.outcome == weight_stability(c.result, 10)
