"""Reports → Weekly report: pick the week, scope and language, write the week's notes, then
preview, print or save as PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.dates import iso_week
from ..core.errors import FunnelError
from ..core.values import Period
from ..core.weekly import week_containing
from ..core.weekly_report import WeeklyReportData
from ..i18n import language
from ..services import Services
from ..store.kept_lists import names
from ..store.pipeline_rows import pipeline_choices
from ..store.queries import get_setting
from ..store.weekly_notes import note_text
from ..ui.common.fields import DateField
from .document import PDF_DPI, page_layout, paint_document
from .scope import ReportScope
from .weekly import document_for, footer_for, report_for, write_weekly_pdf


def ask_pdf_path(parent: QWidget, suggested: str) -> str | None:
    """Where to save the PDF (tests replace this)."""
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("WeeklyReportDialog", "Save report as PDF"),
        suggested, QCoreApplication.translate("WeeklyReportDialog", "PDF files (*.pdf)"))
    return path or None


def show_error(parent: QWidget, text: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("WeeklyReportDialog", "Weekly report"),
                        text)


def run_dialog(dialog: QDialog) -> int:
    """Runs a modal print or preview dialog (tests replace this)."""
    return dialog.exec()


class WeeklyReportDialog(QDialog):
    """The weekly report's options, the owner's notes, and Preview / Print / Save as PDF."""

    def __init__(self, services: Services, lang: str = "en", parent: QWidget | None = None,
                 today: Callable[[], date] = date.today,
                 error_text: Callable[[FunnelError], str] = lambda e: e.english()) -> None:
        super().__init__(parent)
        self.services = services
        self.error_text = error_text
        self.setWindowTitle(self.tr("Weekly funnel report"))
        self.setMinimumWidth(520)
        self.week_start = int(get_setting("week_start", 0) or 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        week_row = QHBoxLayout()
        self.prev_week = QPushButton("◀")
        self.prev_week.setAccessibleName(self.tr("Previous week"))
        self.prev_week.setFixedWidth(32)
        self.day = DateField(hint=False)  # the week label says what was understood
        self.day.line.setAccessibleName(self.tr("A day of the week"))
        self.day.line.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 48)
        self.next_week = QPushButton("▶")
        self.next_week.setAccessibleName(self.tr("Next week"))
        self.next_week.setFixedWidth(32)
        for arrow in (self.prev_week, self.next_week):
            arrow.setStyleSheet("padding: 4px 0px;")  # the app's 14 px sides leave no room
            arrow.setAutoDefault(False)
        self.week_label = QLabel()
        week_row.addWidget(self.prev_week)
        week_row.addWidget(self.day)
        week_row.addWidget(self.next_week)
        week_row.addWidget(self.week_label, 1)
        form.addRow(self.tr("Week:"), week_row)

        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Scope"))
        self.scope.addItem(self.tr("All sales"), ReportScope())
        for tid, name in names("team"):
            self.scope.addItem(self.tr("Team: %1").replace("%1", name),
                               ReportScope("team", tid, name))
        for oid, name in names("owner"):
            self.scope.addItem(self.tr("Salesperson: %1").replace("%1", name),
                               ReportScope("owner", oid, name))
        form.addRow(self.tr("Scope:"), self.scope)

        self.pipeline = QComboBox()
        self.pipeline.setAccessibleName(self.tr("Pipeline"))
        for pid, name in pipeline_choices():
            self.pipeline.addItem(name, pid)
        form.addRow(self.tr("Pipeline:"), self.pipeline)

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Report language"))
        self.language.addItem("English", "en")
        self.language.addItem("中文", "zh")
        self.language.setCurrentIndex(1 if lang.startswith("zh") else 0)
        form.addRow(self.tr("Language:"), self.language)

        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem("A4", "A4")
        self.paper.addItem("Letter", "Letter")
        form.addRow(self.tr("Paper:"), self.paper)

        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Problems and actions"))
        self.notes.setPlaceholderText(self.tr(
            "Problems you see this week and what you will do about them. They print at the end "
            "of the report and are kept for this week and scope."))
        self.notes.setMinimumHeight(120)

        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton(self.tr("Preview…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = buttons.addButton(self.tr("Print…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = buttons.addButton(self.tr("Save as PDF…"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setAutoDefault(False)  # Enter in the day field takes the day, no more
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # the week label grows
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Problems and actions (your notes for this week):")))
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)

        settings = QSettings()
        remembered = settings.value("report/paper", "A4")
        self.paper.setCurrentIndex(max(0, self.paper.findData(remembered)))
        self._loaded_key: tuple[str, str] | None = None
        #: The last day typed or picked that is a date (the week shown is its week).
        self.chosen_day = today()
        self.day.set_date(self.chosen_day)
        self.day.edited.connect(self._day_typed)
        self.scope.currentIndexChanged.connect(self._week_changed)
        self.prev_week.clicked.connect(lambda: self.set_day(self.chosen_day - timedelta(7)))
        self.next_week.clicked.connect(lambda: self.set_day(self.chosen_day + timedelta(7)))
        self._week_changed()

    # -- the chosen week and scope ---------------------------------------------------------
    def set_day(self, day: date) -> None:
        """Show the week of ``day``."""
        self.day.set_date(day)
        self.chosen_day = day
        self._week_changed()

    def _day_typed(self) -> None:
        try:
            day = self.day.value("week")
        except FunnelError as err:
            self.week_label.setText(self.error_text(err))
            return
        if day is None:
            return
        if day != self.chosen_day:
            self.chosen_day = day
            self._week_changed()
        else:
            self._show_week()

    def period(self) -> Period:
        return week_containing(self.chosen_day, self.week_start)

    def label(self) -> str:
        """The ISO week of the Monday inside the chosen week."""
        p = self.period()
        monday = p.start + timedelta(days=(7 - p.start.weekday()) % 7)
        return iso_week(monday)

    def current_scope(self) -> ReportScope:
        return self.scope.currentData()

    def _show_week(self) -> None:
        p = self.period()
        self.week_label.setText(f"{self.label()}  ({p.start:%Y-%m-%d} – {p.end:%Y-%m-%d})")

    def _week_changed(self) -> None:
        self.save_notes()
        self._show_week()
        key = (self.label(), self.current_scope().key)
        self.notes.setPlainText(note_text(*key))
        self._loaded_key = key

    def save_notes(self) -> None:
        """Keep the notes of the week and scope they were written for."""
        if self._loaded_key is None:
            return
        week, scope = self._loaded_key
        text = self.notes.toPlainText()
        if note_text(week, scope) != text:
            self.services.save_weekly_note(week, scope, text, initiator=self)

    # -- output -----------------------------------------------------------------------------
    def report(self) -> WeeklyReportData | None:
        try:
            self.save_notes()
            return report_for(self.label(), self.current_scope(), self.pipeline.currentData(),
                              period=self.period())
        except FunnelError as exc:
            show_error(self, self.error_text(exc))
            return None

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PDF_DPI)
        printer.setPageLayout(page_layout(self.paper.currentData()))
        QSettings().setValue("report/paper", self.paper.currentData())
        return printer

    def _paint_to(self, data: WeeklyReportData, printer: QPrinter) -> None:
        lang = self.language.currentData()
        doc = document_for(data, lang)
        with language(lang):
            paint_document(doc, printer, footer_for(data))

    def preview(self) -> None:
        data = self.report()
        if data is None:
            return
        printer = self._printer()
        dlg = QPrintPreviewDialog(printer, self)
        dlg.setWindowTitle(self.tr("Weekly report %1 — preview").replace("%1", data.week_label))
        dlg.paintRequested.connect(lambda p: self._paint_to(data, p))
        dlg.resize(900, 1000)
        run_dialog(dlg)

    def print_(self) -> None:
        data = self.report()
        if data is None:
            return
        printer = self._printer()
        dlg = QPrintDialog(printer, self)
        if run_dialog(dlg) == QDialog.DialogCode.Accepted:
            self._paint_to(data, printer)

    def save_pdf(self) -> Path | None:
        data = self.report()
        if data is None:
            return None
        scope = self.current_scope()
        suffix = "" if scope.kind == "all" else f"-{scope.name}"
        path = ask_pdf_path(self, str(Path.home() / f"weekly-report-{data.week_label}{suffix}.pdf"))
        if not path:
            return None
        try:
            write_weekly_pdf(data, path, self.language.currentData(), self.paper.currentData())
        except OSError as exc:
            show_error(self, self.tr("Could not write %1: %2").replace("%1", path)
                       .replace("%2", exc.strerror or str(exc)))
            return None
        return Path(path)

    def done(self, result: int) -> None:
        self.save_notes()
        super().done(result)



