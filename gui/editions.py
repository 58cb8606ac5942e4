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
The 数据 tab shows (and edits) the chosen edition's data (gui.panels.data_view); an edit of an older
edition (core.model.edition_edits) is recomputed by `compute`: under `each` only that edition's Result
is computed again (the others' inputs are the same objects as at the last full compute, so their
Results are kept), under `pooled`/`base` every edition (compute_editions).
A one-edition project has no EditionResults here: everything behaves as before.
"""

from __future__ import annotations

from dataclasses import replace
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


def _same_inputs(a: tuple, b: tuple) -> bool:
    """The same framework and data (the same objects: the model is immutable), equal settings and problems."""
    return a[0] is b[0] and a[2] is b[2] and a[1] == b[1] and a[3] == b[3]


class EditionView:
    """The editions of the open project as the window shows them (None/empty for one edition)."""

    def __init__(self) -> None:
        self.er: EditionResults | None = None
        self.shown = ""  # the label of the edition the views show ('' = the latest)
        self.compare = PREVIOUS  # what the change column compares with: PREVIOUS or BASELINE
        self._ranks: dict[str, tuple[object, dict[str, int | None]]] = {}  # label -> (result, ranks)
        self._data: dict = {}  # label -> Dataset
        self._basis: tuple | None = None  # (labels, label -> inputs, EditionResults) of the last full compute

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
            self.er = self._compute_editions(project)
            self._data = {e.label: e.data for e in project.editions}
            if not keep_shown or self.shown not in self.er.results:
                self.shown = self.er.labels[-1]
            return self.er.latest
        from core.pipeline.run import compute
        self.er, self._data, self.shown, self._basis = None, {}, "", None
        return compute(project)

    def _compute_editions(self, project: Project) -> EditionResults:
        """compute_editions, except that under `each` (every edition normalised on its own) an edition
        whose inputs are those of the last full compute keeps its Result: a cell edited in one edition
        recomputes that edition only. Under `pooled`/`base` every edition depends on all: all recomputed."""
        from core.pipeline.editions import EditionResults, compute_editions, editions_step
        from core.pipeline.run import compute
        keys = {e.label: self._inputs_of(project, e) for e in project.editions}
        last, self._basis = self._basis, None
        mode = project.settings.editions_normalization
        if mode != "each" or last is None or last[0] != project.edition_labels:
            er = compute_editions(project)
        else:
            old_keys, old_er = last[1], last[2]
            labels = project.edition_labels
            results = {}
            for label in labels:
                if _same_inputs(old_keys[label], keys[label]):
                    results[label] = old_er.results[label]
                else:
                    r = compute(project.for_edition(label))
                    results[label] = replace(r, steps=list(r.steps) + [editions_step(mode, labels, label)])
            er = EditionResults(labels, results, mode, project.editions)
        self._basis = (project.edition_labels, keys, er)
        return er

    @staticmethod
    def _inputs_of(project: Project, e) -> tuple:
        """What edition `e`'s Result (under `each`) depends on: the framework, the settings, its data
        and the problems it carries (the project's own and its own)."""
        from core.model.editions import edition_of
        probs = tuple(p for p in project.problems if edition_of(p) in (None, e.label))
        return (project.framework, project.settings, e.data, probs)

    def reweight(self, result: Result, framework) -> Result:
        """New weights: every edition's incremental reweight; the latest's Result."""
        if self.er is not None:
            self.er, self._basis = self.er.reweight(framework), None
            return self.er.latest
        return result.reweight(framework)

    def reweight_base(self, result: Result):
        """What a background reweight works on (gui.background_recompute): every edition, or the one result."""
        return self.er if self.er is not None else result

    def adopt(self, out) -> Result:
        """A background reweight's answer (EditionResults or a Result) taken in; the latest's Result."""
        if self.er is not None and hasattr(out, "results"):
            self.er, self._basis = out, None
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
