"""Issue 16 point 4: the headless commands print in `--lang`, else the project's `language`
setting, else Chinese; each sentence from core/text/messages.py.

The sample's language is zh, so a command run on it without `--lang` must print Chinese: no
English word of the commands' own vocabulary (codes, file paths, numbers, unit names and the
names of statistics such as Kendall W or Sobol' are not words of that vocabulary). The same
command with `--lang en` prints the English sentence, and a copy of the sample whose settings
sheet says `language = en` prints English without `--lang`.
"""

import re
import shutil

import openpyxl
import pytest

from core.cli import commands as cli
from core.files.paths import SAMPLE_WORKBOOK
from core.text.messages import TEXTS, pick_lang, text

# words the commands used to print in English; none may reach a Chinese user
ENGLISH = {"ranked", "excluded", "written", "units", "unit", "weights", "weight", "match", "different", "differ",
           "difference", "runs", "seed", "expert", "experts", "kept", "sheet", "sensitivity", "median", "base",
           "node", "flags", "outlier", "rule", "indicator", "indicators", "fail", "tested", "note", "error", "warning",
           "merged", "form", "forms", "rank", "input", "fingerprint", "score", "scores", "nothing", "computed",
           "uniform", "perturb", "more", "values", "inconsistent", "judgement", "data", "cell", "results", "the",
           "flagged", "lenient", "severe", "against", "mean", "deviation", "others", "cities", "sheets"}


def english_words(out: str, *allowed: str) -> set[str]:
    for a in (*allowed, "CityIndex Studio", "main.py"):
        out = out.replace(str(a), " ")
    return {w for w in re.findall(r"[A-Za-z]+", out) if w.lower() in ENGLISH}


def run(capsys, *args) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.run([str(a) for a in args])
    c = capsys.readouterr()
    return code, c.out + c.err


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("lang") / "r.xlsx"
    assert cli.run(["score", str(SAMPLE_WORKBOOK), "-o", str(out), "--lang", "en"]) == 0
    return out


def copy_with(tmp_path, name: str, edit) -> str:
    path = tmp_path / name
    shutil.copy(SAMPLE_WORKBOOK, path)
    wb = openpyxl.load_workbook(path)
    edit(wb)
    wb.save(path)
    return str(path)


def set_language(lang: str):
    def edit(wb):
        ws = wb["设置"]
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "language")
        ws.cell(row, 2).value = lang
    return edit


def edit_a_cell(wb):
    ws = wb["数据"]
    col = [c.value for c in ws[1]].index("A21") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "苏州")
    ws.cell(row, col).value = ws.cell(row, col).value * 3


def test_every_text_has_both_languages_and_the_same_fields():
    for key, (zh, en) in TEXTS.items():
        assert zh and en, key
        fields = lambda s: sorted(set(re.findall(r"\{(\w+)", s)))  # noqa: E731
        assert fields(zh) == fields(en), key


def test_the_language_rule():
    class A:
        lang = None

    class P:
        class settings:
            language = "en"

    assert pick_lang(A(), None) == "zh"  # nothing loaded, no --lang: Chinese
    assert pick_lang(A(), P()) == "en"  # the project's setting
    a = A()
    a.lang = "zh"
    assert pick_lang(a, P()) == "zh"  # --lang wins


def test_score_in_chinese_and_in_english(tmp_path, capsys):
    out = tmp_path / "r.xlsx"
    code, zh = run(capsys, "score", SAMPLE_WORKBOOK, "-o", out)
    assert code == 0
    assert text("score_summary", "zh", ranked=50, excluded=0, output=out) in zh
    assert "已排名 50 个单位，剔除 0 个" in zh
    assert not english_words(zh, out)
    code, en = run(capsys, "score", SAMPLE_WORKBOOK, "-o", out, "--lang", "en")
    assert f"50 units ranked, 0 excluded; written {out}" in en


def test_a_project_whose_language_is_english_prints_english(tmp_path, capsys):
    src = copy_with(tmp_path, "en.xlsx", set_language("en"))
    code, en = run(capsys, "score", src, "-o", tmp_path / "r.xlsx")
    assert code == 0 and "50 units ranked, 0 excluded" in en
    code, zh = run(capsys, "score", src, "-o", tmp_path / "r.xlsx", "--lang", "zh")
    assert "已排名 50 个单位" in zh and not english_words(zh, tmp_path)


