"""Shared fixtures: the real embedding model, loaded once, and a seed index built in a temp dir."""
from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def pytest_configure(config):
    # No model hub, no telemetry: everything must come from installed packages.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    for key in [k for k in os.environ if k.startswith("CTG_")]:
        del os.environ[key]


@pytest.fixture(scope="session")
def embed_model():
    from assistant.store.embeddings import load_embedding

    return load_embedding("e5-small")


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory, embed_model):
    """Settings of an index of the seed corpus, built once for the session."""
    from assistant import Settings
    from assistant.ingest.pipeline import build_index

    settings = Settings(corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("index"))
    build_index(settings, embed_model)
    return settings


@pytest.fixture(scope="session")
def seed_assistant(seed_index, embed_model):
    from assistant import Assistant

    return Assistant(seed_index, embed_model=embed_model)


@pytest.fixture
def corpus_copy(tmp_path):
    """A private, writable copy of the seed corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


# Scores closer than this, relative to the best one, are equal: their order is arithmetic noise that changes with the
# CPU and its libraries (the e5 engine, BLAS, SIMD sorts), about 1e-4 on a fused score. No assertion may depend on it.
SCORE_TOLERANCE = 1e-3


def top_ties(ranked, rel_tol: float = SCORE_TOLERANCE) -> list:
    """The head of a best-first list (passages, hits: anything with a ``score``) that is tied with the first item
    within ``rel_tol``: on another machine any of them may come first."""
    if not ranked:
        return []
    floor = ranked[0].score - rel_tol * max(abs(ranked[0].score), 1e-9)
    return [item for item in ranked if item.score >= floor]


def top_docs(ranked, rel_tol: float = SCORE_TOLERANCE) -> set[str]:
    """The documents of the passages tied for first place."""
    return {item.doc for item in top_ties(ranked, rel_tol)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def indexed_seed_copy(tmp_path_factory, embed_model, name: str, extra: dict[str, str]):
    """Settings of an index of the seeds plus ``extra`` files (``{file name: text}``), built in temp dirs."""
    from assistant import Settings
    from assistant.ingest.pipeline import build_index

    corpus = tmp_path_factory.mktemp(name) / "corpus"
    shutil.copytree(CORPUS, corpus)
    for file, text in extra.items():
        (corpus / file).write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp(f"{name}-index"))
    build_index(settings, embed_model)
    return settings
