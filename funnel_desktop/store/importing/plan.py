"""Turning a table into checked rows: every problem named by row, column and reason code.

Pure: no database. The stages come from the caller; lookup files are read from disk.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache, partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ...core import progress
from ...core.dates import parse_date
from ...core.errors import MESSAGES, ValidationError, shown_params
from ...core.limits import MAX_NAME_CHARS, MAX_TEXT_CHARS
from ...core.values import StageInfo, StageKind
from .mapping import Mapping, StageMatcher, squeezed, stage_ref
from .parsing import (
    DATE_ONLY_TIME,
    clean_text,
    memoised,
    parse_moment,
    parse_money,
    parse_probability,
)
from .reading import Table, read_table

_NOTE_ROWS = 20  # rows remembered per note (the count is exact)
_PROJECT_TYPES = {"big": "big", "大": "big", "大项目": "big", "small": "small", "小": "small",
                  "小项目": "small", "": ""}


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one row (spreadsheet row number; header = 1) cannot be imported as written, or
    was skipped: ``code`` is a key of ``core.errors.MESSAGES``, ``column`` a header."""

    row: int
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        template = MESSAGES.get(self.code, self.code)
        try:
            return template.format(**shown_params(self.params))
        except (KeyError, IndexError, ValueError):
            return template


@dataclass(slots=True)
class Note:
    """Something the import did about many rows (a fallback, a normalised name)."""

    code: str
    params: dict[str, Any]
    count: int = 0
    rows: list[int] = field(default_factory=list)

    def english(self) -> str:
        return Problem(0, "", self.code, {**self.params, "count": self.count}).english()


class DealValues:
    """One row's deal values: a slotted record read and written like a dict (``d["title"]``,
    ``d.get("via")``, ``d["created_at"] = …``) at a third of a dict's size (an import of
    100,000 rows holds 100,000 of them)."""

    __slots__ = (
        "amount",
        "close_note",
        "close_reason",
        "closed_at",
        "created_at",
        "expected_close",
        "external_id",
        "kind",
        "next_step",
        "next_step_due",
        "probability",
        "product",
        "project_type",
        "source",
        "stage",
        "stage_entered_at",
        "title",
        "via",
    )
    __getitem__ = object.__getattribute__
    __setitem__ = object.__setattr__

    def __init__(self, external_id: str | None, title: str, product: str, amount: int,
                 stage: int, kind: Any, created_at: datetime | None,
                 closed_at: datetime | None, stage_entered_at: datetime | None,
                 expected_close: date | None, probability: int | None, source: str,
                 project_type: str, next_step: str, next_step_due: date | None,
                 close_reason: str, close_note: str, via: int | None = None) -> None:
        self.external_id = external_id
        self.title = title
        self.product = product
        self.amount = amount
        self.stage = stage
        self.kind = kind
        self.created_at = created_at
        self.closed_at = closed_at
        self.stage_entered_at = stage_entered_at
        self.expected_close = expected_close
        self.probability = probability
        self.source = source
        self.project_type = project_type
        self.next_step = next_step
        self.next_step_due = next_step_due
        self.close_reason = close_reason
        self.close_note = close_note
        self.via = via

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)

    def __contains__(self, key: object) -> bool:
        return key in self.__slots__

    def __iter__(self) -> Iterator[str]:
        return iter(self.__slots__)

    def __len__(self) -> int:
        return len(self.__slots__)

    def keys(self) -> tuple[str, ...]:
        return self.__slots__

    def items(self) -> list[tuple[str, Any]]:
        return [(k, getattr(self, k)) for k in self.__slots__]

    def values(self) -> list[Any]:
        return [getattr(self, k) for k in self.__slots__]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DealValues | dict):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"DealValues({dict(self.items())!r})"


#: What a row without a deal, customer, contact or owner holds for it (shared, read-only).
NOTHING: Any = MappingProxyType({})


@dataclass(slots=True)
class ParsedRow:
    """One row's values by entity, parsed (money in minor units, times naive UTC). Rows with
    the same customer, contact or owner share one read-only dict for it."""

    row: int
    deal: Any  # DealValues, or NOTHING for a file of customers only
    customer: Any  # dict (shared), or NOTHING
    contact: Any
    owner: Any


