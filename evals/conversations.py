"""Multi-turn conversations: each turn answered in its conversation, follow-ups scored on their own.

A file holds one conversation a line: ``{"id", "turns": [{"question", "doc", "must_contain"}]}``. A turn is right
when its answer contains every ``must_contain`` string and cites ``doc``, or, for a turn marked ``"refusal": true``,
when it is refused; follow-up accuracy counts turns 2 and on.
"""
from __future__ import annotations

from .harness import _percentile, _ratio, load_questions
from .scoring import contains_all

load_conversations = load_questions  # the same JSON Lines reader


def run_conversations(assistant, conversations: list[dict], progress=None) -> dict:
    """``{"metrics", "items"}``: every turn of every conversation, in a fresh conversation each."""
    items = []
    for n, conv in enumerate(conversations, 1):
        conversation = assistant.conversation()
        for k, turn in enumerate(conv["turns"]):
            answer = conversation.ask(turn["question"])
            cited = {c.doc for c in answer.citations}
            if turn.get("refusal"):  # the sources cannot answer it: a refusal is the right answer
                correct = answer.refused
            else:
                correct = (not answer.refused and contains_all(answer.text, turn.get("must_contain", []))
                           and (not turn.get("doc") or turn["doc"] in cited))
            items.append({"id": f"{conv['id']}#{k + 1}", "turn": k + 1, "question": turn["question"],
                          "resolved_question": answer.resolved_question, "doc": turn.get("doc"),
                          "must_contain": turn.get("must_contain", []), "answer": answer.text,
                          "citations": [c.to_dict() for c in answer.citations], "correct": correct,
                          "latency_ms": answer.timings_ms.get("total", 0.0)})
        if progress:
            progress(n, len(conversations))
    return {"metrics": conversation_metrics(items), "items": items}


def conversation_metrics(items: list[dict]) -> dict:
    first = [i for i in items if i["turn"] == 1]
    follow = [i for i in items if i["turn"] > 1]
    conversations = {i["id"].split("#")[0] for i in items}
    whole = [c for c in conversations if all(i["correct"] for i in items if i["id"].split("#")[0] == c)]
    latencies = sorted(i["latency_ms"] for i in items)
    return {"conversations": len(conversations), "turns": len(items),
            "first_turn_accuracy": _ratio(sum(i["correct"] for i in first), len(first)),
            "follow_up_accuracy": _ratio(sum(i["correct"] for i in follow), len(follow)),
            "conversation_accuracy": _ratio(len(whole), len(conversations)),
            "turn_latency_ms_p50": round(_percentile(latencies, 50), 1) if latencies else None}
