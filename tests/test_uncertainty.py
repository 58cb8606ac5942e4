"""Monte Carlo uncertainty, Sobol' sensitivity and one-at-a-time drops (core/analysis/uncertainty.py).

Every expected value here comes from an independent path: `AggregationPlan.scores` and
`rank.min_rank_desc` one weight vector at a time, the full pipeline (`compute`) on a
re-weighted or re-configured project, numpy's own percentile, or a closed formula.
"""

import argparse
import json

import numpy as np
import pytest

from core.analysis.uncertainty import (
    BatchPlan,
    Cancelled,
    _redraw_discrete,
    _WeightSpace,
    batched_ranks,
    batched_scores,
    draw_weights,
    drop_one,
    drop_refusal,
    drop_summary,
    normalised_matrix,
    rank_quantiles,
    run_uncertainty,
    same_inputs,
    sobol_indices,
)
from core.cli.analysis_commands import cmd_uncertainty, register
from core.cli.commands import CommandParser
from core.model.settings import Settings
from core.pipeline.rank import min_rank_desc
from core.pipeline.run import compute
from tests.helpers import make_project, node

# --- a project with every aggregation, a mixed node, missing values and zeros ----------------------

MIXED_FW = [
    node("R", None),
    node("D1", "R", aggregation="geometric"), node("a1", "D1"), node("a2", "D1"), node("a3", "D1", direction="-"),
    node("D2", "R", aggregation="harmonic"), node("b1", "D2"), node("b2", "D2"),
    node("D3", "R"),
    node("S1", "D3", aggregation="geometric"), node("c1", "S1"), node("c2", "S1"),
    node("S2", "D3"), node("d1", "S2"), node("d2", "S2"),
    node("e", "D3"),  # a leaf beside two nodes
]
MIXED_HDR = ["城市", "a1", "a2", "a3", "b1", "b2", "c1", "c2", "d1", "d2", "e"]


def mixed_rows(rng: np.random.Generator, n: int = 14) -> list[list]:
    rows = []
    for i in range(n):
        v = [float(x) for x in np.round(rng.uniform(1, 50, 10), 3)]
        rows.append([f"U{i:02d}", *v])
    # missing values: a unit with 2 of 3 D1 children missing (below coverage 0.5), others sporadic
    rows[1][1] = rows[1][2] = None
    rows[2][4] = None
    rows[3][6] = rows[3][7] = None  # S1 has no child: no S1 score
    rows[4][9] = None
    rows[5][10] = None
    return rows


@pytest.fixture(scope="module")
def mixed():
    rng = np.random.default_rng(7)
    return make_project(MIXED_FW, MIXED_HDR, mixed_rows(rng))


def random_weights(plan, n: int, rng: np.random.Generator) -> np.ndarray:
    W = rng.uniform(0, 1, size=(n, len(plan.codes)))
    W[rng.random(W.shape) < 0.15] = 0.0  # some zero weights, so some weighted sums are empty
    W[:, 0] = 1.0
    return W


@pytest.mark.parametrize("normalization", ["minmax", "zscore", "rank"])
def test_batched_scores_equal_plan_scores_row_by_row(mixed, normalization):
    # minmax puts a 0 on every indicator (geometric/harmonic zero rule), zscore negative values
    # (undefined geometric/harmonic means), rank ties; missing values and coverage as above.
    r = compute(mixed.with_settings(Settings(normalization=normalization)))
    W = random_weights(r.plan, 60, np.random.default_rng(1))
    B = batched_scores(r.plan, W, chunk=7)  # chunks that do not divide the run count
    assert B.shape == (60, len(r.units), len(r.plan.codes))
    for i in range(len(W)):
        ref = r.plan.scores(W[i])
        assert np.array_equal(np.isnan(B[i]), np.isnan(ref)), i
        ok = ~np.isnan(ref)
        assert np.abs(B[i][ok] - ref[ok]).max() <= 1e-12, i
    # the cases the test is meant to cover do occur
    allB = B.reshape(-1, B.shape[-1])
    codes = r.plan.codes
    assert np.isnan(allB[:, codes.index("D1")]).any()
    assert (allB[:, codes.index("S1")] == 0).any() or normalization != "minmax"


