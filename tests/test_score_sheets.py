"""Expert score sheets (issue 7): framework columns, sheets out, sheets in, merge rules, CLI."""

import json

import numpy as np
import pytest
from openpyxl import load_workbook

from core.cli.commands import run
from core.experts.score_sheets import (
    check_rule,
    expert_indicators,
    merge_scores,
    merged_values,
    read_score_sheet,
    read_score_sheets,
    rule_trimmed,
    write_score_sheet,
    write_score_sheets,
)
from core.files.loader import load
from core.model.framework import parse_framework
from core.model.problems import ProblemList
from core.model.table import Table

from .score_sheet_helpers import FRAMEWORK, SF_EXPERTS, SF_SCORES, SF_TARGETS, fill, sf_scores, write_input

# Trimmed means (K = 1) of the Shrout–Fleiss rows, by hand: drop the highest and the lowest score
#   [9, 2, 5, 8] → (5 + 8)/2 = 6.5      [6, 1, 3, 2] → (3 + 2)/2 = 2.5    [8, 4, 6, 8] → (6 + 8)/2 = 7
#   [7, 1, 2, 6] → (2 + 6)/2 = 4        [10, 5, 6, 9] → (6 + 9)/2 = 7.5   [6, 2, 4, 7] → (4 + 6)/2 = 5
SF_TRIMMED = dict(zip(SF_TARGETS, [6.5, 2.5, 7.0, 4.0, 7.5, 5.0]))
SF_MEDIAN = dict(zip(SF_TARGETS, [6.5, 2.5, 7.0, 4.0, 7.5, 5.0]))  # with 4 scores the same two middle ones
SF_MEAN = dict(zip(SF_TARGETS, [6.0, 3.0, 6.5, 4.0, 7.5, 4.75]))


@pytest.fixture
def project_path(tmp_path):
    return write_input(tmp_path / "input.xlsx")


@pytest.fixture
def project(project_path):
    p, problems = load(project_path)
    assert p is not None and not problems.has_errors, [x.format() for x in problems.errors]
    return p


@pytest.fixture
def sheets(tmp_path, project):
    """One written sheet per Shrout–Fleiss judge, in a folder."""
    return write_score_sheets(project.framework, project.data.units, SF_EXPERTS, tmp_path / "out")


def filled(sheets, skip=()):
    """Fill every sheet with its judge's column of the published data (Q1) and 10× it (Q2)."""
    for j, p in enumerate(sheets):
        if j in skip:
            continue
        q2 = {(u, "Q2"): 10 * v for (u, _c), v in sf_scores(j).items()}
        fill(p, {**sf_scores(j), **q2})
    return sheets


# ------------------------------------------------------------------------------- the framework columns

def _fw(rows, header=FRAMEWORK[0]):
    problems = ProblemList()
    fw = parse_framework(Table("f.xlsx", "framework", list(header), [list(r) for r in rows]), problems)
    return fw, problems


def test_framework_reads_expert_scored_indicators_also_with_chinese_headers():
    fw, problems = _fw(FRAMEWORK[1:])
    assert not problems.has_errors
    q1 = fw.nodes["Q1"]
    assert q1.expert_scored and q1.scale == (0.0, 10.0) and "典型应用案例" in q1.guidance
    assert not fw.nodes["A"].expert_scored
    assert expert_indicators(fw) == ["Q1", "Q2"]
    zh = ["代码", "上级", "名称", "英文名称", "权重", "方向", "评分方式", "评分下限", "评分上限", "评分说明"]
    rows = [list(r) for r in FRAMEWORK[1:]]
    rows[2][6] = "专家"
    fw2, problems = _fw(rows, zh)
    assert not problems.has_errors
    assert fw2.nodes["Q1"].expert_scored and fw2.nodes["Q1"].scale == (0.0, 10.0)
    assert fw2.nodes["Q1"].guidance == fw.nodes["Q1"].guidance


