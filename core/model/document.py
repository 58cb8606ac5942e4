"""The document: everything a project file (`.cidx`) holds, as one frozen value.

`Document` is the `Project` the pipeline computes (framework, data, settings) together with what
the user built around it: the saved scenarios (core.model.scenarios dicts), the AHP judgements and
the notes on how each node's weights were computed (both `{node: dict}`), the last merged expert
panel, the history (core.model.records.History), the frozen rounds (core.provenance.rounds dicts),
`extras` (a JSON store other features use, e.g. `extras["expert_scores"]`), the set of locked
weights, and `other`: keys of a file's `extra` this version does not know, kept so a save loses
nothing.

The edits below are pure: a Document in, a new Document out (the old one is left as it was, so an
undo only keeps the part it swaps). core.files.project_file saves and loads a whole Document; the
window's controller holds one and turns user actions into undoable commands over its parts.

Two parts are not pure values, by design:
- the history is the log core.provenance.history fills in as edits happen; its entries are
  completed in place after the recompute that follows an edit (ranks after, fingerprints), so a
  slider drag stays fast. The Document says WHICH history it has; `with_history` swaps it.
- the dicts (`ahp_judgements`, `weight_notes`, `extras`) are plain dicts, because the project file
  stores them as they are; these functions never change a dict they were given (they copy), so a
  Document made by them never shares a changed dict with the one it came from.

Freezing a round, comparing with one and writing history entries need the engine's results: they
live in core.provenance (above this package); here a round is only data (`with_round`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from core.model.records import History
from core.model.scenarios import Scenario, framework_with_scenario, make_scenario, unique_name

if TYPE_CHECKING:  # core.model.project needs pandas: the window imports this module before its first paint
    from core.model.framework import Framework
    from core.model.project import Project


@dataclass(frozen=True)
class Document:
    """A whole project: the Project and everything saved beside it."""

    project: Project
    scenarios: tuple[Scenario, ...] = ()
    ahp_judgements: Mapping[str, dict] = field(default_factory=dict)  # node -> {"children", "matrix", ...}
    weight_notes: Mapping[str, dict] = field(default_factory=dict)  # node -> how its children's weights were set
    panel: dict | None = None  # the last merged expert panel
    history: History = field(default_factory=History)
    rounds: tuple[dict, ...] = ()  # oldest first
    extras: Mapping[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()  # nodes whose share stays put when a sibling's weight changes
    other: Mapping[str, Any] = field(default_factory=dict)  # a file's `extra` keys this version does not know

    @property
    def framework(self) -> Framework:
        return self.project.framework


# --- the project inside ---------------------------------------------------------------------
def with_project(doc: Document, project: Project) -> Document:
    """The same document around another Project (an edit of the framework, settings or data)."""
    return replace(doc, project=project)


def set_locked(doc: Document, code: str, locked: bool) -> Document:
    """Lock (or unlock) the weight of `code`; the same document when nothing changes."""
    new = doc.locked | {code} if locked else doc.locked - {code}
    return doc if new == doc.locked else replace(doc, locked=frozenset(new))


def with_locked(doc: Document, locked: Iterable[str]) -> Document:
    return replace(doc, locked=frozenset(locked))


# --- expert inputs and weight notes ---------------------------------------------------------
def note_weights(doc: Document, node: str, note: dict) -> Document:
    """Remember how the weights of `node`'s children were computed (the results' method notes)."""
    return replace(doc, weight_notes={**doc.weight_notes, node: note})


def keep_ahp_judgements(doc: Document, node: str, judgements: dict) -> Document:
    """Keep the pairwise judgements of `node` (the AHP editor starts from them next time)."""
    return replace(doc, ahp_judgements={**doc.ahp_judgements, node: judgements})


def with_panel(doc: Document, panel: dict | None) -> Document:
    return replace(doc, panel=panel or None)


def with_extra(doc: Document, key: str, value: Any) -> Document:
    """Set `extras[key]` (another feature's JSON data)."""
    return replace(doc, extras={**doc.extras, key: value})


def with_expert_inputs(doc: Document, data: Mapping | None) -> Document:
    """The AHP judgements, weight notes and panel of a project file's `expert_inputs`."""
    data = data if isinstance(data, Mapping) else {}
    return replace(doc, ahp_judgements=dict(data.get("ahp_judgements") or {}),
                   weight_notes=dict(data.get("weight_notes") or {}), panel=data.get("panel") or None)


def expert_inputs(doc: Document) -> dict:
    """What a project file stores under `expert_inputs` (before its JSON cleaning)."""
    return {"ahp_judgements": doc.ahp_judgements, "weight_notes": doc.weight_notes, "panel": doc.panel}


# --- scenarios -------------------------------------------------------------------------------
def find_scenario(doc: Document, name: str) -> Scenario:
    """The scenario called `name` (KeyError when there is none)."""
    for s in doc.scenarios:
        if s["name"] == name:
            return s
    raise KeyError(name)


def save_scenario(doc: Document, name: str, note: str = "", created: str | None = None
                  ) -> tuple[Document, Scenario]:
    """Snapshot the current weights under `name` (made unique; blank gives "scenario")."""
    s = make_scenario(unique_name(doc.scenarios, name.strip() or "scenario"), doc.framework, created, note)
    return replace(doc, scenarios=(*doc.scenarios, s)), s


def rename_scenario(doc: Document, old: str, new: str) -> tuple[Document, str]:
    """Rename a scenario (the new name made unique among the others); returns the name it got.
    A blank or unchanged name leaves the document as it was."""
    s = find_scenario(doc, old)
    new = new.strip()
    if not new or new == old:
        return doc, old
    name = unique_name([x for x in doc.scenarios if x is not s], new)
    renamed = dict(s, name=name)
    return replace(doc, scenarios=tuple(renamed if x is s else x for x in doc.scenarios)), name


def delete_scenario(doc: Document, name: str) -> Document:
    return replace(doc, scenarios=tuple(s for s in doc.scenarios if s["name"] != name))


def with_scenarios(doc: Document, scenarios: Iterable[Scenario]) -> Document:
    return replace(doc, scenarios=tuple(scenarios))


def scenario_framework(doc: Document, name: str) -> tuple[Framework, list[str], list[str]]:
    """The framework with scenario `name`'s weights (and sources), the nodes it does not know (kept
    as they are) and its codes no longer in the tree (core.model.scenarios.framework_with_scenario)."""
    return framework_with_scenario(doc.framework, find_scenario(doc, name))


# --- history and rounds ---------------------------------------------------------------------
def with_history(doc: Document, history: History) -> Document:
    return replace(doc, history=history)


def with_round(doc: Document, round_: dict) -> Document:
    """A frozen round (core.provenance.rounds.freeze) added after the others."""
    return replace(doc, rounds=(*doc.rounds, round_))


def with_rounds(doc: Document, rounds: Iterable[dict]) -> Document:
    return replace(doc, rounds=tuple(rounds))
