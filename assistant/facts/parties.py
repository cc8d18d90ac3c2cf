"""The parties of a convention, as its opening names them: "Entre : La Caisse d'allocations familiales du Cher,
représentée par …, ci-après dénommée « la Caf », Et : La Communauté de communes du Val d'Arnon, représentée par …".

Each party is the name written before "représenté(e) par", ", sis(e)", ", dont le siège", ", ci-après" or the end
of its paragraph; the section ends where the convention's body begins ("Il est convenu", "Préambule", "Vu",
"Article 1"). Regular French drafting, no list of bodies.
"""
from __future__ import annotations

import re

from assistant.nlp.text import fold

OPENING = re.compile(r"(?m)^\s*entre\s*(?:les soussign[ée]s)?\s*[:,]?\s*(?:\n|(?=[A-ZÀ-Ýl]))", re.I)
BODY_STARTS = re.compile(r"(?m)^\s*(?:il (?:a )?(?:est|été) convenu|il est arrêté|pr[ée]ambule|vu\b|article\s+"
                         r"(?:1|premier|1er)\b|titre\s+(?:1|i|premier)\b|expos[ée] des motifs|consid[ée]rant)", re.I)
PARTY_BREAK = re.compile(r"(?m)(?:^|\n)\s*(?:et|ainsi que)\s*[:,]?\s*(?:\n|(?=[A-ZÀ-Ýl]))|,?\s*d['’]une part\s*[,;]?"
                         r"|,?\s*d['’]autre part\s*[,;]?|\n\s*\n"
                         # the next party of a list run on: ", Le Département du Lot, représenté par"
                         r"|[,;]\s+(?=(?:la|le|les|l['’])\s*[A-ZÀ-Ý][^,;]{0,90}?,\s*représenté)", re.I)
NAME_END = re.compile(r",?\s*(?:représenté|representé|agissant|sis\b|sise\b|situé|dont le siège|ayant son siège"
                      r"|ci-après|ci-dessous|domicilié|\(ci-après|n° siret|siret)", re.I)
LEADING = re.compile(r"^(?:[-–•*]\s*)?(?:et\s*[:,]?\s*)?", re.I)
MAX_SECTION = 4000


def parties_sections(text: str):
    """Spans of the "Entre : … Et : …" sections the first half of the text may hold (a cover page's "Entre" list
    comes before the real one)."""
    for m in OPENING.finditer(text, 0, len(text) // 2):
        end = BODY_STARTS.search(text, m.end())
        yield m.end(), min(end.start() if end else len(text), m.end() + MAX_SECTION)


def parties(text: str) -> list[tuple[str, tuple[int, int]]]:
    """``(name, span)`` of each party the opening section names, in order (from the first section naming two)."""
    for start, stop in parties_sections(text):
        found = _unique(_section_parties(text, start, stop))
        if len(found) >= 2:
            return found
    return []


def _section_parties(text: str, start: int, stop: int) -> list[tuple[str, tuple[int, int]]]:
    found, cursor = [], start
    pieces = [(m.start(), m.end()) for m in PARTY_BREAK.finditer(text, start, stop)] + [(stop, stop)]
    for a, b in pieces:
        piece = text[cursor:a]
        name = _name(piece)
        if name:
            offset = cursor + piece.index(name)
            found.append((name, (offset, offset + len(name))))
        cursor = b
    return found


def _name(piece: str) -> str | None:
    body = LEADING.sub("", piece.strip())
    end = NAME_END.search(body)
    if not end:
        return None  # a paragraph that names no represented body ("ci-après les parties")
    name = body[: end.start()].strip(" ,;:")
    if not name or len(name.split()) > 14 or not re.search(r"[A-ZÀ-Ý]", name):
        return None
    return name


def _unique(found: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    seen, out = set(), []
    for name, span in found:
        key = fold(name)
        if key not in seen:
            seen.add(key)
            out.append((name, span))
    return out
