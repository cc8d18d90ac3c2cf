"""Blocks of the middle of a convention: orientations, actions, commitments, steering, duration, clauses."""
from __future__ import annotations

from . import banks
from .model import Block
from .phrases_a import CLOSING, ENGAGE_CAF, ENGAGE_COLL, ENGAGE_OTHER, EVALUATION, FINANCE, GENERAL, PILOTAGE
from .phrases_b import THEMES
from .textgen import NUMBERS, Ctx, fr_date, money
from .world import axes_of


def orientations(ctx: Ctx) -> list[Block]:
    axes = axes_of(ctx.spec.domains)
    titles = [banks.AXES[d] for d in axes]
    out = [ctx.h1("Les orientations stratégiques")]
    out.append(Block("para", f"Au vu du diagnostic, les parties retiennent {NUMBERS[len(axes)]} axes stratégiques :"))
    items = [f"Axe {i} : {t}" for i, t in enumerate(titles, start=1)]
    pick = ctx.rng.sample(titles, 2)
    key = ctx.seed("axes", "objectives", "text", pick, " ; ".join(items),
                   q="Quels sont les axes stratégiques de {ctg} ?",
                   qp="Quelles grandes orientations {ctg} retient-elle ?")
    out.append(Block("bullets", items=items, keys=[key]))
    for i, (dom, title) in enumerate(zip(axes, titles), start=1):
        k = ctx.seed("axis", "objectives", "text", [title], title,
                     q=f"Quel est l'intitulé de l'axe {i} de {{ctg}} ?",
                     qp=f"Que vise l'axe stratégique n° {i} de {{ctg}} ?")
        lead = f"Axe {i} – {title}. "
        out.append(Block("para", lead + ctx.prose(THEMES[dom], 3, opener=False), keys=[k]))
        out += ctx.paras(THEMES[dom], 0.5, (2, 4))
    return out


def plan(ctx: Ctx, annex_label: str) -> list[Block]:
    s = ctx.spec
    n, k = len(s.actions), len(axes_of(s.domains))
    key = ctx.seed("n_actions", "actions", "text", [f"{n} actions"], f"{n} actions",
                   q="Combien d'actions compte le plan d'actions de {ctg} ?",
                   qp="Le plan d'actions de {ctg} comporte combien d'actions ?")
    text = (f"Le plan d'actions comporte {n} actions réparties en {NUMBERS[k]} axes. Il est détaillé en "
            f"{annex_label}, qui précise pour chaque action son pilote, ses partenaires et son échéance.")
    out = [ctx.h1("Le plan d'actions"), Block("para", text, keys=[key])]
    out += ctx.paras(GENERAL, 1)
    return out


