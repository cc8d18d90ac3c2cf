"""A PDF's text layer read with pdfplumber: words grouped into lines, running headers, footers and page numbers set
aside, the table of contents dropped, two-column pages in reading order, ruled tables as rows with their headers
(a table carried over to the next page keeps its headers), lines unwrapped into paragraphs and headings.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from assistant.ingest.layout.blocks import Assembled, Block, assemble, is_header, join_lines, table_blocks
from assistant.ingest.layout.columns import Table, arrange
from assistant.ingest.layout.lines import Line, group_lines, is_contents_entry, is_furniture, running_lines
from assistant.ingest.layout.paragraphs import Typography, to_blocks

WORD_ATTRS = ["fontname", "size"]


@dataclass
class Page:
    lines: list[Line]
    tables: list[Table] = field(default_factory=list)
    height: float = 842.0


def _inside(word: dict, boxes: list[tuple]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _cell(value) -> str:
    return join_lines((value or "").split("\n"))


def read_page(page, index: int) -> Page:
    """Lines (outside tables) and tables of one pdfplumber page."""
    found = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
    tables = []
    for table in found:
        rows = [[_cell(c) for c in row] for row in table.extract()]
        rows = [r for r in rows if any(r)]
        if rows:
            tables.append(Table(table.bbox[1], rows, index))
    boxes = [t.bbox for t in found]
    words = [w for w in page.extract_words(extra_attrs=WORD_ATTRS) if not _inside(w, boxes)]
    return Page(group_lines(words, index), tables, float(page.height))


def _table_blocks(table: Table, headers: list[str] | None) -> tuple[list[Block], list[str] | None]:
    """Row blocks of a table; ``headers`` are those of a table begun on the page before (its repeated header row
    is skipped)."""
    rows = table.rows
    if headers is not None and len(headers) == len(rows[0]):
        rows = rows[1:] if rows[0] == headers else rows
        return (table_blocks(rows, table.page, headers) if rows else []), headers
    headers = rows[0] if is_header(rows[0]) else None
    return table_blocks(rows, table.page), headers


def page_items(page: Page, running: set[str]) -> list[Line | Table]:
    """The page's body lines and tables, in reading order."""
    lines = [ln for ln in page.lines if not is_furniture(ln, page.height, running) and not is_contents_entry(ln)]
    items: list[Line | Table] = []
    tables = sorted(page.tables, key=lambda t: t.top)
    for item in arrange(lines):
        while tables and tables[0].top <= item.top:
            items.append(tables.pop(0))
        items.append(item)
    return items + tables


def layout_blocks(pages: list[Page]) -> list[Block]:
    """Blocks of the whole document: paragraphs may run over a page break, tables over two pages."""
    running = running_lines([p.lines for p in pages], [p.height for p in pages])
    items = [item for page in pages for item in page_items(page, running)]
    typo = Typography([i for i in items if isinstance(i, Line)])
    blocks: list[Block] = []
    run: list[Line] = []
    headers: list[str] | None = None
    last_page = -1
    for item in items:
        if isinstance(item, Line):
            run.append(item)
            continue
        blocks += to_blocks(run, typo)
        continues = not run and item.page == last_page + 1  # nothing printed between: the same table goes on
        table_blocks, headers = _table_blocks(item, headers if continues else None)
        blocks += table_blocks
        run, last_page = [], item.page
    blocks += to_blocks(run, typo)
    return blocks


def read_pdf_layout(pdf) -> Assembled:
    """The assembled text of an open pdfplumber document."""
    pages = [read_page(page, i) for i, page in enumerate(pdf.pages)]
    for page in pdf.pages:
        page.flush_cache()
    return assemble(layout_blocks(pages))
