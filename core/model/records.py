"""The project's records as plain data: the history's entries (`Entry`, `History`) and the frozen
rounds as read from a file (`rounds_from_json`).

They sit here, under everything, because they are part of the document a project file holds
(core.model.document) and core.files reads and writes them; what fills them in — the
words and structure of each change, the ranks, the fingerprints, freezing a round and comparing with
it — is core.provenance's (history, rounds, fingerprint), which builds on the engine.

An `Entry` is described in core.provenance.history's docstring. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from typing import Any

MAX_CHANGES = 200


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(eq=False)  # an entry is itself: two edits with the same words are two entries
class Entry:
    id: int = 0
    when: str = ""
    who: str = ""
    kind: str = "weights"
    title: str = ""
    text: str = ""
    changes: list = field(default_factory=list)
    changes_total: int = 0
    nodes: list = field(default_factory=list)
    units: list = field(default_factory=list)
    reason: str = ""
    state: str = "done"
    events: list = field(default_factory=list)
    fingerprint_before: str = ""
    fingerprint_after: str = ""
    top_before: list = field(default_factory=list)
    top_after: list = field(default_factory=list)
    moved: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @staticmethod
    def from_dict(d: dict) -> Entry:
        names = {f.name for f in fields(Entry)}
        e = Entry(**{k: v for k, v in d.items() if k in names})
        e.id = int(e.id)
        if e.state not in ("done", "undone"):
            e.state = "done"
        return e

    def set_changes(self, changes: list[dict]) -> None:
        self.changes_total = len(changes)
        self.changes = changes[:MAX_CHANGES]

    def matches(self, query: str) -> bool:
        """A node code or a unit name (case-insensitive, part of it is enough), or words of the text."""
        q = query.strip().lower()
        if not q:
            return True
        return (any(q in str(n).lower() for n in self.nodes) or any(q in str(u).lower() for u in self.units)
                or q in self.text.lower() or q in self.title.lower() or q in self.reason.lower())

    def ranking_rows(self) -> list[tuple[str, int | None, int | None]]:
        """(unit, rank before, rank after) for the units of the top lists and every unit that moved,
        in the order of the rank after (units without a rank last)."""
        before = {u: r for u, r in self.top_before}
        after = {u: r for u, r in self.top_after}
        for u, (b, a) in self.moved.items():
            before[u], after[u] = b, a
        units = set(before) | set(after)
        rows = []
        for u in units:
            b = before.get(u, after.get(u) if u not in self.moved else None)
            a = after.get(u, before.get(u) if u not in self.moved else None)
            rows.append((u, b, a))
        rows.sort(key=lambda r: (r[2] is None, r[2] if r[2] is not None else 0, r[0]))
        return rows


class History:
    """The list of entries, oldest first; ids are unique and increasing."""

    def __init__(self, entries: list[Entry] | None = None):
        self.entries: list[Entry] = list(entries or [])

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def next_id(self) -> int:
        return 1 + max((e.id for e in self.entries), default=0)

    def add(self, entry: Entry) -> Entry:
        entry.id = self.next_id()
        self.entries.append(entry)
        return entry

    def get(self, entry_id: int) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def mark(self, entry: Entry, state: str, who: str, when: str | None = None) -> None:
        if state not in ("done", "undone"):
            raise ValueError(f"unknown state {state!r}")
        entry.state = state
        entry.events.append([state if state == "undone" else "redone", when or now_iso(), who])

    def filter(self, query: str = "") -> list[Entry]:
        return [e for e in self.entries if e.matches(query)]

    def to_json(self) -> list[dict]:
        return [e.to_dict() for e in self.entries]

    @staticmethod
    def from_json(items: Any, errors: list[str] | None = None) -> History:
        out = []
        for i, d in enumerate(items if isinstance(items, list) else []):
            try:
                out.append(Entry.from_dict(d))
            except (TypeError, ValueError) as e:
                if errors is not None:
                    errors.append(f"history entry {i + 1} could not be read ({e})")
        return History(out)


def rounds_from_json(items, errors: list[str] | None = None) -> list[dict]:
    """The frozen rounds of a project file (core.provenance.rounds dicts); a round without its name,
    fingerprint or snapshot is skipped, with a message in `errors`."""
    out = []
    for i, r in enumerate(items if isinstance(items, list) else []):
        if isinstance(r, dict) and {"name", "fingerprint", "doc"} <= set(r) and isinstance(r["doc"], dict):
            out.append(r)
        elif errors is not None:
            errors.append(f"frozen round {i + 1} could not be read (name, fingerprint or snapshot missing)")
    return out
