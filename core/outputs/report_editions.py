"""The report draft on a project of several editions (issue 19): how the TOP N moved, in words and in a bump chart.

With two or more editions core.outputs.report adds, through the few calls below:

- in 一、评价方法 (四): which editions were scored and how they were normalised across editions
  (`editions_normalization`), with what that means for reading the scores (`method_paragraph`);
- in 二、TOP N 榜单: a 较上年 column in the ranking table (+3, −2, 0, 新: `with_change_column`), then a section
  （二）排名变化 with the bump chart of the latest TOP N over every edition and a sentence on who rose, fell,
  held, entered and dropped out of the TOP N (`write_movement_section`);
- in each TOP-N city's profile, its movement: 苏州较上年上升3位（由第5位升至第2位），首次进入前十。 (`city_sentence`).

Everything is read off the editions' ranks (core.analysis.trend) through core.outputs.movements, as the results
workbook's 历年排名 sheet says it; a one-edition report is unchanged (`edition_report` returns None).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from core.outputs.movements import (
    Movement,
    edition_name,
    edition_span,
    movement_words,
    movements,
    ordinal,
    reference,
    units_present,
)
from core.outputs.report_text import join_list
from core.text.editions_texts import describe_mode, mode_name
from core.text.movement_texts import edition_words

BUMP_MAX = 15  # the bump chart draws at most this many lines
CHANGE_COL_CM = 1.4  # the ranking table's 较上年 column


@dataclass(frozen=True)
class EditionReport:
    """What the draft says about the editions: the trend of the index, the latest movements, the mode."""

    trend: object  # core.analysis.trend.Trend (its editions, units, ranks)
    mode: str  # editions_normalization
    present: Mapping[str, Collection[str]]  # edition -> units in its data
    top_n: int
    moves: Mapping[str, Movement]  # unit -> from the edition before the latest to the latest
    # unit -> is its change larger than the two ranks' 5–95 % intervals (core.analysis.trend_uncertainty)?
    # None: not judged (no Monte Carlo runs); runs: how many
    real: Mapping[str, bool | None] | None = None
    runs: int = 0

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.trend.editions)


def edition_report(editions, top_n: int = 10, rank_moves: Mapping | None = None,
                   runs: int = 0) -> EditionReport | None:
    """The facts from a core.pipeline.editions.EditionResults; None for fewer than two editions. `rank_moves`:
    core.analysis.trend_uncertainty.rank_moves of the latest two editions (from `runs` Monte Carlo runs): a move
    within the two ranks' intervals is then said not to be a real one."""
    if editions is None or len(getattr(editions, "labels", ())) < 2:
        return None
    from core.analysis.trend import trend

    real = {u: m.real for u, m in rank_moves.items()} if rank_moves else None
    return from_trend(trend(editions), str(editions.normalization or "each"), units_present(editions), top_n,
                      real, runs)


def from_trend(tr, mode: str, present: Mapping[str, Collection[str]] | None, top_n: int = 10,
               real: Mapping[str, bool | None] | None = None, runs: int = 0) -> EditionReport:
    present = dict(present or {})
    return EditionReport(tr, mode, present, top_n, movements(tr, top_n=top_n, present=present or None), real, runs)


def not_real(er: EditionReport, m: Movement) -> bool:
    """A change of rank that the Monte Carlo judged to lie within the two ranks' intervals."""
    return er.real is not None and bool(m.change) and er.real.get(m.unit) is False


def _ref(er: EditionReport, lang: str) -> str:
    return reference(er.labels[-2], er.labels[-1], lang)


def _rank(k: int, lang: str) -> str:
    return ordinal(k) if lang == "en" else str(k)


def bump_params(er: EditionReport, top_n: int) -> dict:
    """The bump figure's data (a FigureSpec's params): the editions and, for the latest TOP N (at most BUMP_MAX
    lines, best first), each unit's rank in every edition."""
    tr, labels = er.trend, er.labels
    units = [u for u in tr.units if tr.ranks.get(u, {}).get(labels[-1]) is not None
             and tr.ranks[u][labels[-1]] <= top_n][:BUMP_MAX]
    return {"editions": list(labels), "series": [(u, [tr.ranks[u].get(e) for e in labels]) for u in units],
            "top": len(units)}


def method_paragraph(er: EditionReport, lang: str) -> str:
    W = edition_words(lang)
    sep = "、" if lang != "en" else ", "
    return W["s_mode"].format(n=len(er.labels), labels=sep.join(er.labels), name=mode_name(er.mode, lang),
                              meaning=describe_mode(er.mode, lang, er.labels[0]))


