"""Editions in the window (issue 19 point 4), through the front door: a two-edition workbook opened with
File → Open, the edition chosen in the tool bar, the change column against the previous edition (or the
pinned baseline), a weight moved for every edition at once, and the 历年 charts' lines equal to the ranks.

The expected numbers come from plain compute() runs on each edition's own Project, not from the window.
"""

import math

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from core.files.loader import load  # noqa: E402
from core.pipeline.run import compute  # noqa: E402
from gui.panels.chart_panel import EDITIONS  # noqa: E402
from gui.panels.edition_tab import BUMP, CHOSEN, PROFILE, SLOPE  # noqa: E402
from tests.editions_fixture import write_editions_workbook  # noqa: E402

pytestmark = pytest.mark.gui

LABELS = ("2023", "2024")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return write_editions_workbook(tmp_path_factory.mktemp("editions") / "two_editions.xlsx", labels=LABELS)


@pytest.fixture(scope="module")
def plain(book):
    """Each edition computed on its own (compute() of that edition's one-edition Project): unit -> rank."""
    project, problems = load(book)
    assert project is not None and not problems.has_errors
    out = {}
    for label in LABELS:
        r = compute(project.for_edition(label))
        out[label] = {u: (None if math.isnan(k) else int(k)) for u, k in r.ranks.items()}
    return out


@pytest.fixture
def win(qtbot, tmp_path, monkeypatch, book):
    monkeypatch.setenv("CITYINDEX_RECOVERY_DIR", str(tmp_path / "recovery"))
    from gui.main_window import MainWindow
    w = MainWindow(lang="zh", remember=False)
    w._ask_unsaved = lambda: "discard"
    qtbot.addWidget(w)
    w.resize(1500, 950)
    w.show()
    qtbot.waitExposed(w)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(book), "")))
    w.act_open.trigger()
    assert w.controller.path is not None and w.controller.path.name == book.name
    yield w
    if w.analysis is not None:
        w.analysis.cancel_and_wait()
    qtbot.waitUntil(lambda: not w._tasks, timeout=60000)


def table(w) -> dict[str, tuple[str, str]]:
    """unit -> (rank text, change text) as the ranking table shows them."""
    m = w.ranking.model
    return {m.data(m.index(i, 2)): (m.data(m.index(i, 0)), m.data(m.index(i, 1))) for i in range(m.rowCount())}


def change_text(before, now) -> str:
    if before is None or now is None:
        return ""
    d = before - now
    return f"▲{d}" if d > 0 else (f"▼{-d}" if d < 0 else "–")


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_the_bar_offers_both_editions_and_shows_the_latest(win):
    bar = win.edition_bar
    assert not bar.isHidden()
    assert [bar.edition.itemText(i) for i in range(bar.edition.count())] == list(LABELS)
    assert bar.edition.currentText() == "2024"
    assert win.charts.tabs.isTabVisible(EDITIONS)
    assert win.charts.tabs.tabText(EDITIONS) == "历年"
    assert win.tabs.tabText(1) == "数据（2024）"  # the data shown (and edited) are the latest edition's


def test_change_column_is_previous_minus_current(win, plain):
    shown = table(win)
    assert len(shown) == len(plain["2024"])
    moved = 0
    for unit, (rank, change) in shown.items():
        now, before = plain["2024"][unit], plain["2023"].get(unit)
        assert rank == (str(now) if now is not None else "—")
        assert change == change_text(before, now), unit
        moved += change not in ("", "–")
    assert moved > 0  # the fixture's editions do move
    m = win.ranking.model
    assert m.headerData(1, Qt.Horizontal) == "较2023"
    row = next(i for i in range(m.rowCount()) if m.data(m.index(i, 1)) not in ("", "–"))
    unit = m.data(m.index(row, 2))
    assert m.data(m.index(row, 1), Qt.ToolTipRole) == \
        f"2023：第{plain['2023'][unit]}名 → 2024：第{plain['2024'][unit]}名"


def test_choosing_an_edition_in_the_selector_shows_it(win, plain, qtbot):
    bar = win.edition_bar
    with qtbot.waitSignal(win.controller.edition_changed, timeout=2000):
        choose(bar.edition, "2023")
    shown = table(win)
    assert {u: r for u, (r, _c) in shown.items()} == {
        u: (str(k) if k is not None else "—") for u, k in plain["2023"].items()}
    assert all(c == "" for _r, c in shown.values())  # the first edition has none before it
    assert win.ranking.model.headerData(1, Qt.Horizontal) == "变化"
    # the charts show it too: the ranking chart's bars are 2023's top ten
    top = sorted((k, u) for u, k in plain["2023"].items() if k is not None)[:10]
    win.charts.tabs.setCurrentIndex(0)
    assert win.charts.ranking_chart.units == [u for _k, u in top]


