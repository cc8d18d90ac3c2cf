"""Answers written by the optional language model, kept only where the cited passages support them."""
from __future__ import annotations

import logging
from collections.abc import Callable

from assistant import messages
from assistant.answering.llm import LLMClient, LLMFailure
from assistant.answering.verify import CITE, check
from assistant.nlp.text import fold
from assistant.results import Answer, Citation

log = logging.getLogger(__name__)


def llm_answer(client: LLMClient, question: str, passages: list, extractive: Answer,
               on_delta: Callable[[str], None] | None = None) -> Answer:
    """The model's answer over numbered ``passages`` (``Passage`` objects), verified; ``extractive`` otherwise."""
    numbered = [(n, p.title, p.text) for n, p in enumerate(passages, 1)]
    try:
        parts = []
        for delta in client.stream(question, numbered):
            parts.append(delta)
            if on_delta:
                on_delta(delta)
        raw = "".join(parts).strip()
    except LLMFailure as exc:
        log.warning("language model unavailable, extractive answer given: %s", exc)
        return _fallback(extractive, messages.LLM_FALLBACK)
    if fold(raw).startswith(fold(messages.REFUSAL)[:30]):
        return Answer(text=messages.REFUSAL, refused=True, mode="llm")
    checked = check(raw, {n: p.text for n, p in enumerate(passages, 1)})
    if not checked.sentences:
        log.warning("no sentence of the model's answer is supported by its passages: %r", raw[:300])
        return _fallback(extractive, messages.LLM_UNSUPPORTED)
    renumber = {old: new for new, old in enumerate(checked.cited, 1)}
    text = " ".join(CITE.sub(lambda m: f"[{renumber[int(m.group(1))]}]" if int(m.group(1)) in renumber else "",
                             s) for s in checked.sentences)
    notice = messages.LLM_DROPPED.format(n=len(checked.dropped)) if checked.dropped else None
    citations = [Citation(n=new, doc=p.doc, title=p.title, text=p.text, start=p.start, end=p.end, score=p.score)
                 for old, new in renumber.items() for p in [passages[old - 1]]]
    return Answer(text=text + (f"\n\n({notice})" if notice else ""), refused=False, citations=citations,
                  confidence=extractive.confidence, mode="llm", notice=notice)


def _fallback(extractive: Answer, notice: str) -> Answer:
    extractive.notice = notice
    if not extractive.refused:
        extractive.text = f"{extractive.text}\n\n({notice})"
    return extractive
