"""``funnel-desktop backup``: back up now, list the backups, or restore one."""

from __future__ import annotations

import argparse

from ..core.errors import ValidationError, printable
from ..locale_format import Formatter
from ..store.backup import backup_now, list_backups, restore_backup
from ..store.db import is_url, mask_url
from .output import fill, left, right, translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help=translate(
        "Cli", "back up a database now, list its backups or restore one"))
    p.add_argument("--db", required=True, help=translate("Cli", "the SQLite database file"))
    p.add_argument("--out", help=translate("Cli", "where to write the backup (default: a "
                                                  "time-stamped file in the backup folder)"))
    p.add_argument("--dir", dest="backup_dir", help=translate(
        "Cli", "backup folder (default: backups/ beside the database)"))
    g = p.add_mutually_exclusive_group()
    g.add_argument("--restore", metavar="PATH", help=translate(
        "Cli", "replace the database with this backup (checked first; the current file is "
        "kept as a before-restore backup)"))
    g.add_argument("--list", action="store_true",
                   help=translate("Cli", "list this database's backups"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if is_url(args.db):  # a server keeps its own backups: pg_dump / pg_restore
        raise ValidationError("server_backup", "db", path=mask_url(args.db))
    if args.list:
        backups = list_backups(args.db, args.backup_dir)
        fmt = Formatter(args.ui_lang)
        labels = {"auto": translate("CliBackup", "auto"),
                  "manual": translate("CliBackup", "manual"),
                  "before-restore": translate("CliBackup", "before-restore")}
        for b in backups:
            label = labels.get(b.label) or (
                fill(translate("CliBackup", "%1 (before an upgrade)"), b.label)
                if b.label.startswith("schema") else b.label)
            print(f"{b.taken:%Y-%m-%d %H:%M:%S}  {left(label, 15)}"
                  f"{right(fmt.count(b.size), 12)}  {printable(b.path)}")
        if not backups:
            print(translate("CliBackup", "no backups"))
        return 0
    if args.restore:
        safety = restore_backup(args.restore, args.db, backup_dir=args.backup_dir)
        print(fill(translate("CliBackup", "%1: restored from %2"), printable(args.db),
                   printable(args.restore)))
        if safety is not None:
            print(fill(translate("CliBackup", "the previous file was kept as %1"),
                       printable(safety)))
        return 0
    dest = backup_now(args.db, args.out, backup_dir=args.backup_dir)
    print(fill(translate("CliBackup", "%1: backed up to %2"), printable(args.db),
               printable(dest)))
    return 0
