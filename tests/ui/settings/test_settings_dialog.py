"""Settings: a round trip through the database, checks at the field with nothing saved
half-way, the currency on the board, and a language switch that shows the window again."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog
from ui_support import NOW, TODAY

from funnel_desktop.core.health import HealthThresholds
from funnel_desktop.services import Services
from funnel_desktop.store.models import Setting
from funnel_desktop.store.queries import class_thresholds, get_setting
from funnel_desktop.ui import app as app_module
from funnel_desktop.ui.common import ask
from funnel_desktop.ui.main_window import MainWindow
from funnel_desktop.ui.settings.settings_dialog import BusinessSettings, SettingsDialog


@pytest.fixture
def dialog(qtbot: Any, window: MainWindow, ui_services: Services) -> SettingsDialog:
    d = SettingsDialog(ui_services, window.settings, "en", window)
    qtbot.addWidget(d)
    d.show()
    QApplication.processEvents()
    return d


def test_defaults_are_shown(dialog: SettingsDialog) -> None:
    d = dialog
    assert d.loaded == BusinessSettings()
    assert (d.business.text(), d.currency.currentData(), d.use_wan.isChecked()) == \
        ("", "CNY", True)
    assert d.week_start.currentText() == "Monday"
    assert d.big_amount.text() == "100,000"  # 10,000,000 minor units
    assert (d.soon_days.value(), d.idle_days.value(), d.backup_keep.value()) == (90, 30, 10)
    assert d.health["min_open_deals"].value() == 15
    assert d.health["lumpy_share"].value() == 50  # 0.5 shown as percent
    assert d.health["bottleneck_ratio"].value() == pytest.approx(0.5)
    assert d.language.currentData() == ""  # follow the system


def test_settings_round_trip(dialog: SettingsDialog, window: MainWindow,
                             ui_services: Services) -> None:
    d = dialog
    d.business.setText("  Acme Trading  ")
    d.currency.setCurrentIndex(d.currency.findData("EUR"))
    d.use_wan.setChecked(False)
    d.week_start.setCurrentIndex(6)
    d.backup_keep.setValue(5)
    d.big_amount.setText("250,000")
    d.soon_days.setValue(60)
    d.idle_days.setValue(0)  # "No limit"
    assert d.idle_days.text() == "No limit"
    d.health["min_open_deals"].setValue(20)
    d.health["lumpy_share"].setValue(60)
    d.health["lumpy_empty_share"].setValue(10)
    d.health["bottleneck_ratio"].setValue(0.4)
    assert d.save()
    assert d.result() == QDialog.DialogCode.Accepted and not d.language_changed
    assert get_setting("business_name") == "Acme Trading"
    assert (get_setting("currency"), get_setting("use_wan"), get_setting("week_start")) == \
        ("EUR", False, 6)
    assert (get_setting("class_big_amount"), get_setting("class_soon_days"),
            get_setting("backup_keep")) == (25_000_000, 60, 5)
    health = HealthThresholds.from_dict(get_setting("health_thresholds"))
    assert (health.min_open_deals, health.lumpy_share, health.lumpy_empty_share,
            health.bottleneck_ratio, health.default_idle_days) == (20, 0.6, 0.1, 0.4, None)
    assert health.min_coverage == 3.0  # untouched fields keep their values
    assert class_thresholds().big_amount == 25_000_000
    # a new dialog shows what was saved, and saving it again writes nothing
    again = SettingsDialog(ui_services, window.settings, "en", window)
    assert again.collect() == BusinessSettings.load() == d.loaded
    assert again.big_amount.text() == "250,000" and again.idle_days.value() == 0
    assert again.week_start.currentText() == "Sunday"
    rows = {s.key: s.value for s in Setting.select()}
    events = []
    ui_services.bus.subscribe(events.append)
    assert again.save()
    assert events == [] and {s.key: s.value for s in Setting.select()} == rows
    # the board follows: € and the new class threshold
    assert window.ctx.fmt.currency == "€"
    assert window.board_page.strip.pipeline.value.text().startswith("€")
    assert window.ctx.thresholds.big_amount == 25_000_000


def test_problems_are_shown_at_the_field_and_nothing_is_saved(dialog: SettingsDialog) -> None:
    d = dialog
    before = {s.key: s.value for s in Setting.select()}
    d.business.setText("Acme")
    d.big_amount.setText("lots")
    d.health["lumpy_share"].setValue(10)
    d.health["lumpy_empty_share"].setValue(20)
    assert not d.save()
    assert d.errors.shown() == {
        "big_amount": "Write the big-deal amount as a positive number, like 100,000 (not "
                      "“lots”).",
        "lumpy_empty_share": "An empty month must hold less of the expected value than a "
                             "lumpy one (20 % is not below 10 %)."}
    assert d.tabs.currentIndex() == 1  # the first problem is brought into view
    assert {s.key: s.value for s in Setting.select()} == before  # not even the name
    d.big_amount.setText("0")
    assert not d.save() and "big_amount" in d.errors.shown()
    d.big_amount.setText("¥80,000")
    d.health["lumpy_empty_share"].setValue(5)
    assert d.save()
    assert get_setting("class_big_amount") == 8_000_000 and get_setting("business_name") == "Acme"


def test_restore_defaults_keeps_name_and_currency(dialog: SettingsDialog) -> None:
    d = dialog
    d.business.setText("Acme")
    d.currency.setCurrentIndex(d.currency.findData("USD"))
    d.soon_days.setValue(7)
    d.health["small_bands"].setValue(5)
    d.restore_defaults()
    assert (d.business.text(), d.currency.currentData()) == ("Acme", "USD")
    assert (d.soon_days.value(), d.health["small_bands"].value()) == (90, 2)


def test_an_older_currency_symbol_is_understood(window: MainWindow, ui_services: Services
                                                ) -> None:
    ui_services.set_setting("currency_symbol", "$")
    assert BusinessSettings.load().currency == "USD"
    assert window.ctx.fmt.currency == "$"


def test_a_new_language_shows_the_window_again(qtbot: Any, demo: Any, ui_services: Services,
                                               ui_settings: QSettings, answers: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from ui_support import prepare_database

    prepare_database(ui_services, "en")
    old = MainWindow(ui_services, demo, "en", ui_settings, today=lambda: TODAY,
                     now=lambda: NOW)
    old.show()
    old.show_page("customers")

    def choose_chinese(dlg: Any) -> int:
        assert isinstance(dlg, SettingsDialog)
        dlg.language.setCurrentIndex(dlg.language.findData("zh"))
        assert dlg.save()
        return dlg.result()

    monkeypatch.setattr(ask, "run_dialog", choose_chinese)
    try:
        old.open_settings()
        assert ui_settings.value("ui/language") == "zh"
        new = app_module.WINDOWS[-1]  # (it closes itself below: not given to qtbot)
        assert new is not old and new.lang == "zh" and new.isVisible()
        assert not old.isVisible()  # closed (and deleted once events run)
        assert app_module.TRANSLATION.lang == "zh"
        assert new.menuBar().actions()[0].text() != "&File"  # translated
        assert new.current_page() == "customers" and new.opened is demo
        assert new.ctx.fmt.zh
        # back to English the same way; the Chinese window goes
        new.change_language("en")
        newest = app_module.WINDOWS[-1]
        qtbot.addWidget(newest)
        assert newest.menuBar().actions()[0].text() == "&File"
        newest.ctx.bridge.detach()
    finally:
        app_module.TRANSLATION.switch("en")
        app_module.WINDOWS.clear()


def test_a_save_runs_through_the_runner_and_stores_all_or_nothing(
        dialog: SettingsDialog, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        answers: Any) -> None:
    """Every changed setting is written in one transaction through the window's runner: a
    refusal half-way keeps all of them as they were, and says so."""
    d = dialog
    seen: list[tuple[str, bool]] = []
    window.ctx.runner.finished.connect(lambda label, ok: seen.append((label, ok)))
    d.business.setText("Acme Trading")
    d.soon_days.setValue(45)
    from funnel_desktop.services import api

    real = api.v.checked_text
    calls: list[str] = []

    def refuse_second(text: str, field: str, limit: int | None = None) -> str:
        calls.append(text)
        if len(calls) == 2:
            from funnel_desktop.core.errors import ValidationError
            raise ValidationError("text_too_long", field, value=text)
        return real(text, field, limit)

    monkeypatch.setattr(api.v, "checked_text", refuse_second)
    assert not d.save()
    assert seen == [("Settings", False)]
    assert get_setting("business_name", "") == "" and Setting.get_or_none(
        Setting.key == "class_soon_days") is None
    monkeypatch.setattr(api.v, "checked_text", real)
    assert d.save()
    assert seen[-1] == ("Settings", True)
    assert get_setting("business_name", "") == "Acme Trading"
