"""The tree's aggregation and normalisation cells cut long method names at the first-start width
("DEA/BoD (b…" in English); a method set on the node itself had no tooltip to read it in full (a
project default had one)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402


def test_a_nodes_own_method_has_its_full_name_as_tooltip(sample_window):
    from gui.models.tree_model import COL_AGGREGATION, COL_NORMALISATION
    w = sample_window
    w.set_language("en")
    m = w.tree.model
    root = m.index(0, 0)
    p_row = next(r for r in range(m.rowCount(root)) if m.index(r, 0, root).data() == "P")
    assert m.setData(m.index(p_row, COL_AGGREGATION, root), "bod")
    tip = m.index(p_row, COL_AGGREGATION, root).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == m.index(p_row, COL_AGGREGATION, root).data() and tip.startswith("DEA/BoD (")
    assert m.setData(m.index(p_row, COL_NORMALISATION, root), "zscore")
    assert m.index(p_row, COL_NORMALISATION, root).data(Qt.ItemDataRole.ToolTipRole) == \
        m.index(p_row, COL_NORMALISATION, root).data()
