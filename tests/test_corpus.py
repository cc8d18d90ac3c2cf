import pytest

from assistant.errors import CorpusError
from assistant.ingest.corpus import content_hash, load_corpus

from .conftest import CORPUS


def test_seed_corpus_has_its_metadata():
    docs = {d.metadata["doc"]: d for d in load_corpus(CORPUS)}
    assert len(docs) == 5
    perpignan = docs["2024-perpignan.txt"]
    assert perpignan.metadata["territory"] == "Perpignan"
    assert perpignan.metadata["caf"] == "Caf des Pyrénées-Orientales"
    assert perpignan.id_ == content_hash(perpignan.text)


def test_any_folder_of_texts_is_a_corpus(tmp_path):
    (tmp_path / "a.txt").write_bytes("Convention signée à Nîmes — été 2022.\nDeuxième ligne.".encode("cp1252"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Note\n\nTexte en UTF-8 : « déjà ».", encoding="utf-8")
    docs = {d.metadata["doc"]: d for d in load_corpus(tmp_path)}
    assert set(docs) == {"a.txt", "sub/b.md"}
    assert docs["a.txt"].text.startswith("Convention signée à Nîmes — été 2022.")
    assert docs["a.txt"].metadata["title"] == "Convention signée à Nîmes — été 2022."


def test_missing_or_empty_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="introuvable ou vide"):
        load_corpus(tmp_path / "nowhere")
    with pytest.raises(CorpusError, match="--corpus"):
        load_corpus(tmp_path)
