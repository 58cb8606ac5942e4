"""The fingerprint of the inputs: stable where it must be, sensitive where it must be, and
recomputable by anyone from the README's description (an independent implementation below)."""

import hashlib
import json
import shutil

import openpyxl
import pytest

from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.files.project_file import load_project, save_project
from core.provenance.fingerprint import fingerprint

DEFAULTS = {"scale": 100, "decimals": 1, "normalization": "minmax", "aggregation": "arithmetic",
            "minmax_low": 0, "unit_min_coverage": 0, "imputation": "none", "imputation_group": "",
            "outliers": "none", "winsor_max_points": 5, "skew_limit": 2, "kurtosis_limit": 3.5,
            "node_min_coverage": 0.5, "language": "zh"}
NUMERIC_SETTINGS = {"scale", "decimals", "minmax_low", "unit_min_coverage", "winsor_max_points", "skew_limit",
                    "kurtosis_limit", "node_min_coverage"}


def fp_of(path):
    p, probs = load(path)
    assert p is not None and not probs.has_errors
    return fingerprint(p.framework, p.settings, p.data)


def independent_fingerprint(path) -> str:
    """Written from the README's description only, reading the workbook with openpyxl."""
    wb = openpyxl.load_workbook(path, data_only=True)
    g = lambda v: "" if v is None else str(v).strip()  # noqa: E731
    n17 = lambda v: None if v is None or v == "" else format(float(v), ".17g")  # noqa: E731
    fw_rows = list(wb["指标体系"].iter_rows(values_only=True))
    head = [g(h) for h in fw_rows[0]]
    nodes = []
    for r in fw_rows[1:]:
        d = dict(zip(head, r))
        if not g(d.get("code")):
            continue
        direction = -1 if g(d.get("direction")) in ("-", "负向") else 1
        nodes.append({"code": g(d["code"]), "parent": g(d.get("parent")), "weight": n17(d.get("weight")),
                      "direction": direction, "aggregation": g(d.get("aggregation")),
                      "normalization": g(d.get("normalization")), "min": n17(d.get("min")),
                      "max": n17(d.get("max")), "target": n17(d.get("target")), "transform": g(d.get("transform")),
                      "denominator": g(d.get("denominator"))})
    nodes.sort(key=lambda n: n["code"])
    settings = dict(DEFAULTS)
    for r in list(wb["设置"].iter_rows(values_only=True))[1:]:
        if r[0] is not None and r[1] is not None:
            settings[g(r[0])] = r[1]
    settings = {k: (n17(v) if k in NUMERIC_SETTINGS else v) for k, v in settings.items()}
    codes = {n["code"] for n in nodes}
    parents = {n["parent"] for n in nodes}
    leaves = codes - parents
    data_rows = list(wb["数据"].iter_rows(values_only=True))
    dhead = [g(h) for h in data_rows[0]]
    units, groups = {}, {}
    for r in data_rows[1:]:
        u = g(r[0])
        units[u] = {c: n17(v) for c, v in zip(dhead[1:], r[1:]) if c in leaves}
        groups[u] = {c: g(v) for c, v in zip(dhead[1:], r[1:]) if c not in leaves}
    units = {u: dict(sorted(v.items())) for u, v in units.items()}
    doc = {"schema": "cityindex-inputs/1", "framework": nodes, "settings": settings,
           "data": {"units": units, "groups": groups}}
    text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_an_independent_implementation_of_the_description_agrees():
    assert independent_fingerprint(SAMPLE_WORKBOOK) == fp_of(SAMPLE_WORKBOOK)


def copy(tmp_path, name="s.xlsx"):
    p = tmp_path / name
    shutil.copy(SAMPLE_WORKBOOK, p)
    return p


def test_unchanged_by_resaving_reordering_rows_and_sheets_and_number_format(tmp_path):
    base = fp_of(SAMPLE_WORKBOOK)
    p = copy(tmp_path)
    wb = openpyxl.load_workbook(p)
    ws = wb["数据"]
    rows = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
    rows.reverse()  # units in another order
    for i, r in enumerate(rows, start=2):
        for j, v in enumerate(r, start=1):
            ws.cell(i, j).value = v
    ws.cell(2, 4).number_format = "0.000"  # a display format changes nothing
    wb.move_sheet("设置", offset=-3)  # sheets in another order
    fw = wb["指标体系"]
    frows = [list(r) for r in fw.iter_rows(min_row=3, values_only=True)]
    frows.reverse()  # framework rows in another order (the root stays first)
    for i, r in enumerate(frows, start=3):
        for j, v in enumerate(r, start=1):
            fw.cell(i, j).value = v
    wb.save(p)
    assert fp_of(p) == base
    # a round trip through the project file
    project, _ = load(SAMPLE_WORKBOOK)
    save_project(project, tmp_path / "p.cidx")
    q = load_project(tmp_path / "p.cidx")
    assert fingerprint(q.framework, q.settings, q.data) == base


@pytest.mark.parametrize("edit", ["cell", "weight", "setting"])
def test_changes_when_one_cell_weight_or_setting_changes(tmp_path, edit):
    base = fp_of(SAMPLE_WORKBOOK)
    p = copy(tmp_path)
    wb = openpyxl.load_workbook(p)
    if edit == "cell":
        c = wb["数据"].cell(5, 6)
        c.value = c.value + 1
    elif edit == "weight":
        ws = wb["指标体系"]
        head = [c.value for c in ws[1]]
        for r in range(2, ws.max_row + 1):  # P and its siblings: 2, 1, 1, 1, 1
            if ws.cell(r, 2).value == "AICI":
                ws.cell(r, head.index("weight") + 1).value = 2 if ws.cell(r, 1).value == "P" else 1
    else:
        ws = wb["设置"]
        for r in range(2, ws.max_row + 1):
            if ws.cell(r, 1).value == "decimals":
                ws.cell(r, 2).value = 2
    wb.save(p)
    assert fp_of(p) != base


def test_fingerprint_composed_from_cached_parts_equals_the_whole_document(project):
    """The data part's bytes are cached per Dataset; the hash must stay that of the whole canonical document."""
    import hashlib

    from core.provenance.fingerprint import canonical, canonical_bytes, fingerprint

    def whole(p):
        return hashlib.sha256(canonical_bytes(canonical(p.framework, p.settings, p.data))).hexdigest()

    p = project
    assert fingerprint(p.framework, p.settings, p.data) == whole(p)
    fw = p.framework.with_weights({**p.framework.local_weights(), "T": 0.5})
    assert fingerprint(fw, p.settings, p.data) == whole(p.__class__(fw, p.data, p.settings))  # data cached
    values = p.data.values.copy()
    values.iloc[0, 0] = 12345.0
    ds = p.data.with_values(values)
    assert fingerprint(p.framework, p.settings, ds) == whole(p.__class__(p.framework, ds, p.settings))
    assert fingerprint(p.framework, p.settings, ds) != fingerprint(p.framework, p.settings, p.data)
