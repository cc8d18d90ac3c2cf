"""Precision and recall per field of extracted fact sheets against a hand-written gold file."""
from __future__ import annotations

import json
from pathlib import Path

from assistant.facts.lists import figure_key
from assistant.nlp.text import fold

SCALARS = ["territory.name", "territory.kind", "territory.communes", "caf", "signed_on", "period.start", "period.end"]
SETS = ["domains", "objectives", "actions", "signatories.name", "present.name"]
PAIRS = ["signatories.role", "signatories.organisation", "signatories.on_behalf_of"]


def _get(sheet: dict, path: str):
    value = sheet
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _norm(value) -> str:
    return " ".join(fold(str(value)).replace("’", "'").strip(" .,;").split())


def score(predicted: list[dict], gold: list[dict]) -> dict[str, dict]:
    """``{field: {"tp", "fp", "fn", "precision", "recall"}}`` over all documents of the gold file."""
    by_doc = {p["doc"]: p for p in predicted}
    counts = {f: [0, 0, 0] for f in SCALARS + SETS + PAIRS}
    for g in gold:
        p = by_doc.get(g["doc"], {})
        for f in SCALARS:
            want, got = _get(g, f), _get(p, f)
            if got is not None and want is not None and _norm(got) == _norm(want):
                counts[f][0] += 1
            else:
                counts[f][1] += got is not None
                counts[f][2] += want is not None
        for f in SETS:
            key, _, attr = f.partition(".")
            want = {_norm(x[attr] if attr else x) for x in g.get(key, [])}
            got = {_norm(x[attr] if attr else x) for x in p.get(key, [])}
            counts[f][0] += len(want & got)
            counts[f][1] += len(got - want)
            counts[f][2] += len(want - got)
        gold_people = {_norm(x["name"]): x for x in g.get("signatories", [])}
        for f in PAIRS:
            attr = f.split(".")[1]
            for person in p.get("signatories", []):
                match = gold_people.get(_norm(person["name"]))
                if match is None:
                    continue
                want, got = match.get(attr), person.get(attr)
                if want is None and got is None:
                    continue
                if want is not None and got is not None and _norm(got) == _norm(want):
                    counts[f][0] += 1
                else:
                    counts[f][1] += got is not None
                    counts[f][2] += want is not None
        want = {figure_key(x["value"]) for x in g.get("figures", [])}
        got = {figure_key(x["value"]) for x in p.get("figures", [])}
        counts.setdefault("figures", [0, 0, 0])
        counts["figures"][0] += len(want & got)
        counts["figures"][1] += len(got - want)
        counts["figures"][2] += len(want - got)
    out = {}
    for f, (tp, fp, fn) in counts.items():
        out[f] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                  "recall": round(tp / (tp + fn), 3) if tp + fn else None}
    return out


def load_gold(path: Path | str) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))
