"""The "Évaluation" tab: the latest evaluation report."""
from __future__ import annotations

import gradio as gr


def build(assistant):
    report = gr.HTML()
    reload = gr.Button("Recharger le dernier rapport", size="sm")
    reload.click(lambda: latest_report(assistant), None, report, api_name="report")
    return report


def latest_report(assistant) -> str:
    from evals.report import report_panel

    return report_panel(assistant.settings.report_dir)
