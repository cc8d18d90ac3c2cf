"""HTML and Markdown views of answers and passages (escaped: source text is never markup).

Used by the web app; kept here, free of any UI import, so that it is tested on its own.
"""
from __future__ import annotations

import html
import re

from assistant import messages
from assistant.results import Answer, Citation, Verdict

CITE = re.compile(r"\[(\d+)\]")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~$])")
CONTEXT_CHARS = 500
CLOSEST = 3  # passages shown under a refusal
EXCERPT_CHARS = 160


def escape_text(text: str) -> str:
    """Text shown as is inside Markdown: HTML escaped, Markdown syntax neutralised."""
    return html.escape(MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)


def answer_markdown(answer: Answer) -> str:
    """The answer for the chat: escaped text with ``[n]`` as links to the cited passages."""
    pieces, last = [], 0
    known = {c.n for c in answer.citations}
    for match in CITE.finditer(answer.text):
        pieces.append(escape_text(answer.text[last:match.start()]))
        n = int(match.group(1))
        pieces.append(f'<a href="#ctg-cit-{n}" class="ctg-cite">[{n}]</a>' if n in known else escape_text(match.group(0)))
        last = match.end()
    pieces.append(escape_text(answer.text[last:]))
    body = "".join(pieces)
    if answer.citations:
        sources = "; ".join(f"[{c.n}] {escape_text(c.title)}" + (f" — {escape_text(place(c))}" if place(c) else "")
                            for c in answer.citations)
        body += f"\n\n<small>Sources : {sources}</small>"
    if answer.refused and answer.passages:
        body += "\n\n" + closest_markdown(answer)
    return body


def closest(answer: Answer, limit: int = CLOSEST) -> list[tuple[str, str]]:
    """For a refusal: the closest passages as ``(label, excerpt)``, shown as leads, never as the answer."""
    out = []
    for p in answer.passages[:limit]:
        excerpt = " ".join(p.text.split())
        out.append((f"{p.title} ({p.doc})", excerpt[:EXCERPT_CHARS] + ("…" if len(excerpt) > EXCERPT_CHARS else "")))
    return out


def closest_markdown(answer: Answer) -> str:
    items = "\n".join(f"- {escape_text(label)} : « {escape_text(excerpt)} »" for label, excerpt in closest(answer))
    return f"<small>{escape_text(messages.CLOSEST_PASSAGES)} :</small>\n\n{items}"


def turn_markdown(answer: Answer, question: str) -> str:
    """A chat turn: "Compris comme : …" when a follow-up was resolved, then the answer."""
    body = answer_markdown(answer)
    if answer.resolved_question and answer.resolved_question.strip() != (question or "").strip():
        body = f"<small><em>{html.escape(messages.RESOLVED_AS)} {escape_text(answer.resolved_question)}</em></small>\n\n" + body
    return body


def place(c: Citation) -> str:
    """Where a quoted sentence is: its heading path and page ("Article 9 – Durée, p. 14"), "" when unknown."""
    return ", ".join(part for part in (c.section or "", f"p. {c.page}" if c.page else "") if part)


def citation_label(c: Citation) -> str:
    where = place(c)
    return f"[{c.n}] {c.title} ({c.doc}{f' — {where}' if where else ''})"


def passage_html(citation: Citation, document_text: str, metadata: dict) -> str:
    """The cited passage highlighted inside its document, with the document's title and territory."""
    e = html.escape
    start, end = citation.start, citation.end
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(document_text), end + CONTEXT_CHARS)
    marks = sorted((max(s, start), min(t, end)) for s, t in citation.highlights if t > start and s < end)
    inner, cursor = [], start
    for s, t in marks:
        inner.append(e(document_text[cursor:s]))
        inner.append(f"<strong>{e(document_text[s:t])}</strong>")
        cursor = t
    inner.append(e(document_text[cursor:end]))
    facts = [(messages.LABEL_TERRITORY, metadata.get("territory")), (messages.LABEL_CAF, metadata.get("caf")),
             (messages.LABEL_DATE, metadata.get("date"))]
    facts_html = " · ".join(f"{e(label)} : {e(str(value))}" for label, value in facts if value)
    url = metadata.get("source_url") or ""
    source_html = (f'<br>Source : <a href="{e(url)}" rel="noopener noreferrer nofollow" target="_blank">{e(url)}</a>'
                   if url.startswith(("http://", "https://")) else "")
    return (
        f'<div class="ctg-passage" id="ctg-cit-{citation.n}">'
        f"<h4>[{citation.n}] {e(citation.title)}</h4>"
        f'<p class="ctg-meta">{facts_html}<br><code>{e(citation.doc)}</code>'
        f'{f" — <b>{e(place(citation))}</b>" if place(citation) else ""}, caractères {start}–{end}'
        f'{source_html}</p>'
        f'<div class="ctg-doc">{"…" if lo else ""}{e(document_text[lo:start])}'
        f'<mark>{"".join(inner)}</mark>{e(document_text[end:hi])}{"…" if hi < len(document_text) else ""}</div>'
        "</div>"
    )


def empty_passage_html() -> str:
    return f'<div class="ctg-passage ctg-empty">{html.escape(messages.APP_NO_SOURCE)}</div>'


VERDICT_COLOURS = {"supported": "#2e7d32", "contradicted": "#c62828", "not_found": "#757575"}