@dataclass(slots=True)
class ParsedTable:
    rows: list[ParsedRow]
    problems: list[Problem]  # rows that cannot be imported as written
    skipped: list[Problem]  # rows left out on purpose (empty, repeated external id)
    notes: list[Note]
    has_deals: bool
    row_count: int = 0  # data rows read from the file


@dataclass(slots=True)
class _Lookup:
    file: str
    joins: str
    exact: dict[str, dict[str, str]]
    loose: dict[str, tuple[str, dict[str, str]]]


def _load_lookup(lk: Any, base_dir: Path | None) -> _Lookup:
    path = Path(lk.file)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    if not path.is_file():
        raise ValidationError("import_lookup_missing", "mapping", path=str(path))
    table = read_table(path)
    if lk.key not in table.headers:
        raise ValidationError("import_column_unknown", "mapping", column=lk.key)
    key_i = table.column(lk.key)
    cols = [(table.column(c), c, f) for c, f in lk.columns.items()
            if f and c in table.headers]
    missing = [c for c, f in lk.columns.items() if f and c not in table.headers]
    if missing:
        raise ValidationError("import_column_unknown", "mapping", column=missing[0])
    exact: dict[str, dict[str, str]] = {}
    loose: dict[str, tuple[str, dict[str, str]]] = {}
    for r in table.rows:
        key = clean_text(r[key_i])
        if not key:
            continue
        values: dict[str, str] = {}
        for i, col, f in cols:
            v = clean_text(r[i]) if i < len(r) else ""
            if not v:
                continue
            if f == "customer.notes":
                values[f] = (values[f] + "\n" if f in values else "") + f"{col}: {v}"
            else:
                values[f] = v
        exact.setdefault(key, values)
        loose.setdefault(squeezed(key), (key, values))
    return _Lookup(path.name, lk.joins, exact, loose)


class _Notes:
    def __init__(self) -> None:
        self.by_key: dict[tuple[Any, ...], Note] = {}

    def add(self, code: str, row: int, **params: Any) -> None:
        key = (code, *sorted(params.items()))
        note = self.by_key.get(key)
        if note is None:
            note = self.by_key[key] = Note(code, params)
        note.count += 1
        if len(note.rows) < _NOTE_ROWS:
            note.rows.append(row)

    def list(self) -> list[Note]:
        return list(self.by_key.values())


