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

from core.outputs.report_facts import fmt
from core.pipeline.run import compute

pytestmark = pytest.mark.gui

TOP = 10


@pytest.fixture(scope="module")
def result(project):
    return compute(project)


@pytest.fixture(scope="module")
def draft(qapp, tmp_path_factory, project):
    """The draft of the sample, written once by the command line (figures drawn offscreen)."""
    from core.files.paths import SAMPLE_WORKBOOK
    from gui.headless import report_command as report_cli

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
    assert h2[:7] == ["（一）评价指标体系", "（二）评价对象", "（三）数据来源", "（四）计算方法", "（五）权重的稳健性",
                      "（一）综合排名", f"（二）TOP {TOP} 城市特点"]
    assert h2[7:7 + len(dims)] == [f"（{n}）{d}" for n, d in zip("一二三四五", dims)]
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
    positions = [summary.index(f"{u}（第 {k} 名，{s:.1f} 分）")
                 for u, k, s in zip(top["unit"], top["rank"], top["score"])]
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
        dim_rank = {c: int(S[c].round(9).rank(method="min", ascending=False)[u]) for c in dims}
        best = scores.idxmax()  # no ties among the sample's dimension scores
        worst = scores.idxmin()
        best_name, worst_name = fw.nodes[best].name_zh, fw.nodes[worst].name_zh
        if all(r == 1 for r in dim_rank.values()):  # 北京 leads everywhere: say so, weakest included
            assert (f"{u}在全部 {len(dims)} 个一级维度上均排名第 1：得分最高的是{best_name}（{scores[best]:.1f} 分）；"
                    f"即便是其相对最弱的维度{worst_name}（{scores[worst]:.1f} 分），仍排名第 1") in text
        elif dim_rank[worst] <= row["rank"]:  # the weakest dimension still ranks as well as the city does overall
            cmp = ("与其综合排名持平" if dim_rank[worst] == row["rank"] else f"高于其综合排名（第 {row['rank']} 名）")
            assert (f"{u}得分最高的是{best_name}（{scores[best]:.1f} 分，排名第 {dim_rank[best]}），"
                    f"得分最低的是{worst_name}（{scores[worst]:.1f} 分），但在该维度上仍排名第 {dim_rank[worst]}，{cmp}"
                    ) in text
        else:
            assert (f"{u}得分最高的是{best_name}（{scores[best]:.1f} 分，排名第 {dim_rank[best]}），"
                    f"得分最低的是{worst_name}（{scores[worst]:.1f} 分，排名第 {dim_rank[worst]}）") in text
        # where the highest score is not the best rank, the best-ranked dimension is named
        top_rank = min(dim_rank.values())
        if dim_rank[best] > top_rank:
            leading = [fw.nodes[c].name_zh for c in dims if dim_rank[c] == top_rank]
            assert f"从排名看，{u}最靠前的一级维度是" in text and all(n in text for n in leading)
        above = [c for c in dims if scores[c] > S[c].mean() + 1e-9]
        if len(above) == len(dims):
            assert f"{u}全部 {len(dims)} 个一级维度的得分均高于全部参评城市的平均水平" in text
        # the indicators on which it ranks first
        firsts = [c for c in fw.leaves
                  if result.normalised[c].round(9).rank(method="min", ascending=False).get(u) == 1]
        if firsts:
            m = re.search(rf"{u}有 (\d+) 项排名第一：(.*?)。", text)
            assert m and int(m.group(1)) == len(firsts)
            assert re.findall(r"（([A-Z]\d+)[，）]", m.group(2)) == firsts
        else:
            assert f"{u}没有排名第一的指标" in text
    # no sentence calls a dimension the lowest and, in the same breath, first without saying it still leads
    assert not re.search(r"得分最低的是[^（]+（[\d.]+ 分，排名第 1）", text)
    # the sample's leader leads on every dimension (checked independently)
    leader = top.iloc[0]["unit"]
    assert all(int(S[c].round(9).rank(method="min", ascending=False)[leader]) == 1 for c in dims)
    assert "即便是其相对最弱的维度" in text


def all_text(doc) -> str:
    cells = ["".join(t.text or "" for t in tbl._tbl.iter(qn("w:t"))) for tbl in doc.tables]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_chinese_draft_writes_ranks_the_chinese_way(doc):
    """第 1 名, never 'No.1', in captions, sentences and tables of the Chinese draft."""
    text = all_text(doc)
    assert not re.search(r"No\.?\s*\d", text)
    assert "第 1 名北京各维度得分" in text


