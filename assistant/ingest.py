"""Build or update the index from a corpus folder (only new or changed documents are embedded)."""
from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import asdict, dataclass, field
from typing import Callable

from .chunking import BlockChunker
from .config import Settings
from .corpus import corpus_hash, load_corpus
from .facts import extract, extractor_version
from .sentences import add_sentences, delete_document
from .store import (BM25_DIR, CHROMA_DIR, DOCSTORE, FACTS, MANIFEST, check_fingerprint, collection_names, drop_collections,
                    expected_fingerprint, get_collection, make_client, read_manifest, write_json_atomic)

Progress = Callable[[int, int], None]
EMBED_BATCH_DOCS = 8


@dataclass
class IndexReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    docs: int = 0
    chunks: int = 0
    duplicates: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


def _meta_hash(doc) -> str:
    return hashlib.sha256(json.dumps(doc.metadata, sort_keys=True).encode()).hexdigest()[:12]


def _unique(documents) -> tuple[list, list[str]]:
    """Drop exact duplicates (same content under two names); report the names dropped."""
    seen, unique, dropped = set(), [], []
    for doc in documents:
        if doc.id_ in seen:
            dropped.append(doc.metadata["doc"])
            continue
        seen.add(doc.id_)
        unique.append(doc)
    return unique, dropped


def build_index(settings: Settings, embed_model, *, client=None, rebuild: bool = False,
                progress: Progress | None = None) -> IndexReport:
    """Index ``settings.corpus_dir`` into ``settings.index_dir``; incremental unless ``rebuild``."""
    from llama_index.core.ingestion import IngestionPipeline
    from llama_index.core.storage.docstore import SimpleDocumentStore
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from .lexical import LexicalIndex

    started = time.perf_counter()
    index_dir = settings.index_dir
    documents, duplicates = _unique(load_corpus(settings.corpus_dir))
    index_dir.mkdir(parents=True, exist_ok=True)
    client = client or make_client(settings)
    previous = None if rebuild else read_manifest(index_dir)
    if previous is not None:
        check_fingerprint(index_dir, previous, settings)
    else:
        drop_collections(client, settings)
        for name in (DOCSTORE, BM25_DIR, MANIFEST, FACTS):
            path = index_dir / name
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    passages, sentences = (get_collection(client, settings, True, name) for name in collection_names(settings))
    vector_store = ChromaVectorStore(chroma_collection=passages)

    old_docs = (previous or {}).get("documents", {})
    current = {doc.id_: doc for doc in documents}
    report = IndexReport(duplicates=duplicates)
    stale = [i for i in old_docs if i not in current or old_docs[i]["meta_hash"] != _meta_hash(current[i])]
    for doc_id in stale:
        vector_store.delete(ref_doc_id=doc_id)
        delete_document(sentences, doc_id)
    stale_paths = {old_docs[i]["doc"] for i in stale}
    todo = [doc for doc in documents if doc.id_ not in old_docs or doc.id_ in stale]
    report.unchanged = len(documents) - len(todo)
    report.updated = sum(1 for d in todo if d.metadata["doc"] in stale_paths)
    report.added = len(todo) - report.updated
    report.removed = max(0, len(stale) - report.updated)

    chunker = BlockChunker(min_words=settings.chunk_min_words, max_words=settings.chunk_max_words)
    pipeline = IngestionPipeline(transformations=[chunker, embed_model], vector_store=vector_store)
    if progress:
        progress(0, len(todo))
    for i in range(0, len(todo), EMBED_BATCH_DOCS):
        batch = todo[i : i + EMBED_BATCH_DOCS]
        nodes = pipeline.run(documents=batch)
        add_sentences(sentences, nodes, {doc.id_: doc.text for doc in batch}, embed_model)
        if progress:
            progress(min(i + EMBED_BATCH_DOCS, len(todo)), len(todo))

    # Chunking is cheap and deterministic: the docstore and BM25 are rebuilt from all documents.
    nodes = chunker.get_nodes_from_documents(documents)
    docstore = SimpleDocumentStore()
    docstore.add_documents(documents + nodes)
    docstore.persist(str(index_dir / DOCSTORE))
    lexical = LexicalIndex.build([n.node_id for n in nodes], [lexical_text(n) for n in nodes])
    shutil.rmtree(index_dir / BM25_DIR, ignore_errors=True)
    lexical.save(index_dir / BM25_DIR)
    # Fact sheets are rules over the text: cheap, so rebuilt for every document, stored with the index.
    sheets = [extract(d.metadata["doc"], d.metadata["title"], d.text, d.metadata).to_dict() for d in documents]
    write_json_atomic(index_dir / FACTS, {"version": extractor_version(), "facts": sheets})

    report.docs, report.chunks = len(documents), len(nodes)
    manifest = {
        **expected_fingerprint(settings),
        "corpus_dir": str(settings.corpus_dir),
        "corpus_hash": corpus_hash(documents),
        "chroma": f"{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else CHROMA_DIR,
        "collection": settings.collection,
        "chunks": len(nodes),
        "sentences": sentences.count(),
        "documents": {doc.id_: {"doc": doc.metadata["doc"], "title": doc.metadata["title"],
                                "meta_hash": _meta_hash(doc)} for doc in documents},
        "duplicates": duplicates,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    write_json_atomic(index_dir / MANIFEST, manifest)
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def lexical_text(node) -> str:
    """What BM25 indexes for a node: its title and territory, then its text."""
    meta = node.metadata
    return f"{meta.get('title', '')}\n{meta.get('territory', '')}\n{node.get_content()}"
