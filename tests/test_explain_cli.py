"""`python main.py explain` (issue 21): the JSON of the issue, the printed lines, wrong usage exits 2."""

import json

from core.cli import commands as cli
from core.files.paths import SAMPLE_WORKBOOK
from core.pipeline.run import compute
from tests.helpers import load_or_raise


def test_explain_json_sums_to_the_score_difference(tmp_path, capsys):
    out = tmp_path / "e.json"
    assert cli.run(["explain", str(SAMPLE_WORKBOOK), "--units", "苏州,南京", "--json", str(out)]) == 0
    e = json.loads(out.read_text(encoding="utf-8"))
    r = compute(load_or_raise(SAMPLE_WORKBOOK))
    want = r.scores.loc["苏州", "AICI"] - r.scores.loc["南京", "AICI"]
    assert e["node"] == "AICI" and e["units"] == ["苏州", "南京"]
    assert abs(e["difference"] - want) < 1e-9
    assert abs(sum(e["indicators"].values()) - want) < 1e-9
    assert abs(sum(e["children"].values()) - want) < 1e-9
    assert set(e["children"]) == set(r.framework.children["AICI"])
    assert set(e["strengths_weaknesses"]) == {"苏州", "南京"}
    printed = capsys.readouterr().out
    assert "苏州 与 南京" in printed and "按指标分解" in printed and "优势指标" in printed


def test_explain_at_a_node_in_english(capsys):
    assert cli.run(["explain", str(SAMPLE_WORKBOOK), "--units", "苏州,南京", "--node", "T", "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "苏州 − 南京 at T" in printed and "by child:" in printed


def test_explain_wrong_usage_exits_2_with_a_message(capsys):
    assert cli.run(["explain", str(SAMPLE_WORKBOOK), "--units", "苏州"]) == 2
    assert "--units" in capsys.readouterr().err
    assert cli.run(["explain", str(SAMPLE_WORKBOOK), "--units", "苏州,火星"]) == 2
    assert "火星" in capsys.readouterr().err
    assert cli.run(["explain", str(SAMPLE_WORKBOOK), "--units", "苏州,南京", "--node", "T11"]) == 2
    assert "T11" in capsys.readouterr().err
