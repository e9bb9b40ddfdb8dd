"""The import wizard, the export dialog and the database-problem dialog, driven page by page
(offscreen; modal questions replaced)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from funnel_desktop.core.errors import StoreError
from funnel_desktop.services import Services
from funnel_desktop.store.backup import backup_now
from funnel_desktop.store.db import open_database
from funnel_desktop.store.importing import maven_crm
from funnel_desktop.store.models import Deal, Owner, Pipeline, database
from funnel_desktop.ui.database import db_problem_dialog
from funnel_desktop.ui.database.db_problem_dialog import DbChoice, DbProblemDialog
from funnel_desktop.ui.transfer import export_dialog, import_wizard
from funnel_desktop.ui.transfer.export_dialog import ExportDialog
from funnel_desktop.ui.transfer.import_wizard import ImportWizard
from tests.conftest import DATASETS

MAVEN = DATASETS / "maven-crm" / "sales_pipeline.csv"


@pytest.fixture
def pipeline(services: Services) -> int:
    services.seed_lists("en")
    return services.create_pipeline("b2b6", "en").value


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    for module in (import_wizard, export_dialog):
        monkeypatch.setattr(module, "show_error", lambda parent, text: seen.append(text))
    return seen


def _wizard(qtbot: Any, services: Services, pipeline: int) -> ImportWizard:
    w = ImportWizard(services, pipeline)
    qtbot.addWidget(w)
    w.show()
    return w


def test_maven_through_the_wizard_with_a_loaded_preset(qtbot, qtmodeltester, services,
                                                       pipeline, tmp_path, monkeypatch,
                                                       errors):
    preset = maven_crm().save(tmp_path / "maven.json")
    w = _wizard(qtbot, services, pipeline)
    assert w.currentPage() is w.file_page and not w.file_page.isComplete()
    w.file_page.path_edit.setText(str(MAVEN))
    w.next()
    assert w.currentPage() is w.format_page
    assert w.format_page.info.text() == ("Encoding UTF-8, delimiter comma: 8800 rows, "
                                         "8 columns.")
    model = w.format_page.model
    assert (model.rowCount(), model.columnCount()) == (20, 8)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "opportunity_id"
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"  # spreadsheet row numbers
    qtmodeltester.check(model)
    w.next()
    page = w.columns_page
    assert page.columns()["sales_agent"] == "owner.name"  # guessed from the header
    monkeypatch.setattr(import_wizard, "ask_open_path", lambda *a: str(preset))
    page.load_preset()
    assert page.columns() == maven_crm().columns
    w.next()
    values = w.values_page
    assert {v: c.currentText() for v, c in values.stage_combos.items()} == {
        "Won": "Won", "Engaging": "Product introduction", "Lost": "Lost",
        "Prospecting": "Nurture & identify"}
    assert values.from_price.isChecked() and values.from_price.isEnabled()
    assert values.closed_via.currentText() == "Product introduction"
    assert "accounts.csv, products.csv, sales_teams.csv" in values.lookups.text()
    w.next()
    check = w.check_page
    assert check.isComplete() and check.problems.rowCount() == 0
    assert check.summary.text().startswith("Deals: 8800 new, 0 updated, 0 already up to date.")
    assert "“GTXPro” was matched to “GTX Pro” in products.csv (1480 rows)." in (
        check.notes.text())
    assert w.button(QWizard.WizardButton.CommitButton).text() == "Import"
    assert Deal.select().count() == 0  # the dry run wrote nothing
    w.next()
    assert w.currentPage() is w.done_page and errors == []
    assert w.outcome is not None and w.outcome.value.created["deals"] == 8800
    assert Deal.select().count() == 8800 and Owner.select().count() == 30
    services.undo(w.outcome.inverse)
    assert Deal.select().count() == 0 and Owner.select().count() == 0


def test_problems_are_listed_in_words_and_block_the_import(qtbot, services, pipeline,
                                                           tmp_path, errors):
    path = tmp_path / "bad.csv"
    path.write_text("Title;Amount;Stage;Created\nServer;1.234,50;Won;2026-01-05\n"
                    "Cloud;lots;Won;2026-01-05\nDisk;5;Someday;2026-13-01\n",
                    encoding="utf-8")
    w = _wizard(qtbot, services, pipeline)
    w.file_page.path_edit.setText(str(path))
    w.next()
    assert w.table.delimiter == ";"
    w.next()
    assert w.columns_page.columns() == {"Title": "deal.title", "Amount": "deal.amount",
                                        "Stage": "deal.stage", "Created": "deal.created"}
    w.next()
    combos = w.values_page.stage_combos
    assert combos["Won"].currentText() == "Won"
    assert combos["Someday"].currentData() == ""  # not guessed: the user must choose
    w.values_page.amount_format.setCurrentIndex(w.values_page.amount_format.findData(
        "1.234,56"))
    w.next()
    table = w.check_page.problems
    rows = [(table.item(i, 0).text(), table.item(i, 1).text(), table.item(i, 2).text())
            for i in range(table.rowCount())]
    assert rows == [
        ("3", "Amount", "“lots” is not an amount. Write it like 12,500.00."),
        ("4", "Created", "“2026-13-01” is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-24."),
        ("4", "Stage", "Stage “Someday” is not mapped to a stage of this pipeline."),
    ]
    assert not w.check_page.isComplete()
    assert not w.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert "2 rows have problems" in w.check_page.summary.text()
    w.back()
    w.values_page.skip_invalid.setChecked(True)
    w.next()
    assert w.check_page.isComplete()
    w.next()
    assert [(d.title, d.amount) for d in Deal.select()] == [("Server", 123450)]
    assert "Rows read: 3; skipped: 2." in w.done_page.summary.text()


def test_gbk_file_detected_and_a_wrong_encoding_explained(qtbot, services, pipeline, tmp_path,
                                                          errors):
    path = tmp_path / "商机.csv"
    path.write_bytes("商机名称,客户名称,金额,销售阶段\n服务器采购,华信科技,12.5万,赢单\n"
                     .encode("gbk"))
    w = _wizard(qtbot, services, pipeline)
    w.file_page.path_edit.setText(str(path))
    w.next()
    assert w.format_page.info.text().startswith("Encoding GB18030")
    assert w.format_page.model.data(w.format_page.model.index(0, 0)) == "服务器采购"
    enc = w.format_page.encoding
    enc.setCurrentIndex(enc.findData("utf-8"))
    w.format_page.reload()
    assert errors and "could not be read as text in utf-8" in errors[-1]
    w.next()
    assert w.columns_page.columns() == {"商机名称": "deal.title", "客户名称": "customer.name",
                                        "金额": "deal.amount", "销售阶段": "deal.stage"}
    w.next()
    assert w.values_page.stage_combos["赢单"].currentText() == "Won"
    w.next()
    w.next()
    deal = Deal.get()
    assert (deal.title, deal.amount, deal.stage.kind) == ("服务器采购", 12_500_000, "won")


def test_a_missing_file_is_explained_and_the_mapping_saved(qtbot, services, pipeline, tmp_path,
                                                           monkeypatch, errors):
    w = _wizard(qtbot, services, pipeline)
    w.file_page.path_edit.setText(str(tmp_path / "nowhere.csv"))
    w.next()
    assert w.currentPage() is w.file_page
    assert errors == [f"The file {tmp_path / 'nowhere.csv'} does not exist."]
    path = tmp_path / "x.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Deal", "Value", "Stage"])
    wb.active.append(["Router", 250, "Prospecting"])
    wb.save(path)
    w.file_page.path_edit.setText(str(path))
    w.next()
    assert w.format_page.sheet.isEnabled() and not w.format_page.encoding.isEnabled()
    w.next()
    w.next()
    saved = tmp_path / "mine.json"
    monkeypatch.setattr(import_wizard, "ask_save_path", lambda *a: str(saved))
    w.values_page.save_preset()
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["columns"] == {"Deal": "deal.title", "Value": "deal.amount",
                               "Stage": "deal.stage"}
    assert data["stage_map"] == {"Prospecting": "Nurture & identify"}


def test_run_import_wizard_returns_the_outcome_or_none(qtbot, services, pipeline, tmp_path,
                                                       monkeypatch):
    path = tmp_path / "d.csv"
    path.write_text("title,amount\nA,1\nB,2\n", encoding="utf-8")

    def drive(w: ImportWizard) -> int:
        w.show()
        w.file_page.path_edit.setText(str(path))
        for _ in range(5):
            w.next()
        return 1

    monkeypatch.setattr(import_wizard, "_exec", drive)
    outcome = import_wizard.run_import_wizard(None, services, pipeline)
    assert outcome is not None and outcome.value.created["deals"] == 2
    monkeypatch.setattr(import_wizard, "_exec", lambda w: 0)
    assert import_wizard.run_import_wizard(None, services, pipeline) is None


def test_export_dialog_writes_the_chosen_file(qtbot, demo, tmp_path, monkeypatch, errors):
    d = ExportDialog()
    qtbot.addWidget(d)
    target = tmp_path / "out" / "deals"
    monkeypatch.setattr(export_dialog, "ask_save_path", lambda *a: str(target))
    d.fmt.setCurrentIndex(d.fmt.findData("xlsx"))
    d.browse()
    assert d.path.text() == str(target) + ".xlsx" and not d.bom.isEnabled()
    assert d.export_now() and d.written == Path(str(target) + ".xlsx")
    assert d.count == 300 and d.written.exists()
    d2 = ExportDialog()
    qtbot.addWidget(d2)
    d2.what.setCurrentIndex(d2.what.findData("customers"))
    assert not d2.pipeline.isEnabled()
    d2.path.setText(str(tmp_path / "c.csv"))
    assert d2.export_now()
    assert (tmp_path / "c.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM by default

    def drive(dialog: ExportDialog) -> int:
        dialog.path.setText(str(tmp_path / "a.csv"))
        dialog.what.setCurrentIndex(dialog.what.findData("activities"))
        dialog.export_button.click()
        return 1

    monkeypatch.setattr(export_dialog, "_exec", drive)
    assert export_dialog.run_export_dialog(None) == tmp_path / "a.csv"
    monkeypatch.setattr(export_dialog, "_exec", lambda dialog: 0)
    assert export_dialog.run_export_dialog(None) is None


def test_db_problem_dialog_offers_what_applies(qtbot, tmp_path, monkeypatch):
    good = tmp_path / "shop.sqlite"
    opened = open_database(good)
    Pipeline.create(name="Sales")
    opened.db.close()
    older = backup_now(good, backup_dir=tmp_path / "backups", label="auto")
    newer = backup_now(good, backup_dir=tmp_path / "backups", label="manual")
    stamp = older.stat().st_mtime
    os.utime(older, (stamp - 60, stamp - 60))  # made a minute apart, whatever the clock did
    good.write_bytes(good.read_bytes()[:1000])
    with pytest.raises(StoreError) as info:
        open_database(good)
    d = DbProblemDialog(info.value, good)
    qtbot.addWidget(d)
    assert list(d.buttons) == ["restore", "open_other", "quit"]
    assert d.list.count() == 2 and "made by hand" in d.list.item(0).text()
    d.list.setCurrentRow(1)
    d.choose("restore")
    assert d.choice == DbChoice("restore", older)
    assert newer.exists()

    locked = DbProblemDialog(StoreError("db_locked", path=str(good)), good)
    qtbot.addWidget(locked)
    assert list(locked.buttons) == ["retry", "read_only", "open_other", "quit"]
    monkeypatch.setattr(db_problem_dialog, "ask_open_path", lambda *a: None)
    locked.choose("open_other")  # cancelled: the dialog stays
    assert locked.choice == DbChoice("quit") and locked.isVisible() is False
    monkeypatch.setattr(db_problem_dialog, "ask_open_path", lambda *a: str(tmp_path / "o.db"))
    locked.choose("open_other")
    assert locked.choice == DbChoice("open_other", tmp_path / "o.db")

    newer_db = DbProblemDialog(StoreError("db_newer", path="x", found=9, known=2),
                               tmp_path / "none.sqlite")
    qtbot.addWidget(newer_db)
    assert list(newer_db.buttons) == ["open_other", "quit"]  # no backups to offer

    def drive(dialog: DbProblemDialog) -> int:
        dialog.buttons["read_only"].click()
        return 1

    monkeypatch.setattr(db_problem_dialog, "_exec", drive)
    ro = StoreError("db_readonly", path=str(good))
    assert db_problem_dialog.run_db_problem_dialog(None, ro, good) == DbChoice("read_only")
    monkeypatch.setattr(db_problem_dialog, "_exec", lambda dialog: dialog.reject() or 0)
    assert db_problem_dialog.run_db_problem_dialog(None, ro, good) == DbChoice("quit")
    database.initialize(None)


def test_pages_fit_what_they_show(qtbot, services, pipeline, tmp_path, errors):
    """A CSV has no sheet to choose (no empty "Sheet:" combo), a workbook no encoding; the
    preview's headers are whole; the stage table shows every stage value of the file."""
    w = _wizard(qtbot, services, pipeline)
    w.file_page.path_edit.setText(str(MAVEN))
    w.next()
    page = w.format_page
    assert page.encoding.isVisible() and page.delimiter.isVisible()
    assert page.sheet.isHidden() and page.form.labelForField(page.sheet).isHidden()
    header = page.view.horizontalHeader()
    metrics = header.fontMetrics()
    for col in range(header.count()):
        title = page.model.headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= metrics.horizontalAdvance(title), title
    w.next()
    w.next()
    stages = w.values_page.stages
    shown = stages.minimumHeight() - stages.horizontalHeader().height()
    assert stages.rowCount() == 4 and shown >= sum(stages.rowHeight(r) for r in range(4))

    book = tmp_path / "deals.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Deals"
    wb.active.append(["title", "amount", "stage"])
    wb.active.append(["ERP rollout", 12000, "Won"])
    wb.save(book)
    w2 = _wizard(qtbot, services, pipeline)
    w2.file_page.path_edit.setText(str(book))
    w2.next()
    page2 = w2.format_page
    assert page2.sheet.isVisible() and page2.sheet.currentText() == "Deals"
    assert page2.encoding.isHidden() and page2.delimiter.isHidden()
    assert not errors
