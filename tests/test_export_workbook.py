"""The results workbook as a deliverable: progress and cancel while writing, print-ready layout
(column widths, the ranking's title and illustrative-data line, chart axes at the scale) and the
settings named in words."""

import os
import re
import tempfile
import zipfile

import openpyxl
import pytest

from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.files.xlsx import text_width
from core.model.settings import Settings
from core.outputs import results_workbook as rw
from core.pipeline.run import compute
from tests.helpers import make_project, node


@pytest.fixture(scope="module")
def sample():
    project, problems = load(SAMPLE_WORKBOOK)
    assert project is not None and not problems.has_errors
    return project, compute(project)


def small_project(**settings):
    fw = [node("R", None), node("D1", "R"), node("a", "D1"), node("b", "D1"), node("D2", "R"), node("c", "D2")]
    rows = [[f"U{k}", k, 10 - k, (k * 7) % 5] for k in range(8)]
    return make_project(fw, ["城市", "a", "b", "c"], rows, Settings(**settings))


def col_widths(ws) -> dict[int, float]:
    out = {}
    for d in ws.column_dimensions.values():
        if d.width and d.min:
            out.update({j: d.width for j in range(d.min, d.max + 1)})
    return out


# --- progress and cancel ------------------------------------------------------------------------
def test_progress_rises_to_one(sample, tmp_path):
    project, r = sample
    seen = []
    rw.write_results(r, tmp_path / "p.xlsx", data=project.data, progress=seen.append)
    assert len(seen) >= 2 and seen[-1] == 1.0
    assert all(0 <= a <= b <= 1 for a, b in zip(seen, seen[1:]))  # never goes back
    assert all(f < 1 for f in seen[:-1])  # 1.0 only once the file is in place


@pytest.mark.parametrize("when", [0.1, 0.5])  # while the sheets are planned / being written
def test_cancel_writes_nothing_and_keeps_the_previous_file(sample, tmp_path, monkeypatch, when):
    project, r = sample
    out = tmp_path / "r.xlsx"
    rw.write_results(r, out, data=project.data)
    before = out.read_bytes()
    scratch = tmp_path / "scratch"  # where temporary files go (XlsxWriter keeps rows there while writing)
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    seen = []

    def cancelled():  # the user presses Cancel once the bar has passed `when`
        return bool(seen) and seen[-1] >= when

    with pytest.raises(rw.Cancelled):
        rw.write_results(r, out, data=project.data, live_formulas=True, progress=seen.append, cancelled=cancelled)
    assert seen[-1] < 1.0
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx", "scratch"]  # no temporary file beside it
    assert list(scratch.iterdir()) == []  # nor any left by the writer


def test_cancel_before_a_first_write_leaves_no_file(tmp_path):
    r = compute(small_project())
    with pytest.raises(rw.Cancelled):
        rw.write_results(r, tmp_path / "new.xlsx", cancelled=lambda: True)
    assert os.listdir(tmp_path) == []


# --- print-ready ---------------------------------------------------------------------------------
def test_every_column_is_as_wide_as_its_header(sample, tmp_path):
    """Headers up to MAX_HEADER_WIDTH characters fit on one line; longer ones wrap in a column at
    least that wide (层级 and 上级, 有效权重 and 权重来源 no longer run together)."""
    project, r = sample
    out = tmp_path / "w.xlsx"
    rw.write_results(r, out, data=project.data, live_formulas=True)
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        head = next(k for k in range(1, 6) if sum(c.value is not None for c in ws[k]) > 1)
        widths = col_widths(ws)
        for c in ws[head]:
            if c.value is None or ws.column_dimensions[c.column_letter].hidden:
                continue
            need = min(text_width(c.value), rw.MAX_HEADER_WIDTH) + 1
            assert widths.get(c.column, 8.43) >= need, (ws.title, c.value, widths.get(c.column))
    w = wb["权重"]
    heads = [c.value for c in w[1]]
    level, parent, how = heads.index("层级") + 1, heads.index("上级") + 1, heads.index("权重来源") + 1
    # the level (a number) is centred, so "1" does not sit against the parent's code; the source is indented
    assert w.cell(3, level).alignment.horizontal == "center" and w.cell(3, parent).alignment.horizontal == "center"
    assert w.cell(3, how).alignment.indent >= 1


def test_ranking_sheet_has_a_title_and_says_when_the_data_are_illustrative(sample, tmp_path):
    project, r = sample
    out = tmp_path / "s.xlsx"
    rw.write_results(r, out, data=project.data)  # the bundled sample
    ws = openpyxl.load_workbook(out)["排名"]
    root = r.framework.nodes[r.framework.root].name_zh
    assert ws["A1"].value == f"{root}排名（{len(r.units)} 个城市参评）" and ws["A1"].font.b
    assert "示例数据" in ws["A2"].value and "并非统计数据" in ws["A2"].value
    assert [ws.cell(3, j).value for j in (1, 2, 3)] == ["排名", "城市", "综合得分"]
    # not the sample: the title, no such line
    p = small_project()
    out2 = tmp_path / "n.xlsx"
    rw.write_results(compute(p), out2, data=p.data)
    ws2 = openpyxl.load_workbook(out2)["排名"]
    assert ws2["A1"].value.startswith("R 排名") or "排名（" in ws2["A1"].value
    assert [ws2.cell(2, j).value for j in (1, 2, 3)] == ["排名", "城市", "综合得分"]
    assert not any("示例数据" in str(c.value) for row in ws2.iter_rows() for c in row if c.value)
    # the window says it itself (it knows the path), whatever the file's name
    out3 = tmp_path / "w.xlsx"
    rw.write_results(compute(p), out3, data=p.data, illustrative=True)
    assert "示例数据" in openpyxl.load_workbook(out3)["排名"]["A2"].value


