"""Build or update the index from a corpus folder: only new or changed documents are embedded, atomically.

Order of work (see ``store/index.py``): record the chunk ids about to be written (``pending.json``), embed and write
new chunks to Chroma under content-derived ids, write a complete new generation (docstore, BM25, fact sheets,
manifest), switch ``CURRENT`` to it, and only then delete the chunks nothing references any more.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Callable

import orjson

from assistant.config import Settings
from assistant.facts.amendments import link_amendments
from assistant.facts.extract import extract_many
from assistant.facts.fingerprint import extractor_version
from assistant.ingest.chunking import BlockChunker
from assistant.ingest.corpus import corpus_hash, given_metadata, scan_corpus
from assistant.ingest.dedup import near_duplicates
from assistant.store.index import (
    BM25_DIR,
    DOCSTORE,
    FACTS,
    FORMAT_VERSION,
    MANIFEST,
    PENDING,
    SPELLING,
    check_fingerprint,
    collection_names,
    commit_generation,
    drop_collections,
    expected_fingerprint,
    generation_dir,
    get_collection,
    make_client,
    new_generation,
    read_manifest,
    write_json_atomic,
)
from assistant.store.sentences import add_sentences, delete_document

Progress = Callable[[int, int], None]
EMBED_BATCH_DOCS = 8
CHROMA_BATCH = 256


@dataclass
class IndexReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[dict] = field(default_factory=list)  # {"file", "error"}: refused files, with the reason
    duplicates: list[dict] = field(default_factory=list)  # {"file", "duplicate_of", "similarity"}
    docs: int = 0
    chunks: int = 0
    embedded_chunks: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


def _meta_hash(doc) -> str:
    return hashlib.sha256(json.dumps(doc.metadata, sort_keys=True).encode()).hexdigest()[:12]


def _previous_sheets(index_dir) -> dict[str, dict]:
    """Fact sheets of the committed generation, by document id, when the same rules made them."""
    generation = generation_dir(index_dir)
    try:
        stored = orjson.loads((generation / FACTS).read_bytes()) if generation else {}
    except (OSError, ValueError):
        return {}
    if stored.get("version") != extractor_version():
        return {}
    return {s["key"]: s for s in stored.get("facts", []) if s.get("key")}


def build_index(settings: Settings, embed_model, *, client=None, rebuild: bool = False,
                progress: Progress | None = None) -> IndexReport:
    """Index ``settings.corpus_dir`` into ``settings.index_dir``; incremental unless ``rebuild``."""
    from llama_index.vector_stores.chroma import ChromaVectorStore

    started = time.perf_counter()
    index_dir = settings.index_dir
    stats = file_stats(settings.corpus_dir)
    if not rebuild:
        unchanged = _unchanged(index_dir, settings, stats)
        if unchanged is not None:  # same files, same sizes and times, same rules: nothing to read or embed
            unchanged.seconds = round(time.perf_counter() - started, 2)
            return unchanged
    scan = scan_corpus(settings.corpus_dir, settings.max_file_mb)
    documents, duplicates = near_duplicates(scan.documents)
    report = IndexReport(failed=scan.failed, duplicates=duplicates)
    index_dir.mkdir(parents=True, exist_ok=True)
    client = client or make_client(settings)
    previous = _previous_manifest(settings, client, rebuild)
    passages, sentences = (get_collection(client, settings, True, name) for name in collection_names(settings))
    vector_store = ChromaVectorStore(chroma_collection=passages)

    old_docs = (previous or {}).get("documents", {})
    current = {doc.id_: doc for doc in documents}
    todo = _to_embed(documents, old_docs, current, report)

    # 1. journal, then new chunks under content-derived ids (the committed generation does not see them)
    pending_path = index_dir / PENDING
    _journal(pending_path, todo, old_docs, current)
    chunker = BlockChunker(min_words=settings.chunk_min_words, max_words=settings.chunk_max_words)
    report.embedded_chunks = _embed(todo, chunker, embed_model, vector_store, sentences, settings, progress)

    # 2. a complete new generation, made the current one
    _write_generation(settings, documents, chunker, report, stats, _fact_sheets(index_dir, documents, rebuild))

    # 3. what no generation references any more: removed and re-embedded documents, an interrupted run's chunks
    _remove_unreferenced(pending_path, current, vector_store, sentences)
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def _previous_manifest(settings: Settings, client, rebuild: bool) -> dict | None:
    """The manifest of the committed index to update, or None to index everything anew (the collections are
    then emptied, and the files of an index laid out by an older version removed)."""
    index_dir = settings.index_dir
    previous = None if rebuild else read_manifest(index_dir)
    if previous is not None and previous.get("format") != FORMAT_VERSION:
        previous = None  # an index laid out by an older version: rebuilt whole, never mixed
        for name in (MANIFEST, DOCSTORE, FACTS, BM25_DIR):
            path = index_dir / name
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    if previous is not None:
        check_fingerprint(index_dir, previous, settings)
    else:
        drop_collections(client, settings)
        (index_dir / PENDING).unlink(missing_ok=True)
    return previous


def _to_embed(documents: list, old_docs: dict, current: dict, report: IndexReport) -> list:
    """The documents to chunk and embed (new, or whose metadata changed); counts the added, updated, removed
    and unchanged documents in ``report``."""
    changed = [i for i in old_docs if i in current and old_docs[i]["meta_hash"] != _meta_hash(current[i])]
    todo = [doc for doc in documents if doc.id_ not in old_docs or doc.id_ in changed]
    old_paths = {entry["doc"] for i, entry in old_docs.items() if i not in current}
    report.unchanged = len(documents) - len(todo)
    report.updated = sum(1 for d in todo if d.metadata["doc"] in old_paths) + len(changed)
    report.added = len(todo) - report.updated
    report.removed = len(old_paths - {d.metadata["doc"] for d in documents})
    return todo


def _journal(pending_path, todo: list, old_docs: dict, current: dict) -> None:
    """Record, before writing to Chroma, the documents whose chunks may have to be deleted once the new
    generation is committed (with those an interrupted run left)."""
    leftovers = json.loads(pending_path.read_text(encoding="utf-8")) if pending_path.exists() else []
    write_json_atomic(pending_path, sorted(set(leftovers) | {d.id_ for d in todo} | set(old_docs) - set(current)))


def _embed(todo: list, chunker, embed_model, vector_store, sentences, settings: Settings,
           progress: Progress | None) -> int:
    """Chunk and embed ``todo`` by batches of documents, written to Chroma; the number of chunks embedded."""
    from llama_index.core.ingestion import IngestionPipeline

    pipeline = IngestionPipeline(transformations=[chunker, embed_model])
    if progress:
        progress(0, len(todo))
    embedded = 0
    unwritten: list = []  # Chroma writes by CHROMA_BATCH chunks: per-call costs dominate small writes
    for i in range(0, len(todo), EMBED_BATCH_DOCS):
        batch = todo[i : i + EMBED_BATCH_DOCS]
        nodes = pipeline.run(documents=batch)
        embedded += len(nodes)
        unwritten += nodes
        if unwritten and (len(unwritten) >= CHROMA_BATCH or i + EMBED_BATCH_DOCS >= len(todo)):
            vector_store.add(unwritten)
            unwritten = []
        if settings.sentence_similarity == "embeddings":
            add_sentences(sentences, nodes, {doc.id_: doc.text for doc in batch}, embed_model)
        if progress:
            progress(min(i + EMBED_BATCH_DOCS, len(todo)), len(todo))
    return embedded


def _write_generation(settings: Settings, documents: list, chunker, report: IndexReport, stats: dict,
                      sheets: list[dict]) -> None:
    """Write a complete new generation (fact sheets, docstore, BM25, manifest) and make it the current one."""
    from assistant.store.lexical import LexicalIndex
    from assistant.store.nodestore import NodeStore
    from assistant.store.spelling import CorpusSpelling

    index_dir = settings.index_dir
    generation = new_generation(index_dir)
    write_json_atomic(generation / FACTS, {"version": extractor_version(), "facts": sheets})
    nodes = chunker.get_nodes_from_documents(documents)
    NodeStore.write(generation / DOCSTORE, documents + nodes)
    CorpusSpelling(d.text for d in documents).save(generation / SPELLING)
    LexicalIndex.build([n.node_id for n in nodes], [lexical_text(n) for n in nodes]).save(generation / BM25_DIR)
    report.docs, report.chunks = len(documents), len(nodes)
    write_json_atomic(generation / MANIFEST, _manifest(settings, documents, nodes, stats, report))
    commit_generation(index_dir, generation)


def _fact_sheets(index_dir, documents: list, rebuild: bool) -> list[dict]:
    """The fact sheet of every document, in order: extracted anew only for the documents whose text or given
    metadata changed since the committed generation (all of them when ``rebuild``)."""
    known = {} if rebuild else _previous_sheets(index_dir)
    # a sheet depends on the text and the metadata the corpus gives: reused when neither changed
    keys = {d.id_: f"{d.id_}:{_meta_hash(d)}" for d in documents}
    fresh = [d for d in documents if keys[d.id_] not in known]
    extracted = extract_many([(d.metadata["doc"], d.metadata["title"], d.text, given_metadata(d.metadata))
                              for d in fresh], workers=os.cpu_count() or 1)
    known.update({keys[d.id_]: {**sheet.to_dict(), "key": keys[d.id_]} for d, sheet in zip(fresh, extracted)})
    return link_amendments([known[keys[d.id_]] for d in documents])


def _manifest(settings: Settings, documents: list, nodes: list, stats: dict, report: IndexReport) -> dict:
    """What the generation holds and was built from: fingerprint, documents, corpus files, refused files."""
    per_doc = Counter(n.ref_doc_id for n in nodes)
    return {
        **expected_fingerprint(settings),
        "corpus_dir": str(settings.corpus_dir),
        "corpus_hash": corpus_hash(documents),
        "collection": settings.collection,
        "chunks": len(nodes),
        "sentences": sum(1 for _ in _sentence_ids(nodes, documents)) if settings.sentence_similarity == "embeddings"
        else 0,
        "documents": {doc.id_: {"doc": doc.metadata["doc"], "title": doc.metadata["title"],
                                "meta_hash": _meta_hash(doc), "chunks": per_doc[doc.id_]}
                      for doc in documents},
        "files": stats,
        "failed": report.failed,
        "duplicates": report.duplicates,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def _remove_unreferenced(pending_path, current: dict, vector_store, sentences) -> None:
    """Delete from Chroma the chunks and sentences of the journalled documents the new generation does not
    reference (removed, re-embedded, or left by an interrupted run), then the journal."""
    for doc_id in json.loads(pending_path.read_text(encoding="utf-8")):
        if doc_id not in current:
            vector_store.delete(ref_doc_id=doc_id)
            delete_document(sentences, doc_id)
    pending_path.unlink(missing_ok=True)


def file_stats(folder) -> dict[str, list[int]]:
    """``{relative path: [size, mtime_ns]}`` of every file of the corpus folder (metadata file included)."""
    from pathlib import Path

    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): [p.stat().st_size, p.stat().st_mtime_ns]
            for p in folder.rglob("*") if p.is_file()}


def _unchanged(index_dir, settings: Settings, stats: dict) -> IndexReport | None:
    """The report of a run with nothing to do, or None when something may have changed."""
    previous = read_manifest(index_dir)
    if not previous or previous.get("files") != stats or (index_dir / PENDING).exists():
        return None
    if any(previous.get(k) != v for k, v in expected_fingerprint(settings).items()):
        return None
    generation = generation_dir(index_dir)
    try:
        version = orjson.loads((generation / FACTS).read_bytes()).get("version")
    except (OSError, ValueError):
        return None
    if version != extractor_version():
        return None
    return IndexReport(unchanged=len(previous["documents"]), failed=previous.get("failed", []),
                       duplicates=previous.get("duplicates", []), docs=len(previous["documents"]),
                       chunks=previous.get("chunks", 0))


def _sentence_ids(nodes, documents):
    from assistant.nlp.segment import sentence_spans

    texts = {d.id_: d.text for d in documents}
    for node in nodes:
        yield from sentence_spans(texts[node.ref_doc_id], node.metadata["start"], node.metadata["end"])


def lexical_text(node) -> str:
    """What BM25 indexes for a node: its title, territory and heading path, then its text."""
    meta = node.metadata
    return f"{meta.get('title', '')}\n{meta.get('territory', '')}\n{meta.get('section', '')}\n{node.get_content()}"
