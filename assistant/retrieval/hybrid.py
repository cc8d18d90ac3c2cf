"""Hybrid retrieval: French BM25 fused with dense (Chroma) retrieval by relative-score fusion.

llama-index's ``QueryFusionRetriever`` overwrites the raw scores; here both raw scores are kept
on each hit, since answer selection and refusal use them.
"""
from __future__ import annotations

from dataclasses import dataclass

from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle

from assistant.config import Settings
from assistant.store.index import IndexHandle
from assistant.store.spelling import CorpusSpelling


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

    def _model(self):
        """The embedding model, loaded at first use when a loader was given."""
        model = self._embed_model_or_loader
        return model() if callable(model) and not hasattr(model, "get_query_embedding") else model

    def spelling(self) -> CorpusSpelling:
        """The corpus's spelling of words, opened with the index."""
        return self._handle.spelling

    def search(self, query: str, top_k: int | None = None, mode: str = "hybrid") -> list[Hit]:
        """Ranked hits; ``mode`` is ``hybrid``, ``bm25`` or ``dense`` (the latter two for evaluation)."""
        return self.search_with_embedding(query, top_k, mode)[0]

    def search_with_embedding(self, query: str, top_k: int | None = None, mode: str = "hybrid",
                              within: str | None = None, focus: str | None = None
                              ) -> tuple[list[Hit], list[float] | None]:
        """Ranked hits and the query embedding (computed once, reused to score sentences). ``within``: the id of
        a document the question is about, whose passages all come first (best first), then the others; they are
        ranked by ``focus``, the question without the words that name that document, when given (in a long
        convention every passage says its territory's name: the other words tell the passages apart)."""
        from llama_index.core.vector_stores.types import VectorStoreQuery

        s = self._settings
        n = s.candidates
        query = self.spelling().restore(query)
        # exact ties in the order of their node ids: numpy's argsort and Chroma order them differently on other CPUs
        lexical = sorted(self._handle.lexical.search(query, n), key=_best_first) if mode != "dense" else []
        dense, embedding = [], None
        if mode != "bm25":
            embedding = self._model().get_query_embedding(query)
            found = self._handle.vector_store.query(VectorStoreQuery(query_embedding=embedding, similarity_top_k=n))
            dense = sorted(zip(found.ids or [], [float(x) for x in found.similarities or []]), key=_best_first)
        weight = {"bm25": 0.0, "dense": 1.0}.get(mode, s.dense_weight)
        fused = fuse(lexical, dense, weight)
        lex, den = dict(lexical), dict(dense)
        docstore = self._handle.docstore
        # chunks an interrupted update left in Chroma are not in the committed docstore: ignored
        ranked = [(i, sc) for i, sc in fused if docstore.document_exists(i)]
        if within is not None:
            own = dict(ranked)
            ids = self._chunk_ids(within)
            if focus and len(ids) > 1:
                lex_own, den_own = self._focused(focus, ids, within, mode)
                own = dict(fuse(lex_own, den_own, weight))
                lex.update(lex_own)
                den.update(den_own)
            chunks = [own.get(i, 0.0) for i in ids]
            ranked = sorted(zip(ids, chunks), key=_best_first) + [
                (i, sc) for i, sc in ranked if not i.startswith(f"{within}-")]
        hits = [Hit(docstore.get_node(node_id), score, lex.get(node_id, 0.0), den.get(node_id, 0.0))
                for node_id, score in ranked[: max(top_k or s.top_k, len(self._chunk_ids(within)) + 2
                                                   if within else 0)]]
        return hits, embedding

    def _focused(self, focus: str, ids: list[str], doc_id: str, mode: str):
        """BM25 and dense scores of one document's passages for ``focus``."""
        from llama_index.core.vector_stores.types import MetadataFilter, MetadataFilters, VectorStoreQuery

        focus = self.spelling().restore(focus)
        lexical = self._handle.lexical.scores_for(focus, ids) if mode != "dense" else []
        dense = []
        if mode != "bm25":
            query = VectorStoreQuery(query_embedding=self._model().get_query_embedding(focus), similarity_top_k=len(ids),
                                     filters=MetadataFilters(filters=[MetadataFilter(key="ref_doc_id", value=doc_id)]))
            found = self._handle.vector_store.query(query)
            dense = sorted(zip(found.ids or [], [float(x) for x in found.similarities or []]), key=_best_first)
        return sorted(lexical, key=_best_first), dense

    def _chunk_ids(self, doc_id: str) -> list[str]:
        """The ids of a document's passages (``<document id>-0000``, ``-0001``… in text order)."""
        ids, docstore = [], self._handle.docstore
        while docstore.document_exists(f"{doc_id}-{len(ids):04d}"):
            ids.append(f"{doc_id}-{len(ids):04d}")
        return ids

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return [NodeWithScore(node=h.node, score=h.score) for h in self.search(query_bundle.query_str)]