def change_text(m: Movement | None, lang: str) -> str:
    """The ranking table's cell: +3, −2, 0, 新 (new this edition) or — (no rank in one of the two)."""
    if m is None:
        return "—"
    c = m.change
    if c is not None:
        return f"+{c}" if c > 0 else f"−{-c}" if c < 0 else "0"
    return edition_words(lang)["v_new"] if m.kind == "new" else "—"


def with_change_column(er: EditionReport, header: list[str], rows: list[list], units: Sequence[str],
                       widths: list[float], lang: str, after: int = 3) -> tuple[list[str], list[list], list[float]]:
    """The ranking table with a 较上年 column after its `after` first columns (rank, unit, score); the other
    columns narrowed in proportion so that the table keeps its width."""
    W = edition_words(lang)
    head = header[:after] + [W["th_change"].format(ref=_ref(er, lang))] + header[after:]
    body = [row[:after] + [change_text(er.moves.get(u), lang)] + row[after:] for row, u in zip(rows, units)]
    total = sum(widths)
    scale = (total - CHANGE_COL_CM) / total
    w = [x * scale for x in widths]
    return head, body, w[:after] + [CHANGE_COL_CM] + w[after:]


def top_sentence(er: EditionReport, lang: str) -> str:
    """Who of the latest TOP N rose, fell or held their rank since the previous edition, who entered the TOP N
    and who dropped out of it."""
    W = edition_words(lang)
    n, ref = er.top_n, _ref(er, lang)
    moves = list(er.moves.values())
    top = [m for m in moves if m.current is not None and m.current <= n]
    stay = [m for m in top if not m.top]
    up = [W["s_item_up"].format(unit=m.unit, n=m.change) for m in stay if m.kind == "up"]
    down = [W["s_item_down"].format(unit=m.unit, n=-(m.change or 0)) for m in stay if m.kind == "down"]
    same = [m.unit for m in stay if m.kind == "same"]
    enter = []
    for m in top:
        if m.top in ("enter_first", "enter_again"):
            how = (W["s_how_up"].format(n=m.change) if m.kind == "up" else movement_words(
                Movement(m.unit, m.frm, m.to, m.previous, m.current, m.kind), lang, n))
            enter.append(W["s_item_enter"].format(unit=m.unit, b=_rank(m.current, lang), how=how))
    leave = []
    for m in moves:
        if m.top != "leave":
            continue
        if m.current is not None:
            leave.append(W["s_item_leave"].format(unit=m.unit, a=_rank(m.previous, lang), b=_rank(m.current, lang)))
        else:
            key = "s_item_leave_gone" if m.kind == "gone" else "s_item_leave_unranked"
            leave.append(W[key].format(unit=m.unit, a=_rank(m.previous, lang), ref=ref))
    clauses = [W[key].format(items=join_list(items, lang), n=n) for key, items in
               (("s_moves_up", up), ("s_moves_down", down), ("s_moves_same", same), ("s_moves_enter", enter),
                ("s_moves_leave", leave)) if items]
    if not up and not down and not enter and not leave:
        return W["s_moves_none"].format(ref=ref, n=n)
    text = W["s_moves_lead"].format(ref=ref, n=n) + W["s_moves_sep"].join(clauses) + W["s_moves_end"]
    unreal = [m.unit for m in moves if (m in top or m.top == "leave") and not_real(er, m)]
    if unreal:
        text += (" " if lang == "en" else "") + W["s_not_real"].format(items=join_list(unreal, lang), runs=er.runs)
    return text


def city_sentence(er: EditionReport, unit: str, lang: str) -> str:
    """苏州较上年上升3位（由第5位升至第2位），首次进入前十。 — '' when there is nothing to say."""
    m = er.moves.get(unit)
    words = movement_words(m, lang, er.top_n, detail=True) if m is not None else ""
    if not words:
        return ""
    W = edition_words(lang)
    return W["s_city_move"].format(unit=unit, words=words) + (W["s_city_not_real"] if not_real(er, m) else "")


def headings(T: Mapping[str, str], lang: str) -> dict[str, str]:
    """The report's words with the TOP-N section's later headings renumbered (（三）, 2.3): 排名变化 comes second."""
    W = edition_words(lang)
    return {**T, "h_profiles": W["h_profiles"], "h_city": W["h_city"]}


def write_movement_section(b, er: EditionReport) -> None:
    """（二）排名变化: the bump chart with its introduction, and the TOP N's movements (b: report._Builder)."""
    W = edition_words(b.lang)
    labels = er.labels
    span, last = edition_span(labels[0], labels[-1], b.lang), edition_name(labels[-1], b.lang)
    b.heading(W["h_moves"].format(span=span), 2)
    k = bump_params(er, er.top_n)["top"]
    b.para(W["s_bump"].format(fig=b.fig_n + 1, last=last, n=k))
    b.figure("bump", W["cap_bump"].format(span=span, last=last, n=k))
    b.para(top_sentence(er, b.lang))
