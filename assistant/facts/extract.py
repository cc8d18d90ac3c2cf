"""CTG fact sheets: territory, Caf, signing date, period, domains, people and figures of a convention.

Rules over the text (dates, periods, domain vocabulary, role appositions), every fact with the character
span it was read from. People are found by ``people.py``. No rule names a particular document.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from assistant.facts.lists import figures, objectives_and_actions
from assistant.nlp.dates import FULL_DATE, MONTH_YEAR, RANGE, day_date, month_date
from assistant.nlp.segment import sentence_spans
from assistant.nlp.text import fold
from assistant.nlp.vocab import COUNT_WORDS, DOMAINS, NUMBER_WORDS

SIGNING = re.compile(r"\bsign(e|ee|es|ent|ature|ataires?)\b|\bofficialis|\bont sign|\ba sign")
UNTIL = re.compile(r"jusqu.{1,3}(?:en|au \d{1,2} \w+) ((?:19|20)\d{2})\b")
PERIOD_CUE = re.compile(r"(periode|annees|ctg|convention|globale|services aux familles|couvr|court|formalise)")
OTHER_POLICY = re.compile(r"(politique|contrat|plan|schema)[\w ]{0,25}$")
DOMAIN_CUE = re.compile(r"domaines?|champs?|thematiques?|couvr|porte sur|retenus?|volets?|competence")
GENERIC = re.compile(r"\bpeu(ven)?t\b|tous les champs")
TERRITORY_KINDS = [
    ("communauté de communes", r"communaute de communes"),
    ("communauté d'agglomération", r"communaute d.agglomeration"),
    ("métropole", r"\bmetropole\b"),
    ("agglomération", r"\bagglo(meration)?\b"),
    ("commune", r"\b(la )?ville\b|\bcommune\b|\bmairie\b"),
]
COMMUNES = re.compile(r"\b(\d+|" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True)) + r") communes\b")
CAF = re.compile(r"\b(?:Caf|CAF|Caisse d.[Aa]llocations [Ff]amiliales)(?: \(Caf\))?"
                 r"((?: de la| de l.| des| du| de)? ?[A-ZÉ][\w'’.-]*(?:[- ][A-ZÉ][\w'’.-]*)*)")

EXTRACT_GROUP = 64  # documents whose sentences go through the NER model together


@dataclass
class FactSheet:
    doc: str
    title: str
    territory: dict = field(default_factory=dict)
    caf: str | None = None
    signatories: list[dict] = field(default_factory=list)
    present: list[dict] = field(default_factory=list)
    signed_on: str | None = None
    period: dict = field(default_factory=lambda: {"start": None, "end": None})
    domains: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the proper names the text uses most (places, bodies)
    source_names: list[str] = field(default_factory=list)  # the words of its source address
    name_terms: dict[str, list[str]] = field(default_factory=dict)  # analysed, by kind of name (convention finder)
    spans: dict[str, list[int]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def _sentences(text: str):
    return [(s, e, fold(text[s:e])) for s, e in sentence_spans(text)]


def signing_date(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The date of the signing sentence: a full date beats a month and year; "signer" (to be signed) loses."""
    best, best_rank = None, -1
    for s, e, f in _sentences(text):
        if not SIGNING.search(f) or f.startswith("publie"):
            continue
        future = 1 if re.search(r"\ba signer\b|autorise", f) else 0
        for m in FULL_DATE.finditer(f):
            value = day_date(m)
            rank = 30 - future * 20 if m.group(3) else 10 - future * 5
            if rank > best_rank:
                best, best_rank = (value, (s, e)), rank
        for m in MONTH_YEAR.finditer(f):
            rank = 20 - future * 15
            if rank > best_rank:
                best, best_rank = (month_date(m), (s, e)), rank
    if best and best[0].startswith("--"):  # day without year: complete it from a dated signing sentence
        for s, e, f in _sentences(text):
            m = FULL_DATE.search(f)
            if SIGNING.search(f) and m and m.group(3) and best[0][1:] == day_date(m)[4:]:
                return f"{m.group(3)}{best[0][1:]}", (s, e)
    return best if best else (None, None)


