"""A fingerprint of the inputs a result was computed from, that anyone can recompute.

The canonical serialisation (documented in the README, "Fingerprint"):

* a JSON object with exactly the keys "schema", "framework", "settings", "data";
* "schema" is the string "cityindex-inputs/1";
* "framework" is a list with one object per node, sorted by code (Unicode code
  points), holding only the fields that change a score: code, parent, weight,
  direction, aggregation, normalization, min, max, target, transform, denominator
  (an empty text is "", an absent number is null; direction is 1 or -1);
* "settings" holds every setting key of DESIGN §3 with its value (numbers as below), except the
  settings of one aggregation method (TOPSIS, grey, BoD: core.model.settings.METHOD_SETTINGS) while
  they keep their default value, and `editions_normalization` while it is `each`, so that the
  fingerprints of projects made before those settings existed stay what they were;
* "data" is an object {"units": {unit: {column: value}}} for every unit and every
  numeric column (indicators and denominators), units and columns sorted by code
  point, a missing cell being null; and {"groups": {unit: {column: text}}} for the
  group columns;
* every number is written as the text of C's printf("%.17g") of the IEEE double
  (so 1, 1.0 and 1.00 in a workbook give the same text, "1");
* a project with several editions (issue 19) adds "editions": {"labels": [every label, oldest
  first], "earlier": {label: data}} — each earlier edition's data as "data" above; "data" is the
  latest edition's. (Under `pooled` or `base` normalisation the earlier editions change the latest
  scores, so they are inputs like any other.) A one-edition project has no "editions" key;
* the JSON is written with keys sorted, no whitespace (separators "," and ":"),
  non-ASCII characters as themselves, UTF-8 encoded.

The fingerprint is the SHA-256 of those bytes, in lower-case hex. It does not
depend on dictionary order, float formatting, row order or sheet order.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from core.model.dataset import Dataset
from core.model.framework import Framework
from core.model.settings import METHOD_SETTINGS, Settings

if TYPE_CHECKING:
    from core.model.editions import Edition

SCHEMA = "cityindex-inputs/1"
NODE_FIELDS = ("code", "parent", "weight", "direction", "aggregation", "normalization", "min", "max",
               "target", "transform", "denominator")


def num(v: Any) -> str | None:
    """A number as printf("%.17g"); None for missing."""
    if v is None:
        return None
    f = float(v)
    if math.isnan(f):
        return None
    return format(f, ".17g")


def canonical(framework: Framework, settings: Settings, data: Dataset, editions: Sequence[Edition] = ()) -> dict:
    doc = {"schema": SCHEMA, **_inputs_part(framework, settings), "data": canonical_data(data)}
    if len(editions) > 1:
        doc["editions"] = {"labels": [e.label for e in editions],
                           "earlier": {e.label: canonical_data(e.data) for e in editions[:-1]}}
    return doc


def _inputs_part(framework: Framework, settings: Settings) -> dict:
    nodes = []
    for code in sorted(framework.nodes):
        n = framework.nodes[code]
        d = {}
        for f in NODE_FIELDS:
            v = getattr(n, f)
            d[f] = num(v) if f in ("weight", "min", "max", "target") else (int(v) if f == "direction" else v)
        nodes.append(d)
    sets = {}
    defaults = Settings().to_dict()
    for k, v in sorted(settings.to_dict().items()):
        if (k in METHOD_SETTINGS or k == "editions_normalization") and v == defaults[k]:
            continue
        sets[k] = num(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
    return {"framework": nodes, "settings": sets}


def canonical_data(data: Dataset) -> dict:
    cols = sorted(str(c) for c in data.values.columns)
    values = data.values
    units = {}
    arr = values.to_numpy(dtype=float)
    colpos = {str(c): j for j, c in enumerate(values.columns)}
    for i, u in enumerate(values.index):
        row = arr[i]
        units[str(u)] = {c: (None if np.isnan(row[colpos[c]]) else format(row[colpos[c]], ".17g")) for c in cols}
    groups = {}
    gcols = sorted(str(c) for c in data.groups.columns)
    for u in data.groups.index:
        groups[str(u)] = {c: str(data.groups.at[u, c]) for c in gcols}
    return {"units": units, "groups": groups}


def canonical_bytes(doc: dict) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# The data part is most of the work (3,000 × 500 cells: about 2 s) and does not change when a weight or a
# setting does: its bytes are kept for the last few Dataset objects (immutable; a data edit makes a new one).
_DATA_BYTES: list[tuple[Any, bytes]] = []
DATA_CACHE = 12  # a project's editions (ten years) and the latest's edits


def _data_bytes(data: Dataset) -> bytes:
    for ds, b in _DATA_BYTES:
        if ds is data:
            return b
    b = canonical_bytes(canonical_data(data))
    _DATA_BYTES[:] = [(data, b)] + _DATA_BYTES[:DATA_CACHE - 1]
    return b


def fingerprint(framework: Framework, settings: Settings, data: Dataset, editions: Sequence[Edition] = ()) -> str:
    """SHA-256 of `canonical_bytes(canonical(...))`, composed from parts: with sorted keys the document
    is `{"data":D,["editions":E,]"framework":F,"schema":S,"settings":T}`, so the cached bytes of every
    edition's D are reused."""
    rest = canonical_bytes({"schema": SCHEMA, **_inputs_part(framework, settings)})  # {"framework":…}
    h = hashlib.sha256(b'{"data":')
    h.update(_data_bytes(data))
    if len(editions) > 1:
        h.update(b',"editions":{"earlier":{')
        earlier = sorted(editions[:-1], key=lambda e: e.label)  # sort_keys order of the labels
        h.update(b",".join(_key(e.label) + b":" + _data_bytes(e.data) for e in earlier))
        h.update(b'},"labels":' + canonical_bytes([e.label for e in editions]) + b"}")
    h.update(b"," + rest[1:])
    return h.hexdigest()


