"""A PDF's text as the words a reader sees, whatever the installed fonts do to it.

Where a table cell wraps and whether "fi" is set as a ligature depend on the fonts fontconfig
finds, so checks of literal strings read the words in order: runs of white space are one space
and typographic ligatures are their letters.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}


def words(text: str) -> str:
    """``text`` with ligatures spelled out and white space collapsed."""
    for lig, letters in LIGATURES.items():
        text = text.replace(lig, letters)
    return " ".join(text.split())


def pdf_words(path: Path) -> str:
    """The words of the PDF at ``path`` in content order (``pdftotext -raw``)."""
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return words(raw)
