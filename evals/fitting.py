"""Fitting the answer selector: out-of-fold probabilities grouped by document, thresholds chosen on them."""
from __future__ import annotations

import numpy as np

from assistant.answering.compose import lacks_shape, select
from assistant.answering.qtypes import question_kind
from assistant.answering.selector import FEATURES, SentenceSelector
from assistant.answering.shapes import answer_lacks, shaped
from assistant.config import Settings

from .scoring import contains_all

C = 1.0  # inverse regularisation of the logistic regression (scikit-learn's default)
RATIOS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: the best sentence alone
ANSWER_CHARS = (300, 400, 500, 600, 700)
# The median answer must stay readable: at most this many characters out-of-fold (the product's limit is 400;
# a tenth is kept for texts unlike the training ones).
MEDIAN_CHARS = 360
THRESHOLDS = tuple(round(t, 3) for t in np.arange(0.0, 0.9, 0.01))
# Answerable questions refused: at most this share out-of-fold in every set (the product's limit is 0.08 on texts
# never seen; half is kept for texts unlike the training ones, as for the answer length).
MAX_ANSWERABLE_REFUSED = 0.04


def _matrix(examples: list[dict]):
    rows = [(k, c.features) for k, e in enumerate(examples) for c in e["candidates"]]
    x = np.array([f for _, f in rows]) if rows else np.zeros((0, len(FEATURES)))
    y = np.array([label for e in examples for label in e["labels"]], dtype=int)
    groups = np.array([examples[k]["group"] for k, _ in rows])
    owner = np.array([k for k, _ in rows])
    return x, y, groups, owner


def _model():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000))


def out_of_fold(x, y, groups, folds: int) -> np.ndarray:
    """Each row's probability from a model fit on the folds that do not hold its document."""
    from sklearn.model_selection import GroupKFold

    probs = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        model = _model().fit(x[train], y[train])
        probs[test] = model.predict_proba(x[test])[:, 1]
    return probs


def _outcomes(examples: list[dict], ratio: float, chars: int, sentences: int,
              gate: bool, answer_gate: str = "") -> list[tuple[float, bool, int]]:
    """Per question: the best candidate's probability (-1, always refused, when ``gate`` and it lacks a required
    shape, or ``answer_gate`` is "refuse" and the composed answer lacks the person, year, date or count asked; with
    "fallback", the most likely sentence of that text that has them answers, at its own probability), whether
    the answer composed at ``ratio`` and ``chars`` is right, and its length."""
    out = []
    for e in examples:
        ranked = sorted(e["candidates"], key=lambda c: (-c.score, c.hit_index, c.start))
        if not ranked:
            out.append((0.0, False, 0))
            continue
        chosen = select(ranked, question_kind(e["question"]), ratio, chars, sentences)
        score = -1.0 if gate and lacks_shape(e["question"], ranked) else ranked[0].score
        if answer_gate and answer_lacks(e["question"], [c.text for c in chosen], e["is_name"]):
            fallback = shaped(e["question"], ranked, e["is_name"]) if answer_gate == "fallback" else None
            chosen = [fallback] if fallback is not None else []
            score = min(score, fallback.score) if fallback is not None else -1.0
        text = " ".join(c.text for c in chosen)
        right = bool(chosen) and contains_all(text, e["must_contain"]) and any(c.doc == e["doc"] for c in chosen)
        out.append((score, right, len(text)))
    return out


def metrics(examples: list[dict], outcomes, threshold: float) -> dict:
    """Answer accuracy and refusals of one set at a threshold (the evaluation's definitions)."""
    answered = [(e, p >= threshold and right) for e, (p, right, _) in zip(examples, outcomes) if e["answerable"]]
    refusing = [p < threshold for e, (p, _, _) in zip(examples, outcomes) if not e["answerable"]]
    refused = [p < threshold for e, (p, _, _) in zip(examples, outcomes) if e["answerable"]]
    correct = sum(ok for _, ok in answered) + sum(refusing)
    return {"questions": len(examples), "answer_accuracy": round(correct / len(examples), 3) if examples else None,
            "answerable_refused": round(float(np.mean(refused)), 3) if refused else None,
            "unanswerable_refused": round(float(np.mean(refusing)), 3) if refusing else None}


