"""Expert panels: weight forms out, filled forms in, merged with consensus figures.

DESIGN §3 (expert forms) and §2 (AIJ / AIP, Kendall's W, coefficient of variation).

- `write_expert_form(framework, expert, path, nodes=None, round_no=1, lang="zh")` writes one form
  for one expert, atomically, in Chinese or English (FORM_TEXTS): a first sheet `说明` /
  `instructions` (the instructions, the expert's name, the round, the framework's code list
  fingerprint and the nodes covered), a `权重` / `weights` sheet for direct weights (every covered
  node's children with their parent, an empty weight column E), and one `判断矩阵-<code>` /
  `AHP-<code>` sheet per covered node with two or more children (child codes as row and column
  headers, diagonal 1, the lower triangle greyed, judgement cells limited by data validation to
  numbers 1/9 … 9 or text fractions like 1/3). Every sheet is protected without a password, only
  the weight column and the upper triangle open, as on the score sheets. The reader takes either
  language's names. `write_forms` writes one form per expert into a folder (the window and `python main.py forms`).
- `read_expert_form(path, framework)` → (ExpertForm or None, problems). Every problem names the
  expert, the file, the sheet and the cell. A form with any error (made for another framework,
  a missing sheet, a non-reciprocal pair, a zero or negative judgement, an unknown code, …) is
  not used (None); the caller merges the others.
- `merge_panel(forms, method)`: per node, `aij` (aggregation of individual judgements: the
  element-wise geometric mean of the experts' matrices, then the AHP weights of that matrix)
  or `aip` (aggregation of individual priorities: the arithmetic mean of the experts' weights).
  An expert who gave direct weights w for a node takes part in AIJ through the consistent
  matrix wᵢ/wⱼ (so AIJ over direct weights is their normalised geometric mean). Each expert's
  weights and CR are kept beside the merged ones, with Kendall's W (ties corrected) and its
  chi-square test, and per child the coefficient of variation (sample sd / mean), min, max and
  spread (max − min) of the experts' weights.

For each node, an expert's AHP sheet is used when it holds judgements; otherwise the expert's
direct weights for that node's children; an expert who gave neither is left out for that node.

The first sheet, the fingerprint, opening a returned file and the folder of forms are shared with
the score sheets (`core.experts.forms`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from core.analysis import stats
from core.experts.forms import (
    FP_KEYS,
    INFO_SHEETS,
    KEY_DATE,
    KEY_EXPERT,
    KEY_FINGERPRINT,
    KEY_FRAMEWORK,
    ReturnedForm,
    bold,
    box,
    framework_fingerprint,
    numbered_path,
    open_form,
    write_info_sheet,
    write_per_expert,
)
from core.model.framework import Framework, map_header
from core.model.problems import ProblemList
from core.model.table import Table, cell_number, is_blank
from core.model.table import cell_text as _text
from core.weighting.ahp import (
    AHP_METHODS,
    SCALE_LABELS_EN,
    SCALE_LABELS_ZH,
    ahp_weights,
    consistent_matrix,
    parse_pairwise,
)

WEIGHTS_SHEETS = ("权重", "weights")
AHP_PREFIX = "AHP-"
AHP_PREFIX_ZH = "判断矩阵-"
AHP_PREFIXES = (AHP_PREFIX_ZH, AHP_PREFIX)  # a form's pairwise sheets, as a Chinese or an English form names them
MERGE_METHODS = ("aij", "aip")

KEY_ROUND = "轮次"
KEY_NODES = "征询节点"
_ROUND_KEYS = (KEY_ROUND, "round", "delphi round")
_NODES_KEYS = (KEY_NODES, "nodes")


# ---------------------------------------------------------------------------------------- writing

# The texts of a form, in the language it is written in (the reader accepts either).
FORM_TEXTS = {
    "zh": {
        "info_sheet": "说明", "weights_sheet": "权重", "ahp_prefix": AHP_PREFIX_ZH,
        "title": "CityIndex Studio 专家权重征询表",
        "keys": (KEY_EXPERT, KEY_ROUND, KEY_FRAMEWORK, KEY_FINGERPRINT, KEY_NODES, KEY_DATE),
        "instructions": [
            "填写说明",
            "1. 本表用于征询您对指标权重的意见。可任选一种方式填写：在“权重”表中直接填写权重，"
            "或在各“判断矩阵-代码”表中进行两两比较（层次分析法）。同一节点两者都填写时，以两两比较为准。",
            "2. 直接赋权（“权重”表）：在“权重”列为每个节点的下级指标填写相对重要性（非负数）。"
            "同一上级下的权重无需加总为 1，系统会自动归一化；同一上级下请全部填写或全部留空。",
            "3. 两两比较（“判断矩阵-代码”表）：每张表对应一个上级指标，行与列为其下级指标代码。"
            "请只填写对角线右上方的白色单元格，表示“行指标”相对“列指标”的重要程度；"
            "灰色的左下方单元格请留空，系统会自动取倒数。",
            "4. 标度采用 Saaty 1–9 标度（见下表）。若“列指标”比“行指标”更重要，请填写倒数，"
            "如 1/3、1/5（以文本形式输入分数即可，也可填写小数 0.333）。",
            "5. 请勿修改指标代码、表名和本页的专家信息；填写完成后保存为 .xlsx 文件并交回。",
            "6. 判断矩阵的一致性比率 CR 应小于 0.10；汇总时系统会计算并提示不一致的判断。",
        ],
        "scale_head": ["标度", "含义"], "scale_labels": SCALE_LABELS_ZH,
        "reciprocal": "行指标不如列指标重要时，取上述标度的倒数",
        "weights_head": ["代码", "上级", "名称", "上级名称", "权重"],
        "weight_error": ("权重", "请填写非负数"),
        "corner": "行指标＼列指标",
        "judgement_error": ("判断值", "请填写 1–9 的整数或其倒数（如 1/3）"),
        "prompt": "{a} 相对 {b} 的重要程度：1–9 或 1/2–1/9",
        "legend": "{code} {name}：请填写右上方白色单元格（行指标相对列指标的重要程度），左下方灰色单元格留空。",
    },
    "en": {
        "info_sheet": "instructions", "weights_sheet": "weights", "ahp_prefix": AHP_PREFIX,
        "title": "CityIndex Studio expert weighting form",
        "keys": ("expert", "round", "framework", "fingerprint", "nodes", "date"),
        "instructions": [
            "How to fill in this form",
            "1. This form asks for your view of the indicators' weights. Fill in either way: weights typed "
            "directly on the 'weights' sheet, or pairwise comparisons (AHP) on the 'AHP-<code>' sheets. "
            "Where a node has both, the comparisons count.",
            "2. Direct weights ('weights' sheet): in the 'weight' column give each node's children their "
            "relative importance (a non-negative number). They need not sum to 1 (they are normalised); fill "
            "all children of a node or none.",
            "3. Pairwise comparisons ('AHP-<code>' sheets): one sheet per node, its children's codes as rows "
            "and columns. Fill only the white cells above the diagonal: how much more important the row is "
            "than the column. Leave the grey cells below it empty (their reciprocals are taken).",
            "4. Saaty's 1–9 scale (below). When the column matters more than the row, write the reciprocal, "
            "e.g. 1/3 or 1/5 (as text, or a decimal such as 0.333).",
            "5. Do not change the codes, the sheet names or the details on this sheet; save as .xlsx and "
            "return the file.",
            "6. The consistency ratio CR of a matrix should be below 0.10; the merge computes it and flags "
            "inconsistent judgements.",
        ],
        "scale_head": ["scale", "meaning"], "scale_labels": SCALE_LABELS_EN,
        "reciprocal": "the reciprocal, when the column matters more than the row",
        "weights_head": ["code", "parent", "name_zh", "name_en", "weight"],
        "weight_error": ("weight", "a non-negative number"),
        "corner": "row vs column",
        "judgement_error": ("judgement", "1 … 9 or 1/2 … 1/9"),
        "prompt": "how much more important {a} is than {b}: 1–9 or 1/2–1/9",
        "legend": "{code} {name}: fill the white cells above the diagonal (how much more important the row is "
                  "than the column); leave the grey cells empty.",
    },
}


def _scale_rows(T: dict) -> list[list[str]]:
    rows = [list(T["scale_head"])]
    for k in range(1, 10):
        rows.append([str(k), T["scale_labels"][k]])
    rows.append(["1/k", T["reciprocal"]])
    return rows


# Valid: a number in [1/9, 9], or text that is a number or a fraction a/b in that range.
# (Excel does not allow array constants in validation formulas, hence the spelled-out test.)
def _validation_formula(ref: str) -> str:
    frac = f'LEFT({ref},FIND("/",{ref})-1)/MID({ref},FIND("/",{ref})+1,9)'
    return (f'OR(AND(ISNUMBER({ref}),{ref}>=0.105,{ref}<=9),'
            f'IFERROR(AND(ISERROR(FIND("/",{ref})),VALUE({ref})>=0.105,VALUE({ref})<=9),FALSE),'
            f'IFERROR(AND({frac}>=0.105,{frac}<=9),FALSE))')


def write_expert_form(framework: Framework, expert_name: str, path: str | Path,
                      nodes: Sequence[str] | None = None, round_no: int = 1, lang: str = "zh") -> None:
    """Write one expert's weight form (see the module docstring), atomically, in `lang` ('zh': sheets
    说明 / 权重 / 判断矩阵-<code>; 'en': instructions / weights / AHP-<code>)."""
    from openpyxl import Workbook

    from core.files.atomic import atomic_path

    T = FORM_TEXTS["en" if lang == "en" else "zh"]
    covered = _covered_nodes(framework, nodes)
    wb = Workbook()
    _write_info_sheet(wb.active, T, framework, expert_name, covered, round_no, lang)
    _write_weights_sheet(wb.create_sheet(T["weights_sheet"]), T, framework, covered, lang)
    for p in covered:
        _write_pairwise_sheet(wb.create_sheet(f"{T['ahp_prefix']}{p}"[:31]), T, framework, p, lang)
    for ws in wb:
        _protect(ws)
    with atomic_path(path) as tmp:
        wb.save(tmp)


def _covered_nodes(fw: Framework, nodes: Sequence[str] | None) -> list[str]:
    """The internal nodes a form asks about, in framework order: `nodes`, or all of them. A node with a
    single child is left out: its child's weight is 1 whatever an expert thinks, so a form has nothing
    to ask about it (a 1×1 matrix sheet would only read as a node the expert left blank)."""
    internal = [c for c in fw.preorder() if len(fw.children[c]) > 1]
    if nodes is None:
        return internal
    unknown = [c for c in nodes if c not in fw.nodes or not fw.children[c]]
    if unknown:
        raise ValueError(f"not internal nodes of the framework: {', '.join(unknown)}")
    return [c for c in internal if c in set(nodes)]


def _write_info_sheet(ws: Any, T: dict, fw: Framework, expert_name: str, covered: list[str], round_no: int,
                      lang: str) -> None:
    """The first sheet: who, which round, which framework and nodes; the instructions; the scale."""
    ws.title = T["info_sheet"]
    root = fw.nodes[fw.root]
    keys = T["keys"]
    pairs = [
        [keys[0], expert_name],
        [keys[1], int(round_no)],
        [keys[2], f"{root.code} {root.name(lang)}".strip()],
        [keys[3], framework_fingerprint(fw)],
        [keys[4], ", ".join(covered)],
        [keys[5], dt.date.today().isoformat()],
    ]
    write_info_sheet(ws, T["title"], pairs, [*[[line] for line in T["instructions"]], [], *_scale_rows(T)])
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 40


def _protect(ws: Any) -> None:
    """Lock every cell but those left open for the expert (sheet protection without a password, as on
    the score sheets): a code, a parent or a diagonal 1 typed over would make the form unreadable."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # the expert may widen columns and rows
    ws.protection.formatRows = False


