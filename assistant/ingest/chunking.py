"""Paragraph- and list-aware chunking into nodes that keep exact character offsets.

Units are non-blank lines (a long line is split into sentences); units are packed into
chunks of ``min_words``..``max_words`` words, cutting preferably at blank lines, headings and
list boundaries, never inside a list item, and never between a line ending with ``:`` and
the list it introduces. A chunk's text is exactly ``source[start:end]``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Sequence

from llama_index.core.node_parser import NodeParser
from llama_index.core.schema import BaseNode, NodeRelationship, TextNode

from assistant.ingest.structure import section_at
from assistant.nlp.segment import BULLET, SENTENCE_END, trimmed

WORD = re.compile(r"\w+")
# Node metadata that is stored but kept out of the embedded / lexical text.
HIDDEN_KEYS = ["doc", "start", "end", "caf", "date", "territory_kind", "source_url", "format", "given", "page_starts",
               "sections"]


@dataclass
class Unit:
    start: int
    end: int
    words: int
    bullet: bool = False
    intro: bool = False  # ends with ':' and so introduces what follows
    para_break: bool = False  # a blank line precedes it
    heading: bool = False
    part: bool = False  # the heading of a titled part ("Article 9 – Durée"): a chunk never runs into it


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def _split_long(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    """Split an over-long line at sentence ends, then at word boundaries."""
    pieces, cursor = [], start
    for match in SENTENCE_END.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    out = []
    for s, e in pieces:
        if count_words(text[s:e]) <= max_words:
            out.append((s, e))
            continue
        words = list(re.finditer(r"\S+", text[s:e]))
        for i in range(0, len(words), max_words):
            group = words[i : i + max_words]
            out.append((s + group[0].start(), s + group[-1].end()))
    return out


def split_units(text: str, max_words: int, heading_starts: frozenset[int] = frozenset()) -> list[Unit]:
    units, offset, blank_before = [], 0, True
    for line in text.split("\n"):
        start, end = trimmed(text, offset, offset + len(line))
        offset += len(line) + 1
        if start == end:
            blank_before = True
            continue
        body = text[start:end]
        bullet = bool(BULLET.match(body))
        words = count_words(body)
        heading = start in heading_starts or (not bullet and words <= 12 and body[-1] not in ".,;:!?…"
                                              and not body.endswith(")"))
        spans = [(start, end)] if words <= max_words else _split_long(text, start, end, max_words)
        for i, (s, e) in enumerate(spans):
            units.append(
                Unit(s, e, count_words(text[s:e]), bullet=bullet, intro=text[e - 1] == ":",
                     para_break=blank_before and i == 0, heading=heading, part=start in heading_starts and i == 0)
            )
        blank_before = False
    return units


def _good_cut(prev: Unit, unit: Unit) -> bool:
    """Whether a chunk may end between ``prev`` and ``unit`` at no cost."""
    if prev.intro:
        return False
    return unit.para_break or unit.heading or unit.intro or (prev.bullet and not unit.bullet)


def pack_units(units: list[Unit], min_words: int, max_words: int) -> list[list[Unit]]:
    chunks: list[list[Unit]] = []
    current: list[Unit] = []
    size = 0
    for unit in units:
        if current and size + unit.words > max_words:
            cut = _best_cut(current, min_words)
            chunks.append(current[:cut])
            current = current[cut:]
            size = sum(u.words for u in current)
        elif current and (size >= min_words and _good_cut(current[-1], unit) or unit.part and size >= 15):
            chunks.append(current)
            current, size = [], 0
        current.append(unit)
        size += unit.words
    if current:
        chunks.append(current)
    # A tiny trailing piece (a footer line) joins the chunk before it.
    if len(chunks) > 1 and sum(u.words for u in chunks[-1]) < min_words // 4:
        tail = chunks.pop()
        chunks[-1].extend(tail)
    return chunks


def _best_cut(current: list[Unit], min_words: int) -> int:
    """Where to end an overflowing chunk: the last good cut that keeps enough words, else all."""
    total = 0
    best = len(current)
    sizes = [u.words for u in current]
    for i in range(1, len(current)):
        total = sum(sizes[:i])
        if total >= min_words // 2 and _good_cut(current[i - 1], current[i]):
            best = i
    return best


def chunk_spans(text: str, min_words: int = 80, max_words: int = 200,
                heading_starts: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the chunks of ``text`` (``heading_starts``: where titled parts begin)."""
    units = split_units(text, max_words, heading_starts)
    return [(group[0].start, group[-1].end) for group in pack_units(units, min_words, max_words)]


class BlockChunker(NodeParser):
    """llama-index node parser built on :func:`chunk_spans`."""

    min_words: int = 80
    max_words: int = 200

    @classmethod
    def class_name(cls) -> str:
        return "BlockChunker"

    def _parse_nodes(self, nodes: Sequence[BaseNode], show_progress: bool = False, **kwargs: Any) -> list[BaseNode]:
        out: list[BaseNode] = []
        for doc in nodes:
            text = doc.get_content()
            sections = doc.metadata.get("sections") or ""
            starts = frozenset(start for start, _ in json.loads(sections)) if sections else frozenset()
            for i, (start, end) in enumerate(chunk_spans(text, self.min_words, self.max_words, starts)):
                metadata = {k: v for k, v in doc.metadata.items() if k != "sections"}
                metadata.update(start=start, end=end)
                section = section_at(sections, start)
                if section:
                    metadata["section"] = section
                node = TextNode(
                    id_=f"{doc.id_}-{i:04d}",
                    text=text[start:end],
                    metadata=metadata,
                    start_char_idx=start,
                    end_char_idx=end,
                    excluded_embed_metadata_keys=list(HIDDEN_KEYS),
                    excluded_llm_metadata_keys=list(HIDDEN_KEYS),
                    relationships={NodeRelationship.SOURCE: doc.as_related_node_info()},
                )
                out.append(node)
        return out
