"""Import throughput: a generated CSV of N deals into an empty database (read, check, plan
and write in one transaction), and the undo of that import — each beside its raw baseline in
the same run: a plain ``executemany`` of the very rows the import wrote (the same parsed
values, the same tables, one transaction, into a database in the same state), and a plain
``DELETE`` of them."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .datasets import Dataset, import_mapping, write_csv
from .timing import clock, combine, load_average


def _fresh(path: Path) -> Any:  # -> (OpenedDatabase, Services, pipeline id)
    """An empty database at ``path`` with the lists and the pipeline the import uses."""
    from ..services import Services
    from ..store.db import open_database

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    opened = open_database(path)
    services = Services(user="bench")
    services.seed_lists("en")
    pid = services.create_pipeline("b2b6", "en").value
    return opened, services, pid


@contextmanager
def _recording(calls: list[tuple[Any, tuple[str, ...], list[tuple]]]) -> Any:
    """Every bulk insert of the import kept (model, columns, rows) — references only, the
    rows are the import's own lists."""
    from ..services import importing

    real = importing.bulk_insert

    def record(model: Any, columns: Any, rows: list[tuple]) -> None:
        calls.append((model, tuple(columns), rows))
        real(model, columns, rows)

    importing.bulk_insert = record
    try:
        yield
    finally:
        importing.bulk_insert = real


def _raw_baseline(path: Path, calls: list[tuple[Any, tuple[str, ...], list[tuple]]]
                  ) -> tuple[float, float]:
    """(seconds to insert, seconds to delete) the recorded rows with the driver alone: one
    ``INSERT`` per table fed by ``executemany`` (the columns the import gave plus the
    defaults peewee adds), in one transaction; then one ``DELETE`` per table of the rows
    above what was there before, in one transaction."""
    opened, _services, _pid = _fresh(path)
    try:
        con = opened.db.connection()
        tables = list(dict.fromkeys(m._meta.table_name for m, _c, _r in calls))
        floors = {t: con.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{t}"').fetchone()[0]
                  for t in tables}
        statements = []
        for model, columns, rows in calls:
            fields = [getattr(model, c) for c in columns]
            given = {f.name for f in fields}
            extra = [f for f in model._meta.sorted_fields
                     if f.name not in given and not f.primary_key and f.default is not None]
            tail = tuple(f.default() if callable(f.default) else f.default for f in extra)
            names = ", ".join(f'"{f.column_name}"' for f in fields + extra)
            marks = ", ".join("?" for _ in fields + extra)
            statements.append((f'INSERT INTO "{model._meta.table_name}" ({names}) '
                               f"VALUES ({marks})", rows, tail))
        t0 = clock()
        con.execute("BEGIN IMMEDIATE")
        for sql, rows, tail in statements:
            con.executemany(sql, (r + tail for r in rows) if tail else rows)
        con.execute("COMMIT")
        insert_s = clock() - t0
        t0 = clock()
        con.execute("BEGIN IMMEDIATE")
        for t in reversed(tables):
            con.execute(f'DELETE FROM "{t}" WHERE id > ?', (floors[t],))
        con.execute("COMMIT")
        delete_s = clock() - t0
    finally:
        opened.db.close()
    return insert_s, delete_s


def _one_run(ds: Dataset, csv_path: Path, folder: Path) -> dict[str, Any]:
    from ..services.importing import import_table
    from ..store.importing import read_table
    from ..store.models import Deal

    calls: list[tuple[Any, tuple[str, ...], list[tuple]]] = []
    opened, services, pid = _fresh(folder / f"import-{ds.size}.sqlite")
    try:
        with _recording(calls):
            t0 = clock()
            table = read_table(csv_path)
            t1 = clock()
            out = import_table(services, table, import_mapping(), pid)
            t2 = clock()
        del table
        report = out.value
        assert report.created["deals"] == ds.size, report.created
        t3 = clock()
        assert out.inverse is not None
        services.undo(out.inverse)
        undo_s = clock() - t3
        assert not Deal.select().exists()
        del out
    finally:
        opened.db.close()
    raw_insert_s, raw_delete_s = _raw_baseline(folder / f"raw-{ds.size}.sqlite", calls)
    rows_written = sum(len(r) for _m, _c, r in calls)
    del calls
    total = t2 - t0
    raw_rows_per_s = ds.size / raw_insert_s if raw_insert_s else None
    rows_per_s = ds.size / total if total else None
    return {"read_s": round(t1 - t0, 3), "import_s": round(t2 - t1, 3),
            "total_s": round(total, 3),
            "rows_per_s": round(rows_per_s) if rows_per_s else None,
            "raw_insert_s": round(raw_insert_s, 3),
            "raw_rows_per_s": round(raw_rows_per_s) if raw_rows_per_s else None,
            "ratio": round(rows_per_s / raw_rows_per_s, 3) if rows_per_s and raw_rows_per_s
            else None,
            "undo_s": round(undo_s, 3), "raw_delete_s": round(raw_delete_s, 3),
            "undo_ratio": round(undo_s / raw_delete_s, 2) if raw_delete_s else None,
            "rows_written": rows_written}


def measure_import(ds: Dataset, workdir: Path, repeats: int = 3) -> dict[str, Any]:
    """Rows per second of ``read_table`` + ``import_table`` for ``ds.size`` rows and the
    seconds ``Services.undo`` takes to remove the import again, each run ``repeats`` times
    (min / median / max), beside the raw ``executemany`` of the same rows (rows/s, and the
    import's share of it: ``ratio``) and the raw ``DELETE`` of them (``undo_ratio``)."""
    folder = workdir / "import"
    csv_path = write_csv(folder / f"deals-{ds.size}.csv", ds.size, ds.today, ds.seed)
    runs = []
    for _ in range(max(1, repeats)):
        runs.append(_one_run(ds, csv_path, folder))
    out = combine(runs)
    out["rows"] = ds.size
    out["load_average"] = load_average()
    out["runs"] = runs
    return out
