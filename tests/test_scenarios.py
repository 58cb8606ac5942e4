"""Scenarios: snapshots of the weights, switching, comparing ranks, JSON, the project file and the workbook."""

import json

import numpy as np
import openpyxl
import pytest

from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.files.project_file import read_project, save_project
from core.model.scenarios import (
    compare,
    framework_with_scenario,
    make_scenario,
    ranks_under,
    same_weights,
    scenarios_from_json,
    scenarios_to_json,
    unique_name,
)
from core.outputs import results_workbook as rw
from core.outputs.method_words import weight_note_text
from core.pipeline.run import compute


@pytest.fixture(scope="module")
def sample():
    project, problems = load(SAMPLE_WORKBOOK)
    assert project is not None and not problems.has_errors
    return project, compute(project)


def engine_ranks(result):
    _order, r = result.rank_order()
    return {u: (None if np.isnan(x) else int(x)) for u, x in zip(result.units, r)}


# ---------------------------------------------------------------------------------------- core
def test_snapshot_and_back(sample):
    project, _r = sample
    fw = project.framework.with_weights({"T": 3.0, "A": 1.5}, source="manual")
    s = make_scenario("技术优先", fw, note="draft")
    assert s["weights"]["T"] == 3.0 and s["weights"]["P"] is None and fw.root not in s["weights"]
    assert s["sources"]["T"] == "manual"
    back, lacking, unknown = framework_with_scenario(project.framework, s)
    assert lacking == [] and unknown == []
    assert {c: n.weight for c, n in back.nodes.items()} == {c: n.weight for c, n in fw.nodes.items()}
    assert {c: n.weight_source for c, n in back.nodes.items()} == {c: n.weight_source for c, n in fw.nodes.items()}
    assert same_weights(fw, s) and not same_weights(project.framework, s)
    assert unique_name([s], "技术优先") == "技术优先 (2)" and unique_name([s], "x") == "x"


def test_ranks_under_a_scenario_equal_reweight_and_a_full_compute(sample):
    project, r = sample
    fw = project.framework.with_weights({"T": 4.0, "E": 0.5})
    s = make_scenario("s", fw)
    expected = engine_ranks(r.reweight(fw))
    assert ranks_under(r, s) == expected
    assert ranks_under(r, fw) == expected
    assert ranks_under(r, {"T": 4.0, "E": 0.5}) == expected
    assert ranks_under(r, s) == engine_ranks(compute(project.with_framework(fw)))  # reweight == full compute
    assert ranks_under(r, s) != engine_ranks(r)


def test_compare_gives_each_units_rank_under_each_scenario(sample):
    project, r = sample
    a = make_scenario("a", project.framework)
    b = make_scenario("b", project.framework.with_weights({"A": 5.0}))
    c = make_scenario("c", project.framework.with_weights({"P": 0.2, "I": 3.0}))
    comp = compare(r, [a, b, c])
    assert comp["names"] == ["a", "b", "c"]
    assert comp["units"] == [r.units[i] for i in r.rank_order()[0]]
    for s in (a, b, c):
        fw = framework_with_scenario(project.framework, s)[0]
        assert comp["ranks"][s["name"]] == engine_ranks(r.reweight(fw))


def test_json_round_trip_and_broken_entries(sample):
    project, _r = sample
    a = make_scenario("等权", project.framework)
    b = make_scenario("技术优先", project.framework.with_weights({"T": 2.5}, source="AHP (principal eigenvector), "
                                                                               "CR 0.012"))
    text = json.dumps(scenarios_to_json([a, b]), ensure_ascii=False)
    back = scenarios_from_json(json.loads(text))
    assert back == [a, b]
    assert scenarios_from_json(text) == [a, b]
    errors = []
    mixed = scenarios_from_json([scenarios_to_json([a])[0], {"name": "x"}, "junk",
                                 {"name": "neg", "weights": {"T": -1}}, scenarios_to_json([a])[0]], errors)
    assert [s["name"] for s in mixed] == ["等权", "等权 (2)"]
    assert len(errors) == 3 and "x" in errors[0] and "negative" not in errors[0]
    assert scenarios_from_json(None) == [] and scenarios_from_json({"a": 1}, errors) == []


def test_scenarios_survive_the_project_file(sample, tmp_path):
    project, _r = sample
    a = make_scenario("a", project.framework.with_weights({"T": 2.0}, source="manual"))
    path = save_project(project, tmp_path / "p.cidx", extra={"scenarios": scenarios_to_json([a])})
    pf = read_project(path)
    assert scenarios_from_json(pf.scenarios) == [a]