def _key(label: str) -> bytes:
    return canonical_bytes(label)


def doc_fingerprint(doc: dict) -> str:
    return hashlib.sha256(canonical_bytes(doc)).hexdigest()


def diff_docs(a: dict, b: dict) -> list[dict]:
    """What differs between two canonical documents: framework fields, settings, data cells (and the
    earlier editions' cells, each entry naming its `edition`)."""
    out: list[dict] = []
    na = {n["code"]: n for n in a["framework"]}
    nb = {n["code"]: n for n in b["framework"]}
    for code in sorted(set(na) | set(nb)):
        if code not in nb:
            out.append({"kind": "node_removed", "code": code})
        elif code not in na:
            out.append({"kind": "node_added", "code": code})
        else:
            for f in NODE_FIELDS:
                if na[code][f] != nb[code][f]:
                    out.append({"kind": "framework", "code": code, "field": f, "old": na[code][f],
                                "new": nb[code][f]})
    for k in sorted(set(a["settings"]) | set(b["settings"])):
        if a["settings"].get(k) != b["settings"].get(k):
            out.append({"kind": "setting", "key": k, "old": a["settings"].get(k), "new": b["settings"].get(k)})
    out += _diff_data(a["data"], b["data"])
    ea, eb = a.get("editions") or {}, b.get("editions") or {}
    if ea.get("labels", []) != eb.get("labels", []):
        out.append({"kind": "editions", "old": ", ".join(ea.get("labels", [])) or "—",
                    "new": ", ".join(eb.get("labels", [])) or "—"})
    earlier_a, earlier_b = ea.get("earlier", {}), eb.get("earlier", {})
    for label in [x for x in eb.get("labels", []) if x in earlier_a and x in earlier_b]:
        out += [dict(d, edition=label) for d in _diff_data(earlier_a[label], earlier_b[label])]
    return out


def _diff_data(da: dict, db: dict) -> list[dict]:
    out: list[dict] = []
    ua, ub = da["units"], db["units"]
    for u in sorted(set(ua) | set(ub)):
        if u not in ub:
            out.append({"kind": "unit_removed", "unit": u})
            continue
        if u not in ua:
            out.append({"kind": "unit_added", "unit": u})
            continue
        for c in sorted(set(ua[u]) | set(ub[u])):
            if ua[u].get(c) != ub[u].get(c):
                out.append({"kind": "cell", "unit": u, "column": c, "old": ua[u].get(c), "new": ub[u].get(c)})
    ga, gb = da.get("groups", {}), db.get("groups", {})
    for u in sorted(set(ga) & set(gb)):
        for c in sorted(set(ga[u]) | set(gb[u])):
            if ga[u].get(c) != gb[u].get(c):
                out.append({"kind": "group", "unit": u, "column": c, "old": ga[u].get(c), "new": gb[u].get(c)})
    return out


def _pretty(v):
    """A canonical number text shown the short way (351.69999999999999 → 351.7)."""
    try:
        return repr(float(v)) if isinstance(v, str) else v
    except ValueError:
        return v


def describe(d: dict, lang: str = "en") -> str:
    """One difference in a line, in `lang` (core.text.messages; English by default, as the window shows it)."""
    from core.text.messages import text
    d = {k: (_pretty(v) if k in ("old", "new") else v) for k, v in d.items()}
    if d.get("edition"):
        return text("describe_in_edition", lang, edition=d["edition"],
                    what=describe({k: v for k, v in d.items() if k != "edition"}, lang))
    k = d["kind"]
    if k == "editions":
        return text("describe_editions", lang, old=d["old"], new=d["new"])
    if k == "cell":
        return text("describe_cell", lang, unit=d["unit"], column=d["column"], old=d["old"], new=d["new"])
    if k == "group":
        return text("describe_group", lang, unit=d["unit"], column=d["column"], old=d["old"], new=d["new"])
    if k == "framework":
        what = text("describe_weight", lang) if d["field"] == "weight" else d["field"]
        return text("describe_field", lang, what=what, code=d["code"], old=d["old"], new=d["new"])
    if k == "setting":
        return text("describe_setting", lang, setting=d["key"], old=d["old"], new=d["new"])
    return text("describe_other", lang, kind=k.replace("_", " "), what=d.get("code") or d.get("unit"))
