"""Finding the sheets of an input: Chinese or English names, a missing sheet, data from elsewhere."""

import openpyxl

from core.files.loader import load


def book(path, sheets: dict):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


FW = [["code", "parent", "name_zh"], ["R", None, "总"], ["a", "R", "甲"], ["b", "R", "乙"]]
DATA = [["unit", "a", "b"], ["X", 1, 2], ["Y", 3, 1], ["Z", 2, 5]]


def test_english_sheet_names(tmp_path):
    p, probs = load(book(tmp_path / "e.xlsx", {"framework": FW, "data": DATA, "settings": [["key", "value"],
                                                                                         ["decimals", 2]]}))
    assert p is not None and not probs.has_errors
    assert p.settings.decimals == 2 and p.data.units == ("X", "Y", "Z")


def test_missing_data_sheet_names_the_file_and_the_sheets_found(tmp_path):
    p, probs = load(book(tmp_path / "m.xlsx", {"指标体系": FW, "Sheet9": DATA}))
    assert p is None
    (e,) = [x for x in probs if x.kind == "missing_sheet"]
    assert e.file == "m.xlsx" and "数据" in e.message and "Sheet9" in e.message


def test_workbook_without_any_known_sheet(tmp_path):
    p, probs = load(book(tmp_path / "n.xlsx", {"foo": FW, "bar": DATA}))
    assert p is None
    assert any("foo" in x.message and "bar" in x.message for x in probs.errors)


def test_a_workbook_with_only_a_data_table_uses_the_default_framework(tmp_path):
    from core.files.paths import DEFAULT_FRAMEWORK
    from core.files.readers import read_csv
    from core.model.framework import parse_framework
    from core.model.problems import ProblemList
    fw = parse_framework(read_csv(DEFAULT_FRAMEWORK), ProblemList())
    rows = [["城市"] + fw.leaves] + [[c] + [float(i + j) for j in range(41)] for i, c in enumerate("甲乙丙")]
    p, probs = load(book(tmp_path / "d.xlsx", {"Sheet1": rows}))
    assert p is not None and not probs.has_errors, [x.format() for x in probs.errors]
    assert p.framework.root == "AICI" and any(x.kind == "default_framework" for x in probs)
