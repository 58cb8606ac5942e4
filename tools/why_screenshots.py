"""Screenshots of the 为什么？ view and the stability bands, as `main.py --screenshot` renders the window.

    QT_QPA_PLATFORM=offscreen python tools/why_screenshots.py OUT_DIR [--unit 常州] [--lang zh]

Writes OUT_DIR/why-window-waterfall.png (by dimension), why-window-waterfall-indicators.png (by indicator),
why-window-bands.png (the P weight moved to within 10 % of its upper edge: the warning; the tree dock
alone in why-window-bands-tree.png) and
why-window-targets.png (the target table, cut from the window), after the background intervals and
targets have arrived.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--unit", default="常州")
    ap.add_argument("--lang", default="zh")
    ap.add_argument("--size", default="1600x1000")
    args = ap.parse_args(argv)
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.panels.why_panel import BY_DIMENSION, BY_INDICATOR
    from gui.text.fonts import install_fonts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("CityIndex")
    app.setApplicationName("CityIndex Studio")
    install_fonts(app)
    win = MainWindow(lang=args.lang, remember=False)
    win.open_default()
    w, h = (int(v) for v in args.size.lower().split("x"))
    win.resize(w, h)
    win.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
        win.controller.flush()
        t0 = time.time()
        while (win.tree.bands.busy or win.why.targets_job.busy) and time.time() - t0 < 60:
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()

    args.out.mkdir(parents=True, exist_ok=True)
    win.charts.tabs.setCurrentWidget(win.why)
    win.controller.select_unit(args.unit)
    win.tree.select("P")
    settle()
    win.grab().save(str(args.out / "why-window-waterfall.png"))
    view = win.why.targets_view
    top_left = view.mapTo(win, view.rect().topLeft())
    title = win.why.targets_title
    t = title.mapTo(win, title.rect().topLeft())
    win.grab(QRect(t.x(), t.y(), view.width(), view.height() + (top_left.y() - t.y()))).save(
        str(args.out / "why-window-targets.png"))
    win.why.level.setCurrentIndex(win.why.level.findData(BY_INDICATOR))
    settle()
    win.grab().save(str(args.out / "why-window-waterfall-indicators.png"))
    win.why.level.setCurrentIndex(win.why.level.findData(BY_DIMENSION))
    entry = win.tree.bands.entries["P"]
    win.tree.slider.setValue(round((entry["high"] - 0.05 * entry["high"]) * 1000))  # near the upper edge
    win.controller.end_gesture()
    settle()
    win.grab().save(str(args.out / "why-window-bands.png"))
    win.tree.grab().save(str(args.out / "why-window-bands-tree.png"))  # the tree dock alone, legible
    print(f"screenshots written to {args.out}")
    win._ask_unsaved = lambda: "discard"  # the moved weight is not to be saved
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
