"""Copies of a SQLite database through SQLite's own backup API (safe while it is open)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path


def backup_sqlite(source: str | Path, dest: str | Path) -> Path:
    """Copy the database ``source`` to ``dest`` (mode 0600) and return ``dest``."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"file:{Path(source).as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, dest)
    return dest


def stamped_name(db_path: str | Path, label: str) -> str:
    """``shop.sqlite`` → ``shop.<label>-20261124-050600.sqlite``."""
    p = Path(db_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"{p.stem}.{label}-{stamp}{p.suffix or '.sqlite'}"
