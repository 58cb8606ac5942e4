"""Report draft benchmark: the whole draft of the bundled sample (50 cities, 41 indicators).

Run on demand (not part of the test suite; nothing here asserts on time):

    python -m bench.bench_report            # figures (Qt offscreen) + .docx, 3 repeats
    python -m bench.bench_report --pdf      # and the LibreOffice PDF conversion, once
    python -m bench.bench_report --large    # and a synthetic 3,000 units × 500 indicators project, once:
                                            # the appendix bounded (100 units per table) and, for the
                                            # ratio, the sample in the same run

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
    ap.add_argument("--large", action="store_true", help="also time the draft of a 3,000 × 500 project")
    ap.add_argument("--units", type=int, default=3000, help="units of the --large project (default 3000)")
    args = ap.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from core.files.loader import load
    from core.files.paths import SAMPLE_WORKBOOK
    from core.outputs.report import export_pdf
    from core.outputs.report_facts import ReportOptions
    from core.pipeline.run import compute
    from gui.charts.report_charts import make_report
    from gui.text.fonts import install_fonts
    from gui.text.i18n import Languages

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
        if args.large:
            large(out.with_name("large.docx"), args.units, statistics.median(r[3] for r in rows))
    return 0


def large(out: Path, n_units: int, sample_s: float) -> None:
    """The draft of a synthetic project (bench_engine's wide framework: 10 → 50 → 500 indicators)."""
    import resource

    import numpy as np

    from bench.bench_engine import synthetic_project, wide_framework
    from core.outputs.report_facts import ReportOptions
    from core.pipeline.run import compute
    from gui.charts.report_charts import make_report

    t0 = time.perf_counter()
    project = synthetic_project(wide_framework(), n_units, np.random.default_rng(1))
    result = compute(project)
    t_compute = time.perf_counter() - t0
    steps: list[float] = []
    timings: dict = {}
    t0 = time.perf_counter()
    make_report(result, project, out, ReportOptions(), timings=timings, progress=steps.append)
    total = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n_units} units × {len(project.framework.leaves)} indicators (appendix: at most "
          f"{ReportOptions().appendix_max_units} units per indicator): {out.stat().st_size / 1e6:.1f} MB .docx")
    print(f"  compute                        {t_compute:6.2f} s")
    print(f"  figures (offscreen, 300 dpi)   {timings['charts']:6.2f} s")
    print(f"  .docx build + save             {timings['docx']:6.2f} s")
    print(f"  whole draft                    {total:6.2f} s   = {total / sample_s:.1f} × the sample's; "
          f"{len(steps)} progress reports; peak RSS {peak:,.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
