"""The project file (.cidx): saved, reopened and scored gives the same result; broken,
truncated or newer files are refused with a message that says why; nothing is lost."""

import datetime as dt
import json
import os
import zipfile

import numpy as np
import pytest

from core.files import project_file as pf
from core.files.atomic import WriteError
from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.model.dataset import parse_data
from core.model.framework import parse_framework
from core.model.framework_edits import add_node
from core.model.problems import InputError, ProblemList
from core.model.project import Project
from core.model.settings import Settings
from core.model.validate import validate_pair
from core.pipeline.run import compute
from tests.helpers import data_table, fw_table


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Recovery files go to a folder of this test, not the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture(scope="module")
def sample():
    project, problems = load(SAMPLE_WORKBOOK)
    assert project is not None and not problems.has_errors
    return project


def message(e: pytest.ExceptionInfo) -> str:
    return "\n".join(p.message for p in e.value.problems)


def same_scores(a, b) -> bool:
    return np.array_equal(a.scores_array, b.scores_array, equal_nan=True) and a.units == b.units


# --- round trip ---------------------------------------------------------------------------
def test_saved_reopened_scored_gives_identical_results(sample, tmp_path):
    path = pf.save_project(sample, tmp_path / "项目.cidx")
    assert zipfile.is_zipfile(path)
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        doc = json.loads(z.read("project.json"))
    assert manifest["format"] == pf.FORMAT and manifest["schema_version"] == 1 and manifest["app_version"]
    assert doc["schema_version"] == 1 and doc["scenarios"] == [] and doc["expert_inputs"] == {}
    # NaN is written as null
    i, j = sample.data.units.index("大连"), list(sample.data.values.columns).index("T32")
    assert doc["data"]["values"][i][j] is None

    back = pf.load_project(path)
    assert back.framework == sample.framework  # every field of every node, children in order
    assert back.framework.children == sample.framework.children
    assert back.settings == sample.settings
    assert back.data.units == sample.data.units
    assert back.data.values.equals(sample.data.values)
    assert back.data.groups.equals(sample.data.groups)
    assert (back.data.file, back.data.sheet, back.data.unit_rows, back.data.headers, back.data.unit_header) == (
        sample.data.file, sample.data.sheet, sample.data.unit_rows, sample.data.headers, sample.data.unit_header)
    assert back.data_table.rows == sample.data_table.rows and back.data_table.header == sample.data_table.header
    assert [p.format() for p in back.problems] == [p.format() for p in sample.problems]
    assert back.source == str(path)
    assert same_scores(compute(back), compute(sample))


def full_project() -> Project:
    """Every node field set somewhere, a denominator, group text, a date cell, missing values."""
    header = ["code", "parent", "name_zh", "name_en", "weight", "direction", "aggregation", "normalization",
              "min", "max", "target", "transform", "denominator", "unit", "source", "year", "description"]
    rows = [["R", None, "总", "Total", None, None, "geometric", None, None, None, None, None, None, None, None,
             None, "root"],
            ["D", "R", "维度", "Dim", 2, None, "harmonic", "goalposts", None, None, None, None, None, None, None,
             None, None],
            ["a", "D", "甲", "A", 1, "+", None, "goalposts", 0, 100, None, None, "pop", "人", "统计局", "2024", "x"],
            ["b", "D", "乙", "B", 3, "-", None, "minmax", None, None, None, "log", None, "%", None, None, None],
            ["E", "R", "二", "Two", 1, None, None, None, None, None, None, None, None, None, None, None, None],
            ["c", "E", "丙", "C", None, "+", None, "target", None, None, 50, None, None, None, None, None, None]]
    problems = ProblemList()
    fw = parse_framework(fw_table(rows, header), problems)
    table = data_table(["城市", "region", "since", "pop", "a", "b", "c", "extra"],
                       [["X", "north", dt.datetime(2020, 1, 2, 3, 4), 10, 50, 5, 10, 1.5],
                        ["Y", "south", dt.date(2021, 5, 6), 20, 70, 9, None, 2.5],
                        ["Z", "north", None, 40, 90, 2, 60, "n/a"],
                        ["W", None, "text", 5, None, 1, 30, 4]])
    ds = parse_data(table, fw, problems)
    s = Settings(decimals=2, aggregation="arithmetic", imputation="group_mean", imputation_group="region",
                 node_min_coverage=0.3, language="en", outliers="winsorise", winsor_max_points=3)
    validate_pair(fw, ds, s, problems)
    assert not problems.has_errors, [p.format() for p in problems.errors]
    return Project(fw, ds, s, problems, "t.xlsx", table)


