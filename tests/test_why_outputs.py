"""Issue 21 in the results workbook (point 5 and point 1's outputs): the 稳健性 sheet and the 优势与短板 sheet,
read back from the file the `score` command writes, against the engine's functions and full recomputes done
here; the words of the report's stability and strength sentences (core.text.why_texts, core.outputs.report_why)
checked on hand cases. The report itself, through its command and the window, is tests/test_why_report.py."""

from __future__ import annotations

import math
import re

import numpy as np
import openpyxl
import pandas as pd
import pytest

from core.analysis.contributions import strengths_weaknesses
from core.analysis.stability import weight_stability
from core.analysis.strengths_table import all_strengths_weaknesses
from core.files.paths import SAMPLE_WORKBOOK
from core.outputs import report_why, stability_sheet
from core.outputs.results_workbook import write_results
from core.pipeline.run import compute
from core.text.why_texts import interval_pct, top_words
from tests.helpers import make_project, node

TOP = 10
HEAD = ["代码", "名称", "上级", "层级", "当前权重", "下限", "上限", "越过下限", "越过上限", "接近端点", "计算方法"]


@pytest.fixture(scope="module")
def result(project):
    return compute(project)


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    """The results workbook of the sample, written by `python main.py score` (the front door)."""
    from core.cli import commands as cli
    out = tmp_path_factory.mktemp("score") / "results.xlsx"
    assert cli.run(["score", str(SAMPLE_WORKBOOK), "-o", str(out)]) == 0
    return openpyxl.load_workbook(out)


def sheet_rows(ws, header_row: int) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[header_row - 1])
    return [dict(zip(head, r)) for r in rows[header_row:] if any(v is not None for v in r)]


def top_after(project, result, code: str, t: float, n: int) -> list[tuple[str, int]]:
    """The TOP-n (unit, rank) of a full compute with `code`'s local weight set to t, its siblings rescaled in
    proportion — ranked here: scores to 9 decimals, ties share the best rank, ties ordered by name."""
    fw = project.framework
    sibs = [k for k in fw.children[fw.nodes[code].parent] if k != code]
    rest = sum(result.local[k] for k in sibs)
    w = {code: t, **{k: result.local[k] * (1 - t) / rest for k in sibs}}
    r = compute(project.with_framework(fw.with_weights(w)))
    s = pd.Series(r.root_scores, index=list(r.units)).round(9).dropna()
    ranks = s.rank(method="min", ascending=False)
    ordered = sorted(s.index, key=lambda u: (-s[u], u))[:n]
    return [(u, int(ranks[u])) for u in ordered]


# --- the 稳健性 sheet -----------------------------------------------------------------------------------
def test_stability_sheet_holds_every_interval_of_weight_stability(scored, result):
    ws = scored["稳健性"]
    assert "前 10 名" in ws["A1"].value  # the TOP-N stated above the table
    assert [c.value for c in ws[2]] == HEAD
    rows = sheet_rows(ws, 2)
    st = weight_stability(result, TOP)["weights"]
    fw = result.framework
    # every node with siblings, in tree order; a lone child (weight 1) is not a row
    assert [r["代码"] for r in rows] == [c for c in fw.preorder() if c in st]
    assert {c for c in fw.preorder() if c != fw.root and len(fw.children[fw.nodes[c].parent]) > 1} == set(st)
    for r in rows:
        e = st[r["代码"]]
        assert r["名称"] == fw.nodes[r["代码"]].name_zh and r["上级"] == fw.nodes[r["代码"]].parent
        for col, key in (("当前权重", "current"), ("下限", "low"), ("上限", "high")):
            assert r[col] == pytest.approx(e[key], rel=1e-15, abs=1e-15), (r["代码"], col)
        for col, key, none in (("越过下限", "at_low", "无（降至 0% 不变）"),
                               ("越过上限", "at_high", "无（升至 100% 不变）")):
            pair = e[key]
            assert r[col] == (f"{pair[1]} 超过 {pair[0]}" if pair else none), (r["代码"], col)
        near = ((e["at_low"] is not None and e["current"] - e["low"] <= 0.1 * e["current"])
                or (e["at_high"] is not None and e["high"] - e["current"] <= 0.1 * e["current"]))
        assert (r["接近端点"] is not None) == near
        assert r["计算方法"] == ("精确（线性）" if e["method"] == "exact" else "二分搜索")
    assert ws["F3"].number_format == "0.00%"


