"""Headless subcommands (DESIGN §4): score, check, template, weights, panel.

Exit codes: 0 done, 1 problems in the input (the report printed), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.analysis_commands import cmd_audit, cmd_uncertainty
from core.cli.analysis_commands import register as register_analysis
from core.files.atomic import WriteError
from core.model.problems import ERROR, InputError, ProblemList
from core.text.messages import pick_lang, text
from core.weighting.ahp import RI_TABLES

USAGE_EXIT, PROBLEM_EXIT = 2, 1


class CommandParser(argparse.ArgumentParser):
    def error(self, message: str):  # exit 2 on wrong usage, as argparse does, with our text
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(USAGE_EXIT)


def build_parser() -> argparse.ArgumentParser:
    p = CommandParser(prog="main.py", description="CityIndex Studio — composite city index, headless use. "
                "With no subcommand the window opens.")
    sub = p.add_subparsers(dest="command", parser_class=CommandParser)
    s = sub.add_parser("score", help="compute and write the results workbook")
    s.add_argument("input")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--json")
    s.add_argument("--data")
    s.add_argument("--method-ranks", action="store_true",
                   help="add the sheet of each unit's rank under every aggregation method (方法比较)")
    s.add_argument("--live-formulas", action="store_true",
                   help="add an editable weights sheet and scores/ranks as Excel formulas over it")
    c = sub.add_parser("check", help="list the problems in an input, one per line")
    c.add_argument("input")
    c.add_argument("--data")
    c.add_argument("--lang", choices=("zh", "en"),
                   help="language of the messages (default: the project's `language` setting)")
    t = sub.add_parser("template", help="write a blank input workbook of the default framework")
    t.add_argument("-o", "--output", required=True)
    w = sub.add_parser("weights", help="compute weights by a method: ahp (from the AHP-<code> sheets of INPUT), "
                       "entropy, entropy_minmax, critic, stdev, pca, equal")
    w.add_argument("input")
    w.add_argument("--method", required=True)
    w.add_argument("--json")
    w.add_argument("--data")
    w.add_argument("--ahp-method", default="eigen", choices=("eigen", "geometric", "arithmetic"),
                   help="AHP weights: principal eigenvector (default), row geometric mean (根法), "
                   "normalised column sums (和法)")
    w.add_argument("--ri", default="saaty", choices=tuple(RI_TABLES),
                   help="random index table for CR (sources in the README)")
    pn = sub.add_parser("panel", help="merge filled expert weight forms")
    pn.add_argument("forms", nargs="+", metavar="FORM")
    pn.add_argument("--method", default="aij", choices=("aij", "aip"),
                    help="aij: geometric mean of the judgements (default); aip: mean of the weights")
    pn.add_argument("--json")
    pn.add_argument("--project", help="the input workbook or project whose framework the forms follow "
                    "(default: the bundled default framework)")
    pn.add_argument("--ahp-method", default="eigen", choices=("eigen", "geometric", "arithmetic"))
    pn.add_argument("--ri", default="saaty", choices=tuple(RI_TABLES))
    v = sub.add_parser("verify", help="check that a results workbook was computed from INPUT")
    v.add_argument("results")
    v.add_argument("input")
    v.add_argument("--data")
    v.add_argument("--json")
    d = sub.add_parser("diff", help="what differs between two projects, and the rank changes it causes")
    d.add_argument("a")
    d.add_argument("b")
    d.add_argument("--json")
    fo = sub.add_parser("forms", help="write the blank expert weight forms, one per expert, named by the expert")
    fo.add_argument("input", help="the input workbook or project whose framework the forms follow")
    fo.add_argument("--experts", required=True, help="the experts' names, separated by commas (张三,李四)")
    fo.add_argument("-o", "--output", required=True, metavar="FOLDER", help="the folder for the forms")
    fo.add_argument("--round", type=int, default=1, dest="round_no", help="the Delphi round (default 1)")
    fo.add_argument("--nodes", help="only these nodes, separated by commas (default: every node with children)")
    fo.add_argument("--lang", choices=("zh", "en"), help="language of the forms (default: the project's)")
    register_analysis(sub)
    for module in _extensions():
        module.register(sub)
    for parser in sub.choices.values():  # every command prints in --lang, else the project's language
        if "--lang" not in parser._option_string_actions:
            parser.add_argument("--lang", choices=("zh", "en"),
                                help="language of the printed lines (default: the project's `language` setting)")
    # drawn by Qt, so run from gui/ by main.py (QT_COMMANDS); listed here so that --help shows them
    sub.add_parser("map", help="draw the map of China with the ranked units (main.py map -h)", add_help=False)
    sub.add_parser("report", help="write the report draft in Word (main.py report -h)", add_help=False)
    return p


# Headless commands that live in their own modules: each has `register(subparsers)` and
# `COMMANDS` (name → function(args) → exit code). Listed by name so a newcomer sees them all.
EXTENSION_MODULES = ("score_commands", "explain_commands", "outranking_commands", "trend_commands",
                     "rsr_commands")


def _extensions() -> list:
    """The listed command modules. One that fails to import is an error, not skipped: skipping
    would make its commands vanish from the CLI without a word."""
    import importlib

    found = []
    for name in EXTENSION_MODULES:
        full = f"{__package__}.{name}"
        try:
            found.append(importlib.import_module(full))
        except ImportError as e:
            raise ImportError(f"the command module {full}, listed in core.cli.commands.EXTENSION_MODULES, "
                              f"cannot be imported: {e}", name=full) from e
    return found


def _all_commands() -> dict:
    commands = dict(COMMANDS)
    for module in _extensions():
        commands.update(module.COMMANDS)
    return commands


def print_problems(problems: ProblemList, out=sys.stdout, min_severity: str = "warning",
                   lang: str | None = None) -> None:
    """One line per problem; in `lang` ('zh'/'en', core.text.problem_texts), else the engine's English."""
    levels = {"error": 0, "warning": 1, "info": 2}
    for p in problems:
        if levels[p.severity] <= levels[min_severity]:
            print(p.format(lang), file=out)


