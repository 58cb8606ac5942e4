"""What a unit would need to reach rank K: for each indicator, the smallest change of that unit's raw value
alone (everything else fixed) that brings it to rank K or better.

The whole pipeline is honoured, not a linear guess: the new value is denominated, imputation statistics,
outlier treatment, transform and normalisation of that indicator are recomputed (a new maximum moves
every unit's normalised value), then the path to the root is re-aggregated. Each step works column by
column, so only the indicator's column is recomputed (`column_normalised`, the same step functions and
parameters as `core.pipeline.run.compute`; tests check it against a full `compute`).

The search moves the value in the indicator's good direction (up for "+", down for "−"): steps of
1/16, 1/8, … up to 2^20 times the indicator's spread (or its value) until the rank is reached, then
bisection to `REL_TOL` of the change. A value never crosses zero when the indicator has no negative
value (a count or a rate stays a count or a rate). "Not reachable by this indicator alone" when the
largest step still falls short. The rank is assumed to improve monotonically along the way, which holds
for the normalisations and outlier rule here up to rank ties.

When any change at all in the good direction is enough (the outlier rule switching treatment makes the
rank jump), the entry says `"any_change": true` and `needed` is a hair from the current value.

`cancelled()` (optional) is asked before each indicator: when True the search stops with
`core.analysis.stability.Cancelled` (the window drops a search a newer edit made stale).

A unit whose raw value is missing has no "current" to change: reported not reachable, `missing`.

An indicator's unit bounds the search as a reader would: a percentage (unit `%`) never goes above 100
(when its data are within 0–100), and a yes/no indicator (unit `是=1/否=0`, its data only 0 and 1) is
tried at its other value only, never at 0.43. When the bound stops the search short, the entry says
`"limit": bound` beside `"reachable": false`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from core.analysis.reaggregate import PathPlan
from core.analysis.stability import Cancelled
from core.pipeline import impute as _imp
from core.pipeline import transform as _tr
from core.pipeline import treat as _trt
from core.pipeline.normalise import normalise
from core.pipeline.rank import min_rank_desc

if TYPE_CHECKING:
    from core.model.project import Project
    from core.pipeline.run import Result

REL_TOL = 1e-7
ABS_TOL = 1e-12  # of the indicator's spread: a change smaller than this is "any change at all"
STEPS = [2.0 ** k for k in range(-4, 21)]


class TargetError(ValueError):
    """A unit or rank that cannot be targeted; `key` names the message, `fields` fill it."""

    def __init__(self, key: str, **fields):
        super().__init__(f"{key}: {fields}")
        self.key, self.fields = key, fields


def column_normalised(project: Project, result: Result, code: str, unit: str, x: float) -> np.ndarray:
    """The normalised column of indicator `code` (result units) with `unit`'s raw value set to `x`."""
    fw, s = result.framework, result.settings
    node = fw.nodes[code]
    raw = result.raw[code].copy()
    value = x
    if node.denominator:
        d = project.data.values.at[unit, node.denominator]
        value = x / d if d != 0 and not np.isnan(d) else np.nan
    raw.loc[unit] = value
    frame = raw.to_frame()
    groups = None
    if s.imputation.startswith("group_"):
        groups = project.data.groups[s.imputation_group].reindex(frame.index)
    frame, _ = _imp.impute(frame, s.imputation, groups)
    frame, _, _ = _trt.treat(frame, s.outliers, s.winsor_max_points, s.skew_limit, s.kurtosis_limit)
    col = frame[code].to_numpy(dtype=float)
    if node.transform:
        col = _tr.apply(node.transform, col)
    params = {"scale": s.scale, "low": s.minmax_low, "target": node.target,
              "min": _tr.apply(node.transform, node.min) if node.min is not None else None,
              "max": _tr.apply(node.transform, node.max) if node.max is not None else None}
    return normalise(col, fw.normalization_of(code, s.normalization), node.direction, params)


class _Probe:
    """The unit's rank as a function of its raw value on one indicator."""

    def __init__(self, project: Project, result: Result, code: str, unit: str):
        self.project, self.result, self.code, self.unit = project, result, code, unit
        self.i = result.units.index(unit)
        self.path = PathPlan(result, result.plan.codes.index(code))

    def rank(self, x: float) -> float:
        col = column_normalised(self.project, self.result, self.code, self.unit, x)
        return min_rank_desc(self.path.roots(column=col))[self.i]


def _reached(r: float, k: int) -> bool:
    return not np.isnan(r) and r <= k


PERCENT_UNITS = ("%", "％", "百分比", "percent")
YES_NO_UNITS = ("是=1/否=0", "是/否", "0/1", "yes=1/no=0")


