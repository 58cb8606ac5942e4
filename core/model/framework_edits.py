"""Edits of the indicator tree as pure functions: Framework in, Framework out.

Each edit builds the new node table and runs the same whole-tree checks as
parsing (`check_structure`); an edit that would break the tree returns the
problems instead, and the caller keeps the old framework. Weight helpers work
on local shares (summing to 1 among siblings) because that is what a user
sees and moves.
"""

from __future__ import annotations

import math
from dataclasses import replace

from core.model.framework import DEFAULT_SCALE, Framework, Node, check_structure
from core.model.problems import ProblemList

MANUAL = "manual"  # weight_source of a weight set by hand in the window


class EditRefused(Exception):
    def __init__(self, problems: ProblemList):
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems.errors) or "edit refused")


def _checked(nodes: dict[str, Node]) -> Framework:
    problems = ProblemList()
    fw = check_structure(nodes, problems)
    if fw is None or problems.has_errors:
        raise EditRefused(problems)
    return fw


def add_node(fw: Framework, parent: str, code: str, name_zh: str = "", name_en: str = "",
             **fields) -> Framework:
    code = code.strip()
    if not code:
        p = ProblemList()
        p.error("empty_code", "a new node needs a code")
        raise EditRefused(p)
    if code in fw.nodes:
        p = ProblemList()
        p.error("duplicate_code", f"code '{code}' is already used", code=code, args={"variant": "edit", "new": code})
        raise EditRefused(p)
    if parent not in fw.nodes:
        p = ProblemList()
        p.error("unknown_parent", f"parent '{parent}' does not exist", code=code, value=parent)
        raise EditRefused(p)
    nodes = dict(fw.nodes)
    siblings = fw.children[parent]
    weight = None
    if siblings and any(nodes[s].weight is not None for s in siblings):
        # siblings have set weights: the newcomer gets an equal share of their total
        shares = fw.local_weights()
        weight = 1.0 / (len(siblings) + 1)
        for s in siblings:
            nodes[s] = replace(nodes[s], weight=shares[s] * (1 - weight))
    nodes[code] = Node(code=code, parent=parent, name_zh=name_zh, name_en=name_en, weight=weight, **fields)
    return _checked(nodes)


def remove_node(fw: Framework, code: str) -> Framework:
    if code == fw.root:
        p = ProblemList()
        p.error("root_count", "the root cannot be removed", code=code, args={"variant": "remove"})
        raise EditRefused(p)
    gone = set(fw.preorder(code))
    nodes = {c: n for c, n in fw.nodes.items() if c not in gone}
    parent = fw.nodes[code].parent
    if not any(n.parent == parent for n in nodes.values()):
        p = ProblemList()
        p.error("empty_parent", f"'{parent}' would be left without children (and without data); "
                "remove it instead", code=code, args={"parent": parent})
        raise EditRefused(p)
    return _checked(nodes)


def move_node(fw: Framework, code: str, new_parent: str) -> Framework:
    if new_parent in set(fw.preorder(code)):
        p = ProblemList()
        p.error("cycle", f"'{code}' cannot move under itself or its own descendant '{new_parent}'", code=code,
                args={"variant": "move", "new": new_parent})
        raise EditRefused(p)
    old_parent = fw.nodes[code].parent
    if old_parent and len(fw.children[old_parent]) == 1:
        p = ProblemList()
        p.error("empty_parent", f"'{old_parent}' would be left without children", code=code,
                args={"parent": old_parent})
        raise EditRefused(p)
    nodes = dict(fw.nodes)
    nodes[code] = replace(nodes[code], parent=new_parent, weight=None)
    # the moved node's old and new siblings are set back to equal shares if they mixed
    for p in (old_parent, new_parent):
        kids = [c for c, n in nodes.items() if n.parent == p]
        if any(nodes[k].weight is None for k in kids) and any(nodes[k].weight is not None for k in kids):
            for k in kids:
                nodes[k] = replace(nodes[k], weight=None)
    return _checked(nodes)


