"""TOPSIS, grey relational analysis, rank-sum ratio, Copeland and benefit of the doubt on small
cases worked out by hand (in the comments), through the aggregators and through `compute`."""

import math

import numpy as np
import pytest

from core.model.problems import ProblemList
from core.model.settings import Settings, parse_settings
from core.pipeline.aggregate import AGGREGATORS
from core.pipeline.aggregate_matrix import DEFAULT_PARAMS, NodeContext, outranking_matrix
from core.pipeline.run import compute
from tests.helpers import make_project, node

# Three units, two children (scale 100), local weights 0.6 / 0.4:
#   A (100,   0)   B (50, 100)   C (0, 50)
X = np.array([[100.0, 0.0], [50.0, 100.0], [0.0, 50.0]])
w = np.array([0.6, 0.4])


def run(method, X=X, w=w, present=None, **params):
    present = np.ones(X.shape, bool) if present is None else present
    W = present * w
    ctx = NodeContext(present, w, dict(DEFAULT_PARAMS, **params), np.arange(len(X)), ["x", "y"], "n", {})
    return AGGREGATORS[method](np.where(present, X, 0.0), W, W.sum(axis=1), ctx), ctx.details


def close(a, b, tol=1e-9):
    assert np.allclose(np.asarray(a, float), np.asarray(b, float), atol=tol), (a, b)


def test_topsis_vector_by_hand():
    # column norms √(100²+50²) = √12500, so r = (2,1,0)/√5 and (0,2,1)/√5; u = 1/√5
    # v = 0.6 r1, 0.4 r2: ideal (1.2u, 0.8u), anti-ideal (0, 0)
    # A: D+ = 0.8u, D- = 1.2u -> 0.6;  B: D+ = 0.6u, D- = √(0.36+0.64)u = u -> 1/1.6 = 0.625
    # C: D+ = √(1.44+0.16)u, D- = 0.4u -> 0.4/(0.4+√1.6) = 0.240253
    s, _ = run("topsis")
    close(s, [60.0, 62.5, 100 * 0.4 / (0.4 + math.sqrt(1.6))])


def test_topsis_minmax_option():
    # min-max: r1 = (1, .5, 0), r2 = (0, 1, .5); v = (0.6, 0.3, 0), (0, 0.4, 0.2)
    # A: D+ = 0.4, D- = 0.6 -> 0.6; B: D+ = 0.3, D- = 0.5 -> 0.625; C: D+ = √(0.36+0.04), D- = 0.2
    s, _ = run("topsis", topsis_normalization="minmax")
    close(s, [60.0, 62.5, 100 * 0.2 / (0.2 + math.sqrt(0.40))])


def test_grey_by_hand():
    # reference (100, 100); Δ: A (0, 100), B (50, 0), C (100, 50); Δmin 0, Δmax 100, ρ 0.5
    # ξ = 50 / (Δ + 50): Δ 0 -> 1, 50 -> 0.5, 100 -> 1/3
    # A 0.6·1 + 0.4/3 = 0.7333; B 0.6·0.5 + 0.4 = 0.7; C 0.6/3 + 0.4·0.5 = 0.4
    s, _ = run("grey")
    close(s, [100 * (0.6 + 0.4 / 3), 70.0, 40.0])
    # ρ = 1: ξ = 100 / (Δ + 100): 1, 2/3, 1/2. A 0.6 + 0.2 = 0.8; B 0.4 + 0.4 = 0.8; C 0.3 + 0.4·2/3
    s, _ = run("grey", grey_rho=1.0)
    close(s, [80.0, 80.0, 100 * (0.3 + 0.4 * 2 / 3)])


def test_rsr_by_hand_with_ties():
    # ranks (best = 3): column 1 A 3 B 2 C 1; column 2 A 1 B 3 C 2
    # A (0.6·3 + 0.4·1)/3 = 0.7333; B (1.2 + 1.2)/3 = 0.8; C (0.6 + 0.8)/3 = 0.4667
    s, _ = run("rsr")
    close(s, [100 * 2.2 / 3, 80.0, 100 * 1.4 / 3])
    # a tie: column 1 (50, 50, 0) -> ranks 2.5, 2.5, 1
    s, _ = run("rsr", X=np.array([[50.0, 0.0], [50.0, 100.0], [0.0, 50.0]]))
    close(s, [100 * (0.6 * 2.5 + 0.4) / 3, 100 * (0.6 * 2.5 + 1.2) / 3, 100 * 1.4 / 3])


