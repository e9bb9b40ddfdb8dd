"""Words shown to people: error messages by code and names of coded choices, through tr().

English source text; Chinese comes from the Qt translation (funnel_desktop/resources/translations).
Placeholders are the same ``{name}`` fields as in ``core/errors.MESSAGES`` and are filled by
replacement, never by concatenating sentences.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...core.errors import FunnelError, shown_param

translate = QCoreApplication.translate



def _templates() -> dict[str, str]:
    """Every code of ``core.errors.MESSAGES`` → its translated template."""
    return {
        "amount_negative": translate("Messages", "The amount cannot be negative: {value}."),
        "amount_invalid": translate(
            "Messages", "“{value}” is not an amount. Write it like 12,500.00."),
        "amount_too_large": translate(
            "Messages", "The amount {value} is too large: the largest amount is {limit}."),
        "probability_invalid": translate(
            "Messages", "The probability must be a whole number from 0 to 100, not “{value}”."),
        "date_invalid": translate(
            "Messages", "“{value}” is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-24."),
        "date_out_of_range": translate(
            "Messages", "The date {value} is outside the dates kept here ({first} to {last})."),
        "count_invalid": translate(
            "Messages", "{name} must be a whole number from {minimum} to {maximum}, not "
                        "“{value}”."),
        "text_too_long": translate(
            "Messages", "The text is too long: {count} characters, and at most {limit} fit "
                        "here."),
        "text_too_long_db": translate(
            "Messages", "A text is longer than the database keeps (at most {limit} characters); "
                        "nothing was saved."),
        "text_control": translate(
            "Messages", "The text contains a character that cannot be kept ({char}); remove it "
                        "and try again."),
        "period_invalid": translate("Messages", "The period is empty: {start} is after {end}."),
        "week_invalid": translate(
            "Messages", "“{value}” is not an ISO week. Write it like 2026-W47."),
        "title_required": translate("Messages", "A deal needs a title."),
        "name_required": translate("Messages", "A name is required."),
        "stage_unknown": translate("Messages", "There is no stage “{value}” in this pipeline."),
        "pipeline_unknown": translate("Messages", "There is no pipeline “{value}”."),
        "deal_unknown": translate(
            "Messages", "Deal #{value} does not exist (it may have been deleted)."),
        "customer_unknown": translate(
            "Messages", "Customer #{value} does not exist (it may have been deleted)."),
        "owner_unknown": translate("Messages", "There is no salesperson “{value}”."),
        "team_unknown": translate("Messages", "There is no team “{value}”."),
        "region_unknown": translate("Messages", "There is no region “{value}”."),
        "reason_required": translate("Messages", "Closing a deal as {kind} needs a reason."),
        "reason_unknown": translate("Messages", "“{value}” is not a kept {kind} reason."),
        "not_closed": translate(
            "Messages", "Deal #{value} is not closed, so it cannot be reopened."),
        "already_closed": translate(
            "Messages", "Deal #{value} is already closed; reopen it first."),
        "closing_stage": translate(
            "Messages", "Use Won or Lost to close a deal, so the reason is kept."),
        "choice_invalid": translate("Messages", "“{value}” is not one of: {choices}."),
        "delimiter_invalid": translate(
            "Messages", "“{value}” is not a delimiter: give auto, tab or one character such "
            "as “,” “;” “|”."),
        "target_invalid": translate(
            "Messages", "The target must be a positive amount, not “{value}”."),
        "no_history": translate(
            "Messages", "There are no won deals yet, so the average deal size is unknown."),
        "no_conversion": translate(
            "Messages", "No deal has passed stage “{stage}” yet, so its conversion is 0 and the "
                        "plan cannot go further up the funnel."),
        "db_missing": translate("Messages", "The database file {path} does not exist."),
        "db_locked": translate(
            "Messages", "The database {path} is in use by another program. Close it there, or "
                        "wait and try again."),
        "db_readonly": translate(
            "Messages", "The database {path} is read-only. Open it read-only, or copy it "
                        "somewhere you can write."),
        "db_corrupt": translate(
            "Messages", "The database {path} is damaged ({detail}). Restore a backup or open "
                        "another file."),
        "db_newer": translate(
            "Messages", "The database {path} was made by a newer version of Funnel Desktop "
                        "(schema {found}, this version knows {known}). Update the program, or "
                        "open another file."),
        "db_not_funnel": translate("Messages", "{path} is not a Funnel Desktop database."),
        "db_empty": translate("Messages", "{path} is an empty file, not a Funnel Desktop "
                                          "database."),
        "disk_full": translate(
            "Messages", "The disk is full; nothing was saved. Free some space and try again."),
        "db_error": translate(
            "Messages", "The database refused the change ({detail}); nothing was saved."),
        "db_not_empty": translate(
            "Messages", "{path} already holds a pipeline; the demo needs an empty database."),
        "db_connect": translate("Messages", "Could not connect to the database {path}: {detail}"),
        "activity_unknown": translate(
            "Messages", "Follow-up #{value} does not exist (it may have been deleted)."),
        "idle_days_invalid": translate(
            "Messages", "The idle limit must be a whole number of days, not “{value}”."),
        "stage_duplicate": translate(
            "Messages", "Two stages are called “{value}”; give each stage its own name."),
        "stages_shape": translate(
            "Messages", "A pipeline needs at least one open stage, one Won stage and one Lost "
                        "stage."),
        "stage_has_deals": translate(
            "Messages", "Stage “{value}” still holds {count} deals: choose where to move them "
                        "before removing it."),
        "stage_move_invalid": translate(
            "Messages", "The deals of “{value}” must move to a kept stage of the same kind."),
        "pipeline_duplicate": translate(
            "Messages", "There is already a pipeline called “{value}”."),
        "pipeline_has_deals": translate(
            "Messages", "This pipeline still holds deals; move or delete them first."),
        "pipeline_last": translate("Messages", "The last pipeline cannot be deleted."),
        "list_duplicate": translate("Messages", "“{value}” is in the list twice."),
        "list_in_use": translate(
            "Messages", "“{value}” is still in use, so it cannot be removed (make it inactive, or "
                        "change the deals that use it first)."),
        "file_write": translate("Messages", "Could not write {path}: {detail}"),
        "file_error": translate("Messages", "Could not use the file {path}: {detail}."),
        "interrupted": translate(
            "Messages", "Stopped. A change under way was rolled back; nothing was "
                        "half-written."),
        "internal_error": translate(
            "Messages", "An internal error stopped the command ({detail}). Nothing was "
                        "half-written. Please report it; FUNNEL_DEBUG=1 shows the details."),
        "threshold_unknown": translate("Messages", "“{name}” is not a health threshold."),
        "threshold_invalid": translate(
            "Messages", "“{value}” is not a valid value for the health threshold {name}."),
        "runs_invalid": translate(
            "Messages", "The number of simulation runs must be a whole number from 1 to "
                        "{maximum}, not “{value}”."),
        "import_file_missing": translate("Messages", "The file {path} does not exist."),
        "import_file_type": translate("Messages", "{path} is not a CSV or XLSX file."),
        "import_too_big": translate(
            "Messages", "{path} is too big to import ({size} MB unpacked; the limit is {limit} "
                        "MB)."),
        "import_encoding": translate(
            "Messages", "{path} could not be read as text in {encoding}. Choose another encoding."),
        "import_unreadable": translate(
            "Messages", "{path} could not be read as a spreadsheet ({detail})."),
        "import_encoding_row": translate(
            "Messages", "{path} could not be read as text in {encoding} (row {row}). Choose "
                        "another encoding."),
        "import_mixed_encoding": translate(
            "Messages", "{path} mixes two encodings: rows {utf8_rows} are in UTF-8 and rows "
                        "{other_rows} in {encoding}, so some would be stored garbled. Save the "
                        "file again in one encoding (e.g. UTF-8) and import it again."),
        "import_too_many_rows": translate(
            "Messages", "{path} has more than {limit} rows; split it into smaller files and "
                        "import them one after another."),
        "import_too_many_columns": translate(
            "Messages", "{path} has more than {limit} columns with values; remove the columns "
                        "that are not needed."),
        "import_too_many_cells": translate(
            "Messages", "{path} has more than {limit} cells (rows × columns); split it into "
                        "smaller files or remove the columns that are not needed."),
        "import_cell_too_long_row": translate(
            "Messages", "Row {row} of {path} has a cell longer than {limit} characters, the "
                        "most a cell holds (as in Excel)."),
        "import_cell_too_long": translate(
            "Messages", "Row {row}, column {column} of {path} holds {count} characters; a cell "
                        "holds at most {limit} (as in Excel)."),
        "import_too_slow": translate(
            "Messages", "Reading {path} took longer than {seconds} s, so it was stopped; the "
                        "file may be damaged. Open it in the spreadsheet program and save it "
                        "again (or as CSV)."),
        "import_empty": translate("Messages", "{path} has no rows to import."),
        "import_sheet_unknown": translate("Messages", "The workbook has no sheet “{value}”."),
        "import_nothing_guessed": translate(
            "Messages", "No column of the file could be matched to a field by its header "
                        "({headers}). Give a mapping with --mapping (the README describes the "
                        "preset format)."),
        "currency_mismatch": translate(
            "Messages", "The database {path} keeps its amounts in {kept}; this file's amounts "
                        "are in {wanted}. Import it into a database in {wanted} (a new one: "
                        "--db new.sqlite --currency {wanted})."),
        "import_nothing_mapped": translate(
            "Messages", "No column is mapped to a field. Map at least a deal title, product, "
                        "customer or external id."),
        "import_column_unknown": translate(
            "Messages", "The mapping names column “{column}”, which this file does not have."),
        "import_field_unknown": translate(
            "Messages", "“{value}” is not a field that can be imported."),
        "import_preset_invalid": translate(
            "Messages", "The mapping preset {path} cannot be used ({detail})."),
        "import_preset_keys": translate(
            "Messages", "The mapping preset {path} has keys this program does not know: "
                        "{keys}. A preset's keys are: {valid}. The file's columns go inside "
                        "“columns”, as in \"columns\": … \"客户名称\": \"customer.name\" (the "
                        "README shows a whole preset)."),
        "import_lookup_missing": translate(
            "Messages", "The lookup file {path} named by the mapping does not exist."),
        "import_has_errors": translate(
            "Messages", "{count} row(s) have problems, so nothing was imported. Fix them, or "
                        "choose to skip the rows with problems."),
        "import_empty_row": translate("Messages", "The row is empty."),
        "import_duplicate_id": translate(
            "Messages", "External id “{value}” appeared already on row {first}; this row is "
                        "skipped."),
        "import_title_empty": translate(
            "Messages", "The title is empty. Fill it in, or let such deals be named after their "
                        "product and customer (\"empty_title\": \"fill\" in the mapping)."),
        "import_title_missing": translate(
            "Messages", "The row has no title, product, customer or external id to name the deal "
                        "by."),
        "import_stage_unmapped": translate(
            "Messages", "Stage “{value}” is not mapped to a stage of this pipeline."),
        "import_closed_before_created": translate(
            "Messages", "The close date {closed} is before the created date {created}."),
        "import_other_pipeline": translate(
            "Messages", "External id “{value}” belongs to a deal in another pipeline; the row is "
                        "skipped."),
        "note_customer_missing": translate(
            "Messages", "{count} row(s) have no customer; their deals were imported without one."),
        "note_created_fallback": translate(
            "Messages", "{count} deal(s) have no created date; they were given {date} ({rule})."),
        "note_closed_fallback": translate(
            "Messages", "{count} closed deal(s) have no close date; they were given their created "
                        "date."),
        "note_created_from_closed": translate(
            "Messages", "{count} closed deal(s) have no created date; their close date was used."),
        "note_lookup_normalised": translate(
            "Messages", "“{value}” was matched to “{match}” in {file} ({count} row(s))."),
        "note_lookup_missing": translate(
            "Messages", "“{value}” is not in {file} ({count} row(s))."),
        "note_valued_from_price": translate(
            "Messages", "{count} open deal(s) without an amount were valued at their product's "
                        "list price."),
        "note_stage_unmapped": translate(
            "Messages", "Stage “{value}” ({count} row(s)) is not a stage of this pipeline, whose "
                        "stages are: {stages}. To map it, add it to the mapping's “stage_map”, "
                        "e.g. {line}."),
        "note_stage_default": translate(
            "Messages", "{count} row(s) have no stage; they were put in “{stage}”."),
        "note_reason_unknown": translate(
            "Messages", "“{value}” is not a kept won or lost reason; {count} deal(s) were closed "
                        "without a reason."),
        "backup_missing": translate("Messages", "The backup {path} does not exist."),
        "backup_invalid": translate(
            "Messages", "{path} is not a usable backup ({detail}); nothing was restored."),
        "undo_conflict": translate(
            "Messages", "Nothing was undone: {by} changed {items} after “{action}” ({at}). "
                        "Undo takes back only what nobody has changed since."),
        "edit_conflict": translate(
            "Messages", "{by} changed {fields} of “{item}” ({at}) while it was open here; "
                        "nothing was saved."),
        "cancelled": translate("Messages", "Stopped: nothing of it was kept."),
        "db_in_use": translate(
            "Messages", "{path} is open in another program ({holders}). Close it there "
                        "first; nothing was changed."),
        "db_denied": translate(
            "Messages", "Your account may not make this change on the server {path}; "
                        "nothing was changed. Ask your admin if you need it."),
        "db_login_failed": translate(
            "Messages", "The server {path} did not accept the password of {user}."),
        "db_password_needed": translate(
            "Messages", "The server {path} needs the password of {user}: log in from the "
                        "app (it can remember it in ~/.pgpass), or put it in ~/.pgpass."),
        "db_server_down": translate(
            "Messages", "The server {host} does not answer ({path}). Check that it runs "
                        "and that this computer can reach it."),
        "db_no_access": translate(
            "Messages", "{user} may not use the database {path}. Ask your admin to add you "
                        "(funnel-desktop team add-user)."),
        "db_needs_upgrade": translate(
            "Messages", "The database {path} has schema {found}; this version needs "
                        "{known}. Ask your admin to upgrade it (funnel-desktop team init)."),
        "team_needs_server": translate(
            "Messages", "Team mode needs a PostgreSQL server database (postgresql://…); a "
                        "database file is for one person."),
        "login_invalid": translate(
            "Messages", "“{value}” cannot be a login name: use letters, digits and _ . - "
                        "(starting with a letter)."),
        "login_unknown": translate("Messages", "There is no login “{value}” on this server."),
        "password_empty": translate("Messages", "No password was given on standard input."),
        "team_not_set_up": translate(
            "Messages", "Team mode is not set up on this database: run funnel-desktop team "
                        "init first."),
        "server_backup": translate(
            "Messages", "{path} is a server database: it is backed up and restored on the "
                        "server (pg_dump and pg_restore; see “Team mode” in the README), not "
                        "by this command."),
        "export_what_unknown": translate(
            "Messages", "“{value}” cannot be exported; choose deals, customers, contacts or "
                        "activities."),
        "json_invalid": translate("Messages", "“{value}” is not valid structured data."),
    }


def _counted(n: int) -> dict[str, str]:
    """The codes whose sentence depends on ``{count}``, in the form for ``n`` (Qt's numerus
    forms: "1 row has", "2 rows have"; Chinese has one form)."""
    return {
        "import_has_errors": translate(
            "Messages", "%n row(s) have problems, so nothing was imported. Fix them, or "
                        "choose to skip the rows with problems.", None, n),
        "note_customer_missing": translate(
            "Messages", "%n row(s) have no customer; their deals were imported without one.",
            None, n),
        "note_created_fallback": translate(
            "Messages", "%n deal(s) have no created date; they were given {date} ({rule}).",
            None, n),
        "note_closed_fallback": translate(
            "Messages", "%n closed deal(s) have no close date; they were given their created "
                        "date.", None, n),
        "note_created_from_closed": translate(
            "Messages", "%n closed deal(s) have no created date; their close date was used.",
            None, n),
        "note_lookup_normalised": translate(
            "Messages", "“{value}” was matched to “{match}” in {file} (%n row(s)).", None, n),
        "note_lookup_missing": translate(
            "Messages", "“{value}” is not in {file} (%n row(s)).", None, n),
        "note_valued_from_price": translate(
            "Messages", "%n open deal(s) without an amount were valued at their product's "
                        "list price.", None, n),
        "note_stage_unmapped": translate(
            "Messages", "Stage “{value}” (%n row(s)) is not a stage of this pipeline, whose "
                        "stages are: {stages}. To map it, add it to the mapping's "
                        "“stage_map”, e.g. {line}.", None, n),
        "note_stage_default": translate(
            "Messages", "%n row(s) have no stage; they were put in “{stage}”.", None, n),
        "note_reason_unknown": translate(
            "Messages", "“{value}” is not a kept won or lost reason; %n deal(s) were closed "
                        "without a reason.", None, n),
        "stage_has_deals": translate(
            "Messages", "Stage “{value}” still holds %n deal(s): choose where to move them "
                        "before removing it.", None, n),
        "text_too_long": translate(
            "Messages", "The text is too long: %n character(s), and at most {limit} fit "
                        "here.", None, n),
    }


def _count(value: object) -> int | None:
    """A ``count`` parameter as a whole number (None when it is not one)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() and len(text) < 19 else None