def test_framework_problems_name_row_and_column():
    rows = [list(r) for r in FRAMEWORK[1:]]
    rows[2][7], rows[2][8] = 10, 10  # Q1: scale_min = scale_max
    rows[3][6] = "panel vote"  # Q2: unknown scored_by
    rows[0][6] = "expert"  # R has children
    fw, problems = _fw(rows)
    errs = {p.kind: p for p in problems.errors}
    assert errs["bad_scale"].row == 4 and errs["bad_scale"].column == "scale_min" and errs["bad_scale"].code == "Q1"
    bad = [p for p in problems.errors if p.kind == "bad_scored_by"]
    assert {(p.code, p.row, p.column) for p in bad} == {("Q2", 5, "scored_by"), ("R", 2, "scored_by")}
    rows = [list(r) for r in FRAMEWORK[1:]]
    rows[2][8] = "ten"
    _fw2, problems = _fw(rows)
    assert [(p.kind, p.column, p.value) for p in problems.errors] == [("non_numeric", "scale_max", "ten")]
    rows = [list(r) for r in FRAMEWORK[1:]]
    rows[1][9] = "some guidance"  # A is not expert-scored
    _fw3, problems = _fw(rows)
    assert not problems.has_errors
    assert [(p.kind, p.code, p.column) for p in problems.warnings] == [("ignored", "A", "guidance")]


def test_expert_scored_indicator_without_scores_loads_and_awaits(tmp_path, project):
    kinds = [(p.severity, p.kind, p.code) for p in project.problems]
    assert ("warning", "awaits_expert_scores", "Q1") in kinds and ("warning", "awaits_expert_scores", "Q2") in kinds
    assert not project.problems.has_errors
    # an empty column (as the template writes it): also only awaiting, and no warning per empty cell
    p, problems = load(write_input(tmp_path / "cols.xlsx", with_columns=True))
    assert p is not None and not problems.has_errors
    assert not [x for x in problems if x.kind == "missing"]
    from core.pipeline.run import compute
    r = compute(p)  # computes; the awaiting indicators are simply missing meanwhile
    assert np.isfinite(r.normalised["A"]).all() and r.normalised[["Q1", "Q2"]].isna().all().all()


def test_fields_round_trip_through_project_file_and_template(tmp_path, project):
    from core.files.project_file import read_project, save_project
    from core.files.template import write_template
    save_project(project, tmp_path / "p.cidx")
    back = read_project(tmp_path / "p.cidx").project.framework
    assert back.nodes["Q1"] == project.framework.nodes["Q1"]
    assert back.nodes["Q2"].scale == (0.0, 100.0) and back.nodes["Q2"].guidance == "场景开放的广度与深度"
    write_template(project.framework, tmp_path / "t.xlsx")
    wb = load_workbook(tmp_path / "t.xlsx")
    head = [c.value for c in wb["指标体系"][1]]
    assert head[-4:] == ["scored_by", "scale_min", "scale_max", "guidance"]
    from dataclasses import replace

    from core.files.readers import read_workbook
    problems = ProblemList()
    fw = parse_framework(read_workbook(tmp_path / "t.xlsx")["指标体系"], problems)
    assert not problems.has_errors, [x.format() for x in problems.errors]
    assert fw.nodes["Q1"] == replace(project.framework.nodes["Q1"], row=fw.nodes["Q1"].row)
    assert not fw.nodes["A"].expert_scored


def test_a_data_value_outside_the_scale_is_warned(tmp_path):
    p, problems = load(write_input(tmp_path / "x.xlsx", with_columns=True))
    from core.experts.score_sheets import project_with_scores
    q = project_with_scores(p, {("北京", "Q1"): 12.0, ("上海", "Q1"): 7.0})
    warn = [x for x in q.problems if x.kind == "outside_scale"]
    assert [(x.unit, x.code, x.value) for x in warn] == [("北京", "Q1", 12.0)]
    assert q.data.values.loc["上海", "Q1"] == 7.0


# ------------------------------------------------------------------------------- sheets out

