"""A conversation: follow-up questions resolved against the convention being discussed (no LLM needed).

"Qui a signé la CTG de Perpignan ?" sets the topic; "Et jusqu'à quand court-elle ?" becomes "Jusqu'à quand la
CTG de Perpignan court-elle ?"; "Et celle de Canet ?" repeats the last question about Canet-en-Roussillon. A
question that names another territory changes the topic; a question across conventions has none. The state is
plain data (``Conversation.state``) so that a web session can keep it and rebuild the conversation per request.
"""
from __future__ import annotations

import re
import unicodedata

from assistant import messages
from assistant.answering.qtypes import question_kind
from assistant.nlp.text import fold
from assistant.results import Answer

# "Et …", "Et pour …", "Même question pour …": a question that leans on the previous one.
LEADING_AND = re.compile(r"^\s*(?:et|mais|alors|puis|ok|d'accord)\s*,?\s*", re.IGNORECASE)
ELLIPSIS = re.compile(r"^\s*(?:et|m[êe]me (?:question|chose))\b\s*,?\s*(?:(?:pour|à|a|de|du|sur|dans)\s+)?"
                      r"(?:(?:celle|celui|la ctg|la convention|le territoire)\s+)?(?:(?:de la|de l'|de l’|du|des|de|d'|d’|"
                      r"pour|à|a)\s*)?(?P<place>.+?)\s*\??\s*$", re.IGNORECASE)
OWN_QUESTION = re.compile(r"\b(?:qui|quand|quel\w*|combien|comment|ou|pourquoi|quoi|que|qu)\b|-t-|\b(?:a|ont|est|sont)\b")
SUBJECT = re.compile(r"\b(?:le|la|les|l['’]|ce|cette|ces|son|sa|ses)\s*\w+|\by\s|(?<=\s)[A-ZÉÈÎ]\w+\s+$")
INVERTED = re.compile(r"\b([\w’'-]+?)-(?:t-)?(elle|il)\b", re.IGNORECASE)
MENTION = re.compile(r"(?:(?:la|cette|sa) )?(?:ctg|convention territoriale globale|convention)\s+(?:de la |de l'|du |des "
                     r"|de |d')?", re.IGNORECASE)


