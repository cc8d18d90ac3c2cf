"""Retrieval quality on the seed question set: the fused retriever never does worse than BM25."""
import pytest

from evals.harness import load_questions, retrieval_metrics

from .conftest import ROOT, SCORE_TOLERANCE, top_docs, top_ties


@pytest.fixture(scope="module")
def questions():
    return load_questions(ROOT / "evals" / "questions.jsonl")


def test_hybrid_is_at_least_as_good_as_bm25(seed_assistant, questions):
    bm25 = retrieval_metrics(seed_assistant, questions, "bm25")
    hybrid = retrieval_metrics(seed_assistant, questions, "hybrid")
    assert hybrid["n"] >= 100
    assert hybrid["hit_at_1"] >= bm25["hit_at_1"]
    assert hybrid["hit_at_5"] >= bm25["hit_at_5"]
    assert hybrid["mrr_at_10"] >= bm25["mrr_at_10"]
    assert hybrid["hit_at_5"] >= 0.97


def test_dense_retrieval_finds_paraphrases(seed_assistant):
    passages = seed_assistant.search("Quelles communes participent à la convention de la CCVH ?", mode="dense")
    assert "2023-vallee-de-l-herault.txt" in top_docs(passages)


def test_bm25_is_loaded_from_disk_not_rebuilt(seed_assistant, monkeypatch):
    from assistant.store.lexical import LexicalIndex

    seed_assistant.search("Perpignan")  # opened once
    monkeypatch.setattr(LexicalIndex, "build", lambda *a, **k: pytest.fail("BM25 rebuilt per question"))
    monkeypatch.setattr(LexicalIndex, "load", lambda *a, **k: pytest.fail("BM25 reloaded per question"))
    for _ in range(3):
        assert "2024-perpignan.txt" in top_docs(seed_assistant.search("jeunesse Perpignan"))


@pytest.mark.parametrize("plain, typed, same_words", [
    ("vallee de l'herault communes signataires", "Vallée de l’Hérault COMMUNES signataires", True),
    # "élus" and "présents" are not in the corpus: "elus" and "presents" stay as typed
    ("perpignan elus presents a la signature", "Perpignan élus présents à la signature", False),
    ("Caux Seine agglo periode", "CAUX SEINE AGGLO période", True),
])
def test_accents_case_and_apostrophes_do_not_change_the_best_passage(seed_assistant, plain, typed, same_words):
    from assistant.retrieval.hybrid import HybridRetriever

    spelling = HybridRetriever(seed_assistant.handle, None, seed_assistant.settings).spelling()
    if same_words:  # both retrievers are given the same words (the cause: the typed form reached the embedding model)
        assert spelling.restore(plain) == spelling.restore(typed)
    # dense alone only for the same words: the embeddings of two spellings differ by more than the noise
    for mode in ("bm25", "hybrid", "dense") if same_words else ("bm25", "hybrid"):
        first, second = seed_assistant.search(plain, mode=mode), seed_assistant.search(typed, mode=mode)
        # the order of passages tied within arithmetic noise is not asserted: each best one is among the other's ties
        assert first[0].node_id in {p.node_id for p in top_ties(second)}, mode
        assert second[0].node_id in {p.node_id for p in top_ties(first)}, mode
        if same_words or mode == "bm25":  # the same words: the same best scores (raw, not rescaled), not 1 % away
            best = [(p.score, p.metadata["bm25"], p.metadata["dense"]) for p in (first[0], second[0])]
            assert best[0] == pytest.approx(best[1], rel=SCORE_TOLERANCE), mode


def test_query_words_are_spelled_as_the_corpus_spells_them():
    from assistant.store.spelling import CorpusSpelling

    spelling = CorpusSpelling(["La période 2019-2022 de Caux Seine agglo.", "Une période, la Période, la periode.",
                               "Les élus de la Vallée de l’Hérault."])
    same = {spelling.restore(q) for q in ["CAUX SEINE AGGLO période", "caux seine agglo PERIODE",
                                          "Caux  Seine\tagglo  Période "]}
    assert same == {"Caux Seine agglo période"}  # the most frequent spelling; spaces normalised
    assert spelling.restore("vallee de l'HERAULT") == spelling.restore("Vallée de l’Hérault") \
        == "Vallée de l'Hérault"
    assert spelling.restore("ELUS Zorglub") == "élus zorglub"  # a word the corpus does not know is lower-cased
    assert CorpusSpelling([]).restore("Qui a signé ?") == "qui a signé ?"


def test_the_spelling_is_saved_with_the_index(seed_assistant, tmp_path):
    """Written when the index is built (no pass over the corpus at the first question), and read back whole."""
    from assistant.store.spelling import CorpusSpelling

    saved = seed_assistant.handle.spelling
    assert saved is not None and saved.restore("CAUX SEINE AGGLO periode") == "Caux Seine agglo période"
    saved.save(tmp_path / "spelling.json")
    again = CorpusSpelling.load(tmp_path / "spelling.json")
    assert again.restore("vallee de l'herault PERIODE") == saved.restore("vallee de l'herault PERIODE")
