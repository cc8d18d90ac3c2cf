"""A Word document's body in order: paragraphs, list items (with a bullet, as printed), headings (heading styles, or
a short paragraph all in bold) and tables as rows with their column headers. Running headers and footers live
outside the body and stay out.
"""
from __future__ import annotations

import re

from assistant.ingest.layout.blocks import Block, table_blocks

HEADING_STYLE = re.compile(r"^(?:heading|titre|title)\s*(\d*)$", re.I)
LIST_STYLE = re.compile(r"^(?:list|liste)\b", re.I)  # "List Bullet", "List Number", "Liste à puces"
BULLET = "– "  # a Word list item draws its bullet: the text gets one, as a PDF's item has
HEADING_WORDS = 16


def _level(paragraph) -> int | None:
    """The heading level of a paragraph (0 when bold only), None for body text."""
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    match = HEADING_STYLE.match(name.strip())
    if match:
        return int(match.group(1) or 1)
    text = paragraph.text.strip()
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(r.bold for r in runs) and len(text.split()) <= HEADING_WORDS and not text.endswith((".", ",", ";")):
        return 0
    return None


def _is_item(paragraph) -> bool:
    """A list item: a list style, or numbering set on the paragraph."""
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return bool(paragraph.text.strip()) and (bool(LIST_STYLE.match(name.strip())) or numbered)


def _table_blocks(table) -> list[Block]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:  # a merged cell is listed once per grid column it spans
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(cells)
    return table_blocks(rows) if rows else []


def docx_blocks(document) -> list[Block]:
    """Blocks of the document body, tables where they stand."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            level = _level(paragraph)
            kind = "paragraph" if level is None else "heading"
            text = BULLET + paragraph.text if kind == "paragraph" and _is_item(paragraph) else paragraph.text
            blocks += [Block(kind, text, 0, level or 0)]
        elif tag == "tbl":
            blocks += _table_blocks(Table(child, document))
    return blocks
