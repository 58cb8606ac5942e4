"""Weights: local (among siblings, summing to 1) and effective (share of the root).

`compute_weights(project_or_result, method)` is what `weights --method …` runs: it
returns, per internal node, the local weights of its children in the shape of DESIGN §4

    {"method": "ahp", "nodes": {"P": {"weights": {"P1": 0.6, "P2": 0.4},
                                      "lambda_max": 2.0, "ci": 0.0, "cr": 0.0}, …}}

Methods (`WEIGHT_METHODS`): `equal`; `ahp` (from the `AHP-<code>` sheets of the input,
core.weighting.ahp; a node without such a sheet, or with an empty one, keeps its weights and says so
in `note`); and the data-driven ones of core.weighting.data_methods (`entropy`, `entropy_minmax`,
`critic`, `stdev`, `pca`), which add the `figures` and `formula` behind each node's weights.
A node whose weights cannot be computed keeps its current ones and carries an `error`
message (with `kept: true`); the other nodes are still computed. Data-driven methods use
the children's scores at the current weights for a child that is itself a node.

`apply_node_weights` writes such weights back into a framework (one new Framework).
"""

from __future__ import annotations

from pathlib import Path

from core.model.framework import Framework
from core.model.problems import ProblemList
from core.weighting.ahp import AHP_METHODS, ahp_weights, inconsistency_hints, parse_pairwise
from core.weighting.data_methods import DATA_METHODS, WeightError, data_weights

WEIGHT_METHODS = ("equal", "ahp", "entropy", "entropy_minmax", "critic", "stdev", "pca")
AHP_SHEET_PREFIX = "AHP-"


def ahp_sheet_name(code: str) -> str:
    return f"{AHP_SHEET_PREFIX}{code}"


def equal_weights(fw: Framework) -> dict[str, dict[str, float]]:
    return {p: {k: 1.0 / len(kids) for k in kids} for p, kids in fw.children.items() if kids}


def node_weights(fw: Framework) -> dict[str, dict[str, float]]:
    """The framework's current local weights grouped by parent."""
    local = fw.local_weights()
    return {p: {k: local[k] for k in kids} for p, kids in fw.children.items() if kids}


def apply_node_weights(fw: Framework, weights: dict[str, dict[str, float]]) -> Framework:
    flat = {k: w for kids in weights.values() for k, w in kids.items()}
    return fw.with_weights(flat)


def _framework_of(obj) -> Framework:
    return obj if isinstance(obj, Framework) else obj.framework


def _result_of(obj):
    from core.model.project import Project
    from core.pipeline.run import compute
    if isinstance(obj, Framework):
        raise TypeError("data-driven weights need the data: pass a Project or a Result, not a Framework")
    return compute(obj) if isinstance(obj, Project) else obj


def _input_tables(obj) -> dict:
    """The sheets of the file a Project was loaded from (for its AHP-<code> sheets)."""
    from core.files.readers import WORKBOOK_TYPES, read_any
    source = getattr(obj, "source", "")
    if source and Path(source).suffix.lower() in WORKBOOK_TYPES and Path(source).exists():
        return read_any(source)
    return {}


MESSAGE_KEYS = "_messages"  # entry field: {"note"/"error": (core.text.messages key, fields)}, not written to JSON


def _message(field: str, key: str, **fields) -> dict:
    """An entry's `note`/`error` in English (as the JSON has always carried it) with the key and
    fields that give it in either language (`weight_message`)."""
    from core.text.messages import text
    return {field: text(key, "en", **fields), MESSAGE_KEYS: {field: (key, fields)}}


def weight_message(entry: dict, field: str, lang: str) -> str:
    """An entry's `note` or `error` in `lang` (an AHP note by its core.text.messages key, a data method's
    error by its WeightError); the English text when it has neither."""
    from core.text.messages import text
    keyed = (entry.get(MESSAGE_KEYS) or {}).get(field)
    if isinstance(keyed, WeightError):
        return keyed.text(lang)
    return text(keyed[0], lang, **keyed[1]) if keyed else str(entry.get(field, ""))


def strip_message_keys(out: dict) -> dict:
    """`out` without the message keys, as written to JSON."""
    nodes = {p: {k: v for k, v in e.items() if k != MESSAGE_KEYS} for p, e in out["nodes"].items()}
    return dict(out, nodes=nodes)


