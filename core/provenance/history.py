"""The project's history: every change as an entry — when, who, what, why, and what it did to the ranking.

An `Entry` (core.model.records, where the plain data of the history lives so that the project
file can read it) is JSON through `to_dict`/`from_dict`:

- `when` (ISO 8601 with the UTC offset, seconds), `who` (a user name);
- `kind`: `weights`, `structure`, `settings`, `data`, `reimport` (undoable edits) or `freeze`
  (a round frozen, core.provenance.rounds; never undone);
- `title`: the edit's name as the undo menu shows it ("AHP weights of T");
- `text`: one human sentence ("weight of T2 from 0.20 to 0.25", "data cell 苏州 / T23 from 1204
  to 1240", "method changed: normalisation minmax → zscore", "data sheet re-imported from
  FILE (sha256 …)");
- `changes`: the same, structured (one dict per changed weight, field, setting or cell), capped
  at `MAX_CHANGES` with `changes_total` the full count;
- `nodes`, `units`: the node codes and unit names it touched (what the filter looks at);
- `reason`: why (optional, may be added later);
- `state`: `done` or `undone`; `events` logs each undo/redo as `[state, when, who]` — an undone
  entry stays in the list, a redo marks it `done` again (no new entry);
- the ranking before and after, kept small: `fingerprint_before`/`fingerprint_after` (the
  inputs' SHA-256, core.provenance.fingerprint), `top_before`/`top_after` (the first `TOP` units as
  `[unit, rank]`) and `moved` (`{unit: [rank before, rank after]}` for the units whose rank
  changed). 50 units × a few hundred entries stay well under a megabyte.

Nothing here knows Qt; gui.controller writes the entries as the edits happen.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from core.model.framework import Framework
from core.model.records import Entry
from core.model.settings import Settings

TOP = 10
KINDS = ("weights", "structure", "settings", "data", "reimport", "freeze")
METHOD_KEYS = {"normalization": "normalisation", "aggregation": "aggregation", "imputation": "imputation",
               "outliers": "outliers"}
# node fields compared by `framework_changes` (row is where it was read from; not a change)
_SKIP_FIELDS = {"row"}


# --- ranks ------------------------------------------------------------------------------------
def top(ranks: dict[str, int | None], n: int = TOP) -> list[list]:
    ranked = sorted(((r, u) for u, r in ranks.items() if r is not None), key=lambda x: (x[0], x[1]))
    return [[u, r] for r, u in ranked[:n]]


def moved(before: dict[str, int | None], after: dict[str, int | None]) -> dict[str, list]:
    return {u: [before.get(u), after.get(u)] for u in sorted(set(before) | set(after))
            if before.get(u) != after.get(u)}


def record_ranks(entry: Entry, before: dict[str, int | None], after: dict[str, int | None]) -> None:
    entry.top_before, entry.top_after = top(before), top(after)
    entry.moved = moved(before, after)


# --- what changed, structured and in words ------------------------------------------------------
def num_text(v: Any) -> str:
    """A value the short way: 1204.0 → '1204', 0.1 → '0.1', None/NaN → 'empty'."""
    if v is None:
        return "empty"
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    f = float(v)
    if math.isnan(f):
        return "empty"
    if f.is_integer() and abs(f) < 1e15:
        return str(int(f))
    return repr(f)


def _share(a: float, b: float) -> tuple[str, str]:
    for d in (2, 4, 6):
        if round(a, d) != round(b, d):
            return f"{a:.{d}f}", f"{b:.{d}f}"
    return f"{a:.6f}", f"{b:.6f}"


def weight_changes(old: Framework, new: Framework, primary: str = "", tol: float = 1e-12) -> list[dict]:
    """Local weights (shares among siblings) that changed, `primary` (the weight the user moved) first."""
    lo, ln = old.local_weights(), new.local_weights()
    out = []
    for code in new.nodes:
        if code in lo and code in ln and abs(lo[code] - ln[code]) > tol:
            out.append({"kind": "weight", "code": code, "old": lo[code], "new": ln[code]})
    out.sort(key=lambda c: c["code"] != primary)
    return out


def describe_weights(changes: list[dict], primary: str = "") -> str:
    if not changes:
        return "weights unchanged"
    main = next((c for c in changes if c["code"] == primary), changes[0])
    a, b = _share(main["old"], main["new"])
    text = f"weight of {main['code']} from {a} to {b}"
    others = len(changes) - 1
    if others == 1:
        text += f" (1 other weight adjusted: {next(c['code'] for c in changes if c is not main)})"
    elif others > 1:
        text += f" ({others} other weights adjusted)"
    return text


def framework_changes(old: Framework, new: Framework) -> list[dict]:
    """Nodes added, removed, and every field that differs (names, methods, parent, weight…)."""
    out: list[dict] = []
    for code in old.nodes:
        if code not in new.nodes:
            out.append({"kind": "node_removed", "code": code})
    for code, n in new.nodes.items():
        if code not in old.nodes:
            out.append({"kind": "node_added", "code": code, "parent": n.parent})
            continue
        a, b = asdict(old.nodes[code]), asdict(n)
        for f in a:
            if f not in _SKIP_FIELDS and a[f] != b[f]:
                out.append({"kind": "field", "code": code, "field": f, "old": a[f], "new": b[f]})
    for code, kids in new.children.items():
        if code in old.children and tuple(kids) != tuple(old.children[code]) \
                and sorted(kids) == sorted(old.children[code]):
            out.append({"kind": "order", "code": code, "old": list(old.children[code]), "new": list(kids)})
    return out


def _field_text(c: dict) -> str:
    k = c["kind"]
    if k == "node_added":
        return f"node {c['code']} added under {c['parent']}"
    if k == "node_removed":
        return f"node {c['code']} removed"
    if k == "order":
        return f"children of {c['code']} reordered"
    old, new = c["old"], c["new"]
    if c["field"] == "direction":
        old, new = ("+" if old > 0 else "-"), ("+" if new > 0 else "-")
    show = lambda v: "empty" if v in (None, "") else num_text(v)  # noqa: E731
    return f"{c['field']} of {c['code']} from {show(old)} to {show(new)}"


def describe_framework(changes: list[dict], limit: int = 3) -> str:
    if not changes:
        return "no change"
    parts = [_field_text(c) for c in changes[:limit]]
    more = len(changes) - limit
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def settings_changes(old: Settings, new: Settings) -> list[dict]:
    a, b = old.to_dict(), new.to_dict()
    return [{"kind": "setting", "key": k, "old": a[k], "new": b[k]} for k in a if a[k] != b.get(k)]


def describe_settings(changes: list[dict]) -> str:
    if not changes:
        return "settings unchanged"
    parts = []
    for c in changes:
        if c["key"] in METHOD_KEYS:
            parts.append(f"method changed: {METHOD_KEYS[c['key']]} {c['old'] or 'none'} → {c['new'] or 'none'}")
        else:
            parts.append(f"setting {c['key']} from {num_text(c['old'])} to {num_text(c['new'])}")
    return "; ".join(parts)


def cell_changes(old: dict[tuple[str, str], Any], new: dict[tuple[str, str], Any]) -> list[dict]:
    out = []
    for (unit, code), v in new.items():
        o = old.get((unit, code))
        same = (o is None and v is None) or (o is not None and v is not None and float(o) == float(v))
        if not same:
            out.append({"kind": "cell", "unit": unit, "code": code, "old": o, "new": v})
    return out


def describe_cells(changes: list[dict], limit: int = 3) -> str:
    if not changes:
        return "data unchanged"
    parts = [f"data cell {c['unit']} / {c['code']} from {num_text(c['old'])} to {num_text(c['new'])}"
             for c in changes[:limit]]
    more = len(changes) - limit
    return "; ".join(parts) + (f" (and {more} more cells)" if more > 0 else "")


def data_changes(old_values, new_values) -> list[dict]:
    """Units and columns added or removed, and cells that differ, between two value tables
    (pandas DataFrames, units × columns)."""
    out: list[dict] = []
    ou, nu = list(old_values.index), list(new_values.index)
    oc, nc = [str(c) for c in old_values.columns], [str(c) for c in new_values.columns]
    out += [{"kind": "unit_removed", "unit": u} for u in ou if u not in set(nu)]
    out += [{"kind": "unit_added", "unit": u} for u in nu if u not in set(ou)]
    out += [{"kind": "column_removed", "code": c} for c in oc if c not in set(nc)]
    out += [{"kind": "column_added", "code": c} for c in nc if c not in set(oc)]
    units = [u for u in nu if u in set(ou)]
    cols = [c for c in nc if c in set(oc)]
    if units and cols:
        a = old_values.loc[units, cols].to_numpy(dtype=float)
        b = new_values.loc[units, cols].to_numpy(dtype=float)
        for i, u in enumerate(units):
            for j, c in enumerate(cols):
                x, y = a[i, j], b[i, j]
                if not ((math.isnan(x) and math.isnan(y)) or x == y):
                    out.append({"kind": "cell", "unit": u, "code": c, "old": None if math.isnan(x) else float(x),
                                "new": None if math.isnan(y) else float(y)})
    return out


def describe_reimport(file: str, sha256: str, changes: list[dict]) -> str:
    counts: dict[str, int] = {}
    for c in changes:
        counts[c["kind"]] = counts.get(c["kind"], 0) + 1
    what = ", ".join(f"{n} {k.replace('_', ' ')}{'s' if n != 1 else ''}" for k, n in counts.items())
    return f"data sheet re-imported from {file} (sha256 {sha256[:12]}…): {what or 'no difference'}"


def touched(changes: list[dict]) -> tuple[list[str], list[str]]:
    """The node codes and unit names a list of changes touches."""
    nodes, units = [], []
    for c in changes:
        code, unit = c.get("code"), c.get("unit")
        if code and code not in nodes:
            nodes.append(code)
        if unit and unit not in units:
            units.append(unit)
    return nodes, units