def period(text: str) -> tuple[dict, tuple[int, int] | None]:
    """Start and end years: "2022-2026", "pour les années 2024-2028", "jusqu'en 2026"."""
    for s, e, f in _sentences(text):
        for m in RANGE.finditer(f):
            before = f[max(0, m.start() - 40):m.start()]
            if PERIOD_CUE.search(before + f[m.end():m.end() + 10]) and not OTHER_POLICY.search(before):
                start, end = int(m.group(1)), int(m.group(2))
                if start < end <= start + 10:
                    return {"start": start, "end": end}, (s, e)
    for s, e, f in _sentences(text):
        m = UNTIL.search(f)
        if m and PERIOD_CUE.search(f):
            return {"start": None, "end": int(m.group(1))}, (s, e)
    return {"start": None, "end": None}, None


def domains(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Domains of the fixed vocabulary named where the text lists what the convention covers."""
    found: dict[str, tuple[int, int]] = {}
    intro = ""  # the line ending with ':' that opens the current list, while its items follow
    for s, e, f in _sentences(text):
        item = bool(re.match(r"^[-–•·*]", f))
        if not item:  # a line ending with ':' or a short heading ("Les champs couverts") opens a list
            heading = len(f.split()) <= 6 and f[-1:] not in ".;!?,"
            intro = f if f.endswith(":") or heading else ""
        listed = len([1 for domain in DOMAINS if re.search(domain.pattern, f)])
        in_domain_list = item and DOMAIN_CUE.search(intro) and not GENERIC.search(intro)
        if (listed >= 3 and DOMAIN_CUE.search(f) and not GENERIC.search(f)) or in_domain_list:
            for name, pattern in ((d.name, d.pattern) for d in DOMAINS):
                if name not in found and re.search(pattern, f):
                    found[name] = (s, e)
    return list(found.items())


def caf_name(text: str, given: str = "") -> tuple[str | None, tuple[int, int] | None]:
    """The Caf, normalised "Caf de X"; the corpus metadata wins when it names one."""
    for m in CAF.finditer(text):
        place = m.group(1).strip()
        if not place or place.lower().startswith(("le ", "la ")):
            continue
        value = given or f"Caf {place}" if re.match(r"(de|des|du)\b", place) else given or f"Caf de {place}"
        return value.replace("’", "'"), (m.start(), m.end())
    return (given or None), None


PLACE = r"([A-ZÉÈÎ][\w'’-]*(?:[- ](?:(?:de|du|des|d'|d’|la|le|les|l'|l’|en|sur|sous) ?)*[A-ZÉÈÎ][\w'’-]*)*)"
TERRITORY_NAMES = [
    ("communauté de communes", re.compile(r"[Cc]ommunauté de communes (?:du |de la |des |de l'|de l’|de )?" + PLACE)),
    ("agglomération", re.compile(PLACE + r" (?:[Aa]gglo(?:mération)?)\b")),
    ("commune", re.compile(r"\b(?:[Vv]ille|[Cc]ommune|[Mm]aire) (?:de |d'|d’)" + PLACE)),
]


def territory_name(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The signing territory named in the title or first sentences: ``(name, kind, span)``."""
    head_end = sentence_spans(text)[min(3, len(sentence_spans(text)) - 1)][1] if text.strip() else 0
    best = None
    for kind, pattern in TERRITORY_NAMES:
        m = pattern.search(text, 0, head_end)
        if m and (best is None or m.start() < best[2][0]):
            name = m.group(0).replace("’", "'") if kind != "commune" else m.group(1).replace("’", "'")
            if kind == "communauté de communes":
                name = name[0].upper() + name[1:]
            best = (name.strip(), kind, (m.start(), m.end()))
    return best if best else (None, None, None)


def territory(text: str, given: dict) -> tuple[dict, tuple[int, int] | None]:
    """Name, kind and number of communes of the signing territory (metadata names it when known)."""
    name, kind = given.get("territory") or None, given.get("territory_kind") or None
    span = None
    if not name:
        name, found_kind, span = territory_name(text)
        kind = kind or found_kind
    elif name:
        m = re.search(re.escape(fold(name).split(" ")[-1]), fold(text))
        span = (m.start(), m.end()) if m else None
    head = fold(" ".join(text[s:e] for s, e in sentence_spans(text)[:4]))
    if not kind:
        kind = next((k for k, pattern in TERRITORY_KINDS if re.search(pattern, head)), None)
    communes = None
    if kind and kind != "commune":
        for s, e, f in _sentences(text):
            m = COMMUNES.search(f)
            if m and SIGNING.search(f) or m and re.search(r"engag|membres|signataires", f):
                communes = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
                break
    return {"name": name, "kind": kind, "communes": communes, "aliases": aliases(text, name)}, span


def aliases(text: str, name: str | None) -> list[str]:
    """Acronyms the text defines for the territory: "communauté de communes Vallée de l'Hérault (CCVH)"."""
    from assistant.nlp.terms import defined_acronyms

    if not name:
        return []
    last = fold(name).replace("'", " ").split()[-1]
    return sorted(a.upper() for a, long in defined_acronyms(text).items() if last in fold(long).replace("'", " "))


def extract(doc: str, title: str, text: str, metadata: dict | None = None) -> FactSheet:
    """The fact sheet of one document."""
    from assistant.facts.people import people
    from assistant.nlp.names import proper_names, sheet_name_terms, url_names

    metadata = metadata or {}
    sheet = FactSheet(doc=doc, title=title)
    sheet.territory, span = territory(text, metadata)
    sheet.names = proper_names(text)
    sheet.source_names = url_names(metadata.get("source_url"))
    _keep(sheet, "territory", span)
    sheet.caf, span = caf_name(text, metadata.get("caf", ""))
    _keep(sheet, "caf", span)
    sheet.signed_on, span = signing_date(text)
    _keep(sheet, "signed_on", span)
    sheet.period, span = period(text)
    _keep(sheet, "period", span)
    for i, (name, span) in enumerate(domains(text)):
        sheet.domains.append(name)
        _keep(sheet, f"domains[{i}]", span)
    objectives, actions = objectives_and_actions(text)
    for key, items in (("objectives", objectives), ("actions", actions)):
        for i, (item, span) in enumerate(items):
            getattr(sheet, key).append(item)
            _keep(sheet, f"{key}[{i}]", span)
    for i, (value, what, span) in enumerate(figures(text)):
        sheet.figures.append({"value": value, "what": what})
        _keep(sheet, f"figures[{i}]", span)
    signatories, present = people(text, sheet)
    for key, group in (("signatories", signatories), ("present", present)):
        for i, person in enumerate(group):
            span = (person["start"], person["end"])
            getattr(sheet, key).append(person)
            _keep(sheet, f"{key}[{i}]", span)
    sheet.name_terms = sheet_name_terms(sheet.to_dict())
    return sheet


def extract_many(items: list[tuple[str, str, str, dict | None]], workers: int = 1) -> list[FactSheet]:
    """The fact sheets of many ``(doc, title, text, metadata)`` documents, in order: documents go by groups
    whose sentences meet the NER model in one pass, in up to ``workers`` threads."""
    from concurrent.futures import ThreadPoolExecutor

    from assistant.facts.people import candidate_sentences
    from assistant.nlp.ner import prefetched, unload

    def group_sheets(group):
        with prefetched([text[s:e] for _, _, text, _ in group for s, e in candidate_sentences(text)]):
            return [extract(*item) for item in group]

    groups = [items[i : i + EXTRACT_GROUP] for i in range(0, len(items), EXTRACT_GROUP)]
    try:
        if workers <= 1 or len(groups) <= 1:
            return [sheet for group in groups for sheet in group_sheets(group)]
        with ThreadPoolExecutor(min(workers, len(groups))) as pool:
            return [sheet for sheets in pool.map(group_sheets, groups) for sheet in sheets]
    finally:
        unload()  # the pipelines' memory goes back before the rest of the build, and to the app answering


def _keep(sheet: FactSheet, key: str, span) -> None:
    if span:
        sheet.spans[key] = [int(span[0]), int(span[1])]
