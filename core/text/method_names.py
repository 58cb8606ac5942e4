"""The names of the methods and of the pipeline's steps, in Chinese and English.

One place for them: the results workbook and the report (core.outputs.method_words) and the engine's
own messages (an uncertainty note naming the method combination it drew) all say a method's name
from here.
"""

from __future__ import annotations

NORM_NAMES = {
    "zh": {"minmax": "极差标准化 (min-max)", "zscore": "标准差标准化 (z-score)", "rank": "排名法 (rank)",
           "percentile": "百分位法 (percentile)", "goalposts": "目标区间法 (goalposts)",
           "target": "目标值法 (target)", "ratio_max": "比值法 (x/max)"},
    "en": {"minmax": "min-max", "zscore": "z-score (sample sd)", "rank": "rank", "percentile": "percentile",
           "goalposts": "goalposts", "target": "distance to target", "ratio_max": "ratio to the maximum (x/max)"},
}
AGG_NAMES = {
    "zh": {"arithmetic": "加权算术平均", "geometric": "加权几何平均", "harmonic": "加权调和平均",
           "topsis": "TOPSIS（优劣解距离法）", "grey": "灰色关联分析", "rsr": "秩和比（RSR）",
           "copeland": "Copeland 排序", "bod": "DEA/BoD（有利原则）"},
    "en": {"arithmetic": "weighted arithmetic mean", "geometric": "weighted geometric mean",
           "harmonic": "weighted harmonic mean", "topsis": "TOPSIS", "grey": "grey relational analysis",
           "rsr": "rank-sum ratio", "copeland": "Copeland ranking", "bod": "benefit of the doubt (DEA)"},
}
IMP_NAMES = {
    "zh": {"none": "不填补（缺失保持缺失，并在数据质量表中列出）", "mean": "均值填补", "median": "中位数填补",
           "group_mean": "按“{g}”分组均值填补（组内无值时用总体均值）",
           "group_median": "按“{g}”分组中位数填补（组内无值时用总体中位数）"},
    "en": {"none": "none (missing values stay missing and are listed in the data-quality sheet)",
           "mean": "mean", "median": "median", "group_mean": "mean of the group '{g}' (overall mean when the "
           "group has no value)", "group_median": "median of the group '{g}' (overall median when the group "
           "has no value)"},
}
TRANSFORM_NAMES = {"log": "log(x)", "log1p": "log(1 + x)"}
STAGE_NAMES = {"zh": {"denominate": "分母处理", "screen": "单位筛选", "impute": "缺失值处理", "treat": "异常值处理",
                      "transform": "变换", "normalise": "归一化", "weights": "权重", "aggregate": "聚合",
                      "rank": "排名", "display": "显示"},
               "en": {"denominate": "Denomination", "screen": "Screening", "impute": "Imputation",
                      "treat": "Outliers", "transform": "Transform", "normalise": "Normalisation",
                      "weights": "Weights", "aggregate": "Aggregation", "rank": "Ranking", "display": "Display"}}


def method_combo(normalization: str | None, aggregation: str | None, lang: str) -> str:
    """'normalization minmax, aggregation geometric' (en) / '标准化：极差标准化 (min-max)；聚合：加权几何平均' (zh):
    the methods one run of a sensitivity analysis used (None = the project's own)."""
    if lang == "en":
        return ", ".join(f"{k} {v}" for k, v in (("normalization", normalization), ("aggregation", aggregation))
                         if v is not None)
    parts = [f"标准化：{NORM_NAMES['zh'].get(normalization, normalization)}" if normalization is not None else "",
             f"聚合：{AGG_NAMES['zh'].get(aggregation, aggregation)}" if aggregation is not None else ""]
    return "；".join(p for p in parts if p)
