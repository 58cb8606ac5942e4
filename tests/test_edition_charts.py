"""The editions' charts (issue 19) fed by hand: the lines are the ranks, rank 1 at the top, each city named at
both ends, ties sharing one label, a unit new in a later edition named where its line starts."""

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QFontMetricsF  # noqa: E402

from gui.charts.edition_charts import (  # noqa: E402
    DOWN_COLOR,
    SAME_COLOR,
    UP_COLOR,
    BumpChart,
    EditionProfileChart,
    SlopeChart,
)
from gui.charts.widgets import SELECTED_COLOR, chart_font  # noqa: E402

pytestmark = pytest.mark.gui

EDITIONS = ["2022", "2023", "2024"]
RANKS = {"南京": [3, 2, 1], "苏州": [1, 1, 2], "杭州": [2, 3, 3], "合肥": [None, 5, 4], "无锡": [4, 4, None]}


@pytest.fixture
def bump(qtbot):
    c = BumpChart()
    qtbot.addWidget(c)
    c.resize(800, 500)
    c.show()
    qtbot.waitExposed(c)
    c.set_data(EDITIONS, list(RANKS), RANKS, selected="杭州", title="排名走势")
    return c


def test_each_line_is_the_units_ranks_by_edition(bump):
    for unit, ranks in RANKS.items():
        xs, ys = bump.line_data(unit)
        want = [(float(i), float(r)) for i, r in enumerate(ranks) if r is not None]
        assert list(zip(xs, ys)) == want


def test_rank_one_is_at_the_top(bump):
    top = bump.vb.mapViewToScene(QPointF(0, 1)).y()
    low = bump.vb.mapViewToScene(QPointF(0, 4)).y()
    assert top < low


def test_cities_are_named_at_both_ends_and_missing_ends_inside(bump):
    left = dict(bump.getPlotItem().getAxis("left")._tickLevels[0])
    right = dict(bump.getPlotItem().getAxis("right")._tickLevels[0])
    assert left == {1: "苏州  1", 2: "杭州  2", 3: "南京  3", 4: "无锡  4"}
    assert right == {1: "1  南京", 2: "2  苏州", 3: "3  杭州", 4: "4  合肥"}
    inside = sorted(t.toPlainText() for t in bump._extra)
    assert inside == ["合肥", "无锡"]  # 合肥 starts in 2023, 无锡 ends in 2023


def test_side_axes_hold_their_longest_name(bump):
    fm = QFontMetricsF(chart_font(9))
    for name in ("left", "right"):
        ax = bump.getPlotItem().getAxis(name)
        widest = max(fm.horizontalAdvance(t) for _v, t in ax._tickLevels[0])
        assert ax.width() >= widest


def test_ties_share_one_label(qtbot):
    c = BumpChart()
    qtbot.addWidget(c)
    c.set_data(["2023", "2024"], ["A", "B"], {"A": [1, 1], "B": [1, 2]})
    assert dict(c.getPlotItem().getAxis("left")._tickLevels[0]) == {1: "A / B  1"}


def test_selected_city_is_highlighted(bump):
    assert bump.colors["杭州"] == SELECTED_COLOR
    assert bump.lines["杭州"].zValue() > bump.lines["南京"].zValue()


def test_slope_colours_by_the_direction_of_the_move(qtbot):
    c = SlopeChart()
    qtbot.addWidget(c)
    c.set_data(["2023", "2024"], ["A", "B", "C"], {"A": [3, 1], "B": [1, 2], "C": [2, 2]})
    assert c.colors == {"A": UP_COLOR, "B": DOWN_COLOR, "C": SAME_COLOR}


def test_clicking_a_point_selects_its_city(bump, qtbot):
    pos = bump.vb.mapViewToScene(QPointF(2, 1))  # 2024, rank 1: 南京
    assert bump.unit_at(pos) == "南京"


def test_profile_bars_are_the_scores_per_edition(qtbot):
    c = EditionProfileChart()
    qtbot.addWidget(c)
    values = {"2023": [50.0, None, 70.0], "2024": [55.0, 60.0, 65.0]}
    c.set_data(["政策", "产业", "技术"], ["2023", "2024"], values, title="南京")
    heights = [list(b.opts["height"]) for b in c.bars]
    assert heights == [[50.0, 70.0], [55.0, 60.0, 65.0]]
    assert c.legend_labels() == ["2023", "2024"]


def test_export_png(bump, tmp_path):
    out = bump.export_png(tmp_path / "bump.png")
    assert out.stat().st_size > 1000
