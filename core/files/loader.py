"""From files to a `Project`: find the sheets, parse, validate, in one pass.

INPUT is an input workbook (framework + data [+ settings]); a workbook with
only a data sheet, or a CSV, is scored with the bundled default framework;
`data_path` takes the data from another file. Every problem found on the way
is collected; `load` never stops at the first one.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from core.files.editions_input import edition_sheets, edition_tables, parse_editions, with_editions
from core.files.paths import DEFAULT_FRAMEWORK
from core.files.readers import find_sheet, read_any, read_csv
from core.model.data_edits import with_data_table
from core.model.dataset import parse_data
from core.model.framework import check_structure, parse_nodes, repaired
from core.model.method_checks import check_bod_shares
from core.model.problems import ERROR, WARNING, InputError, ProblemList
from core.model.project import Project
from core.model.settings import Settings, parse_settings, setting_cells
from core.model.table import Table
from core.model.validate import validate_pair

FRAMEWORK_SHEETS = ("framework", "指标体系")
DATA_SHEETS = ("data", "数据")
SETTINGS_SHEETS = ("settings", "设置")


def _settings_rows(t: Table) -> list[tuple[int, object, object]]:
    rows = [(t.header_row, t.header[0] if t.header else None, t.header[1] if len(t.header) > 1 else None)]
    # The header is normally `key | value`; a sheet without it starts with a setting.
    if rows[0][1] is not None and str(rows[0][1]).strip().lower() in ("key", "键", "参数", "设置项"):
        rows = []
    for i, r in enumerate(t.rows):
        rows.append((t.excel_row(i), r[0] if r else None, r[1] if len(r) > 1 else None))
    return rows


def load(path: str | Path, data_path: str | Path | None = None) -> tuple[Project | None, ProblemList]:
    """Load INPUT (and optionally DATA); returns the project (None if unusable) and all problems."""
    problems = ProblemList()
    path = Path(path)
    if path.suffix.lower() == ".cidx":
        return _load_project_file(path, data_path, problems)
    try:
        tables = read_any(path)
    except InputError as e:
        problems.extend(e.problems)
        return None, problems

    fw_table = find_sheet(tables, *FRAMEWORK_SHEETS)
    data_table = find_sheet(tables, *DATA_SHEETS)
    set_table = find_sheet(tables, *SETTINGS_SHEETS)
    by_edition = bool(edition_sheets(tables))
    if fw_table is None and data_table is None and len(tables) == 1 and path.suffix.lower() != ".csv" \
            and not by_edition:
        data_table = next(iter(tables.values()))  # a workbook holding just a data table

    if fw_table is None:
        if data_table is None and data_path is None and not by_edition:
            problems.error("missing_sheet", f"no sheet named framework/指标体系 or data/数据; sheets "
                           f"found: {', '.join(tables) or 'none'}", file=path.name,
                           args={"sheets": ", ".join(tables) or "—"})
            return None, problems
        fw_table = read_csv(DEFAULT_FRAMEWORK)
        problems.info("default_framework", "no framework sheet: the bundled default framework is used",
                      file=path.name)

    settings = Settings()
    setting_at = {}
    if set_table is not None:
        settings = parse_settings(_settings_rows(set_table), problems, set_table.file, set_table.sheet)
        setting_at = setting_cells(_settings_rows(set_table), set_table.file, set_table.sheet)

    if data_path is not None:
        data_path = Path(data_path)
        try:
            dtables = read_any(data_path)
        except InputError as e:
            problems.extend(e.problems)
            return None, problems
        data_table = data_sheet(dtables)
        if data_table is None and not edition_sheets(dtables):
            problems.error("missing_sheet", f"no data/数据 sheet; sheets found: {', '.join(dtables)}",
                           file=data_path.name, args={"variant": "data", "sheets": ", ".join(dtables)})
            return None, problems
    parts = edition_tables(dtables if data_path is not None else tables, data_table, problems, path.name)
    if parts is not None and data_table is None:
        data_table = parts[-1][1]
    if data_table is None:
        problems.error("missing_sheet", f"no sheet named data/数据; sheets found: {', '.join(tables)}",
                       file=path.name, args={"variant": "data", "sheets": ", ".join(tables)})

    parsed = parse_nodes(fw_table, problems)
    if parsed is None:
        return None, problems
    nodes, header_name = parsed
    fw = check_structure(nodes, problems, fw_table.file, fw_table.sheet, header_name)
    if fw is not None:
        sheet_only = dict(file=set_table.file if set_table is not None else path.name,
                          sheet=set_table.sheet if set_table is not None else "")
        check_bod_shares(fw, settings, problems, setting_at.get("bod_min_share", sheet_only),
                         setting_at.get("bod_max_share", sheet_only))
    if data_table is None:
        return None, problems
    # A broken tree still gets its data checked, against a best-effort repair of it.
    checkable = fw if fw is not None else (repaired(nodes) if nodes else None)
    if checkable is None:
        return None, problems
    return _project_with_data(fw, checkable, settings, parts, data_table, problems, str(path),
                              (fw_table.file, fw_table.sheet))


def data_sheet(tables: dict[str, Table]) -> Table | None:
    """The data sheet of a file read for its data: its data/数据 sheet, or its only table (a workbook
    holding just a data table, a CSV) unless that is one edition's sheet (core.files.editions_input)."""
    return find_sheet(tables, *DATA_SHEETS) or (
        next(iter(tables.values())) if len(tables) == 1 and not edition_sheets(tables) else None)


