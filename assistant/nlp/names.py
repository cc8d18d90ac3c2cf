"""Proper names a text uses (places, bodies), and the départements the Cafs are numbered by ("la Caf 33")."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from assistant.nlp.terms import GENERIC_TERMS
from assistant.nlp.text import analyze, fold
from assistant.nlp.vocab import MONTHS

# A capitalised word, then more joined by spaces, hyphens or the particles of French place names
# ("Saint-Aubin-sur-Mer", "Pays de Grasse", "Val d'Oise", "Cœur de Garonne").
_CAP = r"(?:[A-ZÀ-ÖØ-ÞŒ][\w'’-]*\w|\d[A-Z\d]*[A-Z][A-Z\d]*\b)"
_SP = r"[ \t\xa0]+"  # within a line
NAME = re.compile(rf"{_CAP}(?:(?:{_SP}(?:de|du|des|la|le|les|sur|en|et|lès){_SP}|{_SP}(?:d|l)['’] ?|{_SP}|-| ?d['’]){_CAP})*")
SENTENCE_START = re.compile(r"(?:^|[.!?:;\n«\"(]|\s[-–•])\s*$")

DEPARTMENTS = {
    "01": "Ain", "02": "Aisne", "03": "Allier", "04": "Alpes-de-Haute-Provence", "05": "Hautes-Alpes",
    "06": "Alpes-Maritimes", "07": "Ardèche", "08": "Ardennes", "09": "Ariège", "10": "Aube", "11": "Aude",
    "12": "Aveyron", "13": "Bouches-du-Rhône", "14": "Calvados", "15": "Cantal", "16": "Charente",
    "17": "Charente-Maritime", "18": "Cher", "19": "Corrèze", "2a": "Corse-du-Sud", "2b": "Haute-Corse",
    "21": "Côte-d'Or", "22": "Côtes-d'Armor", "23": "Creuse", "24": "Dordogne", "25": "Doubs", "26": "Drôme",
    "27": "Eure", "28": "Eure-et-Loir", "29": "Finistère", "30": "Gard", "31": "Haute-Garonne", "32": "Gers",
    "33": "Gironde", "34": "Hérault", "35": "Ille-et-Vilaine", "36": "Indre", "37": "Indre-et-Loire",
    "38": "Isère", "39": "Jura", "40": "Landes", "41": "Loir-et-Cher", "42": "Loire", "43": "Haute-Loire",
    "44": "Loire-Atlantique", "45": "Loiret", "46": "Lot", "47": "Lot-et-Garonne", "48": "Lozère",
    "49": "Maine-et-Loire", "50": "Manche", "51": "Marne", "52": "Haute-Marne", "53": "Mayenne",
    "54": "Meurthe-et-Moselle", "55": "Meuse", "56": "Morbihan", "57": "Moselle", "58": "Nièvre", "59": "Nord",
    "60": "Oise", "61": "Orne", "62": "Pas-de-Calais", "63": "Puy-de-Dôme", "64": "Pyrénées-Atlantiques",
    "65": "Hautes-Pyrénées", "66": "Pyrénées-Orientales", "67": "Bas-Rhin", "68": "Haut-Rhin", "69": "Rhône",
    "70": "Haute-Saône", "71": "Saône-et-Loire", "72": "Sarthe", "73": "Savoie", "74": "Haute-Savoie",
    "75": "Paris", "76": "Seine-Maritime", "77": "Seine-et-Marne", "78": "Yvelines", "79": "Deux-Sèvres",
    "80": "Somme", "81": "Tarn", "82": "Tarn-et-Garonne", "83": "Var", "84": "Vaucluse", "85": "Vendée",
    "86": "Vienne", "87": "Haute-Vienne", "88": "Vosges", "89": "Yonne", "90": "Territoire de Belfort",
    "91": "Essonne", "92": "Hauts-de-Seine", "93": "Seine-Saint-Denis", "94": "Val-de-Marne", "95": "Val-d'Oise",
    "971": "Guadeloupe", "972": "Martinique", "973": "Guyane", "974": "La Réunion", "976": "Mayotte",
}
# letters and digits: an acronym, often its territory's site address ("3v2c.fr", "ca3b"), not an ordinal ("1er")
ACRONYM = re.compile(r"(?!\d+(?:er|re|ere|e|eme|nde?)\b)\w*\d[^\W\d_]\w*", re.IGNORECASE)
# "la Caf 33", "CAF du 13", "caf de la 44": a Caf named by its département's number
CAF_NUMBER = re.compile(r"\bcaf\s+(?:du\s+|de\s+la\s+|de\s+l'\s*|de\s+)?(\d{2,3}|2[ab])\b")


def proper_names(text: str, limit: int = 30) -> list[str]:
    """The ``limit`` proper names a text uses most, first use first among equals. A single capitalised word
    counts only where it is not the first word of a sentence (where every word is capitalised)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in NAME.finditer(text):
        name = m.group(0).replace("’", "'")
        if " " not in name and "-" not in name and SENTENCE_START.search(text, 0, m.start()) \
                and SENTENCE_START.search(text[max(0, m.start() - 3):m.start()]):
            continue
        if not analyze(name):  # articles and pronouns only
            continue
        counts[name] += 1
        first.setdefault(name, m.start())
    return sorted(counts, key=lambda n: (-counts[n], first[n]))[:limit]


