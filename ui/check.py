"""The "Vérifier une affirmation" tab: a claim, its verdict badge, each part with its passage."""
from __future__ import annotations

import gradio as gr

from assistant import messages, render
from assistant.errors import CTGError

from .common import labels, passage_panel


def build(assistant) -> None:
    gr.Markdown(messages.CHECK_INTRO)
    cited_state = gr.State([])
    with gr.Row():
        with gr.Column(scale=3):
            claim = gr.Textbox(label=messages.CHECK_LABEL, placeholder=messages.CHECK_PLACEHOLDER,
                               submit_btn="Vérifier")
            gr.Examples(messages.CHECK_EXAMPLES, inputs=claim, label="Exemples")
            verdict_html = gr.HTML()
        with gr.Column(scale=2):
            choice = gr.Radio(label=messages.APP_SOURCES, choices=[], interactive=True)
            passage = gr.HTML(render.empty_passage_html())

    def check(text):
        try:
            verdict = assistant.check(text)
        except CTGError as exc:
            raise gr.Error(str(exc)) from exc
        cited = [c.to_dict() for c in verdict.citations]
        names = labels(cited)
        first = names[0] if names else None
        return (render.verdict_html(verdict), cited, gr.update(choices=names, value=first),
                passage_panel(assistant, cited, first))

    claim.submit(check, [claim], [verdict_html, cited_state, choice, passage], api_name="check")
    choice.change(lambda label, cited: passage_panel(assistant, cited, label), [choice, cited_state], passage,
                  api_name=False)
