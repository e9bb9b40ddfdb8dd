"""Errors that carry a code and parameters, so every language can render the same fact."""

from __future__ import annotations

import re
from typing import Any

#: English message templates by code; the UI and CLI translate them (see ``ui/messages.py``).
MESSAGES: dict[str, str] = {
    "amount_negative": "The amount cannot be negative: {value}.",
    "amount_invalid": "“{value}” is not an amount. Write it like 12,500.00.",
    "amount_too_large": "The amount {value} is too large: the largest amount is {limit}.",
    "probability_invalid": "The probability must be a whole number from 0 to 100, not “{value}”.",
    "date_invalid": "“{value}” is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-24.",
    "date_out_of_range": "The date {value} is outside the dates kept here ({first} to "
    "{last}).",
    "count_invalid": "{name} must be a whole number from {minimum} to {maximum}, not "
    "“{value}”.",
    "text_too_long": "The text is too long: {count} characters, and at most {limit} fit here.",
    "text_too_long_db": "A text is longer than the database keeps (at most {limit} "
    "characters); nothing was saved.",
    "text_control": "The text contains a character that cannot be kept ({char}); remove it "
    "and try again.",
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
    "activity_unknown": "Follow-up #{value} does not exist (it may have been deleted).",
    "closing_stage": "Use Won or Lost to close a deal, so the reason is kept.",
    "choice_invalid": "“{value}” is not one of: {choices}.",
    "delimiter_invalid": "“{value}” is not a delimiter: give auto, tab or one character such "
    "as “,” “;” “|”.",
    "target_invalid": "The target must be a positive amount, not “{value}”.",
    "no_history": "There are no won deals yet, so the average deal size is unknown.",
    "no_conversion": "No deal has passed stage “{stage}” yet, so its conversion is 0 and the "
    "plan cannot go further up the funnel.",
    "idle_days_invalid": "The idle limit must be a whole number of days, not “{value}”.",
    "stage_duplicate": "Two stages are called “{value}”; give each stage its own name.",
    "stages_shape": "A pipeline needs at least one open stage, one Won stage and one Lost "
    "stage.",
    "stage_has_deals": "Stage “{value}” still holds {count} deals: choose where to move them "
    "before removing it.",
    "stage_move_invalid": "The deals of “{value}” must move to a kept stage of the same kind.",
    "pipeline_duplicate": "There is already a pipeline called “{value}”.",
    "pipeline_has_deals": "This pipeline still holds deals; move or delete them first.",
    "pipeline_last": "The last pipeline cannot be deleted.",
    "list_duplicate": "“{value}” is in the list twice.",
    "list_in_use": "“{value}” is still in use, so it cannot be removed (make it inactive, or "
    "change the deals that use it first).",
    "json_invalid": "“{value}” is not valid structured data.",
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
    "db_empty": "{path} is an empty file, not a Funnel Desktop database.",
    "disk_full": "The disk is full; nothing was saved. Free some space and try again.",
    "db_error": "The database refused the change ({detail}); nothing was saved.",
    "db_not_empty": "{path} already holds a pipeline; the demo needs an empty database.",
    "file_write": "Could not write {path}: {detail}",
    "file_error": "Could not use the file {path}: {detail}.",
    "interrupted": "Stopped. A change under way was rolled back; nothing was half-written.",
    "internal_error": "An internal error stopped the command ({detail}). Nothing was "
    "half-written. Please report it; FUNNEL_DEBUG=1 shows the details.",
    "db_connect": "Could not connect to the database {path}: {detail}",
    "threshold_unknown": "“{name}” is not a health threshold.",
    "threshold_invalid": "“{value}” is not a valid value for the health threshold {name}.",
    "runs_invalid": "The number of simulation runs must be a whole number from 1 to "
    "{maximum}, not “{value}”.",
    # import, export and backups
    "import_file_missing": "The file {path} does not exist.",
    "import_file_type": "{path} is not a CSV or XLSX file.",
    "import_too_big": "{path} is too big to import ({size} MB unpacked; the limit is "
    "{limit} MB).",
    "import_encoding": "{path} could not be read as text in {encoding}. Choose another "
    "encoding.",
    "import_unreadable": "{path} could not be read as a spreadsheet ({detail}).",
    "import_encoding_row": "{path} could not be read as text in {encoding} (row {row}). Choose "
    "another encoding.",
    "import_mixed_encoding": "{path} mixes two encodings: rows {utf8_rows} are in UTF-8 and rows "
    "{other_rows} in {encoding}, so some would be stored garbled. Save the file again in one "
    "encoding (e.g. UTF-8) and import it again.",
    "import_too_many_rows": "{path} has more than {limit} rows; split it into smaller files and "
    "import them one after another.",
    "import_too_many_columns": "{path} has more than {limit} columns with values; remove the "
    "columns that are not needed.",
    "import_too_many_cells": "{path} has more than {limit} cells (rows × columns); split it into "
    "smaller files or remove the columns that are not needed.",
    "import_cell_too_long_row": "Row {row} of {path} has a cell longer than {limit} "
    "characters, the most a cell holds (as in Excel).",
    "import_cell_too_long": "Row {row}, column {column} of {path} holds {count} characters; a "
    "cell holds at most {limit} (as in Excel).",
    "import_too_slow": "Reading {path} took longer than {seconds} s, so it was stopped; the file "
    "may be damaged. Open it in the spreadsheet program and save it again (or as CSV).",
    "import_empty": "{path} has no rows to import.",
    "import_sheet_unknown": "The workbook has no sheet “{value}”.",
    "import_nothing_guessed": "No column of the file could be matched to a field by its "
    "header ({headers}). Give a mapping with --mapping (the README describes the preset "
    "format).",
    "currency_mismatch": "The database {path} keeps its amounts in {kept}; this file's "
    "amounts are in {wanted}. Import it into a database in {wanted} (a new one: --db "
    "new.sqlite --currency {wanted}).",
    "import_nothing_mapped": "No column is mapped to a field. Map at least a deal title, "
    "product, customer or external id.",
    "import_column_unknown": "The mapping names column “{column}”, which this file does not "
    "have.",
    "import_field_unknown": "“{value}” is not a field that can be imported.",
    "import_preset_invalid": "The mapping preset {path} cannot be used ({detail}).",
    "import_preset_keys": "The mapping preset {path} has keys this program does not know: "
    "{keys}. A preset's keys are: {valid}. The file's columns go inside “columns”, as in "
    "\"columns\": … \"客户名称\": \"customer.name\" (the README shows a whole preset).",
    "import_lookup_missing": "The lookup file {path} named by the mapping does not exist.",
    "import_has_errors": "{count} row(s) have problems, so nothing was imported. Fix them, or "
    "choose to skip the rows with problems.",
    "import_empty_row": "The row is empty.",
    "import_duplicate_id": "External id “{value}” appeared already on row {first}; this row "
    "is skipped.",
    "import_title_empty": "The title is empty. Fill it in, or let such deals be named after "
    "their product and customer (\"empty_title\": \"fill\" in the mapping).",
    "import_title_missing": "The row has no title, product, customer or external id to name "
    "the deal by.",
    "import_stage_unmapped": "Stage “{value}” is not mapped to a stage of this pipeline.",
    "import_closed_before_created": "The close date {closed} is before the created date "
    "{created}.",
    "import_other_pipeline": "External id “{value}” belongs to a deal in another pipeline; "
    "the row is skipped.",
    "note_customer_missing": "{count} row(s) have no customer; their deals were imported "
    "without one.",
    "note_created_fallback": "{count} deal(s) have no created date; they were given {date} "
    "({rule}).",
    "note_closed_fallback": "{count} closed deal(s) have no close date; they were given "
    "their created date.",
    "note_created_from_closed": "{count} closed deal(s) have no created date; their close "
    "date was used.",
    "note_lookup_normalised": "“{value}” was matched to “{match}” in {file} ({count} "
    "row(s)).",
    "note_lookup_missing": "“{value}” is not in {file} ({count} row(s)).",
    "note_valued_from_price": "{count} open deal(s) without an amount were valued at their "
    "product's list price.",
    "note_stage_unmapped": "Stage “{value}” ({count} row(s)) is not a stage of this pipeline, "
    "whose stages are: {stages}. To map it, add it to the mapping's “stage_map”, e.g. "
    "{line}.",
    "note_stage_default": "{count} row(s) have no stage; they were put in “{stage}”.",
    "note_reason_unknown": "“{value}” is not a kept won or lost reason; {count} deal(s) were "
    "closed without a reason.",
    "backup_missing": "The backup {path} does not exist.",
    "backup_invalid": "{path} is not a usable backup ({detail}); nothing was restored.",
    # several writers
    "undo_conflict": "Nothing was undone: {by} changed {items} after “{action}” ({at}). Undo "
    "takes back only what nobody has changed since.",
    "edit_conflict": "{by} changed {fields} of “{item}” ({at}) while it was open here; nothing "
    "was saved.",
    "cancelled": "Stopped: nothing of it was kept.",
    "db_in_use": "{path} is open in another program ({holders}). Close it there first; "
    "nothing was changed.",
    "db_denied": "Your account may not make this change on the server {path}; nothing was "
    "changed. Ask your admin if you need it.",
    "db_login_failed": "The server {path} did not accept the password of {user}.",
    "db_password_needed": "The server {path} needs the password of {user}: log in from the app "
    "(it can remember it in ~/.pgpass), or put it in ~/.pgpass.",
    "db_server_down": "The server {host} does not answer ({path}). Check that it runs and that "
    "this computer can reach it.",
    "db_no_access": "{user} may not use the database {path}. Ask your admin to add you "
    "(funnel-desktop team add-user).",
    "db_needs_upgrade": "The database {path} has schema {found}; this version needs {known}. "
    "Ask your admin to upgrade it (funnel-desktop team init).",
    "team_needs_server": "Team mode needs a PostgreSQL server database (postgresql://…); a "
    "database file is for one person.",
    "login_invalid": "“{value}” cannot be a login name: use letters, digits and _ . - "
    "(starting with a letter).",
    "password_empty": "No password was given on standard input.",
    "team_not_set_up": "Team mode is not set up on this database: run funnel-desktop team "
    "init first.",
    "login_unknown": "There is no login “{value}” on this server.",
    "server_backup": "{path} is a server database: it is backed up and restored on the server "
    "(pg_dump and pg_restore; see “Team mode” in the README), not by this command.",
    "export_what_unknown": "“{value}” cannot be exported; choose deals, customers, contacts "
    "or activities.",
}


