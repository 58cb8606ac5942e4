"""Headless subcommands (DESIGN §4): score, check, template, weights.

Exit codes: 0 done, 1 problems in the input (the report printed), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .atomic import WriteError
from .problems import ERROR, InputError, ProblemList

USAGE_EXIT, PROBLEM_EXIT = 2, 1


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # exit 2 on wrong usage, as argparse does, with our text
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(USAGE_EXIT)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="main.py", description="CityIndex Studio — composite city index, headless use. "
                "With no subcommand the window opens.")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    s = sub.add_parser("score", help="compute and write the results workbook")
    s.add_argument("input")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--json")
    s.add_argument("--data")
    s.add_argument("--live-formulas", action="store_true",
                   help="add an editable weights sheet and scores/ranks as Excel formulas over it")
    c = sub.add_parser("check", help="list the problems in an input, one per line")
    c.add_argument("input")
    c.add_argument("--data")
    t = sub.add_parser("template", help="write a blank input workbook of the default framework")
    t.add_argument("-o", "--output", required=True)
    w = sub.add_parser("weights", help="compute weights by a method")
    w.add_argument("input")
    w.add_argument("--method", required=True)
    w.add_argument("--json")
    w.add_argument("--data")
    return p


def print_problems(problems: ProblemList, out=sys.stdout, min_severity: str = "warning") -> None:
    levels = {"error": 0, "warning": 1, "info": 2}
    for p in problems:
        if levels[p.severity] <= levels[min_severity]:
            print(p.format(), file=out)


def _load(args):
    from .loader import load
    project, problems = load(args.input, getattr(args, "data", None))
    if project is None or problems.has_errors:
        print_problems(problems, sys.stderr)
        n = len(problems.errors)
        print(f"{n} error(s): nothing computed. Run `python main.py check {args.input}` for the full report.",
              file=sys.stderr)
        return None
    return project


def cmd_check(args) -> int:
    from .loader import load
    project, problems = load(args.input, args.data)
    print_problems(problems, sys.stdout)
    ne, nw = len(problems.errors), len(problems.warnings)
    print(f"{ne} error(s), {nw} warning(s)")
    return PROBLEM_EXIT if any(p.severity == ERROR for p in problems) else 0


def cmd_score(args) -> int:
    from .export_json import result_dict, write_json
    from .pipeline import compute
    from .results_workbook import write_results
    project = _load(args)
    if project is None:
        return PROBLEM_EXIT
    result = compute(project)
    write_results(result, args.output, live_formulas=args.live_formulas, data=project.data)
    if args.json:
        write_json(result_dict(result), args.json)
    ranked = [r for r in result.ranking() if r["rank"] is not None]
    print(f"{len(ranked)} units ranked, {len(result.excluded)} excluded; written {args.output}"
          + (f" and {args.json}" if args.json else ""))
    for r in ranked[:10]:
        print(f"{r['rank']:>4}  {r['unit']}  {r['score']:.{result.settings.decimals}f}")
    return 0


def cmd_template(args) -> int:
    from .framework import parse_framework
    from .paths import DEFAULT_FRAMEWORK
    from .readers import read_csv
    from .template import write_template
    problems = ProblemList()
    fw = parse_framework(read_csv(DEFAULT_FRAMEWORK), problems)
    write_template(fw, args.output)
    print(f"written {args.output}")
    return 0


def cmd_weights(args) -> int:
    from .export_json import write_json
    from .weights import WEIGHT_METHODS, compute_weights
    if args.method not in WEIGHT_METHODS:
        print(f"unknown method '{args.method}'; available here: {', '.join(WEIGHT_METHODS)}",
              file=sys.stderr)
        return USAGE_EXIT
    project = _load(args)
    if project is None:
        return PROBLEM_EXIT
    w = compute_weights(project.framework, args.method)
    out = {"method": args.method, "nodes": {p: {"weights": kids} for p, kids in w.items()}}
    for p, kids in w.items():
        print(p + ": " + ", ".join(f"{k} {v:.4f}" for k, v in kids.items()))
    if args.json:
        write_json(out, args.json)
    return 0


COMMANDS = {"check": cmd_check, "score": cmd_score, "template": cmd_template, "weights": cmd_weights}


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except InputError as e:
        print_problems(e.problems, sys.stderr)
        return PROBLEM_EXIT
    except WriteError as e:
        print(f"ERROR: {e}", file=sys.stderr)
        return PROBLEM_EXIT


def main_usage() -> str:
    return build_parser().format_help()


def looks_like_command(argv: list[str]) -> bool:
    return bool(argv) and (argv[0] in COMMANDS or argv[0] in ("-h", "--help"))


def is_file_arg(argv: list[str]) -> bool:
    return bool(argv) and Path(argv[0]).suffix != "" and not argv[0].startswith("-")
