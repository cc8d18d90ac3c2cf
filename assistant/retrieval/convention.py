"""Which convention a question is about, however it is typed: the question's words are matched with the names each
text gives (its territory, acronyms, the places and bodies it names, its Caf), each word weighted by how few
texts use it. Misspellings are corrected before (``CorpusSpelling.correct``); a Caf named by its département's
number ("la Caf 33") names that département.
"""
from __future__ import annotations

import math
import re
from array import array
from functools import lru_cache
from dataclasses import dataclass

from assistant.nlp.names import ACRONYM, caf_departments, name_terms, sheet_name_terms
from assistant.nlp.terms import QUESTION_FRAME
from assistant.nlp.text import TOKEN, analyze

SAINT = re.compile(r"\b[Ss]t(e)?\b(?=[ -]+[A-Za-zÀ-ÿ])")  # "Nuits-St-Georges", "ste Rose": Saint, Sainte
# How much a word of each kind of name says about the text: its own territory's name, other names it uses.
AVENANT = re.compile(r"\bavenants?\b", re.IGNORECASE)
WEIGHTS = {"territory": 1.0, "caf": 0.5, "names": 0.5, "source": 0.25}
KINDS = tuple(WEIGHTS)


@dataclass(frozen=True)
class Named:
    """A convention a question may be about, and how strongly (sum of the idf of the name words it says)."""

    doc: str
    score: float
    # the score in names said only by this text: the same for a corpus of 5 texts or of 10,000 (the selector's
    # feature; the raw score grows with the log of the corpus size)
    strength: float = 0.0


class ConventionFinder:
    """Ranks the indexed conventions by how much of their names a question says."""

    def __init__(self, sheets: list[dict], spelling=None):
        # the corpus's spelling (``CorpusSpelling``): question words are read as the corpus spells them ("uzes" is
        # "Uzès", which the stemmer treats otherwise), and an ordinary word of the question ("porte-t-elle")
        # never names a convention by itself, even when a name has it ("Port-Brenneval")
        self._spelling = spelling
        self._found = lru_cache(maxsize=1024)(lambda question: tuple(self._find(question)))
        self._docs = [s["doc"] for s in sheets]
        # an avenant names what its convention names: the two are one family, the convention its head
        self._head = {s["doc"]: s.get("amends") or s["doc"] for s in sheets}
        self._signed = {s["doc"]: s.get("signed_on") or "" for s in sheets}
        # term -> array of ``text index * 4 + kind`` (compact: a million entries for 10,000 texts)
        self._postings: dict[str, array] = {}
        for i, sheet in enumerate(sheets):
            weights: dict[str, int] = {}
            # read with the fact sheet when the index was written; computed here for older sheets
            for kind, terms in (sheet.get("name_terms") or sheet_name_terms(sheet)).items():
                code = KINDS.index(kind)
                for term in terms:
                    if term not in weights or WEIGHTS[kind] > WEIGHTS[KINDS[weights[term]]]:
                        weights[term] = code
            for term, code in weights.items():
                self._postings.setdefault(term, array("i")).append(i * 4 + code)
        n = len(sheets)
        self._idf = {t: math.log(1 + n / len(p)) for t, p in self._postings.items()}
        self._unique = math.log(1 + n) if n else 1.0  # the idf of a word one text alone uses
        # the score from which a convention is clearly named (see ``named``): a proper name of its text that
        # one other text at most uses
        self.clear = WEIGHTS["names"] * math.log(1 + n / 2)

    def find(self, question: str) -> list[Named]:
        """The conventions whose names the question says, best first (empty when it names none). Retrieval, the
        fact sheets and the conversation all ask it of one question: computed once (``self._found``)."""
        return list(self._found(question))

    def knows(self, term: str) -> bool:
        """Whether a convention is named with this analysed term (its text, its address, its Caf)."""
        return term in self._postings

    def named(self, question: str) -> str | None:
        """The document of the convention a question clearly names: the best one, alone at its score, with at
        least the weight of a proper name that its text and at most one other use."""
        ranked = self._found(question)
        if not ranked or ranked[0].score < self.clear:
            return None
        tied = [r.doc for r in ranked if r.score >= ranked[0].score]
        if len(tied) == 1:
            return tied[0]
        heads = {self._head.get(doc, doc) for doc in tied}
        if len(heads) > 1:
            return None
        # a convention and its avenants: the latest avenant when the question is about one, else the convention
        head = heads.pop()
        amendments = sorted((d for d in tied if d != head), key=lambda d: self._signed.get(d, ""))
        if amendments and AVENANT.search(question):
            return amendments[-1]
        return head if head in tied else None

    def _find(self, question: str) -> list[Named]:
        question = SAINT.sub(lambda m: "Sainte" if m.group(1) else "Saint", question)
        if self._spelling is not None:
            question = self._spelling.restore(question)
        words = TOKEN.findall(question)
        proper = " ".join(w for w in words if self._spelling is None or self._spelling.is_name(w)
                          or ACRONYM.fullmatch(w) and all(map(self.knows, analyze(w))))
        pairs = {t for t in name_terms(" ".join(words)) if " " in t}  # a name said in full counts, case aside
        terms = (name_terms(" ".join([proper, *caf_departments(question)])) | pairs) - QUESTION_FRAME
        scores: dict[int, float] = {}
        for term in terms:
            for entry in self._postings.get(term, ()):
                i, code = divmod(entry, 4)
                scores[i] = scores.get(i, 0.0) + self._idf[term] * WEIGHTS[KINDS[code]]
        ranked = sorted(scores.items(), key=lambda item: (-item[1], self._docs[item[0]]))
        return [Named(self._docs[i], round(score, 6), round(score / self._unique, 6)) for i, score in ranked]


# Words every passage of a convention implies: what it is and its territory's kind
CONVENTION_WORDS = frozenset(analyze("CTG convention territoriale globale cc ca cu communauté communes agglomération "
                                     "ville commune caf"))


def without_names(question: str, sheet: dict | None) -> str | None:
    """The question without the words that name a convention (its territory, acronyms, Caf, "CTG"): what tells
    the passages of that convention apart. None when nothing else is left."""
    if not sheet:
        return None
    place = sheet.get("territory") or {}
    naming = set(analyze(" ".join([place.get("name") or "", *(place.get("aliases") or []), sheet.get("caf") or ""])))
    naming |= CONVENTION_WORDS
    kept = [w for w in TOKEN.findall(question) if not set(analyze(w)) or not set(analyze(w)) <= naming]
    rest = " ".join(kept)
    return rest if analyze(rest) else None
