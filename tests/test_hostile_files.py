"""Hostile and damaged inputs (issue 17, points 1–5): never an abort or a traceback, always a
message that names the file and says what is wrong; never a typo read as a number."""

from __future__ import annotations

import argparse
import importlib
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

import main
from core.cli import commands as cli
from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.files.readers import read_csv, read_workbook
from core.model.problems import InputError
from core.text.input_texts import MAX_SHEET_CELLS

ROOT = Path(__file__).resolve().parents[1]


def _edit_sheet(src: Path, dst: Path, edit) -> Path:
    """Copy the workbook `src` to `dst` with the XML of its first worksheet passed through `edit`."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    return dst


def _data_workbook(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "data"
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


# ------------------------------------------------------------------------------- 1. a huge sheet


def _far_cell_workbook(tmp_path: Path, cell: str = '<c r="XFD1048576"><v>1</v></c>') -> Path:
    base = _data_workbook(tmp_path / "base.xlsx", [["unit", "T11"], ["北京", 1.0]])

    def edit(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace("</sheetData>", f'<row r="1048576">{cell}</row></sheetData>')

    return _edit_sheet(base, tmp_path / "huge.xlsx", edit)


def test_a_value_at_xfd1048576_is_refused_with_a_message_not_an_abort(tmp_path):
    # calamine lays the filled area out densely: 17 billion cells, a Rust abort (exit -6) before the
    # fix. Run in a child with a memory cap so that a regression ends that child, not the test run.
    path = _far_cell_workbook(tmp_path)
    assert path.stat().st_size < 10_000
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30)); "
            "from core.cli import commands as cli; sys.exit(cli.run(['check', sys.argv[1]]))")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Traceback" not in proc.stdout + proc.stderr
    line = next(ln for ln in proc.stdout.splitlines() if "huge.xlsx" in ln)  # in either language
    assert "data" in line
    assert "XFD1048576" in line and f"{MAX_SHEET_CELLS:,}" in line
    assert f"{1048576 * 16384:,}" in line  # the area it would have been: rows × columns


def test_the_huge_sheet_gives_one_problem_through_load(tmp_path):
    project, problems = load(_far_cell_workbook(tmp_path))
    assert project is None
    assert [p.kind for p in problems.errors] == ["sheet_too_large"]
    assert problems.errors[0].sheet == "data"


@pytest.mark.parametrize("cell", ['<c r="XFD1048576" s="0"/>', '<c r="XFD1048576"><v></v></c>'])
def test_an_empty_cell_far_away_is_no_reason_to_refuse(tmp_path, cell):
    # a formatted but empty cell holds nothing: calamine does not lay it out, nor do we refuse it
    tables = read_workbook(_far_cell_workbook(tmp_path, cell))
    assert tables["data"].rows == [["北京", 1.0]]


def test_a_far_cell_inside_an_early_row_element_is_caught(tmp_path):
    # the cell's own reference is what calamine follows, whatever row element holds it
    base = _data_workbook(tmp_path / "base.xlsx", [["unit", "T11"], ["北京", 1.0]])
    path = _edit_sheet(base, tmp_path / "sly.xlsx",
                       lambda x: x.replace("</row></sheetData>", '<c r="ZZ999999"><v>2</v></c></row></sheetData>'))
    with pytest.raises(InputError) as e:
        read_workbook(path)
    assert e.value.problems.items[0].kind == "sheet_too_large"
    assert "ZZ999999" in e.value.problems.items[0].message


def test_a_large_real_table_is_read(tmp_path):
    # 2,000 rows × 600 columns = 1.2 million cells (more than the 1,000,000 first suggested as the
    # limit): a real project, read whole. The sheet XML is written directly, as Excel lays it out.
    def col(n: int) -> str:
        return col((n - 1) // 26) + chr(65 + (n - 1) % 26) if n else ""

    letters = [col(j + 1) for j in range(600)]
    rows = ['<row r="1">' + "".join(f'<c r="{c}1" t="inlineStr"><is><t>X{j}</t></is></c>'
                                    for j, c in enumerate(letters)) + "</row>"]
    for i in range(2, 2001):
        rows.append(f'<row r="{i}">' + "".join(f'<c r="{c}{i}"><v>{j}</v></c>' for j, c in enumerate(letters))
                    + "</row>")
    base = _data_workbook(tmp_path / "base.xlsx", [["unit"]])
    path = _edit_sheet(base, tmp_path / "large.xlsx", lambda x: re.sub(
        r"<sheetData>.*</sheetData>", lambda _m: "<sheetData>" + "".join(rows) + "</sheetData>", x, flags=re.S))
    t = read_workbook(path)["data"]
    assert len(t.rows) == 1999 and len(t.header) == 600 and t.rows[-1][-1] == 599.0


# ---------------------------------------------------------------------- 2. every command, bad files


def _bad_files(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    good = Path(SAMPLE_WORKBOOK).read_bytes()
    files = {
        "text.xlsx": b"these are notes, not a workbook\n",
        "empty.xlsx": b"",
        "truncated.xlsx": good[: len(good) // 2],
        "text.cidx": b"these are notes, not a project\n",
        "empty.cidx": b"",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in files}


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    """Every headless command: core/cli/commands.py's table (with its extension modules) and the
    commands main.py hands to gui/ because they draw."""
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    out = dict(action.choices)
    for name, module in main.QT_COMMANDS.items():
        out[name] = importlib.import_module(module).build_parser()
    assert set(cli._all_commands()) <= set(out)
    return out


INPUT_OPTIONS = {"--data", "--project"}  # options that name a file to read


def _argv_for(name: str, parser: argparse.ArgumentParser, slot: str, bad: Path, good: dict, out: Path):
    """argv for command `name` with the bad file in `slot` (a positional's dest or an input option)
    and good files everywhere else; None when the command has no such slot."""
    positional = [a for a in parser._actions if not a.option_strings and a.dest != "help"]
    options = [a for a in parser._actions if a.option_strings]
    slots = {a.dest for a in positional} | {o for a in options for o in a.option_strings if o in INPUT_OPTIONS}
    if slot not in slots:
        return None
    argv = [name]
    for a in positional:
        argv.append(str(bad) if a.dest == slot else str(good.get(a.dest, good["input"])))
    for a in options:
        flag = a.option_strings[-1]
        if flag in INPUT_OPTIONS and flag == slot:
            argv += [flag, str(bad)]
        elif not a.required:
            continue
        elif a.dest == "output":
            folder = (a.metavar or "").upper() == "FOLDER"
            suffix = {"map": ".png", "report": ".docx"}.get(name, ".xlsx")
            argv += [flag, str(out / ("folder" if folder else "out" + suffix))]
        elif a.dest == "experts":
            argv += [flag, "张三,李四"]
        elif a.dest == "method":
            argv += [flag, "equal"]
        elif a.dest in ("runs", "seed"):
            argv += [flag, "5"]
        elif a.dest == "units":  # explain: two units of the sample
            argv += [flag, "北京,上海"]
        elif a.dest == "unit":  # target: a unit of the sample and a rank
            argv += [flag, "杭州"]
        elif a.dest == "rank":
            argv += [flag, "3"]
        elif flag in INPUT_OPTIONS:
            argv += [flag, str(good["input"])]
        else:
            raise AssertionError(f"{name}: no value known for the required option {flag}; teach this test")
    return argv


@pytest.fixture(scope="module")
def good_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("good")
    results = folder / "results.xlsx"
    assert cli.run(["score", str(SAMPLE_WORKBOOK), "-o", str(results)]) == 0
    return {"input": Path(SAMPLE_WORKBOOK), "results": results}


def test_every_command_names_the_bad_file_and_says_why(tmp_path, good_files, capsys):
    bad_files = _bad_files(tmp_path / "bad")
    out = tmp_path / "out"
    out.mkdir()
    tried = []
    for name, parser in sorted(_subparsers().items()):
        slots = [a.dest for a in parser._actions if not a.option_strings and a.dest != "help"] + sorted(INPUT_OPTIONS)
        for slot in slots:
            for bad_name, bad in bad_files.items():
                argv = _argv_for(name, parser, slot, bad, good_files, out)
                if argv is None:
                    continue
                capsys.readouterr()
                try:
                    rc = main.main(argv)
                except SystemExit as e:  # argparse's own exit on wrong usage
                    rc = e.code
                text = "".join(capsys.readouterr())
                tried.append((name, slot))
                assert rc in (1, 2), (argv, rc, text[-1500:])
                assert bad_name in text, (argv, text[-1500:])
                assert "Traceback" not in text, (argv, text[-1500:])
    commands = {n for n, _ in tried}
    assert {"check", "score", "verify", "diff", "panel", "scores", "map", "report", "audit"} <= commands
    assert ("verify", "results") in tried and ("scores", "--project") in tried


# --------------------------------------------------------------------- 3.–5. cells that are not numbers


def _problems_of(path: Path):
    project, problems = load(path)
    return problems


def test_underscore_number_in_a_text_cell_is_refused_like_a_decimal_comma(tmp_path):
    path = _data_workbook(tmp_path / "d.xlsx", [["unit", "T11", "T12"], ["北京", "1_000", "12,3"], ["上海", 5, 6]])
    problems = _problems_of(path)
    bad = {p.value: p.kind for p in problems.errors if p.unit == "北京"}
    assert bad == {"1_000": "non_numeric", "12,3": "non_numeric"}
    assert not [p for p in problems if p.kind == "number_as_text" and p.unit == "北京"]


def test_underscore_number_in_a_csv_is_refused(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("unit,T11\n北京,1_000\n上海,2\n", encoding="utf-8")
    assert read_csv(path).rows[0][1] == "1_000"  # kept as written
    problems = _problems_of(path)
    assert [(p.kind, p.row, p.column) for p in problems.errors if p.unit == "北京"] == [("non_numeric", 2, "T11")]


def test_nan_in_a_number_cell_is_said_to_be_not_a_number(tmp_path):
    base = _data_workbook(tmp_path / "base.xlsx", [["unit", "T11", "T12"], ["北京", 1.0, 3.0], ["上海", 2.0, 4.0]])
    path = _edit_sheet(base, tmp_path / "nan.xlsx",
                       lambda x: re.sub(r'(<c r="B2"[^>]*>)<v>1</v>', r"\1<v>NaN</v>", x))
    problems = _problems_of(path)
    mine = [p for p in problems if p.unit == "北京"]
    assert [(p.severity, p.kind, p.row, p.column) for p in mine] == [("error", "nan_value", 2, "T11")]
    assert "not a number (NaN)" in mine[0].message
    assert not [p for p in problems if p.kind in ("missing", "imputed") and p.unit == "北京"]


def test_nul_byte_in_a_csv_names_line_and_column(tmp_path):
    path = tmp_path / "d.csv"
    path.write_bytes("unit,T11,T12\n北京,1,2\n上海,3\x004,5\n".encode())
    with pytest.raises(InputError) as e:
        read_csv(path)
    [p] = e.value.problems.items
    assert (p.kind, p.file, p.row, p.column, p.value) == ("csv_nul", "d.csv", 3, "T11", "3\x004")
    assert "NUL byte" in p.message and "line 3, column 2" in p.message


def test_zh_and_en_texts_for_every_new_kind():
    from core.text.input_texts import KIND_NAMES, TEXTS
    assert set(KIND_NAMES) <= set(TEXTS) and all(len(v) == 2 for v in KIND_NAMES.values())
    for kind, entry in TEXTS.items():
        assert set(entry) == {"en", "zh"}, kind
        assert re.search(r"[\u4e00-\u9fff]", entry["zh"]), kind
        assert set(re.findall(r"{(\w+)", entry["en"])) == set(re.findall(r"{(\w+)", entry["zh"])), kind


def test_shutil_copy_of_the_sample_checks_clean(tmp_path):
    # the prescan leaves a normal workbook alone (nothing refused, nothing added)
    path = Path(shutil.copy(SAMPLE_WORKBOOK, tmp_path / "s.xlsx"))
    project, problems = load(path)
    assert project is not None and not problems.has_errors


def _ods(path: Path, rows_xml: str) -> Path:
    from tests.test_readers import MANIFEST
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="data">'
               '<table:table-row><table:table-cell office:value-type="string"><text:p>unit</text:p>'
               '</table:table-cell><table:table-cell office:value-type="string"><text:p>T11</text:p>'
               "</table:table-cell></table:table-row>" + rows_xml +
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.writestr("content.xml", content)
    return path


VALUE = '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'


def test_an_ods_repeating_a_row_a_million_times_is_refused(tmp_path):
    # 'this row again N times': a few bytes for a filled area that calamine would lay out whole
    # (up to its own 100-million-cell limit, 3 GB; 9 million here, refused before calamine sees it)
    rows = ('<table:table-row table:number-rows-repeated="9000">'
            f'<table:table-cell table:number-columns-repeated="1000"/>{VALUE}</table:table-row>')
    with pytest.raises(InputError) as e:
        read_workbook(_ods(tmp_path / "rep.ods", rows))
    [p] = e.value.problems.items
    assert (p.kind, p.file, p.sheet) == ("sheet_too_large", "rep.ods", "data")
    assert "ALM9001" in p.message and f"{9001 * 1001:,}" in p.message


def test_an_ods_with_libreoffice_trailing_empty_repeats_is_read(tmp_path):
    # LibreOffice ends every row and the sheet with empty repeats to the sheet's edge
    rows = (f'<table:table-row><table:table-cell office:value-type="string"><text:p>北京</text:p></table:table-cell>'
            f'{VALUE}<table:table-cell table:number-columns-repeated="16382"/></table:table-row>'
            '<table:table-row table:number-rows-repeated="1048573"><table:table-cell '
            'table:number-columns-repeated="16384"/></table:table-row>')
    assert read_workbook(_ods(tmp_path / "lo.ods", rows))["data"].rows == [["北京", 1.0]]


def test_the_quick_column_bound_agrees_with_counting():
    # _beyond(c) must match exactly the references whose column is after c
    from core.files.readers import _beyond, _column_letters
    columns = [*range(1, 760), 1000, 16383, 16384]
    probes = sorted({*range(1, 16385, 37), *(c + d for c in columns for d in (-1, 0, 1))} - {0, 16385})
    refs = {k: f'<c r="{_column_letters(k)}7"'.encode() for k in probes}
    for c in columns:
        pat = re.compile(b'<c r="' + _beyond(c) + b"[0-9]")
        wrong = [k for k in probes if bool(pat.search(refs[k])) != (k > c)]
        assert not wrong, (c, wrong[:5])


def test_the_quick_row_bound_agrees_with_counting():
    from core.files.readers import _greater
    for n in [0, 1, 9, 10, 99, 100, 101, 199, 1000, 3001, 9999, 99999, 1048575, 1048576]:
        pat = re.compile(b'r="' + _greater(n) + b'"')
        probes = {*range(0, 2 * n + 30), 10 * n, 10 * n + 1, 1048576, 9999999}
        wrong = [k for k in probes if bool(pat.search(f'r="{k}"'.encode())) != (k > n)]
        assert not wrong, (n, wrong[:5])
