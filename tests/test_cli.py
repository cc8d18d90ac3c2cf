"""The `ctg` command, run as a real subprocess (as users and CI run it)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT

CTG = str(Path(sys.executable).with_name("ctg"))


def run(*args, env=None):
    return subprocess.run([CTG, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})})


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory):
    index = tmp_path_factory.mktemp("cli") / "index"
    done = run("index", "--corpus", str(CORPUS), "--index", str(index), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["added"] == 5 and report["chunks"] > 5
    return index


def test_ask_json(cli_index):
    done = run("ask", "Qui a signé la convention territoriale globale de Perpignan ?", "--corpus", str(CORPUS),
               "--index", str(cli_index), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {"answer", "refused", "citations", "timings_ms"}
    assert "Aliot".upper() in data["answer"].upper() and data["refused"] is False
    assert data["citations"][0]["doc"] == "2024-perpignan.txt"
    assert set(data["citations"][0]) >= {"n", "doc", "title", "text", "start", "end", "score"}


def test_ask_refuses_in_json(cli_index):
    done = run("ask", "Quel est le budget de la CTG de Marseille ?", "--index", str(cli_index), "--json",
               "--corpus", str(CORPUS))
    assert done.returncode == 0
    assert json.loads(done.stdout)["refused"] is True


def test_ask_builds_a_missing_index(tmp_path):
    index = tmp_path / "fresh"
    done = run("ask", "Jusqu'à quand court la CTG de Canet-en-Roussillon ?", "--corpus", str(CORPUS),
               "--index", str(index))
    assert done.returncode == 0, done.stderr
    assert "2026" in done.stdout and (index / "CURRENT").exists()
    assert "[1]" in done.stdout and "canet-en-roussillon.txt" in done.stdout


@pytest.mark.parametrize("args", [["ask", ""], ["ask", "x" * 20000]])
def test_invalid_input_exits_2_with_a_french_message(args, tmp_path):
    done = run(*args, "--index", str(tmp_path / "none"))
    assert done.returncode == 2
    assert done.stderr.startswith("Erreur :") and "Traceback" not in done.stderr


def test_missing_corpus_exits_2(tmp_path):
    done = run("index", "--corpus", str(tmp_path / "nothing"), "--index", str(tmp_path / "idx"))
    assert done.returncode == 2 and "introuvable" in done.stderr and "Traceback" not in done.stderr


def test_eval_writes_reports_and_compares(tmp_path):
    questions = tmp_path / "q.jsonl"
    lines = (ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    picked = [x for x in lines if '"kind": "signatories"' in x][:3] + [x for x in lines if "unanswerable" in x][:2]
    questions.write_text("\n".join(picked) + "\n", encoding="utf-8")
    done = run("eval", "--corpus", str(CORPUS), "--questions", str(questions), "--out", str(tmp_path / "r"))
    assert done.returncode == 0, done.stderr
    for name in ("report.json", "report.md", "report.html"):
        assert (tmp_path / "r" / name).exists()
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert len(report["items"]) == 5 and report["config"]["mode"] == "extractive"
    compared = run("eval", "--compare", str(tmp_path / "r" / "report.json"), str(tmp_path / "r" / "report.json"))
    assert compared.returncode == 0 and "answer_accuracy" in compared.stdout and "+0.000" in compared.stdout
    strict = tmp_path / "t.json"
    strict.write_text(json.dumps({"min": {"answer_accuracy": 1.01}}))
    gated = run("eval", "--corpus", str(CORPUS), "--questions", str(questions), "--out", str(tmp_path / "g"),
                "--thresholds", str(strict))
    assert gated.returncode == 1 and "SEUIL" in gated.stderr


def test_facts_json_from_the_index(cli_index):
    done = run("facts", "--corpus", str(CORPUS), "--index", str(cli_index), "--json")
    assert done.returncode == 0, done.stderr
    sheets = {s["doc"]: s for s in json.loads(done.stdout)}
    perpignan = sheets["2024-perpignan.txt"]
    people = {p["name"]: p for p in perpignan["signatories"]}
    assert people["Louis ALIOT"]["role"] == "Maire de Perpignan"
    assert people["Claire HÉRY"]["role"].startswith("Directrice adjointe")
    assert people["Claire HÉRY"]["on_behalf_of"] == "Pierre Marc BOISTARD"
    assert perpignan["period"] == {"start": 2024, "end": 2028}
    herault = sheets["2023-vallee-de-l-herault.txt"]
    assert herault["signed_on"] == "2023-02-06" and herault["period"] == {"start": 2022, "end": 2026}
    table = run("facts", "--corpus", str(CORPUS), "--index", str(cli_index))
    assert "Signataires" in table.stdout and "Louis ALIOT" in table.stdout


@pytest.mark.parametrize("claim, verdict, doc", [
    ("La CTG de Perpignan a été signée en 2023.", "contradicted", "2024-perpignan.txt"),
    ("La CTG de la CC Vallée de l'Hérault couvre la période 2022-2026.", "supported", "2023-vallee-de-l-herault.txt"),
    ("La CTG d'Angers prévoit 300 places en crèche.", "not_found", None),
])
def test_check_json(cli_index, claim, verdict, doc):
    done = run("check", claim, "--corpus", str(CORPUS), "--index", str(cli_index), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {"verdict", "explanation", "citations", "parts"}
    assert data["verdict"] == verdict, data
    assert all(set(p) == {"text", "verdict", "citation"} for p in data["parts"]) and data["parts"]
    if doc:
        assert [c["doc"] for c in data["citations"]] == [doc]
        cited = data["parts"][0]["citation"]
        assert data["citations"][cited - 1]["text"].strip()
    else:
        assert data["citations"] == [] and "ne permettent pas de conclure" in data["explanation"]


def test_chat_json_resolves_follow_ups(cli_index):
    done = subprocess.run([CTG, "chat", "--json", "--corpus", str(CORPUS), "--index", str(cli_index)],
                          input="Qui a signé la CTG de Perpignan ?\nEt jusqu'à quand court-elle ?\n\n",
                          capture_output=True, text=True, timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 2 and all("resolved_question" in line for line in lines)
    assert "2028" in lines[1]["answer"] and lines[1]["citations"][0]["doc"] == "2024-perpignan.txt"
    assert lines[1]["resolved_question"] == "Jusqu'à quand la CTG de Perpignan court-elle ?"
