"""Issue 19 point 5 through the front doors: `main.py score` and `main.py report` on a two-edition workbook, and the
window's two export actions on it. The 历年排名 sheet's ranks and changes, and the report's movement sentences, are
checked against ranks computed independently — a plain compute() of each edition's Project — and sentences built
here by hand; a one-edition output stays as it was."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from docx import Document

from core.cli import commands as cli
from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.pipeline.run import compute
from tests.editions_fixture import write_editions_workbook

LABELS = ("2023", "2024")


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    return write_editions_workbook(tmp_path_factory.mktemp("ed") / "two.xlsx", labels=LABELS, perturb=0.4)


@pytest.fixture(scope="module")
def ranks(workbook):
    """{edition: {unit: rank}} and {edition: {unit: score}} from plain compute() on each edition alone."""
    project, problems = load(workbook)
    assert project is not None and not problems.has_errors and project.edition_labels == LABELS
    r, s = {}, {}
    for label in LABELS:
        rows = compute(project.for_edition(label)).ranking()
        r[label] = {x["unit"]: x["rank"] for x in rows}
        s[label] = {x["unit"]: x["score"] for x in rows}
    return r, s


def tied(ranks: dict, unit: str) -> bool:
    return sum(1 for v in ranks.values() if v == ranks[unit]) > 1


def expected_sentence(r: dict, unit: str, top: int = 10) -> str:
    """The city profile's movement sentence, written out from the two rankings (two editions: an entry into
    the TOP 10 is the first one)."""
    a, b = r["2023"][unit], r["2024"][unit]
    tie_a = "并列" if tied(r["2023"], unit) else ""
    tie_b = "并列" if tied(r["2024"], unit) else ""
    if a == b:
        text = f"{unit}与上年排名持平（{tie_b}第{b}位）"
    else:
        up = a > b
        text = (f"{unit}较上年{'上升' if up else '下降'}{abs(a - b)}位（由{tie_a}第{a}位{'升' if up else '降'}至"
                f"{tie_b}第{b}位）")
    if b <= top < a:
        text += "，首次进入前十"
    return text + "。"


def sheet_rows(path, title="历年排名"):
    ws = openpyxl.load_workbook(path)[title]
    head = [c.value for c in ws[4]]
    return head, [[c.value for c in row] for row in ws.iter_rows(min_row=5) if row[0].value is not None]


def check_sheet(path, ranks):
    r, s = ranks
    head, rows = sheet_rows(path)
    assert head == ["城市", "2023", "2024", "2023", "2024", "2024", "2024较上年"]
    assert sorted(row[0] for row in rows) == sorted(r["2024"])  # every unit once
    assert [row[2] for row in rows] == sorted(row[2] for row in rows)  # the latest edition's rank order
    moved = 0
    for unit, r23, r24, s23, s24, change, _words in rows:
        assert (r23, r24) == (r["2023"].get(unit), r["2024"].get(unit))
        assert s23 == pytest.approx(s["2023"][unit]) and s24 == pytest.approx(s["2024"][unit])
        assert change == r["2023"][unit] - r["2024"][unit]  # previous − current
        moved += change != 0
    assert moved  # the fixture's editions do move
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    line = [x for x in charts if "<c:lineChart>" in x and "历年排名!" in x]
    assert len(line) == 1 and line[0].count("<c:ser>") == 10 and '<c:orientation val="maxMin"/>' in line[0]


def test_score_writes_the_ranks_by_edition_sheet(workbook, ranks, tmp_path):
    out = tmp_path / "s.xlsx"
    assert cli.run(["score", str(workbook), "-o", str(out)]) == 0
    check_sheet(out, ranks)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[1] == "历年排名"
    methods = [[c.value for c in row] for row in wb["方法说明"].iter_rows(max_col=3)]
    assert ["设置", "历年标准化方式", "各版分别标准化"] in methods
    assert any(row[1] == "历年得分的读法" and "名次可比" in row[2] for row in methods)
    # one edition: no such sheet
    one = tmp_path / "one.xlsx"
    assert cli.run(["score", str(SAMPLE_WORKBOOK), "-o", str(one)]) == 0
    assert "历年排名" not in openpyxl.load_workbook(one, read_only=True).sheetnames


@pytest.fixture(scope="module")
def report(qapp, workbook, tmp_path_factory):
    from gui.headless import report_command as report_cli

    out = tmp_path_factory.mktemp("edr") / "r.docx"
    assert report_cli.run([str(workbook), "-o", str(out), "--top", "10", "--appendix-rows", "5"]) == 0
    return Document(str(out))


def test_report_says_how_each_top_city_moved(report, ranks):
    r, _s = ranks
    texts = [p.text for p in report.paragraphs]
    top = [u for u, k in r["2024"].items() if k is not None and k <= 10]
    movers = [u for u in top if r["2023"][u] != r["2024"][u]]
    assert movers
    for unit in top:  # every TOP-10 city's profile states its move, as computed here
        assert expected_sentence(r, unit) in texts, unit
    assert "（二）排名变化（2023—2024年）" in texts and "（三）TOP 10 城市特点" in texts
    assert any(t.endswith("2023—2024年各版排名（2024年前 10 名城市）") for t in texts)
    summary = next(t for t in texts if t.startswith("与上年相比，前 10 名中"))
    for unit in movers:
        assert unit in summary
    assert any(t.startswith("本报告共评价 2 个版次（2023、2024）") for t in texts)


def test_report_ranking_table_has_the_change(report, ranks):
    r, _s = ranks
    table = next(t for t in report.tables if [c.text for c in t.rows[0].cells][:4] == ["排名", "城市", "综合得分",
                                                                                        "较上年"])
    seen = 0
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        unit, change = cells[1], r["2023"][cells[1]] - r["2024"][cells[1]]
        assert cells[3] == (f"+{change}" if change > 0 else f"−{-change}" if change < 0 else "0"), unit
        seen += 1
    assert seen == len(r["2024"])


def test_a_one_edition_draft_is_unchanged(project):
    """The same paragraphs and figures with and without the (single) edition's results."""
    from core.outputs.report import build_report, figure_plan
    from core.outputs.report_facts import ReportOptions
    from core.pipeline.editions import compute_editions

    er = compute_editions(project)
    result = er.latest
    options = ReportOptions(appendix_max_units=3)
    assert figure_plan(result, options, er) == figure_plan(result, options)
    a = [p.text for p in build_report(result, {}, options).paragraphs]
    b = [p.text for p in build_report(result, {}, options, editions=er).paragraphs]
    assert a == b and not any("排名变化" in t for t in a)


