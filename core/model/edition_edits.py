"""Data cells of ANY edition edited, as a pure function: Project in, Project out (issue 19, leftover).

core.model.data_edits.with_data_values edits the project's `data`, which is the latest edition's. A
typo found in an older edition's figures is corrected here the same way: that edition's sheet (its
`Edition.table`, the rows as read, so saving and reopening keep the value) gets the value, its
`Dataset` is re-parsed from it and re-validated under the one framework, and its problems are
replaced by the fresh ones, tagged with the edition (and softened as core.files.editions_input does
for an older edition: an indicator without data there is a warning). The other editions, and the
units-absent notes (the units do not change), are left as they are.
"""

from __future__ import annotations

from dataclasses import replace

from core.model.data_edits import current_values, with_data_values
from core.model.editions import SOFT_IN_OLDER, edition_of, tag_problems
from core.model.problems import WARNING, ProblemList
from core.model.project import Project


def is_latest(project: Project, label: str | None) -> bool:
    """Does `label` name the project's data (the latest edition; '' or None for a one-edition project)?"""
    return not label or not project.editions or project.editions[-1].label == label


def edition_values(project: Project, label: str | None, keys) -> dict[tuple[str, str], float | None]:
    """The present value of each (unit, code) cell of edition `label` (None: empty)."""
    if is_latest(project, label):
        return current_values(project, keys)
    return current_values(project.for_edition(label), keys)


def with_edition_values(project: Project, label: str | None, values: dict[tuple[str, str], float | None]
                        ) -> Project:
    """The project with the given (unit, code) cells of edition `label` set (None empties a cell).
    The latest edition (or '' / a one-edition project) is `with_data_values` exactly. Raises
    ValueError for a unit or column the edition does not know, KeyError for an unknown edition."""
    if is_latest(project, label):
        return with_data_values(project, values)
    e = project.edition(label)
    alone = Project(project.framework, e.data, project.settings, ProblemList(), project.source, e.table)
    edited = with_data_values(alone, values)
    ds = edited.data
    old_cols = list(e.data.values.columns)
    cols = old_cols + [c for c in ds.values.columns if c not in set(old_cols)]
    if list(ds.values.columns) != cols:  # an older edition lacking a column has it missing (as when loaded)
        ds = ds.with_values(ds.values.reindex(columns=cols))
    if e.table is None:  # nothing re-read: its problems stand
        problems = ProblemList(list(project.problems))
    else:
        fresh = [replace(p, severity=WARNING) if p.kind in SOFT_IN_OLDER else p
                 for p in tag_problems(edited.problems, label)]
        kept = [p for p in project.problems if edition_of(p) != label or p.kind == "edition_unit_absent"]
        problems = ProblemList(kept + fresh)
    editions = tuple(replace(x, data=ds, table=edited.data_table) if x.label == label else x
                     for x in project.editions)
    return replace(project, editions=editions, problems=problems)