def parse_table(table: Table, mapping: Mapping, stages: list[StageInfo], *,
                now: datetime, base_dir: Path | None = None) -> ParsedTable:
    """Parse and check every row. Raises :class:`ValidationError` only for a mapping that
    cannot work at all (unknown field, missing column or lookup file)."""
    mapping.validate(table.headers)
    lookups = [_load_lookup(lk, base_dir) for lk in mapping.lookups]
    cols = {f: [(table.column(c), c) for c in cs] for f, cs in mapping.field_columns().items()}
    has_deals = mapping.has_deals()
    matcher = StageMatcher(mapping.stage_map, stages)
    default_stage = stage_ref(mapping.default_stage, stages) or next(
        (s for s in sorted(stages, key=lambda s: s.position) if s.kind == StageKind.OPEN), None)
    via = stage_ref(mapping.closed_via, stages) if mapping.closed_via else None
    if via is not None and via.kind != StageKind.OPEN:
        via = None
    notes = _Notes()
    problems: list[Problem] = []
    skipped: list[Problem] = []
    rows: list[ParsedRow] = []
    seen_ids: dict[str, int] = {}
    undated: list[ParsedRow] = []
    latest: datetime | None = None
    dfmt, afmt, scale = mapping.date_format, mapping.amount_format, mapping.amount_scale

    def single(f: str) -> tuple[int, str] | None:
        c = cols.get(f)
        return c[0] if c else None

    simple = {f: single(f) for f in (
        "deal.external_id", "deal.title", "deal.product", "deal.source", "deal.next_step",
        "deal.close_reason", "deal.close_note", "customer.name", "customer.external_id",
        "customer.industry", "customer.scale", "customer.address", "customer.region",
        "customer.phone", "customer.email", "customer.contact_person", "contact.name",
        "contact.title", "contact.phone", "contact.email", "owner.name", "owner.team",
        "owner.region")}
    money = partial(parse_money, fmt=afmt, scale=scale)
    typed: dict[str, tuple[tuple[int, str] | None, Callable[[Any], Any]]] = {
        "deal.amount": (single("deal.amount"), partial(money, field="amount")),
        "product.price": (single("product.price"), partial(money, field="price")),
        "deal.created": (single("deal.created"), partial(parse_moment, fmt=dfmt,
                                                         field="created")),
        "deal.closed": (single("deal.closed"), partial(parse_moment, fmt=dfmt, field="closed")),
        "deal.expected_close": (single("deal.expected_close"),
                                partial(parse_moment, fmt=dfmt, field="expected_close")),
        "deal.next_step_due": (single("deal.next_step_due"),
                               partial(parse_moment, fmt=dfmt, field="next_step_due")),
        "deal.probability": (single("deal.probability"), parse_probability),
    }
    typed = {f: (c, memoised(parse)) for f, (c, parse) in typed.items() if c is not None
             or any(f in lk.columns.values() for lk in mapping.lookups)}
    simple_cols = [(f, c[0]) for f, c in simple.items() if c is not None]
    simple_set = {f for f, _ in simple_cols} | {f for lk in mapping.lookups
                                                 for f in lk.columns.values()}
    entity_of = {f: (("customer", "owner", "contact").index(f.split(".")[0]), f.split(".")[1])
                 for f in (*simple, "customer.notes") if not f.startswith("deal.")}
    stage_col = single("deal.stage")
    type_col = single("deal.project_type")
    note_cols = cols.get("customer.notes", [])
    lookup_by_field: dict[str, list[_Lookup]] = {}
    for lk in lookups:
        lookup_by_field.setdefault(lk.joins, []).append(lk)
    # the fields of the customer, the owner and the contact this mapping fills, and the keys
    # of their dicts
    entity_fields: list[list[str]] = [[], [], []]
    entity_keys: list[list[str]] = [[], [], []]
    for f, (e, key) in entity_of.items():
        if f in simple_set or f == "customer.notes":
            entity_fields[e].append(f)
            entity_keys[e].append(key)
    customer_fields, owner_fields, contact_fields = entity_fields
    column_of = {f: c[1] for f, c in simple.items() if c is not None}
    column_of["customer.notes"] = note_cols[0][1] if note_cols else ""
    entities: dict[tuple[Any, ...], dict[str, str]] = {}  # shared customer/owner/contact dicts
    shared_text: dict[str, str] = {}  # one str object per repeated deal text (source, reason)
    unmapped: dict[str, Note] = {}

    index = -1
    progress.phase("check", len(table.rows))
    for index, record in enumerate(table.rows):
        if not index & 2047:  # now and then: how far, and has the user cancelled?
            progress.advance(2048 if index else 0)
        rowno = table.file_row(index)
        width = len(record)
        texts: dict[str, str] = {}
        for f, i in simple_cols:
            texts[f] = clean_text(record[i]) if i < width else ""
        if not any(texts.values()) and all(clean_text(v) == "" for v in record):
            skipped.append(Problem(rowno, "", "import_empty_row"))
            continue
        errors: list[Problem] = []
        values: dict[str, Any] = {}
        for f, (c, parse) in typed.items():
            if c is None:
                continue
            raw = record[c[0]] if c[0] < len(record) else None
            try:
                values[f] = parse(raw)
            except ValidationError as exc:
                errors.append(Problem(rowno, c[1], exc.code, exc.params))
        # lookups enrich the row (the row's own values win)
        for f, lks in lookup_by_field.items():
            key = texts.get(f, "")
            if not key:
                continue
            for lk in lks:
                found = lk.exact.get(key)
                if found is None:
                    hit = lk.loose.get(squeezed(key))
                    if hit is None:
                        notes.add("note_lookup_missing", rowno, value=key, file=lk.file)
                        continue
                    canonical, found = hit
                    notes.add("note_lookup_normalised", rowno, value=key, match=canonical,
                              file=lk.file)
                    texts[f] = canonical
                for lf, lv in found.items():
                    if lf == "customer.notes":
                        texts[lf] = lv
                    elif lf in typed:
                        if values.get(lf) is None:
                            try:
                                values[lf] = typed[lf][1](lv)
                            except ValidationError as exc:
                                errors.append(Problem(rowno, lk.file, exc.code, exc.params))
                    elif not texts.get(lf):
                        texts[lf] = lv
        if note_cols:
            lines = [texts["customer.notes"]] if texts.get("customer.notes") else []
            for i, col in note_cols:
                v = clean_text(record[i]) if i < len(record) else ""
                if v:
                    lines.append(f"{col}: {v}")
            texts["customer.notes"] = "\n".join(lines)
        if texts and max(map(len, texts.values())) > MAX_NAME_CHARS:
            for f, v in texts.items():
                limit = MAX_TEXT_CHARS if f in _LONG_TEXT else MAX_NAME_CHARS
                if len(v) > limit:
                    errors.append(Problem(rowno, column_of.get(f, ""), "text_too_long",
                                          {"count": len(v), "limit": limit}))
        get = texts.get
        customer = _shared(0, tuple(map(get, customer_fields)), entity_keys[0],
                           entities) if customer_fields else NOTHING
        owner = _shared(1, tuple(map(get, owner_fields)), entity_keys[1],
                        entities) if owner_fields else NOTHING
        contact = _shared(2, tuple(map(get, contact_fields)), entity_keys[2],
                          entities) if contact_fields else NOTHING
        deal: Any = NOTHING
        if has_deals:
            deal = _deal_values(rowno, record, texts, values, errors, notes, mapping,
                                stage_col, type_col, matcher, default_stage, customer,
                                shared_text, unmapped)
            ext = deal["external_id"] if deal else None
            if ext and not errors:
                if ext in seen_ids:
                    c = simple["deal.external_id"]
                    skipped.append(Problem(rowno, c[1] if c else "", "import_duplicate_id",
                                           {"value": ext, "first": seen_ids[ext]}))
                    continue
                seen_ids[ext] = rowno
        elif not customer.get("name") and not customer.get("external_id"):
            c = simple["customer.name"]
            errors.append(Problem(rowno, c[1] if c else "", "name_required"))
        if errors:
            problems.extend(errors)
            continue
        parsed = ParsedRow(rowno, deal, customer, contact, owner)
        if has_deals:
            created, closed = deal["created_at"], deal["closed_at"]
            for m in (created, closed):
                if m is not None and (latest is None or m > latest):
                    latest = m
            if created is None:
                undated.append(parsed)
            if not customer.get("name") and not customer.get("external_id"):
                notes.add("note_customer_missing", rowno)
            if closed and created and closed < created:
                c = single("deal.closed")
                problems.append(Problem(rowno, c[1] if c else "", "import_closed_before_created",
                                        {"closed": deal["closed_at"].date().isoformat(),
                                         "created": deal["created_at"].date().isoformat()}))
                continue
        rows.append(parsed)

    if undated:
        when, rule = _fallback(mapping.missing_date, latest, now)
        for r in undated:
            r.deal["created_at"] = when
            if r.deal["kind"] != StageKind.OPEN and r.deal.get("closed_at") is None:
                r.deal["closed_at"] = when
                r.deal["expected_close"] = when.date()
            r.deal["stage_entered_at"] = r.deal.get("closed_at") or when
            notes.add("note_created_fallback", r.row, date=when.date().isoformat(), rule=rule)
    if via is not None:
        for r in rows:
            if r.deal and r.deal["kind"] != StageKind.OPEN:
                r.deal["via"] = via.id
    return ParsedTable(rows, problems, skipped, notes.list() + _unmapped_notes(
        unmapped, matcher, stages), has_deals, index + 1)


