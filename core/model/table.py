"""A sheet as read from a file: header, rows and where they came from.

Readers (xlsx, csv) produce `Table`s; validation and parsing consume them, so
that every message can name the file, the sheet and the Excel row. `is_blank`, `cell_text` and
`cell_number` read single cells the same way wherever a sheet is parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Table:
    file: str  # file name as shown to the user (no directories)
    sheet: str  # sheet name as written ('' for a CSV)
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    header_row: int = 1  # Excel row number of the header
    # Excel row of each data row when they are not consecutive (one edition's rows taken out of a
    # sheet holding several editions, core.model.editions); None = header_row + 1 + i
    row_numbers: list[int] | None = None

    def excel_row(self, i: int) -> int:
        """Excel's number of data row i (0-based)."""
        if self.row_numbers is not None:
            return self.row_numbers[i]
        return self.header_row + 1 + i

    def column(self, j: int) -> list[Any]:
        return [r[j] if j < len(r) else None for r in self.rows]


def is_blank(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and v != v:  # NaN
        return True
    return isinstance(v, str) and v.strip() == ""


def cell_text(v: Any) -> str:
    """A cell as text: blank → '', 3.0 → '3' (a code or a name typed as a number), else stripped."""
    if is_blank(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def cell_number(v: Any) -> float:
    """A weight or bound as written in the framework or an expert's form: a number, a number as text, or a
    percentage ('12%' or '12％' → 0.12). ValueError for anything else (True, '12,3', '约50'): the caller
    reports the cell; a typo never becomes a number."""
    if isinstance(v, bool):
        raise ValueError
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip().replace("％", "%")
    if s.endswith("%"):
        return float(s[:-1]) / 100.0
    return float(s)
