"""Every line the headless commands print, in Chinese and English: the one place these sentences live.

`TEXTS` maps a key to (Chinese, English) templates with `str.format` fields; `text(key, lang,
**fields)` fills one. `pick_lang(args, project)` is the rule every command follows (as `check`
does): `--lang` when given, else the project's `language` setting when a project was loaded,
else Chinese. Problems are printed by `Problem.format(lang)` (core.text.problem_texts), not here;
argparse's own usage errors stay in its English.
"""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, tuple[str, str]] = {
    # shared
    "load_failed": ("{n} 个错误：未作计算。完整报告请运行 `python main.py check {input}`。",
                    "{n} error(s): nothing computed. Run `python main.py check {input}` for the full report."),
    "error": ("错误：{msg}", "ERROR: {msg}"),
    "warning": ("警告：{msg}", "WARNING: {msg}"),
    "written": ("已写出 {path}", "written {path}"),
    "cannot_write": ("错误：无法写入 {path}：{msg}", "ERROR: cannot write {path}: {msg}"),
    "cannot_write_plain": ("错误：无法写入 {path}", "ERROR: cannot write {path}"),
    "not_merged": ("{file}：未合并（{n} 个错误）", "{file}: not merged ({n} error(s))"),
    "sep": ("、", ", "),
    # check
    "check_summary": ("{ne} 个错误，{nw} 个警告", "{ne} error(s), {nw} warning(s)"),
    # score
    "score_summary": ("已排名 {ranked} 个单位，剔除 {excluded} 个；已写出 {output}",
                      "{ranked} units ranked, {excluded} excluded; written {output}"),
    "score_and_json": (" 和 {json}", " and {json}"),
    # weights
    "weights_unknown_method": ("未知的赋权方法「{method}」；可用：{known}",
                               "unknown method '{method}'; available here: {known}"),
    "weights_inconsistent": ("（CR ≥ 0.10：不一致）", "(CR ≥ 0.10: inconsistent)"),
    "weights_hint": ("    {row} 与 {col}：{current:g} 与权重偏离最大（权重所示为 {implied:.3g}）；"
                     "改为 {suggested} 可得 CR {cr_after}",
                     "    {row} vs {col}: {current:g} departs most from the weights (they imply {implied:.3g}); "
                     "{suggested} would give CR {cr_after}"),
    "weights_no_sheet": ("没有工作表「{sheet}」：保留「{node}」的现有权重",
                         "no sheet '{sheet}': the weights of '{node}' are kept"),
    "weights_sheet_errors": ("工作表「{sheet}」有错误：保留「{node}」的现有权重",
                             "sheet '{sheet}' has errors: the weights of '{node}' are kept"),
    "weights_sheet_empty": ("工作表「{sheet}」没有任何判断：保留「{node}」的现有权重",
                            "sheet '{sheet}' holds no judgement: the weights of '{node}' are kept"),
    "dw_where": ("节点「{node}」：", "node '{node}': "),
    "dw_too_few_units": ("由数据赋权需要至少 2 个在每个下级上都有值的单位；现有 {n} 个",
                         "weights from the data need at least 2 units with a value for every child; there are {n}"),
    "dw_too_few_units_dropped": ("由数据赋权需要至少 2 个在每个下级上都有值的单位；"
                                 "现有 {n} 个（{dropped} 个单位缺少某个下级的值）",
                                 "weights from the data need at least 2 units with a value for every child; there are "
                                 "{n} ({dropped} unit(s) lack a value for some child)"),
    "dw_not_finite": ("数据中有缺失值或非有限值", "the data have missing or non-finite values"),
    "dw_constant": ("「{child}」对每个单位取值相同（{value}）：不含信息，无法由数据赋权",
                    "'{child}' has the same value ({value}) for every unit: it carries no information and cannot be "
                    "weighted from the data"),
    "dw_negative": ("「{child}」有负值（{value}）；熵权法需要非负值（请用 entropy_minmax，或先作变换）",
                    "'{child}' has a negative value ({value}); the entropy method needs non-negative values "
                    "(use entropy_minmax, or a transform)"),
    "dw_max_entropy": ("每个下级的熵都达到最大；数据无法区分它们",
                       "every child has maximal entropy; the data cannot tell them apart"),
    # panel
    "panel_none": ("没有可用的征询表：未合并", "no usable form: nothing merged"),
    "panel_summary": ("已按 {method} 合并 {n} 份征询表", "{n} form(s) merged by {method}"),
    "panel_rounds": ("，第 {rounds} 轮", ", round(s) {rounds}"),
    "panel_excluded": ("；{n} 份未合并", "; {n} not merged"),
    "panel_experts": ("   专家 {n} 位", "   experts {n}"),
    # verify
    "verify_fp_written": ("写入的指纹：{fp}（CityIndex Studio {version}）",
                          "fingerprint written: {fp} (CityIndex Studio {version})"),
    "verify_fp_input": ("输入的指纹：{fp}", "fingerprint of the input: {fp}"),
    "verify_match": ("一致：结果由此输入算出；每个得分在写入的精度下均相符。",
                     "MATCH: the results were computed from this input; every score agrees at the written precision."),
    "verify_different": ("不一致：", "DIFFERENT:"),
    "verify_input_diff": ("  输入：{what}", "  input: {what}"),
    "verify_result_diff": ("  结果：{unit} {what}{extra}", "  result: {unit} {what}{extra}"),
    "verify_written_recomputed": ("：写入 {written}，重算 {recomputed}",
                                  ": written {written}, recomputed {recomputed}"),
    "verify_what_missing": ("不在结果工作簿中", "missing from the results workbook"),
    "verify_what_rank": ("排名", "rank"),
    "verify_what_score": ("{name} 得分", "score {name}"),
    "verify_what_not_recomputed": ("不在重算结果中", "not in the recomputed result"),
    # diff and its descriptions
    "diff_none": ("两份输入没有差别", "no difference in the inputs"),
    "diff_rank": ("  排名 {unit}：{a} → {b}", "  rank {unit}: {a} → {b}"),
    "describe_in_edition": ("{edition} 版：{what}", "edition {edition}: {what}"),
    "describe_editions": ("版次：{old} → {new}", "editions: {old} → {new}"),
    "describe_cell": ("数据单元格 {unit} / {column}：{old} → {new}", "data cell {unit} / {column}: {old} → {new}"),
    "describe_group": ("分组 {unit} / {column}：{old} → {new}", "group {unit} / {column}: {old} → {new}"),
    "describe_field": ("{code} 的{what}：{old} → {new}", "{what} of {code}: {old} → {new}"),
    "describe_weight": ("权重", "weight"),
    "describe_setting": ("设置 {setting}：{old} → {new}", "setting {setting}: {old} → {new}"),
    "describe_other": ("{kind}：{what}", "{kind}: {what}"),
    # forms
    "forms_no_expert": ("--experts 没有给出专家姓名", "--experts names no expert"),
    "forms_bad_nodes": ("不是本框架中有下级的节点：{nodes}", "not nodes with children in this framework: {nodes}"),
    "forms_written": ("已写出 {n} 份专家权重征询表：", "{n} form(s) written:"),
    # uncertainty
    "unc_runs": ("--runs 至少为 1（得到 {v}）", "--runs must be at least 1 (got {v})"),
    "unc_seed": ("--seed 须为 0 或以上（得到 {v}）", "--seed must be 0 or more (got {v})"),
    "unc_perturb": ("--perturb 须在 [0, 1] 之内（得到 {v}）", "--perturb must lie in [0, 1] (got {v})"),
    "unc_error": ("不确定性分析：{msg}", "uncertainty: {msg}"),
    "unc_uniform": ("均匀扰动 ± {p:g}", "uniform ± {p:g}"),
    "unc_dirichlet": ("狄利克雷分布（扰动 {p:g}）", "Dirichlet (perturb {p:g})"),
    "unc_experts": ("取自专家组的权重", "drawn from the expert panel's weights"),
    "unc_summary": ("{runs} 次模拟，随机种子 {seed}，权重{how}", "{runs} runs, seed {seed}, weights {how}"),
    "unc_header": ("{base:>5} {median:>7} {p05:>5} {p95:>5} {top10:>6}  单位",
                   "{base:>5} {median:>7} {p05:>5} {p95:>5} {top10:>6}  unit"),
    "unc_header_words": ("基准|中位|p05|p95|前十", "base|median|p05|p95|top10"),
    "unc_more": ("… 另有 {n} 个单位", "… {n} more unit(s)"),
    "unc_more_in": ("（见 {json}）", " in {json}"),
    "unc_sens": ("{output} 的敏感性（Sobol'，N = {n}）：", "sensitivity of the {output} (Sobol', N = {n}):"),
    "unc_sens_header": ("{input:<16} {first:>7} {total:>7}   （95% 置信区间半宽）",
                        "{input:<16} {first:>7} {total:>7}   (95% CI half-widths)"),
    "unc_sens_words": ("输入|一阶|总效应", "input|first|total"),
    "unc_output_mean absolute rank shift": ("平均绝对排名变动", "mean absolute rank shift"),
    "audit_flag_undefined": ("无法计算", "undefined"),
    "audit_flag_negative": ("负相关", "negative"),
    "audit_flag_weak": ("弱相关", "weak"),
    "unc_note_norm_own": ("标准化方法的选择适用于 {total} 个指标中的 {n} 个；以下指标保留自己的方法：{own}",
                          "normalization choices apply to {n} of {total} indicators; these keep their own method: "
                          "{own}"),
    "unc_note_agg_own": ("聚合方法的选择适用于 {total} 个节点中的 {n} 个；以下节点保留自己的方法：{own}",
                         "aggregation choices apply to {n} of {total} nodes; these keep their own method: {own}"),
    "unc_note_experts": ("{n} 个节点的权重取自专家组的取值；其余节点保留当前权重",
                         "weights drawn from the expert panel's values for {n} node(s); the others keep their current "
                         "weights"),
    "unc_note_unperturbed": ("{dims} 及其下级的权重均未扰动（只有一个有权重的下级，或权重为 0）：它们不作为敏感性输入",
                             "no weight is perturbed in or under {dims} (a single weighted child, or weight 0): "
                             "they are not sensitivity inputs"),
    "unc_note_fixed": ("每次模拟都使用当前权重（扰动为 0、无可扰动的权重，或专家意见完全一致）",
                       "every run uses the current weights (perturb = 0, nothing to perturb, or experts who all "
                       "agree)"),
    "unc_note_lost": ("{combo}：在当前权重下比基准多 {n} 个单位没有总分（例如对负值取几何或调和平均）",
                      "{combo}: {n} more unit(s) than in the base have no root score at the current weights "
                      "(e.g. a geometric or harmonic mean of negative values)"),
    "unc_note_unranked": ("{n} 个单位在部分模拟中没有排名（在抽取的权重或方法下没有总分）；"
                          "其分位数只按给出排名的模拟计算",
                          "{n} unit(s) have no rank in some runs (no root score under the drawn weights or methods); "
                          "their percentiles are over the runs that rank them"),
    "unc_note_no_input": ("没有可分析的不确定输入：敏感性为空",
                          "no uncertain input to analyse: sensitivity left empty"),
    "unc_note_never_changed": ("平均绝对排名变动从未改变：所有敏感性指数均为 0",
                               "the mean absolute rank shift never changed: every sensitivity index is 0"),
    "unc_note": ("说明：{note}", "note: {note}"),
    # audit
    "audit_header": ("{node:<10} {k:>3} {n:>5} {alpha:>7} {std:>7} {pc1:>6}  标记（与上级的 |r| < 0.3 或 < 0）",
                     "{node:<10} {k:>3} {n:>5} {alpha:>7} {std:>7} {pc1:>6}  flags (|r| with parent < 0.3 or < 0)"),
    "audit_header_words": ("节点|k|n|α|标准化α|PC1", "node|k|n|alpha|std.|PC1"),
    "audit_outliers": ("离群规则（|偏度| < {skew:g} 或峰度 < {kurt:g}），针对进入标准化的值："
                       "{n} 个指标中 {failing} 个未通过",
                       "outlier rule (|skew| < {skew:g} or kurtosis < {kurt:g}) on the values entering normalisation: "
                       "{failing} of {n} indicator(s) fail"),
    "audit_failing": ("{code}（偏度 {skew:.2f}，峰度 {kurt:.2f}）", "{code} (skew {skew:.2f}, kurtosis {kurt:.2f})"),
    "audit_more": (" … 另有 {n} 个", " … and {n} more"),
    "audit_untested": ("未检验（少于 4 个值）：{codes}", "not tested (fewer than 4 values): {codes}"),
    # score sheets and scores
    "ss_no_expert": ("--experts：至少给出一个姓名（以逗号分隔）",
                     "--experts: give at least one name (separated by commas)"),
    "ss_trim": ("--trim 须为 0 或以上", "--trim must be 0 or more"),
    "scores_trim_too_few": ("截尾均值去掉 {trim} 个最高分和 {trim} 个最低分，需要多于 {need} 位专家；"
                            "可合并的评分表只有 {n} 份。请改用 --rule mean 或 median，或减小 --trim",
                            "a trimmed mean dropping {trim} highest and {trim} lowest score(s) needs more than "
                            "{need} experts; {n} sheet(s) can be merged. Use --rule mean or median, "
                            "or a smaller --trim"),
    "ss_no_indicator": ("错误：{file}：没有由专家评分的指标；请在框架表中标记一个（列 scored_by = expert，并填写 "
                        "scale_min、scale_max 和 guidance）",
                        "ERROR: {file}: no indicator is scored by experts; mark one in the framework sheet "
                        "(column scored_by = expert, with scale_min, scale_max and guidance)"),
    "ss_written": ("已写出 {n} 份评分表（{units} 个城市 × {k} 个指标：{codes}）至 {output}：",
                   "{n} score sheet(s) for {units} cities × {k} indicator(s) ({codes}) written to {output}:"),
    "scores_bad_output": ("-o：输出须为 .xlsx 工作簿或 .cidx 项目文件",
                          "-o: the output is an .xlsx workbook or a .cidx project file"),
    "scores_xlsx_needs_xlsx": ("-o OUT.xlsx 需要 .xlsx 的 --project（填入其数据表）；请改用 -o OUT.cidx",
                               "-o OUT.xlsx needs an .xlsx --project (its data sheet is filled in); use -o OUT.cidx"),
    "scores_none": ("没有可用的评分表：未合并", "no usable score sheet: nothing merged"),
    "scores_summary": ("已合并 {n} 份评分表，规则：{rule}", "{n} sheet(s) merged by {rule}"),
    "scores_indicator": ("{code} {name}：专家 {experts} 位，合并 {cities} 个城市；Kendall W {w}（χ² {chi2}，df {df}，"
                         "p {p}；全体专家均评分的城市 {complete} 个）；ICC(2,k) {icc2}，ICC(3,k) {icc3}",
                         "{code} {name}: {experts} experts, {cities} cities merged; Kendall W {w} (χ² {chi2}, df {df}, "
                         "p {p}; {complete} cities scored by all); ICC(2,k) {icc2}, ICC(3,k) {icc3}"),
    "scores_flagged": ("需关注：{name}（{file}）：{flags}；与其他专家的平均偏差为量表的 {bias} %，与其他专家的 r 为 {r}"
                       "（评分予以保留）",
                       "flagged: {name} ({file}): {flags}; mean deviation from the others {bias} % of the scale, "
                       "r with the others {r} (the scores are kept)"),
    "scores_flag_lenient": ("偏宽", "lenient"),
    "scores_flag_severe": ("偏严", "severe"),
    "scores_flag_against_the_rest": ("与其他专家相悖", "against the rest"),
    "scores_flag": ("  {expert} 在 {code} 上：{flag}", "  {expert} on {code}: {flag}"),
    "scores_missing_units": ("警告：数据表中没有这些城市，其评分未写入：{units}",
                             "WARNING: cities not in the data sheet, their scores not written: {units}"),
    # map and report (gui/)
    "map_bad_size": ("main.py map：--top 须 ≥ 0，--width 须 ≥ 200", "main.py map: --top must be ≥ 0 and --width ≥ 200"),
    "map_bad_ext": ("main.py map：-o 须以 .png 或 .svg 结尾", "main.py map: -o must end in .png or .svg"),
    "map_load_failed": ("{n} 个错误：未绘制地图。完整报告请运行 `python main.py check {input}`。",
                        "{n} error(s): no map drawn. Run `python main.py check {input}` for the full report."),
    "map_bad_node": ("main.py map：--node {code!r} 不是框架的内部节点；可选：{nodes}",
                     "main.py map: --node {code!r} is not an internal node of the framework; one of: {nodes}"),
    "map_missing": ("未上图（找不到名称；请添加 lon/lat 列）：{units}",
                    "not on the map (name not found; add lon/lat columns): {units}"),
    "map_written": ("已写出地图：{path}", "map written: {path}"),
    "report_bad_ext": ("main.py report：-o 须以 .docx 结尾", "main.py report: -o must end in .docx"),
    "report_bad_numbers": ("main.py report：--top 须 ≥ 1，--uncertainty-runs 与 --appendix-rows 须 ≥ 0",
                           "main.py report: --top must be ≥ 1, --uncertainty-runs and --appendix-rows ≥ 0"),
    "report_bad_scatter": ("main.py report：--scatter 需要两个不同的节点代码，X,Y",
                           "main.py report: --scatter takes two different node codes, X,Y"),
    "report_scatter_unknown": ("main.py report：--scatter {bad} 不是维度或子维度；可选：{nodes}",
                               "main.py report: --scatter {bad} is not a dimension or sub-dimension; one of: {nodes}"),
    "report_load_failed": ("{n} 个错误：未写出报告。完整报告请运行 `python main.py check {input}`。",
                           "{n} error(s): no report written. Run `python main.py check {input}` for the full report."),
    "report_written": ("已写出报告：{path}（图 {charts:.1f} 秒，文档 {docx:.1f} 秒）",
                       "report written: {path} (figures {charts:.1f} s, document {docx:.1f} s)"),
    "pdf_written": ("已写出 PDF：{path}", "PDF written: {path}"),
    # explain, stability, target (issue 21)
    "explain_two_units": ("--units 须为两个单位，以逗号分隔（如 常州,无锡）；收到：{given}",
                          "--units takes two units separated by a comma (e.g. A,B); given: {given}"),
    "explain_unknown_unit": ("没有参与排名的单位「{unit}」", "no ranked unit '{unit}'"),
    "explain_unknown_node": ("框架中没有节点「{code}」", "no node '{code}' in the framework"),
    "explain_leaf_node": ("「{code}」是指标，不是有子节点的节点；请给出维度或指数",
                          "'{code}' is an indicator, not a node with children; give a dimension or the index"),
    "explain_no_score": ("{unit} 在「{code}」上没有得分，无法分解",
                         "{unit} has no score at '{code}': nothing to split"),
    "explain_head": ("{a} 与 {b} 在 {node} 上的得分差 {diff:+.{d}f}（{a} {sa:.{d}f}，{b} {sb:.{d}f}）",
                     "{a} − {b} at {node}: {diff:+.{d}f} ({a} {sa:.{d}f}, {b} {sb:.{d}f})"),
    "explain_children": ("按子节点分解：", "by child:"),
    "explain_indicators": ("按指标分解（贡献最大的 {n} 个）：", "by indicator (the {n} largest):"),
    "explain_method": ("分解方法：{methods}", "split: {methods}"),
    "explain_strengths": ("{unit}（第 {rank} 名，共 {n} 个；「远好于/远差于」指相差至少 {k} 名）优势指标：{codes}",
                          "{unit} (rank {rank} of {n}; far better/worse = at least {k} places) strengths: {codes}"),
    "explain_weaknesses": ("    劣势指标：{codes}", "    weaknesses: {codes}"),
    "stability_bad_top": ("--top 须 ≥ 1（收到 {v}）", "--top must be ≥ 1 (given {v})"),
    "stability_head": ("各权重在此区间内变动（同级权重按比例调整）时，前 {n} 名及其顺序不变：",
                       "each weight may move within this interval (its siblings rescaled in proportion) "
                       "with the TOP {n} and their order unchanged:"),
    "stability_row": ("  {name}：当前 {cur:.1%}，区间 {lo:.1%}–{hi:.1%}（下端 {at_lo}；上端 {at_hi}）",
                      "  {name}: now {cur:.1%}, interval {lo:.1%}–{hi:.1%} (low end {at_lo}; high end {at_hi})"),
    "stability_swap": ("{a} 与 {b} 互换", "{a} and {b} swap"),
    "stability_none": ("无变化", "no change"),
    "stability_near": ("  ⚠ 当前权重距区间端点不足 10%", "  ⚠ within 10 % of an edge"),
    "stability_more": ("另有 {n} 个权重区间较宽，未列出（见 --json）", "{n} wider intervals not listed (see --json)"),
    "target_bad_rank": ("--rank 须在 1 到 {n} 之间（收到 {k}）", "--rank must be between 1 and {n} (given {k})"),
    "target_already": ("{unit} 现列第 {r} 名，已在前 {k} 名之内", "{unit} is ranked {r}: already in the top {k}"),
    "target_head": ("{unit} 现列第 {r} 名。单独改变一个指标的原始值（其余不变、标准化重新计算）进入前 {k} 名所需：",
                    "{unit} is ranked {r}. To reach rank {k} by one indicator's raw value alone (all else fixed, "
                    "normalisation recomputed):"),
    "target_row": ("  {name}：{cur:g} → {need:.6g}（变化 {change:+.6g}，{rel}）",
                   "  {name}: {cur:g} → {need:.6g} (change {change:+.6g}, {rel})"),
    "target_any": ("  任何改变即可（异常值处理随之改变）", "  any change at all (the outlier treatment switches)"),
    "target_unreachable": ("单靠这些指标无法达到：{codes}", "not reachable by these indicators alone: {codes}"),
    "target_missing": ("（原始值缺失）", " (raw value missing)"),
    "target_limit": ("（到 {limit:g} 仍不够）", " (not even at {limit:g})"),
    "live_formulas_means_only": ("--live-formulas 只适用于加权平均；以下节点的聚合方法需比较各单位，"
                                 "无法写成 Excel 公式：{nodes}",
                                 "--live-formulas works with weighted means only; these nodes use a method that "
                                 "compares the units, which no Excel formula repeats: {nodes}"),
    # outranking
    # the methods table's column heads (short: the table is read in a terminal)
    "method_col_arithmetic": ("算术平均", "arithmetic"), "method_col_geometric": ("几何平均", "geometric"),
    "method_col_harmonic": ("调和平均", "harmonic"), "method_col_topsis": ("TOPSIS", "topsis"),
    "method_col_grey": ("灰色关联", "grey"), "method_col_rsr": ("秩和比", "rsr"),
    "method_col_copeland": ("Copeland", "copeland"), "method_col_bod": ("BoD", "bod"),
    "methods_head": ("{n} 个单位在各聚合方法下的排名（所有节点用同一方法；按项目默认方法的排名排序）：",
                     "rank of the {n} units under each aggregation method (every node by that method; "
                     "in the order of the project's default method):"),
    "outranking_head": ("节点「{node}」的 {n} 个单位的 Kemeny 排序（{method}；Σe = {score:.4f}）：",
                        "Kemeny order of the {n} units at '{node}' ({method}; Σe = {score:.4f}):"),
    "outranking_row": ("  {pos}. {unit}（Copeland {copeland:+d}）", "  {pos}. {unit} (Copeland {copeland:+d})"),
    "outranking_exact": ("精确解：子集动态规划", "exact: dynamic programming over subsets"),
    "outranking_local": ("单位过多，未求精确解：从 Copeland 排序出发逐个移动单位的局部最优",
                         "too many units for the exact search: the Copeland order improved by moving "
                         "single units (a local optimum)"),
    "outranking_no_node": ("没有节点「{node}」；有下级的节点：{known}",
                           "no node '{node}'; nodes with children: {known}"),
    "outranking_leaf": ("「{node}」是指标，没有下级可比较；有下级的节点：{known}",
                        "'{node}' is an indicator, with no children to compare; nodes with children: {known}"),
}


