"""The new aggregations in the window: the tree's aggregation choice offers them by name, and
choosing one in the combo re-scores through the engine (BoD's weights come with the result)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QComboBox  # noqa: E402

from core.files.loader import load  # noqa: E402
from core.files.paths import SAMPLE_WORKBOOK  # noqa: E402
from gui.controller import Controller  # noqa: E402
from gui.models.tree_model import COL_AGGREGATION  # noqa: E402
from gui.panels.tree_panel import TreePanel  # noqa: E402
from tests.test_tree import close_editor  # noqa: E402
from tools.update_translations import I18N  # noqa: E402

pytestmark = pytest.mark.gui

NEW = {"topsis": "TOPSIS", "grey": "Grey relational analysis", "rsr": "Rank-sum ratio",
       "copeland": "Copeland ranking", "bod": "DEA/BoD (benefit of the doubt)"}


@pytest.fixture
def panel(qtbot, qapp):
    p, problems = load(SAMPLE_WORKBOOK)
    assert p is not None and not problems.has_errors
    c = Controller()
    c.set_project(p)
    w = TreePanel(c)
    qtbot.addWidget(w)
    w.resize(700, 600)
    w.show()
    qtbot.waitExposed(w)
    yield w
    c.deleteLater()


def test_the_aggregation_combo_offers_the_methods_and_bod_rescores(qtbot, panel):
    view, controller = panel.view, panel.controller
    panel.select("T")
    view.edit(panel.model.index_of("T", COL_AGGREGATION))
    combo = view.findChild(QComboBox)
    assert combo is not None
    offered = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    for key, label in NEW.items():
        assert offered[key] == label
    combo.setCurrentIndex(combo.findData("bod"))
    close_editor(view, COL_AGGREGATION, combo)
    controller.flush()
    assert controller.framework.nodes["T"].aggregation == "bod"
    r = controller.result
    assert next(s for s in r.steps if s["stage"] == "aggregate")["methods"]["T"] == "bod"
    shares = r.bod_weights["T"]
    assert set(shares) == set(r.units)
    assert all(abs(sum(v.values()) - 1) < 1e-9 for v in shares.values() if v)


def test_every_new_label_has_its_chinese():
    zh = json.loads((I18N / "zh_CN.methods.json").read_text(encoding="utf-8"))
    assert {zh[f"Methods|{label}"] for label in NEW.values()} == \
        {"TOPSIS", "灰色关联", "秩和比", "Copeland 排序", "DEA/BoD"}
