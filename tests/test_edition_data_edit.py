"""The 数据 tab follows the edition selector, and an older edition's cells are edited there (issue 19 leftover).

Through the front door: a three-edition workbook opened with File → Open, 2022 chosen in the 版次 combo, a cell
typed through the data table's model as its delegate does, Undo/Redo through their QActions, the project saved
with File → Save (dialog answered) and opened again with File → Open, the results exported with File → Export.

The expected numbers never come from the window: they come from a SECOND workbook written with the corrected
value already in it (tests.editions_fixture's `change`), loaded and computed with compute_editions — so the edit
path (core.model.edition_edits) is checked against the ordinary load path. The expected data come from the
written workbook's rows read with openpyxl.
"""

from __future__ import annotations

import math

import numpy as np
import openpyxl
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.files.loader import load  # noqa: E402
from core.model.edition_edits import with_edition_values  # noqa: E402
from core.pipeline.editions import compute_editions  # noqa: E402
from gui.panels.data_view import WARNING_FILL, DataModel  # noqa: E402
from tests.editions_fixture import write_editions_workbook  # noqa: E402
from tests.test_front_door import answers, excepthook, wait_tasks, win  # noqa: E402,F401  (fixtures)

pytestmark = pytest.mark.gui

LABELS = ("2022", "2023", "2024")
UNIT, CODE, NEW = "北京", "P11", 5000.0  # far beyond the others: every score of the edition moves
HOLE = ("上海", "P12")  # empty in 2022 only: a warning of that edition


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    d = tmp_path_factory.mktemp("eddata")
    hole = {("2022", *HOLE): None}
    return {
        "each": write_editions_workbook(d / "each.xlsx", labels=LABELS, change=hole),
        "each_edited": write_editions_workbook(d / "each_edited.xlsx", labels=LABELS,
                                               change={**hole, ("2022", UNIT, CODE): NEW}),
        "pooled": write_editions_workbook(d / "pooled.xlsx", labels=LABELS, change=hole,
                                          settings={"editions_normalization": "pooled"}),
        "pooled_edited": write_editions_workbook(d / "pooled_edited.xlsx", labels=LABELS,
                                                 change={**hole, ("2022", UNIT, CODE): NEW},
                                                 settings={"editions_normalization": "pooled"}),
    }


def open_book(w, qtbot, answers, path) -> None:  # noqa: F811
    answers.open_file = path
    w.act_open.trigger()
    wait_tasks(qtbot, w)
    qtbot.waitUntil(lambda: w.controller.path == path, timeout=60000)


def choose(w, label: str) -> None:
    combo = w.edition_bar.edition
    combo.setCurrentIndex(combo.findData(label))


def type_into(model: DataModel, unit: str, code: str, text: str) -> bool:
    """What the table's delegate does when an edit is committed: setData(EditRole) on the cell."""
    return model.setData(model.cell_of(unit, code), text, Qt.ItemDataRole.EditRole)


def shown_value(model: DataModel, unit: str, code: str) -> float:
    text = model.data(model.cell_of(unit, code), Qt.ItemDataRole.EditRole)
    return math.nan if text == "" else float(text)


