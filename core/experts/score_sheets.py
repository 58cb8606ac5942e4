"""Expert score sheets: sheets out, filled sheets in, merged per city and indicator.

Some indicators have no statistic behind them: a panel judges them. In the framework such an
indicator has `scored_by` = `expert`, a scale (`scale_min`–`scale_max`, default 0–100) and a
short `guidance` text for the experts.

- `write_score_sheet(framework, units, expert, path)` writes one expert's workbook, atomically:
  a first sheet `说明` (in Chinese: the expert's name, the framework's fingerprint, the
  indicators with their scale and guidance, how to fill in), a sheet `评分` with the cities as
  rows and the expert-scored indicators as columns (row 1 the codes, row 2 the names and scales,
  then one row per city), data validation on every score cell (only numbers within that
  indicator's scale), an optional `备注` column for a comment per city, every other cell locked
  (sheet protection without a password), and a very hidden sheet `_sent` recording the cities
  and indicators that went out.
- `read_score_sheet(path, framework, units)` → (ScoreSheet or None, problems). Every problem
  names the expert, the file, the sheet and the cell ("C7"). A sheet with any error — a score
  outside the scale, text where a score goes, a city or an indicator that was not on the sheet
  that went out, a missing expert name, a sheet missing — is not used (None); the caller merges
  the others. Numbers typed as text ("8") are read with a warning; an empty cell means "not
  scored" (never 0).
- `read_score_sheets(paths, framework, units)` reads many at once and refuses every sheet of an
  expert who appears twice (the files are named; neither is used).
- `merge_scores(sheets, framework, rule, trim)`: per indicator and city the scores of the
  experts who scored it, merged by `mean`, `median` or `trimmed` (drop the `trim` highest and
  the `trim` lowest scores, then the mean: the rule of Chinese panels, "去掉一个最高分和一个最低
  分", trim = 1 by default; raise it for a large panel). A trimmed mean needs more than 2·trim
  scores: a panel of 2·trim experts or fewer is refused (ValueError); a single cell with too few
  scores gets no value and a warning. Per indicator the agreement figures of `core.experts.agreement`
  (Kendall's W and its test, ICC(2,k)/ICC(3,k)), per expert the deviation flags. The result is
  a plain JSON-able dict (see `merge_scores`).
- `merged_values(result)`, `workbook_with_scores(input, output, values)`,
  `project_with_scores(project, values)`: the merged values as data.

The first sheet, the fingerprint, opening a returned file and the folder of sheets are shared with
the weight forms (`core.experts.forms`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from core.experts.agreement import ICC_NAMES, expert_deviation, icc, kendall_w, others_mean, pooled_deviation
from core.experts.forms import (
    EXPERT_KEYS,
    FP_KEYS,
    INFO_SHEETS,
    KEY_DATE,
    KEY_EXPERT,
    KEY_FINGERPRINT,
    KEY_FRAMEWORK,
    ReturnedForm,
    bold,
    box,
    col_letter,
    framework_fingerprint,
    numbered_path,
    open_form,
    write_info_sheet,
    write_per_expert,
)
from core.model.dataset import parse_number
from core.model.framework import Framework
from core.model.problems import ProblemList
from core.model.table import Table, is_blank
from core.model.table import cell_text as _text

SCORE_SHEETS = ("评分", "scores", "score")
SENT_SHEET = "_sent"
KIND = "专家评分表"
KEY_KIND = "表格类型"
KEY_INDICATORS = "评分指标"
KEY_UNITS = "城市数"
UNIT_HEADER = "城市"
COMMENT_HEADER = "备注"
NAME_ROW_LABEL = "指标名称（分值范围）"
_COMMENT_HEADERS = {COMMENT_HEADER.casefold(), "comment", "comments", "备注说明", "评语"}
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\r\n\t]+')

RULES = ("mean", "median", "trimmed")
DEFAULT_RULE = "trimmed"
DEFAULT_TRIM = 1


def expert_indicators(fw: Framework) -> list[str]:
    """The expert-scored indicators, in framework order."""
    return [c for c in fw.leaves if fw.nodes[c].expert_scored]


def sheet_file_name(expert: str) -> str:
    safe = _BAD_FILE_CHARS.sub("_", expert).strip(" .") or "expert"
    return f"{safe}_评分表.xlsx"


# ---------------------------------------------------------------------------------------- writing

def _instructions(rule_hint: str) -> list[str]:
    return [
        "填写说明",
        "1. 本表用于专家对下列无统计数据的指标逐个城市评分。请在“评分”表的白色单元格中填写分数，"
        "每个单元格只能填写该指标分值范围内的数字（可含小数）。",
        "2. 各指标的分值范围与评分说明见下表。请依据评分说明独立评分。",
        "3. 无法判断的城市可留空：留空表示不评分，不会按 0 分计算。",
        "4. “备注”列可填写对该城市评分的简要说明（选填）。",
        "5. 请勿修改城市名称、指标代码、表名和本页的专家信息；其他单元格已锁定。"
        "填写完成后保存为 .xlsx 文件并交回秘书处。",
        f"6. 汇总方法：{rule_hint}",
    ]


def _fmt_num(x: float) -> str:
    return f"{x:g}"


def write_score_sheet(framework: Framework, units: Sequence[str], expert: str, path: str | Path,
                      indicators: Sequence[str] | None = None, comments: bool = True,
                      rule_hint: str = "去掉一个最高分和一个最低分后取平均（截尾均值）。") -> None:
    """Write one expert's score sheet (see the module docstring), atomically."""
    from openpyxl import Workbook

    from core.files.atomic import atomic_path

    fw = framework
    expert = (expert or "").strip()
    if not expert:
        raise ValueError("an expert's name is needed for a score sheet")
    codes = _checked_indicators(fw, indicators)
    units = [str(u) for u in units]
    if not units:
        raise ValueError("there are no cities to score")
    wb = Workbook()
    _write_info_sheet(wb.active, fw, expert, codes, units, rule_hint)
    _write_scores_sheet(wb.create_sheet(SCORE_SHEETS[0]), fw, codes, units, comments)
    _write_sent_sheet(wb.create_sheet(SENT_SHEET), codes, units)
    wb.active = 1
    with atomic_path(path) as tmp:
        wb.save(tmp)


