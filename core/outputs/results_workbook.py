"""The results workbook (DESIGN §3, §5): what a committee receives, formatted for print.

`write_results(result, path)` writes one sheet per table:

- the ranking under a title (and, for the bundled sample, a line saying the data are illustrative;
  TOP N highlighted, a bar chart of the TOP N);
- the scores and ranks on every level of internal nodes (a sheet per level; the
  first-level sheet carries the TOP 5 profile chart and a scatter of two dimensions);
- every indicator's normalised score (the report's 表9–表46) and an index of them;
- the weights (local, effective, how each was set);
- the raw data (as given) and the data entering normalisation (after denomination,
  imputation, outlier treatment and transform — the sheet says which);
- the methods and settings in words (the sentences from core.outputs.method_words, which the
  report says too), the units excluded and the nodes without a score, each with the reason;
- the data-quality report (problems, imputed and treated values with old and new);
- with `live_formulas=True`, an editable weights sheet and sheets whose scores and ranks
  are Excel formulas over the normalised scores and those weights;
- with `scenarios` (core.model.scenarios dicts), a sheet of each unit's rank under each scenario
  and a sheet of each scenario's local weights;
- with `notes` ({node: note}, the window's record of how a node's weights were computed:
  data-driven formula and figures, AHP λmax/CI/CR, expert-panel consensus), one line per node
  in the methods sheet — only while the node's children still carry the weights the note
  describes (their weight_source equals the note's `source`);
- with `method_ranks=True`, the rank of every unit under each aggregation method (方法比较), and
  whenever a node is aggregated by BoD, each unit's chosen weights (BoD权重): core.outputs.method_sheet;
- whenever a node is aggregated by the rank-sum ratio, its probit grading (秩和比分档, `rsr_levels`
  levels): core.outputs.rsr_sheet;
- the weight-stability intervals (稳健性) and every unit's strengths and weaknesses (优势与短板):
  core.outputs.stability_sheet, core.outputs.strengths_sheet;
- with `editions` (a project of 2+ editions), the 历年排名 sheet after the ranking (core.outputs.edition_sheet);
- any `extra_sheets` (sensitivity) given by later features;
- any `images` (sheet name → PNG, e.g. the map the window draws), one sheet each.

Headers and sheet names are Chinese by default and English when the project's language
is English (the settings too: `SETTING_LABELS`). The sheets are planned in memory as
`xlsx_util.Sheet`s — the large tables as numpy blocks, not cell objects — and streamed by
XlsxWriter in constant-memory mode (`xlsx_util.Book`): a 3,000 × 500 project is written in
seconds (bench/bench_export.py). Text that looks like a formula stays text (quote prefix);
the only formulas are the live ones this module builds (`Sheet.formula`). The file is
written to a temporary file and renamed (`atomic_path`); `progress` and `cancelled`
callbacks let the window show the work and stop it, leaving any previous file whole.

Numbers are stored to 16 significant digits (the JSON export keeps full precision). Print
layout: A4, landscape where the sheet is wide, header row repeated, fitted to one page wide
(a sheet wider than about two screens, the indicator table, to several pages across with
the unit names repeated on each); chart value axes end at the scale (100) when the scores
lie on it; the index's title and the sheet's name head every page, page numbers below.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from openpyxl.utils import get_column_letter, quote_sheetname

from core.files.atomic import atomic_path
from core.files.xlsx import Book, Cancelled, Sheet, text_width
from core.model.dataset import Dataset
from core.model.settings import METHOD_SETTINGS
from core.outputs import label_layout
from core.outputs.method_words import (
    AGG_NAMES,
    IMP_NAMES,
    NORM_NAMES,
    STAGE_NAMES,
    TRANSFORM_NAMES,
    language,
    method_sentences,
    note_is_current,
    pct,
    weight_note_text,
)
from core.pipeline.run import Result
from core.text.problem_texts import kind_name, severity_name
from core.text.why_texts import sheet_titles as why_sheet_titles
from core.weighting.sources import localise_source

__all__ = ["Cancelled", "write_results", "build_workbook", "sheet_names", "SETTING_LABELS", "setting_label",
           "setting_value"]

# --- words -------------------------------------------------------------------------------
TEXT: dict[str, dict[str, str]] = {
    "zh": {
        # sheet names
        "s_ranking": "排名", "s_level1": "一级维度得分", "s_level2": "二级维度得分",
        "s_level": "第{n}级得分", "s_indicators": "指标得分", "s_index": "指标目录",
        "s_weights": "权重", "s_raw": "原始数据", "s_treated": "处理后数据", "s_methods": "方法说明",
        "s_quality": "数据质量", "s_changes": "填补与处理", "s_live_weights": "可编辑权重",
        "s_live_scores": "公式得分", "s_live_ranking": "公式排名",
        "s_scenarios": "情景比较", "s_scenario_weights": "情景权重",
        # headers
        "rank": "排名", "unit": "城市", "score": "综合得分", "rank_of": "{code} 排名",
        "table": "表号", "table_no": "表{k}", "code": "代码", "name": "名称", "name_en": "英文名称",
        "dimension": "所属维度", "subdimension": "所属子维度", "direction": "方向",
        "normalization": "标准化方法", "transform": "变换", "denominator": "分母",
        "outlier": "异常值处理", "skew": "偏度", "kurtosis": "峰度", "unit_of": "计量单位",
        "source": "来源", "year": "年份", "effective": "有效权重", "column": "所在列",
        "level": "层级", "parent": "上级", "local": "局部权重", "how": "权重来源",
        "method": "聚合/标准化方法", "status": "参评", "yes": "是", "no_": "否（未参评）",
        "category": "类别", "item": "项目", "text": "说明", "severity": "级别", "kind": "类型",
        "file": "文件", "sheet": "工作表", "row": "行", "col": "列", "value": "值", "message": "说明",
        "change": "处理", "old": "原值", "new": "新值", "note": "备注",
        "weight_edit": "权重（可修改）", "share": "同级占比", "weights_row": "权重 →",
        "position": "名次", "helper": "辅助列",
        "current": "当前权重", "rank_under": "{name} 排名", "weight_under": "{name} 局部权重",
        "created": "创建时间", "c_weights": "权重说明",
        # values
        "plus": "正向", "minus": "负向", "how_root": "—（根节点）", "how_set": "指标体系设定值",
        "how_manual": "手动调整", "how_equal": "同级等权（未设定）",
        "sev_error": "错误", "sev_warning": "警告", "sev_info": "提示",
        "c_method": "方法", "c_setting": "设置", "c_excluded": "未参评单位", "c_missing": "无得分节点",
        "c_sheet": "工作表说明", "none": "无",
        "ch_imputed": "填补", "ch_winsorised": "缩尾", "ch_log": "对数变换", "ch_flagged": "缩尾（仍未通过）",
        # charts
        "chart_top": "综合得分 TOP {n}", "chart_profile": "前 {n} 名城市的一级维度得分",
        "chart_scatter": "{x} 与 {y}", "others": "其他",
        # print
        "page": "第 &P 页，共 &N 页",
        "ranking_title": "{name}排名（{n} 个城市参评）", "book_title": "{name}评价结果",
        "illustrative": "示例数据，仅供演示：本表数值为虚构的示例数据，并非统计数据，请勿引用。",
        # live formulas
        "live_note": ("修改「{weights}」表 E 列（黄色）的权重，「{scores}」表中各级得分和「{ranking}」表中的"
                      "排名会自动重新计算（公式）。权重只需在同级之间成比例（如 2、1、1），不必相加为 1。"
                      "缺失的子项被跳过，其余子项的权重重新归一化，与 CityIndex Studio 的计算一致；"
                      "算术、几何、调和平均均为公式。"),
        "live_scores_note": ("各级得分均为公式：叶节点引用「{indicators}」表的标准化得分，上级节点按第 3 行的权重"
                             "（引用「{weights}」表）对有得分的子项加权平均。修改「{weights}」表的权重即可更新。"),
        "live_ranking_note": ("排名为公式（RANK，并列者取最高名次；比较时保留 9 位小数）。右侧为按公式排名自动排序的"
                              "名单。修改「{weights}」表的权重即可更新。"),
    },
    "en": {
        "s_ranking": "Ranking", "s_level1": "Dimension scores", "s_level2": "Sub-dimension scores",
        "s_level": "Level {n} scores", "s_indicators": "Indicator scores", "s_index": "Indicator index",
        "s_weights": "Weights", "s_raw": "Raw data", "s_treated": "Treated data", "s_methods": "Methods",
        "s_quality": "Data quality", "s_changes": "Imputed and treated", "s_live_weights": "Editable weights",
        "s_live_scores": "Formula scores", "s_live_ranking": "Formula ranking",
        "s_scenarios": "Scenarios", "s_scenario_weights": "Scenario weights",
        "rank": "Rank", "unit": "Unit", "score": "Score", "rank_of": "{code} rank",
        "table": "Table", "table_no": "Table {k}", "code": "Code", "name": "Name", "name_en": "Chinese name",
        "dimension": "Dimension", "subdimension": "Sub-dimension", "direction": "Direction",
        "normalization": "Normalisation", "transform": "Transform", "denominator": "Denominator",
        "outlier": "Outlier treatment", "skew": "Skewness", "kurtosis": "Kurtosis", "unit_of": "Unit of measure",
        "source": "Source", "year": "Year", "effective": "Effective weight", "column": "Column",
        "level": "Level", "parent": "Parent", "local": "Local weight", "how": "How set",
        "method": "Aggregation / normalisation", "status": "Scored", "yes": "yes", "no_": "no (excluded)",
        "category": "Category", "item": "Item", "text": "Text", "severity": "Severity", "kind": "Kind",
        "file": "File", "sheet": "Sheet", "row": "Row", "col": "Column", "value": "Value", "message": "Message",
        "change": "Change", "old": "Old value", "new": "New value", "note": "Note",
        "weight_edit": "Weight (editable)", "share": "Share among siblings", "weights_row": "weights →",
        "position": "Place", "helper": "helper",
        "current": "current weights", "rank_under": "Rank: {name}", "weight_under": "Local weight: {name}",
        "created": "Created", "c_weights": "Weights",
        "plus": "+", "minus": "-", "how_root": "— (root)", "how_set": "framework value", "how_manual": "set by hand",
        "how_equal": "equal (empty)", "sev_error": "error", "sev_warning": "warning", "sev_info": "info",
        "c_method": "Method", "c_setting": "Setting", "c_excluded": "Excluded unit", "c_missing": "No score",
        "c_sheet": "Sheet", "none": "none",
        "ch_imputed": "imputed", "ch_winsorised": "winsorised", "ch_log": "log-transformed",
        "ch_flagged": "winsorised (still failing)",
        "chart_top": "Score, TOP {n}", "chart_profile": "TOP {n}: scores on the dimensions",
        "chart_scatter": "{x} and {y}", "others": "others",
        "page": "Page &P of &N",
        "ranking_title": "Ranking by {name} ({n} units scored)", "book_title": "{name}: results",
        "illustrative": ("Illustrative data, for demonstration only: the values are made-up sample data, not "
                         "statistics; do not cite them."),
        "live_note": ("Change a weight in column E (yellow) of '{weights}': the scores in '{scores}' and the ranks "
                      "in '{ranking}' are formulas and update at once. Weights are relative among siblings "
                      "(2, 1, 1 works; they need not sum to 1). A child without a score is skipped and the others' "
                      "weights re-normalised, as CityIndex Studio does; arithmetic, geometric and harmonic nodes "
                      "are all formulas."),
        "live_scores_note": ("Every score is a formula: a leaf refers to its normalised score in '{indicators}', a "
                             "node is the weighted mean of its children that have a score, with the weights of "
                             "row 3 (taken from '{weights}'). Change a weight there and the scores update."),
        "live_ranking_note": ("Ranks are formulas (RANK; ties share the best rank; scores compared to 9 "
                              "decimals). On the right, the units sorted by that rank. Change a weight in "
                              "'{weights}' and the ranking updates."),
    },
}

BOLD = {"bold": True}
HEADER = {"bold": True, "fill": "DDEBF7", "align": "center", "valign": "vcenter", "wrap": True,
          "border_bottom": "808080"}
TOP = {"fill": "FFF2CC", "bold": True}
TOP_FILL = "FFF2CC"
EDIT_FILL = "FFFF99"
IMPUTED_FILL = "DDEBF7"
TREATED_FILL = "FCE4D6"
NOTE = {"italic": True, "color": "7F3F00", "wrap": True, "valign": "top"}
TITLE = {"bold": True, "align": "left", "valign": "vcenter"}
ILLUSTRATIVE = {"bold": True, "color": "C00000", "valign": "vcenter"}
WRAP_TOP = {"wrap": True, "valign": "top"}
CENTER = {"align": "center"}
WEIGHT_FMT = "0.0000"
RANK_FMT = "0"
MAX_HEADER_WIDTH = 12  # longer headers wrap
MAX_WIDTH = 60  # longer texts wrap
ONE_PAGE_CHARS = 260  # up to this total column width a sheet is printed one page wide
PAGE_CHARS = 200  # wider sheets: this much per landscape page, unit names repeated


SCENARIO_SHEETS = ("s_scenarios", "s_scenario_weights")  # only in a workbook written with scenarios


def sheet_names(lang: str = "zh", levels: int = 2, scenarios: bool = False) -> dict[str, str]:
    """The fixed sheet names (level sheets for levels 1..`levels`; the scenario sheets when
    `scenarios`) in `lang`."""
    T = TEXT[lang if lang in TEXT else "zh"]
    out = {k[2:]: v for k, v in T.items() if k.startswith("s_") and k != "s_level"
           and (scenarios or k not in SCENARIO_SHEETS)}
    for n in range(3, levels + 1):
        out[f"level{n}"] = T["s_level"].format(n=n)
    out.update(why_sheet_titles(lang))  # 稳健性, 优势与短板 (core.outputs.stability_sheet, strengths_sheet)
    return out


def number_format(decimals: int) -> str:
    return "0" if decimals <= 0 else "0." + "0" * decimals


def _float_or_none(v: Any) -> float | None:
    """A number for a workbook cell: None (an empty cell) when missing or NaN."""
    if v is None:
        return None
    f = float(v)
    return None if math.isnan(f) else f


# --- the workbook ------------------------------------------------------------------------
def write_results(result: Result, path: str | Path, top_n: int = 10, live_formulas: bool = False,
                  extra_sheets: Mapping[str, Sequence[Sequence[Any]]] | None = None,
                  data: Dataset | None = None, images: Mapping[str, Path] | None = None, *,
                  scenarios: Sequence[Mapping] | None = None, notes: Mapping[str, Mapping] | None = None,
                  progress: Callable[[float], None] | None = None, cancelled: Callable[[], bool] | None = None,
                  illustrative: bool | None = None, stability: Mapping | bool | None = None,
                  method_ranks: bool = False, editions=None) -> None:
    """Write the results workbook to `path` atomically (WriteError when it cannot be written).

    `scenarios`: core.model.scenarios dicts, compared in two sheets; `notes`: {node: weight note}
    for the methods sheet (see the module docstring). `stability`: the 稳健性 sheet — None: computed
    when the project is small enough, True: always, False: left out, a dict: weight_stability's result as
    given (core.outputs.stability_sheet).

    `data`: the project's Dataset, for the raw-data sheet as given (all units, denominators,
    groups); without it the sheet shows the values after denomination of the scored units.
    `extra_sheets`: name → rows (the first row is the header), appended as they are.
    `images`: sheet name → image file (PNG), one sheet per image, after the other sheets.
    `illustrative`: the data are made-up sample data (the ranking sheet says so under its title);
    None: decided from `data.file` (the bundled sample, or a workbook marked illustrative).
    `editions`: the project's core.pipeline.editions.EditionResults (`result` is its latest edition's); with
    two or more editions the workbook gains the 历年排名 sheet (core.outputs.edition_sheet).

    `progress(fraction)` is called with a rising fraction, 1.0 once the file is in place;
    when `cancelled()` turns True the write stops with `Cancelled` and nothing is written (a
    previous file at `path` stays as it was).
    """
    def planned(fraction: float) -> None:  # the sheets planned so far: the first PLAN_SHARE of the way
        if cancelled is not None and cancelled():
            raise Cancelled("export cancelled")
        if progress is not None:
            progress(PLAN_SHARE * fraction)

    def written(fraction: float) -> None:
        if progress is not None:
            progress(PLAN_SHARE + (1 - PLAN_SHARE) * min(fraction, 0.99))

    b = build_workbook(result, top_n, live_formulas, extra_sheets, data, images, scenarios=scenarios, notes=notes,
                       illustrative=illustrative, step=planned, stability=stability,
                       method_ranks=method_ranks, editions=editions)
    with atomic_path(path) as tmp:
        Book(tmp, b.properties).write(b.sheets, progress=written, cancelled=cancelled)
    if progress is not None:
        progress(1.0)


PLAN_SHARE = 0.3  # of the progress bar: planning the sheets (the rest: writing them)


def build_workbook(r: Result, top_n: int = 10, live_formulas: bool = False,
                   extra_sheets: Mapping[str, Sequence[Sequence[Any]]] | None = None,
                   data: Dataset | None = None, images: Mapping[str, Path] | None = None, *,
                   scenarios: Sequence[Mapping] | None = None, notes: Mapping[str, Mapping] | None = None,
                   illustrative: bool | None = None, step: Callable[[float], None] | None = None,
                   stability: Mapping | bool | None = None, method_ranks: bool = False, editions=None) -> _Book:
    """The workbook as planned (`_Book.sheets`, each a core.files.xlsx.Sheet), not yet written;
    `step(fraction)` after each part (it may raise to stop). `method_ranks`: add the 方法比较 sheet
    (core.outputs.method_sheet; the BoD权重 sheet comes whenever a node is aggregated by BoD)."""
    from core.outputs import method_sheet
    b = _Book(r, top_n, data)
    b.scenarios = list(scenarios or [])
    b.notes = dict(notes or {})
    if illustrative is None:
        illustrative = is_sample_data(data)
    b.illustrative = bool(illustrative)
    parts: list[Callable[[], None]] = [lambda w=w: w(b) for w in SHEETS]
    if editions is not None and len(editions.labels) > 1:  # the 历年排名 sheet after the ranking
        from core.outputs.edition_sheet import edition_parts
        sheet_part, methods_part = edition_parts(b, editions)
        parts.insert(1, sheet_part)
        parts.append(methods_part)
    from core.outputs.stability_sheet import write_stability_sheet  # issue 21 (they use this module's helpers)
    from core.outputs.strengths_sheet import write_strengths_sheet
    parts += [lambda: write_stability_sheet(b, stability), lambda: write_strengths_sheet(b)]
    if live_formulas:
        parts += [lambda w=w: w(b) for w in LIVE_SHEETS]
    if b.scenarios:
        parts += [lambda: _write_scenarios(b), lambda: _write_scenario_weights(b)]
    if method_ranks:
        parts.append(lambda: method_sheet.write_method_ranks(b))
    if b.r.bod_weights:
        parts.append(lambda: method_sheet.write_bod_weights(b))
    from core.outputs.rsr_sheet import has_rsr_nodes, write_rsr_grading  # issue 20 point 3: 秩和比分档
    if has_rsr_nodes(b.r):
        parts.append(lambda: write_rsr_grading(b))
    parts += [lambda n=name, rows=rows: _write_extra(b, n, rows) for name, rows in (extra_sheets or {}).items()]
    parts += [lambda n=name, i=image: _write_image(b, n, Path(i)) for name, image in (images or {}).items()]
    if data is not None:
        parts.append(lambda: _write_fingerprint(b, data, editions))
    parts.append(lambda: _write_sheet_notes(b))
    for k, part in enumerate(parts, start=1):
        part()
        if step is not None:
            step(k / len(parts))
    return b


def is_sample_data(data: Dataset | None) -> bool:
    """The data come from the bundled sample workbook (a Dataset keeps its file's name only); the
    window, which knows the path, says so itself (`illustrative=`)."""
    from core.files.paths import SAMPLE_WORKBOOK
    return data is not None and bool(data.file) and Path(data.file).name == SAMPLE_WORKBOOK.name


def _write_fingerprint(b: _Book, data: Dataset, editions=None) -> None:
    """The inputs' fingerprint: visible at the end of the methods sheet and in the document
    properties, and with the canonical inputs in the hidden `_verify` sheet (core.provenance.verify).
    With several editions (`editions`: core.pipeline.editions.EditionResults) it covers them all."""
    from core import __version__
    from core.provenance.fingerprint import canonical
    from core.provenance.verify import VERIFY_SHEET, verification_rows
    inputs = editions.inputs if editions is not None and len(editions.labels) > 1 else ()
    fp, rows = verification_rows(canonical(b.r.framework, b.r.settings, data, inputs), b.r)
    ws = b.sheet("verify", VERIFY_SHEET)
    ws.hidden = True
    for k, row in enumerate(rows, start=1):
        ws.write_row(k, row)
    b.fingerprint = fp
    zh = b.lang == "zh"
    ws = b.get("methods")
    k = ws.max_row + 2
    ws.write_row(k, ["输入指纹 (SHA-256)" if zh else "Input fingerprint (SHA-256)", fp])
    ws.write_row(k + 1, ["软件版本" if zh else "Application version", f"CityIndex Studio {__version__}"])
    ws.write_row(k + 2, ["核验方法" if zh else "How to verify",
                         "python main.py verify 本文件.xlsx 输入文件" if zh
                         else "python main.py verify THIS.xlsx INPUT"])
    b.properties["comments"] = f"inputs SHA-256 {fp}; CityIndex Studio {__version__}"


class _Book:
    """What every sheet writer needs: the result, words, formats, the row order, the planned sheets."""

    def __init__(self, r: Result, top_n: int, data: Dataset | None):
        self.r, self.top_n, self.data = r, max(int(top_n), 0), data
        self.lang = language(r)
        self.T = TEXT[self.lang]
        self.fw = r.framework
        self.fmt = number_format(r.settings.decimals)
        self.sheets: list[Sheet] = []
        self.properties = {"author": "CityIndex Studio", "title": self.book_title}
        idx, ranks = r.rank_order()
        self.order = [int(i) for i in idx]  # unit indices in rank order
        self.rank = ranks  # by unit index, NaN = no rank
        self.n_ranked = int((~np.isnan(ranks)).sum())
        self.col = {c: j for j, c in enumerate(r.plan.codes)}
        self.names: dict[str, str] = {}  # sheet key -> actual title
        self.descriptions: dict[str, str] = {}  # sheet key -> its line in the methods sheet, from a sheet module
        self.live_codes: list[str] = []  # live formulas: nodes breadth-first
        self.live_wrow: dict[str, int] = {}  # live formulas: node -> row in the editable weights sheet
        self.scenarios: list[Mapping] = []
        self.notes: dict[str, Mapping] = {}
        self.illustrative = False
        self.fingerprint = ""
        self.data_row = 2  # first data row of the ranking sheet (below its title)
        self.descriptions: dict[str, str] = {}  # sheet key -> its line in the methods sheet, from other modules

    @property
    def title(self) -> str:
        """The index's name: the framework's root."""
        return self.name(self.fw.root)

    @property
    def book_title(self) -> str:
        """What heads every printed page."""
        return self.T["book_title"].format(name=self.title)

    def name(self, code: str) -> str:
        return self.fw.nodes[code].name(self.lang)

    def label(self, code: str) -> str:
        return f"{code} {self.name(code)}"

    def sheet(self, key: str, title: str | None = None) -> Sheet:
        title = _sheet_title(title or self.T["s_" + key], {s.title for s in self.sheets})
        ws = Sheet(title)
        self.sheets.append(ws)
        self.names[key] = title
        return ws

    def get(self, key: str) -> Sheet:
        return next(s for s in self.sheets if s.title == self.names[key])

    def scores(self, codes: Sequence[str]) -> np.ndarray:
        """Scores of `codes` (columns) for the units in rank order (rows); NaN = no score."""
        return self.r.scores_array[np.ix_(self.order, [self.col[c] for c in codes])]

    def ranks(self) -> np.ndarray:
        return self.rank[self.order]

    def rank_of(self, i: int) -> int | None:
        v = self.rank[i]
        return None if np.isnan(v) else int(v)

    def levels(self) -> list[int]:
        """Levels that get a score sheet: 1 .. the deepest level holding an internal node."""
        fw = self.fw
        deepest = max((fw.level(c) for c in fw.internal if c != fw.root), default=1)
        return list(range(1, max(deepest, 1) + 1)) if fw.children[fw.root] else []

    def on_scale(self, values: np.ndarray) -> bool:
        """Every value lies on the project's scale (0 … scale): a chart's value axis then runs to it."""
        v = np.asarray(values, dtype=float)
        v = v[np.isfinite(v)]
        s = float(self.r.settings.scale)
        return bool(len(v)) and s > 0 and float(v.min()) >= 0 and float(v.max()) <= s * (1 + 1e-9)


def _sheet_title(title: str, taken: set[str]) -> str:
    t = re.sub(r"[\[\]:*?/\\]", "_", str(title)).strip("'") or "Sheet"
    t = t[:31]
    base, k = t, 2
    while t.lower() in {s.lower() for s in taken}:
        suffix = f" ({k})"
        t = base[:31 - len(suffix)] + suffix
        k += 1
    return t


# --- layout helpers ----------------------------------------------------------------------
def _header(ws: Sheet, row: int, values: list[Any], start_col: int = 1) -> None:
    for j, v in enumerate(values):
        ws.set(row, start_col + j, v, HEADER)


def _note(ws: Sheet, row: int, text: str, ncols: int) -> None:
    ws.set(row, 1, text, NOTE)
    if ncols > 1:
        ws.merge(row, 1, ncols)
    ws.heights[row] = 48


def _fit_columns(ws: Sheet, header_row: int = 1, min_width: int = 5) -> None:
    """Widths from the content (CJK counts double), never narrower than the header (up to
    MAX_HEADER_WIDTH; longer headers wrap); long texts wrap, with row heights to match."""
    data_w, head_w = ws.content_widths(header_row)
    lines = 1
    for col in set(data_w) | set(head_w):
        w = max(data_w.get(col, 0), min(head_w.get(col, 0), MAX_HEADER_WIDTH)) + 2
        w = max(min_width, min(MAX_WIDTH, w))
        ws.widths[col] = w
        lines = max(lines, math.ceil(head_w.get(col, 0) / (w - 1)))
        if data_w.get(col, 0) > MAX_WIDTH:
            for row, cells in ws.cells.items():
                cell = cells.get(col)
                if row > header_row and cell is not None and cell[0] == "v" and isinstance(cell[1], str):
                    ws.style(row, col, **WRAP_TOP)
                    # explicit heights: neither Excel nor LibreOffice grows rows of a written file
                    n = max(math.ceil(text_width(cell[1]) / (w - 3)), 1)
                    ws.heights[row] = max(ws.heights.get(row, 15), 15 * n + 2)
    for row, height in list(ws.heights.items()):
        if row > header_row and height > 17:
            for col, (_, _, st) in list(ws.cells.get(row, {}).items()):
                if not st.get("wrap"):
                    ws.style(row, col, valign="top")
    if any(v[1] is not None for v in ws.cells.get(header_row, {}).values()):
        ws.heights[header_row] = 15 * min(lines, 4) + 3


def _print_setup(b: _Book, ws: Sheet, title_rows: tuple[int, int], freeze: str | None) -> None:
    """Print-ready: header rows repeated, fitted to the page width (a very wide sheet to several
    pages across, the unit names repeated), landscape where the sheet is wide, the index's title and
    the sheet's name in the page header, page numbers in the footer."""
    ws.freeze = freeze
    ws.title_rows = title_rows
    total = sum(ws.widths.get(j, 9) for j in range(1, (ws.max_col or 1) + 1))
    pages = 1 if total <= ONE_PAGE_CHARS else math.ceil(total / PAGE_CHARS)
    ws.fit_width = pages
    ws.landscape = total > PORTRAIT_CHARS
    if pages > 1 and ws.max_col > 2:
        ws.title_cols = (1, 2)  # the unit names repeat on every page across
    ws.header_text = f"&L{_hf(b.book_title)}&R&A"
    ws.footer_text = f"&LCityIndex Studio&R{b.T['page']}"


PORTRAIT_CHARS = 100  # up to this total column width a sheet prints upright (A4 portrait)


def _hf(text: str) -> str:
    """Text for a page header or footer: `&` doubled (it starts a code there)."""
    return str(text).replace("&", "&&")


def _finish(b: _Book, ws: Sheet, freeze: str | None = "A2", header_row: int = 1) -> None:
    _fit_columns(ws, header_row)
    _print_setup(b, ws, (header_row, header_row), freeze)


def _cm(x: float) -> int:
    return round(x * 37.8)  # chart sizes in pixels, given in cm


# --- sheets ------------------------------------------------------------------------------
def _write_ranking(b: _Book) -> None:
    T, fw, r = b.T, b.fw, b.r
    ws = b.sheet("ranking")
    dims = list(fw.children[fw.root])
    ncols = 3 + len(dims)
    ws.set(1, 1, T["ranking_title"].format(name=b.title, n=b.n_ranked), {**TITLE, "size": 14})
    ws.merge(1, 1, ncols)
    ws.heights[1] = 24
    h = 2
    if b.illustrative:
        ws.set(2, 1, T["illustrative"], ILLUSTRATIVE)
        ws.merge(2, 1, ncols)
        ws.heights[2] = 18
        h = 3
    b.data_row = first = h + 1
    _header(ws, h, [T["rank"], T["unit"], T["score"]] + [b.name(d) for d in dims])
    ranks, S = b.ranks(), b.scores([fw.root] + dims)
    top = [k for k in range(len(b.order)) if not np.isnan(ranks[k]) and ranks[k] <= b.top_n]
    top_rows = (max(top) + 1) if top else 0
    for k, i in enumerate(b.order):
        row = first + k
        hi = TOP if k < top_rows else {}
        ws.set(row, 2, r.units[i], hi or None)
        if k < top_rows:
            ws.set(row, 1, None if np.isnan(ranks[k]) else int(ranks[k]), {**hi, **CENTER, "num_format": RANK_FMT})
            for j in range(S.shape[1]):
                ws.set(row, 3 + j, _float_or_none(S[k, j]), {**hi, "num_format": b.fmt})
    if top_rows < len(b.order):
        ws.grid(first + top_rows, 1, ranks[top_rows:, None], {**CENTER, "num_format": RANK_FMT})
        ws.grid(first + top_rows, 3, S[top_rows:], {"num_format": b.fmt})
    _finish(b, ws, f"C{first}", header_row=h)
    if top_rows:
        title, n, fmt = T["chart_top"].format(n=b.top_n), top_rows, b.fmt
        sheet = ws.title
        axis = {"min": 0, "max": float(r.settings.scale)} if b.on_scale(S[:top_rows, 0]) else {}

        def build(wb, _q):
            ch = wb.add_chart({"type": "bar"})
            ch.add_series({"name": [sheet, h - 1, 2], "values": [sheet, first - 1, 2, first - 2 + n, 2],
                           "categories": [sheet, first - 1, 1, first - 2 + n, 1],
                           "data_labels": {"value": True, "num_format": fmt}, "fill": {"color": "#4472C4"}})
            ch.set_title({"name": title})
            ch.set_legend({"none": True})
            ch.set_y_axis({"reverse": True, "crossing": "max"})  # categories: rank 1 on top, values below
            ch.set_x_axis({"num_format": "0", **axis})
            ch.set_size({"width": _cm(16), "height": _cm(max(7.5, 0.6 * n + 2.5))})
            return ch

        ws.charts.append((h, 2 + ncols, build))
        ws.landscape = True


def _write_levels(b: _Book) -> None:
    T, fw, r = b.T, b.fw, b.r
    for level in b.levels():
        key = f"level{level}"
        title = T["s_" + key] if level <= 2 else T["s_level"].format(n=level)
        ws = b.sheet(key, title)
        nodes = fw.at_level(level)
        n = len(nodes)
        _header(ws, 1, [T["rank"], T["unit"], T["score"]] + [b.label(c) for c in nodes]
                + [T["rank_of"].format(code=c) for c in nodes])
        node_ranks = np.column_stack([r.node_ranks(c).to_numpy()[b.order] for c in nodes]) if n else None
        for k, i in enumerate(b.order):
            ws.set(2 + k, 2, r.units[i])
        ws.grid(2, 1, b.ranks()[:, None], {**CENTER, "num_format": RANK_FMT})
        ws.grid(2, 3, b.scores([fw.root] + list(nodes)), {"num_format": b.fmt})
        if n:
            ws.grid(2, 4 + n, node_ranks, {**CENTER, "num_format": RANK_FMT})
        _finish(b, ws, "C2")
        if level == 1:
            _profile_chart(b, ws, nodes, anchor_col=5 + 2 * n)
            _scatter_chart(b, ws, nodes, anchor_col=5 + 2 * n)
            ws.landscape = True


def _profile_chart(b: _Book, ws: Sheet, dims: list[str], anchor_col: int) -> None:
    k = min(5, b.n_ranked)
    if k == 0 or not dims:
        return
    sheet, title, nd = ws.title, b.T["chart_profile"].format(n=k), len(dims)
    axis = {"min": 0, "max": float(b.r.settings.scale)} if b.on_scale(b.scores(dims)[:k]) else {}

    def build(wb, _q):
        ch = wb.add_chart({"type": "column"})
        for row in range(1, 1 + k):  # 0-based rows of the top k units
            ch.add_series({"name": [sheet, row, 1], "values": [sheet, row, 3, row, 2 + nd],
                           "categories": [sheet, 0, 3, 0, 2 + nd]})
        ch.set_title({"name": title})
        ch.set_legend({"position": "bottom"})
        ch.set_y_axis({"num_format": "0", **axis})
        ch.set_size({"width": _cm(22), "height": _cm(9)})
        return ch

    ws.charts.append((2, anchor_col, build))


def _scatter_pair(b: _Book, dims: list[str]) -> tuple[str, str] | None:
    if "T" in dims and "A" in dims:
        return "T", "A"
    return (dims[0], dims[1]) if len(dims) >= 2 else None


# The scatter's plot area, as shares of the chart (left, top, width, height): fixed rather than left
# to the chart program, so that the label layout knows the plot's size in points.
SCATTER_SIZE_CM = (22, 12)
SCATTER_PLOT = (0.085, 0.14, 0.885, 0.71)
SCATTER_LABEL_PT = 9  # the labels' font size
SCATTER_MARKERS = (7, 5)  # marker sizes (points): labelled TOP units, the others


def _nice_range(values: np.ndarray) -> tuple[float, float]:
    """An axis range on round steps (1, 2 or 5 × 10^k) covering the finite `values`: written out,
    rather than left to the chart program, so that the label layout knows where points land."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    lo, hi = (float(v.min()), float(v.max())) if len(v) else (0.0, 1.0)
    if hi - lo < 1e-12:
        lo, hi = lo - 1, hi + 1
    raw = (hi - lo) / 5
    mag = 10 ** np.floor(np.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    return float(np.floor(lo / step) * step), float(np.ceil(hi / step) * step)


def scatter_label_positions(names: list[str], XY: np.ndarray, n_top: int,
                            x_range: tuple[float, float], y_range: tuple[float, float]) -> list[str | None]:
    """Label position (or None: no label) of each of the first `n_top` units of `XY` (rank order), laid
    out in the scatter chart's plot area so that no two names and no name and marker collide."""
    w_pt, h_pt = (c * 72 / 2.54 for c in SCATTER_SIZE_CM)
    plot = (w_pt * SCATTER_PLOT[2], h_pt * SCATTER_PLOT[3])
    pts = label_layout.to_plot_points(XY, x_range, y_range, plot)
    sizes = [SCATTER_MARKERS[0] if k < n_top else SCATTER_MARKERS[1] for k in range(len(XY))]
    placed = label_layout.place_labels(pts, sizes, list(enumerate(names[:n_top])), plot, SCATTER_LABEL_PT)
    return [p.position for p in placed]


def _scatter_chart(b: _Book, ws: Sheet, dims: list[str], anchor_col: int) -> None:
    pair = _scatter_pair(b, dims)
    if pair is None or b.n_ranked == 0:
        return
    cx, cy = 3 + dims.index(pair[0]), 3 + dims.index(pair[1])  # 0-based columns
    sheet = ws.title
    title = b.T["chart_scatter"].format(x=b.name(pair[0]), y=b.name(pair[1]))
    xname, yname, others = b.name(pair[0]), b.name(pair[1]), b.T["others"]
    n_top = min(b.top_n, b.n_ranked)
    last = b.n_ranked  # 0-based row of the last ranked unit
    XY = b.scores(list(pair))[:b.n_ranked]
    scale = float(b.r.settings.scale)
    xr = (0.0, scale) if b.on_scale(XY[:, 0]) else _nice_range(XY[:, 0])
    yr = (0.0, scale) if b.on_scale(XY[:, 1]) else _nice_range(XY[:, 1])
    names = [b.r.units[i] for i in b.order[:n_top]]
    where = scatter_label_positions(names, XY, n_top, xr, yr)
    (big, small), (left, top, width, height) = SCATTER_MARKERS, SCATTER_PLOT

    def build(wb, _q):
        ch = wb.add_chart({"type": "scatter"})

        def add(first: int, end: int, labelled: bool, position: str | None = None) -> None:
            s = {"values": [sheet, first, cy, end, cy], "categories": [sheet, first, cx, end, cx],
                 "marker": {"type": "circle", "size": big if labelled else small,
                            "fill": {"color": "#ED7D31" if labelled else "#A5A5A5"},
                            "border": {"color": "#FFFFFF" if labelled else "#7F7F7F"}}}
            if labelled:
                s["name"] = [sheet, first, 1]
                if position is not None:
                    s["data_labels"] = {"series_name": True, "position": position,
                                        "font": {"size": SCATTER_LABEL_PT}}
            else:
                s["name"] = others
            ch.add_series(s)

        for row in range(1, 1 + n_top):
            add(row, row, True, where[row - 1])
        if last > n_top:
            add(1 + n_top, last, False)
        ch.set_title({"name": title})
        ch.set_legend({"none": True})
        ch.set_x_axis({"name": xname, "num_format": "0", "min": xr[0], "max": xr[1]})
        ch.set_y_axis({"name": yname, "num_format": "0", "min": yr[0], "max": yr[1]})
        ch.set_plotarea({"layout": {"x": left, "y": top, "width": width, "height": height}})
        ch.set_size({"width": _cm(SCATTER_SIZE_CM[0]), "height": _cm(SCATTER_SIZE_CM[1])})
        return ch

    ws.charts.append((22, anchor_col, build))


def _write_indicators(b: _Book) -> None:
    T, fw, r = b.T, b.fw, b.r
    ws = b.sheet("indicators")
    leaves = fw.leaves
    _header(ws, 1, [T["rank"], T["unit"]] + [b.label(c) for c in leaves])
    N = r.normalised[leaves].to_numpy(dtype=float)[b.order]
    for k, i in enumerate(b.order):
        ws.set(2 + k, 2, r.units[i])
    ws.grid(2, 1, b.ranks()[:, None], {**CENTER, "num_format": RANK_FMT})
    ws.grid(2, 3, N, {"num_format": b.fmt})
    _finish(b, ws, "C2")


def _outlier_words(b: _Book, code: str) -> str:
    rec = b.r.outliers.get(code)
    zh = b.lang == "zh"
    if not rec:
        return "—"
    a = rec["action"]
    if a == "none":
        return "通过检验" if zh else "passes the rule"
    if a == "not_tested":
        return "未检验（少于 4 个值）" if zh else "not tested (fewer than 4 values)"
    if a == "winsorised":
        return f"缩尾 {rec['steps']} 步" if zh else f"winsorised, {rec['steps']} step(s)"
    if a == "log":
        return "缩尾不足，改为对数变换" if zh else "log-transformed (winsorising was not enough)"
    return "缩尾后仍未通过（已标记）" if zh else "still failing after winsorising (flagged)"


def _write_index(b: _Book) -> None:
    T, fw, r, lang = b.T, b.fw, b.r, b.lang
    ws = b.sheet("index")
    _header(ws, 1, [T["table"], T["code"], T["name"], T["dimension"], T["subdimension"], T["direction"],
                    T["normalization"], T["transform"], T["denominator"], T["outlier"], T["skew"],
                    T["kurtosis"], T["unit_of"], T["source"], T["year"], T["effective"], T["column"]])
    norm_methods = next((s["methods"] for s in r.steps if s["stage"] == "normalise"), {})
    ind_title = b.names.get("indicators", "")
    for k, code in enumerate(fw.leaves, start=1):
        node = fw.nodes[code]
        anc = list(reversed(fw.ancestors(code)))  # root, level 1, level 2, ...
        dim = b.name(anc[1]) if len(anc) > 1 else ""
        sub = b.name(anc[2]) if len(anc) > 2 else ""
        rec = r.outliers.get(code, {})
        col = get_column_letter(3 + k - 1)
        method = norm_methods.get(code, fw.normalization_of(code, r.settings.normalization))
        row = k + 1
        ws.write_row(row, [T["table_no"].format(k=k), code, b.name(code), dim, sub,
                           T["plus"] if node.direction > 0 else T["minus"],
                           NORM_NAMES[lang].get(method, method), TRANSFORM_NAMES.get(node.transform, ""),
                           node.denominator, _outlier_words(b, code)])
        for j, v in ((11, _float_or_none(rec.get("skew"))), (12, _float_or_none(rec.get("kurtosis")))):
            ws.set(row, j, v, {"num_format": "0.00"})
        ws.write_row(row, [node.unit, node.source, node.year], 13)
        ws.set(row, 16, r.effective.get(code), {"num_format": WEIGHT_FMT})
        ws.link(row, 17, f"{quote_sheetname(ind_title)}!{col}1", f"{ind_title}!{col}",
                {"color": "0563C1", "underline": 1})
    _finish(b, ws, "C2")


def _how_set(b: _Book, code: str) -> str:
    fw = b.fw
    parent = fw.nodes[code].parent
    if not parent:
        return b.T["how_root"]
    src = fw.nodes[code].weight_source
    if src == "manual":
        return b.T["how_manual"]
    if src:
        return localise_source(src, b.lang)
    if all(fw.nodes[k].weight is None for k in fw.children[parent]):
        return b.T["how_equal"]
    return b.T["how_set"]


def _node_method(b: _Book, code: str) -> str:
    fw, s = b.fw, b.r.settings
    if fw.is_leaf(code):
        m = fw.normalization_of(code, s.normalization)
        return NORM_NAMES[b.lang].get(m, m)
    m = fw.aggregation_of(code, s.aggregation)
    return AGG_NAMES[b.lang].get(m, m)


def _write_weights(b: _Book) -> None:
    T, fw, r = b.T, b.fw, b.r
    ws = b.sheet("weights")
    _header(ws, 1, [T["code"], T["name"], T["level"], T["parent"], T["local"], T["effective"], T["how"],
                    T["method"]])
    codes = list(fw.preorder())
    for k, c in enumerate(codes, start=2):
        ws.set(k, 1, c)
        ws.set(k, 2, b.name(c), {"indent": fw.level(c)})
        ws.set(k, 3, fw.level(c), CENTER)  # a number beside a code: centred, so "1" and "AICI" stay apart
        ws.set(k, 4, fw.nodes[c].parent or None, CENTER)
        ws.set(k, 5, r.local[c], {"num_format": WEIGHT_FMT})
        ws.set(k, 6, r.effective[c], {"num_format": WEIGHT_FMT})
        ws.set(k, 7, _how_set(b, c), {"indent": 1})  # text after a number: a little space between
        ws.set(k, 8, _node_method(b, c))
    _finish(b, ws, "B2")
    ws.widths[7] += 1  # the indent


def _write_raw(b: _Book) -> None:
    T, fw, r, d = b.T, b.fw, b.r, b.data
    ws = b.sheet("raw")
    scored = set(r.units)
    if d is not None:
        num_cols = list(d.values.columns)
        grp_cols = list(d.groups.columns)
        heads = [d.headers.get(c, c) for c in num_cols]
        _header(ws, 1, [T["unit"], T["status"]] + [d.headers.get(g, g) for g in grp_cols] + heads)
        G = d.groups.to_numpy(dtype=object) if grp_cols else None
        for k, u in enumerate(d.units):
            groups = list(G[k]) if G is not None else []
            ws.write_row(k + 2, [u, T["yes"] if u in scored else T["no_"]] + groups)
        ws.grid(2, 3 + len(grp_cols), d.values.to_numpy(dtype=float))
    else:
        _header(ws, 1, [T["unit"], T["status"]] + [b.label(c) for c in fw.leaves])
        for k, u in enumerate(r.units):
            ws.write_row(k + 2, [u, T["yes"]])
        ws.grid(2, 3, r.raw[fw.leaves].to_numpy(dtype=float))
    _finish(b, ws, "C2")


def _write_treated(b: _Book) -> None:
    T, fw, r = b.T, b.fw, b.r
    ws = b.sheet("treated")
    leaves = fw.leaves
    tr = {c: fw.nodes[c].transform for c in leaves}
    logged = {c for c, rec in r.outliers.items() if rec.get("action") == "log"}

    def head(c: str) -> str:
        tags = ([TRANSFORM_NAMES[tr[c]]] if tr[c] else []) + (["log(x − min + 0.01·range)"] if c in logged else [])
        return b.label(c) + (f" [{', '.join(tags)}]" if tags else "")

    _header(ws, 1, [T["unit"]] + [head(c) for c in leaves])
    row_of = {u: k + 2 for k, u in enumerate(r.units)}
    col_of = {c: j + 2 for j, c in enumerate(leaves)}
    for k, u in enumerate(r.units):
        ws.set(k + 2, 1, u)
    g = ws.grid(2, 2, r.treated[leaves].to_numpy(dtype=float))
    for rec in r.imputed:
        if rec["unit"] in row_of and rec["code"] in col_of:
            g.mark(row_of[rec["unit"]], col_of[rec["code"]], fill=IMPUTED_FILL)
    for rec in r.treated_cells:
        if rec["unit"] in row_of and rec["code"] in col_of:
            g.mark(row_of[rec["unit"]], col_of[rec["code"]], fill=TREATED_FILL)
    _finish(b, ws, "B2")


def _missing_reason(b: _Book, unit_index: int, code: str) -> str:
    r, s = b.r, b.r.settings
    if b.lang != "zh":
        return next((m["reason"] for m in r.missing if m["code"] == code
                     and m["unit"] == r.units[unit_index]), "")
    kids = b.fw.children[code]
    X = np.array([r.scores_array[unit_index, b.col[k]] for k in kids])
    present = int((~np.isnan(X)).sum())
    method = b.fw.aggregation_of(code, s.aggregation)
    if present == 0:
        return "没有任何子项有得分"
    if present < s.node_min_coverage * len(kids) - 1e-9:
        return f"仅 {present}/{len(kids)} 个子项有得分，低于 {pct(s.node_min_coverage)} 的要求（node_min_coverage）"
    if method != "arithmetic" and (X[~np.isnan(X)] < 0).any():
        return f"{AGG_NAMES['zh'].get(method, method)}不适用于负的子项得分"
    return "有得分的子项权重均为 0"


SETTING_LABELS = {  # the settings as the methods sheet names them (the keys stay the input file's)
    "zh": {"scale": "满分", "decimals": "显示小数位数", "normalization": "默认标准化方法",
           "aggregation": "默认聚合方法", "minmax_low": "极差标准化下限", "unit_min_coverage": "单位最低数据覆盖率",
           "imputation": "缺失值处理", "imputation_group": "分组填补所用分组列", "outliers": "异常值处理",
           "winsor_max_points": "最多缩尾步数", "skew_limit": "偏度界限（|偏度|）", "kurtosis_limit": "峰度界限",
           "node_min_coverage": "节点最低子项覆盖率", "language": "输出语言",
           "topsis_normalization": "TOPSIS 的列归一化", "grey_rho": "灰色关联分辨系数 ρ",
           "bod_min_share": "BoD 子项权重最小占比", "bod_max_share": "BoD 子项权重最大占比",
           "rsr_levels": "秩和比分档数",
           "editions_normalization": "历年标准化方式"},
    "en": {"scale": "Top of the scale", "decimals": "Decimals shown", "normalization": "Default normalisation",
           "aggregation": "Default aggregation", "minmax_low": "Low end of min-max",
           "unit_min_coverage": "Least data coverage of a unit", "imputation": "Missing values",
           "imputation_group": "Group column for imputation", "outliers": "Outlier treatment",
           "winsor_max_points": "Most winsorising steps", "skew_limit": "Skewness limit (|skewness|)",
           "kurtosis_limit": "Kurtosis limit", "node_min_coverage": "Least share of a node's children",
           "language": "Output language", "topsis_normalization": "TOPSIS column normalisation",
           "grey_rho": "Grey distinguishing coefficient ρ", "bod_min_share": "BoD least share of a child",
           "bod_max_share": "BoD largest share of a child", "rsr_levels": "Levels of the RSR grading",
           "editions_normalization": "Editions normalised"},
}
SETTING_VALUES = {  # values that are keys, in words
    "zh": {"topsis_normalization": {"vector": "向量归一化 x/√Σx²", "minmax": "极差归一化"},
           "outliers": {"none": "不处理", "winsorise": "按 OECD/JRC 规则缩尾（必要时对数变换）"},
           "language": {"zh": "中文", "en": "英文"},
           "imputation": {"none": "不填补", "mean": "均值填补", "median": "中位数填补",
                          "group_mean": "分组均值填补", "group_median": "分组中位数填补"}},
    "en": {"topsis_normalization": {"vector": "vector x/√Σx²", "minmax": "min-max"},
           "outliers": {"none": "not treated", "winsorise": "winsorised by the OECD/JRC rule (log if needed)"},
           "language": {"zh": "Chinese", "en": "English"},
           "imputation": {"none": "none", "mean": "mean", "median": "median", "group_mean": "group mean",
                          "group_median": "group median"}},
}


def setting_label(key: str, lang: str = "zh") -> str:
    return SETTING_LABELS.get(lang, SETTING_LABELS["zh"]).get(key, key)


def setting_value(key: str, value: Any, lang: str = "zh") -> str:
    """A setting's value in words: method keys by their names, numbers as numbers, empty as 无/none."""
    lang = lang if lang in SETTING_LABELS else "zh"
    if key == "normalization":
        return NORM_NAMES[lang].get(value, str(value))
    if key == "aggregation":
        return AGG_NAMES[lang].get(value, str(value))
    if key == "editions_normalization":
        from core.text.editions_texts import mode_name
        return mode_name(value, lang)
    words = SETTING_VALUES[lang].get(key)
    if words is not None:
        return words.get(value, str(value))
    if isinstance(value, float):
        return f"{value:g}"
    if value in ("", None):
        return TEXT[lang]["none"]
    return str(value)


def _write_methods(b: _Book) -> None:
    T, r, lang = b.T, b.r, b.lang
    ws = b.sheet("methods")
    _header(ws, 1, [T["category"], T["item"], T["text"]])
    rows: list[list[Any]] = []
    stage_names = STAGE_NAMES.get(lang, {})
    for stage, text in method_sentences(r):
        rows.append([T["c_method"], stage_names.get(stage, stage), text])
    used = {r.framework.aggregation_of(c, r.settings.aggregation) for c in r.framework.internal}
    for key, value in r.settings.to_dict().items():
        if METHOD_SETTINGS.get(key, "") not in used | {""}:
            continue  # a setting of a method no node uses
        if key == "editions_normalization" and not any(st["stage"] == "editions" for st in r.steps):
            continue  # a one-edition project
        rows.append([T["c_setting"], setting_label(key, lang), setting_value(key, value, lang)])
    for e in r.excluded:
        reason = (f"分母处理后的数据覆盖率 {pct(e['coverage'])}，低于下限 {pct(r.settings.unit_min_coverage)}"
                  if lang == "zh" and "coverage" in e else e["reason"])
        rows.append([T["c_excluded"], e["unit"], reason])
    uindex = {u: i for i, u in enumerate(r.units)}
    for m in r.missing:
        rows.append([T["c_missing"], f"{m['unit']} · {b.label(m['code'])}",
                     _missing_reason(b, uindex[m["unit"]], m["code"])])
    for code in b.fw.preorder():
        note = b.notes.get(code)
        if note and note_is_current(b.fw, code, note):
            rows.append([T["c_weights"], b.label(code), weight_note_text(note, b.lang)])
    for k, row in enumerate(rows, start=2):
        ws.write_row(k, row)
    _finish(b, ws, "A2")  # again once the list of sheets is appended (_write_sheet_notes)


def _sheet_descriptions(b: _Book) -> list[list[str]]:
    zh = b.lang == "zh"
    raw_desc = (("按输入文件的原值（全部单位，含分母列和分组列），未经任何处理" if zh else
                 "the values as given in the input (every unit, with denominators and groups), untreated")
                if b.data is not None else
                ("参评单位的指标值，已做分母处理（若有），未做填补、异常值处理和变换" if zh else
                 "the scored units' values after denomination (if any), before imputation, outlier "
                 "treatment and transform"))
    d = {
        "ranking": ("按综合得分排名，前 {n} 名高亮" if zh else "units by score, TOP {n} highlighted").format(n=b.top_n),
        "level1": "一级维度的得分与排名" if zh else "scores and ranks on the first-level dimensions",
        "level2": "二级维度的得分与排名" if zh else "scores and ranks on the second-level nodes",
        "indicators": "各指标的标准化得分（每列一张指标得分表）" if zh else "each indicator's normalised score",
        "index": "指标目录：每个指标的表号、方法与所在列" if zh else "each indicator's table, methods and column",
        "weights": "局部权重、有效权重及其来源" if zh else "local and effective weights, and how each was set",
        "raw": raw_desc,
        "treated": ("进入归一化的数值：分母处理、填补（蓝色）、异常值处理（橙色）和变换之后" if zh else
                    "the values entering normalisation: after denomination, imputation (blue), outlier "
                    "treatment (orange) and transform"),
        "methods": ("方法与设置、未参评单位、无得分节点" if zh else
                    "methods, settings, excluded units, nodes without score"),
        "quality": "输入数据中发现的问题（文件、工作表、行、列、值）" if zh else
                   "problems found in the input (file, sheet, row, column, value)",
        "changes": "每个被填补、缩尾或变换的值（原值与新值）" if zh else
                   "every imputed, winsorised or log-transformed value (old and new)",
        "live_weights": "可修改的权重（公式工作簿）" if zh else "editable weights (live formulas)",
        "live_scores": "以公式计算的各级得分" if zh else "every node's score as a formula",
        "live_ranking": "以公式计算的排名" if zh else "the ranking as formulas",
        "scenarios": "各情景（保存的权重方案）下每个单位的排名" if zh else "each unit's rank under each scenario "
                     "(a saved set of weights)",
        "scenario_weights": "各情景的局部权重" if zh else "the local weights of each scenario",
    }
    d.update(b.descriptions)
    picture = "图（PNG，按两倍分辨率嵌入，可直接打印）" if zh else "a picture (PNG, at twice screen resolution)"
    for k in b.names:
        if k.startswith("image:"):
            d[k] = picture
    return [[b.T["c_sheet"], b.names[k], d.get(k, "")] for k in b.names if k in d or k.startswith("level")]


def _write_quality(b: _Book) -> None:
    T, r = b.T, b.r
    ws = b.sheet("quality")
    _header(ws, 1, [T["severity"], T["kind"], T["file"], T["sheet"], T["row"], T["col"], T["unit"], T["code"],
                    T["value"], T["message"]])
    for k, p in enumerate(r.problems, start=2):
        value = p.value
        if value is not None and not isinstance(value, (int, float, str, bool)):
            value = str(value)
        ws.write_row(k, [severity_name(p.severity, b.lang), kind_name(p.kind, b.lang), p.file, p.sheet, p.row,
                         p.column, p.unit, p.code, value, p.text(b.lang)])
    if not len(r.problems):
        ws.write_row(2, [T["none"]])
    _finish(b, ws, "A2")


def _write_changes(b: _Book) -> None:
    T, r = b.T, b.r
    ws = b.sheet("changes")
    _header(ws, 1, [T["change"], T["unit"], T["code"], T["name"], T["old"], T["new"], T["note"]])
    rows = []
    for rec in r.imputed:
        how = IMP_NAMES[b.lang].get(rec["method"], rec["method"]).format(g=rec.get("group", ""))
        note = how + (f"（{rec['group']}）" if rec.get("group") and b.lang == "zh" else
                      f" ({rec['group']})" if rec.get("group") else "")
        if rec.get("note"):
            note += "; " + rec["note"]
        rows.append([T["ch_imputed"], rec["unit"], rec["code"], b.name(rec["code"]), None, _float_or_none(rec["value"]),
                     note])
    for rec in r.treated_cells:
        rows.append([T.get("ch_" + rec["action"], rec["action"]), rec["unit"], rec["code"], b.name(rec["code"]),
                     _float_or_none(rec["old"]), _float_or_none(rec["new"]), _outlier_words(b, rec["code"])])
    for k, row in enumerate(rows or [[T["none"]]], start=2):
        ws.write_row(k, row)
    _finish(b, ws, "A2")


def _write_sheet_notes(b: _Book) -> None:
    """Append the list of sheets to the methods sheet, once every sheet exists."""
    ws = b.get("methods")
    start = ws.max_row + 1
    for k, row in enumerate(_sheet_descriptions(b), start=start):
        ws.write_row(k, row)
    _finish(b, ws, "A2")


# --- live formulas -----------------------------------------------------------------------
def breadth_first(fw) -> list[str]:
    """Nodes level by level: every node's children are contiguous (formula ranges)."""
    out = [fw.root]
    i = 0
    while i < len(out):
        out.extend(fw.children[out[i]])
        i += 1
    return out


def _write_live_weights(b: _Book) -> None:
    T, fw, r = b.T, b.fw, b.r
    ws = b.sheet("live_weights")
    b.names.setdefault("live_scores", T["s_live_scores"])
    b.names.setdefault("live_ranking", T["s_live_ranking"])
    codes = breadth_first(fw)
    b.live_codes = codes
    b.live_wrow = {c: 3 + k for k, c in enumerate(codes)}
    note = T["live_note"].format(weights=ws.title, scores=b.names["live_scores"],
                                 ranking=b.names["live_ranking"])
    _note(ws, 1, note, 8)
    _header(ws, 2, [T["code"], T["parent"], T["name"], T["level"], T["weight_edit"], T["share"],
                    T["effective"], T["how"]])
    rows = b.live_wrow
    w = {"num_format": WEIGHT_FMT}
    for c in codes:
        k = rows[c]
        parent = fw.nodes[c].parent
        ws.write_row(k, [c, parent or None, b.name(c), fw.level(c)])
        ws.set(k, 8, _how_set(b, c), {"indent": 1})
        if not parent:
            ws.set(k, 5, 1.0, w)
            ws.set(k, 6, 1.0, w)
            ws.formula(k, 7, f"=F{k}", w)
            continue
        ws.set(k, 5, r.local[c], {**w, "fill": EDIT_FILL})
        sib = fw.children[parent]
        a, z = rows[sib[0]], rows[sib[-1]]
        ws.formula(k, 6, f'=IF(SUM(E${a}:E${z})>0,E{k}/SUM(E${a}:E${z}),"")', w)
        pr = rows[parent]
        ws.formula(k, 7, f'=IF(AND(ISNUMBER(F{k}),ISNUMBER(G{pr})),F{k}*G{pr},"")', w)
    last = 2 + len(codes)
    ws.validations.append((4, 5, last, 5, {"validate": "decimal", "criteria": ">=", "value": 0,
                                           "error_message": "≥ 0", "error_title": T["weight_edit"],
                                           "ignore_blank": False}))
    _finish(b, ws, "A3", header_row=2)
    ws.widths[8] = max(ws.widths.get(8, 0), 18)


def node_formula(fw, code: str, row: int, col_of: dict[str, int], method: str, min_coverage: float,
                 weights_row: int) -> str:
    """The Excel formula of an internal node's score in `row`, over its (contiguous) children's cells
    and the weights in `weights_row`; equal to the engine's aggregation, missing children included."""
    kids = fw.children[code]
    cols = [get_column_letter(col_of[k]) for k in kids]
    X = f"{cols[0]}{row}:{cols[-1]}{row}"
    W = f"{cols[0]}${weights_row}:{cols[-1]}${weights_row}"
    den = f"SUMPRODUCT(--ISNUMBER({X}),{W})"
    # the engine's rule: at least one child, and a share >= node_min_coverage (1e-9 slack)
    need = max(1, math.ceil(min_coverage * len(kids) - 1e-9))
    ok = f"AND(COUNT({X})>={need},{den}>0)"
    if method == "arithmetic":
        return f'=IF({ok},SUMPRODUCT({X},{W})/{den},"")'
    cells = [(f"{c}{row}", f"{c}${weights_row}") for c in cols]
    zero = "+".join(f"IF(ISNUMBER({x}),({x}=0)*({w}>0),0)" for x, w in cells)
    neg = "+".join(f"IF(ISNUMBER({x}),({x}<0)*({w}>0),0)" for x, w in cells)
    if method == "geometric":
        logs = "+".join(f"IF(ISNUMBER({x}),IF({x}>0,{w}*LN({x}),0),0)" for x, w in cells)
        value = f"EXP(({logs})/{den})"
    elif method == "harmonic":
        inv = "+".join(f"IF(ISNUMBER({x}),IF({x}>0,{w}/{x},0),0)" for x, w in cells)
        value = f"{den}/({inv})"
    else:
        raise ValueError(f"no formula for aggregation {method!r}")
    return f'=IF({ok},IF(({neg})>0,"",IF(({zero})>0,0,{value})),"")'


def _write_live_scores(b: _Book) -> None:
    T, fw, r = b.T, b.fw, b.r
    ws = b.sheet("live_scores")
    codes = b.live_codes
    col_of = {c: 2 + j for j, c in enumerate(codes)}
    wsheet = quote_sheetname(b.names["live_weights"])
    isheet = quote_sheetname(b.names["indicators"])
    leaf_col = {c: 3 + j for j, c in enumerate(fw.leaves)}  # in the indicator sheet
    note = T["live_scores_note"].format(indicators=b.names["indicators"], weights=b.names["live_weights"])
    _note(ws, 1, note, min(len(codes) + 1, 12))
    _header(ws, 2, [T["unit"]] + [b.label(c) for c in codes])
    ws.set(3, 1, T["weights_row"], BOLD)
    for c in codes:
        ws.formula(3, col_of[c], f"={wsheet}!$E${b.live_wrow[c]}",
                   {"num_format": WEIGHT_FMT, "italic": True, "color": "7F7F7F"})
    s = r.settings
    agg = {c: fw.aggregation_of(c, s.aggregation) for c in codes if not fw.is_leaf(c)}
    fmt = {"num_format": b.fmt}
    for k, i in enumerate(b.order):
        row, irow = 4 + k, 2 + k  # the indicator sheet lists the units in the same order
        ws.set(row, 1, r.units[i])
        for c in codes:
            if fw.is_leaf(c):
                ref = f"{isheet}!{get_column_letter(leaf_col[c])}{irow}"
                f = f'=IF(ISNUMBER({ref}),{ref},"")'
            else:
                f = node_formula(fw, c, row, col_of, agg[c], s.node_min_coverage, 3)
            ws.formula(row, col_of[c], f, fmt)
    _fit_columns(ws, 2)
    for c in codes:
        ws.widths[col_of[c]] = max(11, ws.widths.get(col_of[c], 0))
    _print_setup(b, ws, (2, 3), "B4")


def _write_live_ranking(b: _Book) -> None:
    T = b.T
    ws = b.sheet("live_ranking")
    n = len(b.order)
    ssheet = quote_sheetname(b.names["live_scores"])
    note = T["live_ranking_note"].format(weights=b.names["live_weights"])
    _note(ws, 1, note, 9)
    _header(ws, 2, [T["unit"], T["score"], T["rank"], T["helper"], T["helper"]])
    _header(ws, 2, [T["position"], T["unit"], T["score"], T["rank"]], 7)
    first, last = 3, 2 + n
    rng = lambda col: f"{col}${first}:{col}${last}"  # noqa: E731
    fmt, rk = {"num_format": b.fmt}, {"num_format": RANK_FMT, **CENTER}
    for k, i in enumerate(b.order):
        row = first + k
        ws.set(row, 1, b.r.units[i])
        src = f"{ssheet}!B{4 + k}"
        ws.formula(row, 2, f'=IF(ISNUMBER({src}),{src},"")', fmt)
        ws.formula(row, 3, f'=IF(ISNUMBER(D{row}),RANK(D{row},{rng("D")},0),"")', rk)
        ws.formula(row, 4, f'=IF(ISNUMBER(B{row}),ROUND(B{row},9),"")')
        ws.formula(row, 5, f'=IF(ISNUMBER(C{row}),C{row}+ROW()/10000000,"")')
        ws.set(row, 7, k + 1, CENTER)
        pick = f"MATCH(SMALL({rng('E')},G{row}),{rng('E')},0)"
        ws.formula(row, 8, f'=IF(G{row}<=COUNT({rng("E")}),INDEX({rng("A")},{pick}),"")')
        ws.formula(row, 9, f'=IF(G{row}<=COUNT({rng("E")}),INDEX({rng("B")},{pick}),"")', fmt)
        ws.formula(row, 10, f'=IF(G{row}<=COUNT({rng("E")}),INDEX({rng("C")},{pick}),"")', rk)
    _fit_columns(ws, 2)
    for col, w in ((2, 11), (3, 7), (6, 3), (7, 7), (9, 11), (10, 7)):
        ws.widths[col] = w
    for col in (1, 8):
        ws.widths[col] = max(ws.widths.get(col, 0), 12)
    ws.hidden_cols |= {4, 5}
    _print_setup(b, ws, (2, 2), "A3")


def _write_extra(b: _Book, name: str, rows: Sequence[Sequence[Any]]) -> None:
    ws = b.sheet("extra:" + name, name)
    rows = list(rows)
    if rows:
        _header(ws, 1, list(rows[0]))
        for k, row in enumerate(rows[1:], start=2):
            ws.write_row(k, list(row))
    _finish(b, ws, "A2")


IMAGE_MAX_WIDTH = 1000  # px as placed on the sheet (a 2× export is shown at half its size)


def _write_image(b: _Book, name: str, path: Path) -> None:
    """A sheet holding one picture at A1, shown at most IMAGE_MAX_WIDTH pixels wide (the file itself
    is embedded at full resolution, for print), fitted to one landscape page."""
    from PIL import Image  # Pillow, a runtime dependency

    ws = b.sheet("image:" + name, name)
    with Image.open(path) as im:
        width, _ = im.size
        dpi = im.info.get("dpi", (96, 96))[0] or 96
    shown = width * 96.0 / float(dpi)  # XlsxWriter places the picture at its stated resolution
    scale = min(1.0, IMAGE_MAX_WIDTH / shown) if shown > 0 else 1.0
    ws.images.append((1, 1, str(path), {"x_scale": scale, "y_scale": scale, "object_position": 1}))
    ws.gridlines = False
    ws.landscape = True
    ws.fit_width, ws.fit_height = 1, 1
    ws.header_text = f"&L{_hf(b.book_title)}&R&A"
    ws.footer_text = f"&LCityIndex Studio&R{b.T['page']}"


# --- scenarios and weight notes ------------------------------------------------------------
def _write_scenarios(b: _Book) -> None:
    """Each unit's rank under the current weights and under each scenario (Result.reweight)."""
    from core.model.scenarios import ranks_under

    T, r = b.T, b.r
    ws = b.sheet("scenarios")
    names = [str(s["name"]) for s in b.scenarios]
    current = f"{T['rank']}（{T['current']}）" if b.lang == "zh" else f"{T['rank']} ({T['current']})"
    _header(ws, 1, [T["unit"], current] + [T["rank_under"].format(name=n) for n in names])
    under = [ranks_under(r, s) for s in b.scenarios]
    rk = {"num_format": RANK_FMT, **CENTER}
    for k, i in enumerate(b.order, start=2):
        u = r.units[i]
        ws.set(k, 1, u)
        for j, v in enumerate([b.rank_of(i)] + [ranks[u] for ranks in under]):
            ws.set(k, 2 + j, v, rk)
    _finish(b, ws, "C2")


def _write_scenario_weights(b: _Book) -> None:
    """Each node's local weight under the current weights and under each scenario."""
    from core.model.scenarios import local_weights_under

    T, fw = b.T, b.fw
    ws = b.sheet("scenario_weights")
    names = [str(s["name"]) for s in b.scenarios]
    current = f"{T['local']}（{T['current']}）" if b.lang == "zh" else f"{T['local']} ({T['current']})"
    _header(ws, 1, [T["code"], T["name"], T["level"], current] + [T["weight_under"].format(name=n) for n in names])
    ws.write_row(2, [None, T["created"], None, None] + [str(s.get("created", "")) for s in b.scenarios])
    ws.style(2, 2, bold=True)
    local = [local_weights_under(fw, s) for s in b.scenarios]
    codes = [c for c in fw.preorder() if c != fw.root]
    w = {"num_format": WEIGHT_FMT}
    for k, c in enumerate(codes, start=3):
        ws.set(k, 1, c)
        ws.set(k, 2, b.name(c), {"indent": fw.level(c) - 1})
        ws.set(k, 3, fw.level(c), CENTER)
        for j, v in enumerate([b.r.local[c]] + [lw[c] for lw in local]):
            ws.set(k, 4 + j, v, w)
    _finish(b, ws, "C3")


SHEETS = (_write_ranking, _write_levels, _write_indicators, _write_index, _write_weights, _write_raw,
          _write_treated, _write_methods, _write_quality, _write_changes)
LIVE_SHEETS = (_write_live_weights, _write_live_scores, _write_live_ranking)