def rows_of(path, label: str) -> tuple[list, dict[str, list]]:
    """The written data sheet's (header without the year column, {unit: row}) of one edition."""
    ws = openpyxl.load_workbook(path, read_only=True)["数据"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    head = rows[0][:1] + rows[0][2:]
    return head, {r[0]: r[:1] + r[2:] for r in rows[1:] if r[1] == label}


def fingerprint_in(path) -> str:
    """The inputs' fingerprint the methods sheet states (输入指纹 (SHA-256))."""
    ws = openpyxl.load_workbook(path)["方法说明"]
    return next(r[1] for r in ws.iter_rows(values_only=True) if r[0] == "输入指纹 (SHA-256)")


def scores(er, label: str) -> dict[str, float]:
    return {x["unit"]: x["score"] for x in er.results[label].ranking()}


def assert_same_scores(got, want) -> None:
    assert set(got) == set(want)
    for u in want:
        if want[u] is None or (isinstance(want[u], float) and math.isnan(want[u])):
            assert got[u] is None or math.isnan(got[u]), u
        else:
            assert got[u] == pytest.approx(want[u], rel=1e-12, abs=1e-12), u


# --- the tab follows the selector --------------------------------------------------------------------------
def test_the_data_tab_shows_the_chosen_edition(win, qtbot, answers, excepthook, books):  # noqa: F811
    open_book(win, qtbot, answers, books["each"])
    m = win.data_model
    assert win.tabs.tabText(1) == "数据（2024）"
    choose(win, "2022")
    assert win.tabs.tabText(1) == "数据（2022）" and m.edition == "2022"
    head, rows = rows_of(books["each"], "2022")
    assert m.rowCount() == len(rows) and m.headerData(0, Qt.Orientation.Horizontal) == head[0]
    for i in range(m.rowCount()):
        unit = m.data(m.index(i, 0))
        for code in ("P11", "P12", head[-1]):
            raw = rows[unit][head.index(code)]
            got = shown_value(m, unit, code)
            assert (raw is None and math.isnan(got)) or got == pytest.approx(float(raw), rel=1e-15), (unit, code)
    # the vertical header gives the Excel row of the 2022 row (the year form: the editions share the sheet)
    ws = openpyxl.load_workbook(books["each"], read_only=True)["数据"]
    excel_row = next(k for k, r in enumerate(ws.iter_rows(values_only=True), start=1) if r[:2] == (UNIT, "2022"))
    assert m.headerData(m.cell_of(UNIT, CODE).row(), Qt.Orientation.Vertical) == str(excel_row)
    choose(win, "2024")
    assert win.tabs.tabText(1) == "数据（2024）"
    _head, rows24 = rows_of(books["each"], "2024")
    assert shown_value(m, UNIT, CODE) == pytest.approx(float(rows24[UNIT][head.index(CODE)]))
    assert not excepthook


def test_an_older_editions_problem_is_highlighted_and_clicked_to(win, qtbot, answers, excepthook, books):  # noqa: F811
    open_book(win, qtbot, answers, books["each"])
    m = win.data_model
    assert m.edition == "2024"
    assert m.data(m.cell_of(*HOLE), Qt.ItemDataRole.BackgroundRole) is None  # filled in 2024
    view = win.problems
    row = next(i for i, p in enumerate(view.model.items)
               if (p.unit, p.code) == HOLE and (p.args or {}).get("edition") == "2022")
    idx = view.model.index(row, 2)
    view.table.scrollTo(idx)
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(idx).center())
    assert win.edition_bar.edition.currentData() == "2022" and win.controller.eds.label == "2022"
    assert win.tabs.currentWidget() is win.data_table and win.tabs.tabText(1) == "数据（2022）"
    cur = win.data_table.currentIndex()
    assert (m.data(m.index(cur.row(), 0)), m.headerData(cur.column(), Qt.Orientation.Horizontal).split("\n")[0]) \
        == HOLE
    brush = m.data(cur, Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color() == WARNING_FILL
    assert not excepthook


# --- editing an older edition --------------------------------------------------------------------------------
def test_an_older_edition_is_edited_undone_and_redone(win, qtbot, answers, excepthook, books):  # noqa: F811
    open_book(win, qtbot, answers, books["each"])
    c, m = win.controller, win.data_model
    choose(win, "2022")
    old = shown_value(m, UNIT, CODE)
    before = {lb: c.eds.er.results[lb] for lb in LABELS}
    latest_data = c.project.data
    rm = win.ranking.model

    def shown_score(unit):  # the ranking table's score column (the edition shown)
        return float(rm.data(rm.index(rm.row_of(unit), 3)))
    assert type_into(m, UNIT, CODE, "5,000")
    assert shown_value(m, UNIT, CODE) == NEW and win.tabs.tabText(1) == "数据（2022）"
    assert c.project.edition("2022").data.values.at[UNIT, CODE] == NEW
    assert c.project.data is latest_data  # the latest edition's data untouched
    want = compute_editions(load(books["each_edited"])[0])
    for lb in LABELS:
        assert_same_scores(scores(c.eds.er, lb), scores(want, lb))
    # `each`: only the edited edition was recomputed; the others kept their Result
    assert c.eds.er.results["2022"] is not before["2022"]
    assert c.eds.er.results["2023"] is before["2023"] and c.eds.er.results["2024"] is before["2024"]
    # the ranking the window shows (2022) is the new one
    want22 = scores(want, "2022")
    for unit in ("北京", "上海", "深圳"):
        assert shown_score(unit) == pytest.approx(want22[unit], abs=0.051)
    orig = compute_editions(load(books["each"])[0])
    assert shown_score("上海") != pytest.approx(scores(orig, "2022")["上海"], abs=0.051)
    # the history names the edition
    e = c.history.entries[-1]
    assert e.kind == "data" and "2022" in e.title and e.text.startswith("edition 2022:")
    assert e.changes[0]["edition"] == "2022" and e.changes[0]["new"] == NEW
    assert c.undo_stack.undoText() == e.title

    win.act_undo.trigger()
    assert shown_value(m, UNIT, CODE) == old and c.eds.label == "2022"
    assert c.project.edition("2022").data.values.at[UNIT, CODE] == old
    for lb in LABELS:
        assert_same_scores(scores(c.eds.er, lb), scores(orig, lb))
    assert c.history.entries[-1].state == "undone"
    win.act_redo.trigger()
    assert shown_value(m, UNIT, CODE) == NEW
    for lb in LABELS:
        assert_same_scores(scores(c.eds.er, lb), scores(want, lb))
    assert not excepthook


def test_pooled_editions_are_all_recomputed(win, qtbot, answers, excepthook, books):  # noqa: F811
    open_book(win, qtbot, answers, books["pooled"])
    c = win.controller
    assert c.settings.editions_normalization == "pooled"
    choose(win, "2022")
    latest_before = scores(c.eds.er, "2024")
    assert type_into(win.data_model, UNIT, CODE, "5000")
    want = compute_editions(load(books["pooled_edited"])[0])
    for lb in LABELS:
        assert_same_scores(scores(c.eds.er, lb), scores(want, lb))
    assert scores(c.eds.er, "2024") != latest_before  # pooled goalposts moved: the latest edition's scores too
    assert not excepthook


def test_a_typo_in_an_older_edition_is_refused(win, qtbot, answers, excepthook, books):  # noqa: F811
    open_book(win, qtbot, answers, books["each"])
    c, m = win.controller, win.data_model
    choose(win, "2022")
    old, steps, er = shown_value(m, UNIT, CODE), c.undo_stack.count(), c.eds.er
    assert not type_into(m, UNIT, CODE, "abc")
    assert win.statusBar().currentMessage() == f"「abc」不是数字：{UNIT} / {CODE} 保持原值。"
    assert shown_value(m, UNIT, CODE) == old and c.undo_stack.count() == steps and c.eds.er is er
    # an empty cell clears the value: missing, never zero
    assert type_into(m, UNIT, CODE, "")
    assert math.isnan(c.project.edition("2022").data.values.at[UNIT, CODE])
    assert math.isnan(shown_value(m, UNIT, CODE))
    assert not excepthook


def test_the_edit_is_saved_reopened_and_exported(win, qtbot, answers, excepthook, books):  # noqa: F811
    open_book(win, qtbot, answers, books["each"])
    c = win.controller
    win.act_export.trigger()
    wait_tasks(qtbot, win)
    first = sorted(answers.folder.glob("*.xlsx"))
    assert len(first) == 1
    choose(win, "2022")
    assert type_into(win.data_model, UNIT, CODE, "5000")
    win.act_save.trigger()
    wait_tasks(qtbot, win)
    saved = sorted(answers.folder.glob("*.cidx"))
    assert len(saved) == 1
    win.act_export.trigger()
    wait_tasks(qtbot, win)
    second = sorted(set(answers.folder.glob("*.xlsx")) - set(first))
    assert len(second) == 1
    # the 历年排名 sheet carries the edited edition's scores
    want = compute_editions(load(books["each_edited"])[0])
    ws = openpyxl.load_workbook(second[0])["历年排名"]
    head = [x.value for x in ws[4]]
    assert head[:7] == ["城市", *LABELS, *LABELS]
    s22 = {r[0].value: r[4].value for r in ws.iter_rows(min_row=5) if r[0].value is not None}
    want22 = scores(want, "2022")
    assert s22 and all(s22[u] == pytest.approx(want22[u]) for u in s22)
    # the fingerprint (it covers every edition) changed, and is the edited workbook's own
    fp = [fingerprint_in(p) for p in (first[0], second[0])]
    assert fp[0] != fp[1]
    from core.provenance.fingerprint import fingerprint
    edited = load(books["each_edited"])[0]
    assert fp[1] == fingerprint(edited.framework, edited.settings, edited.data, edited.editions)

    # opened again (File → Open on the .cidx): the edit is there
    c.set_project(load(books["each"])[0])
    open_book(win, qtbot, answers, saved[0])
    assert c.project.edition("2022").data.values.at[UNIT, CODE] == NEW
    choose(win, "2022")
    assert shown_value(win.data_model, UNIT, CODE) == NEW and win.tabs.tabText(1) == "数据（2022）"
    for lb in LABELS:
        assert_same_scores(scores(c.eds.er, lb), scores(want, lb))
    assert not excepthook


def test_the_data_model_with_editions_passes_qtmodeltester(win, qtbot, answers, excepthook, books,  # noqa: F811
                                                          qtmodeltester):
    open_book(win, qtbot, answers, books["each"])
    choose(win, "2022")
    qtmodeltester.check(win.data_model)
    choose(win, "2023")
    qtmodeltester.check(win.data_model)


# --- the engine's edit ---------------------------------------------------------------------------------------
def test_with_edition_values_touches_that_edition_only(books):
    p = load(books["each"])[0]
    q = with_edition_values(p, "2022", {(UNIT, CODE): NEW})
    assert q.edition("2022").data.values.at[UNIT, CODE] == NEW
    assert p.edition("2022").data.values.at[UNIT, CODE] != NEW  # the old project as it was
    assert q.edition("2023") is p.edition("2023") and q.data is p.data
    # the edited sheet keeps the value (a save stores the table; a structural edit re-reads it)
    t = q.edition("2022").table
    assert t.rows[[r[0] for r in t.rows].index(UNIT)][t.header.index(CODE)] == NEW
    # the same problems as the workbook written with that value (the edition's re-read, the others kept)
    want = load(books["each_edited"])[0].problems
    key = sorted((x.kind, x.severity, x.unit, x.code, x.row, (x.args or {}).get("edition")) for x in want)
    assert sorted((x.kind, x.severity, x.unit, x.code, x.row, (x.args or {}).get("edition"))
                  for x in q.problems) == key
    # the latest edition's label is the project's data, as before
    r = with_edition_values(p, "2024", {(UNIT, CODE): NEW})
    assert r.data.values.at[UNIT, CODE] == NEW and r.edition("2022") is p.edition("2022")
    with pytest.raises(ValueError):
        with_edition_values(p, "2022", {("nowhere", CODE): 1.0})
    with pytest.raises(KeyError):
        with_edition_values(p, "1999", {(UNIT, CODE): 1.0})
    assert np.isfinite(p.edition("2022").data.values.at[UNIT, CODE])


def test_one_edition_project_is_as_before(win, excepthook):  # noqa: F811
    c, m = win.controller, win.data_model
    assert m.edition == "" and win.tabs.tabText(1) == "数据"
    assert type_into(m, UNIT, CODE, "77")
    assert c.project.data.values.at[UNIT, CODE] == 77.0 and c.project.editions == ()
    assert not c.history.entries[-1].text.startswith("edition")
    assert "edition" not in c.history.entries[-1].changes[0]
    assert not excepthook


def test_the_frozen_unit_column_lines_up_with_its_rows(win, qtbot, excepthook):  # noqa: F811
    """The unit column laid over the grid (FrozenColumnTable) has a one-line header, the indicators' headers two
    lines: its rows must still sit level with the grid's (the same unit beside its own figures)."""
    t = win.data_table
    win.tabs.setCurrentWidget(t)
    qtbot.waitUntil(t.isVisible)
    QApplication.processEvents()
    assert "\n" in str(win.data_model.headerData(1 + len(win.data_model._groups), Qt.Orientation.Horizontal))
    for row in range(5):
        idx = win.data_model.index(row, 0)
        y_grid = t.viewport().mapTo(win, t.visualRect(idx).topLeft()).y()
        y_frozen = t.frozen.viewport().mapTo(win, t.frozen.visualRect(idx).topLeft()).y()
        assert y_frozen == y_grid, row
    assert not excepthook


def test_filling_an_older_editions_empty_cell_clears_its_warning(win, qtbot, answers, excepthook, books):  # noqa: F811
    open_book(win, qtbot, answers, books["each"])
    c, m = win.controller, win.data_model
    choose(win, "2022")

    def warned() -> bool:
        return any((p.unit, p.code) == HOLE and (p.args or {}).get("edition") == "2022" for p in c.project.problems)

    others = sorted(p.message for p in c.project.problems if (p.args or {}).get("edition") != "2022")
    assert warned() and m.data(m.cell_of(*HOLE), Qt.ItemDataRole.BackgroundRole) is not None
    assert type_into(m, *HOLE, "50")
    assert not warned() and m.data(m.cell_of(*HOLE), Qt.ItemDataRole.BackgroundRole) is None
    assert sorted(p.message for p in c.project.problems if (p.args or {}).get("edition") != "2022") == others
    assert not any((p.unit, p.code) == HOLE for p in win.problems.model.items
                   if (p.args or {}).get("edition") == "2022")  # the problems list follows
    win.act_undo.trigger()
    assert warned() and m.data(m.cell_of(*HOLE), Qt.ItemDataRole.BackgroundRole) is not None
    assert not excepthook


@pytest.mark.parametrize("mode", ["each", "base"])
def test_sheet_per_edition_form_edits_that_sheet(tmp_path, mode):
    """The other input form (数据2022 / 数据2023 / 数据2024 sheets): the edit lands in 数据2022's rows, and the
    results equal those of the workbook written with the value (under `base`, every edition moves)."""
    settings = {"editions_normalization": mode}
    a = write_editions_workbook(tmp_path / "a.xlsx", labels=LABELS, form="sheets", settings=settings)
    b = write_editions_workbook(tmp_path / "b.xlsx", labels=LABELS, form="sheets", settings=settings,
                                change={("2022", UNIT, CODE): NEW})
    p = load(a)[0]
    q = with_edition_values(p, "2022", {(UNIT, CODE): NEW})
    assert q.edition("2022").table.sheet == "数据2022"
    got, want = compute_editions(q), compute_editions(load(b)[0])
    for lb in LABELS:
        assert_same_scores(scores(got, lb), scores(want, lb))
    if mode == "base":
        assert scores(got, "2024") != scores(compute_editions(p), "2024")
