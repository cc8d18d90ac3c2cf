"""End-to-end answers on the seed corpus (real model, real Chroma, real BM25)."""
import re

import pytest

from assistant import messages
from assistant.errors import InvalidQuestion


def test_who_signed_perpignan(seed_assistant):
    answer = seed_assistant.ask("Qui a signé la convention territoriale globale de Perpignan ?")
    assert not answer.refused
    assert "Louis ALIOT" in answer.text
    assert answer.citations[0].doc == "2024-perpignan.txt"


def test_canet_end_year(seed_assistant):
    answer = seed_assistant.ask("Jusqu'à quand court la CTG de Canet-en-Roussillon ?")
    assert not answer.refused and "2026" in answer.text
    assert any(c.doc == "canet-en-roussillon.txt" for c in answer.citations)


@pytest.mark.parametrize("question", [
    "Quel est le budget de la CTG de Marseille ?",
    "Quel est le numéro de téléphone de la Caf de Maine-et-Loire ?",
    "Qui a signé la CTG de Toulouse ?",
])
def test_refuses_what_the_sources_do_not_say(seed_assistant, question):
    answer = seed_assistant.ask(question)
    assert answer.refused
    assert answer.text == messages.REFUSAL
    assert answer.citations == []
    # a refusal still shows the closest passages, as leads under the refusal, not as an answer
    from assistant.render import answer_markdown

    shown = answer_markdown(answer)
    assert answer.passages and messages.CLOSEST_PASSAGES in shown and "[1]" not in shown


def test_every_marker_refers_to_a_citation_whose_offsets_match(seed_assistant):
    answer = seed_assistant.ask("Quelle est la période couverte par la CTG de la Vallée de l'Hérault ?")
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert numbers == {c.n for c in answer.citations}
    for c in answer.citations:
        text, _ = seed_assistant.document(c.doc)
        assert text[c.start:c.end] == c.text
        for s, e in c.highlights:
            assert c.start <= s < e <= c.end
            assert text[s:e].lstrip("•–- ")[:20] in answer.text
    assert "2022-2026" in answer.text


def test_answers_are_short(seed_assistant):
    for q in ["Qui a signé la CTG de Caux Seine agglo ?", "Quand la CTG d'Angers a-t-elle été signée ?"]:
        answer = seed_assistant.ask(q)
        assert not answer.refused and len(answer.text) <= 700


@pytest.mark.parametrize("question", ["", "   ", "a" * 5000])
def test_invalid_questions_are_user_errors(seed_assistant, question):
    with pytest.raises(InvalidQuestion):
        seed_assistant.ask(question)


def test_timings_are_reported(seed_assistant):
    answer = seed_assistant.ask("Quels domaines couvre la CTG de Canet-en-Roussillon ?")
    assert {"retrieve", "answer", "total"} <= set(answer.timings_ms)
    assert answer.to_dict()["timings_ms"]["total"] > 0
