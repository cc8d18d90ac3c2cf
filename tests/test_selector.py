"""The learned answer selector: its model file, its training on question sets, and refusals that show leads."""
from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.answering.selector import FEATURES, MODEL_FILE, SentenceSelector
from assistant.errors import CTGError


def test_shipped_model_is_readable_and_fitted_on_data():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert set(data["coef"]) == set(FEATURES)
    training = data["training"]
    assert training["grouped_by"] == "gold document" and training["rows"] > 1000 and training["positives"] > 100
    # every training set has the fingerprint of its data and out-of-fold metrics
    assert {"seeds", "synthetic"} <= set(training["sets"]) and all(len(s["sha256"]) == 64
                                                                   for s in training["sets"].values())
    assert {"seeds", "synthetic"} <= set(data["out_of_fold"])
    assert 0.0 <= data["refusal_threshold"] < 1.0 and 0.0 < data["companion_ratio"] <= 1.01


def test_round_trip_and_probabilities(tmp_path):
    n = len(FEATURES)
    selector = SentenceSelector(FEATURES, np.zeros(n), np.ones(n), np.linspace(-1, 1, n), 0.5,
                                refusal_threshold=0.2, companion_ratio=0.8, answer_chars=500,
                                info={"training": {"rows": 1}})
    path = tmp_path / "selector.json"
    selector.save(path)
    again = SentenceSelector.load(path)
    x = np.random.default_rng(0).normal(size=(4, n))
    assert np.allclose(again.probabilities(x), selector.probabilities(x), atol=1e-5)
    assert again.refusal_threshold == 0.2 and again.answer_chars == 500 and again.info["training"] == {"rows": 1}


def test_model_file_errors_are_french_and_say_what_to_do(tmp_path):
    bad = tmp_path / "selector.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(CTGError, match="ctg train"):
        SentenceSelector.load(bad)
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CTGError, match="autres caractéristiques"):
        SentenceSelector.load(bad)


def test_fitting_chooses_thresholds_out_of_fold():
    """On examples where one feature tells answers apart, the out-of-fold model ranks them first and the
    threshold keeps unanswerable questions refused."""
    from types import SimpleNamespace

    from evals.fitting import fit_selector

    rng = np.random.default_rng(1)
    examples = []
    for q in range(60):
        answerable = q % 6 != 0
        cands, labels = [], []
        for i in range(8):
            positive = answerable and i == 0
            features = rng.normal(size=len(FEATURES)) * 0.3
            features[0] = (2.0 if positive else 0.0) + rng.normal() * 0.3
            cands.append(SimpleNamespace(features=features, text=f"phrase {q} {i} {'réponse' if positive else ''}",
                                         doc=f"d{q % 10}.txt", hit_index=0, start=i, end=i + 1, is_list_item=False,
                                         coverage=0.0, shape=0.0, score=0.0))
            labels.append(positive)
        examples.append({"set": "toy", "question": "Qui a signé ?", "group": f"d{q % 10}", "kind": "signatories",
                         "answerable": answerable, "must_contain": ["réponse"] if answerable else [],
                         "doc": f"d{q % 10}.txt" if answerable else None, "candidates": cands, "labels": labels})
    selector, report = fit_selector(examples, folds=5)
    toy = selector.info["out_of_fold"]["toy"]
    assert toy["answer_accuracy"] >= 0.9 and toy["unanswerable_refused"] >= 0.8
    assert selector.coef[0] > 0 and "toy" in report


def test_a_question_that_needs_a_shape_is_not_answered_without_it():
    """A number to call, an amount, a year or a count cannot be answered by a sentence that has none; other
    questions are left to the probability."""
    from types import SimpleNamespace

    from assistant.answering.compose import lacks_shape

    def cand(text, doc="a.txt"):
        return SimpleNamespace(text=text, doc=doc)

    # only another text has a number, a year, an address
    shapeless = [cand("La CTG a été signée avec la Caf."), cand("Elle porte sur la jeunesse."),
                 cand("Signée en 2023 pour 3 M€, contact : ctg@ville.fr", "b.txt")]
    shaped = [cand("La CTG a été signée avec la Caf."), cand("Signée en 2023 pour douze communes et 3 M€ ; "
                                                              "ctg@ville.fr")]
    for question in ("numero de tel pour la ctg de X", "Quel est le budget de la CTG ?", "combien d'argent la caf met",
                     "En quelle année la CTG a-t-elle été signée ?", "combien de communes dans la CTG ?",
                     "c quoi le mail du service"):
        assert lacks_shape(question, shapeless) and not lacks_shape(question, shaped), question
    assert not lacks_shape("Quels sont les objectifs de la CTG ?", shapeless)
    assert not lacks_shape("Qui a signé la CTG ?", shapeless)


def test_the_shape_gate_is_fitted_and_saved(tmp_path):
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert isinstance(data["shape_gate"], bool)
    selector = SentenceSelector.load()
    selector.shape_gate = not data["shape_gate"]
    selector.save(tmp_path / "s.json")
    assert SentenceSelector.load(tmp_path / "s.json").shape_gate is (not data["shape_gate"])
