"""The long-document collection generator (evals.longdocs): sizes, question mix, gold strings on the
recorded pages, facts written in the documents, and byte-identical output for a seed."""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from evals.longdocs import generate
from evals.longdocs.qstyle import names_territory
from evals.longdocs.verify import PdfText, check_facts, check_questions, load_texts
from evals.longdocs.world import collection

SEED = 7


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("longdocs")
    generate(path, SEED)
    return path


@pytest.fixture(scope="module")
def texts(out) -> Iterator[dict[str, PdfText | str]]:
    loaded = load_texts(out)
    yield loaded
    for t in loaded.values():
        if isinstance(t, PdfText):
            t.close()


@pytest.fixture(scope="module")
def questions(out) -> list[dict]:
    return [json.loads(line) for line in (out / "questions.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def facts(out) -> list[dict]:
    return json.loads((out / "facts.json").read_text(encoding="utf-8"))


def test_corpus_sizes(facts, texts):
    conventions = [f for f in facts if f["kind"] == "convention"]
    avenants = [f for f in facts if f["kind"] == "avenant"]
    assert len(conventions) >= 10
    assert Counter(Path(f["doc"]).suffix for f in conventions) == {".pdf": 7, ".docx": 3}
    assert {Path(f["doc"]).suffix for f in avenants} == {".pdf", ".docx"}
    pages = {f["doc"]: len(texts[f["doc"]].pages) for f in facts if f["doc"].endswith(".pdf")}
    conv_pages = [pages[f["doc"]] for f in conventions if f["doc"] in pages]
    assert all(20 <= n <= 60 for n in conv_pages), pages
    assert sum(n >= 55 for n in conv_pages) == 1, pages
    assert sum(20 <= n <= 35 for n in conv_pages) >= 3, pages
    assert all(2 <= pages[f["doc"]] <= 4 for f in avenants if f["doc"] in pages), pages
    for a in avenants:
        assert a["amends"] in {f["doc"] for f in conventions}


def test_layout_variety():
    pdf = [s.style for s in collection(SEED) if s.fmt == "pdf"]
    assert sum(s.two_columns for s in pdf) >= 2
    assert sum(s.hyphenate for s in pdf) * 2 >= len(pdf)
    assert {s.font for s in pdf} == {"Helvetica", "Times-Roman", "Courier"}
    assert len({s.heading for s in pdf}) >= 4 and len({s.footer for s in pdf}) == 3
    docx = [s.style for s in collection(SEED) if s.fmt == "docx"]
    assert {s.docx_headings for s in docx} == {True, False}


def test_hyphenated_line_ends(texts):
    hyphenated = [name for name, t in texts.items() if isinstance(t, PdfText)
                  and len(re.findall(r"[a-zé]{2}-\n[a-zé]{2}", "\n".join(t.pages))) >= 10]
    assert len(hyphenated) * 2 >= sum(isinstance(t, PdfText) for t in texts.values())


def test_question_mix(questions, facts):
    assert len(questions) >= 150
    assert len({q["id"] for q in questions}) == len(questions)
    kinds, where = Counter(q["kind"] for q in questions), Counter(q["where"] for q in questions)
    assert where["table"] >= 40 and where["signature"] >= 15
    assert kinds["claim"] >= 15 and kinds["unanswerable"] >= 10
    assert {q["verdict"] for q in questions if q["kind"] == "claim"} == {"supported", "contradicted", "not_found"}
    assert set(Counter(q["style"] for q in questions)) == {"formal", "informal", "paraphrase", "typo"}
    specs = {s.file: s for s in collection(SEED)}
    for q in questions:
        if q["doc"] is not None:
            assert names_territory(q["question"], specs[q["doc"]]), q["question"]
    for a in (f for f in facts if f["kind"] == "avenant"):
        linked = [q for q in questions if q["doc"] == a["doc"] and q.get("also_docs") == [a["amends"]]]
        assert len(linked) >= 2, a["doc"]
        assert any(q["question"].startswith("Jusqu'à quand") for q in linked)


def test_questions_cover_every_page(questions, texts):
    for name, t in texts.items():
        if isinstance(t, PdfText):
            asked = {q["page"] for q in questions if q["doc"] == name}
            missing = set(range(1, len(t.pages) + 1)) - asked
            assert not missing - {2}, (name, sorted(missing))  # page 2 may be the table of contents


def test_must_contain_on_recorded_pages(out, texts):
    assert check_questions(out, texts) == []


def test_facts_are_in_the_documents(out, texts):
    assert check_facts(out, texts) == []


def test_same_seed_same_bytes(out, tmp_path):
    generate(tmp_path, SEED)
    for name in ("questions.jsonl", "facts.json"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name
    for path in sorted((out / "corpus").iterdir()):
        assert (tmp_path / "corpus" / path.name).read_bytes() == path.read_bytes(), path.name
