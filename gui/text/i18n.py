"""Languages through Qt's own translation machinery.

Source strings are English; Chinese comes from `resources/i18n/cityindex_zh_CN.qm`
(built by `pyside6-lrelease` from the `.ts` that `pyside6-lupdate` extracts; see
tools/update_translations.py). Qt's own `qtbase_*.qm` is loaded first so standard
dialogs speak the same language. References to installed translators are kept
(a translator that is garbage-collected silently stops translating). Switching
installs new translators; every widget re-translates on QEvent.LanguageChange.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.files.paths import RESOURCES

I18N = RESOURCES / "i18n"
LANGUAGES = {"zh": ("zh_CN", "中文"), "en": ("en", "English")}


# Qt 6's qtbase_zh_CN.qm lacks a few texts of its own dialogs (the file dialog's "&Look in:" and
# "Files of &type:" labels, which is what a user meets first), and calls QFileSystemModel's "Size" 体积.
# (context, English) → Chinese; looked up before qtbase, only for these contexts.
QT_SUPPLEMENT_ZH = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileDialog", "Save &as:"): "另存为(&A)：",
    ("QFileDialog", "Computer"): "计算机",
    ("QFileSystemModel", "Size"): "大小",
}


class QtSupplement(QTranslator):
    """Chinese for the few texts of Qt's own dialogs that qtbase_zh_CN.qm leaves in English."""

    def __init__(self, parent, texts: dict[tuple[str, str], str]):
        super().__init__(parent)
        self.texts = texts

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        return self.texts.get((context, source))  # None: not ours, Qt asks the next translator

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own qtbase_*.qm may be: Qt's translations path, else PySide6's folder (a frozen
    build may report a path that is not where the bundle put them)."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath))]
    try:
        import PySide6
        dirs.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    except (ImportError, TypeError):
        pass
    return [d for i, d in enumerate(dirs) if d not in dirs[:i]]


class Languages:
    """One per application (see `for_app`): translators installed by one window must be
    the ones the next window removes."""

    @staticmethod
    def for_app(app: QCoreApplication) -> Languages:
        inst = getattr(app, "_cityindex_languages", None)
        if inst is None:
            inst = Languages(app)
            app._cityindex_languages = inst
        return inst

    def __init__(self, app: QCoreApplication):
        self.app = app
        self.current = ""
        self._installed: list[QTranslator] = []

    def set_language(self, lang: str) -> bool:
        """Install the translators for `lang` ('zh' or 'en'); returns False if a file is missing."""
        if lang not in LANGUAGES:
            lang = "zh"
        for t in self._installed:
            self.app.removeTranslator(t)
        self._installed = []
        locale = LANGUAGES[lang][0]
        ok = True
        qt = QTranslator(self.app)
        if lang != "en" and any(qt.load(f"qtbase_{locale}", str(d)) for d in qt_translation_dirs()):
            self.app.installTranslator(qt)  # Qt's own dialogs (QFileDialog's "Look in:" → 查找范围：)
            self._installed.append(qt)
        if lang == "zh":
            extra = QtSupplement(self.app, QT_SUPPLEMENT_ZH)
            self.app.installTranslator(extra)
            self._installed.append(extra)
        if lang != "en":
            mine = QTranslator(self.app)
            if mine.load(str(I18N / f"cityindex_{locale}.qm")):
                self.app.installTranslator(mine)
                self._installed.append(mine)
            else:
                ok = False
        QLocale.setDefault(QLocale(locale))
        self.current = lang
        return ok
