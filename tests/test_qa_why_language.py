"""The 为什么？ tab's target table after a live switch of the language: its title and the indicators'
names stayed Chinese in the English window (only the waterfall and the labels were redrawn)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")


def test_the_target_table_follows_a_switch_to_english(sample_window, qtbot):
    w = sample_window
    w.charts.tabs.setCurrentWidget(w.why)
    order, _ranks = w.controller.result.rank_order()
    a = w.controller.result.units[order[12]]  # rank 13: below the top 10, so the table has rows
    i = w.why.unit_a.findData(a)
    w.why.unit_a.setCurrentIndex(i)
    w.why.unit_a.activated.emit(i)
    qtbot.waitUntil(lambda: w.why.last_targets is not None and w.why.last_targets["unit"] == a
                    and not w.why.targets_job.busy, timeout=30000)
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


def test_a_city_already_in_the_top_k_gets_the_sentence_and_no_rows_of_zero_changes(sample_window, qtbot):
    # the leader against K = 10: the table listed all 41 indicators with "+0" beside the sentence
    w = sample_window
    w.charts.tabs.setCurrentWidget(w.why)
    qtbot.waitUntil(lambda: w.why.last_targets is not None and not w.why.targets_job.busy, timeout=30000)
    assert w.why.last_targets["current_rank"] == 1 and w.why.last_targets["rank"] == 10
    assert w.why.targets_title.text().endswith("已在前 10 名之内")
    assert w.why.targets_model.rowCount() == 0
