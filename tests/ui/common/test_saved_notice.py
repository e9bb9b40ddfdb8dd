"""No silent successes: after a PDF, an export, a chart, a copy or a backup was written, a line
says so with Open and Show in folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from funnel_desktop.report import dialog as report_dialog
from funnel_desktop.report.dialog import WeeklyReportDialog
from funnel_desktop.ui.common import saved_notice
from funnel_desktop.ui.main_window import MainWindow
from funnel_desktop.ui.transfer import export_dialog
from funnel_desktop.ui.transfer.export_dialog import ExportDialog


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path]]:
    """What Open and Show in folder were asked to show (nothing is launched)."""
    seen: list[tuple[str, Path]] = []
    monkeypatch.setattr(saved_notice, "open_file", lambda p: seen.append(("open", p)))
    monkeypatch.setattr(saved_notice, "show_in_folder", lambda p: seen.append(("folder", p)))
    return seen


def test_export_says_what_it_wrote(window: MainWindow, tmp_path: Path, monkeypatch: Any,
                                   opened: list) -> None:
    target = tmp_path / "deals.csv"

    def drive(dialog: ExportDialog) -> int:
        dialog.path.setText(str(target))
        dialog.export_button.click()
        return 1

    monkeypatch.setattr(export_dialog, "_exec", drive)
    notice = window.saved_notice
    assert notice.isHidden()
    window.export_data()
    assert notice.isVisible() and notice.text.text() == "Exported 300 rows to deals.csv"
    notice.open_button.click()
    notice.folder_button.click()
    assert opened == [("open", target), ("folder", target)]


def test_a_copy_and_a_backup_show_their_folder(window: MainWindow, answers: Any,
                                               tmp_path: Path) -> None:
    dest = tmp_path / "copy.sqlite"
    answers.paths = [str(dest)]
    assert window.save_copy() == dest
    notice = window.saved_notice
    assert notice.isVisible() and notice.text.text() == f"Saved a copy to {dest}"
    assert notice.open_button.isHidden() and notice.folder_button.isVisible()
    out = window.backup_now()
    assert out is not None and notice.text.text() == f"Backed up to {out}"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_weekly_report_pdf_is_confirmed(window: MainWindow, qtbot: Any, tmp_path: Path,
                                        monkeypatch: Any, opened: list) -> None:
    out = tmp_path / "w48.pdf"
    monkeypatch.setattr(report_dialog, "ask_pdf_path", lambda parent, suggested: str(out))
    dlg = WeeklyReportDialog(window.ctx.services, "en", window, today=window.ctx.today)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.saved.isHidden()
    assert dlg.save_pdf() == out
    assert dlg.saved.isVisible() and dlg.saved.text.text() == "Saved w48.pdf"
    dlg.saved.open_button.click()
    assert opened == [("open", out)]


def test_a_saved_chart_is_confirmed(window: MainWindow, tmp_path: Path) -> None:
    window.show_page("analytics")
    page = window.analytics()
    page.threaded = False
    page.refresh()
    path = page.funnel.save_png(str(tmp_path / "funnel"))
    assert path == tmp_path / "funnel.png" and path.exists()
    assert page.saved_notice.isVisible()
    assert page.saved_notice.text.text() == "Saved funnel.png"
