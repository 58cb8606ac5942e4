"""The 为什么？ tab's target table after a live switch of the language: its title and the indicators'
names stayed Chinese in the English window (only the waterfall and the labels were redrawn)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")


def test_the_target_table_follows_a_switch_to_english(sample_window, qtbot):
    w = sample_window
    w.charts.tabs.setCurrentWidget(w.why)
    qtbot.waitUntil(lambda: w.why.last_targets is not None and not w.why.targets_job.busy, timeout=30000)
    a = w.why.unit_a.currentData()
    assert "名" in w.why.targets_title.text()
    w.set_language("en")
    qtbot.wait(50)  # the language change is an event, delivered by the loop
    title = w.why.targets_title.text()
    assert title.startswith(f"{a} is ranked ") and "名" not in title
    m = w.why.targets_model
    fw = w.controller.framework
    shown = m.data(m.index(0, 0))
    first = shown.split()[0]
    assert shown == f"{first}  {fw.nodes[first].name('en')}"
    w.set_language("zh")
    qtbot.wait(50)
    assert m.data(m.index(0, 0)) == f"{first}  {fw.nodes[first].name('zh')}"
