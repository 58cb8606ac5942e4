"""`rsr-grades`: the probit grading of the rank-sum ratio at one node (秩和比分档, issue 20 point 3).

    python main.py rsr-grades INPUT [--node CODE] [--levels K] [--json OUT] [--data DATA] [--lang zh|en]

Grades a node aggregated by `rsr` (default: the index if it is one, else the first such node in the
framework's order) into K levels (3 … 10; default the project's `rsr_levels` setting, 3) by
core.analysis.rsr_grading, and prints the regression line, each level's fitted-RSR range and every
unit (highest RSR first) with its RSR, Probit, fitted RSR and level. `--json` writes
RSRGrading.to_dict(): {"node", "levels", "level_names", "regression": {"a", "b", "r2", "F", "p",
"over"}, "distribution": [...], "cuts": [...], "units": [...], "missing", "note"}.

A node that is not aggregated by rsr is not graded on the fly: its RSR would be a figure that no
other output of the project shows. The command says which nodes could be graded, or how to make
one an rsr node. Exit codes: 0 done, 1 problems in the input (or the JSON cannot be written),
2 wrong usage (no rsr node, an unknown or non-rsr node, levels outside 3 … 10).
"""

from __future__ import annotations

import argparse
import sys

from core.text.messages import pick_lang
from core.text.rsr_texts import rsr_text

USAGE_EXIT, PROBLEM_EXIT = 2, 1


def register(sub) -> None:
    g = sub.add_parser("rsr-grades", help="the probit grading (秩和比分档) of a node aggregated by the "
                       "rank-sum ratio: regression line, cut values and each unit's level")
    g.add_argument("input")
    g.add_argument("--node", help="the node to grade (default: the index if aggregated by rsr, else the first "
                   "node that is)")
    g.add_argument("--levels", help="number of levels, 3 … 10 (default: the project's rsr_levels setting)")
    g.add_argument("--json")
    g.add_argument("--data")


def _levels(raw):
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        return raw  # check_levels refuses it in words


def cmd_rsr_grades(args) -> int:
    from core.analysis.rsr_grading import RSRGradingError, grading_for_node
    from core.cli.commands import load_input, write_json_or_say
    from core.pipeline.run import compute

    project = load_input(argparse.Namespace(input=args.input, data=args.data, lang=args.lang), latest_only=True)
    if project is None:
        return PROBLEM_EXIT
    lang = pick_lang(args, project)
    try:
        g = grading_for_node(compute(project), args.node, _levels(args.levels))
    except RSRGradingError as e:
        print(e.text(lang), file=sys.stderr)
        return USAGE_EXIT
    print(rsr_text("cmd_head", lang, code=g.node, n=len(g.units), k=g.levels))
    print(g.line(lang))
    if g.regressed:
        for lv in reversed(g.level_rows()):
            rng = (f"< {lv.rsr_high:.4f}" if lv.rsr_low is None else
                   f"≥ {lv.rsr_low:.4f}" if lv.rsr_high is None else
                   f"{lv.rsr_low:.4f} – {lv.rsr_high:.4f}")
            print(rsr_text("cmd_cut", lang, level=g.level_name(lv.grade, lang), range=rng))
    for u in g.units:
        print(rsr_text("cmd_row", lang, pos=u.rank, unit=u.unit, rsr=f"{u.rsr:.4f}", probit=f"{u.probit:.4f}",
                       fitted="—" if u.fitted is None else f"{u.fitted:.4f}",
                       level="" if u.grade is None else g.level_name(u.grade, lang)))
    if g.notes:
        print(g.note(lang))
    if args.json and not write_json_or_say(g.to_dict(lang), args.json, lang):
        return PROBLEM_EXIT
    return 0


COMMANDS = {"rsr-grades": cmd_rsr_grades}
