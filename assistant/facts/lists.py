"""Fact sheet items: objectives and actions from announced lists, figures (amounts, counts)."""
from __future__ import annotations

import re

from assistant.nlp.segment import sentence_spans
from assistant.nlp.text import fold
from assistant.nlp.vocab import COUNT_WORDS, DOMAINS, MONTH, NUMBER_WORDS

OBJECTIVE_CUE = re.compile(r"objectif|\baxes?\b|enjeu|\bvise\b|ambition|priorit|pourquoi")
ACTION_CUE = re.compile(r"\bactions?\b|concretement|\bcites?\b|mesures|exemples")
LIST_NUMBER_START = re.compile(r"^\s*\d{1,2}[).]\s")
ITEM = re.compile(r"^\s*(?:[-–—•·*▪◦○●]|\d{1,2}[).])\s*")


def _marker(line: str) -> str:
    m = ITEM.match(line)
    return "" if not m else ("1)" if m.group(0).strip()[:1].isdigit() else m.group(0).strip()[:1])


def _is_domain_heading(f: str) -> bool:
    """A short heading made of domain names only ("action sociale", "education - enfance - jeunesse")."""
    rest = f
    for domain in DOMAINS:
        rest = re.sub(domain.pattern, " ", rest)
    return rest != f and not re.sub(r"[\W_]|\b(et|de|la|le|les|l|des|du|en|a|au|aux|direction|accompagnement"
                                    r"|adolescence|soutien)\b", "", rest)


def objectives_and_actions(text: str) -> tuple[list[tuple[str, tuple[int, int]]], list[tuple[str, tuple[int, int]]]]:
    """List items under an introduction or heading that announces objectives ("vise à :", "axes") or
    actions ("Parmi elles peuvent être cités :", "Concrètement…"); sub-headings inside a list are skipped."""
    found = {"objectives": [], "actions": []}
    mode = None
    spans = sentence_spans(text)
    aside = False  # inside a parenthesis that spans sentences: "(Les jeunes seront… Il est important…)"
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        f = fold(line)
        if aside or f.startswith("("):
            aside = not f.rstrip(" .").endswith(")")
            continue
        marker = _marker(line)
        short = len(f.split()) <= 12 and f.rstrip()[-1:] not in ".;,!"
        if not marker:
            if short and not f.endswith(":") and _is_domain_heading(f):
                continue  # "Action sociale", "Education – Enfance – Jeunesse": a sub-section, same list kind
            if f.endswith(":") or short or f.endswith("?"):
                mode = "actions" if ACTION_CUE.search(f) else "objectives" if OBJECTIVE_CUE.search(f) else None
            elif len(f.split()) > 25 and not f.startswith("("):
                if mode == "objectives" or OBJECTIVE_CUE.search(f):
                    found["objectives"] += [(text[s + a:s + b], (s + a, s + b)) for a, b in goal_clauses(line)]
                mode = None  # a paragraph of prose ends the list
            continue
        following = next((text[a:b] for a, b in spans[i + 1:i + 2]), "")
        if len(f.split()) <= 6 and f.rstrip()[-1:] not in ".;,!" and _marker(following) \
                and _marker(following) != marker:
            continue  # "– Les axes transversaux" heads the numbered items below it
        if mode and not _is_domain_heading(ITEM.sub("", f)):  # "– de la petite enfance" names a domain
            item = ITEM.sub("", line).strip().rstrip(",;.").strip()
            if item:
                found[mode].append((item, (s + line.index(item), s + line.index(item) + len(item))))
    return found["objectives"], found["actions"]


GOALS_INTRO = re.compile(r"\b(?:il s.agira|il s.agit|vise|visent|viser|a pour (?:objectifs?|ambition|but)"
                         r"|ont pour (?:objectifs?|ambition|but)|objectifs? (?:est|sont))"
                         r"(?:\s+(?:alors|notamment|donc|ainsi|avant tout|en particulier))?\s+(?:de |d.|à |a )",
                         re.IGNORECASE)
GOALS_SEPARATOR = re.compile(r",\s+(?:et\s+|ou\s+)?(?:de |d['’])|\s+(?:et|ou encore|ou|ainsi que)\s+(?:de |d['’])")
INFINITIVE = re.compile(r"^\w+(?:er|ir|re|oir)\b")


def goal_clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of the infinitive clauses of a goal in prose: "Il s'agira de faciliter X, de favoriser Y ou encore
    d'élargir Z." -> X, Y, Z clauses. Nothing unless there are two clauses or more, each of three words or more."""
    intro = GOALS_INTRO.search(sentence)
    if not intro:
        return []
    body_end = len(sentence.rstrip().rstrip("."))
    cuts = [intro.end()] + [m.end() for m in GOALS_SEPARATOR.finditer(sentence, intro.end(), body_end)]
    ends = [m.start() for m in GOALS_SEPARATOR.finditer(sentence, intro.end(), body_end)] + [body_end]
    clauses = [(a, b) for a, b in zip(cuts, ends)]
    if len(clauses) < 2 or any(len(sentence[a:b].split()) < 3 or not INFINITIVE.match(fold(sentence[a:b]))
                               for a, b in clauses):
        return []
    return clauses


NUMBER_WORD = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
FIGURE = re.compile(
    r"(?P<amount>\b\d[\d\u202f\xa0 .,]*\s?(?:€|euros?\b|k€|M€|millions? d.euros))"
    r"|(?P<count>(?:\bplus de |\bpr[eè]s de |\benviron )?\b(?:\d+(?:[-–]\d+)?|" + NUMBER_WORD + r")"
    r"(?:[\u202f\xa0 ]\d{3})*\s+(?P<noun>[a-zéèêàç]+s)\b)", re.IGNORECASE)
NOT_COUNTED = re.compile(rf"^({MONTH}|heures?|h)$")


def figures(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """Amounts and counts with what they count: "10 900€", "25 axes", "sept thématiques", "16-25 ans"."""
    found, seen = [], set()
    for s, e in sentence_spans(text):
        line = text[s:e]
        if LIST_NUMBER_START.match(line) and not FIGURE.search(line[3:]):
            continue
        if not ITEM.match(line) and len(line.split()) <= 6 and line.rstrip()[-1:] not in ".;:!?":
            continue  # a heading ("En direction des deux institutions") states no figure
        for m in FIGURE.finditer(line):
            if m.group("count") and NOT_COUNTED.match(fold(m.group("noun"))):
                continue
            value = m.group(0).strip()
            key = figure_key(value)
            if not key or key in seen:
                continue
            seen.add(key)
            after = re.split(r"[,.;:()]", line[m.end():], maxsplit=1)[0].split()[:6]
            what = " ".join(([m.group("noun")] if m.group("count") else []) + after).strip()
            found.append((value, what, (s + m.start(), s + m.end())))
    return found


def figure_key(value: str) -> str:
    """What identifies a figure: its number, digits only ("10 900€" -> "10900", "sept" -> "7")."""
    f = fold(value)
    m = re.search(r"\d[\d\u202f\xa0 .,]*", f)
    if m:
        return re.sub(r"\D", "", m.group(0).split("-")[0]) if "-" not in m.group(0) else m.group(0).strip()
    word = next((w for w in f.split() if w in NUMBER_WORDS), None)
    return str(NUMBER_WORDS[word]) if word else ""
