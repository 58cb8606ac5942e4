"""File → Export report draft…: the report draft (core.outputs.report) of the window's current result.

`export_report(parent, controller, path=None) -> Path | None` asks for a file name when `path` is
None (REPORT.docx; ticking "also PDF" is offered through the file type), draws the figures on the
GUI thread (Qt requires it) and builds the document on a worker thread, each behind a progress
dialog whose Cancel stops it (nothing is written then). What the window knows goes
in: the language, the TOP N of the ranking panel, the scatter pair of the chart panel, the last
uncertainty run when it analysed this very result, the weight notes (AHP CR, data-driven
figures, panel consensus), and whether the data are the bundled illustrative sample. Returns the
path written, or None when cancelled or failed (a message box says why).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from gui.text.problem_text import shown_error

translate = QCoreApplication.translate


def report_options(parent, controller):
    """ReportOptions from the window's state (duck-typed: any of the panels may be absent)."""
    from core.outputs.report_facts import ReportOptions, illustrative_source

    lang = getattr(controller, "language", "zh")
    top = 10
    ranking = getattr(parent, "ranking", None)
    spin = getattr(ranking, "top", None)
    if spin is not None and hasattr(spin, "value"):
        top = max(1, int(spin.value()))
    scatter = None
    charts = getattr(parent, "charts", None)
    if charts is not None and hasattr(charts, "x_combo"):
        x, y = charts.x_combo.currentData(), charts.y_combo.currentData()
        if x and y and x != y:
            scatter = (x, y)
    path = getattr(controller, "path", None)
    illustrative = bool(getattr(controller, "is_sample", False)) or illustrative_source(path)
    return ReportOptions(top_n=top, lang=lang if lang in ("zh", "en") else "zh", scatter=scatter,
                         illustrative=illustrative, source_name=Path(path).name if path else "")


def current_uncertainty(parent, controller):
    """The analysis panel's last uncertainty result, when it was computed from the current result."""
    panel = getattr(parent, "analysis", None)
    unc = getattr(panel, "last_result", None)
    if unc is None:
        return None
    from core.analysis.uncertainty import same_inputs
    return unc if same_inputs(getattr(panel, "source", None), controller.result) else None


def current_editions(controller):
    """The core.pipeline.editions.EditionResults the exports state (the workbook's 历年排名 sheet, the draft's
    movements): the controller's own when it keeps them for the project's editions, else computed from its
    project; None for a one-edition project."""
    project = getattr(controller, "project", None)
    labels = tuple(getattr(project, "edition_labels", ()) or ())
    if len(labels) < 2:
        return None
    # the window's (gui.editions.EditionView, kept current through every edit), if it has them
    er = getattr(getattr(controller, "eds", None), "er", None) or getattr(controller, "editions", None)
    if er is not None and tuple(getattr(er, "labels", ())) == labels and hasattr(er, "results"):
        return er
    from core.pipeline.editions import compute_editions
    return compute_editions(project)


def export_report(parent, controller, path: str | Path | None = None) -> Path | None:
    """Write the report draft of `controller`'s result to `path` (asked for when None); a .pdf beside it
    when the chosen name ends in .pdf (LibreOffice needed). Returns the .docx written, or None."""
    flush = getattr(controller, "flush", None)
    if flush is not None:
        flush()
    result, project = getattr(controller, "result", None), getattr(controller, "project", None)
    if result is None or project is None:
        return None
    want_pdf = False
    if path is None:
        start = translate("ReportExport", "report.docx")
        if getattr(controller, "path", None) and not getattr(controller, "is_sample", False):
            start = str(Path(controller.path).with_name(Path(controller.path).stem + "_report.docx"))
        from gui import dialog_dirs
        start = dialog_dirs.start_path(start)
        docx_filter = translate("ReportExport", "Word document (*.docx)")
        pdf_filter = translate("ReportExport", "Word document and PDF (*.pdf)")
        chosen, selected = QFileDialog.getSaveFileName(
            parent, translate("ReportExport", "Export report draft"), start, ";;".join([docx_filter, pdf_filter]))
        if not chosen:
            return None
        dialog_dirs.remember(chosen)
        want_pdf = chosen.lower().endswith(".pdf") or selected == pdf_filter
        path = Path(chosen)
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        want_pdf = True
    if path.suffix.lower() != ".docx":
        path = path.with_suffix(".docx")

    path = write_draft(parent, controller, path)
    if path is None:
        return None
    if want_pdf:
        pdf_in_background(parent, path)
    bar = getattr(parent, "statusBar", None)
    if callable(bar):
        bar().showMessage(translate("ReportExport", "Report draft written: {0}").format(path), 8000)
    return path


