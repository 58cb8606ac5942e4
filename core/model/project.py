"""The project as the pipeline sees it: a framework, the data, the settings, and what was found in them.

Frozen: every edit (core.model.framework_edits, core.model.data_edits) returns a new Project, so
an undo stack only has to keep the old one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from core.model.dataset import Dataset
from core.model.editions import Edition, edition_of
from core.model.framework import Framework
from core.model.problems import ProblemList
from core.model.settings import Settings
from core.model.table import Table


@dataclass(frozen=True)
class Project:
    """Everything a result depends on."""

    framework: Framework
    data: Dataset
    settings: Settings = field(default_factory=Settings)
    problems: ProblemList = field(default_factory=ProblemList, compare=False)
    source: str = ""  # where it was loaded from (display only)
    data_table: Table | None = field(default=None, compare=False)  # to re-read after structural edits
    # () = a one-edition project (exactly the behaviour before editions). Else oldest first, and
    # `data` IS editions[-1].data (the latest edition), so every feature works on the latest edition.
    editions: tuple[Edition, ...] = ()

    def __post_init__(self):
        # An edit that replaces `data` (a corrected cell, a re-import) edits the latest edition:
        # keep editions[-1] the same object, so the two never disagree.
        if self.editions and self.editions[-1].data is not self.data:
            last = self.editions[-1]
            table = self.data_table if self.data_table is not None else last.table
            object.__setattr__(self, "editions", self.editions[:-1] + (replace(last, data=self.data, table=table),))

    @property
    def edition_labels(self) -> tuple[str, ...]:
        """The editions' labels, oldest first; () for a one-edition project."""
        return tuple(e.label for e in self.editions)

    def edition(self, label: str) -> Edition:
        for e in self.editions:
            if e.label == label:
                return e
        raise KeyError(f"no edition {label!r}; editions: {', '.join(self.edition_labels) or 'none'}")

    def for_edition(self, label: str) -> Project:
        """The same framework and settings over one edition's data, as a one-edition project (its
        problems: the project's own and that edition's)."""
        e = self.edition(label)
        problems = ProblemList([p for p in self.problems if edition_of(p) in (None, label)])
        return Project(self.framework, e.data, self.settings, problems, self.source, e.table)

    def with_framework(self, fw: Framework) -> Project:
        """The same data under a new framework; the data sheet is re-read when the
        indicators (or their denominators) changed, so new leaves find their columns. A node made
        `bod` (or given children) whose share bounds the settings cannot meet is an error
        (core.model.method_checks), so the window refuses that edit instead of scoring every unit 0."""
        from core.model.method_checks import BOD_INFEASIBLE, check_bod_shares
        new = self._with_framework(fw)
        problems = ProblemList([p for p in new.problems
                                if not (p.kind == "bad_setting" and (p.args or {}).get("variant") in BOD_INFEASIBLE)])
        where = dict(file=Path(self.source).name if self.source else "")
        check_bod_shares(fw, self.settings, problems, where, where)
        return replace(new, problems=problems)

    def _with_framework(self, fw: Framework) -> Project:
        old = self.framework

        def key(f: Framework):
            return [(c, f.nodes[c].name_zh, f.nodes[c].denominator) for c in f.leaves]

        if self.editions and key(old) != key(fw):
            return self._editions_with_framework(fw)
        if self.data_table is None or key(old) == key(fw):
            return replace(self, framework=fw)
        from core.model.dataset import parse_data
        from core.model.validate import validate_pair
        problems = ProblemList([p for p in self.problems if p.sheet != self.data_table.sheet
                                and p.kind not in PAIR_KINDS])
        ds = parse_data(self.data_table, fw, problems)
        validate_pair(fw, ds, self.settings, problems)
        return replace(self, framework=fw, data=ds, problems=problems)

    def _editions_with_framework(self, fw: Framework) -> Project:
        """Every edition's sheet re-read under the new framework (those without a sheet kept)."""
        from core.model.dataset import parse_data
        from core.model.editions import tag_problems, units_absent
        from core.model.validate import validate_pair
        sheets = {e.table.sheet for e in self.editions if e.table is not None}
        problems = ProblemList([p for p in self.problems if p.sheet not in sheets and p.kind not in PAIR_KINDS
                                and p.kind != "edition_unit_absent"])
        eds = []
        for e in self.editions:
            if e.table is None:
                eds.append(e)
                continue
            fresh = ProblemList()
            ds = parse_data(e.table, fw, fresh)
            validate_pair(fw, ds, self.settings, fresh)
            problems.extend(tag_problems(fresh, e.label))
            eds.append(replace(e, data=ds))
        units_absent(eds, problems)
        return replace(self, framework=fw, data=eds[-1].data, data_table=eds[-1].table, editions=tuple(eds),
                       problems=problems)

    def with_settings(self, settings: Settings) -> Project:
        return replace(self, settings=settings)


PAIR_KINDS = {"no_data_column", "no_denominator", "empty_indicator", "constant", "transform_domain",
               "empty_unit_data", "no_group_column", "bad_denominator",
               "awaits_expert_scores", "outside_scale"}
