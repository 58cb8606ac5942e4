"""The report draft: a Word document structured like the report in seed/ (python-docx, no Qt).

`write_report(result, path, figures, options, …)` writes a .docx (atomically) built from a
`Result` and a dict of figure images (key → PNG path, drawn by gui.charts.report_charts; a missing
key leaves a visible placeholder, so the document can be built without Qt):

    title page (the data marked illustrative when they are) · 目录 (TOC field) · 图目录 · 表目录
    摘要: the TOP N in a sentence and a table
    一、评价方法: the indicator system as a table (codes, names, levels, local and effective
        weights, directions, units, data sources); the units evaluated and those excluded, with
        the reason; the sources; the methods and settings in words (core.outputs.method_words, as the
        workbook's methods sheet says them), how the weights were set, AHP consistency (CR) where known;
        （五） each dimension weight's stability interval for the TOP N (core.outputs.report_why)
    二、TOP N 榜单: the ranking chart, the map, the ranking table; one section per top-N city with
        its dimension-score chart, the sentences of core.outputs.report_facts and its strengths and
        weaknesses (core.outputs.report_why)
    三、各维度分析: per dimension its ranking chart and its sub-dimensions' rankings
    四、the scatter of two dimensions with Pearson and Spearman r
    (五、rank intervals, when an uncertainty result is given)
    (with 2+ editions, core.outputs.report_editions: the editions and their normalisation in (四), a 较上年
        column in the ranking table, （二）排名变化 with the bump chart, each top city's movement)
    附录: one table per indicator — every unit's raw value, score and rank (at most
        `ReportOptions.appendix_max_units` units, best first, when there are more)

Word's own machinery, so the draft stays editable: built-in heading styles (Word's table of
contents works; a TOC field is inserted, and lists of figures and tables), captions in the
Caption style numbered by SEQ fields (图/表, Figure/Table) that also carry the visible number,
a PAGE field in the footer, header rows repeated across pages (w:tblHeader), East Asian fonts
on the styles (SimSun/宋体 body, SimHei/黑体 headings, w:eastAsia), A4 with a 16 cm text width
(figures are drawn for that width at 300 dpi). `settings.xml` asks Word to update fields on
opening, which fills the TOC and the lists (LibreOffice does not rebuild them: `static_lists` makes
the copy its PDF is printed from).

Pagination: headings keep with what follows, the sentences that introduce a figure keep with it,
figures are at most MAX_FIGURE_H_CM tall (so heading, introduction, figure and caption fit a page),
short tables are not split and long ones not at their first or last rows.

`build_report`/`write_report` take `progress(fraction)` and `cancelled()`: the window runs the build
on a worker behind a progress dialog; a cancelled build raises ReportCancelled and writes nothing.

`figure_plan(result, options)` lists the figures the document places (key, kind, parameters),
so the renderer draws exactly those.

`write_document(result, project, out, options, figs, …)` is what both the `report` command and the window
call once the figures are drawn: `write_report` with the inputs' fingerprint, timed. `export_pdf(docx)`
prints a draft to PDF (core.outputs.pdf) from its `static_lists` copy.
"""

from __future__ import annotations

import datetime as _dt
import re
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as _xml_escape

import numpy as np
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from core.files.atomic import atomic_path
from core.outputs import report_editions as RE
from core.outputs import report_facts as F
from core.outputs import report_why as W
from core.outputs.method_words import method_sentences, note_is_current, weight_note_text
from core.outputs.report_text import MONTHS, chinese_number, join_list, words
from core.weighting.sources import localise_source

if TYPE_CHECKING:
    from core.pipeline.run import Result

PAGE_W, PAGE_H = 21.0, 29.7  # A4, cm
MARGIN_LR, MARGIN_TB = 2.5, 2.54
TEXT_WIDTH_CM = PAGE_W - 2 * MARGIN_LR  # 16 cm: figures are drawn for this width
PRINT_DPI = 300
# the tallest a figure is printed: with a heading of each level, three lines and its caption it still fits
# the 24.6 cm of an A4 page's text, so keep-with-next can move them together instead of stranding a heading
MAX_FIGURE_H_CM = 17.0
KEEP_TABLE_ROWS = 20  # tables this short are not split across pages
NOTE_NAMES = 20  # a note names at most this many units, then says how many in all
APPENDIX_FROM = 0.3  # share of the build's progress reached when the appendix starts


class ReportCancelled(Exception):
    """The caller's `cancelled()` turned True while the draft was being built: nothing was written."""
BODY_FONT = ("Times New Roman", "SimSun")  # (Latin, East Asian): 宋体
HEADING_FONT = ("Arial", "SimHei")  # 黑体
CAPTION_FONT = ("Times New Roman", "SimHei")
HEADER_FILL = "DCE6F1"
BOOKMARK_BASE = 900000000  # hidden bookmarks _Toc9000000xx on headings and captions
LIST_STYLES = {1: "toc 1", 2: "toc 2", 3: "toc 3", "caption": "table of figures"}


def figure_width_px(width_cm: float = TEXT_WIDTH_CM, dpi: int = PRINT_DPI) -> int:
    """Pixels of a figure printed `width_cm` wide at `dpi` (16 cm at 300 dpi: 1890)."""
    return int(round(width_cm / 2.54 * dpi))


def figure_print_width(path: str | Path, width_cm: float = TEXT_WIDTH_CM,
                       max_height_cm: float = MAX_FIGURE_H_CM) -> float:
    """The width a figure is placed at: `width_cm`, or narrower when it would print taller than
    `max_height_cm` (a 50-bar ranking), so it fits on a page with its heading and caption."""
    from docx.image.image import Image as _Image

    img = _Image.from_file(str(path))
    if not img.px_width or not img.px_height:
        return width_cm
    height = width_cm * img.px_height / img.px_width
    return width_cm if height <= max_height_cm else width_cm * max_height_cm / height


@dataclass(frozen=True)
class FigureSpec:
    key: str  # "map", "ranking", "profile:<unit>", "node:<code>", "scatter"
    kind: str  # map | ranking | profile | node | scatter
    params: dict
    width_cm: float = TEXT_WIDTH_CM


def figure_plan(result: Result, options: F.ReportOptions, editions=None) -> list[FigureSpec]:
    """The figures the draft places, in document order (the renderer draws exactly these); `editions` (an
    EditionResults of 2+ editions) adds the bump chart (core.outputs.report_editions)."""
    fw = result.framework
    n_ranked = len(F.ranked_rows(result))
    k = min(n_ranked, options.max_bars)
    specs = [FigureSpec("ranking", "ranking", {"code": fw.root, "top": k}),
             FigureSpec("map", "map", {"code": fw.root, "top": options.top_n})]
    er = RE.edition_report(editions, options.top_n)
    if er is not None:
        specs.append(FigureSpec("bump", "bump", RE.bump_params(er, options.top_n)))
    for row in F.top_units(result, options.top_n):
        ref = F.profile_reference(result, row["unit"])
        specs.append(FigureSpec(f"profile:{row['unit']}", "profile",
                                {"unit": row["unit"], "level": 1, "ref": ref[0] if ref else "",
                                 "ref_rank": ref[1] if ref else None}))
    for c in F.dimensions(result):
        if not fw.is_leaf(c):
            n = len(F.node_order(result, c))
            specs.append(FigureSpec(f"node:{c}", "node", {"code": c, "top": min(n, options.max_bars)}))
    pair = F.scatter_pair(result, options.scatter)
    if pair is not None:
        specs.append(FigureSpec("scatter", "scatter", {"x": pair[0], "y": pair[1]}))
    return specs


# --- low-level docx helpers ----------------------------------------------------------------------
def _set_fonts(rpr_owner, latin: str, east_asian: str) -> None:
    """Explicit fonts on a style's rPr (the theme-font attributes removed, so they apply)."""
    rPr = rpr_owner.get_or_add_rPr()
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rPr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def _field(paragraph, instr: str, cached: str, bold: bool | None = None) -> None:
    """A complex field (begin · instruction · separate · cached result · end)."""
    def run(child=None, text=None):
        r = paragraph.add_run(text)
        if bold is not None:
            r.bold = bold
        if child is not None:
            r._r.append(child)
        return r

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run(begin)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    run(it)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run(sep)
    run(text=cached)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run(end)


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_text(text: str) -> str:
    """Text for an XML element (escaped; control characters, which XML cannot carry, dropped)."""
    return _xml_escape(_XML_BAD.sub("", text))


def _border_box(paragraph, color: str = "C00000") -> None:
    pPr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:val"), "single")
        e.set(qn("w:sz"), "12")
        e.set(qn("w:space"), "6")
        e.set(qn("w:color"), color)
        bdr.append(e)
    pPr.append(bdr)


class _Builder:
    """The document being written, with its figure and table counters."""

    def __init__(self, result: Result, options: F.ReportOptions, figures: Mapping[str, Path],
                 progress: Callable[[float], object] | None = None, cancelled: Callable[[], bool] | None = None):
        self.progress, self.cancelled = progress, cancelled
        self.r = result
        self.o = options
        self.lang = options.lang if options.lang in ("zh", "en") else "zh"
        self.T = words(self.lang)
        self.d = result.settings.decimals
        self.figures = {k: Path(v) for k, v in figures.items() if v}
        self.editions: RE.EditionReport | None = None  # a project of 2+ editions (build_report's `editions`)
        self.fig_n = 0
        self.tab_n = 0
        self.captions: list[tuple[str, int, str]] = []
        self.bm = 0
        self.doc = Document()
        self._styles()
        self._page()

    def step(self, fraction: float) -> None:
        """Report progress (0–1) and stop with ReportCancelled when the caller asks to."""
        if self.cancelled is not None and self.cancelled():
            raise ReportCancelled("report draft cancelled")
        if self.progress is not None:
            self.progress(min(max(fraction, 0.0), 1.0))

    # --- setup
    def _styles(self) -> None:
        st = self.doc.styles
        zh = self.lang == "zh"
        normal = st["Normal"]
        _set_fonts(normal.element, *BODY_FONT)
        normal.font.size = Pt(10.5 if zh else 11)
        pf = normal.paragraph_format
        pf.space_after = Pt(4)
        pf.line_spacing = 1.35
        # the East Asian language, so Word lays Chinese text out as Chinese
        lang = normal.element.get_or_add_rPr().find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            normal.element.get_or_add_rPr().append(lang)
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
        dd = self.doc.styles.element.find(qn("w:docDefaults"))
        if dd is not None:
            for fonts in dd.iter(qn("w:rFonts")):
                for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                    fonts.attrib.pop(qn(attr), None)
                fonts.set(qn("w:ascii"), BODY_FONT[0])
                fonts.set(qn("w:hAnsi"), BODY_FONT[0])
                fonts.set(qn("w:eastAsia"), BODY_FONT[1])
            for lg in dd.iter(qn("w:lang")):
                lg.set(qn("w:eastAsia"), "zh-CN")
        for name, size, before, after in (("Heading 1", 16, 18, 12), ("Heading 2", 14, 12, 6),
                                          ("Heading 3", 12, 10, 4), ("Title", 24, 0, 12), ("Subtitle", 15, 0, 6)):
            s = st[name]
            _set_fonts(s.element, *HEADING_FONT)
            s.font.size = Pt(size)
            s.font.bold = name != "Subtitle"
            s.font.italic = False
            s.font.color.rgb = RGBColor(0, 0, 0)
            s.paragraph_format.space_before = Pt(before)
            s.paragraph_format.space_after = Pt(after)
            s.paragraph_format.line_spacing = 1.2
            if name in ("Title", "Subtitle"):
                s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
                rPr = s.element.get_or_add_rPr()
                for tag in ("w:spacing", "w:kern"):
                    for e in rPr.findall(qn(tag)):
                        rPr.remove(e)
                pPr = s.element.get_or_add_pPr()
                for e in pPr.findall(qn("w:pBdr")):
                    pPr.remove(e)
        for name in ("Heading 1", "Heading 2", "Heading 3"):  # a heading never ends a page
            st[name].paragraph_format.keep_with_next = True
            st[name].paragraph_format.keep_together = True
        st["Heading 1"].paragraph_format.page_break_before = True
        st["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER if zh else None
        cap = st["Caption"]
        _set_fonts(cap.element, *CAPTION_FONT)
        cap.font.size = Pt(9.5)
        cap.font.bold = False
        cap.font.color.rgb = RGBColor(0, 0, 0)
        cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cap.paragraph_format.space_before = Pt(3)
        cap.paragraph_format.space_after = Pt(9)
        cap.paragraph_format.keep_together = True
        from docx.enum.style import WD_STYLE_TYPE
        tt = st.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        tt.base_style = normal
        tt.font.size = Pt(9)
        tt.paragraph_format.space_after = Pt(0)
        tt.paragraph_format.space_before = Pt(0)
        tt.paragraph_format.line_spacing = 1.0
        for name in ("Header", "Footer"):
            st[name].font.size = Pt(9)
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        for key, name in LIST_STYLES.items():
            s = st.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            s.base_style = normal
            s.paragraph_format.space_after = Pt(2)
            s.paragraph_format.left_indent = Cm(0.74 * ((key if isinstance(key, int) else 1) - 1))
            s.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            if key == 1:
                s.font.bold = True

    def _page(self) -> None:
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(PAGE_W), Cm(PAGE_H)
        sec.left_margin = sec.right_margin = Cm(MARGIN_LR)
        sec.top_margin = sec.bottom_margin = Cm(MARGIN_TB)
        sec.header_distance = sec.footer_distance = Cm(1.3)
        # Word updates the fields (TOC, lists of figures and tables, SEQ) when the file is opened
        settings = self.doc.settings.element
        upd = OxmlElement("w:updateFields")
        upd.set(qn("w:val"), "true")
        settings.append(upd)

    def _footer(self, sec, title: str) -> None:
        sec.different_first_page_header_footer = False
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, _, after = self.T["page_footer"].partition("{page}")
        if before:
            p.add_run(before)
        _field(p, "PAGE", "1")
        if after:
            p.add_run(after)
        h = sec.header.paragraphs[0]
        h.alignment = WD_ALIGN_PARAGRAPH.CENTER
        h.add_run(title)

    # --- blocks
    def bookmark(self, paragraph) -> str:
        """A hidden bookmark around a paragraph's text (the static lists of the PDF refer to it)."""
        self.bm += 1
        name = f"_Toc{BOOKMARK_BASE + self.bm}"
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.bm))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.bm))
        p = paragraph._p
        p.insert(1 if p.pPr is not None else 0, start)
        p.append(end)
        return name

    def heading(self, text: str, level: int):
        h = self.doc.add_heading(text, level)
        self.bookmark(h)
        return h

    def para(self, text: str, indent: bool = True, align=None, bold: bool = False, size: float | None = None,
             color: RGBColor | None = None, style: str | None = None):
        p = self.doc.add_paragraph(style=style)
        run = p.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
        if indent and self.lang == "zh" and align is None:
            pPr = p._p.get_or_add_pPr()
            ind = OxmlElement("w:ind")
            ind.set(qn("w:firstLineChars"), "200")
            ind.set(qn("w:firstLine"), "420")
            pPr.append(ind)
        if align is not None:
            p.alignment = align
        return p

    def caption(self, kind: str, text: str, keep_with_next: bool = False) -> int:
        """A caption in the Caption style: '图 5  text' with 5 from a SEQ field (and cached)."""
        label = self.T["fig" if kind == "fig" else "tab"]
        if kind == "fig":
            self.fig_n += 1
            n = self.fig_n
        else:
            self.tab_n += 1
            n = self.tab_n
        p = self.doc.add_paragraph()
        p._p.get_or_add_pPr().style = "Caption"  # the style id: python-docx's lookup by name is slow
        p.add_run(label + " ")
        _field(p, f"SEQ {label} \\* ARABIC", str(n))
        p.add_run("  " + text)
        p.paragraph_format.keep_with_next = keep_with_next
        self.bookmark(p)
        self.captions.append((kind, n, text))
        return n

    def keep_last_with_next(self, most: int = 4) -> None:
        """The text just written (back to the last heading, table or caption, at most `most` paragraphs)
        stays on the page of what follows: a heading and the sentences that introduce a figure are not
        left alone at the foot of a page, apart from their figure."""
        from docx.text.paragraph import Paragraph

        body = self.doc.element.body
        children = [el for el in body if el.tag != qn("w:sectPr")]
        for el in reversed(children[-most:]):
            if el.tag != qn("w:p"):
                break
            p = Paragraph(el, self.doc._body)
            style = p.style.name if p.style is not None else ""
            if style == "Caption" or not p.text.strip():
                break
            p.paragraph_format.keep_with_next = True
            if style.startswith("Heading"):
                break

    def figure(self, key: str, caption: str, width_cm: float = TEXT_WIDTH_CM) -> int:
        path = self.figures.get(key)
        self.keep_last_with_next()
        if path is not None and path.exists():
            p = self.doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.keep_with_next = True
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.line_spacing = 1.0
            p.add_run().add_picture(str(path), width=Cm(figure_print_width(path, width_cm)))
        else:
            why = "no image" if self.lang == "en" else "未提供图片"
            p = self.para(self.T["fig_missing"].format(n=self.fig_n + 1, why=why), indent=False,
                          align=WD_ALIGN_PARAGRAPH.CENTER, color=RGBColor(0x80, 0x80, 0x80))
            p.paragraph_format.keep_with_next = True
        return self.caption("fig", caption)

    def table(self, caption: str, header: Sequence[str], rows: Sequence[Sequence[Any]], widths_cm: Sequence[float],
              align: Sequence[str] | None = None, bold_rows: set[int] | None = None) -> int:
        """Caption above, then the table: header row shaded, bold and repeated on every page."""
        n = self.caption("tab", caption, keep_with_next=True)
        k = len(header)
        align = list(align or ["c"] * k)
        # the body's add_table: Document.add_table also looks the default table style up (a search per table)
        table = self.doc._body.add_table(0, k, Cm(TEXT_WIDTH_CM))
        table._tbl.tblPr.style = "TableGrid"  # the style id (a lookup by name costs a search per table)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        tbl = table._tbl
        tblPr = tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tblPr.append(layout)
        mar = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            e = OxmlElement(f"w:{side}")
            e.set(qn("w:w"), "57")  # 0.1 cm: narrow number columns stay on one line
            e.set(qn("w:type"), "dxa")
            mar.append(e)
        tblPr.append(mar)
        tblW = tblPr.find(qn("w:tblW"))
        if tblW is None:
            tblW = OxmlElement("w:tblW")
            tblPr.append(tblW)
        tws = [int(round(w / 2.54 * 1440)) for w in widths_cm]
        tblW.set(qn("w:type"), "dxa")
        tblW.set(qn("w:w"), str(sum(tws)))
        for gc, tw in zip(tbl.tblGrid.findall(qn("w:gridCol")), tws):
            gc.set(qn("w:w"), str(tw))
        jc = {"c": "center", "l": "left", "r": "right"}
        bold_rows = bold_rows or set()

        # a short table is kept on one page (each row kept with the next, Word's way, which LibreOffice
        # honours too): ten rows split two and eight across pages read badly. A long one splits, but
        # not before its third row nor leaving fewer than three rows on the last page.
        m = len(rows)

        def keep(i: int) -> bool:  # row i (-1: the header) kept on the page of row i + 1
            return i < m - 1 and (m <= KEEP_TABLE_ROWS or i < 2 or i >= m - 3)

        def row_xml(values, is_header: bool, bold: bool, keep_next: bool) -> str:
            cells = []
            for j, v in enumerate(values):
                text = "" if v is None else str(v)
                run = ""
                if text:
                    run = ("<w:r><w:rPr><w:b/></w:rPr>" if is_header or bold else "<w:r>") + \
                          f'<w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r>'
                shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>' if is_header else ""
                cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{tws[j]}" w:type="dxa"/>{shade}<w:vAlign w:val="center"/>'
                             f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>{"<w:keepNext/>" if keep_next else ""}'
                             f'<w:jc w:val="{"center" if is_header else jc.get(align[j], "center")}"/></w:pPr>{run}'
                             "</w:p></w:tc>")
            return (f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if is_header else ''}</w:trPr>"
                    + "".join(cells) + "</w:tr>")

        # the rows as one XML fragment parsed at once: element by element, a 3,000-unit table took seconds
        xml = [row_xml(header, True, False, keep(-1))]
        xml += [row_xml(row, False, i in bold_rows, keep(i)) for i, row in enumerate(rows)]
        fragment = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(xml)}</w:tbl>")
        for tr in list(fragment):
            tbl.append(tr)
        after = self.doc.add_paragraph()
        after.paragraph_format.space_after = Pt(6)
        after.paragraph_format.line_spacing = 1.0
        return n

    def note(self, text: str):
        p = self.para(text, indent=False, size=9)
        p.paragraph_format.space_after = Pt(8)
        return p

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --- the sections ----------------------------------------------------------------------------------
def _title(b: _Builder, fingerprint: str) -> None:
    T, o = b.T, b.o
    title = o.title or T["title"]
    for _ in range(5):
        b.doc.add_paragraph()
    b.doc.add_paragraph(title, style="Title")
    b.doc.add_paragraph(T["subtitle"], style="Subtitle")
    for _ in range(3):
        b.doc.add_paragraph()
    if o.illustrative:
        p = b.para(T["illustrative"], indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=12,
                   color=RGBColor(0xC0, 0, 0))
        _border_box(p)
        for _ in range(2):
            b.doc.add_paragraph()
    y, m = o.date or (_dt.date.today().year, _dt.date.today().month)
    date = T["date"].format(y=y, m=m, month=MONTHS[m - 1])
    b.para(date, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=14)
    for _ in range(4):
        b.doc.add_paragraph()
    b.para(T["made_by"], indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=9, color=RGBColor(0x59, 0x59, 0x59))
    if o.source_name:
        b.para(T["source_file"].format(name=o.source_name), indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=9,
               color=RGBColor(0x59, 0x59, 0x59))
    if fingerprint:
        from core import __version__
        b.para(T["fingerprint"].format(fp=fingerprint, version=__version__), indent=False,
               align=WD_ALIGN_PARAGRAPH.CENTER, size=8, color=RGBColor(0x59, 0x59, 0x59))
    # the title page is a section of its own: no header, no page number
    b.doc.add_section(WD_SECTION.NEW_PAGE)
    sec = b.doc.sections[-1]
    sec.header.is_linked_to_previous = False
    sec.footer.is_linked_to_previous = False
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), "1")
    sec._sectPr.append(pg)
    b._footer(sec, title)


