"""Deterministic generator of a long-document CTG test collection (invented territories).

`python -m evals.longdocs --out DIR [--seed 7]` writes DIR/corpus/ (PDF and DOCX conventions and
avenants), DIR/questions.jsonl and DIR/facts.json. See README.md in this folder.
"""
from __future__ import annotations

from .generate import generate

__all__ = ["generate"]
