"""The methods in words: how every step of a computation was done, in Chinese and English.

The results workbook's methods sheet and the report's method section both say it, and must say
the same; so the sentences live here, once, and each output lays them out its own way:

- `method_sentences(result)`: one (stage, sentence) per pipeline step, denomination to display,
  each sentence built by a small function of its own (`SENTENCES`);
- `weight_note_text(note)`: the line for a node's weight note (data-driven formula and figures,
  AHP λmax/CI/CR, expert-panel consensus), shown while `note_is_current`;
- the names of the methods (`NORM_NAMES`, `AGG_NAMES`, `IMP_NAMES`, `TRANSFORM_NAMES`) and of
  the steps (`STAGE_NAMES`), which the workbook also uses in its headers and settings (they live in
  core.text.method_names, where the engine's own messages find them too).

The language is the result's `settings.language` (`language`); anything but English is Chinese.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from core.text.method_names import AGG_NAMES, IMP_NAMES, NORM_NAMES, STAGE_NAMES, TRANSFORM_NAMES

if TYPE_CHECKING:
    from core.pipeline.run import Result

__all__ = ["AGG_NAMES", "IMP_NAMES", "NORM_NAMES", "SENTENCES", "STAGE_NAMES", "TRANSFORM_NAMES", "language",
           "method_sentences", "note_is_current", "pct", "weight_note_text"]

LANGUAGES = ("zh", "en")

def language(r: Result) -> str:
    """The language the outputs of `r` are written in: the project's, Chinese unless it is English."""
    return r.settings.language if r.settings.language in LANGUAGES else "zh"


def pct(x: float) -> str:
    return f"{x:.0%}"


