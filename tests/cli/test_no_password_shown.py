"""No password in a message: a server address's password is masked wherever a message shows
it — here the command line's "is not a Funnel Desktop database", which echoed it whole."""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import pytest

from funnel_desktop.core.errors import StoreError, printable

SERVER = os.environ.get("FUNNEL_TEST_DB_URL")


@pytest.mark.parametrize(("text", "shown"), [
    ("postgresql://ann:s3cret@db.local:5432/shop is not",
     "postgresql://ann:***@db.local:5432/shop is not"),
    ("postgres://ann:p%40ss@h/x", "postgres://ann:***@h/x"),
    ("postgres://ann:p@ss@h/x", "postgres://ann:***@h/x"),  # an unquoted @ in it
    ("host=db password=s3cret user=ann", "host=db password=*** user=ann"),
    ("password = 'a b c' port=5432", "password = '***' port=5432"),
    ("postgresql://ann@h/x", "postgresql://ann@h/x"),  # no password: as it is
    ("C:/shop/funnel.sqlite", "C:/shop/funnel.sqlite"),
])
def test_a_password_is_never_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_an_error_about_a_server_does_not_repeat_its_password() -> None:
    err = StoreError("db_not_funnel", path="postgresql://ann:s3cret@db.local/shop")
    assert "s3cret" not in err.english() and "ann:***@db.local" in err.english()


@pytest.mark.skipif(SERVER is None, reason="FUNNEL_TEST_DB_URL names no PostgreSQL server")
def test_check_of_a_server_database_that_is_not_ours_masks_the_password() -> None:
    assert SERVER is not None
    parts = urlsplit(SERVER)
    assert parts.password
    other = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))  # not ours
    done = subprocess.run([sys.executable, "-m", "funnel_desktop", "check", "--db", other],
                          capture_output=True, text=True, timeout=60, check=False)
    said = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in said
    assert "not a Funnel Desktop database" in said
    assert f":{parts.password}@" not in said and ":***@" in said
