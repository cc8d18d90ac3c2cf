"""``ctg eval``: index a corpus into a fresh folder, ask every question, write the reports."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.errors import CTGError


def add_parser(sub) -> None:
    p = sub.add_parser("eval", help="évaluer l'assistant sur un jeu de questions")
    p.add_argument("--corpus", default="corpus", help="dossier des documents")
    p.add_argument("--questions", help="fichier JSON Lines des questions (défaut : evals/questions.jsonl, sauf si "
                   "seul --conversations est donné)")
    p.add_argument("--conversations", help="fichier JSON Lines de conversations à plusieurs tours")
    p.add_argument("--out", default="reports/latest", help="dossier des rapports (et de l'index d'évaluation)")
    p.add_argument("--mode", choices=["extractive", "llm"], default="extractive")
    p.add_argument("--thresholds", help="fichier JSON de seuils : code de sortie 1 si l'un n'est pas atteint")
    p.add_argument("--facts", nargs="+", metavar="GOLD", help="comparer les fiches CTG extraites du corpus à des "
                   "fichiers de référence (facts_gold.json) : précision et rappel par champ")
    p.add_argument("--compare", nargs=2, metavar=("A", "B"), help="comparer deux report.json")
    p.set_defaults(func=run)


def run(args) -> int:
    from .report import compare, write_reports

    if args.compare:
        a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        print(compare(a, b))
        return 0
    if args.facts:
        return _facts(args)
    from assistant import Assistant, Settings, messages
    from assistant.ingest.progress import progress_bar

    from .conversations import load_conversations, run_conversations
    from .harness import check_thresholds, load_questions, run_eval

    out = Path(args.out)
    questions = args.questions or (None if args.conversations else "evals/questions.jsonl")
    try:
        items = load_questions(questions) if questions else []
        conversations = load_conversations(args.conversations) if args.conversations else []
    except (OSError, ValueError) as exc:
        raise CTGError(f"Fichier de questions illisible : {exc}") from exc
    settings = Settings(corpus_dir=Path(args.corpus), index_dir=out / "index")
    if args.mode == "llm" and not settings.llm_base_url:
        raise CTGError(messages.LLM_NOT_CONFIGURED)
    if args.mode == "extractive":
        settings = settings.model_copy(update={"llm_base_url": None})
    assistant = Assistant(settings)
    assistant.index(rebuild=True, progress=progress_bar("Indexation"))
    report = run_eval(assistant, items, progress=progress_bar("Questions", unit="question"))
    report["config"]["questions"] = str(questions)
    if conversations:
        report["conversations"] = run_conversations(assistant, conversations,
                                                    progress=progress_bar("Conversations", unit="conv"))
        report["config"]["conversations"] = str(args.conversations)
        report["metrics"].update({k: v for k, v in report["conversations"]["metrics"].items()
                                  if k.endswith("accuracy")})
    write_reports(report, out)
    for key, value in report["metrics"].items():
        print(f"{key:<22}{value}")
    print(f"\nRapports : {out / 'report.json'}, {out / 'report.md'}, {out / 'report.html'}")
    if args.thresholds:
        failed = check_thresholds(report["metrics"], json.loads(Path(args.thresholds).read_text()))
        for line in failed:
            print(f"SEUIL NON ATTEINT : {line}", file=sys.stderr)
        return 1 if failed else 0
    return 0


def _facts(args) -> int:
    from .facts_eval import run_facts, table

    try:
        scores = run_facts(Path(args.corpus), args.facts, Path(args.out))
    except (OSError, ValueError, KeyError) as exc:
        raise CTGError(f"Fichier de référence des fiches illisible : {exc}") from exc
    print(table(scores))
    print(f"\nRapport : {Path(args.out) / 'facts.json'}")
    return 0
