"""Simplified Chinese everywhere: the translation files are complete and current, every window,
dialog and menu shows Chinese (a walk over their texts fails on English left behind), the
weekly report prints in Chinese, and the command line answers in Chinese."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
    QWizard,
)
from ui_support import TODAY, make_window

from funnel_desktop.core.errors import StoreError
from funnel_desktop.i18n import Translation, load_translators
from funnel_desktop.services import Services
from funnel_desktop.store.backup import backup_now
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.models import Deal, Stage, database
from funnel_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "translations.py"


def tool() -> ModuleType:
    """tools/translations.py, imported from its file (tools/ is not a package)."""
    name = "funnel_translations_tool"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, TOOL)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


# -- the files ---------------------------------------------------------------------------------
def test_every_message_is_translated_and_the_files_are_current() -> None:
    result = tool().check()
    assert result.messages, "lupdate found no message at all"
    assert result.missing == [], "untranslated (run tools/translations.py --missing)"
    assert result.bad == []
    assert result.invisible == [], "tr()/translate() calls that lupdate cannot see"
    assert result.stale == []
    ts = ET.parse(tool().TS).getroot()
    assert ts.get("language") == "zh_CN"
    assert not [m for m in ts.iter("translation") if m.get("type") == "unfinished"]


def test_the_tool_reports_what_is_missing_and_what_breaks_a_placeholder(tmp_path: Path
                                                                         ) -> None:
    t = tool()
    source = tmp_path / "screen.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "translate = QCoreApplication.translate\n"
        "C = 'Screen'\n"
        "def texts(n):\n"
        "    return (translate('Screen', '&File'), translate('Screen', 'Saved %1 deals'),\n"
        "            translate('Screen', 'Delete'), translate(C, 'unseen'),\n"
        "            f\"{translate('Screen', 'in an f-string')}\")\n", encoding="utf-8")
    dictionary = tmp_path / "zh.json"
    dictionary.write_text('{"Screen": {"&File": "文件", "Saved %1 deals": "已保存商机",'
                          ' "Gone": "旧"}}', encoding="utf-8")
    result = t.build(tmp_path / "x.ts", tmp_path / "x.qm", dictionary, [source])
    assert result.missing == [("Screen", "Delete")]
    assert len(result.bad) == 2  # no mnemonic in 文件, no %1 in 已保存商机
    assert result.unused == [("Screen", "Gone")]
    assert [line.split(": ", 1)[1] for line in result.invisible] == [
        "translate(C, 'unseen')", "translate('Screen', 'in an f-string')"]
    assert '"Delete": ""' in t.missing_skeleton(result)
    assert (tmp_path / "x.qm").stat().st_size > 0


def test_the_compiled_translation_answers_in_chinese(qapp: QApplication) -> None:
    translators = load_translators("zh")
    assert len(translators) == 2, "funnel_zh_CN.qm and Qt's own qtbase_zh_CN"
    ours = translators[0]
    assert ours.translate("WeeklyReport", "Weekly funnel report") == "销售漏斗周报"
    assert ours.translate("WeeklyReport", "Problems and actions") == "问题与行动"
    assert ours.translate("MainWindow", "&File") == "文件(&F)"
    assert translators[1].translate("QPlatformTheme", "Cancel") == "取消"


# -- the walk ---------------------------------------------------------------------------------
#: Words that stay as they are in Chinese: brands, formats, codes (currencies, encodings).
KEPT_WORDS = {"Funnel", "Desktop", "Excel", "CSV", "XLSX", "PDF", "PNG", "SVG", "A4",
              "Letter", "English", "UTF", "GBK", "GB", "BIG", "LATIN", "SIG", "BOM", "ISO",
              "MAN", "B2B", "IM", "KB", "MB", "Ctrl", "Shift", "Alt", "Del", "Enter", "Esc",
              "CNY", "USD", "EUR", "GBP", "HKD", "JPY", "TWD", "SGD", "HK", "NT"}
#: Not words: file patterns (*.csv) and names (a.sqlite), paths, e-mail addresses, ISO weeks
#: (2026-W47), shortcuts (Ctrl+Z), date-format codes (YYYY-MM-DD, YYYY年MM月DD日), P10/P50/P90.
NOT_WORDS = re.compile(
    r"\(\*[^)]*\)|\S*\.(?:sqlite|db|csv|tsv|txt|xlsx|json|pdf|png|svg)\b|"
    r"(?<![A-Za-z])\.[a-z]{2,6}\b|\S*[/\\]\S*|\S+@\S+|\b\d{4}-W\d{2}\b|"
    r"\b(?:Ctrl|Alt|Shift|Meta)\+\S+|\b(?:YYYY|YY|MM|DD|M|D)(?:[-./年月日 ]*(?:YYYY|YY|MM|DD|M|D))+"
    r"[年月日]?|\bP(?:10|50|90)\b")
WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


def english_sources() -> set[str]:
    """Every English source text whose translation differs from it, without mnemonics."""
    out = set()
    for entries in tool().load_dictionary().values():
        for source, text in entries.items():
            if text != source:
                out.add(plain(source))
    return out


def plain(text: str) -> str:
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return " ".join(text.split())


def data_words() -> set[str]:
    """Latin words in the names and texts people typed (the demo's "ERP 实施", user names):
    data, not translation."""
    from funnel_desktop.store import models as m

    fields = [m.Team.name, m.Region.name, m.Owner.name, m.Source.name, m.Pipeline.name,
              m.Stage.name, m.Reason.label, m.Reason.category, m.Customer.name,
              m.Customer.contact_person, m.Customer.email, m.Customer.im, m.Customer.industry,
              m.Customer.scale, m.Customer.address, m.Customer.needs, m.Customer.pain_points,
              m.Customer.credit_notes, m.Customer.notes, m.Contact.name, m.Contact.title,
              m.Contact.email, m.Contact.notes, m.Deal.title, m.Deal.next_step,
              m.Deal.close_note, m.Activity.subject, m.Activity.notes, m.StageHistory.by,
              m.DealChange.by]
    if database.obj is None or database.obj.is_closed():
        return set()
    words: set[str] = set()
    for f in fields:
        for (value,) in f.model.select(f).distinct().tuples():
            words.update(WORD.findall(str(value or "")))
    return words


def english_in(text: str, sources: set[str], data: set[str] = frozenset()) -> str | None:
    """Why ``text`` is still English (None when it is not)."""
    t = plain(text)
    if not t:
        return None
    stripped = NOT_WORDS.sub(" ", t)
    if not WORD.search(stripped):
        return None  # codes, patterns and numbers
    if t in sources:
        return "an English source text"
    words = [w for w in WORD.findall(stripped) if w not in KEPT_WORDS and w not in data]
    if words:
        return "English words " + ", ".join(words[:4])
    return None


def rich_to_plain(text: str) -> str:
    if QtGui.Qt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def model_texts(model: QAbstractItemModel | None, rows: int = 40,
                parent: QModelIndex | None = None, depth: int = 0) -> Iterator[str]:
    """Headers and the first cells (display text and tooltips) of an item model."""
    if model is None:
        return
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount to itself
        columns = 1
    if depth == 0:
        for orientation, count in ((Qt.Orientation.Horizontal, columns),
                                   (Qt.Orientation.Vertical, min(model.rowCount(), rows))):
            for section in range(count):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(section, orientation, role)
                    if isinstance(value, str):
                        yield value
    for row in range(min(model.rowCount(parent), rows)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if depth < 2 and column == 0 and is_tree(model) and model.hasChildren(index):
                yield from model_texts(model, rows, index, depth + 1)


def is_tree(model: QAbstractItemModel) -> bool:
    return not isinstance(model, (QAbstractListModel, QAbstractTableModel))


def action_texts(actions: Iterable[QAction], seen: set[int]) -> Iterator[tuple[str, str]]:
    for action in actions:
        if id(action) in seen or action.isSeparator():
            continue
        seen.add(id(action))
        yield "action", action.text()
        if action.toolTip() != plain(action.text()):
            yield "action tooltip", action.toolTip()
        yield "action status tip", action.statusTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from menu_texts(menu, seen)


def menu_texts(menu: QMenu, seen: set[int]) -> Iterator[tuple[str, str]]:
    menu.aboutToShow.emit()  # menus filled on demand (recent files, filter choices)
    yield "menu", menu.title()
    yield from action_texts(menu.actions(), seen)


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person can see or hear in ``root`` and its children."""
    out: list[tuple[str, str]] = []
    seen: set[int] = set()
    for w in [root, *root.findChildren(QWidget)]:
        kind = f"{type(w).__name__}#{w.objectName()}" if w.objectName() else type(w).__name__
        texts: list[tuple[str, str]] = []
        if w.isWindow() or isinstance(w, (QDialog, QToolBar)):
            texts.append(("window title", w.windowTitle()))
        texts += [("tooltip", w.toolTip()), ("accessible name", w.accessibleName()),
                  ("status tip", w.statusTip()), ("whats this", w.whatsThis())]
        if isinstance(w, QLabel):
            texts.append(("label", rich_to_plain(w.text())))
        if isinstance(w, QAbstractButton):
            texts.append(("button", w.text()))
            menu = getattr(w, "menu", lambda: None)()
            if isinstance(menu, QMenu):
                texts += menu_texts(menu, seen)
        if isinstance(w, QGroupBox):
            texts.append(("group", w.title()))
        if isinstance(w, QTabBar):
            texts += [("tab", w.tabText(i)) for i in range(w.count())]
            texts += [("tab tooltip", w.tabToolTip(i)) for i in range(w.count())]
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            texts.append(("placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            texts += [("combo item", w.itemText(i)) for i in range(w.count())]
            if w.isEditable() and w.lineEdit() is not None:
                texts.append(("placeholder", w.lineEdit().placeholderText()))
        if isinstance(w, QAbstractSpinBox):
            texts.append(("special value", w.specialValueText()))
            for attr in ("prefix", "suffix"):
                if hasattr(w, attr):
                    texts.append((attr, getattr(w, attr)()))
        if isinstance(w, QAbstractItemView) and not isinstance(w, QComboBox):
            texts += [("item", t) for t in model_texts(w.model())]
        if isinstance(w, QWizard):
            texts += [("wizard button", w.buttonText(b)) for b in (
                QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton)]
            for page_id in w.pageIds():
                page = w.page(page_id)
                texts += [("page title", page.title()), ("page subtitle", page.subTitle())]
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                if isinstance(item, QGraphicsTextItem):
                    texts.append(("chart text", item.toPlainText()))
                elif isinstance(item, QGraphicsSimpleTextItem):
                    texts.append(("chart text", item.text()))
        texts += action_texts(w.actions(), seen)
        out += [(f"{kind} {where}", text) for where, text in texts if text]
    return out


def untranslated(root: QWidget, extra: Iterable[tuple[str, str]] = ()) -> list[str]:
    sources, data = english_sources(), data_words()
    found = []
    for where, text in [*widget_texts(root), *extra]:
        why = english_in(text, sources, data)
        if why:
            found.append(f"{where}: {text!r} ({why})")
    return sorted(set(found))


# -- fixtures ---------------------------------------------------------------------------------
@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The app's Chinese translators (ours and Qt's) installed for the test."""
    translation = Translation()
    assert translation.switch("zh") == "zh"
    yield
    translation.switch("en")


@pytest.fixture
def zh_demo(db: OpenedDatabase) -> OpenedDatabase:
    """The demo business in Chinese: names from the data are Chinese too, so any Latin word
    on screen is English the translation missed."""
    from funnel_desktop.services.demo import generate

    generate(Services(user="demo"), deals=300, seed=1, lang="zh", today=TODAY)
    return db


@pytest.fixture
def zh_window(qtbot: Any, chinese: None, zh_demo: OpenedDatabase, ui_services: Services,
              ui_settings: Any, answers: Any) -> Iterator[MainWindow]:
    w = make_window(qtbot, ui_services, zh_demo, ui_settings, lang="zh")
    yield w
    w.ctx.bridge.detach()


def shown(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    return widget


# -- walks ------------------------------------------------------------------------------------
def test_main_window_pages_and_menus_are_chinese(qtbot: Any, zh_window: MainWindow) -> None:
    w = zh_window
    assert w.windowTitle().endswith("销售漏斗管家")
    assert [a.text() for a in w.menuBar().actions()][:2] == ["文件(&F)", "编辑(&E)"]
    found = []
    for key in list(w.pages):
        w.show_page(key)
        QApplication.processEvents()
        found += untranslated(w)
        for bar in w.pages[key].findChildren(QTabBar):
            for i in range(bar.count()):
                bar.setCurrentIndex(i)
                QApplication.processEvents()
                found += untranslated(w.pages[key])
    board = w.board_page.board
    column = board.columns[0]
    column.select_ids(column.model.ids[:1])
    menu = board.context_menu(column)
    found += [f"board menu: {t!r}" for _, t in menu_texts(menu, set())
              if english_in(t, english_sources())]
    assert [b.text() for b in w.view_buttons.values()] == ["看板", "客户", "分析"]
    assert not found, "\n".join(found)


def test_customer_form_is_chinese(qtbot: Any, zh_window: MainWindow) -> None:
    w = zh_window
    w.show_page("customers")
    page = w.customers_page
    page.table.selectRow(0)
    QApplication.processEvents()
    assert page.form.isVisible()
    found = untranslated(page)
    page.new_customer()
    QApplication.processEvents()
    found += untranslated(page)
    assert not found, "\n".join(found)


def test_deal_editor_and_small_dialogs_are_chinese(qtbot: Any, zh_window: MainWindow) -> None:
    from funnel_desktop.ui.board.reason_dialog import ReasonDialog
    from funnel_desktop.ui.common.period_dialog import PeriodDialog
    from funnel_desktop.ui.deals.deal_editor import DealEditor

    w = zh_window
    open_deal = Deal.select().join(Stage).where(Stage.kind == "open").first()
    won_deal = Deal.select().join(Stage).where(Stage.kind == "won").first()
    found: list[str] = []
    for deal_id in (open_deal.id, won_deal.id, None):
        editor = shown(qtbot, DealEditor(w.ctx, deal_id, w.board_page.pipeline_id,
                                         parent=w))
        tabs = editor.findChildren(QTabBar)
        for bar in tabs:
            for i in range(bar.count()):
                bar.setCurrentIndex(i)
                QApplication.processEvents()
        found += untranslated(editor)
        editor.close()
    for kind, count in (("won", 1), ("lost", 3)):
        found += untranslated(shown(qtbot, ReasonDialog(kind, count, w)))
    found += untranslated(shown(qtbot, PeriodDialog(TODAY, TODAY, w)))
    assert not found, "\n".join(found)


def test_report_export_and_database_dialogs_are_chinese(qtbot: Any, zh_window: MainWindow,
                                                        tmp_path: Path) -> None:
    from funnel_desktop.report.dialog import WeeklyReportDialog
    from funnel_desktop.ui.common.messages import error_text
    from funnel_desktop.ui.database.db_problem_dialog import DbProblemDialog
    from funnel_desktop.ui.transfer.export_dialog import ExportDialog

    w = zh_window
    report = shown(qtbot, WeeklyReportDialog(w.ctx.services, "zh", w, today=lambda: TODAY,
                                             error_text=error_text))
    found = untranslated(report)
    export = shown(qtbot, ExportDialog(w))
    assert export.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    found += untranslated(export)
    backups = tmp_path / "backups"
    for label in ("auto", "manual", "before-restore", "schema1"):
        backup_now(w.opened.path, backup_dir=backups, label=label)
    for code in ("db_corrupt", "db_locked", "db_newer", "db_missing", "db_readonly"):
        err = StoreError(code, path=str(w.opened.path), detail="文件头损坏", found=9, known=2)
        dialog = shown(qtbot, DbProblemDialog(err, w.opened.path, backups, w))
        if code == "db_corrupt":
            assert dialog.list.count() == 4
        found += untranslated(dialog)
    assert not found, "\n".join(found)


def test_import_wizard_pages_are_chinese(qtbot: Any, chinese: None, services: Services,
                                         tmp_path: Path) -> None:
    from funnel_desktop.ui.transfer.import_wizard import ImportWizard

    services.seed_lists("zh")
    pipeline = services.create_pipeline("b2b6", "zh").value
    sheet = tmp_path / "商机.csv"
    sheet.write_text("商机名称,客户名称,金额,阶段,负责人\n"
                     "服务器升级,华东机电,12500,产品介绍,王伟\n"
                     "年度维保,江南纺织,8000,赢单,李娜\n"
                     ",,,,\n", encoding="utf-8")
    wizard = ImportWizard(services, pipeline)
    shown(qtbot, wizard)
    found = untranslated(wizard)
    wizard.file_page.path_edit.setText(str(sheet))
    for _page in ("format", "columns", "values", "check"):
        wizard.next()
        QApplication.processEvents()
        found += untranslated(wizard.currentPage())
    assert wizard.currentPage() is wizard.check_page
    assert not found, "\n".join(found)


def test_settings_pipeline_lists_welcome_and_targets_are_chinese(qtbot: Any,
                                                                 zh_window: MainWindow) -> None:
    from funnel_desktop.ui.analytics.targets_panel import TargetsDialog
    from funnel_desktop.ui.database.welcome import WelcomeDialog
    from funnel_desktop.ui.settings.lists_editor import ListsEditor
    from funnel_desktop.ui.settings.pipeline_editor import MoveDealsDialog, PipelineEditor
    from funnel_desktop.ui.settings.settings_dialog import SettingsDialog

    w = zh_window
    services, pipeline = w.ctx.services, w.board_page.pipeline_id
    stages = [(s.id, s.name) for s in Stage.select().where(Stage.pipeline == pipeline)]
    dialogs: list[QWidget] = [
        SettingsDialog(services, w.settings, "zh", w), PipelineEditor(services, "zh", pipeline, w),
        ListsEditor(services, w), WelcomeDialog("zh", w), TargetsDialog(w.ctx, parent=w),
        MoveDealsDialog(stages[0][1], 12, stages[1:], w)]
    found: list[str] = []
    for dialog in dialogs:
        shown(qtbot, dialog)
        found += untranslated(dialog)
        for bar in dialog.findChildren(QTabBar):
            for i in range(bar.count()):
                bar.setCurrentIndex(i)
                QApplication.processEvents()
                found += untranslated(dialog)
    assert not found, "\n".join(sorted(set(found)))


def test_weekly_report_pdf_in_chinese(tmp_path: Path, zh_demo: OpenedDatabase) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = zh_demo.path
    pdf = tmp_path / "周报.pdf"
    run = subprocess.run([sys.executable, "-m", "funnel_desktop", "report", "--db", str(path),
                          "--week", "2026-W48", "--lang", "zh", "--pdf", str(pdf)],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path,
                         env=_env())
    assert run.returncode == 0, run.stderr
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for heading in ("销售漏斗周报", "关键指标", "销售漏斗", "本周赢单", "本周输单", "本周新增商机",
                    "未来几个月的预测", "目标进度", "问题分析", "问题与行动", "第 1 页"):
        assert heading in text, heading
    texts = tool().load_dictionary()["WeeklyReport"]
    english = [s for s, t in texts.items() if s != t and "%" not in s and len(s) > 3]
    assert len(english) > 50  # headings, column names, notes
    assert [s for s in english if s in text] == []
    assert "销售漏斗管家 · 2026-W48" in text  # the footer names the app in Chinese
    data = data_words()
    database.obj.close()
    words = [w for w in WORD.findall(NOT_WORDS.sub(" ", text))
             if w not in KEPT_WORDS and w not in data]
    assert words == []


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_cli_error_in_chinese(tmp_path: Path) -> None:
    missing = tmp_path / "没有.sqlite"
    run = subprocess.run([sys.executable, "-m", "funnel_desktop", "--lang", "zh", "metrics",
                          "--db", str(missing)], capture_output=True, text=True, timeout=60,
                         env=_env())
    assert run.returncode == 3
    assert run.stderr.strip() == f"funnel-desktop: 数据库文件 {missing} 不存在。"
    english = subprocess.run([sys.executable, "-m", "funnel_desktop", "metrics", "--db",
                              str(missing)], capture_output=True, text=True, timeout=60,
                             env=_env())
    assert english.stderr.strip() == f"funnel-desktop: The database file {missing} does not exist."


def test_messages_in_chinese_fill_their_placeholders(chinese: None) -> None:
    from funnel_desktop.core.errors import ValidationError
    from funnel_desktop.ui.common.messages import error_text

    assert error_text(ValidationError("reason_required", "reason", kind="lost")) == \
        "将商机标记为输单需要填写原因。"
    assert error_text(ValidationError("probability_invalid", "probability", value="120")) == \
        "成交可能性必须是 0 到 100 之间的整数，不能是“120”。"
    assert QCoreApplication.translate("Messages", "won") == "赢单"


def test_english_is_untouched_after_chinese(qapp: QApplication) -> None:
    translation = Translation()
    translation.switch("zh")
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    translation.switch("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"

