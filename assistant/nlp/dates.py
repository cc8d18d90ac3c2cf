"""French dates in folded text: "6 fevrier 2023", "1er janvier 2020", "mardi 16 janvier", "juillet 2024",
"2022-2026", "de 2024 a 2028".

Dates are found by patterns over the shared month vocabulary and written as ISO strings at the precision the
text gives: "2023-02-06", "--02-06" (no year), "2024-07", "2024". dateparser was measured for this job and not
kept (see the README, "Parsers"): it parses a given string, but finding dates inside sentences with its search
is slower by three orders of magnitude and mistakes common words for dates.
"""
from __future__ import annotations

import re

from assistant.nlp.vocab import MONTH, month_number

FULL_DATE = re.compile(rf"\b(\d{{1,2}})(?:er)? ({MONTH})(?: (\d{{4}}))?\b")
MONTH_YEAR = re.compile(rf"\b({MONTH}) (\d{{4}})\b")
YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# "2022-2026", "2024 a 2028", "de 2024 au 2028", "entre 2022 et 2026"
RANGE = re.compile(r"\b((?:19|20)\d{2})(?:\s*[-–—‐‑/]\s*|\s+(?:a|au|et)\s+)((?:19|20)\d{2})\b")
# "du 1er janvier 2024 au 31 décembre 2028"
DATE_RANGE = re.compile(rf"\bdu (?:\d{{1,2}}(?:er)? )?(?:{MONTH}) ((?:19|20)\d{{2}}) au (?:\d{{1,2}}(?:er)? )?(?:{MONTH}) "
                        r"((?:19|20)\d{2})\b")


def day_date(match: re.Match) -> str:
    """ISO text of a ``FULL_DATE`` match: "2023-02-06", or "--02-06" when the year is not given."""
    month, day = month_number(match.group(2)), int(match.group(1))
    return f"{match.group(3)}-{month:02d}-{day:02d}" if match.group(3) else f"--{month:02d}-{day:02d}"


def month_date(match: re.Match) -> str:
    """ISO text of a ``MONTH_YEAR`` match: "2024-07"."""
    return f"{match.group(2)}-{month_number(match.group(1)):02d}"
