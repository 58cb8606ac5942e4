"""`weights` and `panel` as a user runs them (DESIGN §4)."""

import json

import numpy as np
import openpyxl
import pytest

from core.cli import commands as cli
from core.experts.weight_forms import write_expert_form
from core.files.paths import DEFAULT_FRAMEWORK, SAMPLE_WORKBOOK
from core.files.readers import read_csv
from core.model.framework import parse_framework
from core.model.problems import ProblemList
from core.weighting.ahp import ahp_weights
from core.weighting.dispatch import WEIGHT_METHODS, compute_weights


def run(*args):
    return cli.run([str(a) for a in args])


def default_framework():
    return parse_framework(read_csv(DEFAULT_FRAMEWORK), ProblemList())


@pytest.mark.parametrize("method", ["entropy", "entropy_minmax", "critic", "stdev", "pca", "equal"])
def test_weights_data_methods_json_shape(tmp_path, capsys, method):
    js = tmp_path / "w.json"
    assert run("weights", SAMPLE_WORKBOOK, "--method", method, "--json", js) == 0
    d = json.loads(js.read_text(encoding="utf-8"))
    assert d["method"] == method
    fw = default_framework()
    internal = [c for c in fw.preorder() if fw.children[c]]
    assert list(d["nodes"]) == internal  # every internal node, root first
    for p, e in d["nodes"].items():
        assert list(e["weights"]) == list(fw.children[p])
        assert sum(e["weights"].values()) == pytest.approx(1.0)
        assert "error" not in e
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("AICI: P ")


def test_weights_entropy_matches_the_engine(tmp_path):
    from core.files.loader import load
    js = tmp_path / "w.json"
    assert run("weights", SAMPLE_WORKBOOK, "--method", "entropy", "--json", js) == 0
    d = json.loads(js.read_text(encoding="utf-8"))
    project, _ = load(SAMPLE_WORKBOOK)
    direct = compute_weights(project, "entropy")
    assert d["nodes"]["T2"]["weights"] == pytest.approx(direct["nodes"]["T2"]["weights"])
    assert set(d["nodes"]["T2"]["figures"]) >= {"e", "d", "units", "dropped"}
    assert d["nodes"]["T2"]["formula"]["zh"].startswith("熵权法")


def test_weights_ahp_reads_the_ahp_sheets(tmp_path, capsys):
    book = tmp_path / "in.xlsx"
    wb = openpyxl.load_workbook(SAMPLE_WORKBOOK)
    ws = wb.create_sheet("AHP-AICI")
    kids = ["P", "I", "T", "A", "E"]
    ws.append(["", *kids])
    # Saaty-scale judgements, upper triangle only, one as a text fraction
    rows = [["P", 1, 2, "1/3", "1/2", 3], ["I", None, 1, "1/4", "1/3", 2], ["T", None, None, 1, 2, 5],
            ["A", None, None, None, 1, 4], ["E", None, None, None, None, 1]]
    for r in rows:
        ws.append(r)
    wb.save(book)
    js = tmp_path / "w.json"
    assert run("weights", book, "--method", "ahp", "--json", js, "--lang", "en") == 0
    d = json.loads(js.read_text(encoding="utf-8"))
    A = np.array([[1, 2, 1 / 3, 1 / 2, 3], [1 / 2, 1, 1 / 4, 1 / 3, 2], [3, 4, 1, 2, 5], [2, 3, 1 / 2, 1, 4],
                  [1 / 3, 1 / 2, 1 / 5, 1 / 4, 1]])
    ref = ahp_weights(A)
    e = d["nodes"]["AICI"]
    assert list(e["weights"].values()) == pytest.approx(ref["weights"], abs=1e-12)
    assert e["lambda_max"] == pytest.approx(ref["lambda_max"]) and e["ci"] == pytest.approx(ref["ci"])
    assert e["cr"] == pytest.approx(ref["cr"]) and e["cr"] < 0.1
    # nodes without a sheet keep their weights and say so
    assert d["nodes"]["P"]["kept"] is True and "no sheet 'AHP-P'" in d["nodes"]["P"]["note"]
    assert d["nodes"]["P"]["weights"] == {"P1": 0.5, "P2": 0.5}
    out = capsys.readouterr().out
    assert "CR" in out and "kept" in out


def test_weights_ahp_with_a_broken_sheet_exits_1(tmp_path, capsys):
    book = tmp_path / "in.xlsx"
    wb = openpyxl.load_workbook(SAMPLE_WORKBOOK)
    ws = wb.create_sheet("AHP-P")
    ws.append(["", "P1", "P2"])
    ws.append(["P1", 1, 0])
    ws.append(["P2", None, 1])
    wb.save(book)
    assert run("weights", book, "--method", "ahp", "--lang", "en") == 1
    err = capsys.readouterr().err
    assert "sheet 'AHP-P'" in err and "C2" in err


def test_weights_usage_errors(capsys):
    assert run("weights", SAMPLE_WORKBOOK, "--method", "nonsense") == 2
    assert "entropy" in capsys.readouterr().err
    assert set(WEIGHT_METHODS) == {"equal", "ahp", "entropy", "entropy_minmax", "critic", "stdev", "pca"}
    with pytest.raises(SystemExit) as e:
        run("panel")
    assert e.value.code == 2


def fill_form(path, judgements):
    wb = openpyxl.load_workbook(path)
    for sheet, cells in judgements.items():
        ws = wb[sheet]
        for ref, v in cells.items():
            ws[ref] = v
    wb.save(path)


