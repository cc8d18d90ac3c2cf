"""Claim check: each part of a claim compared with the named convention's fact sheet and text.

A different date, period, count, person or role in the same convention's source contradicts the claim,
with the conflicting passage cited; a part the source says nothing about leaves it "not_found"; the claim is
supported only when every part is found. Topical similarity alone never supports a claim: words that are
not a date, period, figure, person or domain must all be said in one place of the source (two sentences).
"""
from __future__ import annotations

import re

from . import messages as msg
from .chunking import sentence_spans
from .claims import NEGATION, SIGN_CUE, Claim, parse_claim, quantities, role_heads
from .listfacts import DOMAINS
from .people import NAME
from .qtypes import GENERIC_TERMS, NOT_FIRST_NAMES, QUESTION_FRAME, matches
from .render import on_date, period_text
from .results import Citation, ClaimPart, Verdict
from .text import TOKEN, analyze, fold

# Words that frame a claim ("la CTG de X a été signée…, couvre la période…") rather than assert content.
CLAIM_FRAME = set(analyze("signé signée signées signature signataire signataires conclu officialisé paraphé couvre court "
                          "période années année jusqu fin termine prend achève expire date jour lundi mardi mercredi "
                          "jeudi vendredi samedi dimanche premier première 1ère 1er second deuxième présent présente "
                          "présence tant que nom compte accord partenariat formalise formalisé vrai exact "
                          "maire adjoint adjointe directeur directrice président présidente conseiller conseillère "
                          "vice élu élue délégué déléguée domaine domaines champ champs couvre couvrent prévoit "
                          "concerne porte inclut volet fait partie faire figure figurent parmi regroupe regroupent compte comptent "
                          "rassemble rassemblent réunit réunissent fédère composée constituée totalise "
                          "cc communauté communes agglomération agglo métropole ville commune intercommunalité"))
# "Le territoire compte 19 communes": a claim on the whole; "les 23 communes de l'agglomération": a whole.
SIZE_CLAIM = re.compile(r"\b(?:compte|comptent|regroupe|regroupent|rassemble|rassemblent|reunit|reunissent|federe"
                        r"|federent|compose[es]* de|constitue[es]* de|totalise|totalisent)\s+(?:au total\s+)?$")
WHOLE = re.compile(r"(?:\b(?:les|des|ses|leurs|ces)|l'ensemble des|\b(?:regroupe|regroupent|compte|comptent|rassemble"
                   r"|rassemblent|reunit|reunissent|federe|federent|repartis sur|reparties sur)|compose[es]* de)"
                   r"\s+(?:plus de\s+|pres de\s+)?$")
DOMAIN_CUE = re.compile(r"couvr|porte|concern|domaine|champ|prevoi|inclu|volet|traite|axe|priorit")


def _deputy_differs(claimed: set[str], actual: set[str]) -> bool:
    """"directrice" said of a "directrice adjointe": the same head, not the same post."""
    return bool(claimed & actual & {"directeur", "president"}) and ("adjoint" in claimed) != ("adjoint" in actual)


class ClaimChecker:
    """Checks claims against the fact sheets and texts of an index."""

    def __init__(self, fact_answerer, sheets: list[dict], document_text):
        self._facts = fact_answerer  # finds the convention a text names
        self._sheets = sheets
        self._document_text = document_text

    def check(self, text: str) -> Verdict:
        text = " ".join(text.split())
        sheet, names_place = self._facts.convention_named(text)
        if sheet is None:
            why = msg.CHECK_NO_CONVENTION if names_place else msg.CHECK_WHICH_CONVENTION
            return Verdict("not_found", why, [], [ClaimPart(text, "not_found", None)])
        return _Check(sheet, self._document_text(sheet["doc"]), parse_claim(text)).run()


