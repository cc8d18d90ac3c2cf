"""Which convention a question is about, however it is typed: the question's words are matched with the names each
text gives (its territory, acronyms, the places and bodies it names, its Caf), each word weighted by how few
texts use it. Misspellings are corrected before (``CorpusSpelling.correct``); a Caf named by its département's
number ("la Caf 33") names that département.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.nlp.names import caf_departments
from assistant.nlp.terms import GENERIC_TERMS, QUESTION_FRAME
from assistant.nlp.text import analyze
from assistant.nlp.vocab import MONTHS

# Words every text's names share: a convention, a Caf, a kind of territory (not what tells texts apart).
NAME_NOISE = set(analyze("convention territoriale globale caisse allocations familiales communauté communes "
                         "commune agglomération métropole ville mairie conseil président présidente maire mme "
                         "madame monsieur directeur directrice " + " ".join(MONTHS))) | GENERIC_TERMS
# How much a word of each kind of name says about the text: its own territory's name, other names it uses.
WEIGHTS = {"territory": 1.0, "caf": 0.5, "names": 0.5, "source": 0.25}


@dataclass(frozen=True)
class Named:
    """A convention a question may be about, and how strongly (sum of the idf of the name words it says)."""

    doc: str
    score: float


class ConventionFinder:
    """Ranks the indexed conventions by how much of their names a question says."""

    def __init__(self, sheets: list[dict]):
        self._docs = [s["doc"] for s in sheets]
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for i, sheet in enumerate(sheets):
            weights: dict[str, float] = {}
            for kind, text in _names(sheet):
                for term in _terms(text):
                    weights[term] = max(weights.get(term, 0.0), WEIGHTS[kind])
            for term, weight in weights.items():
                self._postings.setdefault(term, []).append((i, weight))
        n = len(sheets)
        self._idf = {t: math.log(1 + n / len(p)) for t, p in self._postings.items()}
        # the score from which a convention is clearly named (see ``named``): a proper name of its text that
        # one other text at most uses
        self.clear = WEIGHTS["names"] * math.log(1 + n / 2)

    def find(self, question: str) -> list[Named]:
        """The conventions whose names the question says, best first (empty when it names none)."""
        return self._find(question)

    def named(self, question: str) -> str | None:
        """The document of the convention a question clearly names: the best one, alone at its score, with at
        least the weight of a proper name that its text and at most one other use."""
        ranked = self._find(question)
        if not ranked or len(ranked) > 1 and ranked[1].score >= ranked[0].score:
            return None
        return ranked[0].doc if ranked[0].score >= self.clear else None

    def _find(self, question: str) -> list[Named]:
        terms = _terms(" ".join([question, *caf_departments(question)])) - QUESTION_FRAME
        scores: dict[int, float] = {}
        for term in terms:
            for i, weight in self._postings.get(term, ()):
                scores[i] = scores.get(i, 0.0) + self._idf[term] * weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], self._docs[item[0]]))
        return [Named(self._docs[i], round(score, 6)) for i, score in ranked]


def _terms(text: str) -> set[str]:
    """The name words of a text, and each pair of consecutive ones ("saint georg"): a pair is rarer than its
    words, so a name said in full outweighs texts that share one of its words."""
    terms = [t for t in analyze(text) if t not in NAME_NOISE]
    return set(terms) | {f"{a} {b}" for a, b in zip(terms, terms[1:])}


def _names(sheet: dict):
    territory = sheet.get("territory") or {}
    yield "territory", " ".join([territory.get("name") or "", *territory.get("aliases", [])])
    yield "caf", re.sub(r"(?i)\bcaf\b", " ", sheet.get("caf") or "")
    yield "names", " ".join(sheet.get("names", []))
    yield "source", " ".join(sheet.get("source_names", []))
