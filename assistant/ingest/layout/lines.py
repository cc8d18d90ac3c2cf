"""Printed lines of a PDF page from its words: grouping, running headers and footers, tables of contents."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

PAGE_NUMBER = re.compile(r"^(?:page\s*)?#+(?:\s*(?:/|sur|of)\s*#+)?$|^[-–—]\s*#+\s*[-–—]$|^#+\s*/\s*#+$", re.I)
DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d+\s*$|…{2,}\s*\d+\s*$|_{4,}\s*\d+\s*$")
BAND = 0.09  # share of the page height where running headers and footers are printed
MIN_GUTTER = 9.0  # points of white space between two columns


@dataclass
class Line:
    words: list[dict]
    page: int

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return self.words[-1]["x1"]

    @property
    def size(self) -> float:
        return median(w.get("size", 10.0) for w in self.words)

    @property
    def bold(self) -> bool:
        return all(re.search(r"bold|black|heavy", w.get("fontname", ""), re.I) for w in self.words)


def group_lines(words: list[dict], page: int) -> list[Line]:
    """Words on the same baseline, left to right; lines top to bottom."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        tolerance = max(2.0, word.get("size", 10.0) * 0.35)
        for line in reversed(lines[-3:]):
            if abs(line[0]["top"] - word["top"]) <= tolerance:
                line.append(word)
                break
        else:
            lines.append([word])
    return [Line(sorted(ws, key=lambda w: w["x0"]), page) for ws in sorted(lines, key=lambda ws: ws[0]["top"])]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def running_lines(pages: list[list[Line]], heights: list[float]) -> set[str]:
    """Shapes (digits as #) of the lines printed in the top or bottom band of at least 30 % of the pages."""
    counts: Counter = Counter()
    for lines, height in zip(pages, heights):
        band = {_shape(ln.text) for ln in lines if ln.bottom < height * BAND or ln.top > height * (1 - BAND)}
        counts.update(band)
    least = max(2, 0.3 * len(pages))
    return {shape for shape, n in counts.items() if n >= least}


def is_furniture(line: Line, height: float, running: set[str]) -> bool:
    """A running header or footer, or a page number, in the page's top or bottom band."""
    if not (line.bottom < height * BAND or line.top > height * (1 - BAND)):
        return False
    shape = _shape(line.text)
    return shape in running or bool(PAGE_NUMBER.match(shape))


def is_contents_entry(line: Line) -> bool:
    """A table-of-contents line: a title, dot leaders and a page number."""
    return bool(DOT_LEADER.search(line.text))
