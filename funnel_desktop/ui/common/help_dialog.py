"""Help ▸ Getting started and Help ▸ Keyboard shortcuts: a few short sections on how the app
is used, and every shortcut the window's actions really have (read from the actions when the
dialog opens, so the list cannot drift from the menus)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

GUIDE, SHORTCUTS = 0, 1


@dataclass(frozen=True, slots=True)
class Shortcut:
    """One action's keys: where it lives ("Deal ▸ Move to next stage") and its keys as the
    platform writes them."""

    where: str
    keys: str


def plain(text: str) -> str:
    """A menu text without its mnemonic marks and trailing dots ("&Save a copy…" → "Save a
    copy")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcuts(menu_bar: QMenuBar, extra: list[QAction] | None = None) -> list[Shortcut]:
    """Every action with keys under ``menu_bar`` (menu by menu, in menu order), then those
    of ``extra`` not in a menu."""
    out: list[Shortcut] = []
    seen: set[int] = set()

    def walk(actions: list[QAction], path: list[str]) -> None:
        for act in actions:
            menu = act.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions(), [*path, plain(act.text())])
                continue
            seen.add(id(act))
            keys = [k for k in act.shortcuts() if not k.isEmpty()]
            if keys and not act.isSeparator():
                out.append(Shortcut(" ▸ ".join([*path, plain(act.text())]), ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)))

    walk(menu_bar.actions(), [])
    for act in extra or []:
        if id(act) not in seen and act.shortcuts() and act.text():
            walk([act], [])
    return out


class HelpDialog(QDialog):
    """The guide and the shortcuts, on two tabs. ``menu_bar`` is the window's."""

    def __init__(self, menu_bar: QMenuBar, extra: list[QAction] | None = None,
                 tab: int = GUIDE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Funnel Desktop help"))
        self.resize(720, 560)
        self.tabs = QTabWidget()
        self.guide = QTextBrowser()
        self.guide.setObjectName("gettingStarted")
        self.guide.setOpenExternalLinks(False)
        self.guide.setHtml(self.guide_html())
        self.keys = QTreeWidget()
        self.keys.setObjectName("shortcutList")
        self.keys.setRootIsDecorated(False)
        self.keys.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.keys.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.keys.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.keys.header().setStretchLastSection(False)
        for s in shortcuts(menu_bar, extra):
            self.keys.addTopLevelItem(QTreeWidgetItem([s.where, s.keys]))
        self.tabs.addTab(self.guide, self.tr("&Getting started"))
        self.tabs.addTab(self.keys, self.tr("&Keyboard shortcuts"))
        self.tabs.setCurrentIndex(tab)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(buttons)

    def sections(self) -> list[tuple[str, str]]:
        """(title, text) of each part of the guide, in the user's language."""
        return [
            (self.tr("The board"), self.tr(
                "Each column is a stage of your sales pipeline and each card a deal, with its "
                "amount, customer and expected close. The strip above shows what is open, "
                "weighted by each stage's win chance, and the month's target. Filters and the "
                "search narrow the board; the pipeline switcher picks another pipeline.")),
            (self.tr("Moving a deal"), self.tr(
                "Drag a card to another column, or select it and press Ctrl+Right / Ctrl+Left "
                "(Deal menu). Dropping it on Won or Lost, at the right, asks for the reason. "
                "Double-click a card to edit it; Ctrl+N adds a deal.")),
            (self.tr("Customers"), self.tr(
                "The Customers page lists every customer with its open deals; pick one to see "
                "and edit its profile, its decision chain and its deals. Its class comes from "
                "its open deals: A big and soon, B small and soon, C big but far, D small and "
                "far.")),
            (self.tr("The analytics"), self.tr(
                "The Analytics page shows the funnel, conversion between stages, trends, why "
                "deals were won or lost, salespeople, the forecast and health findings, for a "
                "period you choose and the board's filters.")),
            (self.tr("The weekly report"), self.tr(
                "Reports ▸ Weekly report (Ctrl+R) writes the week's new, won and lost deals, "
                "the targets and what needs attention, to print or save as a PDF.")),
            (self.tr("Undo"), self.tr(
                "Every change can be undone with Edit ▸ Undo (Ctrl+Z) and redone with "
                "Ctrl+Shift+Z, until you open another database or change the language.")),
            (self.tr("Two people, one database"), self.tr(
                "Changes made in another window, on the command line or by a colleague on "
                "the same database appear on your board within a second. When someone saves "
                "a deal you have open, a banner says who and when; what you typed is kept. "
                "Save keeps their changes to the fields you did not touch; when you both "
                "changed the same field it asks: Reload theirs, Save mine over theirs or "
                "Keep editing. Undo takes back only what you did: when someone has changed "
                "the same thing since, it changes nothing and says who.")),
            (self.tr("Backups"), self.tr(
                "When a database that changed is opened, a copy is kept in the backups folder "
                "beside it (how many: Tools ▸ Settings). File ▸ Back up now makes one at once; "
                "File ▸ Restore from a backup puts one back, keeping a copy of the current "
                "file first.")),
        ]

    def guide_html(self) -> str:
        heading = self.tr("Getting started")
        parts = [f"<h2>{html.escape(heading)}</h2>"]
        for title, text in self.sections():
            parts.append(f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>")
        return "".join(parts)


def show_help(window: QWidget, menu_bar: QMenuBar, tab: int = GUIDE) -> HelpDialog:
    """Open the help (not modal: it can stay beside the window)."""
    from PySide6.QtCore import Qt

    dlg = HelpDialog(menu_bar, [a for a in window.findChildren(QAction)], tab, window)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.show()
    return dlg
