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
    from assistant.lexical import LexicalIndex

    seed_assistant.search("Perpignan")  # opened once
    monkeypatch.setattr(LexicalIndex, "build", lambda *a, **k: pytest.fail("BM25 rebuilt per question"))
    monkeypatch.setattr(LexicalIndex, "load", lambda *a, **k: pytest.fail("BM25 reloaded per question"))
    for _ in range(3):
        assert seed_assistant.search("jeunesse Perpignan")[0].doc == "2024-perpignan.txt"


def test_accents_and_case_do_not_matter(seed_assistant):
    a = seed_assistant.search("vallee de l'herault communes signataires")
    b = seed_assistant.search("Vallée de l’Hérault COMMUNES signataires")
    assert [p.node_id for p in a] == [p.node_id for p in b]
