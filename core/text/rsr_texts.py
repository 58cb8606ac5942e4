"""The words of the rank-sum ratio grading (秩和比分档, issue 20 point 3) in Chinese and English, each in
one place: the level names, the grading's notes, the results workbook's 秩和比分档 sheet and the
`rsr-grades` command's lines.

`TEXTS` maps a key to (Chinese, English) templates; `rsr_text(key, lang, **fields)` fills one.
`level_names(k, lang)` names the k levels, worst first (grade 1 … k, k the best): 下/中/上 for three,
下/中下/中上/上 for four, 下/中下/中/中上/上 for five, 第1档 … 第k档 beyond (the higher, the better).
"""

from __future__ import annotations

from typing import Any

NAMED_LEVELS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    3: (("下", "中", "上"), ("Low", "Middle", "High")),
    4: (("下", "中下", "中上", "上"), ("Low", "Lower middle", "Upper middle", "High")),
    5: (("下", "中下", "中", "中上", "上"), ("Low", "Lower middle", "Middle", "Upper middle", "High")),
}

TEXTS: dict[str, tuple[str, str]] = {
    "level_n": ("第{g}档", "Level {g}"),
    # notes a grading carries (RSRGrading.note)
    "few_units": ("只有 {n} 个单位有秩和比，至少需要 3 个才能做概率单位回归与分档。",
                  "Only {n} units have a rank-sum ratio; the probit regression and grading need at least 3."),
    "all_equal": ("所有单位的秩和比相同（{rsr}），无法做回归与分档。",
                  "Every unit has the same rank-sum ratio ({rsr}); no regression or grading is possible."),
    "two_values": ("秩和比只有 2 个不同的值：回归直线恰好通过这两点，无法做 F 检验。",
                   "The rank-sum ratio takes only 2 distinct values: the line passes through both, no F test."),
    "missing": ("在该节点没有得分、未参与分档的单位：{units}。",
                "Units without a score at this node, left out of the grading: {units}."),
    "bad_levels": ("分档数须为 3 到 10 之间的整数，而不是 {levels}。",
                   "The number of levels must be a whole number from 3 to 10, not {levels}."),
    "not_rsr": ("节点 {node} 的汇总方法是 {method}，不是秩和比（rsr）：分档只对秩和比节点进行。",
                "Node {node} is aggregated by {method}, not by the rank-sum ratio (rsr): only an rsr node is graded."),
    "no_node": ("没有节点 {node}；内部节点：{known}。", "There is no node {node}; internal nodes: {known}."),
    "no_rsr_node": ("没有任何节点使用秩和比（rsr）汇总。请在指标体系的 aggregation 列把某个节点设为 rsr"
                    "（或在设置中把默认汇总方法设为 rsr）。",
                    "No node is aggregated by the rank-sum ratio (rsr). Set a node's aggregation to rsr in the "
                    "framework sheet (or the default aggregation in the settings)."),
    # the regression line and its figures
    "line": ("RSR = {a} + {b} × Probit（R² = {r2}，F = {f}，P {p}；对 {m} 个不同的 RSR 值回归）",
             "RSR = {a} + {b} × Probit (R² = {r2}, F = {f}, P {p}; regression over {m} distinct RSR values)"),
    "line_no_f": ("RSR = {a} + {b} × Probit（R² = {r2}；对 {m} 个不同的 RSR 值回归，无 F 检验）",
                  "RSR = {a} + {b} × Probit (R² = {r2}; regression over {m} distinct RSR values, no F test)"),
    "no_line": ("未做回归：{why}", "No regression: {why}"),
    # the 秩和比分档 sheet
    "s_sheet": ("秩和比分档", "RSR grading"),
    "d_sheet": ("每个以秩和比汇总的节点：RSR 分布、概率单位回归与分档", "each node aggregated by the rank-sum ratio: "
                "the distribution of RSR, the probit regression and the levels"),
    "sheet_note": ("秩和比（RSR）的概率单位回归分档（田凤调）：按 RSR 由小到大，各 RSR 值的频数 f、累计频数 Σf、"
                   "平均秩次 R̄ = 其所占秩次 1…n 的平均，百分率 p = R̄/n（p 为 100% 时以 1 − 1/(4n) 校正），"
                   "Probit = 5 + Φ⁻¹(p)；以各不同 RSR 值对其 Probit 作最小二乘回归 RSR = a + b·Probit；"
                   "分 k 档的 Probit 界值为 2 + 6i/k（i = 1…k−1），RSR 临界值 = a + b·界值；"
                   "各单位按其 RSR 估计值（a + b·Probit）归档，档次越高越好。",
                   "Probit grading of the rank-sum ratio (Tian Fengdiao): RSR sorted ascending; per distinct value "
                   "its frequency f, cumulative Σf, mean rank R̄ of the ranks 1…n it occupies, percent p = R̄/n (a p of "
                   "100 % corrected to 1 − 1/(4n)), Probit = 5 + Φ⁻¹(p); least squares over the distinct RSR values "
                   "RSR = a + b·Probit; k levels cut at Probit 2 + 6i/k (i = 1…k−1), RSR cut = a + b·cut; each unit "
                   "graded by its fitted RSR (a + b·Probit), the higher level the better."),
    "node_head": ("节点 {code} {name}（秩和比，分 {k} 档，{n} 个单位）",
                  "Node {code} {name} (rank-sum ratio, {k} levels, {n} units)"),
    "t_dist": ("RSR 分布", "Distribution of RSR"),
    "t_cuts": ("分档", "Levels"),
    "t_units": ("各单位分档", "Each unit's level"),
    "c_rsr": ("RSR", "RSR"), "c_f": ("频数 f", "f"), "c_cum": ("累计频数 Σf", "Σf"),
    "c_rbar": ("平均秩次 R̄", "Mean rank R̄"), "c_pct": ("百分率 p（%）", "Percent p (%)"),
    "c_probit": ("Probit", "Probit"), "c_level": ("等级", "Level"), "c_grade": ("档次", "Grade"),
    "c_pctile": ("百分位数 P", "Percentile P"), "c_probit_range": ("Probit 范围", "Probit range"),
    "c_rsr_range": ("RSR 估计值范围", "Fitted RSR range"), "c_unit": ("单位", "Unit"),
    "c_rank": ("RSR 排名", "RSR rank"), "c_fitted": ("RSR 估计值", "Fitted RSR"),
    "c_cut_probit": ("Probit 界值", "Probit cut"), "c_cut_rsr": ("RSR 临界值", "RSR cut"),
    # the rsr-grades command
    "cmd_head": ("节点 {code}：{n} 个单位的秩和比分 {k} 档",
                 "Node {code}: the rank-sum ratio of {n} units in {k} levels"),
    "cmd_cut": ("  {level}：RSR 估计值 {range}", "  {level}: fitted RSR {range}"),
    "cmd_row": ("{pos:>4}  {unit}  RSR {rsr}  Probit {probit}  估计值 {fitted}  {level}",
                "{pos:>4}  {unit}  RSR {rsr}  Probit {probit}  fitted {fitted}  {level}"),
}


def rsr_text(key: str, lang: str | None, **fields: Any) -> str:
    """The text `key` in `lang` ('en', else Chinese), its fields filled."""
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**fields)


def level_names(k: int, lang: str | None) -> list[str]:
    """The names of grades 1 … k (1 the lowest) in `lang`."""
    named = NAMED_LEVELS.get(k)
    if named is not None:
        return list(named[1] if lang == "en" else named[0])
    return [rsr_text("level_n", lang, g=g) for g in range(1, k + 1)]
