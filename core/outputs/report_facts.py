"""The facts of the report draft, and the sentences that state them: pure, no Qt, no docx.

Every number here is read off a `Result` (scores, ranks, weights) — nothing is estimated
or invented — and every sentence is a template of core.outputs.report_text filled with them:

- `top_units(result, n)`: the units ranked n or better (ties at n included), in rank order;
- `city_facts(result, unit)`: a unit's rank and score, its strongest and weakest dimension
  (highest and lowest score among the first-level nodes; a tie goes to the better rank,
  then tree order) with their scores and ranks, the dimensions above the average, and the
  indicators on which it ranks first (by normalised score, ties share rank 1);
- `dimension_facts`, `indicator_rows`, `scatter_facts`, `uncertainty_facts`;
- `*_sentences(...)`: the plain statements the draft prints, in zh or en.

`illustrative_source(path)` tells whether an input is the bundled illustrative sample (or
any workbook whose document properties say it is illustrative, as tools/make_sample.py
writes them), so that the draft's title page can say so.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from core.outputs.report_text import join_list, words
from core.pipeline.rank import min_rank_desc, order

if TYPE_CHECKING:
    from core.pipeline.run import Result

PREFERRED_SCATTER = ("T", "A")  # the report's 图26: R&D capability against application innovation


@dataclass(frozen=True)
class ReportOptions:
    top_n: int = 10
    lang: str = "zh"
    scatter: tuple[str, str] | None = None  # None: PREFERRED_SCATTER if present, else the first two dimensions
    title: str = ""  # '' = the default title of the language
    illustrative: bool = False
    source_name: str = ""  # the input's file name, shown on the title page
    max_bars: int = 50  # ranking charts show at most this many units
    # the appendix's per-indicator tables list at most this many units (best first; 0 or None: all): with
    # 3,000 units × 500 indicators a full appendix is 1.5 million rows, tens of thousands of pages
    appendix_max_units: int | None = 100
    date: tuple[int, int] | None = None  # (year, month) on the title page; None = today
    extra: dict = field(default_factory=dict, compare=False)


# --- numbers as text ---------------------------------------------------------------------------
def fmt(v: float | None, decimals: int) -> str:
    if v is None or not np.isfinite(v):
        return "—"
    return f"{v:.{max(int(decimals), 0)}f}"


def raw_decimals(values, most: int = 4) -> int:
    """The decimals that show every value of a column exactly (at most `most`), so a column reads evenly."""
    d = 0
    for v in values:
        if v is None or not np.isfinite(v):
            continue
        while d < most and abs(round(float(v), d) - float(v)) > 1e-9 * max(1.0, abs(float(v))):
            d += 1
    return d


def fmt_weight(v: float | None) -> str:
    if v is None or not np.isfinite(v):
        return "—"
    return f"{v:.4f}"


def _opt(v) -> float | None:
    return None if v is None or not np.isfinite(v) else float(v)


# --- inputs ------------------------------------------------------------------------------------
def illustrative_source(path: str | Path | None) -> bool:
    """True for the bundled sample workbook, or an .xlsx whose document title/description says its
    values are illustrative (示例数据 / Illustrative)."""
    if not path:
        return False
    p = Path(path)
    try:
        from core.files.paths import SAMPLE_WORKBOOK
        if p.resolve() == SAMPLE_WORKBOOK.resolve():
            return True
    except OSError:
        pass
    if p.suffix.lower() != ".xlsx" or not p.is_file():
        return False
    try:
        with zipfile.ZipFile(p) as z:
            core_xml = z.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    props = " ".join(re.findall(r"<dc:(?:title|description|subject)>(.*?)</dc:", core_xml, re.S))
    return "示例数据" in props or "illustrative" in props.lower()


def split_sources(text: str) -> list[str]:
    """One framework `source` cell as its separate sources: '科技部；企查查' names two. Split at ；/;
    outside brackets (a '、' inside '（搜索指数、媒体报道）' stays), blanks dropped."""
    parts, depth, cur = [], 0, []
    for ch in str(text or ""):
        if ch in "（([【":
            depth += 1
        elif ch in "）)]】":
            depth = max(depth - 1, 0)
        if ch in "；;" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [x.strip() for x in parts if x.strip()]


def source_list(framework) -> list[str]:
    """The distinct data sources of the indicators, each once, in the order the indicators name them."""
    out: dict[str, None] = {}
    for c in framework.leaves:
        for src in split_sources(framework.nodes[c].source):
            out.setdefault(src, None)
    return list(out)


def scatter_pair(result: Result, wanted: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """The two nodes of the scatter: `wanted` when both have scores, else T and A (the report's
    图26) when present, else the first two dimensions; None with fewer than two."""
    codes = set(result.plan.codes)
    fw = result.framework
    if wanted and all(c in codes and not fw.is_leaf(c) and c != fw.root for c in wanted) and wanted[0] != wanted[1]:
        return wanted[0], wanted[1]
    dims = [c for c in fw.children[fw.root] if c in codes and not fw.is_leaf(c)]
    if all(c in dims for c in PREFERRED_SCATTER):
        return PREFERRED_SCATTER
    return (dims[0], dims[1]) if len(dims) >= 2 else None


def dimensions(result: Result) -> list[str]:
    fw = result.framework
    codes = set(result.plan.codes)
    return [c for c in fw.children[fw.root] if c in codes]


# --- the ranking -------------------------------------------------------------------------------
def ranked_rows(result: Result) -> list[dict]:
    """Ranked units in rank order: unit, rank, score (units without a rank left out). Read off
    `rank_order()`, not `ranking()`, which builds every node's score for every unit."""
    idx, ranks = result.rank_order()
    root = result.root_scores
    return [{"unit": result.units[i], "rank": int(ranks[i]), "score": float(root[i])}
            for i in idx if np.isfinite(ranks[i])]


