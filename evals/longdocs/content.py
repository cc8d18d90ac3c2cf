"""Assembles the logical blocks and seeds of a convention or of an avenant."""
from __future__ import annotations

import random

from .content_annex import annex_list, annex_order, annexes, signature
from .content_body import clauses, duration, engagements, evaluation, finances, orientations, plan, steering
from .content_front import cover, diagnostic, domains, objet, parties, preamble, visas
from .model import Block, DocSpec, Seed
from .phrases_a import GENERAL
from .textgen import Ctx, format_heading, fr_date, money

PARTS = ["Titre I – Le cadre de la convention", "Titre II – Le projet social de territoire",
         "Titre III – La mise en œuvre", "Titre IV – Dispositions générales"]


def convention_blocks(spec: DocSpec, rng: random.Random) -> tuple[list[Block], list[Seed]]:
    """The whole convention in reading order, with the seeds of its facts."""
    ctx = Ctx(spec, rng)
    order = annex_order(ctx)

    def label(kind: str) -> str:
        return f"l'annexe {order.index(kind) + 1}"
    use_parts = spec.style.heading in ("article_dash", "article_caps")

    def part(i: int) -> list[Block]:
        return [Block("part", PARTS[i])] if use_parts else []
    two = spec.style.two_columns
    b = cover(ctx) + parties(ctx) + visas(ctx)
    b += [Block("columns")] if two else []
    b += preamble(ctx) + part(0) + objet(ctx) + domains(ctx) + part(1) + diagnostic(ctx)
    b += [Block("single")] if two else []
    b += orientations(ctx) + plan(ctx, label("plan")) + part(2)
    b += engagements(ctx) + steering(ctx) + evaluation(ctx) + finances(ctx, label("bonus"))
    b += part(3) + duration(ctx) + clauses(ctx) + annex_list(ctx, order)
    b += signature(ctx) + annexes(ctx, order)
    _toc_seed(ctx, b)
    _answered_twice(ctx, b)
    return b, ctx.seeds


def _toc_seed(ctx: Ctx, blocks: list[Block]) -> None:
    """A question answered by the table of contents (and by the article itself)."""
    toc = next(x for x in blocks if x.kind == "toc")
    target = next(x for x in blocks if x.kind == "h1" and x.text == "Le pilotage de la convention")
    line = format_heading(ctx.spec.style.heading, target).replace("\n", " – ")
    key = ctx.seed("toc", "actions", "text", [line], line,
                   q="Quel article de {ctg} est consacré au pilotage de la convention ?",
                   qp="Dans quel article de {ctg} trouve-t-on les règles de pilotage ?")
    toc.keys.append(key)
    target.keys.append(key)  # the article's own heading answers too


def _answered_twice(ctx: Ctx, blocks: list[Block]) -> None:
    """Facts the document states in two places: both pages answer."""
    # the plan's row states an action's indicator too ("Indicateur : …" under its title)
    for seed in (s for s in ctx.seeds if s.qtype == "indicator"):
        for table in (x for x in blocks if x.kind == "table" and x.row_keys):
            for row, keys in zip(table.rows, table.row_keys):
                if row and row[0] == seed.slots.get("num"):
                    keys.append(seed.key)
    plan = next(s for s in ctx.seeds if s.qtype == "annex_plan")
    annex = next(x for x in blocks if x.kind == "h1" and x.label == plan.answer)
    annex.keys.append(plan.key)  # the plan annex itself, as well as the annex list


_AVENANT_Q = {
    "sign_date": ("Quand l'avenant à {ctg} a-t-il été signé ?", "À quelle date l'avenant n° 1 à {ctg} a-t-il été signé ?"),
    "sign_place": ("Où et quand l'avenant à {ctg} a-t-il été signé ?", "Dans quelle ville l'avenant à {ctg} a-t-il été signé ?"),
    "signer": ("Qui a signé l'avenant à {ctg} pour cette partie ?", ""),
}


def _avenant_signature(ctx: Ctx) -> list[Block]:
    """The signature page, with questions about the avenant rather than the convention."""
    start = len(ctx.seeds)
    blocks = signature(ctx)
    kept = []
    for seed in ctx.seeds[start:]:
        if seed.qtype in ("sign_date", "sign_place"):
            seed.slots["q"], seed.slots["qp"] = _AVENANT_Q[seed.qtype]
            kept.append(seed)
        elif seed.qtype == "signer" and seed.slots["q"].startswith("Qui a signé {ctg} pour la Caf"):
            seed.slots["q"] = "Qui a signé l'avenant à {ctg} pour la Caf ?"
            seed.slots["qp"] = "Au nom de la Caf, qui a signé l'avenant n° 1 à {ctg} ?"
            kept.append(seed)
    dropped = {s.key for s in ctx.seeds[start:]} - {s.key for s in kept}
    ctx.seeds[start:] = kept
    for b in blocks:
        b.keys = [k for k in b.keys if k not in dropped]
        b.row_keys = [[k for k in ks if k not in dropped] for ks in b.row_keys]
    return blocks


