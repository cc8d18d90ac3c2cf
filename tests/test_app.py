"""The Gradio app on loopback, driven with gradio_client like a remote user."""
import pytest

from .conftest import free_port


@pytest.fixture(scope="module")
def app_url(seed_assistant):
    from app import build_app
    from assistant.render import CSS

    demo = build_app(seed_assistant)
    demo.queue()
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, css=CSS)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


def test_ask_through_the_app(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    cleared, history, choice, passage, export = client.predict("Qui a signé la CTG de Perpignan ?", api_name="/ask")
    assert cleared == ""
    reply = history[-1]
    text = reply["content"] if isinstance(reply["content"], str) else reply["content"][0]["text"]
    assert "ALIOT" in text and 'href="#ctg-cit-1"' in text
    assert "2024-perpignan.txt" in passage and "<mark>" in passage and "Perpignan" in passage


def test_invalid_question_is_a_gradio_error(app_url):
    from gradio_client import Client

    with pytest.raises(Exception, match="vide"):
        Client(app_url, verbose=False).predict("   ", api_name="/ask")


def test_refusal_through_the_app(app_url):
    from gradio_client import Client

    _, history, choice, passage, *_ = Client(app_url, verbose=False).predict(
        "Quel est le budget de la CTG de Marseille ?", api_name="/ask")
    assert "Je n'ai pas trouvé cette information dans les sources." in str(history[-1])
    assert "<mark>" not in passage


def test_fact_sheets_tab(app_url):
    from gradio_client import Client

    table = Client(app_url, verbose=False).predict(api_name="/facts")
    value = table.get("value", table)
    docs = [row[-1] for row in value["data"]]
    assert "2024-perpignan.txt" in docs and value["headers"][0] == "Territoire"


def test_check_tab(app_url):
    from gradio_client import Client

    verdict, choice, passage = Client(app_url, verbose=False).predict(
        "La CTG de Perpignan a été signée en 2023.", api_name="/check")
    assert "Contredit par les sources" in verdict and "#c62828" in verdict
    assert "2024-perpignan.txt" in passage and "<mark>" in passage


def _text(message) -> str:
    content = message["content"]
    return content if isinstance(content, str) else " ".join(part.get("text", "") for part in content)


def test_each_session_has_its_own_conversation(app_url):
    """Two users at once: each follow-up is resolved against that user's own topic."""
    from gradio_client import Client

    alice, bob = Client(app_url, verbose=False), Client(app_url, verbose=False)
    _, _, _, _, export = alice.predict("Qui a signé la CTG de Perpignan ?", api_name="/ask")
    bob.predict("Qui a signé la CTG de Canet-en-Roussillon ?", api_name="/ask")
    _, history, *_ = alice.predict("Et jusqu'à quand court-elle ?", api_name="/ask")
    reply = _text(history[-1])
    assert "Compris comme" in reply and "Perpignan" in reply and "2028" in reply and len(history) == 4
    _, history, *_ = bob.predict("Et jusqu'à quand court-elle ?", api_name="/ask")
    assert "Canet-en-Roussillon" in _text(history[-1]) and "2026" in _text(history[-1])
    export = export.get("value", export) if isinstance(export, dict) else export
    with open(export if isinstance(export, str) else export["path"], encoding="utf-8") as handle:
        markdown = handle.read()
    assert markdown.startswith("# Conversation") and "2024-perpignan.txt" in markdown
    history, *_ = alice.predict(api_name="/new_conversation")
    assert history == []
    _, history, *_ = alice.predict("Et jusqu'à quand court-elle ?", api_name="/ask")
    assert len(history) == 2 and "Compris comme" not in _text(history[-1])
