"""The optional language model, against a real OpenAI-compatible HTTP stub on loopback."""
import pytest

from assistant import Assistant, messages

from . import llm_stub

QUESTION = "Quelle est la démarche suivie par la Ville de Perpignan et la Caf pour construire la CTG ?"
# a question the extractive path answers (not refuses): what a fallback must still give, with its citations
FALLBACK_QUESTION = "Que vise la convention territoriale globale de Perpignan ?"


@pytest.fixture(scope="module")
def stub_url():
    server, url = llm_stub.start()
    yield url
    server.shutdown()


def with_llm(seed_index, embed_model, url, model, timeout=10.0):
    settings = seed_index.model_copy(update={"llm_base_url": url, "llm_model": model, "llm_timeout": timeout})
    return Assistant(settings, embed_model=embed_model)


def test_supported_answer_is_kept_with_its_citations(seed_index, embed_model, stub_url):
    answer = with_llm(seed_index, embed_model, stub_url, "stub-good").ask(QUESTION)
    assert answer.mode == "llm" and not answer.notice and not answer.refused
    assert answer.text.endswith("[1].") and answer.citations[0].doc == "2024-perpignan.txt"
    sent = llm_stub.Handler.requests[-1]["messages"]
    assert sent[0]["role"] == "system" and "[1] (" in sent[-1]["content"] and QUESTION in sent[-1]["content"]


def test_hallucinated_sentence_is_dropped_and_the_answer_says_so(seed_index, embed_model, stub_url):
    answer = with_llm(seed_index, embed_model, stub_url, "stub-hallucinate").ask(QUESTION)
    assert answer.mode == "llm"
    assert "2031" not in answer.text and "Dupontel" not in answer.text
    assert answer.notice == messages.LLM_DROPPED.format(n=1) and answer.notice in answer.text


def test_timeout_falls_back_to_the_extractive_answer(seed_index, embed_model, stub_url):
    answer = with_llm(seed_index, embed_model, stub_url, "stub-slow", timeout=1.0).ask(FALLBACK_QUESTION)
    assert answer.mode == "extractive" and answer.notice == messages.LLM_FALLBACK
    assert answer.citations and answer.text.strip()


def test_garbage_and_a_server_down_fall_back(seed_index, embed_model, stub_url):
    garbage = with_llm(seed_index, embed_model, stub_url, "stub-garbage").ask(FALLBACK_QUESTION)
    assert garbage.mode == "extractive" and garbage.notice == messages.LLM_UNSUPPORTED and garbage.citations
    down = with_llm(seed_index, embed_model, "http://127.0.0.1:9/v1", "any", timeout=2.0).ask(FALLBACK_QUESTION)
    assert down.mode == "extractive" and down.notice == messages.LLM_FALLBACK


def test_streaming_yields_text_then_the_verified_answer(seed_index, embed_model, stub_url):
    events = list(with_llm(seed_index, embed_model, stub_url, "stub-hallucinate").ask_stream(QUESTION))
    deltas, final = events[:-1], events[-1]
    assert len(deltas) > 3 and all(isinstance(d, str) for d in deltas) and "2031" in "".join(deltas)
    assert "2031" not in final.text and final.mode == "llm"


def test_extractive_is_the_default(seed_assistant):
    assert seed_assistant.settings.llm_base_url is None
    assert seed_assistant.ask(QUESTION).mode == "extractive"
