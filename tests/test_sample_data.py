"""The bundled default framework, city list and sample workbook (data/).

Reads the files directly (csv, openpyxl); no project code is imported.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FRAMEWORK_CSV = DATA / "default_framework.csv"
CITIES_CSV = DATA / "cities.csv"
SAMPLE = DATA / "sample_ai_cities.xlsx"

HEADER = ["code", "parent", "name_zh", "name_en", "weight", "direction", "aggregation", "normalization",
          "min", "max", "target", "transform", "denominator", "unit", "source", "year", "description"]
REGIONS = {"华北", "华东", "华南", "华中", "西南", "西北", "东北"}
NAMED = ["北京", "深圳", "上海", "广州", "杭州", "成都", "苏州", "南京", "武汉", "天津",
         "常州", "重庆", "无锡"]
REPORT_TOP10 = NAMED[:10]
RECONSTRUCTED = {"A25", "A26", "A27", "E13", "E21", "E22"}
COUNT_UNITS = {"个", "项", "家", "篇", "件", "人"}
BOUNDED_UNITS = {"分", "%"}  # indices and shares: 0..100


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def framework() -> list[dict[str, str]]:
    return read_csv(FRAMEWORK_CSV)


@pytest.fixture(scope="module")
def cities() -> list[dict[str, str]]:
    return read_csv(CITIES_CSV)


@pytest.fixture(scope="module")
def workbook():
    return openpyxl.load_workbook(SAMPLE)


@pytest.fixture(scope="module")
def data(workbook) -> tuple[list[str], list[tuple]]:
    rows = list(workbook["数据"].iter_rows(values_only=True))
    return list(rows[0]), [r for r in rows[1:] if any(v is not None for v in r)]


def leaf_codes(framework) -> list[str]:
    parents = {r["parent"] for r in framework}
    return [r["code"] for r in framework if r["code"] not in parents]


def column(data, code: str) -> dict[str, object]:
    header, rows = data
    j = header.index(code)
    return {r[0]: r[j] for r in rows}


# --- framework -------------------------------------------------------------

def test_framework_csv_has_bom_and_exact_header(framework):
    raw = FRAMEWORK_CSV.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert list(framework[0].keys()) == HEADER


def test_framework_levels(framework):
    by_code = {r["code"]: r for r in framework}
    assert len(by_code) == len(framework) == 60, "codes must be unique"
    roots = [r for r in framework if r["parent"] == ""]
    assert [r["code"] for r in roots] == ["AICI"]

    def depth(code: str) -> int:
        return 0 if by_code[code]["parent"] == "" else 1 + depth(by_code[code]["parent"])

    levels = [depth(r["code"]) for r in framework]
    assert levels.count(1) == 5
    assert levels.count(2) == 13
    assert levels.count(3) == 41
    assert sorted(leaf_codes(framework)) == sorted(r["code"] for r, d in zip(framework, levels) if d == 3)


def test_framework_preorder_and_codes(framework):
    seen: set[str] = set()
    for r in framework:
        assert "*" not in r["code"]
        assert r["parent"] == "" or r["parent"] in seen, f"{r['code']} comes before its parent"
        assert r["code"].startswith(r["parent"]) or r["parent"] == "AICI" or r["parent"] == ""
        seen.add(r["code"])
    assert [r["code"] for r in framework[:5]] == ["AICI", "P", "P1", "P11", "P12"]


def test_framework_columns(framework):
    leaves = set(leaf_codes(framework))
    for r in framework:
        assert r["name_zh"] and r["name_en"]
        for col in ("weight", "aggregation", "normalization", "min", "max", "target", "transform",
                    "denominator"):
            assert r[col] == "", (r["code"], col)
        if r["code"] in leaves:
            assert r["direction"] == "+"
            assert r["unit"] and r["source"]
            assert r["year"] == "2024"
        else:
            assert r["direction"] == ""
        if r["code"] in RECONSTRUCTED:
            assert "重建指标" in r["description"] and "reconstructed" in r["description"]
        else:
            assert "重建指标" not in r["description"]
    i32 = next(r for r in framework if r["code"] == "I32")
    assert "早" in i32["description"] and "earlier" in i32["description"]


# --- cities ----------------------------------------------------------------

def test_cities_csv(cities):
    assert CITIES_CSV.read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(cities[0].keys()) == ["unit", "region", "province", "tier"]
    names = [c["unit"] for c in cities]
    assert len(names) == len(set(names)) >= 45
    assert set(NAMED) <= set(names)
    assert {c["region"] for c in cities} <= REGIONS
    assert {c["tier"] for c in cities} <= {"1", "2", "3", "4"}
    region = {c["unit"]: c["region"] for c in cities}
    for city, reg in [("重庆", "西南"), ("成都", "西南"), ("广州", "华南"), ("深圳", "华南"),
                      ("武汉", "华中"), ("西安", "西北"), ("北京", "华北"), ("常州", "华东")]:
        assert region[city] == reg


# --- sample workbook -------------------------------------------------------

def test_sheets_and_properties(workbook):
    assert workbook.sheetnames == ["说明", "指标体系", "数据", "设置"]
    assert "虚构" in workbook.properties.title and "Illustrative" in workbook.properties.title
    assert "虚构" in (workbook.properties.description or "")


def test_readme_says_values_are_made_up(workbook):
    text = "\n".join(str(v) for row in workbook["说明"].iter_rows(values_only=True) for v in row if v)
    assert "虚构" in text
    assert "not statistics" in text.lower()
    assert "seed 2024" in text and "tools/make_sample.py" in text


def test_framework_sheet_matches_csv(workbook, framework):
    rows = list(workbook["指标体系"].iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert [r[0] for r in rows[1:]] == [r["code"] for r in framework]
    for sheet_row, csv_row in zip(rows[1:], framework):
        for h, v in zip(HEADER, sheet_row):
            assert ("" if v is None else str(v)) == csv_row[h], (csv_row["code"], h)


def test_data_columns(data, framework, cities):
    header, rows = data
    assert header[:3] == ["城市", "region", "province"]
    assert header[3:] == leaf_codes(framework)
    names = [r[0] for r in rows]
    assert len(names) >= 40 and len(set(names)) == len(names)
    assert set(NAMED) <= set(names)
    assert names == [c["unit"] for c in cities]
    assert {r[1] for r in rows} <= REGIONS


def test_values_are_numbers_in_range(data, framework):
    unit = {r["code"]: r["unit"] for r in framework}
    for code in leaf_codes(framework):
        for city, v in column(data, code).items():
            if v is None:
                continue
            assert isinstance(v, (int, float)) and not isinstance(v, bool), (city, code, v)
            assert v >= 0, (city, code, v)
            if unit[code] in COUNT_UNITS:
                assert float(v) == int(v), (city, code, v)
            if unit[code] in BOUNDED_UNITS:
                assert 0 <= v <= 100, (city, code, v)
    assert all(0 <= v <= 100 for v in column(data, "E23").values() if v is not None)
    assert set(column(data, "T12").values()) == {0, 1}
    assert all(float(v) == int(v) and 0 <= v <= 12 for v in column(data, "I32").values() if v is not None)


def test_missing_cells(data):
    _, rows = data
    per_city = {r[0]: sum(v is None for v in r[3:]) for r in rows}
    assert max(per_city.values()) <= 2
    assert 3 <= sum(per_city.values()) <= 5
    for r in rows:
        assert r[1] and r[2], f"{r[0]} lacks region or province"


def test_settings_sheet(workbook):
    rows = list(workbook["设置"].iter_rows(values_only=True))
    assert list(rows[0]) == ["key", "value"]
    settings = {k: v for k, v in rows[1:]}
    expected = {"scale": 100, "decimals": 1, "normalization": "minmax", "aggregation": "arithmetic",
                "minmax_low": 0, "unit_min_coverage": 0, "imputation": "none", "outliers": "none",
                "node_min_coverage": 0.5, "language": "zh"}
    for k, v in expected.items():
        assert settings[k] == v, k


def test_rough_order_resembles_report(data, framework):
    """Equal weights, min-max 0..100, arithmetic mean skipping missing children."""
    header, rows = data
    children: dict[str, list[str]] = {}
    for r in framework:
        children.setdefault(r["parent"], []).append(r["code"])
    scores: dict[str, list[float | None]] = {}
    for code in leaf_codes(framework):
        xs = [r[header.index(code)] for r in rows]
        present = [x for x in xs if x is not None]
        lo, hi = min(present), max(present)
        scores[code] = [None if x is None else (x - lo) / (hi - lo) * 100 for x in xs]

    def node(code: str) -> list[float | None]:
        if code not in scores:
            kids = [node(k) for k in children[code]]
            out = []
            for i in range(len(rows)):
                vals = [k[i] for k in kids if k[i] is not None]
                out.append(sum(vals) / len(vals) if vals else None)
            scores[code] = out
        return scores[code]

    total = node("AICI")
    ranked = sorted((s, r[0]) for s, r in zip(total, rows) if s is not None)[::-1]
    top10 = [name for _, name in ranked[:10]]
    assert top10[0] == "北京"
    assert len(set(top10) & set(REPORT_TOP10)) >= 8, top10


def test_generator_is_deterministic(tmp_path, workbook):
    out = tmp_path / "again.xlsx"
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_sample.py"), "-o", str(out)],
                   check=True, capture_output=True)
    again = openpyxl.load_workbook(out)
    assert again.sheetnames == workbook.sheetnames
    for name in workbook.sheetnames:
        assert list(again[name].iter_rows(values_only=True)) == \
            list(workbook[name].iter_rows(values_only=True)), name