def _write_weights_sheet(ws: Any, T: dict, fw: Framework, covered: list[str], lang: str) -> None:
    """Direct weights: every covered node's children with their parent, an empty weight column E."""
    from openpyxl.styles import Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    from core.files.xlsx import autosize, write_row

    write_row(ws, 1, list(T["weights_head"]))
    for c in ws[1]:
        c.font = bold()
    frame = box()
    r = 2
    for p in covered:
        for k in fw.children[p]:
            n = fw.nodes[k]
            extra = [n.name_zh, n.name_en] if lang == "en" else [n.name_zh, fw.nodes[p].name_zh]
            write_row(ws, r, [k, p, *extra, None])
            ws.cell(row=r, column=5).border = frame
            ws.cell(row=r, column=5).protection = Protection(locked=False)
            r += 1
    if r > 2:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                            showErrorMessage=True, errorTitle=T["weight_error"][0], error=T["weight_error"][1])
        dv.add(f"E2:E{r - 1}")
        ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    autosize(ws)


def _write_pairwise_sheet(ws: Any, T: dict, fw: Framework, p: str, lang: str) -> None:
    """One node's pairwise matrix: child codes as row and column headers, diagonal 1, the lower
    triangle greyed, each upper cell validated (1/9 … 9 or a text fraction); a legend below."""
    from openpyxl.styles import Alignment, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from core.files.xlsx import write_row

    grey = PatternFill("solid", fgColor="D9D9D9")
    diag = PatternFill("solid", fgColor="F2F2F2")
    frame = box()
    kids = list(fw.children[p])
    n = len(kids)
    write_row(ws, 1, [T["corner"], *kids])
    ws.cell(row=1, column=1).font = bold()
    for j in range(n):
        ws.cell(row=1, column=j + 2).font = bold()
    for i, a in enumerate(kids):
        row = i + 2
        ws.cell(row=row, column=1, value=a).font = bold()
        for j in range(n):
            cell = ws.cell(row=row, column=j + 2)
            cell.border = frame
            cell.alignment = Alignment(horizontal="center")
            if i == j:
                cell.value = 1
                cell.fill = diag
            elif j < i:
                cell.fill = grey
            else:
                cell.number_format = "@"  # so that a typed 1/3 stays text, not a date
                cell.protection = Protection(locked=False)
                # one rule per cell: its formula's relative reference is that cell
                ref = f"{get_column_letter(j + 2)}{row}"
                dv = DataValidation(type="custom", formula1=_validation_formula(ref), allow_blank=True,
                                    showErrorMessage=True, showInputMessage=True,
                                    errorTitle=T["judgement_error"][0], error=T["judgement_error"][1],
                                    promptTitle=T["judgement_error"][0],
                                    prompt=T["prompt"].format(a=a, b=kids[j]))
                dv.add(ref)
                ws.add_data_validation(dv)
    # legend below the matrix, after an empty row (not read back)
    r = n + 3
    write_row(ws, r, [T["legend"].format(code=p, name=fw.nodes[p].name(lang))])
    r += 1
    for k in kids:
        write_row(ws, r, [k, fw.nodes[k].name(lang)])
        r += 1
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 12
    for j in range(n):
        ws.column_dimensions[get_column_letter(j + 2)].width = 10


