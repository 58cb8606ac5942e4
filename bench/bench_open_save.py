"""Opening a large workbook and saving its project file, in the engine and through the window.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_open_save [--units 3000] [--leaves-per-sub 10]

A synthetic 3,000 units × 500 indicators workbook (bench.bench_engine's wide framework) is written
once; then, side by side in the same run: the engine's `load` alone (the baseline) and the window's
File → Open of it (read on a worker thread behind the progress dialog, then shown), and the engine's
`save_project` alone and the window's save (the same, behind its dialog). The window's figures
include the progress dialog and showing the project (compute, models, charts). Prints seconds, the
ratio to the engine alone, and whether the progress dialog appeared. Not a test: figures only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.bench_engine import synthetic_values, unit_names, wide_framework, write_workbook  # noqa: E402


def wait_for(app: QApplication, task) -> tuple[float, bool]:
    """Seconds until the task's outcome was delivered, and whether its progress dialog showed."""
    shown = False
    t0 = time.perf_counter()
    done = []
    task.finished.connect(lambda: done.append(time.perf_counter()))
    while not done:
        app.processEvents()
        shown = shown or task.dialog.isVisible()
        time.sleep(0.005)
    return done[0] - t0, shown


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=3000)
    ap.add_argument("--leaves-per-sub", type=int, default=10)
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from core.files.loader import load
    from core.files.project_file import save_project
    from gui.main_window import MainWindow

    fw = wide_framework(leaves_per_sub=args.leaves_per_sub)
    units = unit_names(args.units)
    values = synthetic_values(units, fw.leaves, np.random.default_rng(0))
    with tempfile.TemporaryDirectory(prefix="bench-open-save-") as tmp:
        book = Path(tmp) / "large.xlsx"
        t0 = time.perf_counter()
        write_workbook(book, fw, values)
        print(f"workbook {len(units):,} units × {len(fw.leaves)} indicators: {book.stat().st_size / 1e6:.1f} MB "
              f"(written in {time.perf_counter() - t0:.1f} s)")
        t0 = time.perf_counter()
        project, problems = load(book)
        t_load = time.perf_counter() - t0
        assert project is not None and not problems.has_errors
        t0 = time.perf_counter()
        save_project(project, Path(tmp) / "engine.cidx")
        t_save = time.perf_counter() - t0

        win = MainWindow(lang="zh", remember=False)
        win._ask_unsaved = lambda: "discard"
        win.show()
        win.open_default()
        app.processEvents()
        task = win.open_path(book)  # large: on a worker thread, behind the progress dialog
        t_open, shown_open = wait_for(app, task)
        assert win.controller.path == book, "the window did not open the workbook"
        task = win.save_to(Path(tmp) / "window.cidx")
        t_wsave, shown_save = wait_for(app, task)
        print(f"{'open':<6} engine load {t_load:7.2f} s   window File → Open {t_open:7.2f} s "
              f"(×{t_open / t_load:4.2f})   progress dialog shown: {shown_open}")
        print(f"{'save':<6} engine save {t_save:7.2f} s   window save        {t_wsave:7.2f} s "
              f"(×{t_wsave / t_save:4.2f})   progress dialog shown: {shown_save}")
        win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
