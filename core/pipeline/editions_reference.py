"""The editions computed together: `pooled` and `base` of `editions_normalization` (issue 19).

`each` is simply `compute` per edition (core.pipeline.editions). Here the stages before aggregation see
more than one edition:

* `pooled` — every edition's rows (after denomination and screening, which are per row) stacked into
  one matrix: imputation fills a gap with the mean/median over all editions' rows (of the group, for
  the group methods), the outlier rule is tested and applied on the pooled column, and each
  indicator is normalised over the pooled column (min/max, mean/sd, ranks… over all editions), so a
  score means the same in every edition;
* `base` — the first edition is computed as on its own; later editions use its figures: a gap is
  filled with the first edition's mean/median (of the group), an indicator the outlier rule treated
  there is clipped to the first edition's treated range (or logged with its shift), and the
  normalisation takes its parameters from the first edition's values (core.pipeline.reference_normalise:
  a value beyond its goalposts is clipped to the scale).

Aggregation and ranking stay per edition (a TOPSIS or a Copeland node compares the units of one
edition). Each Result is an ordinary Result, so `reweight` is its incremental path.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from core.model.problems import ProblemList
from core.model.project import Project
from core.pipeline import denominate as _den
from core.pipeline import impute as _imp
from core.pipeline import screen as _scr
from core.pipeline import transform as _tr
from core.pipeline import treat as _trt
from core.pipeline.aggregate import AggregationPlan
from core.pipeline.normalise import normalise
from core.pipeline.reference_normalise import normalise_against
from core.pipeline.run import Result, _aggregate_step, _weights_step, note_imputation_fallbacks, note_outliers


def compute_jointly(project: Project, mode: str) -> dict:
    """{label: Result} of every edition under `pooled` or `base`."""
    if mode not in ("pooled", "base"):
        raise ValueError(f"unknown editions_normalization {mode!r}")
    fw, s = project.framework, project.settings
    labels = project.edition_labels
    eds = {label: project.for_edition(label) for label in labels}
    t0 = time.perf_counter()
    raws, excluded, den_logs = {}, {}, {}
    for label, p in eds.items():
        raw, den_logs[label] = _den.denominate(p.data.values, fw)
        raws[label], excluded[label] = _scr.screen(raw, s.unit_min_coverage)
    problems = {label: ProblemList(list(p.problems.items)) for label, p in eds.items()}
    if mode == "pooled":
        parts = _pooled(raws, eds, fw, s, problems)
    else:
        parts = _based(raws, eds, fw, s, problems)
    elapsed = time.perf_counter() - t0
    out = {}
    for label in labels:
        transformed, norm, imputed, outliers, changed, notes = parts[label]
        steps = [{"stage": "denominate", "denominated": den_logs[label]},
                 {"stage": "screen", "unit_min_coverage": s.unit_min_coverage,
                  "excluded": [e["unit"] for e in excluded[label]]},
                 {"stage": "impute", "method": s.imputation, "group": s.imputation_group, "cells": len(imputed),
                  "editions": notes["impute"]},
                 {"stage": "treat", "method": s.outliers, "winsor_max_points": s.winsor_max_points,
                  "skew_limit": s.skew_limit, "kurtosis_limit": s.kurtosis_limit,
                  "treated": {c: r["action"] for c, r in outliers.items() if r["action"] != "none"},
                  "editions": notes["treat"]},
                 {"stage": "transform", "transforms": {c: fw.nodes[c].transform for c in fw.leaves
                                                       if fw.nodes[c].transform}},
                 {"stage": "normalise", "default": s.normalization, "scale": s.scale, "minmax_low": s.minmax_low,
                  "methods": {c: fw.normalization_of(c, s.normalization) for c in fw.leaves},
                  "directions": {c: fw.nodes[c].direction for c in fw.leaves}, "editions": notes["normalise"]}]
        out[label] = _assemble(project, label, raws[label], transformed, norm, excluded[label], imputed, outliers,
                               changed, steps, problems[label], elapsed / len(labels))
    return out


def _assemble(project: Project, label: str, raw, transformed, norm, excluded, imputed, outliers, changed, steps,
              problems, elapsed) -> Result:
    """One edition's Result from its normalised matrix: weights, aggregation and ranks as `compute` does."""
    fw, s = project.framework, project.settings
    t = time.perf_counter()
    local = fw.local_weights()
    effective = fw.effective_weights(local)
    steps.append(_weights_step(local, effective))
    plan = AggregationPlan.build(fw, norm.to_numpy(), s.aggregation, s.node_min_coverage, s.aggregation_params())
    details: dict = {}
    S = plan.scores(plan.weight_vector(local), details)
    steps.append(_aggregate_step(fw, s, plan))
    units = tuple(norm.index)
    missing = plan.why_missing(S, units)
    steps.append({"stage": "rank", "ties": "share the best rank", "tie_decimals": 9})
    timings = {"editions_joint": elapsed, "aggregate": time.perf_counter() - t}
    return Result(fw, s, units, raw, transformed, norm, plan, S, local, effective, excluded, imputed, outliers,
                  changed, steps, problems, missing, timings, details)


