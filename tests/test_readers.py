"""Readers: workbooks and CSV files become Tables with values as written, and every
unusable file gives an InputError that names the file and says what to do."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from core.files.readers import find_sheet, read_any, read_csv, read_workbook
from core.model.problems import InputError
from core.model.table import Table

OLE = bytes.fromhex("D0CF11E0A1B11AE1")


def _save(wb: openpyxl.Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def _error_of(exc: pytest.ExceptionInfo[InputError]):
    assert len(exc.value.problems) >= 1
    return exc.value.problems.items[0]


# ------------------------------------------------------------------------------------------ workbooks


def test_chinese_sheet_names_and_headers(tmp_path):
    wb = openpyxl.Workbook()
    fw = wb.active
    fw.title = "指标体系"
    fw.append(["指标代码", "上级", "名称", "权重"])
    fw.append(["A", None, "经济发展", 0.5])
    data = wb.create_sheet("数据 2024")
    data.append(["城市", "人口", 2024])
    data.append(["乌鲁木齐", 405, 1.5])
    path = _save(wb, tmp_path / "城市指数.xlsx")

    tables = read_workbook(path)

    assert list(tables) == ["指标体系", "数据 2024"]
    fw_t = tables["指标体系"]
    assert fw_t.file == "城市指数.xlsx" and fw_t.sheet == "指标体系"
    assert fw_t.header == ["指标代码", "上级", "名称", "权重"]
    assert fw_t.rows == [["A", None, "经济发展", 0.5]]
    assert tables["数据 2024"].header == ["城市", "人口", "2024"]  # a year typed as a number
    assert tables["数据 2024"].rows == [["乌鲁木齐", 405.0, 1.5]]


def test_header_after_empty_rows_keeps_excel_numbering(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "data"
    ws["A3"], ws["B3"], ws["C3"] = " 城市 ", "GDP", "备注"
    ws["A4"], ws["B4"] = "北京", 43760.7
    ws["A6"], ws["B6"], ws["C6"] = "苏州", 24653.4, "含工业园区"
    ws["A9"] = "   "  # visually empty: must not count as a data row
    path = _save(wb, tmp_path / "data.xlsx")

    t = read_workbook(path)["data"]

    assert t.header_row == 3
    assert t.excel_row(0) == 4
    assert t.header == ["城市", "GDP", "备注"]
    assert t.rows == [["北京", 43760.7, None], [None, None, None], ["苏州", 24653.4, "含工业园区"]]
    assert t.excel_row(2) == 6


def test_cell_types_are_kept(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "s"
    ws.append(["城市", "人口", "面积", "核实", "日期"])
    ws.append(["北京", 2154, "约50", True, dt.datetime(2024, 5, 1, 8, 30)])
    ws.append(["苏州", 12.5, "", False, dt.date(2024, 1, 2)])
    path = _save(wb, tmp_path / "types.xlsx")

    rows = read_workbook(path)["s"].rows

    assert rows[0][:4] == ["北京", 2154.0, "约50", True]
    assert isinstance(rows[0][1], float)
    assert rows[0][4] == dt.datetime(2024, 5, 1, 8, 30)
    assert rows[1][2] is None
    assert rows[1][3] is False
    assert isinstance(rows[1][4], dt.date) and rows[1][4].isoformat().startswith("2024-01-02")


def test_error_cells_and_uncalculated_formulas_are_not_read_as_missing(tmp_path):
    # calamine returns '' for both; that would pass for missing data and be imputed
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "s"
    ws.append(["城市", "x", "y"])
    ws.append(["北京", "#N/A", "=B2*2"])
    ws.append(["苏州", "#DIV/0!", 3])
    path = _save(wb, tmp_path / "errors.xlsx")

    rows = read_workbook(path)["s"].rows

    assert rows == [["北京", "#N/A", "=B2*2"], ["苏州", "#DIV/0!", 3.0]]


def test_empty_sheet_and_chart_sheet(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "empty"
    wb.create_chartsheet("chart")
    path = _save(wb, tmp_path / "e.xlsx")

    tables = read_workbook(path)

    assert list(tables) == ["empty"]
    assert tables["empty"].header == [] and tables["empty"].rows == []


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def test_ods_is_read(tmp_path):
    # written by hand (no ODS writer installed); calamine's ODS parser rejects whitespace
    # between table elements, so the XML has none
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="数据">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>城市</text:p>'
        '</table:table-cell><table:table-cell office:value-type="string"><text:p>人口</text:p>'
        "</table:table-cell></table:table-row>"
        '<table:table-row><table:table-cell office:value-type="string"><text:p>苏州</text:p>'
        '</table:table-cell><table:table-cell office:value-type="float" office:value="1275">'
        "<text:p>1275</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "d.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.writestr("content.xml", content)

    t = read_any(path)["数据"]

    assert t.header == ["城市", "人口"] and t.rows == [["苏州", 1275.0]]


# ------------------------------------------------------------------------------------------------ CSV

CSV_TEXT = "城市,人口,备注\n北京,2154,\n苏州,1275,含工业园区\n乌鲁木齐,405,约50\n"
CSV_ROWS = [["北京", 2154.0, None], ["苏州", 1275.0, "含工业园区"], ["乌鲁木齐", 405.0, "约50"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_decode_to_the_same_table(tmp_path, encoding):
    path = tmp_path / f"cities-{encoding}.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))

    t = read_csv(path)

    assert t == Table(path.name, "", ["城市", "人口", "备注"], CSV_ROWS, header_row=1)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_csv_gb18030_only_character(tmp_path, encoding):
    text = CSV_TEXT + "𠀀县,12,\n"  # U+20000 is in GB18030 but not in GBK
    path = tmp_path / "rare.csv"
    path.write_bytes(text.encode(encoding))

    t = read_csv(path)

    assert t.rows == CSV_ROWS + [["𠀀县", 12.0, None]]


@pytest.mark.parametrize("text, header, row", [
    ("城市,人口\n苏州,1\n", ["城市", "人口"], ["苏州", 1.0]),
    ("代码,上级\n市,\n", ["代码", "上级"], ["市", None]),
    ("城市\n北京\n", ["城市"], ["北京"]),
])
def test_short_gbk_files_are_not_taken_for_korean_or_big5(tmp_path, text, header, row):
    # charset_normalizer alone guesses cp949, big5 or utf_16 for such short GBK files
    path = tmp_path / "short.csv"
    path.write_bytes(text.encode("gbk"))

    t = read_csv(path)

    assert t.header == header and t.rows == [row]


def test_csv_values_numbers_only_when_plain(tmp_path):
    path = tmp_path / "values.csv"
    path.write_text('city,v\nA,"12,3"\nB,约50\nC,—\nD, 7 \nE,-0.5\nF,1e3\nG,"1,234"\nH,0101\n'
                    "I,nan\nJ,12%\nK,\nL,１２\n", encoding="utf-8")

    t = read_csv(path)

    got = {r[0]: r[1] for r in t.rows}
    assert got == {"A": "12,3", "B": "约50", "C": "—", "D": 7.0, "E": -0.5, "F": 1000.0, "G": "1,234",
                   "H": "0101", "I": "nan", "J": "12%", "K": None, "L": "１２"}
    assert all(type(v) is float for v in (got["D"], got["E"], got["F"]))
    assert t.header_row == 1 and t.excel_row(0) == 2


def test_semicolon_csv_keeps_decimal_commas_as_text(tmp_path):
    path = tmp_path / "eu.csv"
    path.write_text("城市;人口;密度\n北京;2154;12,3\n苏州;1275;8\n", encoding="utf-8")

    t = read_csv(path)

    assert t.header == ["城市", "人口", "密度"]
    assert t.rows == [["北京", 2154.0, "12,3"], ["苏州", 1275.0, 8.0]]


def test_utf16_tab_text_via_read_any(tmp_path):
    # Excel's "Unicode text" export: UTF-16 with BOM, tab-separated
    path = tmp_path / "export.txt"
    path.write_bytes("城市\t人口\r\n苏州\t1275\r\n".encode("utf-16"))

    tables = read_any(str(path))

    assert list(tables) == ["data"]
    assert tables["data"].header == ["城市", "人口"] and tables["data"].rows == [["苏州", 1275.0]]


def test_csv_row_with_too_many_values_is_reported(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("城市,密度\n北京,12\n苏州,12,3\n", encoding="utf-8")

    with pytest.raises(InputError) as exc:
        read_csv(path)

    p = _error_of(exc)
    assert p.file == "bad.csv" and p.row == 3
    assert "bad.csv" in str(exc.value) and "quotes" in p.message


def test_csv_trailing_empty_lines_dropped_and_rows_padded(tmp_path):
    path = tmp_path / "pad.csv"
    path.write_text("a,b,c\n1\n\n2,x\n\n\n", encoding="utf-8")

    t = read_csv(path)

    assert t.rows == [[1.0, None, None], [None, None, None], [2.0, "x", None]]


# ------------------------------------------------------------------------------------------ bad files


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD_FILES = {
    "old.xls": (OLE + b"\0" * 1024, ["xlsx"]),
    "renamed.xlsx": (OLE + b"\0" * 1024, [".xls", "xlsx"]),
    "secret.xlsx": (OLE + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64, ["password"]),
    "binary.xlsb": (b"PK\x03\x04" + b"\0" * 100, [".xlsb", ".xlsx"]),
    "random.xlsx": (bytes(range(256)) * 4, ["could not be read as an Excel workbook", "Zip"]),
    "empty.xlsx": (b"", ["empty"]),
    "empty.csv": (b"", ["empty"]),
    "blank.csv": (b"\n \n\n", ["no data"]),
    "notes.json": (b"{}", [".json", ".xlsx", ".csv"]),
    "workbook.csv": (b"PK\x03\x04" + b"\0" * 100, ["Excel workbook", ".xlsx"]),
    "garbage.csv": (bytes(range(128, 256)), ["UTF-8", "GB18030"]),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_give_input_error_naming_the_file(tmp_path, name):
    data, phrases = BAD_FILES[name]
    path = _write(tmp_path / name, data)

    with pytest.raises(InputError) as exc:
        read_any(path)

    p = _error_of(exc)
    assert p.file == name  # base name only, never the folder
    assert name in str(exc.value)
    for phrase in phrases:
        assert phrase in p.message


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")

    with pytest.raises(InputError) as exc:
        read_workbook(path)

    assert "fake.xlsx" in str(exc.value)
    assert "could not be read as an Excel workbook" in _error_of(exc).message


@pytest.mark.parametrize("reader", [read_any, read_workbook, read_csv])
def test_missing_file(tmp_path, reader):
    path = tmp_path / "nowhere" / "缺失.xlsx"

    with pytest.raises(InputError) as exc:
        reader(path)

    p = _error_of(exc)
    assert p.file == "缺失.xlsx" and p.kind == "file_not_found" and "not found" in p.message


def test_read_workbook_rejects_csv(tmp_path):
    path = _write(tmp_path / "d.csv", b"a,b\n1,2\n")
    with pytest.raises(InputError, match="d.csv"):
        read_workbook(path)


# ----------------------------------------------------------------------------------------- find_sheet


def test_find_sheet_ignores_case_and_spaces():
    fw = Table("f.xlsx", " Framework ", ["code"])
    zh = Table("f.xlsx", "指标体系", ["code"])
    data = Table("f.xlsx", "DATA", ["city"])
    tables = {" Framework ": fw, "DATA": data}

    assert find_sheet(tables, "framework", "指标体系") is fw
    assert find_sheet(tables, " data") is data
    assert find_sheet({"指标体系": zh, "framework": fw}, "framework", "指标体系") is fw  # first name wins
    assert find_sheet(tables, "weights", "权重") is None
    assert find_sheet({}, "data") is None