def test_batched_ranks_are_min_rank_desc_row_by_row():
    rng = np.random.default_rng(3)
    S = rng.integers(0, 6, size=(200, 25)).astype(float)  # many ties
    S[rng.random(S.shape) < 0.1] = np.nan
    S[5] = np.nan  # a run with no score at all
    S[6] += 1e-12  # differences below the tie rounding
    R = batched_ranks(S)
    for i in range(len(S)):
        ref = min_rank_desc(S[i])
        assert np.array_equal(np.where(np.isnan(ref), 0, ref).astype(int), R[i]), i


def test_rank_quantiles_match_numpy_inverted_cdf():
    rng = np.random.default_rng(4)
    ranks = rng.integers(1, 30, size=(1001, 12))
    ranks[rng.random(ranks.shape) < 0.2] = 0  # runs without a rank
    ranks[:, 3] = 0  # a unit never ranked
    ranks[:1000, 5] = rng.permutation(1000) + 1  # distinct ranks, 1000 runs: q·n is a whole number
    ranks[1000, 5] = 0
    q = rank_quantiles(ranks, (0.05, 0.5, 0.95))
    for u in range(ranks.shape[1]):
        x = ranks[:, u][ranks[:, u] > 0]
        if len(x) == 0:
            assert np.isnan(q[:, u]).all()
            continue
        for i, p in enumerate((5, 50, 95)):
            assert q[i, u] == np.percentile(x, p, method="inverted_cdf")


# --- Monte Carlo -------------------------------------------------------------------------------------

SIMPLE_FW = [node("R", None), node("D1", "R", 2), node("a", "D1"), node("b", "D1", direction="-"),
             node("D2", "R", 1), node("c", "D2"), node("d", "D2")]
SIMPLE_HDR = ["城市", "a", "b", "c", "d"]


def simple_rows(n: int = 25, seed: int = 2) -> list[list]:
    rng = np.random.default_rng(seed)
    rows = [[f"C{i:02d}", *[float(x) for x in rng.uniform(0, 100, 4)]] for i in range(n)]
    # C00 leads on every indicator (b has direction -, so lowest)
    rows[0][1:] = [200.0, -5.0, 150.0, 150.0]
    return rows


@pytest.fixture(scope="module")
def simple():
    return compute(make_project(SIMPLE_FW, SIMPLE_HDR, simple_rows()))


@pytest.mark.parametrize("mode", ["uniform", "dirichlet"])
def test_zero_perturbation_reproduces_the_base_ranking(simple, mode):
    u = run_uncertainty(simple, 300, seed=5, perturb=0.0, mode=mode)
    base = min_rank_desc(simple.root_scores)
    assert (u.ranks == base.astype(int)[None, :]).all()
    assert np.array_equal(u.median_rank, base) and np.array_equal(u.p05, base) and np.array_equal(u.p95, base)
    assert np.array_equal(u.top10_share, (base <= 10).astype(float))
    assert all(v["first"] == 0 and v["total"] == 0 for v in u.sensitivity.values())
    assert any("never changed" in n for n in u.notes)


def test_same_seed_same_output_other_seed_other_output(simple):
    a = run_uncertainty(simple, 500, seed=11, perturb=0.5)
    b = run_uncertainty(simple, 500, seed=11, perturb=0.5)
    c = run_uncertainty(simple, 500, seed=12, perturb=0.5)
    assert np.array_equal(a.ranks, b.ranks)
    assert json.dumps(a.to_dict()) == json.dumps(b.to_dict())
    assert not np.array_equal(a.ranks, c.ranks)