def set_fields(fw: Framework, code: str, **fields) -> Framework:
    """Rename, change a method, direction, goalposts… of one node (not its code)."""
    if "code" in fields or "parent" in fields:
        raise ValueError("use rename_code / move_node")
    nodes = dict(fw.nodes)
    nodes[code] = replace(nodes[code], **fields)
    return _checked(nodes)


def rename_code(fw: Framework, code: str, new_code: str) -> Framework:
    new_code = new_code.strip()
    if new_code == code:
        return fw
    if not new_code or new_code in fw.nodes:
        p = ProblemList()
        p.error("duplicate_code", f"code '{new_code}' is empty or already used", code=code,
                args={"variant": "edit", "new": new_code})
        raise EditRefused(p)
    nodes = {}
    for c, n in fw.nodes.items():
        n2 = replace(n, code=new_code) if c == code else n
        if n2.parent == code:
            n2 = replace(n2, parent=new_code)
        nodes[n2.code] = n2
    return _checked(nodes)


# --- weights, as local shares --------------------------------------------------------
def set_local_share(fw: Framework, code: str, share: float, locked: set[str] | frozenset = frozenset()
                    ) -> Framework:
    """Give `code` the local share `share` (0..1); unlocked siblings absorb the difference
    in proportion to their current shares; locked siblings keep theirs."""
    parent = fw.nodes[code].parent
    if not parent:
        return fw
    kids = fw.children[parent]
    local = fw.local_weights()
    fixed = sum(local[k] for k in kids if k in locked and k != code)
    free = [k for k in kids if k not in locked and k != code]
    share = min(max(share, 0.0), 1.0 - fixed) if free else local[code]
    rest = 1.0 - fixed - share
    old_free = sum(local[k] for k in free)
    new = {code: share}
    for k in kids:
        if k in locked and k != code:
            new[k] = local[k]
    for k in free:
        new[k] = rest * (local[k] / old_free) if old_free > 0 else rest / len(free)
    return fw.with_weights(new, source=MANUAL)


def split_equally(fw: Framework, parent: str) -> Framework:
    return fw.with_weights({k: 1.0 for k in fw.children[parent]}, source=MANUAL)


def normalise_siblings(fw: Framework, parent: str) -> Framework:
    local = fw.local_weights()
    return fw.with_weights({k: local[k] for k in fw.children[parent]})


def reset_weights(fw: Framework, parent: str, original: Framework) -> Framework:
    """Back to the weights `original` had for these children (empty = equal)."""
    out = fw.with_weights({k: original.nodes[k].weight if k in original.nodes else None
                           for k in fw.children[parent]})
    for k in fw.children[parent]:
        src = original.nodes[k].weight_source if k in original.nodes else ""
        out = out.with_node(replace(out.nodes[k], weight_source=src))
    return out


def set_expert_scoring(fw: Framework, code: str, expert: bool, scale_min: float | None = None,
                       scale_max: float | None = None, guidance: str = "") -> Framework:
    """Make an indicator scored by an expert panel on score sheets (its scale and the guidance the
    experts read), or back to data from a statistic (scale and guidance cleared, so nothing is left
    behind to be ignored). Only an indicator (a leaf) can be scored by experts; the scale must run
    from a lower to a higher number (empty = 0 and 100, as in the framework sheet)."""
    if code not in fw.nodes:
        p = ProblemList()
        p.error("unknown_code", f"'{code}' is not in the tree", code=code)
        raise EditRefused(p)
    if not expert:
        return set_fields(fw, code, scored_by="", scale_min=None, scale_max=None, guidance="")
    if not fw.is_leaf(code):
        p = ProblemList()
        p.error("bad_scored_by", f"'{code}' has children: only an indicator can be scored by experts", code=code)
        raise EditRefused(p)
    lo = DEFAULT_SCALE[0] if scale_min is None else float(scale_min)
    hi = DEFAULT_SCALE[1] if scale_max is None else float(scale_max)
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo >= hi:
        p = ProblemList()
        p.error("bad_scale", f"the scoring scale of '{code}' must go from a lower to a higher number "
                f"({lo:g} ≥ {hi:g})", code=code)
        raise EditRefused(p)
    return set_fields(fw, code, scored_by="expert", scale_min=lo, scale_max=hi, guidance=(guidance or "").strip())
