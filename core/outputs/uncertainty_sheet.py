"""The 不确定性 and 敏感性 sheets, and the 地图 sheet's name, for a results workbook exported from the window.

The window runs the uncertainty analysis and draws the map; the workbook carries them as extra
sheets. Every other sheet speaks the project's language (`core.outputs.method_words.language`), so
these do too — built here from the engine's result in that language, not from the window's own
words (an English window used to put "Uncertainty", "Sensitivity" and "Map" into a Chinese workbook).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.text.method_names import AGG_NAMES, NORM_NAMES

if TYPE_CHECKING:
    from core.analysis.uncertainty import UncertaintyResult
    from core.model.framework import Framework

TEXTS = {
    "zh": {"s_uncertainty": "不确定性", "s_sensitivity": "敏感性", "s_map": "地图",
           "unit": "城市", "base": "基准排名", "median": "排名中位数", "p05": "5% 分位排名（较好的情形）",
           "p95": "95% 分位排名（较差的情形）", "top10": "前 10 名占比",
           "input": "输入因素", "first": "一阶指数", "total": "总效应指数", "first_conf": "一阶指数 ±（95%）",
           "total_conf": "总效应指数 ±（95%）", "runs": "模拟次数", "seed": "随机种子",
           "perturb": "权重扰动幅度 ±（%）", "mode": "抽样方式", "normalization": "标准化方法",
           "aggregation": "聚合方法", "output": "敏感性分析的输出量", "output_value": "平均绝对名次变动",
           "samples": "Sobol' 基础样本量", "note": "说明",
           "modes": {"dirichlet": "狄利克雷分布", "experts": "专家组意见的离散度", "uniform": "均匀分布"}},
    "en": {"s_uncertainty": "Uncertainty", "s_sensitivity": "Sensitivity", "s_map": "Map",
           "unit": "Unit", "base": "Base rank", "median": "Median rank", "p05": "Rank at 5 % (best runs)",
           "p95": "Rank at 95 % (worst runs)", "top10": "Top-10 share",
           "input": "Input", "first": "First order", "total": "Total", "first_conf": "First order ± (95 %)",
           "total_conf": "Total ± (95 %)", "runs": "Runs", "seed": "Seed", "perturb": "Weight perturbation ± (%)",
           "mode": "Mode", "normalization": "Normalisation method", "aggregation": "Aggregation method",
           "output": "Sensitivity output", "output_value": "mean absolute rank shift",
           "samples": "Sobol' base samples", "note": "Note",
           "modes": {"dirichlet": "Dirichlet", "experts": "Expert panel's spread", "uniform": "Uniform"}},
}
METHOD_NAMES = {"normalization": NORM_NAMES, "aggregation": AGG_NAMES}


def map_sheet_name(lang: str) -> str:
    return TEXTS[lang if lang in TEXTS else "zh"]["s_map"]


def uncertainty_sheets(u: UncertaintyResult, framework: Framework, lang: str) -> dict[str, list[list]]:
    """{sheet name: rows (header first)} for the uncertainty table and the sensitivity indices with
    the run's parameters, in `lang` ('zh' or 'en')."""
    T = TEXTS[lang if lang in TEXTS else "zh"]
    lang = "zh" if T is TEXTS["zh"] else "en"

    def input_label(key: str) -> str:
        if key in METHOD_NAMES:
            return T[key]
        return f"{key} {framework.nodes[key].name(lang)}" if key in framework.nodes else key

    table = [[T["unit"], T["base"], T["median"], T["p05"], T["p95"], T["top10"]]]
    table += [[r["unit"], r["base_rank"], r["median_rank"], r["p05"], r["p95"], r["top10_share"]] for r in u.rows()]
    sens: list[list] = [[T["input"], T["first"], T["total"], T["first_conf"], T["total_conf"]]]
    sens += [[input_label(k), s["first"], s["total"], s.get("first_conf"), s.get("total_conf")]
             for k, s in u.sensitivity.items()]
    sens.append([])
    sens += [[T["runs"], u.runs], [T["seed"], u.seed], [T["perturb"], 100 * u.perturb],
             [T["mode"], T["modes"].get(u.mode, T["modes"]["uniform"])]]
    for key, names in METHOD_NAMES.items():
        if u.methods.get(key):
            sens.append([T[key], "、".join(names[lang].get(m, m) for m in u.methods[key]) if lang == "zh"
                         else ", ".join(names[lang].get(m, m) for m in u.methods[key])])
    sens.append([T["output"], T["output_value"]])
    sens.append([T["samples"], u.sensitivity_samples])
    sens += [[T["note"], note] for note in u.note_texts(lang)]
    return {T["s_uncertainty"]: table, T["s_sensitivity"]: sens}
