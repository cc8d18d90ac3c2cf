"""Answers from the fact sheets: questions across conventions ("Quelles CTG se terminent en 2026 ?",
"Combien de conventions ont été signées en 2023 ?", "Qui représente la Caf des Pyrénées-Orientales ?") and
the canonical questions about one convention (who signed, when, until when, which domains).

Each item cites the span of the fact it comes from. Anything else returns None and goes to the extractive
answerer.
"""
from __future__ import annotations

import re
from functools import lru_cache

from assistant import messages
from assistant.answering.qtypes import folded_question, kind_terms, named_terms, question_kind
from assistant.facts.across import Listing, across
from assistant.facts.amendments import amendments_of
from assistant.render import signed_text
from assistant.nlp.terms import GENERIC_TERMS, QUESTION_FRAME
from assistant.nlp.names import caf_department
from assistant.nlp.text import analyze, fold
from assistant.nlp.vocab import PARTNER_BODIES
from assistant.results import Answer, Citation

# A question across conventions: about CTG in the plural ("quelles conventions", "combien de CTG", "parmi ces
# conventions"), not a count inside one ("combien de communes sur le territoire").
ACROSS = re.compile(r"\b(quelles|lesquelles|toutes? les|ces|parmi les)\s+(\w+\s+)?(ctg|conventions|territoires"
                    r"|collectivites)\b|\bcombien de (ctg|conventions|territoires|collectivites)\b"
                    r"|\bliste[rz]?\b.{0,20}\b(ctg|conventions)\b|\b(la plus|le plus)\b.{0,40}\b(ctg|conventions?"
                    r"|territoires?|collectivites?)\b|\bdans ces conventions\b|\b(ctg|conventions?)\b.{0,20}"
                    r"\b(les plus|la plus)\b|\b(les|des)\s+(ctg|conventions)\b|^(ctg|conventions)\b")
CAF_MENTION = re.compile(r"\b(?:Caf|CAF|caf)\s+(?:de la |des |du |de l'|de l’|de )?[\w'’]+(?:-[\w'’]+)*")
SIGNED = re.compile(r"\bsigne|signature|conclu")
# "avec quelle Caf", "quelle caisse a signé": the convention's Caf, from its fact sheet
WHICH_CAF = re.compile(r"\bquelle (?:caf|caisse)\b")
NOT_SIGNING = re.compile(r"assist|present|presence|outre|autre|presid|accompagn|represent")
# the body a signatory signs for, as a question names it (folded), and what its organisation's name then says
SIGNED_FOR = [("caf", r"\b(?:caf|caisse d'allocations)"), ("departement", r"\bdepartement|conseil departemental"),
              ("msa", r"\bmsa\b|mutualite sociale agricole"),
              ("territory", r"\bcollectivite|\bintercommunalite|\bla ville\b|\belue?\b")]


KIND_TERMS = set(analyze("commune communes agglo agglomération métropole communauté ville cc ca cu"))
BODY_TERMS = set(analyze(PARTNER_BODIES))
# Words of the canonical questions about one convention ("Qui a signé…", "Quand … a-t-elle été signée").
CANONICAL = set(analyze("signé signée signature signataires parties conclu couvre couvre-t-elle court porte quel quelle "
                        "quels jour date dates domaines champs où lieu ville endroit couverte période durée étend "
                        "années avenant modifiée prolongée "
                        "signee signees "  # typed without accents: stemmed apart from "signée"
                        "bonjour svp stp merci"))  # "svp quand … a-t-elle été signée" asks the same


def _label(sheet: dict) -> str:
    name = (sheet.get("territory") or {}).get("name") or sheet["title"]
    return name if len(name) <= 60 else name[:57].rsplit(" ", 1)[0] + "…"