def chart_axes_max(path) -> list[float]:
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
    return [float(v) for v in re.findall(r'<c:max val="([^"]+)"', xml)]


def test_chart_axes_end_at_the_projects_scale(tmp_path):
    """Scores out of 1: the value axes run to 1 (as they run to 100 for scores out of 100)."""
    p = small_project(scale=1.0, decimals=3)
    r = compute(p)
    assert float(r.root_scores.max()) <= 1.0
    out = tmp_path / "one.xlsx"
    rw.write_results(r, out)
    axes = chart_axes_max(out)
    assert axes and all(a == 1.0 for a in axes)


def test_every_sheet_prints_with_the_title_and_page_numbers(sample, tmp_path):
    project, r = sample
    out = tmp_path / "h.xlsx"
    rw.write_results(r, out, data=project.data)
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            assert "评价结果" in ws.oddHeader.left.text and "&P" in ws.oddFooter.right.text, ws.title
            assert ws.print_title_rows, ws.title


# --- the settings in words ---------------------------------------------------------------------------
RAW_KEYS = {"scale", "decimals", "normalization", "aggregation", "minmax", "arithmetic", "minmax_low",
            "unit_min_coverage", "node_min_coverage", "imputation", "outliers", "language", "none", "zh"}


def settings_rows(path, sheet, category):
    ws = openpyxl.load_workbook(path)[sheet]
    return [(row[1], row[2]) for row in ws.iter_rows(values_only=True) if row[0] == category]


def test_methods_sheet_names_the_settings_in_chinese(sample, tmp_path):
    project, r = sample
    out = tmp_path / "m.xlsx"
    rw.write_results(r, out, data=project.data)
    rows = settings_rows(out, "方法说明", "设置")
    # the settings table of DESIGN §3 (README, "Fingerprint"): a method's own settings (TOPSIS, grey, BoD)
    # are listed only when a node uses that method, which the sample does not
    assert len(rows) == len(["scale", "decimals", "normalization", "aggregation", "minmax_low",
                             "unit_min_coverage", "imputation", "imputation_group", "outliers",
                             "winsor_max_points", "skew_limit", "kurtosis_limit", "node_min_coverage",
                             "language"])
    for label, value in rows:
        assert label not in RAW_KEYS and value not in RAW_KEYS, (label, value)
        assert re.search(r"[\u4e00-\u9fff]", label), label
    d = dict(rows)
    assert d["满分"] == "100" and d["显示小数位数"] == "1"
    assert d["默认标准化方法"] == "极差标准化 (min-max)" and d["默认聚合方法"] == "加权算术平均"
    assert d["输出语言"] == "中文"


def test_methods_sheet_lists_a_methods_settings_only_when_a_node_uses_it(sample, tmp_path):
    project, _ = sample
    r = compute(project.with_settings(project.settings.with_(aggregation="topsis")))
    out = tmp_path / "m_topsis.xlsx"
    rw.write_results(r, out)
    d = dict(settings_rows(out, "方法说明", "设置"))
    assert d["TOPSIS 的列归一化"].startswith("向量归一化")
    assert "灰色关联分辨系数 ρ" not in d and "BoD 子项权重最小占比" not in d


def test_methods_sheet_names_the_settings_in_english(sample, tmp_path):
    project, _ = sample
    r = compute(project.with_settings(project.settings.with_(language="en")))
    out = tmp_path / "m_en.xlsx"
    rw.write_results(r, out)
    d = dict(settings_rows(out, "Methods", "Setting"))
    assert d["Top of the scale"] == "100" and d["Default aggregation"] == "weighted arithmetic mean"
    assert d["Default normalisation"] == "min-max" and d["Output language"] == "English"
    assert not set(d) & RAW_KEYS


# --- the streaming writer itself -------------------------------------------------------------------------
def test_book_writes_numbers_text_formulas_and_blocks_as_planned(tmp_path):
    import numpy as np

    from core.files.xlsx import Book, Sheet
    ws = Sheet("表")
    ws.write_row(1, ["城市", np.int64(3), np.float32(0.5), True, "=1+1", "-r", "@x", "a\x01b"])
    ws.formula(2, 1, "=SUM(B1:C1)")
    g = ws.grid(3, 2, np.array([[1.25, np.nan, -3.0], [np.inf, 7.0, 8.5]]), {"num_format": "0.0"})
    g.mark(4, 3, fill="FCE4D6")
    ws.set(3, 5, "after the block")
    out = tmp_path / "b.xlsx"
    Book(out).write([ws])
    got = openpyxl.load_workbook(out)["表"]
    assert [c.value for c in got[1]] == ["城市", 3, 0.5, True, "=1+1", "-r", "@x", "ab"]
    assert got["B1"].data_type == "n" and got["C1"].data_type == "n"
    for ref in ("E1", "F1", "G1"):  # text that Excel would read as a formula stays text
        assert got[ref].data_type == "s" and got[ref].quotePrefix, ref
    assert got["A2"].data_type == "f" and got["A2"].value == "=SUM(B1:C1)"
    assert [got.cell(3, j).value for j in (2, 3, 4, 5)] == [1.25, None, -3.0, "after the block"]
    assert [got.cell(4, j).value for j in (2, 3, 4)] == [None, 7.0, 8.5]  # inf: no number, an empty cell
    assert got["B3"].number_format == "0.0" and got["C4"].fill.fgColor.rgb.endswith("FCE4D6")
    assert got["D4"].fill.fill_type is None