def engagements(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    num = ctx.article + 1
    out = [ctx.h1("Les engagements des parties"), Block("h2", f"Engagements de la {s.dep.caf}", label=f"{num}.1")]
    out.append(Block("bullets", items=ctx.rng.sample(ENGAGE_CAF, 5)))
    out += ctx.paras(ENGAGE_CAF, 0.5, (2, 3))
    etp = ctx.rng.choice(["0,5", "0,8", "1", "1,5", "2"])
    unit = "équivalent temps plein" if etp in ("0,5", "0,8", "1") else "équivalents temps plein"
    value = f"{etp} {unit}"
    key = ctx.seed("etp", "figures", "text", [value], value,
                   q="Combien d'équivalents temps plein sont consacrés à la coordination de {ctg} ?",
                   qp="Quels moyens humains (en ETP) la collectivité affecte-t-elle à la coordination de {ctg} ?")
    who = ctx.S[0].upper() + ctx.S[1:]
    out.append(Block("h2", f"Engagements de {ctx.S}", label=f"{num}.2"))
    out.append(Block("para", f"{who} consacre {value} à la coordination de la convention. "
                     + ctx.prose(ENGAGE_COLL, 2, opener=False), keys=[key]))
    out.append(Block("bullets", items=ctx.rng.sample(ENGAGE_COLL, 4)))
    if len(s.parties) > 2:
        out.append(Block("h2", "Engagements des autres signataires", label=f"{num}.3"))
        out += ctx.paras(ENGAGE_OTHER, 1, (2, 4))
    return out


def steering(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    c = s.coordinator
    freq = ctx.rng.choice(["une fois par an", "deux fois par an", "trois fois par an"])
    months = ctx.rng.choice(["deux", "trois", "quatre", "six"])
    job = "coordinatrice de la convention" if c.female else "coordinateur de la convention"
    k1 = ctx.seed("copil", "figures", "text", [freq], f"au moins {freq}",
                  q="À quelle fréquence se réunit le comité de pilotage de {ctg} ?",
                  qp="Combien de fois par an le comité de pilotage de {ctg} se réunit-il ?")
    k2 = ctx.seed("cotech", "figures", "text", [f"tous les {months} mois"], f"tous les {months} mois",
                  q="À quel rythme se réunit le comité technique de {ctg} ?",
                  qp="Tous les combien le comité technique de {ctg} est-il réuni ?")
    k3 = ctx.seed("coordinator", "contact", "text", [c.name], f"{c.full}, {job}",
                  q="Qui assure la coordination de {ctg} ?", qp="Qui est le coordinateur ou la coordinatrice de {ctg} ?")
    k4 = ctx.seed("mail", "contact", "text", [s.contact_mail], s.contact_mail,
                  q="Quelle est l'adresse électronique de la coordination de {ctg} ?",
                  qp="À quelle adresse mail écrire à la coordination de {ctg} ?")
    k5 = ctx.seed("phone", "contact", "text", [s.contact_phone], s.contact_phone,
                  q="Quel est le numéro de téléphone de la coordination de {ctg} ?",
                  qp="Comment joindre par téléphone la personne qui coordonne {ctg} ?")
    out = [ctx.h1("Le pilotage de la convention")]
    out += ctx.paras(PILOTAGE[:2], 1, (2, 2))
    out.append(Block("para", f"Le comité de pilotage se réunit au moins {freq}, à l'initiative de ses "
                     f"coprésidents. " + ctx.prose(PILOTAGE[2:6], 2, opener=False), keys=[k1]))
    out.append(Block("para", f"Le comité technique se réunit tous les {months} mois. "
                     + ctx.prose(PILOTAGE[3:], 2, opener=False), keys=[k2]))
    out.append(Block("para", f"La coordination de la convention est assurée par {c.full}, {job} au sein de "
                     f"{ctx.S}. Elle est joignable au {s.contact_phone} ou par courriel à l'adresse "
                     f"{s.contact_mail}.".replace("Elle est", "Elle est" if c.female else "Il est"),
                     keys=[k3, k4, k5]))
    out += ctx.paras(PILOTAGE, 1)
    return out


def evaluation(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    mid = s.start.year + (s.end.year - s.start.year) // 2
    half = ctx.rng.choice(["premier semestre", "second semestre"])
    when = f"{half} {mid}"
    key = ctx.seed("midterm", "date", "text", [when], f"au cours du {when}",
                   q="Quand est prévu le bilan à mi-parcours de {ctg} ?",
                   qp="À quel moment l'évaluation intermédiaire de {ctg} doit-elle avoir lieu ?")
    out = [ctx.h1("L'évaluation")]
    out += ctx.paras(EVALUATION, 1)
    out.append(Block("para", f"Un bilan à mi-parcours sera présenté au comité de pilotage au cours du {when}. "
                     + ctx.prose(EVALUATION, 2, opener=False), keys=[key]))
    out += ctx.paras(EVALUATION, 0.6)
    return out


def years_of(ctx: Ctx) -> int:
    s = ctx.spec
    return s.end.year - s.start.year + (1 if s.start.month == 1 else 0)


def duration(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    n = years_of(ctx)
    a, b = fr_date(s.start), fr_date(s.end)
    variants = [
        (f"La présente convention est conclue pour une durée de {NUMBERS[n]} ans, du {a} au {b}.", f"{NUMBERS[n]} ans"),
        (f"Elle prend effet le {a} et prend fin le {b}, soit une durée de {NUMBERS[n]} années.", f"{NUMBERS[n]} années"),
        (f"La convention couvre la période du {a} au {b} ({n} ans).", f"{n} ans"),
        (f"La présente convention entre en vigueur à compter du {a}. Elle est conclue pour {NUMBERS[n]} ans, "
         f"jusqu'au {b} inclus.", f"{NUMBERS[n]} ans"),
    ]
    text, dur = ctx.rng.choice(variants)
    initially = "initialement " if s.amended_by else ""
    k1 = ctx.seed("period", "period", "duration", [a, b], f"du {a} au {b}",
                  q=f"Quelle est la période {initially}couverte par {{ctg}} ?",
                  qp=f"Sur quelles dates s'étend {initially}{{ctg}} ?")
    k2 = ctx.seed("duration", "period", "duration", [dur], dur,
                  q=f"Pour quelle durée {{ctg}} a-t-elle été {initially}conclue ?",
                  qp=f"Combien d'années dure {initially}{{ctg}} ?")
    k3 = ctx.seed("end", "date", "duration", [b], b,
                  q=f"Quelle est la date de fin {initially}prévue de {{ctg}} ?",
                  qp=f"Jusqu'à quand {{ctg}} devait-elle {initially}s'appliquer ?")
    tail = " Elle ne peut faire l'objet d'une reconduction tacite. Son renouvellement est préparé " \
           "au cours de la dernière année, sur la base de l'évaluation finale."
    return [ctx.h1("Durée de la convention"), Block("para", text + tail, keys=[k1, k2, k3])]


def finances(ctx: Ctx, annex_label: str) -> list[Block]:
    total = sum(ctx.spec.bonus.values())
    key = ctx.seed("bonus_total", "figures", "text", [money(total)], money(total),
                   q="Quel est le montant total prévisionnel des bonus territoire sur la durée de {ctg} ?",
                   qp="Combien représentent au total les bonus territoire prévus par {ctg} ?")
    text = (f"Sur la durée de la convention, le montant prévisionnel des bonus territoire s'élève à "
            f"{money(total)}, dont le détail annuel figure en {annex_label}.")
    return [ctx.h1("Les financements"), Block("para", text, keys=[key])] + ctx.paras(FINANCE, 1.5)


def clauses(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    key = ctx.seed("court", "territory", "text", [f"tribunal administratif de {s.dep.court}"],
                   f"le tribunal administratif de {s.dep.court}",
                   q="Quel tribunal est compétent en cas de litige sur {ctg} ?",
                   qp="Devant quelle juridiction porter un différend relatif à {ctg} ?")
    out = [ctx.h1("Communication"), Block("para", ctx.prose(CLOSING[5:], 2))]
    out += [ctx.h1("Révision"), Block("para", CLOSING[0] + " " + ctx.prose(GENERAL, 1, opener=False))]
    out += [ctx.h1("Résiliation"), Block("para", CLOSING[1] + " " + CLOSING[2])]
    out += [ctx.h1("Règlement des litiges"),
            Block("para", CLOSING[3] + f" À défaut d'accord, le litige est porté devant le tribunal "
                  f"administratif de {s.dep.court}.", keys=[key])]
    out += [ctx.h1("Protection des données"), Block("para", CLOSING[4])]
    return out
