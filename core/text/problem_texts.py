"""Every problem kind's text in Chinese and English: the one place these sentences live.

A `Problem` keeps the facts of what was found in fields (unit, code, column, value, row…) and,
where a sentence needs more (the first row of a repeated unit, the cell of an expert's form, the
allowed range of a setting), in `args`. `Problem.text(lang)` fills the kind's template here with
them; a kind (or a variant, `kind.variant` picked by `args["variant"]`) without a template, or a
template whose facts the problem lacks, falls back to the engine's English `message`.

`KIND_NAMES` names each kind in a few words (the kind column of the data-quality sheet),
`SEVERITY_NAMES` the three severities and `LOCATION_WORDS` the words of a location.
"""

from __future__ import annotations

from typing import Any

from core.text import input_texts

LANGS = ("zh", "en")

SEVERITY_NAMES = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "note"},
}

LOCATION_WORDS = {
    "zh": {"sheet": "工作表「{}」", "row": "第 {} 行", "column": "列「{}」", "sep": "，", "colon": "：",
           "value": "（值：{}）", "expert": "专家 {}：", "edition": "{} 版："},
    "en": {"sheet": "sheet '{}'", "row": "row {}", "column": "column '{}'", "sep": ", ", "colon": ": ",
           "value": " (value: {})", "expert": "expert {}: ", "edition": "edition {}: "},
}

