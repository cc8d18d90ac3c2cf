"""Answer matching as the evaluation defines it: case, accents, apostrophes and number words folded."""
from __future__ import annotations

import re

from assistant.nlp.text import fold


def normalize(text: str) -> str:
    """Folded text where number words are digits ("cinq ans" -> "5 ans", "une" -> "1", through text2num on
    both sides of a comparison) and spaces inside numbers removed ("10 900" -> "10900")."""
    from text_to_num import alpha2digit

    text = alpha2digit(fold(text), "fr", threshold=0)
    return re.sub(r"(?<=\d)[\s\u202f\xa0](?=\d{3}\b)", "", text)


def contains_all(text: str, needles: list[str]) -> bool:
    haystack = normalize(text)
    return all(normalize(n) in haystack for n in needles)