def test_profiles_compare_the_leader_with_the_runner_up(doc, result):
    """The leader's profile is compared with the runner-up (it cannot be compared with itself); every
    other top city's with the leader."""
    ranking = engine_ranking(result)
    units, ranks = list(ranking["unit"]), list(ranking["rank"])
    caps = [p.text for p in doc.paragraphs
            if style_of(p) == "Caption" and p.text.startswith("图") and "各维度得分" in p.text]
    assert len(caps) == TOP
    for cap, u, k in zip(caps, units, ranks):
        ref, ref_rank = (units[1], ranks[1]) if u == units[0] else (units[0], ranks[0])
        assert cap.endswith(f"第 {k} 名{u}各维度得分（与平均水平及第 {ref_rank} 名{ref}比较）"), cap
    assert f"第 1 名{units[0]}" in caps[0] and f"第 1 名{units[0]}比较" not in caps[0]


def test_data_sources_listed_once(doc, result):
    """A framework cell naming two sources ('科技部；企查查') counts as two; each source is listed once."""
    fw = result.framework
    expected = []
    for c in fw.leaves:
        for part in re.split("[；;]", fw.nodes[c].source or ""):
            if part.strip() and part.strip() not in expected:
                expected.append(part.strip())
    para = next(p.text for p in doc.paragraphs if "个来源：" in p.text)
    assert para.endswith(f"共涉及 {len(expected)} 个来源：{'、'.join(expected)}。")
    assert para.count("科技部") == 1 and para.count("企查查") == 1 and para.count("各市统计年鉴") == 1


