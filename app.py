"""Gradio chat for the CTG assistant: a thin client of the ``assistant`` library.

Run ``make run`` (or ``python app.py``); it listens on ``CTG_HOST``:``CTG_PORT`` (127.0.0.1:7860).
"""
import os  # no "from __future__ import annotations": gradio reads the gr.SelectData annotation


def build_app(assistant):
    """The Blocks app. Per-session state only: history and citations live in each browser session."""
    import gradio as gr

    from assistant import messages, render
    from assistant.errors import CTGError
    from assistant.results import Citation

    def respond(question, history, state):
        try:
            answer = assistant.ask(question)
        except CTGError as exc:
            raise gr.Error(str(exc)) from exc
        history = list(history or []) + [{"role": "user", "content": render.escape_text(question)},
                                         {"role": "assistant", "content": render.answer_markdown(answer)}]
        cited = [c.to_dict() for c in answer.citations]
        state = list(state or []) + [cited]
        labels = [render.citation_label(Citation(**_citation_args(c))) for c in cited]
        first = labels[0] if labels else None
        return "", history, state, gr.update(choices=labels, value=first), _panel(cited, first)

    def _citation_args(data: dict) -> dict:
        return {**data, "highlights": tuple(tuple(h) for h in data["highlights"])}

    def _panel(cited: list[dict], label: str | None) -> str:
        for data in cited:
            citation = Citation(**_citation_args(data))
            if render.citation_label(citation) == label:
                text, meta = assistant.document(citation.doc)
                return render.passage_html(citation, text, meta)
        return render.empty_passage_html()

    def show(label, state):
        return _panel(state[-1] if state else [], label)

    def select_answer(state, event: gr.SelectData):
        # Clicking an earlier answer shows its citations.
        index = event.index // 2 if isinstance(event.index, int) else len(state or []) - 1
        cited = state[index] if state and 0 <= index < len(state) else []
        labels = [render.citation_label(Citation(**_citation_args(c))) for c in cited]
        first = labels[0] if labels else None
        return gr.update(choices=labels, value=first), _panel(cited, first)

    def prepare(progress=gr.Progress()):
        def step(done, total):
            progress((done, total), desc=messages.APP_BUILDING, unit="document")

        try:
            assistant.ensure_index(progress=step)
        except CTGError as exc:
            raise gr.Error(str(exc)) from exc

    def facts_table():
        from assistant.factsview import fact_table

        headers, rows = fact_table(assistant.facts())
        return gr.update(value=rows, headers=headers)

    def show_fact(event: gr.SelectData):
        from assistant.factsview import cell_span

        row, column = event.index if isinstance(event.index, (list, tuple)) else (event.index, 0)
        doc = (event.row_value or [None])[-1]
        sheet = next((s for s in assistant.facts() if s["doc"] == doc), None)
        span = cell_span(sheet, column) if sheet else None
        if span is None:
            return render.empty_passage_html()
        text, meta = assistant.document(doc)
        citation = Citation(n=1, doc=doc, title=sheet["title"], text=text[span[0]:span[1]], start=span[0],
                            end=span[1], score=1.0, highlights=(span,))
        return render.passage_html(citation, text, meta)

    def export_csv():
        import tempfile

        from assistant.factsview import facts_csv

        path = os.path.join(tempfile.mkdtemp(prefix="ctg-"), "fiches-ctg.csv")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(facts_csv(assistant.facts()))
        return path

    def latest_report() -> str:
        from evals.report import report_panel

        return report_panel(assistant.settings.report_dir)

    with gr.Blocks(title=messages.APP_TITLE) as demo:
        gr.Markdown(f"# {messages.APP_TITLE}\n{messages.APP_INTRO}")
        state = gr.State([])
        with gr.Tab("Questions"), gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Conversation", height=520, sanitize_html=True)
                question = gr.Textbox(placeholder=messages.APP_PLACEHOLDER, show_label=False, submit_btn="Envoyer")
                gr.Examples(messages.EXAMPLES, inputs=question, label="Exemples de questions")
            with gr.Column(scale=2):
                choice = gr.Radio(label=messages.APP_SOURCES, choices=[], interactive=True)
                passage = gr.HTML(render.empty_passage_html())
        with gr.Tab("Fiches CTG"):
            gr.Markdown(messages.FACTS_INTRO)
            table = gr.Dataframe(interactive=False, show_search="filter", wrap=True)
            with gr.Row():
                gr.DownloadButton(messages.FACTS_CSV, value=export_csv, size="sm")
            fact_passage = gr.HTML(render.empty_passage_html())
        with gr.Tab("Évaluation"):
            report = gr.HTML()
            reload = gr.Button("Recharger le dernier rapport", size="sm")
        question.submit(respond, [question, chatbot, state], [question, chatbot, state, choice, passage],
                        api_name="ask")
        choice.change(show, [choice, state], passage, api_name=False)
        chatbot.select(select_answer, [state], [choice, passage], api_name=False)
        reload.click(latest_report, None, report, api_name="report")
        ready = demo.load(prepare, None, None, api_name=False)
        ready.then(latest_report, None, report, api_name=False).then(facts_table, None, table, api_name="facts")
        table.select(show_fact, None, fact_passage, api_name=False)
    return demo


def main() -> None:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant import Assistant, Settings
    from assistant.render import CSS

    settings = Settings()
    assistant = Assistant(settings)
    demo = build_app(assistant)
    demo.queue(default_concurrency_limit=4)
    demo.launch(server_name=settings.host, server_port=settings.port, css=CSS, footer_links=[])


if __name__ == "__main__":
    main()
