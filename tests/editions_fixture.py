"""Multi-edition input workbooks for the tests of issue 19 (a helper module, not a test module).

`write_editions_workbook` writes the sample's framework and settings with one data block per edition,
either as a `year` column in one data sheet or as one `数据<label>` sheet per edition. Edition k's
values are the sample's values times (1 + perturb·u), u uniform in [-1, 1] drawn from a generator
seeded by k (edition 0 is the sample itself), so ranks move between editions; `change` overrides
single cells: {(label, unit, code): value} (None = an empty cell).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl

from core.files.paths import SAMPLE_WORKBOOK

DATA_SHEET = "数据"


def sample_rows() -> tuple[list, list[list]]:
    """The sample's data sheet: (header, rows)."""
    ws = openpyxl.load_workbook(SAMPLE_WORKBOOK, read_only=True)[DATA_SHEET]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    rows = [r for r in rows if any(v is not None for v in r)]
    return rows[0], rows[1:]


def edition_rows(header: list, rows: list[list], k: int, label: str, perturb: float, change: dict | None,
                 units: tuple[str, ...] | None = None) -> list[list]:
    """Edition k's rows: numbers scaled by (1 + perturb·u), cells of `change` overridden."""
    rng = np.random.default_rng(1000 + k)
    out = []
    for r in rows:
        if units is not None and r[0] not in units:
            continue
        new = list(r)
        for j, v in enumerate(r):
            if j > 0 and isinstance(v, (int, float)) and not isinstance(v, bool):
                u = rng.uniform(-1.0, 1.0)
                new[j] = float(v) * (1.0 + perturb * u) if k > 0 else v
        out.append(new)
    for (lab, unit, code), value in (change or {}).items():
        if lab != label:
            continue
        j = header.index(code)
        for new in out:
            if new[0] == unit:
                new[j] = value
    return out


def write_editions_workbook(path, labels=("2023", "2024"), form="year", change=None, perturb: float = 0.15,
                            units: dict | None = None, settings: dict | None = None) -> Path:
    """The sample's framework and settings, one data block per edition (a `year` column, form="year",
    or `数据<label>` sheets, form="sheets"). `units` = {label: units kept in that edition} (default
    all); `settings` = {key: value} rows added to (or replacing in) the settings sheet."""
    path = Path(path)
    wb = openpyxl.load_workbook(SAMPLE_WORKBOOK)
    header, rows = sample_rows()
    blocks = [(label, edition_rows(header, rows, k, label, perturb, change, (units or {}).get(label)))
              for k, label in enumerate(labels)]
    index = wb.sheetnames.index(DATA_SHEET)
    del wb[DATA_SHEET]
    if form == "year":
        ws = wb.create_sheet(DATA_SHEET, index)
        ws.append([header[0], "year"] + list(header[1:]))
        for label, block in blocks:
            for r in block:
                ws.append([r[0], label] + list(r[1:]))
    elif form == "sheets":
        for i, (label, block) in enumerate(blocks):
            ws = wb.create_sheet(f"{DATA_SHEET}{label}", index + i)
            ws.append(list(header))
            for r in block:
                ws.append(list(r))
    else:
        raise ValueError(form)
    if settings:
        ws = wb["设置"]
        rows_by_key = {ws.cell(i, 1).value: i for i in range(2, ws.max_row + 1)}
        for key, value in settings.items():
            i = rows_by_key.get(key, ws.max_row + 1)
            ws.cell(i, 1, key)
            ws.cell(i, 2, value)
    wb.save(path)
    return path
