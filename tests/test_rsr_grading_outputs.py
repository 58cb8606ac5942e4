"""Where the user gets the RSR grading: the results workbook's 秩和比分档 sheet and the `rsr-grades`
command, read back from what `python main.py` writes (the front door), compared with the engine's
core.analysis.rsr_grading."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from core.analysis.rsr_grading import grading_for_node
from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.pipeline.run import compute

ROOT = Path(__file__).resolve().parent.parent
RSR_NODES = ("AICI", "T")


def main_py(*args, code=0):
    p = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT, capture_output=True,
                       text=True)
    assert p.returncode == code, (p.returncode, p.stdout, p.stderr)
    return p


def rsr_input(path: Path, levels=None) -> Path:
    """The sample with the index and dimension T aggregated by rsr (and rsr_levels when given)."""
    shutil.copy(SAMPLE_WORKBOOK, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["指标体系"]
    head = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value in RSR_NODES:
            ws.cell(r, head.index("aggregation") + 1).value = "rsr"
    if levels is not None:
        wb["设置"].append(["rsr_levels", levels])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def rsr_book(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rsr")
    src = rsr_input(tmp / "rsr.xlsx", levels=4)
    main_py("score", src, "-o", tmp / "out.xlsx")
    return src, openpyxl.load_workbook(tmp / "out.xlsx")


def blocks(ws):
    """{node: {"line": text, "dist": rows, "levels": rows, "units": rows}} read off the sheet."""
    rows = list(ws.iter_rows(values_only=True))
    out, k, node = {}, 0, None
    while k < len(rows):
        head = rows[k][0]
        if isinstance(head, str) and head.startswith("节点 "):
            node = head.split()[1]
            out[node] = {"line": rows[k + 1][0]}
        elif head in ("RSR 分布", "分档", "各单位分档") and node:
            part = {"RSR 分布": "dist", "分档": "levels", "各单位分档": "units"}[head]
            body, k = [], k + 2
            while k < len(rows) and rows[k][0] is not None:
                body.append(rows[k])
                k += 1
            out[node][part] = body
        k += 1
    return out


def test_the_sheet_has_a_block_per_rsr_node_matching_the_engine(rsr_book):
    src, wb = rsr_book
    assert "秩和比分档" in wb.sheetnames
    got = blocks(wb["秩和比分档"])
    assert list(got) == list(RSR_NODES)
    project, _ = load(src)
    result = compute(project)
    for node in RSR_NODES:
        g = grading_for_node(result, node)
        assert g.levels == 4  # the rsr_levels setting of the input's 设置 sheet
        b = got[node]
        assert f"{g.a:.4f}" in b["line"] and f"{g.b:.4f}" in b["line"] and "R²" in b["line"]
        assert [v for r in b["dist"] for v in r[:4]] == pytest.approx(
            [v for d in g.table for v in (d.rsr, d.f, d.cum_f, d.mean_rank)])
        assert [r[4] for r in b["dist"]] == pytest.approx([100 * d.percent for d in g.table])
        assert [r[5] for r in b["dist"]] == pytest.approx([d.probit for d in g.table])
        assert [r[0] for r in b["levels"]] == ["上", "中上", "中下", "下"]
        assert [r[5] for r in b["levels"]][:3] == pytest.approx(list(reversed(g.cuts)))
        assert [r[0] for r in b["units"]] == [u.unit for u in g.units]
        assert [r[5] for r in b["units"]] == [u.grade for u in g.units]
        assert [r[4] for r in b["units"]] == pytest.approx([u.fitted for u in g.units])
        # and the grade is what the cut values say of the fitted RSR
        for r in b["units"]:
            assert r[5] == 1 + sum(r[4] >= c for c in g.cuts)


def test_the_methods_sheet_names_the_setting_and_the_sheet(rsr_book):
    _src, wb = rsr_book
    text = [str(c) for row in wb["方法说明"].iter_rows(values_only=True) for c in row if c is not None]
    assert "秩和比分档数" in text and "秩和比分档" in text


def test_no_rsr_node_no_sheet(tmp_path):
    main_py("score", SAMPLE_WORKBOOK, "-o", tmp_path / "o.xlsx")
    assert "秩和比分档" not in openpyxl.load_workbook(tmp_path / "o.xlsx").sheetnames


def test_the_command_prints_and_writes_the_grading(rsr_book, tmp_path):
    src, _wb = rsr_book
    out = tmp_path / "g.json"
    p = main_py("rsr-grades", src, "--node", "T", "--levels", "5", "--json", out, "--lang", "en")
    g = grading_for_node(compute(load(src)[0]), "T", 5)
    lines = p.stdout.splitlines()
    assert lines[0] == f"Node T: the rank-sum ratio of {len(g.units)} units in 5 levels"
    assert lines[1].startswith(f"RSR = {g.a:.4f} + {g.b:.4f} × Probit")
    assert [ln.split(":")[0].strip() for ln in lines[2:7]] == ["High", "Upper middle", "Middle", "Lower middle", "Low"]
    first = g.units[0]
    assert first.unit in lines[7] and lines[7].endswith(g.level_name(first.grade, "en"))
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["node"] == "T" and d["levels"] == 5 and d["regression"]["over"] == "distinct values"
    assert [u["grade"] for u in d["units"]] == [u.grade for u in g.units]
    assert [c["rsr"] for c in d["cuts"]] == pytest.approx(list(g.cuts))


def test_the_command_defaults_to_the_index_and_the_setting(rsr_book):
    src, _wb = rsr_book
    p = main_py("rsr-grades", src)
    assert p.stdout.splitlines()[0].startswith("节点 AICI：") and "分 4 档" in p.stdout.splitlines()[0]


@pytest.mark.parametrize("args, words", [
    (["--levels", "12"], "3 到 10"), (["--levels", "三"], "3 到 10"),
    (["--node", "P"], "不是秩和比"), (["--node", "XYZ"], "没有节点 XYZ")])
def test_the_command_refuses_bad_usage_in_words(rsr_book, args, words):
    src, _wb = rsr_book
    p = main_py("rsr-grades", src, *args, code=2)
    assert words in p.stderr and "Traceback" not in p.stderr


def test_the_command_says_when_no_node_uses_rsr():
    p = main_py("rsr-grades", SAMPLE_WORKBOOK, "--lang", "en", code=2)
    assert "No node is aggregated by the rank-sum ratio" in p.stderr


def test_grade_and_level_are_centred_so_the_printed_page_does_not_read_3上(rsr_book):
    # A right-aligned grade beside a left-aligned level printed as "3上" (seen on the PDF page).
    _src, wb = rsr_book
    ws = wb["秩和比分档"]
    rows = [r for r in ws.iter_rows() if isinstance(r[5].value, int) and isinstance(r[6].value, str)]
    assert rows
    assert all(r[5].alignment.horizontal == "center" and r[6].alignment.horizontal == "center" for r in rows)
