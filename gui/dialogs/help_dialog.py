"""Help → User guide: first steps and what the sample's warnings mean.

The guide's text is one HTML file per language (resources/help/guide_zh.html, guide_en.html): a
translator edits a page, not a hundred tr() fragments. The window shows it once on a first start
(remembered in QSettings as `guide_shown`) and whenever Help → User guide is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from core.files.paths import RESOURCES

GUIDE_DIR = RESOURCES / "help"
translate = QCoreApplication.translate


def guide_html(lang: str) -> str:
    path = GUIDE_DIR / f"guide_{'zh' if lang == 'zh' else 'en'}.html"
    return path.read_text(encoding="utf-8")


class GuideDialog(QDialog):
    def __init__(self, parent, lang: str):
        super().__init__(parent)
        self.setObjectName("GuideDialog")
        self.setWindowTitle(translate("Guide", "User guide"))
        self.resize(640, 620)
        lay = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(guide_html(lang))
        lay.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def show_guide(parent, lang: str) -> GuideDialog:
    """The guide in a non-modal window (the user may keep it beside the main window)."""
    dlg = GuideDialog(parent, lang)
    dlg.show()
    return dlg