@pytest.mark.parametrize("mode", ["uniform", "dirichlet"])
def test_unit_leading_on_every_indicator_has_interval_1_1(simple, mode):
    methods = {"normalization": ["minmax", "rank", "zscore"], "aggregation": ["arithmetic", "geometric"]}
    u = run_uncertainty(simple, 400, seed=1, perturb=1.0, mode=mode,
                        methods=methods if mode == "uniform" else None)
    i = simple.units.index("C00")
    assert (u.median_rank[i], u.p05[i], u.p95[i], u.top10_share[i]) == (1, 1, 1, 1.0)
    assert (u.ranks[:, i] == 1).all()
    assert u.p95.max() > 1  # the others do move


def test_runs_are_the_ranks_of_plan_scores_under_the_drawn_weights(mixed):
    r = compute(mixed)
    for mode in ("uniform", "dirichlet"):
        u = run_uncertainty(r, 40, seed=3, perturb=0.6, mode=mode, sensitivity=False, chunk=9)
        W = draw_weights(r, 40, seed=3, perturb=0.6, mode=mode)
        for i in range(40):
            ref = min_rank_desc(r.plan.scores(W[i])[:, 0])
            assert np.array_equal(np.where(np.isnan(ref), 0, ref), u.ranks[i]), (mode, i)


def test_uniform_draws_stay_within_the_band_and_sum_to_one(simple):
    p = 0.3
    W = draw_weights(simple, 2000, seed=9, perturb=p)
    codes = simple.plan.codes
    fw = simple.framework
    for kids in fw.children.values():
        if kids:
            idx = [codes.index(k) for k in kids]
            assert np.allclose(W[:, idx].sum(axis=1), 1.0)
    # siblings a, b (base 1/2 each): after renormalisation a/b = (1 + u_a)/(1 + u_b)
    ia, ib = codes.index("a"), codes.index("b")
    ratio = W[:, ia] / W[:, ib]
    lo, hi = (1 - p) / (1 + p), (1 + p) / (1 - p)
    assert ratio.min() >= lo and ratio.max() <= hi
    assert ratio.min() < lo * 1.05 and ratio.max() > hi * 0.95  # the band is used


def test_dirichlet_draws_have_the_current_weights_as_mean_and_the_documented_spread(simple):
    p = 0.3
    W = draw_weights(simple, 40000, seed=2, perturb=p, mode="dirichlet")
    i = simple.plan.codes.index("D1")  # base 2/3 among two siblings
    w = 2 / 3
    kappa = 3 * (2 - 1) / p ** 2 - 1  # documented: 3(k - 1)/perturb² - 1
    assert W[:, i].mean() == pytest.approx(w, abs=3e-3)
    assert W[:, i].var() == pytest.approx(w * (1 - w) / (kappa + 1), rel=0.05)


def test_method_choices_reproduce_the_full_pipeline_under_each_choice(simple):
    project = make_project(SIMPLE_FW, SIMPLE_HDR, simple_rows())
    ref = {m: min_rank_desc(compute(project.with_settings(Settings(normalization=m))).root_scores)
           for m in ("minmax", "rank")}
    u = run_uncertainty(simple, 200, seed=4, perturb=0.0, methods={"normalization": ["minmax", "rank"]})
    seen = set()
    for row in u.ranks:
        hits = [m for m, rk in ref.items() if np.array_equal(rk, row)]
        assert hits, row
        seen.update(hits)
    assert seen == {"minmax", "rank"}
    assert not np.array_equal(ref["minmax"], ref["rank"])  # the choice matters here
    assert u.sensitivity["normalization"]["total"] > 0.5


def test_normalised_matrix_of_the_project_default_is_the_pipeline_s(mixed):
    r = compute(mixed)
    assert np.array_equal(normalised_matrix(r, r.settings.normalization), r.normalised.to_numpy(), equal_nan=True)