def top_units(result: Result, n: int) -> list[dict]:
    """Units ranked n or better (ties at n included), in rank order, with `nodes`: {code: score}."""
    codes = result.plan.codes
    S = result.scores_array
    pos = {u: i for i, u in enumerate(result.units)}
    out = []
    for r in ranked_rows(result):
        if r["rank"] > n:
            break
        i = pos[r["unit"]]
        out.append(dict(r, nodes={c: _opt(S[i, j]) for j, c in enumerate(codes) if j}))
    return out


def profile_reference(result: Result, unit: str) -> tuple[str, int] | None:
    """The unit a profile compares `unit` with, and its rank: the leader (first in rank order), but for
    the leader itself the runner-up (next in rank order), so no city is compared with itself. None when
    there is nobody else to compare with."""
    rows = ranked_rows(result)
    if not rows:
        return None
    ref = rows[1] if rows[0]["unit"] == unit else rows[0]
    if ref["unit"] == unit or (rows[0]["unit"] == unit and len(rows) < 2):
        return None
    return ref["unit"], int(ref["rank"])


def node_order(result: Result, code: str) -> list[tuple[int, int, float]]:
    """(unit index, rank, score) of the units with a score on `code`, best first."""
    j = result.plan.codes.index(code)
    v = result.scores_array[:, j]
    r = min_rank_desc(v)
    return [(i, int(r[i]), float(v[i])) for i in order(v, result.units) if np.isfinite(v[i])]


