"""Which figure of a source a claimed figure is about, and whether the values agree.

Candidates are the source's figures of the same unit ("communes", "€", durations in months). In order:
1. an amount's funder: "la Caf finance … 10 900 euros" is compared with the amounts the Caf gives, not with
   those of the agglomeration ("financée par Caux Seine agglo à hauteur de 10 900€ et par la CAF … 7 500€");
2. a claim on a territory's size ("compte 19 communes") is compared with figures stated as a whole ("les 50
   communes du territoire"), not a subset ("13 communes ont signé");
3. the words just before the figure ("estimé à 124 000 euros" is about "estimé à 310 000 euros", not "une
   subvention de 124 000 euros");
4. otherwise the same value supports; a different value contradicts when the claim's other words point at it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.checking.claims import Quantity, quantities
from assistant.nlp.segment import sentence_spans
from assistant.nlp.terms import GENERIC_TERMS
from assistant.nlp.text import analyze, fold

SIZE_CLAIM = re.compile(r"\b(?:compte|comptent|regroupe|regroupent|rassemble|rassemblent|reunit|reunissent|federe"
                        r"|federent|compose[es]* de|constitue[es]* de|totalise|totalisent)\s+(?:au total\s+)?$")
SIZE_NOUNS = {"commune", "ville", "membre"}  # of which a subset can be named ("13 communes ont signé")
WHOLE = re.compile(r"(?:\b(?:les|des|ses|leurs|ces)|l'ensemble des|\b(?:regroupe|regroupent|compte|comptent|rassemble"
                   r"|rassemblent|reunit|reunissent|federe|federent|repartis sur|reparties sur)|compose[es]* de)"
                   r"\s+(?:plus de\s+|pres de\s+)?$")
FUNDING_VERB = r"(?:financ\w*|vers\w*|particip\w*|subventionn\w*|appor\w*|consacr\w*|allou\w*|pren\w* en charge|pai\w*|pay\w*)"
ORGANISATIONS = [("caf", r"\bcaf\b|caisse d.allocations familiales"), ("msa", r"\bmsa\b"),
                 ("departement", r"departement|conseil departemental"), ("etat", r"\betat\b|prefe"),
                 ("region", r"\bregion"),
                 ("territoire", r"communaute|agglo|\bville\b|\bcommune\b|mairie|metropole|intercommunal")]


@dataclass
class Match:
    verdict: str  # supported / contradicted / not_found
    found: str = ""  # the source's wording of the figure
    evidence: tuple[int, int] | None = None  # the sentence it is in


def _organisation(text: str, place: str) -> str | None:
    """The body named in a short stretch of (folded) text, normalised ("caf", "territoire", …)."""
    for key, pattern in ORGANISATIONS:
        if re.search(pattern, text):
            return key
    return "territoire" if place and place in text else None


def claimed_funder(claim_f: str, place: str) -> str | None:
    """Who the claim says pays: "la Caf finance…", "…financé par la Caf", "la participation de la Caf"."""
    m = re.search(rf"([\w' -]{{0,60}}?)\s+(?:ne\s+)?{FUNDING_VERB}\b", claim_f) or \
        re.search(rf"{FUNDING_VERB}\s+par\s+([\w' -]{{0,60}})", claim_f) or \
        re.search(r"(?:participation|subvention|contribution|financement)\s+(?:de la |du |de l'|des )([\w' -]{0,40})",
                  claim_f)
    return _organisation(m.group(1), place) if m else None


def _source_funder(before_f: str, place: str) -> str | None:
    """The body nearest before an amount, in its clause ("et par la CAF … avec une participation de 7 500€")."""
    before = re.split(r"\d[\d .,]*\s*(?:€|euros?)", before_f)[-1][-90:]
    hits = [(m.start(), key) for key, pattern in ORGANISATIONS for m in re.finditer(pattern, before)]
    if place:
        hits += [(m.start(), "territoire") for m in re.finditer(re.escape(place), before)]
    return max(hits)[1] if hits else None


def _left_terms(text: str, start: int, drop: set[str]) -> set[str]:
    return set(analyze(" ".join(text[:start].split()[-5:]))) - drop


def match_quantity(claim_f: str, q: Quantity, doc_text: str, place_terms: set[str], place: str) -> Match:
    """Compare one claimed figure with the source (``claim_f``: the folded claim; ``place``: folded name)."""
    noun = q.noun.rstrip("sx")
    size = bool(SIZE_CLAIM.search(claim_f[:q.start])) and noun in SIZE_NOUNS
    unit_terms = set(analyze(q.noun))
    context = set(analyze(claim_f[:q.start] + " " + claim_f[q.end:])) - GENERIC_TERMS - unit_terms
    if not size:  # the territory's name says nothing about which figure; for a size claim it is the whole
        context -= place_terms
    left = _left_terms(claim_f, q.start, GENERIC_TERMS | place_terms | unit_terms)
    funder = claimed_funder(claim_f, place) if q.noun == "€" else None
    candidates = []
    for s, e in sentence_spans(doc_text):
        sentence = doc_text[s:e]
        sentence_terms = set(analyze(sentence))
        for found in quantities(sentence):
            if found.noun.rstrip("sx") != noun or size and not WHOLE.search(fold(sentence[:found.start]) + " "):
                continue
            near = len(context & set(analyze(sentence[max(0, found.start - 50):found.end + 50])))
            candidates.append({
                "value": found.value, "span": (s, e), "text": sentence[found.start:found.end],
                # for a whole, it is named next to its figure ("les 23 communes de l'agglomération")
                "score": 2 * near + (0 if size else len(context & sentence_terms)),
                "left": len(left & _left_terms(sentence, found.start, GENERIC_TERMS | place_terms | unit_terms)),
                "funder": _source_funder(fold(sentence[:found.start]), place) if funder else None})
    if funder and any(c["funder"] == funder for c in candidates):
        candidates = [c for c in candidates if c["funder"] == funder]
    elif max((c["left"] for c in candidates), default=0) > 0:
        top_left = max(c["left"] for c in candidates)
        candidates = [c for c in candidates if c["left"] == top_left]
    return _decide(candidates, q.value, size)


def _decide(candidates: list[dict], value: float, size: bool) -> Match:
    same = [c for c in candidates if abs(c["value"] - value) < 1e-6]
    top = max(candidates, key=lambda c: c["score"], default=None)
    if same and (not size or top["score"] == max(c["score"] for c in same)):
        best = max(same, key=lambda c: c["score"])
        return Match("supported", best["text"], best["span"])
    if top and (top["score"] > 0 or size or len(candidates) == 1 and top["left"]):
        return Match("contradicted", top["text"], top["span"])
    return Match("not_found")