def load_input(args, latest_only: bool = False):
    """The project of `args.input` (with `args.data`), or None when it has errors (printed). A
    command that analyses one edition (`latest_only`) says so on stderr when the input has several."""
    from core.files.loader import load
    project, problems = load(args.input, getattr(args, "data", None))
    if project is None or problems.has_errors:
        lang = pick_lang(args, project)
        print_problems(problems, sys.stderr, lang=lang)
        print(text("load_failed", lang, n=len(problems.errors), input=args.input), file=sys.stderr)
        return None
    if latest_only:
        say_latest_edition_only(project, args.input, pick_lang(args, project))
    return project


def say_latest_edition_only(project, input_name: str, lang: str) -> None:
    """One line on stderr when a multi-edition input meets a command that analyses the latest edition."""
    labels = project.edition_labels
    if len(labels) > 1:
        from core.text.editions_texts import text as ed_text
        print(ed_text("latest_only", lang, input=input_name, k=len(labels), editions="、".join(labels)
                      if lang == "zh" else ", ".join(labels), latest=labels[-1]), file=sys.stderr)


def write_json_or_say(obj, path: str, lang: str) -> bool:
    """Write a command's `--json` file and say so; when it cannot be written, say why (stderr) and
    return False (the command then exits 1)."""
    from core.outputs.json_output import write_json
    try:
        write_json(obj, path)
    except (OSError, WriteError) as e:
        print(text("cannot_write", lang, path=path, msg=e), file=sys.stderr)
        return False
    print(text("written", lang, path=path))
    return True


def cmd_check(args) -> int:
    from core.files.loader import load
    project, problems = load(args.input, args.data)
    lang = pick_lang(args, project)
    print_problems(problems, sys.stdout, lang=lang)
    print(text("check_summary", lang, ne=len(problems.errors), nw=len(problems.warnings)))
    return PROBLEM_EXIT if any(p.severity == ERROR for p in problems) else 0


def cmd_score(args) -> int:
    from core.outputs.editions_json import editions_dict
    from core.outputs.json_output import write_json
    from core.outputs.results_workbook import write_results
    from core.pipeline.editions import compute_editions
    project = load_input(args)
    if project is None:
        return PROBLEM_EXIT
    editions = compute_editions(project)  # one Result for a one-edition input, exactly compute(project)
    result = editions.latest
    lang = pick_lang(args, project)
    if args.live_formulas and result.plan.uses_matrix_methods:  # no Excel formula compares the units
        methods = next(st for st in result.steps if st["stage"] == "aggregate")["methods"]
        nodes = [f"{c} {m}" for c, m in methods.items() if m not in ("arithmetic", "geometric", "harmonic")]
        print(text("live_formulas_means_only", lang, nodes=text("sep", lang).join(nodes)), file=sys.stderr)
        return USAGE_EXIT
    write_results(result, args.output, live_formulas=args.live_formulas, data=project.data, editions=editions,
                  method_ranks=getattr(args, "method_ranks", False))
    if args.json:
        write_json(editions_dict(editions), args.json)
    ranked = [r for r in result.ranking() if r["rank"] is not None]
    print(text("score_summary", lang, ranked=len(ranked), excluded=len(result.excluded), output=args.output)
          + (text("score_and_json", lang, json=args.json) if args.json else ""))
    if editions.multi:  # the latest edition's top 10 with the change since the previous edition
        from core.cli.trend_commands import print_score_editions
        print_score_editions(editions, lang)
        return 0
    for r in ranked[:10]:
        print(f"{r['rank']:>4}  {r['unit']}  {r['score']:.{result.settings.decimals}f}")
    return 0