def test_every_field_and_cell_type_survives(tmp_path):
    p = full_project()
    path = pf.save_project(p, tmp_path / "full.cidx",
                           extra={"scenarios": [{"name": "A", "weights": {"D": 0.5}}],
                                  "expert_inputs": {"expert1": {"D": 1.0}}, "note": "kept"})
    f = pf.read_project(path)
    back = f.project
    assert back.framework == p.framework
    assert back.framework.nodes["a"].denominator == "pop" and back.framework.nodes["b"].transform == "log"
    assert back.framework.nodes["c"].target == 50 and back.framework.nodes["R"].aggregation == "geometric"
    assert back.settings == p.settings and back.settings.language == "en"
    assert back.data_table.rows == p.data_table.rows  # datetime, date, text, None, int, float
    assert isinstance(back.data_table.rows[0][2], dt.datetime) and isinstance(back.data_table.rows[1][2], dt.date)
    assert f.scenarios == [{"name": "A", "weights": {"D": 0.5}}]
    assert f.expert_inputs == {"expert1": {"D": 1.0}}
    assert f.extra == {"note": "kept"}
    assert same_scores(compute(back), compute(p))


def test_loader_and_score_command_accept_a_project_file(sample, tmp_path):
    from core.cli import commands as cli
    path = pf.save_project(sample, tmp_path / "p.cidx")
    project, problems = load(path)
    assert project is not None and not problems.has_errors
    assert same_scores(compute(project), compute(sample))
    assert cli.run(["score", str(path), "-o", str(tmp_path / "r.xlsx")]) == 0
    # --data: the project's framework and settings over another file's data
    project2, problems2 = load(path, SAMPLE_WORKBOOK)
    assert project2 is not None and same_scores(compute(project2), compute(sample))


def test_structural_edit_after_reopening_still_reads_the_data(tmp_path):
    p = full_project()
    back = pf.load_project(pf.save_project(p, tmp_path / "s.cidx"))
    assert "extra" not in back.data.values.columns and "extra" in back.data.groups.columns
    fw = add_node(back.framework, "E", "extra", name_zh="新指标")
    edited = back.with_framework(fw)
    assert "extra" in edited.data.values.columns  # re-read from the saved data sheet
    assert edited.data.values["extra"].tolist()[:2] == [1.5, 2.5] and np.isnan(edited.data.values.loc["Z", "extra"])
    assert any(pr.kind == "non_numeric" and pr.value == "n/a" for pr in edited.problems)
    r = compute(edited)
    assert "extra" in r.normalised.columns and not np.isnan(r.scores.loc["X", "extra"])


# --- refused files, each with a message that says why --------------------------------------
def rewrite(path, doc=None, manifest=None):
    with zipfile.ZipFile(path) as z:
        m = json.loads(z.read("manifest.json"))
        d = json.loads(z.read("project.json"))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest(m) if manifest else m))
        z.writestr("project.json", doc(d) if callable(doc) else json.dumps(d))
    return path


def test_a_newer_schema_is_refused_with_that_message(sample, tmp_path):
    path = pf.save_project(sample, tmp_path / "new.cidx")

    def newer(d):
        return json.dumps(dict(d, schema_version=2, something_new=[1]))

    rewrite(path, newer, lambda m: dict(m, schema_version=2))
    with pytest.raises(InputError) as e:
        pf.load_project(path)
    assert "made by a newer version of CityIndex Studio (schema 2 > 1); update the application" in message(e)
    assert e.value.problems.items[0].file == "new.cidx"
    # the same from a plain JSON file
    plain = tmp_path / "plain.cidx"
    doc = pf.project_dict(sample)
    doc["schema_version"] = 7
    plain.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError, match=r"schema 7 > 1"):
        pf.load_project(plain)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_a_truncated_file_is_refused_clearly(sample, tmp_path, keep):
    path = pf.save_project(sample, tmp_path / "cut.cidx")
    pf.save_project(sample, path)  # so that a backup exists
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(InputError) as e:
        pf.load_project(path)
    text = message(e)
    assert "damaged or incomplete" in text and "cut.cidx.1.bak" in text
    # and through the loader, as the window and the CLI use it
    project, problems = load(path)
    assert project is None and problems.has_errors and "damaged" in problems.errors[0].message


def test_an_empty_file_and_a_stranger_are_refused(tmp_path):
    empty = tmp_path / "empty.cidx"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        pf.load_project(empty)
    other = tmp_path / "other.cidx"
    other.write_bytes(b"\x00\x01binary")
    with pytest.raises(InputError, match="not a CityIndex Studio project file"):
        pf.load_project(other)
    z = tmp_path / "zip.cidx"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="no project.json inside"):
        pf.load_project(z)


