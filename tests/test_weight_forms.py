"""Expert forms out and in, broken forms, AIJ/AIP merging and consensus figures."""

import math

import numpy as np
import openpyxl
import pytest
from scipy.stats import chi2

from core.experts.weight_forms import (
    ExpertForm,
    framework_fingerprint,
    kendall_w,
    merge_panel,
    read_expert_form,
    write_expert_form,
)
from core.model.framework import parse_framework
from core.model.problems import ProblemList
from core.weighting.ahp import consistent_matrix
from tests.helpers import fw_table, node

FW_ROWS = [node("R", None), node("D1", "R"), node("a", "D1"), node("b", "D1"), node("c", "D1"),
           node("D2", "R"), node("d", "D2"), node("e", "D2")]


def framework(rows=FW_ROWS):
    pr = ProblemList()
    fw = parse_framework(fw_table(rows), pr)
    assert fw is not None and not pr.has_errors
    return fw


FW = framework()


def fill(path, ahp=None, weights=None, edit=None):
    """Fill a written form as an expert would: ahp = {node: {(row, col): value}}, weights = {code: value}."""
    wb = openpyxl.load_workbook(path)
    for p, cells in (ahp or {}).items():
        ws = wb[f"AHP-{p}"]
        kids = list(FW.children[p])
        for (a, b), v in cells.items():
            ws.cell(row=kids.index(a) + 2, column=kids.index(b) + 2, value=v)
    if weights:
        ws = wb["weights"]
        rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
        for code, v in weights.items():
            ws.cell(row=rows[code], column=5, value=v)
    if edit:
        edit(wb)
    wb.save(path)
    return path


def upper(w, codes):
    """The upper triangle of the consistent matrix of weights w, as an expert fills it."""
    A = consistent_matrix(w)
    return {(codes[i], codes[j]): float(A[i, j]) for i in range(len(w)) for j in range(i + 1, len(w))}


W_A = {"R": [0.6, 0.4], "D1": [0.5, 0.3, 0.2], "D2": [0.25, 0.75]}
W_B = {"R": [0.3, 0.7], "D1": [0.2, 0.2, 0.6], "D2": [0.5, 0.5]}


def expert_form(tmp_path, name, ws=W_A, round_no=1, fname=None):
    path = tmp_path / (fname or f"{name}.xlsx")
    write_expert_form(FW, name, path, round_no=round_no, lang="en")
    return fill(path, ahp={p: upper(w, list(FW.children[p])) for p, w in ws.items()})


# ------------------------------------------------------------------------------------- writing


def test_written_form_layout(tmp_path):
    path = tmp_path / "张三.xlsx"
    write_expert_form(FW, "张三", path, round_no=2)  # Chinese by default
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["说明", "权重", "判断矩阵-R", "判断矩阵-D1", "判断矩阵-D2"]
    info = {r[0]: r[1] for r in wb["说明"].iter_rows(values_only=True) if r and r[0]}
    assert info["专家姓名"] == "张三" and info["轮次"] == 2
    assert info["指标体系校验码"] == framework_fingerprint(FW)
    assert info["征询节点"] == "R, D1, D2"
    assert any("两两比较" in str(k) for k in info)  # instructions in Chinese
    assert wb["说明"]["A1"].value == "CityIndex Studio 专家权重征询表"
    ws = wb["权重"]
    assert [c.value for c in ws[1]] == ["代码", "上级", "名称", "上级名称", "权重"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True)]
    assert [(r[0], r[1], r[4]) for r in rows] == [("D1", "R", None), ("D2", "R", None), ("a", "D1", None),
                                                ("b", "D1", None), ("c", "D1", None), ("d", "D2", None),
                                                ("e", "D2", None)]
    ws = wb["判断矩阵-D1"]
    assert ws["A1"].value == "行指标＼列指标"
    assert [c.value for c in ws[1]][1:4] == ["a", "b", "c"]
    assert [ws.cell(row=r, column=1).value for r in (2, 3, 4)] == ["a", "b", "c"]
    assert [ws.cell(row=k, column=k).value for k in (2, 3, 4)] == [1, 1, 1]
    assert ws["B3"].fill.fgColor.rgb.endswith("D9D9D9")  # lower triangle greyed
    assert ws["C2"].value is None and ws["C2"].number_format == "@"
    dvs = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert set(dvs) == {"C2", "D2", "D3"}  # the upper triangle, one rule per cell
    dv = dvs["D3"]
    assert dv.type == "custom" and "ISNUMBER(D3)" in dv.formula1 and "FIND" in dv.formula1


