"""Claims to verify (supported, contradicted, not found) and unanswerable questions."""
from __future__ import annotations

import random

from .model import Seed
from .names import RIVERS, NameMaker, de
from .qstyle import informal, render
from .model import DocResult
from .textgen import fr_date, money

VERDICTS = ["supported", "contradicted", "not_found"]
ABSENT_PROJECTS = [
    "Vérifie : {ctg} prévoit la construction d'une piscine intercommunale.",
    "Vérifie : {ctg} finance l'ouverture d'une épicerie solidaire.",
    "Est-il exact que {ctg} prévoit la création d'une école de musique ?",
    "Vérifie : {ctg} prévoit un service de garde d'enfants à domicile la nuit.",
    "Vérifie : {ctg} prévoit l'ouverture d'un cinéma associatif.",
]


def _seed(r: DocResult, qtype: str) -> Seed | None:
    return next((s for s in r.seeds if s.qtype == qtype), None)


def _claim_text(r: DocResult, s: Seed, true: bool, rng: random.Random) -> tuple[str, str] | None:
    """(claim template, answer) for a seed, stating its value (true) or a wrong one."""
    spec = r.spec
    if s.qtype == "sign_date":
        year = spec.signed_on.year if true else spec.signed_on.year + rng.choice([-1, 1])
        return (f"{{ctg}} a été signée en {year} ?",
                ("Oui" if true else "Non") + f", elle a été signée le {fr_date(spec.signed_on)}.")
    if s.qtype == "end" and not spec.amended_by:
        end = spec.end if true else spec.end.replace(year=spec.end.year + 1)
        return (f"Vérifie : {{ctg}} prend fin le {fr_date(end)}.",
                ("Exact" if true else "Inexact") + f" : elle prend fin le {fr_date(spec.end)}.")
    if s.qtype == "bonus":
        value = s.answer if true else money(int(s.must[0].replace(" ", "").rstrip("€")) + rng.randrange(2000, 9000, 10))
        year = s.slots["q"].split(" en ")[1].split(" ")[0]
        return (f"Vérifie : {{ctg}} prévoit {value} de bonus territoire en {year}.",
                ("Exact" if true else "Inexact") + f" : le montant prévu est de {s.answer}.")
    if s.qtype == "pilot":
        num = s.slots["q"].split("l'action ")[1].split(" ")[0]
        others = sorted({a.pilot for a in spec.actions} - {s.answer})
        value = s.answer if true or not others else rng.choice(others)
        return (f"Vérifie : l'action {num} de {{ctg}} est pilotée par « {value} ».",
                ("Exact" if true else "Inexact") + f" : le pilote est « {s.answer} ».")
    if s.qtype == "n_units":
        n = int(s.answer.split()[0])
        unit = s.answer.split()[1]
        value = n if true else n + rng.choice([-2, 3])
        return (f"Est-il exact que {{T}} compte {value} {unit} ?",
                ("Oui" if true else "Non") + f", {s.answer}.")
    return None


def _claim(r: DocResult, verdict: str, rng: random.Random) -> dict | None:
    spec = r.spec
    if verdict == "not_found":
        s = _seed(r, "parties") or r.seeds[0]
        text = render(rng.choice(ABSENT_PROJECTS), spec, "formal", rng, rng.randrange(3))
        return {"question": text, "doc": spec.file, "answer": "Aucune mention de ce projet dans la convention.",
                "must_contain": [spec.territory.name], "page": r.pages.get(s.key), "where": "text"}
    types = ["sign_date", "end", "bonus", "pilot", "n_units"]
    rng.shuffle(types)
    for qtype in types:
        s = _seed(r, qtype) if qtype in ("sign_date", "end", "n_units") else rng.choice(
            [x for x in r.seeds if x.qtype == qtype] or [None])
        made = _claim_text(r, s, verdict == "supported", rng) if s else None
        if made:
            style = rng.choice(["formal", "formal", "informal", "typo"])
            return {"question": render(made[0], spec, style, rng, rng.randrange(3)), "doc": spec.file,
                    "answer": made[1], "must_contain": s.must[:2], "page": r.pages.get(s.key), "where": s.where,
                    "style": style}
    return None


