"""The probit grading of the rank-sum ratio into levels (秩和比分档; 田凤调's RSR method, issue 20 point 3).

A node aggregated by `rsr` scores each unit S · RSR (core.pipeline.aggregate_matrix.a_rsr). The
RSR method does not stop at the ranking: it fits the RSR to the normal scale and cuts it into k
levels, so a committee can say "these eight cities are 上". The classic procedure (孙振球《医学统计学》,
the RSR chapter; the same steps in the R package RSR and in the widely copied Python form that
reprints the textbook's tables), here exactly:

1. sort the units' RSR ascending; per distinct value its frequency f, cumulative Σf, and mean rank
   R̄ — the average of the ranks 1…n it occupies, (Σf − f + 1 + Σf) / 2;
2. percent p = R̄ / n, a p of 100 % (the highest value, when no other unit shares it) corrected to
   1 − 1/(4n), where Φ⁻¹ is infinite; Probit = 5 + Φ⁻¹(p) (Φ⁻¹ from the standard library's
   `statistics.NormalDist`, no scipy). A highest value shared by several units has R̄ < n and is
   not corrected (as in the R package mathmodels' rank_sum_ratio; a widely copied Python form
   overwrites the last row whatever it is — the textbook's wording, "the last, 100 %", is ours);
3. least squares RSR = a + b · Probit over the DISTINCT values — one point per row of the
   distribution table, as the textbook's table is laid out and as the R package and the Python
   reprints fit it (not one point per unit; with ties the two differ: documented choice);
   R² = SSR/SST, F = SSR / (SSE / (m − 2)) on (1, m − 2) degrees of freedom, m the number of
   distinct values, its P from core.analysis.stats.f_sf;
4. k levels (3 … 10) cut at Probit t_i = 2 + 6i/k, i = 1 … k − 1 (k = 3: 4, 6; k = 4: 3.5, 5, 6.5),
   each at the percentile Φ(t_i − 5) and the RSR cut value a + b · t_i;
5. each unit's fitted RSR = a + b · its Probit, and its grade 1 … k (k the best): 1 + the number
   of cut values at or below its fitted RSR (the textbook grades by the fitted RSR).

RSR values equal to 11 decimals are one value (two units whose weighted rank sums differ only by
floating-point noise tie, as the ranking's 9 decimals on the 0–100 scale do). Fewer than 3 units or
a single distinct value: no regression and no grades, and the result's note says why; two distinct
values: the line passes through both, no F test. Units without a score at the node are left out
and listed (`missing`). Levels outside 3 … 10 raise `RSRGradingError`.

`rsr_grading(units, rsr, levels)` grades given values; `grading_for_node(result, node, levels)`
reads a node of a Result aggregated by `rsr` (its scores / scale are the RSR values);
`rsr_nodes(result)` lists such nodes, the index first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np

from core.analysis.stats import f_sf
from core.text.rsr_texts import level_names, rsr_text

MIN_LEVELS, MAX_LEVELS, DEFAULT_LEVELS = 3, 10, 3
MIN_UNITS = 3
RSR_DECIMALS = 11  # RSR values equal to this many decimals are one value (see the docstring)
_PHI = NormalDist()


class RSRGradingError(ValueError):
    """A grading that cannot be asked for (bad levels, a node that is not rsr): `key` and `fields`
    name the sentence in core.text.rsr_texts; `text(lang)` says it."""

    def __init__(self, key: str, **fields):
        self.key, self.fields = key, fields
        super().__init__(rsr_text(key, "en", **fields))

    def text(self, lang: str | None) -> str:
        return rsr_text(self.key, lang, **self.fields)


def thresholds(levels: int) -> tuple[float, ...]:
    """The Probit cut points 2 + 6i/k, i = 1 … k − 1."""
    check_levels(levels)
    return tuple(2.0 + 6.0 * i / levels for i in range(1, levels))


def check_levels(levels) -> int:
    if isinstance(levels, bool) or not isinstance(levels, (int, np.integer)) or not MIN_LEVELS <= levels <= MAX_LEVELS:
        raise RSRGradingError("bad_levels", levels=levels)
    return int(levels)


def probit(p: float) -> float:
    """5 + Φ⁻¹(p), the probability unit of a percent p in (0, 1)."""
    return 5.0 + _PHI.inv_cdf(p)


@dataclass(frozen=True)
class DistinctRow:
    """One row of the RSR distribution table (ascending RSR)."""

    rsr: float
    f: int
    cum_f: int
    mean_rank: float
    percent: float  # p as a fraction (R̄/n; 1 − 1/(4n) in place of 1)
    probit: float


@dataclass(frozen=True)
class UnitRow:
    unit: str
    rsr: float
    rank: int  # 1 = the highest RSR, ties share the best rank
    probit: float
    fitted: float | None  # a + b · probit (None without a regression)
    grade: int | None  # 1 … k, k the best (None without a regression)


@dataclass(frozen=True)
class LevelRow:
    """A level's range: Probit, percentile (fraction) and fitted RSR, None for an open end."""

    grade: int
    probit_low: float | None
    probit_high: float | None
    percentile_low: float | None
    percentile_high: float | None
    rsr_low: float | None
    rsr_high: float | None


