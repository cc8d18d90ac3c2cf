"""CTG fact sheets: territory, Caf, signing date, period, domains, people and figures of a convention.

Rules over the text (dates, periods, domain vocabulary, role appositions), every fact with the character
span it was read from. People are found by ``people.py``. No rule names a particular document.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from assistant.facts.amendments import is_amendment
from assistant.facts.domains import domains
from assistant.facts.parties import parties
from assistant.facts.territory import caf_name, partners, territory
from assistant.facts.lists import figures, objectives_and_actions
from assistant.nlp.dates import DATE_RANGE, FULL_DATE, MONTH_YEAR, RANGE, day_date, month_date, month_number
from assistant.nlp.vocab import MONTH, NUMBER_WORDS
from assistant.nlp.segment import sentence_spans
from assistant.nlp.text import fold
from assistant.nlp.vocab import WEEKDAYS

SIGNING = re.compile(r"\b(?:co-?)?sign(e|ee|es|ent|ature|ataires?|ant)\b|\bofficialis|\bont sign|\ba sign|\bconclue?s?\b"
                     r"|\bparaph|\bscell|\brenouvele|\bceremonie\b|\bapposer|\bappose")
UNTIL = re.compile(r"jusqu.{1,3}(?:en|au \d{1,2} \w+) ((?:19|20)\d{2})\b")
PERIOD_CUE = re.compile(r"(periode|annees|ctg|convention|globale|services aux familles|couvr|court|formalise|portera"
                        r"|porte sur|valable|\bpour\b)")
# An earlier convention's period: "une première CTG … couvrant la période de 2020 à 2023", "la précédente (2018-2021)".
PREVIOUS = re.compile(r"\b(?:premiere|precedente?|ancienne?|derniere|deja|avait|etait|anterieure?)\b")
OTHER_POLICY = re.compile(r"(politique|contrat|plan|schema)[\w ]{0,25}$")
CAF = re.compile(r"\b(Caf|CAF|[Cc]aisse d.[Aa]llocations [Ff]amiliales|[Cc]aisse (?:générale )?de [Ss]écurité [Ss]ociale"
                 r"|CGSS|CSS)(?: \([^)]{1,60}\))?"
                 r"((?: de la| de l.| des| du| de)? ?[A-ZÉ][\w'’.-]*(?:[- ][A-ZÉ][\w'’.-]*)*)")
CAF_NUMBERED = re.compile(r"\b(?:Caf|CAF)\s+(\d{2,3}|2[AB])\b")
# "Fait à Chârost, le 12 mars 2024", "Fait en trois exemplaires, à Chârost, le 12 mars 2024": a signature page
DONE_AT = re.compile(rf"^fait\b.{{0,100}}?\ble (\d{{1,2}})(?:er)? ({MONTH}) (\d{{4}})\b")
# a convention's duration article: "conclue pour une durée de cinq ans à compter du 1er janvier 2024"
DURATION = re.compile(r"\bduree\b|conclue? pour|prend effet|entre en vigueur|couvre la periode|est valable")
LASTS_UNTIL = re.compile(rf"(?:pour|duree de) (\d+|{'|'.join(NUMBER_WORDS)}) (?:ans?|annees?)\b.{{0,40}}?jusqu.{{1,3}}au "
                         rf"(\d{{1,2}})(?:er)? ({MONTH}) ((?:19|20)\d{{2}})")
LASTS = re.compile(rf"duree de (\d+|{'|'.join(NUMBER_WORDS)}) (?:ans?|annees?)\b.{{0,40}}?(?:a compter|a partir|a dater) du "
                   rf"(?:\d{{1,2}}(?:er)? )?(?:{MONTH}) ((?:19|20)\d{{2}})")

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
    partners: list[str] = field(default_factory=list)  # bodies named as partners: "msa", "departement"
    parties: list[str] = field(default_factory=list)  # the parties a convention's opening names ("Entre : …")
    objectives: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the proper names the text uses most (places, bodies)
    source_names: list[str] = field(default_factory=list)  # the words of its source address
    name_terms: dict[str, list[str]] = field(default_factory=dict)  # analysed, by kind of name (convention finder)
    spans: dict[str, list[int]] = field(default_factory=dict)
    kind: str = "convention"  # or "avenant"
    amends: str | None = None  # for an avenant: the file of the convention it amends (set across the corpus)

    def to_dict(self) -> dict:
        return asdict(self)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _sentences(text: str):
    return [(s, e, fold(text[s:e])) for s, e in sentence_spans(text)]


def signing_date(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The date of the signing sentence: a full date beats a month and year; "signer" (to be signed) loses. A day
    without its year takes it from a dated signing sentence of the same day, or from the page's own date when that
    is up to two months later (a news page dated "mardi 26 octobre 2021" says "ce lundi 25 octobre"). With no dated
    signing sentence, a date heading the text ("VENDREDI 27 NOVEMBRE, 9h30") is the event's."""
    best, best_rank = None, -1
    for s, e, f in _sentences(text):
        done = DONE_AT.search(f)  # "Fait à Chârost, le 12 mars 2024": the signature page of a convention
        if done and done.group(1):
            return day_date(done), (s, e)
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
    if best is None:
        best = _heading_date(text)
    if best and best[0].startswith("--"):  # day without year: complete it from a dated signing sentence
        for s, e, f in _sentences(text):
            m = FULL_DATE.search(f)
            if SIGNING.search(f) and m and m.group(3) and best[0][1:] == day_date(m)[4:]:
                return f"{m.group(3)}{best[0][1:]}", (s, e)
        year = _page_year(text, best[0])
        if year:
            return f"{year}{best[0][1:]}", best[1]
    return best if best else (None, None)


