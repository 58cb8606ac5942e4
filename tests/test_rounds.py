"""Frozen rounds: the snapshot's SHA-256 is the inputs' fingerprint; a later change is shown against
the round — exactly the cells that changed and each unit's change of rank, recomputed."""

import hashlib
import json

import numpy as np
import pytest

from core.files.project_file import load_project, read_project, save_project
from core.model.data_edits import with_data_values
from core.pipeline.run import compute
from core.provenance import rounds
from core.provenance.fingerprint import canonical, fingerprint


def ranks(project) -> dict:
    """Ranks computed here from the engine's root scores (ties share the best rank)."""
    r = compute(project)
    s = {u: (None if np.isnan(v) else round(float(v), 9)) for u, v in zip(r.units, r.root_scores)}
    return {u: (None if v is None else 1 + sum(1 for w in s.values() if w is not None and w > v))
            for u, v in s.items()}


def fp(p) -> str:
    return fingerprint(p.framework, p.settings, p.data)


def test_a_round_hashes_to_the_inputs_fingerprint(project):
    r = rounds.freeze("第一轮", project, who="秘书处", note="before the panel")
    assert r["fingerprint"] == fp(project)
    # anyone can rehash the stored snapshot: sorted keys, no spaces, UTF-8, SHA-256
    text = json.dumps(r["doc"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == r["fingerprint"]
    assert rounds.intact(r)
    assert r["ranks"] == ranks(project)
    r["doc"]["data"]["units"]["北京"]["P11"] = "0"  # tampered with
    assert not rounds.intact(r)


def test_the_snapshot_alone_recomputes_the_same_ranking(project):
    r = rounds.freeze("R", project)
    again = rounds.project_of(r)
    assert fp(again) == r["fingerprint"]
    assert canonical(again.framework, again.settings, again.data) == r["doc"]
    assert ranks(again) == ranks(project)
    a, b = compute(again), compute(project)
    sa = dict(zip(a.units, a.root_scores))
    assert all(sa[u] == pytest.approx(v, abs=1e-9) for u, v in zip(b.units, b.root_scores))


def pick_cell(project):
    """A cell whose change moves some ranks: 北京's strongest indicator set to the column's minimum."""
    v = project.data.values
    col = max(project.framework.leaves, key=lambda c: v.at["北京", c] - v[c].min())
    return "北京", col, float(v[col].min())


def test_one_changed_cell_after_a_freeze_is_exactly_the_difference(project):
    r = rounds.freeze("第二轮专家赋权结束", project)
    unit, col, value = pick_cell(project)
    old = float(project.data.values.at[unit, col])
    changed = with_data_values(project, {(unit, col): value})
    rep = rounds.compare(r, changed)
    assert rep["differences"] == [{"kind": "cell", "unit": unit, "column": col, "old": format(old, ".17g"),
                                   "new": format(value, ".17g")}]
    assert rep["fingerprint_round"] == fp(project) and rep["fingerprint_now"] == fp(changed)
    assert rep["intact"]
    before, after = ranks(project), ranks(changed)
    expected = {u: (before[u], after[u]) for u in before if before[u] != after[u]}
    assert expected, "the chosen cell should move some ranks"
    assert {c["unit"]: (c["rank_a"], c["rank_b"]) for c in rep["rank_changes"]} == expected
    assert all(c["change"] == c["rank_a"] - c["rank_b"] for c in rep["rank_changes"])


def test_no_change_no_difference(project):
    r = rounds.freeze("R", project)
    rep = rounds.compare(r, project)
    assert rep["differences"] == [] and rep["rank_changes"] == []


def test_controller_freezes_and_compares(controller):
    c = controller
    r = c.freeze_round("第二轮专家赋权结束", "panel closed")
    assert r["fingerprint"] == fp(c.project) and c.history.entries[-1].kind == "freeze"
    assert c.freeze_round("第二轮专家赋权结束")["name"] == "第二轮专家赋权结束 (2)"
    unit, col, value = pick_cell(c.project)
    before = c.project
    c.set_data_values({(unit, col): value}, "Edit data")
    rep = c.compare_with_round()
    assert [(d["unit"], d["column"]) for d in rep["differences"]] == [(unit, col)]
    b, a = ranks(before), ranks(c.project)
    assert {x["unit"]: x["rank_b"] for x in rep["rank_changes"]} == {u: a[u] for u in a if a[u] != b[u]}


def test_rounds_survive_the_project_file(controller, tmp_path):
    c = controller
    r = c.freeze_round("R1")
    path = tmp_path / "p.cidx"
    save_project(c.project, path, extra=c.project_extra())
    stored = read_project(path).extra["rounds"][0]
    assert stored["fingerprint"] == r["fingerprint"] and rounds.intact(stored)
    assert rounds.compare(stored, load_project(path))["differences"] == []


# --- the fingerprint: what test_fingerprint.py does not cover yet ---------------------------------------
def test_fingerprint_unchanged_by_a_project_file_round_trip_after_edits(controller, tmp_path):
    c = controller
    c.set_data_values({("苏州", "T23"): 1240.0}, "Edit data")
    c.set_share("A", 0.4)
    c.flush()
    now = fp(c.project)
    path = tmp_path / "p.cidx"
    save_project(c.project, path, extra=c.project_extra())
    assert fp(load_project(path)) == now
    save_project(load_project(path), path)  # saved again, unchanged
    assert fp(load_project(path)) == now


def test_fingerprint_follows_edits_and_their_undo(controller):
    c = controller
    base = fp(c.project)
    v = float(c.project.data.values.at["苏州", "T23"])
    c.set_data_values({("苏州", "T23"): v}, "Same value")  # not a change: no step, same fingerprint
    assert fp(c.project) == base and c.undo_stack.count() == 0
    c.set_data_values({("苏州", "T23"): v + 1}, "Edit data")
    one_cell = fp(c.project)
    assert one_cell != base
    c.undo_stack.undo()
    assert fp(c.project) == base
    c.set_settings(c.settings.with_(decimals=2), "Decimals")
    assert fp(c.project) != base
    c.undo_stack.undo()
    c.set_share("P1", 0.7)
    c.flush()
    assert fp(c.project) not in (base, one_cell)
    c.undo_stack.undo()
    c.flush()
    assert fp(c.project) == base