def test_headings_and_introductions_stay_with_what_follows(doc):
    """Headings keep with the next paragraph; the sentences between a heading and its figure keep with
    the figure; captions do not break; no figure is taller than fits with its heading; short tables
    are not split."""
    from docx.shared import Cm

    from core.outputs.report import KEEP_TABLE_ROWS, MAX_FIGURE_H_CM
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        assert doc.styles[name].paragraph_format.keep_with_next
    assert doc.styles["Caption"].paragraph_format.keep_together

    def keeps(p) -> bool:
        own = p.paragraph_format.keep_with_next
        return bool(own) if own is not None else bool(p.style.paragraph_format.keep_with_next)

    blocks = list(body_blocks(doc))
    n_fig = 0
    for k, b in enumerate(blocks):
        if hasattr(b, "text") and b._p.xpath(".//pic:pic"):
            n_fig += 1
            assert keeps(b)  # the picture keeps with its caption
            j = k - 1
            while j >= 0 and hasattr(blocks[j], "text") and blocks[j].text.strip() and \
                    style_of(blocks[j]) != "Caption":
                assert keeps(blocks[j]), blocks[j].text
                if style_of(blocks[j]).startswith("Heading"):
                    break
                j -= 1
    assert n_fig == len(doc.inline_shapes) > 0
    for shape in doc.inline_shapes:
        assert shape.height <= Cm(MAX_FIGURE_H_CM) + 1
    def kept(tr) -> bool:
        return all(p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None for p in tr.iter(qn("w:p")))

    for t in doc.tables:
        trs = t._tbl.tr_lst
        if len(trs) - 1 <= KEEP_TABLE_ROWS:
            assert all(kept(tr) for tr in trs[:-1])
        else:  # a long table splits, but not after its header or first row, nor before its last two rows
            assert all(kept(tr) for tr in trs[:3] + trs[-3:-1]) and not kept(trs[-1])
            assert not all(kept(tr) for tr in trs[3:-3])


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

    from core.analysis.summary import node_correlation
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
@pytest.fixture(scope="module")
def pdf_pages(draft, tmp_path_factory):
    """The draft's PDF made as the command makes it (LibreOffice), as text page by page (pdftotext),
    whitespace removed (pdftotext spaces CJK text unevenly)."""
    import shutil
    import subprocess

    from core.outputs.pdf import find_soffice
    if find_soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed: the PDF cannot be checked here (CI "
                    "installs libreoffice-writer-nogui and poppler-utils)")
    from core.outputs.report import export_pdf
    pdf = export_pdf(draft, tmp_path_factory.mktemp("pdf") / "report.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout
    return ["\n".join(re.sub(r"\s+", "", line) for line in page.splitlines()) for page in text.split("\f")]


def page_label(page: str) -> int | None:
    """The number in the page's footer (第 N 页); None on the title page."""
    found = re.findall(r"第(\d+)页", page)
    return int(found[-1]) if found else None


def test_pdf_by_libreoffice(pdf_pages):
    assert len(pdf_pages) > 40


def test_pdf_lists_are_filled_with_the_right_page_numbers(doc, pdf_pages):
    """The PDF's table of contents and lists of figures and tables carry every heading and caption with
    the page it is on (LibreOffice computes the page references; Word updates its own fields on
    opening: updateFields)."""
    labels = [page_label(p) for p in pdf_pages]
    by_label = {n: p.replace("\n", "") for n, p in zip(labels, pdf_pages) if n is not None}
    summary = next(k for k, p in enumerate(pdf_pages) if [x for x in p.splitlines() if x][1:2] == ["摘要"])
    lists = "\n".join(pdf_pages[:summary])
    assert "目录" in lists and "图目录" in lists and "表目录" in lists
    targets = [p.text for p in doc.paragraphs if style_of(p) in ("Heading 1", "Heading 2", "Heading 3", "Caption")]
    assert len(targets) > 100
    for text in targets:
        key = re.sub(r"\s+", "", text)
        m = re.search("^" + re.escape(key) + r"\.{3,}(\d+)$", lists, re.M)
        assert m, f"{text!r} is not listed with a page number"
        assert key in by_label[int(m.group(1))], f"{text!r} is not on page {m.group(1)}"


def test_pdf_keeps_headings_with_their_figures(doc, pdf_pages):
    """A heading followed by its introduction and a figure is printed on the page of the figure's caption
    (no page holding only a heading and two lines)."""
    blocks = list(body_blocks(doc))
    body = [p.replace("\n", "") for p in pdf_pages if page_label(p) is not None][5:]  # past the lists
    checked = 0
    for k, b in enumerate(blocks):
        if not (hasattr(b, "text") and b._p.xpath(".//pic:pic")):
            continue
        caption = re.sub(r"\s+", "", blocks[k + 1].text)
        j = k - 1
        while j >= 0 and hasattr(blocks[j], "text") and blocks[j].text.strip() and \
                not style_of(blocks[j]).startswith("Heading") and style_of(blocks[j]) != "Caption":
            j -= 1
        if j < 0 or not style_of(blocks[j]).startswith("Heading"):
            continue
        heading = re.sub(r"\s+", "", blocks[j].text)
        page = next(p for p in body if caption in p)
        assert heading in page, f"{blocks[j].text!r} is not on the page of {blocks[k + 1].text!r}"
        checked += 1
    assert checked >= 10


def test_docx_asks_word_to_update_fields(draft):
    with zipfile.ZipFile(draft) as z:
        settings = z.read("word/settings.xml").decode("utf-8")
    assert re.search(r'<w:updateFields w:val="(true|1)"/>', settings)


def test_pdf_without_libreoffice_says_so(monkeypatch, draft, tmp_path):
    from core.outputs import pdf
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(pdf.PdfError, match="LibreOffice was not found"):
        pdf.to_pdf(draft, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_static_lists_for_libreoffice(draft, tmp_path):
    """The PDF's copy replaces the TOC fields by entries with page references to every heading/caption."""
    from core.outputs.report import static_lists
    out = static_lists(draft, tmp_path / "static.docx")
    d = Document(str(out))
    xml = d.element.xml
    assert "TOC \\o" not in xml
    n_refs = len(re.findall(r"PAGEREF _Toc9\d+", xml))
    n_targets = sum(1 for p in d.paragraphs if style_of(p) in ("Heading 1", "Heading 2", "Heading 3", "Caption"))
    assert n_refs == n_targets


# --- the command line ---------------------------------------------------------------------------------------
def test_cli_usage_and_input_errors(tmp_path, capsys):
    from core.files.paths import SAMPLE_WORKBOOK
    from gui.headless import report_command as report_cli
    assert report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.pdf")]) == 2
    assert report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.docx"), "--top", "0"]) == 2
    assert report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.docx"), "--appendix-rows", "-1"]) == 2
    assert report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.docx"), "--scatter", "T"]) == 2
    assert report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.docx"), "--scatter", "T,T11"]) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("城市,P11\n北京,abc\n", encoding="utf-8")
    assert report_cli.run([str(bad), "-o", str(tmp_path / "r.docx")]) == 1
    assert not (tmp_path / "r.docx").exists()


def test_title_page_carries_the_inputs_fingerprint_and_the_version(doc, project):
    from core import __version__
    from core.provenance.fingerprint import fingerprint

    fp = fingerprint(project.framework, project.settings, project.data)
    first_page = "\n".join(p.text for p in doc.sections[0].iter_inner_content() if hasattr(p, "text"))
    assert fp in first_page and f"CityIndex Studio {__version__}" in first_page
    assert fp in doc.core_properties.comments and doc.core_properties.version == __version__
