"""``funnel-desktop health``: findings as English sentences or JSON on the demo business."""

from __future__ import annotations

import json

from funnel_desktop.cli import main
from funnel_desktop.core.health import KINDS


def test_health_prints_sentences_and_json(demo, capsys):
    path = str(demo.path)
    assert main(["health", "--db", path, "--today", "2026-11-24"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("B2B six stages  as of 2026-11-24; conversion and activity over "
                           "2026-08-27 – 2026-11-24")
    assert "[high]" in text and "deals: #" in text
    assert main(["health", "--db", path, "--today", "2026-11-24", "--json",
                 "--set", "min_open_deals=1000"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["target"]["from"] == "2026-10-01" and d["target"]["to"] == "2026-12-31"
    assert d["thresholds"]["min_open_deals"] == 1000
    kinds = [f["kind"] for f in d["findings"]]
    assert kinds[0] == "too_few_open" and set(kinds) <= set(KINDS)
    few = d["findings"][0]
    assert few["params"]["minimum"] == 1000
    assert few["text"].startswith(f"Too few open deals: {few['params']['open']} (")
    assert len(few["deal_ids"]) == few["params"]["open"]


def test_health_judges_the_period_it_is_given(demo, capsys):
    path = str(demo.path)
    assert main(["health", "--db", path, "--today", "2026-11-24", "--from", "2026-01-01",
                 "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["period"] == {"from": "2026-01-01", "to": "2026-11-24"}
    assert main(["health", "--db", path, "--today", "2026-11-24", "--to", "2026-10-31",
                 "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["period"] == {"from": "2026-08-03", "to": "2026-10-31"}
    assert main(["health", "--db", path, "--from", "2026-12-01", "--to", "2026-11-01"]) == 2


def test_health_rejects_a_bad_threshold(demo, capsys):
    code = main(["health", "--db", str(demo.path), "--set", "min_open_deals=lots"])
    assert code == 2
    assert "not a valid value for the health threshold min_open_deals" in capsys.readouterr().err
    assert main(["health", "--db", str(demo.path), "--set", "nonsense=1"]) == 2


def test_health_reads_the_stored_thresholds(demo, capsys):
    from funnel_desktop.services import Services

    Services(user="t").set_setting("health_thresholds", {"min_open_deals": 500,
                                                         "default_idle_days": None})
    assert main(["health", "--db", str(demo.path), "--today", "2026-11-24", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["thresholds"]["min_open_deals"] == 500
    assert d["thresholds"]["default_idle_days"] is None
    assert d["findings"][0]["params"]["minimum"] == 500
