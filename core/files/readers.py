"""Read the user's files (xlsx/xlsm/ods workbooks, CSV) into `Table`s.

Readers only turn bytes into cells: they keep every value as written (a number
stays a number, "约50" stays a string) so that validation can point at the
exact cell. Anything that makes a file unusable as a whole raises `InputError`
with a message naming the file and saying what to do; a bad file never ends in
a raw traceback and a doubtful value is never silently changed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import posixpath
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import charset_normalizer
from python_calamine import CalamineWorkbook, SheetTypeEnum

from core.model.problems import InputError, Problem, input_problem
from core.model.table import Table
from core.text.input_texts import MAX_SHEET_CELLS

WORKBOOK_TYPES = (".xlsx", ".xlsm", ".ods")
TEXT_TYPES = (".csv", ".txt")
ACCEPTED = "Excel workbooks (.xlsx, .xlsm), OpenDocument spreadsheets (.ods) and CSV files (.csv, .txt)"

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # compound file: old .xls, or an encrypted .xlsx
_ZIP_MAGIC = b"PK\x03\x04"  # .xlsx/.xlsm/.ods are zip packages
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # stream name inside a password-protected .xlsx
# A plain decimal number with ASCII digits: no thousands separators, no decimal comma,
# no 'nan'/'inf', no '1_000' (all of which Python's float() would accept or misread).
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)
_LEADING_ZERO = re.compile(r"[+-]?0\d")  # '0101' is a code, not the number 101
# charset_normalizer guesses among these (or says 'utf_16' without a BOM) for short GBK
# files; for this app's users such a guess means "Chinese", i.e. GB18030.
_EAST_ASIAN = {"gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs", "cp950", "cp949", "euc_kr",
               "johab", "cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp",
               "euc_jis_2004", "euc_jisx0213", "iso2022_jp", "iso2022_kr"}


def _fail(kind: str, message: str, file: str, sheet: str = "") -> InputError:
    return InputError([Problem("error", kind, message, file=file, sheet=sheet)])


def brief_error(e: BaseException) -> str:
    """First line of a library's error, short enough for a dialog."""
    text = (str(e).strip().splitlines() or [type(e).__name__])[0]
    return text if len(text) <= 160 else text[:157] + "..."


def _wrong_type(path: Path) -> InputError | None:
    """The message for a file type we cannot read, or None when the type is accepted."""
    ext, name = path.suffix.lower(), path.name
    if ext == ".xls":
        return _fail("old_xls", "this is an old-format Excel file (.xls), which cannot be read; open it "
                     "in Excel/WPS and save it as .xlsx (Excel 工作簿), then load the .xlsx", name)
    if ext == ".xlsb":
        return _fail("xlsb", "this is a binary Excel workbook (.xlsb), which cannot be read; open it in "
                     "Excel/WPS and save it as .xlsx (Excel 工作簿), then load the .xlsx", name)
    if ext in WORKBOOK_TYPES or ext in TEXT_TYPES:
        return None
    return _fail("unsupported_type", f"files of type '{ext or '(none)'}' cannot be read; accepted are "
                 f"{ACCEPTED}", name)


def _load_bytes(path: Path) -> bytes:
    """The file's bytes, or an InputError for a missing, unreadable or empty file."""
    name = path.name
    if not path.exists():
        raise _fail("file_not_found", f"the file was not found (looked for '{path}'); check the name and "
                    "folder, or choose the file again", name)
    if path.is_dir():
        raise _fail("not_a_file", "this is a folder, not a file; choose a file inside it", name)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise _fail("unreadable", f"the file could not be opened ({brief_error(e)}); close it in other "
                    "programs and check that you may read it", name) from None
    if not data:
        raise _fail("empty_file", "the file is empty (0 bytes); it may not have been saved completely — "
                    "save it again from Excel/WPS", name)
    return data


def check_workbook_file(path: Path) -> None:
    """An InputError naming `path` when it is missing, a folder, unreadable, empty, an old .xls or
    encrypted: the checks every workbook reader (the input loader, the results verifier) starts with."""
    _check_workbook_bytes(_load_bytes(path), path.name)


def _check_workbook_bytes(data: bytes, name: str) -> None:
    """Catch the files calamine would only report as 'invalid Zip archive'."""
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED in data:
            raise _fail("encrypted", "the workbook is protected with a password (encrypted) and cannot "
                        "be read; open it in Excel/WPS, remove the password (文件 > 信息 > 保护工作簿 > "
                        "用密码进行加密, clear it), save, and load it again", name)
        raise _fail("xls_renamed", "this is really an old-format Excel file (.xls) with a new-style name; "
                    "open it in Excel/WPS and save it as .xlsx (Excel 工作簿)", name)


