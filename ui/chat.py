"""The "Questions" tab: the chat, its citations and the cited passage in its document."""

import gradio as gr

from assistant import messages, render
from assistant.errors import CTGError

from .common import labels, passage_panel


def build(assistant) -> None:
    """Per-session state only: each browser session has its own history and citations."""
    state = gr.State([])
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="Conversation", height=520, sanitize_html=True)
            question = gr.Textbox(placeholder=messages.APP_PLACEHOLDER, show_label=False, submit_btn="Envoyer")
            gr.Examples(messages.EXAMPLES, inputs=question, label="Exemples de questions")
        with gr.Column(scale=2):
            choice = gr.Radio(label=messages.APP_SOURCES, choices=[], interactive=True)
            passage = gr.HTML(render.empty_passage_html())

    def respond(text, history, cited_by_turn):
        try:
            answer = assistant.ask(text)
        except CTGError as exc:
            raise gr.Error(str(exc)) from exc
        history = list(history or []) + [{"role": "user", "content": render.escape_text(text)},
                                         {"role": "assistant", "content": render.answer_markdown(answer)}]
        cited = [c.to_dict() for c in answer.citations]
        names = labels(cited)
        first = names[0] if names else None
        return ("", history, list(cited_by_turn or []) + [cited], gr.update(choices=names, value=first),
                passage_panel(assistant, cited, first))

    def show(label, cited_by_turn):
        return passage_panel(assistant, cited_by_turn[-1] if cited_by_turn else [], label)

    def select_answer(cited_by_turn, event: gr.SelectData):
        # Clicking an earlier answer shows its citations.
        index = event.index // 2 if isinstance(event.index, int) else len(cited_by_turn or []) - 1
        cited = cited_by_turn[index] if cited_by_turn and 0 <= index < len(cited_by_turn) else []
        names = labels(cited)
        first = names[0] if names else None
        return gr.update(choices=names, value=first), passage_panel(assistant, cited, first)

    question.submit(respond, [question, chatbot, state], [question, chatbot, state, choice, passage],
                    api_name="ask")
    choice.change(show, [choice, state], passage, api_name=False)
    chatbot.select(select_answer, [state], [choice, passage], api_name=False)
