"""``touched_since``: the deals a look at moments from ``since`` on can see — open ones, and
those created, closed, edited or moved at or after it; not an old closed deal left alone."""

from __future__ import annotations

from datetime import datetime

from funnel_desktop.store.models import Deal, Reason, Stage, StageHistory
from funnel_desktop.store.queries import load_funnel, touched_since

SINCE = datetime(2026, 7, 1)


def test_touched_since_picks_the_deals_a_window_can_see(services, clock):
    services.seed_lists("en")
    pid = services.create_pipeline("b2b6", "en").value
    first = Stage.select().where((Stage.pipeline == pid) & (Stage.kind == "open")).first()
    won = Stage.get((Stage.pipeline == pid) & (Stage.kind == "won"))

    def deal(title: str, when: datetime) -> int:
        clock.now = when
        return services.create_deal(pid, first.id, {"title": title, "amount": "1000"}).value

    def close(i: int, when: datetime, win: bool = True) -> None:
        clock.now = when
        kind = "won" if win else "lost"
        services.close_deals([i], win, Reason.select().where(Reason.kind == kind).first().id)

    jan, feb = datetime(2026, 1, 5, 9), datetime(2026, 2, 1, 9)
    old_closed = deal("closed in February, untouched since", jan)
    close(old_closed, feb)
    open_old = deal("open since January", jan)
    closed_after = deal("lost in July", jan)
    close(closed_after, datetime(2026, 7, 10, 9), win=False)
    created_after = deal("created and won in July", datetime(2026, 7, 3, 9))
    close(created_after, datetime(2026, 7, 4, 9))
    edited_after = deal("won in February, amount edited in July", jan)
    close(edited_after, feb)
    clock.now = datetime(2026, 7, 5, 9)
    services.update_deal(edited_after, {"amount": "2000"})
    moved_after = deal("won in February, a stay recorded in July", jan)
    close(moved_after, feb)
    StageHistory.update(entered_at=datetime(2026, 7, 6, 9)).where(
        (StageHistory.deal == moved_after) & (StageHistory.stage == won.id)).execute()
    closed_at_since = deal("closed at the very moment", jan)
    close(closed_at_since, SINCE)
    just_before = deal("closed a second before", jan)
    close(just_before, datetime(2026, 6, 30, 23, 59, 59))

    picked = {d.id for d in Deal.select(Deal.id).where(touched_since(SINCE))}
    assert picked == {open_old, closed_after, created_after, edited_after, moved_after,
                      closed_at_since}

    data = load_funnel(pid, since=SINCE)
    assert sorted(d.id for d in data.deals) == sorted(picked)
    # a picked deal comes with all its stays, the old ones too
    assert sorted((v.stage_id, v.entered) for v in data.visits if v.deal_id == closed_after) \
        == [(first.id, jan), (Stage.get((Stage.pipeline == pid) & (Stage.kind == "lost")).id,
                              datetime(2026, 7, 10, 9))]
    assert {d.id for d in load_funnel(pid).deals} == picked | {old_closed, just_before}
