"""How sure is the ranking? Monte Carlo uncertainty, Sobol' sensitivity, one-at-a-time drops.

`run_uncertainty(result, runs, seed, …)` is a pure function in the shape of Orange3's
`run(inputs, state)`: it reads a finished `Result`, reports `progress(fraction)` between
chunks and raises `Cancelled` when `cancel()` returns True, so the window can run it off
the GUI thread and a test can call it with two lambdas.

**Uncertain inputs.**
- Weights (always). Every non-root node whose local weight is positive and that has at
  least one positively weighted sibling is perturbed, then each node's children are
  renormalised to sum to 1:
  - `mode="uniform"`: wᵢ ← wᵢ·(1 + u), u ~ U(−perturb, +perturb) independently;
  - `mode="dirichlet"`: the children of a node are drawn from Dirichlet(κ·w), whose mean is
    the current local weights w. The concentration κ is `concentration` when given, else
    κ = 3(k − 1)/perturb² − 1 for a node with k weighted children: then a weight at the
    equal share 1/k has the relative standard deviation perturb/√3 of the uniform factor
    (1 + u) (Var wᵢ = wᵢ(1 − wᵢ)/(κ + 1)).
  - `mode="experts"`: drawn from the expert panel's spread. `expert_weights` gives, for a
    node code, the local weights the panel's experts gave it (`expert_weight_sets` reads
    them from a merged panel); each run draws every such weight independently from its
    experts' values (a bootstrap over experts, weight by weight), then renormalises the
    siblings. Nodes the panel did not weight keep their weights; `perturb` is not used.
  `perturb = 0` reproduces the current weights exactly (Dirichlet: unless a concentration
  is given). `draw_weights` returns the weight rows a run draws.
- Method choices (optional): `methods={"normalization": [...], "aggregation": [...]}`,
  each a list of at least two names, drawn with equal probability per run. A choice
  replaces the project default; indicators (nodes) with a method of their own in the
  framework keep it, and `notes` says which (a choice that would change nothing is
  refused, not skipped). The normalised matrix is computed once per normalisation choice
  and the aggregation plan once per (normalisation, aggregation) pair; runs are grouped
  by their choice, never re-normalised per draw. Other keys (e.g. imputation) are refused.

**The model is vectorised.** `BatchPlan` evaluates many weight vectors at once over the
cached normalised matrix, bottom-up: a node whose children are indicators is two matrix
products (values × weights, presence × weights) for all runs of a chunk; a node whose
children are nodes works on (units × runs) arrays. Missing children are skipped and the
present weights renormalised with the same coverage rule as `AggregationPlan.scores`;
geometric means go through logs, harmonic through reciprocals. `batched_scores(plan, W)`
agrees with `plan.scores(W[r])` row by row.

**Ranks** per run: highest score first, ties share the best rank, scores compared after
rounding to 9 decimals (exactly `core.pipeline.rank.min_rank_desc`, vectorised over runs). A unit
without a root score in a run has no rank in it (counted in `unranked_runs`).
Per unit: `median_rank`, `p05`, `p95` are percentiles of its ranks over the runs where it
has one, by the inverted empirical distribution (numpy's `method="inverted_cdf"`: the
smallest rank r such that at least q of the runs rank the unit r or better), so they are
always ranks that occurred; `top10_share` is the share of all runs with rank ≤ 10.

**Sensitivity.** Inputs: one per first-level node — its own weight and every weight
beneath it, as one group — and one per method choice. The scalar output is the **mean
absolute rank shift**: the mean over the units ranked in the base of |rank in the run −
base rank|, a unit without a rank in the run counting as ranked last (units + 1): the
"average shift in rank" output of Saisana, Saltelli & Tarantola (2005, J. R. Statist. Soc.
A 168, 307–323), the method COINr's `get_sensitivity` follows. One scalar keeps the
indices readable for a committee (a per-unit index would be one table per city). Samples come from
Saltelli's scheme on a scrambled Sobol' sequence (`core.analysis.sobol.saltelli_sample`, grouped,
seeded with `seed`; numpy only, the same design SALib's `sample.sobol.sample` makes) on the
unit hypercube, mapped to weights (the uniform factor, or the Dirichlet through gamma
quantiles) and method indices (floor(m·u)); the columns of method choices are redrawn
pseudo-randomly inside the same design (see `_redraw_discrete`: a two-way choice read off a
Sobol' dimension can be identical in A and B). The model evaluations are this module's
batched scores; the first-order and total indices come from `core.analysis.sobol.sobol_analyze`
(Saltelli 2010 first-order and Jansen 1999 total estimators, as SALib's `analyze.sobol`;
bootstrap confidence intervals seeded with seed + 1, as when SALib, which treats a seed
of 0 as "unseeded", computed them: a seed gives the design and indices SALib gave it).
An output that never changes (e.g. perturb = 0) gives indices of 0 and a note.

**One at a time.** `drop_one(result, code)` sets that node's weight to 0 in the plan, its
siblings' weights renormalised, and returns each unit's scores and ranks before and after.
`drop_refusal` says beforehand when a node cannot be dropped (the root, an only weighted child) and
`drop_summary` gives the figures under the table (how many units move, by how much on average).

`same_inputs(a, b)`: whether two results would give the same analysis (is a run still current?).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.analysis.stats import gamma_ppf
from core.model.settings import AGGREGATIONS, NORMALIZATIONS
from core.pipeline import transform as _tr
from core.pipeline.aggregate import AggregationPlan
from core.pipeline.normalise import normalise
from core.pipeline.rank import TIE_DECIMALS, min_rank_desc, order

MODES = ("uniform", "dirichlet", "experts")
METHOD_KEYS = ("normalization", "aggregation")
SENSITIVITY_OUTPUT = "mean absolute rank shift"
QUANTILES = (0.05, 0.5, 0.95)
TOP_N = 10


class Cancelled(Exception):
    """Raised by `run_uncertainty` when `cancel()` returned True between two chunks."""


# ------------------------------------------------------------------------------------ batched model


@dataclass
class _Step:
    node: int
    k: int
    method: str
    leaf_cols: np.ndarray
    int_cols: np.ndarray
    A: np.ndarray | None  # units × leaf kids: values (arith), logs (geom), reciprocals (harm); 0 when unusable
    P: np.ndarray | None  # presence as float
    all_present: bool
    cnt_leaf: np.ndarray | None  # units
    Z: np.ndarray | None  # present & == 0 (geom/harm), float
    N: np.ndarray | None  # present & < 0 (geom/harm), float


class BatchPlan:
    """An `AggregationPlan` compiled for many weight vectors at once (built once, reused per chunk)."""

    def __init__(self, plan: AggregationPlan):
        self.plan = plan
        self.n_units, self.n_nodes = plan.base.shape
        leafset = set(plan.leaf_idx.tolist())
        self.steps: list[_Step] = []
        # TOPSIS, grey, RSR, Copeland, BoD compare units: no batched form, one plan.scores per run
        self.per_run = plan.uses_matrix_methods
        for node, kids, method in plan.steps:
            is_leaf = np.array([c in leafset for c in kids], dtype=bool)
            leaf_cols, int_cols = kids[is_leaf], kids[~is_leaf]
            A = P = cnt = Z = N = None
            all_present = True
            if len(leaf_cols):
                X = plan.base[:, leaf_cols]
                pres = ~np.isnan(X)
                all_present = bool(pres.all())
                P = pres.astype(float)
                cnt = pres.sum(axis=1).astype(float)
                with np.errstate(divide="ignore", invalid="ignore"):
                    if method == "arithmetic":
                        A = np.where(pres, X, 0.0)
                    else:
                        pos = pres & (X > 0)
                        safe = np.where(pos, X, 1.0)
                        A = np.where(pos, np.log(safe) if method == "geometric" else 1.0 / safe, 0.0)
                        zero, neg = pres & (X == 0), pres & (X < 0)
                        Z = zero.astype(float) if zero.any() else None
                        N = neg.astype(float) if neg.any() else None
            self.steps.append(_Step(node, len(kids), method, leaf_cols, int_cols, A, P, all_present, cnt, Z, N))

    def evaluate(self, W: np.ndarray, keep: Sequence[int] = (0,)) -> dict[int, np.ndarray]:
        """Scores (units × runs) of the internal nodes in `keep` for the weight rows W (runs × nodes).

        A node's children are dropped from memory once it is computed (unless kept). Arrays
        known to have no missing value skip the masks: the weight sum is then one value per run.
        """
        if self.per_run:
            runs = [self.plan.scores(w) for w in np.atleast_2d(np.asarray(W, dtype=float))]
            return {k: np.stack([S[:, k] for S in runs], axis=1) for k in keep}
        WT = np.ascontiguousarray(np.asarray(W, dtype=float).T)  # nodes × runs
        keep = set(keep)
        vals: dict[int, tuple[np.ndarray, bool]] = {}  # node -> (units × runs, has no NaN)
        mc = self.plan.min_coverage
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            for st in self.steps:
                arith, geo = st.method == "arithmetic", st.method == "geometric"
                num = wsum = None
                cnt: np.ndarray | float = 0.0
                zero = neg = None
                if len(st.leaf_cols):
                    wl = WT[st.leaf_cols]  # leaf kids × runs
                    num = st.A @ wl
                    if st.all_present:
                        wsum = wl.sum(axis=0, keepdims=True)
                        cnt = float(len(st.leaf_cols))
                    else:
                        wsum = st.P @ wl
                        cnt = st.cnt_leaf[:, None]
                    if st.Z is not None or st.N is not None:
                        wpos = (wl > 0).astype(float)
                        if st.Z is not None:
                            zero = (st.Z @ wpos) > 0
                        if st.N is not None:
                            neg = (st.N @ wpos) > 0
                for c in st.int_cols:
                    x, full = vals[int(c)]
                    w = WT[c][None, :]
                    if arith:
                        term = (x if full else np.where(np.isnan(x), 0.0, x)) * w
                    else:
                        pos = x > 0  # False for NaN
                        safe_x = x if (full and pos.all()) else np.where(pos, x, 1.0)
                        term = (np.log(safe_x) if geo else np.where(pos, 1.0 / safe_x, 0.0)) * w
                        if (x == 0).any():
                            z = (x == 0) & (w > 0)
                            zero = z if zero is None else (zero | z)
                        if (x < 0).any():
                            n_ = (x < 0) & (w > 0)
                            neg = n_ if neg is None else (neg | n_)
                    if num is None:
                        num = term
                    else:
                        num += term
                    pw = w if full else (~np.isnan(x)) * w
                    wsum = pw.copy() if wsum is None else wsum + pw
                    cnt = cnt + (1.0 if full else ~np.isnan(x))
                wpos = wsum > 0
                safe = np.where(wpos, wsum, 1.0)
                if arith:
                    val = num / safe
                elif geo:
                    val = np.exp(num / safe)
                else:
                    val = safe / num
                if zero is not None:
                    val = np.where(zero, 0.0, val)
                if neg is not None and neg.any():
                    val = np.where(neg, np.nan, val)
                else:
                    neg = None
                ok = wpos & (np.asarray(cnt) > 0) & (np.asarray(cnt) >= mc * st.k - 1e-9)
                if neg is None and ok.all():
                    vals[st.node] = (val, True)
                else:
                    vals[st.node] = (np.where(ok, val, np.nan), False)
                for c in st.int_cols:
                    if int(c) not in keep:
                        del vals[int(c)]
        return {k: vals[k][0] for k in keep if k in vals}

    def root_scores(self, W: np.ndarray) -> np.ndarray:
        """Root scores, runs × units."""
        return self.evaluate(W, keep=(0,))[0].T


def batched_scores(plan: AggregationPlan, W: np.ndarray, chunk: int = 1000) -> np.ndarray:
    """Scores of every node (runs × units × nodes, `plan.codes` order) for each weight row of W.

    Row r equals `plan.scores(W[r])`; leaves hold the normalised values in every run.
    """
    W = np.atleast_2d(np.asarray(W, dtype=float))
    bp = BatchPlan(plan)
    internal = [st.node for st in bp.steps]
    out = np.empty((W.shape[0], bp.n_units, bp.n_nodes))
    out[:] = plan.base[None, :, :]
    for a in range(0, W.shape[0], chunk):
        vals = bp.evaluate(W[a:a + chunk], keep=internal)
        for j, v in vals.items():
            out[a:a + chunk, :, j] = v.T
    return out


def batched_ranks(scores: np.ndarray) -> np.ndarray:
    """Ranks per row (runs × units) as `min_rank_desc` gives them; 0 = no score, no rank."""
    S = np.atleast_2d(np.asarray(scores, dtype=float))
    R, U = S.shape
    key = -np.round(S, TIE_DECIMALS)
    missing = np.isnan(key)
    key = np.where(missing, np.inf, key)
    idx = np.argsort(key, axis=1)
    srt = np.take_along_axis(key, idx, axis=1)
    pos = np.broadcast_to(np.arange(U), (R, U))
    new = np.ones((R, U), dtype=bool)
    new[:, 1:] = srt[:, 1:] != srt[:, :-1]
    start = np.maximum.accumulate(np.where(new, pos, 0), axis=1)
    ranks = np.empty((R, U), dtype=np.int64)
    np.put_along_axis(ranks, idx, start + 1, axis=1)
    ranks[missing] = 0
    return ranks


def rank_quantiles(ranks: np.ndarray, qs: Sequence[float] = QUANTILES) -> np.ndarray:
    """Per unit (column), the inverted-CDF quantiles of its ranks over the runs where it has one.

    Returns len(qs) × units; NaN for a unit never ranked. Equal to
    `np.percentile(r[r > 0], 100 q, method="inverted_cdf")` column by column.
    """
    R, U = ranks.shape
    srt = np.sort(ranks, axis=0)  # zeros (no rank) first
    none = (ranks == 0).sum(axis=0)
    n = R - none
    out = np.full((len(qs), U), np.nan)
    cols = np.arange(U)
    for i, q in enumerate(qs):
        k = np.maximum(np.ceil(q * n - 1e-9).astype(np.int64), 1) - 1
        idx = np.minimum(none + k, R - 1)
        v = srt[idx, cols].astype(float)
        out[i] = np.where(n > 0, v, np.nan)
    return out


# ------------------------------------------------------------------------------------------- weights


@dataclass
class _WeightSpace:
    """The weight vector's structure: sibling groups, the perturbed nodes and their input groups."""

    base: np.ndarray  # local weights, plan order
    perm: np.ndarray  # non-root nodes ordered by parent
    starts: np.ndarray  # start of each sibling group in perm
    group_of: np.ndarray  # for each position of perm, its group number
    var_idx: np.ndarray  # nodes that are perturbed (weight > 0, ≥ 2 weighted siblings)
    var_k: np.ndarray  # number of weighted siblings (incl. itself) of each perturbed node
    var_input: list[str]  # first-level ancestor (the sensitivity input) of each perturbed node
    unperturbed_dims: list[str]  # first-level nodes with no perturbed weight in their group
    codes: tuple = ()  # plan order
    expert_values: list | None = None  # mode "experts": for each perturbed node, its experts' weights

    def with_experts(self, expert_weights) -> _WeightSpace:
        """Attach the experts' weights of each perturbed node (an empty array: the panel did not weight it)."""
        ew = expert_weights or {}
        self.expert_values = [np.asarray([float(v) for v in ew.get(self.codes[j], ())], dtype=float)
                              for j in self.var_idx]
        return self

    def _experts_fixed(self) -> bool:
        return not self.expert_values or all(len(np.unique(v)) < 2 for v in self.expert_values)

    def _from_experts(self, W: np.ndarray, Uv: np.ndarray) -> np.ndarray:
        for col, (j, vals) in enumerate(zip(self.var_idx, self.expert_values or [])):
            if len(vals):
                pick = np.minimum((Uv[:, col] * len(vals)).astype(int), len(vals) - 1)
                W[:, j] = vals[pick]
        return self.renormalise(W)

    @staticmethod
    def build(result) -> _WeightSpace:
        plan, fw = result.plan, result.framework
        codes = plan.codes
        pos = {c: i for i, c in enumerate(codes)}
        base = plan.weight_vector(result.local)
        parent_of = np.array([pos[fw.nodes[c].parent] if fw.nodes[c].parent else -1 for c in codes])
        nonroot = np.flatnonzero(parent_of >= 0)
        perm = nonroot[np.argsort(parent_of[nonroot], kind="stable")]
        par = parent_of[perm]
        starts = np.flatnonzero(np.r_[True, par[1:] != par[:-1]])
        group_of = np.cumsum(np.r_[True, par[1:] != par[:-1]]) - 1
        first_level = {c: c for c in fw.children[fw.root]}
        for c in codes:
            anc = fw.ancestors(c)
            if len(anc) >= 2:
                first_level[c] = anc[-2]
        var_idx, var_k, var_input = [], [], []
        for _node, kids, _m in plan.steps:
            weighted = [int(k) for k in kids if base[k] > 0]
            if len(weighted) >= 2:
                for k in weighted:
                    var_idx.append(k)
                    var_k.append(len(weighted))
                    var_input.append(first_level[codes[k]])
        dims = list(fw.children[fw.root])
        unperturbed = [d for d in dims if d not in set(var_input)]
        return _WeightSpace(base, perm, starts, group_of, np.array(var_idx, dtype=int),
                            np.array(var_k, dtype=int), var_input, unperturbed, tuple(codes))

    def renormalise(self, W: np.ndarray) -> np.ndarray:
        """Each node's children scaled to sum to 1 (a group summing to 0 keeps the base weights)."""
        Wp = W[:, self.perm]
        sums = np.add.reduceat(Wp, self.starts, axis=1)[:, self.group_of]
        basep = np.broadcast_to(self.base[self.perm], Wp.shape)
        with np.errstate(divide="ignore", invalid="ignore"):
            W[:, self.perm] = np.where(sums > 0, Wp / np.where(sums > 0, sums, 1.0), basep)
        return W

    def fixed(self, perturb: float, mode: str, concentration: float | None) -> bool:
        """True when every draw is the current weights (nothing to perturb, or perturb 0 without
        an explicit Dirichlet concentration; experts who all gave the same weights)."""
        if mode == "experts":
            return len(self.var_idx) == 0 or self._experts_fixed()
        return len(self.var_idx) == 0 or (perturb == 0 and (mode == "uniform" or concentration is None))

    def kappa(self, perturb: float, concentration: float | None) -> np.ndarray:
        if concentration is not None:
            return np.full(len(self.var_idx), float(concentration))
        return 3.0 * (self.var_k - 1) / perturb ** 2 - 1.0

    def from_uniform(self, Uv: np.ndarray, perturb: float, mode: str, concentration: float | None) -> np.ndarray:
        """Weight rows from points of the unit hypercube (one column per perturbed node)."""
        W = np.tile(self.base, (Uv.shape[0], 1))
        if self.fixed(perturb, mode, concentration):
            return W
        if mode == "experts":
            return self._from_experts(W, Uv)
        if mode == "uniform":
            W[:, self.var_idx] *= 1.0 + perturb * (2.0 * Uv - 1.0)
        else:
            shape = self.kappa(perturb, concentration) * self.base[self.var_idx]
            W[:, self.var_idx] = gamma_ppf(shape[None, :], np.clip(Uv, 1e-12, 1 - 1e-12))
        return self.renormalise(W)

    def draw(self, rng: np.random.Generator, n: int, perturb: float, mode: str,
             concentration: float | None) -> np.ndarray:
        W = np.tile(self.base, (n, 1))
        nv = len(self.var_idx)
        if self.fixed(perturb, mode, concentration):
            return W
        if mode == "experts":
            return self._from_experts(W, rng.random(size=(n, nv)))
        if mode == "uniform":
            W[:, self.var_idx] *= 1.0 + rng.uniform(-perturb, perturb, size=(n, nv))
        else:
            shape = self.kappa(perturb, concentration) * self.base[self.var_idx]
            W[:, self.var_idx] = rng.standard_gamma(np.broadcast_to(shape, (n, nv)))
        return self.renormalise(W)


