"""The words of editions (issue 19) in Chinese and English: the `trend` command's lines and what each
`editions_normalization` mode means for reading the scores (for the results workbook and the report).

`text(key, lang, **fields)` fills one template; `describe_mode(mode, lang)` is the sentence a reader
needs next to scores of several editions.
"""

from __future__ import annotations

from typing import Any

from core.text.messages import lang_of

TEXTS: dict[str, tuple[str, str]] = {
    "trend_head": ("{n} 个单位在 {k} 个版次（{editions}）中的排名与得分；节点 {node}；"
                   "变化 = 上一版名次 − 本版名次（正数为上升）",
                   "{n} units over {k} editions ({editions}): rank and score at {node}; change = previous rank − "
                   "current rank (positive = moved up)"),
    "trend_unit": ("单位", "unit"),
    "trend_rank": ("{label} 名次", "{label} rank"),
    "trend_score": ("{label} 得分", "{label} score"),
    "trend_change": ("变化", "change"),
    "latest_only": ("{input} 有 {k} 个版次（{editions}）；本命令只分析最新的 {latest} 版。历年变化请用 trend 命令。",
                    "{input} has {k} editions ({editions}); this command analyses the latest, {latest}. For the "
                    "changes over the editions, use the trend command."),
    "trend_one_edition": ("{input} 只有一个版次：没有可比较的历年排名。多版次输入可在数据表中加「year/年份」列，"
                          "或每版一个数据表（数据2023、数据2024…）",
                          "{input} has one edition only: there is no trend to show. Give several editions with a "
                          "year/年份 column in the data sheet, or one data sheet per edition (data_2023, "
                          "data_2024, …)"),
    "trend_unknown_node": ("框架中没有节点「{code}」", "no node '{code}' in the framework"),
    "trend_mode": ("历年标准化方式：{mode}", "editions normalised: {mode}"),
    "score_editions": ("共 {k} 个版次（{editions}）；以下为最新版 {latest} 的排名，变化对比 {previous}",
                       "{k} editions ({editions}); below the latest, {latest}, with the change since {previous}"),
}

MODE_NAMES = {
    "zh": {"each": "各版分别标准化", "pooled": "各版合并标准化", "base": "以首版为基准标准化"},
    "en": {"each": "each edition on its own", "pooled": "pooled over all editions",
           "base": "on the first edition's goalposts"},
}

MODE_MEANINGS = {
    "zh": {"each": "每一版的指标各自标准化（各版的最小值、最大值等分别计算），与逐年发布的排名一致：各版之间名次可比，"
                   "得分只能大致比较——同样的 60 分在不同年份代表的是各自当年范围中的位置。",
           "pooled": "所有版次的数据合并后统一标准化（最小值、最大值等取自各版全部数据），"
                     "异常值处理与缺失值插补也在合并数据上进行：同样的得分在各版含义相同，得分的升降就是实际水平的升降。",
           "base": "以第一版（{base}）的标准化参数作为固定基准（如其最小值、最大值），后续各版沿用；"
                   "超出基准的数值截至量表端点。得分反映相对于基准年的水平，超出基准年最好水平的单位得满分。"},
    "en": {"each": "Every edition is normalised on its own (its own minimum, maximum, …), as annual rankings are "
                   "published: ranks are comparable across editions, scores only roughly — a 60 means a place within "
                   "that edition's own range.",
           "pooled": "All editions are normalised together (minimum, maximum, … over every edition's rows), and "
                     "outliers and imputation are treated on the pooled rows: a score means the same in every "
                     "edition, so a rise in score is a rise in level.",
           "base": "The first edition's ({base}) normalisation parameters (its minimum, maximum, …) are fixed "
                   "goalposts for every later edition; values beyond them are clipped to the scale. Scores show the "
                   "level against the base edition; a unit beyond the base edition's best scores the maximum."},
}


def text(key: str, lang: str | None, **fields: Any) -> str:
    zh, en = TEXTS[key]
    return (en if lang_of(lang) == "en" else zh).format(**fields)


def mode_name(mode: str, lang: str | None) -> str:
    return MODE_NAMES[lang_of(lang)].get(mode, mode)


def describe_mode(mode: str, lang: str | None, base: str = "") -> str:
    """What `editions_normalization` = mode means for reading the scores (one or two sentences)."""
    return MODE_MEANINGS[lang_of(lang)].get(mode, mode).format(base=base)


def describe_steps(steps: list[dict], lang: str | None) -> str:
    """The sentence for a Result (its `steps`): which mode its editions were normalised by and what that
    means; '' for a one-edition result (no "editions" step)."""
    step = next((st for st in steps if st.get("stage") == "editions"), None)
    if step is None:
        return ""
    mode = step["normalization"]
    head = text("trend_mode", lang, mode=mode_name(mode, lang))
    sep = "。" if lang_of(lang) == "zh" else ". "
    return head + sep + describe_mode(mode, lang, base=(step.get("editions") or [""])[0])
