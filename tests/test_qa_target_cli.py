"""`target` for a unit already at rank K or better: it printed every indicator with "→ the same value
(change +0)", 41 lines of noise; now one sentence, as the window's 为什么？ tab says (JSON unchanged)."""

from __future__ import annotations

import json

from core.cli import commands as cli
from core.files.paths import SAMPLE_WORKBOOK


def test_a_unit_already_in_the_top_k_gets_one_sentence(tmp_path, capsys):
    out = tmp_path / "t.json"
    assert cli.run(["target", str(SAMPLE_WORKBOOK), "--unit", "北京", "--rank", "10", "--lang", "zh",
                    "--json", str(out)]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert lines[0] == "北京 现列第 1 名，已在前 10 名之内"
    assert not any("→" in x for x in lines)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["current_rank"] == 1 and all(e["change"] == 0 for e in doc["indicators"].values())


def test_a_unit_below_k_still_gets_its_table(capsys):
    assert cli.run(["target", str(SAMPLE_WORKBOOK), "--unit", "常州", "--rank", "10", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "To reach rank 10" in out and "→" in out
