"""Who signed a convention, in which role, for which organisation, and who else the text names at its signing.

Every person the text names is looked for, in every sentence:
- a civility title and a surname ("M. Dervaux", "Mme Aubin");
- a first name and a surname ("Sandra DUMAS-LECLERC", "Jean-Paul Roussel") that the NER also tags as a person,
  or written in capitals, or with a role next to it ("René Lognon, qui préside…", "son directeur, X");
- a PER entity of the NER that looks like a name ("Louis Pozzo di Borgo").
A word the text also writes in lower case is a common word, not a name ("Allocations Familiales", "Pour").
The role is the apposition after the name ("Louis ALIOT, Maire de Perpignan", "X (inspectrice, Education
nationale)"), its relative clause ("qui préside la Caf"), or the role written just before it ("sa présidente,
Mme Lorand"); "représentant X" keeps the relation. In a sentence about the signing, people named before any "en
présence de" sign (when the signers are institutions only, the first person of each organisation signs for it);
everyone else the text names is present.
"""
from __future__ import annotations

import re
import unicodedata

from assistant.nlp.ner import PARTICLES, may_name, person_spans
from assistant.nlp.segment import sentence_spans
from assistant.nlp.text import fold
from assistant.nlp.vocab import DOMAINS, NOT_FIRST_NAMES, ROLE_START


def deaccent(text: str) -> str:
    """Accents stripped, case and length kept (one character for one)."""
    return "".join(unicodedata.normalize("NFKD", ch)[0] for ch in text)


LOWER, UPPER = "a-zà-öø-ÿ", "A-ZÀ-ÖØ-Ý"
FIRST = rf"[{UPPER}][{LOWER}]+(?:[- ][{UPPER}][{LOWER}]+)?"
SURNAME = rf"(?:[{UPPER}]['’])?[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
CAPITALS = rf"[{UPPER}][{UPPER}'’-]+(?: [{UPPER}]{{2,}}[{UPPER}'’-]*)?"
NAME = re.compile(rf"\b({FIRST}) ({SURNAME}(?![{UPPER}])|{CAPITALS})")
TITLED = re.compile(rf"\b(?:M\.|MM\.|Mme|Mlle|Madame|Monsieur)\s+(?:[{UPPER}][\w'’-]+)(?:\s+[{UPPER}][\w'’-]+)*")
CONTEXT = re.compile(r"\bsign|officialis|en presence|represent|paraph")
# Where a role apposition ends (matched on accent-stripped, case-kept text).
ROLE_END = re.compile(r",\s*(?=[A-Z1-9])|,\s*representant|,\s*(?:et\s+)?(?:de|par)\s+(?=[A-Z][a-z]+[- ][A-Z])|,?\s+et\s+(?=(?:de\s+|par\s+)?[A-Z][a-z]+[- ][A-Z])|,?\s+et de\b"
                      r"|\s+(?:ont|a|avaient|avait)\s+(?:sign|officialis|paraph|conclu)|[.;](\s|$)|\s+en presence"
                      # the clauses that follow a party's representative in a convention
                      r"|,?\s+(?:dont le siege|dument|ci-apres|ci-dessous|agissant|domicilie|habilite|en vertu|sise?\b)"
                      r"|\s+et par\b"
                      r"|$")
ARTICLE = r"(?:(?:le|la|l'|son|sa|leur)\s+)?"
ROLE_WORDS = re.compile(rf"^{ARTICLE}{ROLE_START}|^qui (?:preside|dirige|represente|est a la (?:tete|presidence))")
# "son président, M. X", "la directrice de la Caf de la Somme, X": a role just before the name.
ROLE_BEFORE = re.compile(rf"(?:^|[,:;(]\s*|\b(?:par|de|et)\s+)({ARTICLE}{ROLE_START}[^,;:()]{{0,80}}),\s*$")
SAME_BODY = re.compile(r"\s+(?:du même|de la même|de ce même|de cette même)\s+(?:organisme|institution|structure|caisse)\b"
                       r"|\s+de cet organisme\b")
ORGANISATION = re.compile(r"\b(?:de la|du|de l'|de l’|des)\s+([A-Z][\w'’-]*(?:\s+(?:de|du|des|de la)?\s*[A-Z][\w'’-]*)*)")
# Before a capitalised pair, what makes it a place or a body ("des Alpes Maritimes", "MSA Provence Azur")…
NOT_PERSON_BEFORE = re.compile(r"(?:\b(?:de la|du|des|de l['’]|la|le|les|au|aux)\s+|\b[A-Z]{2,}\s+)$")
# …or a person ("en la personne de X", "représentée par X").
PERSON_BEFORE = re.compile(r"(?:en la personne d[e']|represente(?:e|s|es)? par|aux cotes d[e']|en presence d[e']"
                           r"|(?:sign|paraph|conclu|officialis)\w* par|\b(?:le|la|son|sa) (?:maire|president\w*"
                           r"|directeur|directrice|adjointe?|prefete?|vice-president\w*))\s*$")
