"""``ctg train``: fit the answer selector on question sets, with cross-validation grouped by document.

Each set is indexed into a work folder; every question that is not a claim gives its candidate sentences and
their features (``Assistant.candidates``). A sentence is a positive example when it is in the question's gold
document and holds one of its ``must_contain`` strings. A logistic regression is fit out-of-fold (folds grouped
by gold document, so no document is both trained and scored on); the refusal threshold and the companion ratio
are then chosen on the out-of-fold probabilities, to maximise the mean answer accuracy over the sets. The final
model is fit on everything and written with the training data's fingerprint and the out-of-fold metrics.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

DEVSET = Path("../shared/devset")
# (name, corpus folder, question files): the devset's a and b questions, and the training questions written here
# on the a and b texts (evals/devset_train_*.jsonl), are asked over all 53 of its texts, as the check on slice c
# is; slice c's questions are never read here.
SETS = [
    ("seeds", "corpus", ["evals/questions.jsonl"]),
    ("synthetic", "evals/synthetic/corpus", ["evals/synthetic/questions.jsonl"]),
    ("devset-ab", "devset", [str(DEVSET / "slice-a/questions.jsonl"), str(DEVSET / "slice-b/questions.jsonl"),
                             "evals/devset_train_a.jsonl", "evals/devset_train_b.jsonl"]),
]


def add_parser(sub) -> None:
    p = sub.add_parser("train", help="entraîner le sélecteur de réponses (validation croisée par document)")
    p.add_argument("--work", default="reports/train", help="dossier de travail (index des jeux d'entraînement)")
    p.add_argument("--out", help="fichier du modèle (défaut : celui du paquet, assistant/answering/selector.json)")
    p.add_argument("--folds", type=int, default=5)
    p.set_defaults(func=run)


def run(args) -> int:
    from assistant.answering.selector import MODEL_FILE

    from .fitting import fit_selector

    examples = collect(Path(args.work))
    selector, report = fit_selector(examples, folds=args.folds)
    selector.info["training"]["sets"] = {name: fingerprint(name, corpus, files) for name, corpus, files in
                                         available_sets()}
    out = Path(args.out) if args.out else MODEL_FILE
    selector.save(out)
    print(report)
    print(f"\nModèle écrit : {out}")
    return 0


def available_sets():
    """The training sets present on this machine (the devset is not in a fresh clone)."""
    for name, corpus, files in SETS:
        if name == "devset-ab" and not DEVSET.is_dir():
            print(f"{DEVSET} absent : entraînement sans le jeu réel (devset a+b).")
            continue
        yield name, corpus, files


def collect(work: Path) -> list[dict]:
    """One example a question: its set, gold, kind, and candidate sentences with features and labels."""
    from assistant import Assistant, Settings
    from assistant.answering.selector import FEATURES, SentenceSelector
    from assistant.errors import CTGError
    from assistant.ingest.progress import progress_bar
    from assistant import messages

    from .harness import answerable, load_questions
    from .scoring import normalize

    # features do not depend on the model: a neutral one, so that training never needs a previous model file
    n = len(FEATURES)
    neutral = SentenceSelector(FEATURES, np.zeros(n), np.ones(n), np.zeros(n), 0.0)
    examples = []
    for name, corpus, files in available_sets():
        corpus_dir = _devset_corpus(work) if corpus == "devset" else Path(corpus)
        settings = Settings(corpus_dir=corpus_dir, index_dir=work / name / "index", llm_base_url=None)
        assistant = Assistant(settings, selector=neutral)
        assistant.index(rebuild=True, progress=progress_bar(f"Indexation ({name})"))
        # claims go to the claim check, questions across conventions to the fact sheets: not the selector's
        items = [q for f in files for q in load_questions(f) if q["kind"] != "claim" and not q.get("docs")]
        bar = progress_bar(f"Questions ({name})", unit="question")
        for k, item in enumerate(items, 1):
            candidates = assistant.candidates(item["question"])
            needles = [normalize(m) for m in item.get("must_contain", [])]
            gold = item.get("doc") if answerable(item) else None
            labels = [bool(gold) and c.doc == gold and any(m in normalize(c.text) for m in needles)
                      for c in candidates]
            examples.append({"set": name, "id": item["id"], "question": item["question"], "group": f"{name}:{gold or item['id']}",
                             "kind": item["kind"], "style": item.get("style"), "answerable": answerable(item),
                             "must_contain": item.get("must_contain", []), "doc": gold,
                             "candidates": candidates, "labels": labels,
                             "is_name": assistant.handle.spelling.is_name})
            if bar:
                bar(k, len(items))
    if not examples:
        raise CTGError(messages.TRAIN_NO_DATA)
    return examples


def _devset_corpus(work: Path) -> Path:
    """A folder of links to the 53 devset texts (never copied into the repo)."""
    folder = work / "devset-corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for text in sorted(DEVSET.glob("slice-*/corpus/*.txt")):
        link = folder / text.name
        if not link.exists():
            link.symlink_to(text.resolve())
    return folder


def fingerprint(name: str, corpus: str, files: list[str]) -> dict:
    """sha256 of the question files and of the corpus's texts (names and contents, in name order)."""
    digest = hashlib.sha256()
    paths = [Path(f) for f in files]
    folder = DEVSET if corpus == "devset" else Path(corpus)
    texts = sorted(folder.glob("slice-*/corpus/*.txt") if corpus == "devset" else folder.glob("*"))
    for path in paths + [t for t in texts if t.is_file()]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return {"questions": [str(p) for p in paths], "corpus": corpus, "sha256": digest.hexdigest()}