def _lists(b: _Builder) -> None:
    T = b.T
    for key, hint, instr in (("toc", "toc_hint", 'TOC \\o "1-3" \\h \\z \\u'),
                             ("lof", "lof_hint", f'TOC \\h \\z \\c "{T["fig"]}"'),
                             ("lot", "lot_hint", f'TOC \\h \\z \\c "{T["tab"]}"')):
        p = b.para(T[key], indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=16)
        p.paragraph_format.space_after = Pt(12)
        for r in p.runs:
            r.font.name = HEADING_FONT[0]
            r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), HEADING_FONT[1])
        f = b.doc.add_paragraph()
        _field(f, instr, T[hint])
        if key != "lot":  # the summary's heading starts a new page itself
            b.page_break()


def _summary(b: _Builder) -> None:
    r, T, n = b.r, b.T, b.o.top_n
    b.heading(T["h_summary"], 1)
    b.para(F.summary_sentence(r, n, b.lang, b.tab_n + 1))
    top = F.top_units(r, n)
    dims = F.dimensions(r)
    fw = r.framework
    header = [T["th_rank"], T["th_unit"], T["th_score"]] + [fw.nodes[c].name(b.lang) for c in dims]
    rows = [[x["rank"], x["unit"], F.fmt(x["score"], b.d)] + [F.fmt(x["nodes"].get(c), b.d) for c in dims]
            for x in top]
    b.table(T["cap_top"].format(n=n), header, rows, _spread([1.2, 2.2, 1.8], len(dims), TEXT_WIDTH_CM))


