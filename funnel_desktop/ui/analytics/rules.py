"""The rule of every number on the Analytics page, as translatable text.

The English source of each is the core's own rule (``core.metrics.RULES`` and the chart
modules' ``RULE``) word for word — a test keeps them equal — so that Qt Linguist can find
them here as literals.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def rule(key: str) -> str:
    """The translated rule of ``key`` (a key of :func:`rules`)."""
    return rules()[key]


def rules() -> dict[str, str]:
    """Every rule by key, translated."""
    return {
        "funnel": translate("AnalyticsRules",
                    "Bars: deals created in the period that reached each stage (a deal reached "
                    "a stage if it was ever in it or a later open stage, or was won). "
                    "Conversion = reached(next) ÷ reached(this). Ideal: the first bar carried "
                    "down by each stage's target conversion."),
        "forecast_chart": translate("AnalyticsRules",
                            "For each month: weighted value (amount × probability) of open "
                            "deals expected to close in it, beside the amount won in it. Open "
                            "deals whose expected close date has passed are overdue, never "
                            "hidden in a past month. Target: the month's own target, else its "
                            "even share of the quarter's or year's."),
        "band": translate("AnalyticsRules",
                  "Each of {runs} simulated runs lets every open deal win with its probability "
                  "and books its amount in its expected-close month (overdue deals in the "
                  "current month). P10, P50 and P90 are the 10th, 50th and 90th percentiles of "
                  "the runs' revenue."),
        "reasons": translate("AnalyticsRules",
                     "Deals closed in the period, by the reason kept when they were closed: "
                     "count and amount per reason and per category, and each one's share of "
                     "the won (or lost) total."),
        "size_bands": translate("AnalyticsRules",
                        "Deals by amount band (lower bound inclusive): open deals now, and "
                        "deals won or lost in the period; win rate = won ÷ (won + lost) by "
                        "count."),
        "owner_table": translate("AnalyticsRules",
                         "Open: deals open now. Won, lost, win rate (won ÷ (won + lost) by "
                         "count), average deal and sales cycle (days from creation to won): "
                         "deals closed in the period."),
        "weighted": translate("AnalyticsRules",
                      "Weighted value = amount × probability ÷ 100, summed over open deals; a "
                      "deal's own probability overrides its stage's."),
        "win_rate": translate("AnalyticsRules",
                      "Won ÷ (won + lost) among deals closed in the period, by count and by "
                      "value."),
        "lead_to_win": translate("AnalyticsRules",
                         "Won ÷ all deals created in the period (the period's cohort)."),
        "conversion": translate("AnalyticsRules",
                        "reached(next stage) ÷ reached(stage) among deals created in the "
                        "period. A deal reached a stage if it was ever in it or a later open "
                        "stage, or was won; strict mode counts only stages actually visited."),
        "deal_size": translate("AnalyticsRules",
                       "Mean (and median) amount of deals won in the period."),
        "cycle": translate("AnalyticsRules",
                   "Mean (and median) days from creation to won, for deals won in the period."),
        "time_in_stage": translate("AnalyticsRules",
                           "Days in each stage, summed over re-entries, per deal that entered "
                           "it in the period (a stay not yet ended counts up to the as-of "
                           "date)."),
        "velocity": translate("AnalyticsRules",
                      "Open deals × win rate × average deal size ÷ average cycle days (money "
                      "per day)."),
        "coverage": translate("AnalyticsRules",
                      "Open pipeline value (and weighted value) ÷ what is still missing to the "
                      "target (target − won so far)."),
    }


#: Which core constant each rule copies (checked by a test).
SOURCES: dict[str, tuple[str, str]] = {
    "funnel": ("funnel_desktop.core.funnel_chart", "RULE"),
    "forecast_chart": ("funnel_desktop.core.forecast_chart", "RULE"),
    "band": ("funnel_desktop.core.simulation", "RULE"),
    "reasons": ("funnel_desktop.core.reasons_summary", "RULE"),
    "size_bands": ("funnel_desktop.core.size_bands", "RULE"),
    "owner_table": ("funnel_desktop.core.owner_table", "RULE"),
    **{k: ("funnel_desktop.core.metrics", f"RULES[{k}]")
       for k in ("weighted", "win_rate", "lead_to_win", "conversion", "deal_size", "cycle",
                 "time_in_stage", "velocity", "coverage")},
}