@pytest.mark.parametrize("code", ["P", "T1"])  # exact (arithmetic) and found by search (a missing child)
def test_the_sheets_interval_is_where_the_top_n_changes(scored, project, result, code):
    """Read low/high off the sheet; a full recompute just inside keeps the TOP 10 (members, order), just
    outside changes it — and the first change is the pair the sheet names."""
    row = next(r for r in sheet_rows(scored["稳健性"], 2) if r["代码"] == code)
    lo, hi = row["下限"], row["上限"]
    assert 0 < lo < row["当前权重"] < hi < 1  # both ends swap on the sample: both are checked
    base = top_after(project, result, code, row["当前权重"], TOP)
    assert base == [(result.units[i], int(result.node_ranks(result.framework.root).iloc[i]))
                    for i in result.rank_order()[0][:TOP]]
    assert top_after(project, result, code, lo + 1e-4, TOP) == base
    assert top_after(project, result, code, hi - 1e-4, TOP) == base
    below, above = top_after(project, result, code, lo - 1e-4, TOP), top_after(project, result, code, hi + 1e-4, TOP)
    assert below != base and above != base
    for moved, cell in ((below, row["越过下限"]), (above, row["越过上限"])):
        b, a = cell.split(" 超过 ")
        order = [u for u, _ in moved]
        assert b in order and (a not in order or order.index(b) < order.index(a)), (moved, cell)


def test_near_edge_and_no_swap_by_hand(tmp_path):
    # R = t·a + (1 − t)·b, min-max 0–100: X = 100t, Y = 50 + 10t, Z = 100 − 100t. At t = 0.6: X 60, Y 56, Z 40.
    # Down: X = Y at t = 5/9 (Y overtakes X); up: nothing swaps. 0.6 − 5/9 = 0.044 ≤ 10 % of 0.6: near an edge.
    p = make_project([node("R", None), node("a", "R", 0.6), node("b", "R", 0.4)], ["城市", "a", "b"],
                     [["X", 100, 0], ["Y", 60, 50], ["Z", 0, 100]])
    out = tmp_path / "small.xlsx"
    write_results(compute(p), out, top_n=3)
    rows = {r["代码"]: r for r in sheet_rows(openpyxl.load_workbook(out)["稳健性"], 2)}
    a, b = rows["a"], rows["b"]
    assert a["下限"] == pytest.approx(5 / 9, abs=1e-12) and a["上限"] == 1
    assert a["越过下限"] == "Y 超过 X" and a["越过上限"] == "无（升至 100% 不变）"
    assert a["接近端点"] == "⚠ 是"
    assert b["上限"] == pytest.approx(4 / 9, abs=1e-12) and b["下限"] == 0 and b["越过下限"] == "无（降至 0% 不变）"
    assert b["接近端点"] is None  # 4/9 − 0.4 = 0.044 > 10 % of 0.4


def test_when_the_sheet_is_computed(project, result, tmp_path, monkeypatch):
    """By default up to MAX_CELLS units × weights; beyond, the sheet says why it is empty and which command gives
    the intervals (weight_stability is not called); False leaves it out; a dict is written as given."""
    assert len(result.units) * stability_sheet.weight_count(result) == 50 * 58 <= stability_sheet.MAX_CELLS

    def refuse(*a, **k):
        raise AssertionError("weight_stability called")

    monkeypatch.setattr(stability_sheet, "MAX_CELLS", 50 * 58 - 1)
    monkeypatch.setattr(stability_sheet, "weight_stability", refuse)
    out = tmp_path / "big.xlsx"
    write_results(result, out)
    ws = openpyxl.load_workbook(out)["稳健性"]
    assert "50 个单位、58 个权重" in ws["A1"].value and "python main.py stability" in ws["A1"].value
    assert sheet_rows(ws, 2) == []
    write_results(result, out, stability=False)
    assert "稳健性" not in openpyxl.load_workbook(out).sheetnames
    given = {"top": 3, "weights": {"P": {"current": 0.2, "low": 0.1, "high": 0.3, "at_low": ["北京", "上海"],
                                         "at_high": None, "method": "exact"}}}
    write_results(result, out, stability=given)  # e.g. the window's own intervals
    ws = openpyxl.load_workbook(out)["稳健性"]
    assert "前 3 名" in ws["A1"].value
    (row,) = sheet_rows(ws, 2)
    assert (row["代码"], row["下限"], row["上限"], row["越过下限"]) == ("P", 0.1, 0.3, "上海 超过 北京")
    write_results(result, out, top_n=0)  # no TOP N asked for: nothing to keep, said so
    ws = openpyxl.load_workbook(out)["稳健性"]
    assert "N = 0" in ws["A1"].value and sheet_rows(ws, 2) == []


