"""AHP (层次分析法): pairwise matrices, weights, consistency, and where the inconsistency is.

DESIGN §2. A pairwise matrix A over n children holds aᵢⱼ = how many times child i
matters more than child j (Saaty's 1–9 scale, reciprocals 1/2 … 1/9), aⱼᵢ = 1/aᵢⱼ.

- `ahp_weights(A, method)` gives the weights by name:
  `eigen` (default) the principal right eigenvector; `geometric` (根法) the normalised
  row geometric means; `arithmetic` (和法) the row means of the column-normalised matrix.
  For every method λmax = mean of (Aw)ᵢ/wᵢ, CI = (λmax − n)/(n − 1), CR = CI/RI with RI
  from `RI_TABLES` (Saaty's by default, the table common in Chinese textbooks, Donegan & Dodd's
  1991 or Saaty's 2005; sources in the README); CR ≥ 0.10
  is flagged (`consistent` False). For n ≤ 2, RI = 0 and CR = 0 by definition; beyond the
  table's n, CR is None (and so is `consistent`).
- `inconsistency_hints(A, w)` ranks the judgements by how far each departs from what the
  weights imply (|ln(aᵢⱼ·wⱼ/wᵢ)|) and, for each, the value of the 1–9 scale that would
  lower CR the most.
- `parse_pairwise(table, children, problems)` reads an `AHP-<code>` sheet (DESIGN §3):
  child codes as row and column headers in any order, numbers or text fractions ("1/3"),
  an empty lower (or upper) triangle filled by reciprocals; every problem names the file,
  the sheet, the Excel row, the column and the value.

Pure functions over numpy arrays; no file is written here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from openpyxl.utils import get_column_letter

from core.model.problems import ProblemList
from core.model.table import Table, is_blank

AHP_METHODS = ("eigen", "geometric", "arithmetic")
METHOD_NAMES = {"eigen": ("特征向量法", "principal eigenvector"),
                "geometric": ("根法（行几何平均）", "row geometric mean"),
                "arithmetic": ("和法（列归一化后行平均）", "normalised column sums")}

# Random consistency index RI by n (index = n). n ≤ 2: 0.
RI_TABLES: dict[str, dict[int, float]] = {
    # Saaty (1980/1990), n = 3 … 10
    "saaty": {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49},
    # the table of many Chinese textbooks, n = 3 … 15
    "chinese": {1: 0.0, 2: 0.0, 3: 0.52, 4: 0.89, 5: 1.12, 6: 1.26, 7: 1.36, 8: 1.41, 9: 1.46,
                10: 1.49, 11: 1.52, 12: 1.54, 13: 1.56, 14: 1.58, 15: 1.59},
    # Donegan, H. A. & Dodd, F. J. (1991) "A note on Saaty's random indexes", Mathematical and
    # Computer Modelling 15(10): 135–137, n = 3 … 20 (the paper goes on to 25, 30, … 100 in steps,
    # not kept: the lookup is by exact n)
    "donegan_dodd": {1: 0.0, 2: 0.0, 3: 0.4914, 4: 0.8286, 5: 1.0591, 6: 1.1797, 7: 1.2519,
                     8: 1.3171, 9: 1.3733, 10: 1.4055, 11: 1.4213, 12: 1.4497, 13: 1.4643,
                     14: 1.4822, 15: 1.4969, 16: 1.5078, 17: 1.5153, 18: 1.5262, 19: 1.5313,
                     20: 1.5371},
    # Saaty, T. L. (2005) Theory and Applications of the Analytic Network Process, RWS
    # Publications, Pittsburgh, p. 31, n = 3 … 15
    "saaty2005": {1: 0.0, 2: 0.0, 3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.40, 9: 1.45,
                  10: 1.49, 11: 1.52, 12: 1.54, 13: 1.56, 14: 1.58, 15: 1.59},
}
CR_LIMIT = 0.10

# Saaty's scale: 1/9 … 1/2, 1, 2 … 9
SAATY_VALUES: tuple[float, ...] = tuple([1.0 / k for k in range(9, 1, -1)] + [float(k) for k in range(1, 10)])
SCALE_LABELS_ZH = {1: "同等重要", 2: "介于同等与稍微之间", 3: "稍微重要", 4: "介于稍微与明显之间",
                   5: "明显重要", 6: "介于明显与强烈之间", 7: "强烈重要", 8: "介于强烈与极端之间",
                   9: "极端重要"}
SCALE_LABELS_EN = {1: "equal importance", 2: "between equal and moderate", 3: "moderate importance",
                   4: "between moderate and strong", 5: "strong importance",
                   6: "between strong and very strong", 7: "very strong importance",
                   8: "between very strong and extreme", 9: "extreme importance"}

LOW, HIGH = 1.0 / 9.0, 9.0
# Rounded decimals typed for a reciprocal (0.11 for 1/9, 0.33 for 1/3, 0.14 for 1/7) are
# accepted: a judgement may lie this factor below 1/9, and two cells are reciprocal when
# aᵢⱼ·aⱼᵢ is within this factor of 1.
TOLERANCE = 1.05


# ----------------------------------------------------------------------------------- weights

def random_index(n: int, table: str = "saaty") -> float | None:
    """RI for an n×n matrix; None when the table does not reach n."""
    if table not in RI_TABLES:
        raise ValueError(f"unknown RI table {table!r}; known: {', '.join(RI_TABLES)}")
    if n <= 2:
        return 0.0
    return RI_TABLES[table].get(n)


def _weights_only(A: np.ndarray, method: str) -> np.ndarray:
    n = A.shape[0]
    if n == 1:
        return np.ones(1)
    if method == "eigen":
        vals, vecs = np.linalg.eig(A)
        k = int(np.argmax(vals.real))
        w = np.abs(vecs[:, k].real)
    elif method == "geometric":
        w = np.exp(np.log(A).mean(axis=1))
    elif method == "arithmetic":
        w = (A / A.sum(axis=0)).mean(axis=1)
    else:
        raise ValueError(f"unknown AHP method {method!r}; known: {', '.join(AHP_METHODS)}")
    return w / w.sum()


def check_matrix(A: Any) -> np.ndarray:
    """A as a float array; ValueError unless square, positive, finite and reciprocal."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] == 0:
        raise ValueError(f"a pairwise matrix must be square, got shape {A.shape}")
    if not np.all(np.isfinite(A)) or np.any(A <= 0):
        raise ValueError("every judgement of a pairwise matrix must be a positive number")
    if not np.allclose(A * A.T, 1.0, rtol=0.1):
        raise ValueError("a pairwise matrix must be reciprocal (aⱼᵢ = 1/aᵢⱼ, aᵢᵢ = 1)")
    return A