def _status(parent, text: str) -> None:
    bar = getattr(parent, "statusBar", None)
    if callable(bar):
        bar().showMessage(text, 8000)


def write_draft(parent, controller, path: Path) -> Path | None:
    """Draw the figures (GUI thread, behind a progress dialog whose Cancel is honoured between figures),
    then build and save the .docx on a worker thread behind a second progress dialog (progress after
    each section and appendix table; Cancel stops it). Returns `path`, or None when cancelled (nothing
    written, the status bar says so) or failed (a message box says why). Waits in a local event loop,
    so the window stays painted and the caller gets the file when this returns."""
    from core.files.atomic import WriteError
    from core.outputs.report import ReportCancelled, write_document
    from core.weighting.dispatch import ahp_inputs
    from gui import worker
    from gui.charts.report_charts import draw_figures

    result, project = controller.result, controller.project
    options = report_options(parent, controller)
    uncertainty = current_uncertainty(parent, controller)
    notes = dict(getattr(controller, "weight_notes", {}) or {})
    ahp = ahp_inputs(project)
    editions = current_editions(controller)
    outcome: dict = {}

    def fail(e: BaseException) -> None:
        if isinstance(e, (ReportCancelled, worker.Cancelled)):
            outcome["cancelled"] = True
            _status(parent, translate("ReportExport", "Report export cancelled: nothing was written."))
        elif isinstance(e, (WriteError, OSError)):
            QMessageBox.warning(parent, translate("ReportExport", "Export failed"), shown_error(e))
        else:
            QMessageBox.warning(parent, translate("ReportExport", "Export failed"), repr(e))

    with tempfile.TemporaryDirectory(prefix="cityindex-report-") as tmp:
        dialog = QProgressDialog(translate("ReportExport", "Drawing the report's figures…"),
                                 translate("ReportExport", "Cancel"), 0, 1000, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def drawn(f: float) -> None:
            dialog.setValue(int(1000 * min(max(f, 0.0), 1.0)))
            QApplication.processEvents()  # paints the dialog and delivers a click on Cancel

        timings: dict = {}
        try:
            figs = draw_figures(result, project, options, Path(tmp), timings=timings, progress=drawn,
                                cancelled=dialog.wasCanceled, editions=editions)
        except BaseException as e:  # noqa: BLE001 - reported to the user, never lost
            fail(e)
            return None
        finally:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

        def work(progress, cancelled):
            return write_document(result, project, path, options, figs, uncertainty=uncertainty, notes=notes,
                                  ahp=ahp, timings=timings, progress=progress, cancelled=cancelled, editions=editions)

        loop = QEventLoop()
        task = worker.run_with_progress(parent, work, translate("ReportExport", "Writing the report draft…"),
                                        lambda out: outcome.setdefault("path", out), fail)
        task.finished.connect(lambda: outcome.setdefault("finished", True))
        task.finished.connect(loop.quit)
        if "finished" not in outcome:  # the worker's signals arrive through this loop
            loop.exec()
        task.wait()
    return outcome.get("path")


def pdf_in_background(parent, docx: Path):
    """LibreOffice converts the draft to PDF (about 12 s for the sample, minutes for a 1,000-page one) on a
    worker thread behind a progress dialog whose Cancel stops it, so the window stays usable; a missing
    LibreOffice or a failed conversion is reported once it is known (the Word draft is written either
    way), a cancelled one in the status bar. Returns the Task."""
    from core.outputs.pdf import PdfCancelled, PdfError
    from core.outputs.report import export_pdf
    from gui import worker

    def done(pdf) -> None:
        bar = getattr(parent, "statusBar", None)
        if callable(bar):
            bar().showMessage(translate("ReportExport", "PDF written: {0}").format(pdf), 8000)

    def failed(e: BaseException) -> None:
        if isinstance(e, PdfCancelled):
            _status(parent, translate("ReportExport", "PDF conversion cancelled; the Word draft was written."))
            return
        why = str(e) if isinstance(e, PdfError) else repr(e)
        QMessageBox.warning(parent, translate("ReportExport", "No PDF written"),
                            translate("ReportExport", "The Word draft was written; the PDF was not:")
                            + "\n\n" + why)

    label = translate("ReportExport", "Converting to PDF…")
    task = worker.run_with_progress(parent, lambda _p, cancelled: export_pdf(docx, cancelled=cancelled), label, done,
                                    failed)
    tasks = getattr(parent, "_tasks", None)
    if isinstance(tasks, list):  # the window waits for it before closing
        tasks.append(task)
        task.finished.connect(lambda: tasks.remove(task) if task in tasks else None)
    return task