def test_english_sheets(project, tmp_path):
    r = compute(project.with_settings(project.settings.with_(language="en")))
    out = tmp_path / "en.xlsx"
    write_results(r, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-2:] == ["Weight stability", "Strengths and weaknesses"]
    head = [c.value for c in wb["Weight stability"][2]]
    assert head[:7] == ["Code", "Name", "Parent", "Level", "Current", "Low", "High"]
    assert "TOP 10" in wb["Weight stability"]["A1"].value
    assert [c.value for c in wb["Strengths and weaknesses"][2]][:2] == ["Rank", "Unit"]


# --- the 优势与短板 sheet (the city table) ---------------------------------------------------------------
def test_city_sheet_lists_strengths_and_weaknesses_of_every_unit(scored, result):
    ws = scored["优势与短板"]
    rows = sheet_rows(ws, 2)
    assert [r["城市"] for r in rows] == [result.units[i] for i in result.rank_order()[0]]
    assert "至少 13 名" in ws["A1"].value  # a quarter of the 50 ranked units, rounded up
    seen = 0
    for r in rows:
        sw = strengths_weaknesses(result, r["城市"])
        assert r["综合排名"] == sw["rank"]
        for col, key in (("优势指标", "strengths"), ("短板指标", "weaknesses")):
            cell = r[col]
            listed = [] if cell == "无" else [re.fullmatch(r"(\S+) .+（第 (\d+) 名）", item).groups()
                                              for item in cell.split("；")]
            assert listed == [(e["code"], str(e["rank"])) for e in sw[key]], (r["城市"], col)
            assert r[col + "数"] >= len(listed)
            seen += len(listed)
    assert seen > 10  # the sample has strengths and weaknesses to list


def test_strengths_table_equals_strengths_weaknesses(result):
    """The table ranks each indicator once; every unit's entries are strengths_weaknesses' — at the index and
    at a dimension — and the counts are of every qualifying indicator before the cut to five."""
    for at in (None, "P"):
        table = all_strengths_weaknesses(result, at)
        assert list(table) == list(result.units)
        for u in result.units:
            one = strengths_weaknesses(result, u, at)
            got = dict(table[u])
            counts = got.pop("n_strengths"), got.pop("n_weaknesses")
            assert got == one, u
            assert counts[0] >= len(one["strengths"]) and counts[1] >= len(one["weaknesses"])
    # the counts, recounted here from the normalised values: indicators ranked >= threshold places better/worse
    e = all_strengths_weaknesses(result)["苏州"]
    N = result.normalised[result.framework.leaves].round(9)
    ranks = N.rank(ascending=False, method="min")
    gap = e["rank"] - ranks.loc["苏州"]
    assert e["n_weaknesses"] == int((gap <= -e["threshold"]).sum())
    assert e["n_strengths"] == int((gap >= e["threshold"]).sum())


# --- the words ---------------------------------------------------------------------------------------
def test_interval_percentages_are_rounded_inward():
    assert interval_pct(0.0898500339, 0.3258834992, 0.2) == ("9%", "32%", "20%")
    assert interval_pct(0.0, 1.0, 0.2) == ("0%", "100%", "20%")
    assert interval_pct(0.14, 0.27, 0.2) == ("14%", "27%", "20%")  # on a whole percent (to 1e-6): kept
    assert interval_pct(0.195, 0.2031, 0.2) == ("19.5%", "20.3%", "20.0%")  # whole percents would lose 20 %
    rng = np.random.default_rng(5)
    for _ in range(500):
        lo, cur, hi = np.sort(rng.uniform(0, 1, 3))
        a, b, c = (float(x.rstrip("%")) / 100 for x in interval_pct(lo, hi, cur))
        assert lo - 1e-6 <= a <= c <= b <= hi + 1e-6  # printed bounds within the true interval, current inside