# --- one city ----------------------------------------------------------------------------------
def city_facts(result: Result, unit: str, lang: str = "zh") -> dict:
    """What the draft states about one unit (see the module docstring)."""
    fw = result.framework
    i = result.units.index(unit)
    ranks = min_rank_desc(result.root_scores)
    n_ranked = int(np.isfinite(ranks).sum())
    rank = None if np.isnan(ranks[i]) else int(ranks[i])
    tied = rank is not None and int((ranks == rank).sum()) > 1
    S = result.scores_array
    col = {c: j for j, c in enumerate(result.plan.codes)}
    dims = []
    for c in dimensions(result):
        v = S[:, col[c]]
        r = min_rank_desc(v)
        finite = v[np.isfinite(v)]
        dims.append({"code": c, "name": fw.nodes[c].name(lang), "score": _opt(v[i]),
                     "rank": None if np.isnan(r[i]) else int(r[i]),
                     "average": float(finite.mean()) if finite.size else None})
    scored = [d for d in dims if d["score"] is not None]
    # highest score; a tie goes to the better rank, then to tree order
    strongest = min(scored, key=lambda d: (-round(d["score"], 9), d["rank"], dims.index(d))) if scored else None
    weakest = min(scored, key=lambda d: (round(d["score"], 9), -d["rank"], dims.index(d))) if scored else None
    above = [d for d in scored if d["average"] is not None and d["score"] > d["average"] + 1e-9]
    top_rank = min((d["rank"] for d in scored), default=None)
    best_ranked = [d for d in scored if d["rank"] == top_rank]

    leaves = [c for c in fw.leaves if c in result.normalised.columns]
    N = result.normalised[leaves].to_numpy(dtype=float)
    first, best_rank, best = [], None, []
    for j, c in enumerate(leaves):
        r = min_rank_desc(N[:, j])
        if np.isnan(r[i]):
            continue
        ri = int(r[i])
        if ri == 1:
            first.append({"code": c, "name": fw.nodes[c].name(lang), "tied": int((r == 1).sum()) > 1})
        if best_rank is None or ri < best_rank:
            best_rank, best = ri, [c]
        elif ri == best_rank:
            best.append(c)
    return {"unit": unit, "rank": rank, "tied": tied, "n_ranked": n_ranked, "score": _opt(result.root_scores[i]),
            "dimensions": dims, "strongest": strongest, "weakest": weakest, "above_average": above,
            "best_ranked": best_ranked,
            "first": first, "n_indicators": len(leaves), "best_rank": best_rank,
            "best_indicators": [{"code": c, "name": fw.nodes[c].name(lang)} for c in best]}


def city_sentences(facts: dict, lang: str, decimals: int, figure: int | str) -> list[str]:
    T = words(lang)
    u = facts["unit"]
    d = decimals
    out = []
    if facts["rank"] is not None:
        out.append(T["s_city_rank"].format(unit=u, score=fmt(facts["score"], d), n=facts["n_ranked"],
                                           rank=facts["rank"], tie=T["s_tie"] if facts["tied"] else ""))
    s, w = facts["strongest"], facts["weakest"]
    scored = [x for x in facts["dimensions"] if x["score"] is not None]
    nd = len(facts["dimensions"])
    if s is not None and len(scored) > 1:
        args = dict(nd=nd, unit=u, best=s["name"], bs=fmt(s["score"], d), br=s["rank"], worst=w["name"],
                    ws=fmt(w["score"], d), wr=w["rank"], fig=figure)
        if fmt(s["score"], d) == fmt(w["score"], d):  # every dimension shows the same score
            out.append(T["s_city_dims_equal"].format(**args))
        elif all(x["rank"] == 1 for x in scored):
            out.append(T["s_city_dims_all_first"].format(**args))
        elif w["rank"] == 1:  # "lowest … rank 1" alone would read as a contradiction
            out.append(T["s_city_dims_weak_first"].format(**args))
        elif facts["rank"] is not None and w["rank"] <= facts["rank"]:
            cmp = T["s_cmp_same"] if w["rank"] == facts["rank"] else T["s_cmp_better"].format(rank=facts["rank"])
            out.append(T["s_city_dims_weak_holds"].format(cmp=cmp, **args))
        else:
            out.append(T["s_city_dims"].format(**args))
        # the highest score is not the best rank (a dimension on which every city scores high): say where it leads
        best = facts.get("best_ranked") or []
        if best and s not in best and best[0]["rank"] < s["rank"]:
            out.append(T["s_city_best_rank_dim"].format(unit=u, items=join_list([x["name"] for x in best], lang),
                                                        rank=best[0]["rank"]))
    elif s is not None:
        out.append(T["s_city_one_dim"].format(unit=u, best=s["name"], bs=fmt(s["score"], d), br=s["rank"], fig=figure))
    if scored:
        above = facts["above_average"]
        if len(above) == len(scored) and len(scored) > 1:
            out.append(T["s_city_avg_all"].format(unit=u, k=len(above)))
        elif not above:
            out.append(T["s_city_avg_none"].format(unit=u))
        else:
            which = T["s_city_avg_which"].format(items=join_list([x["name"] for x in above], lang))
            out.append(T["s_city_avg"].format(unit=u, k=len(above), which=which))
    if facts["first"]:
        items = [T["s_city_first_tie" if x["tied"] else "s_city_first_item"].format(name=x["name"], code=x["code"])
                 for x in facts["first"]]
        out.append(T["s_city_first"].format(ni=facts["n_indicators"], unit=u, k=len(items),
                                            items=join_list(items, lang)))
    elif facts["n_indicators"]:
        out.append(T["s_city_no_first"].format(ni=facts["n_indicators"], unit=u))
        if facts["best_indicators"]:
            items = [T["s_city_first_item"].format(name=x["name"], code=x["code"]) for x in facts["best_indicators"]]
            out.append(T["s_city_best_ind"].format(unit=u, items=join_list(items, lang), rank=facts["best_rank"]))
    return out


