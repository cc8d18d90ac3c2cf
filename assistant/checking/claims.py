"""A claim split into checkable parts: signing date, period, figures, people with their roles, domains.

Pure parsing, no index: ``parse_claim`` reads a French sentence such as "La CTG de Perpignan a été signée
en juillet 2023 par Louis Aliot, maire" and returns what it asserts. ``checker.py`` compares the parts
with a convention's fact sheet and text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.nlp.dates import FULL_DATE, MONTH_YEAR, RANGE, YEAR, day_date, month_date
from assistant.nlp.numbers import parse_number
from assistant.nlp.text import fold
from assistant.nlp.vocab import DOMAINS, DURATION_MONTHS, MONTHS_FOLDED, NUMBER_WORDS, ROLE_HEADS

# Claims the chat recognises as "check this" rather than a question.
CHECK_PREFIX = re.compile(r"^\s*(?:(?:bonjour|salut|svp|stp|s.il (?:te|vous) pla[iî]t)\s*[,!]?\s*)*(?:v[ée]rifie[rz]?\s*(?:que|si)?\s*:?|est-il (?:vrai|exact) que|est-ce (?:vrai|exact)"
                          r" que|est-ce qu.il est (?:vrai|exact) que|vrai ou faux\s*:?)\s*", re.IGNORECASE)
# A question rather than a statement: a question word, an inverted pronoun ("a-t-elle", "fait-il"), a choice.
QUESTION_WORDS = re.compile(r"\b(?:qui|quoi|quand|quel|quelle|quels|quelles|combien|comment|ou|pourquoi|lequel"
                            r"|laquelle|lesquels|lesquelles|est-ce|qu.est)\b|-t-|-(?:il|elle|ils|elles|on)\b"
                            r"|^\s*(?:y a|existe|peut|doit|faut|que|qu|a quoi|a qui|sous|pour quoi|en quoi|de quoi)\b")
STATEMENT = re.compile(r"\b(?:a|ont|est|sont|etait|etaient|sera|seront|couvre|couvrent|court|prevoit|compte"
                       r"|regroupe|concerne|porte|prend|termine|dure|signe|signee)\b")
SIGN_CUE = re.compile(r"\bsign\w*|\bofficialis\w*|\bparaph\w*|\bconclu\w*")
END_CUE = re.compile(r"jusqu.{1,3}(?:en|a|au)\s+(?:\d{1,2}(?:er)?\s+[a-z]+\s+)?((?:19|20)\d{2})|(?:termine|terminera|prend fin|prendra fin|s.acheve"
                     r"|s.achevera|expire|expirera|echeance)\w*\s+(?:en\s+|fin\s+|le\s+\d{1,2}(?:er)?\s+[a-z]+\s+)?"
                     r"((?:19|20)\d{2})")
HOUR = re.compile(r"\b([01]?\d|2[0-3])\s*(?:h|heures?)\s*([0-5]\d)?\b")
NUMBER_WORD = r"(?:(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?:[- ](?:et[- ])?)?)+"
QUANTITY = re.compile(r"(?<![\w-])(?P<number>\d{1,3}(?:[\u202f\xa0 .]\d{3})+|\d+(?:,\d+)?|" + NUMBER_WORD + r")"
                      r"(?P<scale>\s+millions?|\s+milliards?|\s?Mds?(?=\s?€)|\s?M(?=\s?€))?"
                      r"(?:\s*(?P<euro>€)|\s*(?P<percent>%|pour\s?cents?\b)"
                      r"|(?:\s+seule?s?)?\s+(?:d['’]\s*)?(?P<noun>[a-zà-ÿ]+))",
                      re.IGNORECASE)
MONEY = {"€", "euro", "euros"}
NOT_COUNTED = set(MONTHS_FOLDED) | {"et", "de", "du", "des", "a", "au", "aux", "en", "par", "pour", "h", "heures", "heure",
                             "ou", "la", "le", "les", "sur", "sont", "est", "ont", "seront", "etaient", "sera", "fois"}
NEGATION = re.compile(r"\b(?:ne|n)\b.{0,30}?\b(?:pas|jamais|plus|aucun\w*|ni)\b|\bsans\b")


@dataclass
class Quantity:
    value: float
    noun: str  # folded; "€" for amounts, "mois" for durations
    start: int
    end: int
    bare: bool = False  # "7 millions consacrés": millions of nothing said (euros, when the text speaks of euros)


@dataclass
class Claim:
    text: str
    signed: tuple[str, tuple[int, int]] | None = None  # claimed signing date: "2023", "2023-07", "2023-02-06"
    period: tuple[dict, tuple[int, int]] | None = None  # {"start", "end"} (either may be None)
    quantities: list[Quantity] = field(default_factory=list)
    roles: list[tuple[str, int]] = field(default_factory=list)  # role head and its position
    domains: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    dates: list[tuple[str, tuple[int, int]]] = field(default_factory=list)  # dates other than the signing's
    hours: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    negated: bool = False


def without_check_prefix(text: str) -> str:
    """The claim without the words that ask to check it ("Vérifie : …", "bonjour, est-il exact que …")."""
    m = CHECK_PREFIX.match(text)
    return _capitalised(text[m.end():].strip() if m and m.end() < len(text.rstrip()) else text)


def _capitalised(claim: str) -> str:
    return claim[:1].upper() + claim[1:]


def strip_check_prefix(text: str) -> str | None:
    """The claim inside "Vérifie : …", "Est-il vrai que … ?", or a statement asked as a question ("La CTG de
    Perpignan a été signée en 2023 ?"); None for a real question ("Qui… ?", "A-t-elle… ?", "… ou … ?")."""
    m = CHECK_PREFIX.match(text)
    if m:
        claim = text[m.end():]
    elif text.rstrip().endswith("?") and not QUESTION_WORDS.search(fold(text)) and STATEMENT.search(fold(text)):
        claim = text
    else:
        return None
    claim = claim.strip().rstrip("?").strip()
    return _capitalised(claim) if claim else None


def quantities(text: str) -> list[Quantity]:
    """Numbers with what they count: "7 500 euros", "dix-neuf communes", "un an", "2 millions d'euros"."""
    found = []
    for m in QUANTITY.finditer(text):
        noun = "€" if m.group("euro") else "%" if m.group("percent") else fold(m.group("noun"))
        number = m.group("number")
        if YEAR.fullmatch(number.strip()) and noun not in MONEY:
            continue  # "en 2023 par …": a year, not a count
        value = parse_number(number)
        if value is None or noun in NOT_COUNTED or fold(number) in ("un", "une") and noun not in DURATION_MONTHS:
            continue  # "le 6 février", "une politique": not a quantity
        scale = (m.group("scale") or "").strip()
        if scale:
            value *= 1_000_000_000 if scale.startswith(("milliard", "Md")) else 1_000_000
        if noun in MONEY:
            noun = "€"
        elif noun in DURATION_MONTHS:
            value, noun = value * DURATION_MONTHS[noun], "mois"
        found.append(Quantity(value, noun, m.start(), m.end() if noun in ("€", "%") or not scale else m.end("scale"),
                              bare=bool(scale) and not re.search(r"d['’]", text[m.end("scale"):m.end()])))
    if any(q.noun == "€" for q in found):  # "8 millions d'euros, dont 7 millions consacrés à…": euros too
        for q in found:
            if q.bare and q.noun not in ("€", "%"):
                q.noun = "€"
    return found


def role_heads(text: str) -> list[tuple[str, int]]:
    """Role heads in order of appearance: ``[("adjoint", 12), ("directeur", 60)]``."""
    f = fold(text)
    found = []
    for head, pattern in ROLE_HEADS:
        for m in re.finditer(pattern, f):
            if not any(a <= m.start() < a + 15 for _, a in found):  # "vice-président" is not also "président"
                found.append((head, m.start()))
    return sorted(found, key=lambda x: x[1])


def dates_in(f: str, skip: list[tuple[int, int]] = ()) -> list[tuple[str, tuple[int, int]]]:
    """Dates of a folded text, most precise first where they overlap: "2023-02-06", "--02-06", "2024-07", "2024"."""
    found: list[tuple[str, tuple[int, int]]] = []

    def free(span):
        return not any(a < span[1] and span[0] < b for a, b in list(skip) + [s for _, s in found])

    for m in FULL_DATE.finditer(f):
        if free(m.span()):
            found.append((day_date(m), m.span()))
    for m in MONTH_YEAR.finditer(f):
        if free(m.span()):
            found.append((month_date(m), m.span()))
    for m in YEAR.finditer(f):
        if free(m.span()):
            found.append((m.group(1), m.span()))
    return sorted(found, key=lambda d: d[1])


def hours_in(f: str) -> list[tuple[str, tuple[int, int]]]:
    """"17h00", "18 heures", "9 h 30" -> "17:00", "18:00", "09:30"."""
    return [(f"{int(m.group(1)):02d}:{m.group(2) or '00'}", m.span()) for m in HOUR.finditer(f)]


def parse_claim(text: str) -> Claim:
    """What the claim asserts, part by part (positions refer to the folded claim, same length as ``text``)."""
    f = fold(text)
    claim = Claim(text=text, negated=bool(NEGATION.search(f)))
    period_range = RANGE.search(f)
    end = END_CUE.search(f)
    if period_range:  # "2022-2026" is a period, never a signing date
        claim.period = ({"start": int(period_range.group(1)), "end": int(period_range.group(2))}, period_range.span())
    elif end:
        claim.period = ({"start": None, "end": int(end.group(1) or end.group(2))}, end.span())
    dates = dates_in(f, [claim.period[1]] if claim.period else [])
    if SIGN_CUE.search(f) and dates:
        claim.signed = dates.pop(0)
    claim.dates = dates  # other dates: of an event the claim describes ("le diagnostic débute en octobre 2021")
    claim.hours = hours_in(f)
    taken = [span for part in [claim.signed, claim.period] + dates + claim.hours if part for span in [part[1]]]
    claim.quantities = [q for q in quantities(f) if not any(a <= q.start < b for a, b in taken)]
    claim.roles = role_heads(f)
    for name, pattern in ((d.name, d.pattern) for d in DOMAINS):
        m = re.search(pattern, f)
        if m:
            claim.domains.append((name, m.span()))
    return claim
