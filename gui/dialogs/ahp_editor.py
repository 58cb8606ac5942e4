"""The AHP editor: pairwise judgements among the children of one node, weights and consistency live.

An n×n table of the node's children: the upper triangle is edited with a combo of Saaty's
17 values (9 … 1 … 1/9) labelled with the verbal scale, the lower triangle holds the
reciprocals (grey, read-only), the diagonal 1. Every judgement entered recomputes at once
(core.weighting.ahp — the GUI computes nothing itself): the weights beside the current ones, λmax,
CI, CR (flagged red when CR ≥ 0.10) and the judgements most responsible for the
inconsistency, each with the value that would lower CR most and a button to take it.

The judgements start from those kept for the node (`controller.ahp_judgements`), else from
the ones implied by the current weights (core.weighting.ahp.consistent_matrix). "Apply" writes the
weights into the tree as ONE undoable step (`controller.apply_weights`), records the source
("AHP (principal eigenvector), CR 0.031"), keeps the judgements and a note for the results'
method notes (`controller.weight_notes`).

Entry point: `open_ahp_editor(parent, controller, node)`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.weighting.ahp import (
    AHP_METHODS,
    CR_LIMIT,
    SAATY_VALUES,
    ahp_weights,
    consistent_matrix,
    inconsistency_hints,
    scale_text,
)

GREY = QColor("#eeeeee")
GREY_TEXT = QColor("#8a8a8a")
ROW_MORE = QColor("#e3eefa")  # the row matters more
COL_MORE = QColor("#fcebd9")  # the column matters more
RED = "#c0392b"
GREEN = "#2e7d32"
BAR = QColor("#4e79a7")
BAR_CURRENT = QColor("#bab0ac")

translate = QCoreApplication.translate


def scale_words(k: int) -> str:
    """Saaty's verbal label of 1 … 9, in the user's language."""
    return {
        1: translate("AhpScale", "equal importance"),
        2: translate("AhpScale", "between equal and moderate"),
        3: translate("AhpScale", "moderate importance"),
        4: translate("AhpScale", "between moderate and strong"),
        5: translate("AhpScale", "strong importance"),
        6: translate("AhpScale", "between strong and very strong"),
        7: translate("AhpScale", "very strong importance"),
        8: translate("AhpScale", "between very strong and extreme"),
        9: translate("AhpScale", "extreme importance"),
    }[k]


def value_label(v: float) -> str:
    """A judgement with its verbal meaning: '3 — moderate importance', '1/3 — column: moderate importance'."""
    text = scale_text(v)
    if v >= 1:
        k = round(v)
        if abs(v - k) > 1e-9:
            return text
        return translate("AhpScale", "{0} — {1}").format(text, scale_words(k))
    k = round(1 / v)
    if abs(1 / v - k) > 1e-9:
        return text
    return translate("AhpScale", "{0} — column: {1}").format(text, scale_words(k))


SCALE_ORDER = tuple(sorted(SAATY_VALUES, reverse=True))  # 9 … 1 … 1/9


def _on_scale(v: float) -> int | None:
    """Index of v in SCALE_ORDER, or None when v is not one of Saaty's values."""
    for k, s in enumerate(SCALE_ORDER):
        if abs(np.log(v / s)) < 1e-9:
            return k
    return None


