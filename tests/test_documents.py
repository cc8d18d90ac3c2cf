"""Long conventions read as a person does: PDF lines unwrapped, words cut at line ends joined, running headers and
footers and the table of contents set aside, two-column pages in order, tables as rows with their headers (also
over a page break), DOCX headings and tables in place; heading paths of the parts.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.readers import page_of, read_file
from assistant.ingest.structure import encode, headings, section_at

PARAGRAPH = ["Le présent document formalise le parte-", "nariat entre la Caf du Cher et la communauté de",
             "communes du Val d'Arnon pour les familles du territoire."]


def _page_furniture(pdf, page: int, pages: int) -> None:
    pdf.setFont("Helvetica", 8)
    pdf.drawString(60, 810, "Convention territoriale globale – CC du Val d'Arnon – 2024-2028")
    pdf.drawString(280, 30, f"Page {page} / {pages}")


def _table(rows, widths):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("FONT", (0, 0), (-1, -1), "Helvetica", 9)]))
    return table


def make_convention_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pages = 4
    # page 1: table of contents
    _page_furniture(pdf, 1, pages)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, 760, "Sommaire")
    pdf.setFont("Helvetica", 11)
    for i, (title, n) in enumerate([("Article 1 – Objet", 2), ("Article 2 – Diagnostic", 2), ("Annexe 1", 3)]):
        pdf.drawString(60, 730 - 18 * i, f"{title} {'.' * 60} {n}")
    pdf.showPage()
    # page 2: a heading, a hyphenated paragraph, then two columns
    _page_furniture(pdf, 2, pages)
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(60, 760, "Article 1 – Objet de la convention")
    pdf.setFont("Helvetica", 11)
    for i, line in enumerate(PARAGRAPH):
        pdf.drawString(60, 735 - 14 * i, line)
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(60, 680, "Article 2 – Diagnostic")
    pdf.setFont("Helvetica", 11)
    left = ["La population compte 12 400", "habitants dont 2 100 enfants", "de moins de six ans."] * 3
    right = ["Le taux de couverture en", "accueil du jeune enfant est", "de 58 places pour cent."] * 3
    for i, (a, b) in enumerate(zip(left, right)):
        pdf.drawString(60, 655 - 14 * i, a)
        pdf.drawString(320, 655 - 14 * i, b)
    pdf.showPage()
    # pages 3-4: a table over the page break, header repeated
    header = ["N°", "Action", "Pilote", "Échéance"]
    rows = [[f"1.{i}", f"Action numéro {i} du plan", "Caf" if i % 2 else "CC du Val d'Arnon", str(2024 + i % 4)]
            for i in range(1, 9)]
    _page_furniture(pdf, 3, pages)
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(60, 760, "Annexe 1 – Plan d'actions")
    table = _table([header] + rows[:4], [40, 220, 120, 70])
    _, h = table.wrapOn(pdf, 500, 700)
    table.drawOn(pdf, 60, 740 - h)
    pdf.showPage()
    _page_furniture(pdf, 4, pages)
    table = _table([header] + rows[4:], [40, 220, 120, 70])
    _, h = table.wrapOn(pdf, 500, 700)
    table.drawOn(pdf, 60, 790 - h)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, 400, "Fait à Chârost, le 12 mars 2024, en trois exemplaires originaux.")
    pdf.showPage()
    pdf.save()


@pytest.fixture(scope="module")
def convention(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "ctg-val-d-arnon.pdf"
    make_convention_pdf(path)
    return read_file(path, 10)


def test_pdf_paragraphs_are_unwrapped_and_furniture_removed(convention):
    text = convention.text
    assert "le partenariat entre la Caf du Cher et la communauté de communes du Val d'Arnon pour" in text
    assert "Page 2 / 4" not in text and "CC du Val d'Arnon – 2024-2028" not in text
    assert "....." not in text  # the table of contents is not the text
    assert page_of(convention.page_starts, text.index("partenariat")) == 2


def test_two_columns_are_read_one_after_the_other(convention):
    text = convention.text
    assert "La population compte 12 400 habitants dont 2 100 enfants de moins de six ans." in text
    assert "Le taux de couverture en accueil du jeune enfant est de 58 places pour cent." in text


def test_table_rows_carry_their_headers_over_the_page_break(convention):
    text = convention.text
    assert "N° : 1.3 ; Action : Action numéro 3 du plan ; Pilote : Caf ; Échéance : 2027" in text
    row = "N° : 1.6 ; Action : Action numéro 6 du plan ; Pilote : CC du Val d'Arnon ; Échéance : 2026"
    assert row in text and page_of(convention.page_starts, text.index(row)) == 4
    assert text.count("N° ; Action ; Pilote ; Échéance") == 1  # the repeated header row is not a row


def test_heading_paths_and_sections(convention):
    sections = encode(convention.text, convention.headings)
    text = convention.text
    assert section_at(sections, text.index("partenariat")) == "Article 1 – Objet de la convention"
    row = text.index("N° : 1.6")
    assert section_at(sections, row) == "Annexe 1 – Plan d'actions"


def test_structure_of_plain_text():
    text = ("Préambule\n\nLes parties rappellent.\n\nTITRE II – ENGAGEMENTS\n\nArticle 4 : Durée\n\nLa convention "
            "court cinq ans.\n\n4.1 Révision\n\nElle peut être revue.\n\nAnnexe 2 – Plan d'actions\n\nAxe 1 – "
            "Petite enfance\n\n1. Ouvrir une crèche\n2. Former les assistantes maternelles\n")
    found = {h.title: h.level for h in headings(text)}
    assert found == {"Préambule": 2, "TITRE II – ENGAGEMENTS": 1, "Article 4 : Durée": 2, "4.1 Révision": 3,
                     "Annexe 2 – Plan d'actions": 1, "Axe 1 – Petite enfance": 3}
    sections = encode(text)
    assert section_at(sections, text.index("Elle peut")) == "TITRE II – ENGAGEMENTS › Article 4 : Durée › 4.1 Révision"
    assert section_at(sections, text.index("Former")) == "Annexe 2 – Plan d'actions › Axe 1 – Petite enfance"


def test_docx_headings_and_tables_in_place(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Article 3 – Engagements", level=1)
    document.add_paragraph("La Caf s'engage à soutenir les structures.")
    table = document.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Année", "Bonus territoire"), ("2025", "45 000 €"), ("2026", "47 500 €")]):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    document.add_paragraph("Fait à Chârost, le 12 mars 2024.")
    document.save(str(tmp_path / "c.docx"))
    read = read_file(tmp_path / "c.docx", 10)
    text = read.text
    assert text.index("soutenir") < text.index("Année : 2026 ; Bonus territoire : 47 500 €") < text.index("Fait à")
    assert section_at(encode(text, read.headings), text.index("2026")) == "Article 3 – Engagements"


def test_contents_without_leaders_are_no_parts():
    """A Word table of contents lists the titles without dot leaders: its lines are not the parts they name."""
    text = ("Sommaire\n\nPréambule\n\n1. Objet de la convention\n\nAnnexe 1 – Liste des communes\n\nPréambule\n\n"
            "Les parties rappellent leur partenariat.\n\n1. Objet de la convention\n\nLa convention définit le "
            "projet.\n\nAnnexe 1 – Liste des communes\n\nCommune : Brévannes ; Population : 1 200\n")
    sections = encode(text)
    assert section_at(sections, text.index("Les parties")) == "Préambule"
    assert section_at(sections, text.index("définit")) == "1. Objet de la convention"
    assert section_at(sections, text.index("Brévannes")) == "Annexe 1 – Liste des communes"


LEFT_TEXT = ("Les partenaires souhaitent développer les démarches d'aller-vers en direction des publics isolés du "
             "territoire. Les permanences administratives sont concentrées au chef-lieu et peu accessibles sans "
             "véhicule pour les familles des communes rurales. ") * 3
RIGHT_TEXT = ("La réunion publique organisée à Brévannes le 30 août 2022 a réuni quarante-huit habitants venus de "
              "toutes les communes. L'articulation avec le contrat local de santé permet de traiter les questions "
              "de prévention. ") * 3


def test_justified_two_columns_beside_a_heading(tmp_path):
    """Justified columns space their words unevenly and a heading may stand beside the other column's text: the
    page is still read column after column, the heading alone on its line."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    body = ParagraphStyle("b", fontName="Helvetica", fontSize=9.5, leading=12.5, alignment=TA_JUSTIFY)
    title = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=16)
    path = tmp_path / "two.pdf"
    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1)
    frames = [Frame(60, 60, 220, 720, id="left"), Frame(310, 60, 220, 720, id="right")]
    doc.addPageTemplates([PageTemplate(id="two", frames=frames)])
    doc.build([Paragraph("3.3 Accès aux droits", title), Paragraph(LEFT_TEXT, body), FrameBreak(),
               Paragraph(RIGHT_TEXT, body)])
    read = read_file(path, 10)
    text = read.text
    assert "3.3 Accès aux droits\n" in text
    assert text.index("3.3 Accès") < text.index("aller-vers") < text.index("véhicule") < text.index("La réunion")
    assert "a réuni quarante-huit habitants venus" in text
    assert section_at(encode(text, read.headings), text.index("La réunion")) == "3.3 Accès aux droits"


