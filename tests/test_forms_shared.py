"""What weight forms and score sheets share (core/experts/forms.py, gui/dialogs/expert_forms_dialog.py):
one first sheet read by one reader, one rule for file names in a folder, one way to split names, and
two dialogs that behave alike where they are alike."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from core.experts.forms import (
    EXPERT_KEYS,
    FP_KEYS,
    framework_fingerprint,
    numbered_path,
    open_form,
    split_names,
)
from core.experts.score_sheets import write_score_sheet
from core.experts.weight_forms import write_expert_form
from core.files.loader import load
from core.model.problems import Problem, ProblemList

from .score_sheet_helpers import SF_TARGETS, write_input


@pytest.fixture
def project(tmp_path):
    p, problems = load(write_input(tmp_path / "input.xlsx"))
    assert p is not None and not problems.has_errors
    return p


@pytest.fixture
def both(tmp_path, project):
    """A weight form and a score sheet written for the same expert and framework."""
    wf, ss = tmp_path / "weights.xlsx", tmp_path / "scores.xlsx"
    write_expert_form(project.framework, "张三", wf)
    write_score_sheet(project.framework, SF_TARGETS, "张三", ss)
    return wf, ss


def test_both_first_sheets_have_the_same_head_and_one_reader_reads_them(both, project):
    fp = framework_fingerprint(project.framework)
    for path in both:
        ws = load_workbook(path)["说明"]
        # title row 1 (bold, 14 pt), row 2 empty, keys from row 3 in bold; the fingerprint in row 6
        assert ws["A1"].font.bold and ws["A1"].font.size == 14
        assert all(c.value is None for c in ws[2])
        assert (ws["A3"].value, ws["B3"].value) == ("专家姓名", "张三") and ws["A3"].font.bold
        assert (ws["A6"].value, ws["B6"].value) == ("指标体系校验码", fp) and ws["A6"].font.bold
        problems = ProblemList()
        rf = open_form(path, problems)
        assert not list(problems)
        assert rf.expert() == "张三" and rf.info_sheet == "说明"
        assert rf.get(FP_KEYS) == (fp, 6)
        assert rf.get(EXPERT_KEYS) == ("张三", 3)


def test_a_file_that_is_not_a_workbook_is_a_problem_naming_the_file(tmp_path):
    bad = tmp_path / "not_a_form.xlsx"
    bad.write_text("this is not a workbook", encoding="utf-8")
    problems = ProblemList()
    assert open_form(bad, problems) is None
    assert problems.has_errors and all(p.file == "not_a_form.xlsx" for p in problems.errors)


def test_a_new_file_never_replaces_an_old_one(tmp_path):
    first = tmp_path / "张三_评分表.xlsx"
    assert numbered_path(first) == first
    first.touch()
    second = numbered_path(first)
    assert second.name == "张三_评分表 (2).xlsx"
    second.touch()
    assert numbered_path(first).name == "张三_评分表 (3).xlsx"
    # the weight forms' names: each number added to the name tried before
    assert numbered_path(first, stacked=True).name == "张三_评分表 (2) (3).xlsx"


def test_names_split_on_every_separator_a_secretary_types():
    text = "张三, 李四\n王五，赵六、张三;孙七；周八\r\n  \n"
    assert split_names(text) == ["张三", "李四", "王五", "赵六", "张三", "孙七", "周八"]
    assert split_names(text, unique=True) == ["张三", "李四", "王五", "赵六", "孙七", "周八"]
    assert split_names("") == [] and split_names(None) == []


def test_a_problem_names_its_expert_and_cell_the_same_way_in_both_dialogs():
    from gui.dialogs.expert_forms_dialog import problem_cell, problem_expert
    p = Problem("error", "ahp_not_reciprocal", "expert 王五: cells C2 and B3 are not reciprocal", sheet="AHP-T",
                row=3, column="T1", args={"expert": "王五"})
    assert problem_expert(p, "file") == "王五" and problem_cell(p) == "C2, B3"
    q = Problem("error", "score_no_info", "sheet file x.xlsx: there is no '说明' sheet", row=4, column="B")
    assert problem_expert(q, "x") == "x" and problem_cell(q) == "4 · B"


@pytest.mark.parametrize("module, cls", [("gui.dialogs.weight_forms_dialog", "PanelDialog"),
                                         ("gui.dialogs.score_sheets_dialog", "ScoreSheetsDialog")])
def test_both_dialogs_refuse_to_write_without_names_and_read_files_once(module, cls, qtbot, tmp_path, project):
    import importlib

    from gui.controller import Controller
    from gui.dialogs.expert_forms_dialog import ExpertFormsDialog
    c = Controller()
    c.set_project(project)
    d = getattr(importlib.import_module(module), cls)(c)
    qtbot.addWidget(d)
    assert isinstance(d, ExpertFormsDialog)
    d.folder_edit.setText(str(tmp_path / "out"))
    d.export_btn.click()  # no names typed
    assert d.export_log.text() == "Enter the experts' names first."
    assert not (tmp_path / "out").exists()
    # the same file added twice is read once
    junk = tmp_path / "junk.xlsx"
    junk.write_text("no", encoding="utf-8")
    d.add_files([junk])
    d.add_files([junk, junk])
    assert d.paths == [junk] and len(d.read) == 1 and d.read[0][1] is None
    d.clear_files()
    assert d.paths == [] and d.read == []