def test_weights_notes_in_both_languages(tmp_path, capsys):
    js = tmp_path / "w.json"
    code, zh = run(capsys, "weights", SAMPLE_WORKBOOK, "--method", "ahp", "--json", js)
    assert code == 0
    assert "没有工作表「AHP-P」：保留「P」的现有权重" in zh
    assert not english_words(zh), english_words(zh)
    # the JSON keeps its English note and carries no message keys
    import json
    d = json.loads(js.read_text(encoding="utf-8"))
    assert d["nodes"]["P"]["note"] == "no sheet 'AHP-P': the weights of 'P' are kept"
    assert all("_messages" not in e for e in d["nodes"].values())
    code, en = run(capsys, "weights", SAMPLE_WORKBOOK, "--method", "ahp", "--lang", "en")
    assert "no sheet 'AHP-P': the weights of 'P' are kept" in en


def test_verify_match_and_mismatch(tmp_path, capsys, results):
    code, zh = run(capsys, "verify", results, SAMPLE_WORKBOOK)
    assert code == 0 and "一致：结果由此输入算出" in zh
    assert not english_words(zh, results), english_words(zh, results)
    code, en = run(capsys, "verify", results, SAMPLE_WORKBOOK, "--lang", "en")
    assert code == 0 and "MATCH: the results were computed from this input" in en

    edited = copy_with(tmp_path, "edited.xlsx", edit_a_cell)
    code, zh = run(capsys, "verify", results, edited)
    assert code == 1 and "不一致：" in zh and "数据单元格 苏州 / A21：" in zh and "苏州 AICI 得分" in zh
    assert not english_words(zh, results, edited), english_words(zh, results, edited)
    code, en = run(capsys, "verify", results, edited, "--lang", "en")
    assert code == 1 and "DIFFERENT:" in en and "data cell 苏州 / A21: " in en and "苏州 score AICI" in en


def weight_of_a_to_five(wb):
    ws = wb["指标体系"]
    head = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 2).value == "AICI":
            ws.cell(r, head.index("weight") + 1).value = 5 if ws.cell(r, 1).value == "A" else 1


def test_diff(tmp_path, capsys):
    edited = copy_with(tmp_path, "edited.xlsx", edit_a_cell)
    code, zh = run(capsys, "diff", SAMPLE_WORKBOOK, edited)
    assert code == 0 and "数据单元格 苏州 / A21：" in zh
    assert not english_words(zh, SAMPLE_WORKBOOK, edited), english_words(zh, SAMPLE_WORKBOOK, edited)
    code, en = run(capsys, "diff", SAMPLE_WORKBOOK, edited, "--lang", "en")
    assert "data cell 苏州 / A21: " in en
    other = copy_with(tmp_path, "b.xlsx", weight_of_a_to_five)
    code, zh = run(capsys, "diff", SAMPLE_WORKBOOK, other)
    assert "A 的权重：None → 5.0" in zh and "  排名 常州：" in zh
    assert not english_words(zh, SAMPLE_WORKBOOK, other), english_words(zh, SAMPLE_WORKBOOK, other)
    code, en = run(capsys, "diff", SAMPLE_WORKBOOK, other, "--lang", "en")
    assert "weight of A: None → 5.0" in en and "  rank 常州: " in en
    code, zh = run(capsys, "diff", SAMPLE_WORKBOOK, SAMPLE_WORKBOOK)
    assert "两份输入没有差别" in zh


def test_uncertainty_with_few_runs(capsys):
    code, zh = run(capsys, "uncertainty", SAMPLE_WORKBOOK, "--runs", 5, "--seed", 1)
    assert code == 0
    assert "5 次模拟，随机种子 1，权重均匀扰动 ± 0.2" in zh and "平均绝对排名变动 的敏感性" in zh
    assert not english_words(zh), english_words(zh)
    code, en = run(capsys, "uncertainty", SAMPLE_WORKBOOK, "--runs", 5, "--seed", 1, "--lang", "en")
    assert "5 runs, seed 1, weights uniform ± 0.2" in en and "sensitivity of the mean absolute rank shift" in en
    code, zh = run(capsys, "uncertainty", SAMPLE_WORKBOOK, "--runs", 0, "--seed", 1)
    assert code == 2 and "--runs 至少为 1（得到 0）" in zh


def test_audit(capsys):
    code, zh = run(capsys, "audit", SAMPLE_WORKBOOK)
    assert code == 0 and "离群规则" in zh and "个指标中" in zh
    assert not english_words(zh), english_words(zh)
    code, en = run(capsys, "audit", SAMPLE_WORKBOOK, "--lang", "en")
    assert "outlier rule" in en and "indicator(s) fail" in en