# ------------------------------------------------------------------------------------ method choices


def normalised_matrix(result, default_method: str) -> np.ndarray:
    """The normalised matrix (units × leaves) as the pipeline makes it, with another default method.

    Indicators with their own (or an ancestor's) method in the framework keep it.
    """
    fw, s = result.framework, result.settings
    treated = result.treated
    out = np.full((len(result.units), len(fw.leaves)), np.nan)
    for j, code in enumerate(fw.leaves):
        node = fw.nodes[code]
        method = fw.normalization_of(code, default_method)
        params = {"scale": s.scale, "low": s.minmax_low, "target": node.target,
                  "min": _tr.apply(node.transform, node.min) if node.min is not None else None,
                  "max": _tr.apply(node.transform, node.max) if node.max is not None else None}
        out[:, j] = normalise(treated[code].to_numpy(dtype=float), method, node.direction, params)
    return out


def _check_methods(result, methods: dict | None) -> tuple[dict[str, list[str]], list[str]]:
    """Validated method choices and notes; ValueError on anything that would be skipped or fail."""
    if not methods:
        return {}, Notes()
    fw = result.framework
    clean: dict[str, list[str]] = {}
    notes = Notes()
    for key, choices in methods.items():
        if key not in METHOD_KEYS:
            raise ValueError(f"method choice '{key}' is not supported as an uncertain input; "
                             f"supported: {', '.join(METHOD_KEYS)}")
        choices = list(dict.fromkeys(str(c).strip() for c in choices))
        allowed = NORMALIZATIONS if key == "normalization" else AGGREGATIONS
        bad = [c for c in choices if c not in allowed]
        if bad:
            raise ValueError(f"unknown {key} {', '.join(bad)}; choose from {', '.join(allowed)}")
        if len(choices) < 2:
            raise ValueError(f"{key}: give at least two choices to vary (got {choices})")
        if key == "normalization":
            own = [c for c in fw.leaves if fw.normalization_of(c, "") != ""]
            if len(own) == len(fw.leaves):
                raise ValueError("normalization choices would change nothing: every indicator has "
                                 "its own normalisation in the framework")
            for c in choices:
                applies = [code for code in fw.leaves if code not in own]
                if c == "goalposts":
                    lack = [code for code in applies if fw.nodes[code].min is None or fw.nodes[code].max is None
                            or fw.nodes[code].min >= fw.nodes[code].max]
                    if lack:
                        raise ValueError("goalposts need min < max on every indicator they apply to; "
                                         "missing or bad on: " + ", ".join(lack))
                if c == "target":
                    lack = [code for code in applies if fw.nodes[code].target in (None, 0)]
                    if lack:
                        raise ValueError("target normalisation needs a non-zero target on: " + ", ".join(lack))
            if own:
                notes.add("unc_note_norm_own", n=len(fw.leaves) - len(own), total=len(fw.leaves), own=", ".join(own))
        else:
            own = [c for c in fw.internal if fw.nodes[c].aggregation]
            if len(own) == len(fw.internal):
                raise ValueError("aggregation choices would change nothing: every node has its own "
                                 "aggregation in the framework")
            if own:
                notes.add("unc_note_agg_own", n=len(fw.internal) - len(own), total=len(fw.internal), own=", ".join(own))
        clean[key] = choices
    return {k: clean[k] for k in METHOD_KEYS if k in clean}, notes