def consistency(A: np.ndarray, w: np.ndarray, ri_table: str = "saaty") -> dict:
    """λmax = mean of (Aw)ᵢ/wᵢ, CI, RI, CR for the weights w of A."""
    n = A.shape[0]
    lam = float(np.mean((A @ w) / w)) if n > 1 else 1.0
    ci = (lam - n) / (n - 1) if n > 1 else 0.0
    ri = random_index(n, ri_table)
    if n <= 2:
        cr: float | None = 0.0
    elif ri is None:
        cr = None
    else:
        cr = ci / ri
    return {"lambda_max": lam, "ci": ci, "ri": ri, "cr": cr,
            "consistent": None if cr is None else bool(cr < CR_LIMIT)}


def ahp_weights(A: Any, method: str = "eigen", ri_table: str = "saaty") -> dict:
    """Weights of a pairwise matrix with its consistency figures.

    Returns dict(weights: ndarray summing to 1, lambda_max, ci, ri, cr, consistent,
    method, ri_table). `consistent` is False when CR ≥ 0.10, None when CR is undefined.
    """
    A = check_matrix(A)
    w = _weights_only(A, method)
    out = {"weights": w}
    out.update(consistency(A, w, ri_table))
    out.update(method=method, ri_table=ri_table)
    return out


def consistent_matrix(w: Sequence[float]) -> np.ndarray:
    """The perfectly consistent matrix aᵢⱼ = wᵢ/wⱼ of a weight vector."""
    w = np.asarray(w, dtype=float)
    return w[:, None] / w[None, :]


# ------------------------------------------------------------------------------------- hints

