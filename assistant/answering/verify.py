"""Check a generated answer sentence by sentence against the passages each sentence cites.

A sentence is kept only when it cites at least one of the given passages, every number, date and name it
contains is in those passages, and it is close in meaning to them (most of its content words are said there,
exactly, by stem prefix, or as near-synonyms). Everything else is dropped, and the caller says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.nlp.terms import GENERIC_TERMS, matches
from assistant.nlp.text import analyze, fold
from assistant.nlp.vocab import MONTHS_FOLDED

CITE = re.compile(r"\[(\d+)\]")
SENTENCE_END = re.compile(r"(?<=[.!?…])(?:\s*(?:\[\d+\])+)?\s+(?=[A-ZÀ-ÝÉÈ«\"(])|(?<=\])\s+(?=[A-ZÀ-ÝÉÈ«\"(])")
NUMBER = re.compile(r"\d(?:[\d\u202f\xa0 .,]*\d)?")
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÉÈÎÔ][\w’'-]{2,}")
COMMON = {"caf", "ctg", "cafs", "les", "elle", "ils", "cette", "convention", "ville", "commune", "communauté"}
MIN_COVERAGE = 0.5


@dataclass
class Checked:
    sentences: list[str] = field(default_factory=list)  # kept, with their [n]
    dropped: list[str] = field(default_factory=list)
    cited: list[int] = field(default_factory=list)  # passage numbers cited by kept sentences, in order


def split_sentences(text: str) -> list[str]:
    """Sentences with their trailing citations ("… 2028 [1]. Elle …" -> two sentences)."""
    pieces, start = [], 0
    for m in SENTENCE_END.finditer(text):
        pieces.append(text[start:m.start()].strip())
        start = m.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[\s\u202f\xa0.,]", "", m.group(0)) for m in NUMBER.finditer(text)}


def supported(sentence: str, evidence: str) -> bool:
    """Names, numbers and months of ``sentence`` are in ``evidence``, and most of its words are said there."""
    claim = CITE.sub(" ", sentence)
    evidence_f = fold(evidence)
    if not _numbers(claim) <= _numbers(evidence):
        return False
    if any(fold(m.group(0)) not in evidence_f for m in NAME.finditer(claim) if fold(m.group(0)) not in COMMON):
        return False
    if any(month in fold(claim).split() and month not in evidence_f for month in MONTHS_FOLDED):
        return False
    terms = [t for t in set(analyze(claim)) - GENERIC_TERMS if not t.isdigit()]
    if not terms:
        return True
    said = set(analyze(evidence))
    return sum(1 for t in terms if matches(t, said)) / len(terms) >= MIN_COVERAGE


def check(text: str, passages: dict[int, str]) -> Checked:
    """Keep the sentences of ``text`` supported by the passages they cite (``{n: passage text}``)."""
    result = Checked()
    for sentence in split_sentences(text):
        cited = [int(n) for n in CITE.findall(sentence) if int(n) in passages]
        if cited and supported(sentence, " ".join(passages[n] for n in dict.fromkeys(cited))):
            result.sentences.append(sentence)
            result.cited += [n for n in cited if n not in result.cited]
        else:
            result.dropped.append(sentence)
    return result
