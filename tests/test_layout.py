"""Import rules of the layout: no cycle; the library never imports gradio, evals or ui; ui never imports evals.

Read from the source (every import statement, at module level or inside a function), so that a lazy import
breaks a rule as surely as a top-level one.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("assistant", "evals", "ui")


def _modules() -> dict[str, Path]:
    found = {"app": ROOT / "app.py"}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str, importer: str, level: int, is_package: bool) -> str:
    if not level:
        return name
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imports(module: str) -> set[str]:
    """Every module ``module`` imports (ours or third-party), at any depth of its code."""
    path = MODULES[module]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module or "", module, node.level, path.name == "__init__.py")
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
    return found


def _ours(names: set[str]) -> set[str]:
    return {n for n in names if n in MODULES}


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph = {m: _ours(imports(m)) - {m} for m in MODULES}
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _top(name: str) -> str:
    return name.split(".")[0]


def test_no_import_cycle():
    assert _cycles() == []


@pytest.mark.parametrize("package, forbidden", [("assistant", {"gradio", "evals", "ui"}), ("ui", {"evals"})])
def test_forbidden_imports(package, forbidden):
    offenders = {m: sorted(n for n in imports(m) if _top(n) in forbidden)
                 for m in MODULES if _top(m) == package}
    assert {m: names for m, names in offenders.items() if names} == {}


def test_the_rules_see_lazy_imports(tmp_path):
    """The reader finds an import inside a function, relative or absolute (the rules above cannot pass blind)."""
    assert "assistant.core" in imports("assistant.cli") or "assistant.core" in imports("assistant")
    assert any(_top(n) == "gradio" for n in imports("app"))
    assert "assistant.checking.claims" in imports("assistant.core")  # imported inside a method


def test_modules_and_functions_stay_small():
    """Modules under ~300 lines and functions under ~60, as the guide asks (a little slack, no exceptions list)."""
    long_modules = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 330}
    long_functions = {}
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 65:
                long_functions[f"{module}.{node.name}"] = node.end_lineno - node.lineno + 1
    assert long_modules == {} and long_functions == {}