def cmd_template(args) -> int:
    from core.files.paths import DEFAULT_FRAMEWORK
    from core.files.readers import read_csv
    from core.files.template import write_template
    from core.model.framework import parse_framework
    problems = ProblemList()
    fw = parse_framework(read_csv(DEFAULT_FRAMEWORK), problems)
    write_template(fw, args.output)
    print(text("written", pick_lang(args), path=args.output))
    return 0


def _fmt(v) -> str:
    return "—" if v is None else f"{v:.4f}"


def cmd_weights(args) -> int:
    from core.outputs.json_output import write_json
    from core.weighting.dispatch import WEIGHT_METHODS, compute_weights, strip_message_keys, weight_message
    if args.method not in WEIGHT_METHODS:
        print(text("weights_unknown_method", pick_lang(args), method=args.method, known=", ".join(WEIGHT_METHODS)),
              file=sys.stderr)
        return USAGE_EXIT
    project = load_input(args)
    if project is None:
        return PROBLEM_EXIT
    lang = pick_lang(args, project)
    problems = ProblemList()
    out = compute_weights(project, args.method, ahp_method=args.ahp_method, ri_table=args.ri, problems=problems)
    print_problems(problems, sys.stderr, lang=lang)
    failed = problems.has_errors
    for p, e in out["nodes"].items():
        line = p + ": " + ", ".join(f"{k} {v:.4f}" for k, v in e["weights"].items())
        if "cr" in e:
            line += f"   λmax {_fmt(e['lambda_max'])}  CI {_fmt(e['ci'])}  CR {_fmt(e['cr'])}"
            if e.get("consistent") is False:
                line += "  " + text("weights_inconsistent", lang)
        if e.get("note"):
            line += f"   [{weight_message(e, 'note', lang)}]"
        print(line)
        for h in e.get("hints", []):
            print(text("weights_hint", lang, row=h["row_code"], col=h["col_code"], current=h["current"],
                       implied=h["implied"], suggested=h["suggested_text"], cr_after=_fmt(h.get("cr_after"))))
        if e.get("error"):
            failed = True
            print(text("error", lang, msg=weight_message(e, "error", lang)), file=sys.stderr)
    if args.json:
        write_json(strip_message_keys(out), args.json)
    return PROBLEM_EXIT if failed else 0


def cmd_panel(args) -> int:
    from core.experts.weight_forms import merge_panel, read_expert_form
    from core.outputs.json_output import write_json
    lang = pick_lang(args)
    if args.project:
        project = load_input(argparse.Namespace(input=args.project, data=None, lang=args.lang))
        if project is None:
            return PROBLEM_EXIT
        fw = project.framework
        lang = pick_lang(args, project)
    else:
        from core.files.paths import DEFAULT_FRAMEWORK
        from core.files.readers import read_csv
        from core.model.framework import parse_framework
        fw = parse_framework(read_csv(DEFAULT_FRAMEWORK), ProblemList())
    forms, excluded = [], []
    for path in args.forms:
        form, problems = read_expert_form(path, fw)
        # with the one note per expert of blank nodes
        print_problems(problems, sys.stderr, min_severity="info", lang=lang)
        if form is None:
            excluded.append({"file": Path(path).name, "problems": [p.format() for p in problems.errors]})
            print(text("not_merged", lang, file=Path(path).name, n=len(problems.errors)), file=sys.stderr)
        else:
            forms.append(form)
    if not forms:
        print(text("panel_none", lang), file=sys.stderr)
        return PROBLEM_EXIT
    merged = merge_panel(forms, args.method, args.ahp_method, args.ri)
    rounds = sorted({f.round_no for f in forms if f.round_no is not None})
    print(text("panel_summary", lang, n=len(forms), method=args.method.upper())
          + (text("panel_rounds", lang, rounds=", ".join(map(str, rounds))) if rounds else "")
          + (text("panel_excluded", lang, n=len(excluded)) if excluded else ""))
    for p, e in merged.items():
        line = p + ": " + ", ".join(f"{k} {v:.4f}" for k, v in e["weights"].items())
        line += text("panel_experts", lang, n=e["n_experts"])
        if e["kendall_w"] is not None:
            line += f"  Kendall W {e['kendall_w']:.3f} (χ² {e['chi2']:.2f}, df {e['df']}, p {e['p_value']:.3g})"
        if e["cr"] is not None:
            line += f"  CR {e['cr']:.4f}"
        print(line)
    if args.json:
        write_json({"method": args.method, "ahp_method": args.ahp_method, "ri_table": args.ri,
                    "experts": [{"expert": f.expert, "file": f.file, "round": f.round_no} for f in forms],
                    "excluded": excluded, "nodes": merged}, args.json)
    return PROBLEM_EXIT if excluded else 0