def _checked_indicators(fw: Framework, indicators: Sequence[str] | None) -> list[str]:
    """The indicators a sheet asks about (`indicators`, or every expert-scored one); ValueError if none
    or one is not an expert-scored indicator."""
    codes = list(indicators) if indicators is not None else expert_indicators(fw)
    bad = [c for c in codes if c not in fw.nodes or not fw.nodes[c].expert_scored or not fw.is_leaf(c)]
    if bad:
        raise ValueError(f"not expert-scored indicators of the framework: {', '.join(bad)}")
    if not codes:
        raise ValueError("the framework has no expert-scored indicator (a framework row with scored_by = expert)")
    return codes


def _head_fill() -> Any:
    from openpyxl.styles import PatternFill
    return PatternFill("solid", fgColor="D9E1F2")


def _write_info_sheet(ws: Any, fw: Framework, expert: str, codes: list[str], units: list[str],
                      rule_hint: str) -> None:
    """The first sheet: who, which framework, what to score; how to fill in; each indicator's scale
    and guidance. Locked."""
    from openpyxl.styles import Alignment

    ws.title = INFO_SHEETS[0]
    root = fw.nodes[fw.root]
    pairs = [
        [KEY_EXPERT, expert],
        [KEY_KIND, KIND],
        [KEY_FRAMEWORK, f"{root.code} {root.name_zh}".strip()],
        [KEY_FINGERPRINT, framework_fingerprint(fw)],
        [KEY_INDICATORS, ", ".join(codes)],
        [KEY_UNITS, len(units)],
        [KEY_DATE, dt.date.today().isoformat()],
    ]
    instructions = _instructions(rule_hint)
    table: list[list[Any]] = [["代码", "指标名称", "分值范围", "评分说明", "英文名称"]]
    for c in codes:
        n = fw.nodes[c]
        lo, hi = n.scale
        table.append([c, n.name_zh, f"{_fmt_num(lo)}–{_fmt_num(hi)}", n.guidance, n.name_en])
    first = write_info_sheet(ws, "CityIndex Studio 专家评分表", pairs, [*[[line] for line in instructions], [], *table])
    table_head = first + len(instructions) + 1
    head_fill = _head_fill()
    for j in range(1, 6):
        ws.cell(row=table_head, column=j).font = bold()
        ws.cell(row=table_head, column=j).fill = head_fill
    for r in range(table_head + 1, table_head + 1 + len(codes)):
        ws.cell(row=r, column=4).alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in zip("ABCDE", (16, 30, 12, 60, 30)):
        ws.column_dimensions[col].width = width
    ws.protection.sheet = True


def _write_scores_sheet(ws: Any, fw: Framework, codes: list[str], units: list[str], comments: bool) -> None:
    """The cities as rows, the indicators as columns (codes, then names and scales), every score cell
    open and validated against its scale, the rest locked."""
    from openpyxl.styles import Alignment, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    from core.files.xlsx import write_row

    header = [UNIT_HEADER, *codes] + ([COMMENT_HEADER] if comments else [])
    names = [NAME_ROW_LABEL]
    for c in codes:
        n = fw.nodes[c]
        lo, hi = n.scale
        names.append(f"{n.name_zh or n.code}（{_fmt_num(lo)}–{_fmt_num(hi)}）")
    if comments:
        names.append("选填")
    write_row(ws, 1, header)
    write_row(ws, 2, names)
    head_fill, frame = _head_fill(), box()
    for j in range(1, len(header) + 1):
        for r in (1, 2):
            cell = ws.cell(row=r, column=j)
            cell.font = bold()
            cell.fill = head_fill
            cell.border = frame
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    input_fill = PatternFill("solid", fgColor="FFFFFF")
    locked_fill = PatternFill("solid", fgColor="F2F2F2")
    unlocked = Protection(locked=False)
    for i, u in enumerate(units):
        r = 3 + i
        write_row(ws, r, [u])
        ws.cell(row=r, column=1).fill = locked_fill
        ws.cell(row=r, column=1).border = frame
        for j in range(2, len(header) + 1):
            cell = ws.cell(row=r, column=j)
            cell.protection = unlocked
            cell.fill = input_fill
            cell.border = frame
            if comments and j == len(header):
                cell.number_format = "@"
                cell.alignment = Alignment(wrap_text=True)
    _add_scale_validations(ws, fw, codes, last=2 + len(units))
    ws.column_dimensions["A"].width = 16
    if comments:
        ws.column_dimensions[get_column_letter(len(header))].width = 40
    ws.row_dimensions[2].height = 45
    ws.freeze_panes = "B3"
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # the expert may widen columns
    ws.protection.formatRows = False


