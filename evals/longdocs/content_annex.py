"""Blocks of the end of a convention: annex list, signature page and the annexes with their tables."""
from __future__ import annotations

from . import banks
from .model import Action, Block, Signatory
from .names import de
from .phrases_b import FICHE_PARTS, FICHE_STEPS, THEMES
from .textgen import NUMBERS, Ctx, fr_date, fr_num, money
from .world import axes_of

ANNEX_TITLES = {
    "diag": "Diagnostic partagé : chiffres clés", "plan": "Plan d'actions", "fiches": "Fiches actions",
    "bonus": "Financements prévisionnels de la Caf", "communes": "Liste des communes membres",
    "equip": "Équipements et services aux familles",
}
ORDERS = [["diag", "plan", "fiches", "bonus", "communes", "equip"],
          ["plan", "fiches", "diag", "communes", "equip", "bonus"],
          ["communes", "diag", "plan", "fiches", "equip", "bonus"]]


def annex_order(ctx: Ctx) -> list[str]:
    return ctx.rng.choice(ORDERS)


def annex_title(ctx: Ctx, kind: str) -> str:
    if kind == "communes" and ctx.spec.territory.kind == "commune":
        return "Population par quartier"
    if kind == "fiches" and ctx.spec.target_pages < 30:
        return "Fiches des actions prioritaires"
    return ANNEX_TITLES[kind]


def annex_list(ctx: Ctx, order: list[str]) -> list[Block]:
    sep = ctx.rng.choice([" : ", " – "])
    items = [f"Annexe {i}{sep}{annex_title(ctx, k)}" for i, k in enumerate(order, start=1)]
    plan_item = items[order.index("plan")]
    k1 = ctx.seed("annex_plan", "actions", "annex_list", [plan_item], plan_item.split(sep)[0],
                  q="Dans quelle annexe de {ctg} se trouve le plan d'actions ?",
                  qp="Où trouver le tableau du plan d'actions dans {ctg} ?")
    k2 = ctx.seed("annex_count", "figures", "annex_list", [items[-1]], f"{NUMBERS[len(items)]} annexes",
                  q="Combien d'annexes comporte {ctg} ?", qp="Quelles sont les annexes jointes à {ctg} ?")
    intro = "La présente convention comprend les annexes suivantes, qui en font partie intégrante :"
    return [ctx.h1("Annexes"), Block("para", intro), Block("bullets", items=items, keys=[k1, k2])]


def _sig_lines(g: Signatory, caps: bool) -> list[str]:
    art = "La" if g.person.female else "Le"
    org = g.organisation
    pour = "Pour le " if org.startswith("Département") else "Pour la "
    last = g.person.last.upper() if caps else g.person.last
    return [pour + org + ",", f"{art} {g.role},", f"{g.person.first} {last}"]


def _signer_question(ctx: Ctx, org: str) -> tuple[str, str]:
    s, t = ctx.spec, ctx.spec.territory
    if org == s.dep.caf_full:
        return "Qui a signé {ctg} pour la Caf ?", "Quelle personne a signé {ctg} au nom de la Caisse d'allocations familiales ?"
    if org == t.name:
        return "Qui a signé {ctg} au nom de la collectivité ?", "Quel élu a apposé sa signature sur {ctg} pour la collectivité ?"
    if org.startswith("Département"):
        return "Qui signe {ctg} pour le Département ?", "Le Département est-il signataire de {ctg}, et par qui ?"
    if org.startswith("MSA"):
        return "Qui représente la MSA parmi les signataires de {ctg} ?", "Quelle personne signe {ctg} pour la MSA ?"
    name = org.replace("Commune ", "", 1)
    return (f"Quel maire a signé {{ctg}} pour la commune {name} ?",
            f"Qui a signé {{ctg}} au titre de la commune {name} ?")


