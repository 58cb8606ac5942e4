"""`python main.py map INPUT -o MAP.png [--node CODE] [--top N] [--lang zh|en]`: the map, headless.

Loads INPUT like the other commands (`core.files.loader.load`), computes, draws the map offscreen
(`QT_QPA_PLATFORM=offscreen` unless set) and writes a PNG at twice the map's width (`.svg`:
vector output). Exit codes as the other commands: 0 done, 1 problems in the input (printed),
2 wrong usage. Units the map cannot place are named on the map and on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from core.cli.commands import USAGE_EXIT, CommandParser, print_problems
from core.files.atomic import WriteError
from core.text.messages import pick_lang, text

PROBLEM_EXIT = 1


def build_parser() -> argparse.ArgumentParser:
    p = CommandParser(prog="main.py map", description="Draw the map of the ranked units (PNG, or SVG by the "
                "extension of -o).")
    p.add_argument("input", help="an input workbook, a data sheet (.csv/.xlsx) or a project file")
    p.add_argument("-o", "--output", required=True, help="MAP.png (twice --width pixels wide) or MAP.svg")
    p.add_argument("--node", help="colour by the score on this node (default: the root, the index)")
    p.add_argument("--top", type=int, default=10, help="label the N best units on the node (default 10)")
    p.add_argument("--lang", choices=["zh", "en"], default=None,
                   help="language of the title and the node names (default: the project's)")
    p.add_argument("--data", help="take the data from another file (.xlsx or .csv)")
    p.add_argument("--width", type=int, default=1000, help="the map's width in pixels before the 2× export")
    return p


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    lang = pick_lang(args)
    if args.top < 0 or args.width < 200:
        print(text("map_bad_size", lang), file=sys.stderr)
        return USAGE_EXIT
    out = Path(args.output)
    if out.suffix.lower() not in (".png", ".svg"):
        print(text("map_bad_ext", lang), file=sys.stderr)
        return USAGE_EXIT

    from core.files.loader import load
    from core.pipeline.run import compute

    project, problems = load(args.input, args.data)
    lang = pick_lang(args, project)
    if project is None or problems.has_errors:
        print_problems(problems, sys.stderr, lang=lang)
        print(text("map_load_failed", lang, n=len(problems.errors), input=args.input), file=sys.stderr)
        return PROBLEM_EXIT
    result = compute(project)
    fw = result.framework
    code = args.node or fw.root
    if code not in result.plan.codes or fw.is_leaf(code):
        nodes = [c for c in fw.preorder() if not fw.is_leaf(c) and c in result.plan.codes]
        print(text("map_bad_node", lang, code=code, nodes=", ".join(nodes)), file=sys.stderr)
        return USAGE_EXIT

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gui.charts.map_chart import MapChart, fill_map
    from gui.text.fonts import install_fonts
    from gui.text.i18n import Languages

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_fonts(app)
    Languages.for_app(app).set_language(lang)
    chart = MapChart()
    try:
        shown = fill_map(chart, result, project.data.groups, code, args.top, "", lang)
        chart.set_export_size(args.width, chart.preferred_height(args.width))
        try:
            if out.suffix.lower() == ".svg":
                chart.export_svg(out)
            else:
                chart.export_png(out, scale=2)
        except OSError as e:
            print(text("error", lang, msg=e) if isinstance(e, WriteError)
                  else text("cannot_write", lang, path=out, msg=e), file=sys.stderr)
            return PROBLEM_EXIT
        if not out.exists() or out.stat().st_size == 0:
            print(text("cannot_write_plain", lang, path=out), file=sys.stderr)
            return PROBLEM_EXIT
    finally:
        chart.deleteLater()
    if shown["missing"]:
        print(text("map_missing", lang, units=", ".join(shown["missing"])), file=sys.stderr)
    print(text("map_written", lang, path=out))
    return 0
