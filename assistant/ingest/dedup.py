"""Near-duplicate documents: the same press release from two sites or in two formats is indexed once.

Word 5-gram shingles of the folded text; datasketch's MinHash signatures (100 permutations, fixed seed) and
MinHash LSH (20 bands of 5 rows) find candidate pairs in about linear time; a pair is a duplicate when the exact
Jaccard similarity of its shingles is at least ``THRESHOLD``. The copy kept is the one in the most faithful
format (text, Word, PDF, then web page).
"""
from __future__ import annotations

import zlib

from datasketch import MinHash, MinHashLSH

from assistant.nlp.text import fold

THRESHOLD = 0.8
SHINGLE = 5
# 5 rows a band: a pair at Jaccard 0.8 is a candidate with probability 0.9996, one at 0.2 (press releases sharing
# boilerplate) with 0.006, a quarter of what 16 bands of 4 rows gave: fewer exact checks for the same pairs
HASHES, BANDS = 100, 20
SEED = 20261123
FORMAT_RANK = {"txt": 0, "md": 0, "docx": 1, "pdf": 2, "html": 3, "htm": 3}


def shingles(text: str) -> set[int]:
    words = fold(text).split()
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())}
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}


def _crc(value: int) -> int:
    """Shingles are already 32-bit CRCs: MinHash permutes them as they are (no second hash)."""
    return value


def signatures(sets: list[set[int]]) -> list[MinHash]:
    """One MinHash a shingle set, all with the same seeded permutations."""
    return MinHash.bulk(sets, num_perm=HASHES, seed=SEED, hashfunc=_crc)


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def near_duplicates(documents) -> tuple[list, list[dict]]:
    """``(kept, duplicates)``: each duplicate is ``{"file", "duplicate_of", "similarity"}``."""
    order = sorted(documents, key=lambda d: (FORMAT_RANK.get(d.metadata.get("format", "txt"), 4), d.metadata["doc"]))
    sets = [shingles(d.text) for d in order]
    # bands given: datasketch's own choice for 0.8 (8 bands of 12 rows) would miss half the pairs at 0.8
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=HASHES, params=(BANDS, HASHES // BANDS))
    duplicate_ids: set[int] = set()
    duplicates = []
    for i, (doc, sig) in enumerate(zip(order, signatures(sets))):
        best = max(((jaccard(sets[i], sets[j]), j) for j in lsh.query(sig)), default=(0.0, -1))
        if best[0] >= THRESHOLD:  # only kept documents are in the index: ``duplicate_of`` is always kept
            duplicate_ids.add(i)
            duplicates.append({"file": doc.metadata["doc"], "duplicate_of": order[best[1]].metadata["doc"],
                               "similarity": round(best[0], 3)})
        else:
            lsh.insert(i, sig, check_duplication=False)
    kept = [d for i, d in enumerate(order) if i not in duplicate_ids]
    return sorted(kept, key=lambda d: d.metadata["doc"]), duplicates
