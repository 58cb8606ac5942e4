"""Benefit of the doubt against a published worked example: the OECD/JRC Handbook's Table 19.

Source: OECD & JRC (M. Nardo, M. Saisana, A. Saltelli, S. Tarantola, A. Hoffman, E. Giovannini),
*Handbook on Constructing Composite Indicators: Methodology and User Guide*, OECD 2008,
ISBN 978-92-64-04345-9 — read in a stored full-text copy of the book:
- §6.3 "Benefit of the doubt approach (BOD)", pp. 92–93, eq. (22): CI_c = max_w Σ_q I_qc w_qc
  subject to Σ_q I_qk w_qc ≤ 1 for every country k and w ≥ 0, where I_qc is "the normalised (with
  the max-min method) score" of indicator q for country c;
- endnote 29 (p. 157): "In our example we imposed the requirement that each individual indicator
  should take at least 10% and no more than 15% of the total weight";
- Table 19 "Benefit of the doubt (BOD) approach applied to TAI" (p. 94): for the 23 countries of
  the Technology Achievement Index case study, eight weight columns and the composite indicator to
  2 decimals;
- Table A.2 (pp. 152–153): the raw data of the eight TAI indicators (patents, royalties, Internet
  hosts, high-tech exports, telephones (log), electricity (log), schooling, university), of which
  "the first 23 countries are used as case study in the Handbook".

That is our `bod` exactly: the node's children are the min-max normalised indicators (the engine's
default normalisation, minmax_low 0, so y = (x − min) / (max − min) over the 23 countries), and
"at least 10 % and no more than 15 % of the total weight" is bod_min_share = 0.10,
bod_max_share = 0.15 (0.10 · Σ_k w_k ≤ w_j ≤ 0.15 · Σ_k w_k). The printed weights are not shares
(a row sums to about 1.4, the scale the "≤ 1" rows give them); divided by their row's sum they
are 0.10 / 0.15 to the printed precision.

What comes out: 19 of the 23 published scores exactly at 2 decimals; the other four (Japan 0.864
for 0.87, United Kingdom 0.715 for 0.71, Spain 0.333 for 0.34, Slovenia 0.286 for 0.28) within
0.007. An independent solve (scipy's interior-point HiGHS on the same programme) gives the same
four to 1e-7, so it is not the engine. The cause is the printed input: Table A.2 gives the two log
indicators to 2 decimals (±0.005 in log10 is ±1.2 % of the raw value), and moving them within
that rounding moves exactly these scores across the second decimal (the last test shows, for each
of the four, a version of the data that rounds to Table A.2 and gives the published figure).
The printed weights agree too: for 17 of the 20 countries below the frontier the engine's
shares equal the printed row's shares within 0.005, and for all 20 the printed weights, scaled so
that the best country scores 1, give the engine's score within what printing them to 2 decimals
allows (bounds 0.015–0.048; the gaps are at most 0.013): they are an optimum of our programme to
their rounding, the three others (Canada, Belgium, Israel) another optimum of the same score.
"""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl

from core.pipeline.aggregate import AGGREGATORS
from core.pipeline.aggregate_matrix import DEFAULT_PARAMS, NodeContext
from core.pipeline.bod import bod_scores

ROOT = Path(__file__).resolve().parent.parent

COUNTRIES = ["Finland", "United States", "Sweden", "Japan", "Korea", "Netherlands", "United Kingdom",
             "Canada", "Australia", "Singapore", "Germany", "Norway", "Ireland", "Belgium", "New Zealand",
             "Austria", "France", "Israel", "Spain", "Italy", "Czech Republic", "Hungary", "Slovenia"]
INDICATORS = ["patents", "royalties", "internet", "exports", "telephones", "electricity", "schooling",
              "university"]
# Table A.2, the first 23 countries, one column per indicator in the order above.
RAW = np.array([
    [187, 289, 271, 994, 779, 189, 82, 31, 75, 8, 235, 103, 106, 72, 103, 165, 205, 74, 42, 13, 28, 26, 105],
    [125.6, 130, 156.6, 64.6, 9.8, 151.2, 134, 38.6, 18.2, 25.5, 36.8, 20.2, 110.3, 73.9, 13, 14.8, 33.6,
     43.6, 8.6, 9.8, 4.2, 6.2, 4],
    [200.2, 179.1, 125.8, 49, 4.8, 136, 57.4, 108, 125.9, 72.3, 41.2, 193.6, 48.6, 58.9, 146.7, 84.2, 36.4,
     43.2, 21, 30.4, 25, 21.6, 20.3],
    [50.7, 66.2, 59.7, 80.8, 66.7, 50.9, 61.9, 48.7, 16.2, 74.9, 64.2, 19, 53.6, 47.6, 15.4, 50.3, 58.9, 45,
     53.4, 51, 51.7, 63.5, 49.5],
    [3.08, 3.00, 3.10, 3.00, 2.97, 3.02, 3.02, 2.94, 2.94, 2.95, 2.94, 3.12, 2.97, 2.91, 2.86, 2.99, 2.97,
     2.96, 2.86, 3.00, 2.75, 2.73, 2.84],
    [4.15, 4.07, 4.14, 3.86, 3.65, 3.77, 3.73, 4.18, 3.94, 3.83, 3.75, 4.39, 3.68, 3.86, 3.91, 3.79, 3.80,
     3.74, 3.62, 3.65, 3.68, 3.46, 3.71],
    [10, 12, 11.4, 9.5, 10.8, 9.4, 9.4, 11.6, 10.9, 7.1, 10.2, 11.9, 9.4, 9.3, 11.7, 8.4, 7.9, 9.6, 7.3, 7.2,
     9.5, 9.1, 7.1],
    [27.4, 13.9, 15.3, 10, 23.2, 9.5, 14.9, 14.2, 25.3, 24.2, 14.4, 11.2, 12.3, 13.6, 13.1, 13.6, 12.6, 11,
     15.6, 13, 8.2, 7.7, 10.6],
]).T
# Table 19, last column (composite indicator), same country order.
PUBLISHED_CI = [1, 1, 1, 0.87, 0.80, 0.75, 0.71, 0.73, 0.66, 0.62, 0.62, 0.86, 0.60, 0.54, 0.58, 0.52,
                0.51, 0.49, 0.34, 0.38, 0.31, 0.27, 0.28]
