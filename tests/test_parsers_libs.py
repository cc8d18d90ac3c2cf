"""Near-duplicates (datasketch MinHash LSH + exact Jaccard) and text decoding, on real files written to tmp_path."""
from __future__ import annotations

import random
import zipfile

import docx
import pytest

from assistant import messages
from assistant.errors import FileRefused
from assistant.ingest.corpus import scan_corpus
from assistant.ingest.dedup import near_duplicates, shingles, signatures
from assistant.ingest.readers import read_file
from evals.benchgen import generate
from tests.conftest import CORPUS

SEED_TEXT = (CORPUS / "2019-angers.txt").read_text(encoding="utf-8")
SHORT = ["Réunion à Agen le 3 mai.", "été", "naïve", "Où ? Là-bas, près de l'école.", "Signée à Sète et Nîmes."]
TYPOGRAPHIC = ["Le budget atteint 2 500 000 € « pour l’enfance ».", "C’est “historique”… – vraiment.",
               "Le cœur du projet : 40 000 € par an.", "L’œuvre — la CTG — coûte 12 €."]
LATIN1 = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "œ": "oe", "€": "EUR", "…": "...", "–": "-",
                        "—": "-", "•": "*", "\u202f": "\u00a0"})


def _change_words(text: str, count: int, seed: int = 1) -> str:
    words = text.split(" ")
    for i in random.Random(seed).sample(range(len(words)), count):
        words[i] = "modifié"
    return " ".join(words)


def _dedup(folder):
    kept, duplicates = near_duplicates(scan_corpus(folder).documents)
    return [d.metadata["doc"] for d in kept], {d["file"]: d["duplicate_of"] for d in duplicates}


@pytest.fixture(scope="module")
def releases():
    """Twenty generated press releases: one template, so many shared shingles, but no duplicates."""
    return [d["text"] for d in generate(20, seed=3)]


def test_near_copies_and_exact_copies_are_found_and_the_faithful_format_kept(tmp_path, releases):
    for i, text in enumerate(releases):
        (tmp_path / f"cp{i:02d}.txt").write_text(text, encoding="utf-8")
    word = docx.Document()
    for paragraph in _change_words(releases[3], 2).split("\n\n"):
        word.add_paragraph(paragraph)
    word.save(tmp_path / "a-copie.docx")  # Word ranks after text: the .txt is kept
    (tmp_path / "b-copie.txt").write_text(releases[7], encoding="cp1252")  # same text, other encoding; sorts first
    (tmp_path / "z-copie.md").write_text(_change_words(releases[3], 3, seed=2), encoding="utf-8")
    kept, duplicates = _dedup(tmp_path)
    assert duplicates == {"a-copie.docx": "cp03.txt", "cp07.txt": "b-copie.txt", "z-copie.md": "cp03.txt"}
    assert len(kept) == 20 and "b-copie.txt" in kept and "cp07.txt" not in kept


def test_documents_that_differ_enough_are_not_duplicates(tmp_path, releases):
    for i, text in enumerate(releases):
        (tmp_path / f"cp{i:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "reecrit.txt").write_text(_change_words(releases[5], 30), encoding="utf-8")  # Jaccard < 0.8
    (tmp_path / "court.txt").write_text("Signature de la CTG.", encoding="utf-8")
    (tmp_path / "court-2.txt").write_text("Signature de la CTG de Sète.", encoding="utf-8")
    kept, duplicates = _dedup(tmp_path)
    assert duplicates == {} and len(kept) == 23


def test_seed_corpus_has_no_duplicates():
    kept, duplicates = _dedup(CORPUS)
    assert duplicates == {} and len(kept) == len(list(CORPUS.glob("*.txt")))


def test_signatures_are_deterministic(releases):
    sets = [shingles(text) for text in releases[:3]]
    first, again = signatures(sets), signatures(sets)
    assert all((a.hashvalues == b.hashvalues).all() for a, b in zip(first, again))
    assert first[0].jaccard(signatures([set(sets[0])])[0]) == 1.0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_seed_file_in_each_encoding_reads_the_same(tmp_path, encoding):
    text = SEED_TEXT.translate(LATIN1) if encoding == "latin-1" else SEED_TEXT
    path = tmp_path / f"angers.{encoding}.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    assert read_file(path, max_mb=5).text == text


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1"])
@pytest.mark.parametrize("line", SHORT)
def test_short_accented_lines_are_decoded(tmp_path, encoding, line):
    path = tmp_path / "court.txt"
    path.write_bytes(f"{line}\n".encode(encoding))
    assert read_file(path, max_mb=5).text == f"{line}\n"


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
@pytest.mark.parametrize("line", TYPOGRAPHIC)
def test_typographic_quotes_and_euro_are_decoded(tmp_path, encoding, line):
    path = tmp_path / "typo.md"
    path.write_bytes(f"{line}\n".encode(encoding))
    assert read_file(path, max_mb=5).text == f"{line}\n"


def _docx_bytes(tmp_path) -> bytes:
    with zipfile.ZipFile(tmp_path / "x.docx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return (tmp_path / "x.docx").read_bytes()


@pytest.mark.parametrize("kind", ["random", "png", "docx", "utf16-bom-then-random", "utf-32"])
def test_binary_renamed_txt_is_refused(tmp_path, kind):
    rng = random.Random(5)
    raw = {"random": rng.randbytes(4096), "png": b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000),
           "docx": _docx_bytes(tmp_path), "utf16-bom-then-random": b"\xff\xfe" + rng.randbytes(4096),
           "utf-32": "Réunion à Agen.".encode("utf-32")}[kind]
    path = tmp_path / "binaire.txt"
    path.write_bytes(raw)
    with pytest.raises(FileRefused) as refused:
        read_file(path, max_mb=5)
    assert str(refused.value) == messages.FILE_BINARY
