"""The indicator tree as a Qt item model, and its editors.

`IndicatorTreeModel` is a thin adapter over the controller's immutable
`Framework` (napari's `_qt/containers` idea): there is no tree of items here.
An index carries a small integer id that names a node code; every `data()`
call looks the node up in the framework. The model keeps a reference to the
framework its rows describe, so `rowCount`/`parent` stay consistent while a
change is being announced; that reference is swapped on every
`framework_changed` (value edits: `dataChanged` over each sibling block;
structural edits: a model reset).

Edits go to the controller (`set_share`, `set_locked`, `structural_edit`);
the controller swaps the framework synchronously through its undo stack, so
by the time `setData` returns the model already shows the new values and
`dataChanged` has been emitted.

The weight columns show the local and effective weights the pipeline recorded in the current
Result (`Result.local` / `Result.effective`, its "weights" step), not weights worked out here.
Between an edit and the recompute that follows it (coalesced into one per event-loop turn, so a
slider drag stays one recompute) the framework shown is newer than the result; for that moment
the model shows the framework's own weights (`Framework.local_weights`, the very function the
pipeline records), and `result_changed` brings the Result's.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QStyledItemDelegate

from core.model import framework_edits as edits
from core.model.framework import Framework, Node
from core.model.settings import AGGREGATIONS, NORMALIZATIONS
from gui.models.stability_band import band_tooltip, paint_band
from gui.text.labels import method_label

# --- columns and roles ---------------------------------------------------------------
COL_CODE, COL_NAME, COL_WEIGHT, COL_EFFECTIVE, COL_DIRECTION, COL_AGGREGATION, COL_NORMALISATION, COL_LOCKED = \
    range(8)
N_COLUMNS = 8

NodeRole = Qt.ItemDataRole.UserRole  # the core.model.framework.Node itself
CodeRole = Qt.ItemDataRole.UserRole + 1  # the node's code (str)
ChoicesRole = Qt.ItemDataRole.UserRole + 2  # [(value, label), ...] for a combo editor
StabilityRole = Qt.ItemDataRole.UserRole + 3  # the weight's stability band (gui.models.stability_band.BandView)

_D = Qt.ItemDataRole
_VALUE_ROLES = [_D.DisplayRole, _D.EditRole, _D.ToolTipRole, _D.FontRole, _D.ForegroundRole, NodeRole]
_ROLES_OF_COLUMN = {
    COL_CODE: _VALUE_ROLES,
    COL_NAME: _VALUE_ROLES,
    COL_WEIGHT: [_D.DisplayRole, _D.EditRole, _D.ForegroundRole, _D.ToolTipRole, StabilityRole,
                 NodeRole],
    COL_EFFECTIVE: [_D.DisplayRole, NodeRole],
    COL_DIRECTION: [_D.DisplayRole, _D.EditRole, NodeRole],
    COL_AGGREGATION: [_D.DisplayRole, _D.EditRole, _D.FontRole, _D.ForegroundRole, ChoicesRole, NodeRole],
    COL_NORMALISATION: [_D.DisplayRole, _D.EditRole, _D.FontRole, _D.ForegroundRole, ChoicesRole, NodeRole],
    COL_LOCKED: [_D.CheckStateRole],
}
# Node fields -> columns whose content depends on them.
_COLUMNS_OF_FIELD = {
    "weight": (COL_WEIGHT, COL_EFFECTIVE),
    "name_zh": (COL_CODE, COL_NAME),
    "name_en": (COL_CODE, COL_NAME),
    "description": (COL_CODE, COL_NAME),
    "unit": (COL_CODE, COL_NAME),
    "source": (COL_CODE, COL_NAME),
    "direction": (COL_DIRECTION,),
    "aggregation": (COL_AGGREGATION,),
    "normalization": (COL_NORMALISATION,),
}
_FIELDS = tuple(_COLUMNS_OF_FIELD)
MINUS = "\u2212"
_NO_INDEX = QModelIndex()  # the invisible root, as a default argument


def _check_state(value) -> bool:
    """True for a checked state, whatever form the view passes (enum or int)."""
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    try:
        return int(value) == Qt.CheckState.Checked.value
    except (TypeError, ValueError):
        return bool(value)


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().replace("％", "%").rstrip("%").strip())
    except (TypeError, ValueError):
        return None


class IndicatorTreeModel(QAbstractItemModel):
    """Columns: Code, Name, Weight (local %), Effective %, Direction, Aggregation,
    Normalisation, Locked. The root is the single top-level row."""

    edit_refused = Signal(object)  # ProblemList of a cell edit the controller refused

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self._fw: Framework | None = controller.framework
        self._settings = controller.settings
        self._locked = frozenset(controller.locked)
        self._given: tuple[dict, dict] | None = None  # the (local, effective) weights the views were last given
        self._pending: tuple[Framework | None, tuple[dict, dict]] = (None, ({}, {}))  # before its result
        self.bands = None  # gui.models.stability_band.StabilityBands, once the tree shows them (set_bands)
        self._index_structure()
        controller.framework_changed.connect(self._on_framework_changed)
        controller.project_changed.connect(self._on_project_changed)
        controller.result_changed.connect(self._on_result_changed)

    # --- ids <-> codes ----------------------------------------------------------------
    def _index_structure(self) -> None:
        fw = self._fw
        self._codes: list[str] = list(fw.nodes) if fw else []
        self._ids = {c: i for i, c in enumerate(self._codes)}
        self._rows: dict[str, int] = {}
        if fw:
            self._rows[fw.root] = 0
            for kids in fw.children.values():
                for r, k in enumerate(kids):
                    self._rows[k] = r

    def code_of(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        i = index.internalId()
        return self._codes[i] if 0 <= i < len(self._codes) else None

    def index_of(self, code: str, column: int = 0) -> QModelIndex:
        """The index of a node's row (invalid if the code is unknown)."""
        if code not in self._ids:
            return QModelIndex()
        return self.createIndex(self._rows[code], column, id=self._ids[code])

    @property
    def framework(self) -> Framework | None:
        """The framework the rows describe (the controller's current one once its signal ran)."""
        return self._fw

    @property
    def language(self) -> str:
        return getattr(self.controller, "language", "zh") or "zh"

    # --- structure --------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = _NO_INDEX) -> QModelIndex:
        fw = self._fw
        if fw is None or column < 0 or column >= N_COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, id=self._ids[fw.root]) if row == 0 else QModelIndex()
        code = self.code_of(parent)
        kids = fw.children.get(code, ()) if code else ()
        if row >= len(kids):
            return QModelIndex()
        return self.createIndex(row, column, id=self._ids[kids[row]])

    def parent(self, index: QModelIndex = _NO_INDEX) -> QModelIndex:  # type: ignore[override]
        code = self.code_of(index)
        if code is None or self._fw is None:
            return QModelIndex()
        p = self._fw.nodes[code].parent
        return self.index_of(p) if p else QModelIndex()

    def rowCount(self, parent: QModelIndex = _NO_INDEX) -> int:  # noqa: N802 - Qt's name
        fw = self._fw
        if fw is None:
            return 0
        if not parent.isValid():
            return 1
        if parent.column() != 0:
            return 0
        code = self.code_of(parent)
        return len(fw.children.get(code, ())) if code else 0

    def columnCount(self, parent: QModelIndex = _NO_INDEX) -> int:  # noqa: N802 - Qt's name
        return N_COLUMNS

    # --- reading ----------------------------------------------------------------------
    def _weights(self) -> tuple[dict[str, float], dict[str, float]]:
        """(local, effective) weights of the current Result when it describes the framework shown;
        else (its recompute is pending) those the framework itself gives, until `result_changed`."""
        r = self.controller.result
        if r is not None and r.framework is self._fw:
            weights = (r.local, r.effective)
        else:
            fw, weights = self._pending
            if fw is not self._fw:
                local = self._fw.local_weights()
                weights = (local, self._fw.effective_weights(local))
                self._pending = (self._fw, weights)
        self._given = weights
        return weights

    def _has_siblings(self, code: str) -> bool:
        p = self._fw.nodes[code].parent
        return bool(p) and len(self._fw.children[p]) > 1

    def _inherited_normalisation(self, code: str) -> str:
        """What the node would use with its own normalisation empty."""
        default = self._settings.normalization
        p = self._fw.nodes[code].parent
        return self._fw.normalization_of(p, default) if p else default

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < N_COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.column_tips()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (COL_WEIGHT, COL_EFFECTIVE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def column_titles(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Weight"), self.tr("Effective"),
                self.tr("+/−", "direction column"), self.tr("Aggregation"), self.tr("Normalisation"),
                self.tr("Lock", "locked column")]

    def column_tips(self) -> list[str]:
        return [
            self.tr("Indicator code"),
            self.tr("Indicator name"),
            self.tr("Share among its siblings (siblings sum to 100 %)"),
            self.tr("Share of the whole index (product of the shares on the path)"),
            self.tr("Direction — + : more is better; − : less is better"),
            self.tr("How the children are combined (grey: project default)"),
            self.tr("How the indicator values are rescaled (grey: inherited)"),
            self.tr("A locked weight keeps its share when a sibling's weight changes"),
        ]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        code = self.code_of(index)
        if code is None or self._fw is None or code not in self._fw.nodes:
            return None
        fw = self._fw
        node = fw.nodes[code]
        col = index.column()
        if role == NodeRole:
            return node
        if role == CodeRole:
            return code
        leaf = fw.is_leaf(code)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._value(node, col, leaf, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.CheckStateRole:
            if col == COL_LOCKED and self._has_siblings(code):
                return Qt.CheckState.Checked if code in self._locked else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, col, leaf)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(node, col, leaf)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(node, col, leaf)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (COL_WEIGHT, COL_EFFECTIVE):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == COL_DIRECTION:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == ChoicesRole:
            return self._choices(node, col, leaf)
        if col == COL_WEIGHT and role == StabilityRole:
            return self.band_view(code)
        return None

    # --- stability bands ------------------------------------------------------------------
    def set_bands(self, bands) -> None:
        """Show the stability intervals of `bands` (StabilityBands) under the weights."""
        self.bands = bands
        bands.changed.connect(lambda: self._emit_changed({COL_WEIGHT}))

    def band_view(self, code: str):
        """The band of a weight: the last intervals, the weight shown now (None: no band)."""
        if self.bands is None or not self._has_siblings(code):
            return None
        return self.bands.view(code, self._weights()[0].get(code))

    def _value(self, node: Node, col: int, leaf: bool, edit: bool):
        code = node.code
        if col == COL_CODE:
            return code
        if col == COL_NAME:
            if edit:
                return node.name_en if self.language == "en" else node.name_zh
            return node.name(self.language)
        if col in (COL_WEIGHT, COL_EFFECTIVE):
            local, effective = self._weights()
            w = (local if col == COL_WEIGHT else effective).get(code)
            if w is None:
                return None
            pct = 100.0 * w
            if edit:
                return pct
            return f"{pct:.1f} %" if col == COL_WEIGHT else f"{pct:.2f} %"
        if col == COL_DIRECTION:
            if not leaf:
                return None
            if edit:
                return node.direction
            return "+" if node.direction >= 0 else MINUS
        if col == COL_AGGREGATION:
            if leaf:
                return None
            if edit:
                return node.aggregation
            return method_label(node.aggregation or self._settings.aggregation)
        if col == COL_NORMALISATION:
            if edit:
                return node.normalization
            return method_label(node.normalization or self._inherited_normalisation(code))
        return None

    def _tooltip(self, node: Node, col: int, leaf: bool) -> str | None:
        if col in (COL_CODE, COL_NAME):
            other = node.name_zh if self.language == "en" else node.name_en
            lines = [f"<b>{node.code}</b> {node.name(self.language)}"]
            if other and other != node.name(self.language):
                lines.append(other)
            if node.description:
                lines.append(node.description)
            if node.unit:
                lines.append(self.tr("Unit: {0}").format(node.unit))
            if node.source:
                lines.append(self.tr("Source: {0}").format(node.source))
            return "<br>".join(lines)
        if col == COL_NORMALISATION and not node.normalization:
            return self.tr("Inherited: {0}").format(method_label(self._inherited_normalisation(node.code)))
        if col == COL_AGGREGATION and not leaf and not node.aggregation:
            return self.tr("Project default: {0}").format(method_label(self._settings.aggregation))
        if col == COL_AGGREGATION and not leaf:  # the full name: "DEA/BoD (benefit of the doubt)" is cut in the column
            return method_label(node.aggregation)
        if col == COL_NORMALISATION and node.normalization:
            return method_label(node.normalization)
        if col == COL_WEIGHT:
            lines = []
            if node.code in self._locked:
                lines.append(self.tr("Locked: keeps its share when a sibling changes; unlock to edit"))
            view = self.band_view(node.code)
            if view is not None:
                lines.append(band_tooltip(view))
            return "\n".join(lines) or None
        return None

    def _font(self, node: Node, col: int, leaf: bool) -> QFont | None:
        level = 0 if not node.parent else (1 if node.parent == self._fw.root else 2)
        inherited = (col == COL_NORMALISATION and not node.normalization) or \
                    (col == COL_AGGREGATION and not leaf and not node.aggregation)
        if level > 1 and not inherited:
            return None
        f = QFont()
        if level <= 1 and col in (COL_CODE, COL_NAME, COL_WEIGHT, COL_EFFECTIVE):
            f.setBold(True)
        if inherited:
            f.setItalic(True)
        return f

    def _foreground(self, node: Node, col: int, leaf: bool) -> QBrush | None:
        inherited = (col == COL_NORMALISATION and not node.normalization) or \
                    (col == COL_AGGREGATION and not leaf and not node.aggregation)
        if inherited:
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if col == COL_WEIGHT:
            view = self.band_view(node.code)
            if view is not None and view.state != "ok":  # near an edge of its stability interval, or past it
                return QBrush(view.text_color)
            if node.code in self._locked:
                return QBrush(QColor("#1f5fa8"))
        return None

    def _choices(self, node: Node, col: int, leaf: bool) -> list[tuple[object, str]] | None:
        if col == COL_DIRECTION and leaf:
            return [(1, self.tr("+ (more is better)")), (-1, self.tr("− (less is better)"))]
        if col == COL_AGGREGATION and not leaf:
            return [("", self.tr("(default: {0})").format(method_label(self._settings.aggregation)))] + \
                [(a, method_label(a)) for a in AGGREGATIONS]
        if col == COL_NORMALISATION:
            return [("", self.tr("(inherit: {0})").format(method_label(self._inherited_normalisation(node.code))))] + \
                [(n, method_label(n)) for n in NORMALIZATIONS]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        code = self.code_of(index)
        if code is None or self._fw is None:
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = index.column()
        leaf = self._fw.is_leaf(code)
        if col == COL_LOCKED:
            if self._has_siblings(code):
                f |= Qt.ItemFlag.ItemIsUserCheckable
        elif col == COL_WEIGHT:
            if self._has_siblings(code) and code not in self._locked:  # unlock to edit
                f |= Qt.ItemFlag.ItemIsEditable
        elif col in (COL_NAME, COL_NORMALISATION) or (col == COL_DIRECTION and leaf) or \
                (col == COL_AGGREGATION and not leaf):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    # --- writing -------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Send the edit to the controller. The controller swaps the framework at once
        (through its undo stack) and `framework_changed` makes this model emit
        `dataChanged`; a refused edit returns False and changes nothing."""
        code = self.code_of(index)
        if code is None or self._fw is None or not (self.flags(index) & (
                Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)):
            return False
        c = self.controller
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_LOCKED:
            locked = _check_state(value)
            if locked == (code in c.locked):
                return False
            c.set_locked(code, locked)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        node = self._fw.nodes[code]
        if col == COL_WEIGHT:
            pct = _number(value)
            if pct is None or pct != pct:
                return False
            c.set_share(code, min(max(pct, 0.0), 100.0) / 100.0)
            c.end_gesture()  # a typed value is one undo step of its own
            return True
        if col == COL_NAME:
            field = "name_en" if self.language == "en" else "name_zh"
            text = str(value or "").strip()
            if text == getattr(node, field):
                return False
            return self._fields(code, self.tr("Rename {0}").format(code), **{field: text})
        if col == COL_DIRECTION:
            signs = {"+": 1, "-": -1, MINUS: -1}
            d = signs.get(value.strip()) if isinstance(value, str) else _number(value)
            if d not in (1, -1) or int(d) == node.direction:
                return False
            return self._fields(code, self.tr("Direction of {0}").format(code), direction=int(d))
        if col in (COL_AGGREGATION, COL_NORMALISATION):
            text = str(value or "").strip()
            allowed = AGGREGATIONS if col == COL_AGGREGATION else NORMALIZATIONS
            if text and text not in allowed:
                return False
            field = "aggregation" if col == COL_AGGREGATION else "normalization"
            if text == getattr(node, field):
                return False
            what = self.tr("Aggregation of {0}") if col == COL_AGGREGATION else self.tr("Normalisation of {0}")
            return self._fields(code, what.format(code), **{field: text})
        return False

    def _fields(self, code: str, text: str, **fields) -> bool:
        self.last_problems = self.controller.structural_edit(text, edits.set_fields, code, **fields)
        if self.last_problems is not None:
            self.edit_refused.emit(self.last_problems)
        return self.last_problems is None

    last_problems = None  # ProblemList of the last refused field edit (None = accepted)

    # --- following the controller ---------------------------------------------------------
    def retranslate(self) -> None:
        """Headers and language-dependent cells again (after a language switch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, N_COLUMNS - 1)
        self._emit_changed({COL_CODE, COL_NAME, COL_DIRECTION, COL_AGGREGATION, COL_NORMALISATION})

    def _on_project_changed(self) -> None:
        self.beginResetModel()
        self._take_current()
        self._index_structure()
        self.endResetModel()

    def _take_current(self) -> None:
        c = self.controller
        self._fw = c.framework
        self._settings = c.settings
        self._locked = frozenset(c.locked)

    def _on_framework_changed(self) -> None:
        old, new = self._fw, self.controller.framework
        if old is None or new is None or new.root != old.root or new.children != old.children:
            self._on_project_changed()  # codes or parent links changed: the rows are different
            return
        columns: set[int] = set()
        if new is not old:
            for c, n in new.nodes.items():
                o = old.nodes[c]
                if n is o:
                    continue
                for f in _FIELDS:
                    if getattr(n, f) != getattr(o, f):
                        columns.update(_COLUMNS_OF_FIELD[f])
        if frozenset(self.controller.locked) != self._locked:
            columns.update((COL_WEIGHT, COL_LOCKED))
        if self.controller.settings is not self._settings:
            columns.update((COL_AGGREGATION, COL_NORMALISATION))
        self._take_current()
        if columns:
            self._emit_changed(columns)

    def _on_result_changed(self, _result=None) -> None:
        # settings edits (default methods) arrive only as a new result
        c = self.controller
        if c.framework is not self._fw or frozenset(c.locked) != self._locked or c.settings is not self._settings:
            self._on_framework_changed()
        r = c.result
        if r is not None and r.framework is self._fw and self._given is not None and \
                (r.local, r.effective) != self._given:  # the views were given other weights: they read again
            self._given = None
            self._emit_changed({COL_WEIGHT, COL_EFFECTIVE})

    def _emit_changed(self, columns: set[int]) -> None:
        """dataChanged over every sibling block, for the columns that changed."""
        fw = self._fw
        if fw is None or not columns:
            return
        first, last = min(columns), max(columns)
        roles = sorted({r for c in columns for r in _ROLES_OF_COLUMN[c]}, key=int)
        top = self.index_of(fw.root, first)
        self.dataChanged.emit(top, self.index_of(fw.root, last), roles)
        for kids in fw.children.values():
            if kids:
                self.dataChanged.emit(self.index_of(kids[0], first), self.index_of(kids[-1], last), roles)


# --- editors ----------------------------------------------------------------------------
class WeightDelegate(QStyledItemDelegate):
    """A spin box in percent (0–100 %, step 1, one decimal) for the weight column; the weight's stability
    band (StabilityRole) drawn as a thin strip along the bottom of the cell."""

    BAND_PX = 3

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        view = index.data(StabilityRole)
        if view is not None:
            r = option.rect
            paint_band(painter, QRectF(r.left() + 4, r.bottom() - self.BAND_PX, max(1, r.width() - 8), self.BAND_PX),
                       view)

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        box = QDoubleSpinBox(parent)
        box.setRange(0.0, 100.0)
        box.setDecimals(1)
        box.setSingleStep(1.0)
        box.setSuffix(" %")
        box.setAccelerated(True)
        box.setFrame(False)
        box.setAutoFillBackground(True)
        # rows are too low for usable arrows: type, or use the wheel / Up / Down / PgUp / PgDn
        box.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
        box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return box

    def setEditorData(self, editor, index):  # noqa: N802 - Qt's name
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(float(value) if value is not None else 0.0)
        editor.selectAll()

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt's name
        editor.interpretText()
        current = index.data(Qt.ItemDataRole.EditRole)
        if current is not None and round(float(current), 1) == round(editor.value(), 1):
            return  # unchanged: no undo step
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802 - Qt's name
        # at least as wide as the spin box wants, growing to the left over the name column
        rect = option.rect
        width = max(rect.width(), editor.sizeHint().width())
        editor.setGeometry(rect.right() - width + 1, rect.top(), width, rect.height())


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box over the (value, label) pairs the model gives in `ChoicesRole`.
    Picking an entry commits at once."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        choices = index.data(ChoicesRole)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for value, label in choices:
            combo.addItem(label, value)
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        QTimer.singleShot(0, combo, combo.showPopup)  # one click less; dies with the combo
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor, index):  # noqa: N802 - Qt's name
        if not isinstance(editor, QComboBox):
            return super().setEditorData(editor, index)
        value = index.data(Qt.ItemDataRole.EditRole)
        i = editor.findData(value)
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt's name
        if not isinstance(editor, QComboBox):
            return super().setModelData(editor, model, index)
        value = editor.currentData()
        if value == index.data(Qt.ItemDataRole.EditRole):
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802 - Qt's name
        rect = option.rect
        editor.setGeometry(rect.left(), rect.top(), max(rect.width(), editor.sizeHint().width()), rect.height())
