"""verify: a results workbook against its input; diff: two projects."""

import shutil

import openpyxl

from core.cli import commands as cli
from core.files.paths import SAMPLE_WORKBOOK


def score(tmp_path, src=SAMPLE_WORKBOOK):
    out = tmp_path / "r.xlsx"
    assert cli.run(["score", str(src), "-o", str(out)]) == 0
    return out


def test_untouched_pair_matches(tmp_path, capsys):
    out = score(tmp_path)
    capsys.readouterr()
    assert cli.run(["verify", str(out), str(SAMPLE_WORKBOOK), "--lang", "en"]) == 0
    assert "MATCH" in capsys.readouterr().out


def test_a_hand_edited_input_cell_is_named(tmp_path, capsys):
    out = score(tmp_path)
    edited = tmp_path / "edited.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, edited)
    wb = openpyxl.load_workbook(edited)
    ws = wb["数据"]
    head = [c.value for c in ws[1]]
    col = head.index("A21") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "苏州")
    old = ws.cell(row, col).value
    ws.cell(row, col).value = old * 3
    wb.save(edited)
    capsys.readouterr()
    assert cli.run(["verify", str(out), str(edited), "--lang", "en"]) == 1
    text = capsys.readouterr().out
    assert f"data cell 苏州 / A21: {old!r} → {old * 3!r}" in text
    assert "苏州 score" in text  # and which units' scores differ


def test_a_tampered_score_in_the_workbook_is_found(tmp_path, capsys):
    out = score(tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    head = next(k for k in range(1, 6) if ws.cell(k, 2).value is not None)  # below the sheet's title
    unit = ws.cell(head + 2, 2).value
    ws.cell(head + 2, 3).value = ws.cell(head + 2, 3).value + 1.0  # the second city's score, raised by hand
    wb.save(out)
    capsys.readouterr()
    assert cli.run(["verify", str(out), str(SAMPLE_WORKBOOK), "--lang", "en"]) == 1
    assert f"{unit} score AICI" in capsys.readouterr().out


def test_diff_two_projects(tmp_path, capsys):
    other = tmp_path / "b.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, other)
    wb = openpyxl.load_workbook(other)
    ws = wb["指标体系"]
    head = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 2).value == "AICI":
            ws.cell(r, head.index("weight") + 1).value = 5 if ws.cell(r, 1).value == "A" else 1
    wb.save(other)
    capsys.readouterr()
    assert cli.run(["diff", str(SAMPLE_WORKBOOK), str(other), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "weight of A: None → 5.0" in text and "rank 常州" in text
