"""Finding and parsing the editions of an input workbook (issue 19; the model is core.model.editions).

Two forms: a `year`/`年份` column in the data sheet, or one data sheet per edition named `数据2023` /
`data_2023`. A sheet counts as an edition sheet when the text after `data`/`数据` contains a digit or
follows a separator (`data_2023`, `数据2023`, `数据_第一期`): a `数据说明` or `datasources` sheet is
not an edition. Each edition is parsed and validated on its own and its problems say which edition
they are about. An indicator without data in an older edition is missing there (a warning naming the
edition), never zero; the latest edition is held to today's rules, as every existing feature uses it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from core.model.dataset import parse_data
from core.model.editions import SOFT_IN_OLDER as _SOFT_IN_OLDER  # missing in an older edition: a warning
from core.model.editions import Edition, edition_of, sort_labels, split_by_year, tag_problems, units_absent
from core.model.framework import Framework
from core.model.problems import WARNING, ProblemList
from core.model.project import PAIR_KINDS, Project
from core.model.settings import Settings
from core.model.table import Table
from core.model.validate import validate_pair

_SHEET = re.compile(r"^(data|数据)(?P<sep>[\s_\-－—]*)(?P<label>.+)$", re.IGNORECASE)


def edition_label_of_sheet(name: str) -> str | None:
    """'2023' for a sheet `数据2023` / `data_2023` / `Data 2023`; None for any other sheet."""
    m = _SHEET.match(name.strip())
    if not m:
        return None
    label = m.group("label").strip()
    if not label or not (m.group("sep") or re.search(r"\d", label)):
        return None
    return label


def edition_sheets(tables: dict[str, Table]) -> list[tuple[str, Table]]:
    """The workbook's per-edition data sheets, oldest first (empty when it has none)."""
    found = {}
    for name, t in tables.items():
        label = edition_label_of_sheet(name)
        if label is not None:
            found[label] = t
    return [(label, found[label]) for label in sort_labels(found)]


def _same_label(tables: dict[str, Table]) -> dict[str, list[str]]:
    """{label: sheet names} for each edition label given by more than one sheet (`数据2023` and
    `data_2023`): which of them holds the edition is not for the program to guess."""
    by_label: dict[str, list[str]] = {}
    for name in tables:
        label = edition_label_of_sheet(name)
        if label is not None:
            by_label.setdefault(label.casefold(), []).append(name)
    return {label: names for label, names in by_label.items() if len(names) > 1}


def edition_tables(tables: dict[str, Table], data_table: Table | None, problems: ProblemList,
                   file: str = "") -> list[tuple[str, Table]] | None:
    """The editions' tables of an input, oldest first, or None when it has one edition (today's
    form). Both forms at once (a data sheet and per-edition sheets) is an error: which is meant?"""
    sheets = edition_sheets(tables)
    for label, names in _same_label(tables).items():
        problems.error("editions_same_label", f"sheets {', '.join(names)} are all edition {label}: keep one",
                       file=file or tables[names[0]].file, sheet=names[-1],
                       args={"label": label, "sheets": ", ".join(names)})
    if sheets and data_table is not None:
        problems.error("editions_two_forms", f"both a data sheet '{data_table.sheet}' and per-edition "
                       f"sheets ({', '.join(t.sheet for _, t in sheets)}): keep one form",
                       file=file or data_table.file, sheet=data_table.sheet,
                       args={"sheets": ", ".join(t.sheet for _, t in sheets)})
        return None
    if sheets:
        return sheets
    if data_table is None:
        return None
    return split_by_year(data_table, problems)


def parse_editions(parts: list[tuple[str, Table]], fw: Framework, settings: Settings, problems: ProblemList,
                   framework_file: str = "", framework_sheet: str = "") -> tuple[Edition, ...]:
    """Every edition's data parsed and validated under the one framework; the problems of each carry
    its label. Units present in one edition and absent in another are listed (info)."""
    editions = []
    columns: dict[str, None] = {}
    for k, (label, table) in enumerate(parts):
        fresh = ProblemList()
        ds = parse_data(table, fw, fresh)
        validate_pair(fw, ds, settings, fresh, framework_file, framework_sheet)
        latest = k == len(parts) - 1
        tagged = [replace(p, severity=WARNING) if not latest and p.kind in _SOFT_IN_OLDER else p
                  for p in tag_problems(fresh, label)]
        problems.extend(tagged)
        columns.update(dict.fromkeys(ds.values.columns))
        editions.append(Edition(label, ds, table))
    # an older edition without an indicator's column has it missing (NaN), so that every edition
    # runs the same pipeline; the warning above names it
    full = list(columns)
    editions = [e if list(e.data.values.columns) == full else
                replace(e, data=e.data.with_values(e.data.values.reindex(columns=full)))
                for e in editions]
    units_absent(editions, problems)
    return tuple(editions)


def with_editions(project: Project, parts: list[tuple[str, Table]]) -> tuple[Project | None, ProblemList]:
    """The project with every edition re-read from `parts` (a re-import of a multi-edition file), under
    the same framework and settings; (None, problems) when the new data has errors."""
    fresh = ProblemList()
    fw_file = Path(project.source).name if project.source else ""
    editions = parse_editions(parts, project.framework, project.settings, fresh, fw_file, "framework")
    if fresh.has_errors:
        return None, fresh
    sheets = {(t.file, t.sheet) for t in [project.data_table, *(e.table for e in project.editions)] if t is not None}
    problems = ProblemList([p for p in project.problems if (p.file, p.sheet) not in sheets
                            and edition_of(p) is None and p.kind not in PAIR_KINDS])
    problems.extend(fresh)
    return replace(project, data=editions[-1].data, data_table=editions[-1].table, editions=editions,
                   problems=problems), problems
