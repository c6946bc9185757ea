"""vague-retention on real-world phrasings, in Finnish, Swedish and English, both ways: each vague one is reported,
each concrete one (a period with its starting point, an event, a law that sets the period) is not. The phrasings
are the kind found in Finnish clinics' notices ("tarvittavan ajan asiakassuhteesta riippuen")."""

from __future__ import annotations

import pytest

from seloste.checker.rules.vague_retention import vague_clause
from tests.checker.util import check_text, of_rule

VAGUE = [
    "Tarvittavan ajan asiakassuhteesta riippuen",
    "kunnes asiakassuhde päättyy",
    "Asiakassuhteen ajan",
    "Tietoja säilytetään asiakassuhteen jatkumisen ajan tai niin pitkään kun laki sitä edellyttää.",
    "niin kauan kuin se on tarpeellista",
    "Säilytämme tietoja toistaiseksi.",
    "lain edellyttämän ajan",
    "Henkilötietoja säilytetään vain niin kauan kuin on tarpeen käsittelyn tarkoitusten toteuttamiseksi.",
    "voimassa olevan lainsäädännön mukaisesti",
    "Tietoja säilytetään käyttötarkoituksen edellyttämän ajan.",
    "asiakassuhteen päättymiseen asti",
    "kohtuullisen ajan asiakkuuden päättymisen jälkeen",
    "så länge det är nödvändigt",
    "Uppgifterna sparas så länge kundförhållandet varar.",
    "enligt lag",
    "tills vidare",
    "den tid som krävs för ändamålet",
    "beroende på kundförhållandet",
    "tills kundförhållandet upphör",
    "Uppgifterna bevaras under kundförhållandet och därefter så länge lagen kräver.",
    "as long as necessary",
    "for the duration of the customer relationship",
]

CONCRETE = [
    "2 vuotta viimeisestä käynnistä",
    "kunnes suostumus peruutetaan",
    "Kirjanpitolain 2 luvun 10 §:n mukaisesti",
    "kuusi vuotta asiakassuhteen päättymisestä",
    "12 vuotta potilaan kuolemasta",
    "kunnes asiakassuhde päättyy; asiakassuhde katsotaan päättyneeksi, kun viimeisestä käynnistä on kulunut 2 v",
    "Tiedot poistetaan 3 kk kuluttua ajanvarauksesta",
    "kunnes asiakas peruu suostumuksensa",
    "Lokitiedot säilytetään 30 päivää.",
    "työsuhteen päättymisestä kaksi vuotta",
    "viimeisen käynnin jälkeen 5 vuotta",
    "Laki potilaan asemasta ja oikeuksista 785/1992 ja 703/2023 mukaisesti",
    "två år från det senaste besöket",
    "tills samtycket återkallas",
    "sex år enligt bokföringslagen",
    "3 år efter att kundförhållandet upphört",
    "tills du återkallar ditt samtycke",
    "Kundförhållandet anses ha upphört när två år har gått sedan senaste besöket; uppgifterna raderas då.",
    "until you withdraw your consent",
    "two years from the last visit",
    "12 kuukautta viimeisestä ostosta",
]


def test_there_are_at_least_twenty_of_each() -> None:
    assert len(VAGUE) >= 20 and len(CONCRETE) >= 20


@pytest.mark.parametrize("text", VAGUE)
def test_vague_phrasings_are_reported(text: str) -> None:
    assert vague_clause(text) is not None


@pytest.mark.parametrize("text", CONCRETE)
def test_concrete_phrasings_pass(text: str) -> None:
    assert vague_clause(text) is None


def _retention(criterion: str) -> str:
    return ("schema_version: 1\ncontroller: {name: X Oy, email: x@example.fi}\nactivities:\n  - id: a\n"
            f"    name: A\n    retention:\n      - criterion: \"{criterion}\"\n")


def test_the_rule_reports_the_vague_clause_where_it_stands() -> None:
    findings = check_text(_retention("Tarvittavan ajan asiakassuhteesta riippuen"))
    assert of_rule(findings, "vague-retention") == [(7, 20)]
    assert check_text(_retention("2 vuotta viimeisestä käynnistä")) and \
        of_rule(check_text(_retention("2 vuotta viimeisestä käynnistä")), "vague-retention") == []


def test_the_end_of_the_customer_relationship_needs_its_definition() -> None:
    assert vague_clause("kunnes asiakassuhde päättyy") == "kunnes asiakassuhde päättyy"
    assert vague_clause("kunnes asiakassuhde päättyy. Asiakassuhde katsotaan päättyneeksi, kun viimeisestä "
                        "käynnistä on kulunut kaksi vuotta.") is None