def _add_scale_validations(ws: Any, fw: Framework, codes: list[str], last: int) -> None:
    """Each indicator's column (rows 3…`last`) accepts only numbers within its scale."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for j, c in enumerate(codes, start=2):
        lo, hi = fw.nodes[c].scale
        letter = get_column_letter(j)
        dv = DataValidation(type="decimal", operator="between", formula1=repr(float(lo)), formula2=repr(float(hi)),
                            allow_blank=True, showErrorMessage=True, showInputMessage=True,
                            errorTitle="分值超出范围",
                            error=f"请填写 {_fmt_num(lo)}–{_fmt_num(hi)} 之间的数字",
                            promptTitle=c[:32], prompt=f"{fw.nodes[c].name_zh}：{_fmt_num(lo)}–{_fmt_num(hi)}"[:255])
        dv.add(f"{letter}3:{letter}{last}")
        ws.add_data_validation(dv)
        ws.column_dimensions[letter].width = 14


def _write_sent_sheet(ws: Any, codes: list[str], units: list[str]) -> None:
    """What went out, very hidden: read back to check the returned sheet."""
    from core.files.xlsx import write_row

    write_row(ws, 1, ["kind", "value"])
    r = 2
    for c in codes:
        write_row(ws, r, ["indicator", c])
        r += 1
    for u in units:
        write_row(ws, r, ["unit", u])
        r += 1
    ws.sheet_state = "veryHidden"


def write_score_sheets(framework: Framework, units: Sequence[str], experts: Sequence[str], folder: str | Path,
                       overwrite: bool = True, **kwargs: Any) -> list[Path]:
    """One sheet per expert in `folder` (created if needed); names must be distinct and non-empty.

    With `overwrite=False` an existing file is kept and the new one gets a number.
    """
    names = [e.strip() for e in experts]
    if not names or any(not n for n in names):
        raise ValueError("give every expert a name")
    seen: dict[str, str] = {}
    for n in names:
        if n.casefold() in seen:
            raise ValueError(f"the expert '{n}' is named twice; each expert gets one sheet")
        seen[n.casefold()] = n

    def path_for(folder: Path, name: str) -> Path:
        path = folder / sheet_file_name(name)
        return path if overwrite else numbered_path(path)

    return write_per_expert(names, folder, path_for,
                            lambda name, path: write_score_sheet(framework, units, name, path, **kwargs))


# ---------------------------------------------------------------------------------------- reading

@dataclass
class ScoreSheet:
    """One expert's usable scores."""

    expert: str
    file: str
    sheet: str
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # code -> {unit: score}
    cells: dict[str, dict[str, str]] = field(default_factory=dict)  # code -> {unit: "C7"}
    comments: dict[str, str] = field(default_factory=dict)  # unit -> comment

    @property
    def n_scores(self) -> int:
        return sum(len(v) for v in self.scores.values())


def _sent(tables: dict[str, Table]) -> tuple[list[str], list[str]] | None:
    t = tables.get(SENT_SHEET)
    if t is None:
        return None
    codes, units = [], []
    for r in t.rows:
        kind, value = _text(r[0] if r else None), r[1] if len(r) > 1 else None
        if kind == "indicator":
            codes.append(_text(value))
        elif kind == "unit":
            units.append(_text(value) if not isinstance(value, str) else value.strip())
    return codes, units


def read_score_sheet(path: str | Path, framework: Framework,
                     units: Sequence[str] | None = None) -> tuple[ScoreSheet | None, ProblemList]:
    """Read one returned score sheet; (None, problems) when it cannot be used (module docstring).

    `units`: the cities of the project (a score for a city no longer in it is ignored with a
    warning). The indicators and cities a sheet may hold are those recorded as sent in it
    (else the framework's expert-scored indicators and `units`).
    """
    from core.files.readers import find_sheet

    fw = framework
    problems = ProblemList()
    rf = open_form(path, problems)
    if rf is None:
        return None, problems
    expert = rf.expert()
    rd = _Reading(rf.file, expert, problems)
    _check_identity(rf, fw, rd)
    t = find_sheet(rf.tables, *SCORE_SHEETS)
    if t is None:
        problems.error("score_missing_sheet", f"{rd.who}: there is no '{SCORE_SHEETS[0]}' sheet; sheets found: "
                       f"{rf.sheet_names or 'none'}", file=rd.file, args=rd.ex or None)
        return None, problems
    sent = _sent(rf.tables)
    sent_codes, sent_units = sent if sent else (expert_indicators(fw), list(units or []))
    col_of, comment_col = _read_header(t, fw, set(sent_codes), rd)
    sheet = ScoreSheet(expert, rd.file, t.sheet)
    seen_rows = _read_rows(t, fw, sheet, col_of, _usable_indicators(t, fw, col_of, rd), comment_col,
                           set(sent_units), set(units) if units is not None else None, rd)
    _check_what_went_out(t, sent_codes, sent_units, col_of, seen_rows, rd)
    if not problems.has_errors and sheet.n_scores == 0:
        problems.error("score_empty", f"{rd.who}: the sheet holds no score (was it filled in and saved?)",
                       file=rd.file, sheet=t.sheet, args=rd.ex or None)
    if problems.has_errors:
        return None, problems
    return sheet, problems


