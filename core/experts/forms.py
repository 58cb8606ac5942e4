"""What every form that goes out to an expert and comes back has in common (weight forms in
`weight_forms`, score sheets in `score_sheets`), written once so the two kinds cannot drift apart:

- the first sheet (`说明` / `instructions`): key/value rows such as 专家姓名 | 张三 under a title,
  read back by `info_rows` / `lookup` whatever the spelling of the key;
- the framework's fingerprint, which ties a returned form to the framework it was made for;
- opening a returned workbook (`open_form`): its sheets, its first sheet and the expert's name;
- the cell styles both kinds use, and writing one file per expert into a folder (`write_per_expert`).

What differs — a form's own sheets, what a problem in them means — stays in the module of its kind.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.model.framework import Framework
from core.model.problems import InputError, ProblemList
from core.model.table import Table, cell_text

INFO_SHEETS = ("说明", "instructions", "info")
KEY_EXPERT = "专家姓名"
KEY_FRAMEWORK = "指标体系"
KEY_FINGERPRINT = "指标体系校验码"
KEY_DATE = "生成日期"
# The spellings a returned form may use for its keys, the first that is there wins.
EXPERT_KEYS = (KEY_EXPERT, "专家", "姓名", "expert", "expert name", "name")
FP_KEYS = (KEY_FINGERPRINT, "fingerprint", "framework fingerprint")

BORDER_COLOR = "BFBFBF"  # the thin grey frame of every cell an expert fills in
TITLE_SIZE = 14


# ---------------------------------------------------------------------------------------- cells

def col_letter(j: int) -> str:
    """The Excel letter of a 0-based column index (0 → 'A'), as every problem names a cell."""
    from openpyxl.utils import get_column_letter
    return get_column_letter(j + 1)


def split_names(text: str, unique: bool = False) -> list[str]:
    """Expert names from text separated by commas (also ，、；;) or new lines; blanks dropped, order
    kept; `unique`: a name given twice is kept once (the weight forms; the score sheets refuse it)."""
    out: list[str] = []
    for part in re.split(r"[,，、;；\n\r]+", text or ""):
        name = part.strip()
        if name and not (unique and name in out):
            out.append(name)
    return out


# ---------------------------------------------------------------------------------------- the first sheet

def framework_fingerprint(fw: Framework) -> str:
    """A short digest of the tree (codes and parents, in order): equal iff same structure."""
    text = "\n".join(f"{c}\t{fw.nodes[c].parent}" for c in fw.preorder())
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


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


@dataclass
class ReturnedForm:
    """A returned workbook as both kinds of form start reading it: its sheets and its first sheet."""

    file: str  # the file's name, as problems name it
    tables: dict[str, Table]
    info_table: Table | None  # the first sheet (说明 / instructions), if there is one
    info: dict[str, tuple[str, int]]  # its key/value rows (info_rows)

    @property
    def info_sheet(self) -> str:
        """The first sheet's name, '' when there is none (a problem's sheet)."""
        return self.info_table.sheet if self.info_table is not None else ""

    @property
    def sheet_names(self) -> str:
        """The sheets found, for a message: 'a, b' or ''."""
        return ", ".join(self.tables)

    def get(self, keys: Iterable[str]) -> tuple[str, int] | None:
        """(value, Excel row) of the first of `keys` on the first sheet, or None."""
        return lookup(self.info, keys)

    def expert(self) -> str:
        """The expert's name on the first sheet, '' when there is none."""
        name = self.get(EXPERT_KEYS)
        return name[0] if name and name[0] else ""


def open_form(path: str | Path, problems: ProblemList) -> ReturnedForm | None:
    """Read a returned form's sheets; None (its problems added) when the file cannot be read."""
    from core.files.readers import find_sheet, read_any

    path = Path(path)
    try:
        tables = read_any(path)
    except InputError as e:
        problems.extend(e.problems)
        return None
    info_t = find_sheet(tables, *INFO_SHEETS)
    return ReturnedForm(path.name, tables, info_t, info_rows(info_t))


# ---------------------------------------------------------------------------------------- writing

def bold() -> Any:
    from openpyxl.styles import Font
    return Font(bold=True)


def box() -> Any:
    """The thin grey frame around a cell to fill in."""
    from openpyxl.styles import Border, Side
    thin = Side(style="thin", color=BORDER_COLOR)
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def write_info_sheet(ws: Any, title: str, pairs: Sequence[Sequence[Any]], rest: Sequence[Sequence[Any]]) -> int:
    """Fill a form's first sheet: the title (large, bold), an empty row, the key/value rows (keys
    bold), an empty row, then `rest` (instructions, tables). Returns the Excel row of rest[0]."""
    from openpyxl.styles import Font

    from core.files.xlsx import write_row

    rows: list[Sequence[Any]] = [[title], [], *pairs, [], *rest]
    for i, r in enumerate(rows, start=1):
        write_row(ws, i, list(r))
    ws["A1"].font = Font(bold=True, size=TITLE_SIZE)
    for r in range(3, 3 + len(pairs)):
        ws.cell(row=r, column=1).font = bold()
    return 4 + len(pairs)


def numbered_path(path: Path, stacked: bool = False) -> Path:
    """`path`, or when that file exists the first free `name (2).xlsx`, `name (3).xlsx`… — so an
    earlier file is never overwritten. `stacked`: the weight forms' rule, each number added to the
    name tried before (`name (2) (3).xlsx`), kept so their names do not change."""
    k = 2
    tried = path
    while tried.exists():
        base = tried if stacked else path
        tried = base.with_name(f"{base.stem} ({k}){base.suffix}")
        k += 1
    return tried


def write_per_expert(names: Sequence[str], folder: str | Path, path_for: Callable[[Path, str], Path],
                     write: Callable[[str, Path], None]) -> list[Path]:
    """One file per expert in `folder` (created if need be): `path_for(folder, name)` says where,
    `write(name, path)` writes it. Returns the files written, in the order of `names`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        path = path_for(folder, name)
        write(name, path)
        written.append(path)
    return written
