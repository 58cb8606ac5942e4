"""The pipeline in its fixed order, and a result that explains itself.

    denominate → screen → impute → treat outliers → transform → normalise
    → weights → aggregate → rank

`compute(project)` runs every stage; `Result.reweight(framework)` takes new
weights and re-aggregates from the cached normalised matrix (never re-reading
or re-normalising). Each stage's arguments and what it did are recorded in
`Result.steps`, so a results workbook or a report can say exactly how every
number was made.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from core.model.dataset import Dataset
from core.model.framework import Framework
from core.model.problems import ProblemList
from core.model.project import Project
from core.model.settings import Settings
from core.pipeline import denominate as _den
from core.pipeline import impute as _imp
from core.pipeline import screen as _scr
from core.pipeline import transform as _tr
from core.pipeline import treat as _trt
from core.pipeline.aggregate import AggregationPlan
from core.pipeline.normalise import normalise
from core.pipeline.rank import min_rank_desc, order

STAGES = ("denominate", "screen", "impute", "treat", "transform", "normalise", "weights",
          "aggregate", "rank")


@dataclass(frozen=True)
class Result:
    framework: Framework
    settings: Settings
    units: tuple[str, ...]  # units scored (after screening), in data order
    raw: pd.DataFrame  # after denomination (screened units only)
    treated: pd.DataFrame  # values entering normalisation (after impute/treat/transform)
    normalised: pd.DataFrame  # units × leaves
    plan: AggregationPlan
    scores_array: np.ndarray  # units × nodes (plan.codes)
    local: dict[str, float]
    effective: dict[str, float]
    excluded: list[dict]
    imputed: list[dict]
    outliers: dict[str, dict]
    treated_cells: list[dict]
    steps: list[dict]
    problems: ProblemList
    missing: list[dict]
    timings: dict[str, float] = field(default_factory=dict)
    details: dict = field(default_factory=dict)  # node -> what a method chose per unit (BoD weights)

    # --- views -------------------------------------------------------------
    @property
    def scores(self) -> pd.DataFrame:
        return pd.DataFrame(self.scores_array, index=pd.Index(self.units, name="unit"),
                            columns=self.plan.codes)

    @property
    def root_scores(self) -> np.ndarray:
        return self.scores_array[:, 0]

    @property
    def ranks(self) -> pd.Series:
        return pd.Series(min_rank_desc(self.root_scores), index=pd.Index(self.units, name="unit"))

    def node_ranks(self, code: str) -> pd.Series:
        j = self.plan.codes.index(code)
        return pd.Series(min_rank_desc(self.scores_array[:, j]), index=pd.Index(self.units, name="unit"))

    def rank_order(self) -> tuple[np.ndarray, np.ndarray]:
        """(indices of units in rank order, rank of each unit in data order; NaN = no rank).

        The cheap form of `ranking()` for views that show thousands of units."""
        r = min_rank_desc(self.root_scores)
        return np.array(order(self.root_scores, self.units), dtype=int), r

    def ranking(self) -> list[dict]:
        """Units in rank order with rank, root score and every node's score."""
        r = min_rank_desc(self.root_scores)
        out = []
        for i in order(self.root_scores, self.units):
            row = self.scores_array[i]
            out.append({"unit": self.units[i],
                        "rank": None if np.isnan(r[i]) else int(r[i]),
                        "score": None if np.isnan(row[0]) else float(row[0]),
                        "nodes": {c: (None if np.isnan(v) else float(v))
                                  for c, v in zip(self.plan.codes[1:], row[1:])}})
        return out

    # --- the incremental path -----------------------------------------------
    def reweight(self, fw: Framework) -> Result:
        """Same data and methods, new weights: re-aggregate only.

        The "weights" step is rewritten too, so the new result describes itself truly (a
        workbook or report written from it states the weights its scores were made with)."""
        t0 = time.perf_counter()
        local = fw.local_weights()
        effective = fw.effective_weights(local)
        details: dict = {}
        S = self.plan.scores(self.plan.weight_vector(local), details)
        steps = [_weights_step(local, effective) if st["stage"] == "weights" else st
                 for st in self.steps]
        t = dict(self.timings, reweight=time.perf_counter() - t0)
        return replace(self, framework=fw, scores_array=S, local=local,
                       effective=effective, steps=steps, timings=t, details=details)

    def with_methods(self, fw: Framework) -> Result:
        """Same data and normalisation, the aggregation plan rebuilt for fw's aggregation methods
        (a scenario that records methods; core.model.scenarios.result_under). Follow with
        `reweight(fw)` for the scores."""
        plan = AggregationPlan.build(fw, self.normalised.to_numpy(dtype=float), self.settings.aggregation,
                                     self.plan.min_coverage, self.plan.params)
        return replace(self, plan=plan)

    @property
    def bod_weights(self) -> dict[str, dict[str, dict[str, float]]]:
        """{node: {unit: {child: share}}} of every node aggregated by benefit of the doubt: the
        weights (shares summing to 1) that each unit chose for itself."""
        out: dict = {}
        for node, d in self.details.items():
            if d.get("method") != "bod":
                continue
            out[node] = {self.units[int(i)]: {c: float(v) for c, v in zip(d["children"], row) if v == v}
                         for i, row in zip(d["rows"], d["shares"])}
        return out

    def scores_for_weights(self, local_vector: np.ndarray) -> np.ndarray:
        """Root scores for a local-weight vector (plan order): the hot path of sensitivity runs."""
        return self.plan.scores(local_vector)[:, 0]


