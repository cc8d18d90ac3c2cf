"""The signing territory (name, kind, number of communes, acronyms), the Caf, and the partner bodies a text names.

Rules over the text, every fact with the character span it was read from; no rule names a particular document.
"""
from __future__ import annotations

import re

from assistant.nlp.segment import sentence_spans
from assistant.nlp.text import fold
from assistant.nlp.vocab import COUNT_WORDS, NUMBER_WORDS

TERRITORY_KINDS = [
    ("communauté de communes", r"communaute de communes"),
    ("communauté d'agglomération", r"communaute d.agglomeration"),
    ("métropole", r"\bmetropole\b"),
    ("agglomération", r"\bagglo(meration)?\b"),
    ("commune", r"\b(la )?ville\b|\bcommune\b|\bmairie\b"),
]
# a sentence that says the communes sign or engage
ENGAGED = re.compile(r"\b(?:co-?)?sign|engag|membres|signataires|paraph")
# before a number of communes, what makes it the territory's whole: "regroupe 13", "les 34", "ses 10"
WHOLE_COMMUNES = re.compile(r"(?:regroup\w*|compt\w*|rassembl\w*|reuni\w*|feder\w*|compos\w* de|constitu\w* de"
                            r"|\bses|\bles|l'ensemble des|territoire de|totalis\w*|\bde)\s+(?:plus de\s+|pres de\s+)?$")
# a row of a table of communes, written with its header ("Commune : Chârost ; Population : 1 234")
LISTED_COMMUNE = re.compile(r"(?im)^(?:communes?(?: membres?)?|nom de la commune)\s*:\s*([^;\n]+)")
COMMUNES = re.compile(r"\b(\d+|" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True)) + r") communes\b")
# "Caf de la Gironde", "caisse d'allocations familiales de la Haute-Garonne", "Caf (Caisse d'Allocations Familiales)
# de la Haute-Savoie", "Caisse de sécurité sociale de Mayotte" (the Caf of Mayotte), "CGSS de la Martinique".
CAF = re.compile(r"\b(Caf|CAF|[Cc]aisse d.[Aa]llocations [Ff]amiliales|[Cc]aisse (?:générale )?de [Ss]écurité [Ss]ociale"
                 r"|CGSS|CSS)(?: \([^)]{1,60}\))?"
                 r"((?: de la| de l.| des| du| de)? ?[A-ZÉ][\w'’.-]*(?:[- ][A-ZÉ][\w'’.-]*)*)")
CAF_NUMBERED = re.compile(r"\b(?:Caf|CAF)\s+(\d{2,3}|2[AB])\b")


def caf_name(text: str, given: str = "") -> tuple[str | None, tuple[int, int] | None]:
    """The Caf, normalised "Caf de X" ("Caf 33 (Gironde)" when named by its département's number); the corpus
    metadata wins when it names one."""
    from assistant.nlp.names import caf_departments

    numbered = CAF_NUMBERED.search(text)
    for m in CAF.finditer(text):
        if numbered and numbered.start() < m.start():
            break
        place = m.group(2).strip()
        if not place or place.lower().startswith(("le ", "la ")):
            continue
        body = "Caisse de sécurité sociale" if re.match(r"caisse (generale )?de securite|c?gss$|css$",
                                                        fold(m.group(1))) else "Caf"
        value = given or f"{body} {place}" if re.match(r"(de|des|du)\b", place) else given or f"{body} de {place}"
        return value.replace("’", "'"), (m.start(), m.end())
    if numbered and caf_departments(numbered.group(0)):
        value = f"Caf {numbered.group(1)} ({caf_departments(numbered.group(0))[0]})"
        return given or value, numbered.span()
    return (given or None), None


PLACE = (r"([A-ZÉÈÎ][\w'’-]*(?:(?:[- ](?:(?:de|du|des|d'|d’|la|le|les|l'|l’|en|sur|sous) ?)*|,? et (?:de |d['’])?)"
         r"(?!CAF|Caf|Caisse)[A-ZÉÈÎ&][\w'’-]*)*)")
