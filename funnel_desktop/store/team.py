"""Team mode on PostgreSQL: users are the server's roles, and row-level security decides what
each one sees and may change — for every query, the app's and raw SQL through the user's own
connection alike.

Roles (per database ``db``): ``db_owner`` (no login) owns the schema; ``db_admin``,
``db_manager`` and ``db_sales`` are the groups a person's login role belongs to. A salesperson
(``owner`` row) is linked to their login by ``owner.login``.

What each role sees and may do:

- **sales** — their own deals and the deals nobody owns yet (the shared pool, 公海, which
  they may claim), with the deals' history, change log and follow-ups; with the business
  setting ``team_read`` also (read-only) their team's deals. Customers through those deals,
  plus customers no salesperson has a deal with yet. They create and edit customers and
  deals for themselves; they may not delete deals or customers, import, or change pipelines,
  kept lists, settings or targets.
- **manager** — everything of their team's salespeople (and the pool); their team's targets.
- **admin** — everything.

``by`` in the stage history, the change log, follow-ups and the change feed is set by the
database to the login (``session_user``), so no client can claim to be someone else (an admin
putting rows back, e.g. undoing a delete, keeps the names they had)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import peewee

from ..core.errors import StoreError, ValidationError

ROLES = ("admin", "manager", "sales")

#: Tables whose rows follow a deal, a customer, or are shared reference data.
DEAL_CHILDREN = ("stage_history", "deal_change")
REFERENCE = ("pipeline", "stage", "reason", "source", "team", "region", "owner", "setting")

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,62}$")


def group(db: peewee.Database, kind: str) -> str:
    """The name of the ``kind`` role of this database (``admin``, ``manager``, ``sales``,
    ``owner``)."""
    name = db.execute_sql("SELECT current_database()").fetchone()[0]
    return f"{name}_{kind}"


def quote(name: str) -> str:
    """A role name as a quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def check_login(name: str) -> str:
    """A login name the server and a person can both handle: letters, digits, ``_ . -``."""
    if not _NAME.match(name or ""):
        raise ValidationError("login_invalid", "login", value=name)
    return name


FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION funnel_group(kind text) RETURNS name
    LANGUAGE sql STABLE AS $$ SELECT (current_database() || '_' || kind)::name $$;

CREATE OR REPLACE FUNCTION funnel_is_owner() RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT current_user = funnel_group('owner') $$;

CREATE OR REPLACE FUNCTION funnel_role() RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN 'admin'
        WHEN pg_has_role(session_user, funnel_group('admin'), 'member') THEN 'admin'
        WHEN pg_has_role(session_user, funnel_group('manager'), 'member') THEN 'manager'
        WHEN pg_has_role(session_user, funnel_group('sales'), 'member') THEN 'sales'
        ELSE 'none' END $$;

CREATE OR REPLACE FUNCTION funnel_is_admin() RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT funnel_is_owner() OR funnel_role() = 'admin' $$;

CREATE OR REPLACE FUNCTION funnel_me() RETURNS integer
    LANGUAGE sql STABLE AS $$ SELECT id FROM owner WHERE login = session_user $$;

CREATE OR REPLACE FUNCTION funnel_my_team() RETURNS integer
    LANGUAGE sql STABLE AS $$ SELECT team_id FROM owner WHERE login = session_user $$;

CREATE OR REPLACE FUNCTION funnel_team_read() RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE((SELECT value = 'true' FROM setting WHERE key = 'team_read'), false) $$;

-- whether the session's person sees a deal of owner o (NULL: the shared pool)
CREATE OR REPLACE FUNCTION funnel_sees_owner(o integer) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT funnel_is_admin() OR o IS NULL OR o = funnel_me()
        OR ((funnel_role() = 'manager' OR funnel_team_read())
            AND EXISTS (SELECT 1 FROM owner WHERE id = o AND team_id = funnel_my_team())) $$;

-- whether the session's person may give a deal to owner o (or leave it in the pool)
CREATE OR REPLACE FUNCTION funnel_may_own(o integer) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT funnel_is_admin() OR o IS NULL OR o = funnel_me()
        OR (funnel_role() = 'manager'
            AND EXISTS (SELECT 1 FROM owner WHERE id = o AND team_id = funnel_my_team())) $$;

