"""The project's history: an entry for every kind of change, with who/when/what/why and the ranking
before and after; undo keeps the entry (as undone); it survives saving and reopening."""

import datetime as dt
import hashlib
import shutil

import numpy as np
import openpyxl
import pytest

from core.files.paths import SAMPLE_WORKBOOK
from core.files.project_file import read_project, save_project
from core.model import framework_edits as edits
from core.model.records import Entry, History
from core.pipeline.run import compute
from core.provenance.history import cell_changes, describe_settings, describe_weights, weight_changes

pytestmark = pytest.mark.gui


@pytest.fixture
def user(qapp, tmp_path):
    """QSettings in a temporary folder, and a user name set in it."""
    from PySide6.QtCore import QSettings
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    QSettings().setValue("user/name", "王秘书")
    yield "王秘书"
    QSettings().remove("user/name")
    QSettings.setDefaultFormat(QSettings.NativeFormat)


def ranks_of(project) -> dict:
    """Ranks computed here from the engine's root scores: 1 + the number of units scoring higher."""
    r = compute(project)
    s = {u: (None if np.isnan(v) else round(float(v), 9)) for u, v in zip(r.units, r.root_scores)}
    return {u: (None if v is None else 1 + sum(1 for w in s.values() if w is not None and w > v))
            for u, v in s.items()}


def last(c):
    return c.history_entries()[-1]


# --- the pure part -------------------------------------------------------------------------------
def test_words_for_weights_settings_and_cells(project):
    fw = project.framework
    assert weight_changes(fw, edits.set_local_share(fw, "T2", 0.25, set()), "T2") == []  # T has 4 children
    new = edits.set_local_share(fw, "T2", 0.3, set())
    ch = weight_changes(fw, new, primary="T2")
    assert ch[0]["code"] == "T2" and ch[0]["old"] == pytest.approx(1 / 4) and ch[0]["new"] == pytest.approx(0.3)
    assert {c["code"] for c in ch} == {"T1", "T2", "T3", "T4"}
    new = edits.set_local_share(fw, "T2", 0.4, set())
    assert describe_weights(weight_changes(fw, new, "T2"), "T2").startswith("weight of T2 from 0.25 to 0.40")
    s = project.settings
    assert describe_settings([{"kind": "setting", "key": "normalization", "old": "minmax", "new": "zscore"}]) \
        == "method changed: normalisation minmax → zscore"
    assert describe_settings([{"kind": "setting", "key": "decimals", "old": s.decimals, "new": 2}]) \
        == "setting decimals from 1 to 2"
    assert cell_changes({("苏州", "T23"): 1204.0}, {("苏州", "T23"): 1204.0}) == []


def test_entries_are_plain_json_and_filter_by_node_or_unit():
    h = History()
    a = h.add(Entry(kind="weights", text="weight of T2 from 0.20 to 0.25", nodes=["T2", "T1"]))
    b = h.add(Entry(kind="data", text="data cell 苏州 / T23 from 1204 to 1240", nodes=["T23"], units=["苏州"],
                    reason="typo in the yearbook"))
    assert (a.id, b.id) == (1, 2)
    back = History.from_json(h.to_json())
    assert back.to_json() == h.to_json()
    assert [e.id for e in back.filter("苏州")] == [2]
    assert [e.id for e in back.filter("t2")] == [1, 2]  # T2 and T23 (a part of a code is enough)
    assert [e.id for e in back.filter("yearbook")] == [2]
    assert len(back.filter("")) == 2


# --- one entry per change, through the controller ---------------------------------------------------
def test_a_weight_edit_names_who_when_what_and_the_ranks_before_and_after(controller, user):
    before_project = controller.project
    t0 = dt.datetime.now().astimezone().replace(microsecond=0)
    controller.set_share("A", 0.6)
    controller.flush()
    e = last(controller)
    assert (e.kind, e.who, e.state, e.title) == ("weights", "王秘书", "done", "Weight of A")
    assert abs((dt.datetime.fromisoformat(e.when) - t0).total_seconds()) < 120
    assert e.text.startswith("weight of A from 0.20 to 0.60")
    assert e.changes[0] == {"kind": "weight", "code": "A", "old": pytest.approx(0.2), "new": pytest.approx(0.6)}
    # the ranking before and after, against ranks computed here
    rb, ra = ranks_of(before_project), ranks_of(controller.project)
    expected = {u: [rb[u], ra[u]] for u in rb if rb[u] != ra[u]}
    assert expected and e.moved == expected
    assert e.top_after[0] == [min(ra, key=lambda u: (ra[u], u)), 1]
    from core.provenance.fingerprint import fingerprint
    p0, p1 = before_project, controller.project
    assert e.fingerprint_before == fingerprint(p0.framework, p0.settings, p0.data)
    assert e.fingerprint_after == fingerprint(p1.framework, p1.settings, p1.data)


