"""A team on the CI's PostgreSQL for the tests of team mode: the demo business, team mode
set up, and five logins (sales, manager, admin) with one password."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from funnel_desktop.services import Services
from funnel_desktop.store import team
from funnel_desktop.store.models import Owner

URL = os.environ.get("FUNNEL_TEST_DB_URL", "")
PASSWORD = "s3cret-Pw"
USERS = {  # login → (role, salesperson, team)
    "t_ann": ("sales", "Alice Chen", "East team"),
    "t_ben": ("sales", "Ben Wright", "East team"),
    "t_cat": ("manager", "Carla Diaz", "East team"),
    "t_dan": ("sales", "David Kim", "South team"),
    "t_ada": ("admin", "Ada Admin", None),
}


def url_for(login: str, password: str | None = PASSWORD) -> str:
    """The test server's URL for ``login`` (with ``password``; None: without one)."""
    parts = urlsplit(URL)
    secret = f":{password}" if password is not None else ""
    netloc = f"{login}{secret}@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def drop_users(db: Any) -> None:
    for login in USERS:
        if db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
            db.execute_sql(f'DROP ROLE "{login}"')


def make_team(db: Any, today: Any) -> dict[str, int]:
    """The demo business (160 deals) in team mode with :data:`USERS`; owner ids by login."""
    from funnel_desktop.services.demo import generate

    generate(Services(user="demo"), deals=160, seed=3, lang="en", today=today)
    drop_users(db)
    team.init(db)
    for login, (role, name, team_name) in USERS.items():
        team.add_user(db, login, role, display=name, team=team_name, password=PASSWORD)
    return {o.login: o.id for o in Owner.select().where(Owner.login.is_null(False))}