def _spread(fixed: list[float], k: int, total: float) -> list[float]:
    rest = max(total - sum(fixed), 1.5 * k)
    return fixed + [rest / k] * k if k else fixed


def _level_name(b: _Builder, level: int) -> str:
    names = b.T["level_names"].split("|")
    return names[level] if level < len(names) else b.T["level_n"].format(n=level)


def _method(b: _Builder, notes: Mapping[str, Mapping], ahp_inputs: Sequence[Mapping]) -> None:
    b.heading(b.T["h_method"], 1)
    system_table = _method_system(b)
    _method_units(b)
    _method_sources(b, system_table)
    _method_steps(b)
    _method_weights(b, notes, ahp_inputs)
    W.method_stability(b)


def _method_system(b: _Builder) -> int:
    """(一) the indicator system, in a sentence and a table; returns the table's number."""
    r, T, fw, lang = b.r, b.T, b.r.framework, b.lang
    b.heading(T["h_system"], 2)
    dims = F.dimensions(r)
    level2 = [c for c in fw.internal if fw.level(c) == 2]
    names = [fw.nodes[c].name(lang) for c in dims]
    if level2:
        b.para(T["s_system"].format(nd=len(dims), dims=join_list(names, lang), nsub=len(level2), ni=len(fw.leaves),
                                    table=b.tab_n + 1))
    else:
        b.para(T["s_system_flat"].format(ni=len(fw.leaves), table=b.tab_n + 1))
    rows, bold = [], set()
    indent = "\u3000" if lang == "zh" else "  "
    for c in fw.preorder():
        node = fw.nodes[c]
        level = fw.level(c)
        leaf = fw.is_leaf(c)
        source = node.source + (f"（{node.year}）" if lang == "zh" and node.year else
                                f" ({node.year})" if node.year else "") if node.source else ""
        if not leaf:
            bold.add(len(rows))
        rows.append([c, indent * max(level - 1, 0) + node.name(lang), _level_name(b, level),
                     F.fmt_weight(r.local.get(c)), F.fmt_weight(r.effective.get(c)),
                     (T["plus"] if node.direction > 0 else T["minus"]) if leaf else "", node.unit if leaf else "",
                     source])
    b.table(T["cap_system"], [T["th_code"], T["th_name"], T["th_level"], T["th_local"], T["th_effective"],
                              T["th_direction"], T["th_unit_of"], T["th_source"]], rows,
            [1.2, 4.6, 1.7, 1.5, 1.5, 1.1, 1.2, 3.2], ["c", "l", "c", "r", "r", "c", "c", "l"], bold_rows=bold)
    return b.tab_n


def _method_units(b: _Builder) -> None:
    """(二) the units evaluated, those excluded (with the reason) and those left without a rank."""
    r, T = b.r, b.T
    b.heading(T["h_objects"], 2)
    n_all = len(r.units) + len(r.excluded)
    ranked = F.ranked_rows(r)
    b.para(T["s_objects"].format(n=n_all, ranked=T["s_objects_ranked"].format(k=len(ranked))
                                 if len(ranked) != n_all else ""))
    if r.excluded:
        s = r.settings

        def reason(e):
            if "coverage" in e:
                return T["s_excluded_cov"].format(cov=f"{e['coverage']:.0%}", min=f"{s.unit_min_coverage:.0%}")
            return str(e.get("reason", ""))

        items = [T["s_excluded_item"].format(unit=e["unit"], reason=reason(e)) for e in r.excluded]
        b.para(T["s_excluded"].format(n=len(r.excluded), items=T["s_list_sep"].join(items)))
    else:
        b.para(T["s_no_excluded"])
    unranked = [u for u, v in zip(r.units, r.root_scores) if not np.isfinite(v)]
    if unranked:
        b.para(T["s_unranked"].format(items=T["s_list_sep"].join(unranked)))


def _method_sources(b: _Builder, system_table: int) -> None:
    """(三) the data sources named in the indicator system (table `system_table`)."""
    T = b.T
    b.heading(T["h_sources"], 2)
    sources = F.source_list(b.r.framework)
    if sources:
        b.para(T["s_sources"].format(table=system_table, n=len(sources), items=T["s_list_sep"].join(sources)))
    else:
        b.para(T["s_sources_none"])
    if b.o.illustrative:
        b.para(T["s_sources_illustrative"], bold=True, color=RGBColor(0xC0, 0, 0))


def _method_steps(b: _Builder) -> None:
    """(四) the methods: the workbook's sentences (method_words) in the report's language, numbered."""
    r, lang = b.r, b.lang
    b.heading(b.T["h_methods"], 2)
    b.para(b.T["s_methods"])
    in_lang = replace(r, settings=r.settings.with_(language=lang))
    for k, (_stage, text) in enumerate(method_sentences(in_lang), start=1):
        b.para(f"{k}. {text}" + ("。" if lang == "zh" and not text.endswith("。") else
                                 "." if lang != "zh" and not text.endswith(".") else ""))
    if b.editions is not None:
        b.para(RE.method_paragraph(b.editions, lang))


