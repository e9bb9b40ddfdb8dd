"""Mapping presets shipped with the program (``--mapping maven``)."""

from __future__ import annotations

from pathlib import Path

from ...core.errors import ValidationError
from .mapping import Lookup, Mapping


def maven_crm() -> Mapping:
    """Maven Analytics' "CRM Sales Opportunities" (sales_pipeline.csv with accounts.csv,
    products.csv and sales_teams.csv beside it): agents with their manager as team and
    regional office as region; accounts with sector, employees and location; Prospecting and
    Engaging as the first two open stages; won deals passed through the second open stage;
    open deals valued at the product's list price; deals without an engage date dated at the
    latest date in the file; amounts in US dollars."""
    return Mapping(
        name="Maven CRM sales opportunities",
        columns={"opportunity_id": "deal.external_id", "sales_agent": "owner.name",
                 "product": "deal.product", "account": "customer.name",
                 "deal_stage": "deal.stage", "engage_date": "deal.created",
                 "close_date": "deal.closed", "close_value": "deal.amount"},
        stage_map={"Prospecting": "open:1", "Engaging": "open:2", "Won": "won",
                   "Lost": "lost"},
        date_format="YYYY-MM-DD", amount_format="1,234.56", open_value_from_price=True,
        missing_date="latest", closed_via="open:2", currency="USD",
        lookups=[
            Lookup("accounts.csv", "account", "customer.name",
                   {"sector": "customer.industry", "employees": "customer.scale",
                    "office_location": "customer.address",
                    "year_established": "customer.notes", "revenue": "customer.notes",
                    "subsidiary_of": "customer.notes"}),
            Lookup("products.csv", "product", "deal.product",
                   {"sales_price": "product.price"}),
            Lookup("sales_teams.csv", "sales_agent", "owner.name",
                   {"manager": "owner.team", "regional_office": "owner.region"}),
        ])


#: Built-in presets by the name given to ``--mapping``.
BUILTIN = {"maven": maven_crm, "maven-crm": maven_crm}


def load_preset(name_or_path: str | Path) -> Mapping:
    """A built-in preset by name, or a JSON preset file."""
    key = str(name_or_path)
    if key in BUILTIN:
        return BUILTIN[key]()
    path = Path(key)
    if not path.is_file():
        raise ValidationError("import_preset_invalid", "mapping", path=key,
                              detail="no such file or built-in preset (" +
                              ", ".join(sorted(BUILTIN)) + ")")
    return Mapping.load(path)