_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\r\n\t]+')


def form_file_name(expert: str, round_no: int, lang: str = "zh") -> str:
    """The file name of an expert's form: '张三_第1轮.xlsx' / '张三_round1.xlsx' (unsafe characters → _)."""
    safe = _BAD_FILE_CHARS.sub("_", expert).strip(" .") or ("专家" if lang != "en" else "expert")
    return f"{safe}_round{round_no}.xlsx" if lang == "en" else f"{safe}_第{round_no}轮.xlsx"


def write_forms(framework: Framework, experts: Sequence[str], folder: str | Path, round_no: int = 1,
                lang: str = "zh", nodes: Sequence[str] | None = None) -> list[Path]:
    """One blank form per expert in `folder` (created if need be), never over an existing file;
    returns the files written. The window's Weights → Expert panel and `python main.py forms` both
    write through here."""
    return write_per_expert(
        experts, folder, lambda f, name: form_path(f, name, round_no, lang),
        lambda name, path: write_expert_form(framework, name, path, nodes=nodes, round_no=round_no, lang=lang))


def form_path(folder: Path, expert: str, round_no: int, lang: str = "zh") -> Path:
    """Where an expert's form goes in `folder`: its file name, numbered when that file exists."""
    return numbered_path(Path(folder) / form_file_name(expert, round_no, lang), stacked=True)


