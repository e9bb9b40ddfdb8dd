"""How long the window stops answering while long work runs: a 10 ms heartbeat timer on the
GUI thread during an import of N rows and its undo, both through the window's operation
runner (worker thread, progress dialog). The figure is the longest gap between two beats
beyond the beat itself (target ≤ 100 ms)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .datasets import Dataset, import_mapping, write_csv

BEAT_MS = 10


class _Heart:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self.beat)

    def beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(max(0.0, now - self.last - BEAT_MS / 1000))
        self.last = now

    def start(self) -> None:
        self.gaps.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        return {"longest_ms": round(gaps[-1] * 1000, 1),
                "p99_ms": round(gaps[int(len(gaps) * 0.99) - 1 if len(gaps) > 1 else 0]
                                * 1000, 1),
                "beats": len(self.gaps)}


def measure_stall(ds: Dataset, workdir: Path) -> dict[str, Any]:
    """The longest GUI-thread stall during an import of ``ds.size`` rows and its undo."""
    from PySide6.QtWidgets import QWidget

    from ..services import Services
    from ..services.importing import import_table
    from ..store.db import open_database
    from ..store.importing import read_table
    from ..store.models import Deal
    from ..ui.common.operations import OperationRunner

    folder = workdir / "stall"
    csv_path = write_csv(folder / f"deals-{ds.size}.csv", ds.size, ds.today, ds.seed)
    db = folder / f"stall-{ds.size}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    opened = open_database(db)
    window = QWidget()
    runner = OperationRunner(lambda out, _label: out, lambda _p, err: None)
    heart = _Heart()
    try:
        services = Services(user="bench")
        services.seed_lists("en")
        pid = services.create_pipeline("b2b6", "en").value
        heart.start()
        t0 = time.perf_counter()
        out = runner.run_long(window, "Import", lambda: import_table(
            services, read_table(csv_path), import_mapping(), pid), undoable=False)
        import_s = time.perf_counter() - t0
        during_import = heart.stop()
        assert out is not None and out.value.created["deals"] == ds.size
        heart.start()
        t0 = time.perf_counter()
        inverse = out.inverse
        assert inverse is not None
        runner.run_long(window, "Undo", lambda: services.undo(inverse), undoable=False)
        undo_s = time.perf_counter() - t0
        during_undo = heart.stop()
        assert not Deal.select().exists()
    finally:
        window.deleteLater()
        opened.db.close()
    return {"rows": ds.size, "import_s": round(import_s, 3), "import": during_import,
            "undo_s": round(undo_s, 3), "undo": during_undo}
