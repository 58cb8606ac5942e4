"""Hostile inputs met in the QA pass over methods and editions: each is refused with a message naming
its file, sheet, row and column (in `check` and in the window's problems list), never silently scored.

* grey_rho 0: the message named only the sheet;
* bod_min_share too large for a node's children (k·L > 1): every unit scored 0 and all tied at rank 1;
* two sheets for one edition (数据2023 and data_2023): one of them was silently dropped;
* a year cell without a digit ("去年"): sorted after every year, it silently became the latest edition.
"""

from __future__ import annotations

import openpyxl
import pytest

from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.model.method_checks import infeasible_bod_nodes
from tests.editions_fixture import write_editions_workbook


def with_settings(path, values: dict, node_aggregation: dict | None = None):
    """The sample with settings rows replaced or added, and some nodes' aggregation set; returns
    {key: excel row} of the settings sheet."""
    wb = openpyxl.load_workbook(SAMPLE_WORKBOOK)
    ws = wb["设置"]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for k, v in values.items():
        if k not in rows:
            rows[k] = ws.max_row + 1
            ws.cell(rows[k], 1, k)
        ws.cell(rows[k], 2, v)
    if node_aggregation:
        fw = wb["指标体系"]
        header = [c.value for c in fw[1]]
        col = next(j for j, h in enumerate(header) if str(h).strip().lower() in ("aggregation", "聚合")) + 1
        for r in range(2, fw.max_row + 1):
            if fw.cell(r, 1).value in node_aggregation:
                fw.cell(r, col, node_aggregation[fw.cell(r, 1).value])
    wb.save(path)
    return rows


def errors(path):
    """(project, its errors): a project with errors is refused by `check`, `score` and the window."""
    project, problems = load(path)
    return project, [p for p in problems if p.severity == "error"]


def test_grey_rho_zero_names_its_row_and_column(tmp_path):
    rows = with_settings(tmp_path / "g.xlsx", {"aggregation": "grey", "grey_rho": 0})
    project, errs = errors(tmp_path / "g.xlsx")
    assert len(errs) == 1
    e = errs[0]
    assert (e.file, e.sheet, e.row, e.column) == ("g.xlsx", "设置", rows["grey_rho"], "value")


def test_bod_min_share_no_node_can_meet_is_an_error_at_its_cell(tmp_path):
    # P has two children: shares of at least 0.6 each add up to 1.2 > 1, no weights satisfy them
    rows = with_settings(tmp_path / "b.xlsx", {"bod_min_share": 0.6}, {"P": "bod"})
    project, errs = errors(tmp_path / "b.xlsx")
    assert len(errs) == 1
    e = errs[0]
    assert (e.file, e.sheet, e.row, e.column) == ("b.xlsx", "设置", rows["bod_min_share"], "value")
    assert e.args["nodes"] == "P (2)"


def test_bod_share_bounds_at_the_edge_of_feasible_are_accepted_and_score(tmp_path):
    # 0.5 × 2 children = 1: one solution (equal shares), the node's score is the plain mean of y
    with_settings(tmp_path / "b.xlsx", {"bod_min_share": 0.5}, {"P": "bod"})
    project, errs = errors(tmp_path / "b.xlsx")
    assert not errs
    from core.pipeline.run import compute
    r = compute(project)
    p = r.scores["P"].dropna()
    assert (p > 0).all() and p.nunique() > 10


def test_bod_max_share_too_small_for_a_node_is_an_error(tmp_path):
    # A2 has 7 children: at most 0.1 each gives 0.7 < 1
    rows = with_settings(tmp_path / "m.xlsx", {"bod_max_share": 0.1}, {"A2": "bod"})
    project, errs = errors(tmp_path / "m.xlsx")
    assert [e.row for e in errs] == [rows["bod_max_share"]]
    assert "A2 (7)" in errs[0].args["nodes"]


def test_infeasible_nodes_follow_the_children_count():
    project, _ = load(SAMPLE_WORKBOOK)
    fw, s = project.framework, project.settings.with_(aggregation="bod", bod_min_share=0.25)
    # 0.25 · k > 1 only for k ≥ 5 children
    expected = sorted(c for c in fw.internal if len(fw.children[c]) >= 5)
    assert sorted(c for c, _ in infeasible_bod_nodes(fw, s)) == expected and expected


def test_two_sheets_for_one_edition_are_an_error(tmp_path):
    path = write_editions_workbook(tmp_path / "d.xlsx", labels=("2023", "2024"), form="sheets")
    wb = openpyxl.load_workbook(path)
    wb.copy_worksheet(wb["数据2023"]).title = "data_2023"
    wb.save(path)
    project, errs = errors(path)
    assert [e.kind for e in errs] == ["editions_same_label"]
    assert errs[0].args["sheets"] == "数据2023, data_2023" and errs[0].file == "d.xlsx"


