"""The data sheet: one row per unit, indicator columns, denominators, groups.

`parse_data` reads a `Table` against a framework and checks it cell by cell.
Indicator and denominator cells become floats (NaN = missing); a cell that is
not a number is reported with its row, column and value and is treated as
missing — never as zero. Every other column is a *group* (region, province…)
kept as text for colouring, filtering and group imputation; `group_column` says which one the window
and the report colour and filter by.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from core.model.framework import Framework
from core.model.problems import ProblemList, input_problem
from core.model.table import Table, cell_text, is_blank

UNIT_HEADERS = ("unit", "units", "城市", "单位名称", "地区", "city", "name", "名称")


@dataclass(frozen=True)
class Dataset:
    units: tuple[str, ...]
    values: pd.DataFrame  # index = units, columns = indicator codes and denominators, float
    groups: pd.DataFrame  # index = units, columns = group columns, object
    file: str = ""
    sheet: str = ""
    unit_rows: dict = field(default_factory=dict)  # unit -> Excel row
    headers: dict = field(default_factory=dict)  # code -> column header as written
    unit_header: str = "unit"

    def where(self, unit: str, code: str) -> dict:
        """Location kwargs for a Problem about one cell."""
        return dict(file=self.file, sheet=self.sheet, row=self.unit_rows.get(unit),
                    column=self.headers.get(code, code), unit=unit, code=code)

    def with_values(self, values: pd.DataFrame) -> Dataset:
        return Dataset(self.units, values, self.groups, self.file, self.sheet,
                       self.unit_rows, self.headers, self.unit_header)


def group_column(groups: pd.DataFrame | None) -> str:
    """The group column units are coloured and filtered by (the ranking table, the charts, the report's figures):
    the region column when the data have one ('region', '地区' or '区域', any case), else the first group
    column; '' when there is none."""
    from core.text.group_names import REGION_HEADERS

    cols = [] if groups is None else list(groups.columns)
    for c in cols:
        if str(c).strip().lower() in REGION_HEADERS:
            return c
    return cols[0] if cols else ""


def parse_number(v: Any) -> tuple[float | None, str]:
    """(value, issue): issue is '' (ok), 'text' (a number written as text) or 'bad'."""
    if is_blank(v):
        return None, ""
    if isinstance(v, bool) or isinstance(v, (datetime, date)):
        return None, "bad"
    if isinstance(v, (int, float, np.integer, np.floating)):
        f = float(v)
        return (f, "") if math.isfinite(f) else (None, "bad")
    s = str(v).strip()
    if "_" in s:  # float() reads '1_000' as 1000; in a spreadsheet it is a typo, like '12,3'
        return None, "bad"
    try:
        f = float(s)
    except ValueError:
        return None, "bad"
    if not math.isfinite(f) or s.lower() in ("nan", "inf", "infinity"):
        return None, "bad"
    return f, "text"


def _is_nan(v: Any) -> bool:
    """A float NaN (a workbook's number cell holding NaN, which calamine reads as nan)."""
    return isinstance(v, (float, np.floating)) and v != v


def parse_data(table: Table, fw: Framework, problems: ProblemList) -> Dataset:
    """The data sheet under a framework: its indicator and denominator columns (by code or Chinese
    name), its group columns, one row per unit. Every cell that cannot be read as a number is a
    problem at its place; it is missing, never zero."""
    f, sh = table.file, table.sheet
    header = [cell_text(h) for h in table.header]
    hdr_where = dict(file=f, sheet=sh, row=table.header_row)
    if not header:
        problems.error("empty_sheet", "the data sheet is empty", **hdr_where)
        return Dataset((), pd.DataFrame(), pd.DataFrame(), f, sh)

    numeric_cols, group_cols, headers = _columns(table, header, fw, problems, hdr_where)
    # an expert-scored indicator whose column is still empty awaits its score sheets:
    # validate_pair says so once, instead of one "empty cell" warning per unit
    awaiting = {code for code, j in numeric_cols.items() if code in fw.nodes and fw.nodes[code].expert_scored
                and all(is_blank(r[j]) for r in table.rows if j < len(r))}

    units: list[str] = []
    unit_rows: dict[str, int] = {}
    vals: list[list[float]] = []
    grps: list[list[Any]] = []
    for i, r in enumerate(table.rows):
        row = table.excel_row(i)
        name = _unit_of_row(r, row, header, unit_rows, table, problems)
        if name is None:
            continue
        unit_rows[name] = row
        units.append(name)
        vals.append(_row_values(r, row, name, numeric_cols, headers, awaiting, table, problems))
        grps.append([cell_text(r[j]) if j < len(r) else "" for j in group_cols.values()])

    values = pd.DataFrame(np.array(vals, dtype=float).reshape(len(units), len(numeric_cols)),
                          index=pd.Index(units, name="unit"), columns=list(numeric_cols))
    groups = pd.DataFrame(grps, index=pd.Index(units, name="unit"), columns=list(group_cols),
                          dtype=object) if group_cols else pd.DataFrame(index=pd.Index(units, name="unit"))
    ds = Dataset(tuple(units), values, groups, f, sh, unit_rows, headers, header[0] or "unit")
    if not units:
        problems.error("no_units", "the data sheet has no unit rows", **hdr_where)
    return ds


def _columns(table: Table, header: list[str], fw: Framework, problems: ProblemList, hdr_where: dict):
    """Which column holds which indicator or denominator (code -> index), which are group columns
    (header -> index), and each one's header as written. A header close to an indicator's code or name
    is read as a group column, with a warning that it looks misspelt."""
    by_name = {fw.nodes[c].name_zh: c for c in fw.leaves if fw.nodes[c].name_zh}
    leaves = set(fw.leaves)
    denominators = {fw.nodes[c].denominator for c in fw.leaves if fw.nodes[c].denominator}
    numeric_cols: dict[str, int] = {}  # code/denominator -> column index
    group_cols: dict[str, int] = {}
    headers: dict[str, str] = {}
    candidates = sorted(leaves) + sorted(by_name)
    for j, h in enumerate(header[1:], start=1):
        if not h:
            if any(not is_blank(r[j]) for r in table.rows if j < len(r)):
                problems.warning("empty_header", "a column without a header is ignored",
                                 **hdr_where, column=f"#{j + 1}")
            continue
        code = h if h in leaves else by_name.get(h)
        if code is None and h in denominators:
            code = h
        if code is not None:
            if code in numeric_cols:
                problems.error("duplicate_column", f"indicator '{code}' has two columns "
                               f"('{headers[code]}' and '{h}')", **hdr_where, column=h, code=code,
                               args={"variant": "indicator", "first": headers[code]})
                continue
            numeric_cols[code] = j
            headers[code] = h
            continue
        near = [c for c in leaves if c.lower() == h.lower()]
        near = near or difflib.get_close_matches(h, candidates, n=1, cutoff=0.75)
        if near:
            target = by_name.get(near[0], near[0])
            problems.warning("misspelt_header", f"header '{h}' looks like indicator '{target}' "
                             f"({fw.nodes[target].name_zh}) misspelt; it is read as a group column",
                             **hdr_where, column=h, value=h, code=target, args={"name": fw.nodes[target].name_zh})
        if h in group_cols:
            problems.error("duplicate_column", f"column '{h}' appears twice", **hdr_where, column=h)
            continue
        group_cols[h] = j
        headers[h] = h
    return numeric_cols, group_cols, headers


def _unit_of_row(r: list, row: int, header: list[str], unit_rows: dict[str, int], table: Table,
                 problems: ProblemList) -> str | None:
    """The unit a row is about, or None when the row is not used (blank, no name, a repeated name)."""
    f, sh = table.file, table.sheet
    if all(is_blank(v) for v in r):
        return None
    name = cell_text(r[0] if r else None)
    if not name:
        problems.error("empty_unit", "a row without a unit name (its values are not used)",
                       file=f, sheet=sh, row=row, column=header[0] or "unit")
        return None
    if name in unit_rows:
        problems.error("duplicate_unit", f"unit '{name}' appears again (first at row "
                       f"{unit_rows[name]}); this row is not used",
                       file=f, sheet=sh, row=row, column=header[0], value=name, unit=name,
                       args={"first_row": unit_rows[name]})
        return None
    return name


def _row_values(r: list, row: int, name: str, numeric_cols: dict[str, int], headers: dict[str, str],
                awaiting: set[str], table: Table, problems: ProblemList) -> list[float]:
    """A unit's numbers in column order; a cell that is not a number is missing (NaN) and a problem."""
    f, sh = table.file, table.sheet
    line = []
    for code, j in numeric_cols.items():
        v = r[j] if j < len(r) else None
        if type(v) is float and math.isfinite(v):  # the common case, fast
            line.append(v)
            continue
        num, issue = parse_number(v)
        where = dict(file=f, sheet=sh, row=row, column=headers[code], value=v, unit=name, code=code)
        if _is_nan(v):  # a number cell holding NaN is not an empty cell: say what it holds
            problems.extend([input_problem("error", "nan_value", where, column=headers[code], unit=name)])
        elif issue == "bad":
            problems.error("non_numeric", f"not a number in '{headers[code]}' for {name}; "
                           "correct the cell or leave it empty (it is treated as missing, "
                           "never as zero)", **where)
        elif issue == "text":
            problems.warning("number_as_text", f"a number stored as text for {name}; read as {num}",
                             **where, args={"num": num})
        elif num is None and code not in awaiting:
            problems.warning("missing", f"empty cell: {name} has no value for '{headers[code]}'",
                             **where)
        line.append(np.nan if num is None else num)
    return line