# ------------------------------------------------------------------------------------- workbook
def test_workbook_scenario_sheets_and_weight_notes(sample, tmp_path):
    project, r = sample
    a = make_scenario("等权", project.framework)
    b = make_scenario("技术优先", project.framework.with_weights({"T": 4.0}))
    src = "entropy (熵权法)"
    fw = project.framework.with_weights({"T1": 0.4, "T2": 0.3, "T3": 0.2, "T4": 0.1}, source=src)
    r2 = r.reweight(fw)
    notes = {"T": {"kind": "data", "source": src, "method": "entropy",
                   "formula": {"zh": "熵权法：公式", "en": "Entropy: formula"},
                   "figures": {"e": {"T1": 0.9, "T2": 0.95, "T3": 0.97, "T4": 0.99},
                               "d": {"T1": 0.1, "T2": 0.05, "T3": 0.03, "T4": 0.01}, "units": 50, "dropped": []}},
             "A": {"kind": "ahp", "source": "AHP (principal eigenvector), CR 0.000", "cr": 0.0},  # stale: not shown
             "P": {"kind": "panel", "source": "panel AIJ, 3 experts, round 2"}}  # stale too
    path = tmp_path / "r.xlsx"
    rw.write_results(r2, path, data=project.data, scenarios=[a, b], notes=notes)
    wb = openpyxl.load_workbook(path, read_only=True)
    assert "情景比较" in wb.sheetnames and "情景权重" in wb.sheetnames  # each unit's rank, each scenario's weights
    rows = list(wb["情景比较"].iter_rows(values_only=True))
    assert rows[0][2:] == ("等权 排名", "技术优先 排名")
    ra, rb, now = ranks_under(r2, a), ranks_under(r2, b), engine_ranks(r2)
    for row in rows[1:]:
        unit = row[0]
        assert (row[1], row[2], row[3]) == (now[unit], ra[unit], rb[unit])
    weights = list(wb["情景权重"].iter_rows(values_only=True))
    t_row = next(x for x in weights if x[0] == "T")
    lw = framework_with_scenario(project.framework, b)[0].local_weights()
    assert t_row[5] == pytest.approx(lw["T"]) and t_row[3] == pytest.approx(r2.local["T"])
    methods = [x for x in wb["方法说明"].iter_rows(values_only=True) if x[0] == "权重说明"]
    assert len(methods) == 1  # only the note whose weights are still in the tree
    assert methods[0][1].startswith("T ") and "熵权法：公式" in methods[0][2] and "信息熵 e" in methods[0][2]
    assert "T1 0.9000" in methods[0][2]


def test_weight_note_texts():
    ahp = {"kind": "ahp", "method": "geometric", "ri_table": "chinese", "lambda_max": 4.12, "ci": 0.04, "ri": 0.89,
           "cr": 0.045, "weights": {"a": 0.5, "b": 0.5}}
    zh = weight_note_text(ahp, "zh")
    assert "根法" in zh and "CR = 0.0450" in zh and "通过一致性检验" in zh
    en = weight_note_text(dict(ahp, cr=0.2), "en")
    assert "row geometric mean" in en and "not consistent" in en
    panel = {"kind": "panel", "method": "aij", "n_experts": 3, "round": "2", "kendall_w": 0.7, "chi2": 8.4, "df": 4,
             "p_value": 0.078, "cr": 0.03, "expert_cr": {"张三": 0.02, "李四": None}, "cv": {"a": 0.1}}
    text = weight_note_text(panel, "zh")
    assert "AIJ" in text and "3 位专家" in text and "第 2 轮" in text and "Kendall W = 0.7000" in text
    assert "张三 0.0200" in text and "李四" not in text


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


def raw(fw):
    return {c: (n.weight, n.weight_source) for c, n in fw.nodes.items()}