def test_a_line_left_of_a_list_item_starts_a_paragraph(tmp_path):
    """A label printed left of the list item above it ("Public visé : …") is no continuation of that item."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "fiche.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 11)
    lines = [(56, "Objectifs opérationnels :"), (62, "– Former les professionnels intervenant sur l'action"),
             (62, "– Réunir les partenaires concernés"), (56, "Public visé : les jeunes de 16 à 25 ans.")]
    for i, (x, line) in enumerate(lines):
        pdf.drawString(x, 760 - 14 * i, line)
    pdf.showPage()
    pdf.save()
    text = read_file(path, 10).text
    assert "– Réunir les partenaires concernés\n\nPublic visé : les jeunes" in text


def test_an_unruled_table_of_words_is_no_two_columns(tmp_path):
    """An unruled plan table whose column labels stand above a row that spans it: its rows keep their headers,
    and its columns of words are not read as two columns of text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 9)
    columns = (60, 90, 300, 400, 500)
    for x, label in zip(columns, ["N°", "Action", "Pilote", "Partenaires", "Échéance"]):
        pdf.drawString(x, 780, label)
    pdf.drawString(60, 760, "Axe 1 – Garantir à chaque famille un accès effectif à ses droits")
    rows = [("1.1", "Former les agents d'accueil aux droits", "Service jeunesse", "Caf, PMI", "2028"),
            ("1.2", "Labelliser un espace France services", "Coordination CTG", "Caf, MSA", "2026"),
            ("1.3", "Lutter contre le non-recours aux aides", "Service habitat", "Caf, CCAS", "T3 2027"),
            ("1.4", "Ouvrir une permanence dans chaque bourg", "Centre social", "Caf, Département", "2029"),
            ("1.5", "Proposer des rendez-vous des droits réguliers", "Service jeunesse", "Caf, MSA", "2030")]
    for i, row in enumerate(rows):
        for x, cell in zip(columns, row):
            pdf.drawString(x, 740 - 16 * i, cell)
    pdf.showPage()
    pdf.save()
    text = read_file(path, 10).text
    assert "N° : 1.1 ; Action : Former les agents d'accueil aux droits ; Pilote : Service jeunesse ; " \
           "Partenaires : Caf, PMI ; Échéance : 2028" in text
