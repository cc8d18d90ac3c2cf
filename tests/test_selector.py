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
                         "doc": f"d{q % 10}.txt" if answerable else None, "candidates": cands, "labels": labels,
                         "is_name": lambda word: False})
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


def test_an_answer_without_the_person_year_or_count_asked_does_not_answer():
    """"Qui préside…" is not answered by a sentence naming no one, "jusqu'à quelle année" by one without a year,
    "combien de places" by one whose only number is a length of time, "quelle durée" by one without years; "qui
    a fait le diagnostic" may be answered by a body."""
    from assistant.answering.shapes import answer_lacks, asked_shapes

    names = {"jean", "isabelle"}  # the corpus never writes them in lower case

    def is_name(word):
        return word.lower() in names

    def lacks(question, text):
        return answer_lacks(question, [text], is_name)

    assert lacks("Qui préside la communauté urbaine ?", "Les Conventions Territoriales associent la Caf.")
    assert not lacks("qui a signe pour la cdc", "Jean Valmont, président de la CdC, a signé.")
    assert not lacks("Qui a signé la CTG ?", "La convention a été signée par Mme Lorand.")
    assert not lacks("Comment s'appelle la directrice ?", "Isabelle MARCHAND-DUVAL, directrice, a pris la parole.")
    # asked by its role, the person must be given with it: the mayor named is no answer about the deputy
    assert lacks("Qui est l'adjoint chargé de la jeunesse ?", "Louis ALIOT, maire de Perpignan, était présent.")
    assert lacks("Quelle est la durée de la CTG ?", "Le maire a été autorisé à signer la convention.")
    assert not lacks("Quelle est la durée de la CTG ?", "Elle est conclue pour quatre ans.")
    assert lacks("Jusqu'à quelle année court l'engagement ?", "La démarche associe plusieurs partenaires.")
    assert not lacks("jusqu a quand court la ctg", "Elle court jusqu'en 2027.")
    assert lacks("combien de foyers allocataires", "Conclue pour 5 ans par les collectivités.")
    assert not lacks("combien de foyers allocataires", "Le territoire compte 4 200 foyers allocataires.")
    assert asked_shapes("Combien d'axes la CTG identifie-t-elle et qui les porte ?") == ["count"]
    assert asked_shapes("Avec qui la ville a-t-elle signé ?") == []
    assert asked_shapes("qui a fait le diagnostic de territoire a valbrenne") == []
    # people counted are no amount: "combien de gens … mobilisés" asks for a count
    from assistant.answering.qtypes import question_kind

    assert question_kind("valbrenne ctg combien de gens de la caf sont mobilisés") == "figures"
    assert question_kind("combien la caf met pour la ctg de valbrenne") == "amount"
    assert asked_shapes("Quels sont les objectifs de la CTG ?") == []


def test_a_sentence_with_the_asked_shape_replaces_an_answer_without_it():
    """"Quand a-t-elle été signée ?" answered by a sentence with no date: the most likely dated sentence of the
    same text answers instead; none in that text, no answer."""
    from types import SimpleNamespace

    from assistant.answering.shapes import shaped

    def cand(text, doc="a.txt"):
        return SimpleNamespace(text=text, doc=doc)

    undated = cand("La convention engage la Caf et la ville.")
    question = "Quand la CTG a-t-elle été signée ?"
    assert shaped(question, [undated, cand("Signée le 3 mars 2022.", "b.txt"), cand("Signée le 4 novembre.")],
                  lambda w: False).text == "Signée le 4 novembre."
    assert shaped(question, [undated, cand("Signée le 3 mars 2022.", "b.txt")], lambda w: False) is None


def test_the_shape_gate_is_fitted_and_saved(tmp_path):
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert isinstance(data["shape_gate"], bool)
    selector = SentenceSelector.load()
    selector.shape_gate = not data["shape_gate"]
    selector.save(tmp_path / "s.json")
    assert SentenceSelector.load(tmp_path / "s.json").shape_gate is (not data["shape_gate"])
    selector.answer_gate = "fallback"
    selector.save(tmp_path / "s.json")
    assert SentenceSelector.load(tmp_path / "s.json").answer_gate == "fallback"
