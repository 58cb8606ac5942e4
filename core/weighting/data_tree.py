"""Weights from the data for every node of the tree at once, bottom-up.

A data-driven method (core.weighting.data_methods) weights a node's children from their values; a child
that is itself a node enters with its scores at the current weights (DESIGN §2). So the order
matters: the nodes right above the indicators are weighted first, and a node is weighted only
after every node below it has its new weights and the scores have been re-aggregated with them.
The tree is walked in post-order (children before parents); a node whose weights the data do not
allow (a constant child, negative values for entropy, too few complete units) keeps its weights
and says why, and the walk goes on.
"""

from __future__ import annotations

from core.weighting.data_methods import WeightError, data_weights


def data_weights_bottom_up(result, method: str, **options) -> dict:
    """Every internal node's children weighted by `method`, children before parents.

    Returns dict(method, order [the internal nodes, bottom-up], nodes {node: data_weights' dict},
    failed {node: reason}, weights {child: w} for every weighted node's children, framework (the
    framework with those weights)). `result` is the current Result; it is not changed."""
    fw = result.framework
    order = [c for c in fw.postorder() if fw.children[c]]
    nodes: dict[str, dict] = {}
    failed: dict[str, str] = {}
    current, stale = result, False
    for node in order:
        if stale and any(fw.children[k] for k in fw.children[node]):
            current, stale = current.reweight(fw), False  # the node children's scores at the new weights
        try:
            r = data_weights(current, node, method, **options)
        except WeightError as e:
            failed[node] = str(e)
            continue
        nodes[node] = r
        fw = fw.with_weights(r["weights"])
        stale = True
    weights = {k: w for r in nodes.values() for k, w in r["weights"].items()}
    return {"method": method, "order": order, "nodes": nodes, "failed": failed, "weights": weights,
            "framework": fw}
