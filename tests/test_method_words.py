"""The methods in words (core.outputs.method_words) say the same in the workbook and the report as
before they had a module of their own.

The expected texts in tests/golden/method_words/ were read from files written by the code BEFORE the
words moved out of results_workbook.py (commit 94f6fa7, `python -m tests.test_method_words` run then):
the whole methods sheet of a written workbook, and the report's "评价方法 / Method" section read back
from a written .docx — each on the bundled sample and on a small project that reaches the other
branches (denominator, screening, grouped imputation, winsorising, transform, per-node methods,
negative indicator, weight notes of every kind, an AHP matrix from the input), in Chinese and English.
The test writes the files again with today's code and compares the text read back, line by line.
Issue 21 then added lines, regenerated the same way and checked to be additions only (git diff): the two
sheets' lines in the methods sheet's list of sheets, and the report's "（五）权重的稳健性" part.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn

from core import __version__
from core.model.settings import Settings
from core.outputs.report import write_report
from core.outputs.report_facts import ReportOptions
from core.outputs.results_workbook import write_results
from core.pipeline.run import compute
from tests.helpers import make_project, node

GOLDEN = Path(__file__).parent / "golden" / "method_words"
METHODS_SHEET = {"zh": "方法说明", "en": "Methods"}  # DESIGN §5 / README: the methods sheet's name
METHOD_HEADING = {"zh": "一、评价方法", "en": "1. Method"}  # the report's first chapter (seed/ report)
CASES = ("sample_zh", "sample_en", "branches_zh", "branches_en")

SRC_DATA = "entropy (熵权法)"
SRC_AHP = "AHP (row geometric mean), CR 0.045"
AHP_NOTE = {"kind": "ahp", "method": "geometric", "ri_table": "chinese", "lambda_max": 2.0, "ci": 0.0, "ri": 0.0,
            "cr": 0.0, "weights": {"D1": 0.6667, "D2": 0.3333}, "source": SRC_AHP}
PANEL_NOTE = {"kind": "panel", "method": "aij", "n_experts": 3, "round": "2", "kendall_w": 0.7, "chi2": 8.4,
              "df": 4, "p_value": 0.078, "cr": 0.03, "expert_cr": {"张三": 0.02, "李四": None}, "cv": {"c": 0.1},
              "source": "panel AIJ, 3 experts, round 2"}


def _data_note(children: list[str]) -> dict:
    return {"kind": "data", "source": SRC_DATA, "method": "entropy",
            "formula": {"zh": "熵权法：w = d / Σd。", "en": "Entropy: w = d / Σd."},
            "figures": {"e": {c: 0.9 + 0.01 * k for k, c in enumerate(children)},
                        "d": {c: 0.1 - 0.01 * k for k, c in enumerate(children)}, "units": 12, "dropped": ["W"]}}


def _sample(lang: str):
    from core.files.loader import load
    from core.files.paths import SAMPLE_WORKBOOK
    project, _ = load(SAMPLE_WORKBOOK)
    kids = list(project.framework.children["T"])
    fw = project.framework.with_weights({k: 1.0 + j for j, k in enumerate(kids)}, source=SRC_DATA)
    r = compute(replace(project, settings=project.settings.with_(language=lang))).reweight(fw)
    notes = {"T": _data_note(kids), "A": dict(AHP_NOTE, source="stale")}  # A's note is stale: not shown
    ahp_inputs = [{"node": "R", "sheet": "AHP_R", "note": AHP_NOTE, "used": False}]
    return r, project.data, notes, ahp_inputs


def _branches(lang: str):
    fw = [node("R", None), node("D1", "R", 2, aggregation="geometric"), node("a", "D1", denominator="pop"),
          node("b", "D1", direction="-", transform="log1p"), node("D2", "R", 1),
          node("c", "D2", normalization="rank"), node("e", "D2")]
    hdr = ["城市", "region", "pop", "a", "b", "c", "e"]
    rows = [[f"U{i}", "n" if i % 2 else "s", 10 + i, float(i * i), 3.0 + i, float((7 * i) % 11), float(i)]
            for i in range(12)]
    rows[3][6] = None
    rows[5][3] = None
    rows[0][4] = 1000.0
    rows.append(["W", "s", 5, None, None, None, 1.0])
    s = Settings(unit_min_coverage=0.5, imputation="group_mean", imputation_group="region", outliers="winsorise",
                 minmax_low=10, language=lang)
    project = make_project(fw, hdr, rows, s)
    fw2 = project.framework.with_weights({"c": 0.7, "e": 0.3}, source=SRC_DATA)
    fw2 = fw2.with_weights({"D1": 2.0, "D2": 1.0}, source=SRC_AHP)
    fw2 = fw2.with_weights({"a": 1.0, "b": 1.0}, source=PANEL_NOTE["source"])
    r = compute(project).reweight(fw2)
    notes = {"D2": _data_note(["c", "e"]), "R": AHP_NOTE, "D1": PANEL_NOTE}
    ahp_inputs = [{"node": "R", "sheet": "AHP_R", "note": AHP_NOTE, "used": True}]
    return r, project.data, notes, ahp_inputs


def written_texts(case: str, tmp: Path) -> dict[str, str]:
    """Write the workbook and the report of `case`; the methods sheet and the method section read back."""
    kind, lang = case.rsplit("_", 1)
    r, data, notes, ahp_inputs = (_sample if kind == "sample" else _branches)(lang)
    book = tmp / f"{case}.xlsx"
    write_results(r, book, data=data, notes=notes)
    wb = openpyxl.load_workbook(book, read_only=True)
    sheet = ["\t".join("" if v is None else str(v) for v in row)
             for row in wb[METHODS_SHEET[lang]].iter_rows(values_only=True)]
    wb.close()
    doc_path = tmp / f"{case}.docx"
    write_report(r, doc_path, None, ReportOptions(lang=lang, date=(2026, 1)), notes=notes, ahp_inputs=ahp_inputs)
    texts = {"workbook": "\n".join(sheet) + "\n", "report": "\n".join(_method_section(doc_path, lang)) + "\n"}
    return {k: v.replace(__version__, "{version}") for k, v in texts.items()}  # a new version is no change


def _method_section(path: Path, lang: str) -> list[str]:
    """The paragraphs and table rows from the method chapter's heading to the next chapter's."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    doc = Document(str(path))
    out: list[str] = []
    inside = False
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            p = Paragraph(el, doc._body)
            if p.style is not None and p.style.name == "Heading 1":
                if inside:
                    break
                inside = p.text == METHOD_HEADING[lang]
            if inside:
                out.append(p.text)
        elif el.tag == qn("w:tbl") and inside:
            out.extend(" | ".join(c.text for c in row.cells) for row in Table(el, doc._body).rows)
    return out


