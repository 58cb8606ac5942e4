"""Weights from the data and expert panels in the window (offscreen)."""

import numpy as np
import openpyxl
import pytest

pytest.importorskip("PySide6")

from core.experts.weight_forms import merge_panel, read_expert_form, write_expert_form  # noqa: E402
from core.files.loader import load  # noqa: E402
from core.files.paths import SAMPLE_WORKBOOK  # noqa: E402
from core.weighting.ahp import consistent_matrix  # noqa: E402
from core.weighting.data_methods import data_weights  # noqa: E402
from tests.helpers import make_project, node  # noqa: E402


@pytest.fixture
def ctrl(qtbot):
    from gui.controller import Controller
    project, _ = load(SAMPLE_WORKBOOK)
    c = Controller()
    c.set_project(project)
    return c


# ------------------------------------------------------------------------------ data-driven weights
def test_entropy_on_T_applies_the_weights_data_weights_computes(ctrl, qtbot):
    from gui.dialogs.data_weights_dialog import WeightsDialog
    d = WeightsDialog(ctrl, "T")
    qtbot.addWidget(d)
    d.set_method("entropy")
    expected = data_weights(ctrl.result, "T", "entropy")
    assert d.preview["weights"] == expected["weights"]
    assert d.table.rowCount() == 4 and d.table.item(0, 0).text() == "T1"
    assert d.table.item(0, 3).text() == f"{expected['weights']['T1']:.4f}"
    assert d.table.horizontalHeaderItem(5).text() == "Entropy e"  # the figures beside the weights
    assert d.formula.text() == expected["formula"]["zh"]  # the controller's language
    steps = ctrl.undo_stack.count()
    before = dict(ctrl.framework.local_weights())
    assert d.apply()
    ctrl.flush()
    local = ctrl.framework.local_weights()
    for k, w in expected["weights"].items():
        assert local[k] == pytest.approx(w, abs=1e-12)
        assert ctrl.framework.nodes[k].weight_source == "熵权法"  # the language the user works in (zh)
    assert ctrl.undo_stack.count() == steps + 1
    note = ctrl.weight_notes["T"]
    assert note["kind"] == "data" and note["figures"]["e"] == expected["figures"]["e"]
    assert note["source"] == "熵权法"
    ctrl.undo_stack.undo()
    ctrl.flush()
    assert ctrl.framework.local_weights() == before


def test_entropy_on_every_node_at_once_bottom_up_is_one_step(ctrl, qtbot):
    """Issue 16.11: entropy applied to every internal node at once, bottom-up, through the dialog's check
    box and its Apply button: each node's weights are what data_weights gives for it once every node
    below it has its new weights (recomputed here from scratch, node by node), the entropy of a node
    right above the indicators agrees with the textbook formula, a note per node, and ONE undo."""
    import math

    from PySide6.QtWidgets import QDialogButtonBox

    from core.pipeline.run import compute
    from gui.dialogs.data_weights_dialog import WeightsDialog

    project = ctrl.project
    before = dict(ctrl.framework.local_weights())
    # the independent bottom-up walk: a fresh computation of the whole project before each node
    fw = project.framework
    internal = [c for c in fw.postorder() if fw.children[c]]
    expected = {}
    for n in internal:
        r = compute(project.with_framework(fw))
        w = data_weights(r, n, "entropy")["weights"]
        expected.update(w)
        fw = fw.with_weights(w)
    # entropy by hand for T1 (its children are indicators): p = x/Σx, e = −Σ p ln p / ln m, w ∝ 1 − e
    r0 = compute(project)
    kids = list(project.framework.children["T1"])
    X = r0.treated[kids].astype(float).dropna()
    m = len(X)
    d = {}
    for k in kids:
        col = [float(v) for v in X[k]]
        total = sum(col)
        e = -sum((v / total) * math.log(v / total) for v in col if v > 0) / math.log(m)
        d[k] = 1 - e
    hand = {k: d[k] / sum(d.values()) for k in kids}

    dlg = WeightsDialog(ctrl, "T")
    qtbot.addWidget(dlg)
    dlg.set_method("entropy")
    dlg.all_nodes.setChecked(True)
    assert not dlg.node_combo.isEnabled()
    assert dlg.preview_all["order"] == internal and not dlg.preview_all["failed"]
    assert internal.index("T1") < internal.index("T") < internal.index(fw.root)  # bottom-up
    assert dlg.table.rowCount() == sum(len(project.framework.children[n]) for n in internal)
    steps = ctrl.undo_stack.count()
    dlg.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    ctrl.flush()
    assert ctrl.undo_stack.count() == steps + 1
    local = ctrl.framework.local_weights()
    for k, w in expected.items():
        assert local[k] == pytest.approx(w, abs=1e-10), k
        assert ctrl.framework.nodes[k].weight_source == "熵权法"  # the window speaks Chinese
    for k, w in hand.items():
        assert local[k] == pytest.approx(w, abs=1e-10), k
    for n in internal:  # a method note for every node, in the order they were weighted
        note = ctrl.weight_notes[n]
        assert note["method"] == "entropy" and note["bottom_up"] == internal.index(n) + 1
    ctrl.undo_stack.undo()
    ctrl.flush()
    assert ctrl.framework.local_weights() == before


