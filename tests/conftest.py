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


@pytest.fixture(scope="module")
def project():
    """The bundled sample project (immutable, so one per module is safe)."""
    from core.loader import load
    from core.paths import SAMPLE_WORKBOOK
    project, problems = load(SAMPLE_WORKBOOK)
    assert project is not None and not problems.has_errors
    return project


@pytest.fixture
def controller(qtbot, project):
    """A Controller holding the sample project (GUI tests)."""
    from gui.controller import Controller
    c = Controller()
    c.set_project(project)
    return c
