"""The report draft's figures, drawn offscreen with the application's own charts (gui.charts.widgets,
gui.charts.map_chart) and exported as PNG at print resolution: 16 cm at 300 dpi is 1890 pixels wide.

`render_figures(result, specs, folder, groups=None, lang="zh", svg=False)` draws every
`core.outputs.report.FigureSpec` (from `core.outputs.report.figure_plan`) into `folder` and returns
{key: PNG path}; with `svg=True` an SVG of each is written beside its PNG. Titles are left off
the charts: the document's captions (图 n …) name them. Needs a QApplication (the caller makes
one; gui.headless.report_command does so offscreen). One chart object of each kind is reused.

`draw_figures(result, project, options, folder, …)` draws the figures of `figure_plan` with progress,
cancel and timings (the window's export and `make_report`); `make_report(…)` draws them and writes the
draft with core.outputs.report.write_document (the `report` command, tests and the benchmark).
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from core.analysis import summary as analysis
from core.outputs.report import PRINT_DPI, FigureSpec, figure_width_px
from core.outputs.report_text import words
from gui.charts.bump_figure import BumpFigure
from gui.charts.map_chart import MapChart, fill_map
from gui.charts.widgets import (
    AVERAGE_COLOR,
    LEADER_COLOR,
    UNIT_COLOR,
    NodeRankingChart,
    ProfileChart,
    RankingBarChart,
    ScatterChart,
    unit_groups,
)

LAYOUT_WIDTH = 760  # the widget width the charts are laid out at; exported scaled to print pixels
ROW_PX = 17  # pixels per bar in the ranking charts (before scaling)
PROFILE_HEIGHT = 380
SCATTER_HEIGHT = 560


def _file_name(key: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", key).strip("._") or "figure"


def _ranking(chart: RankingBarChart, result, groups, code: str, top: int, lang: str) -> int:
    rows = analysis.node_ranking(result, code)[:top]
    units = [x["unit"] for x in rows]
    g, colors = unit_groups(groups, result.units, units)
    chart.set_data(units, [x["score"] for x in rows], g, "", result.settings.decimals, "", result.settings.scale,
                   group_color=colors)
    return max(220, len(units) * ROW_PX + (110 if g else 80))


def _profile(chart: ProfileChart, result, unit: str, level: int, lang: str, ref: str | None = None,
             ref_rank: int | None = None) -> int:
    """The unit beside the average and a reference unit: the figure plan's (the leader, or for the leader
    the runner-up: core.outputs.report_facts.profile_reference); the legend names the reference's rank, as the
    caption does."""
    p = analysis.profile(result, unit, level, lang)
    if ref is None:  # a spec without a reference: the chart's own rule (the leader)
        ref, ref_rank = p["leader_unit"], 1
    ref_scores = analysis.profile(result, ref, level, lang)["unit"] if ref else [None] * len(p["codes"])
    chart.set_data(p["names"], unit, p["unit"], p["average"], ref or "", ref_scores, result.settings.scale,
                   result.settings.decimals, "")
    T = words(lang)  # the report's own words (core.outputs.report_text), as its captions
    entries = [(unit, UNIT_COLOR), (T["legend_average"], AVERAGE_COLOR)]
    if ref:
        entries.append((T["legend_ref"].format(rank=ref_rank, unit=ref), LEADER_COLOR))
    chart.set_legend(entries)
    return PROFILE_HEIGHT


def _scatter(chart: ScatterChart, result, x: str, y: str, lang: str) -> int:
    c = analysis.node_correlation(result, x, y)
    order = [result.units[int(i)] for i in result.rank_order()[0]]
    s = result.scores.loc[order]
    fw = result.framework
    chart.set_export_size(LAYOUT_WIDTH, SCATTER_HEIGHT)  # labels are placed for the final size
    chart.set_data(order, s[x].to_numpy(), s[y].to_numpy(), f"{x} {fw.nodes[x].name(lang)}",
                   f"{y} {fw.nodes[y].name(lang)}", "", c["pearson"], c["spearman"], "", c["n"],
                   result.settings.decimals)
    return SCATTER_HEIGHT


def _bump(chart: BumpFigure, params: dict, lang: str) -> int:
    """Ranks over the editions (the plan's data: core.outputs.report_editions.bump_params); the caption names it."""
    from core.text.movement_texts import edition_words

    series = [(u, list(ranks)) for u, ranks in params["series"]]
    chart.set_data(params["editions"], series, "", edition_words(lang)["chart_axis"])
    worst = max((r for _u, ranks in series for r in ranks if r is not None), default=1)
    return chart.preferred_height(worst)


def render_figures(result, specs: Sequence[FigureSpec], folder: str | Path, groups=None, lang: str = "zh",
                   svg: bool = False, progress: Callable[[int, int], object] | None = None,
                   timings: dict | None = None) -> dict[str, Path]:
    """Draw each spec to `folder`/<key>.png (and .svg); returns {key: png}. `timings`, when given,
    receives the seconds spent per kind. The map also reports the units it could not place in
    `timings['map_missing']` (a list)."""
    import time

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    charts: dict[str, object] = {}
    out: dict[str, Path] = {}

    def chart(kind: str):
        if kind not in charts:
            charts[kind] = {"ranking": RankingBarChart, "node": NodeRankingChart, "profile": ProfileChart,
                            "scatter": ScatterChart, "map": MapChart, "bump": BumpFigure}[kind]()
        return charts[kind]

    try:
        for k, spec in enumerate(specs):
            if progress is not None:
                progress(k, len(specs))
            t0 = time.perf_counter()
            c = chart(spec.kind)
            p = spec.params
            if spec.kind in ("ranking", "node"):
                height = _ranking(c, result, groups, p["code"], int(p["top"]), lang)
            elif spec.kind == "profile":
                height = _profile(c, result, p["unit"], int(p.get("level", 1)), lang, p.get("ref"), p.get("ref_rank"))
            elif spec.kind == "scatter":
                height = _scatter(c, result, p["x"], p["y"], lang)
            elif spec.kind == "bump":
                height = _bump(c, p, lang)
            elif spec.kind == "map":
                shown = fill_map(c, result, groups, p.get("code"), int(p.get("top", 10)), "", lang)
                c.set_title("")
                height = c.preferred_height(LAYOUT_WIDTH) - 30
                if timings is not None:
                    timings["map_missing"] = list(shown["missing"])
                if not shown["coords"]:  # no unit could be placed (not Chinese cities): no map
                    continue
            else:
                raise ValueError(f"unknown figure kind {spec.kind!r}")
            c.set_export_size(LAYOUT_WIDTH, height)
            target = folder / f"{_file_name(spec.key)}.png"
            width_px = figure_width_px(spec.width_cm, PRINT_DPI)
            c.export_png(target, scale=width_px / LAYOUT_WIDTH)
            if svg:
                c.export_svg(target.with_suffix(".svg"))
            out[spec.key] = target
            if timings is not None:
                timings[spec.kind] = timings.get(spec.kind, 0.0) + time.perf_counter() - t0
        if progress is not None:
            progress(len(specs), len(specs))
    finally:
        for c in charts.values():
            c.deleteLater()
    return out


FIGURES_SHARE = 0.3  # of make_report's progress: the figures, then the document


def draw_figures(result, project, options, folder: Path, *, svg: bool = False, timings: dict | None = None,
                 progress=None, cancelled=None, editions=None) -> dict:
    """The figures of the draft (GUI thread: Qt draws them) into `folder`; {key: png}. `progress(fraction)`
    after each, ReportCancelled when `cancelled()` turns True. `editions` (EditionResults): the bump chart too."""
    from core.outputs.report import ReportCancelled, figure_plan

    timings = timings if timings is not None else {}

    def step(k: int, n: int) -> None:
        if cancelled is not None and cancelled():
            raise ReportCancelled("report draft cancelled")
        if progress is not None:
            progress(k / max(n, 1))

    t0 = time.perf_counter()
    chart_times: dict = {}
    figs = render_figures(result, figure_plan(result, options, editions), folder, project.data.groups, options.lang,
                          svg=svg, timings=chart_times, progress=step)
    timings["charts"] = time.perf_counter() - t0
    timings["map_missing"] = chart_times.get("map_missing", [])
    return figs


def make_report(result, project, out: Path, options, *, svg: bool = False, uncertainty=None, notes=None,
                ahp: list | None = None, figures_dir: Path | None = None, timings: dict | None = None,
                progress=None, cancelled=None, editions=None, rank_moves=None) -> Path:
    """Draw the figures and write the draft (needs a QApplication). Figures go to `figures_dir`
    (default: a temporary folder, removed after; with `svg`, REPORT_figures/ beside the report).
    `progress(fraction)` and `cancelled()` as core.outputs.report.build_report: a cancelled draft raises
    core.outputs.report.ReportCancelled and leaves no file."""
    timings = timings if timings is not None else {}
    keep = figures_dir or (out.with_name(out.stem + "_figures") if svg else None)

    def part(lo: float, hi: float):
        return None if progress is None else (lambda f: progress(lo + (hi - lo) * f))

    with tempfile.TemporaryDirectory(prefix="cityindex-report-") as tmp:
        folder = keep or Path(tmp)
        figs = draw_figures(result, project, options, folder, svg=svg, timings=timings,
                            progress=part(0.0, FIGURES_SHARE), cancelled=cancelled, editions=editions)
        from core.outputs.report import write_document
        write_document(result, project, out, options, figs, uncertainty=uncertainty, notes=notes, ahp=ahp,
                       timings=timings, progress=part(FIGURES_SHARE, 1.0), cancelled=cancelled, editions=editions,
                       rank_moves=rank_moves)
    return out