def _param(name: str, value: object) -> str:
    if name == "kind" and value in ("won", "lost"):
        return won_lost(str(value))
    if name == "action":
        from ...texts.actions import action_name

        return action_name(str(value))
    if name == "fields":
        names = field_names()
        return translate("Messages", ", ").join(
            names.get(f.strip(), f.strip()) for f in str(value).split(",") if f.strip())
    return shown_param(name, value)


def field_names() -> dict[str, str]:
    """Deal and customer field codes as a person calls them (conflict messages)."""
    return {
        "title": translate("Messages", "title"), "customer": translate("Messages", "customer"),
        "amount": translate("Messages", "amount"),
        "probability": translate("Messages", "probability"),
        "expected_close": translate("Messages", "expected close"),
        "owner": translate("Messages", "owner"), "source": translate("Messages", "source"),
        "project_type": translate("Messages", "project type"),
        "next_step": translate("Messages", "next step"),
        "next_step_due": translate("Messages", "next step due"),
        "checklist": translate("Messages", "checklist"),
        "close_note": translate("Messages", "close note"),
        "stage": translate("Messages", "stage"), "stages": translate("Messages", "stages"),
        "name": translate("Messages", "name"),
        "contact_person": translate("Messages", "contact person"),
        "phone": translate("Messages", "phone"), "email": translate("Messages", "email"),
        "im": translate("Messages", "WeChat / messenger"),
        "address": translate("Messages", "address"),
        "industry": translate("Messages", "industry"), "region": translate("Messages", "region"),
        "scale": translate("Messages", "scale"), "needs": translate("Messages", "needs"),
        "pain_points": translate("Messages", "pain points"),
        "intent": translate("Messages", "purchase intent"),
        "budget": translate("Messages", "budget"),
        "credit_notes": translate("Messages", "credit notes"),
        "man_money": translate("Messages", "money"),
        "man_authority": translate("Messages", "authority"),
        "man_need": translate("Messages", "need"), "class_manual": translate("Messages", "class"),
        "priority": translate("Messages", "priority"),
        "assessment": translate("Messages", "assessment"),
        "notes": translate("Messages", "notes"),
    }


