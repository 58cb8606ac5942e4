"""How a unit moved between two editions, and the words that say it (较上年上升3位, 首次进入前十, 新参评 …).

The question a reader of an annual ranking asks first is "how did my city move since last year?". This module
answers it from ranks alone — a `core.analysis.trend.Trend` (or anything with its `editions` and `ranks`) — so
the results workbook's 历年排名 sheet and the report draft say the same thing in the same words
(core.text.movement_texts):

- `movements(trend, frm, to, top_n, present)`: every unit's `Movement` from edition `frm` to `to` (default: the
  edition before the latest, and the latest);
- `classify(...)`: the same for one unit from plain numbers (the rule, testable by hand);
- `movement_words(m, lang, top_n, detail)`: the phrase.

The rules. Ranks are the engine's (ties share the best rank, 1, 2, 2, 4), so a change is the difference of the
rank numbers: previous − current, positive = moved up. A unit is in the TOP N when its rank is N or better (a tie
at N is in). It *enters* the TOP N when it is in now and was not in `frm`; *for the first time* when no edition
before `to` had it in the TOP N, else it *returns*. It *drops out* when it was in and is not now (no rank now
counts as out; a unit absent from the new edition is just absent). A unit absent from `frm` is *new* (新参评);
one present but without a score there *had no rank*. Whether a unit is present in an edition is read from
`present` ({edition: units in its data}, `units_present(edition_results)`); without it a unit without a rank
counts as absent.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from core.outputs.report_text import chinese_number
from core.text.movement_texts import edition_words

KINDS = ("up", "down", "same", "new", "unranked_before", "unranked_now", "gone", "none", "first")
TOP_MOVES = ("", "enter_first", "enter_again", "leave")


@dataclass(frozen=True)
class Movement:
    unit: str
    frm: str | None  # the edition compared against; None: `to` is the first edition
    to: str
    previous: int | None  # rank in `frm` (None: absent or no score)
    current: int | None  # rank in `to`
    kind: str  # one of KINDS
    top: str = ""  # one of TOP_MOVES
    tied_before: bool = False  # the rank in `frm` is shared with another unit
    tied_now: bool = False

    @property
    def change(self) -> int | None:
        """previous − current (positive: moved up); None unless ranked in both editions."""
        if self.previous is None or self.current is None:
            return None
        return self.previous - self.current


def classify(previous: int | None, current: int | None, *, present_before: bool | None = None,
             present_now: bool | None = None, top_before: bool = False, top_n: int = 10) -> tuple[str, str]:
    """(kind, top move) of one unit: `previous`/`current` its ranks (None: no rank); `present_*` whether it is in
    that edition's data (None: when it has a rank); `top_before` whether any edition before the current one had it
    in the TOP `top_n` (decides 首次进入 against 重返)."""
    before = previous is not None if present_before is None else bool(present_before) or previous is not None
    now = current is not None if present_now is None else bool(present_now) or current is not None
    if not now:
        kind = "gone" if before else "none"
    elif current is None:
        kind = "unranked_now" if before else "none"
    elif not before:
        kind = "new"
    elif previous is None:
        kind = "unranked_before"
    else:
        kind = "up" if previous > current else "down" if previous < current else "same"
    in_now = current is not None and current <= top_n
    in_before = previous is not None and previous <= top_n
    if in_now and not in_before:
        top = "enter_again" if top_before else "enter_first"
    elif in_before and not in_now and kind != "gone":
        top = "leave"
    else:
        top = ""
    return kind, top


def _editions_pair(editions: Sequence[str], frm: str | None, to: str | None) -> tuple[str | None, str]:
    labels = list(editions)
    if not labels:
        raise ValueError("no editions")
    to = labels[-1] if to is None else to
    if to not in labels:
        raise KeyError(f"no edition {to!r}")
    if frm is None:
        k = labels.index(to)
        frm = labels[k - 1] if k > 0 else None
    elif frm not in labels:
        raise KeyError(f"no edition {frm!r}")
    return frm, to


def movements(trend, frm: str | None = None, to: str | None = None, top_n: int = 10,
              present: Mapping[str, Collection[str]] | None = None) -> dict[str, Movement]:
    """Every unit's movement from edition `frm` to `to`, in the trend's unit order. `trend`: a
    core.analysis.trend.Trend (its `editions`, `units` and `ranks` {unit: {edition: rank | None}})."""
    frm, to = _editions_pair(trend.editions, frm, to)
    labels = list(trend.editions)
    earlier = labels[:labels.index(to)]
    ranks = trend.ranks

    def counts(label: str | None) -> dict[int, int]:
        c: dict[int, int] = {}
        if label is None:
            return c
        for u in trend.units:
            v = ranks.get(u, {}).get(label)
            if v is not None:
                c[v] = c.get(v, 0) + 1
        return c

    c_before, c_now = counts(frm), counts(to)
    out: dict[str, Movement] = {}
    for u in trend.units:
        r = ranks.get(u, {})
        cur = r.get(to)
        if frm is None:
            out[u] = Movement(u, None, to, None, cur, "first", "", False, cur is not None and c_now[cur] > 1)
            continue
        prev = r.get(frm)
        top_before = any(r.get(e) is not None and r.get(e) <= top_n for e in earlier)
        kind, top = classify(prev, cur, top_n=top_n, top_before=top_before,
                             present_before=None if present is None else u in present.get(frm, ()),
                             present_now=None if present is None else u in present.get(to, ()))
        out[u] = Movement(u, frm, to, prev, cur, kind, top, prev is not None and c_before[prev] > 1,
                          cur is not None and c_now[cur] > 1)
    return out


def units_present(edition_results) -> dict[str, set[str]]:
    """{edition: the units in its data}: those scored and those excluded (core.pipeline.editions.EditionResults)."""
    return {label: set(r.units) | {str(e.get("unit")) for e in r.excluded}
            for label, r in edition_results.results.items()}


_YEAR = re.compile(r"\s*(\d{4})\s*(?:年)?\s*")


def _year(label: str | None) -> int | None:
    m = _YEAR.fullmatch(str(label or ""))
    return int(m.group(1)) if m else None


def reference(frm: str | None, to: str, lang: str = "zh") -> str:
    """The edition a change is measured against, as a noun: 上年 (consecutive years), 2021年, or the label."""
    W = edition_words(lang)
    a, b = _year(frm), _year(to)
    if a is not None and b is not None:
        return (W["ref_last_year"] if b - a == 1 else W["ref_year"]).format(label=a)
    return W["ref_other"].format(label=frm or "")


def edition_name(label: str, lang: str = "zh") -> str:
    """An edition as a reader names it: 2024年 for a year label in Chinese, else the label."""
    return f"{_year(label)}年" if lang != "en" and _year(label) is not None else str(label)


def edition_span(first: str, last: str, lang: str = "zh") -> str:
    """2022—2024年 (years, Chinese), 2022–2024, 一期—三期."""
    if lang != "en" and _year(first) is not None and _year(last) is not None:
        return f"{_year(first)}—{_year(last)}年"
    return f"{first}{'–' if lang == 'en' else '—'}{last}"


def top_words(top_n: int, lang: str) -> str:
    """'十' / '10': how the TOP N is named in a phrase (前十, top 10)."""
    return chinese_number(top_n) if lang != "en" and 1 <= top_n <= 99 else str(top_n)


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st (English)."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def movement_words(m: Movement, lang: str = "zh", top_n: int = 10, detail: bool = False) -> str:
    """The phrase: 较上年上升3位，首次进入前十 / "rises 3 places since 2023, and enters the top 10 for the first
    time"; with `detail`, the two ranks too: 较上年上升3位（由第5位升至并列第2位）. '' for the first edition."""
    lang = "en" if lang == "en" else "zh"
    W = edition_words(lang)
    if m.kind in ("first", "none"):
        return ""
    ref = reference(m.frm, m.to, lang)
    n = abs(m.change or 0)
    main = W["m_" + m.kind].format(ref=ref, n=n, s="" if n == 1 else "s")
    if detail and m.kind in ("up", "down", "same"):
        rank = (lambda k: ordinal(k)) if lang == "en" else str
        tie = W["m_tie"] if m.tied_now else ""
        if m.kind == "same":
            main += W["m_same_at"].format(b=rank(m.current), tie=tie)
        else:
            verb = W["m_verb_up" if m.kind == "up" else "m_verb_down"]
            main += W["m_from_to"].format(a=rank(m.previous), b=rank(m.current), verb=verb, tie=tie,
                                           tie_a=W["m_tie"] if m.tied_before else "")
    if m.top:
        main += W["m_join"] + W["m_" + m.top].format(top=top_words(top_n, lang))
    return main
