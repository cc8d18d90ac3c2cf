"""What an answer must hold for the question it answers: a person for "qui préside…", a year for "jusqu'à quelle
année…", a count for "combien de places…".

A composed answer without it does not answer, whatever its probability: the selector refuses then when its model
file says so (``answer_gate``, kept by ``ctg train`` only when it raises out-of-fold accuracy). These read how French
asks for a person, a year or a count; they name no document.
"""
from __future__ import annotations

import re
from typing import Callable

from assistant.answering.qtypes import YEAR, counted_noun, folded_question, has_shape, question_kind
from assistant.facts.people import NAME, TITLED
from assistant.nlp.text import fold
from assistant.nlp.vocab import MONTH, WEEKDAY

# "qui a signé", "qui préside", "qui représentait", "comment s'appelle", "le nom du maire", "quel élu": a person is
# asked for. Not "qui a fait le diagnostic" or "qui doit s'impliquer" (a body answers them), nor the names of places.
PERSON_ASKED = re.compile(
    r"\bqui (?:(?:l'|la |les |y )?(?:a|ont|avait|avaient) )?(?:sign|paraph|represent|presid|dirig|etai(?:t|ent) la\b)"
    r"|\bqui (?:est|etait|sont) (?:le |la |les |l')?(?:maire|president|directeur|directrice|elu|adjoint|vice)"
    r"|comment s'?appell?e"
    r"|\bnoms?\b(?! de(?:s)? (?:communes?|partenaires|la commune|l'?intercommunalite|la convention|la ctg|la caf))"
    r"|\bquel(?:le)?s? (?:elue?s?|maires?|presidente?s?|directeur|directrice)\b")
# "jusqu'à quelle année", "jusqu'à quand", "quand prend-elle fin", "échéance": the end of a period, a year.
YEAR_ASKED = re.compile(r"quelle annee|jusqu'?\s*a? ?quand|jusqu'?en quelle|\becheance\b|\bexpire"
                        r"|quand (?:se termine|prend fin|s'acheve|arrive a (?:son )?(?:terme|echeance))")
# the role a person is asked by ("qui est le maire", "qui préside"): the answer must say it (folded stem -> what
# says it in the answer)
ROLES = {"maire": r"\bmaire\b", "adjoint": r"\badjointe?s?\b", "presid": r"\bpresid", "direct": r"\bdir(?:ect|ig)",
         "dirig": r"\bdir(?:ect|ig)"}
ROLE_ASKED = re.compile(r"\b(maire|adjoint|presid|direct|dirig)")
# a length of time or years: what a period or a duration is said with ("2022-2025", "pour quatre ans")
SPAN = re.compile(r"\b(?:\d+|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) (?:ans|annees|mois)\b")
# a month, a day, or a time said relative to the text's own date ("mi-décembre", "mardi", "la semaine dernière")
DATE_WORDS = re.compile(rf"\b(?:{MONTH}|{WEEKDAY}|hier|aujourd'hui|semaine|\d{{1,2}}/\d{{1,2}})\b")
# a length of time is no count ("conclue pour 5 ans" does not say how many families)
DURATION = re.compile(r"\b\d+ (?:ans|annees|mois|jours|semaines)\b", re.IGNORECASE)


def asked_shapes(question: str) -> list[str]:
    """The shapes the question cannot be answered without: "person" (and "role:R" when it is asked by its role),
    "year", "date", "period", "count"."""
    q = folded_question(question)
    kind = question_kind(question)
    shapes = ["date"] if kind in ("date", "year") else ["period"] if kind in ("period", "duration") else []
    if PERSON_ASKED.search(q):
        shapes.append("person")
        shapes += [f"role:{m.group(1)}" for m in ROLE_ASKED.finditer(q)][:1]
    if YEAR_ASKED.search(q):
        shapes.append("year")
    if counted_noun(question):
        shapes.append("count")
    return shapes


def names_person(text: str, is_name: Callable[[str], bool]) -> bool:
    """A civility title and a name ("Mme Lorand"), or a first name and a surname whose first word the corpus never
    writes in lower case ("Jean Valmont", not "Conventions Territoriales")."""
    if TITLED.search(text):
        return True
    return any(is_name(re.split(r"[- ]", m.group(1))[0]) for m in NAME.finditer(text))


def holds(shape: str, text: str, is_name: Callable[[str], bool]) -> bool:
    if shape == "person":
        return names_person(text, is_name)
    if shape == "year":
        return bool(YEAR.search(fold(text)))
    if shape == "date":
        return bool(YEAR.search(fold(text)) or DATE_WORDS.search(fold(text)))
    if shape == "period":
        return bool(YEAR.search(fold(text)) or SPAN.search(fold(text)))
    if shape.startswith("role:"):
        return bool(re.search(ROLES[shape[5:]], fold(text)))
    return has_shape("figures", DURATION.sub(" ", text))


def answer_lacks(question: str, texts: list[str], is_name: Callable[[str], bool]) -> bool:
    """Whether the answer's sentences miss a shape the question asks for."""
    text = " ".join(texts)
    return any(not holds(shape, text, is_name) for shape in asked_shapes(question))


def shaped(question: str, candidates: list, is_name: Callable[[str], bool]):
    """The most likely candidate of the best candidate's text that holds every shape the question asks for, or
    None: the answer when the composed one lacks them and the model file says so (``answer_gate = "fallback"``)."""
    shapes = asked_shapes(question)
    best = candidates[0]
    return next((c for c in candidates if c.doc == best.doc and all(holds(s, c.text, is_name) for s in shapes)),
                None)