def test_save_change_save_switch_back_restores_the_weights_exactly(ctrl, panel, qtbot):
    first = raw(ctrl.framework)
    ranks_first = ctrl.current_ranks()
    with qtbot.waitSignal(ctrl.scenarios_changed, timeout=1000):
        panel.save_current("等权")
    ctrl.set_share("T", 0.6)
    ctrl.end_gesture()
    ctrl.flush()
    changed = raw(ctrl.framework)
    assert changed != first
    panel.save_current("技术优先")
    assert [s["name"] for s in ctrl.scenarios] == ["等权", "技术优先"]
    steps = ctrl.undo_stack.count()
    assert panel.switch_to("等权")
    ctrl.flush()
    assert raw(ctrl.framework) == first  # exactly: raw weights and their sources
    assert ctrl.current_ranks() == ranks_first
    assert ctrl.undo_stack.count() == steps + 1  # one undoable step
    assert panel.list_table.item(0, 2).text() == "in use"
    ctrl.undo_stack.undo()
    ctrl.flush()
    assert raw(ctrl.framework) == changed
    panel.switch_to("技术优先")
    assert raw(ctrl.framework) == changed


def test_compare_shows_each_units_rank_under_each_scenario(ctrl, panel):
    panel.save_current("a")
    ctrl.set_share("A", 0.7)
    ctrl.end_gesture()
    panel.save_current("b")
    ctrl.set_share("P", 0.5)
    ctrl.end_gesture()
    ctrl.flush()
    panel.set_compared(["a", "b"], current=True)
    comp = panel.comparison
    r = ctrl.result
    assert comp["names"][1:] == ["a", "b"]
    for s in ctrl.scenarios:
        fw = framework_with_scenario(ctrl.framework, s)[0]
        assert comp["ranks"][s["name"]] == engine_ranks(r.reweight(fw))
    # the table: one row per unit, a column per scenario, the change first → last
    t = panel.ranks_table
    assert t.rowCount() == len(r.units)
    heads = [t.horizontalHeaderItem(k).text() for k in range(t.columnCount())]
    assert heads == ["Unit", "Current weights", "a", "b", "Change"]
    for i in range(t.rowCount()):
        unit = t.item(i, 0).text()
        assert t.item(i, 2).text() == str(comp["ranks"]["a"][unit])
        assert t.item(i, 3).text() == str(comp["ranks"]["b"][unit])
    # the chart: one line per city, labels at both ends
    ch = panel.chart
    assert ch.columns == ["Current weights", "a", "b"]
    panel.top_spin.setValue(0)  # all
    assert set(ch.units) == set(r.units)
    left = ch.getPlotItem().getAxis("left")._tickLevels[0]
    right = ch.getPlotItem().getAxis("right")._tickLevels[0]
    assert any(label.startswith(r.units[r.rank_order()[0][0]]) for _y, label in left)
    assert len(right) >= len(r.units) - 3  # ties share a label


def test_the_selected_city_is_highlighted_and_a_click_selects(ctrl, panel, qtbot):
    panel.save_current("a")
    ctrl.set_share("A", 0.7)
    ctrl.end_gesture()
    panel.save_current("b")
    unit = ctrl.result.units[5]
    ctrl.select_unit(unit)
    assert unit in panel.chart.curves  # drawn thick, on top
    other = next(u for u in panel.chart.units if u != unit)
    pos = panel.chart.point(other, 1)
    assert panel.chart.unit_at(pos) == other
    with qtbot.waitSignal(ctrl.selection_changed, timeout=1000):
        panel.chart.unit_clicked.emit(panel.chart.unit_at(pos))
    assert ctrl.selected == other and other in panel.chart.curves


def test_rename_delete_and_project_extra(ctrl, panel):
    panel.save_current("a")
    panel.save_current("a")  # made unique
    assert [s["name"] for s in ctrl.scenarios] == ["a", "a (2)"]
    assert panel.rename("a (2)", "b") == "b"
    assert "b" in panel.compared and "a (2)" not in panel.compared
    assert panel.delete("a", ask=False)
    assert [s["name"] for s in ctrl.scenarios] == ["b"]
    panel.confirm = lambda _t: False
    assert not panel.delete("b")
    extra = ctrl.project_extra()
    assert extra["scenarios"] == scenarios_to_json(ctrl.scenarios)
    json.dumps(extra)  # plain JSON
    ctrl.ahp_judgements["T"] = {"children": ["T1", "T2"], "matrix": [[1, 2], [0.5, 1]]}
    kept = json.loads(json.dumps(ctrl.project_extra()))
    project = ctrl.project
    ctrl.set_project(project)  # a new project forgets them
    assert ctrl.scenarios == [] and ctrl.ahp_judgements == {}
    assert ctrl.restore_project_extra(kept["scenarios"], kept["expert_inputs"]) == []
    assert [s["name"] for s in ctrl.scenarios] == ["b"]
    assert ctrl.ahp_judgements["T"]["matrix"] == [[1, 2], [0.5, 1]]
