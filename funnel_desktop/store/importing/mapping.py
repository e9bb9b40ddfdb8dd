"""How a file's columns and values map onto deals, customers, contacts and owners; presets."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ...core.dates import parse_date
from ...core.errors import ValidationError
from ...core.templates import TEMPLATES
from ...core.values import StageInfo, StageKind
from .parsing import AMOUNT_FORMATS, DATE_FORMATS

#: Importable fields: key → English label (the UI translates the label).
FIELDS: dict[str, str] = {
    "deal.external_id": "Deal: external id",
    "deal.title": "Deal: title",
    "deal.product": "Deal: product",
    "deal.amount": "Deal: amount",
    "deal.stage": "Deal: stage",
    "deal.created": "Deal: created / entered stage",
    "deal.closed": "Deal: closed (won or lost)",
    "deal.expected_close": "Deal: expected close",
    "deal.probability": "Deal: probability %",
    "deal.source": "Deal: source",
    "deal.project_type": "Deal: project type (big / small)",
    "deal.next_step": "Deal: next step",
    "deal.next_step_due": "Deal: next step due",
    "deal.close_reason": "Deal: won / lost reason",
    "deal.close_note": "Deal: note",
    "customer.name": "Customer: name",
    "customer.external_id": "Customer: external id",
    "customer.industry": "Customer: industry",
    "customer.scale": "Customer: scale",
    "customer.address": "Customer: address",
    "customer.region": "Customer: region",
    "customer.phone": "Customer: phone",
    "customer.email": "Customer: email",
    "customer.contact_person": "Customer: contact person",
    "customer.notes": "Customer: notes (several columns allowed)",
    "contact.name": "Contact: name",
    "contact.title": "Contact: job title",
    "contact.phone": "Contact: phone",
    "contact.email": "Contact: email",
    "owner.name": "Owner (salesperson)",
    "owner.team": "Owner: team",
    "owner.region": "Owner: region",
    "product.price": "Product: list price",
}
#: Fields several columns may map to (their values are kept as "column: value" lines).
MULTI_FIELDS = frozenset({"customer.notes"})
#: Fields whose presence makes each row a deal (otherwise rows are customers only).
DEAL_KEYS = ("deal.external_id", "deal.title", "deal.product", "deal.stage", "deal.amount")
#: What a row may fall back to when it has no created date.
MISSING_DATE_RULES = ("import", "latest")
#: What a row whose title cell is empty gets: a problem of its row, or a title made of its
#: product and customer (else its external id).
EMPTY_TITLE_RULES = ("problem", "fill")
#: Currencies a file's amounts may be in (ISO codes; the database keeps one currency).
CURRENCIES = ("CNY", "USD", "EUR", "GBP", "HKD", "JPY", "TWD", "SGD")

#: Header words that suggest a field, best first (English and Chinese), compared after
#: lower-casing and turning _ - . / into spaces.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "deal.external_id": ("external id", "opportunity id", "deal id", "商机编号", "商机id",
                         "编号"),
    "deal.title": ("title", "deal", "deal name", "opportunity", "opportunity name", "商机",
                   "商机名称", "项目名称", "机会名称", "项目", "销售机会", "商机标题"),
    "deal.product": ("product", "product name", "产品", "产品名称"),
    "deal.amount": ("amount", "value", "close value", "deal value", "金额", "商机金额",
                    "合同金额", "预计金额", "成交金额", "销售金额"),
    "deal.stage": ("stage", "deal stage", "status", "阶段", "销售阶段", "商机阶段", "状态"),
    "deal.created": ("created at", "created", "create date", "created date", "engage date",
                     "创建日期", "创建时间", "立项日期"),
    "deal.closed": ("closed at", "close date", "closed", "closed date", "成交日期",
                    "关闭日期", "结单日期"),
    "deal.expected_close": ("expected close", "expected close date", "预计成交日期",
                            "预计成交时间", "预计签单日期", "预计成交", "预计签约日期",
                            "预计结单日期"),
    "deal.probability": ("probability", "win probability", "成交可能性", "赢率", "概率"),
    "deal.source": ("source", "lead source", "channel", "来源", "渠道", "线索来源"),
    "deal.project_type": ("project type", "项目类型"),
    "deal.next_step": ("next step", "下一步"),
    "deal.next_step_due": ("next step due", "下一步日期", "下一步截止"),
    "deal.close_reason": ("close reason", "reason", "won lost reason", "赢单原因", "输单原因",
                          "原因"),
    "deal.close_note": ("close note", "note", "备注"),
    "customer.name": ("customer", "account", "company", "client", "customer name",
                      "account name", "客户", "客户名称", "公司", "公司名称", "name"),
    "customer.external_id": ("customer external id", "customer id", "account id", "客户编号"),
    "customer.industry": ("industry", "sector", "行业"),
    "customer.scale": ("scale", "employees", "company size", "size", "规模", "员工人数",
                       "人数"),
    "customer.address": ("address", "office location", "location", "地址", "所在地"),
    "customer.region": ("region", "customer region", "区域", "地区"),
    "customer.phone": ("phone", "telephone", "tel", "电话", "手机"),
    "customer.email": ("email", "e mail", "邮箱", "电子邮件"),
    "customer.contact_person": ("contact person", "联系人"),
    "customer.notes": ("notes", "customer notes", "客户备注"),
    "contact.name": ("contact", "contact name", "name", "联系人姓名", "姓名"),
    "contact.title": ("job title", "position", "职位", "职务"),
    "contact.phone": ("contact phone", "mobile", "联系人电话"),
    "contact.email": ("contact email", "联系人邮箱"),
    "owner.name": ("owner", "sales agent", "salesperson", "sales rep", "sales person",
                   "负责人", "销售", "销售员", "业务员", "销售代表", "跟进人", "销售负责人",
                   "客户经理"),
    "owner.team": ("owner team", "team", "manager", "团队", "销售团队"),
    "owner.region": ("owner region", "regional office", "sales region", "销售区域"),
    "product.price": ("list price", "sales price", "price", "单价", "标价", "价格"),
}

#: Stage words that suggest where a value belongs (``won``, ``lost`` or the n-th open stage),
#: in both languages. Won and lost are matched in every import; the n-th open stage only in
#: a guess the user sees (the wizard's, or the command line's printed one).
STAGE_WORDS: dict[str, str] = {
    "won": "won", "win": "won", "closed won": "won", "signed": "won", "成交": "won",
    "赢单": "won", "已成交": "won", "签约": "won", "已签约": "won", "签单": "won",
    "成单": "won", "中标": "won", "lost": "lost", "closed lost": "lost", "输单": "lost",
    "丢单": "lost", "失败": "lost", "已输单": "lost", "失单": "lost", "未中标": "lost",
    "prospecting": "open:1", "prospect": "open:1", "lead": "open:1", "new": "open:1",
    "qualification": "open:1", "潜在客户": "open:1", "线索": "open:1", "engaging": "open:2",
    "contacted": "open:2", "demo": "open:2", "初步接触": "open:2", "proposal": "open:3",
    "方案": "open:3", "negotiation": "open:4", "谈判": "open:4", "商务谈判": "open:4",
}


def normal(text: str) -> str:
    """Text compared loosely: lower-case, ``_ - . /`` as spaces, spaces squeezed."""
    return " ".join(re.sub(r"[_\-./]+", " ", str(text).casefold()).split())


def squeezed(text: str) -> str:
    """Text compared very loosely: lower-case without spaces or punctuation
    (``GTXPro`` = ``GTX Pro``)."""
    return re.sub(r"[\W_]+", "", str(text).casefold())


@dataclass(slots=True)
class Lookup:
    """A second file joined on one field, e.g. accounts.csv on the customer name: its
    ``key`` column matches the row's ``joins`` field; ``columns`` map its columns to fields.
    ``file`` is relative to the imported file's folder unless absolute."""

    file: str
    key: str
    joins: str
    columns: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Mapping:
    """Everything needed to turn rows into records; saved and loaded as a JSON preset."""

    columns: dict[str, str] = field(default_factory=dict)  # header → field
    stage_map: dict[str, str] = field(default_factory=dict)  # value → stage name / open:N
    date_format: str = "auto"
    amount_format: str = "auto"
    amount_scale: int = 1  # 10000: the amounts are written in 万
    open_value_from_price: bool = False
    missing_date: str = "import"  # import / latest / YYYY-MM-DD
    default_stage: str = "open:1"
    closed_via: str = ""  # open stage a won/lost deal passed through before closing
    skip_invalid_rows: bool = False
    empty_title: str = "problem"  # problem / fill (see EMPTY_TITLE_RULES)
    currency: str = ""  # ISO code of the file's amounts ("" = not said)
    lookups: list[Lookup] = field(default_factory=list)
    name: str = ""

    # -- checks -----------------------------------------------------------------------------
    def validate(self, headers: list[str] | None = None) -> None:
        """Raise :class:`ValidationError` for unknown fields, formats or missing columns."""
        used: dict[str, str] = {}
        for column, f in self.columns.items():
            if not f:
                continue
            if f not in FIELDS:
                raise ValidationError("import_field_unknown", "mapping", value=f)
            if f in used and f not in MULTI_FIELDS:  # e.g. two columns as the deal title
                raise ValidationError("choice_invalid", "mapping", value=f"{column} → {f}",
                                      choices=f"one column per field (“{used[f]}” is {f})")
            used[f] = column
            if headers is not None and column not in headers:
                raise ValidationError("import_column_unknown", "mapping", column=column)
        if not used:
            raise ValidationError("import_nothing_mapped", "mapping")
        if self.date_format not in DATE_FORMATS:
            raise ValidationError("choice_invalid", "date_format", value=self.date_format,
                                  choices=", ".join(DATE_FORMATS))
        if self.amount_format not in AMOUNT_FORMATS:
            raise ValidationError("choice_invalid", "amount_format", value=self.amount_format,
                                  choices=", ".join(AMOUNT_FORMATS))
        if self.amount_scale not in (1, 10000):
            raise ValidationError("choice_invalid", "amount_scale", value=self.amount_scale,
                                  choices="1, 10000")
        if self.missing_date not in MISSING_DATE_RULES:
            try:
                parse_date(self.missing_date, field="missing_date", formats=("%Y-%m-%d",))
            except ValidationError:
                raise ValidationError("choice_invalid", "missing_date",
                                      value=self.missing_date,
                                      choices="import, latest, YYYY-MM-DD") from None
        if self.empty_title not in EMPTY_TITLE_RULES:
            raise ValidationError("choice_invalid", "empty_title", value=self.empty_title,
                                  choices=", ".join(EMPTY_TITLE_RULES))
        if self.currency and self.currency not in CURRENCIES:
            raise ValidationError("choice_invalid", "currency", value=self.currency,
                                  choices=", ".join(CURRENCIES))
        for lk in self.lookups:
            if lk.joins not in FIELDS:
                raise ValidationError("import_field_unknown", "mapping", value=lk.joins)
            for f in lk.columns.values():
                if f and f not in FIELDS:
                    raise ValidationError("import_field_unknown", "mapping", value=f)

    def field_columns(self) -> dict[str, list[str]]:
        """field → the columns mapped to it."""
        out: dict[str, list[str]] = {}
        for column, f in self.columns.items():
            if f:
                out.setdefault(f, []).append(column)
        return out

    def has_deals(self) -> bool:
        mapped = set(self.columns.values())
        return any(k in mapped for k in DEAL_KEYS)

    def column_of(self, f: str) -> str:
        """The (first) column mapped to field ``f``, or ""."""
        return next((c for c, g in self.columns.items() if g == f), "")

    # -- JSON -------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"format": "funnel-desktop-import", "version": 1, **asdict(self)}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: Any, source: str = "preset") -> Mapping:
        """A mapping from a preset's JSON object; ``import_preset_keys`` for keys it does not
        know, ``import_preset_invalid`` for a value of the wrong kind."""
        if not isinstance(data, dict):
            raise _preset_error(source, "the file must hold one JSON object {…}")
        data = {k: v for k, v in data.items() if k not in ("format", "version")}
        known = [f for f in cls.__dataclass_fields__]
        unknown = [str(k) for k in data if k not in known]
        if unknown:
            raise ValidationError("import_preset_keys", "mapping", path=source,
                                  keys=", ".join(sorted(unknown)), valid=", ".join(known))
        for key, value in data.items():
            kind = _PRESET_TYPES[key]
            if kind is dict:
                if not isinstance(value, dict) or not all(
                        isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                    raise _preset_error(source, f"“{key}” must map text to text, e.g. "
                                        '{"Name": "customer.name"}')
            elif kind is list:
                if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
                    raise _preset_error(source, f"“{key}” must be a list of objects")
            elif kind is bool:
                if not isinstance(value, bool):
                    raise _preset_error(source, f"“{key}” must be true or false")
            elif kind is int:
                if isinstance(value, bool) or not isinstance(value, int):
                    raise _preset_error(source, f"“{key}” must be a whole number")
            elif not isinstance(value, str):
                raise _preset_error(source, f"“{key}” must be text")
        lookups = []
        for lk in data.pop("lookups", []):
            fields = ("file", "key", "joins")
            if set(lk) - {*fields, "columns"} or not all(
                    isinstance(lk.get(f), str) for f in fields) or not isinstance(
                    lk.get("columns", {}), dict) or not all(
                    isinstance(k, str) and isinstance(v, str)
                    for k, v in lk.get("columns", {}).items()):
                raise _preset_error(source, "a lookup needs “file”, “key” and “joins” (text) "
                                    "and “columns” (text to text)")
            lookups.append(Lookup(**lk))
        return cls(**data, lookups=lookups)

    @classmethod
    def from_json(cls, text: str, source: str = "preset") -> Mapping:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise _preset_error(source, str(exc)) from None
        return cls.from_dict(data, source)

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.to_json() + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> Mapping:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise ValidationError("import_preset_invalid", "mapping", path=str(path),
                                  detail=exc.strerror or str(exc)) from None
        return cls.from_json(text, str(path))


#: The kind of value of each key of a preset.
_PRESET_TYPES: dict[str, type] = {
    "columns": dict, "stage_map": dict, "date_format": str, "amount_format": str,
    "amount_scale": int, "open_value_from_price": bool, "missing_date": str,
    "default_stage": str, "closed_via": str, "skip_invalid_rows": bool, "empty_title": str,
    "currency": str, "lookups": list, "name": str,
}


def _preset_error(source: str, detail: str) -> ValidationError:
    return ValidationError("import_preset_invalid", "mapping", path=source, detail=detail)


# -- guesses for the wizard -------------------------------------------------------------------
#: A unit written after a header in brackets: 金额(元), 金额（万元）, Amount [USD].
_UNIT = re.compile(r"\s*[(（\[【]\s*([^)）\]】]*?)\s*[)）\]】]\s*$")
#: Units that say a column of amounts is written in 万.
WAN_UNITS = ("万", "万元", "万人民币", "万元人民币")


def header_unit(header: str) -> tuple[str, str]:
    """(the header without a bracketed unit, the unit) — ``金额(万元)`` → (``金额``,
    ``万元``)."""
    m = _UNIT.search(str(header))
    if m is None:
        return str(header), ""
    return str(header)[:m.start()], m.group(1)


def guess_columns(headers: list[str]) -> dict[str, str]:
    """header → field by header names (English and Chinese, a unit in brackets left out:
    金额(元) is an amount); each field used once."""
    candidates: list[tuple[int, int, str, str]] = []
    for ci, h in enumerate(headers):
        n = normal(header_unit(h)[0]) or normal(h)
        for f, words in SYNONYMS.items():
            for rank, w in enumerate(words):
                if n == w:
                    candidates.append((rank, ci, h, f))
                    break
    has_external = any(f == "deal.external_id" for *_, f in candidates)
    if not has_external:  # a bare "id" column is the other system's id
        for ci, h in enumerate(headers):
            if normal(h) in ("id", "opportunity id", "序号"):
                candidates.append((len(SYNONYMS), ci, h, "deal.external_id"))
    out: dict[str, str] = {}
    taken: set[str] = set()
    for _rank, _ci, h, f in sorted(candidates):
        if h in out or (f in taken and f not in MULTI_FIELDS):
            continue
        out[h] = f
        taken.add(f)
    return out


def guess_mapping(headers: list[str], stage_values: list[str],
                  stages: list[StageInfo]) -> Mapping:
    """The mapping the wizard would start from: columns by their headers, amounts in 万 when
    the amount's header says so, stage values by names and common words."""
    guessed = guess_columns(headers)
    columns = {h: guessed[h] for h in headers if h in guessed}  # in the file's order
    amount = next((h for h, f in columns.items() if f == "deal.amount"), None)
    scale = 10000 if amount is not None and header_unit(amount)[1] in WAN_UNITS else 1
    return Mapping(columns=columns, amount_scale=scale,
                   stage_map=guess_stage_map(stage_values, stages))


def stage_ref(ref: str, stages: list[StageInfo]) -> StageInfo | None:
    """A stage by name (loosely) or by ``open:N`` / ``won`` / ``lost``."""
    ref = str(ref).strip()
    if not ref:
        return None
    by_name = {normal(s.name): s for s in stages}
    if normal(ref) in by_name:
        return by_name[normal(ref)]
    ordered = sorted(stages, key=lambda s: s.position)
    m = re.fullmatch(r"open:(\d+)", ref)
    if m:
        opened = [s for s in ordered if s.kind == StageKind.OPEN]
        n = int(m.group(1))
        return opened[min(n, len(opened)) - 1] if opened and n >= 1 else None
    if ref in ("won", "lost"):
        return next((s for s in ordered if s.kind == ref), None)
    return None


def guess_stage_map(values: list[str], stages: list[StageInfo]) -> dict[str, str]:
    """file value → stage name: same names first (also in the other language), then common
    words (won, lost, prospecting, 成交, 输单…); values left over are not guessed."""
    out: dict[str, str] = {}
    matcher = StageMatcher({}, stages)
    for v in values:
        s = matcher(v) if not v.startswith("open:") else None
        if s is None:
            s = matcher.suggest(v)
        if s is not None:
            out[v] = s.name
    return out


def template_aliases(stages: list[StageInfo]) -> dict[str, StageInfo]:
    """Stage names in the other language → the pipeline's stage: a pipeline made from a
    shipped template in English knows its stages' Chinese names too (赢单 → Won, 输单 → Lost),
    and the other way round. Names that would fit two stages are left out."""
    names = {normal(s.name): s for s in stages}
    out: dict[str, StageInfo] = {}
    clash: set[str] = set()
    for t in TEMPLATES:
        for st in t.stages:
            for mine, other in ((st.zh, st.en), (st.en, st.zh)):
                s = names.get(normal(mine))
                key = normal(other)
                if s is None or s.kind != st.kind or key in names:
                    continue
                if key in out and out[key] is not s:
                    clash.add(key)
                out[key] = s
    for key in clash:
        del out[key]
    return out


class StageMatcher:
    """A file's stage value → a stage of the pipeline, the same way for the dry run and the
    import: the mapping's own ``stage_map`` (exactly, then loosely), the stage names, their
    names in the other language (:func:`template_aliases`), and the words for won and lost
    in both languages (成交 / 赢单 / 签约 → won; 输单 / 丢单 / 失败 → lost)."""

    def __init__(self, stage_map: dict[str, str], stages: list[StageInfo]) -> None:
        self.stages = stages
        self.exact = {k: stage_ref(v, stages) for k, v in stage_map.items()}
        self.loose = {normal(k): s for k, s in self.exact.items()}
        self.names = {normal(s.name): s for s in stages}
        self.aliases = template_aliases(stages)
        self.seen: dict[str, StageInfo | None] = {}

    def __call__(self, value: str) -> StageInfo | None:
        try:
            return self.seen[value]
        except KeyError:
            found = self.seen[value] = self._match(value)
            return found

    def _match(self, value: str) -> StageInfo | None:
        if value in self.exact:
            return self.exact[value]
        key = normal(value)
        if key in self.loose:
            return self.loose[key]
        found = self.names.get(key) or self.aliases.get(key)
        if found is None and STAGE_WORDS.get(key) in ("won", "lost"):
            found = stage_ref(STAGE_WORDS[key], self.stages)
        return found

    def suggest(self, value: str) -> StageInfo | None:
        """The stage a common word suggests for ``value`` (the n-th open stage too)."""
        word = STAGE_WORDS.get(normal(value))
        return stage_ref(word, self.stages) if word else None
