"""The project as the pipeline sees it: a framework, the data, the settings, and what was found in them.

Frozen: every edit (core.model.framework_edits, core.model.data_edits) returns a new Project, so
an undo stack only has to keep the old one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from core.model.dataset import Dataset
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

    def with_framework(self, fw: Framework) -> Project:
        """The same data under a new framework; the data sheet is re-read when the
        indicators (or their denominators) changed, so new leaves find their columns."""
        old = self.framework

        def key(f: Framework):
            return [(c, f.nodes[c].name_zh, f.nodes[c].denominator) for c in f.leaves]

        if self.data_table is None or key(old) == key(fw):
            return replace(self, framework=fw)
        from core.model.dataset import parse_data
        from core.model.validate import validate_pair
        problems = ProblemList([p for p in self.problems if p.sheet != self.data_table.sheet
                                and p.kind not in PAIR_KINDS])
        ds = parse_data(self.data_table, fw, problems)
        validate_pair(fw, ds, self.settings, problems)
        return replace(self, framework=fw, data=ds, problems=problems)

    def with_settings(self, settings: Settings) -> Project:
        return replace(self, settings=settings)


PAIR_KINDS = {"no_data_column", "no_denominator", "empty_indicator", "constant", "transform_domain",
               "empty_unit_data", "no_group_column", "bad_denominator",
               "awaits_expert_scores", "outside_scale"}