# ---------------------------------------------------------------------------------------------- cells


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _header_text(v: Any) -> str:
    """Header cells become trimmed strings; a year typed as a number (2024.0) becomes '2024'."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    return str(v).strip()


def _workbook_cell(v: Any) -> Any:
    """Calamine gives '' for empty cells; a visually empty cell is missing (None)."""
    return None if _blank(v) else v


def _csv_cell(s: str) -> Any:
    """Only a plain decimal becomes a float; '12,3', '约50', '—', '0101', 'nan' stay as written."""
    t = s.strip()
    if not t:
        return None
    if _NUMBER.fullmatch(t) and not _LEADING_ZERO.match(t):
        x = float(t)
        if math.isfinite(x):  # '1e999' would be inf
            return x
    return s


def _used_width(row: list) -> int:
    for j in range(len(row) - 1, -1, -1):
        if not _blank(row[j]):
            return j + 1
    return 0


def _to_table(file: str, sheet: str, grid: list[list], cell: Callable[[Any], Any]) -> Table:
    """First non-empty row is the header; rows keep their Excel numbering (empty ones included)
    up to the last non-empty row; trailing empty columns are dropped, others kept in place."""
    filled = [i for i, r in enumerate(grid) if _used_width(r)]
    if not filled:
        return Table(file, sheet, [], [], header_row=1)
    first, last = filled[0], filled[-1]
    header = [_header_text(v) for v in grid[first]]
    body = [[cell(v) for v in r] for r in grid[first + 1:last + 1]]
    width = max(_used_width(r) for r in [header, *body])
    header = (header + [""] * width)[:width]
    body = [(r + [None] * width)[:width] for r in body]
    return Table(file, sheet, header, body, header_row=first + 1)


# ------------------------------------------------------------------------------------------- workbooks


def _col_number(ref: str) -> tuple[int, int]:
    """'AB12' -> (12, 28), both 1-based."""
    m = re.fullmatch(r"([A-Za-z]+)(\d+)", ref)
    if not m:
        raise ValueError(ref)
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def _scan_sheet_xml(data: bytes) -> dict[tuple[int, int], str]:
    """Cells of one worksheet part that calamine reports as '' although they are not empty:
    error values (#N/A, #DIV/0!) and formulas saved without a calculated value."""
    out: dict[tuple[int, int], str] = {}
    for row, col, el, kids in _cells(data):
        v, f, t = kids.get("v"), kids.get("f"), el.get("t")
        if t == "e":
            out[(row, col)] = (v.text if v is not None else None) or "#ERROR"
        elif f is not None and (v is None or not v.text) and t not in ("str", "s", "inlineStr"):
            out[(row, col)] = "=" + (f.text or "(formula not calculated)")
    return out


def _cells(data: bytes):
    """(row, column, element, its children by tag) for each cell of a worksheet part, both 1-based,
    streamed: each cell and row is cleared once seen, so a huge sheet is never held whole."""
    row = col = 0
    for event, el in ET.iterparse(io.BytesIO(data), events=("start", "end")):
        tag = el.tag.rsplit("}", 1)[-1]
        if event == "start" and tag == "row":
            row, col = int(el.get("r") or row + 1), 0
        elif event == "end" and tag == "c":
            ref = el.get("r")
            row, col = _col_number(ref) if ref else (row, col + 1)
            yield row, col, el, {k.tag.rsplit("}", 1)[-1]: k for k in el}
            el.clear()
        elif event == "end" and tag == "row":
            el.clear()


def _sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip part holding its XML, as the workbook's relationships say."""
    names = set(z.namelist())
    rel_xml = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    rels = {r.get("Id"): r.get("Target", "") for r in rel_xml}
    parts = {}
    for s in ET.fromstring(z.read("xl/workbook.xml")).iter():
        if s.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        rid = next((v for k, v in s.attrib.items() if k.endswith("}id")), None)
        target = rels.get(rid, "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
        if part in names:
            parts[s.get("name", "")] = part
    return parts


_ROW_REF = re.compile(rb'<row r="([0-9]{1,9})"')
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})[0-9]')


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _column_letters(n: int) -> str:
    out = ""
    while n:
        n, k = divmod(n - 1, 26)
        out = chr(65 + k) + out
    return out


