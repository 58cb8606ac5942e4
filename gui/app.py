"""Start the window: `python main.py [FILE] [--lang zh|en] [--screenshot PATH]`.

The window is shown — frame, menus, the indicator tree, ranking and problem panels (empty),
"Loading…" in the status bar — before the project is read. Once it has painted, the chart and
analysis panels are built (pyqtgraph and its Qt modules) and the project is loaded (pandas,
openpyxl and the analysis modules are imported then). Here (2 cores) the window paints about
0.35 s after the process starts and shows the loaded sample at about 1.2 s; before, nothing showed
for about 2 s (tools/measure_bundle.py measures the packaged build the same way).

`--selftest` checks an installation (see gui/headless/selftest.py); `--startup-probe` (or the
environment variable CITYINDEX_STARTUP_PROBE=1) prints when the window first painted and
when the project was loaded, then exits — tools/measure_bundle.py reads those lines.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from core.files.paths import RESOURCES

PROBE_ENV = "CITYINDEX_STARTUP_PROBE"


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="main.py", description="CityIndex Studio window")
    p.add_argument("file", nargs="?", help="an input workbook or a project file")
    p.add_argument("--lang", choices=["zh", "en"], default=None)
    p.add_argument("--screenshot", metavar="PATH", help="render the window offscreen to a PNG and exit")
    p.add_argument("--size", default="1600x1000", help="window size for --screenshot, WxH")
    p.add_argument("--selftest", action="store_true",
                   help="check this installation: load the bundled default, compute, write a results workbook, "
                        "render the window offscreen; exit 0, or 1 naming what failed (see gui/headless/selftest.py)")
    p.add_argument("--startup-probe", action="store_true",
                   help="print the time to the first painted window and to the loaded project, then exit")
    return p.parse_args(argv)


def process_age() -> float | None:
    """Seconds since this process started (Linux, from /proc; 10 ms resolution), else None."""
    try:
        with open("/proc/self/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def probe_line(event: str) -> str:
    """`startup-probe first-paint epoch=… age=…`: the wall clock (for a caller that noted when it
    started the process) and the process's own age where the system tells it."""
    age = process_age()
    return f"startup-probe {event} epoch={time.time():.4f} age={'?' if age is None else f'{age:.3f}'}"


def run_gui(argv: list[str]) -> int:
    if "--selftest" in argv:  # its own options (see gui/headless/selftest.py); never opens a visible window
        from gui.headless.selftest import run_selftest

        return run_selftest([a for a in argv if a != "--selftest"])
    args = parse_gui_args(argv)
    probe = args.startup_probe or os.environ.get(PROBE_ENV) == "1"
    if args.screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from gui.main_window import MainWindow
    from gui.text.fonts import install_fonts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("CityIndex")
    app.setApplicationName("CityIndex Studio")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "app.png")))
    install_fonts(app)
    win = MainWindow(lang=args.lang, remember=not (args.screenshot or probe), defer_panels=not args.screenshot)
    if args.screenshot:
        ok = win.open_path(Path(args.file)) if args.file else win.open_default()
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
    startup = Startup(win, Path(args.file) if args.file else None, probe=probe)
    win.show()
    code = app.exec()
    return startup.exit_code if probe else code


class Startup(QObject):
    """Shows "Loading…", waits for the window's first paint, then opens the project.

    If no paint comes (a minimised start), the project is opened after 2 s all the same."""

    def __init__(self, win, path: Path | None, probe: bool = False):
        super().__init__(win)
        self.win, self.path, self.probe = win, path, probe
        self.exit_code = 0
        self._started = False
        name = path.name if path else self.tr("the sample project")
        self.message = self.tr("Loading {0}…").format(name)
        win.statusBar().showMessage(self.message)
        win.installEventFilter(self)
        QTimer.singleShot(2000, self._painted)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.win and event.type() == QEvent.Paint:
            self.win.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # after this paint is finished and shown
        return False

    def _painted(self) -> None:
        if self._started:
            return
        self._started = True
        if self.probe:
            print(probe_line("first-paint"), flush=True)
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.win.build_deferred_panels()
            ok = self.win.open_path(self.path) if self.path else self.win.open_default()
        finally:
            QApplication.restoreOverrideCursor()
        bar = self.win.statusBar()
        if bar.currentMessage() == self.message:
            bar.clearMessage()
        if self.probe:
            self.exit_code = 0 if ok else 1
            QTimer.singleShot(0, self._loaded)  # once the loaded project has been painted
        else:
            if not self.win.offer_recovery():
                self.win.show_guide_once()  # a first start: the user guide, once

    def _loaded(self) -> None:
        try:
            print(probe_line("loaded"), flush=True)
        finally:
            QApplication.instance().quit()
