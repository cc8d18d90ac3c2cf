"""Candidates narrowed to what a question points to: a page ("sur la page de titre"), a numbered part ("l'action
2.3", "l'article 9", an action quoted by its title) and, in a table, the row that holds the asked cell ("quel
pilote…", "combien d'habitants compte Brévannes"). Also where a sentence lies: its heading path and its page."""
from __future__ import annotations

import json
from bisect import bisect_right

from assistant.answering.parts import column_words, page_reference, part_match, references, row_headers
from assistant.ingest.readers import page_of, parse_page_starts
from assistant.ingest.structure import PATH_SEP
from assistant.nlp.terms import GENERIC_TERMS, QUESTION_FRAME, matches
from assistant.nlp.text import analyze


class Narrower:
    """Where the sentences of one index lie (heading path, page), and the candidates a question points to."""

    def __init__(self, handle):
        self._handle = handle
        self._sections: dict[str, tuple[list[int], list[tuple[str, set[str], set[str]]]]] = {}  # doc id -> headings
        self._pages: dict[str, list[int]] = {}  # doc id -> where each page starts

    def section(self, doc_id: str, offset: int) -> tuple[str, set[str], set[str]] | None:
        """The heading path a sentence is under, the terms of its last heading and of the whole path."""
        if doc_id not in self._sections:
            stored = self._handle.docstore.get_document(doc_id).metadata.get("sections") or "[]"
            found = json.loads(stored)
            self._sections[doc_id] = ([start for start, _ in found],
                                      [(path, set(analyze(path.split(PATH_SEP)[-1])), set(analyze(path)))
                                       for _, path in found])
        starts, sections = self._sections[doc_id]
        i = bisect_right(starts, offset)
        return sections[i - 1] if i else None

    def page(self, doc_id: str, offset: int) -> int | None:
        """The page a sentence is printed on (None for documents without pages)."""
        if doc_id not in self._pages:
            stored = self._handle.docstore.get_document(doc_id).metadata.get("page_starts")
            self._pages[doc_id] = parse_page_starts(stored)
        return page_of(self._pages[doc_id], offset) if self._pages[doc_id] else None

    def narrow(self, question: str, out: list, hits: list) -> list:
        """The candidates on the page or in the part the question names, when some are (else all), the row that
        holds the asked cell given the best probability."""
        page = page_reference(question)
        if page is not None:
            out = [c for c in out if self.page(hits[c.hit_index].node.ref_doc_id, c.start) == page] or out
        refs = references(question)
        out = self._in_named_part(refs, out, hits)
        self._prefer_asked_cells(question, refs, out, hits)
        return out

    def _in_named_part(self, refs: list[tuple[str, str]], out: list, hits: list) -> list:
        """The candidates in the numbered part the question names ("l'action 2.3"), when some are; else all."""
        if not refs:
            return out
        surely = []
        for c in out:
            section = self.section(hits[c.hit_index].node.ref_doc_id, c.start)
            surely.append(part_match(refs, section[0] if section else None, c.text))
        best = max(surely, default=0)
        return [c for c, m in zip(out, surely) if m == best] if best else out

    def _prefer_asked_cells(self, question: str, refs: list[tuple[str, str]], out: list, hits: list) -> None:
        """A table row that holds the asked cell comes first: the question names its first cell (the place, the
        action, the year) and one of its other headers ("Combien d'habitants compte Brévannes ?" → "Commune :
        Brévannes ; Population municipale : 1 200"). The convention's own name is no header it asks for, nor
        the word that names the row ("l'action 2.3")."""
        naming = {t for word, _ in refs if word != "title" for t in analyze(word)}
        asked = set(analyze(question)) - GENERIC_TERMS - QUESTION_FRAME
        if not asked or not out:
            return
        top = max(c.score for c in out)
        own = [set(analyze(hit.node.metadata.get("territory", ""))) for hit in hits]
        for c in out:
            if holds_asked_cell(asked - own[c.hit_index], c.text, naming):
                c.score = min(1.0, top + 1e-3)


def holds_asked_cell(asked: set[str], sentence: str, naming: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a table row's first cell says only words of the question and another header one more."""
    headers = row_headers(sentence)
    if len(headers) < 2:
        return False
    columns = [set(analyze(column_words(h))) for h in headers]
    key = set(analyze(sentence.split(" ; ", 1)[0].split(" : ", 1)[-1]))
    if not key or not key <= asked:
        return False
    return any(matches(t, terms) for t in asked - key - naming for terms in columns[1:])
