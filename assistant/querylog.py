"""The query log: one JSON object a line (question, answer, citations, refused, latency, mode), rotated by size.

Off by default, for privacy: set ``CTG_QUERY_LOG`` to a file path to let evaluators audit the answers. Only
questions and answers are written, never settings or secrets.
"""
from __future__ import annotations

import json
import logging
import logging.handlers
import threading
import time
from pathlib import Path

_lock = threading.Lock()
_loggers: dict[str, logging.Logger] = {}


def _logger(path: Path, max_mb: float, backups: int) -> logging.Logger:
    key = str(path.resolve())
    with _lock:
        if key not in _loggers:
            path.parent.mkdir(parents=True, exist_ok=True)
            logger = logging.getLogger(f"ctg.querylog.{len(_loggers)}")
            logger.propagate = False
            logger.setLevel(logging.INFO)
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=int(max_mb * 1024 * 1024),
                                                           backupCount=backups, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(message)s"))
            logger.addHandler(handler)
            _loggers[key] = logger
    return _loggers[key]


def log_answer(settings, question: str, answer, kind: str = "ask") -> None:
    """Append one record when the log is on (``settings.query_log``)."""
    if not settings.query_log:
        return
    record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "kind": kind, "question": question,
              "answer": answer.text if hasattr(answer, "text") else answer.explanation,
              "refused": getattr(answer, "refused", None), "verdict": getattr(answer, "verdict", None),
              "citations": [{"n": c.n, "doc": c.doc, "start": c.start, "end": c.end} for c in answer.citations],
              "latency_ms": round(answer.timings_ms.get("total", 0.0), 1), "mode": getattr(answer, "mode", "check")}
    _logger(Path(settings.query_log), settings.query_log_max_mb, settings.query_log_backups).info(
        json.dumps(record, ensure_ascii=False))
