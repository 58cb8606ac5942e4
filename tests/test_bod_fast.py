"""The fast benefit-of-the-doubt solve (constraint generation + one optimum shared over its cone,
core/pipeline/bod.py) against the full programme: every unit's own LP with every peer as a row,
solved cold at HiGHS's tightest tolerances — the formulation BoD had before, kept here as the
reference. Scores must agree to 1e-9; the weights, where a unit has several optimal ones, may be
another optimum, so they are checked for what they must be: within the bounds, no unit above 1,
and giving the unit its score."""

import highspy
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from core.pipeline import bod

SETTINGS = settings(derandomize=True, max_examples=150, deadline=None)


def reference(Y, use, low=0.0, high=1.0):
    """One LP per unit, all peers as constraints (no dominance filter, no warm start)."""
    n, k = Y.shape
    best = np.full(n, np.nan)
    inf = highspy.kHighsInf
    for i in range(n):
        cols = np.flatnonzero(use[i])
        if len(cols) == 0:
            continue
        peers = np.flatnonzero(use[:, cols].all(axis=1))
        P = Y[np.ix_(peers, cols)]
        kk = len(cols)
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("primal_feasibility_tolerance", 1e-10)
        h.setOptionValue("dual_feasibility_tolerance", 1e-10)
        h.addVars(kk, np.zeros(kk), np.full(kk, inf))
        h.changeColsCost(kk, np.arange(kk, dtype=np.int32), Y[i, cols])
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)
        every = np.arange(kk, dtype=np.int32)
        for row in P:
            h.addRow(-inf, 1.0, kk, every, row.copy())
        for j in range(kk):
            if low > 0:  # w_j − L Σ w ≥ 0
                h.addRow(0.0, inf, kk, every, np.eye(kk)[j] - low)
            if high < 1:  # w_j − U Σ w ≤ 0
                h.addRow(-inf, 0.0, kk, every, np.eye(kk)[j] - high)
        h.run()
        assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        best[i] = min(h.getInfo().objective_function_value, 1.0)
    return best


@st.composite
def cases(draw):
    n = draw(st.integers(1, 30))
    k = draw(st.integers(1, 6))
    # values from a coarse grid make ties, equal rows and degenerate optima common
    grid = draw(st.booleans())
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    Y = rng.integers(0, 5, (n, k)) / 4.0 if grid else rng.random((n, k))
    use = rng.random((n, k)) > draw(st.sampled_from([0.0, 0.0, 0.15]))
    bounds = draw(st.sampled_from([(0.0, 1.0), (0.05, 1.0), (0.0, 0.6), (0.1, 0.5), (0.3, 0.4)]))
    return Y, use, bounds


@SETTINGS
@given(cases())
def test_fast_bod_equals_the_full_programme(case):
    Y, use, (low, high) = case
    bod.CACHE.clear()
    best, shares = bod.bod_scores(Y, use, low, high)
    ref = reference(Y, use, low, high)
    assert np.array_equal(np.isnan(best), np.isnan(ref))
    ok = ~np.isnan(ref)
    assert np.all(np.abs(best[ok] - ref[ok]) <= 1e-9), np.max(np.abs(best[ok] - ref[ok]))
    for i in np.flatnonzero(ok & ~np.isnan(shares).all(axis=1)):
        cols = np.flatnonzero(use[i])
        s = shares[i, cols]
        assert np.all(np.isnan(shares[i, ~use[i]]))
        assert abs(s.sum() - 1) < 1e-9 and np.all(s >= low - 1e-9) and np.all(s <= high + 1e-9)
        reach = Y[i, cols] @ s
        if best[i] <= 0:
            continue
        w = s * best[i] / reach  # scaled to give unit i its score
        peers = use[:, cols].all(axis=1)
        assert np.all(Y[np.ix_(peers, cols)] @ w <= 1 + 1e-9)


def test_rows_are_added_until_no_unit_is_above_one():
    # units on a quarter circle: the starting rows (the best of each child, (1, 0) and (0, 1))
    # allow w = (1, 1), which puts every middle unit above 1; the answer needs their rows.
    # Unit (.6, .6) lies inside: its best is 0.6·(w1 + w2) with the binding neighbours
    # (cos t, sin t) at t = 40° and 50°: w1 = w2 = 1 / (cos 40° + sin 40°) → 1.2 / 1.4088 = 0.8518.
    t = np.radians(np.arange(0, 91, 10))
    Y = np.vstack([np.c_[np.cos(t), np.sin(t)], [[0.6, 0.6]]])
    bod.CACHE.clear()
    best, _ = bod.bod_scores(Y, np.ones(Y.shape, bool))
    assert np.allclose(best[:-1], 1.0, atol=1e-12)
    assert abs(best[-1] - 1.2 / (np.cos(np.radians(40)) + np.sin(np.radians(40)))) < 1e-12


def test_units_sharing_an_optimum_take_it_without_their_own_programme(monkeypatch):
    # (1, .1), (.1, 1) and (.8, .8) span the frontier. The vertex where the rows of (1, .1) and
    # (.8, .8) bind: w1 + .1 w2 = 1, .8 w1 + .8 w2 = 1 → w = (.9722, .2778). A unit (.4 + ε, .35)
    # is a(1, .1) + b(.8, .8) with a = (.05 + ε) / .9 > 0, b > 0: inside that vertex's cone, so
    # all 40 of them are optimal there — one programme (plus the corners') instead of 40.
    Y = np.array([[1.0, 0.1], [0.1, 1.0], [0.8, 0.8]] + [[0.4 + 0.001 * i, 0.35] for i in range(40)])
    runs = []
    real = highspy.Highs.run

    def counting(self):
        runs.append(1)
        return real(self)

    monkeypatch.setattr(highspy.Highs, "run", counting)
    bod.CACHE.clear()
    best, _ = bod.bod_scores(Y, np.ones(Y.shape, bool))
    monkeypatch.undo()
    assert np.all(np.abs(best - reference(Y, np.ones(Y.shape, bool))) <= 1e-9)
    assert len(runs) < 10
