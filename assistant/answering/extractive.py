"""Extractive answers: the best 1–3 sentences of the retrieved passages, each cited, or a refusal.

Each sentence of the retrieved passages is described by features (``_features``); the learned selector
(``selector.py``, fit by ``ctg train``) turns them into the probability that the sentence holds the answer.
The best sentence is refused under the fitted threshold; sentences close to it in probability join it."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant import messages
from assistant.answering.compose import lacks_shape, select
from assistant.answering.narrowing import Narrower
from assistant.answering.shapes import answer_lacks, shaped
from assistant.answering.qtypes import (
    LIST_KINDS,
    SHAPED_KINDS,
    STRICT_KINDS,
    asks_plural,
    counted_noun,
    form_factor,
    introduces,
    kind_bonus,
    kind_terms,
    named_terms,
    question_kind,
    strip_bullet,
)
from assistant.answering.selector import BASE, FEATURES, SentenceSelector, derived
from assistant.config import Settings
from assistant.nlp.segment import BULLET, sentence_spans
from assistant.nlp.terms import GENERIC_TERMS, QUESTION_FRAME, defined_acronyms, matches
from assistant.nlp.text import analyze, surface_forms
from assistant.nlp.wordsim import closeness
from assistant.results import Answer, Citation
from assistant.retrieval.hybrid import Hit
from assistant.store.index import IndexHandle
from assistant.store.lexical import LexicalIndex
from assistant.store.sentences import sentence_vectors, word_sentence_vectors, word_vector

SOFT_MATCH = 0.6  # word-vector cosine from which two words count as near-synonyms


@dataclass
class Candidate:
    """A sentence of a retrieved passage and the features that score it."""

    hit_index: int
    start: int
    end: int
    text: str
    is_list_item: bool
    coverage: float  # idf-weighted share of the question's focus terms the sentence says
    shape: float  # how much it looks like the kind of answer asked for (date, person, number…)
    similarity: float  # cosine of the sentence and question embeddings
    retrieval: float  # fused score of its passage, relative to the best passage
    name_match: float  # share of the question's names found in its document
    form: float  # 1, or less for headings and questions
    doc: str = ""
    features: np.ndarray | None = None
    score: float = 0.0  # probability that it holds the answer


class ExtractiveAnswerer:
    """Selects and cites sentences; refuses when the evidence does not cover the question."""

    def __init__(self, handle: IndexHandle, settings: Settings, selector: SentenceSelector | None = None,
                 names_convention=None):
        self._handle = handle
        # whether a term names a convention, by its address or Caf too (``ConventionFinder.knows``)
        self._names_convention = names_convention or (lambda term: False)
        self.selector = selector or SentenceSelector.load()
        self._lexical: LexicalIndex = handle.lexical
        self._settings = settings
        self._document_text = handle.document_text  # doc_id -> full text
        self._aliases: dict[str, set[str]] = {}
        self._narrower = Narrower(handle)  # heading paths and pages; what a question points to

    def _focus(self, question: str, names: set[str], kind: str) -> dict[str, float]:
        """What the answer sentence itself must say: the question's terms minus names and generic
        words, weighted by idf; a term the corpus never uses weighs 0.6 of the rarest one."""
        terms = set(analyze(question)) - names - GENERIC_TERMS - QUESTION_FRAME
        rarest = 0.6 * self._lexical.max_idf
        return {t: (self._lexical.idf(t) or rarest) for t in terms}

    def candidates(self, question: str, hits: list[Hit], embedding=None, named=()) -> list[Candidate]:
        """Every sentence of the retrieved passages with its features and probability (best first)."""
        if not hits:
            return []
        kind = question_kind(question)
        out = self._candidates(question, kind, hits, embedding)
        if out:
            context = self._question_context(question, kind, hits, named)
            matrix = derived(np.array([self._features(c, hits, context) for c in out]), BASE)
            for cand, row, p in zip(out, matrix, self.selector.probabilities(matrix)):
                cand.features, cand.score = row, float(p)
            out = self._narrower.narrow(question, out, hits)
        return sorted(out, key=lambda c: (-c.score, c.hit_index, c.start))

    def _candidates(self, question: str, kind: str, hits: list[Hit], embedding) -> list[Candidate]:
        names = named_terms(question)
        base_focus = self._focus(question, names, kind)
        # Words that name the kind of question ("jusqu'à quand", "objectifs") are said by a sentence
        # that has the answer's form (a period, a list item), whether or not it repeats them.
        formal = kind_terms(kind) & set(base_focus)
        surfaces = surface_forms(question)
        noun = counted_noun(question)
        plural = asks_plural(question)
        best_retrieval = hits[0].score or 1.0
        vectors, query = self._similarity_inputs(question, hits, embedding)
        out = []
        for rank, hit in enumerate(hits):
            node = hit.node
            doc_text = self._document_text(node.ref_doc_id)
            name_match, focus, required, known = self._document_focus(node, doc_text, names, base_focus)
            total = sum(focus.values())
            previous: set[str] = set()
            for start, end in sentence_spans(doc_text, node.metadata["start"], node.metadata["end"]):
                sentence = doc_text[start:end]
                terms = set(analyze(sentence))
                item = bool(BULLET.match(sentence))
                shape = kind_bonus(kind, sentence, item, noun, plural, known)
                # a sentence says what its heading says ("Fiche action 1.5" over "Le budget … 41 500 €"), and
                # half of what the parts above it say
                heading, parts = self._headings(node.ref_doc_id, start)
                said = (terms | formal if shape >= 0.6 else terms) | heading
                covered = self._covered(focus, said, previous | parts, surfaces, sentence)
                missing = any(not self._says(t, said | previous | parts) for t in required)
                previous = terms
                vector = vectors.get((node.node_id, start))
                similarity = float(vector @ query) if vector is not None and query is not None else 0.0
                out.append(Candidate(
                    rank, start, end, sentence, item, coverage=covered / total if total else 1.0,
                    shape=shape, similarity=similarity, retrieval=max(0.0, hit.score) / best_retrieval,
                    name_match=name_match * (0.5 if missing else 1.0), form=form_factor(sentence, item),
                    doc=node.metadata.get("doc", "")))
        return out

    def _headings(self, doc_id: str, offset: int) -> tuple[set[str], set[str]]:
        """The terms of the heading a sentence is under, and of the parts above that heading."""
        section = self._narrower.section(doc_id, offset)
        if section is None:
            return set(), set()
        _, heading, path = section
        return heading, path - heading

    def _question_context(self, question: str, kind: str, hits: list[Hit], named) -> dict:
        """What the features of every candidate of one question share."""
        terms = set(analyze(question)) - GENERIC_TERMS - QUESTION_FRAME
        return {"kind": kind, "terms": {t: self._lexical.idf(t) or self._lexical.max_idf for t in terms},
                "named": named[0].doc if named else None,
                "strength": min(named[0].strength, 3.0) if named else 0.0,
                "bm25": max(h.bm25 for h in hits) or 1.0,
                "unknown": float(any(not self._lexical.knows(t) for t in named_terms(question)))}

    def _features(self, c: Candidate, hits: list[Hit], q: dict) -> list[float]:
        """The candidate's values of ``selector.FEATURES``, in that order."""
        hit, kind = hits[c.hit_index], q["kind"]
        said = set(analyze(c.text))
        total = sum(q["terms"].values())
        overlap = sum(w for t, w in q["terms"].items() if t in said) / total if total else 0.0
        doc_length = len(self._document_text(hit.node.ref_doc_id)) or 1
        values = {
            "coverage": c.coverage, "shape": c.shape, "similarity": c.similarity, "retrieval": c.retrieval,
            "name_match": c.name_match, "form": c.form, "list_item": float(c.is_list_item), "overlap": overlap,
            "named_doc": float(q["named"] is not None and c.doc == q["named"]),
            "named_other": float(q["named"] is not None and c.doc != q["named"]),
            "named_strength": q["strength"], "rank": 1.0 / (1 + c.hit_index), "bm25": hit.bm25 / q["bm25"],
            "dense": hit.dense, "position": c.start / doc_length, "length": min(len(c.text) / 200, 3.0),
            "list_intro": float(kind in LIST_KINDS and introduces(c.text)),
            "shape_strict": c.shape * (kind in STRICT_KINDS), "shape_shaped": c.shape * (kind in SHAPED_KINDS),
            "item_list": float(c.is_list_item and kind in LIST_KINDS), "unknown_name": q["unknown"],
        }
        return [values[f] for f in FEATURES[:BASE]]

    def _similarity_inputs(self, question: str, hits: list[Hit], embedding) -> tuple[dict, np.ndarray | None]:
        """The vectors of the hits' sentences, by ``(node id, start)``, and the question's vector to compare
        them with (None when there is none): embeddings, or mean word vectors."""
        if self._settings.sentence_similarity == "embeddings":
            vectors = sentence_vectors(self._handle.sentences, [h.node.node_id for h in hits])
            query = np.asarray(embedding, dtype=np.float32) if embedding is not None else None
            if query is not None:
                query /= np.linalg.norm(query) or 1.0
        else:
            vectors = word_sentence_vectors([h.node for h in hits], self._document_text)
            query = word_vector(question)
        return vectors, query

    def _document_focus(self, node, doc_text: str, names: set[str],
                        base_focus: dict[str, float]) -> tuple[float, dict[str, float], set[str], frozenset[str]]:
        """For the sentences of one passage: the share of the question's names its document says, the focus
        terms with their weights, the names each sentence must say, and the terms ``kind_bonus`` knows."""
        meta = node.metadata
        subject = set(analyze(f"{meta.get('territory', '')} {meta.get('caf', '')}"))
        subject |= self._subject_aliases(node.ref_doc_id, subject)
        context = subject | set(analyze(meta.get("title", "")))
        doc_terms = context | set(analyze(doc_text))
        # A question that names a place or person is answered from documents that name it too;
        # a name that is not the document's own subject must be in the answer sentence itself.
        name_match = (len(names & doc_terms) / len(names)) if names else 1.0
        # The document's own territory and Caf are said by the document, not by each sentence.
        focus = {t: w for t, w in base_focus.items() if t not in subject}
        # A place or person the question is about, other than the document's subject, must be
        # named by the sentence (or the line just before it): "le maire de Bolbec".
        required = names - context
        focus.update({t: self._lexical.max_idf for t in required})
        known = frozenset(subject | names | set(base_focus))
        return name_match, focus, required, known

    def _covered(self, focus: dict[str, float], said: set[str], previous: set[str], surfaces: dict[str, str],
                 sentence: str) -> float:
        """The weight of the focus terms a sentence says: in full when it says them, half when only the line
        before it does, 0.7 for a near-synonym."""
        own = near = 0.0
        for t, w in focus.items():
            if self._says(t, said):
                own += w
            elif self._says(t, previous):
                near += 0.5 * w
            elif t in surfaces and closeness(surfaces[t], sentence) >= SOFT_MATCH:
                near += 0.7 * w  # a near-synonym ("médecins" for "professions médicales")
        return own + near

    def _subject_aliases(self, doc_id: str, subject: set[str]) -> set[str]:
        """Acronyms the document defines for its own territory or Caf ("CCVH"), as analysed terms."""
        if doc_id not in self._aliases:
            aliases = set()
            for acronym, words in defined_acronyms(self._document_text(doc_id)).items():
                if set(analyze(words)) & subject - {"caf", "ctg"}:
                    aliases.update(analyze(acronym))
            self._aliases[doc_id] = aliases
        return self._aliases[doc_id]

    def _says(self, term: str, terms: set[str]) -> bool:
        """Whether a sentence's terms say ``term``: a word the corpus never uses matches only exactly."""
        return term in terms if not self._lexical.knows(term) else matches(term, terms)

    def answer(self, question: str, hits: list[Hit], embedding=None, named=()) -> Answer:
        """The best sentences, cited; a refusal when the best one's probability is under the fitted threshold."""
        candidates = self.candidates(question, hits, embedding, named)
        # a place or person the corpus never mentions ("la CTG de Toulouse"): nothing in the sources is about it
        unknown = any(not self._lexical.knows(t) and not self._names_convention(t) for t in named_terms(question))
        gated = self.selector.shape_gate and bool(candidates) and lacks_shape(question, candidates)
        if not candidates or unknown or gated or candidates[0].score < self.selector.refusal_threshold:
            return Answer(messages.REFUSAL, refused=True, confidence=candidates[0].score if candidates else 0.0)
        s = self._settings
        chosen = select(candidates, question_kind(question), self.selector.companion_ratio,
                        s.max_answer_chars or self.selector.answer_chars, s.max_answer_sentences)
        gate, is_name = self.selector.answer_gate, self._handle.spelling.is_name
        if gate and answer_lacks(question, [c.text for c in chosen], is_name):
            fallback = shaped(question, candidates, is_name) if gate == "fallback" else None
            if fallback is None or fallback.score < self.selector.refusal_threshold:
                return Answer(messages.REFUSAL, refused=True, confidence=candidates[0].score)
            chosen = [fallback]
        return self._compose(chosen, hits, candidates[0].score)

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

