"""Builds the whole collection for a seed: corpus files, questions.jsonl and facts.json."""
from __future__ import annotations

import io
import json
import random
from pathlib import Path

from .content import avenant_blocks, convention_blocks
from .model import Block, DocSpec, Seed
from .model import DocResult
from .questions import build
from .render_docx import render_docx
from .render_pdf import render_pdf
from .world import collection

MAX_TRIES = 6


def _window(spec: DocSpec) -> tuple[int, int]:
    """Accepted page counts: about the target, never outside 20-60 for a convention."""
    if spec.kind == "avenant":
        return 2, 4
    t = spec.target_pages
    if t >= 55:
        return 57, 60
    return max(20, round(t * 0.87)), min(50, round(t * 1.13))


def _next_volume(tried: list[tuple[float, int]], goal: float) -> float:
    """Secant step on (volume, pages), multiplicative when there is a single point."""
    (v1, p1) = tried[-1]
    if len(tried) > 1 and tried[-2][1] != p1:
        v0, p0 = tried[-2]
        v = v1 + (goal - p1) * (v1 - v0) / (p1 - p0)
    else:
        v = v1 * goal / p1
    return round(min(max(v, 0.2), 20.0), 3)


def _build(spec: DocSpec, rng: random.Random) -> tuple[list[Block], list[Seed]]:
    return avenant_blocks(spec, rng) if spec.kind == "avenant" else convention_blocks(spec, rng)


def render_document(spec: DocSpec, doc_seed: int, corpus: Path) -> DocResult:
    """Renders one document, adjusting its prose volume until its length fits the target window."""
    lo, hi = _window(spec)
    goal = (lo + hi) / 2
    spec.volume = max(0.3, (spec.target_pages - 20) / 7)
    tried: list[tuple[float, int]] = []
    for _ in range(MAX_TRIES):
        blocks, seeds = _build(spec, random.Random(doc_seed))
        target = corpus / spec.file if spec.fmt == "pdf" else io.BytesIO()
        rec = render_pdf(spec, blocks, target)
        if lo <= rec.total <= hi or spec.kind == "avenant":
            break
        tried.append((spec.volume, rec.total))
        spec.volume = _next_volume(tried, goal)
    if spec.kind == "convention" and not 20 <= rec.total <= 60:
        raise RuntimeError(f"{spec.file}: {rec.total} pages, outside 20-60")
    if spec.fmt == "docx":
        render_docx(spec, blocks, corpus / spec.file)
        return DocResult(spec, seeds, {}, rec.total)
    missing = [s.key for s in seeds if s.key not in rec.pages]
    if missing:
        raise RuntimeError(f"{spec.file}: no page recorded for {missing[:5]}")
    return DocResult(spec, seeds, {s.key: rec.every[s.key][0] for s in seeds}, rec.total,
                     {s.key: rec.every[s.key][1:] for s in seeds if len(rec.every[s.key]) > 1})


def _person(g) -> dict:
    return {"name": g.person.full, "role": g.role, "organisation": g.organisation}


def facts(spec: DocSpec) -> dict:
    t = spec.territory
    return {
        "doc": spec.file,
        "territory": {"name": t.name, "kind": t.kind, "communes": 1 if t.kind == "commune" else len(t.communes)},
        "caf": spec.dep.caf,
        "signed_on": spec.signed_on.isoformat(),
        "period": {"start": spec.start.isoformat(), "end": spec.end.isoformat()},
        "signatories": [_person(g) for g in spec.signatories],
        "present": [_person(g) for g in spec.present],
        "domains": list(spec.domains),
        "kind": spec.kind,
        "amends": spec.amends,
        "parties": list(spec.parties),
    }


def generate(out: Path, seed: int = 7) -> list[DocResult]:
    """Writes DIR/corpus/*, DIR/questions.jsonl and DIR/facts.json; returns the rendered documents."""
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    specs = collection(seed)
    for old in corpus.iterdir():  # files of an earlier run with another seed
        if old.suffix in (".pdf", ".docx") and old.name not in {s.file for s in specs}:
            old.unlink()
    results = [render_document(spec, seed * 1000 + i, corpus) for i, spec in enumerate(specs)]
    questions = build(results, seed)
    with open(out / "questions.jsonl", "w", encoding="utf-8") as f:
        for q in questions:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    with open(out / "facts.json", "w", encoding="utf-8") as f:
        json.dump([facts(r.spec) for r in results], f, ensure_ascii=False, indent=1)
        f.write("\n")
    return results
