"""Writing workbooks safely: small openpyxl helpers, and a fast streaming writer (XlsxWriter).

`safe` turns any text that Excel would read as a formula (starting with
= + - @, a tab or a carriage return) into plain text, so a city named
`=HYPERLINK(...)` stays a name. With openpyxl every cell the application writes goes
through `write_row`; the only way to write a formula is `write_formula`, which is for
formulas the application builds itself, never for user text. The streaming writer
(`Sheet` planned in memory, written by `Book`) keeps the same rules: such text is written
as a string with a quote prefix, and only `Sheet.formula` writes a formula.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter, quote_sheetname

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(v: Any) -> Any:
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v):
        return ILLEGAL_CHARACTERS_RE.sub("", v)  # control characters XML cannot hold
    return v


def write_row(ws, row: int, values: list[Any], start_col: int = 1) -> None:
    for j, v in enumerate(values):
        c = ws.cell(row=row, column=start_col + j)
        v = safe(v)
        if isinstance(v, str) and v.startswith(FORMULA_STARTS):
            c.value = v
            c.data_type = "s"  # plain string, never a formula
            c.quotePrefix = True  # Excel keeps it text even when the cell is edited again
        else:
            c.value = v


def write_formula(ws, row: int, col: int, formula: str):
    """A formula the application built (never user text); returns the cell."""
    if not formula.startswith("="):
        raise ValueError(f"not a formula: {formula!r}")
    c = ws.cell(row=row, column=col)
    c.value = formula
    return c


def text_width(v: Any) -> int:
    """Display width of a value: CJK and full-width characters count double."""
    s = str(v)
    return max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) for line in s.splitlines() or [""]),
               default=0)


def autosize(ws, min_width: int = 6, max_width: int = 40) -> None:
    widths: dict[int, float] = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            w = text_width(c.value) + 2
            widths[c.column] = max(widths.get(c.column, 0), w)
    for col, w in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = max(min_width, min(max_width, w))


# --- the fast writer (XlsxWriter, constant memory) ------------------------------------------------
# The results workbook is planned in memory as small `Sheet` objects (ordinary cells in a dict, large
# numeric tables as numpy `Grid`s that are not copied) and then streamed row by row with XlsxWriter's
# constant_memory mode, so a 3,000 × 500 project is written in seconds and without holding millions
# of cell objects. A grid's cells are turned into XML in one pass per row (`_FastSheet`), which is
# what XlsxWriter would write for them cell by cell, at a fraction of the cost.

class Cancelled(Exception):
    """The writer's `cancelled()` callback said stop; nothing was written."""


class Grid:
    """A block of numbers (NaN = empty cell) at (row, col), 1-based, all in one style."""

    __slots__ = ("row", "col", "values", "style", "marks")

    def __init__(self, row: int, col: int, values, style: dict | None = None):
        import numpy as np
        self.row, self.col = row, col
        self.values = np.asarray(values, dtype=float)
        self.style = style or {}
        self.marks: dict[int, dict[int, dict]] = {}  # i -> j -> extra style of that cell of the block

    def mark(self, row: int, col: int, **props: Any) -> None:
        """Give one cell of the block (sheet row and column) more style, e.g. a fill."""
        by_col = self.marks.setdefault(row - self.row, {})
        by_col[col - self.col] = {**by_col.get(col - self.col, {}), **props}

    @property
    def last_row(self) -> int:
        return self.row + self.values.shape[0] - 1

    @property
    def last_col(self) -> int:
        return self.col + self.values.shape[1] - 1


