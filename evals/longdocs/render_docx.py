"""DOCX rendering with python-docx: Heading styles or bold article lines, real Word tables,
a running header and a page-number footer. The zip is rewritten with fixed timestamps."""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .model import Block, DocSpec
from .textgen import format_heading

FONTS = {"Helvetica": "Arial", "Times-Roman": "Times New Roman", "Courier": "Courier New"}


def _page_field(paragraph, prefix: str) -> None:
    """Appends 'prefix' and a PAGE field to a paragraph."""
    paragraph.add_run(prefix)
    run = paragraph.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = "PAGE"
        run._r.append(el)


def _setup(doc, spec: DocSpec) -> None:
    s = spec.style
    normal = doc.styles["Normal"]
    normal.font.name = FONTS[s.font]
    normal.font.size = Pt(s.size + 0.5)
    sec = doc.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Pt(s.margin))
    if s.header:
        sec.header.paragraphs[0].text = (f"{spec.title} – {spec.territory.short} – "
                                         f"{spec.start.year}-{spec.end.year}")
    foot = sec.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(foot, "Page " if s.footer == "page_of" else "")
    props = doc.core_properties
    props.author, props.title, props.subject = spec.dep.caf, spec.title, spec.territory.name
    props.created = props.modified = dt.datetime(2024, 1, 1, 0, 0, 0)
    props.last_modified_by, props.revision = spec.dep.caf, 1


def _heading(doc, b: Block, spec: DocSpec) -> None:
    text = format_heading(spec.style.heading, b) if b.kind in ("part", "h1") else f"{b.label} {b.text}".strip()
    level = {"part": 1, "title": 1, "h1": 1, "h2": 2}[b.kind]
    if spec.style.docx_headings:
        doc.add_heading(text.replace("\n", " – "), level=level)
        return
    for i, line in enumerate(text.split("\n")):
        p = doc.add_paragraph()
        p.add_run(line).bold = True
        if b.kind == "part":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt(12 if level == 1 and i == 0 else 4)


def _table(doc, b: Block, spec: DocSpec) -> None:
    t = doc.add_table(rows=len(b.rows), cols=len(b.rows[0]))
    t.style = doc.styles["Table Grid"] if spec.style.ruled_tables else doc.styles["Light List"]
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    for r, row in enumerate(b.rows):
        for c, text in enumerate(row):
            cell = t.cell(r, c)
            cell.text = text
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    if spec.style.repeat_header:
        pr = t.rows[0]._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        pr.append(el)
    doc.add_paragraph()


def _signatures(doc, b: Block) -> None:
    cells = [lines for lines in b.rows]
    rows = (len(cells) + 1) // 2
    t = doc.add_table(rows=rows, cols=2)
    for i, (org, role, name) in enumerate(cells):
        cell = t.cell(i // 2, i % 2)
        cell.paragraphs[0].add_run(org).bold = True
        cell.add_paragraph(role)
        cell.add_paragraph("")
        cell.add_paragraph(name)


def _block(doc, b: Block, blocks: list[Block], spec: DocSpec) -> None:
    if b.kind == "cover":
        title, sub, terr, period, entre, *parties = b.items
        for i, line in enumerate([title.upper(), sub, terr, period, entre, *parties]):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(line)
            run.bold = i in (0, 2)
            run.font.size = Pt(22 if i in (0, 2) else 13)
        doc.add_page_break()
    elif b.kind == "toc":
        doc.add_paragraph().add_run("Sommaire").bold = True
        for x in blocks:
            if x.kind in ("part", "h1"):
                doc.add_paragraph(format_heading(spec.style.heading, x).replace("\n", " – "))
        doc.add_page_break()
    elif b.kind in ("part", "h1", "h2", "title"):
        _heading(doc, b, spec)
    elif b.kind == "para":
        p = doc.add_paragraph()
        if b.label:
            p.add_run(b.label + " ").bold = True
        p.add_run(b.text)
    elif b.kind == "bullets":
        for item in b.items:
            doc.add_paragraph(item, style="List Bullet")
    elif b.kind == "table":
        _table(doc, b, spec)
    elif b.kind == "sig":
        _signatures(doc, b)
    elif b.kind in ("pagebreak", "columns", "single"):
        doc.add_page_break()


def render_docx(spec: DocSpec, blocks: list[Block], path: Path) -> None:
    doc = Document()
    _setup(doc, spec)
    for b in blocks:
        _block(doc, b, blocks, spec)
    buf = io.BytesIO()
    doc.save(buf)
    _fixed_zip(buf.getvalue(), path)


def _fixed_zip(data: bytes, path: Path) -> None:
    """Rewrites the package with constant timestamps so that a seed always gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
