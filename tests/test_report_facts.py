"""The report draft's facts and sentences (core.report_facts) and the document without Qt (core.report),
and the window's export (gui.report_export)."""

from __future__ import annotations

import numpy as np
import pytest
from docx import Document

from core.pipeline import compute
from core.report import build_report, figure_plan
from core.report_facts import (
    ReportOptions,
    city_facts,
    city_sentences,
    illustrative_source,
    indicator_rows,
    scatter_pair,
    top_units,
)

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
    from core.paths import DEFAULT_FRAMEWORK, SAMPLE_WORKBOOK
    from core.readers import read_csv
    from core.template import write_template
    assert illustrative_source(SAMPLE_WORKBOOK)
    from core.framework import parse_framework
    from core.problems import ProblemList
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
    from gui.report_export import export_report, report_options
    controller.is_sample = True
    assert report_options(None, controller).illustrative
    out = export_report(None, controller, tmp_path / "draft.docx")
    assert out == tmp_path / "draft.docx" and out.exists()
    d = Document(str(out))
    assert any("示例数据，仅供演示" in p.text for p in d.paragraphs[:30])
    assert len(d.inline_shapes) == len(figure_plan(controller.result, report_options(None, controller)))
