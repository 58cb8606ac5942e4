"""Preferences: the user name the history shows (QSettings "user/name", never project data)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from gui.controller import default_user


class PreferencesDialog(QDialog):
    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PreferencesDialog")
        self.c = controller
        self.name = QLineEdit(self)
        self.name.setText(controller.user_name)
        self.name.setPlaceholderText(default_user())
        self.name_label = QLabel(self)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.info)
        lay.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.name_label.setText(self.tr("Your name"))
        self.info.setText(self.tr("The history of a project names who made each change. Empty: your login "
                                  "name ({0}).").format(default_user()))

    def accept(self) -> None:
        self.c.user_name = self.name.text()
        super().accept()

    def changeEvent(self, e) -> None:  # noqa: N802
        if e.type() == QEvent.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(e)


def open_preferences(parent: QWidget | None, controller) -> PreferencesDialog:
    """The preferences dialog (window-modal; returns it)."""
    dlg = PreferencesDialog(controller, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg
