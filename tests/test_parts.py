"""Questions that point to a numbered part or a page of a convention, and where-questions about a table."""
from __future__ import annotations

import json

from assistant.answering.parts import page_reference, part_match, references, row_headers
from assistant.answering.sections import SectionLocator
from assistant.ingest.structure import encode
from assistant.nlp.segment import sentence_spans


def test_numbered_parts_a_question_names():
    assert references("quel public vise l'action 3.3 de la ctg ?") == [("action", "3.3")]
    assert references("Que prévoit la fiche action n° 2.1 ?") == [("action", "2.1")]
    assert references("l'article 9 de la convention") == [("article", "9")]
    assert references("Quel est l'intitulé de l'axe II ?") == [("axe", "ii")]
    assert references("une action importante pour les familles") == []


def test_a_sentence_lies_in_the_part_named():
    ref = [("action", "4.1")]
    assert part_match(ref, "Annexe 2 – Fiches › Fiche action 4.1 – Soutenir › Objectifs :", "Former les agents") == 2
    assert part_match(ref, "Annexe 1 – Plan d'actions", "N° : 4.1 ; Action : Créer un relais ; Pilote : Caf") == 2
    assert part_match(ref, "Annexe 1 – Plan d'actions", "N° : 4.12 ; Action : Créer un relais") == 0
    assert part_match(ref, "Fiche action 4.12 – Ouvrir", "Ouvrir une crèche") == 0
    assert part_match(ref, "Article 3 – Diagnostic › 4.1 Accès aux droits", "Le non-recours reste élevé") == 1


def test_the_page_a_question_names():
    assert page_reference("Sur quelle période porte la CTG, d'après sa page de titre ?") == 1
    assert page_reference("que dit la page 12 de la convention") == 12
    assert page_reference("quel est le taux de couverture en accueil du jeune enfant ?") is None


def test_a_month_shortened_before_its_year_ends_no_sentence():
    text = "N° : 2.4 ; Échéance : Sept. 2027 ; Pilote : Caf. Elle signe en oct. Les autres suivent."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "N° : 2.4 ; Échéance : Sept. 2027 ; Pilote : Caf.", "Elle signe en oct.", "Les autres suivent."]


class _Finder:
    def named(self, question):
        return "ctg.pdf"


def test_where_is_the_table_answers_with_the_part_that_holds_it():
    text = ("Article 5 – Le plan d'actions\n\nLe plan d'actions décline les orientations en actions.\n\n"
            "Annexe 1 – Plan d'actions\n\nN° : 1.1 ; Action : Ouvrir un relais ; Pilote : Caf\n"
            "N° : 1.2 ; Action : Former les agents ; Pilote : Commune\n")
    meta = {"sections": encode(text), "title": "CTG"}
    locator = SectionLocator(lambda doc: (text, meta), _Finder(), lambda doc: {"territory": {"name": "Brévannes"}})
    assert locator.answer("Où trouver le tableau du plan d'actions de la CTG ?").text.startswith("Annexe 1")
    assert locator.answer("Quel article porte sur le plan d'actions de la CTG ?").text.startswith("Article 5")
    assert json.loads(meta["sections"])


def test_a_part_quoted_by_its_title():
    refs = references("À qui s'adresse l'action « Développer la médiation familiale » de la CTG ?")
    assert refs == [("title", "developper la mediation familiale")]
    assert part_match(refs, "Annexe 2 › Fiche action 4.2 – Développer la médiation familiale › Public :", "x") == 2
    assert part_match(refs, "Article 7 – Pilotage", "La médiation familiale est soutenue.") == 0


def test_the_row_that_holds_the_asked_cell():
    from assistant.answering.narrowing import holds_asked_cell
    from assistant.nlp.terms import GENERIC_TERMS, QUESTION_FRAME
    from assistant.nlp.text import analyze

    def holds(question, row):
        return holds_asked_cell(set(analyze(question)) - GENERIC_TERMS - QUESTION_FRAME, row)

    assert row_headers("N° : 6.2 ; Action : Ouvrir un relais Indicateur : places créées ; Pilote : CCAS") == [
        "N°", "Action", "Indicateur", "Pilote"]
    assert holds("Combien d'habitants compte Brévannes selon la CTG ?", "Commune : Brévannes ; Population : 1 942")
    assert holds("quel pilote pour l'action 6.2 ?", "N° : 6.2 ; Action : Ouvrir un relais ; Pilote : CCAS")
    assert not holds("quel pilote pour l'action 6.2 ?", "N° : 6.3 ; Action : Ouvrir un relais ; Pilote : CCAS")
    assert not holds("Combien d'habitants compte Brévannes ?", "Brévannes accueille un relais petite enfance.")


def test_a_row_is_no_answer_for_a_word_it_shares():
    from assistant.answering.narrowing import holds_asked_cell
    from assistant.nlp.terms import GENERIC_TERMS, QUESTION_FRAME
    from assistant.nlp.text import analyze

    asked = set(analyze("Combien d'habitants ont assisté à la réunion du 27 mai à Sainte-Odile-de-Brévannes ?"))
    asked -= GENERIC_TERMS | QUESTION_FRAME
    assert not holds_asked_cell(asked, "Commune : Sainte-Croix ; Population municipale : 1 046")
    enfants = set(analyze("Combien d'enfants handicapés sont allés en accueil de loisirs ?")) - QUESTION_FRAME
    assert not holds_asked_cell(enfants, "Indicateur : Familles de trois enfants ; Accueil : 14 %")


def test_a_claim_about_a_cell_of_a_numbered_row():
    from assistant.checking.cells import match_cell

    text = ("Annexe 1 – Plan d'actions\n\nN° : 2.2 ; Action : Repérer les logements Indicateur : taux ; Pilote : "
            "Coordination CTG ; Partenaires : Caf, associations\nN° : 2.3 ; Action : Ouvrir ; Pilote : CCAS\n")
    wrong = match_cell("Vérifie : l'action 2.2 de la CTG est pilotée par « France services ».", text)
    assert (wrong.verdict, wrong.found) == ("contradicted", "Coordination CTG")
    assert text[slice(*wrong.evidence)].startswith("N° : 2.2")
    assert match_cell("l'action 2.3 est pilotée par « CCAS »", text).verdict == "supported"
    assert match_cell("l'action 2.4 est pilotée par « CCAS »", text) is None


def test_the_word_that_names_a_row_asks_for_no_column():
    from assistant.answering.narrowing import holds_asked_cell
    from assistant.nlp.terms import GENERIC_TERMS, QUESTION_FRAME
    from assistant.nlp.text import analyze

    asked = set(analyze("quel public vise l'action 2.4 de la ctg ?")) - GENERIC_TERMS - QUESTION_FRAME
    row = "N° : 2.4 ; Action : Ouvrir un relais ; Pilote : CCAS"
    assert holds_asked_cell(asked, row)  # "action" would match the "Action" column…
    assert not holds_asked_cell(asked, row, {"action"})  # …but it names the row
