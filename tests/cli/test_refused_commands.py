"""Every command refused as a careless or unlucky user would meet it, each in its own process:
a message and exit code 2 or 3, never a traceback or a hang, control characters escaped,
and the folder exactly as before (no new, changed or stray file)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.db_files import damage_table

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 90


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file and folder under ``folder``: its content hash and mode."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if p.is_dir():
            out[rel] = ("dir", p.stat().st_mode)
        elif not p.is_file():  # a pipe: never read (it would wait for a writer)
            out[rel] = ("special", p.stat().st_mode)
        else:
            out[rel] = (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mode)
    return out


def cli(*args: str | bytes, cwd: Path, unprivileged: bool = False
        ) -> subprocess.CompletedProcess[bytes]:
    """``funnel-desktop ARGS`` in a fresh process (as a user without root's power over file
    modes when ``unprivileged``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "LANG": "C.UTF-8"}
    env.pop("FUNNEL_DEBUG", None)
    prefix: list[str] = []
    if unprivileged and os.geteuid() == 0:
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    return subprocess.run([*prefix, sys.executable, "-m", "funnel_desktop", *args], cwd=cwd,
                          env=env, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user's folder: a small business, a damaged copy, an empty file, files to import."""
    home = tmp_path_factory.mktemp("user")
    done = cli("demo", "--db", "shop.sqlite", "--deals", "20", "--today", "2026-11-24",
               cwd=home)
    assert done.returncode == 0, done.stderr
    shutil.copy(home / "shop.sqlite", home / "damaged.sqlite")
    damage_table(home / "damaged.sqlite")
    (home / "empty.sqlite").write_bytes(b"")
    (home / "notes.txt").write_bytes(b"not a database" * 100)
    (home / "folder.sqlite").mkdir()
    (home / "deals.csv").write_text("title,amount,stage\nServer,100,Won\n", encoding="utf-8")
    (home / "problems.csv").write_text(
        "title,amount,stage\nServer,100,Won\nHuge,99999999999999999999,Won\n,5,Won\n"
        "Old,5,Nowhere\n", encoding="utf-8")
    (home / "mixed.csv").write_bytes("客户,金额\n".encode() + "深圳客户,1\n".encode("gbk")
                                     + "北京客户,2\n".encode())
    (home / "keys.json").write_text('{"客户名称": "customer.name"}', encoding="utf-8")
    (home / "broken.json").write_text('{"columns": ', encoding="utf-8")
    (home / "junk.sqlite").write_bytes(b"nope")
    os.mkfifo(home / "pipe")
    return home


REFUSED: list[tuple[str, list[str | bytes], int, str]] = [
    # (name, arguments, exit code, words of the message)
    ("missing database", ["metrics", "--db", "none.sqlite"], 3, "does not exist"),
    ("empty file", ["metrics", "--db", "empty.sqlite"], 3, "empty file"),
    ("not a database", ["check", "--db", "notes.txt"], 3, "notes.txt"),
    ("a folder", ["metrics", "--db", "folder.sqlite"], 3, "not a Funnel Desktop"),
    ("damaged database", ["metrics", "--db", "damaged.sqlite"], 3, "damaged"),
    ("check a damaged database", ["check", "--db", "damaged.sqlite"], 3, "damaged"),
    ("as of year one", ["metrics", "--db", "shop.sqlite", "--as-of", "0001-01-01"], 2,
     "outside the dates"),
    ("today in 9999", ["metrics", "--db", "shop.sqlite", "--today", "9999-12-31"], 2,
     "outside the dates"),
    ("a month 13", ["metrics", "--db", "shop.sqlite", "--from", "2026-13-01"], 2, "not a date"),
    ("target beyond the bound", ["plan", "--db", "shop.sqlite", "--target",
                                 "99999999999999999999"], 2, "100,000,000,000"),
    ("target 99999999999999999999万", ["plan", "--db", "shop.sqlite", "--target",
                                      "99999999999999999999万"], 2, "too large"),
    ("target 1e30", ["plan", "--db", "shop.sqlite", "--target", "1e30"], 2, "not an amount"),
    ("negative target", ["plan", "--db", "shop.sqlite", "--target", "-5"], 2, "negative"),
    ("demo with -5 deals", ["demo", "--db", "new.sqlite", "--deals", "-5"], 2,
     "from 1 to 200,000"),
    ("demo with ten million deals", ["demo", "--db", "new.sqlite", "--deals", "10000000"], 2,
     "200,000"),
    ("demo into a business", ["demo", "--db", "shop.sqlite"], 2, "already holds"),
    ("demo in a missing folder", ["demo", "--db", "nowhere/new.sqlite"], 3, "does not exist"),
    ("two-character delimiter", ["import", "deals.csv", "--db", "new.sqlite",
                                 "--delimiter", ";;"], 2, "delimiter"),
    ("two-character delimiter, in Chinese", ["--lang", "zh", "import", "deals.csv", "--db",
                                             "new.sqlite", "--delimiter", ";;"], 2,
     "“;;”不是分隔符：请填 auto、tab 或一个字符"),
    ("unknown template", ["import", "deals.csv", "--db", "new.sqlite", "--template", "nope"],
     2, "b2b6"),
    ("unknown encoding", ["import", "deals.csv", "--db", "new.sqlite", "--encoding", "klingon"],
     2, "klingon"),
    ("unknown currency", ["import", "deals.csv", "--db", "new.sqlite", "--currency", "XYZ"], 2,
     "CNY"),
    ("mixed encodings", ["import", "mixed.csv", "--db", "new.sqlite"], 2, "mixes two"),
    ("rows with problems into a new file", ["import", "problems.csv", "--db", "new.sqlite"], 2,
     "nothing was imported"),
    ("rows with problems into a business", ["import", "problems.csv", "--db", "shop.sqlite"],
     2, "nothing was imported"),
    ("dollars into a yuan business", ["import", "deals.csv", "--db", "shop.sqlite",
                                      "--currency", "USD"], 2, "keeps its amounts in CNY"),
    ("preset with columns at the top", ["import", "deals.csv", "--db", "new.sqlite",
                                        "--mapping", "keys.json"], 2, "客户名称"),
    ("broken preset", ["import", "deals.csv", "--db", "new.sqlite", "--mapping",
                       "broken.json"], 2, "cannot be used"),
    ("missing file", ["import", "none.csv", "--db", "new.sqlite"], 2, "does not exist"),
    ("import into a damaged database", ["import", "deals.csv", "--db", "damaged.sqlite"], 3,
     "damaged"),
    ("export under a file", ["export", "--db", "shop.sqlite", "--out",
                             "deals.csv/deep/x.csv"], 3, "Could not write"),
    ("export onto a pipe", ["export", "--db", "shop.sqlite", "--out", "pipe"], 3,
     "not a regular file"),
    ("back up onto a pipe", ["backup", "--db", "shop.sqlite", "--out", "pipe"], 3,
     "not a regular file"),
    ("report onto a pipe", ["report", "--db", "shop.sqlite", "--pdf", "pipe"], 2,
     "not a regular file"),
    ("save a mapping onto a pipe", ["import", "deals.csv", "--db", "new.sqlite", "--dry-run",
                                    "--save-mapping", "pipe"], 2, "not a regular file"),
    ("export onto a folder", ["export", "--db", "shop.sqlite", "--out", "folder.sqlite"], 3,
     "folder"),
    ("export a missing database", ["export", "--db", "none.sqlite", "--out", "x.csv"], 3,
     "does not exist"),
    ("back up a damaged database", ["backup", "--db", "damaged.sqlite"], 3, "damaged"),
    ("restore junk", ["backup", "--db", "shop.sqlite", "--restore", "junk.sqlite"], 3,
     "not a usable backup"),
    ("back up a missing database", ["backup", "--db", "none.sqlite"], 3, "does not exist"),
    ("week 60", ["report", "--db", "shop.sqlite", "--week", "2026-W60", "--pdf", "r.pdf"], 2,
     "ISO week"),
    ("week in year one", ["report", "--db", "shop.sqlite", "--week", "0001-W01", "--pdf",
                          "r.pdf"], 2, "outside the dates"),
    ("unknown threshold", ["health", "--db", "shop.sqlite", "--set", "bogus=1"], 2, "bogus"),
    ("escape sequence as an owner", ["metrics", "--db", "shop.sqlite", "--owner",
                                     "\x1b[31mX\x07"], 2, "\\x1b[31mX\\x07"),
    ("undecodable bytes as an owner", ["metrics", "--db", "shop.sqlite", "--owner",
                                       b"\xff\xfe"], 2, "character"),
    ("escape sequence as a stray argument", ["metrics", "--db", "shop.sqlite",
                                             "\x1b]0;pwned\x07"], 2, "\\x1b]0;pwned\\x07"),
]


@pytest.mark.parametrize(("args", "code", "words"), [c[1:] for c in REFUSED],
                         ids=[c[0] for c in REFUSED])
def test_a_refused_command_says_why_and_changes_nothing(folder: Path, args, code, words):
    before = snapshot(folder)
    done = cli(*args, cwd=folder)
    out, err = done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace")
    assert done.returncode == code, (out, err)
    assert "Traceback" not in out + err
    assert words in out + err, (out, err)
    for raw in ("\x1b", "\x07", "\udcff"):
        assert raw not in out + err
    assert snapshot(folder) == before


READ_ONLY = [
    ("check", ["check", "--db", "ro/shop.sqlite"], "OK"),
    ("metrics", ["metrics", "--db", "ro/shop.sqlite", "--today", "2026-11-24"], "Win rate"),
    ("plan", ["plan", "--db", "ro/shop.sqlite", "--today", "2026-11-24", "--target", "5万"],
     "Wins needed"),
    ("export", ["export", "--db", "ro/shop.sqlite", "--out", "out/deals.csv"], "20 deals"),
    ("dry run", ["import", "deals.csv", "--db", "ro/shop.sqlite", "--dry-run"],
     "Would import 1 row:"),
]


@pytest.mark.parametrize(("args", "words"), [c[1:] for c in READ_ONLY],
                         ids=[c[0] for c in READ_ONLY])
def test_reading_commands_work_on_a_read_only_file_in_a_read_only_folder(folder: Path, args,
                                                                         words):
    ro = folder / "ro"
    if not ro.exists():
        ro.mkdir()
        shutil.copy(folder / "shop.sqlite", ro / "shop.sqlite")
        os.chmod(ro / "shop.sqlite", 0o444)
        os.chmod(ro, 0o555)
        (folder / "out").mkdir()
    before = snapshot(ro)
    done = cli(*args, cwd=folder, unprivileged=True)
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 0, err
    assert words in out
    assert snapshot(ro) == before


def test_reading_a_closed_database_leaves_nothing_beside_it(folder: Path):
    """A read-only opening of a WAL file made -wal and -shm and left them behind."""
    for args in (["export", "--db", "shop.sqlite", "--out", "x.csv"],
                 ["metrics", "--db", "shop.sqlite"], ["check", "--db", "shop.sqlite"]):
        before = snapshot(folder)
        done = cli(*args, cwd=folder)
        assert done.returncode == 0, done.stderr
        after = snapshot(folder)
        after.pop("x.csv", None)
        assert after == before
        (folder / "x.csv").unlink(missing_ok=True)


def test_a_refused_import_into_an_empty_file_leaves_it_empty(folder: Path, tmp_path: Path):
    work = tmp_path / "w"
    work.mkdir()
    shutil.copy(folder / "problems.csv", work)
    (work / "new.sqlite").write_bytes(b"")
    done = cli("import", "problems.csv", "--db", "new.sqlite", cwd=work)
    assert done.returncode == 2
    assert (work / "new.sqlite").read_bytes() == b"" and sorted(os.listdir(work)) == [
        "new.sqlite", "problems.csv"]
    done = cli("import", "problems.csv", "--db", "new.sqlite", "--skip-invalid",
               "--currency", "EUR", cwd=work)
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(work)) == ["new.sqlite", "problems.csv"]
    assert b"keeps amounts in" not in done.stdout  # the currency was given