# --- the summary -------------------------------------------------------------------------------
def summary_sentence(result: Result, n: int, lang: str, table: int | str) -> str:
    T = words(lang)
    fw = result.framework
    d = result.settings.decimals
    top = top_units(result, n)
    items = [T["s_top_item"].format(unit=r["unit"], rank=r["rank"], score=fmt(r["score"], d)) for r in top]
    dims = dimensions(result)
    level2 = [c for c in fw.internal if fw.level(c) == 2 and c in result.plan.codes]
    return T["s_summary"].format(dims=words(lang)["s_list_sep"].join(fw.nodes[c].name(lang) for c in dims),
                                 nd=len(dims), nsub=len(level2), ni=len(fw.leaves), nu=len(result.units),
                                 n=n, items=join_list(items, lang), table=table)


# --- a dimension -------------------------------------------------------------------------------
def dimension_facts(result: Result, code: str, lang: str) -> dict:
    rows = node_order(result, code)
    v = np.array([s for _i, _r, s in rows], dtype=float)
    fw = result.framework
    subs = [c for c in fw.children.get(code, ()) if c in result.plan.codes and not fw.is_leaf(c)]
    return {"code": code, "name": fw.nodes[code].name(lang), "n": len(rows),
            "mean": float(v.mean()) if v.size else None, "max": float(v.max()) if v.size else None,
            "min": float(v.min()) if v.size else None,
            "top": [{"unit": result.units[i], "rank": r, "score": s} for i, r, s in rows[:3]], "subs": subs}


def dimension_sentences(facts: dict, lang: str, decimals: int, figure: int | str, table: int | str | None) -> list[str]:
    T = words(lang)
    d = decimals
    out = []
    if facts["n"]:
        items = [T["s_dim_item"].format(unit=x["unit"], score=fmt(x["score"], d)) for x in facts["top"]]
        out.append(T["s_dim"].format(name=facts["name"], n=facts["n"], mean=fmt(facts["mean"], d),
                                     hi=fmt(facts["max"], d), lo=fmt(facts["min"], d),
                                     items=join_list(items, lang), fig=figure))
    return out


# --- the scatter -------------------------------------------------------------------------------
def scatter_facts(result: Result, x: str, y: str, lang: str) -> dict:
    from core.analysis.summary import node_correlation
    c = node_correlation(result, x, y)
    fw = result.framework
    return dict(c, x=x, y=y, x_name=fw.nodes[x].name(lang), y_name=fw.nodes[y].name(lang))


