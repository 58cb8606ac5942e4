"""The report draft (issue 9): the .docx opened with python-docx and checked against the engine's
Result, computed independently here from the bundled sample."""

from __future__ import annotations

import re
import zipfile

import numpy as np
import pandas as pd
import pytest
from docx import Document
from docx.oxml.ns import qn

from core.pipeline import compute
from core.report_facts import fmt

pytestmark = pytest.mark.gui

TOP = 10


@pytest.fixture(scope="module")
def result(project):
    return compute(project)


@pytest.fixture(scope="module")
def draft(qapp, tmp_path_factory, project):
    """The draft of the sample, written once by the command line (figures drawn offscreen)."""
    from core.paths import SAMPLE_WORKBOOK
    from gui import report_cli

    out = tmp_path_factory.mktemp("report") / "report.docx"
    code = report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(out), "--top", str(TOP), "--uncertainty-runs", "200"])
    assert code == 0
    return out


@pytest.fixture(scope="module")
def doc(draft):
    return Document(str(draft))


def style_of(p) -> str:
    return p.style.name if p.style is not None else ""


def headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if style_of(p) == f"Heading {level}"]


def body_blocks(doc):
    """Paragraphs and tables in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            yield Paragraph(el, doc._body)
        elif el.tag == qn("w:tbl"):
            yield Table(el, doc._body)


_captioned: dict[int, list] = {}


def table_after(doc, caption_pattern: str):
    """The table that follows the one caption matching `caption_pattern` (a regex)."""
    if id(doc) not in _captioned:
        blocks = list(body_blocks(doc))
        _captioned[id(doc)] = [(b.text, blocks[k + 1]) for k, b in enumerate(blocks)
                               if hasattr(b, "text") and style_of(b) == "Caption"]
    found = [(text, nxt) for text, nxt in _captioned[id(doc)] if re.search(caption_pattern, text)]
    assert len(found) == 1, f"{len(found)} captions match {caption_pattern!r}"
    text, nxt = found[0]
    assert not hasattr(nxt, "text"), f"caption {text!r} is not followed by a table"
    return nxt


def rows_of(table) -> list[list[str]]:
    """Cell texts row by row (read off the XML: python-docx's cell access is quadratic)."""
    return [["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def engine_ranking(result) -> pd.DataFrame:
    """Ranks recomputed here: score descending, ties share the best rank, ties by name."""
    s = pd.Series(result.root_scores, index=list(result.units)).round(9).dropna()
    df = pd.DataFrame({"score": s, "rank": s.rank(method="min", ascending=False).astype(int)})
    df["unit"] = df.index
    return df.sort_values(["rank", "unit"])


# --- structure ------------------------------------------------------------------------------------------
def test_headings_in_order(doc, result):
    fw = result.framework
    dims = [fw.nodes[c].name_zh for c in fw.children[fw.root]]
    h1 = headings(doc, 1)
    assert h1 == ["摘要", "一、评价方法", f"二、TOP {TOP} 榜单", "三、各维度分析",
                  f"四、{fw.nodes['T'].name_zh}与{fw.nodes['A'].name_zh}", "五、排名的稳定性", "附录：各指标得分表"]
    h2 = headings(doc, 2)
    assert h2[:6] == ["（一）评价指标体系", "（二）评价对象", "（三）数据来源", "（四）计算方法", "（一）综合排名",
                      f"（二）TOP {TOP} 城市特点"]
    assert h2[6:6 + len(dims)] == [f"（{n}）{d}" for n, d in zip("一二三四五", dims)]
    # one section per top city, in the engine's order
    ranking = engine_ranking(result)
    top = ranking[ranking["rank"] <= TOP]
    h3 = headings(doc, 3)
    assert len(h3) == len(top)
    for k, (h, (_, row)) in enumerate(zip(h3, top.iterrows()), start=1):
        assert h == f"{k}. {row['unit']}：综合得分 {fmt(row['score'], 1)} 分，排名第 {row['rank']}"


def test_top_table_equals_engine_ranking(doc, result):
    table = table_after(doc, r"综合得分 TOP 10 城市$")
    rows = rows_of(table)
    fw = result.framework
    dims = list(fw.children[fw.root])
    assert rows[0][:3] == ["排名", "城市", "综合得分"]
    assert rows[0][3:] == [fw.nodes[c].name_zh for c in dims]
    ranking = engine_ranking(result)
    top = ranking[ranking["rank"] <= TOP]
    assert [r[1] for r in rows[1:]] == list(top["unit"])
    assert [int(r[0]) for r in rows[1:]] == list(top["rank"])
    assert [r[2] for r in rows[1:]] == [f"{v:.1f}" for v in top["score"]]
    scores = result.scores
    for r in rows[1:]:
        assert r[3:] == [f"{scores.loc[r[1], c]:.1f}" for c in dims]
    # the summary sentence names them in the same order with their scores
    summary = next(p.text for p in doc.paragraphs if p.text.startswith("本报告从"))
    positions = [summary.index(f"{u}（No.{k}，{s:.1f} 分）") for u, k, s in zip(top["unit"], top["rank"], top["score"])]
    assert positions == sorted(positions)


def test_every_indicator_has_its_appendix_table(doc, result):
    fw = result.framework
    units = set(result.units)
    for code in fw.leaves:
        table = table_after(doc, rf"（{re.escape(code)}）得分$")
        rows = rows_of(table)
        assert rows[0][0] == "排名" and rows[0][1] == "城市" and rows[0][3] == "得分"
        body = rows[1:]
        assert {r[1] for r in body} == units and len(body) == len(units)
        norm = result.normalised[code]
        raw = result.raw[code]
        expected_rank = norm.round(9).rank(method="min", ascending=False)
        for r in body:
            u = r[1]
            if np.isnan(norm[u]):
                assert r[0] == "—" and r[3] == "—"
            else:
                assert int(r[0]) == int(expected_rank[u])
                assert r[3] == f"{norm[u]:.1f}"
            if np.isnan(raw[u]):
                assert r[2] == "—"
            else:
                assert abs(float(r[2]) - raw[u]) <= 1e-9 * max(1, abs(raw[u])) + 0.5e-4  # shown exactly (≤ 4 decimals)
        ranks = [int(r[0]) for r in body if r[0] != "—"]
        assert ranks == sorted(ranks)  # best first
        assert len({len(r[2].partition(".")[2]) for r in body if r[2] != "—"}) == 1  # one number of decimals


def test_figures_and_tables_numbered_and_captioned_once(doc, draft):
    caps = [p for p in doc.paragraphs if style_of(p) == "Caption"]
    figs = [p.text for p in caps if p.text.startswith("图 ")]
    tabs = [p.text for p in caps if p.text.startswith("表 ")]
    assert len(figs) + len(tabs) == len(caps)
    assert [int(t.split()[1]) for t in figs] == list(range(1, len(figs) + 1))
    assert [int(t.split()[1]) for t in tabs] == list(range(1, len(tabs) + 1))
    assert len(set(figs)) == len(figs) and len(set(tabs)) == len(tabs)
    # every figure is a picture with one caption, every table has one caption
    assert len(doc.inline_shapes) == len(figs)
    assert len(doc.tables) == len(tabs)
    # the numbers are Word SEQ fields (so Word renumbers after edits)
    for p in caps:
        instr = " ".join(i.text for i in p._p.iter(qn("w:instrText")))
        assert re.fullmatch(r"\s*SEQ (图|表) \\\* ARABIC\s*", instr), instr
    # 2 + 10 profiles + 5 dimensions + scatter; 1 + 1 + 1 + 5 sub-dimension tables + uncertainty + 41 indicators
    assert len(figs) == 2 + TOP + 5 + 1
    assert len(tabs) == 3 + 5 + 1 + 41


def test_city_sentences_state_the_engines_numbers(doc, result):
    fw = result.framework
    dims = list(fw.children[fw.root])
    ranking = engine_ranking(result)
    top = ranking[ranking["rank"] <= TOP]
    text = "\n".join(p.text for p in doc.paragraphs)
    S = result.scores
    for _, row in top.iterrows():
        u = row["unit"]
        assert f"{u}综合得分 {row['score']:.1f} 分，在 {len(ranking)} 个参评城市中排名第 {row['rank']}" in text
        scores = S.loc[u, dims].astype(float)
        best = scores.idxmax()  # no ties among the sample's dimension scores
        best_rank = int(S[best].round(9).rank(method="min", ascending=False)[u])
        worst = scores.idxmin()
        worst_rank = int(S[worst].round(9).rank(method="min", ascending=False)[u])
        assert (f"{u}得分最高的是{fw.nodes[best].name_zh}（{scores[best]:.1f} 分，排名第 {best_rank}），"
                f"得分最低的是{fw.nodes[worst].name_zh}（{scores[worst]:.1f} 分，排名第 {worst_rank}）") in text
        # the indicators on which it ranks first
        firsts = [c for c in fw.leaves
                  if result.normalised[c].round(9).rank(method="min", ascending=False).get(u) == 1]
        if firsts:
            m = re.search(rf"{u}有 (\d+) 项排名第一：(.*?)。", text)
            assert m and int(m.group(1)) == len(firsts)
            assert re.findall(r"（([A-Z]\d+)[，）]", m.group(2)) == firsts
        else:
            assert f"{u}没有排名第一的指标" in text


def test_illustrative_title_page_and_word_machinery(doc, draft):
    title_page = []
    for p in doc.paragraphs:
        if style_of(p) == "Heading 1":
            break
        title_page.append(p.text)
    assert any("示例数据，仅供演示" in t for t in title_page)
    with zipfile.ZipFile(draft) as z:
        xml = z.read("word/document.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
        footers = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/footer"))
        settings = z.read("word/settings.xml").decode("utf-8")
    assert 'TOC \\o "1-3" \\h \\z \\u' in xml
    assert "PAGE" in footers and "fldChar" in footers
    assert "updateFields" in settings
    # every table repeats its header row
    for t in doc.tables:
        first = t._tbl.tr_lst[0]
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    # East Asian fonts on the styles
    def east_asia(name):
        rfonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        return rfonts.get(qn("w:eastAsia"))
    assert east_asia("Normal") == "SimSun"
    assert east_asia("Heading 1") == east_asia("Heading 2") == east_asia("Heading 3") == "SimHei"
    assert east_asia("Caption") == "SimHei"
    assert "SimSun" in styles


def test_figures_at_print_resolution(doc):
    from io import BytesIO

    from PIL import Image
    for shape in doc.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        part = doc.part.related_parts[blip.embed]
        with Image.open(BytesIO(part.blob)) as im:
            dpi = im.width / (shape.width.inches)
        assert dpi >= 295, dpi


def test_scatter_and_uncertainty_sections(doc, result):
    from scipy import stats

    from core.analysis import node_correlation
    s = result.scores[["T", "A"]].dropna()
    pearson = stats.pearsonr(s["T"], s["A"]).statistic
    spearman = stats.spearmanr(s["T"], s["A"]).statistic
    assert abs(node_correlation(result, "T", "A")["pearson"] - pearson) < 1e-12
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Pearson 相关系数 r = {pearson:.3f}" in text and f"ρ = {spearman:.3f}" in text
    table = table_after(doc, r"权重扰动下的排名区间$")
    rows = rows_of(table)[1:]
    ranking = engine_ranking(result)
    assert [r[1] for r in rows[:len(ranking)]] == list(ranking["unit"])


# --- the PDF ------------------------------------------------------------------------------------------
def test_pdf_by_libreoffice(draft, tmp_path):
    from core.pdf import find_soffice
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF conversion cannot be tested here (CI installs "
                    "libreoffice-writer-nogui)")
    from gui.report_cli import export_pdf
    pdf = export_pdf(draft, tmp_path / "report.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) > 40


def test_pdf_without_libreoffice_says_so(monkeypatch, draft, tmp_path):
    from core import pdf
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(pdf.PdfError, match="LibreOffice was not found"):
        pdf.to_pdf(draft, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_static_lists_for_libreoffice(draft, tmp_path):
    """The PDF's copy replaces the TOC fields by entries with page references to every heading/caption."""
    from core.report import static_lists
    out = static_lists(draft, tmp_path / "static.docx")
    d = Document(str(out))
    xml = d.element.xml
    assert "TOC \\o" not in xml
    n_refs = len(re.findall(r"PAGEREF _Toc9\d+", xml))
    n_targets = sum(1 for p in d.paragraphs if style_of(p) in ("Heading 1", "Heading 2", "Heading 3", "Caption"))
    assert n_refs == n_targets


# --- the command line ---------------------------------------------------------------------------------------
def test_cli_usage_and_input_errors(tmp_path, capsys):
    from core.paths import SAMPLE_WORKBOOK
    from gui import report_cli
    assert report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.pdf")]) == 2
    assert report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.docx"), "--top", "0"]) == 2
    assert report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.docx"), "--scatter", "T"]) == 2
    assert report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.docx"), "--scatter", "T,T11"]) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("城市,P11\n北京,abc\n", encoding="utf-8")
    assert report_cli.run([str(bad), "-o", str(tmp_path / "r.docx")]) == 1
    assert not (tmp_path / "r.docx").exists()


def test_title_page_carries_the_inputs_fingerprint_and_the_version(doc, project):
    from core import __version__
    from core.fingerprint import fingerprint

    fp = fingerprint(project.framework, project.settings, project.data)
    first_page = "\n".join(p.text for p in doc.sections[0].iter_inner_content() if hasattr(p, "text"))
    assert fp in first_page and f"CityIndex Studio {__version__}" in first_page
    assert fp in doc.core_properties.comments and doc.core_properties.version == __version__
