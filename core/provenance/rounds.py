"""Frozen rounds: the project as it stood at a milestone ("第二轮专家赋权结束"), kept for good.

A round is plain data (stored in the project file under `rounds`):

    {"name", "note", "when", "who", "fingerprint", "doc", "ranks"}

`doc` is the canonical document of core.provenance.fingerprint (framework fields that change a score,
settings, every data cell and group), `fingerprint` its SHA-256 — the same number a results
workbook carries and `python main.py verify` checks, so anyone can rehash the stored `doc`
and see that the round was not altered. `ranks` are the units' ranks when it was frozen.

`project_of(round)` rebuilds a computable Project from the snapshot alone, and
`compare(round, project)` lists what changed since (core.provenance.fingerprint.diff_docs) and each
unit's change of rank, both results computed by the engine.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from core.model.dataset import Dataset
from core.model.framework import Framework, Node
from core.model.problems import InputError, ProblemList
from core.model.project import Project
from core.model.records import now_iso
from core.model.settings import parse_settings
from core.pipeline.run import compute
from core.provenance.fingerprint import canonical, doc_fingerprint
from core.provenance.verify import diff_projects


def ranks_of(project: Project) -> dict[str, int | None]:
    result = compute(project)
    _order, r = result.rank_order()
    return {u: (None if np.isnan(x) else int(x)) for u, x in zip(result.units, r)}


def freeze(name: str, project: Project, who: str = "", note: str = "", when: str | None = None,
           ranks: dict[str, int | None] | None = None) -> dict:
    """A round of `project` now; `ranks` (if the caller has them) saves a recompute."""
    doc = canonical(project.framework, project.settings, project.data, project.editions)
    return {"name": name, "note": note, "when": when or now_iso(), "who": who,
            "fingerprint": doc_fingerprint(doc), "doc": doc,
            "ranks": dict(ranks) if ranks is not None else ranks_of(project)}


def intact(round_: dict) -> bool:
    """True when the stored snapshot still hashes to the stored fingerprint."""
    return doc_fingerprint(round_["doc"]) == round_["fingerprint"]


def _f(v) -> float | None:
    return None if v is None else float(v)


def project_of(round_: dict) -> Project:
    """A Project rebuilt from a round's snapshot (nodes sorted by code; no names, no problems)."""
    doc = round_["doc"] if "doc" in round_ else round_
    nodes = []
    for n in doc["framework"]:
        nodes.append(Node(code=n["code"], parent=n["parent"] or "", weight=_f(n["weight"]),
                          direction=int(n["direction"]), aggregation=n["aggregation"] or "",
                          normalization=n["normalization"] or "", min=_f(n["min"]), max=_f(n["max"]),
                          target=_f(n["target"]), transform=n["transform"] or "",
                          denominator=n["denominator"] or ""))
    fw = Framework.build(nodes)
    problems = ProblemList()
    settings = parse_settings([(None, k, v) for k, v in doc["settings"].items()], problems, "round", "settings")
    if problems.has_errors:
        raise InputError(ProblemList(problems.errors))
    units = sorted(doc["data"]["units"])
    cols = sorted({c for u in units for c in doc["data"]["units"][u]})
    arr = np.array([[math.nan if doc["data"]["units"][u].get(c) is None else float(doc["data"]["units"][u][c])
                     for c in cols] for u in units], dtype=float).reshape(len(units), len(cols))
    index = pd.Index(units, name="unit")
    values = pd.DataFrame(arr, index=index, columns=cols)
    groups_doc = doc["data"].get("groups", {})
    gcols = sorted({c for u in groups_doc for c in groups_doc[u]})
    groups = (pd.DataFrame([[groups_doc.get(u, {}).get(c, "") for c in gcols] for u in units], index=index,
                           columns=gcols, dtype=object) if gcols else pd.DataFrame(index=index))
    ds = Dataset(tuple(units), values, groups, sheet="round")
    return Project(fw, ds, settings, ProblemList(), f"round {round_.get('name', '')}".strip())


def compare(round_: dict, project: Project) -> dict:
    """What changed from the round to `project`: {"round", "fingerprint_round", "fingerprint_now",
    "intact", "differences" (diff_docs), "rank_changes" ([{unit, rank_a (round), rank_b (now), change}])}."""
    d = diff_projects(project_of(round_), project)
    return {"round": round_.get("name", ""), "fingerprint_round": round_["fingerprint"],
            "fingerprint_now": d["fingerprint_b"], "intact": intact(round_) and d["fingerprint_a"] ==
            round_["fingerprint"], "differences": d["differences"], "rank_changes": d["rank_changes"]}