def test_method_choices_that_would_be_skipped_are_refused(simple):
    with pytest.raises(ValueError, match="imputation"):
        run_uncertainty(simple, 10, 1, methods={"imputation": ["mean", "median"]})
    with pytest.raises(ValueError, match="at least two"):
        run_uncertainty(simple, 10, 1, methods={"normalization": ["zscore"]})
    with pytest.raises(ValueError, match="goalposts"):
        run_uncertainty(simple, 10, 1, methods={"normalization": ["minmax", "goalposts"]})
    with pytest.raises(ValueError, match="unknown"):
        run_uncertainty(simple, 10, 1, methods={"aggregation": ["arithmetic", "median"]})
    fw = [node("R", None), node("D", "R", normalization="rank"), node("a", "D"), node("b", "D")]
    r = compute(make_project(fw, ["城市", "a", "b"], [["X", 1, 2], ["Y", 2, 1], ["Z", 3, 3]]))
    with pytest.raises(ValueError, match="change nothing"):
        run_uncertainty(r, 10, 1, methods={"normalization": ["minmax", "zscore"]})


def test_overridden_indicators_are_named_in_the_notes():
    fw = [node("R", None), node("a", "R", normalization="rank"), node("b", "R"), node("c", "R")]
    rows = [[f"U{i}", float(i), float((i * 7) % 5), float((i * 3) % 4)] for i in range(8)]
    r = compute(make_project(fw, ["城市", "a", "b", "c"], rows))
    u = run_uncertainty(r, 50, 1, methods={"normalization": ["minmax", "zscore"]})
    assert any("2 of 3 indicators" in n and "a" in n for n in u.notes)


def test_arguments_are_checked(simple):
    for kw in ({"runs": 0}, {"perturb": 1.5}, {"perturb": -0.1}, {"mode": "normal"}):
        args = {"runs": 10, "seed": 1, **kw}
        with pytest.raises(ValueError):
            run_uncertainty(simple, **args)


# --- progress and cancellation -----------------------------------------------------------------------


def test_progress_reaches_one_and_cancel_raises(simple):
    seen = []
    run_uncertainty(simple, 3000, seed=1, progress=seen.append, chunk=100)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert all(b >= a for a, b in zip(seen, seen[1:]))
    assert len(seen) > 10  # reported between chunks, not only at the ends

    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        run_uncertainty(simple, 3000, seed=1, cancel=cancel, chunk=100)
    assert len(calls) == 4  # asked between chunks, stopped at the first True


# --- sensitivity -------------------------------------------------------------------------------------


def test_sobol_indices_of_a_linear_model_are_analytic():
    # y = Σ aᵢ xᵢ, xᵢ ~ U(0, 1) independent: Var(xᵢ) = 1/12, Var(y) = Σ aᵢ²/12, so
    # first = total = aᵢ² / Σ aⱼ² = 1/14, 4/14, 9/14 for a = (1, 2, 3).
    a = np.array([1.0, 2.0, 3.0])
    S, evaluations = sobol_indices(["x1", "x2", "x3"], ["x1", "x2", "x3"], lambda X: X @ a, 4096, seed=0)
    assert evaluations == 4096 * (3 + 2)
    for name, ai in zip(["x1", "x2", "x3"], a):
        assert S[name]["first"] == pytest.approx(ai ** 2 / 14, abs=0.005)
        assert S[name]["total"] == pytest.approx(ai ** 2 / 14, abs=0.005)
    # grouped: {x1, x2} as one input -> (1 + 4)/14
    G, _ = sobol_indices(["x1", "x2", "x3"], ["g", "g", "x3"], lambda X: X @ a, 4096, seed=1)
    assert G["g"]["first"] == pytest.approx(5 / 14, abs=0.005)
    assert G["g"]["total"] == pytest.approx(5 / 14, abs=0.005)
    assert G["x3"]["total"] == pytest.approx(9 / 14, abs=0.005)


