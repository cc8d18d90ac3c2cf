"""Precision and recall per field of extracted fact sheets against a hand-written gold file (``ctg eval --facts``).

How values are compared (the devset README: "compare names exactly, roles loosely"):
- people's names: case, accents and civility titles aside ("M. Dervaux" = "Dervaux"); a person the gold
  names only by institution (``name: null``) is not a name to find;
- the Caf: the same département ("CAF de la Corrèze" = "Caisse d'allocations familiales de la Corrèze" = "Caf 19"),
  else the same folded words;
- the territory's name: the same words once its kind is set aside ("Communauté de communes Aunis Sud" = "Aunis Sud");
- domains: the vocabulary's domain a gold item names ("logement" = "logement/habitat"), else its folded words;
- dates and years exactly, in the gold's format (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``--MM-DD``).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from assistant.facts.lists import figure_key
from assistant.nlp.text import fold

SCALARS = ["territory.name", "territory.kind", "territory.communes", "caf", "signed_on", "period.start", "period.end",
           "kind", "amends"]
SETS = ["domains", "objectives", "actions", "signatories.name", "present.name", "people.name", "parties"]
PAIRS = ["signatories.role", "signatories.organisation", "signatories.on_behalf_of"]
TITLES = re.compile(r"^(?:m|mme|mmes|mlle|mm|madame|monsieur|mr)\b\.?\s*")
TERRITORY_WORDS = re.compile(r"\b(?:communaute (?:de communes|d'agglomeration|urbaine)|agglomeration|metropole|ville"
                             r"|commune|cc|ca)\b\s*(?:(?:de la|de l'|des|du|de|d') ?)?")


def _get(sheet: dict, path: str):
    value = sheet
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _norm(value) -> str:
    return " ".join(fold(str(value)).replace("’", "'").strip(" .,;").split())


def _person(name) -> str:
    return TITLES.sub("", _norm(name)).replace("-", " ")


def _caf(value) -> str:
    from assistant.nlp.names import caf_department, department_named

    text = _norm(value).replace("caisse d'allocations familiales", "caf")
    # "Caisse de sécurité sociale de Mayotte": a body other than a Caf, named with its département too
    department = caf_department(text) or department_named(text)
    return fold(department) if department else text


def _territory(value) -> str:
    return TERRITORY_WORDS.sub("", _norm(value).replace("-", " ")).strip()


def _territory_match(want: str | None, got: dict | None) -> bool:
    """The same territory: its name, or its acronym ("CAPG"), either side ("Pays d'Uzès (CCPU)")."""
    if not want or not got or not got.get("name"):
        return False
    wanted = {_territory(x) for x in re.split(r"[()]", want) if x.strip()}
    named = {_territory(x) for x in [got["name"], *got.get("aliases", [])]}
    return bool(wanted & named)


def _year(value) -> str:
    """A period bound: its year, whether written 2028 or "2028-12-31"."""
    return _norm(value)[:4]


def _party(value) -> str:
    """A party, its leading article aside ("La Caisse d'allocations familiales du Cher")."""
    return re.sub(r"^(?:la|le|les|l')\s*", "", _norm(value).replace("caisse d'allocations familiales", "caf"))


def _domain(value) -> str:
    from assistant.nlp.vocab import DOMAINS

    text = _norm(value)
    return next((d.name for d in DOMAINS if re.search(d.pattern, text)), text)


def _kind(value) -> str:
    """A commune, or an intercommunality of any kind (communauté de communes, d'agglomération, urbaine, métropole)."""
    return "commune" if _norm(value) in ("commune", "ville") else "intercommunalite"


KEYS = {"territory.name": _territory, "territory.kind": _kind, "caf": _caf, "signatories.name": _person,
        "present.name": _person, "people.name": _person, "domains": _domain, "period.start": _year, "period.end": _year,
        "parties": _party}


def _values(sheet: dict, field: str) -> set[str]:
    key = KEYS.get(field, _norm)
    group, _, attr = field.partition(".")
    if group == "people":
        items = [x.get("name") for g in ("signatories", "present") for x in sheet.get(g) or []]
    else:
        items = [x.get(attr) if attr else x for x in sheet.get(group) or []]
    return {key(x) for x in items if x}


def _count(counts: list[int], want: set, got: set) -> None:
    counts[0] += len(want & got)
    counts[1] += len(got - want)
    counts[2] += len(want - got)


def score(predicted: list[dict], gold: list[dict]) -> dict[str, dict]:
    """``{field: {"tp", "fp", "fn", "precision", "recall"}}`` over all documents of the gold file."""
    by_doc = {p["doc"]: p for p in predicted}
    counts = {f: [0, 0, 0] for f in SCALARS + SETS + PAIRS + ["figures"]}
    for g in gold:
        p = by_doc.get(g["doc"], {})
        for f in SCALARS:
            if f.split(".")[0] not in g:  # a gold file without a field says nothing of it
                continue
            key = KEYS.get(f, _norm)
            want, got = _get(g, f), _get(p, f)
            if f == "territory.name" and _territory_match(want, p.get("territory")):
                want = got
            _count(counts[f], {key(want)} if want is not None else set(), {key(got)} if got is not None else set())
        for f in SETS:
            if f.split(".")[0].replace("people", "signatories") in g:  # a gold file without a field says nothing of it
                _count(counts[f], _values(g, f), _values(p, f))
        _pairs(counts, g, p)
        _count(counts["figures"], {figure_key(x["value"]) for x in g.get("figures", [])},
               {figure_key(x["value"]) for x in p.get("figures", [])})
    out = {}
    for f, (tp, fp, fn) in counts.items():
        out[f] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                  "recall": round(tp / (tp + fn), 3) if tp + fn else None}
    return out


