"""`python main.py report INPUT -o REPORT.docx [--top N] [--lang zh|en] [--pdf] [--svg] [--scatter X,Y]
[--uncertainty-runs N] [--appendix-rows N]`: the report draft, headless.

Loads INPUT like the other commands, computes, draws the figures offscreen (gui.charts.report_charts,
`QT_QPA_PLATFORM=offscreen` unless set) and writes the .docx (core.outputs.report). `--pdf` also writes
REPORT.pdf with LibreOffice (core.outputs.pdf; a clear message and exit 1 when LibreOffice is missing —
the .docx is written all the same). `--svg` keeps an SVG of every figure in REPORT_figures/ beside
the report (the PNGs too). `--uncertainty-runs N` adds the rank intervals of N Monte Carlo runs
over the weights (core.analysis.uncertainty, ±20 %, seed `--seed`). Exit codes as the other commands:
0 done, 1 problems in the input (printed) or a file that cannot be written, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from core.cli.commands import USAGE_EXIT, CommandParser, print_problems
from core.text.messages import pick_lang, text

PROBLEM_EXIT = 1


def build_parser() -> argparse.ArgumentParser:
    p = CommandParser(prog="main.py report", description="Write the report draft (.docx, optionally .pdf): the TOP N, "
                "the method, a profile per top city, the dimensions, the scatter and one table per indicator.")
    p.add_argument("input", help="an input workbook, a data sheet (.csv/.xlsx) or a project file")
    p.add_argument("-o", "--output", required=True, help="REPORT.docx")
    p.add_argument("--top", type=int, default=10, help="how many top units get a section (default 10)")
    p.add_argument("--lang", choices=["zh", "en"], default=None, help="language of the draft (default: zh, or the "
                   "project's language)")
    p.add_argument("--pdf", action="store_true", help="also write REPORT.pdf with LibreOffice (headless)")
    p.add_argument("--svg", action="store_true", help="keep every figure as SVG (and PNG) in REPORT_figures/")
    p.add_argument("--scatter", help="the two nodes of the scatter, X,Y (default T,A when present, else the first "
                   "two dimensions)")
    p.add_argument("--uncertainty-runs", type=int, default=0, help="add rank intervals from N Monte Carlo runs "
                   "over the weights (default 0: no uncertainty section)")
    p.add_argument("--seed", type=int, default=1, help="seed of the uncertainty runs (default 1)")
    p.add_argument("--appendix-rows", type=int, default=100, help="the appendix lists at most N units per "
                   "indicator, best first (default 100; 0: every unit)")
    p.add_argument("--title", default="", help="the title on the title page")
    p.add_argument("--data", help="take the data from another file (.xlsx or .csv)")
    return p


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    out = Path(args.output)
    lang = pick_lang(args)
    scatter = _scatter_or_exit(args, out, lang)
    if isinstance(scatter, int):
        return scatter
    prepared = _prepare(args, scatter)
    if isinstance(prepared, int):
        return prepared
    project, result, options, uncertainty, notes, extra = prepared
    lang = options.lang
    code = _write(args, out, project, result, options, uncertainty, notes, extra)
    if code or not args.pdf:
        return code
    from core.outputs.pdf import PdfError
    from core.outputs.report import export_pdf
    try:
        pdf = export_pdf(out)
    except PdfError as e:
        print(text("error", lang, msg=e), file=sys.stderr)
        return PROBLEM_EXIT
    print(text("pdf_written", lang, path=pdf))
    return 0


def _scatter_or_exit(args, out: Path, lang: str) -> tuple[str, str] | None | int:
    """The usage checks that need no file: the output's extension, the numbers, the --scatter pair.
    Returns the scatter pair (or None), or the exit code after printing why."""
    if out.suffix.lower() != ".docx":
        print(text("report_bad_ext", lang), file=sys.stderr)
        return USAGE_EXIT
    if args.top < 1 or args.uncertainty_runs < 0 or args.appendix_rows < 0:
        print(text("report_bad_numbers", lang), file=sys.stderr)
        return USAGE_EXIT
    if not args.scatter:
        return None
    parts = [s.strip() for s in args.scatter.split(",")]
    if len(parts) != 2 or not all(parts) or parts[0] == parts[1]:
        print(text("report_bad_scatter", lang), file=sys.stderr)
        return USAGE_EXIT
    return parts[0], parts[1]


def _prepare(args, scatter):
    """Load and compute, check the scatter nodes against the framework, and gather what the draft
    states besides the result: options, the uncertainty runs, the weight notes of a project file, the editions
    (a multi-edition input: the draft is the latest edition's and says how each city moved; with uncertainty
    runs, whether each move is larger than the uncertainty of the two ranks).
    Returns (project, result, options, uncertainty, notes, {"editions": …, "rank_moves": …}), or the exit
    code after printing why."""
    from core.files.loader import load
    from core.outputs.report_facts import ReportOptions, illustrative_source
    from core.pipeline.editions import compute_editions

    project, problems = load(args.input, args.data)
    lang = pick_lang(args, project)
    if project is None or problems.has_errors:
        print_problems(problems, sys.stderr, lang=lang)
        print(text("report_load_failed", lang, n=len(problems.errors), input=args.input), file=sys.stderr)
        return PROBLEM_EXIT
    editions = compute_editions(project)  # one edition: exactly compute(project)
    result = editions.latest
    fw = result.framework
    if scatter is not None:
        bad = [c for c in scatter if c not in result.plan.codes or fw.is_leaf(c) or c == fw.root]
        if bad:
            nodes = [c for c in fw.preorder() if c != fw.root and not fw.is_leaf(c)]
            print(text("report_scatter_unknown", lang, bad=", ".join(bad), nodes=", ".join(nodes)), file=sys.stderr)
            return USAGE_EXIT
    illustrative = illustrative_source(args.input) or (args.data is not None and illustrative_source(args.data))
    options = ReportOptions(top_n=args.top, lang=lang, scatter=scatter, title=args.title, illustrative=illustrative,
                            source_name=Path(args.input).name, appendix_max_units=args.appendix_rows or None)
    uncertainty = None
    extra: dict = {"editions": editions}
    if args.uncertainty_runs:
        from core.analysis.uncertainty import run_uncertainty
        uncertainty = run_uncertainty(result, args.uncertainty_runs, args.seed, sensitivity=False)
        if editions.multi:  # is each move larger than the uncertainty of the two ranks? (the same runs and seed)
            from core.analysis.trend_uncertainty import rank_moves
            extra["rank_moves"] = rank_moves(editions, runs=args.uncertainty_runs, seed=args.seed)
    notes = {}
    if Path(args.input).suffix.lower() == ".cidx":
        try:
            from core.files.project_file import read_project
            notes = dict((read_project(args.input).expert_inputs or {}).get("weight_notes") or {})
        except Exception:  # noqa: BLE001 - notes are optional
            notes = {}
    return project, result, options, uncertainty, notes, extra


def _write(args, out: Path, project, result, options, uncertainty, notes, extra: dict | None = None) -> int:
    """Draw the figures offscreen (a QApplication in the draft's language) and write the .docx; print what
    was written, and the units the map could not place."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from core.files.atomic import WriteError
    from core.weighting.dispatch import ahp_inputs
    from gui.charts.report_charts import make_report
    from gui.text.fonts import install_fonts
    from gui.text.i18n import Languages

    lang = options.lang
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_fonts(app)
    Languages.for_app(app).set_language(lang)
    timings: dict = {}
    try:
        make_report(result, project, out, options, svg=args.svg, uncertainty=uncertainty, notes=notes,
                    ahp=ahp_inputs(project), timings=timings, **(extra or {}))
    except (WriteError, OSError) as e:
        print(text("error", lang, msg=e) if isinstance(e, WriteError) else text("cannot_write", lang, path=out, msg=e),
              file=sys.stderr)
        return PROBLEM_EXIT
    missing = timings.get("map_missing") or []
    if missing:
        print(text("map_missing", lang, units=", ".join(missing)), file=sys.stderr)
    print(text("report_written", lang, path=out, charts=timings.get("charts", 0), docx=timings.get("docx", 0)))
    return 0
