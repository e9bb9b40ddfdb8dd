"""The benchmark's databases: N deals with stage history, activities and customers (10 %
open), built once by the demo generator and cached in a temporary folder; and the CSV files
the import is measured on."""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .timing import clock

#: Bumped whenever the generator's output changes (a new version rebuilds the cache).
GENERATOR = 1
OPEN_SHARE = 0.1


@dataclass(frozen=True, slots=True)
class Dataset:
    """A cached benchmark database (never written to: measure on a :func:`working_copy`)."""

    size: int
    seed: int
    path: Path
    today: date
    pipeline_id: int
    open: int
    build_s: float  # how long the generator took when it was built
    cached: bool  # found in the cache this run


def cache_dir() -> Path:
    """``$FUNNEL_BENCH_CACHE``, else ``funnel-bench`` in the temporary folder."""
    folder = Path(os.environ.get("FUNNEL_BENCH_CACHE")
                  or Path(tempfile.gettempdir()) / "funnel-bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _key(size: int, seed: int) -> str:
    from ..store.db import SCHEMA_VERSION

    return f"deals{size}-seed{seed}-schema{SCHEMA_VERSION}-gen{GENERATOR}"


def dataset(size: int, seed: int = 1) -> Dataset:
    """The database of ``size`` deals for ``seed``: from the cache, else generated."""
    from ..services import Services
    from ..services.demo import generate
    from ..store.db import open_database

    folder = cache_dir()
    key = _key(size, seed)
    path, meta_path = folder / f"{key}.sqlite", folder / f"{key}.json"
    if path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return Dataset(size, seed, path, date.fromisoformat(meta["today"]),
                       meta["pipeline_id"], meta["open"], meta["build_s"], True)
    tmp = folder / f"{key}.building-{os.getpid()}.sqlite"
    tmp.unlink(missing_ok=True)
    today = date.today()
    opened = open_database(tmp)
    try:
        t = clock()
        summary = generate(Services(user="bench"), deals=size, seed=seed, lang="en",
                           today=today, open_share=OPEN_SHARE)
        build_s = clock() - t
    finally:
        opened.db.close()
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.replace(path)
    meta = {"today": today.isoformat(), "pipeline_id": summary.pipeline_id,
            "open": summary.open, "build_s": round(build_s, 3)}
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return Dataset(size, seed, path, today, summary.pipeline_id, summary.open,
                   round(build_s, 3), False)


def working_copy(ds: Dataset, folder: Path, name: str | None = None) -> Path:
    """A copy of the dataset's file in ``folder`` to measure on (writes are allowed)."""
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / (name or ds.path.name)
    shutil.copyfile(ds.path, dest)
    os.chmod(dest, 0o600)
    return dest


# -- the import's CSV -------------------------------------------------------------------------
#: The CSV's columns and how the import maps them.
CSV_COLUMNS = ("id", "deal", "customer", "stage", "amount", "created", "closed", "owner",
               "source")
CSV_STAGES = {"new": "open:1", "talking": "open:2", "won": "won", "lost": "lost"}


def import_mapping():  # -> store.importing.Mapping
    from ..store.importing import Mapping

    return Mapping(columns={"id": "deal.external_id", "deal": "deal.title",
                            "customer": "customer.name", "stage": "deal.stage",
                            "amount": "deal.amount", "created": "deal.created",
                            "closed": "deal.closed", "owner": "owner.name",
                            "source": "deal.source"},
                   stage_map=dict(CSV_STAGES))


def write_csv(path: Path, rows: int, today: date, seed: int = 1) -> Path:
    """A CSV export of ``rows`` deals (10 % open) from another CRM, deterministic."""
    rng = random.Random(seed)
    customers = [f"Customer {i:06d} Ltd" for i in range(max(10, rows * 2 // 5))]
    owners = [f"Owner {i}" for i in range(12)]
    sources = ("Web", "Fair", "Referral", "Cold call", "Partner")
    titles = ("ERP rollout", "Server purchase", "Annual support", "Data platform", "Training")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(CSV_COLUMNS)
        for n in range(rows):
            created = today - timedelta(days=rng.randint(30, 540))
            r = rng.random()
            stage = ("new" if r < 0.05 else "talking" if r < OPEN_SHARE
                     else "won" if r < 0.5 else "lost")
            closed = "" if stage in ("new", "talking") else (
                created + timedelta(days=rng.randint(5, 29))).isoformat()
            w.writerow((f"X{n + 1}", f"{rng.choice(titles)} #{n + 1}", rng.choice(customers),
                        stage, rng.randint(3, 800) * 100, created.isoformat(), closed,
                        rng.choice(owners), rng.choice(sources)))
    return path
