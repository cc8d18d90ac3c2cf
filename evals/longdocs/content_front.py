"""Blocks of the first part of a convention: cover, parties, visas, preamble, object, domains, diagnostic.

Question templates stored in seeds use {ctg} ("la CTG du Val de Vionne"), {T} (the territory),
{dT} ("du Val de Vionne") and {aT} ("au Val de Vionne"); questions.py fills them.
"""
from __future__ import annotations

from . import banks
from .model import Block, Signatory
from .names import de
from .phrases_a import GENERAL
from .phrases_b import THEMES
from .phrases_c import ENJEUX, TRANSVERSAL
from .textgen import Ctx, fr_date, fr_num


def cover(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    period = f"{s.start.year} – {s.end.year}"
    lines = [s.title, "de services aux familles", s.territory.name, period, "Entre", *s.parties]
    initially = "initialement " if s.amended_by else ""
    key = ctx.seed("cover_years", "period", "text", [period], period,
                   q="Quelles années figurent sur la page de titre de {ctg} ?",
                   qp=f"Sur quelle période pluriannuelle porte {initially}{{ctg}}, d'après sa page de titre ?")
    return [Block("cover", items=lines, keys=[key]), Block("toc")]


def _possessive(sig: Signatory) -> str:
    if sig.role == "maire":
        return "maire"
    return ("sa " if sig.person.female else "son ") + sig.role


def _party_para(ctx: Ctx, org: str, sigs: list[Signatory]) -> Block:
    s, t = ctx.spec, ctx.spec.territory
    reps = " et par ".join(f"{g.person.full}, {_possessive(g)}" for g in sigs)
    art = "Le " if org.startswith("Département") else "La "
    text = f"{art}{org}, représenté{'e' if art == 'La ' else ''} par {reps}"
    keys = []
    if org == s.dep.caf_full:
        text += f", dont le siège est situé à {s.dep.city}, ci-après dénommée « la Caf »,"
        g = sigs[-1]
        keys.append(ctx.seed("rep_caf", "signatories", "parties", [g.person.name], f"{g.person.full}, {g.role} de la {s.dep.caf}",
                             q="Qui représente la Caf dans {ctg} ?", qp="Au nom de la Caf, qui est partie à {ctg} ?"))
    elif org == t.name:
        g = sigs[0]
        council = "conseil municipal" if t.kind == "commune" else "conseil communautaire"
        agree = "e" if g.person.female else ""
        alias = "la Commune" if t.kind == "commune" else "la Communauté"
        text += (f", dûment autorisé{agree} par délibération du {council} du {fr_date(s.deliberation)}, "
                 f"ci-après dénommée « {alias} »,")
        keys.append(ctx.seed("rep_terr", "signatories", "parties", [g.person.name], f"{g.person.full}, {g.role}",
                             q="Par qui {T} est-elle représentée dans {ctg} ?",
                             qp="Quel élu représente {T} dans la convention territoriale globale ?"))
        keys.append(ctx.seed("delib", "date", "parties", [fr_date(s.deliberation)], fr_date(s.deliberation),
                             q=f"À quelle date le {council} a-t-il autorisé la signature de {{ctg}} ?",
                             qp=f"Quand date la délibération du {council} qui autorise la signature de {{ctg}} ?"))
    else:
        text += ","
    return Block("para", text, keys=keys)


def parties(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    by_org: dict[str, list[Signatory]] = {}
    for g in s.signatories:
        by_org.setdefault(g.organisation, []).append(g)
    out = [Block("h1", "Entre les soussignés", label=""), Block("para", "Entre :")]
    for i, (org, sigs) in enumerate(by_org.items()):
        if i == 1:
            out.append(Block("para", "Et :"))
        out.append(_party_para(ctx, org, sigs))
    others = [p for p in s.parties if p != s.dep.caf_full]
    key = ctx.seed("parties", "signatories", "parties", [p for p in others][:3], " ; ".join(s.parties),
                   q="Quelles sont les parties à {ctg} ?", qp="Entre quelles structures {ctg} est-elle conclue ?")
    out.append(Block("para", "ci-après désignées ensemble « les parties ». Il a été convenu ce qui suit.", keys=[key]))
    return out


def visas(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    council = "conseil municipal" if s.territory.kind == "commune" else "conseil communautaire"
    key = ctx.seed("board", "date", "text", [fr_date(s.caf_board)], fr_date(s.caf_board),
                   q="À quelle date le conseil d'administration de la Caf a-t-il délibéré sur {ctg} ?",
                   qp="Quand la Caf a-t-elle approuvé en conseil d'administration {ctg} ?")
    items = [
        "Vu le code de la sécurité sociale, et notamment son article L. 263-1 ;",
        "Vu la convention d'objectifs et de gestion conclue entre l'État et la Caisse nationale des "
        "allocations familiales pour la période 2023-2027 ;",
        f"Vu la délibération du conseil d'administration de la {s.dep.caf} en date du {fr_date(s.caf_board)} ;",
        f"Vu la délibération du {council} en date du {fr_date(s.deliberation)} ;",
        f"Vu le schéma départemental des services aux familles {s.dep.prep} ;",
    ]
    return [Block("bullets", items=items, keys=[key])]


def _territory_para(ctx: Ctx) -> Block:
    s, t = ctx.spec, ctx.spec.territory
    pop = fr_num(t.population)
    if t.kind == "commune":
        text = (f"{t.name} compte {pop} habitants, répartis entre {len(t.communes)} quartiers aux profils "
                f"contrastés. Le centre-ville concentre l'essentiel des commerces et des services publics.")
        k1 = ctx.seed("n_units", "territory", "text", [f"{len(t.communes)} quartiers"], f"{len(t.communes)} quartiers",
                      q="Combien de quartiers compte la commune selon {ctg} ?",
                      qp="En combien de quartiers se découpe {T} d'après sa convention territoriale globale ?")
    else:
        text = (f"{t.name} regroupe {len(t.communes)} communes et compte {pop} habitants. Son siège est "
                f"fixé à {t.seat}, bourg-centre qui concentre l'essentiel des services.")
        k1 = ctx.seed("n_units", "territory", "text", [f"{len(t.communes)} communes"], f"{len(t.communes)} communes",
                      q="Combien de communes regroupe {T} selon sa CTG ?",
                      qp="Quel est le nombre de communes membres de {T} ?")
    k2 = ctx.seed("population", "figures", "text", [pop], f"{pop} habitants",
                  q="Quelle est la population de {T} indiquée dans {ctg} ?",
                  qp="Combien d'habitants vivent sur le territoire de {T} d'après la convention ?")
    keys = [k1, k2]
    if t.kind != "commune":
        keys.append(ctx.seed("seat", "territory", "text", [t.seat], t.seat,
                             q="Où se trouve le siège de {T} ?", qp="Quelle commune accueille le siège de {T} ?"))
    return Block("para", text + " " + ctx.prose(GENERAL[15:], 2, opener=False), keys=keys)


def preamble(ctx: Ctx) -> list[Block]:
    out = [Block("h1", "Préambule", label="")]
    out += ctx.paras(GENERAL[:15], 2)
    out.append(_territory_para(ctx))
    out += ctx.paras(GENERAL, 1.5)
    return out


def objet(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    text = (f"La présente convention a pour objet de définir le projet stratégique global du territoire "
            f"{de(ctx.S)} ainsi que ses modalités de mise en œuvre, dans le cadre d'un partenariat entre "
            f"la {s.dep.caf} et {ctx.S}.")
    return [ctx.h1("Objet de la convention"), Block("para", text)] + ctx.paras(GENERAL, 1.5)


def domains(ctx: Ctx) -> list[Block]:
    s = ctx.spec
    extras = [d for d in s.domains if d not in banks.DOMAINS_CORE] or s.domains
    must = ctx.rng.sample(extras, min(2, len(extras)))
    key = ctx.seed("domains", "domains", "text", must, ", ".join(s.domains),
                   q="Quels sont les champs d'intervention couverts par {ctg} ?",
                   qp="Sur quels domaines porte {ctg} ?")
    items = [d[0].upper() + d[1:] + (f" : {banks.AXES[d][0].lower()}{banks.AXES[d][1:]}" if d in banks.AXES
                                     and ctx.rng.random() < 0.5 else "") for d in s.domains]
    intro = "Les parties conviennent d'agir conjointement dans les champs d'intervention suivants :"
    return [ctx.h1("Les champs d'intervention"), Block("para", intro), Block("bullets", items=items, keys=[key])] \
        + ctx.paras(GENERAL, 1)


DIAG_FACTS = {
    "petite enfance": ("Au 1er septembre {y}, la liste d'attente du multi-accueil de {seat} comptait {n} demandes "
                       "non satisfaites.", "demandes", (12, 75),
                       "Combien de demandes étaient en liste d'attente au multi-accueil de {seat} d'après le diagnostic de {ctg} ?",
        "Quelle est la longueur de la liste d'attente du multi-accueil de {seat} mentionnée dans {ctg} ?"),
    "enfance": ("Les accueils de loisirs ont reçu {n} enfants différents au cours de l'été {y}.", "enfants", (90, 900),
                "Combien d'enfants différents les accueils de loisirs ont-ils reçus pendant l'été {y} selon {ctg} ?",
        "Selon {ctg}, quelle a été la fréquentation des accueils de loisirs à l'été {y} ?"),
    "jeunesse": ("Au total, {n} jeunes ont répondu au questionnaire diffusé dans les collèges en {y}.", "jeunes",
                 (60, 700), "Combien de jeunes ont répondu au questionnaire du diagnostic de {ctg} ?",
        "Combien de réponses de jeunes le questionnaire des collèges a-t-il recueillies pour {ctg} ?"),
    "parentalité": ("{n} parents ont participé aux ateliers de diagnostic organisés en {y}.", "parents", (25, 240),
                    "Combien de parents ont pris part aux ateliers de diagnostic de {ctg} ?",
        "Quel a été le nombre de parents présents aux ateliers du diagnostic de {ctg} ?"),
    "accès aux droits": ("L'espace France services de {c} a enregistré {n} demandes d'accompagnement en {y}.",
                         "demandes", (400, 6000), "Combien de demandes l'espace France services de {c} a-t-il enregistrées en {y} selon {ctg} ?",
        "Quelle activité l'espace France services de {c} a-t-il eue en {y} d'après {ctg} ?"),
    "logement": ("{n} signalements de logements non décents ont été transmis à la Caf en {y}.", "signalements",
                 (8, 95), "Combien de signalements de logements non décents ont été transmis à la Caf en {y} d'après {ctg} ?",
        "Combien de logements indécents ont été signalés à la Caf en {y} dans le cadre de {ctg} ?"),
    "animation de la vie sociale": ("Les associations du territoire mobilisent près de {n} bénévoles réguliers.",
                                    "bénévoles", (80, 900), "Combien de bénévoles réguliers les associations mobilisent-elles selon {ctg} ?",
        "Quel est le nombre de bénévoles associatifs réguliers cité par {ctg} ?"),
    "inclusion numérique": ("Selon l'enquête de {y}, {n} % des familles interrogées éprouvent des difficultés "
                            "dans leurs démarches en ligne.", "%", (18, 46), "Quelle part des familles a des difficultés avec les démarches en ligne selon l'enquête citée dans {ctg} ?",
        "Quel pourcentage de familles peine avec les démarches dématérialisées selon {ctg} ?"),
    "handicap": ("{n} enfants en situation de handicap ont été accueillis en accueil de loisirs en {y}.", "enfants",
                 (6, 60), "Combien d'enfants en situation de handicap ont été accueillis en accueil de loisirs en {y} selon {ctg} ?",
        "Combien d'enfants handicapés sont allés en accueil de loisirs en {y} selon {ctg} ?"),
    "mobilité": ("Le transport à la demande a assuré {n} trajets au bénéfice des familles en {y}.", "trajets",
                 (300, 4000), "Combien de trajets le transport à la demande a-t-il assurés en {y} d'après {ctg} ?",
        "Quel nombre de trajets de transport à la demande est mentionné dans {ctg} pour {y} ?"),
    "insertion sociale et professionnelle": ("{n} familles monoparentales sont accompagnées dans leur parcours "
                                             "d'insertion.", "familles", (40, 400), "Combien de familles monoparentales sont accompagnées vers l'insertion selon {ctg} ?",
        "Combien de familles monoparentales en parcours d'insertion sont suivies d'après {ctg} ?"),
    "accompagnement des séniors": ("{n} personnes de plus de 75 ans vivent seules à leur domicile.", "personnes",
                                   (150, 2200), "Combien de personnes de plus de 75 ans vivent seules selon le diagnostic de {ctg} ?",
        "Combien de personnes âgées de plus de 75 ans vivent seules d'après {ctg} ?"),
}


def _diag_fact(ctx: Ctx, dom: str) -> Block:
    tpl, unit, (lo, hi), question, paraphrase = DIAG_FACTS[dom]
    n = ctx.rng.randint(lo, hi)
    vals = {"y": str(ctx.spec.start.year - 1), "n": str(n), "seat": ctx.spec.territory.seat,
            "c": ctx.rng.choice(ctx.spec.territory.communes).name}
    sentence = tpl.format(**vals)
    value = f"{n} %" if unit == "%" else f"{n} {unit}"
    key = ctx.seed("diag", "figures", "text", [value], value,
                   q=question.format(**{**vals, "ctg": "{ctg}"}),
                   qp=paraphrase.format(**{**vals, "ctg": "{ctg}"}))
    return Block("para", sentence + " " + ctx.prose(THEMES[dom], 2, opener=False), keys=[key])


def diagnostic(ctx: Ctx) -> list[Block]:
    out = [ctx.h1("Le diagnostic partagé")]
    out += ctx.paras(GENERAL, 1)
    num = ctx.article
    for i, dom in enumerate(ctx.spec.domains, start=1):
        out.append(Block("h2", dom[0].upper() + dom[1:], label=f"{num}.{i}"))
        out += ctx.paras(THEMES[dom], 0.8, (3, 5))
        out.append(_diag_fact(ctx, dom))
        out += ctx.paras(THEMES[dom], 0.4, (2, 4))
        out.append(Block("para", "", label="Enjeux identifiés :"))
        out.append(Block("bullets", items=ENJEUX[dom]))
    if ctx.spec.target_pages >= 30:
        unit = "quartiers" if ctx.spec.territory.kind == "commune" else "communes"
        out.append(Block("h2", f"Portrait des {unit}", label=f"{num}.{len(ctx.spec.domains) + 1}"))
        out += [portrait(ctx, c.name) for c in ctx.spec.territory.communes]
    return out


SERVICES = ["une bibliothèque", "un city-stade", "une salle des fêtes", "une agence postale", "une maison de santé",
            "un accueil périscolaire", "une médiathèque", "un terrain multisports", "une épicerie de proximité"]


def portrait(ctx: Ctx, name: str) -> Block:
    """A short portrait of a commune (or quarter), with two facts a question can target."""
    r, t = ctx.rng, ctx.spec.territory
    services = " et ".join(r.sample(SERVICES, 2))
    classes = r.randint(2, 14)
    if t.kind == "commune":
        text = (f"Le quartier {name} dispose de {services}. Son groupe scolaire compte {classes} classes. "
                + ctx.prose(TRANSVERSAL, 1, opener=False))
        q = f"Combien de classes compte le groupe scolaire du quartier {name} de {{T}} ?"
    else:
        km = r.randint(3, 28) if name != t.seat else 0
        where = f"Située à {km} km de {t.seat}, la commune" if km else "Siège de l'intercommunalité, la commune"
        text = (f"{where} dispose de {services}. Son école compte {classes} classes. "
                + ctx.prose(TRANSVERSAL, 1, opener=False))
        q = f"Combien de classes compte l'école de {name} ({{T}}) ?"
    key = ctx.seed("classes", "figures", "text", [f"{classes} classes"], f"{classes} classes", q=q,
                   qp=f"D'après le portrait de {name} dans {{ctg}}, combien de classes a l'école ?")
    return Block("para", text, label=f"{name} –", keys=[key])
