"""Bar charts leave room right of the widest bar for its label."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont, QFontMetrics

from funnel_desktop.ui.analytics.charts import x_room_for_labels


def test_the_longest_label_fits_right_of_the_widest_bar(qtbot: Any) -> None:
    font = QFont()
    texts = ["48,127 needed · 3,785 open", "short"]
    label_px = QFontMetrics(font).horizontalAdvance(texts[0])
    for view_px in (500.0, 800.0, 1400.0):
        end = x_room_for_labels(48_127, texts, font, view_px)
        room_px = (end - 48_127 * 1.02) * view_px / end
        assert room_px >= label_px
        assert end >= 48_127 * 1.3


def test_too_narrow_a_view_keeps_the_least_headroom(qtbot: Any) -> None:
    assert x_room_for_labels(100.0, ["a rather long label indeed"], QFont(), 40.0) == 130.0
    assert x_room_for_labels(100.0, [], QFont(), 800.0) == 130.0
