"""Headless `uncertainty` and `audit` subcommands (DESIGN §4).

    python main.py uncertainty INPUT --runs N --seed S [--perturb P] [--mode uniform|dirichlet|experts]
                               [--normalizations a,b] [--aggregations a,b] [--json OUT] [--data DATA]
    python main.py audit INPUT [--json OUT] [--data DATA]

`register(subparsers)` adds both parsers (built with the subparsers' own parser class, so
wrong usage exits 2 as for the other commands); `cmd_uncertainty(args)` and
`cmd_audit(args)` return the exit code: 0 done, 1 problems in the input (the report
printed), 2 wrong usage.
"""

from __future__ import annotations

import sys

from core.files.atomic import WriteError
from core.model.problems import InputError, ProblemList
from core.text.messages import pick_lang, text, text_or

USAGE_EXIT, PROBLEM_EXIT = 2, 1
TABLE_ROWS = 20


def register(subparsers) -> None:
    u = subparsers.add_parser("uncertainty", help="Monte Carlo over weights (and methods): rank intervals "
                              "and sensitivity indices")
    u.add_argument("input")
    u.add_argument("--runs", type=int, required=True, help="number of Monte Carlo runs")
    u.add_argument("--seed", type=int, required=True, help="random seed (same seed, same output)")
    u.add_argument("--perturb", type=float, default=0.2,
                   help="each weight varies by up to ± this share (0-1; default 0.2)")
    u.add_argument("--mode", choices=("uniform", "dirichlet", "experts"), default="uniform",
                   help="uniform factor per weight, or Dirichlet around the weights of each node")
    u.add_argument("--normalizations", help="comma-separated normalisation methods to vary over")
    u.add_argument("--aggregations", help="comma-separated aggregation methods to vary over")
    u.add_argument("--json")
    u.add_argument("--data")
    u.add_argument("--lang", choices=("zh", "en"),
                   help="language of the printed lines (default: the project's `language` setting)")
    a = subparsers.add_parser("audit", help="statistical audit: correlations, Cronbach's alpha, PCA, "
                              "outlier figures")
    a.add_argument("input")
    a.add_argument("--json")
    a.add_argument("--data")
    a.add_argument("--lang", choices=("zh", "en"),
                   help="language of the printed lines (default: the project's `language` setting)")


def _print_problems(problems: ProblemList, out, lang: str) -> None:
    for p in problems:
        if p.severity in ("error", "warning"):
            print(p.format(lang), file=out)


def _result(args):
    """Load and compute; None (the report printed) when the input has errors. Sets `args.lang`
    to the language of the lines printed (core.text.messages.pick_lang)."""
    from core.files.loader import load
    from core.pipeline.run import compute
    project, problems = load(args.input, getattr(args, "data", None))
    args.lang = pick_lang(args, project)
    if project is None or problems.has_errors:
        _print_problems(problems, sys.stderr, args.lang)
        print(text("load_failed", args.lang, n=len(problems.errors), input=args.input), file=sys.stderr)
        return None
    from core.cli.commands import say_latest_edition_only
    say_latest_edition_only(project, args.input, args.lang)
    return compute(project)


def _fmt(v, nd: int = 0) -> str:
    if v is None:
        return "—"
    return f"{v:.{nd}f}" if isinstance(v, float) and not float(v).is_integer() else f"{v:g}"


