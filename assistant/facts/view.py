"""The fact sheets as a table (the app's "Fiches CTG" tab) and as CSV, with each cell's source span."""
from __future__ import annotations

import csv
import io

from assistant import messages
from assistant.render import date_text, period_text

COLUMNS = [  # (header, span key of the cell's fact)
    (messages.LABEL_TERRITORY, "territory"),
    ("Type", "territory"),
    (messages.LABEL_CAF, "caf"),
    (messages.LABEL_SIGNED, "signed_on"),
    (messages.LABEL_PERIOD, "period"),
    (messages.LABEL_DOMAINS, "domains[0]"),
    (messages.LABEL_SIGNATORIES, "signatories[0]"),
    ("Document", None),
]


def _cells(sheet: dict) -> list[str]:
    territory = sheet.get("territory") or {}
    return [
        territory.get("name") or "",
        territory.get("kind") or "",
        sheet.get("caf") or "",
        _signed(sheet.get("signed_on")),
        period_text(sheet.get("period") or {}),
        ", ".join(sheet.get("domains") or []),
        "; ".join(p["name"] for p in sheet.get("signatories") or []),
        sheet["doc"],
    ]


def _signed(iso: str | None) -> str:
    """"6 février 2023", "juillet 2024", "12 janvier, année non précisée"."""
    if not iso:
        return ""
    return date_text(iso) + (f", {messages.YEAR_NOT_GIVEN}" if iso.startswith("--") else "")


def fact_table(sheets: list[dict]) -> tuple[list[str], list[list[str]]]:
    """Headers and one row per convention; the last column is the document, which keys a row."""
    return [header for header, _ in COLUMNS], [_cells(sheet) for sheet in sheets]


def facts_csv(sheets: list[dict]) -> str:
    """The table as CSV (UTF-8, comma-separated, header row)."""
    headers, rows = fact_table(sheets)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue()


def cell_span(sheet: dict, column: int) -> tuple[int, int] | None:
    """The source span of the fact shown in a cell, or None (document column, missing fact)."""
    if not 0 <= column < len(COLUMNS) or COLUMNS[column][1] is None:
        return None
    span = (sheet.get("spans") or {}).get(COLUMNS[column][1])
    return (span[0], span[1]) if span else None
