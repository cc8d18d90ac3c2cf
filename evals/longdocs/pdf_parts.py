"""Paragraph styles, the page recorder and the table builders of the PDF renderer."""
from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from .model import Block, Style
from .textgen import fr_hyphenate

BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}
PAD = 5


@dataclass
class Recorder:
    """Pages of the seeded keys (every page a key's blocks are printed on, the first one first), TOC slots waiting
    for their number, and the final page count."""

    every: dict[str, list[int]] = field(default_factory=dict)
    toc_slots: list[tuple] = field(default_factory=list)
    total: int = 0

    @property
    def pages(self) -> dict[str, int]:
        """The first page of each key."""
        return {k: pages[0] for k, pages in self.every.items()}

    def mark(self, keys: list[str], page: int) -> None:
        for k in keys:
            if page not in self.every.setdefault(k, []):
                self.every[k].append(page)


class Styles:
    """All paragraph styles of one document, derived from its Style."""

    def __init__(self, s: Style) -> None:
        self.font, self.size, self.heading = s.font, s.size, s.heading
        self.bold = BOLD[s.font]
        self.bullet_char = "–" if s.font != "Courier" else "-"
        lead = s.size * 1.32
        hy = {"hyphenationLang": fr_hyphenate, "hyphenationMinWordLength": 7} if s.hyphenate else {}
        align = TA_JUSTIFY if s.justify else TA_LEFT
        self.body = ParagraphStyle("body", fontName=s.font, fontSize=s.size, leading=lead, alignment=align,
                                   spaceAfter=s.size * 0.6, **hy)
        self.sig = ParagraphStyle("sig", parent=self.body, alignment=TA_LEFT, hyphenationLang="")
        self.bullet = ParagraphStyle("bullet", parent=self.body, leftIndent=18, bulletIndent=6,
                                     spaceAfter=s.size * 0.25)
        self.part = ParagraphStyle("part", fontName=self.bold, fontSize=s.size + 5, leading=(s.size + 5) * 1.3,
                                   alignment=TA_CENTER, spaceBefore=18, spaceAfter=14, keepWithNext=1)
        self.h1 = ParagraphStyle("h1", fontName=self.bold, fontSize=s.size + 3, leading=(s.size + 3) * 1.3,
                                 spaceBefore=14, spaceAfter=8, keepWithNext=1,
                                 textColor=colors.HexColor("#1f3864") if s.font != "Courier" else colors.black)
        self.h2 = ParagraphStyle("h2", fontName=self.bold, fontSize=s.size + 1, leading=(s.size + 1) * 1.3,
                                 spaceBefore=9, spaceAfter=5, keepWithNext=1)
        self.cover_title = ParagraphStyle("ct", fontName=self.bold, fontSize=s.size + 12,
                                          leading=(s.size + 12) * 1.3, alignment=TA_CENTER, spaceAfter=10)
        self.cover_sub = ParagraphStyle("cs", fontName=s.font, fontSize=s.size + 3, leading=(s.size + 3) * 1.4,
                                        alignment=TA_CENTER, spaceAfter=6)
        self.cell_size = s.size - 1.5
        self.cell = ParagraphStyle("cell", fontName=s.font, fontSize=self.cell_size,
                                   leading=self.cell_size * 1.25)
        self.cell_head = ParagraphStyle("head", parent=self.cell, fontName=self.bold)
        self.ruled, self.repeat = s.ruled_tables, s.repeat_header

    @staticmethod
    def esc(text: str) -> str:
        return escape(text)


def _widths(b: Block, st: Styles, width: float) -> tuple[list[float], list[bool]]:
    """Short columns get exactly the width of their longest cell (so their cells never wrap)."""
    ncol = len(b.rows[0])
    body = [r for r in b.rows[1:] if not _group(r)]
    natural = [max([stringWidth(r[c], st.font, st.cell_size) for r in body]
                   + [stringWidth(w, st.bold, st.cell_size) for w in b.rows[0][c].split()]) + 2 * PAD + 4
               for c in range(ncol)]
    short = [all(len(r[c]) <= 30 and "\n" not in r[c] for r in body) for c in range(ncol)]
    fixed = sum(w for w, s in zip(natural, short) if s)
    rel = b.widths or [1.0] * ncol
    free = sum(r for r, s in zip(rel, short) if not s)
    if fixed > width or (free and width - fixed < 90):
        return [width * r / sum(rel) for r in rel], [False] * ncol
    if not free:
        scale = width / fixed if fixed > width * 0.75 else 1.0
        return [w * scale for w in natural], short
    return [natural[c] if short[c] else (width - fixed) * rel[c] / free for c in range(ncol)], short


def _group(row: list[str]) -> bool:
    """A group row (an axis title) has text in its first cell only."""
    return len(row) > 2 and not any(row[1:])


def table(b: Block, st: Styles, rec: Recorder, width: float, apara) -> Table:
    widths, short = _widths(b, st, width)
    data = [[Paragraph(st.esc(h), st.cell_head) for h in b.rows[0]]]
    spans = []
    for i, (r, keys) in enumerate(zip(b.rows[1:], b.row_keys[1:]), start=1):
        if _group(r):
            data.append([Paragraph(f"<b>{st.esc(r[0])}</b>", st.cell)] + [""] * (len(r) - 1))
            spans += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f0f0f0"))]
            continue
        row = []
        for c, text in enumerate(r):
            if c == 0:
                row.append(apara(st.esc(text), st.cell, keys, rec))
            elif short[c]:
                row.append(text)
            else:
                row.append(Paragraph(st.esc(text).replace("\n", "<br/>"), st.cell))
        data.append(row)
    cmds = [("FONT", (0, 1), (-1, -1), st.font, st.cell_size), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD)]
    if st.ruled:
        cmds += [("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                 ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee"))]
    else:
        cmds += [("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black), ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                 ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black)]
    return Table(data, colWidths=widths, repeatRows=1 if st.repeat else 0, style=TableStyle(cmds + spans),
                 hAlign="LEFT", spaceAfter=6)


def sig_table(b: Block, st: Styles, rec: Recorder, width: float, apara) -> Table:
    """Signature blocks, two per row, each with room left for the signature itself."""
    cells = []
    for lines, keys in zip(b.rows, b.row_keys):
        org, role, name = lines
        cells.append([apara(f"<b>{st.esc(org)}</b>", st.sig, keys, rec), Paragraph(st.esc(role), st.sig),
                      Paragraph("<br/><br/><br/>" + st.esc(name), st.sig)])
    if len(cells) % 2:
        cells.append("")
    data = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 18)])
    return Table(data, colWidths=[width / 2] * 2, style=style, hAlign="LEFT")