def _quick_area(data: bytes) -> tuple[int, int] | None:
    """(last row, last column) over every cell of the sheet XML, empty ones included; None when
    the XML is not laid out as Excel, WPS, LibreOffice and openpyxl write it (`<row r="N">`
    holding `<c r="A1">`), so that only the careful scan can tell.

    Cheap for 1.5 million cells (a few passes of bytes.count and one search): rows are taken from
    the row elements and columns from the first and last rows (a table's widest, as a rule); one
    search then looks for a cell beyond either — a row after the last row element (a cell put far
    below the table) sends the sheet to the careful scan, a column further right has all the
    columns collected. So the area returned is exact."""
    if b":c " in data or b":row " in data or b"<c>" in data or b"<c/>" in data or b"<row>" in data:
        return None  # a namespace prefix, or cells/rows without a reference: the careful scan
    n_cells = data.count(b"<c ")
    rows = _ROW_REF.findall(data)
    if len(rows) != data.count(b"<row") - data.count(b"<rowBreaks") or data.count(b'<c r="') != n_cells:
        return None
    if not n_cells:
        return 0, 0
    last_row = max(map(int, rows), default=0)
    hint = 0
    for start in (data.find(b"<row "), data.rfind(b"<row ")):
        if start >= 0:
            end = data.find(b"</row>", start)
            hint = max([hint, *map(_column_number, _CELL_COLUMN.findall(data, start, end if end > 0 else len(data)))])
    found = re.search(b'<c r="(?:([A-Z]{1,3}' + _greater(last_row) + b'")|' + _beyond(hint) + b"[0-9])", data)
    if found is None:
        return last_row, hint
    if found.group(1):
        return None
    return last_row, max(map(_column_number, set(_CELL_COLUMN.findall(data))), default=0)


def _greater(number: int) -> bytes:
    """A pattern for a decimal number (no leading zeros) greater than `number` ≥ 0."""
    digits = str(number)
    n = len(digits)
    alts = [f"[1-9][0-9]{{{n},}}"]
    alts += [digits[:i] + f"[{int(d) + 1}-9]" + "[0-9]" * (n - i - 1) for i, d in enumerate(digits) if d != "9"]
    return ("(?:" + "|".join(alts) + ")").encode()


def _beyond(column: int) -> bytes:
    """A pattern for the letters of a column after `column` (1-based; 0: any column)."""
    letters = _column_letters(column)
    n = len(letters)
    alts = [f"[A-Z]{{{n + 1},3}}"] if n < 3 else []
    alts += [letters[:i] + f"[{chr(ord(c) + 1)}-Z]" + "[A-Z]" * (n - i - 1) for i, c in enumerate(letters) if c != "Z"]
    return ("(?:" + "|".join(alts or ["(?!)"]) + ")").encode()


def _filled_area(data: bytes) -> tuple[int, int]:
    """(last row, last column) over the cells that hold something (a value, an inline string or
    a formula): what calamine (and our fix-ups of error cells) will lay out as a grid."""
    last_row = last_col = 0
    for row, col, _el, kids in _cells(data):
        v = kids.get("v")
        if (v is not None and v.text) or "is" in kids or "f" in kids:
            last_row, last_col = max(last_row, row), max(last_col, col)
    return last_row, last_col


def _check_area(data: bytes, file: str, sheet: str) -> None:
    """Refuse a sheet whose filled area is beyond MAX_SHEET_CELLS before calamine lays it out as
    a dense grid: one value at XFD1048576 would otherwise ask for 17 billion cells (an abort of
    the whole process, not an exception)."""
    quick = _quick_area(data)
    if quick is not None and quick[0] * quick[1] <= MAX_SHEET_CELLS:
        return
    try:
        rows, cols = _filled_area(data)
    except (ET.ParseError, ValueError):
        return  # not well-formed XML: calamine reports the damage
    if rows * cols > MAX_SHEET_CELLS:
        raise _too_large(file, sheet, rows, cols)


def _too_large(file: str, sheet: str, rows: int, cols: int) -> InputError:
    return InputError([input_problem("error", "sheet_too_large", dict(file=file, sheet=sheet),
                                     ref=f"{_column_letters(cols)}{rows}", rows=rows, cols=cols, cells=rows * cols,
                                     limit=MAX_SHEET_CELLS)])


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _repeat(el, attr: str) -> int:
    try:
        return max(1, int(el.get(_ODS_TABLE + attr) or 1))
    except ValueError:
        return 1


def _prescan_ods(path: Path) -> None:
    """The OpenDocument side of `_check_area`: an ODS sheet says 'this row (cell) again N times',
    so a few bytes can describe a filled area of billions of cells. Only cells with a value or a
    text count; trailing empty repeats (LibreOffice writes them to the sheet's end) do not."""
    try:
        with zipfile.ZipFile(path) as z:
            data = z.read("content.xml")
        sheet, row, last_row, last_col = "", 0, 0, 0

        def verdict() -> None:
            if last_row * last_col > MAX_SHEET_CELLS:
                raise _too_large(path.name, sheet, last_row, last_col)

        for event, el in ET.iterparse(io.BytesIO(data), events=("start", "end")):
            if el.tag == _ODS_TABLE + "table":
                if event == "start":
                    sheet, row, last_row, last_col = el.get(_ODS_TABLE + "name", ""), 0, 0, 0
                else:
                    verdict()
                    el.clear()
            elif el.tag == _ODS_TABLE + "table-row" and event == "end":
                times, col, filled = _repeat(el, "number-rows-repeated"), 0, 0
                for cell in el:
                    n = _repeat(cell, "number-columns-repeated")
                    if cell.get(_ODS_OFFICE + "value-type") or len(cell):
                        filled = col + n
                    col += n
                if filled:
                    last_row, last_col = row + times, max(last_col, filled)
                row += times
                el.clear()
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - a damaged package: calamine reports it next
        pass


def _prescan(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Look at each worksheet's XML before calamine does (xlsx/xlsm only): refuse a sheet whose
    filled area is too large (`_check_area`), and return per sheet name the cells
    `_scan_sheet_xml` finds.

    Calamine turns error cells and uncalculated formulas into '', which would then pass for
    missing data and be imputed. We put the error text ('#N/A') or the formula ('=A2*2') in
    their place so validation reports them as non-numeric values instead.
    """
    out: dict[str, dict[tuple[int, int], str]] = {}
    marker = re.compile(rb"""t=["']e["']|<(\w+:)?f[\s>/]""")
    try:
        with zipfile.ZipFile(path) as z:
            parts = _sheet_parts(z)
            for sheet, part in parts.items():
                data = z.read(part)
                _check_area(data, path.name, sheet)
                if any(m in data for m in (b"<f", b":f", b"t=\"e\"", b"t='e'")) and marker.search(data):
                    cells = _scan_sheet_xml(data)
                    if cells:
                        out[sheet] = cells
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - zip, zlib, XML, layout: calamine reads (or refuses) the file next,
        pass  # with its own message; an odd or damaged package only costs us this extra check
    return out


def read_workbook(path: str | Path) -> dict[str, Table]:
    """Every worksheet of an .xlsx/.xlsm/.ods workbook, keyed by sheet name as written.

    Chart sheets are skipped. Numbers come back as float (calamine does not keep Excel's
    int/float distinction), dates as datetime.date/datetime, text as str, empty as None.
    """
    path = Path(path)
    name = path.name
    data = _load_bytes(path)
    if (err := _wrong_type(path)) is not None:
        raise err
    if path.suffix.lower() not in WORKBOOK_TYPES:
        raise _fail("unsupported_type", f"this is not a spreadsheet workbook; accepted are {ACCEPTED}", name)
    _check_workbook_bytes(data, name)
    fixes = _prescan(path) if path.suffix.lower() in (".xlsx", ".xlsm") else {}
    if path.suffix.lower() == ".ods":
        _prescan_ods(path)
    grids: dict[str, list[list]] = {}
    sheet = ""
    try:
        with CalamineWorkbook.from_path(str(path)) as wb:
            for meta in wb.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue
                sheet = meta.name
                grid = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
                grids[sheet] = [list(r) for r in grid]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # calamine's Rust panics arrive as pyo3 PanicException(BaseException)
        where = f" (at sheet '{sheet}')" if sheet else ""
        raise _fail("corrupt", f"the file could not be read as an Excel workbook{where}: {brief_error(e)}; it "
                    "may be damaged or not really a workbook — open it in Excel/WPS and save it again as "
                    ".xlsx", name) from None

    for sheet, grid in grids.items():
        for (r, c), shown in fixes.get(sheet, {}).items():
            grid.extend([] for _ in range(r - len(grid)))
            grid[r - 1].extend([""] * (c - len(grid[r - 1])))
            grid[r - 1][c - 1] = shown
    return {sheet: _to_table(name, sheet, grid, _workbook_cell) for sheet, grid in grids.items()}


# ------------------------------------------------------------------------------------------------ CSV


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) first, then charset_normalizer's guess; GB18030 is preferred
    whenever that guess is East Asian, because for short files of Chinese text the guess is often
    Korean, Japanese or Big5 while the file is really GBK (a subset of GB18030)."""
    tried = ["UTF-8"]
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        candidates = ["utf-16"]
    else:
        best = charset_normalizer.from_bytes(data).best()
        guess = best.encoding if best else ""
        candidates = [guess] if guess else []
        if not best or guess in _EAST_ASIAN or guess.startswith("utf") or best.language in (
                "Chinese", "Japanese", "Korean"):
            candidates.insert(0, "gb18030")
    for enc in dict.fromkeys(candidates):
        tried.append(enc.upper().replace("_", "-"))
        try:
            return data.decode(enc).lstrip("\ufeff")
        except (UnicodeDecodeError, LookupError):
            continue
    raise _fail("encoding", f"the text encoding could not be recognised (tried {', '.join(tried)}); "
                "open the file in Excel/WPS or a text editor and save it as 'CSV UTF-8'", name)


def _delimiter(text: str) -> str:
    """Comma unless the first non-empty line has more semicolons or tabs (European Excel, TSV)."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {d: line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _nul_error(text: str, delim: str, name: str) -> InputError:
    """Where the first NUL byte is (line as a text editor numbers it, column as the CSV field
    holding it, with its header when the first line has one), and how many there are."""
    at = text.index("\x00")
    line_no = text.count("\n", 0, at) + 1
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:] if end < 0 else text[start:end]
    def split(s: str) -> list[str]:
        try:
            return next(csv.reader([s.replace("\r", "")], delimiter=delim), [])
        except csv.Error:  # an open quote, say: count the delimiters instead
            return s.split(delim)

    fields = split(line.replace("\x00", "\ufffe"))
    j = next((k for k, f in enumerate(fields) if "\ufffe" in f), line[:at - start].count(delim))
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    header = split(first.replace("\x00", ""))
    head = header[j].strip() if j < len(header) else ""
    value = fields[j].replace("\ufffe", "\x00") if j < len(fields) else None
    return InputError([input_problem("error", "csv_nul", dict(file=name, row=line_no, column=head or f"#{j + 1}",
                                                              value=value),
                                     line=line_no, position=j + 1,
                                     count=text.count("\x00"))])


