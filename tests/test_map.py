"""The map tab, the map chart, `main.py map` and the map in the results workbook."""

import itertools
import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from core.files import geo  # noqa: E402
from core.files.paths import ROOT, SAMPLE_WORKBOOK  # noqa: E402
from core.outputs.results_workbook import write_results  # noqa: E402
from core.pipeline.run import compute  # noqa: E402
from gui.charts.map_chart import MapChart, fill_map, map_geometry  # noqa: E402
from gui.headless.map_command import run as run_map  # noqa: E402
from gui.panels.chart_panel import MAP, ChartPanel  # noqa: E402
from tests.qt_settle import labels_placed  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, controller):
    p = ChartPanel(controller)
    qtbot.addWidget(p)
    p.resize(1100, 850)
    p.show()
    qtbot.waitExposed(p)
    p.tabs.setCurrentIndex(MAP)
    labels_placed(qtbot, p.map_chart)  # the labels are placed again once the view has its size
    return p


def label_rects(chart):
    return [t.sceneBoundingRect() for t in chart.labels]


def assert_no_overlap(chart):
    rects = label_rects(chart)
    for (i, a), (j, b) in itertools.combinations(enumerate(rects), 2):
        assert not a.intersects(b), (chart.labelled[i], chart.labelled[j], a, b)


def test_the_map_shows_every_sample_unit_and_labels_the_top_ten(panel, controller):
    chart = panel.map_chart
    r = controller.result
    assert panel.tabs.tabText(MAP) and panel.renders[MAP] >= 1
    assert chart.missing == []
    assert sorted(chart.units) == sorted(r.units)
    top = [x["unit"] for x in r.ranking()[:10]]
    assert chart.labelled == top
    texts = [t.textItem.toPlainText() for t in chart.labels]
    for u, text in zip(top, texts):
        assert text == f"{u} {r.scores.loc[u, r.framework.root]:.{r.settings.decimals}f}"
    assert_no_overlap(chart)
    # every label inside the map frame and clear of the South China Sea inset
    vb = chart.vb
    frame = vb.mapViewToScene(chart.geom.frame).boundingRect()
    inset = vb.mapViewToScene(chart.geom.inset).boundingRect()
    for rect in label_rects(chart):
        assert frame.contains(rect) and not inset.intersects(rect)


def test_points_are_coloured_and_sized_by_the_score(panel, controller):
    chart = panel.map_chart
    s = controller.result.scores[controller.result.framework.root]
    assert chart.scores == [pytest.approx(float(s[u])) for u in chart.units]
    assert (chart.vmin, chart.vmax) == (pytest.approx(s.min()), pytest.approx(s.max()))
    spots = {p.data(): p for p in chart.points.points()}
    best, worst = s.idxmax(), s.idxmin()
    assert spots[best].size() > spots[worst].size()
    assert spots[best].brush().color().lightness() < spots[worst].brush().color().lightness()


def test_points_are_where_the_cities_are(panel):
    chart = panel.map_chart
    xy = dict(zip(chart.units, chart.xy))
    assert xy["北京"][1] > xy["上海"][1]  # north is up
    assert xy["成都"][0] < xy["武汉"][0]  # west is left
    assert xy["深圳"][1] < xy["广州"][1]
    assert xy["乌鲁木齐"][0] < min(v[0] for v in xy.values() if v is not xy["乌鲁木齐"])


def test_hover_tip_shows_rank_and_score(panel, controller):
    chart = panel.map_chart
    top = controller.result.ranking()[1]
    tip = chart._tip(0, 0, top["unit"])
    assert top["unit"] in tip and "2" in tip.splitlines()[1]
    assert f"{top['score']:.1f}" in tip


def test_clicking_a_point_selects_the_unit(panel, controller, qtbot):
    chart = panel.map_chart
    target = "成都"
    assert controller.selected != target
    pos = chart.mapFromScene(chart.point_scene_pos(target))
    with qtbot.waitSignal(controller.selection_changed) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(pos.x()), round(pos.y())))
    assert blocker.args == [target]
    assert controller.selected == target and chart.selected == target
    assert target in chart.labelled  # the selected unit is labelled too
    assert len(chart.marker.points()) == 1


def test_node_and_top_n(panel, controller, qtbot):
    chart = panel.map_chart
    panel.set_map_node("T")
    r = controller.result
    assert chart.scores == [pytest.approx(float(r.scores.loc[u, "T"])) for u in chart.units]
    ranks = r.node_ranks("T")
    assert chart.labelled[:10] == sorted(chart.units, key=lambda u: ranks[u])[:10]
    assert "T" in chart.title_text and "T" in chart.value_label
    panel.map_top_n.setValue(5)
    assert len(chart.labelled) == 5 + (controller.selected not in chart.labelled[:5])
    panel.map_top_n.setValue(20)
    labels_placed(qtbot, chart)
    assert_no_overlap(chart)


