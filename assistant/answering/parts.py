"""Numbered parts a question points to: "l'action 2.3", "l'article 9", "l'axe II", "la fiche action 4.1",
"l'annexe 4". A convention numbers its parts, and a question that quotes a number is answered from that part:
the sentences under a heading with that word and number, or a table row whose first cell is the number ("N° : 2.3 ;
Action : …"). When no such part exists among the candidates, nothing is narrowed.
"""
from __future__ import annotations

import re

from assistant.nlp.text import fold
from assistant.nlp.vocab import COLUMN_WORDS

# the words of a part, folded, as a question says them (a "fiche action" is the action's own part)
_WORD = r"(fiche[- ]action|fiche|action|article|axe|annexe|titre|chapitre|orientation|objectif)s?"
_NUMBER = r"(\d{1,2}(?:\.\d{1,2}){0,2}|[ivx]{1,4})"
REFERENCE = re.compile(rf"\b{_WORD}\s+(?:n\s*°\s*|no\s+|numero\s+)?{_NUMBER}(?![\w.]*\d)(?![\w])")
# the page a question points to: "sur la page de titre", "en page de garde", "page 12", "p. 12" (not "le taux de
# couverture")
PAGE = re.compile(r"\b(?:(page de (?:titre|garde|couverture)|premiere page)|(?:page|p\.)\s*(\d{1,3})\b)")
# "Pilote : " at a row's start, after " ; ", or a label inside a cell ("… d'accueil Indicateur : nombre de …")
ROW_FIELD = re.compile(r"(?:^|;\s|\s)([A-ZÀ-Ý][^;:]{0,38}?)\s:\s")
QUOTED = re.compile(r"[«“\"]\s*([^«»“”\"]{2,120}?)\s*[»”\"]")  # a title (three words or more), a cell's value
SAME_PART = {"fiche": "action", "fiche action": "action", "fiche-action": "action"}
ROMAN_WORDS = {"article", "axe", "annexe", "titre", "chapitre", "orientation"}


def references(question: str) -> list[tuple[str, str]]:
    """The ``(word, number)`` of each numbered part the question names, folded ("action", "2.3"), and
    ``("title", …)`` for a part it quotes by its title ("l'action « Ouvrir un relais petite enfance »")."""
    out = []
    for word, number in REFERENCE.findall(fold(question)):
        word = SAME_PART.get(word, word)
        if number.isalpha() and word not in ROMAN_WORDS:
            continue  # "action i…" is no number
        out.append((word, number))
    for quoted in QUOTED.findall(question):
        if len(quoted.split()) >= 3:
            out.append(("title", " ".join(fold(quoted).split())))
    return out


def page_reference(question: str) -> int | None:
    """The page a question names (1 for the title page), None when it names none."""
    match = PAGE.search(fold(question))
    if match is None:
        return None
    return 1 if match.group(1) else int(match.group(2))


def _names(ref: tuple[str, str], text: str) -> bool:
    word, number = ref
    if word == "title":
        return number in " ".join(text.split())
    return re.search(rf"\b{word}s?\s+(?:n\s*°\s*)?{re.escape(number)}(?![\w.]*\d)(?!\w)", text) is not None


def numbered_row(number: str, sentence: str) -> bool:
    """A table row whose first cell is the number ("N° : 2.3 ; Action : …", "2.3 ; Créer …")."""
    return re.match(rf"(?:[^;:]{{0,12}}:\s*)?{re.escape(number)}\s*;", sentence) is not None


def _numbered(number: str, title: str) -> bool:
    """A heading that starts with the number alone ("2.3 Créer un relais", "IV. Durée")."""
    return re.match(rf"{re.escape(number)}(?:[.)]|\s+[–—-]|\s)", title) is not None


def part_match(refs: list[tuple[str, str]], path: str | None, sentence: str) -> int:
    """How surely a sentence lies in a part the question names: 2 under a heading with the word and number, in
    a row of that number, or naming it itself; 1 under a heading that starts with the number alone; else 0."""
    titles = [fold(t) for t in (path or "").split(" › ") if t]
    said = fold(sentence)
    best = 0
    for ref in refs:
        if any(_names(ref, t) for t in titles) or _names(ref, said) or "." in ref[1] and numbered_row(ref[1], said):
            return 2
        if ref[0] != "title" and any(_numbered(ref[1], t) for t in titles):
            best = 1
    return best


def row_headers(sentence: str) -> list[str]:
    """The column headers of a table row as the reader writes it ("N° : 2.3 ; Pilote : Caf" → N°, Pilote); none
    for a sentence that is no row."""
    return [header for header, _ in row_cells(sentence)]


def column_words(header: str) -> str:
    """A column header with the words a question may use for it ("Population municipale" → "… habitants")."""
    extra = [word for word, same in COLUMN_WORDS.items() if same in fold(header)]
    return " ".join([header, *extra])


def row_cells(sentence: str) -> list[tuple[str, str]]:
    """``(header, value)`` of each cell of a table row as the reader writes it; none for a sentence that is no row."""
    if " ; " not in sentence:
        return []
    found = list(ROW_FIELD.finditer(sentence))
    return [(m.group(1), sentence[m.end(): found[i + 1].start() if i + 1 < len(found) else len(sentence)].strip(" ;"))
            for i, m in enumerate(found)]