def _heading_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """A weekday and date alone on one of the first lines, when the text is about a signing."""
    if not SIGNING.search(fold(text)):
        return None
    for s, e, f in _sentences(text)[:6]:
        m = FULL_DATE.search(f)
        if m and len(f) < 80 and re.search(rf"\b(?:{'|'.join(WEEKDAYS)})\b", f):
            return day_date(m), (s, e)
    return None


def _page_year(text: str, day: str) -> int | None:
    """The year of a full date the text gives (the page's own) within 60 days after ``--MM-DD``."""
    from datetime import date

    month, mday = int(day[2:4]), int(day[5:7])
    for m in FULL_DATE.finditer(fold(text)):
        if not m.group(3):
            continue
        year = int(m.group(3))
        page = date(year, month_number(m.group(2)), min(int(m.group(1)), 28))
        for candidate in (year, year - 1):
            try:
                event = date(candidate, month, mday)
            except ValueError:
                continue
            if 0 <= (page - event).days <= 60:
                return candidate
    return None


def _duration(f: str) -> dict | None:
    """The period a convention's duration sentence (folded) sets, if it sets one."""
    # "du 1er janvier 2024 au 31 décembre 2028", "prend effet le 1er juillet 2024 et prend fin le 30 juin 2029"
    years = [int(m.group(3)) for m in FULL_DATE.finditer(f) if m.group(3)]
    if len(years) >= 2 and years[0] < years[1] <= years[0] + 10:
        return {"start": years[0], "end": years[1]}
    m = LASTS.search(f)
    if m and 0 < _number(m.group(1)) <= 10:
        return {"start": int(m.group(2)), "end": int(m.group(2)) + _number(m.group(1)) - 1}
    m = LASTS_UNTIL.search(f)  # "conclue pour cinq ans, jusqu'au 30 juin 2028": it began in 2023
    if m and 0 < _number(m.group(1)) <= 10:
        full_year = m.group(2) == "31" and m.group(3) == "decembre"
        return {"start": int(m.group(4)) - _number(m.group(1)) + (1 if full_year else 0), "end": int(m.group(4))}
    m = UNTIL.search(f)  # "la durée de la convention est prolongée jusqu'au 31 décembre 2029"
    return {"start": None, "end": int(m.group(1))} if m else None


