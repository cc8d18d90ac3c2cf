"""Text helpers: French dates and numbers, the prose composer, seeds, headings and hyphenation."""
from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Iterator

from .model import Block, DocSpec, Seed
from .names import de
from .phrases_a import GENERAL
from .phrases_b import OPENERS, THEMES
from .phrases_c import ACTORS, ISSUES, TAILS, TRANSVERSAL, VERBS

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
NUMBERS = {1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit",
           9: "neuf", 10: "dix", 11: "onze", 12: "douze"}
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
         "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII"]


def fr_date(d: dt.date) -> str:
    """'1er janvier 2024', '12 mars 2024'."""
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS[d.month - 1]} {d.year}"


def fr_num(n: int) -> str:
    """18432 -> '18 432'."""
    return f"{n:,}".replace(",", " ")


def money(n: int) -> str:
    return f"{fr_num(n)} €"


def with_article(short: str, kind: str) -> str:
    """'CC du Val de Vionne' -> 'la CC du Val de Vionne'; a commune or an 'Agglomération' brand keeps none."""
    if kind == "commune" or short.endswith("Agglomération"):
        return short
    return "la " + short


def format_heading(style: str, block: Block) -> str:
    """Heading text for a numbering style; `label` is the article number or an annex label."""
    if block.kind != "h1" or not block.label.isdigit():
        return f"{block.label} {block.text}".strip() if block.kind != "h1" else (
            f"{block.label} – {block.text}" if block.label else block.text)
    n = int(block.label)
    return {
        "article_dash": f"Article {n} – {block.text}",
        "article_caps": f"ARTICLE {n} : {block.text.upper()}",
        "decimal": f"{n}. {block.text}",
        "roman": f"{ROMAN[n]}. {block.text}",
        "article_plain": f"Article {n}\n{block.text}",
    }[style]