def scatter_sentence(facts: dict, lang: str, figure: int | str) -> str:
    T = words(lang)
    if facts["pearson"] is None or facts["spearman"] is None:
        return T["s_scatter_none"].format(n=facts["n"], x=facts["x_name"], y=facts["y_name"], fig=figure)
    return T["s_scatter"].format(n=facts["n"], x=facts["x_name"], y=facts["y_name"], p=f"{facts['pearson']:.3f}",
                                 s=f"{facts['spearman']:.3f}", fig=figure)


# --- uncertainty -------------------------------------------------------------------------------
def uncertainty_facts(unc) -> dict:
    """Rows (unit, base rank, median, p05, p95, top-10 share) in base-rank order, the units whose
    rank never moved and the widest interval."""
    rows = unc.rows()
    stable = [r["unit"] for r in rows if r["base_rank"] is not None and r["p05"] == r["p95"] == r["base_rank"]
              and not int(unc.unranked_runs[unc.units.index(r["unit"])])
              and bool((unc.ranks[:, unc.units.index(r["unit"])] == r["base_rank"]).all())]
    ranged = [r for r in rows if r["p05"] is not None and r["p95"] is not None]
    widest = max(ranged, key=lambda r: (r["p95"] - r["p05"], -(r["base_rank"] or math.inf))) if ranged else None
    return {"rows": rows, "stable": stable, "widest": widest, "runs": unc.runs, "seed": unc.seed,
            "perturb": unc.perturb, "mode": unc.mode}


def uncertainty_sentences(facts: dict, lang: str, table: int | str) -> list[str]:
    T = words(lang)
    out = [T["s_uncertainty"].format(p=f"{facts['perturb']:.0%}", mode=T.get("mode_" + facts["mode"], facts["mode"]),
                                     runs=facts["runs"], seed=facts["seed"], table=table)]
    st = facts["stable"]
    if st:
        shown = st[:10]
        items = join_list(shown, lang) + ("…" if len(st) > len(shown) else "")
        out.append(T["s_unc_stable"].format(k=len(st), items=("（" + items + "）") if lang == "zh" else f" ({items})"))
    w = facts["widest"]
    if w is not None and w["p95"] != w["p05"]:
        out.append(T["s_unc_widest"].format(unit=w["unit"], lo=w["p05"], hi=w["p95"]))
    return out


# --- one indicator ---------------------------------------------------------------------------------
def imputed_by_code(result: Result) -> dict[str, set[str]]:
    """{indicator: units whose value was imputed}, read once from the result's imputation records."""
    out: dict[str, set[str]] = {}
    for rec in result.imputed:
        out.setdefault(rec["code"], set()).add(rec["unit"])
    return out


def indicator_rows(result: Result, code: str, limit: int | None = None,
                   imputed: set[str] | None = None) -> list[dict]:
    """Every scored unit on one indicator, best score first (units without a score last, by name):
    unit, raw (after denomination), score (normalised), rank (None without a score), imputed.
    `limit`: only the first `limit` rows (the appendix of a large project); `imputed`: the units
    imputed on `code` when the caller has them (imputed_by_code), else read from the result."""
    v = result.normalised[code].to_numpy(dtype=float)
    raw = result.raw[code].to_numpy(dtype=float) if code in result.raw.columns else np.full(len(v), np.nan)
    r = min_rank_desc(v)
    if imputed is None:
        imputed = {rec["unit"] for rec in result.imputed if rec["code"] == code}
    idx = order(v, result.units)
    if limit is not None:
        idx = idx[:limit]
    return [{"unit": result.units[i], "raw": _opt(raw[i]), "score": _opt(v[i]),
             "rank": None if np.isnan(r[i]) else int(r[i]), "imputed": result.units[i] in imputed}
            for i in idx]


def indicator_gaps(result: Result, code: str, imputed: set[str]) -> tuple[list[str], list[str]]:
    """(units imputed on `code`, units without a score on it), in the order of indicator_rows."""
    v = result.normalised[code].to_numpy(dtype=float)
    units = result.units
    idx = order(v, units)
    return [units[i] for i in idx if units[i] in imputed], [units[i] for i in idx if np.isnan(v[i])]
