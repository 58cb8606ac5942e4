"""A sheet as read from a file: header, rows and where they came from.

Readers (xlsx, csv) produce `Table`s; validation and parsing consume them, so
that every message can name the file, the sheet and the Excel row.
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

    def excel_row(self, i: int) -> int:
        """Excel's number of data row i (0-based)."""
        return self.header_row + 1 + i

    def column(self, j: int) -> list[Any]:
        return [r[j] if j < len(r) else None for r in self.rows]


def is_blank(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and v != v:  # NaN
        return True
    return isinstance(v, str) and v.strip() == ""
