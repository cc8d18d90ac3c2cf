"""The on-disk index: Chroma collections + node docstore + BM25 + fact sheets + a manifest that guards them.

Layout of ``index_dir``::

    CURRENT         the name of the committed generation (replaced atomically, last)
    gen-NNNNNN/     one generation: manifest.json (model, chunking, corpus hash, documents), docstore.json,
                    bm25/ (bm25s index and parameters), facts.json (the fact sheet of every document)
    pending.json    chunks written to Chroma by an ingest that has not committed yet (cleaned up next run)
    chroma/         Chroma data (embedded mode only; server mode keeps it on the server)

An ingest writes new chunks under content-derived ids, then a complete new generation, then switches CURRENT, then
deletes what is no longer referenced: killed at any point, the previous generation stays whole and usable, and
chunks it does not know are ignored at query time and removed by the next run.
"""
from __future__ import annotations

import gc
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import orjson

from assistant import messages
from assistant.config import Settings
from assistant.errors import FactsOutdated, IndexCorrupt, IndexMismatch, IndexMissing, IndexOutdated, StoreUnavailable
from assistant.store.embeddings import MODEL_IDS

CURRENT = "CURRENT"
PENDING = "pending.json"
MANIFEST = "manifest.json"
DOCSTORE = "nodes.jsonl"
FACTS = "facts.json"
SPELLING = "spelling.json"
BM25_DIR = "bm25"
CHROMA_DIR = "chroma"
FORMAT_VERSION = 9  # 2: fact sheets; 3: generations, metadata detected in the text; 4: nodes.jsonl; 5: œ folded;
# 6: "M. X" does not end a sentence, people found in the whole text; 7: layout reader, sections;
# 8: sentences run together without a space ("commune.Elle") are two; 9: tables of contents, two-column pages


def generation_dir(index_dir: Path) -> Path | None:
    """The committed generation's folder (None when nothing was ever committed)."""
    current = index_dir / CURRENT
    if current.exists():
        return index_dir / current.read_text(encoding="utf-8").strip()
    return index_dir if (index_dir / MANIFEST).exists() else None  # an index of format 2 or older


def new_generation(index_dir: Path) -> Path:
    """A fresh, empty generation folder next to the committed one."""
    numbers = [int(p.name[4:]) for p in index_dir.glob("gen-*") if p.name[4:].isdigit()]
    path = index_dir / f"gen-{max(numbers, default=0) + 1:06d}"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def commit_generation(index_dir: Path, generation: Path) -> None:
    """Make ``generation`` the index, atomically, then drop the older generations."""
    for path in [generation / MANIFEST, generation / DOCSTORE, generation / FACTS]:
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())
    tmp = index_dir / (CURRENT + ".tmp")
    tmp.write_text(generation.name, encoding="utf-8")
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, index_dir / CURRENT)
    for old in index_dir.glob("gen-*"):
        if old != generation:
            shutil.rmtree(old, ignore_errors=True)


def expected_fingerprint(settings: Settings) -> dict:
    """What an index must have been built with to serve these settings."""
    return {"embed_model": MODEL_IDS[settings.embed_model], "chunking": settings.chunking(),
            "sentence_similarity": settings.sentence_similarity, "format": FORMAT_VERSION}


def read_manifest(index_dir: Path) -> dict | None:
    generation = generation_dir(index_dir)
    path = generation / MANIFEST if generation else None
    if path is None or not path.exists():
        return None
    try:
        return orjson.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(index_dir, str(exc)) from exc


def write_json_atomic(path: Path, data) -> None:
    """Compact JSON written to a temporary file, then renamed over ``path``."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(orjson.dumps(data))
    os.replace(tmp, path)


def check_fingerprint(index_dir: Path, manifest: dict, settings: Settings) -> None:
    """Raise ``IndexMismatch`` unless the index was built with the configured model and chunking."""
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexOutdated(index_dir)
    wanted = expected_fingerprint(settings)
    built = {key: manifest.get(key) for key in wanted}
    if built != wanted:
        def describe(fp: dict) -> str:
            return (f"le modèle {fp['embed_model']}, le découpage {fp['chunking']} et la similarité de phrases "
                    f"« {fp.get('sentence_similarity')} »")

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
        from chromadb.errors import NotFoundError

        try:
            collection = client.get_collection(name)
        except (NotFoundError, ValueError) as exc:  # older Chroma servers answer ValueError
            raise IndexCorrupt(settings.index_dir, f"collection Chroma « {name} » absente") from exc
    built_with = (collection.metadata or {}).get("ctg_embed_model")
    if built_with and built_with != fingerprint["embed_model"]:
        raise IndexMismatch(f"chroma:{settings.collection}", f"le modèle {built_with}",
                            f"le modèle {fingerprint['embed_model']}")
    return collection


def drop_collections(client, settings: Settings) -> None:
    from chromadb.errors import NotFoundError

    for name in collection_names(settings):
        try:
            client.delete_collection(name)
        except (NotFoundError, ValueError):  # absent: nothing to drop (older Chroma servers answer ValueError)
            continue


@dataclass
class IndexHandle:
    """Everything a retriever needs, opened once and shared by all questions."""

    manifest: dict
    vector_store: object  # ChromaVectorStore
    docstore: object  # NodeStore
    lexical: object  # LexicalIndex
    sentences: object  # Chroma collection of sentence embeddings
    facts: list  # fact sheets (dicts), one per document
    spelling: object  # CorpusSpelling: how the corpus spells its words

    def document_text(self, doc_id: str) -> str:
        return self.docstore.get_document(doc_id).get_content()


def open_index(settings: Settings, client=None) -> IndexHandle:
    """Open a built index; clear errors when it is missing, incomplete or built differently."""
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.facts.fingerprint import extractor_version
    from assistant.store.lexical import LexicalIndex
    from assistant.store.nodestore import NodeStore
    from assistant.store.spelling import CorpusSpelling

    index_dir = settings.index_dir
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexMissing(index_dir)
    check_fingerprint(index_dir, manifest, settings)
    client = client or make_client(settings)
    passages, sentences = (get_collection(client, settings, False, name) for name in collection_names(settings))
    for collection, key in ((passages, "chunks"), (sentences, "sentences")):
        # more is possible (an interrupted update's chunks, ignored at query time); fewer means data was lost
        if collection.count() < manifest.get(key, 0):
            raise IndexCorrupt(index_dir, f"{collection.count()} {key} dans Chroma, {manifest.get(key, 0)} attendus")
    generation = generation_dir(index_dir)
    collecting = gc.isenabled()
    gc.disable()  # millions of new, long-lived objects: cycle collections during the parse only cost time
    try:
        docstore = NodeStore.load(generation / DOCSTORE)
        lexical = LexicalIndex.load(generation / BM25_DIR)
        stored = orjson.loads((generation / FACTS).read_bytes())
        facts = stored["facts"]
    except (OSError, ValueError, KeyError) as exc:  # orjson.JSONDecodeError is a ValueError
        raise IndexCorrupt(index_dir, str(exc)) from exc
    finally:
        if collecting:
            gc.enable()
    if stored.get("version") != extractor_version():
        raise FactsOutdated(index_dir)
    if (generation / SPELLING).exists():
        spelling = CorpusSpelling.load(generation / SPELLING)
    else:  # a generation written before the table was saved: made once, here
        spelling = CorpusSpelling(docstore.get_document(d).get_content() for d in manifest["documents"]
                                  if docstore.document_exists(d))
    return IndexHandle(manifest, ChromaVectorStore(chroma_collection=passages), docstore, lexical, sentences, facts,
                       spelling)
