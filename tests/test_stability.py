"""Weight stability (issue 21, point 2): each interval checked by full recomputes of the pipeline with the
weight moved (siblings rescaled in proportion), and an arithmetic case solved by hand."""

import pytest

from core.analysis.stability import top_of, weight_stability
from core.model.settings import Settings
from core.pipeline.run import compute
from tests.helpers import load_or_raise, make_project, node


def _top_with(project, result, code, t, top):
    """The TOP-N (names and ranks) of a full `compute` with `code`'s local weight set to t."""
    fw = project.framework
    parent = fw.nodes[code].parent
    sibs = [k for k in fw.children[parent] if k != code]
    rest = sum(result.local[k] for k in sibs)
    w = {code: t, **{k: (result.local[k] * (1 - t) / rest if rest > 0 else (1 - t) / len(sibs)) for k in sibs}}
    r = compute(project.with_framework(fw.with_weights(w)))
    return top_of(r.root_scores, r.units, top)


def test_two_indicators_by_hand():
    # R = t·a + (1−t)·b on minmax 0–100. a: X 100, Y 60, Z 0 ; b: X 0, Y 50, Z 100
    # X = 100t, Y = 50 + 10t, Z = 100 − 100t; at t = 0.5: Y 55, X 50, Z 50 -> tie X/Z, take t = 0.6
    fw = [node("R", None), node("a", "R", 0.6), node("b", "R", 0.4)]
    p = make_project(fw, ["城市", "a", "b"], [["X", 100, 0], ["Y", 60, 50], ["Z", 0, 100]])
    r = compute(p)
    st = weight_stability(r, top=3)["weights"]
    # at 0.6: X 60, Y 56, Z 40 — order X, Y, Z.  X = Y at 100t = 50 + 10t -> t = 5/9;
    # Y = Z at 50 + 10t = 100 − 100t -> t = 5/11 < 5/9, so going down X/Y swaps first (5/9).
    # Going up: X − Y and Y − Z only grow; no swap -> 1.
    assert st["a"]["current"] == pytest.approx(0.6)
    assert st["a"]["low"] == pytest.approx(5 / 9, abs=1e-12)
    assert st["a"]["at_low"] == ["X", "Y"]
    assert st["a"]["high"] == 1.0 and st["a"]["at_high"] is None
    assert st["a"]["method"] == "exact"
    # b's weight is 1 − a's: the mirror interval
    assert st["b"]["high"] == pytest.approx(4 / 9, abs=1e-12) and st["b"]["low"] == 0.0
    # TOP-1 only: X above Y and Z; X = Y at 5/9, X = Z at 1/2 -> low 5/9 as well
    assert weight_stability(r, top=1)["weights"]["a"]["low"] == pytest.approx(5 / 9, abs=1e-12)


def _check_intervals(project, top):
    r = compute(project)
    st = weight_stability(r, top)
    base = top_of(r.root_scores, r.units, top)
    assert st["top"] == top
    seen_swap = 0
    for code, e in st["weights"].items():
        lo, hi = e["low"], e["high"]
        assert lo <= e["current"] <= hi
        assert _top_with(project, r, code, min(lo + 1e-4, e["current"]), top) == base, (code, e)
        assert _top_with(project, r, code, max(hi - 1e-4, e["current"]), top) == base, (code, e)
        if lo > 1e-4:
            assert e["at_low"] is not None
            assert _top_with(project, r, code, lo - 1e-4, top) != base, (code, e)
            seen_swap += 1
        if hi < 1 - 1e-4:
            assert e["at_high"] is not None
            assert _top_with(project, r, code, hi + 1e-4, top) != base, (code, e)
            seen_swap += 1
        if lo == 0.0:
            assert e["at_low"] is None and _top_with(project, r, code, 0.0, top) == base
        if hi == 1.0:
            assert e["at_high"] is None and _top_with(project, r, code, 1.0, top) == base
    assert seen_swap > 5  # the check has something to check
    return st


def test_intervals_on_the_sample_arithmetic_by_full_recompute():
    st = _check_intervals(load_or_raise("data/sample_ai_cities.xlsx"), 10)
    assert {e["method"] for e in st["weights"].values()} == {"exact", "search"}  # missing data: search


def test_intervals_on_the_sample_geometric_by_full_recompute():
    p = load_or_raise("data/sample_ai_cities.xlsx")
    st = _check_intervals(p.with_settings(p.settings.with_(aggregation="geometric", minmax_low=1.0)), 5)
    assert {e["method"] for e in st["weights"].values()} == {"search"}


def test_lone_child_is_not_listed():
    fw = [node("R", None), node("D", "R"), node("a", "D"), node("b", "R")]
    p = make_project(fw, ["城市", "a", "b"], [["X", 1, 2], ["Y", 2, 1], ["Z", 3, 3]], Settings())
    st = weight_stability(compute(p), 2)
    assert "a" not in st["weights"] and set(st["weights"]) == {"D", "b"}


def test_stability_command_json_and_lines(tmp_path, capsys):
    import json

    from core.cli import commands as cli
    from core.files.paths import SAMPLE_WORKBOOK
    out = tmp_path / "s.json"
    assert cli.run(["stability", str(SAMPLE_WORKBOOK), "--top", "10", "--json", str(out)]) == 0
    st = json.loads(out.read_text(encoding="utf-8"))
    r = compute(load_or_raise(SAMPLE_WORKBOOK))
    assert st["top"] == 10
    fw = r.framework
    assert set(st["weights"]) == {c for c in r.plan.codes[1:] if len(fw.children[fw.nodes[c].parent]) > 1}
    p = st["weights"]["P"]
    assert set(p) >= {"current", "low", "high", "at_low", "at_high"}
    assert p["current"] == pytest.approx(r.local["P"])
    printed = capsys.readouterr().out
    assert "前 10 名及其顺序不变" in printed
    assert f"P 政策环境优势：当前 {p['current']:.1%}，区间 {p['low']:.1%}–{p['high']:.1%}" in printed
    assert cli.run(["stability", str(SAMPLE_WORKBOOK), "--top", "0"]) == 2
    assert "--top" in capsys.readouterr().err


def test_near_edge():
    from core.analysis.stability import near_edge
    e = {"current": 0.2, "low": 0.185, "high": 0.5, "at_low": ["A", "B"], "at_high": ["C", "D"]}
    assert near_edge(e)
    assert not near_edge(dict(e, low=0.17))
    assert not near_edge(dict(e, low=0.19, at_low=None))  # no swap at that end: not an edge
    assert near_edge(dict(e, low=0.0, at_low=None, high=0.215))
