"""The headless commands of DESIGN §4, run as a user would."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from core.cli import commands as cli
from core.files.paths import DEFAULT_FRAMEWORK, SAMPLE_WORKBOOK
from core.files.readers import read_csv

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return cli.run([str(a) for a in args])


def write_book(path, framework, data, settings=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标体系"
    for r in framework:
        ws.append(r)
    ws = wb.create_sheet("数据")
    for r in data:
        ws.append(r)
    if settings:
        ws = wb.create_sheet("设置")
        for r in settings:
            ws.append(r)
    wb.save(path)
    return path


FW_HEAD = ["code", "parent", "name_zh", "weight", "direction", "normalization", "min", "max",
           "transform", "denominator"]


def test_check_lists_ten_different_mistakes_in_one_run(tmp_path, capsys):
    fw = [FW_HEAD,
          ["R", None, "总", None, None, None, None, None, None, None],
          ["D", "R", "维度", None, None, None, None, None, None, None],
          ["a", "D", "甲", "heavy", "+", None, None, None, None, None],  # 1 non-numeric weight
          ["b", "D", "乙", 1, "+", "minmaxx", None, None, None, None],  # 2 unknown method
          ["c", "D", "丙", 1, "+", "goalposts", 10, 5, None, None],  # 3 goalposts min >= max
          ["c", "D", "丙2", 1, "+", None, None, None, None, None],  # 4 duplicate code
          ["d", "X", "丁", 1, "+", None, None, None, None, None],  # 5 unknown parent
          ]
    data = [["城市", "a", "b", "c"],
            ["北京", 1, 2, 3],
            ["上海", "约50", 2, 3],  # 6 text in a number column
            ["北京", 2, 3, 4],  # 7 duplicate unit
            [None, 2, 3, 4],  # 8 a row without a unit name
            ["广州", 3, 4, "12,3"]]  # 9 decimal comma
    settings = [["key", "value"], ["scale", "一百"]]  # 10 non-numeric setting
    path = write_book(tmp_path / "bad.xlsx", fw, data, settings)
    code = run("check", path, "--lang", "en")
    out = capsys.readouterr().out
    errors = [ln for ln in out.splitlines() if ln.startswith("ERROR")]
    assert code == 1
    expected = ["weight of 'a' is not a number", "unknown normalisation", "min must be below max",
                "code 'c' is used again", "parent 'X' of 'd' does not exist", "'约50'",
                "unit '北京' appears again", "a row without a unit name", "'12,3'", "setting 'scale'"]
    for text in expected:
        assert any(text in ln for ln in errors), (text, out)
    assert len(errors) >= 10
    # every data-cell error names the file, the sheet, the row and the column
    line = next(ln for ln in errors if "'约50'" in ln)
    assert "bad.xlsx" in line and "sheet '数据'" in line and "row 3" in line and "column 'a'" in line


def test_check_on_the_sample_has_no_errors(capsys):
    assert run("check", SAMPLE_WORKBOOK, "--lang", "en") == 0
    assert "0 error(s)" in capsys.readouterr().out


def test_score_json_shape_and_full_precision(tmp_path, capsys):
    out, js = tmp_path / "r.xlsx", tmp_path / "r.json"
    assert run("score", SAMPLE_WORKBOOK, "-o", out, "--json", js) == 0
    d = json.loads(js.read_text(encoding="utf-8"))
    assert set(d) == {"ranking", "excluded", "weights"}
    first = d["ranking"][0]
    assert set(first) == {"unit", "rank", "score", "nodes"} and first["rank"] == 1
    assert {"P", "P1", "P11", "E23"} <= set(first["nodes"])
    ranks = [r["rank"] for r in d["ranking"]]
    assert ranks == sorted(ranks)
    scores = [r["score"] for r in d["ranking"]]
    assert scores == sorted(scores, reverse=True)
    # full precision: not rounded to the display decimals
    assert any(abs(s * 10 - round(s * 10)) > 1e-6 for s in scores)
    # equal weights in the default framework: 5 dimensions 0.2 each; P11 = 0.2 * 1/2 * 1/2
    assert d["weights"]["P"]["local"] == pytest.approx(0.2)
    assert d["weights"]["P11"]["effective"] == pytest.approx(0.2 * 0.5 * 0.5)
    # the workbook's ranking sheet agrees with the JSON (read by a second reader: pandas)
    sheet = pd.read_excel(out, sheet_name="排名", engine="openpyxl", header=2)  # below the title and the sample line
    assert sheet.iloc[0, 1] == first["unit"]
    assert sheet.iloc[:, 2].to_numpy() == pytest.approx(scores)


def test_score_refuses_input_with_errors(tmp_path, capsys):
    fw = [FW_HEAD, ["R", None, "总"] + [None] * 7, ["a", "R", "甲", None, "+"] + [None] * 5]
    path = write_book(tmp_path / "e.xlsx", fw, [["城市", "a"], ["北京", "x"], ["上海", 1]])
    assert run("score", path, "-o", tmp_path / "o.xlsx", "--lang", "en") == 1
    assert not (tmp_path / "o.xlsx").exists()
    assert "row 2" in capsys.readouterr().err


def test_template_round_trip(tmp_path):
    t = tmp_path / "t.xlsx"
    assert run("template", "-o", t) == 0
    wb = openpyxl.load_workbook(t)
    ws = wb["数据"]
    leaves = [c.value for c in ws[1]][2:]
    assert len(leaves) == 41
    rng = np.random.default_rng(0)
    for city in ["北京", "上海", "广州", "深圳"]:
        ws.append([city, "华北"] + [float(v) for v in rng.integers(1, 100, size=41)])
    wb.save(t)
    assert run("score", t, "-o", tmp_path / "o.xlsx") == 0


def test_weights_equal(tmp_path, capsys):
    js = tmp_path / "w.json"
    assert run("weights", SAMPLE_WORKBOOK, "--method", "equal", "--json", js) == 0
    d = json.loads(js.read_text(encoding="utf-8"))
    assert d["method"] == "equal"
    assert d["nodes"]["T2"]["weights"] == {k: pytest.approx(0.2) for k in ["T21", "T22", "T23", "T24", "T25"]}
    assert run("weights", SAMPLE_WORKBOOK, "--method", "nonsense") == 2


def test_data_from_a_gbk_csv_with_the_default_framework(tmp_path, capsys):
    leaves = [r[0] for r in read_csv(DEFAULT_FRAMEWORK).rows if r[5] == "+"]
    lines = ["城市,region," + ",".join(leaves)]
    rng = np.random.default_rng(1)
    for city in ["北京", "苏州", "乌鲁木齐", "常州"]:
        lines.append(f"{city},华东," + ",".join(str(int(v)) for v in rng.integers(1, 50, 41)))
    csv = tmp_path / "d.csv"
    csv.write_bytes("\n".join(lines).encode("gbk"))
    js = tmp_path / "o.json"
    assert run("score", csv, "-o", tmp_path / "o.xlsx", "--json", js) == 0
    units = {r["unit"] for r in json.loads(js.read_text(encoding="utf-8"))["ranking"]}
    assert units == {"北京", "苏州", "乌鲁木齐", "常州"}
    # --data takes the data from the CSV instead of the workbook's own sheet
    assert run("score", SAMPLE_WORKBOOK, "--data", csv, "-o", tmp_path / "p.xlsx", "--json", js) == 0
    assert len(json.loads(js.read_text(encoding="utf-8"))["ranking"]) == 4


def test_exit_codes_of_the_real_program(tmp_path):
    main = [sys.executable, str(ROOT / "main.py")]
    assert subprocess.run(main + ["score"], capture_output=True).returncode == 2
    bad = tmp_path / "x.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    p = subprocess.run(main + ["check", str(bad)], capture_output=True, text=True)
    assert p.returncode == 1 and "x.xls" in (p.stdout + p.stderr)


def test_every_listed_command_module_exists():
    for name in cli.EXTENSION_MODULES:
        module = __import__(f"core.cli.{name}", fromlist=["register", "COMMANDS"])
        assert callable(module.register) and module.COMMANDS


def test_a_command_module_that_fails_to_import_is_an_error(monkeypatch):
    """A listed command module that cannot be imported is not skipped silently (its commands
    would just vanish from the CLI): the error names the module and the list it is in."""
    monkeypatch.setattr(cli, "EXTENSION_MODULES", ("score_commands", "no_such_commands"))
    with pytest.raises(ImportError, match=r"core\.cli\.no_such_commands.*EXTENSION_MODULES"):
        run("--help")
    code = ("import sys; from core.cli import commands as cli; cli.EXTENSION_MODULES = ('no_such_commands',); "
            "sys.exit(cli.run(['check', sys.argv[1]]))")
    proc = subprocess.run([sys.executable, "-c", code, str(SAMPLE_WORKBOOK)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    assert "core.cli.no_such_commands" in proc.stderr
