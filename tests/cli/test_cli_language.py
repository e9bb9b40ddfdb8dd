"""The commands' messages in the chosen language (the global --lang), with the same exit
codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator

from funnel_desktop import i18n
from funnel_desktop.cli import build_parser


class Marked(QTranslator):
    """A stand-in translation: every message of the app's error texts comes back in « »."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return f"«{source}»" if context == "Messages" else ""

    def isEmpty(self) -> bool:
        return False


def test_errors_follow_the_global_language(run: Any, tmp_path: Path, qapp: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "nope.sqlite"
    code, _, err = run("metrics", "--db", str(missing))
    assert (code, err) == (3, f"funnel-desktop: The database file {missing} does not exist.\n")
    monkeypatch.setattr(i18n, "load_translators", lambda lang: [Marked()])
    code, _, err = run("--lang", "zh", "metrics", "--db", str(missing))
    assert (code, err) == (3, f"funnel-desktop: «The database file {missing} does not "
                              "exist.»\n")
    code, _, err = run("--lang", "en", "metrics", "--db", str(missing))
    assert err == f"funnel-desktop: The database file {missing} does not exist.\n"


def test_the_shipped_chinese_messages(run: Any, demo_file: Path, qapp: Any) -> None:
    code, _, err = run("--lang", "zh", "demo", "--db", str(demo_file))
    assert code == 2  # bad input, as in English
    english = f"funnel-desktop: {demo_file} already holds a pipeline; the demo needs an " \
              "empty database.\n"
    assert err != english and str(demo_file) in err


def test_a_command_keeps_its_own_language_option() -> None:
    args = build_parser().parse_args(["--lang", "zh", "demo", "--db", "x.sqlite", "--lang",
                                      "en"])
    assert (args.ui_lang, args.lang) == ("zh", "en")  # messages in Chinese, names in English