# ---------------------------------------------------------------------------------------- reading

@dataclass
class ExpertForm:
    """One expert's usable answers: AHP matrices and/or direct weights, per node."""

    expert: str
    file: str
    round_no: int | None
    children: dict[str, tuple[str, ...]]  # node -> its children, in framework order
    matrices: dict[str, np.ndarray] = field(default_factory=dict)  # node -> pairwise matrix
    direct: dict[str, dict[str, float]] = field(default_factory=dict)  # node -> {child: weight}, sum 1
    covered: tuple[str, ...] = ()

    @property
    def nodes(self) -> list[str]:
        """Nodes for which this expert gave an answer, in framework order."""
        return [p for p in self.children if p in self.matrices or p in self.direct]

    def node_weights(self, node: str, method: str = "eigen", ri_table: str = "saaty") -> dict | None:
        """This expert's weights for a node: dict(weights, source, cr, lambda_max, ci, matrix) or None."""
        kids = self.children[node]
        if node in self.matrices:
            A = self.matrices[node]
            r = ahp_weights(A, method, ri_table)
            return {"weights": r["weights"], "source": "ahp", "cr": r["cr"], "ci": r["ci"],
                    "lambda_max": r["lambda_max"], "consistent": r["consistent"], "matrix": A}
        if node in self.direct:
            w = np.array([self.direct[node][k] for k in kids])
            return {"weights": w, "source": "weights", "cr": None, "ci": None, "lambda_max": None,
                    "consistent": None, "matrix": None}
        return None


