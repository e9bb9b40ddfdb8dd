"""Setting a label's text only when it changes: ``QLabel.setText`` asks the window for a new
layout and a repaint even for the text it already shows (a drop re-sets every column header
and strip tile, most of them unchanged)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def set_text(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label`` unless it shows it already."""
    if text != label.text():
        label.setText(text)
