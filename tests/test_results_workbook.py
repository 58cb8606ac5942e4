"""The results workbook, read back by two readers (pandas and openpyxl) and by LibreOffice,
checked sheet by sheet against the engine's Result."""

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from core.files.atomic import WriteError
from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.model.settings import Settings
from core.outputs import results_workbook as rw
from core.pipeline.run import compute
from tests.helpers import make_project, node

SOFFICE = shutil.which("soffice")
needs_lo = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; CI installs "
                              "libreoffice-calc-nogui for these")


@pytest.fixture(scope="module")
def sample():
    project, problems = load(SAMPLE_WORKBOOK)
    assert project is not None and not problems.has_errors
    return project, compute(project)


@pytest.fixture(scope="module")
def book(sample, tmp_path_factory):
    project, r = sample
    path = tmp_path_factory.mktemp("book") / "results.xlsx"
    rw.write_results(r, path, top_n=10, data=project.data)
    return path


@pytest.fixture(scope="module")
def live_book(sample, tmp_path_factory):
    project, r = sample
    path = tmp_path_factory.mktemp("live") / "live.xlsx"
    rw.write_results(r, path, live_formulas=True, data=project.data)
    return path


def units_in_rank_order(r):
    return [r.units[i] for i in r.rank_order()[0]]


def nan_to_none(v):
    return None if v is None or (isinstance(v, float) and np.isnan(v)) else v


def same(a, b, tol=None):
    """Equal numbers (NaN/None/empty all meaning 'no value'); by default to the 16 digits written."""
    a, b = nan_to_none(a), nan_to_none(b)
    if a is None or a == "" or b is None or b == "":
        return (a is None or a == "") and (b is None or b == "")
    a, b = float(a), float(b)
    return abs(a - b) <= (tol if tol is not None else 1e-15 * max(abs(a), abs(b)))


# The sheets DESIGN §3 asks of the results workbook (ranking; the scores of the dimensions and the
# sub-dimensions; each indicator's normalised score, the report's 表9–46, with their index; the weights,
# local and effective; the data as given and as treated; the method notes; the data-quality report and
# its imputed and treated values; issue 21: the weights' stability intervals and each unit's strengths and
# weaknesses), by the names a user sees in Chinese and in English, written out here
# rather than read from the writer, so a renamed or dropped sheet fails.
SHEETS_ZH = ["排名", "一级维度得分", "二级维度得分", "指标得分", "指标目录", "权重", "原始数据", "处理后数据",
             "方法说明", "数据质量", "填补与处理", "稳健性", "优势与短板"]
SHEETS_EN = ["Ranking", "Dimension scores", "Sub-dimension scores", "Indicator scores", "Indicator index", "Weights",
             "Raw data", "Treated data", "Methods", "Data quality", "Imputed and treated", "Weight stability",
             "Strengths and weaknesses"]
LIVE_ZH = ["可编辑权重", "公式得分", "公式排名"]  # `--live-formulas`: editable weights, formula scores and ranks
LIVE_EN = ["Editable weights", "Formula scores", "Formula ranking"]
# the pipeline's steps as the methods sheet names them, in the order DESIGN §2 runs them
STEPS_ZH = ["分母处理", "单位筛选", "缺失值处理", "异常值处理", "变换", "归一化", "权重", "聚合", "排名", "显示"]
PREC = 1e-15  # openpyxl writes numbers with 16 significant digits


# --- every sheet against the Result --------------------------------------------------------
def test_sheet_names_chinese_by_default(book):
    wb = openpyxl.load_workbook(book)
    names = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    hidden = [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]
    assert hidden in ([], ["_verify"])  # the inputs for `verify`, when the data were given
    assert names == SHEETS_ZH
    assert names[0] == "排名" and "指标得分" in names