@dataclass
class _Reading:
    """One returned sheet being read: its file, its expert, where its problems go."""

    file: str
    expert: str
    problems: ProblemList

    @property
    def who(self) -> str:
        """How every message names the sheet: 'expert 张三', else by its file."""
        return f"expert {self.expert}" if self.expert else f"sheet file {self.file}"

    @property
    def ex(self) -> dict:
        """What every problem of this sheet carries (core.text.problem_texts)."""
        return {"expert": self.expert} if self.expert else {}


def _check_identity(rf: ReturnedForm, fw: Framework, rd: _Reading) -> None:
    """The first sheet is there and names the expert (errors); it was made for this framework (a warning:
    the codes are matched one by one)."""
    who, ex, problems = rd.who, rd.ex, rd.problems
    if rf.info_table is None:
        problems.error("score_no_info", f"{who}: there is no '{INFO_SHEETS[0]}' sheet, so the expert's name is "
                       f"unknown; sheets found: {rf.sheet_names or 'none'}", file=rd.file, args=ex or None)
    elif not rd.expert:
        name = rf.get(EXPERT_KEYS)
        row = name[1] if name else None
        where = f"cell B{row}" if row else f"a '{KEY_EXPERT}' row"
        problems.error("score_no_expert", f"{who}: the expert's name is missing ({where} of sheet "
                       f"'{rf.info_table.sheet}' is empty); write the name there and import the sheet again",
                       file=rd.file, sheet=rf.info_table.sheet, row=row, column="B", args=ex or None)
    fp = rf.get(FP_KEYS)
    ours = framework_fingerprint(fw)
    if fp and fp[0] and fp[0] != ours:
        problems.warning("score_other_framework", f"{who}: the sheet was made for a framework with fingerprint "
                         f"{fp[0]} (this one's is {ours}); the codes are matched one by one", file=rd.file,
                         sheet=rf.info_sheet, row=fp[1], column="B", value=fp[0], args=dict(ex, ours=ours))


def _read_header(t: Table, fw: Framework, sent_codes: set[str], rd: _Reading) -> tuple[dict[str, int], int | None]:
    """The indicator columns (code → 0-based column) and the comment column, if any; a column that was
    not on the sheet that went out, has scores but no code, or repeats a code is an error."""
    who, ex, problems, fname, sh, hr = rd.who, rd.ex, rd.problems, rd.file, t.sheet, t.header_row
    col_of: dict[str, int] = {}
    comment_col = None
    for j, h in enumerate(t.header):
        if j == 0:
            continue
        text = _text(h)
        ref = f"{col_letter(j)}{hr}"
        if not text:
            if any(not is_blank(r[j]) for r in t.rows if j < len(r)):
                problems.error("score_unknown_indicator", f"{who}: column {col_letter(j)} has scores but no "
                               f"indicator code in cell {ref}", file=fname, sheet=sh, row=hr, column=col_letter(j),
                               args=dict(ex, variant="no_code"))
            continue
        if text.casefold() in _COMMENT_HEADERS:
            comment_col = j
            continue
        if text not in sent_codes:
            known = " (an indicator of the framework, but not one scored on this sheet)" if text in fw.nodes else ""
            problems.error("score_unknown_indicator", f"{who}: cell {ref} names indicator '{text}', which was not "
                           f"on the sheet that went out{known}", file=fname, sheet=sh, row=hr, column=text,
                           value=text, args=ex or None)
            continue
        if text in col_of:
            problems.error("score_duplicate_indicator", f"{who}: indicator '{text}' has two columns "
                           f"({col_letter(col_of[text])} and {col_letter(j)}, cell {ref})", file=fname, sheet=sh,
                           row=hr, column=text, value=text, code=text, args=ex or None)
            continue
        col_of[text] = j
    return col_of, comment_col


def _usable_indicators(t: Table, fw: Framework, col_of: dict[str, int], rd: _Reading) -> dict[str, int]:
    """The columns whose indicator is still scored by experts (a warning for the others)."""
    usable = {}
    for code, j in col_of.items():
        if code not in fw.nodes or not fw.nodes[code].expert_scored:
            rd.problems.warning("score_not_expert_scored", f"{rd.who}: indicator '{code}' (column {col_letter(j)}) "
                                "is no longer scored by experts in this framework; its scores are ignored",
                                file=rd.file, sheet=t.sheet, row=t.header_row, column=code, code=code,
                                args=rd.ex or None)
            continue
        usable[code] = j
    return usable


