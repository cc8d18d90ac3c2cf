"""Which sentences make the answer, once each candidate has its probability."""
from __future__ import annotations

from assistant.answering.qtypes import (
    LIST_KINDS,
    bullet_marker,
    counted_noun,
    has_shape,
    introduces,
    question_kind,
    shape_required,
)


def lacks_shape(question: str, candidates: list) -> bool:
    """Whether no retrieved sentence of the best candidate's text has what the question cannot be answered
    without (a number to call, a year, a number for an amount or a count): the selector refuses then when its
    model file says so (``shape_gate``)."""
    kind = question_kind(question)
    if not shape_required(kind, counted_noun(question)):
        return False
    best = candidates[0]
    return not any(has_shape(kind, c.text) for c in candidates if c.doc == best.doc)


def _list_opening(candidates: list, kind: str, ratio: float):
    """The sentence an answer starts from: the best one, but for a list question whose best sentence
    opens no list: the opening of its own list when the best is an item that says no more of the question; else
    a list opening ("4 grands axes ont été retenus :") of the same text nearly as likely (``ratio`` of the best)
    that says more of the question than the best sentence."""
    best = candidates[0]
    if kind not in LIST_KINDS or introduces(best.text):
        return best
    if best.is_list_item:
        opening = _opening_of(best, candidates)
        return opening if opening is not None and opening.coverage >= best.coverage else best
    for cand in candidates[1:]:
        if cand.score < ratio * best.score:
            break
        if cand.doc == best.doc and cand.text.rstrip().endswith(":") and cand.coverage > best.coverage and any(
                c.hit_index == cand.hit_index and c.start > cand.start and c.is_list_item for c in candidates):
            return cand
    return best


def _opening_of(item, candidates: list):
    """The line ending with ':' that opens the list ``item`` is in, when it is among the candidates."""
    before = sorted((c for c in candidates if c.hit_index == item.hit_index and c.start < item.start),
                    key=lambda c: -c.start)
    for cand in before:
        if not cand.is_list_item:
            return cand if cand.text.rstrip().endswith(":") else None
    return None


def select(candidates: list, kind: str, ratio: float, max_chars: int, max_sentences: int) -> list:
    """The sentences of the answer, from candidates best first: the best one; a list's introduction brings its
    items; other sentences of its text whose probability is at least ``ratio`` of the best join it, up to
    ``max_sentences`` and ``max_chars`` characters (half as much again for a list), the best one's passage first."""
    best = _list_opening(candidates, kind, ratio)
    chosen = [best]
    limit = max_chars * (1.5 if kind in LIST_KINDS else 1.0)
    size = len(best.text)
    if kind in LIST_KINDS and introduces(best.text):
        # An item more likely than its introduction that says more of the question is the answer by itself.
        items = [c for c in candidates if c.hit_index == best.hit_index and c.start > best.start
                 and c.is_list_item and c.coverage > best.coverage and c.score > best.score]
        if items:
            return [max(items, key=lambda c: c.score)]
        # A list answer: the introduction (or list heading), then the items that follow it, in order,
        # while they carry the same kind of marker (a "– Jeunesse" heading ends a "1) …" list).
        following = sorted((c for c in candidates if c.hit_index == best.hit_index and c.start > best.start),
                           key=lambda c: c.start)
        marker = bullet_marker(following[0].text) if following else ""
        for cand in following:
            if not cand.is_list_item or bullet_marker(cand.text) != marker or size + len(cand.text) > limit:
                break
            chosen.append(cand)
            size += len(cand.text)
        return chosen
    for cand in candidates[1:]:
        if len(chosen) >= max_sentences or cand.score < ratio * best.score:
            break
        if cand.doc != best.doc:  # an answer about one convention is read in one text
            continue
        if any(c.hit_index == cand.hit_index and c.start < cand.end and cand.start < c.end for c in chosen):
            continue
        if size + len(cand.text) > limit:
            continue
        chosen.append(cand)
        size += len(cand.text)
    # the best sentence's passage first (its citation is [1]), each passage's sentences in reading order
    return sorted(chosen, key=lambda c: (c.hit_index != best.hit_index, c.hit_index, c.start))