ARTICLE = r"(?:du |de la |des |de l['’]|de |d['’]|les |la |le )?"
# How a text names a signing territory, each with its kind; an intercommunality is named before its communes.
TERRITORY_NAMES = [
    ("communauté de communes", re.compile(r"[Cc]ommunauté de [Cc]ommunes " + ARTICLE + PLACE)),
    ("communauté d'agglomération", re.compile(r"[Cc]ommunauté d['’][Aa]gglomération " + ARTICLE + PLACE)),
    ("communauté urbaine", re.compile(r"[Cc]ommunauté [Uu]rbaine " + ARTICLE + PLACE)),
    ("métropole", re.compile(PLACE + r" [Mm]étropole\b|\b[Mm]étropole " + ARTICLE + PLACE)),
    ("agglomération", re.compile(PLACE + r" (?:[Aa]gglo(?:mération)?)\b|\b[Aa]gglomération " + ARTICLE + PLACE)),
    # "la CCPVM", "la CAPG", "la 2C2R": the acronyms of communautés de communes, d'agglomération, urbaines, which
    # are feminine ("le CCAS", a communal social centre, is not one)
    ("intercommunalité", re.compile(r"(?<=\bla )(?!CAF\b)((?:C[CAU]|\dC)[A-Z\d]{1,6})\b")),
    # not "à la mairie de X" (a venue)
    ("commune", re.compile(r"(?<!à la )(?<!en )\b(?:[Vv]ille|[Cc]ommune|[Mm]airie|[Cc]onseil municipal) (?:de |d['’]|du )"
                           + PLACE)),
    ("commune", re.compile(r"\b[Mm]aire (?:de |d['’]|du )" + PLACE)),
]
HEAD_CHARS = 600  # the territory is named early