def verdict_html(verdict: Verdict) -> str:
    """Badge (vert / rouge / gris), explanation, and each part of the claim with its own verdict."""
    e = html.escape
    colour = VERDICT_COLOURS[verdict.verdict]
    parts = "".join(
        f'<li><span class="ctg-dot" style="background:{VERDICT_COLOURS[p.verdict]}"></span>« {e(p.text)} » — '
        f"{e(messages.VERDICT_LABELS[p.verdict].lower())}{f' [{p.citation}]' if p.citation else ''}</li>"
        for p in verdict.parts)
    return (f'<div class="ctg-verdict ctg-{verdict.verdict}">'
            f'<span class="ctg-badge" style="background:{colour}">{e(messages.VERDICT_LABELS[verdict.verdict])}</span>'
            f"<p>{e(verdict.explanation)}</p><ul>{parts}</ul></div>")


CSS = """
.ctg-passage h4 { margin: 0 0 .3em 0; }
.ctg-meta { font-size: .85em; opacity: .8; margin: 0 0 .6em 0; }
.ctg-doc { white-space: pre-wrap; max-height: 60vh; overflow-y: auto; line-height: 1.45; }
.ctg-doc mark { background: #fff3b0; padding: 0 .1em; }
.ctg-doc mark strong { background: #ffd54f; }
a.ctg-cite { text-decoration: none; font-weight: 600; }
.ctg-badge { color: #fff; padding: .25em .7em; border-radius: 1em; font-weight: 600; }
.ctg-dot { display: inline-block; width: .7em; height: .7em; border-radius: 50%; margin-right: .4em; }
"""


def date_text(iso: str) -> str:
    """"2023-02-06" -> "6 février 2023", "2024-07" -> "juillet 2024", "--02-06" -> "6 février"."""
    from assistant.nlp.vocab import MONTHS as names

    parts = iso.lstrip("-").split("-")
    if iso.startswith("--"):
        return f"{int(parts[1])} {names[int(parts[0]) - 1]}"
    if len(parts) == 3:
        return f"{int(parts[2])} {names[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{names[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def on_date(iso: str) -> str:
    """"le 6 février 2023", "en juillet 2024", "en 2024"."""
    return ("le " if iso.startswith("--") or iso.count("-") == 2 else "en ") + date_text(iso)


def signed_text(iso: str) -> str:
    """A signing date as the text gives it: "le 6 février 2023", "en juillet 2024", "le 12 janvier, année non
    précisée"."""
    from assistant import messages

    return on_date(iso) + (f", {messages.YEAR_NOT_GIVEN}" if iso.startswith("--") else "")


def period_text(period: dict) -> str:
    start, end = period.get("start"), period.get("end")
    if start and end:
        return f"{start}-{end}"
    return f"jusqu'en {end}" if end else (f"à partir de {start}" if start else "—")


def person_text(person: dict) -> str:
    text = person["name"] + (f", {person['role']}" if person.get("role") else "")
    if person.get("organisation"):
        text += f" ({person['organisation']})"
    if person.get("on_behalf_of"):
        text += f", pour {person['on_behalf_of']}"
    return text


def fact_sheet_text(sheet: dict) -> str:
    """A fact sheet as readable French text (the CLI's ``ctg facts`` without --json)."""
    t = sheet.get("territory") or {}
    territory = t.get("name") or "—"
    if t.get("kind"):
        territory += f" ({t['kind']}" + (f", {t['communes']} communes" if t.get("communes") else "") + ")"
    lines = [f"== {sheet['title']} [{sheet['doc']}]",
             f"  {messages.LABEL_TERRITORY:<12}: {territory}",
             f"  {messages.LABEL_CAF:<12}: {sheet.get('caf') or '—'}",
             f"  {messages.LABEL_SIGNED:<12}: {sheet.get('signed_on') or '—'}",
             f"  {messages.LABEL_PERIOD:<12}: {period_text(sheet.get('period') or {})}",
             f"  {messages.LABEL_DOMAINS:<12}: {', '.join(sheet.get('domains') or []) or '—'}"]
    for label, key in ((messages.LABEL_SIGNATORIES, "signatories"), (messages.LABEL_PRESENT, "present")):
        for i, person in enumerate(sheet.get(key) or []):
            lines.append(f"  {label if i == 0 else '':<12}: {person_text(person)}")
    for label, key in ((messages.LABEL_OBJECTIVES, "objectives"), (messages.LABEL_ACTIONS, "actions")):
        for i, item in enumerate(sheet.get(key) or []):
            lines.append(f"  {label if i == 0 else '':<12}: {item}")
    figures = "; ".join(f"{f['value']} ({f['what']})" for f in sheet.get("figures") or [])
    if figures:
        lines.append(f"  {messages.LABEL_FIGURES:<12}: {figures}")
    return "\n".join(lines)


def metric_text(value) -> str:
    """A metric as the reports print it: "0.906", "257", "—" when not measured."""
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) and value <= 1.0 else f"{value:g}"


def accuracy_bars(per_kind: dict) -> list[dict]:
    """One row of the accuracy bar chart per question kind (value None: not evaluated)."""
    rows = []
    for i, kind in enumerate(sorted(per_kind)):
        value = per_kind[kind]["accuracy"]
        color = None if value is None else "#2e7d32" if value >= 0.9 else "#f9a825" if value >= 0.7 else "#c62828"
        rows.append({"kind": kind, "n": per_kind[kind]["n"], "value": value, "y": 5 + i * 26,
                     "width": None if value is None else int(value * 340), "color": color})
    return rows
