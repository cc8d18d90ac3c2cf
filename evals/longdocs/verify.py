"""Checks a generated collection against its own files: page counts, must_contain strings on the
recorded pages, and the gold facts. Used by tests/test_longdocs_gen.py; runnable as
`python -m evals.longdocs.verify DIR`."""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

from docx import Document

from .textgen import fr_date

KINDS = {"signatories", "date", "period", "objectives", "actions", "domains", "territory", "figures",
         "contact", "table", "unanswerable", "claim"}
STYLES = {"formal", "informal", "paraphrase", "typo"}
WHERE = {"text", "table", "signature", "parties", "duration", "annex_list"}
VERDICTS = {"supported", "contradicted", "not_found"}


def normalize(text: str) -> list[str]:
    """Case-folded, whitespace-collapsed forms of a text: hyphenated line ends joined, or kept."""
    text = text.replace("\xad", "").replace("\u2019", "'").replace("\xa0", " ").casefold()
    joined = re.sub(r"-[ \t]*\n\s*", "", text)
    kept = re.sub(r"-[ \t]*\n\s*", "-", text)
    return [re.sub(r"\s+", " ", t) for t in (joined, kept)]


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u2019", "'").casefold())


class PdfText:
    """Page texts of a PDF (pdfplumber when installed, else pypdf); column crops on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            import pdfplumber
            self._pdf = pdfplumber.open(path)
            self.pages = [p.extract_text() or "" for p in self._pdf.pages]
        except ImportError:
            from pypdf import PdfReader
            self._pdf = None
            self.pages = [p.extract_text() or "" for p in PdfReader(path).pages]

    def columns(self, page: int) -> list[str]:
        """Texts of the left and right halves of a page (two-column layouts)."""
        if self._pdf is None:
            return []
        p = self._pdf.pages[page - 1]
        w, h = p.width, p.height
        return [p.crop((0, 0, w / 2, h)).extract_text() or "", p.crop((w / 2, 0, w, h)).extract_text() or ""]

    def has(self, needle: str, page: int) -> bool:
        n = _fold(needle)
        if any(n in t for t in normalize(self.pages[page - 1])):
            return True
        return any(n in t for col in self.columns(page) for t in normalize(col))

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def docx_text(path: Path) -> str:
    """Logical text of a DOCX: body paragraphs, table cells, headers and footers."""
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    for s in doc.sections:
        parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
    return "\n".join(parts)


def _shape_errors(q: dict) -> list[str]:
    errs = []
    if q["kind"] not in KINDS or q["style"] not in STYLES or q["where"] not in WHERE:
        errs.append("bad kind/style/where")
    if q["kind"] == "claim" and q.get("verdict") not in VERDICTS:
        errs.append("claim without verdict")
    if q["kind"] == "unanswerable" and (q["doc"] is not None or not q.get("asks")):
        errs.append("unanswerable with a doc or without asks")
    if q["doc"] is not None and not 1 <= len(q["must_contain"]) <= 3:
        errs.append("must_contain needs 1 to 3 strings")
    return [f"{q['id']}: {e}" for e in errs]


def check_questions(out: Path, texts: dict[str, PdfText | str]) -> list[str]:
    """Every must_contain string on the recorded page (PDF) or in the document (DOCX)."""
    errors = []
    for line in (out / "questions.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        errors += _shape_errors(q)
        if q["doc"] is None:
            continue
        src = texts.get(q["doc"])
        if src is None:
            errors.append(f"{q['id']}: unknown doc {q['doc']}")
            continue
        for doc in q.get("also_docs", []):
            if doc not in texts:
                errors.append(f"{q['id']}: unknown also_doc {doc}")
        for needle in q["must_contain"]:
            if isinstance(src, str):
                ok = any(_fold(needle) in t for t in normalize(src))
            else:
                ok = q["page"] is not None and 1 <= q["page"] <= len(src.pages) and src.has(needle, q["page"])
            if not ok:
                errors.append(f"{q['id']}: {needle!r} not on page {q['page']} of {q['doc']}")
    return errors


def check_facts(out: Path, texts: dict[str, PdfText | str]) -> list[str]:
    """The gold facts are written in their document."""
    errors = []
    for f in json.loads((out / "facts.json").read_text(encoding="utf-8")):
        src = texts[f["doc"]]
        full = normalize(src if isinstance(src, str) else "\n".join(src.pages))
        needles = [f["territory"]["name"], fr_date(_iso(f["signed_on"])), fr_date(_iso(f["period"]["end"])),
                   f["caf"], *f["parties"], *f["domains"]]
        if f["kind"] == "convention":
            needles.append(fr_date(_iso(f["period"]["start"])))
        needles += [p["name"].split(" ", 1)[1] for p in f["signatories"] + f["present"]]
        for n in needles:
            if not any(_fold(n) in t for t in full):
                errors.append(f"{f['doc']}: fact {n!r} not in text")
    return errors


def _iso(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def load_texts(out: Path) -> dict[str, PdfText | str]:
    texts: dict[str, PdfText | str] = {}
    for path in sorted((out / "corpus").iterdir()):
        texts[path.name] = PdfText(path) if path.suffix == ".pdf" else docx_text(path)
    return texts


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    texts = load_texts(out)
    errors = check_questions(out, texts) + check_facts(out, texts)
    for name, t in texts.items():
        if isinstance(t, PdfText):
            print(f"{name}: {len(t.pages)} pages")
            t.close()
    print("\n".join(errors[:50]) or "all checks passed")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