def avenant_blocks(spec: DocSpec, rng: random.Random) -> tuple[list[Block], list[Seed]]:
    """A short amendment: parties, visas, preamble, three articles, a table and the signatures."""
    ctx = Ctx(spec, rng)
    base = spec.base
    assert base is not None
    t = spec.territory
    conv = f"la convention territoriale globale {base.start.year}-{base.end.year} {ctx.slots['dS']}"
    signed = fr_date(base.signed_on)
    blocks = [Block("title", f"Avenant n° 1 à la convention territoriale globale {t.name} "
                             f"{base.start.year}-{base.end.year}")]
    n_seeds = len(ctx.seeds)
    blocks += parties(ctx)
    ctx.seeds[n_seeds:] = []
    for b in blocks:
        b.keys = []
    k_base = ctx.seed("av_base_date", "date", "text", [signed], signed,
                      q="À quelle date avait été signée la convention modifiée par l'avenant à {ctg} ?",
                      qp="Quand la convention initiale que modifie l'avenant à {ctg} a-t-elle été signée ?")
    blocks.append(Block("bullets", keys=[k_base], items=[
        f"Vu {conv}, signée le {signed} entre la {spec.dep.caf} et {ctx.S} ;",
        f"Vu la délibération du conseil d'administration de la {spec.dep.caf} du {fr_date(spec.caf_board)} ;",
        "Vu le bilan présenté au comité de pilotage de la convention ;"]))
    blocks += [Block("h1", "Préambule", label=""), Block("para", (
        f"Les parties ont signé le {signed} {conv}, conclue pour la période du {fr_date(base.start)} au "
        f"{fr_date(base.end)}. Le bilan intermédiaire a mis en évidence la nécessité de prolonger la démarche "
        f"afin de conduire à leur terme les actions engagées et de préparer dans de bonnes conditions le "
        f"renouvellement du projet social de territoire.")), Block("para", _domains_reminder(spec)),
        Block("para", ctx.prose(GENERAL, 4))]
    blocks += _avenant_articles(ctx, conv, signed)
    blocks += _avenant_signature(ctx)
    return blocks, ctx.seeds


def _domains_reminder(spec: DocSpec) -> str:
    """The avenant recalls the fields of the convention, and the field it adds, if any."""
    base = spec.base
    assert base is not None
    old = [d for d in spec.domains if d in base.domains]
    text = "Pour mémoire, la convention couvre les champs d'intervention suivants : " + ", ".join(old) + "."
    added = [d for d in spec.domains if d not in base.domains]
    if added:
        text += f" Le présent avenant l'étend au champ suivant : {added[0]}."
    return text


def _avenant_articles(ctx: Ctx, conv: str, signed: str) -> list[Block]:
    spec = ctx.spec
    new_end = fr_date(spec.end)
    k_end = ctx.seed("av_end", "date", "duration", [new_end], new_end,
                     q="Jusqu'à quand court {ctg} ?", qp="Quelle est la date de fin de {ctg}, avenant compris ?")
    k_ext = ctx.seed("av_ext", "period", "duration", [new_end], f"jusqu'au {new_end}",
                     q="{ctg} a-t-elle été prolongée, et jusqu'à quand ?",
                     qp="La durée de {ctg} a-t-elle été modifiée par avenant ?")
    out = [ctx.h1("Objet de l'avenant"), Block("para", (
        f"Le présent avenant a pour objet de modifier la durée de {conv}, signée le {signed}, et de "
        f"compléter son plan d'actions."))]
    out += [ctx.h1("Modification de la durée"), Block("para", (
        f"La durée de la convention est prolongée jusqu'au {new_end}. Les instances de pilotage prévues par "
        f"la convention poursuivent leurs travaux jusqu'à cette date."), keys=[k_end, k_ext])]
    rows, row_keys = [["N°", "Action", "Pilote", "Échéance"]], [[]]
    items, item_keys = [], []
    for a in spec.new_actions:
        item_keys.append(ctx.seed("av_action", "actions", "text", [a.title], a.title,
                                  q="Quelle action l'avenant ajoute-t-il au plan d'actions de {ctg} ?",
                                  qp="Quelle nouvelle action a été ajoutée par avenant à {ctg} ?"))
        k2 = ctx.seed("av_pilot", "table", "table", [a.pilot], a.pilot,
                      q=f"Qui pilote l'action {a.num} ajoutée par avenant à {{ctg}} ?",
                      qp=f"Quel est le pilote de la nouvelle action « {a.title} » {{dT}} ?")
        items.append(f"Action {a.num} – {a.title}")
        rows.append([a.num, a.title, a.pilot, a.deadline])
        row_keys.append([k2])
    budget = sum(a.budget for a in spec.new_actions)
    k3 = ctx.seed("av_budget", "figures", "text", [money(budget)], money(budget),
                  q="Quel budget est prévu pour les actions ajoutées par l'avenant à {ctg} ?",
                  qp="Combien coûtent les nouvelles actions de l'avenant à {ctg} ?")
    out += [ctx.h1("Compléments au plan d'actions"), Block("para", (
        f"Le plan d'actions de la convention est complété par les actions suivantes, pour un budget "
        f"prévisionnel de {money(budget)} :"), keys=[k3]), Block("bullets", items=items, keys=item_keys),
        Block("para", "Leurs modalités de mise en œuvre sont précisées dans le tableau ci-dessous."),
        Block("table", rows=rows, row_keys=row_keys, widths=[0.5, 3, 1.4, 0.8])]
    out += [ctx.h1("Autres dispositions"), Block("para", (
        "Les autres dispositions de la convention demeurent inchangées. Le présent avenant prend effet à "
        "compter de sa signature par l'ensemble des parties."))]
    return out