def test_copeland_by_hand():
    # e_AB = 0.6 (A better on x), e_AC = 0.6, e_BC = 1 -> A beats B and C, B beats C
    # Copeland A +2, B 0, C -2; scaled (c + 2) / 4: 100, 50, 0
    E = outranking_matrix(X, np.ones(X.shape, bool), w)
    close(E, [[0.5, 0.6, 0.6], [0.4, 0.5, 1.0], [0.4, 0.0, 0.5]])
    s, _ = run("copeland")
    close(s, [100.0, 50.0, 0.0])
    # equal weights: A and B tie (e = 0.5), A ties C, B beats C: A 0, B +1, C -1 -> 50, 75, 25
    s, _ = run("copeland", w=np.array([1.0, 1.0]))
    close(s, [50.0, 75.0, 25.0])


def test_bod_by_hand():
    # y = A (1, 0), B (.5, 1), C (0, .5). A: max w1, w1 ≤ 1 -> 1. B: its own row ≤ 1 binds at 1.
    # C: max .5 w2 with .5 w1 + w2 ≤ 1 -> w2 = 1 -> 0.5, all its weight on y
    s, d = run("bod")
    close(s, [100.0, 100.0, 50.0], 1e-7)
    close(d["n"]["shares"][2], [0.0, 1.0], 1e-7)
    close(d["n"]["shares"][0], [1.0, 0.0], 1e-7)


def test_bod_share_bounds_by_hand():
    # shares within [0.3, 0.7]. C: max .5 w2 with w1 ≥ (3/7) w2 and .5 w1 + w2 ≤ 1 (B's row):
    # w1 = 3/7 w2 -> (3/14 + 1) w2 = 1 -> w2 = 14/17, score 7/17 = 0.41176, shares (0.3, 0.7)
    s, d = run("bod", bod_min_share=0.3, bod_max_share=0.7)
    close(s, [100.0, 100.0, 100 * 7 / 17], 1e-7)
    close(d["n"]["shares"][2], [0.3, 0.7], 1e-7)


def test_missing_child_is_skipped_with_its_weight():
    # C has no y: grey over its present child only. Reference 100 (x), 100 (y over A, B);
    # Δ: A (0, 100), B (50, 0), C (100, -); Δmax 100: C's ξ = 50/150 = 1/3 on x alone
    present = np.array([[True, True], [True, True], [True, False]])
    s, _ = run("grey", present=present)
    close(s, [100 * (0.6 + 0.4 / 3), 70.0, 100 / 3])
    # Copeland: C shares only x with the others, and loses on it: C -2; A beats B (0.6) -> +2 / 0 / -2
    s, _ = run("copeland", present=present)
    close(s, [100.0, 50.0, 0.0])
    # e + e' = 1 with a missing value
    E = outranking_matrix(X, present, w)
    close(E + E.T, np.ones((3, 3)))


# --- through the pipeline ------------------------------------------------------------------------

FW = [node("IDX", None), node("x", "IDX", 0.6), node("y", "IDX", 0.4)]


def project(method, **settings):
    # min-max of (100, 50, 0) and (0, 100, 50) on 0–100 is the values themselves
    return make_project(FW, ["unit", "x", "y"], [["A", 100, 0], ["B", 50, 100], ["C", 0, 50]],
                        Settings(aggregation=method, **settings))


@pytest.mark.parametrize("method,expected", [
    ("topsis", [60.0, 62.5, 100 * 0.4 / (0.4 + math.sqrt(1.6))]),
    ("grey", [100 * (0.6 + 0.4 / 3), 70.0, 40.0]),
    ("rsr", [100 * 2.2 / 3, 80.0, 100 * 1.4 / 3]),
    ("copeland", [100.0, 50.0, 0.0]),
    ("bod", [100.0, 100.0, 50.0]),
])
def test_compute_uses_the_project_default(method, expected):
    r = compute(project(method))
    close(r.root_scores, expected, 1e-7)
    agg = next(s for s in r.steps if s["stage"] == "aggregate")
    assert agg["methods"] == {"IDX": method}


def test_steps_record_the_methods_settings_and_bod_weights_are_in_the_result():
    r = compute(project("bod", bod_min_share=0.3, bod_max_share=0.7))
    agg = next(s for s in r.steps if s["stage"] == "aggregate")
    assert agg["parameters"] == {"bod_max_share": 0.7, "bod_min_share": 0.3}
    bw = r.bod_weights["IDX"]
    close([bw["C"]["x"], bw["C"]["y"]], [0.3, 0.7], 1e-7)
    r = compute(project("grey", grey_rho=0.25))
    assert next(s for s in r.steps if s["stage"] == "aggregate")["parameters"] == {"grey_rho": 0.25}
    assert r.bod_weights == {}
    # a plain mean records no parameters (the sample's JSON is unchanged)
    assert "parameters" not in next(s for s in compute(project("arithmetic")).steps
                                    if s["stage"] == "aggregate")


