"""`template`: a blank input workbook of the default framework."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from core.files.atomic import atomic_path
from core.files.xlsx import autosize, write_row
from core.model.framework import COLUMNS, Framework
from core.model.settings import SPECS


def write_template(fw: Framework, path: str | Path, units: list[str] | tuple[str, ...] = ()) -> None:
    """`units`: names written down the data sheet's first column (a new project's cities), the
    indicator cells left empty for the user to fill."""
    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    lines = [
        "CityIndex Studio 输入模板 / input template",
        "指标体系: 每行一个节点；weight 为空表示同级等权。 framework: one row per node; empty weights = equal.",
        "专家评分指标: scored_by 填 expert，scale_min/scale_max 为分值范围（默认 0–100），guidance 为评分说明。"
        " expert-scored indicators: scored_by = expert, with scale_min, scale_max and guidance.",
        "数据: 每行一个城市；列名为指标代码或其中文名称；其他列（如 region）为分组。",
        "data: one row per unit; columns are indicator codes or their exact name_zh; other columns are groups.",
        "设置: 项目默认方法。 settings: the project's defaults.",
    ]
    for i, line in enumerate(lines, start=1):
        write_row(ws, i, [line])
    ws = wb.create_sheet("指标体系")
    cols = list(COLUMNS)
    write_row(ws, 1, cols)
    for i, c in enumerate(fw.preorder(), start=2):
        n = fw.nodes[c]
        d = "" if not fw.is_leaf(c) else ("+" if n.direction > 0 else "-")
        write_row(ws, i, [n.code, n.parent, n.name_zh, n.name_en, n.weight, d, n.aggregation,
                          n.normalization, n.min, n.max, n.target, n.transform, n.denominator,
                          n.unit, n.source, n.year, n.description, n.scored_by or None, n.scale_min,
                          n.scale_max, n.guidance or None])
    ws = wb.create_sheet("数据")
    write_row(ws, 1, ["城市", "region"] + fw.leaves)
    for i, u in enumerate(units, start=2):
        write_row(ws, i, [u])
    ws = wb.create_sheet("设置")
    write_row(ws, 1, ["key", "value", "说明 / doc"])
    for i, s in enumerate(SPECS, start=2):
        write_row(ws, i, [s.key, s.default if s.default != "" else None, s.doc])
    for w in wb.worksheets[1:]:
        w.freeze_panes = "A2"
        for c in w[1]:
            c.font = Font(bold=True)
        autosize(w)
    with atomic_path(path) as tmp:
        wb.save(tmp)