def _pairs(counts: dict, g: dict, p: dict) -> None:
    """Role, organisation… of the signatories found by name, compared with the gold person's."""
    gold_people = {_person(x["name"]): x for x in g.get("signatories", []) if x.get("name")}
    for f in PAIRS:
        attr = f.split(".")[1]
        for person in p.get("signatories", []):
            match = gold_people.get(_person(person.get("name") or ""))
            if match is None or (match.get(attr) is None and person.get(attr) is None):
                continue
            want, got = match.get(attr), person.get(attr)
            _count(counts[f], {_norm(want)} if want is not None else set(), {_norm(got)} if got is not None else set())


def load_gold(path: Path | str) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def table(scores: dict[str, dict]) -> str:
    """The per-field table ``ctg eval --facts`` prints."""
    lines = [f"{'champ':<28}{'justes':>8}{'en trop':>9}{'manqués':>9}{'précision':>11}{'rappel':>8}"]
    for field, s in scores.items():
        if s["tp"] + s["fp"] + s["fn"]:
            lines.append(f"{field:<28}{s['tp']:>8}{s['fp']:>9}{s['fn']:>9}{s['precision']!s:>11}{s['recall']!s:>8}")
    return "\n".join(lines)


def run_facts(corpus: Path, gold_files: list[str], out: Path) -> dict:
    """Extract the fact sheets of ``corpus``'s documents, score them against the gold files, write ``facts.json``."""
    from assistant.facts.amendments import link_amendments
    from assistant.facts.extract import extract_many
    from assistant.ingest.corpus import given_metadata, load_corpus

    gold = [record for path in gold_files for record in load_gold(path)]
    wanted = {g["doc"] for g in gold}
    documents = [d for d in load_corpus(corpus) if d.metadata["doc"] in wanted]
    sheets = link_amendments([s.to_dict() for s in extract_many(
        [(d.metadata["doc"], d.metadata["title"], d.text, given_metadata(d.metadata)) for d in documents])])
    scores = score(sheets, gold)
    out.mkdir(parents=True, exist_ok=True)
    (out / "facts.json").write_text(json.dumps({"gold": gold_files, "scores": scores, "sheets": sheets},
                                               ensure_ascii=False, indent=1), encoding="utf-8")
    return scores