def test_hand_broken_json_says_where(sample, tmp_path):
    doc = pf.project_dict(sample)
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    lines = text.splitlines()
    k = next(i for i, line in enumerate(lines) if '"source"' in line)
    lines[k] = lines[k].rstrip(",")  # a comma deleted by hand
    broken = "\n".join(lines)
    plain = tmp_path / "hand.cidx"
    plain.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError) as e:
        pf.load_project(plain)
    err = None
    try:
        json.loads(broken)
    except json.JSONDecodeError as x:
        err = x
    assert f"not valid JSON at line {err.lineno}, column {err.colno}" in message(e)
    # the same edit inside the package (opened with a zip tool, edited, put back)
    path = pf.save_project(sample, tmp_path / "zipped.cidx")
    rewrite(path, lambda d: broken)
    with pytest.raises(InputError, match=rf"project.json is not valid JSON at line {err.lineno}, column"):
        pf.load_project(path)


@pytest.mark.parametrize("breakage, expect", [
    (lambda d: d.pop("data"), "the key 'data' is missing"),
    (lambda d: d.pop("framework"), "the key 'framework' is missing"),
    (lambda d: d["data"].pop("values"), "the key 'data.values' is missing"),
    (lambda d: d["framework"]["nodes"][3].pop("code"), "framework.nodes[3].code"),
    (lambda d: d["data"]["values"].pop(), "data.values should have 50 rows"),
    (lambda d: d.pop("schema_version"), "no valid schema_version"),
    (lambda d: d["settings"].update(decimals="many"), "setting"),
    (lambda d: d["framework"]["nodes"][1].update(parent="nowhere"), "framework inside is broken"),
])
def test_missing_or_wrong_keys_are_named(sample, tmp_path, breakage, expect):
    path = pf.save_project(sample, tmp_path / "k.cidx")

    def broken(d):
        breakage(d)
        return json.dumps(d)

    rewrite(path, broken)
    with pytest.raises(InputError) as e:
        pf.load_project(path)
    assert expect in message(e)


# --- saving: backups, atomicity, clear errors ----------------------------------------------------
def test_backups_rotate_and_three_are_kept(sample, tmp_path):
    path = tmp_path / "b.cidx"
    for d in range(5):
        pf.save_project(sample.with_settings(sample.settings.with_(decimals=d)), path)
    b1, b2, b3 = pf.backup_paths(path)
    assert [x.name for x in (b1, b2, b3)] == ["b.cidx.1.bak", "b.cidx.2.bak", "b.cidx.3.bak"]
    assert pf.load_project(path).settings.decimals == 4
    assert [pf.load_project(b).settings.decimals for b in (b1, b2, b3)] == [3, 2, 1]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "b.cidx", "b.cidx.1.bak", "b.cidx.2.bak", "b.cidx.3.bak"]


