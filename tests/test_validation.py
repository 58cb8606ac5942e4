"""Each bad input gets a message naming the file, sheet, row and column, and the value seen."""

import numpy as np
import pytest

from core.model.framework import parse_framework
from core.model.problems import ProblemList
from core.model.settings import Settings, parse_settings
from core.pipeline.run import compute
from tests.helpers import fw_table, make_project, node

FW = [node("R", None), node("D", "R"), node("a", "D"), node("b", "D")]


def problems_of(data_rows, header=("城市", "a", "b"), fw=FW, settings=None):
    p = make_project(fw, list(header), data_rows, settings, allow_errors=True)
    return p, p.problems


def one(problems, kind):
    found = [p for p in problems if p.kind == kind]
    assert found, [p.format() for p in problems]
    return found


@pytest.mark.parametrize("text", ["12,3", "约50", "—"])
def test_text_in_a_number_column(text):
    p, probs = problems_of([["北京", 1, 2], ["上海", text, 3], ["广州", 4, 5]])
    (e,) = one(probs, "non_numeric")
    assert e.severity == "error" and e.row == 3 and e.column == "a" and e.value == text
    assert "t.xlsx" in e.format() and "row 3" in e.format() and "'a'" in e.format()
    # never coerced to zero: the cell is missing
    assert np.isnan(p.data.values.loc["上海", "a"])


def test_number_written_as_text_is_read_with_a_warning():
    p, probs = problems_of([["北京", "1.5", 2], ["上海", 2, 3]])
    (w,) = one(probs, "number_as_text")
    assert w.severity == "warning" and p.data.values.loc["北京", "a"] == 1.5


def test_empty_cell_is_reported_and_stays_missing():
    p, probs = problems_of([["北京", 1, 2], ["上海", None, 3], ["广州", 4, 5]])
    (w,) = one(probs, "missing")
    assert w.row == 3 and w.column == "a" and w.unit == "上海"


def test_duplicate_unit_names():
    _, probs = problems_of([["北京", 1, 2], ["上海", 2, 3], ["北京", 4, 5]])
    (e,) = one(probs, "duplicate_unit")
    assert e.row == 4 and e.value == "北京" and "row 2" in e.message


def test_indicator_with_no_data():
    _, probs = problems_of([["北京", None, 2], ["上海", None, 3]])
    (e,) = one(probs, "empty_indicator")
    assert e.severity == "error" and e.column == "a"


def test_unit_with_no_data():
    p, probs = problems_of([["北京", 1, 2], ["上海", None, None], ["广州", 4, 5]])
    (w,) = one(probs, "empty_unit_data")
    assert w.row == 3 and w.unit == "上海"
    r = compute(p)
    assert r.ranking()[-1]["unit"] == "上海" and r.ranking()[-1]["rank"] is None


def test_constant_column_where_method_divides_by_range():
    _, probs = problems_of([["北京", 7, 2], ["上海", 7, 3], ["广州", 7, 5]])
    (w,) = one(probs, "constant")
    assert w.column == "a" and w.value == 7


def test_non_positive_value_where_log_is_asked():
    fw = [node("R", None), node("D", "R"), node("a", "D", transform="log"), node("b", "D")]
    _, probs = problems_of([["北京", 1, 2], ["上海", 0, 3], ["广州", -2, 5]], fw=fw)
    errs = one(probs, "transform_domain")
    assert [(e.row, e.column) for e in errs] == [(3, "a"), (4, "a")]


def test_misspelt_header_is_flagged_and_the_leaf_has_no_column():
    _, probs = problems_of([["北京", 1, 2]], header=("城市", "a", "B1"),
                           fw=[node("R", None), node("D", "R"), node("a", "D"), node("B1x", "D")])
    (w,) = one(probs, "misspelt_header")
    assert w.column == "B1" and "B1x" in w.message
    (e,) = one(probs, "no_data_column")
    assert e.code == "B1x" and e.sheet == "framework" and e.row == 5


