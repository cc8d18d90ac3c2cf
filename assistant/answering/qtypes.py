"""What a question asks for, and which sentences look like that kind of answer."""
from __future__ import annotations

import re

from assistant.nlp.terms import GENERIC_TERMS
from assistant.nlp.text import TOKEN as TOKEN_RE
from assistant.nlp.text import analyze, expand_acronyms, fold
from assistant.nlp.vocab import (
    COUNT_WORDS,
    DOMAINS,
    MONTH,
    NOT_FIRST_NAMES,
    NUMBER_WORDS,
    OTHER_THEMES,
    ROLE_START,
    WEEKDAY,
)

# Question kinds, tested in order on the folded question.
KIND_PATTERNS = [
    ("contact", r"e-?mail|\bmail\b|courriel|telephone|numero de tel|adresse (postale|mail|electronique|du|de la|des)"
                r"|site (internet|web)|contacter|joindre"),
    ("duration", r"combien de temps|duree|(pour|sur) combien d'annees|combien d'annees|depuis combien"),
    ("amount", r"quel montant|quelle somme|\bbudget|\benveloppe\b|combien (d'euros|d'argent|(?!de |d').{0,30}\b(coute|finance|apporte|verse|met|depense|investi|engage|consacre|mobilise|alloue))"
               r"|\bcout\b"),
    ("period", r"jusqu'?(a|en) quand|jusqu'en|jusqu'?a quelle|quelle periode|sur quelle(s)? annee|court[- ]elle"
               r"|se termine|prend fin|echeance|periode|s'acheve|expire|s'etend|quelles dates|quelles annees"),
    ("schedule", r"horaires?\b|heures d'ouverture"),
    # where something took place: "Où a été signée…", "signée où", "dans quelle commune…"
    ("place", r"^(et )?ou (a|ont|s'est|se sont|est|sera|etait|avait|aura) |\bsigne(e|es|s)? ou\s*\??\s*$"
              r"|\b(dans|en) quel(le)? (lieu|commune|ville|salle)\b|\bquel lieu\b"),
    ("hour", r"quelle heure|\bheure\b"),
    ("year", r"quelle annee"),
    ("date", r"\bquand\b|quelle date|quel jour|\bdate\b|quel mois"),
    ("entity", r"quel(le)?s? (bureau|cabinet|prestataire|organisme|association|entreprise|institution)\b"
               r"|quel service de l'etat"),
    ("definition", r"qu'est-ce qu'une?\b|c'est quoi(?= (?:une?|la|le|l')\s*(?:ctg|convention)|\s*\??$)|definition|definit|a quoi sert une|en quoi consiste"),
    # "Combien d'axes…": a count, not the list itself
    ("figures", r"\bcombien d(?:e |')\s*(?:axes?|objectifs?|actions?|domaines?|thematiques?|priorites?|enjeux|mesures)"),
    ("objectives", r"raisons?\b|pourquoi|dans quel but|objectif|\baxes?\b|enjeu|ambition|priorite|orientations?\b"
                   r"|\bbuts?\b|finalite|fragilite|plus[- ]value"),
    ("collectivity", r"type de collectivite|quelle collectivite|commune ou|ou (par )?une intercommunalite"
                     r"|entre quels partenaires"),
    ("territory", r"quelles? (sont les )?(communes|villes)|(les|des) communes (membres|concernees|signataires)"
                  r"|noms des communes|combien de communes|quel territoire"),
    ("signatories", r"\bqui\b|quel(le)?s? (elus?|responsables?|signataires?|representants?|personnes?)"
                    r"|(ont|a) (co)?signe|represent|\bmaire\b|directeur|directrice|president"),
    ("figures", r"combien|quel montant|montant|nombre|population|chiffr"),
    ("domains", r"domaine|champ|thematique|secteur|volet|quels (services|publics)"),
    ("actions", r"action|mesure|projet|prevoi|concretement|realis|etapes?\b|pilotage|temps forts"),
]
# The words that name a kind of question are answered by the answer's form, not repeated by it
# ("En quelle année s'achève…" is answered by "2022-2026").
KIND_WORDS = {
    "period": "jusqu quand période année années court termine fin achève échéance expire",
    "duration": "combien temps durée année années depuis", "definition": "définit définition définir consiste",
    "hour": "heure heures", "schedule": "horaire horaires heures ouverture ouvert",
    "amount": "montant somme budget coût coûté euros combien", "year": "année", "date": "quand date jour mois",
    "contact": "adresse mail courriel téléphone numéro site internet contacter joindre",
    "figures": "combien nombre montant population",
    "domains": "domaine domaines champ champs thématique thématiques secteur volet",
    "objectives": "objectif objectifs axe axes enjeu enjeux ambition priorité but raison raisons",
    "actions": "action actions mesure mesures projet projets prévoit prévoir concrètement",
    "territory": "communes territoire noms membres",
    "collectivity": "collectivité type commune intercommunalité partenaires",
    "place": "lieu salle commune ville",
}
LIST_KINDS = {"objectives", "actions", "domains"}
# Kinds whose answer cannot be given without its shape: an address or number to call, an amount, a year (and a
# count, for "combien de X"). A best sentence without it does not answer (``shape_required``).
MANDATORY_SHAPE = {"contact", "amount", "year"}
# Kinds whose answer has a recognisable shape (a date, a number, a person).
SHAPED_KINDS = {"place", "contact", "entity", "amount", "schedule", "hour", "year", "date", "period", "duration", "figures",
                "signatories", "territory", "collectivity", "definition"}
