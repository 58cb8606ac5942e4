"""The first sheet of a form that goes out to an expert and comes back (weight forms, score
sheets): key/value rows such as 专家姓名 | 张三. One reader for both kinds of form.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core.model.table import Table, is_blank


def cell_text(v: Any) -> str:
    """A cell as text: blank → '', 3.0 → '3' (a code or a round typed as a number), else stripped."""
    if is_blank(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def info_rows(table: Table | None) -> dict[str, tuple[str, int]]:
    """key (case-folded, without a trailing colon) → (value, Excel row), first occurrence wins."""
    out: dict[str, tuple[str, int]] = {}
    if table is None:
        return out
    lines = [(table.header_row, table.header)] + [(table.excel_row(i), r) for i, r in enumerate(table.rows)]
    for row, r in lines:
        k = cell_text(r[0] if r else None).rstrip(":：").strip().casefold()
        if k and k not in out:
            out[k] = (cell_text(r[1] if len(r) > 1 else None), row)
    return out


def lookup(info: dict[str, tuple[str, int]], keys: Iterable[str]) -> tuple[str, int] | None:
    """The first of `keys` (any spelling: 专家姓名, expert, Expert name…) the sheet has."""
    for k in keys:
        if k.casefold() in info:
            return info[k.casefold()]
    return None
