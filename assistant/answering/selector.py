"""The learned answer selector: a logistic regression over the features of each candidate sentence, and the
refusal threshold and companion ratio chosen on out-of-fold predictions (``ctg train`` writes the model file).

Only numpy runs at question time; scikit-learn fits the model (``evals/train.py``). The file is small, readable
JSON: feature names, standardisation, coefficients, the two fitted thresholds, the fingerprint of the training
data and the out-of-fold metrics.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.errors import CTGError

MODEL_FILE = Path(__file__).with_name("selector.json")

# What describes a candidate sentence (see ``ExtractiveAnswerer._features``); the model file names them in order.
FEATURES = (
    "coverage", "shape", "similarity", "retrieval", "name_match", "form", "list_item", "overlap",
    "named_doc", "named_other", "named_strength", "rank", "bm25", "dense", "position", "length",
    "list_intro", "shape_strict", "shape_shaped", "item_list", "unknown_name",
    # products: a sentence must both say the question's terms and have the answer's shape…
    "coverage_x_shape", "coverage_x_shape_strict", "coverage_x_shape_shaped", "coverage_x_name_match",
    "similarity_x_shape", "overlap_x_shape", "coverage_x_named_doc", "shape_x_named_doc", "coverage_x_form",
    # …and how far each sentence is from the best of its question's candidates
    "coverage_gap", "similarity_gap", "overlap_gap", "shape_gap", "retrieval_gap", "bm25_gap", "name_match_gap",
)
PRODUCTS = [f for f in FEATURES if "_x_" in f]
BASE = FEATURES.index(PRODUCTS[0])  # the features a candidate has; the others are derived from them
GAPS = [f for f in FEATURES if f.endswith("_gap")]


def derived(matrix: np.ndarray, base: int) -> np.ndarray:
    """``matrix``'s first ``base`` columns (one row a candidate of one question) completed with the products and
    the gaps to the question's best candidate (of the named convention, for its sentences) of ``FEATURES``."""
    column = {f: matrix[:, i] for i, f in enumerate(FEATURES[:base])}
    products = [column[a] * column[b] for a, b in (f.split("_x_") for f in PRODUCTS)]
    # a sentence of the convention the question names is compared with the best of that text: another text
    # (one that only quotes the name) does not move it
    named = column["named_doc"] > 0
    gaps = []
    for f in GAPS:
        values = column[f[:-4]]
        best = np.where(named, values[named].max() if named.any() else 0.0, values.max())
        gaps.append(values - best)
    return np.column_stack([matrix[:, :base], *products, *gaps])


@dataclass
class SentenceSelector:
    """Probability that a candidate sentence holds the answer; refusal and companion thresholds on it."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    refusal_threshold: float = 0.5  # the best candidate's probability under which the answer is refused
    companion_ratio: float = 0.8  # other sentences join the best when their probability is this share of it
    answer_chars: int = 400  # the longest answer (half as much again for a list)
    shape_gate: bool = False  # refuse when the best sentence lacks a shape the question requires (``lacks_shape``)
    # when the composed answer lacks the person, year, date or count asked (``shapes``): "" answers anyway,
    # "refuse" refuses, "fallback" answers with the most likely sentence of that text that has them
    answer_gate: str = ""
    info: dict = field(default_factory=dict)  # training data fingerprint, out-of-fold metrics

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        z = ((matrix - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_dict(self) -> dict:
        return {"features": list(self.features), "mean": _rounded(self.mean), "scale": _rounded(self.scale),
                "coef": dict(zip(self.features, _rounded(self.coef))), "intercept": round(float(self.intercept), 6),
                "refusal_threshold": round(self.refusal_threshold, 4),
                "companion_ratio": round(self.companion_ratio, 4), "answer_chars": self.answer_chars, "shape_gate": self.shape_gate,
                "answer_gate": self.answer_gate, **self.info}

    def save(self, path: Path = MODEL_FILE) -> None:
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> SentenceSelector:
        from assistant import messages

        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            features = tuple(data["features"])
            if features != FEATURES:
                raise CTGError(messages.SELECTOR_MISMATCH.format(path=path))
            fitted = ("refusal_threshold", "companion_ratio", "answer_chars", "shape_gate", "answer_gate")
            info = {k: v for k, v in data.items()
                    if k not in {"features", "mean", "scale", "coef", "intercept", *fitted}}
            return cls(features, np.array(data["mean"]), np.array(data["scale"]),
                       np.array([data["coef"][f] for f in features]), float(data["intercept"]),
                       float(data["refusal_threshold"]), float(data["companion_ratio"]), int(data["answer_chars"]),
                       bool(data.get("shape_gate", False)), str(data.get("answer_gate", "")), info)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CTGError(messages.SELECTOR_UNREADABLE.format(path=path, error=exc)) from exc


def _rounded(values) -> list[float]:
    return [round(float(v), 6) for v in values]