def read_expert_form(path: str | Path, framework: Framework) -> tuple[ExpertForm | None, ProblemList]:
    """Read a filled form; (None, problems) when it cannot be used (see the module docstring)."""
    from core.files.readers import find_sheet

    fw = framework
    problems = ProblemList()
    rf = open_form(path, problems)
    if rf is None:
        return None, problems
    expert, round_no = _read_identity(rf, Path(path), problems)
    who = f"expert {expert}"
    ex = {"expert": expert}  # the facts every problem of this form carries (core.text.problem_texts)
    weights_t = find_sheet(rf.tables, *WEIGHTS_SHEETS)
    ahp_ts = _pairwise_sheets(rf.tables)
    if _made_for_another_framework(rf, fw, weights_t, ahp_ts, problems, who, ex):
        return None, problems
    if weights_t is None and not ahp_ts:
        problems.error("form_missing_sheet", f"{who}: the form has neither a 'weights' sheet nor any "
                       f"'{AHP_PREFIX}<code>' sheet; sheets found: {rf.sheet_names or 'none'}", file=rf.file,
                       args=dict(ex, sheets=rf.sheet_names or "—"))
        return None, problems

    children = {p: tuple(fw.children[p]) for p in fw.preorder() if fw.children[p]}
    covered = _read_covered(rf, fw, problems, who, ex)
    form = ExpertForm(expert, rf.file, round_no, children, covered=tuple(covered))
    broken = _read_pairwise_sheets(ahp_ts, fw, form, problems, who)
    if weights_t is not None:
        _read_weights(weights_t, fw, form, problems, who)
    if not form.matrices and not form.direct and not problems.has_errors:
        problems.error("form_empty", f"{who}: the form holds no judgement and no weight (was it filled in and "
                       "saved?)", file=rf.file, args=ex)
        return None, problems
    _check_coverage(rf, fw, form, weights_t, ahp_ts, broken, problems, who, ex)
    if problems.has_errors:
        return None, problems
    return form, problems


def _read_identity(rf: ReturnedForm, path: Path, problems: ProblemList) -> tuple[str, int | None]:
    """The expert (the file's name, with a warning, when the form has none) and the round, if legible."""
    expert = rf.expert()
    if not expert:
        expert = path.stem
        problems.warning("form_no_expert", f"no expert name on a '{INFO_SHEETS[0]}' sheet: the file name "
                         f"'{expert}' is used as the expert's name", file=rf.file,
                         sheet=rf.info_sheet, args={"name": expert})
    round_no = None
    rd = rf.get(_ROUND_KEYS)
    if rd and rd[0]:
        try:
            round_no = int(float(rd[0]))
        except ValueError:
            problems.warning("form_round", f"expert {expert}: the round '{rd[0]}' is not a number", file=rf.file,
                             sheet=rf.info_sheet, row=rd[1], column="B", value=rd[0], args={"expert": expert})
    return expert, round_no


def _pairwise_sheets(tables: dict[str, Table]) -> dict[str, Table]:
    """node code → its pairwise sheet ('判断矩阵-<code>' or 'AHP-<code>')."""
    ahp_ts = {}
    for sheet_name, t in tables.items():
        pre = _ahp_prefix(sheet_name)
        if pre:
            ahp_ts[sheet_name.strip()[len(pre):].strip()] = t
    return ahp_ts


def _made_for_another_framework(rf: ReturnedForm, fw: Framework, weights_t: Table | None,
                                ahp_ts: dict[str, Table], problems: ProblemList, who: str, ex: dict) -> bool:
    """True (with the error) when the form's fingerprint differs, or most of its codes are not ours."""
    form_codes = set(ahp_ts)
    if weights_t is not None:
        cols = map_header(weights_t.header)
        if "code" in cols:
            form_codes |= {_text(r[cols["code"]]) for r in weights_t.rows if len(r) > cols["code"]} - {""}
    fp = rf.get(FP_KEYS)
    ours = framework_fingerprint(fw)
    unknown = sorted(c for c in form_codes if c not in fw.nodes)
    foreign = (fp is not None and fp[0] and fp[0] != ours) or (form_codes and len(unknown) * 2 > len(form_codes))
    if not foreign:
        return False
    where = dict(file=rf.file, sheet=rf.info_table.sheet if (rf.info_table and fp) else "",
                 row=fp[1] if fp else None, column="B" if fp else "", value=fp[0] if fp else None)
    missing = [c for c in fw.nodes if c != fw.root and c not in form_codes] if form_codes else []
    detail = []
    if unknown:
        detail.append("codes not in this framework: " + ", ".join(unknown[:10])
                      + ("…" if len(unknown) > 10 else ""))
    if missing and len(missing) < len(fw.nodes) - 1:
        detail.append("codes of this framework not in the form: " + ", ".join(missing[:10])
                      + ("…" if len(missing) > 10 else ""))
    problems.error("form_other_framework", f"{who}: this form was made for another framework "
                   f"(its fingerprint {fp[0] if fp else '—'} differs from this framework's {ours})"
                   + ("; " + "; ".join(detail) if detail else "") + ": it is not used", **where,
                   args=dict(ex, theirs=fp[0] if fp else "—", ours=ours))
    return True