#: Characters never shown raw in a message: C0 and C1 controls, DEL, and the invisible
#: marks that reorder or hide text (bidirectional overrides, line separators, zero widths).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069"
                       "\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: Characters of one value shown in a message; longer values are shortened in the middle.
SHOWN_CHARS = 160
#: Parameters that list what the program accepts (its own words, never shortened to
#: :data:`SHOWN_CHARS`: a list cut in the middle names keys that do not exist).
LISTS = frozenset({"valid", "choices"})
LIST_CHARS = 1000


#: ``scheme://user:password@`` — the password is everything up to the last ``@`` of the
#: address (an unencoded ``@`` in a password counts as its own).
_URL_PASSWORD = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)([^\s/]*)(@)")
#: ``password=secret`` / ``password: secret`` / ``"password": "secret"`` / ``password='a b'``
#: (libpq strings, dicts): a quoted value is masked whole, its quotes kept.
_KEY_PASSWORD = re.compile(
    r"""(?i)(\b(?:password|passwd|pwd)['"]?\s*[=:]\s*)(?:(['"])(.*?)\2|([^\s'",;)}]+))""")


def _masked_key(m: re.Match[str]) -> str:
    quote = m[2] or ""
    return f"{m[1]}{quote}***{quote}"


def mask_secrets(text: str) -> str:
    """``text`` with the passwords of URLs and connection strings replaced by ``***`` (every
    message, log line and crash report passes through it)."""
    text = _URL_PASSWORD.sub(r"\1***\3", text)
    return _KEY_PASSWORD.sub(_masked_key, text)