# ------------------------------------------------------------------------------------- the model
class JudgementModel(QAbstractTableModel):
    """The pairwise matrix as a table: upper triangle editable, lower triangle its reciprocals."""

    judgement_changed = Signal(int, int, float)  # row, column (upper triangle), value

    def __init__(self, codes: list[str], names: list[str], matrix: np.ndarray, parent=None):
        super().__init__(parent)
        self.codes = list(codes)
        self.names = list(names)
        self.A = np.array(matrix, dtype=float)
        self.hinted: set[tuple[int, int]] = set()

    def set_matrix(self, matrix: np.ndarray) -> None:
        self.beginResetModel()
        self.A = np.array(matrix, dtype=float)
        self.endResetModel()

    def set_hinted(self, cells: set[tuple[int, int]]) -> None:
        """Judgements to point out (the inconsistency hints): red and bold."""
        changed = cells ^ self.hinted
        self.hinted = set(cells)
        for i, j in changed:
            ix = self.index(i, j)
            self.dataChanged.emit(ix, ix, [Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole])

    def set_names(self, names: list[str]) -> None:
        self.names = list(names)
        n = len(self.codes)
        if n:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, n - 1)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, n - 1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.codes)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.codes)

    def flags(self, index: QModelIndex):
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() > index.row():
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        i, j = index.row(), index.column()
        v = float(self.A[i, j])
        if role == Qt.ItemDataRole.DisplayRole:
            return scale_text(v) if i != j else "1"
        if role in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.UserRole):
            return v
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if j <= i:
                return QBrush(GREY)
            if abs(v - 1) < 1e-9:
                return None
            return QBrush(ROW_MORE if v > 1 else COL_MORE)
        if role == Qt.ItemDataRole.ForegroundRole:
            if (i, j) in self.hinted:
                return QBrush(QColor(RED))
            return QBrush(GREY_TEXT) if j <= i else None
        if role == Qt.ItemDataRole.FontRole and (i, j) in self.hinted:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole and i != j:
            a, b = (i, j) if j > i else (j, i)
            w = self.A[a, b]
            return self.tr("{0} compared with {1}: {2}").format(self.codes[a], self.codes[b], value_label(w))
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        i, j = index.row(), index.column()
        if j <= i:
            return False
        try:
            v = float(value)
        except (TypeError, ValueError):
            return False
        if not np.isfinite(v) or v <= 0:
            return False
        if abs(np.log(v / self.A[i, j])) < 1e-12:
            return True
        self.A[i, j], self.A[j, i] = v, 1.0 / v
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                                             Qt.ItemDataRole.BackgroundRole])
        mirror = self.index(j, i)
        self.dataChanged.emit(mirror, mirror, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.judgement_changed.emit(i, j, v)
        return True

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if not 0 <= section < len(self.codes):
            return None
        code, name = self.codes[section], self.names[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Vertical:
                return f"{code}  {name}" if name and name != code else code
            return code
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{code} {name}"
        return None


class JudgementDelegate(QStyledItemDelegate):
    """A combo of Saaty's 17 values with their verbal labels; every choice is committed at once."""

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for v in SCALE_ORDER:
            combo.addItem(value_label(v), v)
        v = float(index.data(Qt.ItemDataRole.EditRole))
        if _on_scale(v) is None:  # a judgement implied by weights (1.37): keep it choosable
            combo.insertItem(0, scale_text(v), v)
        fm = combo.fontMetrics()
        combo.view().setMinimumWidth(max(fm.horizontalAdvance(combo.itemText(k)) for k in range(combo.count())) + 40)
        combo.setMaxVisibleItems(len(SCALE_ORDER) + 1)
        combo.activated.connect(lambda _k, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)

    def setEditorData(self, editor: QComboBox, index) -> None:  # noqa: N802
        v = float(index.data(Qt.ItemDataRole.EditRole))
        best = min(range(editor.count()), key=lambda k: abs(np.log(float(editor.itemData(k)) / v)))
        editor.setCurrentIndex(best)

    def setModelData(self, editor: QComboBox, model, index) -> None:  # noqa: N802
        model.setData(index, float(editor.currentData()), Qt.ItemDataRole.EditRole)


class BarDelegate(QStyledItemDelegate):
    """A weight as a bar behind its number (UserRole: the fraction 0 … 1)."""

    def __init__(self, color: QColor, parent=None):
        super().__init__(parent)
        self.color = color

    def paint(self, painter: QPainter, option, index) -> None:
        frac = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(frac, float) and np.isfinite(frac):
            r = QRectF(option.rect).adjusted(2, 4, -2, -4)
            r.setWidth(max(0.0, min(1.0, frac)) * r.width())
            painter.save()
            c = QColor(self.color)
            c.setAlpha(110)
            painter.fillRect(r, c)
            painter.restore()
        super().paint(painter, option, index)


# ------------------------------------------------------------------------------------ the dialog
class AhpEditor(QDialog):
    """Pairwise comparisons of the children of `node`. Public for tests: `model`, `table`,
    `set_judgement(i, j, v)`, `result` (core.weighting.ahp.ahp_weights of the matrix), `hints`,
    `apply_hint(k)`, `apply()`, `cr_label`, `flag_label`."""

    computed = Signal(object)  # the ahp_weights dict after every change

    def __init__(self, controller, node: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.node = node
        fw = controller.framework
        if node not in fw.nodes or not fw.children[node]:
            raise ValueError(f"'{node}' has no children to compare")
        self.codes = list(fw.children[node])
        self.result: dict | None = None
        self.hints: list[dict] = []
        self.error = ""
        self.setObjectName("AhpEditor")
        self.setSizeGripEnabled(True)

        options = self._build_options()
        self._build_matrix()
        self._build_weights()
        self._build_figures()
        self._build_hints()
        bottom = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addLayout(options)
        layout.addLayout(self._results_grid(), 1)
        layout.addLayout(bottom)
        self._restore_options(controller.ahp_judgements.get(node))
        self.method.currentIndexChanged.connect(lambda _i: self.recompute())
        self.ri_table.currentIndexChanged.connect(lambda _i: self.recompute())
        controller.language_changed.connect(self._language_changed)
        self.retranslate()
        self.recompute()
        n = len(self.codes)
        self.resize(min(1400, max(1040, 300 + 96 * n + 480)), min(900, 520 + 30 * n))

    # --- building the window (in the order the widgets take focus) ----------------------
    def _build_options(self) -> QHBoxLayout:
        """The heading, the explanation and the row of options: method, RI table, the two resets."""
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        f = self.heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        f.setBold(True)
        self.heading.setFont(f)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.method_label = QLabel(self)
        self.method = QComboBox(self)
        for m in AHP_METHODS:
            self.method.addItem("", m)
        self.ri_label = QLabel(self)
        self.ri_table = QComboBox(self)
        self.ri_table.addItem("", "saaty")
        self.ri_table.addItem("", "chinese")
        self.reset_btn = QPushButton(self)
        self.reset_btn.clicked.connect(self.reset_to_current)
        self.equal_btn = QPushButton(self)
        self.equal_btn.clicked.connect(self.reset_to_equal)
        options = QHBoxLayout()
        options.addWidget(self.method_label)
        options.addWidget(self.method)
        options.addSpacing(12)
        options.addWidget(self.ri_label)
        options.addWidget(self.ri_table)
        options.addStretch(1)
        options.addWidget(self.reset_btn)
        options.addWidget(self.equal_btn)
        return options

    def _build_matrix(self) -> None:
        """The judgement matrix (model, view, delegate), the line describing the current cell, the legend."""
        self.model = JudgementModel(self.codes, self._names(), self._start_matrix(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.delegate = JudgementDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.CurrentChanged
                                   | QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(96)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.table.selectionModel().currentChanged.connect(self._describe_current)
        # the line under the matrix follows the cell's value too (a combo pick, a hint taken, a reset)
        self.model.dataChanged.connect(lambda *_: self._describe_current(self.table.currentIndex()))
        self.model.modelReset.connect(lambda: self._describe_current(self.table.currentIndex()))
        self.model.judgement_changed.connect(lambda *_: self.recompute())
        self.model.modelReset.connect(self.recompute)
        self.describe = QLabel(self)
        self.describe.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.matrix_box = QGroupBox(self)
        lv = QVBoxLayout(self.matrix_box)
        lv.addWidget(self.table, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        lv.addWidget(self.describe)
        lv.addWidget(self.legend)
        lv.addStretch(1)

    def _build_weights(self) -> None:
        """The weights table: each child's current and new weight, as bars."""
        self.weights_box = QGroupBox(self)
        self.weights_table = QTableWidget(len(self.codes), 4, self)
        self.weights_table.verticalHeader().setVisible(False)
        self.weights_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.weights_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.weights_table.setItemDelegateForColumn(2, BarDelegate(BAR_CURRENT, self.weights_table))
        self.weights_table.setItemDelegateForColumn(3, BarDelegate(BAR, self.weights_table))
        hh = self.weights_table.horizontalHeader()
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for c in (2, 3):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            hh.resizeSection(c, 110)
        self.weights_table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.weights_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        wv = QVBoxLayout(self.weights_box)
        wv.addWidget(self.weights_table, 0, Qt.AlignmentFlag.AlignTop)
        wv.addStretch(1)

    def _build_figures(self) -> None:
        """λmax, CI, RI and CR (large), and the flag under them."""
        self.figures_box = QGroupBox(self)
        form = QFormLayout(self.figures_box)
        self.lambda_label, self.ci_label, self.ri_value, self.cr_label = (QLabel(self) for _ in range(4))
        self.form_names = [QLabel("λmax"), QLabel("CI"), QLabel("RI"), QLabel("CR")]
        for name, value in zip(self.form_names, (self.lambda_label, self.ci_label, self.ri_value, self.cr_label)):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, value)
        big = self.cr_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.3)
        self.cr_label.setFont(big)
        self.flag_label = QLabel(self)
        self.flag_label.setWordWrap(True)
        form.addRow(self.flag_label)

    def _build_hints(self) -> None:
        """The judgements that depart most from the weights, and the button to take a hint."""
        self.hints_box = QGroupBox(self)
        self.hints_table = QTableWidget(0, 4, self)
        self.hints_table.verticalHeader().setVisible(False)
        self.hints_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hints_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hints_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hints_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.hints_table.horizontalHeader().setStretchLastSection(True)
        self.hints_table.verticalHeader().setDefaultSectionSize(28)
        self.hints_table.setMinimumHeight(3 * 28 + 36)
        self.hints_table.cellDoubleClicked.connect(lambda row, _c: self.apply_hint(row))
        self.hint_btn = QPushButton(self)
        self.hint_btn.clicked.connect(lambda: self.apply_hint(self._selected_hint()))
        self.no_hint = QLabel(self)
        self.no_hint.setWordWrap(True)
        hv = QVBoxLayout(self.hints_box)
        hv.addWidget(self.hints_table)
        hb = QHBoxLayout()
        hb.addWidget(self.no_hint, 1)
        hb.addWidget(self.hint_btn)
        hv.addLayout(hb)

    def _build_buttons(self) -> QHBoxLayout:
        """Apply and Close, and the line saying what was applied."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.applied_label = QLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.applied_label, 1)
        bottom.addWidget(self.buttons)
        return bottom

    def _results_grid(self) -> QGridLayout:
        """Matrix and weights above, hints and figures below."""
        grid = QGridLayout()
        grid.addWidget(self.matrix_box, 0, 0)
        grid.addWidget(self.weights_box, 0, 1)
        grid.addWidget(self.hints_box, 1, 0)
        grid.addWidget(self.figures_box, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 1)
        return grid

    def _restore_options(self, stored: dict | None) -> None:
        """The method and RI table of the judgements stored for this node, if they are for its children."""
        if stored and list(stored.get("children", [])) == self.codes:
            self._select(self.method, stored.get("method", "eigen"))
            self._select(self.ri_table, stored.get("ri_table", "saaty"))

    # --- start values -----------------------------------------------------------------
    def _names(self) -> list[str]:
        fw, lang = self.controller.framework, self.controller.language
        return [fw.nodes[c].name(lang) for c in self.codes]

    def _current_weights(self) -> np.ndarray:
        local = self.controller.framework.local_weights()
        return np.array([local[c] for c in self.codes], dtype=float)

    def _start_matrix(self) -> np.ndarray:
        stored = self.controller.ahp_judgements.get(self.node)
        if stored and list(stored.get("children", [])) == self.codes:
            A = np.asarray(stored["matrix"], dtype=float)
            if A.shape == (len(self.codes),) * 2 and np.all(A > 0):
                return A
        w = self._current_weights()
        if np.any(w <= 0):  # a zero weight has no ratio: start from equal judgements
            return np.ones((len(self.codes),) * 2)
        return consistent_matrix(w)

    def reset_to_current(self) -> None:
        w = self._current_weights()
        self.model.set_matrix(consistent_matrix(w) if np.all(w > 0) else np.ones((len(w),) * 2))

    def reset_to_equal(self) -> None:
        self.model.set_matrix(np.ones((len(self.codes),) * 2))

    @staticmethod
    def _select(combo: QComboBox, data) -> None:
        k = combo.findData(data)
        if k >= 0:
            combo.setCurrentIndex(k)

    # --- editing ----------------------------------------------------------------------
    def set_judgement(self, i: int, j: int, value: float) -> bool:
        """How much child i matters more than child j (either triangle: the lower one is stored as 1/value)."""
        if j < i:
            i, j, value = j, i, 1.0 / value
        return self.model.setData(self.model.index(i, j), float(value))

    def matrix(self) -> np.ndarray:
        return self.model.A.copy()

    @property
    def method_key(self) -> str:
        return self.method.currentData()

    @property
    def ri_key(self) -> str:
        return self.ri_table.currentData()

    def recompute(self) -> None:
        """Weights, consistency and hints of the matrix as it stands (core.weighting.ahp)."""
        A = self.matrix()
        try:
            self.result = ahp_weights(A, self.method_key, self.ri_key)
            hints = inconsistency_hints(A, self.result["weights"], self.codes, self.method_key, self.ri_key, top=3)
            key = "cr" if self.result["cr"] is not None else "ci"
            self.hints = [h for h in hints if abs(np.log(h["suggested"] / h["current"])) > 1e-9
                          and h[f"{key}_after"] < h[f"{key}_before"] - 1e-12]
            self.error = ""
        except ValueError as e:
            self.result, self.hints, self.error = None, [], str(e)
        self.model.set_hinted({(h["row"], h["col"]) for h in self.hints} if self.inconsistent else set())
        self._show_result()
        self.computed.emit(self.result)

    def _show_result(self) -> None:
        r = self.result
        cur = self._current_weights()
        names = self._names()
        w = r["weights"] if r else np.full(len(self.codes), np.nan)
        top = max(1e-12, float(np.nanmax(np.r_[w, cur])) if len(self.codes) else 1.0)
        for k, c in enumerate(self.codes):
            cells = [c, names[k], f"{cur[k]:.4f}", "–" if not np.isfinite(w[k]) else f"{w[k]:.4f}"]
            for col, text in enumerate(cells):
                item = self.weights_table.item(k, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.weights_table.setItem(k, col, item)
                item.setText(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    val = cur[k] if col == 2 else w[k]
                    item.setData(Qt.ItemDataRole.UserRole, float(val / top) if np.isfinite(val) else None)
        fmt = lambda v, d=4: "–" if v is None else f"{v:.{d}f}"  # noqa: E731
        if r is None:
            for lab in (self.lambda_label, self.ci_label, self.ri_value, self.cr_label):
                lab.setText("–")
            self.flag_label.setText(self.error)
            self.flag_label.setStyleSheet(f"color: {RED};")
        else:
            self.lambda_label.setText(fmt(r["lambda_max"]))
            self.ci_label.setText(fmt(r["ci"]))
            self.ri_value.setText(fmt(r["ri"], 2))
            self.cr_label.setText(fmt(r["cr"]))
            if r["cr"] is None:
                self.cr_label.setStyleSheet("")
                self.flag_label.setText(self.tr("This RI table does not reach n = {0}: CR is undefined. "
                                                "Choose the other table.").format(len(self.codes)))
                self.flag_label.setStyleSheet(f"color: {RED};")
            elif r["consistent"]:
                self.cr_label.setStyleSheet(f"color: {GREEN}; font-weight: bold;")
                self.flag_label.setText(self.tr("Consistent enough (CR < 0.10)."))
                self.flag_label.setStyleSheet(f"color: {GREEN};")
            else:
                self.cr_label.setStyleSheet(f"color: {RED}; font-weight: bold;")
                self.flag_label.setText(self.tr("⚠ CR ≥ 0.10: the judgements contradict each other too much. "
                                                "Revise the judgements marked in red."))
                self.flag_label.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self._show_hints()

    @property
    def inconsistent(self) -> bool:
        return bool(self.result and self.result["cr"] is not None and self.result["cr"] >= CR_LIMIT)

    def _show_hints(self) -> None:
        self.hints_table.setRowCount(len(self.hints))
        key = "cr" if (self.result and self.result["cr"] is not None) else "ci"
        for k, h in enumerate(self.hints):
            cells = [self.tr("{0} vs {1}").format(h["row_code"], h["col_code"]), scale_text(h["current"]),
                     h["suggested_text"], f"{h[f'{key}_after']:.3f}"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(self.tr("{0} compared with {1}: now {2}, the weights imply {3:.2f}; {4} would lower "
                                        "the inconsistency most").format(h["row_code"], h["col_code"],
                                                                         value_label(h["current"]), h["implied"],
                                                                         value_label(h["suggested"])))
                self.hints_table.setItem(k, col, item)
        if self.hints and not self.hints_table.selectedItems():
            self.hints_table.selectRow(0)
        self.hints_table.setVisible(bool(self.hints))
        self.no_hint.setVisible(not self.hints)
        self.hint_btn.setEnabled(bool(self.hints))
        self.hints_table.setHorizontalHeaderLabels([self.tr("Judgement"), self.tr("Now"), self.tr("Suggested"),
                                                    self.tr("CR after") if key == "cr" else self.tr("CI after")])

    def _selected_hint(self) -> int:
        rows = {i.row() for i in self.hints_table.selectedItems()}
        return min(rows) if rows else 0

    def apply_hint(self, k: int = 0) -> bool:
        """Take the k-th hint's suggested value for its judgement."""
        if not 0 <= k < len(self.hints):
            return False
        h = self.hints[k]
        return self.set_judgement(h["row"], h["col"], h["suggested"])

    def _describe_current(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid() or current.row() == current.column():
            self.describe.setText("")
            return
        i, j = sorted((current.row(), current.column()))
        names = self.model.names
        self.describe.setText(self.tr("{0} {1} compared with {2} {3}: {4}").format(
            self.codes[i], names[i], self.codes[j], names[j], value_label(self.model.A[i, j])))

    # --- applying ---------------------------------------------------------------------
    def source_text(self) -> str:
        from core.weighting.sources import ahp_source
        r = self.result
        return ahp_source(self.method_key, None if r is None else r["cr"], self.controller.language)

    def apply(self) -> bool:
        """Write the weights into the tree (ONE undoable step) and keep the judgements."""
        if self.result is None:
            return False
        c = self.controller
        w = {code: float(x) for code, x in zip(self.codes, self.result["weights"])}
        source = self.source_text()
        A = self.matrix()
        c.keep_ahp_judgements(self.node, {"children": list(self.codes), "matrix": A.tolist(),
                                          "method": self.method_key, "ri_table": self.ri_key})
        r = self.result
        c.note_weights(self.node, {"kind": "ahp", "source": source, "method": self.method_key,
                                   "ri_table": self.ri_key, "lambda_max": r["lambda_max"], "ci": r["ci"],
                                   "ri": r["ri"], "cr": r["cr"], "weights": w})
        c.apply_weights(w, self.tr("AHP weights of {0}").format(self.node), source)
        self.applied_label.setText(self.tr("Applied: {0}").format(source))
        self._show_result()
        return True

    # --- language ---------------------------------------------------------------------
    def _language_changed(self, _lang: str) -> None:
        self.model.set_names(self._names())
        self.retranslate()

    def retranslate(self) -> None:
        fw = self.controller.framework
        name = fw.nodes[self.node].name(self.controller.language) if self.node in fw.nodes else self.node
        self.setWindowTitle(self.tr("AHP pairwise comparisons"))
        self.heading.setText(self.tr("Pairwise comparisons of the children of {0} {1}").format(self.node, name))
        self.explain.setText(self.tr("Each cell says how much more important the row is than the column "
                                     "(Saaty's 1–9 scale). Enter the cells above the diagonal; the grey cells "
                                     "below it are filled with the reciprocals."))
        self.method_label.setText(self.tr("Weights by:"))
        texts = {"eigen": self.tr("Principal eigenvector"), "geometric": self.tr("Row geometric mean (根法)"),
                 "arithmetic": self.tr("Normalised column sums (和法)")}
        for k in range(self.method.count()):
            self.method.setItemText(k, texts[self.method.itemData(k)])
        self.ri_label.setText(self.tr("Random index:"))
        self.ri_table.setItemText(0, self.tr("Saaty"))
        self.ri_table.setItemText(1, self.tr("Chinese textbooks"))
        self.reset_btn.setText(self.tr("Start from the current weights"))
        self.equal_btn.setText(self.tr("All equal"))
        self.legend.setText(self.tr("Blue: the row matters more; orange: the column matters more."))
        self.weights_box.setTitle(self.tr("Weights"))
        self.weights_table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Current"),
                                                      self.tr("AHP")])
        self.figures_box.setTitle(self.tr("Consistency"))
        self.matrix_box.setTitle(self.tr("Judgements (row compared with column)"))
        self.hints_box.setTitle(self.tr("Judgements most responsible for the inconsistency"))
        self.hint_btn.setText(self.tr("Use the suggested value"))
        self.no_hint.setText(self.tr("No judgement stands out."))
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).setText(self.tr("Apply to the tree"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._describe_current(self.table.currentIndex())
        self._show_result()

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(e)


def weight_parent(controller, code: str | None) -> str | None:
    """The node whose children a weighting dialog works on: the node itself, a leaf's parent,
    the root when nothing is selected; None when there is no project."""
    fw = controller.framework
    if fw is None:
        return None
    if not code or code not in fw.nodes:
        return fw.root
    return code if fw.children[code] else (fw.nodes[code].parent or fw.root)


def open_ahp_editor(parent: QWidget | None, controller, node: str | None) -> AhpEditor | None:
    """Open the AHP editor for `node` (a leaf: its parent's children; None: the root's). Window-modal."""
    node = weight_parent(controller, node)
    if node is None:
        return None
    dlg = AhpEditor(controller, node, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg
