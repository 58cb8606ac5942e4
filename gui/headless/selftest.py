"""`main.py --selftest`: does this installation work? Run by CI on the built bundle.

    CityIndexStudio --selftest [--keep DIR]

Each step prints `[ OK ]` or `[FAIL]` with what it found; a step whose input failed is
skipped. Exit 0 when every step passed, else 1 with the failed steps named on the last line.

1. the bundled files are where core/files/paths.py looks (data/, resources/: translations, icon);
2. every module imported by name is there (gui.headless.registry, core.cli EXTENSION_MODULES, gui/, core/);
3. load the bundled default (the sample workbook) — no errors;
4. compute — every unit ranked, finite scores; the correlation of two dimensions (core.analysis.stats);
5. write the results workbook to a temporary folder and read it back with openpyxl: its ranking
   sheet has the engine's units, ranks and scores in the engine's order;
6. render the main window offscreen (QT_QPA_PLATFORM=offscreen unless set), in Chinese, on the
   sample: the ranking table holds every unit with the engine's leader first, the Chinese
   translation is loaded, and the window grabbed to a PNG is a picture (not blank);
7. export the charts to PNG and SVG (pyqtgraph's exporters; QtSvg);
8. write a Word document with a header and footer (python-docx's templates are package data);
9. Qt's text services on ICU's data (which the Linux build cuts down to Chinese and English): city
   names sort by pinyin in Chinese, the GB 18030 and Big5 converters are there;
10. the uncertainty analysis with Sobol' indices on the sample (its direction numbers are package data).

`--keep DIR` writes into DIR (kept) instead of a temporary folder that is deleted.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path


class StepFailed(Exception):
    pass


def check(cond: bool, what: str) -> None:
    if not cond:
        raise StepFailed(what)


class SelfTest:
    def __init__(self, out: Path):
        self.out = out
        self.ctx: dict = {}
        self.failed: list[str] = []
        self.passed = 0

    def step(self, name: str, fn: Callable[[], str], needs: tuple[str, ...] = ()) -> None:
        missing = [n for n in needs if n not in self.ctx]
        if missing:
            self.failed.append(name)
            print(f"[SKIP] {name}: needs {', '.join(missing)}, which failed", flush=True)
            return
        t0 = time.perf_counter()
        try:
            detail = fn()
        except Exception as e:  # a self-test reports every failure, whatever it is
            self.failed.append(name)
            msg = str(e) if isinstance(e, StepFailed) else f"{type(e).__name__}: {e}"
            print(f"[FAIL] {name}: {msg}", flush=True)
            if not isinstance(e, StepFailed):
                traceback.print_exc(limit=6, file=sys.stdout)
            return
        self.passed += 1
        print(f"[ OK ] {name}: {detail} ({time.perf_counter() - t0:.2f} s)", flush=True)

    # --- the steps ------------------------------------------------------------------------------
    def files(self) -> str:
        from core.files.paths import DEFAULT_FRAMEWORK, RESOURCES, ROOT, SAMPLE_WORKBOOK
        need = [DEFAULT_FRAMEWORK, SAMPLE_WORKBOOK, RESOURCES / "i18n" / "cityindex_zh_CN.qm",
                RESOURCES / "icons" / "app.png"]
        gone = [str(p) for p in need if not p.is_file() or p.stat().st_size == 0]
        check(not gone, f"missing or empty: {', '.join(gone)}")
        return f"{len(need)} files under {ROOT}"

    def modules(self) -> str:
        import importlib
        import pkgutil

        import core
        import core.cli.commands
        import gui
        from gui.headless.registry import QT_COMMANDS as qt_commands
        names = [f"core.cli.{n}" for n in core.cli.commands.EXTENSION_MODULES]
        names += list(qt_commands.values())
        names += [m.name for pkg in (core, gui) for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
        bad = []
        for name in dict.fromkeys(names):
            try:
                importlib.import_module(name)
            except ImportError as e:
                bad.append(f"{name} ({e})")
        check(not bad, "cannot import: " + "; ".join(bad))
        return f"{len(set(names))} modules import (commands drawn with Qt: {', '.join(qt_commands) or 'none'})"

    def load(self) -> str:
        from core.files.loader import load
        from core.files.paths import SAMPLE_WORKBOOK
        project, problems = load(SAMPLE_WORKBOOK)
        check(project is not None, "the sample workbook could not be read")
        check(not problems.has_errors, f"{len(problems.errors)} error(s) in the sample: {problems.errors[:1]}")
        detail = f"{len(project.data.units)} units, {len(project.framework.leaves)} indicators"
        self.ctx["project"] = project
        return detail

    def compute(self) -> str:
        import numpy as np

        from core.analysis import summary as analysis
        from core.pipeline.run import compute
        r = compute(self.ctx["project"])
        ranking = r.ranking()
        check(len(ranking) == len(r.units) and ranking, "not every unit is ranked")
        check(all(x["rank"] is not None and math.isfinite(x["score"]) for x in ranking),
              "a unit without a rank or with a non-finite score")
        check([x["rank"] for x in ranking] == sorted(x["rank"] for x in ranking), "ranks out of order")
        dims = list(r.framework.children[r.framework.root])
        c = analysis.node_correlation(r, dims[0], dims[1])  # core.analysis.stats
        check(np.isfinite(c["spearman"]) and -1 <= c["spearman"] <= 1, f"Spearman r of {dims[:2]}: {c['spearman']}")
        self.ctx["result"] = r
        top = ranking[0]
        return (f"{len(ranking)} units ranked, first {top['unit']} {top['score']:.2f}; "
                f"Spearman r({dims[0]}, {dims[1]}) = {c['spearman']:.3f}")

    def workbook(self) -> str:
        from openpyxl import load_workbook

        from core.outputs.method_words import language
        from core.outputs.results_workbook import sheet_names, write_results
        r, project = self.ctx["result"], self.ctx["project"]
        path = self.out / "selftest_results.xlsx"
        write_results(r, path, data=project.data)
        check(path.is_file() and path.stat().st_size > 0, f"{path} not written")
        wb = load_workbook(path, read_only=True)
        sheet = sheet_names(language(r))["ranking"]
        check(sheet in wb.sheetnames, f"no sheet {sheet!r} in {wb.sheetnames}")
        rows = list(wb[sheet].iter_rows(min_row=1, max_col=3, values_only=True))
        wb.close()
        rows = [row for row in rows if len(row) > 1 and row[1] is not None][1:]  # below the title: header, units
        expected = r.ranking()
        check(len(rows) == len(expected), f"{len(rows)} rows in the ranking sheet, the engine ranked {len(expected)}")
        for row, x in zip(rows, expected):
            check(row[1] == x["unit"] and row[0] == x["rank"],
                  f"row {row[:2]} where the engine has {x['rank']} {x['unit']}")
            check(abs(float(row[2]) - x["score"]) < 1e-6, f"{x['unit']}: score {row[2]} written, {x['score']} computed")
        self.ctx["workbook"] = path
        return f"{path.name}, {path.stat().st_size // 1024} KB, {len(wb.sheetnames)} sheets; ranking sheet = engine's"

    def window(self) -> str:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QImage
        from PySide6.QtWidgets import QApplication

        from gui.main_window import MainWindow
        from gui.text.fonts import cjk_family, install_fonts
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setOrganizationName("CityIndex")
        app.setApplicationName("CityIndex Studio")
        install_fonts(app)
        win = MainWindow(lang="zh", remember=False)
        self.ctx["app"], self.ctx["win"] = app, win
        check(win.open_default(), "the window could not open the bundled default")
        win.resize(1400, 900)
        win.show()
        for _ in range(5):
            app.processEvents()
        win.controller.flush()
        app.processEvents()
        check(QCoreApplication.translate("MainWindow", "&File") != "&File", "the Chinese translation is not loaded")
        expected = self.ctx["result"].ranking()
        model = win.ranking.model
        check(model.rowCount() == len(expected), f"ranking table has {model.rowCount()} rows, expected {len(expected)}")
        check(win.controller.result.ranking()[0]["unit"] == expected[0]["unit"], "the window's leader differs")
        png = self.out / "selftest_window.png"
        check(win.grab().save(str(png)), f"could not save {png}")
        img = QImage(str(png))
        check(not img.isNull() and img.width() >= 1000, f"{png} is not a readable picture")
        colours = {img.pixel(x, y) for x in range(0, img.width(), 23) for y in range(0, img.height(), 23)}
        check(len(colours) > 20, f"the window grab looks blank ({len(colours)} colours)")
        font = cjk_family() or "no CJK font found (Chinese may show as boxes)"
        return (f"{img.width()}x{img.height()} on '{app.platformName()}', {model.rowCount()} rows, "
                f"{len(colours)} colours, {png.name}; font: {font}")

    def charts(self) -> str:
        win = self.ctx["win"]
        r = self.ctx["result"]
        folder = self.out / "charts"
        files = win.charts.export_all(folder, nodes=[r.framework.root], size=(800, 500))
        svgs = [f for f in files if f.suffix == ".svg"]
        pngs = [f for f in files if f.suffix == ".png"]
        check(svgs and pngs, f"charts written: {[f.name for f in files]}")
        empty = [f.name for f in files if f.stat().st_size == 0]
        check(not empty, f"empty chart files: {empty}")
        check(b"<svg" in svgs[0].read_bytes()[:2000], f"{svgs[0].name} is not SVG")
        return f"{len(pngs)} PNG and {len(svgs)} SVG files"


    def word(self) -> str:
        import importlib.util
        if importlib.util.find_spec("docx") is None:
            return "python-docx is not installed: no Word reports in this build"
        import docx
        doc = docx.Document()  # its templates are package data: missing ones fail here or below
        section = doc.sections[0]
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = "CityIndex Studio"
        section.footer.paragraphs[0].text = "1"
        doc.add_paragraph("自检 self-test")
        path = self.out / "selftest.docx"
        doc.save(str(path))
        check(docx.Document(str(path)).paragraphs[-1].text == "自检 self-test", f"{path.name} does not read back")
        return f"{path.name}, {path.stat().st_size // 1024} KB, with a header and footer (python-docx templates)"


    def text_services(self) -> str:
        from PySide6.QtCore import QCollator, QLocale, QStringDecoder
        cities = ["上海", "深圳", "北京", "杭州", "重庆", "广州"]
        pinyin = ["北京", "重庆", "广州", "杭州", "上海", "深圳"]  # bei, chong, guang, hang, shang, shen
        got = sorted(cities, key=QCollator(QLocale("zh_CN")).sortKey)
        check(got == pinyin, f"Chinese collation is not by pinyin: {got}")
        english = sorted(["b", "B", "a", "é", "e"], key=QCollator(QLocale("en")).sortKey)
        check(english == ["a", "b", "B", "e", "é"], f"English collation: {english}")
        done = f"pinyin order {''.join(c[0] for c in got)}"
        if not sys.platform.startswith("linux"):  # Qt uses the system's collation and codecs there, not our ICU cut
            return done
        missing = [e for e in ("GB18030", "GBK", "Big5", "windows-1252") if not QStringDecoder(e).isValid()]
        check(not missing, f"no Qt converter for {missing}")
        return done + "; converters GB18030, GBK, Big5, windows-1252"

    def sensitivity(self) -> str:
        from core.analysis.uncertainty import run_uncertainty
        r = self.ctx["result"]
        u = run_uncertainty(r, runs=256, seed=7, perturb=0.2, mode="dirichlet")
        s = u.sensitivity
        check(bool(s), "no Sobol' indices")
        totals = {g: v["total"] for g, v in s.items()}
        check(all(math.isfinite(t) for t in totals.values()), f"non-finite total indices: {totals}")
        top = max(totals, key=totals.get)
        evaluations = u.sensitivity_samples * (len(totals) + 2)
        return f"{len(totals)} inputs, {evaluations} Sobol' evaluations; largest total index {top} = {totals[top]:.2f}"


def run_selftest(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="CityIndexStudio --selftest")
    p.add_argument("--keep", metavar="DIR", help="write into DIR (kept) instead of a temporary folder")
    args = p.parse_args(argv)
    from core import __version__
    frozen = getattr(sys, "frozen", False)
    where = f"bundle {getattr(sys, '_MEIPASS', '?')}" if frozen else f"source, Python {sys.version.split()[0]}"
    print(f"CityIndex Studio {__version__} self-test ({where}, {sys.platform})", flush=True)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cityindex-selftest-") as tmp:
        out = Path(args.keep) if args.keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        t = SelfTest(out)
        t.step("bundled files", t.files)
        t.step("modules imported by name", t.modules)
        t.step("load the bundled default", t.load)
        t.step("compute", t.compute, needs=("project",))
        t.step("results workbook", t.workbook, needs=("result",))
        t.step("window offscreen", t.window, needs=("result",))
        t.step("chart export", t.charts, needs=("win",))
        t.step("Word document", t.word)
        t.step("Qt text services (ICU)", t.text_services, needs=("app",))
        t.step("uncertainty and Sobol' indices", t.sensitivity, needs=("result",))
        win = t.ctx.get("win")
        if win is not None:
            win.close()
    total = time.perf_counter() - t0
    if t.failed:
        print(f"self-test FAILED ({t.passed} passed, {len(t.failed)} failed: {', '.join(t.failed)}) "
              f"in {total:.1f} s", flush=True)
        return 1
    print(f"self-test passed: {t.passed} steps in {total:.1f} s", flush=True)
    return 0
