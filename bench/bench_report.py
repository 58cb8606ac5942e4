"""Report draft benchmark: the whole draft of the bundled sample (50 cities, 41 indicators).

Run on demand (not part of the test suite; nothing here asserts on time):

    python -m bench.bench_report            # figures (Qt offscreen) + .docx, 3 repeats
    python -m bench.bench_report --pdf      # and the LibreOffice PDF conversion, once

Prints the split: load + compute, the figures (drawn offscreen, PNG at 300 dpi for 16 cm), the
.docx build and save, and the total. Target: the whole draft in under 10 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 10.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pdf", action="store_true", help="also time the PDF conversion (LibreOffice)")
    args = ap.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from core.loader import load
    from core.paths import SAMPLE_WORKBOOK
    from core.pipeline import compute
    from core.report_facts import ReportOptions
    from gui.fonts import install_fonts
    from gui.i18n import Languages
    from gui.report_cli import export_pdf, make_report

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_fonts(app)
    Languages.for_app(app).set_language("zh")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.docx"
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            project, _problems = load(SAMPLE_WORKBOOK)
            result = compute(project)
            t_load = time.perf_counter() - t0
            timings: dict = {}
            make_report(result, project, out, ReportOptions(illustrative=True), timings=timings)
            total = time.perf_counter() - t0
            rows.append((t_load, timings["charts"], timings["docx"], total))
        print(f"sample: {len(result.units)} units, {len(result.framework.leaves)} indicators; "
              f"{out.stat().st_size / 1e6:.1f} MB .docx")
        for name, k in (("load + compute", 0), ("figures (offscreen, 300 dpi)", 1), (".docx build + save", 2),
                        ("whole draft", 3)):
            vals = [r[k] for r in rows]
            print(f"  {name:30s} median {statistics.median(vals):6.2f} s   min {min(vals):6.2f} s")
        best = statistics.median(r[3] for r in rows)
        print(f"  target < {TARGET_S:g} s: {'PASS' if best < TARGET_S else 'MISS'}")
        if args.pdf:
            t0 = time.perf_counter()
            pdf = export_pdf(out)
            took = time.perf_counter() - t0
            print(f"  PDF (LibreOffice headless)     {took:6.2f} s   {pdf.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
