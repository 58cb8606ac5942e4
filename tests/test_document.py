"""The whole project document (issue 18.2): the Document's pure edits, its save and load through the
project file (the same format as before: an existing file opens, a saved one is read by the old
reader), locking as an undoable step of the window, and the tree showing the Result's weights."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace

import pytest

from core.files import project_file as pf
from core.model import document as docs
from core.model.document import Document
from core.model.records import Entry, History

EXPERT_INPUTS = {"ahp_judgements": {"T": {"children": ["T1", "T2"], "matrix": [[1, 3], [1 / 3, 1]], "method": "eigen",
                                          "ri_table": "saaty"}},
                 "weight_notes": {"T": {"kind": "ahp", "cr": 0.0}},
                 "panel": {"method": "aij", "experts": ["张三", "李四"]}}
ROUND = {"name": "第一轮", "note": "", "when": "2026-01-02T03:04:05+08:00", "who": "王五", "fingerprint": "ab" * 32,
         "doc": {"settings": {}}, "ranks": {"苏州": 1}}


def entry(i: int, text: str) -> Entry:
    return Entry(id=i, when="2026-01-02T03:04:05+08:00", who="王五", kind="weights", title=text, text=text,
                 changes=[{"kind": "weight", "node": "T1"}], changes_total=1, nodes=["T1"])


def full_document(project) -> Document:
    """A document with something in every part, made with the edit functions."""
    d = Document(project)
    d, _s = docs.save_scenario(d, "基准", note="as loaded", created="2026-01-01T00:00:00+08:00")
    d = docs.with_expert_inputs(d, EXPERT_INPUTS)
    d = docs.with_history(d, History([entry(1, "weight of T1"), entry(2, "weight of T2")]))
    d = docs.with_round(d, ROUND)
    d = docs.with_extra(d, "expert_scores", {"T26": {"experts": ["A", "B"], "rule": "trimmed"}})
    return docs.set_locked(d, "T2", True)


def same_inputs(a, b) -> bool:
    """The same framework, settings and data (the SHA-256 a results workbook carries)."""
    from core.provenance.fingerprint import fingerprint
    return fingerprint(a.framework, a.settings, a.data) == fingerprint(b.framework, b.settings, b.data)


def members(path) -> dict:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


# --- pure edits --------------------------------------------------------------------------------
def test_edits_return_a_new_document_and_leave_the_old_one_as_it_was(project):
    d0 = Document(project)
    d1 = docs.note_weights(d0, "T", {"kind": "entropy"})
    d2 = docs.keep_ahp_judgements(d1, "T", {"matrix": [[1]]})
    d3 = docs.with_extra(d2, "x", 1)
    d4 = docs.set_locked(d3, "T1", True)
    assert d0.weight_notes == {} and d1.ahp_judgements == {} and d2.extras == {} and d3.locked == frozenset()
    assert d4.weight_notes == {"T": {"kind": "entropy"}} and d4.ahp_judgements == {"T": {"matrix": [[1]]}}
    assert d4.extras == {"x": 1} and d4.locked == {"T1"} and d4.project is project
    assert docs.set_locked(d4, "T1", True) is d4  # nothing changes: the same document
    assert docs.set_locked(d4, "T1", False).locked == frozenset()
    with pytest.raises(AttributeError):
        d4.locked = frozenset()  # frozen


def test_scenario_edits(project):
    d, a = docs.save_scenario(Document(project), "A")
    d, b = docs.save_scenario(d, "A")
    assert [s["name"] for s in d.scenarios] == ["A", "A (2)"] and b["name"] == "A (2)"
    assert a["weights"]["T1"] == project.framework.nodes["T1"].weight
    renamed, name = docs.rename_scenario(d, "A (2)", "A")  # taken: made unique among the others
    assert name == "A (2)" and renamed.scenarios[1]["name"] == "A (2)"
    renamed, name = docs.rename_scenario(d, "A (2)", " B ")
    assert name == "B" and [s["name"] for s in renamed.scenarios] == ["A", "B"]
    assert [s["name"] for s in d.scenarios] == ["A", "A (2)"]  # the old document keeps its names
    assert docs.rename_scenario(d, "A", "  ") == (d, "A")
    assert [s["name"] for s in docs.delete_scenario(renamed, "A").scenarios] == ["B"]
    # a scenario's framework carries its weights back
    moved = docs.with_project(d, project.with_framework(project.framework.with_weights({"T1": 0.9, "T2": 0.1})))
    fw, lacking, unknown = docs.scenario_framework(moved, "A")
    assert fw.nodes["T1"].weight == project.framework.nodes["T1"].weight and lacking == [] and unknown == []
    with pytest.raises(KeyError):
        docs.scenario_framework(d, "no such scenario")


# --- the project file ----------------------------------------------------------------------------
def test_a_whole_document_survives_save_and_load(project, tmp_path):
    d = replace(full_document(project), other={"later_feature": {"kept": True}})
    path = pf.save_document(d, tmp_path / "p.cidx")
    back, errors = pf.load_document(path)
    assert errors == []
    assert back.scenarios == d.scenarios and back.rounds == d.rounds and back.locked == {"T2"}
    assert back.ahp_judgements == EXPERT_INPUTS["ahp_judgements"] and back.panel == EXPERT_INPUTS["panel"]
    assert back.weight_notes == EXPERT_INPUTS["weight_notes"] and back.extras == d.extras
    assert [e.to_dict() for e in back.history] == [e.to_dict() for e in d.history]
    assert back.other == {"later_feature": {"kept": True}}  # a key this version does not know is not lost
    assert same_inputs(back.project, project)


def test_without_locks_the_file_is_the_one_the_old_writer_made(project, tmp_path):
    """save_document writes what `save_project(project, extra=<the controller's old project_extra>)` wrote:
    project.json byte for byte (the manifest differs only by the time of saving)."""
    d = docs.set_locked(full_document(project), "T2", False)
    new = pf.save_document(d, tmp_path / "new.cidx")
    old_extra = {"scenarios": [dict(s) for s in d.scenarios], "expert_inputs": EXPERT_INPUTS,
                 "history": [e.to_dict() for e in d.history], "rounds": [ROUND],
                 "extras": {"expert_scores": {"T26": {"experts": ["A", "B"], "rule": "trimmed"}}}}
    old = pf.save_project(project, tmp_path / "old.cidx", extra=old_extra)
    assert members(new)[pf.PROJECT] == members(old)[pf.PROJECT]


def test_a_file_of_the_old_writer_opens_as_a_document(project, tmp_path):
    extra = {"scenarios": [{"name": "S", "weights": {"T1": 2.0}, "sources": {}}], "expert_inputs": EXPERT_INPUTS,
             "history": [entry(1, "weight of T1").to_dict()], "rounds": [ROUND], "extras": {"a": [1, 2]}}
    path = pf.save_project(project, tmp_path / "old.cidx", extra=extra)
    d, errors = pf.load_document(path)
    assert errors == []
    assert [s["name"] for s in d.scenarios] == ["S"] and d.scenarios[0]["weights"] == {"T1": 2.0}
    assert d.panel == EXPERT_INPUTS["panel"] and d.rounds == (ROUND,) and d.extras == {"a": [1, 2]}
    assert [e.text for e in d.history] == ["weight of T1"] and d.locked == frozenset() and d.other == {}


def test_the_old_reader_reads_a_saved_document(project, tmp_path):
    """read_project (what the old window used) gets every part in its old place; the locked weights are
    one more key of `extra`, which the old controller skipped."""
    path = pf.save_document(full_document(project), tmp_path / "p.cidx")
    old = pf.read_project(path)
    assert same_inputs(old.project, project)
    assert [s["name"] for s in old.scenarios] == ["基准"] and old.expert_inputs == EXPERT_INPUTS
    assert sorted(old.extra) == ["extras", "history", "locked", "rounds"]
    assert old.extra["locked"] == ["T2"] and old.extra["rounds"] == [ROUND]
    assert json.loads(members(path)[pf.MANIFEST])["schema_version"] == pf.SCHEMA_VERSION


def test_broken_parts_are_skipped_with_a_message(project, tmp_path):
    extra = {"scenarios": [{"weights": {}}], "history": [{"id": "x"}], "rounds": [{"name": "r"}], "locked": "T1"}
    d, errors = pf.load_document(pf.save_project(project, tmp_path / "p.cidx", extra=extra))
    assert d.scenarios == () and len(d.history) == 0 and d.rounds == () and d.locked == frozenset()
    assert len(errors) == 4 and any("locked" in e for e in errors) and any("round 1" in e for e in errors)


# --- the window ---------------------------------------------------------------------------------
def test_locking_is_undoable_from_the_tree_panel(qtbot, sample_window):
    from PySide6.QtCore import Qt

    from gui.models.tree_model import COL_LOCKED
    win = sample_window
    c, tree = win.controller, win.tree
    tree.select("T1")
    steps = c.undo_stack.count()
    tree.act_lock.trigger()
    check = tree.model.index_of("T1", COL_LOCKED)
    assert c.locked == {"T1"} and c.document.locked == {"T1"} and c.undo_stack.count() == steps + 1
    assert check.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    c.undo_stack.undo()
    assert c.locked == frozenset() and not tree.act_lock.isChecked() and tree.slider.isEnabled()
    assert check.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    c.undo_stack.redo()
    assert c.locked == {"T1"} and tree.act_lock.isChecked() and not tree.slider.isEnabled()
    assert len(c.history) == 0  # a lock moves no weight and no rank: not a history entry


def test_the_window_saves_and_reopens_the_whole_document(qtbot, sample_window, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from gui.models.tree_model import COL_LOCKED
    win = sample_window
    c = win.controller
    c.set_locked("T2", True)
    c.note_weights("T", {"kind": "entropy"})
    c.save_scenario("甲")
    c.apply_weights({"T1": 0.4, "T2": 0.2, "T3": 0.2, "T4": 0.2}, "weights of T", "test")
    c.freeze_round("第一轮")
    target = tmp_path / "whole.cidx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    win.act_save_as.trigger()
    saved, errors = pf.load_document(target)
    assert errors == [] and saved.locked == {"T2"} and [s["name"] for s in saved.scenarios] == ["甲"]
    assert [e.kind for e in saved.history] == ["weights", "freeze"] and len(saved.rounds) == 1
    assert all(e.fingerprint_before and e.fingerprint_after for e in saved.history)  # filled in for the file
    c.set_project(c.project)  # something else in between: the parts are gone
    assert c.locked == frozenset() and c.scenarios == [] and len(c.history) == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    win.act_open.trigger()
    assert c.path == target and c.locked == {"T2"} and c.weight_notes == {"T": {"kind": "entropy"}}
    assert [s["name"] for s in c.scenarios] == ["甲"] and len(c.rounds) == 1 and len(c.history) == 2
    check = win.tree.model.index_of("T2", COL_LOCKED).data(Qt.ItemDataRole.CheckStateRole)
    assert check == Qt.CheckState.Checked  # the tree shows the lock


# --- the tree reads the Result's weights -----------------------------------------------------------
def test_the_tree_shows_exactly_the_results_weights(qtbot, controller, qtmodeltester):
    """Give the controller a Result whose recorded weights differ from what the framework would give:
    the tree shows the Result's (so it reads them, it does not work them out)."""
    from gui.models.tree_model import COL_EFFECTIVE, COL_WEIGHT, IndicatorTreeModel
    model = IndicatorTreeModel(controller)
    qtmodeltester.check(model)
    r = controller.result
    assert model.index_of("T1", COL_WEIGHT).data() == f"{100 * r.local['T1']:.1f} %"  # a view reads it
    local = {c: 0.0 for c in r.local}
    local.update({"T1": 0.123, "T2": 0.877})
    effective = {c: 0.0 for c in r.effective}
    effective["T1"] = 0.0456
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        controller.result = replace(r, local=local, effective=effective)
        controller.result_changed.emit(controller.result)
    assert model.index_of("T1", COL_WEIGHT).data() == "12.3 %"
    assert model.index_of("T2", COL_WEIGHT).data() == "87.7 %"
    assert model.index_of("T1", COL_EFFECTIVE).data() == "4.56 %"
    assert model.index_of("T3", COL_WEIGHT).data() == "0.0 %"
    qtmodeltester.check(model)


def test_after_an_edit_the_tree_shows_the_recomputed_results_weights(qtbot, controller):
    from gui.models.tree_model import COL_EFFECTIVE, COL_WEIGHT, IndicatorTreeModel
    model = IndicatorTreeModel(controller)
    controller.set_share("T1", 0.4)
    with qtbot.waitSignal(controller.result_changed, timeout=2000):
        pass
    r = controller.result
    assert r.framework is controller.framework and r.local["T1"] == pytest.approx(0.4)
    assert model.index_of("T1", COL_WEIGHT).data() == f"{100 * r.local['T1']:.1f} %"
    for code in ("T", "T1", "T2", "T11"):
        assert model.index_of(code, COL_EFFECTIVE).data() == f"{100 * r.effective[code]:.2f} %"
    # the effective weight is the product of the local ones down the tree (checked by hand, not by the code)
    assert r.effective["T11"] == pytest.approx(r.local["T"] * r.local["T1"] * r.local["T11"])
