"""Asks why deals were won or lost: the kept reasons grouped by category, plus a note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...store.kept_lists import active_reasons


class ReasonDialog(QDialog):
    """Pick one active reason of ``kind`` (won / lost); OK is enabled once one is picked."""

    def __init__(self, kind: str, count: int, parent: QWidget | None = None,
                 what: str = "") -> None:
        super().__init__(parent)
        self.kind = kind
        won = kind == "won"
        self.setWindowTitle(self.tr("Mark as won") if won else self.tr("Mark as lost"))
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        if won:
            text = (self.tr("Why was this deal won?") if count == 1
                    else self.tr("Why were these %1 deals won?").replace("%1", str(count)))
        else:
            text = (self.tr("Why was this deal lost?") if count == 1
                    else self.tr("Why were these %1 deals lost?").replace("%1", str(count)))
        question = QLabel(text)
        question.setObjectName("dialogQuestion")
        lay.addWidget(question)
        #: The deal (title and amount), or the first few and their total.
        self.what = QLabel(what)
        self.what.setObjectName("dialogSubject")
        self.what.setTextFormat(Qt.TextFormat.PlainText)  # titles the user typed
        self.what.setWordWrap(True)
        self.what.setVisible(bool(what))
        lay.addWidget(self.what)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setObjectName("reasonTree")
        groups: dict[str, QTreeWidgetItem] = {}
        for r in active_reasons(kind):
            category = r.category or self.tr("Other")
            group = groups.get(category)
            if group is None:
                group = QTreeWidgetItem(self.tree, [category])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[category] = group
            item = QTreeWidgetItem(group, [r.label])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
        self.tree.expandAll()
        self.tree.setMinimumHeight(240)
        # no current item: PySide6 takes None (its stubs do not say so)
        self.tree.setCurrentItem(None)  # type: ignore[call-overload]
        lay.addWidget(self.tree, 1)
        lay.addWidget(QLabel(self.tr("Note (optional)")))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What happened, what to remember next time…"))
        self.note.setFixedHeight(72)
        lay.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Mark won") if won else self.tr("Mark lost"))
        ok.setEnabled(False)
        ok.setObjectName("primaryButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.tree.currentItemChanged.connect(
            lambda cur, _prev: ok.setEnabled(self.reason_id() is not None))
        self.tree.itemDoubleClicked.connect(
            lambda item, _c: self.accept() if self.reason_id() is not None else None)
        if not groups:
            self.tree.hide()
            question.setText(self.tr("There are no kept reasons yet; add them in the "
                                     "settings."))

    def reason_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def select_reason(self, reason_id: int) -> None:
        """Pick a reason by id (for tests and keyboard users)."""
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            assert group is not None  # i is in range
            for j in range(group.childCount()):
                child = group.child(j)
                if child is not None and child.data(0, Qt.ItemDataRole.UserRole) == reason_id:
                    self.tree.setCurrentItem(child)
                    return
        raise KeyError(reason_id)

    def result_value(self) -> tuple[int, str] | None:
        rid = self.reason_id()
        return None if rid is None else (rid, self.note.toPlainText().strip())
