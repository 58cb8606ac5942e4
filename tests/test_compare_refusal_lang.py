"""History → 与冻结轮次或其他项目比较 → a file that cannot be used: the message is in the window's language
(qa2: the problems were shown in the engine's English wording in a Chinese window)."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox  # noqa: E402

from core.files.paths import SAMPLE_WORKBOOK  # noqa: E402

pytestmark = pytest.mark.gui


def test_compare_with_a_broken_file_says_why_in_chinese(sample_window, tmp_path, monkeypatch):
    bad = tmp_path / "坏权重.xlsx"
    shutil.copy(SAMPLE_WORKBOOK, bad)
    wb = openpyxl.load_workbook(bad)
    ws = wb["指标体系"]
    head = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "P")
    ws.cell(row, head.index("weight") + 1).value = "abc"
    wb.save(bad)
    shown: list[str] = []
    def warn(parent, title, text, *a, **k):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warn))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    sample_window.act_compare.trigger()
    QApplication.processEvents()
    dlg = [d for d in QApplication.topLevelWidgets() if d.__class__.__name__ == "DiffDialog" and d.isVisible()]
    assert len(dlg) == 1
    dlg[0].choose_file()
    assert len(shown) == 1 and "坏权重.xlsx" in shown[0]
    assert "「P」的权重不是数值" in shown[0] and "is not a number" not in shown[0]
    dlg[0].close()
