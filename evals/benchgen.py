"""Synthetic CTG press releases for benchmarks: deterministic (seeded), varied, with questions of known answer.

Territories, people, Cafs, dates, periods, domains and objectives are drawn from small vocabularies; names are
invented (syllables), so no real convention is copied. Every document yields questions whose answer it states.
"""
from __future__ import annotations

import random
from pathlib import Path

from assistant.nlp.vocab import MONTHS, WEEKDAYS

SYLLABLES = ["ber", "mont", "val", "lan", "cour", "ville", "roc", "sau", "mar", "tel", "gny", "bois", "fon",
             "lieu", "ver", "cas", "tan", "pré", "sol", "rive", "fer", "lac", "mau", "neu"]
KINDS = [("la commune de {n}", "la Ville de {n}", "commune"),
         ("la communauté de communes {n}", "la communauté de communes {n}", "intercommunalité"),
         ("{n} Agglomération", "{n} Agglomération", "agglomération")]
DEPARTMENTS = ["de l'Ain", "de l'Aisne", "de l'Allier", "des Ardennes", "de l'Aube", "de l'Aude", "du Calvados",
               "du Cantal", "de la Charente", "du Cher", "de la Corrèze", "de la Creuse", "de la Drôme", "de l'Eure",
               "du Gers", "de l'Indre", "du Jura", "des Landes", "de la Loire", "du Loiret", "du Lot", "de la Marne",
               "de la Mayenne", "de la Meuse", "de la Nièvre", "de l'Oise", "de l'Orne", "de la Sarthe",
               "de la Savoie", "de la Somme", "du Tarn", "du Var", "de la Vendée", "de la Vienne", "des Vosges"]
FIRST = ["Anne", "Bruno", "Céline", "David", "Élise", "François", "Gaëlle", "Hugo", "Isabelle", "Julien", "Karine",
         "Laurent", "Marion", "Nicolas", "Odile", "Pascal", "Quentin", "Rachida", "Sylvain", "Thérèse", "Ugo",
         "Valérie", "William", "Yasmine", "Zoé"]
LAST = ["AUBERT", "BLANCHARD", "COLIN", "DUMAS", "ESNAULT", "FAURE", "GIRAUD", "HAMON", "IMBERT", "JOLY", "KLEIN",
        "LEMAIRE", "MERCIER", "NOEL", "OLIVIER", "PERRIN", "QUESNEL", "RENAUD", "SIMON", "TESSIER", "URBAIN",
        "VIDAL", "WEBER", "XAVIER", "YVON", "ZIMMER"]
DAYS = WEEKDAYS[:5]
# How generated texts word some domains of the shared vocabulary (assistant.nlp.vocab.DOMAINS), with articles.
DOMAIN_PHRASES = ["la petite enfance", "l'enfance", "la jeunesse", "la parentalité", "l'animation de la vie sociale",
                  "l'accès aux droits", "le logement", "l'inclusion des enfants en situation de handicap"]
OBJECTIVES = ["développer l'offre d'accueil du jeune enfant", "soutenir les parents dans leur rôle éducatif",
              "favoriser l'accès aux droits des familles isolées", "renforcer l'accueil de loisirs des adolescents",
              "ouvrir un espace de vie sociale dans les quartiers", "accompagner les familles vers un logement adapté",
              "améliorer l'inclusion des enfants en situation de handicap", "lutter contre le non-recours aux prestations",
              "créer un lieu d'accueil enfants-parents", "coordonner les acteurs de la jeunesse du territoire"]
ACTIONS = ["un relais petite enfance itinérant", "une ludothèque", "un point d'accès numérique",
           "une maison des familles", "un accueil de loisirs le mercredi", "des permanences de la Caf en mairie",
           "un conseil municipal des jeunes", "des ateliers parents-enfants"]


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()
        name += rng.choice(["", "-sur-" + rng.choice(["Loire", "Marne", "Orge", "Lys"]), "-les-Bains", "-le-Haut"])
        if name not in used:
            used.add(name)
            return name


def generate(n: int, seed: int = 7) -> list[dict]:
    """``n`` documents: ``{"file", "text", "questions": [{"question", "must_contain", "kind"}]}``."""
    rng = random.Random(seed)
    used: set[str] = set()
    docs = []
    for i in range(n):
        place = _name(rng, used)
        label, actor, kind = rng.choice(KINDS)
        territory, signer_body = label.format(n=place), actor.format(n=place)
        caf = f"Caf {rng.choice(DEPARTMENTS)}"
        year = rng.randint(2018, 2026)
        month, day = rng.randrange(12), rng.randint(1, 28)
        length = rng.choice((4, 5))
        start = year if rng.random() < 0.6 else year - 1
        mayor = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        director = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        while director.split()[1] == mayor.split()[1]:
            director = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        title_role = "maire de " + place if kind == "commune" else "président de " + territory
        domains = rng.sample(DOMAIN_PHRASES, rng.randint(3, 5))
        objectives = rng.sample(OBJECTIVES, 3)
        action = rng.choice(ACTIONS)
        communes = rng.randint(8, 40) if kind != "commune" else None
        date = f"{rng.choice(DAYS)} {day} {MONTHS[month]} {year}"
        text = (f"{place} : signature de la convention territoriale globale avec la {caf}\n\n"
                f"Le {date}, {mayor}, {title_role}, et {director}, directeur de la {caf}, ont signé la convention "
                f"territoriale globale (CTG) de {territory} pour la période {start}-{start + length}.")
        if communes:
            text += f" Les {communes} communes du territoire sont engagées dans la démarche."
        text += (f"\n\nCette convention couvre {', '.join(domains[:-1])} et {domains[-1]}. Elle fait suite à un "
                 f"diagnostic partagé conduit avec les habitants et les partenaires de {place}.\n\n"
                 f"La CTG de {place} poursuit trois objectifs :\n"
                 + "".join(f"- {o} ;\n" for o in objectives)
                 + f"\nParmi les premières actions, {signer_body} ouvrira {action} en {start + 1}. « Cette convention "
                   f"nous engage pour {length} ans aux côtés des familles », a déclaré {mayor}.\n")
        surname = mayor.split()[1]
        questions = [
            {"question": f"Qui a signé la CTG de {place} ?", "must_contain": [surname], "kind": "signatories"},
            {"question": f"Jusqu'à quand court la CTG de {place} ?", "must_contain": [str(start + length)],
             "kind": "period"},
            {"question": f"Quand la CTG de {place} a-t-elle été signée ?",
             "must_contain": [f"{day} {MONTHS[month]} {year}"], "kind": "date"},
            {"question": f"Quelle action la CTG de {place} prévoit-elle d'ouvrir en {start + 1} ?",
             "must_contain": [action.split(" ", 1)[1]], "kind": "actions"},
        ]
        slug = place.lower().replace(" ", "-")
        docs.append({"file": f"bench-{i:05d}-{slug}.txt", "text": text, "questions": questions})
    return docs


def write(docs: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (folder / doc["file"]).write_text(doc["text"], encoding="utf-8")
