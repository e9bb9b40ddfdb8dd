"""Health findings (病症诊断): every finding as a sentence with its severity colour and the
numbers that triggered it; clicking one lists the deals behind it, double-clicking a deal
opens it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.health import Finding, HealthThresholds
from ...core.values import DealFacts, Period
from ...locale_format import Formatter as SentenceFormatter
from ...texts.health import FindingWriter
from ..common.fmt import Formatter
from ..common.messages import error_text
from .charts import Card
from .periods import period_text

SEVERITY_COLOURS = {"high": QColor("#dc2626"), "medium": QColor("#d97706"),
                    "low": QColor("#6b7280")}
DEAL_ROLE = Qt.ItemDataRole.UserRole + 1
#: The deals table lists at most this many deals of a finding (copy the table for all ids).
MAX_LISTED = 300


def severity_icon(severity: str) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(QColor(0, 0, 0, 0))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(SEVERITY_COLOURS.get(severity, QColor("#6b7280")))
    p.drawEllipse(2, 2, 10, 10)
    p.end()
    return QIcon(pix)


def sentence_formatter(fmt: Formatter, lang: str) -> SentenceFormatter:
    """The formatter :class:`texts.health.FindingWriter` writes with, using the app's
    currency sign."""
    out = SentenceFormatter(lang)
    out.currency = fmt.currency
    return out


class HealthCard(Card):
    """The findings list and the deals of the chosen finding.

    Signals:
        dealActivated(int): a deal was double-clicked (or Enter pressed on it).
    """

    dealActivated = Signal(int)

    def __init__(self, fmt: Formatter, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Pipeline health"), self.tr(
            "Every rule of pipeline health: too few open deals or too little coverage of the "
            "target, bottleneck stages, deals past their expected close date, missing or "
            "overdue next steps, idle deals, no known decision maker, lumpy months, busy but "
            "thin, only big deals. Thresholds are settings (health_thresholds)."), parent)
        self.lang = lang
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.body.addWidget(self.problem)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.list = QTableWidget(0, 2)
        self.list.setObjectName("findingList")
        self.list.setHorizontalHeaderLabels([self.tr("Severity"), self.tr("Finding")])
        self.list.verticalHeader().hide()
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        self.list.verticalHeader().setSectionResizeMode(fit)
        self.list.horizontalHeader().setSectionResizeMode(0, fit)
        self.list.horizontalHeader().setSectionResizeMode(1, stretch)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setShowGrid(False)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show_deals(row))
        self.deals_caption = QLabel()
        self.deals_caption.setObjectName("fieldCaption")
        self.deals_caption.setWordWrap(True)
        self.deals = QTableWidget(0, 7)
        self.deals.setObjectName("analyticsTable")
        self.deals.setHorizontalHeaderLabels([
            self.tr("Deal"), self.tr("Customer"), self.tr("Owner"), self.tr("Stage"),
            self.tr("Amount"), self.tr("Expected close"), self.tr("Next step due")])
        self.deals.verticalHeader().hide()
        self.deals.verticalHeader().setDefaultSectionSize(26)
        self.deals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deals.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.deals.setAlternatingRowColors(True)
        # every column as wide as its contents (the deal's title whole, not "Training …"),
        # the last one filling what is left; a narrow window scrolls sideways
        self.deals.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.deals.horizontalHeader().setStretchLastSection(True)
        self.deals.cellDoubleClicked.connect(lambda row, _c: self._activate(row))
        self.deals.activated.connect(lambda index: self._activate(index.row()))
        self.deals.setToolTip(self.tr("Double-click a deal to open it"))
        split.addWidget(self.list)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.setSpacing(4)
        right_lay.addWidget(self.deals_caption)
        right_lay.addWidget(self.deals, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 4)
        self.body.addWidget(split, 1)
        self.findings: list[Finding] = []
        self.sentences: list[tuple[str, str]] = []
        self.by_id: dict[int, DealFacts] = {}
        self.names: dict[str, dict[int, str]] = {"stage": {}, "owner": {}}
        self.customer_names = _customer_names
        self.today: date | None = None
        self.shown_ids: list[int] = []

    def show_findings(self, findings: list[Finding], deals: list[DealFacts],
                      stage_names: dict[int, str], owner_names: dict[int, str],
                      thresholds: HealthThresholds, problem: ValidationError | None,
                      period: Period, today: date) -> None:
        """Show the findings; the deals they name are looked up in ``deals``. ``period``: what
        conversion and activity were judged over; ``today``: the day the rest was judged on."""
        self.findings = list(findings)
        self.by_id = {d.id: d for d in deals}
        self.names = {"stage": dict(stage_names), "owner": dict(owner_names)}
        self.today = today
        writer = FindingWriter(sentence_formatter(self.fmt, self.lang), stage_names)
        self.sentences = [writer(f) for f in self.findings]
        self.list.blockSignals(True)
        severity_names = {"high": self.tr("High"), "medium": self.tr("Medium"),
                          "low": self.tr("Low")}
        self.list.setRowCount(max(1, len(self.findings)))
        for row, (f, (severity, sentence)) in enumerate(
                zip(self.findings, self.sentences, strict=True)):
            n = len(f.deal_ids)
            more = (self.tr("%Ln deal(s) behind it", "", n) if n
                    else self.tr("About the whole funnel, not single deals"))
            level = QTableWidgetItem(severity_icon(severity),
                                     severity_names.get(severity, severity))
            level.setForeground(SEVERITY_COLOURS.get(severity, QColor("#6b7280")))
            text = QTableWidgetItem(sentence + "\n" + more)
            text.setToolTip(sentence)
            self.list.setItem(row, 0, level)
            self.list.setItem(row, 1, text)
        if not self.findings:
            self.list.setItem(0, 0, QTableWidgetItem(""))
            self.list.setItem(0, 1, QTableWidgetItem(
                self.tr("No health findings: nothing to worry about.")))
        self.list.blockSignals(False)
        self.problem.setVisible(problem is not None)
        if problem is not None:
            self.problem.setText(self.tr("The stored health thresholds are not valid, so the "
                                         "defaults are used: %1").replace(
                "%1", error_text(problem)))
        counts = {s: sum(1 for f in self.findings if f.severity == s) for s in severity_names}
        self.set_note(self.tr("As of %1: overdue, idle and close dates are judged on this "
                              "day; conversion and activity over %2 (the last 90 days, whatever "
                              "the page's period), as in the weekly report and the health "
                              "command. %3 high, %4 medium, %5 low. Thresholds: at least %6 "
                              "open deals, coverage %7×, idle after %8 days unless the stage "
                              "says otherwise.")
                      .replace("%1", self.fmt.day(today)).replace("%2", period_text(
                          self.fmt, period))
                      .replace("%3", str(counts["high"])).replace("%4", str(counts["medium"]))
                      .replace("%5", str(counts["low"]))
                      .replace("%6", str(thresholds.min_open_deals))
                      .replace("%7", f"{thresholds.min_coverage:g}")
                      .replace("%8", str(thresholds.default_idle_days)
                               if thresholds.default_idle_days is not None else "—"))
        first = next((i for i, f in enumerate(self.findings) if f.deal_ids),
                     0 if self.findings else -1)
        if first >= 0:
            self.list.setCurrentCell(first, 1)
        self._show_deals(first)

    def _show_deals(self, row: int) -> None:
        ids = list(self.findings[row].deal_ids) if 0 <= row < len(self.findings) else []
        everyone = [self.by_id[i] for i in ids if i in self.by_id]
        everyone.sort(key=lambda d: -d.amount)
        deals = everyone[:MAX_LISTED]
        if 0 <= row < len(self.findings):
            if len(everyone) > len(deals):
                text = self.tr("The %1 largest of the %2 deals behind the chosen finding; "
                               "double-click one to open it.").replace(
                    "%1", self.fmt.count(len(deals))).replace("%2",
                                                              self.fmt.count(len(everyone)))
            elif deals:
                text = self.tr("%Ln deal(s) behind the chosen finding; double-click one to "
                               "open it.", "", len(deals))
            else:
                text = self.tr("The chosen finding is about the whole funnel; no single deal "
                               "is behind it.")
            self.deals_caption.setText(text)
        else:
            self.deals_caption.setText("")
        self.shown_ids = [d.id for d in deals]
        customers = self.customer_names({d.customer_id for d in deals if d.customer_id})
        f = self.fmt
        self.deals.setSortingEnabled(False)
        self.deals.setRowCount(len(deals))
        for r, d in enumerate(deals):
            cells = [d.title, customers.get(d.customer_id or 0, ""),
                     self.names["owner"].get(d.owner_id or 0, ""),
                     self.names["stage"].get(d.stage_id, ""), f.money(d.amount),
                     f.day(d.expected_close), f.day(d.next_step_due)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(DEAL_ROLE, d.id)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                    item.setData(Qt.ItemDataRole.UserRole, d.amount)
                late = (c == 5 and d.expected_close is not None and self.today is not None
                        and d.expected_close < self.today) or (
                    c == 6 and d.next_step_due is not None and self.today is not None
                    and d.next_step_due < self.today)
                if late:
                    item.setForeground(QColor("#dc2626"))
                self.deals.setItem(r, c, item)

    def _activate(self, row: int) -> None:
        item = self.deals.item(row, 0)
        if item is not None:
            self.dealActivated.emit(int(item.data(DEAL_ROLE)))

    def select_finding(self, kind: str) -> int:
        """Select the first finding of ``kind``; its row (-1 if there is none)."""
        for i, f in enumerate(self.findings):
            if f.kind == kind:
                self.list.setCurrentCell(i, 1)
                return i
        return -1

    def table(self) -> list[list[str]]:
        rows = [[self.tr("Severity"), self.tr("Finding"), self.tr("Sentence"),
                 self.tr("Deals"), self.tr("Deal ids")]]
        for f, (severity, sentence) in zip(self.findings, self.sentences, strict=True):
            rows.append([severity, f.kind, sentence, str(len(f.deal_ids)),
                         " ".join(str(i) for i in f.deal_ids)])
        return rows


def _customer_names(ids: set[int]) -> dict[int, str]:
    from ...store.analytics_queries import customer_names

    return customer_names(ids)