def cmd_uncertainty(args) -> int:
    from core.analysis.uncertainty import run_uncertainty
    from core.outputs.json_output import write_json
    lang = pick_lang(args)
    if args.runs < 1:
        print(text("unc_runs", lang, v=args.runs), file=sys.stderr)
        return USAGE_EXIT
    if args.seed < 0:
        print(text("unc_seed", lang, v=args.seed), file=sys.stderr)
        return USAGE_EXIT
    if not 0.0 <= args.perturb <= 1.0:
        print(text("unc_perturb", lang, v=args.perturb), file=sys.stderr)
        return USAGE_EXIT
    methods = {}
    for key, val in (("normalization", getattr(args, "normalizations", None)),
                     ("aggregation", getattr(args, "aggregations", None))):
        if val:
            methods[key] = [v.strip() for v in val.split(",") if v.strip()]
    try:
        result = _result(args)
        if result is None:
            return PROBLEM_EXIT
        mode = getattr(args, "mode", "uniform")
        experts = _panel_weights(args.input) if mode == "experts" else None
        try:
            u = run_uncertainty(result, args.runs, args.seed, args.perturb, mode, methods or None,
                                expert_weights=experts)
        except ValueError as e:
            print(text("unc_error", pick_lang(args), msg=e), file=sys.stderr)
            return USAGE_EXIT
        if args.json:
            write_json(u.to_dict(), args.json)
    except InputError as e:
        _print_problems(e.problems, sys.stderr, pick_lang(args))
        return PROBLEM_EXIT
    except WriteError as e:
        print(text("error", pick_lang(args), msg=e), file=sys.stderr)
        return PROBLEM_EXIT
    lang = pick_lang(args)
    rows = u.rows()
    varied = ", ".join(f"{k}: {'/'.join(v)}" for k, v in u.methods.items())
    how = text(f"unc_{u.mode}", lang, p=u.perturb)
    print(text("unc_summary", lang, runs=u.runs, seed=u.seed, how=how) + (f"; {varied}" if varied else ""))
    print(text("unc_header", lang, **dict(zip(("base", "median", "p05", "p95", "top10"),
                                              text("unc_header_words", lang).split("|")))))
    for r in rows[:TABLE_ROWS]:
        print(f"{_fmt(r['base_rank']):>5} {_fmt(r['median_rank']):>7} {_fmt(r['p05']):>5} {_fmt(r['p95']):>5} "
              f"{r['top10_share']:>6.1%}  {r['unit']}")
    if len(rows) > TABLE_ROWS:
        print(text("unc_more", lang, n=len(rows) - TABLE_ROWS)
              + (text("unc_more_in", lang, json=args.json) if args.json else ""))
    if u.sensitivity:
        output = text_or(f"unc_output_{u.sensitivity_output}", u.sensitivity_output, lang)
        print(text("unc_sens", lang, output=output, n=u.sensitivity_samples))
        print(text("unc_sens_header", lang, **dict(zip(("input", "first", "total"),
                                                       text("unc_sens_words", lang).split("|")))))
        for k, v in sorted(u.sensitivity.items(), key=lambda kv: -kv[1]["total"]):
            print(f"{k:<16} {v['first']:>7.3f} {v['total']:>7.3f}   (±{v['first_conf']:.3f}, ±{v['total_conf']:.3f})")
    for n in u.note_texts(lang):
        print(text("unc_note", lang, note=n))
    if args.json:
        print(text("written", lang, path=args.json))
    return 0


def cmd_audit(args) -> int:
    from core.analysis.audit import audit
    from core.outputs.json_output import write_json
    try:
        result = _result(args)
        if result is None:
            return PROBLEM_EXIT
        a = audit(result)
        if args.json:
            write_json(a, args.json)
    except InputError as e:
        _print_problems(e.problems, sys.stderr, pick_lang(args))
        return PROBLEM_EXIT
    except WriteError as e:
        print(text("error", pick_lang(args), msg=e), file=sys.stderr)
        return PROBLEM_EXIT
    lang = pick_lang(args)
    print(text("audit_header", lang, **dict(zip(("node", "k", "n", "alpha", "std", "pc1"),
                                                text("audit_header_words", lang).split("|")))))
    for code, s in a["nodes"].items():
        flags = text("sep", lang).join(f"{c} {text_or(f'audit_flag_{why}', why, lang)}"
                                       for c, why in s["flags"].items())
        share = f"{s['first_share']:.0%}" if s["first_share"] is not None else "—"
        print(f"{code:<10} {s['k']:>3} {s['n']:>5} {_fmt(s['alpha'], 3):>7} {_fmt(s['alpha_standardised'], 3):>7} "
              f"{share:>6}  {flags}")
    failing = [c for c, f in a["indicators"].items() if f["passes"] is False]
    untested = [c for c, f in a["indicators"].items() if f["passes"] is None]
    colon = "：" if lang == "zh" else ": "
    print(text("audit_outliers", lang, skew=result.settings.skew_limit, kurt=result.settings.kurtosis_limit,
               failing=len(failing), n=len(a["indicators"]))
          + (colon + text("sep", lang).join(
              text("audit_failing", lang, code=c, skew=a["indicators"][c]["skew"], kurt=a["indicators"][c]["kurtosis"])
              for c in failing[:TABLE_ROWS // 2]) if failing else "")
          + (text("audit_more", lang, n=len(failing) - TABLE_ROWS // 2) if len(failing) > TABLE_ROWS // 2 else ""))
    if untested:
        print(text("audit_untested", lang, codes=", ".join(untested)))
    if args.json:
        print(text("written", lang, path=args.json))
    return 0


def _panel_weights(path: str) -> dict[str, list[float]] | None:
    """The experts' weights of the panel merged in a project file (`--mode experts`); None (and the
    run refuses the mode with a message) for a workbook, which carries no panel."""
    from pathlib import Path

    from core.analysis.uncertainty import expert_weight_sets
    if Path(path).suffix.lower() != ".cidx":
        return None
    from core.files.project_file import read_project
    panel = (read_project(path).expert_inputs or {}).get("panel") or {}
    return expert_weight_sets(panel.get("merged")) or None