def read_csv(path: str | Path) -> Table:
    """A CSV/TSV file as one Table (sheet ''). Rows are numbered as Excel would show them
    (header row 1 unless blank lines come first); cells are str, float or None."""
    path = Path(path)
    name = path.name
    data = _load_bytes(path)
    if data.startswith(_ZIP_MAGIC) or data.startswith(_OLE_MAGIC):
        raise _fail("not_text", "this is an Excel workbook, not a CSV text file; give it its real "
                    "extension (.xlsx) or save it from Excel/WPS as 'CSV UTF-8'", name)
    text = _decode(data, name)
    delim = _delimiter(text)
    if "\x00" in text:
        raise _nul_error(text, delim, name)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    except csv.Error as e:
        raise _fail("csv_format", f"the file could not be read as CSV: {brief_error(e)}", name) from None
    filled = [i for i, r in enumerate(records) if _used_width(r)]
    if not filled:
        raise _fail("empty_file", "the file contains no data (only empty lines)", name)
    width = len(records[filled[0]])
    problems = [
        Problem("error", "csv_extra_values",
                f"this row has {_used_width(r)} values but the header has {width} columns; a value "
                f"probably contains the delimiter '{delim}' (e.g. a decimal comma) — put it in quotes "
                "or use a point as decimal separator", file=name, row=i + 1,
                args={"n": _used_width(r), "width": width, "delim": delim})
        for i, r in enumerate(records) if i > filled[0] and _used_width(r) > width
    ]
    if problems:
        raise InputError(problems)
    return _to_table(name, "", records, _csv_cell)


# ---------------------------------------------------------------------------------------------- other


def read_any(path: str | Path) -> dict[str, Table]:
    """Read any accepted file: a workbook gives its sheets, a CSV gives {'data': table}."""
    path = Path(path)
    if path.exists() and (err := _wrong_type(path)) is not None:
        raise err
    if path.suffix.lower() in TEXT_TYPES:
        return {"data": read_csv(path)}
    return read_workbook(path)


def find_sheet(tables: dict[str, Table], *names: str) -> Table | None:
    """The first sheet matching any of `names`, ignoring case and surrounding spaces
    (users type 'Framework ' or 'FRAMEWORK'); None when there is none."""
    index = {k.strip().casefold(): t for k, t in tables.items()}
    for n in names:
        if (t := index.get(n.strip().casefold())) is not None:
            return t
    return None
