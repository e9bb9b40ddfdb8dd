"""The dry run checks what the real import needs: a value beyond what the database holds is a
problem of its row in the dry run, so a dry run that passes means the import succeeds (on
SQLite and PostgreSQL alike)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from funnel_desktop.services import Services
from funnel_desktop.services.importing import ImportRefused, import_table
from funnel_desktop.store.importing import Mapping, read_table
from funnel_desktop.store.models import Deal

COLUMNS = {"ref": "deal.external_id", "title": "deal.title", "customer": "customer.name",
           "amount": "deal.amount", "stage": "deal.stage", "created": "deal.created",
           "owner": "owner.name", "probability": "deal.probability"}
GOOD = ["G1", "Good deal", "Acme", "1,000", "Won", "2026-01-05", "Ann", ""]
BAD = {  # external id → (row values, expected problem code)
    "B1": (["B1", "Huge", "Acme", "99999999999999999999", "Won", "2026-01-05", "Ann", ""],
           "amount_too_large"),
    "B2": (["B2", "Huge wan", "Acme", "99999999999999999999万", "Won", "", "Ann", ""],
           "amount_too_large"),
    "B3": (["B3", "Exponent", "Acme", "1e30", "Won", "", "Ann", ""], "amount_invalid"),
    "B4": (["B4", "T" * 300, "Acme", "5", "Won", "", "Ann", ""], "text_too_long"),
    "B5": (["B5", "", "Acme", "5", "Won", "", "Ann", ""], "import_title_empty"),
    "B6": (["B6", "Year one", "Acme", "5", "Won", "0001-01-01", "Ann", ""],
           "date_out_of_range"),
    "B7": (["B7", "Far future", "Acme", "5", "Prospecting", "9999-12-31", "Ann", ""],
           "date_out_of_range"),
    "B8": (["B8", "Prob", "Acme", "5", "Prospecting", "", "Ann", "1" + "0" * 30],
           "probability_invalid"),
    "B9": (["B9", "Long owner", "Acme", "5", "Won", "", "O" * 256, ""], "text_too_long"),
    "B10": (["B10", "Long customer", "C" * 256, "5", "Won", "", "Ann", ""], "text_too_long"),
    "B11": (["B11", "Signed", "Acme", "5", "Nowhere", "", "Ann", ""], "import_stage_unmapped"),
}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(list(COLUMNS))
        w.writerow(GOOD)
        for values, _code in BAD.values():
            w.writerow(values)
    return path


def test_the_dry_run_names_every_value_the_database_cannot_hold(any_db, hostile: Path):
    s = Services(user="t")
    s.seed_lists("en")
    pid = s.create_pipeline("b2b6", "en").value
    mapping = Mapping(columns=dict(COLUMNS), stage_map={"Prospecting": "open:1"})
    table = read_table(hostile)
    report = import_table(s, table, mapping, pid, dry_run=True).value
    found = {(p.row, p.code) for p in report.problems}
    expected = {(i + 3, code) for i, (_v, code) in enumerate(BAD.values())}
    assert found == expected
    assert all("{" not in p.english() and len(p.english()) < 400 for p in report.problems)
    unmapped = next(n for n in report.notes if n.code == "note_stage_unmapped")
    assert unmapped.params["value"] == "Nowhere" and "Won, Lost" in unmapped.params["stages"]
    assert unmapped.params["line"].startswith('"Nowhere": "')
    with pytest.raises(ImportRefused) as refused:  # the real run meets the same problems
        import_table(s, table, mapping, pid)
    assert {(p.row, p.code) for p in refused.value.report.problems} == expected
    assert not Deal.select().exists()
    mapping.skip_invalid_rows = True
    report = import_table(s, table, mapping, pid).value  # and the rest goes in, on any db
    assert report.created["deals"] == 1
    assert [d.external_id for d in Deal.select()] == ["G1"]


def test_an_empty_title_can_be_filled_by_the_rule_the_user_chose(db, tmp_path: Path):
    path = tmp_path / "t.csv"
    path.write_text("title,product,customer\n,Server,Acme\nNamed,,\n", encoding="utf-8")
    s = Services(user="t")
    pid = s.create_pipeline("b2b6", "en").value
    columns = {"title": "deal.title", "product": "deal.product", "customer": "customer.name"}
    report = import_table(s, read_table(path), Mapping(columns=columns), pid,
                          dry_run=True).value
    assert [(p.row, p.code) for p in report.problems] == [(2, "import_title_empty")]
    import_table(s, read_table(path), Mapping(columns=columns, empty_title="fill"), pid)
    assert sorted(d.title for d in Deal.select()) == ["Named", "Server – Acme"]


@pytest.mark.parametrize(("template", "lang"), [("b2b6", "en"), ("b2b6", "zh"),
                                                ("weekly6", "en"), ("weekly6", "zh")])
def test_stage_words_match_in_both_languages(db, tmp_path: Path, template: str, lang: str):
    path = tmp_path / "s.csv"
    words = ["成交", "赢单", "签约", "Won", "输单", "丢单", "失败", "Lost"]
    path.write_text("title,stage\n" + "".join(f"D{i},{w}\n" for i, w in enumerate(words)),
                    encoding="utf-8")
    s = Services(user="t")
    s.seed_lists(lang)
    pid = s.create_pipeline(template, lang).value
    columns = {"title": "deal.title", "stage": "deal.stage"}
    import_table(s, read_table(path), Mapping(columns=columns), pid)
    kinds = [d.stage.kind for d in Deal.select().order_by(Deal.id)]
    assert kinds == ["won"] * 4 + ["lost"] * 4
