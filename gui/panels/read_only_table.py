"""A table that shows a model's rows and is not edited: the analysis dock's result tables (方法比较,
秩和比分档) and the 为什么？ tab's target table all look and behave alike — whole rows selected,
alternating rows, no row numbers (the first column names the unit)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def read_only_table(model, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view
