"""The window on a team's server: the login dialog (wrong password, remember me), who is
logged in and their role, what their role may not do disabled with the reason — and the
password in no settings file."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from ui_support import TODAY, Answers, make_window

from funnel_desktop.services import Services
from funnel_desktop.store.models import database
from funnel_desktop.ui.common import ask
from funnel_desktop.ui.database.db_recovery import open_with_recovery
from funnel_desktop.ui.database.login_dialog import Login
from tests.team_support import PASSWORD, URL, drop_users, make_team, url_for

#: the logins are the cluster's, not a database's: one worker runs every team test
pytestmark = [pytest.mark.skipif(not URL, reason="needs FUNNEL_TEST_DB_URL (PostgreSQL)"),
              pytest.mark.xdist_group("team-logins")]


@pytest.fixture
def team_server(any_db) -> Any:
    if any_db.is_sqlite:
        pytest.skip("team mode is PostgreSQL's")
    make_team(any_db.db, TODAY)
    yield any_db
    database.initialize(any_db.db)
    drop_users(any_db.db)


def test_a_wrong_password_asks_again_and_remember_me_keeps_the_right_one_privately(
        team_server, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, answers: Answers):
    passfile = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    asked: list[str] = []
    tries = iter([Login("t_ann", "wrong", False), Login("t_ann", PASSWORD, True)])

    def login(parent: Any, location: str, problem: str) -> Login:
        asked.append(problem)
        assert "wrong" not in location and PASSWORD not in location
        return next(tries)

    monkeypatch.setattr(ask, "login", login)
    opened = open_with_recovery(None, url_for("t_ann", None))
    assert opened is not None
    assert asked[0] == "" and "did not accept the password of t_ann" in asked[1]
    assert PASSWORD not in opened.location and "wrong" not in repr(opened)
    assert PASSWORD in passfile.read_text() and stat.S_IMODE(passfile.stat().st_mode) == 0o600
    opened.db.close()
    # remembered: the next start needs no dialog at all
    monkeypatch.setattr(ask, "login", lambda *a: pytest.fail("asked again"))
    again = open_with_recovery(None, url_for("t_ann", None))
    assert again is not None
    again.db.close()


def test_the_window_shows_who_is_logged_in_and_disables_what_their_role_may_not_do(
        team_server, qtbot: Any, ui_settings: Any, answers: Answers, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch):
    from funnel_desktop.store.db import open_database

    opened = open_database(url_for("t_ann"))
    services = Services()
    w = make_window(qtbot, services, opened, ui_settings)
    try:
        assert w.user_label.text() == "Alice Chen · sales"
        for action in (w.import_action, w.delete_action, w.pipelines_action, w.lists_action,
                       w.targets_action):
            assert not action.isEnabled()
            assert action.toolTip().startswith("Only an admin")
        w.remember_recent(opened.location)
        ui_settings.sync()
        stored = Path(ui_settings.fileName()).read_text(encoding="utf-8")
        assert PASSWORD not in stored and "t_ann@" in stored
        # the board holds her deals only
        from funnel_desktop.store.models import Deal, Owner

        mine = Owner.get(Owner.login == "t_ann").id
        shown = {i for col in w.board_page.board.columns for i in col.model.ids}
        assert shown and {d.owner_id for d in Deal.select().where(Deal.id.in_(list(shown)))} \
            <= {mine, None}
    finally:
        w.ctx.bridge.detach()
        w.close()