class FactAnswerer:
    """Answers from the stored fact sheets of an index."""

    def __init__(self, sheets: list[dict], document_text, finder, correct=None):
        self._sheets = sheets
        self._finder = finder  # ConventionFinder: which convention a text names
        self._correct = correct or (lambda text: text)  # spelling of the corpus, misspellings corrected
        self._document_text = document_text  # doc name -> full text
        self._cafs = {t for s in sheets for t in analyze(s.get("caf") or "")}
        self._by_doc = {s["doc"]: s for s in sheets}
        # answering, retrieval and the conversation all ask which convention a question names: computed once
        self.convention_named = lru_cache(maxsize=1024)(self._convention_named)

    def sheet(self, doc: str | None) -> dict | None:
        """The fact sheet of a document, by its file name."""
        return self._by_doc.get(doc) if doc else None

    def answer(self, question: str) -> Answer | None:
        f = folded_question(question)
        target, names_place = self.convention_named(question)
        # "la Caf de l'Hérault" names a Caf, not the territory of a convention
        question = CAF_MENTION.sub(" caf ", question)
        # "Quelles CTG la Caf de la Haute-Garonne a-t-elle signées ?": across the conventions of that Caf, though
        # its département also names one of them
        alone = target is None and not names_place or caf_department(f) and not self._names_a_place(question)
        if ACROSS.search(f) and alone:
            answer = self._across(f)
            if answer is not None or target is None:
                return answer
        if target is not None:
            return self._about(target, question, f)
        return None

    def _about(self, sheet: dict, question: str, f: str) -> Answer | None:
        """A canonical question about one convention (who signed, when, until when, which domains),
        answered with the passages its facts were read from. A question that asks anything more
        ("la période de politique familiale") is left to the extractive answerer."""
        kind = "caf" if WHICH_CAF.search(f) else question_kind(question)
        keys = {"signatories": [f"signatories[{i}]" for i in range(len(sheet.get("signatories", [])))],
                "date": ["signed_on"], "year": ["signed_on"], "period": ["period"], "place": ["signed_on"],
                "duration": ["period"], "caf": ["caf"],
                "domains": [f"domains[{i}]" for i in range(len(sheet.get("domains", [])))]}.get(kind)
        if not keys or (kind not in ("period", "duration", "domains", "caf") and not SIGNED.search(f)):
            return None
        if kind == "signatories":
            signed_for = self._signed_for(sheet, f)
            if signed_for is not None:
                return signed_for
        own = set(analyze(f"{_label(sheet)} {sheet.get('caf') or ''}")) | set(analyze(sheet["title"])) | KIND_TERMS
        own |= {t for alias in (sheet.get("territory") or {}).get("aliases") or [] for t in analyze(alias)}
        # the names its text and address give it ("Val d'Arnon", "cc vda") say which convention, not what about it
        own |= {t for name in [*sheet.get("names", []), *sheet.get("source_names", [])] for t in analyze(name)}
        extra = set(analyze(self._correct(question))) - own - GENERIC_TERMS - QUESTION_FRAME - kind_terms(kind) - CANONICAL
        if extra or kind == "signatories" and "qui" not in f.split():
            return None
        if kind in ("period", "duration"):
            amended = self._amended_period(sheet)
            if amended is not None:
                return amended
        spans = []
        for key in keys:
            span = (sheet.get("spans") or {}).get(key)
            if span and tuple(span) not in spans:
                spans.append(tuple(span))
        if not spans:
            return None
        text = self._document_text(sheet["doc"])
        if kind == "place" and not fold(text[spans[0][0]:spans[0][1]]).startswith("fait "):
            return None  # only a signature line ("Fait à Chârost, le …") says where for sure
        items = [(sheet, None, text[a:b].strip(), (a, b)) for a, b in spans]
        return self._quote(items)

    def _signed_for(self, sheet: dict, f: str) -> Answer | None:
        """Who signed for one body ("au nom de la Caf", "pour le Département", "pour la commune de Viltigny",
        "pour la collectivité"): the signatories of that organisation, quoted where they sign."""
        if not SIGNED.search(f) or NOT_SIGNING.search(f):
            return None  # "qui assistait à la signature", "qui préside la Caf": not who signed
        wanted = [body for body, pattern in SIGNED_FOR if re.search(pattern, f)]
        commune = re.search(r"\b(?:pour|au nom de) la (?:commune|ville) (?:de |d')([\w' -]+?)\s*(?:\?|$|,)", f)
        wanted += [commune.group(1).strip()] if commune else []
        if not wanted:
            return None
        place = fold(_label(sheet))
        keys = []
        for i, person in enumerate(sheet.get("signatories", [])):
            organisation = fold(person.get("organisation") or "").replace("caisse d'allocations familiales", "caf")
            for body in wanted:
                if body == "territory" and organisation and organisation in place + " " + fold(sheet["title"]) \
                        or body != "territory" and body in organisation:
                    keys.append(f"signatories[{i}]")
                    break
        spans = list(dict.fromkeys(tuple(sheet["spans"][k]) for k in keys if k in (sheet.get("spans") or {})))
        if not spans:
            return None
        text = self._document_text(sheet["doc"])
        return self._quote([(sheet, None, text[a:b].strip(), (a, b)) for a, b in spans])

    def _amended_period(self, sheet: dict) -> Answer | None:
        """Until when a convention runs once amended: the latest avenant's period, then the first one, both cited."""
        base = self._by_doc.get(sheet.get("amends") or "") if sheet.get("kind") == "avenant" else sheet
        if base is None:
            return None
        latest = [a for a in amendments_of(self._sheets, base["doc"]) if (a.get("spans") or {}).get("period")]
        if not latest:
            return None
        items = []
        for source in (latest[0], base):
            span = (source.get("spans") or {}).get("period")
            if span:
                items.append((source, None, self._document_text(source["doc"])[span[0]:span[1]].strip(), tuple(span)))
        answer = self._quote(items)
        quotes = [_clean(quote) for _, _, quote, _ in items]
        answer.text = f"{messages.AMENDED_PERIOD} : {quotes[0]} [1]" + (
            f" — {messages.FIRST_PERIOD} : {quotes[1]} [2]" if len(quotes) == 2 else "")
        return answer

    def _quote(self, items) -> Answer:
        parts, citations = [], []
        for n, (sheet, _, quote, (start, end)) in enumerate(items, 1):
            citations.append(Citation(n=n, doc=sheet["doc"], title=sheet["title"], text=quote, start=start, end=end,
                                      score=1.0, highlights=((start, end),)))
            parts.append(f"{_clean(quote)} [{n}]")
        return Answer(text=" ".join(parts), refused=False, citations=citations, confidence=1.0)

    def _convention_named(self, text: str) -> tuple[dict | None, bool]:
        """The sheet of the convention a text names, and whether it names a place at all."""
        text = self._correct(text)
        sheet = self._by_doc.get(self._finder.named(text))
        return sheet, sheet is not None or self._names_a_place(CAF_MENTION.sub(" caf ", text))

    def _names_a_place(self, question: str) -> bool:
        """Whether the question names a place other than a Caf's département ("la CTG de la CCVH")."""
        return bool(named_terms(question) - self._cafs - KIND_TERMS - BODY_TERMS)

    # -- questions across conventions ---------------------------------------------------------
    def _across(self, f: str) -> Answer | None:
        caf = re.search(r"\bcaf (de la |des |du |de l'|de )?([\w']+(?:-[\w']+)*)", f)
        if caf and re.search(r"\bqui\b|represent|signataire", f) and not re.search(r"quelles?\b.{0,30}\b(ctg|conv)", f):
            return self._caf_people(caf.group(2))
        listing = across(f, self._sheets)
        if listing is not None:
            return self._listing(listing)
        if re.search(r"combien de (ctg|conventions)", f):
            return self._list([(s, "territory") for s in self._sheets], "Conventions dans les sources", count=True)
        return None

    def _listing(self, listing: Listing) -> Answer:
        """The conventions of a listing, each cited; those the sheets cannot decide named apart."""
        answer = self._list(listing.hits, listing.heading, count=listing.count)
        if not listing.undecided:
            return answer
        n = len(answer.citations)
        parts, citations = [], list(answer.citations)
        for k, (sheet, key) in enumerate(listing.undecided, n + 1):
            citations.append(self._citation(k, sheet, key))
            parts.append(f"{_label(sheet) + _detail(sheet, key)} [{k}]")
        text = f"{answer.text} {messages.ACROSS_UNDECIDED} : " + " ; ".join(parts) + "."
        return Answer(text=text, refused=False, citations=citations, confidence=1.0)

    def _caf_people(self, caf_words: str) -> Answer | None:
        hits = []
        for sheet in self._sheets:
            for i, person in enumerate(sheet.get("signatories", [])):
                if person.get("organisation") and caf_words in fold(person["organisation"]):
                    hits.append((sheet, f"signatories[{i}]", person))
        if not hits:
            return None
        return self._compose([(s, key, f"{p['name']} ({p.get('role') or '—'}, CTG de {_label(s)})")
                              for s, key, p in hits], "Représentants de la Caf dans ces conventions")

    def _list(self, hits: list[tuple[dict, str]], heading: str, count: bool = False) -> Answer | None:
        items = [(s, key, _label(s) + _detail(s, key)) for s, key in hits]
        if not items:
            return Answer(text=f"{heading} : aucune dans les sources.", refused=False)
        prefix = f"{len(items)} — " if count else ""
        return self._compose(items, heading, prefix)

    def _citation(self, n: int, sheet: dict, key: str) -> Citation:
        start, end = (sheet.get("spans") or {}).get(key) or (0, 0)
        text = self._document_text(sheet["doc"])
        return Citation(n=n, doc=sheet["doc"], title=sheet["title"], text=text[start:end], start=start, end=end,
                        score=1.0, highlights=((start, end),))

    def _compose(self, items, heading: str, prefix: str = "") -> Answer:
        parts, citations = [], []
        for n, (sheet, key, label) in enumerate(items, 1):
            citations.append(self._citation(n, sheet, key))
            parts.append(f"{label} [{n}]")
        return Answer(text=f"{heading} : {prefix}" + " ; ".join(parts) + ".", refused=False,
                      citations=citations, confidence=1.0)


def _clean(quote: str) -> str:
    return quote.lstrip("•–-* ").rstrip(",;")


def _detail(sheet: dict, key: str) -> str:
    if key == "period":
        period = sheet["period"]
        return f" ({period['start']}-{period['end']})" if period.get("start") else f" (jusqu'en {period['end']})"
    if key == "signed_on":
        return f" (signée {signed_text(sheet['signed_on'])})"
    if key == "territory":
        kind = (sheet.get("territory") or {}).get("kind")
        return f" ({kind})" if kind else ""
    return ""
