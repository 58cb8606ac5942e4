"""Targets (issue 21, point 3): the `needed` value, set by a full `compute`, reaches the rank and a value
0.1 % of the change short of it does not; the one-column recompute equals the full pipeline's."""

from dataclasses import replace

import numpy as np
import pytest

from core.analysis.targets import TargetError, column_normalised, data_with, targets
from core.model.settings import Settings
from core.pipeline.run import compute
from tests.helpers import load_or_raise, make_project, node


def _with(project, unit, code, x):
    return replace(project, data=project.data.with_values(data_with(project, unit, code, x)))


def _rank_full(project, unit, code, x):
    return compute(_with(project, unit, code, x)).ranks[unit]


def _check(project, unit, k, codes=None, at_least=3):
    r = compute(project)
    t = targets(project, r, unit, k, codes)
    assert t["current_rank"] == r.ranks[unit] > k
    checked = 0
    for code, e in t["indicators"].items():
        if "needed" not in e:
            continue
        assert e["change"] == pytest.approx(e["needed"] - e["current"])
        assert np.sign(e["change"]) == r.framework.nodes[code].direction
        assert _rank_full(project, unit, code, e["needed"]) <= k, (code, e)
        if r.framework.nodes[code].unit == "是=1/否=0":  # yes/no: only the other value is a target
            assert e["needed"] in (0.0, 1.0) and abs(e["change"]) == 1.0
        elif not e.get("any_change"):
            assert _rank_full(project, unit, code, e["needed"] - 0.001 * e["change"]) > k, (code, e)
        else:
            assert _rank_full(project, unit, code, e["current"]) > k
        checked += 1
    assert checked >= at_least
    rel = [abs(e["relative"]) for e in t["indicators"].values() if e.get("relative") is not None]
    assert rel == sorted(rel)
    return t


def test_needed_reaches_the_rank_on_the_sample_by_full_recompute():
    p = load_or_raise("data/sample_ai_cities.xlsx")
    t = _check(p, "常州", 10)
    assert any(e.get("reachable") is False for e in t["indicators"].values())


def test_with_winsorising_and_mean_imputation():
    p = load_or_raise("data/sample_ai_cities.xlsx")
    p = p.with_settings(p.settings.with_(outliers="winsorise", imputation="mean"))
    r = compute(p)
    unit = r.ranking()[20]["unit"]
    _check(p, unit, 19)


def test_one_column_recompute_equals_the_full_pipeline():
    p = load_or_raise("data/sample_ai_cities.xlsx")
    for settings in (p.settings, p.settings.with_(outliers="winsorise", imputation="median",
                                                  normalization="zscore")):
        q = p.with_settings(settings)
        r = compute(q)
        for code in r.framework.leaves[::5]:
            for x in (0.0, 1e6):
                full = compute(_with(q, "常州", code, x)).normalised[code].to_numpy()
                np.testing.assert_allclose(column_normalised(q, r, code, "常州", x), full, rtol=1e-12, atol=1e-12)


def test_by_hand_two_indicators():
    # R = (a + b)/2 on minmax; X: a 10 b 10 ; Y: a 0 b 6 ; Z: a 5 b 0 (b max 10 via X)
    # Y's rank: X 100, Y (0 + 60)/2 = 30, Z (50 + 0)/2 = 25 -> Y 2nd. Rank 1 by a alone: Y's a = y.
    # Below 10 Y cannot pass X (X has 100 on both). Above 10, a's range is Z's 5 .. y: a_Y = 100,
    # a_X = 100·5/(y − 5); Y = (100 + 60)/2 = 80 > X = (500/(y − 5) + 100)/2 -> y − 5 > 25/3 -> y > 40/3
    # (b's minmax unchanged) — the new minimum (Z, once Y leaves 0) and maximum both moved.
    fw = [node("R", None), node("a", "R"), node("b", "R")]
    p = make_project(fw, ["城市", "a", "b"], [["X", 10, 10], ["Y", 0, 6], ["Z", 5, 0]], Settings())
    t = targets(p, compute(p), "Y", 1)
    assert t["current_rank"] == 2
    assert t["indicators"]["a"]["needed"] == pytest.approx(40 / 3, rel=1e-6)
    assert t["indicators"]["a"]["relative"] is None  # from 0: no relative change
    # b alone: 50·0 ... Y = (0 + b_Y)/2 ≤ 50 < X 100 whatever b is: not reachable
    assert t["indicators"]["b"] == {"reachable": False}


