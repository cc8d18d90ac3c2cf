"""Near-duplicate documents: the same press release from two sites or in two formats is indexed once.

Word 5-gram shingles of the folded text, MinHash signatures (64 hashes) and LSH banding find candidate pairs in
about linear time; a pair is a duplicate when the exact Jaccard similarity of its shingles is at least
``THRESHOLD``. The copy kept is the one in the most faithful format (text, Word, PDF, then web page).
"""
from __future__ import annotations

import zlib

import numpy as np

from assistant.nlp.text import fold

THRESHOLD = 0.8
SHINGLE = 5
HASHES, BANDS = 64, 16
PRIME = (1 << 61) - 1
FORMAT_RANK = {"txt": 0, "md": 0, "docx": 1, "pdf": 2, "html": 3, "htm": 3}
_rng = np.random.default_rng(20261123)
_A = _rng.integers(1, PRIME, HASHES, dtype=np.uint64)
_B = _rng.integers(0, PRIME, HASHES, dtype=np.uint64)


def shingles(text: str) -> set[int]:
    words = fold(text).split()
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())}
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}


def signature(hashed: set[int]) -> np.ndarray:
    values = np.fromiter(hashed, dtype=np.uint64, count=len(hashed))
    # (a * h + b) mod p on uint64 wraps, which is still a fine hash family for this purpose
    return ((values[:, None] * _A[None, :] + _B[None, :]) % np.uint64(PRIME)).min(axis=0)


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def near_duplicates(documents) -> tuple[list, list[dict]]:
    """``(kept, duplicates)``: each duplicate is ``{"file", "duplicate_of", "similarity"}``."""
    order = sorted(documents, key=lambda d: (FORMAT_RANK.get(d.metadata.get("format", "txt"), 4), d.metadata["doc"]))
    sets = [shingles(d.text) for d in order]
    buckets: dict[tuple, list[int]] = {}
    rows = HASHES // BANDS
    kept_index: dict[int, int] = {}  # document -> the kept document it duplicates
    duplicates = []
    for i, (doc, shingle_set) in enumerate(zip(order, sets)):
        sig = signature(shingle_set)
        candidates = set()
        keys = [(band, sig[band * rows:(band + 1) * rows].tobytes()) for band in range(BANDS)]
        for key in keys:
            candidates.update(buckets.get(key, ()))
        best = max(((jaccard(shingle_set, sets[j]), j) for j in candidates), default=(0.0, -1))
        if best[0] >= THRESHOLD:
            kept_index[i] = best[1]
            duplicates.append({"file": doc.metadata["doc"], "duplicate_of": order[best[1]].metadata["doc"],
                               "similarity": round(best[0], 3)})
            continue
        for key in keys:
            buckets.setdefault(key, []).append(i)
    kept = [d for i, d in enumerate(order) if i not in kept_index]
    return sorted(kept, key=lambda d: d.metadata["doc"]), duplicates
