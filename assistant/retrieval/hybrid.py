"""Hybrid retrieval: French BM25 fused with dense (Chroma) retrieval by relative-score fusion.

llama-index's ``QueryFusionRetriever`` overwrites the raw scores; here both raw scores are kept
on each hit, since answer selection and refusal use them.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle

from assistant.config import Settings
from assistant.nlp.text import APOSTROPHES, TOKEN, fold
from assistant.store.index import IndexHandle


@dataclass
class Hit:
    node: object  # TextNode
    score: float  # fused score
    bm25: float = 0.0
    dense: float = 0.0


def fuse(lexical: list[tuple[str, float]], dense: list[tuple[str, float]],
         dense_weight: float) -> list[tuple[str, float]]:
    """Relative-score fusion: each list min-max scaled to 0..1, weighted, summed; best first.

    Chosen by measurement over weighted reciprocal-rank fusion (see README, "Retrieval").
    Ties keep the lexical order, then the dense order.
    """
    fused: dict[str, float] = {}
    order: dict[str, int] = {}
    for weight, ranked in ((1.0 - dense_weight, lexical), (dense_weight, dense)):
        if not ranked:
            continue
        scores = [score for _, score in ranked]
        low, high = min(scores), max(scores)
        for node_id, score in ranked:
            scaled = (score - low) / (high - low) if high > low else 1.0
            fused[node_id] = fused.get(node_id, 0.0) + weight * scaled
            order.setdefault(node_id, len(order))
    return sorted(fused.items(), key=lambda item: (-item[1], order[item[0]]))


class CorpusSpelling:
    """Query words spelled as the corpus spells them, so that case, accent and apostrophe variants of a question
    ("CAUX SEINE AGGLO periode", "Caux Seine agglo période") reach both retrievers as the same text.

    BM25 folds case and accents only after stemming ("vallee" and "vallée" have different stems) and the embedding
    model sees them all: two spellings of one question got different scores, and near-tied passages came in an
    order that followed them. Each word is looked up by its folded form and written as the corpus writes it most
    often ("periode", "PÉRIODE" -> "période"; "perpignan" -> "Perpignan"): the embedding model gets real French
    words, not folded ones (folding them all cost retrieval quality). A word the corpus does not have is
    lower-cased. Built from the documents' texts on the first question (a million words: about 1 s).
    """

    def __init__(self, texts):
        counts: Counter[str] = Counter()
        for text in texts:
            # apostrophes and spaces are never part of a word: only composed accents matter here
            counts.update(TOKEN.findall(text if unicodedata.is_normalized("NFC", text)
                                        else unicodedata.normalize("NFC", text)))
        best: dict[str, tuple[int, str]] = {}  # folded word -> (count, spelling), the most frequent one
        for word, n in counts.items():
            key = _fold_word(word)
            seen = best.get(key)
            # equal counts: the smaller string, so that the table never depends on the order of the files
            if seen is None or n > seen[0] or (n == seen[0] and word < seen[1]):
                best[key] = (n, word)
        self._spelling = {key: word for key, (_, word) in best.items()}

    def restore(self, query: str) -> str:
        """``query`` with apostrophes and spaces normalised and every word in the corpus's spelling."""
        query = re.sub(r"\s+", " ", unicodedata.normalize("NFC", query).translate(APOSTROPHES)).strip()
        return TOKEN.sub(lambda m: self._spelling.get(_fold_word(m.group(0))) or m.group(0).lower(), query)


@lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    """``fold`` of one word (no space or apostrophe in it), with a short cut for plain ASCII."""
    return word.lower() if word.isascii() else fold(word)


def _best_first(item: tuple[str, float]) -> tuple[float, str]:
    return -item[1], item[0]


class HybridRetriever(BaseRetriever):
    """BM25 + dense retrieval over one opened index. ``search`` keeps the component scores."""

    def __init__(self, handle: IndexHandle, embed_model, settings: Settings):
        super().__init__()
        self._handle = handle
        # the model itself, or a function that loads it: a question BM25 answers never waits for it
        self._embed_model_or_loader = embed_model
        self._settings = settings
        self._spelling: CorpusSpelling | None = None
        self._spelling_lock = threading.Lock()

    def spelling(self) -> CorpusSpelling:
        """The corpus's spelling of words (built on the first question, then shared)."""
        with self._spelling_lock:
            if self._spelling is None:
                handle = self._handle
                self._spelling = CorpusSpelling(handle.document_text(doc_id) for doc_id in handle.manifest["documents"]
                                                if handle.docstore.document_exists(doc_id))
            return self._spelling

    def search(self, query: str, top_k: int | None = None, mode: str = "hybrid") -> list[Hit]:
        """Ranked hits; ``mode`` is ``hybrid``, ``bm25`` or ``dense`` (the latter two for evaluation)."""
        return self.search_with_embedding(query, top_k, mode)[0]

    def search_with_embedding(self, query: str, top_k: int | None = None,
                              mode: str = "hybrid") -> tuple[list[Hit], list[float] | None]:
        """Ranked hits and the query embedding (computed once, reused to score sentences)."""
        from llama_index.core.vector_stores.types import VectorStoreQuery

        s = self._settings
        n = s.candidates
        query = self.spelling().restore(query)
        # exact ties in the order of their node ids: numpy's argsort and Chroma order them differently on other CPUs
        lexical = sorted(self._handle.lexical.search(query, n), key=_best_first) if mode != "dense" else []
        dense, embedding = [], None
        if mode != "bm25":
            model = self._embed_model_or_loader
            model = model() if callable(model) and not hasattr(model, "get_query_embedding") else model
            embedding = model.get_query_embedding(query)
            found = self._handle.vector_store.query(VectorStoreQuery(query_embedding=embedding, similarity_top_k=n))
            dense = sorted(zip(found.ids or [], [float(x) for x in found.similarities or []]), key=_best_first)
        weight = {"bm25": 0.0, "dense": 1.0}.get(mode, s.dense_weight)
        fused = fuse(lexical, dense, weight)
        lex, den = dict(lexical), dict(dense)
        hits = []
        docstore = self._handle.docstore
        # chunks an interrupted update left in Chroma are not in the committed docstore: ignored
        for node_id, score in [(i, sc) for i, sc in fused if docstore.document_exists(i)][: top_k or s.top_k]:
            hits.append(Hit(docstore.get_node(node_id), score, lex.get(node_id, 0.0), den.get(node_id, 0.0)))
        return hits, embedding

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return [NodeWithScore(node=h.node, score=h.score) for h in self.search(query_bundle.query_str)]