def test_panel_merges_two_forms(tmp_path, capsys):
    fw = default_framework()
    f1, f2 = tmp_path / "张三.xlsx", tmp_path / "李四.xlsx"
    write_expert_form(fw, "张三", f1, nodes=["AICI", "P"], lang="en")
    write_expert_form(fw, "李四", f2, nodes=["AICI", "P"], lang="en")
    # AHP-P: P1 vs P2. AHP-AICI: P I T A E, the first row only (the rest left to equal importance)
    fill_form(f1, {"AHP-P": {"C2": "3"},
                   "AHP-AICI": {"C2": 2, "D2": 1, "E2": 1, "F2": 1, "D3": 1, "E3": 1, "F3": 1, "E4": 1,
                                "F4": 1, "F5": 1}})
    fill_form(f2, {"AHP-P": {"C2": "1/2"},
                   "AHP-AICI": {"C2": 1, "D2": 1, "E2": 1, "F2": 1, "D3": "1/2", "E3": 1, "F3": 1, "E4": 1,
                                "F4": 1, "F5": 1}})
    js = tmp_path / "panel.json"
    assert run("panel", f1, f2, "--method", "aij", "--json", js, "--lang", "en") == 0
    d = json.loads(js.read_text(encoding="utf-8"))
    assert d["method"] == "aij" and [e["expert"] for e in d["experts"]] == ["张三", "李四"]
    # AIJ for P: geometric mean of 3 and 1/2 = √1.5; weights √1.5/(1 + √1.5)
    g = 1.5 ** 0.5
    assert d["nodes"]["P"]["weights"] == pytest.approx({"P1": g / (1 + g), "P2": 1 / (1 + g)})
    assert d["nodes"]["P"]["experts"]["张三"]["weights"] == pytest.approx({"P1": 0.75, "P2": 0.25})
    # two experts ranking two items oppositely: W = 0
    assert d["nodes"]["P"]["kendall_w"] == pytest.approx(0.0)
    assert d["nodes"]["AICI"]["kendall_w"] is not None and 0 <= d["nodes"]["AICI"]["kendall_w"] <= 1
    assert d["nodes"]["AICI"]["p_value"] is not None
    assert sum(d["nodes"]["AICI"]["weights"].values()) == pytest.approx(1.0)
    out = capsys.readouterr().out
    assert "2 form(s) merged by AIJ" in out and "Kendall W" in out
    js2 = tmp_path / "aip.json"
    assert run("panel", f1, f2, "--method", "aip", "--json", js2) == 0
    d2 = json.loads(js2.read_text(encoding="utf-8"))
    assert d2["nodes"]["P"]["weights"] == pytest.approx({"P1": (0.75 + 1 / 3) / 2, "P2": (0.25 + 2 / 3) / 2})


def test_panel_with_a_broken_form_merges_the_others_and_exits_1(tmp_path, capsys):
    fw = default_framework()
    forms = []
    for name, v in (("张三", "3"), ("李四", "2"), ("王五", "-2")):
        f = tmp_path / f"{name}.xlsx"
        write_expert_form(fw, name, f, nodes=["P"], lang="en")
        fill_form(f, {"AHP-P": {"C2": v}})
        forms.append(f)
    js = tmp_path / "panel.json"
    assert run("panel", *forms, "--json", js, "--lang", "en") == 1
    err = capsys.readouterr().err
    assert "expert 王五" in err and "AHP-P" in err and "C2" in err
    d = json.loads(js.read_text(encoding="utf-8"))
    assert [e["expert"] for e in d["experts"]] == ["张三", "李四"]
    assert d["excluded"][0]["file"] == "王五.xlsx"
    g = 6 ** 0.5
    assert d["nodes"]["P"]["weights"] == pytest.approx({"P1": g / (1 + g), "P2": 1 / (1 + g)})


def test_panel_with_project_framework(tmp_path):
    from core.files.loader import load
    project, _ = load(SAMPLE_WORKBOOK)
    f = tmp_path / "a.xlsx"
    write_expert_form(project.framework, "甲", f, nodes=["P"], lang="en")
    fill_form(f, {"AHP-P": {"C2": 4}})
    assert run("panel", f, "--project", SAMPLE_WORKBOOK) == 0


def test_ahp_inputs_lists_the_matrices_of_the_input_and_whether_they_are_used(tmp_path):
    """The report's AHP notes (core.weighting.dispatch.ahp_inputs): one per AHP-<node> sheet. P1 three times as
    important as P2 gives P1 3/4, P2 1/4 (a consistent 2 × 2 matrix: λmax = 2, CI = 0); the sample weighs P's
    children 1/2 each, so the matrix is not the one in use; 1 (equal importance) is."""
    from core.files.loader import load
    from core.weighting.dispatch import ahp_inputs

    sample, _ = load(SAMPLE_WORKBOOK)
    assert ahp_inputs(sample) == []  # the sample has no AHP sheet
    for judgement, weights, used in ((3, {"P1": 0.75, "P2": 0.25}, False), (1, {"P1": 0.5, "P2": 0.5}, True)):
        book = tmp_path / f"ahp{judgement}.xlsx"
        wb = openpyxl.load_workbook(SAMPLE_WORKBOOK)
        ws = wb.create_sheet("AHP-P")
        ws.append(["", "P1", "P2"])
        ws.append(["P1", 1, judgement])
        ws.append(["P2", None, 1])
        wb.save(book)
        project, _ = load(book)
        (found,) = ahp_inputs(project)
        assert (found["node"], found["sheet"], found["used"]) == ("P", "AHP-P", used)
        note = found["note"]
        assert note["kind"] == "ahp" and note["weights"] == pytest.approx(weights, abs=1e-12)
        assert note["lambda_max"] == pytest.approx(2.0) and note["ci"] == pytest.approx(0.0, abs=1e-12)
