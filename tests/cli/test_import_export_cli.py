"""``funnel-desktop import``, ``export`` and ``backup`` end to end, with their exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Deal, Owner, database
from tests.conftest import DATASETS

PIPELINE = DATASETS / "maven-crm" / "sales_pipeline.csv"


def test_maven_import_dry_run_then_real(run, tmp_path: Path):
    db = tmp_path / "maven.sqlite"
    code, out, err = run("import", str(PIPELINE), "--mapping", "maven", "--db", str(db),
                         "--dry-run")
    assert (code, err) == (0, "")
    assert out.startswith("Would import 8,800 rows: deals 8,800 created")
    assert "“GTXPro” was matched to “GTX Pro” in products.csv (1480 rows)" in out
    assert not db.exists()  # a dry run writes nothing, not even a new file
    code, out, err = run("import", str(PIPELINE), "--mapping", "maven", "--db", str(db),
                         "--json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["created"]["deals"] == 8800 and report["created"]["owners"] == 30
    assert report["dry_run"] is False
    database.obj.close()
    open_database(db)
    assert Deal.select().count() == 8800 and Owner.select().count() == 30
    database.obj.close()
    code, out, _ = run("import", str(PIPELINE), "--mapping", "maven", "--db", str(db))
    assert code == 0 and "0 created, 0 updated, 8,800 unchanged" in out


def test_import_with_a_saved_preset_and_bad_rows(run, tmp_path: Path):
    data = tmp_path / "deals.csv"
    data.write_text("ref;name;value;stage\nA;Server;1.234,50;Engaging\nB;Cloud;x;Engaging\n"
                    "C;Disk;10;Nowhere\n", encoding="utf-8-sig")
    preset = tmp_path / "preset.json"
    preset.write_text(json.dumps({
        "columns": {"ref": "deal.external_id", "name": "deal.title", "value": "deal.amount",
                    "stage": "deal.stage"},
        "stage_map": {"Engaging": "open:2"}, "amount_format": "1.234,56"}), encoding="utf-8")
    db = tmp_path / "t.sqlite"
    code, out, err = run("import", str(data), "--mapping", str(preset), "--db", str(db))
    assert code == 2
    assert "problem: row 3, column “value”: “x” is not an amount" in out
    assert "problem: row 4, column “stage”: Stage “Nowhere” is not mapped" in out
    assert "2 rows have problems, so nothing was imported" in err
    database.obj.close()
    open_database(db)
    assert Deal.select().count() == 0
    database.obj.close()
    code, out, err = run("import", str(data), "--mapping", str(preset), "--db", str(db),
                         "--skip-invalid")
    assert (code, err) == (0, "")
    open_database(db)
    assert [(d.external_id, d.amount, d.stage.name) for d in Deal.select()] == [
        ("A", 123450, "Product introduction")]


def test_import_input_errors_exit_2(run, tmp_path: Path):
    db = str(tmp_path / "x.sqlite")
    assert run("import", str(tmp_path / "none.csv"), "--mapping", "maven", "--db", db)[0] == 2
    assert run("import", str(PIPELINE), "--mapping", str(tmp_path / "no.json"),
               "--db", db)[0] == 2
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 1000)
    code, _, err = run("import", str(PIPELINE), "--mapping", "maven", "--db", str(bad))
    assert code == 3 and ("damaged" in err or "not a Funnel Desktop" in err)


def test_export_every_kind_and_format(run, demo_file: Path, tmp_path: Path):
    for what in ("deals", "customers", "contacts", "activities"):
        for fmt in ("csv", "xlsx"):
            out = tmp_path / f"{what}.{fmt}"
            code, text, err = run("export", "--db", str(demo_file), "--what", what,
                                  "--format", fmt, "--out", str(out), "--bom")
            assert (code, err) == (0, "") and out.exists()
            assert text.startswith(f"{out}: ") and text.strip().endswith(what)
    with open(tmp_path / "deals.csv", newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 300 and rows[0]["pipeline"] == "B2B six stages"
    assert (tmp_path / "deals.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    code, _, err = run("export", "--db", str(tmp_path / "none.sqlite"), "--out",
                       str(tmp_path / "x.csv"))
    assert code == 3 and "does not exist" in err


def test_backup_now_list_and_restore(run, demo_file: Path, tmp_path: Path):
    code, out, err = run("backup", "--db", str(demo_file))
    assert (code, err) == (0, "")
    saved = Path(out.strip().split(" backed up to ")[1])
    assert saved.exists() and saved.parent == demo_file.parent / "backups"
    code, out, _ = run("backup", "--db", str(demo_file), "--list")
    assert code == 0 and "manual" in out and str(saved) in out
    target = tmp_path / "copy.sqlite"
    assert run("backup", "--db", str(demo_file), "--out", str(target))[0] == 0
    code, out, err = run("backup", "--db", str(demo_file), "--restore", str(target))
    assert (code, err) == (0, "") and "before-restore" in out
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"nope")
    code, _, err = run("backup", "--db", str(demo_file), "--restore", str(junk))
    assert code == 3 and "not a usable backup" in err


def test_a_full_disk_during_an_import_is_said_and_keeps_the_database(
        run, demo_file: Path, tmp_path: Path, monkeypatch):
    """The database cannot grow (as on a full disk): the import says the disk is full (not
    "an internal error … cannot rollback - no transaction is active") and keeps nothing."""
    from funnel_desktop.cli import import_

    data = tmp_path / "many.csv"
    data.write_text("title,customer,amount,stage\n" + "".join(
        f"Deal {i} {'x' * 200},Customer {i},{i},Won\n" for i in range(3000)), encoding="utf-8")
    before = demo_file.read_bytes()
    real_run = import_._run

    def on_a_full_disk(*args, **kwargs):
        pages = database.obj.execute_sql("PRAGMA page_count").fetchone()[0]
        database.obj.execute_sql(f"PRAGMA max_page_count={pages}")
        return real_run(*args, **kwargs)

    monkeypatch.setattr(import_, "_run", on_a_full_disk)
    for lang, words in (("en", "The disk is full"), ("zh", "磁盘已满")):
        code, _, err = run("--lang", lang, "import", str(data), "--db", str(demo_file))
        assert code == 3, err
        assert words in err and "rollback" not in err and "internal" not in err, err
    assert demo_file.read_bytes() == before


def test_the_currency_question_names_the_file_and_says_a_wrong_answer(
        run, tmp_path: Path, monkeypatch):
    """On a terminal a new database asks its currency naming the file given to --db (not
    the temporary file it is made as) and says why an answer is not taken."""
    import sys

    data = tmp_path / "deals.csv"
    data.write_text("title,amount,stage\nServer,100,Won\n", encoding="utf-8")
    db = tmp_path / "new.sqlite"
    asked: list[str] = []
    answers = iter(["XYZ", "gbp"])

    def answer(question: str) -> str:
        asked.append(question)
        return next(answers)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", answer)
    code, _, err = run("import", str(data), "--db", str(db))
    assert code == 0, err
    assert asked == [f"Currency of the new database {db} (CNY, USD, EUR, GBP, HKD, JPY, TWD, "
                     "SGD) [USD]: "] * 2
    assert "“XYZ” is not one of: CNY, USD" in err
    open_database(db)
    from funnel_desktop.store.queries import get_setting

    assert get_setting("currency", None) == "GBP"
