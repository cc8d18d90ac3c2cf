"""Questions across conventions, answered from the fact sheets: which conventions were signed in a year or a month,
end or run in a year, cover a domain, involve the MSA or the Département, have more than N communes, were signed
with a given Caf, or by a commune. Every convention listed is cited by the passage of its fact; those the sheets
cannot decide (a signing day given without its year) are named apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.nlp.dates import YEAR
from assistant.nlp.names import caf_department
from assistant.nlp.text import analyze, fold
from assistant.nlp.vocab import DOMAINS, MONTHS_FOLDED, NUMBER_WORDS

MONTH = re.compile(r"\b(" + "|".join(MONTHS_FOLDED) + r")\b")
ENDS = re.compile(r"termin|\bfin\b|finiss|s'achev|expir|jusqu|echeance|prennent fin|prend fin")
SIGNED = re.compile(r"\bsigne|signature|conclu|paraphe|officialise")
RUNNING = re.compile(r"en cours|couvr\w* l'annee|valable|en vigueur|actives?|s'appliqu|applicable")
DOMAIN_ASKED = re.compile(r"couvr|concern|domaine|champ|porte|trait|volet|abord|parl|touch|prevo|action|matiere")
# the words of a question about domains that name none ("Quelles CTG prévoient des actions en matière de …")
ASKING = set(analyze(fold("quelles quels ctg conventions convention territoriales globales actions action prévoient "
                     "prévoit matière domaine domaines champ couvrent couvre concernent abordent parlent touchent "
                     "traitent volet portent y a des les la le en de d qui")))
PARTNERS = {"msa": "la MSA", "departement": "le Département"}
MORE_THAN = re.compile(r"\bplus de (\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r") communes\b")
ONE_COMMUNE = re.compile(r"\b(une seule commune|une commune|des communes|les communes|villes?)\b")
INTERCOMMUNAL = re.compile(r"communaute de communes|intercommunal|interco\b|agglomeration|communautes?\b")


@dataclass
class Listing:
    """The conventions that answer a question across conventions, with the fact key each is cited by."""

    heading: str
    hits: list[tuple[dict, str]] = field(default_factory=list)
    undecided: list[tuple[dict, str]] = field(default_factory=list)  # cannot be told from the sheet
    count: bool = False


def across(f: str, sheets: list[dict]) -> Listing | None:
    """The listing that answers a folded question across conventions, or None when it asks none of these."""
    count = "combien" in f
    for rule in (_signed, _ends, _running, _domain, _partner, _communes, _caf, _kind):
        listing = rule(f, sheets)
        if listing is not None:
            listing.count = count
            return listing
    return None


def _signed(f: str, sheets: list[dict]) -> Listing | None:
    if not SIGNED.search(f):
        return None
    year, month = YEAR.search(f), MONTH.search(f)
    if not year and not month:
        return None
    y = year.group(0) if year else None
    m = f"{MONTHS_FOLDED.index(month.group(1)) + 1:02d}" if month else None
    listing = Listing(f"Conventions signées en {' '.join(x for x in (month and month.group(1), y) if x)}")
    for s in sheets:
        signed = s.get("signed_on") or ""
        if not signed:
            continue
        s_year, s_month = (None, signed[2:4]) if signed.startswith("--") else (signed[:4], signed[5:7] or None)
        if m and s_month and s_month != m or y and s_year and s_year != y or m and not s_month:
            continue
        (listing.undecided if y and not s_year else listing.hits).append((s, "signed_on"))
    return listing


def _ends(f: str, sheets: list[dict]) -> Listing | None:
    year = YEAR.search(f)
    if not year or not ENDS.search(f):
        return None
    y = int(year.group(0))
    return Listing(f"Conventions qui se terminent en {y}",
                   [(s, "period") for s in sheets if (s.get("period") or {}).get("end") == y])


def _running(f: str, sheets: list[dict]) -> Listing | None:
    year = YEAR.search(f)
    if not year or not RUNNING.search(f):
        return None
    y = int(year.group(0))
    return Listing(f"Conventions en cours en {y}", [(s, "period") for s in sheets if _runs(s, y)])


def _runs(sheet: dict, year: int) -> bool:
    period = sheet.get("period") or {}
    start = period.get("start") or int((sheet.get("signed_on") or "0000")[:4].strip("-") or 0) or None
    end = period.get("end")
    return bool(start and end and start <= year <= end)


def _domain(f: str, sheets: list[dict]) -> Listing | None:
    """A domain of the vocabulary the question names, or else a word the sheets' domains use ("culture")."""
    if not DOMAIN_ASKED.search(f):
        return None
    names = [d.name for d in DOMAINS if re.search(d.question_pattern, f)]
    if names:
        name = names[0]
        matches = [(s, f"domains[{s['domains'].index(name)}]") for s in sheets if name in s.get("domains", [])]
        return Listing(f"Conventions qui couvrent le domaine « {name} »", matches)
    words = set(analyze(f)) - ASKING
    hits = []
    for s in sheets:
        index = next((i for i, d in enumerate(s.get("domains", [])) if set(analyze(fold(d))) & words), None)
        if index is not None:
            hits.append((s, f"domains[{index}]"))
    if not hits:
        return None
    said = next(d for d in hits[0][0]["domains"] if set(analyze(fold(d))) & words)
    return Listing(f"Conventions qui couvrent « {said} »", hits)


def _partner(f: str, sheets: list[dict]) -> Listing | None:
    asked = [k for k in PARTNERS if re.search(rf"\b{k}\b|mutualite sociale agricole" if k == "msa" else
                                              r"\bdepartement|conseil departemental", f)]
    if not asked or not re.search(r"partenaire|signataire|associ|implique|engag|avec|participe", f):
        return None
    hits = [(s, f"partners.{asked[0]}") for s in sheets if all(k in (s.get("partners") or {}) for k in asked)]
    return Listing("Conventions avec " + " et ".join(PARTNERS[k] for k in asked), hits)


def _communes(f: str, sheets: list[dict]) -> Listing | None:
    m = MORE_THAN.search(f)
    if not m:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
    return Listing(f"Conventions d'un territoire de plus de {n} communes",
                   [(s, "territory") for s in sheets if ((s.get("territory") or {}).get("communes") or 0) > n])


def _caf(f: str, sheets: list[dict]) -> Listing | None:
    department = caf_department(f)
    if not department or not re.search(r"\b(quelles?|combien|lesquelles|avec quelles)\b", f):
        return None
    return Listing(f"Conventions de la Caf ({department})",
                   [(s, "caf") for s in sheets if caf_department(s.get("caf") or "") == department])


def _kind(f: str, sheets: list[dict]) -> Listing | None:
    if not re.search(r"\bquelles?\b|combien|lesquelles", f) or not (ONE_COMMUNE.search(f) or INTERCOMMUNAL.search(f)):
        return None
    commune = bool(ONE_COMMUNE.search(f)) and not re.search(r"\bplusieurs\b", f)
    hits = [(s, "territory") for s in sheets if ((s.get("territory") or {}).get("kind") == "commune") == commune
            and (s.get("territory") or {}).get("kind")]
    return Listing("Conventions signées par " + ("une commune" if commune else "une intercommunalité"), hits)

