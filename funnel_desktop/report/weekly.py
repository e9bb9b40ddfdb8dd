"""One call from a week and a scope to a finished report document or PDF."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from ..core.dates import iso_week, parse_week
from ..core.errors import ValidationError
from ..core.values import Period
from ..core.weekly_report import WeeklyReportData
from ..i18n import language
from ..locale_format import database_formatter
from ..store.pipeline_rows import find_pipeline_id
from ..store.weekly_report import gather
from ..texts.health import FindingWriter
from .document import build_document, write_pdf
from .scope import ReportScope


def report_for(week: str | date, scope: ReportScope, pipeline: str | int | None = None,
               printed: datetime | None = None, period: Period | None = None, *,
               now: datetime | None = None, today: date | None = None) -> WeeklyReportData:
    """Gather the report data for an ISO week (``2026-W47``) or the week containing a date;
    ``period`` overrides the days (a week starting on another day than Monday). A week that
    is still running is reported as of ``now`` (naive UTC) and ``today`` (the clock's by
    default), a past week as of its end."""
    label = week if isinstance(week, str) else iso_week(week)
    period = period or parse_week(label)
    pid = find_pipeline_id(pipeline)
    if pid is None:
        raise ValidationError("pipeline_unknown", "pipeline", value=pipeline or "")
    return gather(pid, period, scope, week_label=label.upper(), printed=printed, now=now,
                  today=today)


def document_for(data: WeeklyReportData, lang: str) -> QTextDocument:
    """The report document in ``lang`` (translations are swapped in while it is built)."""
    with language(lang) as lang_:
        fmt = database_formatter(lang_)
        return build_document(data, fmt, FindingWriter(fmt, data.stage_names))


def footer_for(data: WeeklyReportData) -> str:
    """The page footer: the business's name (else the app's, translated) and the week."""
    name = data.business or QCoreApplication.translate("WeeklyReport", "Funnel Desktop")
    return f"{name} · {data.week_label}"


def write_weekly_pdf(data: WeeklyReportData, out: str | Path, lang: str = "en",
                     size: str = "A4") -> int:
    """Write the report PDF; returns its page count."""
    doc = document_for(data, lang)
    with language(lang):
        return write_pdf(doc, out, footer_for(data), size)
