"""The words of "why here, and what would change it" in the deliverables (issue 21, point 5 and the outputs of
point 1), in Chinese and English: the results workbook's 稳健性 and 优势与短板 sheets and the report's
stability sentences and strength/weakness lists. The headless commands' lines are in `messages`.

`TEXTS` maps a key to (Chinese, English) templates; `why_text(key, lang, **fields)` fills one.
`top_words(n, lang)` says "the TOP N" the way each language does (前十名 / the TOP 10), and
`interval_pct(low, high, current)` writes an interval of weights as percentages rounded inward, so every
weight the text names lies inside the interval (see its docstring).
"""

from __future__ import annotations

import math
from typing import Any

TEXTS: dict[str, tuple[str, str]] = {
    # sheet names (the workbook's other names are in core.outputs.results_workbook.TEXT)
    "s_stability": ("稳健性", "Weight stability"),
    "s_strengths": ("优势与短板", "Strengths and weaknesses"),
    "d_stability": ("每个权重在多大范围内变动时前 {n} 名及其顺序不变，以及越界时首先变化的两个城市",
                    "for each weight, the interval within which the TOP {n} and their order stay as they are, "
                    "and the two units that swap first beyond it"),
    "d_stability_off": ("每个权重的稳健性区间（本项目较大，未计算，见该表说明）",
                        "each weight's stability interval (not computed for a project this large: see the sheet)"),
    "d_strengths": ("每个城市排名明显靠前（优势）和明显靠后（短板）的指标",
                    "each unit's indicators ranked far above (strengths) or far below (weaknesses) its overall rank"),
    # the stability sheet
    "st_note": ("各权重单独在“下限”与“上限”之间变动（同级权重按比例调整，其余权重不变）时，前 {n} 名的名单及其"
                "顺序保持不变；越过下限或上限时首先发生的位次变化见“越过下限”“越过上限”两列"
                "（“无”：直到 0% 或 100% 都不变）。"
                "“接近端点”：当前权重距发生变化的端点不足当前权重的 10%。只有一个子项的节点权重恒为 1，不列出。",
                "Each weight alone moves between 'Low' and 'High' (its siblings rescaled in proportion, every other "
                "weight fixed) with the TOP {n} and their order unchanged; the columns 'Beyond low' and 'Beyond "
                "high' name the first change past each end ('none': unchanged all the way to 0% or 100%). "
                "'Near an edge': the current weight lies within 10 % of itself from an end where a swap happens. "
                "A node's only child always weighs 1 and is not listed."),
    "st_off": ("本项目有 {units} 个单位、{weights} 个权重：稳健性区间需对每个权重各重算一遍，为免导出过慢未计算。"
               "需要时请运行 `python main.py stability 输入文件 --top {n} --json 输出.json`。",
               "This project has {units} units and {weights} weights: the stability intervals (a pass per weight) "
               "were not computed, to keep the export quick. Run `python main.py stability INPUT --top {n} "
               "--json OUT.json` for them."),
    "st_no_top": ("没有参与排名的单位，无需计算稳健性区间。", "No unit is ranked: no stability interval to compute."),
    "st_top_zero": ("未设定前 N 名（N = 0）：没有需要保持的名单，未计算稳健性区间。",
                    "No TOP N was asked for (N = 0): there is no list to keep, no interval computed."),
    "st_code": ("代码", "Code"), "st_name": ("名称", "Name"), "st_parent": ("上级", "Parent"),
    "st_level": ("层级", "Level"), "st_current": ("当前权重", "Current"), "st_low": ("下限", "Low"),
    "st_high": ("上限", "High"), "st_at_low": ("越过下限", "Beyond low"), "st_at_high": ("越过上限", "Beyond high"),
    "st_near": ("接近端点", "Near an edge"), "st_method": ("计算方法", "Method"),
    "st_swap": ("{b} 超过 {a}", "{b} overtakes {a}"),
    "st_none_low": ("无（降至 0% 不变）", "none (unchanged down to 0%)"),
    "st_none_high": ("无（升至 100% 不变）", "none (unchanged up to 100%)"),
    "st_near_yes": ("⚠ 是", "⚠ yes"),
    "st_exact": ("精确（线性）", "exact (linear)"), "st_search": ("二分搜索", "bracketing search"),
    # the strengths sheet
    "sw_note": ("优势指标：该城市在这项指标上的排名比其综合排名靠前至少 {k} 名（参评城市数 {n} 的四分之一）；短板指标："
                "靠后至少 {k} 名。每栏至多列出 {m} 项，相差最多的在前；括号内为该指标上的排名。",
                "A strength: an indicator on which the unit ranks at least {k} places above its overall rank (a "
                "quarter of the {n} ranked units); a weakness: at least {k} places below. At most {m} of each, the "
                "largest gaps first; the rank on the indicator in brackets."),
    "sw_rank": ("综合排名", "Rank"), "sw_unit": ("城市", "Unit"), "sw_n_strengths": ("优势指标数", "Strengths"),
    "sw_strengths": ("优势指标", "Strength indicators"), "sw_n_weaknesses": ("短板指标数", "Weaknesses"),
    "sw_weaknesses": ("短板指标", "Weakness indicators"),
    "sw_item": ("{code} {name}（第 {rank} 名）", "{code} {name} (rank {rank})"),
    "sw_sep": ("；", "; "),
    "sw_none": ("无", "none"),
    # the report: method section
    "h_stability": ("（五）权重的稳健性", "1.5 How far the weights can move"),
    "r_st_intro": ("在其他权重不变、同级权重按比例调整的条件下，逐一改变每个一级维度的权重，{top}的名单及其顺序"
                   "保持不变的区间如下（全部 {nw} 个权重的区间见计算结果工作簿的“稳健性”工作表）。",
                   "Moving one dimension's weight at a time (its siblings rescaled in proportion, every other "
                   "weight fixed), {top} and their order stay as they are within these intervals (the "
                   "intervals of all {nw} weights are in the results workbook's 'Weight stability' sheet)."),
    "r_st_intro_cmd": ("在其他权重不变、同级权重按比例调整的条件下，逐一改变每个一级维度的权重，{top}的名单及其顺序"
                       "保持不变的区间如下（全部 {nw} 个权重的区间可运行 `python main.py stability` 得到）。",
                       "Moving one dimension's weight at a time (its siblings rescaled in proportion, every other "
                       "weight fixed), {top} and their order stay as they are within these intervals (for all {nw} "
                       "weights run `python main.py stability`)."),
    "r_st_interval": ("{name}的权重在 {lo}–{hi} 之间变动时，{top}及其顺序不变（当前为 {cur}）",
                      "The weight of {name} can move between {lo} and {hi} without changing {top} or their "
                      "order (it is now {cur})"),
    "r_st_low": ("；再降低，{b}将首先超过{a}", "; lower, {b} would first overtake {a}"),
    "r_st_low_none": ("；权重降至 0% {top}仍不变", "; down to 0% {top} stay the same"),
    "r_st_high": ("；再提高，{b}将首先超过{a}", "; higher, {b} would first overtake {a}"),
    "r_st_high_none": ("；权重升至 100% {top}仍不变", "; up to 100% {top} stay the same"),
    # the first swap at an end itself (BoD: a child whose weight reaches 0 drops out): said to happen there
    "r_st_excl": ("（不含）", " (excluded)"),
    "r_st_low_edge": ("；降至 0% 时，{b}将超过{a}", "; at 0%, {b} would overtake {a}"),
    "r_st_high_edge": ("；升至 100% 时，{b}将超过{a}", "; at 100%, {b} would overtake {a}"),
    "r_st_all": ("{name}的权重在 0%–100% 之间任意变动，{top}及其顺序均不变（当前为 {cur}）",
                 "The weight of {name} can take any value from 0% to 100% without changing {top} or their "
                 "order (it is now {cur})"),
    "r_st_near": ("当前权重距区间端点不足其 10%，{top}对这一权重较为敏感。",
                  " The current weight lies within 10 % of itself from an end: {top} are sensitive to it."),
    "r_st_end": ("。", "."),
    "r_st_none": ("没有参与排名的单位，无从讨论权重的稳健性。", "No unit is ranked: there is no ranking to keep."),
    "top_n": ("前 {n} 名", "the TOP {n}"),
    # the report: a city's profile
    "r_sw": ("按指标排名与综合排名（第 {rank} 名）相差至少 {k} 名计，优势指标：{strengths}；短板指标：{weaknesses}。",
             "Against its overall rank ({rank}), by at least {k} places: strengths {strengths}; weaknesses "
             "{weaknesses}."),
    "r_sw_item": ("{name}（{code}，第 {rank} 名）", "{name} ({code}, rank {rank})"),
    "r_sw_more": ("等 {n} 项", " and more ({n} in all)"),
    "r_sw_none": ("无", "none"),
    "r_sw_no_room_up": ("无（不可能再靠前 {k} 名）", "none (no room to rank {k} places higher)"),
    "r_sw_no_room_down": ("无（不可能再靠后 {k} 名）", "none (no room to rank {k} places lower)"),
}


