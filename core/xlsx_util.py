"""Small helpers for writing workbooks with openpyxl safely.

`safe` turns any text that Excel would read as a formula (starting with
= + - @, a tab or a carriage return) into plain text, so a city named
`=HYPERLINK(...)` stays a name. Every cell the application writes goes through
`write_row`; the only way to write a formula is `write_formula`, which is for
formulas the application builds itself, never for user text.
"""

from __future__ import annotations

import math
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

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
