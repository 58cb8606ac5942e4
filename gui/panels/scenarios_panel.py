"""Scenarios in the window: save the current weights under a name, switch, rename, delete, compare.

The scenarios are plain data in `controller.scenarios` (core.model.scenarios); switching applies a
scenario's weights and weight sources as ONE undoable step (`controller.apply_scenario`).
Comparing re-aggregates the current result under each scenario's weights with
`Result.reweight` (core.model.scenarios.compare — normalisation is never redone) and shows

- a table of each unit's rank under the current weights and each scenario checked, with the
  change from the first column to the last;
- a rank-change ("bump") chart: one line per city from scenario to scenario, the names and
  ranks at both ends, the selected city highlighted (click a line to select its city).

Entry points: `open_scenarios(parent, controller)` (a non-modal window, one per parent), or
`ScenarioPanel(controller)` to put in a dock.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.model.scenarios import compare, make_scenario, same_weights
from gui.charts.widgets import HIGHLIGHT, MUTED_TEXT, SELECTED_COLOR, TEXT_COLOR, BaseChart, chart_font
from gui.text.labels import method_label

UP_COLOR = "#59a14f"
DOWN_COLOR = "#e15759"
SAME_COLOR = "#bab0ac"
CURRENT = "\u0000current"  # the key of the "current weights" column (never a scenario's name)


class BumpChart(BaseChart):
    """Ranks from column to column (scenarios), one line per unit; rank 1 at the top."""

    ROW_PX = 22

    def __init__(self, parent=None):
        super().__init__(parent)
        pi = self.getPlotItem()
        self.vb.invertY(True)
        pi.showAxis("right")
        for name in ("left", "right"):
            ax = pi.getAxis(name)
            ax.setTickFont(chart_font(9))
            ax.setStyle(tickLength=0, hideOverlappingLabels=False, autoExpandTextSpace=True)
            ax.setTextPen(pg.mkPen(TEXT_COLOR))
            ax.setPen(pg.mkPen("#cccccc"))
        bottom = pi.getAxis("bottom")
        bottom.setStyle(tickLength=0)
        bottom.setTickFont(chart_font(9, bold=True))
        pi.showGrid(x=True, y=False, alpha=0.25)
        self.columns: list[str] = []
        self.units: list[str] = []
        self.ranks: dict[str, list[int | None]] = {}
        self.selected = ""
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.items: list = []

    def preferred_height(self, rows: int) -> int:
        return int(max(320, rows * self.ROW_PX + 110))

    def set_data(self, columns: list[str], ranks: dict[str, list[int | None]], selected: str = "",
                 top: int = 0, title: str = "") -> None:
        """`ranks`: unit → its rank under each column (None: no rank). `top` > 0: only the units
        ranked within the top `top` under some column (and the selected unit)."""
        self._last = (columns, ranks, selected, top, title)
        pi = self.getPlotItem()
        for it in self.items:
            pi.removeItem(it)
        self.items, self.curves = [], {}
        self.columns, self.selected = list(columns), selected
        shown = {u: r for u, r in ranks.items() if any(x is not None for x in r)
                 and (top <= 0 or u == selected or min(x for x in r if x is not None) <= top)}
        self.units, self.ranks = list(shown), shown
        k = len(columns)
        xs = np.arange(k, dtype=float)
        self._draw_lines(shown, xs)
        self._draw_selected(shown, xs, selected)
        ends = [r[side] for r in shown.values() for side in (0, -1) if r[side] is not None]
        max_rank = max(ends or [1])  # lines that dip below the last labelled place leave the view
        if selected in shown:  # a band across the selected unit's first and last places
            for side, x in ((0, 0), (-1, k - 1)):
                y = shown[selected][side]
                if y is not None:
                    band = pg.PlotDataItem([x - 0.12, x + 0.12], [y, y], pen=pg.mkPen(HIGHLIGHT, width=16))
                    band.setZValue(-5)
                    pi.addItem(band)
                    self.items.append(band)

        pi.getAxis("left").setTicks([self._ticks(shown, 0, True), []] if k else [[], []])
        pi.getAxis("right").setTicks([self._ticks(shown, -1, False), []] if k else [[], []])
        pi.getAxis("bottom").setTicks([[(i, c) for i, c in enumerate(columns)], []])
        self.vb.setXRange(-0.3, max(k - 1, 0) + 0.3, padding=0)
        self.vb.setYRange(0.4, max_rank + 0.6, padding=0)
        self.set_title(title)

    def _draw_lines(self, shown: dict, xs: np.ndarray) -> None:
        """Every unit's line, its segments coloured by direction, and a dot at every rank."""
        pi = self.getPlotItem()
        k = len(xs)
        # segments coloured by direction: up (green), down (red), unchanged (grey); one item per colour
        segs: dict[str, list[float]] = {UP_COLOR: [], DOWN_COLOR: [], SAME_COLOR: []}
        for r in shown.values():
            for j in range(k - 1):
                a, b = r[j], r[j + 1]
                if a is None or b is None:
                    continue
                col = SAME_COLOR if a == b else (UP_COLOR if b < a else DOWN_COLOR)
                segs[col] += [j, a, j + 1, b]
        for col, z in ((SAME_COLOR, 1), (DOWN_COLOR, 2), (UP_COLOR, 2)):
            v = np.array(segs[col], dtype=float).reshape(-1, 2)
            item = pg.PlotCurveItem(v[:, 0], v[:, 1], pen=pg.mkPen(col, width=1.6), connect="pairs")
            item.setZValue(z)
            pi.addItem(item)
            self.items.append(item)
        pts = [(x, float(y)) for r in shown.values() for x, y in zip(xs, r) if y is not None]
        dots = pg.ScatterPlotItem([x for x, _ in pts], [y for _, y in pts], size=5, pen=pg.mkPen(None),
                                  brush=pg.mkBrush("#8a8a8a"))
        dots.setZValue(3)
        pi.addItem(dots)
        self.items.append(dots)

    def _draw_selected(self, shown: dict, xs: np.ndarray, selected: str) -> None:
        """The selected unit's line on top, its rank written at every column."""
        pi = self.getPlotItem()
        for u, r in shown.items():
            if u != selected:
                continue
            ys = np.array([np.nan if x is None else float(x) for x in r])
            item = pg.PlotDataItem(xs, ys, pen=pg.mkPen(SELECTED_COLOR, width=4), connect="finite", symbol="o",
                                   symbolSize=9, symbolBrush=SELECTED_COLOR, symbolPen=pg.mkPen("w"))
            item.setZValue(10)
            pi.addItem(item)
            self.items.append(item)
            self.curves[u] = item
            for x, y in zip(xs, ys):  # the selected unit's rank at every column
                if np.isfinite(y):
                    t = pg.TextItem(str(int(y)), color=SELECTED_COLOR, anchor=(0.5, 1.25))
                    t.setFont(chart_font(9, bold=True))
                    t.setPos(x, y)
                    t.setZValue(11)
                    pi.addItem(t)
                    self.items.append(t)

    @staticmethod
    def _ticks(shown: dict, side: int, left: bool) -> list[tuple[float, str]]:
        """Axis labels at the first (left) or last column: the units at each rank, and the rank."""
        at: dict[int, list[str]] = {}
        for u, r in shown.items():
            if r[side] is not None:
                at.setdefault(r[side], []).append(u)
        out = []
        for y, us in sorted(at.items()):
            names = " / ".join(us)
            out.append((float(y), f"{names}  {y}" if left else f"{y}  {names}"))
        return out

    def unit_at(self, scene_pos: QPointF) -> str:
        if not self.units or not self.vb.sceneBoundingRect().contains(scene_pos):
            return ""
        p = self.vb.mapSceneToView(scene_pos)
        k = len(self.columns)
        x = min(max(p.x(), 0.0), max(k - 1, 0))
        best, dist = "", 0.6
        for u, r in self.ranks.items():
            ys = [np.nan if v is None else float(v) for v in r]
            y = float(np.interp(x, np.arange(k), ys)) if k > 1 else ys[0]
            if np.isfinite(y) and abs(y - p.y()) < dist:
                best, dist = u, abs(y - p.y())
        return best

    def point(self, unit: str, column: int) -> QPointF:
        """Scene position of a unit's point in a column (tests)."""
        return self.vb.mapViewToScene(QPointF(column, float(self.ranks[unit][column])))