def lang_of(lang: str | None) -> str:
    return "en" if lang == "en" else "zh"


def why_text(key: str, lang: str | None, **fields: Any) -> str:
    """The text `key` in `lang` ('zh' unless 'en'), its fields filled."""
    zh, en = TEXTS[key]
    return (en if lang_of(lang) == "en" else zh).format(**fields)


def sheet_titles(lang: str | None) -> dict[str, str]:
    """The two sheets' names by key (the results workbook's `sheet_names` adds them)."""
    return {"stability": why_text("s_stability", lang), "strengths": why_text("s_strengths", lang)}


def top_words(n: int, lang: str | None) -> str:
    """前十名 (Chinese numerals up to 99, as the report writes them) / the TOP 10."""
    if lang_of(lang) == "en" or not 1 <= n <= 99:
        return why_text("top_n", lang, n=n)
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    word = digits[n] if n < 10 else ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return f"前{word}名"


PCT_TOL = 1e-4  # percentage points: the intervals are found to 1e-6 (1e-4 points); closer counts as on the bound


def interval_pct(low: float, high: float, current: float, most: int = 3) -> tuple[str, str, str]:
    """(low, high, current) as percentages, e.g. ('14%', '27%', '20%').

    The bounds are rounded inward — low up, high down — so that every weight between the two numbers printed
    keeps the TOP-N as it is (rounding outward would print a weight at which it has already changed). Whole
    percents when they still leave the current weight strictly inside (or at 0% / 100% when the interval ends
    there), else one decimal more, up to `most` decimals. The current weight is printed with as many."""
    lo, hi, cur = 100.0 * low, 100.0 * high, 100.0 * current
    for d in range(most + 1):
        f = 10.0 ** d
        lo_r = math.ceil(lo * f - PCT_TOL * f) / f
        hi_r = math.floor(hi * f + PCT_TOL * f) / f
        cur_r = round(cur, d)
        inside = (lo_r < cur_r or lo_r == 0.0 == round(cur, d)) and (cur_r < hi_r or hi_r == 100.0 == cur_r)
        if (inside and lo_r < hi_r) or d == most:
            return _pct(lo_r, d), _pct(hi_r, d), _pct(cur_r, d)
    raise AssertionError("unreachable")


def _pct(v: float, d: int) -> str:
    return f"{max(v, 0.0):.{d}f}%"
