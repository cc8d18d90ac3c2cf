"""The French vocabulary the rules share: months, weekdays, number words, domains, roles, capitalised words
that start institutions and places rather than people's names.

One place for each list, so that the fact sheets, the question kinds, the claim check and the evaluation read
French the same way. Patterns here apply to folded text (lower case, no accents, see ``nlp.text.fold``).
Only what is regular in French belongs here: nothing from a particular document.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def _folded(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch))


MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
MONTHS_FOLDED = tuple(_folded(m) for m in MONTHS)
# Regex alternation of the folded month names ("janvier|fevrier|…").
MONTH = "|".join(MONTHS_FOLDED)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
WEEKDAY = "|".join(WEEKDAYS)


def month_number(name: str) -> int:
    """"février" or "fevrier" -> 2."""
    return MONTHS_FOLDED.index(_folded(name)) + 1


# French number words and their values (compounds such as "dix-neuf" or "quatre-vingt-dix" are read by
# ``nlp.numbers``, through text2num).
NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "vingts": 20, "cent": 100, "cents": 100, "mille": 1000,
}
# Number words that count something: "un"/"une" are mostly articles.
COUNT_WORDS = tuple(w for w in NUMBER_WORDS if w not in ("un", "une"))
# Durations in months: "deux ans" -> 24.
DURATION_MONTHS = {"an": 12, "ans": 12, "annee": 12, "annees": 12, "mois": 1, "semaine": 0.25, "semaines": 0.25,
                   "jour": 1 / 30, "jours": 1 / 30, "journee": 1 / 30, "journees": 1 / 30}


@dataclass(frozen=True)
class Domain:
    """A CTG domain: its name, how a text names it, and the looser words a question may use for it."""
    name: str
    pattern: str
    asked: str = ""

    @property
    def question_pattern(self) -> str:
        return self.pattern + (f"|{self.asked}" if self.asked else "")


DOMAINS = (
    Domain("petite enfance", r"petite[- ]enfance|jeune enfant|tout-petits", r"creche"),
    Domain("enfance", r"(?<!petite )(?<!petite-)\benfance\b"),
    Domain("jeunesse", r"\bjeunesses?\b", r"\bjeunes\b"),
    Domain("parentalité", r"parentalite|fonction parentale", r"\bparents\b"),
    Domain("animation de la vie sociale", r"animation de la vie sociale|vie sociale", r"centres? sociaux"),
    Domain("accès aux droits", r"acces aux droits"),
    Domain("logement/habitat", r"\blogement|\bhabitat"),
    Domain("inclusion/handicap", r"handicap|\binclusion(?! numerique| digitale)"),
    Domain("inclusion numérique", r"(?:inclusion|fracture|mediation) numerique|inclusion digitale"),
    Domain("insertion", r"\binsertion\b"),
    Domain("gens du voyage", r"gens du voyage"),
    Domain("éducation", r"\beducation"),
    Domain("action sociale", r"\baction sociale\b"),
)
DOMAIN_PATTERNS = {d.name: d.pattern for d in DOMAINS}
# Other themes a list of domains may name (a sentence listing them reads as a list of domains).
OTHER_THEMES = r"numerique|mobilite|sante|seniors"

# Heads of the roles people hold in a signing, gender and accents folded, most specific first.
ROLE_HEADS = (("vice-president", r"vice-president\w*"), ("sous-directeur", r"sous-direct\w*"),
              ("adjoint", r"\badjoint\w*"), ("maire", r"\bmaire\b"), ("directeur", r"\bdirect(?:eur|rice)\w*"),
              ("president", r"\bpresident\w*"), ("conseiller", r"\bconseill(?:er|ere)\w*"),
              ("delegue", r"\bdelegue\w*"), ("elu", r"\belue?s?\b"))
# The start of a role ("maire de …", "2e adjointe …", "vice-présidente …"), on folded text.
ROLE_START = r"(?:\d+(?:ere|er|e)? )?(?:vice|sous-direct|adjoint|maire|direct(?:eur|rice)|president|conseill|elu|delegue)"

# Capitalised words that start institutions, places and titles, not people's names (lower case).
NOT_FIRST_NAMES = frozenset(
    """la le les des de du et en au aux un une ce cette ces caf caisse ville convention conventions ctg
    communauté commune communes conseil président présidente directeur directrice maire adjoint adjointe
    territoriale globale saint sainte pôle comité état agglomération agglo métropole département région
    mutualité allocations familiales titre article annexe chapitre""".split()
) | frozenset(MONTHS) | frozenset(WEEKDAYS)

# The partner bodies of a convention, named in questions like places ("qui était là pour la MSA ?") but not places.
PARTNER_BODIES = ("MSA Mutualité sociale agricole CCAS CIAS EPCI Etat État Département Conseil départemental Région CNAF PMI"
                  " Education nationale")

# Words a question uses for a table's column header that names the same thing otherwise ("combien d'habitants" for
# "Population municipale").
COLUMN_WORDS = {"habitants": "population", "habitant": "population"}