def printable(value: object, limit: int = SHOWN_CHARS) -> str:
    """``value`` as text safe to show in a message or on a terminal: a password in a server
    address masked (``***``), control and invisible characters written as escapes
    (``\\x1b``, ``\\n``, ``\\u202e``), and text longer than ``limit`` shortened in the
    middle (``…``)."""
    text = str(value).rstrip("\r\n")  # a driver's message often ends with a line break
    text = mask_secrets(text)
    if len(text) > limit:
        head = limit * 2 // 3
        text = text[:head] + "…" + text[len(text) - (limit - head - 1):]
    return _CONTROLS.sub(_escape, text) if _CONTROLS.search(text) else text


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def shown_params(params: dict[str, Any]) -> dict[str, str]:
    """The parameters of a message, each made :func:`printable`."""
    return {k: shown_param(k, v) for k, v in params.items()}


def shown_param(name: str, value: object) -> str:
    """One parameter made :func:`printable`: a list of what is accepted whole."""
    return printable(value, LIST_CHARS if name in LISTS else SHOWN_CHARS)


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
            return template.format(**shown_params(self.params))
        except (KeyError, IndexError, ValueError):
            return template


class ValidationError(FunnelError):
    """Bad input from the user; ``field`` names the form field it belongs to."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(code, **params)


class StoreError(FunnelError):
    """The database cannot do what was asked (locked, read-only, corrupt, newer, full)."""