# kind → (Chinese, English): a few words naming the kind
KIND_NAMES: dict[str, tuple[str, str]] = {
    "missing": ("缺失值", "missing value"),
    "non_numeric": ("非数值", "not a number"),
    "number_as_text": ("文本格式的数字", "number stored as text"),
    "duplicate_unit": ("重复的城市", "repeated unit"),
    "empty_unit": ("缺少城市名称", "unit name missing"),
    "empty_sheet": ("空表", "empty sheet"),
    "no_units": ("没有城市", "no units"),
    "empty_header": ("缺少表头", "header missing"),
    "duplicate_column": ("重复的列", "repeated column"),
    "misspelt_header": ("疑似拼写错误的表头", "header looks misspelt"),
    "constant": ("常数指标", "constant indicator"),
    "empty_indicator": ("指标无数据", "indicator without data"),
    "empty_unit_data": ("城市无数据", "unit without data"),
    "awaits_expert_scores": ("待专家评分", "awaits expert scores"),
    "outside_scale": ("超出评分范围", "outside the scale"),
    "no_data_column": ("缺少数据列", "data column missing"),
    "no_denominator": ("缺少分母列", "denominator column missing"),
    "bad_denominator": ("分母为空或为零", "empty or zero denominator"),
    "transform_domain": ("变换定义域", "transform domain"),
    "no_group_column": ("缺少分组列", "group column missing"),
    "duplicate_code": ("重复的代码", "repeated code"),
    "empty_code": ("缺少代码", "code missing"),
    "unknown_parent": ("上级不存在", "unknown parent"),
    "unknown_code": ("代码不存在", "unknown code"),
    "cycle": ("上级循环", "cycle of parents"),
    "root_count": ("根节点", "root"),
    "empty_parent": ("上级无下级", "parent left empty"),
    "empty_framework": ("指标体系为空", "empty framework"),
    "missing_column": ("缺少列", "column missing"),
    "missing_sheet": ("缺少工作表", "sheet missing"),
    "non_numeric_weight": ("权重非数值", "weight not a number"),
    "negative_weight": ("负权重", "negative weight"),
    "mixed_weights": ("权重填写不全", "weights partly set"),
    "zero_weights": ("权重全为零", "all weights zero"),
    "bad_direction": ("方向无效", "invalid direction"),
    "unknown_method": ("未知方法", "unknown method"),
    "bad_scored_by": ("评分方式无效", "invalid scored_by"),
    "bad_scale": ("评分范围无效", "invalid scale"),
    "ignored": ("设置被忽略", "setting ignored"),
    "goalposts": ("上下限", "goalposts"),
    "target": ("目标值", "target"),
    "default_framework": ("使用默认指标体系", "default framework"),
    "unknown_setting": ("未知设置", "unknown setting"),
    "non_integer": ("非整数", "not a whole number"),
    "out_of_range": ("超出范围", "out of range"),
    "bad_setting": ("设置冲突", "settings conflict"),
    "imputation_fallback": ("插补方法替代", "imputation fallback"),
    "outlier_flagged": ("异常值仍未处理", "outlier still flagged"),
    "outlier_not_tested": ("未检验异常值", "outliers not tested"),
    "double_log": ("重复对数变换", "log applied twice"),
    "csv_extra_values": ("CSV 列数不符", "CSV row too long"),
    "project_file": ("项目文件", "project file"),
    "form_no_expert": ("缺少专家姓名", "expert name missing"),
    "form_round": ("轮次无效", "invalid round"),
    "form_other_framework": ("其他指标体系的表", "form of another framework"),
    "form_missing_sheet": ("缺少工作表", "sheet missing"),
    "form_unknown_code": ("未知代码", "unknown code"),
    "form_empty": ("空表", "empty form"),
    "form_node_empty": ("节点未填写", "node left blank"),
    "form_nodes_blank": ("未填写的节点", "nodes left blank"),
    "form_missing_column": ("缺少列", "column missing"),
    "form_non_numeric": ("权重非数值", "weight not a number"),
    "form_negative": ("负权重", "negative weight"),
    "form_mixed_weights": ("权重填写不全", "weights partly set"),
    "form_zero_weights": ("权重全为零", "all weights zero"),
    "ahp_unknown_code": ("未知代码", "unknown code"),
    "ahp_duplicate_code": ("重复的代码", "repeated code"),
    "ahp_no_row_code": ("缺少行代码", "row code missing"),
    "ahp_missing_code": ("缺少下级代码", "child code missing"),
    "ahp_not_a_number": ("判断值非数值", "judgement not a number"),
    "ahp_diagonal": ("对角线", "diagonal"),
    "ahp_not_positive": ("判断值非正", "judgement not positive"),
    "ahp_out_of_scale": ("超出 1–9 标度", "outside Saaty's scale"),
    "ahp_missing": ("缺少判断值", "judgement missing"),
    "ahp_not_reciprocal": ("不互为倒数", "not reciprocal"),
    "score_no_info": ("缺少说明表", "info sheet missing"),
    "score_no_expert": ("缺少专家姓名", "expert name missing"),
    "score_other_framework": ("其他指标体系的表", "sheet of another framework"),
    "score_missing_sheet": ("缺少评分表", "score sheet missing"),
    "score_unknown_indicator": ("未知指标", "unknown indicator"),
    "score_duplicate_indicator": ("重复的指标列", "repeated indicator"),
    "score_not_expert_scored": ("非专家评分指标", "not expert-scored"),
    "score_unknown_unit": ("未知城市", "unknown unit"),
    "score_duplicate_unit": ("重复的城市", "repeated unit"),
    "score_not_a_number": ("评分非数值", "score not a number"),
    "score_outside_scale": ("超出评分范围", "outside the scale"),
    "score_as_text": ("文本格式的评分", "score stored as text"),
    "score_unit_gone": ("城市已不在项目中", "unit no longer in the project"),
    "score_unit_missing": ("缺少城市", "units missing"),
    "score_indicator_missing": ("缺少指标列", "indicator columns missing"),
    "score_empty": ("空表", "empty sheet"),
    "score_duplicate_expert": ("重复的专家", "repeated expert"),
    "score_too_few": ("评分过少", "too few scores"),
    "edition_label_missing": ("缺少年份", "edition missing"),
    "edition_unit_absent": ("城市在某年缺席", "unit absent from an edition"),
    "editions_two_forms": ("两种历年数据形式并存", "two forms of editions"),
    "editions_same_label": ("同一年份有多张数据表", "one edition in several sheets"),
    "edition_label_not_year": ("年份不是数字", "edition is not a year"),
}

