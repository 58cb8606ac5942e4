"""Fuzzing `check` with damaged inputs (issue 17, "What it must show").

Hypothesis mutates a valid input workbook (its sheet XML, its other parts, or its raw bytes) and
a valid CSV (characters, bytes, encodings), and runs `check` on the result in-process. Whatever
the damage, `check` must end with exit 0 (a mutation that changed nothing that matters) or 1
(problems in the input, the project's code for a bad file; see README "Headless use"), print
something, and let no exception escape. Bounded: 60 examples per test, no deadline per example.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import zipfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.cli.commands import run

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FRAMEWORK = [
    ["code", "parent", "name_zh", "weight", "direction"],
    ["R", None, "总分", None, None],
    ["D1", "R", "维度一", 0.5, None],
    ["D2", "R", "维度二", 0.5, None],
    ["X1", "D1", "指标一", 1, "+"],
    ["X2", "D2", "指标二", 1, "+"],
    ["X3", "D2", "指标三", 1, "-"],
]
DATA = [["城市", "X1", "X2", "X3", "region"],
        ["北京", 10.5, 3, 7, "华北"], ["上海", 9, 4.25, 6, "华东"], ["广州", 7, 2, 9, "华南"],
        ["深圳", 8, 5, 5, "华南"], ["杭州", 6, 1.5, 8, "华东"]]


def _valid_workbook() -> bytes:
    wb = openpyxl.Workbook()
    fw = wb.active
    fw.title = "framework"
    for r in FRAMEWORK:
        fw.append(r)
    data = wb.create_sheet("data")
    for r in DATA:
        data.append(r)
    settings_ws = wb.create_sheet("settings")
    settings_ws.append(["key", "value"])
    settings_ws.append(["decimals", 2])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


VALID_XLSX = _valid_workbook()
with zipfile.ZipFile(io.BytesIO(VALID_XLSX)) as _z:
    PARTS = {i.filename: _z.read(i.filename) for i in _z.infolist()}


def _valid_csv() -> str:
    """The sample's data as a CSV: scored with the bundled default framework, without errors."""
    from core.files.paths import SAMPLE_WORKBOOK
    from tests.helpers import load_or_raise
    values = load_or_raise(SAMPLE_WORKBOOK).data.values.iloc[:8]
    lines = [",".join(["城市", *values.columns])]
    lines += [",".join([u, *(format(x, ".10g") for x in row)]) for u, row in zip(values.index, values.to_numpy())]
    return "\n".join(lines) + "\n"


VALID_CSV = _valid_csv()


def _check(name: str, data: bytes) -> tuple[int, str]:
    with tempfile.TemporaryDirectory(prefix="cityindex-fuzz-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = run(["check", str(path)])
            except SystemExit as e:  # argparse only; a bad file must not reach it
                rc = e.code
        return rc, out.getvalue() + err.getvalue()


def _assert_handled(name: str, data: bytes) -> None:
    rc, text = _check(name, data)
    assert rc in (0, 1), (rc, text[-2000:])
    assert text.strip(), "check printed nothing"
    assert "Traceback" not in text


# Text that means something to a spreadsheet reader: values, cell types, references, formulas.
TOKENS = ["<v>NaN</v>", "<v>inf</v>", "<v>-1e309</v>", "<v>1_000</v>", "<v></v>", 't="e"', 't="s"', 't="str"',
          't="b"', 't="d"', "<f>1/0</f>", 'r="XFD1048576"', 'r="A1048576"', 'r="ZZ99999"', 'r="A0"', 'r="-1"',
          'r="AAAA1"', '<row r="1048576">', "<row>", "</row>", "<c>", "</c>", "<is><t>x</t></is>", "&amp;", "&#0;",
          "\x00", "<", ">", '"', "\ufeff", "约50", "12,3", "<dimension ref=\"A1:XFD1048576\"/>", "<sheetData/>",
          '<mergeCell ref="A1:XFD1048576"/>', '<v>99999999999999999999999</v>', "<v>0101</v>", "<v>  </v>"]
MUTATION = st.tuples(st.sampled_from(["replace", "insert", "delete", "truncate"]),
                     st.floats(0, 1), st.integers(0, 40),
                     st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)))


def _mutate(text: str, ops) -> str:
    for op, where, length, payload in ops:
        i = int(where * len(text))
        if op == "replace":
            text = text[:i] + payload + text[i + length:]
        elif op == "insert":
            text = text[:i] + payload + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + length:]
        else:
            text = text[:i]
    return text


def _repack(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


@FUZZ
@given(part=st.sampled_from(sorted(PARTS)), ops=st.lists(MUTATION, min_size=1, max_size=4),
       also_data_sheet=st.booleans())
def test_check_survives_a_damaged_workbook_xml(part, ops, also_data_sheet):
    parts = dict(PARTS)
    targets = {part} | ({"xl/worksheets/sheet2.xml"} if also_data_sheet else set())
    for t in targets:
        parts[t] = _mutate(parts[t].decode("utf-8"), ops).encode("utf-8", "surrogatepass")
    _assert_handled("input.xlsx", _repack(parts))


@FUZZ
@example(edits=[(0.5, b"\x00")], cut=None)  # found by a longer run: a zlib error inside a deflated part
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), min_size=1, max_size=6),
       cut=st.one_of(st.none(), st.floats(0, 1)))
def test_check_survives_damaged_workbook_bytes(edits, cut):
    data = bytearray(VALID_XLSX)
    for where, chunk in edits:
        i = int(where * (len(data) - 1))
        data[i:i + len(chunk)] = chunk
    if cut is not None:
        data = data[: int(cut * len(data))]
    _assert_handled("input.xlsx", bytes(data))


CSV_TOKENS = ["\x00", ",", ";", "\t", '"', "\n", "\r", "\r\n", "\ufeff", "1_000", "12,3", "nan", "inf", "1e999",
              "—", "约50", "0101", " ", "北京", "T11", "城市", "=1+1", "\u2028", "\x1a"]


@FUZZ
@example(ops=[("insert", 0.0, 0, "\x00"), ("insert", 0.0, 0, "\r")], encoding="utf-8", raw=None)  # a longer run
@given(ops=st.lists(st.tuples(st.sampled_from(["replace", "insert", "delete", "truncate"]), st.floats(0, 1),
                              st.integers(0, 10), st.one_of(st.sampled_from(CSV_TOKENS), st.text(max_size=8))),
                    min_size=1, max_size=6),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1"]),
       raw=st.one_of(st.none(), st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=6))))
def test_check_survives_a_damaged_csv(ops, encoding, raw):
    text = _mutate(VALID_CSV, ops)
    data = bytearray(text.encode(encoding, "replace"))
    if raw is not None:
        i = int(raw[0] * len(data))
        data[i:i + len(raw[1])] = raw[1]
    _assert_handled("input.csv", bytes(data))


def test_the_unmutated_inputs_check_clean():
    # the fuzzers' starting points are valid: exit 0 (so a mutation is what makes a problem)
    rc, text = _check("input.xlsx", VALID_XLSX)
    assert rc == 0, text
    rc, text = _check("input.csv", VALID_CSV.encode())
    assert rc == 0, text
