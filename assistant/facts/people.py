"""Who signed a convention, in which role, for which organisation, and who was only present.

Names are "Prénom NOM" / "Prénom Nom" patterns (institutions filtered out), roles the apposition that
follows a name ("Louis ALIOT, Maire de Perpignan, …"); "représentant X" keeps the relation; people named
after "en présence de" are present, unless the signers are institutions only (then the first person of
each organisation signs for it).
"""
from __future__ import annotations

import re
import unicodedata

from assistant.nlp.ner import person_spans
from assistant.nlp.segment import sentence_spans
from assistant.nlp.text import fold
from assistant.nlp.vocab import NOT_FIRST_NAMES, ROLE_START


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
ROLE_WORDS = re.compile(rf"^{ROLE_START}")


SAME_BODY = re.compile(r"\s+(?:du même|de la même|de ce même|de cette même)\s+(?:organisme|institution|structure|caisse)\b"
                       r"|\s+de cet organisme\b")
ORGANISATION = re.compile(r"\b(?:de la|du|de l'|de l’|des)\s+([A-Z][\w'’-]*(?:\s+(?:de|du|des|de la)?\s*[A-Z][\w'’-]*)*)")


def _names(sentence: str, offset: int, entities: list[tuple[int, int]]):
    """Names matched by the patterns, plus the NER's person entities the patterns missed, in text order."""
    found = []
    for m in NAME.finditer(sentence):
        first, last = m.group(1), m.group(2)
        if first.split()[0].split("-")[0].lower() in NOT_FIRST_NAMES or last.lower() in NOT_FIRST_NAMES:
            continue
        found.append((m.start(), m.end()))
    found += [(a, b) for a, b in entities if not any(a < e and s < b for s, e in found)]
    for a, b in sorted(found):
        yield sentence[a:b], offset + a, offset + b, b


def _role(sentence: str, after: int, limit: int | None = None) -> tuple[str, int]:
    """The role apposition after a name, cut at ``limit`` (where the next name starts)."""
    rest = sentence[after:limit]
    body = rest[1:].lstrip() if rest.startswith(",") else rest.lstrip()
    if not ROLE_WORDS.match(fold(body)):
        return "", after
    cut = ROLE_END.search(deaccent(body))
    role = body[: cut.start()] if cut else body
    role = re.sub(r"(?:,|\s)\s*(?:et|ainsi que)?\s*(?:de|par)?\s*$", "", role).strip(" ,")
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


def candidate_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences where signatories and guests are looked for: those about the signing, and the
    sentence after each."""
    after_signing = False
    considered = []
    for s, e in sentence_spans(text):
        in_context = bool(CONTEXT.search(fold(text[s:e])))
        # "… ont signé leur CTG. La cérémonie a réuni X, maire, et Y, directeur." : the next sentence counts
        if in_context or after_signing:
            considered.append((s, e))
        after_signing = in_context
    return considered


def people(text: str, sheet) -> tuple[list[dict], list[dict]]:
    """``(signatories, present)``: dicts with name, role, organisation, on_behalf_of, start, end."""
    signatories: list[dict] = []
    present: list[dict] = []
    seen: set[str] = set()
    considered = candidate_sentences(text)
    entities = person_spans([text[s:e] for s, e in considered], NOT_FIRST_NAMES)
    for (s, e), sentence_entities in zip(considered, entities):
        sentence = text[s:e]
        presence = fold(sentence).find("en presence")
        found = list(_names(sentence, s, sentence_entities))
        represented = set()
        entries = []
        for k, (name, start, end, local_end) in enumerate(found):
            # the role stops where the next person is listed ("…, et Paul van der Berg, Directeur…")
            limit = next((n[1] - s for n in found[k + 1:]
                          if re.search(r"(?:,|\bet|ainsi que)\s*$", sentence[:n[1] - s])), None)
            role, role_end = _role(sentence, local_end, limit)
            behalf = None
            tail = sentence[role_end:role_end + 80]
            m = re.match(r",?\s*représentant\s+", tail)
            organisation = _organisation(role, sheet)
            same = SAME_BODY.search(role)
            if same and entries:  # "Président du Conseil d'administration du même organisme"
                role, organisation = role[:same.start()].rstrip(" ,"), entries[-1]["organisation"]
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
