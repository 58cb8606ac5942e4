"""The indicator tree (DESIGN §3 `framework` sheet) and its structural checks.

A `Framework` is immutable: edits (a new weight, a new method) give a new
Framework, so results computed from the old one stay valid and undo is cheap.
`parse_framework` reads a `Table` and reports every problem in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from core.model.problems import ProblemList
from core.model.settings import AGGREGATIONS, NORMALIZATIONS, TRANSFORMS, canonical
from core.model.table import Table, cell_number, cell_text, is_blank

# column -> accepted header spellings (lower-case compared)
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "代码", "编码", "指标代码", "编号"),
    "parent": ("parent", "上级", "父节点", "上级代码", "上级指标"),
    "name_zh": ("name_zh", "名称", "中文名称", "指标名称"),
    "name_en": ("name_en", "英文名称", "name"),
    "weight": ("weight", "权重"),
    "direction": ("direction", "方向", "指标方向"),
    "aggregation": ("aggregation", "聚合", "聚合方法"),
    "normalization": ("normalization", "normalisation", "标准化", "标准化方法"),
    "min": ("min", "最小值", "下限"),
    "max": ("max", "最大值", "上限"),
    "target": ("target", "目标值"),
    "transform": ("transform", "变换"),
    "denominator": ("denominator", "分母"),
    "unit": ("unit", "单位", "计量单位"),
    "source": ("source", "来源", "数据来源"),
    "year": ("year", "年份"),
    "description": ("description", "说明", "描述", "备注"),
    # expert-scored indicators (score sheets, core.experts.score_sheets)
    "scored_by": ("scored_by", "评分方式", "打分方式", "数据来源方式"),
    "scale_min": ("scale_min", "评分下限", "分值下限", "最低分"),
    "scale_max": ("scale_max", "评分上限", "分值上限", "最高分"),
    "guidance": ("guidance", "评分说明", "评分标准", "评分指引"),
}
_HEADER_LOOKUP = {alias.lower(): col for col, aliases in COLUMNS.items() for alias in aliases}

# `scored_by` cell -> canonical value: '' (data from a statistic) or 'expert' (scored by a panel)
SCORED_BY = {"": "", "data": "", "数据": "", "统计": "", "statistic": "", "expert": "expert",
             "experts": "expert", "panel": "expert", "专家": "expert", "专家评分": "expert", "专家打分": "expert"}
DEFAULT_SCALE = (0.0, 100.0)  # an expert-scored indicator with empty scale_min/scale_max

DIRECTIONS = {"+": 1, "-": -1, "正向": 1, "负向": -1, "正": 1, "负": -1, "positive": 1,
              "negative": -1, "1": 1, "-1": -1, "－": -1, "＋": 1, "−": -1}


@dataclass(frozen=True)
class Node:
    code: str
    parent: str = ""
    name_zh: str = ""
    name_en: str = ""
    weight: float | None = None  # raw, relative to siblings; None = equal share
    direction: int = 1
    aggregation: str = ""  # '' = project default
    normalization: str = ""  # '' = inherit (ancestor's, then project default)
    min: float | None = None
    max: float | None = None
    target: float | None = None
    transform: str = ""
    denominator: str = ""
    unit: str = ""
    source: str = ""
    year: str = ""
    description: str = ""
    row: int | None = None  # Excel row in the framework sheet it came from
    weight_source: str = ""  # how the weight was set, e.g. "AHP (eigenvector), CR 0.031"; '' = as loaded
    scored_by: str = ""  # '' = data from a statistic; 'expert' = scored by a panel on score sheets
    scale_min: float | None = None  # the experts' scale (expert-scored indicators; empty = 0)
    scale_max: float | None = None  # (empty = 100)
    guidance: str = ""  # scoring guidance shown to the experts

    @property
    def expert_scored(self) -> bool:
        return self.scored_by == "expert"

    @property
    def scale(self) -> tuple[float, float]:
        """The experts' scale (low, high), the defaults filling empty ends."""
        lo = DEFAULT_SCALE[0] if self.scale_min is None else self.scale_min
        hi = DEFAULT_SCALE[1] if self.scale_max is None else self.scale_max
        return lo, hi

    def name(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.name_en or self.name_zh or self.code
        return self.name_zh or self.name_en or self.code


@dataclass(frozen=True)
class Framework:
    """A validated tree. Construct through `Framework.build` or `parse_framework`."""

    nodes: dict[str, Node]  # in sheet order
    root: str
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @staticmethod
    def build(nodes: Iterable[Node]) -> Framework:
        nodes = {n.code: n for n in nodes}
        roots = [c for c, n in nodes.items() if not n.parent]
        if len(roots) != 1:
            raise ValueError(f"a framework needs exactly one root, found {roots}")
        children: dict[str, list[str]] = {c: [] for c in nodes}
        for c, n in nodes.items():
            if n.parent:
                if n.parent not in nodes:
                    raise ValueError(f"node {c}: parent {n.parent} does not exist")
                children[n.parent].append(c)
        fw = Framework(nodes, roots[0], {c: tuple(v) for c, v in children.items()})
        if len(list(fw.preorder())) != len(nodes):
            raise ValueError("the framework has a cycle")
        return fw

    # --- structure -------------------------------------------------------
    def is_leaf(self, code: str) -> bool:
        return not self.children[code]

    def preorder(self, start: str | None = None):
        stack = [start or self.root]
        seen = set()
        while stack:
            c = stack.pop()
            if c in seen:
                return
            seen.add(c)
            yield c
            stack.extend(reversed(self.children[c]))

    def postorder(self) -> list[str]:
        return list(reversed([c for c in self._reverse_pre()]))

    def _reverse_pre(self):
        # root, then children right-to-left; reversed gives a post-order
        stack = [self.root]
        while stack:
            c = stack.pop()
            yield c
            stack.extend(self.children[c])

    @property
    def leaves(self) -> list[str]:
        return [c for c in self.preorder() if self.is_leaf(c)]

    @property
    def internal(self) -> list[str]:
        """Internal nodes, children before parents."""
        return [c for c in self.postorder() if not self.is_leaf(c)]

    def level(self, code: str) -> int:
        """Root = 0, first-level dimensions = 1, ..."""
        d = 0
        while self.nodes[code].parent:
            code = self.nodes[code].parent
            d += 1
        return d

    def at_level(self, level: int) -> list[str]:
        return [c for c in self.preorder() if self.level(c) == level]

    def ancestors(self, code: str) -> list[str]:
        out = []
        while self.nodes[code].parent:
            code = self.nodes[code].parent
            out.append(code)
        return out

    def leaves_under(self, code: str) -> list[str]:
        return [c for c in self.preorder(code) if self.is_leaf(c)]

    # --- methods ---------------------------------------------------------
    def normalization_of(self, code: str, default: str) -> str:
        """The leaf's own method, else the nearest ancestor's, else the project default."""
        for c in [code, *self.ancestors(code)]:
            if self.nodes[c].normalization:
                return self.nodes[c].normalization
        return default

    def aggregation_of(self, code: str, default: str) -> str:
        return self.nodes[code].aggregation or default

    # --- weights ---------------------------------------------------------
    def local_weights(self) -> dict[str, float]:
        """Each node's weight among its siblings, summing to 1 (root = 1)."""
        out = {self.root: 1.0}
        for _p, kids in self.children.items():
            if not kids:
                continue
            raw = [self.nodes[k].weight for k in kids]
            if all(w is None for w in raw):
                vals = [1.0] * len(kids)
            else:
                vals = [0.0 if w is None else float(w) for w in raw]
            total = sum(vals)
            for k, v in zip(kids, vals):
                out[k] = v / total if total > 0 else 1.0 / len(kids)
        return out

    def effective_weights(self, local: dict[str, float] | None = None) -> dict[str, float]:
        """Each node's share of the root: the product of local weights on its path."""
        local = local or self.local_weights()
        out = {}
        for c in self.preorder():
            p = self.nodes[c].parent
            out[c] = local[c] * (out[p] if p else 1.0)
        return out

    def with_weights(self, weights: dict[str, float | None], source: str | None = None) -> Framework:
        """New weights for some nodes; `source` (if given) records how they were set."""
        nodes = dict(self.nodes)
        for c, w in weights.items():
            n = replace(nodes[c], weight=None if w is None else float(w))
            if source is not None:
                n = replace(n, weight_source=source)
            nodes[c] = n
        return Framework(nodes, self.root, self.children)

    def with_node(self, node: Node) -> Framework:
        nodes = dict(self.nodes)
        nodes[node.code] = node
        return Framework(nodes, self.root, self.children)


# --- parsing ------------------------------------------------------------

def map_header(header: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for j, h in enumerate(header):
        col = _HEADER_LOOKUP.get(cell_text(h).lower())
        if col and col not in out:
            out[col] = j
    return out


def parse_framework(table: Table, problems: ProblemList) -> Framework | None:
    """Read a framework sheet; every problem goes to `problems` in one pass.

    Returns the Framework when the tree itself is usable (one root, no cycle,
    every parent known), even if other errors (a bad weight) were found; returns
    None when no tree can be built.
    """
    parsed = parse_nodes(table, problems)
    if parsed is None:
        return None
    nodes, header_name = parsed
    return check_structure(nodes, problems, table.file, table.sheet, header_name)


def parse_nodes(table: Table, problems: ProblemList) -> tuple[dict[str, Node], dict[str, str]] | None:
    """The rows of a framework sheet as nodes, with the cell-level checks."""
    f, sh = table.file, table.sheet
    cols = map_header(table.header)
    if "code" not in cols:
        problems.error("missing_column", "the framework sheet has no 'code' column; "
                       f"headers seen: {table.header}", file=f, sheet=sh, row=table.header_row, column="code")
        return None
    if "parent" not in cols:
        problems.error("missing_column", "the framework sheet has no 'parent' column",
                       file=f, sheet=sh, row=table.header_row, column="parent")
        return None
    header_name = {c: cell_text(table.header[j]) for c, j in cols.items()}

    def cell(r: list, col: str) -> Any:
        j = cols.get(col)
        return r[j] if j is not None and j < len(r) else None

    nodes: dict[str, Node] = {}
    rows_of: dict[str, int] = {}
    for i, r in enumerate(table.rows):
        row = table.excel_row(i)
        if all(is_blank(v) for v in r):
            continue
        code = cell_text(cell(r, "code"))

        def where(col: str, value: Any = None, _row=row, _code=code) -> dict:
            return dict(file=f, sheet=sh, row=_row, column=header_name.get(col, col),
                        value=value, code=_code)

        if not code:
            problems.error("empty_code", "a node without a code", **where("code", cell(r, "code")))
            continue
        if code in nodes:
            problems.error("duplicate_code", f"code '{code}' is used again (first at row "
                           f"{rows_of[code]})", **where("code", code),
                           args={"first_row": rows_of[code]})
            continue
        nodes[code] = _row_node(lambda col, _r=r: cell(_r, col), code, row, where, problems)
        rows_of[code] = row
    return nodes, header_name


def _row_node(cell, code: str, row: int, where, problems: ProblemList) -> Node:
    """One framework row as a Node: each cell checked; a cell in error is a problem at its place and
    the node keeps the default (no weight, + direction, the project's methods)."""
    weight = _weight(cell("weight"), code, where, problems)
    direction = _direction(cell("direction"), code, where, problems)
    agg, norm, tr = _methods(cell, code, where, problems)
    scored_by = _scored_by(cell("scored_by"), code, where, problems)
    nums = _numbers(cell, code, where, problems)
    return Node(
        code=code, parent=cell_text(cell("parent")), name_zh=cell_text(cell("name_zh")),
        name_en=cell_text(cell("name_en")), weight=weight, direction=direction,
        aggregation=agg, normalization=norm, min=nums["min"], max=nums["max"],
        target=nums["target"], transform=tr, denominator=cell_text(cell("denominator")),
        unit=cell_text(cell("unit")), source=cell_text(cell("source")),
        year=cell_text(cell("year")), description=cell_text(cell("description")), row=row,
        scored_by=scored_by, scale_min=nums["scale_min"], scale_max=nums["scale_max"],
        guidance=cell_text(cell("guidance")),
    )


def _weight(w: Any, code: str, where, problems: ProblemList) -> float | None:
    """A weight cell: empty, or a finite number that is not negative."""
    weight = None
    if not is_blank(w):
        try:
            weight = cell_number(w)
            if weight != weight or weight in (float("inf"), float("-inf")):
                raise ValueError
            if weight < 0:
                problems.error("negative_weight", f"weight of '{code}' is negative",
                               **where("weight", w))
                weight = None
        except (TypeError, ValueError):
            problems.error("non_numeric_weight", f"weight of '{code}' is not a number",
                           **where("weight", w))
    return weight


def _direction(d_raw: Any, code: str, where, problems: ProblemList) -> int:
    """A direction cell: + or - (正向/负向); empty is +."""
    direction = 1
    d = cell_text(d_raw)
    if d:
        if d not in DIRECTIONS:
            problems.error("bad_direction", f"direction of '{code}' must be + or - (正向/负向)",
                           **where("direction", d))
        else:
            direction = DIRECTIONS[d]
    return direction


def _methods(cell, code: str, where, problems: ProblemList) -> tuple[str, str, str]:
    """The node's own aggregation, normalisation and transform; an unknown name is a problem and empty."""
    agg = canonical(cell("aggregation"))
    if agg and agg not in AGGREGATIONS:
        problems.error("unknown_method", f"unknown aggregation for '{code}'; choose one of "
                       + ", ".join(AGGREGATIONS), **where("aggregation", cell("aggregation")),
                       args={"variant": "aggregation", "choices": ", ".join(AGGREGATIONS)})
        agg = ""
    norm = canonical(cell("normalization"))
    if norm and norm not in NORMALIZATIONS:
        problems.error("unknown_method", f"unknown normalisation for '{code}'; choose one of "
                       + ", ".join(NORMALIZATIONS), **where("normalization", cell("normalization")),
                       args={"variant": "normalization", "choices": ", ".join(NORMALIZATIONS)})
        norm = ""
    tr = canonical(cell("transform"))
    if tr not in TRANSFORMS:
        problems.error("unknown_method", f"unknown transform for '{code}'; choose log or log1p",
                       **where("transform", cell("transform")), args={"variant": "transform",
                                                                          "choices": "log, log1p"})
        tr = ""
    return agg, norm, tr


def _scored_by(sb_raw: Any, code: str, where, problems: ProblemList) -> str:
    """Who scores the indicator: empty (the data) or the expert panel."""
    sb_key = cell_text(sb_raw).lower()
    scored_by = SCORED_BY.get(sb_key, SCORED_BY.get(cell_text(sb_raw)))
    if scored_by is None:
        problems.error("bad_scored_by", f"scored_by of '{code}' must be empty (data) or 'expert' (专家)",
                       **where("scored_by", sb_raw))
        scored_by = ""
    return scored_by


def _numbers(cell, code: str, where, problems: ProblemList) -> dict[str, float | None]:
    """The goalposts (min, max, target) and the expert scale (scale_min, scale_max)."""
    nums: dict[str, float | None] = {}
    for col in ("min", "max", "target", "scale_min", "scale_max"):
        v = cell(col)
        nums[col] = None
        if not is_blank(v):
            try:
                nums[col] = cell_number(v)
            except (TypeError, ValueError):
                problems.error("non_numeric", f"{col} of '{code}' is not a number", **where(col, v),
                               args={"variant": "framework"})
    return nums


def check_structure(nodes: dict[str, Node], problems: ProblemList, f: str = "",
                    sh: str = "", header_name: dict | None = None) -> Framework | None:
    """The whole-tree checks; used on parsing and on every structural edit."""
    hn = header_name or {}

    def where(n: Node, col: str, value: Any = None) -> dict:
        return dict(file=f, sheet=sh, row=n.row, column=hn.get(col, col), value=value, code=n.code)

    if not nodes:
        problems.error("empty_framework", "the framework has no nodes", file=f, sheet=sh)
        return None
    ok = True
    for n in nodes.values():
        if n.parent and n.parent not in nodes:
            problems.error("unknown_parent", f"parent '{n.parent}' of '{n.code}' does not exist",
                           **where(n, "parent", n.parent))
            ok = False
        if n.parent == n.code:
            problems.error("cycle", f"'{n.code}' is its own parent", **where(n, "parent", n.parent),
                           args={"variant": "self"})
            ok = False
    roots = [n for n in nodes.values() if not n.parent]
    if len(roots) != 1:
        msg = ("no root (a node with an empty parent)" if not roots else
               "more than one root: " + ", ".join(r.code for r in roots)
               + "; exactly one node may have an empty parent")
        for r in roots or [next(iter(nodes.values()))]:
            problems.error("root_count", msg, **where(r, "parent", r.parent or None),
                           args={"variant": "many" if roots else "none",
                                 "roots": ", ".join(r.code for r in roots)})
        ok = False
    # cycles: walk up from every node
    reported: set[str] = set()
    for n in nodes.values():
        path, c = [], n.code
        while c and c in nodes and c not in path:
            path.append(c)
            c = nodes[c].parent
        if c and c in path:
            cyc = path[path.index(c):]
            key = min(cyc)
            if key not in reported:
                reported.add(key)
                problems.error("cycle", "the parents form a cycle: " + " → ".join(cyc + [c]),
                               **where(nodes[key], "parent", nodes[key].parent),
                               args={"path": " → ".join(cyc + [c])})
            ok = False
    if not ok:
        _node_checks(repaired(nodes), problems, where)
        return None
    fw = Framework.build(nodes.values())
    # sibling weights
    for p, kids in fw.children.items():
        if not kids:
            continue
        ws = [nodes[k].weight for k in kids]
        set_ = [w for w in ws if w is not None]
        if set_ and len(set_) < len(ws):
            empty = [k for k in kids if nodes[k].weight is None]
            for k in empty:
                problems.error("mixed_weights", f"the children of '{p}' mix set and empty weights; "
                               f"'{k}' has none (leave all empty for equal weights, or set all)",
                               **where(nodes[k], "weight"), args={"parent": p})
        elif set_ and sum(set_) == 0:
            problems.error("zero_weights", f"all weights among the children of '{p}' are zero",
                           **where(nodes[kids[0]], "weight", 0), args={"parent": p})
    _node_checks(fw, problems, where)
    return fw


def repaired(nodes: dict[str, Node]) -> Framework:
    """A best-effort tree for a broken framework, so the other checks can still run.

    Orphans, extra roots and nodes on a cycle hang from a synthetic root; it is
    used only to keep finding problems in one pass, never to compute scores.
    """
    synthetic = "\u2205root"
    fixed = [Node(synthetic)]
    for n in nodes.values():
        parent = n.parent
        path, c = [], n.code
        while c and c in nodes and c not in path:
            path.append(c)
            c = nodes[c].parent
        broken = (not parent) or parent not in nodes or (c and c in path)
        fixed.append(replace(n, parent=synthetic) if broken else n)
    return Framework.build(fixed)


def _node_checks(fw: Framework, problems: ProblemList, where) -> None:
    for n in fw.nodes.values():
        if n.code not in fw.nodes or n.code.startswith("\u2205"):
            continue
        leaf = fw.is_leaf(n.code)
        if n.aggregation and leaf:
            problems.warning("ignored", f"aggregation on indicator '{n.code}' is ignored (it has no children)",
                             **where(n, "aggregation", n.aggregation),
                             args={"variant": "aggregation"})
        norm = fw.normalization_of(n.code, "") if leaf else n.normalization
        if leaf and norm == "goalposts":
            if n.min is None or n.max is None:
                problems.error("goalposts", f"goalposts of '{n.code}' need both min and max",
                               **where(n, "min", n.min), args={"variant": "both"})
            elif n.min >= n.max:
                problems.error("goalposts", f"goalposts of '{n.code}': min must be below max",
                               **where(n, "min", f"{n.min:g} ≥ {n.max:g}"), args={"variant": "order"})
        if leaf and norm == "target":
            if n.target is None:
                problems.error("target", f"'{n.code}' uses target normalisation but has no target",
                               **where(n, "target"), args={"variant": "none"})
            elif n.target <= 0:
                problems.error("target", f"target of '{n.code}' must be positive",
                               **where(n, "target", n.target), args={"variant": "positive"})
        if n.expert_scored and not leaf:
            problems.error("bad_scored_by", f"'{n.code}' has children: only an indicator can be scored by "
                           "experts", **where(n, "scored_by", n.scored_by), args={"variant": "parent"})
        if n.expert_scored:
            lo, hi = n.scale
            if lo >= hi:
                problems.error("bad_scale", f"the scoring scale of '{n.code}' must go from a lower to a higher "
                               "number (scale_min below scale_max)",
                               **where(n, "scale_min" if n.scale_min is not None else "scale_max",
                                       f"{lo:g} ≥ {hi:g}"))
        elif n.scale_min is not None or n.scale_max is not None or n.guidance:
            col = "scale_min" if n.scale_min is not None else ("scale_max" if n.scale_max is not None else "guidance")
            problems.warning("ignored", f"'{n.code}' is not scored by experts (scored_by is empty): its {col} is "
                             "ignored", **where(n, col, getattr(n, col)),
                             args={"variant": "scale"})
        if n.min is not None and n.max is not None and n.min >= n.max and norm != "goalposts":
            problems.error("goalposts", f"min of '{n.code}' must be below its max",
                           **where(n, "min", f"{n.min:g} ≥ {n.max:g}"), args={"variant": "order"})
