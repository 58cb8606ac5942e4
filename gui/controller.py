"""The hub: one object that holds the document (core.model.document.Document) and its current result.

Panels never talk to each other; they call the controller and listen to its
small named signals (glue's hub idea). Every edit is an undoable command that
swaps one immutable part of the document — the framework, the settings, the project, the set
of locked weights (gui.commands); the controller asks the engine to recompute —
the fast re-aggregation when only weights changed — and announces the new
immutable result. Bursts of edits (a slider drag) are coalesced into one
recompute per event-loop turn. The GUI never computes a score itself.

Every undoable edit also writes an entry in the project's history (core.provenance.history):
who (`user_name`, from QSettings "user/name"), when, what (structured and in words),
an optional reason, and the ranking before and after. A slider drag that merges into one
undo step is one entry (updated as the drag goes on); undo marks the entry `undone` (it
stays listed), redo marks it `done` again. The ranks after an edit are taken at the
recompute that follows it; the fingerprints (SHA-256 of the inputs, core.provenance.fingerprint) are
computed lazily, when the history is read or saved, so a drag stays as fast as before.
Frozen rounds (core.provenance.rounds) and `extras` (a JSON store for other features) travel with
the history in the project file: the window opens a file with `open_document` and saves
`document_for_saving()` (core.files.project_file.load_document / save_document).

The scenarios, expert inputs, weight notes and rounds are edited with the pure functions of
core.model.document (saving a scenario or a note is not an undo step, as before); `ahp_judgements`,
`weight_notes` and `extras` are the current document's own dicts, so a dialog may write into them.
"""

from __future__ import annotations

import getpass
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoStack

from core.files.paths import SAMPLE_WORKBOOK
from core.model import document as docs
from core.model import framework_edits as edits
from core.model.document import Document
from core.model.framework import Framework
from core.model.problems import InputError, ProblemList
from core.model.records import Entry, History, now_iso
from core.model.settings import Settings
from core.provenance import history as hist
from gui.commands import FrameworkCommand, LockCommand, ProjectCommand, SettingsCommand

if TYPE_CHECKING:  # core.files.loader/core.pipeline need pandas: imported on first load, after the window shows
    from core.model.project import Project
    from core.pipeline.run import Result

USER_KEY = "user/name"
KEEP_RANKS_BEFORE = 20  # entries that keep their full ranks before (a later merge updates their ranks after)


