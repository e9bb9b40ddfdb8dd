"""A realistic, deterministic demo business (and the bulk generator the benchmark uses)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..core.dates import add_months, month_end
from ..core.templates import DEFAULT_TEMPLATE
from ..store.db import fix_sequences
from ..store.importing.bulk import bulk_insert
from ..store.models import (
    Activity,
    BaseModel,
    Contact,
    Customer,
    Deal,
    DealChange,
    Owner,
    Reason,
    Region,
    Source,
    Stage,
    StageHistory,
    Target,
    Team,
    database,
)
from . import journal
from .api import Services

_ZH_PREFIX = ("华信", "东方", "恒达", "瑞丰", "金桥", "海川", "中科", "远航", "博源",
              "新纪元", "鼎盛", "天成", "宏图", "安泰", "汇通", "启明", "星辰", "联创",
              "同益", "嘉禾")
_ZH_SUFFIX = ("科技有限公司", "制造有限公司", "贸易有限公司", "信息技术有限公司",
              "医疗器械有限公司", "物流有限公司", "食品有限公司", "教育科技有限公司")
_EN_PREFIX = ("Acme", "Northwind", "Blue Ridge", "Summit", "Pioneer", "Harbor", "Evergreen",
              "Silverline", "Redwood", "Keystone", "Brightside", "Ironclad", "Lakeshore",
              "Meridian", "Granite", "Crescent", "Falcon", "Orchard", "Beacon", "Atlas")
_EN_SUFFIX = ("Tech Ltd", "Manufacturing", "Trading Co", "Software Inc", "Medical Devices",
              "Logistics", "Foods", "Learning")
_INDUSTRY = (("制造业", "Manufacturing"), ("信息技术", "IT"), ("医疗", "Healthcare"),
             ("零售", "Retail"), ("物流", "Logistics"), ("教育", "Education"),
             ("金融", "Finance"))
_SCALE = (("50人以下", "under 50"), ("50-200人", "50–200"), ("200-1000人", "200–1,000"),
          ("1000人以上", "over 1,000"))
_OWNERS_ZH = (("张伟", 0, 0), ("王芳", 0, 0), ("李娜", 0, 0), ("刘洋", 1, 1), ("陈静", 1, 1),
              ("杨磊", 1, 1))
_OWNERS_EN = (("Alice Chen", 0, 0), ("Ben Wright", 0, 0), ("Carla Diaz", 0, 0),
              ("David Kim", 1, 1), ("Emma Stone", 1, 1), ("Frank Li", 1, 1))
_TEAMS = (("华东团队", "East team"), ("华南团队", "South team"))
_REGIONS = (("华东", "East China"), ("华南", "South China"))
_PEOPLE_ZH = ("赵总", "钱经理", "孙工", "李主任", "周采购", "吴经理", "郑总监", "冯工")
_PEOPLE_EN = ("Mr. Hall", "Ms. Park", "Dr. Evans", "Mr. Novak", "Ms. Ito", "Mr. Reed",
              "Ms. Shah", "Mr. Diaz")
_ROLES = ("decision_maker", "technical", "buyer", "user", "coach")
_ATTITUDES = ("supporter", "neutral", "neutral", "opponent")
_ACT_KINDS = ("call", "call", "visit", "email", "meeting", "note", "task")
_ASSESS = ("organisation", "market_growth", "requirements", "solution_fit", "advantage",
           "track_record", "sponsorship", "culture")
_STEPS_ZH = ("电话确认需求", "安排产品演示", "发送报价单", "拜访决策人", "提交技术方案",
             "跟进合同审批")
_STEPS_EN = ("Call to confirm needs", "Book a product demo", "Send the quote",
             "Visit the decision maker", "Submit the technical proposal",
             "Chase contract approval")


#: How well the demo's owners keep their open deals: the share of open deals whose past
#: expected close was moved ahead, that had a follow-up within their stage's idle limit, that
#: got a next step when they had none, whose overdue next step was done and a new one set.
#: A healthy business with a few real problems: about one open card in five carries a flag.
UPKEEP = {"close_date_moved": 0.7, "followed_up": 0.8, "next_step_set": 0.6,
          "next_step_kept": 0.75}


@dataclass(slots=True)
class DemoSummary:
    pipeline_id: int
    deals: int
    customers: int
    open: int
    won: int
    lost: int


def _utc(day: date, rng: random.Random) -> datetime:
    return datetime(day.year, day.month, day.day, rng.randint(1, 10), rng.randint(0, 59))


def generate(services: Services, *, deals: int = 300, seed: int = 1, lang: str = "en",
             today: date | None = None, months: int = 18, customers: int | None = None,
             open_share: float | None = None, activities_per_deal: tuple[int, int] = (1, 5),
             batch: int = 5000) -> DemoSummary:
    """Fill an empty database with a demo business: owners in two teams and regions,
    customers with MAN answers, classes, priorities and decision chains, and ``deals`` deals
    over ``months`` months with stage history, edits, activities and won/lost reasons.

    Deterministic for a given ``seed`` and ``today``. ``open_share`` forces the share of
    deals still open (the benchmark uses 0.1). ``batch`` is no longer needed (rows go in
    through one prepared statement per table) and is kept for callers that pass it.
    """
    rng = random.Random(seed)
    # Upkeep of the open deals (recent follow-ups, dates moved, next steps) draws from its
    # own stream, so the business's history (every closed deal) is the same as before it.
    upkeep = random.Random(seed * 7919 + 17)
    zh = lang.startswith("zh")
    today = today or date.today()
    services.seed_lists(lang)
    pid = services.create_pipeline(DEFAULT_TEMPLATE, lang).value
    stages = list(Stage.select().where(Stage.pipeline == pid).order_by(Stage.position))
    open_stages = [s for s in stages if s.kind == "open"]
    won_stage = next(s for s in stages if s.kind == "won")
    lost_stage = next(s for s in stages if s.kind == "lost")
    won_reasons = [r.id for r in Reason.select().where(Reason.kind == "won")]
    lost_reasons = [r.id for r in Reason.select().where(Reason.kind == "lost")]
    sources = [s.id for s in Source.select()]
    n_customers = customers or max(10, deals * 2 // 5)
    start = add_months(today, -months + 1)
    span = (today - start).days
    now = datetime(today.year, today.month, today.day, 12, 0)

    with journal.recorded("demo data"), database.atomic():
        teams = [Team.create(name=z if zh else e).id for z, e in _TEAMS]
        regions = [Region.create(name=z if zh else e).id for z, e in _REGIONS]
        owners = [Owner.create(name=n, team=teams[t], region=regions[r]).id
                  for n, t, r in (_OWNERS_ZH if zh else _OWNERS_EN)]
        cust_rows = []
        used: set[str] = set()
        for i in range(n_customers):
            name = _company(rng, zh, used, i)
            ind = rng.choice(_INDUSTRY)
            scale = rng.choice(_SCALE)
            cust_rows.append({
                "name": name, "contact_person": rng.choice(_PEOPLE_ZH if zh else _PEOPLE_EN),
                "phone": f"1{rng.randint(3, 9)}{rng.randint(0, 999999999):09d}",
                "email": f"contact{i}@example.com", "industry": ind[0] if zh else ind[1],
                "region": rng.choice(regions), "scale": scale[0] if zh else scale[1],
                "source": rng.choice(sources), "priority": rng.choice(("high", "medium",
                                                                      "medium", "low")),
                "intent": rng.choice(("high", "medium", "low", "")),
                "budget": rng.choice((None, rng.randint(5, 200) * 1_000_000)),
                "man_money": rng.random() < 0.7, "man_authority": rng.random() < 0.6,
                "man_need": rng.random() < 0.8,
                "class_manual": "A" if rng.random() < 0.04 else "",
                "needs": ("提升效率，降低成本" if zh else "Faster processes, lower cost"),
                "pain_points": ("现有系统老旧" if zh else "Legacy system is slow"),
                "assessment": json.dumps({k: rng.choice("+-") for k in _ASSESS}),
                "created_at": _utc(start + timedelta(days=rng.randint(0, span)), rng),
            })
            cust_rows[-1]["updated_at"] = cust_rows[-1]["created_at"]  # not the wall clock
        _insert(Customer, cust_rows)
        cust_ids = [c.id for c in Customer.select(Customer.id).order_by(Customer.id)]
        contacts = []
        for cid in cust_ids:
            for r in rng.sample(_ROLES, rng.randint(1, 4)):
                contacts.append({"customer": cid, "role": r,
                                 "name": rng.choice(_PEOPLE_ZH if zh else _PEOPLE_EN),
                                 "attitude": rng.choice(_ATTITUDES), "title": ""})
        _insert(Contact, contacts)

        next_id = (Deal.select(Deal.id).order_by(Deal.id.desc()).scalar() or 0) + 1
        deal_rows, hist, changes = [], [], []
        acts: list[dict[str, Any]] = []
        counts = {"open": 0, "won": 0, "lost": 0}
        for n in range(deals):
            did = next_id + n
            age = rng.randint(0, span)
            created = _utc(today - timedelta(days=age), rng)
            amount = _amount(rng)
            cid = rng.choice(cust_ids)
            title_base = rng.choice(("ERP 系统", "服务器采购", "年度维保", "数据平台", "培训服务",
                                     "网络升级") if zh else ("ERP rollout", "Server purchase",
                                                            "Annual support", "Data platform",
                                                            "Training", "Network upgrade"))
            # walk the funnel
            pos = 0 if rng.random() < 0.8 else 1
            t = created
            visits = []
            outcome = "open"
            force_open = open_share is not None and rng.random() < open_share
            while True:
                stay = timedelta(days=rng.randint(4, 40 if rng.random() < 0.8 else 120),
                                 hours=rng.randint(0, 23))
                visits.append((open_stages[pos], t))
                t_next = t + stay
                if t_next >= now or (force_open and rng.random() < 0.35):
                    if open_share is not None and not force_open:
                        # a forced share of open deals: every other deal is closed by now
                        outcome = "won" if rng.random() < 0.4 else "lost"
                        visits.append((won_stage if outcome == "won" else lost_stage,
                                       t + (now - t) / 2))
                    break
                roll = rng.random()
                if open_share is not None and not force_open and roll < 0.1:
                    roll = 0.99 if pos == len(open_stages) - 1 else 0.5
                if roll < 0.13 + 0.03 * pos:
                    outcome = "lost"
                elif roll < 0.19 and pos > 0 and rng.random() < 0.5:
                    pos -= 1  # moved back
                elif pos == len(open_stages) - 1:
                    outcome = "won"
                else:
                    pos = min(len(open_stages) - 1, pos + (2 if rng.random() < 0.08 else 1))
                t = t_next
                if outcome != "open":
                    visits.append((won_stage if outcome == "won" else lost_stage, t))
                    break
            if force_open and outcome != "open":
                visits = [v for v in visits if v[0].kind == "open"]
                outcome = "open"
            counts[outcome] += 1
            last_stage, last_enter = visits[-1]
            closed = last_enter if outcome != "open" else None
            for i, (st, entered) in enumerate(visits):
                left = visits[i + 1][1] if i + 1 < len(visits) else None
                hist.append({"deal": did, "stage": st.id, "entered_at": entered,
                             "left_at": left, "by": "demo"})
            cycle_guess = timedelta(days=rng.randint(30, 150))
            expected = (created + cycle_guess).date()
            if outcome == "open" and rng.random() < 0.7 and expected < today:
                expected = today + timedelta(days=rng.randint(5, 120))
            if closed is not None:  # outcome != "open"
                expected = closed.date()
            elif expected < today and upkeep.random() < UPKEEP["close_date_moved"]:
                expected = today + timedelta(days=upkeep.randint(5, 120))
            owner = rng.choice(owners)
            # edits: amount raised/cut, close date slipped
            if rng.random() < 0.3:
                at = created + (t - created) / 2 if t > created else created
                old_amount = amount + rng.choice((-1, 1)) * amount // 5
                changes.append({"deal": did, "field": "amount", "old": str(old_amount),
                                "new": str(amount), "at": at, "by": "demo"})
            if outcome == "open" and rng.random() < 0.25:
                old_close = expected - timedelta(days=rng.randint(7, 45))
                changes.append({"deal": did, "field": "expected_close",
                                "old": old_close.isoformat(), "new": expected.isoformat(),
                                "at": now - timedelta(days=rng.randint(0, 20)), "by": "demo"})
            last_act = None
            first_act = len(acts)
            end = closed or now
            for _ in range(rng.randint(*activities_per_deal)):
                when = created + (end - created) * rng.random()
                kind = rng.choice(_ACT_KINDS)
                due = when if kind == "task" else None
                done = when if kind != "task" or when < now - timedelta(days=3) else None
                acts.append({"deal": did, "customer": cid, "owner": owner, "kind": kind,
                             "subject": rng.choice(_STEPS_ZH if zh else _STEPS_EN),
                             "notes": "", "due_at": due, "done_at": done, "created_at": when})
                last_act = max(last_act or when, when)
            if outcome == "open" and len(acts) > first_act and \
                    upkeep.random() < UPKEEP["followed_up"]:
                # the owner keeps in touch: the latest follow-up lies within the stage's limit
                limit = last_stage.idle_days or 30
                when = max(created, now - timedelta(days=upkeep.uniform(0.2, limit * 0.7)))
                latest = acts[-1]
                latest["created_at"] = when
                if latest["kind"] == "task":
                    latest["due_at"] = when
                    latest["done_at"] = when if when < now - timedelta(days=3) else None
                else:
                    latest["done_at"] = when
                last_act = max(a["created_at"] for a in acts[first_act:])
            next_step, next_due = "", None
            if outcome == "open" and rng.random() < 0.8:
                next_step = rng.choice(_STEPS_ZH if zh else _STEPS_EN)
                next_due = today + timedelta(days=rng.randint(-10, 20))
            if outcome == "open":
                if not next_step and upkeep.random() < UPKEEP["next_step_set"]:
                    next_step = upkeep.choice(_STEPS_ZH if zh else _STEPS_EN)
                    next_due = today + timedelta(days=upkeep.randint(1, 20))
                elif next_due is not None and next_due < today and \
                        upkeep.random() < UPKEEP["next_step_kept"]:
                    next_due = today + timedelta(days=upkeep.randint(0, 14))
            reason = None
            if outcome == "won":
                reason = rng.choice(won_reasons)
            elif outcome == "lost":
                reason = rng.choice(lost_reasons)
            deal_rows.append({
                "id": did, "title": f"{title_base} #{n + 1}", "customer": cid, "pipeline": pid,
                "stage": last_stage.id, "amount": amount,
                "probability": rng.choice((None,) * 9 + (rng.choice((20, 50, 90)),))
                if outcome == "open" else None,
                "expected_close": expected, "owner": owner, "source": rng.choice(sources),
                "project_type": "big" if amount >= 10_000_000 else "small",
                "next_step": next_step, "next_step_due": next_due, "created_at": created,
                "updated_at": max(t, created), "stage_entered_at": last_enter,
                "last_activity_at": last_act, "closed_at": closed, "close_reason": reason,
                "close_note": "", "checklist": "{}",
            })
        for rows, model in ((deal_rows, Deal), (hist, StageHistory), (changes, DealChange),
                            (acts, Activity)):
            _insert(model, rows)
        fix_sequences(database.obj, ("deal",))
        # targets: the business per month, each team per quarter
        targets = []
        for m in range(-months + 1, 4):
            first = add_months(today, m)
            targets.append({"scope": "business", "period_start": first,
                            "period_end": month_end(first),
                            "amount": max(1, deals // 300) * 120_000_000})
        Target.insert_many(targets).execute()
    services.announce("demo", {"all"})  # the one "everything changed" event
    return DemoSummary(pid, deals, n_customers, counts["open"], counts["won"], counts["lost"])


def _insert(model: type[BaseModel], rows: list[dict[str, Any]]) -> None:
    """Insert rows of the same keys in one prepared statement (SQLite; batches elsewhere):
    100,000 deals with their history take seconds instead of a minute."""
    if rows:
        columns = list(rows[0])
        bulk_insert(model, columns, [tuple(r[c] for c in columns) for r in rows])


def _company(rng: random.Random, zh: bool, used: set[str], i: int) -> str:
    for _ in range(20):
        if zh:
            name = rng.choice(("上海", "广州", "深圳", "杭州", "苏州", "南京", "")) + \
                rng.choice(_ZH_PREFIX) + rng.choice(_ZH_SUFFIX)
        else:
            name = f"{rng.choice(_EN_PREFIX)} {rng.choice(_EN_SUFFIX)}"
        if name not in used:
            used.add(name)
            return name
    name = f"{name} {i}"
    used.add(name)
    return name


def _amount(rng: random.Random) -> int:
    """A deal size in minor units: many small, some mid, few big (CNY 3k – 800k)."""
    r = rng.random()
    if r < 0.55:
        major = rng.randint(3, 10) * 1000
    elif r < 0.82:
        major = rng.randint(10, 30) * 1000
    elif r < 0.93:
        major = rng.randint(30, 50) * 1000
    else:
        major = rng.randint(50, 800) * 1000
    return major * 100
