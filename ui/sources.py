"""The "Sources" tab: the indexed documents with their metadata and chunk counts; upload and delete for
administrators (only when ``CTG_ADMIN_PASSWORD`` is set, and entered), with a progress bar while indexing."""
from pathlib import Path

import gradio as gr

from assistant import messages
from assistant.errors import CTGError

COLUMNS = ["doc", "title", "format", "pages", "date", "territory", "caf", "source_url", "chunks"]


def build(assistant):
    """The tab's components; returns the table, filled once the index is ready."""
    gr.Markdown(messages.SOURCES_INTRO)
    table = gr.Dataframe(headers=messages.SOURCES_HEADERS, interactive=False, show_search="filter", wrap=True)
    enabled = assistant.settings.admin_password is not None
    with gr.Accordion(messages.SOURCES_ADMIN, open=False, visible=enabled):
        password = gr.Textbox(label=messages.SOURCES_PASSWORD, type="password")
        with gr.Row():
            upload = gr.File(label=messages.SOURCES_UPLOAD, file_count="multiple",
                             file_types=[".txt", ".md", ".html", ".htm", ".pdf", ".docx"])
            with gr.Column():
                target = gr.Dropdown(label=messages.SOURCES_DELETE, choices=[], interactive=True)
                delete = gr.Button(messages.SOURCES_DELETE_BUTTON, variant="stop", size="sm")
        outcome = gr.Markdown()
    if not enabled:
        gr.Markdown(messages.ADMIN_DISABLED)

    def refresh():
        rows = assistant.sources()
        return (gr.update(value=[[row[c] if row[c] is not None else "" for c in COLUMNS] for row in rows]),
                gr.update(choices=[row["doc"] for row in rows], value=None))

    def add(files, secret, progress=gr.Progress()):
        pairs = [(Path(f).name if isinstance(f, str) else Path(f.name).name,
                  Path(f if isinstance(f, str) else f.name).read_bytes()) for f in files or []]
        try:
            report = assistant.add_files(pairs, secret, progress=_steps(progress))
        except CTGError as exc:
            raise gr.Error(str(exc)) from exc
        return (_summary(report), *refresh())

    def remove(doc, secret, progress=gr.Progress()):
        if not doc:
            raise gr.Error(messages.SOURCES_PICK)
        try:
            report = assistant.remove_document(doc, secret, progress=_steps(progress))
        except CTGError as exc:
            raise gr.Error(str(exc)) from exc
        return (_summary(report), *refresh())

    upload.upload(add, [upload, password], [outcome, table, target], api_name="upload")
    delete.click(remove, [target, password], [outcome, table, target], api_name="delete")
    return table, target, refresh


def _steps(progress):
    def step(done, total):
        progress((done, total), desc=messages.INDEXING, unit="document")

    return step


def _summary(report: dict) -> str:
    lines = [messages.SOURCES_DONE.format(**{k: report.get(k, 0) for k in ("added", "updated", "removed",
                                                                            "unchanged")})]
    lines += [f"- {messages.SOURCES_REFUSED} `{f['file']}` : {f['error']}" for f in report.get("failed", [])]
    lines += [f"- {messages.SOURCES_DUPLICATE} `{d['file']}` ≈ `{d['duplicate_of']}`" for d in report.get("duplicates", [])]
    return "\n".join(lines)