def test_a_two_way_choice_is_not_lost_in_the_design():
    # y = 2d + x with d a fair 0/1 choice (variance 1) and x ~ U(0, 1) (variance 1/12):
    # S_d = 1/(1 + 1/12) = 12/13, S_x = 1/13. The choice column is pseudo-random (MC error).
    def model(X):
        return 2.0 * np.minimum((X[:, 0] * 2).astype(int), 1) + X[:, 1]

    S, _ = sobol_indices(["d", "x"], ["d", "x"], model, 8192, seed=0, discrete=[0])
    assert S["d"]["total"] == pytest.approx(12 / 13, abs=0.02)
    assert S["d"]["first"] == pytest.approx(12 / 13, abs=0.02)
    assert S["x"]["total"] == pytest.approx(1 / 13, abs=0.01)


def test_a_choice_degenerate_in_the_sobol_design_is_still_seen(monkeypatch):
    # Force what happens by chance with Sobol' sequences: the choice column has the same
    # leading bit in A and B. Read naively, d would never change between A and AB_d (indices 0).
    from core.analysis import sobol
    original = sobol.saltelli_sample

    calls = []

    def degenerate(n, groups, **kw):
        calls.append(n)
        X = original(n, groups, **kw)
        step = 2 + 2
        a = X[0::step, 0]
        for k in range(step):
            X[k::step, 0] = a  # B, AB_d: same value as A
        return X

    monkeypatch.setattr(sobol, "saltelli_sample", degenerate)

    def model(X):
        return 2.0 * np.minimum((X[:, 0] * 2).astype(int), 1) + X[:, 1]

    S, _ = sobol_indices(["d", "x"], ["d", "x"], model, 8192, seed=0, discrete=[0])
    assert calls == [8192]  # the degenerate design was used
    assert S["d"]["total"] == pytest.approx(12 / 13, abs=0.02)


def test_redrawn_columns_keep_the_saltelli_structure():
    from core.analysis.sobol import saltelli_sample
    X = saltelli_sample(16, ["g", "g", "h"], seed=0)
    Y = _redraw_discrete(X, ["g", "g", "h"], [2], np.random.default_rng(0))
    step = 2 + 2
    A, ABg, ABh, B = Y[0::step], Y[1::step], Y[2::step], Y[3::step]
    assert np.array_equal(ABg[:, 2], A[:, 2]) and np.array_equal(ABh[:, 2], B[:, 2])
    assert np.array_equal(Y[:, :2], X[:, :2])
    assert not np.array_equal(A[:, 2], B[:, 2])


def test_a_dimension_that_cannot_move_the_ranking_has_zero_indices():
    # C is constant (every unit gets the middle of the range): its weight shifts every
    # score alike once A and B are renormalised, so ranks depend on w_A/w_B only.
    fw = [node("R", None), node("A", "R"), node("a1", "A"), node("a2", "A"),
          node("B", "R"), node("b1", "B"), node("C", "R"), node("c1", "C")]
    rng = np.random.default_rng(5)
    rows = [[f"U{i:02d}", *[float(x) for x in rng.uniform(0, 10, 3)], 7.0] for i in range(30)]
    r = compute(make_project(fw, ["城市", "a1", "a2", "b1", "c1"], rows))
    u = run_uncertainty(r, 2000, seed=3, perturb=0.5)
    assert set(u.sensitivity) == {"A", "B", "C"}
    assert abs(u.sensitivity["C"]["first"]) < 1e-12 and abs(u.sensitivity["C"]["total"]) < 1e-12
    assert u.sensitivity["A"]["total"] > 0.05 and u.sensitivity["B"]["total"] > 0.05


def test_no_input_left_out_silently(simple):
    u = run_uncertainty(simple, 300, 1, methods={"normalization": ["minmax", "rank"],
                                                 "aggregation": ["arithmetic", "geometric"]})
    assert set(u.sensitivity) == {"D1", "D2", "normalization", "aggregation"}
    d = u.to_dict()
    assert set(d) >= {"runs", "seed", "units", "sensitivity"}
    assert set(d["units"][0]) == {"unit", "base_rank", "median_rank", "p05", "p95", "top10_share"}
    assert set(d["sensitivity"]["D1"]) == {"first", "total"}
    assert [x["base_rank"] for x in d["units"]] == sorted(x["base_rank"] for x in d["units"])