def test_a_slider_drag_is_one_entry_updated_as_it_goes(controller, user, qtbot):
    n = len(controller.history)
    with qtbot.waitSignal(controller.result_changed, timeout=2000):  # the entry is written after the recompute
        for share in (0.3, 0.35, 0.4, 0.45, 0.5):
            controller.set_share("T", share)
    entries = controller.history_entries()
    assert len(entries) == n + 1 and controller.undo_stack.count() == 1
    assert entries[-1].changes[0]["old"] == pytest.approx(0.2)
    assert entries[-1].changes[0]["new"] == pytest.approx(0.5)
    controller.end_gesture()
    controller.set_share("T", 0.4)  # a new gesture: a new entry
    assert len(controller.history_entries()) == n + 2


def test_data_cell_settings_structure_and_ahp_each_write_an_entry(controller, user):
    c = controller
    old = float(c.project.data.values.at["苏州", "T23"])
    c.set_data_values({("苏州", "T23"): old + 36}, "Edit data", reason="yearbook 2024 corrected")
    e = last(c)
    assert (e.kind, e.units, e.nodes, e.reason) == ("data", ["苏州"], ["T23"], "yearbook 2024 corrected")
    assert e.text == f"data cell 苏州 / T23 from {old:g} to {old + 36:g}"

    c.set_settings(c.settings.with_(normalization="zscore"), "Normalisation")
    assert last(c).text == "method changed: normalisation minmax → zscore" and last(c).kind == "settings"

    c.structural_edit("Direction of T21", edits.set_fields, "T21", direction=-1)
    e = last(c)
    assert e.kind == "structure" and e.text == "direction of T21 from + to -" and e.nodes == ["T21"]

    c.apply_weights({"P1": 0.7, "P2": 0.3}, "AHP weights of P", "AHP (eigenvector)")
    e = last(c)
    assert e.kind == "weights" and e.title == "AHP weights of P" and {x["code"] for x in e.changes} == {"P1", "P2"}
    assert len(c.history) == 4 and all(x.who == "王秘书" for x in c.history)


def test_undo_marks_the_entry_undone_and_it_stays_listed(controller, user):
    c = controller
    c.set_share("E", 0.5)
    c.flush()
    c.set_data_values({("北京", "P11"): 1.0}, "Edit data")
    c.undo_stack.undo()
    entries = c.history_entries()
    assert [e.state for e in entries] == ["done", "undone"]
    assert entries[1].events[0][0] == "undone" and entries[1].events[0][2] == "王秘书"
    assert float(c.project.data.values.at["北京", "P11"]) != 1.0
    c.undo_stack.redo()  # redo marks the same entry done again (no new entry)
    assert [e.state for e in c.history_entries()] == ["done", "done"]
    assert [ev[0] for ev in c.history_entries()[1].events] == ["undone", "redone"]
    c.undo_stack.undo()
    c.set_share("E", 0.3)  # the same gesture on E: merges into its step (and entry) again
    entries = c.history_entries()
    assert [e.state for e in entries] == ["done", "undone"] and entries[0].changes[0]["new"] == pytest.approx(0.3)
    c.end_gesture()
    c.set_share("E", 0.25)  # a new edit drops the undone step from the undo stack, not from the history
    assert [e.state for e in c.history_entries()] == ["done", "undone", "done"]


def test_reimport_names_the_file_and_its_sha256(controller, user, tmp_path):
    src = tmp_path / "new data.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, src)
    wb = openpyxl.load_workbook(src)
    ws = wb["数据"]
    head = [x.value for x in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "杭州")
    old = ws.cell(row, head.index("E11") + 1).value
    ws.cell(row, head.index("E11") + 1).value = old + 5
    wb.save(src)
    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    framework_before = controller.framework
    assert controller.reimport_data(src, reason="statistics bureau update") is None
    e = last(controller)
    assert e.kind == "reimport" and e.reason == "statistics bureau update"
    assert e.changes[0] == {"kind": "reimport", "file": "new data.xlsx", "sha256": sha}
    assert e.changes[1:] == [{"kind": "cell", "unit": "杭州", "code": "E11", "old": float(old), "new": float(old + 5)}]
    assert e.text.startswith(f"data sheet re-imported from new data.xlsx (sha256 {sha[:12]}")
    assert controller.framework is framework_before  # the framework stays
    assert controller.project.data.values.at["杭州", "E11"] == old + 5
    controller.undo_stack.undo()
    assert controller.project.data.values.at["杭州", "E11"] == old