@pytest.mark.parametrize("method", ["topsis", "grey", "rsr", "copeland", "bod"])
def test_reweight_equals_compute(method):
    # the live path (a weight edit) re-aggregates from the cached matrix: same as a fresh compute
    fw = [node("IDX", None), node("P", "IDX", 0.5, aggregation=method), node("Q", "IDX", 0.5),
          node("x", "P", 0.6), node("y", "P", 0.4), node("z", "Q", 1.0)]
    rows = [["A", 100, 0, 3], ["B", 50, 100, 1], ["C", 0, 50, 2], ["D", 20, 70, 5]]
    p = make_project(fw, ["unit", "x", "y", "z"], rows)
    r = compute(p)
    fw2 = p.framework.with_weights({"x": 0.2, "y": 0.8})
    fresh = compute(type(p)(fw2, p.data, p.settings, p.problems))
    live = r.reweight(fw2)
    close(live.scores_array, fresh.scores_array, 1e-9)
    assert live.bod_weights == fresh.bod_weights
    if method != "bod":  # BoD chooses its own weights; the others move with the edit
        assert not np.allclose(live.scores_array[:, 1], r.scores_array[:, 1])


def test_settings_accept_the_methods_and_check_their_values():
    problems = ProblemList()
    s = parse_settings([(2, "aggregation", "灰色关联"), (3, "topsis_normalization", "min-max"),
                        (4, "grey_rho", 0.3), (5, "bod_min_share", 0.1)], problems)
    assert not problems.items
    assert (s.aggregation, s.topsis_normalization, s.grey_rho, s.bod_min_share) == ("grey", "minmax", 0.3, 0.1)
    problems = ProblemList()
    s = parse_settings([(2, "grey_rho", 0), (3, "bod_min_share", 0.6), (4, "bod_max_share", 0.5),
                        (5, "topsis_normalization", "zscore")], problems)
    kinds = sorted(p.args.get("variant", p.kind) for p in problems.errors)
    assert kinds == ["bod_shares", "grey_rho", "setting"], [p.format() for p in problems]
    assert (s.grey_rho, s.bod_min_share, s.bod_max_share) == (0.5, 0.0, 1.0)  # defaults kept


def test_uncertainty_batches_fall_back_to_one_run_per_weight_vector():
    # the batched weight runs of the uncertainty analysis must not treat grey as a harmonic mean
    from core.analysis.uncertainty import batched_scores

    r = compute(project("grey"))
    W = np.array([r.plan.weight_vector(r.local), [0.0, 0.2, 0.8]])
    out = batched_scores(r.plan, W)
    for i in range(2):
        close(out[i], r.plan.scores(W[i]))
    close(out[0][:, 0], [100 * (0.6 + 0.4 / 3), 70.0, 40.0])


def test_bod_keeps_only_the_non_dominated_units_as_constraints():
    from core.pipeline.bod import bod_scores, nondominated

    # (1, 0) and (0, 1) and (.6, .6) are not dominated; (.5, .5) ≤ (.6, .6); the second (1, 0) repeats
    Y = np.array([[1.0, 0.0], [0.5, 0.5], [0.0, 1.0], [0.6, 0.6], [1.0, 0.0]])
    assert list(nondominated(Y)) == [0, 2, 3]
    # the scores are those of the full programme: (.5,.5) reaches .5/.6 · ... worked out:
    # max .5 w1 + .5 w2 s.t. w1 ≤ 1, w2 ≤ 1, .6 w1 + .6 w2 ≤ 1 -> w1 + w2 = 1/.6 -> 0.8333
    best, _ = bod_scores(Y, np.ones(Y.shape, bool))
    close(best, [1.0, 0.5 / 0.6, 1.0, 1.0, 1.0], 1e-7)


def test_framework_cells_accept_the_names_and_their_chinese():
    fw = [node("IDX", None, aggregation="秩和比"), node("P", "IDX", 0.5, aggregation="TOPSIS"),
          node("Q", "IDX", 0.5, aggregation="灰色关联"), node("x", "P", 1.0), node("y", "Q", 1.0)]
    p = make_project(fw, ["unit", "x", "y"], [["A", 1, 2], ["B", 2, 1]])
    assert [p.framework.nodes[c].aggregation for c in ("IDX", "P", "Q")] == ["rsr", "topsis", "grey"]


def test_bod_remembers_its_answer_for_the_same_values():
    from core.pipeline import bod

    bod.CACHE.clear()
    Y = np.array([[1.0, 0.0], [0.5, 1.0], [0.0, 0.5]])
    use = np.ones(Y.shape, bool)
    first = bod.bod_scores(Y, use)
    assert len(bod.CACHE) == 1
    first[0][0] = -1.0  # the caller's copy; the remembered answer is untouched
    again = bod.bod_scores(Y, use)
    close(again[0], [1.0, 1.0, 0.5], 1e-7)
    bod.bod_scores(Y, use, 0.3, 0.7)  # other bounds: another answer
    assert len(bod.CACHE) == 2
