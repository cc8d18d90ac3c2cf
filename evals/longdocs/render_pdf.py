"""PDF rendering with reportlab: page templates, running headers, deferred page numbers, and the page
on which every seeded fact is drawn (recorded by the flowables themselves)."""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import BinaryIO, Callable

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether, NextPageTemplate, PageBreak,
                                PageTemplate, Paragraph, Spacer)
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from .model import Block, DocSpec
from .pdf_parts import Recorder, Styles, sig_table, table
from .textgen import format_heading

W, H = A4


class APara(Paragraph):
    """A paragraph that records its page under its keys and never splits across pages."""

    def __init__(self, text: str, style, keys: list[str], rec: Recorder) -> None:
        super().__init__(text, style)
        self._keys, self._rec = keys, rec

    def split(self, availWidth: float, availHeight: float) -> list:
        return []

    def draw(self) -> None:
        self._rec.mark(self._keys, self.canv.getPageNumber())
        super().draw()


class TocEntry(Flowable):
    """One table-of-contents line: title, dot leaders; the page number is drawn at save time."""

    def __init__(self, title: str, key: str, font: str, size: float, indent: float, rec: Recorder) -> None:
        super().__init__()
        self.title, self.key, self.font, self.size, self.indent, self.rec = title, key, font, size, indent, rec

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.size * 1.6

    def draw(self) -> None:
        c = self.canv
        title = self.title if len(self.title) < 80 else self.title[:77] + "..."
        c.setFont(self.font, self.size)
        c.drawString(self.indent, 2, title)
        start = self.indent + c.stringWidth(title, self.font, self.size) + 4
        dot = c.stringWidth(". ", self.font, self.size)
        n = max(0, int((self.width - 28 - start) / dot))
        c.drawString(start, 2, ". " * n)
        x, y = c.absolutePosition(self.width, 2)
        self.rec.toc_slots.append((c.getPageNumber(), x, y, self.key, self.font, self.size))


class DeferredCanvas(Canvas):
    """Keeps pages until save() so that footers can say 'Page 3 / 41' and the TOC gets its numbers."""

    def __init__(self, *args, rec: Recorder, footer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._states: list[dict] = []
        self._rec, self._footer = rec, footer

    def showPage(self) -> None:
        self._states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._states)
        self._rec.total = total
        for state in self._states:
            self.__dict__.update(state)
            page = self._pageNumber
            self._footer(self, page, total)
            for p, x, y, key, font, size in self._rec.toc_slots:
                if p == page and key in self._rec.pages:
                    self.setFont(font, size)
                    self.drawRightString(x, y, str(self._rec.pages[key]))
            Canvas.showPage(self)
        Canvas.save(self)


def _decorations(spec: DocSpec, st: Styles, first: int) -> tuple[Callable, Callable]:
    """onPage (running header) and the deferred footer for a document."""
    s = spec.style
    t = spec.territory
    header = f"{spec.title} – {t.short} – {spec.start.year}-{spec.end.year}"

    def on_page(canv: Canvas, doc: BaseDocTemplate) -> None:
        if s.header and doc.page >= first:
            canv.saveState()
            canv.setFont(st.font, st.size - 2)
            canv.drawString(s.margin, H - s.margin * 0.6, header)
            canv.setLineWidth(0.4)
            canv.line(s.margin, H - s.margin * 0.6 - 4, W - s.margin, H - s.margin * 0.6 - 4)
            canv.restoreState()

    def footer(canv: Canvas, page: int, total: int) -> None:
        if page < first:
            return
        text = {"page_of": f"Page {page} / {total}", "dashes": f"- {page} -", "plain": str(page)}[s.footer]
        canv.setFont(st.font, st.size - 1.5)
        canv.drawCentredString(W / 2, s.margin * 0.45, text)
    return on_page, footer


def _templates(spec: DocSpec, on_page) -> list[PageTemplate]:
    m = spec.style.margin
    fw, fh = W - 2 * m, H - 2 * m
    gap = 18
    cols = [Frame(m, m, (fw - gap) / 2, fh, id="left"), Frame(m + (fw + gap) / 2, m, (fw - gap) / 2, fh, id="right")]
    return [PageTemplate("cover", [Frame(m, m, fw, fh)]),
            PageTemplate("normal", [Frame(m, m, fw, fh)], onPage=on_page),
            PageTemplate("twocol", cols, onPage=on_page)]


