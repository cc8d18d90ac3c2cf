"""A terminal progress bar for the ``progress(done, total)`` callbacks of indexing, evaluation and the bench."""
from __future__ import annotations

import sys
from typing import Callable


def progress_bar(desc: str, unit: str = "doc") -> Callable[[int, int], None]:
    """A ``progress(done, total)`` callback drawing a tqdm bar on standard error, opened at the first call
    (when the total is known) and closed when ``done`` reaches it."""
    from tqdm import tqdm

    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return update