-- a customer no salesperson has a deal with yet (the pool); it reads every deal
CREATE OR REPLACE FUNCTION funnel_customer_pooled(c integer) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT NOT EXISTS (SELECT 1 FROM deal WHERE customer_id = c AND owner_id IS NOT NULL) $$;

CREATE OR REPLACE FUNCTION funnel_manages(scope text, t integer, o integer) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT funnel_is_admin() OR (funnel_role() = 'manager' AND (
        (scope = 'team' AND t = funnel_my_team())
        OR (scope = 'owner' AND EXISTS (SELECT 1 FROM owner WHERE id = o
                                         AND team_id = funnel_my_team())))) $$;

-- who wrote a row is the login that wrote it
CREATE OR REPLACE FUNCTION funnel_stamp_by() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NOT funnel_is_admin() THEN NEW."by" := OLD."by"; END IF;
    ELSIF NOT funnel_is_admin() OR NEW."by" IS NULL OR NEW."by" = '' THEN
        NEW."by" := session_user;
    END IF;
    RETURN NEW;
END $$;
"""


def _policies(table: str) -> list[str]:
    """The row-level security policies of one table."""
    t = f'"{table}"'
    if table == "deal":
        return [
            f"CREATE POLICY funnel_read ON {t} FOR SELECT USING (funnel_sees_owner(owner_id))",
            f"CREATE POLICY funnel_add ON {t} FOR INSERT WITH CHECK (funnel_may_own(owner_id))",
            f"CREATE POLICY funnel_edit ON {t} FOR UPDATE USING (funnel_sees_owner(owner_id) "
            f"AND (funnel_may_own(owner_id) OR owner_id IS NULL)) "
            f"WITH CHECK (funnel_may_own(owner_id))",
            f"CREATE POLICY funnel_remove ON {t} FOR DELETE USING (funnel_is_admin())"]
    if table == "customer":
        visible = ("(funnel_is_admin() OR funnel_customer_pooled(id) OR EXISTS "
                   "(SELECT 1 FROM deal d WHERE d.customer_id = customer.id))")
        return [f"CREATE POLICY funnel_read ON {t} FOR SELECT USING {visible}",
                f"CREATE POLICY funnel_add ON {t} FOR INSERT WITH CHECK (true)",
                f"CREATE POLICY funnel_edit ON {t} FOR UPDATE USING {visible}",
                f"CREATE POLICY funnel_remove ON {t} FOR DELETE USING (funnel_is_admin())"]
    if table == "contact":
        return [f"CREATE POLICY funnel_all ON {t} USING (EXISTS (SELECT 1 FROM customer c "
                f"WHERE c.id = contact.customer_id))"]
    if table in DEAL_CHILDREN:
        return [f"CREATE POLICY funnel_all ON {t} USING (EXISTS (SELECT 1 FROM deal d "
                f"WHERE d.id = {t}.deal_id))"]
    if table == "activity":
        return [f"CREATE POLICY funnel_all ON {t} USING ("
                f"(deal_id IS NOT NULL AND EXISTS (SELECT 1 FROM deal d WHERE d.id = deal_id))"
                f" OR (deal_id IS NULL AND (customer_id IS NULL OR EXISTS "
                f"(SELECT 1 FROM customer c WHERE c.id = customer_id))))"]
    if table == "target":
        return [f"CREATE POLICY funnel_read ON {t} FOR SELECT USING (true)",
                f"CREATE POLICY funnel_write ON {t} USING "
                f"(funnel_manages(scope, team_id, owner_id)) "
                f"WITH CHECK (funnel_manages(scope, team_id, owner_id))"]
    if table in REFERENCE:
        return [f"CREATE POLICY funnel_read ON {t} FOR SELECT USING (true)",
                f"CREATE POLICY funnel_write ON {t} USING (funnel_is_admin()) "
                f"WITH CHECK (funnel_is_admin())"]
    # weekly notes and the change feed: everyone
    return [f"CREATE POLICY funnel_all ON {t} USING (true) WITH CHECK (true)"]


SECURED = ("deal", "customer", "contact", "activity", "target", "weekly_note", "change_feed",
           *DEAL_CHILDREN, *REFERENCE)
STAMPED = ("stage_history", "deal_change", "activity", "change_feed")


def _exists(db: peewee.Database, role: str) -> bool:
    return bool(db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s",
                               (role,)).fetchone())


def init(db: peewee.Database) -> dict[str, str]:
    """Set up (or upgrade) team mode on the open PostgreSQL database, as its administrator:
    the roles, the ownership, the grants, the functions, the policies and the ``by``
    stamps. The schema must be migrated already. Returns the role names by kind."""
    if not isinstance(db, peewee.PostgresqlDatabase):
        raise ValidationError("team_needs_server", "db")
    roles = {k: group(db, k) for k in ("owner", *ROLES)}
    me = db.execute_sql("SELECT current_user").fetchone()[0]
    with db.atomic():
        for role in roles.values():
            if not _exists(db, role):
                db.execute_sql(f"CREATE ROLE {quote(role)} NOLOGIN")
        db.execute_sql(f"GRANT {quote(roles['owner'])} TO {quote(me)}")
        db.execute_sql(f"GRANT {quote(roles['admin'])} TO {quote(me)}")
        db.execute_sql(f"GRANT CREATE, USAGE ON SCHEMA public TO {quote(roles['owner'])}")
        db.execute_sql(FUNCTIONS)
        tables = [r[0] for r in db.execute_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()]
        for table in tables:
            db.execute_sql(f'ALTER TABLE "{table}" OWNER TO {quote(roles["owner"])}')
        for fn in ("funnel_customer_pooled(integer)",):
            db.execute_sql(f"ALTER FUNCTION {fn} OWNER TO {quote(roles['owner'])}")
        users = ", ".join(quote(roles[k]) for k in ROLES)
        db.execute_sql(f"GRANT USAGE ON SCHEMA public TO {users}")
        db.execute_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                       f"TO {users}")
        db.execute_sql(f"REVOKE INSERT, UPDATE, DELETE ON schema_migration FROM {users}")
        db.execute_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {users}")
        db.execute_sql(f"REVOKE ALL ON DATABASE {quote(_database(db))} FROM PUBLIC")
        db.execute_sql(f"GRANT CONNECT ON DATABASE {quote(_database(db))} TO {users}")
        for table in SECURED:
            for (name,) in db.execute_sql("SELECT policyname FROM pg_policies WHERE "
                                          "tablename = %s", (table,)).fetchall():
                db.execute_sql(f'DROP POLICY {quote(name)} ON "{table}"')
            for policy in _policies(table):
                db.execute_sql(policy)
            db.execute_sql(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
            db.execute_sql(f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY')
        for table in STAMPED:
            db.execute_sql(f'DROP TRIGGER IF EXISTS funnel_stamp_by ON "{table}"')
            db.execute_sql(f'CREATE TRIGGER funnel_stamp_by BEFORE INSERT OR UPDATE ON '
                           f'"{table}" FOR EACH ROW EXECUTE FUNCTION funnel_stamp_by()')
    return roles


def _database(db: peewee.Database) -> str:
    return str(db.execute_sql("SELECT current_database()").fetchone()[0])


def is_team(db: peewee.Database) -> bool:
    """Whether team mode is set up on this database."""
    if not isinstance(db, peewee.PostgresqlDatabase):
        return False
    row = db.execute_sql("SELECT relrowsecurity FROM pg_class WHERE relname = 'deal' "
                         "AND relkind = 'r'").fetchone()
    return bool(row and row[0]) and _exists(db, group(db, "sales"))


@dataclass(frozen=True, slots=True)
class Session:
    """Who is connected: the login, their role in the team, their salesperson."""

    login: str
    role: str  # admin / manager / sales / none; "" when not a team database
    owner_id: int | None
    display: str


def session(db: peewee.Database) -> Session:
    """The connected person (team mode), or the server user with no role."""
    login = str(db.execute_sql("SELECT session_user").fetchone()[0])
    if not is_team(db):
        return Session(login, "", None, login)
    role = str(db.execute_sql("SELECT funnel_role()").fetchone()[0])
    row = db.execute_sql("SELECT id, name FROM owner WHERE login = %s", (login,)).fetchone()
    return Session(login, role, row[0] if row else None, row[1] if row else login)


@dataclass(frozen=True, slots=True)
class Member:
    login: str
    role: str
    display: str
    team: str
    active: bool


def add_user(db: peewee.Database, login: str, role: str, *, display: str | None = None,
             team: str | None = None, password: str | None = None) -> None:
    """A login role in the ``role`` group, linked to a salesperson (created if needed)."""
    login = check_login(login)
    if role not in ROLES:
        raise ValidationError("choice_invalid", "role", value=role, choices=", ".join(ROLES))
    with db.atomic():
        if _exists(db, login):
            db.execute_sql(f"ALTER ROLE {quote(login)} LOGIN")
        else:
            db.execute_sql(f"CREATE ROLE {quote(login)} LOGIN")
        if password:
            db.execute_sql(f"ALTER ROLE {quote(login)} PASSWORD %s", (password,))
        _set_group(db, login, role)
        team_id = None
        if team:
            row = db.execute_sql("SELECT id FROM team WHERE name = %s", (team,)).fetchone()
            team_id = row[0] if row else db.execute_sql(
                "INSERT INTO team (name, version) VALUES (%s, 1) RETURNING id",
                (team,)).fetchone()[0]
        name = display or login
        row = db.execute_sql("SELECT id FROM owner WHERE login = %s OR (login IS NULL AND "
                             "name = %s) ORDER BY login NULLS LAST LIMIT 1",
                             (login, name)).fetchone()
        if row:
            db.execute_sql("UPDATE owner SET login = %s, name = %s, active = true, "
                           "team_id = COALESCE(%s, team_id), version = version + 1 "
                           "WHERE id = %s", (login, name, team_id, row[0]))
        else:
            db.execute_sql("INSERT INTO owner (name, team_id, active, login, version) "
                           "VALUES (%s, %s, true, %s, 1)", (name, team_id, login))


def _set_group(db: peewee.Database, login: str, role: str) -> None:
    for kind in ROLES:
        g = quote(group(db, kind))
        if kind == role:
            db.execute_sql(f"GRANT {g} TO {quote(login)}")
        else:
            db.execute_sql(f"REVOKE {g} FROM {quote(login)}")


def set_role(db: peewee.Database, login: str, role: str) -> None:
    if role not in ROLES:
        raise ValidationError("choice_invalid", "role", value=role, choices=", ".join(ROLES))
    if not _exists(db, check_login(login)):
        raise ValidationError("login_unknown", "login", value=login)
    with db.atomic():
        _set_group(db, login, role)


def disable(db: peewee.Database, login: str) -> None:
    """The person can no longer log in; their deals stay (an admin reassigns them)."""
    if not _exists(db, check_login(login)):
        raise ValidationError("login_unknown", "login", value=login)
    with db.atomic():
        db.execute_sql(f"ALTER ROLE {quote(login)} NOLOGIN")
        db.execute_sql("UPDATE owner SET active = false, version = version + 1 "
                       "WHERE login = %s", (login,))


def members(db: peewee.Database) -> list[Member]:
    """Every login of the team: its role, salesperson name, team, and whether it may log in."""
    out = []
    groups = {group(db, k): k for k in ROLES}
    rows = db.execute_sql(
        "SELECT r.rolname, g.rolname, r.rolcanlogin FROM pg_roles r "
        "JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid "
        "WHERE g.rolname = ANY(%s) ORDER BY r.rolname", (list(groups),)).fetchall()
    names = {login: (name, team) for login, name, team in db.execute_sql(
        "SELECT o.login, o.name, COALESCE(t.name, '') FROM owner o LEFT JOIN team t "
        "ON t.id = o.team_id WHERE o.login IS NOT NULL").fetchall()}
    for login, g, can in rows:
        name, team = names.get(login, (login, ""))
        out.append(Member(login, groups[g], name, team, bool(can)))
    return out


def refused(exc: Exception) -> bool:
    """Whether a database error is the server refusing this user (a policy or a grant)."""
    text = str(exc).lower()
    return ("row-level security" in text or "permission denied" in text
            or "insufficient privilege" in text)


def denied(location: str) -> StoreError:
    return StoreError("db_denied", path=location)
