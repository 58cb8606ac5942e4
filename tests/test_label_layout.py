"""Scatter labels placed so that names do not collide: the greedy layout on hand-built point sets,
and the results workbook's native scatter chart read back from the written file.

Label boxes are recomputed here with the test's own estimate (a CJK character one font size wide,
any other 0.55 of it, 1.5 pt padding, line height 1.2 font sizes, 2 pt from the marker's edge), so
an overlap is judged independently of the module's arithmetic."""

import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

import numpy as np
import openpyxl
import pytest

from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.outputs import results_workbook as rw
from core.outputs.label_layout import place_labels, to_plot_points
from core.pipeline.run import compute

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
PAD, GAP, LINE = 1.5, 2.0, 1.2


def box(x, y, text, pos, font, marker):
    """The test's own label box (x0, y0, x1, y1), y upwards."""
    w = sum(font if unicodedata.east_asian_width(c) in "WF" else 0.55 * font for c in text) + 2 * PAD
    h = LINE * font + 2 * PAD
    d = marker / 2 + GAP
    return {"right": (x + d, y - h / 2, x + d + w, y + h / 2),
            "left": (x - d - w, y - h / 2, x - d, y + h / 2),
            "above": (x - w / 2, y + d, x + w / 2, y + d + h),
            "below": (x - w / 2, y - d - h, x + w / 2, y - d)}[pos]


def clash(a, b):
    return min(a[2], b[2]) - max(a[0], b[0]) > 1e-9 and min(a[3], b[3]) - max(a[1], b[1]) > 1e-9


def marker_box(x, y, s):
    return (x - s / 2, y - s / 2, x + s / 2, y + s / 2)


def check_no_collision(pts, sizes, labels, positions, font, plot):
    """No two placed labels overlap, none covers another point's marker, all lie in the plot."""
    boxes = []
    for (i, text), pos in zip(labels, positions, strict=True):
        if pos is None:
            continue
        b = box(*pts[i], text, pos, font, sizes[i])
        assert -1e-9 <= b[0] and b[2] <= plot[0] + 1e-9 and -1e-9 <= b[1] and b[3] <= plot[1] + 1e-9, text
        for j, (p, s) in enumerate(zip(pts, sizes, strict=True)):
            assert j == i or not clash(b, marker_box(*p, s)), (text, j)
        boxes.append((text, b))
    for k, (ta, a) in enumerate(boxes):
        for tb, b in boxes[k + 1:]:
            assert not clash(a, b), (ta, tb)


def test_two_points_close_side_by_side():
    """北京 at (100, 100), 上海 10 pt to its right: 北京's label on the right (starting 5.5 pt from its
    centre) would cover 上海's 7-pt marker (106.5 … 113.5), so 北京 goes left; 上海's stays right."""
    pts = np.array([[100.0, 100.0], [110.0, 100.0]])
    labels = [(0, "北京"), (1, "上海")]
    got = place_labels(pts, [7, 7], labels, (400, 300), font_size=9)
    assert [p.position for p in got] == ["left", "right"]
    check_no_collision(pts, [7, 7], labels, [p.position for p in got], 9, (400, 300))
    # the returned boxes are the ones the test computes for those positions
    for p, (i, text) in zip(got, labels, strict=True):
        assert p.box == pytest.approx(box(*pts[i], text, p.position, 9, 7))


def test_two_points_stacked_closely():
    """苏州 8 pt above 成都: the lower-ranked label cannot also go right (the boxes, 13.8 pt high,
    would overlap by 5.8 pt), so it takes the next free side."""
    pts = np.array([[200.0, 100.0], [200.0, 108.0]])
    labels = [(0, "成都"), (1, "苏州")]
    got = [p.position for p in place_labels(pts, [7, 7], labels, (400, 300))]
    assert got[0] == "right" and got[1] in ("left", "above")
    check_no_collision(pts, [7, 7], labels, got, 9, (400, 300))


