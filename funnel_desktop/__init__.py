"""Funnel Desktop (销售漏斗管家): an offline desktop sales-funnel manager."""

from pathlib import Path

__version__ = "0.1.0"

#: Top-level folder holding icons, styles and translations.
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