ROLE_INSIDE = re.compile(rf"(?:^|[\s-]){ROLE_START}")
ACRONYMS = frozenset("CAF MSA CTG EPCI CCAS CIAS PMI CNAF RAM RPE LAEP ALSH QPV".split())  # bodies and services
DOMAIN_WORDS = frozenset(fold(w) for d in DOMAINS for w in re.findall(r"\w+", d.name) if len(w) > 3)
PRESENCE_LIST = re.compile(r"\ben presence d.{0,40}:\s*$")
LIST_LINE_WORDS = 14  # a line of the list under "En présence de :" ("– Mme X, conseillère départementale du canton")
ROLL_CALL = 4  # a line naming this many people, none with a role, after "Présents :", is an attendance list
ATTENDANCE = re.compile(r"\b(?:presents?|absents?|excuses?|pouvoirs?)\b")
# Who wrote the page or took its photo is no one of the signing: "Crédit photo : X", "De notre correspondant X",
# "X - mis à jour le …".
BYLINE_BEFORE = re.compile(r"(?:credits? photos?|photos?\s*(?:\w+\s*)?[/©]|©|correspondante?|journaliste|redaction"
                           r"|auteur)\W*(?:\w+\W+){0,2}$")
BYLINE_LINE = re.compile(r"\bmis a jour\b|\bpublie (?:le|il y a)\b")
# "venu représenter le maire X": X is represented, not there.
REPRESENTED = re.compile(r"\brepresent(?:er|ant|ait)(?:\s+(?:le|la|l'))?(?:\s*[\w-]+){0,2}\s*$")
BODY = re.compile(r"\b(?:caf|caisse|msa|communaute|agglo\w*|metropole|ville|commune|conseil|departement|prefecture)\b")


def _lower_words(text: str) -> set[str]:
    return set(re.findall(rf"(?<![{UPPER}{LOWER}'’-])[{LOWER}][{LOWER}'’-]*", text))


def _common(word: str, lower: set[str]) -> bool:
    """A capitalised word the text also writes in lower case, or one that starts institutions and titles."""
    parts = word.replace("’", "-").replace("'", "-").split("-")
    return word.lower() in NOT_FIRST_NAMES or word.lower() in lower or any(p.lower() in lower for p in parts if len(p) > 3)


def _not_person(sentence: str, a: int, b: int, lower: set[str], strong: bool = False) -> bool:
    """A capitalised span that is a body, a place or a title: a role, after an article or acronym, words that start
    institutions; or, unless something else says a person (the NER, a title, a surname in capitals), a word the
    text also writes in lower case ("Allocations Familiales" — but "Marie-Claire Blanc" when the NER says so)."""
    words = [w for k, w in enumerate(re.findall(r"[\w'’-]+", sentence[a:b]))
             if w[:1].isupper() and not (k and w.lower() in PARTICLES)]
    common = (lambda w: w.lower() in NOT_FIRST_NAMES or fold(w) in DOMAIN_WORDS) if strong \
        else (lambda w: _common(w, lower))
    return (any(w.strip("'’-") in ACRONYMS if w.isupper() else common(w) for w in words)
            or bool(ROLE_INSIDE.search(fold(sentence[a:b]))) or bool(NOT_PERSON_BEFORE.search(sentence[:a])))


