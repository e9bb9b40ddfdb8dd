"""``funnel-desktop backup``: back up now, list the backups, or restore one."""

from __future__ import annotations

import argparse

from ..store.backup import backup_now, list_backups, restore_backup


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="back up a database now, list its backups or restore one")
    p.add_argument("--db", required=True, help="the SQLite database file")
    p.add_argument("--out", help="where to write the backup (default: a time-stamped file in "
                   "the backup folder)")
    p.add_argument("--dir", dest="backup_dir",
                   help="backup folder (default: backups/ beside the database)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--restore", metavar="PATH",
                   help="replace the database with this backup (checked first; the current "
                   "file is kept as a before-restore backup)")
    g.add_argument("--list", action="store_true", help="list this database's backups")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.list:
        backups = list_backups(args.db, args.backup_dir)
        for b in backups:
            print(f"{b.taken:%Y-%m-%d %H:%M:%S}  {b.label:<15}{b.size:>12,}  {b.path}")
        if not backups:
            print("no backups")
        return 0
    if args.restore:
        safety = restore_backup(args.restore, args.db, backup_dir=args.backup_dir)
        print(f"{args.db}: restored from {args.restore}")
        if safety is not None:
            print(f"the previous file was kept as {safety}")
        return 0
    dest = backup_now(args.db, args.out, backup_dir=args.backup_dir)
    print(f"{args.db}: backed up to {dest}")
    return 0
