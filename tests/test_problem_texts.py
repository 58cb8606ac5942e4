"""Problem messages in Chinese and English from one template per kind (core.text.problem_texts)."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from core.cli.commands import run
from core.files.paths import SAMPLE_WORKBOOK
from core.model.problems import Problem
from core.text import problem_texts as pt

ROOT = Path(__file__).resolve().parent.parent


def engine_kinds() -> set[str]:
    """Every problem kind the engine can report: the first string argument of problems.error/warning/info
    (and of Problem(...)/a local err helper) in core/, found by reading the source."""
    kinds = set()
    for f in (ROOT / "core").rglob("*.py"):
        for n in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if not isinstance(n, ast.Call):
                continue
            fn = n.func
            name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", None)
            i = {"error": 0, "warning": 0, "info": 0, "err": 0, "Problem": 1}.get(name)
            if i is None or len(n.args) <= i:
                continue
            a = n.args[i]
            if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value.isidentifier() \
                    and a.value.islower():
                kinds.add(a.value)
    return kinds


def test_every_kind_has_a_chinese_and_an_english_text_and_a_name():
    kinds = engine_kinds()
    assert {"missing", "non_numeric", "form_nodes_blank", "ahp_not_reciprocal", "score_outside_scale"} <= kinds
    assert not kinds - set(pt.TEMPLATES), sorted(kinds - set(pt.TEMPLATES))
    assert not kinds - set(pt.KIND_NAMES), sorted(kinds - set(pt.KIND_NAMES))
    for key, (zh, en) in pt.TEMPLATES.items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), key  # the Chinese text is Chinese
        assert en != zh and re.search(r"[a-z]{3}", en), key  # the English one is English


def test_missing_cell_in_both_languages_with_location_words():
    p = Problem("warning", "missing", "empty cell: 大连 has no value for 'T32'", file="s.xlsx", sheet="数据",
                row=27, column="T32", unit="大连", code="T32")
    assert p.text("zh") == "空单元格：大连 的「T32」没有数值，按缺失处理"
    assert p.text("en") == "empty cell: 大连 has no value for 'T32'"
    assert p.format("zh") == ("警告：s.xlsx，工作表「数据」，第 27 行，列「T32」："
                              "空单元格：大连 的「T32」没有数值，按缺失处理")
    assert p.format("en").startswith("WARNING: s.xlsx, sheet '数据', row 27, column 'T32': empty cell")
    assert p.format() == p.format("en")  # without a language: the engine's English, as before
    assert pt.kind_name("missing", "zh") == "缺失值" and pt.severity_name("warning", "zh") == "警告"


def test_unknown_kind_or_missing_fact_falls_back_to_the_message():
    assert Problem("error", "no_such_kind", "raw text").text("zh") == "raw text"
    p = Problem("warning", "duplicate_unit", "unit 'x' appears again", unit="x")  # no first_row in args
    assert p.text("zh") == "unit 'x' appears again"


def test_check_prints_in_the_projects_language_or_lang(tmp_path, capsys):
    assert run(["check", str(SAMPLE_WORKBOOK)]) == 0  # the sample's language setting is zh (the default)
    out = capsys.readouterr().out
    lines = [ln for ln in out.splitlines() if ln.startswith("警告")]
    assert len(lines) == 4 and "工作表「数据」" in lines[0] and "第 27 行" in lines[0] and "列「T32」" in lines[0]
    assert "empty cell" not in out and "0 个错误，4 个警告" in out
    assert run(["check", str(SAMPLE_WORKBOOK), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.count("WARNING: ") == 4 and "sheet '数据', row 27, column 'T32'" in out
    # a project whose settings say English prints English without --lang
    wb = openpyxl.load_workbook(SAMPLE_WORKBOOK)
    ws = wb["设置"] if "设置" in wb.sheetnames else wb["settings"]
    ws.append(["language", "en"])
    en = tmp_path / "en.xlsx"
    wb.save(en)
    assert run(["check", str(en)]) == 0
    assert capsys.readouterr().out.count("WARNING: ") == 4


def test_check_in_chinese_on_a_broken_workbook_names_every_place(tmp_path):
    from tests.test_cli import FW_HEAD, write_book
    fw = [FW_HEAD, ["R", None, "总", None, None, None, None, None, None, None],
          ["D", "R", "维度", None, None, None, None, None, None, None],
          ["a", "D", "甲", "heavy", "+", None, None, None, None, None],
          ["b", "D", "乙", 1, "+", "minmaxx", None, None, None, None]]
    data = [["城市", "a", "b"], ["北京", 1, 2], ["上海", "约50", 2], ["北京", 2, 3]]
    path = write_book(tmp_path / "bad.xlsx", fw, data, [["key", "value"], ["scale", "一百"]])
    p = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(path), "--lang", "zh"],
                       capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 1
    out = p.stdout
    assert "「a」的权重不是数值" in out and "「b」的标准化方法「minmaxx」无效" in out
    assert "上海 的「a」不是数值" in out and "城市「北京」重复出现（首次在第 2 行）" in out
    assert "设置「scale」必须是数值" in out
    for english in ("ERROR", "row ", "sheet '", "column '", "not a number"):
        assert english not in out, english


@pytest.mark.parametrize("lang,word", [("zh", "错误"), ("en", "ERROR")])
def test_form_problem_prefix_names_the_expert(lang, word):
    p = Problem("error", "ahp_missing", "expert 张三: no judgement for a vs b: fill cell C2", file="f.xlsx",
                sheet="判断矩阵-D", row=2, column="b", code="D", args={"expert": "张三", "a": "a", "b": "b",
                                                                         "cell": "C2"})
    line = p.format(lang)
    assert line.startswith(word) and "张三" in line and "C2" in line
    assert p.to_dict()["args"]["cell"] == "C2"
