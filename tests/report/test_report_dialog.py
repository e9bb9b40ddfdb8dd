"""Reports → Weekly report: notes kept per week and scope, PDF saved, preview painted."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from PySide6.QtPrintSupport import QPrinter

from funnel_desktop.report import dialog as report_dialog
from funnel_desktop.report.dialog import WeeklyReportDialog
from funnel_desktop.services import Services
from funnel_desktop.store.models import WeeklyNote


@pytest.fixture
def dlg(qtbot, demo):
    d = WeeklyReportDialog(Services(user="t"), "en", today=lambda: date(2026, 11, 18))
    qtbot.addWidget(d)
    return d


def test_week_and_notes_are_kept_per_week_and_scope(dlg):
    assert dlg.label() == "2026-W47"
    assert "2026-11-16" in dlg.week_label.text()
    dlg.notes.setPlainText("Call the three stale quotes.\nBook two demos.")
    dlg.next_week.click()
    assert dlg.label() == "2026-W48"
    assert dlg.notes.toPlainText() == ""
    note = WeeklyNote.get(WeeklyNote.week == "2026-W47")
    assert (note.scope, note.text) == ("all", "Call the three stale quotes.\nBook two demos.")
    dlg.prev_week.click()
    assert dlg.notes.toPlainText().startswith("Call the three")
    dlg.scope.setCurrentIndex(1)  # a team: its own notes
    assert dlg.notes.toPlainText() == ""


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_save_as_pdf_carries_the_notes(dlg, tmp_path, monkeypatch):
    out = tmp_path / "w47.pdf"
    monkeypatch.setattr(report_dialog, "ask_pdf_path", lambda parent, suggested: str(out))
    dlg.notes.setPlainText("Chase <Acme> & co.")
    dlg.language.setCurrentIndex(1)  # 中文
    assert dlg.save_pdf() == out
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Chase <Acme> & co." in text
    assert "2026-W47" in text


def test_preview_paints_every_page(dlg, tmp_path, monkeypatch):
    painted = []

    def fake_run(d):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "preview.pdf"))
        d.paintRequested.emit(printer)
        painted.append(printer.resolution())
        return 0

    monkeypatch.setattr(report_dialog, "run_dialog", fake_run)
    dlg.preview()
    assert painted and (tmp_path / "preview.pdf").stat().st_size > 10_000


def test_cancelled_save_writes_nothing(dlg, tmp_path, monkeypatch):
    monkeypatch.setattr(report_dialog, "ask_pdf_path", lambda parent, suggested: None)
    assert dlg.save_pdf() is None
    assert not list(tmp_path.glob("*.pdf*"))