def scale_text(v: float) -> str:
    """A judgement as written on the 1–9 scale: 3 → '3', 1/3 → '1/3', 2.5 → '2.5'."""
    if v >= 1:
        r = round(v)
        return str(r) if abs(v - r) < 1e-9 else f"{v:g}"
    r = round(1.0 / v)
    return f"1/{r}" if abs(1.0 / v - r) < 1e-9 else f"{v:.4g}"


def inconsistency_hints(A: Any, w: Sequence[float] | None = None, codes: Sequence[str] | None = None,
                        method: str = "eigen", ri_table: str = "saaty", top: int | None = 3) -> list[dict]:
    """The judgements most responsible for the inconsistency, ranked, each with the Saaty
    value that would lower CR the most.

    A judgement's share of the blame is its departure from the ratio the weights imply,
    d = |ln(aᵢⱼ·wⱼ/wᵢ)| (0 for a consistent matrix). For each of the `top` largest (all when
    None), every value 1/9 … 9 is tried in place of aᵢⱼ (and its reciprocal in aⱼᵢ) and CR
    recomputed with the same method and RI table; the value giving the lowest CR is suggested
    (ties: the one closest to the current judgement). Where CR is undefined (n beyond the RI
    table) CI is minimised instead. Each entry: row, col (0-based), row_code, col_code,
    current, implied (wᵢ/wⱼ), deviation, suggested, suggested_text, cr_before, cr_after.
    """
    A = check_matrix(A)
    n = A.shape[0]
    if n <= 2:
        return []
    if w is None:
        w = _weights_only(A, method)
    w = np.asarray(w, dtype=float)
    codes = list(codes) if codes is not None else [str(i + 1) for i in range(n)]
    base = consistency(A, w, ri_table)
    key = "cr" if base["cr"] is not None else "ci"
    pairs = [(abs(math.log(A[i, j] * w[j] / w[i])), i, j) for i in range(n) for j in range(i + 1, n)]
    pairs.sort(key=lambda t: -t[0])
    if top is not None:
        pairs = pairs[:top]
    out = []
    for dev, i, j in pairs:
        best = None
        for v in SAATY_VALUES:
            B = A.copy()
            B[i, j], B[j, i] = v, 1.0 / v
            c = consistency(B, _weights_only(B, method), ri_table)[key]
            rank = (round(c, 12), abs(math.log(v / A[i, j])))
            if best is None or rank < best[0]:
                best = (rank, v, c)
        assert best is not None
        out.append({"row": i, "col": j, "row_code": codes[i], "col_code": codes[j],
                    "current": float(A[i, j]), "implied": float(w[i] / w[j]), "deviation": dev,
                    "suggested": best[1], "suggested_text": scale_text(best[1]),
                    f"{key}_before": base[key], f"{key}_after": best[2]})
    return out


# ------------------------------------------------------------------------------------ parsing

_FRACTION = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*[/:]\s*([0-9]*\.?[0-9]+)\s*$")
_NUMBER = re.compile(r"^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$")


class JudgementError(ValueError):
    pass


def parse_judgement(v: Any) -> float | None:
    """A cell of a pairwise matrix as a number: 3, 0.25, '3', '1/3', '１／３' (full width).
    None for an empty cell; JudgementError (a ValueError) with a plain reason otherwise."""
    if is_blank(v):
        return None
    if isinstance(v, bool):
        raise JudgementError("is not a number")
    if isinstance(v, (dt.date, dt.time)):
        raise JudgementError("was turned into a date by Excel (typing 1/3 in a General cell does that); "
                             "type it as text ('1/3) or as a decimal (0.333)")
    if isinstance(v, (int, float)):
        x = float(v)
    else:
        s = unicodedata.normalize("NFKC", str(v)).strip().replace("÷", "/")
        m = _FRACTION.match(s)
        if m:
            den = float(m.group(2))
            if den == 0:
                raise JudgementError("divides by zero")
            x = float(m.group(1)) / den
        elif _NUMBER.match(s):
            x = float(s)
        else:
            raise JudgementError("is not a number or a fraction like 1/3")
    if not math.isfinite(x):
        raise JudgementError("is not a finite number")
    return x


