"""``Assistant``: the library's entry point (the CLI and the web app are thin clients of it)."""
from __future__ import annotations

import re
import threading
import time

from assistant import messages
from assistant.config import Settings
from assistant.errors import FactsOutdated, IndexMissing, IndexOutdated, InvalidQuestion
from assistant.querylog import log_answer
from assistant.results import Answer, Passage, Verdict

# Control characters (but new lines and tabs) and invisible format characters (zero-width spaces, joiners, BOM,
# bidirectional overrides) are removed from questions before anything else sees them.
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


class Assistant:
    """Answers questions about the CTG corpus with cited passages.

    The embedding model and the Chroma client may be passed in (tests share them); otherwise they
    are created from ``settings`` on first use. The index is opened once and shared by all calls.
    """

    def __init__(self, settings: Settings | None = None, *, embed_model=None, chroma_client=None, selector=None):
        self.settings = settings or Settings()
        self._selector = selector  # the answer selector (default: the model file shipped with the package)
        self._embed_model = embed_model
        self._client = chroma_client
        self._lock = threading.Lock()
        self._handle = None
        self._retriever = None
        self._answerer = None
        self._finder = None
        self._fact_answerer = None
        self._llm = None
        self._doc_ids: dict[str, str] = {}

    # -- resources ---------------------------------------------------------------------------
    @property
    def embed_model(self):
        if self._embed_model is None:
            from assistant.store.embeddings import load_embedding

            self._embed_model = load_embedding(self.settings.embed_model)
        return self._embed_model

    @property
    def client(self):
        if self._client is None:
            from assistant.store.index import make_client

            self._client = make_client(self.settings)
        return self._client

    def index(self, *, rebuild: bool = False, progress=None):
        """Build or update the index from the corpus folder; returns an ``IndexReport``."""
        from assistant.ingest.pipeline import build_index

        with self._lock:
            report = build_index(self.settings, self.embed_model, client=self.client, rebuild=rebuild,
                                 progress=progress)
            self._handle = self._retriever = self._answerer = self._fact_answerer = None
        return report

    def ensure_index(self, progress=None) -> bool:
        """Open the index, building it first if there is none. True if it was built."""
        try:
            self._open()
            return False
        except (IndexMissing, IndexOutdated, FactsOutdated):
            self.index(progress=progress)
            self._open()
            return True

    def _open(self):
        from assistant.answering.extractive import ExtractiveAnswerer
        from assistant.answering.sections import SectionLocator
        from assistant.checking.checker import ClaimChecker
        from assistant.facts.questions import FactAnswerer
        from assistant.retrieval.convention import ConventionFinder
        from assistant.retrieval.hybrid import HybridRetriever
        from assistant.store.index import open_index

        with self._lock:
            if self._handle is None:
                handle = open_index(self.settings, client=self.client)
                self._retriever = HybridRetriever(handle, lambda: self.embed_model, self.settings)
                self._finder = ConventionFinder(handle.facts, handle.spelling)
                self._locator = SectionLocator(self.document, self._finder, self.sheet)
                self._answerer = ExtractiveAnswerer(handle, self.settings, self._selector, self._finder.knows)
                self._fact_answerer = FactAnswerer(handle.facts, lambda doc: self.document(doc)[0], self._finder,
                                                   self._correct)
                if self.settings.llm_base_url:
                    from assistant.answering.llm import LLMClient

                    self._llm = LLMClient(self.settings)
                self._checker = ClaimChecker(self._fact_answerer, handle.facts, lambda doc: self.document(doc)[0])
                self._doc_ids = {entry["doc"]: i for i, entry in handle.manifest["documents"].items()}
                self._handle = handle
        return self._handle

    def _correct(self, question: str) -> str:
        """The question with its misspelt words corrected against the corpus (see ``CorpusSpelling.correct``)."""
        handle = self._handle
        return handle.spelling.correct(question, handle.lexical.knows)

    def _correct_names(self, claim: str) -> str:
        """A claim with its misspelt names corrected ("Mauggny"), its other words as written: a claim's words are
        what is checked ("présente" is not "présidente")."""
        from assistant.nlp.text import TOKEN

        return TOKEN.sub(lambda m: self._correct(m.group(0)) if m.group(0)[:1].isupper() else m.group(0), claim)

    @property
    def handle(self):
        return self._open()

    @property
    def fact_answerer(self):
        """Answers and convention look-ups from the fact sheets of the open index."""
        self._open()
        return self._fact_answerer

    # -- sources -------------------------------------------------------------------------------
    def sources(self) -> list[dict]:
        """The indexed documents with their metadata and chunk counts."""
        from assistant.ingest.sources import list_sources

        return list_sources(self._open())

    def add_files(self, files: list[tuple[str, bytes]], password: str | None, progress=None) -> dict:
        """Save uploaded files into the corpus and update the index (administrators only)."""
        from assistant.ingest.sources import require_admin, save_uploads

        require_admin(self.settings, password)
        saved, refused = save_uploads(self.settings.corpus_dir, files, self.settings.max_file_mb)
        report = self.index(progress=progress).to_dict()
        return {**report, "saved": saved, "failed": refused + report["failed"]}

    def remove_document(self, doc: str, password: str | None, progress=None) -> dict:
        """Delete one source document and update the index (administrators only)."""
        from assistant.ingest.sources import delete_source, require_admin

        require_admin(self.settings, password)
        known = {entry["doc"] for entry in self._open().manifest["documents"].values()}
        delete_source(self.settings.corpus_dir, doc, known)
        return self.index(progress=progress).to_dict()

    def conversation(self, state: dict | None = None):
        """A conversation that resolves follow-up questions (``state``: a saved ``Conversation.state``)."""
        from assistant.answering.conversation import Conversation

        return Conversation(self, state)

    # -- questions ---------------------------------------------------------------------------
    def validate(self, question: str) -> str:
        """The question cleaned of control and invisible characters; ``InvalidQuestion`` when empty or too long."""
        question = INVISIBLE.sub("", question or "").strip()
        if not question:
            raise InvalidQuestion(messages.EMPTY_QUESTION)
        if len(question) > self.settings.max_question_chars:
            raise InvalidQuestion(messages.QUESTION_TOO_LONG.format(
                n=len(question), limit=self.settings.max_question_chars))
        return question

    def search(self, question: str, top_k: int | None = None, mode: str = "hybrid") -> list[Passage]:
        """Ranked passages for a question; ``mode`` is ``hybrid``, ``bm25`` or ``dense``."""
        self._open()
        hits = self._retriever.search(self.validate(question), top_k=top_k, mode=mode)
        return [self._passage(h) for h in hits]

    def candidates(self, question: str) -> list:
        """Every sentence that competes to answer a question, with its features and probability, best first
        (training and diagnostics: ``ctg train``)."""
        self._open()
        question = self._correct(self.validate(question))
        hits, embedding, named = self._retrieve(question)
        return self._answerer.candidates(question, hits, embedding, named)

    def ask(self, question: str, on_delta=None, about: str | None = None) -> Answer:
        """A cited answer, or a refusal when the sources do not say. Extractive unless a language model is
        configured (``CTG_LLM_BASE_URL``); ``on_delta`` receives its text as it is written. ``about``: the
        document of the convention a conversation is about, when the question does not name another."""
        question = self.validate(question)
        answer = self._ask(question, on_delta, about)
        log_answer(self.settings, question, answer)
        return answer

    def ask_stream(self, question: str, about: str | None = None):
        """Yields the language model's text as it comes (``str``), then the final, verified ``Answer``."""
        import queue

        question = self.validate(question)
        events: queue.Queue = queue.Queue()
        result: dict = {}

        def work():
            try:
                result["answer"] = self._ask(question, events.put, about)
            except BaseException as exc:  # re-raised in the caller's thread below
                result["error"] = exc
            finally:
                events.put(None)

        threading.Thread(target=work, daemon=True).start()
        while (delta := events.get()) is not None:
            yield delta
        if "error" in result:
            raise result["error"]
        log_answer(self.settings, question, result["answer"])
        yield result["answer"]

    def _with_pages(self, citations: list) -> list:
        """Citations get the page (PDF) and the heading path ("Article 9 – Durée") of the sentence they quote."""
        from dataclasses import replace

        from assistant.ingest.readers import page_of
        from assistant.ingest.structure import section_at

        out = []
        for c in citations:
            doc_id = self._doc_ids.get(c.doc)
            meta = self._handle.docstore.get_document(doc_id).metadata if doc_id else {}
            at = c.highlights[0][0] if c.highlights else c.start  # the quoted sentence's page
            starts = meta.get("page_starts")
            out.append(replace(c, page=page_of(starts, at) if starts else c.page,
                               section=section_at(meta.get("sections"), at)))
        return out

    def check(self, claim: str) -> Verdict:
        """Whether the sources support, contradict or do not settle a claim, part by part, with the evidence."""
        from assistant.checking.claims import without_check_prefix

        claim = self.validate(claim)
        t0 = time.perf_counter()
        self._open()
        verdict = self._checker.check(self._correct_names(without_check_prefix(claim)))
        verdict.citations = self._with_pages(verdict.citations)
        log_answer(self.settings, claim, verdict, kind="check")
        verdict.timings_ms = {"total": (time.perf_counter() - t0) * 1000}
        return verdict

    def _ask(self, question: str, on_delta=None, about: str | None = None) -> Answer:
        from assistant.checking.claims import strip_check_prefix

        claim = strip_check_prefix(question)  # "Vérifie : …", "Est-il vrai que … ?"
        if claim:
            verdict = self.check(claim)
            return Answer(text=verdict.explanation, refused=False, citations=verdict.citations,
                          confidence=1.0, timings_ms=verdict.timings_ms, verdict=verdict.verdict)
        t0 = time.perf_counter()
        self._open()
        t1 = time.perf_counter()
        typed, question = question, self._correct(question)  # misspelt names
        answer = self._locator.answer(question, about)  # where a part of a convention is: its heading
        if answer is None:
            answer = self._fact_answerer.answer(question)  # questions across conventions, from the fact sheets
        hits = []
        if answer is None:
            hits, embedding, named = self._retrieve(question, about)
        t2 = time.perf_counter()
        if answer is None:
            answer = self._answerer.answer(question, hits, embedding, named)
            if self._llm is not None:
                from assistant.answering.llmanswer import llm_answer

                passages = [self._passage(h) for h in hits[: self.settings.llm_passages]]
                answer = llm_answer(self._llm, typed, passages, answer, on_delta)  # the question as typed
        t3 = time.perf_counter()
        answer.citations = self._with_pages(answer.citations)
        answer.passages = [self._passage(h) for h in hits[: self.settings.top_k]]
        answer.timings_ms = {"open": (t1 - t0) * 1000, "retrieve": (t2 - t1) * 1000,
                             "answer": (t3 - t2) * 1000, "total": (t3 - t0) * 1000}
        return answer

    def _retrieve(self, question: str, about: str | None = None):
        """Passages to answer from, the query embedding and the conventions the question names (best first).
        The passages of the convention it names best come first, then the best of the whole corpus. The query
        embedding (the slowest step) is skipped when BM25 alone ranks that convention's text first
        (``CTG_DENSE_RETRIEVAL``)."""
        from assistant.retrieval.convention import without_names

        s = self.settings
        named = self._finder.find(question)
        follow_up = about is not None and self._finder.named(question) in (None, about)
        if follow_up:  # the conversation's convention comes first
            from assistant.retrieval.convention import Named

            top = max([n.score for n in named] + [self._finder.clear])
            named = [Named(about, top)] + [n for n in named if n.doc != about]
        within = self._doc_ids.get(named[0].doc) if named else None
        focus = without_names(question, self._fact_answerer.sheet(named[0].doc)) if named else None
        hits, embedding = [], None
        if within is not None and s.dense_retrieval == "when-needed" and s.sentence_similarity == "words":
            hits, embedding = self._retriever.search_with_embedding(question, top_k=s.answer_passages, mode="bm25",
                                                                    within=within)
        if not hits or within is None or hits[0].bm25 <= 0:
            hits, embedding = self._retriever.search_with_embedding(question, top_k=s.answer_passages, within=within,
                                                                    focus=focus)
        if follow_up:  # a follow-up that names nothing else is answered from its convention's text alone
            hits = [h for h in hits if h.node.metadata.get("doc") == about] or hits
        return hits, embedding, named

    @staticmethod
    def _passage(hit) -> Passage:
        meta = hit.node.metadata
        return Passage(node_id=hit.node.node_id, doc=meta["doc"], title=meta.get("title", ""),
                       text=hit.node.get_content(), start=meta["start"], end=meta["end"], score=hit.score,
                       metadata={"territory": meta.get("territory", ""), "caf": meta.get("caf", ""),
                                 "date": meta.get("date", ""), "bm25": hit.bm25, "dense": hit.dense})

    def facts(self) -> list[dict]:
        """The fact sheets of all documents, as stored with the index."""
        return list(self._open().facts)

    def document(self, doc: str) -> tuple[str, dict]:
        """Full text and metadata of a source document, by its file name relative to the corpus."""
        handle = self._open()
        if doc not in self._doc_ids:
            raise KeyError(doc)
        document = handle.docstore.get_document(self._doc_ids[doc])
        return document.get_content(), dict(document.metadata)

    def sheet(self, doc: str | None) -> dict | None:
        """The fact sheet of one document (None when unknown)."""
        return self.fact_answerer.sheet(doc)