def test_a_broken_data_file_is_refused_and_changes_nothing(controller, user, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("城市,P11\n北京,1\n北京,2\n", encoding="utf-8")  # a duplicate unit is an error
    n = len(controller.history)
    problems = controller.reimport_data(bad)
    assert problems is not None and problems.has_errors
    assert len(controller.history) == n and controller.undo_stack.count() == 0


# --- data edits stay in the data sheet ---------------------------------------------------------------
def test_an_edited_cell_survives_a_structural_edit_saving_and_reopening(controller, user, tmp_path, qtbot):
    c = controller
    c.set_data_values({("苏州", "T23"): 1240.0, ("常州", "A21"): None}, "Edit data")
    # a structural edit that re-reads the data sheet (a new leaf's name changes the leaves)
    assert c.structural_edit("Rename", edits.set_fields, "T23", name_zh="发明专利授权量（件）") is None
    c.flush()
    assert c.project.data.values.at["苏州", "T23"] == 1240.0
    assert np.isnan(c.project.data.values.at["常州", "A21"])
    path = tmp_path / "p.cidx"
    save_project(c.project, path, extra=c.project_extra())
    pf = read_project(path)
    assert pf.project.data.values.at["苏州", "T23"] == 1240.0
    assert np.isnan(pf.project.data.values.at["常州", "A21"])
    # and the raw sheet holds them (a later re-read keeps them)
    t = pf.project.data_table
    j = [str(h) for h in t.header].index("T23")
    assert next(r for r in t.rows if r[0] == "苏州")[j] == 1240.0


def test_a_value_for_an_indicator_without_a_column_adds_the_column(project):
    from core.model.data_edits import with_data_values
    from core.model.dataset import parse_data
    from core.model.problems import ProblemList
    from core.model.project import Project
    t = project.data_table
    j = [str(h) for h in t.header].index("T25")
    table = type(t)(t.file, t.sheet, t.header[:j] + t.header[j + 1:], [r[:j] + r[j + 1:] for r in t.rows],
                    t.header_row)
    ds = parse_data(table, project.framework, ProblemList())
    without = Project(project.framework, ds, project.settings, ProblemList(), project.source, table)
    assert "T25" not in without.data.values.columns
    got = with_data_values(without, {("北京", "T25"): 7.0, ("上海", "T25"): 5.0})
    assert got.data_table.header[-1] == "T25"
    assert got.data.values.at["北京", "T25"] == 7.0 and got.data.values.at["上海", "T25"] == 5.0
    assert np.isnan(got.data.values.at["深圳", "T25"])
    with pytest.raises(ValueError):
        with_data_values(without, {("火星", "T25"): 1.0})
    with pytest.raises(ValueError):
        with_data_values(without, {("北京", "NOPE"): 1.0})


def test_expert_scores_fill_an_expert_scored_indicator(controller, user):
    from dataclasses import fields

    from core.model.framework import Node
    if "scored_by" not in {f.name for f in fields(Node)}:
        pytest.skip("expert-scored indicators are not in this version")
    c = controller
    assert c.structural_edit("Add T26", edits.add_node, "T2", "T26", "专家评分", "Expert score",
                             scored_by="expert") is None
    c.flush()
    assert "T26" not in c.project.data.values.columns
    scores = {(u, "T26"): float(60 + i % 30) for i, u in enumerate(c.project.data.units)}
    c.set_data_values(scores, "Expert scores of T26", source="expert scores, trimmed mean")
    assert c.project.data.values.at[c.project.data.units[3], "T26"] == 63.0
    assert "T26" in [str(h) for h in c.project.data_table.header]
    assert "source: expert scores, trimmed mean" in last(c).text


# --- saved and reopened ---------------------------------------------------------------------------------
def test_history_rounds_and_extras_survive_saving_and_reopening(controller, user, tmp_path, qtbot):
    from gui.controller import Controller
    c = controller
    c.set_share("I", 0.4)
    c.set_data_values({("苏州", "T23"): 1240.0}, "Edit data", reason="typo")
    c.undo_stack.undo()
    c.freeze_round("第二轮专家赋权结束", "after the panel")
    c.extras["expert_scores"] = {"T26": {"experts": ["A", "B"], "rule": "trimmed"}}
    path = tmp_path / "p.cidx"
    save_project(c.project, path, extra=c.project_extra())
    saved = [e.to_dict() for e in c.history_entries()]

    pf = read_project(path)
    assert set(pf.extra) >= {"history", "rounds", "extras"}
    d = Controller()
    d.set_project(pf.project, path)
    assert d.restore_project_extra(pf.scenarios, pf.expert_inputs, pf.extra) == []
    assert [e.to_dict() for e in d.history_entries()] == saved
    assert [e.state for e in d.history] == ["done", "undone", "done"]
    assert d.history.entries[1].reason == "typo" and d.history.entries[2].kind == "freeze"
    assert d.rounds[0]["name"] == "第二轮专家赋权结束" and d.rounds[0]["fingerprint"] == c.rounds[0]["fingerprint"]
    assert d.extras == c.extras
    # callers with two arguments still work (and restore no history)
    e = Controller()
    e.set_project(pf.project, path)
    assert e.restore_project_extra(pf.scenarios, pf.expert_inputs) == [] and len(e.history) == 0
    # a new edit after reopening continues the numbering
    d.set_share("I", 0.3)
    assert d.history_entries()[-1].id == 4


def test_a_new_project_starts_a_new_history(controller, user, project):
    controller.set_share("I", 0.4)
    controller.extras["x"] = 1
    controller.set_project(project)
    assert len(controller.history) == 0 and controller.extras == {} and controller.rounds == []


def test_user_name_defaults_to_the_login_name(controller, user):
    import getpass

    from PySide6.QtCore import QSettings
    assert controller.user_name == "王秘书"
    QSettings().remove("user/name")
    assert controller.user_name == getpass.getuser()
    controller.user_name = "  李专家 "
    assert QSettings().value("user/name") == "李专家" and controller.user_name == "李专家"
