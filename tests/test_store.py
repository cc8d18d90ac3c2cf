"""The index on disk: upserts, incremental updates, manifest guards (real embedded Chroma)."""
import json

import pytest

from assistant import Assistant, Settings
from assistant.errors import IndexCorrupt, IndexMismatch, IndexMissing
from assistant.ingest.pipeline import build_index
from assistant.store.index import FACTS, MANIFEST, generation_dir, make_client, open_index


def _count(settings):
    return make_client(settings).get_collection(settings.collection).count()


def test_rerun_is_an_upsert_and_only_changes_are_embedded(tmp_path, corpus_copy, embed_model):
    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "idx")
    first = build_index(settings, embed_model)
    assert (first.added, first.updated, first.removed) == (5, 0, 0)
    chunks = _count(settings)
    assert chunks == first.chunks > 5

    again = build_index(settings, embed_model)
    assert (again.added, again.updated, again.unchanged, again.embedded_chunks) == (0, 0, 5, 0)
    assert _count(settings) == chunks

    (corpus_copy / "2019-angers.txt").write_text("La CTG d'Angers a été renouvelée en 2025 par Jean Martin.",
                                                  encoding="utf-8")
    (corpus_copy / "canet-en-roussillon.txt").unlink()
    changed = build_index(settings, embed_model)
    assert (changed.added, changed.updated, changed.removed, changed.unchanged) == (0, 1, 1, 3)
    assert _count(settings) == changed.chunks
    assistant = Assistant(settings, embed_model=embed_model)
    answer = assistant.ask("Qui a renouvelé la CTG d'Angers ?")
    assert "Jean Martin" in answer.text
    assert all(p.doc != "canet-en-roussillon.txt" for p in assistant.search("Canet-en-Roussillon", top_k=10))


def test_missing_index_says_to_build_it(tmp_path):
    with pytest.raises(IndexMissing, match="ctg index"):
        open_index(Settings(index_dir=tmp_path / "none"))


def test_other_chunking_or_model_is_a_clear_error(seed_index):
    other_chunking = seed_index.model_copy(update={"chunk_max_words": 120})
    with pytest.raises(IndexMismatch, match="--rebuild"):
        open_index(other_chunking)
    other_model = seed_index.model_copy(update={"embed_model": "minilm"})
    with pytest.raises(IndexMismatch, match="minilm|MiniLM"):
        open_index(other_model)


def test_update_with_other_settings_refuses_to_mix(seed_index, embed_model, tmp_path):
    settings = seed_index.model_copy(update={"chunk_min_words": 40})
    with pytest.raises(IndexMismatch):
        build_index(settings, embed_model)


def test_incomplete_index_is_detected(tmp_path, corpus_copy, embed_model):
    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "idx")
    build_index(settings, embed_model)
    path = generation_dir(settings.index_dir) / MANIFEST
    manifest = json.loads(path.read_text())
    manifest["chunks"] += 3
    path.write_text(json.dumps(manifest))
    with pytest.raises(IndexCorrupt, match="Reconstruisez"):
        open_index(settings)
    # --rebuild repairs it
    build_index(settings, embed_model, rebuild=True)
    assert open_index(settings).manifest["chunks"] == _count(settings)


def test_fact_sheets_from_older_rules_are_refreshed_without_embedding(tmp_path, corpus_copy, embed_model):
    from assistant.errors import FactsOutdated

    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index")
    build_index(settings, embed_model)
    facts = generation_dir(settings.index_dir) / FACTS
    facts.write_text(json.dumps({"version": "older", "facts": []}), encoding="utf-8")
    with pytest.raises(FactsOutdated, match="ctg index"):
        open_index(settings)
    assistant = Assistant(settings, embed_model=embed_model)
    assert assistant.ensure_index() is True
    assert len(assistant.facts()) == 5
    facts = generation_dir(settings.index_dir) / FACTS  # a new generation
    assert json.loads(facts.read_text(encoding="utf-8"))["version"] != "older"


def test_an_index_of_an_older_format_is_named_as_such_and_rebuilt(tmp_path, corpus_copy, embed_model):
    from assistant.errors import IndexOutdated

    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index")
    build_index(settings, embed_model)
    manifest_path = generation_dir(settings.index_dir) / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest_path.write_text(json.dumps({**manifest, "format": 3}), encoding="utf-8")
    with pytest.raises(IndexOutdated, match="version antérieure.*ctg index"):
        open_index(settings)
    assistant = Assistant(settings, embed_model=embed_model)
    assert assistant.ensure_index() is True
    assert "ALIOT" in assistant.ask("Qui a signé la CTG de Perpignan ?").text


def test_nodes_are_stored_one_per_line_and_parsed_when_asked_for(tmp_path, seed_assistant):
    from assistant.store.nodestore import NodeStore

    store = seed_assistant.handle.docstore
    ids = store.ids()
    assert len(ids) == len(store) > 30
    NodeStore.write(tmp_path / "nodes.jsonl", [store.get_node(i) for i in ids])
    again = NodeStore.load(tmp_path / "nodes.jsonl")
    assert again.ids() == ids and not again._nodes  # nothing parsed on load
    node = again.get_node(ids[-1])
    assert node.get_content() == store.get_node(ids[-1]).get_content() and node.metadata == store.get_node(ids[-1]).metadata
    assert again.get_node(ids[-1]) is node and again.document_exists(ids[0]) and not again.document_exists("nope")
    with pytest.raises(ValueError):
        again.get_node("nope")


def test_a_generation_without_the_spelling_table_gets_it_when_opened(tmp_path, corpus_copy, embed_model):
    """Indexes written before the table was saved are still served, with the same table made from their texts."""
    from assistant.store.index import SPELLING

    settings = Settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index")
    build_index(settings, embed_model)
    saved = open_index(settings).spelling.restore("CAUX SEINE AGGLO periode")
    (generation_dir(settings.index_dir) / SPELLING).unlink()
    assert open_index(settings).spelling.restore("CAUX SEINE AGGLO periode") == saved == "Caux Seine agglo période"
