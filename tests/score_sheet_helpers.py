"""A small project with expert-scored indicators, and an "expert" who fills a sheet in with openpyxl."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook

# Shrout & Fleiss (1979), Psychological Bulletin 86(2), 420–428, Table 2: four judges rate six
# targets. Here: six cities (rows) scored by four experts (columns) on a 0–10 scale.
SF_TARGETS = ["北京", "上海", "深圳", "杭州", "成都", "武汉"]
SF_EXPERTS = ["张三", "李四", "王五", "赵六"]
SF_SCORES = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]

FRAMEWORK = [
    ["code", "parent", "name_zh", "name_en", "weight", "direction", "scored_by", "scale_min", "scale_max", "guidance"],
    ["R", None, "总分", "Total", None, None, None, None, None, None],
    ["A", "R", "统计指标", "Statistic", None, "+", None, None, None, None],
    ["Q1", "R", "典型案例质量", "Quality of typical cases", None, "+", "expert", 0, 10,
     "依据 2024 年典型应用案例的创新性、成效和可推广性评分"],
    ["Q2", "R", "场景开放度", "Openness of scenarios", None, "+", "expert", 0, 100, "场景开放的广度与深度"],
]


def write_input(path: Path, units=SF_TARGETS, framework=FRAMEWORK, with_columns: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "framework"
    for r in framework:
        ws.append(r)
    d = wb.create_sheet("data")
    d.append(["城市", "A"] + (["Q1", "Q2"] if with_columns else []))
    for i, u in enumerate(units):
        d.append([u, float(10 + i)] + ([None, None] if with_columns else []))
    wb.save(path)
    return path


def fill(path: Path, scores: dict[tuple[str, str], object], *, expert: str | None = "", comments=None,
         edit=None) -> Path:
    """Fill a score sheet as an expert would: type values into the cells of the 评分 sheet."""
    wb = load_workbook(path)
    ws = wb["评分"]
    codes = {ws.cell(row=1, column=j).value: j for j in range(2, ws.max_column + 1)}
    rows = {ws.cell(row=r, column=1).value: r for r in range(3, ws.max_row + 1)}
    for (unit, code), v in scores.items():
        ws.cell(row=rows[unit], column=codes[code]).value = v
    for unit, text in (comments or {}).items():
        ws.cell(row=rows[unit], column=codes["备注"]).value = text
    if expert != "":
        wb["说明"]["B3"].value = expert
    if edit is not None:
        edit(wb)
    wb.save(path)
    return path


def sf_scores(j: int, code: str = "Q1") -> dict[tuple[str, str], float]:
    """Expert j's column of the Shrout–Fleiss data as scores of `code`."""
    return {(u, code): SF_SCORES[i][j] for i, u in enumerate(SF_TARGETS)}
