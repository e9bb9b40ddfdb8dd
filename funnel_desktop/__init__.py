"""Funnel Desktop (销售漏斗管家): an offline desktop sales-funnel manager."""

from importlib.resources import files
from pathlib import Path

#: The version, in this one place: pyproject.toml reads it (``dynamic``), and so do
#: ``--version``, Help ▸ About and the desktop bundle.
__version__ = "0.1.0"

#: The folder of icons, styles and translations inside the package (``funnel_desktop/resources``),
#: where the wheel and the desktop bundle carry it too.
RESOURCES = Path(str(files(__name__) / "resources"))