def test_top_words():
    assert [top_words(n, "zh") for n in (3, 10, 15, 20, 42, 100)] == ["前三名", "前十名", "前十五名", "前二十名",
                                                                     "前四十二名", "前 100 名"]
    assert top_words(10, "en") == "the TOP 10"


def test_stability_sentences_by_hand():
    e = {"current": 0.2, "low": 0.14, "high": 0.27, "at_low": ["南京", "天津"], "at_high": ["成都", "南京"]}
    assert report_why.stability_sentence("政策环境优势", e, 10, "zh") == (
        "政策环境优势的权重在 14%–27% 之间变动时，前十名及其顺序不变（当前为 20%）；再降低，天津将首先超过南京；"
        "再提高，南京将首先超过成都。")
    e = dict(e, high=1.0, at_high=None)
    assert report_why.stability_sentence("政策环境优势", e, 10, "zh").endswith("；权重升至 100% 前十名仍不变。")
    assert report_why.stability_sentence("Policy", e, 10, "en") == (
        "The weight of Policy can move between 14% and 100% without changing the TOP 10 or their order (it is now "
        "20%); lower, 天津 would first overtake 南京; up to 100% the TOP 10 stay the same.")
    e = dict(e, low=0.0, at_low=None)
    assert report_why.stability_sentence("政策环境优势", e, 5, "zh") == (
        "政策环境优势的权重在 0%–100% 之间任意变动，前五名及其顺序均不变（当前为 20%）。")
    near = {"current": 0.2, "low": 0.19, "high": 0.5, "at_low": ["A", "B"], "at_high": ["C", "D"]}
    assert report_why.stability_sentence("P", near, 10, "zh").endswith(
        "。当前权重距区间端点不足其 10%，前十名对这一权重较为敏感。")


def test_strengths_sentence_by_hand(result):
    fw = result.framework
    e = {"rank": 20, "of": 50, "threshold": 13, "strengths": [{"code": "I13", "rank": 2, "gap": 18}],
         "weaknesses": [], "n_strengths": 3, "n_weaknesses": 0}
    name = fw.nodes["I13"].name_zh
    assert report_why.strengths_sentence(e, result, "zh") == (
        f"按指标排名与综合排名（第 20 名）相差至少 13 名计，优势指标：{name}（I13，第 2 名）等 3 项；短板指标：无。")
    e = dict(e, rank=2, strengths=[], n_strengths=0, weaknesses=[{"code": "I12", "rank": 21, "gap": 19}],
             n_weaknesses=1)
    assert report_why.strengths_sentence(e, result, "zh") == (
        f"按指标排名与综合排名（第 2 名）相差至少 13 名计，优势指标：无（不可能再靠前 13 名）；"
        f"短板指标：{fw.nodes['I12'].name_zh}（I12，第 21 名）。")
    e = dict(e, rank=45, weaknesses=[], n_weaknesses=0)
    assert report_why.strengths_sentence(e, result, "en").endswith("weaknesses none (no room to rank 13 places lower).")


def test_dimension_stability_is_weight_stability_for_the_dimensions(result):
    """The report asks for the dimensions' intervals only: the same numbers as the full run's."""
    dims = report_why.dimension_stability(result, TOP)
    full = weight_stability(result, TOP)
    assert set(dims["weights"]) == set(result.framework.children[result.framework.root])
    assert all(dims["weights"][c] == full["weights"][c] for c in dims["weights"])
    assert math.isclose(sum(e["current"] for e in dims["weights"].values()), 1.0)


def test_report_intro_points_to_the_sheet_or_the_command(result, monkeypatch):
    """The introduction names where every weight's interval is: the 稳健性 sheet, or — for a project too large
    for that sheet by default — the stability command."""
    paras = report_why.stability_paragraphs(result, TOP, "zh")
    assert "全部 58 个权重的区间见计算结果工作簿的“稳健性”工作表" in paras[0]
    assert len(paras) == 1 + len(result.framework.children[result.framework.root])
    monkeypatch.setattr(report_why, "MAX_CELLS", 50 * 58 - 1)
    assert "python main.py stability" in report_why.stability_paragraphs(result, TOP, "zh")[0]