def test_already_there_and_errors():
    fw = [node("R", None), node("a", "R"), node("b", "R")]
    p = make_project(fw, ["城市", "a", "b"], [["X", 10, 10], ["Y", 0, 6], ["Z", 5, 0]], Settings())
    r = compute(p)
    t = targets(p, r, "X", 2)
    assert t["indicators"]["a"] == {"current": 10.0, "needed": 10.0, "change": 0.0, "relative": 0.0}
    for unit, k, key in (("Q", 1, "explain_unknown_unit"), ("Y", 0, "target_bad_rank"), ("Y", 4, "target_bad_rank")):
        with pytest.raises(TargetError) as e:
            targets(p, r, unit, k)
        assert e.value.key == key


def test_target_command_json_and_lines(tmp_path, capsys):
    import json

    from core.cli import commands as cli
    from core.files.paths import SAMPLE_WORKBOOK
    out = tmp_path / "t.json"
    assert cli.run(["target", str(SAMPLE_WORKBOOK), "--unit", "常州", "--rank", "10", "--json", str(out)]) == 0
    t = json.loads(out.read_text(encoding="utf-8"))
    p = load_or_raise(SAMPLE_WORKBOOK)
    assert t["unit"] == "常州" and t["rank"] == 10 and t["current_rank"] == compute(p).ranks["常州"]
    code, e = next(iter(t["indicators"].items()))
    assert _rank_full(p, "常州", code, e["needed"]) <= 10
    printed = capsys.readouterr().out
    assert "常州 现列第" in printed and "前 10 名" in printed
    assert cli.run(["target", str(SAMPLE_WORKBOOK), "--unit", "常州", "--rank", "0"]) == 2
    assert "--rank" in capsys.readouterr().err


def _with_unit(p, code, unit):
    """The project with indicator `code` given a unit text (the framework's `unit` column)."""
    p.framework.nodes[code] = replace(p.framework.nodes[code], unit=unit)
    return p


def test_a_percentage_is_never_asked_to_exceed_100():
    # R = (a + b)/2 on minmax, a in %. X: a 90 b 10; Y: a 40 b bY; Z: a 50 b 0.
    # Once Y's a passes 90 it is a's maximum (100) and Z's 50 its minimum: X's a = 100·40/(y − 50).
    # bY = 6 (b norm 60): Y = (100 + 60)/2 = 80 > X = (4000/(y − 50) + 100)/2  <=>  y > 50 + 4000/60 = 116.67 %
    #   -> beyond 100 %: not reachable, limit 100 (without the bound the search answered 116.67).
    # bY = 9 (b norm 90): Y = 95 > X  <=>  y − 50 > 4000/90  <=>  y > 94.444 %: reachable below the bound.
    fw = [node("R", None), node("a", "R"), node("b", "R")]
    for b_y, expected in ((6, None), (9, 50 + 4000 / 90)):
        p = make_project(fw, ["城市", "a", "b"], [["X", 90, 10], ["Y", 40, b_y], ["Z", 50, 0]], Settings())
        p = _with_unit(p, "a", "%")
        t = targets(p, compute(p), "Y", 1)
        if expected is None:
            assert t["indicators"]["a"] == {"reachable": False, "limit": 100.0}
        else:
            assert t["indicators"]["a"]["needed"] == pytest.approx(expected, rel=1e-6)
            assert _rank_full(p, "Y", "a", t["indicators"]["a"]["needed"]) == 1


def test_a_yes_no_indicator_is_tried_at_its_other_value_only():
    # R = (a + c)/2, c yes/no. X: a 10 c 1; W: a 9 c 0; Y: a 8 c 0; Z: a 0 c 0.
    # Scores: X (100 + 100)/2 = 100, W 45, Y 40, Z 0 -> Y 3rd. With c = 1 Y = (80 + 100)/2 = 90 > W: 2nd.
    # A continuous search would answer c = 0.1 (Y = (80 + 10)/2 = 45 ties W); a yes/no answers 1.
    fw = [node("R", None), node("a", "R"), node("c", "R")]
    rows = [["X", 10, 1], ["W", 9, 0], ["Y", 8, 0], ["Z", 0, 0]]
    p = _with_unit(make_project(fw, ["城市", "a", "c"], rows, Settings()), "c", "是=1/否=0")
    r = compute(p)
    t = targets(p, r, "Y", 2)
    assert t["indicators"]["c"] == {"current": 0.0, "needed": 1.0, "change": 1.0, "relative": None}
    assert targets(p, r, "Y", 1)["indicators"]["c"] == {"reachable": False, "limit": 1.0}  # 90 < X's 100
