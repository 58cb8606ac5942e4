"""Editions over the years (issue 19): the two input forms, `each` scores checked by hand, trend, the JSON."""

import hashlib
import json

import numpy as np
import openpyxl
import pandas as pd
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
    printed = capsys.readouterr().out
    assert "共 2 个版次（2023, 2024）" in printed
    first = d["ranking"][0]
    assert f"   1  {first['unit']}" in printed and f"({first['rank_change']:+d})".replace("+0", "0") in printed


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


# --- pooled and base --------------------------------------------------------------------------------
def test_pooled_on_two_identical_editions_gives_identical_scores_in_both(tmp_path):
    path = write_editions_workbook(tmp_path / "y.xlsx", perturb=0, settings={"editions_normalization": "pooled"})
    project = loaded(path)
    assert project.settings.editions_normalization == "pooled"
    er = compute_editions(project)
    a, b = er.results["2023"], er.results["2024"]
    np.testing.assert_array_equal(a.scores_array, b.scores_array)
    # pooled min and max of two copies are the edition's own: the same scores as one edition alone
    np.testing.assert_allclose(a.scores_array, compute(project.for_edition("2023")).scores_array, atol=1e-9)
    step = next(st for st in a.steps if st["stage"] == "editions")
    assert step["normalization"] == "pooled"


