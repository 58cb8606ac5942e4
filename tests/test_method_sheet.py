"""The results workbook's 方法比较 and BoD权重 sheets (issue 20 points 7 and 5), read back from the
file `python main.py score` writes (the front door)."""

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.model.settings import AGGREGATIONS
from core.pipeline.run import compute

ROOT = Path(__file__).resolve().parent.parent
BOD_NODES = ("AICI", "T")
LO, HI = 0.1, 0.5


def score(*args):
    p = subprocess.run([sys.executable, str(ROOT / "main.py"), "score", *map(str, args)], cwd=ROOT,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p


@pytest.fixture(scope="module")
def bod_input(tmp_path_factory):
    """The sample with the index and dimension T aggregated by BoD, each child's share within 10 % … 50 %."""
    path = tmp_path_factory.mktemp("bod") / "bod.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["指标体系"]
    head = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value in BOD_NODES:
            ws.cell(r, head.index("aggregation") + 1).value = "bod"
    wb["设置"].append(["bod_min_share", LO])
    wb["设置"].append(["bod_max_share", HI])
    wb.save(path)
    return path


def test_bod_sheet_shares_sum_to_one_within_the_bounds(bod_input, tmp_path):
    out = tmp_path / "r.xlsx"
    score(bod_input, "-o", out)
    wb = openpyxl.load_workbook(out)
    assert "BoD权重" in wb.sheetnames and "方法比较" not in wb.sheetnames  # the methods sheet only on request
    rows = list(wb["BoD权重"].iter_rows(values_only=True))
    project, _ = load(bod_input)
    fw = project.framework
    expected = compute(project).bod_weights
    blocks, k = {}, 0
    while k < len(rows):
        head = rows[k][0]
        if isinstance(head, str) and head.startswith("节点 "):
            code = head.split()[1]
            kids = list(fw.children[code])
            assert [str(h).split()[0] for h in rows[k + 1][2:2 + len(kids)]] == kids
            body = []
            k += 2
            while k < len(rows) and rows[k][0] is not None:
                body.append(rows[k])
                k += 1
            blocks[code] = (kids, body)
        k += 1
    assert set(blocks) == set(BOD_NODES)
    for code, (kids, body) in blocks.items():
        assert len(body) == len(expected[code])
        for row in body:
            shares = [v for v in row[2:2 + len(kids)] if v is not None]  # a missing child drops out
            assert sum(shares) == pytest.approx(1.0, abs=1e-9)
            assert row[2 + len(kids)] == pytest.approx(1.0, abs=1e-9)  # the sum column says so too
            assert all(LO - 1e-9 <= s <= HI + 1e-9 for s in shares), (code, row[0], shares)
            assert {c: v for c, v in zip(kids, row[2:]) if v is not None} == pytest.approx(expected[code][row[0]])


def test_no_bod_sheet_without_a_bod_node(tmp_path):
    out = tmp_path / "r.xlsx"
    score(SAMPLE_WORKBOOK, "-o", out)
    assert "BoD权重" not in openpyxl.load_workbook(out, read_only=True).sheetnames


def ranks_with_every_node(project, method):
    fw = project.framework
    for code in fw.internal:
        fw = fw.with_node(replace(fw.nodes[code], aggregation=method))
    r = compute(project.with_framework(fw))
    _idx, ranks = r.rank_order()
    return {u: (None if v != v else int(v)) for u, v in zip(r.units, ranks)}


def test_method_ranks_sheet_on_request(tmp_path, project):
    out = tmp_path / "m.xlsx"
    score(SAMPLE_WORKBOOK, "-o", out, "--method-ranks")
    wb = openpyxl.load_workbook(out)
    ws = wb["方法比较"]
    rows = list(ws.iter_rows(values_only=True))
    n_methods = len(AGGREGATIONS)
    assert rows[0][:2] == ("单位", "当前排名") and rows[0][2 + n_methods:4 + n_methods] == ("最大排名变动", "出现于")
    assert rows[0][2:2 + n_methods] == ("加权算术平均", "加权几何平均", "加权调和平均", "TOPSIS", "灰色关联分析",
                                        "秩和比", "Copeland 排序", "DEA/BoD")
    body = [r for r in rows[1:] if r[1] is not None]
    r = compute(project)
    idx, cur = r.rank_order()
    assert [row[0] for row in body] == [r.units[int(i)] for i in idx]  # the current ranking's order
    for j, m in enumerate(AGGREGATIONS, start=2):
        assert {row[0]: row[j] for row in body} == ranks_with_every_node(project, m), m
    # 50 ranked units: a big shift is max(3, ⌈50 / 10⌉) = 5 places
    big = 5
    for k, row in enumerate(body, start=2):
        shift = max(abs(x - row[1]) for x in row[2:2 + n_methods])
        assert row[2 + n_methods] == shift
        for j in range(2, 2 + n_methods):
            fill = ws.cell(k, j + 1).fill.fgColor.rgb
            d = row[j] - row[1]
            want = None if abs(d) < big else ("FFC6EFCE" if d < 0 else "FFFFC7CE")
            assert (fill if ws.cell(k, j + 1).fill.fill_type == "solid" else None) == want
        shift_fill = ws.cell(k, 3 + n_methods).fill
        assert (shift_fill.fill_type == "solid") == (shift >= big)
    assert any(row[2 + n_methods] >= big for row in body)


@pytest.fixture(scope="module")
def project():
    p, _ = load(SAMPLE_WORKBOOK)
    return p


def test_bod_sheet_prints_each_block_under_its_own_header(bod_input, tmp_path):
    # qa2: the first block's header row (the index's children) was repeated at the top of every printed
    # page, so the T block's shares printed under the columns P, I, T, A, E
    out = tmp_path / "r.xlsx"
    score(bod_input, "-o", out)
    ws = openpyxl.load_workbook(out)["BoD权重"]
    titles = [r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("节点 ")]
    assert len(titles) == len(BOD_NODES)
    assert not ws.print_title_rows  # no one block's header over another's rows
    breaks = sorted(b.id for b in ws.row_breaks.brk)  # a break after row id (1-based)
    assert breaks == [t - 1 for t in titles[1:]]  # every block after the first starts a page
