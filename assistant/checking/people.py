"""The people a claim names, checked against a convention's sheet (a mixin of ``checker._Check``).

Role (title, deputy or not, portfolio), signer or only present, represented by someone else, signing bodies
("la MSA fait partie des signataires"), and names — of people or bodies — that the source must contain.
"""
from __future__ import annotations

import re

from assistant import messages as msg
from assistant.checking.claims import SIGN_CUE, role_heads
from assistant.facts.people import NAME
from assistant.nlp.segment import sentence_spans
from assistant.nlp.terms import GENERIC_TERMS, matches
from assistant.nlp.text import analyze, fold
from assistant.nlp.vocab import NOT_FIRST_NAMES, ROLE_HEADS, WEEKDAYS

# Words that frame a claim ("la CTG de X a été signée…, couvre la période…") rather than assert content.
CLAIM_FRAME = set(analyze("signé signée signées signature signataire signataires conclu officialisé paraphé couvre court "
                          "période années année jusqu fin termine prend achève expire date jour " + " ".join(WEEKDAYS) + " "
                          "premier première 1ère 1er second deuxième présent présente "
                          "présence tant que nom compte accord partenariat formalise formalisé vrai exact "
                          "maire adjoint adjointe directeur directrice président présidente conseiller conseillère "
                          "vice élu élue délégué déléguée domaine domaines champ champs couvre couvrent prévoit "
                          "concerne porte inclut volet fait partie faire figure figurent parmi regroupe regroupent compte comptent "
                          "rassemble rassemblent réunit réunissent fédère composée constituée totalise "
                          "cc communauté communes agglomération agglo métropole ville commune intercommunalité côtés "
                          "assiste assistait assistaient participe participait "
                          # "y a le logement dedans ?", "elle contient…": whether the text has something, as typed
                          "dedans contient contiennent comprend comprennent "
                          # "Vérifie : …", "bonjour, est-il exact que …": asking to check, not what is claimed
                          "vérifie vérifier vérifiez confirme confirmer confirmez bonjour svp stp merci "
                          # "dans le cadre de", and the verbs of a funding whose amount is checked as a figure
                          "cadre investit investira investissent engage engagera consacre consacrera mobilise mobilisera "
                          "verse versera apporte apportera alloue allouera finance financera représente"))
# Capitalised words in a row: a name the source must contain ("Territoires Conseil", "ARFOS").
PROPER_NAME = re.compile(r"(?<![.!?:]\s)\b[A-ZÉÈÎÔ][\w’'-]*(?:\s+[A-ZÉÈÎÔ][\w’'-]*)*")
COMMON_CAPITALISED = {"ctg", "caf", "cafs", "selon", "d", "l", "convention", "territoriale", "globale", "cc", "ca",
                      "cu", "la", "le", "les", "de", "du", "des"}
PRESENCE = re.compile(r"presen|assist|aux cotes|temoin")
# The kind of body a claim names before its name ("le cabinet Deloitte"): the source naming another one of that kind
# ("le cabinet KPMG") contradicts it.
SLOT = re.compile(r"\b(cabinet|bureau d'etudes|societe|association|prestataire|organisme|entreprise|agence)\s*$")


def _deputy_differs(claimed: set[str], actual: set[str]) -> bool:
    """"directrice" said of a "directrice adjointe": the same head, not the same post."""
    return bool(claimed & actual & {"directeur", "president"}) and ("adjoint" in claimed) != ("adjoint" in actual)


