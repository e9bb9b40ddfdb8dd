"""What the sub-commands share: opening the database, segments and periods from arguments."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from ..core.dates import parse_date
from ..core.errors import StoreError, ValidationError, printable
from ..core.values import Segment
from ..store.db import OpenedDatabase, is_url, open_database
from ..store.models import NamedModel, Owner, Pipeline, Region, Source, Team
from ..store.queries import find_pipeline
from .output import fill, translate


def add_db(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--db", required=required, help=translate("Cli", "database file or URL"))


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true",
                   help=translate("Cli", "print JSON (keys in English, whatever the language)"))


def add_segment(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(translate("Cli", "segment"))
    g.add_argument("--pipeline", help=translate("Cli", "pipeline name or id (default: the "
                                                       "first)"))
    g.add_argument("--owner", action="append", default=[],
                   help=translate("Cli", "salesperson (repeatable)"))
    g.add_argument("--team", action="append", default=[],
                   help=translate("Cli", "team (repeatable)"))
    g.add_argument("--region", action="append", default=[],
                   help=translate("Cli", "region (repeatable)"))
    g.add_argument("--source", action="append", default=[],
                   help=translate("Cli", "lead source (repeatable)"))
    g.add_argument("--project-type", choices=("big", "small"), default="",
                   help=translate("Cli", "big or small projects only"))
    g.add_argument("--customer-type", choices=("new", "returning"), default="",
                   help=translate("Cli", "new or returning customers only"))
    g.add_argument("--class", dest="classes", action="append", default=[],
                   choices=("A", "B", "C", "D"),
                   help=translate("Cli", "customer class (repeatable)"))
    g.add_argument("--priority", action="append", default=[],
                   choices=("high", "medium", "low"),
                   help=translate("Cli", "deal priority (repeatable)"))


def add_period(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", help=translate(
        "Cli", "period start, YYYY-MM-DD (default: the 12 months up to --to)"))
    p.add_argument("--to", dest="end", help=translate(
        "Cli", "period end, YYYY-MM-DD (default: today)"))
    p.add_argument("--today", help=translate("Cli", "treat this date as today (YYYY-MM-DD)"))


def today_of(args: argparse.Namespace) -> date:
    return parse_date(getattr(args, "today", None), field="today") or date.today()


def open_db(args: argparse.Namespace, *, create: bool = False) -> OpenedDatabase:
    """The database of ``--db``: read-only (nothing in or beside the file changes, and a
    read-only file or folder works) unless ``create``, which opens it to write."""
    if create:
        return open_database(args.db, create=True)
    return open_database(args.db, create=False, readonly=True)


@contextmanager
def writing_db(args: argparse.Namespace) -> Iterator[OpenedDatabase]:
    """The database of ``--db`` opened to write, for a command that may create it (demo,
    import): a file that does not exist yet (or is empty) is made as a temporary file beside
    it and moved into place only when the command succeeds, so a refused command leaves no
    new file behind. Closed at the end either way."""
    location = str(args.db)
    path = None if is_url(location) else Path(location).expanduser()
    fresh = path is not None and (not path.exists() or (
        path.is_file() and path.stat().st_size == 0 and not _side_files(path)))
    if not fresh:
        opened = open_database(location, create=False)
        try:
            yield opened
        finally:
            opened.db.close()
        return
    assert path is not None
    if not path.parent.is_dir():
        raise StoreError("db_missing", path=str(path))
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".creating", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()  # open_database creates it itself, mode 0600
    try:
        try:
            opened = open_database(tmp, create=True)
        except StoreError as err:
            raise _located(err, tmp, path) from None
        try:
            yield opened
        except StoreError as err:
            raise _located(err, tmp, path) from None
        finally:
            opened.db.close()
        if path.exists() and path.stat().st_size > 0:
            raise StoreError("db_error", path=str(path),
                             detail="another program created the file meanwhile")
        os.replace(tmp, path)
        # the models keep the database, as after any command (closed: it reconnects)
        open_database(path, create=False, migrate=False, defer_check=True).db.close()
    finally:
        for p in (tmp, *_side_files(tmp)):
            p.unlink(missing_ok=True)


def _side_files(path: Path) -> list[Path]:
    return [p for p in (path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))
            if p.exists()]


def _located(err: StoreError, tmp: Path, path: Path) -> StoreError:
    """``err`` naming the file the user asked for instead of its temporary name."""
    if err.params.get("path") == str(tmp):
        return StoreError(err.code, **{**err.params, "path": str(path)})
    return err


def check_count(value: object, option: str, minimum: int, maximum: int) -> int:
    """A whole number for ``option`` from ``minimum`` to ``maximum`` (``count_invalid``)."""
    from ..services.validate import count

    return count(value, option.lstrip("-"), minimum=minimum, maximum=maximum, name=option)


def _ids(model: NamedModel, names: list[str], code: str) -> tuple[int, ...]:
    from ..services.validate import checked_text

    out = []
    for name in names:
        checked_text(name, code.split("_")[0])
        row = model.get_or_none(model.name == name)
        if row is None and name.isdigit():
            row = model.get_or_none(model.id == int(name))
        if row is None:
            raise ValidationError(code, code.split("_")[0], value=name)
        out.append(row.id)
    return tuple(out)


def segment_of(args: argparse.Namespace) -> Segment:
    return Segment(
        owner_ids=_ids(Owner, args.owner, "owner_unknown"),
        team_ids=_ids(Team, args.team, "team_unknown"),
        region_ids=_ids(Region, args.region, "region_unknown"),
        source_ids=_ids(Source, args.source, "choice_invalid") if args.source else (),
        project_type=args.project_type, customer_type=args.customer_type,
        customer_classes=tuple(args.classes), priorities=tuple(args.priority),
        class_day=today_of(args) if getattr(args, "today", None) else None)


def pipeline_of(args: argparse.Namespace) -> Pipeline:
    p = find_pipeline(args.pipeline)
    if p is None:
        raise ValidationError("pipeline_unknown", "pipeline", value=args.pipeline or "")
    return p


# -- the currency of a new database -----------------------------------------------------------
def add_currency(p: argparse.ArgumentParser) -> None:
    from ..store.importing.mapping import CURRENCIES

    p.add_argument("--currency", type=str.upper, help=fill(translate(
        "Cli", "currency of the amounts (%1); a new database keeps it"), ", ".join(CURRENCIES)))


def check_currency(code: str) -> str:
    from ..store.importing.mapping import CURRENCIES

    if code not in CURRENCIES:
        raise ValidationError("choice_invalid", "currency", value=code,
                              choices=", ".join(CURRENCIES))
    return code


def currency_of_new_database(args: argparse.Namespace, lang: str, opened: OpenedDatabase,
                             suggested: str | None = None, default: str | None = None) -> str:
    """The currency a new database will keep: ``--currency``, else ``suggested`` (a
    preset's), else asked on a terminal (``default`` offered: the language's usual currency
    unless given), else that one, noted in ``args.currency_note`` for the command to say once
    it has made the database."""
    if getattr(args, "currency", None):
        return check_currency(args.currency)
    if suggested:
        return check_currency(suggested)
    default = default or ("CNY" if lang.startswith("zh") else "USD")
    if sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty():
        from ..store.importing.mapping import CURRENCIES
        from . import error_message, say

        # the file the user named (``opened`` is the temporary file it is made as)
        named = getattr(args, "target_db", None) or args.db
        question = fill(translate("Cli", "Currency of the new database %1 (%2) [%3]: "),
                        printable(named), ", ".join(CURRENCIES), default)
        for _ in range(3):
            try:
                answer = input(question).strip().upper()
            except EOFError:
                answer = ""
            if not answer or answer in CURRENCIES:
                return answer or default
            say(error_message(ValidationError("choice_invalid", "currency", value=answer,
                                              choices=", ".join(CURRENCIES)), lang))
        return default
    args.currency_note = fill(translate(
        "Cli", "note: the new database keeps amounts in %1; give --currency to choose another"),
        default)  # said once the database is made
    return default
