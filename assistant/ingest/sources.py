"""The source documents of an index: their list with metadata, and uploads or deletions by an administrator.

Uploads and deletions are allowed only when ``CTG_ADMIN_PASSWORD`` is set and given; names are checked (no path,
no control or invisible characters), files are written atomically into the corpus folder, then the index is
updated incrementally.
"""
from __future__ import annotations

import hmac
import os
from pathlib import Path

from assistant import messages
from assistant.errors import AccessDenied, FileRefused
from assistant.ingest.readers import SUFFIXES, check_name


def admin_allowed(settings, password: str | None) -> bool:
    secret = settings.admin_password.get_secret_value() if settings.admin_password else ""
    return bool(secret) and hmac.compare_digest(secret.encode(), (password or "").encode())


def require_admin(settings, password: str | None) -> None:
    if not settings.admin_password:
        raise AccessDenied(messages.ADMIN_DISABLED)
    if not admin_allowed(settings, password):
        raise AccessDenied(messages.ADMIN_WRONG_PASSWORD)


def list_sources(handle) -> list[dict]:
    """One row per indexed document: name, title, format, pages, date, territory, Caf, source URL, chunks."""
    rows = []
    for doc_id, entry in sorted(handle.manifest["documents"].items(), key=lambda item: item[1]["doc"]):
        meta = handle.docstore.get_document(doc_id).metadata
        pages = meta.get("page_starts", "")
        rows.append({"doc": entry["doc"], "title": meta.get("title", ""), "format": meta.get("format", ""),
                     "pages": len(pages.split(",")) if pages else None, "date": meta.get("date", ""),
                     "territory": meta.get("territory", ""), "caf": meta.get("caf", ""),
                     "source_url": meta.get("source_url", ""), "chunks": entry.get("chunks")})
    return rows


def save_uploads(corpus_dir: Path, files: list[tuple[str, bytes]], max_mb: float) -> tuple[list[str], list[dict]]:
    """Write uploaded files into the corpus folder; ``(saved names, [{"file", "error"}])``."""
    saved, refused = [], []
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for name, data in files:
        try:
            clean = check_name(name)
            if Path(clean).suffix.lower() not in SUFFIXES:
                raise FileRefused(messages.FILE_UNSUPPORTED.format(suffix=Path(clean).suffix.lower() or "sans extension"))
            if len(data) > max_mb * 1024 * 1024:
                raise FileRefused(messages.FILE_TOO_BIG.format(mb=round(len(data) / 1024 / 1024, 1), limit=max_mb))
        except FileRefused as exc:
            refused.append({"file": name, "error": str(exc)})
            continue
        target = corpus_dir / clean
        tmp = target.with_name(f".{clean}.upload")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        saved.append(clean)
    return saved, refused


def delete_source(corpus_dir: Path, doc: str, known: set[str]) -> None:
    """Delete one indexed document's file (only a name the index lists, inside the corpus folder)."""
    target = (corpus_dir / doc).resolve()
    if doc not in known or corpus_dir.resolve() not in target.parents:
        raise FileRefused(messages.SOURCE_UNKNOWN.format(doc=doc))
    target.unlink(missing_ok=True)