def cmd_verify(args) -> int:
    from core.outputs.json_output import write_json
    from core.provenance.verify import report_lines, verify
    project = load_input(argparse.Namespace(input=args.input, data=args.data, lang=args.lang))
    if project is None:
        return PROBLEM_EXIT
    lang = pick_lang(args, project)
    try:
        rep = verify(args.results, project)
    except (ValueError, OSError, KeyError) as e:
        print(text("error", lang, msg=f"{Path(args.results).name}: {e}"), file=sys.stderr)
        return PROBLEM_EXIT
    for line in report_lines(rep, lang):
        print(line)
    if args.json:
        write_json(rep, args.json)
    return 0 if rep["match"] else PROBLEM_EXIT


def cmd_diff(args) -> int:
    from core.outputs.json_output import write_json
    from core.provenance.fingerprint import describe
    from core.provenance.verify import diff_projects
    a = load_input(argparse.Namespace(input=args.a, data=None, lang=args.lang))
    b = load_input(argparse.Namespace(input=args.b, data=None, lang=args.lang))
    if a is None or b is None:
        return PROBLEM_EXIT
    lang = pick_lang(args, b)
    rep = diff_projects(a, b)
    print(f"A {args.a}: {rep['fingerprint_a']}")
    print(f"B {args.b}: {rep['fingerprint_b']}")
    if not rep["differences"]:
        print(text("diff_none", lang))
    for d in rep["differences"]:
        print("  " + describe(d, lang))
    for c in rep["rank_changes"]:
        print(text("diff_rank", lang, unit=c["unit"], a=c["rank_a"], b=c["rank_b"]))
    if args.json:
        write_json(rep, args.json)
    return 0


def cmd_forms(args) -> int:
    from core.experts.forms import split_names
    from core.experts.weight_forms import write_forms
    names = split_names(args.experts, unique=True)
    if not names:
        print(text("forms_no_expert", pick_lang(args)), file=sys.stderr)
        return USAGE_EXIT
    project = load_input(args)
    if project is None:
        return PROBLEM_EXIT
    fw = project.framework
    lang = pick_lang(args, project)
    nodes = split_names(args.nodes, unique=True) if args.nodes else None
    if nodes:
        bad = [c for c in nodes if c not in fw.nodes or not fw.children[c]]
        if bad:
            print(text("forms_bad_nodes", lang, nodes=", ".join(bad)), file=sys.stderr)
            return USAGE_EXIT
    written = write_forms(fw, names, args.output, args.round_no, lang, nodes)
    print(text("forms_written", lang, n=len(written)))
    for p in written:
        print(f"  {p}")
    return 0


COMMANDS = {"check": cmd_check, "forms": cmd_forms, "score": cmd_score, "template": cmd_template,
            "weights": cmd_weights,
            "panel": cmd_panel, "uncertainty": cmd_uncertainty, "audit": cmd_audit,
            "verify": cmd_verify, "diff": cmd_diff}


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _all_commands()[args.command](args)
    except InputError as e:
        print_problems(e.problems, sys.stderr, lang=pick_lang(args))
        return PROBLEM_EXIT
    except WriteError as e:
        print(text("error", pick_lang(args), msg=e), file=sys.stderr)
        return PROBLEM_EXIT


def main_usage() -> str:
    return build_parser().format_help()


def looks_like_command(argv: list[str]) -> bool:
    return bool(argv) and (argv[0] in _all_commands() or argv[0] in ("-h", "--help"))
