"""Read one source file into text: .txt/.md, .html (main text only), .pdf (text layer, pages kept), .docx.

Well-kept libraries do the parsing (trafilatura with a BeautifulSoup fallback, pypdf, python-docx). A file that
cannot give text raises ``FileRefused`` with a French reason; the caller reports it and indexes the rest.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from assistant import messages
from assistant.errors import FileRefused

TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = TEXT_SUFFIXES + (".html", ".htm", ".pdf", ".docx")
SOURCE_LINE = re.compile(r"^\s*source\s*:\s*(https?://\S+)\s*$", re.IGNORECASE)
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
UNPRINTABLE = {"Cc", "Cn", "Co", "Cs"}  # controls, unassigned, private use, lone surrogates
UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]|(?:^|[\\/])\.\.(?:[\\/]|$)|^[\\/]|^[A-Za-z]:")


@dataclass
class Read:
    text: str
    title: str = ""
    source_url: str = ""
    date: str = ""
    page_starts: list[int] = field(default_factory=list)  # character offset where each page begins (PDF)
    headings: list[tuple[int, int]] = field(default_factory=list)  # (offset, level) of headings the layout shows


def check_name(name: str) -> str:
    """An uploaded file name, refused when it could escape the folder or hides control characters."""
    if not name or UNSAFE_NAME.search(name) or any(unicodedata.category(ch) == "Cf" for ch in name):
        raise FileRefused(messages.FILE_BAD_NAME)
    clean = Path(name.replace("\\", "/")).name
    if clean in ("", ".", "..") or clean.startswith("."):
        raise FileRefused(messages.FILE_BAD_NAME)
    return clean


def decode(raw: bytes) -> str:
    """UTF-8, else cp1252, else Latin-1 (never fails); UTF-16 when a byte-order mark says so; ``\\n`` line ends.

    Kept after measuring charset-normalizer: on French text the chain is always right, where the library misreads
    short cp1252/Latin-1 files (as cp1250: "ŕ" for "à", "cśur" for "cœur") and is about 60 times slower.
    """
    if raw.startswith(UTF16_BOMS):  # Word's and Notepad's "Unicode" text; a bad code unit becomes U+FFFD
        text = raw.decode("utf-16", errors="replace")
    else:
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(raw: bytes) -> bool:
    """A NUL or over 5 % control bytes in the first 8 KB; for UTF-16, over 5 % unprintable characters."""
    sample = raw[:8192]
    if sample.startswith(UTF16_BOMS):  # a NUL byte in every ASCII character: judge the characters instead
        chars = sample.decode("utf-16", errors="replace")
        odd = sum(1 for ch in chars if ch not in "\t\n\f\r" and unicodedata.category(ch) in UNPRINTABLE)
        return "\x00" in chars or odd + chars.count("\ufffd") > len(chars) * 0.05
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def read_file(path: Path, max_mb: float) -> Read:
    """The text of a source file, or ``FileRefused`` saying why not."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileRefused(messages.FILE_UNSUPPORTED.format(suffix=suffix or "sans extension"))
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise FileRefused(messages.FILE_TOO_BIG.format(mb=round(size / 1024 / 1024, 1), limit=max_mb))
    raw = path.read_bytes()
    if not raw.strip():
        raise FileRefused(messages.FILE_EMPTY)
    reader = {".html": _html, ".htm": _html, ".pdf": _pdf, ".docx": _docx}.get(suffix, _text)
    read = reader(raw)
    if not read.text.strip():
        raise FileRefused(messages.FILE_NO_TEXT)
    return read


def _text(raw: bytes) -> Read:
    if _looks_binary(raw):
        raise FileRefused(messages.FILE_BINARY)
    text = decode(raw)
    lines = text.split("\n", 1)
    source = SOURCE_LINE.match(lines[0])
    if source:  # "Source: https://…" first line: the document's origin, not its text
        return Read(text=lines[1] if len(lines) > 1 else "", source_url=source.group(1))
    return Read(text=text)


def _html(raw: bytes) -> Read:
    import trafilatura

    page = decode(raw)
    meta = trafilatura.extract_metadata(page)
    text = trafilatura.extract(page, include_comments=False, include_tables=True, favor_precision=True,
                               deduplicate=True)
    if not text:  # very short pages: main text by hand, navigation and boilerplate removed
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(page, "html.parser")
        for tag in soup(["script", "style", "nav", "header", "footer", "aside", "form", "noscript"]):
            tag.decompose()
        body = soup.find("main") or soup.find("article") or soup.body or soup
        text = "\n\n".join(p.get_text(" ", strip=True) for p in body.find_all(["h1", "h2", "h3", "p", "li"]))
    title = (meta.title if meta and meta.title else "") or ""
    if title and not text.lstrip().startswith(title[:40]):
        text = f"{title}\n\n{text}"
    return Read(text=text, title=title, source_url=(meta.url if meta and meta.url else "") or "",
                date=(meta.date if meta and meta.date else "") or "")


def _pdf(raw: bytes) -> Read:
    import io

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):  # an owner password only still opens; a user password does not
                    raise FileRefused(messages.FILE_PDF_PASSWORD)
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise FileRefused(messages.FILE_PDF_PASSWORD) from exc
        info = reader.metadata or {}
    except FileRefused:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise FileRefused(messages.FILE_PDF_CORRUPT) from exc
    laid_out = _pdf_layout(raw)
    if not laid_out.text.strip():
        raise FileRefused(messages.FILE_PDF_SCANNED)
    title = str(info.get("/Title") or "").strip()
    return Read(text=laid_out.text, title="" if title.lower() in ("untitled", "sans titre") else title,
                page_starts=laid_out.page_starts, headings=laid_out.headings)


def _pdf_layout(raw: bytes):
    """The PDF read as a person does (``layout.pdf``), with pdfplumber."""
    import io

    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    from assistant.ingest.layout.pdf import read_pdf_layout

    try:
        with pdfplumber.open(io.BytesIO(raw), password="") as pdf:
            return read_pdf_layout(pdf)
    except (PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise FileRefused(messages.FILE_PDF_CORRUPT) from exc


def _docx(raw: bytes) -> Read:
    import io
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise FileRefused(messages.FILE_DOCX_CORRUPT) from exc
    from assistant.ingest.layout.blocks import assemble
    from assistant.ingest.layout.docx import docx_blocks

    laid_out = assemble(docx_blocks(document))
    return Read(text=laid_out.text, title=document.core_properties.title or "", headings=laid_out.headings)


def page_of(page_starts: list[int] | str | None, offset: int) -> int | None:
    """1-based page of a character offset (None for documents without pages)."""
    import bisect

    page_starts = parse_page_starts(page_starts)
    if not page_starts:
        return None
    return bisect.bisect_right(page_starts, offset)


def parse_page_starts(page_starts: list[int] | str | None) -> list[int]:
    """Where each page starts, as stored in a document's metadata ("0,2841,5630") or already a list."""
    if isinstance(page_starts, str):
        return [int(x) for x in page_starts.split(",") if x]
    return list(page_starts or [])
