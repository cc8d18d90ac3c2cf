"""Blocks of a laid-out document and how they become one text.

A block is a paragraph, a heading or a table row. Paragraph lines are joined with a space; a word cut at a line end
("parte-" / "nariat") is joined back, keeping its hyphen only when the document writes the word with one elsewhere
("Saint-Denis", "petite-enfance"). Table rows are written with their column headers ("Pilote : Caf ; Échéance :
2026") so that each row can be read alone.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

CUT = "\u00ad"  # placeholder between the two parts of a word cut at a line end
CUT_WORD = re.compile(rf"(\w+){CUT}(\w+)")
HYPHEN_AT_END = re.compile(r"(?<=[^\W\d_])-$")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class Block:
    kind: str  # "paragraph", "heading" or "row"
    text: str
    page: int = 0  # 0-based page index (0 for documents without pages)
    level: int = 0  # for headings: 1 (biggest) and up, 0 when the layout does not tell
    continues: bool = False  # a paragraph's part printed on the next page: joined to the block before


@dataclass
class Assembled:
    text: str
    page_starts: list[int] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)  # (offset, level) of heading lines


def join_lines(lines: list[str]) -> str:
    """One paragraph from its lines; a hyphen at a line end before a lower-case word is marked ``CUT``."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and HYPHEN_AT_END.search(out) and line[0].islower():
            out = out[:-1] + CUT + line
        else:
            out = f"{out} {line}" if out else line
    return out


def is_header(row: list[str]) -> bool:
    """Whether a table's first row reads as column headers: short labels, not sentences or signature blocks."""
    filled = [c for c in row if c]
    return len(filled) >= 2 and all(len(c.split()) <= 8 and "," not in c and not c.endswith(".") for c in filled)


def table_blocks(rows: list[list[str]], page: int = 0, headers: list[str] | None = None) -> list[Block]:
    """Row blocks of a table: with its headers when its first row reads as such (or ``headers`` are given, for a
    table carried over from the page before), else each row's cells in turn."""
    if headers is None and is_header(rows[0]):
        headers, rows = rows[0], rows[1:]
        out = [Block("row", " ; ".join(c for c in headers if c), page)]
    else:
        out = []
    if headers is None:
        return out + [Block("row", " ; ".join(c for c in row if c), page) for row in rows]
    return out + [Block("row", row_text(headers, row), page) for row in rows]


def row_text(headers: list[str], cells: list[str]) -> str:
    """A table row with its headers: "Header : value ; …" (cells without a header are written alone)."""
    parts = []
    for i, cell in enumerate(cells):
        if not cell:
            continue
        header = headers[i] if i < len(headers) else ""
        parts.append(f"{header} : {cell}" if header and header != cell else cell)
    return " ; ".join(parts)


def mend(blocks: list[Block]) -> list[Block]:
    """Words cut at line ends joined back, with their hyphen when the document writes them so elsewhere."""
    if not any(CUT in b.text for b in blocks):
        return blocks
    words = Counter(w.lower() for b in blocks for w in WORD.findall(b.text.replace(CUT, " ")))

    def joined(match: re.Match) -> str:
        left, right = match.group(1), match.group(2)
        if words[f"{left}-{right}".lower()] > words[(left + right).lower()]:
            return f"{left}-{right}"
        return left + right

    return [Block(b.kind, CUT_WORD.sub(joined, b.text).replace(CUT, "-"), b.page, b.level, b.continues)
            for b in blocks]


def assemble(blocks: list[Block]) -> Assembled:
    """The document's text: blocks separated by blank lines (rows of one table by line ends), with the offset
    where each page starts (a page without text starts where the next text does) and where each heading is."""
    text, page_starts, headings = "", [], []
    previous: Block | None = None
    for block in mend(blocks):
        body = " ".join(block.text.split())
        if not body:
            continue
        if text and block.continues and HYPHEN_AT_END.search(text) and body[0].islower():
            text = text[:-1]  # "parte-" at the foot of a page, "nariat" at the top of the next
        elif text:
            text += " " if block.continues else "\n" if previous and previous.kind == block.kind == "row" else "\n\n"
        while len(page_starts) <= block.page:
            page_starts.append(len(text))
        if block.kind == "heading":
            headings.append((len(text), block.level))
        text += body
        previous = block
    return Assembled(text + "\n" if text else "", page_starts, headings)
