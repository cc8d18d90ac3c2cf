"""Real collections: .txt, .html, .pdf (made here with reportlab), .docx (python-docx); bad files one by one;
near-duplicates; uploads; an ingest killed with SIGKILL leaves the previous index usable."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.errors import AccessDenied, FileRefused
from assistant.ingest.pipeline import build_index
from assistant.ingest.readers import check_name

from .conftest import CORPUS

CTG = str(Path(sys.executable).with_name("ctg"))

HTML = """<!DOCTYPE html><html lang="fr"><head><title>Lunel-Viel signe sa CTG</title>
<link rel="canonical" href="https://www.example.fr/actualites/ctg-lunel-viel"></head><body>
<header><nav><a href="/">Accueil</a> | <a href="/menu">Menu principal</a> | Recherche</nav></header>
<main><article><h1>Lunel-Viel signe sa CTG</h1>
<p>Le jeudi 3 octobre 2024, la commune de Lunel-Viel et la Caf de l'Hérault ont signé leur convention territoriale
globale pour la période 2024-2028. Le maire, Norbert Barbier, a signé la convention avec la directrice de la Caf.</p>
<p>La convention prévoit l'ouverture d'une ludothèque intercommunale au printemps 2025, gérée par le centre social
de la commune, ainsi qu'un accueil de loisirs pour les adolescents pendant les vacances scolaires.</p>
</article></main>
<footer>Mentions légales — Gestion des cookies — Plan du site — © Ville</footer></body></html>"""

TXT = """Source: https://www.example.fr/communiques/ctg-vauvert
La CTG de Vauvert est signée

