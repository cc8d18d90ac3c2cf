"""Terms shared by the question, claim and verification rules: the words every question about a convention
has, the words that frame a question, near matches of analysed terms, and the acronyms a text defines."""
from __future__ import annotations

import re

from assistant.nlp.text import TOKEN, analyze, fold

# Words of nearly every question about a convention: satisfied by the document, not the sentence.
GENERIC_TERMS = {"ctg", "caf", "convent", "territorial", "global", "vill", "communaut"}
# Words that frame a question rather than say what it asks for ("selon l'article", "comment s'appelle").
QUESTION_FRAME = set(analyze("appelle nom mentionné mentionnée article document texte communiqué selon après "
                             "indique précise évoque cite citée figure parle dit source exactement"))


def matches(term: str, terms: set[str]) -> bool:
    """Exact stem match, or a long shared prefix (signataire ~ signé, construire ~ construction)."""
    if term in terms:
        return True
    return len(term) >= 4 and any(_shared_prefix(term, t) >= max(4, 0.75 * min(len(term), len(t))) for t in terms)


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms a text defines, "communauté de communes Vallée de l'Hérault (CCVH)" -> {"ccvh": "…"}:
    the letters are the initials of the words just before, articles and prepositions skipped."""
    found = {}
    for match in ACRONYM.finditer(text):
        letters = match.group(1).lower()
        words = [w for w in TOKEN.findall(text[max(0, match.start() - 120):match.start()])
                 if fold(w) not in ("de", "du", "des", "la", "le", "les", "l", "d", "et", "en")]
        initials = "".join(fold(w)[0] for w in words[-len(letters):])
        if initials == letters:
            found[letters] = " ".join(words[-len(letters):])
    return found