# kind (or kind.variant) → (Chinese, English) template over the problem's fields and args
TEMPLATES: dict[str, tuple[str, str]] = {
    # --- the data sheet ---------------------------------------------------------------------
    "missing": ("空单元格：{unit} 的「{column}」没有数值，按缺失处理",
                "empty cell: {unit} has no value for '{column}'"),
    "non_numeric": ("{unit} 的「{column}」不是数值：请改正该单元格或留空（按缺失处理，绝不当作零）",
                    "not a number in '{column}' for {unit}; correct the cell or leave it empty (it is treated "
                    "as missing, never as zero)"),
    "non_numeric.framework": ("「{code}」的 {column} 不是数值", "{column} of '{code}' is not a number"),
    "non_numeric.setting": ("设置「{key}」必须是数值", "setting '{key}' must be a number"),
    "number_as_text": ("{unit} 的「{column}」是以文本保存的数字，按数值 {num} 读取",
                       "a number stored as text for {unit}; read as {num}"),
    "duplicate_unit": ("城市「{unit}」重复出现（首次在第 {first_row} 行），本行不使用",
                       "unit '{unit}' appears again (first at row {first_row}); this row is not used"),
    "empty_unit": ("一行没有城市名称（其数值不使用）", "a row without a unit name (its values are not used)"),
    # --- editions (issue 19) ----------------------------------------------------------------
    "edition_label_missing": ("一行的「{column}」没有填写年份（其数值不使用）",
                              "a row without an edition in column '{column}' (its values are not used)"),
    "edition_unit_absent": ("城市「{unit}」不在 {edition} 版中（在 {others} 版中），该年没有排名",
                            "unit '{unit}' is not in edition {edition} (it is in {others}): it has no rank there"),
    "editions_same_label": ("工作表 {sheets} 都是 {label} 版的数据：请只保留一张",
                            "sheets {sheets} all hold edition {label}: keep one"),
    "edition_label_not_year": ("「{column}」列中的「{label}」不是年份（不含数字）：版次按年份先后排列，无法确定其位置"
                               "（这些行的数值不使用）",
                               "'{label}' in column '{column}' is not a year (no digit): the editions are ordered "
                               "by year, so its place is unknown (its rows are not used)"),
    "editions_two_forms": ("既有数据表「{sheet}」又有分年数据表（{sheets}）：请只保留一种形式",
                           "both a data sheet '{sheet}' and per-edition sheets ({sheets}): keep one form"),
    "empty_sheet": ("数据表为空", "the data sheet is empty"),
    "no_units": ("数据表没有城市行", "the data sheet has no unit rows"),
    "empty_header": ("一列没有表头，已忽略", "a column without a header is ignored"),
    "duplicate_column": ("列「{column}」出现两次", "column '{column}' appears twice"),
    "duplicate_column.indicator": ("指标「{code}」有两列（「{first}」与「{column}」）",
                                   "indicator '{code}' has two columns ('{first}' and '{column}')"),
    "misspelt_header": ("表头「{column}」疑似指标「{code}」（{name}）的笔误，按分组列读取",
                        "header '{column}' looks like indicator '{code}' ({name}) misspelt; it is read as a "
                        "group column"),
    # --- checks of data against the framework -----------------------------------------------
    "constant": ("指标「{code}」所有城市取值相同，无法区分城市：每个城市得到区间中值",
                 "indicator '{code}' has the same value for every unit; it cannot tell units apart: every "
                 "unit gets the middle of the range"),
    "empty_indicator": ("指标「{code}」（{name}）没有任何数据", "indicator '{code}' ({name}) has no data at all"),
    "empty_unit_data": ("{unit} 所有指标均无数值，不参与评分",
                        "{unit} has no value for any indicator; it gets no score"),
    "awaits_expert_scores": ("指标「{code}」（{name}）由专家打分，尚无分数：请汇总交回的打分表（`scores` 命令，或窗口中"
                             "的 权重 → 专家打分：汇总填好的打分表）；在此之前它不参与计算",
                             "indicator '{code}' ({name}) is scored by experts and has no scores yet: merge the "
                             "returned score sheets (`scores` command, or Expert scores → Import in the window); "
                             "until then it takes no part in the scores"),
    "outside_scale": ("{unit}：「{code}」由专家按 {lo}–{hi} 评分，但其值为 {value}",
                      "{unit}: '{code}' is scored by experts on {lo}–{hi}, but its value is {value}"),
    "no_data_column": ("指标「{code}」（{name}）在数据表「{data_sheet}」中没有对应列（表头须为其代码或中文名称）",
                       "indicator '{code}' ({name}) has no column in the data sheet '{data_sheet}' (a header "
                       "equal to its code or its name_zh)"),
    "no_denominator": ("「{code}」的分母列「{value}」不在数据表中",
                       "denominator column '{value}' of '{code}' is not in the data sheet"),
    "bad_denominator": ("{unit}：分母「{column}」为空或为零，因此「{of}」按缺失处理",
                        "{unit}: denominator '{column}' is empty or zero, so '{of}' is missing"),
    "transform_domain": ("「{code}」的 {transform} 变换要求数值大于 {bound}；{unit} 为 {value}",
                         "{transform} of '{code}' needs values above {bound}; {unit} has {value}"),
    "no_group_column": ("分组插补列「{value}」不是数据表的列；现有分组列：{groups}",
                        "imputation_group '{value}' is not a column of the data sheet; groups there: {groups}"),
    # --- the framework sheet and edits of the tree ----------------------------------------------
    "duplicate_code": ("代码「{code}」重复使用（首次在第 {first_row} 行）",
                       "code '{code}' is used again (first at row {first_row})"),
    "duplicate_code.edit": ("代码「{new}」为空或已被使用", "code '{new}' is empty or already used"),
    "empty_code": ("节点缺少代码", "a node without a code"),
    "unknown_parent": ("「{code}」的上级「{value}」不存在", "parent '{value}' of '{code}' does not exist"),
    "unknown_code": ("「{code}」不在指标树中", "'{code}' is not in the tree"),
    "cycle": ("上级关系构成循环：{path}", "the parents form a cycle: {path}"),
    "cycle.self": ("「{code}」是自己的上级", "'{code}' is its own parent"),
    "cycle.move": ("「{code}」不能移到它自身或其下级「{new}」之下",
                   "'{code}' cannot move under itself or its own descendant '{new}'"),
    "root_count": ("指标体系必须恰有一个根节点（上级为空的节点）",
                   "exactly one node may have an empty parent (the root)"),
    "root_count.none": ("没有根节点（上级为空的节点）", "no root (a node with an empty parent)"),
    "root_count.many": ("根节点不止一个：{roots}；只能有一个节点的上级为空",
                        "more than one root: {roots}; exactly one node may have an empty parent"),
    "root_count.remove": ("根节点不能删除", "the root cannot be removed"),
    "empty_parent": ("「{parent}」将没有下级指标", "'{parent}' would be left without children"),
    "empty_framework": ("指标体系没有节点", "the framework has no nodes"),
    "missing_column": ("指标体系表缺少「{column}」列", "the framework sheet has no '{column}' column"),
    "missing_sheet": ("找不到所需工作表（指标体系/framework 或 数据/data）；现有工作表：{sheets}",
                      "no sheet named framework/指标体系 or data/数据; sheets found: {sheets}"),
    "missing_sheet.data": ("没有 数据/data 工作表；现有工作表：{sheets}",
                           "no data/数据 sheet; sheets found: {sheets}"),
    "non_numeric_weight": ("「{code}」的权重不是数值", "weight of '{code}' is not a number"),
    "negative_weight": ("「{code}」的权重为负数", "weight of '{code}' is negative"),
    "mixed_weights": ("「{parent}」的下级权重有的填写、有的留空：「{code}」没有权重（全部留空为等权，或全部填写）",
                      "the children of '{parent}' mix set and empty weights; '{code}' has none (leave all "
                      "empty for equal weights, or set all)"),
    "zero_weights": ("「{parent}」的下级权重全为零", "all weights among the children of '{parent}' are zero"),
    "bad_direction": ("「{code}」的方向必须为 + 或 -（正向/负向）", "direction of '{code}' must be + or - (正向/负向)"),
    "unknown_method": ("「{code}」的方法名「{value}」无效；可选：{choices}",
                       "unknown method '{value}' for '{code}'; choose one of {choices}"),
    "unknown_method.aggregation": ("「{code}」的聚合方法「{value}」无效；可选：{choices}",
                                   "unknown aggregation for '{code}'; choose one of {choices}"),
    "unknown_method.normalization": ("「{code}」的标准化方法「{value}」无效；可选：{choices}",
                                     "unknown normalisation for '{code}'; choose one of {choices}"),
    "unknown_method.transform": ("「{code}」的变换「{value}」无效；可选 log 或 log1p",
                                 "unknown transform for '{code}'; choose log or log1p"),
    "unknown_method.setting": ("设置「{key}」的取值「{value}」无效；可选：{choices}",
                               "setting '{key}' has unknown value '{value}'; choose one of: {choices}"),
    "bad_scored_by": ("「{code}」的评分方式须为空（数据）或 专家（expert）",
                      "scored_by of '{code}' must be empty (data) or 'expert' (专家)"),
    "bad_scored_by.parent": ("「{code}」有下级指标：只有末级指标可由专家评分",
                             "'{code}' has children: only an indicator can be scored by experts"),
    "bad_scale": ("「{code}」的评分范围须从较小数到较大数（评分下限小于评分上限）",
                  "the scoring scale of '{code}' must go from a lower to a higher number (scale_min below "
                  "scale_max)"),
    "ignored": ("「{code}」的「{column}」被忽略", "'{column}' of '{code}' is ignored"),
    "ignored.aggregation": ("指标「{code}」没有下级，其聚合方法被忽略",
                            "aggregation on indicator '{code}' is ignored (it has no children)"),
    "ignored.scale": ("「{code}」不由专家评分（评分方式为空）：其「{column}」被忽略",
                      "'{code}' is not scored by experts (scored_by is empty): its '{column}' is ignored"),
    "goalposts": ("「{code}」的上下限须同时填写，且下限小于上限",
                  "goalposts of '{code}' need both min and max, min below max"),
    "goalposts.both": ("「{code}」的上下限须同时填写", "goalposts of '{code}' need both min and max"),
    "goalposts.order": ("「{code}」的下限必须小于上限", "goalposts of '{code}': min must be below max"),
    "target": ("「{code}」使用目标值标准化，需要一个正的目标值",
               "'{code}' uses target normalisation and needs a positive target"),
    "target.none": ("「{code}」使用目标值标准化，但没有目标值",
                    "'{code}' uses target normalisation but has no target"),
    "target.positive": ("「{code}」的目标值必须为正数", "target of '{code}' must be positive"),
    "default_framework": ("没有指标体系工作表：使用内置的默认指标体系",
                          "no framework sheet: the bundled default framework is used"),
    # --- settings -------------------------------------------------------------------------------
    "unknown_setting": ("未知设置「{value}」；可用的设置：{known}", "unknown setting '{value}'; known: {known}"),
    "non_integer": ("设置「{key}」必须是整数", "setting '{key}' must be a whole number"),
    "out_of_range": ("设置「{key}」必须在 {range} 之内", "setting '{key}' must lie in {range}"),
    "bad_setting": ("设置之间有冲突：{detail}", "settings conflict: {detail}"),
    "bad_setting.minmax_low": ("minmax_low（{low}）必须小于 scale（{scale}）",
                               "minmax_low ({low}) must be below scale ({scale})"),
    "bad_setting.group": ("分组插补需要设置 imputation_group（一个分组列）",
                          "group imputation needs 'imputation_group' (a group column)"),
    "bad_setting.grey_rho": ("灰色关联的分辨系数 grey_rho（{rho}）必须大于 0",
                             "grey_rho ({rho}) must be above 0"),
    "bad_setting.bod_shares": ("bod_min_share（{low}）不能大于 bod_max_share（{high}）",
                               "bod_min_share ({low}) must not exceed bod_max_share ({high})"),
    "bad_setting.bod_min_infeasible": ("bod_min_share（{share}）无法满足：{total} 个按 DEA/BoD 聚合的节点"
                                       "（如 {nodes}，括号内为子项数）的子项最小占比之和超过 100%，"
                                       "所有城市将得 0 分；请调小该值",
                                       "bod_min_share ({share}) cannot be met at {total} node(s) aggregated by DEA/BoD "
                                       "(e.g. {nodes}; children in brackets): the least shares add up to more than "
                                       "100 %, so every unit would score 0; lower it"),
    "bad_setting.bod_max_infeasible": ("bod_max_share（{share}）无法满足：{total} 个按 DEA/BoD 聚合的节点"
                                       "（如 {nodes}，括号内为子项数）的子项最大占比之和不足 100%，"
                                       "所有城市将得 0 分；请调大该值",
                                       "bod_max_share ({share}) cannot be met at {total} node(s) aggregated by DEA/BoD "
                                       "(e.g. {nodes}; children in brackets): the largest shares add up to less than "
                                       "100 %, so every unit would score 0; raise it"),
    # --- the pipeline ---------------------------------------------------------------------------
    "imputation_fallback": ("{unit} / {code}：插补改用替代方法（{note}）", "{unit} / {code}: {note}"),
    "outlier_flagged": ("指标「{code}」缩尾后仍不满足异常值规则（负偏）：保留缩尾结果",
                        "indicator '{code}' still fails the outlier rule after winsorisation (negative skew): "
                        "kept winsorised"),
    "outlier_not_tested": ("指标「{code}」：{note}", "indicator '{code}': {note}"),
    "double_log": ("指标「{code}」已按异常值规则取对数，又设有变换「{transform}」：两者都执行",
                   "indicator '{code}' was log-transformed by the outlier rule and has transform "
                   "'{transform}' too; both are applied"),
    # --- files ----------------------------------------------------------------------------------
    "project_file": ("项目文件无法使用：{detail}", "{detail}"),
    "csv_extra_values": ("该行有 {n} 个值，而表头只有 {width} 列；某个值可能含有分隔符「{delim}」（如小数逗号）"
                         "——请加引号或用小数点",
                         "this row has {n} values but the header has {width} columns; a value probably contains "
                         "the delimiter '{delim}' (e.g. a decimal comma) — put it in quotes or use a point as "
                         "decimal separator"),
    # --- expert weight forms --------------------------------------------------------------------
    "form_no_expert": ("说明表上没有专家姓名：以文件名「{name}」作为专家姓名",
                       "no expert name on the info sheet: the file name '{name}' is used as the expert's name"),
    "form_round": ("轮次「{value}」不是数字", "the round '{value}' is not a number"),
    "form_other_framework": ("此表是为另一套指标体系制作的（其校验码 {theirs} 与本指标体系的 {ours} 不同）：不使用",
                             "this form was made for another framework (its fingerprint {theirs} differs from "
                             "this framework's {ours}): it is not used"),
    "form_missing_sheet": ("此表既没有「权重」表，也没有任何「判断矩阵-代码」表；现有工作表：{sheets}",
                           "the form has neither a 'weights' sheet nor any 'AHP-<code>' sheet; sheets found: "
                           "{sheets}"),
    "form_missing_sheet.node": ("缺少工作表「{sheet}」（此表征询「{code}」），且「权重」表中也没有其下级的权重",
                                "sheet '{sheet}' is missing (the form covers '{code}') and there are no weights "
                                "for its children either"),
    "form_unknown_code": ("代码「{value}」不是本指标体系中可用的节点", "code '{value}' is not a usable node of this "
                          "framework"),
    "form_unknown_code.no_code": ("单元格 {cell} 中的权重旁没有代码", "a weight in cell {cell} has no code beside it"),
    "form_empty": ("此表没有任何判断值或权重（是否已填写并保存？）",
                   "the form holds no judgement and no weight (was it filled in and saved?)"),
    "form_node_empty": ("「{code}」既无两两比较也无直接权重：该专家不参与此节点的汇总",
                        "no judgements and no weights for '{code}': this expert is left out for it"),
    "form_nodes_blank": ("留空未填的节点（{n} 个）：{nodes}；该专家不参与这些节点的汇总",
                         "nodes left blank ({n}): {nodes}; this expert is left out for them"),
    "form_missing_column": ("工作表「{sheet}」缺少「{need}」列", "sheet '{sheet}' has no '{need}' column"),
    "form_non_numeric": ("单元格 {cell} 中「{code}」的权重不是数值",
                         "the weight of '{code}' in cell {cell} is not a number"),
    "form_negative": ("单元格 {cell} 中「{code}」的权重为负数", "the weight of '{code}' in cell {cell} is negative"),
    "form_mixed_weights": ("「{parent}」的下级权重有的填写、有的留空：「{code}」没有权重；请全部填写或全部留空",
                           "the children of '{parent}' mix set and empty weights; '{code}' has none: fill all or "
                           "none"),
    "form_zero_weights": ("「{code}」的下级权重全为零", "all weights among the children of '{code}' are zero"),
    # --- AHP sheets (pairwise comparisons) --------------------------------------------------------
    "ahp_unknown_code": ("「{value}」不是「{code}」的下级指标", "'{value}' is not a child of '{code}'"),
    "ahp_duplicate_code": ("「{value}」出现两次", "'{value}' heads two rows or columns"),
    "ahp_no_row_code": ("第 {row} 行有判断值，但 A 列没有下级指标代码",
                        "row {row} has judgements but no child code in column A"),
    "ahp_missing_code": ("「{code}」的下级「{child}」在矩阵中没有行或列",
                         "child '{child}' of '{code}' has no row or column in the matrix"),
    "ahp_not_a_number": ("单元格 {cell}（{a} 与 {b}）不是有效的判断值（1–9 或 1/2–1/9）",
                         "cell {cell} ({a} vs {b}) is not a judgement (1 … 9 or 1/2 … 1/9)"),
    "ahp_diagonal": ("对角线上的单元格 {cell} 必须为 1", "cell {cell} on the diagonal must be 1"),
    "ahp_not_positive": ("单元格 {cell}（{a} 与 {b}）：判断值必须为正（1/9 … 9）",
                         "cell {cell} ({a} vs {b}): a judgement must be positive (1/9 … 9)"),
    "ahp_out_of_scale": ("单元格 {cell}（{a} 与 {b}）超出 Saaty 1/9 … 9 标度",
                         "cell {cell} ({a} vs {b}) is outside Saaty's scale 1/9 … 9"),
    "ahp_missing": ("缺少 {a} 与 {b} 的判断值：请填写单元格 {cell}", "no judgement for {a} vs {b}: fill cell {cell}"),
    "ahp_not_reciprocal": ("单元格 {cell} 与 {cell2} 不互为倒数（左下方应为右上方的倒数，或留空）",
                           "cells {cell} and {cell2} are not reciprocal (the lower triangle must hold 1/x of the "
                           "upper, or stay empty)"),
    # --- expert score sheets ----------------------------------------------------------------------
    "score_no_info": ("没有「说明」表，无法得知专家姓名", "there is no '说明' sheet, so the expert's name is unknown"),
    "score_no_expert": ("缺少专家姓名（工作表「{sheet}」的单元格 B{row} 为空）：请填写姓名后重新导入",
                        "the expert's name is missing (cell B{row} of sheet '{sheet}' is empty); write the name "
                        "there and import the sheet again"),
    "score_other_framework": ("此表是为校验码为 {value} 的指标体系制作的（本指标体系为 {ours}）；逐一按代码匹配",
                              "the sheet was made for a framework with fingerprint {value} (this one's is {ours}); "
                              "the codes are matched one by one"),
    "score_missing_sheet": ("没有「评分」表", "there is no '评分' sheet"),
    "score_unknown_indicator": ("「{value}」不是发出的评分表上的指标", "'{value}' is not an indicator of the sheet "
                                "that went out"),
    "score_unknown_indicator.no_code": ("列 {column} 有评分，但没有指标代码", "column {column} has scores but no "
                                        "indicator code"),
    "score_duplicate_indicator": ("指标「{code}」有两列", "indicator '{code}' has two columns"),
    "score_not_expert_scored": ("指标「{code}」在本指标体系中已不由专家评分：其评分被忽略",
                                "indicator '{code}' is no longer scored by experts in this framework; its scores "
                                "are ignored"),
    "score_unknown_unit": ("城市「{unit}」不在发出的评分表上", "city '{unit}' was not on the sheet that went out"),
    "score_unknown_unit.no_name": ("第 {row} 行有评分，但没有城市名称", "row {row} has scores but no city name"),
    "score_duplicate_unit": ("城市「{unit}」重复出现", "city '{unit}' appears again"),
    "score_not_a_number": ("单元格 {cell}（{unit}，{code}）中的「{value}」不是评分：请填写数字或留空",
                           "cell {cell} ({unit}, {code}) holds '{value}', which is not a score; write a number or "
                           "leave the cell empty"),
    "score_outside_scale": ("单元格 {cell}（{unit}，{code}）的评分 {value} 超出范围 {lo}–{hi}",
                            "cell {cell} ({unit}, {code}) holds {value}, outside the scale {lo}–{hi}"),
    "score_as_text": ("单元格 {cell}（{unit}，{code}）中的数字 {value} 以文本保存，按数值读取",
                      "cell {cell} ({unit}, {code}) holds the number {value} as text; read as a number"),
    "score_unit_gone": ("城市「{unit}」已不在项目中：其评分被忽略",
                        "city '{unit}' is no longer in the project; its scores are ignored"),
    "score_unit_missing": ("发出的评分表上有 {n} 个城市不在此表中：{units}",
                           "{n} unit(s) of the sheet that went out are not on it: {units}"),
    "score_indicator_missing": ("{codes} 的列不在此表中：该专家没有这些指标的评分",
                                "the column(s) of {codes} are not on the sheet: no scores for them from this expert"),
    "score_empty": ("此表没有任何评分（是否已填写并保存？）", "the sheet holds no score (was it filled in and saved?)"),
    "score_duplicate_expert": ("该专家还交回了 {others}；在删除其中一份之前，这些表都不使用",
                               "this expert also returned {others}; none of their sheets is used until one is "
                               "removed"),
    "score_too_few": ("{unit} / {code}：只有 {value} 个评分；去掉最高和最低各 {trim} 个的截尾平均需要多于 {need} 个："
                      "无汇总值",
                      "{unit} / {code}: {value} score(s); the trimmed mean dropping {trim} highest and {trim} "
                      "lowest needs more than {need}: no merged value"),
}


