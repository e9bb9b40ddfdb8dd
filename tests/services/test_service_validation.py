"""Bad input gets a ValidationError with the right code and field, and changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from funnel_desktop.core.errors import MESSAGES, ValidationError
from funnel_desktop.services import Services


def other_pipeline_stage(s: Services) -> int:
    from funnel_desktop.store.models import Stage

    pid = s.create_pipeline("b2b6", "en").value
    return Stage.get((Stage.pipeline == pid) & (Stage.position == 0)).id


# (name, call, code, field)
CASES = [
    ("negative amount", lambda s, w, o: s.create_deal(w.pipeline, w.stages[0], {
        "title": "X", "amount": -5}), "amount_negative", "amount"),
    ("negative amount text", lambda s, w, o: s.update_deal(w.erp, {"amount": "-1,000"}),
     "amount_negative", "amount"),
    ("non-numeric amount", lambda s, w, o: s.create_deal(w.pipeline, w.stages[0], {
        "title": "X", "amount": "abc"}), "amount_invalid", "amount"),
    ("non-numeric amount on edit", lambda s, w, o: s.update_deal(w.erp, {
        "amount": "12.5.0", "title": "changed too"}), "amount_invalid", "amount"),
    ("unknown stage", lambda s, w, o: s.create_deal(w.pipeline, 9999, {"title": "X"}),
     "stage_unknown", "stage"),
    ("stage of another pipeline", lambda s, w, o: s.create_deal(
        w.pipeline, o, {"title": "X"}), "stage_unknown", "stage"),
    ("move to unknown stage", lambda s, w, o: s.move_deals([w.erp], 9999), "stage_unknown",
     "stage"),
    ("move to another pipeline", lambda s, w, o: s.move_deals([w.erp], o),
     "stage_unknown", "stage"),
    ("create in a closing stage", lambda s, w, o: s.create_deal(w.pipeline, w.won, {
        "title": "X"}), "closing_stage", "stage"),
    ("move to won without a reason", lambda s, w, o: s.move_deals([w.erp], w.won),
     "closing_stage", "stage"),
    ("move a closed deal", lambda s, w, o: s.move_deals([w.erp, w.lost_deal], w.stages[3]),
     "already_closed", "stage"),
    ("close without reason", lambda s, w, o: s.close_deals([w.erp], True, None),
     "reason_required", "reason"),
    ("close lost without reason", lambda s, w, o: s.close_deals([w.erp], False, None),
     "reason_required", "reason"),
    ("wrong-kind reason", lambda s, w, o: s.close_deals([w.erp], True, w.lost_reason),
     "reason_unknown", "reason"),
    ("unknown reason", lambda s, w, o: s.close_deals([w.erp], False, 9999), "reason_unknown",
     "reason"),
    ("close a closed deal", lambda s, w, o: s.close_deals([w.servers, w.lost_deal], False,
                                                       w.lost_reason),
     "already_closed", "stage"),
    ("reopen an open deal", lambda s, w, o: s.reopen_deal(w.erp), "not_closed", "stage"),
    ("bad date", lambda s, w, o: s.create_deal(w.pipeline, w.stages[0], {
        "title": "X", "expected_close": "2026-13-45"}), "date_invalid", "expected_close"),
    ("bad date on edit", lambda s, w, o: s.update_deal(w.erp, {"next_step_due": "next week"}),
     "date_invalid", "next_step_due"),
    ("bad due date", lambda s, w, o: s.log_activity({"deal": w.erp, "due_at": "2026-02-30"}),
     "date_invalid", "due_at"),
    ("probability 101", lambda s, w, o: s.update_deal(w.erp, {"probability": 101}),
     "probability_invalid", "probability"),
    ("probability -1", lambda s, w, o: s.create_deal(w.pipeline, w.stages[0], {
        "title": "X", "probability": "-1"}), "probability_invalid", "probability"),
    ("probability text", lambda s, w, o: s.update_deal(w.erp, {"probability": "likely"}),
     "probability_invalid", "probability"),
    ("probability fraction", lambda s, w, o: s.update_deal(w.erp, {"probability": 50.5}),
     "probability_invalid", "probability"),
    ("no title", lambda s, w, o: s.create_deal(w.pipeline, w.stages[0], {"title": "  "}),
     "title_required", "title"),
    ("unknown owner", lambda s, w, o: s.update_deal(w.erp, {"owner": 9999}), "owner_unknown",
     "owner"),
    ("unknown deal", lambda s, w, o: s.delete_deals([w.erp, 9999]), "deal_unknown", "deal"),
    ("unknown pipeline", lambda s, w, o: s.create_deal(9999, w.stages[0], {"title": "X"}),
     "pipeline_unknown", "pipeline"),
    ("unknown activity", lambda s, w, o: s.set_activity_done(9999), "activity_unknown",
     "activity"),
    ("follow-up for an unknown customer", lambda s, w, o: s.log_activity({
        "customer": 9999, "kind": "call"}), "customer_unknown", "customer"),
    ("bad activity kind", lambda s, w, o: s.log_activity({"deal": w.erp, "kind": "fax"}),
     "choice_invalid", "kind"),
    ("customer without name", lambda s, w, o: s.save_customer(None, {"phone": "1"}),
     "name_required", "name"),
    ("contact without name", lambda s, w, o: s.save_customer(w.customer, {"phone": "1"}, [
        {"name": ""}]), "name_required", "contact_name"),
    ("bad contact role", lambda s, w, o: s.save_customer(w.customer, {}, [
        {"name": "A", "role": "boss"}]), "choice_invalid", "role"),
    ("bad budget", lambda s, w, o: s.save_customer(w.customer, {"budget": "lots"}),
     "amount_invalid", "budget"),
    ("bad priority", lambda s, w, o: s.save_customer(w.customer, {"priority": "urgent"}),
     "choice_invalid", "priority"),
    ("unknown customer", lambda s, w, o: s.delete_customer(9999), "customer_unknown",
     "customer"),
    ("zero target", lambda s, w, o: s.set_target("business", date(2026, 12, 1),
                                              date(2026, 12, 31), "0"),
     "target_invalid", "target"),
    ("negative target", lambda s, w, o: s.set_target("business", date(2026, 12, 1),
                                                  date(2026, 12, 31), "-5"),
     "amount_negative", "target"),
    ("bad target date", lambda s, w, o: s.set_target("business", "2026-12-01", "2026-12-32",
                                                  "5"), "date_invalid", "period_end"),
    ("target period backwards", lambda s, w, o: s.set_target("business", "2026-12-31",
                                                          "2026-12-01", "5"),
     "period_invalid", "period_start"),
    ("bad target scope", lambda s, w, o: s.set_target("planet", "2026-12-01", "2026-12-31",
                                                   "5"), "choice_invalid", "scope"),
    ("bad week", lambda s, w, o: s.save_weekly_note("2026-W60", "all", "x"), "week_invalid",
     "week"),
    # bounds (core/limits.py): beyond what the database holds
    ("amount beyond the bound", lambda s, w, o: s.update_deal(w.erp, {
        "amount": "99999999999999999999"}), "amount_too_large", "amount"),
    ("amount in 万 beyond the bound", lambda s, w, o: s.create_deal(w.pipeline, w.stages[0], {
        "title": "X", "amount": "99999999999999999999万"}), "amount_too_large", "amount"),
    ("amount as minor units beyond the bound", lambda s, w, o: s.update_deal(w.erp, {
        "amount": 2**63}), "amount_too_large", "amount"),
    ("amount as a float beyond the bound", lambda s, w, o: s.update_deal(w.erp, {
        "amount": "1e30"}), "amount_invalid", "amount"),
    ("a million nines", lambda s, w, o: s.update_deal(w.erp, {"amount": "9" * 1_000_000}),
     "amount_too_large", "amount"),
    ("budget beyond the bound", lambda s, w, o: s.save_customer(w.customer, {
        "budget": "2000亿"}), "amount_too_large", "budget"),
    ("target beyond the bound", lambda s, w, o: s.set_target(
        "business", date(2026, 12, 1), date(2026, 12, 31), "99999999999999999999"),
     "amount_too_large", "target"),
    ("date in year 1", lambda s, w, o: s.update_deal(w.erp, {"expected_close": "0001-01-01"}),
     "date_out_of_range", "expected_close"),
    ("date object in year 9999", lambda s, w, o: s.update_deal(w.erp, {
        "next_step_due": date(9999, 12, 31)}), "date_out_of_range", "next_step_due"),
    ("target from year 1", lambda s, w, o: s.set_target("business", date(1, 1, 1),
                                                     date(2026, 12, 31), "5"),
     "date_out_of_range", "period_start"),
    ("week in year 1", lambda s, w, o: s.save_weekly_note("0001-W01", "all", "x"),
     "date_out_of_range", "week"),
    ("probability beyond int", lambda s, w, o: s.update_deal(w.erp, {"probability": 10**5000}),
     "probability_invalid", "probability"),
    ("title longer than the column", lambda s, w, o: s.update_deal(w.erp, {"title": "T" * 256}),
     "text_too_long", "title"),
    ("title with NUL", lambda s, w, o: s.create_deal(w.pipeline, w.stages[0], {
        "title": "A\x00B"}), "text_control", "title"),
    ("title with a lone surrogate", lambda s, w, o: s.update_deal(w.erp, {
        "title": "bad \udcff bytes"}), "text_control", "title"),
    ("customer name longer than the column", lambda s, w, o: s.save_customer(None, {
        "name": "名" * 300}), "text_too_long", "name"),
    ("notes beyond a cell", lambda s, w, o: s.save_customer(w.customer, {
        "notes": "x" * 40_000}), "text_too_long", "notes"),
    ("contact name longer than the column", lambda s, w, o: s.save_customer(w.customer, {}, [
        {"name": "N" * 256}]), "text_too_long", "contact_name"),
    ("close note with NUL", lambda s, w, o: s.close_deals([w.erp], True, w.won_reason,
                                                         "ok\x00"), "text_control", "note"),
]


@pytest.mark.parametrize(("call", "code", "field"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_bad_input_is_refused_and_changes_nothing(call, code, field, svc: Services, world,
                                                  dump, events):
    other = other_pipeline_stage(svc)  # a stage of a second pipeline
    before = dump()
    events.clear()
    with pytest.raises(ValidationError) as e:
        call(svc, world, other)
    assert (e.value.code, e.value.field) == (code, field)
    assert code in MESSAGES  # there is a sentence for it
    text = e.value.english()
    assert "{" not in text and text.endswith(".")
    assert len(text) < 400 and "\x00" not in text  # a value is shortened and escaped
    assert dump() == before
    assert events == []


def test_the_bounds_themselves_are_kept(svc: Services, world):
    """The largest amount, the first and last day and a name of the column's width are
    stored and read back as given, on every database."""
    from funnel_desktop.core.limits import MAX_AMOUNT, MAX_DATE, MAX_NAME_CHARS, MIN_DATE
    from funnel_desktop.store.models import Deal

    svc.update_deal(world.erp, {"amount": "100,000,000,000.00", "title": "名" * MAX_NAME_CHARS,
                                "expected_close": MIN_DATE, "next_step_due": MAX_DATE})
    deal = Deal.get_by_id(world.erp)
    assert (deal.amount, deal.title, deal.expected_close, deal.next_step_due) == (
        MAX_AMOUNT, "名" * MAX_NAME_CHARS, MIN_DATE, MAX_DATE)
    svc.set_target("business", date(2026, 12, 1), date(2026, 12, 31), MAX_AMOUNT)