def test_old_all_right_layout_collides_on_these_points():
    """The check itself can fail: all labels right, as before, collide on the stacked pair."""
    pts = np.array([[200.0, 100.0], [200.0, 108.0]])
    with pytest.raises(AssertionError):
        check_no_collision(pts, [7, 7], [(0, "成都"), (1, "苏州")], ["right", "right"], 9, (400, 300))


def test_dense_cluster_drops_some_labels_and_nothing_overlaps():
    rng = np.random.default_rng(7)
    pts = np.vstack([rng.uniform(190, 210, size=(25, 2)), rng.uniform(0, 400, size=(30, 2))])
    sizes = [7] * 25 + [5] * 30
    labels = [(i, name) for i, name in enumerate(["哈尔滨", "乌鲁木齐", "呼和浩特", "石家庄", "北京"] * 5)]
    got = place_labels(pts, sizes, labels, (400, 300))
    positions = [p.position for p in got]
    assert positions.count(None) > 0  # 25 names cannot fit around a 20-pt square
    assert positions.count(None) < len(labels)
    check_no_collision(pts, sizes, labels, positions, 9, (400, 300))


def test_labels_stay_inside_the_plot():
    """A point at the right edge is labelled on its left; near the top-left corner, right; a label
    wider than the plot is dropped."""
    pts = np.array([[398.0, 150.0], [2.0, 290.0], [200.0, 20.0]])
    got = place_labels(pts, [7, 7, 7], [(0, "乌鲁木齐"), (1, "Hohhot"), (2, "长" * 60)], (400, 300))
    assert [p.position for p in got] == ["left", "right", None]


def test_a_point_without_a_position_gets_no_label_and_blocks_nothing():
    pts = np.array([[100.0, 100.0], [np.nan, 100.0], [110.0, 100.0]])
    got = place_labels(pts, [7, 7, 7], [(0, "北京"), (1, "上海")], (400, 300))
    assert [p.position for p in got] == ["left", None]


def test_data_to_points():
    xy = np.array([[0, 0], [100, 50], [50, 25]])
    got = to_plot_points(xy, (0, 100), (0, 50), (500, 200))
    assert got.tolist() == [[0, 0], [500, 200], [250, 100]]


# --- the workbook's chart ------------------------------------------------------------------------
def cell_value(wb, ref):
    sheet, col, row = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+)", ref).groups()
    return wb[sheet][f"{col}{row}"].value


def scatter_series(path):
    """The scatter chart of the written workbook: each series' (name, x, y, marker size, position)
    with its data-label font size, the plot area's manual layout and the axes' ranges."""
    with zipfile.ZipFile(path) as z:
        xml = [ET.fromstring(z.read(n)) for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    (chart,) = [c for c in xml if c.find(f".//{C}scatterChart") is not None]
    wb = openpyxl.load_workbook(path)
    series = []
    for ser in chart.iter(f"{C}ser"):
        xs = ser.find(f"{C}xVal//{C}f").text
        if ":" in xs:  # the unlabelled others: one series over a range of rows, read below
            continue
        name_ref = ser.find(f"{C}tx//{C}f")
        name = cell_value(wb, name_ref.text) if name_ref is not None else None
        ys = ser.find(f"{C}yVal//{C}f").text
        dl = ser.find(f"{C}dLbls")
        pos, font = None, None
        if dl is not None and dl.find(f"{C}showSerName") is not None:
            lp = dl.find(f"{C}dLblPos")
            pos = "r" if lp is None else lp.get("val")  # right is a scatter's default: left out of the XML
            sz = dl.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}defRPr")
            font = int(sz.get("sz")) / 100 if sz is not None and sz.get("sz") else 9.0
        size = float(ser.find(f"{C}marker/{C}size").get("val"))
        series.append((name, float(cell_value(wb, xs)), float(cell_value(wb, ys)), size, pos, font))
    others = [s for s in chart.iter(f"{C}ser") if ":" in s.find(f"{C}xVal//{C}f").text]
    rest = []
    for s in others:
        xs, ys = s.find(f"{C}xVal//{C}f").text, s.find(f"{C}yVal//{C}f").text
        size = float(s.find(f"{C}marker/{C}size").get("val"))
        sheet, c1, r1, _, r2 = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", xs).groups()
        cy = re.search(r"!\$([A-Z]+)\$", ys).group(1)
        for row in range(int(r1), int(r2) + 1):
            rest.append((float(wb[sheet][f"{c1}{row}"].value), float(wb[sheet][f"{cy}{row}"].value), size))
    layout = chart.find(f".//{C}plotArea/{C}layout/{C}manualLayout")
    frac = None if layout is None else {k: float(layout.find(f"{C}{k}").get("val")) for k in ("x", "y", "w", "h")}
    ranges = {ax.find(f"{C}axPos").get("val"): (float(ax.find(f"{C}scaling/{C}min").get("val")),
                                                float(ax.find(f"{C}scaling/{C}max").get("val")))
              for ax in chart.findall(f".//{C}valAx")}
    return series, rest, frac, ranges