class Ctx:
    """Per-document builder state: random generator, slot values, seeds and sentence usage."""

    def __init__(self, spec: DocSpec, rng: random.Random) -> None:
        self.spec, self.rng = spec, rng
        t = spec.territory
        self.seeds: list[Seed] = []
        self.used: Counter[str] = Counter()
        self.article = 0
        river_de = "de l'" + t.river if de(t.river).startswith("d'") else "de la " + t.river
        coll = "la commune" if t.kind == "commune" else "l'intercommunalité"
        self.S = with_article(t.short, t.kind)
        self.slots = {
            "T": "la " + t.name, "S": self.S, "dS": de(self.S), "caf": "la " + spec.dep.caf,
            "dep": spec.dep.prep, "seat": t.seat, "y0": str(spec.start.year), "y1": str(spec.end.year),
            "coll": coll, "river": t.river, "river_de": river_de,
        }

    def fill(self, text: str) -> str:
        names = [c.name for c in self.spec.territory.communes]
        picks = self.rng.sample(names, 3) if len(names) >= 3 else names * 3
        return text.format(c1=picks[0], c2=picks[1], c3=picks[2], **self.slots)

    def prose(self, bank: list[str], n: int, opener: bool = True) -> str:
        """A paragraph of `n` sentences, preferring the sentences used least in this document."""
        fresh = [s for s in bank if not self.used[s]]
        spare = [s for s in TRANSVERSAL + GENERAL if not self.used[s]]
        self.rng.shuffle(fresh)
        self.rng.shuffle(spare)
        chosen = (fresh + spare)[:n]
        while len(chosen) < n:
            chosen.append(self.synth(bank))
        self.used.update(chosen)
        text = " ".join(self.fill(s) for s in chosen)
        if opener and self.rng.random() < 0.35:
            text = self.rng.choice(OPENERS) + text[0].lower() + text[1:]
        return text

    def synth(self, bank: list[str]) -> str:
        """A new sentence on the theme of `bank`: actor, verb, issue and a place or time."""
        r = self.rng
        own = [d for d in self.spec.domains if d in ISSUES] or sorted(ISSUES)
        theme = next((t for t, b in THEMES.items() if b is bank), r.choice(own))
        for _ in range(10):
            text = f"{r.choice(ACTORS)} {r.choice(VERBS)} {r.choice(ISSUES[theme])}{r.choice(TAILS)}."
            text = text.replace("de l'", "de l'").replace(" de le ", " du ").replace(" de les ", " des ")
            if text not in self.used:
                return text
        return text

    def paras(self, bank: list[str], count: float, size: tuple[int, int] = (3, 5), scale: bool = True) -> list[Block]:
        """About `count` (times the document's volume) paragraphs of filler prose from a bank."""
        n = max(1, round(count * (self.spec.volume if scale else 1.0) + self.rng.random() - 0.5))
        out = [Block("para", self.prose(bank, self.rng.randint(*size))) for _ in range(n)]
        if scale:
            k = min(n, n // 3 + (1 if self.rng.random() < 0.6 else 0))
            for i in sorted(self.rng.sample(range(n), k)):
                self.event(out[i])
        return out

    def event(self, block: Block) -> None:
        """Prefixes a paragraph with a dated event of the concertation, a fact a question can target."""
        r, s = self.rng, self.spec
        day = s.start - dt.timedelta(days=r.randint(40, 420))
        c = r.choice(s.territory.communes).name
        n = r.randint(12, 160)
        date = fr_date(day)
        kind = r.randrange(3)
        if kind == 0:
            text = f"La réunion publique organisée à {c} le {date} a réuni {n} habitants."
            q = f"Combien d'habitants ont assisté à la réunion publique du {date} à {c}, d'après {{ctg}} ?"
            must, answer = f"{n} habitants", f"{n} habitants"
        elif kind == 1:
            theme = r.choice(s.domains)
            text = f"L'atelier consacré à la thématique « {theme} », tenu à {c} le {date}, a rassemblé {n} participants."
            q = f"Combien de participants a rassemblés l'atelier « {theme} » du {date} selon {{ctg}} ?"
            must, answer = f"{n} participants", f"{n} participants"
        else:
            n = r.randint(6, 24)
            text = f"Le {date}, le comité technique s'est réuni à {c} en présence de {n} partenaires."
            q = f"Combien de partenaires étaient présents au comité technique du {date} mentionné dans {{ctg}} ?"
            must, answer = f"{n} partenaires", f"{n} partenaires"
        key = self.seed("event", "figures", "text", [must, date], answer, q=q, qp="")
        block.text = text + " " + block.text
        block.keys.append(key)

    def h1(self, title: str) -> Block:
        """The next numbered article."""
        self.article += 1
        return Block("h1", title, label=str(self.article))

    def seed(self, qtype: str, kind: str, where: str, must: list[str], answer: str, **slots: str) -> str:
        """Register a fact that a question may ask about; returns its key."""
        key = f"{qtype}:{len(self.seeds)}"
        self.seeds.append(Seed(key, qtype, kind, where, must, answer, dict(slots)))
        return key


_VOWELS = set("aeiouyàâäéèêëîïôöùûü")
_KEEP = {"bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "gn", "ph", "pl", "pr", "th",
         "tr", "vr", "qu", "gu"}


def fr_hyphenate(word: str) -> Iterator[tuple[str, str]]:
    """Split points of a lowercase French word, longest head first (reportlab hyphenator protocol)."""
    if len(word) < 7 or not word.isalpha() or not word.islower():
        return
    points = []
    for i in range(2, len(word) - 2):
        a, b, c = word[i - 1], word[i], word[i + 1] if i + 1 < len(word) else ""
        if a in _VOWELS and b not in _VOWELS and c in _VOWELS:
            points.append(i)                      # vo-ca
        elif a not in _VOWELS and b not in _VOWELS and i >= 2 and word[i - 2] in _VOWELS \
                and c in _VOWELS and word[i - 1:i + 1] not in _KEEP:
            points.append(i)                      # par-te
    for i in reversed(points):
        if len(word) - i >= 3 and word[i:] not in ("es", "ent"):
            yield word[:i], word[i:]