class Sheet:
    """One worksheet as planned: cells, grids, widths, heights, print setup, charts and images.

    Rows and columns are 1-based, as in Excel. Every value goes through `safe`; text that Excel
    would read as a formula is written as text with a quote prefix (`Book`); formulas come only
    from `formula()`."""

    def __init__(self, title: str):
        self.title = title
        self.cells: dict[int, dict[int, tuple[str, Any, dict]]] = {}
        self.grids: list[Grid] = []
        self.widths: dict[int, float] = {}
        self.heights: dict[int, float] = {}
        self.hidden_cols: set[int] = set()
        self.merges: list[tuple[int, int, int]] = []  # (row, first col, last col)
        self.validations: list[tuple[int, int, int, int, dict]] = []
        self.charts: list[tuple[int, int, Callable]] = []  # (row, col, build(workbook, quoted title))
        self.images: list[tuple[int, int, str, dict]] = []
        self.freeze: str | None = None
        self.title_rows: tuple[int, int] | None = None
        self.row_breaks: list[int] = []  # a page break after each of these rows (1-based)
        self.title_cols: tuple[int, int] | None = None
        self.landscape = True
        self.fit_width: int | None = 1
        self.fit_height = 0  # 0: as many pages down as needed
        self.hidden = False
        self.gridlines = True
        self.header_text = "&C&A"
        self.footer_text = ""

    # cells
    def set(self, row: int, col: int, value: Any, style: dict | None = None) -> None:
        v = safe(value)
        if v is None and not style:
            self.cells.get(row, {}).pop(col, None)
            return
        self.cells.setdefault(row, {})[col] = ("v", v, dict(style or {}))

    def write_row(self, row: int, values: Sequence[Any], start_col: int = 1, style: dict | None = None) -> None:
        for j, v in enumerate(values):
            if v is not None or style:
                self.set(row, start_col + j, v, style)

    def formula(self, row: int, col: int, formula: str, style: dict | None = None) -> None:
        """A formula the application built (never user text)."""
        if not formula.startswith("="):
            raise ValueError(f"not a formula: {formula!r}")
        self.cells.setdefault(row, {})[col] = ("f", formula, dict(style or {}))

    def link(self, row: int, col: int, location: str, text: str, style: dict | None = None) -> None:
        """A link to a place in this workbook (`'Sheet'!C1`)."""
        self.cells.setdefault(row, {})[col] = ("u", (location, text), dict(style or {}))

    def style(self, row: int, col: int, **props: Any) -> None:
        """Add style properties to a cell (an empty cell gets them too)."""
        kind, v, st = self.cells.setdefault(row, {}).get(col, ("v", None, {}))
        self.cells[row][col] = (kind, v, {**st, **props})

    def value(self, row: int, col: int) -> Any:
        c = self.cells.get(row, {}).get(col)
        if c is not None:
            return c[1] if c[0] == "v" else None
        for g in self.grids:
            if g.row <= row <= g.last_row and g.col <= col <= g.last_col:
                x = float(g.values[row - g.row, col - g.col])
                return None if x != x else x
        return None

    def grid(self, row: int, col: int, values, style: dict | None = None) -> Grid:
        g = Grid(row, col, values, style)
        self.grids.append(g)
        return g

    def merge(self, row: int, first_col: int, last_col: int) -> None:
        self.merges.append((row, first_col, last_col))

    @property
    def max_row(self) -> int:
        return max([max(self.cells, default=0)] + [g.last_row for g in self.grids])

    @property
    def max_col(self) -> int:
        cols = [max(r) for r in self.cells.values() if r]
        return max(cols + [g.last_col for g in self.grids] + [0])

    def n_cells(self) -> int:
        import numpy as np
        return sum(len(r) for r in self.cells.values()) + sum(int(np.isfinite(g.values).sum()) for g in self.grids)

    def content_widths(self, header_row: int, skip_merged: bool = True) -> tuple[dict[int, int], dict[int, int]]:
        """(data widths, header widths) by column, in characters (CJK counting double)."""
        import numpy as np
        merged = {(r, c) for r, c, _ in self.merges} if skip_merged else set()
        data: dict[int, int] = {}
        head: dict[int, int] = {}
        for row, cols in self.cells.items():
            target = head if row == header_row else data
            for col, (kind, v, st) in cols.items():
                if v is None or (row, col) in merged:
                    continue
                if kind == "f":
                    w = 10
                elif kind == "u":
                    w = text_width(v[1])
                elif isinstance(v, numbers.Real) and not isinstance(v, bool):
                    w = number_width(float(v), st.get("num_format", ""))
                else:
                    w = text_width(v)
                if row < header_row:
                    continue  # notes and titles above the header do not widen a column
                target[col] = max(target.get(col, 0), w)
        for g in self.grids:
            fmt = g.style.get("num_format", "")
            with np.errstate(all="ignore"):
                for j in range(g.values.shape[1]):
                    col = g.values[:, j]
                    col = col[np.isfinite(col)]
                    if not len(col):
                        continue
                    lo, hi = float(col.min()), float(col.max())
                    if re.fullmatch(r"0(?:\.0+)?", fmt):
                        w = max(number_width(lo, fmt), number_width(hi, fmt))
                    else:  # General: at most 11 characters
                        w = min(max(len(repr(float(x))) for x in col[:200]), 11)
                    data[g.col + j] = max(data.get(g.col + j, 0), w)
        return data, head