def _transform(treated: pd.DataFrame, fw) -> pd.DataFrame:
    out = treated.copy()
    for code in fw.leaves:
        if fw.nodes[code].transform:
            out[code] = _tr.apply(fw.nodes[code].transform, treated[code].to_numpy())
    return out


def _norm_params(fw, s, code: str) -> tuple[str, int, dict]:
    node = fw.nodes[code]
    params = {"scale": s.scale, "low": s.minmax_low, "target": node.target,
              "min": _tr.apply(node.transform, node.min) if node.min is not None else None,
              "max": _tr.apply(node.transform, node.max) if node.max is not None else None}
    return fw.normalization_of(code, s.normalization), node.direction, params


def _groups(eds: dict, label: str, s, index) -> pd.Series | None:
    if not s.imputation.startswith("group_"):
        return None
    return eds[label].data.groups[s.imputation_group].reindex(index)




# --- pooled -------------------------------------------------------------------------------------------
def _pooled(raws: dict, eds: dict, fw, s, problems: dict) -> dict:
    labels = list(raws)
    stacked = pd.concat([raws[label] for label in labels], keys=labels, names=["edition", "unit"])
    groups = None
    if s.imputation.startswith("group_"):
        groups = pd.concat([_groups(eds, label, s, raws[label].index) for label in labels], keys=labels,
                           names=["edition", "unit"])
    filled, imputed = _imp.impute(stacked, s.imputation, groups)
    treated, outliers, changed = _trt.treat(filled, s.outliers, s.winsor_max_points, s.skew_limit,
                                            s.kurtosis_limit)
    transformed = _transform(treated, fw)
    norm = pd.DataFrame(np.nan, index=transformed.index, columns=fw.leaves)
    for code in fw.leaves:
        method, direction, params = _norm_params(fw, s, code)
        norm[code] = normalise(transformed[code].to_numpy(), method, direction, params)
    notes = {"impute": "pooled", "treat": "pooled", "normalise": "pooled"}
    out = {}
    for label in labels:
        mine = [dict(r, unit=r["unit"][1]) for r in imputed if r["unit"][0] == label]
        note_imputation_fallbacks(mine, eds[label].data, problems[label])
        note_outliers(outliers, problems[label])
        cells = [dict(c, unit=c["unit"][1]) for c in changed if c["unit"][0] == label]
        out[label] = (transformed.loc[label], norm.loc[label], mine, outliers, cells, notes)
    return out