def default_user() -> str:
    """The OS login name (what the history shows until a name is set in the preferences)."""
    try:
        return getpass.getuser() or "user"
    except Exception:  # noqa: BLE001 - no login name on this system
        return "user"

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
    history_changed = Signal()  # an entry was written, merged, undone, redone or annotated
    rounds_changed = Signal()  # a round was frozen (or the rounds were restored)
    document_opened = Signal()  # a whole document restored from a file (its extras, e.g. gui.models.view_state)
    edition_changed = Signal(str)  # the edition the views show, or what its change column compares with

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.document: Document | None = None  # the project and everything saved with it
        self.result: Result | None = None
        self.original: Framework | None = None  # framework as loaded, for "reset"
        self.baseline: dict[str, int | None] = {}
        self.selected = ""
        self.path: Path | None = None
        self.is_sample = False
        self.last_failed: tuple | None = None  # (path, project or None, problems) of the last failed load
        self.language = "zh"
        self.undo_stack = QUndoStack(self)
        self._pending_full = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._recompute_now)
        from gui.background_recompute import BackgroundReweight
        self._background = BackgroundReweight(self, self._background_done, self._background_failed)
        self.recompute_count = 0
        self._ranks: dict[str, int | None] = {}
        self._ranks_of: Result | None = None
        self._gesture = 0
        self._awaiting: list[Entry] = []  # entries whose ranks after wait for the next recompute
        self._incoming: Entry | None = None  # the entry of the command being pushed (None once merged)
        self._fp_cache: list[tuple[Project, str]] = []
        from gui.editions import EditionView
        self.eds = EditionView()  # the editions (issue 19): `result` stays the latest's; see gui.editions

    # --- loading -------------------------------------------------------------------
    def load_default(self) -> bool:
        ok = self.load_file(SAMPLE_WORKBOOK)
        self.is_sample = ok
        return ok

    def load_file(self, path: str | Path, data_path: str | Path | None = None) -> bool:
        from core.files.loader import load
        project, problems = load(path, data_path)
        return self.show_loaded(path, project, problems)

    def show_loaded(self, path: str | Path, project: Project | None, problems: ProblemList) -> bool:
        """Show what `core.files.loader.load` gave for `path` (read here or on a worker thread): the project,
        or `load_failed` with its problems. A failed load is kept in `last_failed` (path, project or
        None, problems) so the window can offer to open it anyway (open_failed_with_bad_cells_as_missing)."""
        if project is None or problems.has_errors:
            self.last_failed = (str(path), project, problems)
            self.load_failed.emit(str(path), problems)
            return False
        self.last_failed = None
        self.set_project(project, Path(path))
        return True

    def open_failed_with_bad_cells_as_missing(self) -> bool:
        """The workbook that last failed to open, when its only errors were data cells that are not
        numbers: open it with those cells missing, each still listed (as a warning) to be corrected."""
        from core.files.loader import with_bad_cells_as_missing
        if self.last_failed is None or self.last_failed[1] is None:
            return False
        path, project, _problems = self.last_failed
        opened = with_bad_cells_as_missing(project)
        if opened is None:
            return False
        self.last_failed = None
        self.set_project(opened, Path(path))
        return True

    def set_project(self, project: Project, path: Path | None = None) -> None:
        """A new document around `project` (no scenarios, history, rounds…; nothing to undo)."""
        had_scenarios = bool(self.document and self.document.scenarios)
        self.document = Document(project)
        self.original = project.framework
        self.path = path
        self.is_sample = False
        self._timer.stop()
        self._pending_full = False
        self._awaiting = []
        self.undo_stack.clear()
        self.result = self.eds.compute(project, keep_shown=False)
        self.baseline = self.current_ranks()
        if self.selected not in self.result.units:  # the leader (rank_order: ranking() costs seconds on 3,000 × 500)
            self.selected = self.result.units[int(self.result.rank_order()[0][0])] if self.result.units else ""
        if had_scenarios:
            self.scenarios_changed.emit()
        self.project_changed.emit()
        self.history_changed.emit()
        self.rounds_changed.emit()
        self.problems_changed.emit(project.problems)
        self.result_changed.emit(self.result)
        self.selection_changed.emit(self.selected)

    def open_document(self, doc: Document, path: Path | None = None) -> None:
        """Show a whole document (core.files.project_file.load_document): its project as `set_project`
        does, then its scenarios, expert inputs, history, rounds, extras and locked weights."""
        self.set_project(doc.project, path)
        self._adopt_document(doc)

    def _adopt_document(self, doc: Document) -> None:
        """Hold `doc` (whose project is already shown) and tell the panels what came with it."""
        self.document = doc
        if doc.locked:
            self.framework_changed.emit()
        self.scenarios_changed.emit()
        self.history_changed.emit()
        self.rounds_changed.emit()
        self.document_opened.emit()

    def document_for_saving(self) -> Document:
        """The document as it stands (pending recomputes run, every history entry's fingerprints filled
        in), as a copy no later edit touches: a save off the GUI thread writes exactly this."""
        import copy
        self.history_entries()
        d = self.document
        return replace(d, history=History([Entry.from_dict(e.to_dict()) for e in d.history]),
                       ahp_judgements=copy.deepcopy(dict(d.ahp_judgements)),
                       weight_notes=copy.deepcopy(dict(d.weight_notes)), panel=copy.deepcopy(d.panel),
                       extras=copy.deepcopy(dict(d.extras)))

    # --- the document's parts ----------------------------------------------------------
    @property
    def project(self) -> Project | None:
        return self.document.project if self.document is not None else None

    @project.setter
    def project(self, project: Project) -> None:
        self.document = Document(project) if self.document is None else docs.with_project(self.document, project)

    @property
    def locked(self) -> frozenset[str]:
        """The nodes whose share stays put when a sibling's weight changes (`set_locked`, undoable)."""
        return self.document.locked if self.document is not None else frozenset()

    @property
    def scenarios(self) -> list[dict]:
        """The saved scenarios (core.model.scenarios dicts), oldest first."""
        return list(self.document.scenarios) if self.document is not None else []

    @property
    def rounds(self) -> list[dict]:
        """The frozen rounds (core.provenance.rounds dicts), oldest first."""
        return list(self.document.rounds) if self.document is not None else []

    @property
    def history(self) -> History:
        return self.document.history if self.document is not None else History()

    @property
    def ahp_judgements(self) -> dict[str, dict]:
        """node -> {"children", "matrix", "method", "ri_table"} (the document's own dict)."""
        return self.document.ahp_judgements if self.document is not None else {}

    @property
    def weight_notes(self) -> dict[str, dict]:
        """node -> how its children's weights were computed (the document's own dict)."""
        return self.document.weight_notes if self.document is not None else {}

    @property
    def extras(self) -> dict:
        """A JSON-able store other features use, e.g. extras["expert_scores"] (the document's own dict)."""
        return self.document.extras if self.document is not None else {}

    @property
    def panel_result(self) -> dict | None:
        """The last merged expert panel."""
        return self.document.panel if self.document is not None else None

    @panel_result.setter
    def panel_result(self, panel: dict | None) -> None:
        if self.document is not None:
            self.document = docs.with_panel(self.document, panel)

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

    @property
    def view_result(self) -> Result | None:
        """The result the views show: the edition chosen in the selector, else `result`."""
        return self.eds.result() if self.eds.active else self.result

    def set_edition(self, label: str | None = None, compare: str | None = None) -> None:
        """Show another edition and/or compare the change column with the previous edition or the baseline."""
        if label is not None and self.eds.active and label in self.eds.labels:
            self.eds.shown = label
        if compare is not None:
            self.eds.compare = compare
        self.edition_changed.emit(self.eds.label)

    def rank_change(self, unit: str) -> int | None:
        """Positive = moved up since the pinned baseline (with editions: since the previous edition,
        unless the baseline is chosen — gui.editions)."""
        if self.eds.active:
            if self.eds.compare == "previous":
                return self.eds.change_vs_previous(unit)
            now = self.eds.ranks().get(unit)
            before = self.baseline.get(unit)
            return None if now is None or before is None else before - now
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
        self.baseline = dict(self.eds.ranks()) if self.eds.active else self.current_ranks()
        if self.eds.active and self.eds.compare != "baseline":
            self.set_edition(compare="baseline")  # pinning asks for the baseline (gui.editions)
        self.baseline_changed.emit()

    # --- edits (all undoable) --------------------------------------------------------
    def set_share(self, code: str, share: float) -> None:
        """Set a node's local share; unlocked siblings absorb the change."""
        fw = self.framework
        new = edits.set_local_share(fw, code, share, self.locked)
        self._push(fw, new, self.tr("Weight of {0}").format(code), True, merge_key=f"{code}#{self._gesture}",
                   primary=code)

    def apply_weights(self, weights: dict[str, float], text: str, source: str, reason: str = "") -> None:
        """Write a set of weights (AHP, entropy, a panel, a scenario…) as ONE undoable step,
        recording in each node how its weight was set."""
        fw = self.framework
        self._push(fw, fw.with_weights(weights, source=source), text, True, reason=reason)

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
        """Lock (or unlock) a node's weight, as ONE undoable step (not a history entry: the weights and
        the ranking do not change)."""
        if self.document is None:
            return
        new = docs.set_locked(self.document, code, locked)
        if new is self.document:
            return
        text = (self.tr("Lock weight of {0}") if locked else self.tr("Unlock weight of {0}")).format(code)
        self.undo_stack.push(LockCommand(self, self.document.locked, new.locked, text))

    def structural_edit(self, text: str, fn, *args, **kwargs) -> ProblemList | None:
        """Run a pure edit from core.model.framework_edits; refused edits return their problems and change nothing."""
        fw = self.framework
        try:
            new = fn(fw, *args, **kwargs)
        except edits.EditRefused as e:
            first = e.problems.errors[0] if getattr(e, "problems", None) and e.problems.errors else None
            self.status.emit(self.tr("Refused: {0}").format(first.text(self.language) if first else str(e)))
            return e.problems
        trial = self.project.with_framework(new)
        if trial.problems.has_errors and not self.project.problems.has_errors:
            self.status.emit(self.tr("Refused: {0}").format(trial.problems.errors[0].text(self.language)))
            return ProblemList(trial.problems.errors)
        self._push(fw, new, text, False)
        return None

    def set_settings(self, settings: Settings, text: str, reason: str = "") -> None:
        changes = hist.settings_changes(self.settings, settings)
        entry = self._entry("settings", text, hist.describe_settings(changes), changes, reason)
        self._run(SettingsCommand(self, self.settings, settings, text, entry), entry)

    def set_data_values(self, values: dict[tuple[str, str], float | None], text: str, reason: str = "",
                        source: str = "", edition: str | None = None) -> None:
        """Set data cells {(unit, indicator code): value or None} as ONE undoable step.

        Both the engine's Dataset and the raw data sheet (project.data_table) change, so that a
        structural edit (which re-reads the sheet), saving and reopening keep the values; an
        indicator without a column yet (an expert-scored one) gets a column. `source` says where
        the values come from (e.g. "expert scores, trimmed mean"); it is kept in the history.
        `edition` names an older edition whose cells these are (core.model.edition_edits; None or the
        latest: the project's data); the history entry then names it.
        Raises ValueError for a unit or a column the project does not know."""
        from core.model.edition_edits import edition_values, is_latest, with_edition_values
        if not values or self.project is None:
            return
        old = self.project
        new = with_edition_values(old, edition, values)
        before = edition_values(old, edition, values.keys())
        changes = hist.cell_changes(before, {k: (None if v is None else float(v)) for k, v in values.items()})
        if not changes:
            return
        older = not is_latest(old, edition)
        for c in changes:
            if source:
                c["source"] = source
            if older:
                c["edition"] = edition
        words = (f"edition {edition}: " if older else "") + hist.describe_cells(changes) + (
            f" (source: {source})" if source else "")
        entry = self._entry("data", text, words, changes, reason)
        self._run(ProjectCommand(self, old, new, text, entry), entry)

    def reimport_data(self, path: str | Path, reason: str = "") -> ProblemList | None:
        """Read the data sheet again from `path` (workbook or CSV), keeping the framework and settings,
        as ONE undoable step. Returns None when done; the problems (also sent by `load_failed`) when
        the file cannot be used — the project then stays as it was."""
        from core.files.loader import file_sha256, reimport_data
        path = Path(path)
        old = self.project
        new, problems = reimport_data(old, path)
        if new is None:
            self.load_failed.emit(str(path), problems)
            return problems
        sha = file_sha256(path)
        cells = hist.data_changes(old.data.values, new.data.values)
        changes = [{"kind": "reimport", "file": path.name, "sha256": sha}] + cells
        text = self.tr("Re-import data from {0}").format(path.name)
        entry = self._entry("reimport", text, hist.describe_reimport(path.name, sha, cells), changes, reason)
        self._run(ProjectCommand(self, old, new, text, entry), entry)
        return None

    def _push(self, old: Framework, new: Framework, text: str, weights_only: bool, merge_key: str = "",
              primary: str = "", reason: str = "") -> None:
        if weights_only:
            changes = hist.weight_changes(old, new, primary)
            words = hist.describe_weights(changes, primary)
        else:
            changes = hist.framework_changes(old, new)
            words = hist.describe_framework(changes)
        entry = self._entry("weights" if weights_only else "structure", text, words, changes, reason)
        cmd = FrameworkCommand(self, old, new, text, weights_only, merge_key, entry, primary)
        self._run(cmd, entry, self._will_merge(cmd))

    # --- history -----------------------------------------------------------------------
    @property
    def user_name(self) -> str:
        """Who the history names: QSettings "user/name", or the OS login name."""
        return str(QSettings().value(USER_KEY, "", type=str) or "").strip() or default_user()

    @user_name.setter
    def user_name(self, name: str) -> None:
        QSettings().setValue(USER_KEY, (name or "").strip())

    def _entry(self, kind: str, title: str, text: str, changes: list[dict], reason: str = "") -> Entry:
        nodes, units = hist.touched(changes)
        e = Entry(when=now_iso(), who=self.user_name, kind=kind, title=title, text=text, nodes=nodes,
                  units=units, reason=reason)
        e.set_changes(changes)
        return e

    def _will_merge(self, cmd: FrameworkCommand) -> bool:
        """Will QUndoStack merge `cmd` into the step on top (the same rule as Qt's push)?"""
        st = self.undo_stack
        i = st.index()
        if cmd.id() == -1 or i == 0 or i == st.cleanIndex():
            return False
        top = st.command(i - 1)
        return isinstance(top, FrameworkCommand) and top.id() == cmd.id() and top.merge_key == cmd.merge_key

    def _run(self, cmd, entry: Entry, will_merge: bool = False) -> None:
        """Push `cmd`; a new step gets its entry in the history, a merged one updates the entry it joins."""
        if not will_merge:
            self.flush()  # the ranks before are those of the state as it stands
        entry._project_before = self.project
        entry._ranks_before = dict(self.current_ranks())
        self._awaiting.append(entry)
        self._incoming = entry
        self.undo_stack.push(cmd)
        if self._incoming is entry:  # a new step
            if will_merge:  # Qt did not merge after all (saved in between): the ranks before, exactly
                from core.provenance.rounds import ranks_of
                entry._ranks_before = ranks_of(entry._project_before)
            for e in self.history.entries[:-KEEP_RANKS_BEFORE]:
                e.__dict__.pop("_ranks_before", None)
            self.history.add(entry)
        self._incoming = None
        self.history_changed.emit()

    def _history_merged(self, target: FrameworkCommand, other: FrameworkCommand) -> None:
        """`other` merged into `target` (one slider drag): `target`'s entry now describes the whole step."""
        e = target.entry
        if e is None:
            return
        if target.weights_only:
            changes = hist.weight_changes(target.old, target.new, target.primary)
            e.text = hist.describe_weights(changes, target.primary)
        else:
            changes = hist.framework_changes(target.old, target.new)
            e.text = hist.describe_framework(changes)
        e.set_changes(changes)
        e.nodes, e.units = hist.touched(changes)
        if other.entry is not None and other.entry.reason and not e.reason:
            e.reason = other.entry.reason
        if self._incoming is other.entry:
            self._incoming = None
        e._project_after = None
        self._awaiting = [x for x in self._awaiting if x is not other.entry]
        if not any(x is e for x in self._awaiting):
            self._awaiting.append(e)

    def _history_state(self, entry: Entry | None, state: str) -> None:
        """Undo (state 'undone') or redo ('done') of the step that wrote `entry`."""
        if entry is None:
            return
        if state == "undone" and any(e is entry for e in self._awaiting):
            self.flush()  # take the ranks after before the state goes back
        self.history.mark(entry, state, self.user_name)
        self.history_changed.emit()

    def _record_after(self) -> None:
        """After a recompute: the ranks (and, later, the fingerprint) after the awaiting entries."""
        if not self._awaiting:
            return
        ranks = dict(self.current_ranks())
        for e in self._awaiting:
            before = getattr(e, "_ranks_before", None)
            if before is not None:
                hist.record_ranks(e, before, ranks)
            e.fingerprint_after = ""
            e._project_after = self.project
        self._awaiting = []
        self.history_changed.emit()

    def _fingerprint(self, project: Project) -> str:
        for p, fp in self._fp_cache:
            if p is project:
                return fp
        from core.provenance.fingerprint import fingerprint
        fp = fingerprint(project.framework, project.settings, project.data, project.editions)
        self._fp_cache = [(project, fp)] + self._fp_cache[:3]
        return fp

    def history_entries(self, fingerprints: bool = True) -> list[Entry]:
        """The history, oldest first (pending recomputes run first); with `fingerprints`, every entry's
        fingerprints are filled in (saving needs them; a list on screen does not — see `fill_fingerprints`)."""
        if self._awaiting:
            self.flush()
        if fingerprints:
            for e in self.history.entries:
                self.fill_fingerprints(e)
        return list(self.history.entries)

    def fill_fingerprints(self, e: Entry) -> Entry:
        """The fingerprints of the project before and after one entry (computed once, then kept)."""
        p = e.__dict__.pop("_project_before", None)
        if p is not None:
            e.fingerprint_before = self._fingerprint(p)
        p = e.__dict__.pop("_project_after", None)
        if p is not None:
            e.fingerprint_after = self._fingerprint(p)
        return e

    def annotate(self, entry_id: int, reason: str) -> None:
        """Give (or change) the reason of a history entry."""
        e = self.history.get(entry_id)
        if e is not None and e.reason != reason:
            e.reason = reason
            self.history_changed.emit()

    # --- frozen rounds -----------------------------------------------------------------
    def fingerprint_now(self) -> str:
        return self._fingerprint(self.project) if self.project is not None else ""

    def freeze_round(self, name: str, note: str = "") -> dict:
        """Freeze the project as it stands under `name` (made unique); returns the round."""
        from core.provenance import rounds as rnd
        self.flush()
        from core.model.scenarios import unique_name
        name = unique_name(self.rounds, name.strip() or self.tr("Round {0}").format(len(self.rounds) + 1))
        ranks = dict(self.current_ranks())
        r = rnd.freeze(name, self.project, self.user_name, note, ranks=ranks)
        self.document = docs.with_round(self.document, r)
        fp = r["fingerprint"]
        e = Entry(when=r["when"], who=r["who"], kind="freeze", title=self.tr("Freeze round {0}").format(name),
                  text=f"round frozen: {name} (sha256 {fp[:12]}…)", reason=note, fingerprint_before=fp,
                  fingerprint_after=fp)
        e.set_changes([{"kind": "freeze", "name": name, "fingerprint": fp}])
        hist.record_ranks(e, ranks, ranks)
        self.history.add(e)
        self.rounds_changed.emit()
        self.history_changed.emit()
        self.status.emit(self.tr("Round frozen: {0}").format(name))
        return r

    def last_round(self) -> dict | None:
        return self.rounds[-1] if self.rounds else None

    def compare_with_round(self, round_: dict | None = None) -> dict | None:
        """What changed since `round_` (default: the last frozen round); None when there is none."""
        round_ = round_ or self.last_round()
        if round_ is None or self.project is None:
            return None
        from core.provenance.rounds import compare
        self.flush()
        return compare(round_, self.project)

    def compare_with_file(self, path: str | Path) -> dict:
        """What differs from another project (.cidx) or input workbook (A) to the current one (B);
        core.provenance.verify.diff_projects's dict. Raises InputError when the file cannot be used."""
        from core.files.loader import load
        from core.provenance.verify import diff_projects
        other, problems = load(path)
        if other is None or problems.has_errors:
            raise InputError(ProblemList(problems.errors or problems.items))
        self.flush()
        return diff_projects(other, self.project)

    # --- called by the commands --------------------------------------------------------
    def _set_locked_state(self, locked: frozenset[str]) -> None:
        self.document = docs.with_locked(self.document, locked)
        self.framework_changed.emit()

    def _set_framework(self, fw: Framework, weights_only: bool) -> None:
        if weights_only:
            self.project = replace(self.project, framework=fw)  # (keeps every field, the editions too)
        else:
            self.project = self.project.with_framework(fw)
            self._pending_full = True
        self.framework_changed.emit()
        self.request_recompute()

    def _set_settings(self, settings: Settings) -> None:
        self.project = self.project.with_settings(settings)
        self._pending_full = True
        self.request_recompute()

    def _set_project_state(self, project: Project) -> None:
        """Data edited or re-imported: recompute now, then views rebuild (project_changed)."""
        self.project = project
        self._timer.stop()
        self._pending_full = True
        self._recompute_now(new_data=True)

    # --- recompute ---------------------------------------------------------------------
    def request_recompute(self) -> None:
        """Coalesce: many requests in one event-loop turn give one recompute."""
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Recompute now if a recompute is pending (tests, export)."""
        if self._background.busy():  # a slow weight edit still computing: compute it here
            self._background.cancel_and_wait()
            self._timer.stop()
            self._recompute_now(sync=True)
        if self._timer.isActive():
            self._timer.stop()
            self._recompute_now()

    def _recompute_now(self, new_data: bool = False, sync: bool = False) -> None:
        if self.project is None:
            return
        from gui.background_recompute import wants_background
        if self._pending_full or self.result is None or new_data:
            self._background.cancel_and_wait()  # a full compute supersedes a weight edit in flight
        elif not sync and wants_background(self.result, self.project.framework):
            self._background.submit(self.eds.reweight_base(self.result), self.project.framework)
            self.status.emit(self.tr("Recomputing in the background…"))
            return
        t0 = time.perf_counter()
        if self._pending_full or self.result is None:
            self.result = self.eds.compute(self.project)
            kind = self.tr("full compute")
            structure = True
        else:
            self.result = self.eds.reweight(self.result, self.project.framework)
            kind = self.tr("weights only")
            structure = False
        self._pending_full = False
        self._deliver((time.perf_counter() - t0) * 1000, kind, structure, new_data)

    def _background_done(self, result, ms: float) -> None:
        self.result = self.eds.adopt(result)
        self._deliver(ms, self.tr("weights only"), False, False)

    def _background_failed(self, e: BaseException) -> None:
        self.status.emit(str(e))

    def _deliver(self, ms: float, kind: str, structure: bool, new_data: bool) -> None:
        """What follows a new `self.result`: history ranks, the views, the status line."""
        self.recompute_count += 1
        self._record_after()
        if new_data:
            if self.selected not in self.result.units:
                self.selected = self.result.ranking()[0]["unit"] if self.result.units else ""
            self.project_changed.emit()
        if structure:
            self.problems_changed.emit(self.project.problems)
        self.result_changed.emit(self.result)
        if new_data:
            self.selection_changed.emit(self.selected)
        self.recomputed.emit(ms)
        n = int(np.count_nonzero(~np.isnan(self.result.root_scores)))
        self.status.emit(self.tr("{0} units scored ({1}) in {2:.1f} ms").format(n, kind, ms))

    # --- expert inputs, weight notes and scenarios (plain data; see core.model.document) ----------
    def expert_inputs(self) -> dict:
        """AHP judgements, weight notes and the last panel, as plain JSON types."""
        from core.files.project_file import json_safe
        return json_safe(docs.expert_inputs(self.document)) if self.document is not None else {}

    def restore_expert_inputs(self, data: dict | None) -> None:
        self.document = docs.with_expert_inputs(self.document, data)

    def project_extra(self) -> dict:
        """What `core.files.project_file.save_project(project, path, extra=...)` should carry: the
        document's scenarios, expert inputs, history, frozen rounds, extras (project_file.document_extra)."""
        from core.files.project_file import document_extra
        return document_extra(self.document_for_saving())

    def restore_project_extra(self, scenarios, expert_inputs, extra: dict | None = None) -> list[str]:
        """After `set_project` of a read project file: its scenarios and expert inputs, and from
        `extra` (`ProjectFile.extra`) the history, the frozen rounds, `extras` and the locked weights
        (project_file.document_of). Returns messages about parts that could not be read (skipped)."""
        from core.files.project_file import ProjectFile, document_of
        doc, errors = document_of(ProjectFile(self.project, scenarios, expert_inputs,
                                              extra if isinstance(extra, dict) else {}))
        self._adopt_document(doc)
        return errors

    def note_weights(self, node: str, note: dict) -> None:
        """Remember how the weights of `node`'s children were computed (results' method notes)."""
        self.document = docs.note_weights(self.document, node, note)

    def keep_ahp_judgements(self, node: str, judgements: dict) -> None:
        """Keep the pairwise judgements of `node` in the document (the AHP editor reopens on them)."""
        self.document = docs.keep_ahp_judgements(self.document, node, judgements)

    def set_extra(self, key: str, value) -> None:
        """Store another feature's JSON data in the document (`extras[key]`, saved with the project)."""
        self.document = docs.with_extra(self.document, key, value)

    def save_scenario(self, name: str, note: str = "") -> dict:
        """Snapshot the current weights under `name` (made unique); returns the scenario."""
        self.document, s = docs.save_scenario(self.document, name, note)
        self.scenarios_changed.emit()
        self.status.emit(self.tr("Scenario saved: {0}").format(s["name"]))
        return s

    def rename_scenario(self, old: str, new: str) -> str:
        before = self.document
        self.document, name = docs.rename_scenario(before, old, new)
        if self.document is not before:
            self.scenarios_changed.emit()
        return name

    def delete_scenario(self, name: str) -> None:
        self.document = docs.delete_scenario(self.document, name)
        self.scenarios_changed.emit()

    def apply_scenario(self, name: str) -> tuple[list[str], list[str]]:
        """Switch to a scenario's weights (and weight sources, and aggregation methods when it records
        them) as ONE undoable step.
        Returns (nodes the scenario does not know: kept as they are, scenario codes no longer in the tree)."""
        from core.model.scenarios import aggregations_of
        fw = self.framework
        new, lacking, unknown = docs.scenario_framework(self.document, name)
        # a scenario recording other aggregation methods is more than a weight edit: a full recompute
        self._push(fw, new, self.tr("Switch to scenario {0}").format(name), aggregations_of(new) == aggregations_of(fw))
        return lacking, unknown