class _Check:
    """One claim against one convention."""

    def __init__(self, sheet: dict, doc_text: str, claim: Claim):
        self.sheet, self.text, self.claim = sheet, doc_text, claim
        self.f = fold(claim.text)
        self.doc_f = fold(doc_text)
        self.citations: list[Citation] = []
        self.parts: list[ClaimPart] = []
        self.notes: list[str] = []
        self.used: list[tuple[int, int]] = []  # claim spans already checked
        territory = sheet.get("territory") or {}
        place = " ".join([territory.get("name") or "", sheet["title"]] + territory.get("aliases", []))
        self.place_terms = set(analyze(place))
        self.own_terms = self.place_terms | set(analyze(sheet.get("caf") or ""))

    # -- parts ----------------------------------------------------------------------------------
    def run(self) -> Verdict:
        self._signed()
        self._period()
        self._quantities()
        self._people()
        self._domains()
        self._unknown_names()
        self._content()
        verdicts = {p.verdict for p in self.parts}
        verdict = "contradicted" if "contradicted" in verdicts else "not_found" if "not_found" in verdicts \
            or not self.parts else "supported"
        head = {"supported": msg.CHECK_SUPPORTED, "contradicted": msg.CHECK_CONTRADICTED,
                "not_found": msg.CHECK_NOT_FOUND}[verdict]
        notes = [n for p, n in zip(self.parts, self.notes) if p.verdict == verdict] or self.notes
        return Verdict(verdict, head + " " + " ; ".join(notes) + ".", self.citations, self.parts)

    def _part(self, span: tuple[int, int] | None, verdict: str, note: str, evidence: tuple[int, int] | None,
              words: str = "") -> None:
        n = self._cite(evidence) if evidence else None
        part_text = self.claim.text[span[0]:span[1]] if span else words or self.claim.text
        self.parts.append(ClaimPart(part_text, verdict, n))
        self.notes.append(note + (f" [{n}]" if n else ""))
        if span:
            self.used.append(span)

    def _cite(self, span: tuple[int, int]) -> int:
        start, end = span
        for c in self.citations:
            if (c.start, c.end) == (start, end):
                return c.n
        n = len(self.citations) + 1
        self.citations.append(Citation(n=n, doc=self.sheet["doc"], title=self.sheet["title"],
                                       text=self.text[start:end], start=start, end=end, score=1.0,
                                       highlights=((start, end),)))
        return n

    def _fact_span(self, key: str) -> tuple[int, int] | None:
        span = (self.sheet.get("spans") or {}).get(key)
        return tuple(span) if span else None

    def _signed(self) -> None:
        if not self.claim.signed:
            return
        claimed, span = self.claim.signed
        found = self.sheet.get("signed_on")
        if not found:
            return self._part(span, "not_found", msg.CHECK_NO_DATE, None)
        evidence = self._fact_span("signed_on")
        if claimed.startswith("--") or found.startswith("--"):  # a day without a year: compare month and day
            same, known = claimed[-5:] == found[-5:], not found.startswith("--") or claimed.startswith("--")
        else:
            size = min(len(claimed), len(found))
            same, known = claimed[:size] == found[:size], len(found) >= len(claimed)
        if not same:
            return self._part(span, "contradicted", msg.CHECK_DATE_DIFFERS.format(found=on_date(found)), evidence)
        verdict = "supported" if known else "not_found"
        self._part(span, verdict, msg.CHECK_DATE_SAME.format(found=on_date(found)), evidence)

    def _period(self) -> None:
        if not self.claim.period:
            return
        claimed, span = self.claim.period
        found = self.sheet.get("period") or {}
        evidence = self._fact_span("period")
        pairs = [(claimed[k], found.get(k)) for k in ("start", "end") if claimed[k] is not None]
        if any(c != f for c, f in pairs if f is not None):
            return self._part(span, "contradicted", msg.CHECK_PERIOD_DIFFERS.format(found=period_text(found)),
                              evidence)
        if any(f is None for _, f in pairs):
            return self._part(span, "not_found", msg.CHECK_NO_PERIOD, evidence if found.get("end") else None)
        self._part(span, "supported", msg.CHECK_PERIOD_SAME.format(found=period_text(found)), evidence)

    def _quantities(self) -> None:
        """A claimed figure against the source's figures of the same unit ("communes", "€", durations in months).
        The same value in the source supports it. A claim on a territory's size ("compte 19 communes") is
        compared with the figures that give a whole ("les 50 communes du territoire"), not a subset ("13 communes
        ont signé"). Otherwise a different value contradicts it when the claim's other words point at it, those
        close to the figure counting double."""
        for q in self.claim.quantities:
            span, said = (q.start, q.end), self.claim.text[q.start:q.end]
            size = bool(SIZE_CLAIM.search(self.f[:q.start]))
            context = set(analyze(self.f[:q.start] + " " + self.f[q.end:])) - GENERIC_TERMS - set(analyze(q.noun))
            if not size:  # the territory's name says nothing about which figure; the Caf's may
                context -= self.place_terms
            scored = []
            for s, e in sentence_spans(self.text):
                sentence = self.text[s:e]
                sentence_terms = set(analyze(sentence))
                for found in quantities(sentence):
                    if found.noun.rstrip("sx") != q.noun.rstrip("sx"):
                        continue
                    if size and not WHOLE.search(fold(sentence[:found.start]) + " "):
                        continue
                    near = len(context & set(analyze(sentence[max(0, found.start - 50):found.end + 50])))
                    # a whole is named next to its figure ("les 23 communes de l'agglomération")
                    score = 2 * near + (0 if size else len(context & sentence_terms))
                    scored.append((score, found.value, (s, e),
                                   sentence[found.start:found.end]))
            same = [x for x in scored if abs(x[1] - q.value) < 1e-6]
            top = max(scored, key=lambda x: x[0], default=None)
            if same and (not size or top in same or top[0] == same[0][0]):
                evidence = max(same, key=lambda x: x[0])
                self._part(span, "supported", msg.CHECK_FIGURE_SAME.format(found=evidence[3]), evidence[2])
            elif top and (top[0] > 0 or size):
                self._part(span, "contradicted", msg.CHECK_FIGURE_DIFFERS.format(found=top[3], said=said), top[2])
            else:
                self._part(span, "not_found", msg.CHECK_NO_FIGURE.format(said=said), None)

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
        presence = re.search(r"presen", self.f)
        signs = SIGN_CUE.search(self.f) and not presence
        for (person, group, i, span), claimed in zip(mentioned, roles):
            evidence = self._fact_span(f"{group}[{i}]")
            actual = {h for h, _ in role_heads(person.get("role") or "")}
            if person.get("by") and signs and not re.search(r"represent|au nom|pour le compte", self.f):
                note = msg.CHECK_REPRESENTED.format(name=person["name"], by=person["by"])
                self._part(span, "contradicted", note, evidence)
            elif claimed and actual and (not claimed & actual or _deputy_differs(claimed, actual)):
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

    def _domains(self) -> None:
        if not DOMAIN_CUE.search(self.f):
            return
        for name, span in self.claim.domains:
            if name in self.sheet.get("domains", []):
                index = self.sheet["domains"].index(name)
                self._part(span, "supported", msg.CHECK_DOMAIN_SAME.format(name=name),
                           self._fact_span(f"domains[{index}]"))
                continue
            pattern = dict(DOMAINS)[name]
            for s, e in sentence_spans(self.text):
                if re.search(pattern, fold(self.text[s:e])):
                    self._part(span, "supported", msg.CHECK_DOMAIN_SAME.format(name=name), (s, e))
                    break
            else:
                self._part(span, "not_found", msg.CHECK_NO_DOMAIN.format(name=name), None)

    def _unknown_names(self) -> None:
        """A person's name the source does not contain: another signer contradicts, else nothing is known."""
        for m in NAME.finditer(self.claim.text):
            first, last = m.group(1), m.group(2)
            if first.split()[0].lower() in NOT_FIRST_NAMES or last.lower() in NOT_FIRST_NAMES:
                continue
            if self._is_used(m.span()) or fold(last) in self.doc_f or set(analyze(m.group(0))) <= self.own_terms:
                continue
            signers = self.sheet.get("signatories", [])
            if SIGN_CUE.search(self.f) and signers and not re.search(r"presen", self.f):
                names = ", ".join(p["name"] for p in signers)
                self._part(m.span(), "contradicted", msg.CHECK_OTHER_SIGNERS.format(names=names),
                           self._fact_span("signatories[0]"))
            else:
                self._part(m.span(), "not_found", msg.CHECK_UNKNOWN.format(said=m.group(0)), None)

    def _is_used(self, span: tuple[int, int]) -> bool:
        return any(a < span[1] and span[0] < b for a, b in self.used)

    def _content(self) -> None:
        """What the structured parts did not cover: every remaining term said in one or two adjacent sentences."""
        rest = "".join(" " if any(a <= i < b for a, b in self.used) else ch for i, ch in enumerate(self.claim.text))
        terms = set(analyze(rest)) - self.own_terms - GENERIC_TERMS - QUESTION_FRAME - CLAIM_FRAME
        terms = {t for t in terms if not t.isdigit()}
        if not terms or any(p.verdict != "supported" for p in self.parts):
            return  # nothing left to check, or the claim is already settled by a part
        words = " ".join(w for w in TOKEN.findall(rest) if set(analyze(w)) & terms)
        spans = sentence_spans(self.text)
        best, best_cover = None, 0.0
        for k, (s, _) in enumerate(spans):
            for e in {spans[k][1], spans[min(k + 1, len(spans) - 1)][1]}:
                said = set(analyze(self.text[s:e]))
                cover = sum(1 for term in terms if matches(term, said)) / len(terms)
                if cover > best_cover + 1e-9 or (cover == best_cover and best and e - s < best[1] - best[0]):
                    best, best_cover = (s, e), cover
        # the claim's main assertion (a date, a figure, a person) found: its wording needs half its words said
        anchored = any(p.verdict == "supported" for p in self.parts)
        needed = 0.5 if anchored else 1.0 if len(terms) <= 2 else 0.75
        numbers = set(re.findall(r"\d+", rest))
        if best and best_cover >= needed and numbers <= set(re.findall(r"\d+", self.text[best[0]:best[1]])):
            negated = bool(NEGATION.search(fold(self.text[best[0]:best[1]])))
            if negated != self.claim.negated:
                return self._part(None, "contradicted", msg.CHECK_NEGATION, best, words)
            return self._part(None, "supported", msg.CHECK_CONTENT_SAME, best, words)
        self._part(None, "not_found", msg.CHECK_NO_CONTENT, None, words)