def test_weight_space_groups_by_first_level_dimension(mixed):
    r = compute(mixed)
    sp = _WeightSpace.build(r)
    by = {r.plan.codes[j]: g for j, g in zip(sp.var_idx, sp.var_input)}
    assert by["D1"] == "D1" and by["a3"] == "D1" and by["c1"] == "D3" and by["S2"] == "D3" and by["e"] == "D3"
    assert "R" not in by


# --- one at a time -----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["D1", "a", "c"])
def test_drop_one_equals_the_pipeline_without_that_weight(code):
    project = make_project(SIMPLE_FW, SIMPLE_HDR, simple_rows())
    r = compute(project)
    fw = project.framework
    parent = fw.nodes[code].parent
    weights = {k: (0.0 if k == code else r.local[k]) for k in fw.children[parent]}
    ref = compute(project.with_framework(fw.with_weights(weights)))
    d = drop_one(r, code)
    assert np.allclose(d["score"].to_numpy(), ref.root_scores, rtol=0, atol=1e-9)
    assert np.array_equal(d["rank"].to_numpy(), ref.ranks.to_numpy())
    assert np.array_equal(d["base_rank"].to_numpy(), r.ranks.to_numpy())
    assert np.array_equal(d["change"].to_numpy(), (r.ranks - ref.ranks).to_numpy())


def test_drop_one_refuses_the_root_and_an_only_child(mixed):
    r = compute(mixed)
    with pytest.raises(ValueError, match="root"):
        drop_one(r, "R")
    fw = [node("R", None), node("A", "R"), node("a", "A"), node("B", "R"), node("b", "B")]
    r2 = compute(make_project(fw, ["城市", "a", "b"], [["X", 1, 2], ["Y", 2, 1], ["Z", 3, 3]]))
    with pytest.raises(ValueError, match="only weighted child"):
        drop_one(r2, "a")


def test_drop_refusal_says_why_before_the_drop():
    """The engine's rule, asked before dropping: the root, an only weighted child (naming its parent) and an
    unknown code are refused; any other node or indicator may be dropped."""
    fw = [node("R", None), node("A", "R"), node("a", "A"), node("B", "R"), node("b1", "B"), node("b2", "B")]
    r = compute(make_project(fw, ["城市", "a", "b1", "b2"], [["X", 1, 2, 3], ["Y", 2, 1, 1], ["Z", 3, 3, 2]]))
    assert drop_refusal(r, "R").reason == "root"
    only = drop_refusal(r, "a")
    assert (only.reason, only.code, only.parent) == ("only_child", "a", "A")
    assert "only weighted child of 'A'" in only.message()
    assert drop_refusal(r, "nope").reason == "unknown"
    assert drop_refusal(r, "A") is None and drop_refusal(r, "b1") is None


def test_drop_refusal_counts_a_sibling_weighted_zero_as_absent():
    """A child whose siblings all weigh 0 is an only weighted child, though it has siblings."""
    fw = [node("R", None), node("A", "R"), node("a1", "A", weight=1), node("a2", "A", weight=0), node("B", "R"),
          node("b", "B")]
    r = compute(make_project(fw, ["城市", "a1", "a2", "b"], [["X", 1, 2, 3], ["Y", 2, 1, 1], ["Z", 3, 3, 2]]))
    assert drop_refusal(r, "a1").reason == "only_child"
    assert drop_refusal(r, "a2") is None


