"""What a question asks for, and which sentences look like that kind of answer."""
from __future__ import annotations

import re

from .text import fold

# Question kinds, tested in order on the folded question.
KIND_PATTERNS = [
    ("period", r"jusqu'?(a|en) quand|jusqu'en|quelle periode|sur quelle(s)? annee|duree|combien de temps"
               r"|pour combien d'annees|court[- ]elle|se termine|prend fin|echeance|periode"),
    ("date", r"\bquand\b|quelle date|quel jour|en quelle annee|date|quel mois"),
    ("signatories", r"\bqui\b|signataire|elus?\b|represent|personne|maire|directeur|directrice|president"),
    ("figures", r"combien|quel montant|montant|nombre|cout|financ"),
    ("domains", r"domaine|champ|thematique|secteur"),
    ("objectives", r"objectif|axe|enjeu|ambition|vise|priorite|but\b"),
    ("actions", r"action|mesure|projet|prevoit|concretement|realis"),
    ("territory", r"commune|territoire|ville|intercommunal|agglo"),
    ("definition", r"qu'est-ce|c'est quoi|definition|a quoi sert|role|en quoi consiste"),
]
LIST_KINDS = {"objectives", "actions", "domains"}
# Kinds whose answer has a recognisable shape (a date, a number, a person).
SHAPED_KINDS = {"date", "period", "figures", "signatories"}

YEAR = re.compile(r"\b(19|20)\d{2}\b")
YEAR_RANGE = re.compile(r"\b(19|20)\d{2}\s*[-–/]\s*(19|20)\d{2}\b|jusqu.{1,3}en (19|20)\d{2}")
MONTHS = r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
DAY_DATE = re.compile(rf"\b\d{{1,2}}(er)? ({MONTHS})\b|\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b")
MONTH_YEAR = re.compile(rf"\b({MONTHS}) (19|20)\d{{2}}\b")
NUMBER = re.compile(r"\d")
DURATION = re.compile(r"\b\d+ ans\b|\bcinq ans\b|\bquatre ans\b|\bperiode\b|\bpluriannuel")
PERSON = re.compile(r"\b[A-ZÉÈ][a-zéèëêïîôç]+(?:[- ][A-ZÉÈ][a-zéèëêïîôç]+)* [A-ZÉÈ][A-ZÉÈa-zéèëêïîôç-]+\b")
ROLE = re.compile(r"\b(maire|directeur|directrice|president|presidente|adjoint|adjointe|conseiller"
                  r"|vice-president|elu|signe|signataire)")
BULLET_START = re.compile(r"^\s*(?:[•\-–—*▪◦·○●]|\d{1,2}[).])\s*")


def question_kind(question: str) -> str:
    """One of the kinds in ``KIND_PATTERNS``, or ``other``."""
    q = fold(question)
    for kind, pattern in KIND_PATTERNS:
        if re.search(pattern, q):
            return kind
    return "other"


def kind_bonus(kind: str, sentence: str, is_list_item: bool) -> float:
    """How much a sentence looks like the kind of answer asked for (0..1)."""
    f = fold(sentence)
    if kind == "period":
        return 1.0 if YEAR_RANGE.search(f) else 0.6 if (DURATION.search(f) or YEAR.search(f)) else 0.0
    if kind == "date":
        dated = YEAR.search(YEAR_RANGE.sub(" ", f))  # "jusqu'en 2026" is an end, not a date
        if DAY_DATE.search(f) and dated:
            return 1.0
        return 0.6 if DAY_DATE.search(f) or MONTH_YEAR.search(f) else 0.3 if dated else 0.0
    if kind == "signatories":
        persons = len(PERSON.findall(sentence))
        return min(1.0, 0.4 * persons + (0.4 if ROLE.search(f) else 0.0))
    if kind == "figures":
        return 1.0 if NUMBER.search(f) else 0.0
    if kind in LIST_KINDS:
        return 1.0 if is_list_item or sentence.rstrip().endswith(":") else 0.3
    return 0.0


def strip_bullet(sentence: str) -> str:
    return BULLET_START.sub("", sentence, count=1).strip()
