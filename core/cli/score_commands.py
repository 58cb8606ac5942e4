"""Headless expert score sheets (issue 7): `score-sheets` writes them, `scores` merges them.

    python main.py score-sheets INPUT --experts 张三,李四,王五 -o FOLDER [--no-comments]
    python main.py scores SHEET... --project INPUT [--rule mean|median|trimmed] [--trim K]
                          [--json OUT.json] [-o OUT.xlsx|OUT.cidx]

`scores` prints, per indicator, the experts, Kendall's W with its χ² test and ICC(2,k)/ICC(3,k),
then the flagged experts; `--json` writes `core.experts.score_sheets.merge_scores`' dict (per indicator
and city the merged value and the scores it came from, per indicator W, p and the ICCs) with the
sheets not used and every problem; `-o` writes INPUT again with the merged values in its data
sheet (an .xlsx input) or as a project file (.cidx) holding them and the merge.
Exit codes: 0 done, 1 problems (a sheet not used, or nothing to merge), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.text.messages import pick_lang, text, text_or

USAGE_EXIT, PROBLEM_EXIT = 2, 1


def register(sub) -> None:
    s = sub.add_parser("score-sheets", help="write one score sheet per expert for the expert-scored indicators")
    s.add_argument("input", help="the input workbook or project file (its framework marks the expert-scored "
                   "indicators: scored_by = expert)")
    s.add_argument("--experts", required=True, help="the experts' names, separated by commas")
    s.add_argument("-o", "--output", required=True, metavar="FOLDER")
    s.add_argument("--no-comments", action="store_true", help="leave out the comment column")
    s.add_argument("--rule", default="trimmed", choices=("mean", "median", "trimmed"),
                   help="the merge rule named on the sheets' instructions")
    s.add_argument("--trim", type=int, default=1)
    m = sub.add_parser("scores", help="merge returned score sheets and print the agreement figures")
    m.add_argument("sheets", nargs="+", metavar="SHEET")
    m.add_argument("--project", required=True, help="the input workbook or project file the sheets were made from")
    m.add_argument("--rule", default="trimmed", choices=("mean", "median", "trimmed"),
                   help="trimmed (default): drop the K highest and K lowest scores, then the mean")
    m.add_argument("--trim", type=int, default=1, metavar="K", help="scores dropped at each end (default 1)")
    m.add_argument("--json")
    m.add_argument("-o", "--output", help="write the project again with the merged values as data "
                   "(.xlsx for a workbook project, .cidx for a project file)")


def load_input(path: str, lang: str | None = None):
    from core.cli.commands import load_input as load
    return load(argparse.Namespace(input=path, data=None, lang=lang))


def _units(project) -> list[str]:
    return list(project.data.units)


def cmd_score_sheets(args) -> int:
    from core.experts.forms import split_names
    from core.experts.score_sheets import expert_indicators, rule_text_zh, write_score_sheets
    from core.files.atomic import WriteError
    lang = pick_lang(args)
    names = split_names(args.experts)
    if not names:
        print(text("ss_no_expert", lang), file=sys.stderr)
        return USAGE_EXIT
    if args.trim < 0:
        print(text("ss_trim", lang), file=sys.stderr)
        return USAGE_EXIT
    project = load_input(args.input, args.lang)
    if project is None:
        return PROBLEM_EXIT
    lang = pick_lang(args, project)
    fw = project.framework
    codes = expert_indicators(fw)
    if not codes:
        print(text("ss_no_indicator", lang, file=Path(args.input).name), file=sys.stderr)
        return PROBLEM_EXIT
    try:
        paths = write_score_sheets(fw, _units(project), names, args.output, comments=not args.no_comments,
                                   rule_hint=rule_text_zh(args.rule, args.trim))
    except ValueError as e:
        print(text("error", lang, msg=e), file=sys.stderr)
        return USAGE_EXIT
    except (OSError, WriteError) as e:
        print(text("error", lang, msg=e), file=sys.stderr)
        return PROBLEM_EXIT
    print(text("ss_written", lang, n=len(paths), units=len(project.data.units), k=len(codes),
               codes=", ".join(codes), output=args.output))
    for p in paths:
        print(f"  {p.name}")
    return 0


def _problem_line(d: dict, lang: str) -> str:
    """A merge problem (kept as a dict in the result) in `lang`, through core.text.problem_texts."""
    from core.model.problems import Problem
    try:
        return Problem(**d).format(lang)
    except TypeError:
        return text("warning", lang, msg=d.get("message", ""))


def _flag(flag: str, lang: str) -> str:
    return text_or(f"scores_flag_{flag}", flag, lang)


def _f(v, digits: int = 3) -> str:
    return "—" if v is None else f"{v:.{digits}f}"


def cmd_scores(args) -> int:
    from core.cli.commands import print_problems
    from core.experts.score_sheets import check_rule, merge_scores, read_score_sheets, rule_text_zh
    from core.outputs.json_output import write_json
    lang = pick_lang(args)
    if args.trim < 0:
        print(text("ss_trim", lang), file=sys.stderr)
        return USAGE_EXIT
    if args.output and Path(args.output).suffix.lower() not in (".xlsx", ".cidx"):
        print(text("scores_bad_output", lang), file=sys.stderr)
        return USAGE_EXIT
    project = load_input(args.project, args.lang)
    if project is None:
        return PROBLEM_EXIT
    lang = pick_lang(args, project)
    if args.output and Path(args.output).suffix.lower() == ".xlsx" \
            and Path(args.project).suffix.lower() not in (".xlsx", ".xlsm"):
        print(text("scores_xlsx_needs_xlsx", lang), file=sys.stderr)
        return USAGE_EXIT
    fw = project.framework
    sheets, read = read_score_sheets(args.sheets, fw, _units(project))
    excluded = []
    for path, sheet, problems in read:
        print_problems(problems, sys.stderr, lang=lang)
        if sheet is None:
            excluded.append({"file": path.name, "problems": [p.to_dict() for p in problems.errors]})
            print(text("not_merged", lang, file=path.name, n=len(problems.errors)), file=sys.stderr)
    if not sheets:
        print(text("scores_none", lang), file=sys.stderr)
        return PROBLEM_EXIT
    try:
        check_rule(args.rule, args.trim, len(sheets))
    except ValueError as e:
        print(text("error", lang, msg=e), file=sys.stderr)
        return PROBLEM_EXIT if excluded else USAGE_EXIT
    result = merge_scores(sheets, fw, args.rule, args.trim)
    rule = rule_text_zh(args.rule, args.trim).rstrip("。") if lang == "zh" else result["rule_text"]
    print(text("scores_summary", lang, n=len(sheets), rule=rule)
          + (text("panel_excluded", lang, n=len(excluded)) if excluded else ""))
    for code, ind in result["indicators"].items():
        ic = ind["icc"]
        vals = [e["value"] for e in ind["units"].values() if e["value"] is not None]
        print(text("scores_indicator", lang, code=code, name=ind["name_zh"], experts=len(ind["experts"]),
                   cities=len(vals), w=_f(ind["kendall_w"]), chi2=_f(ind["chi2"], 2),
                   df=ind["df"] if ind["df"] else "—", p=_f(ind["p_value"], 4), complete=ind["n_complete"],
                   icc2=_f(ic["icc2_k"]), icc3=_f(ic["icc3_k"])))
    for p in result["problems"]:
        print(_problem_line(p, lang), file=sys.stderr)
    for name, s in result["expert_summary"].items():
        if s["flags"]:
            flags = text("sep", lang).join(_flag(f, lang) for f in s["flags"])
            print(text("scores_flagged", lang, name=name, file=s["file"], flags=flags,
                       bias=_f(None if s["bias_share"] is None else 100 * s["bias_share"], 1), r=_f(s["r"], 2)))
    for f in result["flags"]:
        if f["code"] is not None:
            print(text("scores_flag", lang, expert=f["expert"], code=f["code"], flag=_flag(f["flag"], lang)))
    if args.json:
        doc = dict(result, excluded=excluded, project=Path(args.project).name,
                   sheet_problems=[dict(p.to_dict(), path=str(path)) for path, _s, q in read for p in q])
        write_json(doc, args.json)
    if args.output:
        written = _write_output(args, project, result)
        if written:
            print(text("written", lang, path=args.output))
    return PROBLEM_EXIT if excluded else 0


def _write_output(args, project, result) -> bool:
    from core.experts.score_sheets import merged_values, project_with_scores, workbook_with_scores
    values = {k: v for k, v in merged_values(result).items() if v is not None}
    out = Path(args.output)
    if out.suffix.lower() == ".xlsx":
        missing = workbook_with_scores(args.project, out, values, project.framework)
    else:
        from core.files.project_file import read_project, save_project
        extra: dict = {}
        if Path(args.project).suffix.lower() == ".cidx":
            pf = read_project(args.project)
            extra = dict(pf.extra, scenarios=pf.scenarios, expert_inputs=pf.expert_inputs)
        extra["expert_scores"] = result
        new = project_with_scores(project, values)
        save_project(new, out, extra=extra)
        missing = []
    if missing:
        print(text("scores_missing_units", pick_lang(args, project), units=", ".join(missing)), file=sys.stderr)
    return True


COMMANDS = {"score-sheets": cmd_score_sheets, "scores": cmd_scores}
