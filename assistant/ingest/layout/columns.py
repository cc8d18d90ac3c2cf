"""Lines set side by side: text in two columns (or two signature blocks) is read column after column, and rows
of an unruled table become table rows.

Consecutive lines cut by wide blanks at the same places form a region. A region whose cells are numbers or that
has three columns or more is a table (one line a row, the first the header); two columns of words are read left
column first. Lines without a wide blank are ordinary lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.layout.blocks import is_header, join_lines
from assistant.ingest.layout.lines import MIN_GUTTER, Line

DIGITS = re.compile(r"\d")
# A table's column labels printed apart from its rows, above a row that spans the table ("Axe 1 – Petite enfance"),
# label every table under them until a line of text longer than such a row.
SECTION_ROW_WORDS = 16
MIN_COLUMN_LINES = 4  # lines of text on each side of a gutter for a page to be set in two columns


@dataclass
class Table:
    """A table of a page, ruled or found among the lines: rows of cell texts, the first the header."""

    top: float
    rows: list[list[str]]
    page: int


def cells(line: Line) -> list[list[dict]]:
    """The words of a line grouped at blanks wider than a column gap."""
    groups = [[line.words[0]]]
    for left, right in zip(line.words, line.words[1:]):
        if right["x0"] - left["x1"] >= MIN_GUTTER:
            groups.append([])
        groups[-1].append(right)
    return groups


def _gaps(line: Line) -> list[tuple[float, float]]:
    """The wide blanks of a line, as x intervals."""
    parts = cells(line)
    return [(a[-1]["x1"], b[0]["x0"]) for a, b in zip(parts, parts[1:])]


def _narrow(gap: tuple[float, float], line: Line) -> tuple[float, float] | None:
    """The part of a column gap ``line`` leaves blank, None if it crosses it. Each run of words without a wide
    blank goes on the side of its middle: a line of the left column that ends under a gap first seen wider (a
    short title beside the right column's) narrows the gap, it does not cross it."""
    lo, hi = gap
    mid = (lo + hi) / 2
    for cell in cells(line):
        x0, x1 = cell[0]["x0"], cell[-1]["x1"]
        if (x0 + x1) / 2 < mid:
            lo = max(lo, x1)
        else:
            hi = min(hi, x0)
    return (lo, hi) if hi - lo >= 2 else None


def regions(lines: list[Line]) -> list[tuple[list[Line], list[tuple[float, float]]]]:
    """Runs of consecutive lines that leave the same column gaps blank (no gaps for ordinary lines). A line on one
    side of a gap, or a cell printed on two lines, leaves it blank too."""
    out: list[tuple[list[Line], list[tuple[float, float]]]] = []
    for line in lines:
        if out and out[-1][1]:
            kept = [_narrow(gap, line) for gap in out[-1][1]]
            if all(kept):
                out[-1][0].append(line)
                out[-1] = (out[-1][0], kept)
                continue
        out.append(([line], _gaps(line)))
    return out


def _split(line: Line, gaps: list[tuple[float, float]]) -> list[str]:
    """The text of a line in each column the gaps make."""
    bounds = [(lo + hi) / 2 for lo, hi in gaps]
    columns = [[] for _ in range(len(bounds) + 1)]
    for word in line.words:
        columns[sum(1 for b in bounds if word["x0"] > b)].append(word["text"])
    return [" ".join(c) for c in columns]


def _merged(rows: list[list[str]]) -> list[list[str]]:
    """Rows with the lines of a cell printed on two lines put back together: a line with its first cell empty, or
    with only its first cell under a full row, goes on the row above."""
    out: list[list[str]] = []
    for row in rows:
        label_only = bool(row[0]) and not any(row[1:]) and out and all(out[-1][1:])
        if out and (not row[0] or label_only):
            out[-1] = [join_lines([a, b]) for a, b in zip(out[-1], row)]
        else:
            out.append(list(row))
    return out


def gutter(lines: list[Line]) -> float | None:
    """The middle of the blank band that runs down a page set in two columns of text, None for other pages.

    Justified text spaces its words unevenly, so two columns are not found line by line: the band is the widest
    run of the page's middle that (almost) no line prints on, with lines of text (four words or more on average)
    on each side. A title across both columns may cross it."""
    if len(lines) < MIN_COLUMN_LINES * 2:
        return None
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    count = [0] * (int(right - left) + 2)
    for line in lines:
        for word in line.words:
            for x in range(int(word["x0"] - left), int(word["x1"] - left) + 1):
                count[x] += 1
    tolerance = max(1, len(lines) // 10)
    best, run_start = (0, 0), None
    for x in range(int(0.3 * (right - left)), int(0.7 * (right - left)) + 1):
        if count[x] <= tolerance:
            run_start = x if run_start is None else run_start
            best = max(best, (x - run_start + 1, run_start))
        else:
            run_start = None
    if best[0] < MIN_GUTTER:
        return None
    middle = left + best[1] + best[0] / 2
    halves = [_halves(line, middle) for line in lines]
    for side in ([a for a, _ in halves if a], [b for _, b in halves if b]):
        if len(side) < MIN_COLUMN_LINES or sum(len(ln.words) for ln in side) < 4 * len(side) or _tabular(side):
            return None  # too little text on one side, or a table's columns
    return middle


def _halves(line: Line, middle: float) -> tuple[Line | None, Line | None]:
    """The parts of a line left and right of the gutter (None for an empty one)."""
    left = [w for w in line.words if w["x1"] <= middle]
    right = [w for w in line.words if w["x0"] >= middle]
    return (Line(left, line.page) if left else None), (Line(right, line.page) if right else None)


def _tabular(lines: list[Line]) -> bool:
    """Whether lines hold a table: three lines in a row or more leave the same wide blank (justified text's wide
    spaces fall elsewhere on each line)."""
    return any(gaps and len(group) >= 3 for group, gaps in regions(lines))


def _columns(lines: list[Line], middle: float) -> list[Line | Table]:
    """A two-column page read column after column, between the lines that cross the gutter (titles, tables)."""
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for line in lines:
        if any(w["x0"] < middle < w["x1"] for w in line.words):
            out += left + right + [line]
            left, right = [], []
            continue
        a, b = _halves(line, middle)
        left += [a] if a else []
        right += [b] if b else []
    return out + left + right


def arrange(lines: list[Line]) -> list[Line | Table]:
    """Lines in reading order, unruled tables as grids."""
    middle = gutter(lines)
    if middle is not None:
        return _columns(lines, middle)
    out: list[Line | Table] = []
    header: Line | None = None  # a line of column labels, kept for the tables under it
    for group, gaps in regions(lines):
        split = [line for line in group if len(_gaps(line)) >= 1]
        if not gaps or len(split) < 2:
            if len(group) == 1 and len(_gaps(group[0])) >= 2 and is_header([" ".join(w["text"] for w in c)
                                                                            for c in cells(group[0])]):
                header = group[0]
            elif any(len(line.words) > SECTION_ROW_WORDS for line in group):
                header = None  # text: the table is over
            out += group
            continue
        rows = [_split(line, gaps) for line in group]
        filled = [c for row in rows[1:] for c in row[1:] if c]
        numeric = sum(1 for c in filled if DIGITS.search(c)) >= max(1, len(filled) // 2)
        if len(gaps) >= 2 or numeric:
            labels = _split(header, gaps) if header is not None else None
            if labels and all(labels) and is_header(labels) and not is_header(rows[0]):
                rows = [labels] + rows
                out = [item for item in out if item is not header]
            out.append(Table(group[0].top, _merged(rows), group[0].page))
        else:
            bound = (gaps[0][0] + gaps[0][1]) / 2
            left = [Line([w for w in ln.words if w["x1"] <= bound], ln.page) for ln in group]
            right = [Line([w for w in ln.words if w["x0"] >= bound], ln.page) for ln in group]
            out += [ln for ln in left + right if ln.words]
    return out
