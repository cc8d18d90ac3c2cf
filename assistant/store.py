"""The on-disk index: Chroma collection + node docstore + BM25 + a manifest that guards them.

Layout of ``index_dir``::

    manifest.json   embedding model, chunking, corpus hash, documents (written last)
    docstore.json   llama-index SimpleDocumentStore: source documents and their chunks
    bm25/           bm25s index and its parameters
    facts.json      the fact sheet of every document (assistant/facts.py)
    chroma/         Chroma data (embedded mode only; server mode keeps it on the server)
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import messages
from .config import Settings
from .embeddings import MODEL_IDS
from .errors import FactsOutdated, IndexCorrupt, IndexMismatch, IndexMissing, StoreUnavailable

MANIFEST = "manifest.json"
DOCSTORE = "docstore.json"
FACTS = "facts.json"
BM25_DIR = "bm25"
CHROMA_DIR = "chroma"
FORMAT_VERSION = 2  # 2: fact sheets


def expected_fingerprint(settings: Settings) -> dict:
    """What an index must have been built with to serve these settings."""
    return {"embed_model": MODEL_IDS[settings.embed_model], "chunking": settings.chunking(),
            "format": FORMAT_VERSION}


def read_manifest(index_dir: Path) -> dict | None:
    path = index_dir / MANIFEST
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(index_dir, str(exc)) from exc


def write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def check_fingerprint(index_dir: Path, manifest: dict, settings: Settings) -> None:
    """Raise ``IndexMismatch`` unless the index was built with the configured model and chunking."""
    wanted = expected_fingerprint(settings)
    built = {key: manifest.get(key) for key in wanted}
    if built != wanted:
        def describe(fp: dict) -> str:
            return f"le modèle {fp['embed_model']} et le découpage {fp['chunking']}"

        raise IndexMismatch(index_dir, describe(built), describe(wanted))


def make_client(settings: Settings):
    """A Chroma client: ``HttpClient`` when ``CTG_CHROMA_HOST`` is set, else ``PersistentClient``."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                       settings=chroma_settings)
        except Exception as exc:  # chromadb raises plain ValueError/ConnectionError here
            raise StoreUnavailable(messages.CHROMA_UNREACHABLE.format(
                host=settings.chroma_host, port=settings.chroma_port)) from exc
    path = settings.index_dir / CHROMA_DIR
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def collection_names(settings: Settings) -> tuple[str, str]:
    """Chroma collections of an index: passages (chunks) and their sentences."""
    return settings.collection, f"{settings.collection}_sentences"


def get_collection(client, settings: Settings, create: bool, name: str | None = None):
    """A Chroma collection of the index (cosine space), tagged with the embedding model id."""
    fingerprint = expected_fingerprint(settings)
    name = name or settings.collection
    if create:
        metadata = {"hnsw:space": "cosine", "ctg_embed_model": fingerprint["embed_model"],
                    "ctg_chunking": json.dumps(fingerprint["chunking"])}
        collection = client.get_or_create_collection(name, metadata=metadata)
    else:
        try:
            collection = client.get_collection(name)
        except Exception as exc:
            raise IndexCorrupt(settings.index_dir, f"collection Chroma « {name} » absente") from exc
    built_with = (collection.metadata or {}).get("ctg_embed_model")
    if built_with and built_with != fingerprint["embed_model"]:
        raise IndexMismatch(f"chroma:{settings.collection}", f"le modèle {built_with}",
                            f"le modèle {fingerprint['embed_model']}")
    return collection


def drop_collections(client, settings: Settings) -> None:
    for name in collection_names(settings):
        try:
            client.delete_collection(name)
        except Exception:  # absent: nothing to drop
            pass


@dataclass
class IndexHandle:
    """Everything a retriever needs, opened once and shared by all questions."""

    manifest: dict
    vector_store: object  # ChromaVectorStore
    docstore: object  # SimpleDocumentStore
    lexical: object  # LexicalIndex
    sentences: object  # Chroma collection of sentence embeddings
    facts: list  # fact sheets (dicts), one per document

    def document_text(self, doc_id: str) -> str:
        return self.docstore.get_document(doc_id).get_content()


def open_index(settings: Settings, client=None) -> IndexHandle:
    """Open a built index; clear errors when it is missing, incomplete or built differently."""
    from llama_index.core.storage.docstore import SimpleDocumentStore
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from .facts import extractor_version
    from .lexical import LexicalIndex

    index_dir = settings.index_dir
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexMissing(index_dir)
    check_fingerprint(index_dir, manifest, settings)
    client = client or make_client(settings)
    passages, sentences = (get_collection(client, settings, False, name) for name in collection_names(settings))
    for collection, key in ((passages, "chunks"), (sentences, "sentences")):
        if collection.count() != manifest.get(key, 0):
            raise IndexCorrupt(index_dir, f"{collection.count()} {key} dans Chroma, {manifest.get(key, 0)} attendus")
    try:
        docstore = SimpleDocumentStore.from_persist_path(str(index_dir / DOCSTORE))
        lexical = LexicalIndex.load(index_dir / BM25_DIR)
        stored = json.loads((index_dir / FACTS).read_text(encoding="utf-8"))
        facts = stored["facts"]
    except (OSError, ValueError, KeyError) as exc:
        raise IndexCorrupt(index_dir, str(exc)) from exc
    if stored.get("version") != extractor_version():
        raise FactsOutdated(index_dir)
    return IndexHandle(manifest, ChromaVectorStore(chroma_collection=passages), docstore, lexical, sentences, facts)