def _read_rows(t: Table, fw: Framework, sheet: ScoreSheet, col_of: dict[str, int], usable: dict[str, int],
               comment_col: int | None, sent_units: set[str], project_units: set[str] | None,
               rd: _Reading) -> dict[str, int]:
    """Each city's row into `sheet` (scores, their cells, the comment); returns city → Excel row."""
    who, ex, problems, fname, sh = rd.who, rd.ex, rd.problems, rd.file, t.sheet
    seen_rows: dict[str, int] = {}
    for i, r in enumerate(t.rows):
        row = t.excel_row(i)
        if all(is_blank(v) for v in r):
            continue
        first = r[0] if r else None
        unit = first.strip() if isinstance(first, str) else _text(first)
        if unit == NAME_ROW_LABEL or (i == 0 and unit.startswith("指标名称")):
            continue
        if not unit:
            problems.error("score_unknown_unit", f"{who}: row {row} has scores but no city name (cell A{row})",
                           file=fname, sheet=sh, row=row, column="A", args=dict(ex, variant="no_name"))
            continue
        if unit not in sent_units:
            problems.error("score_unknown_unit", f"{who}: cell A{row} names city '{unit}', which was not on the "
                           "sheet that went out", file=fname, sheet=sh, row=row, column=t.header[0] or "A",
                           value=unit, unit=unit, args=ex or None)
            continue
        if unit in seen_rows:
            problems.error("score_duplicate_unit", f"{who}: city '{unit}' appears again in cell A{row} (first in "
                           f"A{seen_rows[unit]})", file=fname, sheet=sh, row=row, column=t.header[0] or "A",
                           value=unit, unit=unit, args=ex or None)
            continue
        seen_rows[unit] = row
        in_project = project_units is None or unit in project_units
        for code, j in col_of.items():
            num, ref = _read_score(r, row, j, unit, code, fw, rd, sh)
            if num is not None and code in usable and in_project:
                sheet.scores.setdefault(code, {})[unit] = num
                sheet.cells.setdefault(code, {})[unit] = ref
        if comment_col is not None and comment_col < len(r) and not is_blank(r[comment_col]):
            sheet.comments[unit] = _text(r[comment_col])
        if not in_project:
            problems.warning("score_unit_gone", f"{who}: city '{unit}' (cell A{row}) is no longer in the project; "
                             "its scores are ignored", file=fname, sheet=sh, row=row, column="A", unit=unit,
                             args=ex or None)
    return seen_rows


def _read_score(r: list, row: int, j: int, unit: str, code: str, fw: Framework, rd: _Reading,
                sh: str) -> tuple[float | None, str]:
    """One score cell: (the number, or None when empty or wrong — the problem added; its cell 'C7')."""
    who, ex, problems = rd.who, rd.ex, rd.problems
    v = r[j] if j < len(r) else None
    ref = f"{col_letter(j)}{row}"
    where = dict(file=rd.file, sheet=sh, row=row, column=code, value=v, unit=unit, code=code,
                 args=dict(ex, cell=ref))
    num, issue = parse_number(v)
    if issue == "bad":
        problems.error("score_not_a_number", f"{who}: cell {ref} ({unit}, {code}) holds '{v}', which is "
                       "not a score; write a number or leave the cell empty", **where)
        return None, ref
    if num is None:
        return None, ref
    node = fw.nodes.get(code)
    lo, hi = node.scale if node is not None else (-math.inf, math.inf)
    if not lo <= num <= hi:
        problems.error("score_outside_scale", f"{who}: cell {ref} ({unit}, {code}) holds {num:g}, outside "
                       f"the scale {lo:g}–{hi:g}",
                       **dict(where, args=dict(ex, cell=ref, lo=f"{lo:g}", hi=f"{hi:g}")))
        return None, ref
    if issue == "text":
        problems.warning("score_as_text", f"{who}: cell {ref} ({unit}, {code}) holds the number {num:g} "
                         "as text; read as a number", **where)
    return num, ref


def _check_what_went_out(t: Table, sent_codes: list[str], sent_units: list[str], col_of: dict[str, int],
                         seen_rows: dict[str, int], rd: _Reading) -> None:
    """Warnings for the cities and the indicator columns that went out and did not come back."""
    who, ex, problems, fname, sh = rd.who, rd.ex, rd.problems, rd.file, t.sheet
    missing = [u for u in sent_units if u not in seen_rows]
    if missing:
        problems.warning("score_unit_missing", f"{who}: {len(missing)} cit{'y' if len(missing) == 1 else 'ies'} of "
                         f"the sheet that went out {'is' if len(missing) == 1 else 'are'} not on it: "
                         + ", ".join(missing[:10]) + ("…" if len(missing) > 10 else ""), file=fname, sheet=sh,
                         args=dict(ex, n=len(missing),
                                   units=", ".join(missing[:10]) + ("…" if len(missing) > 10 else "")))
    lost = [c for c in sent_codes if c not in col_of]
    if lost:
        problems.warning("score_indicator_missing", f"{who}: the column(s) of {', '.join(lost)} are not on the "
                         "sheet: no scores for them from this expert", file=fname, sheet=sh, row=t.header_row,
                         args=dict(ex, codes=", ".join(lost)))


def read_score_sheets(paths: Sequence[str | Path], framework: Framework, units: Sequence[str] | None = None
                      ) -> tuple[list[ScoreSheet], list[tuple[Path, ScoreSheet | None, ProblemList]]]:
    """Read many sheets; an expert who appears in two or more sheets has none of them used.

    Returns (usable sheets, [(path, sheet or None, problems)] for every path, in order).
    """
    read: list[tuple[Path, ScoreSheet | None, ProblemList]] = []
    for p in paths:
        s, problems = read_score_sheet(p, framework, units)
        read.append((Path(p), s, problems))
    by_name: dict[str, list[int]] = {}
    for i, (_p, s, _q) in enumerate(read):
        if s is not None:
            by_name.setdefault(s.expert.casefold(), []).append(i)
    for idxs in by_name.values():
        if len(idxs) < 2:
            continue
        files = [read[i][0].name for i in idxs]
        for i in idxs:
            p, s, q = read[i]
            others = ", ".join(f for f in files if f != p.name) or p.name
            q.error("score_duplicate_expert", f"expert {s.expert}: this expert also returned {others}; none of "
                    "their sheets is used until one is removed", file=p.name, sheet=INFO_SHEETS[0],
                    column="B", value=s.expert, args={"expert": s.expert, "others": others})
            read[i] = (p, None, q)
    return [s for _p, s, _q in read if s is not None], read


# ---------------------------------------------------------------------------------------- merging

def rule_mean(x: np.ndarray, trim: int = 0) -> tuple[float, list[int]]:
    return float(np.mean(x)), []


def rule_median(x: np.ndarray, trim: int = 0) -> tuple[float, list[int]]:
    return float(np.median(x)), []


def rule_trimmed(x: np.ndarray, trim: int = DEFAULT_TRIM) -> tuple[float, list[int]]:
    """Drop the `trim` lowest and `trim` highest scores (by position, ties by order), mean of the rest.

    Returns (value, positions dropped). Needs len(x) > 2·trim.
    """
    n = len(x)
    if trim < 0:
        raise ValueError("trim must be 0 or more")
    if 2 * trim >= n:
        raise ValueError(f"a trimmed mean dropping {trim} highest and {trim} lowest needs more than {2 * trim} "
                         f"scores; there are {n}")
    order = np.argsort(x, kind="stable")
    keep = order[trim:n - trim]
    dropped = sorted(int(i) for i in np.concatenate([order[:trim], order[n - trim:]]))
    return float(np.mean(x[keep])), dropped


MERGE_RULES: dict[str, Callable[[np.ndarray, int], tuple[float, list[int]]]] = {
    "mean": rule_mean, "median": rule_median, "trimmed": rule_trimmed,
}


def rule_text(rule: str, trim: int = DEFAULT_TRIM) -> str:
    if rule == "trimmed":
        return (f"trimmed mean (the {trim} highest and the {trim} lowest scores dropped)" if trim != 1 else
                "trimmed mean (the highest and the lowest score dropped)")
    return {"mean": "mean", "median": "median"}[rule]


def rule_text_zh(rule: str, trim: int = DEFAULT_TRIM) -> str:
    if rule == "trimmed":
        return ("去掉一个最高分和一个最低分后取平均（截尾均值）。" if trim == 1 else
                f"去掉 {trim} 个最高分和 {trim} 个最低分后取平均（截尾均值）。")
    return {"mean": "取全体专家评分的平均值。", "median": "取全体专家评分的中位数。"}[rule]


def check_rule(rule: str, trim: int, n_experts: int) -> None:
    """ValueError with a clear message when the rule cannot be applied to a panel of n experts."""
    if rule not in MERGE_RULES:
        raise ValueError(f"unknown merge rule '{rule}'; choose one of {', '.join(RULES)}")
    if rule == "trimmed":
        if trim < 0:
            raise ValueError("--trim must be 0 or more")
        if 2 * trim >= n_experts:
            raise TrimError(trim, n_experts)


class TrimError(ValueError):
    """A trimmed mean the panel cannot bear (2·trim ≥ the sheets that can be merged); says so in English
    (str) or in `lang` (text(lang), the sentence core.text.messages holds), naming the other rules."""

    def __init__(self, trim: int, n: int):
        self.trim, self.n = trim, n
        super().__init__(f"a trimmed mean dropping {trim} highest and {trim} lowest score(s) needs more than "
                         f"{2 * trim} experts; {n} sheet(s) can be merged. Use --rule mean or median, "
                         "or a smaller --trim")

    def text(self, lang: str) -> str:
        from core.text.messages import text
        return text("scores_trim_too_few", lang, trim=self.trim, need=2 * self.trim, n=self.n)