def test_written_sheet_layout_validation_and_locking(tmp_path, project):
    units = list(project.data.units) + ["=HYPERLINK(\"http://x\")"]
    path = tmp_path / "s.xlsx"
    write_score_sheet(project.framework, units, "张三", path)
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["说明", "评分"]
    info = wb["说明"]
    text = "\n".join(str(c.value) for row in info.iter_rows() for c in row if c.value is not None)
    assert info["A3"].value == "专家姓名" and info["B3"].value == "张三"
    assert "填写说明" in text and "典型应用案例的创新性" in text and "0–10" in text and "0–100" in text
    ws = wb["评分"]
    assert [c.value for c in ws[1]] == ["城市", "Q1", "Q2", "备注"]
    assert ws["B2"].value == "典型案例质量（0–10）"
    assert [ws.cell(row=r, column=1).value for r in range(3, 3 + len(units))] == units
    # the formula-like city name is text, never a formula
    last = ws.cell(row=2 + len(units), column=1)
    assert last.data_type == "s" and last.value.startswith("=HYPERLINK")
    # data validation: numbers within each scale on the score cells
    dvs = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    n = 2 + len(units)
    assert set(dvs) == {f"B3:B{n}", f"C3:C{n}"}
    assert (dvs[f"B3:B{n}"].type, dvs[f"B3:B{n}"].operator) == ("decimal", "between")
    assert float(dvs[f"B3:B{n}"].formula1) == 0 and float(dvs[f"B3:B{n}"].formula2) == 10
    assert float(dvs[f"C3:C{n}"].formula2) == 100
    # locked: everything but the score and comment cells
    assert ws.protection.sheet and info.protection.sheet
    assert not ws["B3"].protection.locked and not ws["D3"].protection.locked
    assert ws["A3"].protection.locked and ws["B1"].protection.locked and ws["B2"].protection.locked
    assert wb["_sent"].sheet_state == "veryHidden"
    # without the comment column
    write_score_sheet(project.framework, units, "李四", tmp_path / "n.xlsx", comments=False)
    assert [c.value for c in load_workbook(tmp_path / "n.xlsx")["评分"][1]] == ["城市", "Q1", "Q2"]


def test_sheets_for_many_experts_refuse_repeated_or_empty_names(tmp_path, project):
    with pytest.raises(ValueError, match="named twice"):
        write_score_sheets(project.framework, project.data.units, ["张三", "张三 "], tmp_path)
    with pytest.raises(ValueError, match="name"):
        write_score_sheets(project.framework, project.data.units, ["张三", ""], tmp_path)
    a = write_score_sheets(project.framework, project.data.units, ["张三"], tmp_path, overwrite=False)
    b = write_score_sheets(project.framework, project.data.units, ["张三"], tmp_path, overwrite=False)
    assert a[0].exists() and b[0].exists() and a[0] != b[0]


# ------------------------------------------------------------------------------- merge rules

def test_merge_rules_by_hand():
    x = np.array([9.0, 8.0, 10.0, 7.0, 9.0])
    v, dropped = rule_trimmed(x, 1)
    assert v == pytest.approx((9 + 8 + 9) / 3)  # 10 and 7 dropped
    assert sorted(x[dropped].tolist()) == [7.0, 10.0]
    v, dropped = rule_trimmed(np.array([1.0, 2.0, 3.0, 4.0, 100.0]), 2)
    assert v == 3.0 and sorted(dropped) == [0, 1, 3, 4]
    assert rule_trimmed(np.array([5.0, 5.0, 5.0]), 1)[0] == 5.0
    assert rule_trimmed(np.array([1.0, 2.0]), 0)[0] == 1.5  # K = 0 is the mean
    with pytest.raises(ValueError, match="more than 2"):
        rule_trimmed(np.array([1.0, 2.0]), 1)
    with pytest.raises(ValueError, match="needs more than 4 experts; 4 sheet"):
        check_rule("trimmed", 2, 4)
    with pytest.raises(ValueError, match="unknown merge rule"):
        check_rule("mode", 1, 5)
    check_rule("mean", 5, 2)  # K only matters for the trimmed mean


# ------------------------------------------------------------------------------- round trip

