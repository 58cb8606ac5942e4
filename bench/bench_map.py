"""Map data benchmark: loading the bundled boundary file, and placing units by name.

Run on demand (not part of the test suite; nothing here asserts on time):

    python -m bench.bench_map            # numpy only
    python -m bench.bench_map --draw     # also the map chart (Qt, offscreen): build, fill, export

Target: the boundary file loads in under 0.2 s (median of 10, cold: no cache).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from core.files import geo
from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK

TARGET_LOAD_S = 0.2


def timed(fn, n: int = 10) -> tuple[float, float]:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--draw", action="store_true", help="also time the map chart (needs Qt)")
    args = ap.parse_args(argv)

    size = geo.MAP_FILE.stat().st_size
    med, best = timed(geo.load_map)
    m = geo.load_map()
    verdict = "PASS" if med < TARGET_LOAD_S else "MISS"
    print(f"boundary file {geo.MAP_FILE.name}: {size / 1024:.0f} KB, {len(m.start) - 1} rings, {len(m.xy)} points")
    print(f"load_map          median {med * 1000:7.1f} ms  min {best * 1000:7.1f} ms  "
          f"(target < {TARGET_LOAD_S * 1000:.0f} ms: {verdict})")
    med, best = timed(geo.read_places)
    print(f"read city table   median {med * 1000:7.1f} ms  min {best * 1000:7.1f} ms  ({len(geo.read_places())} rows)")
    project, _problems = load(SAMPLE_WORKBOOK)
    units, groups = list(project.data.units), project.data.groups
    geo.gazetteer()
    med, best = timed(lambda: geo.locate(units, groups))
    print(f"locate {len(units)} units  median {med * 1000:7.1f} ms  min {best * 1000:7.1f} ms")

    if args.draw:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import tempfile
        from pathlib import Path

        from PySide6.QtWidgets import QApplication

        from core.pipeline.run import compute
        from gui.charts.map_chart import MapChart, fill_map

        app = QApplication.instance() or QApplication([])
        result = compute(project)
        t0 = time.perf_counter()
        chart = MapChart()
        chart.set_export_size(1000, chart.preferred_height(1000))
        print(f"first MapChart    {(time.perf_counter() - t0) * 1000:7.1f} ms  (projection and paths, once)")
        med, best = timed(lambda: (fill_map(chart, result, groups, None, 10), app.processEvents()))
        print(f"fill_map (live)   median {med * 1000:7.1f} ms  min {best * 1000:7.1f} ms")
        with tempfile.TemporaryDirectory() as tmp:
            med, best = timed(lambda: chart.export_png(Path(tmp) / "m.png"), 3)
            print(f"export PNG 2000px median {med * 1000:7.1f} ms  min {best * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
