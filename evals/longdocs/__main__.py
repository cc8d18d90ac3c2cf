"""Command line: python -m evals.longdocs --out DIR [--seed 7]."""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from .generate import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.longdocs", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    results = generate(args.out, args.seed)
    for r in results:
        pages = f"{r.total} pages" if r.spec.fmt == "pdf" else f"~{r.total} pages (estimate)"
        print(f"{r.spec.file:60s} {r.spec.kind:10s} {pages}")
    lines = (args.out / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    print(f"{len(lines)} questions, {len(results)} documents, {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