def _read_covered(rf: ReturnedForm, fw: Framework, problems: ProblemList, who: str, ex: dict) -> list[str]:
    """The nodes the first sheet says the form covers; a code that is not an internal node is an error."""
    nodes_row = rf.get(_NODES_KEYS)
    covered = [c.strip() for c in nodes_row[0].replace("，", ",").split(",") if c.strip()] if nodes_row else []
    for c in covered:
        if c not in fw.nodes or not fw.children[c]:
            problems.error("form_unknown_code", f"{who}: the node list names '{c}', which is not a node of "
                           "this framework", file=rf.file, sheet=rf.info_sheet,
                           row=nodes_row[1] if nodes_row else None, column="B", value=c, args=ex)
    return covered


def _read_pairwise_sheets(ahp_ts: dict[str, Table], fw: Framework, form: ExpertForm, problems: ProblemList,
                          who: str) -> set[str]:
    """Each pairwise sheet's matrix into `form.matrices`; returns the nodes whose sheet has errors."""
    broken: set[str] = set()
    for code, t in ahp_ts.items():
        if code not in fw.nodes or not fw.children[code]:
            what = "an indicator (it has no children to compare)" if code in fw.nodes else "not in this framework"
            problems.error("form_unknown_code", f"{who}: sheet '{t.sheet}' is for '{code}', which is {what}",
                           file=form.file, sheet=t.sheet, row=None, value=code, args={"expert": form.expert})
            continue
        pw = parse_pairwise(t, code, form.children[code], problems, who, expert=form.expert)
        if pw is None:
            broken.add(code)
        elif not pw.empty:
            form.matrices[code] = pw.matrix
    return broken


def _check_coverage(rf: ReturnedForm, fw: Framework, form: ExpertForm, weights_t: Table | None,
                    ahp_ts: dict[str, Table], broken: set[str], problems: ProblemList, who: str, ex: dict) -> None:
    """Every covered node answered: a missing sheet is an error, a node left blank a note."""
    prefix = AHP_PREFIX if any(n.strip().upper().startswith(AHP_PREFIX) for n in rf.tables) else AHP_PREFIX_ZH
    blank: list[str] = []
    for p in form.covered:
        if p not in fw.nodes or len(fw.children[p]) < 2:  # (an older form's single-child node: nothing to fill)
            continue
        if p in form.matrices or p in form.direct or p in broken:
            continue
        sheet = f"{prefix}{p}"
        if p not in ahp_ts and weights_t is None:
            problems.error("form_missing_sheet", f"{who}: sheet '{sheet}' is missing (the form covers '{p}') "
                           f"and there is no 'weights' sheet either", file=rf.file, sheet=sheet, code=p,
                           args=dict(ex, variant="node"))
        elif p not in ahp_ts:
            problems.error("form_missing_sheet", f"{who}: sheet '{sheet}' is missing (the form covers '{p}') "
                           f"and the '{weights_t.sheet}' sheet has no weights for its children", file=rf.file,
                           sheet=sheet, code=p, args=dict(ex, variant="node"))
        else:
            blank.append(p)
    if blank:  # one line per expert, a note: leaving a node to others is the expert's right
        problems.info("form_nodes_blank", f"{who}: nothing filled in for {len(blank)} node(s): {', '.join(blank)}; "
                      "this expert is left out for them", file=rf.file,
                      args=dict(ex, n=len(blank), nodes=", ".join(blank)))


def _ahp_prefix(sheet_name: str) -> str:
    """The pairwise-sheet prefix a sheet name starts with ('判断矩阵-' or 'AHP-', any case), else ''."""
    name = sheet_name.strip()
    for pre in AHP_PREFIXES:
        if name.upper().startswith(pre.upper()):
            return name[:len(pre)]
    return ""