class _Model:
    """Root scores for (weight rows, method combination), caching the normalised data per choice."""

    def __init__(self, result, methods: dict[str, list[str]]):
        self.result = result
        self.methods = methods
        self.norm_choices = methods.get("normalization", [None])
        self.agg_choices = methods.get("aggregation", [None])
        self._norm: dict = {}
        self._plans: dict = {}

    @property
    def n_combos(self) -> int:
        return len(self.norm_choices) * len(self.agg_choices)

    def combo(self, ni: np.ndarray, ai: np.ndarray) -> np.ndarray:
        return ni * len(self.agg_choices) + ai

    def describe(self, combo: int) -> MethodCombo:
        return MethodCombo(self.norm_choices[combo // len(self.agg_choices)],
                           self.agg_choices[combo % len(self.agg_choices)])

    def plan(self, combo: int) -> BatchPlan:
        if combo not in self._plans:
            r = self.result
            n = self.norm_choices[combo // len(self.agg_choices)]
            a = self.agg_choices[combo % len(self.agg_choices)]
            if n is None and a is None:
                self._plans[combo] = BatchPlan(r.plan)
            else:
                if n not in self._norm:
                    self._norm[n] = r.normalised.to_numpy(dtype=float) if n is None else normalised_matrix(r, n)
                agg = r.settings.aggregation if a is None else a
                self._plans[combo] = BatchPlan(AggregationPlan.build(r.framework, self._norm[n], agg,
                                                                     r.settings.node_min_coverage,
                                                                     r.plan.params))
        return self._plans[combo]


# ------------------------------------------------------------------------------------------- result


@dataclass(frozen=True)
class MethodCombo:
    """The methods of one combination a run drew, said in either language (a note's field)."""

    normalization: str | None
    aggregation: str | None

    def text(self, lang: str) -> str:
        from core.text.method_names import method_combo
        return method_combo(self.normalization, self.aggregation, lang)

    def __str__(self) -> str:
        return self.text("en")


class Notes(list):
    """The run's notes: English text (kept in `notes` and the JSON) plus the key and fields of each
    in core.text.messages, so that a command or dialog can say them in Chinese."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[tuple[str, dict]] = []

    def add(self, key: str, **fields) -> None:
        from core.text.messages import text
        self.append(text(key, "en", **fields))
        self.keys.append((key, fields))


@dataclass(frozen=True)
class UncertaintyResult:
    runs: int
    seed: int
    perturb: float
    mode: str
    concentration: float | None
    methods: dict[str, list[str]]
    units: tuple[str, ...]
    base_rank: np.ndarray  # NaN = no rank in the base
    median_rank: np.ndarray
    p05: np.ndarray
    p95: np.ndarray
    top10_share: np.ndarray
    unranked_runs: np.ndarray
    ranks: np.ndarray  # runs × units, 0 = no rank in that run
    sensitivity: dict[str, dict[str, float]]  # input -> first, total, first_conf, total_conf
    sensitivity_samples: int  # Sobol' base samples N (model evaluations N·(inputs + 2))
    notes: list[str] = field(default_factory=list)
    sensitivity_output: str = SENSITIVITY_OUTPUT
    note_keys: list = field(default_factory=list, compare=False)  # (core.text.messages key, fields) per note

    def note_texts(self, lang: str) -> list[str]:
        """The notes in `lang` ('zh'/'en'); `notes` keeps them in English (as the JSON has them)."""
        from core.text.messages import text
        if len(self.note_keys) != len(self.notes):
            return list(self.notes)
        return [text(k, lang, **f) for k, f in self.note_keys]

    def order(self) -> list[int]:
        """Unit indices by base rank (ties by name), units without a base rank last."""
        key = np.where(np.isnan(self.base_rank), np.nan, -self.base_rank)
        return order(key, self.units)

    def rows(self) -> list[dict]:
        def opt(v):
            return None if not np.isfinite(v) else (int(v) if float(v).is_integer() else float(v))

        return [{"unit": self.units[i], "base_rank": opt(self.base_rank[i]),
                 "median_rank": opt(self.median_rank[i]), "p05": opt(self.p05[i]), "p95": opt(self.p95[i]),
                 "top10_share": float(self.top10_share[i])} for i in self.order()]

    def to_dict(self) -> dict:
        """DESIGN §4 `uncertainty --json`, plus what was varied and the notes."""
        return {"runs": self.runs, "seed": self.seed, "units": self.rows(),
                "sensitivity": {k: {"first": v["first"], "total": v["total"]} for k, v in self.sensitivity.items()},
                "mode": self.mode, "perturb": self.perturb, "concentration": self.concentration,
                "methods": self.methods, "sensitivity_output": self.sensitivity_output,
                "sensitivity_samples": self.sensitivity_samples, "notes": list(self.notes)}

    def table(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows()).set_index("unit")


# ------------------------------------------------------------------------------------------ running


def _default_chunk(n_units: int) -> int:
    """Runs per chunk: about 100,000 (unit, run) cells per array, which keeps the working set
    in cache (measured fastest for 300 and 3,000 units); between 16 and 1,000 runs."""
    return int(max(16, min(1000, 100_000 // max(n_units, 1))))


def expert_weight_sets(merged: Mapping[str, Mapping] | None) -> dict[str, list[float]]:
    """{child code: [each expert's local weight]} from a merged panel (`core.experts.weight_forms.merge_panel`'s
    {node: {"experts": {name: {"weights": {child: w}}}}}), for `mode="experts"`."""
    out: dict[str, list[float]] = {}
    for entry in (merged or {}).values():
        for e in (entry.get("experts") or {}).values():
            for child, w in (e.get("weights") or {}).items():
                if w is not None and np.isfinite(float(w)):
                    out.setdefault(child, []).append(float(w))
    return out


def _check_args(runs: int, perturb: float, mode: str, concentration: float | None,
                expert_weights=None) -> None:
    if int(runs) != runs or runs < 1:
        raise ValueError(f"runs must be a positive whole number (got {runs})")
    if not (0.0 <= perturb <= 1.0):
        raise ValueError(f"perturb must lie in [0, 1] (got {perturb})")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)} (got {mode!r})")
    if concentration is not None and not concentration > 0:
        raise ValueError(f"concentration must be positive (got {concentration})")
    if mode == "experts" and not expert_weights:
        raise ValueError("mode 'experts' needs the experts' weights (merge an expert panel first)")


def _rank_shift(ranks: np.ndarray, base: np.ndarray) -> np.ndarray:
    """Mean |rank − base rank| per run over the units ranked in the base; a unit without a
    rank in the run counts as ranked last (rank = units + 1)."""
    ranked = np.isfinite(base)
    if not ranked.any():
        return np.zeros(ranks.shape[0])
    r = np.where(ranks > 0, ranks, ranks.shape[1] + 1).astype(float)
    return np.abs(r[:, ranked] - base[ranked][None, :]).mean(axis=1)


def _redraw_discrete(X: np.ndarray, groups: list[str], columns: list[int], rng: np.random.Generator) -> np.ndarray:
    """Replace the given columns of a Saltelli design by independent pseudo-random uniforms,
    keeping the design's structure (per block: A, AB_1 … AB_G, B; AB_g takes B's values in
    group g's columns and A's elsewhere).

    Why: the leading bits of two Sobol' dimensions can coincide over a whole sample (seen
    for N = 64 and 120 dimensions), and a two-way choice read from the leading bit is then
    identical in A and B, which makes its indices exactly 0: a silently skipped input.
    """
    labels = list(dict.fromkeys(groups))
    G = len(labels)
    step = G + 2
    N = X.shape[0] // step
    X = X.copy()
    for c in columns:
        g = labels.index(groups[c])
        a, b = rng.random(N), rng.random(N)
        X[0::step, c] = a
        X[step - 1::step, c] = b
        for k in range(G):
            X[1 + k::step, c] = b if k == g else a
    return X


def sobol_indices(names: Sequence[str], groups: Sequence[str], model: Callable[[np.ndarray], np.ndarray],
                  n: int, seed: int, discrete: Sequence[int] = ()) -> tuple[dict, int]:
    """First-order and total Sobol' indices of the groups of `names` (each uniform on [0, 1]).

    `model(X)` maps all sample rows at once (points × len(names)) to the outputs; it may
    chunk, report progress and raise. `n` is the base sample size (rounded up to a power
    of two). Columns listed in `discrete` (read as a choice among a few options) are
    redrawn pseudo-randomly, see `_redraw_discrete`. Returns ({group: {first, total,
    first_conf, total_conf}}, number of model evaluations = n·(groups + 2)). `core.analysis.sobol`
    samples and analyses (numpy only); the evaluations are the caller's.
    """
    from core.analysis import sobol as _sobol

    n = 1 << max(1, math.ceil(math.log2(max(n, 2))))
    groups = list(groups)
    if len(groups) != len(names):
        raise ValueError("one group per name")
    X = _sobol.saltelli_sample(n, groups, seed=seed)
    if discrete:
        X = _redraw_discrete(X, groups, list(discrete), np.random.default_rng([seed, 1]))
    Y = np.asarray(model(X), dtype=float)
    labels = list(dict.fromkeys(groups))
    if not np.isfinite(Y).all() or np.ptp(Y) <= np.finfo(float).eps * max(1.0, float(np.abs(Y).max())):
        const = bool(np.isfinite(Y).all())
        z = 0.0 if const else float("nan")
        return {g: {"first": z, "total": z, "first_conf": z, "total_conf": z} for g in labels}, len(Y)
    S = _sobol.sobol_analyze(Y, groups, n_resamples=100, conf_level=0.95, seed=seed + 1)
    out = {g: {"first": float(S["S1"][i]), "total": float(S["ST"][i]),
               "first_conf": float(S["S1_conf"][i]), "total_conf": float(S["ST_conf"][i])}
           for i, g in enumerate(labels)}
    return out, len(Y)


def draw_weights(result, runs: int, seed: int, perturb: float = 0.2, mode: str = "uniform",
                 concentration: float | None = None, expert_weights=None) -> np.ndarray:
    """The local-weight rows (runs × `plan.codes`) that `run_uncertainty` draws with the same arguments."""
    _check_args(runs, perturb, mode, concentration, expert_weights)
    space = _WeightSpace.build(result).with_experts(expert_weights)
    return space.draw(np.random.default_rng(int(seed)), int(runs), perturb, mode, concentration)


def _sobol_size(runs: int, n_inputs: int, sensitivity: bool, sensitivity_samples: int | None) -> int:
    """The Sobol' base sample size N: a power of two; `sensitivity_samples` rounded up, else the largest with
    N·(inputs + 2) ≤ runs, at least 64; 0 without sensitivity or without an uncertain input."""
    if not (sensitivity and n_inputs):
        return 0
    n = sensitivity_samples or max(64, 1 << int(math.floor(math.log2(max(runs // (n_inputs + 2), 1)))))
    return 1 << max(1, math.ceil(math.log2(n)))


class _Runner:
    """Ranks rows of weights under their method combination, chunk by chunk and grouped by combination,
    reporting progress over `total_work` rows and raising Cancelled when `cancel()` turns True."""

    def __init__(self, model: _Model, chunk: int, total_work: int, progress, cancel):
        self.model, self.chunk, self.total_work = model, chunk, total_work
        self.progress, self.cancel = progress, cancel
        self.done = 0

    def tick(self, k: int) -> None:
        self.done += k
        if self.progress is not None:
            self.progress(min(self.done / self.total_work, 1.0))

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled("uncertainty analysis cancelled")

    def evaluate(self, W: np.ndarray, combos: np.ndarray,
                 on_ranks: Callable[[np.ndarray, np.ndarray], None]) -> None:
        for c in np.unique(combos):
            rows = np.flatnonzero(combos == c)
            bp = self.model.plan(int(c))
            for a in range(0, len(rows), self.chunk):
                self.check()
                sel = rows[a:a + self.chunk]
                on_ranks(sel, batched_ranks(bp.root_scores(W[sel])))
                self.tick(len(sel))


def _monte_carlo(result, space: _WeightSpace, model: _Model, runner: _Runner, runs: int, seed: int,
                 perturb: float, mode: str, concentration: float | None, notes: Notes) -> np.ndarray:
    """The ranks (runs × units, 0 = no rank) of `runs` draws of the weights and method choices; notes the units
    a method combination leaves without a score."""
    rng = np.random.default_rng(seed)
    W = space.draw(rng, runs, perturb, mode, concentration)
    ni = rng.integers(0, len(model.norm_choices), size=runs)
    ai = rng.integers(0, len(model.agg_choices), size=runs)
    combos = model.combo(ni, ai)
    U = len(result.units)
    rdtype = np.int16 if U < np.iinfo(np.int16).max else np.int32
    ranks = np.zeros((runs, U), dtype=rdtype)

    def store(sel, rk):
        ranks[sel] = rk

    runner.evaluate(W, combos, store)
    base_missing = int(np.isnan(result.root_scores).sum())
    for c in np.unique(combos):
        lost = int(np.isnan(model.plan(int(c)).root_scores(space.base[None, :])).sum()) - base_missing
        if lost > 0:
            notes.add("unc_note_lost", combo=model.describe(int(c)), n=lost)
    return ranks


def _sensitivity(result, space: _WeightSpace, model: _Model, runner: _Runner, methods_c: dict[str, list[str]],
                 perturb: float, mode: str, concentration: float | None, base_rank: np.ndarray, n_sobol: int,
                 seed: int) -> dict[str, dict[str, float]]:
    """Sobol' indices of the mean absolute rank shift: one input per first-level node's weights, one per
    method choice (see the module docstring)."""
    nv = len(space.var_idx)
    names = [f"w:{result.plan.codes[j]}" for j in space.var_idx] + [f"m:{k}" for k in methods_c]
    groups = list(space.var_input) + list(methods_c)

    def choice(u: np.ndarray, n: int) -> np.ndarray:
        return np.minimum((u * n).astype(int), n - 1)

    def run_samples(X: np.ndarray) -> np.ndarray:
        Ws = space.from_uniform(X[:, :nv], perturb, mode, concentration)
        cols = {k: X[:, nv + i] for i, k in enumerate(methods_c)}
        n_i = (choice(cols["normalization"], len(model.norm_choices)) if "normalization" in cols
               else np.zeros(len(X), int))
        a_i = (choice(cols["aggregation"], len(model.agg_choices)) if "aggregation" in cols
               else np.zeros(len(X), int))
        Y = np.empty(len(X))

        def shift(sel, rk):
            Y[sel] = _rank_shift(rk, base_rank)

        runner.evaluate(Ws, model.combo(n_i, a_i), shift)
        return Y

    sens, _ = sobol_indices(names, groups, run_samples, n_sobol, seed, discrete=range(nv, nv + len(methods_c)))
    return sens


def run_uncertainty(result, runs: int, seed: int, perturb: float = 0.2, mode: str = "uniform",
                    methods: dict | None = None, progress: Callable[[float], object] | None = None,
                    cancel: Callable[[], bool] | None = None, *, concentration: float | None = None,
                    sensitivity: bool = True, sensitivity_samples: int | None = None,
                    chunk: int | None = None, expert_weights=None) -> UncertaintyResult:
    """Monte Carlo over weights (and method choices) and Sobol' indices; see the module docstring.

    Same arguments and seed → identical output. `sensitivity_samples` is the Sobol' base
    sample size N (rounded up to a power of two; default: the largest power of two with
    N·(inputs + 2) ≤ runs, at least 64).
    """
    _check_args(runs, perturb, mode, concentration, expert_weights)
    runs, seed = int(runs), int(seed)
    methods_c, notes = _check_methods(result, methods)
    space = _WeightSpace.build(result).with_experts(expert_weights)
    if mode == "experts":
        weighted = sorted({result.plan.codes[j] for j, v in zip(space.var_idx, space.expert_values) if len(v)})
        notes.add("unc_note_experts", n=len(weighted))
    model = _Model(result, methods_c)
    base_rank = min_rank_desc(result.root_scores)
    if space.unperturbed_dims:
        notes.add("unc_note_unperturbed", dims=", ".join(space.unperturbed_dims))
    if space.fixed(perturb, mode, concentration):
        notes.add("unc_note_fixed")

    inputs = list(dict.fromkeys(space.var_input)) + list(methods_c)
    n_sobol = _sobol_size(runs, len(inputs), sensitivity, sensitivity_samples)
    total_work = runs + (n_sobol * (len(inputs) + 2) if n_sobol else 0)
    runner = _Runner(model, int(chunk or _default_chunk(len(result.units))), total_work, progress, cancel)
    if progress is not None:
        progress(0.0)

    ranks = _monte_carlo(result, space, model, runner, runs, seed, perturb, mode, concentration, notes)
    q = rank_quantiles(ranks)
    unranked = (ranks == 0).sum(axis=0)
    top10 = ((ranks > 0) & (ranks <= TOP_N)).sum(axis=0) / runs
    if unranked.any():
        notes.add("unc_note_unranked", n=int((unranked > 0).sum()))

    sens: dict[str, dict[str, float]] = {}
    if sensitivity and not inputs:
        notes.add("unc_note_no_input")
    if n_sobol:
        sens = _sensitivity(result, space, model, runner, methods_c, perturb, mode, concentration, base_rank,
                            n_sobol, seed)
        if all(v["total"] == 0 and v["first"] == 0 for v in sens.values()):
            notes.add("unc_note_never_changed")
    if progress is not None:
        progress(1.0)
    return UncertaintyResult(runs, seed, float(perturb), mode, concentration, methods_c, tuple(result.units),
                             base_rank, q[1], q[0], q[2], top10, unranked, ranks, sens, n_sobol, list(notes),
                             note_keys=list(notes.keys))


# ----------------------------------------------------------------------------------- one at a time


@dataclass(frozen=True)
class DropRefusal:
    """Why `code` cannot be dropped one at a time: `reason` is 'unknown' (not a node of the result's plan),
    'root', or 'only_child' (its siblings carry no weight, so `parent` would be left without a score)."""

    reason: str
    code: str
    parent: str = ""

    def message(self) -> str:
        """In English, as drop_one's ValueError (the window words 'only_child' in the user's language)."""
        if self.reason == "unknown":
            return f"unknown code '{self.code}'"
        if self.reason == "root":
            return "the root cannot be dropped"
        return (f"'{self.code}' is the only weighted child of '{self.parent}': dropping it leaves "
                f"'{self.parent}' without a score")


def drop_refusal(result, code: str) -> DropRefusal | None:
    """None when `drop_one(result, code)` can drop `code`, else why not (the window asks before it drops)."""
    plan, fw = result.plan, result.framework
    if code not in plan.codes:
        return DropRefusal("unknown", code)
    if code == fw.root:
        return DropRefusal("root", code)
    parent = fw.nodes[code].parent
    if sum(result.local.get(k, 0.0) for k in fw.children[parent] if k != code) <= 0:
        return DropRefusal("only_child", code, parent)
    return None


def drop_one(result, code: str) -> pd.DataFrame:
    """Each unit's rank when `code` (an indicator or a node) is removed: its weight set to 0 and
    its siblings' weights renormalised, the rest of the plan unchanged (a unit missing the
    dropped child still counts it as missing for node_min_coverage).

    Columns: base_score, score (root scores), base_rank, rank, change = base_rank − rank
    (positive: the unit moves up). Units in data order; NaN where a unit has no score/rank.
    ValueError (`drop_refusal`'s message) when `code` cannot be dropped.
    """
    refusal = drop_refusal(result, code)
    if refusal is not None:
        raise ValueError(refusal.message())
    plan, fw = result.plan, result.framework
    parent = fw.nodes[code].parent
    local = dict(result.local)
    siblings = [k for k in fw.children[parent] if k != code]
    rest = sum(local[k] for k in siblings)
    local[code] = 0.0
    for k in siblings:
        local[k] = local[k] / rest
    S = plan.scores(plan.weight_vector(local))
    base = min_rank_desc(result.root_scores)
    new = min_rank_desc(S[:, 0])
    return pd.DataFrame({"base_score": result.root_scores, "score": S[:, 0], "base_rank": base, "rank": new,
                         "change": base - new},
                        index=pd.Index(result.units, name="unit"))


@dataclass(frozen=True)
class DropSummary:
    """The figures under a drop table: `moved` of `units` change rank, by `mean_shift` places on average
    (over the units ranked with and without the node; 0 when there are none); the node carried `share` of
    the index (its effective weight)."""

    units: int
    moved: int
    mean_shift: float
    share: float


def drop_summary(result, code: str, table: pd.DataFrame) -> DropSummary:
    """The summary of `table` = drop_one(result, code)."""
    change = table["change"].to_numpy(dtype=float)
    finite = np.isfinite(change)
    return DropSummary(units=len(change), moved=int(np.count_nonzero(change[finite] != 0)),
                       mean_shift=float(np.mean(np.abs(change[finite]))) if finite.any() else 0.0,
                       share=float(result.effective.get(code, 0.0)))


def same_inputs(a, b) -> bool:
    """True when two results would give the same uncertainty analysis (same framework with its
    weights and methods, settings, units and normalised data): the window uses it to tell whether
    its last run still describes the current result."""
    if a is b:
        return True
    if a is None or b is None:
        return False
    return (a.units == b.units and a.settings == b.settings and a.framework == b.framework
            and a.plan.codes == b.plan.codes
            and np.array_equal(a.plan.base, b.plan.base, equal_nan=True))