@dataclass(frozen=True)
class Pairwise:
    """A pairwise matrix read from a sheet, in the order of `codes` (the node's children)."""

    node: str
    codes: tuple[str, ...]
    matrix: np.ndarray | None  # None when the sheet holds no judgement at all
    file: str = ""
    sheet: str = ""

    @property
    def empty(self) -> bool:
        return self.matrix is None


def _code_text(v: Any) -> str:
    if is_blank(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def parse_pairwise(table: Table, node: str, children: Sequence[str], problems: ProblemList,
                   who: str = "", expert: str = "") -> Pairwise | None:
    """Read the pairwise matrix of `node` from an `AHP-<node>` sheet.

    Returns a `Pairwise` (its matrix None when no judgement was entered), or None when the
    sheet has errors — each added to `problems` naming file, sheet, Excel row, column and
    value; `who` (e.g. "expert 张三") prefixes every message.
    """
    f, sh = table.file, table.sheet
    prefix = f"{who}: " if who else ""
    n_before = len(problems.errors)
    children = [str(c) for c in children]

    def err(kind: str, msg: str, row: int | None, col: str = "", value: Any = None, **args: Any) -> None:
        if expert:
            args["expert"] = expert
        problems.error(kind, prefix + msg, file=f, sheet=sh, row=row, column=col, value=value, code=node,
                       args=args or None)

    width, body = _matrix_block(table)
    col_of, row_of = _matrix_headers(table, body, width, node, children, err)
    if len(problems.errors) > n_before:
        return None
    cells = _matrix_cells(table, body, children, col_of, row_of, err)
    if len(problems.errors) > n_before:
        return None
    if not cells:
        return Pairwise(node, tuple(children), None, f, sh)
    A = _reciprocal_matrix(table, children, col_of, row_of, cells, err)
    if len(problems.errors) > n_before:
        return None
    return Pairwise(node, tuple(children), A, f, sh)


def _matrix_block(table: Table) -> tuple[int, list[list]]:
    """The matrix is the block at the top left: the header row up to its first empty cell, the rows
    down to the first empty row. Notes below or to the right are not read. Returns (width, rows)."""
    width = next((j for j in range(1, len(table.header)) if not _code_text(table.header[j])), len(table.header))
    body: list[list] = []
    for r in table.rows:
        if all(is_blank(v) for v in r):
            break
        body.append(r)
    return width, body


def _matrix_headers(table: Table, body: list[list], width: int, node: str, children: list[str],
                    err: Any) -> tuple[dict[str, int], dict[str, int]]:
    """child → its column (header[1:width]) and its row (first cell of each row); an unknown,
    repeated or missing child code is an error."""
    kids = set(children)
    col_of: dict[str, int] = {}
    for j, h in enumerate(table.header[1:width], start=1):
        c = _code_text(h)
        letter = get_column_letter(j + 1)
        if c not in kids:
            err("ahp_unknown_code", f"column header '{c}' in cell {letter}{table.header_row} is not a child "
                f"of '{node}' (its children: {', '.join(children)})", table.header_row, c, c)
        elif c in col_of:
            err("ahp_duplicate_code", f"'{c}' heads two columns (cell {letter}{table.header_row})",
                table.header_row, c, c)
        else:
            col_of[c] = j
    row_of: dict[str, int] = {}
    for i, r in enumerate(body):
        c = _code_text(r[0] if r else None)
        if not c:
            if any(not is_blank(v) for v in r[1:width]):
                err("ahp_no_row_code", f"row {table.excel_row(i)} has judgements but no child code in "
                    f"cell A{table.excel_row(i)}", table.excel_row(i), "A")
            continue
        if c not in kids:
            err("ahp_unknown_code", f"row header '{c}' in cell A{table.excel_row(i)} is not a child of "
                f"'{node}' (its children: {', '.join(children)})", table.excel_row(i), "A", c)
        elif c in row_of:
            err("ahp_duplicate_code", f"'{c}' heads two rows (cell A{table.excel_row(i)})",
                table.excel_row(i), "A", c)
        else:
            row_of[c] = i
    for c in children:
        if c not in col_of:
            err("ahp_missing_code", f"child '{c}' of '{node}' has no column (the header row {table.header_row} "
                "must list every child code)", table.header_row, c, child=c)
        if c not in row_of:
            err("ahp_missing_code", f"child '{c}' of '{node}' has no row (column A must list every child "
                "code)", None, "A", None, child=c)
    return col_of, row_of


def _matrix_cells(table: Table, body: list[list], children: list[str], col_of: dict[str, int],
                  row_of: dict[str, int], err: Any) -> dict[tuple[int, int], tuple[float, int, str, str]]:
    """Every judgement entered: (i, j) → (value, Excel row, cell, column header); a cell that is not a
    judgement on the scale (or a diagonal other than 1) is an error."""
    idx = {c: k for k, c in enumerate(children)}
    cells: dict[tuple[int, int], tuple[float, int, str, str]] = {}
    for a in children:
        i = row_of[a]
        excel_row = table.excel_row(i)
        row = body[i]
        for b in children:
            j = col_of[b]
            v = row[j] if j < len(row) else None
            ref = f"{get_column_letter(j + 1)}{excel_row}"
            try:
                x = parse_judgement(v)
            except JudgementError as e:
                err("ahp_not_a_number", f"cell {ref} ({a} vs {b}) {e}", excel_row, b, v, cell=ref, a=a, b=b)
                continue
            if x is None:
                continue
            if a == b:
                if abs(x - 1.0) > 1e-9:
                    err("ahp_diagonal", f"cell {ref} on the diagonal ({a} vs {a}) must be 1", excel_row, b, v, cell=ref)
                continue
            if x <= 0:
                err("ahp_not_positive", f"cell {ref} ({a} vs {b}): a judgement must be positive (1/9 … 9)",
                    excel_row, b, v, cell=ref, a=a, b=b)
                continue
            if x < LOW / TOLERANCE or x > HIGH * (1 + 1e-9):
                err("ahp_out_of_scale", f"cell {ref} ({a} vs {b}) is outside Saaty's scale 1/9 … 9",
                    excel_row, b, v, cell=ref, a=a, b=b)
                continue
            cells[(idx[a], idx[b])] = (x, excel_row, ref, b)
    return cells


def _reciprocal_matrix(table: Table, children: list[str], col_of: dict[str, int], row_of: dict[str, int],
                       cells: dict[tuple[int, int], tuple[float, int, str, str]], err: Any) -> np.ndarray:
    """The full matrix from the judgements of one triangle (the other filled by reciprocals); a pair
    with no judgement, or two that are not reciprocal, is an error."""
    n = len(children)
    # Sheet positions, to tell the cell above the diagonal (as laid out) from its mirror.
    rpos = {c: k for k, c in enumerate(sorted(children, key=lambda c: row_of[c]))}
    cpos = {c: k for k, c in enumerate(sorted(children, key=lambda c: col_of[c]))}
    A = np.ones((n, n))
    for p in range(n):
        for q in range(p + 1, n):
            a, b = children[p], children[q]
            if cpos[b] - rpos[a] < cpos[a] - rpos[b]:  # (b, a) is the upper cell
                (p_up, q_up), (p_lo, q_lo) = (q, p), (p, q)
            else:
                (p_up, q_up), (p_lo, q_lo) = (p, q), (q, p)
            up, lo = cells.get((p_up, q_up)), cells.get((p_lo, q_lo))
            if up is None and lo is None:
                ra, cb = children[p_up], children[q_up]
                ref = f"{get_column_letter(col_of[cb] + 1)}{table.excel_row(row_of[ra])}"
                err("ahp_missing", f"no judgement for {ra} vs {cb}: fill cell {ref}",
                    table.excel_row(row_of[ra]), cb, cell=ref, a=ra, b=cb)
                continue
            if up is not None and lo is not None and abs(math.log(up[0] * lo[0])) > math.log(TOLERANCE):
                err("ahp_not_reciprocal", f"cells {up[2]} and {lo[2]} are not reciprocal: {scale_text(up[0])} "
                    f"and {scale_text(lo[0])} (the lower triangle must hold 1/x of the upper, or stay empty)",
                    lo[1], lo[3], lo[0], cell=up[2], cell2=lo[2])
                continue
            if up is not None:
                A[p_up, q_up], A[p_lo, q_lo] = up[0], 1.0 / up[0]
            else:
                assert lo is not None
                A[p_lo, q_lo], A[p_up, q_up] = lo[0], 1.0 / lo[0]
    return A
