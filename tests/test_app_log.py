"""The log: a rotating file in the data folder that uncaught exceptions (main thread and
others) and Qt's messages are written to, with every password masked."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import qInfo

from funnel_desktop import app_log


@pytest.fixture
def log_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "logs"
    app_log.setup(folder)
    yield folder
    app_log.shutdown()


def text_of(folder: Path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return (folder / app_log.LOG_NAME).read_text(encoding="utf-8")


@pytest.mark.parametrize(("raw", "masked"), [
    ("postgresql://ann:s3cret@db.local:5432/shop", "postgresql://ann:***@db.local:5432/shop"),
    ("could not open postgres://bob:p%40ss@10.0.0.1/x: refused",
     "could not open postgres://bob:***@10.0.0.1/x: refused"),
    ("postgresql://eve:a@b@host/db", "postgresql://eve:***@host/db"),
    ("host=db user=ann password=s3cret dbname=shop", "host=db user=ann password=*** dbname=shop"),
    ("{'user': 'ann', 'password': 's3cret'}", "{'user': 'ann', 'password': '***'}"),
    ("PASSWORD: s3cret", "PASSWORD: ***"),
    ("postgresql://ann@db.local/shop and /home/ann/shop.sqlite",
     "postgresql://ann@db.local/shop and /home/ann/shop.sqlite"),
    ("the tests pass: 5 of 5", "the tests pass: 5 of 5"),
])
def test_passwords_are_masked(raw: str, masked: str) -> None:
    assert app_log.mask_secrets(raw) == masked


def test_every_line_is_masked(log_folder: Path) -> None:
    logging.getLogger("funnel_desktop.test").warning("connecting to %s",
                                                     "postgresql://ann:s3cret@db/shop")
    try:
        raise ConnectionError("postgresql://ann:s3cret@db/shop refused")
    except ConnectionError:
        logging.getLogger("funnel_desktop.test").exception("failed")
    text = text_of(log_folder)
    assert "s3cret" not in text
    assert text.count("postgresql://ann:***@db/shop") == 3  # message, exception, traceback


def test_the_file_rotates(log_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handler = next(h for h in logging.getLogger().handlers
                   if h.get_name() == "funnel-desktop-file")
    assert handler.maxBytes == app_log.MAX_BYTES and handler.backupCount == app_log.BACKUPS
    handler.maxBytes = 2000
    for i in range(200):
        logging.getLogger("funnel_desktop.test").info("line %d %s", i, "x" * 40)
    names = sorted(p.name for p in log_folder.iterdir())
    assert names == ["funnel-desktop.log", "funnel-desktop.log.1", "funnel-desktop.log.2",
                     "funnel-desktop.log.3"]
    assert all(p.stat().st_size <= 2100 for p in log_folder.iterdir())


def test_uncaught_exceptions_are_logged_and_reported(log_folder: Path,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    reported: list[tuple[BaseException, str]] = []
    with app_log.Hooks(report=lambda exc, text: reported.append((exc, text)), qt=False):
        try:
            raise OverflowError("amount postgresql://ann:s3cret@db/shop too large")
        except OverflowError:
            sys.excepthook(*sys.exc_info())

        def worker() -> None:
            raise LookupError("in a worker, password=s3cret")

        t = threading.Thread(target=worker, name="import-worker")
        t.start()
        t.join()
    text = text_of(log_folder)
    assert "unexpected error:" in text and "OverflowError: amount" in text
    assert "unexpected error in the thread import-worker:" in text
    assert "LookupError: in a worker, password=***" in text
    assert "s3cret" not in text
    assert [type(e) for e, _ in reported] == [OverflowError, LookupError]
    assert all("s3cret" not in t and "Traceback" in t for _, t in reported)
    assert "s3cret" not in capsys.readouterr().err  # the console copy is masked too
    assert sys.excepthook is not None and threading.excepthook is not None


def test_the_hooks_are_put_back() -> None:
    before = (sys.excepthook, threading.excepthook)
    with app_log.Hooks(qt=False):
        assert sys.excepthook != before[0]
    assert (sys.excepthook, threading.excepthook) == before


def test_qt_messages_are_logged(log_folder: Path, qapp: object) -> None:
    with app_log.Hooks(qt=True):
        qInfo("a Qt message about postgresql://ann:s3cret@db/shop")
    text = text_of(log_folder)
    assert "INFO    MainThread qt: a Qt message about postgresql://ann:***@db/shop" in text
