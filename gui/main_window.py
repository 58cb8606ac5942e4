"""The main window: the indicator tree, the live ranking, the data, the charts, the problems.

Panels are independent widgets wired to one Controller (the hub); the window
only arranges them, owns the menus, remembers its geometry and choices
(QSettings — never project data) and turns dropped or opened files into
`controller.load_file`. A file that fails to open shows its problems while the
project that was open stays open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.files.paths import SAMPLE_WORKBOOK
from gui import dialog_dirs
from gui.controller import Controller
from gui.models.ranking_model import RankingFilter, RankingModel
from gui.panels.data_view import DataModel, FrozenColumnTable, ProblemsView
from gui.text.i18n import Languages
from gui.text.problem_text import shown_error

MAX_RECENT = 8
OPEN_FILTER = "CityIndex projects, workbooks and CSV (*.cidx *.xlsx *.xlsm *.ods *.csv);;All files (*)"
PROJECT_FILTER = "CityIndex project (*.cidx)"
AUTOSAVE_MINUTES = 3
BACKGROUND_BYTES = 2_000_000  # a file this large is opened on a worker thread, behind a progress dialog
BACKGROUND_CELLS = 200_000  # a project with this many data cells is saved the same way
FIRST_START_SHARE = 0.9  # of the screen's available area, on a first start
TREE_MIN, TREE_MAX = 520, 640  # px: the tree dock shows code, name, weight and effective weight
# the dock separators and the splitter handle, visible and wide enough to grab
HANDLE_STYLE = """
QMainWindow::separator { background: palette(midlight); width: 6px; height: 6px; }
QMainWindow::separator:hover { background: palette(highlight); }
QSplitter::handle { background: palette(midlight); }
QSplitter::handle:horizontal { width: 6px; }
QSplitter::handle:vertical { height: 6px; }
QSplitter::handle:hover { background: palette(highlight); }
"""


class RankingPage(QWidget):
    """Ranking table with a group filter, a name search and the top-N spin box."""

    def __init__(self, controller: Controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self.model = RankingModel(controller, self)
        self.proxy = RankingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # 3,000 rows: fit on a sample
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.group = QComboBox(self)
        self.top_label = QLabel(self)
        self.top = QSpinBox(self)
        self.top.setRange(1, 999)
        self.top.setValue(10)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.group, 1)
        bar.addWidget(self.top_label)
        bar.addWidget(self.top)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.table)
        self.search.textChanged.connect(self.proxy.set_search)
        self.group.currentIndexChanged.connect(lambda _i: self.proxy.set_group(self.group.currentData() or ""))
        self.top.valueChanged.connect(self.model.set_top_n)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        controller.selection_changed.connect(self.show_unit)
        controller.project_changed.connect(self._fill_groups)
        self.model.modelReset.connect(lambda: self.show_unit(self.c.selected))
        self.model.modelReset.connect(self._fit_columns)
        self._fitted_for = None
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search a unit…"))
        self.top_label.setText(self.tr("Top N"))
        self._fill_groups()

    def _fill_groups(self) -> None:
        current = self.group.currentData() or ""
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("All groups"), "")
        p = self.c.project
        col = ""
        if p is not None:
            from core.model.dataset import group_column  # pandas: loaded with the project
            col = group_column(p.data.groups)
        if col:
            for g in sorted(set(p.data.groups[col]) - {""}):
                self.group.addItem(g, g)
        i = self.group.findData(current)
        self.group.setCurrentIndex(max(0, i))
        self.group.blockSignals(False)
        self.table.resizeColumnsToContents()

    def _fit_columns(self) -> None:
        """Fit the columns to their contents when the columns or the language change (not on every
        recompute: a weight drag must not make the table jump)."""
        p = self.c.project  # (a weight edit makes a new Project: key on what the columns show instead)
        key = (self.model.columnCount(), self.c.language, id(p.data) if p else None,
               tuple(p.framework.children[p.framework.root]) if p else ())
        if key != self._fitted_for and self.model.rowCount():
            self._fitted_for = key
            self.table.resizeColumnsToContents()

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.c.select_unit(self.proxy.data(current, Qt.UserRole))

    def show_unit(self, unit: str) -> None:
        row = self.model.row_of(unit)
        if row < 0:
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if idx.isValid() and self.table.currentIndex().row() != idx.row():
            sm = self.table.selectionModel()
            sm.blockSignals(True)
            self.table.setCurrentIndex(idx)
            self.table.selectRow(idx.row())
            sm.blockSignals(False)
            self.table.viewport().update()
        if idx.isValid():
            self.table.scrollTo(idx)

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(e)


class MainWindow(QMainWindow):
    def __init__(self, lang: str | None = None, remember: bool = True, defer_panels: bool = False):
        """`defer_panels`: leave the chart and analysis panels (pyqtgraph and its Qt modules, about
        0.3 s to import) for `build_deferred_panels()`, so that the window paints sooner (gui/app.py)."""
        super().__init__()
        self.setObjectName("MainWindow")
        self.remember = remember
        self.charts = self.analysis = self.why = None
        self.settings = QSettings()
        self.controller = Controller(self)
        self.languages = Languages.for_app(QApplication.instance())
        lang = lang or (self.settings.value("language", "zh", type=str) if remember else "zh")
        self.languages.set_language(lang)
        self.controller.language = lang
        self.setAcceptDrops(True)
        self._failed_banner = ""
        self._recent_session: list[str] = []  # the recent files when nothing is remembered (tests, probes)

        self._build_panels()
        if not defer_panels:
            self.build_deferred_panels()
        self._build_actions()
        self._build_menus()
        c = self.controller
        c.status.connect(lambda m: self.statusBar().showMessage(m, 8000))
        c.recomputed.connect(lambda ms: self.time_label.setText(self.tr("{0:.1f} ms").format(ms)))
        c.load_failed.connect(self._load_failed)
        c.project_changed.connect(self._project_changed)
        c.undo_stack.cleanChanged.connect(self._update_title)
        self.problems.problem_activated.connect(self._go_to_problem)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MINUTES * 60 * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        if remember:
            self.autosave_timer.start()
        self._tasks: list = []
        self._saved_split = None
        self.setStyleSheet(HANDLE_STYLE)
        self.retranslate()
        if remember:
            self.ranking.top.setValue(self.settings.value("top_n", 10, type=int))
        if not (remember and self._restore_layout()):
            if remember:
                self._first_start_geometry()
            else:
                self.resize(1600, 1000)
            self._default_docks()

    # --- layout: first start, and as it was left -------------------------------------------
    def _restore_layout(self) -> bool:
        """The geometry, the docks (areas, tabs, sizes) and the ranking : charts split as they were
        left. All four docks exist by now (the deferred panels only fill two of them later), which
        restoreState needs; the split is applied once the charts are in (see _share_split)."""
        geo = self.settings.value("geometry")
        if geo is None or not self.restoreGeometry(geo):
            return False
        state = self.settings.value("windowState")
        if state is not None:
            self.restoreState(state)
        split = self.settings.value("split")
        self._saved_split = split if split is not None else None
        return True

    def _first_start_geometry(self) -> None:
        """No saved geometry (a fresh profile): 90 % of the screen's available area, centred — not
        the size Qt derives from the panels' hints (about 720 × 670, where the tree shows two
        characters of each name and no weights)."""
        from PySide6.QtGui import QGuiApplication
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1600, 1000)
            return
        avail = screen.availableGeometry()
        w, h = round(avail.width() * FIRST_START_SHARE), round(avail.height() * FIRST_START_SHARE)
        self.resize(w, h)
        self.move(avail.x() + (avail.width() - w) // 2, avail.y() + (avail.height() - h) // 2)

    def _default_docks(self) -> None:
        """The tree wide enough for code, name, weight and effective weight; the bottom docks a fifth
        of the height. (resizeDocks only works once the window has its size.)"""
        width = self.width()
        tree = min(TREE_MAX, max(TREE_MIN, round(width * 0.38)))
        self.resizeDocks([self.tree_dock], [tree], Qt.Horizontal)
        bottom = max(150, round(self.height() * 0.2))
        self.resizeDocks([self.problems_dock, self.analysis_dock], [bottom, bottom], Qt.Vertical)

    # --- building ------------------------------------------------------------------
    def _build_panels(self) -> None:
        c = self.controller
        from gui.panels.tree_panel import TreePanel

        self.tree = TreePanel(c, self)
        self.ranking = RankingPage(c, self)
        self.data_model = DataModel(c, self)
        self.data_table = FrozenColumnTable(self)  # the unit column stays when scrolled sideways
        self.data_table.setModel(self.data_model)
        self.data_table.setAlternatingRowColors(True)
        self.data_model.rejected.connect(lambda m: self.statusBar().showMessage(m, 10000))
        # fitting columns looks at a sample of rows, not all of them (3,000 × 500 must stay fast)
        self.data_table.horizontalHeader().setResizeContentsPrecision(30)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.ranking, "")
        self.tabs.addTab(self.data_table, "")
        self.data_model.modelReset.connect(self._data_tab_text)  # 数据（2022）: the edition shown
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.tabs)
        split.addWidget(QWidget(self))  # the charts' place: see build_deferred_panels
        self._split = split
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 760])
        self.setCentralWidget(split)

        self.tree_dock = QDockWidget(self)
        self.tree_dock.setObjectName("TreeDock")
        self.tree_dock.setWidget(self.tree)
        self.tree_dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.tree_dock)

        self.problems = ProblemsView(c, self)
        self.problems_dock = QDockWidget(self)
        self.problems_dock.setObjectName("ProblemsDock")
        holder = QWidget(self)
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        self.problems_banner = QLabel(holder)
        self.problems_banner.setWordWrap(True)
        self.problems_banner.setStyleSheet("color:#8a1c1c; padding:2px 4px;")
        self.problems_banner.hide()
        lay.addWidget(self.problems_banner)
        lay.addWidget(self.problems)
        self.problems_dock.setWidget(holder)
        self.addDockWidget(Qt.BottomDockWidgetArea, self.problems_dock)

        self.analysis_dock = QDockWidget(self)
        self.analysis_dock.setObjectName("AnalysisDock")
        scroll = QScrollArea(self)  # the panel needs ~430 px; the dock may be smaller and scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        self._analysis_scroll = scroll  # the analysis panel goes in: see build_deferred_panels
        self.analysis_dock.setWidget(scroll)
        self.addDockWidget(Qt.BottomDockWidgetArea, self.analysis_dock)
        self.tabifyDockWidget(self.problems_dock, self.analysis_dock)
        from gui.panels.history_view import HistoryPanel
        self.history = HistoryPanel(c, self)
        self.history_dock = QDockWidget(self)
        self.history_dock.setObjectName("HistoryDock")
        self.history_dock.setWidget(self.history)
        self.addDockWidget(Qt.BottomDockWidgetArea, self.history_dock)
        self.tabifyDockWidget(self.analysis_dock, self.history_dock)
        self.problems_dock.raise_()

        self.time_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.time_label)
        from gui.panels.edition_bar import EditionBar  # issue 19: shown only with 2+ editions
        self.edition_bar = EditionBar(c, self)
        self.addToolBar(Qt.TopToolBarArea, self.edition_bar)

    def build_deferred_panels(self) -> None:
        """The chart panel (beside the ranking) and the analysis panel (its dock); once."""
        if self.charts is not None:
            return
        from gui.panels.analysis_panel import AnalysisPanel
        from gui.panels.chart_panel import ChartPanel
        c = self.controller
        self.charts = ChartPanel(c, self)
        self._split.replaceWidget(1, self.charts).deleteLater()
        if self.isVisible():
            self._share_split()
        self.analysis = AnalysisPanel(c, self)
        self._analysis_scroll.setWidget(self.analysis)
        from gui.panels.why_panel import WhyPanel  # issue 21: the 为什么？ tab and the tree's stability bands
        self.why = WhyPanel(c, self)
        self.charts.tabs.addTab(self.why, "")
        self.why.retranslate()  # names its tab
        self.tree.show_stability()

    def _share_split(self) -> None:
        """Ranking : charts as they were left, else as 560 : 760 of the width the splitter has once
        it is shown."""
        if self._saved_split is not None and self.charts is not None:
            if self._split.restoreState(self._saved_split):
                self._saved_split = None
                return
        total = sum(self._split.sizes())
        if total > 0:
            left = round(total * 560 / 1320)
            self._split.setSizes([left, total - left])

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        if not getattr(self, "_split_shared", False):
            self._split_shared = True
            self._share_split()

    def _build_actions(self) -> None:
        s = self
        self.act_open = QAction(s, shortcut=QKeySequence.Open, triggered=lambda: self.open_dialog())
        self.act_sample = QAction(s, triggered=lambda: self.open_default())
        self.act_save = QAction(s, shortcut=QKeySequence.Save, triggered=lambda: self.save())
        self.act_save_as = QAction(s, shortcut=QKeySequence("Ctrl+Shift+S"), triggered=lambda: self.save_as())
        self.act_recover = QAction(s, triggered=lambda: self.offer_recovery())
        self.act_export = QAction(s, shortcut=QKeySequence("Ctrl+E"), triggered=lambda: self.export_results())
        self.act_export_charts = QAction(s, triggered=lambda: self.export_charts())
        self.act_export_report = QAction(s, shortcut=QKeySequence("Ctrl+Shift+R"),
                                         triggered=lambda: self.export_report())
        self.act_quit = QAction(s, shortcut=QKeySequence.Quit, triggered=self.close)
        stack = self.controller.undo_stack
        self.act_undo = QAction(s, triggered=stack.undo)
        self.act_undo.setShortcuts([QKeySequence.Undo])
        self.act_redo = QAction(s, triggered=stack.redo)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.Redo])
        for sig in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged, stack.redoTextChanged):
            sig.connect(self._undo_texts)
        self.act_pin = QAction(s, shortcut=QKeySequence("Ctrl+B"), triggered=self.controller.pin_baseline)
        self.lang_group = QActionGroup(s)
        self.act_zh = QAction("中文", s, checkable=True, triggered=lambda: self.set_language("zh"))
        self.act_en = QAction("English", s, checkable=True, triggered=lambda: self.set_language("en"))
        for a in (self.act_zh, self.act_en):
            self.lang_group.addAction(a)
        (self.act_zh if self.controller.language == "zh" else self.act_en).setChecked(True)
        self.act_about = QAction(s, triggered=self.about)
        # weights: from experts, from data, scenarios (each a dialog over the controller)
        self.act_ahp = QAction(s, triggered=self.open_ahp)
        self.act_data_weights = QAction(s, triggered=self.open_data_weights)
        self.act_panel_export = QAction(s, triggered=lambda: self.open_panel("export"))
        self.act_panel_import = QAction(s, triggered=lambda: self.open_panel("import"))
        self.act_scores_export = QAction(s, triggered=lambda: self.open_score_sheets("export"))
        self.act_scores_import = QAction(s, triggered=lambda: self.open_score_sheets("import"))
        self.act_scenarios = QAction(s, shortcut=QKeySequence("Ctrl+Shift+N"), triggered=self.open_scenarios)
        self.act_analysis = QAction(s, triggered=self.show_analysis)
        # history, frozen rounds, comparison, preferences
        self.act_history = QAction(s, shortcut=QKeySequence("Ctrl+H"), triggered=self.show_history)
        self.act_freeze = QAction(s, triggered=self.freeze_round)
        self.act_compare = QAction(s, triggered=self.compare)
        self.act_reimport = QAction(s, triggered=lambda: self.reimport_data())
        self.act_preferences = QAction(s, triggered=self.preferences)
        # what the commands could do and the window could not; help
        self.act_new_blank = QAction(s, triggered=lambda: self.new_blank_project())
        self.act_verify = QAction(s, triggered=lambda: self.verify_results())
        self.act_guide = QAction(s, shortcut=QKeySequence.HelpContents, triggered=lambda: self.show_guide())

    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.menu_file = mb.addMenu("")
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_file.insertAction(self.menu_recent.menuAction(), self.act_open)
        self.menu_file.insertAction(self.menu_recent.menuAction(), self.act_sample)
        self.menu_file.insertAction(self.menu_recent.menuAction(), self.act_new_blank)
        self.menu_file.addAction(self.act_reimport)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_save)
        self.menu_file.addAction(self.act_save_as)
        self.menu_file.addAction(self.act_recover)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_export)
        self.menu_file.addAction(self.act_export_charts)
        self.menu_file.addAction(self.act_export_report)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = mb.addMenu("")
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_preferences)
        self.menu_weights = mb.addMenu("")
        self.menu_weights.addAction(self.act_ahp)
        self.menu_weights.addAction(self.act_data_weights)
        self.menu_weights.addSeparator()
        self.menu_weights.addAction(self.act_panel_export)
        self.menu_weights.addAction(self.act_panel_import)
        self.menu_weights.addSeparator()
        self.menu_weights.addAction(self.act_scores_export)
        self.menu_weights.addAction(self.act_scores_import)
        self.menu_weights.addSeparator()
        self.menu_weights.addAction(self.act_scenarios)
        self.menu_history = mb.addMenu("")
        self.menu_history.addAction(self.act_history)
        self.menu_history.addAction(self.act_freeze)
        self.menu_history.addAction(self.act_compare)
        self.menu_history.addAction(self.act_verify)
        self.menu_view = mb.addMenu("")
        self.menu_view.addAction(self.act_pin)
        self.menu_view.addAction(self.act_analysis)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.tree_dock.toggleViewAction())
        self.menu_view.addAction(self.problems_dock.toggleViewAction())
        self.menu_view.addAction(self.analysis_dock.toggleViewAction())
        self.menu_view.addAction(self.history_dock.toggleViewAction())
        self.menu_lang = mb.addMenu("")
        self.menu_lang.addAction(self.act_zh)
        self.menu_lang.addAction(self.act_en)
        self.menu_help = mb.addMenu("")
        self.menu_help.addAction(self.act_guide)
        self.menu_help.addSeparator()
        self.menu_help.addAction(self.act_about)
        self._fill_recent()

    def retranslate(self) -> None:
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Recent files"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_weights.setTitle(self.tr("&Weights"))
        self.act_ahp.setText(self.tr("AHP pairwise comparisons for the selected node…"))
        self.act_data_weights.setText(self.tr("Weights from the data (entropy, CRITIC, PCA…)…"))
        self.act_panel_export.setText(self.tr("Expert panel: write weight forms…"))
        self.act_panel_import.setText(self.tr("Expert panel: merge filled forms…"))
        self.act_scores_export.setText(self.tr("Expert scores: write score sheets…"))
        self.act_scores_import.setText(self.tr("Expert scores: merge filled score sheets…"))
        self.act_scenarios.setText(self.tr("Scenarios: save, switch, compare…"))
        self.act_analysis.setText(self.tr("Uncertainty, sensitivity and audit"))
        self.analysis_dock.setWindowTitle(self.tr("How sure is the ranking?"))
        self.history_dock.setWindowTitle(self.tr("History"))
        self.menu_history.setTitle(self.tr("&History"))
        self.act_history.setText(self.tr("Show the history of changes"))
        self.act_freeze.setText(self.tr("Freeze this round…"))
        self.act_compare.setText(self.tr("Compare with a frozen round or another project…"))
        self.act_reimport.setText(self.tr("Re-import the data sheet…"))
        self.act_preferences.setText(self.tr("Preferences…"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_open.setText(self.tr("&Open…"))
        self.act_sample.setText(self.tr("Open the sample project"))
        self.act_save.setText(self.tr("&Save project"))
        self.act_save_as.setText(self.tr("Save project &as…"))
        self.act_recover.setText(self.tr("Recover unsaved work…"))
        self.act_export.setText(self.tr("&Export results workbook…"))
        self.act_export_charts.setText(self.tr("Export all charts to a folder…"))
        self.act_export_report.setText(self.tr("Export report draft (Word)…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_pin.setText(self.tr("Pin the current ranking as baseline"))
        self.act_about.setText(self.tr("About CityIndex Studio"))
        self.act_guide.setText(self.tr("User guide"))
        self.act_new_blank.setText(self.tr("New blank project…"))
        self.act_verify.setText(self.tr("Verify a results workbook…"))
        self._undo_texts()
        self.tree_dock.setWindowTitle(self.tr("Indicators and weights"))
        self.problems_dock.setWindowTitle(self.tr("Problems"))
        self.tabs.setTabText(0, self.tr("Ranking"))
        self._data_tab_text()
        self._update_title()

    def _undo_texts(self, *_args) -> None:
        """The Edit menu names the step: 'Undo Weight of T2'."""
        st = self.controller.undo_stack
        self.act_undo.setText(self.tr("&Undo") + (f" {st.undoText()}" if st.canUndo() else ""))
        self.act_redo.setText(self.tr("&Redo") + (f" {st.redoText()}" if st.canRedo() else ""))
        self.act_undo.setEnabled(st.canUndo())
        self.act_redo.setEnabled(st.canRedo())

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.LanguageChange and hasattr(self, "menu_help"):
            self.retranslate()
        super().changeEvent(e)

    def _update_title(self, *_args) -> None:
        c = self.controller
        name = c.path.name if c.path else self.tr("no project")
        title = f"{name} — CityIndex Studio"
        if c.is_sample:
            note = self.tr("illustrative sample data, not statistics")
            title = f"{name} [{note}] — CityIndex Studio"
        if not c.undo_stack.isClean():
            title = "* " + title
        self.setWindowTitle(title)

    # --- language --------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self.languages.set_language(lang)  # posts LanguageChange to every widget
        self.controller.set_language(lang)
        (self.act_zh if lang == "zh" else self.act_en).setChecked(True)
        if self.remember:
            self.settings.setValue("language", lang)

    # --- files -------------------------------------------------------------------------
    def open_default(self) -> bool:
        if not self.confirm_discard():
            return False
        ok = self.controller.load_default()
        self._update_title()
        return ok

    def open_path(self, path: Path, background: bool | None = None):
        """Open a workbook, a CSV or a project file. Returns True/False when read here; with
        `background` (default: a file of BACKGROUND_BYTES or more) the file is read on a worker thread
        behind a progress dialog whose Cancel leaves the open project as it is, and the Task is returned
        (its `finished` signal fires once the project is shown or the open was dropped)."""
        if not self.confirm_discard():
            return False
        path = Path(path)
        if background is None:
            try:
                background = path.stat().st_size >= BACKGROUND_BYTES
            except OSError:
                background = False
        if background:
            return self._open_in_background(path)
        if path.suffix.lower() == ".cidx":
            ok = self.open_project_file(path)
        else:
            ok = self.controller.load_file(path)
        if ok:
            self._add_recent(path)
        return ok

    def _open_in_background(self, path: Path):
        """Read (and parse and check) the file off the GUI thread; show it here when done."""
        from gui import worker
        is_project = path.suffix.lower() == ".cidx"

        def job(_progress, _cancelled):
            if is_project:
                from core.files.project_file import load_document
                from core.model.problems import InputError
                try:
                    return "project", load_document(path)
                except InputError as e:
                    return "failed", e.problems
            from core.files.loader import load
            return "workbook", load(path)

        def done(out) -> None:
            if task.worker.cancel_requested:
                self.statusBar().showMessage(self.tr("Opening {0} was cancelled").format(path.name), 8000)
                return
            kind, payload = out
            ok = False
            if kind == "failed":
                self.controller.load_failed.emit(str(path), payload)
            elif kind == "project":
                ok = self._show_document(*payload, path)
            else:
                ok = self.controller.show_loaded(path, *payload)
            if ok:
                self._add_recent(path)
            self._update_title()

        def failed(e: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Could not open {0}").format(path.name), str(e) or repr(e))

        task = worker.run_with_progress(self, job, self.tr("Opening {0}…").format(path.name), done, failed)
        task.dialog.setRange(0, 0)  # reading has no measurable steps: a busy bar
        self._keep_task(task)
        return task

    def _keep_task(self, task) -> None:
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)

    def open_project_file(self, path: Path, origin: Path | None = None) -> bool:
        """A .cidx: the whole document (the project, its scenarios, expert inputs, history, rounds…).
        `origin`: the project file a recovery copy stands for (the window then saves there)."""
        from core.files.project_file import load_document
        from core.model.problems import InputError
        try:
            doc, errors = load_document(path)
        except InputError as e:
            self.controller.load_failed.emit(str(path), e.problems)
            return False
        return self._show_document(doc, errors, path, origin)

    def _show_document(self, doc, errors: list[str], path: Path, origin: Path | None = None) -> bool:
        c = self.controller
        if doc.project.problems.has_errors:
            c.load_failed.emit(str(path), doc.project.problems)
            return False
        c.open_document(doc, origin if origin is not None else path)
        if errors:
            QMessageBox.warning(self, self.tr("Part of the project could not be read"), "\n".join(errors))
        self._update_title()
        return True

    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a workbook"), dialog_dirs.start_path(),
                                              OPEN_FILTER)
        if path:
            dialog_dirs.remember(path)
            return self.open_path(Path(path))
        return False

    def _data_tab_text(self, *_args) -> None:
        """'Data', or with editions 'Data (2022)': the data shown and edited are the chosen edition's."""
        label = self.data_model.edition
        self.tabs.setTabText(1, self.tr("Data ({0})").format(label) if label else self.tr("Data"))

    def _project_changed(self) -> None:
        c = self.controller
        self._data_tab_text()
        dialog_dirs.set_project(c.path, c.is_sample)
        self.problems_banner.hide()
        self._update_title()
        self.data_table.fit_columns()

    def _load_failed(self, path: str, problems) -> None:
        """The problems come to the front (the 问题 tab raised), the open project stays open; a workbook
        whose only errors are cells that are not numbers may be opened anyway (they become missing)."""
        n = len(problems.errors)
        self.problems.show_problems(problems, Path(path).name)
        self.problems_banner.setText(self.tr("{0} could not be opened: {1} error(s) listed below. "
                                             "The project that was open stays open.").format(Path(path).name, n))
        from core.files.project_file import autosave_path
        if Path(path).suffix.lower() == ".cidx" and autosave_path(path).exists():
            self.problems_banner.setText(self.problems_banner.text() + " " + self.tr(
                "A recovery copy of this project exists: File → Recover unsaved work."))
        self.problems_banner.show()
        self.problems_dock.show()
        self.problems_dock.raise_()
        self.statusBar().showMessage(self.tr("Could not open {0}").format(Path(path).name), 10000)
        QTimer.singleShot(0, lambda: self._offer_bad_cells_as_missing(Path(path)))

    def _offer_bad_cells_as_missing(self, path: Path) -> bool:
        """Ask whether to open a workbook anyway, its non-numeric cells treated as missing and listed
        as warnings, so that they can be corrected in the data grid."""
        from core.files.loader import bad_cells_only
        c = self.controller
        failed = c.last_failed
        if failed is None or Path(failed[0]) != path or failed[1] is None or not bad_cells_only(failed[2]):
            return False
        bad = [p for p in failed[2].errors]
        cells = ", ".join(f"{p.unit} / {p.column}" for p in bad[:6]) + (" …" if len(bad) > 6 else "")
        text = self.tr("{0} has {1} cell(s) that are not numbers ({2}). Open it anyway, with these cells "
                       "treated as missing? They stay listed under Problems and can be corrected in the "
                       "Data tab.").format(path.name, len(bad), cells)
        answer = QMessageBox.question(self, self.tr("Open anyway?"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes or not c.open_failed_with_bad_cells_as_missing():
            return False
        self._add_recent(path)
        self._update_title()
        self.problems_dock.raise_()
        self.tabs.setCurrentWidget(self.data_table)
        return True

    def _go_to_problem(self, problem) -> None:
        """A problem of the open project: its cell (or node). A problem of a file that is not the open
        project (one that could not be opened): nothing to go to — the status bar says so."""
        if not self._belongs_to_open_project(problem):
            self.statusBar().showMessage(self.tr("{0} is not the open project: correct it in the file and "
                                                 "open it again").format(problem.file), 8000)
            return
        from core.model.editions import edition_of
        ed = edition_of(problem)
        if ed and ed != self.data_model.edition and ed in self.controller.eds.labels:
            self.controller.set_edition(ed)  # an older edition's problem: show that edition's data
        if problem.unit:
            idx = self.data_model.cell_of(problem.unit, problem.code or "")
            if idx.isValid():
                self.tabs.setCurrentWidget(self.data_table)
                self.data_table.setCurrentIndex(idx)
                self.data_table.scrollTo(idx)
                return
        if problem.code and hasattr(self.tree, "select_code"):
            self.tree.select_code(problem.code)

    def _belongs_to_open_project(self, problem) -> bool:
        shown = self.problems.shown_file
        if shown is not None:  # the list holds the problems of a file that failed to open
            return False
        p = self.controller.project
        if p is None:
            return False
        if not problem.file:
            return True
        names = {Path(p.source).name if p.source else "", p.data.file}
        if self.controller.path is not None:
            names.add(self.controller.path.name)
        return problem.file in names

    def recent_files(self) -> list[str]:
        if self.remember:
            return [p for p in self.settings.value("recent", [], type=list) if p]
        return list(self._recent_session)

    def _fill_recent(self) -> None:
        for old in self.menu_recent.actions():  # (one of them may be the action being triggered)
            self.menu_recent.removeAction(old)
            old.deleteLater()
        for p in self.recent_files():
            act = self.menu_recent.addAction(p)
            act.triggered.connect(lambda _=False, p=p: self.open_path(Path(p)))
        enabled = bool(self.menu_recent.actions())
        self.menu_recent.setEnabled(enabled)
        self.menu_recent.menuAction().setEnabled(enabled)

    def _add_recent(self, path: Path) -> None:
        """Every file opened or saved (dialog, command line, drop, the recent list itself), newest
        first; the bundled sample is not listed. Kept in the settings (remember=True) or for the session."""
        path = Path(path).resolve()
        if path == SAMPLE_WORKBOOK.resolve():
            return
        items = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        if self.remember:
            self.settings.setValue("recent", items[:MAX_RECENT])
        else:
            self._recent_session = items[:MAX_RECENT]
        self._fill_recent()

    # --- the project file --------------------------------------------------------------
    def project_path(self) -> Path | None:
        """The .cidx this project is saved in (None: loaded from a workbook, never saved)."""
        p = self.controller.path
        return p if p is not None and p.suffix.lower() == ".cidx" else None

    def save(self, background: bool | None = None):
        path = self.project_path()
        return self.save_to(path, background) if path else self.save_as(background)

    def save_as(self, background: bool | None = None):
        c = self.controller
        name = c.path.with_suffix(".cidx").name if c.path and not c.is_sample else self.tr("project.cidx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save project"), dialog_dirs.start_path(name),
                                              PROJECT_FILTER)
        if not path:
            return False
        dialog_dirs.remember(path)
        if not path.lower().endswith(".cidx"):
            path += ".cidx"
        return self.save_to(Path(path), background)

    def save_to(self, path: Path, background: bool | None = None):
        """Write the project file. A large project (BACKGROUND_CELLS data cells or more, or `background`)
        is written on a worker thread behind a progress dialog (returns the Task; the window stays
        responsive and waits for it before closing); else here (returns True when written)."""
        from core.files.atomic import WriteError
        from core.files.project_file import save_document
        from gui import worker
        c = self.controller
        if c.project is None:
            return False
        if background is None:
            background = c.project.data.values.size >= BACKGROUND_CELLS
        doc, old_recovery = c.document_for_saving(), self.project_path()
        project = doc.project
        if not background:
            try:
                save_document(doc, path)
            except (WriteError, OSError) as e:
                QMessageBox.warning(self, self.tr("Save failed"), shown_error(e))
                return False
            self._saved(path, old_recovery, project)
            return True

        def failed(e: BaseException) -> None:
            from core.files.project_file import SaveCancelled
            if isinstance(e, SaveCancelled):  # the user's Cancel: the previous file and backups as they were
                self.statusBar().showMessage(self.tr("Save cancelled; {0} is as it was").format(Path(path).name),
                                             8000)
                return
            QMessageBox.warning(self, self.tr("Save failed"), shown_error(e))

        task = worker.run_with_progress(
            self, lambda progress, cancelled: save_document(doc, path, progress=progress, cancelled=cancelled),
            self.tr("Saving {0}…").format(Path(path).name), lambda _out: self._saved(path, old_recovery, project),
            failed, cancellable=True)
        self._keep_task(task)
        return task

    def _saved(self, path: Path, old_recovery: Path | None, project) -> None:
        from core.files.project_file import discard_recovery
        c = self.controller
        discard_recovery(old_recovery)
        self._add_recent(path)
        if c.project is not project:  # (the progress dialog is modal: only a new project gets here)
            return
        c.path = Path(path)
        c.is_sample = False
        c.undo_stack.setClean()
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 8000)

    def autosave(self) -> Path | None:
        """Write a recovery copy when there are unsaved changes (never over the project file)."""
        from core.files.project_file import write_recovery
        c = self.controller
        if c.project is None or c.undo_stack.isClean():
            return None
        try:
            return write_recovery(c.document_for_saving(), self.project_path())
        except OSError as e:
            self.statusBar().showMessage(self.tr("Autosave failed: {0}").format(e), 8000)
            return None

    def offer_recovery(self, ask=None) -> bool:
        """After a crash: offer the newest recovery file. `ask(text) -> bool` is replaceable in tests."""
        from core.files.project_file import find_recovery, recovery_origin
        found = find_recovery()
        if not found:
            return False
        rec = found[0]
        origin = recovery_origin(rec) or self.tr("a project that was never saved")
        text = self.tr("CityIndex Studio did not close normally. Unsaved changes of {0} were kept in {1}.\n"
                       "Open them now?").format(origin, rec.name)
        ask = ask or (lambda t: QMessageBox.question(self, self.tr("Recover unsaved work"), t)
                      == QMessageBox.StandardButton.Yes)
        if not ask(text):
            return False
        c = self.controller
        if not self.open_project_file(rec, Path(origin) if recovery_origin(rec) else None):
            return False
        if not recovery_origin(rec):
            c.path = None
        c.undo_stack.resetClean()  # recovered work is unsaved until the user saves it
        self._update_title()
        return True

    def confirm_discard(self, ask=None) -> bool:
        """True when it is fine to drop the current project (saved, or the user said so)."""
        c = self.controller
        if c.project is None or c.undo_stack.isClean():
            return True
        ask = ask or self._ask_unsaved
        answer = ask()
        if answer == "save":
            return self.save(background=False) is True
        return answer == "discard"

    def _ask_unsaved(self) -> str:
        b = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("The project has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(b, "cancel")

    def export_results(self) -> None:
        self.controller.flush()
        if self.controller.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results"),
                                              dialog_dirs.start_path(self.tr("results.xlsx")),
                                              "Excel (*.xlsx)")
        if not path:
            return
        dialog_dirs.remember(path)
        self.export_results_to(Path(path), background=True)

    def export_results_to(self, path: Path, background: bool = False):
        """Write the results workbook: the ranking, every level, the normalised scores, the weights and
        their notes, the scenarios, the current uncertainty run and the map.

        What needs Qt (the map image) and what may change while writing (scenarios, notes) is
        taken here on the GUI thread; the writer then works from that snapshot — on a worker thread
        when `background` (the menu: a progress dialog with Cancel, the window stays responsive on a
        large project; a cancel keeps any previous file; returns the Task), else here (returns True
        when written). The sample is marked illustrative; the map carries no selection ring.
        Garbage collection is kept off the worker (gui.worker), which is what made an earlier
        threaded version hang."""
        import copy
        import tempfile

        from core.outputs.results_workbook import write_results
        from gui import worker
        c = self.controller
        c.flush()
        tmp = tempfile.TemporaryDirectory(prefix="cityindex-export-")
        images = {}
        map_png = (self.charts.map_image(Path(tmp.name) / "map.png", selection=False)  # no city ringed
                   if self.charts is not None else None)
        if map_png is not None:  # named in the workbook's language, as its other sheets are
            from core.outputs.method_words import language
            from core.outputs.uncertainty_sheet import map_sheet_name
            images[map_sheet_name(language(c.result))] = map_png
        extra = self.analysis.export_sheets() if self.analysis is not None else {}
        from gui.dialogs.report_export import current_editions
        args = dict(top_n=self.ranking.top.value(), data=c.project.data, extra_sheets=extra, images=images,
                    scenarios=copy.deepcopy(c.scenarios), notes=copy.deepcopy(c.weight_notes),
                    illustrative=c.is_sample, editions=current_editions(c))
        from core.outputs.method_sheet import window_writes_method_ranks
        args["method_ranks"] = window_writes_method_ranks(c.result)  # 方法比较, up to 500 units
        if self.tree.bands is not None:  # 稳健性: the tree's intervals when current (same result, N), else None
            args["stability"] = self.tree.bands.current(c.result, args["top_n"])
        result = c.result

        def job(progress, cancelled) -> Path:
            write_results(result, path, progress=progress, cancelled=cancelled, **args)
            return path

        outcome: list = []

        def done(_out) -> None:
            tmp.cleanup()
            self.statusBar().showMessage(self.tr("Written {0}").format(path), 8000)
            outcome.append(True)

        def failed(e: BaseException) -> None:
            tmp.cleanup()
            from core.outputs.results_workbook import Cancelled
            if isinstance(e, Cancelled):  # the user's Cancel: nothing written, any previous file kept
                self.statusBar().showMessage(self.tr("Export cancelled"), 8000)
            else:
                QMessageBox.warning(self, self.tr("Export failed"), shown_error(e))
            outcome.append(False)

        if background:
            task = worker.run_with_progress(self, job, self.tr("Writing {0}…").format(Path(path).name), done, failed,
                                            cancellable=True)
            self._tasks.append(task)
            task.finished.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
            return task
        from PySide6.QtGui import QCursor
        QApplication.setOverrideCursor(QCursor(Qt.WaitCursor))
        try:
            done(job(None, None))
        except Exception as e:  # noqa: BLE001 - shown to the user, never lost
            failed(e)
        finally:
            QApplication.restoreOverrideCursor()
        return outcome[-1]

    def export_report(self, path: Path | None = None):
        """The report draft (.docx, and PDF when asked and LibreOffice is present)."""
        from gui.dialogs.report_export import export_report
        self.controller.flush()
        return export_report(self, self.controller, path)

    def export_charts(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export all charts to a folder"),
                                                  dialog_dirs.start_path())
        if folder:
            dialog_dirs.remember(folder)
            files = self.charts.export_all(Path(folder))
            self.statusBar().showMessage(self.tr("{0} files written to {1}").format(len(files), folder), 8000)

    # --- weights and analysis (dialogs over the controller) -------------------------------------
    def open_ahp(self):
        from gui.dialogs.ahp_editor import open_ahp_editor
        return open_ahp_editor(self, self.controller, self.tree.current_code())

    def open_data_weights(self):
        from gui.dialogs.data_weights_dialog import open_weights_dialog
        return open_weights_dialog(self, self.controller, self.tree.current_code())

    def open_panel(self, tab: str):
        from gui.dialogs.weight_forms_dialog import open_panel_dialog
        return open_panel_dialog(self, self.controller, tab)

    def open_score_sheets(self, mode: str):
        from gui.dialogs.score_sheets_dialog import open_score_sheets
        return open_score_sheets(self, self.controller, mode)

    def open_scenarios(self):
        from gui.panels.scenarios_panel import open_scenarios
        return open_scenarios(self, self.controller)

    def show_history(self) -> None:
        self.history_dock.show()
        self.history_dock.raise_()

    def freeze_round(self):
        from gui.panels.history_view import open_freeze_dialog
        return open_freeze_dialog(self, self.controller)

    def compare(self):
        from gui.panels.history_view import open_diff_dialog
        return open_diff_dialog(self, self.controller)

    def reimport_data(self, path: Path | None = None) -> bool:
        from gui.panels.history_view import open_reimport_dialog
        return open_reimport_dialog(self, self.controller, path)

    def preferences(self):
        from gui.dialogs.preferences import open_preferences
        return open_preferences(self, self.controller)

    def show_analysis(self) -> None:
        self.analysis_dock.show()
        self.analysis_dock.raise_()

    def about(self) -> None:
        from core import __version__
        QMessageBox.about(self, self.tr("About CityIndex Studio"),
                          self.tr("CityIndex Studio {0}\nBuild, weight and compute composite city indices.")
                          .format(__version__))

    def show_guide(self):
        """Help → User guide (a non-modal window; returned)."""
        from gui.dialogs.help_dialog import show_guide
        self._guide = show_guide(self, self.controller.language)
        return self._guide

    def show_guide_once(self) -> bool:
        """On a first start (nothing remembered yet) the guide opens by itself, once."""
        if not self.remember or self.settings.value("guide_shown", False, type=bool):
            return False
        self.settings.setValue("guide_shown", True)
        self.show_guide()
        return True

    def verify_results(self, path: Path | None = None):
        """History → Verify a results workbook…: MATCH or what differs (gui/dialogs/verify_dialog.py)."""
        from gui.dialogs.verify_dialog import verify_results
        return verify_results(self, self.controller, path)

    def new_blank_project(self, units: list[str] | None = None, path: Path | None = None) -> Path | None:
        """File → New blank project…: a blank input workbook of the default framework, its data sheet
        listing the units the user types (one per line; none is fine). A ranking needs data, and 41
        columns for every city are filled where the numbers are collected — in Excel/WPS — so the
        workbook is written next to the project and the user is told to fill it and open it."""
        from core.files.atomic import WriteError
        from core.files.paths import DEFAULT_FRAMEWORK
        from core.files.readers import read_csv
        from core.files.template import write_template
        from core.model.framework import parse_framework
        from core.model.problems import ProblemList
        if units is None:
            from PySide6.QtWidgets import QInputDialog
            text, ok = QInputDialog.getMultiLineText(
                self, self.tr("New blank project"),
                self.tr("The units to rank (cities), one per line — may be left empty and filled in the workbook:"))
            if not ok:
                return None
            units = [u.strip() for u in text.splitlines() if u.strip()]
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("New blank project"),
                                                    dialog_dirs.start_path(self.tr("new_project.xlsx")),
                                                    "Excel (*.xlsx)")
            if not chosen:
                return None
            dialog_dirs.remember(chosen)
            path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")
        try:
            fw = parse_framework(read_csv(DEFAULT_FRAMEWORK), ProblemList())
            write_template(fw, path, list(dict.fromkeys(units)))
        except (WriteError, OSError) as e:
            QMessageBox.warning(self, self.tr("Could not write {0}").format(Path(path).name), shown_error(e))
            return None
        self._add_recent(path)
        QMessageBox.information(self, self.tr("New blank project"), self.tr(
            "{0} was written: the default framework, and a data sheet with {1} unit(s) and the indicators' "
            "columns. Fill in the data (Excel or WPS), then open it with File → Open.").format(path, len(units)))
        return Path(path)

    # --- drag and drop, closing --------------------------------------------------------
    def dragEnterEvent(self, e) -> None:  # noqa: N802
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e) -> None:  # noqa: N802
        urls = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(Path(urls[0]))

    def _finish_tasks(self, seconds: float = 300) -> None:
        """Let an export or a save still writing finish its file. A task's thread ends once its outcome
        has been delivered here, on the GUI thread, so events keep being processed while waiting
        (Task.wait alone would block until its timeout)."""
        import time

        from PySide6.QtCore import QEventLoop
        deadline = time.monotonic() + seconds
        while self._tasks and time.monotonic() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            self._tasks[0].thread.wait(20)

    def closeEvent(self, e) -> None:  # noqa: N802
        if not self.confirm_discard():
            e.ignore()
            return
        from core.files.project_file import discard_recovery
        if self.analysis is not None:
            self.analysis.cancel_and_wait()
        if self.charts is not None:
            self.why.wait()
        if self.tree.bands is not None:
            self.tree.bands.wait()
        self._finish_tasks()
        discard_recovery(self.project_path())
        if self.remember:
            self.settings.setValue("geometry", self.saveGeometry())
            self.settings.setValue("windowState", self.saveState())
            self.settings.setValue("split", self._split.saveState())
            self.settings.setValue("top_n", self.ranking.top.value())
        super().closeEvent(e)