def merge_scores(sheets: Sequence[ScoreSheet], framework: Framework, rule: str = DEFAULT_RULE,
                 trim: int = DEFAULT_TRIM) -> dict:
    """Merge usable sheets per indicator and city; the agreement figures per indicator and expert.

    Returns a JSON-able dict::

        {"rule", "trim", "rule_text", "experts": [{"expert", "file", "sheet", "scores", "comments"}],
         "indicators": {code: {"name_zh", "name_en", "scale": [lo, hi], "experts": [names who scored it],
             "units": {unit: {"value" (None when too few scores), "n", "scores": {expert: score},
                              "dropped": [experts whose score was dropped], "cells": {expert: "C7"}}},
             "kendall_w", "chi2", "df", "p_value", "n_complete" (cities every one of them scored),
             "icc": {"icc2_1", "icc2_k", "icc3_1", "icc3_k", "f", "df1", "df2", "p_value", "n", "k", …},
             "deviation": {expert: {"cells", "bias", "bias_share", "r", "flags"}}}},
         "expert_summary": {expert: {"cells", "bias_share", "r", "flags", "file"}},
         "flags": [{"expert", "code" (or None: over all indicators), "flag", …}],
         "problems": [Problem dicts: cells left without a value],
         "icc_names": {...}}
    """
    check_rule(rule, trim, len(sheets))
    fw = framework
    problems = ProblemList()
    out: dict[str, Any] = {
        "rule": rule, "trim": trim if rule == "trimmed" else 0, "rule_text": rule_text(rule, trim),
        "experts": [{"expert": s.expert, "file": s.file, "sheet": s.sheet, "scores": s.n_scores,
                     "comments": dict(s.comments)} for s in sheets],
        "indicators": {}, "expert_summary": {}, "flags": [], "icc_names": dict(ICC_NAMES),
    }
    pooled: dict[str, list] = {s.expert: [] for s in sheets}
    for code in [c for c in expert_indicators(fw) if any(c in s.scores for s in sheets)]:
        scorers = [s for s in sheets if s.scores.get(code)]
        out["indicators"][code] = _merge_indicator(fw.nodes[code], scorers, rule, trim, problems, pooled,
                                                   out["flags"])
    for s in sheets:
        d = pooled_deviation(pooled[s.expert])
        out["expert_summary"][s.expert] = dict(d, file=s.file)
        for flag in d["flags"]:
            out["flags"].append({"expert": s.expert, "code": None, "flag": flag, "bias_share": d["bias_share"],
                                 "r": d["r"]})
    out["problems"] = [p.to_dict() for p in problems]
    return out


def _score_matrix(code: str, scorers: Sequence[ScoreSheet]) -> tuple[list[str], np.ndarray]:
    """The cities any scorer scored (in order of appearance) and their scores, city × expert, NaN = not scored."""
    units: list[str] = []
    for s in scorers:
        for u in s.scores[code]:
            if u not in units:
                units.append(u)
    X = np.full((len(units), len(scorers)), np.nan)
    for j, s in enumerate(scorers):
        for i, u in enumerate(units):
            X[i, j] = s.scores[code].get(u, np.nan)
    return units, X


def _merge_cell(u: str, code: str, x_row: np.ndarray, scorers: Sequence[ScoreSheet], rule: str, trim: int,
                problems: ProblemList) -> dict[str, Any]:
    """One city's merged value of one indicator, with its scores, cells and the experts dropped."""
    present = [j for j in range(len(scorers)) if not np.isnan(x_row[j])]
    entry: dict[str, Any] = {"value": None, "n": len(present),
                             "scores": {scorers[j].expert: float(x_row[j]) for j in present},
                             "dropped": [], "cells": {scorers[j].expert: scorers[j].cells[code][u] for j in present}}
    if rule == "trimmed" and len(present) <= 2 * trim:
        problems.warning("score_too_few", f"{u} / {code}: {len(present)} score(s); the trimmed mean "
                         f"dropping {trim} highest and {trim} lowest needs more than {2 * trim}: no merged "
                         "value", unit=u, code=code, value=len(present),
                         args={"trim": trim, "need": 2 * trim})
    else:
        value, dropped = MERGE_RULES[rule](x_row[present], trim)
        entry["value"] = value
        entry["dropped"] = [scorers[present[k]].expert for k in dropped]
    return entry


def _merge_indicator(node: Any, scorers: Sequence[ScoreSheet], rule: str, trim: int, problems: ProblemList,
                     pooled: dict[str, list], flags: list[dict]) -> dict[str, Any]:
    """One indicator: every city merged, the agreement figures, each expert's deviation (its flags
    added to `flags`, its scores against the others' mean to `pooled`)."""
    code = node.code
    lo, hi = node.scale
    units, X = _score_matrix(code, scorers)
    cells = {u: _merge_cell(u, code, X[i], scorers, rule, trim, problems) for i, u in enumerate(units)}
    kw = kendall_w(X)
    ic = icc(X)
    ic.pop("names", None)
    dev = expert_deviation(X, [s.expert for s in scorers], hi - lo)
    for j, s in enumerate(scorers):
        om = others_mean(X, j)
        ok = ~np.isnan(X[:, j]) & ~np.isnan(om)
        pooled[s.expert].append((X[ok, j], om[ok], hi - lo))
        for flag in dev[s.expert]["flags"]:
            flags.append({"expert": s.expert, "code": code, "flag": flag,
                          "bias_share": dev[s.expert]["bias_share"], "r": dev[s.expert]["r"]})
    return {
        "name_zh": node.name_zh, "name_en": node.name_en, "scale": [lo, hi],
        "experts": [s.expert for s in scorers], "units": cells,
        "kendall_w": kw["w"], "chi2": kw["chi2"], "df": kw["df"], "p_value": kw["p_value"],
        "n_complete": kw["n"], "icc": ic, "deviation": dev,
    }


