"""User-facing errors: each carries a French message that says what to do."""
from __future__ import annotations

from assistant import messages


class CTGError(Exception):
    """Base class: the message is shown to the user as is (CLI exit 2, ``gr.Error`` in the UI)."""


class InvalidQuestion(CTGError):
    """The question is empty or too long."""


class CorpusError(CTGError):
    """The corpus folder is missing, empty or unreadable."""


class FileRefused(CTGError):
    """One source file cannot be indexed (empty, binary, corrupt, protected, too big, unsupported, bad name)."""


class AccessDenied(CTGError):
    """An administrator's action without the right password (or with administration disabled)."""


class IndexMissing(CTGError):
    """No index has been built in the index folder."""

    def __init__(self, path):
        super().__init__(messages.INDEX_MISSING.format(path=path))


class IndexMismatch(CTGError):
    """The index was built with other settings (embedding model, chunking)."""

    def __init__(self, path, built: str, wanted: str):
        super().__init__(messages.INDEX_MISMATCH.format(path=path, built=built, wanted=wanted))


class IndexOutdated(CTGError):
    """The index was laid out by an older version (``ctg index`` rebuilds it)."""

    def __init__(self, path):
        super().__init__(messages.INDEX_OUTDATED.format(path=path))


class FactsOutdated(CTGError):
    """The fact sheets were extracted by other rules (``ctg index`` refreshes them, embedding nothing)."""

    def __init__(self, path):
        super().__init__(messages.FACTS_OUTDATED.format(path=path))


class IndexCorrupt(CTGError):
    """The index files cannot be read."""

    def __init__(self, path, detail: str):
        super().__init__(messages.INDEX_CORRUPT.format(path=path, detail=detail))


class StoreUnavailable(CTGError):
    """The Chroma server cannot be reached."""


class ModelUnavailable(CTGError):
    """The embedding model is not installed."""