def test_a_refused_input_in_chinese(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,P11\nA,1\nA,2\n", encoding="utf-8")
    code, zh = run(capsys, "score", bad, "-o", tmp_path / "o.xlsx")
    assert code == 1 and "个错误：未作计算" in zh
    assert not english_words(zh, bad, "「unit」"), english_words(zh, bad, "「unit」")  # the file's own header
    code, en = run(capsys, "score", bad, "-o", tmp_path / "o.xlsx", "--lang", "en")
    assert "error(s): nothing computed" in en


def test_template_and_forms(tmp_path, capsys):
    t = tmp_path / "t.xlsx"
    code, zh = run(capsys, "template", "-o", t)
    assert code == 0 and f"已写出 {t}" in zh
    code, en = run(capsys, "template", "-o", t, "--lang", "en")
    assert f"written {t}" in en
    code, zh = run(capsys, "forms", SAMPLE_WORKBOOK, "--experts", "张三", "-o", tmp_path / "f")
    assert code == 0 and "已写出 1 份专家权重征询表" in zh
    assert not english_words(zh, tmp_path), english_words(zh, tmp_path)


def test_score_sheets_and_scores(tmp_path, capsys):
    from .score_sheet_helpers import SF_EXPERTS, fill, sf_scores, write_input
    project = write_input(tmp_path / "p.xlsx")
    code, zh = run(capsys, "score-sheets", project, "--experts", ",".join(SF_EXPERTS), "-o", tmp_path / "s")
    assert code == 0 and "已写出 4 份评分表（6 个城市 × 2 个指标：Q1, Q2）" in zh
    assert not english_words(zh, tmp_path), english_words(zh, tmp_path)
    paths = [fill(tmp_path / "s" / f"{e}_评分表.xlsx", {**sf_scores(j), **sf_scores(j, "Q2")})
             for j, e in enumerate(SF_EXPERTS)]
    code, zh = run(capsys, "scores", *paths, "--project", project)
    assert code == 0
    assert "已合并 4 份评分表，规则：去掉一个最高分和一个最低分后取平均（截尾均值）" in zh
    assert "Q1 典型案例质量：专家 4 位，合并 6 个城市；Kendall W 0.887" in zh
    assert "需关注：李四（李四_评分表.xlsx）：偏严；" in zh  # 李四 scores lowest throughout (helpers' table)
    assert not english_words(zh, tmp_path), english_words(zh, tmp_path)
    code, en = run(capsys, "scores", *paths, "--project", project, "--lang", "en")
    assert "4 sheet(s) merged by trimmed mean" in en and "Q1 典型案例质量: 4 experts, 6 cities merged" in en


def test_map_and_report_usage_messages(tmp_path, capsys):
    from gui.headless.map_command import run as run_map
    from gui.headless.report_command import run as run_report
    assert run_map([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "m.txt")]) == 2
    assert "main.py map：-o 须以 .png 或 .svg 结尾" in capsys.readouterr().err
    assert run_map([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "m.txt"), "--lang", "en"]) == 2
    assert "main.py map: -o must end in .png or .svg" in capsys.readouterr().err
    assert run_report([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "main.py report：-o 须以 .docx 结尾" in capsys.readouterr().err
    assert run_report([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "r.pdf"), "--lang", "en"]) == 2
    assert "main.py report: -o must end in .docx" in capsys.readouterr().err


def test_a_data_weight_error_in_both_languages(tmp_path, capsys):
    def constant_p11(wb):
        ws = wb["数据"]
        col = [c.value for c in ws[1]].index("P11") + 1
        for r in range(2, ws.max_row + 1):
            ws.cell(r, col).value = 5
    src = copy_with(tmp_path, "c.xlsx", constant_p11)
    js = tmp_path / "w.json"
    code, zh = run(capsys, "weights", src, "--method", "entropy", "--json", js)
    assert code == 1 and "错误：节点「P1」：「P11」对每个单位取值相同（5）：不含信息，无法由数据赋权" in zh
    assert not english_words(zh, src), english_words(zh, src)
    import json
    e = json.loads(js.read_text(encoding="utf-8"))["nodes"]["P1"]
    assert e["error"] == "node 'P1': 'P11' has the same value (5) for every unit: it carries no information and " \
        "cannot be weighted from the data"
    code, en = run(capsys, "weights", src, "--method", "entropy", "--lang", "en")
    assert code == 1 and "ERROR: node 'P1': 'P11' has the same value (5) for every unit" in en


def test_uncertainty_notes_in_both_languages(tmp_path, capsys):
    js = tmp_path / "u.json"  # perturb 0: every run uses the current weights, and a note says so
    code, zh = run(capsys, "uncertainty", SAMPLE_WORKBOOK, "--runs", 5, "--seed", 1, "--perturb", 0, "--json", js)
    assert code == 0 and "说明：每次模拟都使用当前权重" in zh
    assert not english_words(zh, tmp_path), english_words(zh, tmp_path)
    import json
    notes = json.loads(js.read_text("utf-8"))["notes"]  # the JSON keeps the English notes
    assert any(n.startswith("every run uses the current weights") for n in notes)
    code, en = run(capsys, "uncertainty", SAMPLE_WORKBOOK, "--runs", 5, "--seed", 1, "--perturb", 0, "--lang", "en")
    assert "note: every run uses the current weights" in en
