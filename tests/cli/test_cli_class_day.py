"""`--class` picks customers by their class on `--today`, not on the machine's date."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def test_class_segment_follows_today(run: Any, demo_file: Path) -> None:
    counts = {}
    for today in ("2026-11-24", "2020-01-01"):
        code, out, err = run("metrics", "--db", str(demo_file), "--today", today,
                             "--class", "A", "--json")
        assert (code, err) == (0, "")
        counts[today] = json.loads(out)["open"]["count"]
    # in 2020 every expected close is years away: no derived A (big and soon), only the
    # customers set to A by hand
    assert counts["2026-11-24"] > counts["2020-01-01"]
