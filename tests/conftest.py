import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _no_translator_leaks():
    """A window test installs the Chinese translator application-wide; remove it after."""
    yield
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return
    app = QApplication.instance()
    langs = getattr(app, "_cityindex_languages", None) if app else None
    if langs is not None and langs.current != "en":
        langs.set_language("en")