def number_width(v: float, fmt: str) -> int:
    m = re.fullmatch(r"0(?:\.(0+))?", fmt or "")
    if m is None:  # General: Excel shows at most 11 characters
        return min(len(repr(v)), 11)
    return len(f"{v:.{len(m.group(1) or '')}f}")


def _fast_sheet_class():
    """XlsxWriter's worksheet, taught one more kind of cell: a run of numbers already in XML."""
    from xlsxwriter.utility import xl_rowcol_to_cell
    from xlsxwriter.worksheet import Worksheet

    class _FastSheet(Worksheet):
        def _write_cell(self, row, col, cell):  # noqa: ANN001 - XlsxWriter's signature
            if cell.__class__ is _XmlRun:
                self.fh.write(cell.xml)
            elif cell.__class__.__name__ == "Formula":
                # no cached value: XlsxWriter would store 0, which LibreOffice shows until recalculated;
                # without one every reader computes the formula (as with openpyxl's files)
                s = f' s="{cell.format._get_xf_index()}"' if cell.format else ""
                self.fh.write(f'<c r="{xl_rowcol_to_cell(row, col)}"{s}><f>{self._escape_data(cell.formula)}</f></c>')
            else:
                super()._write_cell(row, col, cell)

    return _FastSheet


class _XmlRun:
    __slots__ = ("xml",)

    def __init__(self, xml: str):
        self.xml = xml


_XF_KEYS = {"bold": "bold", "italic": "italic", "color": "font_color", "num_format": "num_format",
            "align": "align", "valign": "valign", "wrap": "text_wrap", "indent": "indent",
            "underline": "underline", "quote": "quote_prefix", "size": "font_size"}


ZIP_LEVEL = 1  # deflate level of the written .xlsx (zlib's default is 6)


