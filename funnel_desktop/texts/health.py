"""Health findings (病症诊断) as plain sentences in the user's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..locale_format import Formatter

translate = QCoreApplication.translate


def fill(template: str, *values: str) -> str:
    """Replace %1, %2, … (highest first, so %1 does not eat %10)."""
    for i in range(len(values), 0, -1):
        template = template.replace(f"%{i}", values[i - 1])
    return template


class FindingWriter:
    """Renders :class:`core.health.Finding` values: ``writer(f) → (severity, sentence)``."""

    def __init__(self, fmt: Formatter, stage_names: Mapping[int, str] | None = None) -> None:
        self.fmt = fmt
        self.stages = dict(stage_names or {})

    def stage(self, stage_id: Any) -> str:
        return self.stages.get(stage_id, "?")

    @staticmethod
    def days(count: Any) -> str:
        """``1 day``, ``12 days`` (``12天``)."""
        days = int(count)
        return translate("Health", "%Ln day(s)", None, days)

    def __call__(self, finding: Any) -> tuple[str, str]:
        return finding.severity, self.sentence(finding.kind, finding.params)

    def sentence(self, kind: str, p: Mapping[str, Any]) -> str:
        f = self.fmt
        n, money, pct = f.number, f.money, f.percent
        count, activities = int(p.get("count", 0)), int(p.get("activities", 0))
        if kind == "too_few_open":
            return fill(translate(
                "Health", "Too few open deals: %1 (%2 in value), where a healthy funnel keeps "
                "at least %3 in follow-up. Fill the top of the funnel with new leads and first "
                "meetings."), n(p["open"]), money(p["open_amount"]), n(p["minimum"]))
        if kind == "low_coverage":
            return fill(translate(
                "Health", "The open pipeline (%1) covers only %2× of the %3 still missing to "
                "the target; below %4× the target is at risk."),
                money(p["open_amount"]), n(p["coverage"], 1), money(p["missing"]),
                n(p["minimum"], 1))
        if kind == "bottleneck":
            if p.get("below_ideal") and p.get("ideal") is not None:
                return fill(translate(
                    "Health", "Bottleneck at “%1”: only %2 of deals move on to “%3”, against "
                    "an ideal of %4%. Look at what stops them there."),
                    self.stage(p["stage_id"]), pct(p["rate"], 0), self.stage(p["to_stage_id"]),
                    n(p["ideal"]))
            return fill(translate(
                "Health", "Bottleneck at “%1”: only %2 of deals move on to “%3”, while the "
                "other stages convert about %4. Look at what stops them there."),
                self.stage(p["stage_id"]), pct(p["rate"], 0), self.stage(p["to_stage_id"]),
                pct(p["others"], 0))
        if kind == "close_date_passed":
            return fill(translate(
                "Health", "Expected close date already passed: %Ln open deal(s) (%1), by up "
                "to %2. Update their dates or close them.", None, count),
                money(p["amount"]), self.days(p["max_days"]))
        if kind == "overdue_next_step":
            return fill(translate(
                "Health", "Next step overdue: %Ln deal(s) (%1), by up to %2.", None,
                count), money(p["amount"]), self.days(p["max_days"]))
        if kind == "idle_deals":
            return fill(translate(
                "Health", "Going stale in “%1”: %Ln deal(s) (%2) with no stage change or "
                "activity for more than %3 (the longest %4).", None, count),
                self.stage(p["stage_id"]), money(p["amount"]),
                self.days(p["idle_days"]), self.days(p["max_days"]))
        if kind == "no_decision_maker":
            return fill(translate(
                "Health", "No decision maker known: %Ln deal(s) (%1) from “%2” on have no "
                "decision maker on the customer's decision chain.", None, count),
                money(p["amount"]), self.stage(p["from_stage_id"]))
        if kind == "lumpy_months":
            return fill(translate(
                "Health", "%1 of the expected value (%2) closes in %3 and the months after it "
                "are nearly empty: revenue will come in lumps."),
                pct(p["share"], 0), money(p["weighted"]), f.month(p["month"]))
        if kind == "busy_but_thin":
            return fill(translate(
                "Health", "Busy but thin: %Ln activities were logged, yet only %1 of %2 open "
                "deals are beyond the first stage.", None, activities),
                n(p["beyond_first"]), n(p["open"]))
        if kind == "no_next_step":
            return fill(translate(
                "Health", "No next step: %Ln open deal(s) (%1) have no next step agreed with "
                "the customer.", None, count), money(p["amount"]))
        if kind == "only_big":
            return fill(translate(
                "Health", "Only big deals: no open deal is below %1, so nothing in the small "
                "size bands keeps revenue steady."), money(p["below"]))
        return kind

