"""Import throughput: a generated CSV of N deals into an empty database (read, check, plan
and write in one transaction), and the undo of that import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .datasets import Dataset, import_mapping, write_csv
from .timing import clock


def measure_import(ds: Dataset, workdir: Path) -> dict[str, Any]:
    """Rows per second of ``read_table`` + ``import_table`` for ``ds.size`` rows, and the
    seconds ``Services.undo`` takes to remove the import again."""
    from ..services import Services
    from ..services.importing import import_table
    from ..store.db import open_database
    from ..store.importing import read_table
    from ..store.models import Deal

    folder = workdir / "import"
    csv_path = write_csv(folder / f"deals-{ds.size}.csv", ds.size, ds.today, ds.seed)
    db = folder / f"import-{ds.size}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    opened = open_database(db)
    try:
        services = Services(user="bench")
        services.seed_lists("en")
        pid = services.create_pipeline("b2b6", "en").value
        t0 = clock()
        table = read_table(csv_path)
        t1 = clock()
        out = import_table(services, table, import_mapping(), pid)
        t2 = clock()
        report = out.value
        assert report.created["deals"] == ds.size, report.created
        t3 = clock()
        assert out.inverse is not None
        services.undo(out.inverse)
        undo_s = clock() - t3
        assert not Deal.select().exists()
    finally:
        opened.db.close()
    total = t2 - t0
    return {"rows": ds.size, "read_s": round(t1 - t0, 3), "import_s": round(t2 - t1, 3),
            "total_s": round(total, 3), "rows_per_s": round(ds.size / total) if total else None,
            "undo_s": round(undo_s, 3)}