def period(text: str) -> tuple[dict, tuple[int, int] | None]:
    """Start and end years: "2022-2026", "pour les années 2024-2028", "du 1er janvier 2024 au 31 décembre 2028",
    "jusqu'en 2026"; a range said of an earlier convention ("une première CTG … de 2020 à 2023") is not its own.
    A convention's duration article speaks first ("pour une durée de cinq ans à compter du 1er janvier 2024")."""
    sentences = _sentences(text)
    for k, (s, e, f) in enumerate(sentences):
        if not DURATION.search(f) or PREVIOUS.search(f):
            continue
        found = _duration(f)
        if found is None:
            continue
        # the article's dates may be said in the sentence before or after ("Elle prend effet le 1er juillet 2023.")
        for j in (k - 1, k + 1):
            if 0 <= j < len(sentences) and FULL_DATE.search(sentences[j][2]):
                a, b = min(s, sentences[j][0]), max(e, sentences[j][1])
                s, e = (a, b) if "\n" not in text[a:b] else (s, e)
        return found, (s, e)
    for s, e, f in sentences:
        for m in [*DATE_RANGE.finditer(f), *RANGE.finditer(f)]:
            before = f[max(0, m.start() - 60):m.start()]
            if PREVIOUS.search(before) or OTHER_POLICY.search(before[-40:]):
                continue
            if PERIOD_CUE.search(before[-40:] + f[m.end():m.end() + 10]):
                start, end = int(m.group(1)), int(m.group(2))
                if start < end <= start + 10:
                    return {"start": start, "end": end}, (s, e)
    for s, e, f in sentences:
        m = UNTIL.search(f)
        if m and PERIOD_CUE.search(f) and not PREVIOUS.search(f[:m.start()]):
            return {"start": None, "end": int(m.group(1))}, (s, e)
    return {"start": None, "end": None}, None


def extract(doc: str, title: str, text: str, metadata: dict | None = None) -> FactSheet:
    """The fact sheet of one document."""
    from assistant.facts.people import people
    from assistant.nlp.names import proper_names, sheet_name_terms, url_names

    metadata = metadata or {}
    sheet = FactSheet(doc=doc, title=title, kind="avenant" if is_amendment(title, text) else "convention")
    found_parties = parties(text)
    sheet.territory, span = territory(text, metadata, found_parties)
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
    for name, span in partners(text):
        sheet.partners.append(name)
        _keep(sheet, f"partners.{name}", span)
    for i, (name, span) in enumerate(found_parties):
        sheet.parties.append(name)
        _keep(sheet, f"parties[{i}]", span)
    objectives, actions = objectives_and_actions(text)
    for key, items in (("objectives", objectives), ("actions", actions)):
        for i, (item, span) in enumerate(items):
            getattr(sheet, key).append(item)
            _keep(sheet, f"{key}[{i}]", span)
    for i, (value, what, span) in enumerate(figures(text)):
        sheet.figures.append({"value": value, "what": what})
        _keep(sheet, f"figures[{i}]", span)
    signatories, present = people(text, sheet)
    _at_signature(text, sheet, signatories)
    for key, group in (("signatories", signatories), ("present", present)):
        for i, person in enumerate(group):
            span = (person["start"], person["end"])
            getattr(sheet, key).append(person)
            _keep(sheet, f"{key}[{i}]", span)
    sheet.name_terms = sheet_name_terms(sheet.to_dict())
    return sheet


def _at_signature(text: str, sheet: FactSheet, signatories: list[dict]) -> None:
    """A convention's signatories are shown where they sign: the block after "Fait à …, le …" that names them
    ("Pour la Caf du Cher, Le directeur, Xavier Dupont"), rather than the opening that introduces them."""
    done = sheet.spans.get("signed_on")
    if not done or not fold(text[done[0]:done[1]]).startswith("fait "):
        return
    blocks = [(s, e) for s, e in sentence_spans(text, done[1], min(len(text), done[1] + 4000))]
    for person in signatories:
        surname = person["name"].split()[-1]
        found = next(((s, e) for s, e in blocks if re.search(rf"\b{re.escape(surname)}\b", text[s:e], re.I)), None)
        if found:
            person["start"], person["end"] = found


def extract_many(items: list[tuple[str, str, str, dict | None]], workers: int = 1) -> list[FactSheet]:
    """The fact sheets of many ``(doc, title, text, metadata)`` documents, in order: documents go by groups
    whose sentences meet the NER model in one pass, in up to ``workers`` threads."""
    from concurrent.futures import ThreadPoolExecutor

    from assistant.facts.people import ner_sentences
    from assistant.nlp.ner import prefetched, unload

    def group_sheets(group):
        with prefetched([sentence for _, _, text, _ in group for sentence in ner_sentences(text)]):
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
