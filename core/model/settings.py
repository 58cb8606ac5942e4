"""The project's defaults (DESIGN §3, the `settings` sheet).

Each key has a type, a default, the values it admits and a sentence of
documentation; `parse_settings` turns the sheet's rows into a `Settings`
object and reports every unknown key or bad value with its row.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from core.model.problems import ProblemList

NORMALIZATIONS = ("minmax", "zscore", "rank", "percentile", "goalposts", "target", "ratio_max")
AGGREGATIONS = ("arithmetic", "geometric", "harmonic", "topsis", "grey", "rsr", "copeland", "bod")
TOPSIS_NORMALIZATIONS = ("vector", "minmax")
IMPUTATIONS = ("none", "mean", "median", "group_mean", "group_median")
OUTLIERS = ("none", "winsorise")
TRANSFORMS = ("", "log", "log1p")
LANGUAGES = ("zh", "en")
EDITIONS_NORMALIZATIONS = ("each", "pooled", "base")

# Accepted spellings in a settings or framework cell -> canonical name.
ALIASES = {
    "min-max": "minmax", "min_max": "minmax", "z-score": "zscore", "z_score": "zscore",
    "ratio-max": "ratio_max", "winsorize": "winsorise", "group-mean": "group_mean",
    "group-median": "group_median", "arith": "arithmetic", "geom": "geometric",
    "none": "none", "": "",
    # Chinese spellings commonly typed in workbooks
    "极差标准化": "minmax", "极差法": "minmax", "标准差标准化": "zscore", "z分数": "zscore",
    "排名": "rank", "百分位": "percentile", "目标值": "target", "比值法": "ratio_max",
    "算术平均": "arithmetic", "加权算术平均": "arithmetic", "几何平均": "geometric",
    "加权几何平均": "geometric", "调和平均": "harmonic", "对数": "log",
    "gra": "grey", "gray": "grey", "灰色关联": "grey", "灰色关联分析": "grey", "秩和比": "rsr",
    "秩和比法": "rsr", "copeland排序": "copeland", "dea": "bod", "benefit_of_the_doubt": "bod",
    "优劣解距离法": "topsis", "逼近理想解排序法": "topsis", "向量归一化": "vector",
    "均值": "mean", "中位数": "median", "无": "none", "缩尾": "winsorise",
    "各年分别": "each", "逐年": "each", "合并": "pooled", "各年合并": "pooled", "基年": "base", "基期": "base",
}


def canonical(value: Any) -> str:
    """Lower-case, trimmed, alias-resolved method name ('' for empty)."""
    if value is None:
        return ""
    s = str(value).strip()
    key = s.lower()
    return ALIASES.get(key, ALIASES.get(s, key))


# settings that only a node using that aggregation reads (the methods sheet lists them only then)
METHOD_SETTINGS = {"topsis_normalization": "topsis", "grey_rho": "grey", "bod_min_share": "bod", "bod_max_share": "bod",
                   "rsr_levels": "rsr"}


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: type
    default: Any
    choices: tuple | None
    doc: str
    low: float | None = None
    high: float | None = None


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("scale", float, 100.0, None, "top of the score scale (100 or 1)", 0, None),
    SettingSpec("decimals", int, 1, None, "digits shown and exported", 0, 10),
    SettingSpec("normalization", str, "minmax", NORMALIZATIONS, "default normalisation"),
    SettingSpec("aggregation", str, "arithmetic", AGGREGATIONS, "default aggregation"),
    SettingSpec("minmax_low", float, 0.0, None, "lower end of the min-max range"),
    SettingSpec("unit_min_coverage", float, 0.0, None, "least share of indicators a unit needs", 0, 1),
    SettingSpec("imputation", str, "none", IMPUTATIONS, "how missing values are filled"),
    SettingSpec("imputation_group", str, "", None, "group column for group imputation"),
    SettingSpec("outliers", str, "none", OUTLIERS, "outlier treatment"),
    SettingSpec("winsor_max_points", int, 5, None, "most winsorisation steps", 0, None),
    SettingSpec("skew_limit", float, 2.0, None, "|skewness| limit of the outlier rule", 0, None),
    SettingSpec("kurtosis_limit", float, 3.5, None, "kurtosis limit of the outlier rule"),
    SettingSpec("node_min_coverage", float, 0.5, None, "least share of children present", 0, 1),
    SettingSpec("language", str, "zh", LANGUAGES, "language of the interface and outputs"),
    SettingSpec("topsis_normalization", str, "vector", TOPSIS_NORMALIZATIONS,
                "how TOPSIS makes the children's columns comparable: x/√Σx² or min-max"),
    SettingSpec("grey_rho", float, 0.5, None, "distinguishing coefficient ρ of grey relational analysis", 0, 1),
    SettingSpec("bod_min_share", float, 0.0, None, "least share of a child in benefit-of-the-doubt weights", 0, 1),
    SettingSpec("bod_max_share", float, 1.0, None, "largest share of a child in benefit-of-the-doubt weights",
                0, 1),
    SettingSpec("rsr_levels", int, 3, None, "levels of the rank-sum ratio's probit grading (秩和比分档)",
                3, 10),
    SettingSpec("editions_normalization", str, "each", EDITIONS_NORMALIZATIONS,
                "several editions: each normalised on its own, pooled over all, or on the first (base) edition's "
                "goalposts"),
)
SPEC_BY_KEY = {s.key: s for s in SPECS}
# Chinese keys users may type in a 设置 sheet.
KEY_ALIASES = {
    "满分": "scale", "小数位数": "decimals", "标准化方法": "normalization",
    "聚合方法": "aggregation", "normalisation": "normalization",
    "语言": "language", "分辨系数": "grey_rho", "缺失值处理": "imputation", "异常值处理": "outliers",
    "历年标准化": "editions_normalization", "editions_normalisation": "editions_normalization",
    "秩和比分档数": "rsr_levels",
}


@dataclass(frozen=True)
class Settings:
    scale: float = 100.0
    decimals: int = 1
    normalization: str = "minmax"
    aggregation: str = "arithmetic"
    minmax_low: float = 0.0
    unit_min_coverage: float = 0.0
    imputation: str = "none"
    imputation_group: str = ""
    outliers: str = "none"
    winsor_max_points: int = 5
    skew_limit: float = 2.0
    kurtosis_limit: float = 3.5
    node_min_coverage: float = 0.5
    language: str = "zh"
    topsis_normalization: str = "vector"
    grey_rho: float = 0.5
    bod_min_share: float = 0.0
    bod_max_share: float = 1.0
    rsr_levels: int = 3
    editions_normalization: str = "each"
    extra: dict = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}

    def aggregation_params(self) -> dict:
        """What the methods beyond a weighted mean read (core/pipeline/aggregate_matrix.py)."""
        return {"scale": self.scale, "topsis_normalization": self.topsis_normalization,
                "grey_rho": self.grey_rho, "bod_min_share": self.bod_min_share,
                "bod_max_share": self.bod_max_share}

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def setting_cells(rows: list[tuple[int, Any, Any]], file: str = "", sheet: str = "settings") -> dict[str, dict]:
    """Where each known key's value sits: {key: dict(file, sheet, row, column="value", value)}, so a
    problem found later (two settings in conflict, a setting the framework cannot meet) names the cell."""
    out: dict[str, dict] = {}
    for row, raw_key, raw_value in rows:
        if raw_key is None or str(raw_key).strip() == "":
            continue
        key = str(raw_key).strip()
        key = KEY_ALIASES.get(key, key.lower())
        if key in SPEC_BY_KEY and key not in out:
            out[key] = dict(file=file, sheet=sheet, row=row, column="value", value=raw_value)
    return out


def parse_settings(
    rows: list[tuple[int, Any, Any]],
    problems: ProblemList,
    file: str = "",
    sheet: str = "settings",
) -> Settings:
    """Parse `(excel_row, key, value)` rows; bad rows are reported, defaults kept."""
    values: dict[str, Any] = {}
    located = setting_cells(rows, file, sheet)
    for row, raw_key, raw_value in rows:
        if raw_key is None or str(raw_key).strip() == "":
            continue
        key = str(raw_key).strip()
        key = KEY_ALIASES.get(key, key.lower())
        spec = SPEC_BY_KEY.get(key)
        where = dict(file=file, sheet=sheet, row=row, column="key", value=raw_key)
        if spec is None:
            problems.error("unknown_setting", f"unknown setting '{raw_key}'; known: "
                           + ", ".join(SPEC_BY_KEY), **where, args={"known": ", ".join(SPEC_BY_KEY)})
            continue
        where.update(column="value", value=raw_value)
        if raw_value is None or str(raw_value).strip() == "":
            continue  # empty = default
        if spec.kind is str:
            v = str(raw_value).strip()
            if spec.choices is not None:
                v = canonical(v)
                if v not in spec.choices:
                    problems.error("unknown_method", f"setting '{key}' has unknown value; "
                                   f"choose one of: {', '.join(spec.choices)}", **where,
                                   args={"variant": "setting", "key": key, "choices": ", ".join(spec.choices)})
                    continue
        else:
            try:
                f = float(str(raw_value).strip()) if isinstance(raw_value, str) else float(raw_value)
            except (TypeError, ValueError):
                problems.error("non_numeric", f"setting '{key}' must be a number", **where,
                               args={"variant": "setting", "key": key})
                continue
            if spec.kind is int:
                if f != int(f):
                    problems.error("non_integer", f"setting '{key}' must be a whole number", **where, args={"key": key})
                    continue
                v = int(f)
            else:
                v = f
            if (spec.low is not None and v < spec.low) or (spec.high is not None and v > spec.high):
                lo = spec.low if spec.low is not None else "-inf"
                rng = f"[{lo}, {spec.high if spec.high is not None else 'inf'}]"
                problems.error("out_of_range", f"setting '{key}' must lie in {rng}", **where,
                               args={"key": key, "range": rng})
                continue
        values[key] = v
    s = Settings(**values)
    def at(key: str) -> dict:
        # a conflict is shown at the cell of the setting that breaks it (when the sheet has it)
        return located.get(key, dict(file=file, sheet=sheet))

    if s.scale <= s.minmax_low:
        problems.error("bad_setting", f"minmax_low ({s.minmax_low}) must be below scale ({s.scale})",
                       **at("minmax_low"), args={"variant": "minmax_low", "low": s.minmax_low, "scale": s.scale})
    if s.imputation in ("group_mean", "group_median") and not s.imputation_group:
        problems.error("bad_setting", "group imputation needs 'imputation_group' (a group column)",
                       **at("imputation"), args={"variant": "group"})
    if not s.grey_rho > 0:
        problems.error("bad_setting", f"grey_rho ({s.grey_rho}) must be above 0",
                       **at("grey_rho"), args={"variant": "grey_rho", "rho": s.grey_rho})
        s = s.with_(grey_rho=0.5)
    if s.bod_min_share > s.bod_max_share:
        problems.error("bad_setting", f"bod_min_share ({s.bod_min_share}) must not exceed "
                       f"bod_max_share ({s.bod_max_share})", **at("bod_min_share"),
                       args={"variant": "bod_shares", "low": s.bod_min_share, "high": s.bod_max_share})
        s = s.with_(bod_min_share=0.0, bod_max_share=1.0)
    return s