def test_every_method_previews_or_says_why_not(ctrl, qtbot):
    from core.weighting.data_methods import DATA_METHODS
    from gui.dialogs.data_weights_dialog import WeightsDialog
    d = WeightsDialog(ctrl, "T2")
    qtbot.addWidget(d)
    for m in DATA_METHODS:
        d.set_method(m)
        assert d.preview is not None, (m, d.error)
        assert sum(d.preview["weights"].values()) == pytest.approx(1.0)
        assert d.apply_btn.isEnabled()


def test_a_weight_error_is_shown_and_cannot_be_applied(qtbot):
    from gui.controller import Controller
    from gui.dialogs.data_weights_dialog import WeightsDialog
    rows = [node("R", None), node("a", "R"), node("b", "R")]
    project = make_project(rows, ["unit", "a", "b"], [["u1", -1.0, 2.0], ["u2", 3.0, 1.0], ["u3", 5.0, 4.0]])
    c = Controller()
    c.set_project(project)
    d = WeightsDialog(c, "R")
    qtbot.addWidget(d)
    d.set_method("entropy")
    assert d.preview is None
    assert "negative" in d.error and "'a'" in d.error
    assert not d.apply_btn.isEnabled()
    assert not d.error_label.isHidden() and "negative" in d.error_label.text()
    steps = c.undo_stack.count()
    assert not d.apply()
    assert c.undo_stack.count() == steps
    d.set_method("critic")  # min-max based: fine
    assert d.preview is not None and d.error == ""


# -------------------------------------------------------------------------------------- panels
def fill(path, fw, weights, edit=None):
    """Fill a form's AHP sheets as an expert would: the upper triangle of the consistent matrix."""
    wb = openpyxl.load_workbook(path)
    for p, w in weights.items():
        ws = wb[f"AHP-{p}"]
        A = consistent_matrix(w)
        for i in range(len(w)):
            for j in range(i + 1, len(w)):
                ws.cell(row=i + 2, column=j + 2, value=float(A[i, j]))
    if edit:
        edit(wb)
    wb.save(path)
    return path


def expert_weights(fw, seed):
    rng = np.random.default_rng(seed)
    return {p: rng.uniform(0.5, 3.0, len(fw.children[p])) for p in fw.preorder() if len(fw.children[p]) > 1}


@pytest.fixture
def forms(ctrl, tmp_path):
    fw = ctrl.framework
    paths = []
    for k, name in enumerate(("张三", "李四", "王五")):
        path = tmp_path / f"{name}.xlsx"
        write_expert_form(fw, name, path, nodes=[c for c in fw.preorder() if len(fw.children[c]) > 1], round_no=2,
                          lang="en")

        def broken(wb):  # T1 vs T2 = 3 in C2, and T2 vs T1 = 3 in B3: not reciprocal
            wb["AHP-T"].cell(row=2, column=3, value=3)
            wb["AHP-T"].cell(row=3, column=2, value=3)

        fill(path, fw, expert_weights(fw, k), broken if name == "王五" else None)
        paths.append(path)
    return paths


