"""Edits of the data as pure functions: Project in, Project out.

`with_data_values` changes cells of the data sheet — the raw `data_table` as read (so that
re-reading after a structural edit, saving and reopening keep the values) and the engine's
`Dataset` (re-parsed from that table, so its problems are up to date). An indicator without a
column yet (an expert-scored one) gets a column headed by its code.
`with_data_table` puts a freshly read data sheet under the same framework (the file is read by
core.files.loader.reimport_data).
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from core.model.dataset import Dataset, parse_data
from core.model.editions import edition_of, tag_problems
from core.model.problems import ProblemList
from core.model.project import PAIR_KINDS, Project
from core.model.table import Table, cell_text
from core.model.validate import validate_pair


def _value(v) -> float | None:
    if v is None:
        return None
    f = float(v)
    return None if math.isnan(f) else f


def _check(project: Project, values: dict) -> None:
    fw, ds = project.framework, project.data
    known_cols = set(map(str, ds.values.columns)) | set(fw.leaves) | {
        fw.nodes[c].denominator for c in fw.leaves if fw.nodes[c].denominator}
    for unit, code in values:
        if unit not in ds.units:
            raise ValueError(f"unit '{unit}' is not in the data")
        if code not in known_cols:
            raise ValueError(f"'{code}' is neither an indicator nor a column of the data")


def _kept_problems(project: Project) -> ProblemList:
    t = project.data_table
    if len(project.editions) > 1:  # the latest edition's sheet is re-read; the others' problems stay
        latest = project.editions[-1].label
        return ProblemList([p for p in project.problems if edition_of(p) != latest
                            and not (edition_of(p) is None and p.kind in PAIR_KINDS)])
    return ProblemList([p for p in project.problems
                        if not (t is not None and p.sheet == t.sheet and p.file == t.file)
                        and p.kind not in PAIR_KINDS])


def _framework_where(project: Project) -> tuple[str, str]:
    return (Path(project.source).name if project.source else ""), "framework"


def current_values(project: Project, keys) -> dict[tuple[str, str], float | None]:
    """The present value of each (unit, code) cell (None: empty, or no such column yet)."""
    v = project.data.values
    out = {}
    for unit, code in keys:
        x = v.at[unit, code] if code in v.columns and unit in v.index else math.nan
        out[(unit, code)] = None if math.isnan(float(x)) else float(x)
    return out


def with_data_values(project: Project, values: dict[tuple[str, str], float | None]) -> Project:
    """The project with the given (unit, indicator code) cells set (None empties a cell)."""
    _check(project, values)
    values = {k: _value(v) for k, v in values.items()}
    t = project.data_table
    if t is None:
        return replace(project, data=_edit_dataset(project.data, values))
    ds = project.data
    header = list(t.header)
    rows = [list(r) for r in t.rows]
    texts = [cell_text(h) for h in header]
    width = len(header)
    for (unit, code), v in values.items():
        head = ds.headers.get(code, code)
        j = texts.index(head) if head in texts else (texts.index(code) if code in texts else -1)
        if j < 0:
            header.append(code)
            texts.append(code)
            j = len(header) - 1
            width = len(header)
        i = _row_of(t, rows, ds, unit)
        if len(rows[i]) < width:
            rows[i].extend([None] * (width - len(rows[i])))
        rows[i][j] = v
    table = Table(t.file, t.sheet, header, rows, t.header_row, t.row_numbers)
    problems = _kept_problems(project)
    fresh = ProblemList()
    new = parse_data(table, project.framework, fresh)
    validate_pair(project.framework, new, project.settings, fresh, *_framework_where(project))
    problems.extend(_of_latest(project, fresh))
    return replace(project, data=new, problems=problems, data_table=table)


def _of_latest(project: Project, fresh: ProblemList) -> list:
    """The problems of a re-read data sheet; of a multi-edition project's latest edition, saying so."""
    if len(project.editions) > 1:
        return tag_problems(fresh, project.editions[-1].label)
    return list(fresh)


def _row_of(t: Table, rows: list[list], ds: Dataset, unit: str) -> int:
    r = ds.unit_rows.get(unit)
    if r is not None:
        i = r - t.header_row - 1
        if 0 <= i < len(rows) and rows[i] and cell_text(rows[i][0]) == unit:
            return i
    for i, row in enumerate(rows):
        if row and cell_text(row[0]) == unit:
            return i
    raise ValueError(f"unit '{unit}' has no row in the data sheet")


def _edit_dataset(ds: Dataset, values: dict) -> Dataset:
    v = ds.values.copy()
    for (unit, code), x in values.items():
        if code not in v.columns:
            v[code] = math.nan
        v.at[unit, code] = math.nan if x is None else x
    return ds.with_values(v)


def with_data_table(project: Project, table: Table) -> tuple[Project | None, ProblemList]:
    """The project with `table` as its data sheet, under the same framework and settings; the
    problems of other sheets stay. Returns (None, problems) when the new data has errors.
    (core.files.loader.reimport_data reads the table from a file.)"""
    problems = _kept_problems(project)
    fresh = ProblemList()
    ds = parse_data(table, project.framework, fresh)
    validate_pair(project.framework, ds, project.settings, fresh, *_framework_where(project))
    if fresh.has_errors:
        return None, fresh
    problems.extend(_of_latest(project, fresh))  # of a multi-edition project: the latest edition's sheet
    return replace(project, data=ds, problems=problems, data_table=table), problems
