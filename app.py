"""Gradio app for the CTG assistant: a thin client of the ``assistant`` library (tabs in ``ui/``).

Run ``make run`` (or ``python app.py``); it listens on ``CTG_HOST``:``CTG_PORT`` (127.0.0.1:7860).
"""
import os


def build_app(assistant):
    """The Blocks app; the index is opened (or built, with a progress bar) when a page loads."""
    import gradio as gr

    from assistant import messages
    from assistant.errors import CTGError
    from ui import chat, check, facts, report, sources

    def prepare(progress=gr.Progress()):
        def step(done, total):
            progress((done, total), desc=messages.APP_BUILDING, unit="document")

        try:
            assistant.ensure_index(progress=step)
        except CTGError as exc:
            raise gr.Error(str(exc)) from exc

    with gr.Blocks(title=messages.APP_TITLE) as demo:
        gr.Markdown(f"# {messages.APP_TITLE}\n{messages.APP_INTRO}")
        with gr.Tab("Questions"):
            chat.build(assistant)
        with gr.Tab("Vérifier une affirmation"):
            check.build(assistant)
        with gr.Tab("Fiches CTG"):
            table = facts.build(assistant)
        with gr.Tab("Sources"):
            source_table, source_choice, refresh_sources = sources.build(assistant)
        with gr.Tab("Évaluation"):
            report_html = report.build(assistant)
        ready = demo.load(prepare, None, None, api_name=False)
        ready.then(lambda: report.latest_report(assistant), None, report_html, api_name=False).then(
            lambda: facts.facts_table(assistant), None, table, api_name="facts").then(
            refresh_sources, None, [source_table, source_choice], api_name="sources")
    return demo


def main() -> None:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant import Assistant, Settings
    from assistant.render import CSS

    settings = Settings()
    demo = build_app(Assistant(settings))
    demo.queue(default_concurrency_limit=4)
    demo.launch(server_name=settings.host, server_port=settings.port, css=CSS, footer_links=[],
                auth=login(settings))


def login(settings):
    """``CTG_AUTH=user:password`` turns on Gradio's login page; None otherwise."""
    if not settings.auth:
        return None
    user, _, password = settings.auth.get_secret_value().partition(":")
    return (user, password) if user and password else None


if __name__ == "__main__":
    main()
