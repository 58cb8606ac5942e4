"""Checks that need the framework and the settings together: today, whether the benefit-of-the-doubt
share bounds can be met at every node aggregated by `bod`.

A node with k counting children (weight > 0) can give each a share within [L, U] only when
k·L ≤ 1 ≤ k·U. Outside that the linear programme has no solution and every unit would silently score
0 at the node (and everyone share rank 1 above it), so the input is refused with the cell of the
setting and the nodes that cannot meet it named.
"""

from __future__ import annotations

from core.model.framework import Framework
from core.model.problems import ProblemList
from core.model.settings import Settings

BOD_INFEASIBLE = ("bod_min_infeasible", "bod_max_infeasible")  # the variants of "bad_setting" raised here
SHOWN = 3  # nodes named in the message (those with the most children for the least share, the fewest for the largest)


def infeasible_bod_nodes(fw: Framework, settings: Settings) -> list[tuple[str, int]]:
    """(node, number of counting children) of each bod node whose share bounds cannot be met."""
    out = []
    local = fw.local_weights()
    for code in fw.internal:
        if fw.aggregation_of(code, settings.aggregation) != "bod":
            continue
        k = sum(1 for c in fw.children.get(code, []) if local.get(c, 0.0) > 0)
        if k and (k * settings.bod_min_share > 1 + 1e-12 or k * settings.bod_max_share < 1 - 1e-12):
            out.append((code, k))
    return out


def check_bod_shares(fw: Framework, settings: Settings, problems: ProblemList, where_min: dict,
                     where_max: dict) -> None:
    """An error per bound that some bod node cannot meet, at that setting's cell (`where_*`:
    file/sheet/row/column/value of `bod_min_share` / `bod_max_share`)."""
    bad = infeasible_bod_nodes(fw, settings)
    low = [(c, k) for c, k in bad if k * settings.bod_min_share > 1 + 1e-12]
    high = [(c, k) for c, k in bad if k * settings.bod_max_share < 1 - 1e-12]
    for variant, nodes, share, where in ((BOD_INFEASIBLE[0], low, settings.bod_min_share, where_min),
                                         (BOD_INFEASIBLE[1], high, settings.bod_max_share, where_max)):
        if not nodes:
            continue
        worst = sorted(nodes, key=lambda ck: -ck[1] if variant == BOD_INFEASIBLE[0] else ck[1])
        listed = ", ".join(f"{c} ({k})" for c, k in worst[:SHOWN])  # a line of the problems list, not a page
        problems.error("bad_setting", f"{variant}: share {share:g} cannot be met by the children of "
                       f"{len(nodes)} node(s), e.g. {listed}", **where,
                       args={"variant": variant, "share": f"{share:g}", "nodes": listed, "total": len(nodes),
                             "count": worst[0][1], "node": worst[0][0]})
