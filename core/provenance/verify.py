"""Verification of a results workbook against its inputs, and the difference of two projects.

A results workbook carries, in a hidden sheet `_verify`, the fingerprint of its
inputs (core.provenance.fingerprint), the application's version and the canonical inputs
themselves (JSON in chunks). `verify(results, INPUT)` recomputes from INPUT and
reports either a match — same fingerprint and every written score equal at
the written precision — or exactly what differs: data cells, weights,
settings, and which units' scores and ranks.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
from openpyxl import load_workbook

from core import __version__
from core.model.project import Project
from core.pipeline.editions import compute_editions
from core.pipeline.run import Result, compute
from core.provenance.fingerprint import canonical, canonical_bytes, describe, diff_docs, doc_fingerprint

VERIFY_SHEET = "_verify"
CHUNK = 30000  # characters per cell (Excel's limit is 32,767)


def verification_rows(project_doc: dict, result: Result) -> tuple[str, list[list]]:
    """(fingerprint, the rows of the `_verify` sheet): meta rows, then the canonical inputs in
    chunks of text (to be written as text, never as formulas)."""
    raw = canonical_bytes(project_doc)
    fp = hashlib.sha256(raw).hexdigest()  # = doc_fingerprint(project_doc), without a second JSON pass
    text = raw.decode("utf-8")
    rows = [["CityIndex Studio verification"], ["fingerprint", fp], ["app_version", __version__],
            ["schema", project_doc.get("schema")], ["decimals", result.settings.decimals],
            ["chunks", (len(text) + CHUNK - 1) // CHUNK]]
    rows += [[text[k:k + CHUNK]] for k in range(0, len(text), CHUNK)]
    return fp, rows


def add_verification(wb, project_doc: dict, result: Result) -> str:
    """Add the hidden `_verify` sheet to an openpyxl workbook; returns the fingerprint."""
    fp, rows = verification_rows(project_doc, result)
    ws = wb.create_sheet(VERIFY_SHEET)
    ws.sheet_state = "hidden"
    for r in rows[:6]:
        ws.append(r)
    for (chunk,) in rows[6:]:
        c = ws.cell(row=ws.max_row + 1, column=1)
        c.value = chunk
        c.data_type = "s"  # never a formula, whatever the text starts with
    return fp


def project_doc(project: Project) -> dict:
    return canonical(project.framework, project.settings, project.data, project.editions)


def _open_results(path: str | Path):
    """The results workbook opened read-only, or an InputError naming it and saying why not
    (missing, empty, an old .xls, not a workbook at all, a damaged or truncated package)."""
    from core.files.readers import brief_error, check_workbook_file
    from core.model.problems import InputError, input_problem
    path = Path(path)
    check_workbook_file(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - zipfile, XML, KeyError, ValueError…: all mean "not readable"
        why = f"{type(e).__name__}: {brief_error(e)}"
        raise InputError([input_problem("error", "results_unreadable", dict(file=path.name), why=why)]) from None


def read_verification(path: str | Path) -> dict:
    wb = _open_results(path)
    if VERIFY_SHEET not in wb.sheetnames:
        wb.close()
        raise ValueError(f"{Path(path).name} has no verification sheet: it was not written by CityIndex Studio "
                         "0.1 or later, or the sheet was removed")
    try:
        rows = [list(r) for r in wb[VERIFY_SHEET].iter_rows(values_only=True)]
        meta = {str(r[0]): r[1] for r in rows[1:6] if r and r[0] is not None and len(r) > 1}
        n = int(meta.get("chunks") or 0)
        text = "".join(str(r[0]) for r in rows[6:6 + n] if r)
        doc = json.loads(text)
        if not isinstance(doc, dict) or not isinstance(doc.get("data"), dict):
            raise ValueError("its canonical inputs are not a JSON object with data")
        written = _written_scores(wb)
        decimals = int(meta.get("decimals") or 1)
    except (ValueError, TypeError, IndexError, KeyError) as e:  # hand-edited or damaged `_verify` sheet
        from core.model.problems import InputError, input_problem
        why = f"the hidden sheet '{VERIFY_SHEET}' is damaged: {type(e).__name__}: {e}"[:300]
        raise InputError([input_problem("error", "results_unreadable", dict(file=Path(path).name, sheet=VERIFY_SHEET),
                                        why=why)]) from None
    finally:
        wb.close()
    return {"fingerprint": meta.get("fingerprint"), "app_version": meta.get("app_version"),
            "decimals": decimals, "doc": doc, "written": written}


def _written_scores(wb) -> dict[str, tuple]:
    """unit → (rank, root score, dimension scores…) from the first (ranking) sheet; its header is the
    first row with a second cell (a title and a note above it fill only the first)."""
    ws = wb.worksheets[0]
    out = {}
    header = None
    for r in ws.iter_rows(values_only=True):
        if header is None:
            if r and len(r) > 1 and r[1] is not None:
                header = r
            continue
        if r and len(r) > 1 and r[1] is not None:
            out[str(r[1])] = tuple(r[:1] + r[2:])
    return out


def verify(results_path: str | Path, project: Project) -> dict:
    stored = read_verification(results_path)
    now = project_doc(project)
    fp_now = doc_fingerprint(now)
    input_diffs = diff_docs(stored["doc"], now) if fp_now != stored["fingerprint"] else []
    result = latest_result(project)
    dec = stored["decimals"]
    fw = result.framework
    dims = list(fw.children[fw.root])
    idx, ranks = result.rank_order()
    score_diffs = []
    seen = set()
    for i, u in enumerate(result.units):
        seen.add(u)
        rank = None if np.isnan(ranks[i]) else int(ranks[i])
        vals = [result.scores_array[i, 0]] + [result.scores_array[i, result.plan.codes.index(d)] for d in dims]
        w = stored["written"].get(u)
        if w is None:
            score_diffs.append({"unit": u, "what": "missing from the results workbook"})
            continue
        if w[0] != rank:
            score_diffs.append({"unit": u, "what": "rank", "written": w[0], "recomputed": rank})
        for name, written, v in zip([fw.root] + dims, w[1:], vals):
            rv = None if np.isnan(v) else round(float(v), dec)
            wv = None if written is None else round(float(written), dec)
            if rv != wv:
                score_diffs.append({"unit": u, "what": f"score {name}", "written": wv, "recomputed": rv})
    for u in stored["written"]:
        if u not in seen:
            score_diffs.append({"unit": u, "what": "not in the recomputed result"})
    match = fp_now == stored["fingerprint"] and not score_diffs
    return {"match": match, "fingerprint_written": stored["fingerprint"], "fingerprint_input": fp_now,
            "app_version_written": stored["app_version"], "app_version": __version__,
            "input_differences": input_diffs, "score_differences": score_diffs}


def report_lines(rep: dict, lang: str = "en") -> list[str]:
    """The verification report in lines, in `lang` (core.text.messages)."""
    from core.text.messages import text
    lines = [text("verify_fp_written", lang, fp=rep["fingerprint_written"], version=rep["app_version_written"]),
             text("verify_fp_input", lang, fp=rep["fingerprint_input"])]
    if rep["match"]:
        lines.append(text("verify_match", lang))
        return lines
    lines.append(text("verify_different", lang))
    for d in rep["input_differences"]:
        lines.append(text("verify_input_diff", lang, what=describe(d, lang)))
    for d in rep["score_differences"]:
        extra = text("verify_written_recomputed", lang, written=d["written"], recomputed=d["recomputed"]) \
            if "written" in d else ""
        lines.append(text("verify_result_diff", lang, unit=d["unit"], what=_what(d["what"], lang), extra=extra))
    return lines


def _what(what: str, lang: str) -> str:
    """A score difference's `what` (kept in English in the report dict) in `lang`."""
    from core.text.messages import text
    fixed = {"missing from the results workbook": "verify_what_missing", "rank": "verify_what_rank",
             "not in the recomputed result": "verify_what_not_recomputed"}
    if what in fixed:
        return text(fixed[what], lang)
    if what.startswith("score "):
        return text("verify_what_score", lang, name=what[len("score "):])
    return what