def signature(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    date, n = fr_date(s.signed_on), NUMBERS[s.copies]
    text = ctx.rng.choice([f"Fait à {s.sign_city}, le {date}, en {n} exemplaires originaux.",
                           f"Fait en {n} exemplaires originaux, à {s.sign_city}, le {date}."])
    keys = [ctx.seed("sign_date", "date", "signature", [date], date,
                     q="Quand {ctg} a-t-elle été signée ?", qp="À quelle date les parties ont-elles signé {ctg} ?"),
            ctx.seed("sign_place", "date", "signature", [s.sign_city, date], f"à {s.sign_city}, le {date}",
                     q="Où et quand {ctg} a-t-elle été signée ?", qp="Dans quelle ville a eu lieu la signature de {ctg} ?"),
            ctx.seed("copies", "figures", "signature", [f"{n} exemplaires"], f"en {n} exemplaires originaux",
                     q="En combien d'exemplaires {ctg} a-t-elle été signée ?",
                     qp="Combien d'exemplaires originaux de {ctg} ont été établis ?")]
    out = [Block("pagebreak"), Block("para", text, keys=keys)]
    caps = ctx.rng.random() < 0.5
    by_org: dict[str, list[Signatory]] = {}
    for g in s.signatories:
        by_org.setdefault(g.organisation, []).append(g)
    rows, row_keys = [], []
    for org, sigs in by_org.items():
        q, qp = _signer_question(ctx, org)
        key = ctx.seed("signer", "signatories", "signature", [g.person.last for g in sigs][:3],
                       " ; ".join(f"{g.person.full}, {g.role}" for g in sigs), q=q, qp=qp)
        for g in sigs:
            rows.append(_sig_lines(g, caps))
            row_keys.append([key] if g is sigs[0] else [])
    out.append(Block("sig", rows=rows, row_keys=row_keys))
    if s.present:
        key = ctx.seed("present", "signatories", "signature", [g.person.last for g in s.present],
                       " ; ".join(f"{g.person.full}, {g.role}" for g in s.present),
                       q="Qui était présent à la signature de {ctg} sans en être signataire ?",
                       qp="En présence de quelles personnalités {ctg} a-t-elle été signée ?")
        out.append(Block("para", "En présence de :"))
        out.append(Block("bullets", items=[f"{g.person.full}, {g.role}" for g in s.present], keys=[key]))
    return out


def diag_table(ctx: Ctx) -> Block:
    s, rng = ctx.spec, ctx.rng
    rows = [["Indicateur", s.territory.short, f"Département {s.dep.prep}"]]
    keys: list[list[str]] = [[]]
    for label, fmt, (lo, hi) in rng.sample(banks.DIAGNOSTIC, rng.randint(11, 15)):
        if fmt == "pct":
            a, b = rng.uniform(lo, hi), rng.uniform(lo, hi)
            va, vb = f"{a:.1f} %".replace(".", ","), f"{b:.1f} %".replace(".", ",")
        else:
            va, vb = fr_num(rng.randint(lo, hi)), fr_num(rng.randint(lo, hi) * rng.randint(6, 14))
        if va == vb:
            continue
        rows.append([label, va, vb])
        keys.append([ctx.seed("diag_table", "table", "table", [va], va,
                              q=f"Quelle valeur le diagnostic de {{ctg}} donne-t-il pour « {label} » sur le territoire ?",
                              qp=f"Pour {{T}}, que vaut l'indicateur « {label.lower()} » dans les chiffres clés de la CTG ?")])
    return Block("table", rows=rows, row_keys=keys, widths=[3, 1, 1])


def plan_table(ctx: Ctx, actions: list[Action]) -> Block:
    rows = [["N°", "Action", "Pilote", "Partenaires", "Échéance"]]
    keys: list[list[str]] = [[]]
    axes = axes_of(ctx.spec.domains)
    for a in actions:
        axis = int(a.num.split(".")[0])
        if a.num.endswith(".1") and axis <= len(axes):
            rows.append([f"Axe {axis} – {banks.AXES[axes[axis - 1]]}", "", "", "", ""])
            keys.append([])
        kp = ctx.seed("pilot", "table", "table", [a.pilot], a.pilot,
                      q=f"Quel est le pilote de l'action {a.num} {{aT}} ?",
                      qp=f"Qui pilote l'action « {a.title} » prévue par {{ctg}} ?")
        kd = ctx.seed("deadline", "table", "table", [a.deadline], a.deadline,
                      q=f"Quelle est l'échéance de l'action {a.num} de {{ctg}} ?",
                      qp=f"Pour quand l'action « {a.title} » {{dT}} est-elle programmée ?")
        kpa = ctx.seed("partners", "table", "table", [a.partners], a.partners,
                       q=f"Quels partenaires sont associés à l'action {a.num} de {{ctg}} ?",
                       qp=f"Avec quels partenaires l'action « {a.title} » {{dT}} est-elle conduite ?")
        rows.append([a.num, f"{a.title}\nIndicateur : {a.indicator}", a.pilot, a.partners, a.deadline])
        keys.append([kp, kd, kpa])
    return Block("table", rows=rows, row_keys=keys, widths=[0.5, 3, 1.4, 1.4, 0.8])


def fiche(ctx: Ctx, a: Action, domain: str) -> list[Block]:
    rng = ctx.rng
    kb = ctx.seed("budget", "figures", "text", [money(a.budget)], money(a.budget),
                  q=f"Quel est le budget prévisionnel de l'action {a.num} de {{ctg}} ?",
                  qp=f"Combien coûte l'action « {a.title} » {{dT}} ?")
    kpub = ctx.seed("public", "actions", "text", [a.public], a.public,
                    q=f"Quel public vise l'action {a.num} de {{ctg}} ?",
                    qp=f"À qui s'adresse l'action « {a.title} » {{dT}} ?")
    out = [Block("h2", f"Fiche action {a.num} – {a.title}")]
    constat = ctx.paras(THEMES[domain], 0.6, (2, 4), scale=False)
    constat[0].label = FICHE_PARTS[0] + " :"
    out += constat
    out.append(Block("para", "", label=FICHE_PARTS[1] + " :"))
    out.append(Block("bullets", items=[s[0].upper() + s[1:] for s in rng.sample(FICHE_STEPS, 3)]))
    out.append(Block("para", f"Les {a.public}, en priorité sur la commune de {a.place}.",
                     label=FICHE_PARTS[2] + " :", keys=[kpub]))
    steps = ctx.paras(THEMES[domain], 0.5, (2, 3), scale=False)
    steps[0].label = FICHE_PARTS[3] + " :"
    if ctx.spec.volume > 2:  # long sheets: a dated step keeps a fact on every page
        ctx.event(steps[-1])
    out += steps
    out.append(Block("para", f"Le budget prévisionnel de l'action est estimé à {money(a.budget)} sur la durée "
                     f"de la convention.", label=FICHE_PARTS[4] + " :", keys=[kb]))
    ki = ctx.seed("indicator", "actions", "text", [a.indicator], a.indicator,
                  q=f"Quel indicateur d'évaluation est retenu pour l'action {a.num} de {{ctg}} ?",
                  qp=f"Comment mesure-t-on les résultats de l'action « {a.title} » {{dT}} ?", num=a.num)
    out.append(Block("para", f"{a.indicator[0].upper()}{a.indicator[1:]} ; nombre de réunions du groupe de travail.",
                     label=FICHE_PARTS[5] + " :", keys=[ki]))
    if ctx.spec.target_pages >= 40:
        out.append(Block("para", "", label="Calendrier prévisionnel :"))
        steps = rng.sample(FICHE_STEPS, 3)
        years = [str(y) for y in range(ctx.spec.start.year, ctx.spec.end.year + 1)]
        rows = [["Étape", "Période"]] + [[x[0].upper() + x[1:], f"{h} {y}"] for x, h, y in zip(
            steps, ["1er semestre", "2d semestre", "1er semestre"], sorted(rng.sample(years, 3)))]
        keys = [[]] + [[ctx.seed("step", "table", "table", [when], when,
                                 q=f"Quand est prévue l'étape « {step.lower()} » de l'action {a.num} de {{ctg}} ?",
                                 qp=f"Pour l'action {a.num} {{dT}}, à quelle période est prévue l'étape "
                                    f"« {step.lower()} » ?")] for step, when in rows[1:]]
        out.append(Block("table", rows=rows, row_keys=keys, widths=[3, 1]))
    return out


def bonus_table(ctx: Ctx) -> Block:
    s = ctx.spec
    rows = [["Année", "Bonus territoire CTG", "Prestations de service"]]
    keys: list[list[str]] = [[]]
    for y, amount in s.bonus.items():
        ps = amount * ctx.rng.randint(3, 6) + ctx.rng.randrange(0, 9000, 10)
        rows.append([str(y), money(amount), money(ps)])
        keys.append([ctx.seed("bonus", "table", "table", [money(amount)], money(amount),
                              q=f"Quel montant de bonus territoire est prévu en {y} {{aT}} ?",
                              qp=f"Combien la Caf prévoit-elle de verser en bonus territoire CTG en {y} pour {{T}} ?")])
    rows.append(["Total", money(sum(s.bonus.values())), ""])
    keys.append([])
    return Block("table", rows=rows, row_keys=keys, widths=[1, 1.5, 1.5])


def communes_table(ctx: Ctx) -> Block:
    t = ctx.spec.territory
    quarter = t.kind == "commune"
    rows = [["Quartier" if quarter else "Commune", "Population municipale"]]
    keys: list[list[str]] = [[]]
    for c in sorted(t.communes, key=lambda c: c.name):
        q = (f"Combien d'habitants compte le quartier {c.name} de {{T}} ?" if quarter
             else f"Combien d'habitants compte {c.name} ({{T}}) selon la CTG ?")
        qp = (f"Quelle est la population du quartier {c.name} d'après {{ctg}} ?" if quarter
              else f"Quelle population la CTG {{dT}} indique-t-elle pour la commune {de(c.name)} ?")
        rows.append([c.name, fr_num(c.population)])
        keys.append([ctx.seed("commune_pop", "table", "table", [fr_num(c.population)], fr_num(c.population), q=q, qp=qp)])
    return Block("table", rows=rows, row_keys=keys, widths=[2, 1])


def equip_table(ctx: Ctx) -> Block:
    rows = [["Équipement", "Commune", "Capacité", "Gestionnaire"]]
    keys: list[list[str]] = [[]]
    for e in ctx.spec.equipments:
        kc = ctx.seed("equip_cap", "table", "table", [e.capacity], e.capacity,
                      q=f"Quelle est la capacité de l'équipement « {e.name} » selon {{ctg}} ?",
                      qp=f"Combien de places ou d'usagers compte « {e.name} » {{aT}} ?")
        km = ctx.seed("equip_manager", "table", "table", [e.manager], e.manager,
                      q=f"Qui gère l'équipement « {e.name} » mentionné dans {{ctg}} ?",
                      qp=f"Quel est le gestionnaire de « {e.name} » {{aT}} ?")
        rows.append([e.name, e.commune, e.capacity, e.manager])
        keys.append([kc, km])
    return Block("table", rows=rows, row_keys=keys, widths=[2.2, 1.4, 1, 1.6])


def fiche_actions(ctx: Ctx) -> list[Action]:
    """Short conventions detail only their priority actions (the first two of each axis)."""
    acts = ctx.spec.actions
    if ctx.spec.target_pages >= 30:
        return acts
    return [a for a in acts if int(a.num.split(".")[1]) <= 2]


def annexes(ctx: Ctx, order: list[str]) -> list[Block]:
    s = ctx.spec
    axes = axes_of(s.domains)
    out: list[Block] = []
    for i, kind in enumerate(order, start=1):
        out += [Block("pagebreak"), Block("h1", annex_title(ctx, kind), label=f"Annexe {i}")]
        if kind == "fiches":
            for a in fiche_actions(ctx):
                out += fiche(ctx, a, axes[int(a.num.split(".")[0]) - 1])
            continue
        out.append(Block("para", ctx.prose(THEMES[ctx.rng.choice(s.domains)], 2, opener=False)))
        out.append(Block("para", "Sources : données Caf, Insee et services de la collectivité." if kind == "diag"
                         else "Les éléments du tableau ci-dessous sont actualisés chaque année en comité de pilotage."))
        out.append({"diag": diag_table, "bonus": bonus_table, "communes": communes_table,
                    "equip": equip_table}.get(kind, lambda c: plan_table(c, s.actions))(ctx))
    return out
