"""Run a question set through the assistant and compute the metrics of the report."""
from __future__ import annotations

import json
import statistics
from pathlib import Path

from .scoring import contains_all

METRIC_KEYS = ["answer_accuracy", "citation_accuracy", "hit_at_1", "hit_at_5", "mrr_at_10",
               "refusal_precision", "refusal_recall", "false_refusal_rate", "claim_accuracy",
               "answer_chars_median", "latency_ms_p50", "latency_ms_p95"]


def load_questions(path: Path | str) -> list[dict]:
    items = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: {exc}") from exc
    return items


def first_hit_rank(passages, item: dict) -> int | None:
    """1-based rank of the first passage from the gold doc that holds every must_contain string."""
    for rank, passage in enumerate(passages, 1):
        if passage.doc == item["doc"] and contains_all(passage.text, item["must_contain"]):
            return rank
    return None


def answerable(item: dict) -> bool:
    """A question with a gold document (retrieval is scored) or, across conventions, gold documents."""
    return item["kind"] not in ("claim", "unanswerable") and bool(item.get("doc") or item.get("docs"))


def evaluate_item(assistant, item: dict, retrieval_depth: int = 10) -> dict:
    """Ask one question (or check one claim); the per-question record of the report."""
    if item["kind"] == "claim":
        return evaluate_claim(assistant, item)
    answer = assistant.ask(item["question"])
    result = {
        "id": item["id"], "kind": item["kind"], "style": item.get("style"), "where": item.get("where"),
        "question": item["question"], "doc": item.get("doc"), "docs": item.get("docs"),
        "gold": item.get("answer"), "must_contain": item.get("must_contain", []),
        "answer": answer.text, "refused": answer.refused, "confidence": answer.confidence,
        "citations": [c.to_dict() for c in answer.citations],
        "latency_ms": answer.timings_ms.get("total", 0.0),
    }
    if answerable(item):
        result["correct"] = (not answer.refused) and contains_all(answer.text, item.get("must_contain", []))
        cited = {c.doc for c in answer.citations}
        if item.get("docs"):  # across conventions: every gold document must be cited
            result["citation_correct"] = set(item["docs"]) <= cited
            # and no other, but those the texts leave undecided (a signing day without its year)
            wanted, free = set(item["docs"]), set(item.get("undecided") or [])
            result["docs_counts"] = [len(cited & wanted), len(cited - wanted - free), len(wanted - cited)]
        else:
            # an amended convention's questions also cite the other texts they need ("also_docs")
            result["citation_correct"] = {item["doc"], *(item.get("also_docs") or [])} <= cited
            result["rank"] = first_hit_rank(assistant.search(item["question"], top_k=retrieval_depth), item)
            if item.get("page"):  # a paged source: the first citation of the gold text quotes the answer's page
                pages = [c.page for c in answer.citations if c.doc == item["doc"]]
                result["page_correct"] = bool(pages) and pages[0] in {item["page"], *(item.get("also_pages") or [])}
    else:
        result["correct"] = answer.refused
    return result


def evaluate_claim(assistant, item: dict) -> dict:
    """A claim through ``check``: right when the verdict is the gold one and, unless "not_found", the gold
    document is cited."""
    verdict = assistant.check(item["question"])
    cited = {c.doc for c in verdict.citations}
    correct = verdict.verdict == item["verdict"] and (verdict.verdict == "not_found" or item.get("doc") in cited)
    return {"id": item["id"], "kind": "claim", "style": item.get("style"), "where": item.get("where"),
            "question": item["question"],
            "doc": item.get("doc"),
            "gold": item.get("answer"), "must_contain": item.get("must_contain", []),
            "gold_verdict": item["verdict"], "verdict": verdict.verdict, "attempted": True, "correct": correct,
            "answer": f"[{verdict.verdict}] {verdict.explanation}", "refused": False, "confidence": 1.0,
            "citations": [c.to_dict() for c in verdict.citations],
            "latency_ms": verdict.timings_ms.get("total", 0.0)}


VERDICTS = ["supported", "contradicted", "not_found"]


def claim_confusion(results: list[dict]) -> dict[str, dict[str, int]]:
    """``{gold: {predicted: count}}`` over the checked claims."""
    matrix = {g: {p: 0 for p in VERDICTS} for g in VERDICTS}
    for r in results:
        if r["kind"] == "claim" and r.get("attempted"):
            matrix[r["gold_verdict"]][r["verdict"]] += 1
    return matrix


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def compute_metrics(results: list[dict]) -> dict:
    ans = [r for r in results if r["kind"] not in ("claim", "unanswerable") and (r.get("doc") or r.get("docs"))]
    unans = [r for r in results if r["kind"] == "unanswerable"]
    scored = ans + unans
    refused = [r for r in scored if r["refused"]]
    ranked = [r for r in ans if "rank" in r]
    ranks = [r["rank"] for r in ranked]
    claims = [r for r in results if r["kind"] == "claim" and r.get("attempted")]
    lat = sorted(r["latency_ms"] for r in results)
    answered = [len(r["answer"]) for r in scored if not r["refused"]]
    return {
        "answer_accuracy": _ratio(sum(r["correct"] for r in ans), len(ans)),
        "citation_accuracy": _ratio(sum(r["citation_correct"] for r in ans), len(ans)),
        "hit_at_1": _ratio(sum(1 for k in ranks if k == 1), len(ranked)),
        "hit_at_5": _ratio(sum(1 for k in ranks if k and k <= 5), len(ranked)),
        "mrr_at_10": round(sum(1 / k for k in ranks if k and k <= 10) / len(ranked), 4) if ranked else None,
        "refusal_precision": _ratio(sum(1 for r in refused if r["kind"] == "unanswerable"), len(refused)),
        "refusal_recall": _ratio(sum(r["refused"] for r in unans), len(unans)),
        "false_refusal_rate": _ratio(sum(r["refused"] for r in ans), len(ans)),
        "claim_accuracy": _ratio(sum(r.get("correct", False) for r in claims), len(claims)),
        "answer_chars_median": statistics.median(answered) if answered else None,
        "latency_ms_p50": round(_percentile(lat, 50), 1) if lat else None,
        "latency_ms_p95": round(_percentile(lat, 95), 1) if lat else None,
        **_across_metrics(results),
        **_page_metrics(results),
    }