def _read_weights(t: Table, fw: Framework, form: ExpertForm, problems: ProblemList, who: str) -> None:
    from openpyxl.utils import get_column_letter
    f, sh = t.file, t.sheet
    cols = map_header(t.header)
    for need in ("code", "weight"):
        if need not in cols:
            zh = "代码" if need == "code" else "权重"
            problems.error("form_missing_column", f"{who}: sheet '{sh}' has no '{zh}' ({need}) column"
                           f"; headers seen: {', '.join(h for h in t.header if h)}",
                           file=f, sheet=sh, row=t.header_row, args={"expert": form.expert, "need": zh})
            return
    jc, jw = cols["code"], cols["weight"]
    wl = get_column_letter(jw + 1)
    wh = t.header[jw]
    given: dict[str, tuple[float | None, int]] = {}
    for i, r in enumerate(t.rows):
        row = t.excel_row(i)
        code = _text(r[jc] if jc < len(r) else None)
        v = r[jw] if jw < len(r) else None
        if not code:
            if not is_blank(v):
                problems.error("form_unknown_code", f"{who}: a weight in cell {wl}{row} has no code beside it",
                               file=f, sheet=sh, row=row, column=wh, value=v,
                               args={"expert": form.expert, "variant": "no_code", "cell": f"{wl}{row}"})
            continue
        if code not in fw.nodes:
            problems.error("form_unknown_code", f"{who}: code '{code}' in cell {get_column_letter(jc + 1)}{row} is "
                           "not in this framework", file=f, sheet=sh, row=row, column=t.header[jc], value=code,
                           args={"expert": form.expert})
            continue
        if code == fw.root:
            continue
        w = None
        if not is_blank(v):
            try:
                w = cell_number(v)
                if w != w or w in (float("inf"), float("-inf")):
                    raise ValueError
            except (TypeError, ValueError):
                problems.error("form_non_numeric", f"{who}: the weight of '{code}' in cell {wl}{row} is not a number",
                               file=f, sheet=sh, row=row, column=wh, value=v, code=code,
                               args={"expert": form.expert, "cell": f"{wl}{row}"})
                continue
            if w < 0:
                problems.error("form_negative", f"{who}: the weight of '{code}' in cell {wl}{row} is negative",
                               file=f, sheet=sh, row=row, column=wh, value=v, code=code,
                               args={"expert": form.expert, "cell": f"{wl}{row}"})
                continue
        given[code] = (w, row)
    for p, kids in form.children.items():
        here = {k: given[k] for k in kids if k in given}
        vals = [w for w, _ in here.values() if w is not None]
        if not vals:
            continue
        empty = [k for k in kids if k not in here or here[k][0] is None]
        if empty:
            for k in empty:
                row = here[k][1] if k in here else None
                problems.error("form_mixed_weights", f"{who}: the children of '{p}' mix set and empty weights; '{k}' "
                               f"has none{f' (cell {wl}{row})' if row else ' (no row)'}: fill all or none",
                               file=f, sheet=sh, row=row, column=wh, code=k,
                               args={"expert": form.expert, "parent": p})
            continue
        total = sum(vals)
        if total <= 0:
            k0 = kids[0]
            problems.error("form_zero_weights", f"{who}: all weights among the children of '{p}' are zero "
                           f"(cells {wl}{min(r for _, r in here.values())}…)", file=f, sheet=sh,
                           row=here[k0][1], column=wh, value=0, code=p,
                           args={"expert": form.expert})
            continue
        form.direct[p] = {k: here[k][0] / total for k in kids}


# ---------------------------------------------------------------------------------------- merging

