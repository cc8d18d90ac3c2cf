"""Typed results of the library: passages, citations and answers."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk of a source document, with its offsets in that document."""

    node_id: str
    doc: str
    title: str
    text: str
    start: int
    end: int
    score: float = 0.0
    metadata: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Citation:
    """A numbered citation: ``[n]`` in the answer text refers to it."""

    n: int
    doc: str
    title: str
    text: str
    start: int
    end: int
    score: float
    # Offsets (in the source document) of the sentences quoted in the answer.
    highlights: tuple[tuple[int, int], ...] = ()
    page: int | None = None  # for PDF sources: the page of the quoted sentence
    section: str | None = None  # the heading path of the quoted sentence ("Article 9 – Durée de la convention")

    def to_dict(self) -> dict:
        data = asdict(self)
        data["highlights"] = [list(h) for h in self.highlights]
        return data


@dataclass
class Answer:
    """What ``Assistant.ask`` returns."""

    text: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    # Why the answer was refused or how confident it is (diagnostics, not shown as the answer).
    confidence: float = 0.0
    # Set when the question was a claim to check ("Vérifie : …"): supported / contradicted / not_found.
    verdict: str | None = None
    # In a conversation: the question as understood ("compris comme : …") and follow-up suggestions.
    resolved_question: str | None = None
    suggestions: list[str] = field(default_factory=list)
    # When a language model wrote the answer: "llm"; a notice when it fell back or dropped sentences.
    mode: str = "extractive"
    notice: str | None = None

    def to_dict(self) -> dict:
        data = {
            "answer": self.text,
            "refused": self.refused,
            "citations": [c.to_dict() for c in self.citations],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
            "confidence": round(self.confidence, 3),
        }
        data["mode"] = self.mode
        for key in ("verdict", "resolved_question", "notice"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.suggestions:
            data["suggestions"] = list(self.suggestions)
        return data


@dataclass
class ClaimPart:
    """One checkable part of a claim and its verdict; ``citation`` is the number of its evidence, if any."""

    text: str
    verdict: str
    citation: int | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Verdict:
    """What ``Assistant.check`` returns: "supported", "contradicted" or "not_found", with the evidence."""

    verdict: str
    explanation: str
    citations: list[Citation] = field(default_factory=list)
    parts: list[ClaimPart] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "explanation": self.explanation,
                "citations": [c.to_dict() for c in self.citations], "parts": [p.to_dict() for p in self.parts],
                "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()}}
