"""A claim about a cell of a convention's table: "l'action 2.2 est pilotée par « France services »". The row is the
one whose first cell is the part's number ("N° : 2.2 ; …"), the cell the one whose header a word of the claim says
("pilotée" → "Pilote"); the value the claim quotes is compared with that cell.
"""
from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.parts import QUOTED, column_words, numbered_row, references, row_cells
from assistant.nlp.segment import sentence_spans
from assistant.nlp.terms import matches
from assistant.nlp.text import analyze, fold


@dataclass
class CellMatch:
    verdict: str  # "supported" or "contradicted"
    found: str  # the cell's value
    said: tuple[int, int]  # the quoted value in the claim
    evidence: tuple[int, int]  # the row in the text


def match_cell(claim: str, text: str) -> CellMatch | None:
    """The cell a claim quotes a value for, compared; None when the claim names no numbered row and value, or
    the text has no such row and column."""
    refs = [(word, number) for word, number in references(claim) if word != "title" and "." in number]
    quoted = next(QUOTED.finditer(claim), None)
    if not refs or quoted is None:
        return None
    value, numbers = quoted.group(1), [number for _, number in refs]
    naming = {t for ref in refs for t in analyze(" ".join(ref))}  # "l'action 2.2" names the row, no column
    asked = set(analyze(claim[: quoted.start()] + " " + claim[quoted.end():])) - set(analyze(value)) - naming
    for start, end in sentence_spans(text):
        row = text[start:end]
        if not any(numbered_row(number, fold(row)) for number in numbers):
            continue
        for header, cell in row_cells(row)[1:]:
            if any(matches(t, set(analyze(column_words(header)))) for t in asked):
                same = fold(value).strip(" .") in fold(cell) or fold(cell).strip(" .") == fold(value).strip(" .")
                return CellMatch("supported" if same else "contradicted", cell, quoted.span(1), (start, end))
    return None
