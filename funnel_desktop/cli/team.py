"""``funnel-desktop team``: set up a shared PostgreSQL server for a team and manage its users.

    team init --db postgresql://admin@host/db        schema, roles, policies (again: upgrade)
    team add-user NAME --role sales|manager|admin [--team T] [--display "张伟"]
                  [--password-stdin] --db …
    team list --db …
    team set-role NAME --role … --db …
    team disable NAME --db …
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from ..core.errors import ValidationError
from ..store import team
from ..store.db import is_url, open_database
from .common import add_db, add_json
from .output import fill, left, translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("team", help=translate(
        "Cli", "set up a shared server for a team and manage who may log in"))
    actions = p.add_subparsers(dest="team_action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help=translate(
        "Cli", "create (or upgrade) the schema, the roles and the row-level security"))
    add_db(init)
    add = actions.add_parser("add-user", help=translate(
        "Cli", "add a person: a login of the server, linked to a salesperson"))
    add.add_argument("name", help=translate("Cli", "the login name"))
    add.add_argument("--role", required=True, choices=team.ROLES)
    add.add_argument("--team", help=translate("Cli", "the team they belong to"))
    add.add_argument("--display", help=translate("Cli", "the name shown in the app (default: "
                                                        "the login)"))
    add.add_argument("--password-stdin", action="store_true", help=translate(
        "Cli", "read the password from the first line of standard input"))
    add_db(add)
    listing = actions.add_parser("list", help=translate("Cli", "list the team's logins"))
    add_db(listing)
    add_json(listing)
    role = actions.add_parser("set-role", help=translate("Cli", "change a login's role"))
    role.add_argument("name")
    role.add_argument("--role", required=True, choices=team.ROLES)
    add_db(role)
    off = actions.add_parser("disable", help=translate(
        "Cli", "stop a login (their deals stay, for an admin to reassign)"))
    off.add_argument("name")
    add_db(off)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not is_url(args.db):
        raise ValidationError("team_needs_server", "db")
    password = None
    if args.team_action == "add-user" and args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ValidationError("password_empty", "password")
    opened = open_database(args.db)
    db = opened.db
    if args.team_action == "init":
        roles = team.init(db)
        print(fill(translate("CliTeam", "team mode is set up: roles %1, %2 and %3"),
                   roles["admin"], roles["manager"], roles["sales"]))
        return 0
    if not team.is_team(db):
        raise ValidationError("team_not_set_up", "db")
    if args.team_action == "add-user":
        team.add_user(db, args.name, args.role, display=args.display, team=args.team,
                      password=password)
        print(fill(translate("CliTeam", "%1 can log in as %2"), args.display or args.name,
                   args.role))
    elif args.team_action == "set-role":
        team.set_role(db, args.name, args.role)
        print(fill(translate("CliTeam", "%1 is now %2"), args.name, args.role))
    elif args.team_action == "disable":
        team.disable(db, args.name)
        print(fill(translate("CliTeam", "%1 can no longer log in; their deals stay"),
                   args.name))
    else:
        people = team.members(db)
        if args.json:
            print(json.dumps([asdict(m) for m in people], ensure_ascii=False, indent=1))
        else:
            off = translate("CliTeam", "disabled")
            for m in people:
                print(f"{left(m.login, 16)}{left(m.role, 10)}{left(m.display, 16)}"
                      f"{left(m.team, 14)}{'' if m.active else off}".rstrip())
    return 0
