"""20 users at once through the real app: no errors, each sees only its own conversation, p95 reported."""
import statistics
import threading
import time

import pytest

from .conftest import free_port

PLACES = ["Perpignan", "Canet-en-Roussillon", "Angers", "Caux Seine agglo", "la Vallée de l'Hérault"]
FOLLOW_UPS = ["Et jusqu'à quand court-elle ?", "Quels domaines couvre-t-elle ?", "Quand a-t-elle été signée ?",
              "Quels sont ses objectifs ?", "Qui l'a signée ?"]


@pytest.fixture(scope="module")
def app_url(seed_assistant):
    from app import build_app
    from assistant.render import CSS

    demo = build_app(seed_assistant)
    demo.queue(default_concurrency_limit=4)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, css=CSS)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


def _text(message) -> str:
    content = message["content"]
    return content if isinstance(content, str) else " ".join(part.get("text", "") for part in content)


def test_twenty_sessions_ten_questions_each(app_url):
    from gradio_client import Client

    errors, latencies, lock = [], [], threading.Lock()

    def user(k: int):
        place = PLACES[k % len(PLACES)]
        try:
            client = Client(app_url, verbose=False, httpx_kwargs={"timeout": 300})
            for turn in range(10):
                question = (f"Qui a signé la CTG de {place} ?" if turn == 0 else FOLLOW_UPS[(turn + k) % len(FOLLOW_UPS)])
                started = time.perf_counter()
                _, history, *_ = client.predict(question, api_name="/ask")
                with lock:
                    latencies.append(time.perf_counter() - started)
                assert len(history) == 2 * (turn + 1), f"session {k} saw {len(history)} messages at turn {turn}"
                mine = place.split()[-1].replace("l'", "")
                if turn:
                    assert mine in _text(history[-1]), (k, turn, _text(history[-1])[:200])
        except Exception as exc:  # collected and reported below
            with lock:
                errors.append(f"session {k}: {exc!r}")

    threads = [threading.Thread(target=user, args=(k,)) for k in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not errors, errors[:5]
    assert len(latencies) == 200
    p95 = sorted(latencies)[int(0.95 * len(latencies)) - 1]
    print(f"concurrency: 20 sessions x 10 questions, 0 errors, median {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms")
