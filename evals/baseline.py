"""The 30-line baseline issue 16 compares with: French BM25 over every sentence of the corpus, the answer is the
top two sentences, never a refusal. ``python -m evals.baseline --corpus DIR --questions FILE``."""
from __future__ import annotations

import argparse
from pathlib import Path

import bm25s

from assistant.ingest.readers import read_file
from assistant.nlp.segment import sentence_spans
from assistant.nlp.text import analyze

from .harness import answerable, load_questions
from .scoring import contains_all


def run(corpus: Path, questions: Path) -> dict:
    sentences = []  # (doc, sentence)
    for path in sorted(p for p in corpus.iterdir() if p.suffix in {".txt", ".md", ".html", ".pdf", ".docx"}):
        text = read_file(path, max_mb=50).text
        sentences += [(path.name, text[s:e]) for s, e in sentence_spans(text)]
    bm25 = bm25s.BM25()
    bm25.index([analyze(s) or ["_"] for _, s in sentences], show_progress=False)
    items = [q for q in load_questions(questions) if q["kind"] != "claim"]
    correct = cited = n_answerable = 0
    for item in items:
        tokens = [t for t in analyze(item["question"]) if t in bm25.vocab_dict]
        top = (-bm25.get_scores(tokens)).argsort(kind="stable")[:2] if tokens else []
        chosen = [sentences[i] for i in top]
        if answerable(item):
            n_answerable += 1
            correct += contains_all(" ".join(s for _, s in chosen), item["must_contain"])
            cited += any(doc == item["doc"] for doc, _ in chosen)
    return {"questions": len(items), "answer_accuracy": round(correct / len(items), 3),
            "citation_accuracy": round(cited / max(n_answerable, 1), 3), "unanswerable_refused": 0.0}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True)
    args = parser.parse_args()
    print(run(args.corpus, args.questions))