def test_english_draft_numbers_the_new_section(workbook, ranks):
    from core.outputs.report import build_report
    from core.outputs.report_facts import ReportOptions
    from core.pipeline.editions import compute_editions

    er = compute_editions(load(workbook)[0])
    doc = build_report(er.latest, {}, ReportOptions(lang="en", appendix_max_units=2), editions=er)
    heads = [p.text for p in doc.paragraphs if p.style.name in ("Heading 2", "Heading 3")]
    r, _s = ranks
    leader = min(r["2024"], key=lambda u: r["2024"][u] or 10**9)
    i = heads.index("2.2 Changes of rank (2023–2024)")
    assert heads[i + 1] == "2.3 Profiles of the TOP 10" and heads[i + 2].startswith(f"2.3.1 {leader}: ")


# --- the window -----------------------------------------------------------------------------------------------
pytest.importorskip("pytestqt")
from tests.test_front_door import answers, excepthook, wait_tasks, win  # noqa: E402,F401  (fixtures)


def test_window_exports_carry_the_editions(win, qtbot, answers, excepthook, workbook, ranks):  # noqa: F811
    answers.open_file = workbook
    win.act_open.trigger()
    qtbot.waitUntil(lambda: win.controller.project is not None
                    and win.controller.project.edition_labels == LABELS, timeout=60000)
    win.act_export.trigger()
    wait_tasks(qtbot, win)
    books = list(answers.folder.glob("*.xlsx"))
    assert len(books) == 1, answers.calls
    check_sheet(books[0], ranks)
    win.act_export_report.trigger()
    docs = list(answers.folder.glob("*.docx"))
    assert len(docs) == 1, answers.calls
    texts = [p.text for p in Document(str(docs[0])).paragraphs]
    r, _s = ranks
    leader = min(r["2024"], key=lambda u: r["2024"][u] or 10**9)
    assert expected_sentence(r, leader) in texts
    assert not excepthook


def test_report_with_uncertainty_runs_says_which_moves_are_not_real(qapp, workbook, ranks, tmp_path, monkeypatch):
    """The command judges the moves with the Monte Carlo (the same runs and seed); on this fixture every TOP-10
    move is larger than the intervals, so the verdict of one mover is turned to "not real" on its way to the
    draft, which must then say so for that city only."""
    from dataclasses import replace

    import core.analysis.trend_uncertainty as tu
    from core.pipeline.editions import compute_editions
    from gui.headless import report_command as report_cli

    r, _s = ranks
    top = [u for u, k in r["2024"].items() if k is not None and k <= 10]
    mover = next(u for u in top if r["2023"][u] != r["2024"][u])
    real_rank_moves = tu.rank_moves
    monkeypatch.setattr(tu, "rank_moves", lambda *a, **k: {
        u: (replace(m, real=False) if u == mover else m) for u, m in real_rank_moves(*a, **k).items()})
    out = tmp_path / "u.docx"
    assert report_cli.run([str(workbook), "-o", str(out), "--uncertainty-runs", "60", "--seed", "3",
                           "--appendix-rows", "2"]) == 0
    texts = [p.text for p in Document(str(out)).paragraphs]
    moves = real_rank_moves(compute_editions(load(workbook)[0]), runs=60, seed=3)
    for unit in top:
        said = next(t for t in texts if t.startswith(expected_sentence(r, unit)))
        not_real = unit == mover or (moves[unit].real is False and moves[unit].change != 0)
        assert ("不能视为实质变化" in said) == not_real, unit
    assert any(mover in t and "不视为实质变化" in t for t in texts if t.startswith("与上年相比，前 10 名中"))


def test_exports_take_the_windows_own_editions(workbook):
    """The window keeps its EditionResults current through every edit (gui.editions): the exports state those,
    and compute them only when the window has none."""
    from types import SimpleNamespace

    from core.pipeline.editions import compute_editions
    from gui.dialogs.report_export import current_editions

    project = load(workbook)[0]
    er = compute_editions(project)
    assert current_editions(SimpleNamespace(project=project, eds=SimpleNamespace(er=er))) is er
    fresh = current_editions(SimpleNamespace(project=project))
    assert fresh is not er and fresh.labels == LABELS
    assert current_editions(SimpleNamespace(project=load(SAMPLE_WORKBOOK)[0])) is None
