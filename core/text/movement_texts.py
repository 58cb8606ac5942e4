"""The words of the editions in the outputs (issue 19), in Chinese and English, each in one place: how a unit
moved between two editions (core.outputs.movements), the results workbook's 历年排名 sheet
(core.outputs.edition_sheet) and the report draft's paragraphs on the editions (core.outputs.report_editions).
What each `editions_normalization` mode is called and means lives with the engine's words, in
core.text.editions_texts (`mode_name`, `describe_mode`).

Imports nothing of core (as every module of core.text). `edition_words(lang)` gives one language's dict;
anything but English is Chinese.
"""

from __future__ import annotations

EDITION_TEXT: dict[str, dict[str, str]] = {
    "zh": {
        # the edition a movement is measured against: "上年" (consecutive years), "2021年", "上期"
        "ref_last_year": "上年", "ref_year": "{label}年", "ref_other": "{label}",
        # movements (core.outputs.movements)
        "m_up": "较{ref}上升{n}位", "m_down": "较{ref}下降{n}位", "m_same": "与{ref}排名持平",
        "m_new": "新参评", "m_unranked_before": "{ref}未获排名", "m_unranked_now": "本版未获排名",
        "m_gone": "本版未参评", "m_none": "",
        "m_enter_first": "首次进入前{top}", "m_enter_again": "重返前{top}", "m_leave": "跌出前{top}",
        "m_join": "，",
        "m_from_to": "（由{tie_a}第{a}位{verb}至{tie}第{b}位）", "m_verb_up": "升", "m_verb_down": "降",
        "m_same_at": "（{tie}第{b}位）", "m_tie": "并列",
        # the results workbook's sheet
        "s_editions": "历年排名",
        "sheet_title": "{name}历年排名（{first}—{last}，共 {n} 版）",
        "g_rank": "排名", "g_score": "综合得分", "g_change": "名次变化",
        "h_unit": "城市", "h_words_col": "{label}较{prev}",
        "chart_title": "前 {n} 名城市的历年排名",
        "chart_axis": "排名",
        "sheet_desc": "各版的排名与得分、较上一版的名次变化（正数为上升）及前 {n} 名的历年排名折线图",
        "c_editions": "历年评价",
        "i_editions": "评价版次",
        "v_editions": "共 {n} 版：{labels}；各版使用同一指标体系与权重",
        "i_mode": "历年得分的读法",
        "note_mode": "名次变化 = 上一版名次 − 本版名次（+3 为上升 3 位）。历年标准化方式：{name}。{meaning}",
        # the report draft
        "h_moves": "（二）排名变化（{span}）",
        "h_profiles": "（三）TOP {n} 城市特点",
        "h_city": "{k}. {unit}：综合得分 {score} 分，排名第 {rank}",
        "s_bump": "图{fig}给出{last}前 {n} 名城市在各版的排名（第 1 名在上，每条线两端标注城市）。",
        "s_moves_lead": "与{ref}相比，前 {n} 名中",
        "s_moves_up": "排名上升的有{items}", "s_moves_down": "排名下降的有{items}",
        "s_moves_same": "排名持平的有{items}", "s_moves_enter": "新进入前 {n} 名的有{items}",
        "s_moves_leave": "跌出前 {n} 名的有{items}", "s_moves_sep": "；", "s_moves_end": "。",
        "s_moves_none": "与{ref}相比，前 {n} 名的名次均未变化。",
        "s_item_up": "{unit}（上升{n}位）", "s_item_down": "{unit}（下降{n}位）",
        "s_item_enter": "{unit}（第{b}位，{how}）", "s_how_up": "上升{n}位",
        "s_item_leave": "{unit}（由第{a}位降至第{b}位）",
        "s_item_leave_unranked": "{unit}（{ref}第{a}位，本版未获排名）",
        "s_item_leave_gone": "{unit}（{ref}第{a}位，本版未参评）",
        "s_city_move": "{unit}{words}。",
        "s_city_not_real": "这一变化在两版排名的 5%–95% 区间之内，不能视为实质变化。",
        "s_not_real": "其中{items}的名次变化在两版排名的 5%–95% 区间之内（{runs} 次权重扰动模拟），不视为实质变化。",
        "s_mode": ("本报告共评价 {n} 个版次（{labels}），各版使用同一指标体系与权重，"
                   "历年标准化方式为{name}：{meaning}"),
        "cap_bump": "{span}各版排名（{last}前 {n} 名城市）",
        "th_change": "较{ref}",
        "v_new": "新",
    },
    "en": {
        "ref_last_year": "{label}", "ref_year": "{label}", "ref_other": "{label}",
        "m_up": "rises {n} place{s} since {ref}", "m_down": "falls {n} place{s} since {ref}",
        "m_same": "holds its rank since {ref}",
        "m_new": "new this edition", "m_unranked_before": "had no rank in {ref}",
        "m_unranked_now": "has no rank this edition", "m_gone": "not in this edition", "m_none": "",
        "m_enter_first": "enters the top {top} for the first time", "m_enter_again": "returns to the top {top}",
        "m_leave": "drops out of the top {top}",
        "m_join": ", and ",
        "m_from_to": " (from {tie_a}{a} to {tie}{b})", "m_verb_up": "", "m_verb_down": "",
        "m_same_at": " ({tie}{b})", "m_tie": "joint ",
        "s_editions": "Ranks by edition",
        "sheet_title": "{name}: ranks by edition ({first}–{last}, {n} editions)",
        "g_rank": "Rank", "g_score": "Score", "g_change": "Change of rank",
        "h_unit": "Unit", "h_words_col": "{label} against {prev}",
        "chart_title": "TOP {n}: rank by edition",
        "chart_axis": "Rank",
        "sheet_desc": ("each edition's rank and score, the change of rank since the previous edition (+ = up) "
                       "and a line chart of the TOP {n}'s ranks"),
        "c_editions": "Editions",
        "i_editions": "Editions scored",
        "v_editions": "{n} editions: {labels}; one framework and one set of weights for all",
        "i_mode": "Reading scores across editions",
        "note_mode": ("Change of rank = previous rank − this rank (+3: up 3 places). Normalisation across editions: "
                      "{name}. {meaning}"),
        "h_moves": "2.2 Changes of rank ({span})",
        "h_profiles": "2.3 Profiles of the TOP {n}",
        "h_city": "2.3.{k} {unit}: score {score}, rank {rank}",
        "s_bump": ("Figure {fig} shows the rank of the TOP {n} of {last} in every edition (rank 1 on top, each line "
                   "named at both ends)."),
        "s_moves_lead": "Since {ref}, among the TOP {n}: ",
        "s_moves_up": "{items} rose", "s_moves_down": "{items} fell",
        "s_moves_same": "{items} kept the same rank", "s_moves_enter": "{items} entered the TOP {n}",
        "s_moves_leave": "{items} dropped out of it", "s_moves_sep": "; ", "s_moves_end": ".",
        "s_moves_none": "Since {ref}, no unit of the TOP {n} changed its rank.",
        "s_item_up": "{unit} (+{n})", "s_item_down": "{unit} (−{n})",
        "s_item_enter": "{unit} ({b}, {how})", "s_how_up": "up {n}",
        "s_item_leave": "{unit} (from {a} to {b})", "s_item_leave_unranked": "{unit} ({a} in {ref}, no rank now)",
        "s_item_leave_gone": "{unit} ({a} in {ref}, not in this edition)",
        "s_city_move": "{unit} {words}.",
        "s_city_not_real": " The change lies within the 5–95 % intervals of the two ranks: not a real move.",
        "s_not_real": ("The changes of {items} lie within the 5–95 % intervals of the two ranks ({runs} runs with "
                       "perturbed weights) and are not counted as real moves."),
        "s_mode": ("This report scores {n} editions ({labels}) with one framework and one set of weights, "
                   "normalised across editions as {name}: {meaning}"),
        "cap_bump": "Rank in every edition, {span} (the TOP {n} of {last})",
        "th_change": "vs {ref}",
        "v_new": "new",
    },
}

def edition_words(lang: str) -> dict[str, str]:
    return EDITION_TEXT["en" if lang == "en" else "zh"]
