"""Extractive answers: the best 1–3 sentences of the retrieved passages, each cited, or a refusal."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import messages
from .chunking import BULLET, sentence_spans
from .config import Settings
from .lexical import LexicalIndex
from .qtypes import LIST_KINDS, SHAPED_KINDS, kind_bonus, question_kind, strip_bullet
from .results import Answer, Citation
from .retrieval import Hit
from .text import analyze

CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZÉÈÎ][\w'’.-]+)")
# Words of nearly every question about a convention: satisfied by the document, not the sentence.
GENERIC_TERMS = {"ctg", "caf", "convent", "territorial", "global", "vill", "commun", "communaut"}
# Words that frame a question rather than say what it asks for ("selon l'article", "comment s'appelle").
QUESTION_FRAME = set(analyze("appelle nom mentionné mentionnée article document texte communiqué selon après "
                             "indique précise évoque cite citée figure parle dit source exactement"))


@dataclass
class Candidate:
    hit_index: int
    start: int
    end: int
    text: str
    score: float
    coverage: float
    is_list_item: bool


def named_terms(question: str) -> set[str]:
    """Analysed tokens of the capitalised words (places, people) inside the question."""
    words = [m.group(1) for m in CAPITALISED.finditer(question.strip())]
    return {t for w in words for t in analyze(w) if t not in GENERIC_TERMS}


def _matches(term: str, terms: set[str]) -> bool:
    """Exact stem match, or a long shared prefix (signataire ~ signé, construire ~ construction)."""
    if term in terms:
        return True
    return len(term) >= 4 and any(_shared_prefix(term, t) >= max(4, 0.75 * min(len(term), len(t))) for t in terms)


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


class ExtractiveAnswerer:
    """Selects and cites sentences; refuses when the evidence does not cover the question."""

    def __init__(self, lexical: LexicalIndex, settings: Settings, document_text):
        self._lexical = lexical
        self._settings = settings
        self._document_text = document_text  # doc_id -> full text

    def _focus(self, question: str, names: set[str]) -> dict[str, float]:
        """What the answer sentence itself must say: the question's terms minus names and generic
        words, weighted by idf; a term the corpus never uses weighs as much as the rarest one."""
        terms = set(analyze(question)) - names - GENERIC_TERMS - QUESTION_FRAME
        top = max((self._lexical.idf(t) for t in terms), default=1.0) or 1.0
        return {t: (self._lexical.idf(t) or top) for t in terms}

    def _candidates(self, question: str, kind: str, hits: list[Hit]) -> list[Candidate]:
        names = named_terms(question)
        focus = self._focus(question, names)
        total = sum(focus.values())
        best_retrieval = hits[0].score or 1.0
        out = []
        for rank, hit in enumerate(hits):
            node = hit.node
            doc_text = self._document_text(node.ref_doc_id)
            meta = node.metadata
            doc_terms = set(analyze(f"{meta.get('title', '')} {meta.get('territory', '')} {doc_text}"))
            # A question that names a place or person is answered from documents that name it too.
            name_match = (len(names & doc_terms) / len(names)) if names else 1.0
            previous: set[str] = set()
            for start, end in sentence_spans(doc_text, meta["start"], meta["end"]):
                sentence = doc_text[start:end]
                terms = set(analyze(sentence))
                own = sum(w for t, w in focus.items() if _matches(t, terms))
                near = sum(w for t, w in focus.items() if not _matches(t, terms) and _matches(t, previous))
                coverage = (own + 0.5 * near) / total if total else 1.0
                previous = terms
                item = bool(BULLET.match(sentence))
                score = (0.6 * coverage + 0.25 * kind_bonus(kind, sentence, item)
                         + 0.15 * hit.score / best_retrieval) * (0.3 + 0.7 * name_match)
                shape = kind_bonus(kind, sentence, item) if kind in SHAPED_KINDS else 1.0
                confidence = coverage * name_match * (0.6 + 0.4 * shape)
                out.append(Candidate(rank, start, end, sentence, score, confidence, item))
        return out

    def answer(self, question: str, hits: list[Hit]) -> Answer:
        if not hits:
            return Answer(messages.REFUSAL, refused=True)
        kind = question_kind(question)
        candidates = sorted(self._candidates(question, kind, hits), key=lambda c: -c.score)
        best = candidates[0]
        unknown = [t for t in named_terms(question) if not self._lexical.knows(t)]
        confidence = best.coverage if not unknown else 0.0
        if confidence < self._settings.refusal_threshold:
            return Answer(messages.REFUSAL, refused=True, confidence=confidence)
        chosen = self._select(best, candidates, kind)
        return self._compose(chosen, hits, confidence)

    def _select(self, best: Candidate, candidates: list[Candidate], kind: str) -> list[Candidate]:
        s = self._settings
        chosen = [best]
        limit = s.max_answer_chars * (1.5 if kind in LIST_KINDS else 1.0)
        size = len(best.text)
        if kind in LIST_KINDS and (best.text.rstrip().endswith(":") or best.is_list_item):
            # A list answer: the intro or item, then the next items of the same list, in order.
            following = sorted((c for c in candidates if c.hit_index == best.hit_index and c.start > best.start
                                and c.is_list_item), key=lambda c: c.start)
            for cand in following:
                if size + len(cand.text) > limit:
                    break
                chosen.append(cand)
                size += len(cand.text)
            return chosen
        for cand in candidates[1:]:
            if len(chosen) >= s.max_answer_sentences or cand.score < 0.85 * best.score:
                break
            if any(c.hit_index == cand.hit_index and c.start == cand.start for c in chosen):
                continue
            if size + len(cand.text) > limit:
                continue
            chosen.append(cand)
            size += len(cand.text)
        return sorted(chosen, key=lambda c: (c.hit_index, c.start)) if len(chosen) > 1 else chosen

    def _compose(self, chosen: list[Candidate], hits: list[Hit], confidence: float) -> Answer:
        numbers: dict[int, int] = {}
        highlights: dict[int, list[tuple[int, int]]] = {}
        parts = []
        for cand in chosen:
            n = numbers.setdefault(cand.hit_index, len(numbers) + 1)
            highlights.setdefault(cand.hit_index, []).append((cand.start, cand.end))
            parts.append(f"{strip_bullet(cand.text)} [{n}]")
        citations = []
        for hit_index, n in numbers.items():
            hit = hits[hit_index]
            meta = hit.node.metadata
            citations.append(Citation(n=n, doc=meta["doc"], title=meta.get("title", ""), text=hit.node.get_content(),
                                      start=meta["start"], end=meta["end"], score=round(hit.score, 4),
                                      highlights=tuple(highlights[hit_index])))
        return Answer(text=" ".join(parts), refused=False, citations=citations, confidence=confidence)
