"""File ▸ New database asks what the first run asks — the business's name, the currency and
the sales stages — and the window's title names the business and the file."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from funnel_desktop.core.templates import TEMPLATES, template
from funnel_desktop.store.models import Pipeline, Reason, Stage
from funnel_desktop.store.queries import get_setting
from funnel_desktop.ui.common import ask
from funnel_desktop.ui.common.language import TRANSLATION
from funnel_desktop.ui.database.new_database_dialog import NewDatabaseDialog
from funnel_desktop.ui.database.setup_form import DatabaseSetup
from funnel_desktop.ui.main_window import MainWindow


def choose(business: str, currency: str, code: str) -> Any:
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, NewDatabaseDialog)
        dialog.form.business.setText(business)
        dialog.currency.setCurrentIndex(dialog.currency.findData(currency))
        dialog.form.templates.setCurrentRow([t.code for t in TEMPLATES].index(code))
        dialog.accept()
        return QDialog.DialogCode.Accepted
    return run


def test_file_new_sets_up_the_business_currency_and_stages(
        window: MainWindow, answers: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    monkeypatch.setattr(ask, "run_dialog", choose("  Acme   Trading ", "EUR", "weekly6"))
    path = tmp_path / "acme.sqlite"
    answers.paths = [str(path)]
    window.new_database()
    assert window.opened.location == str(path)
    assert [p.template for p in Pipeline.select()] == ["weekly6"]  # not the B2B six as well
    assert [s.name for s in Stage.select().order_by(Stage.position)] == [
        s.en for s in template("weekly6").stages]
    assert Reason.select().count() > 0  # the kept lists too
    assert (get_setting("business_name"), get_setting("currency")) == ("Acme Trading", "EUR")
    assert window.ctx.fmt.money(1_250_000) == "€12,500"
    assert window.board_page.board.columns[0].stage.name == "Prospect"
    assert window.windowTitle() == "Acme Trading — acme.sqlite — Funnel Desktop"


def test_the_title_follows_the_business_name(window: MainWindow) -> None:
    assert window.windowTitle() == f"{Path(window.opened.location).name} — Funnel Desktop"
    window.ctx.services.set_setting("business_name", "Bright %2 Tools")
    assert window.windowTitle() == \
        f"Bright %2 Tools — {Path(window.opened.location).name} — Funnel Desktop"
    window.ctx.services.set_setting("business_name", "   ")
    assert window.windowTitle() == f"{Path(window.opened.location).name} — Funnel Desktop"


def test_the_new_database_dialog_in_chinese(qtbot: Any) -> None:
    TRANSLATION.switch("zh")
    try:
        dlg = NewDatabaseDialog("/tmp/新的.sqlite", "zh")
        qtbot.addWidget(dlg)
        assert dlg.windowTitle() == "新建数据库"
        assert dlg.create_button.text() == "创建(&R)"
        assert dlg.form.templates.currentItem().text() == template("b2b6").zh
        assert dlg.form.stages.topLevelItem(0).text(0) == template("b2b6").stages[0].zh
        assert dlg.form.business_label.text() == "企业名称(&B)："
        assert dlg.setup() == DatabaseSetup("", "CNY", "b2b6")
    finally:
        TRANSLATION.switch("en")


def test_the_new_database_dialog_has_one_key_per_field(qtbot: Any) -> None:
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    dlg = NewDatabaseDialog("x.sqlite", "en")
    qtbot.addWidget(dlg)
    dlg.show()
    texts = [w.text() for w in dlg.findChildren(QWidget) if w.isVisibleTo(dlg) and (
        isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None))]
    keys = [m.lower() for t in texts for m in re.findall(r"&([^&\s])", t.replace("&&", ""))]
    assert len(keys) >= 4 and len(set(keys)) == len(keys), keys


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_template_row_is_as_tall_as_its_text(qtbot: Any, lang: str) -> None:
    """The templates' names are set after the rows were made (and again on a language
    switch): every row is laid out for its text — the first-run page showed them squeezed
    together, only the current one full height."""
    from PySide6.QtWidgets import QApplication

    from funnel_desktop.ui.app import style_sheet
    from funnel_desktop.ui.database.welcome import WelcomeDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(style_sheet())  # the rows' padding comes from the style sheet
    d = WelcomeDialog(lang)
    qtbot.addWidget(d)
    d.show()
    QApplication.processEvents()
    view = d.form.templates
    heights = [view.visualItemRect(view.item(i)).height() for i in range(view.count())]
    assert len(set(heights)) == 1, heights
    assert heights[0] >= view.fontMetrics().height()
    rects = [view.visualItemRect(view.item(i)) for i in range(view.count())]
    app.setStyleSheet(before)
    assert all(a.bottom() < b.top() for a, b in pairwise(rects))