def _method_weights(b: _Builder, notes: Mapping[str, Mapping], ahp_inputs: Sequence[Mapping]) -> None:
    """How the weights were set: each node's weight sources, its current weight note, the input's AHP matrices."""
    fw, T, lang = b.r.framework, b.T, b.lang
    sources_w = []
    for p in fw.preorder():
        kids = fw.children.get(p, ())
        # (sources written by older versions, or in the other language, shown in the report's language)
        srcs = {localise_source(fw.nodes[k].weight_source, lang) for k in kids if fw.nodes[k].weight_source}
        if kids and srcs:
            label = f"{p}（{fw.nodes[p].name(lang)}）" if lang == "zh" else f"{p} ({fw.nodes[p].name(lang)})"
            sep = "；" if lang == "zh" else "; "
            sources_w.append(label + ("：" if lang == "zh" else ": ") + sep.join(sorted(srcs)))
    if sources_w:
        b.para(T["s_weight_sources"].format(items=("；" if lang == "zh" else "; ").join(sources_w)))
    for code in fw.preorder():
        note = notes.get(code)
        if note and note_is_current(fw, code, note):
            label = f"{code} {fw.nodes[code].name(lang)}"
            b.para(f"{label}{'：' if lang == 'zh' else ': '}{weight_note_text(note, lang)}")
    for a in ahp_inputs:
        used = T["s_ahp_used"] if a.get("used") else T["s_ahp_not_used"]
        text = weight_note_text(a["note"], lang).rstrip("。.")
        b.para(T["s_ahp_input"].format(sheet=a.get("sheet", ""), text=text)
               + ("；" + used + "。" if lang == "zh" else "; " + used + "."))


def _ranking(b: _Builder, map_missing: Sequence[str]) -> None:
    r, T, n, fw, lang = b.r, b.T, b.o.top_n, b.r.framework, b.lang
    if b.editions is not None:  # （二）排名变化 comes second: the later headings renumbered
        T = RE.headings(T, lang)
    b.heading(T["h_top"].format(n=n), 1)
    b.heading(T["h_ranking"], 2)
    ranked = F.ranked_rows(r)
    scores = np.array([x["score"] for x in ranked], dtype=float)
    has_map = "map" in b.figures
    key = "s_ranking" if has_map else "s_ranking_nomap"
    if len(scores):
        b.para(T[key].format(nr=len(ranked), hi=F.fmt(scores.max(), b.d), lo=F.fmt(scores.min(), b.d),
                             mean=F.fmt(scores.mean(), b.d), fig=b.fig_n + 1, map=b.fig_n + 2, table=b.tab_n + 1))
    k = min(len(ranked), b.o.max_bars)
    cap = T["cap_ranking_all"].format(n=len(ranked)) if k == len(ranked) else \
        T["cap_ranking_some"].format(k=k, n=len(ranked))
    b.figure("ranking", cap)
    if has_map:
        b.figure("map", T["cap_map"].format(n=n))
        if map_missing:
            b.note(T["s_map_missing"].format(items=T["s_list_sep"].join(map_missing)))
    dims = F.dimensions(r)
    header = [T["th_rank"], T["th_unit"], T["th_score"]] + [fw.nodes[c].name(lang) for c in dims]
    idx, ranks = r.rank_order()  # every unit, unranked last (the cheap form of r.ranking())
    cols = [r.plan.codes.index(c) for c in dims]
    S = r.scores_array
    rows = [[int(ranks[i]) if np.isfinite(ranks[i]) else None, r.units[i], F.fmt(S[i, 0], b.d)]
            + [F.fmt(S[i, j], b.d) for j in cols] for i in idx]
    widths = _spread([1.2, 2.2, 1.8], len(dims), TEXT_WIDTH_CM)
    if b.editions is not None:  # a 较上年 column
        header, rows, widths = RE.with_change_column(b.editions, header, rows, [r.units[i] for i in idx], widths, lang)
    b.table(T["cap_full_table"], header, rows, widths,
            bold_rows={k for k, i in enumerate(idx) if np.isfinite(ranks[i]) and ranks[i] <= n})
    if b.editions is not None:  # （二）排名变化: the bump chart and who moved
        RE.write_movement_section(b, b.editions)

    # one section per top city
    b.heading(T["h_profiles"].format(n=n), 2)
    strengths = W.top_strengths(r, [row["unit"] for row in F.top_units(r, n)])
    for k, row in enumerate(F.top_units(r, n), start=1):
        facts = F.city_facts(r, row["unit"], lang)
        b.heading(T["h_city"].format(k=k, unit=row["unit"], score=F.fmt(row["score"], b.d), rank=row["rank"]), 3)
        sentences = F.city_sentences(facts, lang, b.d, b.fig_n + 1)
        ref = F.profile_reference(r, row["unit"])
        cap = T["cap_profile"] if ref else T["cap_profile_alone"]
        b.figure(f"profile:{row['unit']}", cap.format(rank=row["rank"], unit=row["unit"], ref=ref[1] if ref else "",
                                                      other=ref[0] if ref else ""))
        moved = RE.city_sentence(b.editions, row["unit"], lang) if b.editions is not None else ""
        for j, s in enumerate(sentences):
            b.para(s)
            if j == 0 and moved:  # how it moved since the previous edition, right after its rank
                b.para(moved)
        b.para(W.strengths_sentence(strengths[row["unit"]], r, lang))


def _dimensions(b: _Builder) -> None:
    r, T, fw, lang, n = b.r, b.T, b.r.framework, b.lang, b.o.top_n
    dims = [c for c in F.dimensions(r) if not fw.is_leaf(c)]
    if not dims:
        return
    b.heading(T["h_dims"], 1)
    for k, c in enumerate(dims, start=1):
        facts = F.dimension_facts(r, c, lang)
        num = chinese_number(k) if lang == "zh" else str(k)
        b.heading(T["h_dim"].format(k=num, name=facts["name"]), 2)
        subs = facts["subs"]
        for s in F.dimension_sentences(facts, lang, b.d, b.fig_n + 1, None):
            b.para(s)
        if subs:
            items = [f"{fw.nodes[s].name(lang)}（{s}）" if lang == "zh" else f"{fw.nodes[s].name(lang)} ({s})"
                     for s in subs]
            b.para(T["s_dim_subs"].format(k=len(subs), items=join_list(items, lang), table=b.tab_n + 1))
        m = min(facts["n"], b.o.max_bars)
        cap = T["cap_node_all"] if m == facts["n"] else T["cap_node_some"]
        b.figure(f"node:{c}", cap.format(name=facts["name"], k=m))
        if subs:
            orders = {s: F.node_order(r, s)[:n] for s in subs}
            depth = max((len(v) for v in orders.values()), default=0)
            rows = []
            for i in range(depth):
                row = [i + 1]
                for s in subs:
                    o = orders[s]
                    row.append(f"{r.units[o[i][0]]}  {F.fmt(o[i][2], b.d)}" if i < len(o) else "")
                rows.append(row)
            header = [T["th_place"]] + [f"{s} {fw.nodes[s].name(lang)}" for s in subs]
            b.table(T["cap_subdims"].format(name=facts["name"], n=n), header, rows,
                    _spread([1.2], len(subs), TEXT_WIDTH_CM))


