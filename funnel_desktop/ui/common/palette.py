"""The colours of the app, each with one meaning (used by the style sheet and the painters)."""

from __future__ import annotations

from PySide6.QtGui import QColor

INK = QColor("#1f2937")  # main text
MUTED = QColor("#6b7280")  # secondary text
FAINT = QColor("#9ca3af")
LINE = QColor("#e2e6ec")  # borders
CARD = QColor("#ffffff")
COLUMN = QColor("#eef1f5")
ACCENT = QColor("#2563eb")  # selection, focus, primary actions
ACCENT_SOFT = QColor("#eff5ff")
DROP_WASH = QColor("#e3ecfd")  # a card list under a drag
DANGER = QColor("#dc2626")  # rotting, close date passed, errors
DANGER_SOFT = QColor("#fde8e8")
WARN = QColor("#d97706")  # next step missing or overdue
WARN_SOFT = QColor("#fef3c7")
WON = QColor("#16a34a")
WON_SOFT = QColor("#e7f7ec")
LOST = QColor("#6b7280")
LOST_SOFT = QColor("#f1f2f4")

#: Customer class badges: A strongest, D faintest.
CLASS_COLOURS = {"A": ("#4338ca", "#e0e7ff"), "B": ("#0e7490", "#d5f3f8"),
                 "C": ("#6d28d9", "#ede9fe"), "D": ("#4b5563", "#eceef1")}

#: Stage header accents when a stage has no colour of its own, by position.
STAGE_COLOURS = ("#60a5fa", "#818cf8", "#a78bfa", "#f472b6", "#fb923c", "#34d399", "#22d3ee",
                 "#facc15")


def stage_colour(colour: str, position: int) -> QColor:
    """The stage's own colour if it has a valid one, else one from the shipped sequence."""
    c = QColor(colour) if colour else QColor()
    return c if c.isValid() else QColor(STAGE_COLOURS[position % len(STAGE_COLOURS)])
