"""The rank of every unit under each aggregation method, side by side (OECD/JRC Handbook, Table 38).

Does the ranking survive a non-compensatory method, or data-chosen weights? Every internal node is
aggregated by one method at a time over the same normalised matrix and weights (the Result's),
so only the method changes between the columns.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.model.settings import AGGREGATIONS
from core.pipeline.aggregate import AggregationPlan
from core.pipeline.rank import min_rank_desc


def ranks_by_method(result, methods=AGGREGATIONS) -> dict:
    """{"methods": [...], "ranks": {unit: {method: rank | None}}, "scores": {unit: {method: score}}}."""
    fw = result.framework
    norm = result.normalised.to_numpy(dtype=float)
    ranks: dict[str, dict] = {u: {} for u in result.units}
    scores: dict[str, dict] = {u: {} for u in result.units}
    for m in methods:
        fw_m = fw
        for code in fw.internal:
            fw_m = fw_m.with_node(replace(fw_m.nodes[code], aggregation=m))
        plan = AggregationPlan.build(fw_m, norm, m, result.plan.min_coverage, result.plan.params)
        root = plan.scores(plan.weight_vector(result.local))[:, 0]
        r = min_rank_desc(root)
        for i, u in enumerate(result.units):
            ranks[u][m] = None if np.isnan(r[i]) else int(r[i])
            scores[u][m] = None if np.isnan(root[i]) else float(root[i])
    return {"methods": list(methods), "ranks": ranks, "scores": scores}