class ScenarioPanel(QWidget):
    """Public for tests: `save_current(name)`, `switch_to(name)`, `rename(old, new)`, `delete(name)`,
    `set_compared(names)`, `comparison` (core.model.scenarios.compare's dict), `ranks_table`, `chart`;
    `ask_name` and `confirm` are replaceable."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.compared: set[str] = set()
        self.comparison: dict | None = None
        self._dirty = True

        self._build_list()
        right = self._build_comparison()

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list_box)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([380, 820])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        controller.scenarios_changed.connect(self._scenarios_changed)
        # bound methods, not lambdas: Qt drops them when the panel is deleted
        controller.result_changed.connect(self._result_changed)
        controller.selection_changed.connect(self._selection_changed)
        controller.language_changed.connect(self._language_changed)
        self.compared = {s["name"] for s in controller.scenarios}
        self.retranslate()

    def _build_list(self) -> None:
        """The left side: the saved scenarios with their buttons, the 'current weights' box, a message."""
        self.list_box = QGroupBox(self)
        self.list_table = QTableWidget(0, 3, self)
        self.list_table.verticalHeader().setVisible(False)
        self.list_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hh = self.list_table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list_table.itemChanged.connect(self._check_changed)
        self.list_table.itemSelectionChanged.connect(self._update_buttons)
        self.list_table.cellDoubleClicked.connect(lambda row, _c: self.switch_to(self._name_at(row)))
        self.save_btn = QPushButton(self)
        self.save_btn.clicked.connect(lambda: self.save_current())
        self.switch_btn = QPushButton(self)
        self.switch_btn.clicked.connect(lambda: self.switch_to(self.selected_name()))
        self.rename_btn = QPushButton(self)
        self.rename_btn.clicked.connect(lambda: self.rename(self.selected_name()))
        self.delete_btn = QPushButton(self)
        self.delete_btn.clicked.connect(lambda: self.delete(self.selected_name()))
        self.current_check = QCheckBox(self)
        self.current_check.setChecked(True)
        self.current_check.toggled.connect(lambda _b: self.refresh())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.save_btn, self.switch_btn, self.rename_btn, self.delete_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lv = QVBoxLayout(self.list_box)
        lv.addLayout(buttons)
        lv.addWidget(self.list_table, 1)
        lv.addWidget(self.current_check)
        lv.addWidget(self.message)

    def _build_comparison(self) -> QWidget:
        """The right side: the bump chart of ranks under each scenario (top N), the table of ranks, a hint."""
        self.tabs = QTabWidget(self)
        self.ranks_table = QTableWidget(0, 0, self)
        self.ranks_table.verticalHeader().setVisible(False)
        self.ranks_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ranks_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranks_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ranks_table.setAlternatingRowColors(True)
        self.ranks_table.cellClicked.connect(self._rank_row_clicked)
        self.chart = BumpChart(self)
        self.chart.unit_clicked.connect(self.controller.select_unit)
        self.top_label = QLabel(self)
        self.top_spin = QSpinBox(self)
        self.top_spin.setRange(0, 10000)
        self.top_spin.setValue(20)
        self.top_spin.valueChanged.connect(lambda _v: self._draw_chart())
        chart_page = QWidget(self)
        cv = QVBoxLayout(chart_page)
        cv.setContentsMargins(0, 4, 0, 0)
        crow = QHBoxLayout()
        crow.addWidget(self.top_label)
        crow.addWidget(self.top_spin)
        crow.addStretch(1)
        cv.addLayout(crow)
        cv.addWidget(self.chart, 1)
        self.tabs.addTab(chart_page, "")
        self.tabs.addTab(self.ranks_table, "")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED_TEXT};")
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.tabs, 1)
        rv.addWidget(self.hint)
        return right

    # --- replaceable questions --------------------------------------------------------
    def ask_name(self, title: str, label: str, default: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, text=default)
        return text.strip() if ok and text.strip() else None

    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("Delete scenario"), text) == QMessageBox.StandardButton.Yes

    # --- the list ---------------------------------------------------------------------
    def _name_at(self, row: int) -> str | None:
        item = self.list_table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def selected_name(self) -> str | None:
        rows = {i.row() for i in self.list_table.selectedItems()}
        return self._name_at(min(rows)) if rows else None

    def _fill_list(self) -> None:
        c = self.controller
        keep = self.selected_name()
        t = self.list_table
        t.blockSignals(True)
        t.setRowCount(len(c.scenarios))
        for i, s in enumerate(c.scenarios):
            name = QTableWidgetItem(s["name"])
            name.setData(Qt.ItemDataRole.UserRole, s["name"])
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked if s["name"] in self.compared else Qt.CheckState.Unchecked)
            aggs = {c: m for c, m in (s.get("aggregations") or {}).items() if m}
            tip = self.tr("Tick to compare")
            if aggs:  # a scenario of methods as well as weights says which
                tip += "\n" + self.tr("Aggregation: {0}").format(
                    ", ".join(f"{c} {method_label(m)}" for c, m in aggs.items()))
            name.setToolTip(tip)
            created = QTableWidgetItem(str(s.get("created", ""))[:16].replace("T", " "))
            active = c.framework is not None and same_weights(c.framework, s)
            now = QTableWidgetItem(self.tr("in use") if active else "")
            if active:
                now.setForeground(QBrush(QColor(UP_COLOR)))
            for col, item in enumerate((name, created, now)):
                t.setItem(i, col, item)
        t.blockSignals(False)
        names = [s["name"] for s in c.scenarios]
        if keep in names:
            t.selectRow(names.index(keep))
        self._update_buttons()

    def _check_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.compared.add(name)
        else:
            self.compared.discard(name)
        self.refresh()

    def set_compared(self, names, current: bool = True) -> None:
        self.compared = set(names)
        self.current_check.setChecked(current)
        self._fill_list()
        self.refresh()

    def _update_buttons(self) -> None:
        have = self.selected_name() is not None
        for b in (self.switch_btn, self.rename_btn, self.delete_btn):
            b.setEnabled(have)
        self.save_btn.setEnabled(self.controller.framework is not None)

    # --- actions ----------------------------------------------------------------------
    def save_current(self, name: str | None = None) -> dict | None:
        c = self.controller
        if c.framework is None:
            return None
        if name is None:
            default = self.tr("Scenario {0}").format(len(c.scenarios) + 1)
            name = self.ask_name(self.tr("Save scenario"), self.tr("Name of the scenario:"), default)
            if not name:
                return None
        s = c.save_scenario(name)
        self.compared.add(s["name"])
        self._fill_list()
        self.list_table.selectRow(len(c.scenarios) - 1)
        self.message.setText(self.tr("Saved the current weights and methods as {0}.").format(s["name"]))
        self.refresh()
        return s

    def switch_to(self, name: str | None) -> bool:
        if not name:
            return False
        lacking, unknown = self.controller.apply_scenario(name)
        msg = self.tr("Switched to {0} (Undo takes it back).").format(name)
        if lacking:
            msg += " " + self.tr("%n node(s) added since it was saved kept their weights.", "", len(lacking))
        if unknown:
            msg += " " + self.tr("%n node(s) of the scenario are no longer in the tree.", "", len(unknown))
        self.message.setText(msg)
        self.controller.flush()
        self._fill_list()
        return True

    def rename(self, old: str | None, new: str | None = None) -> str | None:
        if not old:
            return None
        if new is None:
            new = self.ask_name(self.tr("Rename scenario"), self.tr("New name:"), old)
            if not new:
                return None
        was_compared = old in self.compared
        name = self.controller.rename_scenario(old, new)
        self.compared.discard(old)
        if was_compared:
            self.compared.add(name)
        self._fill_list()
        self.refresh()
        return name

    def delete(self, name: str | None, ask: bool = True) -> bool:
        if not name:
            return False
        if ask and not self.confirm(self.tr("Delete the scenario {0}?").format(name)):
            return False
        self.controller.delete_scenario(name)
        self.compared.discard(name)
        self.refresh()
        return True

    def _scenarios_changed(self) -> None:
        names = {s["name"] for s in self.controller.scenarios}
        self.compared &= names
        self._fill_list()
        self._mark_dirty()

    # --- comparing --------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()
        if self.controller.framework is not None:
            self._fill_list()  # "in use" follows the tree's weights

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        if self._dirty:
            self.refresh()

    def columns(self) -> list[dict]:
        """The scenarios compared, in order: the current weights first (if ticked), then the list's order."""
        c = self.controller
        cols = []
        if self.current_check.isChecked() and c.framework is not None:
            cur = make_scenario(CURRENT, c.framework)
            cols.append(cur)
        cols += [s for s in c.scenarios if s["name"] in self.compared]
        return cols

    def column_title(self, name: str) -> str:
        return self.tr("Current weights") if name == CURRENT else name

    def refresh(self) -> None:
        c = self.controller
        self._dirty = False
        c.flush()
        cols = self.columns()
        if c.result is None or not cols:
            self.comparison = None
        else:
            self.comparison = compare(c.result, cols)
        self._fill_ranks()
        self._draw_chart()

    def _fill_ranks(self) -> None:
        t = self.ranks_table
        comp = self.comparison
        t.clear()
        if comp is None:
            t.setRowCount(0)
            t.setColumnCount(0)
            self.hint.setText(self.tr("Save the current weights as a scenario, change the weights, save another; "
                                      "tick the scenarios to compare."))
            return
        names = comp["names"]
        heads = [self.tr("Unit")] + [self.column_title(n) for n in names]
        if len(names) > 1:
            heads.append(self.tr("Change"))
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        units = comp["units"]
        t.setRowCount(len(units))
        sel = self.controller.selected
        for i, u in enumerate(units):
            ranks = [comp["ranks"][n][u] for n in names]
            cells = [u] + ["–" if r is None else str(r) for r in ranks]
            change = None
            if len(names) > 1:
                a, b = ranks[0], ranks[-1]
                change = None if a is None or b is None else a - b
                cells.append("–" if change is None else ("0" if change == 0 else f"{change:+d}"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, u)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if col == len(cells) - 1 and change:
                    item.setForeground(QBrush(QColor(UP_COLOR if change > 0 else DOWN_COLOR)))
                if u == sel:
                    item.setBackground(QBrush(QColor(HIGHLIGHT)))
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                t.setItem(i, col, item)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.hint.setText(self.tr("Ranks re-aggregated from the same normalised data under each scenario's weights and "
                                  "aggregation methods. Change: places gained from the first column to the last."))

    def _draw_chart(self) -> None:
        comp = self.comparison
        if comp is None:
            self.chart.set_data([], {}, "", 0, "")
            return
        names = comp["names"]
        ranks = {u: [comp["ranks"][n][u] for n in names] for u in comp["units"]}
        self.chart.set_data([self.column_title(n) for n in names], ranks, self.controller.selected,
                            self.top_spin.value(), self.tr("Rank under each scenario"))

    def _rank_row_clicked(self, row: int, _col: int) -> None:
        item = self.ranks_table.item(row, 0)
        if item is not None:
            self.controller.select_unit(item.data(Qt.ItemDataRole.UserRole))

    def _result_changed(self, _result) -> None:
        self._mark_dirty()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def _selection_changed(self, _unit: str = "") -> None:
        if self.comparison is not None:
            self._fill_ranks()
            self._draw_chart()

    # --- language ---------------------------------------------------------------------
    def retranslate(self) -> None:
        self.list_box.setTitle(self.tr("Saved scenarios"))
        self.list_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Created"), self.tr("Now")])
        self.save_btn.setText(self.tr("Save current…"))
        self.save_btn.setToolTip(
            self.tr("Save the current weights and aggregation methods of every node as a scenario"))
        self.switch_btn.setText(self.tr("Switch to"))
        self.switch_btn.setToolTip(self.tr("Use this scenario's weights and methods (one undoable step)"))
        self.rename_btn.setText(self.tr("Rename…"))
        self.delete_btn.setText(self.tr("Delete"))
        self.current_check.setText(self.tr("Compare with the current weights too"))
        self.tabs.setTabText(0, self.tr("Rank changes"))
        self.tabs.setTabText(1, self.tr("Ranks"))
        self.top_label.setText(self.tr("Cities within the top:"))
        self.top_spin.setSpecialValueText(self.tr("all"))
        self._fill_list()
        self.refresh()

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.Type.LanguageChange and hasattr(self, "top_spin"):
            self.retranslate()
        super().changeEvent(e)


class ScenariosDialog(QDialog):
    """A window around a ScenarioPanel (non-modal: the ranking stays usable beside it)."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ScenariosDialog")
        self.setSizeGripEnabled(True)
        self.panel = ScenarioPanel(controller, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(1240, 760)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Scenarios"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(e)


def open_scenarios(parent: QWidget | None, controller) -> ScenariosDialog:
    """Show the scenarios window (one per parent, raised if already open)."""
    dlg = getattr(parent, "_scenarios_dialog", None) if parent is not None else None
    if dlg is None:
        dlg = ScenariosDialog(controller, parent)
        if parent is not None:
            parent._scenarios_dialog = dlg
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    return dlg
