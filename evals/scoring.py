"""Answer matching as the evaluation defines it: case, accents, apostrophes and number words folded."""
from __future__ import annotations

import re

from assistant.nlp.text import NUMBER_WORDS, fold

_NUMBER_WORD = re.compile(r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b")
_ARTICLES = {"un", "une"}  # as articles they are not numbers; folded only when followed by a unit below
_UNITS = r"(ans?|annees?|mois|communes?|axes?|jours?|domaines?|thematiques?|objectifs?|semaines?)"


def normalize(text: str) -> str:
    """Folded text where number words are digits ("cinq ans" -> "5 ans") and spaces in numbers removed."""
    text = fold(text)

    def digit(match: re.Match) -> str:
        word = match.group(1)
        return NUMBER_WORDS[word]

    text = re.sub(r"\b(" + "|".join(w for w in NUMBER_WORDS if w not in _ARTICLES) + r")\b", digit, text)
    text = re.sub(r"\b(un|une) (?=" + _UNITS + r"\b)", "1 ", text)
    text = re.sub(r"(?<=\d)[\s\u202f\xa0](?=\d{3}\b)", "", text)  # 10 900 -> 10900
    return text


def contains_all(text: str, needles: list[str]) -> bool:
    haystack = normalize(text)
    return all(normalize(n) in haystack for n in needles)
