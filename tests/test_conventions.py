"""Whole conventions: parties, signature page, duration article, annex of communes, avenants and their convention,
the convention a question names when an avenant names it too, and a generated collection read end to end.
"""
from __future__ import annotations

import json

import pytest

from assistant.facts.amendments import link_amendments
from assistant.facts.extract import extract
from assistant.retrieval.convention import ConventionFinder, without_names

OPENING = """CONVENTION TERRITORIALE GLOBALE

Entre

Caisse d'allocations familiales du Cher

Communauté de communes du Val d'Arnon

Sommaire

Préambule

Entre les soussignés :

La Caisse d'allocations familiales du Cher, représentée par M. Xavier Dupont, son directeur, dont le siège est situé \
à Bourges, ci-après dénommée « la Caf »,

Et :

La Communauté de communes du Val d'Arnon, représentée par Mme Claire Dubreuil, sa présidente, dûment autorisée par \
délibération du conseil communautaire du 12 février 2024, ci-après dénommée « la Communauté », Le Département du \
Cher, représenté par M. Paul Roy, son président,

Il a été convenu ce qui suit.

Préambule

La Communauté regroupe des communes rurales.

Article 9 – Durée de la convention

Elle prend effet le 1er juillet 2024 et prend fin le 30 juin 2029, soit une durée de cinq années.

Annexe 5 – Liste des communes membres

Commune ; Population
Commune : Chârost ; Population : 1 021
Commune : Saint-Ambroix ; Population : 412
Commune : Lunery ; Population : 1 495

Fait en trois exemplaires originaux, à Chârost, le 12 mars 2024.
"""

AVENANT = """Avenant n° 1 à la convention territoriale globale de la Communauté de communes du Val d'Arnon

Entre :

La Caisse d'allocations familiales du Cher, représentée par M. Xavier Dupont, son directeur,

Et :

La Communauté de communes du Val d'Arnon, représentée par Mme Claire Dubreuil, sa présidente,

Il a été convenu ce qui suit.

Article 1 – Durée

La durée de la convention, signée le 12 mars 2024, est prolongée jusqu'au 30 juin 2031.

Fait à Chârost, le 3 février 2029.
"""


@pytest.fixture(scope="module")
def sheets():
    convention = extract("ctg.pdf", "CTG", OPENING, {}).to_dict()
    avenant = extract("avenant.pdf", "Avenant", AVENANT, {}).to_dict()
    return link_amendments([convention, avenant])


def test_parties_signatories_and_territory_from_the_opening(sheets):
    convention = sheets[0]
    assert convention["parties"] == ["La Caisse d'allocations familiales du Cher",
                                     "La Communauté de communes du Val d'Arnon", "Le Département du Cher"]
    assert convention["territory"]["name"] == "Communauté de communes du Val d'Arnon"
    people = {p["name"]: (p["role"], p["organisation"]) for p in convention["signatories"]}
    assert people["M. Xavier Dupont"][0] == "directeur"
    assert people["Mme Claire Dubreuil"] == ("présidente", "Communauté de communes du Val d'Arnon")
    assert people["M. Paul Roy"][1] == "Département du Cher"


def test_signature_page_duration_article_and_annex_of_communes(sheets):
    convention = sheets[0]
    assert convention["signed_on"] == "2024-03-12"
    assert convention["period"] == {"start": 2024, "end": 2029}
    assert convention["territory"]["communes"] == 3
    assert convention["kind"] == "convention" and convention["amends"] is None


def test_an_avenant_amends_its_convention_and_keeps_what_it_leaves(sheets):
    avenant = sheets[1]
    assert avenant["kind"] == "avenant" and avenant["amends"] == "ctg.pdf"
    assert avenant["signed_on"] == "2029-02-03"
    assert avenant["period"] == {"start": 2024, "end": 2031}
    assert avenant["territory"]["communes"] == 3


def test_a_question_names_the_convention_unless_it_asks_about_the_avenant(sheets):
    finder = ConventionFinder(sheets)
    assert finder.named("Quand la CTG du Val d'Arnon a-t-elle été signée ?") == "ctg.pdf"
    assert finder.named("Quand l'avenant à la CTG du Val d'Arnon a-t-il été signé ?") == "avenant.pdf"


def test_the_words_that_name_a_convention_are_set_aside_within_it(sheets):
    from assistant.nlp.text import analyze

    focus = without_names("Quel est le pilote de l'action 2.3 de la CTG de la CC du Val d'Arnon ?", sheets[0])
    assert analyze(focus) == ["pilot", "action", "2.3"]
    assert without_names("CTG du Val d'Arnon", sheets[0]) is None


def test_the_amended_end_date_is_answered_with_both_texts(sheets):
    from assistant.facts.questions import FactAnswerer

    texts = {"ctg.pdf": OPENING, "avenant.pdf": AVENANT}
    answerer = FactAnswerer(sheets, texts.get, ConventionFinder(sheets))
    answer = answerer.answer("Jusqu'à quand court la CTG du Val d'Arnon ?")
    assert "30 juin 2031" in answer.text and "30 juin 2029" in answer.text
    assert [c.doc for c in answer.citations] == ["avenant.pdf", "ctg.pdf"]


