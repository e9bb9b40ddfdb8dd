"""``funnel-desktop watch``: each change of another process, as it commits, until
interrupted — on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

from funnel_desktop.services import Services
from funnel_desktop.store.models import Stage


class Lines:
    """The lines a process prints, read by a thread of their own."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.queue: queue.Queue[str] = queue.Queue()
        assert proc.stdout is not None
        self.stream = proc.stdout
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        for line in self.stream:
            self.queue.put(line)

    def close(self) -> None:
        self.thread.join(timeout=20)
        self.stream.close()

    def take(self, count: int, timeout: float = 20) -> list[str]:
        out: list[str] = []
        end = time.monotonic() + timeout
        while len(out) < count:
            try:
                out.append(self.queue.get(timeout=max(0.01, end - time.monotonic())))
            except queue.Empty:
                break
        return out


def test_watch_prints_every_commit_as_json_lines_and_stops_cleanly(any_db):
    s = Services(user="alice")
    s.seed_lists("en")
    pid = s.create_pipeline("b2b6", "en").value
    first, second = [st.id for st in Stage.select().where(Stage.pipeline == pid)
                     .order_by(Stage.position)][:2]
    proc = subprocess.Popen([sys.executable, "-m", "funnel_desktop", "watch", "--db",
                             any_db.reopen_with, "--json", "--since", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines = Lines(proc)
    try:
        seen = [json.loads(x) for x in lines.take(2)]
        assert [e["action"] for e in seen] == ["seed lists", "create pipeline"]
        deal = s.create_deal(pid, first, {"title": "Boiler", "amount": 100}).value
        started = time.monotonic()
        s.move_deals([deal], second)
        seen = [json.loads(x) for x in lines.take(2)]
        took = time.monotonic() - started
        assert [(e["action"], e["by"], e["deal_ids"]) for e in seen] == [
            ("create deal", "alice", [deal]), ("move deals", "alice", [deal])]
        assert seen[1]["moves"] == [[deal, first, second]]
        assert seen[0]["seq"] < seen[1]["seq"]
        assert took < 10  # within a second in practice; the bound only catches a hang
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
        lines.close()
        assert proc.stderr is not None
        err = proc.stderr.read()
        proc.stderr.close()
    assert proc.returncode == 0 and err == ""


def test_watch_on_a_missing_file_says_so_and_creates_nothing(tmp_path, capsys):
    from funnel_desktop.cli import main

    path = tmp_path / "none.sqlite"
    assert main(["watch", "--db", str(path)]) == 3
    assert "does not exist" in capsys.readouterr().err
    assert not path.exists()