def _scatter(b: _Builder) -> None:
    pair = F.scatter_pair(b.r, b.o.scatter)
    if pair is None:
        return
    facts = F.scatter_facts(b.r, pair[0], pair[1], b.lang)
    b.heading(b.T["h_scatter"].format(x=facts["x_name"], y=facts["y_name"]), 1)
    b.para(F.scatter_sentence(facts, b.lang, b.fig_n + 1))
    b.figure("scatter", b.T["cap_scatter"].format(x=facts["x_name"], y=facts["y_name"]))


def _uncertainty(b: _Builder, unc, number: int) -> None:
    T = b.T
    facts = F.uncertainty_facts(unc)
    num = chinese_number(number) if b.lang == "zh" else str(number)
    b.heading(T["h_uncertainty"].format(num=num), 1)
    for s in F.uncertainty_sentences(facts, b.lang, b.tab_n + 1):
        b.para(s)
    rows = []
    for x in facts["rows"]:
        interval = "—" if x["p05"] is None else f"{x['p05']}–{x['p95']}"
        rows.append([x["base_rank"] if x["base_rank"] is not None else "—", x["unit"],
                     x["median_rank"] if x["median_rank"] is not None else "—", interval,
                     f"{x['top10_share']:.0%}"])
    b.table(T["cap_uncertainty"], [T["th_base"], T["th_unit"], T["th_median"], T["th_interval"],
                                   T["th_top_share"].format(n=10)], rows, [2.2, 3.6, 2.6, 3.4, 3.4])


def _names(b: _Builder, units: Sequence[str], most: int = NOTE_NAMES) -> str:
    """Units as a list, the first `most` of them and how many more ('…等 312 个城市')."""
    shown = b.T["s_list_sep"].join(units[:most])
    return shown if len(units) <= most else shown + b.T["s_more"].format(n=len(units))


def _appendix(b: _Builder) -> None:
    r, T, fw, lang = b.r, b.T, b.r.framework, b.lang
    b.heading(T["h_appendix"], 1)
    cap = b.o.appendix_max_units
    bounded = bool(cap) and len(r.units) > cap
    b.para(T["s_appendix"] + (T["s_appendix_bounded"].format(k=cap, n=len(r.units)) if bounded else ""))
    groups: list[tuple[str | None, list[str]]] = []
    for c in fw.children[fw.root]:
        groups.append((c, fw.leaves_under(c)) if not fw.is_leaf(c) else (None, [c]))
    total = sum(1 for _d, leaves in groups for c in leaves if c in r.normalised.columns)
    done = 0
    imputed_at = F.imputed_by_code(r)
    for k, (dim, leaves) in enumerate(groups, start=1):
        if dim is not None:
            b.heading(T["h_app_dim"].format(k=k, name=fw.nodes[dim].name(lang)), 2)
        for code in leaves:
            if code not in r.normalised.columns:
                continue
            node = fw.nodes[code]
            imputed_here = imputed_at.get(code, set())
            shown = F.indicator_rows(r, code, limit=cap if bounded else None, imputed=imputed_here)
            raw_head = T["th_raw_unit"].format(u=node.unit) if node.unit else T["th_raw"]
            dr = F.raw_decimals([x["raw"] for x in shown])
            table_rows = [[x["rank"] if x["rank"] is not None else "—", x["unit"], F.fmt(x["raw"], dr),
                           F.fmt(x["score"], b.d)] for x in shown]
            caption = T["cap_indicator"].format(name=node.name(lang), code=code)
            if len(shown) < len(r.units):
                caption += T["cap_indicator_some"].format(k=len(shown), n=len(r.units))
            b.table(caption, [T["th_rank"], T["th_unit"], raw_head, T["th_ind_score"]], table_rows,
                    [2.4, 4.6, 4.4, 4.0])
            imputed, missing = F.indicator_gaps(r, code, imputed_here)
            if imputed:
                b.note(T["s_app_note_imputed"].format(items=_names(b, imputed)))
            if missing:
                b.note(T["s_app_note_missing"].format(items=_names(b, missing)))
            done += 1
            b.step(APPENDIX_FROM + (1 - APPENDIX_FROM) * done / max(total, 1))


# --- lists for LibreOffice ------------------------------------------------------------------------------
def static_lists(src: str | Path, dst: str | Path) -> Path:
    """A copy of a draft whose table of contents and lists of figures and tables are plain entries
    with PAGEREF fields to the headings' and captions' bookmarks: LibreOffice computes those page
    references when it lays the document out, but does not rebuild Word's TOC fields (its PDF
    would show the placeholder). Word users keep the real fields of the original."""
    from docx import Document as _open

    doc = _open(str(src))
    body = doc.element.body
    W = qn("w:instrText")
    entries: dict[str, list[tuple[str, str, str]]] = {"toc": [], "fig": [], "tab": []}
    captions = {}
    for p in body.iter(qn("w:p")):
        style = p.pPr.style if p.pPr is not None else None
        marks = [b.get(qn("w:name")) for b in p.findall(qn("w:bookmarkStart"))
                 if (b.get(qn("w:name")) or "").startswith("_Toc9")]
        if not marks:
            continue
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if style in ("Heading1", "Heading2", "Heading3"):
            entries["toc"].append((LIST_STYLES[int(style[-1])], text, marks[0]))
        elif style == "Caption":
            instr = " ".join(i.text or "" for i in p.iter(W))
            captions.setdefault(instr.split()[1] if len(instr.split()) > 1 else "", []).append((text, marks[0]))
    fields = []
    for p in body.iter(qn("w:p")):
        instr = " ".join(i.text or "" for i in p.iter(W)).strip()
        if instr.startswith("TOC"):
            fields.append((p, instr))
    for p, instr in fields:
        if "\\c" in instr:
            label = instr.split('"')[1] if '"' in instr else ""
            items = [(LIST_STYLES["caption"], t, m) for t, m in captions.get(label, [])]
        else:
            items = entries["toc"]
        anchor = p
        for style_name, text, mark in items:
            q = OxmlElement("w:p")
            anchor.addnext(q)
            anchor = q
            from docx.text.paragraph import Paragraph
            para = Paragraph(q, doc._body)
            para.style = doc.styles[style_name]
            para.add_run(text + "\t")
            _field(para, f"PAGEREF {mark} \\h", "")
        p.getparent().remove(p)
    dst = Path(dst)
    doc.save(str(dst))
    return dst