def test_drop_summary_of_a_hand_computed_drop():
    """R = mean(a, b), min-max normalised. a = 1, 2, 3 → 0, .5, 1; b = 3, 1, 2 → 1, 0, .5; scores X .5, Y .25,
    Z .75: ranks X 2, Y 3, Z 1. Without b the ranking is a's: X 3, Y 2, Z 1. Changes (base − new): X −1, Y +1,
    Z 0: 2 of 3 units move, by (1 + 1 + 0) / 3 places on average; b carried half the index."""
    fw = [node("R", None), node("a", "R"), node("b", "R")]
    r = compute(make_project(fw, ["城市", "a", "b"], [["X", 1, 3], ["Y", 2, 1], ["Z", 3, 2]]))
    table = drop_one(r, "b")
    assert list(table["change"]) == [-1, 1, 0]
    s = drop_summary(r, "b", table)
    assert (s.units, s.moved) == (3, 2)
    assert s.mean_shift == pytest.approx(2 / 3)
    assert s.share == pytest.approx(0.5)


def test_drop_summary_leaves_units_without_a_rank_out_of_the_average():
    """A unit ranked in only one of the two rankings (change NaN) does not move and is not averaged:
    changes NaN, 2, −1, 0 → 2 of 4 units move, by (2 + 1 + 0) / 3 = 1 place; none ranked twice → 0."""
    import pandas as pd

    fw = [node("R", None), node("a", "R"), node("b", "R")]
    r = compute(make_project(fw, ["城市", "a", "b"], [["X", 1, 3], ["Y", 2, 1], ["Z", 3, 2]]))
    table = pd.DataFrame({"change": [np.nan, 2.0, -1.0, 0.0]}, index=["W", "X", "Y", "Z"])
    s = drop_summary(r, "a", table)
    assert (s.units, s.moved, s.mean_shift) == (4, 2, pytest.approx(1.0))
    none = drop_summary(r, "a", pd.DataFrame({"change": [np.nan, np.nan]}, index=["X", "Y"]))
    assert (none.units, none.moved, none.mean_shift) == (2, 0, 0.0)


def test_same_inputs_compares_what_the_analysis_reads():
    """Two computations of one project give the same analysis; other weights or other data do not."""
    fw = [node("R", None), node("a", "R"), node("b", "R")]
    rows = [["X", 1, 3], ["Y", 2, 1], ["Z", 3, 2]]
    project = make_project(fw, ["城市", "a", "b"], rows)
    r = compute(project)
    assert same_inputs(r, r) and same_inputs(r, compute(project))
    assert not same_inputs(r, None) and not same_inputs(None, r)
    assert same_inputs(None, None)
    reweighted = compute(project.with_framework(project.framework.with_weights({"a": 0.7, "b": 0.3})))
    assert not same_inputs(r, reweighted)
    other_data = compute(make_project(fw, ["城市", "a", "b"], [["X", 1, 3], ["Y", 2, 1], ["Z", 3, 9]]))
    assert not same_inputs(r, other_data)


# --- headless command --------------------------------------------------------------------------------


def _args(argv):
    p = CommandParser(prog="main.py")
    register(p.add_subparsers(dest="command", parser_class=CommandParser))
    return p.parse_args(argv)


def test_cli_uncertainty_writes_the_json_shape(tmp_path, capsys):
    out = tmp_path / "u.json"
    code = cmd_uncertainty(_args(["uncertainty", "data/sample_ai_cities.xlsx", "--runs", "300", "--seed", "4",
                                  "--json", str(out), "--lang", "en"]))
    assert code == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["runs"] == 300 and d["seed"] == 4
    assert d["units"][0]["base_rank"] == 1
    assert set(d["sensitivity"]) == {"P", "I", "T", "A", "E"}
    text = capsys.readouterr().out
    assert "median" in text and "sensitivity" in text


