"""Retrieval quality on the seed question set: the fused retriever never does worse than BM25."""
import pytest

from evals.harness import load_questions, retrieval_metrics

from .conftest import ROOT


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
    assert passages[0].doc == "2023-vallee-de-l-herault.txt"


def test_bm25_is_loaded_from_disk_not_rebuilt(seed_assistant, monkeypatch):
    from assistant.store.lexical import LexicalIndex

    seed_assistant.search("Perpignan")  # opened once
    monkeypatch.setattr(LexicalIndex, "build", lambda *a, **k: pytest.fail("BM25 rebuilt per question"))
    monkeypatch.setattr(LexicalIndex, "load", lambda *a, **k: pytest.fail("BM25 reloaded per question"))
    for _ in range(3):
        assert seed_assistant.search("jeunesse Perpignan")[0].doc == "2024-perpignan.txt"


@pytest.mark.parametrize("plain, typed", [
    ("vallee de l'herault communes signataires", "Vallée de l’Hérault COMMUNES signataires"),
    ("perpignan elus presents a la signature", "Perpignan élus présents à la signature"),
    ("Caux Seine agglo periode", "CAUX SEINE AGGLO période"),
])
def test_accents_case_and_apostrophes_do_not_change_the_best_passage(seed_assistant, plain, typed):
    for mode in ("bm25", "hybrid"):
        assert seed_assistant.search(plain, mode=mode)[0].node_id == seed_assistant.search(typed, mode=mode)[0].node_id
