"""The stage templates the product ships, and the default kept lists (reasons, sources)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class StageTemplate:
    """One stage of a template: names in both languages, kind and default probability."""

    zh: str
    en: str
    probability: int
    kind: str = "open"
    idle_days: int | None = 30
    questions_zh: tuple[str, ...] = ()
    questions_en: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PipelineTemplate:
    code: str
    zh: str
    en: str
    stages: tuple[StageTemplate, ...] = field(default_factory=tuple)


def _closing(won_zh: str = "赢单", won_en: str = "Won") -> tuple[StageTemplate, ...]:
    return (StageTemplate(won_zh, won_en, 100, "won", None),
            StageTemplate("输单", "Lost", 0, "lost", None))


_SHORTLIST_Q_ZH = ("决策链上有谁？", "有哪些竞争对手？", "客户为什么要改变？", "决策人想要什么？",
                   "我的下一步是什么？")
_SHORTLIST_Q_EN = ("Who is on the decision chain?", "Which competitors are in?",
                   "Why would they change?", "What does the decision maker want?",
                   "What is my next step?")

TEMPLATES: tuple[PipelineTemplate, ...] = (
    PipelineTemplate("b2b6", "B2B 六阶段", "B2B six stages", (
        StageTemplate("培育与识别", "Nurture & identify", 10, idle_days=30,
                      questions_zh=("客户有明确需求吗？", "联系人是谁？"),
                      questions_en=("Does the customer have a clear need?",
                                    "Who is our contact?")),
        StageTemplate("产品介绍", "Product introduction", 35, idle_days=21,
                      questions_zh=("已演示产品？", "客户认可价值？"),
                      questions_en=("Product demonstrated?", "Value acknowledged?")),
        StageTemplate("需求与方案", "Needs & solution", 65, idle_days=21,
                      questions_zh=_SHORTLIST_Q_ZH, questions_en=_SHORTLIST_Q_EN),
        StageTemplate("报价/合同", "Quote / contract", 75, idle_days=14,
                      questions_zh=("报价已发送？", "采购流程清楚？", "付款条件谈妥？"),
                      questions_en=("Quote sent?", "Purchasing process known?",
                                    "Payment terms agreed?")),
    ) + _closing()),
    PipelineTemplate("p255075", "25/50/75 漏斗", "25/50/75 funnel", (
        StageTemplate("潜在用户", "Has a need", 10),
        StageTemplate("候选清单", "On the candidate list", 25),
        StageTemplate("优选清单", "One of the last two", 50,
                      questions_zh=_SHORTLIST_Q_ZH, questions_en=_SHORTLIST_Q_EN),
        StageTemplate("基本确定", "Decided, paperwork pending", 75, idle_days=14),
    ) + _closing("成交", "Closed")),
    PipelineTemplate("key5", "大客户五阶段", "Key-account five stages", (
        StageTemplate("潜在客户开发", "Prospect development", 10),
        StageTemplate("需求了解与分析", "Needs analysis", 30),
        StageTemplate("产品演示与方案制定", "Demo & proposal", 50),
        StageTemplate("商务谈判与签约", "Negotiation & signing", 80, idle_days=14),
    ) + _closing("售后服务与持续跟进", "After-sales & follow-up")),
    PipelineTemplate("weekly6", "周报六阶段", "Weekly-review six stages", (
        StageTemplate("潜在客户", "Prospect", 10),
        StageTemplate("初步接触", "First contact", 20),
        StageTemplate("需求确认", "Need confirmed", 40),
        StageTemplate("方案提出", "Proposal", 60),
        StageTemplate("报价洽谈", "Quote & negotiation", 80, idle_days=14),
    ) + _closing("成交", "Closed")),
    PipelineTemplate("consult7", "顾问式七步", "Consultative seven steps", (
        StageTemplate("目标客户", "Target customer", 5),
        StageTemplate("潜在客户", "Prospect", 10),
        StageTemplate("立项客户", "Project approved", 20),
        StageTemplate("确保入围", "Secure the shortlist", 40,
                      questions_zh=_SHORTLIST_Q_ZH, questions_en=_SHORTLIST_Q_EN),
        StageTemplate("商务谈判", "Negotiation", 75, idle_days=14),
    ) + _closing("交易实施/重复采购", "Delivery / repeat purchase")),
    PipelineTemplate("ladder", "客户阶梯", "Customer ladder", (
        StageTemplate("潜在客户", "Prospect", 10),
        StageTemplate("意向客户", "Interested", 30),
        StageTemplate("常规客户", "Regular", 50),
        StageTemplate("AB类客户", "A/B-class", 75),
    ) + _closing("成交客户", "Customer")),
)

DEFAULT_TEMPLATE = "b2b6"

# (category zh, category en, label zh, label en)
WON_REASONS: tuple[tuple[str, str, str, str], ...] = (
    ("产品", "Product", "产品功能契合", "Product fit"),
    ("价格", "Price", "价格有竞争力", "Competitive price"),
    ("关系", "Relationship", "客户关系好", "Strong relationship"),
    ("服务", "Service", "服务与响应快", "Fast service"),
    ("品牌", "Brand", "品牌与案例", "Brand and references"),
)
LOST_REASONS: tuple[tuple[str, str, str, str], ...] = (
    ("价格", "Price", "价格太高", "Price too high"),
    ("竞争", "Competition", "输给竞争对手", "Lost to a competitor"),
    ("预算", "Budget", "没有预算", "No budget"),
    ("时机", "Timing", "项目搁置", "Project on hold"),
    ("产品", "Product", "需求不匹配", "Product gap"),
    ("关系", "Relationship", "未接触到决策人", "Never reached the decision maker"),
)
SOURCES: tuple[tuple[str, str], ...] = (
    ("官网", "Website"), ("转介绍", "Referral"), ("展会", "Trade show"),
    ("电话营销", "Cold call"), ("老客户", "Existing customer"), ("网络广告", "Online ads"),
)


def template(code: str) -> PipelineTemplate:
    """The template with this code (KeyError if none)."""
    for t in TEMPLATES:
        if t.code == code:
            return t
    raise KeyError(code)
