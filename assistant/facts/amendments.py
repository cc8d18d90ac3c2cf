"""Amendments (avenants): which texts amend a convention, and which convention each amends.

An avenant says so in its title or first lines ("Avenant n° 1 à la convention territoriale globale …"). It amends
the convention of the same territory signed before it (the latest such, when there are several); its own period,
when it sets one ("prolongée jusqu'au 31 décembre 2029"), is the convention's current one.
"""
from __future__ import annotations

import re

from assistant.nlp.text import fold

AVENANT = re.compile(r"\bavenant\b")
OPENING = 600  # characters of the text where an avenant names itself


def is_amendment(title: str, text: str) -> bool:
    """Whether a text is an avenant (not a convention that merely provides for avenants)."""
    head = fold(f"{title}\n{text[:OPENING]}")
    return bool(AVENANT.search(head)) and not re.search(r"\bavenants?\b.{0,40}\b(eventuel|pourra|peut|seront)", head)


def _territory_key(sheet: dict) -> str:
    name = (sheet.get("territory") or {}).get("name") or ""
    return " ".join(fold(name).replace("-", " ").split())


def link_amendments(sheets: list[dict]) -> list[dict]:
    """The sheets, each avenant's ``amends`` set to the file of the convention it amends (None when no
    convention of its territory is in the corpus)."""
    conventions: dict[str, list[dict]] = {}
    for sheet in sheets:
        key = _territory_key(sheet)
        if sheet.get("kind") != "avenant" and key:
            conventions.setdefault(key, []).append(sheet)
    out = []
    for sheet in sheets:
        if sheet.get("kind") == "avenant":
            candidates = conventions.get(_territory_key(sheet), [])
            signed = sheet.get("signed_on") or "9999"
            earlier = [c for c in candidates if (c.get("signed_on") or "") <= signed] or candidates
            best = max(earlier, key=lambda c: c.get("signed_on") or "", default=None)
            sheet = {**sheet, "amends": best["doc"] if best else None}
            if best:
                sheet = _inherit(sheet, best)
        out.append(sheet)
    return out


def _inherit(avenant: dict, convention: dict) -> dict:
    """What an avenant leaves as it was is the convention's: the start of the period, the number of communes."""
    period = dict(avenant.get("period") or {})
    if period.get("start") is None:
        period["start"] = (convention.get("period") or {}).get("start")
    place = dict(avenant.get("territory") or {})
    if place.get("communes") is None:
        place["communes"] = (convention.get("territory") or {}).get("communes")
    return {**avenant, "period": period, "territory": place}


def amendments_of(sheets: list[dict], doc: str) -> list[dict]:
    """The avenants of a convention, latest first."""
    found = [s for s in sheets if s.get("amends") == doc]
    return sorted(found, key=lambda s: s.get("signed_on") or "", reverse=True)