def _mentions(sentence: str, entities: list[tuple[int, int]], lower: set[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of the people named in one sentence, in text order, overlaps merged (the longest wins)."""
    found = [m.span() for m in TITLED.finditer(sentence)]
    for m in NAME.finditer(sentence):
        first = m.group(1).split()
        # "Pour Pierre Désert": the name starts after a common word
        start = m.start(1) + len(first[0]) + 1 if len(first) == 2 and _common(first[0], lower) else m.start()
        tagged = any(a < m.end() and start < b for a, b in entities)
        cue, capitals, role = PERSON_BEFORE.search(fold(sentence[:start])), m.group(2)[:2].isupper(), _role(sentence, m.end())[0]
        if _not_person(sentence, start, m.end(), lower, strong=bool(tagged or capitals)):
            continue
        if re.search(r"\bd(?:e|['’])\s*$", sentence[:start]) and not (cue or capitals or role):
            continue  # "le club de Toulouse Métropole": after "de", a place unless something says a person
        if tagged or cue or capitals or role or _role_before(sentence, start):
            found.append((start, m.end()))
    found += [(a, b) for a, b in entities if not _not_person(sentence, a, b, lower, strong=True)]
    folded = fold(sentence)
    found = [(a, b) for a, b in found if not BYLINE_BEFORE.search(folded[max(0, a - 40):a])
             and not BYLINE_LINE.search(folded)]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(found, key=lambda span: (span[0], -span[1])):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _role(sentence: str, after: int, limit: int | None = None) -> tuple[str, int]:
    """The role apposition after a name, cut at ``limit`` (where the next name starts)."""
    rest = sentence[after:limit]
    body = rest.lstrip()
    if body[:1] == "(" and ")" in body:  # "X (inspectrice, Education nationale)"
        inner = body[1:body.index(")")]
        if ROLE_WORDS.match(fold(inner)):
            return inner.strip(), after + (len(rest) - len(body)) + len(inner) + 2
    body = body[1:].lstrip() if body[:1] == "," else body
    if not ROLE_WORDS.match(fold(body)):
        return "", after
    cut = ROLE_END.search(deaccent(body))
    role = body[: cut.start()] if cut else body
    role = re.sub(r"(?:,|\s)\s*(?:et|ainsi que)?\s*(?:de|par)?\s*$", "", role).strip(" ,")
    role = re.sub(r"^qui\s+", "", role)
    return role, after + (len(rest) - len(body)) + len(role)


def _role_before(sentence: str, start: int) -> str:
    m = ROLE_BEFORE.search(fold(sentence[max(0, start - 100):start]))
    if not m:
        return ""
    offset = max(0, start - 100)
    return sentence[offset + m.start(1):offset + m.end(1)].strip()


def _organisation(role: str, sheet) -> str | None:
    f = fold(role)
    place = sheet.territory.get("name") or ""
    if re.search(r"\bcaf\b|caisse|allocations familiales|conseil d.administration|action sociale", f):
        return sheet.caf
    if re.search(r"communaute|agglo|metropole|intercommunal", f) and place:
        return place
    other = ORGANISATION.search(role)  # "directeur général adjoint de la MSA de Picardie"
    if other:
        return other.group(1).replace("’", "'")
    if re.search(r"maire|adjoint|municipal|ville", f) and place:
        article = "d'" if fold(place)[:1] in "aeiouy" else "de "
        if sheet.territory.get("kind") not in (None, "commune") or re.match(r"(ville|commune)\b", fold(place)):
            return place
        return f"Ville {article}{place}"
    return place or None


def _organisation_of(role: str, before: str, sheet) -> str | None:
    """The organisation of a role; for "son président" or no role, the body named last before the person
    ("La Caf de la Corrèze était représentée par son président, M. X")."""
    f = fold(role)
    party = _party_before(before, sheet)  # "La Commune de Viltigny, représentée par Mme X, maire"
    if party:
        return party
    if role and (BODY.search(f) or re.search(r"maire|adjoint|municipal|prefet", f)) and not re.match(r"(son|sa|leur)\b", f):
        return _organisation(role, sheet)
    bodies = list(BODY.finditer(deaccent(before).lower()))
    return _organisation(before[bodies[-1].start():] if bodies else role, sheet)


def _party_before(before: str, sheet) -> str | None:
    """The convention's party named last in ``before`` (without its article), if any."""
    folded = fold(before)
    found = [(folded.rfind(fold(p)), p) for p in getattr(sheet, "parties", []) if fold(p) in folded]
    if not found:
        return None
    return re.sub(r"^(?:la|le|les|l['’])\s*", "", max(found)[1], flags=re.I)


def candidate_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences where people are looked for (all of them, for the NER to read in one pass)."""
    return sentence_spans(text)


def ner_sentences(text: str) -> list[str]:
    """The sentences the NER model must read: those that can hold a person's name."""
    return [text[s:e] for s, e in candidate_sentences(text) if may_name(text[s:e])]


def _entries(sentence: str, s: int, spans: list[tuple[int, int]], sheet) -> tuple[list[dict], set[str]]:
    """One dict a person named in the sentence (``s`` its offset), and the names others represent."""
    represented: set[str] = set()
    entries: list[dict] = []
    presence = fold(sentence).find("en presence")
    for k, (a, b) in enumerate(spans):
        # the role stops where the next person is listed ("…, et Paul van der Berg, Directeur…")
        limit = next((n[0] for n in spans[k + 1:] if re.search(r"(?:,|\bet|ainsi que|de)\s*$", sentence[:n[0]])), None)
        role, role_end = _role(sentence, b, limit)
        role = role or _role_before(sentence, a)
        organisation = _organisation_of(role, sentence[max(0, a - 100):a], sheet)
        same = SAME_BODY.search(role)
        if same and entries:  # "Président du Conseil d'administration du même organisme"
            role, organisation = role[:same.start()].rstrip(" ,"), entries[-1]["organisation"]
        behalf = None
        m = re.match(r",?\s*représentant\s+", sentence[role_end:role_end + 80])
        target = next((n for n in spans if m and n[0] >= role_end + m.end() - 1), None)
        if target:
            behalf = sentence[target[0]:target[1]]
            represented.add(behalf)
            # who signs on behalf of someone signs for that person's organisation
            organisation = _organisation(_role(sentence, target[1])[0], sheet) or organisation
        if REPRESENTED.search(fold(sentence[max(0, a - 60):a])):
            represented.add(sentence[a:b])
        role = re.sub(r"^(?:son|sa|leur)\s+", "", role)  # "sa présidente": the role is "présidente"
        entries.append({"name": sentence[a:b], "role": role, "organisation": organisation, "on_behalf_of": behalf,
                        "start": s + a, "end": s + max(b, role_end),
                        "after_presence": presence >= 0 and a > presence})
    return entries, represented


def people(text: str, sheet) -> tuple[list[dict], list[dict]]:
    """``(signatories, present)``: dicts with name, role, organisation, on_behalf_of, start, end."""
    signatories: list[dict] = []
    present: list[dict] = []
    seen: set[str] = set()
    lower = _lower_words(text)
    considered = candidate_sentences(text)
    entities = person_spans([text[s:e] for s, e in considered], NOT_FIRST_NAMES)
    roll, previous, after_signing, listing = False, "", False, False
    # a convention ("Entre : la Caf …, et : …") names at its signing only its signatories and those it lists "en
    # présence de"; the people its body names (a coordinator, a referent) were not said to be there
    formal = bool(sheet.parties)
    for (s, e), sentence_entities in zip(considered, entities):
        sentence = text[s:e]
        # "En présence de :" and the lines of names under it
        listing = bool(PRESENCE_LIST.search(fold(sentence))) or listing and len(sentence.split()) <= LIST_LINE_WORDS
        entries, represented = _entries(sentence, s, _mentions(sentence, sentence_entities, lower), sheet)
        # a meeting's attendance list ("Présents : A, B, C, D…") and the lines of names that go on with it
        listed = len(entries) >= ROLL_CALL and bool(ATTENDANCE.search(fold(previous + " " + sentence)))
        roll = bool(entries) and (bool(ATTENDANCE.match(fold(sentence))) or not any(x["role"] for x in entries)
                                  and (listed or roll and _names_only(sentence, entries, s)))
        previous = sentence
        if roll:
            continue
        # "… ont signé leur CTG. La cérémonie a réuni X, maire, et Y, directeur." : the next sentence counts
        signing = bool(CONTEXT.search(fold(sentence)))
        signing, after_signing = signing or after_signing, signing
        signers_named = any(not x["after_presence"] and x["role"] for x in entries if x["name"] not in represented)
        taken: set[str | None] = set()
        for entry in entries:
            after_presence = entry.pop("after_presence")
            if entry["name"] in represented or _known(entry["name"], seen):
                continue
            seen.add(entry["name"])
            signs = signing and entry["role"] and (not after_presence if signers_named
                                                   else entry["organisation"] not in taken)
            taken.add(entry["organisation"])
            if formal and not signs and not (signing or listing):
                continue
            (signatories if signs else present).append(entry)
    return signatories, present


def _known(name: str, seen: set[str]) -> bool:
    """Whether a person was named before, in full or by title and surname ("Mme Aubin" after "Sonia Aubin")."""
    surname = fold(name.split()[-1])
    return name in seen or any(fold(other.split()[-1]) == surname for other in seen)


def _names_only(sentence: str, entries: list[dict], offset: int) -> bool:
    """Whether a line says little but names (at most two lower-case words besides them)."""
    rest = sentence
    for x in sorted(entries, key=lambda x: -x["start"]):
        rest = rest[:x["start"] - offset] + rest[x["end"] - offset:]
    return len(_lower_words(rest) - {"de", "du", "des", "la", "le", "et"}) <= 2