def test_sheets_written_filled_and_merged_give_the_hand_computed_values(sheets, project):
    filled(sheets)
    fill(sheets[0], {}, comments={"北京": "案例丰富"})
    usable, read = read_score_sheets(sheets, project.framework, project.data.units)
    assert len(usable) == 4, [q.format() for _p, _s, qs in read for q in qs]
    assert not [q for _p, _s, qs in read for q in qs if q.severity != "info"]
    r = merge_scores(usable, project.framework, "trimmed", 1)
    q1 = r["indicators"]["Q1"]
    assert {u: e["value"] for u, e in q1["units"].items()} == pytest.approx(SF_TRIMMED)
    bj = q1["units"]["北京"]
    assert bj["scores"] == {"张三": 9.0, "李四": 2.0, "王五": 5.0, "赵六": 8.0}
    assert sorted(bj["dropped"]) == ["张三", "李四"] and bj["n"] == 4
    assert bj["cells"]["王五"] == "B3"
    # agreement on the published data (Shrout & Fleiss 1979, Table 4; Kendall's W by hand, test_agreement)
    assert round(q1["icc"]["icc2_k"], 2) == 0.62 and round(q1["icc"]["icc3_k"], 2) == 0.91
    assert q1["kendall_w"] == pytest.approx(2874 / 3240) and q1["n_complete"] == 6
    # Q2 = 10 × Q1: the same agreement, values ×10
    assert r["indicators"]["Q2"]["units"]["深圳"]["value"] == pytest.approx(70.0)
    assert r["indicators"]["Q2"]["icc"]["icc3_k"] == pytest.approx(q1["icc"]["icc3_k"])
    # flags: 张三 scores ~3.2 points (32 % of 0–10) above the others, 李四 far below; kept all the same
    assert "lenient" in r["expert_summary"]["张三"]["flags"] and "severe" in r["expert_summary"]["李四"]["flags"]
    assert r["experts"][0]["comments"] == {"北京": "案例丰富"}
    json.dumps(r, allow_nan=False)  # JSON-able
    assert merged_values(r)[("北京", "Q1")] == 6.5
    mean = merge_scores(usable, project.framework, "mean")
    assert {u: e["value"] for u, e in mean["indicators"]["Q1"]["units"].items()} == pytest.approx(SF_MEAN)
    med = merge_scores(usable, project.framework, "median")
    assert {u: e["value"] for u, e in med["indicators"]["Q1"]["units"].items()} == pytest.approx(SF_MEDIAN)


def test_empty_cells_are_not_scores_and_text_numbers_are_read(sheets, project):
    filled(sheets)
    fill(sheets[3], {("北京", "Q1"): None, ("上海", "Q1"): "2"})  # 赵六 leaves 北京 empty, types "2" as text
    usable, read = read_score_sheets(sheets, project.framework, project.data.units)
    assert len(usable) == 4
    warn = [q for q in read[3][2] if q.kind == "score_as_text"]
    assert len(warn) == 1 and "C4" not in warn[0].message and "B4" in warn[0].message
    r = merge_scores(usable, project.framework, "mean")
    bj = r["indicators"]["Q1"]["units"]["北京"]
    assert bj["n"] == 3 and bj["value"] == pytest.approx((9 + 2 + 5) / 3)  # not (9 + 2 + 5 + 0)/4
    assert r["indicators"]["Q1"]["n_complete"] == 5  # agreement on the cities all four scored
    t = merge_scores(usable, project.framework, "trimmed", 1)["indicators"]["Q1"]["units"]["北京"]
    assert t["value"] == 5.0  # 3 scores: 2 and 9 dropped


def test_a_cell_with_too_few_scores_for_the_trimmed_mean_gets_no_value(sheets, project):
    filled(sheets)
    for j in (1, 2, 3):
        fill(sheets[j], {("武汉", "Q1"): None})
    usable, _ = read_score_sheets(sheets, project.framework, project.data.units)
    r = merge_scores(usable, project.framework, "trimmed", 1)
    assert r["indicators"]["Q1"]["units"]["武汉"]["value"] is None
    assert [(p["unit"], p["code"], p["kind"]) for p in r["problems"]] == [("武汉", "Q1", "score_too_few")]


# ------------------------------------------------------------------------------- broken sheets

def _only(problems, kind):
    found = [p for p in problems.errors if p.kind == kind]
    assert len(found) == 1, [p.format() for p in problems]
    return found[0]


def _others_still_merge(sheets, project, broken: int):
    usable, read = read_score_sheets(sheets, project.framework, project.data.units)
    assert read[broken][1] is None
    assert [s.expert for s in usable] == [e for j, e in enumerate(SF_EXPERTS) if j != broken]
    r = merge_scores(usable, project.framework, "mean")
    rows = [row for row in SF_SCORES]
    expect = {u: np.mean([x for j, x in enumerate(rows[i]) if j != broken]) for i, u in enumerate(SF_TARGETS)}
    assert {u: e["value"] for u, e in r["indicators"]["Q1"]["units"].items()} == pytest.approx(expect)
    return read[broken][2]


