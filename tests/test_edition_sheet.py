"""The results workbook's 历年排名 sheet (core.outputs.edition_sheet) from a Trend written by hand: ranks and scores
per edition, the change against the previous edition (previous − current), the movement in words, the mode's
meaning, and a native line chart of the TOP N with rank 1 at the top."""

import re
import zipfile
from dataclasses import replace
from types import SimpleNamespace

import openpyxl
import pytest

from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.files.xlsx import Book
from core.outputs import results_workbook as rw
from core.outputs.edition_sheet import write_edition_sheet, write_methods_rows
from core.pipeline.run import compute

LABELS = ("2022", "2023", "2024")
RANKS = {  # the latest edition's order first, then the unit without a latest rank
    "甲市": {"2022": 2, "2023": 4, "2024": 1},
    "乙市": {"2022": 1, "2023": 1, "2024": 2},
    "丙市": {"2022": None, "2023": 2, "2024": 2},
    "丁市": {"2022": 3, "2023": 5, "2024": 4},
    "戊市": {"2022": 4, "2023": 2, "2024": None},
}
SCORES = {u: {e: (None if r is None else 100.0 - 10 * r + 0.25) for e, r in v.items()} for u, v in RANKS.items()}
PRESENT = {"2022": {"甲市", "乙市", "丁市", "戊市"}, "2023": set(RANKS), "2024": set(RANKS) - {"戊市"}}


@pytest.fixture(scope="module")
def result():
    project, _ = load(SAMPLE_WORKBOOK)
    return compute(project)


def write(result, path, mode="each", top_n=10):
    tr = SimpleNamespace(editions=LABELS, units=tuple(RANKS), ranks=RANKS, scores=SCORES, node="AICI")
    b = rw.build_workbook(result, top_n=top_n)
    write_edition_sheet(b, tr, mode, PRESENT)
    write_methods_rows(b, tr, mode)
    Book(path, b.properties).write(b.sheets)
    return path


def test_ranks_scores_changes_and_words(result, tmp_path):
    out = write(result, tmp_path / "e.xlsx", "pooled", top_n=2)
    ws = openpyxl.load_workbook(out)["历年排名"]
    assert [ws.cell(3, j).value for j in (2, 5, 8)] == ["排名", "综合得分", "名次变化"]
    assert [ws.cell(4, j).value for j in range(1, 11)] == ["城市", "2022", "2023", "2024", "2022", "2023", "2024",
                                                          "2023", "2024", "2024较上年"]
    for k, (unit, ranks) in enumerate(RANKS.items()):
        row = 5 + k
        assert ws.cell(row, 1).value == unit
        assert [ws.cell(row, 2 + j).value for j in range(3)] == [ranks[e] for e in LABELS]
        assert [ws.cell(row, 5 + j).value for j in range(3)] == pytest.approx(
            [None if ranks[e] is None else 100 - 10 * ranks[e] + 0.25 for e in LABELS], nan_ok=True)
        for j in (1, 2):  # previous − current, empty where either rank is missing
            a, b = ranks[LABELS[j - 1]], ranks[LABELS[j]]
            assert ws.cell(row, 7 + j).value == (None if a is None or b is None else a - b)
        assert ws.cell(row, 8).number_format == "+0;-0;0"
    words = {ws.cell(5 + k, 1).value: ws.cell(5 + k, 10).value for k in range(len(RANKS))}
    # top_n=2: 甲 4th → 1st enters the TOP 2 and was 2nd in 2022 (returns); 丙 2nd in both (tied each time);
    # 戊 is not in the 2024 data: absent, which is not "dropping out"
    assert words == {"甲市": "较上年上升3位，重返前二", "乙市": "较上年下降1位", "丙市": "与上年排名持平",
                     "丁市": "较上年上升1位", "戊市": "本版未参评"}
    assert "合并" in ws["A2"].value and "上一版名次 − 本版名次" in ws["A2"].value
    methods = openpyxl.load_workbook(out)["方法说明"]
    rows = [[c.value for c in r] for r in methods.iter_rows(min_col=1, max_col=3)]
    assert ["历年评价", "评价版次", "共 3 版：2022、2023、2024；各版使用同一指标体系与权重"] in rows
    assert any(r[1] == "历年得分的读法" and "合并后统一标准化" in r[2] for r in rows)


def chart_xml(path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [z.read(n).decode() for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]


def test_line_chart_of_the_top_n_with_rank_one_on_top(result, tmp_path):
    out = write(result, tmp_path / "c.xlsx", top_n=3)
    line = [x for x in chart_xml(out) if "<c:lineChart>" in x]
    assert len(line) == 1
    xml = line[0]
    # the TOP 3 of 2024 are 甲, 乙 and 丙 (tied 2nd): one series each, over the rank block B:D of its row
    assert re.findall(r"<c:val><c:numRef><c:f>([^<]+)</c:f>", xml) == [
        "历年排名!$B$5:$D$5", "历年排名!$B$6:$D$6", "历年排名!$B$7:$D$7"]
    # the editions are the categories (a year label is cached as a number, a label such as 一期 as text)
    assert set(re.findall(r"<c:cat><c:(?:str|num)Ref><c:f>([^<]+)</c:f>", xml)) == {"历年排名!$B$4:$D$4"}
    assert re.findall(r"<c:pt idx=\"2\"><c:v>([^<]+)</c:v>", xml)[:2] == ["2024", "1"]  # cached: 甲 is 1st in 2024
    assert '<c:orientation val="maxMin"/>' in xml  # the value axis reversed: rank 1 at the top
    assert '<c:min val="1"/>' in xml


def test_english(result, tmp_path):
    en = replace(result, settings=result.settings.with_(language="en"))
    out = write(en, tmp_path / "en.xlsx", "base")
    wb = openpyxl.load_workbook(out)
    ws = wb["Ranks by edition"]
    assert wb.sheetnames[-1] == "Ranks by edition"  # (this test appends it; build_workbook places it second)
    assert ws.cell(4, 10).value == "2024 against 2023"
    assert ws.cell(5, 10).value == "rises 3 places since 2023"  # in the TOP 10 before and after
    assert "fixed goalposts" in ws["A2"].value
