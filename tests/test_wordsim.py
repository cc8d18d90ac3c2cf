"""Word vectors read straight from the model's files match spaCy's own look-up."""
from functools import lru_cache

import numpy as np
import pytest

from assistant.nlp import wordsim

WORDS = ["médecins", "médicales", "petite", "enfance", "Caf", "d'accueil", "aujourd’hui", "é", "ab", "abcdefgh",
         "abcdefghi", "parentalité", "zzqxjw", "cœur", "jeunesse", "a" * 17, "lieux", "crèche", "Perpignan"]


def test_keys_are_spacy_string_hashes():
    from spacy.strings import hash_string

    assert [wordsim.word_key(w) for w in WORDS] == [hash_string(w) for w in WORDS]


@pytest.mark.parametrize("word", WORDS)
def test_vectors_are_spacy_vocabulary_vectors(word):
    lexeme = _vocab()[word.lower()]
    ours = wordsim.vector(word)
    if not lexeme.has_vector:
        assert ours is None
        return
    reference = np.asarray(lexeme.vector, dtype=np.float32)
    assert np.allclose(ours, reference / np.linalg.norm(reference), atol=1e-6)


@lru_cache(maxsize=1)
def _vocab():
    from spacy.vocab import Vocab

    return Vocab().from_disk(wordsim.vocab_dir())


def test_related_words_are_close():
    assert wordsim.closeness("médecins", "les professions médicales") > wordsim.closeness("médecins", "les crèches")