def test_score_outside_the_scale(sheets, project):
    filled(sheets)
    fill(sheets[1], {("上海", "Q1"): 11})
    problems = _others_still_merge(sheets, project, 1)
    p = _only(problems, "score_outside_scale")
    assert (p.file, p.sheet, p.row, p.column, p.unit, p.code, p.value) == (sheets[1].name, "评分", 4, "Q1", "上海",
                                                                          "Q1", 11)
    assert "李四" in p.message and "B4" in p.message and "0–10" in p.message


def test_text_in_a_score_cell(sheets, project):
    filled(sheets)
    fill(sheets[2], {("深圳", "Q2"): "很好"})
    problems = _others_still_merge(sheets, project, 2)
    p = _only(problems, "score_not_a_number")
    assert "王五" in p.message and "C5" in p.message and p.sheet == "评分" and p.value == "很好"


def test_a_city_not_on_the_sheet_that_went_out(sheets, project):
    filled(sheets)

    def add_city(wb):
        ws = wb["评分"]
        ws.cell(row=9, column=1).value = "南京"
        ws.cell(row=9, column=2).value = 5
    fill(sheets[0], {}, edit=add_city)
    problems = _others_still_merge(sheets, project, 0)
    p = _only(problems, "score_unknown_unit")
    assert "张三" in p.message and "A9" in p.message and "南京" in p.message and p.row == 9 and p.sheet == "评分"


def test_an_indicator_not_on_the_sheet_that_went_out(sheets, project):
    filled(sheets)

    def add_column(wb):
        ws = wb["评分"]
        ws.cell(row=1, column=5).value = "A"  # an indicator of the framework, but not expert-scored
        ws.cell(row=3, column=5).value = 3
    fill(sheets[3], {}, edit=add_column)
    problems = _others_still_merge(sheets, project, 3)
    p = _only(problems, "score_unknown_indicator")
    assert "赵六" in p.message and "E1" in p.message and "'A'" in p.message and p.sheet == "评分"


def test_a_missing_expert_name(sheets, project):
    filled(sheets)
    fill(sheets[1], {}, expert=None)
    problems = _others_still_merge(sheets, project, 1)
    p = _only(problems, "score_no_expert")
    assert p.file == sheets[1].name and p.sheet == "说明" and "B3" in p.message and p.row == 3


def test_the_same_expert_twice(sheets, project, tmp_path):
    filled(sheets)
    fill(sheets[2], {}, expert="张三")  # 王五's sheet comes back signed 张三
    usable, read = read_score_sheets(sheets, project.framework, project.data.units)
    assert [s.expert for s in usable] == ["李四", "赵六"]  # neither 张三 sheet is used; the others merge
    for j in (0, 2):
        p = _only(read[j][2], "score_duplicate_expert")
        other = sheets[2 - j].name
        assert "张三" in p.message and other in p.message and p.file == sheets[j].name and p.sheet == "说明"
    r = merge_scores(usable, project.framework, "mean")
    assert r["indicators"]["Q1"]["units"]["北京"]["value"] == pytest.approx((2 + 8) / 2)


def test_a_file_that_is_not_a_score_sheet(tmp_path, project, sheets):
    filled(sheets)
    other = tmp_path / "other.xlsx"
    write_input(other)
    s, problems = read_score_sheet(other, project.framework, project.data.units)
    assert s is None
    assert {p.kind for p in problems.errors} >= {"score_missing_sheet"}
    empty, problems = read_score_sheet(write_score_sheets(project.framework, project.data.units, ["钱七"],
                                                          tmp_path / "e")[0], project.framework, project.data.units)
    assert empty is None and _only(problems, "score_empty")


# ------------------------------------------------------------------------------- headless

