"""Headless `trend` (issue 19): how each unit moved over the editions.

    python main.py trend INPUT [--json OUT] [--node CODE] [--data DATA] [--lang zh|en]

Prints per unit its rank and score in every edition and the change since the previous edition
(Chinese column heads in Chinese output); `--json` writes
{"editions": [...], "node": CODE, "units": [{"unit", "ranks": {label: rank}, "scores": {...}}]}.
Exit codes: 0 done, 1 problems in the input, 2 wrong usage (an unknown node, a one-edition input).
"""

from __future__ import annotations

import sys
import unicodedata

from core.text.editions_texts import mode_name, text
from core.text.messages import pick_lang

USAGE_EXIT, PROBLEM_EXIT = 2, 1


def register(sub) -> None:
    t = sub.add_parser("trend", help="each unit's rank and score in every edition of a multi-edition input, "
                       "and the change since the previous edition")
    t.add_argument("input")
    t.add_argument("--json")
    t.add_argument("--node", help="the node ranked (default: the index)")
    t.add_argument("--data")
    t.add_argument("--lang", choices=("zh", "en"),
                   help="language of the printed lines (default: the project's `language` setting)")


def _cols(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int, right: bool = True) -> str:
    gap = " " * max(width - _cols(s), 0)
    return gap + s if right else s + gap


def cmd_trend(args) -> int:
    from core.analysis.trend import TrendError, trend
    from core.cli.commands import load_input, write_json_or_say
    from core.pipeline.editions import compute_editions

    project = load_input(args)
    if project is None:
        return PROBLEM_EXIT
    lang = pick_lang(args, project)
    if len(project.editions) < 2:
        print(text("trend_one_edition", lang, input=args.input), file=sys.stderr)
        return USAGE_EXIT
    er = compute_editions(project)
    try:
        t = trend(er, args.node)
    except TrendError:
        print(text("trend_unknown_node", lang, code=args.node), file=sys.stderr)
        return USAGE_EXIT
    decimals = er.latest.settings.decimals
    print(text("trend_head", lang, n=len(t.units), k=len(t.editions), editions=", ".join(t.editions), node=t.node))
    print(text("trend_mode", lang, mode=mode_name(er.normalization, lang)))
    width = max([_cols(u) for u in t.units] + [_cols(text("trend_unit", lang))])
    heads = []
    for label in t.editions:
        heads += [text("trend_rank", lang, label=label), text("trend_score", lang, label=label)]
    heads.append(text("trend_change", lang))
    cw = max(8, *(_cols(h) for h in heads))
    print(_pad(text("trend_unit", lang), width, right=False) + "  " + " ".join(_pad(h, cw) for h in heads))
    for u in t.units:
        cells = []
        for label in t.editions:
            r, s = t.ranks[u][label], t.scores[u][label]
            cells += ["—" if r is None else str(r), "—" if s is None else f"{s:.{decimals}f}"]
        c = t.change(u)
        cells.append("—" if c is None else (f"+{c}" if c > 0 else str(c)))
        print(_pad(u, width, right=False) + "  " + " ".join(_pad(x, cw) for x in cells))
    if args.json and not write_json_or_say(t.to_dict(), args.json, lang):
        return PROBLEM_EXIT
    return 0


def print_score_editions(er, lang: str, top: int = 10) -> None:
    """`score` on a multi-edition input: which editions, then the latest edition's top N with the change."""
    from core.analysis.trend import trend
    t = trend(er)
    latest, previous = er.labels[-1], er.previous(er.labels[-1])
    print(text("score_editions", lang, k=len(er.labels), editions=", ".join(er.labels), latest=latest,
               previous=previous))
    decimals = er.latest.settings.decimals
    for u in t.units[:top]:
        r, s, c = t.ranks[u][latest], t.scores[u][latest], t.change(u)
        if r is None:
            break
        change = "—" if c is None else (f"+{c}" if c > 0 else str(c))
        print(f"{r:>4}  {u}  {s:.{decimals}f}  ({change})")


COMMANDS = {"trend": cmd_trend}
