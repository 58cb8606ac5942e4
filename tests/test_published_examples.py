"""Published worked examples, reproduced at the precision they were published with, through the
node aggregators the engine uses (the children's values in, the node's scores out).

What was found and read (the sources are cited per test; the Tennessee Copeland/Kemeny example
and a TOPSIS normalisation step are in test_methods_published.py):
- TOPSIS: Papathanasiou & Ploskas (2018), facility location example.
- Grey relational analysis: Yıldırım & Önder (eds., 2015), the GRA example.
- Rank-sum ratio: no stored source prints a published RSR table. The classic 10-area maternal care
  data were read (inputs only) in the R package RSR/easyRSR (C. Fan), whose docs cite 孙振球 & 徐勇勇,
  《医学统计学》 4th ed., 2014, p. 419; the test below runs the engine on those inputs against a HAND
  computation (working in its comments), not against the book's table, which was not found.
- Benefit of the doubt: the OECD/JRC Handbook 2008's Table 19 (BoD on the TAI, each indicator 10–15 %
  of the total weight) is reproduced from its Table A.2 data in test_published_bod.py: 19 of 23
  scores at 2 decimals, the other four within 0.007, explained by the 2-decimal logs of Table A.2.
- AHP random indices: no stored source prints Saaty's 2005 or Donegan & Dodd's 1991 table (both
  came from AHPy's code); Saaty 2005 is checked against an independent simulation instead.
"""

import numpy as np

from core.pipeline.aggregate import AGGREGATORS
from core.pipeline.aggregate_matrix import DEFAULT_PARAMS, NodeContext


def aggregate(method, X, w, **params):
    """The node's scores / scale (0–1) for children's values X (units × children), weights w."""
    present = np.ones(X.shape, bool)
    W = present * w
    ctx = NodeContext(present, np.asarray(w, float), dict(DEFAULT_PARAMS, **params), np.arange(len(X)),
                      [f"c{j}" for j in range(X.shape[1])], "n", {})
    return AGGREGATORS[method](X, W, W.sum(axis=1), ctx) / DEFAULT_PARAMS["scale"]


def test_topsis_papathanasiou_ploskas_2018_facility_location():
    # J. Papathanasiou & N. Ploskas (2018), Multiple Criteria Decision Aid: Methods, Examples and
    # Python Implementations, Springer, ch. 1 "TOPSIS", the facility-location example: six sites
    # on four benefit criteria, weights 0.4 / 0.3 / 0.1 / 0.2, vector normalisation. Published
    # relative closeness (3 decimals): 0.387, 0.327, 0.391, 0.615, 0.868, 0.493 — read as
    # reproduced by the test of the distance_metrics_mcda package (Test_TOPSIS), which cites the
    # book; site 5 first, site 2 last.
    X = np.array([[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4],
                  [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]], dtype=float)
    c = aggregate("topsis", X, np.array([0.4, 0.3, 0.1, 0.2]), topsis_normalization="vector")
    assert list(np.round(c, 3)) == [0.387, 0.327, 0.391, 0.615, 0.868, 0.493]


def test_grey_relational_analysis_yildirim_onder_2015():
    # B. F. Yıldırım & E. Önder (eds., 2015), İşletmeciler, Mühendisler ve Yöneticiler için …
    # Çok Kriterli Karar Verme Yöntemleri, Dora, 2nd ed., the grey relational analysis example:
    # five alternatives on six criteria (K1 cost, K2 benefit, K3 cost, K4 benefit, K5 benefit,
    # K6 cost), weights .05 .20 .10 .15 .10 .40, ζ = 0.5. The criteria are min-max normalised
    # with their direction (what the engine does at the indicators), the reference series is the
    # best value (1) of each column, Δmin / Δmax over the whole matrix. Published grades, read as
    # reproduced in JMcDM's grey() documentation and test (which cite the book; compared there at
    # 1e-4): 0.525, 0.7007, 0.5464, 0.5763, 0.6510 — alternative 2 best.
    raw = np.array([[105000.0, 105, 10, 4, 300, 10],
                    [120000.0, 110, 15, 4, 500, 8],
                    [150000.0, 120, 12, 3, 550, 12],
                    [115000.0, 105, 20, 4, 600, 9],
                    [135000.0, 115, 15, 5, 400, 9]])
    benefit = np.array([False, True, False, True, True, False])
    lo, hi = raw.min(axis=0), raw.max(axis=0)
    X = np.where(benefit, raw - lo, hi - raw) / (hi - lo) * 100  # the node's children on 0–100
    g = aggregate("grey", X, np.array([0.05, 0.20, 0.10, 0.15, 0.10, 0.40]), grey_rho=0.5)
    assert list(np.round(g, 4)) == [0.525, 0.7007, 0.5464, 0.5763, 0.651]
    assert int(np.argmax(g)) == 1


