"""The weekly report as HTML for QTextDocument, every word through tr(), user text escaped."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication

from ..core.weekly_report import LIST_TOP, DealLine, DealList, ReasonLine, WeeklyReportData
from ..locale_format import Formatter
from ..texts.moments import as_of_line, period_words

translate = QCoreApplication.translate
#: A run of this many characters without a space gets invisible break chances, so that a
#: long code or address typed by a user cannot widen its table past the page.
LONG_WORD = 24

STYLE = """
body { font-size: 9pt; color: #1f2d3d; }
h1 { font-size: 17pt; color: #1f4e79; margin: 0; }
h2 { font-size: 11.5pt; color: #1f4e79; margin-top: 14px; margin-bottom: 4px; }
h3 { font-size: 9.5pt; color: #1f4e79; margin-top: 8px; margin-bottom: 3px; }
.sub { color: #6b7a8c; font-size: 8.5pt; }
.asof { color: #1f2d3d; font-size: 9pt; font-weight: bold; }
.note { color: #6b7a8c; font-size: 7.5pt; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid #d5dbe3; padding: 3px 5px; }
table.grid th { background-color: #eef3f8; font-weight: bold; }
td.num, th.num { text-align: right; }
td.more { color: #6b7a8c; background-color: #f7f9fb; }
.up { color: #1e8449; }
.down { color: #c0392b; }
.finding-high { color: #c0392b; }
.finding-medium { color: #b9770e; }
.finding-low { color: #566573; }
"""

def user_text(text: str) -> str:
    """Text a user typed, escaped for the report; words longer than :data:`LONG_WORD`
    characters get zero-width break chances (the document wraps at word boundaries only)."""
    words = []
    for word in text.split(" "):
        if len(word) > LONG_WORD:
            word = "\u200b".join(word[i:i + LONG_WORD // 2]
                                  for i in range(0, len(word), LONG_WORD // 2))
        words.append(word)
    return escape(" ".join(words))


def _delta(now: int, before: int, fmt: Formatter, money: bool, higher_is_better: bool = True
           ) -> str:
    diff = now - before
    if diff == 0:
        return '<span class="sub">±0</span>'
    good = (diff > 0) == higher_is_better
    arrow = "▲" if diff > 0 else "▼"
    text = fmt.signed_money(diff) if money else fmt.signed(diff)
    return f'<span class="{"up" if good else "down"}">{arrow} {escape(text)}</span>'


def _table(headers: list[tuple[str, bool]], rows: list[list[str]], widths: list[int] | None = None,
           tail: str = "") -> str:
    """A grid table; headers are (text, numeric) and repeat on every page (<thead>); ``tail``
    is a last row of HTML (e.g. :func:`_more_row`)."""
    head = "".join(
        f'<th class="{"num" if num else ""}"'
        + (f' width="{widths[i]}%"' if widths else "") + f">{escape(h)}</th>"
        for i, (h, num) in enumerate(headers))
    body = "".join("<tr>" + "".join(
        f'<td class="{"num" if headers[i][1] else ""}">{c}</td>' for i, c in enumerate(r))
        + "</tr>" for r in rows) + tail
    return (f'<table class="grid" width="100%" cellspacing="0" cellpadding="3">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _more_row(lst: DealList, fmt: Formatter, columns: int) -> str:
    """The row after a list's shown deals: "and N more · ¥total" ("" when all are shown)."""
    if lst.more <= 0:
        return ""
    text = translate("WeeklyReport", "and %1 more · %2").replace(
        "%1", fmt.number(lst.more)).replace("%2", fmt.money(lst.more_amount))
    return f'<tr><td class="more" colspan="{columns}">{escape(text)}</td></tr>'


def _section(*parts: str) -> str:
    """A heading and what follows it (:mod:`report.pagination` keeps them on one page when
    they fit, and never lets the heading end a page)."""
    return "".join(parts)


def _list_heading(text: str, lst: DealList, fmt: Formatter, tag: str = "h2") -> str:
    """A list's heading with the count and value of all its deals."""
    return (f"<{tag}>{escape(text)} · {escape(fmt.number(lst.count))} · "
            f"{escape(fmt.money(lst.amount))}</{tag}>")


def _deal_table(lst: DealList, fmt: Formatter, extra_head: list[tuple[str, bool]],
                extra: Callable[[DealLine], list[str]], widths: list[int]) -> str:
    """A list's shown deals, then the row counting the rest."""
    head = _deal_head() + extra_head
    return _table(head, _deal_rows(lst.lines, fmt, extra), widths,
                  _more_row(lst, fmt, len(head)))


def _reason_table(heading: str, reasons: list[ReasonLine], fmt: Formatter, none: str) -> str:
    """A compact table of one outcome's reasons: label (category), deals, value."""
    if not reasons:
        return f"<h3>{escape(heading)}</h3>" + _none(none)
    rows = []
    for r in reasons:
        label = escape(r.label or translate("WeeklyReport", "No reason recorded"))
        if r.category:
            label += f' <span class="sub">({escape(r.category)})</span>'
        rows.append([label, escape(fmt.number(r.count)), escape(fmt.money(r.amount))])
    return f"<h3>{escape(heading)}</h3>" + _table(
        [(translate("WeeklyReport", "Reason"), False),
         (translate("WeeklyReport", "Deals"), True),
         (translate("WeeklyReport", "Value"), True)], rows, [56, 16, 28])


def _deal_rows(lines: list[DealLine], fmt: Formatter, extra: Callable[[DealLine], list[str]]
               ) -> list[list[str]]:
    return [[user_text(d.title), user_text(d.customer), user_text(d.owner),
             fmt.money(d.amount), *extra(d)] for d in lines]


def _h2(text: str, keep: str = "") -> str:
    """A heading; ``keep`` names its section to be kept on one page when it fits (the anchor
    :mod:`report.pagination` looks for)."""
    if keep:
        return f'<h2><a name="keep-{keep}">{escape(text)}</a></h2>'
    return f"<h2>{escape(text)}</h2>"


def _deal_head() -> list[tuple[str, bool]]:
    """The first columns of every table of deals."""
    return [(translate("WeeklyReport", "Deal"), False),
            (translate("WeeklyReport", "Customer"), False),
            (translate("WeeklyReport", "Owner"), False),
            (translate("WeeklyReport", "Value"), True)]


def _none(text: str) -> str:
    return f'<p class="sub">{escape(text)}</p>'


def render_html(r: WeeklyReportData, fmt: Formatter,
                findings_text: Callable[[object], tuple[str, str]] | None = None) -> str:
    """The whole report. ``findings_text(finding) → (severity, sentence)`` renders health
    findings; charts are ``<img src="funnel.png">`` and ``forecast.png`` resources."""
    scope = {"all": translate("WeeklyReport", "All sales"),
             "team": translate("WeeklyReport", "Team: %1").replace("%1", r.scope.name),
             "owner": translate("WeeklyReport", "Salesperson: %1").replace("%1", r.scope.name)
             }[r.scope.kind]
    out = [f"<html><head><style>{STYLE}</style></head><body>"]
    title = translate("WeeklyReport", "Weekly funnel report")
    business = escape(r.business) + " · " if r.business else ""
    out.append(f"<h1>{business}{escape(title)}</h1>")
    out.append('<p class="sub">' + escape(
        translate("WeeklyReport", "%1 · week %2 (%3 – %4) · pipeline %5")
        .replace("%1", scope).replace("%2", r.week_label)
        .replace("%3", fmt.date(r.week.start)).replace("%4", fmt.date(r.week.end))
        .replace("%5", r.pipeline)) + "</p>")
    look = r.as_of
    out.append('<p class="asof">' + escape(as_of_line(
        fmt, look.moment, look.day, look.running, None if look.running else r.printed))
        + "</p>")
    if r.empty:
        out.append(_none(translate(
            "WeeklyReport", "There are no deals in this scope yet. Add deals on the board, or "
            "import a spreadsheet, and the report fills itself.")))

    # key figures
    out.append(_h2(translate("WeeklyReport", "Key figures"), "figures"))
    t, last = r.this, r.last
    rows = [
        [translate("WeeklyReport", "Open deals"), fmt.number(t.open_count),
         fmt.number(last.open_count),
         _delta(t.open_count, last.open_count, fmt, False)],
        [translate("WeeklyReport", "Pipeline value"), fmt.money(t.open_amount),
         fmt.money(last.open_amount),
         _delta(t.open_amount, last.open_amount, fmt, True)],
        [translate("WeeklyReport", "Weighted value"), fmt.money(t.weighted),
         fmt.money(last.weighted),
         _delta(t.weighted, last.weighted, fmt, True)],
        [translate("WeeklyReport", "New deals"), fmt.number(t.new_count),
         fmt.number(last.new_count),
         _delta(t.new_count, last.new_count, fmt, False)],
        [translate("WeeklyReport", "Won"),
         f"{fmt.number(t.won_count)} · {fmt.money(t.won_amount)}",
         f"{fmt.number(last.won_count)} · {fmt.money(last.won_amount)}",
         _delta(t.won_amount, last.won_amount, fmt, True)],
        [translate("WeeklyReport", "Lost"),
         f"{fmt.number(t.lost_count)} · {fmt.money(t.lost_amount)}",
         f"{fmt.number(last.lost_count)} · {fmt.money(last.lost_amount)}",
         _delta(t.lost_amount, last.lost_amount, fmt, True, higher_is_better=False)],
        [translate("WeeklyReport", "Win rate (closed this week)"), fmt.percent(t.win_rate, 1),
         fmt.percent(last.win_rate, 1), ""],
    ]
    out.append(_table([(translate("WeeklyReport", "Figure"), False),
                       (translate("WeeklyReport", "This week"), True),
                       (translate("WeeklyReport", "Last week"), True),
                       (translate("WeeklyReport", "Change"), True)],
                      [[escape(a), escape(b), escape(c), d] for a, b, c, d in rows],
                      [34, 22, 22, 22]))
    out.append('<p class="note">' + escape(translate(
        "WeeklyReport", "This week: open deals and values as they stand now, the week so far; "
        "last week: as they stood at its end (rebuilt from the change log). Won, lost and new "
        "count what happened inside the week: the lists below are the same deals.")
        if look.running else translate(
        "WeeklyReport", "Open deals and values as they stood at the end of each week (rebuilt "
        "from the change log); won, lost and new count what happened inside the week: the "
        "lists below are the same deals.")) + "</p>")

    # funnel
    out.append(_h2(translate("WeeklyReport", "The funnel"), "funnel"))
    frows = [[escape(f.name), f"{f.probability}%", fmt.number(f.count), fmt.money(f.amount),
              fmt.money(f.weighted), fmt.number(f.reached), fmt.percent(f.conversion, 1)]
             for f in r.funnel]
    frows.append(["<b>" + escape(translate("WeeklyReport", "Total")) + "</b>", "",
                  f"<b>{fmt.number(sum(f.count for f in r.funnel))}</b>",
                  f"<b>{fmt.money(sum(f.amount for f in r.funnel))}</b>",
                  f"<b>{fmt.money(sum(f.weighted for f in r.funnel))}</b>", "", ""])
    out.append(_table([(translate("WeeklyReport", "Stage"), False),
                       (translate("WeeklyReport", "Probability"), True),
                       (translate("WeeklyReport", "Deals"), True),
                       (translate("WeeklyReport", "Value"), True),
                       (translate("WeeklyReport", "Weighted"), True),
                       (translate("WeeklyReport", "Reached"), True),
                       (translate("WeeklyReport", "Conversion to next"), True)], frows,
                      [22, 12, 9, 16, 15, 11, 15]))
    cohort = period_words(fmt, r.conversion_period)
    out.append('<p class="note">' + escape(
        translate("WeeklyReport", "Deals, value and weighted: what is open in each stage at "
                  "the moment above (weighted = value × probability). Reached and conversion: "
                  "the deals created %1 (the last 90 days) — a deal reached a stage if it was "
                  "ever in it or a later one; conversion = reached the next stage ÷ reached "
                  "this one; the last stage's is to won.").replace("%1", cohort)) + "</p>")
    if r.overall_conversion is not None:
        out.append('<p class="sub">' + escape(
            translate("WeeklyReport", "Lead-to-win of the deals created %1: %2 (%3 of %4 "
                      "won so far). This is not the win rate, which counts deals closed: won "
                      "÷ (won + lost) this week is %5.")
            .replace("%1", cohort).replace("%2", fmt.percent(r.overall_conversion, 1))
            .replace("%3", fmt.number(r.cohort_won)).replace("%4", fmt.number(r.cohort_size))
            .replace("%5", fmt.percent(r.this.win_rate, 1))) + "</p>")
    out.append('<p align="center"><img src="funnel.png" width="520"></p>')

    # why deals were won and lost: every deal of the week, by kept reason
    out.append(_section(
        _h2(translate("WeeklyReport", "Won and lost by reason"), "reasons"),
        '<table width="100%" cellspacing="0" cellpadding="0"><tr><td width="49%" valign="top">'
        + _reason_table(translate("WeeklyReport", "Won"), r.won_reasons, fmt,
                        translate("WeeklyReport", "No deals won this week."))
        + '</td><td width="2%"></td><td width="49%" valign="top">'
        + _reason_table(translate("WeeklyReport", "Lost"), r.lost_reasons, fmt,
                        translate("WeeklyReport", "No deals lost this week."))
        + "</td></tr></table>",
        '' if not any(lst.more for lst in (r.won, r.lost, r.new, r.forward, r.back, r.slipped))
        else '<p class="note">' + escape(translate(
            "WeeklyReport", "The lists below show their %1 biggest deals by value; a last row "
            "counts the others. Headings count every deal of the week.")
            .replace("%1", fmt.number(LIST_TOP))) + "</p>"))

    # won and lost: the biggest deals
    def reason(d: DealLine) -> list[str]:
        label = escape(d.detail or "—") + (f' <span class="sub">({escape(d.category)})</span>'
                                           if d.category else "")
        return [label, escape(d.note)]

    for key, heading, lst in (("won", translate("WeeklyReport", "Won this week"), r.won),
                              ("lost", translate("WeeklyReport", "Lost this week"), r.lost)):
        if lst.count:
            body = _deal_table(lst, fmt, [(translate("WeeklyReport", "Reason"), False),
                                          (translate("WeeklyReport", "Note"), False)],
                               reason, [21, 21, 12, 12, 20, 14])
        else:
            body = _none(translate("WeeklyReport", "No deals won this week.") if key == "won"
                         else translate("WeeklyReport", "No deals lost this week."))
        out.append(_section(_list_heading(heading, lst, fmt), body))

    # new deals and moves
    out.append(_section(
        _list_heading(translate("WeeklyReport", "New deals this week"), r.new, fmt),
        _deal_table(r.new, fmt, [(translate("WeeklyReport", "Stage"), False)],
                    lambda d: [escape(d.stage)], [26, 26, 14, 13, 21]) if r.new.count
        else _none(translate("WeeklyReport", "No new deals this week."))))
    moves_heading = _h2(translate("WeeklyReport", "Stage moves this week") + " · "
                        + fmt.number(r.forward.count + r.back.count))
    if not (r.forward.count or r.back.count):
        out.append(_section(moves_heading, _none(
            translate("WeeklyReport", "No deal changed stage this week."))))
    for lst, forward in ((r.forward, True), (r.back, False)):
        if not lst.count:
            continue
        arrow = f'<span class="{"up" if forward else "down"}">{"▲" if forward else "▼"}</span>'
        heading = _list_heading(translate("WeeklyReport", "Moved forward") if forward
                                else translate("WeeklyReport", "Moved back"), lst, fmt,
                                "h3").replace("<h3>", f"<h3>{arrow} ", 1)
        out.append(_section(
            moves_heading if forward or not r.forward.count else "", heading,
            _deal_table(lst, fmt, [(translate("WeeklyReport", "Move"), False)],
                        lambda d: [f"{escape(d.detail)} → {escape(d.stage)}"],
                        [21, 22, 13, 11, 33])))
    if r.slipped.count:
        out.append(_section(
            _list_heading(translate("WeeklyReport", "Expected close pushed later"), r.slipped,
                          fmt),
            _deal_table(r.slipped, fmt, [(translate("WeeklyReport", "Expected close"), False)],
                        lambda d: [escape(d.detail)], [24, 24, 12, 12, 28])))

    # forecast
    out.append(_h2(translate("WeeklyReport", "Forecast for the coming months"), "forecast"))
    has_band = any(m.p50 is not None for m in r.forecast)
    head = [(translate("WeeklyReport", "Month"), False),
            (translate("WeeklyReport", "Open value"), True),
            (translate("WeeklyReport", "Weighted"), True)]
    if has_band:
        head += [(translate("WeeklyReport", "P10"), True), (translate("WeeklyReport", "P50"), True),
                 (translate("WeeklyReport", "P90"), True)]
    rows_f = [[escape(translate("WeeklyReport", "Overdue")), fmt.money(r.overdue.open_amount),
               fmt.money(r.overdue.weighted)] + (["", "", ""] if has_band else [])]
    for m in r.forecast:
        row = [escape(fmt.month(m.month)), fmt.money(m.open_amount), fmt.money(m.weighted)]
        if has_band:
            row += [fmt.money(m.p10), fmt.money(m.p50), fmt.money(m.p90)]
        rows_f.append(row)
    out.append(_table(head, rows_f))
    note = translate("WeeklyReport", "Weighted value of open deals by expected close month; "
                     "overdue deals (expected close before %1) are shown apart, never hidden "
                     "in a past month.").replace("%1", fmt.date(look.day))
    if has_band:
        note += " " + translate("WeeklyReport", "P10 / P50 / P90: revenue in 10 % / 50 % / 90 % "
                                "of 2,000 simulated outcomes, each open deal winning with its "
                                "probability.")
    out.append(f'<p class="note">{escape(note)}</p>')
    out.append('<p align="center"><img src="forecast.png" width="520"></p>')

    # targets
    out.append(_h2(translate("WeeklyReport", "Target progress"), "targets"))
    trows = []
    for tl in r.targets:
        label = (translate("WeeklyReport", "This month") if tl.kind == "month"
                 else translate("WeeklyReport", "This quarter")) \
            + f' <span class="sub">({period_words(fmt, tl.period)})</span>'
        missing = tl.missing
        trows.append([label, fmt.money(tl.target), fmt.money(tl.won),
                      fmt.percent(tl.share, 0), fmt.money(missing)
                      if missing is not None else "—",
                      (fmt.number(tl.coverage, 1) + "×") if tl.coverage is not None else "—"])
    out.append(_table([(translate("WeeklyReport", "Period"), False),
                       (translate("WeeklyReport", "Target"), True),
                       (translate("WeeklyReport", "Won so far"), True),
                       (translate("WeeklyReport", "Progress"), True),
                       (translate("WeeklyReport", "Still missing"), True),
                       (translate("WeeklyReport", "Coverage"), True)], trows))
    out.append('<p class="note">' + escape(translate(
        "WeeklyReport", "Won so far: won from the period's first day to %1. Coverage = open "
        "pipeline value ÷ what is still missing to the target; below 3× is a common warning "
        "line.").replace("%1", fmt.date(look.day))) + "</p>")
    if not any(tl.target for tl in r.targets):
        out.append(_none(translate(
            "WeeklyReport", "No target is set for this scope. Set one in Analytics → Targets.")))

    # health
    out.append(_h2(translate("WeeklyReport", "Problem analysis"), "health"))
    out.append('<p class="note">' + escape(translate(
        "WeeklyReport", "Overdue, idle and close dates judged on %1; conversion and activity "
        "over %2 (the last 90 days); coverage against this quarter's target. The app's "
        "Health panel and the health command find the same at the same moment.")
        .replace("%1", fmt.date(look.day)).replace("%2", cohort)) + "</p>")
    if r.findings and findings_text is not None:
        items = []
        for f in r.findings:
            severity, sentence = findings_text(f)
            items.append(f'<li class="finding-{severity}">{escape(sentence)}</li>')
        out.append("<ul>" + "".join(items) + "</ul>")
    else:
        out.append(_none(translate("WeeklyReport",
                                   "No problems found in the pipeline this week.")))

    # owner's notes (the pagination keeps the heading with them)
    if r.notes.strip():
        body = "".join(f"<p>{user_text(line)}</p>" for line in r.notes.splitlines())
    else:
        body = ('<table class="grid" width="100%" cellspacing="0" cellpadding="10">'
                + "".join("<tr><td>&nbsp;</td></tr>" for _ in range(5)) + "</table>")
    out.append(_h2(translate("WeeklyReport", "Problems and actions"), "notes") + body)
    out.append("</body></html>")
    return "".join(out)
