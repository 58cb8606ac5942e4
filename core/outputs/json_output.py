"""The `--json` output of DESIGN §4, at full precision, units in rank order."""

from __future__ import annotations

import json
import math
from pathlib import Path

from core.files.atomic import atomic_path
from core.pipeline.run import Result


def result_dict(r: Result) -> dict:
    return {
        "ranking": r.ranking(),
        "excluded": [{"unit": e["unit"], "reason": e["reason"]} for e in r.excluded],
        "weights": {c: {"local": r.local[c], "effective": r.effective[c]}
                    for c in r.plan.codes if c != r.framework.root},
    }


def _clean(o):
    if isinstance(o, float) and not math.isfinite(o):
        return None
    if isinstance(o, dict):
        return {k: _clean(v) for k, v in o.items()}
    if isinstance(o, list):
        return [_clean(v) for v in o]
    return o


def write_json(obj: dict, path: str | Path) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(_clean(obj), ensure_ascii=False, indent=1), encoding="utf-8")
