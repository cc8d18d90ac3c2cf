"""``ctg``: a thin command-line client of the library (user errors: French message, exit code 2)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from importlib.metadata import entry_points
from pathlib import Path

from assistant.errors import CTGError
from assistant.ingest.progress import progress_bar


def _settings(args):
    from assistant.config import Settings

    overrides = {}
    if getattr(args, "corpus", None):
        overrides["corpus_dir"] = Path(args.corpus)
    if getattr(args, "index", None):
        overrides["index_dir"] = Path(args.index)
    return Settings(**overrides)


def _ready(args, question: str | None = None):
    """The assistant of the command's settings, its index opened (built first if missing); a question given
    is validated before anything loads, so that invalid input fails fast."""
    from assistant import messages
    from assistant.core import Assistant

    assistant = Assistant(_settings(args))
    if question is not None:
        assistant.validate(question)
    assistant.ensure_index(progress=progress_bar(messages.INDEXING))
    return assistant


def _source(c) -> str:
    """How a citation is named in the terminal: "[1] Title (file.pdf — Article 9 – Durée, p. 3, caractères 10-200)"."""
    from assistant.render import place

    where = place(c)
    return f"[{c.n}] {c.title} ({c.doc}{f' — {where}' if where else ''}, caractères {c.start}-{c.end})"


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_index(args) -> int:
    from assistant import messages
    from assistant.core import Assistant

    assistant = Assistant(_settings(args))
    report = assistant.index(rebuild=args.rebuild, progress=progress_bar(messages.INDEXING))
    if args.json:
        _print_json(report.to_dict())
    else:
        print(messages.INDEX_BUILT.format(docs=report.docs, chunks=report.chunks, added=report.added + report.updated,
                                          removed=report.removed))
    return 0


def cmd_ask(args) -> int:
    # "-" reads the question from standard input (no command-line length limit)
    question = sys.stdin.read() if args.question == "-" else args.question
    answer = _ready(args, question).ask(question)
    if args.json:
        _print_json(answer.to_dict())
        return 0
    print(answer.text)
    for c in answer.citations:
        print(f"\n{_source(c)}")
    _print_closest(answer)
    return 0


def _print_closest(answer) -> None:
    """Under a refusal, the closest passages: leads to read, not an answer."""
    from assistant import messages
    from assistant.render import closest

    leads = closest(answer) if answer.refused else []
    if leads:
        print(f"\n{messages.CLOSEST_PASSAGES} :")
        for label, excerpt in leads:
            print(f"  - {label} : « {excerpt} »")


def cmd_chat(args) -> int:
    """One conversation fed by standard input, one question a line."""
    from assistant import messages

    conversation = _ready(args).conversation()
    interactive = sys.stdin.isatty() and not args.json
    if interactive:
        print(messages.CHAT_HELLO)
    while True:
        if interactive:
            print("\n> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line or (interactive and not line.strip()):
            return 0
        if not line.strip():
            continue
        try:
            answer = conversation.ask(line.strip())
        except CTGError as exc:  # one bad line does not end the conversation
            if args.json:
                print(json.dumps({"error": str(exc)}, ensure_ascii=False), flush=True)
            else:
                print(f"Erreur : {exc}", file=sys.stderr)
            continue
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
            continue
        if answer.resolved_question and answer.resolved_question != line.strip():
            print(f"({messages.RESOLVED_AS.lower()} {answer.resolved_question})")
        print(answer.text)
        for c in answer.citations:
            print(f"  {_source(c)}")
        _print_closest(answer)
        if answer.suggestions:
            print(f"{messages.SUGGESTIONS_LABEL} : " + " · ".join(answer.suggestions))
        sys.stdout.flush()


def cmd_check(args) -> int:
    from assistant import messages

    verdict = _ready(args, args.claim).check(args.claim)
    if args.json:
        _print_json(verdict.to_dict())
        return 0
    print(verdict.explanation)
    for part in verdict.parts:
        print(f"  - « {part.text} » : {messages.VERDICT_LABELS[part.verdict].lower()}"
              + (f" [{part.citation}]" if part.citation else ""))
    for c in verdict.citations:
        print(f"\n{_source(c)}\n    {c.text.strip()}")
    return 0


def cmd_facts(args) -> int:
    from assistant.render import fact_sheet_text

    sheets = _ready(args).facts()
    if args.json:
        _print_json(sheets)
    else:
        print("\n\n".join(fact_sheet_text(sheet) for sheet in sheets))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ctg", description="Assistant CTG : réponses citées sur les conventions "
                                     "territoriales globales.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("--corpus", help="dossier des documents (défaut : corpus/)")
        p.add_argument("--index", help="dossier de l'index (défaut : index/)")
        p.add_argument("--json", action="store_true", help="sortie JSON")

    p = sub.add_parser("index", help="construire ou mettre à jour l'index")
    common(p)
    p.add_argument("--rebuild", action="store_true", help="tout reconstruire")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("ask", help="poser une question")
    common(p)
    p.add_argument("question", help="la question, ou - pour la lire sur l'entrée standard")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="conversation : une question par ligne sur l'entrée standard")
    common(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("check", help="vérifier une affirmation : confirmée, contredite ou non trouvée")
    common(p)
    p.add_argument("claim")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("facts", help="fiches CTG : faits extraits de chaque convention")
    common(p)
    p.set_defaults(func=cmd_facts)

    # Commands that ship beside the library (the evaluation harness, the benchmark) register themselves as
    # entry points of the group "ctg.commands" (pyproject.toml): the library never imports them by name.
    for command in sorted(entry_points(group="ctg.commands"), key=lambda ep: ep.name):
        command.load()(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CTGError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
