"""Editions over the years (issue 19): the two input forms, `each` scores checked by hand, trend, the JSON."""

import hashlib
import json

import numpy as np
import openpyxl
import pytest

from core.analysis.trend import trend
from core.cli import commands as cli
from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.files.project_file import load_project, save_project
from core.pipeline.editions import compute_editions
from core.pipeline.run import compute
from tests.editions_fixture import sample_rows, write_editions_workbook

# the sample's --json as main wrote it before editions existed (COMMON.md)
SAMPLE_JSON_MD5 = "1e45baa839af031f103d1d2120616387"


def loaded(path):
    project, problems = load(path)
    assert project is not None and not problems.has_errors, [p.format() for p in problems.errors]
    return project


def raw_column(code: str) -> dict[str, float]:
    """The sample's raw values of one indicator, read straight from the workbook (not by the engine)."""
    header, rows = sample_rows()
    j = header.index(code)
    return {r[0]: float(r[j]) for r in rows if isinstance(r[j], (int, float))}


def minmax(x: float, lo: float, hi: float) -> float:
    return (x - lo) / (hi - lo) * 100.0


# --- input ----------------------------------------------------------------------------------------
def test_both_forms_give_two_editions_oldest_first_with_the_latest_as_data(tmp_path):
    for form in ("year", "sheets"):
        p = loaded(write_editions_workbook(tmp_path / f"{form}.xlsx", labels=("2024", "2023"), form=form))
        assert p.edition_labels == ("2023", "2024")
        assert p.data is p.editions[-1].data
        assert "year" not in p.data.groups.columns  # the year column is the edition, not a group
        assert len(p.data.units) == 50


def test_year_column_and_sheet_per_edition_give_identical_results(tmp_path):
    a = compute_editions(loaded(write_editions_workbook(tmp_path / "y.xlsx", form="year")))
    b = compute_editions(loaded(write_editions_workbook(tmp_path / "s.xlsx", form="sheets")))
    assert a.labels == b.labels == ("2023", "2024")
    for label in a.labels:
        assert a.results[label].ranking() == b.results[label].ranking()


def test_problems_name_the_edition_and_the_row_of_the_sheet(tmp_path):
    path = write_editions_workbook(tmp_path / "y.xlsx", change={("2024", "苏州", "P11"): "abc"})
    project, problems = load(path)
    bad = [p for p in problems.errors if p.kind == "non_numeric"]
    assert len(bad) == 1
    # the year-column sheet: 50 rows of 2023 after the header, then 2024's; 苏州 is the sample's row k
    header, rows = sample_rows()
    k = [r[0] for r in rows].index("苏州")
    assert bad[0].row == 2 + 50 + k and bad[0].sheet == "数据" and bad[0].unit == "苏州"
    assert bad[0].format("zh").startswith(f"错误：y.xlsx，工作表「数据」，第 {52 + k} 行")
    assert "2024 版：" in bad[0].format("zh") and "edition 2024: " in bad[0].format("en")


