"""Claim check: parsing of claims, near misses, the chat's "Vérifie : …", nothing supported by topic alone."""
import pytest

from assistant.checking.claims import parse_claim, parse_number, quantities, strip_check_prefix, without_check_prefix


@pytest.mark.parametrize("words, value", [("7 500", 7500), ("dix-neuf", 19), ("quatre-vingt-dix", 90),
                                          ("vingt et un", 21), ("2,5", 2.5), ("treize", 13), ("deux mille", 2000)])
def test_numbers_in_words_and_digits(words, value):
    assert parse_number(words) == value


def test_quantities_keep_their_unit_and_skip_dates():
    found = [(q.value, q.noun) for q in quantities("le 6 février 2023, 7 500€ et 2 millions d’euros pour un an, "
                                                   "dix-neuf communes, une politique, 6 mois")]
    assert found == [(7500, "€"), (2_000_000, "€"), (12, "mois"), (19, "communes"), (6, "mois")]


def test_claim_parts():
    claim = parse_claim("La CTG de Perpignan, signée le 3 juillet 2024, couvre les années 2024 à 2028.")
    assert claim.signed[0] == "2024-07-03" and claim.period[0] == {"start": 2024, "end": 2028}
    assert parse_claim("Elle court jusqu'en 2026.").period[0] == {"start": None, "end": 2026}
    assert strip_check_prefix("Est-il vrai que la CTG de Canet court jusqu'en 2026 ?") == \
        "La CTG de Canet court jusqu'en 2026"
    assert strip_check_prefix("Vérifie : la CTG d'Angers date de 2019") == "La CTG d'Angers date de 2019"
    assert without_check_prefix("bonjour est-il exact que la CTG d'Angers compte 11 communes ?") == \
        "La CTG d'Angers compte 11 communes ?"
    assert without_check_prefix("La CTG d'Angers date de 2019") == "La CTG d'Angers date de 2019"
    assert strip_check_prefix("Qui a signé la CTG ?") is None
    # a journalist's statement with a question mark is a claim; a real question is not
    assert strip_check_prefix("La CTG de Perpignan a été signée en 2023 ?") == "La CTG de Perpignan a été signée en 2023"
    assert strip_check_prefix("La CTG de Perpignan comporte-t-elle un volet logement ?") is None
    assert strip_check_prefix("Signée par une commune ou par une intercommunalité ?") is None
    assert strip_check_prefix("Signataires de la CTG de Perpignan ?") is None


@pytest.mark.parametrize("claim, verdict", [
    # near misses: right person wrong role, right year wrong day, period shifted by one year, deputy vs head
    ("Thierry Mathieu, président de la Caf de l'Hérault, a signé la CTG de la Vallée de l'Hérault.", "contradicted"),
    ("La CTG de la Vallée de l'Hérault a été signée le 7 février 2023.", "contradicted"),
    ("La CTG de Perpignan couvre la période 2025-2029.", "contradicted"),
    ("Claire Héry, directrice de la Caf des Pyrénées-Orientales, a signé la CTG de Perpignan.", "contradicted"),
    # a person the text does not name said to have signed, when the signatories are listed
    ("La CTG de Canet-en-Roussillon a été signée par Louis Aliot.", "contradicted"),
    # the same facts, right
    ("Thierry Mathieu, directeur de la Caf, a signé la CTG de la Vallée de l'Hérault le 6 février 2023.", "supported"),
    ("Le territoire de Caux Seine agglo compte 50 communes.", "supported"),
    ("La CTG de la CCVH n'est pas un dispositif financier.", "supported"),
    # whether it has something, as typed: "dedans" is only the frame
    ("Caux Seine agglo la ctg y a le logement dedans", "supported"),
    # the negation of what the text says
    ("Selon la Vallée de l'Hérault, la CTG est un dispositif financier.", "contradicted"),
    # topical words alone, or a true part with an unknown one, never support
    ("La CTG de Perpignan a été signée en juillet 2024 en présence du préfet.", "not_found"),
    ("La CTG de Canet-en-Roussillon a été confiée au cabinet ARFOS.", "not_found"),
    ("La CTG de Toulouse a été signée en 2022.", "not_found"),
    ("La CTG a été signée en 2023.", "not_found"),
])
def test_verdicts(seed_assistant, claim, verdict):
    result = seed_assistant.check(claim)
    assert result.verdict == verdict, result.explanation
    if verdict != "not_found":
        assert result.citations and all(p.citation for p in result.parts if p.verdict == verdict)


def test_contradiction_cites_the_conflicting_passage(seed_assistant):
    result = seed_assistant.check("La CTG de la Vallée de l'Hérault a été signée le lundi 6 mars 2023.")
    assert result.verdict == "contradicted" and "6 février 2023" in result.explanation
    cited = result.citations[result.parts[0].citation - 1]
    text, _ = seed_assistant.document(cited.doc)
    assert text[cited.start:cited.end] == cited.text and "6 février" in cited.text


def test_the_chat_recognises_a_claim(seed_assistant):
    answer = seed_assistant.ask("Est-il vrai que la CTG de Perpignan a été signée en 2023 ?")
    assert answer.verdict == "contradicted" and answer.citations[0].doc == "2024-perpignan.txt"
    assert answer.to_dict()["verdict"] == "contradicted"
    assert seed_assistant.ask("Qui a signé la CTG de Perpignan ?").verdict is None


def test_verdict_html_escapes_and_colours(seed_assistant):
    from assistant.render import verdict_html

    page = verdict_html(seed_assistant.check("La CTG de Perpignan a été signée en 2023 <script>x</script>."))
    assert "<script>" not in page and "#c62828" in page and "Contredit" in page


def test_quantities_in_millions_percent_and_euros_said_once():
    found = [(q.value, q.noun) for q in quantities("une enveloppe de 8 M€, dont 7 millions consacrés à l’éducation, "
                                                   "82 % des actions, 2,5 millions d’habitants")]
    assert found == [(8_000_000, "€"), (7_000_000, "€"), (82, "%"), (2_500_000, "habitants")]


def _verdict(claim: str, text: str, sheet: dict):
    from assistant.checking.checker import _Check

    base = {"doc": "x.txt", "title": "CTG de Bréville", "territory": {"name": "Bréville"}, "caf": "Caf de l'Yonne",
            "signatories": [], "present": [], "spans": {}, "period": {}}
    return _Check({**base, **sheet}, text, parse_claim(claim)).run()


def test_another_holder_of_the_role_or_slot_contradicts():
    """"X, président de la CAB" when the sheet's president of the CAB is someone else; "le cabinet Deloitte" when
    the text names the cabinet KPMG: contradicted, with the conflicting passage cited."""
    text = "La CTG a été signée par Louis Pozzo, président de la CAB. Un cabinet d’étude, KPMG, accompagne la CAB."
    sheet = {"signatories": [{"name": "Louis Pozzo", "role": "président de la CAB", "organisation": "CAB"}],
             "spans": {"signatories[0]": [25, 56]}}
    holder = _verdict("La CTG a été signée par Gilles Simeoni, président de la CAB.", text, sheet)
    assert holder.verdict == "contradicted" and "Louis Pozzo" in holder.explanation and holder.citations
    slot = _verdict("C'est le cabinet Deloitte qui accompagne la CAB.", text, sheet)
    assert slot.verdict == "contradicted" and "KPMG" in slot.explanation and "KPMG" in slot.citations[0].text
    unknown = _verdict("Le cabinet Deloitte a rédigé le diagnostic.", "La CTG a été signée par Louis Pozzo.", sheet)
    assert unknown.verdict == "not_found"
