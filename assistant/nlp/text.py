"""French text analysis shared by lexical retrieval and answer selection."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# words; a numbered item stays one term ("action 2.3" is not "action 3.2")
TOKEN = re.compile(r"\d+(?:\.\d+)+(?!\.?\d)|\w+", re.UNICODE)
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})  # "Cœur" and "Coeur" are one word


def fold(text: str) -> str:
    """Lower-case, strip accents, normalise apostrophes and spaces."""
    text = unicodedata.normalize("NFKD", text.translate(APOSTROPHES).translate(LIGATURES).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_FRENCH

    extra = {"quel", "quels", "quelle", "quelles", "qui", "quoi", "comment", "combien", "est", "sont",
             "ete", "etre", "a", "ont", "parmi", "quand", "pourquoi", "lequel", "laquelle", "lesquels", "lesquelles", "cette", "ces", "cet", "elle", "il", "ils", "elles", "y", "dont"}
    return frozenset(fold(w) for w in STOPWORDS_FRENCH) | extra


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("french")


# The domain's acronyms and their long forms are one term ("CTG" = "convention territoriale globale").
ACRONYMS = [
    (re.compile(r"\bconventions? territoriales? globales?\b", re.IGNORECASE), " ctg "),
    (re.compile(r"\bcaisses? d.allocations? familiales?\b", re.IGNORECASE), " caf "),
]


def expand_acronyms(text: str) -> str:
    for pattern, short in ACRONYMS:
        text = pattern.sub(short, text)
    return text


@lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    return fold(word)


def analyze(text: str) -> list[str]:
    """Tokens for BM25: stop words removed, Snowball-stemmed, then accents folded (numbers kept)."""
    return list(_analyze(text))


@lru_cache(maxsize=100_000)
def _analyze(text: str) -> tuple[str, ...]:
    # the same sentences are analysed for many questions: cached (the cache is bounded)
    stop = _stopwords()
    text = expand_acronyms(text.translate(APOSTROPHES))
    words = [w for w in TOKEN.findall(text.lower()) if _fold_word(w) not in stop]
    return tuple(_fold_word(s) for s in _stemmer().stemWords(words) if len(s) > 1 or s.isdigit())


def surface_forms(text: str) -> dict[str, str]:
    """Analysed term -> the word it came from (the first one), for word-vector look-ups."""
    forms: dict[str, str] = {}
    for word in TOKEN.findall(text.translate(APOSTROPHES)):
        for term in analyze(word):
            forms.setdefault(term, word.lower())
    return forms
