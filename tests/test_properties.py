"""Properties that must hold for any data (hypothesis)."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.model.settings import Settings
from core.pipeline.run import compute
from tests.helpers import make_project, node

FW = [node("R", None), node("D1", "R"), node("a", "D1"), node("b", "D1", direction="-"),
      node("D2", "R"), node("c", "D2"), node("d", "D2")]
LEAVES = ["a", "b", "c", "d"]
value = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
matrix = st.integers(min_value=2, max_value=12).flatmap(
    lambda n: st.lists(st.lists(value, min_size=4, max_size=4), min_size=n, max_size=n))
BOUNDED = ["minmax", "rank", "percentile", "ratio_max"]


def project(rows, s=None, fw=FW):
    data = [[f"U{i}"] + r for i, r in enumerate(rows)]
    return make_project(fw, ["unit"] + LEAVES, data, s or Settings())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrix, st.sampled_from(["minmax", "rank", "percentile"]),
       st.sampled_from(["arithmetic", "geometric", "harmonic"]))
def test_scores_stay_within_the_scale(rows, norm, agg):
    r = compute(project(rows, Settings(normalization=norm, aggregation=agg)))
    s = r.scores_array
    assert np.all((s[~np.isnan(s)] >= -1e-9) & (s[~np.isnan(s)] <= 100 + 1e-9))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=12).flatmap(lambda n: st.lists(
    st.lists(st.floats(min_value=0.01, max_value=1e6), min_size=4, max_size=4), min_size=n, max_size=n)))
def test_ratio_max_stays_within_the_scale_for_positive_data(rows):
    s = compute(project(rows, Settings(normalization="ratio_max"))).scores_array
    assert np.all((s >= -1e-9) & (s <= 100 + 1e-9))


@settings(max_examples=40, deadline=None)
@given(matrix, st.randoms(use_true_random=False))
def test_reordering_units_and_indicators_changes_nothing(rows, rnd):
    base = compute(project(rows)).scores
    perm = list(range(len(rows)))
    rnd.shuffle(perm)
    cols = LEAVES[:]
    rnd.shuffle(cols)
    data = [[f"U{i}"] + [rows[i][LEAVES.index(c)] for c in cols] for i in perm]
    fw = FW[:]
    rnd.shuffle(fw)  # the framework's row order must not matter either
    other = compute(make_project(fw, ["unit"] + cols, data)).scores
    other = other.loc[base.index, base.columns]
    assert np.allclose(base.to_numpy(), other.to_numpy(), atol=1e-9, equal_nan=True)


@settings(max_examples=60, deadline=None)
@given(matrix, st.integers(min_value=0, max_value=11), st.floats(min_value=0.001, max_value=1e5))
def test_raising_a_plus_indicator_never_lowers_the_unit(rows, i, bump):
    i = i % len(rows)
    before = compute(project(rows)).scores["R"].iloc[i]
    rows2 = [r[:] for r in rows]
    rows2[i][0] += bump  # indicator a is '+'
    after = compute(project(rows2)).scores["R"].iloc[i]
    assert after >= before - 1e-9


@settings(max_examples=40, deadline=None)
@given(matrix, st.lists(st.floats(min_value=0.01, max_value=10), min_size=6, max_size=6),
       st.floats(min_value=0.001, max_value=1000))
def test_scaling_sibling_weights_changes_nothing(rows, w, k):
    p = project(rows)
    codes = ["D1", "D2", "a", "b", "c", "d"]
    fw1 = p.framework.with_weights(dict(zip(codes, w)))
    fw2 = p.framework.with_weights({c: x * k for c, x in zip(codes, w)})
    s1 = compute(p.with_framework(fw1)).scores_array
    s2 = compute(p.with_framework(fw2)).scores_array
    assert np.allclose(s1, s2, atol=1e-9, equal_nan=True)


@settings(max_examples=40, deadline=None)
@given(matrix, st.lists(st.floats(min_value=0.0, max_value=10), min_size=6, max_size=6))
def test_incremental_path_equals_full_compute(rows, w):
    if sum(w[:2]) == 0 or sum(w[2:4]) == 0 or sum(w[4:]) == 0:
        return
    p = project(rows)
    r = compute(p)
    fw = p.framework.with_weights(dict(zip(["D1", "D2", "a", "b", "c", "d"], w)))
    fast = r.reweight(fw).scores_array
    full = compute(p.with_framework(fw)).scores_array
    assert np.allclose(fast, full, atol=1e-12, rtol=0, equal_nan=True)
