"""Lines set side by side: text in two columns (or two signature blocks) is read column after column, and rows
of an unruled table become table rows.

Consecutive lines cut by wide blanks at the same places form a region. A region whose cells are numbers or that
has three columns or more is a table (one line a row, the first the header); two columns of words are read left
column first. Lines without a wide blank are ordinary lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.layout.blocks import join_lines
from assistant.ingest.layout.lines import MIN_GUTTER, Line

DIGITS = re.compile(r"\d")


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
    """The part of a column gap ``line`` leaves blank (each word on the side of its middle), None if it crosses it."""
    lo, hi = gap
    mid = (lo + hi) / 2
    for word in line.words:
        if (word["x0"] + word["x1"]) / 2 < mid:
            lo = max(lo, word["x1"])
        else:
            hi = min(hi, word["x0"])
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


def arrange(lines: list[Line]) -> list[Line | Table]:
    """Lines in reading order, unruled tables as grids."""
    out: list[Line | Table] = []
    for group, gaps in regions(lines):
        split = [line for line in group if len(_gaps(line)) >= 1]
        if not gaps or len(split) < 2:
            out += group
            continue
        rows = [_split(line, gaps) for line in group]
        filled = [c for row in rows[1:] for c in row[1:] if c]
        numeric = sum(1 for c in filled if DIGITS.search(c)) >= max(1, len(filled) // 2)
        if len(gaps) >= 2 or numeric:
            out.append(Table(group[0].top, _merged(rows), group[0].page))
        else:
            bound = (gaps[0][0] + gaps[0][1]) / 2
            left = [Line([w for w in ln.words if w["x1"] <= bound], ln.page) for ln in group]
            right = [Line([w for w in ln.words if w["x0"] >= bound], ln.page) for ln in group]
            out += [ln for ln in left + right if ln.words]
    return out