def test_a_year_cell_without_a_digit_is_an_error_at_its_cell(tmp_path):
    path = write_editions_workbook(tmp_path / "t.xlsx", labels=("去年", "2024"))
    project, errs = errors(path)
    assert [e.kind for e in errs] == ["edition_label_not_year"]
    e = errs[0]
    ws = openpyxl.load_workbook(path)["数据"]
    assert (e.sheet, e.column) == ("数据", "year") and ws.cell(e.row, 2).value == "去年"
    assert e.row == 2  # the first row holding it


def test_a_year_written_with_its_character_is_ordered_as_a_year(tmp_path):
    path = write_editions_workbook(tmp_path / "n.xlsx", labels=("2023年", "2024"))
    project, errs = errors(path)
    assert not errs and [e.label for e in project.editions] == ["2023年", "2024"]


@pytest.mark.parametrize("lang,expected", [("zh", "第 {row} 行，列「value」"), ("en", "row {row}, column 'value'")])
def test_check_command_names_the_cell_of_an_infeasible_bod_share(tmp_path, lang, expected):
    import subprocess
    import sys
    rows = with_settings(tmp_path / "b.xlsx", {"aggregation": "bod", "bod_min_share": 0.6})
    out = subprocess.run([sys.executable, "main.py", "check", str(tmp_path / "b.xlsx"), "--lang", lang],
                         capture_output=True, text=True)
    assert out.returncode == 1
    line = next(x for x in out.stdout.splitlines() if "bod_min_share" in x)
    assert expected.format(row=rows["bod_min_share"]) in line
    assert ("无法满足" in line) == (lang == "zh")


def test_the_chinese_window_lists_the_infeasible_share_at_its_cell(sample_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.No))
    rows = with_settings(tmp_path / "b.xlsx", {"bod_min_share": 0.6}, {"P": "bod"})
    assert not sample_window.open_path(tmp_path / "b.xlsx")
    m = sample_window.problems.model
    texts = [" ".join(str(m.data(m.index(r, c)) or "") for c in range(m.columnCount()))
             for r in range(m.rowCount())]
    line = next(t for t in texts if "bod_min_share" in t)
    assert f"第 {rows['bod_min_share']} 行" in line and "无法满足" in line and "P (2)" in line


def test_the_window_refuses_making_a_node_bod_when_its_shares_cannot_be_met(sample_window, tmp_path):
    # bod_min_share 0.3 is fine while no node uses bod; AICI (5 children: 5 × 0.3 > 1) made bod in the
    # tree's aggregation column scored every unit 0 — now the edit is refused with the reason
    from gui.models.tree_model import COL_AGGREGATION
    with_settings(tmp_path / "s.xlsx", {"bod_min_share": 0.3})
    w = sample_window
    assert w.open_path(tmp_path / "s.xlsx", background=False)
    before = w.controller.result.scores["AICI"].copy()
    m = w.tree.model
    idx = next(m.index(r, COL_AGGREGATION) for r in range(m.rowCount())
               if m.index(r, 0).data() == "AICI")
    assert not m.setData(idx, "bod")
    assert w.controller.framework.nodes["AICI"].aggregation == ""
    assert (w.controller.result.scores["AICI"] == before).all()
    refused = m.last_problems.errors[0]
    assert refused.args["variant"] == "bod_min_infeasible" and refused.args["nodes"] == "AICI (5)"
    # P (2 children: 2 × 0.3 ≤ 1) can be made bod
    idx = next(m.index(r, COL_AGGREGATION, m.index(0, 0)) for r in range(m.rowCount(m.index(0, 0)))
               if m.index(r, 0, m.index(0, 0)).data() == "P")
    assert m.setData(idx, "bod")
    assert w.controller.framework.nodes["P"].aggregation == "bod"


def test_a_project_file_with_share_bounds_no_bod_node_can_meet_is_refused_through_open(
        sample_window, monkeypatch, tmp_path):
    # A .cidx edited by hand (or written before the check): BoD everywhere, each child at least 30 %
    # of the weight — the index's five dimensions cannot (5 × 0.3 > 1). Opened through File → Open it
    # is refused with the setting named, as the workbook would be; the open project stays open.
    from dataclasses import replace

    from PySide6.QtWidgets import QFileDialog

    from core.files import project_file as pf
    from core.model.problems import InputError
    w = sample_window
    before = w.controller.project
    bad = replace(before, settings=before.settings.with_(aggregation="bod", bod_min_share=0.3))
    path = pf.save_project(bad, tmp_path / "手改.cidx")
    with pytest.raises(InputError) as e:
        pf.read_project(path)
    assert any(p.kind == "bad_setting" and "bod_min" in p.message for p in e.value.problems)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    w.act_open.trigger()
    assert w.controller.project is before
    shown = [w.problems.model.items[i] for i in range(len(w.problems.model.items))]
    assert any(p.kind == "bad_setting" and p.file == "手改.cidx" for p in shown)