def merged_values(result: dict) -> dict[tuple[str, str], float | None]:
    """(unit, code) -> merged value (None where too few scores), for the data."""
    return {(u, code): e["value"] for code, ind in result.get("indicators", {}).items()
            for u, e in ind["units"].items()}


def provenance(result: dict, code: str, unit: str) -> str:
    """One line on how a merged value was made: 'trimmed mean of 5 experts (张三, 李四 dropped)'."""
    e = result["indicators"][code]["units"][unit]
    text = f"{result['rule_text']} of {e['n']} expert score(s)"
    if e["dropped"]:
        text += f"; dropped: {', '.join(e['dropped'])}"
    return text


# ---------------------------------------------------------------------------------------- into the data

def table_with_values(table: Table, values: dict[tuple[str, str], float | None],
                      fw: Framework) -> tuple[Table, list[str]]:
    """A copy of a data table with `values` written in (a new column per indicator that has none).

    Returns (table, units not found in it). Cells of `None` values are emptied.
    """
    header = list(table.header)
    rows = [list(r) for r in table.rows]
    names = {fw.nodes[c].name_zh: c for c in fw.leaves if fw.nodes[c].name_zh}
    col_of: dict[str, int] = {}
    for j, h in enumerate(header[1:], start=1):
        t = _text(h)
        code = t if t in fw.nodes else names.get(t)
        if code and code not in col_of:
            col_of[code] = j
    row_of: dict[str, int] = {}
    for i, r in enumerate(rows):
        u = _text(r[0] if r else None)
        if u and u not in row_of:
            row_of[u] = i
    missing: list[str] = []
    for (u, code), v in values.items():
        if code not in col_of:
            col_of[code] = len(header)
            header.append(code)
        if u not in row_of:
            if u not in missing:
                missing.append(u)
            continue
        r = rows[row_of[u]]
        j = col_of[code]
        if len(r) <= j:
            r.extend([None] * (j + 1 - len(r)))
        r[j] = None if v is None else float(v)
    return Table(table.file, table.sheet, header, rows, table.header_row), missing


def project_with_scores(project, values: dict[tuple[str, str], float | None]):
    """The project with the merged values as data (its data table re-read, so checks stay true)."""
    from core.model.dataset import parse_data
    from core.model.project import PAIR_KINDS, Project
    from core.model.validate import validate_pair

    t = project.data_table
    if t is None:
        t = Table(project.data.file, project.data.sheet or "data",
                  [project.data.unit_header] + [str(c) for c in project.data.values.columns]
                  + [str(c) for c in project.data.groups.columns],
                  [[u] + [None if np.isnan(x) else float(x) for x in project.data.values.loc[u].to_numpy()]
                   + list(project.data.groups.loc[u]) for u in project.data.units])
    new, _missing = table_with_values(t, values, project.framework)
    problems = ProblemList([p for p in project.problems if p.sheet != t.sheet and p.kind not in PAIR_KINDS])
    ds = parse_data(new, project.framework, problems)
    validate_pair(project.framework, ds, project.settings, problems)
    return Project(project.framework, ds, project.settings, problems, project.source, new)


def workbook_with_scores(input_path: str | Path, output_path: str | Path,
                         values: dict[tuple[str, str], float | None], fw: Framework) -> list[str]:
    """Copy an input workbook with the merged values put into its data sheet (new columns
    appended for indicators that have none). Returns the units not found in the data sheet."""
    from openpyxl import load_workbook

    from core.files.atomic import atomic_path
    from core.files.loader import DATA_SHEETS
    from core.files.xlsx import write_row

    wb = load_workbook(input_path)
    by_name = {ws.title.strip().casefold(): ws for ws in wb.worksheets}
    ws = next((by_name[n.casefold()] for n in DATA_SHEETS if n.casefold() in by_name), None)
    if ws is None:
        raise ValueError(f"{Path(input_path).name}: no data/数据 sheet to put the scores into")
    header_row = next((r[0].row for r in ws.iter_rows() if any(c.value not in (None, "") for c in r)), 1)
    header = {}
    names = {fw.nodes[c].name_zh: c for c in fw.leaves if fw.nodes[c].name_zh}
    last_col = 0
    for c in ws[header_row]:
        if c.value in (None, ""):
            continue
        last_col = max(last_col, c.column)
        if c.column == 1:
            continue
        t = _text(c.value)
        code = t if t in fw.nodes else names.get(t)
        if code and code not in header:
            header[code] = c.column
    rows = {}
    for r in range(header_row + 1, ws.max_row + 1):
        v = ws.cell(row=r, column=1).value
        u = v.strip() if isinstance(v, str) else _text(v)
        if u and u not in rows:
            rows[u] = r
    missing = []
    for (u, code), v in values.items():
        if code not in header:
            last_col += 1
            header[code] = last_col
            write_row(ws, header_row, [code], start_col=last_col)
        if u not in rows:
            if u not in missing:
                missing.append(u)
            continue
        ws.cell(row=rows[u], column=header[code]).value = None if v is None else float(v)
    with atomic_path(output_path) as tmp:
        wb.save(tmp)
    return missing