def _join(items: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


def _step(r: Result, stage: str) -> dict:
    """What the pipeline recorded for `stage` (the last record of it; {} when the step left none)."""
    return next((st for st in reversed(r.steps) if st["stage"] == stage), {})


# --- one sentence per step ----------------------------------------------------------------
def _denominate(r: Result, lang: str) -> str:
    zh = lang == "zh"
    den = _step(r, "denominate").get("denominated", [])
    if not den:
        return "分母处理：无" if zh else "Denomination: none"
    items = [f"{d['code']} ÷ {d['denominator']}" for d in den]
    return (("分母处理：" if zh else "Denomination: ") + _join(items, lang)
            + ("（在筛选之前进行）" if zh else " (before screening)"))


def _screen(r: Result, lang: str) -> str:
    cov = r.settings.unit_min_coverage
    n_units = len(r.units) + len(r.excluded)
    if lang == "zh":
        if cov > 0:
            return (f"单位筛选：分母处理后指标数据覆盖率低于 {pct(cov)} 的单位不参评；本次 "
                    f"{len(r.excluded)} 个未参评（见下），{len(r.units)} 个参评")
        return f"单位筛选：不设数据覆盖率下限，{n_units} 个单位全部参评"
    if cov > 0:
        return (f"Screening: units with less than {pct(cov)} of the indicators present (after "
                f"denomination) are excluded; {len(r.excluded)} excluded (listed below), {len(r.units)} scored")
    return f"Screening: no minimum data coverage; all {n_units} units scored"


def _impute(r: Result, lang: str) -> str:
    zh, s = lang == "zh", r.settings
    imp = IMP_NAMES[lang][s.imputation].format(g=s.imputation_group)
    tail = "" if s.imputation == "none" else (f"；共填补 {len(r.imputed)} 个单元格" if zh else
                                              f"; {len(r.imputed)} cell(s) filled")
    return ("缺失值处理：" if zh else "Imputation: ") + imp + tail


def _treat(r: Result, lang: str) -> str:
    zh, s = lang == "zh", r.settings
    if s.outliers == "none":
        return "异常值处理：不处理" if zh else "Outliers: not treated"
    acts = [rec["action"] for rec in r.outliers.values()]
    nw, nl, nf = acts.count("winsorised"), acts.count("log"), acts.count("flagged")
    if zh:
        return (f"异常值处理：按 OECD/JRC 规则检验（|偏度| < {s.skew_limit:g} 或 峰度 < {s.kurtosis_limit:g} 为通过；"
                f"少于 4 个值不检验），未通过者逐步缩尾，至多 {s.winsor_max_points} 步；仍未通过且正偏者改为对"
                f"原值作对数变换 log(x − min + 0.01·(max − min))。本次：缩尾 {nw} 个指标，对数变换 {nl} 个，"
                f"仍未通过（已标记）{nf} 个")
    return (f"Outliers: the OECD/JRC rule (passes when |skewness| < {s.skew_limit:g} or kurtosis < "
            f"{s.kurtosis_limit:g}; fewer than 4 values: not tested); a failing indicator is winsorised step by "
            f"step, at most {s.winsor_max_points} steps; one still failing with positive skew is log-transformed "
            f"instead, log(x − min + 0.01·(max − min)). Here: {nw} winsorised, {nl} log-transformed, {nf} "
            "still failing (flagged)")


def _transform(r: Result, lang: str) -> str:
    zh = lang == "zh"
    trs = _step(r, "transform").get("transforms", {})
    if not trs:
        return "变换：无" if zh else "Transform: none"
    items = [f"{c} {TRANSFORM_NAMES.get(t, t)}" for c, t in trs.items()]
    return ("变换（归一化之前）：" if zh else "Transform (before normalisation): ") + _join(items, lang)


def _normalise(r: Result, lang: str) -> str:
    zh, s, fw = lang == "zh", r.settings, r.framework
    m = s.normalization
    names = NORM_NAMES[lang]
    if zh:
        text = f"归一化：{names.get(m, m)}"
        if m in ("minmax", "goalposts", "rank"):
            text += f"，下限 {s.minmax_low:g}"
        text += f"，满分 {s.scale:g}" if m != "zscore" else "（均值 0，样本标准差 1）"
    else:
        text = f"Normalisation: {names.get(m, m)}"
        if m in ("minmax", "goalposts", "rank"):
            text += f", low end {s.minmax_low:g}"
        text += f", top of the scale {s.scale:g}" if m != "zscore" else " (mean 0, sample sd 1)"
    methods = _step(r, "normalise").get("methods", {})
    other = [f"{c} {names.get(v, v)}" for c, v in methods.items() if v != m]
    if other:
        text += ("；以下指标另用其他方法：" if zh else "; these indicators use another method: ") + _join(other, lang)
    neg = [c for c in fw.leaves if fw.nodes[c].direction < 0]
    if neg:
        text += ("；负向指标（越小越好）：" if zh else "; negative indicators (lower is better): ") + _join(neg, lang)
    else:
        text += "；全部指标为正向（越大越好）" if zh else "; every indicator is positive (higher is better)"
    return text


def _weights(r: Result, lang: str) -> str:
    fw = r.framework
    groups = list(fw.internal)
    n_equal = sum(1 for p in groups if all(fw.nodes[k].weight is None for k in fw.children[p]))
    if lang == "zh":
        return (f"权重：各节点在同级之间的局部权重取自指标体系（同级之和归一化为 1），未设定者同级等权；"
                f"有效权重为从根节点到该节点路径上局部权重之积。本次：{n_equal} 组同级等权，"
                f"{len(groups) - n_equal} 组按设定值")
    return (f"Weights: each node's local weight among its siblings comes from the framework (normalised to sum to "
            f"1), equal among siblings where none is set; the effective weight is the product of the local weights "
            f"on the path from the root. Here: {n_equal} sibling group(s) equal, {len(groups) - n_equal} set")


def _aggregate(r: Result, lang: str) -> str:
    zh, s = lang == "zh", r.settings
    agg = AGG_NAMES[lang]
    text = (f"聚合：{agg.get(s.aggregation)}，自下而上逐级计算；缺失的子项跳过，其余子项的权重重新归一化；有得分的子项"
            f"须至少 1 个且占比不低于 {pct(s.node_min_coverage)}（node_min_coverage），否则该节点无得分" if zh else
            f"Aggregation: {agg.get(s.aggregation)}, bottom-up; a child without a score is skipped and the others' "
            f"weights re-normalised, as long as at least one child and at least {pct(s.node_min_coverage)} of "
            "the children (node_min_coverage) have a score; otherwise the node has no score")
    over = [f"{c} {agg.get(v, v)}" for c, v in _step(r, "aggregate").get("methods", {}).items()
            if v != s.aggregation]
    if over:
        text += ("；以下节点另用：" if zh else "; these nodes use: ") + _join(over, lang)
    return text


def _rank(r: Result, lang: str) -> str:
    if lang == "zh":
        return ("排名：按综合得分由高到低；得分相同（比较到小数点后 9 位）者并列，取最高名次（1, 2, 2, 4）；"
                "无综合得分的单位不排名，列在最后")
    return ("Ranking: by score, highest first; equal scores (compared to 9 decimals) share the best rank "
            "(1, 2, 2, 4); a unit without a score has no rank and is listed last")


def _display(r: Result, lang: str) -> str:
    d = r.settings.decimals
    return f"显示：保留 {d} 位小数（计算保留全部精度）" if lang == "zh" else \
        f"Display: {d} decimal(s) (computation keeps full precision)"


# the steps in the order they run, each with the function that says how it was done
SENTENCES: tuple[tuple[str, Callable[[Result, str], str]], ...] = (
    ("denominate", _denominate), ("screen", _screen), ("impute", _impute), ("treat", _treat),
    ("transform", _transform), ("normalise", _normalise), ("weights", _weights), ("aggregate", _aggregate),
    ("rank", _rank), ("display", _display))


def method_sentences(r: Result) -> list[tuple[str, str]]:
    """(stage, sentence) for every step of the pipeline, in the project's language."""
    lang = language(r)
    return [(stage, say(r, lang)) for stage, say in SENTENCES]


# --- weight notes ---------------------------------------------------------------------------
def note_is_current(fw, code: str, note: Mapping) -> bool:
    """A note describes the node's weights while its children still carry its `source`."""
    if code not in fw.nodes or not fw.children.get(code):
        return False
    src = note.get("source")
    return bool(src) and all(fw.nodes[k].weight_source == src for k in fw.children[code])


def _f(v: Any, digits: int = 4) -> str:
    if v is None:
        return "—"
    try:
        x = float(v)
    except (TypeError, ValueError):
        return str(v)
    return "—" if math.isnan(x) else f"{x:.{digits}f}"


def _per_child(values: Mapping | None, digits: int = 4) -> str:
    if not values:
        return ""
    return ", ".join(f"{k} {_f(v, digits)}" for k, v in values.items())


NOTE_FIGURES = {  # data-driven figure key -> (zh, en) label, in the order written
    "e": ("信息熵 e", "entropy e"), "d": ("差异系数 1 − e", "1 − e"), "sigma": ("标准差 σ", "σ"),
    "conflict": ("冲突性 Σ(1 − r)", "conflict Σ(1 − r)"), "C": ("信息量 C", "information C"),
}
NOTE_AHP = {"eigen": ("特征向量法", "principal eigenvector"), "geometric": ("根法", "row geometric mean"),
            "arithmetic": ("和法", "normalised column sums")}
NOTE_RI = {"saaty": ("Saaty", "Saaty"), "chinese": ("国内教材", "Chinese textbooks")}


def _data_note(note: Mapping, lang: str) -> list[str]:
    zh = lang == "zh"
    formula = note.get("formula") or {}
    text = formula.get(lang) or formula.get("en") or str(note.get("method", ""))
    parts = [text.rstrip("。.").rstrip()]
    fig = note.get("figures") or {}
    for key, (lz, le) in NOTE_FIGURES.items():
        if fig.get(key):
            parts.append(f"{lz}：{_per_child(fig[key])}" if zh else f"{le}: {_per_child(fig[key])}")
    if "retained" in fig:
        parts.append(f"保留因子数 {fig['retained']}，旋转：{fig.get('rotation', '')}" if zh else
                     f"factors retained {fig['retained']}, rotation: {fig.get('rotation', '')}")
    if fig.get("units") is not None:
        dropped = fig.get("dropped") or []
        if zh:
            left = f"（未参与：{', '.join(dropped)}）" if dropped else ""
            parts.append(f"参与计算的单位 {fig['units']} 个{left}")
        else:
            parts.append(f"{fig['units']} units" + (f" (left out: {', '.join(dropped)})" if dropped else ""))
    return parts


def _ahp_note(note: Mapping, lang: str) -> list[str]:
    zh = lang == "zh"
    method = str(note.get("method", "eigen"))
    names = NOTE_AHP.get(method, (method, method))
    ri = NOTE_RI.get(str(note.get("ri_table", "saaty")), (str(note.get("ri_table")),) * 2)
    cr = note.get("cr")
    if cr is None:
        verdict = ""
    elif zh:
        verdict = "（< 0.10，通过一致性检验）" if cr < 0.10 else "（≥ 0.10，未通过一致性检验）"
    else:
        verdict = " (< 0.10, consistent)" if cr < 0.10 else " (≥ 0.10, not consistent)"
    parts = [f"层次分析法（{names[0]}，RI 取 {ri[0]} 表）" if zh else f"AHP ({names[1]}, RI of {ri[1]})",
             f"λmax = {_f(note.get('lambda_max'))}, CI = {_f(note.get('ci'))}, "
             f"RI = {_f(note.get('ri'), 2)}, CR = {_f(cr)}{verdict}"]
    if note.get("weights"):
        parts.append(("权重：" if zh else "weights: ") + _per_child(note["weights"]))
    return parts


def _panel_note(note: Mapping, lang: str) -> list[str]:
    zh = lang == "zh"
    n = note.get("n_experts")
    method = str(note.get("method", "aij")).upper()
    rd = note.get("round")
    if zh:
        parts = [f"专家组（{method}），{n} 位专家" + (f"，第 {rd} 轮" if rd else "")]
    else:
        parts = [f"expert panel ({method}), {n} experts" + (f", round {rd}" if rd else "")]
    if note.get("kendall_w") is not None:
        parts.append(f"Kendall W = {_f(note['kendall_w'])}, χ² = {_f(note.get('chi2'), 3)} "
                     f"(df = {note.get('df')}), p = {_f(note.get('p_value'))}")
    if note.get("cr") is not None:
        parts.append(("合并判断矩阵 CR = " if zh else "CR of the merged matrix = ") + _f(note["cr"]))
    crs = {k: v for k, v in (note.get("expert_cr") or {}).items() if v is not None}
    if crs:
        parts.append(("各专家 CR：" if zh else "each expert's CR: ") + _per_child(crs))
    if note.get("cv"):
        parts.append(("变异系数：" if zh else "coefficient of variation: ") + _per_child(note["cv"], 3))
    return parts


NOTE_KINDS: dict[str, Callable[[Mapping, str], list[str]]] = {"data": _data_note, "ahp": _ahp_note,
                                                               "panel": _panel_note}


def weight_note_text(note: Mapping, lang: str = "zh") -> str:
    """The line for a node's weight note: `kind` data (method, formula {zh, en}, figures), ahp
    (method, ri_table, lambda_max, ci, ri, cr, weights) or panel (method, n_experts, round,
    kendall_w, chi2, df, p_value, cr, expert_cr, cv); any other kind: its `source`."""
    zh = lang == "zh"
    say = NOTE_KINDS.get(note.get("kind", ""))
    parts = say(note, lang) if say else [str(note.get("source", ""))]
    return ("；" if zh else "; ").join(p for p in parts if p) + ("。" if zh else ".")
