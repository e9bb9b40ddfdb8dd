"""First run: an empty profile greets the user, and what they choose on the welcome page is
what they get (pipeline template, kept lists, business name, currency, language, demo)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from funnel_desktop.core.templates import TEMPLATES, template
from funnel_desktop.paths import default_db_path
from funnel_desktop.store.models import Deal, Pipeline, Reason, Source, Stage, database
from funnel_desktop.store.queries import get_setting
from funnel_desktop.ui import app as app_module
from funnel_desktop.ui.database import welcome
from funnel_desktop.ui.database.welcome import WelcomeChoice, WelcomeDialog
from funnel_desktop.ui.main_window import MainWindow


@pytest.fixture
def first_run(qtbot: Any, ui_settings: QSettings, answers: Any,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """``start(choice)`` runs the app's start on the (isolated) user profile, answering the
    welcome page with ``choice``; it records whether the page was shown."""
    shown: list[str] = []

    def start(choice: WelcomeChoice | None, db: str | None = None) -> MainWindow | int:
        def ask_welcome(parent: Any, lang: str) -> WelcomeChoice | None:
            shown.append(lang)
            return choice

        monkeypatch.setattr(welcome, "ask_welcome", ask_welcome)
        result = app_module.start(db, None, ui_settings)
        if isinstance(result, MainWindow):
            qtbot.addWidget(result)
        return result

    start.shown = shown  # type: ignore[attr-defined]
    yield start
    for w in app_module.WINDOWS:
        w.ctx.bridge.detach()
    app_module.WINDOWS.clear()
    app_module.TRANSLATION.switch("en")
    if database.obj is not None:
        database.obj.close()


def stage_names(pipeline: Pipeline) -> list[str]:
    return [s.name for s in Stage.select().where(Stage.pipeline == pipeline.id)
            .order_by(Stage.position)]


def test_first_run_creates_the_chosen_template(first_run: Any, ui_settings: QSettings) -> None:
    w = first_run(WelcomeChoice("Acme Trading", "en", "EUR", "weekly6"))
    assert isinstance(w, MainWindow)
    assert first_run.shown == ["en"]
    assert w.opened.location == str(default_db_path())
    assert [p.template for p in Pipeline.select()] == ["weekly6"]
    p = Pipeline.get()
    assert p.name == "Weekly-review six stages"
    assert stage_names(p) == [s.en for s in template("weekly6").stages]
    assert [c.stage.name for c in w.board_page.board.columns] == [
        "Prospect", "First contact", "Need confirmed", "Proposal", "Quote & negotiation"]
    assert Reason.select().count() == 11 and Source.select().count() == 6
    assert Deal.select().count() == 0
    assert (get_setting("business_name"), get_setting("currency")) == ("Acme Trading", "EUR")
    assert ui_settings.value("ui/language") == "en"
    assert w.ctx.fmt.currency == "€"
    assert w.board_page.strip.pipeline.value.text() == "€0"
    assert w.windowTitle() == f"Acme Trading — {default_db_path().name} — Funnel Desktop"
    # the next start goes straight to the window
    database.obj.close()
    app_module.WINDOWS.clear()
    w2 = first_run(None)
    assert isinstance(w2, MainWindow) and first_run.shown == ["en"]
    assert Pipeline.select().count() == 1


def test_quitting_the_welcome_page_creates_nothing(first_run: Any) -> None:
    assert first_run(None) == 0
    assert first_run.shown == ["en"]
    assert default_db_path().exists()  # an empty database: the next start asks again
    from funnel_desktop.store.db import open_database

    opened = open_database(default_db_path())
    assert not Pipeline.select().exists()
    opened.db.close()


def test_first_run_in_chinese_with_the_demo(first_run: Any, ui_settings: QSettings) -> None:
    w = first_run(WelcomeChoice("", "zh", "CNY", "consult7", demo=True))
    assert isinstance(w, MainWindow) and w.lang == "zh"
    assert app_module.TRANSLATION.lang == "zh"
    assert [(p.template, p.name) for p in Pipeline.select().order_by(Pipeline.position)] == [
        ("b2b6", "B2B 六阶段"), ("consult7", "顾问式七步")]
    assert Deal.select().count() == 300
    assert stage_names(Pipeline.get(Pipeline.template == "consult7"))[3] == "确保入围"
    assert get_setting("business_name") is None and get_setting("currency") == "CNY"
    assert ui_settings.value("ui/language") == "zh"
    assert w.pipeline_combo.currentText() == "B2B 六阶段"  # the demo's deals are there


def test_another_database_is_prepared_without_the_welcome(first_run: Any, tmp_path: Any
                                                          ) -> None:
    from funnel_desktop.store.db import open_database

    open_database(tmp_path / "other.sqlite").db.close()  # an empty database file
    w = first_run(None, db=str(tmp_path / "other.sqlite"))
    assert isinstance(w, MainWindow) and first_run.shown == []
    assert [p.template for p in Pipeline.select()] == ["b2b6"]


def test_the_welcome_page(qtbot: Any) -> None:
    d = WelcomeDialog("en")
    qtbot.addWidget(d)
    d.show()
    try:
        assert d.templates.count() == len(TEMPLATES)
        assert d.chosen_template().code == "b2b6"
        assert d.currency.currentData() == "USD"
        d.templates.setCurrentRow(1)
        assert d.chosen_template().code == "p255075"
        assert [d.stages.topLevelItem(i).text(0) for i in range(d.stages.topLevelItemCount())] \
            == [s.en for s in template("p255075").stages]
        assert d.stages.topLevelItem(1).text(1) == "25 %"
        d.language.setCurrentIndex(d.language.findData("zh"))
        QApplication.processEvents()
        assert app_module.TRANSLATION.lang == "zh"
        assert d.currency.currentData() == "CNY"  # follows the language until chosen
        assert d.templates.item(1).text() == "25/50/75 漏斗"
        assert d.stages.topLevelItem(0).text(0) == "潜在用户"
        # the buttons keep their words in the new language (not the box's 确定 / 取消)
        assert (d.start_button.text(), d.quit_button.text()) == ("开始(&S)", "退出(&Q)")
        d.currency.setCurrentIndex(d.currency.findData("HKD"))
        d.currency.activated.emit(d.currency.currentIndex())
        d.language.setCurrentIndex(d.language.findData("en"))
        assert d.currency.currentData() == "HKD"
        d.business.setText("  Acme ")
        d.demo.setChecked(True)
        assert d.choice() == WelcomeChoice("Acme", "en", "HKD", "p255075", True)
        assert d.start_button.text() == "&Start"
        assert d.templates.item(1).data(Qt.ItemDataRole.UserRole) == "p255075"
    finally:
        app_module.TRANSLATION.switch("en")
