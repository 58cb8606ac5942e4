"""Checks that need both the framework and the data.

Structural checks live in `framework.check_structure`, cell checks in
`dataset.parse_data`; this module adds what only the pair can tell: a leaf
without a data column (an expert-scored one without scores yet is only noted:
it awaits its score sheets), a missing denominator, an indicator or a unit with no
data at all, a constant column where the method divides by its range, values
outside a transform's domain.
"""

from __future__ import annotations

import numpy as np

from core.model.dataset import Dataset
from core.model.framework import Framework
from core.model.problems import ProblemList
from core.model.settings import Settings

RANGE_METHODS = ("minmax", "rank", "zscore")


def validate_pair(fw: Framework, ds: Dataset, settings: Settings, problems: ProblemList,
                  framework_file: str = "", framework_sheet: str = "") -> None:
    fwhere = dict(file=framework_file, sheet=framework_sheet)
    for code in fw.leaves:
        node = fw.nodes[code]
        if node.expert_scored and (code not in ds.values.columns or np.isnan(ds.values[code].to_numpy()).all()):
            problems.warning("awaits_expert_scores", f"indicator '{code}' ({node.name_zh}) is scored by experts and "
                             "has no scores yet: merge the returned score sheets (`scores` command, or Expert "
                             "scores → Import in the window); until then it takes no part in the scores",
                             **fwhere, row=node.row, column="scored_by", value=node.scored_by, code=code,
                             args={"name": node.name_zh})
            continue
        if code not in ds.values.columns:
            problems.error("no_data_column", f"indicator '{code}' ({node.name_zh}) has no column in "
                           f"the data sheet '{ds.sheet or ds.file}' (a header equal to its code or "
                           "its name_zh)", **fwhere, row=node.row, column="code", value=code, code=code,
                           args={"name": node.name_zh, "data_sheet": ds.sheet or ds.file})
            continue
        if node.denominator and node.denominator not in ds.values.columns:
            problems.error("no_denominator", f"denominator column '{node.denominator}' of '{code}' "
                           "is not in the data sheet", **fwhere, row=node.row, column="denominator",
                           value=node.denominator, code=code)
        col = ds.values[code].to_numpy()
        if np.isnan(col).all():
            problems.error("empty_indicator", f"indicator '{code}' ({node.name_zh}) has no data at all",
                           file=ds.file, sheet=ds.sheet, row=1, column=ds.headers.get(code, code),
                           code=code, args={"name": node.name_zh})
            continue
        if node.expert_scored:
            lo, hi = node.scale
            for u, xv in zip(ds.units, col):
                if not np.isnan(xv) and not lo <= xv <= hi:
                    problems.warning("outside_scale", f"{u}: '{code}' is scored by experts on {lo:g}–{hi:g}, "
                                     f"but its value is {xv:g}", **ds.where(u, code), value=float(xv),
                                     args={"lo": f"{lo:g}", "hi": f"{hi:g}"})
        x = col
        if node.denominator and node.denominator in ds.values.columns:
            d = ds.values[node.denominator].to_numpy()
            for u, dv, xv in zip(ds.units, d, col):
                if not np.isnan(xv) and (np.isnan(dv) or dv == 0):
                    problems.warning("bad_denominator", f"{u}: denominator '{node.denominator}' is "
                                     f"{'empty' if np.isnan(dv) else 'zero'}, so '{code}' is missing",
                                     **ds.where(u, node.denominator), value=None if np.isnan(dv) else dv,
                                     args={"of": code})
            with np.errstate(divide="ignore", invalid="ignore"):
                x = np.where(d != 0, col / d, np.nan)
        present = x[~np.isnan(x)]
        norm = fw.normalization_of(code, settings.normalization)
        if len(present) >= 1 and np.ptp(present) == 0 and norm in RANGE_METHODS:
            problems.warning("constant", f"indicator '{code}' has the same value for every unit; "
                             f"{norm} cannot tell units apart: every unit gets the middle of the range",
                             file=ds.file, sheet=ds.sheet, column=ds.headers.get(code, code),
                             value=float(present[0]), code=code)
        if node.transform in ("log", "log1p"):
            bound = 0.0 if node.transform == "log" else -1.0
            for u, xv in zip(ds.units, x):
                if not np.isnan(xv) and xv <= bound:
                    problems.error("transform_domain", f"{node.transform} of '{code}' needs values "
                                   f"above {bound:g}; {u} has {xv:g}", **ds.where(u, code), value=xv,
                                   args={"transform": node.transform, "bound": f"{bound:g}"})
    for u, row in zip(ds.units, ds.values[[c for c in fw.leaves if c in ds.values.columns]].to_numpy()):
        if len(row) and np.isnan(row).all():
            problems.warning("empty_unit_data", f"{u} has no value for any indicator; it gets no score",
                             file=ds.file, sheet=ds.sheet, row=ds.unit_rows.get(u),
                             column=ds.unit_header, value=u, unit=u)
    if settings.imputation in ("group_mean", "group_median") and settings.imputation_group \
            and settings.imputation_group not in ds.groups.columns:
        problems.error("no_group_column", f"imputation_group '{settings.imputation_group}' is not a "
                       f"column of the data sheet; groups there: {list(ds.groups.columns)}",
                       file=ds.file, sheet=ds.sheet, row=1, value=settings.imputation_group,
                       args={"groups": ", ".join(map(str, ds.groups.columns)) or "—"})
