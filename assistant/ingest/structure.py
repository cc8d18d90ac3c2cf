"""The heading structure of a document: where each titled part begins and its path ("Annexe 2 – Plan d'actions ›
Axe 1 – Petite enfance").

Headings come from the layout (a heading style, bold or bigger type: ``Read.headings``) and from how French
conventions title their parts, in any format: "Titre II", "Chapitre 1", "Article 4 – Durée", "ARTICLE 4 :",
"Annexe 2", "IV. Durée", "Axe 1 :", "Préambule". A number alone ("4. Durée", "4.1 Les crèches") is a heading only
when the layout shows one or the line stands alone between blank lines, as a list item does not.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from assistant.nlp.text import fold

_SEP = r"(?:\s*[.:)–—-]\s*|\s+|$)"
NAMED = [  # (level, pattern): parts French conventions name
    (1, re.compile(rf"^(?:titre|chapitre|partie)\s+(?:[IVXLC]+|\d+|premi[eè]re?|unique){_SEP}", re.I)),
    (1, re.compile(rf"^annexes?(?:\s+(?:n°\s*)?(?:\d+|[IVXLC]+|[A-Z]))?{_SEP}", re.I)),
    (3, re.compile(rf"^article\s+\d+\.\d+{_SEP}", re.I)),
    (2, re.compile(rf"^article\s+(?:\d+|[IVXLC]+|premier|1er|unique){_SEP}", re.I)),
    (3, re.compile(rf"^(?:axe|orientation|objectif|fiche(?:[- ]action)?)\s+(?:n°\s*)?(?:\d+|[IVXLC]+){_SEP}", re.I)),
    (2, re.compile(r"^(?:pr[ée]ambule|sommaire|table des mati[èe]res|expos[ée] des motifs|visas|"
                   r"entre les soussign[ée]s|signatures?)\s*:?$", re.I)),
    (2, re.compile(r"^[IVX]{1,5}\s*[.)–—-]\s+[A-ZÀ-Ý]")),
]
NUMBERED = [(3, re.compile(r"^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+[A-ZÀ-Ýa-zà-ÿ]")),
            (2, re.compile(r"^\d{1,2}\s*[.)–—-]\s+[A-ZÀ-Ý]"))]
MAX_WORDS = 16
MAX_TITLE = 90
PATH_SEP = " › "
CONTENTS_TAIL = re.compile(r"(?:\s*(?:\.\s?){2,}|\s*…+|\s+)\s*\d{1,3}\s*$")  # "…… 12", ". . . 4", " 12"


@dataclass(frozen=True)
class Heading:
    start: int
    level: int
    title: str


def heading_level(line: str, standalone: bool = False) -> int | None:
    """The level of a heading line (1 for the biggest parts), None when it is not one."""
    line = line.strip()
    if not line or len(line.split()) > MAX_WORDS or line.endswith((".", ",", ";")) and not line[-2:-1].isdigit():
        return None
    for level, pattern in NAMED:
        if pattern.match(line):
            return level
    if standalone:
        for level, pattern in NUMBERED:
            if pattern.match(line):
                return level
    return None


def _title(line: str) -> str:
    line = " ".join(line.split())
    return line if len(line) <= MAX_TITLE else line[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"


def headings(text: str, layout: list[tuple[int, int]] = ()) -> list[Heading]:
    """Headings of ``text``: the lines the layout marks (``(offset, level)``, level 0 when unknown) and the lines
    titled as French conventions title their parts."""
    marked = dict(layout)
    out, offset = [], 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        start = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        standalone = start in marked or ((i == 0 or not lines[i - 1].strip())
                                         and (i + 1 == len(lines) or not lines[i + 1].strip()))
        level = heading_level(line, standalone)
        if level is None and start in marked and len(line.split()) <= MAX_WORDS:
            # a title the layout shows without a numbering is a label inside the current part ("Calendrier :")
            level = marked[start] or min((out[-1].level if out else 1) + 1, 4)
        if level is not None:
            out.append(Heading(start, level, _title(line)))
    return _without_contents(out, text)


def _key(title: str) -> str:
    """A title compared with its table-of-contents entry: folded, without dot leaders and page number."""
    return " ".join(fold(CONTENTS_TAIL.sub("", title)).split())


def _without_contents(found: list[Heading], text: str) -> list[Heading]:
    """The headings less the entries of a table of contents: a heading with no text before the next one,
    whose title a later heading repeats ("1. Objet de la convention" listed under "Sommaire", then the part)."""
    later = Counter(_key(h.title) for h in found)
    out = []
    for i, heading in enumerate(found):
        key = _key(heading.title)
        later[key] -= 1
        line_end = text.find("\n", heading.start)
        next_start = found[i + 1].start if i + 1 < len(found) else len(text)
        empty = line_end < 0 or not text[line_end:next_start].strip()
        if not (empty and later[key] > 0):
            out.append(heading)
    return out


def paths(found: list[Heading]) -> list[tuple[int, str]]:
    """``(offset, path)`` of each heading: the titles of the parts it lies in, then its own."""
    stack: list[Heading] = []
    out = []
    for heading in found:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        out.append((heading.start, PATH_SEP.join(h.title for h in stack)))
    return out


def encode(text: str, layout: list[tuple[int, int]] = ()) -> str:
    """The heading paths of a document, stored with it (JSON ``[[offset, path], …]``; "" when none)."""
    found = paths(headings(text, layout))
    return json.dumps(found, ensure_ascii=False) if found else ""


def section_at(encoded: str | list | None, offset: int) -> str | None:
    """The heading path of the part ``offset`` lies in (None before the first heading or without headings)."""
    found = json.loads(encoded) if isinstance(encoded, str) and encoded else encoded or []
    i = bisect_right([start for start, _ in found], offset)
    return found[i - 1][1] if i else None