# --- base ---------------------------------------------------------------------------------------------
def _impute_like(raw: pd.DataFrame, base_raw: pd.DataFrame, method: str, groups, base_groups):
    """Gaps filled with the base edition's mean/median (of the unit's group, for the group methods)."""
    if method == "none":
        return raw, []
    how = "median" if method.endswith("median") else "mean"
    out, records = raw.copy(), []
    for code in raw.columns:
        x = raw[code].to_numpy(dtype=float)
        miss = np.isnan(x)
        if not miss.any():
            continue
        ref = base_raw[code].to_numpy(dtype=float)
        overall = _imp._stat(ref, how)
        for i in np.flatnonzero(miss):
            value, note, group = overall, "", ""
            if groups is not None:
                group = str(groups.iloc[i])
                gval = _imp._stat(ref[(base_groups == group).to_numpy()], how)
                if np.isnan(gval):
                    note = f"group '{group}' has no value in the base edition: overall {how} used"
                else:
                    value = gval
            if np.isnan(value):
                continue
            out.iat[i, out.columns.get_loc(code)] = value
            records.append({"unit": raw.index[i], "code": code, "value": value, "method": method,
                            "group": group, "note": note})
    return out, records


def _treat_like(filled: pd.DataFrame, base_filled: pd.DataFrame, base_treated: pd.DataFrame, base_out: dict):
    """The base edition's treatment: a winsorised indicator clipped to the base's treated range, a
    logged one logged with the base's shift (values below the base's minimum clipped to it first)."""
    out, changes = filled.copy(), []
    records = {code: dict(rec, base_edition=True) for code, rec in base_out.items()}
    for code in filled.columns:
        rec = base_out.get(code)
        if rec is None or rec["action"] not in ("winsorised", "log", "flagged"):
            continue
        x = filled[code].to_numpy(dtype=float)
        b = base_filled[code].to_numpy(dtype=float)
        if rec["action"] == "log":
            lo, hi = np.nanmin(b), np.nanmax(b)
            y = np.log(np.maximum(x, lo) - lo + 0.01 * (hi - lo))
        else:
            t = base_treated[code].to_numpy(dtype=float)
            y = np.clip(x, np.nanmin(t), np.nanmax(t))
        out[code] = y
        for i in np.flatnonzero(~np.isnan(x) & (x != y)):
            changes.append({"unit": filled.index[i], "code": code, "old": float(x[i]), "new": float(y[i]),
                            "action": rec["action"]})
    return out, records, changes


def _based(raws: dict, eds: dict, fw, s, problems: dict) -> dict:
    labels = list(raws)
    first = labels[0]
    b_raw = raws[first]
    b_groups = _groups(eds, first, s, b_raw.index)
    b_filled, b_imputed = _imp.impute(b_raw, s.imputation, b_groups)
    b_treated, b_outliers, b_changed = _trt.treat(b_filled, s.outliers, s.winsor_max_points, s.skew_limit,
                                                  s.kurtosis_limit)
    b_transformed = _transform(b_treated, fw)
    out = {}
    for label in labels:
        if label == first:
            filled, imputed = b_filled, b_imputed
            treated, outliers, changed = b_treated, b_outliers, b_changed
            note_outliers(outliers, problems[label])
            notes = {"impute": "own", "treat": "own", "normalise": "own"}
        else:
            raw = raws[label]
            filled, imputed = _impute_like(raw, b_raw, s.imputation, _groups(eds, label, s, raw.index), b_groups)
            treated, outliers, changed = _treat_like(filled, b_filled, b_treated, b_outliers)
            notes = {"impute": f"base {first}", "treat": f"base {first}", "normalise": f"base {first}"}
        note_imputation_fallbacks(imputed, eds[label].data, problems[label])
        transformed = b_transformed if label == first else _transform(treated, fw)
        norm = pd.DataFrame(np.nan, index=transformed.index, columns=fw.leaves)
        for code in fw.leaves:
            method, direction, params = _norm_params(fw, s, code)
            norm[code] = normalise_against(transformed[code].to_numpy(), b_transformed[code].to_numpy(), method,
                                           direction, params)
        out[label] = (transformed, norm, imputed, outliers, changed, notes)
    return out
