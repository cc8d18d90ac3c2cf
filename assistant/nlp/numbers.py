"""Numbers written in digits or in French words: "7 500" -> 7500, "dix-neuf" -> 19, "quatre-vingt-dix" -> 90.

Number words are read by text2num (the whole French grammar of numbers: "quatre-vingts", "deux mille vingt-trois",
"soixante et onze"), digits with French separators (spaces, non-breaking spaces, dots) and decimal comma here.
"""
from __future__ import annotations

import re

from assistant.nlp.text import fold

DIGITS = re.compile(r"\d+(?:,\d+)?")


def parse_number(words: str) -> float | None:
    """The value of a number in digits or French words, None when it is not one."""
    from text_to_num import text2num

    w = fold(words).replace("\u202f", " ").replace("\xa0", " ").strip()
    digits = w.replace(" ", "").replace(".", "")
    if DIGITS.fullmatch(digits):
        return float(digits.replace(",", "."))
    try:
        return float(text2num(w, "fr"))
    except ValueError:  # not a number ("une politique")
        return None
