"""The domains a convention covers, as the text enumerates them.

A sentence that names three domains of the vocabulary or more (or two and one other item) is an enumeration of what the convention covers
("Petite enfance, soutien à la parentalité, enfance, jeunesse, animation de la vie sociale, accès aux droits et au
numérique, handicap, ainsi que logement et cadre de vie"); so are the items of a list opened by a line about domains
("Les champs retenus :"). Each vocabulary domain named there is kept under its vocabulary name; the enumeration's
other short items are kept as written ("cadre de vie", "mobilité"). A sentence that only says what a convention
may cover ("peut couvrir…") enumerates nothing.
"""
from __future__ import annotations

import re

from assistant.nlp.segment import sentence_spans
from assistant.nlp.text import fold
from assistant.nlp.vocab import DOMAINS

DOMAIN_CUE = re.compile(r"domaines?|champs?|thematiques?|couvr|porte sur|retenus?|volets?|competence")
HYPOTHETICAL = re.compile(r"\bpeu(ven)?t\b")
# Where an enumeration's items part: commas, "et", "ainsi que"…
ITEM_SPLIT = re.compile(r"\s*(?:[,;:]|\bet\b|\bainsi que\b|\bou\b|\bmais aussi\b)\s*")
# …and the words that lead an item in without naming it ("de", "d'appui à la", "en matière de", "enfin").
ITEM_LEAD = re.compile(r"^(?:(?:de|d'|du|des|la|le|les|l'|a|au|aux|en|matiere|dans|pour|sur|enfin|aussi|notamment|que"
                       r"|ce|soit|qu'il|s'agisse|tant|bien|meme|volet|domaine|champ)(?:\b|(?<='))\s*)*")
MAX_ITEM_WORDS = 4  # an item longer than this ends the enumeration


def _named(folded: str) -> list[tuple[int, str]]:
    """``(position, vocabulary name)`` of each domain a folded sentence names."""
    found = []
    for domain in DOMAINS:
        m = re.search(domain.pattern, folded)
        if m:
            found.append((m.start(), domain.name))
    return sorted(found)


def _other_items(sentence: str, start: int) -> list[str]:
    """The enumeration's items from ``start`` on that name no vocabulary domain, as written."""
    items = []
    for raw in ITEM_SPLIT.split(sentence[start:]):
        raw = " ".join(raw.replace("’", "'").strip(" .«»\"()").split())
        item = raw[len(ITEM_LEAD.match(fold(raw)).group(0)):].strip()
        if not item:
            continue
        if len(item.split()) > MAX_ITEM_WORDS:
            break
        if not _named(fold(item)) and item[:1].isalpha():
            items.append(item[0].lower() + item[1:])
    return items


def domains(text: str) -> list[tuple[str, tuple[int, int]]]:
    """``(domain, span)`` of the domains the text enumerates, in order."""
    found: dict[str, tuple[int, int]] = {}
    intro = ""  # the line ending with ':' that opens the current list, while its items follow
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        f = fold(sentence)
        item = bool(re.match(r"^[-–•·*]", f))
        if not item:  # a line ending with ':' or a short heading ("Les champs couverts") opens a list
            heading = len(f.split()) <= 6 and f[-1:] not in ".;!?,"
            intro = f if f.endswith(":") or heading else ""
        named = _named(f)
        in_domain_list = item and DOMAIN_CUE.search(intro) and not HYPOTHETICAL.search(intro)
        others = _other_items(sentence, named[0][0]) if len(named) >= 2 else []
        # three domains or more; or two and one more item ("à l'enfance, à la jeunesse et à la famille")
        if (len(named) >= 3 or len(named) == 2 and len(others) == 1) and not HYPOTHETICAL.search(f):
            pass
        elif in_domain_list:
            # an item that names no domain of the vocabulary is one as written ("– Mobilité : lever les freins…")
            head = sentence.split(":", 1)[0]
            others = [] if named else _other_items(head, len(re.match(r"^[-–•·*]\s*", head).group(0)))[:1]
        else:
            continue
        for name in [n for _, n in named] + others:
            found.setdefault(name, (s, e))
    return list(found.items())
