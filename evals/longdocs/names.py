"""Pools of invented French names: places, rivers, people, and real départements with their Caf.

Every territory and person produced here is invented; only the départements (and so the Caf,
the MSA and the administrative court) are real, as a reader would expect them to be.
"""
from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

FEMALE = [
    "Claire", "Sophie", "Nathalie", "Isabelle", "Valérie", "Sandrine", "Catherine", "Hélène",
    "Agnès", "Brigitte", "Chantal", "Martine", "Florence", "Céline", "Émilie", "Laurence",
    "Véronique", "Anne", "Christine", "Delphine", "Aurélie", "Maryline", "Élodie", "Karine",
    "Pascale", "Sylvie", "Josiane", "Odile", "Gaëlle", "Murielle", "Solène", "Bérengère",
]
MALE = [
    "Jean-Marc", "Philippe", "Laurent", "Thierry", "Patrick", "Olivier", "Didier", "Stéphane",
    "Bruno", "Christophe", "Éric", "Frédéric", "Pascal", "Gilles", "Jérôme", "Denis",
    "Yannick", "Hervé", "Alain", "Bernard", "Franck", "Sébastien", "Régis", "Gérard",
    "Marc", "Arnaud", "Vincent", "Benoît", "Lionel", "Michel", "Rodolphe", "Fabien",
]
SURNAMES = [
    "Dubreuil", "Marchadier", "Lecomte", "Pradel", "Fougeras", "Morvan", "Chassagne", "Barreau",
    "Delorme", "Vasseur", "Peyrot", "Lagarde", "Bouvier", "Charrier", "Tessier", "Rouchon",
    "Maillard", "Guérin", "Vidalenc", "Brunet", "Coudert", "Lafarge", "Mercier", "Pichon",
    "Rigaud", "Sauvage", "Thévenet", "Villard", "Aubrun", "Bessière", "Caron", "Desmoulins",
    "Estève", "Faucher", "Gilbert", "Hamelin", "Jaffré", "Labrousse", "Mazet", "Nadaud",
    "Ollivier", "Perrichon", "Queyrel", "Raynaud", "Ségur", "Tardieu", "Valat", "Baudouin",
    "Chabrol", "Dupuy", "Ferrand", "Granger", "Joubert", "Lacoste", "Meunier", "Noirot",
    "Paillard", "Rivière", "Soulier", "Trouvé", "Verdier", "Allard", "Bonnin", "Chapuis",
    "Dumont", "Fabre", "Gaillard", "Héraud", "Jacquet", "Lebrun", "Moulinier", "Pélissier",
    "Roussel", "Sabatier", "Tournier", "Vallon", "Aymard", "Brossard", "Cazals", "Dufresne",
    "Arnaud", "Blanchard", "Chevalier", "Delage", "Escoffier", "Fontaine", "Girardot", "Huguet",
    "Jolivet", "Lamothe", "Marty", "Nègre", "Pasquier", "Renaudin", "Sarrazin", "Teyssier",
    "Vigouroux", "Bardet", "Couderc", "Dessaigne", "Ferrier", "Gandon", "Lachaud", "Maury",
    "Peyronnet", "Roques", "Souchal", "Treille", "Vernhes", "Audouin", "Bretonneau", "Collet",
    "Durieux", "Frémont", "Guillot", "Lherm", "Moreau-Lacan", "Picard", "Rouvière", "Serre",
    "Tixier", "Valette", "Besse", "Chaumeil", "Dalbin", "Fayolle", "Gervais", "Laborie",
    "Malet", "Nouaille", "Puech", "Rascol", "Salvan", "Texier", "Veyrier", "Bastide",
]
RIVERS = [
    "Vionne", "Dorsanne", "Aubrelle", "Ourcelle", "Lignère", "Arvelle", "Bréonne", "Sorelle",
    "Vézanne", "Combrette", "Lisonne", "Marvelle", "Saudrelle", "Orbanne",
]
_START = ["Bel", "Bré", "Cha", "Cour", "Fon", "Gra", "Lau", "Lor", "Mar", "Mon", "Pey", "Ro",
          "Sau", "Vau", "Vil", "Ber", "Char", "Es", "Gour", "Jar", "Lan", "Mé", "Nau", "Or",
          "Pra", "Quin", "Ros", "Ser", "Tré", "Ver", "Bour", "Cam", "Dom", "Gen", "Mau", "Sal"]
_MID = ["", "", "", "ti", "ri", "la", "ve", "ne", "ca", "mo", "se", "di"]
_END_C = ["gnac", "ville", "court", "champ", "gny", "ssac", "rac", "nay", "zac", "vaux",
          "let", "lanne", "rolles", "ron", "mont", "fort", "lieu"]
_END_V = ["ac", "eil", "erre", "ières", "illy", "ignes", "olles", "ouze", "and", "ans", "ey",
          "ençon", "oux", "anges", "elles", "at", "aval", "ignan", "eron", "asse", "ette", "ouin",
          "azac", "enay", "oire", "ignac", "ancourt", "eville"]
_VOWELS = "aeiouyéèêàâîôû"
_SAINTS = ["Saint-Aubrin", "Saint-Florent", "Sainte-Odile", "Saint-Genest", "Saint-Méloir",
           "Sainte-Colombe", "Saint-Avit", "Saint-Priest", "Sainte-Hermine", "Saint-Yrieix",
           "Saint-Léger", "Saint-Cyprien", "Sainte-Livrade", "Saint-Amans"]
