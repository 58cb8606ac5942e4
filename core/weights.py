"""Weights: local (among siblings, summing to 1) and effective (share of the root).

`equal_weights` is the method used by `weights --method equal`; the
data-driven and expert methods build on the same shape: a dict
{node: {child: weight}} that can be written back into the framework.
"""

from __future__ import annotations

from .framework import Framework

WEIGHT_METHODS = ("equal",)


def equal_weights(fw: Framework) -> dict[str, dict[str, float]]:
    return {p: {k: 1.0 / len(kids) for k in kids} for p, kids in fw.children.items() if kids}


def node_weights(fw: Framework) -> dict[str, dict[str, float]]:
    """The framework's current local weights grouped by parent."""
    local = fw.local_weights()
    return {p: {k: local[k] for k in kids} for p, kids in fw.children.items() if kids}


def apply_node_weights(fw: Framework, weights: dict[str, dict[str, float]]) -> Framework:
    flat = {k: w for kids in weights.values() for k, w in kids.items()}
    return fw.with_weights(flat)


def compute_weights(fw: Framework, method: str) -> dict[str, dict[str, float]]:
    if method == "equal":
        return equal_weights(fw)
    raise ValueError(f"unknown weighting method {method!r}; known: {', '.join(WEIGHT_METHODS)}")