def error_text(err: FunnelError) -> str:
    """The message of a FunnelError in the user's language, its parameters filled in."""
    n = _count(err.params["count"]) if "count" in err.params else None
    template = _counted(n).get(err.code) if n is not None else None
    if template is None:
        template = _templates().get(err.code)
    if template is None:
        return err.english()
    for name, value in err.params.items():
        template = template.replace("{" + name + "}", _param(name, value))
    return template


def won_lost(kind: str) -> str:
    return translate("Messages", "won") if kind == "won" else translate("Messages", "lost")


# -- coded choices ----------------------------------------------------------------------------
def priority_name(code: str) -> str:
    return {"high": translate("Messages", "High"), "medium": translate(
        "Messages", "Medium"), "low": translate(
        "Messages", "Low")}.get(code, code)


def intent_name(code: str) -> str:
    return {"high": translate("Messages", "Strong"), "medium": translate(
        "Messages", "Moderate"), "low": translate(
        "Messages", "Weak"),
            "": translate("Messages", "Unknown")}.get(code, code)


def project_type_name(code: str) -> str:
    return {"big": translate("Messages", "Big project"), "small": translate(
        "Messages", "Small project"),
            "": translate("Messages", "Not set")}.get(code, code)


def activity_kind_name(code: str) -> str:
    return {"call": translate("Messages", "Call"), "visit": translate(
        "Messages", "Visit"), "email": translate(
        "Messages", "Email"),
            "meeting": translate("Messages", "Meeting"), "note": translate(
                "Messages", "Note"), "task": translate(
                "Messages", "Task")}.get(code, code)


