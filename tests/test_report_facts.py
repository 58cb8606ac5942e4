"""The report draft's facts and sentences (core.outputs.report_facts) and the document without Qt (core.outputs.report),
and the window's export (gui.dialogs.report_export)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from docx import Document

from core.outputs.report import build_report, figure_plan
from core.outputs.report_facts import (
    ReportOptions,
    city_facts,
    city_sentences,
    illustrative_source,
    indicator_rows,
    scatter_pair,
    top_units,
)
from core.pipeline.run import compute

from .helpers import make_project, node


@pytest.fixture(scope="module")
def small():
    """Two dimensions, four indicators, five units; B and C tie on the index; E has no I4 value."""
    fw = [node("R", ""), node("D1", "R"), node("D2", "R"), node("I1", "D1"), node("I2", "D1"),
          node("I3", "D2"), node("I4", "D2", direction="-")]
    header = ["unit", "I1", "I2", "I3", "I4"]
    rows = [["A", 10, 10, 5, 1], ["B", 6, 4, 3, 2], ["C", 4, 6, 3, 2], ["D", 0, 0, 9, 9], ["E", 2, 2, 1, None]]
    return compute(make_project(fw, header, rows))


def test_top_units_include_ties_and_follow_the_ranks(small):
    ranks = small.ranks
    top = top_units(small, 2)
    assert [r["unit"] for r in top] == [u for u in sorted(small.units, key=lambda u: (ranks[u], u)) if ranks[u] <= 2]
    b, c = ranks["B"], ranks["C"]
    assert b == c  # B and C are mirror images on D1 and equal on D2
    assert len(top_units(small, int(b))) == int(b) + 1  # the tie at the cut is kept


def test_city_facts_from_the_scores(small):
    S = small.scores
    for u in small.units:
        f = city_facts(small, u, "en")
        dims = S.loc[u, ["D1", "D2"]].astype(float)
        assert f["rank"] == int(small.ranks[u])
        assert f["strongest"]["code"] == dims.idxmax() and f["weakest"]["code"] == dims.idxmin()
        assert f["strongest"]["rank"] == int(S["D1" if dims.idxmax() == "D1" else "D2"].round(9)
                                             .rank(method="min", ascending=False)[u])
        firsts = [c for c in ["I1", "I2", "I3", "I4"]
                  if small.normalised[c].round(9).rank(method="min", ascending=False).get(u) == 1]
        assert [x["code"] for x in f["first"]] == firsts
    a = city_facts(small, "A", "en")
    text = " ".join(city_sentences(a, "en", 1, 7))
    assert f"A scores {small.scores.loc['A', 'R']:.1f} and ranks 1 of 5 ranked cities." in text
    assert "Figure 7" in text


def test_indicator_rows_missing_last(small):
    rows = indicator_rows(small, "I4")
    assert rows[-1]["unit"] == "E" and rows[-1]["score"] is None and rows[-1]["rank"] is None
    # direction '-': the smallest raw value scores best
    assert rows[0]["unit"] == "A" and rows[0]["rank"] == 1 and rows[0]["raw"] == 1
    assert [r["score"] for r in rows[:-1]] == sorted((r["score"] for r in rows[:-1]), reverse=True)


def test_scatter_pair_defaults(small, project):
    assert scatter_pair(small) == ("D1", "D2")
    assert scatter_pair(small, ("D2", "D1")) == ("D2", "D1")
    assert scatter_pair(small, ("D2", "I1")) == ("D1", "D2")  # a leaf is refused
    assert scatter_pair(compute(project)) == ("T", "A")  # the report's 图26


def test_illustrative_source(tmp_path):
    from core.files.paths import DEFAULT_FRAMEWORK, SAMPLE_WORKBOOK
    from core.files.readers import read_csv
    from core.files.template import write_template
    assert illustrative_source(SAMPLE_WORKBOOK)
    from core.model.framework import parse_framework
    from core.model.problems import ProblemList
    fw = parse_framework(read_csv(DEFAULT_FRAMEWORK), ProblemList())
    plain = tmp_path / "template.xlsx"
    write_template(fw, plain)
    assert not illustrative_source(plain)
    assert not illustrative_source(None)


def test_english_draft_without_figures(small, tmp_path):
    """The document builds without Qt: a missing figure leaves a numbered placeholder."""
    opts = ReportOptions(top_n=3, lang="en", date=(2025, 3))
    doc = build_report(small, {}, opts)
    path = tmp_path / "en.docx"
    doc.save(str(path))
    d = Document(str(path))
    h1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert h1 == ["Summary", "1. Method", "2. The TOP 3", "3. The dimensions", "4. D1 and D2",
                  "Appendix: indicator score tables"]
    caps = [p.text for p in d.paragraphs if p.style.name == "Caption"]
    figs = [c for c in caps if c.startswith("Figure ")]
    # every planned figure but the map, which is left out when no map image could be drawn
    assert len(figs) == len(figure_plan(small, opts)) - 1
    assert sum("not drawn" in p.text for p in d.paragraphs) == len(figs)
    assert not any("Illustrative data" in p.text for p in d.paragraphs)
    assert any(p.text == "March 2025" for p in d.paragraphs)
    # the ranks in the summary table are the engine's
    t = d.tables[0]
    ranks = [int(r.cells[0].text) for r in t.rows[1:]]
    assert ranks == sorted(int(v) for v in small.ranks if np.isfinite(v) and v <= 3)


@pytest.mark.gui
def test_export_from_the_window(qapp, controller, tmp_path):
    from gui.dialogs.report_export import export_report, report_options
    controller.is_sample = True
    assert report_options(None, controller).illustrative
    out = export_report(None, controller, tmp_path / "draft.docx")
    assert out == tmp_path / "draft.docx" and out.exists()
    d = Document(str(out))
    assert any("示例数据，仅供演示" in p.text for p in d.paragraphs[:30])
    assert len(d.inline_shapes) == len(figure_plan(controller.result, report_options(None, controller)))


# --- statements that must not contradict themselves (issue 16, point 8) ----------------------------------------
def hand_facts(rank: int, dims: list[tuple[str, float, int, float]]) -> dict:
    """Facts of a unit 'X' written by hand: dims are (name, score, rank on it, average)."""
    ds = [{"code": n, "name": n, "score": s, "rank": r, "average": a} for n, s, r, a in dims]
    best_rank = min(d["rank"] for d in ds)
    return {"unit": "X", "rank": rank, "tied": False, "n_ranked": 9, "score": 50.0, "dimensions": ds,
            "strongest": max(ds, key=lambda d: d["score"]), "weakest": min(ds, key=lambda d: d["score"]),
            "above_average": [d for d in ds if d["score"] > d["average"]],
            "best_ranked": [d for d in ds if d["rank"] == best_rank],
            "first": [], "n_indicators": 0, "best_rank": None, "best_indicators": []}


@pytest.mark.parametrize("rank, dims, says, never", [
    # leads everywhere: the weakest is still first, and the text says so
    (1, [("P", 90.0, 1, 40.0), ("Q", 70.0, 1, 30.0)],
     ["X在全部 2 个一级维度上均排名第 1", "即便是其相对最弱的维度Q（70.0 分），仍排名第 1",
      "X全部 2 个一级维度的得分均高于"], ["得分最低的是"]),
    # weakest first, strongest not
    (1, [("P", 90.0, 2, 40.0), ("Q", 70.0, 1, 30.0)],
     ["得分最高的是P（90.0 分，排名第 2）", "即便是其相对最弱的维度Q（70.0 分），仍排名第 1",
      "从排名看，X最靠前的一级维度是Q（第 1 名）"], ["得分最低的是"]),
    # weakest ranked as well as overall / better than overall
    (3, [("P", 60.0, 2, 40.0), ("Q", 20.0, 3, 30.0)],
     ["得分最低的是Q（20.0 分），但在该维度上仍排名第 3，与其综合排名持平", "X有 1 个一级维度得分高于"], []),
    (4, [("P", 60.0, 5, 40.0), ("Q", 20.0, 2, 30.0)],
     ["但在该维度上仍排名第 2，高于其综合排名（第 4 名）", "从排名看，X最靠前的一级维度是Q（第 2 名）"], []),
    # the plain case
    (2, [("P", 60.0, 2, 40.0), ("Q", 20.0, 7, 30.0)], ["得分最低的是Q（20.0 分，排名第 7）"], ["从排名看"]),
    # every dimension the same score: no 'highest' and 'lowest' of one number
    (5, [("P", 20.0, 4, 40.0), ("Q", 20.0, 6, 30.0)],
     ["X在 2 个一级维度上的得分均为 20.0 分", "X没有一个一级维度的得分高于"], ["得分最高", "得分最低"]),
])
def test_city_sentences_never_call_a_leading_dimension_merely_lowest(rank, dims, says, never):
    text = "".join(city_sentences(hand_facts(rank, dims), "zh", 1, 3))
    for s in says:
        assert s in text, (s, text)
    for s in never:
        assert s not in text, (s, text)
    assert not re.search(r"得分最低的是[^（]+（[\d.]+ 分，排名第 1）", text)
    en = " ".join(city_sentences(hand_facts(rank, dims), "en", 1, 3))
    assert not re.search(r"lowest on \w+ \([\d.]+, rank 1\)", en)


def test_sources_split_and_listed_once():
    from core.outputs.report_facts import split_sources
    assert split_sources("科技部；企查查") == ["科技部", "企查查"]
    assert split_sources("网络公开信息（搜索指数；媒体报道）; Web of Science") == [
        "网络公开信息（搜索指数；媒体报道）", "Web of Science"]
    assert split_sources("") == [] and split_sources(None) == []


def test_profile_reference_is_never_the_unit_itself(small):
    from core.outputs.report_facts import profile_reference
    order = [u for u in sorted(small.units, key=lambda u: (small.ranks[u], u)) if np.isfinite(small.ranks[u])]
    assert profile_reference(small, order[0]) == (order[1], int(small.ranks[order[1]]))
    for u in order[1:]:
        assert profile_reference(small, u) == (order[0], 1)


def test_build_reports_progress_and_honours_cancel(small, tmp_path):
    from core.outputs.report import ReportCancelled, write_report
    seen: list[float] = []
    write_report(small, tmp_path / "a.docx", {}, ReportOptions(top_n=2, lang="en"), progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    assert len(seen) >= 4 + 4  # the sections and one per appendix table (four indicators)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    out = tmp_path / "b.docx"
    with pytest.raises(ReportCancelled):
        write_report(small, out, {}, ReportOptions(top_n=2, lang="en"), cancelled=cancelled)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]  # nothing written, no temporary left


def test_appendix_bounded_lists_the_best_units(small):
    """With more units than `appendix_max_units`, each indicator table lists the best ones and says so."""
    doc = build_report(small, {}, ReportOptions(top_n=2, lang="en", appendix_max_units=2))
    from docx.oxml.ns import qn
    body = list(doc.element.body.iterchildren())
    for code in ["I1", "I2", "I3", "I4"]:
        k = next(i for i, el in enumerate(body) if el.tag == qn("w:p") and
                 "".join(t.text or "" for t in el.iter(qn("w:t"))).endswith(f"({code}): scores (first 2 of 5 cities)"))
        rows = [["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]
                for tr in body[k + 1].iter(qn("w:tr"))][1:]
        ranks = small.normalised[code].round(9).rank(method="min", ascending=False)
        best = sorted((u for u in small.units if np.isfinite(ranks[u])), key=lambda u: (ranks[u], u))[:2]
        assert [r[1] for r in rows] == best
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "each table lists the first 2 on its indicator" in text


@pytest.mark.skipif(__import__("os").name != "posix", reason="a POSIX launcher script stands in for soffice")
def test_pdf_timeout_ends_libreoffice_and_its_children(tmp_path):
    """soffice is a launcher whose soffice.bin child does the work: when the conversion overruns its time,
    both end, none is left converting in the background."""
    import os
    import time

    from core.outputs.pdf import PdfError, to_pdf
    pidfile = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pidfile}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    doc = tmp_path / "d.docx"
    doc.write_bytes(b"PK")
    t0 = time.monotonic()
    with pytest.raises(PdfError, match="did not finish"):
        to_pdf(doc, tmp_path / "d.pdf", timeout=1, soffice=str(fake))
    assert time.monotonic() - t0 < 30
    child = int(pidfile.read_text())
    for _ in range(50):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"the converter's child {child} is still running")
    assert not (tmp_path / "d.pdf").exists()


@pytest.mark.skipif(__import__("os").name != "posix", reason="a POSIX launcher script stands in for soffice")
def test_pdf_conversion_cancelled_stops_libreoffice(tmp_path):
    import os
    import time

    from core.outputs.pdf import PdfCancelled, timeout_for, to_pdf
    pidfile = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pidfile}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    doc = tmp_path / "d.docx"
    doc.write_bytes(b"PK")
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    t0 = time.monotonic()
    with pytest.raises(PdfCancelled):
        to_pdf(doc, tmp_path / "d.pdf", soffice=str(fake), cancelled=cancelled)
    assert time.monotonic() - t0 < 10
    child = int(pidfile.read_text())
    for _ in range(50):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"the converter's child {child} is still running")
    # the time limit grows with the document's XML: 180 s, plus 8 s a MB
    assert timeout_for(doc) == 180.0
    import zipfile
    big = tmp_path / "big.docx"
    with zipfile.ZipFile(big, "w") as z:
        z.writestr("word/document.xml", "x" * 5_000_000)
    assert timeout_for(big) == pytest.approx(180.0 + 8.0 * 5)