_TAILS = ["-le-Château", "-les-Bois", "-la-Forêt", "-en-Vallée", "-des-Prés", "-le-Vieux",
          "-les-Granges", "-la-Rivière", "-sur-Colline"]


@dataclass(frozen=True)
class Departement:
    """A real département: its Caf, its MSA and its administrative court."""

    name: str
    prep: str          # "du Cher", "de l'Indre", "de la Creuse"
    msa: str
    court: str         # city of the tribunal administratif
    phone: str         # two first digits of landline numbers
    city: str          # préfecture, where the Caf has its seat

    @property
    def caf(self) -> str:
        return f"Caf {self.prep}"

    @property
    def caf_full(self) -> str:
        return f"Caisse d'allocations familiales {self.prep}"

    @property
    def council(self) -> str:
        return f"Département {self.prep}"


DEPARTEMENTS = [
    Departement("Cher", "du Cher", "MSA Berry-Touraine", "Orléans", "02", "Bourges"),
    Departement("Indre", "de l'Indre", "MSA Berry-Touraine", "Limoges", "02", "Châteauroux"),
    Departement("Creuse", "de la Creuse", "MSA du Limousin", "Limoges", "05", "Guéret"),
    Departement("Allier", "de l'Allier", "MSA Auvergne", "Clermont-Ferrand", "04", "Moulins"),
    Departement("Nièvre", "de la Nièvre", "MSA Bourgogne", "Dijon", "03", "Nevers"),
    Departement("Corrèze", "de la Corrèze", "MSA du Limousin", "Limoges", "05", "Tulle"),
    Departement("Lot", "du Lot", "MSA Midi-Pyrénées Nord", "Toulouse", "05", "Cahors"),
    Departement("Aveyron", "de l'Aveyron", "MSA Midi-Pyrénées Nord", "Toulouse", "05", "Rodez"),
    Departement("Vienne", "de la Vienne", "MSA Poitou", "Poitiers", "05", "Poitiers"),
    Departement("Sarthe", "de la Sarthe", "MSA Mayenne-Orne-Sarthe", "Nantes", "02", "Le Mans"),
    Departement("Orne", "de l'Orne", "MSA Mayenne-Orne-Sarthe", "Caen", "02", "Alençon"),
    Departement("Jura", "du Jura", "MSA de Franche-Comté", "Besançon", "03", "Lons-le-Saunier"),
    Departement("Ardèche", "de l'Ardèche", "MSA Ardèche Drôme Loire", "Lyon", "04", "Privas"),
    Departement("Gers", "du Gers", "MSA Midi-Pyrénées Sud", "Pau", "05", "Auch"),
]


def strip_accents(text: str) -> str:
    """'Élodie Ségur' -> 'Elodie Segur'."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def slug(text: str) -> str:
    """File-name friendly form of a name."""
    out = "".join(c.lower() if c.isalnum() else "-" for c in strip_accents(text))
    return "-".join(p for p in out.split("-") if p)


def de(name: str) -> str:
    """French 'de' with elision and contraction: de Lorignac, d'Orbanne, du Val, des Monts."""
    for art, rep in (("le ", "du "), ("les ", "des "), ("Le ", "du "), ("Les ", "des ")):
        if name.startswith(art):
            return rep + name[len(art):]
    if strip_accents(name[:1]).lower() in "aeiouyh":
        return "d'" + name
    return "de " + name


class NameMaker:
    """Draws unique invented place and person names from one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, make) -> str:
        for _ in range(500):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("name pool exhausted")

    def root(self) -> str:
        """A one-word invented place name such as 'Lorignac' or 'Bérivelles'."""
        r = self.rng

        return self._fresh(self._word)

    def _word(self) -> str:
        """Start + optional consonant-vowel middle + ending, never two vowels or consonants across a join."""
        r = self.rng
        word = r.choice(_START)
        if word[-1] not in _VOWELS and r.random() < 0.35:
            word += r.choice(_MID[3:])
        return word + r.choice(_END_C if word[-1] in _VOWELS else _END_V)

    def commune(self, river: str) -> str:
        """An invented commune name, sometimes compound."""
        r = self.rng

        def make() -> str:
            roll = r.random()
            base = self._word()
            if roll < 0.15:
                return r.choice(_SAINTS) + r.choice(["", "-sur-" + river, "-de-" + base])
            if roll < 0.3:
                return base + "-sur-" + river
            if roll < 0.4:
                return base + r.choice(_TAILS)
            if roll < 0.5:
                art = "Les " if base[-1] in "sx" else r.choice(["La ", "Le "])
                return art + base
            return base
        return self._fresh(make)

    def person(self, female: bool | None = None) -> tuple[str, str, str]:
        """(civility, first name, surname) of a person never drawn before."""
        r = self.rng
        if female is None:
            female = r.random() < 0.55
        pool = FEMALE if female else MALE
        civ = "Mme" if female else "M."

        def make() -> str:
            return f"{r.choice(pool)} {r.choice(SURNAMES)}"
        full = self._fresh(make)
        first, last = full.split(" ", 1)
        # A surname is used once only across the collection so that names stay unambiguous.
        self.used.update(f"{f} {last}" for f in FEMALE + MALE)
        return civ, first, last
