"""History → Verify a results workbook…: does a results workbook come from the open project?

The window's form of `python main.py verify RESULTS.xlsx INPUT` (core.provenance.verify): the workbook's hidden
verification sheet holds the fingerprint of its inputs; the open project is fingerprinted and
recomputed, and the dialog says MATCH, or lists what differs (data cells, weights, settings, and
which units' scores and ranks). A file that is not a results workbook of ours gets a message naming it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout

from gui import dialog_dirs

translate = QCoreApplication.translate
RESULTS_FILTER = "Excel (*.xlsx)"


def difference_lines(rep: dict) -> list[str]:
    """The differences, one per line, in the window's language (an input difference in the engine's own
    wording, core.provenance.fingerprint.describe, in the language the window speaks)."""
    from core.provenance.fingerprint import describe
    from gui.text.problem_text import current_language
    lang = current_language()
    lines = []
    for d in rep["input_differences"]:
        lines.append(translate("Verify", "input: {0}").format(describe(d, lang)))
    for d in rep["score_differences"]:
        what = d["what"]
        if what == "missing from the results workbook":
            lines.append(translate("Verify", "{0}: not in the results workbook").format(d["unit"]))
        elif what == "not in the recomputed result":
            lines.append(translate("Verify", "{0}: not in the open project").format(d["unit"]))
        elif what == "rank":
            lines.append(translate("Verify", "{0}: rank written {1}, recomputed {2}").format(
                d["unit"], d["written"], d["recomputed"]))
        else:
            node = what.removeprefix("score ")
            lines.append(translate("Verify", "{0}: score {1} written {2}, recomputed {3}").format(
                d["unit"], node, d["written"], d["recomputed"]))
    return lines


class VerifyDialog(QDialog):
    def __init__(self, parent, path: Path, rep: dict):
        super().__init__(parent)
        self.rep = rep
        self.setWindowTitle(translate("Verify", "Verify {0}").format(path.name))
        self.resize(720, 420)
        lay = QVBoxLayout(self)
        if rep["match"]:
            head = translate("Verify", "MATCH: {0} was computed from the open project; every score agrees at "
                                       "the written precision.").format(path.name)
            colour = "#1d6b2c"
        else:
            n = len(rep["input_differences"]) + len(rep["score_differences"])
            head = translate("Verify", "DIFFERENT: {0} does not come from the open project as it is now "
                                       "({1} difference(s) below).").format(path.name, n)
            colour = "#8a1c1c"
        self.headline = QLabel(head, self)
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet(f"color:{colour}; font-weight:bold;")
        lay.addWidget(self.headline)
        fp = QLabel(translate("Verify", "Fingerprint written: {0} (CityIndex Studio {1})\nFingerprint of the open "
                                        "project: {2}").format(rep["fingerprint_written"],
                                                               rep["app_version_written"], rep["fingerprint_input"]),
                    self)
        fp.setTextInteractionFlags(fp.textInteractionFlags() | fp.textInteractionFlags().TextSelectableByMouse)
        lay.addWidget(fp)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setFont(QFont("monospace"))
        self.details.setPlainText("\n".join(difference_lines(rep)))
        self.details.setVisible(not rep["match"])
        lay.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def verify_results(parent, controller, path: str | Path | None = None) -> VerifyDialog | None:
    """Ask for a results workbook (when `path` is None), verify it against the open project, show the
    outcome (a non-modal dialog, returned). None when cancelled or the file cannot be read (a message
    box names the file and why)."""
    controller.flush()
    project = controller.project
    if project is None:
        return None
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(parent, translate("Verify", "Verify a results workbook"),
                                                dialog_dirs.start_path(), RESULTS_FILTER)
        if not chosen:
            return None
        dialog_dirs.remember(chosen)
        path = chosen
    path = Path(path)
    from core.provenance.verify import verify
    try:
        rep = verify(path, project)
    except Exception as e:  # noqa: BLE001 - a bad file: say which and why, never a traceback
        QMessageBox.warning(parent, translate("Verify", "Cannot verify"),
                            translate("Verify", "{0} cannot be verified: {1}").format(path.name, str(e) or repr(e)))
        return None
    dlg = VerifyDialog(parent, path, rep)
    dlg.open()
    return dlg
