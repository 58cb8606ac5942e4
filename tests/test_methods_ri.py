"""The random index tables of Donegan & Dodd (1991) and Saaty (2005) as named `--ri` options."""

import numpy as np
import pytest

from core.weighting.ahp import RI_TABLES, ahp_weights, random_index
from tests.test_cli import run


def test_the_tables_as_published():
    # Donegan & Dodd (1991), Math. Comput. Modelling 15(10) 135–137: n = 3 … 20
    assert [random_index(n, "donegan_dodd") for n in range(3, 21)] == [
        0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497,
        1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371]
    # Saaty (2005), Theory and Applications of the ANP, p. 31: n = 3 … 15
    assert [random_index(n, "saaty2005") for n in range(3, 16)] == [
        0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]
    assert random_index(21, "donegan_dodd") is None and random_index(16, "saaty2005") is None
    for name in ("donegan_dodd", "saaty2005"):
        t = RI_TABLES[name]
        assert t[1] == t[2] == 0.0
        vals = [t[n] for n in sorted(t)]
        assert vals == sorted(vals)  # a random index grows with n


@pytest.mark.parametrize("table,ri", [("donegan_dodd", 0.4914), ("saaty2005", 0.52), ("saaty", 0.58)])
def test_cr_uses_the_chosen_table(table, ri):
    # A: a > b 2, a > c 6, b > c 2 (consistent would be 4): λmax from numpy's eigenvalues,
    # CI = (λ − 3) / 2, CR = CI / RI(3)
    A = np.array([[1, 2, 6], [1 / 2, 1, 2], [1 / 6, 1 / 2, 1]])
    lam = max(np.linalg.eigvals(A).real)
    r = ahp_weights(A, ri_table=table)
    assert r["ri"] == ri
    assert r["cr"] == pytest.approx((lam - 3) / 2 / ri, rel=1e-9)


def test_the_commands_accept_the_new_names(capsys):
    from core.files.paths import SAMPLE_WORKBOOK
    assert run("weights", SAMPLE_WORKBOOK, "--method", "ahp", "--ri", "donegan_dodd") == 0
    assert run("weights", SAMPLE_WORKBOOK, "--method", "ahp", "--ri", "saaty2005") == 0
    with pytest.raises(SystemExit) as e:
        run("weights", SAMPLE_WORKBOOK, "--method", "ahp", "--ri", "dd")
    assert e.value.code == 2
