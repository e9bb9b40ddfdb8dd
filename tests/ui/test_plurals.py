"""Counted texts take Qt's numerus forms: "1 row has no customer", "1,425 rows have no
customer" in English (the plural forms compiled into funnel_en.qm), one form in Chinese; the
translation tool finds a counted text called without its count."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from funnel_desktop.core.errors import FunnelError
from funnel_desktop.core.health import Finding
from funnel_desktop.i18n import Translation, language
from funnel_desktop.locale_format import Formatter
from funnel_desktop.texts.health import FindingWriter
from funnel_desktop.ui.common.messages import error_text
from tests.ui.test_translations import tool


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    t = Translation()
    t.switch("en")
    yield
    t.switch("en")


def test_english_singular_and_plural(english: None) -> None:
    assert error_text(FunnelError("note_customer_missing", count=1)) == \
        "1 row has no customer; its deal was imported without one."
    assert error_text(FunnelError("note_customer_missing", count=1425)) == \
        "1425 rows have no customer; their deals were imported without one."
    assert error_text(FunnelError("import_has_errors", count=2)).startswith(
        "2 rows have problems")
    writer = FindingWriter(Formatter("en"), {2: "Proposal"})
    one = writer.sentence("overdue_next_step", {"count": 1, "amount": 1_000_000,
                                                "max_days": 1})
    assert one == "Next step overdue: 1 deal (¥10,000), by 1 day."
    many = writer(Finding("idle_deals", "medium", {"stage_id": 2, "idle_days": 21,
                                                    "count": 3, "amount": 5_000_000,
                                                    "max_days": 53}))[1]
    assert "3 deals" in many and "21 days" in many and "(s)" not in many


def test_chinese_has_one_form(qapp: QApplication) -> None:
    with language("zh"):
        assert error_text(FunnelError("note_customer_missing", count=1)) == \
            "1 行没有客户；其商机已导入，但未关联客户。"
        assert error_text(FunnelError("note_customer_missing", count=1425)) == \
            "1425 行没有客户；其商机已导入，但未关联客户。"
    with language("en"):  # an English report from a Chinese window
        assert error_text(FunnelError("note_customer_missing", count=2)).startswith(
            "2 rows have")


def test_the_english_file_holds_only_the_counted_texts() -> None:
    t = tool()
    root = ET.parse(t.EN_TS).getroot()
    messages = list(root.iter("message"))
    assert messages and all(m.get("numerus") == "yes" for m in messages)
    assert all(len(m.find("translation").findall("numerusform")) == 2 for m in messages)
    zh = ET.parse(t.TS).getroot()
    counted = [m for m in zh.iter("message") if m.get("numerus") == "yes"]
    assert len(counted) == len(messages)
    assert all(len(m.find("translation").findall("numerusform")) == 1 for m in counted)


def test_a_counted_text_without_its_count_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "screen.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication, QObject\n"
        "translate = QCoreApplication.translate\n"
        "class Screen(QObject):\n"
        "    def texts(self, n, p):\n"
        "        return (self.tr('%n deal(s)', '', n), self.tr('%n row(s)'),\n"
        "                translate('Screen', '%Ln day(s)', None, n),\n"
        "                translate('Screen', '%Ln week(s)', None, p['n']))\n",
        encoding="utf-8")
    invisible = [line.split(": ", 1)[1] for line in tool().invisible_calls([source])]
    assert invisible == ["self.tr('%n row(s)')",
                         "translate('Screen', '%Ln week(s)', None, p['n'])"]
