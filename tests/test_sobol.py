"""Sobol' points, Saltelli's design and Sobol' indices without scipy or SALib (core/analysis/sobol.py).

Every expected value comes from an independent reference: scipy.stats.qmc.Sobol and SALib
(kept in the development environment as oracles only), the points printed in scipy's
documentation, the (t, m, s)-net property of Sobol' points, and closed-form indices (the
Ishigami function, linear models). The last test keeps scipy and SALib out of the
application's run-time code (core/, gui/).
"""

import ast
import math
import warnings
from pathlib import Path

import numpy as np
import pytest

from core.analysis.sobol import saltelli_sample, sobol_analyze, sobol_points
from core.analysis.uncertainty import sobol_indices
from core.files.paths import RESOURCES

ROOT = Path(__file__).resolve().parent.parent


def scipy_sobol(n, d, **kw):
    from scipy.stats import qmc
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy warns when n is not a power of two
        return qmc.Sobol(d, **kw).random(n)


def salib_problem(groups):
    return {"num_vars": len(groups), "names": [f"x{i}" for i in range(len(groups))],
            "bounds": [[0.0, 1.0]] * len(groups), "groups": list(groups)}


# --- the direction numbers ---------------------------------------------------------------------------

def test_the_bundled_direction_numbers_are_scipys():
    import scipy.stats
    src = Path(scipy.stats.__file__).resolve().parent / "_sobol_direction_numbers.npz"
    with np.load(src) as ref, np.load(RESOURCES / "sobol" / "joe_kuo_6_21201.npz") as ours:
        assert set(ours.files) == {"poly", "vinit"}
        for key in ("poly", "vinit"):
            assert ours[key].dtype.kind == "u" and ours[key].dtype.itemsize <= 4
            assert np.array_equal(ours[key].astype(np.int64), ref[key])
    assert "Frances Y. Kuo and Stephen Joe" in (RESOURCES / "sobol" / "LICENSE.txt").read_text(encoding="utf-8")


# --- points --------------------------------------------------------------------------------------------

def test_the_first_points_are_the_ones_scipy_documents():
    # scipy.stats.qmc.Sobol's docstring: Sobol(d=2, scramble=False).random_base2(m=3)
    expected = [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75],
                [0.375, 0.375], [0.875, 0.875], [0.625, 0.125], [0.125, 0.625]]
    assert np.array_equal(sobol_points(8, 2, scramble=False), np.array(expected))


@pytest.mark.parametrize(("n", "d"), [(1, 1), (2, 3), (100, 7), (1024, 50), (512, 1111), (64, 21201)])
def test_unscrambled_points_equal_scipys(n, d):
    assert np.array_equal(sobol_points(n, d, scramble=False), scipy_sobol(n, d, scramble=False))


@pytest.mark.parametrize(("n", "d", "seed"), [(8, 2, 0), (1024, 12, 5), (256, 2500, 7)])
def test_scrambled_points_equal_scipys_for_the_same_seed(n, d, seed):
    # Not required of the design, but it shows the scramble is scipy's LMS + shift; d = 2500
    # crosses the chunks in which the random matrices are drawn.
    assert np.array_equal(sobol_points(n, d, seed=seed), scipy_sobol(n, d, seed=seed))


@pytest.mark.parametrize("m", [0, 1, 5, 10])
def test_scrambled_points_keep_one_point_per_interval(m):
    n = 1 << m
    X = sobol_points(n, 40, seed=123)
    assert X.shape == (n, 40) and X.min() >= 0.0 and X.max() < 1.0
    cells = np.floor(X * n).astype(int)
    assert all(np.array_equal(np.sort(cells[:, j]), np.arange(n)) for j in range(40))


@pytest.mark.parametrize("scramble", [False, True])
def test_the_first_two_dimensions_are_a_0_m_2_net(scramble):
    # Dimensions 1 and 2 of Sobol' form a (0, m, 2)-net: every box [i/2^a, (i+1)/2^a) ×
    # [j/2^b, (j+1)/2^b) with a + b = m holds exactly one of n = 2^m points; LMS + shift keeps it.
    m = 9
    n = 1 << m
    X = sobol_points(n, 2, scramble=scramble, seed=9)
    for a in range(m + 1):
        b = m - a
        cell = np.floor(X[:, 0] * 2 ** a).astype(int) * 2 ** b + np.floor(X[:, 1] * 2 ** b).astype(int)
        assert len(np.unique(cell)) == n


def test_a_seed_repeats_the_points_and_another_seed_changes_them():
    a = sobol_points(256, 10, seed=1)
    assert np.array_equal(a, sobol_points(256, 10, seed=1))
    assert not np.array_equal(a, sobol_points(256, 10, seed=2))
    assert not np.array_equal(a, sobol_points(256, 10, scramble=False))


def test_out_of_range_arguments_are_refused():
    with pytest.raises(ValueError):
        sobol_points(8, 0)
    with pytest.raises(ValueError):
        sobol_points(8, 21202)
    with pytest.raises(ValueError):
        saltelli_sample(12, ["a", "b"], seed=0)
    assert sobol_points(0, 3).shape == (0, 3)


# --- the design ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("groups", "scramble"), [
    (["a", "b", "c"], True),
    (["g", "h", "g", "k", "h", "h"], True),
    (["g", "h", "g"], False),
])
def test_the_design_is_salibs(groups, scramble):
    from SALib.sample import sobol as salib_sample
    X = salib_sample.sample(salib_problem(groups), 64, calc_second_order=False, scramble=scramble, seed=11)
    assert np.array_equal(saltelli_sample(64, groups, seed=11, scramble=scramble), X)


def test_the_design_blocks_are_a_ab_and_b_of_the_base_sample():
    groups = ["g", "h", "g", "k"]
    n, D, G = 32, 4, 3
    base = sobol_points(n, 2 * D, seed=4)
    A, B = base[:, :D], base[:, D:]
    X = saltelli_sample(n, groups, seed=4)
    assert X.shape == (n * (G + 2), D)
    step = G + 2
    assert np.array_equal(X[0::step], A) and np.array_equal(X[step - 1::step], B)
    for k, cols in enumerate([[0, 2], [1], [3]]):
        AB = X[1 + k::step]
        other = [c for c in range(D) if c not in cols]
        assert np.array_equal(AB[:, cols], B[:, cols]) and np.array_equal(AB[:, other], A[:, other])


# --- the indices ---------------------------------------------------------------------------------------

def ishigami(X, a=7.0, b=0.1):
    x = -np.pi + 2 * np.pi * X
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def ishigami_indices(a=7.0, b=0.1):
    """Closed form (Ishigami & Homma 1990; e.g. Saltelli et al. 2010, section 4)."""
    pi = math.pi
    V1 = 0.5 * (1 + b * pi ** 4 / 5) ** 2
    V2 = a ** 2 / 8
    V13 = b ** 2 * pi ** 8 * (1 / 18 - 1 / 50)
    V = V1 + V2 + V13
    return np.array([V1, V2, 0.0]) / V, np.array([V1 + V13, V2, V13]) / V


def test_the_ishigami_closed_form_is_the_published_one():
    S1, ST = ishigami_indices()
    assert S1 == pytest.approx([0.3139, 0.4424, 0.0], abs=1e-4)
    assert ST == pytest.approx([0.5576, 0.4424, 0.2437], abs=1e-4)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_ishigami_indices_are_found(seed):
    groups = ["x1", "x2", "x3"]
    X = saltelli_sample(1 << 13, groups, seed=seed)
    S = sobol_analyze(ishigami(X), groups, seed=seed)
    S1, ST = ishigami_indices()
    assert S["groups"] == groups
    assert S["S1"] == pytest.approx(S1, abs=0.02)
    assert S["ST"] == pytest.approx(ST, abs=0.02)
    assert np.all(S["S1_conf"] > 0) and np.all(S["S1_conf"] < 0.1) and np.all(S["ST_conf"] < 0.1)


def test_a_linear_models_indices_are_its_variance_shares():
    # y = Σ aᵢxᵢ, xᵢ ~ U(0, 1) independent: Sᵢ = STᵢ = aᵢ² / Σ aⱼ²; a group adds its shares.
    a = np.array([1.0, 2.0, 3.0, 0.5])
    groups = ["p", "q", "q", "r"]
    X = saltelli_sample(1 << 12, groups, seed=3)
    S = sobol_analyze(X @ a, groups, seed=3)
    share = a ** 2 / (a ** 2).sum()
    expected = [share[0], share[1] + share[2], share[3]]
    assert S["S1"] == pytest.approx(expected, abs=0.01)
    assert S["ST"] == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("groups", [["a", "b", "c"], ["g", "h", "g", "k", "h"]])
