"""Build small projects from Python lists, without files."""

from __future__ import annotations

from core.model.dataset import parse_data
from core.model.framework import parse_framework
from core.model.problems import ProblemList
from core.model.project import Project
from core.model.settings import Settings
from core.model.table import Table
from core.model.validate import validate_pair

FW_HEADER = ["code", "parent", "name_zh", "weight", "direction", "aggregation", "normalization",
             "min", "max", "target", "transform", "denominator"]


def fw_table(rows: list[list], header=FW_HEADER) -> Table:
    return Table("t.xlsx", "framework", list(header), [list(r) for r in rows])


def data_table(header: list[str], rows: list[list]) -> Table:
    return Table("t.xlsx", "data", list(header), [list(r) for r in rows])


def node(code, parent, weight=None, direction="+", aggregation=None, normalization=None,
         mn=None, mx=None, target=None, transform=None, denominator=None):
    return [code, parent, code, weight, direction if parent else None, aggregation, normalization,
            mn, mx, target, transform, denominator]


def make_project(fw_rows, header, data_rows, settings: Settings | None = None,
                 allow_errors: bool = False) -> Project:
    problems = ProblemList()
    fw = parse_framework(fw_table(fw_rows), problems)
    assert fw is not None, [p.format() for p in problems]
    ds = parse_data(data_table(header, data_rows), fw, problems)
    s = settings or Settings()
    validate_pair(fw, ds, s, problems, "t.xlsx", "framework")
    if not allow_errors:
        assert not problems.has_errors, [p.format() for p in problems.errors]
    return Project(fw, ds, s, problems)


def load_or_raise(path, data_path=None) -> Project:
    """Load an input file and refuse one with errors (warnings are kept in project.problems): the tests'
    shortcut to a project they know is clean."""
    from core.files.loader import load
    from core.model.problems import InputError

    project, problems = load(path, data_path)
    if project is None or problems.has_errors:
        raise InputError(ProblemList(problems.errors or problems.items))
    return project
