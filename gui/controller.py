"""The hub: one object that holds the project and its current result.

Panels never talk to each other; they call the controller and listen to its
small named signals (glue's hub idea). Every edit is an undoable command that
swaps an immutable framework; the controller asks the engine to recompute —
the fast re-aggregation when only weights changed — and announces the new
immutable result. Bursts of edits (a slider drag) are coalesced into one
recompute per event-loop turn. The GUI never computes a score itself.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from core import edits
from core.framework import Framework
from core.loader import load
from core.paths import SAMPLE_WORKBOOK
from core.pipeline import Project, Result, compute
from core.problems import ProblemList
from core.settings import Settings

from .commands import FrameworkCommand, SettingsCommand


class Controller(QObject):
    project_changed = Signal()  # a new project (structure, data) — rebuild views
    result_changed = Signal(object)  # a new Result after any recompute
    framework_changed = Signal()  # weights or methods changed (tree values)
    selection_changed = Signal(str)  # unit selected ('' = none)
    baseline_changed = Signal()
    problems_changed = Signal(object)  # ProblemList of the current project
    load_failed = Signal(str, object)  # path, ProblemList — the open project stays open
    status = Signal(str)
    recomputed = Signal(float)  # milliseconds of the last recompute
    language_changed = Signal(str)  # 'zh' or 'en': names of nodes change with it
    scenarios_changed = Signal()  # the list of saved scenarios changed (saved, renamed, deleted)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.project: Project | None = None
        self.result: Result | None = None
        self.original: Framework | None = None  # framework as loaded, for "reset"
        self.baseline: dict[str, int | None] = {}
        self.selected = ""
        self.locked: set[str] = set()
        self.path: Path | None = None
        self.is_sample = False
        self.language = "zh"
        self.undo_stack = QUndoStack(self)
        self._pending_full = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._recompute_now)
        self.recompute_count = 0
        self._ranks: dict[str, int | None] = {}
        self._ranks_of: Result | None = None
        self._gesture = 0
        # expert and data-driven weighting (ahp_editor, weights_dialog, panel_dialog, scenarios):
        # plain data, for the project file (see project_extra) — cleared with a new project
        self.ahp_judgements: dict[str, dict] = {}  # node -> {"children", "matrix", "method", "ri_table"}
        self.weight_notes: dict[str, dict] = {}  # node -> how its children's weights were computed
        self.panel_result: dict | None = None  # the last merged expert panel
        self.scenarios: list[dict] = []  # core.scenarios dicts
        self.project_changed.connect(self._clear_expert_inputs)

    # --- loading -------------------------------------------------------------------
    def load_default(self) -> bool:
        ok = self.load_file(SAMPLE_WORKBOOK)
        self.is_sample = ok
        return ok

    def load_file(self, path: str | Path, data_path: str | Path | None = None) -> bool:
        project, problems = load(path, data_path)
        if project is None or problems.has_errors:
            self.load_failed.emit(str(path), problems)
            return False
        self.set_project(project, Path(path))
        return True

    def set_project(self, project: Project, path: Path | None = None) -> None:
        self.project = project
        self.original = project.framework
        self.path = path
        self.is_sample = False
        self.locked.clear()
        self.undo_stack.clear()
        self.result = compute(project)
        self.baseline = self.current_ranks()
        if self.selected not in self.result.units:
            self.selected = self.result.ranking()[0]["unit"] if self.result.units else ""
        self.project_changed.emit()
        self.problems_changed.emit(project.problems)
        self.result_changed.emit(self.result)
        self.selection_changed.emit(self.selected)

    # --- reading ---------------------------------------------------------------------
    @property
    def framework(self) -> Framework | None:
        return self.project.framework if self.project else None

    @property
    def settings(self) -> Settings:
        return self.project.settings if self.project else Settings()

    def current_ranks(self) -> dict[str, int | None]:
        """Each unit's rank in the current result (computed once per result)."""
        if self.result is None:
            return {}
        if self._ranks_of is not self.result:
            _order, ranks = self.result.rank_order()
            self._ranks = {u: (None if np.isnan(r) else int(r)) for u, r in zip(self.result.units, ranks)}
            self._ranks_of = self.result
        return self._ranks

    def rank_change(self, unit: str) -> int | None:
        """Positive = moved up since the pinned baseline."""
        now = self.current_ranks().get(unit)
        before = self.baseline.get(unit)
        if now is None or before is None:
            return None
        return before - now

    def set_language(self, lang: str) -> None:
        if lang != self.language:
            self.language = lang
            self.language_changed.emit(lang)

    # --- selection and baseline ------------------------------------------------------
    def select_unit(self, unit: str) -> None:
        if unit != self.selected:
            self.selected = unit
            self.selection_changed.emit(unit)

    def pin_baseline(self) -> None:
        self.baseline = self.current_ranks()
        self.baseline_changed.emit()

    # --- edits (all undoable) --------------------------------------------------------
    def set_share(self, code: str, share: float) -> None:
        """Set a node's local share; unlocked siblings absorb the change."""
        fw = self.framework
        new = edits.set_local_share(fw, code, share, self.locked)
        self._push(fw, new, self.tr("Weight of {0}").format(code), True, merge_key=f"{code}#{self._gesture}")

    def apply_weights(self, weights: dict[str, float], text: str, source: str) -> None:
        """Write a set of weights (AHP, entropy, a panel, a scenario…) as ONE undoable step,
        recording in each node how its weight was set."""
        fw = self.framework
        self._push(fw, fw.with_weights(weights, source=source), text, True)

    def end_gesture(self) -> None:
        """Close the current weight gesture: the next edit of the same node is a new undo step.
        (Edits within one gesture — a slider drag — merge into one step.)"""
        self._gesture += 1

    def split_equally(self, parent: str) -> None:
        fw = self.framework
        self._push(fw, edits.split_equally(fw, parent), self.tr("Split {0} equally").format(parent), True)

    def normalise_siblings(self, parent: str) -> None:
        fw = self.framework
        self._push(fw, edits.normalise_siblings(fw, parent), self.tr("Normalise weights under {0}").format(parent),
                   True)

    def reset_weights(self, parent: str) -> None:
        fw = self.framework
        new = edits.reset_weights(fw, parent, self.original)
        self._push(fw, new, self.tr("Reset weights under {0}").format(parent), True)

    def set_locked(self, code: str, locked: bool) -> None:
        (self.locked.add if locked else self.locked.discard)(code)
        self.framework_changed.emit()

    def structural_edit(self, text: str, fn, *args, **kwargs) -> ProblemList | None:
        """Run a pure edit from core.edits; refused edits return their problems and change nothing."""
        fw = self.framework
        try:
            new = fn(fw, *args, **kwargs)
        except edits.EditRefused as e:
            self.status.emit(self.tr("Refused: {0}").format(str(e)))
            return e.problems
        trial = self.project.with_framework(new)
        if trial.problems.has_errors and not self.project.problems.has_errors:
            self.status.emit(self.tr("Refused: {0}").format(trial.problems.errors[0].message))
            return ProblemList(trial.problems.errors)
        self._push(fw, new, text, False)
        return None

    def set_settings(self, settings: Settings, text: str) -> None:
        self.undo_stack.push(SettingsCommand(self, self.settings, settings, text))

    def _push(self, old: Framework, new: Framework, text: str, weights_only: bool, merge_key: str = "") -> None:
        self.undo_stack.push(FrameworkCommand(self, old, new, text, weights_only, merge_key))

    # --- called by the commands --------------------------------------------------------
    def _set_framework(self, fw: Framework, weights_only: bool) -> None:
        if weights_only:
            self.project = Project(fw, self.project.data, self.project.settings, self.project.problems,
                                   self.project.source, self.project.data_table)
        else:
            self.project = self.project.with_framework(fw)
            self._pending_full = True
        self.framework_changed.emit()
        self.request_recompute()

    def _set_settings(self, settings: Settings) -> None:
        self.project = self.project.with_settings(settings)
        self._pending_full = True
        self.request_recompute()

    # --- recompute ---------------------------------------------------------------------
    def request_recompute(self) -> None:
        """Coalesce: many requests in one event-loop turn give one recompute."""
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Recompute now if a recompute is pending (tests, export)."""
        if self._timer.isActive():
            self._timer.stop()
            self._recompute_now()

    def _recompute_now(self) -> None:
        if self.project is None:
            return
        t0 = time.perf_counter()
        if self._pending_full or self.result is None:
            self.result = compute(self.project)
            kind = self.tr("full compute")
            structure = True
        else:
            self.result = self.result.reweight(self.project.framework)
            kind = self.tr("weights only")
            structure = False
        self._pending_full = False
        ms = (time.perf_counter() - t0) * 1000
        self.recompute_count += 1
        if structure:
            self.problems_changed.emit(self.project.problems)
        self.result_changed.emit(self.result)
        self.recomputed.emit(ms)
        n = int(np.count_nonzero(~np.isnan(self.result.root_scores)))
        self.status.emit(self.tr("{0} units scored ({1}) in {2:.1f} ms").format(n, kind, ms))

    # --- expert inputs, weight notes and scenarios (plain data; see core.scenarios) ----------
    def _clear_expert_inputs(self) -> None:
        self.ahp_judgements = {}
        self.weight_notes = {}
        self.panel_result = None
        if self.scenarios:
            self.scenarios = []
            self.scenarios_changed.emit()

    def expert_inputs(self) -> dict:
        """AHP judgements, weight notes and the last panel, as plain JSON types."""
        from core.project_file import _json_safe
        return _json_safe({"ahp_judgements": self.ahp_judgements, "weight_notes": self.weight_notes,
                           "panel": self.panel_result})

    def restore_expert_inputs(self, data: dict | None) -> None:
        data = data if isinstance(data, dict) else {}
        self.ahp_judgements = dict(data.get("ahp_judgements") or {})
        self.weight_notes = dict(data.get("weight_notes") or {})
        self.panel_result = data.get("panel") or None

    def project_extra(self) -> dict:
        """What `core.project_file.save_project(project, path, extra=...)` should carry."""
        from core.scenarios import scenarios_to_json
        return {"scenarios": scenarios_to_json(self.scenarios), "expert_inputs": self.expert_inputs()}

    def restore_project_extra(self, scenarios, expert_inputs) -> list[str]:
        """After `set_project` of a read project file: its scenarios and expert inputs.
        Returns messages about scenarios that could not be read (they are skipped)."""
        from core.scenarios import scenarios_from_json
        errors: list[str] = []
        self.scenarios = scenarios_from_json(scenarios, errors)
        self.restore_expert_inputs(expert_inputs)
        self.scenarios_changed.emit()
        return errors

    def note_weights(self, node: str, note: dict) -> None:
        """Remember how the weights of `node`'s children were computed (results' method notes)."""
        self.weight_notes[node] = note

    def save_scenario(self, name: str, note: str = "") -> dict:
        """Snapshot the current weights under `name` (made unique); returns the scenario."""
        from core.scenarios import make_scenario, unique_name
        s = make_scenario(unique_name(self.scenarios, name.strip() or "scenario"), self.framework, note=note)
        self.scenarios.append(s)
        self.scenarios_changed.emit()
        self.status.emit(self.tr("Scenario saved: {0}").format(s["name"]))
        return s

    def rename_scenario(self, old: str, new: str) -> str:
        from core.scenarios import unique_name
        s = next(x for x in self.scenarios if x["name"] == old)
        new = new.strip()
        if not new or new == old:
            return old
        s["name"] = unique_name([x for x in self.scenarios if x is not s], new)
        self.scenarios_changed.emit()
        return s["name"]

    def delete_scenario(self, name: str) -> None:
        self.scenarios = [s for s in self.scenarios if s["name"] != name]
        self.scenarios_changed.emit()

    def apply_scenario(self, name: str) -> tuple[list[str], list[str]]:
        """Switch to a scenario's weights (and weight sources) as ONE undoable step.
        Returns (nodes the scenario does not know: kept as they are, scenario codes no longer in the tree)."""
        from core.scenarios import framework_with_scenario
        s = next(x for x in self.scenarios if x["name"] == name)
        fw = self.framework
        new, lacking, unknown = framework_with_scenario(fw, s)
        self._push(fw, new, self.tr("Switch to scenario {0}").format(name), True)
        return lacking, unknown
