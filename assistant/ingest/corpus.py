"""Load a folder of source files (.txt, .md, .html, .pdf, .docx) as llama-index ``Document`` objects.

Each document gets metadata: title, date, territory, Caf and source URL — given in ``metadata.toml`` or detected
in the text — and, for PDFs, where each page starts. Files that give no text are listed with a French reason.
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant import messages
from assistant.errors import CorpusError, FileRefused
from assistant.ingest.readers import Read, read_file
from assistant.ingest.structure import encode as encode_sections

METADATA_FILE = "metadata.toml"
META_FIELDS = ("title", "territory", "territory_kind", "caf", "date", "source_url")
DEFAULT_MAX_MB = 20.0


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
    """Every file of the folder but the metadata file and hidden ones (unsupported ones are refused later)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != METADATA_FILE
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def detect_metadata(text: str, read: Read) -> dict[str, str]:
    """Title, date, territory and Caf found in the text itself (used when ``metadata.toml`` says nothing)."""
    from assistant.facts.extract import signing_date
    from assistant.facts.parties import parties
    from assistant.facts.territory import caf_name, territory
    from assistant.nlp.text import fold

    date = read.date or (signing_date(text[:4000])[0] or "").lstrip("-")
    named = parties(text)  # a convention's parties name its territory
    place, _ = territory(text, {}, named)
    territory_text, kind = place.get("name"), place.get("kind")
    caf, _ = caf_name(text[:4000])
    title = read.title or _first_line(text)
    if named and territory_text and fold(territory_text) not in fold(title):  # "CONVENTION TERRITORIALE GLOBALE"
        title = f"{title} – {territory_text}"
    return {"title": title, "date": date, "territory": territory_text or "",
            "territory_kind": kind or "", "caf": caf or "", "source_url": read.source_url}


@dataclass
class Scan:
    documents: list = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)  # {"file", "error"}


def scan_corpus(folder: Path | str, max_mb: float = DEFAULT_MAX_MB) -> Scan:
    """Every readable file under ``folder`` as a ``Document`` (id = content hash); the others in ``failed``."""
    from llama_index.core import Document

    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(messages.CORPUS_MISSING.format(path=folder))
    metadata = load_metadata(folder)
    scan = Scan()
    for path in corpus_files(folder):
        rel = path.relative_to(folder).as_posix()
        try:
            read = read_file(path, max_mb)
        except FileRefused as exc:
            scan.failed.append({"file": rel, "error": str(exc)})
            continue
        text = read.text
        given = {key: str(value) for key, value in metadata.get(rel, {}).items() if key in META_FIELDS and value}
        detected = detect_metadata(text, read)
        meta = {key: given.get(key) or detected.get(key, "") for key in META_FIELDS}
        meta["title"] = meta["title"] or rel
        meta["doc"] = rel
        meta["format"] = path.suffix.lower().lstrip(".")
        meta["given"] = ",".join(sorted(given))  # the fields the corpus gave, not guessed
        if read.page_starts:
            meta["page_starts"] = ",".join(str(s) for s in read.page_starts)
        sections = encode_sections(text, read.headings)
        if sections:
            meta["sections"] = sections
        scan.documents.append(Document(text=text, id_=content_hash(text), metadata=meta))
    if not scan.documents and not scan.failed:
        raise CorpusError(messages.CORPUS_MISSING.format(path=folder))
    return scan


def load_corpus(folder: Path | str, max_mb: float = DEFAULT_MAX_MB) -> list:
    """The readable documents of ``folder`` (``CorpusError`` when there is none)."""
    documents = scan_corpus(folder, max_mb).documents
    if not documents:
        raise CorpusError(messages.CORPUS_MISSING.format(path=folder))
    return documents


def given_metadata(meta: dict) -> dict:
    """The metadata the corpus gave (``metadata.toml``) and the address the file names as its source (its
    "Source:" line), for rules that must not trust guesses."""
    keys = [k for k in (meta.get("given") or "").split(",") if k]
    given = {k: meta[k] for k in keys if meta.get(k)}
    if meta.get("source_url"):
        given["source_url"] = meta["source_url"]
    return given


def corpus_hash(documents) -> str:
    """Hash of the whole corpus: file names, contents and metadata."""
    digest = hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.metadata["doc"]):
        digest.update(doc.metadata["doc"].encode())
        digest.update(doc.id_.encode())
        digest.update(repr(sorted(doc.metadata.items())).encode())
    return digest.hexdigest()[:16]

