"""The "Questions" tab: a conversation per browser session, its citations and the cited passage.

The session keeps only plain data (``Conversation.state``): the conversation is rebuilt for each request, so
sessions never share anything. Follow-ups are resolved ("Compris comme : …"), up to three follow-up questions
are suggested, the conversation can be restarted or exported as Markdown. With a language model configured,
its text is streamed, then replaced by the verified answer.
"""
import copy

import gradio as gr

from assistant import messages, render
from assistant.errors import CTGError

from .common import labels, passage_panel
from .exports import write_export

SUGGESTION_SLOTS = 3


def build(assistant) -> None:
    state = gr.State(None)
    with gr.Row():
        with gr.Column(scale=3):
            chatbot, question, suggestions, new, export = _conversation_column()
        with gr.Column(scale=2):
            choice = gr.Radio(label=messages.APP_SOURCES, choices=[], interactive=True)
            passage = gr.HTML(render.empty_passage_html())

    respond = _responder(assistant)
    outputs = [question, chatbot, state, choice, passage, export, *suggestions]
    question.submit(respond, [question, state], outputs, api_name="ask")
    for button in suggestions:
        button.click(respond, [button, state], outputs, api_name=False)
    new.click(_restart, None, [chatbot, state, choice, passage, export, *suggestions], api_name="new_conversation")
    choice.change(_passage_shower(assistant), [choice, state], passage, api_name=False)
    chatbot.select(_answer_selector(assistant), [state], [choice, passage], api_name=False)


def _conversation_column():
    """The chat, the question box, the suggestion buttons, "new conversation", the export and the examples."""
    chatbot = gr.Chatbot(label="Conversation", height=520, sanitize_html=True)
    question = gr.Textbox(placeholder=messages.APP_PLACEHOLDER, show_label=False, submit_btn="Envoyer")
    with gr.Row():
        suggestions = [gr.Button(visible=False, size="sm", variant="secondary")
                       for _ in range(SUGGESTION_SLOTS)]
    with gr.Row():
        new = gr.Button(messages.NEW_CONVERSATION, size="sm")
        export = gr.DownloadButton(messages.EXPORT_CONVERSATION, size="sm", visible=False)
    gr.Examples(messages.EXAMPLES, inputs=question, label="Exemples de questions")
    return chatbot, question, suggestions, new, export


def _responder(assistant):
    """The handler of a question: the language model's text as it comes, then the answer, its sources, the
    export and the suggested follow-ups."""

    def respond(text, saved):
        # the session's state is the source of truth: the chat is redrawn from it
        conversation = assistant.conversation(copy.deepcopy(saved) if saved else None)
        history = _history(conversation.state) + [{"role": "user", "content": render.escape_text(text or "")},
                                                  {"role": "assistant", "content": ""}]
        written, answer = "", None
        try:
            for event in conversation.ask_stream(text):
                if isinstance(event, str):  # a language model's text, shown as it comes
                    written += event
                    history[-1]["content"] = render.escape_text(written)
                    yield ("", history, gr.update(), gr.update(), gr.update(), gr.update(),
                           *[gr.update()] * SUGGESTION_SLOTS)
                else:
                    answer = event
        except CTGError as exc:
            raise gr.Error(str(exc)) from exc
        history[-1]["content"] = conversation.state["turns"][-1]["shown"] = render.turn_markdown(answer, text)
        cited = [c.to_dict() for c in answer.citations]
        names = labels(cited)
        first = names[0] if names else None
        yield ("", history, conversation.state, gr.update(choices=names, value=first),
               passage_panel(assistant, cited, first), gr.update(value=_export(conversation), visible=True),
               *_suggestion_updates(answer.suggestions))

    return respond


def _passage_shower(assistant):
    """The handler of a source picked in the list: its passage, among the last answer's citations."""

    def show(label, saved):
        turns = (saved or {}).get("turns") or [{"answer": {"citations": []}}]
        return passage_panel(assistant, turns[-1]["answer"]["citations"], label)

    return show


def _answer_selector(assistant):
    """The handler of a click on an answer of the chat: that answer's citations and its first passage."""

    def select_answer(saved, event: gr.SelectData):
        turns = (saved or {}).get("turns") or []
        index = event.index // 2 if isinstance(event.index, int) else len(turns) - 1
        cited = turns[index]["answer"]["citations"] if 0 <= index < len(turns) else []
        names = labels(cited)
        first = names[0] if names else None
        return gr.update(choices=names, value=first), passage_panel(assistant, cited, first)

    return select_answer


def _restart():
    return ([], None, gr.update(choices=[], value=None), render.empty_passage_html(),
            gr.update(value=None, visible=False), *_suggestion_updates([]))


def _history(state: dict) -> list[dict]:
    history = []
    for turn in state["turns"]:
        history += [{"role": "user", "content": render.escape_text(turn["question"])},
                    {"role": "assistant", "content": turn.get("shown", "")}]
    return history


def _suggestion_updates(suggested: list[str]) -> list:
    return [gr.update(value=suggested[i], visible=True) if i < len(suggested) else gr.update(visible=False)
            for i in range(SUGGESTION_SLOTS)]


def _export(conversation) -> str:
    """The conversation as a Markdown file for the download button (see ``ui.exports``)."""
    return write_export("conversation-ctg.md", conversation.to_markdown())