#: Fields that go into a long text column (the others into names of ``MAX_NAME_CHARS``).
_LONG_TEXT = frozenset({"deal.close_note", "customer.notes"})


def _shared(entity: int, values: tuple[str | None, ...], keys: list[str],
            cache: dict[tuple[Any, ...], Any]) -> Any:
    """One dict for every row with the same values of an entity (NOTHING for none): its
    non-empty ``values`` under ``keys``."""
    if not any(values):
        return NOTHING
    key = (entity, values)
    found = cache.get(key)
    if found is None:
        found = cache[key] = {k: v for k, v in zip(keys, values, strict=True) if v}
    return found


def _unmapped_notes(unmapped: dict[str, Note], matcher: StageMatcher,
                    stages: list[StageInfo]) -> list[Note]:
    """For each stage value no stage matched: the pipeline's stages and the preset line
    that would map it."""
    names = [s.name for s in sorted(stages, key=lambda s: s.position)]
    out = []
    for value, note in unmapped.items():
        guess = matcher.suggest(value)
        note.params = {"value": value, "stages": ", ".join(names),
                       "line": json.dumps({value: guess.name if guess else names[0]
                                           if names else ""}, ensure_ascii=False)[1:-1]}
        out.append(note)
    return out


def _fallback(rule: str, latest: datetime | None, now: datetime) -> tuple[datetime, str]:
    if rule == "latest" and latest is not None:
        return latest, "the latest date in the file"
    if rule not in ("import", "latest"):
        day = parse_date(rule, field="missing_date")
        if day is not None:
            return datetime.combine(day, DATE_ONLY_TIME), "the date chosen in the mapping"
    return now, "the time of the import"


def _deal_values(rowno: int, record: tuple[Any, ...], texts: dict[str, str],
                 values: dict[str, Any], errors: list[Problem], notes: _Notes,
                 mapping: Mapping, stage_col: tuple[int, str] | None,
                 type_col: tuple[int, str] | None, matcher: StageMatcher,
                 default_stage: StageInfo | None, customer: Any,
                 shared_text: dict[str, str], unmapped: dict[str, Note]) -> Any:
    stage = None
    if stage_col is not None:
        raw = clean_text(record[stage_col[0]]) if stage_col[0] < len(record) else ""
        if raw:
            stage = matcher(raw)
            if stage is None:
                errors.append(Problem(rowno, stage_col[1], "import_stage_unmapped",
                                      {"value": raw}))
                note = unmapped.get(raw)
                if note is None:
                    note = unmapped[raw] = Note("note_stage_unmapped", {"value": raw})
                note.count += 1
                if len(note.rows) < _NOTE_ROWS:
                    note.rows.append(rowno)
    if stage is None and not errors and (stage_col is None or not _cell(record, stage_col)):
        stage = default_stage
        if stage is not None:
            notes.add("note_stage_default", rowno, stage=stage.name)
    project_type = ""
    if type_col is not None:
        raw = clean_text(record[type_col[0]]) if type_col[0] < len(record) else ""
        pt = _PROJECT_TYPES.get(raw.casefold())
        if pt is None:
            errors.append(Problem(rowno, type_col[1], "choice_invalid",
                                  {"value": raw, "choices": "big, small"}))
        else:
            project_type = pt
    product = texts.get("deal.product", "")
    title = texts.get("deal.title", "")
    if not title and "deal.title" in texts and mapping.empty_title == "problem":
        errors.append(Problem(rowno, mapping.column_of("deal.title"), "import_title_empty"))
    elif not title:
        parts = [p for p in (product, customer.get("name", "")) if p]
        title = " – ".join(parts) or texts.get("deal.external_id", "")
        if not title:
            errors.append(Problem(rowno, "", "import_title_missing"))
        elif len(title) > MAX_NAME_CHARS:
            errors.append(Problem(rowno, mapping.column_of("deal.product"), "text_too_long",
                                  {"count": len(title), "limit": MAX_NAME_CHARS}))
    if errors or stage is None:
        return NOTHING
    kind = stage.kind
    created = values.get("deal.created")
    closed = values.get("deal.closed") if kind != StageKind.OPEN else None
    if kind != StageKind.OPEN:
        if closed is None and created is not None:
            closed = created
            notes.add("note_closed_fallback", rowno)
        elif created is None and closed is not None:
            created = closed
            notes.add("note_created_from_closed", rowno)
    amount = values.get("deal.amount")
    if amount is None:
        price = values.get("product.price")
        if kind == StageKind.OPEN and mapping.open_value_from_price and price is not None:
            amount = price
            notes.add("note_valued_from_price", rowno)
        else:
            amount = 0
    expected = values.get("deal.expected_close") or closed
    expected_day = _day_of(expected) if expected else None
    due = values.get("deal.next_step_due")
    source = texts.get("deal.source", "")
    reason = texts.get("deal.close_reason", "") if kind != StageKind.OPEN else ""
    return DealValues(
        texts.get("deal.external_id") or None, title, product, amount, stage.id, kind,
        created, closed, closed or created, expected_day,
        values.get("deal.probability") if kind == StageKind.OPEN else None,
        shared_text.setdefault(source, source), project_type,
        texts.get("deal.next_step", ""), due.date() if due else None,
        shared_text.setdefault(reason, reason), texts.get("deal.close_note", ""))


@lru_cache(maxsize=8192)
def _day_of(moment: datetime) -> date:
    """The day of a moment (one date object per day: days repeat in a file)."""
    return moment.date()


def _cell(record: Sequence[Any], col: tuple[int, str]) -> str:
    return clean_text(record[col[0]]) if col[0] < len(record) else ""
