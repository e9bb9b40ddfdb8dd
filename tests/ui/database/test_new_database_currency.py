"""File ▸ New database asks the currency its amounts are kept in, and shows them in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog

from funnel_desktop.store.queries import get_setting
from funnel_desktop.ui.common import ask
from funnel_desktop.ui.database.new_database_dialog import NewDatabaseDialog
from funnel_desktop.ui.main_window import MainWindow


def test_a_new_database_keeps_the_currency_chosen(window: MainWindow, answers: Any,
                                                  tmp_path: Path, monkeypatch) -> None:
    seen: list[NewDatabaseDialog] = []

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, NewDatabaseDialog)
        assert dialog.chosen() == "USD"  # English: dollars offered first
        dialog.currency.setCurrentIndex(dialog.currency.findData("EUR"))
        seen.append(dialog)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ask, "run_dialog", choose)
    path = tmp_path / "euro.sqlite"
    answers.paths = [str(path)]
    window.new_database()
    assert seen and path.exists() and window.opened.location == str(path)
    assert get_setting("currency") == "EUR"
    assert window.ctx.fmt.money(1_250_000) == "€12,500"


def test_cancelling_the_question_makes_no_file(window: MainWindow, answers: Any,
                                               tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ask, "run_dialog", lambda dialog: dialog.reject())
    path = tmp_path / "never.sqlite"
    answers.paths = [str(path)]
    before = window.opened.location
    window.new_database()
    assert not path.exists() and window.opened.location == before


def test_chinese_offers_yuan(qtbot: Any) -> None:
    dlg = NewDatabaseDialog("x.sqlite", "zh")
    qtbot.addWidget(dlg)
    assert dlg.chosen() == "CNY"