STRICT_KINDS = {"contact", "territory", "schedule", "hour", "year", "date", "figures", "amount", "entity"}

YEAR = re.compile(r"\b(19|20)\d{2}\b")
YEAR_RANGE = re.compile(r"\b(19|20)\d{2}\s*[-–/]\s*(19|20)\d{2}\b|jusqu.{1,3}en (19|20)\d{2}")
DAY_DATE = re.compile(rf"\b\d{{1,2}}(er)? ({MONTH})\b|\b({WEEKDAY})\b")
MONTH_YEAR = re.compile(rf"\b({MONTH}) (19|20)\d{{2}}\b")
HOUR = re.compile(r"\b\d{1,2} ?h(\d{2})?\b|\b\d{1,2} heures?\b")
SPELLED_NUMBER = re.compile(r"\b(" + "|".join(COUNT_WORDS) + r")\b")
HOUR_RANGE = re.compile(r"\b\d{1,2} ?h(\d{2})? ?(a|-|–) ?\d{1,2} ?h")
NUMBER = re.compile(r"\d")
SUM = re.compile(r"\d[\d \u202f\xa0.,]*\s?(?:millions?|milliards?|m\b|k\b)")
INNER_NAME = re.compile(r"(?<=[\w,;:(] )(?:[A-Z]{2,}\b|[A-ZÉÈ][a-zéèêëïîôûç]+(?:[ -][A-ZÉÈ][\w-]+)*)")
# Capitalised words that name the convention's own parties, not a third party.
INSTITUTIONAL = {"caf", "ctg", "ville", "convention", "communaute", "commune", "caisse", "conseil", "maire", "etat"}
AMOUNT = re.compile(r"\d[\d \u202f\xa0.,]*\s?(?:(?:k|m|md|millions?|milliards?)\s?)?(?:€|euros?\b|d.euros)")
DURATION = re.compile(r"\b(\d+|deux|trois|quatre|cinq|six) (ans|annees|mois|semaines|jours)\b|\bperiode\b"
                      r"|\bpluriannuel|\bduree\b")
PERSON = re.compile(r"\b([A-ZÉÈ][a-zéèëêïîôç]+(?:-[A-ZÉÈ][a-zéèëêïîôç]+)?) ([A-ZÉÈ][A-ZÉÈa-zéèëêïîôç-]+)\b")
ROLE = re.compile(rf"\b{ROLE_START}")
TITLES = {"mme", "mlle", "mmes"}
TITLED = re.compile(r"\b(?:M\.|Mme|Mlle|MM\.|Mmes)\s+[A-ZÉÈ][\w-]+")  # a surname after a civility title
BULLET_START = re.compile(r"^\s*(?:[•\-–—*▪◦·○●➢►✓✔]|o(?=\s+[A-ZÀ-ÖØ-Ý])|\d{1,2}[).])\s*")


def kind_terms(kind: str) -> set[str]:
    return set(analyze(KIND_WORDS.get(kind, "")))


# How questions are typed in a hurry: "c quoi", "c qui", "combien d annees", "jusqu a quand" (elisions without
# their apostrophe).
TYPED_ELISION = re.compile(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu) (?=[aeiouyh]|quoi\b|qui\b)")


def folded_question(question: str) -> str:
    """The question folded, its elisions restored ("c quoi" -> "c'quoi" reads as "c'est quoi")."""
    q = TYPED_ELISION.sub(r"\1'", fold(question))
    return re.sub(r"\bc'(?=quoi\b|qui\b)", "c'est ", q)


