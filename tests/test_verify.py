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


def _with_setting(tmp_path, key, value):
    """A copy of the sample with one row of its settings sheet changed."""
    edited = tmp_path / f"{key}.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, edited)
    wb = openpyxl.load_workbook(edited)
    ws = wb["设置"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == key)
    ws.cell(row, 2).value = value
    wb.save(edited)
    return edited


def test_a_changed_setting_is_named_not_a_crash(tmp_path, capsys):
    # qa2: a results workbook verified against an input whose settings differ (here `decimals` 1 → 2)
    # crashed with "text() got multiple values for argument 'key'" instead of naming the setting
    out = score(tmp_path)
    edited = _with_setting(tmp_path, "decimals", 2)
    for lang, expected in (("en", "setting decimals: 1"), ("zh", "设置 decimals：1")):
        capsys.readouterr()
        assert cli.run(["verify", str(out), str(edited), "--lang", lang]) == 1
        line = next(x for x in capsys.readouterr().out.splitlines() if expected in x)
        assert line.rstrip().endswith(("→ 2", "→ 2.0"))


def test_diff_names_a_changed_setting(tmp_path, capsys):
    edited = _with_setting(tmp_path, "aggregation", "geometric")
    capsys.readouterr()
    assert cli.run(["diff", str(SAMPLE_WORKBOOK), str(edited), "--lang", "en"]) == 0
    assert "setting aggregation: arithmetic → geometric" in capsys.readouterr().out
