"""Scenarios that record aggregation methods (issue 20 point 8): "same weights, TOPSIS at the root"
is a scenario, compared beside the others; scenarios of older files (weights only) keep loading.

Ranks are checked against the project recomputed from scratch with the scenario's framework."""

from dataclasses import replace

import numpy as np
import pytest

from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.files.project_file import read_project, save_project
from core.model.scenarios import (
    framework_with_scenario,
    make_scenario,
    ranks_under,
    same_weights,
    scenarios_from_json,
    scenarios_to_json,
)
from core.pipeline.run import compute


@pytest.fixture(scope="module")
def sample():
    project, problems = load(SAMPLE_WORKBOOK)
    assert project is not None and not problems.has_errors
    return project, compute(project)


def full_ranks(project, fw):
    r = compute(project.with_framework(fw))
    _order, ranks = r.rank_order()
    return {u: (None if np.isnan(x) else int(x)) for u, x in zip(r.units, ranks)}


def with_root(fw, method):
    return fw.with_node(replace(fw.nodes[fw.root], aggregation=method))


def test_a_scenario_records_the_methods_and_ranks_under_them(sample):
    project, r = sample
    fw = with_root(project.framework, "topsis")
    s = make_scenario("TOPSIS 根", fw)
    assert s["aggregations"][fw.root] == "topsis" and s["aggregations"]["T"] == ""  # "" = project default
    assert set(s["aggregations"]) == set(fw.internal)
    back, _, _ = framework_with_scenario(project.framework, s)
    assert back.nodes[fw.root].aggregation == "topsis"
    assert same_weights(fw, s) and not same_weights(project.framework, s)  # same weights, other method
    expected = full_ranks(project, fw)
    assert ranks_under(r, s) == expected
    assert expected != full_ranks(project, project.framework)  # the method does move units on the sample
    # other weights AND another method at once
    fw2 = with_root(project.framework.with_weights({"T": 4.0}), "copeland")
    assert ranks_under(r, make_scenario("x", fw2)) == full_ranks(project, fw2)


def test_old_scenarios_without_methods_keep_loading_and_leave_the_methods(sample, tmp_path):
    project, r = sample
    old = {"name": "旧方案", "created": "2025-01-01", "note": "", "weights": {"T": 3.0}, "sources": {"T": "manual"}}
    errors: list[str] = []
    [s] = scenarios_from_json([old], errors)
    assert errors == [] and "aggregations" not in s
    current = with_root(project.framework, "grey")
    back, _, _ = framework_with_scenario(current, s)
    assert back.nodes[current.root].aggregation == "grey"  # the scenario says nothing about methods
    assert "aggregations" not in scenarios_to_json([s])[0]
    # an old project file's scenarios (written without "aggregations") open as before
    path = save_project(project, tmp_path / "old.cidx", extra={"scenarios": [old]})
    assert read_project(path).scenarios[0]["weights"] == {"T": 3.0}


def test_methods_survive_json_and_the_project_file_and_a_bad_method_is_refused(sample, tmp_path):
    project, _ = sample
    s = make_scenario("TOPSIS 根", with_root(project.framework, "topsis"))
    [again] = scenarios_from_json(scenarios_to_json([s]))
    assert again["aggregations"] == s["aggregations"]
    path = save_project(project, tmp_path / "p.cidx", extra={"scenarios": scenarios_to_json([s])})
    assert read_project(path).scenarios[0]["aggregations"][project.framework.root] == "topsis"
    bad = dict(scenarios_to_json([s])[0], name="坏", aggregations={"T": "topsys"})
    errors: list[str] = []
    assert scenarios_from_json([bad], errors) == []
    assert "topsys" in errors[0] and "坏" in errors[0]


# ------------------------------------------------------------------------------------------ GUI
@pytest.fixture
def ctrl(qtbot):
    pytest.importorskip("PySide6")
    from gui.controller import Controller
    project, _ = load(SAMPLE_WORKBOOK)
    c = Controller()
    c.set_project(project)
    return c


@pytest.fixture
def panel(ctrl, qtbot):
    from gui.panels.scenarios_panel import ScenarioPanel
    p = ScenarioPanel(ctrl)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    return p


def set_root_method(ctrl, method):
    """What the tree's aggregation combo does (gui.models.tree_model._fields)."""
    from core.model import framework_edits as edits
    assert ctrl.structural_edit("root method", edits.set_fields, ctrl.framework.root, aggregation=method) is None
    ctrl.flush()


def test_same_weights_topsis_at_the_root_compared_and_switched(ctrl, panel, qtbot):
    project = ctrl.project
    base_fw = ctrl.framework
    panel.save_current("算术平均")
    set_root_method(ctrl, "topsis")
    panel.save_current("TOPSIS 根")
    ctrl.undo_stack.undo()  # back to the arithmetic mean, same weights
    ctrl.flush()
    assert ctrl.framework.nodes[ctrl.framework.root].aggregation == ""
    panel.set_compared(["算术平均", "TOPSIS 根"], current=True)
    comp = panel.comparison
    topsis_fw = with_root(base_fw, "topsis")
    assert comp["ranks"]["TOPSIS 根"] == full_ranks(project, topsis_fw)
    assert comp["ranks"]["算术平均"] == full_ranks(project, base_fw)
    t = panel.ranks_table
    col = [t.horizontalHeaderItem(k).text() for k in range(t.columnCount())].index("TOPSIS 根")
    for i in range(t.rowCount()):
        assert t.item(i, col).text() == str(comp["ranks"]["TOPSIS 根"][t.item(i, 0).text()])
    # switching to it sets the method too (a full recompute), and one undo takes it back
    assert panel.switch_to("TOPSIS 根")
    assert ctrl.framework.nodes[ctrl.framework.root].aggregation == "topsis"
    assert ctrl.current_ranks() == full_ranks(project, topsis_fw)
    row = [s["name"] for s in ctrl.scenarios].index("TOPSIS 根")
    assert panel.list_table.item(row, 2).text() == "in use"
    assert "TOPSIS" in panel.list_table.item(row, 0).toolTip()  # the list says which methods it records
    ctrl.undo_stack.undo()
    ctrl.flush()
    assert ctrl.framework.nodes[ctrl.framework.root].aggregation == ""
    assert ctrl.current_ranks() == full_ranks(project, base_fw)


def test_the_workbooks_scenario_sheet_ranks_under_the_scenarios_methods(sample, tmp_path):
    import openpyxl

    from core.outputs import results_workbook as rw
    project, r = sample
    fw = with_root(project.framework, "copeland")
    out = tmp_path / "s.xlsx"
    rw.write_results(r, out, scenarios=[make_scenario("Copeland 根", fw)])
    rows = list(openpyxl.load_workbook(out)["情景比较"].iter_rows(values_only=True))
    assert rows[0][2].startswith("Copeland 根") or "Copeland 根" in rows[0][2]
    assert {row[0]: row[2] for row in rows[1:]} == full_ranks(project, fw)