def test_ranking_sheet_order_scores_ranks_and_top_n(book, sample):
    _, r = sample
    # a title, the line saying the sample's data are illustrative, then the header
    df = pd.read_excel(book, sheet_name="排名", engine="openpyxl", header=2)
    assert list(df.columns[:3]) == ["排名", "城市", "综合得分"]
    ranking = r.ranking()
    assert list(df["城市"]) == [x["unit"] for x in ranking]
    # openpyxl writes 16 significant digits: equal to ~1e-15, relative
    assert df["综合得分"].to_numpy() == pytest.approx([x["score"] for x in ranking], rel=PREC, abs=0)
    assert [nan_to_none(v) for v in df["排名"]] == [x["rank"] for x in ranking]
    dims = r.framework.children[r.framework.root]
    for j, d in enumerate(dims):
        assert df.columns[3 + j] == r.framework.nodes[d].name_zh
        assert all(same(a, x["nodes"][d]) for a, x in zip(df.iloc[:, 3 + j], ranking))
    # TOP 10 highlighted, the others not
    ws = openpyxl.load_workbook(book)["排名"]
    filled = [ws.cell(i, 2).fill.fgColor.rgb.endswith("FFF2CC") for i in range(4, len(ranking) + 4)]
    assert filled == [x["rank"] is not None and x["rank"] <= 10 for x in ranking]
    assert ws.cell(4, 3).number_format == "0.0"  # the project's decimals (1)
    assert ws.cell(20, 3).number_format == "0.0" and ws.cell(20, 1).number_format == "0"


def test_level_sheets_every_node_score_and_rank(book, sample):
    _, r = sample
    fw = r.framework
    order = units_in_rank_order(r)
    for level, sheet in ((1, "一级维度得分"), (2, "二级维度得分")):
        df = pd.read_excel(book, sheet_name=sheet, engine="openpyxl").set_index("城市")
        assert list(df.index) == order
        nodes = fw.at_level(level)
        assert len(nodes) == (5 if level == 1 else 13)
        for c in nodes:
            col = f"{c} {fw.nodes[c].name_zh}"
            expect = r.scores[c].reindex(order)
            assert all(same(a, b) for a, b in zip(df[col], expect)), c
            ranks = r.node_ranks(c).reindex(order)
            assert all(same(a, b) for a, b in zip(df[f"{c} 排名"], ranks)), c
        assert all(same(a, b) for a, b in zip(df["综合得分"], r.scores[fw.root].reindex(order)))
    # the unit without a T4 score has an empty cell there and no T4 rank
    df = pd.read_excel(book, sheet_name="二级维度得分", engine="openpyxl").set_index("城市")
    missing = [m for m in r.missing if m["code"] == "T4"]
    assert missing and all(pd.isna(df.loc[m["unit"], "T4 人才储备"]) and pd.isna(df.loc[m["unit"], "T4 排名"])
                           for m in missing)


def test_indicator_scores_and_their_index(book, sample):
    _, r = sample
    fw = r.framework
    df = pd.read_excel(book, sheet_name="指标得分", engine="openpyxl").set_index("城市")
    order = units_in_rank_order(r)
    assert list(df.index) == order
    assert len(df.columns) == 1 + len(fw.leaves)
    for c in fw.leaves:
        got = df[f"{c} {fw.nodes[c].name_zh}"].to_numpy(dtype=float)
        np.testing.assert_allclose(got, r.normalised[c].reindex(order).to_numpy(), rtol=PREC, atol=0)
    idx = pd.read_excel(book, sheet_name="指标目录", engine="openpyxl")
    assert list(idx["代码"]) == fw.leaves
    assert list(idx["表号"]) == [f"表{k}" for k in range(1, len(fw.leaves) + 1)]
    assert idx["有效权重"].to_numpy() == pytest.approx([r.effective[c] for c in fw.leaves], rel=PREC, abs=0)
    # each index row points at the column holding that indicator
    wb = openpyxl.load_workbook(book)
    ws, scores = wb["指标目录"], wb["指标得分"]
    for k, c in enumerate(fw.leaves, start=2):
        link = ws.cell(k, 17).hyperlink
        col = link.location.split("!")[1].rstrip("1")
        assert scores[f"{col}1"].value == f"{c} {fw.nodes[c].name_zh}"


def test_weights_sheet(book, sample):
    _, r = sample
    fw = r.framework
    df = pd.read_excel(book, sheet_name="权重", engine="openpyxl")
    assert list(df["代码"]) == list(fw.preorder())
    assert df["局部权重"].to_numpy() == pytest.approx([r.local[c] for c in df["代码"]], rel=PREC, abs=0)
    assert df["有效权重"].to_numpy() == pytest.approx([r.effective[c] for c in df["代码"]], rel=PREC, abs=0)
    how = dict(zip(df["代码"], df["权重来源"]))
    assert how["P"] == "同级等权（未设定）" and how[fw.root].startswith("—")
    assert dict(zip(df["代码"], df["层级"]))["P11"] == 3


