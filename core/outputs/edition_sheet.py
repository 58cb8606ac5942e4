"""The results workbook's 历年排名 sheet ("Ranks by edition"), for a project with two or more editions (issue 19).

One row per unit (the latest edition's rank order, then the units without a latest rank), and three blocks of
columns under a two-row header — the rank in every edition, the score in every edition, and the change of rank
against the previous edition (previous − current, shown +3 / −2 / 0: positive is up) — then the latest movement in
words (core.outputs.movements: 较上年上升3位，首次进入前十 …). The ranks of an edition stand side by side so that a
native Excel line chart can draw each of the TOP N's ranks over the editions from its row: rank 1 at the top
(the value axis reversed), the unit named at the end of its line.

Under the title a line says how the editions were normalised (`editions_normalization`) and what that means for
reading the scores; the methods sheet gets the same two rows (the editions scored, the mode in words).

`edition_parts(b, editions)` gives results_workbook.build_workbook the two steps (the sheet; the methods rows);
`write_edition_sheet(b, trend, mode, present)` is the sheet itself from a core.analysis.trend.Trend.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from core.outputs.movements import movement_words, movements, reference, units_present
from core.text.editions_texts import describe_mode, mode_name
from core.text.movement_texts import edition_words

CHANGE_FMT = "+0;-0;0"  # a change of rank: +3 up, -2 down
FIRST_ROW = 5  # rows 1-2 title and note, 3-4 the two-row header
CHART_TOP = 10  # the chart draws the TOP N's lines, at most this many


def edition_parts(b, editions) -> tuple[Callable[[], None], Callable[[], None]]:
    """(write the sheet, add the methods rows) for build_workbook; `editions`: core.pipeline.editions.EditionResults
    with two or more labels; `b`: the workbook being planned (results_workbook._Book)."""
    from core.analysis.trend import trend

    mode = str(getattr(editions, "normalization", "each") or "each")
    tr = trend(editions)
    present = units_present(editions)
    return (lambda: write_edition_sheet(b, tr, mode, present), lambda: write_methods_rows(b, tr, mode))


def write_edition_sheet(b, tr, mode: str = "each", present: Mapping[str, Collection[str]] | None = None) -> None:
    """Plan the sheet into the workbook `b` (results_workbook._Book) from the Trend `tr`."""
    from core.outputs.results_workbook import CENTER, HEADER, NOTE, RANK_FMT, TITLE, _finish, _float_or_none

    W = edition_words(b.lang)
    labels = list(tr.editions)
    k = len(labels)
    ws = b.sheet("editions", W["s_editions"])
    b.descriptions["editions"] = W["sheet_desc"].format(n=min(b.top_n, CHART_TOP))
    c_rank, c_score, c_change = 2, 2 + k, 2 + 2 * k
    c_words = c_change + k - 1
    ncols = c_words
    ws.set(1, 1, W["sheet_title"].format(name=b.title, first=labels[0], last=labels[-1], n=k), {**TITLE, "size": 14})
    ws.merge(1, 1, ncols)
    ws.heights[1] = 24
    ws.set(2, 1, W["note_mode"].format(name=mode_name(mode, b.lang), meaning=describe_mode(mode, b.lang, labels[0])),
           NOTE)
    ws.merge(2, 1, ncols)
    ws.heights[2] = 48
    # the two-row header: the blocks above, the editions below
    for col, key, span in ((c_rank, "g_rank", k), (c_score, "g_score", k), (c_change, "g_change", k - 1)):
        ws.set(3, col, W[key], HEADER)
        for j in range(col + 1, col + span):
            ws.set(3, j, None, HEADER)
        if span > 1:
            ws.merge(3, col, col + span - 1)
    ws.set(3, 1, None, HEADER)
    ws.set(3, c_words, None, HEADER)
    ws.set(4, 1, W["h_unit"], HEADER)
    for j, label in enumerate(labels):
        ws.set(4, c_rank + j, str(label), HEADER)  # text: the chart's categories
        ws.set(4, c_score + j, str(label), HEADER)
        if j:
            ws.set(4, c_change + j - 1, str(label), HEADER)
    ws.set(4, c_words, W["h_words_col"].format(label=labels[-1], prev=reference(labels[-2], labels[-1], b.lang)),
           HEADER)
    moves = movements(tr, top_n=b.top_n, present=present)
    rank_style = {**CENTER, "num_format": RANK_FMT}
    score_style = {"num_format": b.fmt}
    change_style = {**CENTER, "num_format": CHANGE_FMT}
    for i, unit in enumerate(tr.units):
        row = FIRST_ROW + i
        ws.set(row, 1, unit)
        ranks = tr.ranks.get(unit, {})
        scores = tr.scores.get(unit, {})
        for j, label in enumerate(labels):
            ws.set(row, c_rank + j, ranks.get(label), rank_style)
            ws.set(row, c_score + j, _float_or_none(scores.get(label)), score_style)
            if j:
                before, now = ranks.get(labels[j - 1]), ranks.get(label)
                ws.set(row, c_change + j - 1, None if before is None or now is None else before - now, change_style)
        ws.set(row, c_words, movement_words(moves[unit], b.lang, b.top_n))
    _finish(b, ws, f"B{FIRST_ROW}", header_row=4)
    ws.title_rows = (3, 4)
    ws.landscape = True
    top = [i for i, u in enumerate(tr.units) if tr.ranks.get(u, {}).get(labels[-1]) is not None][
        :min(b.top_n, CHART_TOP)]
    if top:
        ws.charts.append((3, ncols + 2, _bump_chart(ws.title, W, labels, top, tr, c_rank)))


def _bump_chart(sheet: str, W: Mapping[str, str], labels: list[str], rows: list[int], tr, c_rank: int):
    """A line per unit of `rows` (0-based positions in tr.units): its ranks over the editions, rank 1 on top."""
    from core.outputs.results_workbook import _cm

    k = len(labels)
    first0, last0 = c_rank - 1, c_rank - 2 + k  # 0-based columns of the rank block
    worst = max((v for i in rows for v in tr.ranks[tr.units[i]].values() if v is not None), default=1)
    n = len(rows)

    def build(wb, _q):
        ch = wb.add_chart({"type": "line"})
        for i in rows:
            row0 = FIRST_ROW - 1 + i
            ch.add_series({
                "name": [sheet, row0, 0], "categories": [sheet, 3, first0, 3, last0],
                "values": [sheet, row0, first0, row0, last0],
                # the cached points, so a reader shows the labels as text (the file is streamed: XlsxWriter
                # cannot look the cells up itself)
                "categories_data": list(labels), "values_data": [tr.ranks[tr.units[i]].get(e) for e in labels],
                "marker": {"type": "circle", "size": 6}, "line": {"width": 2.25},
                # the unit's name at the end of its line (the legend would repeat it)
                "data_labels": {"series_name": True, "position": "right",
                                "custom": [{"delete": True}] * (k - 1) + [None]},
            })
        ch.set_title({"name": W["chart_title"].format(n=n)})
        ch.set_legend({"none": True})
        ch.set_y_axis({"reverse": True, "min": 1, "max": max(worst, 2), "crossing": "max",
                       "major_unit": 1 if worst <= 20 else None, "num_format": "0",
                       "name": W["chart_axis"], "major_gridlines": {"visible": True,
                                                                    "line": {"color": "#D9D9D9"}}})
        ch.set_x_axis({"position_axis": "on_tick"})
        ch.set_plotarea({"layout": {"x": 0.08, "y": 0.16, "width": 0.74, "height": 0.72}})
        ch.set_size({"width": _cm(min(28, max(14, 3.2 * k + 8))), "height": _cm(min(18, max(9, 0.5 * worst + 4)))})
        return ch

    return build


def write_methods_rows(b, tr, mode: str) -> None:
    """The methods sheet's rows on the editions: which were scored, and what the `editions_normalization` mode
    (named among the settings) means for reading their scores."""
    W = edition_words(b.lang)
    ws = b.get("methods")
    row = ws.max_row + 1
    labels = list(tr.editions)
    sep = "、" if b.lang == "zh" else ", "
    listed = W["v_editions"].format(n=len(labels), labels=sep.join(labels))
    ws.write_row(row, [W["c_editions"], W["i_editions"], listed])
    ws.write_row(row + 1, [W["c_editions"], W["i_mode"], describe_mode(mode, b.lang, labels[0])])