def choose(examples: list[dict], settings: Settings) -> tuple[float, int, bool, str, float, dict]:
    """The companion ratio, answer length, shape gates and refusal threshold with the best mean accuracy over the sets (ties:
    fewer answerable questions refused, then the lower threshold) among those whose median answer is at most
    ``MEDIAN_CHARS`` long and that refuse at most ``MAX_ANSWERABLE_REFUSED`` of the answerable questions, in every
    set, and the per-set metrics there."""
    sets = sorted({e["set"] for e in examples})
    best = None
    grid = ((r, c, g, a) for r in RATIOS for c in ANSWER_CHARS for g in (False, True)
            for a in ("", "refuse", "fallback"))
    for ratio, chars, gate, answer_gate in grid:
        outcomes = _outcomes(examples, ratio, chars, settings.max_answer_sentences, gate, answer_gate)
        if max(np.median([n for e, (_, _, n) in zip(examples, outcomes) if e["set"] == s]) for s in sets) > MEDIAN_CHARS:
            continue
        for threshold in THRESHOLDS:
            per_set = {s: metrics([e for e in examples if e["set"] == s],
                                  [o for e, o in zip(examples, outcomes) if e["set"] == s], threshold)
                       for s in sets}
            if max(m["answerable_refused"] or 0.0 for m in per_set.values()) > MAX_ANSWERABLE_REFUSED:
                continue
            score = np.mean([m["answer_accuracy"] for m in per_set.values()])
            refused = np.mean([m["answerable_refused"] or 0.0 for m in per_set.values()])
            key = (round(float(score), 6), -round(float(refused), 6), -threshold)
            if best is None or key > best[0]:
                best = (key, ratio, chars, gate, answer_gate, threshold, per_set)
    return best[1:]


def fit_selector(examples: list[dict], folds: int = 5) -> tuple[SentenceSelector, str]:
    x, y, groups, owner = _matrix(examples)
    oof = out_of_fold(x, y, groups, folds)
    for prob, k, i in zip(oof, owner, _positions(examples)):
        examples[k]["candidates"][i].score = float(prob)
    settings = Settings()
    ratio, chars, gate, answer_gate, threshold, per_set = choose(examples, settings)
    model = _model().fit(x, y)
    scaler, logistic = model[0], model[1]
    selector = SentenceSelector(FEATURES, scaler.mean_, scaler.scale_, logistic.coef_[0], float(logistic.intercept_[0]),
                                refusal_threshold=float(threshold), companion_ratio=float(ratio), answer_chars=chars,
                                shape_gate=gate, answer_gate=answer_gate,
                                info={"training": {"rows": int(len(y)), "positives": int(y.sum()),
                                                   "questions": len(examples), "folds": folds,
                                                   "grouped_by": "gold document", "C": C},
                                      "out_of_fold": per_set})
    lines = [f"{'jeu':<12}{'questions':>10}{'exactitude':>12}{'refus (rép.)':>14}{'refus (sans rép.)':>19}"]
    for name, m in per_set.items():
        lines.append(f"{name:<12}{m['questions']:>10}{m['answer_accuracy']!s:>12}{m['answerable_refused']!s:>14}"
                     f"{m['unanswerable_refused']!s:>19}")
    lines.append(f"seuil de refus {threshold}, rapport des phrases jointes {ratio}, réponse de {chars} caractères au "
                 f"plus, refus sans la forme demandée : {'oui' if gate else 'non'}, "
                 f"réponse sans la personne, la date ou le nombre demandés : "
                 f"{ {'': 'donnée', 'refuse': 'refusée', 'fallback': 'remplacée'}[answer_gate]} (hors pli, groupés par document)")
    return selector, "\n".join(lines)


def _positions(examples: list[dict]):
    for e in examples:
        yield from range(len(e["candidates"]))
