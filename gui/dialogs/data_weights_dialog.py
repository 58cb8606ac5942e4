"""Weights from the data for the children of one node: entropy, CRITIC, standard deviation, PCA, equal.

The dialog asks core.weighting.data_methods (the GUI computes nothing itself) and previews the new
weights beside the current ones, with the formula and the figures behind them (eⱼ and
1 − eⱼ for entropy, σⱼ, Σ(1 − r) and Cⱼ for CRITIC, …). A method the data do not allow
(a constant child, negative values for entropy, too few complete units) shows the
engine's message and cannot be applied. "Apply" writes the weights as ONE undoable step
(`controller.apply_weights`, source "entropy (熵权法)" …) and keeps the formula and figures
for the results' method notes (`controller.weight_notes`).

熵权TOPSIS (`ENTROPY_TOPSIS`, one more choice in the method list) is the entropy weights of the
node's children AND the node's aggregation set to `topsis`, applied as ONE undoable step (a
structural edit of both; undo restores the weights and the method). It is offered for one node at
a time: bottom-up over every node, a parent's entropy weights would be computed from its
children's arithmetic-mean scores, not the TOPSIS scores it would then aggregate.

Entry point: `open_weights_dialog(parent, controller, node)`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.weighting.data_methods import DATA_METHODS, WeightError, data_weights
from core.weighting.data_tree import data_weights_bottom_up
from core.weighting.sources import data_source
from gui.dialogs.ahp_editor import BAR, BAR_CURRENT, RED, BarDelegate, weight_parent

ENTROPY_TOPSIS = "entropy_topsis"  # the dialog's own choice: entropy weights + TOPSIS at the node


class WeightsDialog(QDialog):
    """Public for tests: `node`, `method_key`, `set_node`, `set_method`, `preview` (data_weights'
    dict or None), `error`, `table`, `apply()`; `all_nodes` (the check box: every node at once,
    bottom-up) and `preview_all` (core.weighting.data_tree.data_weights_bottom_up's dict or None)."""

    def __init__(self, controller, node: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.node = node
        self.preview: dict | None = None
        self.preview_all: dict | None = None
        self.error = ""
        self.setObjectName("WeightsDialog")
        self.setSizeGripEnabled(True)

        self.heading = QLabel(self)
        f = self.heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        f.setBold(True)
        self.heading.setFont(f)
        self.heading.setWordWrap(True)
        self.node_label = QLabel(self)
        self.node_combo = QComboBox(self)
        self.method_label = QLabel(self)
        self.method_combo = QComboBox(self)
        for m in DATA_METHODS:
            self.method_combo.addItem("", m)
        self.method_combo.insertItem(1, "", ENTROPY_TOPSIS)  # right after entropy
        row = QHBoxLayout()
        row.addWidget(self.node_label)
        row.addWidget(self.node_combo, 1)
        row.addSpacing(16)
        row.addWidget(self.method_label)
        row.addWidget(self.method_combo, 1)
        self.all_nodes = QCheckBox(self)
        self.all_nodes.toggled.connect(self._all_toggled)

        self.formula = QLabel(self)
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula.setFrameShape(QFrame.Shape.StyledPanel)
        self.formula.setMargin(8)
        self.formula.setStyleSheet("QLabel { background: #f7f7f2; }")

        self.table = QTableWidget(0, 0, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setAlternatingRowColors(True)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {RED}; font-weight: bold;")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close,
                                        self)
        self.apply_btn = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_btn.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.applied_label = QLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.applied_label, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.all_nodes)
        layout.addWidget(self.formula)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.info)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)

        self._fill_nodes()
        self.node_combo.currentIndexChanged.connect(self._node_chosen)
        self.method_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        # bound methods, not lambdas: Qt drops them when the dialog is deleted
        controller.language_changed.connect(self._language_changed)
        controller.result_changed.connect(self._result_changed)
        self.retranslate()
        self.resize(940, max(360, self.sizeHint().height()))

    # --- choices ----------------------------------------------------------------------
    def _fill_nodes(self) -> None:
        fw, lang = self.controller.framework, self.controller.language
        self.node_combo.blockSignals(True)
        self.node_combo.clear()
        for c in fw.preorder():
            if fw.children[c]:
                self.node_combo.addItem(f"{'    ' * fw.level(c)}{c}  {fw.nodes[c].name(lang)}", c)
        k = self.node_combo.findData(self.node)
        self.node_combo.setCurrentIndex(max(k, 0))
        self.node_combo.blockSignals(False)

    def _node_chosen(self, _k: int) -> None:
        self.node = self.node_combo.currentData()
        self.refresh()

    def set_node(self, node: str) -> None:
        self.node_combo.setCurrentIndex(self.node_combo.findData(node))

    def set_method(self, method: str) -> None:
        self.method_combo.setCurrentIndex(self.method_combo.findData(method))

    @property
    def method_key(self) -> str:
        return self.method_combo.currentData()

    @property
    def weights_method(self) -> str:
        """The core.weighting method behind the choice (熵权TOPSIS weights by entropy)."""
        return "entropy" if self.method_key == ENTROPY_TOPSIS else self.method_key

    def method_text(self, key: str) -> str:
        return {"entropy": self.tr("Entropy (熵权法)"),
                ENTROPY_TOPSIS: self.tr("Entropy-weighted TOPSIS (熵权TOPSIS): entropy weights, TOPSIS at the node"),
                "entropy_minmax": self.tr("Entropy on min-max values"),
                "critic": self.tr("CRITIC"),
                "stdev": self.tr("Standard deviation"),
                "pca": self.tr("PCA (OECD/JRC handbook)"),
                "equal": self.tr("Equal weights")}[key]

    # --- the preview ------------------------------------------------------------------
    def refresh(self) -> None:
        c = self.controller
        c.flush()
        self.applied_label.setText("")
        self.preview_all = None
        topsis = self.method_key == ENTROPY_TOPSIS
        self.all_nodes.setEnabled(not topsis)  # one node at a time (see the module docstring)
        if topsis and self.all_nodes.isChecked():
            self.all_nodes.setChecked(False)  # refreshes again through _all_toggled
            return
        if self.all_nodes.isChecked():
            self.preview_all = data_weights_bottom_up(c.result, self.method_key)
            self.preview, self.error = None, ""
            if not self.preview_all["nodes"]:
                self.error = "; ".join(self.preview_all["failed"].values())
            self._show_all()
            return
        try:
            self.preview = data_weights(c.result, self.node, self.weights_method)
            self.error = ""
        except WeightError as e:
            self.preview, self.error = None, str(e)
        self._show()

    def _all_toggled(self, on: bool) -> None:
        self.node_combo.setEnabled(not on)
        self.node_label.setEnabled(not on)
        self._heading()
        self.refresh()

    def _heading(self) -> None:
        self.heading.setText(self.tr("Weights from the data for every node, bottom-up") if self.all_nodes.isChecked()
                             else self.tr("Weights from the data for the children of a node"))

    def _show_all(self) -> None:
        """Every internal node's children, in the order they are weighted (bottom-up)."""
        c = self.controller
        fw, lang = c.framework, c.language
        local = fw.local_weights()
        pa = self.preview_all
        extra = self._columns()
        heads = [self.tr("Node"), self.tr("Code"), self.tr("Name"), self.tr("Current"), self.tr("New"),
                 self.tr("Change")] + [h for _k, h in extra]
        rows = [(n, k) for n in pa["order"] for k in fw.children[n]]
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(heads)
        for i, (n, k) in enumerate(rows):
            r = pa["nodes"].get(n)
            cells = [n, k, fw.nodes[k].name(lang), f"{local[k]:.4f}"]
            if r is not None:
                w = r["weights"][k]
                cells += [f"{w:.4f}", f"{w - local[k]:+.4f}"]
                figs = r["figures"]
                for key, _h in extra:
                    if key == "factor":
                        cells.append(str(figs["factor"][k]))
                    elif key == "loading":
                        cells.append(f"{figs['scaled_squared'][k][figs['factor'][k] - 1]:.4f}")
                    else:
                        cells.append(f"{figs[key][k]:.4f}")
            else:
                cells += [self.tr("kept"), "–"] + ["–"] * len(extra)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        for col in (2, 3, 4):  # no weight bars in this layout (the single node's columns differ)
            self.table.setItemDelegateForColumn(col, None)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(min(360, hh.sizeHint().height() + 28 * len(rows) + 2 * self.table.frameWidth() + 4))
        first = next(iter(pa["nodes"].values()), None)
        self.formula.setText((first["formula"].get(lang) or first["formula"]["en"]) if first else "")
        self.formula.setVisible(first is not None)
        parts = [self.tr("Bottom-up: the nodes right above the indicators first, then each node with its "
                         "children's scores at their new weights ({0}).").format(" → ".join(pa["order"]))]
        for n, why in pa["failed"].items():
            parts.append(self.tr("{0} keeps its weights: {1}").format(n, why))
        self.info.setText("\n".join(parts))
        self.error_label.setText(self.tr("These weights cannot be computed: {0}").format(self.error)
                                 if self.error else "")
        self.error_label.setVisible(bool(self.error))
        self.apply_btn.setEnabled(bool(pa["nodes"]))

    def _columns(self) -> list[tuple[str, str]]:
        """(figure key, header) of the per-child figures of the method."""
        m = self.weights_method
        if m in ("entropy", "entropy_minmax"):
            return [("e", self.tr("Entropy e")), ("d", self.tr("1 − e"))]
        if m == "critic":
            return [("sigma", self.tr("σ")), ("conflict", self.tr("Σ(1 − r)")), ("C", self.tr("C = σ·Σ(1 − r)"))]
        if m == "stdev":
            return [("sigma", self.tr("σ"))]
        if m == "pca":
            return [("factor", self.tr("Factor")), ("loading", self.tr("Scaled squared loading"))]
        return []

    def _show(self) -> None:
        c = self.controller
        fw, lang = c.framework, c.language
        kids = list(fw.children.get(self.node, ()))
        local = fw.local_weights()
        p = self.preview
        figs = (p or {}).get("figures", {})
        extra = self._columns() if p else []
        heads = [self.tr("Code"), self.tr("Name"), self.tr("Current"), self.tr("New"), self.tr("Change")]
        heads += [h for _k, h in extra]
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setRowCount(len(kids))
        self.table.setHorizontalHeaderLabels(heads)
        new = [p["weights"][k] if p else np.nan for k in kids]
        top = max([local[k] for k in kids] + [x for x in new if np.isfinite(x)] + [1e-12])
        for i, k in enumerate(kids):
            cells: list[tuple[str, float | None]] = [(k, None), (fw.nodes[k].name(lang), None),
                                                     (f"{local[k]:.4f}", local[k] / top)]
            if p:
                d = new[i] - local[k]
                cells += [(f"{new[i]:.4f}", new[i] / top), (f"{d:+.4f}", None)]
            else:
                cells += [("–", None), ("–", None)]
            for key, _h in extra:
                if key == "factor":
                    cells.append((str(figs["factor"][k]), None))
                elif key == "loading":
                    f = figs["factor"][k] - 1
                    cells.append((f"{figs['scaled_squared'][k][f]:.4f}", None))
                else:
                    cells.append((f"{figs[key][k]:.4f}", None))
            for col, (text, frac) in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if frac is not None:
                    item.setData(Qt.ItemDataRole.UserRole, float(frac))
                self.table.setItem(i, col, item)
        self.table.setItemDelegateForColumn(2, BarDelegate(BAR_CURRENT, self.table))
        self.table.setItemDelegateForColumn(3, BarDelegate(BAR, self.table))
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            hh.resizeSection(col, 110)

        rows = 28 * self.table.rowCount()
        self.table.setMinimumHeight(min(520, hh.sizeHint().height() + rows + 2 * self.table.frameWidth() + 4))
        if p:
            self.formula.setText(p["formula"].get(lang) or p["formula"]["en"])
        else:
            self.formula.setText("")
        self.formula.setVisible(bool(p))
        self.error_label.setText(self.tr("These weights cannot be computed: {0}").format(self.error)
                                 if self.error else "")
        self.error_label.setVisible(bool(self.error))
        self.apply_btn.setEnabled(p is not None)
        self.info.setText(self._info_text(figs) if p else "")

    def _info_text(self, figs: dict) -> str:
        parts = []
        if "units" in figs:
            parts.append(self.tr("{0} units with a value for every child take part.").format(figs["units"]))
            if figs.get("dropped"):
                dropped = figs["dropped"]
                shown = ", ".join(dropped[:12]) + ("…" if len(dropped) > 12 else "")
                parts.append(self.tr("Left out ({0}): {1}.").format(len(dropped), shown))
        if "eigenvalues" in figs:
            ev = ", ".join(f"{v:.3f}" for v in figs["eigenvalues"])
            parts.append(self.tr("Eigenvalues: {0}; factors kept: {1}; rotation: {2}.").format(
                ev, figs["retained"], figs["rotation"]))
        if "sd" in figs:
            parts.append(self.tr("σ is the sample standard deviation of the min-max values."))
        if self.method_key == ENTROPY_TOPSIS:
            parts.append(self.tr("Applying also sets the aggregation of {0} to TOPSIS: its score becomes the relative "
                                 "closeness D⁻/(D⁺ + D⁻) over these weights.").format(self.node))
        if self.method_key in ("entropy_minmax", "critic", "stdev", "pca"):
            parts.append(self.tr("Values are rescaled to [0, 1] with the indicator's direction; a child that is "
                                 "a node enters with its score."))
        return "\n".join(parts)

    # --- applying ---------------------------------------------------------------------
    def apply_all(self) -> bool:
        """Every weighted node's children at once: ONE undoable step, a method note per node."""
        pa = self.preview_all
        if not pa or not pa["nodes"]:
            return False
        c = self.controller
        source = data_source(self.method_key, self.controller.language)
        for step, n in enumerate(n for n in pa["order"] if n in pa["nodes"]):
            r = pa["nodes"][n]
            c.note_weights(n, {"kind": "data", "source": source, "method": self.method_key,
                               "formula": dict(r["formula"]), "figures": r["figures"],
                               "weights": dict(r["weights"]), "bottom_up": step + 1})
        c.apply_weights(dict(pa["weights"]), self.tr("{0} weights of every node (bottom-up)").format(
            self.method_text(self.method_key)), source)
        c.flush()
        self.applied_label.setText(self.tr("Applied to {0} nodes: {1}").format(len(pa["nodes"]), source))
        return True

    def apply(self) -> bool:
        if self.all_nodes.isChecked():
            return self.apply_all()
        p = self.preview
        if p is None:
            return False
        c = self.controller
        source = data_source(self.weights_method, self.controller.language)
        weights = dict(p["weights"])
        c.note_weights(self.node, {"kind": "data", "source": source, "method": self.weights_method,
                                   "formula": dict(p["formula"]), "figures": p["figures"], "weights": weights})
        if self.method_key == ENTROPY_TOPSIS:
            if not self._apply_entropy_topsis(weights, source):
                return False
        else:
            c.apply_weights(weights, self.tr("{0} weights of {1}").format(self.method_text(self.method_key),
                                                                         self.node), source)
        c.flush()  # the dialog's result_changed refresh shows the applied weights as current
        self.applied_label.setText(self.tr("Applied: {0}").format(source))
        return True

    def _apply_entropy_topsis(self, weights: dict[str, float], source: str) -> bool:
        """The entropy weights and `topsis` at the node: ONE undoable structural step."""
        from core.model.framework_edits import set_fields

        def edit(fw):
            return set_fields(fw.with_weights(weights, source=source), self.node, aggregation="topsis")

        refused = self.controller.structural_edit(self.tr("Entropy-weighted TOPSIS at {0}").format(self.node), edit)
        if refused is not None:
            self.error = refused.errors[0].text(self.controller.language) if refused.errors else ""
            self.error_label.setText(self.error)
            self.error_label.setVisible(True)
        return refused is None

    # --- language ---------------------------------------------------------------------
    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def _result_changed(self, _result) -> None:
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Weights from the data"))
        self._heading()
        self.node_label.setText(self.tr("Node:"))
        self.method_label.setText(self.tr("Method:"))
        self.all_nodes.setText(self.tr("Apply to every node at once (bottom-up)"))
        self.all_nodes.setToolTip(self.tr("The nodes right above the indicators are weighted first; a node whose "
                                          "children are nodes is weighted from their scores at their new weights"))
        for k in range(self.method_combo.count()):
            self.method_combo.setItemText(k, self.method_text(self.method_combo.itemData(k)))
        self.apply_btn.setText(self.tr("Apply to the tree"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._fill_nodes()
        self.refresh()

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(e)


def open_weights_dialog(parent: QWidget | None, controller, node: str | None) -> WeightsDialog | None:
    """Open "Weights from the data" for `node` (a leaf: its parent; None: the root). Window-modal."""
    node = weight_parent(controller, node)
    if node is None:
        return None
    dlg = WeightsDialog(controller, node, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg
