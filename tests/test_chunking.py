from assistant.ingest.chunking import BlockChunker, chunk_spans, count_words
from assistant.ingest.corpus import load_corpus
from assistant.nlp.segment import sentence_spans

from .conftest import CORPUS

LIST_DOC = (
    "Titre du communiqué\n\n"
    + "Une phrase d'introduction assez longue pour remplir le début du passage. " * 12
    + "\n\nLes objectifs majeurs de cette convention sont de :\n"
    + "".join(f"  • Objectif numéro {i} avec quelques mots de plus pour faire une ligne,\n" for i in range(1, 30))
    + "\nPour conclure, une dernière phrase.\n"
)


def test_offsets_point_at_the_chunk_text():
    for doc in load_corpus(CORPUS):
        nodes = BlockChunker().get_nodes_from_documents([doc])
        assert nodes
        for node in nodes:
            start, end = node.metadata["start"], node.metadata["end"]
            assert doc.text[start:end] == node.text
            assert node.metadata["doc"] == doc.metadata["doc"]
            assert node.metadata["title"]


def test_chunks_stay_within_the_word_budget():
    for doc in load_corpus(CORPUS):
        sizes = [count_words(doc.text[s:e]) for s, e in chunk_spans(doc.text, 80, 200)]
        assert max(sizes) <= 200
        # Only the last chunk of a document may be short.
        assert all(size >= 30 for size in sizes[:-1]), sizes


def test_list_items_are_never_cut_and_intro_stays_with_list():
    spans = chunk_spans(LIST_DOC, 80, 200)
    items = [line.strip() for line in LIST_DOC.splitlines() if line.strip().startswith("•")]
    for item in items:
        # every item lies whole inside exactly one chunk
        assert sum(item in LIST_DOC[s:e] for s, e in spans) == 1, item
    intro = "Les objectifs majeurs de cette convention sont de :"
    holder = next(LIST_DOC[s:e] for s, e in spans if intro in LIST_DOC[s:e])
    assert "Objectif numéro 1 " in holder, "the list intro must not be separated from its first item"
    assert len(spans) >= 2


def test_a_very_long_line_is_split_at_sentences():
    text = "Ceci est une phrase de dix mots pour tester le découpage. " * 60
    spans = chunk_spans(text, 80, 200)
    assert len(spans) >= 3
    for s, e in spans:
        assert text[s:e].endswith(".")


def test_sentence_spans_split_lines_and_sentences():
    text = "Première phrase. Deuxième phrase !\n• un élément,\n\nFin"
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == ["Première phrase.", "Deuxième phrase !", "• un élément,", "Fin"]


def test_ids_are_stable_across_runs():
    docs = load_corpus(CORPUS)
    first = [n.node_id for n in BlockChunker().get_nodes_from_documents(docs)]
    second = [n.node_id for n in BlockChunker().get_nodes_from_documents(load_corpus(CORPUS))]
    assert first == second and len(set(first)) == len(first)
