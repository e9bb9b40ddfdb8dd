"""The weekly report at each size: gathering its data, then writing the PDF."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from .datasets import Dataset
from .timing import clock, combine, load_average


def measure_report(ds: Dataset, workdir: Path, repeats: int = 3) -> dict[str, Any]:
    """Seconds to gather this week's report (whole business) and to write its PDF (needs a
    QGuiApplication, made by the caller), ``repeats`` times after one warm-up: min / median /
    max."""
    from ..core.dates import iso_week
    from ..report.scope import ReportScope
    from ..report.weekly import report_for, write_weekly_pdf
    from ..store.db import open_database

    opened = open_database(ds.path, readonly=True)
    out = workdir / "report" / f"weekly-{ds.size}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    runs = []
    first = None
    try:
        printed = datetime(ds.today.year, ds.today.month, ds.today.day, 12, 0)
        for i in range(max(1, repeats) + 1):  # the first one a warm-up, not counted
            t0 = clock()
            data = report_for(iso_week(ds.today), ReportScope(), ds.pipeline_id,
                              printed=printed)
            t1 = clock()
            pages = write_weekly_pdf(data, out, "en")
            t2 = clock()
            del data
            if i:
                runs.append({"gather_s": t1 - t0, "pdf_s": t2 - t1, "total_s": t2 - t0})
            else:
                first = round(t2 - t0, 3)
    finally:
        opened.db.close()
    return {**combine(runs), "first_s": first, "pages": pages, "bytes": out.stat().st_size,
            "load_average": load_average()}