def test_pinning_the_baseline_switches_the_column_and_the_bar_switches_back(win, plain, qtbot):
    c = win.controller
    win.act_pin.trigger()
    assert win.edition_bar.compare.currentData() == "baseline"
    assert all(ch in ("", "–") for _r, ch in table(win).values())  # against itself
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("A", 0.9)
    vs_pin = [c.rank_change(u) for u in c.result.units]
    assert any(v for v in vs_pin if v is not None)
    choose(win.edition_bar.compare, "previous")
    assert c.eds.compare == "previous"
    assert win.ranking.model.headerData(1, Qt.Horizontal) == "较2023"


def test_a_weight_moves_every_edition_as_a_fresh_compute(win, book, qtbot):
    c = win.controller
    before = {lb: c.eds.result(lb).root_scores.copy() for lb in LABELS}
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("A", 0.9)
    project, _ = load(book)
    for lb in LABELS:
        r = c.eds.result(lb)
        fresh = compute(project.for_edition(lb).with_framework(c.project.framework))
        assert not np.allclose(r.root_scores, before[lb], equal_nan=True), lb
        assert r.units == fresh.units
        np.testing.assert_allclose(r.scores_array, fresh.scores_array, rtol=1e-9, atol=1e-9, equal_nan=True)
    assert c.result is c.eds.result("2024")  # the controller's result stays the latest's


def test_bump_chart_lines_are_the_ranks(win, plain, qtbot):
    win.charts.tabs.setCurrentIndex(EDITIONS)
    tab = win.charts.edition_tab
    assert tab.kind.currentIndex() == BUMP
    chart = tab.bump
    top = [u for k, u in sorted((k, u) for u, k in plain["2024"].items() if k is not None) if k <= 10]
    sel = win.controller.selected
    assert set(chart.units) == set(top) | ({sel} if sel else set())
    for unit in chart.units:
        xs, ys = chart.line_data(unit)
        want = [(float(i), float(plain[lb][unit])) for i, lb in enumerate(LABELS) if plain[lb].get(unit) is not None]
        assert list(zip(xs, ys)) == want, unit
    tab.top_n.setValue(3)
    top3 = {u for u, k in plain["2024"].items() if k is not None and k <= 3}
    assert set(chart.units) == top3 | ({sel} if sel else set())


def test_bump_chart_follows_a_dimension(win, book):
    win.charts.tabs.setCurrentIndex(EDITIONS)
    tab = win.charts.edition_tab
    choose(tab.node_combo, "A")
    project, _ = load(book)
    plain_a = {lb: compute(project.for_edition(lb)).node_ranks("A") for lb in LABELS}
    assert tab.bump.title_text.startswith(project.framework.nodes["A"].name_zh)
    for unit in tab.bump.units:
        assert tab.bump.ranks[unit] == [int(plain_a[lb][unit]) for lb in LABELS], unit
    top = {u for u, v in plain_a["2024"].items() if v <= 10}  # the top ten on A, not on the index
    sel = win.controller.selected
    assert set(tab.bump.units) == top | ({sel} if sel else set())


def test_chosen_cities_and_the_slope_and_profile_charts(win, plain, qtbot):
    c = win.controller
    win.charts.tabs.setCurrentIndex(EDITIONS)
    tab = win.charts.edition_tab
    last = max(plain["2024"], key=lambda u: plain["2024"][u] or 0)  # the last-ranked city
    c.select_unit(last)
    tab.add_city.click()
    assert tab.which.currentData() == CHOSEN and tab.chosen == [last]
    assert tab.bump.units == [last]
    tab.kind.setCurrentIndex(SLOPE)
    assert tab.slope.editions == list(LABELS)
    assert tab.slope.ranks[last] == [plain["2023"][last], plain["2024"][last]]
    tab.kind.setCurrentIndex(PROFILE)
    fw = c.project.framework
    dims = list(fw.children[fw.root])
    for lb in LABELS:
        r = c.eds.result(lb)
        i = r.units.index(last)
        assert tab.profile.values[lb] == [float(r.scores_array[i, r.plan.codes.index(d)]) for d in dims]


def test_export_all_charts_adds_the_bump_chart(win, tmp_path):
    names = {p.name for p in win.charts.export_all(tmp_path)}
    assert {"bump.png", "bump.svg", "ranking.png"} <= names


def test_english_texts(win, qtbot):
    win.act_en.trigger()
    qtbot.waitUntil(lambda: win.charts.tabs.tabText(EDITIONS) != "历年", timeout=2000)  # (LanguageChange is posted)
    assert win.edition_bar.edition_label.text().strip() == "Edition:"
    assert win.edition_bar.mode.currentText() == "each edition on its own"
    assert win.edition_bar.compare.currentText() == "the previous edition"
    assert win.charts.tabs.tabText(EDITIONS) == "Editions"
    assert win.ranking.model.headerData(1, Qt.Horizontal) == "vs 2023"


def test_project_file_keeps_the_editions_and_the_window_shows_them(win, tmp_path, qtbot):
    c = win.controller
    with qtbot.waitSignal(c.result_changed, timeout=2000):
        c.set_share("T", 0.4)
    before = {lb: c.eds.result(lb).scores_array.copy() for lb in LABELS}
    path = tmp_path / "two.cidx"
    assert win.save_to(path)
    assert win.open_path(path)
    assert list(c.eds.labels) == list(LABELS) and not win.edition_bar.isHidden()
    for lb in LABELS:
        np.testing.assert_array_equal(c.eds.result(lb).scores_array, before[lb])


