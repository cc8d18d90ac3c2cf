"""Sentences and list items of a text, as character spans (lines first, then sentence ends)."""
from __future__ import annotations

import re

# list markers: symbols (Word's "o" and arrows included) before a capital, numbers, letters
BULLET = re.compile(r"^\s*(?:[•\-–—*▪◦·○●➢►✓✔]|o(?=\s+[A-ZÀ-ÖØ-Ý])|\d{1,2}[).]|[a-z][)])\s+")
# a sentence ends at a full stop and a space before a capital; web pages also run sentences together without the
# space ("la commune.Elle signe"): a word, its stop, then a capitalised word
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"(A-ZÀ-ÖØ-Ý0-9])|(?<=[a-zà-öø-ÿ]{3}[.!?])(?=[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]{2})")
LIST_NUMBER = re.compile(r"\d{1,2}[.)]")
# A full stop that ends an abbreviation, not a sentence: "M. Dupont", "Mme. X", "J. Martin", "cf. l'article".
ABBREVIATION = re.compile(r"(?:\b(?:MM|Mr|Mme|Mlle|Dr|Pr|Me|St|Ste|cf|av|bd|art)|(?<![\w.])[A-ZÀ-Ý])\.$")
# A month shortened before its year or day ends no sentence either: "Sept. 2027", "janv. 2025".
MONTH_ABBREVIATION = re.compile(r"\b(?:janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)\.$", re.I)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences and list items of ``text[start:end]`` (lines, then sentence ends)."""
    end = len(text) if end is None else end
    spans, offset = [], start
    for line in text[start:end].split("\n"):
        s, e = trimmed(text, offset, offset + len(line))
        offset += len(line) + 1
        if s == e:
            continue
        cursor = s
        for match in SENTENCE_END.finditer(text, s, e):
            if LIST_NUMBER.fullmatch(text[cursor:match.start()]) or ABBREVIATION.search(text, cursor, match.start()) \
                    or MONTH_ABBREVIATION.search(text, cursor, match.start()) and text[match.end()].isdigit():
                continue  # "1. Un relais…", "M. Dupont", "Sept. 2027": the stop ends no sentence
            spans.append((cursor, match.start()))
            cursor = match.end()
        spans.append((cursor, e))
    return spans