def compute_weights(project_or_result, method: str, tables: dict | None = None, *, ahp_method: str = "eigen",
                    ri_table: str = "saaty", problems: ProblemList | None = None, **options) -> dict:
    """Weights of every internal node's children by `method` (DESIGN §4 shape; see above).

    project_or_result: a Project, a Result (data-driven methods use it as is), or a Framework
    (enough for `equal` and `ahp`). tables: the input's sheets (for `ahp`; read from the
    project's source file when None). Problems met in AHP sheets go to `problems` when given.
    """
    if method not in WEIGHT_METHODS:
        raise ValueError(f"unknown weighting method {method!r}; known: {', '.join(WEIGHT_METHODS)}")
    fw = _framework_of(project_or_result)
    current = node_weights(fw)
    nodes: dict[str, dict] = {}
    out: dict = {"method": method, "nodes": nodes}
    if method == "equal":
        for p, kids in equal_weights(fw).items():
            nodes[p] = {"weights": kids}
        return out
    if method == "ahp":
        if ahp_method not in AHP_METHODS:
            raise ValueError(f"unknown AHP method {ahp_method!r}; known: {', '.join(AHP_METHODS)}")
        out.update(ahp_method=ahp_method, ri_table=ri_table)
        from core.files.readers import find_sheet
        if tables is None:
            tables = _input_tables(project_or_result)
        probs = problems if problems is not None else ProblemList()
        for p in [c for c in fw.preorder() if fw.children[c]]:
            kids = list(fw.children[p])
            t = find_sheet(tables, ahp_sheet_name(p))
            if t is None:
                nodes[p] = {"weights": current[p], "kept": True,
                            **_message("note", "weights_no_sheet", sheet=ahp_sheet_name(p), node=p)}
                continue
            n_err = len(probs.errors)
            pw = parse_pairwise(t, p, kids, probs)
            if pw is None or len(probs.errors) > n_err:
                nodes[p] = {"weights": current[p], "kept": True,
                            **_message("error", "weights_sheet_errors", sheet=t.sheet, node=p)}
                continue
            if pw.empty:
                nodes[p] = {"weights": current[p], "kept": True,
                            **_message("note", "weights_sheet_empty", sheet=t.sheet, node=p)}
                continue
            r = ahp_weights(pw.matrix, ahp_method, ri_table)
            entry = {"weights": {k: float(w) for k, w in zip(kids, r["weights"])},
                     "lambda_max": r["lambda_max"], "ci": r["ci"], "cr": r["cr"], "ri": r["ri"],
                     "consistent": r["consistent"]}
            if r["consistent"] is False:
                entry["hints"] = inconsistency_hints(pw.matrix, r["weights"], kids, ahp_method, ri_table)
            nodes[p] = entry
        if problems is None and probs.items:
            out["problems"] = [pr.format() for pr in probs]
        return out
    assert method in DATA_METHODS
    result = _result_of(project_or_result)
    fw = result.framework
    current = node_weights(fw)
    for p in [c for c in fw.preorder() if fw.children[c]]:
        try:
            r = data_weights(result, p, method, **options)
        except WeightError as e:
            nodes[p] = {"weights": current[p], "kept": True, "error": str(e), MESSAGE_KEYS: {"error": e}}
            continue
        nodes[p] = {"weights": r["weights"], "figures": r["figures"], "formula": r["formula"]}
    return out


def ahp_inputs(project) -> list[dict]:
    """The AHP matrices (AHP-<code> sheets) of the input workbook, as weight notes with their CR,
    each saying whether the framework's current weights are the ones it gives."""
    src = Path(project.source or "")
    if src.suffix.lower() != ".xlsx" or not src.is_file():
        return []
    import zipfile
    try:
        with zipfile.ZipFile(src) as z:
            if "AHP-" not in z.read("xl/workbook.xml").decode("utf-8", "replace"):
                return []
    except (OSError, KeyError, zipfile.BadZipFile):
        return []
    out = compute_weights(project, "ahp", problems=ProblemList())
    local = project.framework.local_weights()
    found = []
    for node, e in out["nodes"].items():
        if "cr" not in e:
            continue
        used = all(abs(local.get(k, -1) - w) < 1e-6 for k, w in e["weights"].items())
        note = {"kind": "ahp", "method": out.get("ahp_method", "eigen"), "ri_table": out.get("ri_table", "saaty"),
                "lambda_max": e["lambda_max"], "ci": e["ci"], "ri": e["ri"], "cr": e["cr"], "weights": e["weights"]}
        found.append({"node": node, "sheet": ahp_sheet_name(node), "note": note, "used": used})
    return found
