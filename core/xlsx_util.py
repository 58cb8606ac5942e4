"""Small helpers for writing workbooks with openpyxl safely.

`safe` turns any text that Excel would read as a formula (starting with
= + - @, a tab or a carriage return) into plain text, so a city named
`=HYPERLINK(...)` stays a name.
"""

from __future__ import annotations

import math
from typing import Any

from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(v: Any) -> Any:
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def write_row(ws, row: int, values: list[Any], start_col: int = 1) -> None:
    for j, v in enumerate(values):
        c = ws.cell(row=row, column=start_col + j)
        v = safe(v)
        if isinstance(v, str) and v.startswith(FORMULA_STARTS):
            c.value = v
            c.data_type = "s"  # plain string, never a formula
        else:
            c.value = v


def autosize(ws, min_width: int = 6, max_width: int = 40) -> None:
    widths: dict[int, float] = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            s = str(c.value)
            w = sum(2 if ord(ch) > 0x2E80 else 1 for ch in s) + 2
            widths[c.column] = max(widths.get(c.column, 0), w)
    for col, w in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = max(min_width, min(max_width, w))
