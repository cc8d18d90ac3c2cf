"""The "Évaluation" tab: the latest evaluation report, read from ``report.json`` in ``settings.report_dir``.

The tab renders the report itself (Jinja2, autoescaped) so that the web app does not depend on ``evals``.
"""
from __future__ import annotations

import json
from pathlib import Path

import gradio as gr
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from assistant import messages
from assistant.render import accuracy_bars, metric_text

_ENV = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def build(assistant):
    report = gr.HTML()
    reload = gr.Button("Recharger le dernier rapport", size="sm")
    reload.click(lambda: latest_report(assistant), None, report, api_name="report")
    return report


def latest_report(assistant) -> str:
    return report_panel(assistant.settings.report_dir)


def report_panel(report_dir: Path) -> str:
    """The latest report as an HTML fragment (or how to produce one when ``report_dir`` has none)."""
    path = Path(report_dir) / "report.json"
    if not path.exists():
        return _ENV.get_template("report_panel.html.j2").render(report=None, report_dir=str(report_dir))
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # being written by `ctg eval`, or damaged: say so, keep the app up
        raise gr.Error(messages.REPORT_UNREADABLE.format(path=path, error=exc)) from exc
    confusion = report.get("claim_confusion")
    if not confusion or not any(sum(row.values()) for row in confusion.values()):
        confusion = None
    return _ENV.get_template("report_panel.html.j2").render(
        report=report, bars=accuracy_bars(report["per_kind"]), confusion=confusion, verdicts=list(confusion or ()),
        failures=[i for i in report["items"] if i.get("correct") is False])


_ENV.filters["fmt"] = metric_text
