"""Draws the invented collection: territories, people, dates, actions and rendering styles."""
from __future__ import annotations

import datetime as dt
import random

from . import banks
from .model import Action, Commune, DocSpec, Equipment, Person, Signatory, Style, Territory
from .names import DEPARTEMENTS, RIVERS, NameMaker, de, slug

# Page targets: one long convention of about 60 pages, the others between 20 and 45.
PDF_TARGETS = [60, 21, 24, 27, 31, 35, 44]
DOCX_TARGETS = [23, 29, 38]
HEADINGS = ["article_dash", "article_caps", "decimal", "roman", "article_plain"]


def _territory(nm: NameMaker, rng: random.Random, kind: str, index: int, big: bool) -> Territory:
    river = rng.choice([r for r in RIVERS if r not in nm.used])
    nm.used.add(river)
    if kind == "commune":
        town = nm.root()
        quarters = rng.sample(banks.QUARTERS, rng.randint(5, 8))
        units = [Commune(q, rng.randint(700, 4200)) for q in quarters]
        name = f"Commune de {town}" if rng.random() < 0.5 else f"Ville de {town}"
        return Territory(name, town, town, kind, town[:3].upper(), town, units, river)
    place = nm.root()
    dr, dp = de(river), de(place)
    dlr = "de l'" + river if dr.startswith("d'") else "de la " + river
    patterns = [
        (f"Communauté de communes du Val {dr}", f"CC du Val {dr}", f"le Val {dr}"),
        (f"Communauté de communes des Coteaux {dlr}", f"CC des Coteaux {dlr}", f"les Coteaux {dlr}"),
        (f"Communauté de communes des Portes {dp}", f"CC des Portes {dp}", f"les Portes {dp}"),
        (f"Communauté de communes Terres {dp}", f"CC Terres {dp}", f"Terres {dp}"),
        (f"Communauté d'agglomération du Grand {place}", f"Grand {place} Agglomération", f"le Grand {place}"),
        (f"Communauté de communes du Pays {dp}", f"CC du Pays {dp}", f"le Pays {dp}"),
        (f"Communauté de communes {place} et {river}", f"CC {place} et {river}", f"{place} et {river}"),
    ]
    name, short, core = patterns[(index * 3) % len(patterns)]
    words = name.replace("'", " ").split()[1:]
    acronym = ("CA" if "agglomération" in name else "CC") + "".join(w[0] for w in words if w[0].isupper())
    seat = nm.commune(river)
    n = rng.randint(28, 34) if big else rng.randint(9, 30)
    units = [Commune(seat, rng.randint(2800, 14000))]
    units += [Commune(nm.commune(river), int(rng.triangular(110, 4800, 600))) for _ in range(n - 1)]
    return Territory(name, short, core, kind, acronym, seat, units, river)


def _person(nm: NameMaker, female: bool | None = None) -> Person:
    civ, first, last = nm.person(female)
    return Person(civ, first, last)


def _role(p: Person, male: str, female: str) -> str:
    return female if p.female else male


def _signatories(nm: NameMaker, rng: random.Random, terr: Territory, dep) -> list[Signatory]:
    out = []
    d = _person(nm)
    out.append(Signatory(d, _role(d, "directeur", "directrice"), dep.caf_full))
    if rng.random() < 0.4:
        p = _person(nm)
        out.append(Signatory(p, _role(p, "président du conseil d'administration",
                                      "présidente du conseil d'administration"), dep.caf_full))
    t = _person(nm)
    role = "maire" if terr.kind == "commune" else _role(t, "président", "présidente")
    out.append(Signatory(t, role, terr.name))
    if rng.random() < 0.5:
        p = _person(nm)
        out.append(Signatory(p, _role(p, "président du conseil départemental",
                                      "présidente du conseil départemental"), dep.council))
    if rng.random() < 0.45:
        p = _person(nm)
        out.append(Signatory(p, _role(p, "directeur général", "directrice générale"), dep.msa))
    if terr.kind != "commune" and rng.random() < 0.4:
        for c in rng.sample(terr.communes[1:], rng.randint(1, 2)):
            p = _person(nm)
            out.append(Signatory(p, "maire", f"Commune {de(c.name)}"))
    return out


