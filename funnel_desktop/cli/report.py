"""``funnel-desktop report``: the weekly funnel report as a PDF, headless."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from ..core.errors import StoreError, ValidationError
from ..locale_format import Formatter
from .common import add_db, open_db
from .output import fill, translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=translate("Cli", "write the weekly funnel report as a PDF"))
    add_db(p)
    p.add_argument("--week", help=translate("Cli", "ISO week, e.g. 2026-W47 (default: this "
                                                   "week)"))
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--team", help=translate("Cli", "only this team"))
    scope.add_argument("--owner", help=translate("Cli", "only this salesperson"))
    p.add_argument("--pipeline", help=translate("Cli", "pipeline name or id (default: the "
                                                       "first)"))
    p.add_argument("--lang", dest="report_lang", choices=("en", "zh"), help=translate(
        "Cli", "language of the report (default: the global --lang)"))
    p.add_argument("--size", choices=("A4", "Letter"), default="A4",
                   help=translate("Cli", "paper size (default: A4)"))
    p.add_argument("--pdf", required=True, help=translate("Cli", "the PDF file to write"))
    p.set_defaults(run=run)


def ensure_gui_app() -> None:
    """Painting text needs a QGuiApplication; headless runs use the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication(sys.argv[:1])


def run(args: argparse.Namespace) -> int:
    pdf = Path(args.pdf)
    if pdf.exists() and not pdf.is_file():  # a folder, a device, a pipe: never replaced
        raise ValidationError("file_write", "pdf", path=args.pdf,
                              detail="it is not a regular file")
    ensure_gui_app()
    from ..report.document import cjk_font_family
    from ..report.scope import resolve_scope
    from ..report.weekly import report_for, write_weekly_pdf

    open_db(args)
    lang = args.report_lang or args.ui_lang or "en"
    if lang == "zh" and cjk_font_family() is None:
        print("funnel-desktop: " + translate(
            "CliReport", "no Chinese font is installed; Chinese text would print as boxes. "
            "Install one (e.g. fonts-wqy-microhei)."), file=sys.stderr)
    data = report_for(args.week or date.today(), resolve_scope(args.team, args.owner),
                      args.pipeline)
    try:
        pages = write_weekly_pdf(data, args.pdf, lang, args.size)
    except OSError as exc:
        if "No space" in str(exc):
            raise StoreError("disk_full") from exc
        raise ValidationError("file_write", "pdf", path=args.pdf, detail=str(exc)) from exc
    print(fill(translate("CliReport", "%1: %2 pages, week %3"), args.pdf,
               Formatter(args.ui_lang).count(pages), data.week_label))
    return 0