Le mardi 12 mars 2024, la Ville de Vauvert et la Caf du Gard ont signé leur convention territoriale globale.
La convention finance une maison des parents installée dans l'ancienne gare, ouverte trois jours par semaine.
"""


def make_pdf(path: Path, pages: list[str], password: str | None = None, text: bool = True) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    encrypt = None
    if password:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encrypt = StandardEncryption(password, ownerPassword="owner-" + password)
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for page in pages:
        if text:
            y = 800
            for line in page.split("\n"):
                pdf.drawString(50, y, line)
                y -= 16
        else:  # a scan: pictures only, no text layer
            pdf.rect(50, 400, 300, 300, fill=1)
        pdf.showPage()
    pdf.save()


def make_docx(path: Path, paragraphs: list[str]) -> None:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, embed_model):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "vauvert.txt").write_text(TXT, encoding="utf-8")
    (folder / "lunel-viel.html").write_text(HTML, encoding="utf-8")
    make_pdf(folder / "sommieres.pdf", [
        "Convention territoriale globale de Sommieres\nCommuniqué de presse de la Caf du Gard",
        "La Ville de Sommieres et la Caf du Gard ont signe la CTG le 5 juin 2023.\n"
        "La convention couvre la periode 2023-2027.",
        "Parmi les actions, un relais petite enfance itinerant visitera les hameaux\n"
        "chaque mercredi a bord d'un minibus amenage.",
    ])
    make_docx(folder / "aimargues.docx", [
        "Aimargues signe sa convention territoriale globale",
        "Le vendredi 15 novembre 2024, la commune d'Aimargues et la Caf du Gard ont signé la CTG.",
        "Un point d'accès aux droits ouvrira à la médiathèque municipale, chaque samedi matin, avec un "
        "conseiller de la Caf.",
    ])
    # bad files, refused one by one
    (folder / "vide.txt").write_text("", encoding="utf-8")
    (folder / "binaire.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "casse.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage without xref\n")
    make_pdf(folder / "protege.pdf", ["Texte secret de la CTG de Nulle-Part."], password="secret")
    make_pdf(folder / "scan.pdf", ["ignored"], text=False)
    (folder / "enorme.txt").write_text("La CTG de Grosville. " * 4000, encoding="utf-8")
    (folder / "tableau.xlsx").write_bytes(b"PK\x03\x04 not really a spreadsheet")
    (folder / "sommieres-copie.html").write_text(  # the same press release, published as a web page
        "<html><head><title>Convention territoriale globale de Sommieres</title></head><body><main><article>"
        "<h1>Convention territoriale globale de Sommieres</h1><p>Communiqué de presse de la Caf du Gard</p>"
        "<p>La Ville de Sommieres et la Caf du Gard ont signe la CTG le 5 juin 2023. "
        "La convention couvre la periode 2023-2027.</p>"
        "<p>Parmi les actions, un relais petite enfance itinerant visitera les hameaux "
        "chaque mercredi a bord d'un minibus amenage.</p></article></main></body></html>", encoding="utf-8")
    settings = Settings(corpus_dir=folder, index_dir=tmp_path_factory.mktemp("mixed-index"), max_file_mb=0.06)
    report = build_index(settings, embed_model)
    return settings, report, Assistant(settings, embed_model=embed_model)


def test_every_format_is_read_and_answered(mixed):
    _, report, assistant = mixed
    assert report.docs == 4 and report.added == 4
    cases = [("Que financera la CTG de Vauvert ?", "vauvert.txt", "maison des parents"),
             ("Quel équipement la CTG de Lunel-Viel prévoit-elle d'ouvrir ?", "lunel-viel.html", "ludothèque"),
             ("Quand la CTG de Sommieres a-t-elle été signée ?", "sommieres.pdf", "5 juin 2023"),
             ("Où ouvrira le point d'accès aux droits d'Aimargues ?", "aimargues.docx", "médiathèque")]
    for question, doc, expected in cases:
        answer = assistant.ask(question)
        assert expected in answer.text and answer.citations[0].doc == doc, (question, answer.text)
    pdf = assistant.ask("Quand la CTG de Sommieres a-t-elle été signée ?").citations[0]
    assert pdf.page == 2 and assistant.ask("Que fera le relais petite enfance itinérant de Sommieres ?"
                                            ).citations[0].page == 3


def test_html_keeps_the_article_and_metadata_is_detected(mixed):
    _, _, assistant = mixed
    text, meta = assistant.document("lunel-viel.html")
    assert "ludothèque" in text and "Mentions légales" not in text and "Menu principal" not in text
    assert meta["source_url"] == "https://www.example.fr/actualites/ctg-lunel-viel"
    rows = {row["doc"]: row for row in assistant.sources()}
    assert rows["vauvert.txt"]["source_url"] == "https://www.example.fr/communiques/ctg-vauvert"
    assert rows["vauvert.txt"]["title"] == "La CTG de Vauvert est signée"
    assert rows["vauvert.txt"]["date"] == "2024-03-12" and rows["vauvert.txt"]["territory"] == "Vauvert"
    assert rows["vauvert.txt"]["caf"] == "Caf du Gard" and rows["sommieres.pdf"]["pages"] == 3
    assert all(row["chunks"] >= 1 for row in rows.values())


def test_bad_files_are_refused_one_by_one_with_a_reason(mixed):
    _, report, _ = mixed
    reasons = {f["file"]: f["error"] for f in report.failed}
    assert reasons == {
        "vide.txt": "fichier vide",
        "binaire.txt": "fichier binaire : ce n'est pas du texte",
        "casse.pdf": "PDF illisible ou corrompu",
        "protege.pdf": "PDF protégé par un mot de passe",
        "scan.pdf": reasons["scan.pdf"],
        "enorme.txt": reasons["enorme.txt"],
        "tableau.xlsx": reasons["tableau.xlsx"],
    }
    assert reasons["scan.pdf"].startswith("PDF sans couche texte")
    assert reasons["enorme.txt"].startswith("fichier trop volumineux")
    assert reasons["tableau.xlsx"].startswith("format non pris en charge (.xlsx)")


def test_near_duplicates_are_reported_and_counted_once(mixed):
    _, report, assistant = mixed
    assert [(d["file"], d["duplicate_of"]) for d in report.duplicates] == [("sommieres-copie.html", "sommieres.pdf")]
    counted = assistant.ask("Combien de conventions ont été signées en 2023 ?")
    assert ": 1 —" in counted.text


@pytest.mark.parametrize("name", ["../evil.txt", "a/../../evil.txt", "/etc/passwd", "ok\x00.txt", "ok\u200b.txt",
                                  "C:\\x.txt", "..", ".hidden.txt", "bell\x07.txt"])
def test_unsafe_upload_names_are_refused(name):
    with pytest.raises(FileRefused, match="nom de fichier refusé"):
        check_name(name)


def test_uploads_and_deletions_need_the_admin_password(tmp_path, corpus_copy, embed_model):
    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "idx", admin_password="s3cret")
    assistant = Assistant(settings, embed_model=embed_model)
    assistant.ensure_index()
    with pytest.raises(AccessDenied):
        assistant.add_files([("vauvert.txt", TXT.encode())], password="wrong")
    done = assistant.add_files([("vauvert.txt", TXT.encode()), ("../x.txt", b"x")], password="s3cret")
    assert done["saved"] == ["vauvert.txt"] and done["added"] == 1 and done["failed"][0]["file"] == "../x.txt"
    assert "maison des parents" in assistant.ask("Que financera la CTG de Vauvert ?").text
    assert assistant.remove_document("vauvert.txt", password="s3cret")["removed"] == 1
    assert not (corpus_copy / "vauvert.txt").exists()
    with pytest.raises(FileRefused):
        assistant.remove_document("../../etc/passwd", password="s3cret")
    closed = Assistant(Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "idx"), embed_model=embed_model)
    with pytest.raises(AccessDenied, match="CTG_ADMIN_PASSWORD"):
        closed.add_files([("a.txt", b"texte")], password="")


def _mixtures(folder: Path, n: int) -> None:
    """``n`` distinct documents: each a random draw of sentences from the seed and synthetic texts."""
    import random

    from assistant.nlp.segment import sentence_spans

    pool = []
    for path in sorted(CORPUS.glob("*.txt")) + sorted((CORPUS.parent / "evals" / "synthetic" / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pool += [text[s:e] for s, e in sentence_spans(text) if len(text[s:e].split()) > 6]
    rng = random.Random(7)
    for i in range(n):
        body = "\n".join(rng.sample(pool, 24))
        (folder / f"melange-{i:03d}.txt").write_text(f"Mélange {i}\n\n{body}\n", encoding="utf-8")


def test_an_ingest_killed_with_sigkill_leaves_the_previous_index_usable(tmp_path, corpus_copy, embed_model):
    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "idx")
    build_index(settings, embed_model)
    _mixtures(corpus_copy, 16)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "CTG_CORPUS_DIR": str(corpus_copy), "CTG_INDEX_DIR": str(settings.index_dir)}
    proc = subprocess.Popen([CTG, "index", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    # wait until Chroma has received new chunks, then kill without warning
    deadline = time.monotonic() + 240
    from assistant.store.index import collection_names, make_client

    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.5)
        try:
            count = make_client(settings).get_collection(collection_names(settings)[0]).count()
        except Exception:  # the collection is being written
            continue
        if count > 30:
            break
    assert proc.poll() is None, "the ingest ended before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # the previous index is whole: 5 documents, answers cite them, nothing from the interrupted run
    before = Assistant(settings, embed_model=embed_model)
    assert len(before.sources()) == 5 and len(before.facts()) == 5
    answer = before.ask("Qui a signé la CTG de Perpignan ?")
    assert "ALIOT" in answer.text
    assert all(not p.doc.startswith("melange-") for p in before.search("Mélange Perpignan", top_k=10))
    assert (settings.index_dir / "pending.json").exists()
    # the next run completes the work and cleans up
    report = build_index(settings, embed_model)
    assert report.docs == 21 and not (settings.index_dir / "pending.json").exists()
    after = Assistant(settings, embed_model=embed_model)
    assert len(after.sources()) == 21
    client = make_client(settings)
    assert client.get_collection(collection_names(settings)[0]).count() == report.chunks
    assert json.loads(json.dumps(report.to_dict()))["failed"] == []
