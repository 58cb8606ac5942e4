"""History → 核验结果工作簿 in the window: a workbook whose inputs differ from the open project in a
setting is explained in the window's language (qa2: it raised TypeError in the slot, and the input
differences were always in English)."""

from __future__ import annotations

import shutil
import sys

import openpyxl
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

from core.cli import commands as cli  # noqa: E402
from core.files.paths import SAMPLE_WORKBOOK  # noqa: E402

pytestmark = pytest.mark.gui


def _results_with_changed_setting(tmp_path):
    """The results workbook of the sample with `decimals` 2 and 广州's P12 one higher."""
    src = tmp_path / "changed.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, src)
    wb = openpyxl.load_workbook(src)
    ws = wb["设置"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "decimals")
    ws.cell(row, 2).value = 2
    data = wb["数据"]
    col = [c.value for c in data[1]].index("P12") + 1
    row = next(r for r in range(2, data.max_row + 1) if data.cell(r, 1).value == "广州")
    data.cell(row, col).value = data.cell(row, col).value + 1
    wb.save(src)
    out = tmp_path / "changed_results.xlsx"
    assert cli.run(["score", str(src), "-o", str(out)]) == 0
    return out


def test_verify_dialog_names_a_changed_setting_in_chinese(sample_window, tmp_path, monkeypatch):
    win = sample_window
    results = _results_with_changed_setting(tmp_path)
    seen: list = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: seen.append(exc))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(results), "Excel (*.xlsx)")))
    win.act_verify.trigger()
    QApplication.processEvents()
    assert not seen, seen
    dlg = [d for d in QApplication.topLevelWidgets() if d.__class__.__name__ == "VerifyDialog" and d.isVisible()]
    assert len(dlg) == 1 and not dlg[0].rep["match"]
    details = dlg[0].details.toPlainText()
    assert "设置 decimals：2" in details
    assert "数据单元格 广州 / P12" in details
    assert "setting" not in details and "data cell" not in details
    dlg[0].reject()