def question_kind(question: str) -> str:
    """One of the kinds in ``KIND_PATTERNS``, or ``other``."""
    q = folded_question(question)
    for kind, pattern in KIND_PATTERNS:
        if re.search(pattern, q):
            return kind
    return "other"


COUNTED = re.compile(r"combien (?:de |d')\s*(\w+)")
PLURAL = re.compile(r"\b(quels|quelles|les|des|lesquels|lesquelles)\b")


def asks_plural(question: str) -> bool:
    return bool(PLURAL.search(fold(question)))


def counted_noun(question: str) -> str | None:
    """The analysed noun of a "combien de X" question ("communes" -> "commun"), None otherwise."""
    if re.search(r"\bpopulation\b", fold(question)):
        return analyze("habitants")[0]
    match = COUNTED.search(folded_question(question))
    if not match or match.group(1) in ("temps", "fois", "annees", "ans", "mois", "jours", "semaines"):
        return None
    terms = analyze(match.group(1))
    return terms[0] if terms else None


def shape_required(kind: str, noun: str | None) -> bool:
    """Whether an answer of this kind must have the asked shape (``has_shape``) to answer at all."""
    return kind in MANDATORY_SHAPE or (noun is not None and kind in ("figures", "territory"))


def has_shape(kind: str, sentence: str) -> bool:
    """Whether a sentence has the least an answer of a ``shape_required`` kind needs: an address or number to
    call, a year, a sum ("2,8 millions", "10 900 €"), or a number that is no date or hour (a count, in digits or
    words)."""
    if kind == "contact":
        return bool(CONTACT.search(sentence))
    f = fold(sentence)
    if kind == "year":
        return bool(YEAR.search(f))
    f = YEAR.sub(" ", HOUR.sub(" ", DAY_DATE.sub(" ", YEAR_RANGE.sub(" ", f))))  # dates and hours count nothing
    if kind == "amount":
        return bool(AMOUNT.search(f) or SUM.search(f))
    return bool(NUMBER.search(f) or SPELLED_NUMBER.search(f))


def counts(sentence: str, noun: str) -> bool:
    """Whether a number stands right before ``noun`` ("13 communes", "sept thématiques")."""
    words = TOKEN_RE.findall(fold(sentence))
    for i, word in enumerate(words):
        if (word.isdigit() or word in NUMBER_WORDS) and any(analyze(w) == [noun] for w in words[i + 1 : i + 4]):
            return True
    return False


def kind_bonus(kind: str, sentence: str, is_list_item: bool, noun: str | None = None, plural: bool = True,
               known: frozenset[str] = frozenset()) -> float:
    """How much a sentence looks like the kind of answer asked for (0..1); ``noun`` is what is counted,
    ``plural`` whether the question asks for several things (a list) or one, ``known`` the analysed
    terms of names that cannot be the answer (the question's, the document's subject)."""
    f = fold(sentence)
    if noun and kind in ("figures", "territory"):
        return 1.0 if counts(sentence, noun) else 0.0
    if kind == "hour":
        return 1.0 if HOUR.search(f) else 0.0
    if kind == "schedule":  # opening hours are ranges: "de 9h à 17h", "8h30-12h"
        return 1.0 if HOUR_RANGE.search(f) else 0.0
    if kind == "year":
        return 1.0 if YEAR.search(f) else 0.0
    if kind == "duration":
        return 1.0 if DURATION.search(f) else 0.5 if YEAR_RANGE.search(f) else 0.0
    if kind == "definition":
        return 1.0 if DEFINES.search(f) else 0.0
    if kind == "period":
        return 1.0 if YEAR_RANGE.search(f) else 0.6 if DURATION.search(f) else 0.3 if YEAR.search(f) else 0.0
    if kind == "entity":  # a name: a capitalised word or an acronym inside the sentence
        names = (m.group(0) for m in INNER_NAME.finditer(sentence))
        return 1.0 if any(fold(n).split()[0] not in INSTITUTIONAL and not set(analyze(n)) <= known
                          for n in names) else 0.0
    if kind == "amount":
        return 1.0 if AMOUNT.search(f) else 0.0
    if kind == "date":
        dated = YEAR.search(YEAR_RANGE.sub(" ", f))  # "jusqu'en 2026" is an end, not a date
        if DAY_DATE.search(f) and dated:
            return 1.0
        return 0.6 if DAY_DATE.search(f) or MONTH_YEAR.search(f) else 0.3 if dated else 0.0
    if kind == "signatories":  # people first; a role alone is a weak answer to "qui"
        persons = count_persons(sentence)
        return min(1.0, 0.6 + 0.2 * persons) if persons else 0.3 if ROLE.search(f) else 0.0
    if kind == "territory":  # a list of places
        return 1.0 if is_place_list(sentence) else 0.0
    if kind == "contact":
        return 1.0 if CONTACT.search(sentence) else 0.0
    if kind == "place":  # a venue ("à la salle des fêtes", "en mairie"), or "à" before a place name
        return 1.0 if VENUE.search(f) else 0.6 if AT_PLACE.search(sentence) else 0.0
    if kind == "collectivity":  # what kind of local authority
        return 1.0 if TERRITORY_KIND.search(f) else 0.0
    if kind == "figures":
        return 1.0 if NUMBER.search(f) or SPELLED_NUMBER.search(f) else 0.0
    if kind == "domains":  # a sentence that enumerates domains, or list lines that name one
        named = len(set(DOMAIN.findall(f)))
        if named >= 3:
            return min(1.0, 0.5 + 0.1 * named)
        if is_list_item or sentence.rstrip().endswith(":"):
            return 0.9 if named or sentence.rstrip().endswith(":") else 0.3
        return 0.2
    if kind in LIST_KINDS:
        return 1.0 if is_list_item or sentence.rstrip().endswith(":") else 0.3 if plural else 0.7
    return 0.0