def kendall_w(matrix: Any) -> dict:
    """Kendall's coefficient of concordance of m raters (rows) over n items (columns).

    Each rater's values are ranked, largest = 1, ties sharing the mean rank; Rᵢ are the rank sums,
    S = Σ(Rᵢ − R̄)², W = 12S / (m²(n³ − n) − m·ΣT), T = Σ(t³ − t) over each rater's tie groups;
    χ² = m(n − 1)W with n − 1 degrees of freedom, p = Q((n − 1)/2, χ²/2) (core.analysis.stats.chi2_sf).
    """
    X = np.round(np.asarray(matrix, dtype=float), 12)
    m, n = X.shape
    if m < 2 or n < 2:
        return {"w": None, "chi2": None, "df": n - 1, "p_value": None, "m": m, "n": n}
    ranks = np.vstack([stats.rankdata(-row) for row in X])
    R = ranks.sum(axis=0)
    S = float(((R - R.mean()) ** 2).sum())
    T = 0.0
    for row in X:
        _, counts = np.unique(row, return_counts=True)
        T += float((counts ** 3 - counts).sum())
    denom = m * m * (n ** 3 - n) - m * T
    if denom <= 0:
        return {"w": None, "chi2": None, "df": n - 1, "p_value": None, "m": m, "n": n, "S": S}
    W = 12.0 * S / denom
    x2 = m * (n - 1) * W
    return {"w": W, "chi2": x2, "df": n - 1, "p_value": float(stats.chi2_sf(x2, n - 1)), "m": m, "n": n, "S": S,
            "rank_sums": R.tolist()}


def _unique_names(forms: Sequence[ExpertForm]) -> list[str]:
    names = [f.expert for f in forms]
    out = []
    for f in forms:
        out.append(f"{f.expert} ({f.file})" if names.count(f.expert) > 1 else f.expert)
    return out


def merge_panel(forms: Sequence[ExpertForm], method: str = "aij", ahp_method: str = "eigen",
                ri_table: str = "saaty") -> dict[str, dict]:
    """Merge the experts' weights per node (see the module docstring).

    Returns {node: {"weights": {child: w}, "method", "n_experts", "lambda_max", "ci", "cr" (AIJ: of
    the merged matrix; AIP: None), "experts": {name: {"weights", "cr", "source", "round", "file"}},
    "kendall_w", "chi2", "df", "p_value", "cv": {child}, "min", "max", "spread"}}.
    """
    if method not in MERGE_METHODS:
        raise ValueError(f"unknown merge method {method!r}; known: {', '.join(MERGE_METHODS)}")
    if ahp_method not in AHP_METHODS:
        raise ValueError(f"unknown AHP method {ahp_method!r}; known: {', '.join(AHP_METHODS)}")
    names = _unique_names(forms)
    order: list[str] = []
    for f in forms:
        for p in f.nodes:
            if p not in order:
                order.append(p)
    out: dict[str, dict] = {}
    for p in order:
        kids = next(f.children[p] for f in forms if p in f.children)
        per = []
        for name, f in zip(names, forms):
            r = f.node_weights(p, ahp_method, ri_table)
            if r is not None:
                per.append((name, f, r))
        if not per:
            continue
        W = np.vstack([r["weights"] for _, _, r in per])
        entry: dict[str, Any] = {"method": method, "n_experts": len(per)}
        if method == "aij":
            logs = [np.log(r["matrix"] if r["matrix"] is not None else consistent_matrix(r["weights"]))
                    for _, _, r in per]
            G = np.exp(np.mean(logs, axis=0))
            G = np.sqrt(G / G.T)  # exact reciprocity against rounding
            m = ahp_weights(G, ahp_method, ri_table)
            merged = m["weights"]
            entry.update(lambda_max=m["lambda_max"], ci=m["ci"], cr=m["cr"], consistent=m["consistent"])
        else:
            merged = W.mean(axis=0)
            merged = merged / merged.sum()
            entry.update(lambda_max=None, ci=None, cr=None, consistent=None)
        entry["weights"] = {k: float(x) for k, x in zip(kids, merged)}
        entry["experts"] = {name: {"weights": {k: float(x) for k, x in zip(kids, r["weights"])},
                                   "source": r["source"], "cr": r["cr"], "lambda_max": r["lambda_max"],
                                   "consistent": r["consistent"], "round": f.round_no, "file": f.file}
                            for name, f, r in per}
        kw = kendall_w(W)
        entry.update(kendall_w=kw["w"], chi2=kw["chi2"], df=kw["df"], p_value=kw["p_value"])
        if len(per) >= 2:
            mean = W.mean(axis=0)
            sd = W.std(axis=0, ddof=1)
            entry["cv"] = {k: (float(s / mu) if mu > 0 else None) for k, s, mu in zip(kids, sd, mean)}
        else:
            entry["cv"] = {k: None for k in kids}
        entry["cv_sd"] = "sample standard deviation (ddof = 1)"
        entry["min"] = {k: float(x) for k, x in zip(kids, W.min(axis=0))}
        entry["max"] = {k: float(x) for k, x in zip(kids, W.max(axis=0))}
        entry["spread"] = {k: float(x) for k, x in zip(kids, W.max(axis=0) - W.min(axis=0))}
        out[p] = entry
    return out
