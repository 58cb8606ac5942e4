"""Editions: one project, the same framework, the data of several years (issue 19).

An annual ranking is published every year; its readers ask how each city moved. A project holds its
editions oldest first, each with its own `Dataset`; the framework and the settings are shared. The
input gives them in one of two forms (read by core.files.editions_input):

* a `year`/`年份` column in the data sheet — one row per unit and edition, the edition's label is
  that cell's text (`split_by_year` cuts the sheet into one table per edition, keeping every row's
  Excel number so that problems still point at the right row);
* one data sheet per edition, `数据2023` / `data_2023` (any label after the prefix).

Every problem found in an edition's rows carries the edition (`args["edition"]`), so `check` can
say which edition it is about; a unit present in one edition and absent in another is listed
(`units_absent`), never silently filled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.model.dataset import Dataset
from core.model.problems import Problem, ProblemList
from core.model.table import Table, cell_text

YEAR_HEADERS = ("year", "年份")
# in an older edition, an indicator without data is missing there (a warning), not an error
SOFT_IN_OLDER = frozenset({"empty_indicator", "no_data_column", "no_denominator"})


@dataclass(frozen=True)
class Edition:
    """One edition of the ranking: its label ("2023") and its data."""

    label: str  # "2023": the year/年份 cell's text, or the text after the sheet prefix
    data: Dataset  # this edition's units and values (Dataset.sheet/unit_rows name its rows)
    table: Table | None = None  # what it was parsed from (to re-read after structural edits)


def label_key(label: str) -> tuple:
    """Sort key of an edition label: numbers numerically ("2023" < "2024", "9" < "10"), then text."""
    s = label.strip()
    try:
        return (0, float(s), s)
    except ValueError:
        pass
    m = re.match(r"^(\d+(?:\.\d+)?)", s)
    return (0, float(m.group(1)), s) if m else (1, 0.0, s)


def sort_labels(labels) -> list[str]:
    return sorted(labels, key=label_key)


def year_column(header: list) -> int | None:
    """The index of the `year`/`年份` column of a data sheet's header, None when there is none."""
    for j, h in enumerate(header):
        if cell_text(h).strip().casefold() in YEAR_HEADERS:
            return j
    return None


def split_by_year(table: Table, problems: ProblemList) -> list[tuple[str, Table]] | None:
    """The data sheet cut into one table per edition (oldest first), each without the year column
    and keeping its rows' Excel numbers; None when the sheet has no year column. A row whose year
    cell is empty is an error at that cell (its values are not used), and so is (once per label) a
    year cell without a digit, which cannot be put in order."""
    j = year_column(table.header)
    if j is None:
        return None
    header = [h for k, h in enumerate(table.header) if k != j]
    col = cell_text(table.header[j])
    parts: dict[str, tuple[list, list]] = {}
    undated: dict[str, object] = {}
    for i, r in enumerate(table.rows):
        if all(cell_text(v) == "" for v in r):
            continue
        row = table.excel_row(i)
        label = cell_text(r[j] if j < len(r) else None)
        if not label:
            unit = cell_text(r[0] if r and j != 0 else (r[1] if len(r) > 1 else None))
            problems.error("edition_label_missing", f"a row without an edition in column '{col}' "
                           "(its values are not used)", file=table.file, sheet=table.sheet, row=row,
                           column=col, unit=unit)
            continue
        if not re.search(r"\d", label):
            # "去年", "上一期": no year to order it by; taken as text it would sort after every year and
            # silently become the latest edition
            if label not in undated:
                undated[label] = problems.error(
                    "edition_label_not_year", f"'{label}' in column '{col}' is not a year (no digit): the "
                    "editions are ordered by year, so its place is unknown (its rows are not used)",
                    file=table.file, sheet=table.sheet, row=row, column=col, value=label,
                    args={"label": label})
            continue
        rows, numbers = parts.setdefault(label, ([], []))
        rows.append([v for k, v in enumerate(r) if k != j])
        numbers.append(row)
    return [(label, Table(table.file, table.sheet, list(header), parts[label][0], table.header_row,
                          parts[label][1])) for label in sort_labels(parts)]


def tag_problems(problems: ProblemList | list[Problem], label: str) -> list[Problem]:
    """The problems of one edition's rows, each saying which edition it is about."""
    out = []
    for p in problems:
        args = dict(p.args or {})
        args["edition"] = label
        out.append(replace(p, message=f"edition {label}: {p.message}", args=args))
    return out


def edition_of(p: Problem) -> str | None:
    """The edition a problem is about (None: it is about the project as a whole)."""
    return (p.args or {}).get("edition")


def units_absent(editions: tuple[Edition, ...] | list[Edition], problems: ProblemList) -> None:
    """An info problem for every unit missing from an edition that another edition has: it is not
    ranked in that edition (rank null), never given zeros."""
    if len(editions) < 2:
        return
    every: dict[str, None] = {}
    for ed in editions:
        every.update(dict.fromkeys(ed.data.units))
    for ed in editions:
        present = set(ed.data.units)
        for u in every:
            if u not in present:
                others = [e.label for e in editions if u in set(e.data.units)]
                problems.info("edition_unit_absent", f"unit '{u}' is not in edition {ed.label} "
                              f"(it is in {', '.join(others)}): it has no rank there",
                              file=ed.data.file, sheet=ed.data.sheet, unit=u,
                              args={"edition": ed.label, "others": ", ".join(others)})
