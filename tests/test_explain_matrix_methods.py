"""`explain` (and the window's 为什么？ tab) at nodes aggregated by a method that compares the units
(topsis, grey, rsr, copeland, bod). It raised TypeError (a_rsr() missing 'ctx') for every such project:
the split called the matrix methods as if they were means. Now the score difference is split by
switching A's child values to B's against the node's actual matrix (core.analysis.matrix_contributions).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.analysis.contributions import explain_pair
from core.analysis.matrix_contributions import row_score
from core.files.loader import load
from core.files.paths import SAMPLE_WORKBOOK
from core.pipeline.run import compute

METHODS = ("topsis", "grey", "rsr", "copeland", "bod")


@pytest.fixture(scope="module")
def sample():
    project, _ = load(SAMPLE_WORKBOOK)
    return project


def result_with(project, method, **settings):
    from dataclasses import replace
    return compute(replace(project, settings=project.settings.with_(aggregation=method, **settings)))


@pytest.mark.parametrize("method", METHODS)
def test_the_split_sums_to_the_difference_at_every_level(sample, method):
    r = result_with(sample, method)
    for a, b in (("常州", "无锡"), ("北京", "深圳"), ("南宁", "大连")):  # 大连 and 南宁 have missing values
        for node in ("AICI", "T", "P2"):
            e = explain_pair(r, a, b, node)
            assert sum(e["children"].values()) == pytest.approx(e["difference"], abs=1e-9)
            assert sum(e["indicators"].values()) == pytest.approx(e["difference"], abs=1e-9)
            assert e["method"][node].startswith("symmetric sequential replacement against")


@pytest.mark.parametrize("method", METHODS)
def test_a_units_own_row_scores_what_the_engine_gave_it(sample, method):
    # the end points of the walk: f(x_A) = S_A for every unit, so the split starts and ends right
    extra = {"topsis_normalization": "minmax"} if method == "topsis" else {}
    r = result_with(sample, method, **extra)
    plan, S = r.plan, r.scores_array
    for node, kids, _m in plan.steps:
        rows = np.flatnonzero(~np.isnan(S[:, node]))
        M = S[np.ix_(rows, kids)]
        f = row_score(method, M, plan.weight_vector(r.local)[kids], plan.params, 0, 1)
        got = np.array([f(M[k].copy()) for k in range(len(rows))])
        assert got == pytest.approx(S[rows, node], abs=1e-7)


def test_rsr_split_is_the_weighted_rank_difference_by_hand(sample):
    # complete data at P1 (P11, P12): RSR is additive, c_j = S · w_j · (R_Aj − R_Bj) / n with average ranks
    r = result_with(sample, "rsr")
    kids = list(r.framework.children["P1"])
    vals = r.scores[kids].dropna()
    ranks = vals.rank(method="average")
    n = len(vals)
    w = pd.Series({k: r.local[k] for k in kids})
    expected = {k: 100.0 * w[k] / w.sum() * (ranks.loc["杭州", k] - ranks.loc["苏州", k]) / n for k in kids}
    e = explain_pair(r, "杭州", "苏州", "P1")
    assert e["children"] == pytest.approx(expected, abs=1e-9)


def test_the_why_tab_of_an_rsr_project_shows_the_split(sample_window, tmp_path, qtbot):
    import openpyxl
    wb = openpyxl.load_workbook(SAMPLE_WORKBOOK)
    ws = wb["设置"]
    row = next(i for i in range(1, ws.max_row + 1) if ws.cell(i, 1).value == "aggregation")
    ws.cell(row, 2, "rsr")
    wb.save(tmp_path / "rsr.xlsx")
    w = sample_window
    assert w.open_path(tmp_path / "rsr.xlsx", background=False)
    w.charts.tabs.setCurrentWidget(w.why)  # raised TypeError in showEvent before
    qtbot.waitUntil(lambda: w.why.isVisible(), timeout=5000)
    ex = w.why.last_explain
    assert ex is not None and sum(ex["children"].values()) == pytest.approx(ex["difference"], abs=1e-9)
    assert set(ex["children"]) == {"P", "I", "T", "A", "E"}


def test_two_tied_units_draw_zeros_not_rounding_noise(sample_window, tmp_path, qtbot):
    # under BoD at every node many units score exactly the scale: their difference is 0 up to ±1e-14,
    # which the waterfall drew as "-0.00" bars on an axis of ±1e-10
    import openpyxl
    wb = openpyxl.load_workbook(SAMPLE_WORKBOOK)
    ws = wb["设置"]
    row = next(i for i in range(1, ws.max_row + 1) if ws.cell(i, 1).value == "aggregation")
    ws.cell(row, 2, "bod")
    wb.save(tmp_path / "bod.xlsx")
    w = sample_window
    assert w.open_path(tmp_path / "bod.xlsx", background=False)
    w.charts.tabs.setCurrentWidget(w.why)
    r = w.controller.result
    tied = [u for u, s in r.scores["AICI"].items() if s == 100.0][:2]
    assert len(tied) == 2
    for combo, unit in zip((w.why.unit_a, w.why.unit_b), tied):
        i = combo.findData(unit)
        combo.setCurrentIndex(i)
        combo.activated.emit(i)
    assert w.why.last_explain["units"] == tied
    texts = [t.toPlainText() for t in w.why.chart.texts]
    assert texts and set(texts) == {"0.00"}
    lo, hi = w.why.chart.vb.viewRange()[0]
    assert hi - lo >= 0.1