def test_the_estimates_are_salibs(groups):
    from SALib.analyze import sobol as salib_analyze
    X = saltelli_sample(256, groups, seed=5)
    Y = np.sin(X @ np.arange(1.0, len(groups) + 1)) + X[:, 0] ** 2 + 10.0  # not centred
    ref = salib_analyze.analyze(salib_problem(groups), Y, calc_second_order=False, num_resamples=100,
                                conf_level=0.9, seed=8)
    ours = sobol_analyze(Y, groups, n_resamples=100, conf_level=0.9, seed=8)
    for key in ("S1", "ST"):
        assert np.allclose(ours[key], ref[key], rtol=0, atol=1e-12)
    # Same seed → the same bootstrap draws as SALib's default_rng(seed).integers(...):
    for key in ("S1_conf", "ST_conf"):
        assert np.allclose(ours[key], ref[key], rtol=0, atol=1e-12)
    # Other resamples: the widths are of the same size.
    other = sobol_analyze(Y, groups, n_resamples=100, conf_level=0.9, seed=9)
    for key in ("S1_conf", "ST_conf"):
        ratio = other[key] / np.asarray(ref[key])
        assert np.all((ratio > 0.5) & (ratio < 2.0)), (key, ratio)


def test_a_constant_output_gives_zeros_quietly():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        S = sobol_analyze(np.full(4 * 16, 3.0), ["a", "b"], seed=1)
    assert all(np.array_equal(S[k], np.zeros(2)) for k in ("S1", "ST", "S1_conf", "ST_conf"))
    with pytest.raises(ValueError):
        sobol_analyze(np.zeros(10), ["a", "b"], seed=1)


def test_sobol_indices_give_what_salib_gave():
    # core.analysis.uncertainty.sobol_indices before this module: SALib's sample and analyze, seed and seed + 1.
    from SALib.analyze import sobol as salib_analyze
    from SALib.sample import sobol as salib_sample
    names, groups = ["a", "b", "c", "d"], ["g", "g", "h", "k"]

    def model(X):
        return X[:, 0] * X[:, 1] + np.exp(X[:, 2]) - 0.3 * X[:, 3]

    ours, evaluations = sobol_indices(names, groups, model, 100, seed=6)  # rounded up to 128
    problem = {"num_vars": 4, "names": names, "bounds": [[0.0, 1.0]] * 4, "groups": groups}
    X = salib_sample.sample(problem, 128, calc_second_order=False, scramble=True, seed=6)
    ref = salib_analyze.analyze(problem, model(X), calc_second_order=False, num_resamples=100,
                                conf_level=0.95, print_to_console=False, seed=7)
    assert evaluations == len(X) == 128 * 5
    for i, g in enumerate(["g", "h", "k"]):
        got = ours[g]
        want = {"first": ref["S1"][i], "total": ref["ST"][i],
                "first_conf": ref["S1_conf"][i], "total_conf": ref["ST_conf"][i]}
        assert got == pytest.approx(want, abs=1e-12)


# --- no scipy or SALib at run time ---------------------------------------------------------------------

FORBIDDEN = {"scipy", "SALib"}


def imported_modules(tree: ast.AST) -> set[str]:
    """Every absolute module an AST imports, at any depth (inside functions too), including
    importlib.import_module("…") and __import__("…") with a literal name."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name in ("import_module", "__import__"):
                found.add(node.args[0].value)
    return found


def test_the_import_scanner_sees_nested_imports():
    src = ("import os\ndef f():\n    from scipy.stats import norm\n    import SALib.sample as s\n"
           "    importlib.import_module('scipy.special')\nfrom . import sobol\n")
    assert imported_modules(ast.parse(src)) == {"os", "scipy.stats", "SALib.sample", "scipy.special"}


def test_core_sobol_needs_only_numpy_and_the_standard_library():
    import sys
    tree = ast.parse((ROOT / "core" / "analysis" / "sobol.py").read_text(encoding="utf-8"))
    tops = {m.split(".")[0] for m in imported_modules(tree)}
    assert tops - set(sys.stdlib_module_names) <= {"numpy", "core"}  # core: its own package (paths)


def test_the_application_never_imports_scipy_or_salib():
    offenders = []
    for package in ("core", "gui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            bad = sorted(m for m in imported_modules(tree) if m.split(".")[0] in FORBIDDEN)
            if bad:
                offenders.append(f"{path.relative_to(ROOT)}: {', '.join(bad)}")
    assert not offenders, "scipy/SALib are test oracles only:\n" + "\n".join(offenders)
