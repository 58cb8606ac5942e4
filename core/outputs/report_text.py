"""The words of the report draft (core.outputs.report), in Chinese and English: no Qt here.

Every sentence the draft generates is a template filled from the numbers of a `Result`
(core.outputs.report_facts); nothing here is prose that a number does not back. Keys are grouped
by where they appear: title page, headings, captions, table headers, sentences.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        # title page
        "title": "城市综合评价研究报告",
        "subtitle": "（可编辑草稿）",
        "made_by": "由 CityIndex Studio 根据计算结果生成的可编辑草稿，请在 Word 中修改完善后发布",
        "date": "{y}年{m}月",
        "illustrative": "示例数据，仅供演示：本草稿所用数值为虚构的示例数据，并非统计数据，请勿引用。",
        "fingerprint": "输入指纹 (SHA-256)：{fp} · CityIndex Studio {version}",
        "source_file": "输入文件：{name}",
        "toc": "目录",
        "lof": "图目录",
        "lot": "表目录",
        "toc_hint": "（目录：在 Word 中右键单击此处，选择“更新域”即可生成。）",
        "lof_hint": "（图目录：在 Word 中右键单击此处，选择“更新域”即可生成。）",
        "lot_hint": "（表目录：在 Word 中右键单击此处，选择“更新域”即可生成。）",
        "page_footer": "第 {page} 页",
        # headings
        "h_summary": "摘要",
        "h_method": "一、评价方法",
        "h_system": "（一）评价指标体系",
        "h_objects": "（二）评价对象",
        "h_sources": "（三）数据来源",
        "h_methods": "（四）计算方法",
        "h_top": "二、TOP {n} 榜单",
        "h_ranking": "（一）综合排名",
        "h_profiles": "（二）TOP {n} 城市特点",
        "h_city": "{k}. {unit}：综合得分 {score} 分，排名第 {rank}",
        "h_dims": "三、各维度分析",
        "h_dim": "（{k}）{name}",
        "h_scatter": "四、{x}与{y}",
        "h_uncertainty": "{num}、排名的稳定性",
        "h_appendix": "附录：各指标得分表",
        "h_app_dim": "{k}. {name}",
        "num": "一二三四五六七八九十",
        # captions
        "fig": "图",
        "tab": "表",
        "cap_top": "综合得分 TOP {n} 城市",
        "cap_system": "评价指标体系",
        "cap_ranking_all": "综合得分排名（全部 {n} 个参评城市）",
        "cap_ranking_some": "综合得分排名（前 {k} 名，共 {n} 个参评城市）",
        "cap_full_table": "综合排名与各维度得分",
        "cap_map": "综合得分 TOP {n} 城市地图",
        "cap_profile": "第 {rank} 名{unit}各维度得分（与平均水平及第 {ref} 名{other}比较）",
        "cap_profile_alone": "第 {rank} 名{unit}各维度得分（与平均水平比较）",
        "legend_average": "平均水平",
        "legend_ref": "第 {rank} 名：{unit}",
        "cap_node_all": "“{name}”维度排名",
        "cap_node_some": "“{name}”维度排名（前 {k} 名）",
        "cap_subdims": "“{name}”各二级维度排名（前 {n} 名）",
        "cap_scatter": "{x}与{y}得分",
        "cap_uncertainty": "权重扰动下的排名区间",
        "cap_indicator": "{name}（{code}）得分",
        # table headers
        "th_rank": "排名",
        "th_unit": "城市",
        "th_score": "综合得分",
        "th_code": "代码",
        "th_name": "名称",
        "th_level": "层级",
        "th_local": "局部权重",
        "th_effective": "有效权重",
        "th_direction": "方向",
        "th_source": "数据来源",
        "th_unit_of": "单位",
        "th_raw": "原始值",
        "th_raw_unit": "原始值（{u}）",
        "th_ind_score": "得分",
        "th_place": "名次",
        "th_base": "基准排名",
        "th_median": "中位排名",
        "th_interval": "5%–95% 区间",
        "th_top_share": "进入前 {n} 的比例",
        "level_names": "总指数|一级维度|二级维度|三级指标",
        "level_n": "第 {n} 级",
        "plus": "正向",
        "minus": "负向",
        "dash": "—",
        # sentences
        "s_summary": ("本报告从{dims}等 {nd} 个一级维度、{nsub} 个二级维度、共 {ni} 项指标对 {nu} 个城市进行综合评价。"
                      "按照评价指标体系计算得分，综合得分前 {n} 名依次为{items}（见表 {table}）。"),
        "s_top_item": "{unit}（第 {rank} 名，{score} 分）",
        "s_and": "和",
        "s_list_sep": "、",
        "s_system": ("评价指标体系共有 {nd} 个一级维度，分别是{dims}；一级维度之下有 {nsub} 个二级维度，"
                     "二级维度之下共有 {ni} 项指标（见表 {table}）。局部权重为节点在同级之间的权重，"
                     "有效权重为从总指数到该节点路径上局部权重之积。"),
        "s_system_flat": "评价指标体系共有 {ni} 项指标（见表 {table}）。",
        "s_objects": "本次共有 {n} 个城市参评{ranked}。",
        "s_objects_ranked": "，其中 {k} 个有综合得分并参与排名",
        "s_excluded": "以下 {n} 个城市未参评：{items}。",
        "s_excluded_item": "{unit}（{reason}）",
        "s_excluded_cov": "分母处理后的数据覆盖率 {cov}，低于下限 {min}",
        "s_unranked": "以下城市没有综合得分，不参与排名：{items}。",
        "s_no_excluded": "没有城市因数据不足被排除。",
        "s_sources": "各项指标的数据来源见表 {table}“数据来源”一列。共涉及 {n} 个来源：{items}。",
        "s_sources_none": "指标体系未注明数据来源（可在指标体系的 source 列中填写）。",
        "s_sources_illustrative": "本草稿的数值为示例数据，仅供演示，并非统计数据。",
        "s_methods": "得分按以下步骤依次计算（每一步的设置均记录在计算结果中）：",
        "s_weight_sources": "权重来源：{items}。",
        "s_ahp_input": "输入文件中的判断矩阵（{sheet}）：{text}",
        "s_ahp_used": "指标体系采用的正是该矩阵导出的权重",
        "s_ahp_not_used": "指标体系当前的权重并非由该矩阵导出",
        "s_ranking": ("{nr} 个城市的综合得分从 {hi} 分到 {lo} 分，平均 {mean} 分（见图 {fig}）；"
                      "综合排名及各维度得分见表 {table}，城市分布见图 {map}。"),
        "s_ranking_nomap": ("{nr} 个城市的综合得分从 {hi} 分到 {lo} 分，平均 {mean} 分（见图 {fig}）；"
                            "综合排名及各维度得分见表 {table}。"),
        "s_map_missing": "地图上未能定位的城市：{items}。",
        "s_city_rank": "{unit}综合得分 {score} 分，在 {n} 个参评城市中排名第 {rank}{tie}。",
        "s_tie": "（并列）",
        "s_city_dims": ("在 {nd} 个一级维度中，{unit}得分最高的是{best}（{bs} 分，排名第 {br}），"
                        "得分最低的是{worst}（{ws} 分，排名第 {wr}）（见图 {fig}）。"),
        "s_city_dims_all_first": ("{unit}在全部 {nd} 个一级维度上均排名第 1：得分最高的是{best}（{bs} 分）；"
                                  "即便是其相对最弱的维度{worst}（{ws} 分），仍排名第 1（见图 {fig}）。"),
        "s_city_dims_weak_first": ("在 {nd} 个一级维度中，{unit}得分最高的是{best}（{bs} 分，排名第 {br}）；"
                                   "即便是其相对最弱的维度{worst}（{ws} 分），仍排名第 1（见图 {fig}）。"),
        "s_city_dims_weak_holds": ("在 {nd} 个一级维度中，{unit}得分最高的是{best}（{bs} 分，排名第 {br}），"
                                   "得分最低的是{worst}（{ws} 分），但在该维度上仍排名第 {wr}，{cmp}（见图 {fig}）。"),
        "s_cmp_same": "与其综合排名持平",
        "s_cmp_better": "高于其综合排名（第 {rank} 名）",
        "s_city_dims_equal": "{unit}在 {nd} 个一级维度上的得分均为 {bs} 分（见图 {fig}）。",
        "s_city_best_rank_dim": "从排名看，{unit}最靠前的一级维度是{items}（第 {rank} 名）。",
        "s_city_one_dim": "{unit}在{best}维度得分 {bs} 分，排名第 {br}（见图 {fig}）。",
        "s_city_avg": "{unit}有 {k} 个一级维度得分高于全部参评城市的平均水平{which}。",
        "s_city_avg_all": "{unit}全部 {k} 个一级维度的得分均高于全部参评城市的平均水平。",
        "s_city_avg_none": "{unit}没有一个一级维度的得分高于全部参评城市的平均水平。",
        "s_city_avg_which": "（{items}）",
        "s_city_first": "在 {ni} 项指标中，{unit}有 {k} 项排名第一：{items}。",
        "s_city_first_item": "{name}（{code}）",
        "s_city_first_tie": "{name}（{code}，并列）",
        "s_city_no_first": "在 {ni} 项指标中，{unit}没有排名第一的指标。",
        "s_city_best_ind": "{unit}排名最靠前的指标为{items}（第 {rank} 名）。",
        "s_dim": ("{name}维度共有 {n} 个城市有得分，平均 {mean} 分，最高 {hi} 分，最低 {lo} 分；前三名依次为{items}"
                  "（见图 {fig}）。"),
        "s_dim_item": "{unit}（{score} 分）",
        "s_dim_subs": "该维度下设 {k} 个二级维度：{items}，各二级维度的排名见表 {table}。",
        "s_scatter": ("{n} 个城市的{x}得分与{y}得分的 Pearson 相关系数 r = {p}，Spearman 等级相关系数 ρ = {s}（见图 "
                      "{fig}）。"),
        "s_scatter_none": "有效数据不足（{n} 个城市），无法计算{x}与{y}的相关系数（见图 {fig}）。",
        "s_uncertainty": ("为检验排名对权重的敏感程度，对每个权重在 ±{p} 范围内随机扰动（{mode}），重新计算 {runs} 次"
                          "（随机种子 {seed}）。表 {table}列出各城市排名的中位数及 5%–95% 区间。"),
        "s_unc_stable": "{k} 个城市在全部模拟中排名不变{items}。",
        "s_unc_widest": "排名区间最宽的是{unit}（第 {lo}–{hi} 名）。",
        "mode_uniform": "均匀分布",
        "mode_dirichlet": "狄利克雷分布",
        "s_appendix": ("下表列出每项指标每个城市的原始值、得分及在该指标上的排名（按得分从高到低排列）。"
                       "原始值为分母处理后、缺失值填补和异常值处理之前的数值；“—”表示缺失。"),
        "s_appendix_bounded": "城市较多（{n} 个），每表只列出该指标得分前 {k} 名；全部城市的数值见计算结果工作簿。",
        "cap_indicator_some": "（前 {k} 名，共 {n} 个城市）",
        "s_more": "等 {n} 个城市",
        "s_app_note_imputed": "注：{items}的原始值缺失，其得分由填补值计算。",
        "s_app_note_missing": "注：{items}缺少数据，无得分。",
        "fig_missing": "（图 {n} 未生成：{why}）",
    },
    "en": {
        "title": "Composite city index report",
        "subtitle": "(editable draft)",
        "made_by": "An editable draft generated by CityIndex Studio from the computed result; edit it in Word "
                   "before publishing",
        "date": "{month} {y}",
        "illustrative": "Illustrative data, for demonstration only: the values in this draft are made up sample data, "
                        "not statistics; do not quote them.",
        "fingerprint": "Input fingerprint (SHA-256): {fp} · CityIndex Studio {version}",
        "source_file": "Input file: {name}",
        "toc": "Contents",
        "lof": "List of figures",
        "lot": "List of tables",
        "toc_hint": "(Table of contents: right-click here in Word and choose Update Field.)",
        "lof_hint": "(List of figures: right-click here in Word and choose Update Field.)",
        "lot_hint": "(List of tables: right-click here in Word and choose Update Field.)",
        "page_footer": "Page {page}",
        "h_summary": "Summary",
        "h_method": "1. Method",
        "h_system": "1.1 The indicator system",
        "h_objects": "1.2 The units evaluated",
        "h_sources": "1.3 Data sources",
        "h_methods": "1.4 How the scores are computed",
        "h_top": "2. The TOP {n}",
        "h_ranking": "2.1 The ranking",
        "h_profiles": "2.2 Profiles of the TOP {n}",
        "h_city": "2.2.{k} {unit}: score {score}, rank {rank}",
        "h_dims": "3. The dimensions",
        "h_dim": "3.{k} {name}",
        "h_scatter": "4. {x} and {y}",
        "h_uncertainty": "{num}. How stable is the ranking?",
        "h_appendix": "Appendix: indicator score tables",
        "h_app_dim": "A.{k} {name}",
        "num": "",
        "fig": "Figure",
        "tab": "Table",
        "cap_top": "The TOP {n} by composite score",
        "cap_system": "The indicator system",
        "cap_ranking_all": "Composite score, all {n} ranked cities",
        "cap_ranking_some": "Composite score, top {k} of {n} ranked cities",
        "cap_full_table": "Ranking and dimension scores",
        "cap_map": "Map of the TOP {n}",
        "cap_profile": "No. {rank} {unit}: scores on the dimensions, with the average and No. {ref} {other}",
        "cap_profile_alone": "No. {rank} {unit}: scores on the dimensions, with the average",
        "legend_average": "Average",
        "legend_ref": "No. {rank}: {unit}",
        "cap_node_all": "Ranking on {name}",
        "cap_node_some": "Ranking on {name} (top {k})",
        "cap_subdims": "{name}: ranking on the sub-dimensions (top {n})",
        "cap_scatter": "{x} and {y}",
        "cap_uncertainty": "Rank intervals under perturbed weights",
        "cap_indicator": "{name} ({code}): scores",
        "th_rank": "Rank",
        "th_unit": "City",
        "th_score": "Score",
        "th_code": "Code",
        "th_name": "Name",
        "th_level": "Level",
        "th_local": "Local weight",
        "th_effective": "Effective weight",
        "th_direction": "Direction",
        "th_source": "Data source",
        "th_unit_of": "Unit",
        "th_raw": "Raw value",
        "th_raw_unit": "Raw value ({u})",
        "th_ind_score": "Score",
        "th_place": "Place",
        "th_base": "Rank",
        "th_median": "Median rank",
        "th_interval": "5–95 % interval",
        "th_top_share": "Share in the top {n}",
        "level_names": "Index|Dimension|Sub-dimension|Indicator",
        "level_n": "Level {n}",
        "plus": "+",
        "minus": "−",
        "dash": "—",
        "s_summary": ("This report scores {nu} cities on {ni} indicators grouped into {nsub} sub-dimensions and {nd} "
                      "dimensions ({dims}). By composite score the TOP {n} are {items} (Table {table})."),
        "s_top_item": "{unit} (No. {rank}, {score})",
        "s_and": "and",
        "s_list_sep": ", ",
        "s_system": ("The indicator system has {nd} dimensions ({dims}), {nsub} sub-dimensions and {ni} indicators "
                     "(Table {table}). A local weight is a node's weight among its siblings; the effective weight is "
                     "the product of the local weights on the path from the index to the node."),
        "s_system_flat": "The indicator system has {ni} indicators (Table {table}).",
        "s_objects": "{n} cities were evaluated{ranked}.",
        "s_objects_ranked": "; {k} of them have a composite score and a rank",
        "s_excluded": "These {n} cities were excluded: {items}.",
        "s_excluded_item": "{unit} ({reason})",
        "s_excluded_cov": "data coverage after denomination {cov}, below the minimum {min}",
        "s_unranked": "These cities have no composite score and no rank: {items}.",
        "s_no_excluded": "No city was excluded for lack of data.",
        "s_sources": "The source of each indicator is in the 'Data source' column of Table {table}; {n} sources in "
                     "all: {items}.",
        "s_sources_none": "The indicator system names no data source (fill in the framework's source column).",
        "s_sources_illustrative": "The values in this draft are illustrative sample data, not statistics.",
        "s_methods": "The scores are computed in these steps (each step's settings are recorded in the result):",
        "s_weight_sources": "How the weights were set: {items}.",
        "s_ahp_input": "Judgement matrix in the input ({sheet}): {text}",
        "s_ahp_used": "the framework's weights are the ones this matrix gives",
        "s_ahp_not_used": "the framework's current weights do not come from this matrix",
        "s_ranking": ("The composite scores of the {nr} ranked cities range from {lo} to {hi}, mean {mean} (Figure "
                      "{fig}); Table {table} gives the ranking with the dimension scores and Figure {map} the map."),
        "s_ranking_nomap": ("The composite scores of the {nr} ranked cities range from {lo} to {hi}, mean {mean} "
                            "(Figure {fig}); Table {table} gives the ranking with the dimension scores."),
        "s_map_missing": "Not placed on the map: {items}.",
        "s_city_rank": "{unit} scores {score} and ranks {rank}{tie} of {n} ranked cities.",
        "s_tie": " (tied)",
        "s_city_dims": ("Of the {nd} dimensions, its highest score is on {best} ({bs}, rank {br}) and its lowest on "
                        "{worst} ({ws}, rank {wr}) (Figure {fig})."),
        "s_city_dims_all_first": ("{unit} ranks first on all {nd} dimensions: its highest score is on {best} ({bs}), "
                                  "and even its relatively weakest, {worst} ({ws}), still ranks first (Figure {fig})."),
        "s_city_dims_weak_first": ("Of the {nd} dimensions, its highest score is on {best} ({bs}, rank {br}); even its "
                                   "relatively weakest, {worst} ({ws}), still ranks first (Figure {fig})."),
        "s_city_dims_weak_holds": ("Of the {nd} dimensions, its highest score is on {best} ({bs}, rank {br}) and its "
                                   "lowest on {worst} ({ws}), where it still ranks {wr}, {cmp} (Figure {fig})."),
        "s_cmp_same": "the same as its overall rank",
        "s_cmp_better": "better than its overall rank ({rank})",
        "s_city_dims_equal": "{unit} scores {bs} on each of the {nd} dimensions (Figure {fig}).",
        "s_city_best_rank_dim": "By rank, its best dimension is {items} (rank {rank}).",
        "s_city_one_dim": "{unit} scores {bs} on {best}, rank {br} (Figure {fig}).",
        "s_city_avg": "{unit} is above the average of all ranked cities on {k} dimension(s){which}.",
        "s_city_avg_all": "{unit} is above the average of all ranked cities on all {k} dimensions.",
        "s_city_avg_none": "{unit} is above the average of all ranked cities on no dimension.",
        "s_city_avg_which": " ({items})",
        "s_city_first": "Of the {ni} indicators, {unit} ranks first on {k}: {items}.",
        "s_city_first_item": "{name} ({code})",
        "s_city_first_tie": "{name} ({code}, tied)",
        "s_city_no_first": "Of the {ni} indicators, {unit} ranks first on none.",
        "s_city_best_ind": "Its best-ranked indicators are {items} (rank {rank}).",
        "s_dim": ("{n} cities have a score on {name}: mean {mean}, highest {hi}, lowest {lo}; the first three are "
                  "{items} (Figure {fig})."),
        "s_dim_item": "{unit} ({score})",
        "s_dim_subs": "It has {k} sub-dimensions: {items}; Table {table} gives the ranking on each.",
        "s_scatter": ("Over {n} cities, the Pearson correlation of the scores on {x} and {y} is r = {p} and the "
                      "Spearman rank correlation ρ = {s} (Figure {fig})."),
        "s_scatter_none": "Too few cities with both scores ({n}) to correlate {x} and {y} (Figure {fig}).",
        "s_uncertainty": ("To test how much the ranking depends on the weights, every weight was perturbed at random "
                          "within ±{p} ({mode}) and the index recomputed {runs} times (seed {seed}). Table {table} "
                          "gives each city's median rank and its 5–95 % interval."),
        "s_unc_stable": "{k} cities keep their rank in every run{items}.",
        "s_unc_widest": "The widest interval is {unit}'s (rank {lo} to {hi}).",
        "mode_uniform": "uniform",
        "mode_dirichlet": "Dirichlet",
        "s_appendix": ("The tables below give, for each indicator, every city's raw value, score and rank on that "
                       "indicator (by score, highest first). Raw values are after denomination, before imputation and "
                       "outlier treatment; '—' means missing."),
        "s_appendix_bounded": (" With {n} cities, each table lists the first {k} on its indicator; the results "
                               "workbook has every city's values."),
        "cap_indicator_some": " (first {k} of {n} cities)",
        "s_more": " and others, {n} cities in all",
        "s_app_note_imputed": "Note: the raw value of {items} is missing; the score comes from an imputed value.",
        "s_app_note_missing": "Note: {items} have no data and no score.",
        "fig_missing": "(Figure {n} not drawn: {why})",
    },
}

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def words(lang: str) -> dict[str, str]:
    return TEXT[lang if lang in TEXT else "zh"]


def join_list(items: list[str], lang: str) -> str:
    """'a、b和c' / 'a, b and c'."""
    T = words(lang)
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    if lang == "zh":
        return T["s_list_sep"].join(items[:-1]) + T["s_and"] + items[-1]
    return T["s_list_sep"].join(items[:-1]) + " and " + items[-1]


def chinese_number(k: int) -> str:
    """1 → 一 … 10 → 十, 11 → 十一 … 99 (heading numbers)."""
    digits = "零一二三四五六七八九"
    if k < 10:
        return digits[k]
    tens, ones = divmod(k, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
