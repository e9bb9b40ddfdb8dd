"""Fixtures for the command-line tests: a demo database file made by the ``demo`` command."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from funnel_desktop.cli import main, output
from funnel_desktop.store.models import database

TODAY = "2026-11-24"


@pytest.fixture(autouse=True)
def _english_unless_asked(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ``--lang`` the commands speak English here, whatever the machine's stored
    preference or locale; the tests' QApplication carries the translators (a command run
    first would otherwise make a bare QCoreApplication the widget tests cannot use)."""
    monkeypatch.setattr(output, "default_language", lambda: "en")


@pytest.fixture(autouse=True)
def _close_what_the_command_opened() -> Iterator[None]:
    yield
    if database.obj is not None:
        database.obj.close()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """``run("metrics", "--db", f)`` → (exit code, stdout, stderr)."""

    def call(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return call


@pytest.fixture
def demo_file(tmp_path: Path, run) -> Path:
    path = tmp_path / "demo.sqlite"
    code, out, err = run("demo", "--db", str(path), "--seed", "1", "--today", TODAY)
    assert (code, err) == (0, "")
    assert "300 deals" in out
    return path


@pytest.fixture
def metrics_json(run) -> Callable[..., dict]:
    def call(path: Path, *extra: str) -> dict:
        code, out, err = run("metrics", "--db", str(path), "--today", TODAY, "--json", *extra)
        assert (code, err) == (0, "")
        return json.loads(out)

    return call
