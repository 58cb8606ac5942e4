"""The `score --json` document of a multi-edition project (issue 19).

The top-level keys are today's, from the latest edition (`core.outputs.json_output.result_dict`); each
ranking entry gains `previous_rank` (null for a unit new this edition, or unranked in the previous one)
and `rank_change` (previous − current: positive means it moved up; null without a previous rank), and
`editions` holds every edition's ranking in today's shape. A one-edition project gives exactly
today's document.
"""

from __future__ import annotations

from core.outputs.json_output import result_dict
from core.pipeline.editions import EditionResults


def editions_dict(er: EditionResults) -> dict:
    out = result_dict(er.latest)
    if not er.multi:
        return out
    prev = er.results[er.previous(er.labels[-1])]
    previous_rank = {e["unit"]: e["rank"] for e in prev.ranking()}
    for entry in out["ranking"]:
        p = previous_rank.get(entry["unit"])
        entry["previous_rank"] = p
        entry["rank_change"] = None if p is None or entry["rank"] is None else p - entry["rank"]
    out["editions"] = {label: {"ranking": er.results[label].ranking()} for label in er.labels}
    return out