def test_panel_reports_the_broken_form_and_merges_the_others(ctrl, forms, qtbot):
    from gui.dialogs.weight_forms_dialog import PanelDialog
    d = PanelDialog(ctrl)
    qtbot.addWidget(d)
    d.import_forms(forms)
    assert [f.expert for f in d.forms] == ["张三", "李四"]  # the broken one is left out
    errors = [(p, q) for p, q in d.problems if q.severity == "error"]
    assert len(errors) == 1
    path, q = errors[0]
    assert path.name == "王五.xlsx" and q.sheet == "AHP-T"
    # the table names the expert, the sheet and the cells
    row = next(r for r in range(d.problems_table.rowCount()) if d.problems_table.item(r, 2).text() == "AHP-T")
    assert [d.problems_table.item(row, c).text() for c in range(4)] == ["王五", "王五.xlsx", "AHP-T", "C2, B3"]
    assert "不互为倒数" in d.problems_table.item(row, 4).text()  # the engine's text in the controller's language
    status = [d.forms_table.item(r, 3).text() for r in range(3)]
    assert status[:2] == ["used", "used"] and status[2].startswith("not used")
    # merged exactly as merge_panel merges the two good forms
    good = [read_expert_form(p, ctrl.framework)[0] for p in forms[:2]]
    expected = merge_panel(good, "aij")
    assert set(d.merged) == set(expected)
    for n, e in expected.items():
        assert d.merged[n]["weights"] == e["weights"]
        assert d.merged[n]["kendall_w"] == e["kendall_w"]
    d.set_merge_method("aip")
    expected = merge_panel(good, "aip")
    assert d.merged["T"]["weights"] == expected["T"]["weights"]
    # the detail of a node: each expert's weights beside the merged ones, and each one's CR
    r = next(i for i in range(d.summary_table.rowCount()) if d.summary_table.item(i, 0).text().startswith("T "))
    d.summary_table.selectRow(r)
    heads = [d.detail_table.horizontalHeaderItem(c).text() for c in range(d.detail_table.columnCount())]
    assert heads[2:5] == ["张三", "李四", "Merged"]
    assert d.detail_table.item(0, 4).text() == f"{expected['T']['weights']['T1']:.4f}"
    assert d.detail_table.item(4, 0).text() == "CR"
    assert "Kendall" in d.detail_note.text()


def test_panel_apply_writes_all_merged_weights_as_one_step(ctrl, forms, qtbot):
    from gui.dialogs.weight_forms_dialog import PanelDialog
    d = PanelDialog(ctrl)
    qtbot.addWidget(d)
    d.import_forms(forms)
    steps = ctrl.undo_stack.count()
    assert d.apply()
    ctrl.flush()
    assert ctrl.undo_stack.count() == steps + 1
    local = ctrl.framework.local_weights()
    for e in d.merged.values():
        for k, w in e["weights"].items():
            assert local[k] == pytest.approx(w, abs=1e-12)
            assert ctrl.framework.nodes[k].weight_source == "专家组（AIJ 判断矩阵几何平均），2 位专家，第 2 轮"
    assert ctrl.panel_result["experts"] == ["张三", "李四"]
    assert ctrl.weight_notes["T"]["kind"] == "panel"
    ctrl.undo_stack.undo()
    assert all(ctrl.framework.nodes[k].weight is None for k in ctrl.framework.nodes)


def test_export_writes_one_readable_form_per_expert(ctrl, tmp_path, qtbot):
    from gui.dialogs.weight_forms_dialog import PanelDialog, split_names
    assert split_names("张三, 李四\n王五，赵六、张三") == ["张三", "李四", "王五", "赵六"]
    d = PanelDialog(ctrl)
    qtbot.addWidget(d)
    d.names_edit.setPlainText("张三, 李四\n王五")
    d.round_spin.setValue(3)
    d.folder_edit.setText(str(tmp_path / "forms"))
    paths = d.export_forms()
    assert len(paths) == 3 and all(p.exists() for p in paths)
    again = d.export_forms()  # never over an existing (maybe filled) form
    assert not set(again) & set(paths)
    wb = openpyxl.load_workbook(paths[0])
    info = {r[0]: r[1] for r in wb["说明"].iter_rows(values_only=True) if r and r[0]}
    assert info["专家姓名"] == "张三" and info["轮次"] == 3
    assert "3 forms written" in d.export_log.text()
    assert d.export_forms(names=[]) == [] and "names" in d.export_log.text()
