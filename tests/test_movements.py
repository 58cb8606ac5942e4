"""How a unit moved between editions and the words that say it (core.outputs.movements), on ranks written by hand:
moves up and down, ties (the engine's min ranks), entering the TOP N for the first time or again, dropping out,
units new in an edition, absent from it, or present without a rank."""

from types import SimpleNamespace

import pytest

from core.outputs.movements import classify, movement_words, movements, ordinal, reference

EDITIONS = ("2022", "2023", "2024")
# ranks as the engine gives them: ties share the best rank (2, 2, then 4); None = no rank or absent
RANKS = {
    "A": {"2022": 1, "2023": 5, "2024": 1},
    "E": {"2022": 3, "2023": 2, "2024": 2},
    "F": {"2022": 4, "2023": 3, "2024": 2},
    "B": {"2022": 5, "2023": 6, "2024": 4},
    "D": {"2022": None, "2023": None, "2024": 5},
    "C": {"2022": 2, "2023": 1, "2024": 6},
    "I": {"2022": 8, "2023": None, "2024": 7},
    "H": {"2022": 6, "2023": 4, "2024": None},
    "G": {"2022": 7, "2023": 7, "2024": None},
}
PRESENT = {"2022": set(RANKS) - {"D"}, "2023": set(RANKS) - {"D"}, "2024": set(RANKS) - {"G"}}


def trend():
    return SimpleNamespace(editions=EDITIONS, units=tuple(RANKS), ranks=RANKS)


@pytest.fixture
def moves():
    return movements(trend(), top_n=4, present=PRESENT)


def test_change_is_previous_minus_current_and_kinds(moves):
    expected = {  # unit: (previous, current, change, kind, top) worked out from the table above
        "A": (5, 1, 4, "up", "enter_again"),  # in the TOP 4 in 2022: returns
        "E": (2, 2, 0, "same", ""),
        "F": (3, 2, 1, "up", ""),
        "B": (6, 4, 2, "up", "enter_first"),  # 5th in 2022, 6th in 2023: never in the TOP 4 before
        "D": (None, 5, None, "new", ""),
        "C": (1, 6, -5, "down", "leave"),
        "I": (None, 7, None, "unranked_before", ""),
        "H": (4, None, None, "unranked_now", "leave"),
        "G": (7, None, None, "gone", ""),
    }
    got = {u: (m.previous, m.current, m.change, m.kind, m.top) for u, m in moves.items()}
    assert got == expected
    assert list(moves) == list(RANKS)


def test_ties(moves):
    assert moves["E"].tied_now and moves["F"].tied_now  # both 2nd in 2024
    assert not moves["F"].tied_before and not moves["A"].tied_now
    assert movement_words(moves["F"], "zh", 4, detail=True) == "较上年上升1位（由第3位升至并列第2位）"
    assert movement_words(moves["E"], "zh", 4, detail=True) == "与上年排名持平（并列第2位）"
    assert movement_words(moves["F"], "en", 4, detail=True) == "rises 1 place since 2023 (from 3rd to joint 2nd)"
    # a tie at the edge of the TOP N is in it
    assert classify(12, 10, top_n=10) == ("up", "enter_first")


def test_chinese_words(moves):
    words = {u: movement_words(m, "zh", 4) for u, m in moves.items()}
    assert words == {
        "A": "较上年上升4位，重返前四",
        "E": "与上年排名持平",
        "F": "较上年上升1位",
        "B": "较上年上升2位，首次进入前四",
        "D": "新参评",
        "C": "较上年下降5位，跌出前四",
        "I": "上年未获排名",
        "H": "本版未获排名，跌出前四",
        "G": "本版未参评",
    }


def test_english_words(moves):
    assert movement_words(moves["A"], "en", 4) == "rises 4 places since 2023, and returns to the top 4"
    assert movement_words(moves["B"], "en", 4) == "rises 2 places since 2023, and enters the top 4 for the first time"
    assert movement_words(moves["C"], "en", 4, detail=True) == ("falls 5 places since 2023 (from 1st to 6th), "
                                                                "and drops out of the top 4")
    assert movement_words(moves["D"], "en", 4) == "new this edition"


def test_top_ten_and_other_pairs():
    t = trend()
    m = movements(t, frm="2022", to="2024", top_n=10, present=PRESENT)
    assert m["C"].change == 2 - 6 and m["C"].top == ""  # 6th is still in the TOP 10
    assert movement_words(m["C"], "zh", 10) == "较2022年下降4位"
    assert movement_words(m["G"], "zh", 10) == "本版未参评"
    # a unit new this edition that lands in the TOP 10
    assert classify(None, 3, present_before=False, top_n=10) == ("new", "enter_first")
    new = movements(SimpleNamespace(editions=("2023", "2024"), units=("X", "Y"),
                                    ranks={"X": {"2023": None, "2024": 1}, "Y": {"2023": 1, "2024": 2}}))
    assert movement_words(new["X"], "zh") == "新参评，首次进入前十"
    assert movement_words(new["Y"], "zh") == "较上年下降1位"


def test_first_edition_and_absence_without_present():
    m = movements(trend(), to="2022", top_n=4)
    assert all(x.kind == "first" and x.frm is None for x in m.values())
    assert movement_words(m["A"], "zh") == ""
    # without `present`, a unit without a rank counts as absent: I (no rank in 2023) is new in 2024
    assert movements(trend(), top_n=4)["I"].kind == "new"
    assert classify(None, None) == ("none", "")
    assert classify(3, None, present_now=False) == ("gone", "")  # absence is not "dropping out"


def test_reference_and_ordinals():
    assert reference("2023", "2024") == "上年"
    assert reference("2021", "2024") == "2021年"
    assert reference("一期", "二期") == "一期"
    assert reference("2023", "2024", "en") == "2023"
    assert [ordinal(k) for k in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]
    with pytest.raises(KeyError):
        movements(trend(), frm="1999")
