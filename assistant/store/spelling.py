"""How the corpus spells its words, so that queries typed without accents or in capitals read as the corpus."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import orjson

from assistant.nlp.text import APOSTROPHES, TOKEN, analyze, fold


# A misspelt word is corrected when it is this long and this close to a corpus word (a letter dropped or changed
# in a place name: "pila" / "pilat" is 89, "brest" / "bresse" 73).
MIN_TYPO_LETTERS = 5
ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+")
TYPO_SIMILARITY = 85


class CorpusSpelling:
    """Query words spelled as the corpus spells them, so that case, accent and apostrophe variants of a question
    ("CAUX SEINE AGGLO periode", "Caux Seine agglo période") reach both retrievers as the same text.

    BM25 folds case and accents only after stemming ("vallee" and "vallée" have different stems) and the embedding
    model sees them all: two spellings of one question got different scores, and near-tied passages came in an
    order that followed them. Each word is looked up by its folded form and written as the corpus writes it most
    often ("periode", "PÉRIODE" -> "période"; "perpignan" -> "Perpignan"): the embedding model gets real French
    words, not folded ones (folding them all cost retrieval quality). A word the corpus does not have is
    lower-cased. Built from the documents' texts when the index is written (a million words: about 1 s) and
    saved beside it.
    """

    def __init__(self, texts):
        counts: Counter[str] = Counter()
        for text in texts:
            # apostrophes and spaces are never part of a word: only composed accents matter here; addresses are
            # not writing ("ctg@maugny.fr" does not write the town's name in lower case)
            text = ADDRESS.sub(" ", text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text))
            counts.update(TOKEN.findall(text))
        best: dict[str, tuple[int, str]] = {}  # folded word -> (count, spelling), the most frequent one
        lower: set[str] = set()  # folded words the corpus writes in lower case somewhere
        for word, n in counts.items():
            key = _fold_word(word)
            if word[:1].islower():
                lower.add(key)
            seen = best.get(key)
            # equal counts: the smaller string, so that the table never depends on the order of the files
            if seen is None or n > seen[0] or (n == seen[0] and word < seen[1]):
                best[key] = (n, word)
        self._spelling = {key: word for key, (_, word) in best.items()}
        # words never written in lower case: names ("Lamentin"), not words capitalised in headings ("Première")
        self._names = {key for key, (_, word) in best.items() if key not in lower and word[:1].isupper()}
        self._keys: list[str] | None = None  # the words a misspelling is looked for among, made at first use
        self._corrections: dict[str, str | None] = {}  # misspelt word -> corpus word (None: none close)

    def restore(self, query: str) -> str:
        """``query`` with apostrophes and spaces normalised and every word in the corpus's spelling."""
        query = re.sub(r"\s+", " ", unicodedata.normalize("NFC", query).translate(APOSTROPHES)).strip()
        return TOKEN.sub(lambda m: self._spelling.get(_fold_word(m.group(0))) or m.group(0).lower(), query)

    def correct(self, query: str, knows=None) -> str:
        """``query`` with each word the corpus does not have replaced by the corpus word it is a misspelling of
        ("Mont du Pila" -> "Mont du Pilat"): words of ``MIN_TYPO_LETTERS`` letters or more, edit similarity of
        ``TYPO_SIMILARITY`` or more (``rapidfuzz.fuzz.ratio``). Other words stay as typed, and so does a word
        whose analysed form ``knows`` (a plural, "conventions", when the corpus only has "convention")."""
        return TOKEN.sub(lambda m: self._closest(m.group(0), knows), query)

    def is_name(self, word: str) -> bool:
        """Whether the corpus writes a word as a name: never in lower case ("Lamentin", not "porte" or "première"),
        or letters with digits ("2C2R")."""
        key = _fold_word(word)
        return key in self._names or (key in self._spelling and any(ch.isdigit() for ch in key)
                                      and not key.isdigit())

    def _closest(self, word: str, knows=None) -> str:
        key = _fold_word(word)
        if key in self._spelling or len(key) < MIN_TYPO_LETTERS or not key.isalpha():
            return word
        if knows is not None and all(knows(t) for t in analyze(word)):
            return word
        from rapidfuzz import fuzz, process

        if self._keys is None:
            # a misspelt name ("Garonnne"); a verb the corpus does not use ("parlent") is no misspelt "parents"
            self._keys = [k for k in self._spelling if len(k) >= MIN_TYPO_LETTERS - 1 and k in self._names]
        if key not in self._corrections:  # a search over the whole vocabulary: once a word
            found = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY)
            self._corrections[key] = self._spelling[found[0]] if found else None
        return self._corrections[key] or word

    def save(self, path: Path) -> None:
        path.write_bytes(orjson.dumps({"spelling": self._spelling, "names": sorted(self._names)}))

    @classmethod
    def load(cls, path: Path) -> CorpusSpelling:
        spelling = cls(())
        data = orjson.loads(path.read_bytes())
        if "spelling" in data and isinstance(data["spelling"], dict):
            spelling._spelling, spelling._names = data["spelling"], set(data["names"])
        else:  # written before names were kept: the capitalised spellings
            spelling._spelling = data
            spelling._names = {key for key, word in data.items() if word[:1].isupper()}
        return spelling


@lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    """``fold`` of one word (no space or apostrophe in it), with a short cut for plain ASCII."""
    return word.lower() if word.isascii() else fold(word)
