"""The change feed: one row per committed action, read by every other window, the command
line's ``watch`` and a team's clients to see what changed since they last looked.

A row is written inside the action's own transaction, so it exists exactly when the action
committed. ``seq`` grows in commit order: on SQLite writers are serialised by the file's
lock; on PostgreSQL an advisory lock held from the feed insert to the commit makes each
writer take its number after the one before it committed (a sequence alone can hand out 11
before 10 commits, and a reader that saw 11 would miss 10). A trigger announces each row
with ``NOTIFY funnel_changes``, delivered at commit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import peewee

from .models import ChangeFeed, database
from .prepared import Prepared

#: Ids listed per feed row; an action touching more says "*" (readers refresh everything).
MAX_IDS = 2000
#: The channel PostgreSQL's trigger notifies on.
CHANNEL = "funnel_changes"
#: pg_advisory_xact_lock key that orders feed rows (any constant shared by all clients).
_FEED_LOCK = 0x46554E4E  # "FUNN"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One committed action as the feed tells it."""

    seq: int
    at: datetime
    by: str
    client: str
    action: str
    kinds: frozenset[str]
    deal_ids: frozenset[int] | None  # None: too many to list
    customer_ids: frozenset[int] | None
    moves: tuple[tuple[int, int, int], ...]

    def json(self) -> dict[str, object]:
        """The entry as plain JSON values (``watch --json``)."""
        return {"seq": self.seq, "at": self.at.isoformat(), "by": self.by,
                "action": self.action, "kinds": sorted(self.kinds),
                "deal_ids": None if self.deal_ids is None else sorted(self.deal_ids),
                "customer_ids": None if self.customer_ids is None
                else sorted(self.customer_ids),
                "moves": [list(m) for m in self.moves]}


def _ids_text(ids: Iterable[int]) -> str:
    unique = sorted(set(ids))
    return "*" if len(unique) > MAX_IDS else ",".join(map(str, unique))


def _ids(text: str) -> frozenset[int] | None:
    if text == "*":
        return None
    return frozenset(int(i) for i in text.split(",") if i)


def record(at: datetime, by: str, client: str, action: str, kinds: Iterable[str],
           deal_ids: Iterable[int], customer_ids: Iterable[int],
           moves: Iterable[tuple[int, int, int]] = ()) -> int:
    """Write the feed row of the action whose transaction is open; its ``seq``."""
    db = database.obj
    if isinstance(db, peewee.PostgresqlDatabase):
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_FEED_LOCK,))
    move_list = list(moves)
    moves_text = "" if len(move_list) > MAX_IDS else ",".join(
        f"{d}:{a}:{b}" for d, a, b in move_list)
    return _INSERT.insert(at=at, by=by, client=client, action=action,
                          kinds=",".join(sorted(set(kinds))), deal_ids=_ids_text(deal_ids),
                          customer_ids=_ids_text(customer_ids), moves=moves_text)


#: The feed row's INSERT (every committed action writes one).
_INSERT = Prepared(lambda **v: ChangeFeed.insert(**v), at=datetime, by=str, client=str,
                   action=str, kinds=str, deal_ids=str, customer_ids=str, moves=str)


def last_seq() -> int:
    """The newest committed feed row's number (0 when none)."""
    return int(ChangeFeed.select(peewee.fn.MAX(ChangeFeed.seq)).scalar() or 0)


def since(seq: int, limit: int = 10_000) -> list[FeedEntry]:
    """The feed rows after ``seq``, oldest first."""
    out = []
    query = (ChangeFeed.select(ChangeFeed.seq, ChangeFeed.at, ChangeFeed.by, ChangeFeed.client,
                               ChangeFeed.action, ChangeFeed.kinds, ChangeFeed.deal_ids,
                               ChangeFeed.customer_ids, ChangeFeed.moves)
             .where(ChangeFeed.seq > seq).order_by(ChangeFeed.seq).limit(limit))
    for s, at, by, client, action, kinds, deals, customers, moves in query.tuples():
        out.append(FeedEntry(
            int(s), at if isinstance(at, datetime) else datetime.fromisoformat(str(at)), by,
            client, action, frozenset(k for k in kinds.split(",") if k), _ids(deals),
            _ids(customers),
            tuple(tuple(int(p) for p in m.split(":")) for m in moves.split(",") if m)))  # type: ignore[misc]
    return out


def touching(seq: int, deal_ids: Iterable[int] = (), customer_ids: Iterable[int] = (),
             kinds: Iterable[str] = ()) -> list[FeedEntry]:
    """Feed rows after ``seq`` that name one of these deals or customers (or, for rows
    without ids, one of these kinds): who changed them since, for a conflict's words."""
    deals, customers, wanted = set(deal_ids), set(customer_ids), set(kinds)
    hits = []
    for e in since(seq):
        if ((deals and (e.deal_ids is None or e.deal_ids & deals))
                or (customers and (e.customer_ids is None or e.customer_ids & customers))
                or (wanted & e.kinds)):
            hits.append(e)
    return hits


def recent(kinds: Iterable[str], back: int = 500) -> list[FeedEntry]:
    """Of the last ``back`` feed rows, those of one of these kinds, oldest first."""
    wanted = set(kinds)
    return [e for e in since(max(0, last_seq() - back)) if e.kinds & wanted]


def prune(keep: int = 50_000) -> None:
    """Drop all but the newest ``keep`` rows (the newest is always kept, so ``seq`` never
    goes back)."""
    top = last_seq()
    if top > keep:
        ChangeFeed.delete().where(ChangeFeed.seq <= top - keep).execute()