class PeopleChecks:
    """Checks of the people and bodies a claim names; expects ``_Check``'s attributes and ``_part``."""

    def _people(self) -> None:
        """People the claim names, among those of the sheet: role, signer or only present, or represented."""
        signers = self.sheet.get("signatories", [])
        people = [(p, "signatories", i) for i, p in enumerate(signers)] + \
                 [(p, "present", i) for i, p in enumerate(self.sheet.get("present", []))] + \
                 [({"name": p["on_behalf_of"], "role": "", "by": p["name"]}, "signatories", i)
                  for i, p in enumerate(signers) if p.get("on_behalf_of")]
        mentioned = []
        for person, group, i in people:
            surname = fold(person["name"].split()[-1])
            m = re.search(rf"\b{re.escape(surname)}\b", self.f)
            if m:
                first = fold(person["name"].split()[0])
                start = self.f.rfind(first, 0, m.start()) if first in self.f[:m.start()] else m.start()
                mentioned.append((person, group, i, (start if m.start() - start < 40 else m.start(), m.end())))
        roles = self._claimed_roles([span for *_, span in mentioned])
        presence = PRESENCE.search(self.f)
        signs = SIGN_CUE.search(self.f) and not presence
        for (person, group, i, span), claimed in zip(mentioned, roles):
            evidence = self._fact_span(f"{group}[{i}]")
            actual = {h for h, _ in role_heads(person.get("role") or "")}
            if person.get("by") and signs and not re.search(r"represent|au nom|pour le compte", self.f):
                note = msg.CHECK_REPRESENTED.format(name=person["name"], by=person["by"])
                self._part(span, "contradicted", note, evidence)
            elif claimed and actual and (not claimed & actual or _deputy_differs(claimed, actual)
                                         or self._portfolio_differs(span, person.get("role") or "")):
                note = msg.CHECK_ROLE_DIFFERS.format(name=person["name"], role=person["role"])
                self._part(span, "contradicted", note, evidence)
            elif group == "present" and signs:
                self._part(span, "contradicted", msg.CHECK_NOT_SIGNER.format(name=person["name"]), evidence)
            else:
                note = msg.CHECK_PERSON_SAME.format(name=person["name"], role=person.get("role") or "—")
                self._part(span, "supported", note, evidence)
        if SIGN_CUE.search(self.f):
            self._signing_bodies(signers)

    def _signing_bodies(self, signers: list[dict]) -> None:
        """"La MSA de Picardie fait partie des signataires": an organisation that signed, other than the
        territory and the Caf (which every claim about the convention names)."""
        claim_terms = set(analyze(self.f))
        for i, person in enumerate(signers):
            terms = set(analyze(person.get("organisation") or "")) - GENERIC_TERMS - self.own_terms
            if not terms or not terms <= claim_terms:
                continue
            m = re.search(re.escape(fold(person["organisation"]).split()[0]), self.f)
            span = (m.start(), m.start() + len(person["organisation"])) if m else None
            if span and self._is_used(span):
                continue
            note = msg.CHECK_BODY_SIGNED.format(body=person["organisation"], name=person["name"])
            self._part(span, "supported", note, self._fact_span(f"signatories[{i}]"))

    def _portfolio_differs(self, name_span: tuple[int, int], role: str) -> bool:
        """"adjointe aux Solidarités" said of the "Adjointe à la Jeunesse": same title, another portfolio.
        The claimed role is the apposition after the name ("X, adjointe aux …,") or the words before it."""
        after = re.match(r",\s*([^,;]{3,80})", self.f[name_span[1]:])
        before = re.search(r"(?:^|,|\bpar|\bet)\s*((?:la |le |l')?[^,;]{3,60})$", self.f[:name_span[0]].rstrip(" ,"))
        phrase = after.group(1) if after and role_heads(after.group(1)) else before.group(1) if before else ""
        phrase = re.split(r"\s(?:a|ont)\s+(?:signe|ete)|\bet\b", phrase)[0]
        drop = {h for h, _ in ROLE_HEADS} | GENERIC_TERMS | CLAIM_FRAME
        claimed = {t for t in analyze(phrase) if not any(t.startswith(d[:5]) for d in drop)} - self.place_terms
        actual = set(analyze(role)) - GENERIC_TERMS
        return bool(claimed and actual - {t for t in actual if any(t.startswith(d[:5]) for d in drop)}
                    and not any(matches(t, actual) for t in claimed))

    def _claimed_roles(self, names: list[tuple[int, int]]) -> list[set[str]]:
        """Role heads the claim gives each named person: a role belongs to the nearest name with no other name,
        "et" or ";" in between ("la première adjointe Michelle Moreau et la directrice de la Caf, Laurence Hauck")."""
        claimed: list[set[str]] = [set() for _ in names]
        for head, pos in self.claim.roles:
            best, best_distance = None, 10 ** 6
            for k, (a, b) in enumerate(names):
                lo, hi = (b, pos) if pos >= b else (pos, a)
                between = self.f[lo:hi]
                if any(lo < x < hi for x, _ in names) or re.search(r"\bet\b|;|\bainsi que\b", between):
                    continue
                if hi - lo < best_distance:
                    best, best_distance = k, hi - lo
            if best is not None and best_distance <= 90:
                claimed[best].add(head)
        return claimed

    def _unknown_names(self) -> None:
        """A person's or body's name the source does not contain: another holder of its role or slot contradicts
        ("Gilles Simeoni, président de la CAB" when the CAB's president is someone else; "le cabinet Deloitte"
        when the source names the cabinet KPMG), another signer too; else nothing is known."""
        known = self.doc_f + " " + fold(" ".join(self.sheet.get("source_names") or []))
        for m in NAME.finditer(self.claim.text):
            first, last = m.group(1), m.group(2)
            if first.split()[0].lower() in NOT_FIRST_NAMES or last.lower() in NOT_FIRST_NAMES:
                continue
            if self._is_used(m.span()) or fold(last) in known or set(analyze(m.group(0))) <= self.own_terms:
                continue
            signers = self.sheet.get("signatories", [])
            holders = self._holders(m)
            if holders:
                role, names, key = holders
                self._part(m.span(), "contradicted", msg.CHECK_OTHER_HOLDER.format(role=role, names=names,
                                                                                   said=m.group(0)), self._fact_span(key))
            elif SIGN_CUE.search(self.f) and signers and not PRESENCE.search(self.f):
                names = ", ".join(p["name"] for p in signers)
                self._part(m.span(), "contradicted", msg.CHECK_OTHER_SIGNERS.format(names=names),
                           self._fact_span("signatories[0]"))
            else:
                self._part(m.span(), "not_found", msg.CHECK_UNKNOWN.format(said=m.group(0)), None)
        for m in PROPER_NAME.finditer(self.claim.text):  # "le cabinet Territoires Conseil", "la mairie de Lillebonne"
            words = [w for w in re.split(r"[\s'’-]+", fold(m.group(0))) if w]
            phrase = " ".join(w for w in words if w not in COMMON_CAPITALISED)  # "CC Vallée" -> "vallee"
            if m.start() == 0 or self._is_used(m.span()) or phrase in re.sub(r"[\s'’-]+", " ", known) \
                    or all(w in NOT_FIRST_NAMES or w in COMMON_CAPITALISED for w in words) \
                    or set(analyze(m.group(0))) <= self.own_terms | GENERIC_TERMS:
                continue
            other = self._slot_holder(m)
            if other:
                said, span = other
                self._part(m.span(), "contradicted", msg.CHECK_FIGURE_DIFFERS.format(found=said, said=m.group(0)), span)
            else:
                self._part(m.span(), "not_found", msg.CHECK_UNKNOWN.format(said=m.group(0)), None)

    def _holders(self, name: re.Match) -> tuple[str, str, str] | None:
        """The role the claim gives an unknown person ("…, président de la CAB"), who holds it in the sheet, and
        the sheet's key of the first of them (its passage is cited)."""
        after = self.claim.text[name.end():name.end() + 80]
        role = re.match(r",?\s*((?:le |la )?[^,.;]+)", after)
        heads = {h for h, _ in role_heads(role.group(1))} if role else set()
        if not heads:
            return None
        body = set(analyze(role.group(1))) - CLAIM_FRAME - GENERIC_TERMS
        people = [(p, f"{group}[{i}]") for group in ("signatories", "present")
                  for i, p in enumerate(self.sheet.get(group, []))]
        holders = [(p["name"], key) for p, key in people if p.get("name")
                   and heads & {h for h, _ in role_heads(p.get("role") or "")}
                   and body <= set(analyze(f"{p.get('role') or ''} {p.get('organisation') or ''}")) | self.own_terms]
        if not holders:
            return None
        return role.group(1).strip(), ", ".join(n for n, _ in holders), holders[0][1]

    def _slot_holder(self, name: re.Match) -> tuple[str, tuple[int, int]] | None:
        """Another name the source gives the kind of body the claim names ("le cabinet KPMG"), with its sentence."""
        slot = SLOT.search(fold(self.claim.text[:name.start()]))
        if not slot:
            return None
        for s, e in sentence_spans(self.text):
            sentence = self.text[s:e]
            # "le cabinet KPMG", "un cabinet d'étude, KPMG,"
            for m in re.finditer(rf"\b{slot.group(1)}(?:\s+(?:d['’]\s?etudes?|de conseil|d['’]expertise))?\s*,?\s*",
                                 fold(sentence)):
                other = re.match(r"[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+)*", sentence[m.end():])
                if other:
                    return other.group(0), (s, e)
        return None
