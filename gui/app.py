"""Start the window: `python main.py [FILE] [--lang zh|en] [--screenshot PATH]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="main.py", description="CityIndex Studio window")
    p.add_argument("file", nargs="?", help="an input workbook or a project file")
    p.add_argument("--lang", choices=["zh", "en"], default=None)
    p.add_argument("--screenshot", metavar="PATH", help="render the window offscreen to a PNG and exit")
    p.add_argument("--size", default="1600x1000", help="window size for --screenshot, WxH")
    return p.parse_args(argv)


def run_gui(argv: list[str]) -> int:
    args = parse_gui_args(argv)
    import os
    if args.screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from .fonts import install_fonts
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("CityIndex")
    app.setApplicationName("CityIndex Studio")
    install_fonts(app)
    win = MainWindow(lang=args.lang, remember=not args.screenshot)
    ok = win.open_path(Path(args.file)) if args.file else win.open_default()
    if args.screenshot:
        w, h = (int(v) for v in args.size.lower().split("x"))
        win.resize(w, h)
        win.show()
        for _ in range(5):
            app.processEvents()
        win.controller.flush()
        app.processEvents()
        win.grab().save(args.screenshot)
        print(f"screenshot written: {args.screenshot}")
        return 0 if ok else 1
    win.show()
    win.offer_recovery()
    return app.exec()
