"""When numbers were looked at, written for people: "as of Wed 2 Dec 2026, 10:42"."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime

from ..core.values import Period
from ..locale_format import Formatter

translate = QCoreApplication.translate


def local_time(moment: datetime) -> datetime:
    """A naive UTC moment (as stored) in the machine's local time, still naive."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def day_text(fmt: Formatter, day: date) -> str:
    """``Wed 2 Dec 2026`` / ``2026年12月2日 周三``."""
    q = QDate(day.year, day.month, day.day)
    return fmt.locale.toString(q, "yyyy年M月d日 ddd" if fmt.zh else "ddd d MMM yyyy")


def moment_text(fmt: Formatter, local: datetime) -> str:
    """``Wed 2 Dec 2026, 10:42`` / ``2026年12月2日 周三 10:42`` (``local``: local time)."""
    q = QDateTime(QDate(local.year, local.month, local.day),
                  QTime(local.hour, local.minute))
    return fmt.locale.toString(q, "yyyy年M月d日 ddd HH:mm" if fmt.zh
                               else "ddd d MMM yyyy, HH:mm")


def period_words(fmt: Formatter, period: Period) -> str:
    """``Sep 4 – Dec 2, 2026`` / ``2026年9月4日 – 12月2日``: both days, the year once when
    shared."""
    s, e = period.start, period.end
    if fmt.zh:
        tail = f"{e.month}月{e.day}日" if s.year == e.year else f"{e.year}年{e.month}月{e.day}日"
        return f"{s.year}年{s.month}月{s.day}日 – {tail}"
    qs, qe = QDate(s.year, s.month, s.day), QDate(e.year, e.month, e.day)
    loc = fmt.locale
    if s.year == e.year:
        return f"{loc.toString(qs, 'MMM d')} – {loc.toString(qe, 'MMM d, yyyy')}"
    return f"{loc.toString(qs, 'MMM d, yyyy')} – {loc.toString(qe, 'MMM d, yyyy')}"


def as_of_line(fmt: Formatter, moment: datetime, day: date, running: bool,
               printed: datetime | None = None) -> str:
    """The line saying when a report looked at the pipeline: while its week runs, "As of
    <now>: the week so far"; a past week, "As of the end of <Sunday>" (and when it was
    printed). ``moment`` is naive UTC, ``printed`` local time."""
    if running:
        return translate("AsOf", "As of %1 — the week so far; overdue, idle and close dates "
                                 "are judged on this day.").replace(
            "%1", moment_text(fmt, local_time(moment)))
    if printed is None:
        return translate("AsOf", "As of the end of the week, %1.").replace(
            "%1", day_text(fmt, day))
    return translate("AsOf", "As of the end of the week, %1. Printed %2.").replace(
        "%1", day_text(fmt, day)).replace("%2", moment_text(fmt, printed))
