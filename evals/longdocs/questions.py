"""Turns the seeds of the rendered documents into questions spread over every page."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from .model import DocResult, Seed
from .qstyle import STYLES, names_territory, render

# Facts every convention is asked about, whatever its pages.
MUST_TYPES = ["signer", "sign_place", "sign_date", "period", "domains", "axes", "n_units", "coordinator",
              "rep_terr", "annex_plan", "delib"]
TABLE_QUOTA = 6


def _coverage(r: DocResult, chosen: list[Seed], rng: random.Random) -> None:
    """At least one question on every PDF page that carries a fact."""
    by_page: dict[int, list[Seed]] = {}
    for s in r.seeds:
        by_page.setdefault(r.pages[s.key], []).append(s)
    covered = {r.pages[s.key] for s in chosen}
    for page in sorted(by_page):
        if page not in covered:
            counts = Counter(s.qtype for s in chosen)
            pool = sorted(by_page[page], key=lambda s: (counts[s.qtype], rng.random()))
            chosen.append(pool[0])


def _stratified(r: DocResult, chosen: list[Seed], rng: random.Random, parts: int = 14) -> None:
    """DOCX has no pages: one more fact from each slice of the document, in reading order."""
    n = len(r.seeds)
    for i in range(parts):
        chunk = [s for s in r.seeds[i * n // parts:(i + 1) * n // parts] if s not in chosen]
        if chunk:
            chosen.append(rng.choice(chunk))


def select(r: DocResult, rng: random.Random) -> list[Seed]:
    """The seeds of a document that become questions."""
    if r.spec.kind == "avenant":
        return list(r.seeds)
    chosen: list[Seed] = []
    for qtype in MUST_TYPES:
        pool = [s for s in r.seeds if s.qtype == qtype]
        chosen += pool[:3] if qtype == "signer" else pool[:1]
    if r.spec.fmt == "pdf":
        _coverage(r, chosen, rng)
    else:
        _stratified(r, chosen, rng)
    tables = [s for s in r.seeds if s.kind == "table" and s not in chosen]
    rng.shuffle(tables)
    while sum(s.kind == "table" for s in chosen) < TABLE_QUOTA and tables:
        chosen.append(tables.pop())
    return chosen


def record(r: DocResult, seed: Seed, rng: random.Random) -> dict:
    spec = r.spec
    style = STYLES[rng.randrange(len(STYLES))]
    if seed.qtype == "av_end":  # the canonical "Jusqu'à quand court la CTG de X ?" stays as written
        style = "formal"
    template = seed.slots.get("qp") if style == "paraphrase" and seed.slots.get("qp") else seed.slots["q"]
    text = render(template, spec, style, rng, rng.randrange(3))
    if not names_territory(text, spec):
        raise ValueError(f"question does not name its territory: {text}")
    out = {"id": "", "question": text, "doc": spec.file, "answer": seed.answer, "must_contain": seed.must[:3],
           "kind": seed.kind, "style": style, "page": r.pages.get(seed.key) if spec.fmt == "pdf" else None,
           "where": seed.where}
    if spec.fmt == "pdf" and r.also.get(seed.key):
        out["also_pages"] = r.also[seed.key]  # other pages that answer as well (the contents and the part…)
    if seed.qtype in ("av_end", "av_ext", "av_base_date"):
        out["also_docs"] = [spec.amends]
    return out


def build(results: list[DocResult], seed: int) -> list[dict]:
    """All questions of the collection: facts, claims and unanswerable ones, with stable ids."""
    from .claims import claims, unanswerable
    rng = random.Random(seed * 7919 + 17)
    out: list[dict] = []
    for r in results:
        out += [record(r, s, rng) for s in select(r, rng)]
    out += claims(results, rng)
    out += unanswerable(results, rng, seed)
    prefixes = {r.spec.file: f"ld{i:02d}" for i, r in enumerate(results)}
    counters: Counter[str] = Counter()
    for q in out:
        prefix = prefixes.get(q["doc"], "ldna")
        counters[prefix] += 1
        q["id"] = f"{prefix}-{counters[prefix]:03d}"
    return out
