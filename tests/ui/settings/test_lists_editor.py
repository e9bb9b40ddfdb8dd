"""The kept lists editor over the demo business: add, rename, remove (a row in use is refused in
words and nothing is saved), reasons reordered and made inactive, owners' teams."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from funnel_desktop.services import Services
from funnel_desktop.store.models import Deal, Owner, Reason, Source, Team
from funnel_desktop.ui.main_window import MainWindow
from funnel_desktop.ui.settings.lists_editor import ID_ROLE, ListsEditor, ListTab


@pytest.fixture
def lists(qtbot: Any, window: MainWindow, ui_services: Services) -> ListsEditor:
    e = ListsEditor(ui_services, window)
    qtbot.addWidget(e)
    e.show()
    QApplication.processEvents()
    return e


def shown(tab: ListTab, column: int = 0) -> list[str]:
    return [tab.table.item(r, column).text() for r in range(tab.table.rowCount())]


def test_add_rename_and_remove_in_use(lists: ListsEditor, answers: Any) -> None:
    e = lists
    e.tabs.setCurrentWidget(e.sources)
    tab = e.sources
    before = sorted(s.name for s in Source.select())
    assert shown(tab) == before
    used = Deal.select().where(Deal.source.is_null(False)).first().source
    website = Source.get(Source.name == "Website")
    deals_on_website = Deal.select().where(Deal.source == website.id).count()
    # add one, rename one
    tab.table.setCurrentCell(0, 0)
    r = tab.add_row()
    assert tab.table.item(r, 0).text() == "New item"
    tab.table.item(r, 0).setText("Trade fair 2027")
    tab.table.item(tab.find_row("Website"), 0).setText("Web site")
    assert e.save_button.isEnabled()
    # and remove one that deals use: refused in words, nothing of the three saved
    tab.table.setCurrentCell(tab.find_row(used.name if used.name != "Website" else "Web site"),
                             0)
    tab.remove_row()
    assert not e.save()
    message = (f"“{used.name}” is still in use, so it cannot be removed (make it inactive, or "
               "change the deals that use it first).")
    assert answers.errors == [message]
    assert e.problem.text() == message and not e.problem.isHidden()
    assert sorted(s.name for s in Source.select()) == before
    # put it back (Revert), then add and rename only
    e.revert()
    assert shown(tab) == before and not e.save_button.isEnabled()
    tab.table.setCurrentCell(0, 0)
    tab.table.item(tab.add_row(), 0).setText("Trade fair 2027")
    tab.table.item(tab.find_row("Website"), 0).setText("Web site")
    assert e.save()
    assert sorted(s.name for s in Source.select()) == sorted(
        [n for n in before if n != "Website"] + ["Web site", "Trade fair 2027"])
    assert Source.get_by_id(website.id).name == "Web site"  # renamed, same row
    assert Deal.select().where(Deal.source == website.id).count() == deals_on_website
    # a row nobody uses can go
    tab.table.setCurrentCell(tab.find_row("Trade fair 2027"), 0)
    tab.remove_row()
    assert e.save()
    assert not Source.select().where(Source.name == "Trade fair 2027").exists()


def test_reasons_reorder_category_and_inactive(lists: ListsEditor) -> None:
    e, lost = lists, lists.lost
    e.tabs.setCurrentWidget(lost)
    labels = shown(lost)
    assert labels[:2] == ["Price too high", "Lost to a competitor"]
    lost.table.setCurrentCell(1, 0)
    lost.move_row(-1)
    assert shown(lost)[:2] == ["Lost to a competitor", "Price too high"]
    assert lost.table.currentRow() == 0
    lost.table.item(1, 1).setText("Money")
    lost.table.item(1, 2).setCheckState(Qt.CheckState.Unchecked)
    won_before = [(r.id, r.label) for r in Reason.select().where(Reason.kind == "won")
                  .order_by(Reason.position)]
    assert e.save()
    rows = list(Reason.select().where(Reason.kind == "lost").order_by(Reason.position))
    assert [r.label for r in rows][:2] == ["Lost to a competitor", "Price too high"]
    assert (rows[1].category, rows[1].active) == ("Money", False)
    assert [(r.id, r.label) for r in Reason.select().where(Reason.kind == "won")
            .order_by(Reason.position)] == won_before  # the won list is kept as it was
    assert shown(lost, 1)[1] == "Money"


def test_owners_get_teams_and_new_teams_are_offered(lists: ListsEditor, answers: Any) -> None:
    e = lists
    e.tabs.setCurrentWidget(e.teams)
    e.teams.table.setCurrentCell(0, 0)
    e.teams.table.item(e.teams.add_row(), 0).setText("North team")
    e.tabs.setCurrentWidget(e.owners)  # unsaved teams: the user is asked
    assert answers.asked[-1] == ("save_changes", "Teams")
    assert e.tabs.currentWidget() is e.owners  # "discard" (the test's answer)
    assert not Team.select().where(Team.name == "North team").exists()
    e.tabs.setCurrentWidget(e.teams)
    e.teams.table.setCurrentCell(0, 0)
    e.teams.table.item(e.teams.add_row(), 0).setText("North team")
    assert e.save()
    north = Team.get(Team.name == "North team")
    e.tabs.setCurrentWidget(e.owners)
    owners = e.owners
    r = owners.find_row("Alice Chen")
    index = owners.table.model().index(r, 1)
    owners.table.setCurrentIndex(index)
    owners.table.edit(index)
    combo = owners.table.viewport().findChild(QComboBox)
    assert combo is not None and "North team" in [combo.itemText(i) for i in
                                                  range(combo.count())]
    assert combo.accessibleName() == "Team"
    combo.setCurrentIndex(combo.findData(north.id))
    owners.table.setCurrentCell(0, 0)  # leaving the cell commits the choice
    QApplication.processEvents()
    assert owners.table.item(r, 1).text() == "North team"
    assert owners.table.item(r, 1).data(ID_ROLE) == north.id
    assert e.save()
    assert Owner.get(Owner.name == "Alice Chen").team_id == north.id
    # a team in use cannot be removed
    e.tabs.setCurrentWidget(e.teams)
    e.teams.table.setCurrentCell(e.teams.find_row("North team"), 0)
    e.teams.remove_row()
    assert not e.save()
    assert e.problem.text().startswith("“North team” is still in use")


def test_duplicates_and_empty_names_are_refused(lists: ListsEditor, answers: Any) -> None:
    e = lists
    e.tabs.setCurrentWidget(e.regions)
    tab = e.regions
    tab.table.setCurrentCell(0, 0)
    first = tab.table.item(0, 0).text()
    tab.table.item(tab.add_row(), 0).setText(first)
    assert not e.save()
    assert answers.errors[-1] == f"“{first}” is in the list twice."
    tab.table.item(1, 0).setText("  ")
    assert not e.save()
    assert answers.errors[-1] == "A name is required."
    e.revert()
    assert not tab.dirty


def test_a_list_is_saved_through_the_windows_runner(lists: ListsEditor,
                                                    window: MainWindow) -> None:
    """The save runs through the window's operation runner (its busy cursor, its signals);
    a kept list's edit is not an undo step (as on the command line)."""
    e = lists
    e.tabs.setCurrentWidget(e.sources)
    seen: list[tuple[str, bool]] = []
    window.ctx.runner.finished.connect(lambda label, ok: seen.append((label, ok)))
    steps = window.ctx.undo_stack.count()
    e.sources.table.item(e.sources.add_row(), 0).setText("Trade fair 2027")
    assert e.save()
    assert seen == [("Edit kept list", True)]
    assert window.ctx.undo_stack.count() == steps
    assert "Trade fair 2027" in {s.name for s in Source.select()}
