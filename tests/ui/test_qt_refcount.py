"""Regression test for the PySide6 6.12 / CPython 3.11 bug (ARCHITECTURE.md "Known pitfalls"):
every Qt call returning nothing dropped a reference to None until the process aborted."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QLabel

CALLS = 100_000


def test_void_qt_calls_keep_none_alive(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    set_text = label.setText
    before = sys.getrefcount(None)
    for i in range(CALLS):
        set_text("x" if i % 2 else "y")
    after = sys.getrefcount(None)
    # The bug lost one reference per call; allow for unrelated churn of a few hundred.
    assert after >= before - 1000, (before, after)
