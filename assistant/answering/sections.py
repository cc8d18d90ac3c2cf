"""Where a part of a convention is: "dans quelle annexe se trouve le plan d'actions ?", "quel article porte sur le
pilotage ?". Answered with the heading of that part, quoted as the document writes it; its page comes with the
citation. The headings are those the index stored with each document (``ingest.structure``)."""
from __future__ import annotations

import json
import re

from assistant.answering.parts import row_headers
from assistant.answering.qtypes import folded_question
from assistant.ingest.structure import PATH_SEP
from assistant.nlp.terms import GENERIC_TERMS, QUESTION_FRAME
from assistant.nlp.text import analyze
from assistant.results import Answer, Citation
from assistant.retrieval.convention import without_names

# a question about where something is in the document, not where it happened ("où a été signée") or stands ("où se
# trouve la crèche"): "où" asks for a part of the text only with a word of the text's parts
WHERE = re.compile(r"\bou (?:trouver|trouve-t-on|se trouve(?:nt)?|figure(?:nt)?|lire)\b"
                   r"(?=.*\b(?:annexes?|articles?|chapitres?|parties?|sections?|tableaux?|fiches?|plan|liste|page)\b)"
                   r"|\bdans quel(?:le)? (?:annexe|partie|article|chapitre|titre|section)\b"
                   r"|\bquel(?:le)? (?:article|annexe|chapitre|partie|section)\b|\ba quelle page\b")
TABLE = re.compile(r"\btableaux?\b")
PARTS = ("annexe", "article", "chapitre", "titre", "partie", "section")
# words that ask where, not what the part is about
LOCATING = set(analyze(" ".join(PARTS) + " page trouver trouve figure consacré porte traite règles lire"))


class SectionLocator:
    """Answers "where is it" questions about one convention from its headings."""

    def __init__(self, document, finder, sheet):
        self._document = document  # doc -> (text, metadata)
        self._finder = finder  # ConventionFinder
        self._sheet = sheet  # doc -> fact sheet

    def answer(self, question: str, about: str | None = None) -> Answer | None:
        """The heading of the part the question asks for, cited; None when the question asks no such thing,
        names no convention (and none is being discussed) or no heading says what it asks about."""
        f = folded_question(question)
        if not WHERE.search(f):
            return None
        doc = self._finder.named(question) or about
        if doc is None:
            return None
        text, metadata = self._document(doc)
        found = json.loads(metadata.get("sections") or "[]")
        terms = set(analyze(without_names(question, self._sheet(doc)) or "")) - QUESTION_FRAME - GENERIC_TERMS - LOCATING
        if not found or not terms:
            return None
        asked = [part for part in PARTS if re.search(rf"\b{part}", f)]
        table = TABLE.search(f) is not None
        ends = {start: end for (start, _), (end, _) in zip(found, found[1:] + [(len(text), "")])}
        start, path = max(found, key=lambda item: _match(item, terms, asked, table and _holds_table(
            text[item[0]:ends[item[0]]])))
        if not terms & set(analyze(_title(path))):
            return None
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        citation = Citation(n=1, doc=doc, title=metadata.get("title", ""), text=line, start=start, end=end,
                            score=1.0, highlights=((start, end),))
        return Answer(text=f"{line} [1]", refused=False, citations=[citation], confidence=1.0)


def _holds_table(part: str) -> bool:
    """Whether a part of the text holds a table: rows written "Pilote : Caf ; Échéance : 2026" by the reader."""
    return any(len(row_headers(line)) >= 2 for line in part.split("\n"))


def _match(item, terms: set[str], asked: list[str], table: bool = False) -> tuple:
    """How well a heading answers: the question's words it says, then whether its part holds the table asked
    for, then whether it is the kind of part asked for (an annex, an article), then the first in the document."""
    offset, path = item
    title = _title(path).lower()
    # an article may be numbered alone ("7.", "VII.")
    kind = any(title.startswith(part) or (part == "article" and re.match(r"^(?:[ivx]+|\d+)[.)]", title))
               for part in asked)
    return len(terms & set(analyze(title))), table, kind, -offset


def _title(path: str) -> str:
    """The heading itself, without the parts above it."""
    return path.split(PATH_SEP)[-1]
