"""Reading single cells (core/model/table.py): one rule wherever a sheet is parsed."""

import math

import pytest

from core.model.table import cell_number, cell_text, is_blank


@pytest.mark.parametrize("v, expected", [(None, ""), (float("nan"), ""), ("   ", ""), (3.0, "3"), (3.5, "3.5"),
                                         (7, "7"), ("  华东 ", "华东"), ("R1", "R1")])
def test_cell_text(v, expected):
    assert cell_text(v) == expected


@pytest.mark.parametrize("v, expected", [(2, 2.0), (0.25, 0.25), (" 3 ", 3.0), ("12%", 0.12), ("12％", 0.12),
                                         (" 50 % ", 0.5), ("1e-2", 0.01)])
def test_cell_number_reads_numbers_and_percentages(v, expected):
    assert cell_number(v) == pytest.approx(expected, rel=1e-15)


@pytest.mark.parametrize("v", [True, False, "12,3", "约50", "—", "%", "abc%", ""])
def test_cell_number_refuses_a_typo_instead_of_making_it_a_number(v):
    with pytest.raises(ValueError):
        cell_number(v)


def test_blank_cells():
    assert is_blank(None) and is_blank(" ") and is_blank(math.nan)
    assert not is_blank(0) and not is_blank("0")