@dataclass(frozen=True)
class RSRGrading:
    levels: int
    units: tuple[UnitRow, ...]  # ranking order: RSR descending, ties by name
    table: tuple[DistinctRow, ...]  # the distribution table, RSR ascending
    a: float | None
    b: float | None
    r2: float | None
    f: float | None  # inf when the points lie exactly on the line
    p: float | None
    thresholds: tuple[float, ...]  # Probit cut points
    percentiles: tuple[float, ...]  # Φ(t − 5), fractions
    cuts: tuple[float, ...]  # RSR cut values a + b·t (empty without a regression)
    missing: tuple[str, ...] = ()
    node: str = ""
    notes: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = field(default=())

    @property
    def regressed(self) -> bool:
        return self.a is not None

    def note(self, lang: str | None) -> str:
        """What the grading could not do, and who was left out, in `lang`."""
        return " ".join(rsr_text(k, lang, **dict(f)) for k, f in self.notes)

    def level_name(self, grade: int, lang: str | None) -> str:
        return level_names(self.levels, lang)[grade - 1]

    def level_rows(self) -> list[LevelRow]:
        """The k levels, the lowest first, with their Probit, percentile and fitted-RSR ranges."""
        t = (None, *self.thresholds, None)
        pc = (None, *self.percentiles, None)
        c = (None, *self.cuts, None) if self.cuts else (None,) * (self.levels + 1)
        return [LevelRow(g, t[g - 1], t[g], pc[g - 1], pc[g], c[g - 1], c[g]) for g in range(1, self.levels + 1)]

    def line(self, lang: str | None, digits: int = 4) -> str:
        """The regression line and its figures in words (or why there is none)."""
        if not self.regressed:
            return rsr_text("no_line", lang, why=self.note(lang))
        fmt = f"{{:.{digits}f}}"
        fields = dict(a=fmt.format(self.a), b=fmt.format(self.b), r2=fmt.format(self.r2), m=len(self.table))
        if self.f is None:
            return rsr_text("line_no_f", lang, **fields)
        f = "∞" if math.isinf(self.f) else f"{self.f:.2f}"
        p = "< 0.0001" if self.p < 1e-4 else f"= {self.p:.4f}"
        return rsr_text("line", lang, f=f, p=p, **fields)

    def to_dict(self, lang: str | None = None) -> dict:
        """Plain data for JSON (non-finite numbers as None)."""
        def num(v):
            return None if v is None or not math.isfinite(v) else float(v)
        names = level_names(self.levels, lang)
        return {
            "node": self.node, "levels": self.levels, "level_names": names,
            "regression": {"a": num(self.a), "b": num(self.b), "r2": num(self.r2), "F": num(self.f),
                           "p": num(self.p), "over": "distinct values"},
            "distribution": [{"rsr": r.rsr, "f": r.f, "cum_f": r.cum_f, "mean_rank": r.mean_rank,
                              "percent": r.percent, "probit": r.probit} for r in self.table],
            "cuts": [{"probit": t, "percentile": pc, "rsr": (self.cuts[i] if self.cuts else None)}
                     for i, (t, pc) in enumerate(zip(self.thresholds, self.percentiles))],
            "units": [{"unit": u.unit, "rsr": u.rsr, "rank": u.rank, "probit": u.probit, "fitted": u.fitted,
                       "grade": u.grade, "level": None if u.grade is None else names[u.grade - 1]}
                      for u in self.units],
            "missing": list(self.missing), "note": self.note(lang),
        }