def caf_departments(question: str) -> list[str]:
    """The départements of the Cafs a text names by number ("la caf 33" -> ["Gironde"])."""
    return [DEPARTMENTS[n.lstrip("0") if len(n) == 3 else n] for n in CAF_NUMBER.findall(fold(question))
            if (n.lstrip("0") if len(n) == 3 else n) in DEPARTMENTS]


def caf_department(text: str) -> str | None:
    """The département of the Caf a text names: "Caf 33", "Caf de la Haute-Savoie", "caisse d'allocations familiales
    du Gard" -> "Gironde", "Haute-Savoie", "Gard"; None when it names no Caf's département."""
    f = fold(text).replace("caisse d'allocations familiales", "caf")
    numbered = caf_departments(f)
    if numbered:
        return numbered[0]
    m = re.search(r"\bcaf\b(.{0,60})", f)
    return department_named(m.group(1)) if m else None


def department_named(text: str) -> str | None:
    """The département a text names ("de la haute-savoie" -> "Haute-Savoie"; the longest when several match)."""
    spaced = fold(text).replace("-", " ")
    found = [d for d in DEPARTMENTS.values() if re.search(rf"\b{re.escape(fold(d).replace('-', ' '))}\b", spaced)]
    return max(found, key=len) if found else None


def url_names(url: str | None) -> list[str]:
    """The words of a source address's host and path, which often name the territory
    ("https://www.ville-lamentin.fr/le-maire-du-lamentin…" -> "ville lamentin", "le maire du lamentin…")."""
    from urllib.parse import urlsplit

    if not url:
        return []
    parts = urlsplit(url)
    host = re.sub(r"^www\d?\.|\.[a-z]{2,4}$", "", parts.hostname or "")
    # a communauté de communes' site glues its initials to its name ("ccvalbrenne"): no French word starts
    # with "cc"
    host = re.sub(r"\bcc(?=[a-z]{4})", "cc ", host)
    # words of letters, or of letters and digits (an acronym), not numbers or dates
    kept = [" ".join(w for w in re.findall(r"[^\W_]+", part) if w.isalpha() or ACRONYM.fullmatch(w))
            for part in [host, *parts.path.split("/")]]
    return [words for words in kept if re.search(r"[^\W\d_]{3}", words) or ACRONYM.search(words)]


# Words every text's names share: a convention, a Caf, a kind of territory (not what tells texts apart).
NAME_NOISE_WORDS = ("convention territoriale globale caisse allocations familiales communauté communes commune "
                    "agglomération métropole ville mairie conseil président présidente maire mme madame monsieur "
                    "directeur directrice " + " ".join(MONTHS))


@lru_cache(maxsize=1)
def _name_noise() -> frozenset[str]:
    return frozenset(analyze(NAME_NOISE_WORDS)) | GENERIC_TERMS


@lru_cache(maxsize=100_000)  # the same names come back in many texts ("Caf de la Loire", "Conseil départemental")
def name_terms(text: str) -> frozenset[str]:
    """The name words of a text, and each pair of consecutive ones ("saint georg"): a pair is rarer than its
    words, so a name said in full outweighs texts that share one of its words."""
    noise = _name_noise()
    terms = [t for t in analyze(text) if t not in noise]
    return frozenset(terms) | {f"{a} {b}" for a, b in zip(terms, terms[1:])}


def _sheet_names(sheet: dict):
    """``(kind, names)`` of a fact sheet: its territory's names, its Caf, the names its text uses, its address."""
    territory = sheet.get("territory") or {}
    yield "territory", [territory.get("name") or "", *territory.get("aliases", [])]
    yield "caf", [re.sub(r"(?i)\bcaf\b", " ", sheet.get("caf") or "")]
    yield "names", sheet.get("names", [])
    yield "source", sheet.get("source_names", [])


def sheet_name_terms(sheet: dict) -> dict[str, list[str]]:
    """The name terms of a fact sheet by kind of name (territory, caf, names, source), for the convention finder."""
    return {kind: sorted(frozenset().union(*(name_terms(name) for name in names)))
            for kind, names in _sheet_names(sheet)}
