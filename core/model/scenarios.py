"""Scenarios: named snapshots of all the weights (and aggregation methods) of a framework, and the ranks under each.

A scenario is plain data (a dict), so that it can be stored in the project file
(`save_project(..., extra={"scenarios": scenarios_to_json(list)})`) and in the results
workbook as it is:

    {"name": "专家组第2轮", "created": "2025-05-01T10:12:00+08:00", "note": "",
     "weights": {code: raw weight or None, ...},       # every non-root node
     "sources": {code: weight_source, ...},             # how each weight was set
     "aggregations": {code: method or "", ...}}         # every internal node ("" = project default)

A scenario records the aggregation methods too, so "the same weights, TOPSIS at the root" is a
scenario beside the weight sets. Scenarios saved before (weights only, no "aggregations") keep
loading and leave the methods as they are when switched to or compared.

- `make_scenario(name, framework)` takes the snapshot; `framework_with_scenario(fw, s)` gives
  the framework with those weights and sources back (codes the scenario does not know keep
  their current weights; codes the framework no longer has are ignored — both are returned so
  the caller can say so).
- `ranks_under(result, weights)` re-aggregates the result under other weights with
  `Result.reweight` (normalisation is never recomputed: a scenario is weights and aggregation
  methods) and gives each unit's rank (None when it has no score); a scenario whose methods differ
  from the result's gets its aggregation plan rebuilt over the same normalised values
  (`result_under`). `compare(result, scenarios)` does that for a list of scenarios.
- `scenarios_to_json` / `scenarios_from_json`: plain JSON types out; in, broken entries are
  skipped and described in an optional `errors` list (a damaged scenario must not stop a
  project from opening).

No Qt here.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from core.model.framework import Framework
from core.model.records import now_iso

Scenario = dict  # {"name", "created", "note", "weights", "sources"[, "aggregations"]}


def snapshot(fw: Framework) -> tuple[dict[str, float | None], dict[str, str]]:
    """(raw weight of every non-root node, its weight_source)."""
    weights = {c: (None if n.weight is None else float(n.weight)) for c, n in fw.nodes.items() if c != fw.root}
    sources = {c: n.weight_source for c, n in fw.nodes.items() if c != fw.root}
    return weights, sources


def aggregations_of(fw: Framework) -> dict[str, str]:
    """Each internal node's own aggregation method ("" = the project default)."""
    return {c: str(fw.nodes[c].aggregation or "") for c in fw.internal}


def make_scenario(name: str, fw: Framework, created: str | None = None, note: str = "") -> Scenario:
    weights, sources = snapshot(fw)
    return {"name": str(name), "created": created or now_iso(), "note": str(note),
            "weights": weights, "sources": sources, "aggregations": aggregations_of(fw)}


def unique_name(scenarios: Sequence[Scenario], base: str) -> str:
    """`base`, or `base (2)`, `base (3)` … if that name is taken."""
    taken = {s["name"] for s in scenarios}
    if base not in taken:
        return base
    k = 2
    while f"{base} ({k})" in taken:
        k += 1
    return f"{base} ({k})"


def find(scenarios: Sequence[Scenario], name: str) -> Scenario | None:
    return next((s for s in scenarios if s["name"] == name), None)


def framework_with_scenario(fw: Framework, scenario: Scenario) -> tuple[Framework, list[str], list[str]]:
    """(fw with the scenario's weights and sources, codes of fw the scenario lacks, codes of the
    scenario fw lacks). Nodes the scenario lacks keep their weights and sources."""
    weights = scenario.get("weights", {})
    sources = scenario.get("sources", {})
    nodes = dict(fw.nodes)
    for c, w in weights.items():
        if c in nodes and c != fw.root:
            nodes[c] = replace(nodes[c], weight=None if w is None else float(w),
                               weight_source=str(sources.get(c, nodes[c].weight_source)))
    for c, m in (scenario.get("aggregations") or {}).items():
        if c in nodes and fw.children.get(c):
            nodes[c] = replace(nodes[c], aggregation=str(m or ""))
    lacking = [c for c in fw.nodes if c != fw.root and c not in weights]
    unknown = [c for c in weights if c not in fw.nodes]
    return Framework(nodes, fw.root, fw.children), lacking, unknown


def same_weights(fw: Framework, scenario: Scenario) -> bool:
    """True when fw's raw weights (and, when the scenario records them, its aggregation methods) are
    exactly the scenario's (sources not compared)."""
    weights, _ = snapshot(fw)
    if weights != {c: w for c, w in scenario.get("weights", {}).items() if c in fw.nodes}:
        return False
    aggs = scenario.get("aggregations")
    return aggs is None or same_methods(fw, aggs)


def same_methods(fw: Framework, aggregations: Mapping[str, str]) -> bool:
    """The internal nodes of fw named in `aggregations` use exactly those methods."""
    own = aggregations_of(fw)
    return all(own[c] == str(m or "") for c, m in aggregations.items() if c in own)


# --------------------------------------------------------------------------------------- ranks

def _framework_of(result, weights: Framework | Scenario | Mapping[str, float | None]) -> Framework:
    fw = result.framework
    if isinstance(weights, Framework):
        if set(weights.nodes) != set(fw.nodes):
            raise ValueError("the framework given has other nodes than the result's: recompute first")
        return weights
    if isinstance(weights, Mapping) and "weights" in weights and isinstance(weights["weights"], Mapping):
        return framework_with_scenario(fw, weights)[0]
    raw = {c: w for c, w in weights.items() if c in fw.nodes and c != fw.root}
    return fw.with_weights(raw)


