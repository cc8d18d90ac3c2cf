"""Follow-up questions: resolution against the topic, topic changes, suggestions, export, the eval."""
import pytest

from .conftest import ROOT


@pytest.fixture
def conversation(seed_assistant):
    return seed_assistant.conversation()


def test_follow_ups_are_resolved_against_the_topic(conversation):
    first = conversation.ask("Qui a signé la CTG de Perpignan ?")
    assert first.resolved_question == "Qui a signé la CTG de Perpignan ?"
    second = conversation.ask("Et jusqu'à quand court-elle ?")
    assert second.resolved_question == "Jusqu'à quand la CTG de Perpignan court-elle ?"
    assert "2028" in second.text and {c.doc for c in second.citations} == {"2024-perpignan.txt"}
    third = conversation.ask("Et celle de Canet ?")  # the same question, about another territory
    assert "Canet-en-Roussillon" in third.resolved_question and "jusqu" in third.resolved_question.lower()
    assert "2026" in third.text and third.citations[0].doc == "canet-en-roussillon.txt"
    fourth = conversation.ask("Quand a-t-elle été signée ?")
    assert "Canet-en-Roussillon" in fourth.resolved_question


def test_a_new_territory_resets_the_topic_and_questions_across_conventions_have_none(conversation):
    conversation.ask("Qui a signé la CTG de Perpignan ?")
    answer = conversation.ask("Quels domaines couvre la CTG d'Angers ?")
    assert answer.resolved_question == "Quels domaines couvre la CTG d'Angers ?"
    assert conversation.state["topic"] == "2019-angers.txt"
    across = conversation.ask("Quelles CTG se terminent en 2026 ?")
    assert across.resolved_question == "Quelles CTG se terminent en 2026 ?"
    unknown = conversation.ask("Et celle de Marseille ?")
    assert unknown.refused and conversation.state["topic"] is None


def test_suggestions_come_from_the_topic_sheet_and_skip_what_was_asked(conversation):
    answer = conversation.ask("Qui a signé la CTG de Perpignan ?")
    assert 1 <= len(answer.suggestions) <= 3
    assert all("la CTG de Perpignan" in s for s in answer.suggestions)
    assert not any(s.startswith("Qui a signé") for s in answer.suggestions)
    assert answer.to_dict()["suggestions"] == answer.suggestions


def test_markdown_export_keeps_questions_resolutions_and_citations(conversation):
    conversation.ask("Qui a signé la CTG de Perpignan ?")
    conversation.ask("Et jusqu'à quand court-elle ?")
    text = conversation.to_markdown()
    assert text.count("\n## ") == 2 and "Compris comme : Jusqu'à quand la CTG de Perpignan" in text
    assert "`2024-perpignan.txt`" in text and "« " in text
    conversation.reset()
    assert conversation.state == {"topic": None, "turns": []}


def test_state_is_plain_data_and_rebuilds_the_conversation(seed_assistant):
    import json

    first = seed_assistant.conversation()
    first.ask("Qui a signé la CTG de Perpignan ?")
    saved = json.loads(json.dumps(first.state))
    again = seed_assistant.conversation(saved).ask("Et jusqu'à quand court-elle ?")
    assert "Perpignan" in again.resolved_question


def test_conversation_set_meets_its_gate(seed_assistant):
    from evals.conversations import load_conversations, run_conversations

    conversations = load_conversations(ROOT / "evals" / "conversations.jsonl")
    assert len(conversations) >= 15 and all(2 <= len(c["turns"]) <= 3 for c in conversations)
    metrics = run_conversations(seed_assistant, conversations)["metrics"]
    assert metrics["follow_up_accuracy"] >= 0.85, metrics