# the kinds a hostile or damaged file raises keep their texts beside their limits (core.text.input_texts)
TEMPLATES.update({k: (v["zh"], v["en"]) for k, v in input_texts.TEXTS.items() if not k.startswith("write_")})
KIND_NAMES.update(input_texts.KIND_NAMES)


def lang_of(lang: str | None) -> str:
    return lang if lang in LANGS else "zh"


def kind_name(kind: str, lang: str) -> str:
    """A few words naming a problem kind (the kind itself when it has no name)."""
    names = KIND_NAMES.get(kind)
    return names[0 if lang_of(lang) == "zh" else 1] if names else kind


def severity_name(severity: str, lang: str) -> str:
    return SEVERITY_NAMES[lang_of(lang)].get(severity, severity)


def _show(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:g}"
    return "" if v is None else str(v)


def problem_text(p, lang: str) -> str:
    """The problem's sentence in `lang` (its `message` when the kind has no template or lacks a fact)."""
    args = dict(getattr(p, "args", None) or {})
    key = p.kind + (f".{args['variant']}" if args.get("variant") else "")
    pair = TEMPLATES.get(key) or TEMPLATES.get(p.kind)
    if pair is None:
        return p.message
    facts = {k: _show(getattr(p, k)) for k in ("unit", "code", "column", "value", "file", "sheet", "row")}
    facts.update({k: _show(v) for k, v in args.items()})
    try:
        return pair[0 if lang_of(lang) == "zh" else 1].format(**facts)
    except (KeyError, IndexError, ValueError):
        return p.message