def value_limits(unit_text: str, col: np.ndarray) -> tuple[float | None, float | None, bool]:
    """(lowest, highest, yes_no) a raw value of this indicator may take in a target: no negative value
    for an indicator without one, at most 100 for a percentage, 0 or 1 for a yes/no indicator."""
    seen = col[np.isfinite(col)]
    if not seen.size:
        return None, None, False
    u = (unit_text or "").strip().lower()
    if u in YES_NO_UNITS and set(np.unique(seen)) <= {0.0, 1.0}:
        return 0.0, 1.0, True
    low = 0.0 if seen.min() >= 0 else None
    high = 100.0 if u in PERCENT_UNITS and seen.min() >= 0 and seen.max() <= 100 else None
    return low, high, False


def _search(probe: _Probe, x0: float, direction: int, spread: float, floor: float | None, k: int,
            ceiling: float | None = None):
    """(needed value, or None when not reachable). `floor`/`ceiling` bound the value's way down/up."""
    scale = max(abs(x0), spread, 1e-12)
    bad = 0.0
    good = None
    bound = floor if direction < 0 else ceiling
    if bound is not None and (x0 - bound) * direction >= 0:
        return None  # already at (or beyond) the bound: no room to move
    for step in STEPS:
        delta = step * scale
        if bound is not None and delta > abs(bound - x0):
            delta = abs(bound - x0)
        if _reached(probe.rank(x0 + direction * delta), k):
            good = delta
            break
        bad = delta
        if bound is not None and delta >= abs(bound - x0):
            break
    if good is None:
        return None
    while good - bad > max(REL_TOL * good, ABS_TOL * scale):
        mid = 0.5 * (good + bad)
        if _reached(probe.rank(x0 + direction * mid), k):
            good = mid
        else:
            bad = mid
    return x0 + direction * good


def targets(project: Project, result: Result, unit: str, rank: int, codes: list[str] | None = None,
            cancelled: Callable[[], bool] | None = None) -> dict:
    """`{"unit", "rank", "current_rank", "indicators": {code: {"current", "needed", "change", "relative"}
    | {"reachable": False}}}`, reachable indicators first by |relative change|. See the module docstring."""
    if unit not in result.units:
        raise TargetError("explain_unknown_unit", unit=unit)
    ranks = result.ranks
    n = int(ranks.notna().sum())
    if not 1 <= rank <= n:
        raise TargetError("target_bad_rank", k=rank, n=n)
    cur = ranks[unit]
    if np.isnan(cur):
        raise TargetError("explain_no_score", unit=unit, code=result.framework.root)
    current_rank = int(cur)
    values = project.data.values
    found: dict[str, dict] = {}
    for code in codes or result.framework.leaves:
        if cancelled is not None and cancelled():
            raise Cancelled("targets cancelled")
        x0 = float(values.at[unit, code]) if code in values.columns else np.nan
        if np.isnan(x0):
            found[code] = {"reachable": False, "missing": True}
            continue
        if current_rank <= rank:
            found[code] = {"current": x0, "needed": x0, "change": 0.0, "relative": 0.0}
            continue
        col = values[code].reindex(list(result.units)).to_numpy(dtype=float)
        spread = float(np.nanmax(col) - np.nanmin(col)) if np.isfinite(col).any() else 0.0
        node = result.framework.nodes[code]
        floor, ceiling, yes_no = value_limits(node.unit, col)
        direction = node.direction
        probe = _Probe(project, result, code, unit)
        if yes_no:
            other = 1.0 if direction > 0 else 0.0
            needed = other if other != x0 and _reached(probe.rank(other), rank) else None
        else:
            needed = _search(probe, x0, direction, spread, floor, rank, ceiling)
        if needed is None:
            found[code] = {"reachable": False}
            bound = floor if direction < 0 else ceiling
            if bound is not None and (yes_no or (ceiling is not None and direction > 0)):
                found[code]["limit"] = bound
        else:
            change = needed - x0
            found[code] = {"current": x0, "needed": needed, "change": change,
                           "relative": change / abs(x0) if x0 != 0 else None}
            if abs(change) <= 2 * ABS_TOL * max(abs(x0), spread, 1e-12):
                found[code]["any_change"] = True

    def key(item):
        e = item[1]
        if "needed" not in e:
            return (2, 0.0, item[0])
        if e["relative"] is None:
            return (1, abs(e["change"]), item[0])
        return (0, abs(e["relative"]), item[0])

    return {"unit": unit, "rank": rank, "current_rank": current_rank,
            "indicators": dict(sorted(found.items(), key=key))}


def data_with(project: Project, unit: str, code: str, x: float) -> pd.DataFrame:
    """The project's raw values with one cell changed: how a test or the window sets a target value."""
    values = project.data.values.copy()
    values.at[unit, code] = x
    return values