def claims(results: list[DocResult], rng: random.Random) -> list[dict]:
    """Two claims per convention and one per avenant, verdicts in rotation."""
    out = []
    k = 0
    for r in results:
        if r.spec.kind == "avenant":
            s = _seed(r, "av_end")
            true = k % 2 == 0
            end = r.spec.end if true else r.spec.end.replace(year=r.spec.end.year + 1)
            text = render(f"Vérifie : {{ctg}} a été prolongée jusqu'au {fr_date(end)}.", r.spec, "formal", rng, 1)
            out.append({"question": text, "doc": r.spec.file, "answer": ("Exact" if true else "Inexact")
                        + f" : l'avenant la prolonge jusqu'au {fr_date(r.spec.end)}.", "must_contain": s.must,
                        "page": r.pages.get(s.key), "where": "duration", "verdict": VERDICTS[k % 2],
                        "also_docs": [r.spec.amends]})
            k += 1
            continue
        for _ in range(2):
            c = _claim(r, VERDICTS[k % 3], rng)
            if c:
                c["verdict"] = VERDICTS[k % 3]
                out.append(c)
                k += 1
    return [_shape(c) for c in out]


def _shape(c: dict) -> dict:
    """Claims share the field order of the other questions."""
    return {"id": "", "question": c["question"], "doc": c["doc"], "answer": c["answer"],
            "must_contain": c["must_contain"], "kind": "claim", "style": c.get("style", "formal"),
            "page": c["page"], "where": c["where"], "verdict": c["verdict"],
            **({"also_docs": c["also_docs"]} if "also_docs" in c else {})}


ABSENT_FACTS = [
    ("Quel montant de bonus territoire est prévu en {late} dans {{ctg}} ?", "bonus territoire d'une année hors période"),
    ("Qui dirige l'Ehpad de {seat} selon {{ctg}} ?", "directeur de l'Ehpad, non mentionné"),
    ("Combien de places de crèche {{T}} a-t-elle créées en 2015 ?", "places créées en 2015, non mentionnées"),
    ("Quel est le budget de la piscine intercommunale prévu par {{ctg}} ?", "budget d'une piscine, absente"),
    ("Quel est le taux de natalité de {{T}} en 2010 d'après sa CTG ?", "taux de natalité 2010, absent"),
    ("Quel est le nom du principal du collège de {seat} cité dans {{ctg}} ?", "principal du collège, absent"),
    ("Combien de lits compte l'hôpital local de {seat} selon {{ctg}} ?", "capacité de l'hôpital, absente"),
]
ABSENT_TERRITORIES = [
    ("Quand la CTG de la Communauté de communes du Val {river} a-t-elle été signée ?", "CTG d'un territoire absent"),
    ("Qui pilote l'action 1.2 de la CTG de {town} ?", "CTG d'une commune absente"),
    ("Quel montant de bonus territoire est prévu en 2026 pour la CC des Monts {de_root} ?", "territoire absent"),
    ("Combien d'habitants compte {town2} selon sa convention territoriale globale ?", "commune absente"),
    ("Jusqu'à quand court la convention territoriale globale du Pays {de_root2} ?", "territoire absent"),
]


def unanswerable(results: list[DocResult], rng: random.Random, seed: int) -> list[dict]:
    """Facts absent from a convention of the collection, and territories absent from it."""
    out = []
    conventions = [r for r in results if r.spec.kind == "convention"]
    for i, (tpl, asks) in enumerate(ABSENT_FACTS):
        spec = conventions[i % len(conventions)].spec
        style = rng.choice(["formal", "informal", "paraphrase", "typo"])
        text = render(tpl.format(late=spec.end.year + 4, seat=spec.territory.seat), spec,
                      "formal" if style == "paraphrase" else style, rng, rng.randrange(3))
        out.append((text, asks, style))
    nm = NameMaker(random.Random(seed + 101))
    for r in results:
        nm.used.update([r.spec.territory.name, r.spec.territory.river, *(c.name for c in r.spec.territory.communes)])
    rivers = [x for x in RIVERS if x not in nm.used]
    vals = {"river": de(rivers[0] if rivers else nm.root()), "town": nm.root(), "town2": nm.root(),
            "de_root": de(nm.root()), "de_root2": de(nm.root())}
    for tpl, asks in ABSENT_TERRITORIES:
        style = rng.choice(["formal", "informal"])
        text = tpl.format(**vals)
        out.append((text if style == "formal" else informal(text, rng), asks, style))
    return [{"id": "", "question": q, "doc": None, "answer": "L'information ne figure dans aucun document du corpus.",
             "must_contain": [], "kind": "unanswerable", "style": style, "page": None, "where": "text", "asks": asks}
            for q, asks, style in out]