def result_under(result, weights: Framework | Scenario | Mapping[str, float | None]):
    """The result re-aggregated under other weights (`Result.reweight`, no new normalisation); when
    the framework given (or the scenario's methods) aggregates a node by another method, the
    aggregation plan is rebuilt first over the same normalised values."""
    fw = _framework_of(result, weights)
    default = result.settings.aggregation
    old = result.framework
    if any(fw.aggregation_of(c, default) != old.aggregation_of(c, default) for c in fw.internal):
        result = result.with_methods(fw)  # core.pipeline.run.Result: the plan for the other methods
    return result.reweight(fw)


def ranks_of(result) -> dict[str, int | None]:
    _order, ranks = result.rank_order()
    return {u: (None if np.isnan(r) else int(r)) for u, r in zip(result.units, ranks)}


def ranks_under(result, framework_weights: Framework | Scenario | Mapping[str, float | None]) -> dict[str, int | None]:
    """Each unit's rank when the result is re-aggregated under `framework_weights`: a Framework
    of the same tree, a scenario dict, or {code: raw weight} (codes not given keep theirs)."""
    return ranks_of(result_under(result, framework_weights))


def compare(result, scenarios: Sequence[Scenario]) -> dict:
    """Ranks and root scores of every unit under each scenario.

    Returns {"names": [...], "units": [units in the first scenario's rank order],
    "ranks": {name: {unit: rank}}, "scores": {name: {unit: score or None}}}."""
    names, ranks, scores = [], {}, {}
    first_order: list[str] | None = None
    for s in scenarios:
        r = result_under(result, s)
        names.append(s["name"])
        ranks[s["name"]] = ranks_of(r)
        scores[s["name"]] = {u: (None if np.isnan(v) else float(v)) for u, v in zip(r.units, r.root_scores)}
        if first_order is None:
            idx, _ = r.rank_order()
            first_order = [r.units[int(i)] for i in idx]
    return {"names": names, "units": first_order or list(result.units), "ranks": ranks, "scores": scores}


# ---------------------------------------------------------------------------------------- JSON

def _weight(v: Any) -> float | None:
    if v is None:
        return None
    if isinstance(v, bool):
        raise ValueError("a weight is not true/false")
    f = float(v)
    if not math.isfinite(f) or f < 0:
        raise ValueError(f"the weight {v!r} is not a non-negative number")
    return f


def _aggregations(v: Any) -> dict[str, str]:
    from core.model.settings import AGGREGATIONS
    if not isinstance(v, dict):
        raise ValueError("its aggregation methods are not an object")
    out = {}
    for c, m in v.items():
        m = str(m or "")
        if m and m not in AGGREGATIONS:
            raise ValueError(f"the aggregation method {m!r} of {c} is not one of {', '.join(AGGREGATIONS)}")
        out[str(c)] = m
    return out


def scenarios_to_json(scenarios: Sequence[Scenario]) -> list[dict]:
    """Plain JSON types (for the project file's `scenarios`); "aggregations" only when recorded."""
    out = []
    for s in scenarios:
        d = {"name": str(s["name"]), "created": str(s.get("created", "")), "note": str(s.get("note", "")),
             "weights": {str(c): _weight(w) for c, w in s.get("weights", {}).items()},
             "sources": {str(c): str(v) for c, v in s.get("sources", {}).items()}}
        if s.get("aggregations") is not None:
            d["aggregations"] = _aggregations(s["aggregations"])
        out.append(d)
    return out


def scenarios_from_json(data: Any, errors: list[str] | None = None) -> list[Scenario]:
    """Scenarios from `scenarios_to_json` output (or its JSON text). A broken entry is skipped,
    with a message in `errors` naming it; names made unique."""
    if isinstance(data, (str, bytes)):
        data = json.loads(data)
    if data is None:
        return []
    if not isinstance(data, list):
        if errors is not None:
            errors.append("the scenarios are not a list; none were read")
        return []
    out: list[Scenario] = []
    for k, s in enumerate(data, start=1):
        try:
            if not isinstance(s, dict):
                raise ValueError("it is not an object")
            name = str(s.get("name") or "").strip()
            if not name:
                raise ValueError("it has no name")
            weights = s.get("weights")
            if not isinstance(weights, dict):
                raise ValueError("it has no weights")
            sources = s.get("sources") or {}
            if not isinstance(sources, dict):
                raise ValueError("its sources are not an object")
            sc = {"name": unique_name(out, name), "created": str(s.get("created") or ""),
                  "note": str(s.get("note") or ""),
                  "weights": {str(c): _weight(w) for c, w in weights.items()},
                  "sources": {str(c): str(v) for c, v in sources.items()}}
            if s.get("aggregations") is not None:  # older files: weights only
                sc["aggregations"] = _aggregations(s["aggregations"])
        except (TypeError, ValueError) as e:
            if errors is not None:
                label = s.get("name") if isinstance(s, dict) and s.get("name") else f"#{k}"
                errors.append(f"scenario {label}: {e}; it was not read")
            continue
        out.append(sc)
    return out


# ------------------------------------------------------------------------------ results workbook

def local_weights_under(fw: Framework, scenario: Scenario) -> dict[str, float]:
    """Local weights (share among siblings) of every node under a scenario."""
    return framework_with_scenario(fw, scenario)[0].local_weights()
