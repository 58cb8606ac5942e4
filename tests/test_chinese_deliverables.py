"""What a Chinese user receives carries no English word of the engine's own (issue 16, point 4).

The results workbook, the expert weight forms, the score sheets and the report draft are built in
Chinese from the sample project; every cell and paragraph is searched for the engine's own terms —
method keys, problem kinds, and words such as "expert", "round", "sheet". Codes (P11…), unit names,
file names, numbers and user-provided text (the framework's English names) are not searched: the
terms are matched as whole lower-case words, and the user's own texts are blanked out first.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK

# the engine's own words: method keys, problem kinds, and the words of its English messages
TERMS = (
    "minmax", "zscore", "arithmetic", "geometric", "entropy", "entropy_minmax", "critic", "stdev", "pca",
    "aij", "aip", "eigen", "winsor", "log1p", "missing", "non_numeric", "number_as_text", "duplicate_unit",
    "empty_unit", "empty cell", "expert", "experts", "round", "panel", "weights", "weight", "sheet", "row",
    "column", "error", "warning", "value", "scale", "decimals", "imputation", "outliers", "normalization",
    "aggregation", "direction", "manual", "equal", "indicator", "unit", "none", "true", "false", "judgement",
)
WORD = re.compile(r"(?<![A-Za-z_])(" + "|".join(sorted(map(re.escape, TERMS), key=len, reverse=True))
                  + r")(?![A-Za-z_])")


@pytest.fixture(scope="module")
def sample():
    project, _ = load(SAMPLE_WORKBOOK)
    return project


def user_texts(project) -> list[str]:
    """Texts the user wrote (names, units, sources, descriptions): blanked out before searching."""
    out = []
    for n in project.framework.nodes.values():
        out += [n.name_en, n.unit, n.source, n.description if hasattr(n, "description") else ""]
    return sorted({t for t in out if t}, key=len, reverse=True)


def english_terms(texts, project) -> list[tuple[str, str]]:
    mine = user_texts(project)
    found = []
    for where, t in texts:
        s = str(t)
        for u in mine:
            s = s.replace(u, "")
        for m in WORD.finditer(s):
            found.append((where, m.group(1), str(t)[:120]))
    return found


def workbook_texts(path: Path) -> list[tuple[str, str]]:
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue  # hidden machine sheets (_verify) hold the canonical JSON, not text for people
        out.append((f"{path.name}: sheet name", ws.title))
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    out.append((f"{path.name}!{ws.title}!{c.coordinate}", c.value))
    return out


def test_expert_weight_forms_are_chinese(sample, tmp_path):
    from core.experts.weight_forms import write_forms
    paths = write_forms(sample.framework, ["张三", "李四"], tmp_path, lang="zh")
    assert [p.name for p in paths] == ["张三_第1轮.xlsx", "李四_第1轮.xlsx"]
    texts = [t for p in paths for t in workbook_texts(p)]
    assert len(texts) > 100
    assert english_terms(texts, sample) == []


def test_score_sheets_are_chinese(tmp_path):
    from core.experts.score_sheets import write_score_sheets
    from tests.score_sheet_helpers import SF_EXPERTS, SF_TARGETS, write_input
    project, problems = load(write_input(tmp_path / "in.xlsx"))
    assert project is not None, [p.message for p in problems]
    paths = write_score_sheets(project.framework, SF_TARGETS, SF_EXPERTS[:2], tmp_path / "sheets")
    texts = [t for p in paths for t in workbook_texts(p)]
    assert english_terms(texts, project) == []


def test_problem_messages_and_the_check_are_chinese(sample):
    from core.text.problem_texts import format_problem, kind_name
    texts = [("check", format_problem(p, "zh")) for p in sample.problems]
    texts += [("kind", kind_name(p.kind, "zh")) for p in sample.problems]
    assert len(texts) == 8
    assert english_terms(texts, sample) == []


def test_weight_sources_are_chinese(sample):
    from core.weighting.sources import DATA_METHODS, ahp_source, data_source, panel_source
    texts = [("panel", panel_source(m, 2, "1", "zh")) for m in ("aij", "aip")]
    texts += [("ahp", ahp_source(m, 0.073, "zh")) for m in ("eigen", "geometric", "arithmetic")]
    texts += [("data", data_source(m, "zh")) for m in DATA_METHODS]
    assert panel_source("aij", 2, "1", "zh") == "专家组（AIJ 判断矩阵几何平均），2 位专家，第 1 轮"
    assert ahp_source("eigen", 0.073, "zh") == "层次分析法（特征向量法），CR = 0.073"
    assert data_source("entropy", "zh") == "熵权法"
    assert english_terms(texts, sample) == []


def test_results_workbook_is_chinese(sample, tmp_path):
    from core.outputs.results_workbook import write_results
    from core.pipeline.run import compute
    out = tmp_path / "评价结果.xlsx"
    write_results(compute(sample), out, data=sample.data)
    found = english_terms(workbook_texts(out), sample)
    assert found == [], found[:20]


def test_results_workbook_data_quality_sheet_is_chinese(sample, tmp_path):
    from core.outputs.results_workbook import write_results
    from core.pipeline.run import compute
    out = tmp_path / "评价结果.xlsx"
    write_results(compute(sample), out, data=sample.data)
    texts = [t for t in workbook_texts(out) if "!数据质量!" in t[0]]
    assert any("空单元格：大连 的「T32」没有数值" in t for _w, t in texts)
    assert english_terms(texts, sample) == []


def test_report_draft_is_chinese(sample, tmp_path, qtbot):
    pytest.importorskip("PySide6")
    import docx

    from core.outputs.report_facts import ReportOptions
    from core.pipeline.run import compute
    from gui.charts.report_charts import make_report
    out = tmp_path / "评价报告草稿.docx"
    make_report(compute(sample), sample, out, ReportOptions(lang="zh"))
    d = docx.Document(str(out))
    texts = [("paragraph", p.text) for p in d.paragraphs]
    texts += [("table", c.text) for t in d.tables for row in t.rows for c in row.cells]
    assert len(texts) > 50
    found = english_terms(texts, sample)
    assert found == [], found[:20]


def test_qt_own_dialogs_speak_the_language_switched_live(qtbot):
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

    from gui.text.i18n import Languages
    langs = Languages.for_app(QApplication.instance())
    tr = QCoreApplication.translate
    assert langs.set_language("zh")
    assert tr("QFileDialog", "Look in:") == "查找范围："
    assert tr("QFileDialog", "Files of type:") == "文件类型："
    d = QFileDialog(None, "", "", "*.xlsx")
    d.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(d)
    # the dialog as a user sees it (Qt 6 labels it "&Look in:", which qtbase_zh_CN.qm lacks)
    assert d.findChild(QLabel, "lookInLabel").text() == "查找范围(&L)："
    assert d.findChild(QLabel, "fileTypeLabel").text() == "文件类型(&T)："
    assert d.findChild(QLabel, "fileNameLabel").text() == "文件名称(&N)："
    langs.set_language("en")
    assert tr("QFileDialog", "Look in:") == "Look in:" and tr("QFileDialog", "&Look in:") == "&Look in:"
    langs.set_language("zh")
    assert tr("QFileDialog", "Look in:") == "查找范围："


def test_bundle_keeps_qt_chinese_translations():
    """build.spec prunes Qt's translations: it must keep qtbase_zh_CN.qm (Qt's own dialogs)."""
    spec = (Path(__file__).resolve().parent.parent / "build.spec").read_text(encoding="utf-8")
    m = re.search(r'QT_LANGS = re.compile\((r"[^"]+")\)', spec)
    assert m, "build.spec no longer names the Qt translations it keeps"
    keep = re.compile(eval(m.group(1)))  # noqa: S307 - a raw string literal of our own spec file
    assert keep.search("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not keep.search("PySide6/Qt/translations/qtbase_de.qm")


@pytest.mark.parametrize("lang,names", [
    ("zh", ("评价结果.xlsx", "城市指数项目.cidx", "评价报告草稿.docx")),
    ("en", ("results.xlsx", "project.cidx", "report.docx"))])
def test_save_dialogs_offer_names_in_the_language(qtbot, monkeypatch, lang, names):
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QFileDialog

    from gui.main_window import MainWindow
    w = MainWindow(lang=lang, remember=False)
    w._ask_unsaved = lambda: "discard"
    qtbot.addWidget(w)
    assert w.open_default()
    from gui.dialogs.report_export import export_report
    offered = []

    def cancel(parent, caption, start, *rest, **kw):  # the user reads the name offered, then cancels
        offered.append(Path(start).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(cancel))
    w.act_export.trigger()
    w.act_save_as.trigger()
    export_report(w, w.controller)  # File → Export report draft (its menu wiring is another point of the issue)
    assert offered == list(names)


@pytest.mark.parametrize("stored", ["panel AIJ, 2 experts, round 1",  # as older project files hold it
                                    "expert panel (AIJ, geometric mean of the judgements), 2 experts, round 1",
                                    "专家组（AIJ 判断矩阵几何平均），2 位专家，第 1 轮"])
def test_weight_source_in_the_workbook_follows_the_workbook_language(sample, tmp_path, stored):
    from core.outputs.results_workbook import write_results
    from core.pipeline.run import compute
    fw = sample.framework
    kids = fw.children[fw.root]
    project = sample.with_framework(fw.with_weights({k: 1.0 + i for i, k in enumerate(kids)}, source=stored))
    out = tmp_path / "w.xlsx"
    write_results(compute(project), out, data=project.data)
    texts = [t for _w, t in workbook_texts(out)]
    assert "专家组（AIJ 判断矩阵几何平均），2 位专家，第 1 轮" in texts
    assert not any("panel AIJ" in t or "experts, round" in t for t in texts)