@pytest.fixture(scope="module")
def sample_book(tmp_path_factory):
    project, problems = load(SAMPLE_WORKBOOK)
    assert project is not None and not problems.has_errors
    path = tmp_path_factory.mktemp("scatter") / "results.xlsx"
    rw.write_results(compute(project), path, top_n=10, data=project.data)
    return path


def test_workbook_scatter_labels_do_not_collide(sample_book):
    series, rest, frac, ranges = scatter_series(sample_book)
    assert len(series) == 10 and len(rest) == 40
    positions = [s[4] for s in series]
    assert set(positions) - {None} <= {"r", "l", "t", "b"}
    assert any(p not in ("r", None) for p in positions), positions  # not every label on the right
    assert positions.count(None) <= 2  # the sample's TOP 10 are not so crowded that many vanish
    assert frac is not None  # the plot area is laid out explicitly, so its size is known
    # the plot area in points, from the chart's declared size and the written layout
    w_cm, h_cm = rw.SCATTER_SIZE_CM
    plot = (w_cm / 2.54 * 72 * frac["w"], h_cm / 2.54 * 72 * frac["h"])
    (x0, x1), (y0, y1) = ranges["b"], ranges["l"]  # the axis at the bottom is x
    assert (x0, x1, y0, y1) == (0, 100, 0, 100)

    def pt(x, y):
        return ((x - x0) / (x1 - x0) * plot[0], (y - y0) / (y1 - y0) * plot[1])

    pts = [pt(s[1], s[2]) for s in series] + [pt(x, y) for x, y, _ in rest]
    sizes = [s[3] for s in series] + [s for _, _, s in rest]
    word = {"r": "right", "l": "left", "t": "above", "b": "below", None: None}
    labels = [(i, s[0]) for i, s in enumerate(series)]
    check_no_collision(pts, sizes, labels, [word[p] for p in positions], series[0][5], plot)
    # the pair that sits closest on the sample (苏州 and 成都, under 2 points apart on both scales)
    names = [s[0] for s in series]
    if "苏州" in names and "成都" in names:
        a, b = names.index("苏州"), names.index("成都")
        assert positions[a] != positions[b] or positions[a] is None


def test_axis_range_off_the_scale_is_written_on_round_steps():
    """Scores off the 0 … scale range (z-scores, say) get an explicit axis range on round steps, so
    the layout knows where points land: a fifth of the spread rounded up to 1, 2 or 5 × 10^k."""
    assert rw._nice_range(np.array([3.2, 47.9, np.nan])) == (0, 50)  # spread 44.7 → step 10
    assert rw._nice_range(np.array([-1.3, 2.2])) == (-2, 3)  # spread 3.5 → step 1
    assert rw._nice_range(np.array([0.41, 0.43])) == pytest.approx((0.41, 0.43))  # step 0.005