# Table 19, the eight weight columns of the 20 countries below the frontier (the rows of Finland,
# the United States and Sweden, which score 1 with many weightings, are left out).
PUBLISHED_WEIGHTS = {
    "Japan": ".22 .15 .15 .22 .22 .16 .21 .15", "Korea": ".22 .14 .14 .22 .14 .14 .22 .22",
    "Netherlands": ".22 .22 .14 .22 .22 .14 .14 .14", "United Kingdom": ".14 .21 .14 .21 .21 .14 .20 .15",
    "Canada": ".14 .14 .14 .21 .21 .21 .21 .14", "Australia": ".13 .13 .20 .13 .13 .20 .20 .20",
    "Singapore": ".14 .14 .14 .20 .20 .20 .14 .20", "Germany": ".22 .15 .15 .22 .21 .15 .22 .15",
    "Norway": ".14 .14 .20 .14 .20 .20 .20 .14", "Ireland": ".14 .21 .14 .21 .21 .14 .20 .15",
    "Belgium": ".14 .16 .14 .21 .19 .21 .21 .14", "New Zealand": ".21 .14 .21 .14 .14 .21 .21 .14",
    "Austria": ".22 .14 .14 .22 .22 .22 .14 .14", "France": ".22 .14 .14 .22 .22 .22 .14 .14",
    "Israel": ".21 .15 .15 .22 .22 .15 .22 .15", "Spain": ".21 .14 .14 .21 .21 .14 .14 .21",
    "Italy": ".22 .14 .14 .22 .22 .22 .14 .14", "Czech Republic": ".22 .15 .15 .22 .15 .22 .22 .15",
    "Hungary": ".22 .14 .21 .22 .14 .14 .22 .15", "Slovenia": ".22 .14 .14 .22 .22 .22 .14 .14",
}
# The four whose second decimal the printed data do not fix (see the module docstring).
OFF_BY_INPUT_ROUNDING = {"Japan", "United Kingdom", "Spain", "Slovenia"}
SHARES = {"bod_min_share": 0.10, "bod_max_share": 0.15}


def minmax(X):
    lo, hi = X.min(axis=0), X.max(axis=0)
    return (X - lo) / (hi - lo)


def aggregate(method, X, w, **params):
    """The node's scores / scale (0–1) for children's values X (units × children), weights w
    (as in test_published_examples.py)."""
    present = np.ones(X.shape, bool)
    W = present * w
    ctx = NodeContext(present, np.asarray(w, float), dict(DEFAULT_PARAMS, **params), np.arange(len(X)),
                      [f"c{j}" for j in range(X.shape[1])], "n", {})
    return AGGREGATORS[method](X, W, W.sum(axis=1), ctx) / DEFAULT_PARAMS["scale"]


def tai_scores(raw=RAW):
    # the node's children on the engine's 0–100 scale, as the indicators' min-max gives them
    return aggregate("bod", minmax(raw) * 100, np.full(8, 1 / 8), **SHARES)


def test_handbook_table_19_composite_indicator():
    ci = tai_scores()
    published = np.array(PUBLISHED_CI)
    exact = [c for c, s, p in zip(COUNTRIES, ci, published) if round(s, 2) == p]
    assert len(exact) == 19 and set(COUNTRIES) - set(exact) == OFF_BY_INPUT_ROUNDING
    assert np.abs(ci - published).max() < 0.0075
    # the three on the frontier, and only they, score 1 (Finland, United States, Sweden)
    assert list(np.flatnonzero(np.isclose(ci, 1.0))) == [0, 1, 2]
    assert ci[3:].max() < 0.87


