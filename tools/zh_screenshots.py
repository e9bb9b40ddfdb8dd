"""Screenshots of every window and dialog in Simplified Chinese, to look at.

    QT_QPA_PLATFORM=offscreen python tools/zh_screenshots.py [OUT_DIR]   # default: shots/

Builds the demo business in Chinese in a temporary folder, shows the main window (each page
and each tab), the menus, the deal editor (each tab), the reason, export, database-problem,
weekly-report, import, settings, pipeline, lists and welcome dialogs, and the weekly report's
PDF pages (pdftoppm), each as ``zh_*.png``. Needs a CJK font (fonts-wqy-microhei).
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication, QMenu, QTabBar, QWidget

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 12, 0)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def save(widget: QWidget, out: Path, name: str) -> Path:
    settle()
    path = out / f"zh_{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def tabs(widget: QWidget) -> list[tuple[QTabBar, int]]:
    """Every tab of every tab bar in ``widget`` (not nested ones twice)."""
    out = []
    for bar in widget.findChildren(QTabBar):
        if bar.isVisible():
            out += [(bar, i) for i in range(bar.count())]
    return out


def shoot_tabs(widget: QWidget, out: Path, name: str) -> None:
    save(widget, out, name)
    for n, (bar, i) in enumerate(tabs(widget)):
        if i == 0:
            continue
        bar.setCurrentIndex(i)
        save(widget, out, f"{name}_{n}")
    for bar, _ in tabs(widget):
        bar.setCurrentIndex(0)


def optional(name: str) -> object | None:
    try:
        return importlib.import_module(f"funnel_desktop.ui.{name}")
    except ModuleNotFoundError:
        return None


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "shots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)

    from funnel_desktop.report.dialog import WeeklyReportDialog
    from funnel_desktop.report.scope import ReportScope
    from funnel_desktop.report.weekly import report_for, write_weekly_pdf
    from funnel_desktop.services import Services
    from funnel_desktop.services.demo import generate
    from funnel_desktop.store.db import open_database
    from funnel_desktop.store.models import Deal, Stage
    from funnel_desktop.ui import ask
    from funnel_desktop.ui.app import setup_application
    from funnel_desktop.ui.board.reason_dialog import ReasonDialog
    from funnel_desktop.ui.common.messages import error_text
    from funnel_desktop.ui.database.db_problem_dialog import DbProblemDialog
    from funnel_desktop.ui.deals.deal_editor import DealEditor
    from funnel_desktop.ui.main_window import MainWindow
    from funnel_desktop.ui.transfer.export_dialog import ExportDialog
    from funnel_desktop.ui.transfer.import_wizard import ImportWizard

    setup_application(app, "zh")
    ask.run_dialog = lambda dialog: 0  # nothing modal while shooting
    tmp = Path(tempfile.mkdtemp(prefix="zh-shots-"))
    opened = open_database(tmp / "演示.sqlite")
    generate(Services(user="demo"), deals=300, seed=1, lang="zh", today=TODAY)
    services = Services(user="王经理", clock=lambda: NOW)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, opened, "zh", settings, today=lambda: TODAY,
                        now=lambda: NOW)
    window.resize(1440, 900)
    window.show()
    settle()

    for key in list(window.pages):
        window.show_page(key)
        if key == "customers":
            window.customers_page.table.selectRow(0)
        shoot_tabs(window, out, key)
    window.show_page("board")
    for n, action in enumerate(window.menuBar().actions(), 1):
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()
            menu.popup(QPoint(40, 40))
            save(menu, out, f"menu_{n}")
            menu.hide()
    board = window.board_page.board
    column = board.columns[1]
    column.select_ids(column.model.ids[:1])
    menu = board.context_menu(column)
    menu.popup(QPoint(40, 40))
    save(menu, out, "board_menu")
    menu.hide()

    dialogs: list[tuple[str, Callable[[], QWidget]]] = []
    open_deal = Deal.select().join(Stage).where(Stage.kind == "open").first()
    dialogs += [
        ("deal", lambda: DealEditor(window.ctx, open_deal.id, parent=window)),
        ("deal_new", lambda: DealEditor(window.ctx, None, window.board_page.pipeline_id,
                                        parent=window)),
        ("reason", lambda: ReasonDialog("lost", 3, window)),
        ("export", lambda: ExportDialog(window)),
        ("report_dialog", lambda: WeeklyReportDialog(services, "zh", window,
                                                     today=lambda: TODAY,
                                                     error_text=error_text)),
    ]
    from funnel_desktop.core.errors import StoreError
    from funnel_desktop.store.backup import backup_now

    backups = tmp / "backups"
    for label in ("auto", "manual", "before-restore"):
        backup_now(opened.path, backup_dir=backups, label=label)
    err = StoreError("db_corrupt", path=str(opened.path), detail="文件头损坏")
    dialogs.append(("db_problem", lambda: DbProblemDialog(err, opened.path, backups, window)))
    extra = {
        "settings_dialog": ("settings", lambda m: m.SettingsDialog(services, settings, "zh",
                                                                   window)),
        "pipeline_editor": ("pipelines", lambda m: m.PipelineEditor(
            services, "zh", window.board_page.pipeline_id, window)),
        "lists_editor": ("lists", lambda m: m.ListsEditor(services, window)),
        "welcome": ("welcome", lambda m: m.WelcomeDialog("zh", window)),
    }
    for module_name, (name, build) in extra.items():
        module = optional(module_name)
        if module is not None:
            dialogs.append((name, lambda b=build, m=module: b(m)))
    for name, build in dialogs:
        dialog = build()
        dialog.show()
        shoot_tabs(dialog, out, name)
        dialog.close()

    sheet = tmp / "商机.csv"
    sheet.write_text("商机名称,客户名称,金额,阶段,负责人\n服务器升级,华东机电,12500,产品介绍,王伟\n"
                     "年度维保,江南纺织,8000,赢单,李娜\n", encoding="utf-8")
    wizard = ImportWizard(services, window.board_page.pipeline_id, window)
    wizard.show()
    save(wizard, out, "import_1")
    wizard.file_page.path_edit.setText(str(sheet))
    for n in range(2, 6):
        wizard.next()
        save(wizard, out, f"import_{n}")
    wizard.close()

    pdf = tmp / "周报.pdf"
    data = report_for("2026-W48", ReportScope(), None)
    pages = write_weekly_pdf(data, pdf, "zh", "A4")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(out / "zh_report")],
                       check=True)
        print(f"{out}/zh_report-*.png ({pages} pages)")
    window.ctx.bridge.detach()
    window.close()
    opened.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