def test_a_duplicate_unit_and_year_names_both_rows(tmp_path):
    path = write_editions_workbook(tmp_path / "y.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["数据"]
    ws.append([ws.cell(3, c).value for c in range(1, ws.max_column + 1)])  # row 3 (2023's second unit) again
    last = ws.max_row
    wb.save(path)
    _, problems = load(path)
    dup = [p for p in problems.errors if p.kind == "duplicate_unit"]
    assert len(dup) == 1 and dup[0].row == last and dup[0].args["first_row"] == 3
    assert "2023 版" in dup[0].format("zh") and "第 3 行" in dup[0].format("zh")


def test_a_row_without_a_year_is_an_error_at_its_cell(tmp_path):
    path = write_editions_workbook(tmp_path / "y.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["数据"].cell(5, 2).value = None
    wb.save(path)
    _, problems = load(path)
    e = [p for p in problems.errors if p.kind == "edition_label_missing"]
    assert len(e) == 1 and e[0].row == 5 and e[0].column == "year"


def test_a_unit_absent_from_an_edition_is_listed_and_has_no_rank_there(tmp_path):
    header, rows = sample_rows()
    all_units = tuple(r[0] for r in rows)
    path = write_editions_workbook(tmp_path / "y.xlsx", units={"2024": all_units[:-1]})
    project, problems = load(path)
    gone = all_units[-1]
    info = [p for p in problems if p.kind == "edition_unit_absent"]
    assert [(p.unit, p.args["edition"]) for p in info] == [(gone, "2024")]
    t = trend(compute_editions(project))
    assert t.ranks[gone]["2024"] is None and t.ranks[gone]["2023"] is not None
    assert t.change(gone) is None and t.units[-1] == gone


def test_an_indicator_without_data_in_an_older_edition_is_missing_there_not_zero(tmp_path):
    header, rows = sample_rows()
    change = {("2023", r[0], "P11"): None for r in rows}
    project, problems = load(write_editions_workbook(tmp_path / "y.xlsx", change=change, perturb=0))
    assert not problems.has_errors
    w = [p for p in problems if p.kind == "empty_indicator"]
    assert len(w) == 1 and w[0].severity == "warning" and w[0].args["edition"] == "2023"
    er = compute_editions(project)
    assert np.isnan(er.results["2023"].normalised["P11"]).all()  # missing, never 0
    assert not np.isnan(er.results["2024"].normalised["P11"]).any()


def test_a_workbook_with_both_forms_is_an_error(tmp_path):
    path = write_editions_workbook(tmp_path / "s.xlsx", form="sheets")
    wb = openpyxl.load_workbook(path)
    wb.copy_worksheet(wb["数据2023"]).title = "数据"
    wb.save(path)
    _, problems = load(path)
    assert [p.kind for p in problems.errors] == ["editions_two_forms"]


def test_a_sheet_named_like_data_notes_is_not_an_edition():
    from core.files.editions_input import edition_label_of_sheet
    assert edition_label_of_sheet("数据2023") == "2023" and edition_label_of_sheet("data_2023") == "2023"
    assert edition_label_of_sheet("Data 2022") == "2022" and edition_label_of_sheet("数据_第一期") == "第一期"
    assert edition_label_of_sheet("数据说明") is None and edition_label_of_sheet("datasources") is None
    assert edition_label_of_sheet("数据") is None


def test_the_project_file_keeps_the_editions(tmp_path):
    project = loaded(write_editions_workbook(tmp_path / "y.xlsx"))
    save_project(project, tmp_path / "p.cidx", backups=False)
    back = load_project(tmp_path / "p.cidx")
    assert back.edition_labels == ("2023", "2024")
    assert back.data is back.editions[-1].data
    a, b = compute_editions(project), compute_editions(back)
    for label in a.labels:
        assert a.results[label].ranking() == b.results[label].ranking()
    # the rows keep their Excel numbers (problems in the re-read sheet still point at the right row)
    assert back.editions[-1].table.row_numbers == project.editions[-1].table.row_numbers


def test_an_older_project_file_without_editions_loads_as_before(tmp_path):
    project = loaded(SAMPLE_WORKBOOK)
    save_project(project, tmp_path / "p.cidx", backups=False)
    back = load_project(tmp_path / "p.cidx")
    assert back.editions == () and back.edition_labels == ()


# --- each: scores by hand -------------------------------------------------------------------------
def _second_changed(tmp_path, unit, value):
    path = write_editions_workbook(tmp_path / "y.xlsx", perturb=0, change={("2024", unit, "P11"): value})
    return compute_editions(loaded(path))


def test_each_a_change_that_moves_no_min_or_max_leaves_every_other_score(tmp_path):
    raw = raw_column("P11")
    lo, hi = min(raw.values()), max(raw.values())
    inner = sorted(raw, key=raw.get)[len(raw) // 2]  # a unit neither the min nor the max
    new = (raw[inner] + hi) / 2  # still inside (lo, hi)
    er = _second_changed(tmp_path, inner, new)
    a, b = er.results["2023"], er.results["2024"]
    assert b.normalised.loc[inner, "P11"] == pytest.approx(minmax(new, lo, hi), abs=1e-9)
    assert a.normalised.loc[inner, "P11"] == pytest.approx(minmax(raw[inner], lo, hi), abs=1e-9)
    others = [u for u in a.units if u != inner]
    np.testing.assert_allclose(b.scores.loc[others].to_numpy(), a.scores.loc[others].to_numpy(), atol=1e-9)
    # the changed unit's index moved by its effective weight times the change of its normalised value
    w = a.effective["P11"]
    assert b.scores.loc[inner, "AICI"] - a.scores.loc[inner, "AICI"] == pytest.approx(
        w * (minmax(new, lo, hi) - minmax(raw[inner], lo, hi)), abs=1e-9)


def test_each_a_change_beyond_the_max_rescales_every_other_unit(tmp_path):
    raw = raw_column("P11")
    lo, hi = min(raw.values()), max(raw.values())
    mover = sorted(raw, key=raw.get)[len(raw) // 2]
    new_hi = hi * 2  # the new maximum of 2024
    er = _second_changed(tmp_path, mover, new_hi)
    a, b = er.results["2023"], er.results["2024"]
    w = a.effective["P11"]
    assert b.normalised.loc[mover, "P11"] == pytest.approx(100.0)
    for u, x in raw.items():
        if u == mover:
            continue
        n1, n2 = minmax(x, lo, hi), minmax(x, lo, new_hi)  # (x − min) / (max − min) · 100
        assert a.normalised.loc[u, "P11"] == pytest.approx(n1, abs=1e-9)
        assert b.normalised.loc[u, "P11"] == pytest.approx(n2, abs=1e-9)
        # arithmetic means all the way up: the index moves by the effective weight times that change
        assert b.scores.loc[u, "AICI"] - a.scores.loc[u, "AICI"] == pytest.approx(w * (n2 - n1), abs=1e-9)
    hi_unit = max(raw, key=raw.get)
    assert b.scores.loc[hi_unit, "AICI"] < a.scores.loc[hi_unit, "AICI"]  # no longer at the max


def test_each_edition_is_what_compute_gives_on_that_editions_data_alone(tmp_path):
    project = loaded(write_editions_workbook(tmp_path / "y.xlsx", labels=("2022", "2023", "2024")))
    er = compute_editions(project)
    assert er.labels == ("2022", "2023", "2024") and er.previous("2024") == "2023" and er.previous("2022") is None
    for label in er.labels:
        alone = compute(project.for_edition(label))
        np.testing.assert_array_equal(er.results[label].scores_array, alone.scores_array)
        step = next(st for st in er.results[label].steps if st["stage"] == "editions")
        assert step == {"stage": "editions", "normalization": "each", "editions": ["2022", "2023", "2024"],
                        "edition": label}


def test_reweight_updates_every_edition_as_a_full_compute_would(tmp_path):
    project = loaded(write_editions_workbook(tmp_path / "y.xlsx"))
    er = compute_editions(project)
    from core.model.framework_edits import set_local_share
    fw = set_local_share(project.framework, "P", 0.5)
    again = er.reweight(fw)
    full = compute_editions(project.with_framework(fw))
    for label in er.labels:
        np.testing.assert_allclose(again.results[label].scores_array, full.results[label].scores_array, atol=1e-9)
        assert again.results[label].normalised is er.results[label].normalised  # not re-normalised


# --- trend and the headless commands --------------------------------------------------------------
def test_trend_ranks_and_change_follow_each_editions_ranking(tmp_path):
    er = compute_editions(loaded(write_editions_workbook(tmp_path / "y.xlsx", perturb=0.4)))
    t = trend(er)
    ranks = {label: {e["unit"]: e["rank"] for e in er.results[label].ranking()} for label in er.labels}
    assert t.units == tuple(e["unit"] for e in er.latest.ranking())
    moved = 0
    for u in t.units:
        assert t.ranks[u] == {"2023": ranks["2023"][u], "2024": ranks["2024"][u]}
        assert t.change(u) == ranks["2023"][u] - ranks["2024"][u]
        moved += t.change(u) != 0
    assert moved > 5  # the fixture's editions do move


def test_score_json_of_two_editions(tmp_path, capsys):
    path = write_editions_workbook(tmp_path / "y.xlsx", perturb=0.4)
    out = tmp_path / "s.json"
    assert cli.run(["score", str(path), "-o", str(tmp_path / "s.xlsx"), "--json", str(out)]) == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert list(d["editions"]) == ["2023", "2024"]
    prev = {e["unit"]: e["rank"] for e in d["editions"]["2023"]["ranking"]}
    assert [e["unit"] for e in d["ranking"]] == [e["unit"] for e in d["editions"]["2024"]["ranking"]]
    for e in d["ranking"]:
        assert e["previous_rank"] == prev[e["unit"]]
        assert e["rank_change"] == prev[e["unit"]] - e["rank"]
    assert set(d["editions"]["2023"]["ranking"][0]) == {"unit", "rank", "score", "nodes"}


def test_score_json_of_a_unit_new_this_edition_has_null_previous_rank(tmp_path):
    header, rows = sample_rows()
    units = tuple(r[0] for r in rows)
    path = write_editions_workbook(tmp_path / "y.xlsx", units={"2023": units[1:]})
    out = tmp_path / "s.json"
    assert cli.run(["score", str(path), "-o", str(tmp_path / "s.xlsx"), "--json", str(out)]) == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    new = next(e for e in d["ranking"] if e["unit"] == units[0])
    assert new["previous_rank"] is None and new["rank_change"] is None


def test_one_edition_json_is_byte_identical_to_before(tmp_path):
    out = tmp_path / "s.json"
    assert cli.run(["score", str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "s.xlsx"), "--json", str(out)]) == 0
    assert hashlib.md5(out.read_bytes()).hexdigest() == SAMPLE_JSON_MD5
    # a year column holding one year only is that one edition: the same document
    one = write_editions_workbook(tmp_path / "one.xlsx", labels=("2024",))
    out1 = tmp_path / "one.json"
    assert cli.run(["score", str(one), "-o", str(tmp_path / "one.xlsx"), "--json", str(out1)]) == 0
    assert out1.read_bytes() == out.read_bytes()


def test_trend_command_prints_and_writes_the_issues_json(tmp_path, capsys):
    path = write_editions_workbook(tmp_path / "y.xlsx", perturb=0.4)
    out = tmp_path / "t.json"
    assert cli.run(["trend", str(path), "--json", str(out)]) == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["editions"] == ["2023", "2024"] and d["node"] == "AICI"
    er = compute_editions(loaded(path))
    first = d["units"][0]
    assert first["unit"] == er.latest.ranking()[0]["unit"] and first["ranks"]["2024"] == 1
    assert set(first) == {"unit", "ranks", "scores"}
    printed = capsys.readouterr().out
    assert "2023 名次" in printed and "2024 得分" in printed and "变化" in printed
    assert cli.run(["trend", str(path), "--node", "P", "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "2023 rank" in printed and "at P" in printed


def test_trend_wrong_usage_says_so_in_chinese_and_exits_2(tmp_path, capsys):
    assert cli.run(["trend", str(SAMPLE_WORKBOOK)]) == 2
    assert "只有一个版次" in capsys.readouterr().err
    path = write_editions_workbook(tmp_path / "y.xlsx")
    assert cli.run(["trend", str(path), "--node", "NOPE"]) == 2
    assert "NOPE" in capsys.readouterr().err
    assert cli.run(["trend", str(SAMPLE_WORKBOOK), "--lang", "en"]) == 2
    assert "one edition only" in capsys.readouterr().err