def test_a_failure_mid_save_leaves_the_previous_file_and_backups_intact(sample, tmp_path, monkeypatch):
    path = tmp_path / "m.cidx"
    pf.save_project(sample, path)
    pf.save_project(sample.with_settings(sample.settings.with_(decimals=2)), path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    real = zipfile.ZipFile.writestr

    def half(self, name, data, *a, **k):
        if name == "project.json":
            real(self, name, data[: len(data) // 2], *a, **k)  # part of the project is on disk
            raise OSError(28, "No space left on device")
        return real(self, name, data, *a, **k)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", half)
    with pytest.raises(WriteError, match="m.cidx: the disk is full"):
        pf.save_project(sample.with_settings(sample.settings.with_(decimals=3)), path)
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before  # the file and its backup byte for byte, and no temporary file
    assert pf.load_project(path).settings.decimals == 2


def test_an_error_while_building_the_file_changes_nothing(sample, tmp_path, monkeypatch):
    path = pf.save_project(sample, tmp_path / "e.cidx")
    before = path.read_bytes()

    def boom(*a, **k):
        raise RuntimeError("injected")

    monkeypatch.setattr(pf.json, "dumps", boom)
    with pytest.raises(RuntimeError):
        pf.save_project(sample, path)
    monkeypatch.undo()
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["e.cidx"]


def test_a_locked_target_gives_a_clear_write_error(sample, tmp_path, monkeypatch):
    path = pf.save_project(sample, tmp_path / "locked.cidx")
    before = path.read_bytes()
    import core.files.atomic

    real = os.replace

    def locked(src, dst):  # the project file itself is held open by another program
        if str(dst) == str(path):
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(core.files.atomic.os, "replace", locked)
    with pytest.raises(WriteError, match="cannot replace locked.cidx: it may be open in Excel or another program"):
        pf.save_project(sample, path)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    def refused(src, dst):  # nothing can be renamed in this folder
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(core.files.atomic.os, "replace", refused)
    with pytest.raises(WriteError, match="cannot save locked.cidx"):
        pf.save_project(sample, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- migrations --------------------------------------------------------------------------------
def test_schema_0_is_migrated(sample, tmp_path):
    doc = pf.project_dict(sample)
    doc["schema_version"] = 0
    path = tmp_path / "v0.cidx"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert same_scores(compute(pf.load_project(path)), compute(sample))


def test_a_migration_path_is_applied_step_by_step(sample, tmp_path, monkeypatch):
    """A fake schema 0 that called the expert inputs 'experts' and kept weights in percent."""
    calls = []

    def v0_to_v1(d):
        calls.append(d["schema_version"])
        d["expert_inputs"] = d.pop("experts")
        for n in d["framework"]["nodes"]:
            if n["weight"] is not None:
                n["weight"] = n["weight"] / 100
        return d

    monkeypatch.setitem(pf.MIGRATIONS, 0, v0_to_v1)
    p = full_project()
    doc = pf.project_dict(p)
    doc["schema_version"] = 0
    doc["experts"] = {"e1": {"D": 1}}
    del doc["expert_inputs"]
    for n in doc["framework"]["nodes"]:
        if n["weight"] is not None:
            n["weight"] *= 100
    path = tmp_path / "old.cidx"
    path.write_text(json.dumps(doc), encoding="utf-8")
    f = pf.read_project(path)
    assert calls == [0]
    assert f.expert_inputs == {"e1": {"D": 1}} and f.schema_version == 1
    assert f.project.framework.nodes["b"].weight == pytest.approx(3)
    assert same_scores(compute(f.project), compute(p))
    # a schema without a migration path is refused with a reason
    monkeypatch.delitem(pf.MIGRATIONS, 0)
    with pytest.raises(InputError, match="no migration from schema 0"):
        pf.load_project(path)


# --- autosave and recovery ------------------------------------------------------------------------
def test_recovery_files(sample, tmp_path):
    assert pf.find_recovery() == []
    proj = tmp_path / "work" / "mine.cidx"
    proj.parent.mkdir()
    untitled = pf.autosave_path(None)
    assert untitled.name == "untitled.recovery.cidx"
    assert str(untitled).startswith(str(tmp_path / "xdg"))  # platformdirs' user data folder
    a = pf.write_recovery(sample, proj)
    b = pf.write_recovery(sample.with_settings(sample.settings.with_(decimals=3)), None)
    assert a == pf.autosave_path(proj) and a.name.startswith("mine.") and b == untitled
    os.utime(a, (1, 1))  # older
    assert pf.find_recovery() == [b, a]  # newest first
    assert pf.recovery_origin(a) == str(proj.resolve()) and pf.recovery_origin(b) is None
    assert same_scores(compute(pf.load_project(a)), compute(sample))
    assert pf.load_project(b).settings.decimals == 3
    # a damaged project file names its recovery file
    pf.save_project(sample, proj, backups=False)
    proj.write_bytes(proj.read_bytes()[:100])
    with pytest.raises(InputError, match="a recovery file exists"):
        pf.load_project(proj)
    pf.discard_recovery(proj)
    pf.discard_recovery(None)
    assert pf.find_recovery() == []
    # two projects of the same name in different folders do not share a recovery file
    other = tmp_path / "elsewhere" / "mine.cidx"
    assert pf.autosave_path(other) != pf.autosave_path(proj)


def test_save_reports_progress_and_a_cancel_keeps_the_previous_file_and_backups(tmp_path, monkeypatch):
    """Issue 17: the project file is written in chunks with progress to 1.0; a cancel between chunks
    raises SaveCancelled and leaves the previous file, its backups and no temporary file."""
    import core.files.project_file as pf
    from core.files.paths import SAMPLE_WORKBOOK
    from tests.helpers import load_or_raise
    project = load_or_raise(SAMPLE_WORKBOOK)
    target = tmp_path / "p.cidx"
    pf.save_project(project, target)
    pf.save_project(project, target)  # now with one backup
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    monkeypatch.setattr(pf, "CHUNK", 4096)
    seen = []
    pf.save_project(project, target, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0) and len(seen) > 3
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    calls = []

    def cancel_on_third_check() -> bool:
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(pf.SaveCancelled):
        pf.save_project(project, target, cancelled=cancel_on_third_check)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files
