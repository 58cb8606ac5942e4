"""Issue 21 in the report draft and the window's export (point 5, point 1's outputs), through the front doors:
`python main.py report` on the sample → the .docx read back: one interval sentence per dimension weight in the
method section, its numbers weight_stability's rounded inward to whole percents (checked here by hand); each
TOP-10 city's profile lists its strengths and weaknesses as strengths_weaknesses gives them. The window's
Export results (its menu action, the file dialog answered) writes the 稳健性 sheet for the window's TOP N."""

from __future__ import annotations

import math

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from core.analysis.contributions import strengths_weaknesses
from core.analysis.stability import weight_stability
from core.pipeline.run import compute

pytestmark = pytest.mark.gui

TOP = 10


@pytest.fixture(scope="module")
def result(project):
    return compute(project)


@pytest.fixture(scope="module")
def doc(qapp, tmp_path_factory):
    from core.files.paths import SAMPLE_WORKBOOK
    from gui.headless import report_command as report_cli
    out = tmp_path_factory.mktemp("why") / "report.docx"
    assert report_cli.run([str(SAMPLE_WORKBOOK), "-o", str(out), "--top", str(TOP), "--appendix-rows", "5"]) == 0
    return Document(str(out))


def section(doc, heading: str, level: int) -> list[str]:
    """The paragraphs after `heading` up to the next heading of the same or a higher level."""
    out, inside = [], False
    for el in doc.element.body.iterchildren():
        if el.tag != qn("w:p"):
            continue
        p = Paragraph(el, doc._body)
        style = p.style.name if p.style is not None else ""
        if style.startswith("Heading "):
            if inside and int(style.split()[-1]) <= level:
                break
            if p.text == heading:
                inside = True
                continue
        if inside:
            out.append(p.text)
    return out


def test_method_section_states_each_dimension_weights_interval(doc, result):
    fw = result.framework
    paras = section(doc, "（五）权重的稳健性", 2)
    assert paras, "no stability part in the method section"
    st = weight_stability(result, TOP)["weights"]
    text = "\n".join(paras)
    for c in fw.children[fw.root]:
        e = st[c]
        # whole percents rounded inward: every printed weight keeps the TOP 10 (1e-4 points: the search's precision)
        lo, hi = math.ceil(100 * e["low"] - 1e-4), math.floor(100 * e["high"] + 1e-4)
        assert 100 * e["low"] - 1e-4 <= lo < 100 * e["current"] < hi <= 100 * e["high"] + 1e-4
        cur = f"{100 * e['current']:.0f}%"
        sentence = f"{fw.nodes[c].name_zh}的权重在 {lo}%–{hi}% 之间变动时，前十名及其顺序不变（当前为 {cur}）"
        assert sentence in text, sentence
        line = next(p for p in paras if p.startswith(sentence))
        if e["at_low"]:
            assert f"再降低，{e['at_low'][1]}将首先超过{e['at_low'][0]}" in line
        else:
            assert "权重降至 0% 前十名仍不变" in line
        if e["at_high"]:
            assert f"再提高，{e['at_high'][1]}将首先超过{e['at_high'][0]}" in line
        else:
            assert "权重升至 100% 前十名仍不变" in line


def test_city_profiles_list_strengths_and_weaknesses(doc, result):
    fw = result.framework
    ranked = [result.units[i] for i in result.rank_order()[0][:TOP]]
    h3 = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 3"]
    assert len(h3) == TOP
    for k, (heading, unit) in enumerate(zip(h3, ranked), start=1):
        assert heading.startswith(f"{k}. {unit}：")
        lines = [p for p in section(doc, heading, 3) if "优势指标：" in p]
        assert len(lines) == 1, heading
        line = lines[0]
        sw = strengths_weaknesses(result, unit)
        assert f"综合排名（第 {sw['rank']} 名）相差至少 {sw['threshold']} 名计" in line
        strengths, weaknesses = line.split("；短板指标：")
        for part, key in ((strengths, "strengths"), (weaknesses, "weaknesses")):
            for e in sw[key]:
                assert f"{fw.nodes[e['code']].name_zh}（{e['code']}，第 {e['rank']} 名）" in part, (unit, e)
            if not sw[key]:
                assert part.split("：")[-1].startswith("无"), (unit, part)
        listed = sum(f"（{c}，第" in line for c in fw.leaves)
        assert listed == len(sw["strengths"]) + len(sw["weaknesses"])
    assert any("；短板指标：无" not in p for h in h3 for p in section(doc, h, 3) if "优势指标：" in p)


def test_window_export_writes_the_stability_sheet_for_its_top_n(sample_window, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    win = sample_window
    win.ranking.top.setValue(5)
    out = tmp_path / "r.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warned.append(a)))
    win.act_export.trigger()
    task = win._tasks[-1]
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert not warned
    wb = openpyxl.load_workbook(out)
    ws = wb["稳健性"]
    assert "前 5 名" in ws["A1"].value
    st = weight_stability(win.controller.result, 5)["weights"]
    rows = [r for r in ws.iter_rows(min_row=3, values_only=True) if r[0]]
    assert [r[0] for r in rows] == [c for c in win.controller.result.framework.preorder() if c in st]
    for r in rows:
        assert (r[5], r[6]) == pytest.approx((st[r[0]]["low"], st[r[0]]["high"]), rel=1e-15, abs=1e-15)
    assert "优势与短板" in wb.sheetnames


def test_window_report_states_the_intervals_of_the_weights_as_they_now_are(sample_window, tmp_path, qtbot,
                                                                            monkeypatch):
    """A weight set through the controller, the TOP N set to 5 in the ranking, then Export → report draft (the
    menu action, the dialog answered): the sentences are weight_stability's for those weights and that N."""
    import re

    from PySide6.QtWidgets import QFileDialog
    win, c = sample_window, sample_window.controller
    c.set_share("P", 0.3)  # its siblings absorb the change
    c.flush()
    win.ranking.top.setValue(5)
    out = tmp_path / "draft.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    win.act_export_report.trigger()
    qtbot.waitUntil(out.exists, timeout=120000)
    paras = section(Document(str(out)), "（五）权重的稳健性", 2)
    r = c.result
    assert r.local["P"] == pytest.approx(0.3)
    st = weight_stability(r, 5)["weights"]
    for code in r.framework.children[r.framework.root]:
        e, name = st[code], r.framework.nodes[code].name_zh
        (line,) = [p for p in paras if p.startswith(name + "的权重")]
        if e["at_low"] is None and e["at_high"] is None:
            assert "0%–100% 之间任意变动，前五名及其顺序均不变" in line
            continue
        m = re.match(name + r"的权重在 ([\d.]+)%–([\d.]+)% 之间变动时，前五名及其顺序不变（当前为 ([\d.]+)%）", line)
        assert m, line
        lo, hi, cur = (float(x) for x in m.groups())
        assert 100 * e["low"] - 1e-4 <= lo < cur < hi <= 100 * e["high"] + 1e-4, (code, line, e)
        assert cur == pytest.approx(100 * e["current"], abs=0.5)