def mention(sheet: dict) -> str | None:
    """"la CTG de Perpignan", "la CTG d'Angers"; None when what was read as the territory's name does not look
    like a name (long, over several lines, with figures)."""
    label = (sheet.get("territory") or {}).get("name") or ""
    if not label or len(label) > 60 or "\n" in label or re.search(r"\d", label):
        return None
    first = unicodedata.normalize("NFKD", label[:1].lower())[:1]
    return f"la CTG d'{label}" if first in "aeiouyh" else f"la CTG de {label}"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class Conversation:
    """One user's conversation with the assistant (``ask`` resolves, answers and remembers)."""

    def __init__(self, assistant, state: dict | None = None):
        self.assistant = assistant
        self.state = {"topic": None, "turns": []} if state is None else state

    # -- resolution -------------------------------------------------------------------------------------
    def _sheet(self, doc: str | None) -> dict | None:
        return self.assistant.sheet(doc)

    def resolve(self, question: str) -> tuple[str, dict | None]:
        """The question as understood, and the convention it is about (None: none, or across conventions)."""
        from assistant.facts.questions import ACROSS

        facts = self.assistant.fact_answerer
        named, names_place = facts.convention_named(question)
        topic = self._sheet(self.state["topic"])
        last = self.state["turns"][-1] if self.state["turns"] else None
        ellipsis = ELLIPSIS.match(question) if last and len(question.split()) <= 8 else None
        if ellipsis and (named or names_place) and not OWN_QUESTION.search(fold(ellipsis.group("place"))):
            # "Et celle de Canet ?": the last question again, about the place now named
            place = ellipsis.group("place").strip(" ?")
            new = (mention(named) if named else None) or f"la CTG de {place}"
            new_name = (named.get("territory") or {}).get("name") if named else place
            return self._swap(last, self._sheet(last.get("doc")), new, new_name or place), named
        if named or names_place:
            return question, named
        if topic is None or ACROSS.search(fold(question)):
            return question, None
        about = mention(topic)  # without a clean name, the question stays as typed: ``about`` says the topic
        return (self._attach(question, about) if about else question), topic

    @staticmethod
    def _swap(last: dict, old_sheet: dict | None, new: str, new_name: str) -> str:
        """The last question about another convention: its mention ("la CTG de Perpignan") or, failing that,
        the territory's name ("Avec quelle Caf Caux Seine agglo a-t-elle signé ?") replaced."""
        previous, old = last["resolved"], last.get("mention")
        if old and old in previous:
            return previous.replace(old, new, 1)
        territory = (old_sheet or {}).get("territory") or {}
        for name in [territory.get("name")] + territory.get("aliases", []):
            if name:
                found = re.search(re.escape(name), previous, re.IGNORECASE)
                if found:
                    return previous[:found.start()] + new_name + previous[found.end():]
        return f"{previous.rstrip(' ?')} ({new}) ?"

    @staticmethod
    def _attach(question: str, topic: str) -> str:
        """Name the topic in a question that only points at it ("court-elle", "l'a signée", nothing)."""
        text = _capitalise(LEADING_AND.sub("", question).strip())
        pointer = re.search(r"\b(?:cette|la|sa) (?:ctg|convention)\b(?! territoriale globale de)", text, re.IGNORECASE)
        if pointer:  # "Qui a signé cette convention ?"
            return text[:pointer.start()] + topic + text[pointer.end():]
        inverted = INVERTED.search(text)
        # "Jusqu'à quand court-elle ?" -> "Jusqu'à quand la CTG de Perpignan court-elle ?"; not when a subject is
        # already there ("Combien l'agglo y consacre-t-elle ?", "Quand le premier bilan sera-t-il présenté ?")
        if inverted and not SUBJECT.search(text[:inverted.start()]):
            return text[:inverted.start()] + topic + " " + text[inverted.start():]
        return f"{text.rstrip(' ?')} ({topic}) ?"

    # -- asking -------------------------------------------------------------------------------------------
    def ask(self, question: str) -> Answer:
        """Resolve, answer (``answer.resolved_question`` is the question as understood) and remember."""
        question = self.assistant.validate(question)
        resolved, sheet = self.resolve(question)
        return self._remember(question, resolved, sheet, self.assistant.ask(resolved, about=_doc(sheet)))

    def ask_stream(self, question: str):
        """As ``ask``, yielding a language model's text as it is written (``str``), then the ``Answer``."""
        question = self.assistant.validate(question)
        resolved, sheet = self.resolve(question)
        answer = None
        for event in self.assistant.ask_stream(resolved, about=_doc(sheet)):
            if isinstance(event, str):
                yield event
            else:
                answer = event
        yield self._remember(question, resolved, sheet, answer)

    def _remember(self, question: str, resolved: str, sheet: dict | None, answer: Answer) -> Answer:
        answer.resolved_question = resolved
        cited = {c.doc for c in answer.citations}
        if sheet is None and len(cited) == 1:
            sheet = self._sheet(next(iter(cited)))  # the convention the answer is about becomes the topic
        self.state["topic"] = sheet["doc"] if sheet else None
        about = mention(sheet) if sheet else None
        self.state["turns"].append({"question": question, "resolved": resolved, "answer": answer.to_dict(),
                                    "mention": about if about and about in resolved else _find_mention(resolved),
                                    "doc": self.state["topic"]})
        answer.suggestions = self.suggestions()
        return answer

    def reset(self) -> None:
        self.state = {"topic": None, "turns": []}

    def suggestions(self, limit: int = 3) -> list[str]:
        """Follow-up questions built from the topic's fact sheet, not already asked about it."""
        sheet = self._sheet(self.state["topic"])
        if sheet is None:
            return []
        asked = {question_kind(t["resolved"]) for t in self.state["turns"] if t.get("doc") == sheet["doc"]}
        about = mention(sheet) or "cette CTG"
        found = []
        for kind, field, template in messages.SUGGESTIONS:
            value = sheet.get(field)
            if kind not in asked and (value.get("end") if isinstance(value, dict) else value):
                found.append(_capitalise(template.format(ctg=about)))
        return found[:limit]

    def to_markdown(self) -> str:
        """The conversation as Markdown: each question, the question as understood, the answer, its sources."""
        lines = [f"# {messages.EXPORT_TITLE}", ""]
        for n, turn in enumerate(self.state["turns"], 1):
            lines += [f"## {n}. {turn['question']}", ""]
            if turn["resolved"] != turn["question"]:
                lines += [f"*{messages.RESOLVED_AS} {turn['resolved']}*", ""]
            lines += [turn["answer"]["answer"], ""]
            for c in turn["answer"]["citations"]:
                quote = " ".join(c["text"].split())
                lines.append(f"- [{c['n']}] {c['title']} (`{c['doc']}`, caractères {c['start']}–{c['end']}) : « {quote} »")
            lines.append("")
        return "\n".join(lines)


def _doc(sheet: dict | None) -> str | None:
    return sheet["doc"] if sheet else None


def _find_mention(question: str) -> str | None:
    """The words that name the convention in a question ("la CTG de Perpignan"), to swap them later."""
    m = MENTION.search(question)
    if not m:
        return None
    rest = re.match(r"[A-ZÉÈÎ][\w’'-]*(?:[- ](?:(?:l['’]|d['’])?[A-ZÉÈÎ][\w’'-]*|de|du|des|la|en|sur))*",
                    question[m.end():])
    return question[m.start():m.end() + rest.end()].rstrip(" -") if rest else None
