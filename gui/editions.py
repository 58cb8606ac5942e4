"""The window's editions (issue 19): which edition the views show, and what the change column compares with.

A project with two or more editions (core.model.project.Project.editions) is computed as a whole by
core.pipeline.editions.compute_editions; a weight edit reweights every edition at once
(EditionResults.reweight, the incremental path per edition). The controller keeps its `result` the
LATEST edition's — the history, the exports, the fingerprints and every other feature go on working
on the latest edition, as the project's `data` is the latest edition's data — and asks this object
for the result the views show (`view_result`: the edition chosen in the window's selector).

The ranking's change column compares the shown edition with the edition before it (`previous`, the
default with 2+ editions: "较上年") or with the pinned baseline (`baseline`, as in a one-edition
project). Pinning the baseline (Ctrl+B) switches to `baseline`; the selector bar switches back.
A one-edition project has no EditionResults here: everything behaves as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from core.model.project import Project
    from core.pipeline.editions import EditionResults
    from core.pipeline.run import Result

PREVIOUS, BASELINE = "previous", "baseline"


def ranks_of(result: Result) -> dict[str, int | None]:
    """Each unit's rank in a result (None: no score), read from the engine's rank order."""
    _order, ranks = result.rank_order()
    return {u: (None if np.isnan(r) else int(r)) for u, r in zip(result.units, ranks)}


class EditionView:
    """The editions of the open project as the window shows them (None/empty for one edition)."""

    def __init__(self) -> None:
        self.er: EditionResults | None = None
        self.shown = ""  # the label of the edition the views show ('' = the latest)
        self.compare = PREVIOUS  # what the change column compares with: PREVIOUS or BASELINE
        self._ranks: dict[str, tuple[object, dict[str, int | None]]] = {}  # label -> (result, ranks)
        self._data: dict = {}  # label -> Dataset

    # --- state ---------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """Does the project have two or more editions?"""
        return self.er is not None and len(self.er.labels) > 1

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.er.labels) if self.active else ()

    @property
    def label(self) -> str:
        """The shown edition's label ('' for a one-edition project)."""
        if not self.active:
            return ""
        return self.shown if self.shown in self.er.results else self.er.labels[-1]

    # --- computing (the engine does it) ----------------------------------------------------
    def compute(self, project: Project, keep_shown: bool = True) -> Result:
        """Compute every edition of `project` (one compute() for a one-edition project); the latest's Result."""
        if getattr(project, "editions", ()) and len(project.editions) > 1:
            from core.pipeline.editions import compute_editions
            self.er = compute_editions(project)
            self._data = {e.label: e.data for e in project.editions}
            if not keep_shown or self.shown not in self.er.results:
                self.shown = self.er.labels[-1]
            return self.er.latest
        from core.pipeline.run import compute
        self.er, self._data, self.shown = None, {}, ""
        return compute(project)

    def reweight(self, result: Result, framework) -> Result:
        """New weights: every edition's incremental reweight; the latest's Result."""
        if self.er is not None:
            self.er = self.er.reweight(framework)
            return self.er.latest
        return result.reweight(framework)

    def reweight_base(self, result: Result):
        """What a background reweight works on (gui.background_recompute): every edition, or the one result."""
        return self.er if self.er is not None else result

    def adopt(self, out) -> Result:
        """A background reweight's answer (EditionResults or a Result) taken in; the latest's Result."""
        if self.er is not None and hasattr(out, "results"):
            self.er = out
            return out.latest
        return out

    # --- reading ------------------------------------------------------------------------
    def result(self, label: str | None = None) -> Result | None:
        if not self.active:
            return None
        return self.er.results[label or self.label]

    def data(self, label: str | None = None):
        """The shown (or `label`) edition's Dataset; None for a one-edition project."""
        return self._data.get(label or self.label) if self.active else None

    def previous_label(self, label: str | None = None) -> str | None:
        return self.er.previous(label or self.label) if self.active else None

    def ranks(self, label: str | None = None) -> dict[str, int | None]:
        """Each unit's rank in an edition (default: the shown one), computed once per result."""
        label = label or self.label
        r = self.er.results[label]
        cached = self._ranks.get(label)
        if cached is None or cached[0] is not r:
            cached = (r, ranks_of(r))
            self._ranks[label] = cached
        return cached[1]

    def change_vs_previous(self, unit: str) -> int | None:
        """previous edition's rank − the shown edition's (positive = moved up); None when the shown
        edition is the first, or the unit has no rank in one of the two."""
        prev = self.previous_label()
        if prev is None:
            return None
        now, before = self.ranks().get(unit), self.ranks(prev).get(unit)
        if now is None or before is None:
            return None
        return before - now
