"""What to do when the database cannot be opened (corrupt, locked, read-only, newer, missing):
restore a backup, open another file, open read-only, try again or quit — never a traceback.

:func:`run_db_problem_dialog` returns the choice as a :class:`DbChoice`; the caller acts on
it (``store.backup.restore_backup``, ``open_database(readonly=True)``…). The file question
goes through ``ask_open_path`` (tests replace it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StoreError
from ...store.backup import BackupInfo, list_backups

translate = QCoreApplication.translate

#: What the user can choose.
RESTORE, OPEN_OTHER, READ_ONLY, RETRY, CREATE, QUIT = (
    "restore", "open_other", "read_only", "retry", "create", "quit")

#: The choices that apply to each problem, in the order shown.
CHOICES: dict[str, tuple[str, ...]] = {
    "db_corrupt": (RESTORE, OPEN_OTHER, QUIT),
    "db_locked": (RETRY, READ_ONLY, OPEN_OTHER, QUIT),
    "db_readonly": (READ_ONLY, OPEN_OTHER, QUIT),
    "db_newer": (OPEN_OTHER, RESTORE, QUIT),
    "db_missing": (CREATE, RESTORE, OPEN_OTHER, QUIT),
    "db_not_funnel": (OPEN_OTHER, QUIT),
    "db_connect": (RETRY, OPEN_OTHER, QUIT),
    "db_server_down": (RETRY, OPEN_OTHER, QUIT),
    "db_needs_upgrade": (RETRY, OPEN_OTHER, QUIT),
    "db_denied": (OPEN_OTHER, QUIT),
}


@dataclass(frozen=True, slots=True)
class DbChoice:
    """The user's choice; ``path`` is the backup to restore or the other file to open."""

    action: str
    path: Path | None = None



def ask_open_path(parent: QWidget | None, caption: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return path or None


def _exec(dialog: QDialog) -> int:
    return dialog.exec()


def choice_label(action: str) -> str:
    return {RESTORE: translate("DbProblemDialog", "Restore the selected backup"),
            OPEN_OTHER: translate("DbProblemDialog", "Open another file…"),
            READ_ONLY: translate("DbProblemDialog", "Open read-only"),
            RETRY: translate("DbProblemDialog", "Try again"),
            CREATE: translate("DbProblemDialog", "Create a new database"),
            QUIT: translate("DbProblemDialog", "Quit")}[action]


def backup_label(b: BackupInfo) -> str:
    kinds = {"auto": translate("DbProblemDialog", "automatic"),
             "manual": translate("DbProblemDialog", "made by hand"),
             "before-restore": translate("DbProblemDialog", "before a restore")}
    kind = kinds.get(b.label) or (translate("DbProblemDialog", "before an upgrade")
                                  if b.label.startswith("schema") else b.label)
    size = f"{b.size / (1024 * 1024):.1f} MB"
    return (translate("DbProblemDialog", "%1 · %2 · %3")
            .replace("%1", b.taken.strftime("%Y-%m-%d %H:%M"))
            .replace("%2", kind).replace("%3", size))


class DbProblemDialog(QDialog):
    """Explains the problem in words and offers what applies to it."""

    def __init__(self, error: StoreError, location: str | Path,
                 backup_dir: str | Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..common.messages import error_text

        self.setWindowTitle(translate("DbProblemDialog", "The database cannot be opened"))
        self.choice = DbChoice(QUIT)
        self.location = Path(location)
        actions = CHOICES.get(error.code, (OPEN_OTHER, QUIT))
        self.backups = list_backups(location, backup_dir) if RESTORE in actions else []
        if not self.backups:
            actions = tuple(a for a in actions if a != RESTORE)
        text = QLabel(error_text(error))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        self.list = QListWidget()
        if self.backups:
            lay.addWidget(QLabel(translate("DbProblemDialog",
                                           "Backups of this database, newest first:")))
            for b in self.backups:
                item = QListWidgetItem(backup_label(b))
                item.setData(Qt.ItemDataRole.UserRole, str(b.path))
                self.list.addItem(item)
            self.list.setCurrentRow(0)
            lay.addWidget(self.list)
        else:
            self.list.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for action in actions:
            button = QPushButton(choice_label(action))
            button.clicked.connect(lambda _=False, a=action: self.choose(a))
            row.addWidget(button)
            self.buttons[action] = button
        lay.addLayout(row)
        if actions:
            self.buttons[actions[0]].setDefault(True)

    def choose(self, action: str) -> None:
        """Take a choice (the buttons call this; so can tests)."""
        path = None
        if action == RESTORE:
            item = self.list.currentItem()
            if item is None:
                return
            path = Path(item.data(Qt.ItemDataRole.UserRole))
        elif action == OPEN_OTHER:
            chosen = ask_open_path(self, translate("DbProblemDialog", "Open a database"),
                                   translate("DbProblemDialog", "Funnel Desktop databases "
                                             "(*.sqlite *.db);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
        self.choice = DbChoice(action, path)
        self.accept()

    def reject(self) -> None:
        self.choice = DbChoice(QUIT)
        super().reject()


def run_db_problem_dialog(parent: QWidget | None, error: StoreError, location: str | Path,
                          backup_dir: str | Path | None = None) -> DbChoice:
    """Ask what to do about a database that cannot be opened; closing the dialog quits."""
    dialog = DbProblemDialog(error, location, backup_dir, parent)
    _exec(dialog)
    choice = dialog.choice
    dialog.deleteLater()
    return choice