def test_raw_data_as_given_and_treated(book, sample):
    project, r = sample
    ds = project.data
    raw = pd.read_excel(book, sheet_name="原始数据", engine="openpyxl").set_index("城市")
    assert list(raw.index) == list(ds.units)
    for c in ds.values.columns:
        np.testing.assert_allclose(raw[ds.headers.get(c, c)].to_numpy(dtype=float), ds.values[c].to_numpy(),
                                   rtol=PREC, atol=0)
    for g in ds.groups.columns:
        assert list(raw[g]) == list(ds.groups[g])
    treated = pd.read_excel(book, sheet_name="处理后数据", engine="openpyxl").set_index("城市")
    for c in r.framework.leaves:
        col = next(h for h in treated.columns if h.split(" ")[0] == c)
        np.testing.assert_allclose(treated[col].to_numpy(dtype=float), r.treated[c].to_numpy(), rtol=PREC, atol=0)


def test_methods_in_words_and_missing_scores(book, sample):
    _, r = sample
    df = pd.read_excel(book, sheet_name="方法说明", engine="openpyxl")
    text = "\n".join(df["说明"].fillna("").astype(str))
    assert "归一化：极差标准化 (min-max)，下限 0，满分 100" in text
    assert "聚合：加权算术平均" in text and "50%" in text
    assert "缺失值处理：不填补" in text
    methods = df[df["类别"] == "方法"]
    assert list(methods["项目"]) == STEPS_ZH  # one line per step, each named
    no_score = df[df["类别"] == "无得分节点"]
    assert len(no_score) == len(r.missing)
    for m in r.missing:
        assert any(str(x).startswith(f"{m['unit']} · {m['code']}") for x in no_score["项目"])
    # the sheets are described
    assert list(df[df["类别"] == "工作表说明"]["项目"]) == SHEETS_ZH


def test_data_quality_lists_every_problem_with_its_place(book, sample):
    _, r = sample
    df = pd.read_excel(book, sheet_name="数据质量", engine="openpyxl")
    assert len(df) == len(r.problems)
    for (_, row), p in zip(df.iterrows(), r.problems):
        assert row["文件"] == p.file and row["工作表"] == p.sheet and row["行"] == p.row
        assert row["列"] == p.column and row["说明"] == p.text("zh") and row["城市"] == p.unit
        assert row["级别"] == {"error": "错误", "warning": "警告", "info": "提示"}[p.severity]


def messy_project(**settings):
    fw = [node("R", None), node("D1", "R"), node("a", "D1"), node("b", "D1"), node("D2", "R"), node("c", "D2"),
          node("d", "D2")]
    hdr = ["城市", "region", "a", "b", "c", "d"]
    rows = [["U0", "n", 1, 5, 1, 2], ["U1", "n", 2, None, 2, 3], ["U2", "s", 3, 6, 3, 4], ["U3", "s", 4, 7, 4, 5],
            ["U4", "n", 5, 8, 5, 6], ["U5", "s", 6, 9, 6, 7], ["U6", "n", 7, 10, 7, None],
            ["U7", "s", 500, 11, 1000, 8], ["U8", "n", None, None, None, None]]
    return make_project(fw, hdr, rows, Settings(**settings))


def test_imputed_treated_and_excluded_are_listed_with_old_and_new(tmp_path):
    p = messy_project(imputation="mean", outliers="winsorise", unit_min_coverage=0.5)
    r = compute(p)
    assert r.imputed and r.treated_cells and r.excluded
    out = tmp_path / "m.xlsx"
    rw.write_results(r, out, data=p.data)
    ch = pd.read_excel(out, sheet_name="填补与处理", engine="openpyxl")
    imp = ch[ch["处理"] == "填补"]
    assert sorted(zip(imp["城市"], imp["代码"], imp["新值"])) == sorted(
        (x["unit"], x["code"], x["value"]) for x in r.imputed)
    assert imp["原值"].isna().all()
    tr = ch[ch["处理"] != "填补"]
    assert sorted(zip(tr["城市"], tr["代码"], tr["原值"], tr["新值"])) == sorted(
        (x["unit"], x["code"], x["old"], x["new"]) for x in r.treated_cells)
    methods = pd.read_excel(out, sheet_name="方法说明", engine="openpyxl")
    ex = methods[methods["类别"] == "未参评单位"]
    assert list(ex["项目"]) == [e["unit"] for e in r.excluded]
    assert all("低于下限 50%" in t for t in ex["说明"])
    text = "\n".join(methods["说明"].fillna("").astype(str))
    assert "缺失值处理：均值填补" in text and "异常值处理：按 OECD/JRC 规则" in text
    raw = pd.read_excel(out, sheet_name="原始数据", engine="openpyxl").set_index("城市")
    assert raw.loc["U8", "参评"] == "否（未参评）" and raw.loc["U0", "参评"] == "是"
    # imputed and treated cells are marked in the treated-data sheet
    ws = openpyxl.load_workbook(out)["处理后数据"]
    row = {ws.cell(i, 1).value: i for i in range(2, ws.max_row + 1)}
    col = {str(ws.cell(1, j).value).split(" ")[0]: j for j in range(2, ws.max_column + 1)}
    x = r.imputed[0]
    assert ws.cell(row[x["unit"]], col[x["code"]]).fill.fgColor.rgb.endswith(rw.IMPUTED_FILL)
    t = r.treated_cells[0]
    assert ws.cell(row[t["unit"]], col[t["code"]]).fill.fgColor.rgb.endswith(rw.TREATED_FILL)
    plain = next(u for u in row if u not in {x["unit"] for x in r.imputed + r.treated_cells})
    assert ws.cell(row[plain], 2).fill.fill_type is None


