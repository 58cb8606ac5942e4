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


def test_the_why_tab_follows_the_edition_chosen_in_the_selector(sample_window, qtbot, tmp_path):
    # it explained the latest edition whatever the 版次 selector showed, unlike every other chart tab
    from core.analysis.contributions import explain_pair
    from core.analysis.targets import targets
    from tests.editions_fixture import write_editions_workbook
    path = write_editions_workbook(tmp_path / "ed.xlsx", labels=("2022", "2023", "2024"))
    w = sample_window
    assert w.open_path(path, background=False)
    w.charts.tabs.setCurrentWidget(w.why)
    c = w.controller
    c.set_edition("2022")  # what choosing 2022 in the 版次 combo does
    old = c.eds.result("2022")
    order, _r = old.rank_order()
    a = old.units[order[14]]  # rank 15 in 2022
    i = w.why.unit_a.findData(a)
    w.why.unit_a.setCurrentIndex(i)
    w.why.unit_a.activated.emit(i)
    qtbot.waitUntil(lambda: w.why.last_targets is not None and w.why.last_targets["unit"] == a
                    and not w.why.targets_job.busy, timeout=30000)
    b = old.units[order[13]]  # the one just above, in 2022's order
    assert w.why.last_explain == explain_pair(old, a, b)
    assert "2022" in w.why.chart.title_text  # the title says which edition (its Chinese: zh_CN.qa.json)
    # each edition normalised on its own: 2022's targets are that edition's
    expected = targets(c.project.for_edition("2022"), old, a, w.why.rank_k.value())
    assert w.why.last_targets == expected and w.why.last_targets["current_rank"] == 15


def test_older_edition_targets_are_not_guessed_when_editions_are_normalised_together(sample_window, qtbot,
                                                                                      tmp_path):
    from tests.editions_fixture import write_editions_workbook
    path = write_editions_workbook(tmp_path / "ed.xlsx", labels=("2023", "2024"),
                                   settings={"editions_normalization": "pooled"})
    w = sample_window
    assert w.open_path(path, background=False)
    w.charts.tabs.setCurrentWidget(w.why)
    w.controller.set_edition("2023")
    qtbot.waitUntil(lambda: not w.why.targets_job.busy, timeout=30000)
    qtbot.wait(400)
    assert w.why.targets_model.rowCount() == 0 and w.why.last_targets is None
    assert w.why.targets_title.text() != ""
