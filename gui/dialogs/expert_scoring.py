"""The small dialog that makes an indicator scored by an expert panel (or back to data).

What the framework sheet's `scored_by`, `scale_min`, `scale_max` and `guidance` columns say, asked
in the window: whether the panel scores the indicator on score sheets, the scale the experts use
and the guidance they read on their sheet. The dialog only asks; the tree panel turns the answer
into ONE undoable edit (core.model.framework_edits.set_expert_scoring). `ExpertScoringDialog.ask` is the single
entry point, so tests answer it with a fixture.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.model.framework import DEFAULT_SCALE, Node


class ExpertScoringDialog(QDialog):
    """Scored by experts? On which scale, with which guidance? Public for tests: `expert`,
    `scale_min`, `scale_max`, `guidance`, `answer()`."""

    def __init__(self, node: Node, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scored by experts"))
        self.heading = QLabel(self.tr("How is {0} {1} measured?").format(node.code, name), self)
        self.heading.setWordWrap(True)
        self.expert = QCheckBox(self.tr("Scored by an expert panel on score sheets (not a statistic)"), self)
        self.expert.setChecked(node.expert_scored)
        lo, hi = node.scale if node.expert_scored else DEFAULT_SCALE
        self.scale_min = self._spin(lo)
        self.scale_max = self._spin(hi)
        self.guidance = QPlainTextEdit(self)
        self.guidance.setPlainText(node.guidance)
        self.guidance.setPlaceholderText(self.tr("What the experts read on their sheet: what a high and a low "
                                                 "score mean"))
        self.guidance.setMinimumHeight(90)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Lowest score:"), self.scale_min)
        form.addRow(self.tr("Highest score:"), self.scale_max)
        form.addRow(self.tr("Guidance:"), self.guidance)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.expert)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.expert.toggled.connect(self._enable)
        self._enable(self.expert.isChecked())

    def _spin(self, value: float) -> QDoubleSpinBox:
        s = QDoubleSpinBox(self)
        s.setRange(-1e9, 1e9)
        s.setDecimals(2)
        s.setValue(float(value))
        return s

    def _enable(self, on: bool) -> None:
        for w in (self.scale_min, self.scale_max, self.guidance):
            w.setEnabled(on)

    def answer(self) -> dict:
        """The edit's arguments: expert, scale_min, scale_max, guidance."""
        if not self.expert.isChecked():
            return {"expert": False}
        return {"expert": True, "scale_min": self.scale_min.value(), "scale_max": self.scale_max.value(),
                "guidance": self.guidance.toPlainText().strip()}

    def _accept(self) -> None:
        a = self.answer()
        if a["expert"] and a["scale_min"] >= a["scale_max"]:
            self.error.setText(self.tr("The lowest score must be below the highest."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, node: Node, name: str) -> dict | None:
        """Ask (modal); None when cancelled."""
        dlg = cls(node, name, parent)
        return dlg.answer() if dlg.exec() == QDialog.DialogCode.Accepted else None