# --- charts and print layout ----------------------------------------------------------------
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def charts_in(path) -> dict[str, list]:
    """Each sheet's native charts as parsed XML, read from the file (openpyxl does not read charts)."""
    import posixpath
    import xml.etree.ElementTree as ET
    with zipfile.ZipFile(path) as z:
        wbx = ET.fromstring(z.read("xl/workbook.xml"))
        names = [s.get("name") for s in wbx.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet")]
        out = {n: [] for n in names}
        for k, name in enumerate(names, start=1):
            rels = f"xl/worksheets/_rels/sheet{k}.xml.rels"
            if rels not in z.namelist():
                continue
            for d in ET.fromstring(z.read(rels)):
                if d.get("Type", "").endswith("/drawing"):
                    drawing = posixpath.normpath(posixpath.join("xl/worksheets", d.get("Target")))
                    drels = drawing.replace("drawings/", "drawings/_rels/") + ".rels"
                    for c in ET.fromstring(z.read(drels)):
                        if c.get("Type", "").endswith("/chart"):
                            target = posixpath.normpath(posixpath.join("xl/drawings", c.get("Target")))
                            out[name].append(ET.fromstring(z.read(target)))
    return out


def test_native_charts_on_the_ranking_and_dimension_sheets(sample, book):
    _, r = sample
    charts = charts_in(book)
    assert [len(v) for v in charts.values()] == [1, 2] + [0] * (len(charts) - 2)
    (bar,) = charts["排名"]
    assert bar.find(f".//{C}barDir").get("val") == "bar"
    series = bar.findall(f".//{C}ser")
    assert len(series) == 1
    # the TOP 10 scores, below the title, the illustrative-data line and the header (rows 1-3)
    assert series[0].find(f"{C}val//{C}f").text.replace("'", "") == "排名!$C$4:$C$13"
    assert series[0].find(f"{C}cat//{C}f").text.replace("'", "") == "排名!$B$4:$B$13"
    profile, scatter = charts["一级维度得分"]
    assert profile.find(f".//{C}barDir").get("val") == "col"
    assert profile.find(f".//{C}grouping").get("val") == "clustered"
    assert len(profile.findall(f".//{C}ser")) == 5  # the top five
    assert scatter.find(f".//{C}scatterChart") is not None
    points = scatter.findall(f".//{C}ser")
    assert len(points) == 11  # ten labelled cities and the others
    # T against A: the x values come from the T column, the y values from the A column
    ws = openpyxl.load_workbook(book)["一级维度得分"]
    head = {ws.cell(1, j).value.split(" ")[0]: get_letter(j) for j in range(4, 9)}
    assert f"${head['T']}$" in points[0].find(f"{C}xVal//{C}f").text
    assert f"${head['A']}$" in points[0].find(f"{C}yVal//{C}f").text


def test_chart_value_axes_end_at_the_scale(sample, book):
    """Scores out of 100: every value axis runs 0 … 100, not to Excel's automatic 120."""
    _, r = sample
    assert r.settings.scale == 100
    charts = charts_in(book)
    for chart in charts["排名"] + charts["一级维度得分"]:
        axes = chart.findall(f".//{C}valAx")
        assert axes
        for ax in axes:
            assert float(ax.find(f"{C}scaling/{C}max").get("val")) == 100
            assert float(ax.find(f"{C}scaling/{C}min").get("val")) == 0


def get_letter(j):
    from openpyxl.utils import get_column_letter
    return get_column_letter(j)


def col_widths(ws) -> dict[int, float]:
    """Column → width as written (a <col> element may cover several columns alike)."""
    out = {}
    for d in ws.column_dimensions.values():
        if d.width and d.min:
            out.update({j: d.width for j in range(d.min, d.max + 1)})
    return out


def test_frozen_headers_print_titles_landscape(book):
    wb = openpyxl.load_workbook(book)
    for ws in [w for w in wb.worksheets if w.sheet_state == "visible"]:  # not the hidden _verify
        # the ranking: its title and the sample line above the header; issue 21's two sheets: a note above it
        head = {"排名": 3, "稳健性": 2, "优势与短板": 2}.get(ws.title, 1)
        assert ws.freeze_panes in (f"A{head + 1}", f"B{head + 1}", f"C{head + 1}"), ws.title
        assert ws.print_title_rows.replace("$", "") == f"{head}:{head}", ws.title
        width = sum(col_widths(ws).get(j, 9) for j in range(1, ws.max_column + 1))
        charts = ws.title in ("排名", "一级维度得分")
        if width > 110 or charts:  # wide (the written widths carry a little padding: no exact line)
            assert ws.page_setup.orientation == "landscape", ws.title
        elif width < 95:
            assert ws.page_setup.orientation == "portrait", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToHeight == 0 and (ws.page_setup.fitToWidth or 1) >= 1  # absent: 1
        # the index's name and the sheet's name head every page, page numbers below
        assert ws.oddHeader.left.text == "综合得分评价结果" and ws.oddHeader.right.text == "&A", ws.title
        assert ws.oddFooter.right.text == "第 &P 页，共 &N 页", ws.title
    assert wb["排名"].page_setup.fitToWidth in (None, 1)
    # a wide sheet prints on several pages across, the unit names repeated on each
    wide = wb["指标得分"]
    assert wide.page_setup.fitToWidth > 1 and wide.print_title_cols.replace("$", "") == "A:B"
    # CJK text counts double in column widths
    assert col_widths(wb["权重"])[2] >= 2 * len("人工智能上市公司产值")


def test_decimals_set_the_number_formats(sample, tmp_path):
    project, r = sample
    r3 = compute(project.with_settings(project.settings.with_(decimals=3)))
    out = tmp_path / "d3.xlsx"
    rw.write_results(r3, out)
    wb = openpyxl.load_workbook(out)
    assert wb["排名"]["C3"].number_format == "0.000"  # below the title and the header
    assert wb["一级维度得分"]["D2"].number_format == "0.000"
    assert wb["指标得分"]["C2"].number_format == "0.000"
    assert wb["排名"]["A3"].number_format == "0"


def test_english_sheet_names_and_headers(sample, tmp_path):
    project, _ = sample
    r = compute(project.with_settings(project.settings.with_(language="en")))
    out = tmp_path / "en.xlsx"
    rw.write_results(r, out, live_formulas=True)
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert names == SHEETS_EN + LIVE_EN
    assert not any(re.search(r"[\u4e00-\u9fff]", n) for n in names)
    df = pd.read_excel(out, sheet_name="Ranking", engine="openpyxl", header=1)  # below the title
    assert list(df.columns[:4]) == ["Rank", "Unit", "Score", r.framework.nodes["P"].name_en]
    m = pd.read_excel(out, sheet_name="Methods", engine="openpyxl")
    assert any(str(t).startswith("Normalisation: min-max, low end 0, top of the scale 100") for t in m["Text"])
    assert sorted(rw.sheet_names("en").values()) == sorted(SHEETS_EN + LIVE_EN)  # what the self-test looks for


def test_extra_sheets_are_appended_with_safe_names(sample, tmp_path):
    _, r = sample
    out = tmp_path / "x.xlsx"
    rw.write_results(r, out, extra_sheets={"情景 A": [["城市", "得分"], ["北京", 1.5], ["=1+1", 2]],
                                           "bad/name?[1]": [["a"], [1]], "排名": [["dup"]]})
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-3:] == ["情景 A", "bad_name__1_", "排名 (2)"]
    ws = wb["情景 A"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [["城市", "得分"], ["北京", 1.5], ["=1+1", 2]]
    assert ws["A3"].data_type == "s" and ws["A3"].quotePrefix and ws.freeze_panes == "A2"


# --- safety ------------------------------------------------------------------------------------
NASTY = ['=HYPERLINK("http://x","y")', "@SUM(1)", "-1+2", "+1", "=1+1"]


def nasty_project(**settings):
    fw = [node("R", None), node("D1", "R"), node("a", "D1"), node("b", "D1"), node("D2", "R"), node("c", "D2")]
    fw[2][2] = "=cmd|' /C calc'!A0"  # a name that would be a DDE formula
    hdr = ["城市", "region", "a", "b", "c"]
    rows = [[u, "-r", k, 10 - k, k * k] for k, u in enumerate(NASTY + ["北京"])]
    return make_project(fw, hdr, rows, Settings(**settings))


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    p = nasty_project()
    r = compute(p)
    out = tmp_path / "n.xlsx"
    rw.write_results(r, out, data=p.data)
    wb = openpyxl.load_workbook(out)
    seen = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if c.value in NASTY or c.value == "=cmd|' /C calc'!A0" or c.value == "-r":
                    assert c.data_type == "s" and c.quotePrefix  # stays text when edited in Excel
                    seen.setdefault(c.value, set()).add(ws.title)
    for u in NASTY:
        assert {"排名", "一级维度得分", "指标得分", "原始数据", "处理后数据"} <= seen[u], u
    assert "=cmd|' /C calc'!A0" in seen and "-r" in seen
    # no formula element anywhere in the file
    with zipfile.ZipFile(out) as z:
        for n in z.namelist():
            if n.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in z.read(n) and b"<f " not in z.read(n), n
    # the second reader agrees: the same text comes back
    df = pd.read_excel(out, sheet_name="排名", engine="openpyxl", header=1)  # below the title
    assert sorted(df["城市"]) == sorted(NASTY + ["北京"])


def test_live_workbook_keeps_names_as_text_and_only_its_own_formulas(tmp_path):
    r = compute(nasty_project())
    out = tmp_path / "nl.xlsx"
    rw.write_results(r, out, live_formulas=True)
    wb = openpyxl.load_workbook(out)
    live = set(LIVE_ZH)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    assert ws.title in live
                    assert not any(u in c.value for u in NASTY)
                if c.value in NASTY:
                    assert c.data_type == "s"


def test_write_row_escapes_tab_and_carriage_return():
    from core.files.xlsx import write_row
    ws = openpyxl.Workbook().active
    write_row(ws, 1, ["\t=1", "\r=2", "=3", "ok", 1.5, float("nan"), "a\x01b"])
    assert [c.data_type for c in ws[1][:4]] == ["s", "s", "s", "s"]
    assert ws["E1"].value == 1.5 and ws["F1"].value is None and ws["G1"].value == "ab"


def test_failure_mid_export_leaves_the_previous_file_intact(sample, tmp_path, monkeypatch):
    project, r = sample
    out = tmp_path / "r.xlsx"
    rw.write_results(r, out)
    before = out.read_bytes()

    import xlsxwriter

    def boom(self):  # writes part of a file, then fails
        Path(self.filename).write_bytes(b"PK\x03\x04 half a workbook")
        raise RuntimeError("disk went away")

    monkeypatch.setattr(xlsxwriter.Workbook, "close", boom)
    with pytest.raises(RuntimeError):
        rw.write_results(r, out)
    assert out.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["r.xlsx"]


def test_failure_in_a_sheet_writer_leaves_the_previous_file_intact(sample, tmp_path, monkeypatch):
    _, r = sample
    out = tmp_path / "r.xlsx"
    rw.write_results(r, out)
    before = out.read_bytes()
    calls = []

    def broken(b):
        calls.append(len(b.sheets))
        raise ValueError("injected")

    monkeypatch.setattr(rw, "SHEETS", rw.SHEETS[:4] + (broken,) + rw.SHEETS[4:])
    with pytest.raises(ValueError):
        rw.write_results(r, out)
    assert calls == [5]  # it failed after five sheets had been written (two level sheets)
    assert out.read_bytes() == before and sorted(os.listdir(tmp_path)) == ["r.xlsx"]


def test_locked_target_gives_a_clear_write_error(sample, tmp_path, monkeypatch):
    _, r = sample
    out = tmp_path / "结果.xlsx"
    rw.write_results(r, out)
    before = out.read_bytes()
    import core.files.atomic

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(core.files.atomic.os, "replace", locked)
    with pytest.raises(WriteError, match="结果.xlsx") as e:
        rw.write_results(r, out)
    assert "open in Excel" in str(e.value)
    monkeypatch.undo()
    assert out.read_bytes() == before and sorted(os.listdir(tmp_path)) == ["结果.xlsx"]


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root ignores folder permissions (covered by the os.replace test)")
def test_read_only_folder_gives_a_clear_write_error(sample, tmp_path):
    _, r = sample
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="out.xlsx.*not writable"):
            rw.write_results(r, folder / "out.xlsx")
    finally:
        folder.chmod(0o700)


def test_unwritable_folder_gives_a_clear_write_error_even_as_root(sample, tmp_path, monkeypatch):
    _, r = sample
    import core.files.atomic

    def refused(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(core.files.atomic.tempfile, "mkstemp", refused)
    with pytest.raises(WriteError, match=r"out\.xlsx: the folder .* is not writable"):
        rw.write_results(r, tmp_path / "out.xlsx")
    assert os.listdir(tmp_path) == []


def test_missing_folder_gives_a_clear_write_error(sample, tmp_path):
    _, r = sample
    with pytest.raises(WriteError, match="does not exist"):
        rw.write_results(r, tmp_path / "nowhere" / "out.xlsx")


def test_score_command_writes_the_new_workbook_and_live_formulas(tmp_path):
    from core.cli import commands as cli
    out = tmp_path / "c.xlsx"
    assert cli.run(["score", str(SAMPLE_WORKBOOK), "-o", str(out), "--live-formulas"]) == 0
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert "公式得分" in names and "原始数据" in names


# --- the live-formula workbook (structure, without LibreOffice) ------------------------------------
def test_live_workbook_structure(live_book, sample):
    _, r = sample
    fw = r.framework
    wb = openpyxl.load_workbook(live_book)
    W, S, R = wb["可编辑权重"], wb["公式得分"], wb["公式排名"]
    assert "修改" in W["A1"].value and "自动重新计算" in W["A1"].value  # the instruction, in words
    codes = rw.breadth_first(fw)
    assert [W.cell(k, 1).value for k in range(3, 3 + len(codes))] == codes
    assert [W.cell(k, 5).value for k in range(4, 3 + len(codes))] == pytest.approx([r.local[c] for c in codes[1:]])
    assert W.data_validations.dataValidation  # weights must be numbers >= 0
    assert [S.cell(2, 2 + j).value.split(" ")[0] for j in range(len(codes))] == codes
    # every internal node is a formula over its children's cells and the weights row
    for j, c in enumerate(codes):
        f = S.cell(4, 2 + j).value
        assert isinstance(f, str) and f.startswith("=")
        if not fw.is_leaf(c):
            assert "SUMPRODUCT" in f
    assert R.cell(3, 3).value.startswith("=IF(ISNUMBER(D3),RANK(")
    assert S.freeze_panes == "B4" and S.print_title_rows.replace("$", "") == "2:3"


# --- LibreOffice -------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def lo_profile(tmp_path_factory):
    return tmp_path_factory.mktemp("lo_profile_results")


def soffice(src: Path, outdir: Path, fmt: str, profile: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", fmt, "--outdir", str(outdir), str(src)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    assert done.returncode == 0 and out.exists() and out.stat().st_size > 0, (done.stdout, done.stderr)
    return out


def recalculated(path: Path, tmp_path: Path, profile: Path):
    return openpyxl.load_workbook(soffice(path, tmp_path / "recalc", "xlsx", profile), data_only=True)


def formula_scores(wb, r) -> dict[str, list]:
    """Node code -> values of the formula-score sheet, in the Result's rank order."""
    ws = wb[LIVE_EN[1] if r.settings.language == "en" else LIVE_ZH[1]]
    codes = [str(ws.cell(2, j).value).split(" ")[0] for j in range(2, ws.max_column + 1)]
    n = len(r.units)
    assert [ws.cell(4 + k, 1).value for k in range(n)] == units_in_rank_order(r)
    return {c: [ws.cell(4 + k, 2 + j).value for k in range(n)] for j, c in enumerate(codes)}


def assert_agrees(values: dict, r, order=None, tol=1e-9):
    """The formula sheet's values (rows in the export's `order`) equal the Result's scores to `tol`."""
    order = r.rank_order()[0] if order is None else order
    for c in r.plan.codes:
        expect = r.scores[c].to_numpy()[order]
        got = values[c]
        bad = [(r.units[i], g, e) for i, g, e in zip(order, got, expect) if not same(g, e, tol)]
        assert not bad, (c, bad[:3])


@pytest.mark.slow
@needs_lo
def test_libreoffice_converts_the_workbook_to_pdf(book, tmp_path, lo_profile):
    pdf = soffice(book, tmp_path / "pdf", "pdf", lo_profile)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") + data.count(b"/Type/Page") > 5


@pytest.mark.slow
@needs_lo
def test_libreoffice_recalculates_the_live_workbook_like_the_engine(live_book, sample, tmp_path, lo_profile):
    _, r = sample
    wb = recalculated(live_book, tmp_path, lo_profile)
    assert_agrees(formula_scores(wb, r), r)
    ws = wb["公式排名"]
    n = len(r.units)
    order = units_in_rank_order(r)
    ranks = r.ranks
    assert [ws.cell(3 + k, 3).value for k in range(n)] == [nan_to_none(ranks[u]) for u in order]
    # the list sorted by the formula ranks is the engine's ranking
    assert [ws.cell(3 + k, 8).value for k in range(n)] == [x["unit"] for x in r.ranking()]
    # the editable weights' shares and effective weights are formulas too
    W = wb["可编辑权重"]
    for k in range(3, W.max_row + 1):
        c = W.cell(k, 1).value
        assert W.cell(k, 7).value == pytest.approx(r.effective[c], abs=1e-12)


@pytest.mark.slow
@needs_lo
def test_changing_a_weight_in_excel_gives_the_engines_reweight(live_book, sample, tmp_path, lo_profile):
    _, r = sample
    fw = r.framework
    wb = openpyxl.load_workbook(live_book)
    W = wb["可编辑权重"]
    row = {W.cell(k, 1).value: k for k in range(3, W.max_row + 1)}
    new = {"T": 0.6, "T21": 3.0}
    for code, w in new.items():
        W.cell(row[code], 5).value = w
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    weights = {}
    for code in new:  # the engine's way: the siblings' raw weights, the new one among them
        for sib in fw.children[fw.nodes[code].parent]:
            weights[sib] = new.get(sib, r.local[sib])
    r2 = r.reweight(fw.with_weights(weights))
    assert not np.allclose(r2.root_scores, r.root_scores)
    got = recalculated(edited, tmp_path, lo_profile)
    ws = got["公式得分"]
    order = r.rank_order()[0]  # the rows keep the order of the export
    root = [ws.cell(4 + k, 2).value for k in range(len(order))]
    assert all(same(g, e, 1e-9) for g, e in zip(root, r2.root_scores[order]))
    assert_agrees(formula_scores(got, r), r2, order)
    R = got["公式排名"]
    assert [R.cell(3 + k, 8).value for k in range(len(order))][:10] == [x["unit"] for x in r2.ranking()][:10]


@pytest.mark.slow
@needs_lo
def test_live_formulas_geometric_harmonic_missing_and_coverage(tmp_path, lo_profile):
    """Every aggregation, missing children, zeros and node_min_coverage, recalculated by LibreOffice."""
    fw = [node("R", None), node("G", "R", 2, aggregation="geometric"), node("a", "G", 1), node("b", "G", 3),
          node("c", "G", 1), node("H", "R", 1, aggregation="harmonic"), node("d", "H"), node("e", "H"),
          node("M", "R", 1), node("f", "M"), node("g", "M"), node("h", "M")]
    hdr = ["城市", "a", "b", "c", "d", "e", "f", "g", "h"]
    rows = [["U0", 1, 2, 3, 4, 5, 6, 7, 8], ["U1", 5, None, 1, 2, None, None, None, 3],
            ["U2", 9, 8, None, None, None, 1, 2, 3], ["U3", 2, 3, 4, 9, 1, None, None, None],
            ["U4", 0, 5, 5, 1, 1, 2, 2, 2], ["U5", 3, 3, 3, 3, 3, 3, 3, 3], ["U6", 7, 1, 9, 6, 4, 9, 1, None]]
    p = make_project(fw, hdr, rows, Settings(node_min_coverage=0.6))
    r = compute(p)
    S = r.scores
    assert np.isnan(S.loc["U2", "H"]) and np.isnan(S.loc["U3", "M"])  # coverage not met
    assert (S["G"] == 0).any() and (S["G"] > 0).any()  # a zero child makes a geometric mean 0
    out = tmp_path / "agg.xlsx"
    rw.write_results(r, out, live_formulas=True)
    wb = recalculated(out, tmp_path, lo_profile)
    assert_agrees(formula_scores(wb, r), r)