def _present(nm: NameMaker, rng: random.Random, terr: Territory, dep) -> list[Signatory]:
    out = []
    for female_role, male_role, org_kind in rng.sample(banks.PRESENT_ROLES, rng.choice([0, 0, 1, 2])):
        p = _person(nm)
        org = {"terr": terr.name, "caf": dep.caf_full, "dep": dep.council,
               "state": f"Préfecture {dep.prep}"}[org_kind]
        out.append(Signatory(p, female_role if p.female else male_role, org))
    return out


def axes_of(domains: list[str]) -> list[str]:
    """The domains that give a strategic axis, in the order of the convention (at most six)."""
    return [d for d in domains if d in banks.AXES][:6]


def _actions(rng: random.Random, terr: Territory, domains: list[str], n: int, years: list[int]) -> list[Action]:
    axes = axes_of(domains)
    cs = rng.choice(banks.SOCIAL_CENTRES)
    out: list[Action] = []
    pools = {d: rng.sample(banks.ACTIONS[d], len(banks.ACTIONS[d])) for d in axes}
    chosen: dict[str, list[str]] = {d: [] for d in axes}
    while sum(map(len, chosen.values())) < n and any(pools.values()):
        for d in axes:
            if pools[d] and sum(map(len, chosen.values())) < n:
                chosen[d].append(pools[d].pop())
    for ai, dom in enumerate(axes, start=1):
        for j, title in enumerate(chosen[dom], start=1):
            place = rng.choice(terr.communes).name
            pilot = rng.choice(banks.PILOTS).format(seat=terr.seat, cs=cs)
            deadline = rng.choice(banks.DEADLINES).format(y=rng.choice(years[1:]))
            out.append(Action(
                f"{ai}.{j}", title.format(seat=terr.seat, c=place), pilot, rng.choice(banks.PARTNERS),
                deadline, rng.randrange(3000, 180000, 500), rng.choice(banks.PUBLICS), place,
                rng.choice(banks.INDICATORS)))
    return out


def _equipments(rng: random.Random, terr: Territory) -> list[Equipment]:
    cs = rng.choice(banks.SOCIAL_CENTRES)
    out, seen = [], set()
    for kind, names, cap in rng.sample(banks.EQUIPMENTS, rng.randint(5, 8)):
        for _ in range(rng.randint(1, 2)):
            name = f"{kind} {rng.choice(names)}".format(seat=terr.seat, cs=cs)
            if name in seen:
                continue
            seen.add(name)
            out.append(Equipment(name, kind, rng.choice(terr.communes).name,
                                 cap.format(n=rng.randint(8, 60)), rng.choice(banks.MANAGERS)))
    return out


def _style(rng: random.Random, i: int, fmt: str) -> Style:
    fonts = ["Helvetica", "Times-Roman", "Courier", "Helvetica", "Times-Roman", "Helvetica", "Times-Roman"]
    return Style(
        font=fonts[i % len(fonts)], size=rng.choice([9.5, 10, 10.5, 11]) if i % 7 != 2 else 9,
        margin=rng.choice([50, 56, 64, 72]), heading=HEADINGS[i % len(HEADINGS)],
        header=i % 3 != 1, footer=["page_of", "dashes", "plain"][i % 3],
        two_columns=fmt == "pdf" and i in (1, 4), hyphenate=fmt == "pdf" and i % 2 == 0,
        ruled_tables=i % 2 == 0, repeat_header=i % 3 != 2, docx_headings=i % 2 == 0,
        justify=i % 4 != 3)


def _dates(rng: random.Random) -> tuple[dt.date, dt.date, dt.date, dt.date, dt.date]:
    y = rng.choice([2022, 2023, 2023, 2024, 2024, 2025])
    start = dt.date(y, rng.choice([1, 1, 1, 7]), 1)
    years = rng.choice([5, 5, 5, 4])
    end = dt.date(start.year + years - (1 if start.month == 1 else 0), 12 if start.month == 1 else 6,
                  31 if start.month == 1 else 30)
    signed = start + dt.timedelta(days=rng.randint(-80, 300))
    delib = signed - dt.timedelta(days=rng.randint(20, 90))
    board = signed - dt.timedelta(days=rng.randint(10, 60))
    return start, end, signed, delib, board


def convention(nm: NameMaker, rng: random.Random, i: int, fmt: str, kind: str, target: int, dep) -> DocSpec:
    """One convention of the collection, fully drawn."""
    terr = _territory(nm, rng, "intercommunalité" if target >= 55 else kind, i, target >= 55)
    start, end, signed, delib, board = _dates(rng)
    sigs = _signatories(nm, rng, terr, dep)
    domains = banks.DOMAINS_CORE + rng.sample(banks.DOMAINS_EXTRA, rng.randint(2, 6))
    rng.shuffle(domains)
    years = list(range(start.year, end.year + 1))
    n_actions = max(18, min(30, round(target * 0.5)))
    coord = _person(nm)
    host = slug(terr.short)
    core = terr.core.split(" ", 1)[1] if terr.core.split(" ")[0] in ("le", "la", "les") else terr.core
    file = f"ctg-{start.year}-{end.year}-{slug(terr.short)}.{fmt}" if i % 2 else f"CTG_{slug(core)}_{signed.year}.{fmt}"
    parties = list(dict.fromkeys(s.organisation for s in sigs))
    bonus = {y: rng.randrange(12000, 160000, 10) for y in years}
    return DocSpec(
        file=file, fmt=fmt, kind="convention", territory=terr, dep=dep, signed_on=signed,
        sign_city=terr.seat, start=start, end=end, signatories=sigs, present=_present(nm, rng, terr, dep),
        parties=parties, domains=domains, actions=_actions(rng, terr, domains, n_actions, years),
        equipments=_equipments(rng, terr), coordinator=coord,
        contact_mail=f"ctg@{host}.fr", contact_phone=f"{dep.phone} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        copies=len(parties), style=_style(rng, i, fmt), target_pages=target, deliberation=delib,
        caf_board=board, bonus=bonus)


def avenant(nm: NameMaker, rng: random.Random, base: DocSpec, fmt: str, i: int) -> DocSpec:
    """An amendment that extends `base` and adds one or two actions."""
    signed = base.end - dt.timedelta(days=rng.randint(90, 260))
    new_end = dt.date(base.end.year + rng.choice([1, 1, 2]), base.end.month, base.end.day)
    sigs = list(base.signatories)
    if rng.random() < 0.6:  # the Caf has a new director since the convention was signed
        p = _person(nm)
        sigs[0] = Signatory(p, _role(p, "directeur", "directrice"), base.dep.caf_full)
    years = list(range(signed.year, new_end.year + 1))
    extra = rng.choice([d for d in banks.DOMAINS_EXTRA if d in banks.AXES])
    added = _actions(rng, base.territory, [extra], 2, years)[: rng.choice([1, 2])]
    last_axis = max(int(a.num.split(".")[0]) for a in base.actions)
    for j, a in enumerate(added, start=1):
        a.num = f"{last_axis + 1}.{j}"
    stem = base.file.rsplit(".", 1)[0]
    spec = DocSpec(
        file=f"avenant-1-{stem.lower().replace('_', '-')}.{fmt}", fmt=fmt, kind="avenant",
        territory=base.territory, dep=base.dep, signed_on=signed, sign_city=base.sign_city,
        start=base.start, end=new_end, signatories=sigs, present=[], parties=list(base.parties),
        domains=list(base.domains) + ([extra] if extra not in base.domains else []),
        actions=base.actions, equipments=[], coordinator=base.coordinator,
        contact_mail=base.contact_mail, contact_phone=base.contact_phone, copies=base.copies,
        style=_style(rng, i, fmt), target_pages=3, deliberation=signed - dt.timedelta(days=rng.randint(15, 50)),
        caf_board=signed - dt.timedelta(days=rng.randint(8, 40)), amends=base.file, base=base,
        new_actions=added)
    base.amended_by = spec.file
    return spec


def collection(seed: int) -> list[DocSpec]:
    """The whole collection for a seed: 7 PDF and 3 DOCX conventions, then two amendments."""
    rng = random.Random(seed)
    nm = NameMaker(rng)
    deps = rng.sample(DEPARTEMENTS, len(PDF_TARGETS) + len(DOCX_TARGETS))
    plan = [("pdf", t) for t in PDF_TARGETS] + [("docx", t) for t in DOCX_TARGETS]
    kinds = ["intercommunalité"] * 7 + ["commune"] * 3
    rng.shuffle(kinds)
    docs = [convention(nm, rng, i, fmt, kinds[i], target, deps[i])
            for i, (fmt, target) in enumerate(plan)]
    pdf_base = rng.choice([d for d in docs if d.fmt == "pdf" and d.target_pages < 50])
    docx_base = rng.choice([d for d in docs if d is not pdf_base and d.target_pages < 50])
    docs.append(avenant(nm, rng, pdf_base, "pdf", 3))
    docs.append(avenant(nm, rng, docx_base, "docx", 4))
    return docs