def role_name(code: str) -> str:
    return {"decision_maker": translate("Messages", "Decision maker"), "technical": translate(
        "Messages", "Technical evaluator"),
            "buyer": translate("Messages", "Buyer"), "user": translate(
                "Messages", "User"), "coach": translate(
                "Messages", "Sponsor / coach"),
            "": translate("Messages", "No role")}.get(code, code)


def attitude_name(code: str) -> str:
    return {"supporter": translate("Messages", "Supporter"), "neutral": translate(
        "Messages", "Neutral"),
            "opponent": translate("Messages", "Opponent")}.get(code, code)


#: Account assessment criteria (keys stored in Customer.assessment), in display order.
ASSESSMENT_KEYS = ("organisation", "market_growth", "requirements", "solution_fit",
                   "advantage", "track_record", "sponsorship", "culture")


def assessment_name(key: str) -> str:
    return {"organisation": translate("Messages", "Organisation"), "market_growth": translate(
        "Messages", "Market growth position"),
            "requirements": translate(
                "Messages", "Solution requirements"), "solution_fit": translate(
                "Messages", "Solution fit"),
            "advantage": translate("Messages", "Competitive advantage"), "track_record": translate(
                "Messages", "Track record"),
            "sponsorship": translate("Messages", "Sponsorship"), "culture": translate(
                "Messages", "Cultural fit")}.get(key, key)


