"""Server mode: a real `chroma run` on loopback, selected with CTG_CHROMA_HOST / CTG_CHROMA_PORT."""
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.errors import StoreUnavailable

from .conftest import CORPUS, free_port


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    exe = Path(sys.executable).with_name("chroma")
    exe = str(exe) if exe.exists() else shutil.which("chroma")
    assert exe, "the chroma CLI is installed with chromadb"
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen([exe, "run", "--path", str(data), "--port", str(port), "--host", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import chromadb

    deadline = time.time() + 60
    while True:
        try:
            chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
            break
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("chroma server did not start")
            time.sleep(0.5)
    yield port
    proc.terminate()
    proc.wait(timeout=20)


def test_index_and_ask_through_a_chroma_server(chroma_server, tmp_path, embed_model, monkeypatch):
    monkeypatch.setenv("CTG_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CTG_CHROMA_PORT", str(chroma_server))
    settings = Settings(corpus_dir=CORPUS, index_dir=tmp_path / "idx", collection="ctg_server_test")
    assert settings.chroma_host == "127.0.0.1"
    assistant = Assistant(settings, embed_model=embed_model)
    report = assistant.index()
    assert not (settings.index_dir / "chroma").exists(), "server mode keeps no local Chroma data"
    import chromadb

    remote = chromadb.HttpClient(host="127.0.0.1", port=chroma_server).get_collection("ctg_server_test")
    assert remote.count() == report.chunks
    answer = assistant.ask("Qui a signé la convention territoriale globale de Perpignan ?")
    assert "ALIOT" in answer.text and answer.citations[0].doc == "2024-perpignan.txt"
    # A second assistant (new process in real life) opens the same remote collection.
    again = Assistant(settings, embed_model=embed_model).ask("Jusqu'à quand court la CTG de Canet-en-Roussillon ?")
    assert "2026" in again.text


def test_unreachable_server_is_a_clear_error(tmp_path, embed_model):
    settings = Settings(corpus_dir=CORPUS, index_dir=tmp_path / "idx", chroma_host="127.0.0.1",
                        chroma_port=free_port())
    with pytest.raises(StoreUnavailable, match="ne répond pas"):
        Assistant(settings, embed_model=embed_model).index()