def test_live_with_the_weights_and_only_when_visible(panel, controller, qtbot):
    chart = panel.map_chart
    before = list(chart.scores)
    with qtbot.waitSignal(controller.result_changed, timeout=2000):
        controller.set_share("T", 0.6)
    root = controller.result.framework.root
    assert chart.scores == [pytest.approx(float(controller.result.scores.loc[u, root])) for u in chart.units]
    assert not np.allclose(chart.scores, before)
    panel.tabs.setCurrentIndex(0)
    n = panel.renders[MAP]
    controller.select_unit("武汉")
    assert panel.renders[MAP] == n  # hidden: not drawn
    panel.tabs.setCurrentIndex(MAP)
    assert panel.renders[MAP] == n + 1 and chart.selected == "武汉"


def test_unknown_units_are_listed_on_the_map(qtbot):
    chart = MapChart()
    qtbot.addWidget(chart)
    chart.resize(900, 700)
    chart.set_data(["北京", "火星市", "上海"], [116.4, None, 121.5], [39.9, None, 31.2], [80.0, 50.0, 60.0],
                   [1, 3, 2], missing=["火星市"], title="t", value_label="v")
    assert chart.missing == ["火星市"]
    assert "火星市" in chart.note.textItem.toPlainText()
    assert chart.units == ["北京", "上海"]
    chart.set_data(["北京"], [116.4], [39.9], [1.0], [1])
    assert chart.note.textItem.toPlainText() == ""


def test_the_south_china_sea_inset(qtbot):
    g = map_geometry()
    assert g.frame.contains(g.inset)
    assert g.inset.left() > g.proj(123.7, 25.8)[0]  # right of Taiwan and Diaoyu Dao: covers neither
    # a point on Yongxing Dao (16.8°N, south of the main map) is drawn in the inset
    x, y = g.place(112.34, 16.83)
    assert g.inset.contains(QPointF(x, y))
    x, y = g.place(116.4, 39.9)
    assert g.frame.contains(QPointF(x, y)) and not g.inset.contains(QPointF(x, y))
    assert g.place(2.35, 48.85) is None  # Paris: not on this map
    assert len(g.layers[geo.MARITIME]) == 10


def test_fill_map_with_lon_lat_columns(qtbot, project):
    import pandas as pd

    r = compute(project)
    groups = project.data.groups.copy()
    groups["lon"] = ""
    groups["lat"] = ""
    groups.loc["北京", ["lon", "lat"]] = ["100.0", "35.0"]  # moved to Qinghai by the data sheet
    chart = MapChart()
    qtbot.addWidget(chart)
    shown = fill_map(chart, r, groups, None, 10)
    assert shown["coords"]["北京"] == (100.0, 35.0)
    assert shown["missing"] == []
    assert isinstance(groups, pd.DataFrame)


def test_export_png_and_svg(panel, tmp_path):
    chart = panel.map_chart
    png = chart.export_png(tmp_path / "m.png")
    img = QImage(str(png))
    assert img.width() == 2 * chart.width()
    svg = chart.export_svg(tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "<svg" in svg


def test_export_all_includes_the_map(panel, tmp_path):
    names = {f.name for f in panel.export_all(tmp_path)}
    assert "map.png" in names and "map.svg" in names
    img = QImage(str(tmp_path / "map.png"))
    assert img.width() == 2000 and img.height() > 1200  # the map's own height, not the bar charts'


def test_map_command_writes_a_png(tmp_path):
    out = tmp_path / "X.png"
    proc = subprocess.run([sys.executable, "main.py", "map", str(SAMPLE_WORKBOOK), "-o", str(out), "--top", "10"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert QImage(str(out)).width() == 2000  # the map 1000 px wide, exported at 2×


def test_map_command_exit_codes(tmp_path, qtbot, capsys):
    assert run_map([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "a.svg"), "--node", "T", "--lang", "en"]) == 0
    assert (tmp_path / "a.svg").read_text(encoding="utf-8").startswith("<?xml")
    assert run_map([str(SAMPLE_WORKBOOK), "-o", str(tmp_path / "b.png"), "--node", "NOPE"]) == 2
    assert "NOPE" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,P11\nA,1\nA,2\n", encoding="utf-8")
    assert run_map([str(bad), "-o", str(tmp_path / "c.png")]) == 1
    assert not (tmp_path / "c.png").exists()
    with pytest.raises(SystemExit) as e:
        run_map([str(SAMPLE_WORKBOOK)])  # no -o
    assert e.value.code == 2


def test_results_workbook_with_the_map_image(panel, project, tmp_path):
    png = panel.map_image(tmp_path / "map.png")
    assert png is not None and png.exists()
    out = tmp_path / "results.xlsx"
    write_results(compute(project), out, images={"地图": png})
    wb = openpyxl.load_workbook(out)
    assert "地图" in wb.sheetnames
    assert len(wb["地图"]._images) == 1
    assert Path(png).stat().st_size > 10_000
