"""`outranking`: the pairwise outranking matrix, Copeland scores and Kemeny order at one node.

    python main.py outranking INPUT [--node CODE] [--json OUT] [--data DATA]
    python main.py methods INPUT [--json OUT] [--data DATA]

Prints the Condorcet–Kemeny order with each unit's Copeland score (wins − losses) and how the
order was found (exact up to core.analysis.outranking.EXACT_MAX units, else a local search from
the Copeland order); `--json` writes {"node", "matrix": {a: {b: e_ab}}, "copeland": {a: wins −
losses}, "kemeny": {"order", "score", "method"[, "note"]}}.
`methods` prints the rank of every unit under each aggregation method side by side (the Handbook's
Table 38; core.analysis.method_ranks) and writes {"methods", "ranks", "scores"} with `--json`.
Exit codes: 0 done, 1 problems in the input, 2 wrong usage (an unknown or leaf node).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata

from core.text.messages import TEXTS, pick_lang, text

USAGE_EXIT, PROBLEM_EXIT = 2, 1


def register(sub) -> None:
    o = sub.add_parser("outranking", help="pairwise outranking matrix, Copeland scores and the Kemeny order "
                       "of the units at a node (non-compensatory check of the ranking)")
    o.add_argument("input")
    o.add_argument("--node", help="the node whose children are compared (default: the index itself)")
    o.add_argument("--json")
    o.add_argument("--data")
    m = sub.add_parser("methods", help="the rank of every unit under each aggregation method, side by side")
    m.add_argument("input")
    m.add_argument("--json")
    m.add_argument("--data")


def cmd_outranking(args) -> int:
    from core.analysis.outranking import outranking
    from core.cli.commands import load_input, write_json_or_say
    from core.pipeline.run import compute

    project = load_input(argparse.Namespace(input=args.input, data=args.data, lang=args.lang), latest_only=True)
    if project is None:
        return PROBLEM_EXIT
    lang = pick_lang(args, project)
    fw = project.framework
    code = args.node or fw.root
    if code not in fw.internal:
        key = "outranking_leaf" if code in fw.leaves else "outranking_no_node"
        print(text(key, lang, node=code, known=text("sep", lang).join(fw.internal)), file=sys.stderr)
        return USAGE_EXIT
    out = outranking(compute(project), code)
    k = out["kemeny"]
    method = text("outranking_exact" if k["method"] == "exact" else "outranking_local", lang)
    print(text("outranking_head", lang, node=code, n=len(k["order"]), method=method, score=k["score"]))
    for pos, unit in enumerate(k["order"], 1):
        print(text("outranking_row", lang, pos=pos, unit=unit, copeland=out["copeland"][unit]))
    if args.json and not write_json_or_say(out, args.json, lang):
        return PROBLEM_EXIT
    return 0


def _right(s: str, width: int) -> str:
    """`s` right-aligned in `width` terminal columns (a Chinese character takes two)."""
    cols = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)
    return " " * max(width - cols, 0) + s


def cmd_methods(args) -> int:
    from core.analysis.method_ranks import ranks_by_method
    from core.cli.commands import load_input, write_json_or_say
    from core.pipeline.run import compute

    project = load_input(argparse.Namespace(input=args.input, data=args.data, lang=args.lang), latest_only=True)
    if project is None:
        return PROBLEM_EXIT
    lang = pick_lang(args, project)
    result = compute(project)
    out = ranks_by_method(result)
    methods = out["methods"]
    width = max(len(u) for u in result.units) if result.units else 4
    print(text("methods_head", lang, n=len(result.units)))
    heads = [text(f"method_col_{m}", lang) if f"method_col_{m}" in TEXTS else m for m in methods]
    print(" " * (width + 2) + " ".join(_right(h, 10) for h in heads))
    order = sorted(result.units, key=lambda u: (out["ranks"][u][result.settings.aggregation] or 10**9, u))
    for u in order:
        cells = " ".join(f"{(out['ranks'][u][m] if out['ranks'][u][m] is not None else '—'):>10}" for m in methods)
        print(f"{u:<{width}}  {cells}")
    if args.json and not write_json_or_say(out, args.json, lang):
        return PROBLEM_EXIT
    return 0


COMMANDS = {"outranking": cmd_outranking, "methods": cmd_methods}