# --- entry points --------------------------------------------------------------------------------------
def build_report(result: Result, figures: Mapping[str, Path] | None = None,
                 options: F.ReportOptions | None = None, *, uncertainty=None,
                 notes: Mapping[str, Mapping] | None = None, ahp_inputs: Sequence[Mapping] = (),
                 fingerprint: str = "", map_missing: Sequence[str] = (),
                 progress: Callable[[float], object] | None = None, cancelled: Callable[[], bool] | None = None,
                 editions=None, rank_moves=None):
    """The draft as a python-docx Document (see the module docstring).

    `figures`: key → PNG (keys of `figure_plan`); `uncertainty`: a core.analysis.uncertainty
    UncertaintyResult of this result (its section is left out without one); `notes`: {node:
    weight note} as the window keeps them (results_workbook's format); `ahp_inputs`: AHP
    matrices found in the input ({node, sheet, note, used}); `map_missing`: units the map could
    not place. `progress(fraction)` is told how far the build is (0–1) after each section and each
    appendix table; when `cancelled()` returns True there, ReportCancelled is raised. `editions`: the
    project's core.pipeline.editions.EditionResults (`result` is its latest edition's): with 2+ editions the
    draft says how each city moved (core.outputs.report_editions); `rank_moves` (core.analysis.trend_uncertainty,
    with the uncertainty runs) lets it say which moves lie within the uncertainty of the two ranks."""
    options = options or F.ReportOptions()
    b = _Builder(result, options, figures or {}, progress, cancelled)
    b.editions = RE.edition_report(editions, options.top_n, rank_moves, int(getattr(uncertainty, "runs", 0) or 0))
    steps = [lambda: _title(b, fingerprint), lambda: _lists(b), lambda: _summary(b),
             lambda: _method(b, notes or {}, ahp_inputs), lambda: _ranking(b, map_missing), lambda: _dimensions(b),
             lambda: _scatter(b)]
    number = 4 if F.scatter_pair(result, options.scatter) is not None else 3
    if uncertainty is not None:
        steps.append(lambda: _uncertainty(b, uncertainty, number + 1))
    b.step(0.0)
    for k, run in enumerate(steps, start=1):
        run()
        b.step(APPENDIX_FROM * k / len(steps))
    _appendix(b)
    props = b.doc.core_properties
    props.title = options.title or b.T["title"]
    from core import __version__
    props.author = "CityIndex Studio"
    props.version = __version__
    props.comments = (b.T["illustrative"] + " " if options.illustrative else "") + (
        f"inputs SHA-256 {fingerprint}, CityIndex Studio {__version__}" if fingerprint else "")
    return b.doc


def write_report(result: Result, path: str | Path, figures: Mapping[str, Path] | None = None,
                 options: F.ReportOptions | None = None, **kwargs) -> Path:
    """Build the draft and write it to `path` atomically (core.files.atomic.WriteError when it cannot).
    `progress`/`cancelled` as build_report; a cancelled build writes nothing (ReportCancelled)."""
    doc = build_report(result, figures, options, **kwargs)
    cancelled = kwargs.get("cancelled")
    if cancelled is not None and cancelled():
        raise ReportCancelled("report draft cancelled")
    path = Path(path)
    with atomic_path(path) as tmp:
        doc.save(str(tmp))
    return path


def write_document(result, project, out: Path, options, figs: dict, *, uncertainty=None, notes=None,
                   ahp: list | None = None, timings: dict | None = None, progress=None, cancelled=None,
                   editions=None, rank_moves=None) -> Path:
    """The .docx from drawn figures (no Qt: may run on a worker thread); nothing is written when cancelled."""
    from core.provenance.fingerprint import fingerprint

    timings = timings if timings is not None else {}
    t0 = time.perf_counter()
    try:
        fp = fingerprint(result.framework, result.settings, project.data, project.editions)
    except Exception:  # noqa: BLE001 - the fingerprint is a courtesy on the title page
        fp = ""
    write_report(result, out, figs, options, uncertainty=uncertainty, notes=notes, ahp_inputs=ahp or [],
                 fingerprint=fp, map_missing=timings.get("map_missing", []), progress=progress, cancelled=cancelled,
                 editions=editions, rank_moves=rank_moves)
    timings["docx"] = time.perf_counter() - t0
    return out


def export_pdf(docx: Path, pdf: Path | None = None, cancelled=None) -> Path:
    """The PDF of a written draft (core.outputs.pdf.to_pdf; PdfError with a clear message when LibreOffice is absent,
    PdfCancelled when `cancelled()` turns True). The time limit grows with the draft (core.outputs.pdf.timeout_for)."""
    from core.outputs.pdf import to_pdf
    with tempfile.TemporaryDirectory(prefix="cityindex-pdf-src-") as tmp:
        # LibreOffice does not rebuild Word's TOC fields: convert a copy whose lists are plain entries
        # with page references (which it does compute)
        src = Path(tmp) / docx.name
        static_lists(docx, src)
        return to_pdf(src, pdf or docx.with_suffix(".pdf"), cancelled=cancelled)
