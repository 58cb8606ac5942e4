"""core.analysis.summary against hand computations and against the result's own scores."""

import math

import numpy as np
import pytest

from core.analysis.summary import node_correlation, node_ranking, pair_correlation, profile
from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.pipeline.run import compute


def pearson_by_hand(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def ranks_by_hand(v):
    """Average ranks (ties share the mean of their positions), 1-based."""
    out = []
    for a in v:
        below = sum(1 for b in v if b < a)
        equal = sum(1 for b in v if b == a)
        out.append(below + (equal + 1) / 2)
    return out


@pytest.fixture(scope="module")
def result():
    project, problems = load(SAMPLE_WORKBOOK)
    assert project is not None and not problems.has_errors
    return compute(project)


def test_pair_correlation_by_hand():
    x, y = [1, 2, 3, 4], [2, 4, 5, 4]
    c = pair_correlation(x, y)
    # by hand: means 2.5 and 3.75; Sxy = 3.5, Sxx = 5, Syy = 4.75 -> r = 3.5 / sqrt(23.75)
    assert c["pearson"] == pytest.approx(3.5 / math.sqrt(23.75))
    assert c["pearson"] == pytest.approx(pearson_by_hand(x, y))
    # ranks of y with the tie shared: 1, 2.5, 4, 2.5
    assert ranks_by_hand(y) == [1, 2.5, 4, 2.5]
    assert c["spearman"] == pytest.approx(pearson_by_hand(ranks_by_hand(x), ranks_by_hand(y)))
    assert c["n"] == 4


def test_pair_correlation_drops_pairs_with_a_missing_side():
    nan = float("nan")
    x = [1, 2, nan, 3, 4, 7]
    y = [2, 4, 9, 5, 4, nan]
    c = pair_correlation(x, y)
    assert c["n"] == 4
    assert c["pearson"] == pytest.approx(pearson_by_hand([1, 2, 3, 4], [2, 4, 5, 4]))
    assert c["spearman"] == pytest.approx(pearson_by_hand([1, 2, 3, 4], ranks_by_hand([2, 4, 5, 4])))


def test_pair_correlation_none_when_too_few_or_constant():
    assert pair_correlation([1, 2], [3, 4]) == {"pearson": None, "spearman": None, "n": 2}
    c = pair_correlation([1, 2, float("nan"), 4], [1, 2, 3, float("nan")])
    assert c["pearson"] is None and c["spearman"] is None and c["n"] == 2
    c = pair_correlation([5, 5, 5, 5], [1, 2, 3, 4])
    assert c["pearson"] is None and c["spearman"] is None and c["n"] == 4
    with pytest.raises(ValueError):
        pair_correlation([1, 2, 3], [1, 2])


def test_perfect_correlations():
    assert pair_correlation([1, 2, 3], [10, 20, 30])["pearson"] == pytest.approx(1)
    c = pair_correlation([1, 2, 3, 4], [1, 8, 27, 64])  # monotone, not linear
    assert c["spearman"] == pytest.approx(1) and c["pearson"] < 1


def test_node_correlation_is_pair_correlation_of_the_scores(result):
    s = result.scores
    c = node_correlation(result, "T", "A")
    assert c == pair_correlation(s["T"].to_numpy(), s["A"].to_numpy())
    ok = s["T"].notna() & s["A"].notna()
    assert c["n"] == int(ok.sum())
    assert c["pearson"] == pytest.approx(pearson_by_hand(list(s["T"][ok]), list(s["A"][ok])))


def test_profile_reads_the_result(result):
    s = result.scores
    fw = result.framework
    leader = result.ranking()[0]["unit"]
    p = profile(result, "上海")
    assert p["codes"] == list(fw.children[fw.root])
    assert p["names"] == [fw.nodes[c].name("zh") for c in p["codes"]]
    assert p["leader_unit"] == leader
    for j, c in enumerate(p["codes"]):
        assert p["unit"][j] == pytest.approx(s.loc["上海", c])
        assert p["leader"][j] == pytest.approx(s.loc[leader, c])
        assert p["average"][j] == pytest.approx(s[c].mean(skipna=True))
    assert profile(result, "上海", lang="en")["names"] == [fw.nodes[c].name("en") for c in p["codes"]]


def test_profile_level_two_has_missing_as_none(result):
    s = result.scores
    p = profile(result, "嘉兴", level=2)
    assert p["codes"] == [c for c in result.framework.preorder() if result.framework.level(c) == 2]
    for j, c in enumerate(p["codes"]):
        v = s.loc["嘉兴", c]
        if np.isnan(v):
            assert p["unit"][j] is None
        else:
            assert p["unit"][j] == pytest.approx(v)
        assert p["average"][j] == pytest.approx(s[c].mean(skipna=True))
    assert None in p["unit"]  # the sample has 嘉兴 without a T4 score


def test_profile_of_unknown_unit_is_empty(result):
    p = profile(result, "")
    assert p["unit"] == [None] * len(p["codes"])


def test_node_ranking_follows_node_ranks(result):
    rows = node_ranking(result, "T4")
    s = result.scores["T4"]
    ranks = result.node_ranks("T4")
    assert len(rows) == int(s.notna().sum())
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    for r in rows:
        assert r["rank"] == ranks[r["unit"]]
        assert r["score"] == pytest.approx(s[r["unit"]])
