"""Published worked examples reproduced at their published precision.

Here: Copeland and Kemeny (the Tennessee capital example) and TOPSIS's weighted normalised matrix
(one step). TOPSIS's final figures and grey relational analysis are in test_published_examples.py,
benefit of the doubt in test_published_bod.py."""

import numpy as np

from core.analysis.outranking import kemeny
from core.pipeline.aggregate_matrix import copeland_scores, outranking_matrix, topsis_normalise

# --- Copeland and Kemeny ---------------------------------------------------------------------------
# The Tennessee capital example (Wikipedia, "Kemeny–Young method" and "Copeland's method"): voters
# near Memphis 42 % (Memphis > Nashville > Chattanooga > Knoxville), Nashville 26 % (N > C > K > M),
# Chattanooga 15 % (C > K > N > M), Knoxville 17 % (K > C > N > M). Each group is a child whose
# weight is its share and whose value is the rank it gives (4 = first choice); e_ab is then the
# share of voters preferring a to b. Published: N > C 68 %, N > K 68 %, C > K 83 %, every city > M
# 58 %; Kemeny ranking Nashville > Chattanooga > Knoxville > Memphis with score 393 (of 100 voters);
# Nashville the Condorcet winner.
CITIES = ["Memphis", "Nashville", "Chattanooga", "Knoxville"]
GROUPS = np.array([0.42, 0.26, 0.15, 0.17])
RANKS = np.array([[4, 1, 1, 1],   # Memphis as ranked by each group
                  [3, 4, 2, 2],   # Nashville
                  [2, 3, 4, 3],   # Chattanooga
                  [1, 2, 3, 4]], dtype=float)  # Knoxville


def test_tennessee_pairwise_majorities_copeland_and_kemeny():
    E = outranking_matrix(RANKS, np.ones(RANKS.shape, bool), GROUPS)
    m, n, c, k = range(4)
    assert round(E[n, c] * 100) == 68 and round(E[n, k] * 100) == 68 and round(E[c, k] * 100) == 83
    assert all(round(E[x, m] * 100) == 58 for x in (n, c, k))
    assert list(copeland_scores(E)) == [-3, 3, 1, -1]  # Nashville beats all three
    best = kemeny(E)
    assert [CITIES[i] for i in best["order"]] == ["Nashville", "Chattanooga", "Knoxville", "Memphis"]
    assert round(best["score"] * 100) == 393


# --- TOPSIS -----------------------------------------------------------------------------------------
# B. Sennaroğlu, Decision Analysis lecture notes (2009), TOPSIS example after Yoon & Hwang (1995):
# three alternatives (17, 12), (10, 9), (8, 6), weights 0.714 and 0.286; the published weighted
# normalised matrix V = [[0.5703, 0.2124], [0.3355, 0.1593], [0.2684, 0.1062]].


def test_topsis_weighted_normalised_matrix_as_published():
    X = np.array([[17.0, 12.0], [10.0, 9.0], [8.0, 6.0]])
    V = topsis_normalise(X, np.ones(X.shape, bool), "vector") * np.array([0.714, 0.286])
    assert np.array_equal(np.round(V, 4), [[0.5703, 0.2124], [0.3355, 0.1593], [0.2684, 0.1062]])