VENUE = re.compile(r"\b(a|au|dans|en) (la |le |l'|les )?(salle|mairie|hotel|siege|maison|locaux|espace|centre"
                   r"|chateau|auditorium|pole|cite|palais|foyer)\b")
AT_PLACE = re.compile(r"\b(?:à|au|dans|en)\s+(?:la |le |l['’])?[A-ZÉÈ]")
CONTACT = re.compile(r"[\w.-]+@[\w-]+\.\w+|\b0\d([ .]?\d{2}){4}\b|https?://|www\.")
DOMAIN = re.compile("|".join(d.pattern for d in DOMAINS) + "|" + OTHER_THEMES)
DEFINES = re.compile(r"\b(est une?|n'est pas|c'est|constitue|se definit|consiste)\b")
TERRITORY_KIND = re.compile(r"communaute (de communes|d'agglomeration)|\bagglomeration\b|\bmetropole\b"
                            r"|\bla ville\b|\bcommune de\b")


def is_place_list(sentence: str) -> bool:
    """"Aniane, Gignac, La Boissière, …": at least four comma-separated capitalised names, mostly names."""
    body = sentence.split(":", 1)[1] if ":" in sentence else sentence
    items = [i.strip() for i in re.split(r",|\bet\b", body) if i.strip()]
    names = [i for i in items if i[:1].isupper() and len(i.split()) <= 6]
    return len(names) >= 4 and len(names) >= 0.7 * len(items)


def count_persons(sentence: str) -> int:
    """Names like "Louis ALIOT", "Jean-François Soto" or "M. Boudet", "Mme Aubin" (not "La Caf", not "Conseil
    Départemental")."""
    named = sum(1 for first, last in PERSON.findall(sentence)
                if first.lower() not in NOT_FIRST_NAMES | TITLES and last.lower() not in NOT_FIRST_NAMES)
    return named + len(TITLED.findall(sentence))


def bullet_marker(sentence: str) -> str:
    """The kind of list marker a line starts with: '1)' for numbers, the symbol otherwise, '' if none."""
    match = BULLET_START.match(sentence)
    if not match:
        return ""
    marker = match.group(0).strip()
    return "1)" if marker[:1].isdigit() else marker[:1]


def strip_bullet(sentence: str) -> str:
    return BULLET_START.sub("", sentence, count=1).strip()


CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZÉÈÎ][\w'’.-]+)")


def named_terms(question: str) -> set[str]:
    """Analysed tokens of the capitalised words (places, people) inside the question."""
    words = [m.group(1) for m in CAPITALISED.finditer(expand_acronyms(question.strip()))]
    return {t for w in words for t in analyze(w) if t not in GENERIC_TERMS}


def form_factor(sentence: str, is_list_item: bool) -> float:
    """Questions and bare headings in a text are rarely answers."""
    stripped = sentence.rstrip()
    if stripped.endswith("?"):
        return 0.3
    if not is_list_item and len(stripped.split()) <= 12 and stripped[-1:] not in ".:;,!…)»":
        return 0.7
    return 1.0


def introduces(sentence: str) -> bool:
    """A line that opens a list: it ends with ':' or is a short heading without final punctuation."""
    stripped = sentence.rstrip()
    return stripped.endswith(":") or (len(stripped.split()) <= 8 and stripped[-1:] not in ".;,!?…)»")