def test_who_signed_for_one_body_is_answered_from_the_sheet(sheets):
    from assistant.facts.questions import FactAnswerer

    texts = {"ctg.pdf": OPENING, "avenant.pdf": AVENANT}
    answerer = FactAnswerer(sheets, texts.get, ConventionFinder(sheets))
    answer = answerer.answer("Qui a signé la CTG du Val d'Arnon pour le Département ?")
    assert "Paul Roy" in answer.text and "Dupont" not in answer.text
    answer = answerer.answer("Quelle personne a signé la CTG du Val d'Arnon au nom de la Caisse d'allocations familiales ?")
    assert "Xavier Dupont" in answer.text and "Roy" not in answer.text


def test_which_caf_signed_is_answered_from_the_sheet(sheets):
    from assistant.facts.questions import FactAnswerer

    texts = {"ctg.pdf": OPENING, "avenant.pdf": AVENANT}
    answer = FactAnswerer(sheets, texts.get, ConventionFinder(sheets)).answer("avec quelle caf a signé le Val d'Arnon ?")
    assert sheets[0]["caf"] and sheets[0]["caf"].split()[-1] in answer.text
    assert [c.doc for c in answer.citations] == ["ctg.pdf"]


def test_a_convention_is_named_by_the_words_of_its_address_too(sheets):
    from assistant.nlp.text import analyze

    sheet = {k: v for k, v in sheets[0].items() if k != "name_terms"}
    finder = ConventionFinder([{**sheet, "source_names": ["ccvaa montagne ctg"]}])
    assert finder.knows(analyze("montagne")[0]) and not finder.knows(analyze("Toulouse")[0])


def test_the_initials_glued_to_a_name_in_an_address_are_set_apart():
    from assistant.nlp.names import url_names

    assert url_names("https://www.ccvalbrenne.com/2022/ctg/") == ["cc valbrenne", "ctg"]
    assert url_names("https://www.ccas-ville.fr/") == ["ccas ville"]
    # an acronym with digits is a name ("3v2c.fr"); a number, a year or "art12" is not
    assert url_names("https://3v2c.fr/petite-enfance") == ["3v2c", "petite enfance"]
    assert url_names("https://www.ville-x.fr/le-maire-2023/art12") == ["ville x", "le maire"]


def test_an_acronym_with_digits_names_the_convention_whose_address_has_it(sheets):
    """"3v2c la convention c signée avec quelle caf": the acronym of the site's address names that convention, though the corpus
    spelling does not hold it as a name."""
    from assistant.store.spelling import CorpusSpelling

    sheet = {k: v for k, v in sheets[0].items() if k != "name_terms"}
    others = [{k: v for k, v in s.items() if k != "name_terms"} for s in sheets[1:]]
    finder = ConventionFinder([{**sheet, "source_names": ["3v2c"]}, *others], CorpusSpelling(["la ctg de 2024"]))
    assert finder.find("3v2c la convention c signée avec quelle caf")[0].doc == sheet["doc"]
    assert not finder.find("la ctg signee le 1er mars")


def test_where_a_part_is_is_answered_with_its_heading(sheets):
    """"Dans quelle annexe…", "quel article…": the heading of the part the question's words are about, quoted where
    it stands; a question about something else, or about no part, is left to the other answerers."""
    from assistant.answering.sections import SectionLocator
    from assistant.ingest.structure import encode

    texts = {"ctg.pdf": OPENING, "avenant.pdf": AVENANT}
    by_doc = {s["doc"]: s for s in sheets}
    locator = SectionLocator(lambda doc: (texts[doc], {"sections": encode(texts[doc])}), ConventionFinder(sheets),
                             by_doc.get)
    answer = locator.answer("dans quelle annexe de la ctg du val d'arnon est la liste des communes ?")
    assert answer.text.startswith("Annexe 5 – Liste des communes membres")
    citation = answer.citations[0]
    assert OPENING[citation.start:citation.end] == "Annexe 5 – Liste des communes membres"
    assert locator.answer("Quel article de la CTG du Val d'Arnon fixe la durée ?").text.startswith("Article 9")
    assert locator.answer("Où se trouve la mairie du Val d'Arnon ?") is None
    assert locator.answer("Quel article de la CTG du Val d'Arnon parle du budget ?") is None


def test_generated_conventions_are_read_with_their_facts(tmp_path):
    """The generated collection (evals/longdocs, seed 3): every gold fact of parties, signatories, signing date,
    period and communes is found (a check of the whole reading chain, PDF and DOCX)."""
    from evals.facts_eval import run_facts
    from evals.longdocs.generate import generate

    generate(tmp_path / "gen", seed=3)
    gold = json.loads((tmp_path / "gen" / "facts.json").read_text())
    amended = {g["amends"] for g in gold if g.get("amends")}
    kept = [g for g in gold if g["kind"] == "avenant" or g["doc"] in amended]  # a PDF and a DOCX pair, for time
    (tmp_path / "gold.json").write_text(json.dumps(kept, ensure_ascii=False))
    scores = run_facts(tmp_path / "gen" / "corpus", [str(tmp_path / "gold.json")], tmp_path / "out")
    assert len(kept) == 4 and scores["amends"]["recall"] == 1.0
    for field in ("parties", "signatories.name", "signed_on", "period.start", "period.end", "territory.communes"):
        assert scores[field]["precision"] >= 0.9 and scores[field]["recall"] >= 0.9, (field, scores[field])
    assert json.loads((tmp_path / "out" / "facts.json").read_text())["sheets"]
