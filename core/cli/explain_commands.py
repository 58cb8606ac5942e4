"""Headless `explain`, `stability` and `target` subcommands (issue 21): why a unit is ranked where it is,
and what would change it.

    python main.py explain INPUT --units A,B [--node CODE] [--json OUT] [--data DATA]
    python main.py stability INPUT [--top N] [--json OUT] [--data DATA]
    python main.py target INPUT --unit U --rank K [--json OUT] [--data DATA]

The numbers come from core/analysis (contributions, stability, targets); this module parses, prints
(lines from core.text.messages, in --lang or the project's language) and writes the JSON.
Exit codes: 0 done, 1 problems in the input (the report printed), 2 wrong usage (an unknown unit
or node, a rank out of range).
"""

from __future__ import annotations

import sys

from core.files.atomic import WriteError
from core.text.messages import pick_lang, text

USAGE_EXIT, PROBLEM_EXIT = 2, 1
TABLE_ROWS = 10
STABILITY_ROWS = 60


def _lang_arg(p) -> None:
    p.add_argument("--lang", choices=("zh", "en"),
                   help="language of the printed lines (default: the project's `language` setting)")


def register(sub) -> None:
    e = sub.add_parser("explain", help="why one unit is ahead of another: the score difference split over "
                       "the indicators and the node's children, and each unit's strengths and weaknesses")
    e.add_argument("input")
    e.add_argument("--units", required=True, help="two units separated by a comma (常州,无锡)")
    e.add_argument("--node", help="the node to explain (default: the index)")
    e.add_argument("--json")
    e.add_argument("--data")
    _lang_arg(e)
    s = sub.add_parser("stability", help="for each weight, the interval within which the TOP-N (membership "
                       "and order) stays as it is, and the pair of units that swaps first at each end")
    s.add_argument("input")
    s.add_argument("--top", type=int, default=10, help="N (default 10)")
    s.add_argument("--json")
    s.add_argument("--data")
    _lang_arg(s)
    t = sub.add_parser("target", help="for each indicator, the smallest change of one unit's raw value alone "
                       "that brings it to rank K or better")
    t.add_argument("input")
    t.add_argument("--unit", required=True)
    t.add_argument("--rank", type=int, required=True, help="K")
    t.add_argument("--json")
    t.add_argument("--data")
    _lang_arg(t)


def _result(args):
    """(result, lang); result None when the input has errors (the report printed)."""
    from core.cli.commands import load_input
    from core.pipeline.run import compute
    project = load_input(args, latest_only=True)
    if project is None:
        return None, pick_lang(args)
    return compute(project), pick_lang(args, project)


def _name(result, code: str, lang: str) -> str:
    n = result.framework.nodes[code].name(lang)
    return code if n == code else f"{code} {n}"


def cmd_explain(args) -> int:
    from core.analysis.contributions import ExplainError, explain_pair, strengths_weaknesses
    from core.cli.commands import write_json_or_say
    from core.experts.forms import split_names
    units = split_names(args.units, unique=False)
    if len(units) != 2:
        print(text("explain_two_units", pick_lang(args), given=args.units), file=sys.stderr)
        return USAGE_EXIT
    result, lang = _result(args)
    if result is None:
        return PROBLEM_EXIT
    try:
        e = explain_pair(result, units[0], units[1], args.node)
        sw = [strengths_weaknesses(result, u, e["node"]) for u in units]
    except ExplainError as err:
        print(text(err.key, lang, **err.fields), file=sys.stderr)
        return USAGE_EXIT
    j = result.plan.codes.index(e["node"])
    sa, sb = (float(result.scores_array[result.units.index(u), j]) for u in units)
    d = result.settings.decimals + 2
    print(text("explain_head", lang, a=units[0], b=units[1], node=_name(result, e["node"], lang),
               diff=e["difference"], sa=sa, sb=sb, d=d))
    print(text("explain_children", lang))
    for code, v in sorted(e["children"].items(), key=lambda kv: -abs(kv[1])):
        print(f"  {v:+.{d}f}  {_name(result, code, lang)}")
    print(text("explain_indicators", lang, n=min(TABLE_ROWS, len(e["indicators"]))))
    for code, v in sorted(e["indicators"].items(), key=lambda kv: -abs(kv[1]))[:TABLE_ROWS]:
        print(f"  {v:+.{d}f}  {_name(result, code, lang)}")
    from core.analysis.contributions import method_words
    methods = sorted({method_words(m, lang) for m in e["method"].values()})
    print(text("explain_method", lang, methods="; ".join(methods)))
    sep = text("sep", lang)
    for s in sw:
        print(text("explain_strengths", lang, unit=s["unit"], rank=s["rank"], n=s["of"], k=s["threshold"],
                   codes=sep.join(f"{x['code']}（{x['rank']}）" if lang == "zh" else f"{x['code']} ({x['rank']})"
                                  for x in s["strengths"]) or "—"))
        print(text("explain_weaknesses", lang,
                   codes=sep.join(f"{x['code']}（{x['rank']}）" if lang == "zh" else f"{x['code']} ({x['rank']})"
                                  for x in s["weaknesses"]) or "—"))
    if args.json and not write_json_or_say(dict(e, strengths_weaknesses={s["unit"]: s for s in sw}), args.json, lang):
        return PROBLEM_EXIT
    return 0


