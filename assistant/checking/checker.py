"""Claim check: each part of a claim compared with the named convention's fact sheet and text.

A different date, period, count, person or role in the same convention's source contradicts the claim,
with the conflicting passage cited; a part the source says nothing about leaves it "not_found"; the claim is
supported only when every part is found. Topical similarity alone never supports a claim: words that are
not a date, period, figure, person or domain must all be said in one place of the source (two sentences).
"""
from __future__ import annotations

import re

from assistant import messages as msg
from assistant.checking.claims import NEGATION, SIGN_CUE, Claim, dates_in, hours_in, parse_claim
from assistant.checking.cells import match_cell
from assistant.checking.figures import match_quantity
from assistant.checking.people import CLAIM_FRAME, PRESENCE, PROPER_NAME, PeopleChecks
from assistant.nlp.segment import sentence_spans
from assistant.nlp.terms import GENERIC_TERMS, QUESTION_FRAME, matches
from assistant.nlp.text import TOKEN, analyze, fold
from assistant.nlp.vocab import DOMAIN_PATTERNS
from assistant.facts.amendments import amendments_of
from assistant.render import on_date, period_text
from assistant.results import Citation, ClaimPart, Verdict

# "à Villiers-la-Sarnaise", "à la mairie de Lillebonne", "au siège communautaire de Bréville-sur-Orbelle"
LOCATION = re.compile(r"\b(?:à|au|dans)\s+(?:la |le |l'|l’)?(?:(?:mairie|siège|salle|maison|hôtel|centre|espace|"
                      r"médiathèque|pôle)\b[^,.;]{0,60}|[A-ZÉÈÎ][\w’'-]+(?:[- ][A-ZÉÈÎ][\w’'-]+)*)")
PLACE_NAME = re.compile(r"(?<![\w’'])[A-ZÉÈÎ][\w’'-]+(?:[- ](?:sur|sous|en|le|la|les|de|du|des)?-?[A-ZÉÈÎ][\w’'-]+)*")
CAF_NAMED = re.compile(r"\b(?:Caf|CAF|Caisse d.allocations familiales)\s+(?:de la |des |du |de l'|de l’|de )"
                       r"([A-ZÉÈ][\w'’-]+(?:[- ][A-ZÉÈ][\w'’-]+)*)")
DOMAIN_CUE = re.compile(r"couvr|porte|concern|domaine|champ|prevoi|inclu|volet|traite|axe|priorit")


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
        check = _Check(sheet, self._document_text(sheet["doc"]), parse_claim(text))
        latest = amendments_of(self._sheets, sheet["doc"])
        if latest and (latest[0].get("period") or {}).get("end"):  # an avenant set the period now in force
            check.amended = (latest[0], self._document_text(latest[0]["doc"]))
        return check.run()


