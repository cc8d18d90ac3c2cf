"""``ctg bench --docs N``: generated press releases + the seeds, indexed and questioned, with the plain
llama-index baseline (``VectorStoreIndex`` over the same Chroma collection and embeddings, default retriever)
measured in the same run."""
from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .benchgen import generate, write
from .harness import _percentile, answerable, first_hit_rank, load_questions
from .scoring import contains_all

ROOT = Path(__file__).resolve().parents[1]
KEYS = ["docs", "chunks", "ingest_s", "chunks_per_s", "embed_only_chunks_per_s", "reingest_unchanged_s", "ready_s",
        "answer_ms_p50", "answer_ms_p95", "peak_rss_mb", "hit_at_1", "baseline_ms_p50", "baseline_ms_p95",
        "baseline_hit_at_1", "questions"]
# A new process answers one question and prints the wall-clock time of its answer (its exit, which frees
# hundreds of megabytes, is not part of being ready). The question names no convention, so that it takes the
# whole path: BM25 and the query embedding (model loaded), Chroma, the fact sheets, answer selection (word vectors).
READY_QUESTION = "Quels sont les objectifs d'une convention territoriale globale ?"
READY_PROBE = ("import os, sys, time; from assistant import Assistant, Settings; "
               "a = Assistant(Settings(corpus_dir=sys.argv[1], index_dir=sys.argv[2])); "
               f"a.ask({READY_QUESTION!r}); print(time.time(), flush=True); os._exit(0)")


def questions_for(generated: list[dict], minimum: int = 200) -> list[dict]:
    """The seed questions with a gold passage, then generated ones (kinds in turn) up to at least ``minimum``
    questions, and at least 100 generated ones when there are documents enough."""
    seed = [q for q in load_questions(ROOT / "evals" / "questions.jsonl") if answerable(q) and q.get("doc")]
    wanted = max(minimum - len(seed), min(100, len(generated) * 4))
    extra = []
    for round_ in range(4):
        for i, doc in enumerate(generated):
            if len(extra) >= wanted:
                return seed + extra
            question = doc["questions"][(i + round_) % len(doc["questions"])]
            extra.append({**question, "id": f"bench-{i}-{round_}", "doc": doc["file"]})
    return seed + extra


