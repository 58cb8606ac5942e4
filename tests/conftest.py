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
    from core.files.loader import load
    from core.files.paths import SAMPLE_WORKBOOK
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


@pytest.fixture
def sample_window(qtbot, tmp_path, monkeypatch):
    """The main window in Chinese on the sample project, shown, with its recovery files kept in the
    test's folder; an unsaved-changes question answers 'discard'. After the test, a running analysis
    is cancelled and any background task (export, save) allowed to deliver its outcome."""
    monkeypatch.setenv("CITYINDEX_RECOVERY_DIR", str(tmp_path / "recovery"))
    from gui.main_window import MainWindow
    w = MainWindow(lang="zh", remember=False)
    w._ask_unsaved = lambda: "discard"
    qtbot.addWidget(w)
    assert w.open_default()
    w.show()
    yield w
    if w.analysis is not None:
        w.analysis.cancel_and_wait()
    qtbot.waitUntil(lambda: not w._tasks, timeout=60000)