def test_missing_denominator_column():
    fw = [node("R", None), node("D", "R"), node("a", "D", denominator="人口"), node("b", "D")]
    _, probs = problems_of([["北京", 1, 2]], fw=fw)
    (e,) = one(probs, "no_denominator")
    assert e.value == "人口" and e.row == 4 and e.column == "denominator"


# --- the framework as a whole, every problem in one pass ------------------------------
def test_framework_problems_all_in_one_pass():
    rows = [
        node("R", None),
        node("R2", None),  # a second root
        node("D", "R"),
        node("a", "D", weight="heavy"),  # non-numeric weight
        node("b", "D", weight=-1),  # negative weight
        node("a", "D"),  # duplicate code
        node("", "D"),  # empty code
        node("c", "nowhere"),  # unknown parent
        node("E", "R", aggregation="median-ish"),  # unknown method
        node("e1", "E", normalization="goalposts", mn=5, mx=1),  # min >= max
    ]
    probs = ProblemList()
    fw = parse_framework(fw_table(rows), probs)
    assert fw is None  # the tree cannot be built
    kinds = {p.kind for p in probs}
    assert {"root_count", "non_numeric_weight", "negative_weight", "duplicate_code", "empty_code",
            "unknown_parent", "unknown_method"} <= kinds
    dup = next(p for p in probs if p.kind == "duplicate_code")
    assert dup.row == 7 and dup.column == "code" and "row 5" in dup.message
    bad_w = next(p for p in probs if p.kind == "non_numeric_weight")
    assert bad_w.row == 5 and bad_w.column == "weight" and bad_w.value == "heavy"


def test_cycle_is_found():
    rows = [node("R", None), node("A", "B"), node("B", "A"), node("x", "R")]
    probs = ProblemList()
    assert parse_framework(fw_table(rows), probs) is None
    (c,) = [p for p in probs if p.kind == "cycle"]
    assert "A" in c.message and "B" in c.message and c.row in (3, 4)


def test_sibling_weights_mixed_zero_and_goalposts():
    rows = [node("R", None), node("D", "R", 1), node("E", "R"),  # mixed set/empty
            node("a", "D", 0), node("b", "D", 0),  # all zero
            node("c", "E", normalization="goalposts", mn=10, mx=10)]
    probs = ProblemList()
    fw = parse_framework(fw_table(rows), probs)
    assert fw is not None
    kinds = [p.kind for p in probs]
    assert "mixed_weights" in kinds and "zero_weights" in kinds and "goalposts" in kinds
    mixed = next(p for p in probs if p.kind == "mixed_weights")
    assert mixed.code == "E" and mixed.row == 4


def test_settings_problems_name_the_row():
    probs = ProblemList()
    s = parse_settings([(2, "scale", "百"), (3, "normalization", "minimax"), (4, "colour", "red"),
                        (5, "decimals", 2)], probs, "t.xlsx", "设置")
    assert s.decimals == 2 and s.scale == 100
    assert [(p.kind, p.row) for p in probs] == [("non_numeric", 2), ("unknown_method", 3),
                                               ("unknown_setting", 4)]


def test_chinese_method_names_and_directions_are_understood():
    rows = [["R", None, "总", None, None, "几何平均", None],
            ["a", "R", "甲", None, "负向", None, "极差标准化"],
            ["b", "R", "乙", None, "正向", None, None]]
    probs = ProblemList()
    fw = parse_framework(fw_table(rows, ["代码", "上级", "名称", "权重", "方向", "聚合方法", "标准化方法"]),
                         probs)
    assert not probs.has_errors, [p.format() for p in probs]
    assert fw.nodes["a"].direction == -1 and fw.nodes["R"].aggregation == "geometric"
    assert fw.normalization_of("a", "rank") == "minmax"


def test_settings_defaults():
    assert Settings().scale == 100 and Settings().node_min_coverage == 0.5