def test_cli_uncertainty_exit_codes(tmp_path, capsys):
    assert cmd_uncertainty(_args(["uncertainty", "data/sample_ai_cities.xlsx", "--runs", "0", "--seed", "1"])) == 2
    assert cmd_uncertainty(_args(["uncertainty", "data/sample_ai_cities.xlsx", "--runs", "5", "--seed", "1",
                                  "--perturb", "2"])) == 2
    assert cmd_uncertainty(_args(["uncertainty", "data/sample_ai_cities.xlsx", "--runs", "5", "--seed", "1",
                                  "--normalizations", "minmax,nonsense"])) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("城市,P11\n北京,abc\n", encoding="utf-8")
    assert cmd_uncertainty(_args(["uncertainty", str(bad), "--runs", "5", "--seed", "1"])) == 1
    with pytest.raises(SystemExit) as e:
        _args(["uncertainty", "data/sample_ai_cities.xlsx", "--seed", "1"])  # --runs missing
    assert e.value.code == 2
    assert isinstance(_args(["audit", "x.xlsx"]), argparse.Namespace)


def test_batch_plan_is_reusable_across_chunks(mixed):
    r = compute(mixed)
    bp = BatchPlan(r.plan)
    W = random_weights(r.plan, 30, np.random.default_rng(0))
    whole = bp.root_scores(W)
    parts = np.vstack([bp.root_scores(W[:11]), bp.root_scores(W[11:])])
    assert np.array_equal(np.isnan(whole), np.isnan(parts))
    assert np.nanmax(np.abs(whole - parts)) <= 1e-12


def test_rank_shift_counts_a_lost_rank_as_last():
    from core.analysis.uncertainty import _rank_shift
    ranks = np.array([[1, 0], [2, 1]])  # run 0: the second unit has no rank -> counts as 3 (units + 1)
    base = np.array([1.0, 2.0])
    # run 0: |1 - 1| + |3 - 2| = 1 -> 0.5 ; run 1: |2 - 1| + |1 - 2| = 2 -> 1.0
    assert _rank_shift(ranks, base).tolist() == [0.5, 1.0]
    # a unit without a base rank takes no part
    assert _rank_shift(np.array([[1, 2]]), np.array([1.0, np.nan])).tolist() == [0.0]


def test_tiny_dirichlet_concentrations_give_weights_not_nan(simple):
    """Shapes near 1e-3 make many gamma variates underflow to exactly 0 (both the random draws and the
    Sobol' points through gamma_ppf); a node whose children all drew 0 keeps its current weights
    instead of dividing 0 by 0, so every run still has weights summing to 1 and finite ranks."""
    W = draw_weights(simple, 20000, seed=4, mode="dirichlet", concentration=0.002)
    assert np.isfinite(W).all()
    codes, fw = simple.plan.codes, simple.framework
    for kids in fw.children.values():
        if kids:
            idx = [codes.index(k) for k in kids]
            assert np.allclose(W[:, idx].sum(axis=1), 1.0)
    u = run_uncertainty(simple, 256, seed=4, mode="dirichlet", concentration=0.002, sensitivity=True)
    assert (u.ranks >= 1).all() and np.isfinite(u.median_rank).all()
    assert all(np.isfinite(v["first"]) and np.isfinite(v["total"]) for v in u.sensitivity.values())


def test_a_note_naming_a_method_combination_is_said_in_chinese_too(simple):
    """z-scores are negative for below-average units, and a geometric mean of negative values has no
    score: the run notes the combination, in English (the JSON) and in Chinese (the window, the report)."""
    u = run_uncertainty(simple, 60, seed=1, perturb=0.2, sensitivity=False,
                        methods={"normalization": ["minmax", "zscore"], "aggregation": ["arithmetic", "geometric"]})
    en = [n for n in u.note_texts("en") if "no root score" in n]
    zh = [n for n in u.note_texts("zh") if "没有总分" in n]
    assert en and en[0].startswith("normalization zscore, aggregation geometric:")
    assert zh and zh[0].startswith("标准化：标准差标准化 (z-score)；聚合：加权几何平均：")
    assert u.to_dict()["notes"] == u.note_texts("en")
