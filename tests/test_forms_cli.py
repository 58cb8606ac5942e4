"""`python main.py forms`: blank expert weight forms from the command line, filled, merged back with
`panel`; and the panel dialog's one note per expert for the nodes left blank (issue 16, points 5, 11)."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.weighting.ahp import consistent_matrix

ROOT = Path(__file__).resolve().parent.parent
MAIN = [sys.executable, str(ROOT / "main.py")]


def fill_upper(ws, w):
    """The upper triangle of the consistent matrix of weights w, as an expert fills a 判断矩阵 sheet."""
    A = consistent_matrix(np.asarray(w, dtype=float))
    for i in range(len(w)):
        for j in range(i + 1, len(w)):
            ws.cell(row=i + 2, column=j + 2, value=float(A[i, j]))


def test_forms_command_writes_one_form_per_expert_that_panel_merges(tmp_path):
    out = tmp_path / "第一轮"
    p = subprocess.run(MAIN + ["forms", str(SAMPLE_WORKBOOK), "--experts", "张三,李四", "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    files = sorted(out.iterdir())
    assert [f.name for f in files] == ["张三_第1轮.xlsx", "李四_第1轮.xlsx"]
    fw = load(SAMPLE_WORKBOOK)[0].framework
    internal = [c for c in fw.preorder() if len(fw.children[c]) > 1]  # (a single child's weight is 1: not asked)
    for f, name in zip(files, ["张三", "李四"]):
        wb = openpyxl.load_workbook(f)
        assert wb.sheetnames == ["说明", "权重"] + [f"判断矩阵-{c}" for c in internal]
        info = {r[0]: r[1] for r in wb["说明"].iter_rows(values_only=True) if r and r[0]}
        assert info["专家姓名"] == name and info["轮次"] == 1
    # the experts fill the top level (two different views) and leave the rest blank
    views = {"张三": [4, 3, 2, 1, 1][:len(fw.children[fw.root])], "李四": [1, 1, 2, 3, 4][:len(fw.children[fw.root])]}
    for f, name in zip(files, ["张三", "李四"]):
        wb = openpyxl.load_workbook(f)
        fill_upper(wb[f"判断矩阵-{fw.root}"], views[name])
        wb.save(f)
    js = tmp_path / "panel.json"
    p = subprocess.run(MAIN + ["panel", *map(str, files), "--project", str(SAMPLE_WORKBOOK), "--method", "aip",
                               "--json", str(js), "--lang", "en"], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    # the nodes each expert left blank: one note per expert, not one warning per node and expert
    assert p.stderr.count("nodes left blank") == 2 and "WARNING" not in p.stderr
    merged = json.loads(js.read_text(encoding="utf-8"))["nodes"][fw.root]
    # AIP: the mean of the two experts' normalised weights, computed here by hand
    a = np.array(views["张三"], float) / sum(views["张三"])
    b = np.array(views["李四"], float) / sum(views["李四"])
    assert list(merged["weights"].values()) == pytest.approx(list((a + b) / 2), abs=1e-9)
    assert merged["n_experts"] == 2


def test_forms_command_in_english_and_wrong_usage(tmp_path):
    p = subprocess.run(MAIN + ["forms", str(SAMPLE_WORKBOOK), "--experts", "Smith", "-o", str(tmp_path),
                               "--lang", "en", "--round", "2", "--nodes", "P"],
                       capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    wb = openpyxl.load_workbook(tmp_path / "Smith_round2.xlsx")
    assert wb.sheetnames == ["instructions", "weights", "AHP-P"]
    p = subprocess.run(MAIN + ["forms", str(SAMPLE_WORKBOOK), "--experts", "A", "-o", str(tmp_path), "--nodes", "P11"],
                       capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 2 and "P11" in p.stderr


def test_help_lists_every_command():
    p = subprocess.run(MAIN + ["--help"], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0
    for cmd in ("score", "check", "template", "weights", "panel", "forms", "verify", "diff", "uncertainty",
                "audit", "score-sheets", "scores", "map", "report"):
        assert f"\n    {cmd} " in p.stdout or f"\n    {cmd}\n" in p.stdout, cmd


def test_a_broken_install_says_what_is_missing_and_exits_non_zero():
    # the window's module cannot be imported (as when a library is missing from a broken install)
    code = ("import sys, builtins\n"
            "real = builtins.__import__\n"
            "def fake(name, *a, **k):\n"
            "    if name == 'gui.app':\n"
            "        raise ModuleNotFoundError(\"No module named 'PySide6.QtSvg'\", name='PySide6.QtSvg')\n"
            "    return real(name, *a, **k)\n"
            "builtins.__import__ = fake\n"
            "import main\n"
            "sys.exit(main.main([]))\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 1
    assert "PySide6.QtSvg" in p.stderr and "not built yet" not in p.stdout + p.stderr


def test_panel_dialog_gives_one_note_per_expert_for_the_nodes_left_blank(qtbot, tmp_path):
    pytest.importorskip("PySide6")
    from PySide6.QtGui import QBrush

    from core.experts.weight_forms import write_forms
    from gui.controller import Controller
    from gui.dialogs.weight_forms_dialog import PanelDialog
    project, _ = load(SAMPLE_WORKBOOK)
    c = Controller()
    c.set_project(project)
    fw = c.framework
    paths = write_forms(fw, ["张三", "李四"], tmp_path, round_no=1, lang="zh")
    internal = [p for p in fw.preorder() if len(fw.children[p]) > 1]  # the nodes a form asks about
    for path, filled in zip(paths, (internal[:3], internal[:2])):
        wb = openpyxl.load_workbook(path)
        for node in filled:
            fill_upper(wb[f"判断矩阵-{node}"], list(range(1, len(fw.children[node]) + 1)))
        wb.save(path)
    d = PanelDialog(c)
    qtbot.addWidget(d)
    d.import_forms(paths)
    assert [f.expert for f in d.forms] == ["张三", "李四"]
    t = d.problems_table
    assert t.rowCount() == 2  # one line per expert, not one per node and expert
    for row, (expert, filled) in enumerate(zip(("张三", "李四"), (internal[:3], internal[:2]))):
        blank = [p for p in internal if p not in filled]
        assert t.item(row, 0).text() == expert
        text = t.item(row, 4).text()
        assert text.startswith(f"留空未填的节点（{len(blank)} 个）：") and ", ".join(blank) in text
        assert t.item(row, 4).background() == QBrush()  # a note: no warning colour
    assert all(q.severity == "info" for _p, q in d.problems)