def _write(obj: dict, path: str, lang: str) -> bool:
    from core.outputs.json_output import write_json
    try:
        write_json(obj, path)
    except WriteError as err:
        print(text("error", lang, msg=err), file=sys.stderr)
        return False
    print(text("written", lang, path=path))
    return True


def cmd_stability(args) -> int:
    from core.analysis.stability import near_edge, weight_stability
    if args.top < 1:
        print(text("stability_bad_top", pick_lang(args), v=args.top), file=sys.stderr)
        return USAGE_EXIT
    result, lang = _result(args)
    if result is None:
        return PROBLEM_EXIT
    st = weight_stability(result, args.top)
    print(text("stability_head", lang, n=st["top"]))
    rows = list(st["weights"].items())
    if len(rows) > STABILITY_ROWS:
        rows = sorted(rows, key=lambda kv: kv[1]["high"] - kv[1]["low"])[:STABILITY_ROWS]
    for code, e in rows:
        ends = []
        for side in ("low", "high"):
            pair = e[f"at_{side}"]
            ends.append(text("stability_swap", lang, a=pair[0], b=pair[1]) if pair else text("stability_none", lang))
        print(text("stability_row", lang, name=_name(result, code, lang), cur=e["current"], lo=e["low"],
                   hi=e["high"], at_lo=ends[0], at_hi=ends[1])
              + (text("stability_near", lang) if near_edge(e) else ""))
    if len(st["weights"]) > len(rows):
        print(text("stability_more", lang, n=len(st["weights"]) - len(rows)))
    if args.json and not _write(st, args.json, lang):
        return PROBLEM_EXIT
    return 0


def cmd_target(args) -> int:
    from core.analysis.targets import TargetError, targets
    from core.cli.commands import load_input
    from core.pipeline.run import compute
    project = load_input(args, latest_only=True)
    if project is None:
        return PROBLEM_EXIT
    lang = pick_lang(args, project)
    result = compute(project)
    try:
        t = targets(project, result, args.unit, args.rank)
    except TargetError as err:
        print(text(err.key, lang, **err.fields), file=sys.stderr)
        return USAGE_EXIT
    if t["current_rank"] is not None and t["current_rank"] <= t["rank"]:  # as the window's 为什么？ tab says
        print(text("target_already", lang, unit=t["unit"], r=t["current_rank"], k=t["rank"]))
        return PROBLEM_EXIT if args.json and not _write(t, args.json, lang) else 0
    print(text("target_head", lang, unit=t["unit"], r=t["current_rank"], k=t["rank"]))
    unreachable = []
    for code, e in t["indicators"].items():
        if "needed" not in e:
            note = (text("target_missing", lang) if e.get("missing")
                    else text("target_limit", lang, limit=e["limit"]) if "limit" in e else "")
            unreachable.append(code + note)
            continue
        rel = "—" if e["relative"] is None else f"{e['relative']:+.1%}"
        print(text("target_row", lang, name=_name(result, code, lang), cur=e["current"], need=e["needed"],
                   change=e["change"], rel=rel)
              + (text("target_any", lang) if e.get("any_change") else ""))
    if unreachable:
        print(text("target_unreachable", lang, codes=text("sep", lang).join(unreachable)))
    if args.json and not _write(t, args.json, lang):
        return PROBLEM_EXIT
    return 0


COMMANDS = {"explain": cmd_explain, "stability": cmd_stability, "target": cmd_target}
