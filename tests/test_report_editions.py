"""The report draft's words on editions (core.outputs.report_editions) from ranks written by hand: the TOP N's
movements in one sentence, a city's movement, the ranking table's 较上年 column, the mode in the methods, the
bump chart's data; and the bump figure itself (gui.charts.bump_figure) labels both ends, ties sharing a label."""

from types import SimpleNamespace

import pytest

from core.outputs.report_editions import (
    bump_params,
    change_text,
    city_sentence,
    from_trend,
    method_paragraph,
    top_sentence,
    with_change_column,
)
from tests.test_movements import EDITIONS, PRESENT, RANKS


@pytest.fixture
def er():
    tr = SimpleNamespace(editions=EDITIONS, units=tuple(RANKS), ranks=RANKS)
    return from_trend(tr, "base", PRESENT, top_n=4)


def test_top_sentence(er):
    # 2024's TOP 4: A 1st (5th in 2023, in the TOP 4 in 2022), E and F joint 2nd, B 4th (6th in 2023);
    # out of it: C (1st → 6th) and H (4th → no rank)
    assert top_sentence(er, "zh") == (
        "与上年相比，前 4 名中排名上升的有F（上升1位）；排名持平的有E；"
        "新进入前 4 名的有A（第1位，上升4位）和B（第4位，上升2位）；"
        "跌出前 4 名的有C（由第1位降至第6位）和H（上年第4位，本版未获排名）。")
    assert top_sentence(er, "en") == (
        "Since 2023, among the TOP 4: F (+1) rose; E kept the same rank; A (1st, up 4) and B (4th, up 2) entered "
        "the TOP 4; C (from 1st to 6th) and H (4th in 2023, no rank now) dropped out of it.")


def test_nothing_moved():
    tr = SimpleNamespace(editions=("2023", "2024"), units=("X", "Y"),
                         ranks={"X": {"2023": 1, "2024": 1}, "Y": {"2023": 2, "2024": 2}})
    assert top_sentence(from_trend(tr, "each", None, 10), "zh") == "与上年相比，前 10 名的名次均未变化。"


def test_city_sentences(er):
    assert city_sentence(er, "A", "zh") == "A较上年上升4位（由第5位升至第1位），重返前四。"
    assert city_sentence(er, "F", "zh") == "F较上年上升1位（由第3位升至并列第2位）。"
    assert city_sentence(er, "D", "zh") == "D新参评。"
    assert city_sentence(er, "A", "en") == "A rises 4 places since 2023 (from 5th to 1st), and returns to the top 4."


def test_change_column(er):
    units = list(RANKS)
    header = ["排名", "城市", "综合得分", "维度一", "维度二"]
    rows = [[RANKS[u]["2024"], u, "1.0", "2.0", "3.0"] for u in units]
    widths = [1.2, 2.2, 1.8, 5.4, 5.4]
    head, body, w = with_change_column(er, header, rows, units, widths, "zh")
    assert head == ["排名", "城市", "综合得分", "较上年", "维度一", "维度二"]
    assert {row[1]: row[3] for row in body} == {"A": "+4", "E": "0", "F": "+1", "B": "+2", "D": "新", "C": "−5",
                                                "I": "—", "H": "—", "G": "—"}
    assert sum(w) == pytest.approx(sum(widths)) and w[3] == pytest.approx(1.4)
    assert change_text(None, "en") == "—"


def test_method_paragraph_and_bump_params(er):
    text = method_paragraph(er, "zh")
    assert text.startswith("本报告共评价 3 个版次（2022、2023、2024）") and "以首版为基准标准化" in text
    assert "以第一版（2022）的标准化参数作为固定基准" in text
    p = bump_params(er, 4)
    assert p["editions"] == ["2022", "2023", "2024"]
    assert p["series"] == [("A", [1, 5, 1]), ("E", [3, 2, 2]), ("F", [4, 3, 2]), ("B", [5, 6, 4])]


def test_bump_figure_labels_both_ends(qapp):
    from gui.charts.bump_figure import BumpFigure

    c = BumpFigure()
    try:
        c.set_data(["2022", "2023", "2024"], [("北京", [1, 1, 1]), ("深圳", [2, 3, 2]), ("上海", [3, 2, 2]),
                                              ("广州", [None, 4, 4])], "", "排名")
        assert sorted(c.label_texts()) == sorted([("left", "北京"), ("right", "北京"), ("left", "深圳"),
                                                  ("left", "上海"), ("right", "深圳、上海"), ("left", "广州"),
                                                  ("right", "广州")])
        xs, ys = c.lines["深圳"].getData()
        assert list(xs) == [0, 1, 2] and list(ys) == [2, 3, 2]
        assert c.vb.yInverted()  # rank 1 at the top
    finally:
        c.deleteLater()


def test_moves_within_the_uncertainty_are_not_called_moves():
    """With the Monte Carlo's verdict (core.analysis.trend_uncertainty): F's and C's changes lie within the two
    ranks' intervals, A's does not; E did not move (a change of 0 is never called anything)."""
    tr = SimpleNamespace(editions=EDITIONS, units=tuple(RANKS), ranks=RANKS)
    er = from_trend(tr, "each", PRESENT, 4, real={"F": False, "A": True, "C": False, "E": False}, runs=200)
    assert city_sentence(er, "F", "zh") == ("F较上年上升1位（由第3位升至并列第2位）。"
                                            "这一变化在两版排名的 5%–95% 区间之内，不能视为实质变化。")
    assert city_sentence(er, "A", "zh") == "A较上年上升4位（由第5位升至第1位），重返前四。"
    assert city_sentence(er, "E", "zh") == "E与上年排名持平（并列第2位）。"
    assert top_sentence(er, "zh").endswith("。其中F和C的名次变化在两版排名的 5%–95% 区间之内（200 次权重扰动模拟），"
                                           "不视为实质变化。")
    assert top_sentence(er, "en").endswith(". The changes of F and C lie within the 5–95 % intervals of the two "
                                           "ranks (200 runs with perturbed weights) and are not counted as real moves.")
