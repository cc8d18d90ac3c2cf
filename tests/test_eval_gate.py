"""CI gate: the evaluation on the seed question set must stay above evals/thresholds.json."""
import json

import pytest

from evals.harness import check_thresholds, load_questions, run_eval
from evals.report import write_reports

from .conftest import ROOT


@pytest.fixture(scope="module")
def report(seed_assistant):
    return run_eval(seed_assistant, load_questions(ROOT / "evals" / "questions.jsonl"))


def test_seed_set_meets_the_thresholds(report):
    thresholds = json.loads((ROOT / "evals" / "thresholds.json").read_text())
    failed = check_thresholds(report["metrics"], thresholds)
    assert not failed, f"evaluation below the gate: {failed}; metrics: {report['metrics']}"


def test_held_out_synthetic_set_stays_reasonable(embed_model, tmp_path_factory):
    """Eight invented press releases the answer rules were not written on: a floor against overfitting."""
    from assistant import Assistant, Settings
    from assistant.ingest.pipeline import build_index

    synthetic = ROOT / "evals" / "synthetic"
    settings = Settings(corpus_dir=synthetic / "corpus", index_dir=tmp_path_factory.mktemp("synthetic"))
    build_index(settings, embed_model)
    metrics = run_eval(Assistant(settings, embed_model=embed_model),
                       load_questions(synthetic / "questions.jsonl"))["metrics"]
    failed = check_thresholds(metrics, {"min": {"answer_accuracy": 0.82, "hit_at_5": 0.95, "refusal_recall": 0.25,
                                                "claim_accuracy": 0.85},
                                        "max": {"false_refusal_rate": 0.06}})
    assert not failed, f"held-out set below its floor: {failed}; metrics: {metrics}"
    from evals.conversations import load_conversations, run_conversations

    follow = run_conversations(Assistant(settings, embed_model=embed_model),
                               load_conversations(synthetic / "conversations.jsonl"))["metrics"]
    assert follow["follow_up_accuracy"] >= 0.85, follow


def test_question_set_is_big_and_varied():
    items = load_questions(ROOT / "evals" / "questions.jsonl")
    kinds = {i["kind"] for i in items}
    assert len(items) >= 100
    assert kinds >= {"signatories", "date", "period", "objectives", "actions", "domains", "territory", "figures",
                     "definition", "unanswerable", "claim"}
    assert sum(i["kind"] == "unanswerable" for i in items) >= 15
    claims = [i["verdict"] for i in items if i["kind"] == "claim"]
    assert len(claims) >= 20 and min(claims.count(v) for v in ("supported", "contradicted", "not_found")) >= 12
    assert len({i["id"] for i in items}) == len(items)


def test_reports_are_written_with_every_key(report, tmp_path):
    write_reports(report, tmp_path)
    data = json.loads((tmp_path / "report.json").read_text())
    assert set(data) == {"metrics", "per_kind", "per_style", "per_where", "claim_confusion", "config", "items"}
    assert sum(data["claim_confusion"]["contradicted"].values()) >= 12
    assert set(data["metrics"]) >= {"answer_accuracy", "citation_accuracy", "hit_at_1", "hit_at_5", "mrr_at_10",
                                    "refusal_precision", "refusal_recall", "false_refusal_rate", "claim_accuracy",
                                    "answer_chars_median", "latency_ms_p50", "latency_ms_p95"}
    page = (tmp_path / "report.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page
    assert "# Évaluation" in (tmp_path / "report.md").read_text()
    assert "matrice de confusion" in (tmp_path / "report.md").read_text() and "Vérification des affirmations" in page
    from ui.report import report_panel

    assert "<svg" in report_panel(tmp_path) and "Vérification des affirmations" in report_panel(tmp_path)
    assert "make eval" in report_panel(tmp_path / "none")
