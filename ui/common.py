"""Helpers shared by the tabs: citations to and from JSON state, the passage panel, errors."""
from __future__ import annotations

from assistant import render
from assistant.results import Citation


def citation_from(data: dict) -> Citation:
    return Citation(**{**data, "highlights": tuple(tuple(h) for h in data["highlights"])})


def labels(cited: list[dict]) -> list[str]:
    return [render.citation_label(citation_from(c)) for c in cited]


def passage_panel(assistant, cited: list[dict], label: str | None) -> str:
    """The passage whose label is selected, highlighted in its document (or the empty panel)."""
    for data in cited:
        citation = citation_from(data)
        if render.citation_label(citation) == label:
            text, meta = assistant.document(citation.doc)
            return render.passage_html(citation, text, meta)
    return render.empty_passage_html()