def test_rsr_on_the_textbook_maternal_care_inputs_against_a_hand_computation():
    # NOT a published result (see the module docstring): the inputs are the 10 areas' antenatal
    # examination rate (%, higher better), maternal mortality and perinatal mortality (lower
    # better) as printed in the RSR R package's docs and test, which cite 孙振球 & 徐勇勇 (2014),
    # 《医学统计学》 p. 419. They are min-max normalised with their direction, as the engine does at
    # the indicators; ranks are unchanged by that. Integer ranks, best = 10, by hand:
    #   antenatal   A10 B7 C9 D3 E2 F5 G6 H8 I4 J1   (84.80 lowest … 99.54 highest)
    #   maternal    A2 B3 C7 D4 E8 F6 G5 H9 I10 J1   (81.49 worst … 22.91 best)
    #   perinatal   A6 B2 C7 D5 E8 F9 G4 H10 I3 J1   (23.63 worst … 13.89 best)
    # Equal weights: RSR = ΣR / (3 · 10) → A 18, B 12, C 23, D 12, E 18, F 20, G 15, H 27, I 17, J 3
    # (over 30); H first, J last, A = E and B = D tie.
    raw = np.array([[99.54, 60.27, 16.15], [96.52, 59.67, 20.10], [99.36, 43.91, 15.60],
                    [92.83, 58.99, 17.04], [91.71, 35.40, 15.01], [95.35, 44.71, 13.93],
                    [96.09, 49.81, 17.43], [99.27, 31.69, 13.89], [94.76, 22.91, 19.87],
                    [84.80, 81.49, 23.63]])
    benefit = np.array([True, False, False])
    lo, hi = raw.min(axis=0), raw.max(axis=0)
    X = np.where(benefit, raw - lo, hi - raw) / (hi - lo) * 100
    r = aggregate("rsr", X, np.full(3, 1 / 3))
    assert np.allclose(r * 30, [18, 12, 23, 12, 18, 20, 15, 27, 17, 3])
    assert list(np.round(r, 3)) == [0.6, 0.4, 0.767, 0.4, 0.6, 0.667, 0.5, 0.9, 0.567, 0.1]


def test_saaty2005_random_indices_agree_with_an_independent_simulation():
    # No stored source prints Saaty (2005, p. 31)'s table; ours was taken from AHPy's code. An
    # independent estimate: the R package ahpsurvey's RI vector (ahp_cr.R, also in its vignette),
    # the mean CI of 500,000 random reciprocal matrices on the 1/9 … 9 scale per n (its ahp.ri).
    # Saaty's 2005 figures were estimated the same way, so at two decimals they should agree
    # within sampling and rounding error: they do, within 0.01 for n = 3 … 15.
    from core.weighting.ahp import RI_TABLES

    simulated = [0.5251686, 0.8836651, 1.1081014, 1.2492774, 1.3415514, 1.4048466, 1.4507197,
                 1.4857266, 1.5141022, 1.5356638, 1.5545925, 1.5703498, 1.5839958]
    table = RI_TABLES["saaty2005"]
    assert all(abs(table[n] - ri) <= 0.0101 for n, ri in zip(range(3, 16), simulated))
