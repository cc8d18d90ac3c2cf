"""The "Fiches CTG" tab: one row per convention, sortable and filterable; a click shows the fact's passage."""

import gradio as gr

from assistant import messages, render
from assistant.results import Citation


def build(assistant):
    """The tab's components; returns the table, filled once the index is ready."""
    gr.Markdown(messages.FACTS_INTRO)
    table = gr.Dataframe(interactive=False, show_search="filter", wrap=True)
    with gr.Row():
        gr.DownloadButton(messages.FACTS_CSV, value=lambda: export_csv(assistant), size="sm")
    fact_passage = gr.HTML(render.empty_passage_html())

    def show_fact(event: gr.SelectData):
        from assistant.facts.view import cell_span

        row, column = event.index if isinstance(event.index, (list, tuple)) else (event.index, 0)
        doc = (event.row_value or [None])[-1]
        sheet = assistant.sheet(doc)
        span = cell_span(sheet, column) if sheet else None
        if span is None:
            return render.empty_passage_html()
        text, meta = assistant.document(doc)
        citation = Citation(n=1, doc=doc, title=sheet["title"], text=text[span[0]:span[1]], start=span[0],
                            end=span[1], score=1.0, highlights=(span,))
        return render.passage_html(citation, text, meta)

    table.select(show_fact, None, fact_passage, api_name=False)
    return table


def facts_table(assistant):
    from assistant.facts.view import fact_table

    headers, rows = fact_table(assistant.facts())
    return gr.update(value=rows, headers=headers)


def export_csv(assistant) -> str:
    from assistant.facts.view import facts_csv

    from .exports import write_export

    return write_export("fiches-ctg.csv", facts_csv(assistant.facts()), newline="")
