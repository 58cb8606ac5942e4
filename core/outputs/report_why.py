"""What the report draft says about "why here, and what would change it" (issue 21, point 5 and point 1's
outputs): pure sentences from the engine's numbers, and the two small blocks report.py places.

- **The method section** (`stability_paragraphs`, placed by `method_stability` as 一、（五）): one
  sentence per dimension weight with the interval within which the report's TOP N — membership and
  order — stays as it is (core.analysis.stability.weight_stability, for the dimensions only: on a
  3,000 × 500 project the five dimensions take a fraction of a second where all 560 weights take
  twenty), e.g. "政策环境优势的权重在 9%–32% 之间变动时，前十名及其顺序不变（当前为 20%）；再降低，天津将首先
  超过南京；再提高，南京将首先超过成都。" When nothing changes on one side it says so ("权重降至 0% 前十名仍
  不变"); when the current weight is within 10 % of an edge (`near_edge`) a sentence says the TOP N is
  sensitive to it. Percentages are rounded inward (core.text.why_texts.interval_pct): every weight
  between the two printed numbers keeps the TOP N. A swap at 0 % or 100 % itself (BoD: a child whose
  weight reaches 0 drops out) excludes that end and is said to happen there ("0%–100%（不含）…；升至 100%
  时，南京将超过成都"), not "再提高" — no weight lies beyond it.
- **A city's profile** (`strengths_sentence`): "优势指标：…；短板指标：…" — the indicators ranked far above
  or below the unit's overall rank (core.analysis.contributions.strengths_weaknesses' rule, through
  core.analysis.strengths_table for all the top units at once), at most five each with "等 k 项" when
  there are more; "无" when none, and why when none is possible (a unit ranked 3rd cannot rank 13
  places higher anywhere).

The words are core.text.why_texts'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.analysis.stability import near_edge, weight_stability
from core.analysis.strengths_table import all_strengths_weaknesses
from core.outputs.stability_sheet import MAX_CELLS, weight_count
from core.text.why_texts import interval_pct, top_words, why_text

if TYPE_CHECKING:
    from core.pipeline.run import Result


def dimension_stability(result: Result, top: int) -> dict:
    """weight_stability for the first-level dimensions only."""
    fw = result.framework
    return weight_stability(result, top, codes=set(fw.children[fw.root]))


def stability_sentence(name: str, entry: dict, top: int, lang: str) -> str:
    """The sentence of one weight (see the module docstring)."""
    tw = top_words(top, lang)
    lo, hi, cur = interval_pct(entry["low"], entry["high"], entry["current"])
    if entry["at_low"] is None and entry["at_high"] is None:
        text = why_text("r_st_all", lang, name=name, top=tw, cur=cur)
    else:
        # a swap found at 0 % or 100 % itself (the bound printed as the end): the end is excluded and the
        # swap said to happen there, not "lower/higher" — there is no weight beyond it
        lo_edge = entry["at_low"] is not None and float(lo.rstrip("%")) == 0.0
        hi_edge = entry["at_high"] is not None and float(hi.rstrip("%")) == 100.0
        excl = why_text("r_st_excl", lang)
        text = why_text("r_st_interval", lang, name=name, lo=lo + excl if lo_edge else lo,
                        hi=hi + excl if hi_edge else hi, top=tw, cur=cur)
        a = entry["at_low"]
        low_key = "r_st_low_edge" if lo_edge else "r_st_low"
        text += (why_text(low_key, lang, a=a[0], b=a[1]) if a else why_text("r_st_low_none", lang, top=tw))
        a = entry["at_high"]
        high_key = "r_st_high_edge" if hi_edge else "r_st_high"
        text += (why_text(high_key, lang, a=a[0], b=a[1]) if a else why_text("r_st_high_none", lang, top=tw))
    text += why_text("r_st_end", lang)
    if near_edge(entry):
        text += why_text("r_st_near", lang, top=tw)
    return text


def stability_paragraphs(result: Result, top: int, lang: str, n_weights: int | None = None) -> list[str]:
    """The paragraphs of the method section's stability part: an introduction, then one sentence per
    dimension weight in tree order; [] when there is no dimension weight to move (a single dimension).
    `n_weights`: how many weights the workbook's sheet lists (for the introduction, which points to that
    sheet, or to the `stability` command when the project is too large for the sheet by default)."""
    fw = result.framework
    dims = list(fw.children[fw.root])
    if len(dims) < 2:
        return []
    st = dimension_stability(result, top)
    if not st["top"]:
        return [why_text("r_st_none", lang)]
    n = st["top"]
    if n_weights is None:
        n_weights = weight_count(result)
    # the workbook's sheet holds every weight's interval unless the project is too large for it by default
    intro = "r_st_intro" if len(result.units) * n_weights <= MAX_CELLS else "r_st_intro_cmd"
    out = [why_text(intro, lang, top=top_words(n, lang), nw=n_weights)]
    out += [stability_sentence(fw.nodes[c].name(lang), st["weights"][c], n, lang) for c in dims
            if c in st["weights"]]
    return out


def method_stability(b) -> None:
    """一、（五）: the heading and the paragraphs, in the report builder `b` (core.outputs.report)."""
    paras = stability_paragraphs(b.r, b.o.top_n, b.lang)
    if not paras:
        return
    b.heading(why_text("h_stability", b.lang), 2)
    for p in paras:
        b.para(p)


def top_strengths(result: Result, units: list[str]) -> dict[str, dict]:
    """The strengths and weaknesses of `units` at the index (each indicator ranked once)."""
    return all_strengths_weaknesses(result, units=units)


def strengths_sentence(entry: dict, result: Result, lang: str) -> str:
    """"优势指标：…；短板指标：…" for one unit (see the module docstring); '' for a unit without a rank."""
    rank, k, n = entry["rank"], entry["threshold"], entry["of"]
    if rank is None:
        return ""
    fw = result.framework
    sep = "、" if lang == "zh" else ", "

    def listed(key: str, no_room: str, impossible: bool) -> str:
        items = [why_text("r_sw_item", lang, name=fw.nodes[e["code"]].name(lang), code=e["code"], rank=e["rank"])
                 for e in entry[key]]
        if not items:
            return why_text(no_room, lang, rank=rank, k=k, n=n) if impossible else why_text("r_sw_none", lang)
        more = entry.get("n_" + key, len(items))
        return sep.join(items) + (why_text("r_sw_more", lang, n=more) if more > len(items) else "")

    return why_text("r_sw", lang, k=k, rank=rank,
                    strengths=listed("strengths", "r_sw_no_room_up", rank - k < 1),
                    weaknesses=listed("weaknesses", "r_sw_no_room_down", rank + k > n))