def test_form_for_some_nodes_only(tmp_path):
    path = tmp_path / "f.xlsx"
    write_expert_form(FW, "李四", path, nodes=["D1"], lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["instructions", "weights", "AHP-D1"]
    assert [c.value for c in wb["weights"][1]] == ["code", "parent", "name_zh", "name_en", "weight"]
    assert wb["AHP-D1"]["A1"].value == "row vs column"
    info = {r[0]: r[1] for r in wb["instructions"].iter_rows(values_only=True) if r and r[0]}
    assert info["expert"] == "李四" and info["nodes"] == "D1"
    assert [r[0] for r in wb["weights"].iter_rows(min_row=2, values_only=True)] == ["a", "b", "c"]
    with pytest.raises(ValueError, match="not internal nodes"):
        write_expert_form(FW, "李四", path, nodes=["a"])


# ------------------------------------------------------------------------------------- reading


def test_read_filled_form(tmp_path):
    path = expert_form(tmp_path, "张三", round_no=3)
    form, pr = read_expert_form(path, FW)
    assert not pr.has_errors, [p.format() for p in pr]
    assert form.expert == "张三" and form.round_no == 3 and form.file == "张三.xlsx"
    assert form.nodes == ["R", "D1", "D2"]
    for p, w in W_A.items():
        r = form.node_weights(p)
        assert r["weights"] == pytest.approx(w) and r["cr"] == pytest.approx(0.0, abs=1e-9)


def test_text_fractions_and_direct_weights(tmp_path):
    path = tmp_path / "王五.xlsx"
    write_expert_form(FW, "王五", path, lang="en")
    fill(path, ahp={"D1": {("a", "b"): "3", ("a", "c"): "1/2", ("b", "c"): "1/5"}},
         weights={"D1": 2, "D2": 3, "d": 1, "e": 1})
    form, pr = read_expert_form(path, FW)
    assert not pr.has_errors, [p.format() for p in pr]
    assert form.direct["R"] == pytest.approx({"D1": 0.4, "D2": 0.6})
    assert form.node_weights("D2")["source"] == "weights"
    assert form.node_weights("D1")["source"] == "ahp"
    assert form.matrices["D1"][0, 2] == pytest.approx(0.5)


def test_unfilled_form_is_refused(tmp_path):
    path = tmp_path / "空.xlsx"
    write_expert_form(FW, "空", path, lang="en")
    form, pr = read_expert_form(path, FW)
    assert form is None
    (p,) = pr.errors
    assert p.kind == "form_empty" and "expert 空" in p.message


# ------------------------------------------------------------------------------- broken forms


def broken(tmp_path, case):
    path = tmp_path / f"{case}.xlsx"
    write_expert_form(FW, f"专家{case}", path, lang="en")
    ahp = {p: upper(w, list(FW.children[p])) for p, w in W_B.items()}
    edit = None
    if case == "nonreciprocal":
        ahp["D1"][("b", "a")] = 3  # upper a vs b already holds 1 (0.2/0.2); B3 now says 3
    elif case == "zero":
        ahp["D1"][("a", "c")] = 0
    elif case == "negative":
        ahp["D1"][("b", "c")] = -3
    elif case == "missing_sheet":
        def edit(wb):
            del wb["AHP-D1"]
    elif case == "unknown_code":
        def edit(wb):
            wb["AHP-D1"]["C1"] = "bb"
    fill(path, ahp=ahp, edit=edit)
    return path


@pytest.mark.parametrize("case,kind,sheet,row,column,cell", [
    ("nonreciprocal", "ahp_not_reciprocal", "AHP-D1", 3, "a", "B3"),
    ("zero", "ahp_not_positive", "AHP-D1", 2, "c", "D2"),
    ("negative", "ahp_not_positive", "AHP-D1", 3, "c", "D3"),
    ("unknown_code", "ahp_unknown_code", "AHP-D1", 1, "bb", "C1"),
    ("missing_sheet", "form_missing_sheet", "AHP-D1", None, "", None),
])
def test_broken_form_is_reported_and_the_others_merge(tmp_path, case, kind, sheet, row, column, cell):
    good = [expert_form(tmp_path, "甲", W_A), expert_form(tmp_path, "乙", W_B)]
    bad = broken(tmp_path, case)
    forms, reports = [], []
    for path in [good[0], bad, good[1]]:
        form, pr = read_expert_form(path, FW)
        (forms if form is not None else reports).append(form if form is not None else pr)
    assert [f.expert for f in forms] == ["甲", "乙"]
    (pr,) = reports
    errs = [p for p in pr.errors if p.kind == kind]
    assert errs, [p.format() for p in pr]
    p = errs[0]
    assert f"expert 专家{case}" in p.message  # names the expert
    assert p.file == f"{case}.xlsx" and p.sheet == sheet and p.row == row
    if column:
        assert p.column == column
    if cell:
        assert cell in p.message
    merged = merge_panel(forms, "aip")
    assert merged["D1"]["n_experts"] == 2
    assert list(merged["D1"]["weights"].values()) == pytest.approx(
        [(x + y) / 2 for x, y in zip(W_A["D1"], W_B["D1"])])


def test_form_for_another_framework_is_refused(tmp_path):
    other = framework([node("X", None), node("X1", "X"), node("x1", "X1"), node("x2", "X1"),
                       node("X2", "X"), node("x3", "X2"), node("x4", "X2")])
    path = tmp_path / "other.xlsx"
    write_expert_form(other, "赵六", path)
    form, pr = read_expert_form(path, FW)
    assert form is None
    (p,) = pr.errors
    assert p.kind == "form_other_framework"
    assert "expert 赵六" in p.message and "another framework" in p.message and "x1" in p.message
    assert p.sheet == "说明" and p.column == "B" and p.value == framework_fingerprint(other)


def test_same_codes_other_tree_is_another_framework(tmp_path):
    moved = [r[:] for r in FW_ROWS]
    moved[4][1] = "D2"  # 'c' under D2 instead of D1
    path = tmp_path / "moved.xlsx"
    write_expert_form(framework(moved), "孙七", path, lang="en")
    form, pr = read_expert_form(path, FW)
    assert form is None and pr.errors[0].kind == "form_other_framework"


def test_bad_direct_weight_names_the_cell(tmp_path):
    path = tmp_path / "w.xlsx"
    write_expert_form(FW, "周八", path, lang="en")
    fill(path, weights={"a": 1, "b": "很多", "c": 2},
         edit=lambda wb: wb["weights"].cell(row=9, column=1, value="zz"))
    form, pr = read_expert_form(path, FW)
    assert form is None
    kinds = {p.kind: p for p in pr.errors}
    assert kinds["form_non_numeric"].message.startswith("expert 周八") and "E5" in kinds["form_non_numeric"].message
    assert (kinds["form_non_numeric"].sheet, kinds["form_non_numeric"].row) == ("weights", 5)
    assert "A9" in kinds["form_unknown_code"].message


# ------------------------------------------------------------------------------------- merging


def test_aij_is_the_geometric_mean_of_judgements(tmp_path):
    forms = [read_expert_form(expert_form(tmp_path, n, w), FW)[0] for n, w in (("甲", W_A), ("乙", W_B))]
    aij = merge_panel(forms, "aij")
    for p in W_A:
        g = np.sqrt(np.array(W_A[p]) * np.array(W_B[p]))
        assert list(aij[p]["weights"].values()) == pytest.approx(g / g.sum(), abs=1e-12)
        assert aij[p]["cr"] == pytest.approx(0.0, abs=1e-9)
        assert aij[p]["experts"]["甲"]["weights"] == pytest.approx(dict(zip(FW.children[p], W_A[p])))
        assert aij[p]["experts"]["乙"]["cr"] == pytest.approx(0.0, abs=1e-9)
        assert aij[p]["experts"]["乙"]["round"] == 1
    aip = merge_panel(forms, "aip")
    assert list(aip["R"]["weights"].values()) == pytest.approx([0.45, 0.55])
    assert aip["R"]["cr"] is None
    # spread figures for R: weights of D1 are 0.6 and 0.3
    assert aip["R"]["min"]["D1"] == pytest.approx(0.3) and aip["R"]["max"]["D1"] == pytest.approx(0.6)
    assert aip["R"]["spread"]["D1"] == pytest.approx(0.3)
    # cv = sample sd / mean = (0.3/√2) / 0.45
    assert aip["R"]["cv"]["D1"] == pytest.approx((0.3 / math.sqrt(2)) / 0.45)
    with pytest.raises(ValueError):
        merge_panel(forms, "median")


def test_aij_with_direct_weights_and_an_inconsistent_expert():
    kids = ("a", "b", "c")
    A = np.array([[1, 3, 1 / 5], [1 / 3, 1, 7], [5, 1 / 7, 1]])
    f1 = ExpertForm("甲", "1.xlsx", 1, {"D1": kids}, matrices={"D1": A})
    f2 = ExpertForm("乙", "2.xlsx", 1, {"D1": kids}, direct={"D1": {"a": 0.5, "b": 0.25, "c": 0.25}})
    out = merge_panel([f1, f2], "aij")["D1"]
    assert out["experts"]["甲"]["cr"] > 0.1 and out["experts"]["乙"]["source"] == "weights"
    G = np.sqrt(A * consistent_matrix([0.5, 0.25, 0.25]))
    from core.weighting.ahp import ahp_weights
    assert list(out["weights"].values()) == pytest.approx(ahp_weights(G)["weights"], abs=1e-12)


def test_kendall_w_by_hand():
    # 3 experts × 4 items; ranks (1 = largest weight):
    # E1 0.4 0.3 0.2 0.1 → 1 2 3 4; E2 0.35 0.4 0.15 0.1 → 2 1 3 4; E3 0.3 0.2 0.1 0.4 → 2 3 4 1
    # rank sums R = 5, 6, 10, 9; mean m(n+1)/2 = 7.5; S = 2.5² + 1.5² + 2.5² + 1.5² = 17
    # W = 12·17 / (3²·(4³ − 4)) = 204/540 = 0.377778; χ² = m(n − 1)W = 3·3·0.377778 = 3.4, df = 3
    W = [[0.4, 0.3, 0.2, 0.1], [0.35, 0.4, 0.15, 0.1], [0.3, 0.2, 0.1, 0.4]]
    r = kendall_w(W)
    assert r["w"] == pytest.approx(204 / 540)
    assert r["chi2"] == pytest.approx(3.4)
    assert r["df"] == 3
    assert r["p_value"] == pytest.approx(chi2.sf(3.4, 3))
    assert r["p_value"] == pytest.approx(0.3340, abs=5e-5)  # χ²(3) upper tail at 3.4
    # with a tie: E3 0.4 0.4 0.1 0.1 → 1.5 1.5 3.5 3.5; R = 4.5, 4.5, 9.5, 11.5; S = 9 + 9 + 4 + 16 = 38;
    # T₃ = 2·(2³ − 2) = 12; W = 12·38 / (9·60 − 3·12) = 456/504
    r = kendall_w([[0.4, 0.3, 0.2, 0.1], [0.35, 0.4, 0.15, 0.1], [0.4, 0.4, 0.1, 0.1]])
    assert r["w"] == pytest.approx(456 / 504)
    # perfect agreement: W = 1
    assert kendall_w([[0.5, 0.3, 0.2]] * 4)["w"] == pytest.approx(1.0)
    assert kendall_w([[0.5, 0.5]])["w"] is None  # one expert


# ------------------------------------------------------------------------- Chinese forms round trip


def fill_zh(path, ahp=None, weights=None):
    """Fill a Chinese form (sheets 权重 and 判断矩阵-<code>) as an expert would."""
    wb = openpyxl.load_workbook(path)
    for p, cells in (ahp or {}).items():
        ws = wb[f"判断矩阵-{p}"]
        kids = list(FW.children[p])
        for (a, b), v in cells.items():
            ws.cell(row=kids.index(a) + 2, column=kids.index(b) + 2, value=v)
    if weights:
        ws = wb["权重"]
        rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
        for code, v in weights.items():
            ws.cell(row=rows[code], column=5, value=v)
    wb.save(path)
    return path


def test_chinese_form_round_trip_by_judgements(tmp_path):
    path = tmp_path / "张三.xlsx"
    write_expert_form(FW, "张三", path, round_no=3)
    fill_zh(path, ahp={p: upper(w, list(FW.children[p])) for p, w in W_A.items()})
    form, problems = read_expert_form(path, FW)
    assert form is not None and not problems.has_errors, [q.message for q in problems]
    assert form.expert == "张三" and form.round_no == 3 and set(form.matrices) == {"R", "D1", "D2"}
    for p, w in W_A.items():  # a consistent matrix gives back the weights it was built from
        assert form.node_weights(p)["weights"] == pytest.approx(w, abs=1e-9)


def test_chinese_form_round_trip_by_direct_weights_and_mixed_with_english(tmp_path):
    zh = fill_zh(write_path := tmp_path / "甲.xlsx", weights={"D1": 3, "D2": 1, "a": 1, "b": 1, "c": 2}) \
        if write_expert_form(FW, "甲", tmp_path / "甲.xlsx") is None else None
    assert zh == write_path
    form, problems = read_expert_form(zh, FW)
    assert form is not None and not problems.has_errors
    assert form.direct["R"] == pytest.approx({"D1": 0.75, "D2": 0.25})
    assert form.direct["D1"] == pytest.approx({"a": 0.25, "b": 0.25, "c": 0.5})
    # D2 left blank: one note for the expert (not a warning), naming the node
    notes = [q for q in problems if q.kind == "form_nodes_blank"]
    assert len(notes) == 1 and notes[0].severity == "info" and notes[0].args["nodes"] == "D2"
    assert notes[0].text("zh") == "留空未填的节点（1 个）：D2；该专家不参与这些节点的汇总"
    # an English form of another expert merges with the Chinese one
    en = expert_form(tmp_path, "乙", ws=W_B)
    f2, _ = read_expert_form(en, FW)
    merged = merge_panel([form, f2], "aip")
    assert list(merged["R"]["weights"].values()) == pytest.approx([(0.75 + 0.3) / 2, (0.25 + 0.7) / 2])


def test_chinese_form_problems_name_the_chinese_sheet(tmp_path):
    path = tmp_path / "丙.xlsx"
    write_expert_form(FW, "丙", path)
    fill_zh(path, ahp={"D1": {("a", "b"): 0}})
    form, problems = read_expert_form(path, FW)
    assert form is None
    q = next(q for q in problems if q.kind == "ahp_not_positive")
    assert q.sheet == "判断矩阵-D1" and q.args["expert"] == "丙" and q.args["cell"] == "C2"
    assert q.text("zh") == "单元格 C2（a 与 b）：判断值必须为正（1/9 … 9）"
    assert q.format("zh").startswith("错误：丙.xlsx，工作表「判断矩阵-D1」，第 2 行，列「b」：专家 丙：")


def test_a_node_with_one_child_is_not_asked_about(tmp_path):
    # qa2: the sample's T4 has one indicator (T41); its form had a 1×1 判断矩阵-T4 sheet with nothing to
    # fill and a T41 weight row, and every returned form was noted as "nothing filled in for T4"
    fw = framework(FW_ROWS + [node("D3", "R"), node("f", "D3")])
    path = tmp_path / "赵六.xlsx"
    write_expert_form(fw, "赵六", path, lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["instructions", "weights", "AHP-R", "AHP-D1", "AHP-D2"]
    assert "f" not in [r[0] for r in wb["weights"].iter_rows(min_row=2, values_only=True)]
    info = {r[0]: r[1] for r in wb["instructions"].iter_rows(values_only=True) if r and r[0]}
    assert info["nodes"] == "R, D1, D2"
    kids = {p: list(fw.children[p]) for p in ("R", "D1", "D2")}
    w = {"R": [0.5, 0.3, 0.2], "D1": [0.5, 0.3, 0.2], "D2": [0.25, 0.75]}
    wb = openpyxl.load_workbook(path)
    for p, ws_ in w.items():
        sheet = wb[f"AHP-{p}"]
        for (a, b), v in upper(ws_, kids[p]).items():
            sheet.cell(row=kids[p].index(a) + 2, column=kids[p].index(b) + 2, value=v)
    wb.save(path)
    form, pr = read_expert_form(path, fw)
    assert not pr.has_errors, [p.format() for p in pr]
    assert not [p for p in pr if p.kind == "form_nodes_blank"], [p.format() for p in pr]
    assert form.node_weights("R")["weights"] == pytest.approx(w["R"])


def test_only_the_cells_an_expert_fills_are_open(tmp_path):
    # qa2: the weight forms were not protected at all (the score sheets are): an expert could overwrite a
    # code, a parent or a diagonal 1 and the form would come back unreadable
    path = tmp_path / "张三.xlsx"
    write_expert_form(FW, "张三", path)
    wb = openpyxl.load_workbook(path)
    for ws in wb:
        assert ws.protection.sheet, ws.title
    ws = wb["权重"]
    assert all(ws.cell(row=r, column=5).protection.locked is False for r in range(2, ws.max_row + 1))
    assert all(ws.cell(row=r, column=c).protection.locked for r in range(1, ws.max_row + 1) for c in range(1, 5))
    ws = wb["判断矩阵-D1"]
    n = len(FW.children["D1"])
    for i in range(n):
        for j in range(n):
            assert ws.cell(row=i + 2, column=j + 2).protection.locked is (j <= i), (i, j)
    assert ws["A2"].protection.locked and ws["B1"].protection.locked
    assert ws.protection.formatColumns is False  # the expert may still widen a column