def _page_metrics(results: list[dict]) -> dict:
    """How often the cited page is the answer's page, over the questions whose source has pages."""
    paged = [r for r in results if "page_correct" in r]
    return {"page_accuracy": _ratio(sum(r["page_correct"] for r in paged), len(paged))} if paged else {}


def _across_metrics(results: list[dict]) -> dict:
    """Precision and recall of the conventions cited by the questions across conventions (none when there are none)."""
    counts = [r["docs_counts"] for r in results if "docs_counts" in r]
    if not counts:
        return {}
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    return {"across_precision": _ratio(tp, tp + fp), "across_recall": _ratio(tp, tp + fn)}


def _percentile(values: list[float], pct: float) -> float:
    if len(values) == 1:
        return values[0]
    k = (len(values) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def retrieval_metrics(assistant, items: list[dict], mode: str, depth: int = 10) -> dict:
    """hit@1, hit@5 and MRR@10 of one retrieval mode (``bm25``, ``dense`` or ``hybrid``)."""
    ranks = []
    for item in items:
        if not answerable(item) or not item.get("doc"):
            continue
        ranks.append(first_hit_rank(assistant.search(item["question"], top_k=depth, mode=mode), item))
    n = len(ranks) or 1
    return {"mode": mode, "n": len(ranks), "hit_at_1": round(sum(k == 1 for k in ranks) / n, 4),
            "hit_at_5": round(sum(1 for k in ranks if k and k <= 5) / n, 4),
            "mrr_at_10": round(sum(1 / k for k in ranks if k) / n, 4)}


def per_kind_metrics(results: list[dict], key: str = "kind") -> dict:
    """The metrics of each group of questions: by ``kind``, or by ``style`` (how the question is written)."""
    out = {}
    for kind in sorted({r.get(key) for r in results if r.get(key)}):
        rows = [r for r in results if r.get(key) == kind]
        scored = [r for r in rows if "correct" in r]
        ranked = [r for r in rows if "rank" in r]
        cited = [r for r in rows if "citation_correct" in r]
        out[kind] = {
            "n": len(rows),
            "accuracy": _ratio(sum(r["correct"] for r in scored), len(scored)),
            "citation_accuracy": _ratio(sum(r["citation_correct"] for r in cited), len(cited)),
            "hit_at_1": _ratio(sum(r["rank"] == 1 for r in ranked), len(ranked)),
            "hit_at_5": _ratio(sum(1 for r in ranked if r["rank"] and r["rank"] <= 5), len(ranked)),
            "refusal_rate": _ratio(sum(r["refused"] for r in rows), len(rows)),
            **_page_metrics(rows),
        }
    return out


def run_eval(assistant, items: list[dict], progress=None) -> dict:
    """Every question in a fresh conversation; the report's content (metrics, per kind, items)."""
    results = []
    for n, item in enumerate(items, 1):
        results.append(evaluate_item(assistant, item))
        if progress:
            progress(n, len(items))
    s = assistant.settings
    config = {"embed_model": s.embed_model, "chunking": s.chunking(), "top_k": s.top_k,
              "dense_weight": s.dense_weight, "selector": _selector_summary(assistant),
              "mode": "llm" if s.llm_base_url else "extractive", "llm_model": s.llm_model or None,
              "corpus_dir": str(s.corpus_dir)}
    return {"metrics": compute_metrics(results), "per_kind": per_kind_metrics(results),
            "per_style": per_kind_metrics(results, "style"), "per_where": per_kind_metrics(results, "where"),
            "claim_confusion": claim_confusion(results), "config": config, "items": results}


def _selector_summary(assistant) -> dict:
    """The fitted thresholds of the answer selector the run used."""
    from assistant.answering.selector import SentenceSelector

    selector = getattr(assistant, "_selector", None) or SentenceSelector.load()
    return {"refusal_threshold": selector.refusal_threshold, "companion_ratio": selector.companion_ratio,
            "shape_gate": selector.shape_gate, "answer_gate": selector.answer_gate}


def check_thresholds(metrics: dict, thresholds: dict) -> list[str]:
    """Failures of the gate: ``{"min": {...}, "max": {...}}`` bounds on metrics."""
    failed = []
    for key, bound in thresholds.get("min", {}).items():
        if metrics.get(key) is None or metrics[key] < bound:
            failed.append(f"{key} = {metrics.get(key)} < {bound}")
    for key, bound in thresholds.get("max", {}).items():
        if metrics.get(key) is None or metrics[key] > bound:
            failed.append(f"{key} = {metrics.get(key)} > {bound}")
    return failed