def test_ranking_model_passes_the_model_tester_with_editions(win, qtmodeltester):
    choose(win.edition_bar.edition, "2023")
    qtmodeltester.check(win.ranking.model, force_py=True)


def test_one_edition_project_shows_no_selector_nor_tab(win):
    assert win.open_default()
    assert win.edition_bar.isHidden()
    assert not win.charts.tabs.isTabVisible(EDITIONS)
    assert win.ranking.model.headerData(1, Qt.Horizontal) == "变化"
    assert win.controller.eds.er is None
    assert win.tabs.tabText(1) == "数据"


def test_a_city_new_in_the_latest_edition(win, tmp_path, qtbot):
    """A unit absent from 2023: no change in 2024's column (not a made-up move), its line starts in 2024,
    and showing 2023 with it selected breaks nothing."""
    from tests.editions_fixture import sample_rows
    _header, rows = sample_rows()
    units = [r[0] for r in rows]
    new = units[1]
    path = write_editions_workbook(tmp_path / "new_city.xlsx", labels=LABELS,
                                   units={"2023": tuple(u for u in units if u != new)})
    assert win.open_path(path)
    c = win.controller
    assert new not in c.eds.result("2023").units and new in c.eds.result("2024").units
    assert table(win)[new][1] == ""
    c.select_unit(new)
    win.charts.tabs.setCurrentIndex(EDITIONS)
    chart = win.charts.edition_tab.bump
    assert chart.line_data(new) == ([1.0], [float(c.eds.ranks("2024")[new])])
    assert new in [t.toPlainText() for t in chart._extra]  # named where its line starts
    choose(win.edition_bar.edition, "2023")
    assert new not in table(win)
    others = [t for t in range(win.charts.tabs.count()) if t != EDITIONS]  # the 为什么？ tab included
    for tab in others:  # every chart of 2023 with a city 2023 does not have
        win.charts.tabs.setCurrentIndex(tab)
    assert win.charts.tabs.currentIndex() == others[-1]


def test_a_data_edit_changes_the_latest_edition_only(win, qtbot):
    """The data tab edits the latest edition: 2024 recomputed with the new value, 2023 as it was."""
    c = win.controller
    m = win.data_model
    before23 = c.eds.result("2023").scores_array.copy()
    unit = c.eds.result("2024").units[-1]
    col = next(j for j in range(m.columnCount()) if m.headerData(j, Qt.Horizontal, Qt.UserRole) == "A11"
               or str(m.headerData(j, Qt.Horizontal)).startswith("A11"))
    row = next(i for i in range(m.rowCount()) if m.data(m.index(i, 0)) == unit)
    old = c.eds.result("2024").scores.loc[unit, "AICI"]
    assert m.setData(m.index(row, col), "1e9")
    np.testing.assert_array_equal(c.eds.result("2023").scores_array, before23)
    assert c.eds.result("2024").scores.loc[unit, "AICI"] > old
    assert c.project.editions[-1].data.values.loc[unit, "A11"] == 1e9


def test_the_bar_sets_the_editions_normalization_as_an_undoable_edit(win, book, qtbot):
    from core.pipeline.editions import compute_editions
    c = win.controller
    mode = win.edition_bar.mode
    assert mode.currentData() == "each" and "各自标准化" in mode.toolTip()
    each = {lb: c.eds.result(lb).scores_array.copy() for lb in LABELS}
    with qtbot.waitSignal(c.result_changed, timeout=5000):
        choose(mode, "pooled")
    assert c.settings.editions_normalization == "pooled" and c.eds.er.normalization == "pooled"
    assert "合并" in mode.toolTip()
    project, _ = load(book)
    want = compute_editions(project.with_settings(project.settings.with_(editions_normalization="pooled")))
    for lb in LABELS:
        np.testing.assert_allclose(c.eds.result(lb).scores_array, want.results[lb].scores_array, equal_nan=True)
    assert not np.allclose(c.eds.result("2023").scores_array, each["2023"], equal_nan=True)
    with qtbot.waitSignal(c.result_changed, timeout=5000):
        c.undo_stack.undo()
    assert mode.currentData() == "each"
    for lb in LABELS:
        np.testing.assert_array_equal(c.eds.result(lb).scores_array, each[lb])



def test_the_problems_list_says_which_edition_a_row_belongs_to(win):
    """A year-column input has one sheet for every edition: the problems list says whose row it is
    ("2023 版：…"), as `check` does, not only the sheet and row."""
    model = win.problems.model
    lines = [model.data(model.index(i, 2)) for i in range(model.rowCount())]
    items = [model.items[i] for i in range(model.rowCount())]
    about = [(p, line) for p, line in zip(items, lines) if (p.args or {}).get("edition")]
    assert about, "the fixture's problems name their edition"
    for p, line in about:
        assert line.startswith(f"{p.args['edition']} 版："), line
