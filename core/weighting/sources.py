"""How a set of weights was made, in words: the one place of these texts, in Chinese and English.

The text is stored as the children's `weight_source` (the 权重来源 of the results workbook, the
report's method notes) and shown in the dialogs when weights are applied. It is written in the
language the user works in at that moment.
"""

from __future__ import annotations

import re

from core.weighting.ahp import METHOD_NAMES

TEXTS = {
    "zh": {
        "panel": "专家组（{merge}），{n} 位专家，第 {round} 轮",
        "aij": "AIJ 判断矩阵几何平均", "aip": "AIP 权重算术平均",
        "ahp": "层次分析法（{method}），CR = {cr}",
        "entropy": "熵权法", "entropy_minmax": "熵权法（极差标准化）", "critic": "CRITIC 法",
        "stdev": "标准差法", "pca": "主成分分析法", "equal": "等权",
        "none": "—",
    },
    "en": {
        "panel": "expert panel ({merge}), {n} experts, round {round}",
        "aij": "AIJ, geometric mean of the judgements", "aip": "AIP, mean of the weights",
        "ahp": "AHP ({method}), CR {cr}",
        "entropy": "entropy", "entropy_minmax": "entropy on min-max values", "critic": "CRITIC",
        "stdev": "standard deviation", "pca": "PCA", "equal": "equal",
        "none": "n/a",
    },
}
DATA_METHODS = ("entropy", "entropy_minmax", "critic", "stdev", "pca", "equal")


def _t(lang: str) -> dict:
    return TEXTS["en" if lang == "en" else "zh"]


def panel_source(method: str, n_experts: int, rounds: str, lang: str) -> str:
    """'专家组（AIJ 判断矩阵几何平均），2 位专家，第 1 轮' / 'expert panel (AIJ, …), 2 experts, round 1'."""
    T = _t(lang)
    return T["panel"].format(merge=T.get(method, method.upper()), n=n_experts, round=rounds)


def ahp_source(method: str, cr: float | None, lang: str) -> str:
    """'层次分析法（特征向量法），CR = 0.073' / 'AHP (principal eigenvector), CR 0.073'."""
    T = _t(lang)
    names = METHOD_NAMES.get(method, (method, method))
    return T["ahp"].format(method=names[0 if lang != "en" else 1],
                           cr=T["none"] if cr is None else f"{cr:.3f}")


def data_source(method: str, lang: str) -> str:
    """'熵权法' / 'entropy', … for the weights computed from the data."""
    return _t(lang).get(method, method)


# Texts written before sources followed the language (kept in older project files).
LEGACY = {"entropy (熵权法)": "entropy", "entropy on min-max values (熵权法)": "entropy_minmax", "CRITIC": "critic",
          "standard deviation (标准差法)": "stdev", "PCA (主成分法)": "pca", "equal (等权)": "equal"}
_PANEL = [re.compile(r"^panel (AIJ|AIP), (\d+) experts, round (.+)$"),
          re.compile(r"^expert panel \((AIJ|AIP)[^)]*\), (\d+) experts, round (.+)$"),
          re.compile(r"^专家组（(AIJ|AIP)[^）]*），(\d+) 位专家，第 (.+) 轮$")]
_AHP = [re.compile(r"^AHP \((.+)\), CR (.+)$"), re.compile(r"^层次分析法（(.+)），CR = (.+)$")]


def localise_source(source: str, lang: str) -> str:
    """A weight source made by this module (in either language, or in the English of older projects)
    rewritten in `lang`; any other text (a user's, 'manual', a scenario's) unchanged."""
    if not source:
        return source
    for m in DATA_METHODS:
        if source in (TEXTS["zh"][m], TEXTS["en"][m]) or LEGACY.get(source) == m:
            return data_source(m, lang)
    for rx in _PANEL:
        hit = rx.match(source)
        if hit:
            return panel_source(hit.group(1).lower(), int(hit.group(2)), hit.group(3), lang)
    for rx in _AHP:
        hit = rx.match(source)
        if hit:
            method = next((k for k, names in METHOD_NAMES.items() if hit.group(1) in names), None)
            try:
                cr = float(hit.group(2))
            except ValueError:
                cr = None
            if method is not None:
                return ahp_source(method, cr, lang)
    return source
