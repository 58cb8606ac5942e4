"""Greedy placement of point labels on a scatter chart, so that names of nearby points do not collide.

A native Excel chart can put each series' data label only at one of a few fixed positions
(right, left, above, below, centre); it never moves a label out of another's way. With every label
"right", the names of two close cities are printed over each other or under a neighbour's marker
(佛山/贵阳 and 烟台/洛阳 on the sample). This module picks, for each labelled point in rank order,
the first of right, left, above, below whose estimated label box overlaps neither a label already
placed nor any other point's marker, and stays inside the plot area. When none fits the label is
dropped: the point keeps its marker (and its colour marks it as a TOP point) and the city stays
listed in the table beside the chart, whereas a label printed over another would make both names
unreadable, or hide a point, and be read as the wrong city. Higher-ranked points are placed first,
so a drop falls on the lower rank of a crowded pair.

Everything is in points (1/72 inch) in the plot area, y upwards; `to_plot_points` maps data values
there. Box sizes are estimates (the chart program does its own text layout): a CJK character is
about one font size wide, any other character about 0.55 of it, plus a small padding.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

POSITIONS = ("right", "left", "above", "below")
CJK_WIDTH = 1.0  # a full-width character is about one font size wide …
LATIN_WIDTH = 0.55  # … any other about this share of it
LINE_HEIGHT = 1.2  # a label's line height, in font sizes
PADDING = 1.5  # points around the text that the chart program leaves blank
GAP = 2.0  # points between a marker's edge and its label

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (points, y upwards)


@dataclass(frozen=True)
class Placement:
    """Where one label went: `position` is right/left/above/below, or None when it was dropped."""
    index: int
    position: str | None
    box: Box | None


def text_width(text: str, font_size: float) -> float:
    """Estimated width in points of one line of `text` at `font_size`."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in ("W", "F"))
    return font_size * (CJK_WIDTH * wide + LATIN_WIDTH * (len(text) - wide))


def label_box(x: float, y: float, text: str, position: str, font_size: float, marker_size: float) -> Box:
    """The box of the label of a point at (x, y) drawn at `position` beside its marker."""
    w = text_width(text, font_size) + 2 * PADDING
    h = LINE_HEIGHT * font_size + 2 * PADDING
    off = marker_size / 2 + GAP
    if position == "right":
        return x + off, y - h / 2, x + off + w, y + h / 2
    if position == "left":
        return x - off - w, y - h / 2, x - off, y + h / 2
    if position == "above":
        return x - w / 2, y + off, x + w / 2, y + off + h
    if position == "below":
        return x - w / 2, y - off - h, x + w / 2, y - off
    raise ValueError(f"unknown label position {position!r}")


def overlaps(a: Box, b: Box) -> bool:
    """Two boxes share some area (touching edges do not count)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def to_plot_points(xy: np.ndarray, x_range: tuple[float, float], y_range: tuple[float, float],
                   plot_size: tuple[float, float]) -> np.ndarray:
    """Data values (n × 2) as points in a plot area of `plot_size` (width, height) whose axes span
    `x_range` and `y_range`."""
    xy = np.asarray(xy, dtype=float)
    (x0, x1), (y0, y1), (w, h) = x_range, y_range, plot_size
    return np.column_stack([(xy[:, 0] - x0) / (x1 - x0) * w, (xy[:, 1] - y0) / (y1 - y0) * h])


def place_labels(points: np.ndarray, marker_sizes: Sequence[float], labels: Sequence[tuple[int, str]],
                 plot_size: tuple[float, float], font_size: float = 9.0,
                 positions: Sequence[str] = POSITIONS) -> list[Placement]:
    """Place `labels` ((point index, text) in rank order) beside `points` (n × 2, in points).

    `marker_sizes` gives each point's marker diameter (points); every point other than the label's
    own is an obstacle, points without a finite position are none and get no label.
    """
    pts = np.asarray(points, dtype=float)
    sizes = np.asarray(marker_sizes, dtype=float)
    w, h = plot_size
    markers = [(i, (x - s / 2, y - s / 2, x + s / 2, y + s / 2))
               for i, ((x, y), s) in enumerate(zip(pts, sizes, strict=True)) if np.isfinite(x) and np.isfinite(y)]
    placed: list[Box] = []
    out: list[Placement] = []
    for i, text in labels:
        x, y = pts[i]
        chosen: Placement = Placement(i, None, None)
        if np.isfinite(x) and np.isfinite(y):
            for pos in positions:
                box = label_box(x, y, text, pos, font_size, sizes[i])
                if box[0] < 0 or box[1] < 0 or box[2] > w or box[3] > h:
                    continue
                if any(overlaps(box, b) for b in placed):
                    continue
                if any(j != i and overlaps(box, m) for j, m in markers):
                    continue
                chosen = Placement(i, pos, box)
                placed.append(box)
                break
        out.append(chosen)
    return out