def test_the_four_near_misses_are_the_programmes_not_the_engines():
    # The same programme written out again and solved by another algorithm (scipy's HiGHS
    # interior point): shares as rows L·Σw − w_j ≤ 0 and w_j − U·Σw ≤ 0.
    from scipy.optimize import linprog

    Y = minmax(RAW)
    k = Y.shape[1]
    ones = np.ones((k, k))
    A = np.vstack([Y, 0.10 * ones - np.eye(k), np.eye(k) - 0.15 * ones])
    b = np.concatenate([np.ones(len(Y)), np.zeros(2 * k)])
    lp = [-linprog(-Y[i], A_ub=A, b_ub=b, bounds=(0, None), method="highs-ipm").fun for i in range(len(Y))]
    assert np.allclose(tai_scores(), lp, atol=1e-7)


def test_handbook_table_19_weights_are_an_optimum_of_the_same_programme():
    Y = minmax(RAW)
    best, shares = bod_scores(Y, np.ones(Y.shape, bool), 0.10, 0.15)
    same_shares = []
    for country, row in PUBLISHED_WEIGHTS.items():
        i = COUNTRIES.index(country)
        w = np.array(row.split(), float)
        # The printed weights, scaled so that no country is above 1, give country i the score f.
        # If they are an optimum w* printed to ±0.005, f(w*) = best[i] and f moves by at most
        # (|Δa| + f |Δm|) / (m − |Δm|): a = w·y_i moves by ≤ 0.005 Σ_q y_iq, the best country's
        # m = max_k w·y_k by ≤ 0.005 max_k Σ_q y_kq.
        a, m = w @ Y[i], (Y @ w).max()
        da, dm = 0.005 * Y[i].sum(), 0.005 * Y.sum(axis=1).max()
        f = a / m
        assert abs(f - best[i]) <= (da + f * dm) / (m - dm), country
        if np.abs(shares[i] - w / w.sum()).max() < 0.005:
            same_shares.append(country)
    assert set(PUBLISHED_WEIGHTS) - set(same_shares) == {"Canada", "Belgium", "Israel"}
    # every chosen weighting keeps to the Handbook's 10 % … 15 %
    assert shares.min() > 0.10 - 1e-9 and shares.max() < 0.15 + 1e-9


def test_a_version_of_the_data_that_rounds_to_table_a2_gives_each_remaining_published_figure():
    # The log indicators are printed to 2 decimals: any value within ±0.005 prints the same. For
    # each of the four, a few random draws within that box give a data set that rounds to Table A.2
    # and under which the engine's score rounds to the published one.
    rng = np.random.default_rng(1)
    todo = {COUNTRIES.index(c) for c in OFF_BY_INPUT_ROUNDING}
    for _ in range(200):
        raw = RAW.copy()
        raw[:, 4:6] += rng.uniform(-0.005, 0.005, size=(len(RAW), 2))
        assert np.array_equal(np.round(raw[:, 4:6], 2), RAW[:, 4:6])
        ci = tai_scores(raw)
        todo -= {i for i in todo if round(ci[i], 2) == PUBLISHED_CI[i]}
        if not todo:
            break
    assert not todo, [COUNTRIES[i] for i in todo]


def write_book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标体系"
    ws.append(["code", "parent", "name_zh", "weight", "direction"])
    ws.append(["TAI", None, "技术成就指数", None, None])
    for code in INDICATORS:
        ws.append([code, "TAI", code, 1, "+"])
    ws = wb.create_sheet("数据")
    ws.append(["城市"] + INDICATORS)
    for country, row in zip(COUNTRIES, RAW):
        ws.append([country] + [float(v) for v in row])
    ws = wb.create_sheet("设置")
    ws.append(["key", "value"])
    for key, value in [("aggregation", "bod"), ("scale", 1), ("decimals", 2),
                       ("bod_min_share", 0.10), ("bod_max_share", 0.15)]:
        ws.append([key, value])
    wb.save(path)
    return path


def test_handbook_table_19_through_main_py_score(tmp_path):
    book = write_book(tmp_path / "tai.xlsx")
    js, out = tmp_path / "tai.json", tmp_path / "tai_out.xlsx"
    done = subprocess.run([sys.executable, "main.py", "score", str(book), "-o", str(out), "--json", str(js)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    scores = {r["unit"]: r["score"] for r in json.loads(js.read_text(encoding="utf-8"))["ranking"]}
    assert sorted(scores) == sorted(COUNTRIES)
    for country, published in zip(COUNTRIES, PUBLISHED_CI):
        if country not in OFF_BY_INPUT_ROUNDING:
            assert round(scores[country], 2) == published, country
        assert abs(scores[country] - published) < 0.0075, country
    # the results workbook's BoD sheet: Korea's chosen shares are the printed row's 4 × 15 %, 4 × 10 %
    ws = openpyxl.load_workbook(out, read_only=True)["BoD权重"]
    rows = {r[0]: r for r in ws.iter_rows(values_only=True) if r and r[0] in COUNTRIES}
    korea = np.array(rows["Korea"][2:10], float)
    assert np.allclose(korea, [0.15, 0.10, 0.10, 0.15, 0.10, 0.10, 0.15, 0.15], atol=1e-9)
