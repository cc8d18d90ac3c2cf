"""French BM25 (bm25s + Snowball stemmer) saved beside the vector store."""
from __future__ import annotations

import json
import math
from functools import cached_property
from pathlib import Path

from assistant.nlp.text import analyze

PARAMS_FILE = "ctg_bm25.json"


class LexicalIndex:
    """A bm25s index over node texts, addressed by node id."""

    def __init__(self, bm25, node_ids: list[str], doc_freq: dict[str, int]):
        self._bm25 = bm25
        self.node_ids = node_ids
        self.doc_freq = doc_freq

    @classmethod
    def build(cls, node_ids: list[str], texts: list[str]) -> "LexicalIndex":
        import bm25s

        tokens = [analyze(t) or ["_"] for t in texts]
        bm25 = bm25s.BM25()
        bm25.index(tokens, show_progress=False)
        doc_freq: dict[str, int] = {}
        for toks in tokens:
            for tok in set(toks):
                doc_freq[tok] = doc_freq.get(tok, 0) + 1
        return cls(bm25, list(node_ids), doc_freq)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._bm25.save(str(folder), show_progress=False)
        params = {"analyzer": "fold+stopwords-fr+snowball-fr", "node_ids": self.node_ids, "doc_freq": self.doc_freq}
        (folder / PARAMS_FILE).write_text(json.dumps(params, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        import bm25s

        params = json.loads((folder / PARAMS_FILE).read_text(encoding="utf-8"))
        bm25 = bm25s.BM25.load(str(folder), show_progress=False)
        return cls(bm25, params["node_ids"], params["doc_freq"])

    def idf(self, token: str) -> float:
        """Smoothed inverse document frequency of an analysed token (0 if unknown)."""
        df = self.doc_freq.get(token, 0)
        if not df:
            return 0.0
        n = len(self.node_ids)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    @property
    def max_idf(self) -> float:
        """The idf of a term found in a single passage: the weight of the rarest words."""
        n = len(self.node_ids)
        return math.log(1 + (n - 1 + 0.5) / 1.5) if n else 1.0

    def knows(self, token: str) -> bool:
        return token in self.doc_freq

    def scores_for(self, query: str, node_ids: list[str]) -> list[tuple[str, float]]:
        """The score of each of ``node_ids`` (0 for those the query does not reach)."""
        tokens = [t for t in analyze(query) if t in self._bm25.vocab_dict]
        if not tokens or not node_ids:
            return [(i, 0.0) for i in node_ids]
        scores = self._bm25.get_scores(tokens)
        return [(i, float(scores[self._positions[i]]) if i in self._positions else 0.0) for i in node_ids]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {node_id: k for k, node_id in enumerate(self.node_ids)}

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """The ``k`` best ``(node_id, score)`` pairs with a positive score."""
        tokens = [t for t in analyze(query) if t in self._bm25.vocab_dict]
        if not tokens or not self.node_ids:
            return []
        scores = self._bm25.get_scores(tokens)
        order = (-scores).argsort(kind="stable")[:k]  # ties in index order on every CPU
        return [(self.node_ids[i], float(scores[i])) for i in order if scores[i] > 0]