def text_or(key: str, fallback: str, lang: str | None, **fields: Any) -> str:
    """`text(key)` when the key is known, else `fallback` (a value the engine names in English)."""
    return text(key, lang, **fields) if key in TEXTS else fallback


def lang_of(lang: str | None) -> str:
    return "en" if lang == "en" else "zh"


def text(key: str, lang: str | None, **fields: Any) -> str:
    """The sentence `key` in `lang` ('zh' unless 'en'), its fields filled. A field that speaks both
    languages (a `text(lang)` method: core.files.atomic.WriteError, an uncertainty note's method
    combination) is filled in `lang` too."""
    zh, en = TEXTS[key]
    lang = lang_of(lang)
    fields = {k: _in_lang(v, lang) for k, v in fields.items()}
    return (en if lang == "en" else zh).format(**fields)


def _in_lang(value: Any, lang: str) -> Any:
    if not isinstance(value, str) and callable(getattr(value, "text", None)):
        return value.text(lang)
    return value


def pick_lang(args: Any = None, project: Any = None) -> str:
    """`--lang` if given, else the loaded project's `language` setting, else Chinese."""
    given = getattr(args, "lang", None) if args is not None else None
    if given in ("zh", "en"):
        return given
    setting = getattr(getattr(project, "settings", None), "language", None)
    return setting if setting in ("zh", "en") else "zh"
