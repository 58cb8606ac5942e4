"""A workbook whose only errors are cells that are not numbers can be opened anyway: those cells are
missing (never zero) and stay listed, as warnings, to be corrected. Any other error keeps it closed."""

import math
import shutil

import openpyxl

from core.files.loader import bad_cells_only, load, with_bad_cells_as_missing
from core.files.paths import SAMPLE_WORKBOOK
from core.pipeline.run import compute


def sample_with(tmp_path, cells: dict[tuple[int, str], object], name="in.xlsx"):
    path = tmp_path / name
    shutil.copy(SAMPLE_WORKBOOK, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["数据"]
    header = [c.value for c in ws[1]]
    for (row, code), v in cells.items():
        ws.cell(row=row, column=header.index(code) + 1, value=v)
    wb.save(path)
    return path, [ws.cell(row=r, column=1).value for r, _c in cells]


def test_non_numeric_cells_become_missing_warnings(tmp_path):
    path, units = sample_with(tmp_path, {(2, "P11"): "abc", (5, "T32"): "12,3"})
    project, problems = load(path)
    assert problems.has_errors and bad_cells_only(problems)
    opened = with_bad_cells_as_missing(project)
    assert not opened.problems.has_errors
    bad = [p for p in opened.problems if p.kind == "non_numeric"]
    assert sorted((p.unit, p.code, p.severity) for p in bad) == sorted(
        [(units[0], "P11", "warning"), (units[1], "T32", "warning")])
    assert math.isnan(opened.data.values.loc[units[0], "P11"])
    assert math.isnan(opened.data.values.loc[units[1], "T32"])
    # the sample's own four warnings are kept as they were
    assert len([p for p in opened.problems if p.kind == "missing"]) == 4
    # it computes: the unit with the bad cell is ranked on what it has, like a missing value
    result = compute(opened)
    assert any(r["unit"] == units[0] and r["score"] is not None for r in result.ranking())
    # the original load is untouched (errors stay errors there)
    assert project.problems.has_errors


def test_other_errors_keep_it_closed(tmp_path):
    path, _units = sample_with(tmp_path, {(2, "P11"): "abc", (3, "P12"): "x"})
    wb = openpyxl.load_workbook(path)
    ws = wb["数据"]
    ws.cell(row=4, column=1, value=ws.cell(row=3, column=1).value)  # a duplicate unit: a real error
    wb.save(path)
    project, problems = load(path)
    assert not bad_cells_only(problems)
    assert with_bad_cells_as_missing(project) is None


def test_a_clean_load_is_not_a_bad_cells_case(tmp_path):
    project, problems = load(SAMPLE_WORKBOOK)
    assert not bad_cells_only(problems)
    assert with_bad_cells_as_missing(project) is None


def test_the_template_lists_the_units_given(tmp_path):
    from core.files.paths import DEFAULT_FRAMEWORK
    from core.files.readers import read_csv
    from core.files.template import write_template
    from core.model.framework import parse_framework
    from core.model.problems import ProblemList
    fw = parse_framework(read_csv(DEFAULT_FRAMEWORK), ProblemList())
    out = tmp_path / "t.xlsx"
    write_template(fw, out, ["北京", "=cmd|' /C calc'!A0"])
    ws = openpyxl.load_workbook(out)["数据"]
    assert [c.value for c in ws["A"]] == ["城市", "北京", "=cmd|' /C calc'!A0"]
    assert ws["A3"].data_type == "s"  # a name that looks like a formula stays text
    assert ws.max_column == 2 + len(fw.leaves)
