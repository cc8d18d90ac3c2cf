"""The optional language model: an OpenAI-compatible chat endpoint through llama-index's ``OpenAILike``.

``stream`` raises ``LLMFailure`` when the server is down, slow (``CTG_LLM_TIMEOUT`` for the
whole answer) or returns nothing usable; the caller then gives the extractive answer with a notice.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator

from assistant.answering import prompts
from assistant.config import Settings


class LLMFailure(Exception):
    """The language model could not give an answer (down, timeout, garbage): fall back."""


class LLMClient:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._llm = None
        self._lock = threading.Lock()

    def _client(self):
        with self._lock:
            if self._llm is None:
                from llama_index.llms.openai_like import OpenAILike

                key = self.settings.llm_api_key.get_secret_value() if self.settings.llm_api_key else "none"
                self._llm = OpenAILike(model=self.settings.llm_model or "default", api_base=self.settings.llm_base_url,
                                       api_key=key, is_chat_model=True, timeout=self.settings.llm_timeout,
                                       max_retries=0, temperature=0.0, context_window=8192)
        return self._llm

    @staticmethod
    def _messages(question: str, passages: list[tuple[int, str, str]]):
        from llama_index.core.llms import ChatMessage

        return [ChatMessage(role=role, content=content) for role, content in prompts.messages(question, passages)]

    def stream(self, question: str, passages: list[tuple[int, str, str]]) -> Iterator[str]:
        """Text deltas as the model writes them; ``LLMFailure`` past the deadline or on any error."""
        deadline = time.monotonic() + self.settings.llm_timeout
        received = False
        try:
            for chunk in self._client().stream_chat(self._messages(question, passages)):
                if time.monotonic() > deadline:
                    raise LLMFailure("timeout")
                delta = chunk.delta or ""
                received = received or bool(delta.strip())
                yield delta
        except LLMFailure:
            raise
        except Exception as exc:  # network errors, timeouts, HTTP errors, malformed responses
            raise LLMFailure(f"{type(exc).__name__}: {exc}") from exc
        if not received:
            raise LLMFailure("empty answer")
