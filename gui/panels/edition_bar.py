"""The edition selector (issue 19): a tool bar, shown only for a project with two or more editions.

版次 chooses the edition the window shows (the ranking, the charts, the map, and the 数据 tab — whose cells
are then that edition's, edited there; default the latest);
变化对比 chooses what the ranking's change column compares with: 上一版次 (the edition before the shown one,
the default) or 固定基准 (the baseline pinned with Ctrl+B — pinning switches to it). Both go through
the controller (set_edition); the bar only mirrors its state. 历年标准化 shows and sets the project's
`editions_normalization` (各版分别 / 各版合并 / 以首版为基准 — its tooltip says what it means for reading the
scores, in the engine's words, core.text.editions_texts): an undoable settings edit, recomputing every edition.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from gui.editions import BASELINE, PREVIOUS


class EditionBar(QToolBar):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("EditionBar")
        self.setMovable(False)
        self.c = controller
        self.edition_label = QLabel(self)
        self.edition = QComboBox(self)
        self.edition.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.edition_label.setBuddy(self.edition)
        self.compare_label = QLabel(self)
        self.compare = QComboBox(self)
        self.compare.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.compare_label.setBuddy(self.compare)
        for w in (self.edition_label, self.edition):
            self.addWidget(w)
        self.addSeparator()
        for w in (self.compare_label, self.compare):
            self.addWidget(w)
        self.addSeparator()
        self.mode_label = QLabel(self)
        self.mode = QComboBox(self)
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.mode_label.setBuddy(self.mode)
        for w in (self.mode_label, self.mode):
            self.addWidget(w)
        self.mode.currentIndexChanged.connect(self._mode_chosen)
        controller.result_changed.connect(lambda _r: self.sync())
        controller.language_changed.connect(lambda _l: self.retranslate())
        self.edition.currentIndexChanged.connect(self._edition_chosen)
        self.compare.currentIndexChanged.connect(self._compare_chosen)
        controller.project_changed.connect(self.sync)
        controller.edition_changed.connect(lambda _l: self.sync())
        self.retranslate()
        self.sync()

    def _edition_chosen(self, _i: int) -> None:
        label = self.edition.currentData()
        if label and label != self.c.eds.label:
            self.c.set_edition(label)

    def _compare_chosen(self, _i: int) -> None:
        mode = self.compare.currentData()
        if mode and mode != self.c.eds.compare:
            self.c.set_edition(compare=mode)

    def _mode_chosen(self, _i: int) -> None:
        mode = self.mode.currentData()
        if mode and self.c.project is not None and mode != self.c.settings.editions_normalization:
            self.c.set_settings(self.c.settings.with_(editions_normalization=mode),
                                self.tr("Editions normalised: {0}").format(self.mode.currentText()))

    def sync(self) -> None:
        """Mirror the controller: its editions (latest last), the shown one, the comparison; hidden for one."""
        eds = self.c.eds
        self.setVisible(eds.active)
        self.toggleViewAction().setVisible(eds.active)
        labels = list(eds.labels)
        self.edition.blockSignals(True)
        if [self.edition.itemData(i) for i in range(self.edition.count())] != labels:
            self.edition.clear()
            for lb in labels:
                self.edition.addItem(lb, lb)
        self.edition.setCurrentIndex(max(0, self.edition.findData(eds.label)))
        self.edition.blockSignals(False)
        self.compare.blockSignals(True)
        self.compare.setCurrentIndex(max(0, self.compare.findData(eds.compare)))
        self.compare.blockSignals(False)
        from core.text.editions_texts import describe_mode
        mode = self.c.settings.editions_normalization
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        self.mode.blockSignals(False)
        self.mode.setToolTip(describe_mode(mode, self.c.language, base=labels[0] if labels else ""))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Editions"))
        self.edition_label.setText(self.tr(" Edition: "))
        self.edition.setToolTip(self.tr("The edition the ranking, the charts, the map and the data tab show"))
        self.compare_label.setText(self.tr(" Change against: "))
        self.compare.setToolTip(self.tr("What the ranking's change column compares with (Ctrl+B pins a baseline)"))
        self.compare.blockSignals(True)
        self.compare.clear()
        self.compare.addItem(self.tr("the previous edition"), PREVIOUS)
        self.compare.addItem(self.tr("the pinned baseline"), BASELINE)
        self.compare.blockSignals(False)
        self.mode_label.setText(self.tr(" Scores across editions: "))
        from core.model.settings import EDITIONS_NORMALIZATIONS
        from core.text.editions_texts import mode_name
        self.mode.blockSignals(True)
        self.mode.clear()
        for m in EDITIONS_NORMALIZATIONS:
            self.mode.addItem(mode_name(m, self.c.language), m)
        self.mode.blockSignals(False)
        self.sync()

    def changeEvent(self, ev):
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)