class _Check(PeopleChecks):
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
        self.place = fold(territory.get("name") or "")
        self.amended: tuple[dict, str] | None = None  # the latest avenant that sets the period, and its text

    # -- parts ----------------------------------------------------------------------------------
    def run(self) -> Verdict:
        self._signed()
        self._hours()
        self._period()
        self._caf()
        self._place()
        self._event_dates()
        self._quantities()
        self._people()
        self._domains()
        self._cell()
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

    def _cite(self, span: tuple[int, int], sheet: dict | None = None, text: str | None = None) -> int:
        """The number of the citation of ``span`` in the convention's text (or in another text: an avenant's)."""
        sheet, text = sheet or self.sheet, text if text is not None else self.text
        start, end = span
        for c in self.citations:
            if (c.doc, c.start, c.end) == (sheet["doc"], start, end):
                return c.n
        n = len(self.citations) + 1
        self.citations.append(Citation(n=n, doc=sheet["doc"], title=sheet["title"], text=text[start:end],
                                       start=start, end=end, score=1.0, highlights=((start, end),)))
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

    def _hours(self) -> None:
        """An hour of the signing ("signée à 18 heures") against the signing sentence."""
        if not self.claim.hours or not SIGN_CUE.search(self.f):
            return
        signing = [self._fact_span("signed_on")] + [(s, e) for s, e in sentence_spans(self.text)
                                                     if SIGN_CUE.search(fold(self.text[s:e]))]
        span = next((sp for sp in signing if sp and hours_in(fold(self.text[sp[0]:sp[1]]))), None)
        found = hours_in(fold(self.text[span[0]:span[1]])) if span else []
        for hour, at in self.claim.hours:
            if not found:
                self._part(at, "not_found", msg.CHECK_NO_HOUR, None)
            elif hour in {h for h, _ in found}:
                self._part(at, "supported", msg.CHECK_HOUR_SAME.format(found=hour.replace(":", " h ")), span)
            else:
                self._part(at, "contradicted", msg.CHECK_HOUR_DIFFERS.format(found=found[0][0].replace(":", " h ")),
                           span)

    def _caf(self) -> None:
        """"… avec la Caf de l'Oise" when the convention's Caf is the Caf de la Somme."""
        caf = self.sheet.get("caf")
        for m in CAF_NAMED.finditer(self.claim.text):
            place = fold(m.group(1))
            if not caf or place in fold(caf) or place in self.doc_f:
                continue
            self._part(m.span(), "contradicted", msg.CHECK_CAF_DIFFERS.format(caf=caf), self._fact_span("caf"))

    def _signing_sentences(self) -> list[tuple[int, int]]:
        spans = [(s, e) for s, e in sentence_spans(self.text) if SIGN_CUE.search(fold(self.text[s:e]))]
        return ([self._fact_span("signed_on")] if self._fact_span("signed_on") else []) + spans

    def _place(self) -> None:
        """Where it was signed ("signée … à Villiers-la-Sarnaise") against the places of the signing sentences."""
        if not SIGN_CUE.search(self.f):
            return
        for m in LOCATION.finditer(self.claim.text):
            names = [fold(n) for n in PLACE_NAME.findall(m.group(0))]
            if not names or set(analyze(m.group(0))) <= self.own_terms:
                continue
            said = next((sp for sp in self._signing_sentences() if all(n in fold(self.text[sp[0]:sp[1]])
                                                                       for n in names)), None)
            if said:
                self._part(m.span(), "supported", msg.CHECK_PLACE_SAME, said)
                continue
            other = next(((sp, o) for sp in self._signing_sentences() for o in LOCATION.finditer(self.text[sp[0]:sp[1]])
                          if PLACE_NAME.search(o.group(0))), None)
            if other:
                found = other[1].group(0).strip()
                self._part(m.span(), "contradicted", msg.CHECK_PLACE_DIFFERS.format(found=found), other[0])
            else:
                self._part(m.span(), "not_found", msg.CHECK_NO_PLACE, None)

    def _event_dates(self) -> None:
        """A date of something the claim describes ("le diagnostic débute en octobre 2021"), against the
        dates of the sentence that says the most of it (half of the claim's other words, two at least)."""
        if not self.claim.dates:
            return
        terms = self._content_terms()
        spans = sentence_spans(self.text)
        best, best_cover = None, 0
        for s, e in spans:
            said = set(analyze(self.text[s:e]))
            cover = sum(1 for term in terms if matches(term, said))
            if cover > best_cover and dates_in(fold(self.text[s:e])):
                best, best_cover = (s, e), cover
        for claimed, span in self.claim.dates:
            if not best or best_cover < max(2, len(terms) / 2):
                self._part(span, "not_found", msg.CHECK_NO_EVENT_DATE, None)
                continue
            found = [d for d, _ in dates_in(fold(self.text[best[0]:best[1]]))]
            size = len(claimed)
            if any(d[:size] == claimed or d.lstrip("-")[-5:] == claimed.lstrip("-")[-5:] and claimed.startswith("--")
                   for d in found):
                self._part(span, "supported", msg.CHECK_EVENT_DATE_SAME, best)
            elif any(len(d) >= size or d[:4] != claimed[:4] for d in found):
                self._part(span, "contradicted", msg.CHECK_EVENT_DATE_DIFFERS.format(found=on_date(found[0])), best)
            else:
                self._part(span, "not_found", msg.CHECK_NO_EVENT_DATE, None)

    def _period(self) -> None:
        if not self.claim.period:
            return
        claimed, span = self.claim.period
        found = self.sheet.get("period") or {}
        evidence, cited = self._fact_span("period"), None
        if self.amended:  # "prolongée jusqu'au 30 juin 2027": the avenant's end, cited from the avenant
            avenant, text = self.amended
            found, evidence = {"start": found.get("start"), "end": avenant["period"]["end"]}, None
            span_in = (avenant.get("spans") or {}).get("period")
            cited = self._cite(tuple(span_in), avenant, text) if span_in else None
        pairs = [(claimed[k], found.get(k)) for k in ("start", "end") if claimed[k] is not None]
        if any(c != f for c, f in pairs if f is not None):
            self._part(span, "contradicted", msg.CHECK_PERIOD_DIFFERS.format(found=period_text(found)), evidence)
        elif any(f is None for _, f in pairs):
            self._part(span, "not_found", msg.CHECK_NO_PERIOD, evidence if found.get("end") else None)
        else:
            self._part(span, "supported", msg.CHECK_PERIOD_SAME.format(found=period_text(found)), evidence)
        if cited is not None:
            self.parts[-1].citation = cited
            self.notes[-1] += f" [{cited}]"

    def _quantities(self) -> None:
        for q in self.claim.quantities:
            span, said = (q.start, q.end), self.claim.text[q.start:q.end]
            match = match_quantity(self.f, q, self.text, self.place_terms, self.place)
            note = {"supported": msg.CHECK_FIGURE_SAME, "contradicted": msg.CHECK_FIGURE_DIFFERS,
                    "not_found": msg.CHECK_NO_FIGURE}[match.verdict]
            self._part(span, match.verdict, note.format(found=match.found, said=said), match.evidence)

    def _cell(self) -> None:
        """A value of a table's row ("l'action 2.2 est pilotée par « France services »") against that cell."""
        match = match_cell(self.claim.text, self.text)
        if match is not None:
            note = msg.CHECK_FIGURE_SAME if match.verdict == "supported" else msg.CHECK_FIGURE_DIFFERS
            self._part(match.said, match.verdict, note.format(found=match.found, said=self.claim.text[slice(*match.said)]),
                       match.evidence)

    def _domains(self) -> None:
        if not DOMAIN_CUE.search(self.f):
            return
        for name, span in self.claim.domains:
            if name in self.sheet.get("domains", []):
                index = self.sheet["domains"].index(name)
                self._part(span, "supported", msg.CHECK_DOMAIN_SAME.format(name=name),
                           self._fact_span(f"domains[{index}]"))
                continue
            pattern = DOMAIN_PATTERNS[name]
            for s, e in sentence_spans(self.text):
                if re.search(pattern, fold(self.text[s:e])):
                    self._part(span, "supported", msg.CHECK_DOMAIN_SAME.format(name=name), (s, e))
                    break
            else:
                self._part(span, "not_found", msg.CHECK_NO_DOMAIN.format(name=name), None)

    def _is_used(self, span: tuple[int, int]) -> bool:
        return any(a < span[1] and span[0] < b for a, b in self.used)

    def _rest(self) -> str:
        """The claim with the parts already checked blanked out."""
        return "".join(" " if any(a <= i < b for a, b in self.used) else ch for i, ch in enumerate(self.claim.text))

    def _content_terms(self) -> set[str]:
        taken = [s for _, s in self.claim.dates + self.claim.hours]
        rest = "".join(" " if any(a <= i < b for a, b in taken) else ch for i, ch in enumerate(self._rest()))
        terms = set(analyze(rest)) - self.own_terms - GENERIC_TERMS - QUESTION_FRAME - CLAIM_FRAME
        return {t for t in terms if not t.isdigit()}

    def _content(self) -> None:
        """What the structured parts did not cover: every remaining term said in one or two adjacent sentences."""
        rest = self._rest()
        terms = self._content_terms()
        if not terms or any(p.verdict != "supported" for p in self.parts):
            return  # nothing left to check, or the claim is already settled by a part
        words = " ".join(w for w in TOKEN.findall(rest) if set(analyze(w)) & terms)
        spans = sentence_spans(self.text)
        # the claim's main assertion (a date, a figure, a person) found: the rest must be said around it
        anchors = [(c.start, c.end) for p in self.parts if p.citation for c in [self.citations[p.citation - 1]]]
        signs = SIGN_CUE.search(self.f) and not PRESENCE.search(self.f)
        best, best_cover = None, 0.0
        for k, (s, _) in enumerate(spans):
            near = [spans[max(k - 1, 0)][0], spans[min(k + 2, len(spans) - 1)][1]]
            # a claim about the signing may also be checked against any signing sentence
            signing = signs and SIGN_CUE.search(fold(self.text[s:spans[k][1]]))
            if anchors and not signing and not any(a < near[1] and near[0] < b for a, b in anchors):
                continue
            for e in {spans[k][1], spans[min(k + 1, len(spans) - 1)][1]}:
                said = set(analyze(self.text[s:e]))
                cover = sum(1 for term in terms if matches(term, said)) / len(terms)
                if cover > best_cover + 1e-9 or (cover == best_cover and best and e - s < best[1] - best[0]):
                    best, best_cover = (s, e), cover
        needed = 0.5 if anchors else 1.0 if len(terms) <= 2 else 0.75
        numbers = set(re.findall(r"\d+", rest))
        # names and numbers must be in the passage itself, not only in the document
        names = {t for m in PROPER_NAME.finditer(rest) if m.start() for t in analyze(m.group(0))} & terms
        evidence = set(analyze(self.text[best[0]:best[1]])) if best else set()
        if best and best_cover >= needed and numbers <= set(re.findall(r"\d+", self.text[best[0]:best[1]])) \
                and names <= evidence and (names == terms or any(matches(t, evidence) for t in terms - names)):
            negated = bool(NEGATION.search(fold(self.text[best[0]:best[1]])))
            if negated != self.claim.negated:
                return self._part(None, "contradicted", msg.CHECK_NEGATION, best, words)
            return self._part(None, "supported", msg.CHECK_CONTENT_SAME, best, words)
        self._part(None, "not_found", msg.CHECK_NO_CONTENT, None, words)