def _project_with_data(fw, checkable, settings: Settings, parts, data_table: Table, problems: ProblemList,
                       source: str, fw_where: tuple[str, str]) -> tuple[Project | None, ProblemList]:
    """The project of `fw` over the data: every edition when `parts` holds several, else the one data
    table (an edition's own, without its year column). `checkable` is the tree the data are checked
    against (a best-effort repair of a broken `fw`, which is None: no project then)."""
    if parts is not None and len(parts) > 1:
        editions = parse_editions(parts, checkable, settings, problems, *fw_where)
        if fw is None:
            return None, problems
        return Project(fw, editions[-1].data, settings, problems, source, editions[-1].table, editions), problems
    if parts is not None:  # one edition only: today's project, its data without the year column
        data_table = parts[0][1]
    ds = parse_data(data_table, checkable, problems)
    validate_pair(checkable, ds, settings, problems, *fw_where)
    if fw is None:
        return None, problems
    return Project(fw, ds, settings, problems, source, data_table), problems


def _load_project_file(path: Path, data_path, problems: ProblemList) -> tuple[Project | None, ProblemList]:
    """A saved project (.cidx); with `data_path`, its framework and settings over that file's data
    (every edition of it, as for an input workbook)."""
    from core.files.project_file import load_project
    try:
        project = load_project(path)
    except InputError as e:
        problems.extend(e.problems)
        return None, problems
    if data_path is None:
        problems.extend(project.problems)
        return project, problems
    data_path = Path(data_path)
    try:
        dtables = read_any(data_path)
    except InputError as e:
        problems.extend(e.problems)
        return None, problems
    data_table = data_sheet(dtables)
    parts = edition_tables(dtables, data_table, problems, data_path.name)
    if parts is not None and data_table is None:
        data_table = parts[-1][1]
    if data_table is None:
        problems.error("missing_sheet", f"no data/数据 sheet; sheets found: {', '.join(dtables)}",
                       file=data_path.name, args={"variant": "data", "sheets": ", ".join(dtables)})
        return None, problems
    fw = project.framework
    return _project_with_data(fw, fw, project.settings, parts, data_table, problems, str(path),
                              (path.name, "framework"))


def bad_cells_only(problems: ProblemList) -> bool:
    """True when every error is a data cell that is not a number (`non_numeric` with its unit and
    indicator): the project is whole, those cells are already missing (NaN) in its data."""
    errors = problems.errors
    return bool(errors) and all(p.kind == "non_numeric" and p.unit and p.code for p in errors)


def with_bad_cells_as_missing(project: Project | None) -> Project | None:
    """The project of a load whose only errors are non-numeric data cells, opened anyway: those cells
    stay missing (never zero) and each is still listed, as a warning, to be corrected. None when the
    load has other errors (nothing is opened then)."""
    if project is None or not bad_cells_only(project.problems):
        return None
    kept = ProblemList([replace(p, severity=WARNING) if p.severity == ERROR else p for p in project.problems])
    return replace(project, problems=kept)


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file, read in 1 MB blocks (the history records it for a re-import)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def reimport_data(project: Project, path: str | Path) -> tuple[Project | None, ProblemList]:
    """The project with its data sheet read again from `path` (a workbook's data/数据 sheet, a
    workbook holding only a data table, or a CSV); the framework and settings stay. Returns
    (None, problems) when the new data has errors."""
    path = Path(path)
    try:
        tables = read_any(path)
    except InputError as e:
        return None, ProblemList(list(e.problems))
    table = data_sheet(tables)
    fresh = ProblemList()
    parts = edition_tables(tables, table, fresh, path.name)
    if fresh.has_errors:
        return None, fresh
    if parts is not None and len(parts) > 1:  # a file of several editions: every edition re-read
        return with_editions(project, parts)
    if parts is not None:
        table = parts[0][1]
    if table is None:
        p = ProblemList()
        p.error("missing_sheet", f"no data/数据 sheet; sheets found: {', '.join(tables)}", file=path.name,
                args={"variant": "data", "sheets": ", ".join(tables)})
        return None, p
    return with_data_table(project, table)