class Book:
    """Writes planned `Sheet`s to an .xlsx with XlsxWriter (constant memory), reporting progress."""

    def __init__(self, path, properties: dict | None = None):
        import tempfile

        import xlsxwriter
        # XlsxWriter keeps each sheet's rows in a temporary file until it zips them; they go in a folder
        # of our own, removed whatever happens (a cancelled or failed write would leave them otherwise)
        self._tmp = tempfile.TemporaryDirectory(prefix="cityindex-xlsx-", ignore_cleanup_errors=True)
        self.wb = xlsxwriter.Workbook(str(path), {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False, "nan_inf_to_errors": False, "tmpdir": self._tmp.name})
        if properties:
            self.wb.set_properties(properties)
        self._formats: dict[tuple, Any] = {}
        self._cls = _fast_sheet_class()

    def fmt(self, style: dict | None):
        if not style:
            return None
        key = tuple(sorted(style.items()))
        f = self._formats.get(key)
        if f is None:
            props: dict[str, Any] = {}
            for k, v in style.items():
                if k == "fill":
                    props.update(pattern=1, bg_color="#" + v)
                elif k == "border_bottom":
                    props.update(bottom=1, bottom_color="#" + v)
                elif k == "color":
                    props["font_color"] = "#" + v
                else:
                    props[_XF_KEYS[k]] = v
            f = self._formats[key] = self.wb.add_format(props)
        return f

    def write(self, sheets: Sequence[Sheet], progress: Callable[[float], None] | None = None,
              cancelled: Callable[[], bool] | None = None, active: int = 0) -> None:
        """Write every sheet and close the file; `Cancelled` when `cancelled()` turns True."""
        try:
            self._write(sheets, progress, cancelled, active)
        finally:
            for ws in self.wb.worksheets():
                fh = getattr(ws, "row_data_fh", None)
                if fh is not None and not fh.closed:
                    fh.close()  # Windows cannot remove an open file
            self._tmp.cleanup()

    def _write(self, sheets: Sequence[Sheet], progress: Callable[[float], None] | None,
               cancelled: Callable[[], bool] | None, active: int) -> None:
        total = max(sum(s.n_cells() for s in sheets), 1)
        done = 0
        step = max(total // 200, 2000)  # about 200 progress calls however large the workbook
        next_report = step
        for s in sheets:
            ws = self.wb.add_worksheet(s.title, worksheet_class=self._cls)
            self._setup(ws, s)
            for n in self._rows(ws, s):
                done += n
                if done >= next_report:
                    next_report = done + step
                    if cancelled is not None and cancelled():
                        raise Cancelled("export cancelled")
                    if progress is not None:
                        progress(min(done / total, 0.99))
            for row, col, build in s.charts:
                ws.insert_chart(row - 1, col - 1, build(self.wb, quote_sheetname(s.title)))
            for row, col, path, opts in s.images:
                ws.insert_image(row - 1, col - 1, path, opts)
            if s.hidden:
                ws.hide()
        self.wb.worksheets()[active].activate()
        if cancelled is not None and cancelled():
            raise Cancelled("export cancelled")
        self._close()
        if progress is not None:
            progress(1.0)

    def _close(self) -> None:
        """Zip the parts at a faster deflate level than zlib's default: on a large workbook the
        compression was two thirds of the writing time; the file grows by about a third."""
        import functools

        import xlsxwriter.workbook as xw
        zip_file = xw.ZipFile
        xw.ZipFile = functools.partial(zip_file, compresslevel=ZIP_LEVEL)
        try:
            self.wb.close()
        finally:
            xw.ZipFile = zip_file

    def _setup(self, ws, s: Sheet) -> None:
        for col in sorted(set(s.widths) | s.hidden_cols):
            w = s.widths.get(col, 9)
            ws.set_column(col - 1, col - 1, w, None, {"hidden": True} if col in s.hidden_cols else None)
        if s.freeze:
            ws.freeze_panes(s.freeze)
        if s.title_rows:
            ws.repeat_rows(s.title_rows[0] - 1, s.title_rows[1] - 1)
        if s.title_cols:
            ws.repeat_columns(s.title_cols[0] - 1, s.title_cols[1] - 1)
        if s.row_breaks:
            ws.set_h_pagebreaks(sorted(s.row_breaks))  # xlsxwriter: a break below the 1-based row given
        if s.landscape:
            ws.set_landscape()
        ws.set_paper(9)  # A4
        if s.fit_width:
            ws.fit_to_pages(s.fit_width, s.fit_height)
        ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
        if s.header_text:
            ws.set_header(s.header_text, {"margin": 0.3})
        if s.footer_text:
            ws.set_footer(s.footer_text, {"margin": 0.3})
        ws.center_horizontally()
        if not s.gridlines:
            ws.hide_gridlines(2)
        for first_row, first_col, last_row, last_col, opts in s.validations:
            ws.data_validation(first_row - 1, first_col - 1, last_row - 1, last_col - 1, opts)

    def _rows(self, ws, s: Sheet):
        """Write the sheet row by row; yields the number of cells of each row written."""
        from xlsxwriter.utility import xl_col_to_name
        merged = {(r, c1): c2 for r, c1, c2 in s.merges}
        grids_at: dict[int, list[Grid]] = {}
        for g in s.grids:
            for r in range(g.row, g.last_row + 1):
                grids_at.setdefault(r, []).append(g)
        starts = {}  # per grid: '<c r="AB' for each of its columns
        xf = {}
        for g in s.grids:
            starts[id(g)] = [f'<c r="{xl_col_to_name(g.col - 1 + j)}' for j in range(g.values.shape[1])]
            f = self.fmt(g.style)
            xf[id(g)] = f' s="{f._get_xf_index()}"' if f is not None else ""
        rows = sorted(set(s.cells) | set(grids_at) | set(s.heights))
        for row in rows:
            r0 = row - 1
            if row in s.heights:
                ws.set_row(r0, s.heights[row])
            n = 0
            for col, (kind, v, st) in sorted(s.cells.get(row, {}).items()):
                c0 = col - 1
                if kind == "f":
                    ws.write_formula(r0, c0, v, self.fmt(st))
                elif kind == "u":
                    ws.write_url(r0, c0, "internal:" + v[0], self.fmt(st), v[1])
                elif (row, col) in merged:
                    value = v
                    st2 = dict(st)
                    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                        st2["quote"] = True
                    ws.merge_range(r0, c0, r0, merged[(row, col)] - 1, "", self.fmt(st2))
                    if isinstance(value, str):
                        ws.write_string(r0, c0, value, self.fmt(st2))
                    elif value is not None:
                        ws.write(r0, c0, value, self.fmt(st2))
                elif v is None:
                    ws.write_blank(r0, c0, None, self.fmt(st))
                elif isinstance(v, str):
                    if v.startswith(FORMULA_STARTS):
                        st = {**st, "quote": True}  # plain text, and stays text when edited in Excel
                    ws.write_string(r0, c0, v, self.fmt(st))
                elif isinstance(v, bool):
                    ws.write_boolean(r0, c0, v, self.fmt(st))
                elif isinstance(v, numbers.Real):  # numpy's integers and floats too
                    ws.write_number(r0, c0, float(v), self.fmt(st))
                else:
                    ws.write_string(r0, c0, str(v), self.fmt(st))
                n += 1
            for g in grids_at.get(row, ()):
                vals = g.values[row - g.row]
                if r0 > ws.previous_row:
                    ws._write_single_row(r0)  # flush the previous row (constant_memory)
                ws._check_dimensions(r0, g.col - 1)
                ws._check_dimensions(r0, g.last_col - 1)
                rs, s_attr = str(row), xf[id(g)]
                i = row - g.row
                marked = g.marks.get(i)
                mid = f'{rs}"{s_attr}><v>'  # below: finite numbers only (x - x is NaN for NaN and inf)
                if marked:
                    mids = [mid] * len(vals)
                    for j, st in marked.items():
                        mids[j] = f'{rs}" s="{self.fmt({**g.style, **st})._get_xf_index()}"><v>'
                    xml = "".join([f"{p}{m}{x:.16G}</v></c>"
                                   for p, m, x in zip(starts[id(g)], mids, vals.tolist()) if x - x == 0])
                else:
                    xml = "".join([f"{p}{mid}{x:.16G}</v></c>"
                                   for p, x in zip(starts[id(g)], vals.tolist()) if x - x == 0])
                ws.table[r0][g.col - 1] = _XmlRun(xml)
                n += len(vals)
            yield n
