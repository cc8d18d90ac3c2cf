"""Printed lines into paragraphs and headings, as a reader sees them: a paragraph ends at a wider space, at a short
line that closes a sentence, before a list item or an indented line, or where the type changes; a short line set
bigger or in bold on its own is a heading.
"""
from __future__ import annotations

import re
from statistics import median

from assistant.ingest.layout.blocks import Block, join_lines
from assistant.ingest.layout.lines import Line
from assistant.ingest.structure import heading_level
from assistant.nlp.segment import BULLET

CLOSES = re.compile(r"[.:;!?…»)]$")
# a line that visibly goes on: a comma or a little word at its end ("Pour la Caf de la" / "Creuse,")
GOES_ON = re.compile(r"(?:,|\b(?:de|du|des|la|le|les|l['’]|d['’]|et|à|au|aux|en|pour|par|sur))$", re.I)
HEADING_WORDS = 16


class Typography:
    """The body type of a document: its usual size and the usual space between two lines of a paragraph."""

    def __init__(self, lines: list[Line]):
        sizes = [round(ln.size, 1) for ln in lines for _ in ln.words]
        self.size = median(sizes) if sizes else 10.0
        gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])
                if a.page == b.page and 0 <= b.top - a.bottom < 3 * self.size and abs(a.size - self.size) < 0.6]
        self.gap = median(gaps) if gaps else self.size * 0.3

    def is_heading(self, line: Line) -> bool:
        text = line.text
        if len(text.split()) > HEADING_WORDS or text.endswith((".", ",", ";")):
            return False
        # a bold line that goes on ("Pour la Caisse d'allocations familiales de la") is not a title
        return line.size >= self.size * 1.12 or line.bold and not GOES_ON.search(text)


def _breaks(prev: Line, line: Line, typo: Typography, right: float) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev`` (both body lines)."""
    if line.page != prev.page:  # a sentence carried over to the next page goes on in lower case
        return bool(CLOSES.search(prev.text)) or not (line.text[:1].islower() or prev.text.endswith((",", "-")))
    if abs(line.size - prev.size) > 0.6:
        return True
    if line.top - prev.bottom > typo.gap + 0.5 * typo.size and not GOES_ON.search(prev.text):
        return True
    if BULLET.match(line.text):
        return True
    if CLOSES.search(prev.text) and (prev.x1 < right - 3 * typo.size or line.x0 > prev.x0 + typo.size):
        return True
    return False


def _leaves_item(first: Line, line: Line, typo: Typography) -> bool:
    """Whether ``line`` starts left of the list item it follows: the item's lines go on under its text, a line
    printed further left is the next paragraph ("– Réunir les partenaires" / "Public visé : …")."""
    return bool(BULLET.match(first.text)) and line.x0 < first.x0 - 0.3 * typo.size


def to_blocks(lines: list[Line], typo: Typography) -> list[Block]:
    """Paragraph and heading blocks of lines in reading order (one page or a whole document)."""
    blocks: list[Block] = []
    current: list[Line] = []
    right = max((ln.x1 for ln in lines), default=0.0)
    previous: Line | None = None

    def flush() -> None:
        """The current paragraph as blocks, one a page it is printed on (later ones ``continues``)."""
        for page in sorted({ln.page for ln in current}):
            text = join_lines([ln.text for ln in current if ln.page == page])
            blocks.append(Block("paragraph", text, page, continues=page != current[0].page))
        current.clear()

    for line in lines:
        spaced = previous is None or previous.page != line.page \
            or line.top - previous.bottom > typo.gap + 0.5 * typo.size
        if typo.is_heading(line) or heading_level(line.text, standalone=spaced) is not None:
            flush()
            last = blocks[-1] if blocks else None
            if last and last.kind == "heading" and previous is not None and previous.page == line.page \
                    and line.top - previous.bottom <= typo.gap + 0.5 * typo.size \
                    and heading_level(line.text) is None:  # "Préambule" then "Titre I – …" are two headings
                last.text += " " + line.text  # a heading printed on two lines
            else:
                blocks.append(Block("heading", line.text, line.page))
        else:
            if current and (_breaks(current[-1], line, typo, right) or _leaves_item(current[0], line, typo)):
                flush()
            current.append(line)
        previous = line
    flush()
    return blocks