def _groups(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(order ascending, group index per sorted position): values equal to RSR_DECIMALS share a group."""
    key = np.round(values, RSR_DECIMALS)
    order = np.argsort(key, kind="stable")
    k = key[order]
    group = np.concatenate(([0], np.cumsum(k[1:] != k[:-1]))) if len(k) else np.empty(0, int)
    return order, group


def _regress(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float | None, float | None]:
    """Least squares y = a + b x: (a, b, R², F, P); F and P None with two points."""
    m = len(x)
    xm, ym = x.mean(), y.mean()
    sxx = float(((x - xm) ** 2).sum())
    sxy = float(((x - xm) * (y - ym)).sum())
    syy = float(((y - ym) ** 2).sum())
    b = sxy / sxx
    a = float(ym - b * xm)
    ssr = b * sxy
    sse = max(syy - ssr, 0.0)
    r2 = ssr / syy
    if m < 3:
        return a, b, r2, None, None
    if sse <= 1e-15 * syy:
        return a, b, r2, math.inf, 0.0
    f = ssr / (sse / (m - 2))
    return a, b, r2, f, f_sf(f, 1.0, m - 2.0)


def rsr_grading(units, rsr, levels: int = DEFAULT_LEVELS, *, missing=(), node: str = "") -> RSRGrading:
    """Grade the units by their RSR into `levels` levels (see the module docstring).

    `units` and `rsr` are parallel; a NaN RSR leaves its unit out (added to `missing`)."""
    k = check_levels(levels)
    units = [str(u) for u in units]
    values = np.asarray(rsr, dtype=float)
    if values.shape != (len(units),):
        raise ValueError("units and rsr must have the same length")
    ok = ~np.isnan(values)
    missing = tuple(missing) + tuple(u for u, o in zip(units, ok) if not o)
    units = [u for u, o in zip(units, ok) if o]
    values = values[ok]
    n = len(values)
    t = thresholds(k)
    pct = tuple(_PHI.cdf(x - 5.0) for x in t)

    order, group = _groups(values)
    table: list[DistinctRow] = []
    probit_of_group: list[float] = []
    cum = 0
    for g in range(int(group[-1]) + 1 if n else 0):
        members = order[group == g]
        f = len(members)
        first = cum + 1
        cum += f
        mean_rank = (first + cum) / 2.0
        p = mean_rank / n if mean_rank < n else 1.0 - 1.0 / (4.0 * n)
        table.append(DistinctRow(float(values[members].min()), f, cum, mean_rank, p, probit(p)))
        probit_of_group.append(table[-1].probit)
    unit_probit = np.empty(n)
    unit_probit[order] = np.asarray(probit_of_group)[group] if n else []

    notes: list[tuple[str, tuple]] = []
    a = b = r2 = fstat = pval = None
    if n < MIN_UNITS:
        notes.append(("few_units", (("n", n),)))
    elif len(table) < 2:
        notes.append(("all_equal", (("rsr", f"{values[0]:.4f}"),)))
    else:
        x = np.array([r.probit for r in table])
        y = np.array([r.rsr for r in table])
        a, b, r2, fstat, pval = _regress(x, y)
        if fstat is None:
            notes.append(("two_values", ()))
    cuts = tuple(a + b * x for x in t) if a is not None else ()
    if missing:
        notes.append(("missing", (("units", "、".join(missing)),)))

    # ranking order: RSR descending (to RSR_DECIMALS), ties by name; rank = 1 + number strictly above
    key = np.round(values, RSR_DECIMALS)
    rows = []
    for i in sorted(range(n), key=lambda i: (-key[i], units[i])):
        fitted = None if a is None else a + b * float(unit_probit[i])
        grade = None if fitted is None else 1 + sum(fitted >= c for c in cuts)
        rows.append(UnitRow(units[i], float(values[i]), int((key > key[i]).sum()) + 1, float(unit_probit[i]),
                            fitted, grade))
    return RSRGrading(k, tuple(rows), tuple(table), a, b, r2, fstat, pval, t, pct, cuts, missing, node,
                      tuple(notes))


def rsr_nodes(result) -> list[str]:
    """The internal nodes aggregated by `rsr`, in the framework's pre-order (the index first)."""
    fw, s = result.framework, result.settings
    return [c for c in fw.preorder() if c in fw.internal and fw.aggregation_of(c, s.aggregation) == "rsr"]


def grading_for_node(result, node: str | None = None, levels: int | None = None) -> RSRGrading:
    """The grading of a node aggregated by `rsr` (default: the first such node, the index if it is
    one), `levels` defaulting to the project's `rsr_levels` setting."""
    fw, s = result.framework, result.settings
    k = check_levels(getattr(s, "rsr_levels", DEFAULT_LEVELS) if levels is None else levels)
    if node is None:
        nodes = rsr_nodes(result)
        if not nodes:
            raise RSRGradingError("no_rsr_node")
        node = nodes[0]
    if node not in fw.internal:
        raise RSRGradingError("no_node", node=node, known=", ".join(fw.internal))
    method = fw.aggregation_of(node, s.aggregation)
    if method != "rsr":
        raise RSRGradingError("not_rsr", node=node, method=method)
    scores = result.scores_array[:, result.plan.codes.index(node)]
    return rsr_grading(result.units, scores / s.scale, k, node=node)