def location_text(p, lang: str) -> str:
    """'data.xlsx, sheet 'data', row 4, column 'T32'' in `lang`."""
    w = LOCATION_WORDS[lang_of(lang)]
    parts = []
    if p.file:
        parts.append(str(p.file))
    if p.sheet:
        parts.append(w["sheet"].format(p.sheet))
    if p.row is not None:
        parts.append(w["row"].format(p.row))
    if p.column:
        parts.append(w["column"].format(p.column))
    return w["sep"].join(parts)


def expert_prefix(p, lang: str) -> str:
    """'专家 张三：' / 'expert 张三: ' for a problem about one expert's form, '2023 版：' / 'edition 2023: '
    for one about an edition's rows; else ''."""
    args = getattr(p, "args", None) or {}
    expert, edition = args.get("expert"), args.get("edition")
    words = LOCATION_WORDS[lang_of(lang)]
    # the edition a problem of a multi-edition input is about, unless its sentence names it already
    prefix = words["edition"].format(edition) if edition and not p.kind.startswith("edition") else ""
    return prefix + (words["expert"].format(expert) if expert else "")


def format_problem(p, lang: str) -> str:
    """One line: severity, location, the sentence (with the expert's name) and the value seen."""
    w = LOCATION_WORDS[lang_of(lang)]
    loc = location_text(p, lang)
    val = ""
    if p.value is not None and p.value != "":
        val = w["value"].format(repr(p.value) if lang_of(lang) == "en" else _show(p.value))
    head = severity_name(p.severity, lang)
    head = head.upper() if lang_of(lang) == "en" else head
    return f"{head}{w['colon']}{loc + w['colon'] if loc else ''}{expert_prefix(p, lang)}{problem_text(p, lang)}{val}"