def _weights_step(local: dict[str, float], effective: dict[str, float]) -> dict:
    """The "weights" entry of `Result.steps`: written by `compute` and rewritten by `reweight`."""
    return {"stage": "weights", "method": "framework (equal where empty)",
            "local": local, "effective": effective}


def compute(project: Project) -> Result:
    """Run every step in its fixed order; each one appends what it did to `steps` (and its
    problems to the result's list), and its time to `timings`."""
    fw, ds, s = project.framework, project.data, project.settings
    problems = ProblemList(list(project.problems.items))
    steps: list[dict] = []
    timings: dict[str, float] = {}
    t = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        timings[name] = now - t
        t = now

    raw, den_log = _den.denominate(ds.values, fw)
    steps.append({"stage": "denominate", "denominated": den_log})
    lap("denominate")

    raw, excluded = _scr.screen(raw, s.unit_min_coverage)
    steps.append({"stage": "screen", "unit_min_coverage": s.unit_min_coverage,
                  "excluded": [e["unit"] for e in excluded]})
    lap("screen")

    filled, imputed = _impute_step(raw, ds, s, problems, steps)
    lap("impute")
    treated, outliers, changed = _treat_step(filled, s, problems, steps)
    lap("treat")
    transformed = _transform_step(treated, fw, outliers, problems, steps)
    lap("transform")
    norm = _normalise_step(transformed, fw, s, steps)
    lap("normalise")

    local = fw.local_weights()
    effective = fw.effective_weights(local)
    steps.append(_weights_step(local, effective))
    plan = AggregationPlan.build(fw, norm.to_numpy(), s.aggregation, s.node_min_coverage,
                                 s.aggregation_params())
    details: dict = {}
    S = plan.scores(plan.weight_vector(local), details)
    steps.append(_aggregate_step(fw, s, plan))
    lap("aggregate")
    units = tuple(norm.index)
    missing = plan.why_missing(S, units)
    steps.append({"stage": "rank", "ties": "share the best rank", "tie_decimals": 9})
    lap("rank")
    return Result(fw, s, units, raw, transformed, norm, plan, S, local, effective, excluded,
                  imputed, outliers, changed, steps, problems, missing, timings, details)


# The setting each method beyond a weighted mean reads, recorded when a node uses the method.
_METHOD_SETTINGS = {"topsis": ("topsis_normalization",), "grey": ("grey_rho",),
                    "bod": ("bod_min_share", "bod_max_share")}


def _aggregate_step(fw: Framework, s: Settings, plan: AggregationPlan) -> dict:
    methods = {c: fw.aggregation_of(c, s.aggregation) for c in fw.internal}
    step = {"stage": "aggregate", "default": s.aggregation, "methods": methods,
            "node_min_coverage": s.node_min_coverage}
    used = {k: plan.params[k] for m in set(methods.values()) for k in _METHOD_SETTINGS.get(m, ())}
    if used:
        step["parameters"] = dict(sorted(used.items()))
    return step


