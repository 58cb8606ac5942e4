"""The indicator tree panel: the tree view, weight and structure actions, a weight slider.

Every action calls the controller; structural edits go through
`controller.structural_edit` with a pure function from `core.model.framework_edits`. A refused
edit changes nothing and its reason shows in a red banner inside the panel
(never a modal box). The dialogs that ask for a code or a parent are methods
(`ask_text`, `ask_choice`) so tests can replace them; the work itself is done
by plain methods (`add_child`, `remove`, `rename_code`, `move_to`, …).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.model import framework_edits as edits
from core.model.framework import DEFAULT_SCALE
from core.model.problems import ProblemList
from gui.models.tree_model import (
    COL_AGGREGATION,
    COL_CODE,
    COL_DIRECTION,
    COL_EFFECTIVE,
    COL_LOCKED,
    COL_NAME,
    COL_NORMALISATION,
    COL_WEIGHT,
    N_COLUMNS,
    ChoiceDelegate,
    IndicatorTreeModel,
    WeightDelegate,
)

SLIDER_STEPS = 1000  # slider units for 100 %


class TreePanel(QWidget):
    """The weight tree. Public: `model`, `view`, `slider`, `banner`, the edit methods
    below, `current_code()`, `select(code)`, `retranslate()`."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.model = IndicatorTreeModel(controller, self)
        self._expanded: set[str] = set()
        self._current_before_reset: str | None = None

        self._build_view()
        self._build_actions()
        self._build_banner()
        sl = self._build_slider()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.banner)
        layout.addLayout(sl)

        self._connect()
        self.retranslate()
        self._on_project_changed()

    def _build_view(self) -> None:
        """The tree view: editors for the weight and method columns, context menus."""
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.weight_delegate = WeightDelegate(self.view)
        self.choice_delegate = ChoiceDelegate(self.view)
        self.view.setItemDelegateForColumn(COL_WEIGHT, self.weight_delegate)
        for col in (COL_DIRECTION, COL_AGGREGATION, COL_NORMALISATION):
            self.view.setItemDelegateForColumn(col, self.choice_delegate)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setIndentation(16)
        self.view.viewport().installEventFilter(self)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

    def _build_actions(self) -> None:
        """The weight and structure actions, their shortcuts, and the toolbar that holds them."""
        self.act_split = QAction(self)
        self.act_split.triggered.connect(lambda: self.split_equally())
        self.act_normalise = QAction(self)
        self.act_normalise.triggered.connect(lambda: self.normalise())
        self.act_lock = QAction(self)
        self.act_lock.setCheckable(True)
        self.act_lock.triggered.connect(self._on_lock_action)
        self.act_reset = QAction(self)
        self.act_reset.triggered.connect(lambda: self.reset_weights())
        self.act_add = QAction(self)
        self.act_add.triggered.connect(self.ask_add_child)
        self.act_remove = QAction(self)
        self.act_remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.act_remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_remove.triggered.connect(lambda: self.remove())
        self.act_rename = QAction(self)
        self.act_rename.setShortcut(QKeySequence(Qt.Key.Key_F2 | Qt.KeyboardModifier.ShiftModifier))
        self.act_rename.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_rename.triggered.connect(self.ask_rename_code)
        self.act_move = QAction(self)
        self.act_move.triggered.connect(self.ask_move)
        self.act_expert = QAction(self)
        self.act_expert.triggered.connect(self.ask_expert_scoring)
        self.addActions([self.act_remove, self.act_rename])  # for their shortcuts

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_split, self.act_normalise, self.act_lock, self.act_reset):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        self.structure_menu = QMenu(self)
        for a in (self.act_add, self.act_remove, self.act_rename, self.act_move):
            self.structure_menu.addAction(a)
        self.structure_menu.addSeparator()
        self.structure_menu.addAction(self.act_expert)
        self.structure_button = QToolButton(self)
        self.structure_button.setMenu(self.structure_menu)
        self.structure_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(self.structure_button)

    def _build_banner(self) -> None:
        """The banner that says why an edit was refused (closable)."""
        self.banner = QFrame(self)
        self.banner.setObjectName("refusedBanner")
        self.banner.setStyleSheet("#refusedBanner { background: #fdecea; border: 1px solid #f5c2c0;"
                                  " border-radius: 3px; }")
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.banner_label.setStyleSheet("color: #b00020;")
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_close = QToolButton(self.banner)
        self.banner_close.setText("\u00d7")
        self.banner_close.setAutoRaise(True)
        self.banner_close.clicked.connect(self.clear_banner)
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(8, 4, 4, 4)
        bl.addWidget(self.banner_label, 1)
        bl.addWidget(self.banner_close, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()

    def _build_slider(self) -> QGridLayout:
        """The weight slider of the selected node, its caption and value; below it, once the window turns
        them on (`show_stability`), the band of the weight's stability interval and the TOP-N it keeps."""
        self.slider_caption = QLabel(self)
        self.slider_caption.setMinimumWidth(60)
        self.slider_caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setSingleStep(10)
        self.slider.setPageStep(50)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(100)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderReleased.connect(self.controller.end_gesture)
        self.slider_value = QLabel(self)
        self.slider_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.slider_value.setMinimumWidth(self.fontMetrics().horizontalAdvance("100.0 %") + 8)
        sl = QGridLayout()
        sl.setContentsMargins(6, 0, 6, 6)
        sl.setVerticalSpacing(0)
        sl.addWidget(self.slider_caption, 0, 0)
        sl.addWidget(self.slider, 0, 1)
        sl.addWidget(self.slider_value, 0, 2)
        sl.setColumnStretch(0, 2)
        sl.setColumnStretch(1, 5)
        from gui.panels.band_strip import BandStrip
        self.bands = None  # gui.models.stability_band.StabilityBands (show_stability)
        self.band_top = QSpinBox(self)
        self.band_top.setRange(1, 9999)
        self.band_top.setValue(10)
        # no arrows (type, or the wheel / Up / Down): the dock's minimum width stays as it was
        self.band_top.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.band_top.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.band_caption = QLabel(self)
        self.band_caption.setMinimumWidth(0)
        self.band_caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.band_caption.setBuddy(self.band_top)
        cap = QHBoxLayout()
        cap.setContentsMargins(0, 0, 0, 0)
        cap.addWidget(self.band_caption, 1)
        cap.addWidget(self.band_top, 0)
        self.band_strip = BandStrip(self.slider, self)
        self.band_value = QLabel(self)
        self.band_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.band_value.setMinimumWidth(self.slider_value.minimumWidth())  # the dock's minimum width stays
        sl.addLayout(cap, 1, 0)
        sl.addWidget(self.band_strip, 1, 1)
        sl.addWidget(self.band_value, 1, 2)
        self._band_row = (self.band_caption, self.band_top, self.band_strip, self.band_value)
        for w in self._band_row:
            w.hide()
        return sl

    def show_stability(self, top: int = 10) -> None:
        """Show each weight's stability interval for the TOP-N (gui.models.stability_band), recomputed off
        the GUI thread once an edit settles: in the weight column and under the slider."""
        if self.bands is not None:
            return
        from gui.models.stability_band import StabilityBands
        self.band_top.setValue(top)
        self.bands = StabilityBands(self.controller, self, top)
        self.model.set_bands(self.bands)
        self.bands.changed.connect(self._sync_band)
        self.band_top.valueChanged.connect(self.bands.set_top)
        from gui.models.view_state import STABILITY_TOP, bind_spin
        bind_spin(self.controller, self.band_top, STABILITY_TOP, top)  # saved with the project
        for w in self._band_row:
            w.show()
        self._sync_band()

    def _sync_band(self) -> None:
        code = self.current_code()
        view = self.model.band_view(code) if code and self.bands is not None else None
        self.band_strip.set_band(view)
        if view is None:
            self.band_value.setText("")
            self.band_value.setToolTip("")
            return
        from gui.models.stability_band import pct
        mark = {"ok": "", "near": "\u26a0 ", "outside": "\u26a0 "}[view.state]
        self.band_value.setText(f"{mark}{pct(view.low)}–{pct(view.high)}")
        self.band_value.setStyleSheet("" if view.state == "ok" else f"color: {view.text_color.name()};")
        self.band_value.setToolTip(self.band_strip.toolTip())

    def _connect(self) -> None:
        """Follow the model (resets keep the expanded nodes and the selection) and the controller."""
        self.model.modelAboutToBeReset.connect(self._save_view_state)
        self.model.modelReset.connect(self._restore_view_state)
        self.model.edit_refused.connect(self._show_refused)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.controller.project_changed.connect(self._on_project_changed)
        self.controller.framework_changed.connect(self._sync)
        language_changed = getattr(self.controller, "language_changed", None)  # if the controller has one
        if language_changed is not None:
            language_changed.connect(lambda *_: self.retranslate())

    # --- selection -----------------------------------------------------------------------
    def current_code(self) -> str | None:
        return self.model.code_of(self.view.currentIndex())

    def select_code(self, code: str) -> None:
        """Select a node (used by the window when a problem names a node)."""
        self.select(code)

    def select(self, code: str) -> None:
        index = self.model.index_of(code)
        if not index.isValid():
            return
        p = index.parent()
        while p.isValid():
            self.view.expand(p)
            p = p.parent()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _sibling_parent(self, code: str | None) -> str | None:
        """The node whose children a weight action works on: the node itself, or a leaf's parent."""
        fw = self.controller.framework
        if fw is None or code is None or code not in fw.nodes:
            return None
        return code if not fw.is_leaf(code) else (fw.nodes[code].parent or None)

    # --- weight actions --------------------------------------------------------------------
    def split_equally(self, parent: str | None = None) -> None:
        parent = parent or self._sibling_parent(self.current_code())
        if parent:
            self.clear_banner()
            self.controller.split_equally(parent)

    def normalise(self, parent: str | None = None) -> None:
        parent = parent or self._sibling_parent(self.current_code())
        if parent:
            self.clear_banner()
            self.controller.normalise_siblings(parent)

    def reset_weights(self, parent: str | None = None) -> None:
        parent = parent or self._sibling_parent(self.current_code())
        if parent:
            self.clear_banner()
            self.controller.reset_weights(parent)

    def set_locked(self, code: str, locked: bool) -> None:
        self.controller.set_locked(code, locked)

    def toggle_lock(self, code: str | None = None) -> None:
        code = code or self.current_code()
        if code:
            self.set_locked(code, code not in self.controller.locked)

    def _on_lock_action(self, checked: bool) -> None:
        code = self.current_code()
        if code:
            self.set_locked(code, checked)

    def set_share(self, code: str, share: float) -> None:
        self.controller.set_share(code, share)

    # --- structural actions (the work; the ask_* methods add the dialogs) -------------------
    def _structural(self, text: str, fn, *args, select: str | None = None, **kwargs) -> ProblemList | None:
        problems = self.controller.structural_edit(text, fn, *args, **kwargs)
        if problems is not None:
            self._show_refused(problems)
        else:
            self.clear_banner()
            if select:
                self.select(select)
        return problems

    def add_child(self, parent: str, code: str, name: str = "") -> ProblemList | None:
        lang = getattr(self.controller, "language", "zh")
        field = "name_en" if lang == "en" else "name_zh"
        return self._structural(self.tr("Add {0} under {1}").format(code.strip(), parent), edits.add_node,
                                parent, code, select=code.strip(), **{field: name.strip()})

    def remove(self, code: str | None = None) -> ProblemList | None:
        code = code or self.current_code()
        if not code:
            return None
        fw = self.controller.framework
        parent = fw.nodes[code].parent if code in fw.nodes else None
        return self._structural(self.tr("Remove {0}").format(code), edits.remove_node, code, select=parent)

    def rename_code(self, code: str, new_code: str) -> ProblemList | None:
        return self._structural(self.tr("Rename {0} to {1}").format(code, new_code.strip()), edits.rename_code,
                                code, new_code, select=new_code.strip())

    def move_to(self, code: str, new_parent: str) -> ProblemList | None:
        return self._structural(self.tr("Move {0} under {1}").format(code, new_parent), edits.move_node,
                                code, new_parent, select=code)

    def set_expert_scoring(self, code: str, expert: bool, scale_min: float | None = None,
                           scale_max: float | None = None, guidance: str = "") -> ProblemList | None:
        """Scored by an expert panel (scale, guidance) or back to data: one undoable step."""
        lo, hi = (DEFAULT_SCALE[0] if scale_min is None else scale_min), (DEFAULT_SCALE[1] if scale_max is None
                                                                          else scale_max)
        text = (self.tr("{0} scored by experts ({1}–{2})").format(code, f"{lo:g}", f"{hi:g}")
                if expert else self.tr("{0} measured by data").format(code))
        return self._structural(text, edits.set_expert_scoring, code, expert, scale_min, scale_max, guidance,
                                select=code)

    def ask_expert_scoring(self) -> ProblemList | None:
        """The context menu's "Scored by experts…": the dialog asks, the edit is one undoable step."""
        from gui.dialogs.expert_scoring import ExpertScoringDialog
        code = self.current_code()
        fw = self.controller.framework
        if not code or fw is None or code not in fw.nodes or not fw.is_leaf(code):
            return None
        node = fw.nodes[code]
        answer = ExpertScoringDialog.ask(self, node, node.name(getattr(self.controller, "language", "zh")))
        if answer is None:
            return None
        old = (node.expert_scored, node.scale if node.expert_scored else None, node.guidance)
        new = (answer["expert"], (answer.get("scale_min"), answer.get("scale_max")) if answer["expert"] else None,
               answer.get("guidance", ""))
        if old == new or (not answer["expert"] and not node.expert_scored):
            return None  # nothing changes: no empty step in the history
        return self.set_expert_scoring(code, **answer)

    # --- dialogs (replace these in tests) --------------------------------------------------
    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value if ok else None

    def ask_choice(self, title: str, label: str, items: list[str], current: int = 0) -> str | None:
        value, ok = QInputDialog.getItem(self, title, label, items, current, False)
        return value if ok else None

    def ask_add_child(self) -> ProblemList | None:
        parent = self.current_code()
        if not parent:
            return None
        code = self.ask_text(self.tr("Add child"), self.tr("Code of the new indicator under {0}:").format(parent))
        if not code or not code.strip():
            return None
        name = self.ask_text(self.tr("Add child"), self.tr("Name of {0}:").format(code.strip()))
        if name is None:
            return None
        return self.add_child(parent, code, name)

    def ask_rename_code(self) -> ProblemList | None:
        code = self.current_code()
        if not code:
            return None
        new = self.ask_text(self.tr("Rename code"), self.tr("New code for {0}:").format(code), code)
        if new is None or new.strip() == code:
            return None
        return self.rename_code(code, new)

    def move_targets(self, code: str) -> list[str]:
        """Internal nodes `code` may move under: not itself, its subtree or its parent."""
        fw = self.controller.framework
        own = set(fw.preorder(code))
        return [c for c in fw.preorder() if not fw.is_leaf(c) and c not in own and c != fw.nodes[code].parent]

    def ask_move(self) -> ProblemList | None:
        code = self.current_code()
        if not code:
            return None
        fw = self.controller.framework
        lang = getattr(self.controller, "language", "zh")
        targets = self.move_targets(code)
        if not targets:
            self._show_message(self.tr("{0} has nowhere to move").format(code))
            return None
        labels = [f"{'  ' * fw.level(c)}{c}  {fw.nodes[c].name(lang)}" for c in targets]
        choice = self.ask_choice(self.tr("Move {0}").format(code), self.tr("New parent:"), labels)
        if choice is None:
            return None
        return self.move_to(code, targets[labels.index(choice)])

    # --- banner ----------------------------------------------------------------------------
    def _show_refused(self, problems: ProblemList) -> None:
        from gui.text.problem_text import problem_text
        reasons = [problem_text(p) for p in problems.errors] or [self.tr("the edit would break the tree")]
        more = len(reasons) - 3
        text = "; ".join(reasons[:3]) + (self.tr(" (and {0} more)").format(more) if more > 0 else "")
        self._show_message(self.tr("Refused: {0}").format(text))

    def _show_message(self, text: str) -> None:
        self.banner_label.setText(text)
        self.banner.show()

    def clear_banner(self) -> None:
        self.banner_label.clear()
        self.banner.hide()

    @property
    def banner_text(self) -> str:
        return self.banner_label.text() if not self.banner.isHidden() else ""

    # --- the slider ------------------------------------------------------------------------
    def _on_slider(self, value: int) -> None:
        code = self.current_code()
        if code and self.slider.isEnabled():
            self.controller.set_share(code, value / SLIDER_STEPS)

    def _sync(self) -> None:
        """Push the model's values into the slider and the actions (signals blocked)."""
        code = self.current_code()
        fw = self.controller.framework
        node_ok = fw is not None and code is not None and code in fw.nodes
        parent = fw.nodes[code].parent if node_ok else ""
        has_siblings = bool(parent) and len(fw.children[parent]) > 1
        with QSignalBlocker(self.slider):
            if node_ok:
                share = fw.local_weights()[code]
                self.slider.setValue(round(share * SLIDER_STEPS))
                lang = getattr(self.controller, "language", "zh")
                name = fw.nodes[code].name(lang)
                self.slider_caption.setText(f"{code}  {name}")
                self.slider_caption.setToolTip(f"{code}  {name}")
                self.slider_value.setText(f"{100 * share:.1f} %")
            else:
                self.slider.setValue(0)
                self.slider_caption.setText(self.tr("No indicator selected"))
                self.slider_caption.setToolTip("")
                self.slider_value.setText("")
        self.slider.setEnabled(has_siblings and code not in self.controller.locked)
        group = self._sibling_parent(code)
        for a in (self.act_split, self.act_normalise, self.act_reset):
            a.setEnabled(group is not None)
        self.act_lock.setEnabled(has_siblings)
        with QSignalBlocker(self.act_lock):
            self.act_lock.setChecked(node_ok and code in self.controller.locked)
        self.act_lock.setText(self.tr("Unlock weight") if self.act_lock.isChecked() else self.tr("Lock weight"))
        is_root = node_ok and not parent
        self.act_add.setEnabled(node_ok)
        self.act_remove.setEnabled(node_ok and not is_root)
        self.act_rename.setEnabled(node_ok)
        self.act_move.setEnabled(node_ok and not is_root)
        self.act_expert.setEnabled(node_ok and fw.is_leaf(code))
        if self.bands is not None:
            self._sync_band()

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._sync()

    # --- menus -------------------------------------------------------------------------------
    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = self.build_context_menu()
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def build_context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for a in (self.act_split, self.act_normalise, self.act_lock, self.act_reset):
            menu.addAction(a)
        menu.addSeparator()
        for a in (self.act_add, self.act_remove, self.act_rename, self.act_move):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.act_expert)
        return menu

    def _header_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        header = self.view.header()
        for col in range(1, N_COLUMNS):
            a = menu.addAction(self.model.headerData(col, Qt.Orientation.Horizontal))
            a.setCheckable(True)
            a.setChecked(not header.isSectionHidden(col))
            a.toggled.connect(lambda on, c=col: (header.setSectionHidden(c, not on), self._fit_name_column()))
        menu.popup(header.mapToGlobal(pos))

    # --- view state across model resets ------------------------------------------------------
    def _save_view_state(self) -> None:
        self._current_before_reset = self.current_code()
        self._expanded = set()
        fw = self.model.framework
        if fw is None:
            return
        for c in fw.preorder():
            if not fw.is_leaf(c) and self.view.isExpanded(self.model.index_of(c)):
                self._expanded.add(c)

    def _restore_view_state(self) -> None:
        fw = self.controller.framework
        if fw is None:
            return
        for c in self._expanded:
            if c in fw.nodes:
                self.view.expand(self.model.index_of(c))
        if self._current_before_reset in fw.nodes:
            self.view.setCurrentIndex(self.model.index_of(self._current_before_reset))
        self._sync()

    def _on_project_changed(self) -> None:
        self.clear_banner()
        self.view.collapseAll()
        self.view.expandToDepth(1)  # the root and the dimensions open: level-2 rows visible
        self.resize_columns()
        fw = self.controller.framework
        if fw is not None and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index_of(fw.root))
        self._sync()

    NAME_MIN = 120  # px: below this the Name column stops shrinking and the view scrolls

    def resize_columns(self) -> None:
        """Content-sized columns; Name takes what is left (at least NAME_MIN)."""
        header = self.view.header()
        header.setMinimumSectionSize(24)
        base = self.view.font()
        bold = self.view.font()
        bold.setBold(True)
        italic = self.view.font()
        italic.setItalic(True)
        fm, bfm, ifm = QFontMetrics(base), QFontMetrics(bold), QFontMetrics(italic)
        hfm = QFontMetrics(header.font())
        pad = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_FocusFrameHMargin) + 14
        titles = self.model.column_titles()

        def width(col: int, *texts: str, metrics: QFontMetrics = fm) -> int:
            return max([hfm.horizontalAdvance(titles[col])] + [metrics.horizontalAdvance(t) for t in texts]) + pad

        fw = self.controller.framework
        code_w = width(COL_CODE)
        if fw is not None:  # every row, also collapsed ones: indentation + (bold) code
            code_w = max(code_w, *(self.view.indentation() * (fw.level(c) + 1) + bfm.horizontalAdvance(c) + pad
                                   for c in fw.nodes))
        header.resizeSection(COL_CODE, code_w)
        header.resizeSection(COL_WEIGHT, width(COL_WEIGHT, "100.0 %", metrics=bfm))
        header.resizeSection(COL_EFFECTIVE, width(COL_EFFECTIVE, "100.00 %", metrics=bfm))
        header.resizeSection(COL_DIRECTION, width(COL_DIRECTION, "+"))
        header.resizeSection(COL_AGGREGATION, width(COL_AGGREGATION, "arithmetic", metrics=ifm))
        header.resizeSection(COL_NORMALISATION, width(COL_NORMALISATION, "percentile", metrics=ifm))
        check = self.style().pixelMetric(self.style().PixelMetric.PM_IndicatorWidth)
        header.resizeSection(COL_LOCKED, max(width(COL_LOCKED), check + pad))
        self._fit_name_column()

    def _fit_name_column(self) -> None:
        header = self.view.header()
        others = sum(header.sectionSize(c) for c in range(N_COLUMNS)
                     if c != COL_NAME and not header.isSectionHidden(c))
        header.resizeSection(COL_NAME, max(self.NAME_MIN, self.view.viewport().width() - others))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_name_column()
        return super().eventFilter(obj, event)

    # --- language ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.act_split.setText(self.tr("Split equally"))
        self.act_split.setToolTip(self.tr("Give the children of the selected node equal weights"))
        self.act_normalise.setText(self.tr("Normalise to 100 %"))
        self.act_normalise.setToolTip(self.tr("Rescale the weights of the children so that they sum to 100 %"))
        self.act_lock.setText(self.tr("Unlock weight") if self.act_lock.isChecked() else self.tr("Lock weight"))
        self.act_lock.setToolTip(self.tr("A locked weight keeps its share when a sibling's weight changes"))
        self.act_reset.setText(self.tr("Reset weights"))
        self.act_reset.setToolTip(self.tr("Back to the weights of the loaded file for these children"))
        self.act_add.setText(self.tr("Add child…"))
        self.act_remove.setText(self.tr("Remove"))
        self.act_rename.setText(self.tr("Rename code…"))
        self.act_move.setText(self.tr("Move to…"))
        self.act_expert.setText(self.tr("Scored by experts…"))
        self.act_expert.setToolTip(self.tr("Whether an expert panel scores this indicator on score sheets, "
                                           "on which scale and with which guidance"))
        self.structure_button.setText(self.tr("Tree"))
        self.structure_button.setToolTip(self.tr("Add, remove, rename or move indicators"))
        self.slider.setToolTip(self.tr("Weight of the selected node among its siblings"))
        self.band_caption.setText(self.tr("Stable top N:"))
        self.band_top.setToolTip(self.tr("The band under the slider and under each weight: how far the weight can "
                                         "move (its siblings in proportion) before the top N or their order "
                                         "change"))
        self.model.retranslate()
        self.resize_columns()
        self._sync()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
