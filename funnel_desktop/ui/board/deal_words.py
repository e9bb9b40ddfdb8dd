"""How a question names the deals it is about: “ERP rollout #12” (¥12,000) for one, the first
titles and the total for several, so nobody closes or deletes the wrong card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...store.screen_queries import deal_titles
from ..common.fmt import Formatter

translate = QCoreApplication.translate

#: Titles named before "and 3 more".
NAMED = 3


def deals_named(ids: list[int], fmt: Formatter) -> str:
    """``“ERP rollout #12” (¥12,000)``; ``“A”, “B”, “C” and 2 more (¥45,000 in all)``."""
    rows = deal_titles(ids)
    found = [rows[i] for i in ids if i in rows]
    if not found:
        return ""
    total = sum(a for _t, a in found)
    if len(found) == 1:
        title, amount = found[0]
        # the amount first: a title may itself hold "%2"
        return translate("DealWords", "“%1” (%2)").replace(
            "%2", fmt.money(amount, short=False)).replace("%1", title)
    titles = translate("DealWords", ", ").join(
        translate("DealWords", "“%1”").replace("%1", t) for t, _a in found[:NAMED])
    rest = len(found) - NAMED
    if rest > 0:
        titles = translate("DealWords", "%1 and %Ln more", None, rest).replace("%1", titles)
    return translate("DealWords", "%1 (%2 in all)").replace(
        "%2", fmt.money(total, short=False)).replace("%1", titles)