def man_action_text(code: str) -> str:
    """The recommended action for MAN answers (core.classify.man_action) as a sentence."""
    return {
        "pursue": translate(
            "Messages", "Money, authority and need: an ideal prospect. Pursue it now."),
        "create_need": translate(
            "Messages", "Money and authority but no need yet: approach them and create the need."),
        "find_authority": translate(
            "Messages", "Money and need but not the authority: approach them and find out who "
                        "decides."),
        "check_credit": translate(
            "Messages", "Authority and need but no money: approach them and check credit or "
                        "financing."),
        "nurture": translate(
            "Messages", "Only one of money, authority and need: nurture long-term."),
        "stop": translate("Messages", "No money, authority or need: not a customer. Stop here."),
        "incomplete": translate(
            "Messages", "Answer all three questions (money, authority, need) to get a "
                        "recommendation."),
    }.get(code, code)


def class_meaning(letter: str) -> str:
    """What an A/B/C/D class means for the effort to spend."""
    return {"A": translate("Messages", "A — big and soon: full effort"),
            "B": translate("Messages", "B — small and soon: cap the time spent"),
            "C": translate("Messages", "C — big but far: watch for change"),
            "D": translate("Messages", "D — small and far: last"),
            "": translate("Messages", "No open deal, so no class")}.get(letter, letter)
