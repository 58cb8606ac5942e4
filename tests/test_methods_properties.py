"""Properties of the methods beyond a weighted sum (issue 20), checked by hypothesis (derandomised)."""

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from core.pipeline.aggregate import AGGREGATORS
from core.pipeline.aggregate_matrix import DEFAULT_PARAMS, NodeContext, outranking_matrix

SETTINGS = settings(derandomize=True, max_examples=60, deadline=None)
values = st.floats(0, 100, allow_nan=False, width=32)


@st.composite
def node(draw, min_units=2):
    n = draw(st.integers(min_units, 8))
    k = draw(st.integers(1, 4))
    X = draw(arrays(float, (n, k), elements=values))
    w = draw(arrays(float, k, elements=st.floats(0.0625, 1.0, width=32)))
    return X, w


def score(method, X, w, present=None, **params):
    present = np.ones(X.shape, bool) if present is None else present
    W = present * w
    ctx = NodeContext(present, w, dict(DEFAULT_PARAMS, **params), np.arange(len(X)),
                      [f"c{j}" for j in range(X.shape[1])], "n", {})
    return AGGREGATORS[method](np.where(present, X, 0.0), W, W.sum(axis=1), ctx), ctx.details


@SETTINGS
@given(node(), st.sampled_from(["vector", "minmax"]), st.floats(0.05, 1.0))
def test_topsis_and_grey_lie_within_the_scale(case, how, rho):
    X, w = case
    for s in (score("topsis", X, w, topsis_normalization=how)[0], score("grey", X, w, grey_rho=rho)[0]):
        assert np.all(s >= -1e-9) and np.all(s <= 100 + 1e-9)


@SETTINGS
@given(node(), st.integers(0, 7))
def test_a_unit_best_on_every_child_scores_the_maximum(case, who):
    X, w = case
    i = who % len(X)
    X = X.copy()
    X[i] = X.max(axis=0) + 1.0  # strictly best on every child
    for method in ("topsis", "grey", "rsr", "copeland", "bod"):
        s, _ = score(method, X, w)
        assert abs(s[i] - 100.0) < 1e-6, (method, s)


@SETTINGS
@given(node(), st.integers(0, 10_000), st.sampled_from([(0.0, 1.0), (0.1, 0.7), (0.2, 0.5)]))
def test_bod_is_never_below_the_score_under_any_weights_inside_the_bounds(case, seed, bounds):
    X, w = case
    k = X.shape[1]
    low, high = bounds
    assume(low * k <= 1 <= high * k)
    Y = X / 100.0
    best, details = score("bod", X, w, bod_min_share=low, bod_max_share=high)
    rng = np.random.default_rng(seed)
    tried = 0
    for _ in range(200):
        shares = rng.dirichlet(np.ones(k))
        if shares.min() < low - 1e-12 or shares.max() > high + 1e-12:
            continue
        tried += 1
        sums = Y @ shares
        if sums.max() <= 0:
            continue
        # scaled so that no unit is above 1: the best that these weights allow each unit
        assert np.all(sums / sums.max() <= best / 100 + 1e-7)
    # the chosen shares themselves lie within the bounds and sum to 1
    sh = details["n"]["shares"]
    ok = ~np.isnan(sh).any(axis=1)
    assert np.all(sh[ok] >= low - 1e-7) and np.all(sh[ok] <= high + 1e-7)
    assert np.allclose(sh[ok].sum(axis=1), 1.0)
    assert tried or k > 1  # with one child every draw is inside


@SETTINGS
@given(node(), st.integers(0, 10_000))
def test_copeland_matrix_pairs_sum_to_one_even_with_missing_values(case, seed):
    X, w = case
    present = np.random.default_rng(seed).random(X.shape) > 0.25
    E = outranking_matrix(np.where(present, X, 0.0), present, w)
    off = ~np.eye(len(X), dtype=bool)
    assert np.allclose((E + E.T)[off], 1.0)
    assert np.all(E >= -1e-12) and np.all(E <= 1 + 1e-12)
