"""The fingerprint of a project with several editions covers every edition's data (under pooled or
base normalisation the earlier editions change the latest scores, so they are inputs like any other);
a one-edition project's fingerprint is what it always was."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.model.editions import Edition
from core.provenance.fingerprint import canonical, describe, diff_docs, doc_fingerprint, fingerprint
from core.provenance.verify import diff_projects
from tests.editions_fixture import write_editions_workbook
from tests.helpers import load_or_raise


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    path = write_editions_workbook(tmp_path_factory.mktemp("fp") / "ed.xlsx", labels=("2022", "2023", "2024"))
    return load_or_raise(path)


def _with_cell(project, label, unit, code, value):
    """The project with one cell of edition `label` changed."""
    editions = []
    for e in project.editions:
        if e.label == label:
            values = e.data.values.copy()
            values.at[unit, code] = value
            e = Edition(e.label, e.data.with_values(values), e.table)
        editions.append(e)
    return replace(project, editions=tuple(editions), data=editions[-1].data)


def test_the_composed_fingerprint_is_the_sha_of_the_documented_bytes(project):
    assert project.edition_labels == ("2022", "2023", "2024")
    doc = canonical(project.framework, project.settings, project.data, project.editions)
    assert doc["editions"]["labels"] == ["2022", "2023", "2024"]
    assert sorted(doc["editions"]["earlier"]) == ["2022", "2023"]  # the latest is "data"
    assert fingerprint(project.framework, project.settings, project.data, project.editions) == doc_fingerprint(doc)


def test_a_one_edition_fingerprint_has_no_editions_key(project):
    one = replace(project, editions=())
    doc = canonical(one.framework, one.settings, one.data, one.editions)
    assert "editions" not in doc
    assert fingerprint(one.framework, one.settings, one.data) == doc_fingerprint(doc)
    assert fingerprint(one.framework, one.settings, one.data, ()) == fingerprint(one.framework, one.settings, one.data)


def test_an_earlier_editions_cell_changes_the_fingerprint_and_is_named(project):
    unit, code = project.editions[0].data.units[3], project.framework.leaves[0]
    old = float(project.editions[0].data.values.at[unit, code])
    other = _with_cell(project, "2022", unit, code, old + 1.0)
    fp = fingerprint(project.framework, project.settings, project.data, project.editions)
    fp2 = fingerprint(other.framework, other.settings, other.data, other.editions)
    assert fp != fp2
    # the latest edition's data are the same: without the editions the two would look alike
    assert fingerprint(project.framework, project.settings, project.data) == \
        fingerprint(other.framework, other.settings, other.data)
    d = diff_projects(project, other)["differences"]
    assert d == [{"kind": "cell", "unit": unit, "column": code, "old": format(old, ".17g"),
                  "new": format(old + 1.0, ".17g"), "edition": "2022"}]
    assert describe(d[0], "zh").startswith("2022 版：") and unit in describe(d[0], "zh")
    assert describe(d[0], "en").startswith("edition 2022: ")


def test_a_dropped_edition_is_a_difference(project):
    fewer = replace(project, editions=project.editions[1:])
    a = canonical(project.framework, project.settings, project.data, project.editions)
    b = canonical(fewer.framework, fewer.settings, fewer.data, fewer.editions)
    kinds = [d for d in diff_docs(a, b) if d["kind"] == "editions"]
    assert kinds == [{"kind": "editions", "old": "2022, 2023, 2024", "new": "2023, 2024"}]
    assert describe(kinds[0], "zh") == "版次：2022, 2023, 2024 → 2023, 2024"


def test_verify_of_a_pooled_multi_edition_workbook_matches_and_names_a_changed_earlier_cell(tmp_path, capsys):
    """Front door: `score` writes the workbook, `verify` recomputes it from the input. Under pooled
    normalisation an earlier edition's cell changes the latest scores: verify must see it, and say
    which edition it is in."""
    import json

    from core.cli import commands as cli
    src = write_editions_workbook(tmp_path / "in.xlsx", labels=("2023", "2024"),
                                  settings={"editions_normalization": "pooled"})
    out = tmp_path / "results.xlsx"
    assert cli.run(["score", str(src), "-o", str(out)]) == 0
    assert cli.run(["verify", str(out), str(src), "--json", str(tmp_path / "v.json")]) == 0
    assert json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))["match"] is True
    p = load_or_raise(src)
    unit = p.editions[0].data.units[0]
    code = p.framework.leaves[0]
    old = float(p.editions[0].data.values.at[unit, code])
    # the largest value of that indicator over both editions, made larger: the pooled max moves
    big = float(max(e.data.values[code].max() for e in p.editions)) * 3
    changed = write_editions_workbook(tmp_path / "in2.xlsx", labels=("2023", "2024"),
                                      settings={"editions_normalization": "pooled"},
                                      change={("2023", unit, code): big})
    capsys.readouterr()
    assert cli.run(["verify", str(out), str(changed), "--json", str(tmp_path / "v2.json"), "--lang", "zh"]) == 1
    rep = json.loads((tmp_path / "v2.json").read_text(encoding="utf-8"))
    assert rep["match"] is False
    diffs = rep["input_differences"]
    assert len(diffs) == 1 and diffs[0]["edition"] == "2023", diffs
    assert (diffs[0]["kind"], diffs[0]["unit"], diffs[0]["column"]) == ("cell", unit, code)
    assert float(diffs[0]["old"]) == old and float(diffs[0]["new"]) == pytest.approx(big, rel=1e-15)
    assert rep["score_differences"]  # the latest edition's scores moved with the pooled maximum
    assert "2023 版" in capsys.readouterr().out