def test_pooled_minmax_is_over_both_editions_rows(tmp_path):
    raw = raw_column("P11")
    lo, hi = min(raw.values()), max(raw.values())
    unit = sorted(raw, key=raw.get)[len(raw) // 2]
    path = write_editions_workbook(tmp_path / "y.xlsx", perturb=0, change={("2024", unit, "P11"): hi * 3},
                                   settings={"editions_normalization": "pooled"})
    er = compute_editions(loaded(path))
    a, b = er.results["2023"], er.results["2024"]
    # the pooled column: 2023's values and 2024's (the same but one) -> min lo, max 3·hi for both editions
    for u, x in raw.items():
        assert a.normalised.loc[u, "P11"] == pytest.approx(minmax(x, lo, 3 * hi), abs=1e-9)
        if u != unit:
            assert b.normalised.loc[u, "P11"] == pytest.approx(minmax(x, lo, 3 * hi), abs=1e-9)
    assert b.normalised.loc[unit, "P11"] == pytest.approx(100.0)
    assert a.normalised.loc[hi_unit(raw), "P11"] < 100.0  # 2023's best is no longer at the top of the scale


def hi_unit(raw):
    return max(raw, key=raw.get)


def test_pooled_imputation_takes_the_mean_over_all_editions(tmp_path):
    raw = raw_column("P11")
    unit = sorted(raw)[0]
    change = {("2024", unit, "P11"): None, ("2024", sorted(raw)[1], "P11"): raw[sorted(raw)[1]] + 1000.0}
    path = write_editions_workbook(tmp_path / "y.xlsx", perturb=0, change=change,
                                   settings={"editions_normalization": "pooled", "imputation": "mean"})
    er = compute_editions(loaded(path))
    values_2024 = [x + 1000.0 if u == sorted(raw)[1] else x for u, x in raw.items() if u != unit]
    want = (sum(raw.values()) + sum(values_2024)) / (len(raw) + len(values_2024))
    rec = [r for r in er.results["2024"].imputed if r["code"] == "P11"]
    assert [r["unit"] for r in rec] == [unit] and rec[0]["value"] == pytest.approx(want)
    assert er.results["2024"].treated.loc[unit, "P11"] == pytest.approx(want)


def test_base_clips_a_later_value_beyond_the_first_editions_goalposts(tmp_path):
    raw = raw_column("P11")
    lo, hi = min(raw.values()), max(raw.values())
    up, down, mid = sorted(raw, key=raw.get)[25], sorted(raw, key=raw.get)[26], sorted(raw, key=raw.get)[27]
    change = {("2024", up, "P11"): hi * 2, ("2024", down, "P11"): lo - 1.0, ("2024", mid, "P11"): (lo + hi) / 2}
    path = write_editions_workbook(tmp_path / "y.xlsx", perturb=0, change=change,
                                   settings={"editions_normalization": "base"})
    project = loaded(path)
    er = compute_editions(project)
    a, b = er.results["2023"], er.results["2024"]
    assert b.normalised.loc[up, "P11"] == 100.0  # beyond the base's max: exactly the scale maximum
    assert b.normalised.loc[down, "P11"] == 0.0  # below the base's min: exactly the minimum
    assert b.normalised.loc[mid, "P11"] == pytest.approx(50.0)  # (x − min₀) / (max₀ − min₀) · 100
    for u, x in raw.items():
        if u not in (up, down, mid):
            assert b.normalised.loc[u, "P11"] == pytest.approx(minmax(x, lo, hi), abs=1e-9)
    # the base edition itself scores as it would alone
    np.testing.assert_allclose(a.scores_array, compute(project.for_edition("2023")).scores_array, atol=1e-12)


def test_base_imputes_with_the_first_editions_mean(tmp_path):
    raw = raw_column("P11")
    unit = sorted(raw)[0]
    path = write_editions_workbook(tmp_path / "y.xlsx", perturb=0.3, change={("2024", unit, "P11"): None},
                                   settings={"editions_normalization": "base", "imputation": "mean"})
    er = compute_editions(loaded(path))
    rec = [r for r in er.results["2024"].imputed if r["code"] == "P11"]
    assert rec[0]["unit"] == unit and rec[0]["value"] == pytest.approx(sum(raw.values()) / len(raw))


def test_base_and_pooled_reweight_are_the_incremental_path(tmp_path):
    from core.model.framework_edits import set_local_share
    for mode in ("pooled", "base"):
        path = write_editions_workbook(tmp_path / f"{mode}.xlsx", settings={"editions_normalization": mode})
        project = loaded(path)
        er = compute_editions(project)
        fw = set_local_share(project.framework, "I", 0.4)
        again, full = er.reweight(fw), compute_editions(project.with_framework(fw))
        for label in er.labels:
            np.testing.assert_allclose(again.results[label].scores_array, full.results[label].scores_array,
                                       atol=1e-9)


@pytest.mark.parametrize("method", ["minmax", "zscore", "rank", "percentile", "ratio_max"])
@pytest.mark.parametrize("direction", [1, -1])
def test_normalising_against_itself_is_the_ordinary_normalisation(method, direction):
    from core.pipeline.normalise import normalise
    from core.pipeline.reference_normalise import normalise_against
    x = np.array([3.0, 7.5, np.nan, 1.0, 7.5, 12.0, 4.2])
    p = {"scale": 100.0, "low": 0.0, "target": None, "min": None, "max": None}
    np.testing.assert_allclose(normalise_against(x, x, method, direction, p), normalise(x, method, direction, p),
                               equal_nan=True)


def test_rank_against_a_reference_places_new_values_among_its_values():
    from core.pipeline.reference_normalise import normalise_against
    ref = np.array([1.0, 2.0, 3.0, 4.0, 5.0])  # ranks 1..5 -> 0, 25, 50, 75, 100
    x = np.array([0.0, 2.5, 9.0])  # below all: rank 1; above two: rank 3; above all: clipped to 5
    p = {"scale": 100.0, "low": 0.0}
    np.testing.assert_allclose(normalise_against(x, ref, "rank", 1, p), [0.0, 50.0, 100.0])
    np.testing.assert_allclose(normalise_against(x, ref, "percentile", 1, p), [20.0, 60.0, 100.0])


def test_outliers_follow_the_mode(tmp_path):
    from core.pipeline.treat import treat
    settings = {"outliers": "winsorise"}
    base = loaded(write_editions_workbook(tmp_path / "b.xlsx", perturb=0.3,
                                          settings=dict(settings, editions_normalization="base")))
    er = compute_editions(base)
    a, b = er.results["2023"], er.results["2024"]
    winsorised = [c for c, rec in a.outliers.items() if rec["action"] == "winsorised"]
    assert winsorised
    for code in winsorised:  # later editions clipped to the base edition's treated range
        lo, hi = np.nanmin(a.treated[code]), np.nanmax(a.treated[code])
        x = b.raw[code].to_numpy()
        np.testing.assert_allclose(b.treated[code].to_numpy(), np.clip(x, lo, hi), equal_nan=True)
    pooled = loaded(write_editions_workbook(tmp_path / "p.xlsx", perturb=0.3,
                                            settings=dict(settings, editions_normalization="pooled")))
    er = compute_editions(pooled)
    # the rule applied once to the stacked column of both editions, then split
    stacked = pd.concat([er.results[label].raw for label in er.labels], keys=er.labels)
    treated, records, _ = treat(stacked, "winsorise", 5, 2.0, 3.5)
    for label in er.labels:
        assert {c: r["action"] for c, r in er.results[label].outliers.items()} == \
            {c: r["action"] for c, r in records.items()}
        for code in records:
            if not pooled.framework.nodes[code].transform:
                np.testing.assert_allclose(er.results[label].treated[code].to_numpy(),
                                           treated.loc[label][code].to_numpy(), equal_nan=True)


# --- is a move larger than the uncertainty? (issue 19, point 6) ---------------------------------------
def test_a_move_inside_both_intervals_is_not_real():
    from core.analysis.trend_uncertainty import is_real_move
    assert not is_real_move(12, 10, (9, 14), (8, 13))  # 12 inside (8, 13) and 10 inside (9, 14)
    assert is_real_move(12, 10, (11, 13), (8, 13))  # 10 is outside last year's (11, 13)
    assert is_real_move(30, 5, (25, 35), (3, 8))
    assert not is_real_move(7, 7, (7, 7), (7, 7))


def test_rank_moves_tell_a_jump_from_a_shuffle(tmp_path):
    from core.analysis.trend_uncertainty import rank_moves
    header, rows = sample_rows()
    codes = [c for c in header[1:] if c not in ("region", "province")]
    best = {c: max(float(r[header.index(c)]) for r in rows if isinstance(r[header.index(c)], (int, float)))
            for c in codes}
    er0 = compute_editions(loaded(write_editions_workbook(tmp_path / "a.xlsx", perturb=0)))
    jumper = er0.latest.ranking()[30]["unit"]  # 31st in both; in 2024 the best on every indicator
    change = {("2024", jumper, c): best[c] for c in codes}
    er = compute_editions(loaded(write_editions_workbook(tmp_path / "b.xlsx", perturb=0, change=change)))
    moves = rank_moves(er, runs=300, seed=1, perturb=0.2)
    m = moves[jumper]
    assert m.rank_from == 31 and m.rank_to == 1 and m.change == 30 and m.real is True
    # a unit pushed down one place by the jumper (its score unchanged) has not really moved
    shuffled = [u for u, mv in moves.items() if mv.change == -1 and mv.real is False]
    assert shuffled
    for u in shuffled:
        mv = moves[u]
        assert mv.interval_to[0] <= mv.rank_from <= mv.interval_to[1]
        assert mv.interval_from[0] <= mv.rank_to <= mv.interval_from[1]


# --- edits of a multi-edition project -------------------------------------------------------------------
def test_a_data_edit_changes_the_latest_edition_and_keeps_the_others(tmp_path):
    from core.model.data_edits import with_data_values
    project = loaded(write_editions_workbook(tmp_path / "y.xlsx", change={("2023", "苏州", "P12"): None}))
    before = [p for p in project.problems if p.kind == "missing" and p.unit == "苏州"]
    assert [p.args["edition"] for p in before] == ["2023"]
    edited = with_data_values(project, {("苏州", "P11"): None})
    assert edited.edition_labels == ("2023", "2024") and edited.data is edited.editions[-1].data
    assert np.isnan(edited.editions[-1].data.values.loc["苏州", "P11"])
    assert edited.editions[0] is project.editions[0]
    missing = {(p.args["edition"], p.code, p.row) for p in edited.problems if p.kind == "missing" and p.unit == "苏州"}
    header, rows = sample_rows()
    k = [r[0] for r in rows].index("苏州")
    # 2023's problem is kept; 2024's new one names its row in the shared sheet (header, 50 rows of 2023, …)
    assert missing == {("2023", "P12", 2 + k), ("2024", "P11", 52 + k)}
    er = compute_editions(edited)
    assert np.isnan(er.results["2024"].normalised.loc["苏州", "P11"])


def test_reimporting_a_multi_edition_file_rereads_every_edition(tmp_path):
    from core.files.loader import reimport_data
    project = loaded(write_editions_workbook(tmp_path / "a.xlsx"))
    again, problems = reimport_data(project, write_editions_workbook(tmp_path / "b.xlsx", form="sheets",
                                                                     labels=("2022", "2023", "2024")))
    assert again is not None and not problems.has_errors
    assert again.edition_labels == ("2022", "2023", "2024") and again.data is again.editions[-1].data


def test_a_framework_edit_rereads_every_edition(tmp_path):
    from core.model.framework_edits import remove_node
    project = loaded(write_editions_workbook(tmp_path / "y.xlsx"))
    fw = remove_node(project.framework, "P11")
    edited = project.with_framework(fw)
    assert edited.edition_labels == ("2023", "2024")
    er = compute_editions(edited)
    assert all("P11" not in er.results[label].normalised.columns for label in er.labels)


def test_the_mode_is_described_for_readers_in_both_languages(tmp_path):
    from core.text.editions_texts import describe_steps
    er = compute_editions(loaded(write_editions_workbook(tmp_path / "y.xlsx",
                                                         settings={"editions_normalization": "base"})))
    zh, en = describe_steps(er.latest.steps, "zh"), describe_steps(er.latest.steps, "en")
    assert zh.startswith("历年标准化方式：以首版为基准标准化。") and "第一版（2023）" in zh and "截至量表端点" in zh
    assert en.startswith("editions normalised: on the first edition's goalposts. ") and "(2023)" in en
    assert describe_steps(compute(loaded(SAMPLE_WORKBOOK)).steps, "zh") == ""


def test_an_older_edition_sheet_without_an_indicators_column_has_it_missing(tmp_path):
    path = write_editions_workbook(tmp_path / "s.xlsx", form="sheets")
    wb = openpyxl.load_workbook(path)
    ws = wb["数据2023"]
    j = [c.value for c in ws[1]].index("P11") + 1
    ws.delete_cols(j)
    wb.save(path)
    project, problems = load(path)
    assert not problems.has_errors
    w = [p for p in problems if p.kind == "no_data_column"]
    assert len(w) == 1 and w[0].severity == "warning" and "2023 版" in w[0].format("zh")
    er = compute_editions(project)
    assert np.isnan(er.results["2023"].normalised["P11"]).all()
    assert list(er.results["2023"].normalised.columns) == list(er.results["2024"].normalised.columns)


def test_a_project_file_over_a_multi_edition_data_file_reads_every_edition(tmp_path):
    """`INPUT.cidx --data FILE` takes its data as an input workbook's are taken: a data file of
    several editions gives every edition (it used to read one sheet, or none for per-edition sheets)."""
    from core.files.loader import load
    from core.files.project_file import save_document
    from core.model.document import Document
    from tests.editions_fixture import write_editions_workbook
    from tests.helpers import load_or_raise
    cidx = tmp_path / "p.cidx"
    save_document(Document(load_or_raise("data/sample_ai_cities.xlsx")), cidx)
    for form in ("year", "sheets"):
        data = write_editions_workbook(tmp_path / f"ed_{form}.xlsx", labels=("2023", "2024"), form=form)
        project, problems = load(cidx, data)
        assert project is not None and not problems.has_errors, [p.format() for p in problems.errors]
        direct = load_or_raise(data)
        assert project.edition_labels == direct.edition_labels == ("2023", "2024")
        for a, b in zip(project.editions, direct.editions):
            assert a.data.values.equals(b.data.values), (form, a.label)
