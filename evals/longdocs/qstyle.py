"""How questions name a territory, and the four writing styles (formal, informal, paraphrase, typo)."""
from __future__ import annotations

import random
import re

from .model import DocSpec
from .names import de, strip_accents
from .textgen import with_article

STYLES = ["formal", "formal", "paraphrase", "informal", "formal", "typo", "paraphrase", "informal"]


def key_word(spec: DocSpec) -> str:
    """The most distinctive word of the territory's name (the place or the river)."""
    words = [w for w in re.split(r"[ ']", spec.territory.core) if w[:1].isupper() and w not in ("Val", "Grand",
                                                                                                  "Terres", "Pays")]
    return max(words, key=len)


def misspell(word: str, rng: random.Random) -> str:
    """A plausible typo: swapped, dropped or doubled letter, or lost accents."""
    for _ in range(20):
        i = rng.randint(1, len(word) - 2)
        kind = rng.choice(["swap", "drop", "double", "accent"])
        if kind == "swap":
            out = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        elif kind == "drop":
            out = word[:i] + word[i + 1:]
        elif kind == "double":
            out = word[:i] + word[i] + word[i:]
        else:
            out = strip_accents(word)
        if out != word and "-" not in out[i - 1:i + 2]:
            return out
    return word[:-1]


def refs(spec: DocSpec, variant: int, typo: str | None = None) -> dict[str, str]:
    """Placeholders {ctg}, {T}, {dT}, {aT} for one way of naming the territory."""
    t = spec.territory
    short = with_article(t.short, t.kind)
    if variant % 3 == 0:
        full = "la " + t.name
        ctg, T = f"la convention territoriale globale {de(full)}", full
    elif variant % 3 == 1:
        ctg, T = f"la CTG {de(short)}", short
    else:
        ctg, T = f"la CTG {de(t.core)}", short
    out = {"ctg": ctg, "T": T, "dT": de(T), "aT": f"dans {ctg}"}
    if typo:
        word = key_word(spec)
        out = {k: v.replace(word, typo) for k, v in out.items()}
    return out


def informal(text: str, rng: random.Random) -> str:
    """As a new agent types: no accents, lower case, 'ctg', sometimes no question mark."""
    out = strip_accents(text).lower()
    out = out.replace("la convention territoriale globale", "la ctg").replace("communaute de communes", "cc")
    out = out.replace(" ?", rng.choice(["", " ?", "?", " ??"]))
    if rng.random() < 0.3:
        out = out.replace("quel est ", "c quoi ").replace("quelle est ", "c quoi ")
    return rng.choice(["", "", "stp ", "bonjour ", "svp "]) + out


def render(template: str, spec: DocSpec, style: str, rng: random.Random, variant: int) -> str:
    """Fills a question template for a style; the result always names the territory."""
    typo = misspell(key_word(spec), rng) if style == "typo" else None
    text = template.format(**refs(spec, variant, typo))
    text = text[0].upper() + text[1:]
    if style == "informal" or (style == "typo" and rng.random() < 0.5):
        text = informal(text, rng)
    return text


def names_territory(question: str, spec: DocSpec) -> bool:
    """True when the question contains the territory's distinctive word, possibly misspelt or unaccented."""
    word = strip_accents(key_word(spec)).lower()
    q = strip_accents(question).lower()
    if word in q:
        return True
    # a misspelt word (one or two edits away) is accepted: that is the typo style
    return any(_distance(token, word) <= 2 for token in re.findall(r"\w+", q) if abs(len(token) - len(word)) <= 2)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, with adjacent swaps counted once."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]