def latest_result(project: Project) -> Result:
    """The result a results workbook of `project` shows: its latest edition's, computed with the
    earlier editions when the project has several (under pooled/base they change its scores)."""
    return compute_editions(project).latest if project.editions else compute(project)


def diff_projects(a: Project, b: Project) -> dict:
    """What differs between two projects, and each unit's change of rank from A to B."""
    da, db = project_doc(a), project_doc(b)
    ra, rb = latest_result(a), latest_result(b)
    rank_a = dict(zip(ra.units, ra.rank_order()[1]))
    rank_b = dict(zip(rb.units, rb.rank_order()[1]))
    changes = []
    for u in sorted(set(rank_a) | set(rank_b)):
        x, y = rank_a.get(u, np.nan), rank_b.get(u, np.nan)
        x = None if np.isnan(x) else int(x)
        y = None if np.isnan(y) else int(y)
        if x != y:
            changes.append({"unit": u, "rank_a": x, "rank_b": y,
                            "change": None if x is None or y is None else x - y})
    changes.sort(key=lambda c: (c["rank_b"] is None, c["rank_b"] or 0))
    return {"fingerprint_a": doc_fingerprint(da), "fingerprint_b": doc_fingerprint(db),
            "differences": diff_docs(da, db), "rank_changes": changes}
