"""The data sheet's rules that the window and the report share (core/model/dataset.py)."""

import pandas as pd

from core.model.dataset import group_column


def groups(*columns):
    return pd.DataFrame({c: ["x", "y"] for c in columns}, index=["A", "B"], dtype=object)


def test_group_column_is_region_when_there_is_one():
    assert group_column(groups("province", "region")) == "region"


def test_group_column_is_else_the_first_group_column():
    assert group_column(groups("province", "size")) == "province"


def test_group_column_is_empty_without_group_columns():
    assert group_column(pd.DataFrame(index=["A", "B"])) == ""
    assert group_column(None) == ""