def run_bench(n: int, out: Path, progress=None) -> dict:
    """Index the seeds and ``n`` generated press releases into ``out``, time indexing, start-up and answers,
    measure the baseline on the same questions; the figures are also written to ``out/bench.json``."""
    from assistant import Assistant, Settings

    corpus, index = out / "corpus", out / "index"
    generated = _prepare_corpus(n, out, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=index)
    assistant = Assistant(settings)
    report, ingest_s, reingest_s = _time_indexing(assistant, settings, progress)
    embed_only = _embed_only_speed(assistant)
    ready_s = _ready_seconds(corpus, index)
    items = questions_for(generated)
    answer_ms, ranks = _time_answers(assistant, items)
    base_ms, base_hits = _time_baseline(assistant, settings, items)
    result = {
        "docs": report.docs, "chunks": report.chunks, "ingest_s": round(ingest_s, 1),
        "chunks_per_s": round(report.chunks / ingest_s, 2), "embed_only_chunks_per_s": round(embed_only, 2),
        "reingest_unchanged_s": round(reingest_s, 2), "ready_s": round(ready_s, 2),
        "answer_ms_p50": round(statistics.median(answer_ms), 1),
        "answer_ms_p95": round(_percentile(sorted(answer_ms), 95), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "hit_at_1": round(sum(r == 1 for r in ranks) / len(items), 4),
        "baseline_ms_p50": round(statistics.median(base_ms), 1),
        "baseline_ms_p95": round(_percentile(sorted(base_ms), 95), 1),
        "baseline_hit_at_1": round(base_hits / len(items), 4), "questions": len(items),
    }
    (out / "bench.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


def _prepare_corpus(n: int, out: Path, corpus: Path) -> list[dict]:
    """A fresh ``out`` folder whose corpus is the seeds and ``n`` generated press releases (returned)."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(ROOT / "corpus", corpus)
    generated = generate(n)
    write(generated, corpus)
    return generated


def _time_indexing(assistant, settings, progress):
    """The report of a first indexing, its seconds, and the seconds of a second run with nothing changed."""
    from assistant.ingest.pipeline import build_index

    embed_model = assistant.embed_model
    t = time.perf_counter()
    report = build_index(settings, embed_model, client=assistant.client, progress=progress)
    ingest_s = time.perf_counter() - t
    t = time.perf_counter()
    build_index(settings, embed_model, client=assistant.client)
    reingest_s = time.perf_counter() - t
    return report, ingest_s, reingest_s


def _embed_only_speed(assistant) -> float:
    """Raw encoding speed (chunks a second) of the same chunk texts, as the pipeline embeds them."""
    from llama_index.core.schema import MetadataMode

    store = assistant.handle.docstore
    chunks = (node for node in map(store.get_node, store.ids()) if node.ref_doc_id)
    sample = [node.get_content(metadata_mode=MetadataMode.EMBED) for _, node in zip(range(400), chunks)]
    t = time.perf_counter()
    assistant.embed_model.get_text_embedding_batch(sample)
    return len(sample) / (time.perf_counter() - t)


def _ready_seconds(corpus: Path, index: Path) -> float:
    """Seconds from starting a new process to its first answer (see ``READY_PROBE``)."""
    started = time.time()
    probe = subprocess.run([sys.executable, "-c", READY_PROBE, str(corpus), str(index)], check=True,
                           capture_output=True, text=True)
    return float(probe.stdout.strip().splitlines()[-1]) - started


def _time_answers(assistant, items: list[dict]) -> tuple[list[float], list]:
    """Milliseconds of each answer, and the rank of the first gold passage the assistant's search finds."""
    assistant.ask(items[0]["question"])  # warm: models and vocabularies loaded (ready_s measures a cold start)
    answer_ms, ranks = [], []
    for item in items:
        t = time.perf_counter()
        assistant.ask(item["question"])
        answer_ms.append((time.perf_counter() - t) * 1000)
        ranks.append(first_hit_rank(assistant.search(item["question"], top_k=1), item))
    return answer_ms, ranks


def _time_baseline(assistant, settings, items: list[dict]) -> tuple[list[float], int]:
    """Milliseconds of each retrieval of the plain llama-index retriever over the same Chroma collection, and how
    many of its first passages are the gold one."""
    from llama_index.core import VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.store.index import collection_names, get_collection

    passages = get_collection(assistant.client, settings, False, collection_names(settings)[0])
    baseline = VectorStoreIndex.from_vector_store(ChromaVectorStore(chroma_collection=passages),
                                                  embed_model=assistant.embed_model).as_retriever()
    base_ms, base_hits = [], 0
    baseline.retrieve(items[0]["question"])  # warm, as above
    for item in items:
        t = time.perf_counter()
        found = baseline.retrieve(item["question"])
        base_ms.append((time.perf_counter() - t) * 1000)
        top = found[0].node if found else None
        base_hits += bool(top and top.metadata.get("doc") == item["doc"]
                          and contains_all(top.get_content(), item["must_contain"]))
    return base_ms, base_hits


def add_parser(sub) -> None:
    p = sub.add_parser("bench", help="mesurer vitesse, mémoire et qualité sur N communiqués générés")
    p.add_argument("--docs", type=int, default=1000, help="nombre de communiqués générés (en plus des cinq)")
    p.add_argument("--out", default="reports/bench", help="dossier du corpus, de l'index et de bench.json")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(func=cmd_bench)


def cmd_bench(args) -> int:
    from assistant.ingest.progress import progress_bar

    result = run_bench(args.docs, Path(args.out), progress=progress_bar("Indexation"))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key in KEYS:
            print(f"{key:<26}{result[key]}")
    return 0
