"""Load a folder of French texts as llama-index ``Document`` objects with their metadata."""
from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

from . import messages
from .errors import CorpusError

METADATA_FILE = "metadata.toml"
SUFFIXES = (".txt", ".md")
META_FIELDS = ("title", "territory", "territory_kind", "caf", "date", "source_url")


def read_text(path: Path) -> str:
    """Decode a text file (UTF-8, else cp1252, else Latin-1) with ``\\n`` line ends."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text: str) -> str:
    """Stable document id: the first 16 hex digits of the text's SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if len(line) > 3:
            return line[:160]
    return ""


def load_metadata(folder: Path) -> dict[str, dict]:
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{path} : {exc}") from exc


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def load_corpus(folder: Path | str) -> list:
    """Every text file under ``folder`` as a ``Document`` (id = content hash)."""
    from llama_index.core import Document

    folder = Path(folder)
    files = corpus_files(folder) if folder.is_dir() else []
    if not files:
        raise CorpusError(messages.CORPUS_MISSING.format(path=folder))
    metadata = load_metadata(folder)
    documents = []
    for path in files:
        rel = path.relative_to(folder).as_posix()
        text = read_text(path)
        if not text.strip():
            continue
        given = metadata.get(rel, {})
        meta = {key: str(given.get(key, "")) for key in META_FIELDS}
        meta["title"] = meta["title"] or _first_line(text) or rel
        meta["doc"] = rel
        documents.append(Document(text=text, id_=content_hash(text), metadata=meta))
    if not documents:
        raise CorpusError(messages.CORPUS_MISSING.format(path=folder))
    return documents


def corpus_hash(documents) -> str:
    """Hash of the whole corpus: file names, contents and metadata."""
    digest = hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.metadata["doc"]):
        digest.update(doc.metadata["doc"].encode())
        digest.update(doc.id_.encode())
        digest.update(repr(sorted(doc.metadata.items())).encode())
    return digest.hexdigest()[:16]
