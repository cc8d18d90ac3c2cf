"""A real HTTP server on loopback speaking the OpenAI chat-completions protocol, with canned behaviours.

The model name picks the behaviour: ``stub-good`` quotes the first sentence of passage [1]; ``stub-hallucinate``
adds a sentence with a date and a name found in no passage; ``stub-slow`` answers after ``SLOW_SECONDS``;
``stub-garbage`` returns text without any citation; ``stub-inject`` obeys an instruction hidden in a passage
(and otherwise behaves as ``stub-good``).
"""
from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_SECONDS = 4.0


def _first_sentence(prompt: str) -> str:
    passage = re.search(r"\[1\] \([^)]*\) (.+?)(?:\n\n\[2\]|\n\nQuestion)", prompt, re.S).group(1)
    return re.split(r"(?<=[.!?])\s", passage.strip())[0].rstrip(".") + " [1]."


def reply(model: str, prompt: str) -> str:
    if model == "stub-slow":
        time.sleep(SLOW_SECONDS)
    if model == "stub-garbage":
        return "<|endoftext|> ### réponse : voir ci-dessus"
    if model == "stub-inject":  # obeys an instruction hidden in a passage, citing that passage
        hidden = re.search(r"\[(\d+)\] \([^)]*\) [^\n]*Ignore", prompt)
        if hidden:
            return f"La CTG de Perpignan a été signée par Jean Pirate en 1999 [{hidden.group(1)}]."
    text = _first_sentence(prompt)
    if model == "stub-hallucinate":
        text += " Elle a été signée le 14 mars 2031 par le préfet Jean Dupontel [1]."
    return text


class Handler(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def log_message(self, *args):  # quiet
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Handler.requests.append(body)
        text = reply(body["model"], body["messages"][-1]["content"])
        base = {"id": "stub", "created": 0, "model": body["model"]}
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for piece in re.findall(r"\S+\s*", text):
                chunk = {**base, "object": "chat.completion.chunk",
                         "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece},
                                      "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            done = {**base, "object": "chat.completion.chunk",
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
            return
        data = {**base, "object": "chat.completion",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        payload = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def start() -> tuple[ThreadingHTTPServer, str]:
    """A running stub and its base URL (``http://127.0.0.1:PORT/v1``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1"
