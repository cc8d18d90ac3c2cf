"""Who signed a convention, in which role, for which organisation, and who was only present.

Names are "Prénom NOM" / "Prénom Nom" patterns (institutions filtered out), roles the apposition that
follows a name ("Louis ALIOT, Maire de Perpignan, …"); "représentant X" keeps the relation; people named
after "en présence de" are present, unless the signers are institutions only (then the first person of
each organisation signs for it).
"""
from __future__ import annotations

import re
import unicodedata

from .chunking import sentence_spans
from .qtypes import NOT_FIRST_NAMES
from .text import fold


def deaccent(text: str) -> str:
    """Accents stripped, case and length kept (one character for one)."""
    return "".join(unicodedata.normalize("NFKD", ch)[0] for ch in text)

NAME = re.compile(r"\b([A-ZÉÈ][a-zéèëêïîôç]+(?:[- ][A-ZÉÈ][a-zéèëêïîôç]+)?) "
                  r"((?:[A-ZÉÈ][A-ZÉÈ'’-]+(?: [A-ZÉÈ]{2,}[A-ZÉÈ'’-]*)?)|(?:[A-ZÉÈ][a-zéèëêïîôç]+(?:-[A-ZÉÈ][a-zéèëêïîôç]+)?))")
CONTEXT = re.compile(r"\bsign|officialis|en presence|represent")
# Where a role apposition ends (matched on accent-stripped, case-kept text).
ROLE_END = re.compile(r",\s*(?=[A-Z1-9])|,\s*representant|,\s*(?:et\s+)?(?:de|par)\s+(?=[A-Z][a-z]+[- ][A-Z])|,?\s+et\s+(?=(?:de\s+|par\s+)?[A-Z][a-z]+[- ][A-Z])|,?\s+et de\b"
                      r"|\s+(?:ont|a|avaient|avait)\s+(?:sign|officialis|paraph|conclu)|[.;](\s|$)|\s+en presence"
                      r"|$")
ROLE_WORDS = re.compile(r"^(maire|directeur|directrice|president|presidente|adjoint|adjointe|\d+(ere|er|e)? adjoint"
                        r"|vice|conseill|elu|sous-directeur|sous-directrice|delegue)")


ORGANISATION = re.compile(r"\b(?:de la|du|de l'|de l’|des)\s+([A-Z][\w'’-]*(?:\s+(?:de|du|des|de la)?\s*[A-Z][\w'’-]*)*)")


def _names(sentence: str, offset: int):
    for m in NAME.finditer(sentence):
        first, last = m.group(1), m.group(2)
        if first.split()[0].split("-")[0].lower() in NOT_FIRST_NAMES or last.lower() in NOT_FIRST_NAMES:
            continue
        yield m.group(0), offset + m.start(), offset + m.end(), m.end()


def _role(sentence: str, after: int) -> tuple[str, int]:
    rest = sentence[after:]
    body = rest[1:].lstrip() if rest.startswith(",") else rest.lstrip()
    if not ROLE_WORDS.match(fold(body)):
        return "", after
    cut = ROLE_END.search(deaccent(body))
    role = body[: cut.start()] if cut else body
    role = role.strip(" ,")
    return role, after + (len(rest) - len(body)) + len(role)


def _organisation(role: str, sheet) -> str | None:
    f = fold(role)
    place = sheet.territory.get("name") or ""
    if re.search(r"\bcaf\b|caisse|allocations familiales|conseil d.administration|action sociale", f):
        return sheet.caf
    if re.search(r"communaute|agglo|metropole|intercommunal", f) and place:
        return place
    other = ORGANISATION.search(role)  # "directeur général adjoint de la MSA de Picardie"
    if other:
        return other.group(1).replace("’", "'")
    if re.search(r"maire|adjoint|municipal|ville", f) and place:
        article = "d'" if fold(place)[:1] in "aeiouy" else "de "
        return place if sheet.territory.get("kind") not in (None, "commune") else f"Ville {article}{place}"
    return place or None


def people(text: str, sheet) -> tuple[list[dict], list[dict]]:
    """``(signatories, present)``: dicts with name, role, organisation, on_behalf_of, start, end."""
    signatories: list[dict] = []
    present: list[dict] = []
    seen: set[str] = set()
    after_signing = False
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        f = fold(sentence)
        in_context = bool(CONTEXT.search(f))
        # "… ont signé leur CTG. La cérémonie a réuni X, maire, et Y, directeur." : the next sentence counts
        if not (in_context or after_signing):
            continue
        after_signing = in_context
        presence = f.find("en presence")
        found = list(_names(sentence, s))
        represented = set()
        entries = []
        for name, start, end, local_end in found:
            role, role_end = _role(sentence, local_end)
            behalf = None
            tail = sentence[role_end:role_end + 80]
            m = re.match(r",?\s*représentant\s+", tail)
            organisation = _organisation(role, sheet)
            if m:
                target = next((n for n in found if n[1] - s >= role_end + m.end() - 1), None)
                if target:
                    behalf = target[0]
                    represented.add(target[0])
                    # who signs on behalf of someone signs for that person's organisation
                    organisation = _organisation(_role(sentence, target[3])[0], sheet) or organisation
            entries.append({"name": name, "role": role, "organisation": organisation,
                            "on_behalf_of": behalf, "start": start, "end": s + role_end,
                            "after_presence": presence >= 0 and start - s > presence})
        signers_named = any(not x["after_presence"] for x in entries if x["name"] not in represented)
        taken: set[str | None] = set()
        for entry in entries:
            if entry["name"] in represented or entry["name"] in seen or not entry["role"]:
                continue
            seen.add(entry["name"])
            signs = not entry.pop("after_presence") if signers_named else entry["organisation"] not in taken
            entry.pop("after_presence", None)
            taken.add(entry["organisation"])
            (signatories if signs else present).append(entry)
    return signatories, present