def test_cli_writes_merges_and_reports(tmp_path, project_path, capsys):
    out = tmp_path / "sheets"
    assert run(["score-sheets", str(project_path), "--experts", ",".join(SF_EXPERTS), "-o", str(out)]) == 0
    paths = [out / f"{e}_评分表.xlsx" for e in SF_EXPERTS]
    assert all(p.exists() for p in paths)
    filled(paths)
    js = tmp_path / "m.json"
    book = tmp_path / "merged.xlsx"
    capsys.readouterr()
    code = run(["scores", *map(str, paths), "--project", str(project_path), "--json", str(js), "-o", str(book)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "Q1" in printed and "Kendall W 0.887" in printed
    assert "ICC(2,k) 0.620" in printed and "ICC(3,k) 0.909" in printed
    doc = json.loads(js.read_text(encoding="utf-8"))
    q1 = doc["indicators"]["Q1"]
    assert doc["rule"] == "trimmed" and doc["trim"] == 1
    assert {u: e["value"] for u, e in q1["units"].items()} == pytest.approx(SF_TRIMMED)
    assert q1["units"]["杭州"]["scores"] == {"张三": 7, "李四": 1, "王五": 2, "赵六": 6}
    assert q1["kendall_w"] == pytest.approx(2874 / 3240) and 0.003 < q1["p_value"] < 0.004
    assert round(q1["icc"]["icc2_k"], 2) == 0.62
    # the merged values are the data of the written workbook
    p, problems = load(book)
    assert not problems.has_errors and not [x for x in problems if x.kind == "awaits_expert_scores"]
    assert p.data.values["Q1"].to_dict() == pytest.approx(SF_TRIMMED)
    assert p.data.values.loc["成都", "Q2"] == pytest.approx(75.0)


def test_cli_merges_the_good_sheets_and_exits_1_with_a_broken_one(tmp_path, project, project_path, sheets, capsys):
    filled(sheets)
    fill(sheets[0], {("北京", "Q1"): 12})
    js = tmp_path / "m.json"
    code = run(["scores", *map(str, sheets), "--project", str(project_path), "--rule", "mean", "--json", str(js)])
    err = capsys.readouterr().err
    assert code == 1
    assert "张三" in err and "B3" in err and "评分" in err
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert [x["file"] for x in doc["excluded"]] == [sheets[0].name]
    assert doc["indicators"]["Q1"]["units"]["北京"]["value"] == pytest.approx((2 + 5 + 8) / 3)


def test_cli_refuses_a_trim_the_panel_cannot_bear_and_bad_usage(project_path, sheets, capsys, tmp_path):
    filled(sheets)
    assert run(["scores", *map(str, sheets), "--project", str(project_path), "--trim", "2", "--lang", "en"]) == 2
    assert "needs more than 4 experts" in capsys.readouterr().err  # (in Chinese without --lang: the test below)
    assert run(["scores", *map(str, sheets), "--project", str(project_path), "-o", str(tmp_path / "x.txt")]) == 2
    with pytest.raises(SystemExit) as e:
        run(["scores", str(sheets[0]), "--project", str(project_path), "--rule", "mode"])
    assert e.value.code == 2
    assert run(["score-sheets", str(project_path), "--experts", " , ", "-o", str(tmp_path)]) == 2


def test_cli_to_a_project_file(tmp_path, project_path, sheets):
    from core.files.project_file import read_project
    filled(sheets)
    out = tmp_path / "merged.cidx"
    assert run(["scores", *map(str, sheets), "--project", str(project_path), "--rule", "median", "-o", str(out)]) == 0
    pf = read_project(out)
    assert pf.project.data.values["Q1"].to_dict() == pytest.approx(SF_MEDIAN)
    assert pf.extra["expert_scores"]["rule"] == "median"
    assert pf.extra["expert_scores"]["indicators"]["Q1"]["units"]["北京"]["n"] == 4


def test_cli_without_expert_indicators(tmp_path, capsys):
    from core.files.paths import SAMPLE_WORKBOOK
    assert run(["score-sheets", str(SAMPLE_WORKBOOK), "--experts", "张三", "-o", str(tmp_path)]) == 1
    assert "scored_by = expert" in capsys.readouterr().err


def test_a_trim_the_panel_cannot_bear_is_refused_in_the_projects_language(project_path, sheets, capsys):
    # qa2: the refusal was printed in English under a Chinese 错误： prefix, whatever the language
    filled(sheets)
    assert run(["scores", *map(str, sheets), "--project", str(project_path), "--trim", "2", "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert "需要多于 4 位专家" in err and "只有 4 份" in err
    assert "needs more than" not in err
    assert run(["scores", *map(str, sheets), "--project", str(project_path), "--trim", "2", "--lang", "en"]) == 2
    assert "needs more than 4 experts; 4 sheet(s) can be merged" in capsys.readouterr().err
