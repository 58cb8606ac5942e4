"""A plain results workbook: ranking, scores, normalised values, weights, methods, problems.

Chinese sheet names and headers by default, English when the project's
language is English. Written atomically.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from .atomic import atomic_path
from .pipeline import Result
from .xlsx_util import autosize, write_row

TEXT = {
    "zh": {"ranking": "排名", "scores": "各级得分", "normalised": "指标得分", "weights": "权重",
           "methods": "方法说明", "quality": "数据质量", "rank": "排名", "unit": "城市",
           "score": "综合得分", "code": "代码", "name": "名称", "level": "层级", "local": "局部权重",
           "effective": "有效权重", "stage": "步骤", "detail": "内容", "severity": "级别",
           "where": "位置", "message": "说明", "excluded": "未参评", "none": "无"},
    "en": {"ranking": "Ranking", "scores": "Scores", "normalised": "Indicator scores",
           "weights": "Weights", "methods": "Methods", "quality": "Data quality", "rank": "Rank",
           "unit": "Unit", "score": "Score", "code": "Code", "name": "Name", "level": "Level",
           "local": "Local weight", "effective": "Effective weight", "stage": "Stage",
           "detail": "Detail", "severity": "Severity", "where": "Where", "message": "Message",
           "excluded": "Excluded", "none": "none"},
}
BOLD = Font(bold=True)
TOP = PatternFill("solid", fgColor="FFF2CC")


def write_results(r: Result, path: str | Path, top_n: int = 10) -> None:
    lang = r.settings.language if r.settings.language in TEXT else "zh"
    T = TEXT[lang]
    fw = r.framework
    fmt = "0" if r.settings.decimals == 0 else "0." + "0" * r.settings.decimals
    wb = Workbook()

    ws = wb.active
    ws.title = T["ranking"]
    dims = fw.children[fw.root]
    write_row(ws, 1, [T["rank"], T["unit"], T["score"]] + [fw.nodes[d].name(lang) for d in dims])
    for i, row in enumerate(r.ranking(), start=2):
        write_row(ws, i, [row["rank"], row["unit"], row["score"]] + [row["nodes"][d] for d in dims])
        for c in ws[i][2:]:
            c.number_format = fmt
        if row["rank"] is not None and row["rank"] <= top_n:
            for c in ws[i]:
                c.fill = TOP

    ws = wb.create_sheet(T["scores"])
    codes = r.plan.codes
    write_row(ws, 1, [T["unit"]] + [f"{c} {fw.nodes[c].name(lang)}" for c in codes])
    for i, u in enumerate(r.units, start=2):
        write_row(ws, i, [u] + [float(v) if not np.isnan(v) else None for v in r.scores_array[i - 2]])
        for c in ws[i][1:]:
            c.number_format = fmt

    ws = wb.create_sheet(T["normalised"])
    write_row(ws, 1, [T["unit"]] + [f"{c} {fw.nodes[c].name(lang)}" for c in fw.leaves])
    for i, u in enumerate(r.units, start=2):
        write_row(ws, i, [u] + [float(v) if not np.isnan(v) else None
                                for v in r.normalised.loc[u].to_numpy()])
        for c in ws[i][1:]:
            c.number_format = fmt

    ws = wb.create_sheet(T["weights"])
    write_row(ws, 1, [T["code"], T["name"], T["level"], T["local"], T["effective"]])
    for i, c in enumerate(codes, start=2):
        write_row(ws, i, [c, fw.nodes[c].name(lang), fw.level(c), r.local[c], r.effective[c]])
        ws.cell(i, 4).number_format = ws.cell(i, 5).number_format = "0.0000"

    ws = wb.create_sheet(T["methods"])
    write_row(ws, 1, [T["stage"], T["detail"]])
    for i, st in enumerate(r.steps, start=2):
        detail = {k: v for k, v in st.items() if k not in ("stage", "local", "effective")}
        write_row(ws, i, [st["stage"], str(detail)])
    n = len(r.steps) + 2
    for e in r.excluded:
        write_row(ws, n, [T["excluded"], f"{e['unit']}: {e['reason']}"])
        n += 1

    ws = wb.create_sheet(T["quality"])
    write_row(ws, 1, [T["severity"], T["where"], T["message"]])
    for i, p in enumerate(r.problems, start=2):
        write_row(ws, i, [p.severity, p.location(), p.message + (f" ({p.value!r})" if p.value is not None else "")])

    for w in wb.worksheets:
        w.freeze_panes = "A2"
        for c in w[1]:
            c.font = BOLD
        autosize(w)
    with atomic_path(path) as tmp:
        wb.save(tmp)
