"""``ctg bench --docs 20``: every key, sane values (not timed: this machine's speed is not a test)."""
import json
import os
import subprocess
import sys
from pathlib import Path

from evals.bench import KEYS
from evals.benchgen import generate

CTG = str(Path(sys.executable).with_name("ctg"))


def test_generated_documents_are_deterministic_and_varied():
    first, again = generate(50), generate(50)
    assert first == again
    assert len({d["file"] for d in first}) == 50 and len({d["text"].split("\n")[0] for d in first}) == 50
    for doc in first:
        for question in doc["questions"]:
            assert all(s in doc["text"] for s in question["must_contain"])


def test_bench_reports_every_key_with_sane_values(tmp_path):
    done = subprocess.run([CTG, "bench", "--docs", "20", "--out", str(tmp_path / "bench"), "--json"],
                          capture_output=True, text=True, timeout=600, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert set(result) >= set(KEYS)
    assert result["docs"] == 25 and result["chunks"] >= 25 and result["questions"] >= 200
    assert 0 < result["chunks_per_s"] and 0 < result["embed_only_chunks_per_s"]
    assert 0 <= result["reingest_unchanged_s"] < result["ingest_s"]
    assert 0 < result["ready_s"] < 60 and 0 < result["answer_ms_p50"] <= result["answer_ms_p95"]
    assert 0 < result["peak_rss_mb"] < 8000
    assert 0.5 <= result["hit_at_1"] <= 1 and 0 <= result["baseline_hit_at_1"] <= 1
    assert result["hit_at_1"] > result["baseline_hit_at_1"]
    assert json.loads((tmp_path / "bench" / "bench.json").read_text()) == result