def _impute_step(raw: pd.DataFrame, ds: Dataset, s: Settings, problems: ProblemList, steps: list[dict]):
    """Missing values filled by the settings' method (within groups for `group_*`); a cell the
    method could not fill its own way says so (info)."""
    groups = None
    if s.imputation.startswith("group_"):
        groups = ds.groups[s.imputation_group].reindex(raw.index)
    filled, imputed = _imp.impute(raw, s.imputation, groups)
    note_imputation_fallbacks(imputed, ds, problems)
    steps.append({"stage": "impute", "method": s.imputation, "group": s.imputation_group,
                  "cells": len(imputed)})
    return filled, imputed


def note_imputation_fallbacks(imputed: list[dict], ds: Dataset, problems: ProblemList) -> None:
    """A cell the imputation could not fill its own way says so (info): every way of computing
    (one edition, pooled or base editions) reports it alike."""
    for rec in imputed:
        if rec["note"]:
            problems.info("imputation_fallback", f"{rec['unit']} / {rec['code']}: {rec['note']}",
                          **ds.where(rec["unit"], rec["code"]), args={"note": rec["note"]})


def note_outliers(outliers: dict, problems: ProblemList) -> None:
    """What the outlier rule could not treat: a warning (still failing after winsorisation) or a note."""
    for code, rec in outliers.items():
        if rec["action"] == "flagged":
            problems.warning("outlier_flagged", f"indicator '{code}' still fails the outlier rule "
                             "after winsorisation (negative skew): kept winsorised", code=code)
        elif rec["action"] == "not_tested":
            problems.info("outlier_not_tested", f"indicator '{code}': {rec['note']}", code=code,
                          args={"note": rec["note"]})


def _treat_step(filled: pd.DataFrame, s: Settings, problems: ProblemList, steps: list[dict]):
    """Outliers treated by the OECD/JRC rule; what could not be treated is a warning or a note."""
    treated, outliers, changed = _trt.treat(filled, s.outliers, s.winsor_max_points, s.skew_limit,
                                            s.kurtosis_limit)
    note_outliers(outliers, problems)
    steps.append({"stage": "treat", "method": s.outliers, "winsor_max_points": s.winsor_max_points,
                  "skew_limit": s.skew_limit, "kurtosis_limit": s.kurtosis_limit,
                  "treated": {c: r["action"] for c, r in outliers.items() if r["action"] != "none"}})
    return treated, outliers, changed


def _transform_step(treated: pd.DataFrame, fw: Framework, outliers: dict, problems: ProblemList,
                    steps: list[dict]) -> pd.DataFrame:
    """Each indicator's own transform (`log`, `log1p`); a warning when the outlier rule logged it too."""
    transformed = treated.copy()
    tr_log = {}
    for code in fw.leaves:
        name = fw.nodes[code].transform
        if name:
            if outliers.get(code, {}).get("action") == "log":
                problems.warning("double_log", f"indicator '{code}' was log-transformed by the outlier "
                                 f"rule and has transform '{name}' too; both are applied", code=code,
                                 args={"transform": name})
            transformed[code] = _tr.apply(name, treated[code].to_numpy())
            tr_log[code] = name
    steps.append({"stage": "transform", "transforms": tr_log})
    return transformed


def _normalise_step(transformed: pd.DataFrame, fw: Framework, s: Settings, steps: list[dict]) -> pd.DataFrame:
    """Every indicator on the common scale by its method and direction; goalposts are transformed
    with the indicator."""
    norm = pd.DataFrame(np.nan, index=transformed.index, columns=fw.leaves)
    methods = {}
    for code in fw.leaves:
        node = fw.nodes[code]
        method = fw.normalization_of(code, s.normalization)
        params = {"scale": s.scale, "low": s.minmax_low, "target": node.target,
                  "min": _tr.apply(node.transform, node.min) if node.min is not None else None,
                  "max": _tr.apply(node.transform, node.max) if node.max is not None else None}
        norm[code] = normalise(transformed[code].to_numpy(), method, node.direction, params)
        methods[code] = method
    steps.append({"stage": "normalise", "default": s.normalization, "scale": s.scale,
                  "minmax_low": s.minmax_low, "methods": methods,
                  "directions": {c: fw.nodes[c].direction for c in fw.leaves}})
    return norm