def _cover(block: Block, st: Styles, rec: Recorder) -> list[Flowable]:
    title, sub, terr, period, entre, *parties = block.items
    out: list[Flowable] = [Spacer(1, 120), Paragraph(st.esc(title.upper()), st.cover_title),
                           Paragraph(st.esc(sub), st.cover_sub), Spacer(1, 40),
                           Paragraph(st.esc(terr), st.cover_title), APara(st.esc(period), st.cover_sub, block.keys, rec),
                           Spacer(1, 60), Paragraph(st.esc(entre), st.cover_sub)]
    out += [Paragraph(st.esc(p), st.cover_sub) for p in parties]
    return out + [NextPageTemplate("normal"), PageBreak()]


def _toc(block: Block, blocks: list[Block], st: Styles, rec: Recorder) -> list[Flowable]:
    out: list[Flowable] = [APara("Sommaire", st.h1, block.keys, rec)]
    for i, b in enumerate(blocks):
        if b.kind in ("part", "h1"):
            title = format_heading(st.heading, b).replace("\n", " – ")
            indent = 0 if b.kind == "part" or b.label.startswith("Annexe") else 10
            out.append(TocEntry(title, f"h:{i}", st.font, st.size - 0.5, indent, rec))
    return out + [PageBreak()]


def _flow(i: int, b: Block, blocks: list[Block], st: Styles, rec: Recorder, width: float) -> list[Flowable]:
    if b.kind == "cover":
        return _cover(b, st, rec)
    if b.kind == "toc":
        return _toc(b, blocks, st, rec)
    if b.kind in ("part", "h1", "h2", "title"):
        text = format_heading(st.heading, b) if b.kind in ("part", "h1") else f"{b.label} {b.text}".strip()
        style = {"part": st.part, "h1": st.h1, "h2": st.h2, "title": st.part}[b.kind]
        return [APara(st.esc(text).replace("\n", "<br/>"), style, [f"h:{i}"] + b.keys, rec)]
    if b.kind == "para":
        text = (f"<b>{st.esc(b.label)}</b> " if b.label else "") + st.esc(b.text)
        return [APara(text, st.body, b.keys, rec) if b.keys else Paragraph(text, st.body)]
    if b.kind == "bullets":
        items = [APara(st.esc(x), st.bullet, b.keys, rec) if b.keys else Paragraph(st.esc(x), st.bullet)
                 for x in b.items]
        for p in items:
            p.bulletText = st.bullet_char
        return [KeepTogether(items)] if b.keys else items
    if b.kind == "table":
        t = table(b, st, rec, width, APara)
        return [KeepTogether([t])] if len(b.rows) <= 6 else [t]
    if b.kind == "sig":
        return [sig_table(b, st, rec, width, APara)]
    return {"pagebreak": [PageBreakIfNotEmpty()], "columns": [NextPageTemplate("twocol"), PageBreakIfNotEmpty()],
            "single": [NextPageTemplate("normal"), PageBreakIfNotEmpty()]}[b.kind]


def render_pdf(spec: DocSpec, blocks: list[Block], path: Path | BinaryIO) -> Recorder:
    """Writes the PDF (to a path or a buffer); returns the page of every key and the page count."""
    st = Styles(spec.style)
    rec = Recorder()
    has_cover = blocks[0].kind == "cover"
    on_page, footer = _decorations(spec, st, 2 if has_cover else 1)
    doc = BaseDocTemplate(str(path) if isinstance(path, Path) else path, pagesize=A4, invariant=1,
                          title=spec.title, author=spec.dep.caf, subject=spec.territory.name,
                          creator="evals.longdocs")
    templates = _templates(spec, on_page)
    doc.addPageTemplates(templates if has_cover else templates[1:])
    width = W - 2 * spec.style.margin
    story: list[Flowable] = []
    for i, b in enumerate(blocks):
        story += _flow(i, b, blocks, st, rec, width)
    doc.build(story, canvasmaker=partial(DeferredCanvas, rec=rec, footer=footer))
    return rec