@pytest.mark.parametrize("case", CASES)
def test_methods_sheet_and_report_say_what_they_said(case, tmp_path):
    got = written_texts(case, tmp_path)
    for part in ("workbook", "report"):
        expected = (GOLDEN / f"{case}.{part}.txt").read_text(encoding="utf-8")
        assert got[part].splitlines() == expected.splitlines(), f"{case} {part}"


def test_the_golden_texts_reach_every_branch():
    """The comparison above is only as good as what the cases show: each kind of line is there."""
    zh = (GOLDEN / "branches_zh.workbook.txt").read_text(encoding="utf-8")
    for words in ("a ÷ pop", "1 个未参评", "按“region”分组均值填补", "缩尾 1 个指标", "b log(1 + x)",
                  "c 排名法 (rank)", "负向指标（越小越好）：b", "D1 加权几何平均", "信息熵 e", "层次分析法（根法",
                  "专家组（AIJ）", "低于下限 50%"):
        assert words in zh, words
    report = (GOLDEN / "branches_en.report.txt").read_text(encoding="utf-8")
    for words in ("Denomination: a ÷ pop", "AHP (row geometric mean", "expert panel (AIJ)", "AHP_R"):
        assert words in report, words


if __name__ == "__main__":  # writes the expected texts (run once, on the code before the move)
    import tempfile
    GOLDEN.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        for c in CASES:
            for part, text in written_texts(c, Path(d)).items():
                (GOLDEN / f"{c}.{part}.txt").write_text(text, encoding="utf-8")
    sys.exit(0)
