"""Errors that carry a code and parameters, so every language can render the same fact."""

from __future__ import annotations

from typing import Any

#: English message templates by code; the UI and CLI translate them (see ``ui/messages.py``).
MESSAGES: dict[str, str] = {
    "amount_negative": "The amount cannot be negative: {value}.",
    "amount_invalid": "“{value}” is not an amount. Write it like 12,500.00.",
    "probability_invalid": "The probability must be a whole number from 0 to 100, not “{value}”.",
    "date_invalid": "“{value}” is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-24.",
    "period_invalid": "The period is empty: {start} is after {end}.",
    "week_invalid": "“{value}” is not an ISO week. Write it like 2026-W47.",
    "title_required": "A deal needs a title.",
    "name_required": "A name is required.",
    "stage_unknown": "There is no stage “{value}” in this pipeline.",
    "pipeline_unknown": "There is no pipeline “{value}”.",
    "deal_unknown": "Deal #{value} does not exist (it may have been deleted).",
    "customer_unknown": "Customer #{value} does not exist (it may have been deleted).",
    "owner_unknown": "There is no salesperson “{value}”.",
    "team_unknown": "There is no team “{value}”.",
    "region_unknown": "There is no region “{value}”.",
    "reason_required": "Closing a deal as {kind} needs a reason.",
    "reason_unknown": "“{value}” is not a kept {kind} reason.",
    "not_closed": "Deal #{value} is not closed, so it cannot be reopened.",
    "already_closed": "Deal #{value} is already closed; reopen it first.",
    "closing_stage": "Use Won or Lost to close a deal, so the reason is kept.",
    "choice_invalid": "“{value}” is not one of: {choices}.",
    "target_invalid": "The target must be a positive amount, not “{value}”.",
    "no_history": "There are no won deals yet, so the average deal size is unknown.",
    "no_conversion": "No deal has passed stage “{stage}” yet, so its conversion is 0 and the "
    "plan cannot go further up the funnel.",
    "db_missing": "The database file {path} does not exist.",
    "db_locked": "The database {path} is in use by another program. Close it there, or wait "
    "and try again.",
    "db_readonly": "The database {path} is read-only. Open it read-only, or copy it somewhere "
    "you can write.",
    "db_corrupt": "The database {path} is damaged ({detail}). Restore a backup or open another "
    "file.",
    "db_newer": "The database {path} was made by a newer version of Funnel Desktop (schema "
    "{found}, this version knows {known}). Update the program, or open another file.",
    "db_not_funnel": "{path} is not a Funnel Desktop database.",
    "disk_full": "The disk is full; nothing was saved. Free some space and try again.",
    "db_error": "The database refused the change ({detail}); nothing was saved.",
    "db_not_empty": "{path} already holds a pipeline; the demo needs an empty database.",
    "db_connect": "Could not connect to the database {path}: {detail}",
}


class FunnelError(Exception):
    """A user-facing error: ``code`` names the fact, ``params`` fill in the message."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        """The message in English (the source language of every translation)."""
        template = MESSAGES.get(self.code, self.code)
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template


class ValidationError(FunnelError):
    """Bad input from the user; ``field`` names the form field it belongs to."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(code, **params)


class StoreError(FunnelError):
    """The database cannot do what was asked (locked, read-only, corrupt, newer, full)."""
