"""Every edition of a project computed, with comparable scores by the `editions_normalization` setting.

* `each` (default): every edition normalised on its own, as published rankings usually are — ranks are
  comparable across editions, scores only roughly (a 60 is 60 % of that year's range);
* `pooled`: the normalisation's parameters (min/max, mean/sd, ranks…), the outlier treatment and the
  imputation taken over all editions' rows together, so a score means the same in every edition;
* `base`: the first edition's parameters as fixed goalposts for all; a later value beyond them is
  clipped to the scale (core.pipeline.editions_reference).

`compute_editions` returns one `Result` per edition; `EditionResults.reweight` is the incremental path
of each (re-aggregation only, never re-normalising), so moving a weight updates every edition at once.
Each Result records the mode in its steps (stage "editions"), so the results and the report can say
which was used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from core.model.framework import Framework
from core.model.project import Project
from core.pipeline.run import Result, compute

MODES = ("each", "pooled", "base")


@dataclass(frozen=True)
class EditionResults:
    labels: tuple[str, ...]  # oldest first; ("",) for a one-edition project
    results: Mapping[str, Result]  # label -> that edition's Result
    normalization: str  # settings.editions_normalization: "each" | "pooled" | "base"

    @property
    def latest(self) -> Result:
        return self.results[self.labels[-1]]

    @property
    def multi(self) -> bool:
        """True when the project has several editions."""
        return len(self.labels) > 1

    def previous(self, label: str) -> str | None:
        """The label of the edition before `label`, None for the first."""
        i = self.labels.index(label)
        return self.labels[i - 1] if i > 0 else None

    def reweight(self, fw: Framework) -> EditionResults:
        """New weights for every edition: each Result's incremental path (no re-normalising)."""
        return replace(self, results={label: self.results[label].reweight(fw) for label in self.labels})


def editions_step(mode: str, labels: tuple[str, ...], label: str) -> dict:
    """The "editions" entry of a Result's steps: the mode, all editions and the one this Result is."""
    return {"stage": "editions", "normalization": mode, "editions": list(labels), "edition": label}


def compute_editions(project: Project) -> EditionResults:
    """Every edition's Result under the project's framework and settings (a one-edition project:
    one Result, label "", exactly `compute(project)`)."""
    mode = project.settings.editions_normalization
    if not project.editions:
        return EditionResults(("",), {"": compute(project)}, mode)
    labels = project.edition_labels
    if mode == "each" or len(labels) == 1:
        results = {label: compute(project.for_edition(label)) for label in labels}
    else:
        from core.pipeline.editions_reference import compute_jointly
        results = compute_jointly(project, mode)
    for label, r in results.items():
        results[label] = replace(r, steps=list(r.steps) + [editions_step(mode, labels, label)])
    return EditionResults(labels, results, mode)