def territory_name(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The signing territory, ``(name, kind, span)``: of the territories the text names (as written, with their
    kind), the one it names most often, counting one more for an intercommunality and one more when named in
    its first lines; the first named among equals."""
    found = {}
    folded = fold(text)
    for kind, pattern in TERRITORY_NAMES:
        for m in pattern.finditer(text):
            place = next(g for g in m.groups() if g)
            name = (m.group(0) if kind not in ("commune", "intercommunalité") else place).replace("’", "'").strip()
            if name in found:
                continue
            score = len(re.findall(rf"\b{re.escape(fold(place))}\b", folded)) + (kind != "commune") \
                + (m.start() < HEAD_CHARS)
            found[name] = ((-score, m.start()), name[0].upper() + name[1:], kind, (m.start(), m.end()))
    for acronym, entry in [(n, f) for n, f in found.items() if f[2] == "intercommunalité"]:
        # "la Communauté de communes du Pays d'Uzès (CCPU)": the acronym counts for the name it stands for
        full = next((n for n, f in found.items() if f[2] != "commune" and _initials(n) == fold(acronym)), None)
        if full:
            score, start = found.pop(acronym)[0]
            (own, first), *others = found[full]
            found[full] = ((own + score, min(first, start)), *others)
    if not found:
        return None, None, None
    _, name, kind, span = min(found.values(), key=lambda f: f[0])
    return name, kind, span


def _initials(name: str) -> str:
    """"Communauté de communes du Pays d'Uzès" -> "ccpu" (articles and prepositions skipped)."""
    words = re.findall(r"[\w]+", fold(name).replace("'", " "))
    return "".join(w[0] for w in words if w not in ("de", "du", "des", "la", "le", "les", "l", "d", "et", "en"))


def party_territory(name: str) -> tuple[str, str] | None:
    """A party of a convention that is a territory ("La Communauté de communes du Val d'Arnon", "la Ville de
    Brézac"): its name without the article, and its kind."""
    folded = fold(name)
    kind = next((k for k, pattern in TERRITORY_KINDS if re.match(rf"(?:(?:la|le|l') ?)?(?:{pattern})", folded)), None)
    if kind is None:
        return None
    return re.sub(r"^(?:la|le|l['’])\s*", "", name.strip(), flags=re.I), kind


def territory(text: str, given: dict, parties: list[tuple[str, tuple[int, int]]] = ()) -> tuple[dict, tuple[int, int] | None]:
    """Name, kind and number of communes of the signing territory: the metadata's when it names one, else the first
    territory among a convention's parties, else the one the text names."""
    name, kind = given.get("territory") or None, given.get("territory_kind") or None
    span = None
    party = next(((found, s) for p, s in parties if (found := party_territory(p))), None)
    if not name and party:
        (name, found_kind), span = party
        kind = kind or found_kind
    elif not name:
        name, found_kind, span = territory_name(text)
        kind = kind or found_kind
    elif name:
        m = re.search(re.escape(fold(name).split(" ")[-1]), fold(text))
        span = (m.start(), m.end()) if m else None
    head = fold(" ".join(text[s:e] for s, e in sentence_spans(text)[:4]))
    if not kind:
        kind = next((k for k, pattern in TERRITORY_KINDS if re.search(pattern, head)), None)
    communes = member_communes(text) if kind != "commune" else 1
    return {"name": name, "kind": kind, "communes": communes, "aliases": aliases(text, name)}, span


def member_communes(text: str) -> int | None:
    """The number of communes party to an intercommunality's convention: first where the text says they sign or
    engage ("les maires des 19 communes engagées", "13 communes signataires"), else where it states the whole
    ("regroupe 13 communes", "les 34 communes membres", "ses 10 communes")."""
    spans = [(s, e, fold(text[s:e])) for s, e in sentence_spans(text)]
    for s, e, f in spans:
        m = COMMUNES.search(f)
        if m and ENGAGED.search(f):
            return _count(m)
    for s, e, f in spans:
        for m in COMMUNES.finditer(f):
            if WHOLE_COMMUNES.search(f[max(0, m.start() - 60):m.start()]) or re.match(r"\s*membres", f[m.end():]):
                return _count(m)
    listed = {fold(m.group(1)).strip() for m in LISTED_COMMUNE.finditer(text)}
    return len(listed) if len(listed) >= 2 else None


def _count(m: re.Match) -> int:
    return int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]


# Who the convention names as partners besides the Caf and the territory ("la MSA", "le Département", "le CD88").
PARTNER_BODIES = {"msa": re.compile(r"\bMSA\b|[Mm]utualité [Ss]ociale [Aa]gricole"),
                  "departement": re.compile(r"\bDépartement\b|[Cc]onseil [Dd]épartemental|\bCD ?\d{2}\b")}
PARTNER_CUE = re.compile(r"sign|partenai|convention|ctg|associ|engag|aux cotes|reuni|diagnostic|pilot|comite|ensemble")


def partners(text: str) -> list[tuple[str, tuple[int, int]]]:
    """``(body, span)`` of the partner bodies named in sentences about the convention or its partnership."""
    found: dict[str, tuple[int, int]] = {}
    for s, e in sentence_spans(text):
        if not PARTNER_CUE.search(fold(text[s:e])):
            continue
        for key, pattern in PARTNER_BODIES.items():
            if key not in found and pattern.search(text, s, e):
                found[key] = (s, e)
    return list(found.items())


def aliases(text: str, name: str | None) -> list[str]:
    """Acronyms the text defines for the territory: "communauté de communes Vallée de l'Hérault (CCVH)"."""
    from assistant.nlp.terms import defined_acronyms

    if not name:
        return []
    last = fold(name).replace("'", " ").split()[-1]
    return sorted(a.upper() for a, long in defined_acronyms(text).items() if last in fold(long).replace("'", " "))


